/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_INITIALS (rapport_initials_get_type ())
G_DECLARE_FINAL_TYPE (RapportInitials, rapport_initials, RAPPORT, INITIALS, GtkWidget)

GtkWidget  *rapport_initials_new      (int              size);
const char *rapport_initials_get_text (RapportInitials *self);
void        rapport_initials_set_text (RapportInitials *self,
                                       const char      *text);
char       *rapport_initials_dup_initials (const char  *text);

G_END_DECLS
