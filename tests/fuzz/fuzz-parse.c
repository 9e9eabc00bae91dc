/* fuzz-parse.c: the parsers of what people type (core/loadwise-parse.h)
 *
 * The first byte picks the parser, the rest is the text. A parser must
 * either succeed with a value inside its range, or fail with an error
 * whose message is valid UTF-8 and names the field, whatever the bytes.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-target.h"

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

#define FIELD "--field"

static void
check_failure (gboolean ok,
               GError   *error)
{
  if (ok)
    {
      g_assert (error == NULL);
      return;
    }
  g_assert (error != NULL);
  g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
  g_assert (g_utf8_validate (error->message, -1, NULL));
  g_assert (g_str_has_prefix (error->message, FIELD ": "));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  fuzz_target_init ();
  if (size < 1)
    return 0;
  /* The CLI gets C strings: stop at the first NUL, as argv would. */
  text = g_strndup ((const char *) data + 1, size - 1);

  switch (data[0] % 6)
    {
    case 0:
      {
        gint64 value = 0;

        ok = loadwise_parse_int (FIELD, text, -5, 999, &value, &error);
        check_failure (ok, error);
        g_assert (!ok || (value >= -5 && value <= 999));
      }
      break;
    case 1:
      {
        double value = 0;

        ok = loadwise_parse_double (FIELD, text, 0, TRUE, 500, &value, &error);
        check_failure (ok, error);
        g_assert (!ok || (value > 0 && value <= 500));
      }
      break;
    case 2:
      {
        GDate date;

        g_date_clear (&date, 1);
        ok = loadwise_parse_date (FIELD, text, &date, &error);
        check_failure (ok, error);
        if (ok)
          {
            g_autofree char *iso = NULL;

            g_assert (g_date_valid (&date));
            iso = loadwise_date_to_iso (&date);
            g_assert (strcmp (iso, text) == 0);
          }
      }
      break;
    case 3:
      {
        guint8 mask = 0;

        ok = loadwise_parse_weekdays (FIELD, text, 2, 3, &mask, &error);
        check_failure (ok, error);
        g_assert (!ok || (g_bit_nth_lsf (mask, -1) >= 0 && __builtin_popcount (mask) >= 2
                          && __builtin_popcount (mask) <= 3 && (mask & 0x80) == 0));
      }
      break;
    case 4:
      {
        guint seconds = 0;

        ok = loadwise_parse_duration (FIELD, text, &seconds, &error);
        check_failure (ok, error);
        g_assert (!ok || (seconds > 0 && seconds <= 24 * 3600));
      }
      break;
    default:
      {
        guint minutes = 0;

        ok = loadwise_parse_time_of_day (FIELD, text, &minutes, &error);
        check_failure (ok, error);
        g_assert (!ok || minutes < 24 * 60);
      }
      break;
    }
  return 0;
}
