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
void      rapport_request_background (const char  *app_id,
                                      gboolean     autostart);

G_END_DECLS
