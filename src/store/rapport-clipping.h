/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-enums.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CLIPPING (rapport_clipping_get_type ())
G_DECLARE_FINAL_TYPE (RapportClipping, rapport_clipping, RAPPORT, CLIPPING, RapportRecord)

RapportClipping     *rapport_clipping_new       (const char          *title);

const char          *rapport_clipping_get_title (RapportClipping     *self);
void                 rapport_clipping_set_title (RapportClipping     *self,
                                                 const char          *title);
RapportClippingKind  rapport_clipping_get_kind  (RapportClipping     *self);
void                 rapport_clipping_set_kind  (RapportClipping     *self,
                                                 RapportClippingKind  kind);
const char          *rapport_clipping_get_url   (RapportClipping     *self);
void                 rapport_clipping_set_url   (RapportClipping     *self,
                                                 const char          *url);
const char          *rapport_clipping_get_date  (RapportClipping     *self);
void                 rapport_clipping_set_date  (RapportClipping     *self,
                                                 const char          *iso_date);
const char          *rapport_clipping_get_notes (RapportClipping     *self);
void                 rapport_clipping_set_notes (RapportClipping     *self,
                                                 const char          *notes);

gboolean             rapport_iso_date_is_valid  (const char          *iso_date);

G_END_DECLS
