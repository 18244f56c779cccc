/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* What a sheet holds; nicks are stable keys (e.g. for a remembered choice). */
typedef enum {
  RAPPORT_SHEET_PREP,
  RAPPORT_SHEET_WORKSHEET,
  RAPPORT_SHEET_SUMMARY,
} RapportSheetKind;

#define RAPPORT_TYPE_SHEET_KIND (rapport_sheet_kind_get_type ())
GType rapport_sheet_kind_get_type (void) G_GNUC_CONST;

#define RAPPORT_TYPE_PREP_SHEET (rapport_prep_sheet_get_type ())
G_DECLARE_FINAL_TYPE (RapportPrepSheet, rapport_prep_sheet, RAPPORT, PREP_SHEET, GObject)

RapportPrepSheet  *rapport_prep_sheet_new              (RapportStore      *store,
                                                        gint64             appointment_id,
                                                        RapportSheetKind   kind);
RapportSheetKind   rapport_prep_sheet_get_kind         (RapportPrepSheet  *self);
const char        *rapport_prep_sheet_get_title        (RapportPrepSheet  *self);
GtkPrintOperation *rapport_prep_sheet_create_operation (RapportPrepSheet  *self,
                                                        GtkPageSetup      *setup);
gboolean           rapport_prep_sheet_export_pdf       (RapportPrepSheet  *self,
                                                        const char        *path,
                                                        GtkPageSetup      *setup,
                                                        GError           **error);
int                rapport_prep_sheet_get_n_pages      (RapportPrepSheet  *self);

/* @pages: (element-type cairo_surface_t): one recording surface a page */
typedef void (*RapportSheetPagesFunc) (GPtrArray *pages,
                                       double     width,
                                       double     height,
                                       gpointer   data);

void               rapport_prep_sheet_capture_preview  (GtkPrintOperation     *operation,
                                                        RapportSheetPagesFunc  func,
                                                        gpointer               data,
                                                        GDestroyNotify         destroy);
GPtrArray         *rapport_prep_sheet_render_pages     (RapportPrepSheet      *self,
                                                        GtkPageSetup          *setup,
                                                        double                *width,
                                                        double                *height,
                                                        GError               **error);

G_END_DECLS
