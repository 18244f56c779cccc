/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BAR_CHART (rapport_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (RapportBarChart, rapport_bar_chart, RAPPORT, BAR_CHART, GtkWidget)

GtkWidget  *rapport_bar_chart_new             (void);
guint       rapport_bar_chart_add_series      (RapportBarChart    *self,
                                               const char         *color_name,
                                               double              max);
void        rapport_bar_chart_remove_all      (RapportBarChart    *self);
void        rapport_bar_chart_add_row         (RapportBarChart    *self,
                                               const char         *label,
                                               const double       *values,
                                               const char * const *texts);
guint       rapport_bar_chart_get_n_rows      (RapportBarChart    *self);
void        rapport_bar_chart_set_empty_text  (RapportBarChart    *self,
                                               const char         *text);
void        rapport_bar_chart_set_shared_scale (RapportBarChart   *self,
                                               gboolean           shared);
const char *rapport_bar_chart_get_description (RapportBarChart    *self);

G_END_DECLS
