/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contact-chooser"

#include "config.h"

#include "rapport-contact-chooser.h"
#include "rapport-contact-list.h"
#include "rapport-view-util.h"

/* A popover to pick one contact by typing part of a name: used for "referred
 * by" and for linking a clipping to the people it names. */
struct _RapportContactChooser
{
  GtkPopover          parent_instance;

  RapportStore       *store;
  RapportContactList *list;   /* made when first shown */
  gint64              exclude_id;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RapportContactChooser, rapport_contact_chooser, GTK_TYPE_POPOVER)

enum {
  CONTACT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_stack (RapportContactChooser *self)
{
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
choose (RapportContactChooser *self,
        guint                  position)
{
  g_autoptr(RapportContact) contact = NULL;

  if (self->list == NULL)
    return;

  contact = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (contact == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CONTACT_CHOSEN], 0, contact);
}

static void
on_search_entry_search_changed (RapportContactChooser *self,
                                GtkSearchEntry        *entry)
{
  if (self->list != NULL)
    rapport_contact_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_stack (self);
}

static void
on_search_entry_activate (RapportContactChooser *self)
{
  choose (self, 0);
}

static void
on_list_view_activate (RapportContactChooser *self,
                       guint                  position)
{
  choose (self, position);
}

/* Every contact, searchable. Made the first time the chooser opens: a
 * window holds several choosers, and each list reads all contacts and
 * follows every change (see tests/bench). */
static void
ensure_list (RapportContactChooser *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->list != NULL || self->store == NULL)
    return;

  self->list = rapport_contact_list_new (self->store);
  rapport_contact_list_set_exclude (self->list, self->exclude_id);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_stack (self);
}

static void
rapport_contact_chooser_show (GtkWidget *widget)
{
  RapportContactChooser *self = RAPPORT_CONTACT_CHOOSER (widget);

  ensure_list (self);
  GTK_WIDGET_CLASS (rapport_contact_chooser_parent_class)->show (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rapport_contact_chooser_dispose (GObject *object)
{
  RapportContactChooser *self = (RapportContactChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_CHOOSER);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_chooser_parent_class)->dispose (object);
}

static void
rapport_contact_chooser_class_init (RapportContactChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_chooser_dispose;
  widget_class->show = rapport_contact_chooser_show;

  /**
   * RapportContactChooser::contact-chosen:
   * @contact: the contact picked
   */
  signals[CONTACT_CHOSEN] =
    g_signal_new ("contact-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RAPPORT_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-contact-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportContactChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
}

static void
rapport_contact_chooser_init (RapportContactChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = rapport_view_contact_factory_new ();
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

void
rapport_contact_chooser_set_store (RapportContactChooser *self,
                                   RapportStore          *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_CHOOSER (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->list);
  gtk_list_view_set_model (self->list_view, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    ensure_list (self);
  update_stack (self);
}

/**
 * rapport_contact_chooser_set_exclude:
 * @contact_id: a contact not to offer (the one being edited), or 0
 */
void
rapport_contact_chooser_set_exclude (RapportContactChooser *self,
                                     gint64                 contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_CHOOSER (self));

  self->exclude_id = contact_id;
  if (self->list != NULL)
    rapport_contact_list_set_exclude (self->list, contact_id);
}
