/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-calendar-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-appointment-dialog.h"
#include "rapport-appointment-row.h"
#include "rapport-calendar-page.h"
#include "rapport-ical.h"
#include "rapport-view-util.h"

#define UPCOMING_DAYS 14

/* The month with its marked days, the chosen day's agenda, and what is
 * coming up: the next two weeks, with unanswered requests first. */
struct _RapportCalendarPage
{
  AdwBin        parent_instance;

  RapportStore *store;
  GListStore   *day_list;
  GListStore   *upcoming;
  AdwToast     *undo_toast;

  AdwLeaflet   *leaflet;
  GtkWidget    *sidebar;
  GtkWidget    *content;
  GtkCalendar  *calendar;
  GtkStack     *upcoming_stack;
  GtkListView  *upcoming_view;
  GtkLabel     *day_label;
  GtkStack     *day_stack;
  GtkListView  *day_view;
};

G_DEFINE_FINAL_TYPE (RapportCalendarPage, rapport_calendar_page, ADW_TYPE_BIN)

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GDateTime *
local_midnight (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

static void
fill (GListStore   *list,
      RapportStore *store,
      GArray       *ids)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      RapportAppointment *a = rapport_store_get_appointment (store, g_array_index (ids, gint64, i));
      if (a != NULL)
        g_ptr_array_add (items, a);
    }

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
}

static void
refresh_day (RapportCalendarPage *self)
{
  g_autoptr(GDateTime) day = rapport_calendar_page_dup_day (self);
  g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *title = rapport_view_format_day (g_date_time_to_unix (day));
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;

  gtk_label_set_label (self->day_label, title);

  if (self->store == NULL)
    return;

  query.from = g_date_time_to_unix (day);
  query.to = g_date_time_to_unix (next);
  ids = rapport_store_query_appointments (self->store, &query, NULL);
  fill (self->day_list, self->store, ids);

  gtk_stack_set_visible_child_name (self->day_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->day_list)) ? "list" : "empty");
}

static void on_calendar_day_selected (RapportCalendarPage *self);

/* Marks the days of the month in view that have an appointment. */
static void
refresh_marks (RapportCalendarPage *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GArray) ids = NULL;
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  int year, month;

  gtk_calendar_clear_marks (self->calendar);
  if (self->store == NULL)
    return;

  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  first = g_date_time_new_local (year, month + 1, 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);

  query.from = g_date_time_to_unix (first);
  query.to = g_date_time_to_unix (next);
  query.active_only = TRUE;
  ids = rapport_store_query_appointments (self->store, &query, NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportAppointment) a = rapport_store_get_appointment (self->store, g_array_index (ids, gint64, i));
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (a == NULL)
        continue;

      start = g_date_time_new_from_unix_local (MAX (rapport_appointment_get_start (a), query.from));
      /* the last second it takes up, so one ending at midnight marks one day */
      end = g_date_time_new_from_unix_local (MIN (rapport_appointment_get_end (a), query.to) - 1);
      for (int d = g_date_time_get_day_of_month (start); d <= g_date_time_get_day_of_month (end); d++)
        gtk_calendar_mark_day (self->calendar, d);
    }

  /* GTK 4.8 draws marks only when the shown date changes: step to another
   * day of the month and back, quietly. */
  {
    g_autoptr(GDateTime) selected = gtk_calendar_get_date (self->calendar);
    g_autoptr(GDateTime) other = g_date_time_add_days (selected, g_date_time_get_day_of_month (selected) > 1 ? -1 : 1);

    g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected, self);
    gtk_calendar_select_day (self->calendar, other);
    gtk_calendar_select_day (self->calendar, selected);
    g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected, self);
  }

  /* Screen readers hear which days are busy. */
  {
    g_autoptr(GString) days = g_string_new (NULL);

    for (guint d = 1; d <= 31; d++)
      if (gtk_calendar_get_day_is_marked (self->calendar, d))
        g_string_append_printf (days, days->len ? ", %u" : "%u", d);

    if (days->len)
      {
        /* Translators: %s lists days of the month, e.g. "3, 10, 24" */
        g_autofree char *text = g_strdup_printf (_("Days with appointments: %s"), days->str);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      }
    else
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("No appointments this month"), -1);
  }
}

static gint
upcoming_order (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  RapportAppointment *x = (gpointer)a, *y = (gpointer)b;
  gint64 now = *(gint64 *)data;
  gboolean x_overdue = rapport_appointment_get_status (x) == RAPPORT_STATUS_REQUESTED &&
                       now - rapport_record_get_created (RAPPORT_RECORD (x)) >= RAPPORT_REQUEST_FOLLOW_UP_AFTER;
  gboolean y_overdue = rapport_appointment_get_status (y) == RAPPORT_STATUS_REQUESTED &&
                       now - rapport_record_get_created (RAPPORT_RECORD (y)) >= RAPPORT_REQUEST_FOLLOW_UP_AFTER;
  gint64 xs = rapport_appointment_get_start (x), ys = rapport_appointment_get_start (y);

  gboolean x_thank = rapport_appointment_get_status (x) == RAPPORT_STATUS_HELD;
  gboolean y_thank = rapport_appointment_get_status (y) == RAPPORT_STATUS_HELD;

  /* Thank-you notes to write first, then requests that need a nudge, then
   * by time, requests without one last. */
  if (x_thank != y_thank)
    return x_thank ? -1 : 1;
  if (x_overdue != y_overdue)
    return x_overdue ? -1 : 1;
  if ((xs == 0) != (ys == 0))
    return xs == 0 ? 1 : -1;
  return xs < ys ? -1 : (xs > ys ? 1 : 0);
}

static void
refresh_upcoming (RapportCalendarPage *self)
{
  g_autoptr(GArray) soon = NULL;
  g_autoptr(GArray) requests = NULL;
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  gint64 now = now_utc ();

  if (self->store == NULL)
    return;

  query.from = now;
  query.to = now + UPCOMING_DAYS * 24 * 60 * 60;
  query.active_only = TRUE;
  soon = rapport_store_query_appointments (self->store, &query, NULL);

  query = (RapportAppointmentQuery) RAPPORT_APPOINTMENT_QUERY_INIT;
  query.status = RAPPORT_STATUS_REQUESTED;
  query.unscheduled = TRUE;
  requests = rapport_store_query_appointments (self->store, &query, NULL);
  if (soon && requests)
    g_array_append_vals (soon, requests->data, requests->len);

  /* Held interviews whose thank-you note is still to write. */
  query = (RapportAppointmentQuery) RAPPORT_APPOINTMENT_QUERY_INIT;
  query.status = RAPPORT_STATUS_HELD;
  query.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  query.from = now - 7 * 24 * 60 * 60;
  query.to = now;
  {
    g_autoptr(GArray) held = rapport_store_query_appointments (self->store, &query, NULL);

    for (guint i = 0; held && soon && i < held->len; i++)
      {
        gint64 id = g_array_index (held, gint64, i);
        gboolean listed = FALSE;

        for (guint j = 0; j < soon->len && !listed; j++)
          listed = g_array_index (soon, gint64, j) == id;
        if (!listed && rapport_store_get_thanked (self->store, id) == 0)
          g_array_append_val (soon, id);
      }
  }

  fill (self->upcoming, self->store, soon);
  g_list_store_sort (self->upcoming, upcoming_order, &now);

  gtk_stack_set_visible_child_name (self->upcoming_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)) ? "list" : "empty");
}

static void
refresh (RapportCalendarPage *self)
{
  refresh_day (self);
  refresh_marks (self);
  refresh_upcoming (self);
}

static void
on_calendar_day_selected (RapportCalendarPage *self)
{
  refresh_day (self);
  refresh_marks (self);
}

/* The arrows move the selected day to the next month too: follow it. */
static void
on_calendar_month_changed (RapportCalendarPage *self)
{
  refresh_day (self);
  refresh_marks (self);
}

static void
on_appointment_deleted_undone (RapportCalendarPage *self,
                               gint64               id)
{
  refresh (self);
}

static void
on_dialog_delete_requested (RapportCalendarPage *self,
                            RapportAppointment  *appointment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = rapport_store_dup_appointment_title (self->store, appointment);
  g_autofree char *text = NULL;

  if (!rapport_store_delete_appointment (self->store, appointment, &error))
    {
      rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  /* Translators: shown after deleting an appointment, %s is its title */
  text = g_strdup_printf (_("“%s” deleted"), title);
  g_set_weak_pointer (&self->undo_toast,
                      rapport_view_show_undo_toast (GTK_WIDGET (self), self->store, text,
                                                    rapport_record_get_id (RAPPORT_RECORD (appointment)),
                                                    rapport_store_undelete_appointment,
                                                    rapport_store_purge_appointment,
                                                    G_CALLBACK (on_appointment_deleted_undone), self));
}

static void export_appointments (RapportCalendarPage *self,
                                 RapportAppointment  *appointment);

static void
on_dialog_export_requested (RapportCalendarPage *self,
                            RapportAppointment  *appointment)
{
  export_appointments (self, appointment);
}

static void
on_dialog_saved (RapportCalendarPage *self,
                 RapportAppointment  *appointment)
{
  gint64 start = rapport_appointment_get_start (appointment);

  /* Show the day it landed on. */
  if (start > 0)
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (start);
      rapport_calendar_page_select_day (self, day);
    }
}

static void
open_dialog (RapportCalendarPage      *self,
             RapportAppointmentDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (on_dialog_delete_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "export-requested", G_CALLBACK (on_dialog_export_requested), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit (RapportCalendarPage *self,
      GListModel          *model,
      guint                position)
{
  g_autoptr(RapportAppointment) appointment = g_list_model_get_item (model, position);

  if (appointment != NULL)
    open_dialog (self, rapport_appointment_dialog_new_for_edit (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               self->store, appointment));
}

static void
on_day_view_activate (RapportCalendarPage *self,
                      guint                position)
{
  edit (self, G_LIST_MODEL (self->day_list), position);
}

static void
on_upcoming_view_activate (RapportCalendarPage *self,
                           guint                position)
{
  edit (self, G_LIST_MODEL (self->upcoming), position);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RapportCalendarPage *self = RAPPORT_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) day = rapport_calendar_page_dup_day (self);
  g_autoptr(GDateTime) ten = g_date_time_add_hours (day, 10);

  if (self->store == NULL)
    return;

  open_dialog (self, rapport_appointment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                                     RAPPORT_APPOINTMENT_INTERVIEW, 0, g_date_time_to_unix (ten)));
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  rapport_calendar_page_select_day (RAPPORT_CALENDAR_PAGE (widget), now);
  gtk_widget_grab_focus (GTK_WIDGET (RAPPORT_CALENDAR_PAGE (widget)->calendar));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportCalendarPage *self = RAPPORT_CALENDAR_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportCalendarPage *self = RAPPORT_CALENDAR_PAGE (widget);

  if (self->undo_toast != NULL)
    rapport_view_undo_toast_undo (self->undo_toast);
}

/* Export */

/**
 * rapport_calendar_page_export_to:
 * @appointment: (nullable): the one appointment to export, or %NULL for all
 *
 * Writes an iCalendar file that any calendar can open.
 */
gboolean
rapport_calendar_page_export_to (RapportCalendarPage  *self,
                                 GFile                *file,
                                 RapportAppointment   *appointment,
                                 GError              **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_CALENDAR_PAGE (self), FALSE);

  if (appointment != NULL)
    g_ptr_array_add (items, g_object_ref (appointment));
  else
    {
      RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
      g_autoptr(GArray) ids = rapport_store_query_appointments (self->store, &query, error);

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          RapportAppointment *a = rapport_store_get_appointment (self->store, g_array_index (ids, gint64, i));
          if (a != NULL)
            g_ptr_array_add (items, a);
        }
    }

  text = rapport_ical_export (self->store, items, error);
  if (text == NULL)
    return FALSE;

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
on_export_response (GtkNativeDialog     *chooser,
                    int                  response,
                    RapportCalendarPage *self)
{
  RapportAppointment *appointment = g_object_get_data (G_OBJECT (chooser), "appointment");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (!rapport_calendar_page_export_to (self, file, appointment, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Could not export: %s"), error->message);
          rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (text));
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
          rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (text));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

static void
export_appointments (RapportCalendarPage *self,
                     RapportAppointment  *appointment)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  chooser = gtk_file_chooser_native_new (appointment ? _("Export Appointment") : _("Export All Appointments"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     appointment ? _("appointment.ics") : _("appointments.ics"));
  if (appointment != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "appointment", g_object_ref (appointment), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  export_appointments (RAPPORT_CALENDAR_PAGE (widget), NULL);
}

/* Import */

/**
 * rapport_calendar_page_import_from:
 * @skipped: (out): how many events were already in the calendar
 *
 * Adds the events of an iCalendar file as appointments, all or none; events
 * whose UID is already known are skipped, so importing twice adds nothing.
 *
 * Returns: how many were added, or 0 with @error set
 */
guint
rapport_calendar_page_import_from (RapportCalendarPage  *self,
                                   const char           *data,
                                   gsize                 length,
                                   guint                *skipped,
                                   GError              **error)
{
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_return_val_if_fail (RAPPORT_IS_CALENDAR_PAGE (self), 0);

  *skipped = 0;
  parsed = rapport_ical_parse (data, length, error);
  if (parsed == NULL)
    return 0;

  for (guint i = 0; i < parsed->len; i++)
    {
      RapportAppointment *a = g_ptr_array_index (parsed, i);
      g_autoptr(RapportAppointment) known = rapport_store_find_appointment_by_uid (self->store, rapport_appointment_get_uid (a));

      if (known != NULL)
        (*skipped)++;
      else
        g_ptr_array_add (fresh, a);
    }

  if (fresh->len > 0 && !rapport_store_add_appointments (self->store, fresh, error))
    return 0;

  return fresh->len;
}

typedef struct
{
  RapportCalendarPage *self;
  char                *data;
  gsize                length;
  char                *name;
} ImportState;

static void
import_state_free (ImportState *state)
{
  g_free (state->data);
  g_free (state->name);
  g_free (state);
}

static void
on_import_confirmed (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportState      *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint added, skipped = 0;

  if (!g_str_equal (response, "import"))
    return;

  added = rapport_calendar_page_import_from (state->self, state->data, state->length, &skipped, &error);
  if (error != NULL)
    /* Translators: %s are a file name and the reason */
    text = g_strdup_printf (_("Nothing was imported from “%s”: %s"), state->name, error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u appointment", "Imported %u appointments", added), added);
  rapport_view_add_toast (GTK_WIDGET (state->self), adw_toast_new (text));
}

/**
 * rapport_calendar_page_preview_import:
 *
 * Reads an iCalendar file and asks whether to import its events, saying
 * how many are new and how many are already there.
 */
void
rapport_calendar_page_preview_import (RapportCalendarPage *self,
                                      GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  ImportState *state = g_new0 (ImportState, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  guint known = 0;

  state->self = self;
  state->name = g_file_get_basename (file);

  if (!g_file_load_contents (file, NULL, &state->data, &state->length, NULL, &error) ||
      !(parsed = rapport_ical_parse (state->data, state->length, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("Nothing was imported from “%s”: %s"), state->name, error->message);
      rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (text));
      import_state_free (state);
      return;
    }

  for (guint i = 0; i < parsed->len; i++)
    {
      g_autoptr(RapportAppointment) k = rapport_store_find_appointment_by_uid (self->store,
                                          rapport_appointment_get_uid (g_ptr_array_index (parsed, i)));
      known += k != NULL;
    }

  /* Translators: %s is a file name, then how many events are new and known */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has %u event: %u new, %u already in your calendar, which will be skipped.",
                                       "“%s” has %u events: %u new, %u already in your calendar, which will be skipped.",
                                       parsed->len),
                          state->name, parsed->len, parsed->len - known, known);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Import Appointments?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", parsed->len > known);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_import_confirmed), state,
                         (GClosureNotify)(void (*) (void))import_state_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog     *chooser,
                    int                  response,
                    RapportCalendarPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    rapport_calendar_page_preview_import (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportCalendarPage *self = RAPPORT_CALENDAR_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Calendar File"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
rapport_calendar_page_dispose (GObject *object)
{
  RapportCalendarPage *self = (RapportCalendarPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_weak_pointer (&self->undo_toast);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->day_list);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_calendar_page_parent_class)->dispose (object);
}

static void
rapport_calendar_page_class_init (RapportCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_calendar_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, content);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, upcoming_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, upcoming_view);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, day_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarPage, day_view);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_upcoming_view_activate);

  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "calendar.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "calendar.export-all", NULL, export_all_activated);
  gtk_widget_class_install_action (widget_class, "calendar.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
}

static void
rapport_calendar_page_init (RapportCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  rapport_view_name_calendar_arrows (self->calendar);

  self->day_list = g_list_store_new (RAPPORT_TYPE_APPOINTMENT);
  self->upcoming = g_list_store_new (RAPPORT_TYPE_APPOINTMENT);
}

void
rapport_calendar_page_set_store (RapportCalendarPage *self,
                                 RapportStore        *store)
{
  g_autoptr(GtkListItemFactory) day_factory = NULL;
  g_autoptr(GtkListItemFactory) upcoming_factory = NULL;
  g_autoptr(GtkNoSelection) day_selection = NULL;
  g_autoptr(GtkNoSelection) upcoming_selection = NULL;

  g_return_if_fail (RAPPORT_IS_CALENDAR_PAGE (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  day_factory = rapport_appointment_row_factory_new (store, FALSE);
  upcoming_factory = rapport_appointment_row_factory_new (store, TRUE);
  day_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->day_list)));
  upcoming_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->upcoming)));
  gtk_list_view_set_factory (self->day_view, day_factory);
  gtk_list_view_set_factory (self->upcoming_view, upcoming_factory);
  rapport_view_set_model_when_shown (self->day_view, GTK_SELECTION_MODEL (day_selection));
  rapport_view_set_model_when_shown (self->upcoming_view, GTK_SELECTION_MODEL (upcoming_selection));

  /* Names and stages show in the rows too, so contact edits refresh them. */
  g_signal_connect_swapped (store, "changed::appointments", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (store, "changed::contacts", G_CALLBACK (refresh), self);
  refresh (self);
}

/**
 * rapport_calendar_page_select_day:
 *
 * Shows @day's agenda and its month.
 */
void
rapport_calendar_page_select_day (RapportCalendarPage *self,
                                  GDateTime           *day)
{
  g_autoptr(GDateTime) midnight = NULL;

  g_return_if_fail (RAPPORT_IS_CALENDAR_PAGE (self));

  midnight = local_midnight (day);
  gtk_calendar_select_day (self->calendar, midnight);
  refresh_day (self);
  refresh_marks (self);
}

/**
 * rapport_calendar_page_dup_day:
 *
 * Returns: (transfer full): local midnight of the selected day
 */
GDateTime *
rapport_calendar_page_dup_day (RapportCalendarPage *self)
{
  g_autoptr(GDateTime) selected = NULL;

  g_return_val_if_fail (RAPPORT_IS_CALENDAR_PAGE (self), NULL);

  selected = gtk_calendar_get_date (self->calendar);
  return local_midnight (selected);
}

GListModel *
rapport_calendar_page_get_day_list (RapportCalendarPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->day_list);
}

GListModel *
rapport_calendar_page_get_upcoming (RapportCalendarPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->upcoming);
}
