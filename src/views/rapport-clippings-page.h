/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CLIPPINGS_PAGE (rapport_clippings_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportClippingsPage, rapport_clippings_page, RAPPORT, CLIPPINGS_PAGE, AdwBin)

void             rapport_clippings_page_set_store       (RapportClippingsPage *self,
                                                         RapportStore         *store);
gboolean         rapport_clippings_page_select_clipping (RapportClippingsPage *self,
                                                         gint64                clipping_id);
RapportClipping *rapport_clippings_page_get_selected    (RapportClippingsPage *self);

G_END_DECLS
