/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INTERVIEWS_PAGE (rapport_interviews_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportInterviewsPage, rapport_interviews_page, RAPPORT, INTERVIEWS_PAGE, AdwBin)

void        rapport_interviews_page_set_store          (RapportInterviewsPage *self,
                                                        RapportStore          *store);
gboolean    rapport_interviews_page_select_appointment (RapportInterviewsPage *self,
                                                        gint64                 appointment_id);

G_END_DECLS
