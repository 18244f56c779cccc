/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-questions.h"
#include "rapport-record.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION (rapport_question_get_type ())
G_DECLARE_FINAL_TYPE (RapportQuestion, rapport_question, RAPPORT, QUESTION, RapportRecord)

const char *rapport_question_get_key (RapportQuestion *self);
void rapport_question_set_key (RapportQuestion *self,
      const char *value);
RapportCategory rapport_question_get_category (RapportQuestion *self);
void rapport_question_set_category (RapportQuestion *self,
      RapportCategory value);
const char *rapport_question_get_text (RapportQuestion *self);
void rapport_question_set_text (RapportQuestion *self,
      const char *value);
int rapport_question_get_position (RapportQuestion *self);
void rapport_question_set_position (RapportQuestion *self,
      int value);
gboolean rapport_question_get_hidden (RapportQuestion *self);
void rapport_question_set_hidden (RapportQuestion *self,
      gboolean value);

char *rapport_question_dup_display_text (RapportQuestion *self);
gboolean rapport_question_is_builtin (RapportQuestion *self);

G_END_DECLS
