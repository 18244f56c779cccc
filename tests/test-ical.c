/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "rapport-ical.h"
#include "rapport-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-ical-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ------------------------------------------------------------------------ *
 * Helpers
 * ------------------------------------------------------------------------ */

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

/* in the zone main() sets: Europe/Berlin */
static gint64
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static guint
count_appointments (RapportStore *store)
{
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rapport_store_query_appointments (store, &query, &error);

  g_assert_no_error (error);
  return ids->len;
}

static RapportContact *
add_contact (RapportStore *store,
             const char   *name,
             const char   *job_title,
             const char   *organization)
{
  g_autoptr(GError) error = NULL;
  RapportContact *contact = rapport_contact_new (name);

  rapport_contact_set_job_title (contact, job_title);
  rapport_contact_set_organization (contact, organization);
  g_assert_true (rapport_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static void
save (RapportStore       *store,
      RapportAppointment *appointment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_add_appointment (store, appointment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_appointment_get_uid (appointment), !=, "");
}

static RapportAppointment *
add_simple (RapportStore *store,
            const char   *title,
            gint64        start,
            int           duration,
            RapportStatus status)
{
  RapportAppointment *appointment = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);

  rapport_appointment_set_title (appointment, title);
  rapport_appointment_set_start (appointment, start);
  rapport_appointment_set_duration (appointment, duration);
  rapport_appointment_set_status (appointment, status);
  save (store, appointment);
  return appointment;
}

static RapportAppointment *
find_uid (GPtrArray  *appointments,
          const char *uid)
{
  for (guint i = 0; i < appointments->len; i++)
    if (g_strcmp0 (rapport_appointment_get_uid (g_ptr_array_index (appointments, i)), uid) == 0)
      return g_ptr_array_index (appointments, i);

  return NULL;
}

static char *
export_ok (RapportStore *store,
           GPtrArray    *appointments)
{
  g_autoptr(GError) error = NULL;
  char *ics = rapport_ical_export (store, appointments, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  return ics;
}

static GPtrArray *
parse_ok (const char *ics)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *appointments = rapport_ical_parse (ics, strlen (ics), &error);

  g_assert_no_error (error);
  g_assert_nonnull (appointments);
  return appointments;
}

/* The content lines of @ics, unfolded. */
static char **
unfolded_lines (const char *ics)
{
  g_autoptr(GString) text = g_string_new (ics);

  g_string_replace (text, "\r\n ", "", 0);
  g_string_replace (text, "\r\n\t", "", 0);
  return g_strsplit (text->str, "\r\n", -1);
}

/* The value of property @name in the VEVENT with @uid. */
static char *
event_property (const char *ics,
                const char *uid,
                const char *name)
{
  g_auto(GStrv) lines = unfolded_lines (ics);
  g_autofree char *uid_line = g_strconcat ("UID:", uid, NULL);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  g_autofree char *value = NULL;
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        {
          g_clear_pointer (&value, g_free);
          found = FALSE;
        }
      else if (g_str_equal (lines[i], uid_line))
        found = TRUE;
      else if (value == NULL && g_str_has_prefix (lines[i], prefix))
        value = g_strdup (lines[i] + strlen (prefix));
      else if (g_str_equal (lines[i], "END:VEVENT") && found)
        return g_steal_pointer (&value);
    }

  return NULL;
}

/* Text with everything iCalendar escapes or folds badly. */
static const char * const awkward[] = {
  "Coffee, tea; or nothing",
  "Line one\nLine two\n\nLine four",
  "Emoji 😀🎉 👩🏽‍💻 and a flag 🇳🇿",
  "עברית: פגישה עם דנה בקפה",
  "مقابلة إعلامية مع سارة، الساعة العاشرة",
  "\"Quoted\" and 'single' and “curly” „low“",
  "Backslash \\ alone, and one at the end \\",
  "Windows path C:\\new\\notes; Mac path /Users/sam",
  "Colon: semicolon; comma, all;at:once,",
  "Tab\tseparated\tvalues",
  "Ünïcödé ñ ç ß ø — em dash … ellipsis",
  "Room 4B, Level 2; North campus\\East wing",
  "https://meet.example.org/room?id=1;x=2,y=3",
  "Mixed עברית and English, with “quotes”\nand a second line",
  "  leading and trailing spaces  ",
  "日本語のテキスト、句読点。",
};

/* 200 characters of one to four bytes each, with every character that
 * needs escaping among them. */
static char *
long_title (guint seed)
{
  static const char * const pieces[] = { "é", "😀", ",", ";", "\\", "\"", "ש", "a", "ß", ":", "中", "-" };
  GString *title = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (title, pieces[(i * 7 + seed) % G_N_ELEMENTS (pieces)]);

  g_assert_cmpint (g_utf8_strlen (title->str, -1), ==, 200);
  return g_string_free (title, FALSE);
}

static const char * const their_zones[] = {
  "", "America/New_York", "Asia/Kolkata", "Europe/Berlin", "Australia/Lord_Howe",
};

#define N_AWKWARD 50

/* 50 scheduled appointments of every kind, mode and status, and one
 * request without a time, which no export includes. */
static GPtrArray *
add_awkward_appointments (RapportStore   *store,
                          RapportContact *contact)
{
  static const RapportAppointmentKind kinds[] = {
    RAPPORT_APPOINTMENT_OTHER, RAPPORT_APPOINTMENT_COUNSELLOR, RAPPORT_APPOINTMENT_INTERVIEW,
    RAPPORT_APPOINTMENT_OTHER, RAPPORT_APPOINTMENT_COUNSELLOR,
  };
  GPtrArray *appointments = g_ptr_array_new_with_free_func (g_object_unref);
  RapportAppointment *request;
  gint64 start = utc (2026, 1, 5, 8, 0, 0);

  request = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (contact)));
  rapport_appointment_set_title (request, "Asked, no time yet");
  save (store, request);
  g_ptr_array_add (appointments, request);

  for (guint i = 0; i < N_AWKWARD; i++)
    {
      RapportAppointmentKind kind = kinds[i % G_N_ELEMENTS (kinds)];
      RapportAppointment *appointment;
      g_autofree char *title = NULL;
      g_autofree char *notes = NULL;

      appointment = rapport_appointment_new (kind,
                                             kind == RAPPORT_APPOINTMENT_INTERVIEW
                                               ? rapport_record_get_id (RAPPORT_RECORD (contact)) : 0);

      if (i % 10 == 4)
        title = long_title (i);
      else if (i % 7 == 3)
        title = g_strdup ("");
      else
        title = g_strdup (awkward[i % G_N_ELEMENTS (awkward)]);

      if (i % 8 == 2)
        notes = g_strdup ("");
      else
        notes = g_strconcat (awkward[(i + 5) % G_N_ELEMENTS (awkward)], "\n",
                             awkward[(i + 1) % G_N_ELEMENTS (awkward)], NULL);

      /* odd seconds and minutes, and durations from 1 minute to a day */
      start += 3 * G_TIME_SPAN_DAY / G_USEC_PER_SEC + 3607 + i;

      rapport_appointment_set_title (appointment, title);
      rapport_appointment_set_place (appointment, i % 6 == 0 ? "" : awkward[(i + 3) % G_N_ELEMENTS (awkward)]);
      rapport_appointment_set_notes (appointment, notes);
      rapport_appointment_set_start (appointment, start);
      rapport_appointment_set_duration (appointment, i == 1 ? 24 * 60 : 1 + (int)(i * 97) % (24 * 60));
      rapport_appointment_set_mode (appointment, (RapportMode)(i % RAPPORT_N_MODES));
      rapport_appointment_set_status (appointment, (RapportStatus)(i % RAPPORT_N_STATUSES));
      rapport_appointment_set_their_timezone (appointment, their_zones[i % G_N_ELEMENTS (their_zones)]);
      save (store, appointment);
      g_ptr_array_add (appointments, appointment);
    }

  return appointments;
}

#define CONTACT_NAME  "Zoë Ó Briain, “Zed”; PhD"
#define CONTACT_JOB   "Engineer, R&D"
#define CONTACT_ORG   "Analytical Engines; Ltd."

/* What an exported event's SUMMARY and DESCRIPTION say (in the C locale
 * the tests run in). */
static char *
expected_summary (RapportAppointment *appointment)
{
  if (*rapport_appointment_get_title (appointment) != '\0')
    return g_strdup (rapport_appointment_get_title (appointment));

  switch (rapport_appointment_get_kind (appointment))
    {
    case RAPPORT_APPOINTMENT_INTERVIEW:  return g_strdup ("Informational interview with " CONTACT_NAME);
    case RAPPORT_APPOINTMENT_COUNSELLOR: return g_strdup ("Career counsellor meeting");
    case RAPPORT_APPOINTMENT_OTHER:      return g_strdup ("Other");
    default:                             g_assert_not_reached ();
    }
}

static char *
expected_description (RapportAppointment *appointment)
{
  const char *notes = rapport_appointment_get_notes (appointment);

  if (rapport_appointment_get_kind (appointment) != RAPPORT_APPOINTMENT_INTERVIEW)
    return g_strdup (notes);

  return g_strconcat ("With " CONTACT_NAME " (" CONTACT_JOB " at " CONTACT_ORG ")",
                      *notes != '\0' ? "\n\n" : "", notes, NULL);
}

static const char *
expected_status (RapportStatus status)
{
  switch (status)
    {
    case RAPPORT_STATUS_REQUESTED:   return "TENTATIVE";
    case RAPPORT_STATUS_CONFIRMED:   return "CONFIRMED";
    case RAPPORT_STATUS_HELD:        return "CONFIRMED";
    case RAPPORT_STATUS_CANCELLED:   return "CANCELLED";
    case RAPPORT_STATUS_RESCHEDULED: return "CANCELLED";
    case RAPPORT_STATUS_NO_SHOW:     return "CANCELLED";
    default:                         g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ *
 * 1. Round trip
 * ------------------------------------------------------------------------ */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportContact) zoe = add_contact (f->store, CONTACT_NAME, CONTACT_JOB, CONTACT_ORG);
  g_autoptr(GPtrArray) originals = add_awkward_appointments (f->store, zoe);
  g_autofree char *ics = export_ok (f->store, originals);
  g_autoptr(GPtrArray) copies = parse_ok (ics);
  guint n_checked = 0;

  /* the request without a time stays behind */
  g_assert_cmpuint (copies->len, ==, N_AWKWARD);
  g_assert_null (find_uid (copies, rapport_appointment_get_uid (g_ptr_array_index (originals, 0))));

  for (guint i = 0; i < originals->len; i++)
    {
      RapportAppointment *original = g_ptr_array_index (originals, i);
      RapportAppointment *copy;
      RapportAppointmentKind kind = rapport_appointment_get_kind (original);
      const char *title = rapport_appointment_get_title (original);

      if (rapport_appointment_get_start (original) == 0)
        continue;

      copy = find_uid (copies, rapport_appointment_get_uid (original));
      g_assert_nonnull (copy);
      n_checked++;

      /* new and unsaved, with no contact */
      g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (copy)), ==, 0);
      g_assert_cmpint (rapport_appointment_get_contact_id (copy), ==, 0);

      if (kind == RAPPORT_APPOINTMENT_INTERVIEW)
        {
          g_autofree char *summary = expected_summary (original);
          g_autofree char *description = expected_description (original);

          /* the file cannot point to the person: the appointment becomes
           * "other", and keeps who it was with in its title and notes */
          g_assert_cmpint (rapport_appointment_get_kind (copy), ==, RAPPORT_APPOINTMENT_OTHER);
          g_assert_cmpstr (rapport_appointment_get_title (copy), ==, summary);
          g_assert_cmpstr (rapport_appointment_get_notes (copy), ==, description);
        }
      else
        {
          g_assert_cmpint (rapport_appointment_get_kind (copy), ==, kind);
          g_assert_cmpstr (rapport_appointment_get_title (copy), ==, title);
          g_assert_cmpstr (rapport_appointment_get_notes (copy), ==, rapport_appointment_get_notes (original));
        }

      g_assert_cmpstr (rapport_appointment_get_place (copy), ==, rapport_appointment_get_place (original));
      g_assert_cmpint (rapport_appointment_get_start (copy), ==, rapport_appointment_get_start (original));
      g_assert_cmpint (rapport_appointment_get_duration (copy), ==, rapport_appointment_get_duration (original));
      g_assert_cmpint (rapport_appointment_get_status (copy), ==, rapport_appointment_get_status (original));
      g_assert_cmpint (rapport_appointment_get_mode (copy), ==, rapport_appointment_get_mode (original));
      g_assert_cmpstr (rapport_appointment_get_their_timezone (copy), ==,
                       rapport_appointment_get_their_timezone (original));
    }

  g_assert_cmpuint (n_checked, ==, N_AWKWARD);
}

/* What was read back can be saved as it is, in one go. */
static void
test_round_trip_saves (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportContact) zoe = add_contact (f->store, CONTACT_NAME, CONTACT_JOB, CONTACT_ORG);
  g_autoptr(GPtrArray) originals = add_awkward_appointments (f->store, zoe);
  g_autofree char *ics = export_ok (f->store, originals);
  g_autoptr(GPtrArray) copies = parse_ok (ics);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-ical-other-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(RapportStore) other = rapport_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (rapport_store_add_appointments (other, copies, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_appointments (other), ==, N_AWKWARD);

  g_clear_object (&other);
  remove_tree (dir);
}

/* ------------------------------------------------------------------------ *
 * 2. The text written
 * ------------------------------------------------------------------------ */

static void
test_export_format (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportContact) zoe = add_contact (f->store, CONTACT_NAME, CONTACT_JOB, CONTACT_ORG);
  g_autoptr(GPtrArray) appointments = add_awkward_appointments (f->store, zoe);
  g_autofree char *first = export_ok (f->store, appointments);
  g_autofree char *second = export_ok (f->store, appointments);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first_lines = unfolded_lines (first);
  g_auto(GStrv) second_lines = unfolded_lines (second);
  g_autoptr(GPtrArray) first_uids = g_ptr_array_new ();
  g_autoptr(GPtrArray) second_uids = g_ptr_array_new ();
  guint n_times = 0;

  g_assert_true (g_utf8_validate (first, -1, NULL));

  /* CRLF everywhere, and nothing longer than 75 octets */
  g_assert_true (g_str_has_suffix (first, "\r\n"));
  for (const char *p = first; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_true (p > first && p[-1] == '\r');
      if (*p == '\r')
        g_assert_true (p[1] == '\n');
    }
  lines = g_strsplit (first, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strlen (lines[i]) > 75)
        g_error ("line %u is %zu octets long: %s", i + 1, strlen (lines[i]), lines[i]);
      /* folding never splits a character */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  g_assert_true (g_str_has_prefix (first, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (first, "END:VCALENDAR\r\n"));
  g_assert_true (g_strv_contains ((const char * const *)first_lines, "VERSION:2.0"));
  g_assert_true (g_strv_contains ((const char * const *)first_lines, "PRODID:-//Rapport//Rapport 0.1//EN"));

  for (guint i = 0; first_lines[i] != NULL; i++)
    {
      const char *line = first_lines[i];

      if (g_str_has_prefix (line, "UID:"))
        g_ptr_array_add (first_uids, (gpointer)(line + 4));

      if (g_str_has_prefix (line, "DTSTART") || g_str_has_prefix (line, "DTEND") ||
          g_str_has_prefix (line, "DTSTAMP"))
        {
          /* UTC, no TZID and no floating times */
          if (!g_regex_match_simple ("^(DTSTART|DTEND|DTSTAMP):[0-9]{8}T[0-9]{6}Z$", line, 0, 0))
            g_error ("not a UTC time: %s", line);
          n_times++;
        }
    }
  g_assert_cmpuint (n_times, ==, 3 * N_AWKWARD);

  for (guint i = 0; second_lines[i] != NULL; i++)
    if (g_str_has_prefix (second_lines[i], "UID:"))
      g_ptr_array_add (second_uids, (gpointer)(second_lines[i] + 4));

  /* the same UIDs, in the same order, and they are the store's */
  g_assert_cmpuint (first_uids->len, ==, N_AWKWARD);
  g_assert_cmpuint (second_uids->len, ==, N_AWKWARD);
  for (guint i = 0; i < first_uids->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i + 1);

      g_assert_cmpstr (g_ptr_array_index (first_uids, i), ==, g_ptr_array_index (second_uids, i));
      g_assert_cmpstr (g_ptr_array_index (first_uids, i), ==, rapport_appointment_get_uid (appointment));
    }
}

static void
test_export_mapping (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add_contact (f->store, "Ada Lovelace", "Engineer", "Analytical Engines");
  g_autoptr(RapportContact) bob = add_contact (f->store, "Bob Marley", "", "Tuff Gong");
  g_autoptr(RapportAppointment) interview = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                                     rapport_record_get_id (RAPPORT_RECORD (ada)));
  g_autoptr(RapportAppointment) interview_bob = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                                         rapport_record_get_id (RAPPORT_RECORD (bob)));
  g_autoptr(RapportAppointment) counsellor = rapport_appointment_new (RAPPORT_APPOINTMENT_COUNSELLOR, 0);
  g_autoptr(RapportAppointment) request = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *value = NULL;
  g_autofree char *nothing = NULL;
  struct {
    RapportStatus status;
    const char *ical;
  } statuses[] = {
    { RAPPORT_STATUS_REQUESTED, "TENTATIVE" },
    { RAPPORT_STATUS_CONFIRMED, "CONFIRMED" },
    { RAPPORT_STATUS_HELD, "CONFIRMED" },
    { RAPPORT_STATUS_CANCELLED, "CANCELLED" },
    { RAPPORT_STATUS_RESCHEDULED, "CANCELLED" },
    { RAPPORT_STATUS_NO_SHOW, "CANCELLED" },
  };

  rapport_appointment_set_start (interview, utc (2026, 5, 4, 15, 0, 0));
  rapport_appointment_set_duration (interview, 20);
  rapport_appointment_set_notes (interview, "Ask about the apprenticeship");
  rapport_appointment_set_mode (interview, RAPPORT_MODE_VIDEO);
  rapport_appointment_set_status (interview, RAPPORT_STATUS_CONFIRMED);
  rapport_appointment_set_their_timezone (interview, "Pacific/Auckland");
  save (f->store, interview);
  g_ptr_array_add (all, g_object_ref (interview));

  rapport_appointment_set_start (interview_bob, utc (2026, 5, 5, 15, 0, 0));
  save (f->store, interview_bob);
  g_ptr_array_add (all, g_object_ref (interview_bob));

  rapport_appointment_set_start (counsellor, utc (2026, 5, 6, 9, 30, 0));
  rapport_appointment_set_place (counsellor, "Careers office");
  save (f->store, counsellor);
  g_ptr_array_add (all, g_object_ref (counsellor));

  save (f->store, request);
  g_ptr_array_add (all, g_object_ref (request));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_ptr_array_add (all, add_simple (f->store, rapport_status_get_label (statuses[i].status),
                                      utc (2026, 6, 1 + i, 10, 0, 0), 30, statuses[i].status));

  ics = export_ok (f->store, all);

#define CHECK_PROPERTY(appointment, name, expected)                                                   \
  G_STMT_START {                                                                                      \
    g_clear_pointer (&value, g_free);                                                                 \
    value = event_property (ics, rapport_appointment_get_uid (appointment), name);                    \
    g_assert_cmpstr (value, ==, expected);                                                            \
  } G_STMT_END

  CHECK_PROPERTY (interview, "SUMMARY", "Informational interview with Ada Lovelace");
  CHECK_PROPERTY (interview, "DESCRIPTION", "With Ada Lovelace (Engineer at Analytical Engines)\\n\\nAsk about the apprenticeship");
  CHECK_PROPERTY (interview, "DTSTART", "20260504T150000Z");
  CHECK_PROPERTY (interview, "DTEND", "20260504T152000Z");
  CHECK_PROPERTY (interview, "STATUS", "CONFIRMED");
  CHECK_PROPERTY (interview, "LOCATION", NULL);
  CHECK_PROPERTY (interview, "X-RAPPORT-THEIR-TZID", "Pacific/Auckland");
  CHECK_PROPERTY (interview, "X-RAPPORT-KIND", "interview");
  CHECK_PROPERTY (interview, "X-RAPPORT-MODE", "video");
  CHECK_PROPERTY (interview, "X-RAPPORT-STATUS", "confirmed");

  CHECK_PROPERTY (interview_bob, "DESCRIPTION", "With Bob Marley (Tuff Gong)");
  CHECK_PROPERTY (interview_bob, "X-RAPPORT-THEIR-TZID", NULL);

  CHECK_PROPERTY (counsellor, "SUMMARY", "Career counsellor meeting");
  CHECK_PROPERTY (counsellor, "LOCATION", "Careers office");
  CHECK_PROPERTY (counsellor, "DESCRIPTION", NULL);
  CHECK_PROPERTY (counsellor, "STATUS", "TENTATIVE");

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    CHECK_PROPERTY (g_ptr_array_index (all, 4 + i), "STATUS", statuses[i].ical);

#undef CHECK_PROPERTY

  /* a request without a time has no place in a calendar */
  g_assert_null (strstr (ics, rapport_appointment_get_uid (request)));

  g_ptr_array_set_size (all, 0);
  g_ptr_array_add (all, g_object_ref (request));
  nothing = rapport_ical_export (f->store, all, &error);
  g_assert_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID);
  g_assert_null (nothing);
}

/* ------------------------------------------------------------------------ *
 * 3. An independent reader
 * ------------------------------------------------------------------------ */

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char)c);
    }
  g_string_append_c (json, '"');
}

static char *
expected_json (GPtrArray *appointments)
{
  GString *json = g_string_new ("{\"events\": [\n");
  gboolean first = TRUE;

  for (guint i = 0; i < appointments->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i);
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;

      if (rapport_appointment_get_start (appointment) == 0)
        continue;

      summary = expected_summary (appointment);
      description = expected_description (appointment);

      g_string_append (json, first ? "  {" : ",\n  {");
      first = FALSE;
      g_string_append (json, "\"uid\": ");
      append_json_string (json, rapport_appointment_get_uid (appointment));
      g_string_append (json, ", \"summary\": ");
      append_json_string (json, summary);
      g_string_append (json, ", \"location\": ");
      append_json_string (json, rapport_appointment_get_place (appointment));
      g_string_append (json, ", \"description\": ");
      append_json_string (json, description);
      g_string_append_printf (json, ", \"dtstart\": %" G_GINT64_FORMAT ", \"dtend\": %" G_GINT64_FORMAT,
                              rapport_appointment_get_start (appointment),
                              rapport_appointment_get_end (appointment));
      g_string_append (json, ", \"status\": ");
      append_json_string (json, expected_status (rapport_appointment_get_status (appointment)));
      g_string_append_c (json, '}');
    }
  g_string_append (json, "\n]}\n");

  return g_string_free (json, FALSE);
}

/* Runs tests/ical-check.py; returns its exit status, or -1 if it did not run. */
static int
run_ical_check (const char  *ics_path,
                const char  *json_path,
                char       **output)
{
  const char *python = g_getenv ("RAPPORT_PYTHON");
  const char *check = g_getenv ("RAPPORT_ICAL_CHECK");
  g_autofree char *default_check = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[5];
  int wait_status;

  if (python == NULL || *python == '\0')
    python = "python3";
  if (check == NULL || *check == '\0')
    check = default_check = g_test_build_filename (G_TEST_DIST, "ical-check.py", NULL);

  argv[0] = python;
  argv[1] = check;
  argv[2] = ics_path;
  argv[3] = json_path;
  argv[4] = NULL;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &wait_status, &error))
    {
      *output = g_strdup_printf ("cannot run %s: %s", python, error->message);
      return -1;
    }

  *output = g_strconcat (out, err, NULL);

  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  if (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
    return error->code;
  return -1;
}

static void
write_checked_files (RapportStore  *store,
                     GPtrArray     *appointments,
                     const char    *dir,
                     char         **ics_path,
                     char         **json_path)
{
  g_autofree char *ics = export_ok (store, appointments);
  g_autofree char *json = expected_json (appointments);
  g_autoptr(GError) error = NULL;

  *ics_path = g_build_filename (dir, "export.ics", NULL);
  *json_path = g_build_filename (dir, "expected.json", NULL);
  g_file_set_contents (*ics_path, ics, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (*json_path, json, -1, &error);
  g_assert_no_error (error);
}

/* Fails the test, as a missing reader must not pass for a good file. */
static gboolean
check_ran (int         status,
           const char *output)
{
  if (status == 0 || status == 1)
    return TRUE;

  g_test_fail_printf ("The independent iCalendar reader could not run with %s. "
                      "Install python3-icalendar (apt install python3-icalendar).\n%s",
                      g_getenv ("RAPPORT_PYTHON") ? g_getenv ("RAPPORT_PYTHON") : "python3", output);
  return FALSE;
}

static void
test_independent_reader (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) zoe = add_contact (f->store, CONTACT_NAME, CONTACT_JOB, CONTACT_ORG);
  g_autoptr(GPtrArray) appointments = add_awkward_appointments (f->store, zoe);
  g_autofree char *ics_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *output = NULL;
  int status;

  write_checked_files (f->store, appointments, f->dir, &ics_path, &json_path);
  status = run_ical_check (ics_path, json_path, &output);
  if (!check_ran (status, output))
    return;

  g_test_message ("%s", output);
  if (status != 0)
    g_test_fail_printf ("icalendar reads the export differently:\n%s", output);
}

/* The reader does compare: a wrong expectation fails. */
static void
test_independent_reader_disagrees (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RapportAppointment) one = add_simple (f->store, "Coffee, with Ana", utc (2026, 4, 1, 9, 0, 0), 30,
                                                  RAPPORT_STATUS_CONFIRMED);
  g_autoptr(GPtrArray) appointments = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  int status;

  g_ptr_array_add (appointments, one);
  write_checked_files (f->store, appointments, f->dir, &ics_path, &json_path);

  /* what the file says reads back */
  status = run_ical_check (ics_path, json_path, &output);
  if (!check_ran (status, output))
    return;
  g_assert_cmpint (status, ==, 0);

  /* and a different title, or an hour's difference, does not */
  rapport_appointment_set_title (one, "Coffee with Ana");
  rapport_appointment_set_start (one, utc (2026, 4, 1, 10, 0, 0));
  json = expected_json (appointments);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);

  g_clear_pointer (&output, g_free);
  status = run_ical_check (ics_path, json_path, &output);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (output, "SUMMARY"));
  g_assert_nonnull (strstr (output, "DTSTART"));
}

/* ------------------------------------------------------------------------ *
 * 4. Files from other programs
 * ------------------------------------------------------------------------ */

static const char google_calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
  "VERSION:2.0\r\n"
  "CALSCALE:GREGORIAN\r\n"
  "METHOD:PUBLISH\r\n"
  "X-WR-CALNAME:sam.student@example.edu\r\n"
  "X-WR-TIMEZONE:America/New_York\r\n"
  "BEGIN:VTIMEZONE\r\n"
  "TZID:America/New_York\r\n"
  "X-LIC-LOCATION:America/New_York\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:-0500\r\n"
  "TZOFFSETTO:-0400\r\n"
  "TZNAME:EDT\r\n"
  "DTSTART:19700308T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:-0400\r\n"
  "TZOFFSETTO:-0500\r\n"
  "TZNAME:EST\r\n"
  "DTSTART:19701101T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART;TZID=America/New_York:20260310T090000\r\n"
  "DTEND;TZID=America/New_York:20260310T093000\r\n"
  "RRULE:FREQ=WEEKLY;WKST=MO;COUNT=4;BYDAY=TU\r\n"
  "DTSTAMP:20260301T120000Z\r\n"
  "UID:7kq3v0l2m9a8b1c4d5e6f7g8h9@google.com\r\n"
  "CREATED:20260301T115500Z\r\n"
  "DESCRIPTION:Ask about the path from design school to UX research\\, and wh\r\n"
  " ich portfolio pieces matter.\\n\\nJoin with Google Meet: https://meet.google.c\r\n"
  " om/abc-defg-hij\r\n"
  "LAST-MODIFIED:20260301T115900Z\r\n"
  "LOCATION:\r\n"
  "SEQUENCE:0\r\n"
  "STATUS:CONFIRMED\r\n"
  "SUMMARY:Chat with Priya (UX research)\r\n"
  "TRANSP:OPAQUE\r\n"
  "BEGIN:VALARM\r\n"
  "ACTION:DISPLAY\r\n"
  "DESCRIPTION:This is an event reminder\r\n"
  "TRIGGER:-P0DT0H10M0S\r\n"
  "END:VALARM\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART;TZID=America/New_York:20260317T100000\r\n"
  "DTEND;TZID=America/New_York:20260317T103000\r\n"
  "DTSTAMP:20260301T120000Z\r\n"
  "UID:7kq3v0l2m9a8b1c4d5e6f7g8h9@google.com\r\n"
  "RECURRENCE-ID;TZID=America/New_York:20260317T090000\r\n"
  "CREATED:20260301T115500Z\r\n"
  "LAST-MODIFIED:20260302T080000Z\r\n"
  "SEQUENCE:1\r\n"
  "STATUS:CONFIRMED\r\n"
  "SUMMARY:Chat with Priya (UX research)\r\n"
  "TRANSP:OPAQUE\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART:20260402T170000Z\r\n"
  "DTEND:20260402T174500Z\r\n"
  "DTSTAMP:20260301T120000Z\r\n"
  "ORGANIZER;CN=Careers Centre:mailto:careers@example.edu\r\n"
  "UID:0a1b2c3d4e5f@google.com\r\n"
  "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=sam.st\r\n"
  " udent@example.edu;X-NUM-GUESTS=0:mailto:sam.student@example.edu\r\n"
  "DESCRIPTION:\r\n"
  "LOCATION:Careers Centre\\, Room 101\r\n"
  "SEQUENCE:0\r\n"
  "STATUS:TENTATIVE\r\n"
  "SUMMARY:CV review\r\n"
  "TRANSP:OPAQUE\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_google (void)
{
  g_autoptr(GPtrArray) appointments = parse_ok (google_calendar);
  RapportAppointment *chat;
  RapportAppointment *moved;
  RapportAppointment *review;

  g_assert_cmpuint (appointments->len, ==, 3);
  chat = g_ptr_array_index (appointments, 0);
  moved = g_ptr_array_index (appointments, 1);
  review = g_ptr_array_index (appointments, 2);

  /* A weekly series comes in as its first occurrence: 9:00 in New York on
   * 10 March 2026 is 13:00 UTC, as daylight saving time began on 8 March. */
  g_assert_cmpstr (rapport_appointment_get_uid (chat), ==, "7kq3v0l2m9a8b1c4d5e6f7g8h9@google.com");
  g_assert_cmpstr (rapport_appointment_get_title (chat), ==, "Chat with Priya (UX research)");
  g_assert_cmpint (rapport_appointment_get_start (chat), ==, utc (2026, 3, 10, 13, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (chat), ==, 30);
  g_assert_cmpstr (rapport_appointment_get_place (chat), ==, "");
  g_assert_cmpstr (rapport_appointment_get_notes (chat), ==,
                   "Ask about the path from design school to UX research, and which portfolio pieces matter.\n\n"
                   "Join with Google Meet: https://meet.google.com/abc-defg-hij");
  g_assert_cmpint (rapport_appointment_get_status (chat), ==, RAPPORT_STATUS_CONFIRMED);
  g_assert_cmpint (rapport_appointment_get_kind (chat), ==, RAPPORT_APPOINTMENT_OTHER);
  g_assert_cmpint (rapport_appointment_get_contact_id (chat), ==, 0);
  /* a Meet link makes it a video call */
  g_assert_cmpint (rapport_appointment_get_mode (chat), ==, RAPPORT_MODE_VIDEO);
  g_assert_cmpstr (rapport_appointment_get_their_timezone (chat), ==, "");

  /* a moved occurrence shares the series' UID, but needs its own */
  g_assert_cmpstr (rapport_appointment_get_uid (moved), !=, rapport_appointment_get_uid (chat));
  g_assert_true (g_str_has_prefix (rapport_appointment_get_uid (moved), "7kq3v0l2m9a8b1c4d5e6f7g8h9@google.com"));
  g_assert_cmpint (rapport_appointment_get_start (moved), ==, utc (2026, 3, 17, 14, 0, 0));
  g_assert_cmpint (rapport_appointment_get_mode (moved), ==, RAPPORT_MODE_IN_PERSON);

  g_assert_cmpstr (rapport_appointment_get_title (review), ==, "CV review");
  g_assert_cmpint (rapport_appointment_get_start (review), ==, utc (2026, 4, 2, 17, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (review), ==, 45);
  g_assert_cmpstr (rapport_appointment_get_place (review), ==, "Careers Centre, Room 101");
  g_assert_cmpstr (rapport_appointment_get_notes (review), ==, "");
  g_assert_cmpint (rapport_appointment_get_status (review), ==, RAPPORT_STATUS_REQUESTED);
}

static const char outlook_calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
  "VERSION:2.0\r\n"
  "METHOD:REQUEST\r\n"
  "X-MS-OLK-FORCEINSPECTOROPEN:TRUE\r\n"
  "BEGIN:VTIMEZONE\r\n"
  "TZID:W. Europe Standard Time\r\n"
  "BEGIN:STANDARD\r\n"
  "DTSTART:16011028T030000\r\n"
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "END:STANDARD\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "DTSTART:16010325T020000\r\n"
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "END:DAYLIGHT\r\n"
  "END:VTIMEZONE\r\n"
  "BEGIN:VEVENT\r\n"
  "ATTENDEE;CN=\"Sam Student\";RSVP=TRUE:mailto:sam.student@example.edu\r\n"
  "CLASS:PUBLIC\r\n"
  "CREATED:20260320T083012Z\r\n"
  "DESCRIPTION:Hi Sam\\,\\n\\nLooking forward to our talk about careers in publi\r\n"
  " c health. I have booked the small meeting room.\\n\\nKind regards\\,\\nDr. Ann\r\n"
  " eke de Vries\\n\r\n"
  "DTEND;TZID=\"W. Europe Standard Time\":20260330T104500\r\n"
  "DTSTAMP:20260320T083012Z\r\n"
  "DTSTART;TZID=\"W. Europe Standard Time\":20260330T100000\r\n"
  "LAST-MODIFIED:20260320T083012Z\r\n"
  "LOCATION:Gebouw B\\, kamer 2.14\\; Universiteit Utrecht\r\n"
  "ORGANIZER;CN=\"Anneke de Vries\":mailto:a.devries@example.nl\r\n"
  "PRIORITY:5\r\n"
  "SEQUENCE:0\r\n"
  "SUMMARY;LANGUAGE=en-us:Informational interview – public health\r\n"
  "TRANSP:OPAQUE\r\n"
  "UID:040000008200E00074C5B7101A82E00800000000D0E3B1F4A1B6DC01000000000000000\r\n"
  " 010000000A7C8F2E9D1B4A64C9E0B2D7F3A5C6E81\r\n"
  "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Hi Sam\\,</p></body></html>\r\n"
  "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n"
  "X-MICROSOFT-CDO-IMPORTANCE:1\r\n"
  "X-MICROSOFT-DISALLOW-COUNTER:FALSE\r\n"
  "X-MS-OLK-AUTOFILLLOCATION:FALSE\r\n"
  "X-MS-OLK-CONFTYPE:0\r\n"
  "BEGIN:VALARM\r\n"
  "TRIGGER:-PT15M\r\n"
  "ACTION:DISPLAY\r\n"
  "DESCRIPTION:Reminder\r\n"
  "END:VALARM\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "CLASS:PUBLIC\r\n"
  "DTEND;TZID=\"W. Europe Standard Time\":20260327T110000\r\n"
  "DTSTAMP:20260320T083012Z\r\n"
  "DTSTART;TZID=\"W. Europe Standard Time\":20260327T100000\r\n"
  "LOCATION:Microsoft Teams Meeting\r\n"
  "DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\r\n"
  "SUMMARY;LANGUAGE=en-us:Alumni panel: working in NGOs\r\n"
  "UID:040000008200E00074C5B7101A82E00800000000E1F2A3B4C5D6DC01000000000000000\r\n"
  " 010000000B8D9\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_outlook (void)
{
  g_autoptr(GPtrArray) appointments = parse_ok (outlook_calendar);
  RapportAppointment *interview;
  RapportAppointment *panel;

  g_assert_cmpuint (appointments->len, ==, 2);
  interview = g_ptr_array_index (appointments, 0);
  panel = g_ptr_array_index (appointments, 1);

  /* 10:00 in the file's own "W. Europe Standard Time", summer time since
   * 29 March, is 08:00 UTC */
  g_assert_cmpint (rapport_appointment_get_start (interview), ==, utc (2026, 3, 30, 8, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (interview), ==, 45);
  g_assert_cmpstr (rapport_appointment_get_uid (interview), ==,
                   "040000008200E00074C5B7101A82E00800000000D0E3B1F4A1B6DC01000000000000000"
                   "010000000A7C8F2E9D1B4A64C9E0B2D7F3A5C6E81");
  g_assert_cmpstr (rapport_appointment_get_title (interview), ==, "Informational interview – public health");
  g_assert_cmpstr (rapport_appointment_get_place (interview), ==, "Gebouw B, kamer 2.14; Universiteit Utrecht");
  g_assert_cmpstr (rapport_appointment_get_notes (interview), ==,
                   "Hi Sam,\n\nLooking forward to our talk about careers in public health. "
                   "I have booked the small meeting room.\n\nKind regards,\nDr. Anneke de Vries\n");
  /* no STATUS: it is on the calendar at a definite time */
  g_assert_cmpint (rapport_appointment_get_status (interview), ==, RAPPORT_STATUS_CONFIRMED);
  g_assert_cmpint (rapport_appointment_get_kind (interview), ==, RAPPORT_APPOINTMENT_OTHER);
  g_assert_cmpint (rapport_appointment_get_mode (interview), ==, RAPPORT_MODE_IN_PERSON);

  /* still winter time on 27 March: 10:00 is 09:00 UTC */
  g_assert_cmpint (rapport_appointment_get_start (panel), ==, utc (2026, 3, 27, 9, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (panel), ==, 60);
  g_assert_cmpint (rapport_appointment_get_mode (panel), ==, RAPPORT_MODE_VIDEO);
}

static void
test_import_all_day (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.4//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:5C1E1B4E-8B0C-4C54-9F43-7D8A1A1B2C3D\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART;VALUE=DATE:20260402\r\n"
    "DTEND;VALUE=DATE:20260403\r\n"
    "SUMMARY:Careers fair\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:6D2F2C5F-9C1D-4D65-A054-8E9B2B2C3D4E\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART;VALUE=DATE:20260329\r\n"
    "SUMMARY:Portfolio day (no end given)\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:7E3A3D6A-AD2E-4E76-B165-9FAC3C3D4E5F\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART;VALUE=DATE:20260406\r\n"
    "DTEND;VALUE=DATE:20260409\r\n"
    "SUMMARY:Job shadowing (three days)\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) appointments = parse_ok (ics);
  RapportAppointment *fair;
  RapportAppointment *portfolio;
  RapportAppointment *shadowing;

  g_assert_cmpuint (appointments->len, ==, 3);
  fair = g_ptr_array_index (appointments, 0);
  portfolio = g_ptr_array_index (appointments, 1);
  shadowing = g_ptr_array_index (appointments, 2);

  /* from local midnight, for a whole day */
  g_assert_cmpint (rapport_appointment_get_start (fair), ==, local (2026, 4, 2, 0, 0));
  g_assert_cmpint (rapport_appointment_get_start (fair), ==, utc (2026, 4, 1, 22, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (fair), ==, 24 * 60);
  /* the day the clocks change, here 23 hours long, is still a day */
  g_assert_cmpint (rapport_appointment_get_start (portfolio), ==, utc (2026, 3, 28, 23, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (portfolio), ==, 24 * 60);
  /* an appointment lasts a day at most */
  g_assert_cmpint (rapport_appointment_get_start (shadowing), ==, local (2026, 4, 6, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (shadowing), ==, 24 * 60);
}

static void
test_import_floating (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:floating-1@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260415T143000\r\n"
    "DTEND:20260415T151500\r\n"
    "SUMMARY:Call with the internship office\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:floating-2@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260115T090000\r\n"
    "SUMMARY:Winter floating time\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:unknown-zone@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART;TZID=Customized Time Zone:20260415T100000\r\n"
    "DTEND;TZID=Customized Time Zone:20260415T103000\r\n"
    "SUMMARY:A zone the file does not describe\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:system-zone@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART;TZID=Asia/Tokyo:20260415T100000\r\n"
    "DTEND;TZID=Asia/Tokyo:20260415T110000\r\n"
    "SUMMARY:A system zone, with no VTIMEZONE\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) appointments = parse_ok (ics);
  RapportAppointment *floating;
  RapportAppointment *winter;
  RapportAppointment *unknown;
  RapportAppointment *tokyo;

  g_assert_cmpuint (appointments->len, ==, 4);
  floating = g_ptr_array_index (appointments, 0);
  winter = g_ptr_array_index (appointments, 1);
  unknown = g_ptr_array_index (appointments, 2);
  tokyo = g_ptr_array_index (appointments, 3);

  /* local time: summer time in Berlin (UTC+2), then winter (UTC+1) */
  g_assert_cmpint (rapport_appointment_get_start (floating), ==, local (2026, 4, 15, 14, 30));
  g_assert_cmpint (rapport_appointment_get_start (floating), ==, utc (2026, 4, 15, 12, 30, 0));
  g_assert_cmpint (rapport_appointment_get_duration (floating), ==, 45);
  g_assert_cmpint (rapport_appointment_get_start (winter), ==, utc (2026, 1, 15, 8, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (winter), ==, RAPPORT_DEFAULT_DURATION);

  /* a zone nobody knows is taken as local time */
  g_assert_cmpint (rapport_appointment_get_start (unknown), ==, local (2026, 4, 15, 10, 0));
  g_assert_cmpint (rapport_appointment_get_duration (unknown), ==, 30);

  g_assert_cmpint (rapport_appointment_get_start (tokyo), ==, utc (2026, 4, 15, 1, 0, 0));
  g_assert_cmpint (rapport_appointment_get_duration (tokyo), ==, 60);
}

static void
test_import_duration (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Example Corp.//CalDAV Client//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d1@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260501T090000Z\r\n"
    "DURATION:PT1H15M\r\n"
    "SUMMARY:Seventy-five minutes\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d2@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260502T090000Z\r\n"
    "DURATION:P2D\r\n"
    "SUMMARY:Two days\\, cut to one\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d3@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260503T090000Z\r\n"
    "DURATION:PT20S\r\n"
    "SUMMARY:Twenty seconds\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d4@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260504T090000Z\r\n"
    "SUMMARY:No end at all\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d5@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260505T090000Z\r\n"
    "DTEND:20260505T080000Z\r\n"
    "SUMMARY:Ends before it starts\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:d6@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260506T090000Z\r\n"
    "DURATION:P1W\r\n"
    "SUMMARY:A week\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) appointments = parse_ok (ics);
  static const int minutes[] = { 75, 24 * 60, 1, RAPPORT_DEFAULT_DURATION, RAPPORT_DEFAULT_DURATION, 24 * 60 };

  g_assert_cmpuint (appointments->len, ==, G_N_ELEMENTS (minutes));
  for (guint i = 0; i < appointments->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i);

      g_assert_cmpint (rapport_appointment_get_start (appointment), ==, utc (2026, 5, 1 + i, 9, 0, 0));
      g_assert_cmpint (rapport_appointment_get_duration (appointment), ==, minutes[i]);
    }
  g_assert_cmpstr (rapport_appointment_get_title (g_ptr_array_index (appointments, 1)), ==, "Two days, cut to one");
}

static void
test_import_folded_escaped (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Example//Hand-folded//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:folded@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260601T120000Z\r\n"
    "DTEND:20260601T124500Z\r\n"
    /* folded mid-word, with a tab, and in the middle of "é" (0xC3 0xA9),
     * which RFC 5545 allows */
    "SUMMARY:Informational interview with Dr. Siobhán Ní Bhriain\\, Head of Re\r\n"
    " search\\; Marine Institute\r\n"
    "LOCATION:Caf\xc3\r\n"
    " \xa9 Nero\\, 12 Quay Street\\;\r\n"
    "\t Galway\r\n"
    /* \\N is a newline too; \\\\ a backslash; "\\:" is not an RFC escape
     * but some programs write it */
    "DESCRIPTION:Bring: CV\\, questions\\; notes.\\NPath: C:\\\\Users\\\\sam\\nLink\r\n"
    " : https\\://example.org/a\\,b\r\n"
    "STATUS:TENTATIVE\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) appointments = parse_ok (ics);
  RapportAppointment *appointment;

  g_assert_cmpuint (appointments->len, ==, 1);
  appointment = g_ptr_array_index (appointments, 0);
  g_assert_cmpstr (rapport_appointment_get_title (appointment), ==,
                   "Informational interview with Dr. Siobhán Ní Bhriain, Head of Research; Marine Institute");
  g_assert_cmpstr (rapport_appointment_get_place (appointment), ==, "Café Nero, 12 Quay Street; Galway");
  g_assert_cmpstr (rapport_appointment_get_notes (appointment), ==,
                   "Bring: CV, questions; notes.\nPath: C:\\Users\\sam\nLink: https://example.org/a,b");
  g_assert_cmpint (rapport_appointment_get_duration (appointment), ==, 45);
  g_assert_cmpint (rapport_appointment_get_status (appointment), ==, RAPPORT_STATUS_REQUESTED);
}

/* Files written with Unix or old Mac line ends, not CRLF. */
static void
test_import_line_ends (void)
{
  static const char lf[] =
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "PRODID:-//Example//Script//EN\n"
    "BEGIN:VEVENT\n"
    "UID:lf@example.org\n"
    "DTSTART:20260601T120000Z\n"
    "DURATION:PT40M\n"
    "SUMMARY:Written with\n"
    "  LF only\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n";
  static const char cr[] =
    "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:cr@example.org\r"
    "DTSTART:20260602T120000Z\rSUMMARY:Written with CR only\rEND:VEVENT\rEND:VCALENDAR\r";
  g_autoptr(GPtrArray) from_lf = parse_ok (lf);
  g_autoptr(GPtrArray) from_cr = parse_ok (cr);
  RapportAppointment *appointment;

  g_assert_cmpuint (from_lf->len, ==, 1);
  appointment = g_ptr_array_index (from_lf, 0);
  g_assert_cmpstr (rapport_appointment_get_title (appointment), ==, "Written with LF only");
  g_assert_cmpint (rapport_appointment_get_duration (appointment), ==, 40);

  g_assert_cmpuint (from_cr->len, ==, 1);
  appointment = g_ptr_array_index (from_cr, 0);
  g_assert_cmpstr (rapport_appointment_get_title (appointment), ==, "Written with CR only");
  g_assert_cmpint (rapport_appointment_get_start (appointment), ==, utc (2026, 6, 2, 12, 0, 0));
}

/* Rapport's own properties come back; those that cannot, do not. */
static void
test_import_rapport_properties (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Rapport//Rapport 0.1//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:a@rapport\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260701T090000Z\r\n"
    "DTEND:20260701T093000Z\r\n"
    "SUMMARY:Informational interview with Ada Lovelace\r\n"
    "STATUS:CONFIRMED\r\n"
    "X-RAPPORT-KIND:interview\r\n"
    "X-RAPPORT-MODE:phone\r\n"
    "X-RAPPORT-STATUS:held\r\n"
    "X-RAPPORT-THEIR-TZID:Europe/London\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:b@rapport\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260702T090000Z\r\n"
    "DTEND:20260702T093000Z\r\n"
    "SUMMARY:Career counsellor meeting\r\n"
    "STATUS:CANCELLED\r\n"
    "X-RAPPORT-KIND:counsellor\r\n"
    "X-RAPPORT-MODE:teleportation\r\n"
    "X-RAPPORT-STATUS:no-show\r\n"
    "X-RAPPORT-THEIR-TZID:Mars/Olympus_Mons\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260703T090000Z\r\n"
    "SUMMARY:No UID\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:twice@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260704T090000Z\r\n"
    "SUMMARY:Same UID\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:twice@example.org\r\n"
    "DTSTAMP:20260301T100000Z\r\n"
    "DTSTART:20260705T090000Z\r\n"
    "SUMMARY:Same UID again\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) appointments = parse_ok (ics);
  RapportAppointment *interview;
  RapportAppointment *counsellor;
  RapportAppointment *no_uid;

  g_assert_cmpuint (appointments->len, ==, 5);
  interview = g_ptr_array_index (appointments, 0);
  counsellor = g_ptr_array_index (appointments, 1);
  no_uid = g_ptr_array_index (appointments, 2);

  /* an interview without its person is saved as "other" */
  g_assert_cmpint (rapport_appointment_get_kind (interview), ==, RAPPORT_APPOINTMENT_OTHER);
  g_assert_cmpint (rapport_appointment_get_contact_id (interview), ==, 0);
  g_assert_cmpstr (rapport_appointment_get_title (interview), ==, "Informational interview with Ada Lovelace");
  g_assert_cmpint (rapport_appointment_get_mode (interview), ==, RAPPORT_MODE_PHONE);
  g_assert_cmpint (rapport_appointment_get_status (interview), ==, RAPPORT_STATUS_HELD);
  g_assert_cmpstr (rapport_appointment_get_their_timezone (interview), ==, "Europe/London");

  /* the kind's name was only standing in for a missing title */
  g_assert_cmpint (rapport_appointment_get_kind (counsellor), ==, RAPPORT_APPOINTMENT_COUNSELLOR);
  g_assert_cmpstr (rapport_appointment_get_title (counsellor), ==, "");
  g_assert_cmpint (rapport_appointment_get_mode (counsellor), ==, RAPPORT_MODE_IN_PERSON);
  g_assert_cmpint (rapport_appointment_get_status (counsellor), ==, RAPPORT_STATUS_NO_SHOW);
  g_assert_cmpstr (rapport_appointment_get_their_timezone (counsellor), ==, "");

  g_assert_true (g_str_has_suffix (rapport_appointment_get_uid (no_uid), "@import"));
  g_assert_cmpint (strlen (rapport_appointment_get_uid (no_uid)), >, strlen ("@import"));

  g_assert_cmpstr (rapport_appointment_get_uid (g_ptr_array_index (appointments, 3)), ==, "twice@example.org");
  g_assert_cmpstr (rapport_appointment_get_uid (g_ptr_array_index (appointments, 4)), !=, "twice@example.org");
}

/* Other programs' files give appointments the store takes as they are. */
static void
test_import_saves (Fixture       *f,
                   gconstpointer  data)
{
  const char *files[] = { google_calendar, outlook_calendar };
  guint expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) appointments = parse_ok (files[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (rapport_store_add_appointments (f->store, appointments, &error));
      g_assert_no_error (error);
      expected += appointments->len;
      g_assert_cmpuint (count_appointments (f->store), ==, expected);
    }
}

/* ------------------------------------------------------------------------ *
 * 5. Malformed input
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;    /* -1: up to the NUL */
  const char *in_message;
} Malformed;

#define NUL_ICS                                                                         \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\n" \
  "SUMMARY:a\0b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

static const Malformed malformed[] = {
  { "empty", "", 0, "empty" },
  { "blank", "\r\n  \r\n", -1, "empty" },
  { "random", NULL, 0, "iCalendar" },
  { "random-after-header", NULL, 0, NULL },
  { "html", "<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n", -1, "iCalendar" },
  { "vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n", -1, "iCalendar" },
  { "latin1",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\n"
    "SUMMARY:Caf\xe9 with Jos\xe9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1, "UTF-8" },
  { "nul", NUL_ICS, sizeof (NUL_ICS) - 1, "UTF-8" },
  { "no-events",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nBEGIN:VTODO\r\nUID:t\r\n"
    "SUMMARY:Send thank-you note\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", -1, "no events" },
  { "only-header", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", -1, "no events" },
  { "no-start",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260101T100000Z\r\n"
    "SUMMARY:Fine\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:no-start\r\nSUMMARY:Lunch with Tom\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, "Event “Lunch with Tom” has no start time" },
  { "no-start-no-summary",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:nameless@example.org\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, "Event “nameless@example.org” has no start time" },
  { "bad-start",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261345T100000\r\n"
    "SUMMARY:Thirteenth month\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1, "Thirteenth month" },
  { "before-1970",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:19690720T201800Z\r\n"
    "SUMMARY:Moon landing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1, "1970" },
  { "truncated-mid-event", NULL, 0, "incomplete" },
  { "truncated-end", NULL, 0, "incomplete" },
  { "truncated-end-word", NULL, 0, "incomplete" },
};

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const Malformed *m = data;
  g_autoptr(RapportAppointment) existing = add_simple (f->store, "Already here", utc (2026, 1, 1, 9, 0, 0), 30,
                                                       RAPPORT_STATUS_CONFIRMED);
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned = NULL;
  const char *bytes = m->data;
  gsize length = m->length < 0 ? strlen (m->data) : (gsize)m->length;
  guint before = count_appointments (f->store);

  if (g_str_equal (m->name, "random") || g_str_equal (m->name, "random-after-header"))
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (20260330);
      gsize header = g_str_equal (m->name, "random") ? 0 : strlen ("BEGIN:VCALENDAR\r\n");

      length = header + 2048;
      owned = g_malloc (length);
      memcpy (owned, "BEGIN:VCALENDAR\r\n", header);
      for (gsize i = header; i < length; i++)
        owned[i] = (char)g_rand_int_range (rand, 0, 256);
      bytes = owned;
    }
  else if (g_str_has_prefix (m->name, "truncated"))
    {
      const char *cut;

      if (g_str_equal (m->name, "truncated-mid-event"))
        cut = strstr (outlook_calendar, "LOCATION:");
      else if (g_str_equal (m->name, "truncated-end"))
        cut = strstr (outlook_calendar, "END:VCALENDAR");
      else
        cut = strstr (outlook_calendar, "END:VCALENDAR") + strlen ("END:VCAL");
      g_assert_nonnull (cut);
      length = cut - outlook_calendar;
      bytes = owned = g_strndup (outlook_calendar, length);
    }

  appointments = rapport_ical_parse (bytes, length, &error);

  g_assert_null (appointments);
  g_assert_error (error, RAPPORT_ICAL_ERROR, RAPPORT_ICAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s: %s", m->name, error->message);
  if (m->in_message != NULL && strstr (error->message, m->in_message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, m->in_message);

  g_assert_cmpuint (count_appointments (f->store), ==, before);
  g_assert_cmpuint (before, ==, 1);
}

/* ------------------------------------------------------------------------ *
 * 6. Time zones
 * ------------------------------------------------------------------------ */

static void
test_daylight_saving (Fixture       *f,
                      gconstpointer  data)
{
  /* the clocks go forward in Berlin at 02:00 on 29 March 2026 */
  g_autoptr(RapportAppointment) before = add_simple (f->store, "Before the change", local (2026, 3, 28, 10, 0), 60,
                                                     RAPPORT_STATUS_CONFIRMED);
  g_autoptr(RapportAppointment) after = add_simple (f->store, "After the change", local (2026, 3, 30, 10, 0), 60,
                                                    RAPPORT_STATUS_CONFIRMED);
  g_autoptr(GPtrArray) appointments = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *start_before = NULL;
  g_autofree char *start_after = NULL;
  g_autofree char *end_after = NULL;

  g_assert_cmpint (rapport_appointment_get_start (before), ==, utc (2026, 3, 28, 9, 0, 0));
  g_assert_cmpint (rapport_appointment_get_start (after), ==, utc (2026, 3, 30, 8, 0, 0));

  rapport_appointment_set_their_timezone (after, "America/New_York");
  g_ptr_array_add (appointments, before);
  g_ptr_array_add (appointments, after);
  ics = export_ok (f->store, appointments);

  start_before = event_property (ics, rapport_appointment_get_uid (before), "DTSTART");
  start_after = event_property (ics, rapport_appointment_get_uid (after), "DTSTART");
  end_after = event_property (ics, rapport_appointment_get_uid (after), "DTEND");
  g_assert_cmpstr (start_before, ==, "20260328T090000Z");
  g_assert_cmpstr (start_after, ==, "20260330T080000Z");
  g_assert_cmpstr (end_after, ==, "20260330T090000Z");

  copies = parse_ok (ics);
  g_assert_cmpuint (copies->len, ==, 2);
  g_assert_cmpint (rapport_appointment_get_start (find_uid (copies, rapport_appointment_get_uid (before))), ==,
                   local (2026, 3, 28, 10, 0));
  g_assert_cmpint (rapport_appointment_get_start (find_uid (copies, rapport_appointment_get_uid (after))), ==,
                   local (2026, 3, 30, 10, 0));
  g_assert_cmpstr (rapport_appointment_get_their_timezone (find_uid (copies, rapport_appointment_get_uid (after))), ==,
                   "America/New_York");
}

int
main (int   argc,
      char *argv[])
{
  /* A local zone with a daylight-saving change in the test dates, whatever
   * the machine's own zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ical/round-trip", test_round_trip);
  ADD ("/ical/round-trip/saves", test_round_trip_saves);
  ADD ("/ical/export/format", test_export_format);
  ADD ("/ical/export/mapping", test_export_mapping);
  ADD ("/ical/export/independent-reader", test_independent_reader);
  ADD ("/ical/export/independent-reader-disagrees", test_independent_reader_disagrees);
  g_test_add_func ("/ical/import/google", test_import_google);
  g_test_add_func ("/ical/import/outlook", test_import_outlook);
  g_test_add_func ("/ical/import/all-day", test_import_all_day);
  g_test_add_func ("/ical/import/floating", test_import_floating);
  g_test_add_func ("/ical/import/duration", test_import_duration);
  g_test_add_func ("/ical/import/folded-escaped", test_import_folded_escaped);
  g_test_add_func ("/ical/import/line-ends", test_import_line_ends);
  g_test_add_func ("/ical/import/rapport-properties", test_import_rapport_properties);
  ADD ("/ical/import/saves", test_import_saves);
  ADD ("/ical/time-zones/daylight-saving", test_daylight_saving);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strconcat ("/ical/malformed/", malformed[i].name, NULL);

      g_test_add (path, Fixture, &malformed[i], fixture_set_up, test_malformed, fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}
