/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-prep-sheet.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SHEET_PREVIEW (rapport_sheet_preview_get_type ())
G_DECLARE_FINAL_TYPE (RapportSheetPreview, rapport_sheet_preview, RAPPORT, SHEET_PREVIEW, AdwWindow)

RapportSheetPreview *rapport_sheet_preview_new         (GtkWindow           *parent,
                                                        RapportStore        *store,
                                                        gint64               appointment_id,
                                                        RapportSheetKind     kind,
                                                        const char          *title,
                                                        GPtrArray           *pages,
                                                        double               width,
                                                        double               height);
guint                rapport_sheet_preview_get_n_pages (RapportSheetPreview *self);

G_END_DECLS
