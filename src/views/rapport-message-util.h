/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-contact.h"

G_BEGIN_DECLS

char *rapport_message_dup_text  (GtkTextView    *body_view);
void  rapport_message_show      (GtkWidget      *dialog,
                                 const char     *open_mail_action,
                                 RapportContact *contact,
                                 AdwEntryRow    *subject_row,
                                 GtkTextView    *body_view,
                                 GtkWidget      *mail_button,
                                 const char     *subject,
                                 const char     *body,
                                 gboolean        email);
void  rapport_message_copy      (GtkWidget      *widget,
                                 GtkTextView    *body_view);
void  rapport_message_open_mail (GtkWindow      *window,
                                 RapportContact *contact,
                                 AdwEntryRow    *subject_row,
                                 GtkTextView    *body_view);

G_END_DECLS
