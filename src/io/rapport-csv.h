/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-contact.h"

G_BEGIN_DECLS

#define RAPPORT_CSV_ERROR (rapport_csv_error_quark ())

typedef enum {
  /* not text, or text that cannot be read as CSV (an unclosed quote) */
  RAPPORT_CSV_ERROR_INVALID,
  /* text, but without the header row the reader needs */
  RAPPORT_CSV_ERROR_NO_HEADER,
} RapportCsvError;

/* What a column of a CSV file can hold: the contact fields, plus first and
 * last name for files that split the name in two. A mapping is an array of
 * RAPPORT_CSV_N_FIELDS column indexes, indexed by these values, with -1 for
 * a field that no column holds. */
typedef enum {
  RAPPORT_CSV_FIELD_NAME,
  RAPPORT_CSV_FIELD_FIRST_NAME,
  RAPPORT_CSV_FIELD_LAST_NAME,
  RAPPORT_CSV_FIELD_ORGANIZATION,
  RAPPORT_CSV_FIELD_JOB_TITLE,
  RAPPORT_CSV_FIELD_FIELD,
  RAPPORT_CSV_FIELD_EMAIL,
  RAPPORT_CSV_FIELD_PHONE,
  RAPPORT_CSV_FIELD_PROFILE_URL,
  RAPPORT_CSV_FIELD_SOURCE,
  RAPPORT_CSV_FIELD_SOURCE_DETAIL,
  RAPPORT_CSV_FIELD_NOTES,
} RapportCsvField;
#define RAPPORT_CSV_N_FIELDS (RAPPORT_CSV_FIELD_NOTES + 1)

typedef struct _RapportCsvTable RapportCsvTable;

#define RAPPORT_TYPE_CSV_TABLE (rapport_csv_table_get_type ())

GQuark           rapport_csv_error_quark         (void);
GType            rapport_csv_table_get_type      (void) G_GNUC_CONST;

const char      *rapport_csv_field_get_label     (RapportCsvField   field);

RapportCsvTable *rapport_csv_read_table          (const char       *data,
                                                  gsize             length,
                                                  GError          **error);
RapportCsvTable *rapport_csv_table_ref           (RapportCsvTable  *table);
void             rapport_csv_table_unref         (RapportCsvTable  *table);
guint            rapport_csv_table_get_n_columns (RapportCsvTable  *table);
guint            rapport_csv_table_get_n_rows    (RapportCsvTable  *table);
char             rapport_csv_table_get_delimiter (RapportCsvTable  *table);
const char      *rapport_csv_table_get_header    (RapportCsvTable  *table,
                                                  guint             column);
const char      *rapport_csv_table_get_cell      (RapportCsvTable  *table,
                                                  guint             row,
                                                  guint             column);
guint            rapport_csv_table_get_line      (RapportCsvTable  *table,
                                                  guint             row);

gboolean         rapport_csv_guess_mapping       (RapportCsvTable  *table,
                                                  int              *column_for_field);
GPtrArray       *rapport_csv_contacts_from_table (RapportCsvTable  *table,
                                                  const int        *column_for_field,
                                                  GPtrArray       **rejected);

GPtrArray       *rapport_linkedin_parse          (const char       *data,
                                                  gsize             length,
                                                  GPtrArray       **rejected,
                                                  GError          **error);

char            *rapport_csv_export_contacts     (GPtrArray        *contacts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvTable, rapport_csv_table_unref)

G_END_DECLS
