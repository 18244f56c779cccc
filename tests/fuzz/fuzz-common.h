/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What both fuzz targets check besides "no crash, no leak, no UB": that
 * what the parsers return is sane, and that writing it out and reading it
 * back gives the same contacts. A broken invariant aborts, which libFuzzer
 * reports as a crash and saves the input under tests/fuzz/crashes/. */

#include <stdio.h>
#include <stdlib.h>

#include "rapport-csv.h"
#include "rapport-vcard.h"

#define FUZZ_CHECK(condition, ...)                                        \
  G_STMT_START {                                                          \
    if (!(condition))                                                     \
      {                                                                   \
        fprintf (stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, \
                 #condition);                                             \
        fprintf (stderr, __VA_ARGS__);                                    \
        fputc ('\n', stderr);                                             \
        abort ();                                                         \
      }                                                                   \
  } G_STMT_END

static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        data)
{
  /* debug messages (a LinkedIn date that is not one) are expected */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain != NULL ? domain : "", message);
      abort ();
    }
}

static inline void
fuzz_init (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static const char * const fuzz_text_properties[] = {
  "name", "organization", "job-title", "field", "email", "phone", "profile-url",
  "source-detail", "notes",
};

/* Every contact has a name, and all its text is valid UTF-8 without
 * control characters other than line ends and tabs in the notes. */
static inline void
fuzz_check_contacts (GPtrArray *contacts)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      FUZZ_CHECK (RAPPORT_IS_CONTACT (contact), "not a contact");
      FUZZ_CHECK (*rapport_contact_get_name (contact) != '\0', "contact %u has no name", i);

      for (guint p = 0; p < G_N_ELEMENTS (fuzz_text_properties); p++)
        {
          g_autofree char *value = NULL;
          gboolean is_notes = g_str_equal (fuzz_text_properties[p], "notes");

          g_object_get (contact, fuzz_text_properties[p], &value, NULL);
          FUZZ_CHECK (g_utf8_validate (value, -1, NULL), "%s is not UTF-8", fuzz_text_properties[p]);
          for (const char *c = value; *c != '\0'; c++)
            FUZZ_CHECK ((guchar)*c >= 0x20 || (is_notes && (*c == '\n' || *c == '\t')),
                        "%s holds control character %02x", fuzz_text_properties[p], (guchar)*c);
        }
    }
}

static inline void
fuzz_check_messages (GPtrArray  *messages,
                     const char *prefix)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      FUZZ_CHECK (g_utf8_validate (message, -1, NULL), "message %u is not UTF-8", i);
      FUZZ_CHECK (g_str_has_prefix (message, prefix), "“%s” does not start with %s", message, prefix);
    }
}

static inline void
fuzz_check_same (GPtrArray  *before,
                 GPtrArray  *after,
                 gboolean    same_source,
                 const char *how)
{
  FUZZ_CHECK (after->len == before->len, "%s: %u contacts became %u", how, before->len, after->len);

  for (guint i = 0; i < before->len; i++)
    {
      RapportContact *a = g_ptr_array_index (before, i);
      RapportContact *b = g_ptr_array_index (after, i);

      for (guint p = 0; p < G_N_ELEMENTS (fuzz_text_properties); p++)
        {
          g_autofree char *x = NULL;
          g_autofree char *y = NULL;

          g_object_get (a, fuzz_text_properties[p], &x, NULL);
          g_object_get (b, fuzz_text_properties[p], &y, NULL);
          FUZZ_CHECK (g_str_equal (x, y), "%s: contact %u's %s “%s” came back as “%s”",
                      how, i, fuzz_text_properties[p], x, y);
        }

      if (same_source)
        FUZZ_CHECK (rapport_contact_get_source (a) == rapport_contact_get_source (b),
                    "%s: contact %u's source changed", how, i);
    }
}

/* Contacts → CSV → table → contacts, and contacts → vCard → contacts. */
static inline void
fuzz_check_round_trips (GPtrArray *contacts)
{
  g_autofree char *csv = rapport_csv_export_contacts (contacts);
  g_autofree char *vcard = rapport_vcard_export (contacts);
  g_autofree char *vcard_again = NULL;
  g_autoptr(RapportCsvTable) table = NULL;
  g_autoptr(GPtrArray) from_csv = NULL;
  g_autoptr(GPtrArray) from_vcard = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GError) error = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];

  table = rapport_csv_read_table (csv, strlen (csv), &error);
  FUZZ_CHECK (table != NULL, "the CSV export cannot be read: %s", error->message);
  FUZZ_CHECK (rapport_csv_guess_mapping (table, mapping), "the CSV export's header is not recognised");
  from_csv = rapport_csv_contacts_from_table (table, mapping, &rejected);
  FUZZ_CHECK (rejected->len == 0, "the CSV export lost a row: %s", (char *)g_ptr_array_index (rejected, 0));
  fuzz_check_same (contacts, from_csv, TRUE, "CSV");
  g_clear_pointer (&rejected, g_ptr_array_unref);

  if (contacts->len == 0)
    return;

  from_vcard = rapport_vcard_parse (vcard, strlen (vcard), &rejected, &error);
  FUZZ_CHECK (from_vcard != NULL, "the vCard export cannot be read: %s", error->message);
  FUZZ_CHECK (rejected->len == 0, "the vCard export lost a card: %s", (char *)g_ptr_array_index (rejected, 0));
  fuzz_check_same (contacts, from_vcard, FALSE, "vCard");

  vcard_again = rapport_vcard_export (from_vcard);
  FUZZ_CHECK (g_str_equal (vcard, vcard_again), "the vCard export changed on a second round");

  for (const char *line = vcard; *line != '\0';)
    {
      const char *end = strstr (line, "\r\n");

      FUZZ_CHECK (end != NULL, "the vCard export has a line without CRLF");
      FUZZ_CHECK (end - line <= 75, "the vCard export has a line of %d octets", (int)(end - line));
      FUZZ_CHECK (g_utf8_validate (line, end - line, NULL), "the vCard export folds inside a character");
      line = end + 2;
    }
}
