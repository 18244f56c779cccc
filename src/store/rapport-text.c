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

/* Whether a cut just before @c would split what reads as one character:
 * an accent, a joiner, a variation selector or a skin tone. */
static gboolean
continues_cluster (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK
         || type == G_UNICODE_SPACING_MARK
         || type == G_UNICODE_ENCLOSING_MARK
         || c == 0x200D                     /* zero width joiner */
         || (c >= 0xFE00 && c <= 0xFE0F)    /* variation selectors */
         || (c >= 0x1F3FB && c <= 0x1F3FF)  /* skin tones */
         || (c >= 0xE0020 && c <= 0xE007F); /* flag tags */
}

/* Folds @text one character at a time, noting for each folded byte the
 * offset of the character of @text it came from. @text must be valid
 * UTF-8. Folding a character alone gives what folding it within its run
 * gives, save for the order of some combining marks, which do not matter
 * here: most are dropped and the rest end a match at worst. */
static char *
fold_mapped (const char *text,
             GArray     *offsets)
{
  GString *out = g_string_sized_new (strlen (text));
  gsize end;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gsize from = out->len;
      gsize at = p - text;

      if ((guchar)*p < 0x80)
        g_string_append_c (out, g_ascii_tolower (*p));
      else
        fold_run_append (out, p, g_utf8_next_char (p) - p);

      for (gsize i = from; i < out->len; i++)
        g_array_append_val (offsets, at);
    }

  end = strlen (text);
  g_array_append_val (offsets, end);
  return g_string_free (out, FALSE);
}

/**
 * rapport_text_find:
 * @text: valid UTF-8 text
 * @folded_needle: a needle already passed through rapport_text_fold()
 * @start: (out): where the first match begins, in bytes of @text
 * @end: (out): where it ends
 *
 * Finds @folded_needle in @text as rapport_text_contains() does, and tells
 * where in @text itself, as written, the match is.
 *
 * Returns: whether @text contains @folded_needle
 */
gboolean
rapport_text_find (const char *text,
                   const char *folded_needle,
                   gsize      *start,
                   gsize      *end)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = NULL;
  const gsize *map;
  const char *found;
  gsize first, last;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (text == NULL || folded_needle == NULL || *folded_needle == '\0')
    return FALSE;
  /* most texts do not match: ask the cheap question first */
  if (!rapport_text_contains (text, folded_needle))
    return FALSE;

  offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  folded = fold_mapped (text, offsets);
  found = strstr (folded, folded_needle);
  if (found == NULL)
    return FALSE;

  map = (const gsize *)(gpointer)offsets->data;
  first = found - folded;
  last = first + strlen (folded_needle);   /* the byte after the match */

  *start = map[first];
  /* The match ends after the character that made its last byte. */
  *end = map[last - 1];
  *end = g_utf8_next_char (text + *end) - text;
  /* and takes the accents that folding dropped with it */
  while (text[*end] != '\0' && continues_cluster (g_utf8_get_char (text + *end)))
    *end = g_utf8_next_char (text + *end) - text;

  return TRUE;
}

static gboolean
is_space (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isspace (c) || g_unichar_iscntrl (c);
}

/* Moves @p back over up to @n characters of @text, then forward to where
 * a word begins if one begins in what it passed; else to where a cut does
 * not split a character as read. */
static const char *
snippet_begin (const char *text,
               const char *p,
               guint       n)
{
  const char *limit = p;
  const char *word = NULL;

  for (guint i = 0; i < n && p > text; i++)
    p = g_utf8_prev_char (p);
  if (p == text)
    return p;

  for (const char *q = p; q <= limit; q = g_utf8_next_char (q))
    if (q > text && is_space (g_utf8_prev_char (q)) && !is_space (q))
      {
        word = q;
        break;
      }
  if (word != NULL)
    return word;

  while (p < limit && (continues_cluster (g_utf8_get_char (p)) ||
                       g_utf8_get_char (g_utf8_prev_char (p)) == 0x200D))
    p = g_utf8_next_char (p);
  return p;
}

/* Moves @p forward over up to @n characters, then back to where a word
 * ends if one ends in what it passed; else to where a cut does not split
 * a character as read. */
static const char *
snippet_end (const char *p,
             guint       n)
{
  const char *limit = p;

  for (guint i = 0; i < n && *p; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return p;

  for (const char *q = p; q >= limit; q = g_utf8_prev_char (q))
    if (is_space (q) && !is_space (g_utf8_prev_char (q)))
      return q;

  while (p > limit && (continues_cluster (g_utf8_get_char (p)) ||
                       g_utf8_get_char (g_utf8_prev_char (p)) == 0x200D))
    p = g_utf8_prev_char (p);
  return p;
}

/**
 * rapport_text_snippet:
 * @text: valid UTF-8 text
 * @start: where a match begins in @text, in bytes
 * @end: where it ends
 * @max_chars: about how many characters the snippet may have
 * @match_start: (out): where the match begins in the snippet
 * @match_end: (out): where it ends
 *
 * Cuts the words around a match out of @text to show where the match was
 * found: about @max_chars characters, cut between words when it can be,
 * with "…" where it was cut, on one line. The match is kept whole.
 *
 * Returns: (transfer full): the snippet
 */
char *
rapport_text_snippet (const char *text,
                      gsize       start,
                      gsize       end,
                      guint       max_chars,
                      gsize      *match_start,
                      gsize      *match_end)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *from, *to;
  glong before_chars, after_chars, match_chars;
  guint room, before, after;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end && end <= strlen (text), NULL);
  g_return_val_if_fail (match_start != NULL && match_end != NULL, NULL);

  match_chars = g_utf8_strlen (text + start, end - start);
  before_chars = g_utf8_strlen (text, start);
  after_chars = g_utf8_strlen (text + end, -1);
  room = match_chars < max_chars ? max_chars - match_chars : 0;

  /* A third of the room before the match, as the eye reads on from it;
   * what one side does not use goes to the other. */
  before = MIN ((glong)(room / 3), before_chars);
  after = MIN ((glong)(room - before), after_chars);
  before = MIN ((glong)(room - after), before_chars);

  from = snippet_begin (text, text + start, before);
  to = snippet_end (text + end, after);

  /* No spaces at the ends, however the cut fell. */
  while (from < text + start && is_space (from))
    from = g_utf8_next_char (from);
  while (to > text + end && is_space (g_utf8_prev_char (to)))
    to = g_utf8_prev_char (to);

  if (from > text)
    g_string_append (out, "…");

  /* Line breaks and runs of spaces read as one space. */
  for (const char *p = from; p <= to; p = g_utf8_next_char (p))
    {
      if (p == text + start)
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          *match_start = out->len;
        }
      if (p == text + end)
        {
          *match_end = out->len;
          if (space && p < to)
            g_string_append_c (out, ' ');
          space = FALSE;
        }
      if (p == to)
        break;

      if (is_space (p))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }

  if (*to != '\0')
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
