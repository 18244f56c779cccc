/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-text"

#include "config.h"

#include <string.h>

#include "rapport-text.h"

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
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean ascii = TRUE;

  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p; p++)
    if ((guchar)*p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    return g_ascii_strdown (text, -1);

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }

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
