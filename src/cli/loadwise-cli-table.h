/* loadwise-cli-table.h: the CLI's tables, padded by display width
 *
 * A German heading ("Anstieg m") or a wide character takes the columns a
 * terminal gives it, not its bytes, so every table lines up in any
 * language (issue 13). Rows are NULL-terminated arrays of cells; a row
 * with fewer cells than @n_columns has one text after its first cell.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOADWISE_CLI_ALIGN_LEFT,
  LOADWISE_CLI_ALIGN_RIGHT,
} LoadwiseCliAlign;

/* The columns a terminal gives @text: two for a wide (East Asian)
 * character, none for a combining mark, else one. */
guint loadwise_cli_display_width (const char *text);

/* Prints @rows (GStrv each) with @n_columns columns aligned as @align
 * says; the last column is not padded. */
void  loadwise_cli_print_table   (GPtrArray              *rows,
                                  guint                   n_columns,
                                  const LoadwiseCliAlign *align);

G_END_DECLS
