/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-questions.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INTERVIEW (rapport_interview_get_type ())
G_DECLARE_FINAL_TYPE (RapportInterview, rapport_interview, RAPPORT, INTERVIEW, RapportRecord)

gint64 rapport_interview_get_appointment_id (RapportInterview *self);
void rapport_interview_set_appointment_id (RapportInterview *self,
      gint64 value);
const char *rapport_interview_get_goals (RapportInterview *self);
void rapport_interview_set_goals (RapportInterview *self,
      const char *value);
const char *rapport_interview_get_notebook (RapportInterview *self);
void rapport_interview_set_notebook (RapportInterview *self,
      const char *value);
guint rapport_interview_get_checklist (RapportInterview *self);
void rapport_interview_set_checklist (RapportInterview *self,
      guint value);
gboolean rapport_interview_get_got_card (RapportInterview *self);
void rapport_interview_set_got_card (RapportInterview *self,
      gboolean value);
int rapport_interview_get_elapsed (RapportInterview *self);
void rapport_interview_set_elapsed (RapportInterview *self,
      int value);

G_END_DECLS
