/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-thank-you-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-message-util.h"
#include "rapport-templates.h"
#include "rapport-thank-you-dialog.h"
#include "rapport-view-util.h"

/* The thank-you note, written from the interview's notes and action items,
 * as an e-mail, a card or a LinkedIn message; "Mark as Sent" records it. */
struct _RapportThankYouDialog
{
  AdwWindow           parent_instance;

  RapportStore       *store;
  RapportAppointment *appointment;
  RapportContact     *contact;
  GSettings          *settings;

  GtkToggleButton    *email_toggle;
  GtkToggleButton    *card_toggle;
  GtkLabel           *hint_label;
  AdwEntryRow        *subject_row;
  GtkTextView        *body_view;
  GtkWidget          *mail_button;
};

G_DEFINE_FINAL_TYPE (RapportThankYouDialog, rapport_thank_you_dialog, ADW_TYPE_WINDOW)

static RapportThankYouKind
current_kind (RapportThankYouDialog *self)
{
  if (gtk_toggle_button_get_active (self->email_toggle))
    return RAPPORT_THANK_YOU_EMAIL;
  if (gtk_toggle_button_get_active (self->card_toggle))
    return RAPPORT_THANK_YOU_CARD;
  return RAPPORT_THANK_YOU_LINKEDIN;
}

static void
compose (RapportThankYouDialog *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "student-name") : g_strdup ("");
  RapportStudent student = { name, NULL, NULL };
  g_autoptr(GPtrArray) learned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RapportInterview) interview = NULL;
  g_autoptr(GArray) prompts = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *step = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  RapportThankYouKind kind = current_kind (self);

  interview = rapport_store_get_interview (self->store, rapport_record_get_id (RAPPORT_RECORD (self->appointment)), NULL);
  if (interview != NULL)
    {
      gint64 id = rapport_record_get_id (RAPPORT_RECORD (interview));

      /* What was learned: the notes under each question, then the notebook. */
      prompts = rapport_store_list_prompts (self->store, id, NULL);
      for (guint i = 0; prompts && i < prompts->len; i++)
        {
          g_autoptr(RapportPrompt) p = rapport_store_get_prompt (self->store, g_array_index (prompts, gint64, i));
          if (p != NULL)
            g_ptr_array_add (learned, g_strdup (rapport_prompt_get_notes (p)));
        }
      g_ptr_array_add (learned, g_strdup (rapport_interview_get_notebook (interview)));

      /* The step taken on their suggestion: the first action item. */
      items = rapport_store_list_action_items (self->store, id, NULL);
      for (guint i = 0; items && i < items->len && step == NULL; i++)
        {
          g_autoptr(RapportActionItem) item = rapport_store_get_action_item (self->store, g_array_index (items, gint64, i));
          if (item != NULL && rapport_action_item_get_kind (item) != RAPPORT_ACTION_FOLLOW_UP)
            {
              g_autofree char *text = g_strstrip (g_strdup (rapport_action_item_get_text (item)));
              /* "Send my résumé" reads as "send my résumé" after "is to". */
              if (*text)
                {
                  gunichar first = g_utf8_get_char (text);
                  g_autofree char *rest = g_strdup (g_utf8_next_char (text));
                  char lower[8] = { 0 };

                  g_unichar_to_utf8 (g_unichar_tolower (first), lower);
                  step = g_strconcat (lower, rest, NULL);
                }
            }
        }
    }
  g_ptr_array_add (learned, NULL);

  subject = rapport_thank_you_subject (self->contact);
  body = rapport_thank_you_body (self->contact, &student, (const char * const *)learned->pdata, step, kind);
  rapport_message_show (GTK_WIDGET (self), "thank-you.open-mail", self->contact,
                        self->subject_row, self->body_view, self->mail_button,
                        subject, body, kind == RAPPORT_THANK_YOU_EMAIL);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *name == '\0');
}

static void
on_kind_toggled (RapportThankYouDialog *self,
                 GtkToggleButton       *button)
{
  if (self->contact != NULL && gtk_toggle_button_get_active (button))
    compose (self);
}

/**
 * rapport_thank_you_dialog_dup_text:
 *
 * Returns: (transfer full): the note as it stands, edits included
 */
char *
rapport_thank_you_dialog_dup_text (RapportThankYouDialog *self)
{
  return rapport_message_dup_text (self->body_view);
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rapport_message_copy (widget, RAPPORT_THANK_YOU_DIALOG (widget)->body_view);
}

static void
open_mail_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportThankYouDialog *self = RAPPORT_THANK_YOU_DIALOG (widget);

  rapport_message_open_mail (GTK_WINDOW (self), self->contact, self->subject_row, self->body_view);
}

static void
mark_sent_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportThankYouDialog *self = RAPPORT_THANK_YOU_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *follow_up = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 follow_up_after = RAPPORT_FOLLOW_UP_AFTER;

  if (self->settings != NULL)
    follow_up_after = (gint64)g_settings_get_int (self->settings, "follow-up-days") * 24 * 60 * 60;

  /* Translators: an action item, %s is a person's name */
  follow_up = g_strdup_printf (_("Keep %s posted on how your search goes"), rapport_contact_get_name (self->contact));
  if (!rapport_store_mark_thanked (self->store, self->appointment, now, follow_up,
                                   now + follow_up_after, &error))
    {
      gtk_label_set_label (self->hint_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rapport_thank_you_dialog_dispose (GObject *object)
{
  RapportThankYouDialog *self = (RapportThankYouDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_THANK_YOU_DIALOG);
  g_clear_object (&self->appointment);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_thank_you_dialog_parent_class)->dispose (object);
}

static void
rapport_thank_you_dialog_class_init (RapportThankYouDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_thank_you_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-thank-you-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, email_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, card_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, RapportThankYouDialog, mail_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);

  gtk_widget_class_install_action (widget_class, "thank-you.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "thank-you.open-mail", NULL, open_mail_activated);
  gtk_widget_class_install_action (widget_class, "thank-you.mark-sent", NULL, mark_sent_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_thank_you_dialog_init (RapportThankYouDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  self->settings = rapport_view_dup_settings ();
}

/**
 * rapport_thank_you_dialog_new:
 *
 * The composer for the thank-you note after @appointment.
 */
RapportThankYouDialog *
rapport_thank_you_dialog_new (GtkWindow          *parent,
                              RapportStore       *store,
                              RapportAppointment *appointment)
{
  RapportThankYouDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

  self = g_object_new (RAPPORT_TYPE_THANK_YOU_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->appointment = g_object_ref (appointment);
  self->contact = rapport_store_get_contact (store, rapport_appointment_get_contact_id (appointment));
  if (self->contact == NULL)
    self->contact = rapport_contact_new (_("your contact"));

  /* Translators: window title, %s is a person's name */
  title = g_strdup_printf (_("Thank %s"), rapport_contact_get_name (self->contact));
  gtk_window_set_title (GTK_WINDOW (self), title);

  compose (self);
  return self;
}
