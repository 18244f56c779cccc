/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-appointment"

#include "config.h"

#include "rapport-appointment.h"

enum {
  PROP_0,
  PROP_PLACE,
  PROP_NOTES,
  PROP_THEIR_TIMEZONE,
  PROP_TITLE,
  PROP_UID,
  PROP_KIND,
  PROP_CONTACT_ID,
  PROP_START,
  PROP_DURATION,
  PROP_MODE,
  PROP_STATUS,
  N_PROPS
};

#define N_TEXT (PROP_UID + 1)

struct _RapportAppointment
{
  RapportRecord           parent_instance;
  char                   *text[N_TEXT];
  RapportAppointmentKind  kind;
  gint64                  contact_id;
  gint64                  start;
  int                     duration;
  RapportMode             mode;
  RapportStatus           status;
};

G_DEFINE_FINAL_TYPE (RapportAppointment, rapport_appointment, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
set_text (RapportAppointment *self,
          guint               prop,
          const char         *value)
{
  g_assert (prop > PROP_0 && prop < N_TEXT);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define SET_SCALAR(field, value, prop)                                    \
  G_STMT_START {                                                          \
    if (self->field != (value))                                           \
      {                                                                   \
        self->field = (value);                                            \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);     \
      }                                                                   \
  } G_STMT_END

static void
rapport_appointment_finalize (GObject *object)
{
  RapportAppointment *self = (RapportAppointment *)object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (rapport_appointment_parent_class)->finalize (object);
}

static void
rapport_appointment_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportAppointment *self = RAPPORT_APPOINTMENT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:       g_value_set_enum (value, self->kind); break;
    case PROP_CONTACT_ID: g_value_set_int64 (value, self->contact_id); break;
    case PROP_START:      g_value_set_int64 (value, self->start); break;
    case PROP_DURATION:   g_value_set_int (value, self->duration); break;
    case PROP_MODE:       g_value_set_enum (value, self->mode); break;
    case PROP_STATUS:     g_value_set_enum (value, self->status); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_appointment_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportAppointment *self = RAPPORT_APPOINTMENT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:       rapport_appointment_set_kind (self, g_value_get_enum (value)); break;
    case PROP_CONTACT_ID: rapport_appointment_set_contact_id (self, g_value_get_int64 (value)); break;
    case PROP_START:      rapport_appointment_set_start (self, g_value_get_int64 (value)); break;
    case PROP_DURATION:   rapport_appointment_set_duration (self, g_value_get_int (value)); break;
    case PROP_MODE:       rapport_appointment_set_mode (self, g_value_get_enum (value)); break;
    case PROP_STATUS:     rapport_appointment_set_status (self, g_value_get_enum (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_appointment_class_init (RapportAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *text_names[N_TEXT] = { NULL, "place", "notes", "their-timezone", "title", "uid" };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_appointment_finalize;
  object_class->get_property = rapport_appointment_get_property;
  object_class->set_property = rapport_appointment_set_property;

  for (guint i = PROP_PLACE; i < N_TEXT; i++)
    properties[i] = g_param_spec_string (text_names[i], NULL, NULL, "", flags);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_APPOINTMENT_KIND, RAPPORT_APPOINTMENT_INTERVIEW, flags);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* UTC seconds; 0 while a request has no time yet */
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, 1, 24 * 60, RAPPORT_DEFAULT_DURATION, flags);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, RAPPORT_TYPE_MODE, RAPPORT_MODE_IN_PERSON, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RAPPORT_TYPE_STATUS, RAPPORT_STATUS_REQUESTED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_appointment_init (RapportAppointment *self)
{
  for (guint i = PROP_PLACE; i < N_TEXT; i++)
    self->text[i] = g_strdup ("");
  self->duration = RAPPORT_DEFAULT_DURATION;
  self->status = RAPPORT_STATUS_REQUESTED;
}

/**
 * rapport_appointment_new:
 * @contact_id: the person met, or 0 (an interview needs one to be saved)
 */
RapportAppointment *
rapport_appointment_new (RapportAppointmentKind kind,
                         gint64                 contact_id)
{
  return g_object_new (RAPPORT_TYPE_APPOINTMENT, "kind", kind, "contact-id", contact_id, NULL);
}

#define TEXT_ACCESSORS(lower, PROP)                                        \
const char *                                                               \
rapport_appointment_get_##lower (RapportAppointment *self)                 \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), NULL);              \
  return self->text[PROP];                                                 \
}                                                                          \
void                                                                       \
rapport_appointment_set_##lower (RapportAppointment *self, const char *v)  \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));                        \
  set_text (self, PROP, v);                                                \
}

TEXT_ACCESSORS (place, PROP_PLACE)
TEXT_ACCESSORS (notes, PROP_NOTES)
TEXT_ACCESSORS (their_timezone, PROP_THEIR_TIMEZONE)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (uid, PROP_UID)

RapportAppointmentKind
rapport_appointment_get_kind (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), RAPPORT_APPOINTMENT_OTHER);
  return self->kind;
}

void
rapport_appointment_set_kind (RapportAppointment     *self,
                              RapportAppointmentKind  kind)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (kind < RAPPORT_N_APPOINTMENT_KINDS);
  SET_SCALAR (kind, kind, PROP_KIND);
}

gint64
rapport_appointment_get_contact_id (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), 0);
  return self->contact_id;
}

void
rapport_appointment_set_contact_id (RapportAppointment *self,
                                    gint64              contact_id)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (contact_id >= 0);
  SET_SCALAR (contact_id, contact_id, PROP_CONTACT_ID);
}

gint64
rapport_appointment_get_start (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), 0);
  return self->start;
}

void
rapport_appointment_set_start (RapportAppointment *self,
                               gint64              start_utc)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (start_utc >= 0);
  SET_SCALAR (start, start_utc, PROP_START);
}

int
rapport_appointment_get_duration (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), RAPPORT_DEFAULT_DURATION);
  return self->duration;
}

void
rapport_appointment_set_duration (RapportAppointment *self,
                                  int                 minutes)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (minutes > 0 && minutes <= 24 * 60);
  SET_SCALAR (duration, minutes, PROP_DURATION);
}

/**
 * rapport_appointment_get_end:
 *
 * Returns: when the appointment ends, in UTC seconds, or 0 without a start
 */
gint64
rapport_appointment_get_end (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), 0);

  return self->start > 0 ? self->start + (gint64)self->duration * 60 : 0;
}

RapportMode
rapport_appointment_get_mode (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), RAPPORT_MODE_IN_PERSON);
  return self->mode;
}

void
rapport_appointment_set_mode (RapportAppointment *self,
                              RapportMode         mode)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (mode < RAPPORT_N_MODES);
  SET_SCALAR (mode, mode, PROP_MODE);
}

RapportStatus
rapport_appointment_get_status (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), RAPPORT_STATUS_REQUESTED);
  return self->status;
}

void
rapport_appointment_set_status (RapportAppointment *self,
                                RapportStatus       status)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT (self));
  g_return_if_fail (status < RAPPORT_N_STATUSES);
  SET_SCALAR (status, status, PROP_STATUS);
}

/**
 * rapport_appointment_is_active:
 *
 * Returns: whether the appointment still takes up its time: not cancelled,
 *   moved elsewhere or missed
 */
gboolean
rapport_appointment_is_active (RapportAppointment *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (self), FALSE);

  return self->status == RAPPORT_STATUS_REQUESTED ||
         self->status == RAPPORT_STATUS_CONFIRMED ||
         self->status == RAPPORT_STATUS_HELD;
}
