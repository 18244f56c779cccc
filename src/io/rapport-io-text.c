/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-io-text.h"

/* One line of text for a contact: line ends and tabs become spaces, other
 * control characters go, and the ends are trimmed. */
char *
rapport_io_clean_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n' || *p == '\t')
        g_string_append_c (out, ' ');
      else if ((guchar)*p >= 0x20 && *p != 0x7F)
        g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* Notes keep their lines and indents: line ends become LF, and the control
 * characters but tabs go. */
char *
rapport_io_clean_notes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (*p == '\n' || *p == '\t' || ((guchar)*p >= 0x20 && *p != 0x7F))
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Whether the @length bytes at @text hold @needle, ignoring ASCII case. */
gboolean
rapport_io_contains_ascii_nocase (const char *text,
                                  gsize       length,
                                  const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (g_ascii_strncasecmp (text + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/**
 * rapport_io_decode_utf16:
 *
 * Whether @data starts with a UTF-16 byte order mark, as Windows programs
 * write "Unicode text". If it does, *@out_text is the rest as UTF-8 (with
 * its byte count in *@out_length), or %NULL if it is not UTF-16 after all,
 * for the caller to say so in its own words.
 */
gboolean
rapport_io_decode_utf16 (const char  *data,
                         gsize        length,
                         char       **out_text,
                         gsize       *out_length)
{
  const char *from;

  if (length < 2 || !(((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                      ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    return FALSE;

  from = (guchar)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  *out_text = g_convert (data + 2, (gssize)(length - 2), "UTF-8", from, NULL, out_length, NULL);
  return TRUE;
}

/* Steps over a UTF-8 byte order mark at the start of *@data. */
void
rapport_io_skip_utf8_bom (const char **data,
                          gsize       *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

/* Steps over the ASCII white space at the start of *@data. */
void
rapport_io_skip_leading_space (const char **data,
                               gsize       *length)
{
  while (*length > 0 && g_ascii_isspace (**data))
    {
      (*data)++;
      (*length)--;
    }
}
