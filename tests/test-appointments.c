/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rapport-store.h"

typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
  RapportContact *ada;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-appt-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->store, f->ada, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->ada);
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

static gint64
id_of (gpointer record)
{
  return rapport_record_get_id (RAPPORT_RECORD (record));
}

static gint64
at (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (dt);
}

static RapportAppointment *
schedule (Fixture      *f,
          RapportStatus status,
          gint64        start,
          int           minutes)
{
  g_autoptr(GError) error = NULL;
  RapportAppointment *a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));

  rapport_appointment_set_start (a, start);
  rapport_appointment_set_duration (a, minutes);
  rapport_appointment_set_status (a, status);
  g_assert_true (rapport_store_add_appointment (f->store, a, &error));
  g_assert_no_error (error);
  return a;
}

static guint
count (Fixture *f)
{
  RapportAppointmentQuery q = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) ids = rapport_store_query_appointments (f->store, &q, NULL);

  return ids->len;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = schedule (f, RAPPORT_STATUS_CONFIRMED, at (2026, 12, 3, 14, 0), 45);
  g_autoptr(RapportAppointment) same = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id_of (a), >, 0);
  g_assert_true (g_str_has_suffix (rapport_appointment_get_uid (a), "@rapport"));
  g_assert_cmpint (rapport_appointment_get_end (a), ==, at (2026, 12, 3, 14, 45));

  same = rapport_store_get_appointment (f->store, id_of (a));
  g_assert_true (same == a);

  rapport_appointment_set_place (a, "Café Central, Vienna; table 3");
  rapport_appointment_set_mode (a, RAPPORT_MODE_VIDEO);
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));
  g_clear_object (&same);
  g_clear_object (&a);
  g_clear_object (&f->store);

  /* Reopened from the file, everything is there. */
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    RapportAppointmentQuery q = RAPPORT_APPOINTMENT_QUERY_INIT;
    g_autoptr(GArray) ids = rapport_store_query_appointments (f->store, &q, NULL);
    g_autoptr(RapportAppointment) back = NULL;

    g_assert_cmpuint (ids->len, ==, 1);
    back = rapport_store_get_appointment (f->store, g_array_index (ids, gint64, 0));
    g_assert_cmpstr (rapport_appointment_get_place (back), ==, "Café Central, Vienna; table 3");
    g_assert_cmpint (rapport_appointment_get_mode (back), ==, RAPPORT_MODE_VIDEO);
    g_assert_cmpint (rapport_appointment_get_duration (back), ==, 45);
    g_assert_true (rapport_store_delete_appointment (f->store, back, &error));
    g_assert_cmpuint (count (f), ==, 0);
    g_assert_true (rapport_store_undelete_appointment (f->store, id_of (back), &error));
    g_assert_cmpuint (count (f), ==, 1);
  }
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportAppointment) nobody = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, 0);
  g_autoptr(RapportAppointment) untimed = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  g_autoptr(RapportAppointment) counsellor = rapport_appointment_new (RAPPORT_APPOINTMENT_COUNSELLOR, 0);
  g_autoptr(RapportAppointment) bad_tz = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);
  g_autoptr(RapportAppointment) request = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_store_add_appointment (f->store, nobody, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rapport_appointment_set_status (untimed, RAPPORT_STATUS_CONFIRMED);
  g_assert_false (rapport_store_add_appointment (f->store, untimed, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rapport_appointment_set_start (bad_tz, at (2026, 12, 1, 9, 0));
  rapport_appointment_set_their_timezone (bad_tz, "Mars/Olympus_Mons");
  g_assert_false (rapport_store_add_appointment (f->store, bad_tz, &error));
  g_assert_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count (f), ==, 0);

  /* A career counsellor meeting needs no contact; a request needs no time. */
  rapport_appointment_set_start (counsellor, at (2026, 12, 1, 9, 0));
  rapport_appointment_set_status (counsellor, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->store, counsellor, &error));
  g_assert_true (rapport_store_add_appointment (f->store, request, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f), ==, 2);
}

static void
test_stage_follows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = NULL;
  g_autoptr(GError) error = NULL;

  /* The pure rule */
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_TO_CONTACT, RAPPORT_STATUS_REQUESTED), ==, RAPPORT_STAGE_REQUESTED);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_REQUESTED, RAPPORT_STATUS_CONFIRMED), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_SCHEDULED, RAPPORT_STATUS_HELD), ==, RAPPORT_STAGE_MET);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_THANKED, RAPPORT_STATUS_REQUESTED), ==, RAPPORT_STAGE_THANKED);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_MET, RAPPORT_STATUS_CANCELLED), ==, RAPPORT_STAGE_MET);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_DECLINED, RAPPORT_STATUS_REQUESTED), ==, RAPPORT_STAGE_DECLINED);
  g_assert_cmpint (rapport_stage_after_status (RAPPORT_STAGE_DECLINED, RAPPORT_STATUS_CONFIRMED), ==, RAPPORT_STAGE_SCHEDULED);

  /* Through the store: request, confirm, hold */
  a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  g_assert_true (rapport_store_add_appointment (f->store, a, &error));
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_REQUESTED);

  rapport_appointment_set_start (a, at (2026, 12, 2, 15, 0));
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_SCHEDULED);

  rapport_appointment_set_status (a, RAPPORT_STATUS_HELD);
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_MET);
  g_assert_false (rapport_store_has_pending (f->store));

  /* A held meeting counts as the last contact. */
  g_assert_cmpint (rapport_contact_get_last_contacted (f->ada), >=, at (2026, 12, 2, 15, 0));

  /* Everyone's at once says the same as one at a time. */
  {
    g_autoptr(GArray) all = rapport_store_list_last_contacted (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_cmpint (g_array_index (all, RapportLastContact, 0).contact_id, ==, id_of (f->ada));
    g_assert_cmpint (g_array_index (all, RapportLastContact, 0).when, ==,
                     rapport_store_get_last_contacted (f->store, id_of (f->ada)));
  }
}

static void
test_overlaps (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = schedule (f, RAPPORT_STATUS_CONFIRMED, at (2026, 12, 3, 14, 0), 60);
  g_autoptr(RapportAppointment) cancelled = schedule (f, RAPPORT_STATUS_CANCELLED, at (2026, 12, 3, 14, 0), 60);
  g_autoptr(RapportAppointment) b = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);
  g_autoptr(GArray) overlaps = NULL;

  rapport_appointment_set_start (b, at (2026, 12, 3, 14, 30));
  overlaps = rapport_store_find_overlaps (f->store, b);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_assert_cmpint (g_array_index (overlaps, gint64, 0), ==, id_of (a));
  g_clear_pointer (&overlaps, g_array_unref);

  /* Back to back is not an overlap. */
  rapport_appointment_set_start (b, at (2026, 12, 3, 15, 0));
  overlaps = rapport_store_find_overlaps (f->store, b);
  g_assert_cmpuint (overlaps->len, ==, 0);
  g_clear_pointer (&overlaps, g_array_unref);

  /* An appointment does not overlap itself. */
  overlaps = rapport_store_find_overlaps (f->store, a);
  g_assert_cmpuint (overlaps->len, ==, 0);
  (void)cancelled;
}

static void
test_reschedule_history (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  g_autoptr(GArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = at (2026, 12, 3, 14, 0);
  gint64 second = at (2026, 12, 5, 10, 0);
  const RapportEvent *e;

  g_assert_true (rapport_store_add_appointment (f->store, a, &error));          /* requested */
  rapport_appointment_set_start (a, first);
  rapport_appointment_set_status (a, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));          /* scheduled */
  rapport_appointment_set_start (a, second);
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));          /* rescheduled */
  rapport_appointment_set_notes (a, "bring portfolio");
  g_assert_true (rapport_store_save_appointment (f->store, a, &error));          /* nothing new */

  events = rapport_store_list_events (f->store, id_of (f->ada), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);

  /* newest first */
  e = &g_array_index (events, RapportEvent, 0);
  g_assert_cmpint (e->kind, ==, RAPPORT_EVENT_RESCHEDULED);
  g_assert_cmpint (e->old_start, ==, first);
  g_assert_cmpint (e->new_start, ==, second);
  e = &g_array_index (events, RapportEvent, 1);
  g_assert_cmpint (e->kind, ==, RAPPORT_EVENT_SCHEDULED);
  e = &g_array_index (events, RapportEvent, 2);
  g_assert_cmpint (e->kind, ==, RAPPORT_EVENT_REQUESTED);
  e = &g_array_index (events, RapportEvent, 3);
  g_assert_cmpint (e->kind, ==, RAPPORT_EVENT_ADDED);
}

static void
test_contact_delete_cascades (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = schedule (f, RAPPORT_STATUS_CONFIRMED, at (2026, 12, 3, 14, 0), 30);
  g_autoptr(GError) error = NULL;
  gint64 appointment_id = id_of (a);
  gint64 contact_id = id_of (f->ada);

  g_assert_true (rapport_store_delete_contact (f->store, f->ada, &error));
  g_assert_cmpuint (count (f), ==, 0);
  g_assert_null (rapport_store_get_appointment (f->store, appointment_id));

  /* Undo brings both back */
  g_assert_true (rapport_store_undelete_contact (f->store, contact_id, &error));
  g_assert_cmpuint (count (f), ==, 1);

  /* Made final, the appointment goes with the contact. */
  g_assert_true (rapport_store_delete_contact (f->store, f->ada, &error));
  g_assert_true (rapport_store_purge_contact (f->store, contact_id, &error));
  g_clear_object (&a);
  g_clear_object (&f->ada);
  g_clear_object (&f->store);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (f), ==, 0);
}

static void
test_ranges_and_upcoming (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = schedule (f, RAPPORT_STATUS_CONFIRMED, at (2026, 12, 3, 23, 30), 60);
  g_autoptr(RapportAppointment) b = schedule (f, RAPPORT_STATUS_CONFIRMED, at (2026, 12, 10, 9, 0), 30);
  g_autoptr(RapportAppointment) request = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  RapportAppointmentQuery q = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (rapport_store_add_appointment (f->store, request, NULL));

  /* An appointment that runs past midnight shows on both days. */
  q.from = at (2026, 12, 4, 0, 0);
  q.to = at (2026, 12, 5, 0, 0);
  ids = rapport_store_query_appointments (f->store, &q, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id_of (a));
  g_clear_pointer (&ids, g_array_unref);

  q.from = at (2026, 12, 1, 0, 0);
  q.to = at (2026, 12, 15, 0, 0);
  ids = rapport_store_query_appointments (f->store, &q, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  /* Requests without a time are found apart. */
  q.from = q.to = 0;
  q.unscheduled = TRUE;
  ids = rapport_store_query_appointments (f->store, &q, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id_of (request));
  (void)b;
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportAppointment) a = rapport_appointment_new (RAPPORT_APPOINTMENT_OTHER, 0);
  g_autoptr(RapportAppointment) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_appointment_set_start (a, at (2026, 12, 1, 9, 0));
  rapport_appointment_set_title (a, "'); DROP TABLE appointments; --");
  rapport_appointment_set_place (a, "شارع 👩‍💻, \"quoted\"; \\ back");
  g_assert_true (rapport_store_add_appointment (f->store, a, &error));
  id = id_of (a);
  g_clear_object (&a);
  g_clear_object (&f->store);

  f->store = rapport_store_open (f->path, &error);
  again = rapport_store_get_appointment (f->store, id);
  g_assert_nonnull (again);
  g_assert_cmpstr (rapport_appointment_get_title (again), ==, "'); DROP TABLE appointments; --");
  g_assert_cmpstr (rapport_appointment_get_place (again), ==, "شارع 👩‍💻, \"quoted\"; \\ back");
}

static void
test_migration_from_version_1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-appt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) kept = NULL;
  g_autofree char *cmd = NULL;
  int status = 0;

  /* A database as the first version left it, with a contact in it. */
  cmd = g_strdup_printf ("sqlite3 '%s' \"CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                         " organization TEXT NOT NULL DEFAULT '', job_title TEXT NOT NULL DEFAULT '',"
                         " field TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
                         " profile_url TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT 'other',"
                         " source_detail TEXT NOT NULL DEFAULT '', referred_by INTEGER, stage TEXT NOT NULL DEFAULT 'to-contact',"
                         " notes TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, updated INTEGER NOT NULL, deleted INTEGER);"
                         " CREATE TABLE clippings (id INTEGER PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'web',"
                         " url TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',"
                         " created INTEGER NOT NULL, updated INTEGER NOT NULL, deleted INTEGER);"
                         " CREATE TABLE clipping_contacts (clipping_id INTEGER NOT NULL, contact_id INTEGER NOT NULL,"
                         " PRIMARY KEY (clipping_id, contact_id)) WITHOUT ROWID;"
                         " INSERT INTO contacts (name, created, updated) VALUES ('Old Friend', 1, 1);"
                         " PRAGMA user_version = 1;\"", path);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  kept = rapport_store_get_contact (store, 1);
  g_assert_nonnull (kept);
  g_assert_cmpstr (rapport_contact_get_name (kept), ==, "Old Friend");
  g_clear_object (&kept);
  g_clear_object (&store);

  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/appointments/crud", test_crud);
  ADD ("/appointments/validation", test_validation);
  ADD ("/appointments/stage-follows", test_stage_follows);
  ADD ("/appointments/overlaps", test_overlaps);
  ADD ("/appointments/reschedule-history", test_reschedule_history);
  ADD ("/appointments/contact-delete-cascades", test_contact_delete_cascades);
  ADD ("/appointments/ranges-and-upcoming", test_ranges_and_upcoming);
  ADD ("/appointments/hostile-text", test_hostile_text);
#undef ADD
  g_test_add_func ("/appointments/migration-from-version-1", test_migration_from_version_1);

  return g_test_run ();
}
