/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-contact-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-appointment-dialog.h"
#include "rapport-clipping-list.h"
#include "rapport-contact-chooser.h"
#include "rapport-contact-detail.h"
#include "rapport-contact-list.h"
#include "rapport-new-contact-dialog.h"
#include "rapport-request-dialog.h"
#include "rapport-view-util.h"

/* Every field edits the contact object directly; the store notices and
 * saves it shortly after, so there is no Save button. */
struct _RapportContactDetail
{
  AdwBin                 parent_instance;

  RapportStore          *store;
  RapportContact        *contact;
  GPtrArray             *bindings;
  RapportContactList    *referrals;
  RapportClippingList   *clippings;

  GtkScrolledWindow     *scroller;
  AdwAvatar             *avatar;
  GtkLabel              *title_label;
  GtkLabel              *summary_label;
  GtkLabel              *last_contacted_label;
  GtkLabel              *thank_you_label;
  GtkWidget             *request_button;
  GtkWidget             *schedule_button;
  GtkWidget             *declined_group;
  GtkListBox            *timeline_list;
  AdwComboRow           *stage_row;
  GtkButton             *next_stage_button;
  AdwEntryRow           *name_row;
  AdwEntryRow           *organization_row;
  AdwEntryRow           *job_title_row;
  AdwEntryRow           *field_row;
  AdwEntryRow           *email_row;
  GtkWidget             *email_button;
  AdwEntryRow           *phone_row;
  AdwEntryRow           *profile_url_row;
  AdwComboRow           *source_row;
  AdwEntryRow           *source_detail_row;
  AdwActionRow          *referred_by_row;
  GtkWidget             *clear_referrer_button;
  RapportContactChooser *referrer_chooser;
  GtkListBox            *referrals_list;
  GtkListBox            *clippings_list;
  GtkTextBuffer         *notes_buffer;
  GtkLabel              *updated_label;
  GtkWidget             *menu_button;
  RapportContactChooser *merge_chooser;
};

G_DEFINE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, ADW_TYPE_BIN)

enum {
  DELETE_REQUESTED,
  MERGE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ID_KEY "rapport-id"

/* The usual path through the pipeline; "declined" is set from the combo. */
static int
next_stage (RapportStage stage)
{
  switch (stage)
    {
    case RAPPORT_STAGE_TO_CONTACT: return RAPPORT_STAGE_REQUESTED;
    case RAPPORT_STAGE_REQUESTED:  return RAPPORT_STAGE_SCHEDULED;
    case RAPPORT_STAGE_SCHEDULED:  return RAPPORT_STAGE_MET;
    case RAPPORT_STAGE_MET:        return RAPPORT_STAGE_THANKED;
    case RAPPORT_STAGE_THANKED:    return RAPPORT_STAGE_FOLLOWING_UP;
    case RAPPORT_STAGE_FOLLOWING_UP:
    case RAPPORT_STAGE_DECLINED:
    default:
      return -1;
    }
}

static const char *
next_stage_label (int stage)
{
  switch (stage)
    {
    case RAPPORT_STAGE_REQUESTED:    return _("Mark as _Requested");
    case RAPPORT_STAGE_SCHEDULED:    return _("Mark as _Scheduled");
    case RAPPORT_STAGE_MET:          return _("Mark as _Met");
    case RAPPORT_STAGE_THANKED:      return _("Mark as _Thanked");
    case RAPPORT_STAGE_FOLLOWING_UP: return _("Mark as _Following Up");
    default:                         return NULL;
    }
}

static void
update_stage (RapportContactDetail *self)
{
  RapportStage stage = self->contact ? rapport_contact_get_stage (self->contact) : RAPPORT_STAGE_TO_CONTACT;
  int next = self->contact ? next_stage (stage) : -1;
  const char *label = next_stage_label (next);

  /* The next step stands out: ask first, then fix a time. */
  if (stage == RAPPORT_STAGE_TO_CONTACT)
    gtk_widget_add_css_class (self->request_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->request_button, "suggested-action");
  if (stage == RAPPORT_STAGE_REQUESTED)
    gtk_widget_add_css_class (self->schedule_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->schedule_button, "suggested-action");
  gtk_widget_set_visible (self->declined_group, stage == RAPPORT_STAGE_DECLINED);

  gtk_widget_set_visible (GTK_WIDGET (self->next_stage_button), label != NULL);
  if (label != NULL)
    {
      gtk_button_set_label (self->next_stage_button, label);
      gtk_button_set_use_underline (self->next_stage_button, TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.next-stage", label != NULL);
}

static void
update_reach (RapportContactDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RapportContact *c = self->contact;

  gtk_widget_action_set_enabled (widget, "contact.write-email", c && *rapport_contact_get_email (c));
  gtk_widget_action_set_enabled (widget, "contact.call", c && *rapport_contact_get_phone (c));
  gtk_widget_action_set_enabled (widget, "contact.open-profile", c && *rapport_contact_get_profile_url (c));
}

static void
update_summary (RapportContactDetail *self)
{
  g_autofree char *summary = self->contact ? rapport_contact_dup_summary (self->contact) : NULL;

  gtk_label_set_label (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary && *summary);
}

static void
update_referrer (RapportContactDetail *self)
{
  g_autoptr(RapportContact) referrer = NULL;
  gint64 id = self->contact ? rapport_contact_get_referred_by (self->contact) : 0;

  if (id > 0 && self->store != NULL)
    referrer = rapport_store_get_contact (self->store, id);

  adw_action_row_set_subtitle (self->referred_by_row,
                               referrer ? rapport_contact_get_name (referrer) : _("Nobody"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->referred_by_row), referrer != NULL);
  gtk_widget_set_visible (self->clear_referrer_button, id > 0);
  g_object_set_data (G_OBJECT (self->referred_by_row), ID_KEY,
                     GSIZE_TO_POINTER (referrer ? (gsize)id : 0));
}

static void
update_updated (RapportContactDetail *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->contact == NULL)
    return;

  dt = g_date_time_new_from_unix_local (rapport_record_get_updated (RAPPORT_RECORD (self->contact)));
  if (dt == NULL)
    return;

  /* Translators: date and time of the last saved change, see strftime(3) */
  when = g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
  /* Translators: %s is a date and time */
  text = g_strdup_printf (_("Saved %s"), when);
  gtk_label_set_label (self->updated_label, text);
}

static void
update_last_contacted (RapportContactDetail *self)
{
  gint64 when = self->contact ? rapport_contact_get_last_contacted (self->contact) : 0;
  g_autofree char *text = rapport_view_describe_last_contacted (when);

  gtk_label_set_label (self->last_contacted_label, text);
}

static char *
describe_event (const RapportEvent *e)
{
  g_autofree char *old_when = e->old_start ? rapport_view_format_when (e->old_start) : NULL;
  g_autofree char *new_when = e->new_start ? rapport_view_format_when (e->new_start) : NULL;

  switch (e->kind)
    {
    case RAPPORT_EVENT_ADDED:
      return g_strdup (_("Added to your contacts"));
    case RAPPORT_EVENT_REQUESTED:
      return g_strdup (_("Asked for an interview"));
    case RAPPORT_EVENT_SCHEDULED:
      return new_when
        /* Translators: %s is a day and time */
        ? g_strdup_printf (_("Appointment set for %s"), new_when)
        : g_strdup (_("Appointment set"));
    case RAPPORT_EVENT_RESCHEDULED:
      /* Translators: the old and the new day and time */
      return g_strdup_printf (_("Rescheduled from %s to %s"), old_when, new_when);
    case RAPPORT_EVENT_STATUS:
    default:
      /* Translators: %s is an appointment status, e.g. "Held" */
      return g_strdup_printf (_("Appointment marked %s"),
                              e->status >= 0 ? rapport_status_get_label (e->status) : "");
    }
}

static void
update_timeline (RapportContactDetail *self)
{
  g_autoptr(GArray) events = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))))
    gtk_list_box_remove (self->timeline_list, child);

  if (self->contact == NULL || self->store == NULL)
    return;

  events = rapport_store_list_events (self->store, rapport_record_get_id (RAPPORT_RECORD (self->contact)), NULL);
  for (guint i = 0; events && i < events->len; i++)
    {
      const RapportEvent *e = &g_array_index (events, RapportEvent, i);
      g_autofree char *title = describe_event (e);
      g_autofree char *when = rapport_view_format_when (e->when);
      GtkWidget *row = adw_action_row_new ();
      gint64 day = e->new_start ? e->new_start : e->old_start;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      if (day > 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "rapport-day", GSIZE_TO_POINTER ((gsize)day));
        }
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* A timeline entry with a time opens that day in the calendar. */
static void
on_timeline_list_row_activated (RapportContactDetail *self,
                                GtkListBoxRow        *row)
{
  gsize day = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "rapport-day"));

  if (day > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-day", "x", (gint64)day);
}

/* A held interview with this person whose thank-you note is still owed. */
static void
update_thank_you (RapportContactDetail *self)
{
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) held = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  gtk_widget_set_visible (GTK_WIDGET (self->thank_you_label), FALSE);
  if (self->contact == NULL || self->store == NULL)
    return;

  query.contact_id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  query.status = RAPPORT_STATUS_HELD;
  query.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  held = rapport_store_query_appointments (self->store, &query, NULL);

  for (guint i = held ? held->len : 0; i > 0; i--)
    {
      gint64 id = g_array_index (held, gint64, i - 1);
      g_autoptr(RapportAppointment) a = NULL;
      g_autofree char *due = NULL;
      g_autofree char *text = NULL;
      gint64 deadline;

      if (rapport_store_get_thanked (self->store, id) > 0 ||
          !(a = rapport_store_get_appointment (self->store, id)))
        continue;

      deadline = rapport_appointment_get_end (a) + 24 * 60 * 60;
      due = rapport_view_format_when (deadline);
      text = now >= deadline
        ? g_strdup_printf (_("Thank-you note overdue since %s"), due)
        : g_strdup_printf (_("Thank-you note due by %s"), due);
      gtk_label_set_label (self->thank_you_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->thank_you_label), TRUE);
      return;
    }
}

static void
on_appointments_changed (RapportContactDetail *self)
{
  update_timeline (self);
  update_last_contacted (self);
  update_thank_you (self);
}

static void
on_contact_notify (RapportContactDetail *self,
                   GParamSpec           *pspec,
                   RapportContact       *contact)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "stage"))
    update_stage (self);
  else if (g_str_equal (name, "summary"))
    update_summary (self);
  else if (g_str_equal (name, "referred-by"))
    update_referrer (self);
  else if (g_str_equal (name, "updated"))
    update_updated (self);
  else if (g_str_equal (name, "last-contacted"))
    update_last_contacted (self);
  else if (g_str_equal (name, "email") || g_str_equal (name, "phone") || g_str_equal (name, "profile-url"))
    update_reach (self);
}

static void
on_name_row_changed (RapportContactDetail *self,
                     AdwEntryRow          *row)
{
  g_autofree char *name = NULL;

  if (self->contact == NULL)
    return;

  /* A contact needs a name: an emptied field is marked and not saved, so
   * the last good name stays until the student types a new one. */
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  rapport_contact_set_name (self->contact, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_referrer_chosen (RapportContactDetail *self,
                    RapportContact       *referrer)
{
  if (self->contact == NULL)
    return;

  rapport_contact_set_referred_by (self->contact, rapport_record_get_id (RAPPORT_RECORD (referrer)));
  if (rapport_contact_get_source (self->contact) == RAPPORT_SOURCE_OTHER)
    rapport_contact_set_source (self->contact, RAPPORT_SOURCE_REFERRAL);
}

static void
activate_show (GtkWidget  *widget,
               const char *action,
               GtkWidget  *row)
{
  gsize id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), ID_KEY));

  if (id > 0)
    gtk_widget_activate_action (widget, action, "x", (gint64)id);
}

static void
on_referrals_list_row_activated (RapportContactDetail *self,
                                 GtkListBoxRow        *row)
{
  activate_show (GTK_WIDGET (self), "win.show-contact", GTK_WIDGET (row));
}

static void
on_clippings_list_row_activated (RapportContactDetail *self,
                                 GtkListBoxRow        *row)
{
  activate_show (GTK_WIDGET (self), "win.show-clipping", GTK_WIDGET (row));
}

static void
on_referred_by_row_activated (RapportContactDetail *self,
                              AdwActionRow         *row)
{
  activate_show (GTK_WIDGET (self), "win.show-contact", GTK_WIDGET (row));
}

static GtkWidget *
make_link_row (gint64      id,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *escaped_sub = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), ID_KEY, GSIZE_TO_POINTER ((gsize)id));
  return row;
}

static GtkWidget *
create_referral_row (gpointer item,
                     gpointer data)
{
  RapportContact *contact = item;
  g_autofree char *summary = rapport_contact_dup_summary (contact);

  return make_link_row (rapport_record_get_id (item), rapport_contact_get_name (contact), summary);
}

static GtkWidget *
create_clipping_row (gpointer item,
                     gpointer data)
{
  RapportClipping *clipping = item;
  g_autofree char *date = rapport_view_format_iso_date (rapport_clipping_get_date (clipping));
  g_autofree char *subtitle = NULL;
  const char *kind = rapport_clipping_kind_get_label (rapport_clipping_get_kind (clipping));

  subtitle = date ? g_strdup_printf ("%s · %s", kind, date) : g_strdup (kind);
  return make_link_row (rapport_record_get_id (item), rapport_clipping_get_title (clipping), subtitle);
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  return label;
}

static void
open_reach (RapportContactDetail *self,
            const char           *scheme,
            const char           *value)
{
  rapport_view_open_uri (GTK_WIDGET (self), scheme, value);
}

static void
write_email_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  if (self->contact)
    open_reach (self, "mailto", rapport_contact_get_email (self->contact));
}

static void
call_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  if (self->contact)
    open_reach (self, "tel", rapport_contact_get_phone (self->contact));
}

static void
open_profile_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  if (self->contact)
    open_reach (self, "https", rapport_contact_get_profile_url (self->contact));
}

static void
clear_referrer_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  if (self->contact)
    rapport_contact_set_referred_by (self->contact, 0);
}

static void
next_stage_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  int next;

  if (self->contact == NULL)
    return;

  next = next_stage (rapport_contact_get_stage (self->contact));
  if (next >= 0)
    rapport_contact_set_stage (self->contact, next);
}

static GtkWindow *
parent_window (RapportContactDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_request_recorded (RapportContactDetail *self,
                     RapportAppointment   *request)
{
  g_autofree char *text = NULL;

  if (self->contact == NULL)
    return;

  /* Translators: %s is a contact's name */
  text = g_strdup_printf (_("Request to %s recorded. The calendar will remind you to follow up in a week."),
                          rapport_contact_get_name (self->contact));
  rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
request_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  RapportRequestDialog *dialog;

  if (self->contact == NULL || self->store == NULL)
    return;

  dialog = rapport_request_dialog_new (parent_window (self), self->store, self->contact);
  g_signal_connect_object (dialog, "requested", G_CALLBACK (on_request_recorded), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Schedules the interview: the open request, if there is one, gets its time. */
static void
schedule_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) open = NULL;
  g_autoptr(RapportAppointment) request = NULL;
  RapportAppointmentDialog *dialog;
  gint64 id;

  if (self->contact == NULL || self->store == NULL)
    return;

  id = rapport_record_get_id (RAPPORT_RECORD (self->contact));
  query.contact_id = id;
  query.status = RAPPORT_STATUS_REQUESTED;
  open = rapport_store_query_appointments (self->store, &query, NULL);
  if (open != NULL && open->len > 0)
    request = rapport_store_get_appointment (self->store, g_array_index (open, gint64, open->len - 1));

  if (request != NULL)
    {
      dialog = rapport_appointment_dialog_new_for_edit (parent_window (self), self->store, request);
      rapport_appointment_dialog_propose_time (dialog);
    }
  else
    {
      dialog = rapport_appointment_dialog_new (parent_window (self), self->store,
                                               RAPPORT_APPOINTMENT_INTERVIEW, id, 0);
      rapport_appointment_dialog_propose_time (dialog);
    }

  gtk_window_set_title (GTK_WINDOW (dialog), _("Schedule Interview"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_referral_added (RapportContactDetail *self,
                   RapportContact       *referral)
{
  g_autofree char *text = NULL;

  /* Translators: %s is the name of a new contact */
  text = g_strdup_printf (_("“%s” added as a referral"), rapport_contact_get_name (referral));
  rapport_view_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
add_referral_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  RapportNewContactDialog *dialog;

  if (self->contact == NULL || self->store == NULL)
    return;

  dialog = rapport_new_contact_dialog_new (parent_window (self), self->store);
  rapport_new_contact_dialog_set_referrer (dialog, self->contact);
  g_signal_connect_object (dialog, "contact-added", G_CALLBACK (on_referral_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals[DELETE_REQUESTED], 0);
}

/* Merging: the fields a student picks between when both contacts have a
 * value. Notes are not among them: they are always joined. */
static const struct
{
  const char *property;
  const char *label;
} merge_fields[] = {
  { "name", N_("Name") },
  { "organization", N_("Organization") },
  { "job-title", N_("Job title") },
  { "field", N_("Career field") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "profile-url", N_("Profile link") },
  { "source-detail", N_("Source details") },
};

#define MERGE_OTHER_KEY "rapport-merge-other"
#define MERGE_PICKS_KEY "rapport-merge-picks"
#define PROPERTY_KEY "rapport-property"

static void
merge_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  graphene_rect_t bounds;

  if (self->contact == NULL || self->store == NULL)
    return;

  if (gtk_widget_compute_bounds (self->menu_button, widget, &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->merge_chooser),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->merge_chooser));
}

static void
on_merge_dialog_response (AdwMessageDialog     *dialog,
                          const char           *response,
                          RapportContactDetail *self)
{
  RapportContact *other = g_object_get_data (G_OBJECT (dialog), MERGE_OTHER_KEY);
  GPtrArray *picks = g_object_get_data (G_OBJECT (dialog), MERGE_PICKS_KEY);
  g_autoptr(GStrvBuilder) take = g_strv_builder_new ();
  g_auto(GStrv) properties = NULL;

  if (!g_str_equal (response, "merge") || self->contact == NULL || other == NULL)
    return;

  for (guint i = 0; i < picks->len; i++)
    {
      GtkCheckButton *theirs = g_ptr_array_index (picks, i);

      if (gtk_check_button_get_active (theirs))
        g_strv_builder_add (take, g_object_get_data (G_OBJECT (theirs), PROPERTY_KEY));
    }
  properties = g_strv_builder_end (take);

  g_signal_emit (self, signals[MERGE_REQUESTED], 0, other, properties);
}

static GtkWidget *
name_heading (const char *name)
{
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* The fields where both contacts have a different value, side by side, each
 * with a choice of which to keep; NULL when there is nothing to choose. */
static GtkWidget *
build_merge_picks (RapportContact *keep,
                   RapportContact *other,
                   GPtrArray      *picks)
{
  GtkWidget *box, *grid, *intro;
  int row = 1;

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), name_heading (rapport_contact_get_name (keep)), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name_heading (rapport_contact_get_name (other)), 2, 0, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
    {
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;
      GtkWidget *label, *mine_check, *theirs_check;

      g_object_get (keep, merge_fields[i].property, &mine, NULL);
      g_object_get (other, merge_fields[i].property, &theirs, NULL);
      if (mine == NULL || theirs == NULL || *mine == '\0' || *theirs == '\0' || g_str_equal (mine, theirs))
        continue;

      label = gtk_label_new (_(merge_fields[i].label));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      mine_check = gtk_check_button_new_with_label (mine);
      theirs_check = gtk_check_button_new_with_label (theirs);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs_check), GTK_CHECK_BUTTON (mine_check));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine_check), TRUE);
      g_object_set_data (G_OBJECT (theirs_check), PROPERTY_KEY, (gpointer)merge_fields[i].property);
      /* A screen reader says which field each choice is for. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (mine_check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, mine_check, NULL, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (theirs_check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, theirs_check, NULL, -1);

      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), mine_check, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), theirs_check, 2, row, 1, 1);
      g_ptr_array_add (picks, theirs_check);
      row++;
    }

  if (picks->len == 0)
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      return NULL;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  intro = gtk_label_new (_("Both have a value for these fields. Choose which to keep."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

/* Asks before merging @other into the contact shown, saying what will
 * happen, and lets the student pick between values both have. */
static void
on_merge_chooser_contact_chosen (RapportContactDetail *self,
                                 RapportContact       *other)
{
  GtkWidget *dialog;
  GtkWidget *picks_widget;
  GPtrArray *picks;

  if (self->contact == NULL || other == self->contact)
    return;

  dialog = adw_message_dialog_new (parent_window (self), _("Merge Contacts?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %1$s is the contact merged away, %2$s the one kept */
                                  _("%1$s’s details, appointments, notes and clippings move to %2$s, "
                                    "and %1$s is removed."),
                                  rapport_contact_get_name (other),
                                  rapport_contact_get_name (self->contact));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  picks = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (dialog), MERGE_PICKS_KEY, picks, (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), MERGE_OTHER_KEY, g_object_ref (other), g_object_unref);
  if ((picks_widget = build_merge_picks (self->contact, other, picks)))
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), picks_widget);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unbind_all (RapportContactDetail *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_func (self->contact, on_contact_notify, self);
}

static void
rapport_contact_detail_dispose (GObject *object)
{
  RapportContactDetail *self = (RapportContactDetail *)object;

  unbind_all (self);
  g_clear_object (&self->contact);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_appointments_changed, self);

  /* The template's root is the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  /* A popover still open when it loses its parent is never freed. */
  if (self->merge_chooser != NULL && gtk_widget_get_parent (GTK_WIDGET (self->merge_chooser)) == GTK_WIDGET (self))
    {
      gtk_popover_popdown (GTK_POPOVER (self->merge_chooser));
      gtk_widget_unparent (GTK_WIDGET (self->merge_chooser));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_DETAIL);
  g_clear_object (&self->referrals);
  g_clear_object (&self->clippings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->dispose (object);
}

static void
rapport_contact_detail_finalize (GObject *object)
{
  RapportContactDetail *self = (RapportContactDetail *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->finalize (object);
}

static void
rapport_contact_detail_class_init (RapportContactDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_detail_dispose;
  object_class->finalize = rapport_contact_detail_finalize;

  /**
   * RapportContactDetail::delete-requested:
   *
   * The student asked to delete the contact; the page deletes it and offers Undo.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RapportContactDetail::merge-requested:
   * @other: the contact to merge into the one shown
   * @take: properties of @other whose value the student picked
   *
   * The student chose a contact to merge into this one and confirmed; the
   * page merges them and offers Undo.
   */
  signals[MERGE_REQUESTED] =
    g_signal_new ("merge-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RAPPORT_TYPE_CONTACT, G_TYPE_STRV);

  g_type_ensure (RAPPORT_TYPE_CONTACT_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rapport-contact-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, last_contacted_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, thank_you_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, request_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, declined_group);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, stage_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, next_stage_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, organization_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, field_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, email_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, profile_url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, source_detail_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, referred_by_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, clear_referrer_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, referrer_chooser);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, referrals_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, clippings_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, notes_buffer);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, updated_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_chosen);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, merge_chooser);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_chooser_contact_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_referrals_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_clippings_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_list_row_activated);

  gtk_widget_class_install_action (widget_class, "contact.write-email", NULL, write_email_activated);
  gtk_widget_class_install_action (widget_class, "contact.call", NULL, call_activated);
  gtk_widget_class_install_action (widget_class, "contact.open-profile", NULL, open_profile_activated);
  gtk_widget_class_install_action (widget_class, "contact.clear-referrer", NULL, clear_referrer_activated);
  gtk_widget_class_install_action (widget_class, "contact.next-stage", NULL, next_stage_activated);
  gtk_widget_class_install_action (widget_class, "contact.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "contact.merge", NULL, merge_activated);
  gtk_widget_class_install_action (widget_class, "contact.request", NULL, request_activated);
  gtk_widget_class_install_action (widget_class, "contact.schedule", NULL, schedule_activated);
  gtk_widget_class_install_action (widget_class, "contact.add-referral", NULL, add_referral_activated);
}

static void
rapport_contact_detail_init (RapportContactDetail *self)
{
  g_autoptr(GListModel) stages = rapport_view_enum_labels (RAPPORT_TYPE_STAGE, NULL);
  g_autoptr(GListModel) sources = rapport_view_enum_labels (RAPPORT_TYPE_SOURCE, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_view_fix_button_names (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->merge_chooser), GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  adw_combo_row_set_model (self->stage_row, stages);
  adw_combo_row_set_model (self->source_row, sources);
  g_signal_connect_swapped (self->referred_by_row, "activated",
                            G_CALLBACK (on_referred_by_row_activated), self);

  gtk_list_box_set_placeholder (self->referrals_list,
                                make_placeholder (_("Nobody yet. When this person gives you names, "
                                                    "add them and choose this person as the referrer.")));
  gtk_list_box_set_placeholder (self->clippings_list,
                                make_placeholder (_("No clippings name this person.")));
}

void
rapport_contact_detail_set_store (RapportContactDetail *self,
                                  RapportStore         *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));
  g_return_if_fail (RAPPORT_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_appointments_changed, self);
  g_set_object (&self->store, store);
  g_signal_connect_swapped (store, "changed::appointments", G_CALLBACK (on_appointments_changed), self);
  g_signal_connect_swapped (store, "changed::interviews", G_CALLBACK (on_appointments_changed), self);

  g_clear_object (&self->referrals);
  self->referrals = rapport_contact_list_new (store);
  rapport_contact_list_set_referred_by (self->referrals, G_MAXINT64);
  gtk_list_box_bind_model (self->referrals_list, G_LIST_MODEL (self->referrals),
                           create_referral_row, NULL, NULL);

  g_clear_object (&self->clippings);
  self->clippings = rapport_clipping_list_new (store);
  rapport_clipping_list_set_contact (self->clippings, G_MAXINT64);
  gtk_list_box_bind_model (self->clippings_list, G_LIST_MODEL (self->clippings),
                           create_clipping_row, NULL, NULL);

  rapport_contact_chooser_set_store (self->referrer_chooser, store);
  rapport_contact_chooser_set_store (self->merge_chooser, store);
}

static void
bind (RapportContactDetail *self,
      const char           *property,
      gpointer              target,
      const char           *target_property,
      GBindingFlags         flags)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->contact, property, target, target_property,
                                           flags | G_BINDING_SYNC_CREATE));
}

/**
 * rapport_contact_detail_set_contact:
 * @contact: (nullable): the contact to show and edit
 */
void
rapport_contact_detail_set_contact (RapportContactDetail *self,
                                    RapportContact       *contact)
{
  gint64 id;

  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));
  g_return_if_fail (!contact || RAPPORT_IS_CONTACT (contact));

  if (self->contact == contact)
    return;

  unbind_all (self);
  g_set_object (&self->contact, contact);

  id = contact ? rapport_record_get_id (RAPPORT_RECORD (contact)) : 0;

  if (self->referrals != NULL)
    rapport_contact_list_set_referred_by (self->referrals, id > 0 ? id : G_MAXINT64);
  if (self->clippings != NULL)
    rapport_clipping_list_set_contact (self->clippings, id > 0 ? id : G_MAXINT64);
  rapport_contact_chooser_set_exclude (self->referrer_chooser, id);
  rapport_contact_chooser_set_exclude (self->merge_chooser, id);

  if (contact == NULL)
    {
      update_stage (self);
      update_reach (self);
      return;
    }

  g_signal_handlers_block_by_func (self->name_row, on_name_row_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rapport_contact_get_name (contact));
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  g_signal_handlers_unblock_by_func (self->name_row, on_name_row_changed, self);

  bind (self, "name", self->title_label, "label", 0);
  bind (self, "name", self->avatar, "text", 0);
  bind (self, "organization", self->organization_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "job-title", self->job_title_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "field", self->field_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "email", self->email_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "phone", self->phone_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "profile-url", self->profile_url_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "source-detail", self->source_detail_row, "text", G_BINDING_BIDIRECTIONAL);
  bind (self, "notes", self->notes_buffer, "text", G_BINDING_BIDIRECTIONAL);
  g_ptr_array_add (self->bindings, rapport_view_bind_enum_combo (contact, "stage", self->stage_row));
  g_ptr_array_add (self->bindings, rapport_view_bind_enum_combo (contact, "source", self->source_row));

  g_signal_connect_swapped (contact, "notify", G_CALLBACK (on_contact_notify), self);

  update_stage (self);
  update_summary (self);
  update_reach (self);
  update_referrer (self);
  update_updated (self);
  update_last_contacted (self);
  update_timeline (self);
  update_thank_you (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * rapport_contact_detail_get_contact:
 *
 * Returns: (transfer none) (nullable): the contact shown
 */
RapportContact *
rapport_contact_detail_get_contact (RapportContactDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_DETAIL (self), NULL);

  return self->contact;
}

/**
 * rapport_contact_detail_focus:
 *
 * Puts the keyboard on the first field, ready to type.
 */
void
rapport_contact_detail_focus (RapportContactDetail *self)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
