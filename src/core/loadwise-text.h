/* loadwise-text.h: the one check for every piece of free text people type
 *
 * Session notes, skip reasons, run notes and shoe names all go through
 * loadwise_text_validate(): in the store's writes (so the app, the CLI, the
 * reminder service and the import all get it) and, for a message that names
 * their own field, in the CLI and the dialogs before they write.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-run.h"

G_BEGIN_DECLS

/* (design) Limits in characters (Unicode code points after NFC), not bytes.
 * A note: a session's or a run's, the same 1000 as the run table's CHECK
 * (schema 4), which a larger limit could not pass without rebuilding it.
 * A skip reason is a few words ("ill", "travelling"). A shoe name keeps
 * the 80 it always had, so names stored before still import. */
#define LOADWISE_NOTE_MAX_CHARS        LOADWISE_RUN_NOTE_MAX_CHARS
#define LOADWISE_SKIP_REASON_MAX_CHARS 200
#define LOADWISE_NAME_MAX_CHARS        LOADWISE_SHOE_NAME_MAX_CHARS

typedef enum {
  /* Several lines: newline and tab allowed; may be empty (no note). */
  LOADWISE_TEXT_NOTE,
  /* One line; may be empty (no reason given). */
  LOADWISE_TEXT_SKIP_REASON,
  /* One line with at least one visible character. */
  LOADWISE_TEXT_NAME,
} LoadwiseTextKind;

/* The most characters @kind allows. */
guint     loadwise_text_get_max_chars  (LoadwiseTextKind   kind);

/* Checks @text (@length bytes, or -1 when NUL-terminated; NULL is the
 * empty text) as @kind: valid UTF-8, no NUL, no control character (a note
 * may have newlines and tabs; "\r\n" becomes "\n"), at most the kind's
 * characters, and not made only of whitespace, zero-width or format
 * characters. Leading and trailing whitespace is trimmed and the text is
 * put in NFC first. On success @out_text (may be NULL) receives that
 * cleaned text, "" when nothing is left of an optional one. The error
 * (LOADWISE_ERROR_INVALID_INPUT) names @field: "--note: 1310 characters
 * is more than the 1000 allowed". */
gboolean  loadwise_text_validate       (const char        *field,
                                        const char        *text,
                                        gssize             length,
                                        LoadwiseTextKind   kind,
                                        char             **out_text,
                                        GError           **error);

/* @text trimmed and in NFC, as loadwise_text_validate() stores it, for
 * looking a stored name up; NULL when @text is not valid UTF-8. */
char     *loadwise_text_normalize      (const char        *text);

G_END_DECLS
