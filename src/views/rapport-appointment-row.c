/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-appointment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-appointment-row.h"
#include "rapport-view-util.h"

/* One appointment in the day's agenda or the upcoming list: when, who,
 * where, its status, and what needs doing about it. */
struct _RapportAppointmentRow
{
  GtkBox    parent_instance;

  GtkWidget *time_column;
  GtkLabel *when_label;
  GtkLabel *time_label;
  GtkLabel *length_label;
  GtkLabel *title_label;
  GtkLabel *detail_label;
  GtkLabel *note_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (RapportAppointmentRow, rapport_appointment_row, GTK_TYPE_BOX)

static void
rapport_appointment_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_APPOINTMENT_ROW);

  G_OBJECT_CLASS (rapport_appointment_row_parent_class)->dispose (object);
}

static void
rapport_appointment_row_class_init (RapportAppointmentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_appointment_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-appointment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, time_column);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, length_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAppointmentRow, status_label);
}

static void
rapport_appointment_row_init (RapportAppointmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_appointment_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPOINTMENT_ROW, NULL);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/**
 * rapport_appointment_row_show:
 * @now: the current time (UTC seconds), passed in so tests can pin it
 * @with_day: show the day as well as the time (the upcoming list)
 */
void
rapport_appointment_row_show (RapportAppointmentRow *self,
                              RapportStore          *store,
                              RapportAppointment    *appointment,
                              gint64                 now,
                              gboolean               with_day)
{
  g_autofree char *title = rapport_store_dup_appointment_title (store, appointment);
  g_autofree char *when = NULL;
  g_autofree char *length = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GArray) events = NULL;
  gint64 start = rapport_appointment_get_start (appointment);
  RapportStatus status = rapport_appointment_get_status (appointment);
  const char *place = rapport_appointment_get_place (appointment);
  const char *tzid = rapport_appointment_get_their_timezone (appointment);

  g_return_if_fail (RAPPORT_IS_APPOINTMENT_ROW (self));

  if (start == 0)
    when = g_strdup (_("No time yet"));
  else if (with_day)
    when = rapport_view_format_when (start);
  else
    when = rapport_view_format_time (start, NULL);

  if (start > 0)
    /* Translators: an appointment's length in minutes */
    length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min",
                                           rapport_appointment_get_duration (appointment)),
                              rapport_appointment_get_duration (appointment));

  g_string_append (detail, rapport_mode_get_label (rapport_appointment_get_mode (appointment)));
  if (*place)
    g_string_append_printf (detail, " · %s", place);

  /* What the student should know or do about it */
  if (status == RAPPORT_STATUS_HELD &&
      rapport_appointment_get_kind (appointment) == RAPPORT_APPOINTMENT_INTERVIEW &&
      rapport_store_get_thanked (store, rapport_record_get_id (RAPPORT_RECORD (appointment))) == 0)
    {
      gint64 deadline = rapport_appointment_get_end (appointment) + 24 * 60 * 60;
      g_autofree char *due = rapport_view_format_when (deadline);

      note = now >= deadline
        /* Translators: %s is a day and time */
        ? g_strdup_printf (_("Thank-you note overdue since %s"), due)
        /* Translators: %s is a day and time */
        : g_strdup_printf (_("Thank-you note due by %s"), due);
    }
  else if (status == RAPPORT_STATUS_REQUESTED &&
      now - rapport_record_get_created (RAPPORT_RECORD (appointment)) >= RAPPORT_REQUEST_FOLLOW_UP_AFTER)
    note = g_strdup (_("No answer for a week: follow up once"));
  else if (status == RAPPORT_STATUS_REQUESTED && start == 0)
    note = g_strdup (_("Waiting for an answer"));
  else if (*tzid && start > 0)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

      if (tz != NULL)
        {
          g_autofree char *theirs = rapport_view_format_time (start, tz);
          /* Translators: the time at the other person's end, and their time zone */
          note = g_strdup_printf (_("%s their time (%s)"), theirs, tzid);
        }
    }

  /* A rescheduled appointment says where it came from. */
  if (note == NULL && rapport_appointment_get_contact_id (appointment) > 0)
    {
      events = rapport_store_list_events (store, rapport_appointment_get_contact_id (appointment), NULL);
      for (guint i = 0; events && i < events->len; i++)
        {
          const RapportEvent *e = &g_array_index (events, RapportEvent, i);

          if (e->appointment_id == rapport_record_get_id (RAPPORT_RECORD (appointment)) &&
              e->kind == RAPPORT_EVENT_RESCHEDULED)
            {
              g_autofree char *from = rapport_view_format_when (e->old_start);
              /* Translators: %s is the old day and time */
              note = g_strdup_printf (_("Rescheduled from %s"), from);
              break;
            }
        }
    }

  /* In a narrow list with days, the time goes above the title. */
  gtk_widget_set_visible (self->time_column, !with_day);
  if (with_day)
    {
      g_autofree char *line = length ? g_strdup_printf ("%s · %s", when, length) : g_strdup (when);
      set_label (self->when_label, line);
    }
  else
    set_label (self->when_label, NULL);
  set_label (self->time_label, when);
  set_label (self->length_label, length);
  set_label (self->title_label, title);
  set_label (self->detail_label, detail->str);
  set_label (self->note_label, note);
  set_label (self->status_label, rapport_status_get_label (status));

  gtk_widget_set_opacity (GTK_WIDGET (self), rapport_appointment_is_active (appointment) ? 1.0 : 0.55);
}

typedef struct
{
  RapportStore *store;
  gboolean      with_day;
} FactoryData;

static void
factory_data_free (gpointer data)
{
  FactoryData *fd = data;

  g_clear_object (&fd->store);
  g_free (fd);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, rapport_appointment_row_new ());
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         FactoryData              *fd)
{
  RapportAppointment *appointment = gtk_list_item_get_item (item);

  rapport_appointment_row_show (RAPPORT_APPOINTMENT_ROW (gtk_list_item_get_child (item)),
                                fd->store, appointment,
                                g_get_real_time () / G_USEC_PER_SEC, fd->with_day);
}

/**
 * rapport_appointment_row_factory_new:
 *
 * Returns: (transfer full): a factory of appointment rows for a list view
 *   over #RapportAppointment items
 */
GtkListItemFactory *
rapport_appointment_row_factory_new (RapportStore *store,
                                     gboolean      with_day)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData *fd = g_new0 (FactoryData, 1);

  fd->store = g_object_ref (store);
  fd->with_day = with_day;
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind), fd,
                         (GClosureNotify)(void (*) (void))factory_data_free, 0);
  return factory;
}
