/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-interview-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-evaluation-dialog.h"
#include "rapport-interview-view.h"
#include "rapport-print-actions.h"
#include "rapport-question-picker.h"
#include "rapport-thank-you-dialog.h"
#include "rapport-view-util.h"
#include "rapport-wrap-box.h"

/* One interview: Prepare (goals, picked questions, helpful hints) and Notes
 * (cues by category with a notes field each, notebook, timer, quick capture
 * and coverage). Every field edits a store object, which saves itself. */
struct _RapportInterviewView
{
  AdwBin                 parent_instance;

  RapportStore          *store;
  RapportAppointment    *appointment;
  RapportInterview      *interview;
  GPtrArray             *bindings;
  GPtrArray             *prompt_bindings;
  GArray                *prompt_ids;

  /* meeting timer */
  guint                  tick_source;
  gint64                 started;      /* monotonic µs when last started */
  int                    base;         /* seconds before that */
  gboolean               cued;

  GtkLabel              *title_label;
  GtkLabel              *when_label;
  GtkWidget             *held_button;
  GtkWidget             *thank_button;
  GtkWidget             *evaluate_button;
  AdwViewStack          *stack;
  GtkTextView           *goals_view;
  RapportQuestionPicker *question_picker;
  GtkListBox            *prompts_list;
  AdwPreferencesGroup   *hints_group;
  GtkCheckButton        *hint_checks[RAPPORT_N_HINTS];
  AdwActionRow          *thank_you_row;
  GtkLabel              *timer_label;
  GtkButton             *timer_button;
  GtkLabel              *timer_cue_label;
  GtkBox                *cues_box;
  GtkTextView           *notebook_view;
  AdwEntryRow           *referral_name_row;
  AdwEntryRow           *referral_org_row;
  AdwEntryRow           *referral_reach_row;
  AdwComboRow           *action_kind_row;
  AdwEntryRow           *action_text_row;
  AdwActionRow          *action_due_row;
  GtkSpinButton         *action_due_spin;
  GtkListBox            *actions_list;
  GtkSwitch             *card_switch;
  GtkListBox            *coverage_list;
  GtkImage              *coverage_icons[RAPPORT_N_TOPICS];
  AdwActionRow          *coverage_rows[RAPPORT_N_TOPICS];
};

G_DEFINE_FINAL_TYPE (RapportInterviewView, rapport_interview_view, ADW_TYPE_BIN)

#define RECORD_KEY "rapport-record"

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* Coverage */

static void
update_coverage (RapportInterviewView *self)
{
  guint covered = self->interview ? rapport_store_get_coverage (self->store,
                                      rapport_record_get_id (RAPPORT_RECORD (self->interview))) : 0;

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      gboolean done = (covered & (1u << t)) != 0;

      gtk_image_set_from_icon_name (self->coverage_icons[t], done ? "object-select-symbolic" : "list-remove-symbolic");
      adw_action_row_set_subtitle (self->coverage_rows[t], done ? _("Touched in your notes") : _("Still open"));
      if (done)
        gtk_widget_remove_css_class (GTK_WIDGET (self->coverage_rows[t]), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->coverage_rows[t]), "dim-label");
    }
}

/* Prepare: the picked questions */

static void rebuild_prompts (RapportInterviewView *self);

static void
on_prompt_button_clicked (GtkButton            *button,
                          RapportInterviewView *self)
{
  RapportPrompt *prompt = g_object_get_data (G_OBJECT (button), RECORD_KEY);
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  g_autoptr(GError) error = NULL;

  rapport_store_flush (self->store, NULL);
  if (delta == 0)
    rapport_store_remove_prompt (self->store, prompt, &error);
  else
    rapport_store_move_prompt (self->store, prompt, delta, &error);

  if (error != NULL)
    rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static GtkWidget *
prompt_button (RapportInterviewView *self,
               RapportPrompt        *prompt,
               const char           *icon,
               const char           *label,
               int                   delta)
{
  GtkWidget *button = rapport_view_icon_button (icon, label);

  g_object_set_data_full (G_OBJECT (button), RECORD_KEY, g_object_ref (prompt), g_object_unref);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_prompt_button_clicked), self);
  return button;
}

static void
on_prompt_notes_changed (RapportInterviewView *self)
{
  update_coverage (self);
}

static void
rebuild_prompts (RapportInterviewView *self)
{
  g_autoptr(GPtrArray) prompts = g_ptr_array_new_with_free_func (g_object_unref);
  int shown_category = -1;

  /* Unbind before the notes fields go, or the bindings would dangle. */
  for (guint i = 0; i < self->prompt_bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->prompt_bindings, i));
  g_ptr_array_set_size (self->prompt_bindings, 0);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->cues_box)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TEXT_VIEW (w))
      {
        RapportPrompt *old = g_object_get_data (G_OBJECT (w), RECORD_KEY);
        if (old != NULL)
          g_signal_handlers_disconnect_by_func (old, on_prompt_notes_changed, self);
      }

  clear_children (GTK_WIDGET (self->prompts_list));
  clear_children (GTK_WIDGET (self->cues_box));

  for (guint i = 0; self->prompt_ids && i < self->prompt_ids->len; i++)
    {
      RapportPrompt *p = rapport_store_get_prompt (self->store, g_array_index (self->prompt_ids, gint64, i));
      if (p != NULL)
        g_ptr_array_add (prompts, p);
    }

  if (prompts->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No questions yet: add a few from the question bank."));
      GtkWidget *cue = gtk_label_new (_("Pick questions under Prepare and they show here as cues, each with room for notes."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_list_box_append (self->prompts_list, empty);
      gtk_label_set_wrap (GTK_LABEL (cue), TRUE);
      gtk_widget_add_css_class (cue, "dim-label");
      gtk_box_append (self->cues_box, cue);
    }

  /* Prepare: the order the student chose, with Move Up/Down and Remove. */
  for (guint i = 0; i < prompts->len; i++)
    {
      RapportPrompt *p = g_ptr_array_index (prompts, i);
      g_autoptr(RapportQuestion) q = rapport_store_get_question (self->store, rapport_prompt_get_question_id (p));
      g_autofree char *text = q ? rapport_question_dup_display_text (q) : g_strdup ("");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      if (q != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_category_get_label (rapport_question_get_category (q)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), prompt_button (self, p, "go-up-symbolic", _("Move Up"), -1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), prompt_button (self, p, "go-down-symbolic", _("Move Down"), 1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), prompt_button (self, p, "list-remove-symbolic", _("Remove Question"), 0));
      gtk_list_box_append (self->prompts_list, row);
    }

  /* Notes: cues grouped by category, in the order categories first appear. */
  for (int category = 0; category < RAPPORT_N_CATEGORIES; category++)
    for (guint i = 0; i < prompts->len; i++)
      {
        RapportPrompt *p = g_ptr_array_index (prompts, i);
        g_autoptr(RapportQuestion) q = rapport_store_get_question (self->store, rapport_prompt_get_question_id (p));
        g_autofree char *text = NULL;
        GtkWidget *label, *view;
        GtkTextBuffer *buffer;

        if (q == NULL || (int)rapport_question_get_category (q) != category)
          continue;

        if (shown_category != category)
          {
            GtkWidget *heading = gtk_label_new (rapport_category_get_label (category));

            gtk_label_set_xalign (GTK_LABEL (heading), 0);
            gtk_widget_add_css_class (heading, "heading");
            gtk_box_append (self->cues_box, heading);
            shown_category = category;
          }

        text = rapport_question_dup_display_text (q);
        label = gtk_label_new (text);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (self->cues_box, label);

        view = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_widget_set_vexpand (view, FALSE);
        gtk_widget_add_css_class (view, "card");
        gtk_widget_add_css_class (view, "notes");
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
        g_ptr_array_add (self->prompt_bindings,
                         g_object_bind_property (p, "notes", buffer, "text",
                                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
        g_object_set_data_full (G_OBJECT (view), RECORD_KEY, g_object_ref (p), g_object_unref);
        g_signal_connect_swapped (p, "notify::notes", G_CALLBACK (on_prompt_notes_changed), self);
        gtk_box_append (self->cues_box, view);
      }

  update_coverage (self);
}

/* The list is rebuilt only when prompts are added, moved or removed, not
 * on every save of the notes typed into it. */
static void
refresh_prompts (RapportInterviewView *self)
{
  g_autoptr(GArray) ids = NULL;

  if (self->interview == NULL)
    return;

  ids = rapport_store_list_prompts (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)), NULL);
  if (ids == NULL)
    return;

  /* (An empty GArray's data may be NULL, which memcmp must not see.) */
  if (self->prompt_ids != NULL && self->prompt_ids->len == ids->len &&
      (ids->len == 0 || memcmp (self->prompt_ids->data, ids->data, ids->len * sizeof (gint64)) == 0))
    return;

  g_clear_pointer (&self->prompt_ids, g_array_unref);
  self->prompt_ids = g_steal_pointer (&ids);
  rebuild_prompts (self);
}

static void
on_question_picked (RapportInterviewView *self,
                    RapportQuestion      *question)
{
  g_autoptr(RapportPrompt) prompt = NULL;
  g_autoptr(GError) error = NULL;

  if (self->interview == NULL)
    return;

  prompt = rapport_store_add_prompt (self->store, self->interview, question, &error);
  if (prompt == NULL)
    rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Helpful hints */

static void
on_hint_toggled (GtkCheckButton       *check,
                 RapportInterviewView *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "hint"));
  guint flags;

  if (self->interview == NULL)
    return;

  flags = rapport_interview_get_checklist (self->interview);
  flags = gtk_check_button_get_active (check) ? (flags | bit) : (flags & ~bit);
  rapport_interview_set_checklist (self->interview, flags);
}

static void
update_hints (RapportInterviewView *self)
{
  guint flags = self->interview ? rapport_interview_get_checklist (self->interview) : 0;
  gint64 end = self->appointment ? rapport_appointment_get_end (self->appointment) : 0;

  for (guint i = 0; i < RAPPORT_N_HINTS; i++)
    {
      g_signal_handlers_block_by_func (self->hint_checks[i], on_hint_toggled, self);
      gtk_check_button_set_active (self->hint_checks[i], (flags & (1u << i)) != 0);
      g_signal_handlers_unblock_by_func (self->hint_checks[i], on_hint_toggled, self);
    }

  if (end > 0)
    {
      g_autofree char *due = rapport_view_format_when (end + 24 * 60 * 60);
      /* Translators: %s is a day and time */
      g_autofree char *text = g_strdup_printf (_("Due by %s"), due);
      adw_action_row_set_subtitle (self->thank_you_row, text);
    }
  else
    adw_action_row_set_subtitle (self->thank_you_row, "");
}

/* Header */

static void
update_header (RapportInterviewView *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) when = g_string_new (NULL);
  gint64 start;

  if (self->appointment == NULL)
    return;

  title = rapport_store_dup_appointment_title (self->store, self->appointment);
  start = rapport_appointment_get_start (self->appointment);
  if (start > 0)
    {
      g_autofree char *w = rapport_view_format_when (start);
      g_string_append (when, w);
    }
  else
    g_string_append (when, _("No time yet"));
  g_string_append_printf (when, " · %s", rapport_status_get_label (rapport_appointment_get_status (self->appointment)));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->when_label, when->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "interview.mark-held",
                                 start > 0 && rapport_appointment_get_status (self->appointment) != RAPPORT_STATUS_HELD);
  /* After the meeting, the thank-you note is the next step. */
  {
    gboolean held = rapport_appointment_get_status (self->appointment) == RAPPORT_STATUS_HELD;
    gboolean thanked = rapport_store_get_thanked (self->store, rapport_record_get_id (RAPPORT_RECORD (self->appointment))) > 0;

    gtk_widget_set_visible (self->held_button, !held);
    gtk_widget_set_visible (self->thank_button, held);
    gtk_widget_set_visible (self->evaluate_button, held);
    if (held && !thanked)
      gtk_widget_add_css_class (self->thank_button, "suggested-action");
    else
      gtk_widget_remove_css_class (self->thank_button, "suggested-action");
  }
  update_hints (self);
}

/* Action items */

static void
rebuild_actions (RapportInterviewView *self)
{
  g_autoptr(GArray) ids = NULL;

  clear_children (GTK_WIDGET (self->actions_list));
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), FALSE);

  if (self->interview == NULL)
    return;

  ids = rapport_store_list_action_items (self->store, rapport_record_get_id (RAPPORT_RECORD (self->interview)), NULL);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportActionItem) item = rapport_store_get_action_item (self->store, g_array_index (ids, gint64, i));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row, *check;
      gint64 due;

      if (item == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_action_item_get_text (item));
      g_string_append (subtitle, rapport_action_kind_get_label (rapport_action_item_get_kind (item)));
      if ((due = rapport_action_item_get_due (item)) > 0)
        {
          g_autofree char *day = rapport_view_format_when (due);
          /* Translators: %s is a day */
          g_string_append_printf (subtitle, " · ");
          g_string_append_printf (subtitle, _("due %s"), day);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      g_object_bind_property (item, "done", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      /* the row keeps the item alive as long as the binding */
      g_object_set_data_full (G_OBJECT (row), RECORD_KEY, g_object_ref (item), g_object_unref);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->actions_list, row);
      gtk_widget_set_visible (GTK_WIDGET (self->actions_list), TRUE);
    }
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  g_autoptr(RapportActionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  int days;

  if (self->interview == NULL)
    return;

  /* The row says what the field takes; a due date made up from an
   * emptied or clamped field would be worse than none. */
  if (!rapport_view_spin_is_valid (self->action_due_spin))
    {
      gtk_widget_error_bell (widget);
      gtk_widget_grab_focus (GTK_WIDGET (self->action_due_spin));
      return;
    }
  gtk_spin_button_update (self->action_due_spin);
  days = gtk_spin_button_get_value_as_int (self->action_due_spin);

  item = g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                       "interview-id", rapport_record_get_id (RAPPORT_RECORD (self->interview)),
                       "contact-id", rapport_appointment_get_contact_id (self->appointment),
                       "kind", adw_combo_row_get_selected (self->action_kind_row),
                       "text", gtk_editable_get_text (GTK_EDITABLE (self->action_text_row)),
                       "due", days > 0 ? g_get_real_time () / G_USEC_PER_SEC + (gint64)days * 24 * 60 * 60 : (gint64)0,
                       NULL);
  if (!rapport_store_add_action_item (self->store, item, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->action_text_row), "error");
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->action_text_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->action_text_row), "");
  gtk_spin_button_set_value (self->action_due_spin, 0);
}

/* A disabled button keeps the focus where it is, so the field is not
 * put back to its last good value by a click that adds the item anyway. */
static void
on_action_due_changed (RapportInterviewView *self)
{
  if (self->action_due_spin == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "interview.add-action",
                                 rapport_view_spin_is_valid (self->action_due_spin));
}

static void
on_add_action (RapportInterviewView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "interview.add-action", NULL);
}

static void
add_referral_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (self->interview == NULL)
    return;

  contact = rapport_store_add_referral (self->store, self->interview,
                                        gtk_editable_get_text (GTK_EDITABLE (self->referral_name_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->referral_org_row)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->referral_reach_row)),
                                        &error);
  if (contact == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->referral_name_row), "error");
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->referral_name_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->referral_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->referral_org_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->referral_reach_row), "");

  /* Translators: %s is the name of a new contact */
  text = g_strdup_printf (_("“%s” added to your contacts as a referral"), rapport_contact_get_name (contact));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-contact");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (rapport_record_get_id (RAPPORT_RECORD (contact))));
  rapport_view_add_toast (widget, toast);
}

static void
on_add_referral (RapportInterviewView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "interview.add-referral", NULL);
}

/* Timer */

static int
timer_seconds (RapportInterviewView *self)
{
  if (self->started == 0)
    return self->base;
  return self->base + (int)((g_get_monotonic_time () - self->started) / G_USEC_PER_SEC);
}

static void
update_timer (RapportInterviewView *self)
{
  int seconds = timer_seconds (self);
  int agreed = self->appointment ? rapport_appointment_get_duration (self->appointment) * 60 : 0;
  g_autofree char *text = g_strdup_printf ("%02d:%02d", seconds / 60, seconds % 60);

  gtk_label_set_label (self->timer_label, text);
  gtk_button_set_label (self->timer_button, self->started ? _("_Pause") : (seconds ? _("_Resume") : _("_Start")));
  gtk_button_set_use_underline (self->timer_button, TRUE);

  /* A gentle cue at the agreed length: respect the time they gave. */
  if (agreed > 0 && seconds >= agreed)
    {
      gtk_label_set_label (self->timer_cue_label, _("The agreed time is up: start wrapping up, and ask who else to talk to."));
      gtk_widget_add_css_class (GTK_WIDGET (self->timer_cue_label), "accent");
      if (!self->cued && self->started)
        {
          self->cued = TRUE;
          gtk_widget_error_bell (GTK_WIDGET (self));
        }
    }
  else if (agreed > 0)
    {
      g_autofree char *cue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Agreed length: %d minute",
                                                           "Agreed length: %d minutes", agreed / 60), agreed / 60);
      gtk_label_set_label (self->timer_cue_label, cue);
      gtk_widget_remove_css_class (GTK_WIDGET (self->timer_cue_label), "accent");
    }
}

static gboolean
on_tick (gpointer data)
{
  RapportInterviewView *self = data;
  int seconds = timer_seconds (self);

  update_timer (self);
  /* Kept now and then, so a crash loses at most a few seconds of it. */
  if (self->interview != NULL && seconds % 15 == 0)
    rapport_interview_set_elapsed (self->interview, seconds);
  return G_SOURCE_CONTINUE;
}

static void
stop_timer (RapportInterviewView *self)
{
  if (self->started == 0)
    return;

  self->base = timer_seconds (self);
  self->started = 0;
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->interview != NULL)
    rapport_interview_set_elapsed (self->interview, self->base);
}

static void
toggle_timer_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);

  if (self->started)
    stop_timer (self);
  else
    {
      self->started = g_get_monotonic_time ();
      self->tick_source = g_timeout_add_seconds (1, on_tick, self);
    }
  update_timer (self);
}

static void
reset_timer_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);

  stop_timer (self);
  self->base = 0;
  self->cued = FALSE;
  if (self->interview != NULL)
    rapport_interview_set_elapsed (self->interview, 0);
  update_timer (self);
}

static void
mark_held_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  if (self->appointment == NULL)
    return;

  stop_timer (self);
  rapport_store_flush (self->store, NULL);
  if (!rapport_store_mark_held (self->store, self->appointment, &error))
    {
      rapport_view_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  due = rapport_view_format_when (rapport_appointment_get_end (self->appointment) + 24 * 60 * 60);
  /* Translators: %s is a day and time */
  text = g_strdup_printf (_("Marked as held. Send your thank-you note by %s."), due);
  rapport_view_add_toast (widget, adw_toast_new (text));
  update_header (self);
}

static void
thank_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->appointment == NULL)
    return;

  rapport_store_flush (self->store, NULL);
  gtk_window_present (GTK_WINDOW (rapport_thank_you_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                self->store, self->appointment)));
}

static void
evaluate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->appointment == NULL)
    return;

  rapport_store_flush (self->store, NULL);
  gtk_window_present (GTK_WINDOW (rapport_evaluation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 self->store, self->appointment)));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RapportInterviewView *self = RAPPORT_INTERVIEW_VIEW (widget);
  gint64 id = self->appointment ? rapport_record_get_id (RAPPORT_RECORD (self->appointment)) : 0;
  gboolean export = g_str_has_prefix (action_name, "interview.export");
  gboolean preview = g_str_has_prefix (action_name, "interview.preview");
  RapportSheetKind kind = RAPPORT_SHEET_PREP;

  if (g_str_has_suffix (action_name, "summary"))
    kind = RAPPORT_SHEET_SUMMARY;
  else if (g_str_has_suffix (action_name, "worksheet"))
    kind = RAPPORT_SHEET_WORKSHEET;

  if (self->store == NULL || (id == 0 && kind != RAPPORT_SHEET_WORKSHEET))
    return;

  /* What was just typed belongs on the sheet. */
  rapport_store_flush (self->store, NULL);
  if (preview)
    rapport_preview_sheet (widget, self->store, id, kind);
  else if (export)
    rapport_export_sheet_pdf (widget, self->store, id, kind);
  else
    rapport_print_sheet (widget, self->store, id, kind);
}

/* GObject */

static void
unbind_all (RapportInterviewView *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  for (guint i = 0; i < self->prompt_bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->prompt_bindings, i));
  g_ptr_array_set_size (self->prompt_bindings, 0);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->cues_box)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TEXT_VIEW (w))
      {
        RapportPrompt *old = g_object_get_data (G_OBJECT (w), RECORD_KEY);
        if (old != NULL)
          g_signal_handlers_disconnect_by_func (old, on_prompt_notes_changed, self);
        g_object_set_data (G_OBJECT (w), RECORD_KEY, NULL);
      }
}

static void
rapport_interview_view_dispose (GObject *object)
{
  RapportInterviewView *self = (RapportInterviewView *)object;

  stop_timer (self);
  if (self->bindings && self->cues_box)
    unbind_all (self);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      rapport_store_flush (self->store, NULL);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INTERVIEW_VIEW);
  g_clear_object (&self->interview);
  g_clear_object (&self->appointment);
  g_clear_object (&self->store);
  g_clear_pointer (&self->prompt_ids, g_array_unref);

  G_OBJECT_CLASS (rapport_interview_view_parent_class)->dispose (object);
}

static void
rapport_interview_view_finalize (GObject *object)
{
  RapportInterviewView *self = (RapportInterviewView *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->prompt_bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_interview_view_parent_class)->finalize (object);
}

static void
rapport_interview_view_class_init (RapportInterviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_interview_view_dispose;
  object_class->finalize = rapport_interview_view_finalize;

  g_type_ensure (RAPPORT_TYPE_QUESTION_PICKER);
  g_type_ensure (RAPPORT_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-interview-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RapportInterviewView, name)
  BIND (title_label);
  BIND (when_label);
  BIND (held_button);
  BIND (thank_button);
  BIND (evaluate_button);
  BIND (stack);
  BIND (goals_view);
  BIND (question_picker);
  BIND (prompts_list);
  BIND (hints_group);
  BIND (timer_label);
  BIND (timer_button);
  BIND (timer_cue_label);
  BIND (cues_box);
  BIND (notebook_view);
  BIND (referral_name_row);
  BIND (referral_org_row);
  BIND (referral_reach_row);
  BIND (action_kind_row);
  BIND (action_text_row);
  BIND (action_due_row);
  BIND (action_due_spin);
  BIND (actions_list);
  BIND (card_switch);
  BIND (coverage_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_question_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_referral);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action);
  gtk_widget_class_bind_template_callback (widget_class, on_action_due_changed);

  gtk_widget_class_install_action (widget_class, "interview.mark-held", NULL, mark_held_activated);
  gtk_widget_class_install_action (widget_class, "interview.thank", NULL, thank_activated);
  gtk_widget_class_install_action (widget_class, "interview.evaluate", NULL, evaluate_activated);
  gtk_widget_class_install_action (widget_class, "interview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.preview", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.preview-summary", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.export-pdf", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.print-summary", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.export-summary", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.print-worksheet", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "interview.toggle-timer", NULL, toggle_timer_activated);
  gtk_widget_class_install_action (widget_class, "interview.reset-timer", NULL, reset_timer_activated);
  gtk_widget_class_install_action (widget_class, "interview.add-referral", NULL, add_referral_activated);
  gtk_widget_class_install_action (widget_class, "interview.add-action", NULL, add_action_activated);
}

static void
rapport_interview_view_init (RapportInterviewView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  rapport_view_guard_spin (self->action_due_spin, self->action_due_row);

  /* Ctrl+P prints the interview in view wherever the focus is in the
   * window (the list of interviews, say), not only inside the view. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("interview.print")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("interview.preview")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->bindings = g_ptr_array_new ();
  self->prompt_bindings = g_ptr_array_new ();

  for (guint k = 0; k < RAPPORT_N_ACTION_KINDS; k++)
    gtk_string_list_append (kinds, rapport_action_kind_get_label (k));
  adw_combo_row_set_model (self->action_kind_row, G_LIST_MODEL (kinds));

  for (guint i = 0; i < RAPPORT_N_HINTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = rapport_hint_get_label (1u << i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (check), "hint", GUINT_TO_POINTER (1u << i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_hint_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->hints_group, row);
      self->hint_checks[i] = GTK_CHECK_BUTTON (check);
      if ((1u << i) == RAPPORT_HINT_THANK_YOU)
        self->thank_you_row = ADW_ACTION_ROW (row);
    }

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_topic_get_label (t));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->coverage_list, row);
      self->coverage_icons[t] = GTK_IMAGE (icon);
      self->coverage_rows[t] = ADW_ACTION_ROW (row);
    }

  update_timer (self);
}

void
rapport_interview_view_set_store (RapportInterviewView *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW_VIEW (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  rapport_question_picker_set_store (self->question_picker, store);
  g_signal_connect_swapped (store, "changed::interviews", G_CALLBACK (refresh_prompts), self);
  g_signal_connect_swapped (store, "changed::questions", G_CALLBACK (rebuild_prompts), self);
  g_signal_connect_swapped (store, "changed::action-items", G_CALLBACK (rebuild_actions), self);
  g_signal_connect_swapped (store, "changed::appointments", G_CALLBACK (update_header), self);
  g_signal_connect_swapped (store, "changed::interviews", G_CALLBACK (update_header), self);
}

/**
 * rapport_interview_view_set_appointment:
 *
 * Shows the preparation and notes of @appointment's interview, made on
 * first use.
 */
void
rapport_interview_view_set_appointment (RapportInterviewView *self,
                                        RapportAppointment   *appointment)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RAPPORT_IS_INTERVIEW_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (self->appointment == appointment)
    return;

  stop_timer (self);
  unbind_all (self);
  g_clear_pointer (&self->prompt_ids, g_array_unref);
  g_clear_object (&self->interview);
  g_set_object (&self->appointment, appointment);

  if (appointment != NULL)
    {
      self->interview = rapport_store_get_interview (self->store, rapport_record_get_id (RAPPORT_RECORD (appointment)), &error);
      if (self->interview == NULL)
        rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
    }

  if (self->interview != NULL)
    {
      g_ptr_array_add (self->bindings, g_object_bind_property (self->interview, "goals",
                       gtk_text_view_get_buffer (self->goals_view), "text",
                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings, g_object_bind_property (self->interview, "notebook",
                       gtk_text_view_get_buffer (self->notebook_view), "text",
                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings, g_object_bind_property (self->interview, "got-card",
                       self->card_switch, "active",
                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      self->base = rapport_interview_get_elapsed (self->interview);
    }
  else
    self->base = 0;

  self->cued = FALSE;
  update_header (self);
  update_timer (self);
  refresh_prompts (self);
  if (self->prompt_ids == NULL)
    rebuild_prompts (self);
  rebuild_actions (self);
}

/**
 * rapport_interview_view_get_interview:
 *
 * Returns: (transfer none) (nullable): the interview shown
 */
RapportInterview *
rapport_interview_view_get_interview (RapportInterviewView *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW_VIEW (self), NULL);

  return self->interview;
}

/**
 * rapport_interview_view_show_notes:
 *
 * Switches to the guided notes, as when the meeting starts.
 */
void
rapport_interview_view_show_notes (RapportInterviewView *self)
{
  g_return_if_fail (RAPPORT_IS_INTERVIEW_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, "notes");
}
