/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-import-dialog.h"
#include "rapport-window.h"
#include "test-widget-util.h"

static const char linkedin[] =
  "Notes:\r\n"
  "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n"
  "\r\n"
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
  "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,\"Engines, Ltd\",Mathematician,15 Mar 2024\r\n"
  "Grace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,02 Jan 2023\r\n"
  ",,https://www.linkedin.com/in/nobody,,,,01 Jan 2020\r\n";

typedef struct
{
  RapportImportDialog *dialog;
  const char          *prefix;
} SummaryWait;

static gboolean
summary_starts (gpointer data)
{
  SummaryWait *w = data;
  g_autofree char *text = rapport_import_dialog_dup_summary (w->dialog);

  return g_str_has_prefix (text, w->prefix);
}

static gboolean
has_two (gpointer data)
{
  return rapport_store_count_contacts (data) == 2;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
test_linkedin_preview_and_import (void)
{
  TestStore ts;
  g_autoptr(RapportContact) known = rapport_contact_new ("Someone");
  g_autoptr(GBytes) bytes = g_bytes_new_static (linkedin, strlen (linkedin));
  g_autoptr(GError) error = NULL;
  RapportWindow *window;
  RapportImportDialog *dialog;
  gpointer weak;
  SummaryWait w;

  test_store_init (&ts);
  rapport_contact_set_email (known, "ADA@example.org");
  g_assert_true (rapport_store_add_contact (ts.store, known, NULL));
  window = rapport_window_new (NULL, ts.store, NULL);
  gtk_window_present (GTK_WINDOW (window));

  dialog = rapport_import_dialog_new (GTK_WINDOW (window), ts.store, "Connections.csv", bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  /* Watched from the start: a quick import may close it before we look. */
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The preview changes nothing and says what will happen. */
  w.dialog = dialog;
  w.prefix = "“Connections.csv” has 2 contacts: 1 new, 1 that looks like someone you already have. 1 row will not";
  test_wait_until (summary_starts, &w);
  g_assert_cmpuint (rapport_store_count_contacts (ts.store), ==, 1);

  /* Merge: Ada's details fill the known contact; Grace is added. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_child (dialog, RAPPORT_TYPE_IMPORT_DIALOG, "duplicates_row")), 1);
  rapport_import_dialog_run (dialog);
  test_wait_until (has_two, ts.store);
  {
    g_autofree char *org = test_read_back (ts.path, "SELECT organization FROM contacts WHERE id = ?", 1);
    g_autofree char *source = test_read_back (ts.path, "SELECT source FROM contacts WHERE name = 'Grace Hopper' AND ? = 0", 0);
    g_assert_cmpstr (org, ==, "Engines, Ltd");
    g_assert_cmpstr (source, ==, "linkedin");
  }

  /* A finished import closes the dialog and lets go of everything. */
  test_wait_until (is_null, &weak);
  test_assert_finalized (window, FALSE);
  g_clear_object (&known);
  test_store_clear (&ts);
}

static void
test_unreadable_file (void)
{
  TestStore ts;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\x01\x02\xff\xfe garbage", 12);
  g_autoptr(GError) error = NULL;
  RapportImportDialog *dialog;

  test_store_init (&ts);
  dialog = rapport_import_dialog_new (NULL, ts.store, "junk.csv", bytes, &error);
  g_assert_null (dialog);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (rapport_store_count_contacts (ts.store), ==, 0);
  test_store_clear (&ts);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import-dialog/linkedin-preview-and-import", test_linkedin_preview_and_import);
  g_test_add_func ("/import-dialog/unreadable-file", test_unreadable_file);

  return g_test_run ();
}
