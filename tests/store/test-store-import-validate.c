/* test-store-import-validate.c: the one gate of imports and restores
 *
 * loadwise_dataset_validate() is what both a JSON import and a restore of
 * a database copy pass through (loadwise_database_write_dataset()). A
 * dataset that breaks the settings' types or the plan's invariants is
 * refused with the place named, and writing it changes nothing.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-track.h"
#include "store/loadwise-database-dataset.h"
#include "store/loadwise-database-reminders.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

#define STAMP "2026-11-02T05:00:00Z"

static guint
table_of (const char *name)
{
  int table = loadwise_dataset_find_table (name);

  g_assert_cmpint (table, >=, 0);
  return (guint) table;
}

static LoadwiseDatasetValue *
cell (LoadwiseDatasetValue *values,
      guint                 table,
      const char           *column)
{
  int c = loadwise_dataset_find_column (table, column);

  g_assert_cmpint (c, >=, 0);
  values[c].is_null = FALSE;
  return &values[c];
}

static void
set_text (LoadwiseDatasetValue *values,
          guint                 table,
          const char           *column,
          const char           *text)
{
  LoadwiseDatasetValue *value = cell (values, table, column);

  g_free (value->s);
  value->s = g_strdup (text);
}

static void
set_int (LoadwiseDatasetValue *values,
         guint                 table,
         const char           *column,
         gint64                number)
{
  cell (values, table, column)->i = number;
}

static void
set_real (LoadwiseDatasetValue *values,
          guint                 table,
          const char           *column,
          double                number)
{
  cell (values, table, column)->d = number;
}

static void
add_plan (LoadwiseDataset *dataset,
          gint64           week,
          const char      *family)
{
  guint t = table_of ("weeks");
  LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, t);

  set_int (v, t, "week", week);
  set_text (v, t, "family", family);
  set_int (v, t, "level", 1);
  set_int (v, t, "target_reps", 0);
  set_int (v, t, "target_hold_s", 0);
  set_text (v, t, "decision", week == 1 ? "start" : "hold");
  set_text (v, t, "reason", "");
  set_text (v, t, "decided_at", STAMP);
}

static void
add_review (LoadwiseDataset *dataset,
            gint64           week)
{
  guint t = table_of ("week_reviews");
  LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, t);

  set_int (v, t, "week", week);
  set_int (v, t, "sets_done", 18);
  set_int (v, t, "sets_counted", 18);
  set_int (v, t, "see_clinician", 0);
  set_int (v, t, "safe_pain", 3);
  set_int (v, t, "max_pain", 5);
  set_int (v, t, "training_days", LOADWISE_TRAINING_DAYS_DEFAULT);
  set_text (v, t, "inputs", "");
  set_text (v, t, "closed_at", STAMP);
}

static void
add_setting (LoadwiseDataset *dataset,
             const char      *key,
             const char      *value)
{
  guint t = table_of ("settings");
  LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, t);

  set_text (v, t, "key", key);
  set_text (v, t, "value", value);
}

static void
add_session (LoadwiseDataset *dataset,
             const char      *note)
{
  guint t = table_of ("sessions");
  LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, t);

  set_text (v, t, "date", "2026-11-02");
  set_text (v, t, "status", "done");
  set_text (v, t, "note", note);
  set_text (v, t, "updated_at", STAMP);
}

/* One dataset: an 8-week programme from Monday 2026-11-02 (or none), its
 * plan, its reviews, the four reminder settings with one changed or one
 * more, and a session's note. */
typedef struct {
  const char *name;
  gboolean    programme;
  const char *plan;        /* weeks and families: "1bsl 2bs" (bridge, single-leg, lateral) */
  const char *reviews;     /* reviewed weeks: "1 2" */
  const char *key;         /* a setting to change or add, or NULL */
  const char *value;
  const char *note;        /* a session's note, or NULL */
  const char *message;     /* NULL: valid */
} DatasetCase;

static const char *const good_settings[][2] = {
  { "reminders.enabled", "true" },
  { "reminders.session-time", "18:30" },
  { "reminders.checkin-time", "07:45:30" },
  { "reminders.snooze-minutes", "240" },
};

static LoadwiseDataset *
build (const DatasetCase *c)
{
  LoadwiseDataset *dataset = loadwise_dataset_new ();
  g_auto (GStrv) weeks = g_strsplit (c->plan, " ", -1);
  g_auto (GStrv) reviews = g_strsplit (c->reviews, " ", -1);
  gboolean key_used = FALSE;

  if (c->programme)
    {
      guint t = table_of ("programme");
      LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, t);

      set_text (v, t, "start", "2026-11-02");
      set_int (v, t, "weeks", 8);
      set_int (v, t, "training_days", LOADWISE_TRAINING_DAYS_DEFAULT);
      set_int (v, t, "safe_pain", 3);
      set_int (v, t, "max_pain", 5);
      set_text (v, t, "created_at", STAMP);
    }
  for (guint i = 0; weeks[i] != NULL; i++)
    {
      char *families = NULL;
      gint64 week = g_ascii_strtoll (weeks[i], &families, 10);

      if (*weeks[i] == '\0')
        continue;
      if (strchr (families, 'b') != NULL)
        add_plan (dataset, week, "bridge");
      if (strchr (families, 's') != NULL)
        add_plan (dataset, week, "single-leg");
      if (strchr (families, 'l') != NULL)
        add_plan (dataset, week, "lateral");
    }
  for (guint i = 0; reviews[i] != NULL; i++)
    if (*reviews[i] != '\0')
      add_review (dataset, g_ascii_strtoll (reviews[i], NULL, 10));
  for (guint i = 0; i < G_N_ELEMENTS (good_settings); i++)
    {
      gboolean changed = c->key != NULL && g_str_equal (c->key, good_settings[i][0]);

      add_setting (dataset, good_settings[i][0], changed ? c->value : good_settings[i][1]);
      key_used |= changed;
    }
  if (c->key != NULL && !key_used)
    add_setting (dataset, c->key, c->value);
  if (c->note != NULL)
    add_session (dataset, c->note);
  return dataset;
}

#define PLAN3 "1bsl 2bsl 3bsl"

static const DatasetCase cases[] = {
  { "good", TRUE, PLAN3, "1 2", NULL, NULL, "fine\nwith\ttabs", NULL },
  { "nothing", FALSE, "", "", NULL, NULL, NULL, NULL },
  /* After the last week, maintenance weeks are planned as the others. */
  { "maintenance", TRUE, "1bsl 2bsl 3bsl 4bsl 5bsl 6bsl 7bsl 8bsl 9bsl 10bsl", "1 2 3 4 5 6 7 8 9",
    NULL, NULL, NULL, NULL },
  /* Settings by key and type. */
  { "enabled", TRUE, PLAN3, "1 2", "reminders.enabled", "yes", NULL,
    "settings.reminders.enabled: “yes” is not “true” or “false”" },
  { "enabled-empty", TRUE, PLAN3, "1 2", "reminders.enabled", "", NULL,
    "settings.reminders.enabled: “” is not “true” or “false”" },
  { "session-time", TRUE, PLAN3, "1 2", "reminders.session-time", "6pm", NULL,
    "settings.reminders.session-time: 6pm is not a time (use HH:MM, 00:00-23:59)" },
  { "checkin-seconds", TRUE, PLAN3, "1 2", "reminders.checkin-time", "07:45:60", NULL,
    "settings.reminders.checkin-time: 60 is outside 0-59" },
  { "snooze", TRUE, PLAN3, "1 2", "reminders.snooze-minutes", "241", NULL,
    "settings.reminders.snooze-minutes: 241 is outside 1-240" },
  { "unknown", TRUE, PLAN3, "1 2", "window.width", "800", NULL,
    "settings.window.width: not a setting of Loadwise (the settings are reminders.enabled, "
    "reminders.session-time, reminders.checkin-time, reminders.snooze-minutes)" },
  { "setting-name", TRUE, PLAN3, "1 2", "Reminders", "true", NULL,
    "settings: “Reminders” is not a setting name (a-z, 0-9, '-', '.')" },
  { "setting-control", TRUE, PLAN3, "1 2", "reminders.session-time", "18:30\r", NULL,
    "settings.reminders.session-time: holds the control character U+000D; text may hold line "
    "breaks and tabs, no other control characters" },
  /* The plan. */
  { "weeks-empty", TRUE, "", "", NULL, NULL, NULL,
    "weeks: empty; a programme needs week 1’s plan (a row for each of bridge, single-leg and lateral)" },
  { "no-week-1", TRUE, "2bsl 3bsl", "2", NULL, NULL, NULL,
    "weeks: no plan for week 1, though week 3 is planned (the plan’s weeks run from week 1 without gaps)" },
  { "week-1-partial", TRUE, "1bl", "", NULL, NULL, NULL,
    "weeks: week 1 has no row for single-leg (each planned week has bridge, single-leg and lateral)" },
  { "gap", TRUE, "1bsl 3bsl", "", NULL, NULL, NULL,
    "weeks: no plan for week 2, though week 3 is planned (the plan’s weeks run from week 1 without gaps)" },
  { "family", TRUE, "1bsl 2bs", "1", NULL, NULL, NULL,
    "weeks: week 2 has no row for lateral (each planned week has bridge, single-leg and lateral)" },
  { "review-beyond", TRUE, "1bsl 2bsl", "1 2", NULL, NULL, NULL,
    "week_reviews[1].week: week 2 is reviewed, but weeks has no plan for week 3 (the plan that review decided)" },
  { "plan-alone", FALSE, "1bsl", "", NULL, NULL, NULL,
    "weeks: a plan needs a programme, and programme is empty" },
  { "reviews-alone", FALSE, "", "1", NULL, NULL, NULL,
    "week_reviews: reviews need a programme, and programme is empty" },
  /* Text. */
  { "note-escape", TRUE, PLAN3, "1 2", NULL, NULL, "red \x1b[31m",
    "sessions[0].note: U+001B is a control character; only text, line breaks and tabs are allowed" },
  { "note-c1", TRUE, PLAN3, "1 2", NULL, NULL, "next line \xc2\x85",
    "sessions[0].note: U+0085 is a control character; only text, line breaks and tabs are allowed" },
  { "note-utf8", TRUE, PLAN3, "1 2", NULL, NULL, "caf\xc3", "sessions[0].note: not valid UTF-8 text" },
};

static void
test_cases (StoreFixture  *fixture,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DatasetCase *c = &cases[i];
      g_autoptr (LoadwiseDataset) dataset = build (c);
      g_autoptr (GError) error = NULL;
      gboolean empty = FALSE;
      gboolean ok;

      g_test_message ("%s", c->name);
      ok = loadwise_dataset_validate (dataset, &error);
      if (c->message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_false (ok);
      g_clear_error (&error);

      /* The writer refuses it the same way, and writes nothing. */
      g_assert_false (loadwise_database_write_dataset (fixture->db, dataset, FALSE, NULL, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, c->message);
      g_clear_error (&error);
      g_assert_true (loadwise_database_is_empty (fixture->db, &empty, &error));
      g_assert_no_error (error);
      g_assert_true (empty);
    }
}

/* Runs from recorded tracks (schema 7): a run with its start and file
 * hash, and its profile of three points, each changed in turn. */
typedef enum {
  EDIT_NONE,
  EDIT_TEXT,
  EDIT_INT,
  EDIT_REAL,
  EDIT_SWAP,  /* the profile's first and last rows change places */
} EditKind;

typedef struct {
  const char *name;
  const char *table;    /* "runs" or "run_profiles" */
  guint       row;
  const char *column;
  EditKind    kind;
  const char *text;
  double      number;
  const char *message;  /* NULL: valid */
} RecordedCase;

#define SHA "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static const RecordedCase recorded_cases[] = {
  { "good", NULL, 0, NULL, EDIT_NONE, NULL, 0, NULL },
  { "rows-in-any-order", NULL, 0, NULL, EDIT_SWAP, NULL, 0, NULL },
  { "typed-in", "runs", 0, "started_at", EDIT_TEXT, NULL, 0, NULL },
  { "started-fraction", "runs", 0, "started_at", EDIT_TEXT, "2026-03-04T06:12:00.5Z", 0,
    "runs[0].started_at: “2026-03-04T06:12:00.5Z” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)" },
  { "started-offset", "runs", 0, "started_at", EDIT_TEXT, "2026-03-04T07:12:00+01:00", 0,
    "runs[0].started_at: “2026-03-04T07:12:00+01:00” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)" },
  { "started-epoch", "runs", 0, "started_at", EDIT_TEXT, "1970-01-01T00:00:00Z", 0,
    "runs[0].started_at: 1970-01-01T00:00:00Z is before 1970-01-01T00:00:01Z" },
  { "sha-upper", "runs", 0, "track_sha256", EDIT_TEXT,
    "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", 0,
    "runs[0].track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "sha-short", "runs", 0, "track_sha256", EDIT_TEXT, "9f86d081", 0,
    "runs[0].track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "sha-long", "runs", 0, "track_sha256", EDIT_TEXT, SHA "0", 0,
    "runs[0].track_sha256: longer than 64 characters" },
  { "profile-orphan", "run_profiles", 0, "run_id", EDIT_INT, NULL, 2,
    "run_profiles[0].run_id: 2 refers to no entry in runs" },
  { "profile-too-many", "run_profiles", 2, "idx", EDIT_INT, NULL, LOADWISE_PROFILE_MAX_POINTS,
    "run_profiles[2].idx: 300 is outside 0-299" },
  { "profile-idx-twice", "run_profiles", 2, "idx", EDIT_INT, NULL, 1, "run_profiles[2]: 1, 1 appears twice" },
  { "distance-negative", "run_profiles", 0, "distance_m", EDIT_REAL, NULL, -1,
    "run_profiles[0].distance_m: -1 is outside 0-400000" },
  { "distance-beyond", "run_profiles", 2, "distance_m", EDIT_REAL, NULL, 400000.5,
    "run_profiles[2].distance_m: 400000.5 is outside 0-400000" },
  { "distance-back", "run_profiles", 2, "distance_m", EDIT_REAL, NULL, 100,
    "run_profiles[2].distance_m: 100 comes after 3000 (idx 1); the distances of a profile never go back" },
  { "elevation-high", "run_profiles", 1, "elevation_m", EDIT_REAL, NULL, 9000.5,
    "run_profiles[1].elevation_m: 9000.5 is outside -500 to 9000" },
  { "elevation-low", "run_profiles", 1, "elevation_m", EDIT_REAL, NULL, -501,
    "run_profiles[1].elevation_m: -501 is outside -500 to 9000" },
  { "elevation-infinite", "run_profiles", 1, "elevation_m", EDIT_REAL, NULL, INFINITY,
    "run_profiles[1].elevation_m: inf is outside -500 to 9000" },
};

static LoadwiseDataset *
build_recorded (const RecordedCase *c)
{
  LoadwiseDataset *dataset = loadwise_dataset_new ();
  guint runs = table_of ("runs");
  guint profiles = table_of ("run_profiles");
  LoadwiseDatasetValue *v = loadwise_dataset_add_row (dataset, runs);
  const double points[][2] = { { 0, 41.5 }, { 3000, 95.25 }, { 6000, 40 } };

  set_int (v, runs, "id", 1);
  set_text (v, runs, "date", "2026-03-04");
  set_int (v, runs, "distance_m", 6000);
  set_int (v, runs, "duration_s", 1980);
  set_int (v, runs, "climb_m", 55);
  set_int (v, runs, "descent_m", 56);
  set_int (v, runs, "speed", 0);
  set_int (v, runs, "long_run", 0);
  set_text (v, runs, "camber", "none");
  set_text (v, runs, "surface", "trail");
  set_int (v, runs, "pain_during", 2);
  set_text (v, runs, "updated_at", STAMP);
  set_text (v, runs, "started_at", "2026-03-04T06:12:00Z");
  set_text (v, runs, "track_sha256", SHA);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      guint from = c->kind == EDIT_SWAP ? (guint) G_N_ELEMENTS (points) - 1 - i : i;

      v = loadwise_dataset_add_row (dataset, profiles);
      set_int (v, profiles, "run_id", 1);
      set_int (v, profiles, "idx", from);
      set_real (v, profiles, "distance_m", points[from][0]);
      set_real (v, profiles, "elevation_m", points[from][1]);
    }

  if (c->table != NULL)
    {
      guint t = table_of (c->table);
      LoadwiseDatasetValue *row = loadwise_dataset_get_row (dataset, t, c->row);
      int column = loadwise_dataset_find_column (t, c->column);

      g_assert_cmpint (column, >=, 0);
      if (c->kind == EDIT_TEXT && c->text == NULL)
        {
          g_clear_pointer (&row[column].s, g_free);
          row[column].is_null = TRUE;
        }
      else if (c->kind == EDIT_TEXT)
        set_text (row, t, c->column, c->text);
      else if (c->kind == EDIT_INT)
        set_int (row, t, c->column, (gint64) c->number);
      else
        set_real (row, t, c->column, c->number);
    }
  return dataset;
}

static void
test_recorded_runs (StoreFixture  *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (recorded_cases); i++)
    {
      const RecordedCase *c = &recorded_cases[i];
      g_autoptr (LoadwiseDataset) dataset = build_recorded (c);
      g_autoptr (GError) error = NULL;
      gboolean empty = FALSE;

      g_test_message ("%s", c->name);
      if (c->message == NULL)
        {
          StoreFixture other = { 0 };
          g_autoptr (LoadwiseDataset) read = NULL;
          guint profiles = table_of ("run_profiles");

          g_assert_true (loadwise_dataset_validate (dataset, &error));
          g_assert_no_error (error);
          /* Written and read back: the same rows, in the order of the key. */
          store_fixture_setup (&other, NULL);
          g_assert_true (loadwise_database_write_dataset (other.db, dataset, FALSE, NULL, &error));
          g_assert_no_error (error);
          read = loadwise_database_read_dataset (other.db, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (loadwise_dataset_get_n_rows (read, profiles), ==, 3);
          for (guint r = 0; r < 3; r++)
            {
              LoadwiseDatasetValue *v = loadwise_dataset_get_row (read, profiles, r);

              g_assert_cmpint (v[1].i, ==, r);
              g_assert_cmpfloat (v[2].d, ==, r * 3000.0);
            }
          g_assert_cmpfloat (loadwise_dataset_get_row (read, profiles, 1)[3].d, ==, 95.25);
          g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (other.db),
                                                 "SELECT count(*) FROM run WHERE surface = 'trail'"
                                                 " AND (started_at = '2026-03-04T06:12:00Z'"
                                                 "      OR started_at IS NULL)"
                                                 " AND track_sha256 = '" SHA "'"), ==, 1);
          store_fixture_teardown (&other, NULL);
          continue;
        }
      g_assert_false (loadwise_dataset_validate (dataset, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, c->message);
      g_clear_error (&error);

      /* The writer refuses it the same way, and writes nothing. */
      g_assert_false (loadwise_database_write_dataset (fixture->db, dataset, FALSE, NULL, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, c->message);
      g_clear_error (&error);
      g_assert_true (loadwise_database_is_empty (fixture->db, &empty, &error));
      g_assert_no_error (error);
      g_assert_true (empty);
    }
}

/* The gate is the dataset's, not the JSON's: a database that holds a
 * setting its reader fails on (written through the generic setter) does
 * not pass on to another database, as a restore would copy it. */
static void
test_gate_for_restore (StoreFixture  *fixture,
                       gconstpointer  data)
{
  StoreFixture other = { 0 };
  GDate start = loadwise_test_date (2026, 11, 2);
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  gboolean empty = FALSE;

  store_test_start_programme (fixture->db, &start);
  g_assert_true (loadwise_database_set_setting (fixture->db, "reminders.enabled", "yes", &error));
  g_assert_no_error (error);

  dataset = loadwise_database_read_dataset (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_false (loadwise_dataset_validate (dataset, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "settings.reminders.enabled: “yes” is not “true” or “false”");
  g_clear_error (&error);

  store_fixture_setup (&other, NULL);
  g_assert_false (loadwise_database_write_dataset (other.db, dataset, FALSE, NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (loadwise_database_is_empty (other.db, &empty, &error));
  g_assert_true (empty);
  store_fixture_teardown (&other, NULL);
}

/* Every key the reminders' reader and writer use is in the settings
 * table: what the store writes passes, and comes back the same. */
static void
test_settings_cover_the_readers (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  StoreFixture other = { 0 };
  GDate start = loadwise_test_date (2026, 11, 2);
  LoadwiseReminderSettings settings, read;
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;

  store_test_start_programme (fixture->db, &start);
  loadwise_reminder_settings_init (&settings);
  settings.enabled = FALSE;
  settings.session_time_s = 17 * 3600 + 15 * 60 + 30;
  settings.checkin_time_s = 6 * 3600;
  settings.snooze_minutes = LOADWISE_REMINDER_SNOOZE_MAX;
  g_assert_true (loadwise_database_set_reminder_settings (fixture->db, &settings, &error));
  g_assert_no_error (error);

  dataset = loadwise_database_read_dataset (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loadwise_dataset_get_n_rows (dataset, table_of ("settings")), ==, 4);
  g_assert_true (loadwise_dataset_validate (dataset, &error));
  g_assert_no_error (error);

  store_fixture_setup (&other, NULL);
  g_assert_true (loadwise_database_write_dataset (other.db, dataset, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_reminder_settings (other.db, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read.enabled, ==, settings.enabled);
  g_assert_cmpuint (read.session_time_s, ==, settings.session_time_s);
  g_assert_cmpuint (read.checkin_time_s, ==, settings.checkin_time_s);
  g_assert_cmpuint (read.snooze_minutes, ==, settings.snooze_minutes);
  store_fixture_teardown (&other, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/import-validate/cases", StoreFixture, NULL,
              store_fixture_setup, test_cases, store_fixture_teardown);
  g_test_add ("/store/import-validate/recorded-runs", StoreFixture, NULL,
              store_fixture_setup, test_recorded_runs, store_fixture_teardown);
  g_test_add ("/store/import-validate/gate-for-restore", StoreFixture, NULL,
              store_fixture_setup, test_gate_for_restore, store_fixture_teardown);
  g_test_add ("/store/import-validate/settings-cover-the-readers", StoreFixture, NULL,
              store_fixture_setup, test_settings_cover_the_readers, store_fixture_teardown);

  return g_test_run ();
}
