/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-text.h"

static void
test_fold (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "Ada LOVELACE", "ada lovelace" },
    { "José Álvarez", "jose alvarez" },
    { "ZOË", "zoe" },
    { "Straße", "strasse" },
    { "", "" },
    { "李小龍", "李小龍" },
    { "سارا", "سارا" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = rapport_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_contains (void)
{
  g_autofree char *needle = rapport_text_fold ("ALV");

  g_assert_true (rapport_text_contains ("José Álvarez", needle));
  g_assert_false (rapport_text_contains ("Ann Lee", needle));
  g_assert_false (rapport_text_contains (NULL, needle));
  g_assert_true (rapport_text_contains ("anything", ""));
}

static void
test_invalid_utf8 (void)
{
  /* Bytes from a broken import must not crash a search. */
  g_autofree char *folded = rapport_text_fold ("caf\xe9 \xff");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/contains", test_contains);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
