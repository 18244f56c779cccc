/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "rapport-import.h"

/* Imports run in a thread with their own connection, as one transaction:
 * a file that fails halfway, or an import that is cancelled, adds
 * nothing. A dry run does the same work and rolls back, for the preview. */

typedef struct
{
  char                  *path;
  GPtrArray             *contacts;   /* the caller's, only read in the thread */
  RapportDuplicates      duplicates;
  gboolean               dry_run;
  RapportImportCounts    counts;
  RapportImportProgress  progress;
  gpointer               progress_data;
  GMainContext          *context;
} Job;

typedef struct
{
  Job   *job;
  guint  done;
} Progress;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->contacts);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
report_progress (gpointer data)
{
  Progress *p = data;

  if (p->job->progress)
    p->job->progress (p->done, p->job->contacts->len, p->job->progress_data);
  return G_SOURCE_REMOVE;
}

static gboolean
fail (sqlite3  *db,
      GError  **error)
{
  g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
               _("The import was not saved: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static void
bind (sqlite3_stmt *stmt,
      int           column,
      const char   *text)
{
  sqlite3_bind_text (stmt, column, text ? text : "", -1, SQLITE_TRANSIENT);
}

static gboolean
run (Job           *job,
     GCancellable  *cancellable,
     GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *find = NULL, *insert = NULL, *merge = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto out;
    }
  sqlite3_busy_timeout (db, 10000);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT id FROM contacts WHERE deleted IS NULL AND ("
                              " (?1 != '' AND email != '' AND lower(email) = lower(?1))"
                              " OR (?2 != '' AND profile_url != '' AND profile_url = ?2)"
                              " OR (lower(name) = lower(?3) AND lower(organization) = lower(?4)))"
                              " LIMIT 1", -1, &find, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO contacts (name, organization, job_title, field, email, phone,"
                              " profile_url, source, source_detail, stage, notes, created, updated)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'to-contact', ?10, ?11, ?11)",
                              -1, &insert, NULL) != SQLITE_OK ||
      /* Merging fills what the existing contact lacks; it never overwrites. */
      sqlite3_prepare_v2 (db, "UPDATE contacts SET"
                              " organization = CASE organization WHEN '' THEN ?2 ELSE organization END,"
                              " job_title = CASE job_title WHEN '' THEN ?3 ELSE job_title END,"
                              " field = CASE field WHEN '' THEN ?4 ELSE field END,"
                              " email = CASE email WHEN '' THEN ?5 ELSE email END,"
                              " phone = CASE phone WHEN '' THEN ?6 ELSE phone END,"
                              " profile_url = CASE profile_url WHEN '' THEN ?7 ELSE profile_url END,"
                              " notes = CASE WHEN ?10 = '' THEN notes WHEN notes = '' THEN ?10"
                              "   ELSE notes || char(10) || ?10 END,"
                              " updated = ?11 WHERE id = ?12", -1, &merge, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto rollback;
    }

  for (guint i = 0; i < job->contacts->len; i++)
    {
      RapportContact *c = g_ptr_array_index (job->contacts, i);
      g_autofree char *name = g_strstrip (g_strdup (rapport_contact_get_name (c)));
      gint64 existing = 0;
      sqlite3_stmt *stmt;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto rollback;

      if (*name == '\0')
        {
          job->counts.skipped++;
          continue;
        }

      sqlite3_reset (find);
      bind (find, 1, rapport_contact_get_email (c));
      bind (find, 2, rapport_contact_get_profile_url (c));
      bind (find, 3, name);
      bind (find, 4, rapport_contact_get_organization (c));
      if (sqlite3_step (find) == SQLITE_ROW)
        existing = sqlite3_column_int64 (find, 0);

      if (existing > 0)
        {
          job->counts.duplicates++;
          if (job->duplicates == RAPPORT_DUPLICATES_SKIP)
            {
              job->counts.skipped++;
              continue;
            }
        }

      stmt = existing > 0 && job->duplicates == RAPPORT_DUPLICATES_MERGE ? merge : insert;
      sqlite3_reset (stmt);
      bind (stmt, 1, name);
      bind (stmt, 2, rapport_contact_get_organization (c));
      bind (stmt, 3, rapport_contact_get_job_title (c));
      bind (stmt, 4, rapport_contact_get_field (c));
      bind (stmt, 5, rapport_contact_get_email (c));
      bind (stmt, 6, rapport_contact_get_phone (c));
      bind (stmt, 7, rapport_contact_get_profile_url (c));
      bind (stmt, 8, rapport_enum_to_key (RAPPORT_TYPE_SOURCE, rapport_contact_get_source (c)));
      bind (stmt, 9, rapport_contact_get_source_detail (c));
      bind (stmt, 10, rapport_contact_get_notes (c));
      sqlite3_bind_int64 (stmt, 11, now);
      if (stmt == merge)
        sqlite3_bind_int64 (stmt, 12, existing);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fail (db, error);
          goto rollback;
        }

      if (stmt == merge)
        job->counts.merged++;
      else
        job->counts.added++;

      if (job->progress && (i % 250 == 0 || i + 1 == job->contacts->len))
        {
          Progress *p = g_new (Progress, 1);
          p->job = job;
          p->done = i + 1;
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, p, g_free);
        }
    }

  if (job->dry_run)
    {
      ok = TRUE;
      goto rollback;
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      fail (db, error);
      goto rollback;
    }

  ok = TRUE;
  goto out;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_finalize (find);
  sqlite3_finalize (insert);
  sqlite3_finalize (merge);
  sqlite3_close (db);
  return ok;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (run (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static Job *
job_new (RapportStore *self,
         GPtrArray    *contacts,
         RapportDuplicates duplicates,
         gboolean      dry_run)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (rapport_store_get_path (self));
  job->contacts = g_ptr_array_ref (contacts);
  job->duplicates = duplicates;
  job->dry_run = dry_run;
  job->counts.total = contacts->len;
  job->context = g_main_context_ref_thread_default ();
  return job;
}

/**
 * rapport_store_import_async:
 * @contacts: (element-type RapportContact): new contacts, not in a store
 * @dry_run: count only, and change nothing (for the preview)
 * @progress: (nullable): called in the caller's thread as rows are done
 *
 * Adds @contacts in one transaction in a worker thread, handling the ones
 * that look like people already there as @duplicates says.
 */
void
rapport_store_import_async (RapportStore          *self,
                            GPtrArray             *contacts,
                            RapportDuplicates      duplicates,
                            gboolean               dry_run,
                            GCancellable          *cancellable,
                            RapportImportProgress  progress,
                            gpointer               progress_data,
                            GAsyncReadyCallback    callback,
                            gpointer               data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (RAPPORT_IS_STORE (self));
  g_return_if_fail (contacts != NULL);

  /* Pending edits first, so the worker sees the same contacts. */
  rapport_store_flush (self, NULL);

  job = job_new (self, contacts, duplicates, dry_run);
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (self, cancellable, callback, data);
  g_task_set_source_tag (task, rapport_store_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rapport_store_import_finish:
 * @counts: (out) (optional): what was added, merged and skipped
 */
gboolean
rapport_store_import_finish (RapportStore         *self,
                             GAsyncResult         *result,
                             RapportImportCounts  *counts,
                             GError              **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (counts != NULL)
    *counts = job->counts;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (!job->dry_run)
    rapport_store_reload_contacts (self);
  return TRUE;
}

/**
 * rapport_store_import_sync:
 *
 * The same as rapport_store_import_async() in the calling thread, for
 * tests and small files.
 */
gboolean
rapport_store_import_sync (RapportStore         *self,
                           GPtrArray            *contacts,
                           RapportDuplicates     duplicates,
                           gboolean              dry_run,
                           RapportImportCounts  *counts,
                           GError              **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  rapport_store_flush (self, NULL);
  job = job_new (self, contacts, duplicates, dry_run);
  ok = run (job, NULL, error);
  if (counts != NULL)
    *counts = job->counts;
  job_free (job);

  if (ok && !dry_run)
    rapport_store_reload_contacts (self);
  return ok;
}
