/* loadwise-migrations.c: the schema, one step per version
 *
 * Step N turns a version N-1 database into version N. Steps are never
 * edited once released: a change is a new step. Dates are ISO YYYY-MM-DD
 * text (`date(x) IS x` rejects any other form; SQLite 3.40 lets a day
 * that does not exist, 2026-02-30, through, which the store's own checks
 * and the import's refuse); timestamps are UTC ISO 8601. The CHECK
 * constraints repeat the ranges the store validates, so that no other
 * writer can store what the app refuses.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-sqlite-private.h"

#include <glib/gi18n.h>

#include "core/loadwise-programme.h"
#include "core/loadwise-run.h"
#include "core/loadwise-track.h"
#include "store/loadwise-database-runs.h"

#define STR(x) G_STRINGIFY (x)

static const char *const migrations[] = {
  /* 1: programme, weekly plan, sessions with their set log and pain,
   * morning check-ins, settings. */
  "CREATE TABLE programme ("
  "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
  "  start         TEXT    NOT NULL CHECK (date (start) IS start),"
  "  weeks         INTEGER NOT NULL"
  "    CHECK (weeks BETWEEN " STR (LOADWISE_WEEKS_MIN) " AND " STR (LOADWISE_WEEKS_MAX) "),"
  "  training_days INTEGER NOT NULL CHECK (training_days BETWEEN 1 AND 127),"
  "  safe_pain     INTEGER NOT NULL CHECK (safe_pain BETWEEN 0 AND 10),"
  "  max_pain      INTEGER NOT NULL CHECK (max_pain BETWEEN safe_pain AND 10),"
  "  created_at    TEXT    NOT NULL"
  ");"
  /* target_reps / target_hold_s 0: the bottom of the level's range. */
  "CREATE TABLE week_plan ("
  "  week          INTEGER NOT NULL CHECK (week BETWEEN 1 AND " STR (LOADWISE_STORE_WEEK_MAX) "),"
  "  family        TEXT    NOT NULL CHECK (family IN ('bridge', 'single-leg', 'lateral')),"
  "  level         INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),"
  "  target_reps   INTEGER NOT NULL DEFAULT 0"
  "    CHECK (target_reps BETWEEN 0 AND " STR (LOADWISE_STORE_REPS_MAX) "),"
  "  target_hold_s INTEGER NOT NULL DEFAULT 0"
  "    CHECK (target_hold_s BETWEEN 0 AND " STR (LOADWISE_STORE_HOLD_MAX_S) "),"
  "  decision      TEXT    NOT NULL CHECK (decision <> ''),"
  "  reason        TEXT    NOT NULL,"
  "  decided_at    TEXT    NOT NULL,"
  "  PRIMARY KEY (week, family)"
  ");"
  "CREATE TABLE session ("
  "  date          TEXT    NOT NULL PRIMARY KEY CHECK (date (date) IS date),"
  "  status        TEXT    NOT NULL CHECK (status IN ('in-progress', 'done', 'skipped')),"
  "  note          TEXT,"
  "  skip_reason   TEXT,"
  "  updated_at    TEXT    NOT NULL"
  ");"
  "CREATE TABLE set_log ("
  "  date          TEXT    NOT NULL REFERENCES session (date) ON DELETE CASCADE,"
  "  exercise_id   TEXT    NOT NULL CHECK (exercise_id <> ''),"
  "  side          TEXT    NOT NULL CHECK (side IN ('none', 'left', 'right', 'both')),"
  "  set_index     INTEGER NOT NULL"
  "    CHECK (set_index BETWEEN 0 AND " STR (LOADWISE_STORE_SETS_MAX) " - 1),"
  "  done          INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  reps          INTEGER NOT NULL DEFAULT 0"
  "    CHECK (reps BETWEEN 0 AND " STR (LOADWISE_STORE_REPS_MAX) "),"
  "  hold_s        INTEGER NOT NULL DEFAULT 0"
  "    CHECK (hold_s BETWEEN 0 AND " STR (LOADWISE_STORE_HOLD_MAX_S) "),"
  "  logged_at     TEXT    NOT NULL,"
  "  PRIMARY KEY (date, exercise_id, side, set_index)"
  ");"
  "CREATE TABLE exercise_pain ("
  "  date          TEXT    NOT NULL REFERENCES session (date) ON DELETE CASCADE,"
  "  exercise_id   TEXT    NOT NULL CHECK (exercise_id <> ''),"
  "  pain          INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),"
  "  updated_at    TEXT    NOT NULL,"
  "  PRIMARY KEY (date, exercise_id)"
  ");"
  "CREATE TABLE checkin ("
  "  date          TEXT    NOT NULL PRIMARY KEY CHECK (date (date) IS date),"
  "  morning_pain  INTEGER NOT NULL CHECK (morning_pain BETWEEN 0 AND 10),"
  "  side          TEXT    NOT NULL CHECK (side IN ('none', 'left', 'right', 'both')),"
  "  night_pain    INTEGER NOT NULL CHECK (night_pain IN (0, 1)),"
  "  updated_at    TEXT    NOT NULL"
  ");"
  "CREATE TABLE setting ("
  "  key           TEXT    NOT NULL PRIMARY KEY,"
  "  value         TEXT    NOT NULL"
  ");",

  /* 2: red-flag screening, and indexes for the per-exercise history that
   * the weekly decision reads ("2 consecutive sessions", ACSM 2009). Every
   * table's primary key starts with its date, so ranges by date need no
   * further index. */
  "CREATE INDEX set_log_by_exercise ON set_log (exercise_id, date);"
  "CREATE INDEX exercise_pain_by_exercise ON exercise_pain (exercise_id, date);"
  "CREATE TABLE red_flag_screening ("
  "  date          TEXT    NOT NULL PRIMARY KEY CHECK (date (date) IS date),"
  "  yes_mask      INTEGER NOT NULL"
  "    CHECK (yes_mask BETWEEN 0 AND " STR (LOADWISE_STORE_RED_FLAGS_MASK) "),"
  "  answered_at   TEXT    NOT NULL"
  ");",

  /* 3 (issue 5, reminders): what each reminder did on its day, so that the
   * service never repeats or loses one across restarts. Times are UTC ISO
   * 8601; action NULL until Start, Open, Skip or Snooze. */
  "CREATE TABLE reminder ("
  "  kind          TEXT    NOT NULL CHECK (kind IN ('checkin', 'session')),"
  "  date          TEXT    NOT NULL CHECK (date (date) IS date),"
  "  fired_at      TEXT,"
  "  snoozed_until TEXT,"
  "  action        TEXT    CHECK (action IN ('start', 'open', 'skip', 'snooze')),"
  "  updated_at    TEXT    NOT NULL,"
  "  PRIMARY KEY (kind, date)"
  ");",

  /* 4 (issue 4, runs and flare-ups): runs with their load factors, shoes,
   * the check-in's compression habits (Grimaldi 2015), flare periods and
   * the runner's answers to flare suggestions (PROGRAMME.md, "Runs and
   * their load factors", "Flare-ups"). Distances are whole metres. */
  "CREATE TABLE shoe ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT    NOT NULL UNIQUE"
  "    CHECK (name <> '' AND length (name) <= " STR (LOADWISE_SHOE_NAME_MAX_CHARS) "),"
  "  retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),"
  "  added_at      TEXT    NOT NULL"
  ");"
  "CREATE TABLE run ("
  "  id            INTEGER PRIMARY KEY,"
  "  date          TEXT    NOT NULL CHECK (date (date) IS date),"
  "  distance_m    INTEGER NOT NULL"
  "    CHECK (distance_m BETWEEN 1 AND " STR (LOADWISE_RUN_DISTANCE_MAX_M) " - 1),"
  "  duration_s    INTEGER NOT NULL DEFAULT 0"
  "    CHECK (duration_s BETWEEN 0 AND " STR (LOADWISE_RUN_DURATION_MAX_S) "),"
  "  climb_m       INTEGER NOT NULL DEFAULT 0"
  "    CHECK (climb_m BETWEEN 0 AND " STR (LOADWISE_RUN_ELEVATION_MAX_M) "),"
  "  descent_m     INTEGER NOT NULL DEFAULT 0"
  "    CHECK (descent_m BETWEEN 0 AND " STR (LOADWISE_RUN_ELEVATION_MAX_M) "),"
  "  speed         INTEGER NOT NULL DEFAULT 0 CHECK (speed IN (0, 1)),"
  "  long_run      INTEGER NOT NULL DEFAULT 0 CHECK (long_run IN (0, 1)),"
  "  camber        TEXT    NOT NULL DEFAULT 'none' CHECK (camber IN ('none', 'left', 'right')),"
  "  surface       TEXT    NOT NULL DEFAULT 'road'"
  "    CHECK (surface IN ('road', 'trail', 'track', 'treadmill')),"
  "  shoe_id       INTEGER REFERENCES shoe (id),"
  "  pain_during   INTEGER NOT NULL CHECK (pain_during BETWEEN 0 AND 10),"
  "  pain_after    INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
  "  note          TEXT    CHECK (length (note) <= " STR (LOADWISE_RUN_NOTE_MAX_CHARS) "),"
  "  updated_at    TEXT    NOT NULL"
  ");"
  "CREATE INDEX run_by_date ON run (date);"
  "CREATE INDEX run_by_shoe ON run (shoe_id);"
  /* Ticked at the check-in of DATE; they describe the day and night before. */
  "CREATE TABLE checkin_habit ("
  "  date          TEXT    NOT NULL PRIMARY KEY CHECK (date (date) IS date),"
  "  crossed_legs  INTEGER NOT NULL CHECK (crossed_legs IN (0, 1)),"
  "  slept_on_side INTEGER NOT NULL CHECK (slept_on_side IN (0, 1)),"
  "  updated_at    TEXT    NOT NULL"
  ");"
  /* end_date NULL while active; at most one is. */
  "CREATE TABLE flare_period ("
  "  id            INTEGER PRIMARY KEY,"
  "  start_date    TEXT    NOT NULL CHECK (date (start_date) IS start_date),"
  "  end_date      TEXT    CHECK (end_date IS NULL OR"
  "                               (date (end_date) IS end_date AND end_date >= start_date)),"
  "  started_by    TEXT    NOT NULL CHECK (started_by IN ('suggestion', 'runner')),"
  "  ended_by      TEXT    CHECK (ended_by IN ('rule', 'runner')),"
  "  reason        TEXT,"
  "  CHECK ((end_date IS NULL) = (ended_by IS NULL))"
  ");"
  "CREATE UNIQUE INDEX flare_period_one_active ON flare_period ((end_date IS NULL))"
  "  WHERE end_date IS NULL;"
  "CREATE TABLE flare_suggestion ("
  "  decided_on    TEXT    NOT NULL PRIMARY KEY CHECK (date (decided_on) IS decided_on),"
  "  evidence      TEXT    NOT NULL CHECK (date (evidence) IS evidence),"
  "  triggers      INTEGER NOT NULL CHECK (triggers BETWEEN 1 AND 7),"
  "  decision      TEXT    NOT NULL CHECK (decision IN ('accepted', 'declined')),"
  "  decided_at    TEXT    NOT NULL"
  ");",

  /* 5 (issue 3, progression): one review per closed week, beside the next
   * week's plan in week_plan. It keeps the thresholds and days the decision
   * used, so later changes leave history alone, and what the decision read
   * (inputs), so that entries logged late can revise it. */
  "CREATE TABLE week_review ("
  "  week              INTEGER NOT NULL PRIMARY KEY"
  "    CHECK (week BETWEEN 1 AND " STR (LOADWISE_STORE_WEEK_MAX) "),"
  "  sets_done         INTEGER NOT NULL CHECK (sets_done >= 0),"
  "  sets_counted      INTEGER NOT NULL CHECK (sets_counted >= sets_done),"
  "  adherence         INTEGER CHECK (adherence BETWEEN 0 AND 100),"
  "  mean_morning_pain REAL    CHECK (mean_morning_pain BETWEEN 0 AND 10),"
  "  see_clinician     INTEGER NOT NULL CHECK (see_clinician IN (0, 1)),"
  "  clinician_reason  TEXT,"
  "  safe_pain         INTEGER NOT NULL CHECK (safe_pain BETWEEN 0 AND 10),"
  "  max_pain          INTEGER NOT NULL CHECK (max_pain BETWEEN safe_pain AND 10),"
  "  training_days     INTEGER NOT NULL CHECK (training_days BETWEEN 1 AND 127),"
  "  inputs            TEXT    NOT NULL,"
  "  closed_at         TEXT    NOT NULL,"
  "  revised_at        TEXT"
  ");",

  /* 6 (issue 11, derived state): when a week's decision became final, NULL
   * while it may still be taken again (loadwise-database-progression.c,
   * "The rule"). A closed week of an older database is final when the
   * runner has trained after it: a session not skipped, or a done set,
   * dated after the week. */
  "ALTER TABLE week_review ADD COLUMN finalized_at TEXT;"
  LOADWISE_SQL_FINALIZE_TRAINED
  /* ... and the reasons as codes and figures (loadwise-reason.h), written
   * in the current language when shown. The sentences stored before stay
   * as they are, the fallback for rows without a code. */
  "ALTER TABLE week_plan ADD COLUMN reason_code TEXT;"
  "ALTER TABLE week_review ADD COLUMN clinician_code TEXT;",

  /* 7 (issue 14, runs from recorded tracks): the recording a run came
   * from, NULL for a run typed in: when its first point was (UTC, exactly
   * YYYY-MM-DDTHH:MM:SSZ: unixepoch() and back gives the same text only for
   * a time that exists, so 2026-02-30 and 24:00:00 are refused) and the
   * file's SHA-256 (64 lowercase hex digits), each indexed for the
   * look-up of a file imported before. The elevation profile, by
   * distance, in its own table, deleted with its run. */
  "ALTER TABLE run ADD COLUMN started_at TEXT"
  "  CHECK (started_at IS NULL OR (typeof (started_at) = 'text'"
  "   AND strftime ('%Y-%m-%dT%H:%M:%SZ', unixepoch (started_at), 'unixepoch') IS started_at"
  "   AND started_at > '1970-01-01T00:00:00Z'));"
  "ALTER TABLE run ADD COLUMN track_sha256 TEXT"
  "  CHECK (track_sha256 IS NULL OR (typeof (track_sha256) = 'text'"
  "   AND length (track_sha256) = 64 AND track_sha256 NOT GLOB '*[^0-9a-f]*'));"
  "CREATE INDEX run_by_track_sha256 ON run (track_sha256) WHERE track_sha256 IS NOT NULL;"
  "CREATE INDEX run_by_started_at ON run (started_at) WHERE started_at IS NOT NULL;"
  "CREATE TABLE run_profile ("
  "  run_id        INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,"
  "  idx           INTEGER NOT NULL"
  "    CHECK (idx BETWEEN 0 AND " STR (LOADWISE_PROFILE_MAX_POINTS) " - 1),"
  "  distance_m    REAL    NOT NULL"
  "    CHECK (distance_m BETWEEN 0 AND " STR (LOADWISE_RUN_DISTANCE_MAX_M) "),"
  "  elevation_m   REAL    NOT NULL"
  "    CHECK (elevation_m BETWEEN " STR (LOADWISE_PROFILE_ELEVATION_MIN_M)
  "                       AND " STR (LOADWISE_PROFILE_ELEVATION_MAX_M) "),"
  "  PRIMARY KEY (run_id, idx)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LOADWISE_DATABASE_SCHEMA_VERSION);

static gboolean
apply_step (sqlite3  *db,
            int       version,
            GError  **error)
{
  g_autofree char *set_version = NULL;
  int current = 0;

  if (!loadwise_sqlite_begin (db, error))
    return FALSE;

  /* Another process may have migrated while this one waited for the lock. */
  if (!loadwise_sqlite_get_user_version (db, &current, error))
    goto fail;
  if (current >= version)
    {
      loadwise_sqlite_rollback (db);
      return TRUE;
    }
  if (current != version - 1)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("The database changed to schema %d while it was being updated"), current);
      goto fail;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  if (!loadwise_sqlite_exec (db, migrations[version - 1], error)
      || !loadwise_sqlite_exec (db, set_version, error)
      || !loadwise_sqlite_exec (db, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  loadwise_sqlite_rollback (db);
  return FALSE;
}

gboolean
loadwise_migrations_apply (sqlite3  *db,
                           int       from,
                           int       to,
                           GError  **error)
{
  g_return_val_if_fail (from >= 0 && to <= LOADWISE_DATABASE_SCHEMA_VERSION, FALSE);

  for (int version = from + 1; version <= to; version++)
    {
      if (!apply_step (db, version, error))
        {
          g_prefix_error (error, _("Could not update the database to schema %d: "), version);
          return FALSE;
        }
    }
  return TRUE;
}
