/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "rapport-notifier.h"

/* Announces due reminders through libnotify, once each: every reminder is
 * recorded in the store before it is shown. One timer is armed for the next
 * one to come due and re-armed whenever the data changes, when the machine
 * resumes from suspend and when the time zone changes; nothing polls. */
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

  /* rapport_notifier_watch_system() */
  GCancellable            *cancellable;
  GDBusConnection         *system_bus;
  guint                    sleep_subscription;
  guint                    timedate_subscription;
  GFileMonitor            *localtime_monitor;
  guint                    zone_idle;
};

G_DEFINE_FINAL_TYPE (RapportNotifier, rapport_notifier, G_TYPE_OBJECT)

enum {
  WRITE_NOTE,
  ANNOUNCED,
  SHOW_APP,
  N_SIGNALS
};

/* More reminders than this due at once (Rapport closed for weeks, a large
 * import) are not a notification each: the most urgent are, and one more
 * says how many others there are and what they are. */
#define MAX_SEPARATE 3
/* Of those others, how many the summary names. */
#define MAX_NAMED 4
#define SUMMARY_KEY "rapport-summary"

static guint signals[N_SIGNALS];

static gint64
real_clock (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The zone the texts show times in. GLib (2.74 at least) reads the system
 * zone once per process when TZ is unset: g_time_zone_new_local() keeps
 * answering with the zone /etc/localtime had at the first call, and
 * tzset() does not change that. A zone made from the file's path is read
 * again once nothing holds it any more, so that is what we keep, and drop
 * when the time zone changes. Main thread only. */
static GTimeZone *local_zone;

static GTimeZone *
dup_local_zone (void)
{
  if (local_zone == NULL)
    {
      if (g_getenv ("TZ") == NULL)
        local_zone = g_time_zone_new_identifier ("/etc/localtime");
      if (local_zone == NULL)
        local_zone = g_time_zone_new_local ();
    }
  return g_time_zone_ref (local_zone);
}

static GDateTime *
local_date_time (gint64 when)
{
  g_autoptr(GTimeZone) zone = dup_local_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);

  return utc ? g_date_time_to_timezone (utc, zone) : NULL;
}

/* "10:30 today", "10:30 tomorrow", "10:30 on Thu 3 Dec" */
static char *
format_relative (gint64 when,
                 gint64 now)
{
  g_autoptr(GDateTime) then = local_date_time (when);
  g_autoptr(GDateTime) today = local_date_time (now);
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
        g_autoptr(GDateTime) last = local_date_time (r->deadline);
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
on_show_app (NotifyNotification *notification,
             char               *action,
             gpointer            data)
{
  RapportNotifier *self = data;

  g_signal_emit (self, signals[SHOW_APP], 0);
}

static void
send (RapportNotifier    *self,
      NotifyNotification *n,
      const char         *key,
      const char         *title)
{
  g_autoptr(GError) error = NULL;

  notify_notification_set_app_name (n, "Rapport");
  notify_notification_set_hint (n, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_category (n, "x-rapport.reminder");
  g_object_set_data_full (G_OBJECT (n), "rapport-key", g_strdup (key), g_free);
  g_signal_connect (n, "closed", G_CALLBACK (on_closed), self);
  g_hash_table_replace (self->shown, g_strdup (key), n);

  if (!notify_notification_show (n, &error))
    g_warning ("Could not show the reminder “%s”: %s", title, error->message);
}

/* "4 more reminders", and what the first of them are. */
static void
show_summary (RapportNotifier *self,
              GPtrArray       *announce,
              guint            first,
              gint64           now)
{
  guint n_more = announce->len - first;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more reminder", "%u more reminders",
                                                         n_more), n_more);
  g_autoptr(GString) body = g_string_new (NULL);
  NotifyNotification *n;

  for (guint i = first; i < announce->len && i < first + MAX_NAMED; i++)
    {
      g_autofree char *line = rapport_reminder_dup_title (self->store, g_ptr_array_index (announce, i), now);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }
  if (n_more > MAX_NAMED)
    {
      guint rest = n_more - MAX_NAMED;

      g_string_append_c (body, '\n');
      /* Translators: after a list of reminders, how many more there are */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more.", "…and %u more.", rest), rest);
    }

  /* One summary at a time: a later one takes the place of one still shown
   * (same id on the server), which keeps its button working. */
  n = g_hash_table_lookup (self->shown, SUMMARY_KEY);
  if (n != NULL)
    {
      g_autoptr(GError) error = NULL;

      notify_notification_update (n, title, body->str, APP_ID);
      if (!notify_notification_show (n, &error))
        g_warning ("Could not show the reminder “%s”: %s", title, error->message);
      return;
    }

  n = notify_notification_new (title, body->str, APP_ID);
  notify_notification_set_urgency (n, NOTIFY_URGENCY_NORMAL);
  if (self->has_actions)
    notify_notification_add_action (n, "default", _("Open Rapport"), on_show_app, self, NULL);
  send (self, n, SUMMARY_KEY, title);
}

static void
show (RapportNotifier       *self,
      const RapportReminder *r,
      gint64                 now)
{
  g_autofree char *title = rapport_reminder_dup_title (self->store, r, now);
  g_autofree char *body = rapport_reminder_dup_body (self->store, r, now);
  NotifyNotification *n;

  n = notify_notification_new (title, body, APP_ID);
  notify_notification_set_urgency (n, r->kind == RAPPORT_REMINDER_THANK_YOU && r->stage == RAPPORT_THANK_YOU_OVERDUE
                                      ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  g_object_set_data (G_OBJECT (n), "rapport-appointment", GSIZE_TO_POINTER ((gsize)r->appointment_id));

  if (self->has_actions)
    {
      if (r->kind == RAPPORT_REMINDER_THANK_YOU)
        notify_notification_add_action (n, "write-note", _("Write Note"), on_write_note, self, NULL);
      notify_notification_add_action (n, "snooze", _("Remind Me Later"), on_snooze, self, NULL);
    }

  send (self, n, r->key, title);
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
  guint separate;
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

  rapport_reminders_sort_by_urgency (announce, now);
  separate = announce->len <= MAX_SEPARATE ? announce->len : MAX_SEPARATE - 1;

  for (guint i = 0; i < announce->len; i++)
    {
      RapportReminder *r = g_ptr_array_index (announce, i);

      if (notify_is_initted () && i < separate)
        show (self, r, now);
      g_signal_emit (self, signals[ANNOUNCED], 0, r->key);
    }
  if (notify_is_initted () && separate < announce->len)
    show_summary (self, announce, separate, now);

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

  /* The whole wait at once. GLib's timeouts follow the monotonic clock,
   * which stops in suspend: rapport_notifier_resumed() looks again when the
   * machine wakes up, so a long wait misses nothing. */
  wait = CLAMP (self->next_fire - now, 1, G_MAXINT);
  self->timer = g_timeout_add_seconds ((guint)wait, on_timer, self);
}

/**
 * rapport_notifier_resumed:
 *
 * The machine woke up from suspend: the timer's monotonic clock stood still
 * meanwhile, so what fell due is announced now and the timer armed afresh.
 * rapport_notifier_watch_system() calls this on logind's word.
 */
void
rapport_notifier_resumed (RapportNotifier *self)
{
  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));

  g_debug ("Resumed from suspend: looking again");
  rapport_notifier_check (self);
}

/**
 * rapport_notifier_time_zone_changed:
 *
 * The system's time zone changed (or the clock was set with it): times are
 * shown in the new zone from now on, and what has come due is announced.
 */
void
rapport_notifier_time_zone_changed (RapportNotifier *self)
{
  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));

  g_debug ("The time zone changed: looking again");
  g_clear_pointer (&local_zone, g_time_zone_unref);
  rapport_notifier_check (self);
}

static void
on_prepare_for_sleep (GDBusConnection *bus,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         data)
{
  gboolean going_to_sleep = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    rapport_notifier_resumed (RAPPORT_NOTIFIER (data));
}

static gboolean
on_zone_idle (gpointer data)
{
  RapportNotifier *self = data;

  self->zone_idle = 0;
  rapport_notifier_time_zone_changed (self);
  return G_SOURCE_REMOVE;
}

/* Both watchers may see one change, and a replaced symlink is several file
 * events: look once they settle. */
static void
queue_time_zone_changed (RapportNotifier *self)
{
  if (self->zone_idle == 0)
    self->zone_idle = g_timeout_add (200, on_zone_idle, self);
}

static void
on_timedate_properties_changed (GDBusConnection *bus,
                                const char      *sender,
                                const char      *path,
                                const char      *interface,
                                const char      *signal,
                                GVariant        *parameters,
                                gpointer         data)
{
  g_autoptr(GVariant) changed = NULL;
  g_autoptr(GVariant) zone = NULL;
  g_autofree const char **invalidated = NULL;
  const char *iface;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sa{sv}as)")))
    return;
  g_variant_get (parameters, "(&s@a{sv}^a&s)", &iface, &changed, &invalidated);
  zone = g_variant_lookup_value (changed, "Timezone", NULL);
  if (zone != NULL || (invalidated != NULL && g_strv_contains (invalidated, "Timezone")))
    queue_time_zone_changed (RAPPORT_NOTIFIER (data));
}

static void
on_localtime_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      gpointer           data)
{
  queue_time_zone_changed (RAPPORT_NOTIFIER (data));
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  RapportNotifier *self;

  if (bus == NULL)
    {
      /* No system bus (a container, a test): only the file monitor and
       * the data's changes wake the timer early. Nothing to warn about. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no word of suspend: %s", error->message);
      return;
    }

  self = RAPPORT_NOTIFIER (data);   /* not cancelled, so still alive */
  self->system_bus = bus;
  /* Without logind or timedated these never fire, which is harmless. */
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
                                        "PrepareForSleep", "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep, self, NULL);
  self->timedate_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.timedate1", "org.freedesktop.DBus.Properties",
                                        "PropertiesChanged", "/org/freedesktop/timedate1",
                                        "org.freedesktop.timedate1", G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_timedate_properties_changed, self, NULL);
}

/**
 * rapport_notifier_watch_system:
 *
 * Listens for what a timer cannot see: logind's PrepareForSleep(false) on
 * the system bus (the machine resumed), and changes of the time zone
 * (/etc/localtime, and timedated's Timezone property). Without a system
 * bus, logind or timedated, it quietly does less.
 */
void
rapport_notifier_watch_system (RapportNotifier *self)
{
  g_autoptr(GFile) localtime = NULL;

  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);

  localtime = g_file_new_for_path ("/etc/localtime");
  self->localtime_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_HARD_LINKS, NULL, NULL);
  if (self->localtime_monitor != NULL)
    g_signal_connect_object (self->localtime_monitor, "changed", G_CALLBACK (on_localtime_changed), self, 0);
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
 * rapport_notifier_check_when_idle:
 *
 * Like rapport_notifier_check(), once the main loop has nothing more
 * urgent to do: at startup, after the window's first frame, which does not
 * wait for the reminders' queries.
 */
void
rapport_notifier_check_when_idle (RapportNotifier *self)
{
  g_return_if_fail (RAPPORT_IS_NOTIFIER (self));

  if (self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_LOW, on_idle_check, self, NULL);
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
  g_clear_handle_id (&self->zone_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->system_bus != NULL)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->timedate_subscription);
      self->sleep_subscription = self->timedate_subscription = 0;
    }
  g_clear_object (&self->system_bus);
  if (self->localtime_monitor != NULL)
    g_file_monitor_cancel (self->localtime_monitor);
  g_clear_object (&self->localtime_monitor);
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

  /**
   * RapportNotifier::show-app:
   *
   * The student pressed the summary of many reminders: open the window.
   */
  signals[SHOW_APP] =
    g_signal_new ("show-app", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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
