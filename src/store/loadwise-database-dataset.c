/* loadwise-database-dataset.c: reading and writing everything at once
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-database-dataset.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-reason.h"
#include "core/loadwise-run.h"
#include "core/loadwise-schedule.h"
#include "core/loadwise-text.h"
#include "core/loadwise-track.h"
#include "core/loadwise-types.h"
#include "store/loadwise-backups.h"
#include "store/loadwise-database-runs.h"
#include "store/loadwise-sqlite-private.h"

/* The order of tables[]: parents first, for the references and the writer. */
enum {
  T_PROGRAMME,
  T_SETTING,
  T_WEEK_PLAN,
  T_WEEK_REVIEW,
  T_SESSION,
  T_SET_LOG,
  T_EXERCISE_PAIN,
  T_CHECKIN,
  T_CHECKIN_HABIT,
  T_RED_FLAGS,
  T_REMINDER,
  T_SHOE,
  T_RUN,
  T_FLARE_PERIOD,
  T_FLARE_SUGGESTION,
  T_RUN_PROFILE,
  N_TABLES
};

#define I(col, nm, lo, hi)  { col, nm, LOADWISE_COLUMN_INT, FALSE, lo, hi, NULL, -1 }
#define IN(col, nm, lo, hi) { col, nm, LOADWISE_COLUMN_INT, TRUE, lo, hi, NULL, -1 }
#define B(col)              { col, col, LOADWISE_COLUMN_BOOL, FALSE, 0, 1, NULL, -1 }
#define T(col, lo, hi)      { col, col, LOADWISE_COLUMN_TEXT, FALSE, lo, hi, NULL, -1 }
#define TN(col, hi)         { col, col, LOADWISE_COLUMN_TEXT, TRUE, 0, hi, NULL, -1 }
/* Text people type, checked as loadwise_text_validate() checks it. */
#define TX(col, kind)       { col, col, LOADWISE_COLUMN_TEXT, FALSE, 0, 0, NULL, -1, 1 + (kind) }
#define TXN(col, kind)      { col, col, LOADWISE_COLUMN_TEXT, TRUE, 0, 0, NULL, -1, 1 + (kind) }
#define RN(col)             { col, col, LOADWISE_COLUMN_REASON, TRUE, 0, 0, NULL, -1 }
#define D(col)              { col, col, LOADWISE_COLUMN_DATE, FALSE, 0, 0, NULL, -1 }
#define DN(col)             { col, col, LOADWISE_COLUMN_DATE, TRUE, 0, 0, NULL, -1 }
#define TS(col)             { col, col, LOADWISE_COLUMN_TIME, FALSE, 0, 0, NULL, -1 }
#define TSN(col)            { col, col, LOADWISE_COLUMN_TIME, TRUE, 0, 0, NULL, -1 }
#define E(col, ch)          { col, col, LOADWISE_COLUMN_ENUM, FALSE, 0, 0, ch, -1 }
#define EN(col, ch)         { col, col, LOADWISE_COLUMN_ENUM, TRUE, 0, 0, ch, -1 }

static const char *const families[] = { "bridge", "single-leg", "lateral", NULL };
static const char *const sides[] = { "none", "left", "right", "both", NULL };
static const char *const session_statuses[] = { "in-progress", "done", "skipped", NULL };
static const char *const reminder_kinds[] = { "checkin", "session", NULL };
static const char *const reminder_actions[] = { "start", "open", "skip", "snooze", NULL };
static const char *const cambers[] = { "none", "left", "right", NULL };
static const char *const surfaces[] = { "road", "trail", "track", "treadmill", NULL };
static const char *const flare_starts[] = { "suggestion", "runner", NULL };
static const char *const flare_ends[] = { "rule", "runner", NULL };
static const char *const flare_decisions[] = { "accepted", "declined", NULL };
/* loadwise_decision_to_string()'s names: the pages and the report read
 * them back with loadwise_decision_from_string(). */
static const char *const plan_decisions[] = { "start", "progress", "hold", "regress", "maintain", NULL };

/* The ranges repeat the schema's CHECK constraints (loadwise-migrations.c). */
static const LoadwiseColumnSpec programme_columns[] = {
  D ("start"),
  I ("weeks", "weeks", LOADWISE_WEEKS_MIN, LOADWISE_WEEKS_MAX),
  { "training_days", "training_days", LOADWISE_COLUMN_WEEKDAYS, FALSE,
    LOADWISE_TRAINING_DAYS_MIN, LOADWISE_TRAINING_DAYS_MAX, NULL, -1 },
  I ("safe_pain", "safe_pain", 0, 10),
  I ("max_pain", "max_pain", 0, 10),
  TS ("created_at"),
};

static const LoadwiseColumnSpec setting_columns[] = {
  T ("key", 1, 200),
  T ("value", 0, 0),
};

static const LoadwiseColumnSpec week_plan_columns[] = {
  I ("week", "week", 1, LOADWISE_STORE_WEEK_MAX),
  E ("family", families),
  I ("level", "level", LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX),
  I ("target_reps", "target_reps", 0, LOADWISE_STORE_REPS_MAX),
  I ("target_hold_s", "target_hold_s", 0, LOADWISE_STORE_HOLD_MAX_S),
  E ("decision", plan_decisions),
  T ("reason", 0, 0),
  RN ("reason_code"),
  TS ("decided_at"),
};

static const LoadwiseColumnSpec week_review_columns[] = {
  I ("week", "week", 1, LOADWISE_STORE_WEEK_MAX),
  I ("sets_done", "sets_done", 0, G_MAXINT32),
  I ("sets_counted", "sets_counted", 0, G_MAXINT32),
  IN ("adherence", "adherence", 0, 100),
  { "mean_morning_pain", "mean_morning_pain", LOADWISE_COLUMN_REAL, TRUE, 0, 10, NULL, -1 },
  B ("see_clinician"),
  TN ("clinician_reason", 0),
  RN ("clinician_code"),
  I ("safe_pain", "safe_pain", 0, 10),
  I ("max_pain", "max_pain", 0, 10),
  { "training_days", "training_days", LOADWISE_COLUMN_WEEKDAYS, FALSE, 1, 7, NULL, -1 },
  T ("inputs", 0, 0),
  TS ("closed_at"),
  TSN ("revised_at"),
  TSN ("finalized_at"),
};

static const LoadwiseColumnSpec session_columns[] = {
  D ("date"),
  E ("status", session_statuses),
  TXN ("note", LOADWISE_TEXT_NOTE),
  TXN ("skip_reason", LOADWISE_TEXT_SKIP_REASON),
  TS ("updated_at"),
};

static const LoadwiseColumnSpec set_log_columns[] = {
  { "date", "date", LOADWISE_COLUMN_DATE, FALSE, 0, 0, NULL, T_SESSION },
  T ("exercise_id", 1, 0),
  E ("side", sides),
  I ("set_index", "set_index", 0, LOADWISE_STORE_SETS_MAX - 1),
  B ("done"),
  I ("reps", "reps", 0, LOADWISE_STORE_REPS_MAX),
  I ("hold_s", "hold_s", 0, LOADWISE_STORE_HOLD_MAX_S),
  TS ("logged_at"),
};

static const LoadwiseColumnSpec exercise_pain_columns[] = {
  { "date", "date", LOADWISE_COLUMN_DATE, FALSE, 0, 0, NULL, T_SESSION },
  T ("exercise_id", 1, 0),
  I ("pain", "pain", 0, 10),
  TS ("updated_at"),
};

static const LoadwiseColumnSpec checkin_columns[] = {
  D ("date"),
  I ("morning_pain", "morning_pain", 0, 10),
  E ("side", sides),
  B ("night_pain"),
  TS ("updated_at"),
};

static const LoadwiseColumnSpec checkin_habit_columns[] = {
  D ("date"),
  B ("crossed_legs"),
  B ("slept_on_side"),
  TS ("updated_at"),
};

static const LoadwiseColumnSpec red_flag_columns[] = {
  D ("date"),
  I ("yes_mask", "yes_mask", 0, LOADWISE_STORE_RED_FLAGS_MASK),
  TS ("answered_at"),
};

static const LoadwiseColumnSpec reminder_columns[] = {
  E ("kind", reminder_kinds),
  D ("date"),
  TSN ("fired_at"),
  TSN ("snoozed_until"),
  EN ("action", reminder_actions),
  TS ("updated_at"),
};

static const LoadwiseColumnSpec shoe_columns[] = {
  I ("id", "id", 1, G_MAXINT64),
  TX ("name", LOADWISE_TEXT_NAME),
  B ("retired"),
  TS ("added_at"),
};

static const LoadwiseColumnSpec run_columns[] = {
  I ("id", "id", 1, G_MAXINT64),
  D ("date"),
  { "distance_m", "distance_km", LOADWISE_COLUMN_KM, FALSE, LOADWISE_RUN_DISTANCE_MIN_M,
    LOADWISE_RUN_DISTANCE_MAX_M - 1, NULL, -1 },
  I ("duration_s", "duration_s", 0, LOADWISE_RUN_DURATION_MAX_S),
  I ("climb_m", "climb_m", 0, LOADWISE_RUN_ELEVATION_MAX_M),
  I ("descent_m", "descent_m", 0, LOADWISE_RUN_ELEVATION_MAX_M),
  B ("speed"),
  B ("long_run"),
  E ("camber", cambers),
  E ("surface", surfaces),
  { "shoe_id", "shoe_id", LOADWISE_COLUMN_INT, TRUE, 1, G_MAXINT64, NULL, T_SHOE },
  I ("pain_during", "pain_during", 0, 10),
  IN ("pain_after", "pain_after", 0, 10),
  TXN ("note", LOADWISE_TEXT_NOTE),
  TS ("updated_at"),
  /* Schema 7, from a recorded track: validate_recording () checks their
   * exact shape. */
  TSN ("started_at"),
  TN ("track_sha256", 64),
};

/* The place of started_at and track_sha256 in run_columns. */
#define RUN_STARTED_AT   15
#define RUN_TRACK_SHA256 16
G_STATIC_ASSERT (G_N_ELEMENTS (run_columns) == RUN_TRACK_SHA256 + 1);

/* The key (run_id, idx): at most LOADWISE_PROFILE_MAX_POINTS a run. */
static const LoadwiseColumnSpec run_profile_columns[] = {
  { "run_id", "run_id", LOADWISE_COLUMN_INT, FALSE, 1, G_MAXINT64, NULL, T_RUN },
  I ("idx", "idx", 0, LOADWISE_PROFILE_MAX_POINTS - 1),
  { "distance_m", "distance_m", LOADWISE_COLUMN_REAL, FALSE, 0, LOADWISE_RUN_DISTANCE_MAX_M, NULL, -1 },
  { "elevation_m", "elevation_m", LOADWISE_COLUMN_REAL, FALSE, LOADWISE_PROFILE_ELEVATION_MIN_M,
    LOADWISE_PROFILE_ELEVATION_MAX_M, NULL, -1 },
};

static const LoadwiseColumnSpec flare_period_columns[] = {
  I ("id", "id", 1, G_MAXINT64),
  D ("start_date"),
  DN ("end_date"),
  E ("started_by", flare_starts),
  EN ("ended_by", flare_ends),
  TN ("reason", 0),
};

static const LoadwiseColumnSpec flare_suggestion_columns[] = {
  D ("decided_on"),
  D ("evidence"),
  I ("triggers", "triggers", 1, 7),
  E ("decision", flare_decisions),
  TS ("decided_at"),
};

/* Every setting the program reads, with what it accepts: the readers are
 * loadwise_database_get_reminder_settings() (loadwise-database-reminders.c)
 * and no other. A setting not listed here is refused, so that an import
 * cannot store what a reader later fails on; no version of Loadwise wrote
 * any other key. */
typedef enum {
  SETTING_BOOL,     /* "true" or "false" */
  SETTING_TIME,     /* loadwise_reminder_parse_time(): HH:MM or HH:MM:SS */
  SETTING_INT,      /* loadwise_parse_int() within min..max */
} SettingKind;

static const struct {
  const char  *key;
  SettingKind  kind;
  gint64       min;
  gint64       max;
} setting_specs[] = {
  { "reminders.enabled", SETTING_BOOL, 0, 1 },
  { "reminders.session-time", SETTING_TIME, 0, 0 },
  { "reminders.checkin-time", SETTING_TIME, 0, 0 },
  { "reminders.snooze-minutes", SETTING_INT, LOADWISE_REMINDER_SNOOZE_MIN, LOADWISE_REMINDER_SNOOZE_MAX },
};

#define TABLE(tbl, nm, shape, cols, n_keys) \
  { tbl, nm, shape, cols, G_N_ELEMENTS (cols), n_keys }

static const LoadwiseTableSpec tables[N_TABLES] = {
  TABLE ("programme", "programme", LOADWISE_TABLE_OBJECT, programme_columns, 0),
  TABLE ("setting", "settings", LOADWISE_TABLE_MAP, setting_columns, 1),
  TABLE ("week_plan", "weeks", LOADWISE_TABLE_ARRAY, week_plan_columns, 2),
  TABLE ("week_review", "week_reviews", LOADWISE_TABLE_ARRAY, week_review_columns, 1),
  TABLE ("session", "sessions", LOADWISE_TABLE_ARRAY, session_columns, 1),
  TABLE ("set_log", "sets", LOADWISE_TABLE_ARRAY, set_log_columns, 4),
  TABLE ("exercise_pain", "exercise_pain", LOADWISE_TABLE_ARRAY, exercise_pain_columns, 2),
  TABLE ("checkin", "checkins", LOADWISE_TABLE_ARRAY, checkin_columns, 1),
  TABLE ("checkin_habit", "habits", LOADWISE_TABLE_ARRAY, checkin_habit_columns, 1),
  TABLE ("red_flag_screening", "red_flags", LOADWISE_TABLE_ARRAY, red_flag_columns, 1),
  TABLE ("reminder", "reminders", LOADWISE_TABLE_ARRAY, reminder_columns, 2),
  TABLE ("shoe", "shoes", LOADWISE_TABLE_ARRAY, shoe_columns, 1),
  TABLE ("run", "runs", LOADWISE_TABLE_ARRAY, run_columns, 1),
  TABLE ("flare_period", "flares", LOADWISE_TABLE_ARRAY, flare_period_columns, 1),
  TABLE ("flare_suggestion", "flare_suggestions", LOADWISE_TABLE_ARRAY, flare_suggestion_columns, 1),
  TABLE ("run_profile", "run_profiles", LOADWISE_TABLE_ARRAY, run_profile_columns, 2),
};

const LoadwiseTableSpec *
loadwise_dataset_get_tables (guint *out_n_tables)
{
  if (out_n_tables != NULL)
    *out_n_tables = N_TABLES;
  return tables;
}

int
loadwise_dataset_find_table (const char *name)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (g_strcmp0 (tables[t].name, name) == 0)
      return (int) t;
  return -1;
}

int
loadwise_dataset_find_column (guint       table,
                              const char *column)
{
  g_return_val_if_fail (table < N_TABLES, -1);

  for (guint c = 0; c < tables[table].n_columns; c++)
    if (g_strcmp0 (tables[table].columns[c].column, column) == 0)
      return (int) c;
  return -1;
}

/* The dataset */

struct _LoadwiseDataset
{
  GPtrArray *rows[N_TABLES];  /* LoadwiseDatasetValue arrays of n_columns */
};

typedef struct {
  guint                n_values;
  LoadwiseDatasetValue values[];
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_values; i++)
    g_free (row->values[i].s);
  g_free (row);
}

LoadwiseDataset *
loadwise_dataset_new (void)
{
  LoadwiseDataset *self = g_new0 (LoadwiseDataset, 1);

  for (guint t = 0; t < N_TABLES; t++)
    self->rows[t] = g_ptr_array_new_with_free_func (row_free);
  return self;
}

void
loadwise_dataset_free (LoadwiseDataset *self)
{
  if (self == NULL)
    return;
  for (guint t = 0; t < N_TABLES; t++)
    g_ptr_array_unref (self->rows[t]);
  g_free (self);
}

LoadwiseDatasetValue *
loadwise_dataset_add_row (LoadwiseDataset *self,
                          guint            table)
{
  Row *row;

  g_return_val_if_fail (self != NULL && table < N_TABLES, NULL);

  row = g_malloc0 (sizeof (Row) + tables[table].n_columns * sizeof (LoadwiseDatasetValue));
  row->n_values = tables[table].n_columns;
  for (guint i = 0; i < row->n_values; i++)
    row->values[i].is_null = TRUE;
  g_ptr_array_add (self->rows[table], row);
  return row->values;
}

guint
loadwise_dataset_get_n_rows (const LoadwiseDataset *self,
                             guint                  table)
{
  g_return_val_if_fail (self != NULL && table < N_TABLES, 0);
  return self->rows[table]->len;
}

LoadwiseDatasetValue *
loadwise_dataset_get_row (const LoadwiseDataset *self,
                          guint                  table,
                          guint                  row)
{
  g_return_val_if_fail (self != NULL && table < N_TABLES, NULL);
  g_return_val_if_fail (row < self->rows[table]->len, NULL);
  return ((Row *) g_ptr_array_index (self->rows[table], row))->values;
}

/* Validation */

/* Where a value is, as the backup names it: "runs[12].pain_during",
 * "programme.weeks", "settings.reminders.enabled" (a setting's value is
 * named by its key, once the key itself is known to be good text). */
static char *
place (guint                       table,
       guint                       row,
       guint                       column,
       const LoadwiseDatasetValue *values)
{
  const LoadwiseTableSpec *spec = &tables[table];

  if (spec->shape == LOADWISE_TABLE_OBJECT)
    return g_strdup_printf ("%s.%s", spec->name, spec->columns[column].name);
  if (spec->shape == LOADWISE_TABLE_MAP)
    {
      if (column > 0 && values != NULL && !values[0].is_null)
        return g_strdup_printf ("%s.%s", spec->name, values[0].s);
      return g_strdup_printf ("%s[%u]", spec->name, row);
    }
  return g_strdup_printf ("%s[%u].%s", spec->name, row, spec->columns[column].name);
}

static gboolean
is_timestamp (const char *text)
{
  g_autoptr (GDateTime) parsed = NULL;

  /* Always UTC with a Z, as the store writes them. */
  if (!g_str_has_suffix (text, "Z"))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/* The first character of @text that text may not hold: a control
 * character other than a line break or a tab (C0, DEL and C1), or 0. */
static gunichar
find_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        continue;
      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return c;
    }
  return 0;
}

static gboolean
validate_value (guint                       table,
                guint                       row,
                guint                       column,
                const LoadwiseDatasetValue *values,
                GError                    **error)
{
  const LoadwiseColumnSpec *spec = &tables[table].columns[column];
  const LoadwiseDatasetValue *value = &values[column];
  g_autofree char *field = place (table, row, column, values);
  GDate date;

  if (value->is_null)
    {
      if (spec->nullable)
        return TRUE;
      return loadwise_error_invalid (error, _("%s: missing (it must have a value)"), field);
    }
  /* Before any check that would echo it. */
  if (value->s != NULL && !g_utf8_validate (value->s, -1, NULL))
    return loadwise_error_invalid (error, _("%s: not valid UTF-8 text"), field);

  switch (spec->kind)
    {
    case LOADWISE_COLUMN_INT:
    case LOADWISE_COLUMN_BOOL:
      return loadwise_check_range (field, value->i, spec->min, spec->max, error);

    case LOADWISE_COLUMN_REAL:
      if (!isfinite (value->d) || value->d < spec->min || value->d > spec->max)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_dtostr (number, sizeof number, value->d);
          /* "-500-9000" would read as a sum. */
          if (spec->min < 0)
            return loadwise_error_invalid (error, _("%s: %s is outside %lld to %lld"), field, number,
                                           (long long) spec->min, (long long) spec->max);
          return loadwise_error_invalid (error, _("%s: %s is outside %lld-%lld"),
                                         field, number, (long long) spec->min, (long long) spec->max);
        }
      return TRUE;

    case LOADWISE_COLUMN_KM:
      if (value->i < spec->min || value->i > spec->max)
        {
          g_autofree char *km = g_strdup_printf ("%.3f", value->i / 1000.0);
          g_autofree char *max = g_strdup_printf ("%.3f", spec->max / 1000.0);

          return loadwise_error_invalid (error, _("%s: %s is outside %s-%s"), field, km, "0.001", max);
        }
      return TRUE;

    case LOADWISE_COLUMN_WEEKDAYS:
      {
        guint n = value->i > 0 && value->i <= 127 ? loadwise_weekdays_count ((guint8) value->i) : 0;

        if (n < spec->min || n > spec->max)
          return loadwise_error_invalid (error, _("%s: choose %lld-%lld days"),
                                         field, (long long) spec->min, (long long) spec->max);
        return TRUE;
      }

    case LOADWISE_COLUMN_TEXT:
      {
        glong length;

        gunichar control;

        if (spec->typed_text > 0)
          return loadwise_text_validate (field, value->s, -1, spec->typed_text - 1, NULL, error);

        control = find_control (value->s);
        if (control != 0)
          return loadwise_error_invalid (error, _("%s: holds the control character U+%04X; text may hold "
                                                  "line breaks and tabs, no other control characters"),
                                         field, control);
        length = g_utf8_strlen (value->s, -1);
        if (length < spec->min)
          return loadwise_error_invalid (error, _("%s: must not be empty"), field);
        if (spec->max > 0 && length > spec->max)
          return loadwise_error_invalid (error, _("%s: longer than %lld characters"),
                                         field, (long long) spec->max);
        return TRUE;
      }

    case LOADWISE_COLUMN_DATE:
      return loadwise_parse_date (field, value->s, &date, error);

    case LOADWISE_COLUMN_REASON:
      {
        g_autoptr (GError) local_error = NULL;
        LoadwiseReason reason;

        /* The parser's message names the code's own field ("pct: ..."). */
        if (!loadwise_reason_parse (value->s, &reason, &local_error))
          return loadwise_error_invalid (error, _("%s: not a stored reason (%s)"), field, local_error->message);
        return TRUE;
      }

    case LOADWISE_COLUMN_TIME:
      if (!is_timestamp (value->s))
        return loadwise_error_invalid (error, _("%s: “%s” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"),
                                       field, value->s);
      return TRUE;

    case LOADWISE_COLUMN_ENUM:
      {
        g_autofree char *allowed = NULL;

        if (g_strv_contains (spec->choices, value->s))
          return TRUE;
        allowed = g_strjoinv (", ", (char **) spec->choices);
        return loadwise_error_invalid (error, _("%s: “%s” is not one of %s"), field, value->s, allowed);
      }

    default:
      g_assert_not_reached ();
    }
}

/* The key of a row as text, for the duplicate and reference checks. */
static char *
row_key (guint                       table,
         const LoadwiseDatasetValue *values,
         guint                       n_columns)
{
  GString *key = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (key, '\x1f');
      if (values[c].is_null)
        g_string_append (key, "\x1e");
      else if (values[c].s != NULL)
        g_string_append (key, values[c].s);
      else
        g_string_append_printf (key, "%" G_GINT64_FORMAT, values[c].i);
    }
  return g_string_free (key, FALSE);
}

static char *
describe_key (guint                       table,
              const LoadwiseDatasetValue *values)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < tables[table].n_key_columns; c++)
    {
      if (c > 0)
        g_string_append (text, ", ");
      if (values[c].s != NULL)
        g_string_append (text, values[c].s);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT, values[c].i);
    }
  return g_string_free (text, FALSE);
}

/* A run's recording in the exact shape the schema's CHECK constraints
 * take (loadwise-migrations.c, step 7), as the store's writes check it. */
static gboolean
validate_recording (guint                       row,
                    const LoadwiseDatasetValue *v,
                    GError                    **error)
{
  if (!v[RUN_STARTED_AT].is_null)
    {
      g_autofree char *field = place (T_RUN, row, RUN_STARTED_AT, v);

      if (!loadwise_store_check_started_at_text (field, v[RUN_STARTED_AT].s, error))
        return FALSE;
    }
  if (!v[RUN_TRACK_SHA256].is_null)
    {
      g_autofree char *field = place (T_RUN, row, RUN_TRACK_SHA256, v);

      if (!loadwise_store_check_sha256 (field, v[RUN_TRACK_SHA256].s, error))
        return FALSE;
    }
  return TRUE;
}

/* A setting by its key (setting_specs): what its reader accepts, or the
 * reader would fail on it later (and the reminders with it). */
static gboolean
validate_setting (const LoadwiseDatasetValue  *v,
                  GError                     **error)
{
  g_autofree char *field = NULL;
  const char *key = v[0].s, *value = v[1].s;
  gint64 number;
  guint time_s;

  for (const char *p = key; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.'))
      return loadwise_error_invalid (error, _("%s: “%s” is not a setting name (a-z, 0-9, '-', '.')"),
                                     tables[T_SETTING].name, key);

  field = g_strdup_printf ("%s.%s", tables[T_SETTING].name, key);
  for (guint i = 0; i < G_N_ELEMENTS (setting_specs); i++)
    {
      if (!g_str_equal (setting_specs[i].key, key))
        continue;
      switch (setting_specs[i].kind)
        {
        case SETTING_BOOL:
          if (g_str_equal (value, "true") || g_str_equal (value, "false"))
            return TRUE;
          return loadwise_error_invalid (error, _("%s: “%s” is not “true” or “false”"), field, value);
        case SETTING_TIME:
          return loadwise_reminder_parse_time (field, value, &time_s, error);
        case SETTING_INT:
        default:
          return loadwise_parse_int (field, value, setting_specs[i].min, setting_specs[i].max,
                                     &number, error);
        }
    }

  {
    g_autoptr (GString) known = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (setting_specs); i++)
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", setting_specs[i].key);
    return loadwise_error_invalid (error, _("%s: not a setting of Loadwise (the settings are %s)"), field, known->str);
  }
}

static gboolean
validate_rules (guint                       table,
                guint                       row,
                const LoadwiseDatasetValue *v,
                GError                    **error)
{
  g_autofree char *field = NULL;

  switch (table)
    {
    case T_PROGRAMME:
    case T_WEEK_REVIEW:
      {
        guint safe = table == T_PROGRAMME ? 3 : 7;

        /* The programme's thresholds are the ones every later decision
         * reads: they keep to what the pain-monitoring model supports.
         * A week's review keeps the ones it was decided with. */
        if (table == T_PROGRAMME)
          {
            g_autofree char *safe_field = place (table, row, safe, v);
            g_autofree char *max_field = place (table, row, safe + 1, v);

            if (!loadwise_programme_check_thresholds ((guint) v[safe].i, (guint) v[safe + 1].i,
                                                      safe_field, max_field, error))
              return FALSE;
          }
        if (v[safe + 1].i < v[safe].i)
          {
            field = place (table, row, safe + 1, v);
            return loadwise_error_invalid (error, _("%s: %lld is below safe_pain (%lld)"),
                                           field, (long long) v[safe + 1].i, (long long) v[safe].i);
          }
        if (table == T_WEEK_REVIEW && v[2].i < v[1].i)
          {
            field = place (table, row, 2, v);
            return loadwise_error_invalid (error, _("%s: %lld is below sets_done (%lld)"),
                                           field, (long long) v[2].i, (long long) v[1].i);
          }
        return TRUE;
      }

    case T_SETTING:
      return validate_setting (v, error);

    case T_RUN:
      return validate_recording (row, v, error);

    case T_FLARE_PERIOD:
      if (v[2].is_null != v[4].is_null)
        {
          field = place (table, row, 4, v);
          return loadwise_error_invalid (error, _("%s: an ended flare needs end_date and ended_by, an active one neither"),
                                         field);
        }
      if (!v[2].is_null && strcmp (v[2].s, v[1].s) < 0)
        {
          field = place (table, row, 2, v);
          return loadwise_error_invalid (error, _("%s: %s is before start_date (%s)"), field, v[2].s, v[1].s);
        }
      return TRUE;

    default:
      return TRUE;
    }
}

/* What the derived state and the pages assume of the plan (read
 * loadwise_database_get_week_plan() and loadwise-database-progression.c):
 *
 * - a programme has week 1's plan for every family: each plan read falls
 *   back to the newest row at or before its week, and without week 1 the
 *   programme reads as not set up (and every write's derivation fails);
 * - no plan or review without a programme (the programme's set-up starts
 *   them, and replacing it clears them);
 * - the planned weeks run from 1 without gaps, every family in each: the
 *   close of week W writes all of week W + 1's rows at once;
 * - a review of week W comes with the plan it decided, week W + 1's.
 *
 * Plans beyond the programme's length are maintenance weeks, planned as
 * every other week (up to LOADWISE_STORE_WEEK_MAX, the column's range). */
static gboolean
validate_plan (const LoadwiseDataset  *self,
               GError                **error)
{
  g_autofree guint8 *planned = g_new0 (guint8, LOADWISE_STORE_WEEK_MAX + 2);
  guint n_plans = self->rows[T_WEEK_PLAN]->len;
  guint n_reviews = self->rows[T_WEEK_REVIEW]->len;
  gint64 last_week = 0;

  if (self->rows[T_PROGRAMME]->len == 0)
    {
      if (n_plans > 0)
        return loadwise_error_invalid (error, _("%s: a plan needs a programme, and %s is empty"),
                                       tables[T_WEEK_PLAN].name, tables[T_PROGRAMME].name);
      if (n_reviews > 0)
        return loadwise_error_invalid (error, _("%s: reviews need a programme, and %s is empty"),
                                       tables[T_WEEK_REVIEW].name, tables[T_PROGRAMME].name);
      return TRUE;
    }

  /* The rows' own checks passed: week within 1..LOADWISE_STORE_WEEK_MAX,
   * a known family, no (week, family) twice. */
  for (guint r = 0; r < n_plans; r++)
    {
      const LoadwiseDatasetValue *v = loadwise_dataset_get_row (self, T_WEEK_PLAN, r);

      for (guint f = 0; families[f] != NULL; f++)
        if (g_str_equal (families[f], v[1].s))
          planned[v[0].i] |= 1u << f;
      last_week = MAX (last_week, v[0].i);
    }

  if (n_plans == 0)
    return loadwise_error_invalid (error, _("%s: empty; a programme needs week 1’s plan (a row for each of "
                                            "bridge, single-leg and lateral)"),
                                   tables[T_WEEK_PLAN].name);
  for (gint64 week = 1; week <= last_week; week++)
    {
      if (planned[week] == 0)
        return loadwise_error_invalid (error, _("%s: no plan for week %lld, though week %lld is planned "
                                                "(the plan’s weeks run from week 1 without gaps)"),
                                       tables[T_WEEK_PLAN].name, (long long) week, (long long) last_week);
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        if ((planned[week] & (1u << f)) == 0)
          return loadwise_error_invalid (error, _("%s: week %lld has no row for %s (each planned week has "
                                                  "bridge, single-leg and lateral)"),
                                         tables[T_WEEK_PLAN].name, (long long) week, families[f]);
    }

  for (guint r = 0; r < n_reviews; r++)
    {
      const LoadwiseDatasetValue *v = loadwise_dataset_get_row (self, T_WEEK_REVIEW, r);

      if (v[0].i >= last_week)
        {
          g_autofree char *field = place (T_WEEK_REVIEW, r, 0, v);

          return loadwise_error_invalid (error, _("%s: week %lld is reviewed, but %s has no plan for week %lld "
                                                  "(the plan that review decided)"),
                                         field, (long long) v[0].i, tables[T_WEEK_PLAN].name,
                                         (long long) v[0].i + 1);
        }
    }
  return TRUE;
}

/* The points of each run's profile, in the order of idx, never go back
 * in distance (as loadwise_database_add_runs_with_profiles() checks).
 * The rows' own checks passed. */
static int
compare_profile_rows (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const LoadwiseDataset *self = user_data;
  const LoadwiseDatasetValue *x = loadwise_dataset_get_row (self, T_RUN_PROFILE, *(const guint *) a);
  const LoadwiseDatasetValue *y = loadwise_dataset_get_row (self, T_RUN_PROFILE, *(const guint *) b);

  if (x[0].i != y[0].i)
    return x[0].i < y[0].i ? -1 : 1;
  return x[1].i < y[1].i ? -1 : x[1].i > y[1].i;
}

static gboolean
validate_profiles (const LoadwiseDataset  *self,
                   GError                **error)
{
  guint n = self->rows[T_RUN_PROFILE]->len;
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint r = 0; r < n; r++)
    g_array_append_val (order, r);
  g_array_sort_with_data (order, compare_profile_rows, (gpointer) self);

  for (guint i = 1; i < n; i++)
    {
      guint r = g_array_index (order, guint, i);
      const LoadwiseDatasetValue *before = loadwise_dataset_get_row (self, T_RUN_PROFILE,
                                                                     g_array_index (order, guint, i - 1));
      const LoadwiseDatasetValue *v = loadwise_dataset_get_row (self, T_RUN_PROFILE, r);

      if (v[0].i == before[0].i && v[2].d < before[2].d)
        {
          g_autofree char *field = place (T_RUN_PROFILE, r, 2, v);
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          char previous[G_ASCII_DTOSTR_BUF_SIZE];

          return loadwise_error_invalid (error, _("%s: %s comes after %s (idx %lld); the distances of a "
                                                  "profile never go back"),
                                         field, g_ascii_dtostr (number, sizeof number, v[2].d),
                                         g_ascii_dtostr (previous, sizeof previous, before[2].d),
                                         (long long) before[1].i);
        }
    }
  return TRUE;
}

gboolean
loadwise_dataset_validate (const LoadwiseDataset *self,
                           GError               **error)
{
  g_autoptr (GPtrArray) key_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  GHashTable *keys[N_TABLES];
  guint active_flares = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint t = 0; t < N_TABLES; t++)
    {
      keys[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (key_sets, keys[t]);
    }

  for (guint t = 0; t < N_TABLES; t++)
    {
      const LoadwiseTableSpec *spec = &tables[t];

      if (spec->shape == LOADWISE_TABLE_OBJECT && self->rows[t]->len > 1)
        return loadwise_error_invalid (error, _("%s: only one is allowed"), spec->name);

      for (guint r = 0; r < self->rows[t]->len; r++)
        {
          const LoadwiseDatasetValue *values = loadwise_dataset_get_row (self, t, r);
          char *key;

          for (guint c = 0; c < spec->n_columns; c++)
            {
              if (!validate_value (t, r, c, values, error))
                return FALSE;
              if (spec->columns[c].references >= 0 && !values[c].is_null)
                {
                  guint parent = (guint) spec->columns[c].references;
                  g_autofree char *ref = row_key (parent, &values[c], 1);

                  /* Parents come first, so their keys are known. */
                  if (!g_hash_table_contains (keys[parent], ref))
                    {
                      g_autofree char *field = place (t, r, c, values);

                      return loadwise_error_invalid (error, _("%s: %s refers to no entry in %s"),
                                                     field, ref, tables[parent].name);
                    }
                }
            }
          if (!validate_rules (t, r, values, error))
            return FALSE;
          if (t == T_FLARE_PERIOD && values[2].is_null && ++active_flares > 1)
            return loadwise_error_invalid (error, _("%s[%u]: only one flare can be active (without end_date)"),
                                           spec->name, r);

          if (spec->n_key_columns == 0)
            continue;
          key = row_key (t, values, spec->n_key_columns);
          if (!g_hash_table_add (keys[t], key))
            {
              g_autofree char *described = describe_key (t, values);

              return loadwise_error_invalid (error, _("%s[%u]: %s appears twice"), spec->name, r, described);
            }
        }
    }
  return validate_plan (self, error) && validate_profiles (self, error);
}

/* Reading */

static const char *
sql_type_name (int type)
{
  switch (type)
    {
    case SQLITE_INTEGER:
      return "INTEGER";
    case SQLITE_FLOAT:
      return "REAL";
    case SQLITE_TEXT:
      return "TEXT";
    case SQLITE_BLOB:
      return "BLOB";
    default:
      return "NULL";
    }
}

/* Whether a value of SQL @type can be read as @kind: nothing is converted,
 * so a text in an integer column is an error, not a 0. */
static gboolean
type_fits (LoadwiseColumnKind kind,
           int                type)
{
  switch (kind)
    {
    case LOADWISE_COLUMN_INT:
    case LOADWISE_COLUMN_BOOL:
    case LOADWISE_COLUMN_KM:
    case LOADWISE_COLUMN_WEEKDAYS:
      return type == SQLITE_INTEGER;
    case LOADWISE_COLUMN_REAL:
      return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
    case LOADWISE_COLUMN_TEXT:
    case LOADWISE_COLUMN_DATE:
    case LOADWISE_COLUMN_TIME:
    case LOADWISE_COLUMN_ENUM:
    case LOADWISE_COLUMN_REASON:
    default:
      return type == SQLITE_TEXT;
    }
}

static const char *
kind_sql_type (LoadwiseColumnKind kind)
{
  return type_fits (kind, SQLITE_INTEGER) ? (kind == LOADWISE_COLUMN_REAL ? "REAL" : "INTEGER")
                                          : "TEXT";
}

/* Every column of the spec is in the table: a clear message instead of
 * SQLite's "no such column" from a file that lacks one. */
static gboolean
check_columns (sqlite3          *db,
               guint             table,
               GError          **error)
{
  const LoadwiseTableSpec *spec = &tables[table];
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  stmt = loadwise_sqlite_prepare (db, "SELECT name FROM pragma_table_info (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, spec->table, -1, SQLITE_STATIC);
  while ((rc = loadwise_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return FALSE;

  if (g_hash_table_size (present) == 0)
    return loadwise_error_invalid (error, _("there is no table %s"), spec->table);
  for (guint c = 0; c < spec->n_columns; c++)
    if (!g_hash_table_contains (present, spec->columns[c].column))
      return loadwise_error_invalid (error, _("the table %s has no column %s"), spec->table, spec->columns[c].column);
  return TRUE;
}

static gboolean
read_table (sqlite3          *db,
            guint             table,
            LoadwiseDataset  *dataset,
            GError          **error)
{
  const LoadwiseTableSpec *spec = &tables[table];
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int rc;

  if (!check_columns (db, table, error))
    return FALSE;

  for (guint c = 0; c < spec->n_columns; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", spec->columns[c].column);
  g_string_append_printf (sql, " FROM main.\"%s\"", spec->table);
  if (spec->n_key_columns > 0)
    {
      g_string_append (sql, " ORDER BY ");
      for (guint c = 0; c < spec->n_key_columns; c++)
        g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", spec->columns[c].column);
    }

  stmt = loadwise_sqlite_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (; (rc = loadwise_sqlite_step (db, stmt, error)) == SQLITE_ROW; row++)
    {
      LoadwiseDatasetValue *values = loadwise_dataset_add_row (dataset, table);

      for (guint c = 0; c < spec->n_columns; c++)
        {
          const LoadwiseColumnSpec *column = &spec->columns[c];
          int type = sqlite3_column_type (stmt, (int) c);

          if (type == SQLITE_NULL)
            continue;
          if (!type_fits (column->kind, type))
            {
              sqlite3_reset (stmt);
              return loadwise_error_invalid (error, _("%s.%s, row %u: a value of SQL type %s where %s belongs"),
                                             spec->table, column->column, row + 1, sql_type_name (type),
                                             kind_sql_type (column->kind));
            }
          values[c].is_null = FALSE;
          switch (column->kind)
            {
            case LOADWISE_COLUMN_INT:
            case LOADWISE_COLUMN_BOOL:
            case LOADWISE_COLUMN_KM:
            case LOADWISE_COLUMN_WEEKDAYS:
              values[c].i = sqlite3_column_int64 (stmt, (int) c);
              break;
            case LOADWISE_COLUMN_REAL:
              values[c].d = sqlite3_column_double (stmt, (int) c);
              break;
            case LOADWISE_COLUMN_TEXT:
            case LOADWISE_COLUMN_DATE:
            case LOADWISE_COLUMN_TIME:
            case LOADWISE_COLUMN_ENUM:
            case LOADWISE_COLUMN_REASON:
            default:
              {
                const char *text = (const char *) sqlite3_column_text (stmt, (int) c);
                int length = sqlite3_column_bytes (stmt, (int) c);

                /* A NUL inside would cut the text short unseen. */
                if (text == NULL || memchr (text, '\0', (size_t) length) != NULL)
                  {
                    sqlite3_reset (stmt);
                    return loadwise_error_invalid (error, _("%s.%s, row %u: the text holds a NUL character"),
                                                   spec->table, column->column, row + 1);
                  }
                values[c].s = g_strndup (text, (gsize) length);
              }
              break;
            }
        }
    }
  return rc == SQLITE_DONE;
}

LoadwiseDataset *
loadwise_database_read_dataset (LoadwiseDatabase  *self,
                                GError           **error)
{
  g_autoptr (LoadwiseDataset) dataset = loadwise_dataset_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  /* One snapshot, so that a writer in another process cannot split it. */
  if (!loadwise_sqlite_exec (self->db, "BEGIN", error))
    return NULL;
  for (guint t = 0; t < N_TABLES && ok; t++)
    ok = read_table (self->db, t, dataset, error);
  /* A read transaction: ending it either way keeps what was read. */
  loadwise_sqlite_rollback (self->db);
  if (!ok)
    return NULL;
  return g_steal_pointer (&dataset);
}

/* Writing */

static gboolean
count_rows (sqlite3  *db,
            gboolean *out_empty,
            GError  **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (sqlite3_stmt) stmt = NULL;

  for (guint t = 0; t < N_TABLES; t++)
    g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM %s)", t > 0 ? " OR " : "", tables[t].table);
  stmt = loadwise_sqlite_prepare (db, sql->str, error);
  if (stmt == NULL || loadwise_sqlite_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_empty = sqlite3_column_int (stmt, 0) == 0;
  return TRUE;
}

gboolean
loadwise_database_count_rows (LoadwiseDatabase  *self,
                              guint             *out_counts,
                              GError           **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  /* One statement: one snapshot, whatever another process writes. */
  for (guint t = 0; t < N_TABLES; t++)
    g_string_append_printf (sql, "%s(SELECT COUNT(*) FROM %s)", t > 0 ? ", " : "", tables[t].table);
  stmt = loadwise_sqlite_prepare (self->db, sql->str, error);
  if (stmt == NULL || loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    out_counts[t] = (guint) sqlite3_column_int64 (stmt, (int) t);
  return TRUE;
}

gboolean
loadwise_database_is_empty (LoadwiseDatabase  *self,
                            gboolean          *out_empty,
                            GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_empty != NULL, FALSE);

  return count_rows (self->db, out_empty, error);
}

static gboolean
insert_table (sqlite3                *db,
              guint                   table,
              const LoadwiseDataset  *dataset,
              GError                **error)
{
  const LoadwiseTableSpec *spec = &tables[table];
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (dataset->rows[table]->len == 0)
    return TRUE;

  g_string_append_printf (sql, "INSERT INTO %s (", spec->table);
  for (guint c = 0; c < spec->n_columns; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", spec->columns[c].column);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < spec->n_columns; c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ")");

  stmt = loadwise_sqlite_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < dataset->rows[table]->len; r++)
    {
      const LoadwiseDatasetValue *values = loadwise_dataset_get_row (dataset, table, r);

      for (guint c = 0; c < spec->n_columns; c++)
        {
          int index = (int) c + 1;

          if (values[c].is_null)
            sqlite3_bind_null (stmt, index);
          else if (spec->columns[c].kind == LOADWISE_COLUMN_REAL)
            sqlite3_bind_double (stmt, index, values[c].d);
          else if (values[c].s != NULL && spec->columns[c].typed_text > 0)
            {
              g_autofree char *clean = NULL;

              /* Stored as the store's own writes store it: trimmed, NFC. */
              if (!loadwise_text_validate (spec->columns[c].name, values[c].s, -1,
                                           spec->columns[c].typed_text - 1, &clean, error))
                return FALSE;
              sqlite3_bind_text (stmt, index, clean, -1, SQLITE_TRANSIENT);
            }
          else if (values[c].s != NULL)
            sqlite3_bind_text (stmt, index, values[c].s, -1, SQLITE_STATIC);
          else
            sqlite3_bind_int64 (stmt, index, values[c].i);
        }
      if (!loadwise_sqlite_step_done (db, stmt, error))
        {
          g_prefix_error (error, "%s[%u]: ", spec->name, r);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
get_data_version (sqlite3  *db,
                  gint64   *out_version,
                  GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, "PRAGMA data_version", error);

  if (stmt == NULL || loadwise_sqlite_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The safety copy of what @dataset is about to replace. It cannot be taken
 * inside the write transaction (VACUUM INTO refuses), so the caller checks
 * afterwards, inside it, that no other connection committed since
 * @out_data_version. */
static char *
backup_before_import (LoadwiseDatabase  *self,
                      int                kind,
                      gint64            *out_data_version,
                      GError           **error)
{
  if (!get_data_version (self->db, out_data_version, error))
    return NULL;
  return loadwise_backups_take_safety_copy (self, (LoadwiseSafetyCopy) kind, error);
}

/* How often a replace takes its safety copy again when another program
 * keeps writing between the copy and the transaction. */
#define WRITE_DATASET_TRIES 5

gboolean
loadwise_database_write_dataset_as (LoadwiseDatabase  *self,
                                    LoadwiseDataset   *dataset,
                                    gboolean           replace,
                                    int                kind,
                                    char             **out_backup_path,
                                    GError           **error)
{
  g_autofree char *backup_path = NULL;
  gint64 copied_version = 0;
  gboolean empty = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  if (!loadwise_dataset_validate (dataset, error))
    return FALSE;

  for (guint attempt = 0;; attempt++)
    {
      gint64 version = 0;

      /* A replace of data keeps a copy of it first; a plain import needs
       * none. Whether there is data is decided again below, inside the
       * transaction: that answer is the one that counts. */
      if (replace && backup_path == NULL)
        {
          if (!count_rows (self->db, &empty, error))
            return FALSE;
          if (!empty)
            {
              backup_path = backup_before_import (self, kind, &copied_version, error);
              if (backup_path == NULL)
                return FALSE;
            }
        }

      if (!loadwise_sqlite_begin (self->db, error))
        return FALSE;
      if (!count_rows (self->db, &empty, error))
        {
          loadwise_sqlite_rollback (self->db);
          return FALSE;
        }
      if (!empty && !replace)
        {
          loadwise_sqlite_rollback (self->db);
          return loadwise_error_invalid (error, _("The database already holds data; nothing was changed"));
        }
      if (empty || !replace)
        break;
      /* The copy holds everything this transaction replaces, unless
       * another connection committed after it was taken. */
      if (backup_path != NULL)
        {
          if (!get_data_version (self->db, &version, error))
            {
              loadwise_sqlite_rollback (self->db);
              return FALSE;
            }
          if (version == copied_version)
            break;
        }
      loadwise_sqlite_rollback (self->db);
      g_clear_pointer (&backup_path, g_free);
      if (attempt + 1 >= WRITE_DATASET_TRIES)
        {
          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_BUSY,
                       _("Another program kept changing the data while its backup copy was "
                         "taken; nothing was changed. Try again."));
          return FALSE;
        }
    }

  /* Children first, then parents in order. */
  for (guint t = N_TABLES; t-- > 0 && ok && !empty;)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[t].table);

      ok = loadwise_sqlite_exec (self->db, sql, error);
    }
  for (guint t = 0; t < N_TABLES && ok; t++)
    ok = insert_table (self->db, t, dataset, error);

  /* Imported decisions stand where final (a backup from before schema 6
   * says so by the sessions after them); the rest are worked out again
   * from the imported data, in the same transaction. */
  if (ok)
    ok = loadwise_sqlite_exec (self->db, LOADWISE_SQL_FINALIZE_TRAINED, error);
  loadwise_database_mark_all_dirty (self);
  if (!loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_ALL, ok, error))
    return FALSE;

  if (out_backup_path != NULL)
    *out_backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

gboolean
loadwise_database_write_dataset (LoadwiseDatabase  *self,
                                 LoadwiseDataset   *dataset,
                                 gboolean           replace,
                                 char             **out_backup_path,
                                 GError           **error)
{
  return loadwise_database_write_dataset_as (self, dataset, replace, LOADWISE_SAFETY_COPY_IMPORT,
                                             out_backup_path, error);
}

typedef struct {
  LoadwiseDataset *dataset;
  LoadwiseClock   *clock;
} CreateFill;

static gboolean
fill_with_dataset (LoadwiseDatabase  *database,
                   gpointer           user_data,
                   GError           **error)
{
  CreateFill *fill = user_data;

  if (fill->clock != NULL)
    loadwise_database_set_clock (database, fill->clock);
  return loadwise_database_write_dataset (database, fill->dataset, FALSE, NULL, error);
}

gboolean
loadwise_database_create_from_dataset (const char       *path,
                                       LoadwiseDataset  *dataset,
                                       LoadwiseClock    *clock,
                                       gboolean         *out_created,
                                       GError          **error)
{
  CreateFill fill = { dataset, clock };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (out_created != NULL, FALSE);

  /* Checked before any file is made. */
  if (!loadwise_dataset_validate (dataset, error))
    return FALSE;
  return loadwise_database_create_whole (path, fill_with_dataset, &fill, out_created, error);
}
