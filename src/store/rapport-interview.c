/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-interview"

#include "config.h"

#include "rapport-interview.h"

enum {
  PROP_0,
  PROP_APPOINTMENT_ID,
  PROP_GOALS,
  PROP_NOTEBOOK,
  PROP_CHECKLIST,
  PROP_GOT_CARD,
  PROP_ELAPSED,
  N_PROPS
};

struct _RapportInterview
{
  RapportRecord parent_instance;
  gint64 appointment_id;
  char *goals;
  char *notebook;
  guint checklist;
  gboolean got_card;
  int elapsed;
};

G_DEFINE_FINAL_TYPE (RapportInterview, rapport_interview, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
rapport_interview_finalize (GObject *object)
{
  RapportInterview *self = (RapportInterview *)object;

  g_free (self->goals);
  g_free (self->notebook);

  G_OBJECT_CLASS (rapport_interview_parent_class)->finalize (object);
}

static void
rapport_interview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportInterview *self = RAPPORT_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_GOALS:
      g_value_set_string (value, self->goals);
      break;
    case PROP_NOTEBOOK:
      g_value_set_string (value, self->notebook);
      break;
    case PROP_CHECKLIST:
      g_value_set_uint (value, self->checklist);
      break;
    case PROP_GOT_CARD:
      g_value_set_boolean (value, self->got_card);
      break;
    case PROP_ELAPSED:
      g_value_set_int (value, self->elapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_interview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportInterview *self = RAPPORT_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT_ID:
      rapport_interview_set_appointment_id (self, g_value_get_int64 (value));
      break;
    case PROP_GOALS:
      rapport_interview_set_goals (self, g_value_get_string (value));
      break;
    case PROP_NOTEBOOK:
      rapport_interview_set_notebook (self, g_value_get_string (value));
      break;
    case PROP_CHECKLIST:
      rapport_interview_set_checklist (self, g_value_get_uint (value));
      break;
    case PROP_GOT_CARD:
      rapport_interview_set_got_card (self, g_value_get_boolean (value));
      break;
    case PROP_ELAPSED:
      rapport_interview_set_elapsed (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_interview_class_init (RapportInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_interview_finalize;
  object_class->get_property = rapport_interview_get_property;
  object_class->set_property = rapport_interview_set_property;

  /* The appointment of kind interview */
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* What the student wants from the meeting */
  properties[PROP_GOALS] =
    g_param_spec_string ("goals", NULL, NULL, "", flags);
  /* Free notes */
  properties[PROP_NOTEBOOK] =
    g_param_spec_string ("notebook", NULL, NULL, "", flags);
  /* Helpful hints ticked off, bits of #RapportHint */
  properties[PROP_CHECKLIST] =
    g_param_spec_uint ("checklist", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* The person gave a business card */
  properties[PROP_GOT_CARD] =
    g_param_spec_boolean ("got-card", NULL, NULL, FALSE, flags);
  /* Seconds on the meeting timer */
  properties[PROP_ELAPSED] =
    g_param_spec_int ("elapsed", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_interview_init (RapportInterview *self)
{
  self->goals = g_strdup ("");
  self->notebook = g_strdup ("");
}

gint64
rapport_interview_get_appointment_id (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), 0);
  return self->appointment_id;
}

void
rapport_interview_set_appointment_id (RapportInterview *self,
                                      gint64 value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

const char *
rapport_interview_get_goals (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), NULL);
  return self->goals;
}

void
rapport_interview_set_goals (RapportInterview *self,
                             const char *value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->goals, value) == 0)
    return;
  g_free (self->goals);
  self->goals = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOALS]);
}

const char *
rapport_interview_get_notebook (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), NULL);
  return self->notebook;
}

void
rapport_interview_set_notebook (RapportInterview *self,
                                const char *value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->notebook, value) == 0)
    return;
  g_free (self->notebook);
  self->notebook = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTEBOOK]);
}

guint
rapport_interview_get_checklist (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), 0);
  return self->checklist;
}

void
rapport_interview_set_checklist (RapportInterview *self,
                                 guint value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  if (self->checklist == value)
    return;
  self->checklist = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

gboolean
rapport_interview_get_got_card (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), 0);
  return self->got_card;
}

void
rapport_interview_set_got_card (RapportInterview *self,
                                gboolean value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  value = !!value;
  if (self->got_card == value)
    return;
  self->got_card = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOT_CARD]);
}

int
rapport_interview_get_elapsed (RapportInterview *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (self), 0);
  return self->elapsed;
}

void
rapport_interview_set_elapsed (RapportInterview *self,
                               int value)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW (self));
  if (self->elapsed == value)
    return;
  self->elapsed = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
}
