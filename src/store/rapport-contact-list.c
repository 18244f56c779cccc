/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contact-list"

#include "config.h"

#include "rapport-contact-list.h"
#include "rapport-list-util.h"

/* A lazy list of contacts: it holds only the ids that match its query and
 * makes an object when a row is shown, so 100 000 contacts cost 100 000
 * integers, not 100 000 objects. */
struct _RapportContactList
{
  GObject              parent_instance;
  RapportStore        *store;
  GArray              *ids;
  char                *search;
  RapportContactQuery  query;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportContactList, rapport_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const GEnumValue sort_values[] = {
  { RAPPORT_CONTACT_SORT_NAME, "RAPPORT_CONTACT_SORT_NAME", "name" },
  { RAPPORT_CONTACT_SORT_ORGANIZATION, "RAPPORT_CONTACT_SORT_ORGANIZATION", "organization" },
  { RAPPORT_CONTACT_SORT_STAGE, "RAPPORT_CONTACT_SORT_STAGE", "stage" },
  { RAPPORT_CONTACT_SORT_UPDATED, "RAPPORT_CONTACT_SORT_UPDATED", "updated" },
  { RAPPORT_CONTACT_SORT_LAST_CONTACTED, "RAPPORT_CONTACT_SORT_LAST_CONTACTED", "last-contacted" },
  { 0, NULL, NULL }
};

GType
rapport_contact_sort_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("RapportContactSort", sort_values));
  return type_id;
}

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_contact_list_refresh (RapportContactList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint old_len = self->ids ? self->ids->len : 0;

  self->query.search = self->search;
  ids = rapport_store_query_contacts (self->store, &self->query, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list contacts: %s", error->message);
      return;
    }

  rapport_list_replace_ids (G_LIST_MODEL (self), &self->ids, ids);

  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (RapportContactList *self)
{
  rapport_contact_list_refresh (self);
}

static GType
get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_CONTACT;
}

static guint
get_n_items (GListModel *model)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (model);

  return self->ids ? self->ids->len : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (model);

  if (self->ids == NULL || position >= self->ids->len)
    return NULL;

  return rapport_store_get_contact (self->store, g_array_index (self->ids, gint64, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rapport_contact_list_dispose (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->dispose (object);
}

static void
rapport_contact_list_finalize (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->finalize (object);
}

static void
rapport_contact_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_list_constructed (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->constructed (object);

  g_assert (RAPPORT_IS_STORE (self->store));

  g_signal_connect_swapped (self->store, "changed::contacts", G_CALLBACK (on_store_changed), self);
  /* "last contacted" order follows the appointments */
  g_signal_connect_swapped (self->store, "changed::appointments", G_CALLBACK (on_store_changed), self);
  rapport_contact_list_refresh (self);
}

static void
rapport_contact_list_class_init (RapportContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rapport_contact_list_constructed;
  object_class->dispose = rapport_contact_list_dispose;
  object_class->finalize = rapport_contact_list_finalize;
  object_class->get_property = rapport_contact_list_get_property;
  object_class->set_property = rapport_contact_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_contact_list_init (RapportContactList *self)
{
  RapportContactQuery init = RAPPORT_CONTACT_QUERY_INIT;

  self->query = init;
}

RapportContactList *
rapport_contact_list_new (RapportStore *store)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  return g_object_new (RAPPORT_TYPE_CONTACT_LIST, "store", store, NULL);
}

RapportStore *
rapport_contact_list_get_store (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), NULL);

  return self->store;
}

/**
 * rapport_contact_list_set_search:
 *
 * Shows only contacts whose name, organization, job title, field or notes
 * contain @search, ignoring case and accents.
 */
void
rapport_contact_list_set_search (RapportContactList *self,
                                 const char         *search)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  rapport_contact_list_refresh (self);
}

#define INT_SETTER(func, field, type)                                      \
void                                                                       \
func (RapportContactList *self, type value)                                \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));                       \
  if (self->query.field == value)                                          \
    return;                                                                \
  self->query.field = value;                                               \
  rapport_contact_list_refresh (self);                                     \
}

/* -1 for any stage or source */
INT_SETTER (rapport_contact_list_set_stage, stage, int)
INT_SETTER (rapport_contact_list_set_source, source, int)
INT_SETTER (rapport_contact_list_set_sort, sort, RapportContactSort)
INT_SETTER (rapport_contact_list_set_referred_by, referred_by, gint64)
INT_SETTER (rapport_contact_list_set_clipping, clipping_id, gint64)
INT_SETTER (rapport_contact_list_set_exclude, exclude_id, gint64)

/**
 * rapport_contact_list_find:
 *
 * Returns: the position of @contact_id, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when the list does not show it
 */
guint
rapport_contact_list_find (RapportContactList *self,
                           gint64              contact_id)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), G_MAXUINT);

  for (guint i = 0; self->ids && i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == contact_id)
      return i;

  return G_MAXUINT;
}
