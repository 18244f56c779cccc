/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

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
    /* marks and ligatures next to ASCII letters */
    { "Cafe\xcc\x81 \xc7\x84" "emal \xef\xac\x81x \xef\xbc\xa1 O\xcc\x88\xcc\xa3ko", "cafe dzemal fix a oko" },
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

static void
test_fold_append (void)
{
  g_autoptr(GString) out = g_string_new ("Kept\1");

  rapport_text_fold_append (out, "JOSÉ");
  rapport_text_fold_append (out, NULL);
  rapport_text_fold_append (out, "-ÅSA");
  g_assert_cmpstr (out->str, ==, "Kept\1jose-asa");

  /* broken text replaces only what it appended */
  rapport_text_fold_append (out, "AB\xff");
  g_assert_true (g_str_has_prefix (out->str, "Kept\1jose-asa"));
  g_assert_true (g_utf8_validate (out->str + strlen ("Kept\1jose-asa"), -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/contains", test_contains);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/fold-append", test_fold_append);

  return g_test_run ();
}
