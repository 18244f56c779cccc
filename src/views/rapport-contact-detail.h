/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_DETAIL (rapport_contact_detail_get_type ())
G_DECLARE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, RAPPORT, CONTACT_DETAIL, AdwBin)

void            rapport_contact_detail_set_store   (RapportContactDetail *self,
                                                    RapportStore         *store);
void            rapport_contact_detail_set_contact (RapportContactDetail *self,
                                                    RapportContact       *contact);
RapportContact *rapport_contact_detail_get_contact (RapportContactDetail *self);
void            rapport_contact_detail_focus       (RapportContactDetail *self);

G_END_DECLS
