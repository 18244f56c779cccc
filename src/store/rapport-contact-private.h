/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-contact.h"

G_BEGIN_DECLS

/* Only the store sets what it derives from other rows. */
void rapport_contact_set_last_contacted (RapportContact *self,
                                         gint64          when);

G_END_DECLS
