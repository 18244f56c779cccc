/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-reminders.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NOTIFIER (rapport_notifier_get_type ())
G_DECLARE_FINAL_TYPE (RapportNotifier, rapport_notifier, RAPPORT, NOTIFIER, GObject)

typedef gint64 (*RapportClock) (void);

RapportNotifier *rapport_notifier_new          (RapportStore                  *store,
                                                const RapportReminderSettings *settings);
void             rapport_notifier_set_clock    (RapportNotifier               *self,
                                                RapportClock                   clock);
guint            rapport_notifier_check        (RapportNotifier               *self);
void             rapport_notifier_check_when_idle (RapportNotifier            *self);
gboolean         rapport_notifier_snooze       (RapportNotifier               *self,
                                                const char                    *key,
                                                int                            seconds);
gint64           rapport_notifier_get_next_fire (RapportNotifier              *self);
void             rapport_notifier_watch_system (RapportNotifier               *self);
void             rapport_notifier_resumed      (RapportNotifier               *self);
void             rapport_notifier_time_zone_changed (RapportNotifier          *self);
void             rapport_notifier_set_settings (RapportNotifier               *self,
                                                const RapportReminderSettings *settings);
char            *rapport_reminder_dup_title    (RapportStore                  *store,
                                                const RapportReminder         *reminder,
                                                gint64                         now);
char            *rapport_reminder_dup_body     (RapportStore                  *store,
                                                const RapportReminder         *reminder,
                                                gint64                         now);

G_END_DECLS
