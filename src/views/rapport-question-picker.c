/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-question-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question-bank.h"
#include "rapport-question-picker.h"
#include "rapport-text.h"
#include "rapport-view-util.h"

/* The question bank in a popover: type to narrow it, pick by category.
 * The bank is a few dozen rows, so a list box of rows is fine here. */
struct _RapportQuestionPicker
{
  GtkPopover      parent_instance;

  RapportStore   *store;
  char           *search;

  GtkSearchEntry *search_entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (RapportQuestionPicker, rapport_question_picker, GTK_TYPE_POPOVER)

enum {
  QUESTION_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define QUESTION_KEY "rapport-question"

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  RapportQuestion *q = g_object_get_data (G_OBJECT (row), QUESTION_KEY);
  RapportQuestion *prev = before ? g_object_get_data (G_OBJECT (before), QUESTION_KEY) : NULL;
  GtkWidget *header;

  if (prev != NULL && rapport_question_get_category (prev) == rapport_question_get_category (q))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (rapport_category_get_label (rapport_question_get_category (q)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
rebuild (RapportQuestionPicker *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *needle = rapport_text_fold (self->search);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (self->store == NULL)
    return;

  ids = rapport_store_list_questions (self->store, FALSE, NULL);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportQuestion) q = rapport_store_get_question (self->store, g_array_index (ids, gint64, i));
      g_autofree char *text = NULL;
      GtkWidget *row, *label;

      if (q == NULL)
        continue;

      text = rapport_question_dup_display_text (q);
      if (*needle && !rapport_text_contains (text, needle) &&
          !rapport_text_contains (rapport_category_get_label (rapport_question_get_category (q)), needle))
        continue;

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), QUESTION_KEY, g_object_ref (q), g_object_unref);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_search_changed (RapportQuestionPicker *self,
                   GtkSearchEntry        *entry)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  rebuild (self);
}

static void
on_row_activated (RapportQuestionPicker *self,
                  GtkListBoxRow         *row)
{
  RapportQuestion *q = g_object_get_data (G_OBJECT (row), QUESTION_KEY);

  /* Stays open, so several can be picked in a row. */
  g_signal_emit (self, signals[QUESTION_PICKED], 0, q);
}

static void
edit_bank_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportQuestionPicker *self = RAPPORT_QUESTION_PICKER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_window_present (GTK_WINDOW (rapport_question_bank_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->store)));
}

static void
rapport_question_picker_show (GtkWidget *widget)
{
  RapportQuestionPicker *self = RAPPORT_QUESTION_PICKER (widget);

  GTK_WIDGET_CLASS (rapport_question_picker_parent_class)->show (widget);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rapport_question_picker_dispose (GObject *object)
{
  RapportQuestionPicker *self = (RapportQuestionPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUESTION_PICKER);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (rapport_question_picker_parent_class)->dispose (object);
}

static void
rapport_question_picker_class_init (RapportQuestionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_question_picker_dispose;
  widget_class->show = rapport_question_picker_show;

  /**
   * RapportQuestionPicker::question-picked:
   * @question: the question
   */
  signals[QUESTION_PICKED] =
    g_signal_new ("question-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-question-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_install_action (widget_class, "picker.edit-bank", NULL, edit_bank_activated);
}

static void
rapport_question_picker_init (RapportQuestionPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
}

void
rapport_question_picker_set_store (RapportQuestionPicker *self,
                                   RapportStore          *store)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_PICKER (self));

  g_set_object (&self->store, store);
  rebuild (self);
}
