/* test-json-backup-preview.c: what importing a JSON backup would change
 *
 * Issue 13: the app shows it before anything is written. Counted per
 * kind in the backup and in the database; into an empty database it
 * adds, otherwise it replaces; a bad file is refused with its place and
 * nothing is written.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "core/loadwise-error.h"
#include "charts-test-util.h"
#include "loadwise-test-util.h"
#include "report/loadwise-json-backup.h"
#include "store/loadwise-demo.h"

static int
table_of (LoadwiseJsonBackupKind kind)
{
  int table = loadwise_dataset_find_table (loadwise_json_backup_kind_get_table (kind));

  g_assert_cmpint (table, >=, 0);
  return table;
}

static void
set_date (LoadwiseDataset *dataset,
          const char      *table_name,
          const char      *date)
{
  int table = loadwise_dataset_find_table (table_name);
  int column = loadwise_dataset_find_column ((guint) table, "date");
  LoadwiseDatasetValue *values = loadwise_dataset_add_row (dataset, (guint) table);

  values[column].is_null = FALSE;
  values[column].s = g_strdup (date);
}

/* The counting alone: the kinds, the range of days, and "replaces" when
 * the database holds anything, even in a table no kind names. */
static void
test_counts (void)
{
  g_autoptr (LoadwiseDataset) dataset = loadwise_dataset_new ();
  g_autofree guint *current = NULL;
  LoadwiseJsonBackupPreview preview;
  GDate first = loadwise_test_date (2025, 12, 30);
  GDate last = loadwise_test_date (2026, 2, 1);
  guint n_tables;

  loadwise_dataset_get_tables (&n_tables);
  current = g_new0 (guint, n_tables);

  set_date (dataset, "sessions", "2026-01-05");
  set_date (dataset, "sessions", "2025-12-30");
  set_date (dataset, "checkins", "2026-01-02");
  set_date (dataset, "runs", "2026-02-01");
  loadwise_dataset_add_row (dataset, (guint) table_of (LOADWISE_JSON_BACKUP_KIND_SHOES));

  /* An empty database: the backup's data is added. */
  loadwise_json_backup_preview_init (&preview, dataset, current);
  g_assert_false (preview.replaces);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_SESSIONS], ==, 2);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_CHECKINS], ==, 1);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_RUNS], ==, 1);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_SHOES], ==, 1);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_SETS], ==, 0);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_PROGRAMME], ==, 0);
  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    g_assert_cmpuint (preview.current[k], ==, 0);
  g_assert_true (g_date_valid (&preview.first));
  g_assert_cmpint (g_date_compare (&preview.first, &first), ==, 0);
  g_assert_cmpint (g_date_compare (&preview.last, &last), ==, 0);

  /* A reminder's state alone is data too: it would be replaced. */
  current[loadwise_dataset_find_table ("reminders")] = 1;
  loadwise_json_backup_preview_init (&preview, dataset, current);
  g_assert_true (preview.replaces);
  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    g_assert_cmpuint (preview.current[k], ==, 0);

  current[table_of (LOADWISE_JSON_BACKUP_KIND_RUNS)] = 7;
  current[table_of (LOADWISE_JSON_BACKUP_KIND_SETTINGS)] = 3;
  loadwise_json_backup_preview_init (&preview, dataset, current);
  g_assert_cmpuint (preview.current[LOADWISE_JSON_BACKUP_KIND_RUNS], ==, 7);
  g_assert_cmpuint (preview.current[LOADWISE_JSON_BACKUP_KIND_SETTINGS], ==, 3);

  /* No dated rows: no range. */
  {
    g_autoptr (LoadwiseDataset) empty = loadwise_dataset_new ();

    loadwise_json_backup_preview_init (&preview, empty, current);
    g_assert_false (g_date_valid (&preview.first));
    g_assert_false (g_date_valid (&preview.last));
  }
}

/* A year of demo history written as a backup, at @path. */
static LoadwiseDataset *
write_demo_backup (ChartsFixture *fixture,
                   gint64         seed,
                   const char    *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) stamp = g_date_time_new (utc, 2026, 11, 25, 8, 0, 0);
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseDataset *dataset = loadwise_demo_generate (fixture->catalogue, 1, seed, &today, &error);
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  text = loadwise_json_backup_from_dataset (dataset, stamp, &length);
  g_assert_true (g_file_set_contents (path, text, (gssize) length, &error));
  g_assert_no_error (error);
  return dataset;
}

static void
assert_counts (LoadwiseDatabase *db,
               const guint      *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree guint *counts = NULL;
  guint n_tables;

  loadwise_dataset_get_tables (&n_tables);
  counts = g_new0 (guint, n_tables);
  g_assert_true (loadwise_database_count_rows (db, counts, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < n_tables; t++)
    g_assert_cmpuint (counts[t], ==, expected[t]);
}

/* Into an empty database the file adds; over a history it replaces, and
 * the preview reads both without writing. */
static void
test_file_add_and_replace (ChartsFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "backup.json", NULL);
  g_autofree char *backups = g_build_filename (fixture->tmpdir, "backups", NULL);
  g_autoptr (LoadwiseDataset) written = write_demo_backup (fixture, 3, path);
  g_autoptr (LoadwiseDataset) read = NULL;
  g_autoptr (LoadwiseDataset) held = NULL;
  g_autofree guint *zero = NULL;
  g_autofree guint *before = NULL;
  LoadwiseJsonBackupPreview preview;
  GDate today = loadwise_test_date (2026, 11, 25);
  guint n_tables;

  loadwise_dataset_get_tables (&n_tables);
  zero = g_new0 (guint, n_tables);
  before = g_new0 (guint, n_tables);

  g_assert_true (loadwise_json_backup_preview_file (fixture->db, path, &read, &preview, &error));
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_false (preview.replaces);
  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    {
      g_assert_cmpuint (preview.incoming[k], ==, loadwise_dataset_get_n_rows (written, (guint) table_of (k)));
      g_assert_cmpuint (preview.current[k], ==, 0);
    }
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_PROGRAMME], ==, 1);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_SESSIONS], >, 50);
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_RUNS], >, 100);
  /* A year before today, which stays free. */
  g_assert_true (g_date_valid (&preview.first));
  g_assert_cmpint (g_date_compare (&preview.last, &today), <, 0);
  g_assert_cmpint (g_date_days_between (&preview.first, &preview.last), >=, 300);
  g_assert_cmpint (g_date_days_between (&preview.first, &today), <=, 370);
  assert_counts (fixture->db, zero);
  g_clear_pointer (&read, loadwise_dataset_free);

  /* Another history in the database: replaced, counted as it is now. */
  g_assert_true (loadwise_database_fill_demo (fixture->db, fixture->catalogue, 1, 11, &today, &error));
  g_assert_no_error (error);
  held = loadwise_database_read_dataset (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_count_rows (fixture->db, before, &error));
  g_assert_true (loadwise_json_backup_preview_file (fixture->db, path, &read, &preview, &error));
  g_assert_no_error (error);
  g_assert_true (preview.replaces);
  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    {
      g_assert_cmpuint (preview.incoming[k], ==, loadwise_dataset_get_n_rows (written, (guint) table_of (k)));
      g_assert_cmpuint (preview.current[k], ==, loadwise_dataset_get_n_rows (held, (guint) table_of (k)));
    }
  /* The seeds differ: so do the histories. */
  g_assert_cmpuint (preview.incoming[LOADWISE_JSON_BACKUP_KIND_SETS], !=,
                    preview.current[LOADWISE_JSON_BACKUP_KIND_SETS]);
  /* Nothing was written, no safety copy taken. */
  assert_counts (fixture->db, before);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* A damaged or hostile file is refused with what is wrong, and the
 * database keeps every row. */
static void
test_file_refused (ChartsFixture *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"format_version\": 2, \"runs\": [", "Not a JSON file" },
    { "{\"format_version\": 2, \"checkins\": [{\"date\": \"2026-02-30\", \"morning_pain\": 2, "
      "\"side\": \"left\", \"night_pain\": false, \"updated_at\": \"2026-02-01T08:00:00Z\"}]}",
      "checkins[0].date" },
    { "{\"format_version\": 2, \"runs\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
      "nests more than" },
    { "{\"format_version\": 9}", "newer than this Loadwise reads" },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "bad.json", NULL);
  g_autofree guint *before = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  guint n_tables;

  g_assert_true (loadwise_database_fill_demo (fixture->db, fixture->catalogue, 1, 5, &today, &error));
  g_assert_no_error (error);
  loadwise_dataset_get_tables (&n_tables);
  before = g_new0 (guint, n_tables);
  g_assert_true (loadwise_database_count_rows (fixture->db, before, &error));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LoadwiseDataset) read = NULL;
      LoadwiseJsonBackupPreview preview;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, &error));
      g_assert_false (loadwise_json_backup_preview_file (fixture->db, path, &read, &preview, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_null (read);
      g_clear_error (&error);
      assert_counts (fixture->db, before);
    }

  /* A file that is not there says which. */
  {
    g_autoptr (LoadwiseDataset) read = NULL;
    g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.json", NULL);
    LoadwiseJsonBackupPreview preview;

    g_assert_false (loadwise_json_backup_preview_file (fixture->db, missing, &read, &preview, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, "missing.json"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-backup-preview/counts", test_counts);
  g_test_add ("/json-backup-preview/file-add-and-replace", ChartsFixture, NULL,
              charts_fixture_setup, test_file_add_and_replace, charts_fixture_teardown);
  g_test_add ("/json-backup-preview/file-refused", ChartsFixture, NULL,
              charts_fixture_setup, test_file_refused, charts_fixture_teardown);

  return g_test_run ();
}
