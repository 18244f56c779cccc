/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_RECORD (rapport_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (RapportRecord, rapport_record, RAPPORT, RECORD, GObject)

/* A row of the database held as an object: contacts and clippings share the
 * identity and time stamps, so the store can cache and autosave them alike. */
struct _RapportRecordClass
{
  GObjectClass parent_class;
};

gint64 rapport_record_get_id      (RapportRecord *self);
gint64 rapport_record_get_created (RapportRecord *self);
gint64 rapport_record_get_updated (RapportRecord *self);

G_END_DECLS
