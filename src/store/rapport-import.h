/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* What to do with a contact that looks like one already there (same
 * e-mail, same profile link, or same name and organization). */
typedef enum {
  RAPPORT_DUPLICATES_SKIP,
  RAPPORT_DUPLICATES_MERGE,
  RAPPORT_DUPLICATES_ADD,
} RapportDuplicates;

typedef struct
{
  guint total;
  guint added;
  guint duplicates;
  guint merged;
  guint skipped;
} RapportImportCounts;

typedef void (*RapportImportProgress) (guint    done,
                                       guint    total,
                                       gpointer data);

void     rapport_store_import_async  (RapportStore          *self,
                                      GPtrArray             *contacts,
                                      RapportDuplicates      duplicates,
                                      gboolean               dry_run,
                                      GCancellable          *cancellable,
                                      RapportImportProgress  progress,
                                      gpointer               progress_data,
                                      GAsyncReadyCallback    callback,
                                      gpointer               data);
gboolean rapport_store_import_finish (RapportStore          *self,
                                      GAsyncResult          *result,
                                      RapportImportCounts   *counts,
                                      GError               **error);
gboolean rapport_store_import_sync   (RapportStore          *self,
                                      GPtrArray             *contacts,
                                      RapportDuplicates      duplicates,
                                      gboolean               dry_run,
                                      RapportImportCounts   *counts,
                                      GError               **error);

G_END_DECLS
