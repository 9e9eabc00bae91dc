/* test-report-ics.c: the scheduled sessions as iCalendar, parsed back with
 * libical
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "core/loadwise-error.h"

#include "report/loadwise-export.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

typedef struct {
  char *uid;
  char *date;
  char *summary;
  char *description;
  int   status;
} Event;

static void
event_free (Event *event)
{
  g_free (event->uid);
  g_free (event->date);
  g_free (event->summary);
  g_free (event->description);
  g_free (event);
}

/* The VEVENTs of @path, in file order. */
static GPtrArray *
parse (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      Event *event = g_new0 (Event, 1);
      struct icaltimetype start = icalcomponent_get_dtstart (c);
      struct icaltimetype end = icalcomponent_get_dtend (c);

      g_assert_true (start.is_date);
      g_assert_cmpint (icaltime_compare_date_only (icaltime_add (start, icaldurationtype_from_int (86400)), end), ==, 0);
      event->uid = g_strdup (icalcomponent_get_uid (c));
      event->date = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
      event->summary = g_strdup (icalcomponent_get_summary (c));
      event->description = g_strdup (icalcomponent_get_description (c));
      event->status = icalcomponent_get_status (c);
      g_ptr_array_add (events, event);
    }
  icalcomponent_free (calendar);
  return events;
}

static void
test_sessions (ChartsFixture *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = g_build_filename (fixture->tmpdir, "a.ics", NULL);
  g_autofree char *second = g_build_filename (fixture->tmpdir, "b.ics", NULL);
  g_autoptr (GPtrArray) a = NULL;
  g_autoptr (GPtrArray) b = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 10, 10, 9, 0, 0);
  g_autoptr (GDateTime) later = g_date_time_new_local (2026, 10, 11, 18, 30, 0);
  g_autoptr (GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 3, .seed = 1 };
  GDate skipped = loadwise_test_date (2026, 10, 9);

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  g_assert_true (loadwise_database_set_session_status (fixture->db, &skipped,
                                                       LOADWISE_SESSION_STATUS_SKIPPED, NULL,
                                                       "ill", &error));
  g_assert_no_error (error);

  g_assert_true (loadwise_export_ics (fixture->db, fixture->catalogue, now, first, &error));
  g_assert_no_error (error);
  a = parse (first);

  /* Eight weeks of mon/wed/fri: 24 sessions, one VEVENT for each date. */
  g_assert_cmpuint (a->len, ==, 24);
  for (guint i = 0; i < a->len; i++)
    {
      Event *event = g_ptr_array_index (a, i);
      g_autofree char *expected_uid = g_strdup_printf ("session-%s@io.github.loadwise.Loadwise",
                                                       event->date);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, event->date);
      g_assert_cmpint (g_date_get_weekday (&date) % 2, ==, 1);  /* Mon, Wed, Fri */
      g_assert_cmpstr (event->uid, ==, expected_uid);
      g_assert_false (g_hash_table_contains (uids, event->uid));
      g_hash_table_add (uids, event->uid);
      g_assert_true (g_str_has_prefix (event->summary, "Hip exercises, week "));
      g_assert_nonnull (strstr (event->description, "Bridge, level 1: "));
      g_assert_cmpint (event->status, ==,
                       g_strcmp0 (event->date, "2026-10-09") == 0 ? ICAL_STATUS_CANCELLED
                                                                  : ICAL_STATUS_CONFIRMED);
    }
  g_assert_cmpstr (((Event *) g_ptr_array_index (a, 0))->date, ==, "2026-10-05");
  g_assert_cmpstr (((Event *) g_ptr_array_index (a, 0))->summary, ==, "Hip exercises, week 1 of 8");
  g_assert_cmpstr (((Event *) g_ptr_array_index (a, 23))->date, ==, "2026-11-27");

  /* A second export, a day later: the same events under the same UIDs. */
  g_assert_true (loadwise_export_ics (fixture->db, fixture->catalogue, later, second, &error));
  g_assert_no_error (error);
  b = parse (second);
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (((Event *) g_ptr_array_index (a, i))->uid, ==,
                     ((Event *) g_ptr_array_index (b, i))->uid);

  /* Never over an existing file. */
  g_assert_false (loadwise_export_ics (fixture->db, fixture->catalogue, now, first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_maintenance_continues (ChartsFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "m.ics", NULL);
  g_autoptr (GPtrArray) events = NULL;
  /* Three weeks after the end of 8 weeks from 5 Oct: in maintenance. */
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 12, 21, 9, 0, 0);
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 1, .seed = 1 };
  Event *last;

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  g_assert_true (loadwise_export_ics (fixture->db, fixture->catalogue, now, path, &error));
  g_assert_no_error (error);
  events = parse (path);
  last = g_ptr_array_index (events, events->len - 1);

  /* Up to four weeks ahead, two sessions a week after the programme. */
  g_assert_cmpstr (last->date, ==, "2027-01-18");
  g_assert_cmpstr (last->summary, ==, "Hip exercises (maintenance)");
  /* Mon and Fri from 30 Nov: 7 weeks, and Monday 18 Jan. */
  g_assert_cmpuint (events->len, ==, 24 + 2 * 7 + 1);
}

/* Moves the programme's start behind the store's back, as an old or
 * hostile database file might hold it, and opens the database again. */
static void
set_start_raw (ChartsFixture *fixture,
               const char    *start)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "loadwise.db", NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE programme SET start = '%s'", start);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->db);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
}

/* A date libical cannot write (it wrote DTSTART:00000000T000000) is
 * refused, and nothing is written. */
static void
test_unwritable_date (ChartsFixture *fixture,
                      gconstpointer  data)
{
  /* The second starts in libical's last year and runs past it. */
  const char *starts[] = { "9999-12-31", "3000-12-20" };
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 10, 10, 9, 0, 0);
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 1, .seed = 1 };

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autofree char *path = g_build_filename (fixture->tmpdir, "far.ics", NULL);
      g_autoptr (GError) error = NULL;

      set_start_raw (fixture, starts[i]);
      g_assert_false (loadwise_export_ics (fixture->db, fixture->catalogue, now, path, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "programme start: "));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr (GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "loadwise.db"));
  }
}

/* A start long ago: the programme's weeks and the maintenance sessions
 * around today, not one for every week since (13,262 events for 1900). */
static void
test_old_start_bounded (ChartsFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "old.ics", NULL);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 30, 9, 0, 0);
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 1, .seed = 1 };
  guint in_programme = 0;

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  set_start_raw (fixture, "1900-01-01");
  g_assert_true (loadwise_export_ics (fixture->db, fixture->catalogue, now, path, &error));
  g_assert_no_error (error);
  events = parse (path);

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);

      /* 8 weeks from Monday 1 Jan 1900, then from 2 Nov 2026 on. */
      if (g_strcmp0 (event->date, "1900-02-25") <= 0)
        in_programme++;
      else
        {
          g_assert_cmpstr (event->date, >=, "2026-11-02");
          g_assert_cmpstr (event->summary, ==, "Hip exercises (maintenance)");
        }
    }
  g_assert_cmpuint (in_programme, ==, 24);
  g_assert_cmpstr (((Event *) g_ptr_array_index (events, 0))->date, ==, "1900-01-01");
  /* Two a week from 2 Nov to 28 Dec 2026. */
  g_assert_cmpuint (events->len - in_programme, ==, 2 * 8 + 1);
  g_assert_cmpstr (((Event *) g_ptr_array_index (events, events->len - 1))->date, <=, "2026-12-28");
}

static void
test_uid (void)
{
  GDate date = loadwise_test_date (2027, 2, 28);
  g_autofree char *uid = loadwise_export_session_uid (&date);

  g_assert_cmpstr (uid, ==, "session-2027-02-28@io.github.loadwise.Loadwise");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/ics/uid", test_uid);
  g_test_add ("/report/ics/sessions", ChartsFixture, NULL, charts_fixture_setup, test_sessions, charts_fixture_teardown);
  g_test_add ("/report/ics/maintenance-continues", ChartsFixture, NULL, charts_fixture_setup,
              test_maintenance_continues, charts_fixture_teardown);

  g_test_add ("/report/ics/unwritable-date", ChartsFixture, NULL, charts_fixture_setup, test_unwritable_date,
              charts_fixture_teardown);
  g_test_add ("/report/ics/old-start-bounded", ChartsFixture, NULL, charts_fixture_setup, test_old_start_bounded,
              charts_fixture_teardown);

  return g_test_run ();
}
