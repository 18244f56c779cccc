/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION_PICKER (rapport_question_picker_get_type ())
G_DECLARE_FINAL_TYPE (RapportQuestionPicker, rapport_question_picker, RAPPORT, QUESTION_PICKER, GtkPopover)

void rapport_question_picker_set_store (RapportQuestionPicker *self,
                                        RapportStore          *store);

G_END_DECLS
