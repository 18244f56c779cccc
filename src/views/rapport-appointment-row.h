/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPOINTMENT_ROW (rapport_appointment_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportAppointmentRow, rapport_appointment_row, RAPPORT, APPOINTMENT_ROW, GtkBox)

/* A request unanswered this long gets one "follow up once" nudge. */
#define RAPPORT_REQUEST_FOLLOW_UP_AFTER (7 * 24 * 60 * 60)

GtkWidget *rapport_appointment_row_new  (void);
void       rapport_appointment_row_show (RapportAppointmentRow *self,
                                         RapportStore          *store,
                                         RapportAppointment    *appointment,
                                         gint64                 now,
                                         gboolean               with_day);
GtkListItemFactory *rapport_appointment_row_factory_new (RapportStore *store,
                                                         gboolean      with_day);

G_END_DECLS
