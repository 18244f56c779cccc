/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-io-text.h"
#include "rapport-vcard.h"

/* Rapport's own properties, so that a Rapport → Rapport round trip keeps
 * what vCard has no word for. */
#define X_FIELD         "X-RAPPORT-FIELD"
#define X_SOURCE_DETAIL "X-RAPPORT-SOURCE-DETAIL"

#define PRODID          "-//Rapport//Rapport " PACKAGE_VERSION "//EN"

/* RFC 6350 §3.2: lines longer than this many octets, CRLF left out, are
 * folded. */
#define FOLD_OCTETS     75

/* A name in a message is cut to this many characters. */
#define MAX_SHOWN_NAME  60

G_DEFINE_QUARK (rapport-vcard-error-quark, rapport_vcard_error)

typedef enum {
  VERSION_2_1,
  VERSION_3_0,
  VERSION_4_0,
} Version;

/* ------------------------------------------------------------------------ *
 * Lines and properties
 * ------------------------------------------------------------------------ */

typedef struct
{
  char *name;   /* upper case */
  char *value;  /* as in the file, without quotes */
} Param;

typedef struct
{
  char      *name;          /* upper case, without its group */
  GPtrArray *params;        /* (element-type Param) */
  char      *value;         /* the raw bytes, in no known encoding yet */
  gsize      value_length;
} Property;

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static void
property_free (gpointer data)
{
  Property *property = data;

  g_free (property->name);
  g_ptr_array_unref (property->params);
  g_free (property->value);
  g_free (property);
}

/* Where the value of a content line starts: after the first colon that is
 * not inside a quoted parameter value, or failing that, the first colon. */
static const char *
find_value_colon (const char *line,
                  gsize       length)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (line[i] == ':' && !quoted)
        return line + i;
    }

  return memchr (line, ':', length);
}

/* Whether a content line's value is quoted-printable, whose soft line
 * breaks ("=" at the end of a line) join the next line whatever it starts
 * with. */
static gboolean
is_quoted_printable (const char *line,
                     gsize       length)
{
  const char *colon = find_value_colon (line, length);

  return colon != NULL && rapport_io_contains_ascii_nocase (line, (gsize)(colon - line), "QUOTED-PRINTABLE");
}

static gboolean
is_end_vcard (const char *line,
              gsize       length)
{
  while (length > 0 && g_ascii_isspace (line[length - 1]))
    length--;

  return length == 9 && g_ascii_strncasecmp (line, "END:VCARD", 9) == 0;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/**
 * unfold:
 *
 * Splits @data into content lines at CRLF, LF or a lone CR, joining folded
 * lines: a line that starts with a space or a tab continues the one before
 * it, without that space (vCard 3.0 and 4.0, and most 2.1 writers), and a
 * quoted-printable value that ends with "=" continues on the next line
 * (vCard 2.1 soft line breaks), unless that line ends the card, as some
 * writers end every quoted-printable line with "=".
 *
 * Returns: (element-type GString): the content lines, as bytes
 */
static GPtrArray *
unfold (const char *data,
        gsize       length)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (string_free);
  GString *current = NULL;
  gboolean current_qp = FALSE;
  gsize pos = 0;

  while (pos < length)
    {
      const char *line = data + pos;
      gsize line_length = 0;

      while (pos + line_length < length && line[line_length] != '\r' && line[line_length] != '\n')
        line_length++;
      pos += line_length;
      if (pos < length)
        pos += data[pos] == '\r' && pos + 1 < length && data[pos + 1] == '\n' ? 2 : 1;

      if (current != NULL && current_qp && current->len > 0 && current->str[current->len - 1] == '=' &&
          !is_end_vcard (line, line_length))
        {
          g_string_truncate (current, current->len - 1);
          g_string_append_len (current, line, (gssize)line_length);
        }
      else if (current != NULL && line_length > 0 && (line[0] == ' ' || line[0] == '\t'))
        g_string_append_len (current, line + 1, (gssize)line_length - 1);
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, current);
          current = NULL;

          if (line_length > 0 && line[0] != ' ' && line[0] != '\t')
            {
              current = g_string_new_len (line, (gssize)line_length);
              current_qp = is_quoted_printable (line, line_length);
            }
        }
    }

  if (current != NULL)
    g_ptr_array_add (lines, current);

  return g_steal_pointer (&lines);
}

static char *
dup_unquoted (const char *text,
              gsize       length)
{
  if (length >= 2 && text[0] == '"' && text[length - 1] == '"')
    return g_strndup (text + 1, length - 2);

  return g_strndup (text, length);
}

static void
add_param (Property   *property,
           const char *text,
           gsize       length)
{
  const char *equals = memchr (text, '=', length);
  Param *param = g_new0 (Param, 1);

  if (equals != NULL)
    {
      g_autofree char *name = g_strndup (text, (gsize)(equals - text));

      param->name = g_ascii_strup (g_strstrip (name), -1);
      param->value = dup_unquoted (equals + 1, length - (gsize)(equals + 1 - text));
    }
  else
    {
      g_autofree char *value = g_strstrip (g_strndup (text, length));

      /* vCard 2.1 names some parameters by their value alone: TEL;CELL */
      if (g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0 ||
          g_ascii_strcasecmp (value, "BASE64") == 0 ||
          g_ascii_strcasecmp (value, "8BIT") == 0 ||
          g_ascii_strcasecmp (value, "7BIT") == 0)
        param->name = g_strdup ("ENCODING");
      else
        param->name = g_strdup ("TYPE");
      param->value = g_steal_pointer (&value);
    }

  g_ptr_array_add (property->params, param);
}

/* Reads "[group.]NAME *(;param) : value", or returns %NULL for a line
 * that is not a property. */
static Property *
parse_property (GString *line)
{
  const char *colon = find_value_colon (line->str, line->len);
  Property *property;
  const char *header = line->str;
  gsize header_length;
  const char *name;
  gsize name_length;
  const char *dot;
  gsize start;

  if (colon == NULL)
    return NULL;

  header_length = (gsize)(colon - header);

  /* the name, up to the first semicolon */
  name_length = 0;
  while (name_length < header_length && header[name_length] != ';')
    name_length++;
  name = header;
  dot = NULL;
  for (gsize i = 0; i < name_length; i++)
    if (header[i] == '.')
      dot = header + i;
  if (dot != NULL)
    {
      name_length -= (gsize)(dot + 1 - name);
      name = dot + 1;
    }

  while (name_length > 0 && g_ascii_isspace (name[name_length - 1]))
    name_length--;
  while (name_length > 0 && g_ascii_isspace (name[0]))
    {
      name++;
      name_length--;
    }
  if (name_length == 0)
    return NULL;
  for (gsize i = 0; i < name_length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_')
      return NULL;

  property = g_new0 (Property, 1);
  property->name = g_ascii_strup (name, (gssize)name_length);
  property->params = g_ptr_array_new_with_free_func (param_free);
  property->value_length = line->len - header_length - 1;
  property->value = g_malloc (property->value_length + 1);
  memcpy (property->value, colon + 1, property->value_length);
  property->value[property->value_length] = '\0';

  /* parameters: split at semicolons outside quotes */
  start = (gsize)(name + name_length - header);
  while (start < header_length && header[start] != ';')
    start++;
  while (start < header_length)
    {
      gsize end = start + 1;
      gboolean quoted = FALSE;

      while (end < header_length && (quoted || header[end] != ';'))
        {
          if (header[end] == '"')
            quoted = !quoted;
          end++;
        }

      if (end > start + 1)
        add_param (property, header + start + 1, end - start - 1);
      start = end;
    }

  return property;
}

static const char *
property_get_param (Property   *property,
                    const char *name)
{
  for (guint i = 0; i < property->params->len; i++)
    {
      Param *param = g_ptr_array_index (property->params, i);

      if (g_str_equal (param->name, name))
        return param->value;
    }

  return NULL;
}

/* Marked as the one to use: TYPE=pref (3.0), a bare PREF (2.1) or PREF=n
 * (4.0). */
static gboolean
property_is_preferred (Property *property)
{
  for (guint i = 0; i < property->params->len; i++)
    {
      Param *param = g_ptr_array_index (property->params, i);

      if (g_str_equal (param->name, "PREF"))
        return TRUE;

      if (g_str_equal (param->name, "TYPE"))
        {
          g_auto(GStrv) types = g_strsplit (param->value, ",", -1);

          for (guint t = 0; types[t] != NULL; t++)
            if (g_ascii_strcasecmp (g_strstrip (types[t]), "PREF") == 0)
              return TRUE;
        }
    }

  return FALSE;
}

static gboolean
value_is (Property   *property,
          const char *value)
{
  gsize length = property->value_length;
  const char *start = property->value;

  while (length > 0 && g_ascii_isspace (start[length - 1]))
    length--;
  while (length > 0 && g_ascii_isspace (*start))
    {
      start++;
      length--;
    }

  return length == strlen (value) && g_ascii_strncasecmp (start, value, length) == 0;
}

/* ------------------------------------------------------------------------ *
 * Values
 * ------------------------------------------------------------------------ */

typedef enum {
  DECODE_OK,
  DECODE_BAD_BYTES,
  DECODE_UNKNOWN_CHARSET,
} DecodeResult;

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;

  return -1;
}

static GByteArray *
decode_quoted_printable (const char *value,
                         gsize       length)
{
  GByteArray *out = g_byte_array_sized_new ((guint)MIN (length, G_MAXUINT));

  for (gsize i = 0; i < length; i++)
    {
      if (value[i] == '=' && i + 2 < length && hex_value (value[i + 1]) >= 0 && hex_value (value[i + 2]) >= 0)
        {
          guint8 byte = (guint8)(hex_value (value[i + 1]) * 16 + hex_value (value[i + 2]));

          g_byte_array_append (out, &byte, 1);
          i += 2;
        }
      else if (value[i] == '=' && i + 1 == length)
        ; /* a soft line break before the end of the card */
      else
        g_byte_array_append (out, (const guint8 *)value + i, 1);
    }

  return out;
}

static gboolean
is_charset_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 40)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:+", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* Bytes that are not valid in their character set, made readable to name
 * a card in a message: most such bytes are Windows-1252 ("Bj\xF6rk"). */
static char *
guess_text (const char *bytes,
            gsize       length)
{
  g_autofree char *guess = g_convert (bytes, (gssize)length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  if (guess != NULL && g_utf8_validate (guess, -1, NULL))
    return g_steal_pointer (&guess);

  return g_utf8_make_valid (bytes, (gssize)length);
}

/* Text from the file for a message: valid UTF-8, and not too long. */
static char *
dup_shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *line = rapport_io_clean_line (valid);

  if (g_utf8_strlen (line, -1) > MAX_SHOWN_NAME)
    {
      char *end = g_utf8_offset_to_pointer (line, MAX_SHOWN_NAME - 1);

      *end = '\0';
      return g_strconcat (line, "…", NULL);
    }

  return g_steal_pointer (&line);
}

/* The bytes without NULs, which no contact field can hold. */
static char *
dup_without_nul (const char *bytes,
                 gsize       length)
{
  char *out = g_malloc (length + 1);
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    if (bytes[i] != '\0')
      out[n++] = bytes[i];
  out[n] = '\0';

  return out;
}

/**
 * decode_value:
 * @charset: (out): the character set the value was read in
 * @value: (out): the value as UTF-8, still escaped; or on failure a
 *   readable guess at it, to name the card in a message
 *
 * Undoes the value's transfer encoding (2.1's QUOTED-PRINTABLE, or BASE64
 * as in ENCODING=b) and reads it in its CHARSET, or UTF-8 by default.
 * Senders label Windows-1252 as ISO-8859-1 so often (Outlook does) that it
 * is read as Windows-1252, as web browsers do, falling back to ISO-8859-1
 * for the few bytes Windows-1252 leaves undefined.
 */
static DecodeResult
decode_value (Property  *property,
              char     **charset,
              char     **value)
{
  const char *encoding = property_get_param (property, "ENCODING");
  const char *declared = property_get_param (property, "CHARSET");
  g_autoptr(GByteArray) decoded = NULL;
  const char *bytes = property->value;
  gsize length = property->value_length;
  g_autofree char *converted = NULL;
  gsize converted_length = 0;
  g_autofree char *from = NULL;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0)
    {
      decoded = decode_quoted_printable (bytes, length);
      bytes = (const char *)decoded->data;
      length = decoded->len;
    }
  else if (encoding != NULL && (g_ascii_strcasecmp (encoding, "B") == 0 ||
                                g_ascii_strcasecmp (encoding, "BASE64") == 0))
    {
      g_autofree char *text = g_strndup (bytes, length);
      gsize decoded_length = 0;
      guchar *raw = g_base64_decode (text, &decoded_length);

      decoded = g_byte_array_new_take (raw, decoded_length);
      bytes = (const char *)decoded->data;
      length = decoded->len;
    }

  /* an empty byte array may have no data at all */
  if (bytes == NULL)
    {
      bytes = "";
      length = 0;
    }

  from = g_ascii_strup (declared != NULL && *declared != '\0' ? declared : "UTF-8", -1);
  g_strstrip (from);
  /* for messages: the parameter is bytes from the file, like the value */
  *charset = dup_shown_text (from);

  if (g_str_equal (from, "UTF-8") || g_str_equal (from, "UTF8"))
    {
      g_autofree char *text = dup_without_nul (bytes, length);

      if (!g_utf8_validate (text, -1, NULL))
        {
          *value = guess_text (text, strlen (text));
          return DECODE_BAD_BYTES;
        }

      *value = g_steal_pointer (&text);
      return DECODE_OK;
    }

  if (g_str_equal (from, "US-ASCII") || g_str_equal (from, "ASCII"))
    {
      for (gsize i = 0; i < length; i++)
        if ((guchar)bytes[i] >= 0x80)
          {
            g_autofree char *text = dup_without_nul (bytes, length);

            *value = guess_text (text, strlen (text));
            return DECODE_BAD_BYTES;
          }

      *value = dup_without_nul (bytes, length);
      return DECODE_OK;
    }

  if (!is_charset_name (from))
    {
      *value = g_utf8_make_valid (bytes, (gssize)length);
      return DECODE_UNKNOWN_CHARSET;
    }

  if (g_str_equal (from, "ISO-8859-1") || g_str_equal (from, "ISO8859-1") ||
      g_str_equal (from, "ISO_8859-1") || g_str_equal (from, "LATIN1"))
    {
      converted = g_convert (bytes, (gssize)length, "UTF-8", "WINDOWS-1252", NULL, &converted_length, NULL);
      if (converted == NULL)
        converted = g_convert (bytes, (gssize)length, "UTF-8", "ISO-8859-1", NULL, &converted_length, NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      converted = g_convert (bytes, (gssize)length, "UTF-8", from, NULL, &converted_length, &error);
      if (converted == NULL && g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          *value = g_utf8_make_valid (bytes, (gssize)length);
          return DECODE_UNKNOWN_CHARSET;
        }
    }

  if (converted == NULL)
    {
      g_autofree char *text = dup_without_nul (bytes, length);

      *value = guess_text (text, strlen (text));
      return DECODE_BAD_BYTES;
    }

  *value = dup_without_nul (converted, converted_length);

  /* iconv gives UTF-8, but a charset module may be broken: make sure */
  if (!g_utf8_validate (*value, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*value, -1);

      g_free (*value);
      *value = valid;
      return DECODE_BAD_BYTES;
    }

  return DECODE_OK;
}

/* vCard 3.0 and 4.0 escape backslash, comma, semicolon and line ends in
 * text, and writers escape the colon too ("http\://"); vCard 2.1 escapes
 * only the semicolon, and many writers the backslash and comma, but "\n"
 * there is a backslash and an n (2.1 writes line ends quoted-printable). */
static char *
unescape (const char *text,
          Version     version)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      switch (p[1])
        {
        case '\\':
        case ',':
        case ';':
          g_string_append_c (out, p[1]);
          p++;
          break;

        case 'n':
        case 'N':
        case ':':
          if (version == VERSION_2_1)
            g_string_append_c (out, *p);
          else
            {
              g_string_append_c (out, p[1] == ':' ? ':' : '\n');
              p++;
            }
          break;

        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* The components of a structured value (N, ORG), split at semicolons that
 * are not escaped, each still escaped. */
static GStrv
split_components (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == ';')
        {
          g_autofree char *component = g_strndup (start, (gsize)(p - start));

          g_strv_builder_add (builder, component);
          start = p + 1;
        }
    }
  g_strv_builder_add (builder, start);

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ *
 * Cards
 * ------------------------------------------------------------------------ */

typedef struct
{
  guint      number;      /* from 1, in the file */
  gboolean   complete;    /* ended by END:VCARD */
  GPtrArray *properties;  /* (element-type Property) */
} Card;

static void
card_free (gpointer data)
{
  Card *card = data;

  g_ptr_array_unref (card->properties);
  g_free (card);
}

static Property *
card_get_first (Card       *card,
                const char *name)
{
  for (guint i = 0; i < card->properties->len; i++)
    {
      Property *property = g_ptr_array_index (card->properties, i);

      if (g_str_equal (property->name, name))
        return property;
    }

  return NULL;
}

/* The first property named @name that is marked preferred, or the first. */
static Property *
card_get_preferred (Card       *card,
                    const char *name)
{
  for (guint i = 0; i < card->properties->len; i++)
    {
      Property *property = g_ptr_array_index (card->properties, i);

      if (g_str_equal (property->name, name) && property_is_preferred (property))
        return property;
    }

  return card_get_first (card, name);
}

static Version
card_get_version (Card *card)
{
  Property *property = card_get_first (card, "VERSION");

  if (property != NULL && value_is (property, "2.1"))
    return VERSION_2_1;
  if (property != NULL && value_is (property, "4.0"))
    return VERSION_4_0;

  return VERSION_3_0;
}

/* What went wrong in a card, kept until the card's name is known. */
typedef struct
{
  DecodeResult  result;
  char         *charset;
} Problem;

typedef struct
{
  Card    *card;
  Version  version;
  Problem  problem;   /* the first one */
} Reader;

/* The text of @property, unescaped, or %NULL if there is no such property
 * or it cannot be read (and then the reader notes why). Its components
 * split when @components is not %NULL. */
static char *
read_text (Reader     *reader,
           Property   *property,
           GStrv      *components)
{
  g_autofree char *charset = NULL;
  g_autofree char *value = NULL;
  DecodeResult result;

  if (property == NULL)
    return NULL;

  result = decode_value (property, &charset, &value);
  if (result != DECODE_OK)
    {
      if (reader->problem.result == DECODE_OK)
        {
          reader->problem.result = result;
          reader->problem.charset = g_steal_pointer (&charset);
        }
      return NULL;
    }

  if (components != NULL)
    {
      g_auto(GStrv) raw = split_components (value);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; raw[i] != NULL; i++)
        {
          g_autofree char *component = unescape (raw[i], reader->version);

          g_strv_builder_add (builder, component);
        }
      *components = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  return unescape (value, reader->version);
}

static char *
read_line (Reader   *reader,
           Property *property)
{
  g_autofree char *text = read_text (reader, property, NULL);

  return text != NULL ? rapport_io_clean_line (text) : g_strdup ("");
}

static char *
read_first_component (Reader   *reader,
                      Property *property)
{
  g_auto(GStrv) components = NULL;
  g_autofree char *text = read_text (reader, property, &components);

  return text != NULL && components[0] != NULL ? rapport_io_clean_line (components[0]) : g_strdup ("");
}

static char *
join_name (const char *given,
           const char *family)
{
  if (*given != '\0' && *family != '\0')
    return g_strconcat (given, " ", family, NULL);

  return g_strdup (*given != '\0' ? given : family);
}

/* FN, or "Given Family" from N when there is no FN. */
static char *
read_name (Reader *reader)
{
  Property *fn = card_get_first (reader->card, "FN");
  Property *n = card_get_first (reader->card, "N");
  g_autofree char *name = read_line (reader, fn);

  if (*name == '\0' && n != NULL)
    {
      g_auto(GStrv) components = NULL;
      g_autofree char *text = read_text (reader, n, &components);

      if (text != NULL)
        {
          g_autofree char *family = rapport_io_clean_line (components[0] != NULL ? components[0] : "");
          g_autofree char *given = rapport_io_clean_line (components[0] != NULL && components[1] != NULL ? components[1] : "");

          g_free (name);
          name = join_name (given, family);
        }
    }

  return g_steal_pointer (&name);
}

/* A name to show in a message about a card, even if the card's text cannot
 * all be read: the readable part of it. */
static char *
dup_shown_name (Card    *card,
                Version  version)
{
  Property *fn = card_get_first (card, "FN");
  g_autofree char *charset = NULL;
  g_autofree char *value = NULL;
  g_autofree char *unescaped = NULL;
  g_autofree char *name = NULL;

  if (fn == NULL)
    fn = card_get_first (card, "N");
  if (fn == NULL)
    return NULL;

  decode_value (fn, &charset, &value);
  unescaped = unescape (value, version);
  if (fn == card_get_first (card, "N"))
    {
      g_auto(GStrv) components = split_components (value);
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;

      family = unescape (components[0] != NULL ? components[0] : "", version);
      given = unescape (components[0] != NULL && components[1] != NULL ? components[1] : "", version);
      g_free (unescaped);
      unescaped = g_strstrip (join_name (g_strstrip (given), g_strstrip (family)));
    }

  name = dup_shown_text (unescaped);
  if (*name == '\0')
    return NULL;

  return g_steal_pointer (&name);
}

static char *
describe_problem (Card       *card,
                  Version     version,
                  Problem    *problem)
{
  g_autofree char *name = dup_shown_name (card, version);

  if (!card->complete)
    {
      if (name != NULL)
        /* Translators: why a contact in a file was not imported; %u is its position, %s its name */
        return g_strdup_printf (_("Card %u (“%s”): the file ends in the middle of it"), card->number, name);
      else
        /* Translators: why a contact in a file was not imported; %u is its position */
        return g_strdup_printf (_("Card %u: the file ends in the middle of it"), card->number);
    }

  switch (problem->result)
    {
    case DECODE_BAD_BYTES:
      if (name != NULL)
        /* Translators: why a contact in a file was not imported; %u is its position, the first
         * %s its name, the second the name of a character set such as UTF-8 */
        return g_strdup_printf (_("Card %u (“%s”): some of its text is not valid %s"),
                                card->number, name, problem->charset);
      else
        /* Translators: why a contact in a file was not imported; %u is its position, %s
         * the name of a character set such as UTF-8 */
        return g_strdup_printf (_("Card %u: some of its text is not valid %s"),
                                card->number, problem->charset);

    case DECODE_UNKNOWN_CHARSET:
      if (name != NULL)
        /* Translators: why a contact in a file was not imported; %u is its position, the first
         * %s its name, the second the name of a character set */
        return g_strdup_printf (_("Card %u (“%s”): its text is in a character set that Rapport does not know, “%s”"),
                                card->number, name, problem->charset);
      else
        /* Translators: why a contact in a file was not imported; %u is its position, %s the
         * name of a character set */
        return g_strdup_printf (_("Card %u: its text is in a character set that Rapport does not know, “%s”"),
                                card->number, problem->charset);

    case DECODE_OK:
    default:
      /* Translators: why a contact in a file was not imported; %u is its position */
      return g_strdup_printf (_("Card %u: no name"), card->number);
    }
}

static const char *
skip_scheme (const char *value,
             const char *scheme)
{
  gsize length = strlen (scheme);

  if (g_ascii_strncasecmp (value, scheme, length) == 0)
    return value + length;

  return value;
}

/* All the NOTE properties, one after the other. */
static char *
read_notes (Reader *reader)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < reader->card->properties->len; i++)
    {
      Property *property = g_ptr_array_index (reader->card->properties, i);
      g_autofree char *text = NULL;
      g_autofree char *clean = NULL;

      if (!g_str_equal (property->name, "NOTE"))
        continue;

      text = read_text (reader, property, NULL);
      if (text == NULL)
        continue;

      clean = rapport_io_clean_notes (text);
      if (*clean == '\0')
        continue;

      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, clean);
    }

  return g_strdup (notes->str);
}

static RapportContact *
contact_from_card (Card  *card,
                   char **reason)
{
  Reader reader = { card, card_get_version (card), { DECODE_OK, NULL } };
  g_autoptr(RapportContact) contact = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *job_title = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *url = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *field = NULL;
  g_autofree char *detail = NULL;
  Property *url_property;

  if (!card->complete)
    {
      *reason = describe_problem (card, reader.version, &reader.problem);
      return NULL;
    }

  name = read_name (&reader);
  organization = read_first_component (&reader, card_get_first (card, "ORG"));
  job_title = read_line (&reader, card_get_first (card, "TITLE"));
  email = read_line (&reader, card_get_preferred (card, "EMAIL"));
  phone = read_line (&reader, card_get_preferred (card, "TEL"));
  notes = read_notes (&reader);
  field = read_line (&reader, card_get_first (card, X_FIELD));
  detail = read_line (&reader, card_get_first (card, X_SOURCE_DETAIL));

  /* Apple keeps LinkedIn and the like as social profiles, not URLs */
  url_property = card_get_first (card, "URL");
  url = read_line (&reader, url_property);
  if (*url == '\0')
    {
      for (guint i = 0; i < card->properties->len && *url == '\0'; i++)
        {
          Property *property = g_ptr_array_index (card->properties, i);

          if (g_str_equal (property->name, "X-SOCIALPROFILE"))
            {
              g_free (url);
              url = read_line (&reader, property);
              if (!g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
                url[0] = '\0';
            }
        }
    }

  if (reader.problem.result != DECODE_OK || *name == '\0')
    {
      *reason = describe_problem (card, reader.version, &reader.problem);
      g_free (reader.problem.charset);
      return NULL;
    }

  contact = rapport_contact_new (name);
  rapport_contact_set_organization (contact, organization);
  rapport_contact_set_job_title (contact, job_title);
  rapport_contact_set_email (contact, skip_scheme (email, "mailto:"));
  rapport_contact_set_phone (contact, skip_scheme (phone, "tel:"));
  rapport_contact_set_profile_url (contact, url);
  rapport_contact_set_notes (contact, notes);
  rapport_contact_set_field (contact, field);
  rapport_contact_set_source_detail (contact, detail);

  return g_steal_pointer (&contact);
}

/* Groups the content lines into cards. Cards inside a card (2.1's AGENT)
 * are skipped; a card that the file ends inside is kept, marked
 * incomplete. */
static GPtrArray *
read_cards (GPtrArray *lines)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (card_free);
  Card *card = NULL;
  guint depth = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Property *property = parse_property (g_ptr_array_index (lines, i));

      if (property == NULL)
        continue;

      if (g_str_equal (property->name, "BEGIN") && value_is (property, "VCARD"))
        {
          if (depth == 0)
            {
              card = g_new0 (Card, 1);
              card->number = cards->len + 1;
              card->properties = g_ptr_array_new_with_free_func (property_free);
              g_ptr_array_add (cards, card);
            }
          depth++;
          property_free (property);
        }
      else if (g_str_equal (property->name, "END") && value_is (property, "VCARD"))
        {
          if (depth == 1)
            {
              card->complete = TRUE;
              card = NULL;
            }
          if (depth > 0)
            depth--;
          property_free (property);
        }
      else if (depth == 1)
        g_ptr_array_add (card->properties, property);
      else
        property_free (property);
    }

  return g_steal_pointer (&cards);
}

/**
 * rapport_vcard_parse:
 * @data: (array length=length): the bytes of a vCard (.vcf) file
 * @length: the number of bytes in @data
 * @rejected: (out) (optional) (transfer full) (element-type utf8): return
 *   location for a message about each card that was left out, such as
 *   "Card 2: no name"
 * @error: return location for a #GError
 *
 * Reads the cards of a vCard 2.1, 3.0 or 4.0 file, as address books and
 * phones export them, as new contacts; none is saved, and each has the
 * source %RAPPORT_SOURCE_OTHER for the caller to set. A contact's name is
 * FN, or the given and family names of N; its organization the first part
 * of ORG; its email and phone the first EMAIL and TEL marked preferred, or
 * else the first; then TITLE, URL (or an Apple X-SOCIALPROFILE web
 * address) and every NOTE. Folded lines, 2.1's quoted-printable values and
 * bare parameters (TEL;CELL), property groups (item1.EMAIL), escapes and
 * the CHARSET parameter are understood.
 *
 * A card is left out, with a message that names it, when it has no name,
 * when text in it is not valid in its character set (UTF-8 unless
 * CHARSET says otherwise; ISO-8859-1 is read as Windows-1252, as
 * browsers do), or when the file ends inside it.
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts,
 *   perhaps none, or %NULL with @error set if the file holds no card
 */
GPtrArray *
rapport_vcard_parse (const char  *data,
                     gsize        length,
                     GPtrArray  **rejected,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (rejected == NULL || *rejected == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  /* Windows address books may write the whole file as UTF-16 */
  if (rapport_io_decode_utf16 (data, length, &utf8, &utf8_length))
    {
      if (utf8 == NULL)
        {
          g_set_error_literal (error, RAPPORT_VCARD_ERROR, RAPPORT_VCARD_ERROR_INVALID,
                               _("The file says it is UTF-16 text but is not. Export the contacts again as a vCard (.vcf) file."));
          return NULL;
        }
      data = utf8;
      length = utf8_length;
    }
  else
    rapport_io_skip_utf8_bom (&data, &length);

  rapport_io_skip_leading_space (&data, &length);

  if (length == 0)
    {
      g_set_error_literal (error, RAPPORT_VCARD_ERROR, RAPPORT_VCARD_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }

  lines = unfold (data, length);
  cards = read_cards (lines);

  if (cards->len == 0)
    {
      g_set_error_literal (error, RAPPORT_VCARD_ERROR, RAPPORT_VCARD_ERROR_INVALID,
                           _("This is not a vCard (.vcf) file: it holds no contact cards."));
      return NULL;
    }

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  rejects = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cards->len; i++)
    {
      char *reason = NULL;
      RapportContact *contact = contact_from_card (g_ptr_array_index (cards, i), &reason);

      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
      else
        g_ptr_array_add (rejects, reason);
    }

  if (rejected != NULL)
    *rejected = g_steal_pointer (&rejects);

  return g_steal_pointer (&contacts);
}

/* ------------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------------ */

/* TEXT as RFC 6350 §3.4 escapes it; line ends become "\n", and control
 * characters that no line may hold go. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          g_string_append (out, "\\n");
          if (p[1] == '\n')
            p++;
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          if ((guchar)*p >= 0x20 || *p == '\t')
            {
              if (*p != 0x7F)
                g_string_append_c (out, *p);
            }
          break;
        }
    }
}

/* Writes a content line with CRLF, folded at 75 octets with the fold
 * before a character, never inside one. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       length)
{
  gsize pos = 0;
  gsize limit = FOLD_OCTETS;

  while (length - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (out, line + pos, (gssize)(cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = FOLD_OCTETS - 1;   /* the space that starts the line counts */
    }

  g_string_append_len (out, line + pos, (gssize)(length - pos));
  g_string_append (out, "\r\n");
}

/* @scheme is one that rapport_vcard_parse() takes off the value ("tel:"),
 * or %NULL. */
static void
add_property (GString    *out,
              const char *name,
              const char *scheme,
              const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  /* a value that starts like a scheme would lose it when read back */
  if (scheme != NULL && skip_scheme (value, scheme) != value)
    g_string_append (line, scheme);
  append_escaped (line, value);
  append_folded (out, line->str, line->len);
}

/* N from a full name: the last word is taken as the family name, the rest
 * as the given names, which is right more often than not and does not
 * matter to readers that show FN. */
static void
add_structured_name (GString    *out,
                     const char *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  g_autoptr(GString) line = g_string_new ("N:");
  const char *space = strrchr (clean, ' ');

  if (space != NULL)
    {
      g_autofree char *given = g_strstrip (g_strndup (clean, (gsize)(space - clean)));

      append_escaped (line, space + 1);
      g_string_append_c (line, ';');
      append_escaped (line, given);
    }
  else
    {
      append_escaped (line, clean);
      g_string_append_c (line, ';');
    }
  g_string_append (line, ";;;");

  append_folded (out, line->str, line->len);
}

/**
 * rapport_vcard_export:
 * @contacts: (element-type RapportContact): the contacts to write
 *
 * Writes @contacts as vCard 4.0 (RFC 6350) cards that address books and
 * phones import: FN and N, ORG, TITLE, EMAIL, TEL, URL and NOTE, and the
 * career field and source details as X-RAPPORT- properties, which
 * rapport_vcard_parse() reads back. The source itself is left to whoever
 * imports the file.
 *
 * Returns: (transfer full): UTF-8 text with CRLF line ends and lines folded
 *   at 75 octets
 */
char *
rapport_vcard_export (GPtrArray *contacts)
{
  GString *out;

  g_return_val_if_fail (contacts != NULL, NULL);
  for (guint i = 0; i < contacts->len; i++)
    g_return_val_if_fail (RAPPORT_IS_CONTACT (g_ptr_array_index (contacts, i)), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      const char *name = rapport_contact_get_name (contact);

      g_string_append (out, "BEGIN:VCARD\r\n");
      g_string_append (out, "VERSION:4.0\r\n");
      g_string_append (out, "PRODID:" PRODID "\r\n");

      /* FN is the one property a card must have, even if empty */
      if (*name == '\0')
        g_string_append (out, "FN:\r\n");
      add_property (out, "FN", NULL, name);
      add_structured_name (out, name);
      add_property (out, "ORG", NULL, rapport_contact_get_organization (contact));
      add_property (out, "TITLE", NULL, rapport_contact_get_job_title (contact));
      add_property (out, "EMAIL", "mailto:", rapport_contact_get_email (contact));
      add_property (out, "TEL", "tel:", rapport_contact_get_phone (contact));
      add_property (out, "URL", NULL, rapport_contact_get_profile_url (contact));
      add_property (out, "NOTE", NULL, rapport_contact_get_notes (contact));
      add_property (out, X_FIELD, NULL, rapport_contact_get_field (contact));
      add_property (out, X_SOURCE_DETAIL, NULL, rapport_contact_get_source_detail (contact));

      g_string_append (out, "END:VCARD\r\n");
    }

  return g_string_free (out, FALSE);
}
