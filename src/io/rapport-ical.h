/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_ICAL_ERROR (rapport_ical_error_quark ())

typedef enum {
  RAPPORT_ICAL_ERROR_INVALID,
} RapportIcalError;

GQuark     rapport_ical_error_quark (void);

char      *rapport_ical_export      (RapportStore  *store,
                                     GPtrArray     *appointments,
                                     GError       **error);
GPtrArray *rapport_ical_parse       (const char    *data,
                                     gsize          length,
                                     GError       **error);

G_END_DECLS
