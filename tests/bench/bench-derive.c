/* bench-derive.c: one write plus the derivation, on ten years of history
 *
 * Issue 11: every write works the programme's derived state out again in
 * its own transaction (loadwise-database-derive.c). With ten years of demo
 * data (loadwise_demo_generate()), this times a set log and a morning
 * check-in, each one committed transaction with its derivation (typed in
 * late for a week not final yet, and for today), and a refresh after the
 * day moved on. Prints one machine-readable line: "derive ms=N.NNN n=N
 * set=... checkin=... late=... today=... day=... p90=... set_logs=N".
 * The budget is under 5 ms at the median.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-sqlite-private.h"
#include "store/loadwise-demo.h"

#define N_WRITES 400
#define N_DAYS   40

static double
median (double *ms,
        guint   n)
{
  bench_sort (ms, n);
  return ms[n / 2];
}

static GDateTime *
noon (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (LoadwiseClock) clock = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree double *all = g_new (double, 2 * N_WRITES);
  g_autofree double *sets = g_new (double, N_WRITES);
  g_autofree double *checkins = g_new (double, N_WRITES);
  g_autofree double *days = g_new (double, N_DAYS);
  g_autofree double *late_ms = g_new (double, N_WRITES);
  g_autofree double *today_ms = g_new (double, N_WRITES);
  GDate today = loadwise_test_date (2026, 11, 23);
  GDate friday, sunday;
  LoadwisePrescription friday_prescription;
  gint64 n_rows;
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  double set_ms, checkin_ms, day_ms, all_ms, p90;

  g_test_init (&argc, &argv, NULL);
  dir = loadwise_test_make_tmpdir ();
  path = loadwise_database_build_path (dir);
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  now = noon (&today);
  clock = loadwise_clock_new_fixed (now);
  loadwise_database_set_clock (db, clock);
  loadwise_database_set_catalogue (db, catalogue);
  if (!loadwise_database_fill_demo (db, catalogue, 10, 1, &today, &error)
      || !loadwise_database_get_programme (db, &programme, &error)
      || !loadwise_database_prescribe (db, catalogue, &programme, &today, &prescription, &error))
    g_error ("%s", error->message);
  /* Today is the week's first session day; "friday", the last session
   * day of the week before, and "sunday" the day before its first. */
  while (!prescription.is_session)
    {
      g_date_add_days (&today, 1);
      if (!loadwise_database_prescribe (db, catalogue, &programme, &today, &prescription, &error))
        g_error ("%s", error->message);
    }
  loadwise_programme_get_week_start (&programme, loadwise_programme_get_week (&programme, &today),
                                     &sunday);
  g_date_subtract_days (&sunday, 1);
  friday = sunday;
  do
    {
      if (!loadwise_database_prescribe (db, catalogue, &programme, &friday, &friday_prescription,
                                        &error))
        g_error ("%s", error->message);
      if (!friday_prescription.is_session)
        g_date_subtract_days (&friday, 1);
    }
  while (!friday_prescription.is_session);
  /* The clock on today: the demo left it free. */
  {
    g_autoptr (GDateTime) first = noon (&today);

    loadwise_clock_set_fixed (clock, first);
  }
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (loadwise_database_get_handle (db), "SELECT count(*) FROM set_log", -1,
                        &stmt, NULL);
    sqlite3_step (stmt);
    n_rows = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }

  /* First entries typed in late for last week (Friday's sets, Sunday's
   * check-in), while this week has no session yet: each one takes last
   * week's decision again. Then today's, which make it final. */
  for (guint i = 0; i < N_WRITES; i++)
    {
      gboolean late = i < N_WRITES / 2;
      const LoadwisePrescription *on = late ? &friday_prescription : &prescription;
      const LoadwisePrescribedExercise *item = &on->exercises[i % LOADWISE_N_FAMILIES];
      LoadwiseSetLog log = { .exercise_id = (char *) item->exercise->id,
                             .side = item->n_sides == 2 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE,
                             .set_index = i % item->sets, .done = i % 2 == 0,
                             .reps = item->target_reps, .hold_s = item->target_hold_s };
      LoadwiseCheckin checkin = { late ? sunday : today, 1 + i % 4, LOADWISE_SIDE_LEFT, FALSE };
      gint64 start;

      start = g_get_monotonic_time ();
      if (!loadwise_database_save_checkin (db, &checkin, &error))
        g_error ("%s", error->message);
      checkins[i] = (double) (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      if (!loadwise_database_log_set (db, late ? &friday : &today, &log, &error))
        g_error ("%s", error->message);
      sets[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
      all[2 * i] = checkins[i];
      all[2 * i + 1] = sets[i];
      (late ? late_ms : today_ms)[(i % (N_WRITES / 2)) * 2] = checkins[i];
      (late ? late_ms : today_ms)[(i % (N_WRITES / 2)) * 2 + 1] = sets[i];
    }

  /* The day moves on without a write: the first read derives. */
  for (guint i = 0; i < N_DAYS; i++)
    {
      g_autoptr (GDateTime) later = NULL;
      GDate next = today;
      gint64 start;

      g_date_add_days (&next, i + 1);
      later = noon (&next);
      loadwise_clock_set_fixed (clock, later);
      start = g_get_monotonic_time ();
      if (!loadwise_database_refresh_derived (db, &error))
        g_error ("%s", error->message);
      days[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }

  set_ms = median (sets, N_WRITES);
  checkin_ms = median (checkins, N_WRITES);
  day_ms = median (days, N_DAYS);
  all_ms = median (all, 2 * N_WRITES);
  p90 = all[2 * N_WRITES * 9 / 10];
  printf ("derive ms=%.3f n=%d set=%.3f checkin=%.3f late=%.3f today=%.3f day=%.3f p90=%.3f"
          " set_logs=%" G_GINT64_FORMAT "\n",
          all_ms, 2 * N_WRITES, set_ms, checkin_ms, median (late_ms, N_WRITES),
          median (today_ms, N_WRITES), day_ms, p90, n_rows);

  g_clear_object (&db);
  loadwise_test_rm_rf (dir);
  return 0;
}
