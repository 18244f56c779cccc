/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-wrap-box"

#include "config.h"

#include "rapport-wrap-box.h"

/**
 * RapportWrapBox:
 *
 * A row of widgets (a title and its buttons, a pair of buttons) that lays
 * them out exactly as a horizontal GtkBox does while they fit, and moves
 * the ones that do not to further lines when the window is narrow.
 * libadwaita 1.2 has no breakpoints and GTK 4.8 no wrap box; binding a
 * GtkBox's orientation to a leaflet's "folded" would change the sizes the
 * leaflet folds by, so it could fold and unfold in turn.
 *
 * Children are measured at their minimum widths to decide the lines; a
 * line's spare width then goes first towards each child's natural width,
 * then to the children that expand. Give a child that should keep some
 * room on a shared line (a wrapping title) a width-request.
 */
struct _RapportWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  int       row_spacing;
};

G_DEFINE_FINAL_TYPE (RapportWrapBox, rapport_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *child;
  int        min;
  int        nat;
  guint      line;
  int        x;
  int        width;
} Item;

/* The visible children with their widths and lines at @width, or at their
 * natural widths on one line if @width is negative. */
static GArray *
lay_out (RapportWrapBox *self,
         int             width,
         guint          *n_lines)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  guint line = 0, first = 0;
  int used = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &item.min, &item.nat, NULL, NULL);
      g_array_append_val (items, item);
    }

  if (width < 0)
    {
      width = 0;
      for (guint i = 0; i < items->len; i++)
        width += g_array_index (items, Item, i).nat + (i > 0 ? self->spacing : 0);
    }

  for (guint i = 0; i <= items->len; i++)
    {
      Item *item = i < items->len ? &g_array_index (items, Item, i) : NULL;

      /* A line ends before the child that does not fit, or at the end. */
      if (item == NULL && i == first)
        break;
      if (item == NULL || (i > first && used + self->spacing + item->min > width))
        {
          g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, i - first);
          int extra = width - used, n_expand = 0, x = 0;

          for (guint j = first; j < i; j++)
            {
              Item *it = &g_array_index (items, Item, j);

              sizes[j - first].minimum_size = it->min;
              sizes[j - first].natural_size = it->nat;
              if (gtk_widget_compute_expand (it->child, GTK_ORIENTATION_HORIZONTAL))
                n_expand++;
            }
          extra = gtk_distribute_natural_allocation (MAX (extra, 0), i - first, sizes);

          for (guint j = first; j < i; j++)
            {
              Item *it = &g_array_index (items, Item, j);

              it->line = line;
              it->width = sizes[j - first].minimum_size;
              if (n_expand > 0 && gtk_widget_compute_expand (it->child, GTK_ORIENTATION_HORIZONTAL))
                {
                  int share = extra / n_expand;

                  it->width += share;
                  extra -= share;
                  n_expand--;
                }
              it->x = x;
              x += it->width + self->spacing;
            }

          if (item == NULL)
            break;
          line++;
          first = i;
          used = 0;
        }

      used += (i > first ? self->spacing : 0) + item->min;
    }

  *n_lines = items->len > 0 ? line + 1 : 0;
  return items;
}

/* Each line's height: the tallest of its children at the width it gets. */
static int *
line_heights (RapportWrapBox *self,
              GArray         *items,
              guint           n_lines,
              gboolean        natural)
{
  int *heights = g_new0 (int, MAX (n_lines, 1));

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = &g_array_index (items, Item, i);
      int min, nat;

      gtk_widget_measure (it->child, GTK_ORIENTATION_VERTICAL, it->width, &min, &nat, NULL, NULL);
      heights[it->line] = MAX (heights[it->line], natural ? nat : min);
    }
  return heights;
}

static void
rapport_wrap_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RapportWrapBox *self = RAPPORT_WRAP_BOX (widget);
  g_autoptr(GArray) items = NULL;
  g_autofree int *min_heights = NULL;
  g_autofree int *nat_heights = NULL;
  guint n_lines;

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrowest: one child a line. Widest: all on one line. */
      items = lay_out (self, -1, &n_lines);
      for (guint i = 0; i < items->len; i++)
        {
          Item *it = &g_array_index (items, Item, i);

          *minimum = MAX (*minimum, it->min);
          *natural += it->nat + (i > 0 ? self->spacing : 0);
        }
      return;
    }

  items = lay_out (self, for_size, &n_lines);
  min_heights = line_heights (self, items, n_lines, FALSE);
  nat_heights = line_heights (self, items, n_lines, TRUE);
  for (guint l = 0; l < n_lines; l++)
    {
      *minimum += min_heights[l] + (l > 0 ? self->row_spacing : 0);
      *natural += nat_heights[l] + (l > 0 ? self->row_spacing : 0);
    }
}

static void
rapport_wrap_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  RapportWrapBox *self = RAPPORT_WRAP_BOX (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  g_autoptr(GArray) items = NULL;
  g_autofree int *heights = NULL;
  g_autofree int *tops = NULL;
  int total = 0;
  guint n_lines;

  items = lay_out (self, width, &n_lines);
  heights = line_heights (self, items, n_lines, TRUE);
  for (guint l = 0; l < n_lines; l++)
    total += heights[l] + (l > 0 ? self->row_spacing : 0);
  if (total > height)
    {
      g_free (heights);
      heights = line_heights (self, items, n_lines, FALSE);
    }

  tops = g_new0 (int, MAX (n_lines, 1));
  for (guint l = 1; l < n_lines; l++)
    tops[l] = tops[l - 1] + heights[l - 1] + self->row_spacing;

  /* One line takes the whole height, as in a GtkBox, so valign works. */
  if (n_lines == 1)
    heights[0] = MAX (heights[0], height);

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = &g_array_index (items, Item, i);
      int x = rtl ? width - it->x - it->width : it->x;

      gtk_widget_size_allocate (it->child,
                                &(GtkAllocation) { x, tops[it->line], it->width, heights[it->line] },
                                -1);
    }
}

static GtkSizeRequestMode
rapport_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_wrap_box_parent_class)->dispose (object);
}

static void
rapport_wrap_box_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportWrapBox *self = RAPPORT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_wrap_box_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportWrapBox *self = RAPPORT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      rapport_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      rapport_wrap_box_set_row_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_wrap_box_class_init (RapportWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_wrap_box_dispose;
  object_class->get_property = rapport_wrap_box_get_property;
  object_class->set_property = rapport_wrap_box_set_property;
  widget_class->measure = rapport_wrap_box_measure;
  widget_class->size_allocate = rapport_wrap_box_size_allocate;
  widget_class->get_request_mode = rapport_wrap_box_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_wrap_box_init (RapportWrapBox *self)
{
}

GtkWidget *
rapport_wrap_box_new (void)
{
  return g_object_new (RAPPORT_TYPE_WRAP_BOX, NULL);
}

int
rapport_wrap_box_get_spacing (RapportWrapBox *self)
{
  g_return_val_if_fail (RAPPORT_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

/**
 * rapport_wrap_box_set_spacing:
 *
 * Sets the space between children on one line.
 */
void
rapport_wrap_box_set_spacing (RapportWrapBox *self,
                              int             spacing)
{
  g_return_if_fail (RAPPORT_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
rapport_wrap_box_get_row_spacing (RapportWrapBox *self)
{
  g_return_val_if_fail (RAPPORT_IS_WRAP_BOX (self), 0);

  return self->row_spacing;
}

/**
 * rapport_wrap_box_set_row_spacing:
 *
 * Sets the space between lines.
 */
void
rapport_wrap_box_set_row_spacing (RapportWrapBox *self,
                                  int             spacing)
{
  g_return_if_fail (RAPPORT_IS_WRAP_BOX (self));

  if (self->row_spacing == spacing)
    return;
  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}
