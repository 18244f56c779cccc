/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-calendar-page.h"
#include "rapport-clippings-page.h"
#include "rapport-contacts-page.h"
#include "rapport-evaluations-page.h"
#include "rapport-interviews-page.h"
#include "rapport-view-util.h"
#include "rapport-window.h"

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  RapportStore         *store;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  RapportContactsPage  *contacts_page;

  /* Made when first shown or needed: see rapport_window_get_page() */
  RapportCalendarPage  *calendar_page;
  RapportInterviewsPage *interviews_page;
  RapportEvaluationsPage *evaluations_page;
  RapportClippingsPage *clippings_page;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
make_page (RapportWindow *self,
           const char    *name)
{
  if (g_str_equal (name, "calendar"))
    {
      self->calendar_page = g_object_new (RAPPORT_TYPE_CALENDAR_PAGE, NULL);
      if (self->store != NULL)
        rapport_calendar_page_set_store (self->calendar_page, self->store);
      return GTK_WIDGET (self->calendar_page);
    }
  if (g_str_equal (name, "interviews"))
    {
      self->interviews_page = g_object_new (RAPPORT_TYPE_INTERVIEWS_PAGE, NULL);
      if (self->store != NULL)
        rapport_interviews_page_set_store (self->interviews_page, self->store);
      return GTK_WIDGET (self->interviews_page);
    }
  if (g_str_equal (name, "evaluations"))
    {
      self->evaluations_page = g_object_new (RAPPORT_TYPE_EVALUATIONS_PAGE, NULL);
      if (self->store != NULL)
        rapport_evaluations_page_set_store (self->evaluations_page, self->store);
      return GTK_WIDGET (self->evaluations_page);
    }
  if (g_str_equal (name, "clippings"))
    {
      self->clippings_page = g_object_new (RAPPORT_TYPE_CLIPPINGS_PAGE, NULL);
      if (self->store != NULL)
        rapport_clippings_page_set_store (self->clippings_page, self->store);
      return GTK_WIDGET (self->clippings_page);
    }

  g_return_val_if_reached (NULL);
}

/**
 * rapport_window_get_page:
 * @name: a page's name: contacts, calendar, interviews, evaluations or clippings
 *
 * The window shows one page at a time, so the others are made the first
 * time they are shown or an action needs them: a window with 100 000
 * contacts opens as fast as the one page in view allows.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
rapport_window_get_page (RapportWindow *self,
                         const char    *name)
{
  GtkWidget *child;

  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  g_return_val_if_fail (child != NULL, NULL);

  /* The pages are AdwBins themselves: only a plain AdwBin is a placeholder. */
  if (G_OBJECT_TYPE (child) != ADW_TYPE_BIN)
    return child;
  if (adw_bin_get_child (ADW_BIN (child)) == NULL)
    adw_bin_set_child (ADW_BIN (child), make_page (self, name));
  return adw_bin_get_child (ADW_BIN (child));
}

static const char *
visible_name (RapportWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name ? name : "contacts";
}

static void
show_page (RapportWindow *self,
           const char    *name)
{
  rapport_window_get_page (self, name);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
on_visible_child_changed (RapportWindow *self)
{
  rapport_window_get_page (self, visible_name (self));
}

/* Ctrl+N, Ctrl+F and Ctrl+Z act on the page in view. */
static void
activate_on_page (RapportWindow *self,
                  const char    *verb)
{
  const char *name = visible_name (self);
  g_autofree char *action = NULL;

  /* A new interview starts as an appointment. */
  if (g_str_equal (name, "interviews") || g_str_equal (name, "evaluations"))
    {
      if (g_str_equal (verb, "new"))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.new-appointment", NULL);
      return;
    }

  action = g_strconcat (name, ".", verb, NULL);
  gtk_widget_activate_action (rapport_window_get_page (self, name), action, NULL);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  activate_on_page (RAPPORT_WINDOW (widget), "new");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* The calendar has nothing to search: look for a person instead. */
  if (!g_str_equal (visible_name (self), "clippings"))
    show_page (self, "contacts");
  activate_on_page (self, "search");
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  activate_on_page (RAPPORT_WINDOW (widget), "undo-delete");
}

static void
new_appointment_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (self->calendar_page), "calendar.new", NULL);
}

static void
show_interview_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "interviews");
  rapport_interviews_page_select_appointment (self->interviews_page, g_variant_get_int64 (param));
}

static void
show_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (g_variant_get_int64 (param));

  show_page (self, "calendar");
  if (day != NULL)
    rapport_calendar_page_select_day (self->calendar_page, day);
}

static void
new_contact_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "contacts");
  gtk_widget_activate_action (GTK_WIDGET (self->contacts_page), "contacts.new", NULL);
}

static void
new_clipping_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "clippings");
  gtk_widget_activate_action (GTK_WIDGET (self->clippings_page), "clippings.new", NULL);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    show_page (self, name);
}

static void
show_contact_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "contacts");
  rapport_contacts_page_select_contact (self->contacts_page, g_variant_get_int64 (param));
}

static void
show_clipping_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  show_page (self, "clippings");
  rapport_clippings_page_select_clipping (self->clippings_page, g_variant_get_int64 (param));
}

/* The shortcuts window is built when asked for, not with every main window
 * as GtkApplicationWindow does with gtk/help-overlay.ui: that cost 7 ms of
 * each startup (issue 10). */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/rapport-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
on_save_failed (RapportWindow *self,
                const GError  *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s says why, e.g. "A contact needs a name." */
  title = g_strdup_printf (_("Your last change was not saved: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  RapportWindow *self = RAPPORT_WINDOW (window);

  if (self->store != NULL)
    rapport_store_flush (self->store, NULL);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = (RapportWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_save_failed, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_window_dispose;
  window_class->close_request = rapport_window_close_request;

  g_type_ensure (RAPPORT_TYPE_CONTACTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, contacts_page);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_activated);
  gtk_widget_class_install_action (widget_class, "win.new-clipping", NULL, new_clipping_activated);
  gtk_widget_class_install_action (widget_class, "win.new-appointment", NULL, new_appointment_activated);
  gtk_widget_class_install_action (widget_class, "win.show-day", "x", show_day_activated);
  gtk_widget_class_install_action (widget_class, "win.show-interview", "x", show_interview_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-contact", "x", show_contact_activated);
  gtk_widget_class_install_action (widget_class, "win.show-clipping", "x", show_clipping_activated);
}

static void
rapport_window_init (RapportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (on_visible_child_changed), self);

  if ((self->settings = rapport_view_dup_settings ()))
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    {
      g_warning ("GSettings schema %s is not installed; window size will not be kept", APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self), 1000, 700);
    }
}

static void
show_store_error (RapportWindow *self,
                  const GError  *error)
{
  const char *actions[] = {
    "win.new", "win.search", "win.undo", "win.new-contact", "win.new-clipping",
    "win.show-page", "win.show-contact", "win.show-clipping", "win.new-appointment", "win.show-day", "win.show-interview",
  };

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], FALSE);
}

/**
 * rapport_window_new:
 * @store: (nullable): the open database
 * @store_error: (nullable): why the database could not be opened
 *
 * Without a store the window explains @store_error and offers to quit: the
 * student's file is never replaced by an empty one.
 */
RapportWindow *
rapport_window_new (RapportApplication *application,
                    RapportStore       *store,
                    const GError       *store_error)
{
  RapportWindow *self;

  g_return_val_if_fail (store != NULL || store_error != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_WINDOW, "application", application, NULL);

  if (store == NULL)
    {
      show_store_error (self, store_error);
      return self;
    }

  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "save-failed", G_CALLBACK (on_save_failed), self);
  rapport_contacts_page_set_store (self->contacts_page, store);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "contact-sort", self->contacts_page, "sort", G_SETTINGS_BIND_DEFAULT);

  return self;
}

/**
 * rapport_window_offer_backup:
 *
 * On the error page, offers to put @backup in place of the damaged
 * database (which is kept aside, not deleted).
 */
void
rapport_window_offer_backup (RapportWindow *self,
                             const char    *backup)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use the Latest Backup"));
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));
  GtkWidget *label;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  /* Translators: %s is the backup's file name, e.g. rapport-2026-11-24.db */
  text = g_strdup_printf (_("A daily backup is available: %s. The damaged file is kept aside."), name);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "app.restore-backup");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (use), g_variant_new_string (backup));
  gtk_widget_add_css_class (use, "pill");
  gtk_widget_set_halign (use, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (use, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_add_css_class (quit, "pill");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), use);
  gtk_box_append (GTK_BOX (box), quit);
  adw_status_page_set_child (self->error_page, box);
}
