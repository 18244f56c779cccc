/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EVALUATIONS_PAGE (rapport_evaluations_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportEvaluationsPage, rapport_evaluations_page, RAPPORT, EVALUATIONS_PAGE, AdwBin)

void        rapport_evaluations_page_set_store      (RapportEvaluationsPage *self,
                                                     RapportStore           *store);
GListModel *rapport_evaluations_page_get_comparison (RapportEvaluationsPage *self,
                                                     RapportCompareBy        by);

G_END_DECLS
