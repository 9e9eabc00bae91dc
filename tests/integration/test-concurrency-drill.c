/* test-concurrency-drill.c: the app, the CLI and a third writer at once
 *
 * tests/store/test-store-concurrency.c covers connections and processes of
 * the store alone. Here the real programs meet: the test's main thread is
 * the app (a LoadwiseDatabase logging sets, as the Today page does), three
 * lanes run the built loadwise-cli one check-in after another (and so
 * also race for the day's backup), and a thread with its own connection
 * writes settings as the reminder service does. No SQLITE_BUSY may reach
 * the runner: every command exits 0 with nothing on stderr, every store
 * call succeeds, and the counts are exact.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"

#define N_LANES          3
#define N_CLI_PER_LANE   12
#define N_APP_SETS       300
#define N_SERVICE_WRITES 200

typedef struct {
  CliFixture *fixture;
  guint       lane;
  guint       n_ok;
  char       *failure;   /* the first command's stderr that was not empty */
} Lane;

static gpointer
run_lane (gpointer data)
{
  Lane *lane = data;

  for (guint i = 0; i < N_CLI_PER_LANE; i++)
    {
      GDate day = loadwise_test_date (2026, 1, 1);
      g_autofree char *date = NULL;
      g_autofree char *pain = g_strdup_printf ("%u", 1 + (lane->lane + i) % 10);
      g_auto (CliResult) result = { 0 };

      g_date_add_days (&day, lane->lane * 100 + i);
      date = loadwise_date_to_iso (&day);
      {
        const char * const args[] = { "checkin", "--date", date, "--morning-pain", pain,
                                      "--side", "left", NULL };

        cli_runv (lane->fixture, NULL, args, &result);
      }
      if (result.status == 0 && result.err[0] == '\0')
        lane->n_ok++;
      else if (lane->failure == NULL)
        lane->failure = g_strdup_printf ("exit %d: %s", result.status, result.err);
    }
  return NULL;
}

typedef struct {
  const char *path;
  guint       n_ok;
  GError     *error;
} Service;

static gpointer
run_service (gpointer data)
{
  Service *service = data;
  g_autoptr (LoadwiseDatabase) db = loadwise_database_open (service->path, &service->error);

  for (guint i = 0; db != NULL && i < N_SERVICE_WRITES && service->error == NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("drill.service.%u", i);

      if (loadwise_database_set_setting (db, key, "sent", &service->error))
        service->n_ok++;
    }
  return NULL;
}

static void
test_app_cli_service (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) app = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) checkins = NULL;
  Lane lanes[N_LANES] = { { 0 } };
  GThread *lane_threads[N_LANES];
  Service service = { .path = fixture->db_path };
  GThread *service_thread;
  GDate from = loadwise_test_date (2026, 1, 1);
  GDate to = loadwise_test_date (2026, 12, 31);
  sqlite3 *handle;

  cli_start_default_programme (fixture);
  app = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_LANES; i++)
    {
      lanes[i].fixture = fixture;
      lanes[i].lane = i;
      lane_threads[i] = g_thread_new ("cli-lane", run_lane, &lanes[i]);
    }
  service_thread = g_thread_new ("service", run_service, &service);

  /* The app, ticking sets as fast as it can meanwhile. */
  for (guint i = 0; i < N_APP_SETS; i++)
    {
      GDate day = loadwise_test_date (2026, 11, 23);
      LoadwiseSetLog log = { .exercise_id = (char *) "drill-app", .side = LOADWISE_SIDE_NONE,
                             .set_index = i % LOADWISE_STORE_SETS_MAX, .done = TRUE, .reps = 10 };

      g_date_add_days (&day, i / LOADWISE_STORE_SETS_MAX);
      g_assert_true (loadwise_database_log_set (app, &day, &log, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < N_LANES; i++)
    {
      g_thread_join (lane_threads[i]);
      g_assert_cmpstr (lanes[i].failure, ==, NULL);
      g_assert_cmpuint (lanes[i].n_ok, ==, N_CLI_PER_LANE);
    }
  g_thread_join (service_thread);
  g_assert_no_error (service.error);
  g_assert_cmpuint (service.n_ok, ==, N_SERVICE_WRITES);

  /* Exact counts: nothing lost, nothing twice. */
  checkins = loadwise_database_list_checkins (app, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, N_LANES * N_CLI_PER_LANE);
  handle = loadwise_database_get_handle (app);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM set_log WHERE exercise_id = 'drill-app'"),
                   ==, N_APP_SETS);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM setting WHERE key LIKE 'drill.service.%'"),
                   ==, N_SERVICE_WRITES);

  /* One daily copy however many programs raced for it, and no leftovers. */
  {
    g_autofree char *backups = g_build_filename (fixture->data_dir, "backups", NULL);
    g_autoptr (GDir) dir = g_dir_open (backups, 0, &error);
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_cmpstr (name, ==, "loadwise-daily-20261123.db");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  for (guint i = 0; i < N_LANES; i++)
    g_free (lanes[i].failure);
}

/* A second connection in the same process (a worker thread's) must not
 * cost the first one its locks: closing any descriptor of the file would
 * drop them, and the next program to close would then take itself for the
 * last user, checkpoint and delete the -wal under the first connection. */
static void
test_second_connection_keeps_locks (CliFixture    *fixture,
                                    gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) app = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *status = NULL;
  GDate day = loadwise_test_date (2026, 11, 23);
  LoadwiseSetLog log = { .exercise_id = (char *) "drill-app", .side = LOADWISE_SIDE_NONE,
                         .set_index = 0, .done = TRUE, .reps = 10 };

  cli_start_default_programme (fixture);
  app = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_log_set (app, &day, &log, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  {
    g_autoptr (LoadwiseDatabase) worker = loadwise_database_open (fixture->db_path, &error);

    g_assert_no_error (error);
  }

  /* Another program opens and closes: the app still has the file, so the
   * -wal stays. */
  status = cli_run_ok (fixture, NULL, "status", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  log.set_index = 1;
  g_assert_true (loadwise_database_log_set (app, &day, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (app),
                                         "SELECT count(*) FROM set_log WHERE exercise_id = 'drill-app'"),
                   ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/integration/concurrency/app-cli-service", CliFixture, NULL,
              cli_fixture_setup, test_app_cli_service, cli_fixture_teardown);
  g_test_add ("/integration/concurrency/second-connection-keeps-locks", CliFixture, NULL,
              cli_fixture_setup, test_second_connection_keeps_locks, cli_fixture_teardown);

  return g_test_run ();
}
