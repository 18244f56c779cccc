/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-contact-detail.h"
#include "rapport-contact-list.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACTS_PAGE (rapport_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportContactsPage, rapport_contacts_page, RAPPORT, CONTACTS_PAGE, AdwBin)

void            rapport_contacts_page_set_store      (RapportContactsPage *self,
                                                      RapportStore        *store);
gboolean        rapport_contacts_page_select_contact (RapportContactsPage *self,
                                                      gint64               contact_id);
RapportContact *rapport_contacts_page_get_selected   (RapportContactsPage *self);
RapportContactDetail *rapport_contacts_page_get_detail (RapportContactsPage *self);

G_END_DECLS
