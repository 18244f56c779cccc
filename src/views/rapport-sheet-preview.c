/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-sheet-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-print-actions.h"
#include "rapport-sheet-preview.h"

/* A sheet as it will print, page under page, drawn from the very pages the
 * print operation makes (see rapport_prep_sheet_render_pages()): inside a
 * sandbox there is no external viewer to hand a preview to. Print and
 * Export PDF are one click (or Ctrl+P, Ctrl+E) away. */
struct _RapportSheetPreview
{
  AdwWindow         parent_instance;

  RapportStore     *store;
  gint64            appointment_id;
  RapportSheetKind  kind;
  GPtrArray        *pages;     /* cairo_surface_t, one a page */
  double            page_w;    /* points */
  double            page_h;
  double            zoom;      /* pixels a point */

  AdwWindowTitle   *window_title;
  GtkBox           *page_box;
};

G_DEFINE_FINAL_TYPE (RapportSheetPreview, rapport_sheet_preview, ADW_TYPE_WINDOW)

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0
#define ZOOM_STEP 1.25

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  RapportSheetPreview *self = data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "page"));
  cairo_surface_t *page;

  if (self->pages == NULL || index >= self->pages->len)
    return;
  page = g_ptr_array_index (self->pages, index);

  /* Paper is white in any style; what prints is drawn on it. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / self->page_w, height / self->page_h);
  cairo_set_source_surface (cr, page, 0, 0);
  cairo_paint (cr);
}

static void
size_pages (RapportSheetPreview *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), (int)(self->page_w * self->zoom));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), (int)(self->page_h * self->zoom));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > ZOOM_MIN);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportSheetPreview *self = RAPPORT_SHEET_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = MIN (ZOOM_MAX, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    self->zoom = MAX (ZOOM_MIN, self->zoom / ZOOM_STEP);
  else
    self->zoom = 1.0;
  size_pages (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RapportSheetPreview *self = RAPPORT_SHEET_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.export"))
    rapport_export_sheet_pdf (widget, self->store, self->appointment_id, self->kind);
  else
    rapport_print_sheet (widget, self->store, self->appointment_id, self->kind);
}

static void
rapport_sheet_preview_dispose (GObject *object)
{
  RapportSheetPreview *self = (RapportSheetPreview *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_SHEET_PREVIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_sheet_preview_parent_class)->dispose (object);
}

static void
rapport_sheet_preview_class_init (RapportSheetPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_sheet_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-sheet-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSheetPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportSheetPreview, page_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.export", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "preview.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_sheet_preview_init (RapportSheetPreview *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rapport_sheet_preview_new:
 * @pages: (element-type cairo_surface_t): the pages, as
 *   rapport_prep_sheet_render_pages() draws them
 * @width: the page width in points
 * @height: the page height in points
 *
 * Returns: (transfer none): the preview window, shown
 */
RapportSheetPreview *
rapport_sheet_preview_new (GtkWindow        *parent,
                           RapportStore     *store,
                           gint64            appointment_id,
                           RapportSheetKind  kind,
                           const char       *title,
                           GPtrArray        *pages,
                           double            width,
                           double            height)
{
  RapportSheetPreview *self;
  g_autofree char *count = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (pages != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (RAPPORT_TYPE_SHEET_PREVIEW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->appointment_id = appointment_id;
  self->kind = kind;
  self->pages = g_ptr_array_ref (pages);
  self->page_w = width;
  self->page_h = height;

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  /* Translators: under the title of a print preview */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", pages->len), pages->len);
  adw_window_title_set_subtitle (self->window_title, count);

  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *label = NULL;

      /* Translators: the accessible name of a page in the print preview */
      label = g_strdup_printf (_("Page %u of %u"), i + 1, pages->len);
      g_object_set_data (G_OBJECT (area), "page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "card");
      gtk_widget_add_css_class (area, "sheet-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->page_box, area);
    }
  size_pages (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * rapport_sheet_preview_get_n_pages:
 */
guint
rapport_sheet_preview_get_n_pages (RapportSheetPreview *self)
{
  g_return_val_if_fail (RAPPORT_IS_SHEET_PREVIEW (self), 0);

  return self->pages ? self->pages->len : 0;
}
