/* fuzz-text.c: the free-text validator (core/loadwise-text.h)
 *
 * The first byte picks the kind, the rest is the text with its length,
 * NULs included (an imported file's strings can hold them). Whatever the
 * bytes, the validator either refuses with a valid UTF-8 message that
 * names the field, or gives back text that keeps every promise of
 * loadwise-text.h, and that it would take again unchanged.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz-target.h"

#include "core/loadwise-error.h"
#include "core/loadwise-text.h"

#define FIELD "--field"

static void
check_clean (const char       *clean,
             LoadwiseTextKind  kind)
{
  g_autofree char *again = NULL;
  gboolean visible = FALSE;

  g_assert (g_utf8_validate (clean, -1, NULL));
  g_assert ((guint) g_utf8_strlen (clean, -1) <= loadwise_text_get_max_chars (kind));
  if (*clean != '\0')
    {
      g_assert (!g_unichar_isspace (g_utf8_get_char (clean)));
      g_assert (!g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (clean + strlen (clean)))));
    }
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        g_assert (kind == LOADWISE_TEXT_NOTE && (c == '\n' || c == '\t'));
      visible = visible || !(g_unichar_isspace (c) || g_unichar_iszerowidth (c));
    }
  /* A name has something to see; an optional text is empty or does too. */
  g_assert (visible || (kind != LOADWISE_TEXT_NAME && *clean == '\0'));

  /* What is stored passes again, as it is. */
  g_assert (loadwise_text_validate (FIELD, clean, -1, kind, &again, NULL));
  g_assert (strcmp (again, clean) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *clean = NULL;
  LoadwiseTextKind kind;

  fuzz_target_init ();
  if (size < 1)
    return 0;
  kind = (LoadwiseTextKind) (data[0] % 3);

  if (loadwise_text_validate (FIELD, (const char *) data + 1, (gssize) size - 1, kind, &clean, &error))
    {
      g_assert (error == NULL);
      check_clean (clean, kind);
      return 0;
    }
  g_assert (clean == NULL);
  g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
  g_assert (g_utf8_validate (error->message, -1, NULL));
  g_assert (g_str_has_prefix (error->message, FIELD ": "));
  return 0;
}
