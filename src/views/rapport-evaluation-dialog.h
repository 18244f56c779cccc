/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVALUATION_DIALOG (rapport_evaluation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportEvaluationDialog, rapport_evaluation_dialog, RAPPORT, EVALUATION_DIALOG, AdwWindow)

RapportEvaluationDialog *rapport_evaluation_dialog_new        (GtkWindow               *parent,
                                                               RapportStore            *store,
                                                               RapportAppointment      *appointment);
guint                    rapport_evaluation_dialog_get_page   (RapportEvaluationDialog *self);
void                     rapport_evaluation_dialog_set_answer (RapportEvaluationDialog *self,
                                                               RapportAnswer            answer,
                                                               const char              *text,
                                                               int                      rating);
char                    *rapport_evaluation_dialog_dup_summary (RapportEvaluationDialog *self);

G_END_DECLS
