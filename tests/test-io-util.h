/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the tests of the file readers (CSV, vCard) share. */

char      *test_load_fixture   (const char *name,
                                gsize      *length);
GPtrArray *test_corpus_paths   (void);

G_END_DECLS
