/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-questions.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PROMPT (rapport_prompt_get_type ())
G_DECLARE_FINAL_TYPE (RapportPrompt, rapport_prompt, RAPPORT, PROMPT, RapportRecord)

gint64 rapport_prompt_get_interview_id (RapportPrompt *self);
void rapport_prompt_set_interview_id (RapportPrompt *self,
      gint64 value);
gint64 rapport_prompt_get_question_id (RapportPrompt *self);
void rapport_prompt_set_question_id (RapportPrompt *self,
      gint64 value);
int rapport_prompt_get_position (RapportPrompt *self);
void rapport_prompt_set_position (RapportPrompt *self,
      int value);
const char *rapport_prompt_get_notes (RapportPrompt *self);
void rapport_prompt_set_notes (RapportPrompt *self,
      const char *value);

G_END_DECLS
