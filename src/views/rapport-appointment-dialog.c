/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-appointment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-appointment-dialog.h"
#include "rapport-contact-chooser.h"
#include "rapport-view-util.h"

/* A form for one appointment. Unlike the contact pane it has a Save
 * button: a time is a promise to someone, so overlaps are pointed out
 * before it is written, and Cancel leaves everything as it was. */
struct _RapportAppointmentDialog
{
  AdwWindow              parent_instance;

  RapportStore          *store;
  RapportAppointment    *appointment;   /* NULL for a new one */
  gint64                 contact_id;

  GtkWidget             *save_button;
  GtkRevealer           *overlap_revealer;
  GtkLabel              *overlap_label;
  AdwComboRow           *kind_row;
  AdwActionRow          *person_row;
  RapportContactChooser *person_chooser;
  AdwEntryRow           *title_row;
  AdwComboRow           *status_row;
  GtkSwitch             *timed_switch;
  AdwActionRow          *date_row;
  GtkWidget             *date_button;
  GtkCalendar           *calendar;
  GtkWidget             *time_row;
  GtkSpinButton         *hour_spin;
  GtkSpinButton         *minute_spin;
  AdwActionRow          *duration_row;
  GtkSpinButton         *duration_spin;
  AdwEntryRow           *timezone_row;
  GtkLabel              *timezone_error_label;
  GtkLabel              *times_label;
  AdwComboRow           *mode_row;
  AdwEntryRow           *place_row;
  GtkTextView           *notes_view;
  GtkLabel              *history_label;
  GtkWidget             *existing_actions;
};

G_DEFINE_FINAL_TYPE (RapportAppointmentDialog, rapport_appointment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  EXPORT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
form_start (RapportAppointmentDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) start = NULL;

  if (!gtk_switch_get_active (self->timed_switch))
    return 0;

  day = gtk_calendar_get_date (self->calendar);
  start = g_date_time_new_local (g_date_time_get_year (day),
                                 g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin),
                                 0);
  return start ? g_date_time_to_unix (start) : 0;
}

static char *
form_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

/* Copies the form into @appointment. */
static void
apply_form (RapportAppointmentDialog *self,
            RapportAppointment       *appointment)
{
  g_autofree char *notes = form_text (self->notes_view);
  g_autofree char *tz = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->timezone_row))));
  gint64 start = form_start (self);

  rapport_appointment_set_kind (appointment, adw_combo_row_get_selected (self->kind_row));
  rapport_appointment_set_contact_id (appointment, self->contact_id);
  rapport_appointment_set_title (appointment, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  rapport_appointment_set_start (appointment, start);
  rapport_appointment_set_status (appointment, start == 0 ? RAPPORT_STATUS_REQUESTED
                                                          : adw_combo_row_get_selected (self->status_row));
  rapport_appointment_set_duration (appointment, gtk_spin_button_get_value_as_int (self->duration_spin));
  rapport_appointment_set_their_timezone (appointment, tz);
  rapport_appointment_set_mode (appointment, adw_combo_row_get_selected (self->mode_row));
  rapport_appointment_set_place (appointment, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  rapport_appointment_set_notes (appointment, notes);
}

static void
update_person (RapportAppointmentDialog *self)
{
  g_autoptr(RapportContact) contact = rapport_store_get_contact (self->store, self->contact_id);

  adw_action_row_set_subtitle (self->person_row, contact ? rapport_contact_get_name (contact) : _("Nobody chosen"));
}

/* Whether @day is so far off that it must be a slip of the year arrows:
 * Rapport plans and keeps interviews, not history or science fiction. */
static gboolean
day_is_far_off (GDateTime *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earliest = g_date_time_add_years (now, -10);
  g_autoptr(GDateTime) latest = g_date_time_add_years (now, 10);

  return g_date_time_compare (day, earliest) < 0 || g_date_time_compare (day, latest) > 0;
}

/* Shows what is wrong next to each field of the form, and returns whether
 * it can be saved; @tz is set to the other person's time zone, if any. */
static gboolean
check_form (RapportAppointmentDialog  *self,
            GTimeZone                **tz)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *day_text = NULL;
  g_autofree char *tzid = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->timezone_row))));
  gboolean timed = gtk_switch_get_active (self->timed_switch);
  gboolean moved = self->appointment == NULL || form_start (self) != rapport_appointment_get_start (self->appointment);
  gboolean valid = TRUE;

  /* Translators: a day, see strftime(3) */
  day_text = g_date_time_format (day, _("%A, %-d %B %Y"));
  /* An old appointment that came in from a calendar file can still be
   * edited; only a newly chosen day is checked. */
  if (timed && moved && day_is_far_off (day))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a day, as in "Sunday, 3 December 2126" */
      text = g_strdup_printf (_("%s is more than ten years from today. Choose a nearer date."), day_text);
      adw_action_row_set_subtitle (self->date_row, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      valid = FALSE;
    }
  else
    {
      adw_action_row_set_subtitle (self->date_row, day_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
    }

  /* The rows themselves say what is wrong; see rapport_view_guard_spin(). */
  if (timed && !(rapport_view_spin_is_valid (self->hour_spin) && rapport_view_spin_is_valid (self->minute_spin)))
    valid = FALSE;
  if (!rapport_view_spin_is_valid (self->duration_spin))
    valid = FALSE;

  if (adw_combo_row_get_selected (self->kind_row) == RAPPORT_APPOINTMENT_INTERVIEW && self->contact_id == 0)
    valid = FALSE;

  *tz = NULL;
  if (*tzid && (*tz = g_time_zone_new_identifier (tzid)) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->timezone_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->timezone_row), "error");
      valid = FALSE;
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->timezone_error_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->timezone_row), "error");
    }

  return valid;
}

static void
on_form_changed (RapportAppointmentDialog *self)
{
  g_autoptr(RapportAppointment) probe = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);
  g_autoptr(GArray) overlaps = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *tzid = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->timezone_row))));
  gboolean timed = gtk_switch_get_active (self->timed_switch);
  gboolean valid;
  gint64 start = form_start (self);
  gint64 self_id = self->appointment ? rapport_record_get_id (RAPPORT_RECORD (self->appointment)) : 0;

  /* Filling the form in fires this before the store is known. */
  if (self->store == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), timed);
  gtk_widget_set_sensitive (self->time_row, timed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), timed);
  if (!timed)
    adw_combo_row_set_selected (self->status_row, RAPPORT_STATUS_REQUESTED);

  valid = check_form (self, &tz);

  /* Both local times when the other person is elsewhere. */
  if (tz != NULL && start > 0)
    {
      g_autofree char *mine = rapport_view_format_time (start, NULL);
      g_autofree char *theirs = rapport_view_format_time (start, tz);
      g_autofree char *text = NULL;

      /* Translators: your time, their time, their time zone */
      text = g_strdup_printf (_("%s your time is %s their time (%s)."), mine, theirs, tzid);
      gtk_label_set_label (self->times_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->times_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->times_label), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "appointment.save", valid);

  /* Point out a clash before it is saved. A day before 1970 (refused
   * above) has no start an appointment can hold. */
  rapport_appointment_set_start (probe, MAX (start, 0));
  rapport_appointment_set_duration (probe, gtk_spin_button_get_value_as_int (self->duration_spin));
  overlaps = rapport_store_find_overlaps (self->store, probe);
  for (guint i = 0; i < overlaps->len; i++)
    {
      g_autoptr(RapportAppointment) other = NULL;
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;

      if (g_array_index (overlaps, gint64, i) == self_id)
        continue;
      other = rapport_store_get_appointment (self->store, g_array_index (overlaps, gint64, i));
      if (other == NULL)
        continue;

      title = rapport_store_dup_appointment_title (self->store, other);
      when = rapport_view_format_time (rapport_appointment_get_start (other), NULL);
      /* Translators: a warning; %s are another appointment's title and time */
      text = g_strdup_printf (_("This overlaps “%s” at %s. You can still save it."), title, when);
      gtk_label_set_label (self->overlap_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->overlap_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->overlap_label), "warning");
      gtk_revealer_set_reveal_child (self->overlap_revealer, TRUE);
      return;
    }

  gtk_revealer_set_reveal_child (self->overlap_revealer, FALSE);
}

static void
on_person_chosen (RapportAppointmentDialog *self,
                  RapportContact           *contact)
{
  self->contact_id = rapport_record_get_id (RAPPORT_RECORD (contact));
  update_person (self);
  on_form_changed (self);
}

/* Minutes read "05", not "5". */
static gboolean
on_minute_spin_output (RapportAppointmentDialog *self,
                       GtkSpinButton            *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
show_error (RapportAppointmentDialog *self,
            const char               *message)
{
  gtk_label_set_label (self->overlap_label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->overlap_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->overlap_label), "error");
  gtk_revealer_set_reveal_child (self->overlap_revealer, TRUE);
}

/**
 * rapport_appointment_dialog_save:
 *
 * Saves the form, as the Save button does.
 *
 * Returns: whether it was saved (the dialog then closes)
 */
gboolean
rapport_appointment_dialog_save (RapportAppointmentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportAppointment) appointment = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  GtkSpinButton *spins[3];
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT_DIALOG (self), FALSE);

  spins[0] = self->hour_spin;
  spins[1] = self->minute_spin;
  spins[2] = self->duration_spin;

  /* Ctrl+S can come while a number is still being typed: keep what was
   * typed, if it is a number in range at all, rather than the value before. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    if (rapport_view_spin_is_valid (spins[i]))
      gtk_spin_button_update (spins[i]);
  if (!check_form (self, &tz))
    {
      /* Each field says what is wrong; nothing is written. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (self->appointment != NULL)
    {
      appointment = g_object_ref (self->appointment);
      apply_form (self, appointment);
      ok = rapport_store_save_appointment (self->store, appointment, &error);
    }
  else
    {
      appointment = rapport_appointment_new (adw_combo_row_get_selected (self->kind_row), self->contact_id);
      apply_form (self, appointment);
      ok = rapport_store_add_appointment (self->store, appointment, &error);
    }

  if (!ok)
    {
      /* The form stays as typed, so nothing is lost. */
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, appointment);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rapport_appointment_dialog_save (RAPPORT_APPOINTMENT_DIALOG (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportAppointmentDialog *self = RAPPORT_APPOINTMENT_DIALOG (widget);
  g_autoptr(RapportAppointment) appointment = g_object_ref (self->appointment);

  /* Ask first: destroying the window may finalize it, and its handlers. */
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, appointment);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportAppointmentDialog *self = RAPPORT_APPOINTMENT_DIALOG (widget);

  g_signal_emit (self, signals[EXPORT_REQUESTED], 0, self->appointment);
}

/* Prepare or hold the interview: the main window shows it. */
static void
open_interview_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RapportAppointmentDialog *self = RAPPORT_APPOINTMENT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (self->appointment));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-interview", "x", id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rapport_appointment_dialog_dispose (GObject *object)
{
  RapportAppointmentDialog *self = (RapportAppointmentDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_APPOINTMENT_DIALOG);
  g_clear_object (&self->appointment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_appointment_dialog_parent_class)->dispose (object);
}

/* Export and Delete are offered only where someone acts on them: the
 * calendar does; a contact's Schedule Interview does not. */
static void
rapport_appointment_dialog_show (GtkWidget *widget)
{
  RapportAppointmentDialog *self = RAPPORT_APPOINTMENT_DIALOG (widget);

  if (gtk_widget_get_visible (self->existing_actions) &&
      (!g_signal_has_handler_pending (self, signals[DELETE_REQUESTED], 0, FALSE) ||
       !g_signal_has_handler_pending (self, signals[EXPORT_REQUESTED], 0, FALSE)))
    gtk_widget_set_visible (self->existing_actions, FALSE);

  GTK_WIDGET_CLASS (rapport_appointment_dialog_parent_class)->show (widget);
}

static void
rapport_appointment_dialog_class_init (RapportAppointmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_appointment_dialog_dispose;
  widget_class->show = rapport_appointment_dialog_show;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_APPOINTMENT);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_APPOINTMENT);
  signals[EXPORT_REQUESTED] =
    g_signal_new ("export-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_APPOINTMENT);

  g_type_ensure (RAPPORT_TYPE_CONTACT_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-appointment-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RapportAppointmentDialog, name)
  BIND (save_button);
  BIND (overlap_revealer);
  BIND (overlap_label);
  BIND (kind_row);
  BIND (person_row);
  BIND (person_chooser);
  BIND (title_row);
  BIND (status_row);
  BIND (timed_switch);
  BIND (date_row);
  BIND (date_button);
  BIND (calendar);
  BIND (time_row);
  BIND (hour_spin);
  BIND (minute_spin);
  BIND (duration_row);
  BIND (duration_spin);
  BIND (timezone_row);
  BIND (timezone_error_label);
  BIND (times_label);
  BIND (mode_row);
  BIND (place_row);
  BIND (notes_view);
  BIND (history_label);
  BIND (existing_actions);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_minute_spin_output);

  gtk_widget_class_install_action (widget_class, "appointment.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "appointment.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "appointment.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "appointment.open-interview", NULL, open_interview_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "appointment.save", NULL);
}

static void
rapport_appointment_dialog_init (RapportAppointmentDialog *self)
{
  g_autoptr(GListModel) kinds = rapport_view_enum_labels (RAPPORT_TYPE_APPOINTMENT_KIND, NULL);
  g_autoptr(GListModel) statuses = rapport_view_enum_labels (RAPPORT_TYPE_STATUS, NULL);
  g_autoptr(GListModel) modes = rapport_view_enum_labels (RAPPORT_TYPE_MODE, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  rapport_view_name_calendar_arrows (self->calendar);
  rapport_view_guard_spin (self->hour_spin, ADW_ACTION_ROW (self->time_row));
  rapport_view_guard_spin (self->minute_spin, ADW_ACTION_ROW (self->time_row));
  rapport_view_guard_spin (self->duration_spin, self->duration_row);

  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->mode_row, modes);
}

static void
fill_time (RapportAppointmentDialog *self,
           gint64                    start)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (start);

  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
}

static RapportAppointmentDialog *
dialog_new (GtkWindow    *parent,
            RapportStore *store)
{
  RapportAppointmentDialog *self = g_object_new (RAPPORT_TYPE_APPOINTMENT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  rapport_contact_chooser_set_store (self->person_chooser, store);
  return self;
}

/**
 * rapport_appointment_dialog_new:
 * @contact_id: the person to meet, or 0 to choose in the form
 * @start_utc: a suggested start, or 0 for a request without a time yet
 *
 * A form for a new appointment.
 */
RapportAppointmentDialog *
rapport_appointment_dialog_new (GtkWindow              *parent,
                                RapportStore           *store,
                                RapportAppointmentKind  kind,
                                gint64                  contact_id,
                                gint64                  start_utc)
{
  RapportAppointmentDialog *self = dialog_new (parent, store);
  g_autoptr(GSettings) settings = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("New Appointment"));
  self->contact_id = contact_id;
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->status_row, RAPPORT_STATUS_CONFIRMED);

  if ((settings = rapport_view_dup_settings ()))
    {
      gtk_spin_button_set_value (self->duration_spin, g_settings_get_int (settings, "default-duration"));
    }

  if (start_utc > 0)
    fill_time (self, start_utc);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autoptr(GDateTime) ten = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                        g_date_time_get_month (tomorrow),
                                                        g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
      fill_time (self, g_date_time_to_unix (ten));
      gtk_switch_set_active (self->timed_switch, FALSE);
    }

  gtk_widget_set_visible (self->existing_actions, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->history_label), FALSE);
  update_person (self);
  on_form_changed (self);
  return self;
}

/**
 * rapport_appointment_dialog_new_for_edit:
 *
 * A form showing @appointment; Save writes the changes, a new time is kept
 * in its history as a reschedule.
 */
RapportAppointmentDialog *
rapport_appointment_dialog_new_for_edit (GtkWindow          *parent,
                                         RapportStore       *store,
                                         RapportAppointment *appointment)
{
  RapportAppointmentDialog *self = dialog_new (parent, store);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GString) history = g_string_new (NULL);
  gint64 start = rapport_appointment_get_start (appointment);

  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Appointment"));
  self->appointment = g_object_ref (appointment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "appointment.open-interview",
                                 rapport_appointment_get_kind (appointment) == RAPPORT_APPOINTMENT_INTERVIEW);
  self->contact_id = rapport_appointment_get_contact_id (appointment);

  adw_combo_row_set_selected (self->kind_row, rapport_appointment_get_kind (appointment));
  adw_combo_row_set_selected (self->status_row, rapport_appointment_get_status (appointment));
  adw_combo_row_set_selected (self->mode_row, rapport_appointment_get_mode (appointment));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rapport_appointment_get_title (appointment));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), rapport_appointment_get_place (appointment));
  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), rapport_appointment_get_their_timezone (appointment));
  gtk_spin_button_set_value (self->duration_spin, rapport_appointment_get_duration (appointment));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), rapport_appointment_get_notes (appointment), -1);
  if (start > 0)
    fill_time (self, start);
  gtk_switch_set_active (self->timed_switch, start > 0);

  /* Earlier times stay visible after a reschedule. */
  if (self->contact_id > 0)
    events = rapport_store_list_events (store, self->contact_id, NULL);
  for (guint i = 0; events && i < events->len; i++)
    {
      const RapportEvent *e = &g_array_index (events, RapportEvent, i);

      if (e->appointment_id == rapport_record_get_id (RAPPORT_RECORD (appointment)) &&
          e->kind == RAPPORT_EVENT_RESCHEDULED)
        {
          g_autofree char *from = rapport_view_format_when (e->old_start);

          if (history->len)
            g_string_append_c (history, '\n');
          g_string_append_printf (history, _("Rescheduled from %s"), from);
        }
    }
  gtk_label_set_label (self->history_label, history->str);
  gtk_widget_set_visible (GTK_WIDGET (self->history_label), history->len > 0);

  update_person (self);
  on_form_changed (self);
  return self;
}

/**
 * rapport_appointment_dialog_propose_time:
 *
 * Turns the form of a request into one that fixes its time: time agreed,
 * confirmed, tomorrow at ten unless it had a time already.
 */
void
rapport_appointment_dialog_propose_time (RapportAppointmentDialog *self)
{
  g_return_if_fail (RAPPORT_IS_APPOINTMENT_DIALOG (self));

  if (!gtk_switch_get_active (self->timed_switch))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autoptr(GDateTime) ten = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                        g_date_time_get_month (tomorrow),
                                                        g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
      fill_time (self, g_date_time_to_unix (ten));
      gtk_switch_set_active (self->timed_switch, TRUE);
    }

  adw_combo_row_set_selected (self->status_row, RAPPORT_STATUS_CONFIRMED);
  on_form_changed (self);
}
