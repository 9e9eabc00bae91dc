/* fuzz-import.c: the JSON backup's reader on any bytes
 *
 * loadwise_json_backup_to_dataset() parses and validates a whole backup
 * without a database. It must refuse what is not a consistent backup with
 * an error (LOADWISE_ERROR_INVALID_INPUT, a valid UTF-8 message), never
 * crash, warn or leak; and what it accepts must come back the same through
 * the writer: written out, read again, written out again, byte for byte.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-target.h"

#include "core/loadwise-error.h"
#include "report/loadwise-json-backup.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (LoadwiseDataset) again = NULL;
  g_autoptr (GDateTime) stamp = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0, second_length = 0;

  fuzz_target_init ();

  dataset = loadwise_json_backup_to_dataset ((const char *) data, (gssize) size, &error);
  if (dataset == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);
  g_assert (loadwise_dataset_validate (dataset, NULL));

  stamp = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  first = loadwise_json_backup_from_dataset (dataset, stamp, &first_length);
  again = loadwise_json_backup_to_dataset (first, (gssize) first_length, &error);
  g_assert_no_error (error);
  second = loadwise_json_backup_from_dataset (again, stamp, &second_length);
  g_assert (first_length == second_length);
  g_assert (memcmp (first, second, first_length) == 0);
  return 0;
}
