/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

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
