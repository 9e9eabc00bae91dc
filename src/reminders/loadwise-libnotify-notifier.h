/* loadwise-libnotify-notifier.h: reminders as desktop notifications
 *
 * Through libnotify, so any server on the session bus shows them (GNOME
 * Shell, dunst, ...). The process must keep running its main loop for the
 * buttons to work: libnotify hears ActionInvoked there.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reminders/loadwise-notifier.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_LIBNOTIFY_NOTIFIER (loadwise_libnotify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseLibnotifyNotifier, loadwise_libnotify_notifier, LOADWISE, LIBNOTIFY_NOTIFIER, GObject)

/* Calls notify_init() when nobody has yet. */
LoadwiseNotifier *loadwise_libnotify_notifier_new (void);

G_END_DECLS
