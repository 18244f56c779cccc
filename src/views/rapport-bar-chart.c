/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-bar-chart.h"

/* Horizontal bars, a group of one or more per row: a picture of numbers
 * that the page also shows as a table. Each series is one kind of number
 * (interviews held, contacts, meetings) with its own colour and scale;
 * beside each bar its value is written out, so the bars need no legend,
 * and the same words make the text alternative that screen readers say. */

#define ROW_GAP      12
#define BAR_GAP      2
#define LABEL_GAP    12
#define VALUE_GAP    6
#define MIN_BAR_AREA 40

typedef struct
{
  char   *color_name;
  double  max;         /* the scale's end, or 0 for the largest value */
} Series;

typedef struct
{
  char   *label;
  double *values;      /* one per series */
  char  **texts;       /* one per series */
} Row;

struct _RapportBarChart
{
  GtkWidget  parent_instance;

  GArray    *series;
  GPtrArray *rows;
  GString   *description;
  char      *empty_text;
  gboolean   shared_scale;
};

G_DEFINE_FINAL_TYPE (RapportBarChart, rapport_bar_chart, GTK_TYPE_WIDGET)

static void
series_clear (gpointer data)
{
  g_free (((Series *)data)->color_name);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->values);
  g_strfreev (row->texts);
  g_free (row);
}

/* The height of a line of text: every bar is as thick as the words beside it. */
static int
line_height (RapportBarChart *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height, 12);
}

static int
row_height (RapportBarChart *self,
            int              line)
{
  guint n = MAX (self->series->len, 1);

  return n * line + (n - 1) * BAR_GAP;
}

static void
update_description (RapportBarChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->rows->len ? self->description->str : (self->empty_text ? self->empty_text : ""),
                                  -1);
}

static void
rapport_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (widget);
  int line = line_height (self);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      guint n = self->rows->len;

      *minimum = *natural = n ? n * row_height (self, line) + (n - 1) * ROW_GAP : line;
    }
  else
    {
      int widest_label = 0, widest_value = 0;

      for (guint i = 0; i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, row->label);
          int w;

          pango_layout_get_pixel_size (layout, &w, NULL);
          widest_label = MAX (widest_label, w);
          for (guint s = 0; s < self->series->len; s++)
            {
              pango_layout_set_text (layout, row->texts[s], -1);
              pango_layout_get_pixel_size (layout, &w, NULL);
              widest_value = MAX (widest_value, w);
            }
        }
      *minimum = 160;
      *natural = MAX (*minimum, widest_label + LABEL_GAP + 4 * MIN_BAR_AREA + VALUE_GAP + widest_value);
    }
}

static GdkRGBA
style_color (GtkWidget  *widget,
             const char *name)
{
  GtkStyleContext *context;
  GdkRGBA color;

  /* gtk_widget_get_color() is GTK 4.10; the style context is what 4.8 has. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (name == NULL || !gtk_style_context_lookup_color (context, name, &color))
    gtk_style_context_get_color (context, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
rapport_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RapportBarChart *self = RAPPORT_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int line = line_height (self);
  int label_width = 0, value_width = 0, bar_area, bar_start, y = 0;
  g_autofree double *maxima = NULL;
  g_autofree GdkRGBA *colors = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg = style_color (widget, NULL);
  GdkRGBA dim = fg;

  dim.alpha *= 0.7;

  if (self->rows->len == 0)
    {
      if (self->empty_text != NULL)
        {
          layout = gtk_widget_create_pango_layout (widget, self->empty_text);
          pango_layout_set_width (layout, width * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          append_text (snapshot, layout, 0, 0, &dim);
        }
      return;
    }

  maxima = g_new0 (double, self->series->len);
  colors = g_new0 (GdkRGBA, self->series->len);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = &g_array_index (self->series, Series, s);

      colors[s] = style_color (widget, series->color_name);
      maxima[s] = series->max;
    }

  layout = gtk_widget_create_pango_layout (widget, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int w;

      pango_layout_set_text (layout, row->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
      for (guint s = 0; s < self->series->len; s++)
        {
          pango_layout_set_text (layout, row->texts[s], -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          value_width = MAX (value_width, w);
          if (self->series->len && g_array_index (self->series, Series, s).max <= 0)
            maxima[s] = MAX (maxima[s], row->values[s]);
        }
    }

  if (self->shared_scale)
    {
      double top = 0;

      for (guint s = 0; s < self->series->len; s++)
        top = MAX (top, maxima[s]);
      for (guint s = 0; s < self->series->len; s++)
        maxima[s] = top;
    }

  /* Names take at most two fifths of the width; values keep their room,
   * and the bars share what is left on one scale per series. */
  label_width = MIN (label_width, width * 2 / 5);
  bar_start = label_width + LABEL_GAP;
  bar_area = MAX (width - bar_start - VALUE_GAP - value_width, MIN_BAR_AREA);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int rh = row_height (self, line);
      int lw, lh;

      pango_layout_set_text (layout, row->label, -1);
      pango_layout_set_width (layout, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      append_text (snapshot, layout, rtl ? width - lw : 0, y + (rh - lh) / 2.0, &fg);
      pango_layout_set_width (layout, -1);

      for (guint s = 0; s < self->series->len; s++)
        {
          double fraction = maxima[s] > 0 ? CLAMP (row->values[s] / maxima[s], 0, 1) : 0;
          float length = fraction * bar_area;
          float top = y + s * (line + BAR_GAP);
          int tw, th;

          if (row->values[s] > 0)
            {
              GskRoundedRect rounded;
              graphene_rect_t bar;

              length = MAX (length, 3);
              bar = GRAPHENE_RECT_INIT (rtl ? width - bar_start - length : bar_start, top + 2, length, line - 4);
              gsk_rounded_rect_init_from_rect (&rounded, &bar, MIN (3, length / 2));
              gtk_snapshot_push_rounded_clip (snapshot, &rounded);
              gtk_snapshot_append_color (snapshot, &colors[s], &bar);
              gtk_snapshot_pop (snapshot);
            }
          else
            length = 0;

          pango_layout_set_text (layout, row->texts[s], -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          append_text (snapshot, layout,
                       rtl ? width - bar_start - length - VALUE_GAP - tw : bar_start + length + VALUE_GAP,
                       top + (line - th) / 2.0, &dim);
        }

      y += rh + ROW_GAP;
    }
}

static void
rapport_bar_chart_finalize (GObject *object)
{
  RapportBarChart *self = (RapportBarChart *)object;

  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_string_free (self->description, TRUE);
  g_free (self->empty_text);

  G_OBJECT_CLASS (rapport_bar_chart_parent_class)->finalize (object);
}

static void
rapport_bar_chart_class_init (RapportBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rapport_bar_chart_finalize;
  widget_class->measure = rapport_bar_chart_measure;
  widget_class->snapshot = rapport_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_bar_chart_init (RapportBarChart *self)
{
  self->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (self->series, series_clear);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->description = g_string_new (NULL);
}

GtkWidget *
rapport_bar_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_BAR_CHART, NULL);
}

/**
 * rapport_bar_chart_add_series:
 * @color_name: a colour the style defines, such as "accent_bg_color"
 * @max: where the scale ends (5 for a rating), or 0 for the largest value
 *
 * Adds a kind of number, drawn as one bar in every row. Add all series
 * before the first row.
 *
 * Returns: the series' index in the values of rapport_bar_chart_add_row()
 */
guint
rapport_bar_chart_add_series (RapportBarChart *self,
                              const char      *color_name,
                              double           max)
{
  Series series = { g_strdup (color_name), max };

  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->series, series);
  return self->series->len - 1;
}

void
rapport_bar_chart_remove_all (RapportBarChart *self)
{
  g_return_if_fail (RAPPORT_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->rows, 0);
  g_string_truncate (self->description, 0);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rapport_bar_chart_add_row:
 * @values: one value per series
 * @texts: one text per series, written beside its bar: the value in words
 *   ("3 interviews"), which also goes into the text alternative
 */
void
rapport_bar_chart_add_row (RapportBarChart    *self,
                           const char         *label,
                           const double       *values,
                           const char * const *texts)
{
  Row *row;
  g_autofree char *joined = NULL;

  g_return_if_fail (RAPPORT_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (self->series->len > 0);

  row = g_new0 (Row, 1);
  row->label = g_strdup (label);
  row->values = g_memdup2 (values, sizeof (double) * self->series->len);
  row->texts = g_new0 (char *, self->series->len + 1);
  for (guint s = 0; s < self->series->len; s++)
    row->texts[s] = g_strdup (texts[s]);
  g_ptr_array_add (self->rows, row);

  /* "Software: 3 interviews, enjoyment 4.5 of 5; Nursing: …" */
  joined = g_strjoinv (", ", row->texts);
  if (self->description->len)
    g_string_append (self->description, "; ");
  /* Translators: one row of a chart read out by a screen reader: its name, then its values */
  g_string_append_printf (self->description, _("%s: %s"), label, joined);

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
rapport_bar_chart_get_n_rows (RapportBarChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), 0);

  return self->rows->len;
}

/**
 * rapport_bar_chart_set_empty_text:
 *
 * What the chart says, drawn and read out, while it has no rows.
 */
void
rapport_bar_chart_set_empty_text (RapportBarChart *self,
                                  const char      *text)
{
  g_return_if_fail (RAPPORT_IS_BAR_CHART (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rapport_bar_chart_set_shared_scale:
 *
 * Draws all series on one scale, the largest end of any: for numbers that
 * narrow down from one another, such as contacts, requests and meetings.
 */
void
rapport_bar_chart_set_shared_scale (RapportBarChart *self,
                                    gboolean         shared)
{
  g_return_if_fail (RAPPORT_IS_BAR_CHART (self));

  self->shared_scale = !!shared;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rapport_bar_chart_get_description:
 *
 * Returns: the text alternative, as set on the accessible description
 */
const char *
rapport_bar_chart_get_description (RapportBarChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_BAR_CHART (self), NULL);

  return self->rows->len ? self->description->str : (self->empty_text ? self->empty_text : "");
}
