/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-store-util.h"

/* Opens a new database in a new temporary folder. */
void
test_store_open (TestStore *ts)
{
  g_autoptr(GError) error = NULL;

  ts->dir = g_dir_make_tmp ("rapport-test-XXXXXX", &error);
  g_assert_no_error (error);
  ts->path = g_build_filename (ts->dir, "rapport.db", NULL);
  ts->store = rapport_store_open (ts->path, &error);
  g_assert_no_error (error);
}

/* Closes the database (if the test has not) and removes its files. */
void
test_store_remove (TestStore *ts)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&ts->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (ts->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (ts->dir);
  g_clear_pointer (&ts->path, g_free);
  g_clear_pointer (&ts->dir, g_free);
}

/* Reads one value straight from the file, through a second connection, as
 * another program (or the next start) would see it: the first column of
 * the first row of @sql, with @id bound to its parameter. */
char *
test_read_back (const char *path,
                const char *sql,
                gint64      id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* An import's worker may still be closing its own connection. */
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}
