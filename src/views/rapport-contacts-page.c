/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-detail.h"
#include "rapport-contacts-page.h"
#include "rapport-new-contact-dialog.h"
#include "rapport-view-util.h"
#include "rapport-wrap-box.h"

struct _RapportContactsPage
{
  AdwBin               parent_instance;

  RapportStore        *store;
  RapportContactList  *list;
  GtkSingleSelection  *selection;
  RapportContactSort   sort;

  /* The deletion or merge that Undo (the toast’s button or Ctrl+Z) would revert. */
  AdwToast            *undo_toast;

  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  GtkRevealer         *filter_bar;
  GtkLabel            *filter_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkSliceListModel   *first_rows;  /* all rows, once the first frame is shown */
  guint                first_rows_tick;
  guint                ticks;
  GtkStack            *detail_stack;
  RapportContactDetail *detail;
  GtkDropDown         *stage_dropdown;
  GtkDropDown         *source_dropdown;
  GtkDropDown         *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (RapportContactsPage, rapport_contacts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Position 0 of each filter drop-down is "All …". */
static int
filter_value (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return (selected == GTK_INVALID_LIST_POSITION || selected == 0) ? -1 : (int)selected - 1;
}

static gboolean
has_filters (RapportContactsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return filter_value (self->stage_dropdown) >= 0 ||
         filter_value (self->source_dropdown) >= 0 ||
         (text != NULL && *text != '\0');
}

static void
update_list_state (RapportContactsPage *self)
{
  guint n_items;
  int stage, source;

  if (self->list == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (has_filters (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  stage = filter_value (self->stage_dropdown);
  source = filter_value (self->source_dropdown);
  gtk_revealer_set_reveal_child (self->filter_bar, stage >= 0 || source >= 0);

  if (stage >= 0 || source >= 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (stage >= 0)
        /* Translators: a filter on the contact list, e.g. "Stage: Met" */
        g_string_append_printf (text, _("Stage: %s"), rapport_stage_get_label (stage));
      if (stage >= 0 && source >= 0)
        g_string_append (text, " · ");
      if (source >= 0)
        /* Translators: a filter on the contact list, e.g. "Source: LinkedIn" */
        g_string_append_printf (text, _("Source: %s"), rapport_source_get_label (source));
      gtk_label_set_label (self->filter_label, text->str);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.clear-filters",
                                 stage >= 0 || source >= 0);
}

/* GTK 4.8's list view makes a row widget for each of the first 200 items
 * before its first frame, whatever fits in view: 35 ms of startup with a
 * long list (issue 10). The first frame shows at most FIRST_ROWS rows,
 * which fill the tallest window; the list gets all its rows on the next
 * frame, before anyone can scroll. GTK 4.10 makes only the rows in view. */
#define FIRST_ROWS 64

static void
show_all_rows (RapportContactsPage *self)
{
  if (self->first_rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->first_rows_tick);
  self->first_rows_tick = 0;
  if (self->first_rows != NULL && gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

/* The first tick comes before the first frame is drawn, the second after. */
static gboolean
first_rows_tick (GtkWidget     *list_view,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  RapportContactsPage *self = data;

  if (++self->ticks < 2)
    return G_SOURCE_CONTINUE;

  self->first_rows_tick = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

static void on_detail_delete_requested (RapportContactsPage *self);
static void on_detail_merge_requested (RapportContactsPage  *self,
                                       RapportContact       *other,
                                       const char * const   *take,
                                       RapportContactDetail *detail);

/* The detail pane is made when a contact is first shown: it is the largest
 * part of the page, and no contact is shown at startup (issue 10). */
static RapportContactDetail *
ensure_detail (RapportContactsPage *self)
{
  if (self->detail != NULL)
    return self->detail;

  self->detail = g_object_new (RAPPORT_TYPE_CONTACT_DETAIL, NULL);
  g_signal_connect_object (self->detail, "delete-requested",
                           G_CALLBACK (on_detail_delete_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "merge-requested",
                           G_CALLBACK (on_detail_merge_requested), self, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    rapport_contact_detail_set_store (self->detail, self->store);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->detail), "detail");
  return self->detail;
}

static void
on_selection_changed (RapportContactsPage *self)
{
  g_autoptr(RapportContact) contact = NULL;
  RapportContact *shown = self->detail ? rapport_contact_detail_get_contact (self->detail) : NULL;

  contact = rapport_contacts_page_get_selected (self);

  /* An edit can move the contact in the sorted list, which drops the
   * selection: follow the contact to its new row instead of closing it. */
  if (contact == NULL && shown != NULL)
    {
      guint position = rapport_contact_list_find (self->list, rapport_record_get_id (RAPPORT_RECORD (shown)));

      if (position != G_MAXUINT)
        {
          gtk_single_selection_set_selected (self->selection, position);
          return;
        }
    }

  if (contact != NULL || self->detail != NULL)
    rapport_contact_detail_set_contact (ensure_detail (self), contact);
  gtk_stack_set_visible_child_name (self->detail_stack, contact ? "detail" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", contact != NULL);
}

static void
on_search_entry_search_changed (RapportContactsPage *self,
                                GtkSearchEntry      *entry)
{
  if (self->list != NULL)
    rapport_contact_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_list_state (self);
}

/* Read what a search looks through while the student starts typing. */
static void
on_search_entry_focus_enter (RapportContactsPage *self)
{
  if (self->list != NULL)
    rapport_contact_list_prepare_search (self->list);
}

static void
on_search_entry_stop_search (RapportContactsPage *self,
                             GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Enter in the search box opens the first match. */
static void
on_search_entry_activate (RapportContactsPage *self,
                          GtkSearchEntry      *entry)
{
  if (self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  rapport_contact_detail_focus (ensure_detail (self));
}

static void
on_list_view_activate (RapportContactsPage *self,
                       guint                position,
                       GtkListView         *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  rapport_contact_detail_focus (ensure_detail (self));
}

static void
on_filter_changed (RapportContactsPage *self)
{
  if (self->list == NULL)
    return;

  rapport_contact_list_set_stage (self->list, filter_value (self->stage_dropdown));
  rapport_contact_list_set_source (self->list, filter_value (self->source_dropdown));
  update_list_state (self);
}

static void
rapport_contacts_page_set_sort (RapportContactsPage *self,
                                RapportContactSort   sort)
{
  if (self->sort == sort)
    return;

  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint)sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  if (self->list != NULL)
    rapport_contact_list_set_sort (self->list, sort);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

static void
on_sort_changed (RapportContactsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    rapport_contacts_page_set_sort (self, selected);
}

static void
on_contact_added (RapportContactsPage *self,
                  RapportContact      *contact)
{
  gint64 id = rapport_record_get_id (RAPPORT_RECORD (contact));

  /* A new contact must be visible even if the list was filtered. */
  if (rapport_contact_list_find (self->list, id) == G_MAXUINT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      rapport_contact_list_set_search (self->list, NULL);
      gtk_widget_activate_action (GTK_WIDGET (self), "contacts.clear-filters", NULL);
    }

  rapport_contacts_page_select_contact (self, id);
  rapport_contact_detail_focus (ensure_detail (self));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  RapportNewContactDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = rapport_new_contact_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store);
  g_signal_connect_object (dialog, "contact-added", G_CALLBACK (on_contact_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
focus_list_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

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
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->source_dropdown, 0);
}

static void
on_contact_restored (RapportContactsPage *self,
                     gint64               id)
{
  rapport_contacts_page_select_contact (self, id);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

  if (self->undo_toast != NULL)
    rapport_view_undo_toast_undo (self->undo_toast);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  g_autoptr(RapportContact) contact = rapport_contacts_page_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint position;
  AdwToast *toast;

  if (contact == NULL || self->store == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);

  if (!rapport_store_delete_contact (self->store, contact, &error))
    {
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  /* Keep the keyboard where it was: on the next contact in the list. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      guint next = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->list)) - 1);
      gtk_single_selection_set_selected (self->selection, next);
    }

  /* Translators: shown after deleting a contact, %s is their name */
  title = g_strdup_printf (_("“%s” deleted"), rapport_contact_get_name (contact));
  toast = rapport_view_show_undo_toast (widget, self->store, title,
                                        rapport_record_get_id (RAPPORT_RECORD (contact)),
                                        rapport_store_undelete_contact,
                                        rapport_store_purge_contact,
                                        G_CALLBACK (on_contact_restored), self);
  g_set_weak_pointer (&self->undo_toast, toast);
}

/* Like a deletion, a merge is offered for Undo (the toast's button or
 * Ctrl+Z), and becomes final when the toast goes. */
static void
on_detail_merge_requested (RapportContactsPage  *self,
                           RapportContact       *other,
                           const char * const   *take,
                           RapportContactDetail *detail)
{
  RapportContact *keep = rapport_contact_detail_get_contact (detail);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (keep == NULL || self->store == NULL)
    return;

  if (!rapport_store_merge_contacts (self->store, keep, other, take, &error))
    {
      rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  /* Translators: shown after merging two contacts: the one merged away, then the one kept */
  title = g_strdup_printf (_("Merged “%s” into “%s”"),
                           rapport_contact_get_name (other), rapport_contact_get_name (keep));
  toast = rapport_view_show_undo_toast (GTK_WIDGET (self), self->store, title,
                                        rapport_record_get_id (RAPPORT_RECORD (other)),
                                        rapport_store_undo_merge,
                                        rapport_store_purge_contact,
                                        NULL, NULL);
  g_set_weak_pointer (&self->undo_toast, toast);
}

static void
on_detail_delete_requested (RapportContactsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "contacts.delete", NULL);
}

static void
rapport_contacts_page_dispose (GObject *object)
{
  RapportContactsPage *self = (RapportContactsPage *)object;

  g_clear_weak_pointer (&self->undo_toast);
  if (self->first_rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->first_rows_tick);
  self->first_rows_tick = 0;
  /* A child of detail_stack, made in code: not cleared with the template. */
  self->detail = NULL;
  /* The template's root is the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contacts_page_parent_class)->dispose (object);
}

static void
rapport_contacts_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contacts_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      rapport_contacts_page_set_sort (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contacts_page_class_init (RapportContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contacts_page_dispose;
  object_class->get_property = rapport_contacts_page_get_property;
  object_class->set_property = rapport_contacts_page_set_property;

  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       RAPPORT_TYPE_CONTACT_SORT, RAPPORT_CONTACT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_CONTACT_DETAIL);
  /* The detail's template uses it; ensured here so that file stays as it is. */
  g_type_ensure (RAPPORT_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, content);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);

  gtk_widget_class_install_action (widget_class, "contacts.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "contacts.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "contacts.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "contacts.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "contacts.focus-list", NULL, focus_list_activated);
  gtk_widget_class_install_action (widget_class, "contacts.clear-filters", NULL, clear_filters_activated);
}

static void
rapport_contacts_page_init (RapportContactsPage *self)
{
  g_autoptr(GListModel) stages = rapport_view_enum_labels (RAPPORT_TYPE_STAGE, _("All stages"));
  g_autoptr(GListModel) sources = rapport_view_enum_labels (RAPPORT_TYPE_SOURCE, _("All sources"));
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->stage_dropdown, stages);
  gtk_drop_down_set_model (self->source_dropdown, sources);

  factory = rapport_view_contact_factory_new ();
  gtk_list_view_set_factory (self->list_view, factory);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_search_entry_focus_enter), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.clear-filters", FALSE);
}

/**
 * rapport_contacts_page_set_store:
 *
 * Shows the contacts of @store. Called once, when the window is made.
 */
void
rapport_contacts_page_set_store (RapportContactsPage *self,
                                 RapportStore        *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->list = rapport_contact_list_new (store);
  rapport_contact_list_set_sort (self->list, self->sort);

  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, FIRST_ROWS);
  self->first_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), first_rows_tick, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (update_list_state), self, G_CONNECT_SWAPPED);
  /* Rows say why a search found them, and when they were last contacted
   * when sorted by it. */
  rapport_view_contact_factory_set_list (gtk_list_view_get_factory (self->list_view), self->list);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  if (self->detail != NULL)
    rapport_contact_detail_set_store (self->detail, store);
  update_list_state (self);
}

/**
 * rapport_contacts_page_select_contact:
 *
 * Selects and shows contact @contact_id, clearing a search or filter that
 * hides it.
 *
 * Returns: whether the contact exists and is now shown
 */
gboolean
rapport_contacts_page_select_contact (RapportContactsPage *self,
                                      gint64               contact_id)
{
  guint position;

  g_return_val_if_fail (RAPPORT_IS_CONTACTS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  show_all_rows (self);
  position = rapport_contact_list_find (self->list, contact_id);
  if (position == G_MAXUINT && has_filters (self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      rapport_contact_list_set_search (self->list, NULL);
      clear_filters_activated (GTK_WIDGET (self), NULL, NULL);
      position = rapport_contact_list_find (self->list, contact_id);
    }

  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); moving focus scrolls to the row. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

/**
 * rapport_contacts_page_get_detail:
 *
 * Returns: (transfer none): the detail pane, made now if it was not yet
 */
RapportContactDetail *
rapport_contacts_page_get_detail (RapportContactsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACTS_PAGE (self), NULL);

  return ensure_detail (self);
}

/**
 * rapport_contacts_page_get_selected:
 *
 * Returns: (transfer full) (nullable): the contact shown in the detail pane
 */
RapportContact *
rapport_contacts_page_get_selected (RapportContactsPage *self)
{
  gpointer item;

  g_return_val_if_fail (RAPPORT_IS_CONTACTS_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? g_object_ref (item) : NULL;
}
