/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-prep-sheet.h"
#include "rapport-sheet-preview.h"

G_BEGIN_DECLS

void rapport_print_sheet      (GtkWidget        *widget,
                               RapportStore     *store,
                               gint64            appointment_id,
                               RapportSheetKind  kind);
void rapport_export_sheet_pdf (GtkWidget        *widget,
                               RapportStore     *store,
                               gint64            appointment_id,
                               RapportSheetKind  kind);

RapportSheetPreview *rapport_preview_sheet (GtkWidget        *widget,
                                            RapportStore     *store,
                                            gint64            appointment_id,
                                            RapportSheetKind  kind);

G_END_DECLS
