/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-enums.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPOINTMENT (rapport_appointment_get_type ())
G_DECLARE_FINAL_TYPE (RapportAppointment, rapport_appointment, RAPPORT, APPOINTMENT, RapportRecord)

#define RAPPORT_DEFAULT_DURATION 30

RapportAppointment     *rapport_appointment_new              (RapportAppointmentKind  kind,
                                                              gint64                  contact_id);

RapportAppointmentKind  rapport_appointment_get_kind         (RapportAppointment     *self);
void                    rapport_appointment_set_kind         (RapportAppointment     *self,
                                                              RapportAppointmentKind  kind);
gint64                  rapport_appointment_get_contact_id   (RapportAppointment     *self);
void                    rapport_appointment_set_contact_id   (RapportAppointment     *self,
                                                              gint64                  contact_id);
gint64                  rapport_appointment_get_start        (RapportAppointment     *self);
void                    rapport_appointment_set_start        (RapportAppointment     *self,
                                                              gint64                  start_utc);
int                     rapport_appointment_get_duration     (RapportAppointment     *self);
void                    rapport_appointment_set_duration     (RapportAppointment     *self,
                                                              int                     minutes);
gint64                  rapport_appointment_get_end          (RapportAppointment     *self);
const char             *rapport_appointment_get_place        (RapportAppointment     *self);
void                    rapport_appointment_set_place        (RapportAppointment     *self,
                                                              const char             *place);
RapportMode             rapport_appointment_get_mode         (RapportAppointment     *self);
void                    rapport_appointment_set_mode         (RapportAppointment     *self,
                                                              RapportMode             mode);
RapportStatus           rapport_appointment_get_status       (RapportAppointment     *self);
void                    rapport_appointment_set_status       (RapportAppointment     *self,
                                                              RapportStatus           status);
const char             *rapport_appointment_get_notes        (RapportAppointment     *self);
void                    rapport_appointment_set_notes        (RapportAppointment     *self,
                                                              const char             *notes);
const char             *rapport_appointment_get_their_timezone (RapportAppointment   *self);
void                    rapport_appointment_set_their_timezone (RapportAppointment   *self,
                                                              const char             *tzid);
const char             *rapport_appointment_get_title        (RapportAppointment     *self);
void                    rapport_appointment_set_title        (RapportAppointment     *self,
                                                              const char             *title);
const char             *rapport_appointment_get_uid          (RapportAppointment     *self);
void                    rapport_appointment_set_uid          (RapportAppointment     *self,
                                                              const char             *uid);
gboolean                rapport_appointment_is_active        (RapportAppointment     *self);

G_END_DECLS
