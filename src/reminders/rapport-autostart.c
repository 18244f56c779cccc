/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-autostart"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rapport-autostart.h"

/* "Remind me when Rapport is closed": Rapport starts at login without a
 * window. Outside Flatpak that is an XDG autostart entry; inside, the
 * Background portal writes one for us (its Exec line is "flatpak run
 * --command=rapport <app id> --background", from the command line we
 * give it), if the person allows it. */

/**
 * rapport_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry lives
 */
char *
rapport_autostart_path (const char *config_dir,
                        const char *app_id)
{
  g_autofree char *name = g_strconcat (app_id, ".desktop", NULL);

  return g_build_filename (config_dir, "autostart", name, NULL);
}

/* An argument of an Exec line, quoted as the Desktop Entry specification
 * asks when it has to be. */
static char *
quote_exec_argument (const char *arg)
{
  GString *quoted;

  if (strpbrk (arg, " \t\n\"'\\><~|&;$*?#()`=%") == NULL)
    return g_strdup (arg);

  quoted = g_string_new ("\"");
  for (const char *c = arg; *c; c++)
    {
      if (strchr ("\"`$\\", *c))
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *c);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/**
 * rapport_autostart_binary_is_installed:
 * @binary: the absolute path the autostart entry would run
 *
 * An autostart entry must run an installed Rapport: a build run from its
 * build folder would otherwise leave an entry that starts nothing, or
 * another copy. So @binary must exist and be this very program.
 */
gboolean
rapport_autostart_binary_is_installed (const char  *binary,
                                       GError     **error)
{
  GStatBuf installed, running;

  if (!g_path_is_absolute (binary) || g_stat (binary, &installed) != 0 ||
      !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE) ||
      (g_stat ("/proc/self/exe", &running) == 0 &&
       (running.st_dev != installed.st_dev || running.st_ino != installed.st_ino)))
    {
      /* Translators: %s is a file name, e.g. /usr/bin/rapport */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("this copy of Rapport is not installed as %s, so it cannot be started at login"), binary);
      return FALSE;
    }
  return TRUE;
}

/**
 * rapport_autostart_set:
 * @config_dir: the user's configuration folder (g_get_user_config_dir())
 * @binary: the command to run, e.g. "rapport"
 *
 * Writes or removes the autostart entry that starts @binary with
 * --background at login.
 */
gboolean
rapport_autostart_set (const char  *config_dir,
                       const char  *app_id,
                       const char  *binary,
                       gboolean     enabled,
                       GError     **error)
{
  g_autofree char *path = rapport_autostart_path (config_dir, app_id);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int errsv = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove “%s”: %s"), path, g_strerror (errsv));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Rapport");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you of thank-you notes and interviews"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, app_id);
  {
    g_autofree char *quoted = quote_exec_argument (binary);
    g_autofree char *exec = g_strdup_printf ("%s --background", quoted);
    g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  }
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_save_to_file (entry, path, error);
}

gboolean
rapport_running_in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* The Background portal. The reply to RequestBackground only says where
 * the answer will come: a Response signal on a Request object. Its path is
 * known before the call (the portal builds it from our unique name and the
 * handle_token we pass), so the subscription is made first and a quick
 * answer cannot slip past. */

typedef struct
{
  GDBusConnection *bus;
  char            *path;
  guint            subscription;
  gboolean         autostart;
} Request;

/* The subscription holds the task: it ends with an answer, an error or
 * cancellation. */
static void
unsubscribe (Request *request)
{
  if (request->subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
  request->subscription = 0;
}

static void
request_free (Request *request)
{
  g_assert (request->subscription == 0);
  g_clear_object (&request->bus);
  g_free (request->path);
  g_free (request);
}

static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         data)
{
  g_autoptr(GTask) task = g_object_ref (G_TASK (data));
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE, autostart = FALSE;
  guint32 response;

  if (g_task_get_completed (task) || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  unsubscribe (request);

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  g_variant_lookup (results, "autostart", "b", &autostart);

  if (response == 1)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("the request was cancelled"));
  else if (response != 0 || !background || (request->autostart && !autostart))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                             _("the permission was refused"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_request_reply (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  const char *path;

  if (g_task_get_completed (task))
    return;

  if (reply == NULL)
    {
      unsubscribe (request);
      g_dbus_error_strip_remote_error (error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Portals older than the handle_token option answer elsewhere. */
  g_variant_get (reply, "(&o)", &path);
  if (g_strcmp0 (path, request->path) != 0)
    {
      unsubscribe (request);
      g_free (request->path);
      request->path = g_strdup (path);
      request->subscription =
        g_dbus_connection_signal_subscribe (request->bus, "org.freedesktop.portal.Desktop",
                                            "org.freedesktop.portal.Request", "Response", path, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE, on_response,
                                            g_object_ref (task), g_object_unref);
    }
}

static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  Request *request = g_task_get_task_data (task);

  /* The call's reply, cancelled too, returns the error. */
  unsubscribe (request);
}

/**
 * rapport_request_background_async:
 * @bus: the session bus
 * @autostart: whether to start Rapport with --background at login too
 *
 * Inside Flatpak, asks the Background portal to let Rapport run without a
 * window and, with @autostart, to start it at login. Completes when the
 * person (or the portal's stored answer) has decided.
 */
void
rapport_request_background_async (GDBusConnection     *bus,
                                  gboolean             autostart,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  const char *commandline[] = { "rapport", "--background", NULL };
  GVariantBuilder options;
  Request *request;

  g_return_if_fail (G_IS_DBUS_CONNECTION (bus));

  task = g_task_new (bus, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_request_background_async);
  g_task_set_check_cancellable (task, TRUE);

  /* ":1.42" → "1_42", as the portal names its Request objects. */
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (bus) + 1), ".", '_');
  token = g_strdup_printf ("rapport%u", g_random_int ());

  request = g_new0 (Request, 1);
  request->bus = g_object_ref (bus);
  request->autostart = autostart;
  request->path = g_strconcat ("/org/freedesktop/portal/desktop/request/", sender, "/", token, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);

  /* The task outlives the subscription: request_free() ends it. */
  request->subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.portal.Desktop",
                                        "org.freedesktop.portal.Request", "Response", request->path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_response,
                                            g_object_ref (task), g_object_unref);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you of thank-you notes and interviews")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), g_object_ref (task), g_object_unref);

  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable, on_request_reply, g_object_ref (task));
}

/**
 * rapport_request_background_finish:
 *
 * Returns: %TRUE if Rapport may run in the background; %FALSE with @error
 *   (a sentence fragment saying why) if not
 */
gboolean
rapport_request_background_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The preference, applied */

#define REVERTING "rapport-background-reverting"

static void
refuse (GTask  *task,
        GError *reason)
{
  GSettings *settings = g_task_get_source_object (task);

  /* The switch goes back off; the change this makes is not a request. */
  g_object_set_data (G_OBJECT (settings), REVERTING, GINT_TO_POINTER (TRUE));
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_object_set_data (G_OBJECT (settings), REVERTING, NULL);

  /* Translators: %s says why, e.g. "the permission was refused" */
  g_task_return_new_error (task, reason->domain, reason->code, _("Rapport may not run in the background: %s"),
                           reason->message);
}

static void
on_background_answered (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;

  gboolean enabled = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (rapport_request_background_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (!enabled || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    g_task_return_error (task, g_steal_pointer (&error));   /* turning it off, or given up */
  else
    refuse (task, error);
}

/**
 * rapport_background_apply_async:
 * @settings: the app's settings, with "run-in-background"
 * @portal_bus: (nullable): inside Flatpak, the session bus to reach the
 *   Background portal on; %NULL to write the autostart entry instead
 * @config_dir: where the autostart folder is (outside Flatpak)
 * @binary: the installed `rapport` the entry runs (outside Flatpak)
 *
 * Makes the "run-in-background" setting so. When Rapport may not run in
 * the background — refused by the person, no portal, not installed — the
 * setting is turned back off, and the error says why in a sentence for
 * the person ("Rapport may not run in the background: …").
 */
void
rapport_background_apply_async (GSettings           *settings,
                                GDBusConnection     *portal_bus,
                                const char          *config_dir,
                                const char          *app_id,
                                const char          *binary,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled;

  g_return_if_fail (G_IS_SETTINGS (settings));

  task = g_task_new (settings, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_background_apply_async);
  enabled = g_settings_get_boolean (settings, "run-in-background");
  /* What is asked for, for on_background_answered(). */
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);

  if (g_object_get_data (G_OBJECT (settings), REVERTING))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (portal_bus != NULL)
    {
      /* Off: the portal removes the autostart entry it wrote. */
      rapport_request_background_async (portal_bus, enabled, cancellable, on_background_answered,
                                        g_steal_pointer (&task));
      return;
    }

  if (enabled && !rapport_autostart_binary_is_installed (binary, &error))
    refuse (task, error);
  else if (!rapport_autostart_set (config_dir, app_id, binary, enabled, &error))
    {
      if (enabled)
        refuse (task, error);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rapport_background_apply_finish:
 *
 * Returns: %TRUE if the setting is in effect; %FALSE with @error if not
 */
gboolean
rapport_background_apply_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
