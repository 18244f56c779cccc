/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-initials"

#include "config.h"

#include <string.h>

#include "rapport-initials.h"

/* A person's initials in a coloured circle, drawn in one widget: what
 * AdwAvatar shows for a name without a picture, for the rows of a contact
 * list. AdwAvatar is five widgets (itself, a gizmo, a label and two images);
 * GTK 4.8's list view builds 200 rows before the first frame, so the four
 * widgets less per row are a measurable part of startup (issue 10).
 *
 * It takes AdwAvatar's CSS name and colour classes, so the theme paints
 * the circle, in light, dark and high contrast, and the same name gets the
 * same colour as the avatar of the contact's own page. */

#define N_COLORS 14  /* avatar.color1 … avatar.color14 in libadwaita's stylesheet */

struct _RapportInitials
{
  GtkWidget    parent_instance;

  char        *text;
  char        *initials;
  char        *color_class;
  PangoLayout *layout;   /* made when first drawn */
  int          size;
};

G_DEFINE_FINAL_TYPE (RapportInitials, rapport_initials, GTK_TYPE_WIDGET)

/**
 * rapport_initials_dup_initials:
 *
 * The first letter of the first word and of the last, in capitals, as
 * AdwAvatar takes them: "Ada Lovelace" → "AL", "Ada" → "A".
 *
 * Returns: (transfer full): the initials, "" when @text has no word
 */
char *
rapport_initials_dup_initials (const char *text)
{
  g_autofree char *upper = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(GString) initials = g_string_new (NULL);
  const char *last;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* The whole name in capitals first: "ßen" starts with "S", as in AdwAvatar. */
  upper = g_utf8_strup (text, -1);
  normalized = g_utf8_normalize (g_strstrip (upper), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalized == NULL || *normalized == '\0')
    return g_strdup ("");

  g_string_append_unichar (initials, g_utf8_get_char (normalized));

  last = strrchr (normalized, ' ');
  if (last != NULL && last[1] != '\0')
    g_string_append_unichar (initials, g_utf8_get_char (last + 1));

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

static void
rapport_initials_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RapportInitials *self = RAPPORT_INITIALS (widget);

  *minimum = *natural = self->size;
}

static void
rapport_initials_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RapportInitials *self = RAPPORT_INITIALS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  GdkRGBA color;

  if (self->initials == NULL || *self->initials == '\0')
    return;

  if (self->layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      double square, padding, fit;
      int w, h;

      /* Sized as AdwAvatar sizes its label: the letters' box, at the
       * widget's font, scaled to fit the largest square inside the circle
       * less a margin that grows with the circle. */
      self->layout = gtk_widget_create_pango_layout (widget, self->initials);
      pango_layout_get_pixel_size (self->layout, &w, &h);
      square = self->size / G_SQRT2;
      padding = MAX (self->size * 0.4 - 5, 0);
      fit = (square - padding) / MAX (MAX (w, h), 1);
      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (h * fit * PANGO_SCALE));
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
    }

  /* gtk_widget_get_color() is GTK 4.10; the style context is what 4.8 has. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - text_width) / 2.0f,
                                                          (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rapport_initials_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  RapportInitials *self = RAPPORT_INITIALS (widget);

  GTK_WIDGET_CLASS (rapport_initials_parent_class)->css_changed (widget, change);
  /* The font may have changed: the layout is made again when drawn. */
  g_clear_object (&self->layout);
}

static void
rapport_initials_finalize (GObject *object)
{
  RapportInitials *self = (RapportInitials *)object;

  g_free (self->text);
  g_free (self->initials);
  g_free (self->color_class);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (rapport_initials_parent_class)->finalize (object);
}

static void
rapport_initials_class_init (RapportInitialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_initials_finalize;
  widget_class->measure = rapport_initials_measure;
  widget_class->snapshot = rapport_initials_snapshot;
  widget_class->css_changed = rapport_initials_css_changed;

  gtk_widget_class_set_css_name (widget_class, "avatar");
  /* Decoration: the row it is in says the name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rapport_initials_init (RapportInitials *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/**
 * rapport_initials_new:
 * @size: the circle's diameter in pixels
 */
GtkWidget *
rapport_initials_new (int size)
{
  RapportInitials *self = g_object_new (RAPPORT_TYPE_INITIALS, NULL);

  self->size = size;
  rapport_initials_set_text (self, NULL);
  return GTK_WIDGET (self);
}

const char *
rapport_initials_get_text (RapportInitials *self)
{
  g_return_val_if_fail (RAPPORT_IS_INITIALS (self), NULL);

  return self->text ? self->text : "";
}

/**
 * rapport_initials_set_text:
 * @text: (nullable): the name the initials and the colour are taken from
 */
void
rapport_initials_set_text (RapportInitials *self,
                           const char      *text)
{
  g_autofree char *color_class = NULL;

  g_return_if_fail (RAPPORT_IS_INITIALS (self));

  if (text == NULL)
    text = "";
  if (self->text != NULL && g_str_equal (self->text, text))
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->initials);
  self->initials = rapport_initials_dup_initials (text);
  g_clear_object (&self->layout);

  /* The colour AdwAvatar gives the same name. */
  color_class = g_strdup_printf ("color%u", g_str_hash (text) % N_COLORS + 1);
  if (g_strcmp0 (color_class, self->color_class) != 0)
    {
      if (self->color_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->color_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), color_class);
      g_free (self->color_class);
      self->color_class = g_steal_pointer (&color_class);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
