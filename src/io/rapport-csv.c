/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-csv.h"
#include "rapport-io-text.h"

/* Characters that make a spreadsheet read a cell as a formula (OWASP's
 * list): an exported cell starting with one gets a ' in front. */
#define FORMULA_STARTS "=+-@\t\r"

G_DEFINE_QUARK (rapport-csv-error-quark, rapport_csv_error)

/* Whether a cell would run as a formula, or is one that was guarded with
 * a ' (or a text that starts with ' before a formula character, which is
 * guarded too, so that reading takes exactly one ' off what writing put on). */
static gboolean
starts_like_formula (const char *cell)
{
  while (*cell == '\'')
    cell++;

  return *cell != '\0' && strchr (FORMULA_STARTS, *cell) != NULL;
}

/* ------------------------------------------------------------------------ *
 * Text
 * ------------------------------------------------------------------------ */

/* The 1-based line of @offset, counting CRLF, LF and a lone CR as line ends. */
static guint
line_at (const char *text,
         gsize       length,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
      line++;

  return line;
}

/* Whether @data holds at least one well-formed multi-byte UTF-8 character:
 * a file that does, but is not valid UTF-8 as a whole, is UTF-8 that got
 * damaged, not a file in another encoding. */
static gboolean
has_utf8_character (const char *data,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar byte = (guchar)data[i];

      if (byte >= 0xC2 && byte <= 0xF4)
        {
          gunichar c = g_utf8_get_char_validated (data + i, (gssize)MIN (length - i, 4));

          if (c != (gunichar)-1 && c != (gunichar)-2)
            return TRUE;
        }
    }

  return FALSE;
}

static void
set_not_text_error (GError **error)
{
  g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                       _("This is not a text file. Choose a file saved as CSV (comma-separated values)."));
}

/**
 * decode_text:
 *
 * Makes UTF-8 text of a file's bytes. Spreadsheets save CSV files in three
 * ways: UTF-8 (with or without a byte order mark; LinkedIn, Google, "CSV
 * UTF-8" in Excel), UTF-16 with a byte order mark ("Unicode text" in
 * Excel), and the Windows code page (plain "CSV" in Excel on Windows).
 * A file that is not valid UTF-8 and has no UTF-8 character at all is
 * taken as Windows-1252; one that mixes UTF-8 characters with bytes that
 * are not is damaged, and the error names its first bad line rather than
 * guess.
 */
static char *
decode_text (const char  *data,
             gsize        length,
             gsize       *out_length,
             GError     **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0;
  gsize n_control = 0;

  if (rapport_io_decode_utf16 (data, length, &text, &text_length))
    {
      if (text == NULL)
        {
          g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                               _("The file says it is UTF-16 text but is not. Save it again as “CSV UTF-8” and try again."));
          return NULL;
        }
    }
  else
    {
      const char *end = NULL;

      rapport_io_skip_utf8_bom (&data, &length);

      if (memchr (data, '\0', length) != NULL)
        {
          set_not_text_error (error);
          return NULL;
        }

      if (g_utf8_validate_len (data, length, &end))
        {
          text = g_strndup (data, length);
          text_length = length;
        }
      else if (has_utf8_character (data, length))
        {
          g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                       /* Translators: %u is a line number in a file */
                       _("Line %u of the file is not valid UTF-8 text. Save the file again as “CSV UTF-8” and try again."),
                       line_at (data, length, (gsize)(end - data)));
          return NULL;
        }
      else
        {
          gsize bytes_read = 0;
          g_autoptr(GError) local_error = NULL;

          text = g_convert (data, (gssize)length, "UTF-8", "WINDOWS-1252", &bytes_read, &text_length, &local_error);
          if (text == NULL)
            {
              g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                           /* Translators: %u is a line number in a file */
                           _("Line %u of the file is not valid UTF-8 text. Save the file again as “CSV UTF-8” and try again."),
                           line_at (data, length, bytes_read));
              return NULL;
            }
        }
    }

  /* UTF-16 can hold a NUL too; and a file of bytes that happen to avoid
   * NUL is still no CSV if it is full of control characters */
  if (memchr (text, '\0', text_length) != NULL)
    {
      set_not_text_error (error);
      return NULL;
    }

  for (gsize i = 0; i < text_length; i++)
    {
      guchar c = (guchar)text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F)
        n_control++;
    }
  if (n_control >= 4 && n_control * 100 > text_length)
    {
      set_not_text_error (error);
      return NULL;
    }

  *out_length = text_length;
  return g_steal_pointer (&text);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ *
 * Records
 * ------------------------------------------------------------------------ */

typedef struct
{
  guint      line;    /* where the record starts in the file, from 1 */
  GPtrArray *cells;   /* (element-type utf8) */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->cells);
  g_free (record);
}

static const char *
record_get (Record *record,
            int     column)
{
  if (column < 0 || (guint)column >= record->cells->len)
    return "";

  return g_ptr_array_index (record->cells, column);
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

static void
skip_line_end (const char *text,
               gsize       length,
               gsize      *pos,
               guint      *line)
{
  if (text[*pos] == '\r' && *pos + 1 < length && text[*pos + 1] == '\n')
    (*pos)++;
  (*pos)++;
  (*line)++;
}

/**
 * read_records:
 * @text: UTF-8 text without NUL bytes
 * @length: where to stop reading
 * @pos: where to start reading
 * @line: the line number at @pos
 *
 * Reads CSV records as RFC 4180 says, and as spreadsheets write them:
 * quoted values may hold delimiters, doubled quotes and line ends (which
 * become LF); records end at CRLF, LF or a lone CR; spaces before an
 * opening quote and after a closing one are dropped; text after a closing
 * quote is kept, as spreadsheets keep it; a quote inside an unquoted value
 * is an ordinary character. Blank records are left out. The one thing that
 * cannot be read is a quote that is never closed, as it swallows the rest
 * of the file.
 *
 * Returns: (element-type Record): the records, or %NULL with @error set
 */
static GPtrArray *
read_records (const char  *text,
              gsize        length,
              gsize        pos,
              guint        line,
              char         delimiter,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) cell = g_string_new (NULL);

  while (pos < length)
    {
      Record *record = g_new0 (Record, 1);
      gboolean blank = TRUE;

      record->line = line;
      record->cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (records, record);

      for (;;)
        {
          gsize start = pos;

          g_string_truncate (cell, 0);

          while (pos < length && text[pos] == ' ')
            pos++;

          if (pos < length && text[pos] == '"')
            {
              guint quote_line = line;
              gsize tail;

              pos++;
              for (;;)
                {
                  if (pos >= length)
                    {
                      g_set_error (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                                   /* Translators: %u is a line number in a file */
                                   _("Line %u starts a value in quotes that is never closed. Check the quotation marks on that line."),
                                   quote_line);
                      return NULL;
                    }

                  if (text[pos] == '"')
                    {
                      if (pos + 1 < length && text[pos + 1] == '"')
                        {
                          g_string_append_c (cell, '"');
                          pos += 2;
                          continue;
                        }

                      pos++;
                      break;
                    }

                  if (is_line_end (text[pos]))
                    {
                      g_string_append_c (cell, '\n');
                      skip_line_end (text, length, &pos, &line);
                    }
                  else
                    g_string_append_c (cell, text[pos++]);
                }

              tail = pos;
              while (pos < length && text[pos] != delimiter && !is_line_end (text[pos]))
                pos++;
              if (!is_blank (text + tail, pos - tail))
                g_string_append_len (cell, text + tail, (gssize)(pos - tail));
            }
          else
            {
              pos = start;
              while (pos < length && text[pos] != delimiter && !is_line_end (text[pos]))
                pos++;
              g_string_append_len (cell, text + start, (gssize)(pos - start));
            }

          if (!is_blank (cell->str, cell->len))
            blank = FALSE;
          g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));

          if (pos < length && text[pos] == delimiter)
            {
              pos++;
              continue;
            }

          if (pos < length)
            skip_line_end (text, length, &pos, &line);
          break;
        }

      if (blank)
        g_ptr_array_remove_index (records, records->len - 1);
    }

  return g_steal_pointer (&records);
}

/* The delimiter that the header line at @pos uses most, outside quotes:
 * comma unless semicolons (Excel where the decimal mark is a comma) or tabs
 * are more common. */
static char
sniff_delimiter (const char *text,
                 gsize       length,
                 gsize       pos)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; pos < length; pos++)
    {
      char c = text[pos];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (is_line_end (c))
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > commas && tabs > semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';

  return ',';
}

/* ------------------------------------------------------------------------ *
 * Table
 * ------------------------------------------------------------------------ */

struct _RapportCsvTable
{
  char       delimiter;
  GPtrArray *header;  /* (element-type utf8) */
  GPtrArray *rows;    /* (element-type Record) */
};

/* A table does not change once read: copying it as a boxed type (a GValue,
 * a GTask's result) takes a reference. */
G_DEFINE_BOXED_TYPE (RapportCsvTable, rapport_csv_table, rapport_csv_table_ref, rapport_csv_table_unref)

static void
table_clear (gpointer data)
{
  RapportCsvTable *table = data;

  g_clear_pointer (&table->header, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

/**
 * rapport_csv_table_ref:
 *
 * Returns: (transfer full): @table
 */
RapportCsvTable *
rapport_csv_table_ref (RapportCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_atomic_rc_box_acquire (table);
}

/**
 * rapport_csv_table_unref:
 *
 * Drops a reference to @table, freeing it with the last one.
 */
void
rapport_csv_table_unref (RapportCsvTable *table)
{
  g_return_if_fail (table != NULL);

  g_atomic_rc_box_release_full (table, table_clear);
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at, '.') != NULL && strpbrk (text, " \t") == NULL;
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-() ./", *p) == NULL)
        return FALSE;
    }

  return digits >= 5;
}

/* A first line that holds an email address, a web address or a phone
 * number is data: the file has no header naming its columns. */
static gboolean
header_looks_like_data (GPtrArray *header)
{
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);

      if (looks_like_email (name) ||
          g_str_has_prefix (name, "http://") ||
          g_str_has_prefix (name, "https://") ||
          g_str_has_prefix (name, "www.") ||
          looks_like_phone (name))
        return TRUE;
    }

  return FALSE;
}

/* Excel writes "sep=;" as the first line of a file whose delimiter is not
 * its locale's: returns the delimiter it names and skips the line, or 0. */
static char
read_sep_line (const char *text,
               gsize       length,
               gsize      *pos,
               guint      *line)
{
  gsize end = *pos;

  while (end < length && !is_line_end (text[end]))
    end++;

  if (end - *pos == 5 && g_ascii_strncasecmp (text + *pos, "sep=", 4) == 0 &&
      strchr (",;\t|", text[*pos + 4]) != NULL)
    {
      char delimiter = text[*pos + 4];

      *pos = end;
      if (*pos < length)
        skip_line_end (text, length, pos, line);
      return delimiter;
    }

  return 0;
}

/**
 * rapport_csv_read_table:
 * @data: (array length=length): the bytes of a CSV file
 * @length: the number of bytes in @data
 * @error: return location for a #GError
 *
 * Reads a CSV file whose first line names its columns, so that the rows
 * can be previewed and their columns matched with contact fields (see
 * rapport_csv_guess_mapping()). The delimiter is a comma, a semicolon or a
 * tab, whichever the header line uses most, or the one an Excel "sep=" line
 * names. The text may be UTF-8 (with or without a byte order mark), UTF-16
 * with a byte order mark, or, when it has no UTF-8 character at all,
 * Windows-1252 as Excel saves it. Header names are trimmed; cells are kept
 * as they are in the file, except that line ends in them become LF.
 *
 * Returns: (transfer full): the table, or %NULL with @error set when the
 *   file is empty, not text, has a quote that is never closed, or starts
 *   with data rather than column names
 */
RapportCsvTable *
rapport_csv_read_table (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(RapportCsvTable) table = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;
  gsize pos = 0;
  guint line = 1;
  Record *first;
  char delimiter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_text (data != NULL ? data : "", length, &text_length, error);
  if (text == NULL)
    return NULL;

  /* skip blank lines to the header, the line the delimiter is sniffed from */
  for (;;)
    {
      gsize end = pos;

      while (end < text_length && !is_line_end (text[end]))
        end++;
      if (end >= text_length || !is_blank (text + pos, end - pos))
        break;
      pos = end;
      skip_line_end (text, text_length, &pos, &line);
    }

  delimiter = read_sep_line (text, text_length, &pos, &line);
  if (delimiter == 0)
    delimiter = sniff_delimiter (text, text_length, pos);

  records = read_records (text, text_length, pos, line, delimiter, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0)
    {
      g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }

  first = g_ptr_array_index (records, 0);
  for (guint i = 0; i < first->cells->len; i++)
    g_strstrip (g_ptr_array_index (first->cells, i));

  if (header_looks_like_data (first->cells))
    {
      g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_NO_HEADER,
                           _("The first line of the file holds data, not column names. Add a first line that names the columns, such as “Name,Email”, and try again."));
      return NULL;
    }

  table = g_atomic_rc_box_new0 (RapportCsvTable);
  table->delimiter = delimiter;
  table->header = g_ptr_array_ref (first->cells);
  g_ptr_array_remove_index (records, 0);
  table->rows = g_steal_pointer (&records);

  return g_steal_pointer (&table);
}

/**
 * rapport_csv_table_get_n_columns:
 *
 * Returns: the number of columns the header line names
 */
guint
rapport_csv_table_get_n_columns (RapportCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->header->len;
}

/**
 * rapport_csv_table_get_n_rows:
 *
 * Returns: the number of rows below the header, blank lines left out
 */
guint
rapport_csv_table_get_n_rows (RapportCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

/**
 * rapport_csv_table_get_delimiter:
 *
 * Returns: the delimiter the file uses: `,`, `;`, a tab or `|`
 */
char
rapport_csv_table_get_delimiter (RapportCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->delimiter;
}

/**
 * rapport_csv_table_get_header:
 *
 * Returns: the name of @column in the header line, trimmed; empty if the
 *   header does not name it
 */
const char *
rapport_csv_table_get_header (RapportCsvTable *table,
                              guint            column)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (column >= table->header->len)
    return "";

  return g_ptr_array_index (table->header, column);
}

/**
 * rapport_csv_table_get_cell:
 * @row: a row below the header, from 0
 *
 * Returns: the text of a cell as in the file, or an empty string where a
 *   short row has no such column
 */
const char *
rapport_csv_table_get_cell (RapportCsvTable *table,
                            guint            row,
                            guint            column)
{
  Record *record;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  record = g_ptr_array_index (table->rows, row);
  if (column >= record->cells->len)
    return "";

  return g_ptr_array_index (record->cells, column);
}

/**
 * rapport_csv_table_get_line:
 *
 * Returns: the line of the file where @row starts, from 1, for messages
 */
guint
rapport_csv_table_get_line (RapportCsvTable *table,
                            guint            row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return ((Record *)g_ptr_array_index (table->rows, row))->line;
}

/* ------------------------------------------------------------------------ *
 * Columns and contacts
 * ------------------------------------------------------------------------ */

/**
 * rapport_csv_field_get_label:
 *
 * Returns: the name of @field, as in Rapport's contact form, and as the
 *   header of the column that rapport_csv_export_contacts() writes it in
 */
const char *
rapport_csv_field_get_label (RapportCsvField field)
{
  switch (field)
    {
    case RAPPORT_CSV_FIELD_NAME:          return _("Name");
    case RAPPORT_CSV_FIELD_FIRST_NAME:    return _("First name");
    case RAPPORT_CSV_FIELD_LAST_NAME:     return _("Last name");
    case RAPPORT_CSV_FIELD_ORGANIZATION:  return _("Organization");
    case RAPPORT_CSV_FIELD_JOB_TITLE:     return _("Job title");
    case RAPPORT_CSV_FIELD_FIELD:         return _("Career field");
    case RAPPORT_CSV_FIELD_EMAIL:         return _("Email");
    case RAPPORT_CSV_FIELD_PHONE:         return _("Phone");
    case RAPPORT_CSV_FIELD_PROFILE_URL:   return _("Profile link");
    case RAPPORT_CSV_FIELD_SOURCE:        return _("Source");
    case RAPPORT_CSV_FIELD_SOURCE_DETAIL: return _("Source details");
    case RAPPORT_CSV_FIELD_NOTES:         return _("Notes");
    default:                              g_return_val_if_reached ("");
    }
}

/* Header names with case, spaces and punctuation taken out, so that
 * "E-mail Address", "email_address" and "Email address" are one name. */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* What LinkedIn, Google Contacts, Outlook and people's own spreadsheets
 * call each field, most specific first: Outlook has both "Title" (Ms, Dr)
 * and "Job Title", and the latter must win. A few German, French and
 * Spanish names follow the English ones, for sheets made by hand. */
static const char * const * const synonyms[RAPPORT_CSV_N_FIELDS] = {
  [RAPPORT_CSV_FIELD_NAME] = (const char * const[]) {
    "name", "fullname", "displayname", "contactname", "contact", "person", NULL },
  [RAPPORT_CSV_FIELD_FIRST_NAME] = (const char * const[]) {
    "firstname", "givenname", "forename", "first", "vorname", "prénom", NULL },
  [RAPPORT_CSV_FIELD_LAST_NAME] = (const char * const[]) {
    "lastname", "familyname", "surname", "last", "nachname", "apellidos", "apellido", NULL },
  [RAPPORT_CSV_FIELD_ORGANIZATION] = (const char * const[]) {
    "organization", "organisation", "company", "companyname", "employer",
    "organization1name", "org", "business", "firma", "unternehmen", "entreprise",
    "société", "empresa", NULL },
  [RAPPORT_CSV_FIELD_JOB_TITLE] = (const char * const[]) {
    "jobtitle", "position", "organization1title", "role", "occupation", "job", "title",
    "funktion", "beruf", "poste", "fonction", "cargo", "puesto", NULL },
  [RAPPORT_CSV_FIELD_FIELD] = (const char * const[]) {
    "careerfield", "field", "industry", "sector", NULL },
  [RAPPORT_CSV_FIELD_EMAIL] = (const char * const[]) {
    "email", "emailaddress", "mail", "email1value", "primaryemail", "workemail",
    "courriel", "correo", "correoelectrónico", NULL },
  [RAPPORT_CSV_FIELD_PHONE] = (const char * const[]) {
    "phone", "phonenumber", "mobile", "mobilephone", "cell", "cellphone", "telephone",
    "tel", "phone1value", "primaryphone", "businessphone", "workphone", "homephone",
    "telefon", "handy", "téléphone", "teléfono", NULL },
  [RAPPORT_CSV_FIELD_PROFILE_URL] = (const char * const[]) {
    "profilelink", "profileurl", "profile", "url", "linkedin", "linkedinurl",
    "linkedinprofile", "website", "webpage", "web", "homepage", "website1value", NULL },
  [RAPPORT_CSV_FIELD_SOURCE] = (const char * const[]) {
    "source", NULL },
  [RAPPORT_CSV_FIELD_SOURCE_DETAIL] = (const char * const[]) {
    "sourcedetails", "sourcedetail", "howmet", "howwemet", NULL },
  [RAPPORT_CSV_FIELD_NOTES] = (const char * const[]) {
    "notes", "note", "comments", "comment", "remarks", "description",
    "notizen", "bemerkungen", "remarques", "notas", NULL },
};

/* Failing an exact name, columns such as "E-mail 2 - Value" or "Mobile
 * Phone 2" still say what they hold; not "E-mail 1 - Type", though. */
static const char * const * const prefixes[RAPPORT_CSV_N_FIELDS] = {
  [RAPPORT_CSV_FIELD_EMAIL] = (const char * const[]) { "email", "mail", NULL },
  [RAPPORT_CSV_FIELD_PHONE] = (const char * const[]) { "phone", "mobile", "tel", "cell", NULL },
};

/**
 * rapport_csv_guess_mapping:
 * @table: a table
 * @column_for_field: (out caller-allocates) (array fixed-size=12): the
 *   column for each #RapportCsvField, or -1
 *
 * Matches columns with contact fields by their header names: the names
 * rapport_csv_export_contacts() writes, in English and in the current
 * language, and the ones other programs use ("Full name", "Company",
 * "Employer", "Position", "E-mail Address", "Mobile", "Website", …). Each
 * column is used for one field at most.
 *
 * Returns: %TRUE if a column holds the name, or first or last names
 */
gboolean
rapport_csv_guess_mapping (RapportCsvTable *table,
                           int             *column_for_field)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree gboolean *used = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column_for_field != NULL, FALSE);

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < table->header->len; i++)
    g_ptr_array_add (names, normalize_header (g_ptr_array_index (table->header, i)));
  used = g_new0 (gboolean, MAX (names->len, 1));

  for (int field = 0; field < RAPPORT_CSV_N_FIELDS; field++)
    {
      g_autofree char *label = normalize_header (rapport_csv_field_get_label ((RapportCsvField)field));
      int found = -1;

      for (guint i = 0; i < names->len && found < 0; i++)
        if (!used[i] && g_str_equal (g_ptr_array_index (names, i), label))
          found = (int)i;

      for (guint s = 0; synonyms[field][s] != NULL && found < 0; s++)
        for (guint i = 0; i < names->len && found < 0; i++)
          if (!used[i] && g_str_equal (g_ptr_array_index (names, i), synonyms[field][s]))
            found = (int)i;

      for (guint s = 0; prefixes[field] != NULL && prefixes[field][s] != NULL && found < 0; s++)
        for (guint i = 0; i < names->len && found < 0; i++)
          {
            const char *name = g_ptr_array_index (names, i);

            if (!used[i] && g_str_has_prefix (name, prefixes[field][s]) &&
                !g_str_has_suffix (name, "type") && !g_str_has_suffix (name, "label"))
              found = (int)i;
          }

      column_for_field[field] = found;
      if (found >= 0)
        used[found] = TRUE;
    }

  return column_for_field[RAPPORT_CSV_FIELD_NAME] >= 0 ||
         column_for_field[RAPPORT_CSV_FIELD_FIRST_NAME] >= 0 ||
         column_for_field[RAPPORT_CSV_FIELD_LAST_NAME] >= 0;
}

/* Undoes what rapport_csv_export_contacts() does to cells that start like
 * a formula, so that "+1 555 0100" comes back as it went. */
static const char *
skip_formula_guard (const char *cell)
{
  if (cell[0] == '\'' && starts_like_formula (cell))
    return cell + 1;

  return cell;
}

static char *
dup_mapped_line (Record    *record,
                 const int *column_for_field,
                 int        field)
{
  return rapport_io_clean_line (skip_formula_guard (record_get (record, column_for_field[field])));
}

static char *
join_name (const char *first,
           const char *last)
{
  if (*first != '\0' && *last != '\0')
    return g_strconcat (first, " ", last, NULL);

  return g_strdup (*first != '\0' ? first : last);
}

/* A source as the export writes it (its label, in any case), or as the
 * database keys it ("friend-family"). */
static gboolean
source_from_text (const char    *text,
                  RapportSource *source)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  int value;

  if (rapport_enum_from_key (RAPPORT_TYPE_SOURCE, folded, &value))
    {
      *source = (RapportSource)value;
      return TRUE;
    }

  for (int i = 0; i < RAPPORT_N_SOURCES; i++)
    {
      g_autofree char *label = g_utf8_casefold (rapport_source_get_label ((RapportSource)i), -1);

      if (g_str_equal (label, folded))
        {
          *source = (RapportSource)i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
reject (GPtrArray  *rejected,
        guint       line)
{
  if (rejected != NULL)
    /* Translators: why a row of a file was not imported; %u is its line number */
    g_ptr_array_add (rejected, g_strdup_printf (_("Line %u: no name"), line));
}

/**
 * rapport_csv_contacts_from_table:
 * @table: a table
 * @column_for_field: (array fixed-size=12): the column of each
 *   #RapportCsvField, or -1 for a field no column holds
 * @rejected: (out) (optional) (transfer full) (element-type utf8): return
 *   location for a message about each row that was left out
 *
 * Makes a new contact of each row; none is saved. The name is the name
 * column or, where that is empty, the first and last names. A row with no
 * name is left out, with a message such as "Line 7: no name". Text is
 * trimmed and single-line but for the notes; a cell that
 * rapport_csv_export_contacts() guarded against formulas comes back as it
 * was. A source is read from its label or key; one Rapport does not know
 * goes to the source details when those are empty. The source is
 * %RAPPORT_SOURCE_OTHER when no column sets it.
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts
 */
GPtrArray *
rapport_csv_contacts_from_table (RapportCsvTable  *table,
                                 const int        *column_for_field,
                                 GPtrArray       **rejected)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) rejects = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column_for_field != NULL, NULL);
  for (int field = 0; field < RAPPORT_CSV_N_FIELDS; field++)
    g_return_val_if_fail (column_for_field[field] >= -1 &&
                          column_for_field[field] < (int)table->header->len, NULL);

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  rejects = g_ptr_array_new_with_free_func (g_free);

  for (guint row = 0; row < table->rows->len; row++)
    {
      Record *record = g_ptr_array_index (table->rows, row);
      g_autofree char *name = dup_mapped_line (record, column_for_field, RAPPORT_CSV_FIELD_NAME);
      g_autofree char *source_text = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *notes = NULL;
      RapportContact *contact;
      RapportSource source;

      if (*name == '\0')
        {
          g_autofree char *first = dup_mapped_line (record, column_for_field, RAPPORT_CSV_FIELD_FIRST_NAME);
          g_autofree char *last = dup_mapped_line (record, column_for_field, RAPPORT_CSV_FIELD_LAST_NAME);

          g_free (name);
          name = join_name (first, last);
        }

      if (*name == '\0')
        {
          reject (rejects, record->line);
          continue;
        }

      contact = rapport_contact_new (name);
      g_ptr_array_add (contacts, contact);

#define SET_LINE(setter, field)                                                 \
      G_STMT_START {                                                            \
        g_autofree char *value = dup_mapped_line (record, column_for_field, field); \
        setter (contact, value);                                                \
      } G_STMT_END

      SET_LINE (rapport_contact_set_organization, RAPPORT_CSV_FIELD_ORGANIZATION);
      SET_LINE (rapport_contact_set_job_title, RAPPORT_CSV_FIELD_JOB_TITLE);
      SET_LINE (rapport_contact_set_field, RAPPORT_CSV_FIELD_FIELD);
      SET_LINE (rapport_contact_set_email, RAPPORT_CSV_FIELD_EMAIL);
      SET_LINE (rapport_contact_set_phone, RAPPORT_CSV_FIELD_PHONE);
      SET_LINE (rapport_contact_set_profile_url, RAPPORT_CSV_FIELD_PROFILE_URL);
#undef SET_LINE

      detail = dup_mapped_line (record, column_for_field, RAPPORT_CSV_FIELD_SOURCE_DETAIL);
      source_text = dup_mapped_line (record, column_for_field, RAPPORT_CSV_FIELD_SOURCE);
      if (*source_text != '\0')
        {
          if (source_from_text (source_text, &source))
            rapport_contact_set_source (contact, source);
          else if (*detail == '\0')
            {
              g_free (detail);
              detail = g_steal_pointer (&source_text);
            }
        }
      rapport_contact_set_source_detail (contact, detail);

      notes = rapport_io_clean_notes (skip_formula_guard (record_get (record, column_for_field[RAPPORT_CSV_FIELD_NOTES])));
      rapport_contact_set_notes (contact, notes);
    }

  if (rejected != NULL)
    *rejected = g_steal_pointer (&rejects);

  return g_steal_pointer (&contacts);
}

/* ------------------------------------------------------------------------ *
 * LinkedIn
 * ------------------------------------------------------------------------ */

typedef enum {
  LINKEDIN_FIRST_NAME,
  LINKEDIN_LAST_NAME,
  LINKEDIN_URL,
  LINKEDIN_EMAIL,
  LINKEDIN_COMPANY,
  LINKEDIN_POSITION,
  LINKEDIN_CONNECTED_ON,
  N_LINKEDIN_COLUMNS
} LinkedinColumn;

/* LinkedIn's column names, which it has moved about but not renamed
 * (exports before 2020 had no URL column, and some have no email). */
static const char * const linkedin_names[N_LINKEDIN_COLUMNS] = {
  "first name", "last name", "url", "email address", "company", "position", "connected on",
};

/* Whether the line from @pos to @end is LinkedIn's header row; if it is,
 * sets the column of each LinkedinColumn (or -1). */
static gboolean
read_linkedin_header (const char *text,
                      gsize       pos,
                      gsize       end,
                      int        *columns)
{
  g_autoptr(GPtrArray) records = NULL;
  Record *record;

  /* quick: most lines of a long file are not the header */
  if (!rapport_io_contains_ascii_nocase (text + pos, end - pos, "first name"))
    return FALSE;

  records = read_records (text, end, pos, 1, ',', NULL);
  if (records == NULL || records->len == 0)
    return FALSE;

  record = g_ptr_array_index (records, 0);
  for (guint c = 0; c < N_LINKEDIN_COLUMNS; c++)
    columns[c] = -1;

  for (guint i = 0; i < record->cells->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (record->cells, i)));

      for (guint c = 0; c < N_LINKEDIN_COLUMNS; c++)
        if (columns[c] < 0 && g_ascii_strcasecmp (name, linkedin_names[c]) == 0)
          columns[c] = (int)i;
    }

  /* "Connected On" is LinkedIn's own: Outlook has first and last names
   * and a company too */
  return columns[LINKEDIN_FIRST_NAME] >= 0 && columns[LINKEDIN_LAST_NAME] >= 0 &&
         columns[LINKEDIN_CONNECTED_ON] >= 0;
}

/* LinkedIn writes the date a connection was made as "15 Mar 2024", with
 * English month names whatever the member's language. */
static gboolean
linkedin_date_is_valid (const char *text)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  static const char * const long_months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
  };
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  guint64 day, year;
  guint month = 0;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &day, NULL) ||
      strlen (parts[2]) != 4 ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1900, 9999, &year, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strcasecmp (parts[1], months[i]) == 0 ||
        g_ascii_strcasecmp (parts[1], long_months[i]) == 0)
      month = i + 1;

  return month != 0 && g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/* Runs of spaces become one, so that the date can be split on spaces. */
static char *
squeeze_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);

  kept = g_strv_builder_end (builder);
  return g_strjoinv (" ", kept);
}

/**
 * rapport_linkedin_parse:
 * @data: (array length=length): the bytes of LinkedIn's Connections.csv
 * @length: the number of bytes in @data
 * @rejected: (out) (optional) (transfer full) (element-type utf8): return
 *   location for a message about each row that was left out, such as
 *   "Line 7: no name"
 * @error: return location for a #GError
 *
 * Reads the Connections.csv file of a LinkedIn data export. LinkedIn puts
 * a few lines of notes before the header row, more or fewer over the
 * years, so the header row (First Name, Last Name, URL, Email Address,
 * Company, Position, Connected On, in any order) is looked for rather than
 * counted to. Each row becomes a new, unsaved contact from LinkedIn: its
 * name is the first and last names, its organization the company, its job
 * title the position, its profile link the URL, and its source details
 * say when the connection was made ("Connected on 15 Mar 2024") when the
 * date is a real one. Rows without a name are left out.
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts,
 *   perhaps none, or %NULL with @error set when the file is not text, has
 *   no LinkedIn header row, or has a quote that is never closed
 */
GPtrArray *
rapport_linkedin_parse (const char  *data,
                        gsize        length,
                        GPtrArray  **rejected,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  g_autofree char *text = NULL;
  int columns[N_LINKEDIN_COLUMNS];
  gsize text_length = 0;
  gsize pos = 0;
  guint line = 1;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (rejected == NULL || *rejected == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_text (data != NULL ? data : "", length, &text_length, error);
  if (text == NULL)
    return NULL;

  if (is_blank (text, text_length))
    {
      g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }

  while (pos < text_length && !found)
    {
      gsize end = pos;

      while (end < text_length && !is_line_end (text[end]))
        end++;

      found = read_linkedin_header (text, pos, end, columns);

      pos = end;
      if (pos < text_length)
        skip_line_end (text, text_length, &pos, &line);
    }

  if (!found)
    {
      g_set_error_literal (error, RAPPORT_CSV_ERROR, RAPPORT_CSV_ERROR_NO_HEADER,
                           _("This is not LinkedIn’s list of connections: no line names the columns “First Name” and “Last Name”. Import the Connections.csv file from the archive that LinkedIn’s “Get a copy of your data” sends you."));
      return NULL;
    }

  records = read_records (text, text_length, pos, line, ',', error);
  if (records == NULL)
    return NULL;

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  rejects = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      g_autofree char *first = rapport_io_clean_line (record_get (record, columns[LINKEDIN_FIRST_NAME]));
      g_autofree char *last = rapport_io_clean_line (record_get (record, columns[LINKEDIN_LAST_NAME]));
      g_autofree char *name = join_name (first, last);
      g_autofree char *organization = rapport_io_clean_line (record_get (record, columns[LINKEDIN_COMPANY]));
      g_autofree char *job_title = rapport_io_clean_line (record_get (record, columns[LINKEDIN_POSITION]));
      g_autofree char *url = rapport_io_clean_line (record_get (record, columns[LINKEDIN_URL]));
      g_autofree char *email = rapport_io_clean_line (record_get (record, columns[LINKEDIN_EMAIL]));
      g_autofree char *connected = rapport_io_clean_line (record_get (record, columns[LINKEDIN_CONNECTED_ON]));
      g_autofree char *date = squeeze_spaces (connected);
      RapportContact *contact;

      if (*name == '\0')
        {
          reject (rejects, record->line);
          continue;
        }

      contact = rapport_contact_new (name);
      rapport_contact_set_organization (contact, organization);
      rapport_contact_set_job_title (contact, job_title);
      rapport_contact_set_profile_url (contact, url);
      rapport_contact_set_email (contact, email);
      rapport_contact_set_source (contact, RAPPORT_SOURCE_LINKEDIN);

      if (linkedin_date_is_valid (date))
        {
          /* Translators: where a contact came from; %s is a date as LinkedIn writes it, "15 Mar 2024" */
          g_autofree char *detail = g_strdup_printf (_("Connected on %s"), date);

          rapport_contact_set_source_detail (contact, detail);
        }
      else if (*date != '\0')
        g_debug ("Line %u: “%s” is not a date", record->line, date);

      g_ptr_array_add (contacts, contact);
    }

  if (rejected != NULL)
    *rejected = g_steal_pointer (&rejects);

  return g_steal_pointer (&contacts);
}

/* ------------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------------ */

static void
append_cell (GString    *out,
             const char *value)
{
  gboolean guard = starts_like_formula (value);
  gsize length = strlen (value);
  gboolean quote = guard ||
                   strpbrk (value, ",;\"\r\n\t") != NULL ||
                   (length > 0 && (value[0] == ' ' || value[length - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else
        g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

/**
 * rapport_csv_export_contacts:
 * @contacts: (element-type RapportContact): the contacts to write
 *
 * Writes @contacts as a CSV file that spreadsheets open as UTF-8 (it
 * starts with a byte order mark, which Excel needs), with CRLF line ends:
 * a header line naming the columns as Rapport's contact form does, then one
 * line per contact with its name, organization, job title, career field,
 * email, phone, profile link, source (its label), source details and
 * notes. Cells with a delimiter, a quote, a line end or an edge space are
 * quoted. So that opening the file cannot run a formula that someone typed
 * into a contact, a cell starting with =, +, -, @, a tab or a CR starts
 * with a ' instead; rapport_csv_contacts_from_table() takes it off again.
 *
 * Returns: (transfer full): the file's text
 */
char *
rapport_csv_export_contacts (GPtrArray *contacts)
{
  static const RapportCsvField columns[] = {
    RAPPORT_CSV_FIELD_NAME,
    RAPPORT_CSV_FIELD_ORGANIZATION,
    RAPPORT_CSV_FIELD_JOB_TITLE,
    RAPPORT_CSV_FIELD_FIELD,
    RAPPORT_CSV_FIELD_EMAIL,
    RAPPORT_CSV_FIELD_PHONE,
    RAPPORT_CSV_FIELD_PROFILE_URL,
    RAPPORT_CSV_FIELD_SOURCE,
    RAPPORT_CSV_FIELD_SOURCE_DETAIL,
    RAPPORT_CSV_FIELD_NOTES,
  };
  GString *out;

  g_return_val_if_fail (contacts != NULL, NULL);
  for (guint c = 0; c < contacts->len; c++)
    g_return_val_if_fail (RAPPORT_IS_CONTACT (g_ptr_array_index (contacts, c)), NULL);

  out = g_string_new ("\xEF\xBB\xBF");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, rapport_csv_field_get_label (columns[i]));
    }
  g_string_append (out, "\r\n");

  for (guint c = 0; c < contacts->len; c++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, c);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          const char *value = "";

          switch (columns[i])
            {
            case RAPPORT_CSV_FIELD_NAME:
              value = rapport_contact_get_name (contact);
              break;
            case RAPPORT_CSV_FIELD_ORGANIZATION:
              value = rapport_contact_get_organization (contact);
              break;
            case RAPPORT_CSV_FIELD_JOB_TITLE:
              value = rapport_contact_get_job_title (contact);
              break;
            case RAPPORT_CSV_FIELD_FIELD:
              value = rapport_contact_get_field (contact);
              break;
            case RAPPORT_CSV_FIELD_EMAIL:
              value = rapport_contact_get_email (contact);
              break;
            case RAPPORT_CSV_FIELD_PHONE:
              value = rapport_contact_get_phone (contact);
              break;
            case RAPPORT_CSV_FIELD_PROFILE_URL:
              value = rapport_contact_get_profile_url (contact);
              break;
            case RAPPORT_CSV_FIELD_SOURCE:
              value = rapport_source_get_label (rapport_contact_get_source (contact));
              break;
            case RAPPORT_CSV_FIELD_SOURCE_DETAIL:
              value = rapport_contact_get_source_detail (contact);
              break;
            case RAPPORT_CSV_FIELD_NOTES:
              value = rapport_contact_get_notes (contact);
              break;
            case RAPPORT_CSV_FIELD_FIRST_NAME:
            case RAPPORT_CSV_FIELD_LAST_NAME:
            default:
              g_assert_not_reached ();
            }

          if (i > 0)
            g_string_append_c (out, ',');
          append_cell (out, value);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
