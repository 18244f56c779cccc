/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-appointment-dialog.h"
#include "rapport-interview-view.h"
#include "rapport-interviews-page.h"
#include "rapport-preferences-window.h"
#include "rapport-view-util.h"
#include "rapport-window.h"
#include "test-widget-util.h"

/* Nonsense typed into every number, date and time field: each one says
 * what it takes next to the field, and nothing of it reaches the store or
 * the settings. */

typedef struct
{
  TestStore           ts;
  GtkWindow          *window;
  RapportContact     *ada;
} Fixture;

/* What a person can type or paste over a number: letters, an emptied
 * field, a minus, far too much, a date, a time, a decimal, other digits.
 * A numeric spin button never inserts letters, so typing them leaves it
 * empty, and a paste with any of them inserts nothing. */
static const char * const nonsense[] = {
  "abc", "", "-5", "99999", "31/02", "25:99", "3.5", "١٢", "DROP TABLE appointments;",
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);
  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->ts.store, f->ada, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->window);
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

/* Selects all and pastes @text over it. */
static void
paste_into (GtkWidget  *widget,
            const char *text)
{
  int position = 0;

  gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
}

/* As a keyboard does: selects all, then types each character in turn.
 * "3.5" typed into a whole-number field reads 35, as the point is never
 * inserted, so that one is only pasted. */
static void
type_into (GtkWidget  *widget,
           const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (widget);

  gtk_editable_delete_text (editable, 0, -1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (editable);

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (editable, position);
    }
}

/* Puts @text into @widget the @how-th way: 0 pastes, 1 types. */
static gboolean
enter_into (GtkWidget  *widget,
            const char *text,
            guint       how)
{
  if (how == 0)
    paste_into (widget, text);
  else if (strchr (text, '.') == NULL)
    type_into (widget, text);
  else
    return FALSE;
  return TRUE;
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

static char *
count_appointments (Fixture *f)
{
  return test_read_back (f->ts.path, "SELECT count(*) FROM appointments WHERE id > ?", 0);
}

static void
assert_field_refused (GtkWidget  *row,
                      const char *message)
{
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, message);
}

static void
test_appointment_numbers (Fixture       *f,
                          gconstpointer  data)
{
  struct { const char *spin, *row, *message; } fields[] = {
    { "hour_spin", "time_row", "Enter a whole number from 0 to 23" },
    { "minute_spin", "time_row", "Enter a whole number from 0 to 59" },
    { "duration_spin", "duration_row", "Enter a whole number from 5 to 480" },
  };
  gint64 start = local (2026, 12, 3, 15, 0);
  RapportAppointmentDialog *dialog;

  dialog = rapport_appointment_dialog_new (f->window, f->ts.store, RAPPORT_APPOINTMENT_INTERVIEW,
                                           rapport_record_get_id (RAPPORT_RECORD (f->ada)), start);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    for (guint j = 0; j < G_N_ELEMENTS (nonsense) * 2; j++)
      {
        g_autofree char *count = NULL;
        GtkWidget *spin = dialog_child (dialog, fields[i].spin);
        GtkWidget *row = dialog_child (dialog, fields[i].row);

        if (!enter_into (spin, nonsense[j / 2], j % 2))
          continue;
        assert_field_refused (row, fields[i].message);
        g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
        g_assert_false (rapport_appointment_dialog_save (dialog));
        count = count_appointments (f);
        g_assert_cmpstr (count, ==, "0");

        /* Leaving the field puts its last good value back, not 0 or a clamp. */
        gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
        g_assert_false (gtk_widget_has_css_class (row, "error"));
        g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==,
                         i == 0 ? 15 : i == 1 ? 0 : 30);
        g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
      }

  test_assert_finalized (dialog, FALSE);
}

/* Ctrl+S while a good number is still being typed saves that number. */
static void
test_appointment_saves_what_was_typed (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                             rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  RapportAppointmentDialog *dialog;

  rapport_appointment_set_start (a, local (2026, 12, 3, 15, 0));
  rapport_appointment_set_duration (a, 30);
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, a, NULL));

  dialog = rapport_appointment_dialog_new_for_edit (f->window, f->ts.store, a);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Nonsense in an existing appointment changes nothing in the database. */
  type_into (dialog_child (dialog, "duration_spin"), "");
  g_assert_false (rapport_appointment_dialog_save (dialog));
  stored = test_read_back (f->ts.path, "SELECT duration FROM appointments WHERE id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (a)));
  g_assert_cmpstr (stored, ==, "30");
  g_clear_pointer (&stored, g_free);

  type_into (dialog_child (dialog, "duration_spin"), "45");
  type_into (dialog_child (dialog, "hour_spin"), "9");
  g_assert_true (rapport_appointment_dialog_save (dialog));
  stored = test_read_back (f->ts.path, "SELECT duration || ' ' || start FROM appointments WHERE id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (a)));
  expected = g_strdup_printf ("45 %" G_GINT64_FORMAT, local (2026, 12, 3, 9, 0));
  g_assert_cmpstr (stored, ==, expected);
}

static void
test_appointment_time_zone (Fixture       *f,
                            gconstpointer  data)
{
  const char *zones[] = { "abc", "25:99", "+99:99", "Europe/Nowhere", "../../etc/passwd", "'; DROP TABLE appointments; --" };
  RapportAppointmentDialog *dialog;
  GtkWidget *row, *message;

  dialog = rapport_appointment_dialog_new (f->window, f->ts.store, RAPPORT_APPOINTMENT_INTERVIEW,
                                           rapport_record_get_id (RAPPORT_RECORD (f->ada)), local (2026, 12, 3, 15, 0));
  gtk_window_present (GTK_WINDOW (dialog));
  row = dialog_child (dialog, "timezone_row");
  message = dialog_child (dialog, "timezone_error_label");
  g_assert_false (gtk_widget_get_visible (message));

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *count = NULL;

      paste_into (row, zones[i]);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==,
                       "Rapport doesn’t know this time zone. Use a name like America/New_York.");
      /* Right under the field, in its group. */
      g_assert_true (gtk_widget_get_ancestor (message, ADW_TYPE_PREFERENCES_GROUP) ==
                     gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
      g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
      g_assert_false (rapport_appointment_dialog_save (dialog));
      count = count_appointments (f);
      g_assert_cmpstr (count, ==, "0");
    }

  paste_into (row, "");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  test_assert_finalized (dialog, FALSE);
}

static void
test_appointment_far_off_date (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int years[] = { -200, -11, 11, 975 };
  g_autofree char *next_year = NULL;
  RapportAppointmentDialog *dialog;
  GtkWidget *row;

  dialog = rapport_appointment_dialog_new (f->window, f->ts.store, RAPPORT_APPOINTMENT_INTERVIEW,
                                           rapport_record_get_id (RAPPORT_RECORD (f->ada)), local (2026, 12, 3, 15, 0));
  gtk_window_present (GTK_WINDOW (dialog));
  row = dialog_child (dialog, "date_row");

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_years (now, years[i]);
      g_autofree char *count = NULL;

      gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), day);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                       " is more than ten years from today. Choose a nearer date."));
      g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
      g_assert_false (rapport_appointment_dialog_save (dialog));
      count = count_appointments (f);
      g_assert_cmpstr (count, ==, "0");
    }

  gtk_calendar_select_day (GTK_CALENDAR (dialog_child (dialog, "calendar")), now);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));

  /* The calendar's year arrow, eleven times: GTK 4.8 then changes only the year. */
  g_object_set (dialog_child (dialog, "calendar"), "year", g_date_time_get_year (now) + 11, NULL);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  g_object_set (dialog_child (dialog, "calendar"), "year", g_date_time_get_year (now) + 1, NULL);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  next_year = g_strdup_printf (" %d", g_date_time_get_year (now) + 1);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), next_year));
  test_assert_finalized (dialog, FALSE);
}

static void
test_preferences_numbers (Fixture       *f,
                          gconstpointer  data)
{
  struct { const char *spin, *row, *key, *message; } fields[] = {
    { "nudge_spin", "nudge_row", "thank-you-nudge-after", "Enter a whole number from 0 to 1440" },
    { "soon_spin", "soon_row", "thank-you-soon-before", "Enter a whole number from 0 to 1440" },
    { "snooze_spin", "snooze_row", "snooze-minutes", "Enter a whole number from 5 to 1440" },
    { "duration_spin", "duration_row", "default-duration", "Enter a whole number from 5 to 480" },
  };
  g_autoptr(GSettings) settings = rapport_view_dup_settings ();
  RapportPreferencesWindow *prefs;

  g_assert_nonnull (settings);
  prefs = rapport_preferences_window_new (f->window, settings);
  gtk_window_present (GTK_WINDOW (prefs));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *spin = test_child (prefs, RAPPORT_TYPE_PREFERENCES_WINDOW, fields[i].spin);
      GtkWidget *row = test_child (prefs, RAPPORT_TYPE_PREFERENCES_WINDOW, fields[i].row);
      g_autofree char *subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      int before = g_settings_get_int (settings, fields[i].key);

      for (guint j = 0; j < G_N_ELEMENTS (nonsense) * 2; j++)
        {
          if (!enter_into (spin, nonsense[j / 2], j % 2))
            continue;
          assert_field_refused (row, fields[i].message);
          gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
          g_assert_cmpint (g_settings_get_int (settings, fields[i].key), ==, before);
          g_assert_false (gtk_widget_has_css_class (row, "error"));
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
        }

      type_into (spin, "20");
      gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
      g_assert_cmpint (g_settings_get_int (settings, fields[i].key), ==, 20);
      g_settings_reset (settings, fields[i].key);
    }

  test_assert_finalized (prefs, FALSE);
}

static void
test_action_item_due (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportAppointment) meeting = NULL;
  RapportWindow *window;
  RapportInterviewView *view;
  RapportInterview *interview;
  GtkWidget *spin, *row;

  meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  rapport_appointment_set_start (meeting, g_get_real_time () / G_USEC_PER_SEC - 3600);
  rapport_appointment_set_status (meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, NULL));

  window = rapport_window_new (NULL, f->ts.store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-interview", "x",
                                             rapport_record_get_id (RAPPORT_RECORD (meeting))));
  view = RAPPORT_INTERVIEW_VIEW (test_child (rapport_window_get_page (window, "interviews"),
                                             RAPPORT_TYPE_INTERVIEWS_PAGE, "view"));
  interview = rapport_interview_view_get_interview (view);
  g_assert_nonnull (interview);
  spin = test_child (view, RAPPORT_TYPE_INTERVIEW_VIEW, "action_due_spin");
  row = test_child (view, RAPPORT_TYPE_INTERVIEW_VIEW, "action_due_row");

  gtk_editable_set_text (GTK_EDITABLE (test_child (view, RAPPORT_TYPE_INTERVIEW_VIEW, "action_text_row")),
                         "Send my résumé");
  for (guint j = 0; j < G_N_ELEMENTS (nonsense) * 2; j++)
    {
      g_autofree char *count = NULL;

      if (!enter_into (spin, nonsense[j / 2], j % 2))
        continue;
      assert_field_refused (row, "Enter a whole number from 0 to 365");
      gtk_widget_activate_action (GTK_WIDGET (view), "interview.add-action", NULL);
      count = test_read_back (f->ts.path, "SELECT count(*) FROM action_items WHERE interview_id = ?",
                              rapport_record_get_id (RAPPORT_RECORD (interview)));
      g_assert_cmpstr (count, ==, "0");
    }

  type_into (spin, "14");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "interview.add-action", NULL));
  {
    g_autofree char *due = test_read_back (f->ts.path, "SELECT (due - created + 43200) / 86400 FROM action_items WHERE interview_id = ?",
                                           rapport_record_get_id (RAPPORT_RECORD (interview)));
    g_assert_cmpstr (due, ==, "14");
  }

  test_assert_finalized (window, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fields/appointment-numbers", test_appointment_numbers);
  ADD ("/fields/appointment-saves-what-was-typed", test_appointment_saves_what_was_typed);
  ADD ("/fields/appointment-time-zone", test_appointment_time_zone);
  ADD ("/fields/appointment-far-off-date", test_appointment_far_off_date);
  ADD ("/fields/preferences-numbers", test_preferences_numbers);
  ADD ("/fields/action-item-due", test_action_item_due);
#undef ADD

  return g_test_run ();
}
