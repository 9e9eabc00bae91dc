/* test-cli-export.c: `loadwise-cli export`, its files and its refusals
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core/loadwise-catalogue.h"
#include "store/loadwise-database.h"

#include "charts-test-util.h"
#include "cli-test-util.h"
#include "loadwise-test-util.h"

/* Eight weeks from 5 Oct 2026, seen from the morning of 29 Nov. */
#define NOW "2026-11-29T08:00:00"

static void
seed (CliFixture *fixture)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 56, .seed = 2,
                            .runs = TRUE, .flare = TRUE };

  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  database = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  charts_test_seed (database, catalogue, &history);
}

static gboolean
starts_with_bytes (const char *path,
                   const char *magic,
                   gsize       length)
{
  g_autoptr (GBytes) bytes = loadwise_test_read_file (path);

  return bytes != NULL && g_bytes_get_size (bytes) > length
         && memcmp (g_bytes_get_data (bytes, NULL), magic, length) == 0;
}

static void
test_formats (CliFixture    *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->tmpdir, "csv", NULL);
  g_autofree char *session_csv = g_build_filename (csv, "session.csv", NULL);
  g_autofree char *ics = g_build_filename (fixture->tmpdir, "sessions.ics", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->tmpdir, "pain.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmpdir, "runs.svg", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  seed (fixture);

  out = cli_run_ok (fixture, NOW, "export", "--format", "csv", "--output", csv, NULL);
  expected = g_strdup_printf ("Exported to %s\n", csv);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (starts_with_bytes (session_csv, "date,status,", 12));

  g_free (cli_run_ok (fixture, NOW, "export", "--format", "ics", "--output", ics, NULL));
  g_assert_true (starts_with_bytes (ics, "BEGIN:VCALENDAR", 15));

  g_free (cli_run_ok (fixture, NOW, "export", "--format", "pdf", "--output", pdf, NULL));
  g_assert_true (starts_with_bytes (pdf, "%PDF-", 5));

  g_free (cli_run_ok (fixture, NOW, "export", "--format", "png", "--chart", "pain",
                      "--output", png, NULL));
  g_assert_true (starts_with_bytes (png, "\x89PNG", 4));

  g_free (cli_run_ok (fixture, NOW, "export", "--format", "svg", "--chart", "runs",
                      "--range", "4-weeks", "--output", svg, NULL));
  g_assert_true (starts_with_bytes (svg, "<?xml", 5));
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Health data leaves as the runner's alone, whatever the umask (the CLI
 * inherits the test's). */
static void
test_private_files (CliFixture    *fixture,
                    gconstpointer  data)
{
  const char *const formats[][3] = {
    { "pdf", NULL, "r.pdf" }, { "png", "pain", "p.png" }, { "svg", "runs", "s.svg" },
    { "ics", NULL, "s.ics" }, { "json", NULL, "b.json" }, { "csv", NULL, "csv" },
  };
  mode_t saved;

  seed (fixture);
  saved = umask (0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (fixture->tmpdir, formats[i][2], NULL);

      if (formats[i][1] != NULL)
        g_free (cli_run_ok (fixture, NOW, "export", "--format", formats[i][0], "--chart", formats[i][1],
                            "--output", path, NULL));
      else
        g_free (cli_run_ok (fixture, NOW, "export", "--format", formats[i][0], "--output", path, NULL));
      if (g_strcmp0 (formats[i][0], "csv") == 0)
        {
          g_autofree char *file = g_build_filename (path, "session.csv", NULL);

          g_assert_cmpuint (mode_of (path), ==, 0700);
          g_assert_cmpuint (mode_of (file), ==, 0600);
        }
      else
        g_assert_cmpuint (mode_of (path), ==, 0600);
    }
  umask (saved);
}

typedef struct {
  const char *args[10];
  const char *err;
} BadCase;

static void
test_bad_input (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *existing = g_build_filename (fixture->tmpdir, "mine.pdf", NULL);
  g_autofree char *fresh = g_build_filename (fixture->tmpdir, "new.png", NULL);
  g_autofree char *existing_err = g_strdup_printf ("loadwise-cli: --output: %s already exists; "
                                                   "choose a new name\n", existing);
  const BadCase cases[] = {
    { { "export", "--format", "doc", "--output", fresh },
      "loadwise-cli: --format: “doc” is not one of csv, ics, json, pdf, png, svg\n" },
    { { "export", "--output", fresh },
      "loadwise-cli: export: --format is required (csv, ics, json, pdf, png or svg)\n" },
    { { "export", "--format", "pdf" },
      "loadwise-cli: export: --output is required\n" },
    { { "export", "--format", "png", "--output", fresh },
      "loadwise-cli: export: --chart is required with --format png (pain, adherence, levels, runs or sides)\n" },
    { { "export", "--format", "svg", "--chart", "weight", "--output", fresh },
      "loadwise-cli: --chart: “weight” is not one of pain, adherence, levels, runs, sides\n" },
    { { "export", "--format", "png", "--chart", "pain", "--range", "year", "--output", fresh },
      "loadwise-cli: --range: “year” is not one of 4-weeks, programme, 6-months, all\n" },
    { { "export", "--format", "pdf", "--chart", "pain", "--output", fresh },
      "loadwise-cli: export: --chart and --range go only with --format png or svg\n" },
    { { "export", "--format", "pdf", "--output", existing }, existing_err },
  };
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  seed (fixture);
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  before = loadwise_test_read_file (existing);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (CliResult) result = { 0 };

      cli_runv (fixture, NOW, cases[i].args, &result);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, cases[i].err);
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    }
  after = loadwise_test_read_file (existing);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_listed_once (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *help = cli_run_ok (fixture, NOW, "--help", NULL);
  const char *first = strstr (help, "\n  export ");

  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "\n  export "));
}

static void
test_no_programme (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  g_auto (CliResult) result = { 0 };

  cli_run (fixture, NOW, &result, "export", "--format", "pdf", "--output", pdf, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==,
                   "loadwise-cli: no programme yet; run 'loadwise-cli programme start' first\n");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/cli/formats", CliFixture, NULL, cli_fixture_setup, test_formats,
              cli_fixture_teardown);
  g_test_add ("/report/cli/private-files", CliFixture, NULL, cli_fixture_setup, test_private_files,
              cli_fixture_teardown);
  g_test_add ("/report/cli/bad-input", CliFixture, NULL, cli_fixture_setup, test_bad_input,
              cli_fixture_teardown);
  g_test_add ("/report/cli/listed-once", CliFixture, NULL, cli_fixture_setup, test_listed_once,
              cli_fixture_teardown);
  g_test_add ("/report/cli/no-programme", CliFixture, NULL, cli_fixture_setup, test_no_programme,
              cli_fixture_teardown);

  return g_test_run ();
}
