/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-clipping"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-clipping.h"

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_DATE,
  PROP_NOTES,
  PROP_KIND,
  N_PROPS
};

#define N_TEXT (PROP_NOTES + 1)

struct _RapportClipping
{
  RapportRecord        parent_instance;
  char                *text[N_TEXT];
  RapportClippingKind  kind;
};

G_DEFINE_FINAL_TYPE (RapportClipping, rapport_clipping, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
set_text (RapportClipping *self,
          guint            prop,
          const char      *value)
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

static void
rapport_clipping_finalize (GObject *object)
{
  RapportClipping *self = (RapportClipping *)object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (rapport_clipping_parent_class)->finalize (object);
}

static void
rapport_clipping_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportClipping *self = RAPPORT_CLIPPING (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id == PROP_KIND)
    g_value_set_enum (value, self->kind);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rapport_clipping_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportClipping *self = RAPPORT_CLIPPING (object);

  if (prop_id == PROP_DATE)
    rapport_clipping_set_date (self, g_value_get_string (value));
  else if (prop_id > PROP_0 && prop_id < N_TEXT)
    set_text (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_KIND)
    rapport_clipping_set_kind (self, g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rapport_clipping_class_init (RapportClippingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *text_names[N_TEXT] = { NULL, "title", "url", "date", "notes" };

  object_class->finalize = rapport_clipping_finalize;
  object_class->get_property = rapport_clipping_get_property;
  object_class->set_property = rapport_clipping_set_property;

  for (guint i = PROP_TITLE; i < N_TEXT; i++)
    properties[i] = g_param_spec_string (text_names[i], NULL, NULL, "",
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RAPPORT_TYPE_CLIPPING_KIND, RAPPORT_CLIPPING_WEB,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_clipping_init (RapportClipping *self)
{
  for (guint i = PROP_TITLE; i < N_TEXT; i++)
    self->text[i] = g_strdup ("");
  self->kind = RAPPORT_CLIPPING_WEB;
}

RapportClipping *
rapport_clipping_new (const char *title)
{
  return g_object_new (RAPPORT_TYPE_CLIPPING, "title", title, NULL);
}

#define TEXT_ACCESSORS(lower, PROP)                                        \
const char *                                                               \
rapport_clipping_get_##lower (RapportClipping *self)                       \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (self), NULL);                 \
  return self->text[PROP];                                                 \
}

TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (url, PROP_URL)
TEXT_ACCESSORS (date, PROP_DATE)
TEXT_ACCESSORS (notes, PROP_NOTES)

void
rapport_clipping_set_title (RapportClipping *self,
                            const char      *title)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING (self));
  set_text (self, PROP_TITLE, title);
}

void
rapport_clipping_set_url (RapportClipping *self,
                          const char      *url)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING (self));
  set_text (self, PROP_URL, url);
}

void
rapport_clipping_set_notes (RapportClipping *self,
                            const char      *notes)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING (self));
  set_text (self, PROP_NOTES, notes);
}

/**
 * rapport_iso_date_is_valid:
 * @iso_date: a calendar date as "YYYY-MM-DD"
 *
 * Returns: whether @iso_date names a real day
 */
gboolean
rapport_iso_date_is_valid (const char *iso_date)
{
  unsigned y, m, d;
  char end;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  if (sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

/**
 * rapport_clipping_set_date:
 * @iso_date: (nullable): the day it appeared, "YYYY-MM-DD", or empty when unknown
 *
 * A clipping's date is a calendar day, not an instant, so it is kept as an
 * ISO 8601 date rather than UTC seconds. Anything else is ignored.
 */
void
rapport_clipping_set_date (RapportClipping *self,
                           const char      *iso_date)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING (self));

  if (iso_date != NULL && *iso_date != '\0' && !rapport_iso_date_is_valid (iso_date))
    {
      g_warning ("Ignoring invalid date “%s”", iso_date);
      return;
    }

  set_text (self, PROP_DATE, iso_date);
}

RapportClippingKind
rapport_clipping_get_kind (RapportClipping *self)
{
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (self), RAPPORT_CLIPPING_OTHER);
  return self->kind;
}

void
rapport_clipping_set_kind (RapportClipping     *self,
                           RapportClippingKind  kind)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING (self));
  g_return_if_fail (kind < RAPPORT_N_CLIPPING_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}
