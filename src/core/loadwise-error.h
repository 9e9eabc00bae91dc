/* loadwise-error.h: the core's error domain
 *
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

GQuark loadwise_error_quark (void);

G_END_DECLS
