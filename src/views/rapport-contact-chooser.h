/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_CHOOSER (rapport_contact_chooser_get_type ())
G_DECLARE_FINAL_TYPE (RapportContactChooser, rapport_contact_chooser, RAPPORT, CONTACT_CHOOSER, GtkPopover)

void rapport_contact_chooser_set_store   (RapportContactChooser *self,
                                          RapportStore          *store);
void rapport_contact_chooser_set_exclude (RapportContactChooser *self,
                                          gint64                 contact_id);

G_END_DECLS
