/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Text helpers that the CSV, vCard and iCalendar readers share. Private to
 * the io library: no public header includes this one. */

#include <glib.h>

G_BEGIN_DECLS

G_GNUC_INTERNAL
char     *rapport_io_clean_line             (const char  *text);
G_GNUC_INTERNAL
char     *rapport_io_clean_notes            (const char  *text);
G_GNUC_INTERNAL
gboolean  rapport_io_contains_ascii_nocase  (const char  *text,
                                             gsize        length,
                                             const char  *needle);
G_GNUC_INTERNAL
gboolean  rapport_io_decode_utf16           (const char  *data,
                                             gsize        length,
                                             char       **out_text,
                                             gsize       *out_length);
G_GNUC_INTERNAL
void      rapport_io_skip_utf8_bom          (const char **data,
                                             gsize       *length);
G_GNUC_INTERNAL
void      rapport_io_skip_leading_space     (const char **data,
                                             gsize       *length);

G_END_DECLS
