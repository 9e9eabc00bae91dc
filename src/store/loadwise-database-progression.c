/* loadwise-database-progression.c: closing weeks and keeping their decisions
 *
 * The figures of a week come from aggregates over the logs; the decision is
 * the core's (loadwise-progression.c); what is stored is the next week's
 * plan (week_plan) and the week's review (week_review, schema 4), in one
 * transaction per week.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-database-progression.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/loadwise-error.h"
#include "core/loadwise-progression.h"
#include "store/loadwise-database-runs.h"
#include "store/loadwise-sqlite-private.h"

#define NOW_SQL "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"

void
loadwise_week_review_free (LoadwiseWeekReview *review)
{
  if (review == NULL)
    return;
  g_free (review->clinician_reason);
  g_free (review->closed_at);
  g_free (review->revised_at);
  g_free (review);
}

void
loadwise_database_week_plans_clear (LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES])
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_clear_pointer (&plans[f].decision, g_free);
      g_clear_pointer (&plans[f].reason, g_free);
      g_clear_pointer (&plans[f].reason_code, g_free);
    }
}

char *
loadwise_store_render_reason (const char *code,
                              const char *prose)
{
  LoadwiseReason why;

  if (code != NULL && loadwise_reason_parse (code, &why, NULL))
    return loadwise_reason_to_string (&why);
  return g_strdup (prose);
}

/* Whether the stored @code is @why, the revision note aside. */
static gboolean
same_reason (const char           *code,
             const LoadwiseReason *why)
{
  LoadwiseReason stored, wanted = *why;

  if (code == NULL || !loadwise_reason_parse (code, &stored, NULL))
    return FALSE;
  stored.revised = wanted.revised = FALSE;
  loadwise_reason_trim (&stored);
  loadwise_reason_trim (&wanted);
  return loadwise_reason_equal (&stored, &wanted);
}

static gboolean
no_programme_error (GError **error)
{
  g_set_error_literal (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME,
                       _("No programme has been set up yet"));
  return FALSE;
}

gboolean
loadwise_database_get_week_plan (LoadwiseDatabase  *self,
                                 int                week,
                                 LoadwiseWeekPlan   out_plans[LOADWISE_N_FAMILIES],
                                 GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  gboolean seen[LOADWISE_N_FAMILIES] = { FALSE };
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_plans != NULL, FALSE);

  memset (out_plans, 0, sizeof (LoadwiseWeekPlan) * LOADWISE_N_FAMILIES);
  if (!loadwise_database_ensure_derived (self, error))
    return FALSE;

  /* The newest row at or before @week per family; before week 1, the
   * starting row. */
  stmt = loadwise_database_prepare_cached (self,
                                  /* Tests read databases of older schemas too:
                                   * before 6, there are no codes. */
                                  self->schema_version >= 6
                                  ? "SELECT week, family, level, target_reps, target_hold_s,"
                                    " decision, reason, reason_code FROM week_plan"
                                    " WHERE week <= MAX (?1, 1) ORDER BY week"
                                  : "SELECT week, family, level, target_reps, target_hold_s,"
                                    " decision, reason, NULL FROM week_plan"
                                    " WHERE week <= MAX (?1, 1) ORDER BY week",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, week);

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseFamily family;
      LoadwiseWeekPlan *plan;

      if (!loadwise_family_from_string ((const char *) sqlite3_column_text (stmt, 1), &family))
        continue;
      plan = &out_plans[family];
      g_free (plan->decision);
      g_free (plan->reason);
      g_free (plan->reason_code);
      plan->week = sqlite3_column_int (stmt, 0);
      plan->family = family;
      plan->level = (guint) sqlite3_column_int (stmt, 2);
      plan->target_reps = (guint) sqlite3_column_int (stmt, 3);
      plan->target_hold_s = (guint) sqlite3_column_int (stmt, 4);
      plan->decision = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      plan->reason_code = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      plan->reason = loadwise_store_render_reason (plan->reason_code,
                                           (const char *) sqlite3_column_text (stmt, 6));
      seen[family] = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      loadwise_database_week_plans_clear (out_plans);
      return FALSE;
    }

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    if (!seen[f])
      {
        loadwise_database_week_plans_clear (out_plans);
        return no_programme_error (error);
      }
  return TRUE;
}

gboolean
loadwise_database_prescribe (LoadwiseDatabase         *self,
                             const LoadwiseCatalogue  *catalogue,
                             const LoadwiseProgramme  *programme,
                             const GDate              *date,
                             LoadwisePrescription     *out,
                             GError                  **error)
{
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];
  guint levels[LOADWISE_N_FAMILIES], reps[LOADWISE_N_FAMILIES], hold_s[LOADWISE_N_FAMILIES];
  int week;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (catalogue != NULL && programme != NULL && date != NULL && out != NULL,
                        FALSE);

  week = loadwise_programme_get_week (programme, date);
  if (week < 1)
    {
      g_autofree char *day = loadwise_date_to_iso (date);
      g_autofree char *start = loadwise_date_to_iso (&programme->start);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("date: %s is before the programme starts on %s"), day, start);
      return FALSE;
    }

  if (!loadwise_database_get_week_plan (self, week, plans, error))
    return FALSE;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      levels[f] = plans[f].level;
      reps[f] = plans[f].target_reps;
      hold_s[f] = plans[f].target_hold_s;
    }
  loadwise_database_week_plans_clear (plans);

  /* In a flare, levels 0-1 only (PROGRAMME.md, "Flare-ups"); a capped
   * family starts its range at the bottom. */
  {
    guint capped[LOADWISE_N_FAMILIES];

    memcpy (capped, levels, sizeof levels);
    if (!loadwise_database_cap_levels_for_flare (self, date, capped, NULL, error))
      return FALSE;
    for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
      if (capped[f] != levels[f])
        {
          levels[f] = capped[f];
          reps[f] = 0;
          hold_s[f] = 0;
        }
  }

  if (!loadwise_prescribe (catalogue, programme, levels, date, out))
    return FALSE;
  loadwise_progression_apply_targets (out, reps, hold_s);
  return TRUE;
}

gboolean
loadwise_database_get_last_closed_week (LoadwiseDatabase  *self,
                                        int               *out_week,
                                        GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_week != NULL, FALSE);

  if (!loadwise_database_ensure_derived (self, error))
    return FALSE;

  /* Closing week W writes the plan of W + 1, and starting a programme
   * clears the plan: the newest plan row tells how far the closing got. */
  stmt = loadwise_database_prepare_cached (self,
                                  "SELECT COALESCE (MAX (week), 1) - 1 FROM week_plan", error);
  if (stmt == NULL || loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_week = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* The figures of one week, with the arrays they point into. */
typedef struct {
  LoadwiseWeekFigures   figures;
  GArray               *mornings;     /* guint */
  GArray               *means;        /* double */
  GArray               *sessions[LOADWISE_N_FAMILIES]; /* LoadwiseSessionResult */
  guint                 sets_done;
  guint                 sets_counted;
  LoadwiseWeekPlan      plans[LOADWISE_N_FAMILIES];
} WeekData;

static void
week_data_clear (WeekData *data)
{
  g_clear_pointer (&data->mornings, g_array_unref);
  g_clear_pointer (&data->means, g_array_unref);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    g_clear_pointer (&data->sessions[f], g_array_unref);
  loadwise_database_week_plans_clear (data->plans);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WeekData, week_data_clear)

static LoadwiseCachedStmt *
prepare_range (LoadwiseDatabase  *self,
               const char        *sql,
               const GDate       *from,
               const GDate       *to,
               GError           **error)
{
  LoadwiseCachedStmt *stmt = loadwise_database_prepare_cached (self, sql, error);

  if (stmt != NULL)
    {
      loadwise_sqlite_bind_date (stmt, 1, from);
      loadwise_sqlite_bind_date (stmt, 2, to);
    }
  return stmt;
}

static gboolean
family_of (const LoadwiseCatalogue *catalogue,
           const char              *exercise_id,
           LoadwiseFamily          *out_family)
{
  const LoadwiseExercise *exercise = loadwise_catalogue_find (catalogue, exercise_id);

  if (exercise == NULL)
    return FALSE;
  *out_family = exercise->family;
  return TRUE;
}

/* Whether @day falls in one of @flares (start, end pairs; an invalid end
 * while the flare goes on). The day a flare ends is a normal day. */
static gboolean
in_flare (GArray      *flares,
          const GDate *day)
{
  for (guint i = 0; i + 1 < flares->len; i += 2)
    {
      const GDate *start = &g_array_index (flares, GDate, i);
      const GDate *end = &g_array_index (flares, GDate, i + 1);

      if (g_date_compare (start, day) <= 0
          && (!g_date_valid (end) || g_date_compare (day, end) < 0))
        return TRUE;
    }
  return FALSE;
}

/* Sets asked for, excused and done per family. A day marked skipped or in
 * flare mode is not a miss (PROGRAMME.md, "The weekly decision"): its sets
 * are excused, and sets logged on it do not count. Each session day counts
 * the sets actually done of each family, up to what that day asked for:
 * extra sets one day do not make up for a missed one, and a set not done
 * is not done, whatever share of the session it was. */
static gboolean
gather_sets (LoadwiseDatabase        *self,
             const LoadwiseCatalogue *catalogue,
             const LoadwiseProgramme *programme,
             const GDate             *from,
             const GDate             *to,
             WeekData                *data,
             GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) skipped = NULL;
  g_autoptr (LoadwiseCachedStmt) flare = NULL;
  g_autoptr (LoadwiseCachedStmt) done = NULL;
  g_autoptr (GHashTable) excused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) flares = g_array_new (FALSE, TRUE, sizeof (GDate));
  guint n_session_days = 0, n_excused_days = 0;
  guint per_day[LOADWISE_N_FAMILIES];
  /* Done sets by day of the week and family. */
  guint done_sets[7][LOADWISE_N_FAMILIES] = { { 0 } };
  int rc;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, f,
                                                                    data->figures.families[f].level);

      per_day[f] = exercise->sets * loadwise_exercise_get_n_sides (exercise);
    }

  skipped = prepare_range (self, "SELECT date FROM session WHERE date BETWEEN ?1 AND ?2"
                                 " AND status = 'skipped'", from, to, error);
  if (skipped == NULL)
    return FALSE;
  while ((rc = loadwise_sqlite_step (self->db, skipped, error)) == SQLITE_ROW)
    g_hash_table_add (excused, g_strdup ((const char *) sqlite3_column_text (skipped, 0)));
  if (rc != SQLITE_DONE)
    return FALSE;

  flare = prepare_range (self, "SELECT start_date, end_date FROM flare_period"
                               " WHERE start_date <= ?2 AND (end_date IS NULL OR end_date > ?1)",
                         from, to, error);
  if (flare == NULL)
    return FALSE;
  while ((rc = loadwise_sqlite_step (self->db, flare, error)) == SQLITE_ROW)
    {
      GDate start, end;

      g_date_clear (&end, 1);
      if (!loadwise_sqlite_column_date (flare, 0, &start, error)
          || (sqlite3_column_type (flare, 1) != SQLITE_NULL
              && !loadwise_sqlite_column_date (flare, 1, &end, error)))
        return FALSE;
      g_array_append_val (flares, start);
      g_array_append_val (flares, end);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  done = prepare_range (self,
                        "SELECT CAST (julianday (date) - julianday (?1) AS INTEGER),"
                        " exercise_id, SUM (done) FROM set_log"
                        " WHERE date BETWEEN ?1 AND ?2 GROUP BY date, exercise_id",
                        from, to, error);
  if (done == NULL)
    return FALSE;
  while ((rc = loadwise_sqlite_step (self->db, done, error)) == SQLITE_ROW)
    {
      int index = sqlite3_column_int (done, 0);
      LoadwiseFamily family;

      if (index >= 0 && index < 7
          && family_of (catalogue, (const char *) sqlite3_column_text (done, 1), &family))
        done_sets[index][family] += (guint) sqlite3_column_int (done, 2);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    data->figures.families[f].sets_done = 0;

  for (guint index = 0; index < 7; index++)
    {
      g_autofree char *iso = NULL;
      GDate day = *from;

      g_date_add_days (&day, index);
      if (g_date_compare (&day, to) > 0)
        break;
      iso = loadwise_date_to_iso (&day);
      if (g_hash_table_contains (excused, iso))
        {
          n_excused_days += loadwise_programme_is_session_day (programme, &day);
          n_session_days += loadwise_programme_is_session_day (programme, &day);
          continue;
        }
      /* A session moved to a rest day (run-aware placement) counts too. */
      if (loadwise_programme_is_session_day (programme, &day))
        {
          n_session_days++;
          if (in_flare (flares, &day))
            {
              n_excused_days++;
              data->figures.n_flare_days++;
              continue;
            }
        }
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        data->figures.families[f].sets_done += MIN (done_sets[index][f], per_day[f]);
    }

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseFamilyWeek *week = &data->figures.families[f];

      week->sets_prescribed = per_day[f] * n_session_days;
      week->sets_skipped = per_day[f] * n_excused_days;
      week->sets_done = MIN (week->sets_done, week->sets_prescribed - week->sets_skipped);
      data->sets_done += week->sets_done;
      data->sets_counted += week->sets_prescribed - week->sets_skipped;
    }
  return TRUE;
}

static gboolean
gather_pain (LoadwiseDatabase        *self,
             const LoadwiseCatalogue *catalogue,
             const GDate             *from,
             const GDate             *to,
             WeekData                *data,
             GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  int rc;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    data->figures.families[f].max_pain = -1;

  stmt = prepare_range (self, "SELECT exercise_id, MAX (pain) FROM exercise_pain"
                              " WHERE date BETWEEN ?1 AND ?2 GROUP BY exercise_id",
                        from, to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseFamily family;

      if (family_of (catalogue, (const char *) sqlite3_column_text (stmt, 0), &family))
        data->figures.families[family].max_pain = MAX (data->figures.families[family].max_pain,
                                                       sqlite3_column_int (stmt, 1));
    }
  return rc == SQLITE_DONE;
}

/* The week's mornings, plus the morning after its last session when that
 * falls on the next day: the 24-hour response (PMM). */
static gboolean
gather_mornings (LoadwiseDatabase  *self,
                 const GDate       *from,
                 const GDate       *to,
                 WeekData          *data,
                 GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  GDate after = *to;
  int rc;

  g_date_add_days (&after, 1);
  stmt = prepare_range (self,
                        "SELECT morning_pain FROM checkin WHERE date BETWEEN ?1 AND ?2"
                        " OR (date = ?3 AND EXISTS (SELECT 1 FROM session"
                        "      WHERE date = ?2 AND status <> 'skipped'))"
                        " ORDER BY date",
                        from, to, error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 3, &after);

  data->mornings = g_array_new (FALSE, FALSE, sizeof (guint));
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      guint pain = (guint) sqlite3_column_int (stmt, 0);

      g_array_append_val (data->mornings, pain);
    }
  return rc == SQLITE_DONE;
}

/* The mean morning pain of each week 1 .. @week; NAN without check-ins. */
static gboolean
gather_means (LoadwiseDatabase        *self,
              const LoadwiseProgramme *programme,
              int                      week,
              WeekData                *data,
              GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  GDate end;
  int rc;

  loadwise_programme_get_week_start (programme, week, &end);
  g_date_add_days (&end, 6);

  data->means = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) week);
  for (int i = 0; i < week; i++)
    {
      double none = NAN;

      g_array_append_val (data->means, none);
    }

  stmt = prepare_range (self,
                        "SELECT CAST ((julianday (date) - julianday (?1)) / 7 AS INTEGER),"
                        " AVG (morning_pain) FROM checkin WHERE date BETWEEN ?1 AND ?2"
                        " GROUP BY 1",
                        &programme->start, &end, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      int index = sqlite3_column_int (stmt, 0);

      if (index >= 0 && index < week)
        g_array_index (data->means, double, index) = sqlite3_column_double (stmt, 1);
    }
  return rc == SQLITE_DONE;
}

/* The last sessions of each family's exercise up to @to, oldest first, for
 * the "2 consecutive sessions" rule (ACSM 2009). */
static gboolean
gather_sessions (LoadwiseDatabase        *self,
                 const LoadwiseCatalogue *catalogue,
                 const GDate             *to,
                 WeekData                *data,
                 GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  stmt = loadwise_database_prepare_cached (self,
                                  "SELECT SUM (done), MIN (CASE WHEN done THEN reps END),"
                                  " MIN (CASE WHEN done THEN hold_s END) FROM set_log"
                                  " WHERE exercise_id = ?1 AND date <= ?2"
                                  " GROUP BY date ORDER BY date DESC LIMIT ?3",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseFamilyWeek *week = &data->figures.families[f];
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, f, week->level);
      guint total = exercise->sets * loadwise_exercise_get_n_sides (exercise);
      int rc;

      data->sessions[f] = g_array_new (FALSE, FALSE, sizeof (LoadwiseSessionResult));
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, exercise->id, -1, SQLITE_STATIC);
      loadwise_sqlite_bind_date (stmt, 2, to);
      sqlite3_bind_int (stmt, 3, LOADWISE_REPS_CONSECUTIVE_SESSIONS);
      while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
        {
          LoadwiseSessionResult result = {
            .all_sets_done = (guint) sqlite3_column_int (stmt, 0) >= total,
            .min_reps = (guint) sqlite3_column_int (stmt, 1),
            .min_hold_s = (guint) sqlite3_column_int (stmt, 2),
          };

          g_array_prepend_val (data->sessions[f], result);
        }
      if (rc != SQLITE_DONE)
        return FALSE;
      week->sessions = (const LoadwiseSessionResult *) data->sessions[f]->data;
      week->n_sessions = data->sessions[f]->len;
    }
  return TRUE;
}

static gboolean
query_two_ints (LoadwiseDatabase  *self,
                const char        *sql,
                int                week,
                gint64            *out_a,
                gint64            *out_b,
                GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = loadwise_database_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, week);
  if (loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_a = sqlite3_column_int64 (stmt, 0);
  if (out_b != NULL)
    *out_b = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
gather_week (LoadwiseDatabase        *self,
             const LoadwiseCatalogue *catalogue,
             const LoadwiseProgramme *programme,
             int                      week,
             WeekData                *data,
             GError                 **error)
{
  LoadwiseWeekFigures *figures = &data->figures;
  GDate from, to;
  gint64 regress = 0, done = 0, counted = 0;
  double baseline = 0;
  gboolean have_baseline = FALSE;

  loadwise_programme_get_week_start (programme, week, &from);
  to = from;
  g_date_add_days (&to, 6);

  if (!loadwise_database_get_week_plan (self, week, data->plans, error))
    return FALSE;

  figures->week = week;
  figures->weeks = programme->weeks;
  figures->safe_pain = programme->safe_pain;
  figures->max_pain = programme->max_pain;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      figures->families[f].level = data->plans[f].level;
      figures->families[f].target_reps = data->plans[f].target_reps;
      figures->families[f].target_hold_s = data->plans[f].target_hold_s;
    }

  if (!gather_sets (self, catalogue, programme, &from, &to, data, error)
      || !gather_pain (self, catalogue, &from, &to, data, error)
      || !gather_mornings (self, &from, &to, data, error)
      || !gather_means (self, programme, week, data, error)
      || !gather_sessions (self, catalogue, &to, data, error)
      || !loadwise_database_get_baseline (self, programme, &baseline, &have_baseline, error))
    return FALSE;

  /* The plan row of @week holds the decision taken when week - 1 closed. */
  if (!query_two_ints (self, "SELECT COUNT (*) FROM week_plan WHERE week = ?1"
                             " AND decision = 'regress'", week, &regress, NULL, error)
      || !query_two_ints (self, "SELECT COALESCE (SUM (sets_done), 0),"
                                " COALESCE (SUM (sets_counted), 0) FROM week_review"
                                " WHERE week < ?1", week, &done, &counted, error))
    return FALSE;

  figures->have_baseline = have_baseline;
  figures->baseline = baseline;
  figures->morning_pains = (const guint *) data->mornings->data;
  figures->n_morning_pains = data->mornings->len;
  figures->weekly_means = (const double *) data->means->data;
  figures->n_weekly_means = data->means->len;
  figures->previous_regress = regress > 0;
  figures->total_sets_done = (guint) done + data->sets_done;
  figures->total_sets_counted = (guint) counted + data->sets_counted;
  return TRUE;
}

char *
loadwise_week_figures_describe_inputs (const LoadwiseWeekFigures *figures)
{
  GString *text;

  g_return_val_if_fail (figures != NULL, NULL);

  text = g_string_new (NULL);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseFamilyWeek *week = &figures->families[f];

      g_string_append_printf (text, "%s:%u,%u,%u,%u,%u,%u,%d;", loadwise_family_to_string (f),
                              week->level, week->target_reps, week->target_hold_s,
                              week->sets_prescribed, week->sets_skipped, week->sets_done,
                              week->max_pain);
      for (gsize i = 0; i < week->n_sessions; i++)
        g_string_append_printf (text, "s%d,%u,%u;", week->sessions[i].all_sets_done,
                                week->sessions[i].min_reps, week->sessions[i].min_hold_s);
    }
  g_string_append (text, "m:");
  for (gsize i = 0; i < figures->n_morning_pains; i++)
    g_string_append_printf (text, "%u,", figures->morning_pains[i]);
  g_string_append (text, ";w:");
  for (gsize i = 0; i < figures->n_weekly_means; i++)
    g_string_append_printf (text, "%.3f,", figures->weekly_means[i]);
  g_string_append_printf (text, ";b:%d,%.3f;r:%d;t:%u/%u;f:%u", figures->have_baseline,
                          figures->baseline, figures->previous_regress,
                          figures->total_sets_done, figures->total_sets_counted,
                          figures->n_flare_days);
  return g_string_free (text, FALSE);
}

typedef struct {
  gboolean found;
  guint    safe_pain;
  guint    max_pain;
  guint8   training_days;
  char    *inputs;
  gboolean revised;
} StoredReview;

static gboolean
read_stored_review (LoadwiseDatabase  *self,
                    int                week,
                    StoredReview      *out,
                    GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  stmt = loadwise_database_query_cached_row (self, &out->found, error,
                                             "SELECT safe_pain, max_pain, training_days, inputs,"
                                             " revised_at IS NOT NULL FROM week_review WHERE week = ?1",
                                             LOADWISE_SQL_INT64, (gint64) week, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (out->found)
    {
      out->safe_pain = (guint) sqlite3_column_int (stmt, 0);
      out->max_pain = (guint) sqlite3_column_int (stmt, 1);
      out->training_days = (guint8) sqlite3_column_int (stmt, 2);
      out->inputs = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      out->revised = sqlite3_column_int (stmt, 4) != 0;
    }
  return TRUE;
}

static gboolean
write_decision (LoadwiseDatabase           *self,
                const LoadwiseProgramme    *programme,
                const WeekData             *data,
                const LoadwiseWeekDecision *decision,
                const char                 *inputs,
                gboolean                    revised,
                gboolean                    was_revised,
                GError                    **error)
{
  g_autoptr (LoadwiseCachedStmt) plan = NULL;
  g_autoptr (LoadwiseCachedStmt) review = NULL;
  int week = data->figures.week;
  double mean = data->figures.weekly_means[week - 1];

  plan = loadwise_database_prepare_cached (self,
                                  "INSERT INTO week_plan"
                                  " (week, family, level, target_reps, target_hold_s,"
                                  "  decision, reason, reason_code, decided_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NOW_SQL ")"
                                  " ON CONFLICT (week, family) DO UPDATE SET"
                                  "  level = excluded.level, target_reps = excluded.target_reps,"
                                  "  target_hold_s = excluded.target_hold_s,"
                                  "  decision = excluded.decision, reason = excluded.reason,"
                                  "  reason_code = excluded.reason_code,"
                                  "  decided_at = excluded.decided_at",
                                  error);
  if (plan == NULL)
    return FALSE;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseFamilyDecision *family = &decision->families[f];
      LoadwiseReason why = family->why;
      g_autofree char *reason = NULL;
      g_autofree char *code = NULL;

      /* What is shown is rendered from the code, in the language of the
       * day it is shown; the sentence beside it is only for a reader that
       * cannot parse the code. A revision is week_review.revised_at; the
       * reason says so too, in its own sentence (LoadwiseReason.revised). */
      why.revised = revised || was_revised;
      code = loadwise_reason_serialize (&why);
      reason = loadwise_reason_to_string (&why);
      sqlite3_bind_int (plan, 1, week + 1);
      sqlite3_bind_text (plan, 2, loadwise_family_to_string (f), -1, SQLITE_STATIC);
      sqlite3_bind_int (plan, 3, (int) family->level);
      sqlite3_bind_int (plan, 4, (int) family->target_reps);
      sqlite3_bind_int (plan, 5, (int) family->target_hold_s);
      sqlite3_bind_text (plan, 6, loadwise_decision_to_string (family->decision), -1, SQLITE_STATIC);
      sqlite3_bind_text (plan, 7, reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (plan, 8, code, -1, SQLITE_TRANSIENT);
      if (!loadwise_sqlite_step_done (self->db, plan, error))
        return FALSE;
    }

  review = loadwise_database_prepare_cached (self,
                                    "INSERT INTO week_review"
                                    " (week, sets_done, sets_counted, adherence, mean_morning_pain,"
                                    "  see_clinician, clinician_reason, safe_pain, max_pain,"
                                    "  training_days, inputs, closed_at, revised_at, clinician_code)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                    "  " NOW_SQL ", CASE WHEN ?12 THEN " NOW_SQL " END, ?13)"
                                    " ON CONFLICT (week) DO UPDATE SET"
                                    "  sets_done = excluded.sets_done,"
                                    "  sets_counted = excluded.sets_counted,"
                                    "  adherence = excluded.adherence,"
                                    "  mean_morning_pain = excluded.mean_morning_pain,"
                                    "  see_clinician = excluded.see_clinician,"
                                    "  clinician_reason = excluded.clinician_reason,"
                                    "  clinician_code = excluded.clinician_code,"
                                    "  safe_pain = excluded.safe_pain,"
                                    "  max_pain = excluded.max_pain,"
                                    "  training_days = excluded.training_days,"
                                    "  inputs = excluded.inputs,"
                                    /* Taken again, it keeps when it was first
                                     * taken, and when it was last revised. */
                                    "  revised_at = COALESCE (excluded.revised_at, revised_at)",
                                    error);
  if (review == NULL)
    return FALSE;
  sqlite3_bind_int (review, 1, week);
  sqlite3_bind_int (review, 2, (int) data->sets_done);
  sqlite3_bind_int (review, 3, (int) data->sets_counted);
  if (data->sets_counted > 0)
    sqlite3_bind_int (review, 4, (int) loadwise_progression_percent (data->sets_done,
                                                                     data->sets_counted));
  else
    sqlite3_bind_null (review, 4);
  if (isnan (mean))
    sqlite3_bind_null (review, 5);
  else
    sqlite3_bind_double (review, 5, mean);
  sqlite3_bind_int (review, 6, decision->see_clinician);
  if (decision->see_clinician)
    {
      g_autofree char *code = loadwise_reason_serialize (&decision->clinician_why);

      sqlite3_bind_text (review, 7, decision->clinician_reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (review, 13, code, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (review, 7);
      sqlite3_bind_null (review, 13);
    }
  sqlite3_bind_int (review, 8, (int) programme->safe_pain);
  sqlite3_bind_int (review, 9, (int) programme->max_pain);
  sqlite3_bind_int (review, 10, programme->training_days);
  sqlite3_bind_text (review, 11, inputs, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (review, 12, revised);
  return loadwise_sqlite_step_done (self->db, review, error);
}

/* Whether @decision is what the close of @week stored: the next week's
 * plan rows (level, targets, decision and reason) and the clinician
 * prompt. A stored reason may carry the revision note. */
static gboolean
same_as_stored (LoadwiseDatabase           *self,
                int                         week,
                const LoadwiseWeekDecision *decision,
                gboolean                   *out_same,
                GError                    **error)
{
  g_autoptr (LoadwiseCachedStmt) plan = NULL;
  g_autoptr (LoadwiseCachedStmt) review = NULL;
  guint matched = 0;
  int rc;

  *out_same = FALSE;
  plan = loadwise_database_prepare_cached (self,
                                  "SELECT family, level, target_reps, target_hold_s, decision, reason,"
                                  " reason_code FROM week_plan WHERE week = ?1",
                                  error);
  if (plan == NULL)
    return FALSE;
  sqlite3_bind_int (plan, 1, week + 1);
  while ((rc = loadwise_sqlite_step (self->db, plan, error)) == SQLITE_ROW)
    {
      const LoadwiseFamilyDecision *family;
      const char *reason = (const char *) sqlite3_column_text (plan, 5);
      LoadwiseFamily f;

      if (!loadwise_family_from_string ((const char *) sqlite3_column_text (plan, 0), &f))
        continue;
      family = &decision->families[f];
      if ((guint) sqlite3_column_int (plan, 1) == family->level
          && (guint) sqlite3_column_int (plan, 2) == family->target_reps
          && (guint) sqlite3_column_int (plan, 3) == family->target_hold_s
          && g_strcmp0 ((const char *) sqlite3_column_text (plan, 4),
                        loadwise_decision_to_string (family->decision)) == 0
          && (same_reason ((const char *) sqlite3_column_text (plan, 6), &family->why)
              /* A row from before schema 6 has only its sentence. */
              || (sqlite3_column_type (plan, 6) == SQLITE_NULL
                  && reason != NULL && g_str_has_prefix (reason, family->reason))))
        matched++;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  review = loadwise_database_prepare_cached (self,
                                    "SELECT see_clinician, clinician_reason, clinician_code"
                                    " FROM week_review WHERE week = ?1",
                                    error);
  if (review == NULL)
    return FALSE;
  sqlite3_bind_int (review, 1, week);
  rc = loadwise_sqlite_step (self->db, review, error);
  if (rc == -1)
    return FALSE;
  *out_same = matched == LOADWISE_N_FAMILIES && rc == SQLITE_ROW
              && (sqlite3_column_int (review, 0) != 0) == decision->see_clinician
              && (!decision->see_clinician
                  || same_reason ((const char *) sqlite3_column_text (review, 2),
                                  &decision->clinician_why)
                  || (sqlite3_column_type (review, 2) == SQLITE_NULL
                      && g_strcmp0 ((const char *) sqlite3_column_text (review, 1),
                                    decision->clinician_reason) == 0));
  return TRUE;
}

/* The rule: when a week's decision is taken, and when it is final.
 *
 * The decision of week W (the plan of W + 1) is a pure function of what was
 * recorded for weeks 1 .. W and the morning after W's last session, with
 * the current thresholds and days. Every derivation takes it again, in week
 * order (W + 1's figures read W's plan), for every week that has ended and
 * is not final, and writes only what differs; a stored decision that
 * changes is a revision (week_review.revised_at).
 *
 * It becomes final once the runner has trained on it: a session not
 * skipped, or a done set, dated in a week after W (the week it governs, or
 * a later one whose plan was built on it). From then on it stays as stored,
 * with the thresholds and days it used: the runner trained on that
 * prescription, and rewriting it would rewrite both what they were told to
 * do and what they did. A session of week W + 1 written now is read by W's
 * decision first (it is taken again in the same transaction, with that
 * write's data) and only then marks it final. */

/* The week of the latest training day up to @today (0 when none). */
static gboolean
get_trained_week (LoadwiseDatabase        *self,
                  const LoadwiseProgramme *programme,
                  const GDate             *today,
                  int                     *out_week,
                  GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  GDate latest;
  gboolean found;

  *out_week = 0;
  stmt = loadwise_database_query_cached_row (self, &found, error,
                                             "SELECT MAX (d) FROM ("
                                             " SELECT MAX (date) AS d FROM session"
                                             "  WHERE status <> 'skipped' AND date <= ?1"
                                             " UNION ALL SELECT MAX (date) FROM set_log"
                                             "  WHERE done AND date <= ?1)",
                                             LOADWISE_SQL_DATE, today, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (found && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      if (!loadwise_sqlite_column_date (stmt, 0, &latest, error))
        return FALSE;
      *out_week = loadwise_programme_get_week (programme, &latest);
    }
  return TRUE;
}

/* Takes @week's decision again; @out_changed: whether anything was
 * written (its figures, or the decision itself). */
static gboolean
derive_week (LoadwiseDatabase        *self,
             const LoadwiseCatalogue *catalogue,
             const LoadwiseProgramme *programme,
             int                      week,
             gboolean                *out_changed,
             GError                 **error)
{
  g_auto (WeekData) data = { 0 };
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  g_autofree char *inputs = NULL;
  g_autofree char *stored_inputs = NULL;
  StoredReview stored = { 0 };
  gboolean same = FALSE;

  *out_changed = FALSE;
  if (!read_stored_review (self, week, &stored, error))
    return FALSE;
  stored_inputs = stored.inputs;

  if (!gather_week (self, catalogue, programme, week, &data, error))
    return FALSE;
  inputs = loadwise_week_figures_describe_inputs (&data.figures);
  loadwise_progression_decide (catalogue, &data.figures, &decision);

  if (stored.found && !same_as_stored (self, week, &decision, &same, error))
    return FALSE;
  /* Nothing differs: nothing is written, so a look costs only reads. */
  if (same && g_strcmp0 (stored_inputs, inputs) == 0
      && stored.safe_pain == programme->safe_pain && stored.max_pain == programme->max_pain
      && stored.training_days == programme->training_days)
    return TRUE;

  if (!write_decision (self, programme, &data, &decision, inputs, stored.found && !same,
                       stored.revised, error))
    return FALSE;
  *out_changed = TRUE;
  return TRUE;
}

static gboolean
exec_week (LoadwiseDatabase  *self,
           const char        *sql,
           int                week,
           GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = loadwise_database_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, week);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

gboolean
loadwise_database_derive_weeks_locked (LoadwiseDatabase        *self,
                                       const LoadwiseCatalogue *catalogue,
                                       const LoadwiseProgramme *programme,
                                       const GDate             *today,
                                       const char              *dirty_from,
                                       gboolean                 tidy,
                                       gboolean                *out_changed,
                                       GError                 **error)
{
  gint64 last_final = 0, n_reviews = 0;
  int current, trained;
  gboolean previous_changed = FALSE;

  *out_changed = FALSE;

  /* The plan of week W + 1 must fit the store's range of weeks. */
  current = MIN (loadwise_programme_get_week (programme, today), LOADWISE_STORE_WEEK_MAX);
  if (!query_two_ints (self, "SELECT COALESCE (MAX (week), 0) FROM week_review"
                             " WHERE finalized_at IS NOT NULL", 0, &last_final, NULL, error)
      || !get_trained_week (self, programme, today, &trained, error))
    return FALSE;

  /* Decisions taken here for weeks that have not ended (the start moved
   * later, or the clock went back) are not decisions yet. */
  if (tidy && !exec_week (self, "DELETE FROM week_plan WHERE week > ?1 AND week - 1 IN"
                        " (SELECT week FROM week_review WHERE finalized_at IS NULL)",
                  MAX (current, (int) last_final + 1), error))
    return FALSE;
  *out_changed |= tidy && sqlite3_changes (self->db) > 0;
  if (tidy && !exec_week (self, "DELETE FROM week_review WHERE week >= ?1"
                                " AND finalized_at IS NULL",
                          MAX (current, (int) last_final + 1), error))
    return FALSE;
  *out_changed |= tidy && sqlite3_changes (self->db) > 0;

  for (int week = (int) last_final + 1; week < current; week++)
    {
      gboolean changed = FALSE;
      gboolean needed = previous_changed;
      gint64 n_plans = 0;

      if (!query_two_ints (self, "SELECT (SELECT COUNT (*) FROM week_review WHERE week = ?1),"
                                 " (SELECT COUNT (*) FROM week_plan WHERE week = ?1 + 1)",
                           week, &n_reviews, &n_plans, error))
        return FALSE;
      /* A plan stored without a review was not decided here (saved as
       * given, or from before reviews were kept): it stands. */
      if (n_reviews == 0 && n_plans > 0)
        {
          previous_changed = FALSE;
          continue;
        }

      /* A week whose data and whose plan did not change since it was last
       * taken gives the same decision: only the weeks from the earliest
       * date written on are taken again (the morning after a week is part
       * of it). */
      if (!needed)
        {
          GDate next;
          g_autofree char *next_iso = NULL;

          loadwise_programme_get_week_start (programme, week + 1, &next);
          next_iso = loadwise_date_to_iso (&next);
          needed = n_reviews == 0
                   || (*dirty_from != '\0' && strcmp (dirty_from, next_iso) <= 0);
        }

      if (needed && !derive_week (self, catalogue, programme, week, &changed, error))
        return FALSE;
      previous_changed = changed;
      *out_changed |= changed;

      /* Final once trained on (the rule above), after it took this
       * write's data. */
      if (trained > week)
        {
          if (!exec_week (self, "UPDATE week_review SET finalized_at = " NOW_SQL
                                " WHERE week = ?1 AND finalized_at IS NULL", week, error))
            return FALSE;
          *out_changed |= sqlite3_changes (self->db) > 0;
        }
    }
  return TRUE;
}

GPtrArray *
loadwise_database_list_week_reviews (LoadwiseDatabase  *self,
                                     GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  if (!loadwise_database_ensure_derived (self, error))
    return NULL;

  /* Reviews of a plan that a new start has cleared are left out. */
  stmt = loadwise_database_prepare_cached (self,
                                  "SELECT week, sets_done, sets_counted, adherence,"
                                  " mean_morning_pain, see_clinician, clinician_reason, clinician_code,"
                                  " safe_pain, max_pain, training_days, closed_at, revised_at,"
                                  " finalized_at IS NOT NULL"
                                  " FROM week_review"
                                  " WHERE week < (SELECT COALESCE (MAX (week), 1) FROM week_plan)"
                                  " ORDER BY week",
                                  error);
  if (stmt == NULL)
    return NULL;

  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_week_review_free);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseWeekReview *review = g_new0 (LoadwiseWeekReview, 1);

      review->week = sqlite3_column_int (stmt, 0);
      review->sets_done = (guint) sqlite3_column_int (stmt, 1);
      review->sets_counted = (guint) sqlite3_column_int (stmt, 2);
      review->have_adherence = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      review->adherence = (guint) sqlite3_column_int (stmt, 3);
      review->have_mean_morning_pain = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      review->mean_morning_pain = sqlite3_column_double (stmt, 4);
      review->see_clinician = sqlite3_column_int (stmt, 5) != 0;
      if (review->see_clinician)
        review->clinician_reason = loadwise_store_render_reason ((const char *) sqlite3_column_text (stmt, 7),
                                                         (const char *) sqlite3_column_text (stmt, 6));
      review->safe_pain = (guint) sqlite3_column_int (stmt, 8);
      review->max_pain = (guint) sqlite3_column_int (stmt, 9);
      review->training_days = (guint8) sqlite3_column_int (stmt, 10);
      review->closed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      review->revised_at = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      review->final = sqlite3_column_int (stmt, 13) != 0;
      g_ptr_array_add (reviews, review);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&reviews);
}
