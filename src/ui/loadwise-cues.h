/* loadwise-cues.h: what the guided session sounds, so that a runner on the
 * floor can follow it without looking
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The moments the guided session marks with a sound (issue 15). */
typedef enum {
  LOADWISE_CUE_REP,           /* a rep counted: a soft tick */
  LOADWISE_CUE_SET_DONE,      /* a set is done: the last rep, or a hold's time is up */
  LOADWISE_CUE_REST_END,      /* the rest is over: the next set */
  LOADWISE_CUE_SWITCH_SIDES,  /* one side's set is done: the other side now */
  LOADWISE_CUE_EXERCISE_DONE, /* the last set of an exercise */
} LoadwiseCue;

/* "rep", "set-done", ...: for logs and tests. */
const char *loadwise_cue_to_string   (LoadwiseCue cue);

#define LOADWISE_TYPE_CUES (loadwise_cues_get_type ())

G_DECLARE_INTERFACE (LoadwiseCues, loadwise_cues, LOADWISE, CUES, GObject)

struct _LoadwiseCuesInterface
{
  GTypeInterface parent_iface;

  void (*play) (LoadwiseCues *self,
                LoadwiseCue   cue);
  /* Optional: a short phrase in the app's language ("Set 2 of 3. 10 reps"). */
  void (*say)  (LoadwiseCues *self,
                const char   *phrase);
};

/* Never fails in a way the session needs to know: a machine without sound
 * is a session without sound. */
void        loadwise_cues_play       (LoadwiseCues *self,
                                      LoadwiseCue   cue);

void        loadwise_cues_say        (LoadwiseCues *self,
                                      const char   *phrase);

/* The desktop's cues: sounds from its sound theme through GSound
 * (libcanberra) while its event sounds are on (gtk-enable-event-sounds),
 * and, when the "spoken-cues" setting is on, phrases spoken through
 * speech-dispatcher (the speech service Orca uses) in the app's
 * language. */
#define LOADWISE_TYPE_GSOUND_CUES (loadwise_gsound_cues_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseGSoundCues, loadwise_gsound_cues, LOADWISE, GSOUND_CUES, GObject)

/* @settings: the app's, for "spoken-cues"; NULL for sounds only. */
LoadwiseCues *loadwise_gsound_cues_new        (GSettings   *settings);
/* The sound theme's event ID each cue plays ("audio-volume-change", ...). */
const char   *loadwise_gsound_cues_event_id   (LoadwiseCue cue);

/* Whether speech-dispatcher is installed; NULL, or why not, for
 * Preferences to say. */
gboolean      loadwise_speech_is_available    (const char **out_reason);

G_END_DECLS
