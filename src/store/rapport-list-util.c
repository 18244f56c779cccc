/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-list-util"

#include "config.h"

#include "rapport-list-util.h"

/**
 * rapport_list_replace_ids:
 * @model: the list whose items are the rows in @ids
 * @ids: (inout): the ids the list shows now; replaced by @new_ids
 * @new_ids: (transfer full): the ids it must show
 *
 * Emits one #GListModel::items-changed that covers exactly the run that
 * differs (the common head and tail stay), so a view keeps its selection and
 * scroll position when one row is edited, added or removed.
 */
void
rapport_list_replace_ids (GListModel  *model,
                          GArray     **ids,
                          GArray      *new_ids)
{
  GArray *old_ids = *ids;
  guint old_len = old_ids ? old_ids->len : 0;
  guint new_len = new_ids->len;
  guint head = 0, tail = 0;

  while (head < old_len && head < new_len &&
         g_array_index (old_ids, gint64, head) == g_array_index (new_ids, gint64, head))
    head++;

  while (tail < old_len - head && tail < new_len - head &&
         g_array_index (old_ids, gint64, old_len - 1 - tail) ==
         g_array_index (new_ids, gint64, new_len - 1 - tail))
    tail++;

  *ids = new_ids;
  g_clear_pointer (&old_ids, g_array_unref);

  if (head == old_len && head == new_len)
    return;

  g_list_model_items_changed (model, head, old_len - head - tail, new_len - head - tail);
}
