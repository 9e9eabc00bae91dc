/* test-service.c: the service's timer, restarts, and re-arming when the
 * database or the time zone changes (with a fake notifier)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>

#include <glib/gstdio.h>

#include "core/loadwise-types.h"
#include "loadwise-test-util.h"
#include "reminders-test-util.h"
#include "reminders/loadwise-reminder-service.h"
#include "core/loadwise-wall-timer.h"
#include "store/loadwise-database-reminders.h"

typedef struct {
  RemindersFixture          base;
  RemindersFakeNotifier    *notifier;
  LoadwiseReminderService  *service;
  char                     *localtime;
  GDate                     today;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GDate start;

  reminders_fixture_setup (&fixture->base, data);
  reminders_test_local_now (&fixture->today, NULL);
  start = fixture->today;
  g_date_subtract_days (&start, 3);
  reminders_test_start_programme (fixture->base.db, &start, &fixture->today);

  fixture->localtime = g_build_filename (fixture->base.dir, "localtime", NULL);
  g_assert_true (g_file_set_contents (fixture->localtime, "Europe/Berlin\n", -1, NULL));
  fixture->notifier = reminders_fake_notifier_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->notifier);
  g_clear_pointer (&fixture->localtime, g_free);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  reminders_fixture_teardown (&fixture->base, data);
}

static void
start_service (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&fixture->service);
  fixture->service = loadwise_reminder_service_new (fixture->base.db,
                                                    LOADWISE_NOTIFIER (fixture->notifier), NULL);
  g_object_set (fixture->service, "localtime-path", fixture->localtime, "launch-app", FALSE, NULL);
  g_assert_true (loadwise_reminder_service_start (fixture->service, &error));
  g_assert_no_error (error);
}

/* Today's check-in is done, so only the session can fire. */
static void
log_todays_checkin (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = fixture->today, .morning_pain = 1 };

  g_assert_true (loadwise_database_save_checkin (fixture->base.db, &checkin, &error));
  g_assert_no_error (error);
}

static gint64
due_today (Fixture *fixture,
           guint    time_s)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  return loadwise_schedule_due_time (zone, &fixture->today, time_s);
}

static gboolean
on_safety_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
check_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return reminders_fake_notifier_get_shown (fixture->notifier)->len > 0;
}

/* Runs the main context until @check is TRUE (a 20 s safety net). */
static void
wait_until (GSourceFunc  check,
            gpointer     data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_safety_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (check (data));
}

/* A reminder due a few seconds ahead fires on the timer, once; a restart
 * does not show it again. */
static void
test_fires_on_time_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GError) error = NULL;
  GArray *shown;
  guint now_s;

  reminders_test_avoid_midnight (10);
  reminders_test_local_now (&fixture->today, &now_s);
  log_todays_checkin (fixture);
  reminders_test_set_times (fixture->base.db, now_s + 2, 8 * 3600);

  start_service (fixture);
  shown = reminders_fake_notifier_get_shown (fixture->notifier);
  g_assert_cmpuint (shown->len, ==, 0);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==,
                   due_today (fixture, now_s + 2));

  wait_until (check_shown, fixture);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (g_array_index (shown, RemindersShown, 0).kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_cmpstr (g_array_index (shown, RemindersShown, 0).body, ==,
                   "Your glute exercises are planned for today. Start now, snooze, or skip today.");
  facts = loadwise_database_list_reminder_facts (fixture->base.db, &fixture->today,
                                                 &fixture->today, &error);
  g_assert_true (g_array_index (facts, LoadwiseReminderFact, LOADWISE_REMINDER_SESSION).fired);
  /* Armed for the next one, later. */
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), >,
                   due_today (fixture, now_s + 2));

  /* A restart. */
  g_clear_object (&fixture->notifier);
  fixture->notifier = reminders_fake_notifier_new ();
  start_service (fixture);
  g_assert_cmpuint (reminders_fake_notifier_get_shown (fixture->notifier)->len, ==, 0);
}

/* Started after the session time: today's session is caught up at once. */
static void
test_catch_up_at_start (Fixture       *fixture,
                        gconstpointer  data)
{
  GArray *shown;

  log_todays_checkin (fixture);
  reminders_test_set_times (fixture->base.db, 0, 8 * 3600);
  start_service (fixture);

  shown = reminders_fake_notifier_get_shown (fixture->notifier);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_array_index (shown, RemindersShown, 0).body, ==,
                   "Today’s session is not logged yet. Start it now, snooze it, or skip today.");
}

/* Nothing fires for a logged session, nor when reminders are off. */
static void
test_logged_and_off (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;

  log_todays_checkin (fixture);
  g_assert_true (loadwise_database_set_session_status (fixture->base.db, &fixture->today,
                                                       LOADWISE_SESSION_STATUS_DONE, NULL, NULL,
                                                       &error));
  reminders_test_set_times (fixture->base.db, 0, 0);
  start_service (fixture);
  g_assert_cmpuint (reminders_fake_notifier_get_shown (fixture->notifier)->len, ==, 0);
  /* Tomorrow's check-in, at least, is armed. */
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), >, 0);

  g_assert_true (loadwise_database_get_reminder_settings (fixture->base.db, &settings, &error));
  settings.enabled = FALSE;
  g_assert_true (loadwise_database_set_reminder_settings (fixture->base.db, &settings, &error));
  loadwise_reminder_service_reschedule (fixture->service);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==, 0);
}

/* No notification server: kept pending with a back-off, then delivered. */
static void
test_failure_backs_off (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  gint64 first;
  gint64 second;

  log_todays_checkin (fixture);
  reminders_test_set_times (fixture->base.db, 0, 8 * 3600);
  reminders_fake_notifier_set_fail (fixture->notifier, TRUE);
  start_service (fixture);

  g_assert_cmpuint (loadwise_reminder_service_get_n_pending (fixture->service), ==, 1);
  first = loadwise_reminder_service_get_deadline (fixture->service) - g_date_time_to_unix (now);
  loadwise_reminder_service_reschedule (fixture->service);
  second = loadwise_reminder_service_get_deadline (fixture->service) - g_date_time_to_unix (now);
  /* 15 s, then about 30 s: doubling, not spinning. */
  g_assert_cmpint (first, >=, LOADWISE_REMINDERS_RETRY_MIN_S);
  g_assert_cmpint (second, >=, 2 * LOADWISE_REMINDERS_RETRY_MIN_S);
  facts = loadwise_database_list_reminder_facts (fixture->base.db, &fixture->today,
                                                 &fixture->today, NULL);
  g_assert_false (g_array_index (facts, LoadwiseReminderFact, LOADWISE_REMINDER_SESSION).fired);

  reminders_fake_notifier_set_fail (fixture->notifier, FALSE);
  loadwise_reminder_service_reschedule (fixture->service);
  g_assert_cmpuint (loadwise_reminder_service_get_n_pending (fixture->service), ==, 0);
  g_assert_cmpuint (reminders_fake_notifier_get_shown (fixture->notifier)->len, ==, 1);
}

typedef struct {
  Fixture *fixture;
  gint64   expected;
} DeadlineCheck;

static gboolean
check_deadline (gpointer user_data)
{
  DeadlineCheck *check = user_data;

  return loadwise_reminder_service_get_deadline (check->fixture->service) == check->expected;
}

/* The first reminder still to come for the data as it is now. */
static gint64
expected_first_due (Fixture *fixture)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GArray) due = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;
  LoadwiseProgramme programme;
  GDate from, to;

  loadwise_date_from_datetime (now, &from);
  to = from;
  g_date_add_days (&to, LOADWISE_SCHEDULE_DAYS - 1);
  g_assert_true (loadwise_database_get_programme (fixture->base.db, &programme, &error));
  g_assert_true (loadwise_database_get_reminder_settings (fixture->base.db, &settings, &error));
  facts = loadwise_database_list_reminder_facts (fixture->base.db, &from, &to, &error);
  g_assert_no_error (error);
  due = loadwise_schedule_compute (&programme, &settings,
                                   (const LoadwiseReminderFact *) (gpointer) facts->data,
                                   facts->len, now);
  /* Catch-ups fire at once; the timer waits for the first one after. */
  for (guint i = 0; i < due->len; i++)
    if (g_array_index (due, LoadwiseDueReminder, i).due > g_date_time_to_unix (now))
      return g_array_index (due, LoadwiseDueReminder, i).due;
  g_assert_not_reached ();
}

/* Another program (the app, the CLI) changes the times: the service
 * notices through the file and re-arms without being told. */
static void
test_database_change_rearms (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autoptr (GError) error = NULL;
  DeadlineCheck check = { fixture, 0 };
  gint64 before;

  reminders_test_set_times (fixture->base.db, 12 * 3600, 13 * 3600);
  start_service (fixture);
  before = loadwise_reminder_service_get_deadline (fixture->service);
  g_assert_cmpint (before, ==, expected_first_due (fixture));

  other = loadwise_database_open (fixture->base.path, &error);
  g_assert_no_error (error);
  reminders_test_set_times (other, 14 * 3600, 15 * 3600);

  check.expected = expected_first_due (fixture);
  g_assert_cmpint (check.expected, !=, before);
  wait_until (check_deadline, &check);
}

/* The time zone changes (here: TZ and the watched zone file): the same
 * 12:00 is a different instant, and the timer follows. */
static void
test_time_zone_change_rearms (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GDateTime) now = NULL;
  DeadlineCheck check = { fixture, 0 };
  gint64 berlin;

  reminders_test_set_times (fixture->base.db, 12 * 3600, 12 * 3600);
  start_service (fixture);
  berlin = loadwise_reminder_service_get_deadline (fixture->service);
  g_assert_cmpint (berlin, >, 0);

  g_setenv ("TZ", "America/New_York", TRUE);
  g_assert_true (g_file_set_contents (fixture->localtime, "America/New_York\n", -1, NULL));

  /* What the schedule says in New York now, from the same data. */
  now = g_date_time_new_now_local ();
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (now), !=, "CET");
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (now), !=, "CEST");
  check.expected = expected_first_due (fixture);
  g_assert_cmpint (check.expected, !=, berlin);

  wait_until (check_deadline, &check);
}

/* How the file at the database's path gets replaced. */
typedef enum {
  REPLACE_MOVE_ASIDE,  /* as recovery does: moved aside with its -wal, a new one made */
  REPLACE_DELETE,      /* deleted with its -wal and -shm, then made again */
  REPLACE_RENAME,      /* another database renamed over it */
} ReplaceMode;

/* The new file's programme and times: 14:00 and 15:00, where the first
 * one's were 12:00 and 13:00. */
static void
set_up_new_database (Fixture          *fixture,
                     LoadwiseDatabase *db)
{
  GDate start = fixture->today;

  g_date_subtract_days (&start, 3);
  reminders_test_start_programme (db, &start, &fixture->today);
  reminders_test_set_times (db, 14 * 3600, 15 * 3600);
}

static LoadwiseDatabase *
service_database (Fixture *fixture)
{
  LoadwiseDatabase *database = NULL;

  g_object_get (fixture->service, "database", &database, NULL);
  return database;
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_assert_true (g_unlink (name) == 0 || errno == ENOENT);
    }
}

static gint64 expected_first_due (Fixture *fixture);

/* Makes a programme in DIR/other.db, closes it, and renames it over the
 * database's path (the test holds no connection to either). Returns the
 * first reminder still to come in it. The old -wal stays at its name
 * until the service's connection closes: nobody may open the new file
 * before that, or SQLite would read it through the old file's -wal. */
static gint64
rename_new_database_over (Fixture *fixture)
{
  g_autofree char *other_path = g_build_filename (fixture->base.dir, "other.db", NULL);
  g_autoptr (GError) error = NULL;
  gint64 expected;

  g_assert_null (fixture->base.db);
  fixture->base.db = loadwise_database_open (other_path, &error);
  g_assert_no_error (error);
  set_up_new_database (fixture, fixture->base.db);
  expected = expected_first_due (fixture);
  g_clear_object (&fixture->base.db);
  g_assert_cmpint (g_rename (other_path, fixture->base.path), ==, 0);
  return expected;
}

static void
reopen_fixture_database (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&fixture->base.db);
  fixture->base.db = loadwise_database_open (fixture->base.path, &error);
  g_assert_no_error (error);
}

/* The path comes to name another file; the next wake (here a direct
 * look, before the folder's events are dispatched) reads the new file and
 * re-arms for its times, never for the old one's. */
static void
test_follows_replaced_file (Fixture       *fixture,
                            gconstpointer  data)
{
  ReplaceMode mode = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autoptr (LoadwiseDatabase) database = NULL;
  gint64 before;
  gint64 expected = 0;

  reminders_test_set_times (fixture->base.db, 12 * 3600, 13 * 3600);
  start_service (fixture);
  before = loadwise_reminder_service_get_deadline (fixture->service);
  g_assert_cmpint (before, ==, expected_first_due (fixture));
  /* The service's connection is the only one to the old file, as in
   * loadwise-reminders. */
  g_clear_object (&fixture->base.db);

  switch (mode)
    {
    case REPLACE_MOVE_ASIDE:
      g_assert_true (loadwise_database_move_aside (fixture->base.path, &moved_to, &error));
      g_assert_no_error (error);
      reopen_fixture_database (fixture);
      set_up_new_database (fixture, fixture->base.db);
      break;
    case REPLACE_DELETE:
      remove_database_files (fixture->base.path);
      /* Looking while there is none creates nothing and arms nothing. */
      loadwise_reminder_service_reschedule (fixture->service);
      g_assert_false (g_file_test (fixture->base.path, G_FILE_TEST_EXISTS));
      g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==, 0);
      database = service_database (fixture);
      g_assert_null (database);
      reopen_fixture_database (fixture);
      set_up_new_database (fixture, fixture->base.db);
      break;
    case REPLACE_RENAME:
      expected = rename_new_database_over (fixture);
      break;
    default:
      g_assert_not_reached ();
    }

  loadwise_reminder_service_reschedule (fixture->service);
  if (mode == REPLACE_RENAME)
    reopen_fixture_database (fixture);
  else
    expected = expected_first_due (fixture);
  g_assert_cmpint (expected, !=, before);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==, expected);
  database = service_database (fixture);
  g_assert_nonnull (database);
  g_assert_cmpstr (loadwise_database_get_path (database), ==, fixture->base.path);

  if (mode == REPLACE_MOVE_ASIDE)
    {
      g_autoptr (LoadwiseDatabase) old = loadwise_database_open (moved_to, &error);
      LoadwiseReminderSettings settings;

      /* The file moved aside keeps its own times. */
      g_assert_no_error (error);
      g_assert_true (loadwise_database_get_reminder_settings (old, &settings, &error));
      g_assert_cmpuint (settings.session_time_s, ==, 12 * 3600);
    }
}

static gboolean
check_no_database (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr (LoadwiseDatabase) database = service_database (fixture);

  return database == NULL;
}

/* Without being woken: the folder's events bring the service to the
 * deletion (it lets go, and creates nothing) and to the file renamed in. */
static void
test_follows_file_by_monitor (Fixture       *fixture,
                              gconstpointer  data)
{
  DeadlineCheck check = { fixture, 0 };
  gint64 before;

  reminders_test_set_times (fixture->base.db, 12 * 3600, 13 * 3600);
  start_service (fixture);
  before = loadwise_reminder_service_get_deadline (fixture->service);
  g_clear_object (&fixture->base.db);

  remove_database_files (fixture->base.path);
  wait_until (check_no_database, fixture);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==, 0);
  g_assert_false (g_file_test (fixture->base.path, G_FILE_TEST_EXISTS));

  check.expected = rename_new_database_over (fixture);
  g_assert_cmpint (check.expected, !=, before);
  wait_until (check_deadline, &check);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* Recovery moved the old file aside with its -wal, and the new file's
 * commits are still in its own -wal (another program has it open). The
 * service closing the old connection must leave the -wal moved aside as
 * it was (it belongs to the damaged file, as evidence) and the new -wal
 * where it is. */
static void
test_replaced_file_keeps_new_wal (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autoptr (LoadwiseDatabase) third = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *moved_wal = NULL;
  g_autofree char *wal = g_strconcat (fixture->base.path, "-wal", NULL);
  LoadwiseReminderSettings settings;
  DeadlineCheck check = { fixture, 0 };
  goffset moved_wal_size;

  reminders_test_set_times (fixture->base.db, 12 * 3600, 13 * 3600);
  start_service (fixture);
  g_clear_object (&fixture->base.db);

  g_assert_true (loadwise_database_move_aside (fixture->base.path, &moved_to, &error));
  g_assert_no_error (error);
  moved_wal = g_strconcat (moved_to, "-wal", NULL);
  moved_wal_size = file_size (moved_wal);
  g_assert_cmpint (moved_wal_size, >, 0);
  other = loadwise_database_open (fixture->base.path, &error);
  g_assert_no_error (error);
  set_up_new_database (fixture, other);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  loadwise_reminder_service_reschedule (fixture->service);

  /* Both -wal files are where they were, and a newcomer reads the new
   * file's commits. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_size (moved_wal), ==, moved_wal_size);
  third = loadwise_database_open (fixture->base.path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_reminder_settings (third, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.session_time_s, ==, 14 * 3600);

  fixture->base.db = g_steal_pointer (&third);
  check.expected = expected_first_due (fixture);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==, check.expected);
}

static void
on_timer_fired (LoadwiseWallTimer *timer,
                gpointer           user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The wall timer itself: a deadline in the past fires at once; disarm
 * means no deadline. */
static void
test_wall_timer (void)
{
  g_autoptr (LoadwiseWallTimer) timer = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  gboolean fired = FALSE;

  timer = loadwise_wall_timer_new (&error);
  g_assert_no_error (error);
  g_signal_connect (timer, "fired", G_CALLBACK (on_timer_fired), &fired);

  loadwise_wall_timer_arm (timer, g_date_time_to_unix (now) + 3600);
  g_assert_cmpint (loadwise_wall_timer_get_deadline (timer), ==, g_date_time_to_unix (now) + 3600);
  loadwise_wall_timer_disarm (timer);
  g_assert_cmpint (loadwise_wall_timer_get_deadline (timer), ==, 0);

  loadwise_wall_timer_arm (timer, g_date_time_to_unix (now) - 5);
  reminders_test_wait_for (&fired, 10);
  g_assert_cmpint (loadwise_wall_timer_get_deadline (timer), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GTestDBus) bus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/service/wall-timer", test_wall_timer);
  g_test_add ("/service/fires-on-time-once", Fixture, NULL,
              fixture_setup, test_fires_on_time_once, fixture_teardown);
  g_test_add ("/service/catch-up", Fixture, NULL,
              fixture_setup, test_catch_up_at_start, fixture_teardown);
  g_test_add ("/service/logged-and-off", Fixture, NULL,
              fixture_setup, test_logged_and_off, fixture_teardown);
  g_test_add ("/service/failure-backs-off", Fixture, NULL,
              fixture_setup, test_failure_backs_off, fixture_teardown);
  g_test_add ("/service/database-change-rearms", Fixture, NULL,
              fixture_setup, test_database_change_rearms, fixture_teardown);
  g_test_add ("/service/time-zone-change-rearms", Fixture, NULL,
              fixture_setup, test_time_zone_change_rearms, fixture_teardown);
  g_test_add ("/service/follows-file/moved-aside", Fixture,
              GINT_TO_POINTER (REPLACE_MOVE_ASIDE),
              fixture_setup, test_follows_replaced_file, fixture_teardown);
  g_test_add ("/service/follows-file/deleted", Fixture, GINT_TO_POINTER (REPLACE_DELETE),
              fixture_setup, test_follows_replaced_file, fixture_teardown);
  g_test_add ("/service/follows-file/renamed-over", Fixture, GINT_TO_POINTER (REPLACE_RENAME),
              fixture_setup, test_follows_replaced_file, fixture_teardown);
  g_test_add ("/service/follows-file/by-monitor", Fixture, NULL,
              fixture_setup, test_follows_file_by_monitor, fixture_teardown);
  g_test_add ("/service/follows-file/keeps-new-wal", Fixture, NULL,
              fixture_setup, test_replaced_file_keeps_new_wal, fixture_teardown);

  status = g_test_run ();
  g_test_dbus_down (bus);
  return status;
}
