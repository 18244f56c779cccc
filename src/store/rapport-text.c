/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-text"

#include "config.h"

#include <string.h>

#include "rapport-text.h"

/* Folds a run of non-ASCII characters. ASCII characters are starters that
 * neither case folding nor normalization joins with their neighbours, so
 * folding text run by run gives the same as folding it whole. */
static void
fold_run_append (GString    *out,
                 const char *run,
                 gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (run, length);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  if (decomposed == NULL)
    {
      g_string_append (out, folded);
      return;
    }

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }
}

/**
 * rapport_text_fold_append:
 * @out: where to append
 * @text: (nullable): UTF-8 text
 *
 * Appends rapport_text_fold() of @text to @out without a copy of its own,
 * for callers that fold many texts into one buffer.
 */
void
rapport_text_fold_append (GString    *out,
                          const char *text)
{
  gsize start = out->len;
  gboolean validated = FALSE;
  const char *p = text;

  if (text == NULL)
    return;

  /* Most text is ASCII: lower it in place, fold only what is not. */
  for (;;)
    {
      const char *run = p;
      gsize at = out->len;

      while (*p && (guchar)*p < 0x80)
        p++;
      g_string_append_len (out, run, p - run);
      for (char *c = out->str + at; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
          *c += 'a' - 'A';

      if (*p == '\0')
        return;

      if (!validated && !g_utf8_validate (p, -1, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);

          /* as it always was: broken text is made valid, not folded */
          g_string_truncate (out, start);
          g_string_append (out, valid);
          return;
        }
      validated = TRUE;

      run = p;
      while (*p && (guchar)*p >= 0x80)
        p++;
      fold_run_append (out, run, p - run);
    }
}

/**
 * rapport_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for matching as a person expects of a search box: case
 * and accents do not matter, so "jose" finds "José" and "ÅSA" finds "Åsa".
 *
 * Returns: (transfer full): the folded text
 */
char *
rapport_text_fold (const char *text)
{
  GString *out = g_string_sized_new (text ? strlen (text) : 0);

  rapport_text_fold_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * rapport_text_contains:
 * @folded_needle: a needle already passed through rapport_text_fold()
 *
 * Returns: whether @haystack, folded, contains @folded_needle
 */
gboolean
rapport_text_contains (const char *haystack,
                       const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;
  if (haystack == NULL || *haystack == '\0')
    return FALSE;

  folded = rapport_text_fold (haystack);
  return strstr (folded, folded_needle) != NULL;
}
