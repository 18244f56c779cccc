/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-record"

#include "config.h"

#include "rapport-record-private.h"

typedef struct
{
  gint64 id;
  gint64 created;
  gint64 updated;
} RapportRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RapportRecord, rapport_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RapportRecord *self = RAPPORT_RECORD (object);
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, priv->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, priv->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_record_class_init (RapportRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rapport_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_record_init (RapportRecord *self)
{
}

/**
 * rapport_record_get_id:
 *
 * Returns: the row id, or 0 for a record that was never saved
 */
gint64
rapport_record_get_id (RapportRecord *self)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  return priv->id;
}

gint64
rapport_record_get_created (RapportRecord *self)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  return priv->created;
}

/**
 * rapport_record_get_updated:
 *
 * Returns: when the record was last written, in UTC seconds
 */
gint64
rapport_record_get_updated (RapportRecord *self)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  g_return_val_if_fail (RAPPORT_IS_RECORD (self), 0);

  return priv->updated;
}

static void
set_int64 (RapportRecord *self,
           gint64        *field,
           gint64         value,
           guint          prop)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

void
rapport_record_set_id (RapportRecord *self,
                       gint64         id)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  set_int64 (self, &priv->id, id, PROP_ID);
}

void
rapport_record_set_created (RapportRecord *self,
                            gint64         created)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  set_int64 (self, &priv->created, created, PROP_CREATED);
}

void
rapport_record_set_updated (RapportRecord *self,
                            gint64         updated)
{
  RapportRecordPrivate *priv = rapport_record_get_instance_private (self);

  set_int64 (self, &priv->updated, updated, PROP_UPDATED);
}
