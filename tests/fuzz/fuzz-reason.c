/* fuzz-reason.c: the parser of a decision's stored reason
 * (core/loadwise-reason.h)
 *
 * Whatever the bytes, loadwise_reason_parse() either fails with an error
 * whose message is valid UTF-8 and starts with a field's key, or gives a
 * value that serializes to a text reading back to the same value, and
 * renders without a warning.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-target.h"

#include "core/loadwise-error.h"
#include "core/loadwise-reason.h"

static const char * const fields[] = {
  "reason", "version", "k", "f", "d", "from", "l", "c", "unit", "rev",
  "pct", "need", "pain", "safe", "max", "am", "bl", "tgt", "wk", "mean",
};

static gboolean
names_a_field (const char *message)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_has_prefix (message, fields[i]) && g_str_has_prefix (message + strlen (fields[i]), ": "))
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  LoadwiseReason reason;

  fuzz_target_init ();
  /* The store hands over C strings: stop at the first NUL. */
  text = g_strndup ((const char *) data, size);

  if (!loadwise_reason_parse (text, &reason, &error))
    {
      g_assert (error != NULL);
      g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (names_a_field (error->message));
      return 0;
    }

  g_assert (error == NULL);
  {
    g_autofree char *stored = loadwise_reason_serialize (&reason);
    g_autofree char *again = NULL;
    g_autofree char *rendered = loadwise_reason_to_string (&reason);
    g_autofree char *details = loadwise_reason_details_to_string (&reason);
    LoadwiseReason back;

    /* A parsed value is already in its canonical, trimmed form. */
    {
      LoadwiseReason trimmed = reason;

      loadwise_reason_trim (&trimmed);
      g_assert (loadwise_reason_equal (&trimmed, &reason));
    }
    g_assert (loadwise_reason_parse (stored, &back, NULL));
    g_assert (loadwise_reason_equal (&back, &reason));
    again = loadwise_reason_serialize (&back);
    g_assert (strcmp (again, stored) == 0);
    g_assert (rendered != NULL && g_utf8_validate (rendered, -1, NULL));
    g_assert (details != NULL && g_utf8_validate (details, -1, NULL));
  }
  return 0;
}
