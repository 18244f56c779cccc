/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-reminders"

#include "config.h"

#include "rapport-reminders.h"

/* The reminder rules: pure functions of "now" and the stored state, so a
 * test pins the clock. Delivery lives elsewhere (rapport-notifier.c). */

void
rapport_reminder_free (RapportReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_free (reminder);
}

static RapportReminder *
reminder_new (RapportReminderKind kind,
              int                 stage,
              gint64              appointment_id,
              gint64              contact_id,
              gint64              action_id,
              gint64              deadline,
              gint64              fire_at)
{
  RapportReminder *r = g_new0 (RapportReminder, 1);

  r->kind = kind;
  r->stage = stage;
  r->appointment_id = appointment_id;
  r->contact_id = contact_id;
  r->action_id = action_id;
  r->deadline = deadline;
  r->fire_at = fire_at;
  r->key = rapport_reminder_key_for_stage (r, stage);
  return r;
}

/**
 * rapport_reminder_key_for_stage:
 *
 * Returns: (transfer full): the stable key of @reminder at @stage: the same
 *   deadline gives the same key on every start, and a moved time a new one
 */
char *
rapport_reminder_key_for_stage (const RapportReminder *r,
                                int                    stage)
{
  switch (r->kind)
    {
    case RAPPORT_REMINDER_THANK_YOU:
      return g_strdup_printf ("thank-you:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                              r->appointment_id, r->deadline, stage);
    case RAPPORT_REMINDER_DAY_BEFORE:
      return g_strdup_printf ("day-before:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, r->appointment_id, r->deadline);
    case RAPPORT_REMINDER_HOUR_BEFORE:
      return g_strdup_printf ("hour-before:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, r->appointment_id, r->deadline);
    case RAPPORT_REMINDER_REQUEST_FOLLOW_UP:
      return g_strdup_printf ("request:%" G_GINT64_FORMAT, r->appointment_id);
    case RAPPORT_REMINDER_ACTION_DUE:
      return g_strdup_printf ("action:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, r->action_id, r->deadline);
    case RAPPORT_REMINDER_TELL_REFERRER:
      return g_strdup_printf ("tell-referrer:%" G_GINT64_FORMAT, r->appointment_id);
    case RAPPORT_REMINDER_RECONTACT:
      /* The stage is the period since the last contact: the first, the
       * second … reminder without news. */
      return g_strdup_printf ("recontact:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                              r->contact_id, r->deadline, stage);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
consider (gint64  fire_at,
          gint64  now,
          gint64 *next_fire)
{
  if (fire_at > now && (*next_fire == 0 || fire_at < *next_fire))
    *next_fire = fire_at;
}

/**
 * rapport_reminders_due:
 * @next_fire: (out): the next moment a reminder will come due, or 0
 *
 * Everything that has come due at @now: one entry per deadline, at the
 * latest stage reached, so an app that was closed for a day announces an
 * overdue thank-you once rather than each stage it missed. Whether it was
 * already announced is for rapport_reminders_to_announce() to say.
 *
 * Returns: (transfer full) (element-type RapportReminder): the reminders
 */
GPtrArray *
rapport_reminders_due (const RapportReminderAppointment *appointments,
                       guint                             n_appointments,
                       const RapportReminderAction      *actions,
                       guint                             n_actions,
                       const RapportReminderSettings    *settings,
                       gint64                            now,
                       gint64                           *next_fire)
{
  GPtrArray *due = g_ptr_array_new_with_free_func ((GDestroyNotify)rapport_reminder_free);

  *next_fire = 0;

  for (guint i = 0; i < n_appointments; i++)
    {
      const RapportReminderAppointment *a = &appointments[i];

      if (a->kind != RAPPORT_APPOINTMENT_INTERVIEW)
        continue;

      /* Before the meeting: confirm the day before, prep sheet an hour before. */
      if ((a->status == RAPPORT_STATUS_CONFIRMED || a->status == RAPPORT_STATUS_REQUESTED) && a->start > now)
        {
          gint64 day_before = a->start - 24 * 60 * 60;
          gint64 hour_before = a->start - 60 * 60;

          if (now >= hour_before)
            g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_HOUR_BEFORE, 0, a->id, a->contact_id, 0, a->start, hour_before));
          else if (now >= day_before)
            g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_DAY_BEFORE, 0, a->id, a->contact_id, 0, a->start, day_before));
          consider (day_before, now, next_fire);
          consider (hour_before, now, next_fire);
        }

      /* A request with no answer in a week: follow up once. */
      if (a->status == RAPPORT_STATUS_REQUESTED && a->start == 0)
        {
          gint64 when = a->created + settings->request_after;

          if (now >= when)
            g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_REQUEST_FOLLOW_UP, 0, a->id, a->contact_id, 0, when, when));
          consider (when, now, next_fire);
        }

      /* After a held interview: the thank-you note, within 24 hours. */
      if (a->status == RAPPORT_STATUS_HELD && a->end > 0 && a->thanked == 0)
        {
          gint64 deadline = a->end + RAPPORT_THANK_YOU_WITHIN;
          gint64 stages[] = {
            a->end + settings->nudge_after,
            deadline - settings->soon_before,
            deadline,
          };
          int reached = -1;

          for (int s = 0; s < (int)G_N_ELEMENTS (stages); s++)
            {
              if (now >= stages[s])
                reached = s;
              consider (stages[s], now, next_fire);
            }
          if (reached >= 0)
            g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_THANK_YOU, reached, a->id, a->contact_id, 0,
                                                deadline, stages[reached]));
        }

      /* A referred person met: tell the one who referred them how it went. */
      if (a->status == RAPPORT_STATUS_HELD && a->end > 0 && a->referrer_id > 0)
        {
          if (now >= a->end)
            g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_TELL_REFERRER, 0, a->id, a->referrer_id, 0, a->end, a->end));
          consider (a->end, now, next_fire);
        }
    }

  for (guint i = 0; i < n_actions; i++)
    {
      const RapportReminderAction *x = &actions[i];

      if (x->done || x->due <= 0)
        continue;
      if (now >= x->due)
        g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_ACTION_DUE, 0, 0, x->contact_id, x->id, x->due, x->due));
      consider (x->due, now, next_fire);
    }

  return due;
}

/* @months calendar months after @when, counted in UTC so that the moment
 * (and with it the reminder's key) does not move with the time zone. */
static gint64
add_months (gint64 when,
            int    months)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) later = then ? g_date_time_add_months (then, months) : NULL;

  return later ? g_date_time_to_unix (later) : G_MAXINT64;
}

/**
 * rapport_reminders_recontact:
 * @due: (element-type RapportReminder): where to add what has come due
 * @next_fire: (inout): the next moment a reminder comes due, or 0; made
 *   earlier if one of these comes due sooner
 *
 * "Get back in touch": a person met (or thanked, or being followed up)
 * with no contact for settings->recontact_months months gets one reminder,
 * and one more each further period without news. Its stage is the period,
 * so an app closed for half a year announces the latest period once.
 */
void
rapport_reminders_recontact (const RapportReminderContact  *contacts,
                             guint                          n_contacts,
                             const RapportReminderSettings *settings,
                             gint64                         now,
                             GPtrArray                     *due,
                             gint64                        *next_fire)
{
  int months = settings->recontact_months;

  if (months <= 0)
    return;

  for (guint i = 0; i < n_contacts; i++)
    {
      const RapportReminderContact *c = &contacts[i];
      gint64 fire = 0, next;
      int period = 0;

      if (c->last_contact <= 0 || c->stage < RAPPORT_STAGE_MET || c->stage == RAPPORT_STAGE_DECLINED)
        continue;

      /* A bounded walk: years of silence at one month are a few dozen steps. */
      while ((next = add_months (c->last_contact, (period + 1) * months)) <= now && period < 1200)
        {
          fire = next;
          period++;
        }

      if (period > 0)
        g_ptr_array_add (due, reminder_new (RAPPORT_REMINDER_RECONTACT, period, 0, c->id, 0,
                                            c->last_contact, fire));
      if (next != G_MAXINT64)
        consider (next, now, next_fire);
    }
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = ((const RapportReminderContact *)a)->id, y = ((const RapportReminderContact *)b)->id;

  return x < y ? -1 : x > y;
}

/* In a list by contact id, as rapport_store_list_last_contacted() gives. */
static gint64
find_last_contacted (GArray *list,
                     gint64  contact_id)
{
  guint lo = 0, hi = list ? list->len : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const RapportLastContact *last = &g_array_index (list, RapportLastContact, mid);

      if (last->contact_id < contact_id)
        lo = mid + 1;
      else if (last->contact_id > contact_id)
        hi = mid;
      else
        return last->when;
    }
  return 0;
}

static void
collect (RapportStore *store,
         GArray       *appointments,
         GArray       *actions,
         GArray       *contacts)
{
  g_autoptr(GArray) states = NULL;
  g_autoptr(GArray) open = NULL;
  g_autoptr(GHashTable) met = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) last_contacted = NULL;
  GHashTableIter iter;
  RapportReminderContact *c;

  /* One query each rather than objects per interview: this runs at
   * startup, and a large database has tens of thousands of interviews. */
  states = rapport_store_list_interview_states (store, NULL);
  for (guint i = 0; states && i < states->len; i++)
    {
      const RapportInterviewState *s = &g_array_index (states, RapportInterviewState, i);
      RapportReminderAppointment r = { 0 };

      r.id = s->appointment_id;
      r.contact_id = s->contact_id;
      r.referrer_id = s->referred_by;
      r.kind = s->kind;
      r.status = s->status;
      r.start = s->start;
      r.end = s->end;
      r.created = s->created;
      r.thanked = s->thanked;
      /* A contact already thanked by hand needs no reminder. */
      if (s->contact_stage >= 0 && r.thanked == 0 && s->contact_stage >= RAPPORT_STAGE_THANKED &&
          s->contact_stage != RAPPORT_STAGE_DECLINED)
        r.thanked = r.end;
      g_array_append_val (appointments, r);

      /* The last contact with a person met: asking, meeting, thanking. */
      if (s->contact_id > 0 && s->contact_stage >= RAPPORT_STAGE_MET && s->contact_stage != RAPPORT_STAGE_DECLINED)
        {
          gint64 last = MAX (s->created, s->thanked);

          if (s->status == RAPPORT_STATUS_HELD)
            last = MAX (last, s->end);
          if ((c = g_hash_table_lookup (met, &s->contact_id)) == NULL)
            {
              c = g_new0 (RapportReminderContact, 1);
              c->id = s->contact_id;
              c->stage = s->contact_stage;
              g_hash_table_insert (met, &c->id, c);
            }
          c->last_contact = MAX (c->last_contact, last);
        }
    }

  /* Other appointments count too (a call, a coffee): the store's "last
   * contacted", as the contact list sorts by it, for everyone in one query
   * (one a person took 30 ms at startup with 100 000 contacts). */
  last_contacted = rapport_store_list_last_contacted (store, NULL);
  g_hash_table_iter_init (&iter, met);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&c))
    {
      c->last_contact = MAX (c->last_contact, find_last_contacted (last_contacted, c->id));
      g_array_append_val (contacts, *c);
    }
  g_array_sort (contacts, compare_contacts);

  open = rapport_store_list_open_actions (store, NULL);
  for (guint j = 0; open && j < open->len; j++)
    {
      const RapportOpenAction *o = &g_array_index (open, RapportOpenAction, j);
      RapportReminderAction x = { 0 };

      x.id = o->id;
      x.contact_id = o->contact_id;
      x.due = o->due;
      x.done = o->done;
      g_array_append_val (actions, x);
    }
}

/**
 * rapport_reminders_to_announce:
 * @next_fire: (out): when to look again, or 0
 *
 * The reminders due at @now that were not announced yet: a deadline
 * already announced at this stage or a later one stays quiet; one snoozed
 * comes back once when its snooze ends.
 *
 * Returns: (transfer full) (element-type RapportReminder): what to announce
 */
GPtrArray *
rapport_reminders_to_announce (RapportStore                  *store,
                               const RapportReminderSettings *settings,
                               gint64                         now,
                               gint64                        *next_fire)
{
  g_autoptr(GArray) appointments = g_array_new (FALSE, TRUE, sizeof (RapportReminderAppointment));
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (RapportReminderAction));
  g_autoptr(GArray) contacts = g_array_new (FALSE, TRUE, sizeof (RapportReminderContact));
  g_autoptr(GPtrArray) due = NULL;
  GPtrArray *announce = g_ptr_array_new_with_free_func ((GDestroyNotify)rapport_reminder_free);

  g_return_val_if_fail (RAPPORT_IS_STORE (store), announce);

  collect (store, appointments, actions, contacts);
  due = rapport_reminders_due ((RapportReminderAppointment *)(gpointer)appointments->data, appointments->len,
                               (RapportReminderAction *)(gpointer)actions->data, actions->len,
                               settings, now, next_fire);
  rapport_reminders_recontact ((RapportReminderContact *)(gpointer)contacts->data, contacts->len,
                               settings, now, due, next_fire);

  for (guint i = 0; i < due->len; i++)
    {
      RapportReminder *r = g_ptr_array_index (due, i);
      gboolean quiet = FALSE;
      int last_stage = r->kind == RAPPORT_REMINDER_THANK_YOU ? RAPPORT_THANK_YOU_OVERDUE : r->stage;

      for (int stage = r->stage; stage <= last_stage && !quiet; stage++)
        {
          g_autofree char *key = rapport_reminder_key_for_stage (r, stage);
          gint64 delivered, snoozed_until;
          gboolean redelivered;

          if (!rapport_store_get_reminder (store, key, &delivered, &snoozed_until, &redelivered))
            continue;

          if (stage == r->stage && snoozed_until > 0 && !redelivered)
            {
              /* Snoozed: back once when the snooze ends. */
              if (now < snoozed_until)
                {
                  quiet = TRUE;
                  if (*next_fire == 0 || snoozed_until < *next_fire)
                    *next_fire = snoozed_until;
                }
              continue;
            }

          quiet = TRUE;
        }

      if (!quiet)
        g_ptr_array_add (announce, g_steal_pointer (&g_ptr_array_index (due, i)));
    }

  return announce;
}

/* What cannot wait comes first: a meeting within the hour, a thank-you
 * note (24 hours in all), tomorrow's meeting, then what can wait a day. */
static int
urgency_rank (const RapportReminder *r)
{
  switch (r->kind)
    {
    case RAPPORT_REMINDER_HOUR_BEFORE:
      return 0;
    case RAPPORT_REMINDER_THANK_YOU:
      return 1;
    case RAPPORT_REMINDER_DAY_BEFORE:
      return 2;
    case RAPPORT_REMINDER_ACTION_DUE:
      return 3;
    case RAPPORT_REMINDER_REQUEST_FOLLOW_UP:
      return 4;
    case RAPPORT_REMINDER_TELL_REFERRER:
      return 5;
    case RAPPORT_REMINDER_RECONTACT:
    default:
      return 6;
    }
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  gint64 now = *(const gint64 *)data;
  const RapportReminder *ra = *(RapportReminder * const *)a;
  const RapportReminder *rb = *(RapportReminder * const *)b;
  gint64 da, db;

  if (urgency_rank (ra) != urgency_rank (rb))
    return urgency_rank (ra) - urgency_rank (rb);

  /* Of one kind, the deadline nearest to now, passed or not: a note
   * overdue by an hour can still be sent, one overdue by a month less so. */
  da = ABS (ra->deadline - now);
  db = ABS (rb->deadline - now);
  if (da != db)
    return da < db ? -1 : 1;
  return g_strcmp0 (ra->key, rb->key);
}

/**
 * rapport_reminders_sort_by_urgency:
 * @reminders: (element-type RapportReminder): what came due together
 *
 * Sorts @reminders most urgent first, for when there are too many to show
 * each one.
 */
void
rapport_reminders_sort_by_urgency (GPtrArray *reminders,
                                   gint64     now)
{
  g_return_if_fail (reminders != NULL);

  g_ptr_array_sort_with_data (reminders, compare_urgency, &now);
}
