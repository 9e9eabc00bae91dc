/* loadwise-database-runs.h: runs, shoes, compression habits and flare-ups
 *
 * Issue 4. The same rules as loadwise-database.h: every write validates
 * first and is one BEGIN IMMEDIATE transaction; a failed call changes
 * nothing. The last functions gather what the core's pure insights, flare
 * and guard functions need, so that the app and the CLI ask one question.
 *
 * Flare mode and the glute programme: while a flare is active, sessions
 * are prescribed at levels 0-1 (PROGRAMME.md, "Flare-ups"): callers that
 * prescribe cap each family's level with loadwise_flare_cap_levels() when
 * loadwise_database_get_active_flare() finds one, and adherence figures
 * skip the flare's days (loadwise_database_list_flares()).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/loadwise-flare.h"
#include "core/loadwise-insights.h"
#include "core/loadwise-run.h"
#include "core/loadwise-track.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* Runs */

/* Validates (loadwise_run_validate, that the shoe is stored, and the
 * shape of started_at and track_sha256), stores @run and sets its id. */
gboolean     loadwise_database_add_run      (LoadwiseDatabase   *self,
                                             LoadwiseRun        *run,
                                             GError            **error);
/* Replaces every field of the stored run with @run->id
 * (LOADWISE_ERROR_NOT_FOUND when there is none), but the recording: a
 * started_at of 0 or a track_sha256 of NULL keeps the stored one (the run
 * dialog does not edit them), another value replaces it; the profile is
 * always kept. A recording is removed only with its run. */
gboolean     loadwise_database_update_run   (LoadwiseDatabase   *self,
                                             const LoadwiseRun  *run,
                                             GError            **error);
gboolean     loadwise_database_delete_run   (LoadwiseDatabase   *self,
                                             gint64              id,
                                             GError            **error);
/* NULL with LOADWISE_ERROR_NOT_FOUND when there is no run @id. */
LoadwiseRun *loadwise_database_get_run      (LoadwiseDatabase   *self,
                                             gint64              id,
                                             GError            **error);
/* LoadwiseRun*, by date then id; @from and @to (inclusive) may be NULL. */
GPtrArray   *loadwise_database_list_runs    (LoadwiseDatabase   *self,
                                             const GDate        *from,
                                             const GDate        *to,
                                             GError            **error);

/* Runs from recorded tracks (issue 14). started_at and track_sha256 are
 * stored with the run; the profile (LoadwiseProfilePoint, by distance, at
 * most LOADWISE_PROFILE_MAX_POINTS) in its own table, deleted with the run.
 * The file itself is not kept. */

/* (design) A profile's elevations: from below the shore of the Dead Sea
 * (-430 m), the lowest land, to above the summit of Everest (8849 m). */
#define LOADWISE_PROFILE_ELEVATION_MIN_M (-500)
#define LOADWISE_PROFILE_ELEVATION_MAX_M 9000

/* Adds each of @runs (LoadwiseRun*, ids set on success) with the profile
 * at the same index of @profiles (GArray*, NULL or empty: none), in one
 * transaction: one invalid run or profile writes none. A profile is valid
 * with at most LOADWISE_PROFILE_MAX_POINTS points whose distances are
 * finite, within 0..LOADWISE_RUN_DISTANCE_MAX_M and never decrease, and
 * whose elevations are finite and within the range above. A run whose
 * track_sha256 is stored already, or comes twice in @runs, is refused
 * too (checked inside the transaction), so that no file goes in twice.
 * The error names the run by its place in @runs ("run 2 of 3: ..."). */
gboolean     loadwise_database_add_runs_with_profiles (LoadwiseDatabase *self,
                                                       GPtrArray        *runs,
                                                       GPtrArray        *profiles,
                                                       GError          **error);
/* The stored profile of run @run_id: empty when it has none. */
GArray      *loadwise_database_get_run_profile (LoadwiseDatabase   *self,
                                                gint64              run_id,
                                                GError            **error);
/* The stored run holding the same recording: the same @sha256 (may be
 * NULL), or the same @started_at (0: not compared) and a distance within
 * 1% of @distance_m. @out_id 0 when there is none. */
gboolean     loadwise_database_find_recorded_run (LoadwiseDatabase *self,
                                                  const char       *sha256,
                                                  gint64            started_at,
                                                  guint             distance_m,
                                                  gint64           *out_id,
                                                  GError          **error);

/* Shoes */

typedef struct {
  gint64   id;
  char    *name;
  gboolean retired;
  guint64  distance_m;  /* the sum of the runs in them */
  guint    n_runs;
} LoadwiseShoe;

void         loadwise_shoe_free             (LoadwiseShoe       *shoe);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseShoe, loadwise_shoe_free)

/* A name of 1-80 characters not used by another pair. */
gboolean     loadwise_database_add_shoe     (LoadwiseDatabase   *self,
                                             const char         *name,
                                             gint64             *out_id,
                                             GError            **error);
/* A retired pair stays with its runs, and is no longer offered. */
gboolean     loadwise_database_retire_shoe  (LoadwiseDatabase   *self,
                                             const char         *name,
                                             GError            **error);
/* The id of the pair called @name; LOADWISE_ERROR_INVALID_INPUT naming
 * "shoe" when there is none. */
gboolean     loadwise_database_find_shoe    (LoadwiseDatabase   *self,
                                             const char         *name,
                                             gint64             *out_id,
                                             GError            **error);
/* LoadwiseShoe*, in use first, then by name. */
GPtrArray   *loadwise_database_list_shoes   (LoadwiseDatabase   *self,
                                             GError            **error);

/* Compression habits of the morning check-in (Grimaldi 2015) */

gboolean     loadwise_database_save_habits  (LoadwiseDatabase     *self,
                                             const LoadwiseHabits *habits,
                                             GError              **error);
/* @out_found FALSE (and @out_habits all FALSE) when none for @date. */
gboolean     loadwise_database_get_habits   (LoadwiseDatabase     *self,
                                             const GDate          *date,
                                             LoadwiseHabits       *out_habits,
                                             gboolean             *out_found,
                                             GError              **error);
/* LoadwiseHabits values, by date; NULL bounds are open. */
GArray      *loadwise_database_list_habits  (LoadwiseDatabase     *self,
                                             const GDate          *from,
                                             const GDate          *to,
                                             GError              **error);

/* Days with a glute session marked done, by date (GDate values). */
GArray      *loadwise_database_list_session_days (LoadwiseDatabase *self,
                                                  GError          **error);

/* Flare periods */

typedef struct {
  gint64   id;
  GDate    start;
  GDate    end;          /* invalid (g_date_valid FALSE) while active */
  gboolean suggested;    /* started by accepting a suggestion, else by hand */
  gboolean ended_by_rule;
  char    *reason;       /* may be NULL */
} LoadwiseFlarePeriod;

void         loadwise_flare_period_clear    (LoadwiseFlarePeriod *period);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseFlarePeriod, loadwise_flare_period_clear)

/* The flare in force, if any: @out_found FALSE when none. */
gboolean     loadwise_database_get_active_flare (LoadwiseDatabase    *self,
                                                 LoadwiseFlarePeriod *out_period,
                                                 gboolean            *out_found,
                                                 GError             **error);
/* Starts a flare on @date; refused (LOADWISE_ERROR_INVALID_INPUT) when one
 * is already active. */
gboolean     loadwise_database_start_flare  (LoadwiseDatabase   *self,
                                             const GDate        *date,
                                             gboolean            suggested,
                                             const char         *reason,
                                             GError            **error);
/* Ends the active flare on @date (not before its start); refused when
 * none is active. */
gboolean     loadwise_database_end_flare    (LoadwiseDatabase   *self,
                                             const GDate        *date,
                                             gboolean            by_rule,
                                             GError            **error);
/* LoadwiseFlarePeriod values (a GArray with a clear func), by start. */
GArray      *loadwise_database_list_flares  (LoadwiseDatabase   *self,
                                             GError            **error);

/* The runner's answer on @today to a suggestion whose evidence is dated
 * @evidence: accepting starts a flare on @today; either answer hides
 * suggestions whose evidence is not later than @today. */
gboolean     loadwise_database_answer_flare_suggestion (LoadwiseDatabase *self,
                                                        const GDate      *today,
                                                        const GDate      *evidence,
                                                        guint             trigger,
                                                        const char       *reason,
                                                        gboolean          accepted,
                                                        GError          **error);

/* Where flare mode stands on @today */

typedef enum {
  LOADWISE_FLARE_STATE_NONE,
  LOADWISE_FLARE_STATE_SUGGESTED,
  LOADWISE_FLARE_STATE_ACTIVE,
} LoadwiseFlareState;

/* "none", "suggested", "active" */
const char  *loadwise_flare_state_to_string (LoadwiseFlareState state);

typedef struct {
  LoadwiseFlareState  state;
  GDate               since;      /* active: the start; suggested: the evidence day */
  guint               trigger;    /* suggested: LoadwiseFlareTrigger mask */
  char               *reason;     /* suggested or active: why, may be NULL */
  LoadwiseFlareAdvice advice;     /* active only (advice.text NULL otherwise) */
  gboolean            just_ended; /* the exit rule ended a flare today or yesterday */
  GDate               ended;      /* ...on this day */
} LoadwiseFlareStatus;

void         loadwise_flare_status_clear    (LoadwiseFlareStatus *status);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseFlareStatus, loadwise_flare_status_clear)

/* Reads the state on @today (the exit rule itself runs in the store's
 * derivation, after every write): active with the runner's own advice,
 * suggested by loadwise_flare_detect() over the last three days (so that
 * entries typed in late count) and not yet answered, or none; just_ended
 * when the rule ended the latest flare today or yesterday. Without a
 * programme the baseline is unknown: only run pain and night pain suggest,
 * and only the runner ends a flare. */
gboolean     loadwise_database_get_flare_status (LoadwiseDatabase    *self,
                                                 const GDate         *today,
                                                 LoadwiseFlareStatus *out_status,
                                                 GError             **error);

/* Levels 0-1 during a flare (PROGRAMME.md, "Flare-ups"): caps each of
 * @levels at 1. */
void         loadwise_flare_cap_levels      (guint levels[LOADWISE_N_FAMILIES]);

/* Caps @levels at 1 when a flare covers @date (PROGRAMME.md,
 * "Flare-ups": levels 0-1), for those that prescribe a session;
 * @out_capped (may be NULL) says whether one was. FALSE only when the
 * database could not be read. */
gboolean     loadwise_database_cap_levels_for_flare (LoadwiseDatabase *self,
                                                     const GDate      *date,
                                                     guint             levels[LOADWISE_N_FAMILIES],
                                                     gboolean         *out_capped,
                                                     GError          **error);

/* Everything the insights read, from the whole history: the findings
 * (LoadwiseInsight*) of loadwise_insights_compute(). */
GPtrArray   *loadwise_database_compute_insights (LoadwiseDatabase *self,
                                                 GError          **error);

/* The return-to-run guard for a stored or new @run against the stored
 * runs (loadwise_run_guard_check). */
gboolean     loadwise_database_check_run_guard (LoadwiseDatabase  *self,
                                                const LoadwiseRun *run,
                                                LoadwiseRunGuard  *out_guard,
                                                GError           **error);

G_END_DECLS
