/* test-cli-bad-input.c: every refusal names the option and the allowed
 * range, exits with 2 (1 for no programme), and changes nothing
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"

typedef struct {
  const char *args[12];
  const char *now;       /* NULL: CLI_TEST_NOW */
  int         status;
  const char *message;   /* after "loadwise-cli: "; @TMP@ is the test's folder */
} BadInput;

static const BadInput bad_inputs[] = {
  { { "checkin", "--morning-pain", "11" }, NULL, 2, "--morning-pain: 11 is outside 0-10" },
  { { "checkin", "--morning-pain", "-1" }, NULL, 2, "--morning-pain: -1 is outside 0-10" },
  { { "checkin", "--morning-pain", "x" }, NULL, 2, "--morning-pain: x is not a whole number (use 0-10)" },
  { { "checkin", "--morning-pain", "" }, NULL, 2, "--morning-pain: no value given (use a whole number 0-10)" },
  { { "checkin", "--morning-pain", "3.5" }, NULL, 2, "--morning-pain: 3.5 is not a whole number (use 0-10)" },
  { { "checkin" }, NULL, 2, "checkin: --morning-pain is required (0-10)" },
  { { "checkin", "--morning-pain", "3", "--side", "up" }, NULL, 2, "--side: up is not one of left, right, both" },
  { { "checkin", "--morning-pain", "3", "--side", "none" }, NULL, 2, "--side: none is not one of left, right, both" },
  { { "checkin", "--morning-pain", "0", "--side", "left" }, NULL, 2, "--side: there is no side when --morning-pain is 0" },
  { { "checkin", "--morning-pain", "2", "--date", "2026-02-30" }, NULL, 2, "--date: 2026-02-30 is not a date (use YYYY-MM-DD)" },
  { { "checkin", "--morning-pain", "2", "--date", "2026-11-24" }, NULL, 2, "--date: 2026-11-24 is in the future (today is 2026-11-23)" },
  { { "log-session", "--date", "2026-11-25", "--completed", "100", "--pain", "1" }, NULL, 2, "--date: 2026-11-25 is in the future (today is 2026-11-23)" },
  { { "log-run", "--date", "2027-01-01", "--distance-km", "5", "--pain-during", "2" }, NULL, 2, "--date: 2027-01-01 is in the future (today is 2026-11-23)" },
  { { "today", "--date", "2026-02-30" }, NULL, 2, "--date: 2026-02-30 is not a date (use YYYY-MM-DD)" },
  { { "today", "--date", "26-1-1" }, NULL, 2, "--date: 26-1-1 is not a date (use YYYY-MM-DD)" },
  { { "today", "--date", "2026-11-20" }, NULL, 2, "--date: 2026-11-20 is before the programme starts on 2026-11-23" },
  { { "today", "--frobnicate" }, NULL, 2, "Unknown option --frobnicate (see 'loadwise-cli today --help')" },
  { { "today", "tomorrow" }, NULL, 2, "today: unexpected argument 'tomorrow'" },
  { { "programme", "start", "--weeks", "5" }, NULL, 2, "--weeks: 5 is outside 6-12" },
  { { "programme", "start", "--weeks", "13" }, NULL, 2, "--weeks: 13 is outside 6-12" },
  { { "programme", "start", "--days", "mon" }, NULL, 2, "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
  { { "programme", "start", "--days", "mon,tue,wed,thu" }, NULL, 2, "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
  { { "programme", "start", "--days", "xyz" }, NULL, 2, "--days: xyz is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
  { { "programme", "start", "--days", "mon,mon" }, NULL, 2, "--days: mon is listed more than once" },
  { { "programme", "start", "--safe-pain", "6", "--max-pain", "5" }, NULL, 2,
    "--max-pain: 5 must be above --safe-pain (6); use a safe threshold of 0-5 and a maximum above it, up to 7" },
  { { "programme", "start", "--safe-pain", "6" }, NULL, 2,
    "--max-pain: 5 must be above --safe-pain (6); use a safe threshold of 0-5 and a maximum above it, up to 7" },
  { { "programme", "start", "--safe-pain", "11" }, NULL, 2, "--safe-pain: 11 is outside 0-10" },
  { { "programme", "start", "--date", "2026-13-01" }, NULL, 2, "--date: 2026-13-01 is not a date (use YYYY-MM-DD)" },
  { { "programme", "stop" }, NULL, 2, "programme: unknown subcommand 'stop'; use 'loadwise-cli programme start'" },
  { { "programme" }, NULL, 2, "programme: missing subcommand; use 'loadwise-cli programme start'" },
  { { "log-session", "--completed", "101", "--pain", "2" }, NULL, 2, "--completed: 101 is outside 0-100" },
  { { "log-session", "--completed", "50", "--pain", "11" }, NULL, 2, "--pain: 11 is outside 0-10" },
  { { "log-session", "--pain", "2" }, NULL, 2, "log-session: --completed is required (0-100)" },
  { { "log-session", "--completed", "100" }, NULL, 2, "log-session: --pain is required (0-10)" },
  { { "log-session", "--date", "2026-11-24", "--completed", "100", "--pain", "2" }, "2026-11-24T09:00:00", 2,
    "--date: 2026-11-24 is a rest day; the next session is 2026-11-25" },
  { { "log-session", "--completed", "100", "--pain", "2" }, "2026-11-28T09:00:00", 2,
    "--date: 2026-11-28 is a rest day; the next session is 2026-11-30" },
  { { "log-session", "--date", "2026-11-16", "--completed", "100", "--pain", "2" }, NULL, 2,
    "--date: 2026-11-16 is before the programme starts on 2026-11-23" },
  { { "log-session", "--completed" }, NULL, 2, "Missing argument for --completed (see 'loadwise-cli log-session --help')" },
  { { "redflags", "--yes", "xyz" }, NULL, 2, "--yes: xyz is not one of stress-fracture, infection, injury, systemic, nerve" },
  { { "redflags", "--show", "--yes", "nerve" }, NULL, 2, "--show: cannot be combined with --yes or --date" },
  { { "backup", "--output", "@TMP@/existing.db" }, NULL, 2, "--output: @TMP@/existing.db already exists; choose a new file name" },
  { { "backup" }, NULL, 2, "backup: --output is required" },
  { { "backup", "-o", "" }, NULL, 2, "--output (-o): the file name is empty; give the file to write" },
  { { "backup", "--output=" }, NULL, 2, "--output (-o): the file name is empty; give the file to write" },
  { { "restore" }, NULL, 2, "restore: missing FILE, the backup to restore" },
  { { "restore", "@TMP@/missing.db" }, NULL, 2, "restore: @TMP@/missing.db does not exist or is not a file" },
  { { "restore", "@TMP@/existing.db", "again" }, NULL, 2, "restore: unexpected argument 'again'" },
  { { "frobnicate" }, NULL, 2, "unknown command 'frobnicate'; see 'loadwise-cli --help'" },
  { { NULL }, NULL, 2, "no command given; see 'loadwise-cli --help'" },
  { { "--frobnicate", "status" }, NULL, 2, "Unknown option --frobnicate (see 'loadwise-cli --help')" },
  { { "--data-dir" }, NULL, 2, "Missing argument for --data-dir (see 'loadwise-cli --help')" },
  { { "status" }, "2026-11-23 8h", 2, "LOADWISE_NOW: 2026-11-23 8h is not a time of the form YYYY-MM-DDTHH:MM:SS" },
  { { "status" }, "2026-02-30T08:00:00", 2, "LOADWISE_NOW: 2026-02-30T08:00:00 is not a time of the form YYYY-MM-DDTHH:MM:SS" },
  { { "status" }, "23/11/2026", 2, "LOADWISE_NOW: 23/11/2026 is not a time of the form YYYY-MM-DDTHH:MM:SS" },
  /* Issue 12: the clinical edges. */
  { { "redflags", "--date", "2027-12-04" }, NULL, 2, "--date: 2027-12-04 is in the future (today is 2026-11-23)" },
  { { "redflags", "--yes", "nerve", "--date", "2026-11-24" }, NULL, 2, "--date: 2026-11-24 is in the future (today is 2026-11-23)" },
  { { "flare", "start", "--date", "2027-06-01" }, NULL, 2, "--date: 2027-06-01 is in the future (today is 2026-11-23)" },
  { { "flare", "end", "--date", "2026-11-24" }, NULL, 2, "--date: 2026-11-24 is in the future (today is 2026-11-23)" },
  /* The thresholds stay inside the pain-monitoring model (PROGRAMME.md). */
  { { "programme", "start", "--safe-pain", "9", "--max-pain", "10" }, NULL, 2,
    "--safe-pain: 9 is outside 0-5; the pain-monitoring model counts pain over 5 during exercise as too much" },
  { { "programme", "start", "--safe-pain", "7", "--max-pain", "4" }, NULL, 2,
    "--max-pain: 4 must be above --safe-pain (7); use a safe threshold of 0-5 and a maximum above it, up to 7" },
  { { "programme", "start", "--safe-pain", "3", "--max-pain", "3" }, NULL, 2,
    "--max-pain: 3 must be above --safe-pain (3); use a safe threshold of 0-5 and a maximum above it, up to 7" },
  { { "programme", "start", "--max-pain", "8" }, NULL, 2,
    "--max-pain: 8 is outside 4-7; above 7, pain that should step the exercises down or suggest a flare would go unnoticed" },
  { { "programme", "set", "--safe-pain", "9", "--max-pain", "10" }, NULL, 2,
    "--safe-pain: 9 is outside 0-5; the pain-monitoring model counts pain over 5 during exercise as too much" },
  { { "programme", "set", "--max-pain", "2" }, NULL, 2,
    "--max-pain: 2 must be above --safe-pain (3); use a safe threshold of 0-5 and a maximum above it, up to 7" },
  { { "programme", "set", "--max-pain", "10" }, NULL, 2,
    "--max-pain: 10 is outside 4-7; above 7, pain that should step the exercises down or suggest a flare would go unnoticed" },
  /* The start date stays in a window around today. */
  { { "programme", "start", "--date", "1900-01-01" }, NULL, 2,
    "--date: 1900-01-01 is outside 2025-11-23 to 2027-01-22 (a start at most 365 days before today and at most 60 days after)" },
  { { "programme", "start", "--date", "9999-12-31" }, NULL, 2,
    "--date: 9999-12-31 is outside 2025-11-23 to 2027-01-22 (a start at most 365 days before today and at most 60 days after)" },
  { { "programme", "start", "--date", "2025-11-22" }, NULL, 2,
    "--date: 2025-11-22 is outside 2025-11-23 to 2027-01-22 (a start at most 365 days before today and at most 60 days after)" },
  { { "programme", "start", "--date", "2027-01-23" }, NULL, 2,
    "--date: 2027-01-23 is outside 2025-11-23 to 2027-01-22 (a start at most 365 days before today and at most 60 days after)" },
};

/* The data folder on disk, and what the CLI reads from it. */
typedef struct {
  CliDiskState disk;
  char        *monday;
  char        *wednesday;
  char        *status;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  cli_disk_state_clear (&snapshot->disk);
  g_clear_pointer (&snapshot->monday, g_free);
  g_clear_pointer (&snapshot->wednesday, g_free);
  g_clear_pointer (&snapshot->status, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static void
take_snapshot (CliFixture *fixture,
               Snapshot   *snapshot)
{
  /* Read through the CLI first: any effect of opening shows up here too. */
  snapshot->monday = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  snapshot->wednesday = cli_run_ok (fixture, NULL, "today", "--date", "2026-11-25", "--json", NULL);
  snapshot->status = cli_run_ok (fixture, NULL, "status", "--json", NULL);
  cli_disk_state_take (fixture, &snapshot->disk);
}

static void
assert_unchanged (CliFixture     *fixture,
                  const Snapshot *before)
{
  g_auto (Snapshot) after = { 0 };

  take_snapshot (fixture, &after);
  cli_disk_state_assert_equal (&after.disk, &before->disk);
  g_assert_cmpstr (after.monday, ==, before->monday);
  g_assert_cmpstr (after.wednesday, ==, before->wednesday);
  g_assert_cmpstr (after.status, ==, before->status);
}

static char *
substitute (const char *text,
            const char *tmpdir)
{
  g_auto (GStrv) parts = g_strsplit (text, "@TMP@", -1);

  return g_strjoinv (tmpdir, parts);
}

static void
test_bad_input (CliFixture    *fixture,
                gconstpointer  data)
{
  const BadInput *bad = data;
  g_autofree char *existing = g_build_filename (fixture->tmpdir, "existing.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_auto (CliResult) result = { 0 };
  g_auto (Snapshot) before = { 0 };

  cli_start_default_programme (fixture);
  g_file_set_contents (existing, "not a backup", -1, &error);
  g_assert_no_error (error);
  take_snapshot (fixture, &before);

  for (guint i = 0; bad->args[i] != NULL; i++)
    g_ptr_array_add (args, substitute (bad->args[i], fixture->tmpdir));
  g_ptr_array_add (args, NULL);

  cli_runv (fixture, bad->now, (const char * const *) args->pdata, &result);

  message = substitute (bad->message, fixture->tmpdir);
  expected = g_strdup_printf ("loadwise-cli: %s\n", message);
  g_assert_cmpstr (result.err, ==, expected);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpint (result.status, ==, bad->status);

  assert_unchanged (fixture, &before);
  /* The file a refused backup named is untouched too. */
  g_assert_true (loadwise_test_files_equal (existing, existing));
  {
    g_autoptr (GBytes) contents = loadwise_test_read_file (existing);

    g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                     "not a backup", strlen ("not a backup"));
  }
}

/* The same refusals before any programme exists: still nothing is written
 * and no database file appears (except where the input is good and only
 * the missing programme stops it). */
static void
test_no_database_created (CliFixture    *fixture,
                          gconstpointer  data)
{
  static const char * const refused[][8] = {
    { "checkin", "--morning-pain", "11", NULL },
    { "programme", "start", "--weeks", "13", NULL },
    { "programme", "start", "--safe-pain", "6", "--max-pain", "5", NULL },
    { "log-session", "--completed", "101", "--pain", "2", NULL },
    { "redflags", "--yes", "xyz", NULL },
    { "backup", "--output", "x.db", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto (CliResult) result = { 0 };

      cli_runv (fixture, NULL, refused[i], &result);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: "));
      g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const char *command = bad_inputs[i].args[0] != NULL ? bad_inputs[i].args[0] : "none";
      g_autofree char *path = g_strdup_printf ("/cli/bad-input/%02u-%s", i, command);

      g_test_add (path, CliFixture, &bad_inputs[i], cli_fixture_setup, test_bad_input,
                  cli_fixture_teardown);
    }
  g_test_add ("/cli/bad-input/no-database-created", CliFixture, NULL, cli_fixture_setup,
              test_no_database_created, cli_fixture_teardown);

  return g_test_run ();
}
