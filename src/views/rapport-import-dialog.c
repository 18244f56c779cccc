/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-csv.h"
#include "rapport-import-dialog.h"
#include "rapport-import.h"
#include "rapport-vcard.h"
#include "rapport-view-util.h"

/* A preview of an import (how many new, how many look like people already
 * there, which rows are rejected and why), the choices that go with it,
 * and the import itself with progress and Cancel. */
struct _RapportImportDialog
{
  AdwWindow         parent_instance;

  RapportStore     *store;
  GtkWindow        *parent;          /* weak: the window may close first */
  char             *name;
  RapportCsvTable  *table;         /* a generic CSV, mapped by the student */
  GPtrArray        *contacts;
  GPtrArray        *rejected;
  int               mapping[RAPPORT_CSV_N_FIELDS];
  AdwComboRow      *mapping_rows[RAPPORT_CSV_N_FIELDS];
  GCancellable     *cancellable;
  gboolean          importing;
  guint             preview_serial;

  GtkLabel         *summary_label;
  AdwComboRow      *duplicates_row;
  AdwComboRow      *source_row;
  AdwPreferencesGroup *mapping_group;
  GtkWidget        *rejected_group;
  GtkLabel         *rejected_label;
  GtkProgressBar   *progress;
  GtkWidget        *import_button;
};

G_DEFINE_FINAL_TYPE (RapportImportDialog, rapport_import_dialog, ADW_TYPE_WINDOW)

static void
show_rejected (RapportImportDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->rejected && i < self->rejected->len && i < 50; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *)g_ptr_array_index (self->rejected, i));
  if (self->rejected && self->rejected->len > 50)
    g_string_append_printf (text, "\n…");

  gtk_label_set_label (self->rejected_label, text->str);
  gtk_widget_set_visible (self->rejected_group, text->len > 0);
}

static void
apply_source (RapportImportDialog *self)
{
  guint source = adw_combo_row_get_selected (self->source_row);

  for (guint i = 0; self->contacts && i < self->contacts->len && source != GTK_INVALID_LIST_POSITION; i++)
    rapport_contact_set_source (g_ptr_array_index (self->contacts, i), source);
}

typedef struct
{
  RapportImportDialog *self;
  guint                serial;
} PreviewRequest;

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  PreviewRequest *req = data;
  RapportImportDialog *self = req->self;
  RapportImportCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    {
      rapport_store_import_finish (RAPPORT_STORE (source), result, &counts, NULL);
      g_object_unref (self);
      g_free (req);
      return;
    }

  if (!rapport_store_import_finish (RAPPORT_STORE (source), result, &counts, &error))
    text = g_strdup (error->message);
  else if (req->serial == self->preview_serial)
    {
      gboolean skipping = adw_combo_row_get_selected (self->duplicates_row) == RAPPORT_DUPLICATES_SKIP;
      guint nameless = counts.skipped - (skipping ? counts.duplicates : 0);
      guint fresh = counts.total - counts.duplicates - nameless;
      guint refused = (self->rejected ? self->rejected->len : 0) + nameless;

      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *third = NULL;

      /* Translators: an import preview, the file name and how many contacts it has */
      first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” has %u contact:", "“%s” has %u contacts:", counts.total - nameless),
                               self->name, counts.total - nameless);
      /* Translators: an import preview, continued */
      second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new, %u that looks like someone you already have.",
                                             "%u new, %u that look like people you already have.", counts.duplicates),
                                fresh, counts.duplicates);
      /* Translators: an import preview, continued */
      third = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row will not be imported.", "%u rows will not be imported.", refused),
                               refused);
      text = g_strdup_printf ("%s %s %s", first, second, third);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", fresh + counts.duplicates > 0);
    }

  if (text != NULL && req->serial == self->preview_serial)
    gtk_label_set_label (self->summary_label, text);

  g_object_unref (self);
  g_free (req);
}

/* Counts new and known people with a dry run: nothing is written. */
static void
preview (RapportImportDialog *self)
{
  PreviewRequest *req = g_new0 (PreviewRequest, 1);

  req->self = g_object_ref (self);
  req->serial = ++self->preview_serial;
  gtk_label_set_label (self->summary_label, _("Reading the file…"));
  apply_source (self);
  rapport_store_import_async (self->store, self->contacts, adw_combo_row_get_selected (self->duplicates_row),
                              TRUE, NULL, NULL, NULL, on_preview_done, req);
}

static void
remap (RapportImportDialog *self)
{
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  self->contacts = rapport_csv_contacts_from_table (self->table, self->mapping, &self->rejected);
  show_rejected (self);
}

static void
on_mapping_changed (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    RapportImportDialog *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  guint selected = adw_combo_row_get_selected (row);

  self->mapping[field] = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int)selected - 1;
  remap (self);
  preview (self);
}

static void
on_options_changed (RapportImportDialog *self)
{
  if (self->contacts != NULL && !self->importing)
    preview (self);
}

static void
build_mapping (RapportImportDialog *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; c < rapport_csv_table_get_n_columns (self->table); c++)
    gtk_string_list_append (columns, rapport_csv_table_get_header (self->table, c));

  for (guint f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_csv_field_get_label (f));
      adw_combo_row_set_model (row, G_LIST_MODEL (columns));
      adw_combo_row_set_selected (row, self->mapping[f] + 1);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      self->mapping_rows[f] = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), TRUE);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  RapportImportDialog *self = data;
  g_autofree char *text = NULL;

  /* Translators: import progress, e.g. "2500 of 10000" */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress, total ? (double)done / total : 1.0);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  RapportImportDialog *self = data;
  RapportImportCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = self->parent;
  gboolean ok = rapport_store_import_finish (RAPPORT_STORE (source), result, &counts, &error);

  self->importing = FALSE;

  /* Closed (with its window) while the import ran: nothing left to show. */
  if (self->store == NULL || parent == NULL)
    {
      g_object_unref (self);
      return;
    }

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->summary_label, error->message);
      else
        gtk_label_set_label (self->summary_label, _("Import cancelled. Nothing was added."));
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", TRUE);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: after an import; how many were added, merged and skipped */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u contact, merged %u, skipped %u",
                                           "Imported %u contacts, merged %u, skipped %u", counts.added),
                              counts.added, counts.merged, counts.skipped);
      if (parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "contacts");
      if (ADW_IS_APPLICATION_WINDOW (parent) && adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)))
        rapport_view_add_toast (adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)),
                                adw_toast_new (text));
      gtk_window_destroy (GTK_WINDOW (self));
    }

  g_object_unref (self);
}

/**
 * rapport_import_dialog_run:
 *
 * Imports as previewed, as the Import button does.
 */
void
rapport_import_dialog_run (RapportImportDialog *self)
{
  g_return_if_fail (RAPPORT_IS_IMPORT_DIALOG (self));

  if (self->importing || self->contacts == NULL)
    return;

  self->importing = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  apply_source (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  rapport_store_import_async (self->store, self->contacts, adw_combo_row_get_selected (self->duplicates_row),
                              FALSE, self->cancellable, on_progress, self, on_import_done, g_object_ref (self));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  rapport_import_dialog_run (RAPPORT_IMPORT_DIALOG (widget));
}

/* Cancel stops a running import (which then adds nothing) or closes. */
static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (widget);

  if (self->importing)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

char *
rapport_import_dialog_dup_summary (RapportImportDialog *self)
{
  return g_strdup (gtk_label_get_label (self->summary_label));
}

static void
rapport_import_dialog_dispose (GObject *object)
{
  RapportImportDialog *self = (RapportImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->table, rapport_csv_table_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (rapport_import_dialog_parent_class)->dispose (object);
}

static void
rapport_import_dialog_class_init (RapportImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, rejected_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
rapport_import_dialog_init (RapportImportDialog *self)
{
  g_autoptr(GListModel) sources = rapport_view_enum_labels (RAPPORT_TYPE_SOURCE, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  adw_combo_row_set_model (self->source_row, sources);
  for (guint f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
    self->mapping[f] = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

static gboolean
looks_like_vcard (const char *name,
                  const char *data,
                  gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    return TRUE;
  return g_strstr_len (data, MIN (length, 4096), "BEGIN:VCARD") != NULL;
}

/**
 * rapport_import_dialog_new:
 * @name: the file's name, for messages
 * @contents: the file's bytes
 *
 * Reads LinkedIn's Connections.csv, any CSV with a header row (its columns
 * mapped by name, adjustable), or vCards, and previews the import.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL with @error
 *   set when the file cannot be read at all
 */
RapportImportDialog *
rapport_import_dialog_new (GtkWindow     *parent,
                           RapportStore  *store,
                           const char    *name,
                           GBytes        *contents,
                           GError       **error)
{
  RapportImportDialog *self;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (contents, &length);
  RapportSource source = RAPPORT_SOURCE_OTHER;

  /* GTK's list of windows owns it from here, until it is destroyed. */
  self = g_object_new (RAPPORT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->name = g_strdup (name);
  g_set_weak_pointer (&self->parent, parent);

  if (looks_like_vcard (name, data ? data : "", length))
    self->contacts = rapport_vcard_parse (data, length, &self->rejected, error);
  else if ((self->contacts = rapport_linkedin_parse (data, length, &self->rejected, &local_error)))
    source = RAPPORT_SOURCE_LINKEDIN;
  else
    {
      /* Not LinkedIn's export: a CSV with a header row, mapped by name. */
      g_clear_error (&local_error);
      self->table = rapport_csv_read_table (data, length, error);
      if (self->table == NULL)
        goto fail;
      rapport_csv_guess_mapping (self->table, self->mapping);
      build_mapping (self);
      remap (self);
    }

  if (self->contacts == NULL)
    goto fail;

  if (self->contacts->len == 0 && self->table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("It holds no contacts Rapport can read."));
      goto fail;
    }
  if (self->table != NULL && rapport_csv_table_get_n_rows (self->table) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("It has a header row but no contacts under it."));
      goto fail;
    }

  adw_combo_row_set_selected (self->source_row, source);
  show_rejected (self);
  preview (self);
  return self;

fail:
  gtk_window_destroy (GTK_WINDOW (self));
  return NULL;
}
