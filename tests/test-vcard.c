/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-vcard.h"
#include "test-io-util.h"

/* Debian's python3-vobject, a reader that shares no code with ours. */
#define PYTHON "/usr/bin/python3"

/* ------------------------------------------------------------------------ *
 * Helpers
 * ------------------------------------------------------------------------ */

/* What a contact should hold; NULL stands for an empty field. */
typedef struct
{
  const char *name;
  const char *organization;
  const char *job_title;
  const char *email;
  const char *phone;
  const char *profile_url;
  const char *notes;
  const char *field;
  const char *source_detail;
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
  CHECK (rapport_contact_get_email, email);
  CHECK (rapport_contact_get_phone, phone);
  CHECK (rapport_contact_get_profile_url, profile_url);
  CHECK (rapport_contact_get_notes, notes);
  CHECK (rapport_contact_get_field, field);
  CHECK (rapport_contact_get_source_detail, source_detail);
  /* the caller says where the file came from */
  g_assert_cmpint (rapport_contact_get_source (contact), ==, RAPPORT_SOURCE_OTHER);
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
  for (guint i = 0; i < rejected->len; i++)
    g_test_message ("rejected: %s", (char *)g_ptr_array_index (rejected, i));
  g_assert_cmpuint (rejected->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (rejected, i), ==, expected[i]);
}

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })

static GPtrArray *
parse_ok (const char  *data,
          gsize        length,
          GPtrArray  **rejected)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = rapport_vcard_parse (data, length, rejected, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  return contacts;
}

static GPtrArray *
parse_fixture (const char  *name,
               GPtrArray  **rejected)
{
  gsize length;
  g_autofree char *data = test_load_fixture (name, &length);

  return parse_ok (data, length, rejected);
}

static GPtrArray *
parse_text (const char  *text,
            GPtrArray  **rejected)
{
  return parse_ok (text, strlen (text), rejected);
}

/* ------------------------------------------------------------------------ *
 * Reading
 * ------------------------------------------------------------------------ */

static void
test_21_quoted_printable (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-21-qp.vcf", &rejected);
  const Expected expected[] = {
    /* CHARSET=UTF-8, a soft line break, =3B and =3D, the preferred phone */
    { .name = "Jürgen Müller", .organization = "Stadtwerke Köln", .job_title = "Geschäftsführer",
      .email = "juergen@stadtwerke.example", .phone = "+49 170 7654321",
      .profile_url = "http://www.stadtwerke.example/",
      .notes = "Erste Zeile\nZweite Zeile, sehr lang, damit der Telefonhersteller sie umbricht; "
               "mit Gleichheitszeichen = und ü." },
    /* CHARSET=ISO-8859-1, raw and quoted-printable, with Windows-1252's € */
    { .name = "Renée François", .organization = "Café Crème SARL", .job_title = "Gérante",
      .email = "renee@cafe-creme.example", .phone = "+33 1 23 45 67 89",
      .notes = "Prix moyen € 12\nCafé ; crème" },
    /* N only; a bare QUOTED-PRINTABLE; "=" before END:VCARD */
    { .name = "John Smith", .notes = "Bare parameter\nline two" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_30_google (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-30-google.vcf", &rejected);
  const Expected expected[] = {
    /* item1.EMAIL is TYPE=pref; "https\://"; ORG's first component */
    { .name = "Amara Okafor", .organization = "Okafor Design, Inc.", .job_title = "Creative Director",
      .email = "amara@okafor-design.example", .phone = "+1 416-555-0134",
      .profile_url = "https://www.linkedin.com/in/amara-okafor",
      .notes = "Met at the alumni night.\nAsked about portfolio reviews; follow up in May, maybe June.\n"
               "Path: C:\\Docs" },
    { .name = "Liam O'Brien", .organization = "Trinity Hospital", .phone = "(020) 7946 0958" },
    { .name = "李小龍", .email = "xiaolong@example.cn" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_30_apple (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-30-apple.vcf", &rejected);
  const Expected expected[] = {
    { .name = "Linnea Andersson", .organization = "Spotify", .job_title = "Data Scientist",
      .email = "linnea@spotify.example", .phone = "+46 70 555 01 23",
      .profile_url = "https://www.linkedin.com/in/linneaa" },
    /* the AGENT card inside is not a contact, and its TEL is not the boss's */
    { .name = "Boss Person", .phone = "+1 555 1111" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_40 (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-40.vcf", &rejected);
  const Expected expected[] = {
    /* PREF=1 email, a tel: URI, both notes */
    { .name = "سارة الحسن", .organization = "مستشفى الأمل", .job_title = "طبيبة أطفال",
      .email = "sara@example.org", .phone = "+971-50-555-0100", .profile_url = "https://amal.example/staff/sara",
      .notes = "First note 🙂\nSecond note, with a comma" },
    { .name = "Noa Levi 🎨", .organization = "סטודיו נועה", .email = "noa@studio.example",
      .phone = "+972 3 555 0123" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_folded (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-folded.vcf", &rejected);
  const Expected expected[] = {
    { .name = "Maximilian Alexander von Hohenberg-Schönfeld", .organization = "Hohenberg Consulting",
      .job_title = "Senior Partner for Strategic Development", .email = "max@hohenberg.example",
      .notes = "Folded note that goes on and on — with “quotes”, a comma, and ünïcödé — until the line must fold." },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_bad_charset (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-bad-charset.vcf", &rejected);
  const Expected expected[] = {
    { .name = "Good One" },
    { .name = "Good Two" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV (
    "Card 2 (“Mystery Person”): its text is in a character set that Rapport does not know, “X-NO-SUCH-CHARSET”",
    "Card 3 (“Jürgen”): some of its text is not valid UTF-8",
    /* the name itself is the bad text: shown as best it can be */
    "Card 4 (“Björk”): some of its text is not valid UTF-8"));
}

static void
test_no_fn (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-no-fn.vcf", &rejected);
  const Expected expected[] = {
    /* "Given Family" from N, without the prefix */
    { .name = "Hiro Nakamura", .email = "hiro@example.jp" },
    { .name = "Carmen Diaz" },
    { .name = "Madonna" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV ("Card 2: no name", "Card 5: no name"));
}

static void
test_truncated (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-truncated.vcf", &rejected);
  const Expected expected[] = {
    { .name = "Whole Card" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV ("Card 2 (“Half Card”): the file ends in the middle of it"));
}

static void
test_utf16 (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_fixture ("vcard-utf16.vcf", &rejected);
  const Expected expected[] = {
    { .name = "Ingrid Bergström", .organization = "Volvo Cars" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_escapes (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_text (
    /* 3.0: every escape; an unknown one is kept */
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\\, B\\; C\\\\D\r\n"
    "NOTE:one\\ntwo\\Nthree\\, \\; \\\\n \\: \\q end\\\r\n"
    "ORG:First\\;Still first;Second\r\nEND:VCARD\r\n"
    /* 2.1: \n is not a line end, \; is a semicolon */
    "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Two\r\nNOTE:C:\\new\\; x\\\\y\r\nORG:Org\\;Inc;Dept\r\nEND:VCARD\r\n",
    &rejected);
  const Expected expected[] = {
    { .name = "A, B; C\\D", .organization = "First;Still first",
      .notes = "one\ntwo\nthree, ; \\n : \\q end\\" },
    { .name = "Two", .organization = "Org;Inc", .notes = "C:\\new; x\\y" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_parameters (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_text (
    "begin:vcard\n"
    "version:4.0\n"
    "fn:lower case\n"
    /* a colon inside a quoted parameter is not the start of the value */
    "EMAIL;TYPE=\"work,x:y\";LABEL=\"a;b:c\":first@example.com\n"
    "EMAIL;PREF=1:mailto:second@example.com\n"
    "TEL;TYPE=home:+1 555 0001\n"
    "TEL;TYPE=\"cell,pref\":+1 555 0002\n"
    "item3.URL;TYPE=work:https://example.com/a\n"
    "URL:https://example.com/b\n"
    "NOTE;ENCODING=b:SGVsbG8sIGJhc2U2NCE=\n"
    "NOTE;LANGUAGE=en:\n"
    "NOTE:  indented\n"
    "X-RAPPORT-FIELD:Health care\n"
    "X-RAPPORT-SOURCE-DETAIL:Met at the fair\n"
    "end:vcard\n"
    /* Windows-1252, Shift JIS and US-ASCII by name */
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=WINDOWS-1252:\x93Quoted\x94 \x80\n"
    "ORG;CHARSET=SHIFT_JIS:\x93\x8c\x8b\x9e\nTITLE;CHARSET=us-ascii:Plain\nEND:VCARD\n",
    &rejected);
  const Expected expected[] = {
    { .name = "lower case", .email = "second@example.com", .phone = "+1 555 0002",
      .profile_url = "https://example.com/a", .notes = "Hello, base64!\n  indented",
      .field = "Health care", .source_detail = "Met at the fair" },
    { .name = "“Quoted” €", .organization = "東京", .job_title = "Plain" },
  };

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, NULL);
}

static void
test_line_ends (void)
{
  const char * const texts[] = {
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n Lee\r\nNOTE:a\\nb\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n Lee\nNOTE:a\\nb\nEND:VCARD\n",
    "BEGIN:VCARD\rVERSION:3.0\rFN:Ann\r Lee\rNOTE:a\\nb\rEND:VCARD\r",
    /* BOM, blank lines and leading junk, no line end at the end */
    "\xEF\xBB\xBF\r\n\r\nsome junk\r\nBEGIN:VCARD\r\n\r\nVERSION:3.0\r\nFN:Ann\r\n\tLee\r\nNOTE:a\\nb\r\nEND:VCARD",
    /* 2.1 quoted-printable with a CRLF inside, soft breaks on LF lines */
    "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:An=\nn Lee\nNOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab\nEND:VCARD\n",
  };
  const Expected expected = { .name = "AnnLee", .notes = "a\nb" };
  const Expected expected_space = { .name = "Ann Lee", .notes = "a\nb" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) rejected = NULL;
      g_autoptr(GPtrArray) contacts = parse_text (texts[i], &rejected);

      g_test_message ("case %u", i);
      /* folding takes one space off: "Ann" + "Lee", unless the space was
       * part of a quoted-printable value */
      assert_contacts (contacts, i == 4 ? &expected_space : &expected, 1);
      assert_rejected (rejected, NULL);
    }
}

static void
test_bad_bytes (void)
{
  static const char text[] =
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=US-ASCII:Caf\xe9\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEMAIL:caf\xc3@example.com\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bad=FF=FEName\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=WINDOWS-1252:\x81;Undefined\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=\"bad name!\":X\nEND:VCARD\n"
    /* a NUL is left out, not the card */
    "BEGIN:VCARD\nVERSION:3.0\nFN:Nul\0l\nEND:VCARD\n";
  const Expected expected[] = { { .name = "Null" } };
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_ok (text, sizeof text - 1, &rejected);

  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  /* the names that cannot be read are shown as Windows-1252 would */
  assert_rejected (rejected, STRV (
    "Card 1 (“Café”): some of its text is not valid US-ASCII",
    "Card 2 (“Ok”): some of its text is not valid UTF-8",
    "Card 3 (“BadÿþName”): some of its text is not valid UTF-8",
    "Card 4 (“Undefined �”): some of its text is not valid WINDOWS-1252",
    "Card 5 (“X”): its text is in a character set that Rapport does not know, “BAD NAME!”"));
}

/* Inputs the fuzzers found, kept as fixtures. */
static void
test_fuzz_regressions (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  const Expected expected[] = {
    { .name = "John Smith", .notes = "Bare parameter\nline two" },
  };

  /* a CHARSET parameter that is not UTF-8 went into the message as it was */
  contacts = parse_fixture ("fuzz-vcard-charset-bytes.vcf", &rejected);
  assert_contacts (contacts, expected, G_N_ELEMENTS (expected));
  assert_rejected (rejected, STRV (
    "Card 1 (“Jürgen Müller”): its text is in a character set that Rapport does not know, "
    "“UTF-8\xEF\xBF\xBD""ENCODING=QUOTED-PRINTABLE”",
    "Card 2 (“Ren=E9e Fran=E7ois”): some of its text is not valid UTF-8"));
  g_clear_pointer (&contacts, g_ptr_array_unref);
  g_clear_pointer (&rejected, g_ptr_array_unref);

  /* an empty quoted-printable value decoded to no bytes at all */
  contacts = parse_fixture ("fuzz-vcard-empty-encoded-value.vcf", &rejected);
  g_assert_cmpuint (contacts->len, ==, 0);
  assert_rejected (rejected, STRV (
    "Card 1: its text is in a character set that Rapport does not know, “U”",
    "Card 2: some of its text is not valid UTF-8",
    "Card 3 (“JoHn Smith”): the file ends in the middle of it"));
  g_clear_pointer (&contacts, g_ptr_array_unref);
  g_clear_pointer (&rejected, g_ptr_array_unref);

  contacts = parse_text ("BEGIN:VCARD\r\nFN:A\r\nNOTE;ENCODING=b;CHARSET=X-NOPE:\r\n"
                         "NOTE;ENCODING=QUOTED-PRINTABLE:\r\nEND:VCARD\r\n", &rejected);
  g_assert_cmpuint (contacts->len, ==, 0);
  assert_rejected (rejected, STRV ("Card 1 (“A”): its text is in a character set that Rapport does not know, “X-NOPE”"));
}

typedef struct
{
  const char *name;
  const char *fixture;   /* or */
  const char *text;
  const char *message_part;
} Malformed;

static const Malformed malformed[] = {
  { "empty", "empty.csv", NULL, "empty" },
  { "blank", "blank.csv", NULL, "empty" },
  { "binary", "binary.bin", NULL, "not a vCard" },
  { "png", "image.png", NULL, "not a vCard" },
  { "icalendar", "vcard-not-vcard.vcf", NULL, "not a vCard" },
  { "csv", "linkedin-0-preamble.csv", NULL, "not a vCard" },
  { "end-only", NULL, "END:VCARD\r\n", "not a vCard" },
  { "begin-other", NULL, "BEGIN:VCARDX\r\nFN:A\r\nEND:VCARDX\r\n", "not a vCard" },
  { "bad-utf16", NULL, "\xFF\xFE" "B\0", "UTF-16" },
};

static void
test_malformed (gconstpointer data)
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
      length = g_str_equal (m->name, "bad-utf16") ? 5 : strlen (m->text);
      bytes = g_memdup2 (m->text, length);
    }

  contacts = rapport_vcard_parse (bytes, length, &rejected, &error);
  g_assert_null (contacts);
  g_assert_null (rejected);
  g_assert_error (error, RAPPORT_VCARD_ERROR, RAPPORT_VCARD_ERROR_INVALID);
  if (strstr (error->message, m->message_part) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, m->message_part);
}

static void
test_all_rejected (void)
{
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = parse_text ("BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", &rejected);

  /* a file of cards, none of them usable: no error, and the reasons */
  g_assert_cmpuint (contacts->len, ==, 0);
  assert_rejected (rejected, STRV ("Card 1: no name"));
}

/* ------------------------------------------------------------------------ *
 * Writing
 * ------------------------------------------------------------------------ */

static RapportContact *
make_contact (const Expected *e)
{
  RapportContact *contact = rapport_contact_new (e->name);

  rapport_contact_set_organization (contact, e->organization);
  rapport_contact_set_job_title (contact, e->job_title);
  rapport_contact_set_email (contact, e->email);
  rapport_contact_set_phone (contact, e->phone);
  rapport_contact_set_profile_url (contact, e->profile_url);
  rapport_contact_set_notes (contact, e->notes);
  rapport_contact_set_field (contact, e->field);
  rapport_contact_set_source_detail (contact, e->source_detail);
  /* not written: the importer says where a file came from */
  rapport_contact_set_source (contact, RAPPORT_SOURCE_ALUMNI);

  return contact;
}

static const Expected tricky[] = {
  { .name = "Zoë “Zee” O'Hara 🙂", .organization = "Acme, Inc.; \"Labs\"", .job_title = "VP, R&D \\ Ops",
    .email = "zoe@example.com", .phone = "+1 (555) 010-0199",
    .profile_url = "https://www.linkedin.com/in/zoe?a=1,b=2;c",
    .notes = "Line one\nLine two, with a comma; and a semicolon\n\n\"quoted\" and a backslash \\n\n"
             "Emoji 👩🏽‍💻🚀 and a long line that must be folded more than once, because it is far, far longer than "
             "seventy-five octets, with ünïcödé at every place: ééééééééééééééééééééééééééééééééééééééé",
    .field = "Health care", .source_detail = "Met at the 2019 reunion; she said, \"call me\"" },
  { .name = "سارة الحسن", .organization = "مستشفى الأمل", .job_title = "طبيبة أطفال",
    .email = "sara@example.org", .notes = "ملاحظة طويلة جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا\nשלום עולם" },
  { .name = "Plain", .notes = "  indented\tnote with a tab\n" },
  { .name = "Schemes", .email = "mailto:x@example.com", .phone = "tel:+1" },
  { .name = "李小龍", .organization = "嘉禾", .notes = "中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文" },
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
  g_autofree char *vcard = NULL;
  const Expected e = {
    .name = "Ann Marie Lee", .organization = "Acme, Inc.", .job_title = "CTO", .email = "ann@acme.example",
    .phone = "555 0100", .profile_url = "https://acme.example/ann", .notes = "a;b\nc",
  };

  g_ptr_array_add (contacts, make_contact (&e));
  g_ptr_array_add (contacts, rapport_contact_new ("Cher"));
  vcard = rapport_vcard_export (contacts);
  g_assert_cmpstr (vcard, ==,
                   "BEGIN:VCARD\r\n"
                   "VERSION:4.0\r\n"
                   "PRODID:-//Rapport//Rapport " PACKAGE_VERSION "//EN\r\n"
                   "FN:Ann Marie Lee\r\n"
                   "N:Lee;Ann Marie;;;\r\n"
                   "ORG:Acme\\, Inc.\r\n"
                   "TITLE:CTO\r\n"
                   "EMAIL:ann@acme.example\r\n"
                   "TEL:555 0100\r\n"
                   "URL:https://acme.example/ann\r\n"
                   "NOTE:a\\;b\\nc\r\n"
                   "END:VCARD\r\n"
                   "BEGIN:VCARD\r\n"
                   "VERSION:4.0\r\n"
                   "PRODID:-//Rapport//Rapport " PACKAGE_VERSION "//EN\r\n"
                   "FN:Cher\r\n"
                   "N:Cher;;;;\r\n"
                   "END:VCARD\r\n");

  g_ptr_array_set_size (contacts, 0);
  g_free (vcard);
  vcard = rapport_vcard_export (contacts);
  g_assert_cmpstr (vcard, ==, "");
}

static void
test_export_folding (void)
{
  g_autoptr(GPtrArray) contacts = make_tricky_contacts ();
  g_autofree char *vcard = rapport_vcard_export (contacts);
  g_auto(GStrv) lines = NULL;
  guint n_folded = 0;

  g_assert_true (g_utf8_validate (vcard, -1, NULL));
  g_assert_true (g_str_has_suffix (vcard, "\r\n"));
  /* CRLF everywhere: no LF without its CR */
  for (const char *p = strchr (vcard, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  lines = g_strsplit (vcard, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* each line holds whole characters */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\r'));
      if (lines[i][0] == ' ')
        n_folded++;
    }
  g_assert_cmpuint (n_folded, >=, 6);
}

static void
assert_round_trip (GPtrArray *copies)
{
  g_assert_cmpuint (copies->len, ==, G_N_ELEMENTS (tricky));
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    assert_contact (g_ptr_array_index (copies, i), &tricky[i]);
}

static void
test_export_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = make_tricky_contacts ();
  g_autofree char *vcard = rapport_vcard_export (contacts);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) copies = parse_ok (vcard, strlen (vcard), &rejected);
  g_autofree char *again = NULL;

  assert_round_trip (copies);
  assert_rejected (rejected, NULL);

  /* and once more: writing what was read gives the same file */
  again = rapport_vcard_export (copies);
  g_assert_cmpstr (again, ==, vcard);
}

static void
test_import_export_round_trip (void)
{
  const char * const fixtures[] = {
    "vcard-21-qp.vcf", "vcard-30-google.vcf", "vcard-30-apple.vcf", "vcard-40.vcf", "vcard-folded.vcf",
    "vcard-no-fn.vcf", "vcard-utf16.vcf",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(GPtrArray) contacts = parse_fixture (fixtures[f], NULL);
      g_autofree char *vcard = rapport_vcard_export (contacts);
      g_autoptr(GPtrArray) rejected = NULL;
      g_autoptr(GPtrArray) copies = parse_ok (vcard, strlen (vcard), &rejected);

      g_assert_cmpuint (copies->len, ==, contacts->len);
      assert_rejected (rejected, NULL);
      for (guint i = 0; i < contacts->len; i++)
        {
          RapportContact *a = g_ptr_array_index (contacts, i);
          RapportContact *b = g_ptr_array_index (copies, i);
          const char * const properties[] = {
            "name", "organization", "job-title", "email", "phone", "profile-url", "notes", "field", "source-detail",
          };

          for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
            {
              g_autofree char *before = NULL;
              g_autofree char *after = NULL;

              g_object_get (a, properties[p], &before, NULL);
              g_object_get (b, properties[p], &after, NULL);
              g_assert_cmpstr (before, ==, after);
            }
        }
    }
}

/* Prints each card's fields as "key hex-of-UTF-8" lines, so that no
 * quoting or encoding stands between vobject's reading and ours. */
static const char vobject_script[] =
  "import sys\n"
  "try:\n"
  "    import vobject\n"
  "except ImportError as e:\n"
  "    print('cannot import vobject: %s' % e)\n"
  "    sys.exit(3)\n"
  "data = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
  "for card in vobject.readComponents(data, validate=True):\n"
  "    print('CARD')\n"
  "    for key in ('version', 'fn', 'org', 'title', 'email', 'tel', 'url', 'note',\n"
  "                'x-rapport-field', 'x-rapport-source-detail'):\n"
  "        for item in card.contents.get(key, []):\n"
  "            value = item.value\n"
  "            if isinstance(value, list):\n"
  "                value = value[0] if value else ''\n"
  "            print(key, value.encode('utf-8').hex())\n"
  "    for item in card.contents.get('n', []):\n"
  "        name = ' '.join(p for p in (item.value.given, item.value.family) if p)\n"
  "        print('n', name.encode('utf-8').hex())\n";

static char *
unhex (const char *hex)
{
  gsize length = strlen (hex);
  GString *out = g_string_sized_new (length / 2);

  g_assert_cmpuint (length % 2, ==, 0);
  for (gsize i = 0; i < length; i += 2)
    {
      int high = g_ascii_xdigit_value (hex[i]);
      int low = g_ascii_xdigit_value (hex[i + 1]);

      g_assert_cmpint (high, >=, 0);
      g_assert_cmpint (low, >=, 0);
      g_string_append_c (out, (char)(high * 16 + low));
    }

  return g_string_free (out, FALSE);
}

static void
test_export_vobject (void)
{
  g_autoptr(GPtrArray) contacts = make_tricky_contacts ();
  g_autofree char *vcard = rapport_vcard_export (contacts);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-vcard-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  const char *argv[] = { PYTHON, "-c", vobject_script, NULL, NULL };
  int wait_status = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "export.vcf", NULL);
  g_file_set_contents (path, vcard, -1, &error);
  g_assert_no_error (error);
  argv[3] = path;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error))
    {
      g_test_fail_printf ("Cannot run %s to check the export with an independent reader (%s). "
                          "Install python3 and python3-vobject: apt-get install python3-vobject",
                          PYTHON, error->message);
      goto out;
    }

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_test_fail_printf ("python3-vobject could not read the export (%s). %s"
                          "If it is missing, install it: apt-get install python3-vobject\n%s%s",
                          error->message,
                          g_error_matches (error, G_SPAWN_EXIT_ERROR, 3) ? "It is not installed. " : "",
                          out, err);
      goto out;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*lines[i] == '\0')
        continue;
      if (g_str_equal (lines[i], "CARD"))
        {
          g_ptr_array_add (cards, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
          continue;
        }

      parts = g_strsplit (lines[i], " ", 2);
      g_assert_nonnull (parts[1]);
      g_assert_cmpuint (cards->len, >, 0);
      /* each property once */
      g_assert_false (g_hash_table_contains (g_ptr_array_index (cards, cards->len - 1), parts[0]));
      g_hash_table_insert (g_ptr_array_index (cards, cards->len - 1), g_strdup (parts[0]), unhex (parts[1]));
    }

  g_assert_cmpuint (cards->len, ==, G_N_ELEMENTS (tricky));
  for (guint i = 0; i < cards->len; i++)
    {
      GHashTable *card = g_ptr_array_index (cards, i);
      const Expected *e = &tricky[i];

#define CHECK(key, member) \
      g_assert_cmpstr (g_hash_table_lookup (card, key), ==, e->member != NULL && *e->member != '\0' ? e->member : NULL)
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;

      /* a value that starts like the scheme that Rapport takes off is
       * written with it, "mailto:mailto:…", and vobject keeps it all */
      if (e->email != NULL && g_str_has_prefix (e->email, "mailto:"))
        email = g_strconcat ("mailto:", e->email, NULL);
      else
        email = g_strdup (e->email);
      if (e->phone != NULL && g_str_has_prefix (e->phone, "tel:"))
        phone = g_strconcat ("tel:", e->phone, NULL);
      else
        phone = g_strdup (e->phone);

      g_assert_cmpstr (g_hash_table_lookup (card, "version"), ==, "4.0");
      CHECK ("fn", name);
      /* N splits the name at its last space, and vobject joins it back */
      CHECK ("n", name);
      CHECK ("org", organization);
      CHECK ("title", job_title);
      g_assert_cmpstr (g_hash_table_lookup (card, "email"), ==, email);
      g_assert_cmpstr (g_hash_table_lookup (card, "tel"), ==, phone);
      CHECK ("url", profile_url);
      CHECK ("note", notes);
      CHECK ("x-rapport-field", field);
      CHECK ("x-rapport-source-detail", source_detail);
#undef CHECK
    }

out:
  if (path != NULL)
    g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ *
 * Whatever the fuzzers found, and every fixture: a result or an error
 * ------------------------------------------------------------------------ */

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
      g_autofree char *vcard = NULL;
      g_autoptr(GPtrArray) copies = NULL;
      g_autoptr(GPtrArray) copies_rejected = NULL;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      contacts = rapport_vcard_parse (data, length, &rejected, &error);
      if (contacts == NULL)
        {
          g_assert_error (error, RAPPORT_VCARD_ERROR, RAPPORT_VCARD_ERROR_INVALID);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_null (rejected);
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (rejected);
      for (guint r = 0; r < rejected->len; r++)
        {
          g_assert_true (g_str_has_prefix (g_ptr_array_index (rejected, r), "Card "));
          g_assert_true (g_utf8_validate (g_ptr_array_index (rejected, r), -1, NULL));
        }
      for (guint c = 0; c < contacts->len; c++)
        {
          RapportContact *contact = g_ptr_array_index (contacts, c);

          g_assert_cmpstr (rapport_contact_get_name (contact), !=, "");
          g_assert_true (g_utf8_validate (rapport_contact_get_notes (contact), -1, NULL));
        }

      if (contacts->len == 0)
        continue;

      /* what was read is written and read back the same */
      vcard = rapport_vcard_export (contacts);
      copies = parse_ok (vcard, strlen (vcard), &copies_rejected);
      g_assert_cmpuint (copies->len, ==, contacts->len);
      g_assert_cmpuint (copies_rejected->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/read/2.1-quoted-printable", test_21_quoted_printable);
  g_test_add_func ("/vcard/read/3.0-google", test_30_google);
  g_test_add_func ("/vcard/read/3.0-apple", test_30_apple);
  g_test_add_func ("/vcard/read/4.0", test_40);
  g_test_add_func ("/vcard/read/folded", test_folded);
  g_test_add_func ("/vcard/read/bad-charset", test_bad_charset);
  g_test_add_func ("/vcard/read/no-fn", test_no_fn);
  g_test_add_func ("/vcard/read/truncated", test_truncated);
  g_test_add_func ("/vcard/read/utf16", test_utf16);
  g_test_add_func ("/vcard/read/escapes", test_escapes);
  g_test_add_func ("/vcard/read/parameters", test_parameters);
  g_test_add_func ("/vcard/read/line-ends", test_line_ends);
  g_test_add_func ("/vcard/read/bad-bytes", test_bad_bytes);
  g_test_add_func ("/vcard/read/all-rejected", test_all_rejected);
  g_test_add_func ("/vcard/read/fuzz-regressions", test_fuzz_regressions);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strconcat ("/vcard/malformed/", malformed[i].name, NULL);

      g_test_add_data_func (path, &malformed[i], test_malformed);
    }

  g_test_add_func ("/vcard/export/format", test_export_format);
  g_test_add_func ("/vcard/export/folding", test_export_folding);
  g_test_add_func ("/vcard/export/round-trip", test_export_round_trip);
  g_test_add_func ("/vcard/export/import-round-trip", test_import_export_round_trip);
  g_test_add_func ("/vcard/export/vobject", test_export_vobject);

  g_test_add_func ("/vcard/corpus", test_corpus);

  return g_test_run ();
}
