/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rapport-appointment-dialog.h"
#include "rapport-calendar-page.h"
#include "rapport-contact-detail.h"
#include "rapport-contacts-page.h"
#include "rapport-new-contact-dialog.h"
#include "rapport-request-dialog.h"
#include "rapport-contact-list.h"
#include "rapport-window.h"
#include "test-widget-util.h"

typedef struct
{
  TestStore            ts;
  RapportWindow       *window;
  RapportCalendarPage *page;
  RapportContact      *ada;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);
  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->ts.store, f->ada, NULL));
  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  f->page = RAPPORT_CALENDAR_PAGE (rapport_window_get_page (RAPPORT_WINDOW (f->window), "calendar"));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "calendar"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  g_clear_object (&f->ada);
  test_store_clear (&f->ts);
}

static RapportAppointmentDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (RAPPORT_IS_APPOINTMENT_DIALOG (window))
        return RAPPORT_APPOINTMENT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog () != NULL;
}

static GtkWidget *
dialog_child (RapportAppointmentDialog *dialog,
              const char               *name)
{
  return test_child (dialog, RAPPORT_TYPE_APPOINTMENT_DIALOG, name);
}

static gint64
local (int y, int m, int d, int h, int min)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, h, min, 0);
  return g_date_time_to_unix (dt);
}

static void
test_schedule_through_dialog (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 3, 0, 0, 0);
  RapportAppointmentDialog *dialog;
  g_autoptr(RapportAppointment) shown = NULL;
  GtkCalendar *month;

  rapport_calendar_page_select_day (f->page, day);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_calendar_page_get_day_list (f->page)), ==, 0);

  /* Ctrl+N on the calendar opens a new appointment on the chosen day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  test_wait_until (dialog_open, NULL);
  dialog = find_dialog ();

  /* An interview needs its person: Save stays off until one is chosen. */
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  g_signal_emit_by_name (dialog_child (dialog, "person_chooser"), "contact-chosen", f->ada);
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), 14);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "minute_spin")), 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "duration_spin")), 45);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "place_row")), "Café Central");
  g_assert_true (rapport_appointment_dialog_save (dialog));

  g_assert_cmpuint (g_list_model_get_n_items (rapport_calendar_page_get_day_list (f->page)), ==, 1);
  shown = g_list_model_get_item (rapport_calendar_page_get_day_list (f->page), 0);
  g_assert_cmpint (rapport_appointment_get_start (shown), ==, local (2026, 12, 3, 14, 30));
  g_assert_cmpint (rapport_appointment_get_duration (shown), ==, 45);
  g_assert_cmpint (rapport_appointment_get_status (shown), ==, RAPPORT_STATUS_CONFIRMED);
  g_assert_cmpstr (rapport_appointment_get_place (shown), ==, "Café Central");

  /* The contact follows: scheduled. The day is marked in the month. */
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_SCHEDULED);
  month = GTK_CALENDAR (test_child (f->page, RAPPORT_TYPE_CALENDAR_PAGE, "calendar"));
  g_assert_true (gtk_calendar_get_day_is_marked (month, 3));
  g_assert_false (gtk_calendar_get_day_is_marked (month, 4));
}

static void
test_reschedule_keeps_history (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                             rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 12, 10, 0, 0, 0);
  RapportAppointmentDialog *dialog;
  GtkLabel *history;

  rapport_appointment_set_start (a, local (2026, 12, 3, 14, 0));
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));

  dialog = rapport_appointment_dialog_new_for_edit (GTK_WINDOW (f->window), f->ts.store, a);
  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), later);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), 9);
  g_assert_true (rapport_appointment_dialog_save (dialog));
  g_assert_cmpint (rapport_appointment_get_start (a), ==, local (2026, 12, 10, 9, 0));

  /* Reopened, the old time is still there to see. */
  dialog = rapport_appointment_dialog_new_for_edit (GTK_WINDOW (f->window), f->ts.store, a);
  history = GTK_LABEL (dialog_child (dialog, "history_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (history), "Rescheduled from Thu 3 Dec"));
  test_assert_finalized (dialog, FALSE);

  /* The day view shows it on its new day. */
  rapport_calendar_page_select_day (f->page, later);
  g_assert_cmpuint (g_list_model_get_n_items (rapport_calendar_page_get_day_list (f->page)), ==, 1);
}

/* Delete in an appointment's window removes it (with Undo in a toast). */
static void
test_delete_from_dialog (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                            rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  GtkListView *day_view = GTK_LIST_VIEW (test_child (f->page, RAPPORT_TYPE_CALENDAR_PAGE, "day_view"));
  RapportAppointmentDialog *dialog;
  gint64 id;

  rapport_appointment_set_start (a, local (g_date_time_get_year (now), g_date_time_get_month (now),
                                           g_date_time_get_day_of_month (now), 23, 0));
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));
  id = rapport_record_get_id (RAPPORT_RECORD (a));
  rapport_calendar_page_select_day (f->page, now);
  test_spin (5);

  g_signal_emit_by_name (day_view, "activate", 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "existing_actions")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "appointment.delete", NULL));
  test_spin (5);
  g_assert_null (find_dialog ());
  {
    g_autoptr(RapportAppointment) gone = rapport_store_get_appointment (f->ts.store, id);
    g_assert_null (gone);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  {
    g_autoptr(RapportAppointment) back = rapport_store_get_appointment (f->ts.store, id);
    g_assert_nonnull (back);
  }
}

static void
test_overlap_pointed_out (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                             rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  RapportAppointmentDialog *dialog;
  GtkRevealer *warning;

  rapport_appointment_set_start (a, local (2026, 12, 3, 14, 0));
  rapport_appointment_set_duration (a, 60);
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));

  dialog = rapport_appointment_dialog_new (GTK_WINDOW (f->window), f->ts.store,
                                           RAPPORT_APPOINTMENT_COUNSELLOR, 0, local (2026, 12, 3, 14, 30));
  warning = GTK_REVEALER (dialog_child (dialog, "overlap_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (warning));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (dialog_child (dialog, "overlap_label"))),
                            "Informational interview with Ada Lovelace"));

  /* Moved to after it, the warning goes. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), 15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "minute_spin")), 0);
  g_assert_false (gtk_revealer_get_reveal_child (warning));

  /* An overlap is pointed out, not forbidden. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "hour_spin")), 14);
  g_assert_true (rapport_appointment_dialog_save (dialog));
}

static void
test_their_time_zone (Fixture       *f,
                      gconstpointer  data)
{
  RapportAppointmentDialog *dialog;
  GtkWidget *tz_row, *times;

  dialog = rapport_appointment_dialog_new (GTK_WINDOW (f->window), f->ts.store, RAPPORT_APPOINTMENT_INTERVIEW,
                                           rapport_record_get_id (RAPPORT_RECORD (f->ada)), local (2026, 12, 3, 15, 0));
  tz_row = dialog_child (dialog, "timezone_row");
  times = dialog_child (dialog, "times_label");

  gtk_editable_set_text (GTK_EDITABLE (tz_row), "Atlantis/Lost_City");
  g_assert_true (gtk_widget_has_css_class (tz_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));

  gtk_editable_set_text (GTK_EDITABLE (tz_row), "Asia/Tokyo");
  g_assert_false (gtk_widget_has_css_class (tz_row, "error"));
  g_assert_true (gtk_widget_get_visible (times));
  /* TZ is pinned to Europe/Berlin: 15:00 there is 23:00 in Tokyo. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (times)), ==, "15:00 your time is 23:00 their time (Asia/Tokyo).");
  test_assert_finalized (dialog, FALSE);
}

static void
test_upcoming_puts_unanswered_first (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(RapportAppointment) soon = rapport_appointment_new (RAPPORT_APPOINTMENT_COUNSELLOR, 0);
  g_autoptr(RapportAppointment) request = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                                   rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_autoptr(RapportAppointment) far = rapport_appointment_new (RAPPORT_APPOINTMENT_COUNSELLOR, 0);
  GListModel *upcoming = rapport_calendar_page_get_upcoming (f->page);
  g_autoptr(RapportAppointment) first = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  rapport_appointment_set_start (soon, now + 2 * 3600);
  rapport_appointment_set_status (soon, RAPPORT_STATUS_CONFIRMED);
  rapport_appointment_set_start (far, now + 30 * 24 * 3600);
  rapport_appointment_set_status (far, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, soon, NULL));
  g_assert_true (rapport_store_add_appointment (f->ts.store, far, NULL));
  g_assert_true (rapport_store_add_appointment (f->ts.store, request, NULL));

  /* Next 14 days and the open request; a month away is not upcoming. */
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 2);
  first = g_list_model_get_item (upcoming, 0);
  g_assert_true (first == soon);
}

static void
test_export_and_import (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                             rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_autofree char *path = g_build_filename (f->ts.dir, "out.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint skipped = 0;

  rapport_appointment_set_start (a, local (2026, 12, 3, 14, 0));
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));

  g_assert_true (rapport_calendar_page_export_to (f->page, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_nonnull (strstr (text, "SUMMARY:Informational interview with Ada Lovelace"));

  /* Importing the same file again adds nothing: the UIDs are known. */
  g_assert_cmpuint (rapport_calendar_page_import_from (f->page, text, length, &skipped, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 1);

  /* A broken file says why and adds nothing. */
  g_assert_cmpuint (rapport_calendar_page_import_from (f->page, "BEGIN:VCALENDAR\r\nGARBAGE", 24, &skipped, &error), ==, 0);
  g_assert_nonnull (error);
  g_unlink (path);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
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
test_request_then_schedule_from_contact (Fixture       *f,
                                         gconstpointer  data)
{
  RapportContactsPage *contacts = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  RapportContactDetail *detail = rapport_contacts_page_get_detail (RAPPORT_CONTACTS_PAGE (contacts));
  GtkListBox *timeline;
  RapportRequestDialog *request;
  RapportAppointmentDialog *dialog;
  g_autofree char *text = NULL;
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RapportAppointment) appointment = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contact", "x",
                                             rapport_record_get_id (RAPPORT_RECORD (f->ada))));
  timeline = GTK_LIST_BOX (test_child (detail, RAPPORT_TYPE_CONTACT_DETAIL, "timeline_list"));
  g_assert_cmpuint (n_rows (timeline), ==, 1);   /* added */

  /* Request Interview writes the request, then records it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "contact.request", NULL));
  request = find_toplevel (RAPPORT_TYPE_REQUEST_DIALOG);
  g_assert_nonnull (request);
  text = rapport_request_dialog_dup_text (request);
  g_assert_true (g_str_has_prefix (text, "Dear Ada Lovelace,"));
  g_assert_nonnull (strstr (text, "I am not asking about a job"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (request), "request.mark-requested", NULL));
  g_assert_null (find_toplevel (RAPPORT_TYPE_REQUEST_DIALOG));

  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_REQUESTED);
  g_assert_cmpuint (n_rows (timeline), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (timeline, 0))),
                   ==, "Asked for an interview");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (test_child (detail, RAPPORT_TYPE_CONTACT_DETAIL, "last_contacted_label"))),
                   ==, "Last contacted today");

  /* Schedule Interview gives that same request its time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "contact.schedule", NULL));
  dialog = find_toplevel (RAPPORT_TYPE_APPOINTMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dialog_child (dialog, "timed_switch"))));
  /* Export and Delete belong to the calendar, not to scheduling. */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "existing_actions")));
  g_assert_true (rapport_appointment_dialog_save (dialog));

  query.contact_id = rapport_record_get_id (RAPPORT_RECORD (f->ada));
  ids = rapport_store_query_appointments (f->ts.store, &query, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  appointment = rapport_store_get_appointment (f->ts.store, g_array_index (ids, gint64, 0));
  g_assert_cmpint (rapport_appointment_get_status (appointment), ==, RAPPORT_STATUS_CONFIRMED);
  g_assert_cmpint (rapport_appointment_get_start (appointment), >, 0);
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_cmpuint (n_rows (timeline), ==, 3);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (timeline, 0))),
                                   "Appointment set for"));
}

static void
test_declined_offers_referrals (Fixture       *f,
                                gconstpointer  data)
{
  RapportContactsPage *contacts = RAPPORT_CONTACTS_PAGE (test_child (f->window, RAPPORT_TYPE_WINDOW, "contacts_page"));
  RapportContactDetail *detail = rapport_contacts_page_get_detail (RAPPORT_CONTACTS_PAGE (contacts));
  GtkWidget *declined = test_child (detail, RAPPORT_TYPE_CONTACT_DETAIL, "declined_group");
  RapportNewContactDialog *add;
  g_autoptr(RapportContactList) referred = rapport_contact_list_new (f->ts.store);

  rapport_contacts_page_select_contact (contacts, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_assert_false (gtk_widget_get_visible (declined));
  rapport_contact_set_stage (f->ada, RAPPORT_STAGE_DECLINED);
  g_assert_true (gtk_widget_get_visible (declined));

  /* The names they suggested become referrals from them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "contact.add-referral", NULL));
  add = find_toplevel (RAPPORT_TYPE_NEW_CONTACT_DIALOG);
  g_assert_nonnull (add);
  gtk_editable_set_text (GTK_EDITABLE (test_child (add, RAPPORT_TYPE_NEW_CONTACT_DIALOG, "name_row")), "Charles Babbage");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (add), "new-contact.add", NULL));

  rapport_contact_list_set_referred_by (referred, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (referred)), ==, 1);
  {
    g_autoptr(RapportContact) charles = g_list_model_get_item (G_LIST_MODEL (referred), 0);
    g_assert_cmpint (rapport_contact_get_source (charles), ==, RAPPORT_SOURCE_REFERRAL);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* A zone with a daylight-saving change, so times are checked across one. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/calendar-page/schedule-through-dialog", test_schedule_through_dialog);
  ADD ("/calendar-page/reschedule-keeps-history", test_reschedule_keeps_history);
  ADD ("/calendar-page/overlap-pointed-out", test_overlap_pointed_out);
  ADD ("/calendar-page/delete-from-dialog", test_delete_from_dialog);
  ADD ("/calendar-page/their-time-zone", test_their_time_zone);
  ADD ("/calendar-page/upcoming-puts-unanswered-first", test_upcoming_puts_unanswered_first);
  ADD ("/calendar-page/export-and-import", test_export_and_import);
  ADD ("/contact-detail/request-then-schedule", test_request_then_schedule_from_contact);
  ADD ("/contact-detail/declined-offers-referrals", test_declined_offers_referrals);
#undef ADD

  return g_test_run ();
}
