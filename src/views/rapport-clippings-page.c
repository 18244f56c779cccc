/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-clippings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-clipping-list.h"
#include "rapport-clippings-page.h"
#include "rapport-contact-chooser.h"
#include "rapport-contact-list.h"
#include "rapport-view-util.h"

/* The clippings file: articles and broadcasts about people doing the work,
 * and the people they name, each a step away from being a contact. */
struct _RapportClippingsPage
{
  AdwBin                 parent_instance;

  RapportStore          *store;
  RapportClippingList   *list;
  GtkSingleSelection    *selection;
  RapportContactList    *people;
  RapportClipping       *clipping;
  GPtrArray             *bindings;
  AdwToast              *undo_toast;

  AdwLeaflet            *leaflet;
  GtkWidget             *sidebar;
  GtkWidget             *content;
  GtkSearchEntry        *search_entry;
  GtkStack              *list_stack;
  GtkListView           *list_view;
  GtkStack              *detail_stack;
  AdwEntryRow           *title_row;
  AdwComboRow           *kind_row;
  AdwEntryRow           *url_row;
  AdwActionRow          *date_row;
  GtkWidget             *clear_date_button;
  GtkMenuButton         *date_button;
  GtkCalendar           *calendar;
  RapportContactChooser *link_chooser;
  GtkListBox            *people_list;
  AdwEntryRow           *add_person_row;
  GtkTextBuffer         *notes_buffer;
};

G_DEFINE_FINAL_TYPE (RapportClippingsPage, rapport_clippings_page, ADW_TYPE_BIN)

#define ID_KEY "rapport-id"

static char *
rapport_clipping_subtitle (gpointer             this_object,
                           RapportClippingKind  kind,
                           const char          *date)
{
  g_autofree char *formatted = rapport_view_format_iso_date (date);
  const char *label = rapport_clipping_kind_get_label (kind);

  return formatted ? g_strdup_printf ("%s · %s", label, formatted) : g_strdup (label);
}

static void
update_list_state (RapportClippingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->list == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (text && *text)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
update_date (RapportClippingsPage *self)
{
  const char *date = self->clipping ? rapport_clipping_get_date (self->clipping) : "";
  g_autofree char *formatted = rapport_view_format_iso_date (date);

  adw_action_row_set_subtitle (self->date_row, formatted ? formatted : _("No date"));
  gtk_widget_set_visible (self->clear_date_button, formatted != NULL);
}

static void
update_link (RapportClippingsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clipping.open-link",
                                 self->clipping && *rapport_clipping_get_url (self->clipping));
}

static void
on_clipping_notify (RapportClippingsPage *self,
                    GParamSpec           *pspec)
{
  if (g_str_equal (pspec->name, "date"))
    update_date (self);
  else if (g_str_equal (pspec->name, "url"))
    update_link (self);
}

static void
on_title_row_changed (RapportClippingsPage *self,
                      AdwEntryRow          *row)
{
  g_autofree char *title = NULL;

  if (self->clipping == NULL)
    return;

  /* Like a contact's name, a title can't be emptied: mark it, keep the old one. */
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*title == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  rapport_clipping_set_title (self->clipping, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_clipping (RapportClippingsPage *self,
               RapportClipping      *clipping)
{
  gint64 id;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  if (self->clipping != NULL)
    g_signal_handlers_disconnect_by_func (self->clipping, on_clipping_notify, self);

  g_set_object (&self->clipping, clipping);
  id = clipping ? rapport_record_get_id (RAPPORT_RECORD (clipping)) : 0;

  gtk_stack_set_visible_child_name (self->detail_stack, clipping ? "detail" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clippings.delete", clipping != NULL);
  if (self->people != NULL)
    rapport_contact_list_set_clipping (self->people, id > 0 ? id : G_MAXINT64);

  if (clipping == NULL)
    return;

  g_signal_handlers_block_by_func (self->title_row, on_title_row_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rapport_clipping_get_title (clipping));
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  g_signal_handlers_unblock_by_func (self->title_row, on_title_row_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_person_row), "");

  g_ptr_array_add (self->bindings,
                   g_object_bind_property (clipping, "url", self->url_row, "text",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (clipping, "notes", self->notes_buffer, "text",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings, rapport_view_bind_enum_combo (clipping, "kind", self->kind_row));
  g_signal_connect_swapped (clipping, "notify", G_CALLBACK (on_clipping_notify), self);

  update_date (self);
  update_link (self);
}

static void
on_selection_changed (RapportClippingsPage *self)
{
  g_autoptr(RapportClipping) clipping = rapport_clippings_page_get_selected (self);

  /* A new date moves the clipping in the list: follow it, don't close it. */
  if (clipping == NULL && self->clipping != NULL)
    {
      guint position = rapport_clipping_list_find (self->list, rapport_record_get_id (RAPPORT_RECORD (self->clipping)));

      if (position != G_MAXUINT)
        {
          gtk_single_selection_set_selected (self->selection, position);
          return;
        }
    }

  show_clipping (self, clipping);
}

static void
on_search_entry_search_changed (RapportClippingsPage *self,
                                GtkSearchEntry       *entry)
{
  if (self->list != NULL)
    rapport_clipping_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_list_state (self);
}

static void
on_search_entry_stop_search (RapportClippingsPage *self,
                             GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_list_view_activate (RapportClippingsPage *self,
                       guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_calendar_day_selected (RapportClippingsPage *self,
                          GtkCalendar          *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (self->clipping != NULL)
    rapport_clipping_set_date (self->clipping, iso);
  gtk_menu_button_popdown (self->date_button);
}

static void
on_link_chooser_contact_chosen (RapportClippingsPage *self,
                                RapportContact       *contact)
{
  g_autoptr(GError) error = NULL;

  if (self->clipping == NULL)
    return;

  if (!rapport_store_link_clipping (self->store, self->clipping, contact, &error))
    rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
on_add_person_row_apply (RapportClippingsPage *self)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (self->clipping == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_person_row))));
  if (*name == '\0')
    {
      rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (_("Type the person’s name first.")));
      return;
    }

  contact = rapport_store_add_contact_from_clipping (self->store, self->clipping, name, &error);
  if (contact == NULL)
    {
      rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_person_row), "");

  /* Translators: %s is the name of a new contact */
  title = g_strdup_printf (_("“%s” added to your contacts"), rapport_contact_get_name (contact));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-contact");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (rapport_record_get_id (RAPPORT_RECORD (contact))));
  rapport_view_add_toast (GTK_WIDGET (self), toast);
}

static void
on_people_list_row_activated (RapportClippingsPage *self,
                              GtkListBoxRow        *row)
{
  gsize id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), ID_KEY));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-contact", "x", (gint64)id);
}

static void
on_unlink_clicked (GtkButton            *button,
                   RapportClippingsPage *self)
{
  RapportContact *contact = g_object_get_data (G_OBJECT (button), "rapport-contact");
  g_autoptr(GError) error = NULL;

  if (self->clipping != NULL && contact != NULL &&
      !rapport_store_unlink_clipping (self->store, self->clipping, contact, &error))
    rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer data)
{
  RapportClippingsPage *self = data;
  RapportContact *contact = item;
  g_autofree char *title = g_markup_escape_text (rapport_contact_get_name (contact), -1);
  g_autofree char *summary = rapport_contact_dup_summary (contact);
  g_autofree char *subtitle = g_markup_escape_text (summary, -1);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: button that unlinks a person from a clipping, %s is their name */
  remove_label = g_strdup_printf (_("Remove %s From This Clipping"), rapport_contact_get_name (contact));
  remove = rapport_view_icon_button ("list-remove-symbolic", remove_label);
  g_object_set_data_full (G_OBJECT (remove), "rapport-contact", g_object_ref (contact), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), ID_KEY, GSIZE_TO_POINTER ((gsize)rapport_record_get_id (item)));
  return row;
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);
  g_autoptr(RapportClipping) clipping = rapport_clipping_new (_("Untitled clipping"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  rapport_clipping_set_date (clipping, today);
  if (!rapport_store_add_clipping (self->store, clipping, &error))
    {
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rapport_clippings_page_select_clipping (self, rapport_record_get_id (RAPPORT_RECORD (clipping)));

  /* Ready to type the real title over the placeholder one. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
focus_list_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  /* Down from the search box goes to the results, the first one selected. */
  if (self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  if (self->clipping != NULL)
    rapport_view_open_uri (widget, "https", rapport_clipping_get_url (self->clipping));
}

static void
clear_date_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  if (self->clipping != NULL)
    rapport_clipping_set_date (self->clipping, "");
}

static void
on_clipping_restored (RapportClippingsPage *self,
                      gint64                id)
{
  rapport_clippings_page_select_clipping (self, id);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);
  g_autoptr(RapportClipping) clipping = rapport_clippings_page_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint position, n_items;

  if (clipping == NULL || self->store == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  if (!rapport_store_delete_clipping (self->store, clipping, &error))
    {
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n_items > 0)
    gtk_single_selection_set_selected (self->selection, MIN (position, n_items - 1));

  /* Translators: shown after deleting a clipping, %s is its title */
  title = g_strdup_printf (_("“%s” deleted"), rapport_clipping_get_title (clipping));
  g_set_weak_pointer (&self->undo_toast,
                      rapport_view_show_undo_toast (widget, self->store, title,
                                                    rapport_record_get_id (RAPPORT_RECORD (clipping)),
                                                    rapport_store_undelete_clipping,
                                                    rapport_store_purge_clipping,
                                                    G_CALLBACK (on_clipping_restored), self));
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportClippingsPage *self = RAPPORT_CLIPPINGS_PAGE (widget);

  if (self->undo_toast != NULL)
    rapport_view_undo_toast_undo (self->undo_toast);
}

static void
rapport_clippings_page_dispose (GObject *object)
{
  RapportClippingsPage *self = (RapportClippingsPage *)object;

  show_clipping (self, NULL);
  g_clear_weak_pointer (&self->undo_toast);

  /* The template's root is the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CLIPPINGS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_clippings_page_parent_class)->dispose (object);
}

static void
rapport_clippings_page_finalize (GObject *object)
{
  RapportClippingsPage *self = (RapportClippingsPage *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_clippings_page_parent_class)->finalize (object);
}

static void
rapport_clippings_page_class_init (RapportClippingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_clippings_page_dispose;
  object_class->finalize = rapport_clippings_page_finalize;

  g_type_ensure (RAPPORT_TYPE_CONTACT_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-clippings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, content);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, clear_date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, link_chooser);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, add_person_row);
  gtk_widget_class_bind_template_child (widget_class, RapportClippingsPage, notes_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_link_chooser_contact_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_add_person_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_people_list_row_activated);

  gtk_widget_class_install_action (widget_class, "clippings.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "clippings.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "clippings.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "clippings.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "clippings.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "clippings.focus-list", NULL, focus_list_activated);
  gtk_widget_class_install_action (widget_class, "clipping.open-link", NULL, open_link_activated);
  gtk_widget_class_install_action (widget_class, "clipping.clear-date", NULL, clear_date_activated);
}

static void
rapport_clippings_page_init (RapportClippingsPage *self)
{
  g_autoptr(GListModel) kinds = rapport_view_enum_labels (RAPPORT_TYPE_CLIPPING_KIND, NULL);
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  rapport_view_name_calendar_arrows (self->calendar);

  self->bindings = g_ptr_array_new ();
  adw_combo_row_set_model (self->kind_row, kinds);

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "rapport_clipping_subtitle",
                                          G_CALLBACK (rapport_clipping_subtitle));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_PREFIX "/rapport-clipping-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  placeholder = gtk_label_new (_("Nobody yet. Type a name below, or link someone already in your contacts."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->people_list, placeholder);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clippings.delete", FALSE);
}

void
rapport_clippings_page_set_store (RapportClippingsPage *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_CLIPPINGS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->list = rapport_clipping_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (update_list_state), self, G_CONNECT_SWAPPED);
  rapport_view_set_model_when_shown (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->people = rapport_contact_list_new (store);
  rapport_contact_list_set_clipping (self->people, G_MAXINT64);
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people), create_person_row, self, NULL);
  rapport_contact_chooser_set_store (self->link_chooser, store);

  update_list_state (self);
}

/**
 * rapport_clippings_page_select_clipping:
 *
 * Returns: whether the clipping exists and is now shown
 */
gboolean
rapport_clippings_page_select_clipping (RapportClippingsPage *self,
                                        gint64                clipping_id)
{
  guint position;

  g_return_val_if_fail (RAPPORT_IS_CLIPPINGS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  position = rapport_clipping_list_find (self->list, clipping_id);
  if (position == G_MAXUINT && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      rapport_clipping_list_set_search (self->list, NULL);
      position = rapport_clipping_list_find (self->list, clipping_id);
    }

  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

/**
 * rapport_clippings_page_get_selected:
 *
 * Returns: (transfer full) (nullable): the clipping shown
 */
RapportClipping *
rapport_clippings_page_get_selected (RapportClippingsPage *self)
{
  gpointer item;

  g_return_val_if_fail (RAPPORT_IS_CLIPPINGS_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? g_object_ref (item) : NULL;
}
