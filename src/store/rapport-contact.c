/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-private.h"

enum {
  PROP_0,
  /* string properties first: they index self->text */
  PROP_NAME,
  PROP_ORGANIZATION,
  PROP_JOB_TITLE,
  PROP_FIELD,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_PROFILE_URL,
  PROP_SOURCE_DETAIL,
  PROP_NOTES,
  PROP_SOURCE,
  PROP_STAGE,
  PROP_REFERRED_BY,
  PROP_SUMMARY,
  PROP_LAST_CONTACTED,
  N_PROPS
};

#define N_TEXT (PROP_NOTES + 1)

struct _RapportContact
{
  RapportRecord  parent_instance;
  char          *text[N_TEXT];
  RapportSource  source;
  RapportStage   stage;
  gint64         referred_by;
  gint64         last_contacted;
};

G_DEFINE_FINAL_TYPE (RapportContact, rapport_contact, RAPPORT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
set_text (RapportContact *self,
          guint           prop,
          const char     *value)
{
  g_assert (prop > PROP_0 && prop < N_TEXT);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  if (prop == PROP_ORGANIZATION || prop == PROP_JOB_TITLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
rapport_contact_finalize (GObject *object)
{
  RapportContact *self = (RapportContact *)object;

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (rapport_contact_parent_class)->finalize (object);
}

static void
rapport_contact_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportContact *self = RAPPORT_CONTACT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_REFERRED_BY:
      g_value_set_int64 (value, self->referred_by);
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, rapport_contact_dup_summary (self));
      break;
    case PROP_LAST_CONTACTED:
      g_value_set_int64 (value, self->last_contacted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportContact *self = RAPPORT_CONTACT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_SOURCE:
      rapport_contact_set_source (self, g_value_get_enum (value));
      break;
    case PROP_STAGE:
      rapport_contact_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_REFERRED_BY:
      rapport_contact_set_referred_by (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_class_init (RapportContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *text_names[N_TEXT] = {
    NULL, "name", "organization", "job-title", "field", "email", "phone",
    "profile-url", "source-detail", "notes",
  };

  object_class->finalize = rapport_contact_finalize;
  object_class->get_property = rapport_contact_get_property;
  object_class->set_property = rapport_contact_set_property;

  for (guint i = PROP_NAME; i < N_TEXT; i++)
    properties[i] = g_param_spec_string (text_names[i], NULL, NULL, "",
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL,
                       RAPPORT_TYPE_SOURCE, RAPPORT_SOURCE_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       RAPPORT_TYPE_STAGE, RAPPORT_STAGE_TO_CONTACT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERRED_BY] =
    g_param_spec_int64 ("referred-by", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "Role at Organization", for list rows; derived, never stored. */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Derived from the appointments by the store; never edited directly. */
  properties[PROP_LAST_CONTACTED] =
    g_param_spec_int64 ("last-contacted", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_contact_init (RapportContact *self)
{
  for (guint i = PROP_NAME; i < N_TEXT; i++)
    self->text[i] = g_strdup ("");
  self->source = RAPPORT_SOURCE_OTHER;
  self->stage = RAPPORT_STAGE_TO_CONTACT;
}

/**
 * rapport_contact_new:
 *
 * Creates a contact that is not in any store yet; give it to
 * rapport_store_add_contact() to save it.
 */
RapportContact *
rapport_contact_new (const char *name)
{
  return g_object_new (RAPPORT_TYPE_CONTACT, "name", name, NULL);
}

#define TEXT_ACCESSORS(lower, PROP)                                        \
const char *                                                               \
rapport_contact_get_##lower (RapportContact *self)                         \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);                  \
  return self->text[PROP];                                                 \
}                                                                          \
void                                                                       \
rapport_contact_set_##lower (RapportContact *self, const char *value)     \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT (self));                            \
  set_text (self, PROP, value);                                            \
}

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (organization, PROP_ORGANIZATION)
TEXT_ACCESSORS (job_title, PROP_JOB_TITLE)
TEXT_ACCESSORS (field, PROP_FIELD)
TEXT_ACCESSORS (email, PROP_EMAIL)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (profile_url, PROP_PROFILE_URL)
TEXT_ACCESSORS (source_detail, PROP_SOURCE_DETAIL)
TEXT_ACCESSORS (notes, PROP_NOTES)

RapportSource
rapport_contact_get_source (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), RAPPORT_SOURCE_OTHER);
  return self->source;
}

void
rapport_contact_set_source (RapportContact *self,
                            RapportSource   source)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (source < RAPPORT_N_SOURCES);

  if (self->source != source)
    {
      self->source = source;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
    }
}

RapportStage
rapport_contact_get_stage (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), RAPPORT_STAGE_TO_CONTACT);
  return self->stage;
}

void
rapport_contact_set_stage (RapportContact *self,
                           RapportStage    stage)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (stage < RAPPORT_N_STAGES);

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
}

gint64
rapport_contact_get_referred_by (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);
  return self->referred_by;
}

/**
 * rapport_contact_set_referred_by:
 * @contact_id: the id of the contact who gave this name, or 0 for nobody
 */
void
rapport_contact_set_referred_by (RapportContact *self,
                                 gint64          contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (contact_id >= 0);

  if (self->referred_by != contact_id)
    {
      self->referred_by = contact_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_BY]);
    }
}

/**
 * rapport_contact_dup_summary:
 *
 * Returns: (transfer full): "Role at Organization", or whichever of the two is
 *   known, or an empty string
 */
char *
rapport_contact_dup_summary (RapportContact *self)
{
  const char *title, *org;

  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  title = self->text[PROP_JOB_TITLE];
  org = self->text[PROP_ORGANIZATION];

  if (*title && *org)
    /* Translators: a contact's job title and organization, e.g. "Nurse at City Hospital" */
    return g_strdup_printf (_("%s at %s"), title, org);

  return g_strdup (*title ? title : org);
}

/**
 * rapport_contact_get_last_contacted:
 *
 * Returns: when the student last asked, scheduled or met this person, in
 *   UTC seconds, or 0 if never
 */
gint64
rapport_contact_get_last_contacted (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);
  return self->last_contacted;
}

void
rapport_contact_set_last_contacted (RapportContact *self,
                                    gint64          when)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));

  if (self->last_contacted != when)
    {
      self->last_contacted = when;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACTED]);
    }
}
