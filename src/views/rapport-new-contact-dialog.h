/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NEW_CONTACT_DIALOG (rapport_new_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportNewContactDialog, rapport_new_contact_dialog, RAPPORT, NEW_CONTACT_DIALOG, AdwWindow)

RapportNewContactDialog *rapport_new_contact_dialog_new (GtkWindow    *parent,
                                                         RapportStore *store);

void                     rapport_new_contact_dialog_set_referrer (RapportNewContactDialog *self,
                                                                  RapportContact          *referrer);

G_END_DECLS
