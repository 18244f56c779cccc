/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rapport-prep-sheet.h"
#include "rapport-view-util.h"
#include "test-widget-util.h"

/* The sheets are exported to PDF and read back with poppler's tools, as an
 * independent reader: what pdftotext finds is what a printer would show. */

#define START 1796306400   /* 2026-12-03 14:00 UTC */
#define EDGE  30.0         /* no word closer to the paper's edge, in points */

typedef struct
{
  TestStore           ts;
  char               *out;
  RapportContact     *ada;
  RapportContact     *mary;
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

  test_store_init (&f->ts);
  f->out = g_dir_make_tmp ("rapport-print-XXXXXX", &error);
  g_assert_no_error (error);

  f->mary = rapport_contact_new ("Mary Somerville");
  g_assert_true (rapport_store_add_contact (f->ts.store, f->mary, &error));

  f->ada = rapport_contact_new ("Ada Lovelace");
  rapport_contact_set_job_title (f->ada, "Analytical engineer");
  rapport_contact_set_organization (f->ada, "Difference Engines Ltd");
  rapport_contact_set_email (f->ada, "ada@example.org");
  rapport_contact_set_source (f->ada, RAPPORT_SOURCE_ALUMNI);
  rapport_contact_set_source_detail (f->ada, "Class of 1833 list");
  rapport_contact_set_referred_by (f->ada, id_of (f->mary));
  g_assert_true (rapport_store_add_contact (f->ts.store, f->ada, &error));

  f->meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, id_of (f->ada));
  rapport_appointment_set_start (f->meeting, START);
  rapport_appointment_set_duration (f->meeting, 45);
  rapport_appointment_set_place (f->meeting, "Café Royal, 68 Regent Street");
  rapport_appointment_set_mode (f->meeting, RAPPORT_MODE_IN_PERSON);
  rapport_appointment_set_status (f->meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, f->meeting, &error));

  f->interview = rapport_store_get_interview (f->ts.store, id_of (f->meeting), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->out, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->out, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->out);
  g_free (f->out);

  g_clear_object (&f->interview);
  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  g_clear_object (&f->mary);
  test_store_clear (&f->ts);
}

/* Helpers */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static GtkPageSetup *
page_setup_for (const char *paper_name)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (paper_name);
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  return setup;
}

static char *
export (Fixture          *f,
        RapportPrepSheet *sheet,
        GtkPageSetup     *setup,
        const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (f->out, file, NULL);

  g_assert_true (rapport_prep_sheet_export_pdf (sheet, path, setup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_prep_sheet_get_n_pages (sheet), >=, 1);
  return path;
}

/* The sheet, and its page 1 as a picture, kept beside the build to look at */
static void
keep_picture (const char *pdf,
              const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *root = g_build_filename (dir ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, root, NULL };
  g_autofree char *out = run (argv);
  g_autofree char *png = g_strconcat (root, ".png", NULL);
  g_autofree char *copy = g_strconcat (root, ".pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);
}

/* The text, with every run of white space (line and page breaks
 * included) made one space, so wrapping does not matter. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = run (argv);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
}

static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at; at = strstr (at + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from the sheet:\n%s", needle, text);
}

/* The letters alone: pdftotext wraps right-to-left runs in direction marks
 * and may see a gap between joined Arabic letters as a space. */
static char *
letters (const char *text)
{
  GString *out = g_string_new ("");

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200e || c == 0x200f ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains_letters (const char *text,
                         const char *needle)
{
  g_autofree char *all = letters (text);
  g_autofree char *wanted = letters (needle);

  assert_contains (all, wanted);
}

static double
attr (const char *tag,
      const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* Every word lies inside the paper less EDGE points all round; returns the
 * page size of the first page. */
static void
assert_words_inside (const char *pdf,
                     double     *width,
                     double     *height)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = run (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  double w = 0, h = 0;
  guint words = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *tag = g_strstrip (lines[i]);

      if (g_str_has_prefix (tag, "<page "))
        {
          w = attr (tag, "width");
          h = attr (tag, "height");
          if (*width == 0)
            {
              *width = w;
              *height = h;
            }
        }
      else if (g_str_has_prefix (tag, "<word "))
        {
          double x_min = attr (tag, "xMin"), x_max = attr (tag, "xMax");
          double y_min = attr (tag, "yMin"), y_max = attr (tag, "yMax");

          if (x_min < EDGE || x_max > w - EDGE || y_min < EDGE || y_max > h - EDGE)
            g_error ("A word lies outside the margins of a %g × %g page: %s", w, h, tag);
          words++;
        }
    }
  g_assert_cmpuint (words, >, 10);
}

/* The last line of text in each page's body is never a heading: a heading
 * keeps with the question that follows it. */
static void
assert_no_lonely_heading (const char         *pdf,
                          const char * const *headings)
{
  const char *argv[] = { "pdftotext", "-bbox-layout", pdf, "-", NULL };
  g_autofree char *html = run (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  g_autoptr(GString) text = g_string_new ("");
  g_autofree char *last = NULL;
  double h = 0, y_max = 0, last_y = 0;
  gboolean in_line = FALSE;
  guint pages = 0;

  for (guint i = 0; lines[i]; i++)
    {
      const char *tag = g_strstrip (lines[i]);

      if (g_str_has_prefix (tag, "<page ") || g_str_has_prefix (tag, "</page>"))
        {
          if (last != NULL)
            {
              for (guint k = 0; headings[k]; k++)
                if (g_strcmp0 (last, headings[k]) == 0)
                  g_error ("Page %u ends with the heading “%s”", pages, last);
            }
          g_clear_pointer (&last, g_free);
          last_y = 0;
          if (g_str_has_prefix (tag, "<page "))
            {
              h = attr (tag, "height");
              pages++;
            }
        }
      else if (g_str_has_prefix (tag, "<line "))
        {
          in_line = TRUE;
          y_max = attr (tag, "yMax");
          g_string_truncate (text, 0);
        }
      else if (in_line && g_str_has_prefix (tag, "<word "))
        {
          const char *start = strchr (tag, '>') + 1;
          const char *end = strstr (start, "</word>");

          if (text->len)
            g_string_append_c (text, ' ');
          g_string_append_len (text, start, end - start);
        }
      else if (g_str_has_prefix (tag, "</line>"))
        {
          in_line = FALSE;
          /* The footer sits in the bottom margin, well below the body. */
          if (y_max < h - 80 && y_max > last_y)
            {
              g_free (last);
              last = g_strdup (text->str);
              last_y = y_max;
            }
        }
    }
  g_assert_cmpuint (pages, >, 1);
}

static RapportQuestion *
question_by_key (Fixture    *f,
                 const char *key)
{
  g_autoptr(GArray) ids = rapport_store_list_questions (f->ts.store, TRUE, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      RapportQuestion *q = rapport_store_get_question (f->ts.store, g_array_index (ids, gint64, i));

      if (g_strcmp0 (rapport_question_get_key (q), key) == 0)
        return q;
      g_object_unref (q);
    }
  g_assert_not_reached ();
}

static char *
pick (Fixture         *f,
      RapportQuestion *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportPrompt) prompt = rapport_store_add_prompt (f->ts.store, f->interview, q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prompt);
  return rapport_question_dup_display_text (q);
}

static void
pick_many (Fixture *f,
           guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("What did milestone %02u teach you about this work?", i);
      g_autoptr(RapportQuestion) q = g_object_new (RAPPORT_TYPE_QUESTION,
                                                   "category", i % RAPPORT_N_CATEGORIES,
                                                   "text", text, NULL);
      g_autofree char *picked = NULL;

      g_assert_true (rapport_store_add_question (f->ts.store, q, &error));
      picked = pick (f, q);
    }
}

/* Tests */

static void
test_prep_content (Fixture       *f,
                   gconstpointer  data)
{
  const char *keys[] = { "path-start", "salary-range", "refer-others" };
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = rapport_view_format_day (START);
  g_autofree char *time = rapport_view_format_time (START, NULL);
  g_autofree char *due = rapport_view_format_when (START + 45 * 60 + 24 * 60 * 60);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autofree char *their_time = rapport_view_format_time (START, new_york);
  g_autofree char *their_when = g_strdup_printf ("%s–", their_time);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(RapportQuestion) q = question_by_key (f, keys[i]);
      g_ptr_array_add (questions, pick (f, q));
    }
  rapport_interview_set_goals (f->interview, "Learn how people get into computing");
  rapport_interview_set_checklist (f->interview, RAPPORT_HINT_NOTEBOOK);
  rapport_appointment_set_their_timezone (f->meeting, "America/New_York");

  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  g_assert_cmpstr (rapport_prep_sheet_get_title (sheet), ==, "Prep sheet for Ada Lovelace");
  pdf = export (f, sheet, NULL, "prep");
  text = pdf_text (pdf);

  assert_contains (text, "Ada Lovelace");
  assert_contains (text, "Analytical engineer");
  assert_contains (text, "Difference Engines Ltd");
  assert_contains (text, day);
  assert_contains (text, time);
  assert_contains (text, "45 minutes");
  assert_contains (text, their_when);
  assert_contains (text, "their time (America/New_York)");
  assert_contains (text, "In person");
  assert_contains (text, "Café Royal, 68 Regent Street");
  assert_contains (text, "Class of 1833 list");
  assert_contains (text, "Mary Somerville");
  assert_contains (text, "Learn how people get into computing");
  for (guint i = 0; i < questions->len; i++)
    assert_contains (text, g_ptr_array_index (questions, i));
  for (guint i = 0; i < RAPPORT_N_HINTS; i++)
    assert_contains (text, rapport_hint_get_label (1u << i));
  assert_contains (text, due);
  assert_contains (text, "Page 1 of");
  assert_contains (text, "Prepared with Rapport");

  keep_picture (pdf, "print-prep");
}

static void
test_prep_long (Fixture       *f,
                gconstpointer  data)
{
  /* ("Notes" is followed by blank lines only, which have no text.) */
  const char *headings[RAPPORT_N_CATEGORIES + 4] = {
    "Your goals", "Questions", "Before you go",
  };
  const char *papers[] = { GTK_PAPER_NAME_A4, GTK_PAPER_NAME_LETTER };

  for (guint c = 0; c < RAPPORT_N_CATEGORIES; c++)
    headings[3 + c] = rapport_category_get_label (c);

  pick_many (f, 60);

  /* Goals of a few lengths shift where the pages break. */
  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (guint lines = 0; lines < 4; lines++)
      {
        g_autoptr(GtkPageSetup) setup = page_setup_for (papers[p]);
        g_autoptr(GString) goals = g_string_new ("Understand the field.");
        g_autoptr(RapportPrepSheet) sheet = NULL;
        g_autofree char *name = g_strdup_printf ("long-%u-%u", p, lines);
        g_autofree char *pdf = NULL;
        g_autofree char *text = NULL;

        for (guint i = 0; i < lines * 8; i++)
          g_string_append (goals, " Meet people who do the work every day.");
        rapport_interview_set_goals (f->interview, goals->str);

        sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
        pdf = export (f, sheet, setup, name);
        text = pdf_text (pdf);

        g_assert_cmpint (pdf_pages (pdf), >, 1);
        g_assert_cmpint (pdf_pages (pdf), ==, rapport_prep_sheet_get_n_pages (sheet));
        for (guint i = 0; i < 60; i++)
          {
            g_autofree char *cue = g_strdup_printf ("milestone %02u teach", i);
            g_assert_cmpuint (count (text, cue), ==, 1);
          }
        for (int page = 1; page <= pdf_pages (pdf); page++)
          {
            g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, pdf_pages (pdf));
            g_assert_cmpuint (count (text, footer), ==, 1);
          }
        assert_no_lonely_heading (pdf, headings);

        if (p == 0 && lines == 0)
          keep_picture (pdf, "print-long");
      }
}

static gboolean
count_emission (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               data)
{
  guint *calls = data;

  (*calls)++;
  return TRUE;
}

static void
test_paginate_in_steps (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->out, "steps.pdf", NULL);
  guint paginate = g_signal_lookup ("paginate", GTK_TYPE_PRINT_OPERATION);
  guint calls = 0;
  gulong hook;

  pick_many (f, 60);
  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  operation = rapport_prep_sheet_create_operation (sheet, NULL);
  /* The first handler's answer ends an emission: count with a hook. */
  hook = g_signal_add_emission_hook (paginate, 0, count_emission, &calls, NULL);

  /* The sheet holds no state the caller must keep: the operation refs it. */
  g_clear_object (&sheet);

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_signal_remove_emission_hook (paginate, hook);

  /* 60 questions are far more blocks than one step lays out. */
  g_assert_cmpuint (calls, >, 3);
  g_assert_cmpint (pdf_pages (pdf), >, 1);
}

/* The in-app preview draws the very pages that print: as many, the same
 * size, each with something on it, the footer where the PDF has it. */
static void
test_preview_pages (Fixture       *f,
                    gconstpointer  data)
{
  const char *papers[] = { GTK_PAPER_NAME_A4, GTK_PAPER_NAME_LETTER };

  pick_many (f, 60);
  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(GtkPageSetup) setup = page_setup_for (papers[p]);
      g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *name = g_strdup_printf ("preview-%u", p);
      g_autofree char *pdf = NULL;
      double width = 0, height = 0;

      pages = rapport_prep_sheet_render_pages (sheet, setup, &width, &height, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pages);
      g_assert_cmpfloat_with_epsilon (width, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS), 0.5);
      g_assert_cmpfloat_with_epsilon (height, gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), 0.5);

      pdf = export (f, sheet, setup, name);
      g_assert_cmpint (pages->len, ==, pdf_pages (pdf));
      g_assert_cmpuint (pages->len, >, 1);

      for (guint i = 0; i < pages->len; i++)
        {
          double x, y, w, h;

          cairo_recording_surface_ink_extents (g_ptr_array_index (pages, i), &x, &y, &w, &h);
          /* text from the top margin to the footer, inside the paper */
          g_assert_cmpfloat (w, >, width / 2);
          g_assert_cmpfloat (h, >, height / 2);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (x + w, <=, width);
          g_assert_cmpfloat (y + h, <=, height);
        }
    }
}

static void
test_paper_sizes (Fixture       *f,
                  gconstpointer  data)
{
  struct { const char *paper; double width, height; } papers[] = {
    { GTK_PAPER_NAME_A4, 595.3, 841.9 },
    { GTK_PAPER_NAME_LETTER, 612, 792 },
  };

  pick_many (f, 30);
  rapport_interview_set_goals (f->interview, "Find out whether a small firm or a large one suits me better.");

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(GtkPageSetup) setup = page_setup_for (papers[i].paper);
      g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
      g_autofree char *pdf = export (f, sheet, setup, papers[i].paper);
      double width = 0, height = 0;

      assert_words_inside (pdf, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, papers[i].width, 1);
      g_assert_cmpfloat_with_epsilon (height, papers[i].height, 1);
      if (i == 1)
        keep_picture (pdf, "print-letter");
    }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  g_autofree char *pdf = export (f, sheet, NULL, "empty");
  g_autofree char *text = pdf_text (pdf);

  assert_contains (text, "No questions picked yet");
  assert_contains (text, "No goals written yet");
  assert_contains (text, "Ada Lovelace");
  assert_contains (text, "Page 1 of 1");
  g_assert_cmpint (rapport_prep_sheet_get_n_pages (sheet), ==, 1);
  keep_picture (pdf, "print-empty");
}

static void
test_long_goals (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) goals = g_string_new ("");
  g_autoptr(GString) link = g_string_new ("https://meet.example.org/");
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  double width = 0, height = 0;
  guint n_words = 0;

  while (goals->len < 5000)
    {
      g_string_append_printf (goals, "goal%03u ", n_words++);
      if (n_words % 40 == 0)
        g_string_append (goals, "\n\n");
    }
  rapport_interview_set_goals (f->interview, goals->str);

  /* A link far wider than the page must wrap, not run off it. */
  for (guint i = 0; i < 30; i++)
    g_string_append (link, "abcdefghij");
  rapport_appointment_set_place (f->meeting, link->str);
  rapport_appointment_set_mode (f->meeting, RAPPORT_MODE_VIDEO);
  rapport_contact_set_organization (f->ada, "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");

  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  pdf = export (f, sheet, NULL, "long-goals");
  text = pdf_text (pdf);

  keep_picture (pdf, "print-long-goals");
  g_assert_cmpint (pdf_pages (pdf), >, 1);
  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *word = g_strdup_printf ("goal%03u", i);
      g_assert_cmpuint (count (text, word), ==, 1);
    }
  assert_words_inside (pdf, &width, &height);
}

static void
test_scripts (Fixture       *f,
              gconstpointer  data)
{
  struct { const char *name; const char *organization; const char *goal; } people[] = {
    { "سمير حداد", "جامعة القاهرة", "أريد أن أفهم طبيعة العمل" },
    { "王小明", "北京大学", "了解这个行业的日常工作和职业发展路径" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapportPrepSheet) sheet = NULL;
      g_autofree char *name = g_strdup_printf ("script-%u", i);
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;
      double width = 0, height = 0;

      rapport_contact_set_name (f->ada, people[i].name);
      rapport_contact_set_organization (f->ada, people[i].organization);
      rapport_interview_set_goals (f->interview, people[i].goal);

      sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
      pdf = export (f, sheet, NULL, name);
      text = pdf_text (pdf);
      keep_picture (pdf, i == 0 ? "print-arabic" : "print-chinese");

      assert_contains (text, people[i].name);
      assert_contains_letters (text, people[i].organization);
      assert_contains_letters (text, people[i].goal);
      assert_words_inside (pdf, &width, &height);
    }
}

/* In a right-to-left language the whole sheet is mirrored. */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportQuestion) q = question_by_key (f, "path-start");
  g_autofree char *question = pick (f, q);
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  double width = 0, height = 0;

  rapport_contact_set_name (f->ada, "سمير حداد");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  pdf = export (f, sheet, NULL, "rtl");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  text = pdf_text (pdf);
  keep_picture (pdf, "print-rtl");

  assert_contains (text, "سمير حداد");
  assert_contains_letters (text, question);
  assert_words_inside (pdf, &width, &height);
}

static void
test_worksheet (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportPrepSheet) blank = rapport_prep_sheet_new (f->ts.store, 0, RAPPORT_SHEET_WORKSHEET);
  g_autoptr(RapportPrepSheet) named = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_WORKSHEET);
  g_autofree char *pdf = export (f, blank, NULL, "worksheet");
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *named_pdf = export (f, named, NULL, "worksheet-named");
  g_autofree char *named_text = pdf_text (named_pdf);
  double width = 0, height = 0;

  g_assert_cmpint (rapport_prep_sheet_get_kind (blank), ==, RAPPORT_SHEET_WORKSHEET);
  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      g_assert_cmpuint (count (text, rapport_topic_get_question (t)), ==, 1);
      g_assert_cmpuint (count (named_text, rapport_topic_get_question (t)), ==, 1);
    }
  assert_contains (text, "Evaluation worksheet");
  assert_contains (text, "Not yet");
  g_assert_null (strstr (text, "Ada Lovelace"));
  assert_contains (named_text, "Ada Lovelace");
  assert_words_inside (pdf, &width, &height);
  keep_picture (pdf, "print-worksheet");
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RapportQuestion) salary = question_by_key (f, "salary-range");
  g_autoptr(RapportQuestion) start = question_by_key (f, "path-start");
  g_autoptr(RapportPrompt) salary_prompt = NULL;
  g_autoptr(RapportPrompt) start_prompt = NULL;
  g_autoptr(RapportContact) charles = NULL;
  g_autoptr(RapportActionItem) item = NULL;
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *salary_text = rapport_question_dup_display_text (salary);
  g_autofree char *start_text = rapport_question_dup_display_text (start);

  salary_prompt = rapport_store_add_prompt (f->ts.store, f->interview, salary, &error);
  start_prompt = rapport_store_add_prompt (f->ts.store, f->interview, start, &error);
  g_assert_no_error (error);
  rapport_prompt_set_notes (salary_prompt, "Beginners earn 35–42k to start");
  rapport_prompt_set_notes (start_prompt, "Started as an intern at the observatory");
  rapport_interview_set_notebook (f->interview, "Bring the punched cards next time");

  charles = rapport_store_add_referral (f->ts.store, f->interview, "Charles Babbage", "Difference Engines",
                                        "charles@example.org", &error);
  g_assert_no_error (error);
  item = g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                       "interview-id", id_of (f->interview),
                       "kind", RAPPORT_ACTION_SEND_RESUME,
                       "text", "Send my résumé to Ada",
                       "due", (gint64)START + 3 * 24 * 60 * 60, NULL);
  g_assert_true (rapport_store_add_action_item (f->ts.store, item, &error));

  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_SUMMARY);
  pdf = export (f, sheet, NULL, "summary");
  text = pdf_text (pdf);

  assert_contains (text, "Ada Lovelace");
  assert_contains (text, "Beginners earn 35–42k to start");
  assert_contains (text, "Started as an intern at the observatory");
  assert_contains (text, salary_text);
  assert_contains (text, start_text);
  assert_contains (text, "Bring the punched cards next time");
  assert_contains (text, "Charles Babbage");
  assert_contains (text, "Send my résumé to Ada");
  assert_contains (text, "Evaluation: not yet done");
  keep_picture (pdf, "print-summary");
}

static void
test_summary_evaluated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportPrepSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  gint64 id = id_of (f->interview);

  g_assert_true (rapport_store_set_answer (f->ts.store, id, RAPPORT_TOPIC_ENJOY_ROLE, RAPPORT_ANSWER_YES,
                                           "Building machines all day", 4, &error));
  g_assert_true (rapport_store_set_answer (f->ts.store, id, RAPPORT_TOPIC_SALARY_RANGE, RAPPORT_ANSWER_PARTLY,
                                           "", 0, &error));
  g_assert_true (rapport_store_set_answer (f->ts.store, id, RAPPORT_TOPIC_QUALIFIED, RAPPORT_ANSWER_NOT_YET,
                                           "", 0, &error));
  g_assert_true (rapport_store_set_evaluated (f->ts.store, id, START + 2 * 60 * 60, &error));
  g_assert_no_error (error);

  sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_SUMMARY);
  pdf = export (f, sheet, NULL, "summary-evaluated");
  text = pdf_text (pdf);
  keep_picture (pdf, "print-summary-evaluated");

  /* Real answers, never invented: "not yet" does not count. */
  assert_contains (text, "You can answer 2 of 11 questions");
  assert_contains (text, "Yes · 4 of 5: Building machines all day");
  assert_contains (text, rapport_topic_get_question (RAPPORT_TOPIC_SALARY_RANGE));
  assert_contains (text, "Partly");
  g_assert_null (strstr (text, "not yet done"));
}

static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RapportPrepSheet) sheet = rapport_prep_sheet_new (f->ts.store, id_of (f->meeting), RAPPORT_SHEET_PREP);
  g_autofree char *path = g_build_filename (f->out, "no-such-folder", "prep.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_prep_sheet_export_pdf (sheet, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/print/prep-sheet/content", test_prep_content);
  ADD ("/print/prep-sheet/long", test_prep_long);
  ADD ("/print/prep-sheet/paginate-in-steps", test_paginate_in_steps);
  ADD ("/print/prep-sheet/paper-sizes", test_paper_sizes);
  ADD ("/print/prep-sheet/preview-pages", test_preview_pages);
  ADD ("/print/prep-sheet/empty", test_empty);
  ADD ("/print/prep-sheet/long-goals", test_long_goals);
  ADD ("/print/prep-sheet/scripts", test_scripts);
  ADD ("/print/prep-sheet/right-to-left", test_right_to_left);
  ADD ("/print/worksheet", test_worksheet);
  ADD ("/print/summary", test_summary);
  ADD ("/print/summary-evaluated", test_summary_evaluated);
  ADD ("/print/export-error", test_export_error);
#undef ADD

  return g_test_run ();
}
