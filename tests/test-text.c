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

/* Finds @needle in @text and returns its snippet with the match in [] */
static char *
snippet_of (const char *text,
            const char *needle,
            guint       max_chars)
{
  g_autofree char *folded = rapport_text_fold (needle);
  g_autofree char *snippet = NULL;
  gsize start = 0, end = 0, match_start = 0, match_end = 0;

  if (!rapport_text_find (text, folded, &start, &end))
    return NULL;
  snippet = rapport_text_snippet (text, start, end, max_chars, &match_start, &match_end);
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  g_assert_cmpuint (match_start, <=, match_end);
  g_assert_cmpuint (match_end, <=, strlen (snippet));
  g_assert_null (strchr (snippet, '\n'));
  return g_strdup_printf ("%.*s[%.*s]%s",
                          (int)match_start, snippet,
                          (int)(match_end - match_start), snippet + match_start,
                          snippet + match_end);
}

/* Where a match is, in the text as written, for any case and accents */
static void
test_find (void)
{
  const struct { const char *text, *needle; gssize start, end; } cases[] = {
    { "Une école", "ECOLE", 4, 10 },
    { "Une école", "école", 4, 10 },
    { "Straße", "STRASSE", 0, 7 },
    { "Straße", "ss", 4, 6 },           /* half of ß is all of it */
    { "Cafe\xcc\x81 noir", "café", 0, 6 },
    { "Zoë 👩‍💻 Smith", "smith", 17, 22 },
    { "مرحبا ferroelectric سارا", "FERRO", 11, 16 },
    { "no match here", "ferro", -1, -1 },
    { "", "a", -1, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *needle = rapport_text_fold (cases[i].needle);
      gsize start = 0, end = 0;
      gboolean found = rapport_text_find (cases[i].text, needle, &start, &end);

      g_test_message ("%s in %s", cases[i].needle, cases[i].text);
      g_assert_cmpint (found, ==, cases[i].start >= 0);
      if (found)
        {
          g_assert_cmpuint (start, ==, cases[i].start);
          g_assert_cmpuint (end, ==, cases[i].end);
        }
    }
}

static void
test_snippet (void)
{
  const char *long_notes =
    "We talked for an hour about her early years at the lab, the move to "
    "industry, and then at length about the ferroelectric memory work that "
    "she now leads with a team of twelve, which she thinks will matter for "
    "anyone who wants to join the field in the next ten years.";
  g_autofree char *s = NULL;

  /* the word as written, not as folded */
  s = snippet_of ("Elle a étudié à l'école normale", "ECOLE", 60);
  g_assert_cmpstr (s, ==, "Elle a étudié à l'[école] normale");
  g_clear_pointer (&s, g_free);

  /* a long text is cut between words around the match */
  s = snippet_of (long_notes, "FERROELEC", 60);
  g_assert_cmpstr (s, ==, "…length about the [ferroelec]tric memory work that she now…");
  g_assert_cmpuint (g_utf8_strlen (s, -1) - 2, <=, 62);
  g_clear_pointer (&s, g_free);

  /* at the start and at the end: cut on one side only */
  s = snippet_of (long_notes, "we talked", 30);
  g_assert_cmpstr (s, ==, "[We talked] for an hour about…");
  g_clear_pointer (&s, g_free);
  s = snippet_of (long_notes, "ten years.", 30);
  g_assert_cmpstr (s, ==, "…field in the next [ten years.]");
  g_clear_pointer (&s, g_free);

  /* one line, however the text was laid out */
  s = snippet_of ("First line\n\n  second\tline with ferro\r\nthird line", "ferro", 60);
  g_assert_cmpstr (s, ==, "First line second line with [ferro] third line");
  g_clear_pointer (&s, g_free);

  /* emoji, joined emoji and right-to-left text around the match */
  s = snippet_of ("👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻FERRO👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻", "ferro", 20);
  g_assert_true (g_str_has_prefix (s, "…👩"));
  g_assert_true (strstr (s, "👩‍💻[FERRO]👩‍💻") != NULL);
  g_assert_true (g_str_has_suffix (s, "💻…"));
  g_clear_pointer (&s, g_free);
  s = snippet_of ("مرحبا بكم في المختبر حيث ندرس ferroelectric الذاكرة الجديدة مع الفريق كله", "ferro", 30);
  g_assert_true (strstr (s, "[ferro]electric") != NULL);
  g_assert_true (g_str_has_prefix (s, "…"));
  g_assert_true (g_str_has_suffix (s, "…"));
  g_clear_pointer (&s, g_free);

  /* text without spaces is cut between characters */
  s = snippet_of ("李小龍李小龍李小龍李小龍李小龍鐵電李小龍李小龍李小龍李小龍", "鐵電", 8);
  g_assert_cmpstr (s, ==, "…小龍[鐵電]李小龍李…");
  g_clear_pointer (&s, g_free);

  /* a match longer than the room is kept whole */
  s = snippet_of ("short ferroelectric memory", "ferroelectric memory", 5);
  g_assert_cmpstr (s, ==, "…[ferroelectric memory]");
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
  g_test_add_func ("/text/find", test_find);
  g_test_add_func ("/text/snippet", test_snippet);

  return g_test_run ();
}
