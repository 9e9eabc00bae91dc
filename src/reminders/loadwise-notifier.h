/* loadwise-notifier.h: how a reminder reaches the runner
 *
 * An interface, so that the service can be tested with a fake and ships
 * with libnotify (loadwise-libnotify-notifier.h). A notifier shows one
 * notification per (kind, day), replacing an earlier one for the same, and
 * reports the buttons pressed through "action-invoked".
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/loadwise-schedule.h"

G_BEGIN_DECLS

/* Action ids: a session offers start, snooze and skip; a check-in open
 * and snooze. */
#define LOADWISE_NOTIFIER_ACTION_START  "start"
#define LOADWISE_NOTIFIER_ACTION_OPEN   "open"
#define LOADWISE_NOTIFIER_ACTION_SNOOZE "snooze"
#define LOADWISE_NOTIFIER_ACTION_SKIP   "skip"

#define LOADWISE_TYPE_NOTIFIER (loadwise_notifier_get_type ())

G_DECLARE_INTERFACE (LoadwiseNotifier, loadwise_notifier, LOADWISE, NOTIFIER, GObject)

struct _LoadwiseNotifierInterface
{
  GTypeInterface parent_iface;

  gboolean (*show) (LoadwiseNotifier     *self,
                    LoadwiseReminderKind  kind,
                    const GDate          *date,
                    const char           *summary,
                    const char           *body,
                    GError              **error);
};

/* FALSE when the notification could not be delivered (no server on the
 * bus, say): the caller keeps the reminder pending and tries again. */
gboolean loadwise_notifier_show                 (LoadwiseNotifier     *self,
                                                 LoadwiseReminderKind  kind,
                                                 const GDate          *date,
                                                 const char           *summary,
                                                 const char           *body,
                                                 GError              **error);
/* For implementations: emits "action-invoked" (kind, "YYYY-MM-DD", action id). */
void     loadwise_notifier_emit_action_invoked  (LoadwiseNotifier     *self,
                                                 LoadwiseReminderKind  kind,
                                                 const GDate          *date,
                                                 const char           *action);

G_END_DECLS
