/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-io-util.h"

/* The bytes of tests/fixtures/@name. */
char *
test_load_fixture (const char *name,
                   gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
collect_files (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, paths);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* Whatever the fuzzers found (tests/fuzz/corpus and crashes, which are not
 * committed and may be missing), and every fixture: the files every reader
 * must answer with a result or an error. */
GPtrArray *
test_corpus_paths (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char * const dirs[][2] = {
    { "fuzz", "corpus" },
    { "fuzz", "crashes" },
    { "fixtures", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, dirs[i][0], dirs[i][1], NULL);

      collect_files (dir, paths);
    }

  /* at least the fixtures */
  g_assert_cmpuint (paths->len, >=, 20);
  g_test_message ("%u files", paths->len);

  return g_steal_pointer (&paths);
}
