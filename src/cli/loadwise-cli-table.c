/* loadwise-cli-table.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli/loadwise-cli-table.h"

guint
loadwise_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_padded (GString          *line,
               const char       *cell,
               guint             width,
               LoadwiseCliAlign  align)
{
  guint cell_width = loadwise_cli_display_width (cell);
  guint pad = width > cell_width ? width - cell_width : 0;

  if (align == LOADWISE_CLI_ALIGN_RIGHT)
    g_string_append_printf (line, "%*s", (int) pad, "");
  g_string_append (line, cell);
  if (align == LOADWISE_CLI_ALIGN_LEFT)
    g_string_append_printf (line, "%*s", (int) pad, "");
}

void
loadwise_cli_print_table (GPtrArray              *rows,
                          guint                   n_columns,
                          const LoadwiseCliAlign *align)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      guint n = g_strv_length (cells);

      /* The last column is not padded; a short row pads only its first. */
      for (guint c = 0; c + 1 < n_columns && c < n && (n == n_columns || c == 0); c++)
        widths[c] = MAX (widths[c], loadwise_cli_display_width (cells[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      guint n = g_strv_length (cells);
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint c = 0; c < n; c++)
        {
          if (c > 0)
            g_string_append (line, "  ");
          if (c + 1 == n)
            g_string_append (line, cells[c]);
          else
            append_padded (line, cells[c], widths[c], align[MIN (c, n_columns - 1)]);
        }
      g_print ("%s\n", line->str);
    }
}
