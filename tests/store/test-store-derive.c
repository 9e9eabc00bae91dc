/* test-store-derive.c: the derived state follows the data, not the typing
 *
 * A property test (issue 11): one seeded six-week diary, entered in
 * several schedules with a fixed clock that moves on (each evening, the
 * next morning, Monday batches, all at the end, a gap of 3-14 days), gives
 * the same week plans, week reviews and flare periods every time. One
 * transaction per entry, as the app writes them; within a day the
 * check-in first, then the flare the runner records, then the sets and
 * pains, then the run.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/loadwise-reason.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

#define N_DIARIES  40
#define N_DAYS     42
#define START_YEAR 2026

static LoadwiseCatalogue *catalogue;
static guint n_commits;

static void
on_changed (LoadwiseDatabase *db,
            guint             what,
            gpointer          user_data)
{
  n_commits++;
}

/* What the runner did on one day, drawn before anything is entered. */
typedef struct {
  gboolean checkin;
  guint    morning;
  gboolean night;
  gboolean skip;          /* a session day marked skipped */
  guint    percent;       /* of each exercise's sets done; 0: none logged */
  gboolean short_reps;    /* the last done set falls short of the target */
  gboolean whole;         /* logged at once (the CLI), else set by set (the app) */
  int      pain_offset;   /* added to the exercise pain the state gives */
  gboolean run;
  guint    run_pain;
  int      flare;         /* 1: the runner starts one, -1: ends it, 0: neither */
} Day;

typedef struct {
  guint32 seed;
  guint   base;
  Day     days[N_DAYS];
} Diary;

typedef enum {
  SCHEDULE_EVENING,
  SCHEDULE_NEXT_MORNING,
  SCHEDULE_MONDAY,
  SCHEDULE_AT_END,
  SCHEDULE_GAP,
  N_SCHEDULES
} Schedule;

static const char *const schedule_names[] = {
  "each evening", "next morning", "Monday batches", "all at the end", "a gap",
};

static GDate
diary_day (int d)
{
  /* 2026-03-02 is a Monday: sessions Mon/Wed/Fri. */
  GDate date = loadwise_test_date (START_YEAR, 3, 2);

  if (d >= 0)
    g_date_add_days (&date, (guint) d);
  else
    g_date_subtract_days (&date, (guint) -d);
  return date;
}

/* A hip that settles, has bad spells and now and then a flare; sessions
 * mostly done in full, sometimes cut short; a few skipped days. Weeks of
 * each kind come up, so decisions progress, hold and regress. */
static void
make_diary (Diary   *diary,
            guint32  seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  double state = 0.0;
  int flare_left = 0;
  /* Each week has a mood: good (progress), sore (hold or regress) or busy
   * (sets short). */
  int mood = 0;

  memset (diary, 0, sizeof *diary);
  diary->seed = seed;
  diary->base = (guint) g_rand_int_range (rand, 1, 4);

  for (int d = 0; d < N_DAYS; d++)
    {
      Day *day = &diary->days[d];
      gboolean session_day = d % 7 == 0 || d % 7 == 2 || d % 7 == 4;
      double r;
      int noise;

      if (d % 7 == 0)
        mood = g_rand_int_range (rand, 0, 4);
      state *= 0.6;
      if (mood == 1 && g_rand_double (rand) < 0.5)
        state += g_rand_double_range (rand, 1.0, 3.0);

      day->checkin = g_rand_double (rand) < 0.9;
      /* CLAMP evaluates its argument more than once: draw first. */
      noise = g_rand_int_range (rand, -1, 2);
      day->morning = (guint) CLAMP ((int) diary->base + (int) (state + 0.5) + noise, 0, 10);
      day->night = g_rand_double (rand) < 0.03;

      /* The runner records a flare now and then, and ends it some days
       * later (unless the exit rule did first). */
      if (flare_left > 0 && --flare_left == 0)
        day->flare = -1;
      else if (flare_left == 0 && d > 3 && g_rand_double (rand) < 0.03)
        {
          day->flare = 1;
          flare_left = g_rand_int_range (rand, 3, 10);
          state += 2.5;
        }

      if (session_day)
        {
          r = g_rand_double (rand);
          day->skip = r < 0.08;
          if (!day->skip)
            {
              if (mood == 2)
                day->percent = (guint) g_rand_int_range (rand, 30, 90);
              else if (r < 0.2)
                day->percent = (guint) g_rand_int_range (rand, 40, 100);
              else
                day->percent = 100;
              /* Now and then a session is not logged at all. */
              if (g_rand_double (rand) < 0.05)
                day->percent = 0;
            }
          day->short_reps = g_rand_double (rand) < 0.15;
          day->whole = g_rand_double (rand) < 0.75;
          day->pain_offset = mood == 1 ? g_rand_int_range (rand, 1, 4) : g_rand_int_range (rand, -1, 2);
        }

      day->run = d % 7 == 1 || d % 7 == 3 || d % 7 == 6;
      if (day->run)
        {
          noise = g_rand_int_range (rand, -2, 2) + (g_rand_double (rand) < 0.04 ? 4 : 0);
          day->run_pain = (guint) CLAMP ((int) day->morning + noise, 0, 10);
        }
    }
}

/* The clock for entering day @d in @schedule; @gap_start and @gap_days
 * for SCHEDULE_GAP. */
static GDateTime *
entry_time (Schedule schedule,
            int      d,
            int      gap_start,
            int      gap_days)
{
  int on = d;
  int hour = 20;
  GDate date;

  switch (schedule)
    {
    case SCHEDULE_EVENING:
      break;
    case SCHEDULE_NEXT_MORNING:
      on = d + 1;
      hour = 7;
      break;
    case SCHEDULE_MONDAY:
      on = d - d % 7 + 7;
      break;
    case SCHEDULE_AT_END:
      on = N_DAYS;
      break;
    case SCHEDULE_GAP:
      if (d >= gap_start && d < gap_start + gap_days)
        on = gap_start + gap_days;
      break;
    case N_SCHEDULES:
    default:
      g_assert_not_reached ();
    }
  date = diary_day (on);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, 0, 0);
}

static void
set_clock (LoadwiseClock *clock,
           GDateTime     *now)
{
  loadwise_clock_set_fixed (clock, now);
}

/* The sets and pains of a session, logged set by set as the Today page
 * does, from the prescription in force when they are typed in. */
static void
enter_session (LoadwiseDatabase  *db,
               const Diary       *diary,
               int                d)
{
  g_autoptr (GError) error = NULL;
  const Day *day = &diary->days[d];
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  GDate date = diary_day (d);

  if (day->skip)
    {
      g_assert_true (loadwise_database_set_session_status (db, &date, LOADWISE_SESSION_STATUS_SKIPPED,
                                                           NULL, "travelling", &error));
      g_assert_no_error (error);
      return;
    }
  if (day->percent == 0)
    return;

  g_assert_true (loadwise_database_get_programme (db, &programme, &error));
  g_assert_true (loadwise_database_prescribe (db, catalogue, &programme, &date, &prescription,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (prescription.is_session);

  /* `loadwise-cli log-session --completed P --pain N`: one transaction. */
  if (day->whole)
    {
      g_assert_true (loadwise_database_log_session (db, &prescription, day->percent,
                                                    (guint) CLAMP ((int) day->morning / 2 + 1
                                                                   + day->pain_offset, 0, 10),
                                                    NULL, &error));
      g_assert_no_error (error);
      return;
    }

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwisePrescribedExercise *item = &prescription.exercises[f];
      guint total = loadwise_prescribed_exercise_total_sets (item);
      guint n_done = loadwise_sets_for_percent (total, day->percent);
      guint position = 0;
      int pain = (int) day->morning / 2 + (int) item->level + day->pain_offset;

      for (guint set = 0; set < item->sets; set++)
        for (guint s = 0; s < item->n_sides; s++)
          {
            gboolean last = position + 1 == n_done;
            LoadwiseSetLog log = {
              .exercise_id = (char *) item->exercise->id,
              .side = item->n_sides == 2 ? (s == 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_RIGHT)
                                         : LOADWISE_SIDE_NONE,
              .set_index = set,
              .done = TRUE,
              .reps = item->target_reps - (last && day->short_reps && item->target_reps > 2 ? 2 : 0),
              .hold_s = item->target_hold_s - (last && day->short_reps && item->target_hold_s > 3 ? 3 : 0),
            };

            /* Only the sets done are ticked. */
            if (position++ >= n_done)
              continue;
            g_assert_true (loadwise_database_log_set (db, &date, &log, &error));
            g_assert_no_error (error);
          }
      g_assert_true (loadwise_database_set_exercise_pain (db, &date, item->exercise->id,
                                                          (guint) CLAMP (pain, 0, 10), &error));
      g_assert_no_error (error);
    }
  g_assert_true (loadwise_database_set_session_status (db, &date, LOADWISE_SESSION_STATUS_DONE,
                                                       NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
enter_day (LoadwiseDatabase *db,
           const Diary      *diary,
           int               d)
{
  g_autoptr (GError) error = NULL;
  const Day *day = &diary->days[d];
  GDate date = diary_day (d);

  if (day->checkin)
    {
      LoadwiseCheckin checkin = { date, day->morning,
                                  day->morning > 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE,
                                  day->night };

      g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
      g_assert_no_error (error);
    }

  /* Refused the same way in every schedule: one already on, or none on
   * any more because the exit rule ended it. */
  if (day->flare > 0)
    loadwise_database_start_flare (db, &date, FALSE, "Sore", NULL);
  else if (day->flare < 0)
    loadwise_database_end_flare (db, &date, FALSE, NULL);

  if (d % 7 == 0 || d % 7 == 2 || d % 7 == 4)
    enter_session (db, diary, d);

  if (day->run)
    {
      g_autoptr (LoadwiseRun) run = loadwise_run_new ();

      run->date = date;
      run->distance_m = 6000 + 500 * (guint) (d % 5);
      run->duration_s = run->distance_m * 6 / 10;
      run->pain_during = day->run_pain;
      g_assert_true (loadwise_database_add_run (db, run, &error));
      g_assert_no_error (error);
    }
}

static void
append_rows (sqlite3    *db,
             GString    *out,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (out, text != NULL ? text : "NULL");
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* The derived state, as text: the week plans (the revision note aside:
 * when a decision was revised depends on when things were typed in), the
 * week reviews' figures and finality, and the flare periods. */
static char *
dump_derived (LoadwiseDatabase *db,
              const char       *revision_note)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *plans = g_strdup_printf ("SELECT week, family, level, target_reps, target_hold_s,"
                                            " decision, replace (reason, ' %s', '')"
                                            " FROM week_plan ORDER BY week, family",
                                            revision_note);
  sqlite3 *handle = loadwise_database_get_handle (db);

  append_rows (handle, out, plans);
  append_rows (handle, out,
               "SELECT week, sets_done, sets_counted, adherence, round (mean_morning_pain, 6),"
               " see_clinician, clinician_reason, safe_pain, max_pain, training_days, inputs,"
               " finalized_at IS NOT NULL FROM week_review ORDER BY week");
  append_rows (handle, out,
               "SELECT start_date, end_date, started_by, ended_by FROM flare_period"
               " ORDER BY start_date");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct {
  guint n_progress;
  guint n_hold;
  guint n_regress;
  guint n_flares;
  guint n_entries;
} Tally;

static char *
run_schedule (const char    *dir,
              const Diary   *diary,
              Schedule       schedule,
              int            gap_start,
              int            gap_days,
              const char    *revision_note,
              Tally         *tally)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = g_strdup_printf ("diary-%u-%d.db", diary->seed, schedule);
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (LoadwiseClock) clock = NULL;
  g_autoptr (GDateTime) setup_time = NULL;
  g_autoptr (GDateTime) end_time = NULL;
  LoadwiseProgramme programme;
  GDate start = diary_day (0);
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  char *dump;

  path = g_build_filename (dir, name, NULL);
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  loadwise_database_set_catalogue (db, catalogue);
  g_signal_connect (db, "changed", G_CALLBACK (on_changed), NULL);
  setup_time = g_date_time_new_local (START_YEAR, 3, 1, 20, 0, 0);
  clock = loadwise_clock_new_fixed (setup_time);
  loadwise_database_set_clock (db, clock);

  /* The week before the start gives the baseline; then the start. */
  for (int d = -7; d < 0; d++)
    {
      LoadwiseCheckin checkin = { diary_day (d), diary->base, LOADWISE_SIDE_LEFT, FALSE };

      g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
      g_assert_no_error (error);
    }
  loadwise_programme_init (&programme, &start);
  g_assert_true (loadwise_database_start_programme (db, &programme, levels, &error));
  g_assert_no_error (error);

  for (int d = 0; d < N_DAYS; d++)
    {
      g_autoptr (GDateTime) now = entry_time (schedule, d, gap_start, gap_days);

      set_clock (clock, now);
      enter_day (db, diary, d);
      tally->n_entries++;
    }

  /* Everyone ends on the same morning after the diary. */
  end_time = entry_time (SCHEDULE_AT_END, 0, 0, 0);
  set_clock (clock, end_time);
  g_assert_true (loadwise_database_refresh_derived (db, &error));
  g_assert_no_error (error);

  if (schedule == SCHEDULE_EVENING)
    {
      g_autoptr (GPtrArray) plans = loadwise_database_list_week_plans (db, &error);
      g_autoptr (GArray) flares = loadwise_database_list_flares (db, &error);

      for (guint i = 0; i < plans->len; i++)
        {
          const LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);

          tally->n_progress += g_strcmp0 (plan->decision, "progress") == 0;
          tally->n_hold += g_strcmp0 (plan->decision, "hold") == 0;
          tally->n_regress += g_strcmp0 (plan->decision, "regress") == 0;
        }
      tally->n_flares += flares->len;
    }

  dump = dump_derived (db, revision_note);
  g_clear_object (&db);
  return dump;
}

static void
test_schedules_agree (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *revision_note = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  LoadwiseReason revised_only = { .kind = LOADWISE_REASON_KIND_CLINICIAN, .revised = TRUE };
  Tally tally = { 0 };
  guint n_diaries = N_DIARIES;
  gint64 started = g_get_monotonic_time ();
  const char *shm = "/dev/shm";

  /* A tmpfs, so that the commits cost what the store costs. */
  if (g_file_test (shm, G_FILE_TEST_IS_DIR) && g_access (shm, W_OK) == 0)
    {
      g_autofree char *template = g_build_filename (shm, "loadwise-derive-XXXXXX", NULL);

      dir = g_mkdtemp (g_steal_pointer (&template));
    }
  if (dir == NULL)
    dir = loadwise_test_make_tmpdir ();
  revision_note = loadwise_reason_to_string (&revised_only);

  /* LOADWISE_TEST_DIARIES=N for a quicker look. */
  if (g_getenv ("LOADWISE_TEST_DIARIES") != NULL)
    n_diaries = (guint) g_ascii_strtoull (g_getenv ("LOADWISE_TEST_DIARIES"), NULL, 10);
  for (guint i = 0; i < n_diaries; i++)
    {
      Diary diary;
      g_autofree char *reference = NULL;
      int gap_start = g_rand_int_range (rand, 1, N_DAYS - 14);
      int gap_days = g_rand_int_range (rand, 3, 15);

      make_diary (&diary, 1000 + i);
      for (Schedule schedule = 0; schedule < N_SCHEDULES; schedule++)
        {
          g_autofree char *dump = run_schedule (dir, &diary, schedule, gap_start, gap_days,
                                                revision_note, &tally);

          if (reference == NULL)
            reference = g_steal_pointer (&dump);
          else if (g_strcmp0 (dump, reference) != 0)
            {
              g_test_message ("diary %u (seed %u), %s (gap on day %d for %d days) differs from %s:\n"
                              "%s\n---\n%s", i, diary.seed, schedule_names[schedule], gap_start,
                              gap_days, schedule_names[0], reference, dump);
              g_assert_cmpstr (dump, ==, reference);
            }
        }
    }

  g_test_message ("%u diaries x %u schedules (%u days entered, %u commits), %.2f s; decisions "
                  "over the diaries: %u progress, %u hold, %u regress; %u flares",
                  n_diaries, N_SCHEDULES, tally.n_entries, n_commits,
                  (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC,
                  tally.n_progress, tally.n_hold, tally.n_regress, tally.n_flares);
  /* The diaries are meaningful: every kind of decision comes up. */
  g_assert_cmpuint (tally.n_progress, >, 0);
  g_assert_cmpuint (tally.n_hold, >, 0);
  g_assert_cmpuint (tally.n_regress, >, 0);
  g_assert_cmpuint (tally.n_flares, >, 0);

  loadwise_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  catalogue = loadwise_catalogue_load_default (NULL);

  g_test_add_func ("/store/derive/schedules-agree", test_schedules_agree);

  status = g_test_run ();
  loadwise_catalogue_unref (catalogue);
  return status;
}
