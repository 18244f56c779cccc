/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-record.h"

G_BEGIN_DECLS

/* Only the store assigns identity and time stamps. */
void rapport_record_set_id      (RapportRecord *self, gint64 id);
void rapport_record_set_created (RapportRecord *self, gint64 created);
void rapport_record_set_updated (RapportRecord *self, gint64 updated);

G_END_DECLS
