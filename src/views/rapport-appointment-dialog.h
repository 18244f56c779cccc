/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPOINTMENT_DIALOG (rapport_appointment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportAppointmentDialog, rapport_appointment_dialog, RAPPORT, APPOINTMENT_DIALOG, AdwWindow)

RapportAppointmentDialog *rapport_appointment_dialog_new_for_edit (GtkWindow          *parent,
                                                                   RapportStore       *store,
                                                                   RapportAppointment *appointment);
RapportAppointmentDialog *rapport_appointment_dialog_new          (GtkWindow          *parent,
                                                                   RapportStore       *store,
                                                                   RapportAppointmentKind kind,
                                                                   gint64              contact_id,
                                                                   gint64              start_utc);
gboolean                  rapport_appointment_dialog_save         (RapportAppointmentDialog *self);

void                      rapport_appointment_dialog_propose_time (RapportAppointmentDialog *self);

G_END_DECLS
