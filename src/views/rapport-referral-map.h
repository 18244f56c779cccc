/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REFERRAL_MAP (rapport_referral_map_get_type ())
G_DECLARE_FINAL_TYPE (RapportReferralMap, rapport_referral_map, RAPPORT, REFERRAL_MAP, GtkWidget)

GtkWidget *rapport_referral_map_new          (void);
void       rapport_referral_map_set_store    (RapportReferralMap *self,
                                              RapportStore       *store);
void       rapport_referral_map_refresh      (RapportReferralMap *self);
guint      rapport_referral_map_get_n_people (RapportReferralMap *self);
guint      rapport_referral_map_get_n_hidden (RapportReferralMap *self);
GtkWidget *rapport_referral_map_get_person   (RapportReferralMap *self,
                                              guint               position);

G_END_DECLS
