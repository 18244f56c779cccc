/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rapport-contact-list.h"
#include "rapport-interview-view.h"
#include "rapport-interviews-page.h"
#include "rapport-sheet-preview.h"
#include "rapport-comparison-item.h"
#include "rapport-evaluation-dialog.h"
#include "rapport-evaluations-page.h"
#include "rapport-thank-you-dialog.h"
#include "rapport-window.h"
#include "test-widget-util.h"

typedef struct
{
  TestStore              ts;
  RapportWindow         *window;
  RapportInterviewsPage *page;
  RapportInterviewView  *view;
  RapportContact        *ada;
  RapportAppointment    *meeting;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_store_init (&f->ts);
  f->ada = rapport_contact_new ("Ada Lovelace");
  g_assert_true (rapport_store_add_contact (f->ts.store, f->ada, NULL));
  f->meeting = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  rapport_appointment_set_start (f->meeting, g_get_real_time () / G_USEC_PER_SEC - 3600);
  rapport_appointment_set_status (f->meeting, RAPPORT_STATUS_CONFIRMED);
  g_assert_true (rapport_store_add_appointment (f->ts.store, f->meeting, NULL));

  f->window = rapport_window_new (NULL, f->ts.store, NULL);
  f->page = RAPPORT_INTERVIEWS_PAGE (rapport_window_get_page (RAPPORT_WINDOW (f->window), "interviews"));
  f->view = RAPPORT_INTERVIEW_VIEW (test_child (f->page, RAPPORT_TYPE_INTERVIEWS_PAGE, "view"));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_assert_finalized (f->window, FALSE);
  test_spin (10);
  g_clear_object (&f->meeting);
  g_clear_object (&f->ada);
  test_store_clear (&f->ts);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return test_child (f->view, RAPPORT_TYPE_INTERVIEW_VIEW, name);
}

static RapportQuestion *
question (Fixture    *f,
          const char *key)
{
  g_autoptr(GArray) ids = rapport_store_list_questions (f->ts.store, FALSE, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      RapportQuestion *q = rapport_store_get_question (f->ts.store, g_array_index (ids, gint64, i));
      if (g_strcmp0 (rapport_question_get_key (q), key) == 0)
        return q;
      g_object_unref (q);
    }
  g_assert_not_reached ();
}

static guint
n_rows (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

/* The notes fields of the guided view, in order. */
static GPtrArray *
notes_views (Fixture *f)
{
  GPtrArray *views = g_ptr_array_new ();

  for (GtkWidget *w = gtk_widget_get_first_child (child (f, "cues_box")); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TEXT_VIEW (w))
      g_ptr_array_add (views, w);
  return views;
}

static gboolean
nothing_pending (gpointer data)
{
  return !rapport_store_has_pending (data);
}

static void
test_prepare_hold_and_record (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportQuestion) salary = question (f, "salary-range");
  g_autoptr(RapportQuestion) path = question (f, "path-start");
  g_autoptr(RapportQuestion) refer = question (f, "refer-others");
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GArray) prompts = NULL;
  g_autoptr(RapportContactList) referred = rapport_contact_list_new (f->ts.store);
  RapportInterview *interview;
  GtkListBox *coverage;
  g_autofree char *stored = NULL;

  /* Opens from the appointment (win.show-interview). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-interview", "x",
                                             rapport_record_get_id (RAPPORT_RECORD (f->meeting))));
  interview = rapport_interview_view_get_interview (f->view);
  g_assert_nonnull (interview);

  /* Prepare: goals, three questions picked in this order, one hint ticked. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, "goals_view"))),
                            "Learn how people start in computing", -1);
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", salary);
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", path);
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", refer);
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (child (f, "prompts_list"))), ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "prompts_list")), 0))),
                   ==, "What salary range is usual for someone starting in this field?");

  /* Notes: the cues are grouped by category (career path before salary). */
  rapport_interview_view_show_notes (f->view);
  views = notes_views (f);
  g_assert_cmpuint (views->len, ==, 3);
  coverage = GTK_LIST_BOX (child (f, "coverage_list"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (coverage, RAPPORT_TOPIC_SALARY_RANGE))),
                   ==, "Still open");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 1)), "35–42k to start", -1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (coverage, RAPPORT_TOPIC_SALARY_RANGE))),
                   ==, "Touched in your notes");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, "notebook_view"))),
                            "Lovely office; ask about the mentoring scheme", -1);

  /* Saved without a Save button. */
  test_wait_until (nothing_pending, f->ts.store);
  prompts = rapport_store_list_prompts (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
  stored = test_read_back (f->ts.path, "SELECT group_concat(notes, '|') FROM prompts WHERE interview_id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (interview)));
  g_assert_nonnull (strstr (stored, "35–42k to start"));
  g_clear_pointer (&stored, g_free);
  stored = test_read_back (f->ts.path, "SELECT notebook || '|' || goals FROM interviews WHERE id = ?",
                           rapport_record_get_id (RAPPORT_RECORD (interview)));
  g_assert_cmpstr (stored, ==, "Lovely office; ask about the mentoring scheme|Learn how people start in computing");

  /* Quick capture: a referral and an action item, without leaving the view. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "referral_name_row")), "Charles Babbage");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "referral_reach_row")), "charles@example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.add-referral", NULL));
  rapport_contact_list_set_referred_by (referred, rapport_record_get_id (RAPPORT_RECORD (f->ada)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (referred)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "referral_name_row"))), ==, "");

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "action_kind_row")), RAPPORT_ACTION_SEND_RESUME);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "action_text_row")), "Send my résumé");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (f, "action_due_spin")), 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.add-action", NULL));
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (child (f, "actions_list"))), ==, 1);

  /* An empty action item is refused and adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.add-action", NULL));
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (child (f, "actions_list"))), ==, 1);
  g_assert_true (gtk_widget_has_css_class (child (f, "action_text_row"), "error"));

  gtk_switch_set_active (GTK_SWITCH (child (f, "card_switch")), TRUE);
  g_assert_true (rapport_interview_get_got_card (interview));

  /* Held: appointment held, contact met. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.mark-held", NULL));
  g_assert_cmpint (rapport_appointment_get_status (f->meeting), ==, RAPPORT_STATUS_HELD);
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_MET);
}

static void
test_reorder_and_remove (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportQuestion) a = question (f, "day-describe");
  g_autoptr(RapportQuestion) b = question (f, "env-team");
  GtkListBox *list;

  rapport_interviews_page_select_appointment (f->page, rapport_record_get_id (RAPPORT_RECORD (f->meeting)));
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", a);
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", b);
  g_signal_emit_by_name (child (f, "question_picker"), "question-picked", a);  /* no duplicate */
  list = GTK_LIST_BOX (child (f, "prompts_list"));
  g_assert_cmpuint (n_rows (list), ==, 2);

  /* The second row's first button moves it up. */
  {
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
    GtkWidget *w = row;
    GPtrArray *buttons = g_ptr_array_new ();

    /* collect the buttons of the row in order */
    while (w != NULL)
      {
        if (GTK_IS_BUTTON (w))
          g_ptr_array_add (buttons, w);
        if (gtk_widget_get_first_child (w) != NULL && !GTK_IS_BUTTON (w))
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != row && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == row ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_cmpuint (buttons->len, ==, 3);
    g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
    g_ptr_array_unref (buttons);
  }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Do you mostly work alone or in a team?");
}

static void
test_thank_you_note (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RapportQuestion) day = question (f, "day-describe");
  g_autoptr(RapportPrompt) prompt = NULL;
  g_autoptr(RapportActionItem) item = NULL;
  g_autoptr(GArray) items = NULL;
  RapportInterview *interview;
  RapportThankYouDialog *dialog = NULL;
  g_autofree char *text = NULL;
  GListModel *toplevels;

  rapport_interviews_page_select_appointment (f->page, rapport_record_get_id (RAPPORT_RECORD (f->meeting)));
  interview = rapport_interview_view_get_interview (f->view);
  prompt = rapport_store_add_prompt (f->ts.store, interview, day, NULL);
  rapport_prompt_set_notes (prompt, "Mornings in the lab. Afternoons with clients");
  item = g_object_new (RAPPORT_TYPE_ACTION_ITEM, "interview-id", rapport_record_get_id (RAPPORT_RECORD (interview)),
                       "kind", RAPPORT_ACTION_JOIN_ASSOCIATION, "text", "Join the computing society", NULL);
  g_assert_true (rapport_store_add_action_item (f->ts.store, item, NULL));

  /* After Mark as Held, the next step is the thank-you note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.mark-held", NULL));
  g_assert_true (gtk_widget_get_visible (child (f, "thank_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "held_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.thank", NULL));

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (RAPPORT_IS_THANK_YOU_DIALOG (w))
        dialog = RAPPORT_THANK_YOU_DIALOG (w);
    }
  g_assert_nonnull (dialog);

  text = rapport_thank_you_dialog_dup_text (dialog);
  g_assert_true (g_str_has_prefix (text, "Dear Ada Lovelace,"));
  g_assert_nonnull (strstr (text, "what you said about Mornings in the lab."));
  g_assert_nonnull (strstr (text, "my next step is to join the computing society."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "thank-you.mark-sent", NULL));
  g_assert_cmpint (rapport_contact_get_stage (f->ada), ==, RAPPORT_STAGE_THANKED);
  g_assert_cmpint (rapport_store_get_thanked (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (f->meeting))), >, 0);

  /* The promise to keep them posted is now an action item, two weeks out. */
  items = rapport_store_list_action_items (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)), NULL);
  g_assert_cmpuint (items->len, ==, 2);
}

static RapportSheetPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (RAPPORT_IS_SHEET_PREVIEW (w))
        return RAPPORT_SHEET_PREVIEW (w);
    }
  return NULL;
}

/* Preview draws the sheet in a window of the app's own, page under page,
 * with Print and Export at hand and zoom by keyboard. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  RapportSheetPreview *preview;
  GtkWidget *page;
  int width;

  rapport_interviews_page_select_appointment (f->page, rapport_record_get_id (RAPPORT_RECORD (f->meeting)));
  g_assert_null (find_preview ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.preview", NULL));
  preview = find_preview ();
  g_assert_nonnull (preview);
  g_assert_cmpuint (rapport_sheet_preview_get_n_pages (preview), >=, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preview)), !=, NULL);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), "Ada Lovelace"));

  /* One drawn page a sheet page, A4 at 100 %: 595 points wide. */
  test_spin (5);
  page = gtk_widget_get_first_child (test_child (preview, RAPPORT_TYPE_SHEET_PREVIEW, "page_box"));
  g_assert_true (GTK_IS_DRAWING_AREA (page));
  width = gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page));
  g_assert_cmpint (width, ==, 595);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL));
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page)), >, width);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-reset", NULL));
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page)), ==, width);
  test_assert_finalized (preview, FALSE);

  /* The summary has its own preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "interview.preview-summary", NULL));
  preview = find_preview ();
  g_assert_nonnull (preview);
  g_assert_cmpuint (rapport_sheet_preview_get_n_pages (preview), >=, 1);
  test_assert_finalized (preview, FALSE);
}

static void
test_evaluation_wizard (Fixture       *f,
                        gconstpointer  data)
{
  RapportEvaluationDialog *wizard;
  RapportEvaluationsPage *page;
  RapportInterview *interview;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RapportComparisonItem) row = NULL;
  RapportAnswer answer;
  int rating;
  double enjoy;
  guint held;

  rapport_contact_set_field (f->ada, "Computing");
  g_assert_true (rapport_store_flush (f->ts.store, NULL));
  g_assert_true (rapport_store_mark_held (f->ts.store, f->meeting, NULL));
  rapport_interviews_page_select_appointment (f->page, rapport_record_get_id (RAPPORT_RECORD (f->meeting)));
  interview = rapport_interview_view_get_interview (f->view);

  wizard = rapport_evaluation_dialog_new (GTK_WINDOW (f->window), f->ts.store, f->meeting);
  g_assert_cmpuint (rapport_evaluation_dialog_get_page (wizard), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (test_child (wizard, RAPPORT_TYPE_EVALUATION_DIALOG, "step_label"))), ==, "1 of 11");
  g_assert_false (gtk_widget_is_sensitive (test_child (wizard, RAPPORT_TYPE_EVALUATION_DIALOG, "back_button")));

  /* Answer the first seven, going back once to change the second. */
  for (guint t = 0; t < 7; t++)
    {
      rapport_evaluation_dialog_set_answer (wizard, t == 1 ? RAPPORT_ANSWER_NO : RAPPORT_ANSWER_YES,
                                            t == 3 ? "The lab work, very much" : NULL, t == 3 ? 5 : 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "evaluation.next", NULL));
    }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (test_child (wizard, RAPPORT_TYPE_EVALUATION_DIALOG, "step_label"))), ==, "8 of 11");
  for (guint i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "evaluation.back", NULL));
  g_assert_cmpuint (rapport_evaluation_dialog_get_page (wizard), ==, 1);
  rapport_evaluation_dialog_set_answer (wizard, RAPPORT_ANSWER_NOT_YET, NULL, 0);

  /* Drafts are kept as they are given. */
  g_assert_cmpuint (rapport_store_count_answered (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview))), ==, 6);
  g_assert_true (rapport_store_get_answer (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview)),
                                           RAPPORT_TOPIC_ENJOY_ROLE, &answer, &text, &rating));
  g_assert_cmpstr (text, ==, "The lab work, very much");
  g_assert_cmpint (rating, ==, 5);

  /* Through to the end: six of eleven is valuable. */
  while (rapport_evaluation_dialog_get_page (wizard) < RAPPORT_N_TOPICS)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "evaluation.next", NULL));
  summary = rapport_evaluation_dialog_dup_summary (wizard);
  g_assert_true (g_str_has_prefix (summary, "You can answer 6 of 11: you gathered valuable information"));
  g_assert_cmpint (rapport_store_get_evaluated (f->ts.store, rapport_record_get_id (RAPPORT_RECORD (interview))), >, 0);
  test_assert_finalized (wizard, FALSE);

  /* The comparison shows the stored numbers. */
  page = RAPPORT_EVALUATIONS_PAGE (rapport_window_get_page (RAPPORT_WINDOW (f->window), "evaluations"));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_evaluations_page_get_comparison (page, RAPPORT_COMPARE_FIELD)), ==, 1);
  row = g_list_model_get_item (rapport_evaluations_page_get_comparison (page, RAPPORT_COMPARE_FIELD), 0);
  g_object_get (row, "held", &held, "enjoy-role", &enjoy, NULL);
  g_assert_cmpuint (held, ==, 1);
  g_assert_cmpfloat_with_epsilon (enjoy, 5.0, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/interview-view/prepare-hold-and-record", test_prepare_hold_and_record);
  ADD ("/interview-view/reorder-and-remove", test_reorder_and_remove);
  ADD ("/interview-view/thank-you-note", test_thank_you_note);
  ADD ("/interview-view/evaluation-wizard", test_evaluation_wizard);
  ADD ("/interview-view/preview", test_preview);
#undef ADD

  return g_test_run ();
}
