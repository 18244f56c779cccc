/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_IMPORT_DIALOG (rapport_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportImportDialog, rapport_import_dialog, RAPPORT, IMPORT_DIALOG, AdwWindow)

RapportImportDialog *rapport_import_dialog_new         (GtkWindow            *parent,
                                                        RapportStore         *store,
                                                        const char           *name,
                                                        GBytes               *contents,
                                                        GError              **error);
char                *rapport_import_dialog_dup_summary (RapportImportDialog  *self);
void                 rapport_import_dialog_run         (RapportImportDialog  *self);

G_END_DECLS
