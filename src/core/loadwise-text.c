/* loadwise-text.c: the one check for every piece of free text people type
 *
 * Free text ends up in a terminal (loadwise-cli runs), in CSV and
 * iCalendar exports and in the clinician's PDF. An escape sequence there
 * recolours a terminal, a name of spaces or zero-width characters looks
 * like no name and cannot be told apart from another, and a note of
 * 131,000 characters fills a page of the report. So every such text is
 * checked here, once, for whoever stores it.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-text.h"

guint
loadwise_text_get_max_chars (LoadwiseTextKind kind)
{
  switch (kind)
    {
    case LOADWISE_TEXT_NOTE:
      return LOADWISE_NOTE_MAX_CHARS;
    case LOADWISE_TEXT_SKIP_REASON:
      return LOADWISE_SKIP_REASON_MAX_CHARS;
    case LOADWISE_TEXT_NAME:
      return LOADWISE_NAME_MAX_CHARS;
    default:
      g_return_val_if_reached (0);
    }
}

/* Trimmed at either end: whitespace, and the zero-width spaces and joiners
 * that nobody types on purpose there (a BOM pasted from a file, say). */
static gboolean
is_trimmed (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}

/* Something that shows: not whitespace, not zero-width (combining marks
 * alone, ZWSP, joiners), not a format or control character, and not one
 * of the blank letters that render as nothing (Hangul fillers, the blank
 * Braille pattern). */
static gboolean
is_visible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return FALSE;
    default:
      break;
    }
  if (g_unichar_isspace (c) || g_unichar_iszerowidth (c))
    return FALSE;
  return c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
}

/* @text without what is_trimmed() takes off either end; @text is valid. */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_trimmed (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_trimmed (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  return g_strndup (start, (gsize) (end - start));
}

/* Windows line ends as typed or pasted in a note: one "\n" each. */
static char *
unify_line_ends (const char *text)
{
  GString *unified = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (unified, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (unified, *p);
    }
  return g_string_free (unified, FALSE);
}

char *
loadwise_text_normalize (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  trimmed = trim (text);
  return g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
}

gboolean
loadwise_text_validate (const char        *field,
                        const char        *text,
                        gssize             length,
                        LoadwiseTextKind   kind,
                        char             **out_text,
                        GError           **error)
{
  gboolean multi_line = kind == LOADWISE_TEXT_NOTE;
  guint max_chars = loadwise_text_get_max_chars (kind);
  g_autofree char *unified = NULL;
  g_autofree char *cleaned = NULL;
  gboolean visible = FALSE;
  glong n_chars;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (kind <= LOADWISE_TEXT_NAME, FALSE);

  if (text == NULL)
    {
      text = "";
      length = 0;
    }
  if (length < 0)
    length = (gssize) strlen (text);

  /* A NUL ends the text for C and for SQLite: what follows would be lost. */
  if (memchr (text, '\0', (gsize) length) != NULL)
    return loadwise_error_invalid (error, _("%s: the text contains a NUL character"), field);
  if (!g_utf8_validate (text, length, NULL))
    return loadwise_error_invalid (error, _("%s: the text is not valid UTF-8"), field);

  if (length == 0 && kind == LOADWISE_TEXT_NAME)
    return loadwise_error_invalid (error, _("%s: must not be empty"), field);

  {
    g_autofree char *copy = g_strndup (text, (gsize) length);
    g_autofree char *trimmed = NULL;

    unified = multi_line ? unify_line_ends (copy) : g_steal_pointer (&copy);
    trimmed = trim (unified);
    cleaned = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  }

  for (const char *p = cleaned; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (multi_line && (c == '\n' || c == '\t'))
        continue;
      if (type == G_UNICODE_CONTROL ||
          (!multi_line && (type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)))
        {
          if (multi_line)
            /* Translators: "--note: U+001B is a control character; only text, line breaks and tabs are allowed" */
            return loadwise_error_invalid (error, _("%s: U+%04X is a control character; only text, line breaks and tabs are allowed"),
                                           field, c);
          /* Translators: "--reason: U+000A is a control character; only one line of text is allowed" */
          return loadwise_error_invalid (error, _("%s: U+%04X is a control character; only one line of text is allowed"),
                                         field, c);
        }
      visible = visible || is_visible (c);
    }

  n_chars = g_utf8_strlen (cleaned, -1);
  if (n_chars > (glong) max_chars)
    /* Translators: "--note: 131000 characters is more than the 1000 allowed";
     * the plural follows the number allowed. */
    return loadwise_error_invalid (error, g_dngettext (GETTEXT_PACKAGE,
                                                       "%s: %ld characters is more than the %u allowed",
                                                       "%s: %ld characters is more than the %u allowed", max_chars),
                                   field, n_chars, max_chars);

  /* Spaces, zero-width spaces or joiners alone look like nothing: refused
   * in a name; in a note or a reason, what trims to nothing is no text. */
  if (!visible && (kind == LOADWISE_TEXT_NAME || *cleaned != '\0'))
    return loadwise_error_invalid (error, _("%s: the text has no visible character (only spaces or invisible ones)"),
                                   field);

  if (out_text != NULL)
    *out_text = g_steal_pointer (&cleaned);
  return TRUE;
}
