/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void rapport_list_replace_ids (GListModel  *model,
                               GArray     **ids,
                               GArray      *new_ids);

G_END_DECLS
