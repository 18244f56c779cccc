/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rapport-import.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  GPtrArray    *incoming;
} Fixture;

static RapportContact *
person (const char *name,
        const char *organization,
        const char *email)
{
  RapportContact *c = rapport_contact_new (name);

  rapport_contact_set_organization (c, organization);
  rapport_contact_set_email (c, email);
  rapport_contact_set_source (c, RAPPORT_SOURCE_LINKEDIN);
  return c;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) ada = person ("Ada Lovelace", "Engines", "ada@example.org");
  g_autoptr(RapportContact) grace = person ("Grace Hopper", "Navy", "");

  f->dir = g_dir_make_tmp ("rapport-import-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  rapport_contact_set_job_title (grace, "Admiral");
  g_assert_true (rapport_store_add_contact (f->store, ada, NULL));
  g_assert_true (rapport_store_add_contact (f->store, grace, NULL));

  f->incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->incoming, person ("A. Lovelace", "", "ADA@example.org"));     /* same e-mail */
  g_ptr_array_add (f->incoming, person ("grace hopper", "NAVY", "grace@navy.mil"));  /* same name and org */
  g_ptr_array_add (f->incoming, person ("Katherine Johnson", "NASA", ""));
  g_ptr_array_add (f->incoming, person ("'; DROP TABLE contacts;--", "سارا", ""));
  g_ptr_array_add (f->incoming, person ("   ", "Nameless", ""));                      /* no name */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_pointer (&f->incoming, g_ptr_array_unref);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_preview_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  RapportImportCounts counts;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_import_sync (f->store, f->incoming, RAPPORT_DUPLICATES_SKIP, TRUE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.total, ==, 5);
  g_assert_cmpuint (counts.duplicates, ==, 2);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 2);
}

static void
test_skip_merge_add (Fixture       *f,
                     gconstpointer  data)
{
  RapportImportCounts counts;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) grace = NULL;

  g_assert_true (rapport_store_import_sync (f->store, f->incoming, RAPPORT_DUPLICATES_MERGE, FALSE, &counts, &error));
  g_assert_cmpuint (counts.merged, ==, 2);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.skipped, ==, 1);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 4);

  /* Merging fills gaps and never overwrites. */
  grace = rapport_store_get_contact (f->store, 2);
  g_assert_cmpstr (rapport_contact_get_email (grace), ==, "grace@navy.mil");
  g_assert_cmpstr (rapport_contact_get_job_title (grace), ==, "Admiral");
  g_assert_cmpstr (rapport_contact_get_organization (grace), ==, "Navy");

  /* Importing the same again with "skip" adds nothing new. */
  g_assert_true (rapport_store_import_sync (f->store, f->incoming, RAPPORT_DUPLICATES_SKIP, FALSE, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 4);

  /* "Add anyway" adds duplicates as new people. */
  g_assert_true (rapport_store_import_sync (f->store, f->incoming, RAPPORT_DUPLICATES_ADD, FALSE, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 4);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 8);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  GCancellable *cancellable = data;

  /* Cancel as soon as the import is under way. */
  if (done > 0 && done < total)
    g_cancellable_cancel (cancellable);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GError **error = data;

  rapport_store_import_finish (RAPPORT_STORE (source), result, NULL, error);
}

static void
test_cancel_adds_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_ptr_array_add (many, person (name, "Somewhere", ""));
    }

  rapport_store_import_async (f->store, many, RAPPORT_DUPLICATES_SKIP, FALSE, cancellable,
                              on_progress, cancellable, on_done, &error);
  while (error == NULL && !g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 2);
}

static void
test_async_import (Fixture       *f,
                   gconstpointer  data)
{
  GError *error = NULL;
  gboolean done = FALSE;

  rapport_store_import_async (f->store, f->incoming, RAPPORT_DUPLICATES_SKIP, FALSE, NULL, NULL, NULL,
                              on_done, &error);
  /* on_done leaves error NULL on success: wait on the count instead. */
  for (guint i = 0; i < 2000 && !done; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      done = rapport_store_count_contacts (f->store) == 4;
      g_usleep (1000);
    }
  g_assert_no_error (error);
  g_assert_true (done);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/preview-changes-nothing", test_preview_changes_nothing);
  ADD ("/import/skip-merge-add", test_skip_merge_add);
  ADD ("/import/cancel-adds-nothing", test_cancel_adds_nothing);
  ADD ("/import/async", test_async_import);
#undef ADD

  return g_test_run ();
}
