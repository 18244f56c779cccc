/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())
G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow *rapport_window_new (RapportApplication *application,
                                   RapportStore       *store,
                                   const GError       *store_error);

GtkWidget     *rapport_window_get_page     (RapportWindow      *self,
                                           const char         *name);
void           rapport_window_offer_backup (RapportWindow      *self,
                                           const char         *backup);

G_END_DECLS
