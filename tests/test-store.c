/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-contact-list.h"
#include "rapport-clipping-list.h"
#include "rapport-store.h"
#include "test-store-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        g_chmod (child, 0700);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RapportContact *
add (RapportStore *store,
     const char   *name,
     const char   *organization)
{
  g_autoptr(GError) error = NULL;
  RapportContact *contact = rapport_contact_new (name);

  rapport_contact_set_organization (contact, organization);
  g_assert_true (rapport_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static void
test_open_creates_schema (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *version = test_read_back (f->path, "PRAGMA user_version", 0);
  g_autofree char *mode = test_read_back (f->path, "PRAGMA journal_mode", 0);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (version, ==, G_STRINGIFY (RAPPORT_STORE_SCHEMA_VERSION));
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 0);
}

/* How SQLite would run @sql on the file: the plan's lines, one a line. */
static char *
query_plan (const char *path,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

/* What startup asks of a large database is answered from indexes. */
static void
test_startup_uses_indexes (Fixture       *f,
                           gconstpointer  data)
{
  /* The contact list by name, as contact_order_by() orders it: read in
   * index order, not sorted afterwards. */
  g_autofree char *by_name = query_plan (f->path, "SELECT id FROM contacts WHERE deleted IS NULL"
                                                  " ORDER BY name COLLATE NOCASE, id");
  g_autofree char *name_index = test_read_back (f->path, "SELECT sql FROM sqlite_schema WHERE name = 'contacts_name'", 0);
  /* The purge of deletions that were never undone. */
  const char *purges[] = {
    "DELETE FROM contacts WHERE deleted IS NOT NULL",
    "DELETE FROM appointments WHERE deleted IS NOT NULL",
    "DELETE FROM clippings WHERE deleted IS NOT NULL",
  };

  g_assert_nonnull (strstr (by_name, "INDEX contacts_name"));
  g_assert_null (strstr (by_name, "TEMP B-TREE"));
  /* Holding only the rows the list shows, the index answers alone: no
   * visit to each row to see whether it was deleted. */
  g_assert_nonnull (strstr (name_index, "WHERE deleted IS NULL"));

  for (guint i = 0; i < G_N_ELEMENTS (purges); i++)
    {
      g_autofree char *plan = query_plan (f->path, purges[i]);

      g_assert_nonnull (strstr (plan, "SEARCH"));
      g_assert_nonnull (strstr (plan, "_deleted"));
    }
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportContact) ada = add (f->store, "Ada Lovelace", "Analytical Engines");
  g_autoptr(RapportContact) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = id_of (ada);

  g_clear_object (&ada);
  g_clear_object (&f->store);

  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  again = rapport_store_get_contact (f->store, id);
  g_assert_nonnull (again);
  g_assert_cmpstr (rapport_contact_get_name (again), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_organization (again), ==, "Analytical Engines");
}

static void
test_contact_crud (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportContact) c = rapport_contact_new ("  Grace Hopper  ");
  g_autoptr(RapportContact) same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *source = NULL;

  rapport_contact_set_job_title (c, "Rear Admiral");
  rapport_contact_set_field (c, "Computing");
  rapport_contact_set_email (c, "grace@example.org");
  rapport_contact_set_phone (c, "+1 555 0100");
  rapport_contact_set_profile_url (c, "https://example.org/grace");
  rapport_contact_set_source (c, RAPPORT_SOURCE_TEACHER);
  rapport_contact_set_source_detail (c, "Prof. Smith");
  rapport_contact_set_stage (c, RAPPORT_STAGE_REQUESTED);
  rapport_contact_set_notes (c, "Invented the compiler");

  g_assert_true (rapport_store_add_contact (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id_of (c), >, 0);
  g_assert_cmpint (rapport_record_get_created (RAPPORT_RECORD (c)), >, 0);

  /* One object per row: every view sees the same edits. */
  same = rapport_store_get_contact (f->store, id_of (c));
  g_assert_true (same == c);

  stored_name = test_read_back (f->path, "SELECT name FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (stored_name, ==, "Grace Hopper");
  stage = test_read_back (f->path, "SELECT stage FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (stage, ==, "requested");
  source = test_read_back (f->path, "SELECT source FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (source, ==, "teacher");

  rapport_contact_set_stage (c, RAPPORT_STAGE_MET);
  g_assert_true (rapport_store_save_contact (f->store, c, &error));
  g_clear_pointer (&stage, g_free);
  stage = test_read_back (f->path, "SELECT stage FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (stage, ==, "met");

  g_assert_true (rapport_store_delete_contact (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 0);
  g_assert_null (rapport_store_get_contact (f->store, id_of (c)));
}

static void
test_autosave_and_flush (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) c = add (f->store, "Katherine Johnson", "NASA");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  rapport_store_set_save_delay (f->store, 50);

  rapport_contact_set_notes (c, "Orbital mechanics");
  g_assert_true (rapport_store_has_pending (f->store));
  before = test_read_back (f->path, "SELECT notes FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (before, ==, "");

  /* The debounced write lands by itself… */
  while (rapport_store_has_pending (f->store))
    g_main_context_iteration (NULL, TRUE);
  after = test_read_back (f->path, "SELECT notes FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (after, ==, "Orbital mechanics");

  /* …and flush writes at once, as quitting does. */
  rapport_contact_set_field (c, "Aerospace");
  g_assert_true (rapport_store_flush (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (rapport_store_has_pending (f->store));
  later = test_read_back (f->path, "SELECT field FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (later, ==, "Aerospace");
}

static void
test_empty_name_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) blank = rapport_contact_new ("   ");
  g_autoptr(RapportContact) c = add (f->store, "Mary Jackson", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_false (rapport_store_add_contact (f->store, blank, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A contact needs a name.");
  g_assert_cmpint (id_of (blank), ==, 0);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 1);
  g_clear_error (&error);

  rapport_contact_set_name (c, "");
  g_assert_false (rapport_store_save_contact (f->store, c, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  name = test_read_back (f->path, "SELECT name FROM contacts WHERE id = ?", id_of (c));
  g_assert_cmpstr (name, ==, "Mary Jackson");
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = {
    "'; DROP TABLE contacts;--",
    "O'Brien \"the\" `quoted`",
    "Ada 👩‍💻 Lovelace 🎉",
    "سارا أحمد",
    "שרה לוי",
    "李小龍",
    "Robert'); DELETE FROM clippings; --",
  };
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(RapportContact) notes_holder = NULL;
  g_autofree char *stored_notes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RapportContact) c = add (f->store, names[i], names[i]);
      g_autofree char *stored = test_read_back (f->path, "SELECT name FROM contacts WHERE id = ?", id_of (c));
      g_autofree char *org = test_read_back (f->path, "SELECT organization FROM contacts WHERE id = ?", id_of (c));

      g_assert_cmpstr (stored, ==, names[i]);
      g_assert_cmpstr (org, ==, names[i]);
    }

  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, G_N_ELEMENTS (names));

  while (big->len < 100 * 1024)
    g_string_append (big, "A note that goes on and on, ünïcödé and all. ");

  notes_holder = add (f->store, "Long Notes", "");
  rapport_contact_set_notes (notes_holder, big->str);
  g_assert_true (rapport_store_flush (f->store, NULL));
  stored_notes = test_read_back (f->path, "SELECT notes FROM contacts WHERE id = ?", id_of (notes_holder));
  g_assert_cmpstr (stored_notes, ==, big->str);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f->store, "José Álvarez", "Hospital General");
  g_autoptr(RapportContact) b = add (f->store, "Ann Lee", "Acme");
  g_autoptr(RapportContact) c = add (f->store, "Zoë Smith", "Bakery");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->store);
  g_autoptr(RapportContact) first = NULL;

  rapport_contact_set_field (b, "Nursing");
  rapport_contact_set_notes (c, "met at the careers fair");
  g_assert_true (rapport_store_flush (f->store, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* accents and case do not matter */
  rapport_contact_list_set_search (list, "jose");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == a);

  rapport_contact_list_set_search (list, "NURS");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  rapport_contact_list_set_search (list, "careers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  rapport_contact_list_set_search (list, "hospital");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  rapport_contact_list_set_search (list, "zoe");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* LIKE wildcards and quotes are text, not syntax */
  rapport_contact_list_set_search (list, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  rapport_contact_list_set_search (list, "' OR 1=1 --");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  rapport_contact_list_set_search (list, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_filters_and_sort (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f->store, "Charlie", "Zeta Corp");
  g_autoptr(RapportContact) b = add (f->store, "alice", "");
  g_autoptr(RapportContact) c = add (f->store, "Bob", "Acme");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(RapportContact) item = NULL;

  rapport_contact_set_stage (a, RAPPORT_STAGE_MET);
  rapport_contact_set_source (a, RAPPORT_SOURCE_LINKEDIN);
  rapport_contact_set_stage (c, RAPPORT_STAGE_REQUESTED);
  g_assert_true (rapport_store_flush (f->store, NULL));

  /* by name, case-insensitively */
  item = g_list_model_get_item (model, 0);
  g_assert_true (item == b);
  g_clear_object (&item);

  rapport_contact_list_set_sort (list, RAPPORT_CONTACT_SORT_ORGANIZATION);
  item = g_list_model_get_item (model, 0);
  g_assert_true (item == c);  /* Acme first, no organization last */
  g_clear_object (&item);
  item = g_list_model_get_item (model, 2);
  g_assert_true (item == b);
  g_clear_object (&item);

  rapport_contact_list_set_sort (list, RAPPORT_CONTACT_SORT_STAGE);
  item = g_list_model_get_item (model, 0);
  g_assert_true (item == b);  /* to contact, requested, met */
  g_clear_object (&item);
  item = g_list_model_get_item (model, 2);
  g_assert_true (item == a);
  g_clear_object (&item);

  rapport_contact_list_set_stage (list, RAPPORT_STAGE_REQUESTED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  rapport_contact_list_set_stage (list, -1);
  rapport_contact_list_set_source (list, RAPPORT_SOURCE_LINKEDIN);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_true (item == a);
}

typedef struct
{
  guint position, removed, added, count;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
test_list_exact_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f->store, "A", "");
  g_autoptr(RapportContact) c = add (f->store, "C", "");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->store);
  g_autoptr(RapportContact) b = NULL;
  Change change = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* A list asks the store only once it is read, so it says nothing before. */
  rapport_contact_list_set_stage (list, RAPPORT_STAGE_MET);
  rapport_contact_list_set_stage (list, -1);
  g_assert_cmpuint (change.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  b = add (f->store, "B", "");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);

  /* an edit that does not move the row changes nothing in the list */
  rapport_contact_set_notes (b, "hello");
  g_assert_true (rapport_store_flush (f->store, NULL));
  g_assert_cmpuint (change.count, ==, 1);

  g_assert_true (rapport_store_delete_contact (f->store, a, NULL));
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);

  g_assert_true (rapport_store_undelete_contact (f->store, id_of (a), NULL));
  g_assert_cmpuint (change.count, ==, 3);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_referrals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportContact) mentor = add (f->store, "Mentor", "");
  g_autoptr(RapportContact) referred = add (f->store, "Referred", "");
  g_autoptr(RapportContactList) referrals = rapport_contact_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  gint64 referred_id = id_of (referred);
  gint64 mentor_id = id_of (mentor);

  rapport_contact_set_referred_by (referred, mentor_id);
  rapport_contact_set_source (referred, RAPPORT_SOURCE_REFERRAL);
  g_assert_true (rapport_store_flush (f->store, &error));
  g_assert_no_error (error);

  rapport_contact_list_set_referred_by (referrals, mentor_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (referrals)), ==, 1);

  /* Nobody refers themselves. */
  rapport_contact_set_referred_by (mentor, mentor_id);
  g_assert_false (rapport_store_save_contact (f->store, mentor, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rapport_contact_set_referred_by (mentor, 0);
  g_assert_true (rapport_store_flush (f->store, NULL));

  /* Deleting the referrer keeps the referred contact, without a dangling link. */
  g_assert_true (rapport_store_delete_contact (f->store, mentor, &error));
  g_assert_true (rapport_store_purge_contact (f->store, mentor_id, &error));
  g_assert_no_error (error);
  g_clear_object (&mentor);
  g_clear_object (&referred);

  referred = rapport_store_get_contact (f->store, referred_id);
  g_assert_nonnull (referred);
  g_assert_cmpint (rapport_contact_get_referred_by (referred), ==, 0);
  link = test_read_back (f->path, "SELECT ifnull(referred_by, 'none') FROM contacts WHERE id = ?", referred_id);
  g_assert_cmpstr (link, ==, "none");
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 1);
}

static void
test_undo_delete_keeps_links (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportContact) mentor = add (f->store, "Mentor", "");
  g_autoptr(RapportContact) referred = add (f->store, "Referred", "");
  g_autoptr(RapportClipping) clip = rapport_clipping_new ("Profile in the Gazette");
  g_autoptr(RapportContactList) named = rapport_contact_list_new (f->store);
  g_autoptr(RapportContact) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_add_clipping (f->store, clip, &error));
  g_assert_true (rapport_store_link_clipping (f->store, clip, mentor, &error));
  rapport_contact_set_referred_by (referred, id_of (mentor));
  g_assert_true (rapport_store_flush (f->store, &error));

  rapport_contact_list_set_clipping (named, id_of (clip));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (named)), ==, 1);

  g_assert_true (rapport_store_delete_contact (f->store, mentor, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (named)), ==, 0);
  g_assert_true (rapport_store_undelete_contact (f->store, id_of (mentor), &error));
  g_assert_no_error (error);

  back = rapport_store_get_contact (f->store, id_of (mentor));
  g_assert_nonnull (back);
  g_assert_cmpint (rapport_contact_get_referred_by (referred), ==, id_of (mentor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (named)), ==, 1);

  /* Undoing twice is an error, not a crash. */
  g_assert_false (rapport_store_undelete_contact (f->store, id_of (mentor), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_pending_delete_is_final_after_restart (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(RapportContact) c = add (f->store, "Gone", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 id = id_of (c);

  g_assert_true (rapport_store_delete_contact (f->store, c, &error));
  g_clear_object (&c);
  g_clear_object (&f->store);

  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  count = test_read_back (f->path, "SELECT count(*) FROM contacts WHERE id = ?", id);
  g_assert_cmpstr (count, ==, "0");
}

static void
test_clippings (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportClipping) older = rapport_clipping_new ("Nurses of the year");
  g_autoptr(RapportClipping) newer = rapport_clipping_new ("Radio: a day at the port");
  g_autoptr(RapportClippingList) list = rapport_clipping_list_new (f->store);
  g_autoptr(RapportContact) person = NULL;
  g_autoptr(RapportClipping) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *detail = NULL;

  rapport_clipping_set_kind (older, RAPPORT_CLIPPING_NEWSPAPER);
  rapport_clipping_set_date (older, "2026-03-01");
  rapport_clipping_set_kind (newer, RAPPORT_CLIPPING_RADIO);
  rapport_clipping_set_date (newer, "2026-10-15");
  rapport_clipping_set_url (newer, "https://radio.example/port");
  g_assert_true (rapport_store_add_clipping (f->store, older, &error));
  g_assert_true (rapport_store_add_clipping (f->store, newer, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == newer);

  /* A person named in a clipping becomes a contact in one step. */
  person = rapport_store_add_contact_from_clipping (f->store, older, "Florence Nightingale", &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  g_assert_cmpint (rapport_contact_get_source (person), ==, RAPPORT_SOURCE_ARTICLE);
  source = test_read_back (f->path, "SELECT source FROM contacts WHERE id = ?", id_of (person));
  g_assert_cmpstr (source, ==, "article");
  detail = test_read_back (f->path, "SELECT source_detail FROM contacts WHERE id = ?", id_of (person));
  g_assert_cmpstr (detail, ==, "Nurses of the year");

  rapport_clipping_list_set_contact (list, id_of (person));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* searching clippings also finds the people they name */
  rapport_clipping_list_set_contact (list, 0);
  rapport_clipping_list_set_search (list, "nightingale");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_assert_true (rapport_store_unlink_clipping (f->store, older, person, &error));
  rapport_clipping_list_set_search (list, NULL);
  rapport_clipping_list_set_contact (list, id_of (person));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* An empty name adds nothing and links nothing. */
  g_assert_null (rapport_store_add_contact_from_clipping (f->store, older, " ", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 1);
}

static void
test_clipping_bad_input (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportClipping) untitled = rapport_clipping_new ("");
  g_autoptr(RapportClipping) clip = rapport_clipping_new ("'; DROP TABLE clippings;--");
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_store_add_clipping (f->store, untitled, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rapport_store_add_clipping (f->store, clip, &error));
  g_assert_cmpstr (rapport_clipping_get_title (clip), ==, "'; DROP TABLE clippings;--");

  g_assert_false (rapport_iso_date_is_valid ("2026-02-30"));
  g_assert_false (rapport_iso_date_is_valid ("yesterday"));
  g_assert_true (rapport_iso_date_is_valid ("2024-02-29"));
}

/* Bad files */

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

static void
test_corrupt_file_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 7 + 3);
  write_file (path, garbage, sizeof garbage);
  before = file_digest (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* Opening as an ordinary user, since root may write to anything: the check
 * runs in a child that drops to "nobody", and reports by its exit status. */
static void
open_as_nobody (const char        *path,
                RapportStoreError  expected)
{
  pid_t pid;
  int status = 0;

  if (getuid () != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportStore) store = rapport_store_open (path, &error);

      g_assert_null (store);
      g_assert_error (error, RAPPORT_STORE_ERROR, expected);
      return;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      RapportStore *store;

      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (3);
      store = rapport_store_open (path, &error);
      if (store != NULL)
        _exit (1);
      _exit (g_error_matches (error, RAPPORT_STORE_ERROR, expected) ? 0 : 2);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_read_only_file_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_chmod (dir, 0777);
  g_chmod (path, 0444);
  before = file_digest (path);

  open_as_nobody (path, RAPPORT_STORE_ERROR_READ_ONLY);

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  remove_tree (dir);
}

static void
test_newer_schema_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_digest (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  remove_tree (dir);
}

static void
test_foreign_database_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name); INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_digest (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_RAPPORT);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "rapport.db", NULL);

  g_chmod (dir, 0755);
  g_mkdir (locked, 0555);

  open_as_nobody (path, RAPPORT_STORE_ERROR_READ_ONLY);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) a = add (f->store, "Before Backup", "");
  g_autoptr(RapportContact) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *check = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) rolling = NULL;

  /* A pending edit is part of the copy. */
  rapport_contact_set_notes (a, "typed just now");
  g_assert_true (rapport_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  check = test_read_back (backup, "PRAGMA integrity_check", 0);
  g_assert_cmpstr (check, ==, "ok");
  names = test_read_back (backup, "SELECT group_concat(name || ':' || notes) FROM contacts WHERE ? = 0", 0);
  g_assert_cmpstr (names, ==, "Before Backup:typed just now");

  /* Rolling backups keep the last few days. */
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-11-%02u", day);
      g_assert_true (rapport_store_rolling_backup (f->store, today, 7, &error));
    }
  rolling = rapport_store_list_backups (f->path);
  g_assert_cmpuint (rolling->len, ==, 7);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (rolling, 0), "rapport-2026-11-09.db"));

  /* Changes after the backup… */
  b = add (f->store, "After Backup", "");
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&f->store);

  /* …are gone after restoring it, but the replaced file is kept aside. */
  g_assert_true (rapport_store_restore_backup (f->path, backup, &error));
  g_assert_no_error (error);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 1);
  {
    g_autofree char *dir = g_path_get_dirname (f->path);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (d)))
      kept |= g_str_has_prefix (name, "rapport.db.before-restore-") && !g_str_has_suffix (name, "-wal")
              && !g_str_has_suffix (name, "-shm");
    g_assert_true (kept);
  }

  /* Something that is not a backup is refused, and nothing moves. */
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
    g_assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
    g_clear_object (&f->store);
    g_assert_false (rapport_store_restore_backup (f->path, junk, &error));
    g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT);
    f->store = rapport_store_open (f->path, NULL);
    g_assert_cmpuint (rapport_store_count_contacts (f->store), ==, 1);
  }
}

/* Another program holds the write lock: the change is refused with a clear
 * message, nothing is written, and it works once the lock is gone. */
static void
test_locked_by_another_program (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RapportContact) before = add (f->store, "Before Lock", "");
  g_autoptr(RapportContact) blocked = rapport_contact_new ("While Locked");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO reminders (key, delivered) VALUES ('x', 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (rapport_store_add_contact (f->store, blocked, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (blocked)), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (rapport_store_add_contact (f->store, blocked, &error));
  g_assert_no_error (error);
  count = test_read_back (f->path, "SELECT count(*) FROM contacts WHERE ? = 0", 0);
  g_assert_cmpstr (count, ==, "2");
}

/* The disk fills up (a file size limit stands in for it): the write fails
 * with a message, what was there stays whole, and writing works again once
 * there is room. Runs in a subprocess because of the limit. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *check = NULL;
  g_autofree char *names = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(RapportContact) kept = NULL;
      g_autoptr(RapportContact) big = rapport_contact_new ("Too Big");
      g_autoptr(GString) notes = g_string_new (NULL);
      struct rlimit limit;
      const char *target = g_getenv ("RAPPORT_TEST_DB");

      store = rapport_store_open (target, &error);
      g_assert_no_error (error);
      kept = add (store, "Kept", "");

      while (notes->len < 2 * 1024 * 1024)
        g_string_append (notes, "A long note that will not fit on this disk. ");
      rapport_contact_set_notes (big, notes->str);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &limit));
      limit.rlim_cur = 256 * 1024;
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));

      g_assert_false (rapport_store_add_contact (store, big, &error));
      g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL);
      g_assert_nonnull (strstr (error->message, "disk"));
      g_clear_error (&error);

      /* Room again: the same store carries on. */
      limit.rlim_cur = limit.rlim_max;
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      g_clear_object (&big);
      g_clear_object (&kept);
      kept = add (store, "After", "");
      return;
    }

  dir = g_dir_make_tmp ("rapport-test-XXXXXX", NULL);
  path = g_build_filename (dir, "rapport.db", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportStore) store = rapport_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_setenv ("RAPPORT_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  check = test_read_back (path, "PRAGMA integrity_check", 0);
  g_assert_cmpstr (check, ==, "ok");
  names = test_read_back (path, "SELECT group_concat(name, ',') FROM (SELECT name FROM contacts WHERE ? = 0 ORDER BY id)", 0);
  g_assert_cmpstr (names, ==, "Kept,After");
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/open/creates-schema", test_open_creates_schema);
  ADD ("/store/open/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/store/open/startup-uses-indexes", test_startup_uses_indexes);
  ADD ("/store/contact/crud", test_contact_crud);
  ADD ("/store/contact/autosave-and-flush", test_autosave_and_flush);
  ADD ("/store/contact/empty-name-refused", test_empty_name_refused);
  ADD ("/store/contact/hostile-text", test_hostile_text);
  ADD ("/store/contact/search", test_search);
  ADD ("/store/contact/filters-and-sort", test_filters_and_sort);
  ADD ("/store/contact/list-exact-changes", test_list_exact_changes);
  ADD ("/store/contact/referrals", test_referrals);
  ADD ("/store/contact/undo-delete-keeps-links", test_undo_delete_keeps_links);
  ADD ("/store/contact/pending-delete-final-after-restart", test_pending_delete_is_final_after_restart);
  ADD ("/store/clipping/link-and-add-person", test_clippings);
  ADD ("/store/clipping/bad-input", test_clipping_bad_input);
  ADD ("/store/backup-and-restore", test_backup_and_restore);
  ADD ("/store/fault/locked-by-another-program", test_locked_by_another_program);
#undef ADD
  g_test_add_func ("/store/open/corrupt-file-untouched", test_corrupt_file_untouched);
  g_test_add_func ("/store/open/read-only-file-untouched", test_read_only_file_untouched);
  g_test_add_func ("/store/open/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/open/newer-schema-untouched", test_newer_schema_untouched);
  g_test_add_func ("/store/open/foreign-database-untouched", test_foreign_database_untouched);
  g_test_add_func ("/store/fault/disk-full", test_disk_full);

  return g_test_run ();
}
