/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum {
  RAPPORT_REMINDER_THANK_YOU,
  RAPPORT_REMINDER_DAY_BEFORE,
  RAPPORT_REMINDER_HOUR_BEFORE,
  RAPPORT_REMINDER_REQUEST_FOLLOW_UP,
  RAPPORT_REMINDER_ACTION_DUE,
  RAPPORT_REMINDER_TELL_REFERRER,
  RAPPORT_REMINDER_RECONTACT,
} RapportReminderKind;

/* Stages of a thank-you deadline */
enum {
  RAPPORT_THANK_YOU_NUDGE,
  RAPPORT_THANK_YOU_SOON,
  RAPPORT_THANK_YOU_OVERDUE,
};

#define RAPPORT_THANK_YOU_WITHIN (24 * 60 * 60)

/* What the rules look at: plain values, so tests can make them by hand. */
typedef struct
{
  gint64                  id;
  gint64                  contact_id;
  gint64                  referrer_id;
  RapportAppointmentKind  kind;
  RapportStatus           status;
  gint64                  start;
  gint64                  end;
  gint64                  created;
  gint64                  thanked;
} RapportReminderAppointment;

typedef struct
{
  gint64   id;
  gint64   contact_id;
  gint64   due;
  gboolean done;
} RapportReminderAction;

/* A person met, for the "get back in touch" rule. */
typedef struct
{
  gint64        id;
  RapportStage  stage;
  gint64        last_contact;  /* the latest request, meeting or thank-you note */
} RapportReminderContact;

typedef struct
{
  int nudge_after;       /* seconds after the interview ends */
  int soon_before;       /* seconds before the thank-you deadline */
  int request_after;     /* seconds without an answer to a request */
  int snooze;            /* seconds "Remind Me Later" waits */
  int recontact_months;  /* months without contact before "get back in touch"; 0: never */
} RapportReminderSettings;

#define RAPPORT_REMINDER_SETTINGS_INIT { 2 * 60 * 60, 4 * 60 * 60, 7 * 24 * 60 * 60, 60 * 60, 3 }

typedef struct
{
  char                *key;
  RapportReminderKind  kind;
  int                  stage;
  gint64               appointment_id;
  gint64               contact_id;
  gint64               action_id;
  gint64               deadline;
  gint64               fire_at;
} RapportReminder;

void       rapport_reminder_free        (RapportReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReminder, rapport_reminder_free)

GPtrArray *rapport_reminders_due        (const RapportReminderAppointment *appointments,
                                         guint                             n_appointments,
                                         const RapportReminderAction      *actions,
                                         guint                             n_actions,
                                         const RapportReminderSettings    *settings,
                                         gint64                            now,
                                         gint64                           *next_fire);
void       rapport_reminders_recontact  (const RapportReminderContact     *contacts,
                                         guint                             n_contacts,
                                         const RapportReminderSettings    *settings,
                                         gint64                            now,
                                         GPtrArray                        *due,
                                         gint64                           *next_fire);
GPtrArray *rapport_reminders_to_announce (RapportStore                    *store,
                                         const RapportReminderSettings    *settings,
                                         gint64                            now,
                                         gint64                           *next_fire);
char      *rapport_reminder_key_for_stage (const RapportReminder          *reminder,
                                           int                             stage);
void       rapport_reminders_sort_by_urgency (GPtrArray                   *reminders,
                                              gint64                       now);

G_END_DECLS
