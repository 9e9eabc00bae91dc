/* loadwise-error.c: the core's error domain
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

G_DEFINE_QUARK (loadwise-error-quark, loadwise_error)

gboolean
loadwise_error_invalid (GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                                                format, args));
  va_end (args);
  return FALSE;
}
