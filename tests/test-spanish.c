/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window in Spanish: the catalogue built from po/es.po in the build
 * tree (meson writes it to <build>/po/es/LC_MESSAGES/rapport.mo), a real
 * es_ES.UTF-8 locale, and what the widgets then show. */
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-contacts-page.h"
#include "rapport-view-util.h"
#include "rapport-window.h"
#include "test-widget-util.h"

#define SPANISH "es_ES.UTF-8"

static char *locale_set;
static char *locale_dir;

typedef struct
{
  TestStore      ts;
  RapportWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Without the locale every other case would only show English: fail
   * here with the reason rather than with a puzzling string comparison. */
  if (locale_set == NULL)
    g_error ("The %s locale is missing: install Debian's locales package and run "
             "locale-gen with es_ES.UTF-8 enabled in /etc/locale.gen", SPANISH);

  test_store_init (&f->ts);
  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  test_wait_until (test_is_drawn, f->window);
  test_spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
}

/* Every mapped label under @widget, so a test sees what a person sees. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_locale (void)
{
  g_autofree char *mo = g_build_filename (locale_dir, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_nonnull (locale_set);
  g_assert_true (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "es_ES"));
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: build the project (ninja) before running the tests", mo);

  /* Straight from the catalogue, through the domain the app uses. */
  g_assert_cmpstr (_("Contacts"), ==, "Contactos");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "Imported %u appointment", "Imported %u appointments", 1),
                   ==, "Se importó %u cita");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "Imported %u appointment", "Imported %u appointments", 3),
                   ==, "Se importaron %u citas");
}

static void
test_view_switcher (Fixture       *f,
                    gconstpointer  data)
{
  const char *expected[] = { "Contactos", "Calendario", "Entrevistas", "Evaluaciones", "Recortes" };
  AdwViewStack *stack = ADW_VIEW_STACK (test_child (f->window, RAPPORT_TYPE_WINDOW, "view_stack"));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i]);
    }

  /* ... and the switcher in the header bar shows them. */
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Contactos"));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Calendario"));
  g_assert_false (shows_label (GTK_WIDGET (f->window), "Contacts"));
  g_assert_false (shows_label (GTK_WIDGET (f->window), "Calendar"));
}

static void
test_contacts_empty_state (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *page = test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page");
  GtkStack *list_stack = GTK_STACK (test_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "list_stack"));
  GtkWidget *empty = gtk_stack_get_child_by_name (list_stack, "empty");
  GtkDropDown *stages = GTK_DROP_DOWN (test_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "stage_dropdown"));
  GListModel *stage_labels = gtk_drop_down_get_model (stages);
  g_autoptr(GtkStringObject) any = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "Aún no hay contactos");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (empty)),
                                   "Empieza por las personas"));
  g_assert_true (shows_label (empty, "Aún no hay contactos"));
  /* The button's mnemonic label, as drawn (the underline marks the key). */
  g_assert_true (shows_label (empty, "Añadir contacto"));

  /* Labels made in code, not in the template, are translated too. */
  any = g_list_model_get_item (stage_labels, 0);
  g_assert_cmpstr (gtk_string_object_get_string (any), ==, "Todas las etapas");
}

static void
test_dates (void)
{
  /* Sunday 1 March 2026, 12:00 UTC; TZ is UTC for this test. */
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  g_autofree char *day = rapport_view_format_day (g_date_time_to_unix (t));

  g_assert_cmpstr (day, ==, "domingo, 1 de marzo de 2026");
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init() would force en_US.UTF-8, so this test sets up GTK
   * itself: the locale comes from the environment set here, before GTK
   * reads it. LANGUAGE would override LANG for messages, so it goes. */
  g_setenv ("LANG", SPANISH, TRUE);
  g_setenv ("LC_ALL", SPANISH, TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("TZ", "UTC", TRUE);
  locale_set = g_strdup (setlocale (LC_ALL, ""));

  /* The build tree's catalogues: <build>/po/<lang>/LC_MESSAGES/rapport.mo */
  locale_dir = g_strdup (g_getenv ("RAPPORT_TEST_LOCALEDIR"));
  if (locale_dir == NULL)
    locale_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/spanish/locale-and-catalogue", test_locale);
  g_test_add_func ("/spanish/dates", test_dates);
  g_test_add ("/spanish/view-switcher", Fixture, NULL, fixture_set_up, test_view_switcher, fixture_tear_down);
  g_test_add ("/spanish/contacts-empty-state", Fixture, NULL, fixture_set_up, test_contacts_empty_state, fixture_tear_down);

  return g_test_run ();
}
