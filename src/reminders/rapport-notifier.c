/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "rapport-notifier.h"

/* Announces due reminders through libnotify, once each: every reminder is
 * recorded in the store before it is shown. One timer is armed for the next
 * one to come due and re-armed whenever the data changes; nothing polls. */
struct _RapportNotifier
{
  GObject                  parent_instance;

  RapportStore            *store;
  RapportReminderSettings  settings;
  RapportClock             clock;
  guint                    timer;
  guint                    idle;
  gint64                   next_fire;
  gboolean                 has_actions;
  GHashTable              *shown;   /* key → NotifyNotification, kept for their actions */
};

G_DEFINE_FINAL_TYPE (RapportNotifier, rapport_notifier, G_TYPE_OBJECT)

enum {
  WRITE_NOTE,
  ANNOUNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
real_clock (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* "10:30 today", "10:30 tomorrow", "10:30 on Thu 3 Dec" */
static char *
format_relative (gint64 when,
                 gint64 now)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (when);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autofree char *time = g_date_time_format (then, "%H:%M");
  GDate a, b;
  int days;

  g_date_set_dmy (&a, g_date_time_get_day_of_month (then), g_date_time_get_month (then), g_date_time_get_year (then));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (today), g_date_time_get_month (today), g_date_time_get_year (today));
  days = g_date_days_between (&b, &a);

  if (days == 0)
    /* Translators: a time today, e.g. "10:30 today" */
    return g_strdup_printf (_("%s today"), time);
  if (days == 1)
    /* Translators: e.g. "10:30 tomorrow" */
    return g_strdup_printf (_("%s tomorrow"), time);
  if (days == -1)
    /* Translators: e.g. "10:30 yesterday" */
    return g_strdup_printf (_("%s yesterday"), time);

  {
    /* Translators: a short day, see strftime(3) */
    g_autofree char *day = g_date_time_format (then, _("%a %-d %b"));
    /* Translators: a time and a day, e.g. "10:30 on Thu 3 Dec" */
    return g_strdup_printf (_("%s on %s"), time, day);
  }
}

static char *
contact_name (RapportStore *store,
              gint64        id)
{
  g_autoptr(RapportContact) contact = rapport_store_get_contact (store, id);

  return g_strdup (contact ? rapport_contact_get_name (contact) : _("your contact"));
}

static gint64
interviewee (RapportStore          *store,
             const RapportReminder *r)
{
  g_autoptr(RapportAppointment) a = rapport_store_get_appointment (store, r->appointment_id);

  return a ? rapport_appointment_get_contact_id (a) : r->contact_id;
}

/**
 * rapport_reminder_dup_title:
 *
 * Returns: (transfer full): the notification's title, naming the person and
 *   the deadline in local time ("Thank Ada Lovelace by 10:30 tomorrow")
 */
char *
rapport_reminder_dup_title (RapportStore          *store,
                            const RapportReminder *r,
                            gint64                 now)
{
  g_autofree char *name = contact_name (store, interviewee (store, r));
  g_autofree char *when = format_relative (r->deadline, now);

  switch (r->kind)
    {
    case RAPPORT_REMINDER_THANK_YOU:
      if (r->stage == RAPPORT_THANK_YOU_OVERDUE)
        /* Translators: %s is a person's name */
        return g_strdup_printf (_("Your thank-you note to %s is overdue"), name);
      /* Translators: a person's name and a deadline, e.g. "Thank Ada Lovelace by 10:30 tomorrow" */
      return g_strdup_printf (_("Thank %s by %s"), name, when);
    case RAPPORT_REMINDER_DAY_BEFORE:
    case RAPPORT_REMINDER_HOUR_BEFORE:
      /* Translators: e.g. "Interview with Ada Lovelace at 14:30 tomorrow" */
      return g_strdup_printf (_("Interview with %s at %s"), name, when);
    case RAPPORT_REMINDER_REQUEST_FOLLOW_UP:
      /* Translators: %s is a person's name */
      return g_strdup_printf (_("No answer from %s for a week"), name);
    case RAPPORT_REMINDER_ACTION_DUE:
      {
        g_autoptr(RapportActionItem) item = rapport_store_get_action_item (store, r->action_id);
        /* Translators: %s is what to do */
        return g_strdup_printf (_("Due now: %s"), item ? rapport_action_item_get_text (item) : "");
      }
    case RAPPORT_REMINDER_TELL_REFERRER:
      {
        g_autofree char *referrer = contact_name (store, r->contact_id);
        /* Translators: the referrer's and the interviewee's names */
        return g_strdup_printf (_("Tell %s how your meeting with %s went"), referrer, name);
      }
    case RAPPORT_REMINDER_RECONTACT:
      /* Translators: %s is a person's name */
      return g_strdup_printf (_("Get back in touch with %s"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rapport_reminder_dup_body:
 *
 * Returns: (transfer full): what to do, in a sentence or two
 */
char *
rapport_reminder_dup_body (RapportStore          *store,
                           const RapportReminder *r,
                           gint64                 now)
{
  g_autofree char *when = format_relative (r->deadline, now);

  switch (r->kind)
    {
    case RAPPORT_REMINDER_THANK_YOU:
      if (r->stage == RAPPORT_THANK_YOU_OVERDUE)
        /* Translators: %s is when it was due */
        return g_strdup_printf (_("It was due at %s. A late note is better than none: open Rapport to write it."), when);
      if (r->stage == RAPPORT_THANK_YOU_SOON)
        return g_strdup (_("A few hours left. Open the interview in Rapport and choose Write Thank-You Note."));
      return g_strdup (_("A short note within 24 hours shows you valued their time. Open the interview in Rapport to write it."));
    case RAPPORT_REMINDER_DAY_BEFORE:
      return g_strdup (_("Confirm the time with them today."));
    case RAPPORT_REMINDER_HOUR_BEFORE:
      return g_strdup (_("Take your prep sheet, a notebook and your questions."));
    case RAPPORT_REMINDER_REQUEST_FOLLOW_UP:
      return g_strdup (_("Follow up once, politely: your request may simply have been missed."));
    case RAPPORT_REMINDER_ACTION_DUE:
      {
        g_autofree char *name = contact_name (store, r->contact_id);
        /* Translators: %s is a person's name */
        return g_strdup_printf (_("An action item from your interview with %s."), name);
      }
    case RAPPORT_REMINDER_TELL_REFERRER:
      return g_strdup (_("They gave you the name: a short note of thanks keeps the door open."));
    case RAPPORT_REMINDER_RECONTACT:
      {
        g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (r->deadline);
        /* Translators: a short day, see strftime(3) */
        g_autofree char *day = g_date_time_format (last, _("%a %-d %b"));
        /* Translators: %s is a day, e.g. "Thu 3 Dec" */
        return g_strdup_printf (_("You were last in touch on %s. A short note on how your search is going keeps the connection alive."), day);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static void arm (RapportNotifier *self);

static void
on_closed (NotifyNotification *notification,
           RapportNotifier    *self)
{
  const char *key = g_object_get_data (G_OBJECT (notification), "rapport-key");

  if (key != NULL)
    g_hash_table_remove (self->shown, key);
}

static void
on_write_note (NotifyNotification *notification,
               char               *action,
               gpointer            data)
{
  RapportNotifier *self = data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "rapport-appointment"));

  g_signal_emit (self, signals[WRITE_NOTE], 0, id);
}

static void
on_snooze (NotifyNotification *notification,
           char               *action,
           gpointer            data)
{
  RapportNotifier *self = data;
  const char *key = g_object_get_data (G_OBJECT (notification), "rapport-key");

  rapport_notifier_snooze (self, key, self->settings.snooze);
}

static void
show (RapportNotifier       *self,
      const RapportReminder *r,
      gint64                 now)
{
  g_autofree char *title = rapport_reminder_dup_title (self->store, r, now);
  g_autofree char *body = rapport_reminder_dup_body (self->store, r, now);
  g_autoptr(GError) error = NULL;
  NotifyNotification *n;

  n = notify_notification_new (title, body, APP_ID);
  notify_notification_set_app_name (n, "Rapport");
  notify_notification_set_hint (n, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_category (n, "x-rapport.reminder");
  notify_notification_set_urgency (n, r->kind == RAPPORT_REMINDER_THANK_YOU && r->stage == RAPPORT_THANK_YOU_OVERDUE
                                      ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  g_object_set_data_full (G_OBJECT (n), "rapport-key", g_strdup (r->key), g_free);
  g_object_set_data (G_OBJECT (n), "rapport-appointment", GSIZE_TO_POINTER ((gsize)r->appointment_id));

  if (self->has_actions)
    {
      if (r->kind == RAPPORT_REMINDER_THANK_YOU)
        notify_notification_add_action (n, "write-note", _("Write Note"), on_write_note, self, NULL);
      notify_notification_add_action (n, "snooze", _("Remind Me Later"), on_snooze, self, NULL);
    }

  g_signal_connect (n, "closed", G_CALLBACK (on_closed), self);
  g_hash_table_replace (self->shown, g_strdup (r->key), n);

  if (!notify_notification_show (n, &error))
    g_warning ("Could not show the reminder “%s”: %s", title, error->message);
}

/**
 * rapport_notifier_check:
 *
 * Announces what has come due and was not announced yet, then arms the
 * timer for the next one.
 *
 * Returns: how many reminders were announced
 */
guint
rapport_notifier_check (RapportNotifier *self)
{
  g_autoptr(GPtrArray) announce = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 now;

  g_return_val_if_fail (RAPPORT_IS_NOTIFIER (self), 0);

  now = self->clock ();
  announce = rapport_reminders_to_announce (self->store, &self->settings, now, &self->next_fire);

  for (guint i = 0; i < announce->len; i++)
    g_ptr_array_add (keys, ((RapportReminder *)g_ptr_array_index (announce, i))->key);

  /* Recorded first: a crash between the two loses a notification rather
   * than showing one twice. */
  if (!rapport_store_record_reminders (self->store, keys, now, &error))
    {
      g_warning ("Could not record reminders: %s", error->message);
      arm (self);
      return 0;
    }

  for (guint i = 0; i < announce->len; i++)
    {
      RapportReminder *r = g_ptr_array_index (announce, i);

      if (notify_is_initted ())
        show (self, r, now);
      g_signal_emit (self, signals[ANNOUNCED], 0, r->key);
    }

  arm (self);
  return announce->len;
}

static gboolean
on_timer (gpointer data)
{
  RapportNotifier *self = data;

  self->timer = 0;
  rapport_notifier_check (self);
  return G_SOURCE_REMOVE;
}

static void
arm (RapportNotifier *self)
{
  gint64 now = self->clock ();
  gint64 wait;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->next_fire <= 0)
    return;

  /* GLib's timeouts follow the monotonic clock, which stops in suspend;
   * capping the wait keeps a resumed machine from missing a deadline. */
  wait = CLAMP (self->next_fire - now, 1, 15 * 60);
  self->timer = g_timeout_add_seconds ((guint)wait, on_timer, self);
}

static gboolean
on_idle_check (gpointer data)
{
  RapportNotifier *self = data;

  self->idle = 0;
  rapport_notifier_check (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts: look once they settle. */
static void
on_store_changed (RapportNotifier *self)
{
  if (self->idle == 0)
    self->idle = g_timeout_add (500, on_idle_check, self);
}

/**
 * rapport_notifier_snooze:
 *
 * "Remind Me Later": the reminder @key comes back once after @seconds.
 */
gboolean
rapport_notifier_snooze (RapportNotifier *self,
                         const char      *key,
                         int              seconds)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAPPORT_IS_NOTIFIER (self), FALSE);

  if (key == NULL || !rapport_store_snooze_reminder (self->store, key, self->clock () + seconds, &error))
    {
      if (error != NULL)
        g_warning ("Could not snooze: %s", error->message);
      return FALSE;
    }

  rapport_notifier_check (self);
  return TRUE;
}

/**
 * rapport_notifier_set_settings:
 *
 * New lead times apply at once: the next reminder is looked for again.
 */
void
rapport_notifier_set_settings (RapportNotifier               *self,
                               const RapportReminderSettings *settings)
{
  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));
  g_return_if_fail (settings != NULL);

  self->settings = *settings;
  rapport_notifier_check (self);
}

gint64
rapport_notifier_get_next_fire (RapportNotifier *self)
{
  g_return_val_if_fail (RAPPORT_IS_NOTIFIER (self), 0);

  return self->next_fire;
}

void
rapport_notifier_set_clock (RapportNotifier *self,
                            RapportClock     clock)
{
  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));

  self->clock = clock ? clock : real_clock;
}

static void
rapport_notifier_dispose (GObject *object)
{
  RapportNotifier *self = (RapportNotifier *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_notifier_parent_class)->dispose (object);
}

static void
rapport_notifier_class_init (RapportNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_notifier_dispose;

  /**
   * RapportNotifier::write-note:
   * @appointment_id: the interview to thank the person for
   *
   * The student pressed "Write Note" on a thank-you reminder.
   */
  signals[WRITE_NOTE] =
    g_signal_new ("write-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * RapportNotifier::announced:
   * @key: the reminder's key
   */
  signals[ANNOUNCED] =
    g_signal_new ("announced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_notifier_init (RapportNotifier *self)
{
  self->clock = real_clock;
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * rapport_notifier_new:
 *
 * Starts announcing the reminders of @store. Call notify_init() first for
 * them to reach the desktop.
 */
RapportNotifier *
rapport_notifier_new (RapportStore                  *store,
                      const RapportReminderSettings *settings)
{
  RapportNotifier *self;
  RapportReminderSettings defaults = RAPPORT_REMINDER_SETTINGS_INIT;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? *settings : defaults;

  if (notify_is_initted ())
    {
      GList *caps = notify_get_server_caps ();

      self->has_actions = g_list_find_custom (caps, "actions", (GCompareFunc)g_strcmp0) != NULL;
      g_list_free_full (caps, g_free);
    }

  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  return self;
}
