/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rapport-store.h"
#include "test-store-util.h"

/* Merging two contacts by hand, and its Undo. */

typedef struct
{
  TestStore     ts;

  RapportContact     *ada;      /* the contact that stays */
  RapportContact     *grace;    /* merged into ada */
  RapportContact     *charles;  /* referred by grace */
  RapportContact     *mary;     /* grace's referrer */
  RapportAppointment *meeting;  /* grace's, with an interview */
  RapportClipping    *article;  /* names grace */
  RapportClipping    *both;     /* names ada and grace */
  RapportActionItem  *item;     /* grace's */
} Fixture;

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static RapportContact *
add (RapportStore *store,
     const char   *name)
{
  g_autoptr(GError) error = NULL;
  RapportContact *contact = rapport_contact_new (name);

  g_assert_true (rapport_store_add_contact (store, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportInterview) interview = NULL;

  test_store_open (&f->ts);

  f->ada = add (f->ts.store, "Ada Lovelace");
  rapport_contact_set_organization (f->ada, "Analytical Engines");
  rapport_contact_set_email (f->ada, "ada@example.org");
  rapport_contact_set_notes (f->ada, "Met at the alumni evening.");

  f->mary = add (f->ts.store, "Mary Somerville");
  f->grace = add (f->ts.store, "Grace Hopper");
  rapport_contact_set_organization (f->grace, "US Navy");
  rapport_contact_set_job_title (f->grace, "Rear Admiral");
  rapport_contact_set_phone (f->grace, "+1 555 0100");
  rapport_contact_set_source (f->grace, RAPPORT_SOURCE_LINKEDIN);
  rapport_contact_set_stage (f->grace, RAPPORT_STAGE_SCHEDULED);
  rapport_contact_set_referred_by (f->grace, id_of (f->mary));
  rapport_contact_set_notes (f->grace, "Ask about compilers.");

  f->charles = add (f->ts.store, "Charles Babbage");
  rapport_contact_set_referred_by (f->charles, id_of (f->grace));
  g_assert_true (rapport_store_flush (f->ts.store, &error));

  f->meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->grace));
  g_assert_true (rapport_store_add_appointment (f->ts.store, f->meeting, &error));
  interview = rapport_store_get_interview (f->ts.store, id_of (f->meeting), &error);
  g_assert_no_error (error);

  f->item = g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                          "interview-id", id_of (interview),
                          "contact-id", id_of (f->grace),
                          "text", "Send my résumé",
                          NULL);
  g_assert_true (rapport_store_add_action_item (f->ts.store, f->item, &error));

  f->article = rapport_clipping_new ("Compilers for everyone");
  f->both = rapport_clipping_new ("Pioneers of computing");
  g_assert_true (rapport_store_add_clipping (f->ts.store, f->article, &error));
  g_assert_true (rapport_store_add_clipping (f->ts.store, f->both, &error));
  g_assert_true (rapport_store_link_clipping (f->ts.store, f->article, f->grace, &error));
  g_assert_true (rapport_store_link_clipping (f->ts.store, f->both, f->grace, &error));
  g_assert_true (rapport_store_link_clipping (f->ts.store, f->both, f->ada, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->item);
  g_clear_object (&f->both);
  g_clear_object (&f->article);
  g_clear_object (&f->meeting);
  g_clear_object (&f->mary);
  g_clear_object (&f->charles);
  g_clear_object (&f->grace);
  g_clear_object (&f->ada);
  test_store_remove (&f->ts);
}

/* Every row of the tables a merge touches, as text, through a connection
 * of its own: what is on disk, not what the store's objects say. */
static char *
dump (const char *path)
{
  static const char *queries[] = {
    "SELECT * FROM contacts ORDER BY id",
    "SELECT * FROM appointments ORDER BY id",
    "SELECT * FROM interviews ORDER BY id",
    "SELECT * FROM action_items ORDER BY id",
    "SELECT * FROM clipping_contacts ORDER BY clipping_id, contact_id",
  };
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "%s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *)sqlite3_column_text (stmt, c);
              g_string_append_printf (text, "%s|", value ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
test_links_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) clippings = NULL;
  RapportClippingQuery query = RAPPORT_CLIPPING_QUERY_INIT;
  g_autofree char *links = NULL;

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_no_error (error);

  /* The live objects follow the rows. */
  g_assert_cmpint (rapport_appointment_get_contact_id (f->meeting), ==, id_of (f->ada));
  g_assert_cmpint (rapport_action_item_get_contact_id (f->item), ==, id_of (f->ada));
  g_assert_cmpint (rapport_contact_get_referred_by (f->charles), ==, id_of (f->ada));
  g_assert_cmpint (rapport_contact_get_referred_by (f->ada), ==, id_of (f->mary));

  query.contact_id = id_of (f->ada);
  clippings = rapport_store_query_clippings (f->ts.store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clippings->len, ==, 2);

  g_assert_null (rapport_store_get_contact (f->ts.store, id_of (f->grace)));
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 3);

  /* On disk too, without a duplicate link for the clipping naming both. */
  links = test_read_back (f->ts.path, "SELECT count(*) FROM clipping_contacts WHERE contact_id = ?", id_of (f->ada));
  g_assert_cmpstr (links, ==, "2");
  {
    g_autofree char *owner = test_read_back (f->ts.path, "SELECT contact_id FROM appointments WHERE id = ?", id_of (f->meeting));
    g_autofree char *referrer = test_read_back (f->ts.path, "SELECT referred_by FROM contacts WHERE id = ?", id_of (f->charles));
    g_autofree char *item_owner = test_read_back (f->ts.path, "SELECT contact_id FROM action_items WHERE id = ?", id_of (f->item));
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (f->ada));

    g_assert_cmpstr (owner, ==, expected);
    g_assert_cmpstr (referrer, ==, expected);
    g_assert_cmpstr (item_owner, ==, expected);
  }
}

static void
test_fields_fill (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) fresh = NULL;
  gint64 ada_created = rapport_record_get_created (RAPPORT_RECORD (f->ada));

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_no_error (error);

  /* What Ada had stays; what she lacked comes from Grace. */
  g_assert_cmpstr (rapport_contact_get_name (f->ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_organization (f->ada), ==, "Analytical Engines");
  g_assert_cmpstr (rapport_contact_get_email (f->ada), ==, "ada@example.org");
  g_assert_cmpstr (rapport_contact_get_job_title (f->ada), ==, "Rear Admiral");
  g_assert_cmpstr (rapport_contact_get_phone (f->ada), ==, "+1 555 0100");
  g_assert_cmpint (rapport_contact_get_source (f->ada), ==, RAPPORT_SOURCE_LINKEDIN);
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_cmpstr (rapport_contact_get_notes (f->ada), ==, "Met at the alumni evening.\n\nAsk about compilers.");
  g_assert_cmpint (rapport_record_get_created (RAPPORT_RECORD (f->ada)), <=, ada_created);

  /* The row says the same after a restart. */
  g_clear_object (&f->ts.store);
  f->ts.store = rapport_store_open (f->ts.path, &error);
  g_assert_no_error (error);
  fresh = rapport_store_get_contact (f->ts.store, id_of (f->ada));
  g_assert_cmpstr (rapport_contact_get_job_title (fresh), ==, "Rear Admiral");
  g_assert_cmpstr (rapport_contact_get_organization (fresh), ==, "Analytical Engines");
  g_assert_cmpstr (rapport_contact_get_notes (fresh), ==, "Met at the alumni evening.\n\nAsk about compilers.");
}

static void
test_student_picks (Fixture       *f,
                    gconstpointer  data)
{
  static const char *take[] = { "organization", "name", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, take, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_contact_get_name (f->ada), ==, "Grace Hopper");
  g_assert_cmpstr (rapport_contact_get_organization (f->ada), ==, "US Navy");
  g_assert_cmpstr (rapport_contact_get_email (f->ada), ==, "ada@example.org");
}

static void
test_undo_restores_every_row (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rapport_store_flush (f->ts.store, &error));
  before = dump (f->ts.path);

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_no_error (error);
  merged = dump (f->ts.path);
  g_assert_cmpstr (merged, !=, before);

  g_assert_true (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_no_error (error);
  after = dump (f->ts.path);
  g_assert_cmpstr (after, ==, before);

  /* And the live objects are as they were. */
  g_assert_cmpint (rapport_appointment_get_contact_id (f->meeting), ==, id_of (f->grace));
  g_assert_cmpint (rapport_action_item_get_contact_id (f->item), ==, id_of (f->grace));
  g_assert_cmpint (rapport_contact_get_referred_by (f->charles), ==, id_of (f->grace));
  g_assert_cmpint (rapport_contact_get_referred_by (f->ada), ==, 0);
  g_assert_cmpstr (rapport_contact_get_job_title (f->ada), ==, "");
  g_assert_cmpstr (rapport_contact_get_notes (f->ada), ==, "Met at the alumni evening.");
  back = rapport_store_get_contact (f->ts.store, id_of (f->grace));
  g_assert_true (back == f->grace);
  g_assert_cmpuint (rapport_store_count_contacts (f->ts.store), ==, 4);

  /* Only once. */
  g_assert_false (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_keeps_later_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  rapport_contact_set_phone (f->ada, "+44 20 7946 0000");
  g_assert_true (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_no_error (error);

  /* The phone was typed after the merge: Undo does not take it away. */
  g_assert_cmpstr (rapport_contact_get_phone (f->ada), ==, "+44 20 7946 0000");
  g_assert_cmpstr (rapport_contact_get_job_title (f->ada), ==, "");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rapport_store_flush (f->ts.store, &error));
  before = dump (f->ts.path);

  g_assert_false (rapport_store_merge_contacts (f->ts.store, f->ada, f->ada, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);

  g_assert_true (rapport_store_delete_contact (f->ts.store, f->mary, &error));
  g_assert_false (rapport_store_merge_contacts (f->ts.store, f->ada, f->mary, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_store_merge_contacts (f->ts.store, f->mary, f->ada, NULL, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rapport_store_undelete_contact (f->ts.store, id_of (f->mary), &error));

  after = dump (f->ts.path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_later_merge_first (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->charles, f->ada, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (rapport_store_undo_merge (f->ts.store, id_of (f->ada), &error));
  g_assert_true (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_appointment_get_contact_id (f->meeting), ==, id_of (f->grace));
}

static void
test_final_after_restart (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) clippings = NULL;
  g_autoptr(RapportAppointment) meeting = NULL;
  RapportClippingQuery query = RAPPORT_CLIPPING_QUERY_INIT;
  g_autofree char *gone = NULL;
  gint64 grace = id_of (f->grace);

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->ts.store);

  f->ts.store = rapport_store_open (f->ts.path, &error);
  g_assert_no_error (error);

  /* Grace's row is gone for good, and nothing of hers went with it. */
  gone = test_read_back (f->ts.path, "SELECT count(*) FROM contacts WHERE id = ?", grace);
  g_assert_cmpstr (gone, ==, "0");
  meeting = rapport_store_get_appointment (f->ts.store, id_of (f->meeting));
  g_assert_nonnull (meeting);
  g_assert_cmpint (rapport_appointment_get_contact_id (meeting), ==, id_of (f->ada));
  query.contact_id = id_of (f->ada);
  clippings = rapport_store_query_clippings (f->ts.store, &query, &error);
  g_assert_cmpuint (clippings->len, ==, 2);
  g_assert_false (rapport_store_undo_merge (f->ts.store, grace, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);
}

static void
test_purge_makes_final (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  g_assert_true (rapport_store_merge_contacts (f->ts.store, f->ada, f->grace, NULL, &error));
  g_assert_true (rapport_store_purge_contact (f->ts.store, id_of (f->grace), &error));
  g_assert_no_error (error);
  g_assert_false (rapport_store_undo_merge (f->ts.store, id_of (f->grace), &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND);

  owner = test_read_back (f->ts.path, "SELECT contact_id FROM appointments WHERE id = ?", id_of (f->meeting));
  g_assert_nonnull (owner);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/merge/links-move", test_links_move);
  ADD ("/merge/fields-fill", test_fields_fill);
  ADD ("/merge/student-picks", test_student_picks);
  ADD ("/merge/undo-restores-every-row", test_undo_restores_every_row);
  ADD ("/merge/undo-keeps-later-edits", test_undo_keeps_later_edits);
  ADD ("/merge/refused", test_refused);
  ADD ("/merge/later-merge-first", test_later_merge_first);
  ADD ("/merge/final-after-restart", test_final_after_restart);
  ADD ("/merge/purge-makes-final", test_purge_makes_final);

  return g_test_run ();
}
