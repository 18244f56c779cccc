/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_THANK_YOU_DIALOG (rapport_thank_you_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RapportThankYouDialog, rapport_thank_you_dialog, RAPPORT, THANK_YOU_DIALOG, AdwWindow)

/* Without settings; the "follow-up-days" key says how long, by default this. */
#define RAPPORT_FOLLOW_UP_AFTER (14 * 24 * 60 * 60)

RapportThankYouDialog *rapport_thank_you_dialog_new      (GtkWindow             *parent,
                                                          RapportStore          *store,
                                                          RapportAppointment    *appointment);
char                  *rapport_thank_you_dialog_dup_text (RapportThankYouDialog *self);

G_END_DECLS
