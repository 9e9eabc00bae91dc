/* fuzz-common.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "fuzz-target.h"

void
fuzz_target_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&initialized, 1);
    }
}
