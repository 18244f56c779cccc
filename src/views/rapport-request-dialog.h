/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REQUEST_DIALOG (rapport_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportRequestDialog, rapport_request_dialog, RAPPORT, REQUEST_DIALOG, AdwWindow)

RapportRequestDialog *rapport_request_dialog_new      (GtkWindow            *parent,
                                                       RapportStore         *store,
                                                       RapportContact       *contact);
char                 *rapport_request_dialog_dup_text (RapportRequestDialog *self);

G_END_DECLS
