/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contact-list"

#include "config.h"

#include <string.h>

#include "rapport-contact-list.h"
#include "rapport-list-util.h"
#include "rapport-text.h"

/* A lazy list of contacts: it holds only the ids that match its query and
 * makes an object when a row is shown, so 100 000 contacts cost 100 000
 * integers, not 100 000 objects.
 *
 * Search as you type must keep up with typing at any size, so a search
 * does not ask the store for each key. The first key reads the folded
 * texts of all contacts once (the index); each key then filters the ids
 * the list shows without a search (the base, also kept) by looking for the
 * needle in those texts, and a key that only adds to the needle filters
 * just the previous matches. Both are dropped when what they hold changes
 * in the store, and made again at the next key. The index outlives an
 * emptied search box for a while, as people often search again right
 * away; then its memory (the size of all the text) goes back. */
typedef struct
{
  GArray  *ids;      /* gint64, ascending */
  GArray  *starts;   /* gsize, one more than ids */
  char    *text;     /* each contact's texts, ending with a nul byte */
} SearchIndex;

struct _RapportContactList
{
  GObject              parent_instance;
  RapportStore        *store;
  GArray              *ids;
  gboolean             loaded;          /* read once: queries only after that */
  char                *search;
  char                *search_folded;   /* stripped and folded, NULL when empty */
  RapportContactQuery  query;

  SearchIndex         *index;
  GArray              *base;            /* gint64: the ids without the search */
  GArray              *base_positions;  /* guint: where the base ids are in the index */
  char                *needle;          /* folded, of the last search */
  GArray              *matches;         /* guint: index positions that matched it, in order */
  guint                drop_index_id;
  guint                texts_version;   /* counts what dropped the index */
  gboolean             preparing;       /* reading the index in a thread */
};

/* How long the index is kept after the search box was emptied */
#define KEEP_INDEX_SECONDS 60

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
  PROP_SEARCH,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
search_index_free (SearchIndex *index)
{
  g_clear_pointer (&index->ids, g_array_unref);
  g_clear_pointer (&index->starts, g_array_unref);
  g_clear_pointer (&index->text, g_free);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchIndex, search_index_free)

/* Takes what rapport_store_collect_search_texts() gathered. */
static SearchIndex *
search_index_take (GArray  *ids,
                   GArray  *starts,
                   GString *text)
{
  SearchIndex *index = g_new0 (SearchIndex, 1);
  gsize len = text->len;

  index->ids = ids;
  index->starts = starts;
  /* give back what the string grew into but does not use */
  index->text = g_realloc (g_string_free (text, FALSE), len + 1);
  return index;
}

static SearchIndex *
search_index_new (RapportStore  *store,
                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) text = g_string_new (NULL);

  if (!rapport_store_collect_search_texts (store, ids, starts, text, error))
    return NULL;

  return search_index_take (g_steal_pointer (&ids), g_steal_pointer (&starts), g_steal_pointer (&text));
}

/* Where @id is in @index, or G_MAXUINT */
static guint
search_index_find (SearchIndex *index,
                   gint64       id)
{
  const gint64 *ids = (const gint64 *)(gpointer)index->ids->data;
  guint lo = 0, hi = index->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else if (ids[mid] > id)
        hi = mid;
      else
        return mid;
    }

  return G_MAXUINT;
}

static void
drop_matches (RapportContactList *self)
{
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
}

/* The texts changed: drop all that was read from them. */
static void
drop_index (RapportContactList *self)
{
  /* An index being read now may miss the change: it is not taken. */
  self->texts_version++;
  g_clear_handle_id (&self->drop_index_id, g_source_remove);
  drop_matches (self);
  g_clear_pointer (&self->base_positions, g_array_unref);
  g_clear_pointer (&self->index, search_index_free);
}

/* Which contacts the list shows without a search, or their order, changed. */
static void
drop_base (RapportContactList *self)
{
  drop_matches (self);
  g_clear_pointer (&self->base_positions, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
}

static gboolean
on_drop_index_timeout (gpointer data)
{
  RapportContactList *self = data;

  self->drop_index_id = 0;
  drop_index (self);
  return G_SOURCE_REMOVE;
}

static GArray *
query_ids (RapportContactList  *self,
           const char          *search,
           GError             **error)
{
  RapportContactQuery query = self->query;

  query.search = search;
  return rapport_store_query_contacts (self->store, &query, error);
}

/* The ids of the contacts whose texts contain @needle (folded, not empty). */
static GArray *
search_ids (RapportContactList  *self,
            const char          *needle,
            GError             **error)
{
  const GArray *candidates;
  GArray *matches;
  GArray *ids;
  const gsize *starts;
  const gint64 *index_ids;

  if (self->base == NULL && !(self->base = query_ids (self, NULL, error)))
    return NULL;
  if (self->index == NULL && !(self->index = search_index_new (self->store, error)))
    return NULL;

  if (self->base_positions == NULL)
    {
      self->base_positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->base->len);
      for (guint i = 0; i < self->base->len; i++)
        {
          guint position = search_index_find (self->index, g_array_index (self->base, gint64, i));

          /* the index and the base are read together, so this holds */
          if (position != G_MAXUINT)
            g_array_append_val (self->base_positions, position);
        }
    }

  /* What contains "mari" also contains "mar": look only there. */
  if (self->matches != NULL && strstr (needle, self->needle) != NULL)
    candidates = self->matches;
  else
    candidates = self->base_positions;

  starts = (const gsize *)(gpointer)self->index->starts->data;
  matches = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < candidates->len; i++)
    {
      guint position = g_array_index (candidates, guint, i);

      if (strstr (self->index->text + starts[position], needle) != NULL)
        g_array_append_val (matches, position);
    }

  index_ids = (const gint64 *)(gpointer)self->index->ids->data;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), matches->len);
  for (guint i = 0; i < matches->len; i++)
    g_array_append_val (ids, index_ids[g_array_index (matches, guint, i)]);

  g_free (self->needle);
  self->needle = g_strdup (needle);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = matches;

  return ids;
}

/* The ids the list's query gives now. */
static GArray *
compute_ids (RapportContactList  *self,
             GError             **error)
{
  const char *needle = self->search_folded;
  GArray *ids;

  if (needle == NULL)
    {
      /* Nothing to search: the list shows the base itself, shared. */
      drop_matches (self);
      if (self->index != NULL && self->drop_index_id == 0)
        self->drop_index_id = g_timeout_add_seconds (KEEP_INDEX_SECONDS, on_drop_index_timeout, self);
      if (self->base == NULL)
        self->base = query_ids (self, NULL, error);
      ids = self->base ? g_array_ref (self->base) : NULL;
    }
  else if (strchr (needle, RAPPORT_SEARCH_FIELD_END) != NULL)
    {
      /* the index cannot tell where its texts end: let the store look */
      drop_matches (self);
      ids = query_ids (self, self->search, error);
    }
  else
    {
      g_clear_handle_id (&self->drop_index_id, g_source_remove);
      ids = search_ids (self, needle, error);
    }

  return ids;
}

/* A list nobody has read yet costs no query: a window makes several (a
 * contact's referrals, the chooser's) that at 100 000 contacts each took
 * 10 ms at startup to list everyone before their filter was even set. */
static void
ensure_loaded (RapportContactList *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded)
    return;
  self->loaded = TRUE;
  if (!(self->ids = compute_ids (self, &error)))
    g_warning ("Could not list contacts: %s", error->message);
}

static void
rapport_contact_list_refresh (RapportContactList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint old_len = self->ids ? self->ids->len : 0;

  if (!self->loaded)
    return;

  if (!(ids = compute_ids (self, &error)))
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
  drop_base (self);
  drop_index (self);
  rapport_contact_list_refresh (self);
}

/* Interviews and clippings are only in the index: the next key reads it
 * again (as before, what a list shows changes with the next key). */
static void
on_store_texts_changed (RapportContactList *self)
{
  drop_index (self);
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

  ensure_loaded (self);
  return self->ids ? self->ids->len : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (model);

  ensure_loaded (self);
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
    {
      g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
      g_signal_handlers_disconnect_by_func (self->store, on_store_texts_changed, self);
    }
  drop_base (self);
  drop_index (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->dispose (object);
}

static void
rapport_contact_list_finalize (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_folded, g_free);

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
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->query.sort);
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
  g_signal_connect_swapped (self->store, "changed::interviews", G_CALLBACK (on_store_texts_changed), self);
  g_signal_connect_swapped (self->store, "changed::clippings", G_CALLBACK (on_store_texts_changed), self);
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
  /* Notified after the list changed to show what it finds, so that rows
   * showing why a contact matched can follow. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, RAPPORT_TYPE_CONTACT_SORT, RAPPORT_CONTACT_SORT_NAME,
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

typedef struct
{
  RapportContactList *list;
  RapportStore       *store;
  guint               texts_version;
} Preparing;

static void
on_search_texts_read (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  Preparing *preparing = data;
  g_autoptr(RapportContactList) self = preparing->list;
  g_autoptr(RapportStore) store = preparing->store;
  g_autoptr(GError) error = NULL;
  GArray *ids, *starts;
  GString *text;

  self->preparing = FALSE;
  if (!rapport_store_collect_search_texts_finish (store, result, &ids, &starts, &text, &error))
    g_debug ("Could not read the search texts ahead: %s", error->message);
  /* Taken only if nothing changed since it was read, and no key has made
   * an index meanwhile (nor was the list let go); otherwise the next key
   * reads it, as before. */
  else if (self->store != NULL && self->index == NULL && self->texts_version == preparing->texts_version)
    {
      self->index = search_index_take (ids, starts, text);
      if (self->search_folded == NULL && self->drop_index_id == 0)
        self->drop_index_id = g_timeout_add_seconds (KEEP_INDEX_SECONDS, on_drop_index_timeout, self);
    }
  else
    {
      g_array_unref (ids);
      g_array_unref (starts);
      g_string_free (text, TRUE);
    }

  g_free (preparing);
}

/**
 * rapport_contact_list_prepare_search:
 *
 * Reads what a search looks through in a worker thread, so that the first
 * key of a search finds it in memory: call it when the search box gets
 * the focus. At 100 000 contacts the reading takes about 150 ms, which the
 * first key would otherwise wait for. Kept as a search's own index is.
 */
void
rapport_contact_list_prepare_search (RapportContactList *self)
{
  Preparing *preparing;

  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));

  if (self->index != NULL || self->preparing || self->store == NULL)
    return;

  /* The list and the store stay until the reading is over (a fraction of
   * a second), and are let go on this thread. */
  preparing = g_new0 (Preparing, 1);
  preparing->list = g_object_ref (self);
  preparing->store = g_object_ref (self->store);
  preparing->texts_version = self->texts_version;
  self->preparing = TRUE;
  rapport_store_collect_search_texts_async (self->store, NULL, on_search_texts_read, preparing);
}

/**
 * rapport_contact_list_get_search_prepared:
 *
 * Returns: whether the texts a search looks through are in memory now
 *   (read ahead or by a search), and whether they are still being read
 *   ahead in @preparing
 */
gboolean
rapport_contact_list_get_search_prepared (RapportContactList *self,
                                          gboolean           *preparing)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), FALSE);

  if (preparing != NULL)
    *preparing = self->preparing;
  return self->index != NULL;
}

/**
 * rapport_contact_list_set_search:
 *
 * Shows only contacts whose name, organization, job title, field or notes,
 * interview notes or clippings contain @search, ignoring case and accents.
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
  g_clear_pointer (&self->search_folded, g_free);
  if (search != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (search));

      if (*stripped != '\0')
        self->search_folded = rapport_text_fold (stripped);
    }

  rapport_contact_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * rapport_contact_list_get_search:
 *
 * Returns: (nullable): the search as typed
 */
const char *
rapport_contact_list_get_search (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), NULL);

  return self->search;
}

/**
 * rapport_contact_list_get_folded_search:
 *
 * Returns: (nullable): what the list looks for: the search stripped and
 *   passed through rapport_text_fold(), or %NULL when it shows everyone
 */
const char *
rapport_contact_list_get_folded_search (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), NULL);

  return self->search_folded;
}

/**
 * rapport_contact_list_get_sort:
 *
 * Returns: the order of the list
 */
RapportContactSort
rapport_contact_list_get_sort (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), RAPPORT_CONTACT_SORT_NAME);

  return self->query.sort;
}

void
rapport_contact_list_set_sort (RapportContactList *self,
                               RapportContactSort  sort)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));

  if (self->query.sort == sort)
    return;

  self->query.sort = sort;
  drop_base (self);
  rapport_contact_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

#define INT_SETTER(func, field, type)                                      \
void                                                                       \
func (RapportContactList *self, type value)                                \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));                       \
  if (self->query.field == value)                                          \
    return;                                                                \
  self->query.field = value;                                               \
  drop_base (self);                                                        \
  rapport_contact_list_refresh (self);                                     \
}

/* -1 for any stage or source */
INT_SETTER (rapport_contact_list_set_stage, stage, int)
INT_SETTER (rapport_contact_list_set_source, source, int)
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

  ensure_loaded (self);
  for (guint i = 0; self->ids && i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == contact_id)
      return i;

  return G_MAXUINT;
}
