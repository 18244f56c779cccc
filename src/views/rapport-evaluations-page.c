/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-evaluations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-comparison-item.h"
#include "rapport-evaluation-dialog.h"
#include "rapport-evaluations-overview.h"
#include "rapport-evaluations-page.h"
#include "rapport-referral-map.h"
#include "rapport-view-util.h"

/* The held interviews to evaluate, and side-by-side comparisons of career
 * fields, organizations and sources of names, sortable by any column. */
struct _RapportEvaluationsPage
{
  AdwBin        parent_instance;

  RapportStore *store;
  GListStore   *comparisons[3];

  AdwViewStack *stack;
  GtkStack     *interviews_stack;
  GtkListBox   *interviews_list;
  GtkColumnView *fields_view;
  GtkColumnView *organizations_view;
  GtkColumnView *sources_view;
  RapportEvaluationsOverview *overview;
  GtkStack     *referrals_stack;
  RapportReferralMap *referral_map;

  gboolean      stale;
};

G_DEFINE_FINAL_TYPE (RapportEvaluationsPage, rapport_evaluations_page, ADW_TYPE_BIN)

typedef struct
{
  const char *property;
  const char *title;
  gboolean    is_double;
} Column;

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "property");
  GObject *row = gtk_list_item_get_item (item);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (row, property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    text = g_value_dup_string (&value);
  else if (G_VALUE_HOLDS_DOUBLE (&value))
    text = g_value_get_double (&value) > 0 ? g_strdup_printf ("%.1f", g_value_get_double (&value)) : g_strdup ("–");
  else
    text = g_strdup_printf ("%u", g_value_get_uint (&value));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_columns (GtkColumnView *view,
             GListModel    *model,
             const Column  *columns,
             guint          n_columns)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkExpression *expression;
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "property", (gpointer)columns[i].property);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GINT_TO_POINTER (i > 0));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), factory);

      expression = gtk_property_expression_new (RAPPORT_TYPE_COMPARISON_ITEM, NULL, columns[i].property);
      if (i == 0)
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      else
        {
          sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
          gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
        }
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }

  sorted = gtk_sort_list_model_new (g_object_ref (model), g_object_ref (gtk_column_view_get_sorter (view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

static const Column interview_columns[] = {
  { "name", N_("Name"), FALSE },
  { "held", N_("Interviews"), FALSE },
  { "evaluated", N_("Evaluated"), FALSE },
  { "enjoy-role", N_("Enjoy work"), TRUE },
  { "enjoy-organization", N_("Enjoy employer"), TRUE },
  { "answered", N_("Answered"), FALSE },
  { "qualified-yes", N_("Qualified"), FALSE },
  { "qualified-partly", N_("Partly"), FALSE },
  { "qualified-no", N_("No"), FALSE },
  { "salary-known", N_("Salary known"), FALSE },
};

static const Column source_columns[] = {
  { "name", N_("Source"), FALSE },
  { "contacts", N_("Contacts"), FALSE },
  { "requested", N_("Asked"), FALSE },
  { "met", N_("Met"), FALSE },
};

static void open_evaluation (GtkButton              *button,
                             RapportEvaluationsPage *self);

static void
refresh (RapportEvaluationsPage *self)
{
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) held = NULL;
  GtkWidget *child;

  if (self->store == NULL)
    return;
  self->stale = FALSE;

  for (guint by = 0; by < 3; by++)
    {
      g_autoptr(GPtrArray) rows = rapport_store_compare (self->store, by, NULL);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (items, rapport_comparison_item_new (g_ptr_array_index (rows, i)));
      g_list_store_splice (self->comparisons[by], 0, g_list_model_get_n_items (G_LIST_MODEL (self->comparisons[by])),
                           items->pdata, items->len);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->interviews_list))))
    gtk_list_box_remove (self->interviews_list, child);

  query.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  query.status = RAPPORT_STATUS_HELD;
  held = rapport_store_query_appointments (self->store, &query, NULL);
  for (guint i = held ? held->len : 0; i > 0; i--)
    {
      g_autoptr(RapportAppointment) a = rapport_store_get_appointment (self->store, g_array_index (held, gint64, i - 1));
      g_autoptr(RapportInterview) interview = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;
      guint answered;
      gboolean done;

      if (a == NULL)
        continue;

      interview = rapport_store_get_interview (self->store, rapport_record_get_id (RAPPORT_RECORD (a)), NULL);
      if (interview == NULL)
        continue;

      title = rapport_store_dup_appointment_title (self->store, a);
      answered = rapport_store_count_answered (self->store, rapport_record_get_id (RAPPORT_RECORD (interview)));
      done = rapport_store_get_evaluated (self->store, rapport_record_get_id (RAPPORT_RECORD (interview))) > 0;
      if (done || answered > 0)
        /* Translators: how many evaluation questions have an answer */
        subtitle = rapport_evaluation_is_valuable (answered)
          /* Translators: how many evaluation questions have an answer */
          ? g_strdup_printf (_("%u of 11 answered · valuable information"), answered)
          /* Translators: how many evaluation questions have an answer */
          : g_strdup_printf (_("%u of 11 answered"), answered);
      else
        subtitle = g_strdup (_("Not evaluated yet"));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_with_mnemonic (done ? _("_Review…") : (answered ? _("_Continue…") : _("_Evaluate…")));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (!done)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "appointment", g_object_ref (a), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (open_evaluation), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->interviews_list, row);
    }

  gtk_stack_set_visible_child_name (self->interviews_stack, held && held->len ? "list" : "empty");

  rapport_referral_map_refresh (self->referral_map);
  gtk_stack_set_visible_child_name (self->referrals_stack,
                                    rapport_referral_map_get_n_people (self->referral_map) ? "map" : "empty");
}

/* A hidden page only notes that it is out of date, and catches up when it
 * is shown: at startup and on every change it would otherwise build a row
 * per held interview that nobody sees (see tests/bench). */
static void
queue_refresh (RapportEvaluationsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
on_map (RapportEvaluationsPage *self)
{
  if (self->stale)
    refresh (self);
}

static void
open_evaluation (GtkButton              *button,
                 RapportEvaluationsPage *self)
{
  RapportAppointment *a = g_object_get_data (G_OBJECT (button), "appointment");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (rapport_evaluation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 self->store, a)));
}

static void
rapport_evaluations_page_dispose (GObject *object)
{
  RapportEvaluationsPage *self = (RapportEvaluationsPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_EVALUATIONS_PAGE);
  for (guint i = 0; i < 3; i++)
    g_clear_object (&self->comparisons[i]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_evaluations_page_parent_class)->dispose (object);
}

static void
rapport_evaluations_page_class_init (RapportEvaluationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_evaluations_page_dispose;

  g_type_ensure (RAPPORT_TYPE_EVALUATIONS_OVERVIEW);
  g_type_ensure (RAPPORT_TYPE_REFERRAL_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-evaluations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, interviews_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, interviews_list);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, fields_view);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, organizations_view);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, sources_view);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, overview);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, referrals_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportEvaluationsPage, referral_map);
}

static void
rapport_evaluations_page_init (RapportEvaluationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  for (guint i = 0; i < 3; i++)
    self->comparisons[i] = g_list_store_new (RAPPORT_TYPE_COMPARISON_ITEM);

  add_columns (self->fields_view, G_LIST_MODEL (self->comparisons[RAPPORT_COMPARE_FIELD]),
               interview_columns, G_N_ELEMENTS (interview_columns));
  add_columns (self->organizations_view, G_LIST_MODEL (self->comparisons[RAPPORT_COMPARE_ORGANIZATION]),
               interview_columns, G_N_ELEMENTS (interview_columns));
  add_columns (self->sources_view, G_LIST_MODEL (self->comparisons[RAPPORT_COMPARE_SOURCE]),
               source_columns, G_N_ELEMENTS (source_columns));
  rapport_evaluations_overview_set_models (self->overview,
                                           G_LIST_MODEL (self->comparisons[RAPPORT_COMPARE_FIELD]),
                                           G_LIST_MODEL (self->comparisons[RAPPORT_COMPARE_SOURCE]));
}

void
rapport_evaluations_page_set_store (RapportEvaluationsPage *self,
                                    RapportStore           *store)
{
  g_return_if_fail (RAPPORT_IS_EVALUATIONS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  rapport_referral_map_set_store (self->referral_map, store);
  g_signal_connect_swapped (store, "changed::evaluations", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (store, "changed::appointments", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (store, "changed::contacts", G_CALLBACK (queue_refresh), self);
  queue_refresh (self);
}

/**
 * rapport_evaluations_page_get_comparison:
 *
 * Returns: (transfer none): the rows of a comparison, as the table shows them
 */
GListModel *
rapport_evaluations_page_get_comparison (RapportEvaluationsPage *self,
                                         RapportCompareBy        by)
{
  g_return_val_if_fail (RAPPORT_IS_EVALUATIONS_PAGE (self), NULL);

  if (self->stale)
    refresh (self);
  return G_LIST_MODEL (self->comparisons[by]);
}
