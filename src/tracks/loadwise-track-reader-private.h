/* loadwise-track-reader-private.h: what the tests of the reader may change
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long GPSBabel gets for one file: LOADWISE_GPSBABEL_TIMEOUT_S unless
 * a test shortens it (0 restores the default), so that a test of the
 * timeout does not wait half a minute. */
void  loadwise_track_reader_set_gpsbabel_timeout_s (guint seconds);
guint loadwise_track_reader_get_gpsbabel_timeout_s (void);

G_END_DECLS
