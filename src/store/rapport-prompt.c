/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-prompt"

#include "config.h"

#include "rapport-prompt.h"

enum {
  PROP_0,
  PROP_INTERVIEW_ID,
  PROP_QUESTION_ID,
  PROP_POSITION,
  PROP_NOTES,
  N_PROPS
};

struct _RapportPrompt
{
  RapportRecord parent_instance;
  gint64 interview_id;
  gint64 question_id;
  int position;
  char *notes;
};

G_DEFINE_FINAL_TYPE (RapportPrompt, rapport_prompt, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
rapport_prompt_finalize (GObject *object)
{
  RapportPrompt *self = (RapportPrompt *)object;

  g_free (self->notes);

  G_OBJECT_CLASS (rapport_prompt_parent_class)->finalize (object);
}

static void
rapport_prompt_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportPrompt *self = RAPPORT_PROMPT (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      g_value_set_int64 (value, self->interview_id);
      break;
    case PROP_QUESTION_ID:
      g_value_set_int64 (value, self->question_id);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_prompt_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RapportPrompt *self = RAPPORT_PROMPT (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      rapport_prompt_set_interview_id (self, g_value_get_int64 (value));
      break;
    case PROP_QUESTION_ID:
      rapport_prompt_set_question_id (self, g_value_get_int64 (value));
      break;
    case PROP_POSITION:
      rapport_prompt_set_position (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      rapport_prompt_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_prompt_class_init (RapportPromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_prompt_finalize;
  object_class->get_property = rapport_prompt_get_property;
  object_class->set_property = rapport_prompt_set_property;

  /* The interview it belongs to */
  properties[PROP_INTERVIEW_ID] =
    g_param_spec_int64 ("interview-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The question from the bank */
  properties[PROP_QUESTION_ID] =
    g_param_spec_int64 ("question-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Its place in the interview's list */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* What was heard */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_prompt_init (RapportPrompt *self)
{
  self->notes = g_strdup ("");
}

gint64
rapport_prompt_get_interview_id (RapportPrompt *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROMPT (self), 0);
  return self->interview_id;
}

void
rapport_prompt_set_interview_id (RapportPrompt *self,
                                 gint64 value)
{
  g_return_if_fail (RAPPORT_IS_PROMPT (self));
  if (self->interview_id == value)
    return;
  self->interview_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_ID]);
}

gint64
rapport_prompt_get_question_id (RapportPrompt *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROMPT (self), 0);
  return self->question_id;
}

void
rapport_prompt_set_question_id (RapportPrompt *self,
                                gint64 value)
{
  g_return_if_fail (RAPPORT_IS_PROMPT (self));
  if (self->question_id == value)
    return;
  self->question_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
}

int
rapport_prompt_get_position (RapportPrompt *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROMPT (self), 0);
  return self->position;
}

void
rapport_prompt_set_position (RapportPrompt *self,
                             int value)
{
  g_return_if_fail (RAPPORT_IS_PROMPT (self));
  if (self->position == value)
    return;
  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
rapport_prompt_get_notes (RapportPrompt *self)
{
  g_return_val_if_fail (RAPPORT_IS_PROMPT (self), NULL);
  return self->notes;
}

void
rapport_prompt_set_notes (RapportPrompt *self,
                          const char *value)
{
  g_return_if_fail (RAPPORT_IS_PROMPT (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->notes, value) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
