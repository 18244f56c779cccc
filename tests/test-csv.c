/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-csv.h"
#include "test-io-util.h"

/* ------------------------------------------------------------------------ *
 * Helpers
 * ------------------------------------------------------------------------ */

/* What a contact should hold; NULL stands for an empty field. */
typedef struct
{
  const char    *name;
  const char    *organization;
  const char    *job_title;
  const char    *field;
  const char    *email;
  const char    *phone;
  const char    *profile_url;
  RapportSource  source;
  const char    *source_detail;
  const char    *notes;
} Expected;

static void
assert_contact (RapportContact *contact,
                const Expected *expected)
{
#define CHECK(getter, member) \
  g_assert_cmpstr (getter (contact), ==, expected->member != NULL ? expected->member : "")

  g_assert_true (RAPPORT_IS_CONTACT (contact));
  CHECK (rapport_contact_get_name, name);
  CHECK (rapport_contact_get_organization, organization);
  CHECK (rapport_contact_get_job_title, job_title);
  CHECK (rapport_contact_get_field, field);
  CHECK (rapport_contact_get_email, email);
  CHECK (rapport_contact_get_phone, phone);
  CHECK (rapport_contact_get_profile_url, profile_url);
  CHECK (rapport_contact_get_source_detail, source_detail);
  CHECK (rapport_contact_get_notes, notes);
  g_assert_cmpint (rapport_contact_get_source (contact), ==, expected->source);
  /* nothing here is saved */
  g_assert_cmpint (rapport_record_get_id (RAPPORT_RECORD (contact)), ==, 0);

#undef CHECK
}

static void
assert_contacts (GPtrArray      *contacts,
                 const Expected *expected,
                 guint           n_expected)
{
  g_assert_nonnull (contacts);
  g_assert_cmpuint (contacts->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    assert_contact (g_ptr_array_index (contacts, i), &expected[i]);
}

static void
assert_rejected (GPtrArray          *rejected,
                 const char * const *expected)
{
  guint n = expected != NULL ? g_strv_length ((char **)expected) : 0;

  g_assert_nonnull (rejected);
  g_assert_cmpuint (rejected->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (rejected, i), ==, expected[i]);
}

static GPtrArray *
parse_linkedin_fixture (const char  *name,
                        GPtrArray  **rejected)
{
  gsize length;
  g_autofree char *data = test_load_fixture (name, &length);
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = rapport_linkedin_parse (data, length, rejected, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  return contacts;
}

static RapportCsvTable *
read_table_fixture (const char *name)
{
  gsize length;
  g_autofree char *data = test_load_fixture (name, &length);
  g_autoptr(GError) error = NULL;
  RapportCsvTable *table = rapport_csv_read_table (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static RapportCsvTable *
read_table_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  RapportCsvTable *table = rapport_csv_read_table (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_header (RapportCsvTable    *table,
               const char * const *names)
{
  guint n = g_strv_length ((char **)names);

  g_assert_cmpuint (rapport_csv_table_get_n_columns (table), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rapport_csv_table_get_header (table, i), ==, names[i]);
  g_assert_cmpstr (rapport_csv_table_get_header (table, n), ==, "");
}

static void
assert_row (RapportCsvTable    *table,
            guint               row,
            guint               line,
            const char * const *cells)
{
  guint n = g_strv_length ((char **)cells);

  g_assert_cmpuint (row, <, rapport_csv_table_get_n_rows (table));
  g_assert_cmpuint (rapport_csv_table_get_line (table, row), ==, line);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (rapport_csv_table_get_cell (table, row, i), ==, cells[i]);
}

static void
init_mapping (int *mapping)
{
  for (int i = 0; i < RAPPORT_CSV_N_FIELDS; i++)
    mapping[i] = -1;
}

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* ------------------------------------------------------------------------ *
 * LinkedIn
 * ------------------------------------------------------------------------ */

static void
test_linkedin_0_preamble (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_linkedin_fixture ("linkedin-0-preamble.csv", &rejected);
  const Expected expected[] = {
    { .name = "Priya Raman", .organization = "Northwind Health", .job_title = "Registered Nurse",
      .email = "priya.raman@example.com", .profile_url = "https://www.linkedin.com/in/priya-raman-4a1b2c",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 15 Mar 2024" },
    { .name = "Tomás Ortega", .organization = "Ortega, Ruiz & Partners", .job_title = "Architect",
      .profile_url = "https://www.linkedin.com/in/tomasortega",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 02 Jan 2023" },
    { .name = "Mei Chen", .organization = "Contoso", .job_title = "Director, \"Growth\" Marketing",
      .profile_url = "https://www.linkedin.com/in/meichen",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 29 Feb 2024" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_linkedin_3_preamble (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_linkedin_fixture ("linkedin-3-preamble.csv", &rejected);
  const Expected expected[] = {
    { .name = "Aisha Bello", .organization = "Fabrikam", .job_title = "Software Engineer",
      .email = "aisha@bello.example", .profile_url = "https://www.linkedin.com/in/aishabello",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 07 Nov 2022" },
    { .name = "Jürgen Weiß", .organization = "Müller & Söhne GmbH", .job_title = "Geschäftsführer",
      .profile_url = "https://www.linkedin.com/in/juergen-weiss",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 1 Apr 2021" },
    /* 31 April is no date: the contact is kept, without it */
    { .name = "Zoë", .profile_url = "https://www.linkedin.com/in/zoe", .source = RAPPORT_SOURCE_LINKEDIN },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV ("Line 7: no name"));
}

static void
test_linkedin_4_preamble_crlf (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_linkedin_fixture ("linkedin-4-preamble-crlf.csv", &rejected);
  const Expected expected[] = {
    { .name = "Sam O'Neil", .organization = "Acme, Inc.", .job_title = "VP, Sales",
      .profile_url = "https://www.linkedin.com/in/samoneil",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 03 May 2024" },
    { .name = "Dana \"DJ\" Jones", .organization = "The \"Best\" Bakery", .job_title = "Owner",
      .email = "dana@jones.example", .profile_url = "https://www.linkedin.com/in/danajones",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 21 Aug 2019" },
    /* trimmed, and a position over two lines made one */
    { .name = "Lee", .organization = "Globex", .job_title = "Head of Research",
      .profile_url = "https://www.linkedin.com/in/lee",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 9 Sep 2018" },
    /* what looks like a formula is kept as text: only export guards it */
    { .name = "Ana López", .organization = "=HYPERLINK(\"http://evil.example\")", .job_title = "@Lead",
      .email = "ana@example.es", .profile_url = "https://www.linkedin.com/in/analopez",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 10 Oct 2010" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  /* the position over two lines counts as two: the empty row is line 10 */
  assert_rejected (rejected, STRV ("Line 10: no name"));
}

static void
test_linkedin_no_rejected (void)
{
  gsize length;
  g_autofree char *data = test_load_fixture ("linkedin-3-preamble.csv", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_linkedin_parse (data, length, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 3);
}

static void
test_linkedin_columns (void)
{
  /* an older export: no URL column, the columns in another order, a
   * header in quotes, and dates to check */
  const char *text =
    "\"Last Name\",\"First Name\",\"Email Address\",\"Company\",\"Position\",\"Connected On\"\n"
    "Doe,Jane,jane@example.com,Initech,Analyst,29 Feb 2023\n"
    "Roe,Rich,,Hooli,CEO,15 March 2024\n"
    "Poe,Edgar,,,,  3   Oct   2019 \n"
    "Moe,Mo,,,,2019-10-03\n";
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_linkedin_parse (text, strlen (text), &rejected, &error);
  const Expected expected[] = {
    { .name = "Jane Doe", .organization = "Initech", .job_title = "Analyst", .email = "jane@example.com",
      .source = RAPPORT_SOURCE_LINKEDIN },
    { .name = "Rich Roe", .organization = "Hooli", .job_title = "CEO",
      .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 15 March 2024" },
    { .name = "Edgar Poe", .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 3 Oct 2019" },
    { .name = "Mo Moe", .source = RAPPORT_SOURCE_LINKEDIN },
  };

  g_assert_no_error (error);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_linkedin_header_only (void)
{
  const char *text = "Notes:\n\"x\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_linkedin_parse (text, strlen (text), &rejected, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 0);
  assert_rejected (rejected, NULL);
}

typedef struct
{
  const char     *name;
  const char     *fixture;   /* or */
  const char     *text;
  RapportCsvError code;
  const char     *message_part;
} Malformed;

static const Malformed linkedin_malformed[] = {
  { "empty", "empty.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "empty" },
  { "blank", "blank.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "empty" },
  { "binary", "binary.bin", NULL, RAPPORT_CSV_ERROR_INVALID, "not a text file" },
  { "png", "image.png", NULL, RAPPORT_CSV_ERROR_INVALID, "not a text file" },
  { "other-csv", "linkedin-no-header.csv", NULL, RAPPORT_CSV_ERROR_NO_HEADER, "First Name" },
  { "outlook", "generic-outlook.csv", NULL, RAPPORT_CSV_ERROR_NO_HEADER, "Connections.csv" },
  { "vcard", "vcard-30-google.vcf", NULL, RAPPORT_CSV_ERROR_NO_HEADER, "LinkedIn" },
  { "bad-utf8", "generic-bad-utf8.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "Line 3 " },
  { "first-name-only", NULL, "First Name,Email\nA,b@c.d\n", RAPPORT_CSV_ERROR_NO_HEADER, "Last Name" },
  { "no-connected-on", NULL, "First Name,Last Name,Company\nA,B,C\n", RAPPORT_CSV_ERROR_NO_HEADER, "First Name" },
  { "unterminated", NULL,
    "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "A,B,,,\"Never, closed,Boss,1 Jan 2020\nC,D,,,,,\n",
    RAPPORT_CSV_ERROR_INVALID, "Line 4 " },
  { "nul", NULL, "First Name,Last Name,Company\nA,B\0,C\n", RAPPORT_CSV_ERROR_INVALID, "not a text file" },
};

static void
test_linkedin_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *bytes = NULL;
  gsize length;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  if (m->fixture != NULL)
    bytes = test_load_fixture (m->fixture, &length);
  else
    {
      /* the one with a NUL byte: its length is not strlen() */
      length = strlen (m->text);
      if (g_str_equal (m->name, "nul"))
        length = sizeof "First Name,Last Name,Company\nA,B\0,C\n" - 1;
      bytes = g_memdup2 (m->text, length);
    }

  contacts = rapport_linkedin_parse (bytes, length, &rejected, &error);
  g_assert_null (contacts);
  g_assert_null (rejected);
  g_assert_error (error, RAPPORT_CSV_ERROR, (int)m->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, m->message_part) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, m->message_part);
}

/* ------------------------------------------------------------------------ *
 * Generic tables
 * ------------------------------------------------------------------------ */

static void
test_table_outlook (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-outlook.csv");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Grace Hopper", .organization = "US Navy", .job_title = "Rear Admiral",
      .email = "grace@navy.example", .phone = "+1 202 555 0101", .profile_url = "https://example.org/grace",
      .source = RAPPORT_SOURCE_OTHER, .notes = "Compiler pioneer.\nAsk about COBOL." },
    { .name = "Ada Lovelace", .organization = "Analytical Engines", .job_title = "Programmer",
      .email = "ada@engines.example", .source = RAPPORT_SOURCE_OTHER },
  };

  g_assert_cmpint (rapport_csv_table_get_delimiter (table), ==, ',');
  assert_header (table, STRV ("First Name", "Middle Name", "Last Name", "Title", "Company", "Department",
                              "Job Title", "Business Phone", "Mobile Phone", "E-mail Address", "Web Page", "Notes"));
  g_assert_cmpuint (rapport_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, STRV ("Grace", "", "Hopper", "Dr", "US Navy", "", "Rear Admiral", "",
                                 "+1 202 555 0101", "grace@navy.example", "https://example.org/grace",
                                 "Compiler pioneer.\nAsk about COBOL."));
  assert_row (table, 1, 4, STRV ("", "", "", "Mr", "Lonely Corp"));
  assert_row (table, 2, 5, STRV ("Ada", "", "Lovelace", "", "Analytical Engines"));

  g_assert_true (rapport_csv_guess_mapping (table, mapping));
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_NAME], ==, -1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_FIRST_NAME], ==, 0);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_LAST_NAME], ==, 2);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_ORGANIZATION], ==, 4);
  /* "Job Title", not Outlook's "Title" (Dr, Mr) */
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_JOB_TITLE], ==, 6);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_FIELD], ==, -1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_EMAIL], ==, 9);
  /* the mobile first: it is the number that reaches the person */
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_PHONE], ==, 8);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_PROFILE_URL], ==, 10);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_SOURCE], ==, -1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_SOURCE_DETAIL], ==, -1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_NOTES], ==, 11);

  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV ("Line 4: no name"));
}

static void
test_table_google (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-google.csv");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Kwame Mensah", .organization = "Volta Energy", .job_title = "Analyst",
      .email = "kwame@volta.example", .phone = "+233 20 555 0199", .profile_url = "https://volta.example/kwame",
      .source = RAPPORT_SOURCE_OTHER, .notes = "Met at career fair" },
  };

  g_assert_true (rapport_csv_guess_mapping (table, mapping));
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_NAME], ==, 0);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_FIRST_NAME], ==, 1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_LAST_NAME], ==, 2);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_ORGANIZATION], ==, 3);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_JOB_TITLE], ==, 4);
  /* "E-mail 1 - Value", not "E-mail 1 - Type" */
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_EMAIL], ==, 6);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_PHONE], ==, 8);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_PROFILE_URL], ==, 9);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_NOTES], ==, 10);

  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_table_windows_1252 (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-windows-1252.csv");
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Jürgen Müller", .organization = "Café Crème GmbH", .job_title = "Geschäftsführer",
      .email = "jm@example.de", .phone = "+49 30 1234", .source = RAPPORT_SOURCE_OTHER, .notes = "Preis: 10 €" },
    { .name = "Renée Faß", .organization = "Weiß; Söhne", .job_title = "Köchin", .source = RAPPORT_SOURCE_OTHER },
  };

  /* the "sep=;" line names the delimiter and is not the header */
  g_assert_cmpint (rapport_csv_table_get_delimiter (table), ==, ';');
  assert_header (table, STRV ("Name", "Firma", "Position", "E-Mail", "Telefon", "Notizen"));
  assert_row (table, 0, 3, STRV ("Jürgen Müller", "Café Crème GmbH"));
  assert_row (table, 1, 4, STRV ("Renée Faß", "Weiß; Söhne", "Köchin", "", "", ""));

  g_assert_true (rapport_csv_guess_mapping (table, mapping));
  contacts = rapport_csv_contacts_from_table (table, mapping, NULL);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
}

static void
test_table_semicolon (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-semicolon.csv");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Élodie Martin", .organization = "Société Générale", .job_title = "Analyste",
      .email = "elodie@example.fr", .source = RAPPORT_SOURCE_OTHER },
  };

  g_assert_cmpint (rapport_csv_table_get_delimiter (table), ==, ';');
  assert_header (table, STRV ("Nom", "Entreprise", "Poste", "Courriel"));
  assert_row (table, 0, 2, STRV ("Élodie Martin", "Société Générale", "Analyste", "elodie@example.fr"));

  /* "Nom" is a family name as often as a full name: it is not guessed,
   * and every row lacks a name until the person says which column is */
  g_assert_false (rapport_csv_guess_mapping (table, mapping));
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_ORGANIZATION], ==, 1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_JOB_TITLE], ==, 2);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_EMAIL], ==, 3);
  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  g_assert_cmpuint (contacts->len, ==, 0);
  assert_rejected (rejected, STRV ("Line 2: no name"));
  g_clear_pointer (&contacts, g_ptr_array_unref);
  g_clear_pointer (&rejected, g_ptr_array_unref);

  mapping[RAPPORT_CSV_FIELD_NAME] = 0;
  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_table_utf16 (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-utf16.txt");

  g_assert_cmpint (rapport_csv_table_get_delimiter (table), ==, '\t');
  assert_header (table, STRV ("Name", "Company", "Email"));
  g_assert_cmpuint (rapport_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 2, STRV ("Olusegun Obi", "Lagos Ports", "obi@ports.example"));
  assert_row (table, 1, 3, STRV ("名前 テスト", "株式会社テスト", ""));
}

static void
test_table_lone_cr (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-cr.csv");
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Nils Holm", .organization = "Volvo", .job_title = "Engineer", .source = RAPPORT_SOURCE_OTHER },
    /* a name over two lines is made one */
    { .name = "Multi line", .organization = "X", .job_title = "Y", .source = RAPPORT_SOURCE_OTHER },
  };

  assert_header (table, STRV ("Full name", "Employer", "Role"));
  assert_row (table, 0, 2, STRV ("Nils Holm", "Volvo", "Engineer"));
  assert_row (table, 1, 3, STRV ("Multi\nline", "X", "Y"));

  g_assert_true (rapport_csv_guess_mapping (table, mapping));
  contacts = rapport_csv_contacts_from_table (table, mapping, NULL);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
}

static void
test_table_lenient (void)
{
  g_autoptr(RapportCsvTable) table = read_table_fixture ("generic-lenient.csv");

  assert_header (table, STRV ("Name", "Organization", "Notes"));
  /* blank lines, and a line of empty cells, are no rows */
  g_assert_cmpuint (rapport_csv_table_get_n_rows (table), ==, 3);
  /* spaces around quotes go; a quote inside an unquoted value is a quote */
  assert_row (table, 0, 2, STRV ("Eve Adams", "Big, Co", "she said \"hi\""));
  /* text after a closing quote is kept, as spreadsheets keep it */
  assert_row (table, 1, 3, STRV ("Bob Bobby\" Ray\"", "Acme", "quotedtail"));
  assert_row (table, 2, 7, STRV ("Carol", "", "a\nb"));
}

static void
test_table_short_rows (void)
{
  g_autoptr(RapportCsvTable) table = read_table_text ("a,b,c\n1\n1,2,3,4\n\"\"\"x\"\"\",,\n");

  g_assert_cmpuint (rapport_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (rapport_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, STRV ("1", "", ""));
  g_assert_cmpstr (rapport_csv_table_get_cell (table, 0, 99), ==, "");
  /* cells past the header are kept, for a preview */
  assert_row (table, 1, 3, STRV ("1", "2", "3", "4"));
  assert_row (table, 2, 4, STRV ("\"x\"", "", ""));
}

static void
test_table_delimiters (void)
{
  struct {
    const char *text;
    char        delimiter;
  } cases[] = {
    { "Name,Email\nA,b\n", ',' },
    { "Name;Email;Phone\nA;b;c\n", ';' },
    { "Name\tEmail\nA\tb\n", '\t' },
    /* semicolons inside quotes do not count */
    { "\"Name;x;y\",Email\nA,b\n", ',' },
    { "Name;Email,Phone;Notes\n", ';' },
    /* one column */
    { "Name\nA\n", ',' },
    { "\n\n  \nName;Email\nA;b\n", ';' },
    { "sep=|\nName|Email\nA|b\n", '|' },
    { "SEP=,\nName;Email\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RapportCsvTable) table = read_table_text (cases[i].text);

      g_assert_cmpint (rapport_csv_table_get_delimiter (table), ==, cases[i].delimiter);
    }
}

static void
test_table_line_ends (void)
{
  const char * const texts[] = {
    "Name,Notes\r\nA,\"x\r\ny\"\r\nB,z\r\n",
    "Name,Notes\nA,\"x\ny\"\nB,z",
    "Name,Notes\rA,\"x\ry\"\rB,z\r",
    "\xEF\xBB\xBFName,Notes\r\nA,\"x\ny\"\rB,z\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RapportCsvTable) table = read_table_text (texts[i]);

      assert_header (table, STRV ("Name", "Notes"));
      g_assert_cmpuint (rapport_csv_table_get_n_rows (table), ==, 2);
      assert_row (table, 0, 2, STRV ("A", "x\ny"));
      assert_row (table, 1, 4, STRV ("B", "z"));
    }
}

static const Malformed table_malformed[] = {
  { "empty", "empty.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "empty" },
  { "blank", "blank.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "empty" },
  { "binary", "binary.bin", NULL, RAPPORT_CSV_ERROR_INVALID, "not a text file" },
  { "png", "image.png", NULL, RAPPORT_CSV_ERROR_INVALID, "not a text file" },
  { "no-header", "generic-no-header.csv", NULL, RAPPORT_CSV_ERROR_NO_HEADER, "column names" },
  { "unterminated", "generic-unterminated.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "Line 3 " },
  { "bad-utf8", "generic-bad-utf8.csv", NULL, RAPPORT_CSV_ERROR_INVALID, "Line 3 " },
  { "no-header-url", NULL, "https://example.com/a,Pat\n", RAPPORT_CSV_ERROR_NO_HEADER, "column names" },
  { "no-header-phone", NULL, "Pat;+1 (555) 010-0199\n", RAPPORT_CSV_ERROR_NO_HEADER, "column names" },
  { "unterminated-header", NULL, "\"Name,Email\n", RAPPORT_CSV_ERROR_INVALID, "Line 1 " },
  { "bad-utf16", NULL, "\xFF\xFEN\0a\0\0\xD8", RAPPORT_CSV_ERROR_INVALID, "UTF-16" },
  { "undefined-1252", NULL, "Name\nCaf\x81\n", RAPPORT_CSV_ERROR_INVALID, "Line 2 " },
  { "control-characters", NULL, "\x01\x02\x03\x04\x05,\x06\n", RAPPORT_CSV_ERROR_INVALID, "not a text file" },
};

static void
test_table_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *bytes = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvTable) table = NULL;

  if (m->fixture != NULL)
    bytes = test_load_fixture (m->fixture, &length);
  else
    {
      length = g_str_equal (m->name, "bad-utf16") ? 8 : strlen (m->text);
      bytes = g_memdup2 (m->text, length);
    }

  table = rapport_csv_read_table (bytes, length, &error);
  g_assert_null (table);
  g_assert_error (error, RAPPORT_CSV_ERROR, (int)m->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, m->message_part) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, m->message_part);
}

/* ------------------------------------------------------------------------ *
 * Mapping
 * ------------------------------------------------------------------------ */

static void
test_mapping_guess (void)
{
  struct {
    const char *header;
    int         expected[RAPPORT_CSV_N_FIELDS];
    gboolean    has_name;
  } cases[] = {
    { "Name,Organization,Job title,Career field,Email,Phone,Profile link,Source,Source details,Notes",
      { 0, -1, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, TRUE },
    { "full_name,EMPLOYER,position,E-Mail,Mobile,Website,comments",
      { 0, -1, -1, 1, 2, -1, 3, 4, 5, -1, -1, 6 }, TRUE },
    { "Notes,Title,Company,Surname,Given name,Telephone,URL,Industry",
      { -1, 4, 3, 2, 1, 7, -1, 5, 6, -1, -1, 0 }, TRUE },
    /* a second email column is not the phone */
    { "Email 1,Email 2,Mobile Phone 2",
      { -1, -1, -1, -1, -1, -1, 0, 2, -1, -1, -1, -1 }, FALSE },
    { "Whatever,Else",
      { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 }, FALSE },
    /* one column for one field */
    { "Name,Name,Email",
      { 0, -1, -1, -1, -1, -1, 2, -1, -1, -1, -1, -1 }, TRUE },
    { "Vorname,Nachname,Firma,Funktion,Telefon,Bemerkungen",
      { -1, 0, 1, 2, 3, -1, -1, 4, -1, -1, -1, 5 }, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].header, "\n", NULL);
      g_autoptr(RapportCsvTable) table = read_table_text (text);
      int mapping[RAPPORT_CSV_N_FIELDS];

      g_test_message ("header: %s", cases[i].header);
      g_assert_cmpint (rapport_csv_guess_mapping (table, mapping), ==, cases[i].has_name);
      for (int f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
        g_assert_cmpint (mapping[f], ==, cases[i].expected[f]);
    }
}

static void
test_mapping_manual (void)
{
  g_autoptr(RapportCsvTable) table = read_table_text (
    "A,B,C,D,E\n"
    "Jo,March,alumni,met at reunion,\"  - indented\r\n  notes  \"\n"
    "Amy,,Friend or family,,\n"
    "Beth,,career fair,,\n"
    "Meg,,career fair,the booth,\n"
    ",,other,,x\n"
    ",Laurie,,,\n");
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  const Expected expected[] = {
    { .name = "Jo March", .source = RAPPORT_SOURCE_ALUMNI, .source_detail = "met at reunion",
      .notes = "  - indented\n  notes  " },
    { .name = "Amy", .source = RAPPORT_SOURCE_FRIEND_FAMILY },
    /* a source Rapport does not know becomes the details */
    { .name = "Beth", .source = RAPPORT_SOURCE_OTHER, .source_detail = "career fair" },
    { .name = "Meg", .source = RAPPORT_SOURCE_OTHER, .source_detail = "the booth" },
    { .name = "Laurie", .source = RAPPORT_SOURCE_OTHER },
  };

  init_mapping (mapping);
  mapping[RAPPORT_CSV_FIELD_FIRST_NAME] = 0;
  mapping[RAPPORT_CSV_FIELD_LAST_NAME] = 1;
  mapping[RAPPORT_CSV_FIELD_SOURCE] = 2;
  mapping[RAPPORT_CSV_FIELD_SOURCE_DETAIL] = 3;
  mapping[RAPPORT_CSV_FIELD_NOTES] = 4;

  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  /* Jo's notes take two lines */
  assert_rejected (rejected, STRV ("Line 7: no name"));
}

static void
test_field_labels (void)
{
  for (int f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
    {
      const char *label = rapport_csv_field_get_label ((RapportCsvField)f);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }
}

/* ------------------------------------------------------------------------ *
 * Export
 * ------------------------------------------------------------------------ */

static RapportContact *
make_contact (const Expected *e)
{
  RapportContact *contact = rapport_contact_new (e->name);

  rapport_contact_set_organization (contact, e->organization);
  rapport_contact_set_job_title (contact, e->job_title);
  rapport_contact_set_field (contact, e->field);
  rapport_contact_set_email (contact, e->email);
  rapport_contact_set_phone (contact, e->phone);
  rapport_contact_set_profile_url (contact, e->profile_url);
  rapport_contact_set_source (contact, e->source);
  rapport_contact_set_source_detail (contact, e->source_detail);
  rapport_contact_set_notes (contact, e->notes);

  return contact;
}

static const Expected tricky[] = {
  { .name = "Zoë “Zee” O'Hara 🙂", .organization = "Acme, Inc.; \"Labs\"", .job_title = "VP, R&D",
    .field = "Health care", .email = "zoe@example.com", .phone = "+1 (555) 010-0199",
    .profile_url = "https://www.linkedin.com/in/zoe?a=1,b=2", .source = RAPPORT_SOURCE_ALUMNI,
    .source_detail = "Met at the 2019 reunion", .notes = "Line one\nLine two, with a comma; and a semicolon\n\n\"quoted\"" },
  { .name = "سارة الحسن", .organization = "مستشفى الأمل", .job_title = "طبيبة أطفال",
    .email = "sara@example.org", .source = RAPPORT_SOURCE_REFERRAL, .notes = "ملاحظة\nשלום עולם" },
  { .name = "=cmd|' /C calc'!A0", .organization = "+SUM(1,2)", .job_title = "-2+3", .field = "@SUM(A1)",
    .email = "=HYPERLINK(\"http://evil.example\",\"x\")", .phone = "+44 20 7946 0001",
    .source = RAPPORT_SOURCE_OTHER, .notes = "\t=tab first" },
  { .name = "Plain Person", .source = RAPPORT_SOURCE_LINKEDIN, .source_detail = "Connected on 1 Jan 2020",
    .notes = "  indented\tnote with a tab" },
};

static GPtrArray *
make_tricky_contacts (void)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    g_ptr_array_add (contacts, make_contact (&tricky[i]));

  return contacts;
}

static void
test_export_format (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *csv = NULL;
  const Expected e = {
    .name = "Ann Lee", .organization = "Acme, Inc.", .email = "ann@acme.example", .phone = "555 0100",
    .source = RAPPORT_SOURCE_TEACHER, .notes = "Say \"hi\"\nsoon",
  };

  g_ptr_array_add (contacts, make_contact (&e));
  csv = rapport_csv_export_contacts (contacts);
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF"
                   "Name,Organization,Job title,Career field,Email,Phone,Profile link,Source,Source details,Notes\r\n"
                   "Ann Lee,\"Acme, Inc.\",,,ann@acme.example,555 0100,,Teacher,,\"Say \"\"hi\"\"\nsoon\"\r\n");

  g_ptr_array_set_size (contacts, 0);
  g_free (csv);
  csv = rapport_csv_export_contacts (contacts);
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF"
                   "Name,Organization,Job title,Career field,Email,Phone,Profile link,Source,Source details,Notes\r\n");
}

static void
test_export_formula (void)
{
  g_autoptr(GPtrArray) contacts = make_tricky_contacts ();
  g_autofree char *csv = rapport_csv_export_contacts (contacts);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_autoptr(RapportCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;

  /* the third contact: every cell that a spreadsheet would run starts with ' */
  g_assert_cmpstr (lines[3], ==,
                   "\"'=cmd|' /C calc'!A0\",\"'+SUM(1,2)\",\"'-2+3\",\"'@SUM(A1)\","
                   "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'+44 20 7946 0001\",,"
                   "Other,,\"'\t=tab first\"");

  /* no cell anywhere starts with a formula character */
  table = rapport_csv_read_table (csv, strlen (csv), &error);
  g_assert_no_error (error);
  for (guint row = 0; row < rapport_csv_table_get_n_rows (table); row++)
    for (guint column = 0; column < rapport_csv_table_get_n_columns (table); column++)
      {
        const char *cell = rapport_csv_table_get_cell (table, row, column);

        if (cell[0] != '\0')
          g_assert_null (strchr ("=+-@\t\r", cell[0]));
      }
}

static void
test_export_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = make_tricky_contacts ();
  g_autofree char *csv = rapport_csv_export_contacts (contacts);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvTable) table = rapport_csv_read_table (csv, strlen (csv), &error);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];

  g_assert_no_error (error);
  g_assert_true (rapport_csv_guess_mapping (table, mapping));
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_FIRST_NAME], ==, -1);
  g_assert_cmpint (mapping[RAPPORT_CSV_FIELD_LAST_NAME], ==, -1);
  for (int f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
    if (f != RAPPORT_CSV_FIELD_FIRST_NAME && f != RAPPORT_CSV_FIELD_LAST_NAME)
      g_assert_cmpint (mapping[f], >=, 0);

  copies = rapport_csv_contacts_from_table (table, mapping, &rejected);
  assert_contacts (copies, tricky, G_N_ELEMENTS (tricky));
  assert_rejected (rejected, NULL);
}

/* ------------------------------------------------------------------------ *
 * Whatever the fuzzers found, and every fixture: a result or an error
 * ------------------------------------------------------------------------ */

static void
assert_sane_contacts (GPtrArray *contacts,
                      GPtrArray *rejected,
                      GError    *error)
{
  if (contacts == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == RAPPORT_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (rejected);
      return;
    }

  g_assert_null (error);
  g_assert_nonnull (rejected);
  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      g_assert_cmpstr (rapport_contact_get_name (contact), !=, "");
      g_assert_true (g_utf8_validate (rapport_contact_get_name (contact), -1, NULL));
      g_assert_true (g_utf8_validate (rapport_contact_get_notes (contact), -1, NULL));
    }
  for (guint i = 0; i < rejected->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (rejected, i), "Line "));
}

static void
test_corpus (void)
{
  g_autoptr(GPtrArray) paths = test_corpus_paths ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GPtrArray) rejected = NULL;
      g_autoptr(RapportCsvTable) table = NULL;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      contacts = rapport_linkedin_parse (data, length, &rejected, &error);
      assert_sane_contacts (contacts, rejected, error);
      g_clear_pointer (&contacts, g_ptr_array_unref);
      g_clear_pointer (&rejected, g_ptr_array_unref);
      g_clear_error (&error);

      table = rapport_csv_read_table (data, length, &error);
      g_assert_true ((table == NULL) != (error == NULL));
      if (table != NULL)
        {
          int mapping[RAPPORT_CSV_N_FIELDS];
          g_autofree char *csv = NULL;
          g_autoptr(RapportCsvTable) again = NULL;

          for (guint row = 0; row < rapport_csv_table_get_n_rows (table); row++)
            {
              g_assert_cmpuint (rapport_csv_table_get_line (table, row), >=, 2);
              for (guint column = 0; column < rapport_csv_table_get_n_columns (table); column++)
                g_assert_true (g_utf8_validate (rapport_csv_table_get_cell (table, row, column), -1, NULL));
            }

          rapport_csv_guess_mapping (table, mapping);
          if (mapping[RAPPORT_CSV_FIELD_NAME] < 0 && rapport_csv_table_get_n_columns (table) > 0)
            mapping[RAPPORT_CSV_FIELD_NAME] = 0;
          contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
          assert_sane_contacts (contacts, rejected, NULL);

          /* whatever came in goes out as a file that reads back the same */
          csv = rapport_csv_export_contacts (contacts);
          again = rapport_csv_read_table (csv, strlen (csv), &error);
          g_assert_no_error (error);
          g_assert_cmpuint (rapport_csv_table_get_n_rows (again), ==, contacts->len);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/linkedin/0-preamble", test_linkedin_0_preamble);
  g_test_add_func ("/csv/linkedin/3-preamble", test_linkedin_3_preamble);
  g_test_add_func ("/csv/linkedin/4-preamble-crlf", test_linkedin_4_preamble_crlf);
  g_test_add_func ("/csv/linkedin/no-rejected", test_linkedin_no_rejected);
  g_test_add_func ("/csv/linkedin/columns", test_linkedin_columns);
  g_test_add_func ("/csv/linkedin/header-only", test_linkedin_header_only);
  for (guint i = 0; i < G_N_ELEMENTS (linkedin_malformed); i++)
    {
      g_autofree char *path = g_strconcat ("/csv/linkedin/malformed/", linkedin_malformed[i].name, NULL);

      g_test_add_data_func (path, &linkedin_malformed[i], test_linkedin_malformed);
    }

  g_test_add_func ("/csv/table/outlook", test_table_outlook);
  g_test_add_func ("/csv/table/google", test_table_google);
  g_test_add_func ("/csv/table/windows-1252", test_table_windows_1252);
  g_test_add_func ("/csv/table/semicolon", test_table_semicolon);
  g_test_add_func ("/csv/table/utf16", test_table_utf16);
  g_test_add_func ("/csv/table/lone-cr", test_table_lone_cr);
  g_test_add_func ("/csv/table/lenient", test_table_lenient);
  g_test_add_func ("/csv/table/short-rows", test_table_short_rows);
  g_test_add_func ("/csv/table/delimiters", test_table_delimiters);
  g_test_add_func ("/csv/table/line-ends", test_table_line_ends);
  for (guint i = 0; i < G_N_ELEMENTS (table_malformed); i++)
    {
      g_autofree char *path = g_strconcat ("/csv/table/malformed/", table_malformed[i].name, NULL);

      g_test_add_data_func (path, &table_malformed[i], test_table_malformed);
    }

  g_test_add_func ("/csv/mapping/guess", test_mapping_guess);
  g_test_add_func ("/csv/mapping/manual", test_mapping_manual);
  g_test_add_func ("/csv/mapping/labels", test_field_labels);

  g_test_add_func ("/csv/export/format", test_export_format);
  g_test_add_func ("/csv/export/formula", test_export_formula);
  g_test_add_func ("/csv/export/round-trip", test_export_round_trip);

  g_test_add_func ("/csv/corpus", test_corpus);

  return g_test_run ();
}
