/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* A fresh database in a temporary folder, for one test. */
typedef struct
{
  char         *dir;
  char         *path;
  RapportStore *store;
} TestStore;

void test_store_open   (TestStore *ts);
void test_store_remove (TestStore *ts);
char *test_read_back   (const char *path,
                        const char *sql,
                        gint64      id);

G_END_DECLS
