/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-new-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-new-contact-dialog.h"
#include "rapport-view-util.h"

struct _RapportNewContactDialog
{
  AdwWindow     parent_instance;

  RapportStore *store;
  gint64        referrer_id;

  AdwEntryRow  *name_row;
  AdwEntryRow  *organization_row;
  AdwEntryRow  *job_title_row;
  AdwComboRow  *source_row;
  GtkLabel     *error_label;
  GtkWidget    *add_button;
};

G_DEFINE_FINAL_TYPE (RapportNewContactDialog, rapport_new_contact_dialog, ADW_TYPE_WINDOW)

enum {
  CONTACT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
name_is_given (RapportNewContactDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  return *g_strstrip (name) != '\0';
}

static void
on_name_row_changed (RapportNewContactDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-contact.add", name_is_given (self));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RapportNewContactDialog *self = RAPPORT_NEW_CONTACT_DIALOG (widget);
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  guint source = adw_combo_row_get_selected (self->source_row);

  if (!name_is_given (self))
    {
      gtk_label_set_label (self->error_label, _("A contact needs a name."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  contact = rapport_contact_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rapport_contact_set_organization (contact, gtk_editable_get_text (GTK_EDITABLE (self->organization_row)));
  rapport_contact_set_job_title (contact, gtk_editable_get_text (GTK_EDITABLE (self->job_title_row)));
  if (source != GTK_INVALID_LIST_POSITION)
    rapport_contact_set_source (contact, source);
  rapport_contact_set_referred_by (contact, self->referrer_id);

  if (!rapport_store_add_contact (self->store, contact, &error))
    {
      /* The dialog stays open with what was typed, so nothing is lost. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CONTACT_ADDED], 0, contact);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter in any field adds the contact, as in a one-line form. */
static void
on_row_entry_activated (RapportNewContactDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-contact.add", NULL);
}

static void
rapport_new_contact_dialog_dispose (GObject *object)
{
  RapportNewContactDialog *self = (RapportNewContactDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_NEW_CONTACT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_new_contact_dialog_parent_class)->dispose (object);
}

static void
rapport_new_contact_dialog_class_init (RapportNewContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_new_contact_dialog_dispose;

  /**
   * RapportNewContactDialog::contact-added:
   * @contact: the contact, already saved
   */
  signals[CONTACT_ADDED] =
    g_signal_new ("contact-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-new-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportNewContactDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated);

  gtk_widget_class_install_action (widget_class, "new-contact.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_new_contact_dialog_init (RapportNewContactDialog *self)
{
  g_autoptr(GListModel) sources = rapport_view_enum_labels (RAPPORT_TYPE_SOURCE, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  adw_combo_row_set_model (self->source_row, sources);
  adw_combo_row_set_selected (self->source_row, RAPPORT_SOURCE_OTHER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-contact.add", FALSE);
}

/**
 * rapport_new_contact_dialog_new:
 *
 * A short form for a new contact where only the name is required; "Add"
 * saves it and emits #RapportNewContactDialog::contact-added.
 */
RapportNewContactDialog *
rapport_new_contact_dialog_new (GtkWindow    *parent,
                                RapportStore *store)
{
  RapportNewContactDialog *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_NEW_CONTACT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * rapport_new_contact_dialog_set_referrer:
 *
 * Makes the new contact a referral from @referrer: someone they suggested.
 */
void
rapport_new_contact_dialog_set_referrer (RapportNewContactDialog *self,
                                         RapportContact          *referrer)
{
  g_autofree char *title = NULL;

  g_return_if_fail (RAPPORT_IS_NEW_CONTACT_DIALOG (self));
  g_return_if_fail (RAPPORT_IS_CONTACT (referrer));

  self->referrer_id = rapport_record_get_id (RAPPORT_RECORD (referrer));
  adw_combo_row_set_selected (self->source_row, RAPPORT_SOURCE_REFERRAL);

  /* Translators: window title, %s is who suggested the new contact */
  title = g_strdup_printf (_("Suggested by %s"), rapport_contact_get_name (referrer));
  gtk_window_set_title (GTK_WINDOW (self), title);
}
