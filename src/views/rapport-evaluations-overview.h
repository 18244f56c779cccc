/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-bar-chart.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVALUATIONS_OVERVIEW (rapport_evaluations_overview_get_type ())
G_DECLARE_FINAL_TYPE (RapportEvaluationsOverview, rapport_evaluations_overview, RAPPORT, EVALUATIONS_OVERVIEW, AdwBin)

void             rapport_evaluations_overview_set_models (RapportEvaluationsOverview *self,
                                                          GListModel                 *fields,
                                                          GListModel                 *sources);
RapportBarChart *rapport_evaluations_overview_get_fields  (RapportEvaluationsOverview *self);
RapportBarChart *rapport_evaluations_overview_get_sources (RapportEvaluationsOverview *self);

G_END_DECLS
