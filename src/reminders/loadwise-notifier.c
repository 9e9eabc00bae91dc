/* loadwise-notifier.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reminders/loadwise-notifier.h"

G_DEFINE_INTERFACE (LoadwiseNotifier, loadwise_notifier, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTION_INVOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
loadwise_notifier_default_init (LoadwiseNotifierInterface *iface)
{
  /* (kind, date as YYYY-MM-DD, action id) */
  signals[SIGNAL_ACTION_INVOKED] =
    g_signal_new ("action-invoked", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);
}

gboolean
loadwise_notifier_show (LoadwiseNotifier     *self,
                        LoadwiseReminderKind  kind,
                        const GDate          *date,
                        const char           *summary,
                        const char           *body,
                        GError              **error)
{
  g_return_val_if_fail (LOADWISE_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (summary != NULL && body != NULL, FALSE);

  return LOADWISE_NOTIFIER_GET_IFACE (self)->show (self, kind, date, summary, body, error);
}

void
loadwise_notifier_emit_action_invoked (LoadwiseNotifier     *self,
                                       LoadwiseReminderKind  kind,
                                       const GDate          *date,
                                       const char           *action)
{
  char text[16];

  g_return_if_fail (LOADWISE_IS_NOTIFIER (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_signal_emit (self, signals[SIGNAL_ACTION_INVOKED], 0, (guint) kind, text, action);
}
