/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: LinkedIn's Connections.csv and generic CSV tables. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
fuzz_linkedin (const char *data,
               size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = rapport_linkedin_parse (data, size, &rejected, &error);

  if (contacts == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == RAPPORT_CSV_ERROR, "no contacts and no error");
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "the error is not UTF-8");
      FUZZ_CHECK (rejected == NULL, "rejections with an error");
      return;
    }

  FUZZ_CHECK (error == NULL, "contacts and an error");
  fuzz_check_contacts (contacts);
  fuzz_check_messages (rejected, "Line ");
  for (guint i = 0; i < contacts->len; i++)
    FUZZ_CHECK (rapport_contact_get_source (g_ptr_array_index (contacts, i)) == RAPPORT_SOURCE_LINKEDIN,
                "not from LinkedIn");
  fuzz_check_round_trips (contacts);
}

static void
fuzz_table (const char *data,
            size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCsvTable) table = rapport_csv_read_table (data, size, &error);
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  int mapping[RAPPORT_CSV_N_FIELDS];
  guint n_columns;

  if (table == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == RAPPORT_CSV_ERROR, "no table and no error");
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "the error is not UTF-8");
      return;
    }

  n_columns = rapport_csv_table_get_n_columns (table);
  FUZZ_CHECK (n_columns > 0, "a table without columns");
  for (guint column = 0; column <= n_columns; column++)
    FUZZ_CHECK (g_utf8_validate (rapport_csv_table_get_header (table, column), -1, NULL), "header not UTF-8");
  for (guint row = 0; row < rapport_csv_table_get_n_rows (table); row++)
    {
      FUZZ_CHECK (rapport_csv_table_get_line (table, row) >= 2, "row %u on line %u", row,
                  rapport_csv_table_get_line (table, row));
      for (guint column = 0; column <= n_columns; column++)
        FUZZ_CHECK (g_utf8_validate (rapport_csv_table_get_cell (table, row, column), -1, NULL), "cell not UTF-8");
    }

  rapport_csv_guess_mapping (table, mapping);
  for (int f = 0; f < RAPPORT_CSV_N_FIELDS; f++)
    FUZZ_CHECK (mapping[f] >= -1 && mapping[f] < (int)n_columns, "field %d in column %d", f, mapping[f]);

  /* a mapping that uses every column, so that every cell is read */
  if (mapping[RAPPORT_CSV_FIELD_NAME] < 0)
    mapping[RAPPORT_CSV_FIELD_NAME] = 0;
  if (mapping[RAPPORT_CSV_FIELD_NOTES] < 0)
    mapping[RAPPORT_CSV_FIELD_NOTES] = (int)n_columns - 1;
  if (mapping[RAPPORT_CSV_FIELD_SOURCE] < 0)
    mapping[RAPPORT_CSV_FIELD_SOURCE] = (int)(n_columns / 2);

  contacts = rapport_csv_contacts_from_table (table, mapping, &rejected);
  FUZZ_CHECK (contacts != NULL && rejected != NULL, "no contacts");
  FUZZ_CHECK (contacts->len + rejected->len == rapport_csv_table_get_n_rows (table), "rows lost");
  fuzz_check_contacts (contacts);
  fuzz_check_messages (rejected, "Line ");
  fuzz_check_round_trips (contacts);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_linkedin ((const char *)data, size);
  fuzz_table ((const char *)data, size);
  return 0;
}
