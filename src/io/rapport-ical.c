/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-ical"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "rapport-ical.h"
#include "rapport-io-text.h"

/* Rapport's own properties, so that a Rapport → Rapport round trip keeps
 * what iCalendar has no word for. Values are the stable enum keys. */
#define X_KIND         "X-RAPPORT-KIND"
#define X_MODE         "X-RAPPORT-MODE"
#define X_STATUS       "X-RAPPORT-STATUS"
#define X_THEIR_TZID   "X-RAPPORT-THEIR-TZID"

#define PRODID         "-//Rapport//Rapport 0.1//EN"
#define MAX_DURATION   (24 * 60)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

G_DEFINE_QUARK (rapport-ical-error-quark, rapport_ical_error)

/* iCalendar TEXT may not hold control characters but tabs and line feeds
 * (RFC 5545 §3.3.11), and libical silently drops a lone CR: make line ends
 * plain LFs, and drop the rest rather than write a broken file. */
static char *
clean_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------------ */

static icalproperty_status
status_to_ical (RapportStatus status)
{
  switch (status)
    {
    case RAPPORT_STATUS_REQUESTED:
      return ICAL_STATUS_TENTATIVE;

    case RAPPORT_STATUS_CONFIRMED:
    case RAPPORT_STATUS_HELD:
      return ICAL_STATUS_CONFIRMED;

    case RAPPORT_STATUS_CANCELLED:
    case RAPPORT_STATUS_RESCHEDULED:
    case RAPPORT_STATUS_NO_SHOW:
      return ICAL_STATUS_CANCELLED;

    default:
      g_return_val_if_reached (ICAL_STATUS_TENTATIVE);
    }
}

static void
add_x_property (icalcomponent *event,
                const char    *name,
                const char    *value)
{
  icalproperty *prop;

  if (value == NULL || *value == '\0')
    return;

  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (event, prop);
}

/* The person an interview is with, for its title and description. */
static RapportContact *
dup_interview_contact (RapportStore       *store,
                       RapportAppointment *appointment)
{
  gint64 contact_id = rapport_appointment_get_contact_id (appointment);

  if (store == NULL ||
      contact_id == 0 ||
      rapport_appointment_get_kind (appointment) != RAPPORT_APPOINTMENT_INTERVIEW)
    return NULL;

  return rapport_store_get_contact (store, contact_id);
}

static char *
dup_summary (RapportAppointment *appointment,
             RapportContact     *contact)
{
  const char *title = rapport_appointment_get_title (appointment);

  if (*title != '\0')
    return clean_text (title);

  if (contact != NULL && *rapport_contact_get_name (contact) != '\0')
    /* Translators: the title of an exported calendar event; %s is a person's name */
    return g_strdup_printf (_("Informational interview with %s"), rapport_contact_get_name (contact));

  return g_strdup (rapport_appointment_kind_get_label (rapport_appointment_get_kind (appointment)));
}

/* The notes, after a line saying who the interview is with: someone
 * reading their phone's calendar on the way there wants to know. */
static char *
dup_description (RapportAppointment *appointment,
                 RapportContact     *contact)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *notes = clean_text (rapport_appointment_get_notes (appointment));

  if (contact != NULL && *rapport_contact_get_name (contact) != '\0')
    {
      const char *name = rapport_contact_get_name (contact);
      const char *job = rapport_contact_get_job_title (contact);
      const char *organization = rapport_contact_get_organization (contact);
      g_autofree char *role = NULL;

      if (*job != '\0' && *organization != '\0')
        /* Translators: a person's job title, then where they work */
        role = g_strdup_printf (_("%s at %s"), job, organization);
      else if (*job != '\0' || *organization != '\0')
        role = g_strdup (*job != '\0' ? job : organization);

      if (role != NULL)
        /* Translators: in an exported event's description: a person's name and their job */
        g_string_append_printf (text, _("With %s (%s)"), name, role);
      else
        /* Translators: in an exported event's description; %s is a person's name */
        g_string_append_printf (text, _("With %s"), name);

      if (*notes != '\0')
        g_string_append (text, "\n\n");
    }

  g_string_append (text, notes);
  return clean_text (text->str);
}

static icalcomponent *
event_from_appointment (RapportStore       *store,
                        RapportAppointment *appointment,
                        struct icaltimetype stamp)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  g_autoptr(RapportContact) contact = dup_interview_contact (store, appointment);
  g_autofree char *summary = dup_summary (appointment, contact);
  g_autofree char *description = dup_description (appointment, contact);
  g_autofree char *place = clean_text (rapport_appointment_get_place (appointment));
  g_autofree char *uid = NULL;
  gint64 created = rapport_record_get_created (RAPPORT_RECORD (appointment));
  gint64 updated = rapport_record_get_updated (RAPPORT_RECORD (appointment));
  icalcomponent *event = icalcomponent_new_vevent ();

  /* The store gives every saved appointment a UID, so calendars that
   * subscribe to or re-import the export update events, not double them. */
  uid = g_strdup (rapport_appointment_get_uid (appointment));
  if (*uid == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_free (uid);
      uid = g_strconcat (uuid, "@rapport", NULL);
    }

  icalcomponent_set_uid (event, uid);
  icalcomponent_set_dtstamp (event, stamp);
  if (created > 0)
    icalcomponent_add_property (event,
                                icalproperty_new_created (icaltime_from_timet_with_zone ((time_t)created, FALSE, utc)));
  if (updated > 0)
    icalcomponent_add_property (event,
                                icalproperty_new_lastmodified (icaltime_from_timet_with_zone ((time_t)updated, FALSE, utc)));

  icalcomponent_set_dtstart (event,
                             icaltime_from_timet_with_zone ((time_t)rapport_appointment_get_start (appointment),
                                                            FALSE, utc));
  icalcomponent_set_dtend (event,
                           icaltime_from_timet_with_zone ((time_t)rapport_appointment_get_end (appointment),
                                                          FALSE, utc));

  icalcomponent_set_summary (event, summary);
  if (*place != '\0')
    icalcomponent_set_location (event, place);
  if (*description != '\0')
    icalcomponent_set_description (event, description);
  icalcomponent_set_status (event, status_to_ical (rapport_appointment_get_status (appointment)));

  add_x_property (event, X_KIND,
                  rapport_enum_to_key (RAPPORT_TYPE_APPOINTMENT_KIND, rapport_appointment_get_kind (appointment)));
  add_x_property (event, X_MODE,
                  rapport_enum_to_key (RAPPORT_TYPE_MODE, rapport_appointment_get_mode (appointment)));
  add_x_property (event, X_STATUS,
                  rapport_enum_to_key (RAPPORT_TYPE_STATUS, rapport_appointment_get_status (appointment)));
  add_x_property (event, X_THEIR_TZID, rapport_appointment_get_their_timezone (appointment));

  return event;
}

/**
 * rapport_ical_export:
 * @store: (nullable): where to look up the people interviews are with
 * @appointments: (element-type RapportAppointment): what to export
 * @error: return location for a #GError
 *
 * Writes @appointments as one iCalendar (RFC 5545) calendar, every time in
 * UTC. Requests that have no time yet are left out, as a calendar cannot
 * show them. Each event keeps the appointment's UID, so exporting again and
 * importing into the same calendar updates events rather than copying them.
 *
 * Returns: (transfer full): the calendar as UTF-8 text with CRLF line ends
 *   and lines folded at 75 octets, or %NULL if none of @appointments has a
 *   time
 */
char *
rapport_ical_export (RapportStore  *store,
                     GPtrArray     *appointments,
                     GError       **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  struct icaltimetype stamp;
  char *ical;
  char *result;
  guint n_events = 0;

  g_return_val_if_fail (store == NULL || RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (appointments != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  for (guint i = 0; i < appointments->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i);

      g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

      if (rapport_appointment_get_start (appointment) <= 0)
        continue;

      icalcomponent_add_component (calendar, event_from_appointment (store, appointment, stamp));
      n_events++;
    }

  /* RFC 5545 wants at least one component, and an empty file would only
   * puzzle the calendar it is imported into. */
  if (n_events == 0)
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("There is nothing to export: none of these appointments has a date and time yet."));
      return NULL;
    }

  ical = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (ical);
  icalmemory_free_buffer (ical);

  return result;
}

/* ------------------------------------------------------------------------ *
 * Import
 * ------------------------------------------------------------------------ */

typedef enum {
  EVENT_NO_START,
  EVENT_BAD_START,
  EVENT_TOO_EARLY,
} EventProblem;

static void
set_event_error (GError        **error,
                 icalcomponent  *event,
                 guint           position,
                 EventProblem    problem)
{
  const char *summary = icalcomponent_get_summary (event);
  g_autofree char *name = NULL;

  if (summary == NULL || *summary == '\0')
    summary = icalcomponent_get_uid (event);
  if (summary != NULL && *summary != '\0')
    name = g_utf8_make_valid (summary, -1);

  switch (problem)
    {
    case EVENT_NO_START:
      if (name != NULL)
        /* Translators: %s is the title of an event in a calendar file */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event “%s” has no start time"), name);
      else
        /* Translators: %u is the position of an event in a calendar file: 1, 2, … */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event %u has no start time"), position);
      break;

    case EVENT_BAD_START:
      if (name != NULL)
        /* Translators: %s is the title of an event in a calendar file */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event “%s” has a start time that is not a real date and time."), name);
      else
        /* Translators: %u is the position of an event in a calendar file: 1, 2, … */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event %u has a start time that is not a real date and time."), position);
      break;

    case EVENT_TOO_EARLY:
      if (name != NULL)
        /* Translators: %s is the title of an event in a calendar file */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event “%s” starts before 1970, which Rapport cannot keep."), name);
      else
        /* Translators: %u is the position of an event in a calendar file: 1, 2, … */
        g_set_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                     _("Event %u starts before 1970, which Rapport cannot keep."), position);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* libical takes "DTSTART:2026-13-45" for the date 20261345 and calls it
 * valid: check the fields ourselves. */
static gboolean
time_is_real (struct icaltimetype t)
{
  if (icaltime_is_null_time (t))
    return FALSE;
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 ||
      !g_date_valid_dmy ((GDateDay)t.day, (GDateMonth)t.month, (GDateYear)t.year))
    return FALSE;
  if (!t.is_date && (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 ||
                     t.second < 0 || t.second > 60))
    return FALSE;

  return TRUE;
}

/* A wall-clock time in @tz (local time if %NULL), as UTC seconds. */
static gboolean
wall_clock_to_utc (GTimeZone           *tz,
                   struct icaltimetype  t,
                   gint64              *utc)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  if (t.is_date)
    dt = g_date_time_new (tz, t.year, t.month, t.day, 0, 0, 0);
  else
    /* a leap second is taken as the second before it */
    dt = g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, MIN (t.second, 59));
  if (dt == NULL)
    return FALSE;

  *utc = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * time_to_utc:
 * @prop: the DTSTART or DTEND property @t came from
 * @t: the time, with its zone as icalcomponent_get_dtstart() resolves it
 *
 * libical resolves a TZID through the file's own VTIMEZONE blocks and then
 * its built-in (system) zones. A TZID it does not know is tried as a GLib
 * identifier, and failing that the time is taken as local time, the most
 * likely zone of a file a student exported from their own calendar.
 */
static gboolean
time_to_utc (icalproperty        *prop,
             struct icaltimetype  t,
             gint64              *utc)
{
  icalparameter *tzid_param;
  g_autoptr(GTimeZone) tz = NULL;

  if (!time_is_real (t))
    return FALSE;

  /* all-day: from midnight where the user is */
  if (t.is_date)
    return wall_clock_to_utc (NULL, t, utc);

  if (t.zone != NULL)
    {
      *utc = (gint64)icaltime_as_timet_with_zone (t, t.zone);
      return TRUE;
    }

  tzid_param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  if (tzid_param != NULL && icalparameter_get_tzid (tzid_param) != NULL)
    {
      tz = g_time_zone_new_identifier (icalparameter_get_tzid (tzid_param));
      if (tz == NULL)
        g_debug ("Unknown time zone \"%s\", taking the time as local time",
                 icalparameter_get_tzid (tzid_param));
    }

  /* floating time: the same wall-clock time wherever the user is */
  return wall_clock_to_utc (tz, t, utc);
}

static const char *
get_x_property (icalcomponent *event,
                const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        return icalproperty_get_x (prop);
    }

  return NULL;
}

/* How long the event lasts, in minutes, or 0 if the file does not say. */
static int
event_duration (icalcomponent *event,
                gint64         start)
{
  icalproperty *dtend_prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration_prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  gint64 seconds = 0;

  if (dtend_prop != NULL)
    {
      gint64 end;

      if (!time_to_utc (dtend_prop, icalcomponent_get_dtend (event), &end))
        return 0;
      seconds = end - start;
    }
  else if (duration_prop != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (duration_prop);

      if (icaldurationtype_is_bad_duration (duration))
        return 0;
      seconds = icaldurationtype_as_int (duration);
    }

  if (seconds <= 0)
    return 0;

  /* to the nearest minute, but at least one */
  return (int)CLAMP ((seconds + 30) / 60, 1, (gint64)MAX_DURATION);
}

static gboolean
looks_like_video_call (const char *text)
{
  static const char * const hosts[] = {
    "zoom.us/", "meet.google.com/", "teams.microsoft.com/", "teams.live.com/",
    "webex.com/", "whereby.com/", "meet.jit.si/",
  };

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    if (strstr (text, hosts[i]) != NULL)
      return TRUE;

  return FALSE;
}

static RapportStatus
status_from_ical (icalproperty_status status)
{
  /* an if chain, as a switch would have to name every libical status */
  if (status == ICAL_STATUS_TENTATIVE)
    return RAPPORT_STATUS_REQUESTED;
  if (status == ICAL_STATUS_CANCELLED)
    return RAPPORT_STATUS_CANCELLED;

  /* CONFIRMED, or no status: the event is on someone's calendar at a
   * definite time. */
  return RAPPORT_STATUS_CONFIRMED;
}

/* Each appointment needs its own UID: a repeating event's changed
 * occurrences share their series' UID, told apart by RECURRENCE-ID. */
static char *
dup_unique_uid (icalcomponent *event,
                GHashTable    *seen)
{
  g_autofree char *base = g_strdup (icalcomponent_get_uid (event));
  char *unique;

  if (base != NULL && *g_strstrip (base) != '\0')
    {
      icalproperty *recurrence = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);

      if (recurrence != NULL)
        {
          char *when = icaltime_as_ical_string_r (icalproperty_get_recurrenceid (recurrence));
          char *with_when = g_strconcat (base, "/", when, NULL);

          icalmemory_free_buffer (when);
          g_free (base);
          base = with_when;
        }
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_free (base);
      base = g_strconcat (uuid, "@import", NULL);
    }

  unique = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (seen, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", base, n);
    }

  g_hash_table_add (seen, g_strdup (unique));
  return unique;
}

static RapportAppointment *
appointment_from_event (icalcomponent  *event,
                        guint           position,
                        GHashTable     *seen_uids,
                        GError        **error)
{
  icalproperty *dtstart_prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype dtstart;
  g_autoptr(RapportAppointment) appointment = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *title = clean_text (icalcomponent_get_summary (event));
  g_autofree char *place = clean_text (icalcomponent_get_location (event));
  g_autofree char *notes = clean_text (icalcomponent_get_description (event));
  const char *key;
  const char *their_tzid;
  int kind = RAPPORT_APPOINTMENT_OTHER;
  int mode = RAPPORT_MODE_IN_PERSON;
  int status;
  int duration;
  gint64 start;

  if (dtstart_prop == NULL)
    {
      set_event_error (error, event, position, EVENT_NO_START);
      return NULL;
    }

  dtstart = icalcomponent_get_dtstart (event);
  if (!time_to_utc (dtstart_prop, dtstart, &start))
    {
      set_event_error (error, event, position, EVENT_BAD_START);
      return NULL;
    }
  if (start <= 0)
    {
      set_event_error (error, event, position, EVENT_TOO_EARLY);
      return NULL;
    }

  if (dtstart.is_date)
    duration = MAX_DURATION;
  else
    duration = event_duration (event, start);
  if (duration <= 0)
    duration = RAPPORT_DEFAULT_DURATION;

  key = get_x_property (event, X_KIND);
  if (rapport_enum_from_key (RAPPORT_TYPE_APPOINTMENT_KIND, key, &kind))
    {
      /* An interview cannot be saved without its person, whom the file
       * cannot point to: keep it as "other", its title naming them. */
      if (kind == RAPPORT_APPOINTMENT_INTERVIEW)
        kind = RAPPORT_APPOINTMENT_OTHER;
      /* an untitled appointment was exported under its kind's name */
      else if (g_strcmp0 (title, rapport_appointment_kind_get_label (kind)) == 0)
        g_clear_pointer (&title, g_free);
    }
  else
    kind = RAPPORT_APPOINTMENT_OTHER;

  key = get_x_property (event, X_MODE);
  if (!rapport_enum_from_key (RAPPORT_TYPE_MODE, key, &mode))
    {
      if (looks_like_video_call (place) ||
          looks_like_video_call (notes) ||
          looks_like_video_call (get_x_property (event, "X-GOOGLE-CONFERENCE")))
        mode = RAPPORT_MODE_VIDEO;
      else
        mode = RAPPORT_MODE_IN_PERSON;
    }

  key = get_x_property (event, X_STATUS);
  if (!rapport_enum_from_key (RAPPORT_TYPE_STATUS, key, &status))
    status = status_from_ical (icalcomponent_get_status (event));

  uid = dup_unique_uid (event, seen_uids);

  appointment = rapport_appointment_new ((RapportAppointmentKind)kind, 0);
  rapport_appointment_set_uid (appointment, uid);
  rapport_appointment_set_title (appointment, title);
  rapport_appointment_set_place (appointment, place);
  rapport_appointment_set_notes (appointment, notes);
  rapport_appointment_set_start (appointment, start);
  rapport_appointment_set_duration (appointment, duration);
  rapport_appointment_set_mode (appointment, (RapportMode)mode);
  rapport_appointment_set_status (appointment, (RapportStatus)status);

  /* the store refuses a zone this computer does not know */
  their_tzid = get_x_property (event, X_THEIR_TZID);
  if (their_tzid != NULL && *their_tzid != '\0')
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (their_tzid);

      if (tz != NULL)
        rapport_appointment_set_their_timezone (appointment, their_tzid);
    }

  return g_steal_pointer (&appointment);
}

static gboolean
has_prefix_ascii_nocase (const char *data,
                         gsize       length,
                         const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return length >= prefix_length && g_ascii_strncasecmp (data, prefix, prefix_length) == 0;
}

/* libical quietly accepts a file cut off after "END:VCAL", or closes what
 * is open at the end: a file whose last line is not END:VCALENDAR lost its
 * end, and maybe events with it. */
static gboolean
ends_with_end_vcalendar (const char *data,
                         gsize       length)
{
  static const char end[] = "END:VCALENDAR";
  gsize n = length;

  while (n > 0 && g_ascii_isspace (data[n - 1]))
    n--;

  return n >= sizeof end - 1 &&
         g_ascii_strncasecmp (data + n - (sizeof end - 1), end, sizeof end - 1) == 0 &&
         (n == sizeof end - 1 || data[n - sizeof end] == '\n' || data[n - sizeof end] == '\r');
}

/* Joins folded lines before anything else looks at the text: RFC 5545
 * lets a writer fold in the middle of a multi-byte character, which only
 * forms valid UTF-8 again once unfolded. On the way, "\:" (which some
 * writers put in URLs, though the RFC has no such escape) becomes ":", as
 * libical would read it as a space. */
static char *
unfold (const char *data,
        gsize       length,
        gsize      *out_length)
{
  GString *out = g_string_sized_new (length);
  gsize i = 0;

  while (i < length)
    {
      if (data[i] == '\r' && i + 2 < length && data[i + 1] == '\n' &&
          (data[i + 2] == ' ' || data[i + 2] == '\t'))
        i += 3;
      else if (data[i] == '\n' && i + 1 < length && (data[i + 1] == ' ' || data[i + 1] == '\t'))
        i += 2;
      else if (data[i] == '\\' && i + 1 < length && data[i + 1] == ':')
        {
          g_string_append_c (out, ':');
          i += 2;
        }
      else if (data[i] == '\\' && i + 1 < length && data[i + 1] == '\\')
        {
          /* an escaped backslash: the next character is not escaped */
          g_string_append_len (out, data + i, 2);
          i += 2;
        }
      else
        g_string_append_c (out, data[i++]);
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
is_edge_space (char c)
{
  return c == ' ' || c == '\t';
}

/* libical strips spaces and tabs from both ends of every value, which
 * would lose the indent of notes that start with "  - ask about…". Escape
 * them in the text values we read: "\t" is a tab to libical, and it reads
 * an escape it does not know, such as "\_", as a space. */
static char *
keep_edge_spaces (const char *text,
                  gsize       length)
{
  static const char * const text_properties[] = { "SUMMARY", "LOCATION", "DESCRIPTION" };
  GString *out = g_string_sized_new (length + 64);
  gsize start = 0;

  while (start < length)
    {
      const char *line = text + start;
      const char *newline = memchr (line, '\n', length - start);
      gsize line_length = newline != NULL ? (gsize)(newline - line) + 1 : length - start;
      gsize content_length = line_length;
      gsize name_length = strcspn (line, ";:\n");
      gboolean is_text = FALSE;
      gboolean in_quotes = FALSE;
      gsize value = 0;

      while (content_length > 0 && (line[content_length - 1] == '\n' || line[content_length - 1] == '\r'))
        content_length--;

      for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
        if (name_length == strlen (text_properties[i]) &&
            g_ascii_strncasecmp (line, text_properties[i], name_length) == 0)
          is_text = TRUE;

      /* the value starts after the first colon outside quoted parameters */
      for (gsize i = name_length; is_text && i < content_length && value == 0; i++)
        {
          if (line[i] == '"')
            in_quotes = !in_quotes;
          else if (line[i] == ':' && !in_quotes)
            value = i + 1;
        }

      if (value == 0)
        g_string_append_len (out, line, line_length);
      else
        {
          gsize lead = value;
          gsize trail = content_length;

          while (lead < content_length && is_edge_space (line[lead]))
            lead++;
          while (trail > lead && is_edge_space (line[trail - 1]))
            trail--;

          g_string_append_len (out, line, value);
          for (gsize i = value; i < lead; i++)
            g_string_append (out, line[i] == '\t' ? "\\t" : "\\_");
          g_string_append_len (out, line + lead, trail - lead);
          for (gsize i = trail; i < content_length; i++)
            g_string_append (out, line[i] == '\t' ? "\\t" : "\\_");
          g_string_append_len (out, line + content_length, line_length - content_length);
        }

      start += line_length;
    }

  return g_string_free (out, FALSE);
}

/**
 * rapport_ical_parse:
 * @data: (array length=length): the bytes of an iCalendar (.ics) file
 * @length: the number of bytes in @data
 * @error: return location for a #GError
 *
 * Reads the events in an iCalendar file as new appointments of kind
 * "other" with no contact, which the caller may change and then save
 * (nothing is saved here). Times are resolved to UTC through the file's
 * own time zones, the system's, or local time for floating times;
 * an all-day event becomes a day-long appointment from local midnight.
 * A repeating event is imported as its first occurrence only.
 * Files that Rapport wrote keep their kind, mode, status and the other
 * person's time zone, except that an interview becomes "other", as its
 * person is not in the file.
 *
 * Returns: (transfer full) (element-type RapportAppointment): one
 *   appointment per event, or %NULL with @error set to a message that says
 *   what is wrong with the file
 */
GPtrArray *
rapport_ical_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GHashTable) seen_uids = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prepared = NULL;
  gsize text_length;
  guint position = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rapport_io_skip_utf8_bom (&data, &length);
  rapport_io_skip_leading_space (&data, &length);

  if (length == 0)
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }

  if (!has_prefix_ascii_nocase (data, length, "BEGIN:VCALENDAR"))
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("This is not an iCalendar (.ics) file."));
      return NULL;
    }

  text = unfold (data, length, &text_length);

  /* a NUL byte also fails here: it is no more text than a stray Latin-1 é */
  if (!g_utf8_validate_len (text, text_length, NULL))
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("The file is not valid UTF-8 text. Export it again from your calendar as an iCalendar (.ics) file."));
      return NULL;
    }

  if (!ends_with_end_vcalendar (text, text_length))
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("The file is incomplete: it stops before the end of the calendar. It may have been cut off while downloading."));
      return NULL;
    }

  prepared = keep_edge_spaces (text, text_length);
  root = icalparser_parse_string (prepared);

  if (root != NULL && icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    g_ptr_array_add (calendars, root);
  else if (root != NULL && icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    /* several calendars, one after the other */
    for (icalcomponent *calendar = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         calendar != NULL;
         calendar = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      g_ptr_array_add (calendars, calendar);

  if (calendars->len == 0)
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("The calendar in this file cannot be read."));
      return NULL;
    }

  appointments = g_ptr_array_new_with_free_func (g_object_unref);
  seen_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < calendars->len; i++)
    {
      icalcomponent *calendar = g_ptr_array_index (calendars, i);

      for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           event != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          RapportAppointment *appointment = appointment_from_event (event, ++position, seen_uids, error);

          if (appointment == NULL)
            return NULL;

          g_ptr_array_add (appointments, appointment);
        }
    }

  if (appointments->len == 0)
    {
      g_set_error_literal (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID,
                           _("The file contains no events."));
      return NULL;
    }

  return g_steal_pointer (&appointments);
}
