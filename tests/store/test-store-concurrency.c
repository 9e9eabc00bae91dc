/* test-store-concurrency.c: connections and processes writing at once
 *
 * The app, the CLI and the reminder service share one file. Every write
 * begins IMMEDIATE and waits through the busy timeout, so none is lost
 * and none fails. The test binary runs itself as the other process:
 * `test-store-concurrency --writer PATH LABEL`.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"

#define N_WRITES 200

typedef struct {
  LoadwiseDatabase *db;
  const char       *label;
  guint             n_ok;
  GError           *error;
} Writer;

/* N_WRITES set logs under exercise @label, one a day from 2026-01-01: the
 * writers share the session rows of those days. */
static gpointer
run_writes (gpointer data)
{
  Writer *writer = data;
  GDate day = loadwise_test_date (2026, 1, 1);

  for (guint i = 0; i < N_WRITES && writer->error == NULL; i++)
    {
      LoadwiseSetLog log = { .exercise_id = (char *) writer->label, .side = LOADWISE_SIDE_NONE,
                             .set_index = i % 3, .done = TRUE, .reps = i % 50 };

      if (loadwise_database_log_set (writer->db, &day, &log, &writer->error))
        writer->n_ok++;
      g_date_add_days (&day, 1);
    }
  return NULL;
}

/* The child: open, say "ready", wait for "go", write, report on exit. */
static int
writer_main (const char *path,
             const char *label)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = loadwise_database_open (path, &error);
  Writer writer = { .label = label };
  char line[16];

  if (db == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      return 1;
    }
  writer.db = db;

  fputs ("ready\n", stdout);
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL || strcmp (line, "go\n") != 0)
    return 2;

  run_writes (&writer);
  if (writer.error != NULL)
    {
      fprintf (stderr, "writer: %s\n", writer.error->message);
      g_error_free (writer.error);
      return 1;
    }
  return writer.n_ok == N_WRITES ? 0 : 1;
}

static gint64
count_for (sqlite3    *db,
           const char *label)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM set_log WHERE exercise_id = '%s'"
                                          " AND done = 1",
                                          label);

  return store_test_query_int (db, sql);
}

static void
test_two_connections (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseSetLog log = { .exercise_id = (char *) "side-steps", .done = TRUE, .reps = 15 };
  LoadwiseCheckin checkin = { .date = day, .morning_pain = 2 };
  LoadwiseCheckin read;
  gboolean found = FALSE;

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Each sees the other's commits at once. */
  g_assert_true (loadwise_database_log_set (fixture->db, &day, &log, &error));
  g_assert_no_error (error);
  sets = loadwise_database_list_sets (other, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);

  g_assert_true (loadwise_database_save_checkin (other, &checkin, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_checkin (fixture->db, &day, &read, &found, &error));
  g_assert_true (found);
  g_assert_cmpuint (read.morning_pain, ==, 2);
}

static void
test_parallel_writers (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) child_out = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *line = NULL;
  GThread *thread;
  Writer main_writer = { .db = fixture->db, .label = "main" };
  Writer thread_writer = { .label = "thread" };
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  g_assert_no_error (error);
  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  thread_writer.db = other;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error, self_exe, "--writer", fixture->path, "child", NULL);
  g_assert_no_error (error);
  child_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (child_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  /* Three writers at once: a second connection on a thread, the child
   * process and this connection. */
  thread = g_thread_new ("writer", run_writes, &thread_writer);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (child), "go\n", 3, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, &error);
  g_assert_no_error (error);
  run_writes (&main_writer);
  g_thread_join (thread);
  g_subprocess_wait_check (child, NULL, &error);

  g_assert_no_error (main_writer.error);
  g_assert_no_error (thread_writer.error);
  g_assert_no_error (error);
  g_assert_cmpuint (main_writer.n_ok, ==, N_WRITES);
  g_assert_cmpuint (thread_writer.n_ok, ==, N_WRITES);

  g_assert_cmpint (count_for (handle, "main"), ==, N_WRITES);
  g_assert_cmpint (count_for (handle, "thread"), ==, N_WRITES);
  g_assert_cmpint (count_for (handle, "child"), ==, N_WRITES);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM set_log"), ==, 3 * N_WRITES);
  /* One session a day, shared by the three writers. */
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM session"
                                                 " WHERE status = 'in-progress'"),
                   ==, N_WRITES);
}

/* Several programs opening a file that does not exist yet, at once: one
 * creates the schema, the others wait for it, and all switch to WAL. */
static void
test_first_open_race (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  GSubprocess *children[6];

  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *label = g_strdup_printf ("child-%u", i);

      children[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                      | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                      &error, self_exe, "--writer", fixture->path, label, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (children[i]);

      g_output_stream_write_all (in, "go\n", 3, NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_close (in, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_subprocess_wait_check (children[i], NULL, &error);
      g_assert_no_error (error);
      g_object_unref (children[i]);
    }

  db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (db),
                                         "SELECT count(*) FROM set_log"),
                   ==, G_N_ELEMENTS (children) * N_WRITES);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (db),
                                         "PRAGMA user_version"),
                   ==, LOADWISE_DATABASE_SCHEMA_VERSION);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--writer") == 0)
    return writer_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/concurrency/two-connections", StoreFixture, NULL,
              store_fixture_setup, test_two_connections, store_fixture_teardown);
  g_test_add ("/store/concurrency/parallel-writers", StoreFixture, NULL,
              store_fixture_setup, test_parallel_writers, store_fixture_teardown);
  g_test_add ("/store/concurrency/first-open-race", StoreFixture, NULL,
              store_fixture_setup_empty, test_first_open_race, store_fixture_teardown);

  return g_test_run ();
}
