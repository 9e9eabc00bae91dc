/* loadwise-error.c: the core's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

G_DEFINE_QUARK (loadwise-error-quark, loadwise_error)
