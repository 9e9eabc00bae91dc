/* loadwise-demo.c: a realistic, seeded history
 *
 * The history is simulated day by day from a hidden "true" pain level
 * that falls over each programme and jumps in flare-ups; what the runner
 * would have logged is drawn around it. The whole history becomes one
 * dataset, written in one transaction, so ten years take a moment.
 *
 * The weekly decisions are the real ones: each week the figures the store
 * would gather from these rows are built from what was simulated, and
 * loadwise_progression_decide() takes them, so the levels of every
 * programme follow PROGRAMME.md's rule, and the current programme's
 * week_plan and week_review rows are the ones the store's derivation
 * (loadwise-database-derive.c) works out from these rows: writing them
 * marks final the weeks trained after, and takes the rest again.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-demo.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-progression.h"
#include "core/loadwise-run.h"
#include "core/loadwise-session.h"
#include "core/loadwise-types.h"
#include "store/loadwise-database-progression.h"

/* The programme's own numbers (PROGRAMME.md, "The weekly decision"). */
#define PROGRAMME_WEEKS       8
#define MAINTENANCE_WEEKS_MIN 6
#define MAINTENANCE_WEEKS_MAX 20
/* The days over which the pain comes back before the next programme. */
#define PAIN_RETURN_DAYS      21

typedef struct {
  GRand                   *rand;
  LoadwiseDataset         *data;
  const LoadwiseCatalogue *catalogue;
  GDate                    today;

  double                   pain;          /* the underlying morning pain */
  double                   floor;         /* where it settles this programme */
  double                   run_effect;    /* what yesterday's run adds this morning */
  double                   last_morning;
  guint                    flare_days;    /* days left in the flare, 0: none */
  guint                    flare_length;
  gint64                   flare_id;      /* the open flare_period row's id */
  GDate                    flare_start;
  gint64                   n_runs;
  guint                    n_shoes;
  GDate                    retire_shoe_on;
  double                   pain_return;   /* what comes back before the next programme */
  GArray                  *checkins;      /* LoadwiseCheckin, the whole history */
  /* exercise id -> RecentSessions: the reps rule reads the last sessions
   * of an exercise, whenever they were. */
  GHashTable              *recent;

  /* The plan in force this week (week_plan's row of each family). */
  guint                    levels[LOADWISE_N_FAMILIES];
  guint                    target_reps[LOADWISE_N_FAMILIES];
  guint                    target_hold_s[LOADWISE_N_FAMILIES];
  gboolean                 previous_regress;

  /* The week so far, as loadwise-database-progression.c gathers it. */
  guint                    sets_prescribed[LOADWISE_N_FAMILIES];
  guint                    sets_skipped[LOADWISE_N_FAMILIES];
  guint                    sets_done[LOADWISE_N_FAMILIES];
  int                      max_pain[LOADWISE_N_FAMILIES];
  guint                    n_flare_days;
  GArray                  *mornings;      /* guint */
  double                   week_pain_sum;
  guint                    week_pain_n;
  gboolean                 session_yesterday; /* a session not skipped, the day before */
  /* The programme so far. */
  GArray                  *means;         /* double, per week; NAN without check-ins */
  guint                    total_sets_done;
  guint                    total_sets_counted;
} Demo;

typedef struct {
  LoadwiseSessionResult results[LOADWISE_REPS_CONSECUTIVE_SESSIONS]; /* oldest first */
  guint                 n;
} RecentSessions;

enum {
  T_PROGRAMME, T_SETTING, T_WEEK_PLAN, T_WEEK_REVIEW, T_SESSION, T_SET_LOG,
  T_EXERCISE_PAIN, T_CHECKIN, T_CHECKIN_HABIT, T_RED_FLAGS, T_REMINDER,
  T_SHOE, T_RUN, T_FLARE_PERIOD, T_FLARE_SUGGESTION,
};

static LoadwiseDatasetValue *
column (LoadwiseDatasetValue *row,
        guint                 table,
        const char           *name)
{
  int index = loadwise_dataset_find_column (table, name);

  g_assert (index >= 0);
  row[index].is_null = FALSE;
  return &row[index];
}

static void
set_int (LoadwiseDatasetValue *row,
         guint                 table,
         const char           *name,
         gint64                value)
{
  column (row, table, name)->i = value;
}

static void
set_text (LoadwiseDatasetValue *row,
          guint                 table,
          const char           *name,
          const char           *value)
{
  column (row, table, name)->s = g_strdup (value);
}

static void
set_date (LoadwiseDatasetValue *row,
          guint                 table,
          const char           *name,
          const GDate          *date)
{
  column (row, table, name)->s = loadwise_date_to_iso (date);
}

/* A UTC timestamp on @date; deterministic, so the same seed gives the
 * same rows. */
static void
set_time (LoadwiseDatasetValue *row,
          guint                 table,
          const char           *name,
          const GDate          *date,
          guint                 minute_of_day)
{
  column (row, table, name)->s =
    g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:00Z",
                     g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                     minute_of_day / 60 % 24, minute_of_day % 60);
}

static double
gaussian (GRand  *rand,
          double  sigma)
{
  /* Box-Muller: two uniform draws give one normal one. */
  double u = g_rand_double_range (rand, 1e-9, 1.0);
  double v = g_rand_double (rand);

  return sigma * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static guint
rating (double value)
{
  return (guint) CLAMP (lround (value), 0, 10);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

/* Flare-ups */

static void
start_flare (Demo        *demo,
             const GDate *date)
{
  static const char *const reasons[] = {
    N_("Sore after a hilly long run"),
    N_("Pain back after a week of long days sitting"),
    N_("Woke up at night with the hip aching"),
    N_("Sore after running on a cambered road"),
  };
  LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_FLARE_PERIOD);
  gboolean suggested = chance (demo, 0.6);

  demo->flare_id++;
  demo->flare_length = (guint) g_rand_int_range (demo->rand, 6, 15);
  demo->flare_days = demo->flare_length;
  demo->flare_start = *date;
  demo->pain += g_rand_double_range (demo->rand, 2.0, 3.5);

  set_int (row, T_FLARE_PERIOD, "id", demo->flare_id);
  set_date (row, T_FLARE_PERIOD, "start_date", date);
  set_text (row, T_FLARE_PERIOD, "started_by", suggested ? "suggestion" : "runner");
  set_text (row, T_FLARE_PERIOD, "reason",
            _(reasons[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (reasons))]));

  if (suggested)
    {
      LoadwiseDatasetValue *answer = loadwise_dataset_add_row (demo->data, T_FLARE_SUGGESTION);
      GDate evidence = *date;

      g_date_subtract_days (&evidence, 1);
      set_date (answer, T_FLARE_SUGGESTION, "decided_on", date);
      set_date (answer, T_FLARE_SUGGESTION, "evidence", &evidence);
      set_int (answer, T_FLARE_SUGGESTION, "triggers", 1);
      set_text (answer, T_FLARE_SUGGESTION, "decision", "accepted");
      set_time (answer, T_FLARE_SUGGESTION, "decided_at", date, 6 * 60 + 35);
    }
}

/* @date is the flare's last day: it ends the next morning, a normal day,
 * as the store reads end_date. */
static void
end_flare (Demo        *demo,
           const GDate *date)
{
  guint n = loadwise_dataset_get_n_rows (demo->data, T_FLARE_PERIOD);
  LoadwiseDatasetValue *row = loadwise_dataset_get_row (demo->data, T_FLARE_PERIOD, n - 1);
  GDate end = *date;

  g_date_add_days (&end, 1);
  set_date (row, T_FLARE_PERIOD, "end_date", &end);
  set_text (row, T_FLARE_PERIOD, "ended_by", chance (demo, 0.75) ? "rule" : "runner");
  demo->flare_days = 0;
}

/* The morning */

static void
add_checkin (Demo        *demo,
             const GDate *date)
{
  LoadwiseDatasetValue *row;
  gboolean in_flare = demo->flare_days > 0;
  gboolean slept_on_side = chance (demo, 0.4);
  /* Lying on the painful side compresses the tendon (Grimaldi 2015). */
  double morning = demo->pain + demo->run_effect + (slept_on_side ? 0.3 : 0.0)
                   + gaussian (demo->rand, 0.4);
  guint pain = rating (morning);
  const char *side = "none";
  gboolean night;

  demo->last_morning = morning;
  if (!chance (demo, 0.93))
    return;

  {
    LoadwiseCheckin checkin = { .date = *date, .morning_pain = pain };

    g_array_append_val (demo->checkins, checkin);
    g_array_append_val (demo->mornings, pain);
  }

  if (pain > 0)
    {
      double r = g_rand_double (demo->rand);

      side = r < 0.7 ? "right" : r < 0.85 ? "left" : "both";
    }
  night = (in_flare && demo->flare_length - demo->flare_days < 4)
          || (pain >= 5 && chance (demo, 0.1));

  row = loadwise_dataset_add_row (demo->data, T_CHECKIN);
  set_date (row, T_CHECKIN, "date", date);
  set_int (row, T_CHECKIN, "morning_pain", pain);
  set_text (row, T_CHECKIN, "side", side);
  set_int (row, T_CHECKIN, "night_pain", night);
  set_time (row, T_CHECKIN, "updated_at", date, 6 * 60 + 30);

  demo->week_pain_sum += pain;
  demo->week_pain_n++;

  if (chance (demo, 0.5))
    {
      row = loadwise_dataset_add_row (demo->data, T_CHECKIN_HABIT);
      set_date (row, T_CHECKIN_HABIT, "date", date);
      set_int (row, T_CHECKIN_HABIT, "crossed_legs", chance (demo, 0.3));
      set_int (row, T_CHECKIN_HABIT, "slept_on_side", slept_on_side);
      set_time (row, T_CHECKIN_HABIT, "updated_at", date, 6 * 60 + 31);
    }
}

/* The glute session */

/* The last sessions of @exercise, for the reps rule (ACSM 2009). */
static void
remember_session (Demo                   *demo,
                  const LoadwiseExercise *exercise,
                  LoadwiseSessionResult   result)
{
  RecentSessions *recent = g_hash_table_lookup (demo->recent, exercise->id);

  if (recent == NULL)
    {
      recent = g_new0 (RecentSessions, 1);
      g_hash_table_insert (demo->recent, (gpointer) exercise->id, recent);
    }
  if (recent->n == G_N_ELEMENTS (recent->results))
    {
      memmove (recent->results, recent->results + 1,
               sizeof recent->results[0] * (G_N_ELEMENTS (recent->results) - 1));
      recent->n--;
    }
  recent->results[recent->n++] = result;
}

/* Logs the session of @prescription and counts it into the week's
 * figures the way the store gathers them: every family's sets are asked
 * for at the level of the week's plan; a skipped day or a day in flare
 * mode excuses them, and sets logged on it do not count (PROGRAMME.md,
 * "The weekly decision"). Returns whether the session was done. */
static gboolean
add_session (Demo                       *demo,
             const LoadwisePrescription *prescription,
             gboolean                    in_flare)
{
  static const char *const skip_reasons[] = {
    N_("Travelling"),
    N_("Ill with a cold"),
    N_("Long day at work"),
    N_("Family visiting"),
  };
  const GDate *date = &prescription->date;
  LoadwiseDatasetValue *session = loadwise_dataset_add_row (demo->data, T_SESSION);
  double r = g_rand_double (demo->rand);
  gboolean skipped = r < 0.05;
  gboolean excused = skipped || in_flare;
  guint percent = 100;
  guint minute = 17 * 60;

  set_date (session, T_SESSION, "date", date);
  set_time (session, T_SESSION, "updated_at", date, 18 * 60);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseExercise *planned = loadwise_catalogue_lookup (demo->catalogue, f, demo->levels[f]);
      guint per_day = planned->sets * loadwise_exercise_get_n_sides (planned);

      demo->sets_prescribed[f] += per_day;
      if (excused)
        demo->sets_skipped[f] += per_day;
    }
  if (!skipped && in_flare)
    demo->n_flare_days++;

  if (skipped)
    {
      set_text (session, T_SESSION, "status", "skipped");
      set_text (session, T_SESSION, "skip_reason",
                _(skip_reasons[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (skip_reasons))]));
      return FALSE;
    }
  /* Most sessions are done in full; a sore day or a busy one cuts some
   * short, more often in a flare. */
  if (r < 0.15 || (in_flare && r < 0.4))
    percent = (guint) g_rand_int_range (demo->rand, 40, 81);
  set_text (session, T_SESSION, "status", "done");
  if (percent < 100 && chance (demo, 0.5))
    set_text (session, T_SESSION, "note", _("Stopped early: the hip was sore"));

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwisePrescribedExercise *item = &prescription->exercises[f];
      gboolean hold = loadwise_exercise_is_hold (item->exercise);
      guint total = loadwise_prescribed_exercise_total_sets (item);
      guint n_done = loadwise_sets_for_percent (total, percent);
      /* Now and then the last set falls a little short of the target. */
      gboolean short_last = chance (demo, 0.2);
      LoadwiseSessionResult result = { .all_sets_done = n_done >= total };
      guint position = 0;
      guint during;
      LoadwiseDatasetValue *pain;

      /* As loadwise_database_log_session() logs them: set 1 left, set 1 right, ... */
      for (guint set = 0; set < item->sets; set++)
        for (guint s = 0; s < item->n_sides; s++)
          {
            LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_SET_LOG);
            gboolean done = position < n_done;
            gboolean last_done = position + 1 == n_done;
            guint reps = done ? item->target_reps : 0;
            guint hold_s = done ? item->target_hold_s : 0;

            position++;
            if (done && last_done && short_last)
              {
                if (hold)
                  hold_s = MAX (hold_s, 4) - 3;
                else
                  reps = MAX (reps, 3) - 2;
              }
            /* The smallest of the done sets, as the store reads them. */
            if (done)
              {
                result.min_reps = position == 1 ? reps : MIN (result.min_reps, reps);
                result.min_hold_s = position == 1 ? hold_s : MIN (result.min_hold_s, hold_s);
              }

            set_date (row, T_SET_LOG, "date", date);
            set_text (row, T_SET_LOG, "exercise_id", item->exercise->id);
            set_text (row, T_SET_LOG, "side",
                      item->n_sides == 2 ? (s == 0 ? "left" : "right") : "none");
            set_int (row, T_SET_LOG, "set_index", set);
            set_int (row, T_SET_LOG, "done", done);
            set_int (row, T_SET_LOG, "reps", reps);
            set_int (row, T_SET_LOG, "hold_s", hold_s);
            set_time (row, T_SET_LOG, "logged_at", date, minute++);
          }
      remember_session (demo, item->exercise, result);
      if (!excused)
        demo->sets_done[f] += n_done;

      /* Pain during follows the morning's, and harder levels provoke
       * more: so the runner climbs while the hip settles and levels off
       * where the work starts to hurt, as the weekly rule intends. */
      during = rating (0.5 * demo->last_morning + 0.7 * item->level + gaussian (demo->rand, 0.5));
      demo->max_pain[f] = MAX (demo->max_pain[f], (int) during);
      pain = loadwise_dataset_add_row (demo->data, T_EXERCISE_PAIN);
      set_date (pain, T_EXERCISE_PAIN, "date", date);
      set_text (pain, T_EXERCISE_PAIN, "exercise_id", item->exercise->id);
      set_int (pain, T_EXERCISE_PAIN, "pain", during);
      set_time (pain, T_EXERCISE_PAIN, "updated_at", date, minute++);
    }
  return TRUE;
}

/* Runs */

static void
add_run (Demo        *demo,
         const GDate *date)
{
  LoadwiseDatasetValue *row;
  GDateWeekday weekday = g_date_get_weekday (date);
  gboolean long_run = weekday == G_DATE_SUNDAY;
  gboolean speed = weekday == G_DATE_TUESDAY && chance (demo, 0.4);
  gboolean hilly = !speed && chance (demo, long_run ? 0.45 : 0.3);
  LoadwiseSurface surface = LOADWISE_SURFACE_ROAD;
  LoadwiseCamber camber = LOADWISE_CAMBER_NONE;
  double km = long_run ? g_rand_double_range (demo->rand, 14.0, 22.0)
                       : g_rand_double_range (demo->rand, 5.0, 10.0);
  guint distance_m = (guint) lround (km * 1000.0 / 10.0) * 10;
  guint climb, descent;
  double pace = speed ? g_rand_double_range (demo->rand, 250, 290)
                      : g_rand_double_range (demo->rand, 310, 380);
  double effect;
  guint during;

  if (hilly)
    {
      surface = chance (demo, 0.6) ? LOADWISE_SURFACE_TRAIL : LOADWISE_SURFACE_ROAD;
      climb = (guint) g_rand_int_range (demo->rand, 150, 650) * (long_run ? 2 : 1) / 2 * 2;
      descent = climb + (guint) g_rand_int_range (demo->rand, 0, 60);
      pace += 30;
    }
  else
    {
      if (speed && chance (demo, 0.5))
        surface = LOADWISE_SURFACE_TRACK;
      else if (chance (demo, 0.05))
        surface = LOADWISE_SURFACE_TREADMILL;
      climb = surface == LOADWISE_SURFACE_ROAD ? (guint) g_rand_int_range (demo->rand, 10, 80) : 0;
      descent = climb;
    }
  if (surface == LOADWISE_SURFACE_ROAD && chance (demo, 0.25))
    camber = chance (demo, 0.6) ? LOADWISE_CAMBER_LEFT : LOADWISE_CAMBER_RIGHT;

  /* Downhill running and cambered roads load the lateral hip: they show
   * the next morning (PROGRAMME.md, "Runs and their load factors"). */
  effect = 0.0015 * MAX ((double) descent - 100.0, 0.0)
           + (camber != LOADWISE_CAMBER_NONE ? 1.0 : 0.0)
           + (long_run ? 0.2 : 0.0) + (speed ? 0.2 : 0.0);
  demo->run_effect = effect;
  during = rating (0.5 * demo->pain + 0.5 * effect + gaussian (demo->rand, 0.5));

  row = loadwise_dataset_add_row (demo->data, T_RUN);
  set_int (row, T_RUN, "id", ++demo->n_runs);
  set_date (row, T_RUN, "date", date);
  set_int (row, T_RUN, "distance_m", distance_m);
  set_int (row, T_RUN, "duration_s", (gint64) lround (km * pace));
  set_int (row, T_RUN, "climb_m", climb);
  set_int (row, T_RUN, "descent_m", descent);
  set_int (row, T_RUN, "speed", speed);
  set_int (row, T_RUN, "long_run", long_run);
  set_text (row, T_RUN, "camber", loadwise_camber_to_string (camber));
  set_text (row, T_RUN, "surface", loadwise_surface_to_string (surface));
  if (chance (demo, 0.92))
    {
      /* The first pair is retired halfway through a long history. */
      guint first = g_date_compare (date, &demo->retire_shoe_on) >= 0 ? 2 : 1;
      guint last = g_date_compare (date, &demo->retire_shoe_on) >= 0 ? demo->n_shoes : demo->n_shoes - 1;

      if (first > last)
        first = last;
      set_int (row, T_RUN, "shoe_id", g_rand_int_range (demo->rand, first, last + 1));
    }
  set_int (row, T_RUN, "pain_during", during);
  if (chance (demo, 0.85))
    set_int (row, T_RUN, "pain_after",
             rating (during + (descent > 300 ? 1.0 : 0.0)
                    + (camber != LOADWISE_CAMBER_NONE ? 1.0 : 0.0) + gaussian (demo->rand, 0.5)));
  if (chance (demo, 0.05))
    set_text (row, T_RUN, "note", _("Windy, legs felt heavy"));
  set_time (row, T_RUN, "updated_at", date, 12 * 60);
}

static gboolean
is_run_day (Demo        *demo,
            const GDate *date)
{
  switch (g_date_get_weekday (date))
    {
    case G_DATE_TUESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_SUNDAY:
      return TRUE;
    case G_DATE_SATURDAY:
      return chance (demo, 0.5);
    case G_DATE_MONDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_FRIDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      return FALSE;
    }
}

static void
add_shoes (Demo        *demo,
           const GDate *start,
           guint        years)
{
  static const char *const names[] = {
    N_("Daily trainer (blue)"),
    N_("Trail shoes"),
    N_("Cushioned trainer"),
    N_("Racing flats"),
  };

  demo->n_shoes = (guint) g_rand_int_range (demo->rand, 2, 5);
  demo->retire_shoe_on = *start;
  g_date_add_days (&demo->retire_shoe_on, years * 365 / 2);

  for (guint i = 0; i < demo->n_shoes; i++)
    {
      LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_SHOE);

      set_int (row, T_SHOE, "id", i + 1);
      set_text (row, T_SHOE, "name", _(names[i]));
      set_int (row, T_SHOE, "retired", i == 0 && years >= 2 && demo->n_shoes > 2);
      set_time (row, T_SHOE, "added_at", start, 12 * 60);
    }
  if (!(years >= 2 && demo->n_shoes > 2))
    demo->retire_shoe_on = demo->today;
}

/* The weekly decision, as the runner would have seen it */

static void
set_real (LoadwiseDatasetValue *row,
          guint                 table,
          const char           *name,
          double                value)
{
  column (row, table, name)->d = value;
}

static void
add_start_plan (Demo        *demo,
                const GDate *date)
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_WEEK_PLAN);

      /* As loadwise_database_start_programme() writes week 1. */
      set_int (row, T_WEEK_PLAN, "week", 1);
      set_text (row, T_WEEK_PLAN, "family", loadwise_family_to_string (f));
      set_int (row, T_WEEK_PLAN, "level", demo->levels[f]);
      set_int (row, T_WEEK_PLAN, "target_reps", 0);
      set_int (row, T_WEEK_PLAN, "target_hold_s", 0);
      set_text (row, T_WEEK_PLAN, "decision", loadwise_decision_to_string (LOADWISE_DECISION_START));
      {
        LoadwiseReason why;

        loadwise_reason_init_start (&why, f, demo->levels[f], FALSE);
        column (row, T_WEEK_PLAN, "reason")->s = loadwise_reason_to_string (&why);
        column (row, T_WEEK_PLAN, "reason_code")->s = loadwise_reason_serialize (&why);
      }
      set_time (row, T_WEEK_PLAN, "decided_at", date, 5 * 60);
    }
}

/* The rows closing @figures->week stores (loadwise-database-progression.c,
 * write_decision()): the next week's plan and the week's review. */
static void
add_decision_rows (Demo                       *demo,
                   const LoadwiseProgramme    *programme,
                   const LoadwiseWeekFigures  *figures,
                   const LoadwiseWeekDecision *decision,
                   guint                       sets_done,
                   guint                       sets_counted,
                   const GDate                *date)
{
  LoadwiseDatasetValue *row;
  double mean = figures->weekly_means[figures->week - 1];

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseFamilyDecision *family = &decision->families[f];

      row = loadwise_dataset_add_row (demo->data, T_WEEK_PLAN);
      set_int (row, T_WEEK_PLAN, "week", figures->week + 1);
      set_text (row, T_WEEK_PLAN, "family", loadwise_family_to_string (f));
      set_int (row, T_WEEK_PLAN, "level", family->level);
      set_int (row, T_WEEK_PLAN, "target_reps", family->target_reps);
      set_int (row, T_WEEK_PLAN, "target_hold_s", family->target_hold_s);
      set_text (row, T_WEEK_PLAN, "decision", loadwise_decision_to_string (family->decision));
      set_text (row, T_WEEK_PLAN, "reason", family->reason);
      column (row, T_WEEK_PLAN, "reason_code")->s = loadwise_reason_serialize (&family->why);
      set_time (row, T_WEEK_PLAN, "decided_at", date, 5 * 60);
    }

  row = loadwise_dataset_add_row (demo->data, T_WEEK_REVIEW);
  set_int (row, T_WEEK_REVIEW, "week", figures->week);
  set_int (row, T_WEEK_REVIEW, "sets_done", sets_done);
  set_int (row, T_WEEK_REVIEW, "sets_counted", sets_counted);
  if (sets_counted > 0)
    set_int (row, T_WEEK_REVIEW, "adherence", loadwise_progression_percent (sets_done, sets_counted));
  if (!isnan (mean))
    set_real (row, T_WEEK_REVIEW, "mean_morning_pain", mean);
  set_int (row, T_WEEK_REVIEW, "see_clinician", decision->see_clinician);
  if (decision->see_clinician)
    {
      set_text (row, T_WEEK_REVIEW, "clinician_reason", decision->clinician_reason);
      column (row, T_WEEK_REVIEW, "clinician_code")->s = loadwise_reason_serialize (&decision->clinician_why);
    }
  set_int (row, T_WEEK_REVIEW, "safe_pain", programme->safe_pain);
  set_int (row, T_WEEK_REVIEW, "max_pain", programme->max_pain);
  set_int (row, T_WEEK_REVIEW, "training_days", programme->training_days);
  column (row, T_WEEK_REVIEW, "inputs")->s = loadwise_week_figures_describe_inputs (figures);
  set_time (row, T_WEEK_REVIEW, "closed_at", date, 5 * 60);
}

static void
start_week (Demo *demo)
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      demo->sets_prescribed[f] = demo->sets_skipped[f] = demo->sets_done[f] = 0;
      demo->max_pain[f] = -1;
    }
  demo->n_flare_days = 0;
  g_array_set_size (demo->mornings, 0);
  demo->week_pain_sum = 0.0;
  demo->week_pain_n = 0;
}

/* Closes @week on @date, the first day of the next: builds the figures
 * loadwise-database-progression.c would gather from the rows simulated so
 * far, takes the real decision (PROGRAMME.md, "The weekly decision, per
 * family"), and moves to the levels and targets it sets. @morning_today
 * says whether @date's check-in was logged: it belongs to the next week,
 * and counts for this one too when this week's last day had a session
 * (the 24-hour response, PMM). */
static void
close_week (Demo                    *demo,
            const LoadwiseProgramme *programme,
            int                      week,
            gboolean                 record,
            const GDate             *date,
            gboolean                 morning_today)
{
  LoadwiseWeekFigures figures = { 0 };
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  guint n_mornings = demo->mornings->len;
  double sum = demo->week_pain_sum;
  guint n = demo->week_pain_n;
  guint today_pain = 0;
  guint sets_done = 0, sets_counted = 0;
  double mean, baseline = 0.0;

  if (morning_today)
    {
      today_pain = g_array_index (demo->mornings, guint, n_mornings - 1);
      sum -= today_pain;
      n--;
      if (!demo->session_yesterday)
        n_mornings--;
    }
  mean = n > 0 ? sum / n : NAN;
  g_array_append_val (demo->means, mean);

  figures.week = week;
  figures.weeks = programme->weeks;
  figures.safe_pain = programme->safe_pain;
  figures.max_pain = programme->max_pain;
  figures.have_baseline = loadwise_programme_compute_baseline (programme,
                                                               (const LoadwiseCheckin *) demo->checkins->data,
                                                               demo->checkins->len, &baseline);
  figures.baseline = figures.have_baseline ? baseline : 0.0;
  figures.morning_pains = (const guint *) demo->mornings->data;
  figures.n_morning_pains = n_mornings;
  figures.weekly_means = (const double *) demo->means->data;
  figures.n_weekly_means = demo->means->len;
  figures.previous_regress = demo->previous_regress;
  figures.n_flare_days = demo->n_flare_days;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseFamilyWeek *family = &figures.families[f];
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (demo->catalogue, f, demo->levels[f]);
      const RecentSessions *recent = g_hash_table_lookup (demo->recent, exercise->id);

      family->level = demo->levels[f];
      family->target_reps = demo->target_reps[f];
      family->target_hold_s = demo->target_hold_s[f];
      family->sets_prescribed = demo->sets_prescribed[f];
      family->sets_skipped = demo->sets_skipped[f];
      family->sets_done = MIN (demo->sets_done[f], family->sets_prescribed - family->sets_skipped);
      family->max_pain = demo->max_pain[f];
      family->sessions = recent != NULL ? recent->results : NULL;
      family->n_sessions = recent != NULL ? recent->n : 0;
      sets_done += family->sets_done;
      sets_counted += family->sets_prescribed - family->sets_skipped;
    }
  demo->total_sets_done += sets_done;
  demo->total_sets_counted += sets_counted;
  figures.total_sets_done = demo->total_sets_done;
  figures.total_sets_counted = demo->total_sets_counted;

  loadwise_progression_decide (demo->catalogue, &figures, &decision);
  if (record)
    add_decision_rows (demo, programme, &figures, &decision, sets_done, sets_counted, date);

  demo->previous_regress = FALSE;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      demo->levels[f] = decision.families[f].level;
      demo->target_reps[f] = decision.families[f].target_reps;
      demo->target_hold_s[f] = decision.families[f].target_hold_s;
      demo->previous_regress |= decision.families[f].decision == LOADWISE_DECISION_REGRESS;
    }

  start_week (demo);
  if (morning_today)
    {
      g_array_append_val (demo->mornings, today_pain);
      demo->week_pain_sum = today_pain;
      demo->week_pain_n = 1;
    }
}

static void
add_red_flags (Demo        *demo,
               const GDate *date)
{
  LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_RED_FLAGS);

  set_date (row, T_RED_FLAGS, "date", date);
  set_int (row, T_RED_FLAGS, "yes_mask", 0);
  set_time (row, T_RED_FLAGS, "answered_at", date, 6 * 60 + 32);
}

/* One programme and the maintenance after it, up to @until (exclusive). */
static gboolean
simulate_programme (Demo        *demo,
                    const GDate *start,
                    const GDate *until,
                    gboolean     last,
                    GError     **error)
{
  LoadwiseProgramme programme;
  GDate date = *start;
  guint day = 0;

  loadwise_programme_init (&programme, start);
  programme.weeks = PROGRAMME_WEEKS;

  /* A new programme: its week_review rows, adherence and weekly means
   * start afresh; each family's range restarts at its bottom. */
  g_array_set_size (demo->means, 0);
  demo->total_sets_done = demo->total_sets_counted = 0;
  demo->previous_regress = FALSE;
  demo->session_yesterday = FALSE;
  memset (demo->target_reps, 0, sizeof demo->target_reps);
  memset (demo->target_hold_s, 0, sizeof demo->target_hold_s);
  start_week (demo);

  if (last)
    {
      LoadwiseDatasetValue *row = loadwise_dataset_add_row (demo->data, T_PROGRAMME);

      set_date (row, T_PROGRAMME, "start", start);
      set_int (row, T_PROGRAMME, "weeks", programme.weeks);
      set_int (row, T_PROGRAMME, "training_days", programme.training_days);
      set_int (row, T_PROGRAMME, "safe_pain", programme.safe_pain);
      set_int (row, T_PROGRAMME, "max_pain", programme.max_pain);
      set_time (row, T_PROGRAMME, "created_at", start, 5 * 60);
      add_start_plan (demo, start);
    }

  /* The week that ends the day before @until is closed too: on @until
   * itself, with nothing else simulated that day. */
  for (;; g_date_add_days (&date, 1), day++)
    {
      gboolean in_range = g_date_compare (&date, until) < 0;
      guint n_mornings = demo->mornings->len;
      LoadwisePrescription prescription;
      guint levels[LOADWISE_N_FAMILIES];
      guint reps[LOADWISE_N_FAMILIES], hold_s[LOADWISE_N_FAMILIES];
      double morning_effect = demo->run_effect;
      gboolean in_flare;

      if (in_range)
        {
          /* A recurrence now and then, more likely the morning after a
           * punishing run (PROGRAMME.md, "Flare-ups"). */
          if (demo->flare_days == 0 && chance (demo, 0.003 + 0.04 * MAX (morning_effect - 1.0, 0.0)))
            start_flare (demo, &date);

          /* The app asks the warning-sign questions once a week. */
          if (day % 7 == 0)
            add_red_flags (demo, &date);
          add_checkin (demo, &date);
          demo->run_effect = 0.0;
        }

      if (day > 0 && day % 7 == 0)
        close_week (demo, &programme, (int) (day / 7), last, &date,
                    demo->mornings->len > n_mornings);
      if (!in_range)
        break;

      /* What loadwise_database_prescribe() gives: the week's levels and
       * targets, levels capped at 1 in a flare with the capped ranges
       * restarting at their bottom (PROGRAMME.md, "Flare-ups"). */
      in_flare = demo->flare_days > 0;
      memcpy (levels, demo->levels, sizeof levels);
      memcpy (reps, demo->target_reps, sizeof reps);
      memcpy (hold_s, demo->target_hold_s, sizeof hold_s);
      if (in_flare)
        for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
          if (levels[f] > 1)
            {
              levels[f] = 1;
              reps[f] = hold_s[f] = 0;
            }
      if (!loadwise_prescribe (demo->catalogue, &programme, levels, &date, &prescription))
        {
          g_autofree char *iso = loadwise_date_to_iso (&date);

          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("The catalogue has no exercise for the levels of %s"), iso);
          return FALSE;
        }
      loadwise_progression_apply_targets (&prescription, reps, hold_s);
      demo->session_yesterday = prescription.is_session
                                && add_session (demo, &prescription, in_flare);

      if (is_run_day (demo, &date)
          && !(in_flare && demo->flare_length - demo->flare_days < 5))
        add_run (demo, &date);

      /* Pain settles over a programme (Mellor 2018: most of the gain in
       * 8 weeks), and a flare fades over its days. Before the next
       * programme it creeps back over three weeks: that is why the
       * runner starts again. */
      if (!last && g_date_days_between (&date, until) <= PAIN_RETURN_DAYS)
        demo->pain += (demo->floor + demo->pain_return - demo->pain) * 0.15;
      else
        demo->pain += (demo->floor - demo->pain) * (in_flare ? 0.08 : day < programme.weeks * 7 ? 0.035 : 0.02);
      demo->pain += gaussian (demo->rand, 0.05);
      demo->pain = CLAMP (demo->pain, 0.0, 9.0);
      if (demo->flare_days > 0 && --demo->flare_days == 0)
        end_flare (demo, &date);
    }
  return TRUE;
}

LoadwiseDataset *
loadwise_demo_generate (const LoadwiseCatalogue *catalogue,
                        guint                    years,
                        gint64                   seed,
                        const GDate             *today,
                        GError                 **error)
{
  g_autoptr (LoadwiseDataset) data = loadwise_dataset_new ();
  guint32 seeds[2] = { (guint32) ((guint64) seed & 0xffffffffu), (guint32) ((guint64) seed >> 32) };
  Demo demo = { 0 };
  GDate start, latest_start;
  gboolean ok = TRUE;

  g_return_val_if_fail (catalogue != NULL && today != NULL && g_date_valid (today), NULL);

  if (!loadwise_check_range ("--years", years, LOADWISE_DEMO_YEARS_MIN, LOADWISE_DEMO_YEARS_MAX, error))
    return NULL;

  demo.rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  demo.data = data;
  demo.catalogue = catalogue;
  demo.today = *today;
  demo.checkins = g_array_new (FALSE, TRUE, sizeof (LoadwiseCheckin));
  demo.mornings = g_array_new (FALSE, FALSE, sizeof (guint));
  demo.means = g_array_new (FALSE, FALSE, sizeof (double));
  demo.recent = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* Programmes start on a Monday, as most people would. */
  start = *today;
  g_date_subtract_days (&start, years * 365);
  while (g_date_get_weekday (&start) != G_DATE_MONDAY)
    g_date_add_days (&start, 1);

  latest_start = *today;
  g_date_subtract_days (&latest_start, 7 * (PROGRAMME_WEEKS + 1));
  while (g_date_get_weekday (&latest_start) != G_DATE_MONDAY)
    g_date_subtract_days (&latest_start, 1);

  add_shoes (&demo, &start, years);
  demo.pain = g_rand_double_range (demo.rand, 4.5, 6.0);

  while (ok && g_date_compare (&start, today) < 0)
    {
      GDate next = start;
      gboolean last;

      g_date_add_days (&next, 7 * (PROGRAMME_WEEKS + g_rand_int_range (demo.rand, MAINTENANCE_WEEKS_MIN,
                                                                      MAINTENANCE_WEEKS_MAX + 1)));
      /* The current programme has gone through all its weeks, so that its
       * plan shows a whole programme of decisions: a programme that would
       * start later waits for the next history, or this one lasts. */
      if (g_date_compare (&next, &latest_start) > 0)
        {
          GDate earliest = start;

          g_date_add_days (&earliest, 7 * (PROGRAMME_WEEKS + MAINTENANCE_WEEKS_MIN));
          next = g_date_compare (&latest_start, &earliest) >= 0 ? latest_start : *today;
        }
      last = g_date_compare (&next, today) >= 0;
      demo.floor = g_rand_double_range (demo.rand, 0.8, 1.8);
      demo.pain_return = g_rand_double_range (demo.rand, 3.0, 4.5);
      /* Each programme starts where the set-up suggests (PROGRAMME.md,
       * "Schedule"): level 1, or 0 with morning pain over 5 or a flare. */
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        demo.levels[f] = loadwise_programme_start_level (demo.pain, demo.flare_days > 0);
      ok = simulate_programme (&demo, &start, last ? today : &next, last, error);

      start = next;
    }

  g_rand_free (demo.rand);
  g_array_unref (demo.checkins);
  g_array_unref (demo.mornings);
  g_array_unref (demo.means);
  g_hash_table_unref (demo.recent);
  if (!ok)
    return NULL;
  return g_steal_pointer (&data);
}

gboolean
loadwise_database_fill_demo (LoadwiseDatabase        *self,
                             const LoadwiseCatalogue *catalogue,
                             guint                    years,
                             gint64                   seed,
                             const GDate             *today,
                             GError                 **error)
{
  g_autoptr (LoadwiseDataset) data = NULL;
  gboolean empty = FALSE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  if (!loadwise_database_is_empty (self, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("The database already holds data: demo data goes only into an empty one "
                     "(use another --data-dir); nothing was changed"));
      return FALSE;
    }

  data = loadwise_demo_generate (catalogue, years, seed, today, error);
  if (data == NULL)
    return FALSE;
  return loadwise_database_write_dataset (self, data, FALSE, NULL, error);
}
