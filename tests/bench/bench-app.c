/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app: one measurement per process, chosen by the first argument.
 * Prints one line "BENCH {json}" on standard output; tests/bench/bench.py
 * runs it, repeats it and compares. Times are CLOCK_MONOTONIC microseconds
 * (g_get_monotonic_time), the clock Python's time.monotonic_ns() reads, so
 * the runner can measure from the moment it started the process.
 *
 *   bench-app bare                  AdwApplicationWindow with one label
 *   bench-app startup               the real app (RapportApplication) on the
 *                                   database in $XDG_DATA_HOME/rapport
 *   bench-app memory                the same, then scrolls the contact list
 *                                   to its end; peak RSS
 *   bench-app search DB REPS        rapport_contact_list_set_search per keystroke;
 *                                   the first also reads the list's search
 *                                   index, so it is reported on its own too
 *   bench-app import CSV DB [list]  LinkedIn CSV: parse, add to the store
 *   bench-app prep DIR QUESTIONS REPS  prep sheet to PDF
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-application.h"
#include "rapport-contact-list.h"
#include "rapport-contacts-page.h"
#include "rapport-import.h"
#include "rapport-window.h"
#ifdef HAVE_CSV
#include "rapport-csv.h"
#endif
#ifdef HAVE_PRINT
#include "rapport-prep-sheet.h"
#endif

static gint64 t_main;

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;   /* KiB on Linux */
}

static long
current_rss_kib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) &&
      sscanf (statm, "%ld %ld", &pages, &resident) == 2)
    return resident * (sysconf (_SC_PAGESIZE) / 1024);
  return 0;
}

static void
emit (GString *json)
{
  g_print ("BENCH {%s}\n", json->str);
  fflush (stdout);
}

static void
append_samples (GString *json, const char *name, GArray *samples)
{
  g_string_append_printf (json, ", \"%s\": [", name);
  for (guint i = 0; i < samples->len; i++)
    g_string_append_printf (json, "%s%.4f", i ? ", " : "", g_array_index (samples, double, i));
  g_string_append (json, "]");
}

/* ------------------------------------------------------------------ */
/* Startup to first frame, and memory                                  */

typedef struct
{
  GApplication *app;
  GtkWindow    *window;
  const char   *mode;
  gint64        t_startup;
  gint64        t_activate;
  gint64        t_paint;
  guint         frames;
  gulong        paint_handler;
  gboolean      scroll;
} Startup;

static gboolean finish_startup (gpointer data);

static void
on_after_paint (GdkFrameClock *clock,
                Startup       *s)
{
  s->frames++;
  if (s->t_paint != 0)
    return;
  s->t_paint = g_get_monotonic_time ();
  /* Reported once this frame is finished, as it would be in the app. */
  g_idle_add (finish_startup, s);
}

static void
on_realize (GtkWidget *window,
            Startup   *s)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  s->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), s);
}

static void
watch_window (Startup   *s,
              GtkWindow *window)
{
  if (s->window != NULL)
    return;
  s->window = window;
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), s);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Startup        *s)
{
  watch_window (s, window);
}

static void
on_startup (GApplication *app,
            Startup      *s)
{
  /* "startup" runs the class handler first: the store is open and the
   * reminders were checked. */
  s->t_startup = g_get_monotonic_time ();
}

static void
on_activate (GApplication *app,
             Startup      *s)
{
  /* Connected handlers of "activate" run before the class handler: this is
   * right before the window is built. */
  s->t_activate = g_get_monotonic_time ();
}

static void
on_activate_bare (GApplication *app,
                  Startup      *s)
{
  GtkWidget *window, *label;

  s->t_activate = g_get_monotonic_time ();
  window = adw_application_window_new (GTK_APPLICATION (app));
  label = gtk_label_new ("Rapport");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), label);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_title (GTK_WINDOW (window), "Rapport");
  watch_window (s, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
on_timeout_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until one more frame was painted, or @msec passed. */
static gboolean
wait_frame (Startup *s,
            guint    msec)
{
  guint frames = s->frames;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (msec, on_timeout_flag, &timed_out);

  while (s->frames == frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* Scrolls the contact list from top to bottom in steps, a frame each, as a
 * person dragging the scroll bar; returns the rows the list has. */
static guint
scroll_contacts (Startup *s,
                 guint   *steps_out,
                 double  *end_out)
{
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (s->window), RAPPORT_TYPE_WINDOW,
                                                               "contacts_page"));
  GtkWidget *list_view;
  GtkAdjustment *adj;
  GListModel *model;
  guint steps = 0, at_end = 0;

  g_assert (page != NULL);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (page, RAPPORT_TYPE_CONTACTS_PAGE, "list_view"));
  g_assert (list_view != NULL);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  while (steps < 5000 && at_end < 3 && model != NULL && g_list_model_get_n_items (model) > 0)
    {
      double upper = gtk_adjustment_get_upper (adj);
      double size = gtk_adjustment_get_page_size (adj);
      double value = gtk_adjustment_get_value (adj);
      double step = MAX (size, upper / 200.0);

      if (value >= upper - size - 0.5)
        at_end++;
      else
        at_end = 0;
      gtk_adjustment_set_value (adj, MIN (value + step, upper - size));
      wait_frame (s, 250);
      steps++;
    }

  *steps_out = steps;
  *end_out = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) - gtk_adjustment_get_upper (adj);
  return model ? g_list_model_get_n_items (model) : 0;
}

static gboolean
finish_startup (gpointer data)
{
  Startup *s = data;
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "\"mode\": \"%s\", \"t_main\": %" G_GINT64_FORMAT
                          ", \"t_startup\": %" G_GINT64_FORMAT ", \"t_activate\": %" G_GINT64_FORMAT
                          ", \"t_paint\": %" G_GINT64_FORMAT,
                          s->mode, t_main, s->t_startup, s->t_activate, s->t_paint);
  g_string_append_printf (json, ", \"rss_after_frame_kib\": %ld", peak_rss_kib ());

  if (s->scroll)
    {
      guint steps = 0;
      double end = 0;
      guint rows = scroll_contacts (s, &steps, &end);

      /* let the last rows settle */
      wait_frame (s, 250);
      g_string_append_printf (json, ", \"rows\": %u, \"scroll_steps\": %u, \"end_gap_px\": %.1f", rows, steps, end);
    }

  g_string_append_printf (json, ", \"peak_rss_kib\": %ld, \"rss_kib\": %ld", peak_rss_kib (), current_rss_kib ());
  emit (json);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (s->window)), s->paint_handler);
  g_application_quit (s->app);
  return G_SOURCE_REMOVE;
}

static int
run_startup (const char *mode)
{
  g_autoptr(GApplication) app = NULL;
  Startup s = { 0 };
  char *argv[] = { (char *)"rapport", NULL };

  s.mode = mode;
  s.scroll = g_str_equal (mode, "memory");

  if (g_str_equal (mode, "bare"))
    {
      adw_init ();
      app = G_APPLICATION (adw_application_new ("io.github.rapportapp.RapportBenchBare", G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (app, "activate", G_CALLBACK (on_activate_bare), &s);
    }
  else
    {
      app = G_APPLICATION (rapport_application_new ());
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &s);
      g_signal_connect (app, "activate", G_CALLBACK (on_activate), &s);
    }
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), &s);
  s.app = app;

  return g_application_run (app, 1, argv);
}

/* ------------------------------------------------------------------ */
/* Search as you type                                                  */

static int
run_search (const char *path,
            int         reps)
{
  /* What a person types into the contact list's search box */
  static const char *queries[] = { "maria garcia", "northwind", "product manager" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContactList) list = NULL;
  g_autoptr(GArray) typed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cleared = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) hits = g_string_new (NULL);
  gint64 t0;
  double initial;
  long rss_before;

  store = rapport_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* Each time includes reading the list's length, as the list view does:
   * a list asks the store only once it is read. */
  t0 = g_get_monotonic_time ();
  list = rapport_contact_list_new (store);
  g_list_model_get_n_items (G_LIST_MODEL (list));
  initial = (g_get_monotonic_time () - t0) / 1000.0;
  rss_before = current_rss_kib ();

  for (int rep = 0; rep < reps; rep++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *query = queries[q];

        for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
          {
            g_autofree char *prefix = g_strndup (query, end - query);
            double ms;

            t0 = g_get_monotonic_time ();
            rapport_contact_list_set_search (list, prefix);
            g_list_model_get_n_items (G_LIST_MODEL (list));
            ms = (g_get_monotonic_time () - t0) / 1000.0;
            g_array_append_val (typed, ms);
            if (rep == 0)
              g_string_append_printf (hits, "%s\"%s\": %u", hits->len ? ", " : "", prefix,
                                      g_list_model_get_n_items (G_LIST_MODEL (list)));
            if (*end == '\0')
              break;
          }

        /* Escape empties the box: the whole list comes back. */
        t0 = g_get_monotonic_time ();
        rapport_contact_list_set_search (list, NULL);
        g_list_model_get_n_items (G_LIST_MODEL (list));
        {
          double ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (cleared, ms);
        }
      }

  g_string_append_printf (json, "\"mode\": \"search\", \"contacts\": %u, \"initial_ms\": %.3f",
                          rapport_store_count_contacts (store), initial);
  /* The first key reads the texts that all later keys search (they are
   * in keystroke_ms as well), and the memory they take stays while the
   * search is in use. */
  g_string_append_printf (json, ", \"first_keystroke_ms\": %.3f, \"rss_growth_while_searching_kib\": %ld",
                          typed->len ? g_array_index (typed, double, 0) : 0.0, current_rss_kib () - rss_before);
  append_samples (json, "keystroke_ms", typed);
  append_samples (json, "clear_ms", cleared);

  /* What the app does when the search box gets the focus: the texts are
   * read in a thread, and the first key finds them in memory. Timed on a
   * list of its own: how long the reading takes, the longest the main
   * loop waited meanwhile, then the first key. */
  {
    g_autoptr(RapportContactList) ahead = rapport_contact_list_new (store);
    gboolean busy = TRUE;
    gint64 last, gap = 0;

    g_list_model_get_n_items (G_LIST_MODEL (ahead));
    t0 = last = g_get_monotonic_time ();
    rapport_contact_list_prepare_search (ahead);
    while (busy)
      {
        gint64 now;

        g_main_context_iteration (NULL, FALSE);
        g_usleep (500);
        now = g_get_monotonic_time ();
        gap = MAX (gap, now - last);
        last = now;
        rapport_contact_list_get_search_prepared (ahead, &busy);
      }
    g_string_append_printf (json, ", \"read_ahead_ms\": %.3f, \"read_ahead_longest_gap_ms\": %.3f",
                            (g_get_monotonic_time () - t0) / 1000.0, gap / 1000.0);
    t0 = g_get_monotonic_time ();
    rapport_contact_list_set_search (ahead, "m");
    g_list_model_get_n_items (G_LIST_MODEL (ahead));
    g_string_append_printf (json, ", \"first_keystroke_after_focus_ms\": %.3f",
                            (g_get_monotonic_time () - t0) / 1000.0);
  }
  g_string_append_printf (json, ", \"hits\": {%s}", hits->str);
  emit (json);
  return 0;
}

/* ------------------------------------------------------------------ */
/* LinkedIn import                                                     */

typedef struct
{
  gboolean done;
  gboolean ok;
  guint    pad;
  gint64   last;
} ImportWait;

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ImportWait *wait = data;
  g_autoptr(GError) error = NULL;

  wait->ok = rapport_store_import_finish (RAPPORT_STORE (source), result, NULL, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  wait->done = TRUE;
}

static int
run_import (const char *csv,
            const char *db,
            gboolean    with_list)
{
#ifdef HAVE_CSV
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContactList) list = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *data = NULL;
  gsize length;
  gint64 t0, t1, t2;
  gint64 max_gap = 0;

  store = rapport_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* The contact list of the window listens to every change. */
  if (with_list)
    {
      list = rapport_contact_list_new (store);
      g_list_model_get_n_items (G_LIST_MODEL (list));   /* read, as shown */
    }

  t0 = g_get_monotonic_time ();
  if (!g_file_get_contents (csv, &data, &length, &error))
    g_error ("%s", error->message);
  contacts = rapport_linkedin_parse (data, length, &rejected, &error);
  if (contacts == NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();

  /* The import dialog's own path: one transaction in a worker thread,
   * while this thread keeps running its main loop. */
  {
    ImportWait wait = { FALSE, FALSE, 0, g_get_monotonic_time () };

    rapport_store_import_async (store, contacts, RAPPORT_DUPLICATES_SKIP, FALSE, NULL,
                                NULL, NULL, on_import_done, &wait);
    while (!wait.done)
      {
        gint64 now;

        g_main_context_iteration (NULL, TRUE);
        now = g_get_monotonic_time ();
        max_gap = MAX (max_gap, now - wait.last);
        wait.last = now;
      }
    if (!wait.ok)
      g_error ("The import failed");
  }
  t2 = g_get_monotonic_time ();

  g_string_append_printf (json, "\"mode\": \"import\", \"rows\": %u, \"rejected\": %u, \"with_list\": %s,"
                          " \"parse_ms\": %.3f, \"store_ms\": %.3f, \"total_ms\": %.3f, \"stored\": %u,"
                          " \"longest_main_loop_gap_ms\": %.3f",
                          contacts->len, rejected ? rejected->len : 0, with_list ? "true" : "false",
                          (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t2 - t0) / 1000.0,
                          rapport_store_count_contacts (store), max_gap / 1000.0);
  emit (json);
  return 0;
#else
  g_printerr ("Built without src/io/rapport-csv.h\n");
  return 77;
#endif
}

/* ------------------------------------------------------------------ */
/* Prep sheet to PDF                                                   */

static int
run_prep (const char *dir,
          int         n_questions,
          int         reps)
{
#ifdef HAVE_PRINT
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportContact) contact = rapport_contact_new ("María García");
  g_autoptr(RapportAppointment) meeting = NULL;
  g_autoptr(RapportInterview) interview = NULL;
  g_autoptr(GArray) questions = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *db = g_build_filename (dir, "prep.db", NULL);
  g_autofree char *pdf = g_strdup_printf ("%s/prep-%d.pdf", dir, n_questions);
  gint64 appointment_id, t0;
  double cold = 0;
  int pages = 0;

  gtk_init ();

  store = rapport_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  rapport_contact_set_organization (contact, "Northwind Health");
  rapport_contact_set_job_title (contact, "Registered Nurse");
  if (!rapport_store_add_contact (store, contact, &error))
    g_error ("%s", error->message);
  meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (contact)));
  rapport_appointment_set_start (meeting, g_get_real_time () / G_USEC_PER_SEC + 3 * 24 * 3600);
  rapport_appointment_set_status (meeting, RAPPORT_STATUS_CONFIRMED);
  rapport_appointment_set_place (meeting, "Café on Main Street");
  if (!rapport_store_add_appointment (store, meeting, &error))
    g_error ("%s", error->message);
  appointment_id = rapport_record_get_id (RAPPORT_RECORD (meeting));
  interview = rapport_store_get_interview (store, appointment_id, &error);
  if (interview == NULL)
    g_error ("%s", error->message);
  rapport_interview_set_goals (interview, "Learn how she moved from the floor into management, "
                                          "and which certifications matter for the first job.");
  if (!rapport_store_save_interview (store, interview, &error))
    g_error ("%s", error->message);

  /* The bank plus questions of the student's own, up to @n_questions */
  questions = rapport_store_list_questions (store, FALSE, &error);
  for (int i = questions->len; i < n_questions; i++)
    {
      g_autoptr(RapportQuestion) q = NULL;
      g_autofree char *text = g_strdup_printf ("My own question %d: what would you tell someone who is "
                                               "starting out in this field about the first year?", i + 1);
      q = g_object_new (RAPPORT_TYPE_QUESTION, "category", i % RAPPORT_N_CATEGORIES, "text", text, NULL);
      if (!rapport_store_add_question (store, q, &error))
        g_error ("%s", error->message);
    }
  g_clear_pointer (&questions, g_array_unref);
  questions = rapport_store_list_questions (store, FALSE, &error);
  for (int i = 0; i < n_questions && i < (int)questions->len; i++)
    {
      g_autoptr(RapportQuestion) q = rapport_store_get_question (store, g_array_index (questions, gint64, i));
      g_autoptr(RapportPrompt) p = rapport_store_add_prompt (store, interview, q, &error);

      if (p == NULL)
        g_error ("%s", error->message);
    }

  for (int rep = 0; rep <= reps; rep++)
    {
      g_autoptr(RapportPrepSheet) sheet = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      sheet = rapport_prep_sheet_new (store, appointment_id, RAPPORT_SHEET_PREP);
      if (!rapport_prep_sheet_export_pdf (sheet, pdf, NULL, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      pages = rapport_prep_sheet_get_n_pages (sheet);
      /* The first export also loads fonts and the print backend. */
      if (rep == 0)
        cold = ms;
      else
        g_array_append_val (samples, ms);
    }

  g_string_append_printf (json, "\"mode\": \"prep\", \"questions\": %d, \"pages\": %d, \"cold_ms\": %.3f",
                          n_questions, pages, cold);
  append_samples (json, "export_ms", samples);
  emit (json);
  return 0;
#else
  g_printerr ("Built without src/print/rapport-prep-sheet.h\n");
  return 77;
#endif
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = argc > 1 ? argv[1] : "";

  t_main = g_get_monotonic_time ();

  if (g_str_equal (mode, "bare") || g_str_equal (mode, "startup") || g_str_equal (mode, "memory"))
    return run_startup (mode);
  if (g_str_equal (mode, "search") && argc == 4)
    return run_search (argv[2], atoi (argv[3]));
  if (g_str_equal (mode, "import") && argc >= 4)
    return run_import (argv[2], argv[3], argc > 4 && g_str_equal (argv[4], "list"));
  if (g_str_equal (mode, "prep") && argc == 5)
    return run_prep (argv[2], atoi (argv[3]), atoi (argv[4]));

  g_printerr ("Usage: %s bare|startup|memory | search DB REPS | import CSV DB [list] | prep DIR QUESTIONS REPS\n",
              argv[0]);
  return 2;
}
