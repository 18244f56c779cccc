/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-clippings-page.h"
#include "rapport-contact-chooser.h"
#include "rapport-contact-list.h"
#include "rapport-contacts-page.h"
#include "rapport-window.h"
#include "test-widget-util.h"

typedef struct
{
  TestStore             ts;
  RapportWindow        *window;
  RapportClippingsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);
  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  f->page = RAPPORT_CLIPPINGS_PAGE (rapport_window_get_page (RAPPORT_WINDOW (f->window), "clippings"));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "clippings"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return test_child (f->page, RAPPORT_TYPE_CLIPPINGS_PAGE, name);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "list_view")))));
}

static guint
n_rows (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "detail_stack"))), ==, "none");
}

static void
test_new_clipping_and_edit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RapportClipping) clipping = NULL;
  GtkWidget *title_row;
  g_autofree char *stored = NULL;
  gint64 id;

  /* Ctrl+N on the Clippings page adds a clipping, ready for its title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  g_assert_cmpuint (n_listed (f), ==, 1);
  clipping = rapport_clippings_page_get_selected (f->page);
  g_assert_nonnull (clipping);
  id = rapport_record_get_id (RAPPORT_RECORD (clipping));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "detail_stack"))), ==, "detail");
  g_assert_true (rapport_iso_date_is_valid (rapport_clipping_get_date (clipping)));

  title_row = child (f, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Nurses of the year");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "kind_row")), RAPPORT_CLIPPING_NEWSPAPER);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "url_row")), "news.example/nurses");

  /* A title can't be emptied. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), " ");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (rapport_clipping_get_title (clipping), ==, "Nurses of the year");

  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  stored = test_read_back (f->ts.path, "SELECT title || '|' || kind || '|' || url FROM clippings WHERE id = ?", id);
  g_assert_cmpstr (stored, ==, "Nurses of the year|newspaper|news.example/nurses");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "clipping.clear-date", NULL));
  g_assert_cmpstr (rapport_clipping_get_date (clipping), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "date_row"))), ==, "No date");
}

static void
test_person_becomes_contact (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportClipping) clipping = rapport_clipping_new ("A day at the port");
  GtkListBox *people;
  GtkWidget *add_row;
  g_autofree char *source = NULL;
  RapportContactsPage *contacts;
  g_autoptr(RapportContact) shown = NULL;
  g_autoptr(RapportContact) other = rapport_contact_new ("Existing Person");

  g_assert_true (rapport_store_add_clipping (f->ts.store, clipping, NULL));
  g_assert_true (rapport_store_add_contact (f->ts.store, other, NULL));
  g_assert_true (rapport_clippings_page_select_clipping (f->page, rapport_record_get_id (RAPPORT_RECORD (clipping))));

  people = GTK_LIST_BOX (child (f, "people_list"));
  add_row = child (f, "add_person_row");
  g_assert_cmpuint (n_rows (people), ==, 0);

  /* An empty name adds nobody. */
  g_signal_emit_by_name (add_row, "apply");
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (add_row), "Maria Santos");
  g_signal_emit_by_name (add_row, "apply");
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 2);
  g_assert_cmpuint (n_rows (people), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  source = test_read_back (f->ts.path,
                           "SELECT source || '|' || source_detail FROM contacts WHERE name = 'Maria Santos' AND ? = 0", 0);
  g_assert_cmpstr (source, ==, "article|A day at the port");

  /* Linking someone already in the contacts */
  g_signal_emit_by_name (child (f, "link_chooser"), "contact-chosen", other);
  g_assert_cmpuint (n_rows (people), ==, 2);

  /* Unlinking keeps the contact */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (people, 0);
    GtkWidget *w;

    /* the first suffix button of the row is "Remove … From This Clipping" */
    for (w = GTK_WIDGET (row); w != NULL; )
      {
        GtkWidget *next = gtk_widget_get_first_child (w);
        if (GTK_IS_BUTTON (w))
          break;
        while (next == NULL && w != GTK_WIDGET (row))
          {
            next = gtk_widget_get_next_sibling (w);
            if (next == NULL)
              w = gtk_widget_get_parent (w);
          }
        w = next;
      }
    g_assert_true (GTK_IS_BUTTON (w));
    g_signal_emit_by_name (w, "clicked");
  }
  g_assert_cmpuint (n_rows (people), ==, 1);
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 2);

  /* Following a person shows them on the Contacts page. */
  g_signal_emit_by_name (people, "row-activated", gtk_list_box_get_row_at_index (people, 0));
  contacts = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  shown = rapport_contacts_page_get_selected (contacts);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (contacts)));
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

  return n_listed (w->f) == w->expected;
}

static void
test_search_and_delete_undo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportClipping) a = rapport_clipping_new ("Radio: bakers at dawn");
  g_autoptr(RapportClipping) b = rapport_clipping_new ("Magazine: architects");
  g_autoptr(RapportContact) named = NULL;
  CountWait w = { f, 1 };

  g_assert_true (rapport_store_add_clipping (f->ts.store, a, NULL));
  g_assert_true (rapport_store_add_clipping (f->ts.store, b, NULL));
  named = rapport_store_add_contact_from_clipping (f->ts.store, b, "Zaha Hadid", NULL);
  g_assert_cmpuint (n_listed (f), ==, 2);

  /* Search covers the people a clipping names. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "hadid");
  test_wait_until (list_has_count, &w);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "");
  w.expected = 2;
  test_wait_until (list_has_count, &w);

  rapport_clippings_page_select_clipping (f->page, rapport_record_get_id (RAPPORT_RECORD (b)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "clippings.delete", NULL));
  g_assert_cmpuint (n_listed (f), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (n_listed (f), ==, 2);
  {
    g_autoptr(RapportClipping) selected = rapport_clippings_page_get_selected (f->page);
    g_assert_true (selected == b);
  }
  /* The link to the person survived the round trip. */
  {
    g_autoptr(RapportContactList) people = rapport_contact_list_new (f->ts.store);
    rapport_contact_list_set_clipping (people, rapport_record_get_id (RAPPORT_RECORD (b)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  }
}

static gboolean
has_model (gpointer data)
{
  return gtk_list_view_get_model (data) != NULL;
}

/* A hidden list gets its model, and builds its rows, only when shown. */
static void
test_list_filled_when_shown (void)
{
  TestStore ts;
  g_autoptr(RapportClipping) clipping = rapport_clipping_new ("Radio: bakers at dawn");
  RapportWindow *window;
  GtkWidget *page;
  GtkListView *list;

  test_store_init (&ts);
  g_assert_true (rapport_store_add_clipping (ts.store, clipping, NULL));
  window = rapport_window_new (NULL, ts.store, NULL);
  page = rapport_window_get_page (RAPPORT_WINDOW (window), "clippings");
  list = GTK_LIST_VIEW (test_child (page, RAPPORT_TYPE_CLIPPINGS_PAGE, "list_view"));
  gtk_window_present (GTK_WINDOW (window));
  test_spin (50);

  /* The window opens on contacts: the clippings list has nothing yet. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_null (gtk_list_view_get_model (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "clippings"));
  test_wait_until (has_model, list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));

  test_assert_finalized (window, FALSE);
  g_clear_object (&clipping);
  test_store_clear (&ts);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/clippings-page/empty-state", test_empty_state);
  ADD ("/clippings-page/new-clipping-and-edit", test_new_clipping_and_edit);
  ADD ("/clippings-page/person-becomes-contact", test_person_becomes_contact);
  ADD ("/clippings-page/search-and-delete-undo", test_search_and_delete_undo);
#undef ADD
  g_test_add_func ("/clippings-page/list-filled-when-shown", test_list_filled_when_shown);

  return g_test_run ();
}
