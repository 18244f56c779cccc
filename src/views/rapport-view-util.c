/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-view-util"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "rapport-contact-list.h"
#include "rapport-enums.h"
#include "rapport-initials.h"
#include "rapport-view-util.h"

/**
 * rapport_view_add_toast:
 *
 * Shows @toast in the toast overlay that holds @widget; views do not need
 * to know the window.
 */
void
rapport_view_add_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static const char *
enum_label (GType enum_type,
            int   value)
{
  if (enum_type == RAPPORT_TYPE_STAGE)
    return rapport_stage_get_label (value);
  if (enum_type == RAPPORT_TYPE_SOURCE)
    return rapport_source_get_label (value);
  if (enum_type == RAPPORT_TYPE_CLIPPING_KIND)
    return rapport_clipping_kind_get_label (value);
  if (enum_type == RAPPORT_TYPE_APPOINTMENT_KIND)
    return rapport_appointment_kind_get_label (value);
  if (enum_type == RAPPORT_TYPE_MODE)
    return rapport_mode_get_label (value);
  if (enum_type == RAPPORT_TYPE_STATUS)
    return rapport_status_get_label (value);
  g_return_val_if_reached (NULL);
}

/**
 * rapport_view_enum_labels:
 * @any_label: (nullable): a first entry meaning "no filter", or %NULL
 *
 * Returns: (transfer full): a #GtkStringList of the translated labels of
 *   @enum_type in value order, for a drop-down or combo row
 */
GListModel *
rapport_view_enum_labels (GType       enum_type,
                          const char *any_label)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  if (any_label != NULL)
    gtk_string_list_append (list, any_label);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, enum_label (enum_type, klass->values[i].value));

  return G_LIST_MODEL (list);
}

static gboolean
enum_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_enum (to, selected);
  return TRUE;
}

/**
 * rapport_view_bind_enum_combo:
 *
 * Shows the enum @property of @object in @row (whose model comes from
 * rapport_view_enum_labels() without an "any" entry) and writes choices back.
 *
 * Returns: (transfer none): the binding, to unbind when @object changes
 */
GBinding *
rapport_view_bind_enum_combo (gpointer     object,
                              const char  *property,
                              AdwComboRow *row)
{
  return g_object_bind_property_full (object, property, row, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      enum_to_selected, selected_to_enum, NULL, NULL);
}

/**
 * rapport_view_uri_for:
 * @scheme: "mailto", "tel" or "https"
 * @value: what the student typed: an address, a number or a link
 *
 * Returns: (transfer full) (nullable): a URI to hand to the desktop, or
 *   %NULL when @value is empty
 */
char *
rapport_view_uri_for (const char *scheme,
                      const char *value)
{
  g_autofree char *trimmed = NULL;

  if (value == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    return NULL;

  if (g_str_equal (scheme, "tel"))
    {
      GString *digits = g_string_new ("tel:");

      /* Keep what a dialer understands; drop spaces, dots, brackets. */
      for (const char *p = trimmed; *p; p++)
        if (g_ascii_isdigit (*p) || *p == '+' || *p == '*' || *p == '#')
          g_string_append_c (digits, *p);
      return g_string_free (digits, FALSE);
    }

  if (g_str_equal (scheme, "mailto"))
    {
      g_autofree char *escaped = g_uri_escape_string (trimmed, "@+", FALSE);
      return g_strconcat ("mailto:", escaped, NULL);
    }

  /* A profile link typed without its scheme ("linkedin.com/in/ada"). */
  if (g_uri_peek_scheme (trimmed) == NULL)
    return g_strconcat ("https://", trimmed, NULL);

  return g_steal_pointer (&trimmed);
}

/**
 * rapport_view_open_uri:
 *
 * Hands @value to the mail client, the phone handler or the browser.
 */
void
rapport_view_open_uri (GtkWidget  *widget,
                       const char *scheme,
                       const char *value)
{
  g_autofree char *uri = rapport_view_uri_for (scheme, value);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (uri == NULL)
    return;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * rapport_view_format_iso_date:
 *
 * Returns: (transfer full) (nullable): @iso_date ("2026-03-01") in the
 *   locale's way of writing a date, or %NULL when there is none
 */
char *
rapport_view_format_iso_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  unsigned y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;

  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return NULL;

  /* Translators: how a day is written, see the strftime() manual page;
   * "%-d %B %Y" gives "1 March 2026" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/**
 * rapport_view_describe_last_contacted:
 * @when: UTC seconds of the last contact, or 0
 *
 * Returns: (transfer full): "Last contacted yesterday", "Not contacted
 *   yet" and the like, as the contact's page and the list say it
 */
char *
rapport_view_describe_last_contacted (gint64 when)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = NULL;
  int days;

  if (when == 0 || (then = g_date_time_new_from_unix_local (when)) == NULL)
    return g_strdup (_("Not contacted yet"));

  now = g_date_time_new_now_local ();
  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (then)
         + 365 * (g_date_time_get_year (now) - g_date_time_get_year (then));

  if (days <= 0)
    return g_strdup (_("Last contacted today"));
  else if (days == 1)
    return g_strdup (_("Last contacted yesterday"));
  else if (days < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last contacted %d day ago",
                                         "Last contacted %d days ago", days), days);
  else
    {
      /* Translators: a date, see strftime(3) */
      g_autofree char *date = g_date_time_format (then, _("%-d %B %Y"));
      /* Translators: %s is a date */
      return g_strdup_printf (_("Last contacted on %s"), date);
    }
}

/* What the rows of one contact factory share: the list they show, whose
 * search and order some rows follow, and the rows bound now. */
typedef struct
{
  RapportContactList *list;
  GPtrArray          *rows;   /* ContactRow, bound */
} ContactFactory;

#define CONTACT_FACTORY_KEY "rapport-contact-factory"

/* A row of a contact list, built in C: a GtkBuilder template with
 * expressions cost tens of milliseconds at startup, for a few labels. */
typedef struct
{
  ContactFactory *factory;
  GtkWidget      *box;
  GtkWidget      *avatar;
  GtkLabel       *name;
  GtkLabel       *summary;
  GtkWidget      *texts;
  GtkLabel       *match;     /* made on first use */
  GtkLabel       *stage;
  RapportContact *contact;   /* the bound item */
  char           *needle;    /* the search the match line shows */
  gboolean        dated;     /* whether it shows when they were last contacted */
} ContactRow;

#define CONTACT_ROW_KEY "rapport-contact-row"

static void
contact_row_free (ContactRow *row)
{
  g_free (row->needle);
  g_free (row);
}

static GtkWidget *
contact_row_label (GtkWidget  *box,
                   const char *first_class,
                   const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (first_class != NULL)
    gtk_widget_add_css_class (label, first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
on_contact_row_setup (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ContactFactory           *shared)
{
  ContactRow *row = g_new0 (ContactRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *stage;

  row->factory = shared;
  row->box = box;
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* AdwAvatar's look in one widget instead of five: see rapport-initials.c. */
  row->avatar = rapport_initials_new (32);
  gtk_box_append (GTK_BOX (box), row->avatar);

  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  row->name = GTK_LABEL (contact_row_label (texts, NULL, NULL));
  row->summary = GTK_LABEL (contact_row_label (texts, "caption", "dim-label"));
  gtk_widget_set_visible (GTK_WIDGET (row->summary), FALSE);
  /* The match line is made when a search first needs it: GTK 4.8's list
   * view builds 200 rows at startup, and each widget less is time saved. */
  row->texts = texts;
  gtk_box_append (GTK_BOX (box), texts);

  stage = gtk_label_new (NULL);
  gtk_widget_set_valign (stage, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (stage, "caption");
  gtk_widget_add_css_class (stage, "stage-badge");
  row->stage = GTK_LABEL (stage);
  gtk_box_append (GTK_BOX (box), stage);

  gtk_list_item_set_child (item, box);
  g_object_set_data_full (G_OBJECT (item), CONTACT_ROW_KEY, row, (GDestroyNotify)contact_row_free);
}

/* Why the list shows this contact, when its name and summary do not tell:
 * "Interview notes: …the <b>ferroelec</b>tric memory…", and the same
 * without markup in @plain. NULL when there is nothing to add. */
static char *
describe_match (RapportStore  *store,
                gint64         contact_id,
                const char    *needle,
                char         **plain)
{
  g_autoptr(RapportSearchMatch) match = rapport_store_find_search_match (store, contact_id, needle);
  g_autofree char *label = NULL;
  g_autofree char *before = NULL;
  g_autofree char *matched = NULL;
  g_autofree char *after = NULL;
  g_autofree char *snippet = NULL;

  if (match == NULL || match->snippet == NULL)
    return NULL;

  switch (match->place)
    {
    /* the row shows these already: the name, and "Role at Organization" */
    case RAPPORT_SEARCH_PLACE_NAME:
    case RAPPORT_SEARCH_PLACE_ORGANIZATION:
    case RAPPORT_SEARCH_PLACE_JOB_TITLE:
      return NULL;
    case RAPPORT_SEARCH_PLACE_FIELD:
    case RAPPORT_SEARCH_PLACE_NOTES:
    case RAPPORT_SEARCH_PLACE_INTERVIEW_GOALS:
    case RAPPORT_SEARCH_PLACE_INTERVIEW_NOTES:
    case RAPPORT_SEARCH_PLACE_PROMPT_NOTES:
    case RAPPORT_SEARCH_PLACE_CLIPPING_TITLE:
    case RAPPORT_SEARCH_PLACE_CLIPPING_NOTES:
    default:
      break;
    }

  /* The texts are the student's own: nothing in them is markup. */
  label = g_markup_escape_text (match->label, -1);
  before = g_markup_escape_text (match->snippet, match->match_start);
  matched = g_markup_escape_text (match->snippet + match->match_start,
                                  match->match_end - match->match_start);
  after = g_markup_escape_text (match->snippet + match->match_end, -1);
  snippet = g_strdup_printf ("%s<b>%s</b>%s", before, matched, after);

  /* Translators: where a contact search found its words, then the words
   * around them, e.g. "Interview notes: …the ferroelectric memory…" */
  *plain = g_strdup_printf (_("%s: %s"), match->label, match->snippet);
  return g_strdup_printf (_("%s: %s"), label, snippet);
}

/* Shows what the contact holds now: the row follows edits made elsewhere
 * (the detail pane renames a contact or moves it to another stage). */
static void
contact_row_update (ContactRow *row)
{
  RapportContact *contact = row->contact;
  RapportContactList *list = row->factory->list;
  g_autofree char *summary = NULL;
  g_autofree char *match = NULL;
  g_autofree char *match_plain = NULL;
  g_autoptr(GString) accessible = g_string_new (NULL);
  GtkWidget *item_widget;
  const char *name = "";
  const char *stage = "";

  g_clear_pointer (&row->needle, g_free);
  row->dated = list != NULL && rapport_contact_list_get_sort (list) == RAPPORT_CONTACT_SORT_LAST_CONTACTED;

  if (contact != NULL)
    {
      name = rapport_contact_get_name (contact);
      summary = rapport_contact_dup_summary (contact);
      stage = rapport_stage_get_label (rapport_contact_get_stage (contact));

      /* Sorted by when they were last contacted, the row says when. */
      if (row->dated)
        {
          g_autofree char *when = rapport_view_describe_last_contacted (rapport_contact_get_last_contacted (contact));
          char *both = *summary != '\0'
            /* Translators: a contact's role and organization, then when they were last contacted */
            ? g_strdup_printf (_("%s · %s"), summary, when)
            : g_steal_pointer (&when);

          g_free (summary);
          summary = both;
        }

      /* Only shown rows ask where the search found its words. */
      if (list != NULL && rapport_contact_list_get_folded_search (list) != NULL)
        {
          row->needle = g_strdup (rapport_contact_list_get_folded_search (list));
          match = describe_match (rapport_contact_list_get_store (list),
                                  rapport_record_get_id (RAPPORT_RECORD (contact)),
                                  row->needle, &match_plain);
        }
    }

  rapport_initials_set_text (RAPPORT_INITIALS (row->avatar), name);
  gtk_label_set_label (row->name, name);
  gtk_label_set_label (row->summary, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (row->summary), summary != NULL && *summary != '\0');
  if (match != NULL && row->match == NULL)
    {
      row->match = GTK_LABEL (contact_row_label (row->texts, "caption", "dim-label"));
      gtk_label_set_use_markup (row->match, TRUE);
      /* The sidebar is narrow: two lines keep the match and some words around it in view. */
      gtk_label_set_wrap (row->match, TRUE);
      gtk_label_set_wrap_mode (row->match, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (row->match, 2);
    }
  if (row->match != NULL)
    {
      gtk_label_set_label (row->match, match ? match : "");
      gtk_widget_set_visible (GTK_WIDGET (row->match), match != NULL);
    }
  gtk_label_set_label (row->stage, stage);

  /* A screen reader says the whole row, and why it is in the results:
   * the row, not its labels, has the focus. */
  g_string_append (accessible, name);
  if (summary != NULL && *summary != '\0')
    g_string_append_printf (accessible, ", %s", summary);
  if (*stage != '\0')
    g_string_append_printf (accessible, ", %s", stage);
  if (match_plain != NULL)
    g_string_append_printf (accessible, ", %s", match_plain);
  item_widget = gtk_widget_get_parent (row->box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget ? item_widget : row->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
}

static void
on_contact_row_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ContactFactory           *shared)
{
  ContactRow *row = g_object_get_data (G_OBJECT (item), CONTACT_ROW_KEY);
  RapportContact *contact = gtk_list_item_get_item (item);

  g_assert (row != NULL);
  g_assert (row->contact == NULL);

  /* The list holds the item while it is bound. */
  row->contact = contact;
  if (contact != NULL)
    {
      g_signal_connect_swapped (contact, "notify::name", G_CALLBACK (contact_row_update), row);
      g_signal_connect_swapped (contact, "notify::summary", G_CALLBACK (contact_row_update), row);
      g_signal_connect_swapped (contact, "notify::stage", G_CALLBACK (contact_row_update), row);
      g_signal_connect_swapped (contact, "notify::last-contacted", G_CALLBACK (contact_row_update), row);
    }
  g_ptr_array_add (shared->rows, row);
  contact_row_update (row);
}

static void
on_contact_row_unbind (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       ContactFactory           *shared)
{
  ContactRow *row = g_object_get_data (G_OBJECT (item), CONTACT_ROW_KEY);

  if (row == NULL)
    return;

  g_ptr_array_remove_fast (shared->rows, row);
  if (row->contact == NULL)
    return;

  g_signal_handlers_disconnect_by_data (row->contact, row);
  row->contact = NULL;
}

static void
on_contact_row_teardown (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         ContactFactory           *shared)
{
  on_contact_row_unbind (factory, item, shared);
  g_object_set_data (G_OBJECT (item), CONTACT_ROW_KEY, NULL);
  gtk_list_item_set_child (item, NULL);
}

/* The search or the order changed: rows whose contact stayed in view
 * (the list was not changed there, so they were not bound again) follow. */
static void
on_contact_list_notify (ContactFactory *shared)
{
  const char *needle = rapport_contact_list_get_folded_search (shared->list);
  gboolean dated = rapport_contact_list_get_sort (shared->list) == RAPPORT_CONTACT_SORT_LAST_CONTACTED;

  for (guint i = 0; i < shared->rows->len; i++)
    {
      ContactRow *row = g_ptr_array_index (shared->rows, i);

      if (g_strcmp0 (row->needle, needle) != 0 || row->dated != dated)
        contact_row_update (row);
    }
}

static void
contact_factory_free (ContactFactory *shared)
{
  if (shared->list != NULL)
    g_signal_handlers_disconnect_by_data (shared->list, shared);
  g_clear_object (&shared->list);
  g_clear_pointer (&shared->rows, g_ptr_array_unref);
  g_free (shared);
}

/**
 * rapport_view_contact_factory_new:
 *
 * Returns: (transfer full): the factory for a row of a contact list (avatar,
 *   name, role and organization, stage)
 */
GtkListItemFactory *
rapport_view_contact_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ContactFactory *shared = g_new0 (ContactFactory, 1);

  shared->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (factory), CONTACT_FACTORY_KEY, shared,
                          (GDestroyNotify)contact_factory_free);

  g_signal_connect (factory, "setup", G_CALLBACK (on_contact_row_setup), shared);
  g_signal_connect (factory, "bind", G_CALLBACK (on_contact_row_bind), shared);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_contact_row_unbind), shared);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_contact_row_teardown), shared);
  return factory;
}

/**
 * rapport_view_contact_factory_set_list:
 * @factory: a factory from rapport_view_contact_factory_new()
 * @list: the list its rows show
 *
 * Lets the rows follow @list: while it searches, a row found by words
 * that its name and summary do not show says where they were found, with
 * the words around them; sorted by last contact, a row says when that was.
 */
void
rapport_view_contact_factory_set_list (GtkListItemFactory *factory,
                                       RapportContactList *list)
{
  ContactFactory *shared;

  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_return_if_fail (list == NULL || RAPPORT_IS_CONTACT_LIST (list));

  shared = g_object_get_data (G_OBJECT (factory), CONTACT_FACTORY_KEY);
  g_return_if_fail (shared != NULL);

  if (shared->list != NULL)
    g_signal_handlers_disconnect_by_data (shared->list, shared);
  g_set_object (&shared->list, list);
  if (list != NULL)
    {
      g_signal_connect_swapped (list, "notify::search", G_CALLBACK (on_contact_list_notify), shared);
      g_signal_connect_swapped (list, "notify::sort", G_CALLBACK (on_contact_list_notify), shared);
      on_contact_list_notify (shared);
    }
}

typedef struct
{
  RapportStore    *store;
  gint64           id;
  RapportUndoFunc  undo;
  RapportUndoFunc  purge;
  GCallback        undone;
  gpointer         data;
  GtkWidget       *widget;
} UndoState;

#define UNDO_STATE_KEY "rapport-undo-state"
#define UNDO_SECONDS   10

static void
undo_state_free (UndoState *state)
{
  g_clear_object (&state->store);
  g_clear_weak_pointer (&state->widget);
  g_free (state);
}

/**
 * rapport_view_undo_toast_undo:
 *
 * Undoes the deletion that @toast offers to undo (its button, or Ctrl+Z),
 * at most once, and dismisses it.
 */
void
rapport_view_undo_toast_undo (AdwToast *toast)
{
  UndoState *state = g_object_get_data (G_OBJECT (toast), UNDO_STATE_KEY);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (state == NULL || state->id == 0)
    return;

  id = state->id;
  state->id = 0;

  if (!state->undo (state->store, id, &error))
    {
      if (state->widget != NULL)
        rapport_view_add_toast (state->widget, adw_toast_new (error->message));
    }
  else if (state->undone != NULL)
    ((void (*) (gpointer, gint64))state->undone) (state->data, id);

  adw_toast_dismiss (toast);
}

static void
on_undo_toast_button_clicked (AdwToast *toast)
{
  rapport_view_undo_toast_undo (toast);
}

/* Once Undo is no longer offered, the deletion becomes final. */
static void
on_undo_toast_dismissed (AdwToast *toast)
{
  UndoState *state = g_object_get_data (G_OBJECT (toast), UNDO_STATE_KEY);
  g_autoptr(GError) error = NULL;

  if (state == NULL || state->id == 0)
    return;

  if (!state->purge (state->store, state->id, &error))
    g_debug ("Deletion of %" G_GINT64_FORMAT " not made final: %s", state->id, error->message);
  state->id = 0;
}

/**
 * rapport_view_show_undo_toast:
 * @widget: a widget inside the window's toast overlay
 * @title: what was deleted, e.g. "“Ada Lovelace” deleted"
 * @id: the row that was deleted
 * @undo: brings the row back
 * @purge: makes the deletion final
 * @undone: (nullable): called with (@data, @id) after a successful undo
 *
 * Returns: (transfer none): the toast, for rapport_view_undo_toast_undo()
 */
AdwToast *
rapport_view_show_undo_toast (GtkWidget       *widget,
                              RapportStore    *store,
                              const char      *title,
                              gint64           id,
                              RapportUndoFunc  undo,
                              RapportUndoFunc  purge,
                              GCallback        undone,
                              gpointer         data)
{
  AdwToast *toast = adw_toast_new (title);
  UndoState *state = g_new0 (UndoState, 1);

  state->store = g_object_ref (store);
  state->id = id;
  state->undo = undo;
  state->purge = purge;
  state->undone = undone;
  state->data = data;
  g_set_weak_pointer (&state->widget, widget);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Twice the usual five seconds: time to notice the mistake and, with a
   * screen reader, to hear the toast and reach its button (issue 10). */
  adw_toast_set_timeout (toast, UNDO_SECONDS);
  g_object_set_data_full (G_OBJECT (toast), UNDO_STATE_KEY, state, (GDestroyNotify)undo_state_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_toast_button_clicked), NULL);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), NULL);

  rapport_view_add_toast (widget, toast);
  return toast;
}

/* Whether the locale writes times on a 12-hour clock: its own time format
 * (T_FMT) says so, where the mere existence of AM/PM strings does not. */
static gboolean
locale_uses_am_pm (void)
{
  const char *fmt = nl_langinfo (T_FMT);

  return fmt != NULL && (strstr (fmt, "%p") || strstr (fmt, "%r") || strstr (fmt, "%I") || strstr (fmt, "%l"));
}

/**
 * rapport_view_format_time:
 * @utc: UTC seconds
 * @tz: (nullable): the zone to show it in, or %NULL for local time
 *
 * Returns: (transfer full): the time of day, "14:30" or "2:30 PM" as the
 *   locale writes it
 */
char *
rapport_view_format_time (gint64     utc,
                          GTimeZone *tz)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) shown = tz ? g_date_time_to_timezone (t, tz) : g_date_time_to_local (t);

  return g_date_time_format (shown, locale_uses_am_pm () ? "%-l:%M %p" : "%H:%M");
}

/**
 * rapport_view_format_day:
 *
 * Returns: (transfer full): the local day of @utc, e.g. "Thursday, 3 December 2026"
 */
char *
rapport_view_format_day (gint64 utc)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (utc);

  /* Translators: a day in a heading, see strftime(3) */
  return g_date_time_format (t, _("%A, %-d %B %Y"));
}

/**
 * rapport_view_format_when:
 *
 * Returns: (transfer full): a short local day and time, e.g. "Thu 3 Dec, 14:00"
 */
char *
rapport_view_format_when (gint64 utc)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (utc);
  g_autofree char *day = NULL;
  g_autofree char *time = rapport_view_format_time (utc, NULL);

  /* Translators: a short day, see strftime(3) */
  day = g_date_time_format (t, _("%a %-d %b"));
  /* Translators: a day and a time, e.g. "Thu 3 Dec, 14:00" */
  return g_strdup_printf (_("%s, %s"), day, time);
}

static void
on_button_label_notify (GtkButton *button)
{
  /* GTK 4.8 names a button with a mnemonic "_Add Add": the raw label and
   * the text of the label inside. Without its own name the button is
   * announced by the inner label alone. */
  if (gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * rapport_view_fix_button_names:
 *
 * Makes every button with a mnemonic below @widget announce its label once,
 * as a screen reader user expects; call it after gtk_widget_init_template().
 */
void
rapport_view_fix_button_names (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    {
      on_button_label_notify (GTK_BUTTON (widget));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_notify), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    rapport_view_fix_button_names (child);
}

/**
 * rapport_view_icon_button:
 * @label: what it does, shown as its tooltip and read by screen readers
 *
 * Returns: (transfer floating): a flat icon button for a row
 */
GtkWidget *
rapport_view_icon_button (const char *icon_name,
                          const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/**
 * rapport_view_name_calendar_arrows:
 *
 * GTK 4.8's month view has four arrow buttons with no names, read out as
 * "GtkImage"; name them for screen readers.
 */
void
rapport_view_name_calendar_arrows (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;

  for (guint i = 0; i < buttons->len; i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
      gtk_widget_set_tooltip_text (g_ptr_array_index (buttons, i), _(names[i]));
    }
}

static void
on_list_view_map_first (GtkListView *view,
                        gpointer     data)
{
  GtkSelectionModel *model = g_object_steal_data (G_OBJECT (view), "rapport-pending-model");

  if (model == NULL)
    return;
  gtk_list_view_set_model (view, model);
  g_object_unref (model);
}

/**
 * rapport_view_set_model_when_shown:
 *
 * Gives @view its model now if it is on screen, or else the first time it
 * is mapped. GTK 4.8's list view builds some 200 rows as soon as it has a
 * model, hidden or not; with several hidden pages that was most of the
 * startup time at 10 000 contacts (see tests/bench).
 */
void
rapport_view_set_model_when_shown (GtkListView       *view,
                                   GtkSelectionModel *model)
{
  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    {
      gtk_list_view_set_model (view, model);
      return;
    }
  if (g_object_get_data (G_OBJECT (view), "rapport-pending-model") == NULL)
    g_signal_connect (view, "map", G_CALLBACK (on_list_view_map_first), NULL);
  g_object_set_data_full (G_OBJECT (view), "rapport-pending-model", g_object_ref (model), g_object_unref);
}

/**
 * rapport_view_dup_settings:
 *
 * Returns: (transfer full) (nullable): Rapport's settings, or %NULL when
 *   the schema is not installed (a test, or a build tree run without
 *   GSETTINGS_SCHEMA_DIR), where g_settings_new() would abort
 */
GSettings *
rapport_view_dup_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (APP_ID[0] == '\0' || source == NULL ||
      (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

/* A number field's text, if it is a whole number in the field's range. */
static gboolean
spin_text_value (GtkSpinButton *spin,
                 gint64        *value)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  return g_ascii_string_to_signed (text, 10,
                                   (gint64) gtk_adjustment_get_lower (adjustment),
                                   (gint64) gtk_adjustment_get_upper (adjustment),
                                   value, NULL);
}

/**
 * rapport_view_spin_is_valid:
 *
 * Returns: whether the text in @spin is a whole number within its range,
 *   that is, whether the value it shows is the value it would keep
 */
gboolean
rapport_view_spin_is_valid (GtkSpinButton *spin)
{
  gint64 value;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), FALSE);

  return spin_text_value (spin, &value);
}

static int
on_guarded_spin_input (GtkSpinButton *spin,
                       double        *new_value)
{
  gint64 value;

  if (!spin_text_value (spin, &value))
    return GTK_INPUT_ERROR;
  *new_value = (double) value;
  return TRUE;
}

static void
update_guarded_row (AdwActionRow *row)
{
  GPtrArray *spins = g_object_get_data (G_OBJECT (row), "rapport-guarded-spins");
  g_autofree char *message = NULL;

  for (guint i = 0; i < spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (spins, i);
      gboolean valid = rapport_view_spin_is_valid (spin);

      gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                                   valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (!valid && message == NULL)
        {
          GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

          /* Translators: under a number field holding something else */
          message = g_strdup_printf (_("Enter a whole number from %d to %d"),
                                     (int) gtk_adjustment_get_lower (adjustment),
                                     (int) gtk_adjustment_get_upper (adjustment));
        }
    }

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_action_row_set_subtitle (row, message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      adw_action_row_set_subtitle (row, g_object_get_data (G_OBJECT (row), "rapport-subtitle"));
    }
}

/**
 * rapport_view_guard_spin:
 * @spin: a numeric spin button for whole numbers
 * @row: the row that shows @spin
 *
 * Makes @spin refuse text that is not a whole number in its range. GTK
 * would quietly turn an emptied field (letters are never inserted, so
 * typing them over a number empties it) into 0, and clamp 99999. Instead,
 * while such text is in the field @row gets the "error" style class and
 * its subtitle says what the field takes; when the field is left, it goes
 * back to its last good value. Forms check rapport_view_spin_is_valid()
 * before they save.
 */
void
rapport_view_guard_spin (GtkSpinButton *spin,
                         AdwActionRow  *row)
{
  GPtrArray *spins;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if ((spins = g_object_get_data (G_OBJECT (row), "rapport-guarded-spins")) == NULL)
    {
      /* The spin buttons are inside the row, so they never outlive it. */
      spins = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (row), "rapport-guarded-spins", spins, (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (row), "rapport-subtitle",
                              g_strdup (adw_action_row_get_subtitle (row)), g_free);
    }
  g_ptr_array_add (spins, spin);

  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  g_signal_connect (spin, "input", G_CALLBACK (on_guarded_spin_input), NULL);
  g_signal_connect_object (spin, "changed", G_CALLBACK (update_guarded_row), row, G_CONNECT_SWAPPED);
}
