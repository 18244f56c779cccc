/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-evaluations-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-comparison-item.h"
#include "rapport-evaluations-overview.h"

/* The comparisons of the Evaluations page as pictures: interviews held
 * and expected enjoyment per career field, and how the names from each
 * source narrowed down to requests and meetings. The numbers are the
 * page's own comparison rows, so the pictures and the tables agree. */
struct _RapportEvaluationsOverview
{
  AdwBin           parent_instance;

  GListModel      *fields;
  GListModel      *sources;

  RapportBarChart *fields_chart;
  RapportBarChart *sources_chart;
};

G_DEFINE_FINAL_TYPE (RapportEvaluationsOverview, rapport_evaluations_overview, ADW_TYPE_BIN)

typedef struct
{
  char   *name;
  guint   count;   /* what the rows are ordered by, most first */
  double  values[3];
} Bar;

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a, *y = b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static GArray *
read_bars (GListModel *model,
           gboolean    sources)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      Bar bar = { 0 };
      guint a, b, c;
      double rating;

      if (sources)
        {
          g_object_get (item, "name", &bar.name, "contacts", &a, "requested", &b, "met", &c, NULL);
          if (a == 0 && b == 0 && c == 0)
            {
              g_free (bar.name);
              continue;
            }
          bar.count = a;
          bar.values[0] = a;
          bar.values[1] = b;
          bar.values[2] = c;
        }
      else
        {
          g_object_get (item, "name", &bar.name, "held", &a, "enjoy-role", &rating, NULL);
          bar.count = a;
          bar.values[0] = a;
          bar.values[1] = rating;
        }
      g_array_append_val (bars, bar);
    }
  g_array_sort (bars, compare_bars);
  return bars;
}

static void
update_fields (RapportEvaluationsOverview *self)
{
  g_autoptr(GArray) bars = read_bars (self->fields, FALSE);

  rapport_bar_chart_remove_all (self->fields_chart);
  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      g_autofree char *held = NULL;
      g_autofree char *enjoy = NULL;
      const char *texts[2];

      /* Translators: beside a bar of the career field chart */
      held = g_strdup_printf (ngettext ("%u interview", "%u interviews", bar->count), bar->count);
      enjoy = bar->values[1] > 0
        /* Translators: beside a bar of the career field chart: the average 1–5 rating of "would I enjoy the work" */
        ? g_strdup_printf (_("enjoyment %.1f of 5"), bar->values[1])
        : g_strdup (_("enjoyment not rated"));
      texts[0] = held;
      texts[1] = enjoy;
      rapport_bar_chart_add_row (self->fields_chart, bar->name, bar->values, texts);
      g_free (bar->name);
    }
}

static void
update_sources (RapportEvaluationsOverview *self)
{
  g_autoptr(GArray) bars = read_bars (self->sources, TRUE);

  rapport_bar_chart_remove_all (self->sources_chart);
  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      guint contacts = bar->values[0], requested = bar->values[1], met = bar->values[2];
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *c = NULL;
      const char *texts[3];

      /* Translators: beside the bars of the source chart */
      a = g_strdup_printf (ngettext ("%u contact", "%u contacts", contacts), contacts);
      /* Translators: beside the bars of the source chart: how many contacts were asked for an interview */
      b = g_strdup_printf (ngettext ("%u asked", "%u asked", requested), requested);
      /* Translators: beside the bars of the source chart: how many contacts were met */
      c = g_strdup_printf (ngettext ("%u met", "%u met", met), met);
      texts[0] = a;
      texts[1] = b;
      texts[2] = c;
      rapport_bar_chart_add_row (self->sources_chart, bar->name, bar->values, texts);
      g_free (bar->name);
    }
}

static void
rapport_evaluations_overview_dispose (GObject *object)
{
  RapportEvaluationsOverview *self = (RapportEvaluationsOverview *)object;

  if (self->fields != NULL)
    g_signal_handlers_disconnect_by_data (self->fields, self);
  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  g_clear_object (&self->fields);
  g_clear_object (&self->sources);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVALUATIONS_OVERVIEW);

  G_OBJECT_CLASS (rapport_evaluations_overview_parent_class)->dispose (object);
}

static void
rapport_evaluations_overview_class_init (RapportEvaluationsOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_evaluations_overview_dispose;

  g_type_ensure (RAPPORT_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-evaluations-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsOverview, fields_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsOverview, sources_chart);
}

static void
rapport_evaluations_overview_init (RapportEvaluationsOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Bars for interviews held, on their own scale, and for the average
   * enjoyment, out of 5. */
  rapport_bar_chart_add_series (self->fields_chart, "accent_bg_color", 0);
  rapport_bar_chart_add_series (self->fields_chart, "purple_3", 5);
  rapport_bar_chart_set_empty_text (self->fields_chart, _("No interviews held yet"));

  /* Contacts, requests and meetings narrow down, so one scale shows how. */
  rapport_bar_chart_add_series (self->sources_chart, "accent_bg_color", 0);
  rapport_bar_chart_add_series (self->sources_chart, "purple_3", 0);
  rapport_bar_chart_add_series (self->sources_chart, "success_bg_color", 0);
  rapport_bar_chart_set_shared_scale (self->sources_chart, TRUE);
  rapport_bar_chart_set_empty_text (self->sources_chart, _("No contacts yet"));
}

/**
 * rapport_evaluations_overview_set_models:
 * @fields: (element-type RapportComparisonItem): the comparison of career fields
 * @sources: (element-type RapportComparisonItem): the comparison of sources
 *
 * Draws these comparisons, and again whenever they change.
 */
void
rapport_evaluations_overview_set_models (RapportEvaluationsOverview *self,
                                         GListModel                 *fields,
                                         GListModel                 *sources)
{
  g_return_if_fail (RAPPORT_IS_EVALUATIONS_OVERVIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (fields));
  g_return_if_fail (G_IS_LIST_MODEL (sources));
  g_return_if_fail (self->fields == NULL);

  self->fields = g_object_ref (fields);
  self->sources = g_object_ref (sources);
  g_signal_connect_swapped (fields, "items-changed", G_CALLBACK (update_fields), self);
  g_signal_connect_swapped (sources, "items-changed", G_CALLBACK (update_sources), self);
  update_fields (self);
  update_sources (self);
}

/**
 * rapport_evaluations_overview_get_fields:
 *
 * Returns: (transfer none): the chart of career fields
 */
RapportBarChart *
rapport_evaluations_overview_get_fields (RapportEvaluationsOverview *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVALUATIONS_OVERVIEW (self), NULL);

  return self->fields_chart;
}

/**
 * rapport_evaluations_overview_get_sources:
 *
 * Returns: (transfer none): the chart of sources of names
 */
RapportBarChart *
rapport_evaluations_overview_get_sources (RapportEvaluationsOverview *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVALUATIONS_OVERVIEW (self), NULL);

  return self->sources_chart;
}
