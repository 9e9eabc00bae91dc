/* loadwise-error.h: the core's error domain
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOADWISE_ERROR (loadwise_error_quark ())

typedef enum {
  /* Input outside what is allowed: the message names the field and the range. */
  LOADWISE_ERROR_INVALID_INPUT,
  /* The exercise catalogue is missing or malformed. */
  LOADWISE_ERROR_CATALOGUE,
  /* Something asked for does not exist (no programme yet, unknown id). */
  LOADWISE_ERROR_NOT_FOUND,
} LoadwiseError;

GQuark   loadwise_error_quark   (void);

/* Sets LOADWISE_ERROR_INVALID_INPUT with the message; returns FALSE, so
 * that a check can end with "return loadwise_error_invalid (...)". */
gboolean loadwise_error_invalid (GError     **error,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
