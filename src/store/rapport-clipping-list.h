/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CLIPPING_LIST (rapport_clipping_list_get_type ())
G_DECLARE_FINAL_TYPE (RapportClippingList, rapport_clipping_list, RAPPORT, CLIPPING_LIST, GObject)

RapportClippingList *rapport_clipping_list_new         (RapportStore        *store);
void                 rapport_clipping_list_set_search  (RapportClippingList *self,
                                                        const char          *search);
void                 rapport_clipping_list_set_contact (RapportClippingList *self,
                                                        gint64               contact_id);
guint                rapport_clipping_list_find        (RapportClippingList *self,
                                                        gint64               clipping_id);

G_END_DECLS
