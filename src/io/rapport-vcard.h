/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-contact.h"

G_BEGIN_DECLS

#define RAPPORT_VCARD_ERROR (rapport_vcard_error_quark ())

typedef enum {
  RAPPORT_VCARD_ERROR_INVALID,
} RapportVcardError;

GQuark     rapport_vcard_error_quark (void);

GPtrArray *rapport_vcard_parse       (const char  *data,
                                      gsize        length,
                                      GPtrArray  **rejected,
                                      GError     **error);
char      *rapport_vcard_export      (GPtrArray   *contacts);

G_END_DECLS
