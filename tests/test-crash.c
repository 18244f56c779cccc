/* test-crash.c: nothing committed is lost and nothing is half-applied when
 * the process dies
 *
 * A child process runs 1 000 mixed write transactions through RapportStore
 * (new contacts, an import of five contacts in one transaction, contact
 * edits, appointments, interview notes, evaluation answers) and reports each
 * one on a pipe once its call has returned. The parent kills it with SIGKILL
 * at a random moment, reopens the database and checks that every reported
 * transaction is there, whole, and that the one in flight is either whole or
 * absent. Then a new child carries on from there, until all 1 000 are done.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-appointment.h"
#include "rapport-contact.h"
#include "rapport-import.h"
#include "rapport-interview.h"
#include "rapport-questions.h"
#include "rapport-store.h"

#define N_TRANSACTIONS 1000
#define N_KINDS        6
#define IMPORT_SIZE    5
#define NOTES_LENGTH   2048

/* Transaction i works on group i / N_KINDS, whose contact is "T<group>". */
enum {
  ADD_CONTACT,
  IMPORT_FIVE,
  EDIT_CONTACT,
  ADD_APPOINTMENT,
  WRITE_NOTES,
  ANSWER_EVALUATION,
};

static char *
original_notes (guint group)
{
  GString *s = g_string_new (NULL);

  /* Realistic text with the characters that trip up quoting. */
  while (s->len < NOTES_LENGTH)
    g_string_append_printf (s, "T%u: «it's a 'DROP TABLE' kind of day» — مرحبا 🎓; ", group);
  return g_string_free (s, FALSE);
}

static gint64
lookup_id (sqlite3    *db,
           const char *sql,
           const char *text,
           gint64      number)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static gint64
contact_id (sqlite3 *db,
            guint    group)
{
  g_autofree char *name = g_strdup_printf ("T%u", group);

  return lookup_id (db, "SELECT id FROM contacts WHERE name = ?", name, 0);
}

static gint64
appointment_id (sqlite3 *db,
                guint    group)
{
  return lookup_id (db, "SELECT id FROM appointments WHERE contact_id = ?", NULL, contact_id (db, group));
}

static gboolean
run_transaction (RapportStore *store,
                 sqlite3      *db,
                 guint         i,
                 GError      **error)
{
  guint group = i / N_KINDS;
  g_autofree char *name = g_strdup_printf ("T%u", group);

  switch (i % N_KINDS)
    {
    case ADD_CONTACT:
      {
        g_autoptr(RapportContact) c = rapport_contact_new (name);
        g_autofree char *notes = original_notes (group);

        rapport_contact_set_notes (c, notes);
        return rapport_store_add_contact (store, c, error);
      }

    case IMPORT_FIVE:
      {
        g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
        RapportImportCounts counts = { 0 };

        for (guint k = 0; k < IMPORT_SIZE; k++)
          {
            g_autofree char *member = g_strdup_printf ("%s.%u", name, k);
            g_ptr_array_add (contacts, rapport_contact_new (member));
          }
        return rapport_store_import_sync (store, contacts, RAPPORT_DUPLICATES_SKIP, FALSE, &counts, error);
      }

    case EDIT_CONTACT:
      {
        g_autoptr(RapportContact) c = rapport_store_get_contact (store, contact_id (db, group));
        g_autofree char *notes = g_strdup_printf ("edited %u", group);
        g_autofree char *org = g_strdup_printf ("Org %u", group);

        g_assert_nonnull (c);
        /* Two fields in one edit, written by the same flush. */
        rapport_contact_set_notes (c, notes);
        rapport_contact_set_organization (c, org);
        return rapport_store_flush (store, error);
      }

    case ADD_APPOINTMENT:
      {
        g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                                                   contact_id (db, group));
        g_autoptr(RapportInterview) interview = NULL;

        /* Two transactions: the appointment, then its interview (which a
         * later step creates anyway if a kill came in between). */
        rapport_appointment_set_start (a, 1796306400 + group * 3600);
        rapport_appointment_set_status (a, RAPPORT_STATUS_HELD);
        if (!rapport_store_add_appointment (store, a, error))
          return FALSE;
        interview = rapport_store_get_interview (store, rapport_record_get_id (RAPPORT_RECORD (a)), error);
        return interview != NULL;
      }

    case WRITE_NOTES:
      {
        g_autoptr(RapportInterview) interview = rapport_store_get_interview (store, appointment_id (db, group), error);
        g_autofree char *notes = g_strdup_printf ("notes %u", group);

        if (interview == NULL)
          return FALSE;
        rapport_interview_set_notebook (interview, notes);
        return rapport_store_save_interview (store, interview, error);
      }

    case ANSWER_EVALUATION:
      {
        g_autoptr(RapportInterview) interview = rapport_store_get_interview (store, appointment_id (db, group), error);
        g_autofree char *text = g_strdup_printf ("answer %u", group);

        if (interview == NULL)
          return FALSE;
        return rapport_store_set_answer (store, rapport_record_get_id (RAPPORT_RECORD (interview)),
                                         RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_YES, text, 4, error);
      }

    default:
      g_assert_not_reached ();
    }
}

/* The child: carry on from @first, report each transaction on @fd. */
G_GNUC_NORETURN static void
write_from (const char *path,
            guint       first,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (path, &error);
  sqlite3 *db = NULL;

  /* A forked child shares the parent's random state; a new process would
   * not, and appointment identifiers come from it. */
  g_random_set_seed ((guint32)getpid () ^ (guint32)g_get_monotonic_time ());

  if (store == NULL || sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    _exit (3);
  /* Edits are written at flush, as the window does on a timer. */
  rapport_store_set_save_delay (store, 60 * 1000);

  for (guint i = first; i < N_TRANSACTIONS; i++)
    {
      char line[16];
      int len;

      if (!run_transaction (store, db, i, &error))
        {
          g_printerr ("transaction %u: %s\n", i, error ? error->message : "failed");
          _exit (4);
        }
      len = g_snprintf (line, sizeof line, "%u\n", i);
      if (write (fd, line, len) != len)
        _exit (5);
    }
  _exit (0);
}

static char *
text_of (sqlite3    *db,
         const char *sql,
         gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
count (sqlite3    *db,
       const char *sql,
       const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Whether transaction @i is in the database, failing the test if it is
 * there only in part. */
static gboolean
is_applied (sqlite3 *db,
            guint    i)
{
  guint group = i / N_KINDS;
  g_autofree char *name = g_strdup_printf ("T%u", group);
  gint64 contact = contact_id (db, group);

  switch (i % N_KINDS)
    {
    case ADD_CONTACT:
      {
        g_autofree char *notes = NULL;
        g_autofree char *expected = original_notes (group);

        g_assert_cmpint (count (db, "SELECT count(*) FROM contacts WHERE name = ?", name), <=, 1);
        if (contact == 0)
          return FALSE;
        notes = text_of (db, "SELECT notes FROM contacts WHERE id = ?", contact);
        if (!g_str_has_prefix (notes, "edited "))
          g_assert_cmpstr (notes, ==, expected);
        return TRUE;
      }

    case IMPORT_FIVE:
      {
        g_autofree char *pattern = g_strdup_printf ("%s.%%", name);
        gint64 n = count (db, "SELECT count(*) FROM contacts WHERE name LIKE ?", pattern);

        /* One transaction: all five or none. */
        g_assert_true (n == 0 || n == IMPORT_SIZE);
        return n == IMPORT_SIZE;
      }

    case EDIT_CONTACT:
      {
        g_autofree char *notes = text_of (db, "SELECT notes FROM contacts WHERE id = ?", contact);
        g_autofree char *org = text_of (db, "SELECT organization FROM contacts WHERE id = ?", contact);
        g_autofree char *edited = g_strdup_printf ("edited %u", group);
        g_autofree char *edited_org = g_strdup_printf ("Org %u", group);

        g_assert_nonnull (notes);
        if (g_strcmp0 (notes, edited) == 0)
          {
            g_assert_cmpstr (org, ==, edited_org);
            return TRUE;
          }
        g_assert_cmpstr (org, ==, "");
        return FALSE;
      }

    case ADD_APPOINTMENT:
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contact);
        gint64 n = count (db, "SELECT count(*) FROM appointments WHERE contact_id = ?", id);
        gint64 interviews = count (db, "SELECT count(*) FROM interviews JOIN appointments a "
                                       "ON a.id = appointment_id WHERE a.contact_id = ?", id);

        g_assert_cmpint (n, <=, 1);
        /* The appointment and its interview are two transactions, so the
         * interview may be missing after a kill, never the other way. */
        g_assert_cmpint (interviews, <=, n);
        return n == 1;
      }

    case WRITE_NOTES:
      {
        g_autofree char *notes = text_of (db, "SELECT notebook FROM interviews WHERE appointment_id = ?",
                                          appointment_id (db, group));
        g_autofree char *expected = g_strdup_printf ("notes %u", group);

        return g_strcmp0 (notes, expected) == 0;
      }

    case ANSWER_EVALUATION:
      {
        gint64 appointment = appointment_id (db, group);
        gint64 interview = lookup_id (db, "SELECT id FROM interviews WHERE appointment_id = ?", NULL, appointment);
        g_autofree char *text = text_of (db, "SELECT text || '/' || rating || '/' || answer "
                                             "FROM evaluation_answers WHERE interview_id = ?", interview);
        g_autofree char *expected = g_strdup_printf ("answer %u/4/yes", group);

        if (text == NULL)
          return FALSE;
        g_assert_cmpstr (text, ==, expected);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
assert_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

/* Reads what the child reported; returns the last transaction, or -1. */
static int
read_reports (int   fd,
              guint first)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buf[4096];
  ssize_t n;
  int last = -1;

  while ((n = read (fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (all, buf, n);

  lines = g_strsplit (all->str, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    if (lines[k][0] != '\0')
      {
        int i = atoi (lines[k]);
        g_assert_cmpint (i, ==, last < 0 ? (int)first : last + 1);
        last = i;
      }
  return last;
}

static void
test_sigkill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  GRand *rand = g_rand_new_with_seed (20261125);
  guint next = 0;
  guint kills = 0;
  guint rounds = 0;

  /* Create the database before the first kill. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportStore) store = rapport_store_open (path, &error);
    g_assert_no_error (error);
  }

  while (next < N_TRANSACTIONS)
    {
      g_autoptr(GError) error = NULL;
      int fds[2];
      int status = 0;
      int last;
      pid_t pid;
      sqlite3 *db = NULL;

      g_assert_cmpuint (++rounds, <, 500);
      g_assert_no_errno (pipe (fds));
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          write_from (path, next, fds[1]);
        }
      close (fds[1]);

      g_usleep (g_rand_int_range (rand, 1000, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFSIGNALED (status))
        kills++;
      g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) ||
                     (WIFEXITED (status) && WEXITSTATUS (status) == 0));
      last = read_reports (fds[0], next);
      close (fds[0]);

      /* Reopen through the store (recovery, migrations), then look. */
      {
        g_autoptr(RapportStore) store = rapport_store_open (path, &error);
        g_assert_no_error (error);
      }
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      assert_integrity (db);
      for (guint i = 0; (int)i <= last; i++)
        if (!is_applied (db, i))
          g_error ("transaction %u was reported committed but is missing", i);
      if (last >= 0)
        next = last + 1;
      /* The one in flight: whole or absent; if whole, carry on after it. */
      if (next < N_TRANSACTIONS && is_applied (db, next))
        next++;
      sqlite3_close (db);
    }

  g_test_message ("%u transactions in %u runs, %u killed", N_TRANSACTIONS, rounds, kills);
  g_assert_cmpuint (kills, >, 0);

  g_rand_free (rand);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill-during-1000-transactions", test_sigkill);

  return g_test_run ();
}
