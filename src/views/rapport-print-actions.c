/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-print-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-print-actions.h"
#include "rapport-sheet-preview.h"
#include "rapport-view-util.h"

/* Printing and PDF export of sheets, shared by every place that offers
 * them. The page setup is remembered in GSettings; the print settings for
 * as long as Rapport runs. */

static GtkPrintSettings *last_settings;

/* The window of @widget, for dialogs to stand over. */
static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkPageSetup *
load_page_setup (void)
{
  g_autoptr(GSettings) settings = rapport_view_dup_settings ();
  g_autoptr(GVariant) value = NULL;

  if (settings == NULL)
    return NULL;

  value = g_settings_get_value (settings, "page-setup");
  if (g_variant_n_children (value) == 0)
    return NULL;
  return gtk_page_setup_new_from_gvariant (value);
}

static void
save_page_setup (GtkPageSetup *setup)
{
  g_autoptr(GSettings) settings = rapport_view_dup_settings ();

  if (settings != NULL && setup != NULL)
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      save_page_setup (gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s says why */
      text = g_strdup_printf (_("Could not print: %s"), error ? error->message : "");
      rapport_view_add_toast (widget, adw_toast_new (text));
    }

  g_object_unref (operation);
  g_object_unref (widget);
}

typedef struct
{
  GtkWidget        *widget;
  RapportStore     *store;
  gint64            appointment_id;
  RapportSheetKind  kind;
  char             *title;
} PreviewTarget;

static void
preview_target_free (gpointer data)
{
  PreviewTarget *target = data;

  g_object_unref (target->widget);
  g_object_unref (target->store);
  g_free (target->title);
  g_free (target);
}

static PreviewTarget *
preview_target_new (GtkWidget        *widget,
                    RapportStore     *store,
                    gint64            appointment_id,
                    RapportSheetKind  kind,
                    RapportPrepSheet *sheet)
{
  PreviewTarget *target = g_new0 (PreviewTarget, 1);

  target->widget = g_object_ref (widget);
  target->store = g_object_ref (store);
  target->appointment_id = appointment_id;
  target->kind = kind;
  target->title = g_strdup (rapport_prep_sheet_get_title (sheet));
  return target;
}

static void
show_preview (GPtrArray *pages,
              double     width,
              double     height,
              gpointer   data)
{
  PreviewTarget *target = data;

  rapport_sheet_preview_new (window_of (target->widget), target->store,
                             target->appointment_id, target->kind, target->title, pages, width, height);
}

/**
 * rapport_preview_sheet:
 *
 * Shows a sheet as it will print, in a window of its own with Print and
 * Export PDF at hand.
 *
 * Returns: (transfer none) (nullable): the preview window, or %NULL when
 *   the sheet could not be drawn (a toast says so)
 */
RapportSheetPreview *
rapport_preview_sheet (GtkWidget        *widget,
                       RapportStore     *store,
                       gint64            appointment_id,
                       RapportSheetKind  kind)
{
  g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (store, appointment_id, kind);
  g_autoptr(GtkPageSetup) setup = load_page_setup ();
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  double width = 0, height = 0;

  pages = rapport_prep_sheet_render_pages (sheet, setup, &width, &height, &error);
  if (pages == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not show the preview: %s"), error->message);
      rapport_view_add_toast (widget, adw_toast_new (text));
      return NULL;
    }

  return rapport_sheet_preview_new (window_of (widget), store, appointment_id, kind,
                                    rapport_prep_sheet_get_title (sheet), pages, width, height);
}

/**
 * rapport_print_sheet:
 *
 * Prints a sheet through the system print dialog (the print portal inside
 * Flatpak), without blocking the window.
 */
void
rapport_print_sheet (GtkWidget        *widget,
                     RapportStore     *store,
                     gint64            appointment_id,
                     RapportSheetKind  kind)
{
  g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (store, appointment_id, kind);
  g_autoptr(GtkPageSetup) setup = load_page_setup ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = rapport_prep_sheet_create_operation (sheet, setup);
  GtkPrintOperationResult result;

  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (widget));
  /* The dialog's Preview button: our own window, not an external viewer. */
  rapport_prep_sheet_capture_preview (operation, show_preview,
                                      preview_target_new (widget, store, appointment_id, kind, sheet),
                                      preview_target_free);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    window_of (widget), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);
      rapport_view_add_toast (widget, adw_toast_new (text));
    }

  /* Synchronous results come without "done". */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_print_done (operation, result == GTK_PRINT_OPERATION_RESULT_ERROR
                                ? GTK_PRINT_OPERATION_RESULT_CANCEL : result, widget);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GtkWidget       *widget)
{
  RapportPrepSheet *sheet = g_object_get_data (G_OBJECT (chooser), "sheet");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      path = g_file_get_path (file);
      setup = load_page_setup ();
      if (path == NULL)
        rapport_view_add_toast (widget, adw_toast_new (_("Choose a folder on this computer for the PDF.")));
      else if (!rapport_prep_sheet_export_pdf (sheet, path, setup, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Could not export: %s"), error->message);
          rapport_view_add_toast (widget, adw_toast_new (text));
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
          rapport_view_add_toast (widget, adw_toast_new (text));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (widget);
}

/**
 * rapport_export_sheet_pdf:
 *
 * Writes a sheet as a PDF file the student chooses.
 */
void
rapport_export_sheet_pdf (GtkWidget        *widget,
                          RapportStore     *store,
                          gint64            appointment_id,
                          RapportSheetKind  kind)
{
  g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (store, appointment_id, kind);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strconcat (rapport_prep_sheet_get_title (sheet), ".pdf", NULL);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export PDF"), window_of (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "sheet", g_object_ref (sheet), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
