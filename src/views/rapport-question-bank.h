/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION_BANK (rapport_question_bank_get_type ())
G_DECLARE_FINAL_TYPE (RapportQuestionBank, rapport_question_bank, RAPPORT, QUESTION_BANK, AdwWindow)

RapportQuestionBank *rapport_question_bank_new (GtkWindow    *parent,
                                                RapportStore *store);

G_END_DECLS
