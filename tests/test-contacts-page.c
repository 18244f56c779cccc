/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-calendar-page.h"
#include "rapport-clippings-page.h"
#include "rapport-contact-chooser.h"
#include "rapport-evaluations-page.h"
#include "rapport-contact-detail.h"
#include "rapport-contacts-page.h"
#include "rapport-new-contact-dialog.h"
#include "rapport-view-util.h"
#include "rapport-window.h"
#include "test-widget-util.h"

typedef struct
{
  TestStore            ts;
  RapportWindow       *window;
  RapportContactsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);
  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  f->page = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
}

/* The detail pane, made on first use as in the app. */
static RapportContactDetail *
detail (Fixture *f)
{
  return rapport_contacts_page_get_detail (f->page);
}

static RapportContact *
add (Fixture    *f,
     const char *name,
     const char *organization)
{
  RapportContact *contact = rapport_contact_new (name);

  rapport_contact_set_organization (contact, organization);
  g_assert_true (rapport_store_add_contact (f->ts.store, contact, NULL));
  return contact;
}

static GListModel *
list_model (Fixture *f)
{
  GtkListView *view = GTK_LIST_VIEW (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "list_view"));

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static const char *
visible_list_state (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "list_stack")));
}

static GtkWidget *
detail_child (Fixture    *f,
              const char *name)
{
  return test_child (detail (f), RAPPORT_TYPE_CONTACT_DETAIL, name);
}

static RapportNewContactDialog *
find_new_contact_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (RAPPORT_IS_NEW_CONTACT_DIALOG (window))
        return RAPPORT_NEW_CONTACT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_new_contact_dialog () != NULL;
}

static gboolean
dialog_is_closed (gpointer data)
{
  return find_new_contact_dialog () == NULL;
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpstr (visible_list_state (f), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->page)) == FALSE);
  /* Nothing to delete yet */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "contacts.delete", NULL) &&
                  rapport_store_count_contacts (f->ts.store) != 0);
}

static void
test_add_through_dialog (Fixture       *f,
                         gconstpointer  data)
{
  RapportNewContactDialog *dialog;
  GtkWidget *name_row, *org_row, *add_button;
  g_autoptr(RapportContact) selected = NULL;
  g_autofree char *stored = NULL;

  /* Ctrl+N on the window reaches the visible page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  test_wait_until (dialog_is_open, NULL);
  dialog = find_new_contact_dialog ();

  name_row = test_child (dialog, RAPPORT_TYPE_NEW_CONTACT_DIALOG, "name_row");
  org_row = test_child (dialog, RAPPORT_TYPE_NEW_CONTACT_DIALOG, "organization_row");
  add_button = test_child (dialog, RAPPORT_TYPE_NEW_CONTACT_DIALOG, "add_button");

  /* The name is required: Add is off until one is typed, blanks don't count. */
  g_assert_false (gtk_widget_is_sensitive (add_button));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (gtk_widget_is_sensitive (add_button));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (org_row), "Analytical Engines");
  g_assert_true (gtk_widget_is_sensitive (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  test_wait_until (dialog_is_closed, NULL);

  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 1);
  g_assert_cmpstr (visible_list_state (f), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 1);

  /* The new contact is selected and shown in the detail pane. */
  selected = rapport_contacts_page_get_selected (f->page);
  g_assert_nonnull (selected);
  g_assert_cmpstr (rapport_contact_get_name (selected), ==, "Ada Lovelace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_child (f, "name_row"))), ==, "Ada Lovelace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_child (f, "organization_row"))), ==, "Analytical Engines");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail_child (f, "title_label"))), ==, "Ada Lovelace");

  stored = test_read_back (f->ts.path, "SELECT organization FROM contacts WHERE id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (selected)));
  g_assert_cmpstr (stored, ==, "Analytical Engines");
}

static gboolean
nothing_pending (gpointer data)
{
  return !rapport_store_has_pending (data);
}

static void
test_detail_edits_autosave (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autoptr(RapportContact) c = add (f, "Grace Hopper", "");
  GtkTextBuffer *notes;
  g_autofree char *field = NULL;
  g_autofree char *email = NULL;
  g_autofree char *stored_notes = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *source = NULL;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (c));

  g_assert_true (rapport_contacts_page_select_contact (f->page, id));
  g_assert_true (rapport_contact_detail_get_contact (detail (f)) == c);

  gtk_editable_set_text (GTK_EDITABLE (detail_child (f, "field_row")), "Computing");
  gtk_editable_set_text (GTK_EDITABLE (detail_child (f, "email_row")), "grace@example.org");
  notes = GTK_TEXT_BUFFER (gtk_widget_get_template_child (GTK_WIDGET (detail (f)), RAPPORT_TYPE_CONTACT_DETAIL, "notes_buffer"));
  gtk_text_buffer_set_text (notes, "Ask about COBOL", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (detail_child (f, "stage_row")), RAPPORT_STAGE_SCHEDULED);
  adw_combo_row_set_selected (ADW_COMBO_ROW (detail_child (f, "source_row")), RAPPORT_SOURCE_TEACHER);

  /* No Save button: the edits land by themselves. */
  g_assert_true (rapport_store_has_pending (f->ts.store));
  test_wait_until (nothing_pending, f->ts.store);

  field = test_read_back (f->ts.path, "SELECT field FROM contacts WHERE id = ?", id);
  email = test_read_back (f->ts.path, "SELECT email FROM contacts WHERE id = ?", id);
  stored_notes = test_read_back (f->ts.path, "SELECT notes FROM contacts WHERE id = ?", id);
  stage = test_read_back (f->ts.path, "SELECT stage FROM contacts WHERE id = ?", id);
  source = test_read_back (f->ts.path, "SELECT source FROM contacts WHERE id = ?", id);
  g_assert_cmpstr (field, ==, "Computing");
  g_assert_cmpstr (email, ==, "grace@example.org");
  g_assert_cmpstr (stored_notes, ==, "Ask about COBOL");
  g_assert_cmpstr (stage, ==, "scheduled");
  g_assert_cmpstr (source, ==, "teacher");

  /* The list row follows the edit. */
  summary = rapport_contact_dup_summary (c);
  g_assert_cmpstr (summary, ==, "");
  gtk_editable_set_text (GTK_EDITABLE (detail_child (f, "job_title_row")), "Admiral");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail_child (f, "summary_label"))), ==, "Admiral");
}

static void
test_name_cannot_be_emptied (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportContact) c = add (f, "Mary Jackson", "NASA");
  GtkWidget *name_row;
  g_autofree char *stored = NULL;

  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (c)));
  name_row = detail_child (f, "name_row");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (rapport_contact_get_name (c), ==, "Mary Jackson");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  stored = test_read_back (f->ts.path, "SELECT name FROM contacts WHERE id = ?", rapport_record_get_id (RAPPORT_RECORD (c)));
  g_assert_cmpstr (stored, ==, "Mary Jackson");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Mary W. Jackson");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (rapport_contact_get_name (c), ==, "Mary W. Jackson");
}

typedef struct
{
  Fixture *f;
  guint    expected;
} CountWait;

static gboolean
list_has_count (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (list_model (w->f)) == w->expected;
}

static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f, "José Álvarez", "Hospital General");
  g_autoptr(RapportContact) b = add (f, "Ann Lee", "Acme");
  g_autoptr(RapportContact) c = add (f, "Zoë Smith", "Bakery");
  GtkWidget *search = test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "search_entry");
  GtkDropDown *stage = GTK_DROP_DOWN (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "stage_dropdown"));
  GtkDropDown *source = GTK_DROP_DOWN (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "source_dropdown"));
  GtkWidget *filter_bar = test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "filter_bar");
  CountWait w = { f, 1 };

  rapport_contact_set_stage (b, RAPPORT_STAGE_MET);
  rapport_contact_set_source (c, RAPPORT_SOURCE_LINKEDIN);
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 3);

  /* Ctrl+F puts the keyboard in the search box. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  test_spin (50);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));

  gtk_editable_set_text (GTK_EDITABLE (search), "zoe");
  test_wait_until (list_has_count, &w);

  gtk_editable_set_text (GTK_EDITABLE (search), "nobody like this");
  w.expected = 0;
  test_wait_until (list_has_count, &w);
  g_assert_cmpstr (visible_list_state (f), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  w.expected = 3;
  test_wait_until (list_has_count, &w);

  /* Position 0 is "All stages"; stage values follow. */
  gtk_drop_down_set_selected (stage, 1 + RAPPORT_STAGE_MET);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (filter_bar)));

  gtk_drop_down_set_selected (source, 1 + RAPPORT_SOURCE_LINKEDIN);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 0);
  g_assert_cmpstr (visible_list_state (f), ==, "no-results");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "contacts.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 3);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (filter_bar)));
  (void)a;
}

static void
test_sort_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f, "Charlie", "Zeta");
  g_autoptr(RapportContact) b = add (f, "Alice", "");
  g_autoptr(RapportContact) c = add (f, "Bob", "Acme");
  GtkDropDown *sort = GTK_DROP_DOWN (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "sort_dropdown"));
  g_autoptr(RapportContact) first = NULL;
  RapportContactSort value;

  first = g_list_model_get_item (list_model (f), 0);
  g_assert_true (first == b);
  g_clear_object (&first);

  gtk_drop_down_set_selected (sort, RAPPORT_CONTACT_SORT_ORGANIZATION);
  first = g_list_model_get_item (list_model (f), 0);
  g_assert_true (first == c);
  g_object_get (f->page, "sort", &value, NULL);
  g_assert_cmpint (value, ==, RAPPORT_CONTACT_SORT_ORGANIZATION);
  (void)a;
}

static void
test_rename_keeps_detail_open (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f, "Alice", "");
  g_autoptr(RapportContact) b = add (f, "Bob", "");
  g_autoptr(RapportContact) c = add (f, "Carol", "");
  g_autoptr(RapportContact) selected = NULL;
  g_autoptr(RapportContact) last = NULL;
  GtkWidget *name_row;

  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (b)));
  name_row = detail_child (f, "name_row");

  /* Renamed "Zed", Bob moves to the end of the list once saved… */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Zed");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  last = g_list_model_get_item (list_model (f), 2);
  g_assert_true (last == b);

  /* …and stays selected and open, with the text being typed intact. */
  selected = rapport_contacts_page_get_selected (f->page);
  g_assert_true (selected == b);
  g_assert_true (rapport_contact_detail_get_contact (detail (f)) == b);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Zed");
  (void)a; (void)c;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f, "Alice", "");
  g_autoptr(RapportContact) b = add (f, "Bob", "");
  g_autoptr(RapportContact) selected = NULL;
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (a));

  rapport_contacts_page_select_contact (f->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "contacts.delete", NULL));
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 1);

  /* The selection moves to the next contact rather than to nothing. */
  selected = rapport_contacts_page_get_selected (f->page);
  g_assert_true (selected == b);
  g_clear_object (&selected);

  /* Ctrl+Z brings it back, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 2);
  selected = rapport_contacts_page_get_selected (f->page);
  g_assert_true (selected == a);
}

static void
test_referrals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContact) mentor = add (f, "Mentor", "Guild");
  g_autoptr(RapportContact) newbie = add (f, "Newcomer", "");
  RapportContactChooser *chooser;
  GtkListBox *referrals;
  g_autofree char *stored = NULL;

  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (newbie)));
  chooser = RAPPORT_CONTACT_CHOOSER (detail_child (f, "referrer_chooser"));
  g_signal_emit_by_name (chooser, "contact-chosen", mentor);

  g_assert_cmpint (rapport_contact_get_referred_by (newbie), ==, rapport_record_get_id (RAPPORT_RECORD (mentor)));
  /* An "other" source becomes "referral" when a referrer is chosen. */
  g_assert_cmpint (rapport_contact_get_source (newbie), ==, RAPPORT_SOURCE_REFERRAL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (detail_child (f, "referred_by_row"))), ==, "Mentor");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  stored = test_read_back (f->ts.path, "SELECT referred_by FROM contacts WHERE id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (newbie)));
  g_assert_cmpint (g_ascii_strtoll (stored, NULL, 10), ==, rapport_record_get_id (RAPPORT_RECORD (mentor)));

  /* The referrer's page lists the person they referred. */
  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (mentor)));
  referrals = GTK_LIST_BOX (detail_child (f, "referrals_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (referrals, 0));
  g_assert_null (gtk_list_box_get_row_at_index (referrals, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (referrals, 0))),
                   ==, "Newcomer");

  /* Following the row shows the referred contact. */
  g_signal_emit_by_name (referrals, "row-activated", gtk_list_box_get_row_at_index (referrals, 0));
  g_assert_true (rapport_contact_detail_get_contact (detail (f)) == newbie);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (f)), "contact.clear-referrer", NULL));
  g_assert_cmpint (rapport_contact_get_referred_by (newbie), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (detail_child (f, "referred_by_row"))), ==, "Nobody");
}

static void
test_next_stage (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportContact) c = add (f, "Katherine Johnson", "");
  GtkButton *button;

  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (c)));
  button = GTK_BUTTON (detail_child (f, "next_stage_button"));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Mark as _Requested");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (f)), "contact.next-stage", NULL));
  g_assert_cmpint (rapport_contact_get_stage (c), ==, RAPPORT_STAGE_REQUESTED);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (detail_child (f, "stage_row"))), ==, RAPPORT_STAGE_REQUESTED);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Mark as _Scheduled");

  rapport_contact_set_stage (c, RAPPORT_STAGE_DECLINED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
}

static void
test_hostile_names_shown (Fixture       *f,
                          gconstpointer  data)
{
  const char *names[] = { "'; DROP TABLE contacts;--", "<b>not bold</b> & co", "سارا أحمد", "Zoë 👩‍💻" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RapportContact) c = add (f, names[i], names[i]);

      rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (c)));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail_child (f, "title_label"))), ==, names[i]);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detail_child (f, "organization_row"))), ==, names[i]);
    }

  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, G_N_ELEMENTS (names));
}

/* The visible labels of a widget, as a screen reader reads them (the
 * avatar's initials left out). */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget) || ADW_IS_AVATAR (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

typedef struct
{
  Fixture    *f;
  const char *expected;
} RowsWait;

/* The rows of the contact list, a line each, in alphabetical order: the
 * list view reuses row widgets, so their order is not the list's. */
static char *
row_labels (Fixture *f)
{
  GtkWidget *view = test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "list_view");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    {
      GString *row;

      if (!g_str_equal (gtk_widget_get_css_name (child), "row") || !gtk_widget_get_visible (child))
        continue;
      row = g_string_new (NULL);
      collect_labels (child, row);
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }

  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (const char *)g_ptr_array_index (rows, i));

  return g_string_free (out, FALSE);
}

static gboolean
rows_show (gpointer data)
{
  RowsWait *wait = data;
  g_autofree char *labels = row_labels (wait->f);

  return g_strcmp0 (labels, wait->expected) == 0;
}

static void
assert_rows (Fixture    *f,
             const char *expected)
{
  RowsWait wait = { f, expected };
  g_autofree char *labels = NULL;

  /* rows are made and bound when the list is laid out */
  for (guint i = 0; i < 100 && !rows_show (&wait); i++)
    test_spin (20);
  labels = row_labels (f);
  g_assert_cmpstr (labels, ==, expected);
}

/* Rows show name, role and organization, and stage, and follow edits made
 * to the contact while they are on screen. */
static void
test_rows_follow_edits (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper", "Navy");
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("Ada Lovelace|%s|\nGrace Hopper|Navy|%s|\n",
                              rapport_stage_get_label (RAPPORT_STAGE_TO_CONTACT),
                              rapport_stage_get_label (RAPPORT_STAGE_TO_CONTACT));
  assert_rows (f, expected);

  rapport_contact_set_job_title (ada, "Analyst");
  rapport_contact_set_organization (ada, "Engines");
  rapport_contact_set_stage (grace, RAPPORT_STAGE_MET);
  rapport_contact_set_organization (grace, "");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|%s|\nGrace Hopper|%s|\n",
                              rapport_stage_get_label (RAPPORT_STAGE_TO_CONTACT),
                              rapport_stage_get_label (RAPPORT_STAGE_MET));
  assert_rows (f, expected);

  /* renamed: the row changes (and moves once the store has it) */
  rapport_contact_set_name (ada, "Ada King");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada King|Analyst at Engines|%s|\nGrace Hopper|%s|\n",
                              rapport_stage_get_label (RAPPORT_STAGE_TO_CONTACT),
                              rapport_stage_get_label (RAPPORT_STAGE_MET));
  assert_rows (f, expected);
}

/* A contact found by words its row does not show says where they were
 * found, with the words around them as written; the line follows the
 * search and leaves with it. Sorted by last contact, rows say when. */
static void
test_rows_show_search_match (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "Engines");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper", "Navy");
  g_autoptr(RapportAppointment) meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                                   rapport_record_get_id (RAPPORT_RECORD (ada)));
  g_autoptr(RapportInterview) interview = NULL;
  GtkWidget *search = test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "search_entry");
  GtkDropDown *sort = GTK_DROP_DOWN (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "sort_dropdown"));
  const char *to_contact = rapport_stage_get_label (RAPPORT_STAGE_TO_CONTACT);
  const char *requested = rapport_stage_get_label (RAPPORT_STAGE_REQUESTED);
  g_autofree char *expected = NULL;
  CountWait w = { f, 1 };

  rapport_contact_set_job_title (ada, "Analyst");
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, NULL));
  interview = rapport_store_get_interview (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (meeting)), NULL);
  g_assert_nonnull (interview);
  rapport_interview_set_notebook (interview,
                                  "We talked for an hour about her early years at the lab, "
                                  "the move to industry, and then at length about the "
                                  "ferroelectric memory work <that> she now leads.");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));

  gtk_editable_set_text (GTK_EDITABLE (search), "FERROELEC");
  test_wait_until (list_has_count, &w);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|"
                              "Interview notes: …length about the <b>ferroelec</b>tric memory work &lt;that&gt; she now…|%s|\n",
                              requested);
  assert_rows (f, expected);

  /* the same contact found by more words: its row, not bound again, follows */
  gtk_editable_set_text (GTK_EDITABLE (search), "FERROELECTRIC MEMORY");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|"
                              "Interview notes: …about the <b>ferroelectric memory</b> work &lt;that&gt; she now leads.|%s|\n",
                              requested);
  assert_rows (f, expected);

  /* found by what the row shows: nothing to add */
  gtk_editable_set_text (GTK_EDITABLE (search), "engines");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|%s|\n", requested);
  assert_rows (f, expected);

  /* no search, no line */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  w.expected = 2;
  test_wait_until (list_has_count, &w);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|%s|\nGrace Hopper|Navy|%s|\n",
                              requested, to_contact);
  assert_rows (f, expected);

  /* sorted by last contact, each row says when */
  gtk_drop_down_set_selected (sort, RAPPORT_CONTACT_SORT_LAST_CONTACTED);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines · Last contacted today|%s|\n"
                              "Grace Hopper|Navy · Not contacted yet|%s|\n",
                              requested, to_contact);
  assert_rows (f, expected);

  gtk_drop_down_set_selected (sort, RAPPORT_CONTACT_SORT_NAME);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ada Lovelace|Analyst at Engines|%s|\nGrace Hopper|Navy|%s|\n",
                              requested, to_contact);
  assert_rows (f, expected);
  (void)grace;
}

static void
test_links_for_reaching (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) c = add (f, "Reachable", "");
  g_autofree char *mail = rapport_view_uri_for ("mailto", " ada+jobs@example.org ");
  g_autofree char *tel = rapport_view_uri_for ("tel", "+44 (20) 7946-0958");
  g_autofree char *web = rapport_view_uri_for ("https", "linkedin.com/in/ada");
  g_autofree char *full = rapport_view_uri_for ("https", "https://example.org/x?y=1");
  g_autofree char *none = rapport_view_uri_for ("mailto", "   ");

  g_assert_cmpstr (mail, ==, "mailto:ada+jobs@example.org");
  g_assert_cmpstr (tel, ==, "tel:+442079460958");
  g_assert_cmpstr (web, ==, "https://linkedin.com/in/ada");
  g_assert_cmpstr (full, ==, "https://example.org/x?y=1");
  g_assert_null (none);

  /* The buttons only work when there is something to open. */
  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (c)));
  g_assert_false (gtk_widget_is_sensitive (detail_child (f, "email_button")));
  rapport_contact_set_email (c, "someone@example.org");
  g_assert_true (gtk_widget_is_sensitive (detail_child (f, "email_button")));
}

static void
test_store_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                                                 "“/x/rapport.db” is damaged");
  RapportWindow *window = rapport_window_new (NULL, NULL, error);
  GtkStack *stack = GTK_STACK (test_child (window, RAPPORT_TYPE_WINDOW, "main_stack"));
  AdwStatusPage *page = ADW_STATUS_PAGE (test_child (window, RAPPORT_TYPE_WINDOW, "error_page"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "“/x/rapport.db” is damaged");
  /* No store, so nothing may offer to write to one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  test_spin (20);
  g_assert_null (find_new_contact_dialog ());
  test_assert_finalized (window, FALSE);
}

/* Only the page in view is made at startup; the others on first use, by
 * the page switcher, a shortcut or an action that needs them. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GPtrArray  *titles)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      g_ptr_array_add (titles, title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, titles);
}

static GtkWindow *
find_shortcuts_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

/* Ctrl+? shows the shortcuts, built when asked for, over the window. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *shortcuts;

  g_assert_null (find_shortcuts_window (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  shortcuts = find_shortcuts_window (GTK_WINDOW (f->window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_modal (shortcuts));

  collect_shortcuts (GTK_WIDGET (shortcuts), titles);
  g_assert_cmpuint (titles->len, >=, 10);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Search", g_str_equal, NULL));

  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *)&shortcuts);
  gtk_window_close (shortcuts);
  test_spin (10);
  g_assert_null (shortcuts);
}

static void
test_pages_made_when_needed (Fixture       *f,
                             gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (test_child (f->window, RAPPORT_TYPE_WINDOW, "view_stack"));
  const char *hidden[] = { "calendar", "interviews", "evaluations", "clippings" };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, hidden[i]))));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "calendar");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "calendar");
  g_assert_true (RAPPORT_IS_CALENDAR_PAGE (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "calendar")))));

  /* The switcher sets the visible child directly. */
  adw_view_stack_set_visible_child_name (stack, "evaluations");
  g_assert_true (RAPPORT_IS_EVALUATIONS_PAGE (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "evaluations")))));

  /* An action on a page not yet made makes it first. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-clipping", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clippings");
  g_assert_true (RAPPORT_IS_CLIPPINGS_PAGE (rapport_window_get_page (f->window, "clippings")));
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "interviews"))));

  /* An unknown page name does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "nonsense");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clippings");
}

static gboolean
has_all_rows (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (data))) == 100;
}

/* How many rows the list had when the window's first frame was drawn. */
static void
on_first_rows_paint (GdkFrameClock *clock,
                     GtkWidget     *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));

  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "first-frame-rows")) != G_MAXUINT)
    return;
  g_object_set_data (G_OBJECT (window), "first-frame-rows",
                     GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))))));
}

static void
on_first_rows_realize (GtkWidget *window,
                       GtkWidget *view)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_rows_paint), view, 0);
}

/* A long list shows its first rows in the first frame and all of them from
 * the next; a contact further down can be shown at once all the same. */
static void
test_first_rows (Fixture       *f,
                 gconstpointer  data)
{
  RapportWindow *window;
  RapportContactsPage *page;
  GtkListView *view;
  g_autoptr(RapportContact) shown = NULL;
  gint64 last = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      g_autoptr(RapportContact) c = add (f, name, "Engines");

      last = rapport_record_get_id (RAPPORT_RECORD (c));
    }

  /* Before any frame: the first rows only. */
  window = rapport_window_new (NULL, f->ts.store, NULL);
  page = RAPPORT_CONTACTS_PAGE (test_child (window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  view = GTK_LIST_VIEW (test_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "list_view"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), <, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), >=, 40);

  /* Showing the last one needs no frame first. */
  g_assert_true (rapport_contacts_page_select_contact (page, last));
  shown = rapport_contacts_page_get_selected (page);
  g_assert_nonnull (shown);
  g_assert_cmpstr (rapport_contact_get_name (shown), ==, "Person 099");
  g_assert_true (has_all_rows (view));
  g_clear_object (&shown);
  test_assert_finalized (window, FALSE);

  /* Left alone: the first frame is drawn with the first rows, and the
   * list has them all right after. */
  window = rapport_window_new (NULL, f->ts.store, NULL);
  page = RAPPORT_CONTACTS_PAGE (test_child (window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  view = GTK_LIST_VIEW (test_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "list_view"));
  g_object_set_data (G_OBJECT (window), "first-frame-rows", GUINT_TO_POINTER (G_MAXUINT));
  g_signal_connect_after (window, "realize", G_CALLBACK (on_first_rows_realize), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (has_all_rows (view));
  test_wait_until (has_all_rows, view);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "first-frame-rows")), <, 100);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "first-frame-rows")), >=, 40);
  test_assert_finalized (window, FALSE);
}

static gboolean
search_prepared (gpointer list)
{
  return rapport_contact_list_get_search_prepared (list, NULL);
}

/* The search box's focus reads what a search looks through, ahead of the
 * first key. */
static void
test_search_reads_ahead (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "Analytical Engines");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper", "Navy");
  CountWait w = { f, 1 };
  GtkWidget *entry = test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "search_entry");
  GListModel *slice = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (list_model (f)));
  RapportContactList *list = RAPPORT_CONTACT_LIST (gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (slice)));

  g_assert_false (rapport_contact_list_get_search_prepared (list, NULL));
  gtk_widget_grab_focus (entry);
  test_wait_until (search_prepared, list);

  gtk_editable_set_text (GTK_EDITABLE (entry), "engines");
  test_wait_until (list_has_count, &w);
}

/* The contact pane is made when a contact is first shown, and stays. */
static void
test_detail_made_when_needed (Fixture       *f,
                              gconstpointer  data)
{
  GtkStack *detail_stack = GTK_STACK (test_child (f->page, RAPPORT_TYPE_CONTACTS_PAGE, "detail_stack"));
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "Analytical Engines");
  g_autoptr(RapportContact) shown = NULL;
  GtkWidget *pane;

  g_assert_null (gtk_stack_get_child_by_name (detail_stack, "detail"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");

  g_assert_true (rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (ada))));
  pane = gtk_stack_get_child_by_name (detail_stack, "detail");
  g_assert_true (RAPPORT_IS_CONTACT_DETAIL (pane));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "detail");
  g_assert_true (rapport_contact_detail_get_contact (RAPPORT_CONTACT_DETAIL (pane)) == ada);
  g_assert_true (detail (f) == RAPPORT_CONTACT_DETAIL (pane));

  /* Its requests reach the page: Delete in the pane deletes the contact. */
  g_signal_emit_by_name (pane, "delete-requested");
  shown = rapport_contacts_page_get_selected (f->page);
  g_assert_null (shown);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "none");
  g_assert_true (gtk_stack_get_child_by_name (detail_stack, "detail") == pane);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
message_dialog_is_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
message_dialog_is_closed (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "Analytical Engines");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper", "US Navy");
  g_autoptr(RapportAppointment) meeting = NULL;
  GtkWidget *chooser, *chooser_list, *picks, *grid, *theirs;
  AdwMessageDialog *dialog;
  gint64 ada_id = rapport_record_get_id (RAPPORT_RECORD (ada));
  gint64 grace_id = rapport_record_get_id (RAPPORT_RECORD (grace));

  rapport_contact_set_phone (grace, "+1 555 0100");
  meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, grace_id);
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, NULL));
  rapport_contacts_page_select_contact (f->page, ada_id);

  /* The menu item opens a chooser that does not offer Ada herself. */
  chooser = detail_child (f, "merge_chooser");
  g_assert_false (gtk_widget_get_visible (chooser));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (f)), "contact.merge", NULL));
  g_assert_true (gtk_widget_get_visible (chooser));
  chooser_list = test_child (chooser, RAPPORT_TYPE_CONTACT_CHOOSER, "list_view");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (chooser_list)))), ==, 1);
  g_signal_emit_by_name (chooser, "contact-chosen", grace);

  /* A confirmation says what will happen, and shows the organizations
   * side by side: the student keeps Grace's. */
  test_wait_until (message_dialog_is_open, NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Grace Hopper’s details"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "move to Ada Lovelace"));
  picks = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (picks);
  grid = gtk_widget_get_last_child (picks);
  /* Row 1 is the name; the kept contact's value is chosen to start with. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))));
  theirs = gtk_grid_get_child_at (GTK_GRID (grid), 2, 2);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (theirs)), ==, "US Navy");
  /* Only fields both have are offered: the phone just fills in. */
  g_assert_null (gtk_grid_get_child_at (GTK_GRID (grid), 2, 3));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs), TRUE);

  adw_message_dialog_response (dialog, "merge");
  if (find_message_dialog () != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
  test_wait_until (message_dialog_is_closed, NULL);

  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 1);
  g_assert_cmpstr (rapport_contact_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_organization (ada), ==, "US Navy");
  g_assert_cmpstr (rapport_contact_get_phone (ada), ==, "+1 555 0100");
  g_assert_cmpint (rapport_appointment_get_contact_id (meeting), ==, ada_id);
  g_assert_true (rapport_contact_detail_get_contact (detail (f)) == ada);

  /* The toast's Undo (here through Ctrl+Z) brings back both as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f)), ==, 2);
  g_assert_cmpstr (rapport_contact_get_organization (ada), ==, "Analytical Engines");
  g_assert_cmpstr (rapport_contact_get_phone (ada), ==, "");
  g_assert_cmpint (rapport_appointment_get_contact_id (meeting), ==, grace_id);
}

static void
test_merge_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f, "Ada Lovelace", "");
  g_autoptr(RapportContact) grace = add (f, "Grace Hopper", "");
  AdwMessageDialog *dialog;

  rapport_contacts_page_select_contact (f->page, rapport_record_get_id (RAPPORT_RECORD (ada)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (f)), "contact.merge", NULL));
  g_signal_emit_by_name (detail_child (f, "merge_chooser"), "contact-chosen", grace);
  test_wait_until (message_dialog_is_open, NULL);
  dialog = find_message_dialog ();
  /* Only the names differ: nothing else to pick between. */
  g_assert_null (gtk_grid_get_child_at (GTK_GRID (gtk_widget_get_last_child (adw_message_dialog_get_extra_child (dialog))), 2, 2));

  gtk_window_close (GTK_WINDOW (dialog));
  test_wait_until (message_dialog_is_closed, NULL);
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/contacts-page/empty-state", test_empty_state);
  ADD ("/contacts-page/add-through-dialog", test_add_through_dialog);
  ADD ("/contacts-page/detail-edits-autosave", test_detail_edits_autosave);
  ADD ("/contacts-page/name-cannot-be-emptied", test_name_cannot_be_emptied);
  ADD ("/contacts-page/search-and-filters", test_search_and_filters);
  ADD ("/contacts-page/sort-order", test_sort_order);
  ADD ("/contacts-page/rows-show-search-match", test_rows_show_search_match);
  ADD ("/contacts-page/rename-keeps-detail-open", test_rename_keeps_detail_open);
  ADD ("/contacts-page/delete-and-undo", test_delete_and_undo);
  ADD ("/contacts-page/merge-and-undo", test_merge_and_undo);
  ADD ("/contacts-page/merge-cancelled", test_merge_cancelled);
  ADD ("/contacts-page/referrals", test_referrals);
  ADD ("/contacts-page/next-stage", test_next_stage);
  ADD ("/contacts-page/hostile-names-shown", test_hostile_names_shown);
  ADD ("/contacts-page/rows-follow-edits", test_rows_follow_edits);
  ADD ("/contacts-page/links-for-reaching", test_links_for_reaching);
  ADD ("/window/pages-made-when-needed", test_pages_made_when_needed);
  ADD ("/window/shortcuts-window", test_shortcuts_window);
  ADD ("/contacts-page/detail-made-when-needed", test_detail_made_when_needed);
  ADD ("/contacts-page/first-rows", test_first_rows);
  ADD ("/contacts-page/search-reads-ahead", test_search_reads_ahead);
#undef ADD
  g_test_add_func ("/window/store-error-page", test_store_error_page);

  return g_test_run ();
}
