/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport-contact-list.h"
#include "rapport-store.h"

typedef struct
{
  char               *dir;
  char               *path;
  RapportStore       *store;
  RapportContact     *ada;
  RapportAppointment *meeting;
  RapportInterview   *interview;
} Fixture;

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-interview-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);

  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->store, f->ada, &error));
  f->meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  rapport_appointment_set_start (f->meeting, 1796306400); /* 2026-12-03 14:00 UTC */
  rapport_appointment_set_status (f->meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->store, f->meeting, &error));
  f->interview = rapport_store_get_interview (f->store, id_of (f->meeting), &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->interview);
}

static void
remove_db (const char *path,
           const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->interview);
  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  g_clear_object (&f->store);
  remove_db (f->path, f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RapportQuestion *
question_by_key (Fixture    *f,
                 const char *key)
{
  g_autoptr(GArray) ids = rapport_store_list_questions (f->store, TRUE, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      RapportQuestion *q = rapport_store_get_question (f->store, g_array_index (ids, gint64, i));
      if (g_strcmp0 (rapport_question_get_key (q), key) == 0)
        return q;
      g_object_unref (q);
    }
  return NULL;
}

static void
test_builtin_bank (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) ids = rapport_store_list_questions (f->store, FALSE, NULL);
  guint per_category[RAPPORT_N_CATEGORIES] = { 0 };
  int last_category = -1;

  g_assert_cmpuint (ids->len, >=, 4 * RAPPORT_N_CATEGORIES);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RapportQuestion) q = rapport_store_get_question (f->store, g_array_index (ids, gint64, i));
      g_autofree char *text = rapport_question_dup_display_text (q);
      int category = rapport_question_get_category (q);

      g_assert_true (rapport_question_is_builtin (q));
      g_assert_cmpstr (text, !=, "");
      g_assert_true (g_str_has_suffix (text, "?"));
      /* grouped by category, in the order of DESIGN.md */
      g_assert_cmpint (category, >=, last_category);
      last_category = category;
      per_category[category]++;
    }

  for (guint c = 0; c < RAPPORT_N_CATEGORIES; c++)
    {
      g_assert_cmpuint (per_category[c], >=, 4);
      /* every category helps answer some evaluation question */
      g_assert_cmpuint (rapport_category_get_topics (c), !=, 0);
    }
}

static void
test_hide_edit_restore (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportQuestion) salary = question_by_key (f, "salary-range");
  g_autoptr(GArray) before = rapport_store_list_questions (f->store, FALSE, NULL);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *restored = NULL;

  g_assert_nonnull (salary);

  rapport_question_set_hidden (salary, TRUE);
  g_assert_true (rapport_store_save_question (f->store, salary, &error));
  after = rapport_store_list_questions (f->store, FALSE, NULL);
  all = rapport_store_list_questions (f->store, TRUE, NULL);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  g_assert_cmpuint (all->len, ==, before->len);   /* hidden, never lost */

  rapport_question_set_hidden (salary, FALSE);
  rapport_question_set_text (salary, "What do beginners earn here?");
  g_assert_true (rapport_store_save_question (f->store, salary, &error));
  edited = rapport_question_dup_display_text (salary);
  g_assert_cmpstr (edited, ==, "What do beginners earn here?");
  g_assert_cmpstr (rapport_question_get_key (salary), ==, "salary-range");

  /* Clearing the wording brings back the built-in text. */
  rapport_question_set_text (salary, "");
  g_assert_true (rapport_store_save_question (f->store, salary, &error));
  restored = rapport_question_dup_display_text (salary);
  g_assert_cmpstr (restored, ==, "What salary range is usual for someone starting in this field?");
}

static void
test_own_questions_and_order (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportQuestion) mine = g_object_new (RAPPORT_TYPE_QUESTION, "category", RAPPORT_CATEGORY_SALARY,
                                                  "text", "Is overtime paid?", NULL);
  g_autoptr(RapportQuestion) empty = g_object_new (RAPPORT_TYPE_QUESTION, "category", RAPPORT_CATEGORY_SALARY, NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mine_id;
  guint at = 0;

  g_assert_false (rapport_store_add_question (f->store, empty, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rapport_store_add_question (f->store, mine, &error));
  mine_id = id_of (mine);
  g_assert_false (rapport_question_is_builtin (mine));

  /* Last of its category; moving it up swaps it with the one before. */
  ids = rapport_store_list_questions (f->store, FALSE, NULL);
  for (at = 0; g_array_index (ids, gint64, at) != mine_id; at++)
    ;
  g_assert_true (rapport_store_move_question (f->store, mine, -1, &error));
  g_clear_pointer (&ids, g_array_unref);
  ids = rapport_store_list_questions (f->store, FALSE, NULL);
  g_assert_cmpint (g_array_index (ids, gint64, at - 1), ==, mine_id);

  /* Down twice: back to last, then no further. */
  g_assert_true (rapport_store_move_question (f->store, mine, 1, &error));
  g_assert_false (rapport_store_move_question (f->store, mine, 1, &error));
  g_assert_no_error (error);
}

static RapportPrompt *
pick (Fixture    *f,
      const char *key)
{
  g_autoptr(RapportQuestion) q = question_by_key (f, key);
  g_autoptr(GError) error = NULL;
  RapportPrompt *prompt = rapport_store_add_prompt (f->store, f->interview, q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prompt);
  return prompt;
}

static void
test_prompts_and_notes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportPrompt) a = pick (f, "path-start");
  g_autoptr(RapportPrompt) b = pick (f, "salary-range");
  g_autoptr(RapportPrompt) c = pick (f, "refer-others");
  g_autoptr(RapportPrompt) again = pick (f, "salary-range");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportInterview) same = NULL;

  /* Picking twice does not duplicate. */
  g_assert_true (again == b);
  ids = rapport_store_list_prompts (f->store, id_of (f->interview), NULL);
  g_assert_cmpuint (ids->len, ==, 3);

  g_assert_true (rapport_store_move_prompt (f->store, c, -1, &error));
  g_clear_pointer (&ids, g_array_unref);
  ids = rapport_store_list_prompts (f->store, id_of (f->interview), NULL);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id_of (c));
  g_assert_false (rapport_store_move_prompt (f->store, a, -1, &error));

  g_assert_true (rapport_store_remove_prompt (f->store, b, &error));
  g_clear_pointer (&ids, g_array_unref);
  ids = rapport_store_list_prompts (f->store, id_of (f->interview), NULL);
  g_assert_cmpuint (ids->len, ==, 2);

  /* Notes and goals save themselves; the interview is one per appointment. */
  rapport_prompt_set_notes (a, "Started as an intern at the observatory");
  rapport_interview_set_goals (f->interview, "Learn how people get into computing");
  rapport_interview_set_checklist (f->interview, RAPPORT_HINT_NOTEBOOK | RAPPORT_HINT_RESUME);
  g_assert_true (rapport_store_has_pending (f->store));
  g_assert_true (rapport_store_flush (f->store, &error));
  same = rapport_store_get_interview (f->store, id_of (f->meeting), &error);
  g_assert_true (same == f->interview);
}

static void
test_coverage (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportPrompt) salary = pick (f, "salary-range");
  g_autoptr(RapportPrompt) day = pick (f, "day-describe");
  guint covered;

  g_assert_cmpuint (rapport_store_get_coverage (f->store, id_of (f->interview)), ==, 0);

  rapport_prompt_set_notes (salary, "35–42k to start");
  covered = rapport_store_get_coverage (f->store, id_of (f->interview));
  g_assert_true (covered & (1u << RAPPORT_TOPIC_SALARY_RANGE));
  g_assert_false (covered & (1u << RAPPORT_TOPIC_UNDERSTAND_JOB));

  /* Blank notes do not count. */
  rapport_prompt_set_notes (day, "   \n ");
  covered = rapport_store_get_coverage (f->store, id_of (f->interview));
  g_assert_false (covered & (1u << RAPPORT_TOPIC_UNDERSTAND_JOB));

  rapport_prompt_set_notes (day, "Mornings in the lab, afternoons with clients");
  covered = rapport_store_get_coverage (f->store, id_of (f->interview));
  g_assert_true (covered & (1u << RAPPORT_TOPIC_UNDERSTAND_JOB));
  g_assert_true (covered & (1u << RAPPORT_TOPIC_ENJOY_ROLE));
  g_assert_false (covered & (1u << RAPPORT_TOPIC_HOW_I_HELP));

  /* The pure rule */
  {
    RapportCategory categories[] = { RAPPORT_CATEGORY_REFERRALS, RAPPORT_CATEGORY_FIELD_GOALS };
    gboolean notes[] = { TRUE, FALSE };
    g_assert_cmpuint (rapport_coverage_of (categories, notes, 2), ==, 1u << RAPPORT_TOPIC_NEW_IDEAS);
  }
}

static void
test_capture (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportContact) charles = NULL;
  g_autoptr(RapportContact) phone = NULL;
  g_autoptr(RapportActionItem) item = g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                                                    "interview-id", id_of (f->interview),
                                                    "contact-id", id_of (f->ada),
                                                    "kind", RAPPORT_ACTION_SEND_RESUME,
                                                    "text", "Send my résumé to Ada",
                                                    "due", (gint64)1796911200, NULL);
  g_autoptr(RapportActionItem) blank = g_object_new (RAPPORT_TYPE_ACTION_ITEM, "text", "  ", NULL);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;

  charles = rapport_store_add_referral (f->store, f->interview, "Charles Babbage", "Difference Engines",
                                        "charles@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_get_referred_by (charles), ==, id_of (f->ada));
  g_assert_cmpint (rapport_contact_get_source (charles), ==, RAPPORT_SOURCE_REFERRAL);
  g_assert_cmpstr (rapport_contact_get_email (charles), ==, "charles@example.org");

  phone = rapport_store_add_referral (f->store, f->interview, "Mary Somerville", "", "+44 20 7946 0958", &error);
  g_assert_cmpstr (rapport_contact_get_phone (phone), ==, "+44 20 7946 0958");

  g_assert_null (rapport_store_add_referral (f->store, f->interview, "", "", "", &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rapport_store_add_action_item (f->store, item, &error));
  g_assert_false (rapport_store_add_action_item (f->store, blank, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  items = rapport_store_list_action_items (f->store, id_of (f->interview), NULL);
  g_assert_cmpuint (items->len, ==, 1);

  rapport_action_item_set_done (item, TRUE);
  g_assert_true (rapport_store_flush (f->store, &error));
}

static void
test_mark_held (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_mark_held (f->store, f->meeting, &error));
  g_assert_cmpint (rapport_appointment_get_status (f->meeting), ==, RAPPORT_STATUS_HELD);
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_MET);
}

static void
test_search_reaches_notes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RapportPrompt) p = pick (f, "read-publications");
  g_autoptr(RapportContactList) list = rapport_contact_list_new (f->store);
  g_autoptr(RapportContact) other = rapport_contact_new ("Someone Else");
  g_autoptr(RapportClipping) clip = rapport_clipping_new ("Bakers of the dawn shift");

  g_assert_true (rapport_store_add_contact (f->store, other, NULL));
  g_assert_true (rapport_store_add_clipping (f->store, clip, NULL));
  g_assert_true (rapport_store_link_clipping (f->store, clip, other, NULL));

  rapport_prompt_set_notes (p, "Recommended the Journal of Ferroelectrics");
  g_assert_true (rapport_store_flush (f->store, NULL));

  rapport_contact_list_set_search (list, "ferroelectric");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  rapport_contact_list_set_search (list, "dawn shift");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* Crash safety: a writer killed with SIGKILL mid-stream loses nothing
 * whose save had returned, and leaves a sound database. */
static void
test_killed_writer_loses_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 prompt_id;
  int fds[2];
  pid_t pid;
  int acked = -1, value;

  {
    g_autoptr(RapportStore) setup = rapport_store_open (path, &error);
    g_autoptr(RapportContact) c = rapport_contact_new ("Grace");
    g_autoptr(RapportAppointment) a = NULL;
    g_autoptr(RapportInterview) i = NULL;
    g_autoptr(GArray) ids = NULL;
    g_autoptr(RapportQuestion) q = NULL;
    g_autoptr(RapportPrompt) p = NULL;

    g_assert_true (rapport_store_add_contact (setup, c, &error));
    a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (c));
    g_assert_true (rapport_store_add_appointment (setup, a, &error));
    i = rapport_store_get_interview (setup, id_of (a), &error);
    ids = rapport_store_list_questions (setup, FALSE, NULL);
    q = rapport_store_get_question (setup, g_array_index (ids, gint64, 0));
    p = rapport_store_add_prompt (setup, i, q, &error);
    prompt_id = id_of (p);
  }

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      RapportStore *writer = rapport_store_open (path, NULL);
      RapportPrompt *p = rapport_store_get_prompt (writer, prompt_id);
      close (fds[0]);
      for (int n = 0; ; n++)
        {
          g_autofree char *text = g_strdup_printf ("note %d %s", n, "and a longer sentence to write each time");

          rapport_prompt_set_notes (p, text);
          if (!rapport_store_save_prompt (writer, p, NULL))
            _exit (2);
          /* Only now is the save known to have returned. */
          if (write (fds[1], &n, sizeof n) != sizeof n)
            _exit (3);
        }
    }

  close (fds[1]);
  g_usleep (300 * 1000);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  while (read (fds[0], &value, sizeof value) == sizeof value)
    acked = value;
  close (fds[0]);
  g_assert_cmpint (acked, >=, 0);

  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RapportPrompt) p = rapport_store_get_prompt (store, prompt_id);
    int saved = -1;
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_nonnull (p);
    g_assert_cmpint (sscanf (rapport_prompt_get_notes (p), "note %d", &saved), ==, 1);
    /* Every acknowledged save is there (one more may have landed). */
    g_assert_cmpint (saved, >=, acked);

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_clear_object (&store);
  remove_db (path, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/interviews/builtin-bank", test_builtin_bank);
  ADD ("/interviews/hide-edit-restore", test_hide_edit_restore);
  ADD ("/interviews/own-questions-and-order", test_own_questions_and_order);
  ADD ("/interviews/prompts-and-notes", test_prompts_and_notes);
  ADD ("/interviews/coverage", test_coverage);
  ADD ("/interviews/capture", test_capture);
  ADD ("/interviews/mark-held", test_mark_held);
  ADD ("/interviews/search-reaches-notes", test_search_reaches_notes);
#undef ADD
  g_test_add_func ("/interviews/killed-writer-loses-nothing", test_killed_writer_loses_nothing);

  return g_test_run ();
}
