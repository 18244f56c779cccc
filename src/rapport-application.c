/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <libnotify/notify.h>
#include <signal.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-autostart.h"
#include "rapport-calendar-page.h"
#include "rapport-csv.h"
#include "rapport-import-dialog.h"
#include "rapport-vcard.h"
#include "rapport-notifier.h"
#include "rapport-thank-you-dialog.h"
#include "rapport-preferences-window.h"
#include "rapport-view-util.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication  parent_instance;
  RapportStore   *store;
  GError         *store_error;
  RapportNotifier *notifier;
  GSettings      *settings;
  GCancellable   *background_cancellable;
  gboolean        background;
  guint           sigterm_source;
  guint           sigint_source;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * rapport_application_get_store:
 *
 * Returns: (transfer none) (nullable): the student's database, or %NULL if
 *   it could not be opened
 */
RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->store;
}

static void
flush_store (RapportApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !rapport_store_flush (self->store, &error))
    g_warning ("Could not save every change before quitting: %s", error->message);
}

/* A logout sends SIGTERM: write what is pending, then quit as if by Ctrl+Q. */
static gboolean
on_quit_signal (gpointer data)
{
  RapportApplication *self = data;

  flush_store (self);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  RapportApplication *self = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its state, as the window manager's close does. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }

  flush_store (self);
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  RapportApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Rapport developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Rapport"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Rapport developers"),
                         "developers", developers,
                         "comments", _("Plan, hold and follow up informational interviews"),
                         "website", "https://github.com/rapportapp/rapport",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  RapportApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = rapport_view_dup_settings ();

  if (settings == NULL)
    {
      g_warning ("GSettings schema %s is not installed; there are no preferences to show", APP_ID);
      return;
    }

  gtk_window_present (GTK_WINDOW (rapport_preferences_window_new (window, settings)));
}

/* Backups */

static void start_reminders (RapportApplication *self);

/* Puts @backup in place of the database: the windows close, the store is
 * reopened on the restored file and a new window shows it. */
static gboolean
restore_from (RapportApplication  *self,
              const char          *backup,
              GError             **error)
{
  g_autofree char *path = rapport_store_dup_default_path ();
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (GTK_WINDOW (windows->data));

  flush_store (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  if (!rapport_store_restore_backup (path, backup, error))
    {
      /* Nothing moved: carry on with the database as it was. */
      self->store = rapport_store_open (path, &self->store_error);
    }
  else
    self->store = rapport_store_open (path, &self->store_error);

  if (self->store != NULL)
    start_reminders (self);

  gtk_window_present (GTK_WINDOW (rapport_window_new (self, self->store, self->store_error)));
  return error == NULL || *error == NULL;
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       data)
{
  RapportApplication *self = data;
  g_autoptr(GError) error = NULL;

  if (!restore_from (self, g_variant_get_string (param, NULL), &error))
    g_warning ("%s", error->message);
}

static void
on_restore_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          data)
{
  RapportApplication *self = data;
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "restore-backup", g_variant_new_string (backup));
}

static void
on_restore_chosen (GtkNativeDialog    *chooser,
                   int                 response,
                   RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  guint contacts, appointments;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)))
    {
      if (!rapport_store_describe_backup (path, &contacts, &appointments, &error))
        body = g_strdup (error->message);
      else
        /* Translators: a preview of a backup before restoring it */
        {
          /* Translators: the first part of a backup's preview */
          g_autofree char *held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "It holds %u contact", "It holds %u contacts", contacts), contacts);
          /* Translators: the second part of a backup's preview */
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u appointment.", "and %u appointments.", appointments), appointments);

          body = g_strdup_printf ("%s %s %s", held, more, _("Your current data is kept beside it, so you can go back."));
        }

      dialog = adw_message_dialog_new (window, _("Restore This Backup?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore", error == NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (path), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirmed), self);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  RapportApplication *self = data;
  g_autofree char *path = rapport_store_dup_default_path ();
  g_autofree char *dir = rapport_store_dup_backup_dir (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from Backup"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_backup_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)) && !rapport_store_backup (self->store, path, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      GtkWidget *dialog = adw_message_dialog_new (window, _("Backup Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
backup_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  RapportApplication *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "rapport-backup-%Y-%m-%d.db");
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Back Up"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import and export of contacts */

static gboolean
looks_like_icalendar (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);
  g_autoptr(GFileInputStream) stream = NULL;
  char head[256] = { 0 };
  gsize length = 0;

  if (g_str_has_suffix (lower, ".ics") || g_str_has_suffix (lower, ".ical") || g_str_has_suffix (lower, ".ifb"))
    return TRUE;

  /* Whatever its name: the first line of an iCalendar file. */
  if ((stream = g_file_read (file, NULL, NULL)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &length, NULL, NULL))
    return FALSE;
  return g_strstr_len (head, length, "BEGIN:VCALENDAR") != NULL;
}

static void
import_file (RapportApplication *self,
             GFile              *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RapportImportDialog *dialog;

  if (self->store == NULL)
    return;

  /* A calendar file opened with Rapport holds appointments, not people. */
  if (looks_like_icalendar (file) && RAPPORT_IS_WINDOW (window))
    {
      GtkWidget *page = rapport_window_get_page (RAPPORT_WINDOW (window), "calendar");

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
      rapport_calendar_page_preview_import (RAPPORT_CALENDAR_PAGE (page), file);
      return;
    }

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(dialog = rapport_import_dialog_new (window, self->store, name, bytes, &error)))
    {
      g_autofree char *body = g_strdup_printf (_("Nothing was imported from “%s”: %s"), name, error->message);
      GtkWidget *alert = adw_message_dialog_new (window, _("Could Not Read the File"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  RapportApplication *self = data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Contacts (LinkedIn export, CSV, vCard)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Every contact, as vCard 4.0 or CSV by the file name chosen. */
static void
on_export_chosen (GtkNativeDialog    *chooser,
                  int                 response,
                  RapportApplication *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      RapportContactQuery query = RAPPORT_CONTACT_QUERY_INIT;
      g_autoptr(GArray) ids = rapport_store_query_contacts (self->store, &query, NULL);
      g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *lower = g_ascii_strdown (name, -1);
      g_autofree char *text = NULL;
      GtkFileFilter *chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      gboolean csv = g_str_has_suffix (lower, ".csv");

      /* The name's ending decides; without one, the format picked does,
       * and the file gets its ending. */
      if (!csv && !g_str_has_suffix (lower, ".vcf") && !g_str_has_suffix (lower, ".vcard"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *named = NULL;

          csv = chosen != NULL && g_object_get_data (G_OBJECT (chosen), "csv") != NULL;
          named = g_strconcat (name, csv ? ".csv" : ".vcf", NULL);
          if (parent != NULL)
            g_set_object (&file, g_file_get_child (parent, named));
        }

      for (guint i = 0; ids && i < ids->len; i++)
        {
          RapportContact *c = rapport_store_get_contact (self->store, g_array_index (ids, gint64, i));
          if (c != NULL)
            g_ptr_array_add (contacts, c);
        }

      text = csv ? rapport_csv_export_contacts (contacts) : rapport_vcard_export (contacts);
      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                     _("Export Failed"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_contacts_activated (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       data)
{
  RapportApplication *self = data;
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Contacts"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (vcard, _("vCard, for address books and phones (.vcf)"));
  gtk_file_filter_add_mime_type (vcard, "text/vcard");
  gtk_file_filter_add_suffix (vcard, "vcf");
  gtk_file_filter_set_name (csv, _("CSV, for spreadsheets (.csv)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  g_object_set_data (G_OBJECT (csv), "csv", GINT_TO_POINTER (TRUE));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), vcard);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), vcard);
  /* Translators: a file name; end it in .csv for a spreadsheet instead */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("contacts.vcf"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rapport_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  g_application_activate (app);
  for (int i = 0; i < n_files; i++)
    import_file (self, files[i]);
}

/* One copy a day, the last seven kept, taken once the window is up. */
static gboolean
on_rolling_backup (gpointer data)
{
  RapportApplication *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !rapport_store_rolling_backup (self->store, today, 7, &error))
    g_warning ("Daily backup failed: %s", error->message);
  return G_SOURCE_REMOVE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "backup", backup_activated },
  { "restore", restore_activated },
  { "restore-backup", restore_backup_activated, "s" },
  { "import", import_activated },
  { "export-contacts", export_contacts_activated },
};

/* "Write Note" on a thank-you reminder: the composer for that interview. */
static void
on_write_note (RapportApplication *self,
               gint64              appointment_id)
{
  g_autoptr(RapportAppointment) appointment = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  appointment = rapport_store_get_appointment (self->store, appointment_id);
  if (appointment == NULL || window == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-interview", "x", appointment_id);
  gtk_window_present (GTK_WINDOW (rapport_thank_you_dialog_new (window, self->store, appointment)));
}

static void
read_reminder_settings (RapportReminderSettings *settings)
{
  RapportReminderSettings defaults = RAPPORT_REMINDER_SETTINGS_INIT;
  g_autoptr(GSettings) gsettings = rapport_view_dup_settings ();

  *settings = defaults;
  if (gsettings != NULL)
    {
      settings->nudge_after = g_settings_get_int (gsettings, "thank-you-nudge-after") * 60;
      settings->soon_before = g_settings_get_int (gsettings, "thank-you-soon-before") * 60;
      settings->snooze = g_settings_get_int (gsettings, "snooze-minutes") * 60;
      settings->recontact_months = g_settings_get_int (gsettings, "recontact-months");
    }
}

static void
on_reminder_settings_changed (RapportApplication *self)
{
  RapportReminderSettings settings;

  read_reminder_settings (&settings);
  if (self->notifier != NULL)
    rapport_notifier_set_settings (self->notifier, &settings);
}

static void
start_reminders (RapportApplication *self)
{
  RapportReminderSettings settings;

  read_reminder_settings (&settings);

  /* The app name is an identifier the server may match on (per-app
   * notification settings); the desktop-entry hint gives it the localized
   * name and icon. */
  if (!notify_is_initted ())
    notify_init ("Rapport");

  self->notifier = rapport_notifier_new (self->store, &settings);
  g_signal_connect_object (self->notifier, "write-note", G_CALLBACK (on_write_note), self, G_CONNECT_SWAPPED);
  /* "Open Rapport" on the summary of many reminders. */
  g_signal_connect_object (self->notifier, "show-app", G_CALLBACK (g_application_activate), self, G_CONNECT_SWAPPED);
  rapport_notifier_watch_system (self->notifier);

  /* What fell due while Rapport was closed is announced once, as soon as
   * the window is on screen: its first frame does not wait for the queries. */
  rapport_notifier_check_when_idle (self->notifier);
}

/* Where a refusal is shown: the Preferences window, where the switch is. */
static void
on_background_applied (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(RapportApplication) self = data;
  g_autoptr(GError) error = NULL;

  if (rapport_background_apply_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (GList *w = gtk_application_get_windows (GTK_APPLICATION (self)); w; w = w->next)
    if (RAPPORT_IS_PREFERENCES_WINDOW (w->data))
      {
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (w->data), adw_toast_new (error->message));
        return;
      }
  g_message ("%s", error->message);
}

/* The preference writes or removes the autostart entry (or asks the
 * Background portal inside Flatpak); a refusal turns it back off. */
static void
on_run_in_background_changed (RapportApplication *self)
{
  GDBusConnection *portal_bus = NULL;

  g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  self->background_cancellable = g_cancellable_new ();

  if (rapport_running_in_flatpak ())
    portal_bus = g_application_get_dbus_connection (G_APPLICATION (self));

  rapport_background_apply_async (self->settings, portal_bus, g_get_user_config_dir (), APP_ID,
                                  BINDIR G_DIR_SEPARATOR_S "rapport", self->background_cancellable,
                                  on_background_applied, g_object_ref (self));
}

static int
rapport_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Already running: nothing to start. */
      if (g_application_get_is_remote (app))
        return 0;

      /* Stay without a window, announcing reminders, until asked to quit. */
      self->background = TRUE;
      g_application_hold (app);
    }

  return -1;
}

static void
rapport_application_startup (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char *path = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-page::contacts", { "<Alt>1", NULL } },
    { "win.show-page::calendar", { "<Alt>2", NULL } },
    { "win.show-page::interviews", { "<Alt>3", NULL } },
    { "win.show-page::evaluations", { "<Alt>4", NULL } },
    { "win.show-page::clippings", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  path = rapport_store_dup_default_path ();
  self->store = rapport_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_warning ("%s", self->store_error->message);

  if (self->store != NULL)
    {
      start_reminders (self);
      g_timeout_add_seconds_full (G_PRIORITY_LOW, 10, on_rolling_backup, g_object_ref (self), g_object_unref);
    }

  {
    if ((self->settings = rapport_view_dup_settings ()))
      {
        g_signal_connect_swapped (self->settings, "changed::run-in-background",
                                  G_CALLBACK (on_run_in_background_changed), self);
        g_signal_connect_swapped (self->settings, "changed::thank-you-nudge-after",
                                  G_CALLBACK (on_reminder_settings_changed), self);
        g_signal_connect_swapped (self->settings, "changed::thank-you-soon-before",
                                  G_CALLBACK (on_reminder_settings_changed), self);
        g_signal_connect_swapped (self->settings, "changed::snooze-minutes",
                                  G_CALLBACK (on_reminder_settings_changed), self);
        g_signal_connect_swapped (self->settings, "changed::recontact-months",
                                  G_CALLBACK (on_reminder_settings_changed), self);
      }
  }

  self->sigterm_source = g_unix_signal_add (SIGTERM, on_quit_signal, self);
  self->sigint_source = g_unix_signal_add (SIGINT, on_quit_signal, self);
}

static void
rapport_application_activate (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Started with --background: the first activation opens no window. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (rapport_window_new (self, self->store, self->store_error));

      /* A damaged database: offer the newest automatic backup. */
      if (self->store == NULL)
        {
          g_autofree char *path = rapport_store_dup_default_path ();
          g_autoptr(GPtrArray) backups = rapport_store_list_backups (path);

          if (backups->len > 0)
            rapport_window_offer_backup (RAPPORT_WINDOW (window), g_ptr_array_index (backups, 0));
        }
    }

  gtk_window_present (window);
}

static void
rapport_application_shutdown (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  flush_store (self);
  g_clear_object (&self->notifier);
  g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  if (notify_is_initted ())
    notify_uninit ();
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->sigint_source, g_source_remove);

  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (app);
}

static void
rapport_application_finalize (GObject *object)
{
  RapportApplication *self = (RapportApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (rapport_application_parent_class)->finalize (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rapport_application_finalize;
  app_class->startup = rapport_application_startup;
  app_class->handle_local_options = rapport_application_handle_local_options;
  app_class->open = rapport_application_open;
  app_class->activate = rapport_application_activate;
  app_class->shutdown = rapport_application_shutdown;
}

static void
rapport_application_init (RapportApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Start without a window, to announce reminders"), NULL);
}
