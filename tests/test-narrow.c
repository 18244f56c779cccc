/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a narrow screen (half a small laptop, a phone): every page,
 * its folded detail and the interview view must fit in 360 px, the window's
 * width-request, or GTK draws the window wider than the screen and the
 * header bar's buttons and the view switcher's last tab are cut off. */
#include "config.h"

#include <adwaita.h>

#include "rapport-clippings-page.h"
#include "rapport-contacts-page.h"
#include "rapport-interviews-page.h"
#include "rapport-window.h"
#include "test-widget-util.h"

#define NARROW 360

typedef struct
{
  TestStore       ts;
  RapportWindow  *window;
  gint64          contact_id;
  gint64          appointment_id;
  gint64          clipping_id;
} Fixture;

static gint64
add_contact (Fixture      *f,
             const char   *name,
             const char   *title,
             const char   *organization,
             RapportStage  stage)
{
  g_autoptr(RapportContact) contact = rapport_contact_new (name);

  rapport_contact_set_job_title (contact, title);
  rapport_contact_set_organization (contact, organization);
  rapport_contact_set_email (contact, "maximiliana.rodriguez-villanueva@consolidated-messenger.example.com");
  rapport_contact_set_stage (contact, stage);
  rapport_contact_set_notes (contact, "Prefers e-mail to phone calls, and answers in the evening.");
  g_assert_true (rapport_store_add_contact (f->ts.store, contact, NULL));
  return rapport_record_get_id (RAPPORT_RECORD (contact));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportClipping) clipping = NULL;

  /* Long words and every stage, so each badge and label is as wide as
   * real data makes it. */
  test_store_init (&f->ts);
  f->contact_id = add_contact (f, "Maximiliana Rodríguez-Villanueva", "Senior User Experience Researcher",
                               "Consolidated Messenger International", RAPPORT_STAGE_SCHEDULED);
  for (int stage = 0; stage < RAPPORT_N_STAGES; stage++)
    add_contact (f, "Bartholomew Featherstonehaugh", "Principal Sustainability Consultant",
                 "Riverside School District", stage);

  meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, f->contact_id);
  rapport_appointment_set_start (meeting, g_get_real_time () / G_USEC_PER_SEC + 3600);
  rapport_appointment_set_place (meeting, "Consolidated Messenger headquarters, fourth floor meeting room");
  rapport_appointment_set_status (meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, NULL));
  f->appointment_id = rapport_record_get_id (RAPPORT_RECORD (meeting));

  clipping = rapport_clipping_new ("Consolidated Messenger opens an international research laboratory");
  rapport_clipping_set_url (clipping, "https://news.example.com/2026/11/consolidated-messenger-research-laboratory");
  g_assert_true (rapport_store_add_clipping (f->ts.store, clipping, NULL));
  f->clipping_id = rapport_record_get_id (RAPPORT_RECORD (clipping));

  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), NARROW, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  test_wait_until (test_is_drawn, f->window);
  test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Names the deepest visible widgets wider than @limit, so a failure says
 * which label or box to fix rather than only that something is too wide. */
static void
report_too_wide (GtkWidget *widget,
                 int        limit,
                 GString   *report,
                 int        depth)
{
  gboolean child_too_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && min_width (child) > limit)
      {
        child_too_wide = TRUE;
        report_too_wide (child, limit, report, depth + 1);
      }

  if (!child_too_wide)
    {
      g_string_append (report, "\n ");
      for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
        if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) != NULL || w == widget)
          g_string_append_printf (report, " < %s#%s", G_OBJECT_TYPE_NAME (w),
                                  gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)));
      g_string_append_printf (report, " (min %d):", min_width (widget));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          g_string_append_printf (report, " %s#%s %d %s;", G_OBJECT_TYPE_NAME (child),
                                  gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), min_width (child),
                                  GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) :
                                  GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) ? gtk_button_get_label (GTK_BUTTON (child)) : "");
    }
}

static void
assert_fits (Fixture    *f,
             GtkWidget  *page,
             const char *where)
{
  int window_min, page_min;

  test_spin (100);
  window_min = min_width (GTK_WIDGET (f->window));
  page_min = min_width (page);
  if (window_min > NARROW || page_min > NARROW)
    {
      g_autoptr(GString) report = g_string_new (NULL);

      report_too_wide (GTK_WIDGET (f->window), NARROW, report, 0);
      g_test_message ("%s: window %d px, page %d px; too wide:%s", where, window_min, page_min, report->str);
    }
  g_assert_cmpint (page_min, <=, NARROW);
  g_assert_cmpint (window_min, <=, NARROW);
}

static GtkWidget *
show_page (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", name));
  return rapport_window_get_page (f->window, name);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = show_page (f, "contacts");
  GtkWidget *detail_stack = test_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "detail_stack");
  int before;

  assert_fits (f, page, "contacts");
  /* The detail pane is made when a contact is first shown. The leaflet
   * must fold at the same width before it exists as with an empty one, or
   * the first contact shown at a mid width folds the page away. */
  before = min_width (detail_stack);
  g_assert_cmpint (before, ==, min_width (GTK_WIDGET (rapport_contacts_page_get_detail (RAPPORT_CONTACTS_PAGE (page)))));
  g_assert_true (rapport_contacts_page_select_contact (RAPPORT_CONTACTS_PAGE (page), f->contact_id));
  assert_fits (f, page, "contact detail");
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  assert_fits (f, show_page (f, "calendar"), "calendar");
}

static void
test_interviews (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = show_page (f, "interviews");

  assert_fits (f, page, "interviews");
  g_assert_true (rapport_interviews_page_select_appointment (RAPPORT_INTERVIEWS_PAGE (page), f->appointment_id));
  assert_fits (f, page, "interview view");
}

static void
test_evaluations (Fixture       *f,
                  gconstpointer  data)
{
  assert_fits (f, show_page (f, "evaluations"), "evaluations");
}

static void
test_clippings (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = show_page (f, "clippings");

  assert_fits (f, page, "clippings");
  g_assert_true (rapport_clippings_page_select_clipping (RAPPORT_CLIPPINGS_PAGE (page), f->clipping_id));
  assert_fits (f, page, "clipping detail");
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/narrow/contacts", test_contacts);
  ADD ("/narrow/calendar", test_calendar);
  ADD ("/narrow/interviews", test_interviews);
  ADD ("/narrow/evaluations", test_evaluations);
  ADD ("/narrow/clippings", test_clippings);

  return g_test_run ();
}
