/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALENDAR_PAGE (rapport_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportCalendarPage, rapport_calendar_page, RAPPORT, CALENDAR_PAGE, AdwBin)

void        rapport_calendar_page_set_store    (RapportCalendarPage *self,
                                                RapportStore        *store);
void        rapport_calendar_page_select_day   (RapportCalendarPage *self,
                                                GDateTime           *day);
GDateTime  *rapport_calendar_page_dup_day      (RapportCalendarPage *self);
GListModel *rapport_calendar_page_get_day_list (RapportCalendarPage *self);
GListModel *rapport_calendar_page_get_upcoming (RapportCalendarPage *self);
gboolean    rapport_calendar_page_export_to    (RapportCalendarPage *self,
                                                GFile               *file,
                                                RapportAppointment  *appointment,
                                                GError             **error);
void        rapport_calendar_page_preview_import (RapportCalendarPage *self,
                                                  GFile               *file);
guint       rapport_calendar_page_import_from  (RapportCalendarPage *self,
                                                const char          *data,
                                                gsize                length,
                                                guint               *skipped,
                                                GError             **error);

G_END_DECLS
