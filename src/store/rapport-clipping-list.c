/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-clipping-list"

#include "config.h"

#include "rapport-clipping-list.h"
#include "rapport-list-util.h"

/* The clippings file, newest first; lazy like RapportContactList. */
struct _RapportClippingList
{
  GObject       parent_instance;
  RapportStore *store;
  GArray       *ids;
  char         *search;
  gint64        contact_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportClippingList, rapport_clipping_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
refresh (RapportClippingList *self)
{
  g_autoptr(GError) error = NULL;
  RapportClippingQuery query = RAPPORT_CLIPPING_QUERY_INIT;
  GArray *ids;

  query.search = self->search;
  query.contact_id = self->contact_id;

  ids = rapport_store_query_clippings (self->store, &query, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list clippings: %s", error->message);
      return;
    }

  rapport_list_replace_ids (G_LIST_MODEL (self), &self->ids, ids);
}

static GType
get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_CLIPPING;
}

static guint
get_n_items (GListModel *model)
{
  RapportClippingList *self = RAPPORT_CLIPPING_LIST (model);

  return self->ids ? self->ids->len : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportClippingList *self = RAPPORT_CLIPPING_LIST (model);

  if (self->ids == NULL || position >= self->ids->len)
    return NULL;

  return rapport_store_get_clipping (self->store, g_array_index (self->ids, gint64, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rapport_clipping_list_dispose (GObject *object)
{
  RapportClippingList *self = (RapportClippingList *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, refresh, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_clipping_list_parent_class)->dispose (object);
}

static void
rapport_clipping_list_finalize (GObject *object)
{
  RapportClippingList *self = (RapportClippingList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (rapport_clipping_list_parent_class)->finalize (object);
}

static void
rapport_clipping_list_class_init (RapportClippingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_clipping_list_dispose;
  object_class->finalize = rapport_clipping_list_finalize;
}

static void
rapport_clipping_list_init (RapportClippingList *self)
{
}

RapportClippingList *
rapport_clipping_list_new (RapportStore *store)
{
  RapportClippingList *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_CLIPPING_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed::clippings", G_CALLBACK (refresh), self);
  refresh (self);

  return self;
}

void
rapport_clipping_list_set_search (RapportClippingList *self,
                                  const char          *search)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  refresh (self);
}

/**
 * rapport_clipping_list_set_contact:
 * @contact_id: show only clippings that name this contact, or 0 for all
 */
void
rapport_clipping_list_set_contact (RapportClippingList *self,
                                   gint64               contact_id)
{
  g_return_if_fail (RAPPORT_IS_CLIPPING_LIST (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  refresh (self);
}

guint
rapport_clipping_list_find (RapportClippingList *self,
                            gint64               clipping_id)
{
  g_return_val_if_fail (RAPPORT_IS_CLIPPING_LIST (self), G_MAXUINT);

  for (guint i = 0; self->ids && i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == clipping_id)
      return i;

  return G_MAXUINT;
}
