/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rapport_text_fold        (const char *text);
void      rapport_text_fold_append (GString    *out,
                                    const char *text);
gboolean  rapport_text_contains    (const char *haystack,
                                    const char *folded_needle);
gboolean  rapport_text_find        (const char *text,
                                    const char *folded_needle,
                                    gsize      *start,
                                    gsize      *end);
char     *rapport_text_snippet     (const char *text,
                                    gsize       start,
                                    gsize       end,
                                    guint       max_chars,
                                    gsize      *match_start,
                                    gsize      *match_end);

G_END_DECLS
