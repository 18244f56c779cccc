/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-interviews-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-appointment-row.h"
#include "rapport-interview-view.h"
#include "rapport-interviews-page.h"
#include "rapport-question-bank.h"
#include "rapport-view-util.h"

/* Past and upcoming interviews; each opens to Prepare and Notes. */
struct _RapportInterviewsPage
{
  AdwBin                parent_instance;

  RapportStore         *store;
  GListStore           *list;
  GtkSingleSelection   *selection;

  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkStack             *detail_stack;
  RapportInterviewView *view;
};

G_DEFINE_FINAL_TYPE (RapportInterviewsPage, rapport_interviews_page, ADW_TYPE_BIN)

static void
refresh (RapportInterviewsPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  guint n;

  query.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  ids = rapport_store_query_appointments (self->store, &query, NULL);

  /* Newest first; requests without a time at the top. */
  for (guint i = ids ? ids->len : 0; i > 0; i--)
    {
      RapportAppointment *a = rapport_store_get_appointment (self->store, g_array_index (ids, gint64, i - 1));
      if (a != NULL && rapport_appointment_get_status (a) != RAPPORT_STATUS_CANCELLED)
        g_ptr_array_add (items, a);
      else
        g_clear_object (&a);
    }

  /* Keep the same objects where nothing changed, so the selection stays. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n == items->len)
    {
      gboolean same = TRUE;
      for (guint i = 0; i < n && same; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);
          same = item == g_ptr_array_index (items, i);
        }
      if (same)
        return;
    }

  {
    g_autoptr(GObject) selected = NULL;
    gpointer item = gtk_single_selection_get_selected_item (self->selection);

    if (item != NULL)
      selected = g_object_ref (item);
    g_list_store_splice (self->list, 0, n, items->pdata, items->len);
    if (selected != NULL)
      {
        guint position;
        if (g_list_store_find (self->list, selected, &position))
          gtk_single_selection_set_selected (self->selection, position);
      }
  }

  gtk_stack_set_visible_child_name (self->list_stack, items->len ? "list" : "empty");
}

static void
on_selection_changed (RapportInterviewsPage *self)
{
  RapportAppointment *appointment = gtk_single_selection_get_selected_item (self->selection);

  rapport_interview_view_set_appointment (self->view, appointment);
  gtk_stack_set_visible_child_name (self->detail_stack, appointment ? "interview" : "none");
}

static void
on_list_view_activate (RapportInterviewsPage *self,
                       guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportInterviewsPage *self = RAPPORT_INTERVIEWS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
edit_bank_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportInterviewsPage *self = RAPPORT_INTERVIEWS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (rapport_question_bank_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               self->store)));
}

static void
rapport_interviews_page_dispose (GObject *object)
{
  RapportInterviewsPage *self = (RapportInterviewsPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INTERVIEWS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_interviews_page_parent_class)->dispose (object);
}

static void
rapport_interviews_page_class_init (RapportInterviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_interviews_page_dispose;

  g_type_ensure (RAPPORT_TYPE_INTERVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-interviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, content);
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInterviewsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);

  gtk_widget_class_install_action (widget_class, "interviews.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "interviews.edit-bank", NULL, edit_bank_activated);
}

static void
rapport_interviews_page_init (RapportInterviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));

  self->list = g_list_store_new (RAPPORT_TYPE_APPOINTMENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
}

void
rapport_interviews_page_set_store (RapportInterviewsPage *self,
                                   RapportStore          *store)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (RAPPORT_IS_INTERVIEWS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  rapport_interview_view_set_store (self->view, store);

  factory = rapport_appointment_row_factory_new (store, TRUE);
  gtk_list_view_set_factory (self->list_view, factory);
  rapport_view_set_model_when_shown (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (store, "changed::appointments", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (store, "changed::contacts", G_CALLBACK (refresh), self);
  refresh (self);
}

/**
 * rapport_interviews_page_select_appointment:
 *
 * Opens the interview of @appointment_id.
 *
 * Returns: whether it is an interview the page lists
 */
gboolean
rapport_interviews_page_select_appointment (RapportInterviewsPage *self,
                                            gint64                 appointment_id)
{
  g_autoptr(RapportAppointment) appointment = NULL;
  guint position;

  g_return_val_if_fail (RAPPORT_IS_INTERVIEWS_PAGE (self), FALSE);

  if (self->store == NULL || !(appointment = rapport_store_get_appointment (self->store, appointment_id)))
    return FALSE;

  refresh (self);
  if (!g_list_store_find (self->list, appointment, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}
