/* loadwise-guided-session.h: today's session, one exercise at a time
 *
 * A modal window over the main one: the illustration, the instructions,
 * a rep counter or a hold timer, a rest timer between sets, per-side sets
 * in order, the pain rating after each exercise and a summary. Each set is
 * written to the same set log as Today the moment it is done, so leaving
 * halfway keeps what was done.
 *
 * Actions (keys): session.count (Space: a rep, or start a hold),
 * session.confirm (Enter: begin, set done, skip the rest, save the pain,
 * finish), session.pause (P; stateful, the "paused" property),
 * session.first-side (s: "left" or "right", before an exercise begins),
 * session.add-rest (+15 s), session.skip-rest, session.set-pain (u: 0-10),
 * session.ask-leave (Escape: asks first), session.leave, session.finish.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/loadwise-session.h"
#include "ui/loadwise-context.h"
#include "ui/loadwise-cues.h"
#include "ui/loadwise-ticker.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_GUIDED_SESSION (loadwise_guided_session_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseGuidedSession, loadwise_guided_session, LOADWISE, GUIDED_SESSION, AdwWindow)

/* Seconds of rest added by session.add-rest. */
#define LOADWISE_GUIDED_SESSION_ADD_REST_S 15

/* Today's prescription (the context's clock and database). FALSE with
 * LOADWISE_ERROR_NOT_FOUND when there is no programme or today is not a
 * session day, with a message to show the runner. */
gboolean    loadwise_guided_session_prescribe_today (LoadwiseContext             *context,
                                                     LoadwisePrescription        *out_prescription,
                                                     GError                     **error);

/* @ticker: NULL for the monotonic clock. Sets already logged done for the
 * prescription's date are not asked for again. */
GtkWidget  *loadwise_guided_session_new             (LoadwiseContext             *context,
                                                     const LoadwisePrescription  *prescription,
                                                     LoadwiseTicker              *ticker);

/* "intro", "reps", "hold", "rest", "pain" or "summary". */
const char *loadwise_guided_session_get_phase       (LoadwiseGuidedSession       *self);
/* The exercise shown; NULL on the summary. */
const LoadwiseExercise *
            loadwise_guided_session_get_exercise    (LoadwiseGuidedSession       *self);
/* The set being done (or next, during a rest). */
LoadwiseSide loadwise_guided_session_get_side       (LoadwiseGuidedSession       *self);
guint       loadwise_guided_session_get_set_index   (LoadwiseGuidedSession       *self);
/* Reps counted in the current set. */
guint       loadwise_guided_session_get_reps        (LoadwiseGuidedSession       *self);
/* Whether a hold is being timed. */
gboolean    loadwise_guided_session_is_holding      (LoadwiseGuidedSession       *self);
/* Microseconds left of the hold or rest being timed; 0 otherwise. */
gint64      loadwise_guided_session_get_remaining   (LoadwiseGuidedSession       *self);
/* Seconds of rest between two sets of @item ((design): see the .c). */
guint       loadwise_guided_session_rest_seconds    (const LoadwisePrescribedExercise *item);

G_END_DECLS
