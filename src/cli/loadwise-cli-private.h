/* loadwise-cli-private.h: what the commands of loadwise-cli share
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cli/loadwise-cli.h"
#include "cli/loadwise-cli-json.h"
#include "core/loadwise-catalogue.h"
#include "core/loadwise-clock.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-run.h"
#include "core/loadwise-session.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* What every command gets from the global options and the environment. */
typedef struct {
  char          *data_dir;  /* --data-dir, $LOADWISE_DATA_DIR or the default */
  LoadwiseClock *clock;     /* the system clock, or fixed by $LOADWISE_NOW */
} LoadwiseCli;

/* Runs one command; @argv[0] is the command's name, the rest its arguments. */
typedef int (*LoadwiseCliCommandFunc) (LoadwiseCli *cli,
                                       int          argc,
                                       char       **argv);

int       loadwise_cli_cmd_programme   (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_status      (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_today       (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_log_session (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_checkin     (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_redflags    (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_plan        (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_skip        (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_check       (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_backup      (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_restore     (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_backups     (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_export      (LoadwiseCli *cli, int argc, char **argv);
/* loadwise-cli-runs.c (issue 4) */
int       loadwise_cli_cmd_log_run     (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_runs        (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_edit_run    (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_delete_run  (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_shoes       (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_habits      (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_insights    (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_flare       (LoadwiseCli *cli, int argc, char **argv);
/* loadwise-cli-import-runs.c (issue 14) */
int       loadwise_cli_cmd_import_runs (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_demo        (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_import      (LoadwiseCli *cli, int argc, char **argv);
int       loadwise_cli_cmd_reminders   (LoadwiseCli *cli, int argc, char **argv);

/* After a command that wrote: today's rolling backup, once a day
 * (loadwise-cli-backups.c). A failure is a warning on stderr. */
void      loadwise_cli_take_daily_backup (LoadwiseCli *cli);

/* Prints "loadwise-cli: MESSAGE" to stderr and returns the exit status
 * the error maps to. */
int       loadwise_cli_fail            (const GError  *error);
/* Same, for a usage error (exit 2) given as a printf format. */
int       loadwise_cli_fail_usage      (const char    *format,
                                        ...) G_GNUC_PRINTF (1, 2);

/* A GOptionContext with our own --help (which sets *@help instead of
 * exiting), @description wrapped to 78 columns. */
GOptionContext *loadwise_cli_new_option_context (const char         *usage,
                                                 const char         *summary,
                                                 const char         *description,
                                                 const GOptionEntry *entries,
                                                 gboolean           *help);
/* Prints @context's help on stdout, its usage line naming @prgname. */
void      loadwise_cli_print_help      (GOptionContext     *context,
                                        const char         *prgname);

/* Any number of positional arguments, for loadwise_cli_parse_command (). */
#define LOADWISE_CLI_ANY_ARGS G_MAXUINT

/* The --json option, in the place of @entries it is put at. */
#define LOADWISE_CLI_JSON_OPTION(json, help) \
  { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, (json), (help), NULL }

/* Every command's preamble. Parses the options of the command @name (such
 * as "programme start") with @entries, which must not contain "help", and
 * refuses more than @max_args positional arguments after the name
 * (LOADWISE_CLI_ANY_ARGS: no limit). @out_args receives the command name
 * and the positional arguments. Returns FALSE with *@out_exit set when the
 * command must stop here: after printing its --help (exit 0) or the error
 * (a usage error: exit 2). */
gboolean  loadwise_cli_parse_command   (const char         *name,
                                        const char         *parameter,
                                        const char         *summary,
                                        const char         *description,
                                        const GOptionEntry *entries,
                                        guint               max_args,
                                        int                 argc,
                                        char              **argv,
                                        GStrv              *out_args,
                                        int                *out_exit);

/* @text as a --date (YYYY-MM-DD), or today from the clock when NULL. */
gboolean  loadwise_cli_resolve_date    (LoadwiseCli  *cli,
                                        const char   *text,
                                        GDate        *out_date,
                                        GError      **error);

/* As loadwise_cli_resolve_date (), for something that has happened: a
 * check-in, a session, a run; a date after today is refused. */
gboolean  loadwise_cli_resolve_past_date (LoadwiseCli  *cli,
                                          const char   *text,
                                          GDate        *out_date,
                                          GError      **error);

/* Applies --weeks, --days, --safe-pain and --max-pain (each may be NULL:
 * left as it is) to @programme; the error names the option at fault. */
gboolean  loadwise_cli_apply_programme_options (LoadwiseProgramme  *programme,
                                                const char         *weeks_text,
                                                const char         *days_text,
                                                const char         *safe_text,
                                                const char         *max_text,
                                                GError            **error);

/* A pain rating 0-10 given to @option. */
gboolean  loadwise_cli_parse_pain      (const char   *option,
                                        const char   *text,
                                        guint        *out_pain,
                                        GError      **error);

/* Whether the database file exists yet (so read-only commands need not
 * create one just to say there is no programme). */
gboolean  loadwise_cli_database_exists (LoadwiseCli  *cli);

/* As loadwise_cli_open_database (), for a command that only reads: with
 * no database file yet, *@out_database is NULL and nothing is created. */
gboolean  loadwise_cli_open_database_if_exists (LoadwiseCli       *cli,
                                                LoadwiseDatabase **out_database,
                                                GError           **error);

/* Opens DATA_DIR/loadwise.db. A damaged file is left as it is and the
 * error says so, with the way out. */
LoadwiseDatabase *loadwise_cli_open_database (LoadwiseCli  *cli,
                                              GError      **error);

/* The stored programme; the error says how to start one when there is none. */
gboolean  loadwise_cli_get_programme   (LoadwiseCli       *cli,
                                        LoadwiseDatabase  *database,
                                        LoadwiseProgramme *out_programme,
                                        GError           **error);

/* The prescription for @date (a session day or a rest day); the error names
 * --date when @date is before the start. */
gboolean  loadwise_cli_prescribe       (LoadwiseDatabase        *database,
                                        const LoadwiseCatalogue *catalogue,
                                        const LoadwiseProgramme *programme,
                                        const GDate             *date,
                                        LoadwisePrescription    *out,
                                        GError                 **error);

/* Done set logs per exercise id (per-side logs count separately):
 * id -> GUINT_TO_POINTER (count). Ids are owned by the table. */
GHashTable *loadwise_cli_count_done_sets (LoadwiseDatabase  *database,
                                          const GDate       *date,
                                          GError           **error);

/* While a red-flag yes stands (loadwise_red_flags_compute_status ()), the
 * advice for it, worded for its urgency, is printed on stderr and returned
 * for --json; NULL when none stands (or @database is NULL). Every command
 * that prescribes or logs training calls it (PROGRAMME.md, "Red flags":
 * any yes, stop running and see a clinician before continuing). */
const char *loadwise_cli_warn_red_flags (LoadwiseDatabase  *database,
                                         guint             *out_yes_mask);
/* @text folded at word boundaries to lines of at most @width characters
 * (a longer word stays whole); lines starting with a space are kept. */
char     *loadwise_cli_wrap_text       (const char        *text,
                                        guint              width);

/* The name of shoe @id in @shoes (LoadwiseShoe*), or NULL. */
const char *loadwise_cli_shoe_name     (GPtrArray         *shoes,
                                        gint64             id);
/* The members of a run's JSON object, as `runs --json` prints them: "id"
 * (null until stored), the fields, "long" (@is_long), "shoe" (@shoe, may
 * be NULL), and "started_at" (ISO 8601 UTC) and "track_sha256" (null for
 * a run typed in). */
void      loadwise_cli_json_add_run    (JsonBuilder       *builder,
                                        const LoadwiseRun *run,
                                        gboolean           is_long,
                                        const char        *shoe);

/* Translated, for text output: "nothing logged yet", "in progress", ... */
const char *loadwise_cli_session_status_label (LoadwiseSessionStatus status);

G_END_DECLS
