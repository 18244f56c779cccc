/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-request-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clipping-list.h"
#include "rapport-message-util.h"
#include "rapport-request-dialog.h"
#include "rapport-templates.h"
#include "rapport-view-util.h"

/* The request for an interview, written from the contact and the student's
 * details, to edit, copy or send; then recorded as a request. */
struct _RapportRequestDialog
{
  AdwWindow       parent_instance;

  RapportStore   *store;
  RapportContact *contact;
  GSettings      *settings;

  GtkToggleButton *email_toggle;
  GtkLabel        *hint_label;
  AdwEntryRow     *subject_row;
  GtkTextView     *body_view;
  GtkWidget       *mail_button;
};

G_DEFINE_FINAL_TYPE (RapportRequestDialog, rapport_request_dialog, ADW_TYPE_WINDOW)

enum {
  REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
setting (RapportRequestDialog *self,
         const char           *key)
{
  return self->settings ? g_settings_get_string (self->settings, key) : g_strdup ("");
}

static void
compose (RapportRequestDialog *self)
{
  g_autofree char *name = setting (self, "student-name");
  g_autofree char *school = setting (self, "school");
  g_autofree char *field = setting (self, "field-of-interest");
  RapportStudent student = { name, school, field };
  g_autoptr(RapportContact) referrer = NULL;
  g_autoptr(RapportClippingList) clippings = NULL;
  g_autoptr(RapportClipping) clipping = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gboolean email = gtk_toggle_button_get_active (self->email_toggle);

  referrer = rapport_store_get_contact (self->store, rapport_contact_get_referred_by (self->contact));
  clippings = rapport_clipping_list_new (self->store);
  rapport_clipping_list_set_contact (clippings, rapport_record_get_id (RAPPORT_RECORD (self->contact)));
  clipping = g_list_model_get_item (G_LIST_MODEL (clippings), 0);

  subject = rapport_request_subject (self->contact, &student);
  body = rapport_request_body (self->contact, referrer,
                               clipping ? rapport_clipping_get_title (clipping) : NULL,
                               &student, email ? RAPPORT_REQUEST_EMAIL : RAPPORT_REQUEST_PHONE);

  rapport_message_show (GTK_WIDGET (self), "request.open-mail", self->contact,
                        self->subject_row, self->body_view, self->mail_button,
                        subject, body, email);
  gtk_widget_set_tooltip_text (self->mail_button,
                               *rapport_contact_get_email (self->contact) ? NULL
                               : _("Add an email address to the contact first"));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *name == '\0' || *school == '\0');
}

static void
on_kind_toggled (RapportRequestDialog *self)
{
  if (self->contact != NULL)
    compose (self);
}

/**
 * rapport_request_dialog_dup_text:
 *
 * Returns: (transfer full): the message as it stands, edits included
 */
char *
rapport_request_dialog_dup_text (RapportRequestDialog *self)
{
  return rapport_message_dup_text (self->body_view);
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rapport_message_copy (widget, RAPPORT_REQUEST_DIALOG (widget)->body_view);
}

static void
open_mail_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportRequestDialog *self = RAPPORT_REQUEST_DIALOG (widget);

  rapport_message_open_mail (GTK_WINDOW (self), self->contact, self->subject_row, self->body_view);
}

static void
mark_requested_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RapportRequestDialog *self = RAPPORT_REQUEST_DIALOG (widget);
  g_autoptr(RapportAppointment) request = NULL;
  g_autoptr(GError) error = NULL;
  gboolean email = gtk_toggle_button_get_active (self->email_toggle);

  request = rapport_appointment_new (RAPPORT_APPOINTMENT_INTERVIEW,
                                     rapport_record_get_id (RAPPORT_RECORD (self->contact)));
  rapport_appointment_set_mode (request, email ? RAPPORT_MODE_IN_PERSON : RAPPORT_MODE_PHONE);

  if (!rapport_store_add_appointment (self->store, request, &error))
    {
      gtk_label_set_label (self->hint_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[REQUESTED], 0, request);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rapport_request_dialog_dispose (GObject *object)
{
  RapportRequestDialog *self = (RapportRequestDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_REQUEST_DIALOG);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_request_dialog_parent_class)->dispose (object);
}

static void
rapport_request_dialog_class_init (RapportRequestDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_request_dialog_dispose;

  /**
   * RapportRequestDialog::requested:
   * @request: the request, saved as an appointment without a time yet
   */
  signals[REQUESTED] =
    g_signal_new ("requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_APPOINTMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportRequestDialog, email_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportRequestDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportRequestDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RapportRequestDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, RapportRequestDialog, mail_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);

  gtk_widget_class_install_action (widget_class, "request.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "request.open-mail", NULL, open_mail_activated);
  gtk_widget_class_install_action (widget_class, "request.mark-requested", NULL, mark_requested_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_request_dialog_init (RapportRequestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  self->settings = rapport_view_dup_settings ();
}

/**
 * rapport_request_dialog_new:
 *
 * Writes a request to @contact for 20 to 30 minutes of information and
 * advice, as an e-mail or a phone script.
 */
RapportRequestDialog *
rapport_request_dialog_new (GtkWindow      *parent,
                            RapportStore   *store,
                            RapportContact *contact)
{
  RapportRequestDialog *self;
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);

  self = g_object_new (RAPPORT_TYPE_REQUEST_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  /* No e-mail address: start with the phone script. */
  if (*rapport_contact_get_email (contact) == '\0' && *rapport_contact_get_phone (contact) != '\0')
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (
      gtk_widget_get_next_sibling (GTK_WIDGET (self->email_toggle))), TRUE);

  compose (self);
  return self;
}
