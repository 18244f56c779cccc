/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-question-bank"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-question-bank.h"
#include "rapport-view-util.h"

/* Add, word, reorder and hide the questions of the bank. Built-ins are
 * never deleted: hidden ones stay, dimmed, to show again. */
struct _RapportQuestionBank
{
  AdwWindow     parent_instance;

  RapportStore *store;
  GPtrArray    *groups;

  GtkBox       *groups_box;
  AdwComboRow  *category_row;
  AdwEntryRow  *new_question_row;
};

G_DEFINE_FINAL_TYPE (RapportQuestionBank, rapport_question_bank, ADW_TYPE_WINDOW)

#define QUESTION_KEY "rapport-question"

static void rebuild (RapportQuestionBank *self);

static void
on_text_changed (AdwEntryRow         *row,
                 RapportQuestionBank *self)
{
  RapportQuestion *q = g_object_get_data (G_OBJECT (row), QUESTION_KEY);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const RapportBuiltinQuestion *builtin = rapport_builtin_question_lookup (rapport_question_get_key (q));

  if (*text == '\0' && !rapport_question_is_builtin (q))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  /* The built-in's own words (or none) keep it translatable. */
  if (builtin != NULL && (*text == '\0' || g_str_equal (text, g_dgettext (GETTEXT_PACKAGE, builtin->text))))
    rapport_question_set_text (q, "");
  else
    rapport_question_set_text (q, text);
}

static void
on_move_clicked (GtkButton           *button,
                 RapportQuestionBank *self)
{
  RapportQuestion *q = g_object_get_data (G_OBJECT (button), QUESTION_KEY);
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  g_autoptr(GError) error = NULL;

  rapport_store_flush (self->store, NULL);
  if (rapport_store_move_question (self->store, q, delta, &error))
    rebuild (self);
}

static void
on_hide_clicked (GtkButton           *button,
                 RapportQuestionBank *self)
{
  RapportQuestion *q = g_object_get_data (G_OBJECT (button), QUESTION_KEY);

  rapport_question_set_hidden (q, !rapport_question_get_hidden (q));
  rapport_store_flush (self->store, NULL);
  rebuild (self);
}

static GtkWidget *
icon_button (const char          *icon,
             const char          *label,
             RapportQuestion     *q,
             GCallback            callback,
             RapportQuestionBank *self)
{
  GtkWidget *button = rapport_view_icon_button (icon, label);

  g_object_set_data_full (G_OBJECT (button), QUESTION_KEY, g_object_ref (q), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
rebuild (RapportQuestionBank *self)
{
  g_autoptr(GArray) ids = rapport_store_list_questions (self->store, TRUE, NULL);
  AdwPreferencesGroup *group = NULL;
  int category = -1;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportQuestion) q = rapport_store_get_question (self->store, g_array_index (ids, gint64, i));
      g_autofree char *text = NULL;
      g_autofree char *hide_label = NULL;
      GtkWidget *row;
      gboolean hidden;

      if (q == NULL)
        continue;

      if ((int)rapport_question_get_category (q) != category)
        {
          category = rapport_question_get_category (q);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, rapport_category_get_label (category));
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
          g_ptr_array_add (self->groups, group);
        }

      hidden = rapport_question_get_hidden (q);
      text = rapport_question_dup_display_text (q);
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hidden ? _("Hidden question") : _("Question"));
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_object_set_data_full (G_OBJECT (row), QUESTION_KEY, g_object_ref (q), g_object_unref);
      g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), self);
      if (hidden)
        gtk_widget_add_css_class (row, "dim-label");

      {
        GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), q, G_CALLBACK (on_move_clicked), self);
        GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), q, G_CALLBACK (on_move_clicked), self);

        g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
        g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      }
      hide_label = g_strdup (hidden ? _("Show Question") : _("Hide Question"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                icon_button (hidden ? "view-conceal-symbolic" : "view-reveal-symbolic",
                                             hide_label, q, G_CALLBACK (on_hide_clicked), self));
      adw_preferences_group_add (group, row);
    }
}

static void
on_new_question_apply (RapportQuestionBank *self)
{
  g_autoptr(RapportQuestion) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_question_row))));

  if (*text == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_question_row), "error");
      return;
    }

  q = g_object_new (RAPPORT_TYPE_QUESTION,
                    "category", adw_combo_row_get_selected (self->category_row),
                    "text", text,
                    NULL);
  if (!rapport_store_add_question (self->store, q, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_question_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->new_question_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_question_row), "");
  rebuild (self);
}

static void
rapport_question_bank_dispose (GObject *object)
{
  RapportQuestionBank *self = (RapportQuestionBank *)object;

  if (self->store != NULL)
    rapport_store_flush (self->store, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUESTION_BANK);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_question_bank_parent_class)->dispose (object);
}

static void
rapport_question_bank_class_init (RapportQuestionBankClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_question_bank_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-question-bank.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionBank, groups_box);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionBank, category_row);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionBank, new_question_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_question_apply);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_question_bank_init (RapportQuestionBank *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  for (guint c = 0; c < RAPPORT_N_CATEGORIES; c++)
    gtk_string_list_append (categories, rapport_category_get_label (c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->groups = g_ptr_array_new ();
}

RapportQuestionBank *
rapport_question_bank_new (GtkWindow    *parent,
                           RapportStore *store)
{
  RapportQuestionBank *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_QUESTION_BANK, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  rebuild (self);
  return self;
}
