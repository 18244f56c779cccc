/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-autostart.h"
#include "rapport-notifier.h"
#include "rapport-reminders.h"

static gint64
local (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static RapportReminderSettings settings = RAPPORT_REMINDER_SETTINGS_INIT;

static RapportReminderAppointment
held (gint64 start,
      int    minutes)
{
  RapportReminderAppointment a = { 0 };

  a.id = 7;
  a.contact_id = 3;
  a.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  a.status = RAPPORT_STATUS_HELD;
  a.start = start;
  a.end = start + minutes * 60;
  a.created = start - 7 * 24 * 3600;
  return a;
}

static const RapportReminder *
only (GPtrArray *due)
{
  g_assert_cmpuint (due->len, ==, 1);
  return g_ptr_array_index (due, 0);
}

static void
test_thank_you_stages (void)
{
  RapportReminderAppointment a = held (local (2026, 12, 3, 14, 0), 30);
  gint64 end = a.end, deadline = a.end + 24 * 3600, next;
  g_autoptr(GPtrArray) before = rapport_reminders_due (&a, 1, NULL, 0, &settings, end + 3600, &next);
  g_autoptr(GPtrArray) nudge = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) sent = NULL;

  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpint (next, ==, end + 2 * 3600);

  nudge = rapport_reminders_due (&a, 1, NULL, 0, &settings, end + 2 * 3600, &next);
  g_assert_cmpint (only (nudge)->kind, ==, RAPPORT_REMINDER_THANK_YOU);
  g_assert_cmpint (only (nudge)->stage, ==, RAPPORT_THANK_YOU_NUDGE);
  g_assert_cmpint (only (nudge)->deadline, ==, deadline);
  g_assert_cmpint (next, ==, deadline - 4 * 3600);

  soon = rapport_reminders_due (&a, 1, NULL, 0, &settings, deadline - 3600, &next);
  g_assert_cmpint (only (soon)->stage, ==, RAPPORT_THANK_YOU_SOON);

  /* Closed all day: one reminder, at the latest stage, not a burst. */
  overdue = rapport_reminders_due (&a, 1, NULL, 0, &settings, deadline + 5 * 3600, &next);
  g_assert_cmpint (only (overdue)->stage, ==, RAPPORT_THANK_YOU_OVERDUE);
  g_assert_cmpint (next, ==, 0);

  a.thanked = end + 3600;
  sent = rapport_reminders_due (&a, 1, NULL, 0, &settings, deadline + 5 * 3600, &next);
  g_assert_cmpuint (sent->len, ==, 0);
}

static void
test_before_the_meeting (void)
{
  RapportReminderAppointment a = held (local (2026, 12, 3, 14, 0), 30);
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GPtrArray) hour = NULL;
  g_autoptr(GPtrArray) early = NULL;
  g_autofree char *old_key = NULL;
  gint64 next;

  a.status = RAPPORT_STATUS_CONFIRMED;
  early = rapport_reminders_due (&a, 1, NULL, 0, &settings, a.start - 30 * 3600, &next);
  g_assert_cmpuint (early->len, ==, 0);
  g_assert_cmpint (next, ==, a.start - 24 * 3600);

  day = rapport_reminders_due (&a, 1, NULL, 0, &settings, a.start - 20 * 3600, &next);
  g_assert_cmpint (only (day)->kind, ==, RAPPORT_REMINDER_DAY_BEFORE);
  old_key = g_strdup (only (day)->key);

  hour = rapport_reminders_due (&a, 1, NULL, 0, &settings, a.start - 30 * 60, &next);
  g_assert_cmpint (only (hour)->kind, ==, RAPPORT_REMINDER_HOUR_BEFORE);

  /* A rescheduled meeting gets its own reminders. */
  a.start += 24 * 3600;
  g_clear_pointer (&day, g_ptr_array_unref);
  day = rapport_reminders_due (&a, 1, NULL, 0, &settings, a.start - 20 * 3600, &next);
  g_assert_cmpstr (only (day)->key, !=, old_key);
}

static void
test_requests_actions_referrals (void)
{
  RapportReminderAppointment items[2] = { 0 };
  RapportReminderAction action = { 11, 3, 0, FALSE };
  gint64 now = local (2026, 12, 10, 9, 0), next;
  g_autoptr(GPtrArray) due = NULL;
  guint kinds = 0;

  items[0].id = 1;
  items[0].contact_id = 3;
  items[0].kind = RAPPORT_APPOINTMENT_INTERVIEW;
  items[0].status = RAPPORT_STATUS_REQUESTED;
  items[0].created = now - 8 * 24 * 3600;        /* asked eight days ago */

  items[1] = held (now - 5 * 3600, 60);
  items[1].thanked = now - 3600;
  items[1].referrer_id = 9;                       /* met someone referred by 9 */

  action.due = now - 60;
  due = rapport_reminders_due (items, 2, &action, 1, &settings, now, &next);
  for (guint i = 0; i < due->len; i++)
    kinds |= 1u << ((RapportReminder *)g_ptr_array_index (due, i))->kind;

  g_assert_cmpuint (due->len, ==, 3);
  g_assert_true (kinds & (1u << RAPPORT_REMINDER_REQUEST_FOLLOW_UP));
  g_assert_true (kinds & (1u << RAPPORT_REMINDER_ACTION_DUE));
  g_assert_true (kinds & (1u << RAPPORT_REMINDER_TELL_REFERRER));

  /* Done actions and counsellor meetings stay quiet. */
  action.done = TRUE;
  items[1].kind = RAPPORT_APPOINTMENT_COUNSELLOR;
  g_clear_pointer (&due, g_ptr_array_unref);
  due = rapport_reminders_due (items, 2, &action, 1, &settings, now, &next);
  g_assert_cmpuint (due->len, ==, 1);
}

static void
test_across_daylight_saving (void)
{
  /* Europe/Berlin moves to summer time on 29 March 2026 at 02:00. */
  RapportReminderAppointment a = held (local (2026, 3, 28, 22, 0), 60);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  gint64 next;

  due = rapport_reminders_due (&a, 1, NULL, 0, &settings, a.end + 24 * 3600, &next);
  g_assert_cmpint (only (due)->deadline, ==, a.end + 24 * 3600);
  /* 24 real hours after 23:00 CET is midnight CEST, not 23:00. */
  deadline = g_date_time_new_from_unix_local (only (due)->deadline);
  g_assert_cmpint (g_date_time_get_hour (deadline), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (deadline), ==, 30);
}

static RapportReminder *
reminder (const char          *key,
          RapportReminderKind  kind,
          gint64               deadline)
{
  RapportReminder *r = g_new0 (RapportReminder, 1);

  r->key = g_strdup (key);
  r->kind = kind;
  r->deadline = deadline;
  return r;
}

/* Many at once: the meeting within the hour, then thank-you notes (the
 * one nearest its deadline first), then what can wait. */
static void
test_sort_by_urgency (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)rapport_reminder_free);
  const gint64 now = 1800000000;
  const char *expected[] = { "hour", "thanks-soon", "thanks-late", "thanks-old", "tomorrow", "action",
                             "follow-up", "referrer", "recontact" };

  g_ptr_array_add (all, reminder ("recontact", RAPPORT_REMINDER_RECONTACT, now - 100 * 86400));
  g_ptr_array_add (all, reminder ("thanks-old", RAPPORT_REMINDER_THANK_YOU, now - 30 * 86400));
  g_ptr_array_add (all, reminder ("referrer", RAPPORT_REMINDER_TELL_REFERRER, now - 3600));
  g_ptr_array_add (all, reminder ("action", RAPPORT_REMINDER_ACTION_DUE, now - 60));
  g_ptr_array_add (all, reminder ("thanks-late", RAPPORT_REMINDER_THANK_YOU, now - 7200));
  g_ptr_array_add (all, reminder ("tomorrow", RAPPORT_REMINDER_DAY_BEFORE, now + 86400));
  g_ptr_array_add (all, reminder ("follow-up", RAPPORT_REMINDER_REQUEST_FOLLOW_UP, now));
  g_ptr_array_add (all, reminder ("thanks-soon", RAPPORT_REMINDER_THANK_YOU, now + 3600));
  g_ptr_array_add (all, reminder ("hour", RAPPORT_REMINDER_HOUR_BEFORE, now + 3000));

  rapport_reminders_sort_by_urgency (all, now);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((RapportReminder *)g_ptr_array_index (all, i))->key, ==, expected[i]);
}

static void
test_recontact_rule (void)
{
  RapportReminderContact c = { 3, RAPPORT_STAGE_THANKED, local (2026, 1, 15, 10, 0) };
  RapportReminderSettings s = RAPPORT_REMINDER_SETTINGS_INIT;
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (c.last_contact);
  g_autoptr(GDateTime) three = g_date_time_add_months (last, 3);
  g_autoptr(GDateTime) six = g_date_time_add_months (last, 6);
  g_autoptr(GDateTime) nine = g_date_time_add_months (last, 9);
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify)rapport_reminder_free);
  g_autofree char *first_key = NULL;
  gint64 next = 0;

  g_assert_cmpint (s.recontact_months, ==, 3);

  /* Two months of silence: nothing yet, a look again at three. */
  rapport_reminders_recontact (&c, 1, &s, c.last_contact + 60 * 24 * 3600, due, &next);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpint (next, ==, g_date_time_to_unix (three));

  next = 0;
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (three), due, &next);
  g_assert_cmpint (only (due)->kind, ==, RAPPORT_REMINDER_RECONTACT);
  g_assert_cmpint (only (due)->contact_id, ==, 3);
  g_assert_cmpint (only (due)->stage, ==, 1);
  g_assert_cmpint (only (due)->deadline, ==, c.last_contact);
  g_assert_cmpint (next, ==, g_date_time_to_unix (six));
  first_key = g_strdup (only (due)->key);
  g_ptr_array_set_size (due, 0);

  /* Closed for half a year: the latest period, once, not a burst. */
  next = 0;
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (nine) - 1, due, &next);
  g_assert_cmpint (only (due)->stage, ==, 2);
  g_assert_cmpstr (only (due)->key, !=, first_key);
  g_assert_cmpint (next, ==, g_date_time_to_unix (nine));
  g_ptr_array_set_size (due, 0);

  /* New contact: a new count, under a new key. */
  c.last_contact = g_date_time_to_unix (six);
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (nine), due, &next);
  g_assert_cmpint (only (due)->stage, ==, 1);
  g_assert_cmpstr (only (due)->key, !=, first_key);
  g_ptr_array_set_size (due, 0);

  /* Not met yet, declined, or the setting at 0: never. */
  c.stage = RAPPORT_STAGE_SCHEDULED;
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (nine) + 365 * 24 * 3600, due, &next);
  c.stage = RAPPORT_STAGE_DECLINED;
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (nine) + 365 * 24 * 3600, due, &next);
  c.stage = RAPPORT_STAGE_MET;
  s.recontact_months = 0;
  rapport_reminders_recontact (&c, 1, &s, g_date_time_to_unix (nine) + 365 * 24 * 3600, due, &next);
  g_assert_cmpuint (due->len, ==, 0);
}

/* With a store */

typedef struct
{
  char               *dir;
  char               *path;
  RapportStore       *store;
  RapportContact     *ada;
  RapportAppointment *meeting;
} Fixture;

static gint64 pinned_now;

static gint64
pinned_clock (void)
{
  return pinned_now;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-reminders-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->store, f->ada, NULL));
  f->meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  rapport_appointment_set_start (f->meeting, local (2026, 12, 3, 14, 0));
  rapport_appointment_set_status (f->meeting, RAPPORT_STATUS_HELD);
  g_assert_true (rapport_store_add_appointment (f->store, f->meeting, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
check_at (Fixture *f,
          gint64   now)
{
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);

  pinned_now = now;
  rapport_notifier_set_clock (notifier, pinned_clock);
  return rapport_notifier_check (notifier);
}

static void
test_never_twice (Fixture       *f,
                  gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (check_at (f, end + 2 * 3600), ==, 1);      /* nudge */
  g_assert_cmpuint (check_at (f, end + 3 * 3600), ==, 0);      /* not again */

  /* Across a restart, still not again. */
  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  g_clear_object (&f->store);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_at (f, end + 3 * 3600), ==, 0);

  /* The next stage is a new announcement, once. */
  g_assert_cmpuint (check_at (f, end + 21 * 3600), ==, 1);
  g_assert_cmpuint (check_at (f, end + 22 * 3600), ==, 0);
  g_assert_cmpuint (check_at (f, end + 25 * 3600), ==, 1);     /* overdue */
  g_assert_cmpuint (check_at (f, end + 48 * 3600), ==, 0);
}

static void
test_closed_through_stages (Fixture       *f,
                            gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);
  g_autofree char *announced = NULL;
  gboolean delivered;

  /* The app was closed from the meeting until past the deadline. */
  g_assert_cmpuint (check_at (f, end + 30 * 3600), ==, 1);
  delivered = rapport_store_get_reminder (f->store, "thank-you:0:0:0", NULL, NULL, NULL);
  g_assert_false (delivered);
  announced = g_strdup_printf ("thank-you:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                               rapport_record_get_id (RAPPORT_RECORD (f->meeting)), end + 24 * 3600,
                               RAPPORT_THANK_YOU_OVERDUE);
  g_assert_true (rapport_store_get_reminder (f->store, announced, NULL, NULL, NULL));
  (void)notifier;
}

static void
test_snooze_comes_back_once (Fixture       *f,
                             gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);
  g_autofree char *key = NULL;

  rapport_notifier_set_clock (notifier, pinned_clock);
  pinned_now = end + 2 * 3600;
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 1);

  key = g_strdup_printf ("thank-you:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":0",
                         rapport_record_get_id (RAPPORT_RECORD (f->meeting)), end + 24 * 3600);
  g_assert_true (rapport_notifier_snooze (notifier, key, 3600));
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, pinned_now + 3600);

  pinned_now += 1800;
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 0);
  pinned_now += 1800;
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 1);   /* back once */
  pinned_now += 600;
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 0);
}

static void
test_sent_stops_and_schedules_follow_up (Fixture       *f,
                                         gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  gint64 follow_up = end + 14 * 24 * 3600;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_mark_thanked (f->store, f->meeting, end + 3600,
                                             "Keep Ada posted", follow_up, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_THANKED);
  g_assert_cmpint (rapport_store_get_thanked (f->store, rapport_record_get_id (RAPPORT_RECORD (f->meeting))), ==, end + 3600);

  g_assert_cmpuint (check_at (f, end + 25 * 3600), ==, 0);       /* no thank-you reminder */
  g_assert_cmpuint (check_at (f, follow_up + 60), ==, 1);        /* the follow-up */
}

static void
test_deleted_and_moved (Fixture       *f,
                        gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(GError) error = NULL;

  /* Moved: the deadline moves with the end time. */
  rapport_appointment_set_duration (f->meeting, 90);
  g_assert_true (rapport_store_save_appointment (f->store, f->meeting, &error));
  g_assert_cmpuint (check_at (f, end + 2 * 3600), ==, 0);        /* 2 h after the old end */
  g_assert_cmpuint (check_at (f, end + 3 * 3600), ==, 1);        /* 2 h after the new end */

  /* Deleted: nothing more. */
  g_assert_true (rapport_store_delete_appointment (f->store, f->meeting, &error));
  g_assert_cmpuint (check_at (f, end + 30 * 3600), ==, 0);
}

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  RapportReminderSettings s = RAPPORT_REMINDER_SETTINGS_INIT;
  gint64 next;

  due = rapport_reminders_to_announce (f->store, &s, end + 2 * 3600, &next);
  title = rapport_reminder_dup_title (f->store, g_ptr_array_index (due, 0), end + 2 * 3600);
  body = rapport_reminder_dup_body (f->store, g_ptr_array_index (due, 0), end + 2 * 3600);
  /* The meeting ended at 14:30; the note is due at 14:30 tomorrow. */
  g_assert_cmpstr (title, ==, "Thank Ada Lovelace by 14:30 tomorrow");
  g_assert_nonnull (strstr (body, "24 hours"));
}

static void
test_recontact_once (Fixture       *f,
                     gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  gint64 thanked = end + 3600;
  /* Asking counts as contact too, and the store dates that by the real clock. */
  gint64 last = MAX (thanked, rapport_record_get_created (RAPPORT_RECORD (f->meeting)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) last_day = g_date_time_new_from_unix_local (last);
  g_autofree char *day = g_date_time_format (last_day, "%a %-d %b");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  RapportReminderSettings s = RAPPORT_REMINDER_SETTINGS_INIT;
  gint64 next;

  g_assert_true (rapport_store_mark_thanked (f->store, f->meeting, thanked, NULL, 0, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (check_at (f, last + 80 * 24 * 3600), ==, 0);
  g_assert_cmpuint (check_at (f, last + 95 * 24 * 3600), ==, 1);   /* three months on */
  g_assert_cmpuint (check_at (f, last + 120 * 24 * 3600), ==, 0);  /* once */
  g_assert_cmpuint (check_at (f, last + 190 * 24 * 3600), ==, 1);  /* and once more at six */

  due = rapport_reminders_to_announce (f->store, &s, last + 280 * 24 * 3600, &next);
  g_assert_cmpint (only (due)->kind, ==, RAPPORT_REMINDER_RECONTACT);
  title = rapport_reminder_dup_title (f->store, only (due), last + 280 * 24 * 3600);
  body = rapport_reminder_dup_body (f->store, only (due), last + 280 * 24 * 3600);
  g_assert_cmpstr (title, ==, "Get back in touch with Ada Lovelace");
  g_assert_nonnull (strstr (body, day));
}

static void
count_announced (RapportNotifier *notifier,
                 const char      *key,
                 guint           *count)
{
  (*count)++;
}

/* Suspended past a deadline: the monotonic timer slept too, so waking up
 * is what announces it, at once, and the timer goes on to the next stage. */
static void
test_resumed_announces (Fixture       *f,
                        gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);
  guint announced = 0;

  g_signal_connect (notifier, "announced", G_CALLBACK (count_announced), &announced);
  pinned_now = end + 3600;
  rapport_notifier_set_clock (notifier, pinned_clock);
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 0);
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, end + 2 * 3600);

  pinned_now = end + 5 * 3600;   /* the lid was closed for four hours */
  rapport_notifier_resumed (notifier);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, end + 20 * 3600);

  rapport_notifier_resumed (notifier);   /* and only once */
  g_assert_cmpuint (announced, ==, 1);
}

/* At startup the check waits for the main loop to be idle (the window's
 * first frame first), then announces what fell due, once. */
static void
test_check_when_idle (Fixture       *f,
                      gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);
  guint announced = 0;

  g_signal_connect (notifier, "announced", G_CALLBACK (count_announced), &announced);
  pinned_now = end + 3 * 3600;   /* the thank-you nudge is due */
  rapport_notifier_set_clock (notifier, pinned_clock);

  rapport_notifier_check_when_idle (notifier);
  rapport_notifier_check_when_idle (notifier);   /* asked twice, done once */
  g_assert_cmpuint (announced, ==, 0);
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, 0);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, end + 20 * 3600);

  /* Nothing left for later: disposing it now leaves no source behind. */
  rapport_notifier_check_when_idle (notifier);
  g_clear_object (&notifier);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (announced, ==, 1);
}

static void
test_time_zone_changed (Fixture       *f,
                        gconstpointer  data)
{
  gint64 end = rapport_appointment_get_end (f->meeting);
  g_autoptr(RapportNotifier) notifier = rapport_notifier_new (f->store, NULL);
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *title = NULL;
  RapportReminderSettings s = RAPPORT_REMINDER_SETTINGS_INIT;
  guint announced = 0;
  gint64 next;

  g_signal_connect (notifier, "announced", G_CALLBACK (count_announced), &announced);
  pinned_now = end + 3600;
  rapport_notifier_set_clock (notifier, pinned_clock);
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 0);

  /* Flown to New York, the clock set on arrival. */
  g_setenv ("TZ", "America/New_York", TRUE);
  pinned_now = end + 2 * 3600 + 60;
  rapport_notifier_time_zone_changed (notifier);
  g_assert_cmpuint (announced, ==, 1);
  g_assert_cmpint (rapport_notifier_get_next_fire (notifier), ==, end + 20 * 3600);

  /* The meeting ended at 14:30 in Berlin, 8:30 in New York. */
  due = rapport_reminders_due (&(RapportReminderAppointment) { .id = 1, .contact_id = rapport_record_get_id (RAPPORT_RECORD (f->ada)),
                                                               .kind = RAPPORT_APPOINTMENT_INTERVIEW, .status = RAPPORT_STATUS_HELD,
                                                               .start = end - 30 * 60, .end = end },
                               1, NULL, 0, &s, pinned_now, &next);
  title = rapport_reminder_dup_title (f->store, g_ptr_array_index (due, 0), pinned_now);
  g_assert_cmpstr (title, ==, "Thank Ada Lovelace by 08:30 tomorrow");

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  rapport_notifier_time_zone_changed (notifier);
  g_assert_cmpuint (announced, ==, 1);
}

static gboolean
emit_resumed (gpointer data)
{
  GDBusConnection *logind = data;

  g_dbus_connection_emit_signal (logind, NULL, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                                 "PrepareForSleep", g_variant_new ("(b)", FALSE), NULL);
  return G_SOURCE_CONTINUE;
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  *(gboolean *)data = TRUE;
}

/* logind's PrepareForSleep(false) on the system bus (here a private bus
 * standing in for it) makes the notifier look again. */
static void
test_resumed_by_logind (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) logind = NULL;
  g_autoptr(RapportNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end = rapport_appointment_get_end (f->meeting);
  gboolean owned = FALSE;
  guint announced = 0, owner, emitter;
  gint64 give_up;

  g_test_dbus_up (bus);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);
  logind = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (logind, "org.freedesktop.login1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired, NULL, &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  notifier = rapport_notifier_new (f->store, NULL);
  g_signal_connect (notifier, "announced", G_CALLBACK (count_announced), &announced);
  pinned_now = end + 3600;
  rapport_notifier_set_clock (notifier, pinned_clock);
  g_assert_cmpuint (rapport_notifier_check (notifier), ==, 0);
  rapport_notifier_watch_system (notifier);

  /* Asleep past the first stage; logind says so until the notifier, which
   * subscribes asynchronously, has heard it. */
  pinned_now = end + 3 * 3600;
  emitter = g_timeout_add (50, emit_resumed, logind);
  give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (announced == 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (emitter);
  g_assert_cmpuint (announced, ==, 1);

  g_clear_object (&notifier);
  g_bus_unown_name (owner);
  g_dbus_connection_close_sync (logind, NULL, NULL);
  g_clear_object (&logind);
  g_test_dbus_down (bus);
  g_unsetenv ("DBUS_SYSTEM_BUS_ADDRESS");
}

/* The reminders' one query gives what the objects would, row by row. */
static void
test_interview_states (Fixture       *f,
                       gconstpointer  data)
{
  gint64 start = rapport_appointment_get_start (f->meeting);
  gint64 follow_up = start + 14 * 24 * 3600;
  gint64 ada_id = rapport_record_get_id (RAPPORT_RECORD (f->ada));
  g_autoptr(RapportContact) bob = rapport_contact_new ("Bob Babbage");
  g_autoptr(RapportContact) carol = rapport_contact_new ("Carol Clarke");
  g_autoptr(RapportAppointment) with_bob = NULL;
  g_autoptr(RapportAppointment) gone = NULL;
  g_autoptr(RapportAppointment) counsellor = NULL;
  g_autoptr(RapportAppointment) with_carol = NULL;
  g_autoptr(RapportActionItem) done = NULL;
  g_autoptr(GArray) states = NULL;
  g_autoptr(GArray) open = NULL;
  g_autoptr(GError) error = NULL;
  const RapportInterviewState *s;
  const RapportOpenAction *o;

  rapport_contact_set_referred_by (bob, ada_id);
  g_assert_true (rapport_store_add_contact (f->store, bob, &error));
  g_assert_true (rapport_store_add_contact (f->store, carol, &error));

  /* Bob's interview: held later, thanked, with a follow-up to keep. */
  with_bob = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (bob)));
  rapport_appointment_set_start (with_bob, start + 2 * 24 * 3600);
  rapport_appointment_set_duration (with_bob, 45);
  rapport_appointment_set_status (with_bob, RAPPORT_STATUS_HELD);
  g_assert_true (rapport_store_add_appointment (f->store, with_bob, &error));
  g_assert_true (rapport_store_mark_thanked (f->store, with_bob, start + 3 * 24 * 3600,
                                             "Keep Bob posted", follow_up, &error));
  g_assert_no_error (error);

  /* Not listed: a deleted interview, an appointment that is no interview,
   * and the interview of a contact whose deletion can still be undone. */
  gone = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, ada_id);
  g_assert_true (rapport_store_add_appointment (f->store, gone, &error));
  g_assert_true (rapport_store_delete_appointment (f->store, gone, &error));
  counsellor = rapport_appointment_new (RAPPORT_APPOINTMENT_COUNSELLOR, 0);
  rapport_appointment_set_start (counsellor, start);
  g_assert_true (rapport_store_add_appointment (f->store, counsellor, &error));
  with_carol = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (carol)));
  g_assert_true (rapport_store_add_appointment (f->store, with_carol, &error));
  g_assert_true (rapport_store_delete_contact (f->store, carol, &error));

  /* Done, or without a due date: not open. */
  done = g_object_new (RAPPORT_TYPE_ACTION_ITEM, "contact-id", ada_id, "text", "Send the article",
                       "due", follow_up, "done", TRUE, NULL);
  g_assert_true (rapport_store_add_action_item (f->store, done, &error));
  g_assert_no_error (error);

  /* An edit still waiting for its autosave counts already. */
  rapport_appointment_set_duration (f->meeting, 60);
  g_assert_true (rapport_store_has_pending (f->store));

  states = rapport_store_list_interview_states (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);

  s = &g_array_index (states, RapportInterviewState, 0);
  g_assert_cmpint (s->appointment_id, ==, rapport_record_get_id (RAPPORT_RECORD (f->meeting)));
  g_assert_cmpint (s->contact_id, ==, ada_id);
  g_assert_cmpint (s->referred_by, ==, 0);
  g_assert_cmpint (s->kind, ==, RAPPORT_APPOINTMENT_INTERVIEW);
  g_assert_cmpint (s->status, ==, RAPPORT_STATUS_HELD);
  g_assert_cmpint (s->start, ==, start);
  g_assert_cmpint (s->end, ==, start + 60 * 60);
  g_assert_cmpint (s->created, ==, rapport_record_get_created (RAPPORT_RECORD (f->meeting)));
  g_assert_cmpint (s->thanked, ==, 0);
  g_assert_cmpint (s->contact_stage, ==, rapport_contact_get_stage (f->ada));

  /* Moved to Bob in memory: Bob's referrer and stage. */
  rapport_appointment_set_contact_id (f->meeting, rapport_record_get_id (RAPPORT_RECORD (bob)));
  g_clear_pointer (&states, g_array_unref);
  states = rapport_store_list_interview_states (f->store, &error);
  g_assert_no_error (error);
  s = &g_array_index (states, RapportInterviewState, 0);
  g_assert_cmpint (s->contact_id, ==, rapport_record_get_id (RAPPORT_RECORD (bob)));
  g_assert_cmpint (s->referred_by, ==, ada_id);
  g_assert_cmpint (s->contact_stage, ==, RAPPORT_STAGE_THANKED);

  /* Read from the rows, with no object alive to answer instead. */
  g_clear_object (&with_bob);
  g_clear_object (&bob);
  g_clear_pointer (&states, g_array_unref);
  states = rapport_store_list_interview_states (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  s = &g_array_index (states, RapportInterviewState, 1);
  g_assert_cmpint (s->referred_by, ==, ada_id);
  g_assert_cmpint (s->kind, ==, RAPPORT_APPOINTMENT_INTERVIEW);
  g_assert_cmpint (s->status, ==, RAPPORT_STATUS_HELD);
  g_assert_cmpint (s->start, ==, start + 2 * 24 * 3600);
  g_assert_cmpint (s->end, ==, start + 2 * 24 * 3600 + 45 * 60);
  g_assert_cmpint (s->created, >, 0);
  g_assert_cmpint (s->thanked, ==, start + 3 * 24 * 3600);
  g_assert_cmpint (s->contact_stage, ==, RAPPORT_STAGE_THANKED);

  open = rapport_store_list_open_actions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  o = &g_array_index (open, RapportOpenAction, 0);
  g_assert_cmpint (o->id, >, 0);
  g_assert_cmpint (o->contact_id, ==, s->contact_id);
  g_assert_cmpint (o->due, ==, follow_up);
  g_assert_false (o->done);
}

static void
test_autostart_entry (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-autostart-XXXXXX", NULL);
  g_autofree char *path = rapport_autostart_path (dir, "io.github.rapportapp.Rapport");
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *autostart_dir = g_build_filename (dir, "autostart", NULL);

  g_assert_true (rapport_autostart_set (dir, "io.github.rapportapp.Rapport", "rapport", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "rapport --background");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));

  g_assert_true (rapport_autostart_set (dir, "io.github.rapportapp.Rapport", "rapport", FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Removing what is not there is fine. */
  g_assert_true (rapport_autostart_set (dir, "io.github.rapportapp.Rapport", "rapport", FALSE, &error));

  g_rmdir (autostart_dir);
  g_rmdir (dir);
}

static gboolean apply_and_wait (GSettings        *gsettings,
                                GDBusConnection  *portal_bus,
                                const char       *config_dir,
                                const char       *binary,
                                GError          **error);

/* Outside Flatpak: the entry runs the installed program, and a build that
 * is not installed writes none and says so. */
static void
test_background_entry (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-autostart-XXXXXX", NULL);
  g_autofree char *path = rapport_autostart_path (dir, "io.github.rapportapp.Rapport");
  g_autofree char *autostart_dir = g_build_filename (dir, "autostart", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exec = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GSettings) gsettings = g_settings_new (APP_ID);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (self_path);
  g_assert_false (rapport_autostart_binary_is_installed ("/nonexistent/bin/rapport", NULL));
  g_assert_false (rapport_autostart_binary_is_installed ("rapport", NULL));
  g_assert_false (rapport_autostart_binary_is_installed ("/bin/sh", NULL));   /* not this program */
  g_assert_true (rapport_autostart_binary_is_installed (self_path, NULL));

  g_settings_set_boolean (gsettings, "run-in-background", TRUE);
  apply_and_wait (gsettings, NULL, dir, "/nonexistent/bin/rapport", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Rapport may not run in the background: "));
  g_assert_false (g_settings_get_boolean (gsettings, "run-in-background"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_settings_set_boolean (gsettings, "run-in-background", TRUE);
  g_assert_true (apply_and_wait (gsettings, NULL, dir, self_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_settings_get_boolean (gsettings, "run-in-background"));
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  expected = g_strdup_printf ("%s --background", self_path);
  g_assert_cmpstr (exec, ==, expected);

  g_settings_set_boolean (gsettings, "run-in-background", FALSE);
  g_assert_true (apply_and_wait (gsettings, NULL, dir, self_path, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A folder with a space is quoted as the Desktop Entry specification says. */
  g_assert_true (rapport_autostart_set (dir, "io.github.rapportapp.Rapport", "/opt/my apps/rapport", TRUE, &error));
  g_clear_pointer (&exec, g_free);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "\"/opt/my apps/rapport\" --background");
  g_assert_true (rapport_autostart_set (dir, "io.github.rapportapp.Rapport", "rapport", FALSE, &error));

  g_rmdir (autostart_dir);
  g_rmdir (dir);
}

/* A Background portal of our own on a private session bus: it answers
 * RequestBackground with the Request path the spec gives and sends its
 * Response *before* the method reply, which a client that subscribes only
 * after the reply would miss. */
typedef struct
{
  GDBusConnection *bus;
  guint32          response;
  gboolean         background;
  GVariant        *last_options;
} FakePortal;

static void
fake_portal_method (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               data)
{
  FakePortal *portal = data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *name = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *path = NULL;
  const char *parent, *token = "t";
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", &parent, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", name, token);
  g_clear_pointer (&portal->last_options, g_variant_unref);
  portal->last_options = g_variant_ref (options);

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (portal->background));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (portal->background));
  g_dbus_connection_emit_signal (connection, NULL, path, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->response, &results), NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
}

static const char fake_portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "<arg type='o' direction='out'/></method></interface></node>";

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static gboolean
apply_and_wait (GSettings        *gsettings,
                GDBusConnection  *portal_bus,
                const char       *config_dir,
                const char       *binary,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_background_apply_async (gsettings, portal_bus, config_dir, "io.github.rapportapp.Rapport", binary,
                                  NULL, on_applied, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rapport_background_apply_finish (result, error);
}

static void
on_portal_name (GDBusConnection *connection,
                const char      *name,
                gpointer         data)
{
  *(gboolean *)data = TRUE;
}

static void
test_background_portal (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) app_bus = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (fake_portal_xml, NULL);
  g_autoptr(GSettings) gsettings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  GDBusInterfaceVTable vtable = { fake_portal_method, NULL, NULL, { 0 } };
  FakePortal portal = { 0 };
  gboolean owned = FALSE;
  const char *commandline_expected[] = { "rapport", "--background", NULL };
  g_autofree const char **commandline = NULL;
  gboolean autostart = FALSE;
  guint owner, object;

  g_test_dbus_up (bus);
  portal.bus = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  object = g_dbus_connection_register_object (portal.bus, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                              &vtable, &portal, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (portal.bus, "org.freedesktop.portal.Desktop", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_portal_name, NULL, &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);
  app_bus = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                    NULL, NULL, &error);
  g_assert_no_error (error);

  /* Allowed: the switch stays on. */
  portal.response = 0;
  portal.background = TRUE;
  g_settings_set_boolean (gsettings, "run-in-background", TRUE);
  g_assert_true (apply_and_wait (gsettings, app_bus, "/nonexistent", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_settings_get_boolean (gsettings, "run-in-background"));
  g_assert_true (g_variant_lookup (portal.last_options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (portal.last_options, "commandline", "^a&s", &commandline));
  g_assert_cmpstrv (commandline, commandline_expected);

  /* Refused: off again, and a message for the person. */
  g_settings_set_boolean (gsettings, "run-in-background", FALSE);
  portal.response = 0;
  portal.background = FALSE;
  g_settings_set_boolean (gsettings, "run-in-background", TRUE);
  g_assert_false (apply_and_wait (gsettings, app_bus, "/nonexistent", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "Rapport may not run in the background: the permission was refused");
  g_assert_false (g_settings_get_boolean (gsettings, "run-in-background"));
  g_clear_error (&error);

  /* The dialog cancelled: off again too. */
  portal.response = 1;
  g_settings_set_boolean (gsettings, "run-in-background", TRUE);
  g_assert_false (apply_and_wait (gsettings, app_bus, "/nonexistent", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Rapport may not run in the background: "));
  g_assert_false (g_settings_get_boolean (gsettings, "run-in-background"));
  g_clear_error (&error);

  g_clear_pointer (&portal.last_options, g_variant_unref);
  g_dbus_connection_unregister_object (portal.bus, object);
  g_bus_unown_name (owner);
  g_dbus_connection_close_sync (app_bus, NULL, NULL);
  g_dbus_connection_close_sync (portal.bus, NULL, NULL);
  g_clear_object (&app_bus);
  g_clear_object (&portal.bus);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/rules/thank-you-stages", test_thank_you_stages);
  g_test_add_func ("/reminders/rules/before-the-meeting", test_before_the_meeting);
  g_test_add_func ("/reminders/rules/requests-actions-referrals", test_requests_actions_referrals);
  g_test_add_func ("/reminders/rules/across-daylight-saving", test_across_daylight_saving);
  g_test_add_func ("/reminders/rules/recontact", test_recontact_rule);
  g_test_add_func ("/reminders/rules/sort-by-urgency", test_sort_by_urgency);
  g_test_add_func ("/reminders/autostart-entry", test_autostart_entry);
  g_test_add_func ("/reminders/background/entry", test_background_entry);
  g_test_add_func ("/reminders/background/portal", test_background_portal);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reminders/store/never-twice", test_never_twice);
  ADD ("/reminders/store/closed-through-stages", test_closed_through_stages);
  ADD ("/reminders/store/snooze-comes-back-once", test_snooze_comes_back_once);
  ADD ("/reminders/store/sent-stops-and-schedules-follow-up", test_sent_stops_and_schedules_follow_up);
  ADD ("/reminders/store/deleted-and-moved", test_deleted_and_moved);
  ADD ("/reminders/store/texts", test_texts);
  ADD ("/reminders/store/recontact-once", test_recontact_once);
  ADD ("/reminders/timer/resumed", test_resumed_announces);
  ADD ("/reminders/timer/check-when-idle", test_check_when_idle);
  ADD ("/reminders/timer/time-zone-changed", test_time_zone_changed);
  ADD ("/reminders/timer/resumed-by-logind", test_resumed_by_logind);
  ADD ("/reminders/store/interview-states", test_interview_states);
#undef ADD

  return g_test_run ();
}
