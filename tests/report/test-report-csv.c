/* test-report-csv.c: every table as RFC 4180 CSV, read back by a parser
 * written here
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "report/loadwise-export.h"
#include "store/loadwise-database-charts.h"
#include "store/loadwise-database-runs.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

/* RFC 4180 by the letter: fields separated by commas, records by CRLF; a
 * quoted field may hold commas, CRLF and doubled quotes. Returns rows of
 * GStrv; fails the test on anything malformed. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');  /* an unterminated quote */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\0')
            {
              g_assert_true (*p != '"' && *p != '\n');  /* must have been quoted */
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          fields = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (fields->len, ==, 0);  /* the last record ends with CRLF */
  return rows;
}

static GPtrArray *
read_csv (const char *folder,
          const char *table)
{
  g_autofree char *name = g_strconcat (table, ".csv", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return parse_csv (text);
}

static int
column (GPtrArray  *rows,
        const char *name)
{
  char **header = g_ptr_array_index (rows, 0);

  for (int i = 0; header[i] != NULL; i++)
    if (g_strcmp0 (header[i], name) == 0)
      return i;
  g_error ("no column %s", name);
  return -1;
}

static void
test_quote (void)
{
  const char *cases[][2] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r\nlf", "\"cr\r\nlf\"" },
    { " padded ", "\" padded \"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = loadwise_csv_quote (cases[i][0]);

      g_assert_cmpstr (quoted, ==, cases[i][1]);
    }
  {
    g_autofree char *null_field = loadwise_csv_quote (NULL);

    g_assert_cmpstr (null_field, ==, "");
  }
}

static void
test_every_table (ChartsFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "export", NULL);
  g_auto (GStrv) tables = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) checkins = NULL;
  const char *note = "Sore, then \"fine\" —\nafter the warm-up, too";
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 14, .seed = 1,
                            .runs = TRUE };
  GDate day = loadwise_test_date (2026, 10, 7);
  int date_col, note_col, status_col;
  gboolean found = FALSE;

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  g_assert_true (loadwise_database_set_session_status (fixture->db, &day, LOADWISE_SESSION_STATUS_DONE,
                                                       note, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (loadwise_export_csv (fixture->db, folder, &error));
  g_assert_no_error (error);

  /* One file per table, each with a header row. */
  tables = loadwise_database_list_tables (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tables, "session"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "checkin"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "run"));
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) rows = read_csv (folder, tables[i]);

      g_assert_cmpuint (rows->len, >=, 1);
    }

  /* The note with its comma, quotes and line break comes back whole. */
  sessions = read_csv (folder, "session");
  date_col = column (sessions, "date");
  note_col = column (sessions, "note");
  status_col = column (sessions, "status");
  for (guint i = 1; i < sessions->len; i++)
    {
      char **row = g_ptr_array_index (sessions, i);

      if (g_strcmp0 (row[date_col], "2026-10-07") == 0)
        {
          g_assert_cmpstr (row[note_col], ==, note);
          g_assert_cmpstr (row[status_col], ==, "done");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* 21 check-ins (the baseline week and 14 days), in date order. */
  checkins = read_csv (folder, "checkin");
  g_assert_cmpuint (checkins->len, ==, 1 + 21);
  g_assert_cmpstr (((char **) g_ptr_array_index (checkins, 1))[column (checkins, "date")], ==,
                   "2026-09-28");
  g_assert_cmpstr (((char **) g_ptr_array_index (checkins, 21))[column (checkins, "date")], ==,
                   "2026-10-18");
}

/* A run from a recorded track: its start and file hash after the columns
 * a run had before (schema 7 appends them), and its profile in a file of
 * its own, by run and point. */
static void
test_recorded_run (ChartsFixture *fixture,
                   gconstpointer  data)
{
  static const char *const run_header[] = {
    "id", "date", "distance_m", "duration_s", "climb_m", "descent_m", "speed", "long_run", "camber",
    "surface", "shoe_id", "pain_during", "pain_after", "note", "updated_at", "started_at",
    "track_sha256", NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "export", NULL);
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) run_rows = NULL;
  g_autoptr (GPtrArray) profile_rows = NULL;
  g_autoptr (LoadwiseRun) typed = loadwise_run_new ();
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  LoadwiseProfilePoint points[] = { { 0, 40 }, { 2500.5, 81.25 }, { 5000, 39.5 } };
  LoadwiseRun *run = loadwise_run_new ();
  char **row;

  typed->date = loadwise_test_date (2026, 10, 6);
  typed->distance_m = 4000;
  g_assert_true (loadwise_database_add_run (fixture->db, typed, &error));
  g_assert_no_error (error);
  run->date = loadwise_test_date (2026, 10, 7);
  run->distance_m = 5000;
  run->pain_during = 1;
  run->started_at = G_GINT64_CONSTANT (1791354600);  /* 2026-10-07T06:30:00Z */
  run->track_sha256 = g_strnfill (64, 'b');
  g_ptr_array_add (runs, run);
  g_array_append_vals (profile, points, G_N_ELEMENTS (points));
  g_ptr_array_add (profiles, profile);
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, runs, profiles, &error));
  g_assert_no_error (error);

  g_assert_true (loadwise_export_csv (fixture->db, folder, &error));
  g_assert_no_error (error);

  run_rows = read_csv (folder, "run");
  g_assert_cmpuint (run_rows->len, ==, 3);
  g_assert_cmpstrv ((char **) g_ptr_array_index (run_rows, 0), run_header);
  row = g_ptr_array_index (run_rows, 1);
  g_assert_cmpstr (row[column (run_rows, "started_at")], ==, "");
  g_assert_cmpstr (row[column (run_rows, "track_sha256")], ==, "");
  row = g_ptr_array_index (run_rows, 2);
  g_assert_cmpstr (row[column (run_rows, "date")], ==, "2026-10-07");
  g_assert_cmpstr (row[column (run_rows, "started_at")], ==, "2026-10-07T06:30:00Z");
  g_assert_cmpstr (row[column (run_rows, "track_sha256")], ==, run->track_sha256);

  profile_rows = read_csv (folder, "run_profile");
  g_assert_cmpuint (profile_rows->len, ==, 4);
  {
    const char *const header[] = { "run_id", "idx", "distance_m", "elevation_m", NULL };
    const char *const second[] = { "2", "1", "2500.5", "81.25", NULL };

    g_assert_cmpstrv ((char **) g_ptr_array_index (profile_rows, 0), header);
    g_assert_cmpstrv ((char **) g_ptr_array_index (profile_rows, 2), second);
  }
}

static void
test_refuses_existing (ChartsFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "full", NULL);
  g_autofree char *inside = g_build_filename (folder, "mine.txt", NULL);
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty", NULL);
  g_autofree char *session_csv = g_build_filename (empty, "session.csv", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  g_assert_false (loadwise_export_csv (fixture->db, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (g_file_test (session_csv, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An empty folder is fine: the runner may have just made it. */
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_true (loadwise_export_csv (fixture->db, empty, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (session_csv, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/csv/quote", test_quote);
  g_test_add ("/report/csv/every-table", ChartsFixture, NULL, charts_fixture_setup, test_every_table,
              charts_fixture_teardown);
  g_test_add ("/report/csv/recorded-run", ChartsFixture, NULL, charts_fixture_setup, test_recorded_run,
              charts_fixture_teardown);
  g_test_add ("/report/csv/refuses-existing", ChartsFixture, NULL, charts_fixture_setup,
              test_refuses_existing, charts_fixture_teardown);

  return g_test_run ();
}
