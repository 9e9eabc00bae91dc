/* test-export-files.c: every export written whole or not at all, and 0600
 *
 * A failed write is made with RLIMIT_FSIZE (SIGXFSZ ignored): a write past
 * the limit fails with EFBIG, as one on a full disk fails with ENOSPC, and
 * the export's reason must say so.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "charts/loadwise-chart-data.h"
#include "core/loadwise-error.h"
#include "core/loadwise-file.h"
#include "report/loadwise-export.h"
#include "report/loadwise-json-backup.h"
#include "report/loadwise-report.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

/* Smaller than every export of the seeded history. */
#define SIZE_LIMIT 1500

typedef struct {
  ChartsFixture      report;
  char              *out;        /* TMPDIR/out: only exports go here */
  LoadwiseChartData *chart;
} Fixture;

static const GDate *
today (void)
{
  static GDate date;

  date = loadwise_test_date (2026, 11, 29);
  return &date;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 56, .seed = 3,
                            .runs = TRUE, .flare = TRUE };
  GDate from = loadwise_test_date (2026, 9, 28);
  LoadwiseProgramme programme;

  charts_fixture_setup (&fixture->report, data);
  fixture->out = g_build_filename (fixture->report.tmpdir, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->out, 0700), ==, 0);
  charts_test_seed (fixture->report.db, fixture->report.catalogue, &history);
  fixture->chart = loadwise_chart_data_load (fixture->report.db, fixture->report.catalogue, &from,
                                             today (), &error);
  g_assert_no_error (error);
  /* Derived state worked out now, so the exports only read. */
  g_assert_true (loadwise_database_get_programme (fixture->report.db, &programme, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->chart, loadwise_chart_data_unref);
  g_free (fixture->out);
  charts_fixture_teardown (&fixture->report, data);
}

typedef enum {
  FORMAT_PDF,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_CSV,
  FORMAT_ICS,
  FORMAT_JSON,
  N_FORMATS
} Format;

static const char *const format_names[N_FORMATS] = { "report.pdf", "pain.png", "levels.svg",
                                                     "csv", "sessions.ics", "backup.json" };

static gboolean
export (Fixture     *fixture,
        Format       format,
        const char  *path,
        GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 29, 8, 0, 0);

  switch (format)
    {
    case FORMAT_PDF:
      return loadwise_report_write_pdf (fixture->report.db, fixture->report.catalogue, today (), path, error);
    case FORMAT_PNG:
      return loadwise_export_chart (fixture->chart, LOADWISE_CHART_PAIN, LOADWISE_CHART_FORMAT_PNG,
                                    500, 200, path, error);
    case FORMAT_SVG:
      return loadwise_export_chart (fixture->chart, LOADWISE_CHART_LEVELS, LOADWISE_CHART_FORMAT_SVG,
                                    500, 200, path, error);
    case FORMAT_CSV:
      return loadwise_export_csv (fixture->report.db, path, error);
    case FORMAT_ICS:
      return loadwise_export_ics (fixture->report.db, fixture->report.catalogue, now, path, error);
    case FORMAT_JSON:
      return loadwise_json_backup_export (fixture->report.db, path, now, FALSE, error);
    case N_FORMATS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, hidden ones too, sorted, comma-separated. */
static char *
list_folder (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
run_tool_ok (const char *tool,
             const char *path)
{
  const char *argv[] = { tool, path, NULL };
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Under umask 000 every export is the runner's alone. */
static void
test_private_under_umask_000 (Fixture       *fixture,
                              gconstpointer  data)
{
  mode_t saved = umask (0);

  for (Format f = 0; f < N_FORMATS; f++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->out, format_names[f], NULL);

      g_test_message ("%s", format_names[f]);
      g_assert_true (export (fixture, f, path, &error));
      g_assert_no_error (error);
      if (f == FORMAT_CSV)
        {
          g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
          const char *name;
          guint n = 0;

          g_assert_cmpuint (mode_of (path), ==, 0700);
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *file = g_build_filename (path, name, NULL);

              g_assert_true (g_str_has_suffix (name, ".csv"));
              g_assert_cmpuint (mode_of (file), ==, 0600);
              n++;
            }
          g_assert_cmpuint (n, >, 5);
        }
      else
        g_assert_cmpuint (mode_of (path), ==, 0600);
    }
  umask (saved);

  {
    g_autofree char *listing = list_folder (fixture->out);

    g_assert_cmpstr (listing, ==, "backup.json,csv,levels.svg,pain.png,report.pdf,sessions.ics");
  }
}

static void
limit_file_size (rlim_t limit)
{
  struct rlimit rl;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

/* A write that fails half way leaves nothing, names the reason, and the
 * same name works next time. */
static void
test_failed_write_leaves_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  struct rlimit unlimited;
  g_autofree char *reason = g_strdup (g_strerror (EFBIG));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  signal (SIGXFSZ, SIG_IGN);

  for (Format f = 0; f < N_FORMATS; f++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->out, format_names[f], NULL);
      g_autofree char *listing = NULL;
      gboolean ok;

      g_test_message ("%s", format_names[f]);
      limit_file_size (SIZE_LIMIT);
      ok = export (fixture, f, path, &error);
      limit_file_size (unlimited.rlim_cur);

      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, (gint) g_io_error_from_errno (EFBIG));
      g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
      g_assert_true (g_str_has_suffix (error->message, reason));
      listing = list_folder (fixture->out);
      g_assert_cmpstr (listing, ==, "");

      /* Room again: the same name. */
      g_clear_error (&error);
      g_assert_true (export (fixture, f, path, &error));
      g_assert_no_error (error);
      g_clear_pointer (&listing, g_free);
      listing = list_folder (fixture->out);
      g_assert_cmpstr (listing, ==, format_names[f]);
      if (f == FORMAT_PDF)
        run_tool_ok ("pdfinfo", path);
      loadwise_test_rm_rf (path);
    }
  signal (SIGXFSZ, SIG_DFL);
}

/* A JSON backup larger than the import reads is not written at all: a
 * setting 64 MB long stands for a long history of recorded runs. */
static void
test_json_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  gsize n = 64000000;
  g_autofree char *padding = g_malloc (n + 1);
  g_autofree char *path = g_build_filename (fixture->out, "backup.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;

  memset (padding, 'a', n);
  padding[n] = '\0';
  g_assert_true (loadwise_database_set_setting (fixture->report.db, "test.padding", padding, &error));
  g_assert_no_error (error);

  g_assert_false (export (fixture, FORMAT_JSON, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The backup would be 64."));
  g_assert_true (g_str_has_suffix (error->message, "\302\240MB, more than the 64.0\302\240MB a Loadwise backup "
                                                   "may be; nothing was written. A copy of the database keeps "
                                                   "everything: loadwise-cli backup --output FILE"));
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "");

  /* Without it, the same name works. */
  g_clear_error (&error);
  g_assert_true (loadwise_database_set_setting (fixture->report.db, "test.padding", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (export (fixture, FORMAT_JSON, path, &error));
  g_assert_no_error (error);
}

/* A failed write sticks: a caller that goes on (a cairo stream cannot
 * pass the error up) still cannot commit half a file. */
static void
test_commit_refuses_after_failed_write (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out, "big.txt", NULL);
  g_autofree char *block = g_strnfill (SIZE_LIMIT, 'x');
  g_autofree char *listing = NULL;
  g_autoptr (LoadwiseAtomicFile) file = NULL;
  g_autoptr (GError) error = NULL;
  struct rlimit unlimited;
  gboolean wrote;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  signal (SIGXFSZ, SIG_IGN);
  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, &error);
  g_assert_no_error (error);
  limit_file_size (SIZE_LIMIT);
  wrote = loadwise_atomic_file_write (file, block, SIZE_LIMIT, NULL)
          && loadwise_atomic_file_write (file, "tail", 4, NULL);
  limit_file_size (unlimited.rlim_cur);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (wrote);
  /* Room again, and a write that works: the first failure still counts. */
  g_assert_false (loadwise_atomic_file_write (file, "more", 4, NULL));
  g_assert_false (loadwise_atomic_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, (gint) g_io_error_from_errno (EFBIG));
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "");
}

/* The export's rule about an existing target holds at the rename: a file
 * that appears while the export is written is left as it is. */
static void
test_no_replace_at_the_rename (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out, "report.pdf", NULL);
  g_autoptr (LoadwiseAtomicFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *listing = NULL;

  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_report_write_pdf_to_file (fixture->report.db, fixture->report.catalogue, today (), file,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "someone else's", -1, NULL));

  g_assert_false (loadwise_atomic_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = loadwise_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "someone else's", 14);
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "report.pdf");
}

/* A folder export: over nothing or an empty folder only, checked at the
 * rename too. */
static void
test_folder_rule_at_the_rename (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->out, "csv", NULL);
  g_autofree char *theirs = g_build_filename (folder, "theirs.txt", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (LoadwiseAtomicFile) out = loadwise_atomic_file_new (folder, LOADWISE_ATOMIC_FILE_FOLDER,
                                                                   &error);
    g_autoptr (LoadwiseAtomicFile) file = NULL;

    g_assert_no_error (error);
    file = loadwise_atomic_file_new_in_folder (out, "a.csv", &error);
    g_assert_no_error (error);
    g_assert_true (loadwise_atomic_file_write (file, "a\r\n", 3, &error));
    g_assert_true (loadwise_atomic_file_commit (file, &error));
    g_assert_no_error (error);

    /* Someone fills the folder meanwhile. */
    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (theirs, "x", -1, NULL));
    g_assert_false (loadwise_atomic_file_commit (out, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  }
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "csv");
  g_clear_pointer (&listing, g_free);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "theirs.txt");

  /* An empty folder is taken. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (theirs), ==, 0);
  g_assert_true (loadwise_export_csv (fixture->report.db, folder, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "csv");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* The app's file chooser asked before replacing: a failed replacement
 * keeps the old file, a good one takes its place. */
static void
test_replace_keeps_old_on_failure (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *listing = NULL;
  struct rlimit unlimited;
  mode_t saved;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  signal (SIGXFSZ, SIG_IGN);

  {
    g_autoptr (LoadwiseAtomicFile) file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_REPLACE,
                                                                    &error);
    gboolean ok;

    g_assert_no_error (error);
    limit_file_size (SIZE_LIMIT);
    ok = loadwise_report_write_pdf_to_file (fixture->report.db, fixture->report.catalogue, today (), file, &error)
         && loadwise_atomic_file_commit (file, &error);
    limit_file_size (unlimited.rlim_cur);
    g_assert_false (ok);
    g_assert_error (error, G_IO_ERROR, (gint) g_io_error_from_errno (EFBIG));
  }
  signal (SIGXFSZ, SIG_DFL);
  after = loadwise_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "old", 3);
  listing = list_folder (fixture->out);
  g_assert_cmpstr (listing, ==, "report.pdf");

  g_clear_error (&error);
  saved = umask (0);
  {
    g_autoptr (LoadwiseAtomicFile) file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_REPLACE,
                                                                    &error);

    g_assert_no_error (error);
    g_assert_true (loadwise_report_write_pdf_to_file (fixture->report.db, fixture->report.catalogue, today (), file,
                                                      &error));
    g_assert_true (loadwise_atomic_file_commit (file, &error));
    g_assert_no_error (error);
  }
  umask (saved);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  run_tool_ok ("pdfinfo", path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/files/private-under-umask-000", Fixture, NULL, fixture_setup,
              test_private_under_umask_000, fixture_teardown);
  g_test_add ("/report/files/failed-write-leaves-nothing", Fixture, NULL, fixture_setup,
              test_failed_write_leaves_nothing, fixture_teardown);
  g_test_add ("/report/files/json-too-large", Fixture, NULL, fixture_setup, test_json_too_large,
              fixture_teardown);
  g_test_add ("/report/files/commit-refuses-after-failed-write", Fixture, NULL, fixture_setup,
              test_commit_refuses_after_failed_write, fixture_teardown);
  g_test_add ("/report/files/no-replace-at-the-rename", Fixture, NULL, fixture_setup,
              test_no_replace_at_the_rename, fixture_teardown);
  g_test_add ("/report/files/folder-rule-at-the-rename", Fixture, NULL, fixture_setup,
              test_folder_rule_at_the_rename, fixture_teardown);
  g_test_add ("/report/files/replace-keeps-old-on-failure", Fixture, NULL, fixture_setup,
              test_replace_keeps_old_on_failure, fixture_teardown);

  return g_test_run ();
}
