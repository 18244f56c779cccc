/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-widget-util.h"

void
test_store_init (TestStore *ts)
{
  test_store_open (ts);
  rapport_store_set_save_delay (ts->store, 20);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Drops the caller's reference (if @owned) and waits for @object to be
 * finalized, so a widget or store that something still holds (a leak of a
 * whole object) fails the test. */
void
test_assert_finalized (gpointer object,
                       gboolean owned)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
  if (owned)
    g_object_unref (object);
  test_wait_until (is_gone, &weak);
}

void
test_store_clear (TestStore *ts)
{
  /* Nothing may still hold the store when the test ends. */
  if (ts->store != NULL)
    test_assert_finalized (g_steal_pointer (&ts->store), TRUE);
  test_store_remove (ts);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check is true, as a person waits for the screen;
 * fails the test after ten seconds. */
void
test_wait_until (gboolean (*check) (gpointer),
                 gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

void
test_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* For test_wait_until(): @widget is on screen with a size. */
gboolean
test_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

GtkWidget *
test_child (gpointer    widget,
            GType       type,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* What @widget draws now, as a render node tree (a widget on screen). */
GskRenderNode *
test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* The first node of @type in @node's tree, depth first; %NULL if none. */
GskRenderNode *
test_find_render_node (GskRenderNode     *node,
                       GskRenderNodeType  type)
{
  GskRenderNode *child = NULL;

  if (node == NULL)
    return NULL;
  if (gsk_render_node_get_node_type (node) == type)
    return node;

  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if ((child = test_find_render_node (gsk_container_node_get_child (node, i), type)))
          return child;
      return NULL;
    case GSK_TRANSFORM_NODE:
      return test_find_render_node (gsk_transform_node_get_child (node), type);
    case GSK_CLIP_NODE:
      return test_find_render_node (gsk_clip_node_get_child (node), type);
    case GSK_ROUNDED_CLIP_NODE:
      return test_find_render_node (gsk_rounded_clip_node_get_child (node), type);
    case GSK_OPACITY_NODE:
      return test_find_render_node (gsk_opacity_node_get_child (node), type);
    case GSK_DEBUG_NODE:
      return test_find_render_node (gsk_debug_node_get_child (node), type);
    default:
      return NULL;
    }
}
