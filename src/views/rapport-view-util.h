/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-contact-list.h"
#include "rapport-store.h"

G_BEGIN_DECLS

void        rapport_view_add_toast        (GtkWidget   *widget,
                                           AdwToast    *toast);
GListModel *rapport_view_enum_labels      (GType        enum_type,
                                           const char  *any_label);
GBinding   *rapport_view_bind_enum_combo  (gpointer     object,
                                           const char  *property,
                                           AdwComboRow *row);
void        rapport_view_open_uri         (GtkWidget   *widget,
                                           const char  *scheme,
                                           const char  *value);
char       *rapport_view_uri_for          (const char  *scheme,
                                           const char  *value);
char       *rapport_view_format_iso_date  (const char  *iso_date);
GtkListItemFactory *rapport_view_contact_factory_new (void);
void        rapport_view_contact_factory_set_list (GtkListItemFactory *factory,
                                                   RapportContactList *list);
char       *rapport_view_describe_last_contacted  (gint64              when);
char       *rapport_view_format_time      (gint64       utc,
                                           GTimeZone   *tz);
char       *rapport_view_format_day       (gint64       utc);
char       *rapport_view_format_when      (gint64       utc);

typedef gboolean (*RapportUndoFunc) (RapportStore  *store,
                                     gint64         id,
                                     GError       **error);

AdwToast   *rapport_view_show_undo_toast  (GtkWidget       *widget,
                                           RapportStore    *store,
                                           const char      *title,
                                           gint64           id,
                                           RapportUndoFunc  undo,
                                           RapportUndoFunc  purge,
                                           GCallback        undone,
                                           gpointer         data);
void        rapport_view_undo_toast_undo  (AdwToast        *toast);
void        rapport_view_fix_button_names (GtkWidget       *widget);
GtkWidget  *rapport_view_icon_button      (const char      *icon_name,
                                           const char      *label);
void        rapport_view_set_model_when_shown (GtkListView       *view,
                                               GtkSelectionModel *model);
void        rapport_view_name_calendar_arrows (GtkCalendar *calendar);
GSettings  *rapport_view_dup_settings     (void);
void        rapport_view_guard_spin       (GtkSpinButton *spin,
                                           AdwActionRow  *row);
gboolean    rapport_view_spin_is_valid    (GtkSpinButton *spin);

G_END_DECLS
