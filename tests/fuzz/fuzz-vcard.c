/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: vCard 2.1, 3.0 and 4.0 files. */
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(GPtrArray) contacts = rapport_vcard_parse ((const char *)data, size, &rejected, &error);

  if (contacts == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == RAPPORT_VCARD_ERROR, "no contacts and no error");
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "the error is not UTF-8");
      FUZZ_CHECK (rejected == NULL, "rejections with an error");
      return 0;
    }

  FUZZ_CHECK (error == NULL, "contacts and an error");
  fuzz_check_contacts (contacts);
  fuzz_check_messages (rejected, "Card ");
  for (guint i = 0; i < contacts->len; i++)
    FUZZ_CHECK (rapport_contact_get_source (g_ptr_array_index (contacts, i)) == RAPPORT_SOURCE_OTHER,
                "a source was set");
  fuzz_check_round_trips (contacts);

  return 0;
}
