/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-initials.h"
#include "test-widget-util.h"

/* The contact list's light avatar: the initials and the colour AdwAvatar
 * shows for the same name, drawn the same way, in one widget. */

static const char *names[] = {
  "Ada Lovelace",
  "ada",
  "  José   ñúñez  ",
  "Jean-Luc Picard",
  "Ana María de la Cruz",
  "李小龙",
  "محمد علي",
  "🙂 Smile",
  "straße",
  "'; DROP TABLE contacts; --",
  "x",
};

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* The colour class of the "avatar" node: ours is one, AdwAvatar's is a
 * child of the widget. */
static char *
dup_color_class (GtkWidget *widget)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  if (g_str_equal (gtk_widget_get_css_name (widget), "avatar"))
    for (guint i = 0; classes[i]; i++)
      if (g_str_has_prefix (classes[i], "color"))
        return g_strdup (classes[i]);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      char *found = dup_color_class (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_initials_text (void)
{
  static const struct { const char *name, *initials; } cases[] = {
    { "Ada Lovelace", "AL" },
    { "ada", "A" },
    { "  José   ñúñez  ", "JÑ" },
    { "Jean-Luc Picard", "JP" },
    { "李小龙", "李" },
    { "🙂 Smile", "🙂S" },
    { "", "" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = rapport_initials_dup_initials (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }

  /* Not UTF-8 at all: nothing, and no warning. */
  {
    g_autofree char *initials = rapport_initials_dup_initials ("\xff\xfe");

    g_assert_cmpstr (initials, ==, "");
  }
}

/* The background as drawn: the theme's gradient for the colour class. */
static void
assert_same_drawing (GtkWidget *ours,
                     GtkWidget *adw)
{
  g_autoptr(GskRenderNode) ours_node = test_render_widget (ours);
  g_autoptr(GskRenderNode) adw_node = test_render_widget (adw);
  GskRenderNode *ours_gradient = test_find_render_node (ours_node, GSK_LINEAR_GRADIENT_NODE);
  GskRenderNode *adw_gradient = test_find_render_node (adw_node, GSK_LINEAR_GRADIENT_NODE);
  GskRenderNode *ours_text = test_find_render_node (ours_node, GSK_TEXT_NODE);
  GskRenderNode *adw_text = test_find_render_node (adw_node, GSK_TEXT_NODE);
  const GskColorStop *a, *b;
  gsize n_a = 0, n_b = 0;

  g_assert_nonnull (ours_gradient);
  g_assert_nonnull (adw_gradient);
  a = gsk_linear_gradient_node_get_color_stops (ours_gradient, &n_a);
  b = gsk_linear_gradient_node_get_color_stops (adw_gradient, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  for (gsize i = 0; i < n_a; i++)
    g_assert_true (gdk_rgba_equal (&a[i].color, &b[i].color));

  /* The letters in the same colour. */
  g_assert_nonnull (ours_text);
  g_assert_nonnull (adw_text);
  g_assert_true (gdk_rgba_equal (gsk_text_node_get_color (ours_text), gsk_text_node_get_color (adw_text)));

  /* In letters of the same size and weight. */
  {
    g_autoptr(PangoFontDescription) a_font = pango_font_describe (gsk_text_node_get_font (ours_text));
    g_autoptr(PangoFontDescription) b_font = pango_font_describe (gsk_text_node_get_font (adw_text));
    g_autofree char *a_name = pango_font_description_to_string (a_font);
    g_autofree char *b_name = pango_font_description_to_string (b_font);

    g_test_message ("ours: %s, AdwAvatar: %s", a_name, b_name);
    g_assert_cmpint (pango_font_description_get_weight (a_font), ==, pango_font_description_get_weight (b_font));
    g_assert_cmpint (ABS (pango_font_description_get_size (a_font) - pango_font_description_get_size (b_font)),
                     <=, PANGO_SCALE / 2);
  }
}

static void
test_like_adw_avatar (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *ours = rapport_initials_new (32);
  GtkWidget *adw = adw_avatar_new (32, NULL, TRUE);

  gtk_box_append (GTK_BOX (box), ours);
  gtk_box_append (GTK_BOX (box), adw);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (test_is_drawn, ours);
  test_wait_until (test_is_drawn, adw);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *ours_class = NULL;
      g_autofree char *adw_class = NULL;
      g_autofree char *initials = NULL;

      rapport_initials_set_text (RAPPORT_INITIALS (ours), names[i]);
      adw_avatar_set_text (ADW_AVATAR (adw), names[i]);
      g_assert_cmpstr (rapport_initials_get_text (RAPPORT_INITIALS (ours)), ==, names[i]);

      initials = rapport_initials_dup_initials (names[i]);
      g_assert_cmpstr (initials, ==, gtk_label_get_label (GTK_LABEL (find_label (adw))));

      ours_class = dup_color_class (ours);
      adw_class = dup_color_class (adw);
      g_assert_nonnull (ours_class);
      g_assert_cmpstr (ours_class, ==, adw_class);

      test_spin (20);
      g_assert_cmpint (gtk_widget_get_width (ours), ==, 32);
      g_assert_cmpint (gtk_widget_get_height (ours), ==, 32);
      assert_same_drawing (ours, adw);
    }

  /* One colour class at a time, whatever the names before. */
  {
    g_auto(GStrv) classes = gtk_widget_get_css_classes (ours);
    guint colors = 0;

    for (guint i = 0; classes[i]; i++)
      colors += g_str_has_prefix (classes[i], "color");
    g_assert_cmpuint (colors, ==, 1);
  }

  /* Decoration only: the row says the name. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ours)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);

  /* The window and both avatars go with it: nothing holds them. */
  g_object_add_weak_pointer (G_OBJECT (ours), (gpointer *)&ours);
  test_assert_finalized (window, FALSE);
  g_assert_null (ours);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/initials/text", test_initials_text);
  g_test_add_func ("/initials/like-adw-avatar", test_like_adw_avatar);

  return g_test_run ();
}
