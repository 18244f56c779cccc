/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-preferences-window"

#include "config.h"

#include "rapport-preferences-window.h"
#include "rapport-view-util.h"

/* Every row is bound to its GSettings key, so changes apply as they are
 * typed, as in other GNOME apps. */
struct _RapportPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
  AdwEntryRow          *school_row;
  AdwEntryRow          *field_row;
  AdwActionRow         *duration_row;
  GtkSpinButton        *duration_spin;
  GtkSwitch            *background_switch;
  AdwActionRow         *nudge_row;
  GtkSpinButton        *nudge_spin;
  AdwActionRow         *soon_row;
  GtkSpinButton        *soon_spin;
  AdwActionRow         *snooze_row;
  GtkSpinButton        *snooze_spin;
  AdwActionRow         *follow_up_row;
  GtkSpinButton        *follow_up_spin;
  AdwActionRow         *recontact_row;
  GtkSpinButton        *recontact_spin;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rapport_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAPPORT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, school_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, duration_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, nudge_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, soon_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, snooze_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, nudge_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, soon_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, follow_up_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, recontact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, recontact_spin);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The settings only ever get a number in range; see rapport_view_guard_spin(). */
  rapport_view_guard_spin (self->nudge_spin, self->nudge_row);
  rapport_view_guard_spin (self->soon_spin, self->soon_row);
  rapport_view_guard_spin (self->snooze_spin, self->snooze_row);
  rapport_view_guard_spin (self->duration_spin, self->duration_row);
  rapport_view_guard_spin (self->follow_up_spin, self->follow_up_row);
  rapport_view_guard_spin (self->recontact_spin, self->recontact_row);
}

RapportPreferencesWindow *
rapport_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  RapportPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  g_settings_bind (settings, "student-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "school", self->school_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "field-of-interest", self->field_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-duration", self->duration_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "thank-you-nudge-after", self->nudge_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "thank-you-soon-before", self->soon_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "snooze-minutes", self->snooze_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "follow-up-days", self->follow_up_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "recontact-months", self->recontact_spin, "value", G_SETTINGS_BIND_DEFAULT);
  return self;
}
