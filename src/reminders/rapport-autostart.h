/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *rapport_autostart_path  (const char  *config_dir,
                                   const char  *app_id);
gboolean  rapport_autostart_set   (const char  *config_dir,
                                   const char  *app_id,
                                   const char  *binary,
                                   gboolean     enabled,
                                   GError     **error);
gboolean  rapport_running_in_flatpak (void);
gboolean  rapport_autostart_binary_is_installed (const char  *binary,
                                                 GError     **error);

void      rapport_request_background_async  (GDBusConnection      *bus,
                                             gboolean              autostart,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  rapport_request_background_finish (GAsyncResult         *result,
                                             GError              **error);

void      rapport_background_apply_async  (GSettings            *settings,
                                           GDBusConnection      *portal_bus,
                                           const char           *config_dir,
                                           const char           *app_id,
                                           const char           *binary,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  rapport_background_apply_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
