/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in the light, dark and high-contrast styles, saved as PNGs in
 * <build>/tests/artefacts/ for a person to look at (style-<style>-<view>.png),
 * and checked for what can be measured: the dark style is darker, high
 * contrast differs from the plain light style. */
#include "config.h"

#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "rapport-contacts-page.h"
#include "rapport-interviews-page.h"
#include "rapport-window.h"
#include "test-widget-util.h"

typedef enum {
  STYLE_LIGHT,
  STYLE_DARK,
  STYLE_HIGH_CONTRAST,
  N_STYLES
} Style;

static const char *style_names[N_STYLES] = { "light", "dark", "high-contrast" };

typedef struct
{
  TestStore       ts;
  RapportWindow  *window;
  gint64          contact_id;
  gint64          appointment_id;
} Fixture;

static gint64
add_contact (Fixture      *f,
             const char   *name,
             const char   *title,
             const char   *organization,
             RapportStage  stage)
{
  g_autoptr(RapportContact) contact = rapport_contact_new (name);

  rapport_contact_set_job_title (contact, title);
  rapport_contact_set_organization (contact, organization);
  rapport_contact_set_email (contact, "ada@example.com");
  rapport_contact_set_stage (contact, stage);
  g_assert_true (rapport_store_add_contact (f->ts.store, contact, NULL));
  return rapport_record_get_id (RAPPORT_RECORD (contact));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportInterview) interview = NULL;

  test_store_init (&f->ts);
  f->contact_id = add_contact (f, "Ada Lovelace", "Analyst", "Analytical Engines", RAPPORT_STAGE_SCHEDULED);
  add_contact (f, "Grace Hopper", "Rear Admiral", "US Navy", RAPPORT_STAGE_THANKED);
  add_contact (f, "Katherine Johnson", "Mathematician", "NASA", RAPPORT_STAGE_TO_CONTACT);
  add_contact (f, "Margaret Hamilton", "Director", "Draper Laboratory", RAPPORT_STAGE_DECLINED);

  meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, f->contact_id);
  rapport_appointment_set_start (meeting, g_get_real_time () / G_USEC_PER_SEC + 3600);
  rapport_appointment_set_place (meeting, "Café on Main Street");
  rapport_appointment_set_status (meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, meeting, NULL));
  f->appointment_id = rapport_record_get_id (RAPPORT_RECORD (meeting));

  interview = rapport_store_get_interview (f->ts.store, f->appointment_id, NULL);
  g_assert_nonnull (interview);
  rapport_interview_set_goals (interview, "Learn what a day as an analyst looks like.");
  g_assert_true (rapport_store_save_interview (f->ts.store, interview, NULL));

  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  test_wait_until (test_is_drawn, f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  test_store_clear (&f->ts);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* libadwaita 1.2 takes high contrast from the settings portal, else from
 * the org.gnome.desktop.a11y.interface key; main() turns the portal off
 * and the tests run with the memory settings backend, so setting the key
 * changes this process only. */
static GSettings *
a11y_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new ("org.gnome.desktop.a11y.interface");
}

static gboolean
style_applied (gpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Style style = GPOINTER_TO_INT (data);

  return adw_style_manager_get_dark (manager) == (style == STYLE_DARK)
         && adw_style_manager_get_high_contrast (manager) == (style == STYLE_HIGH_CONTRAST);
}

static void
set_style (Style style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GSettings) a11y = a11y_settings ();

  adw_style_manager_set_color_scheme (manager, style == STYLE_DARK ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (a11y != NULL)
    g_settings_set_boolean (a11y, "high-contrast", style == STYLE_HIGH_CONTRAST);
  test_wait_until (style_applied, GINT_TO_POINTER (style));
  /* New CSS, then a frame drawn with it. */
  test_spin (300);
}

static char *
artefact_path (Style       style,
               const char *view)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "artefacts", NULL);
  g_autofree char *name = g_strdup_printf ("style-%s-%s.png", style_names[style], view);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* Renders the window as it is drawn now, with the window's own renderer. */
static GdkTexture *
render_window (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (f->window));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct
{
  double  luminance;   /* mean, 0 black to 1 white */
  guchar *pixels;      /* Cairo ARGB32, premultiplied */
  gsize   size;
} Shot;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->pixels, g_free);
}

static void
take_shot (Fixture    *f,
           Style       style,
           const char *view,
           Shot       *shot)
{
  g_autoptr(GdkTexture) texture = render_window (f);
  g_autofree char *path = artefact_path (style, view);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  double sum = 0;

  g_unlink (path);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("%s", path);

  shot->size = stride * height;
  shot->pixels = g_malloc (shot->size);
  gdk_texture_download (texture, shot->pixels, stride);
  for (gsize i = 0; i < shot->size; i += 4)
    {
      /* Blue, green, red, alpha in memory on little-endian machines; the
       * weights are symmetric enough for a mean that only compares. */
      sum += (0.0722 * shot->pixels[i] + 0.7152 * shot->pixels[i + 1] + 0.2126 * shot->pixels[i + 2]) / 255.0;
    }
  shot->luminance = sum / (shot->size / 4);
  g_test_message ("%s %s: mean luminance %.3f", style_names[style], view, shot->luminance);
}

/* The mean difference per channel, 0 to 1. */
static double
difference (const Shot *a,
            const Shot *b)
{
  double sum = 0;

  g_assert_cmpuint (a->size, ==, b->size);
  for (gsize i = 0; i < a->size; i++)
    sum += ABS ((int) a->pixels[i] - (int) b->pixels[i]) / 255.0;
  return sum / a->size;
}

static void
check_styles (Fixture    *f,
              const char *view)
{
  Shot shots[N_STYLES] = { { 0, } };

  for (Style style = 0; style < N_STYLES; style++)
    {
      set_style (style);
      take_shot (f, style, view, &shots[style]);
    }

  g_assert_cmpfloat (shots[STYLE_LIGHT].luminance, >, 0.7);
  g_assert_cmpfloat (shots[STYLE_DARK].luminance, <, shots[STYLE_LIGHT].luminance - 0.4);
  /* High contrast draws darker borders and text on the light colours. */
  g_assert_cmpfloat (shots[STYLE_HIGH_CONTRAST].luminance, >, 0.6);
  g_assert_cmpfloat (difference (&shots[STYLE_HIGH_CONTRAST], &shots[STYLE_LIGHT]), >, 0.002);

  for (Style style = 0; style < N_STYLES; style++)
    shot_clear (&shots[style]);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = rapport_window_get_page (f->window, "contacts");

  g_assert_true (rapport_contacts_page_select_contact (RAPPORT_CONTACTS_PAGE (page), f->contact_id));
  check_styles (f, "contacts");
}

static void
test_interview (Fixture       *f,
                gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-interview", "x", f->appointment_id));
  check_styles (f, "interview");
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) a11y = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  /* A desktop's portal would decide high contrast instead of the key. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (g_settings_backend_get_default ()), "GMemorySettingsBackend") != 0)
    g_error ("Run with GSETTINGS_BACKEND=memory: this test changes the desktop's high-contrast key");
  if ((a11y = a11y_settings ()) == NULL)
    g_error ("The org.gnome.desktop.a11y.interface schema is missing: install gsettings-desktop-schemas");

  /* AdwApplication loads the app's style.css; the tests have no application. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  ADD ("/style/contacts", test_contacts);
  ADD ("/style/interview", test_interview);

  return g_test_run ();
}
