/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INTERVIEW_VIEW (rapport_interview_view_get_type ())
G_DECLARE_FINAL_TYPE (RapportInterviewView, rapport_interview_view, RAPPORT, INTERVIEW_VIEW, AdwBin)

void              rapport_interview_view_set_store       (RapportInterviewView *self,
                                                          RapportStore         *store);
void              rapport_interview_view_set_appointment (RapportInterviewView *self,
                                                          RapportAppointment   *appointment);
RapportInterview *rapport_interview_view_get_interview   (RapportInterviewView *self);
void              rapport_interview_view_show_notes      (RapportInterviewView *self);

G_END_DECLS
