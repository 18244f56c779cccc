/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-bar-chart.h"
#include "rapport-contacts-page.h"
#include "rapport-evaluations-overview.h"
#include "rapport-evaluations-page.h"
#include "rapport-referral-map.h"
#include "rapport-window.h"
#include "test-widget-util.h"

/* The pictures of the Evaluations page: the numbers they draw and say are
 * the store's, they follow light and dark, and the referral map is made
 * of people one can reach and open. */

typedef struct
{
  TestStore               ts;
  RapportWindow          *window;
  RapportEvaluationsPage *page;
  gint64                  ids[6];  /* Ada, Grace, Alan, Bob, Carol, Dan */
} Fixture;

enum { ADA, GRACE, ALAN, BOB, CAROL, DAN };

static gint64
add_person (Fixture       *f,
            const char    *name,
            const char    *field,
            RapportSource  source,
            gint64         referred_by,
            int            enjoy_role)
{
  g_autoptr(RapportContact) c = rapport_contact_new (name);
  g_autoptr(RapportAppointment) a = NULL;
  g_autoptr(RapportInterview) i = NULL;

  rapport_contact_set_field (c, field);
  rapport_contact_set_organization (c, "Engines");
  rapport_contact_set_source (c, source);
  rapport_contact_set_referred_by (c, referred_by);
  g_assert_true (rapport_store_add_contact (f->ts.store, c, NULL));

  /* Everyone with a rating had an interview. */
  if (enjoy_role >= 0)
    {
      a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (c)));
      rapport_appointment_set_start (a, 1796306400);
      rapport_appointment_set_status (a, RAPPORT_STATUS_HELD);
      g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));
      i = rapport_store_get_interview (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (a)), NULL);
      if (enjoy_role > 0)
        g_assert_true (rapport_store_set_answer (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (i)),
                                                 RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_YES, "", enjoy_role, NULL));
    }

  return rapport_record_get_id (RAPPORT_RECORD (c));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);

  /* Two chains, Ada → Grace → Alan and Bob → Carol; Dan is in none. */
  f->ids[ADA] = add_person (f, "Ada", "Computing", RAPPORT_SOURCE_LINKEDIN, 0, 5);
  f->ids[GRACE] = add_person (f, "Grace", "Computing", RAPPORT_SOURCE_REFERRAL, f->ids[ADA], 3);
  f->ids[ALAN] = add_person (f, "Alan", "Nursing", RAPPORT_SOURCE_REFERRAL, f->ids[GRACE], 0);
  f->ids[BOB] = add_person (f, "Bob", "Law", RAPPORT_SOURCE_LINKEDIN, 0, -1);
  f->ids[CAROL] = add_person (f, "Carol", "Law", RAPPORT_SOURCE_REFERRAL, f->ids[BOB], -1);
  f->ids[DAN] = add_person (f, "Dan", "Law", RAPPORT_SOURCE_ALUMNI, 0, -1);
  g_assert_true (rapport_store_flush (f->ts.store, NULL));

  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "evaluations"));
  f->page = RAPPORT_EVALUATIONS_PAGE (rapport_window_get_page (f->window, "evaluations"));
  /* The page reads the store when it is shown. */
  rapport_evaluations_page_get_comparison (f->page, RAPPORT_COMPARE_FIELD);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
}

static RapportEvaluationsOverview *
overview (Fixture *f)
{
  return RAPPORT_EVALUATIONS_OVERVIEW (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "overview"));
}

static void
assert_description (gpointer    widget,
                    const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               expected);

  if (error != NULL)
    g_error ("%s", error);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  RapportBarChart *chart = rapport_evaluations_overview_get_fields (overview (f));

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));
  /* Most interviews first; Computing's enjoyment is the mean of 5 and 3. */
  g_assert_cmpuint (rapport_bar_chart_get_n_rows (chart), ==, 2);
  assert_description (chart, "Computing: 2 interviews, enjoyment 4.0 of 5; Nursing: 1 interview, enjoyment not rated");

  /* A new rating shows at once. */
  {
    g_autoptr(GArray) held = NULL;
    RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
    g_autoptr(RapportInterview) interview = NULL;

    query.contact_id = f->ids[ALAN];
    held = rapport_store_query_appointments (f->ts.store, &query, NULL);
    g_assert_cmpuint (held->len, ==, 1);
    interview = rapport_store_get_interview (f->ts.store, g_array_index (held, gint64, 0), NULL);
    g_assert_true (rapport_store_set_answer (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)),
                                             RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_PARTLY, "", 2, NULL));
    rapport_evaluations_page_get_comparison (f->page, RAPPORT_COMPARE_FIELD);
    assert_description (chart, "Computing: 2 interviews, enjoyment 4.0 of 5; Nursing: 1 interview, enjoyment 2.0 of 5");
  }
}

static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  RapportBarChart *chart = rapport_evaluations_overview_get_sources (overview (f));
  g_autoptr(GPtrArray) rows = rapport_store_compare (f->ts.store, RAPPORT_COMPARE_SOURCE, NULL);
  const char *description = rapport_bar_chart_get_description (chart);
  g_auto(GStrv) parts = g_strsplit (description, "; ", -1);
  guint shown = 0;

  /* Each source with a name in it, with the store's numbers. */
  for (guint i = 0; i < rows->len; i++)
    {
      const RapportComparison *row = g_ptr_array_index (rows, i);
      g_autofree char *expected = NULL;

      if (row->contacts == 0 && row->requested == 0 && row->met == 0)
        continue;
      expected = g_strdup_printf ("%s: %u %s, %u asked, %u met", row->name, row->contacts,
                                  row->contacts == 1 ? "contact" : "contacts", row->requested, row->met);
      g_assert_true (g_strv_contains ((const char * const *)parts, expected));
      shown++;
    }
  g_assert_cmpuint (shown, ==, 3);
  g_assert_cmpuint (g_strv_length (parts), ==, shown);
  g_assert_cmpuint (rapport_bar_chart_get_n_rows (chart), ==, shown);
  /* Most contacts first: Ada, Bob; then Grace, Alan and Carol were referred. */
  g_assert_true (g_str_has_prefix (description, "Referral: 3 contacts, 2 asked, 2 met; LinkedIn: 2 contacts, 1 asked, 1 met"));
  assert_description (chart, description);
}

static gboolean
shows_carol (gpointer data)
{
  Fixture *f = data;
  RapportContactsPage *contacts = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  g_autoptr(RapportContact) selected = rapport_contacts_page_get_selected (contacts);

  return selected != NULL && rapport_record_get_id (RAPPORT_RECORD (selected)) == f->ids[CAROL];
}

static void
test_referral_map (Fixture       *f,
                   gconstpointer  data)
{
  RapportReferralMap *map = RAPPORT_REFERRAL_MAP (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "referral_map"));
  const guint order[] = { ADA, GRACE, ALAN, BOB, CAROL };
  const char *names[] = { "Ada", "Grace", "Alan", "Bob", "Carol" };
  const char *descriptions[] = { "Referred 1 person", "Referred by Ada; referred 1 person", "Referred by Grace",
                                 "Referred 1 person", "Referred by Bob" };
  RapportContactsPage *contacts;
  g_autoptr(RapportContact) selected = NULL;
  GtkWidget *carol;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "stack")),
                                         "referrals");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE,
                                                                            "referrals_stack"))), ==, "map");

  /* One focusable, named person per member of a chain, first names first
   * and each under who referred them; Dan is in no chain. */
  g_assert_cmpuint (rapport_referral_map_get_n_people (map), ==, G_N_ELEMENTS (order));
  g_assert_cmpuint (rapport_referral_map_get_n_hidden (map), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *person = rapport_referral_map_get_person (map, i);
      g_autofree char *error = NULL;
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (person));

      g_assert_true (gtk_widget_get_parent (person) == GTK_WIDGET (map));
      g_assert_true (gtk_widget_get_focusable (person));
      g_assert_true (gtk_widget_get_visible (person));
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (person), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
      g_assert_null (error);
      assert_description (person, descriptions[i]);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (person)), ==, "win.show-contact");
      g_assert_cmpint (g_variant_get_int64 (target), ==, f->ids[order[i]]);
    }
  assert_description (map, "5 people in referral chains");

  /* Tab reaches the people in order. */
  test_spin (50);
  g_assert_true (gtk_widget_grab_focus (rapport_referral_map_get_person (map, 0)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (map), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (rapport_referral_map_get_person (map, 1)));

  /* Activating a person opens the contact. */
  carol = rapport_referral_map_get_person (map, 4);
  contacts = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  g_assert_true (gtk_widget_activate (carol));
  /* The contact list may still be loading its rows. */
  test_wait_until (shows_carol, f);
  selected = rapport_contacts_page_get_selected (contacts);
  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (selected)), ==, f->ids[CAROL]);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (contacts)));
}

static void
test_no_referrals (Fixture       *f,
                   gconstpointer  data)
{
  RapportReferralMap *map = RAPPORT_REFERRAL_MAP (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "referral_map"));
  g_autoptr(RapportContact) carol = rapport_store_get_contact (f->ts.store, f->ids[CAROL]);
  g_autoptr(RapportContact) grace = rapport_store_get_contact (f->ts.store, f->ids[GRACE]);
  g_autoptr(RapportContact) alan = rapport_store_get_contact (f->ts.store, f->ids[ALAN]);

  /* Deleted people leave the chains; with no chain left, the page says
   * how to start one. */
  g_assert_true (rapport_store_delete_contact (f->ts.store, carol, NULL));
  rapport_evaluations_page_get_comparison (f->page, RAPPORT_COMPARE_FIELD);
  g_assert_cmpuint (rapport_referral_map_get_n_people (map), ==, 3);

  g_assert_true (rapport_store_delete_contact (f->ts.store, grace, NULL));
  g_assert_true (rapport_store_delete_contact (f->ts.store, alan, NULL));
  rapport_evaluations_page_get_comparison (f->page, RAPPORT_COMPARE_FIELD);
  g_assert_cmpuint (rapport_referral_map_get_n_people (map), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE,
                                                                            "referrals_stack"))), ==, "empty");
  assert_description (map, "No referrals yet");
}

static double
render_text_lightness (GtkWidget *chart)
{
  g_autoptr(GskRenderNode) node = test_render_widget (chart);
  GskRenderNode *text = test_find_render_node (node, GSK_TEXT_NODE);
  const GdkRGBA *color;

  g_assert_nonnull (text);
  color = gsk_text_node_get_color (text);
  return (color->red + color->green + color->blue) / 3;
}

static void
test_light_and_dark (Fixture       *f,
                     gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *fields = GTK_WIDGET (rapport_evaluations_overview_get_fields (overview (f)));
  GtkWidget *sources = GTK_WIDGET (rapport_evaluations_overview_get_sources (overview (f)));
  RapportReferralMap *map = RAPPORT_REFERRAL_MAP (test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "referral_map"));
  GtkWidget *stack = test_child (f->page, RAPPORT_TYPE_EVALUATIONS_PAGE, "stack");
  double light, dark;

  /* Drawn on screen in both, without a warning (they are fatal here). */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "overview");
  test_wait_until (test_is_drawn, fields);
  test_spin (50);
  light = render_text_lightness (fields);
  render_text_lightness (sources);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  test_spin (50);
  dark = render_text_lightness (fields);
  render_text_lightness (sources);

  /* The words follow the style: dark on light, light on dark. */
  g_assert_cmpfloat (light, <, 0.5);
  g_assert_cmpfloat (dark, >, 0.5);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "referrals");
  test_wait_until (test_is_drawn, map);
  test_spin (50);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_spin (50);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* What a screen reader would hear, kept in memory: the "test" backend,
   * which needs no accessibility bus either. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/charts/fields", test_fields);
  ADD ("/charts/funnel", test_funnel);
  ADD ("/charts/referral-map", test_referral_map);
  ADD ("/charts/no-referrals", test_no_referrals);
  ADD ("/charts/light-and-dark", test_light_and_dark);
#undef ADD

  return g_test_run ();
}
