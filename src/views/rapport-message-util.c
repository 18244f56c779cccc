/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-message-util"

#include "config.h"

#include "rapport-message-util.h"
#include "rapport-templates.h"

/* What the two message composers (the interview request and the thank-you
 * note) do alike: show the composed text, copy it, open it in the mail
 * program. Each composer has a subject row, a text view for the body and
 * an "Open in Mail" button. */

/**
 * rapport_message_dup_text:
 * @body_view: the message text
 *
 * Returns: (transfer full): the message as it stands, edits included
 */
char *
rapport_message_dup_text (GtkTextView *body_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

/**
 * rapport_message_show:
 * @dialog: the composer, which has @open_mail_action
 * @open_mail_action: its "Open in Mail" action, as "prefix.name"
 * @contact: the person the message goes to
 * @subject_row: the subject, only shown for an e-mail
 * @body_view: the message text
 * @mail_button: the "Open in Mail" button, only shown for an e-mail
 * @subject: the subject to show
 * @body: the text to show
 * @email: whether the message is an e-mail
 *
 * Puts a newly composed message in the composer. "Open in Mail" only
 * works for an e-mail to a contact with an e-mail address.
 */
void
rapport_message_show (GtkWidget      *dialog,
                      const char     *open_mail_action,
                      RapportContact *contact,
                      AdwEntryRow    *subject_row,
                      GtkTextView    *body_view,
                      GtkWidget      *mail_button,
                      const char     *subject,
                      const char     *body,
                      gboolean        email)
{
  gtk_editable_set_text (GTK_EDITABLE (subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body_view), body, -1);

  gtk_widget_set_visible (GTK_WIDGET (subject_row), email);
  gtk_widget_set_visible (mail_button, email);
  gtk_widget_action_set_enabled (dialog, open_mail_action,
                                 email && *rapport_contact_get_email (contact));
}

/**
 * rapport_message_copy:
 * @widget: the composer, whose clipboard takes the text
 * @body_view: the message text
 *
 * Copies the message as it stands, edits included.
 */
void
rapport_message_copy (GtkWidget   *widget,
                      GtkTextView *body_view)
{
  g_autofree char *text = rapport_message_dup_text (body_view);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/**
 * rapport_message_open_mail:
 * @window: the composer
 * @contact: the person the message goes to
 * @subject_row: the subject
 * @body_view: the message text
 *
 * Opens a new e-mail to @contact in the mail program, with the subject
 * and the text as they stand; does nothing if @contact has no e-mail
 * address.
 */
void
rapport_message_open_mail (GtkWindow      *window,
                           RapportContact *contact,
                           AdwEntryRow    *subject_row,
                           GtkTextView    *body_view)
{
  g_autofree char *body = rapport_message_dup_text (body_view);
  g_autofree char *uri = rapport_request_mailto (contact,
                                                 gtk_editable_get_text (GTK_EDITABLE (subject_row)), body);

  if (uri != NULL)
    gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}
