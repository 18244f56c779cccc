/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-evaluation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-evaluation-dialog.h"
#include "rapport-view-util.h"

/* Eleven questions, one page each, then a summary. Answers are kept as
 * drafts as they are given, so closing midway loses nothing. */

typedef struct
{
  GtkWidget       *page;
  GtkToggleButton *answers[4];
  GtkToggleButton *ratings[5];
  GtkTextView     *text;
} Page;

struct _RapportEvaluationDialog
{
  AdwWindow           parent_instance;

  RapportStore       *store;
  RapportAppointment *appointment;
  RapportInterview   *interview;
  Page                pages[RAPPORT_N_TOPICS];
  guint               current;
  gboolean            loading;

  GtkWidget          *summary_page;
  GtkLabel           *summary_label;
  GtkBox             *open_box;
  GPtrArray          *open_checks;

  AdwWindowTitle     *window_title;
  GtkProgressBar     *progress;
  GtkStack           *stack;
  GtkWidget          *back_button;
  GtkLabel           *step_label;
  GtkButton          *next_button;
};

G_DEFINE_FINAL_TYPE (RapportEvaluationDialog, rapport_evaluation_dialog, ADW_TYPE_WINDOW)

static const char *
answer_label (RapportAnswer answer)
{
  switch (answer)
    {
    case RAPPORT_ANSWER_YES:     return _("_Yes");
    case RAPPORT_ANSWER_PARTLY:  return _("_Partly");
    case RAPPORT_ANSWER_NO:      return _("N_o");
    case RAPPORT_ANSWER_NOT_YET: return _("Not _yet");
    default:                     return "";
    }
}

static gboolean
topic_has_rating (RapportTopic topic)
{
  return topic == RAPPORT_TOPIC_ENJOY_ROLE || topic == RAPPORT_TOPIC_ENJOY_ORGANIZATION;
}

static char *
page_text (Page *p)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (p->text);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

/* Keeps the page's answer as a draft. */
static void
save_page (RapportEvaluationDialog *self,
           guint                    topic)
{
  Page *p = &self->pages[topic];
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  RapportAnswer answer = RAPPORT_ANSWER_NOT_YET;
  int rating = 0;

  if (self->loading || self->interview == NULL)
    return;

  for (guint a = 0; a < 4; a++)
    if (gtk_toggle_button_get_active (p->answers[a]))
      answer = a;
  for (guint r = 0; r < 5; r++)
    if (p->ratings[r] && gtk_toggle_button_get_active (p->ratings[r]))
      rating = r + 1;
  text = page_text (p);

  if (!rapport_store_set_answer (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)),
                                 topic, answer, text, rating, &error))
    g_warning ("Could not keep the answer: %s", error->message);
}

static void
on_answer_changed (GtkWidget               *widget,
                   RapportEvaluationDialog *self)
{
  save_page (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "topic")));
}

static GtkWidget *
notes_for (RapportEvaluationDialog *self,
           RapportTopic             topic)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  guint shown = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("From Your Notes"));

  if (self->interview != NULL)
    ids = rapport_store_list_prompts (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)), NULL);

  /* The notes under questions whose category bears on this topic. */
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportPrompt) p = rapport_store_get_prompt (self->store, g_array_index (ids, gint64, i));
      g_autoptr(RapportQuestion) q = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *question = NULL;
      GtkWidget *row;

      if (p == NULL || !(q = rapport_store_get_question (self->store, rapport_prompt_get_question_id (p))))
        continue;
      if (!(rapport_category_get_topics (rapport_question_get_category (q)) & (1u << topic)))
        continue;
      notes = g_strstrip (g_strdup (rapport_prompt_get_notes (p)));
      if (*notes == '\0')
        continue;

      question = rapport_question_dup_display_text (q);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notes);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), question);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      shown++;
    }

  if (shown == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Nothing in your notes bears on this yet: answer from memory, or keep it for your next interview."));
  return group;
}

static GtkWidget *
build_page (RapportEvaluationDialog *self,
            RapportTopic             topic)
{
  Page *p = &self->pages[topic];
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *question = gtk_label_new (rapport_topic_get_question (topic));
  GtkWidget *answers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *text_label = gtk_label_new (_("In your own words"));
  GtkWidget *text = gtk_text_view_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);

  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_widget_add_css_class (question, "title-2");
  gtk_box_append (GTK_BOX (box), question);

  gtk_widget_add_css_class (answers, "linked");
  gtk_widget_set_halign (answers, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (answers), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
  for (guint a = 0; a < 4; a++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (answer_label (a));

      if (a > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), p->answers[0]);
      g_object_set_data (G_OBJECT (button), "topic", GUINT_TO_POINTER (topic));
      g_signal_connect (button, "toggled", G_CALLBACK (on_answer_changed), self);
      gtk_box_append (GTK_BOX (answers), button);
      p->answers[a] = GTK_TOGGLE_BUTTON (button);
    }
  gtk_box_append (GTK_BOX (box), answers);

  /* "Would I enjoy …" also gets a rating. */
  if (topic_has_rating (topic))
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_("How much, from 1 to 5"));
      GtkWidget *stars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (stars, "linked");
      for (guint r = 0; r < 5; r++)
        {
          g_autofree char *digit = g_strdup_printf ("%u", r + 1);
          g_autofree char *name = g_strdup_printf (_("Rating %u of 5"), r + 1);
          GtkWidget *button = gtk_toggle_button_new_with_label (digit);

          if (r > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), p->ratings[0]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data (G_OBJECT (button), "topic", GUINT_TO_POINTER (topic));
          g_signal_connect (button, "toggled", G_CALLBACK (on_answer_changed), self);
          gtk_box_append (GTK_BOX (stars), button);
          p->ratings[r] = GTK_TOGGLE_BUTTON (button);
        }
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), stars);
      gtk_box_append (GTK_BOX (box), row);
    }

  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_add_css_class (text_label, "heading");
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_widget_add_css_class (text, "card");
  gtk_widget_add_css_class (text, "notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("In your own words"), -1);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text))), "topic", GUINT_TO_POINTER (topic));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "changed", G_CALLBACK (on_answer_changed), self);
  gtk_box_append (GTK_BOX (box), text);
  p->text = GTK_TEXT_VIEW (text);

  gtk_box_append (GTK_BOX (box), notes_for (self, topic));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  p->page = scroller;
  return scroller;
}

static void
load_answers (RapportEvaluationDialog *self)
{
  self->loading = TRUE;
  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      g_autofree char *text = NULL;
      RapportAnswer answer;
      int rating;

      rapport_store_get_answer (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)),
                                t, &answer, &text, &rating);
      gtk_toggle_button_set_active (self->pages[t].answers[answer], TRUE);
      if (rating > 0 && self->pages[t].ratings[rating - 1])
        gtk_toggle_button_set_active (self->pages[t].ratings[rating - 1], TRUE);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->pages[t].text), text, -1);
    }
  self->loading = FALSE;
}

/**
 * rapport_evaluation_dialog_dup_summary:
 *
 * Returns: (transfer full): the summary's verdict, as shown
 */
char *
rapport_evaluation_dialog_dup_summary (RapportEvaluationDialog *self)
{
  return g_strdup (gtk_label_get_label (self->summary_label));
}

static void
build_summary (RapportEvaluationDialog *self)
{
  guint answered = rapport_store_count_answered (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)));
  g_autofree char *text = NULL;
  GtkWidget *child;

  if (rapport_evaluation_is_valuable (answered))
    /* Translators: the evaluation's verdict */
    text = g_strdup_printf (_("You can answer %u of 11: you gathered valuable information, and your picture of this work is clearer."),
                            answered);
  else
    text = g_strdup_printf (_("You can answer %u of 11. Take the open questions to your next interview:"), answered);
  gtk_label_set_label (self->summary_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->open_box))))
    gtk_box_remove (self->open_box, child);
  g_ptr_array_set_size (self->open_checks, 0);

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      RapportAnswer answer;
      GtkWidget *check;

      rapport_store_get_answer (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)), t, &answer, NULL, NULL);
      if (answer != RAPPORT_ANSWER_NOT_YET)
        continue;

      check = gtk_check_button_new_with_label (rapport_topic_get_question (t));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !rapport_evaluation_is_valuable (answered));
      g_object_set_data (G_OBJECT (check), "topic", GUINT_TO_POINTER (t));
      gtk_box_append (self->open_box, check);
      g_ptr_array_add (self->open_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->open_box), self->open_checks->len > 0);
}

static void
show_page (RapportEvaluationDialog *self,
           guint                    page)
{
  g_autofree char *step = NULL;

  self->current = page;
  if (page < RAPPORT_N_TOPICS)
    {
      gtk_stack_set_visible_child (self->stack, self->pages[page].page);
      /* Translators: progress through the questions, e.g. "4 of 11" */
      step = g_strdup_printf (_("%u of %u"), page + 1, RAPPORT_N_TOPICS);
      gtk_button_set_label (self->next_button, page + 1 == RAPPORT_N_TOPICS ? _("_Finish") : _("_Next"));
    }
  else
    {
      build_summary (self);
      gtk_stack_set_visible_child (self->stack, self->summary_page);
      step = g_strdup (_("Summary"));
      gtk_button_set_label (self->next_button, _("_Done"));
    }

  gtk_button_set_use_underline (self->next_button, TRUE);
  gtk_label_set_label (self->step_label, step);
  gtk_progress_bar_set_fraction (self->progress, (double)MIN (page + 1, RAPPORT_N_TOPICS) / RAPPORT_N_TOPICS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.back", page > 0);
  if (page < RAPPORT_N_TOPICS)
    gtk_widget_grab_focus (GTK_WIDGET (self->pages[page].answers[0]));
}

guint
rapport_evaluation_dialog_get_page (RapportEvaluationDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_EVALUATION_DIALOG (self), 0);
  return self->current;
}

/**
 * rapport_evaluation_dialog_set_answer:
 *
 * Answers the current page, as the buttons and text field do.
 */
void
rapport_evaluation_dialog_set_answer (RapportEvaluationDialog *self,
                                      RapportAnswer            answer,
                                      const char              *text,
                                      int                      rating)
{
  Page *p;

  g_return_if_fail (RAPPORT_IS_EVALUATION_DIALOG (self));
  g_return_if_fail (self->current < RAPPORT_N_TOPICS);

  p = &self->pages[self->current];
  gtk_toggle_button_set_active (p->answers[answer], TRUE);
  if (rating > 0 && p->ratings[rating - 1])
    gtk_toggle_button_set_active (p->ratings[rating - 1], TRUE);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (p->text), text, -1);
}

/* The open questions become picks for the next interview: the one
 * planned, or, with none yet, the next one the student plans. */
static void
add_to_next (RapportEvaluationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 to = 0;
  guint topics = 0, n = 0;

  for (guint c = 0; c < self->open_checks->len; c++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->open_checks, c);

      if (gtk_check_button_get_active (check))
        {
          topics |= 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "topic"));
          n++;
        }
    }
  if (topics == 0)
    return;

  if (!rapport_store_carry_topics (self->store, topics, rapport_record_get_id (RAPPORT_RECORD (self->appointment)),
                                   &to, &error))
    text = g_strdup (error->message);
  else if (to > 0)
    {
      g_autoptr(RapportAppointment) next = rapport_store_get_appointment (self->store, to);
      g_autofree char *title = next ? rapport_store_dup_appointment_title (self->store, next) : g_strdup ("");

      /* Translators: after an evaluation; %s is an appointment's title */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question added to “%s”",
                                           "%u questions added to “%s”", n), n, title);
    }
  else
    /* Translators: after an evaluation, when no interview is planned yet */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u question will be added to the next interview you plan",
                                         "%u questions will be added to the next interview you plan", n), n);

  if (ADW_IS_APPLICATION_WINDOW (parent) && adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)))
    rapport_view_add_toast (adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)), adw_toast_new (text));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportEvaluationDialog *self = RAPPORT_EVALUATION_DIALOG (widget);

  if (self->current < RAPPORT_N_TOPICS)
    {
      save_page (self, self->current);
      if (self->current + 1 == RAPPORT_N_TOPICS)
        rapport_store_set_evaluated (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)),
                                     g_get_real_time () / G_USEC_PER_SEC, NULL);
      show_page (self, self->current + 1);
      return;
    }

  add_to_next (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportEvaluationDialog *self = RAPPORT_EVALUATION_DIALOG (widget);

  if (self->current > 0)
    {
      if (self->current < RAPPORT_N_TOPICS)
        save_page (self, self->current);
      show_page (self, self->current - 1);
    }
}

static void
rapport_evaluation_dialog_dispose (GObject *object)
{
  RapportEvaluationDialog *self = (RapportEvaluationDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVALUATION_DIALOG);
  g_clear_object (&self->interview);
  g_clear_object (&self->appointment);
  g_clear_object (&self->store);
  g_clear_pointer (&self->open_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_evaluation_dialog_parent_class)->dispose (object);
}

static void
rapport_evaluation_dialog_class_init (RapportEvaluationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_evaluation_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-evaluation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, step_label);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationDialog, next_button);

  gtk_widget_class_install_action (widget_class, "evaluation.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "evaluation.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "evaluation.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "evaluation.back", NULL);
}

static void
rapport_evaluation_dialog_init (RapportEvaluationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  self->open_checks = g_ptr_array_new ();
}

/**
 * rapport_evaluation_dialog_new:
 *
 * The evaluation of the interview held at @appointment: eleven questions,
 * then what the answers add up to. Reopening it shows the answers given.
 */
RapportEvaluationDialog *
rapport_evaluation_dialog_new (GtkWindow          *parent,
                               RapportStore       *store,
                               RapportAppointment *appointment)
{
  RapportEvaluationDialog *self;
  g_autofree char *subtitle = NULL;
  GtkWidget *box, *clamp, *heading;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

  self = g_object_new (RAPPORT_TYPE_EVALUATION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->appointment = g_object_ref (appointment);
  self->interview = rapport_store_get_interview (store, rapport_record_get_id (RAPPORT_RECORD (appointment)), NULL);
  subtitle = rapport_store_dup_appointment_title (store, appointment);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    gtk_stack_add_child (self->stack, build_page (self, t));
  /* The answer buttons are built here, after the template was set up. */
  rapport_view_fix_button_names (GTK_WIDGET (self->stack));

  /* The summary */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 24);
  heading = gtk_label_new (_("What It Adds Up To"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->open_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Questions to take to the next interview"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_box));
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->summary_page = clamp;
  gtk_stack_add_child (self->stack, clamp);

  if (self->interview != NULL)
    load_answers (self);
  show_page (self, 0);
  return self;
}
