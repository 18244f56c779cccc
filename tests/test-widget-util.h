/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "test-store-util.h"

G_BEGIN_DECLS



void       test_store_init        (TestStore  *ts);
void       test_store_clear       (TestStore  *ts);
void       test_wait_until        (gboolean  (*check) (gpointer),
                                   gpointer    data);
void       test_spin              (guint       msec);
gboolean   test_is_drawn          (gpointer    widget);
void       test_assert_finalized  (gpointer    object,
                                   gboolean    owned);
GtkWidget *test_child             (gpointer    widget,
                                   GType       type,
                                   const char *name);
GskRenderNode *test_render_widget  (GtkWidget         *widget);
GskRenderNode *test_find_render_node (GskRenderNode   *node,
                                      GskRenderNodeType type);

G_END_DECLS
