/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-action-item"

#include "config.h"

#include "rapport-action-item.h"

enum {
  PROP_0,
  PROP_INTERVIEW_ID,
  PROP_CONTACT_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_DUE,
  PROP_DONE,
  N_PROPS
};

struct _RapportActionItem
{
  RapportRecord parent_instance;
  gint64 interview_id;
  gint64 contact_id;
  RapportActionKind kind;
  char *text;
  gint64 due;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (RapportActionItem, rapport_action_item, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
rapport_action_item_finalize (GObject *object)
{
  RapportActionItem *self = (RapportActionItem *)object;

  g_free (self->text);

  G_OBJECT_CLASS (rapport_action_item_parent_class)->finalize (object);
}

static void
rapport_action_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportActionItem *self = RAPPORT_ACTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      g_value_set_int64 (value, self->interview_id);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DUE:
      g_value_set_int64 (value, self->due);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_action_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RapportActionItem *self = RAPPORT_ACTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_ID:
      rapport_action_item_set_interview_id (self, g_value_get_int64 (value));
      break;
    case PROP_CONTACT_ID:
      rapport_action_item_set_contact_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      rapport_action_item_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      rapport_action_item_set_text (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      rapport_action_item_set_due (self, g_value_get_int64 (value));
      break;
    case PROP_DONE:
      rapport_action_item_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_action_item_class_init (RapportActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_action_item_finalize;
  object_class->get_property = rapport_action_item_get_property;
  object_class->set_property = rapport_action_item_set_property;

  /* The interview it came from, or 0 */
  properties[PROP_INTERVIEW_ID] =
    g_param_spec_int64 ("interview-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The person it concerns, or 0 */
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* What kind of step */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAPPORT_TYPE_ACTION_KIND, RAPPORT_ACTION_OTHER, flags);
  /* What to do */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", flags);
  /* When it is due (UTC seconds), or 0 */
  properties[PROP_DUE] =
    g_param_spec_int64 ("due", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Done */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_action_item_init (RapportActionItem *self)
{
  self->kind = RAPPORT_ACTION_OTHER;
  self->text = g_strdup ("");
}

gint64
rapport_action_item_get_interview_id (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), 0);
  return self->interview_id;
}

void
rapport_action_item_set_interview_id (RapportActionItem *self,
                                      gint64 value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  if (self->interview_id == value)
    return;
  self->interview_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_ID]);
}

gint64
rapport_action_item_get_contact_id (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), 0);
  return self->contact_id;
}

void
rapport_action_item_set_contact_id (RapportActionItem *self,
                                    gint64 value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  if (self->contact_id == value)
    return;
  self->contact_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

RapportActionKind
rapport_action_item_get_kind (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), 0);
  return self->kind;
}

void
rapport_action_item_set_kind (RapportActionItem *self,
                              RapportActionKind value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rapport_action_item_get_text (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), NULL);
  return self->text;
}

void
rapport_action_item_set_text (RapportActionItem *self,
                              const char *value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->text, value) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gint64
rapport_action_item_get_due (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), 0);
  return self->due;
}

void
rapport_action_item_set_due (RapportActionItem *self,
                             gint64 value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  if (self->due == value)
    return;
  self->due = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

gboolean
rapport_action_item_get_done (RapportActionItem *self)
{
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (self), 0);
  return self->done;
}

void
rapport_action_item_set_done (RapportActionItem *self,
                              gboolean value)
{
  g_return_if_fail (RAPPORT_IS_ACTION_ITEM (self));
  value = !!value;
  if (self->done == value)
    return;
  self->done = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}
