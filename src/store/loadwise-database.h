/* loadwise-database.h: the one SQLite file that holds a runner's data
 *
 * Only this layer speaks SQL. Every write is one BEGIN IMMEDIATE
 * transaction, so the app, the CLI and the reminder service can share the
 * file (WAL, busy timeout). Errors are LOADWISE_DATABASE_ERROR or, for bad
 * input, LOADWISE_ERROR_INVALID_INPUT from the core; a failed call changes
 * nothing. One LoadwiseDatabase is one connection: use it from one thread
 * at a time (open another for a worker thread).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-clock.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-red-flags.h"
#include "core/loadwise-session.h"
#include "core/loadwise-types.h"

G_BEGIN_DECLS

#define LOADWISE_DATABASE_ERROR (loadwise_database_error_quark ())

typedef enum {
  LOADWISE_DATABASE_ERROR_FAILED,         /* any other SQLite failure, with its message */
  LOADWISE_DATABASE_ERROR_BUSY,           /* still locked by another process after the timeout */
  LOADWISE_DATABASE_ERROR_CORRUPT,        /* SQLITE_NOTADB or SQLITE_CORRUPT: not touched */
  LOADWISE_DATABASE_ERROR_NEWER_VERSION,  /* written by a newer Loadwise: not touched */
  LOADWISE_DATABASE_ERROR_NO_PROGRAMME,   /* nothing set up yet */
  LOADWISE_DATABASE_ERROR_IO,             /* files and folders around the database */
  LOADWISE_DATABASE_ERROR_READ_ONLY,      /* a write to a database in a read-only folder */
} LoadwiseDatabaseError;

GQuark loadwise_database_error_quark (void);

/* The schema this build writes; PRAGMA user_version. */
#define LOADWISE_DATABASE_SCHEMA_VERSION 7

#define LOADWISE_TYPE_DATABASE (loadwise_database_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseDatabase, loadwise_database, LOADWISE, DATABASE, GObject)

/* What a write touched, coarsely, as the "changed" signal carries it. */
typedef enum {
  LOADWISE_DATABASE_CHANGE_PROGRAMME = 1 << 0,  /* settings, start, week plans */
  LOADWISE_DATABASE_CHANGE_SESSIONS  = 1 << 1,  /* sessions, set logs, exercise pain */
  LOADWISE_DATABASE_CHANGE_CHECKINS  = 1 << 2,  /* morning check-ins, habits, red flags */
  LOADWISE_DATABASE_CHANGE_RUNS      = 1 << 3,  /* runs and shoes */
  LOADWISE_DATABASE_CHANGE_FLARES    = 1 << 4,  /* flare periods, answers to suggestions */
  LOADWISE_DATABASE_CHANGE_DERIVED   = 1 << 5,  /* week decisions and flares worked out again */
  LOADWISE_DATABASE_CHANGE_SETTINGS  = 1 << 6,  /* reminders and other stored settings */
  LOADWISE_DATABASE_CHANGE_EXTERNAL  = 1 << 7,  /* another connection committed: anything */
  LOADWISE_DATABASE_CHANGE_ALL       = 0xff,
} LoadwiseDatabaseChange;

/* $LOADWISE_DATA_DIR (a relative one made absolute from the current
 * folder), else $XDG_DATA_HOME/loadwise. Newly allocated. */
char             *loadwise_database_get_default_dir (void);
/* DIR/loadwise.db */
char             *loadwise_database_build_path      (const char        *data_dir);

/* Opens (creating the folder 0700 and the file 0600 when missing), sets the
 * pragmas, checks the file is a database, and migrates it to the current
 * schema after a VACUUM INTO backup in DIR/backups. When the folder or the
 * file is not writable, the file is opened read-only: reads work, and a
 * write fails with LOADWISE_DATABASE_ERROR_READ_ONLY naming the folder.
 * A file from a newer schema, or a corrupt one, is left exactly as it was (with its -wal).
 * Opening reads the header and the schema only: damage deeper in the file
 * shows later, as LOADWISE_DATABASE_ERROR_CORRUPT from a query or from
 * loadwise_database_check(). */
LoadwiseDatabase *loadwise_database_open             (const char        *path,
                                                      GError           **error);

/* Opens @path; if it is corrupt, first moves it aside with its -wal and
 * -shm (loadwise.db.corrupt-YYYYMMDD-HHMMSS...), then opens a fresh one.
 * @out_moved_to (may be NULL) receives the new name of the damaged file,
 * or NULL when nothing was moved. Never deletes anything. */
LoadwiseDatabase *loadwise_database_open_or_recover  (const char        *path,
                                                      char             **out_moved_to,
                                                      GError           **error);

/* Renames @path and its -wal/-shm to PATH.corrupt-YYYYMMDD-HHMMSS(-wal/-shm).
 * @out_moved_to receives the new name of the main file. */
gboolean          loadwise_database_move_aside       (const char        *path,
                                                      char             **out_moved_to,
                                                      GError           **error);

/* The newest file in DIR/backups that passes loadwise_backups_check_file()
 * (a whole database), or NULL. */
char             *loadwise_database_find_latest_backup (const char      *data_dir);

/* Whether @self was opened read-only (a folder or file not writable). */
gboolean          loadwise_database_is_read_only     (LoadwiseDatabase  *self);

/* The clock whose today the derived programme state (week decisions,
 * flares) is worked out for; the system clock until set. The app, the CLI
 * and the service hand in theirs, tests a fixed one. */
void              loadwise_database_set_clock        (LoadwiseDatabase  *self,
                                                      LoadwiseClock     *clock);
LoadwiseClock    *loadwise_database_get_clock        (LoadwiseDatabase  *self);
/* The catalogue the derived state reads; the default catalogue until set. */
void              loadwise_database_set_catalogue    (LoadwiseDatabase  *self,
                                                      LoadwiseCatalogue *catalogue);
/* NULL only when the default catalogue could not be loaded. */
LoadwiseCatalogue *loadwise_database_get_catalogue   (LoadwiseDatabase  *self);

const char       *loadwise_database_get_path         (LoadwiseDatabase  *self);
int               loadwise_database_get_schema_version (LoadwiseDatabase *self);

/* Starts emitting "changed" with LOADWISE_DATABASE_CHANGE_EXTERNAL after
 * other connections' commits (another process: the CLI, the reminder
 * service), seen by watching the file and its -wal on the thread-default
 * main context; the derived state is caught up first. The app and the
 * service call it, the CLI does not. Does nothing when already watching. */
void              loadwise_database_watch            (LoadwiseDatabase  *self);
/* Stops watching; finalize does it too. */
void              loadwise_database_unwatch          (LoadwiseDatabase  *self);
/* Looks now, as the watch does after a file event, whether another
 * connection has committed since this one last looked; if so, catches the
 * derived state up and emits "changed" with LOADWISE_DATABASE_CHANGE_EXTERNAL.
 * For a write this process made on a connection of its own in a worker
 * thread: what shows the data follows at once, watched or not. Returns
 * whether it emitted. */
gboolean          loadwise_database_notice_changes   (LoadwiseDatabase  *self);
/* For a connection whose file another one was renamed over: its -wal and
 * -shm keep their names, and the next connection to the path would read
 * the new file through the old file's -wal (SQLite does not remove them:
 * a connection to a moved file never checkpoints on close). Checkpoints
 * the old -wal into the old file and empties it; fails with
 * LOADWISE_DATABASE_ERROR_BUSY while another connection reads the old
 * file. Call it only when the -wal at the path's name is this
 * connection's: one that moved with its file (recovery) or was deleted is
 * not, and SQLite leaves those alone by itself. */
gboolean          loadwise_database_release_wal      (LoadwiseDatabase  *self,
                                                      GError           **error);
/* How long a write waits for another connection's lock before failing
 * with LOADWISE_DATABASE_ERROR_BUSY; 5 s unless set. The app sets it
 * short and retries from its main loop, so that the window never freezes
 * (LoadwiseContext). */
void              loadwise_database_set_busy_timeout (LoadwiseDatabase  *self,
                                                      int                timeout_ms);

/* A consistent copy, through loadwise_backups_write_copy() (a temporary
 * name, fsync, a rename that never replaces); refuses to overwrite
 * @dest_path, and an empty name. */
gboolean          loadwise_database_backup_to        (LoadwiseDatabase  *self,
                                                      const char        *dest_path,
                                                      GError           **error);
/* Replaces the data with @source_path's, never adopting its schema: the
 * file (and a -wal beside it) is copied into DIR/.restore-XXXXXX and
 * checked there (at most 64 MiB, integrity, schema version; triggers,
 * views, unknown tables, indexes and columns refused by name), migrated
 * by Loadwise's own migrations, read strictly, and its rows written like
 * loadwise_database_write_dataset() with replace: validated, then one
 * transaction after a safety copy (DIR/backups/loadwise-before-restore-*,
 * @out_backup_path, may be NULL; none when the database was empty). A
 * refusal changes nothing and takes no copy. */
gboolean          loadwise_database_restore_from     (LoadwiseDatabase  *self,
                                                      const char        *source_path,
                                                      char             **out_backup_path,
                                                      GError           **error);
/* PRAGMA integrity_check; @out_report is "ok" or the problems found, one
 * a line. FALSE only when the check could not run to the end: damage that
 * stops it gives LOADWISE_DATABASE_ERROR_CORRUPT (and @out_report, when
 * not NULL, receives the error's message). */
gboolean          loadwise_database_check            (LoadwiseDatabase  *self,
                                                      char             **out_report,
                                                      GError           **error);

/* Programme */
/* FALSE with LOADWISE_DATABASE_ERROR_NO_PROGRAMME when there is none. */
gboolean          loadwise_database_get_programme    (LoadwiseDatabase        *self,
                                                      LoadwiseProgramme       *out_programme,
                                                      GError                 **error);
/* Validates, then stores @programme and the week-1 levels (decision "start")
 * in one transaction; replaces an earlier programme's settings but keeps
 * every log. */
gboolean          loadwise_database_start_programme  (LoadwiseDatabase        *self,
                                                      const LoadwiseProgramme *programme,
                                                      const guint              levels[LOADWISE_N_FAMILIES],
                                                      GError                 **error);
/* Validates and stores changed settings (days, thresholds, weeks). */
gboolean          loadwise_database_update_programme (LoadwiseDatabase        *self,
                                                      const LoadwiseProgramme *programme,
                                                      GError                 **error);
/* The levels in force in @week: the latest stored week plan at or before it. */
gboolean          loadwise_database_get_levels       (LoadwiseDatabase        *self,
                                                      int                      week,
                                                      guint                    out_levels[LOADWISE_N_FAMILIES],
                                                      GError                 **error);

/* The weekly plan: one row per week and family, as the weekly decision
 * stores it (PROGRAMME.md, "The weekly decision, per family"). */
typedef struct {
  int             week;           /* >= 1 */
  LoadwiseFamily  family;
  guint           level;          /* 0-4 */
  guint           target_reps;    /* 0: the bottom of the level's range */
  guint           target_hold_s;  /* 0: the bottom of the level's range */
  char           *decision;       /* "start", "progress", "hold", "regress", ... */
  /* In the current language: rendered from reason_code when it reads
   * back, else the sentence stored by a Loadwise before schema 6. */
  char           *reason;
  /* The reason's codes and figures (loadwise_reason_serialize()), or NULL
   * for a row from before schema 6. */
  char           *reason_code;
} LoadwiseWeekPlan;

void              loadwise_week_plan_free            (LoadwiseWeekPlan        *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseWeekPlan, loadwise_week_plan_free)

/* Stores (or replaces) @n_plans rows in one transaction; validates each
 * first, so that either all are stored or none. */
gboolean          loadwise_database_save_week_plans  (LoadwiseDatabase        *self,
                                                      const LoadwiseWeekPlan  *plans,
                                                      guint                    n_plans,
                                                      GError                 **error);
/* LoadwiseWeekPlan*, by week then family. */
GPtrArray        *loadwise_database_list_week_plans  (LoadwiseDatabase        *self,
                                                      GError                 **error);

/* Settings that belong to the runner's data (reminder times and the like):
 * text by key. Keys are lower-case ASCII letters, digits, '-' and '.'. */
/* Newly allocated, or NULL (and no error) when @key is not set. */
char             *loadwise_database_get_setting      (LoadwiseDatabase        *self,
                                                      const char              *key,
                                                      GError                 **error);
/* A NULL @value removes the setting. */
gboolean          loadwise_database_set_setting      (LoadwiseDatabase        *self,
                                                      const char              *key,
                                                      const char              *value,
                                                      GError                 **error);

/* Sessions and their set log */
typedef struct {
  GDate                 date;
  LoadwiseSessionStatus status;
  char                 *note;         /* may be NULL */
  char                 *skip_reason;  /* may be NULL */
} LoadwiseSessionRecord;

void              loadwise_session_record_clear      (LoadwiseSessionRecord   *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseSessionRecord, loadwise_session_record_clear)

/* Status NONE and NULL strings when nothing is logged for @date. */
gboolean          loadwise_database_get_session      (LoadwiseDatabase        *self,
                                                      const GDate             *date,
                                                      LoadwiseSessionRecord   *out_record,
                                                      GError                 **error);
/* Finish (DONE, with an optional note) or skip (SKIPPED, with a reason);
 * IN_PROGRESS reopens a session. A NULL @note keeps the stored one. NONE
 * is refused (LOADWISE_ERROR_INVALID_INPUT): no row is what it means. */
gboolean          loadwise_database_set_session_status (LoadwiseDatabase      *self,
                                                      const GDate             *date,
                                                      LoadwiseSessionStatus    status,
                                                      const char              *note,
                                                      const char              *skip_reason,
                                                      GError                 **error);

typedef struct {
  char         *exercise_id;
  LoadwiseSide  side;        /* LEFT/RIGHT for per-side exercises, else NONE */
  guint         set_index;   /* from 0 */
  gboolean      done;
  guint         reps;        /* 0 when not counted */
  guint         hold_s;      /* 0 when not a hold */
} LoadwiseSetLog;

void              loadwise_set_log_free              (LoadwiseSetLog          *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseSetLog, loadwise_set_log_free)

/* One short transaction: marks (or unmarks) one set and makes sure the
 * session row exists (IN_PROGRESS unless already DONE). */
gboolean          loadwise_database_log_set          (LoadwiseDatabase        *self,
                                                      const GDate             *date,
                                                      const LoadwiseSetLog    *log,
                                                      GError                 **error);
/* LoadwiseSetLog*, ordered by exercise, set, side. */
GPtrArray        *loadwise_database_list_sets        (LoadwiseDatabase        *self,
                                                      const GDate             *date,
                                                      GError                 **error);
/* Pain during one exercise, 0-10 (the error names "pain" and the range). */
gboolean          loadwise_database_set_exercise_pain (LoadwiseDatabase       *self,
                                                      const GDate             *date,
                                                      const char              *exercise_id,
                                                      guint                    pain,
                                                      GError                 **error);
/* Exercise id -> GINT_TO_POINTER (pain + 1), so that 0 is "not rated". */
GHashTable       *loadwise_database_get_exercise_pains (LoadwiseDatabase      *self,
                                                      const GDate             *date,
                                                      GError                 **error);
/* Logs a whole session at once, as `loadwise-cli log-session` does: for
 * each prescribed exercise, the first loadwise_sets_for_percent() set logs
 * done and the rest not done, @pain for each exercise, status DONE and
 * @note. One transaction. */
gboolean          loadwise_database_log_session      (LoadwiseDatabase           *self,
                                                      const LoadwisePrescription *prescription,
                                                      guint                       percent,
                                                      guint                       pain,
                                                      const char                 *note,
                                                      GError                    **error);

/* Morning check-ins */
gboolean          loadwise_database_save_checkin     (LoadwiseDatabase        *self,
                                                      const LoadwiseCheckin   *checkin,
                                                      GError                 **error);
/* @out_found FALSE when there is none for @date. */
gboolean          loadwise_database_get_checkin      (LoadwiseDatabase        *self,
                                                      const GDate             *date,
                                                      LoadwiseCheckin         *out_checkin,
                                                      gboolean                *out_found,
                                                      GError                 **error);
/* LoadwiseCheckin values with from <= date <= to, by date. */
GArray           *loadwise_database_list_checkins    (LoadwiseDatabase        *self,
                                                      const GDate             *from,
                                                      const GDate             *to,
                                                      GError                 **error);

/* Red-flag screening: the answers given on @date (a mask of LoadwiseRedFlag). */
gboolean          loadwise_database_save_red_flags   (LoadwiseDatabase        *self,
                                                      const GDate             *date,
                                                      guint                    yes_mask,
                                                      GError                 **error);
/* Every screening weighed by loadwise_red_flags_compute_status () for the
 * database clock's today: the yes answers that stand, the last screening. */
gboolean          loadwise_database_get_red_flag_status (LoadwiseDatabase     *self,
                                                      LoadwiseRedFlagStatus   *out_status,
                                                      GError                 **error);
/* The same, in short: @out_date the last screening on or before today,
 * @out_yes_mask the yes answers that stand (not only that screening's);
 * @out_found FALSE when never asked. */
gboolean          loadwise_database_get_red_flags    (LoadwiseDatabase        *self,
                                                      GDate                   *out_date,
                                                      guint                   *out_yes_mask,
                                                      gboolean                *out_found,
                                                      GError                 **error);

/* The baseline of @programme (NULL: the stored one) from the stored
 * check-ins (loadwise_programme_compute_baseline); @out_found FALSE when
 * there are none to compute it from. */
gboolean          loadwise_database_get_baseline     (LoadwiseDatabase        *self,
                                                      const LoadwiseProgramme *programme,
                                                      double                  *out_baseline,
                                                      gboolean                *out_found,
                                                      GError                 **error);

G_END_DECLS
