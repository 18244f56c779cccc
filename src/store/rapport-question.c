/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-question"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question.h"

enum {
  PROP_0,
  PROP_KEY,
  PROP_CATEGORY,
  PROP_TEXT,
  PROP_POSITION,
  PROP_HIDDEN,
  N_PROPS
};

struct _RapportQuestion
{
  RapportRecord parent_instance;
  char *key;
  RapportCategory category;
  char *text;
  int position;
  gboolean hidden;
};

G_DEFINE_FINAL_TYPE (RapportQuestion, rapport_question, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
rapport_question_finalize (GObject *object)
{
  RapportQuestion *self = (RapportQuestion *)object;

  g_free (self->key);
  g_free (self->text);

  G_OBJECT_CLASS (rapport_question_parent_class)->finalize (object);
}

static void
rapport_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_question_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      rapport_question_set_key (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      rapport_question_set_category (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      rapport_question_set_text (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      rapport_question_set_position (self, g_value_get_int (value));
      break;
    case PROP_HIDDEN:
      rapport_question_set_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_question_class_init (RapportQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_question_finalize;
  object_class->get_property = rapport_question_get_property;
  object_class->set_property = rapport_question_set_property;

  /* The built-in's stable key, empty for the student's own question */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "", flags);
  /* Its category */
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, RAPPORT_TYPE_CATEGORY, RAPPORT_CATEGORY_CAREER_PATH, flags);
  /* The student's wording; empty shows the built-in's translated text */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", flags);
  /* Its place in the bank */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* Hidden from the bank (built-ins are never deleted) */
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_question_init (RapportQuestion *self)
{
  self->key = g_strdup ("");
  self->category = RAPPORT_CATEGORY_CAREER_PATH;
  self->text = g_strdup ("");
}

const char *
rapport_question_get_key (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  return self->key;
}

void
rapport_question_set_key (RapportQuestion *self,
                          const char *value)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->key, value) == 0)
    return;
  g_free (self->key);
  self->key = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

RapportCategory
rapport_question_get_category (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->category;
}

void
rapport_question_set_category (RapportQuestion *self,
                               RapportCategory value)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));
  if (self->category == value)
    return;
  self->category = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
rapport_question_get_text (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  return self->text;
}

void
rapport_question_set_text (RapportQuestion *self,
                           const char *value)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->text, value) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
rapport_question_get_position (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->position;
}

void
rapport_question_set_position (RapportQuestion *self,
                               int value)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));
  if (self->position == value)
    return;
  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gboolean
rapport_question_get_hidden (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->hidden;
}

void
rapport_question_set_hidden (RapportQuestion *self,
                             gboolean value)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));
  value = !!value;
  if (self->hidden == value)
    return;
  self->hidden = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

/**
 * rapport_question_dup_display_text:
 *
 * Returns: (transfer full): the question as the student sees it: their own
 *   wording, or the built-in's text in the current language
 */
char *
rapport_question_dup_display_text (RapportQuestion *self)
{
  const RapportBuiltinQuestion *builtin;

  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  if (*self->text)
    return g_strdup (self->text);

  builtin = rapport_builtin_question_lookup (self->key);
  return g_strdup (builtin ? g_dgettext (GETTEXT_PACKAGE, builtin->text) : "");
}

/**
 * rapport_question_is_builtin:
 *
 * Returns: whether the question came with Rapport (and so can be hidden and
 *   restored, but not deleted)
 */
gboolean
rapport_question_is_builtin (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), FALSE);

  return *self->key != '\0';
}
