/* loadwise-chart-data.c: reading every chart's series from the database
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart-data.h"

#include <math.h>

#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "core/loadwise-session.h"
#include "store/loadwise-database-charts.h"
#include "store/loadwise-database-runs.h"

static const char *const kind_names[LOADWISE_N_CHARTS] = {
  "pain", "adherence", "levels", "runs", "sides",
};

const char *
loadwise_chart_kind_to_string (LoadwiseChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LOADWISE_N_CHARTS, NULL);
  return kind_names[kind];
}

gboolean
loadwise_chart_kind_from_string (const char        *text,
                                 LoadwiseChartKind *out_kind)
{
  for (guint i = 0; i < LOADWISE_N_CHARTS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = (LoadwiseChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
loadwise_chart_kind_get_title (LoadwiseChartKind kind)
{
  switch (kind)
    {
    case LOADWISE_CHART_PAIN:
      return _("Pain over time");
    case LOADWISE_CHART_ADHERENCE:
      return _("Sets done each week");
    case LOADWISE_CHART_LEVELS:
      return _("Exercise level per family");
    case LOADWISE_CHART_RUNS:
      return _("Weekly running distance");
    case LOADWISE_CHART_SIDES:
      return _("Left and right morning pain");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
loadwise_chart_range_resolve (LoadwiseChartRange  range,
                              LoadwiseDatabase   *database,
                              const GDate        *today,
                              GDate              *out_from,
                              GDate              *out_to,
                              GError            **error)
{
  LoadwiseProgramme programme;
  GDate first;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!loadwise_database_get_programme (database, &programme, error))
    return FALSE;

  *out_to = *today;
  *out_from = *today;
  switch (range)
    {
    case LOADWISE_CHART_RANGE_4_WEEKS:
      g_date_subtract_days (out_from, 27);
      break;
    case LOADWISE_CHART_RANGE_6_MONTHS:
      g_date_subtract_days (out_from, 182);
      break;
    case LOADWISE_CHART_RANGE_PROGRAMME:
      /* The whole programme, so the axis shows how far along it is. */
      *out_from = programme.start;
      loadwise_programme_get_end (&programme, out_to);
      break;
    case LOADWISE_CHART_RANGE_ALL:
    default:
      if (!loadwise_database_get_first_logged_date (database, &first, &found, error))
        return FALSE;
      *out_from = programme.start;
      if (found && g_date_compare (&first, out_from) < 0)
        *out_from = first;
      /* The baseline week before the start belongs to the story. */
      if (g_date_compare (out_from, today) > 0)
        *out_from = *today;
      break;
    }
  if (g_date_compare (out_to, out_from) < 0)
    *out_to = *out_from;
  return TRUE;
}

G_DEFINE_BOXED_TYPE (LoadwiseChartData, loadwise_chart_data,
                     loadwise_chart_data_ref, loadwise_chart_data_unref)

static void
chart_data_clear (gpointer data)
{
  LoadwiseChartData *self = data;

  loadwise_pain_series_clear (&self->pain);
  loadwise_adherence_series_clear (&self->adherence);
  loadwise_level_series_clear (&self->levels);
  loadwise_run_series_clear (&self->runs);
  loadwise_sides_series_clear (&self->sides);
}

gboolean
loadwise_chart_data_is_empty (const LoadwiseChartData *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->pain.morning->len > 0 || self->pain.session->len > 0 || self->pain.run->len > 0)
    return FALSE;
  for (guint i = 0; i < self->adherence.weeks->len; i++)
    {
      const LoadwiseAdherenceWeek *week = &g_array_index (self->adherence.weeks, LoadwiseAdherenceWeek, i);

      if (week->done > 0 || week->skipped > 0)
        return FALSE;
    }
  for (guint i = 0; i < self->runs.weeks->len; i++)
    if (g_array_index (self->runs.weeks, LoadwiseRunWeek, i).distance_km > 0)
      return FALSE;
  return TRUE;
}

LoadwiseChartData *
loadwise_chart_data_new (const GDate *from,
                         const GDate *to)
{
  LoadwiseChartData *self;
  guint32 first, last;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  self = g_rc_box_new0 (LoadwiseChartData);
  self->from = *from;
  self->to = *to;
  first = g_date_get_julian (from);
  last = g_date_get_julian (to);

  loadwise_pain_series_init (&self->pain);
  loadwise_adherence_series_init (&self->adherence);
  loadwise_level_series_init (&self->levels);
  loadwise_run_series_init (&self->runs);
  loadwise_sides_series_init (&self->sides);
  self->pain.first_day = self->adherence.first_day = self->levels.first_day = first;
  self->runs.first_day = self->sides.first_day = first;
  self->pain.last_day = self->adherence.last_day = self->levels.last_day = last;
  self->runs.last_day = self->sides.last_day = last;
  return self;
}

LoadwiseChartData *
loadwise_chart_data_ref (LoadwiseChartData *self)
{
  return g_rc_box_acquire (self);
}

void
loadwise_chart_data_unref (LoadwiseChartData *self)
{
  g_rc_box_release_full (self, chart_data_clear);
}

static void
append_value (GArray      *values,
              const GDate *date,
              double       value)
{
  LoadwiseDayValue v = { g_date_get_julian (date), value };

  g_array_append_val (values, v);
}

static gboolean
load_pain_and_sides (LoadwiseChartData  *self,
                     LoadwiseDatabase   *database,
                     GError            **error)
{
  g_autoptr (GArray) checkins = NULL;
  g_autoptr (GArray) session_pain = NULL;

  checkins = loadwise_database_list_checkins (database, &self->from, &self->to, error);
  if (checkins == NULL)
    return FALSE;
  for (guint i = 0; i < checkins->len; i++)
    {
      const LoadwiseCheckin *c = &g_array_index (checkins, LoadwiseCheckin, i);
      gboolean left = c->side == LOADWISE_SIDE_LEFT || c->side == LOADWISE_SIDE_BOTH;
      gboolean right = c->side == LOADWISE_SIDE_RIGHT || c->side == LOADWISE_SIDE_BOTH;

      append_value (self->pain.morning, &c->date, c->morning_pain);
      append_value (self->sides.left, &c->date, left ? c->morning_pain : 0);
      append_value (self->sides.right, &c->date, right ? c->morning_pain : 0);
    }

  session_pain = loadwise_database_list_session_pain (database, &self->from, &self->to, error);
  if (session_pain == NULL)
    return FALSE;
  for (guint i = 0; i < session_pain->len; i++)
    {
      const LoadwiseDatedValue *v = &g_array_index (session_pain, LoadwiseDatedValue, i);

      append_value (self->pain.session, &v->date, v->value);
    }

  return loadwise_database_get_baseline (database, NULL, &self->pain.baseline,
                                         &self->pain.has_baseline, error);
}

static gboolean
in_flare (const LoadwiseChartData *self,
          guint32                  day)
{
  for (guint i = 0; i < self->pain.flares->len; i++)
    {
      const LoadwiseDayRange *r = &g_array_index (self->pain.flares, LoadwiseDayRange, i);

      if (day >= r->first && day <= r->last)
        return TRUE;
    }
  return FALSE;
}

static gboolean
load_flares (LoadwiseChartData  *self,
             LoadwiseDatabase   *database,
             GError            **error)
{
  g_autoptr (GArray) flares = loadwise_database_list_flares (database, error);
  guint32 first = g_date_get_julian (&self->from);
  guint32 last = g_date_get_julian (&self->to);

  if (flares == NULL)
    return FALSE;
  for (guint i = 0; i < flares->len; i++)
    {
      const LoadwiseFlarePeriod *period = &g_array_index (flares, LoadwiseFlarePeriod, i);
      LoadwiseDayRange range;

      range.first = g_date_get_julian (&period->start);
      /* An active flare runs to the end of the range. */
      range.last = g_date_valid (&period->end) ? g_date_get_julian (&period->end) : last;
      if (range.last < first || range.first > last)
        continue;
      g_array_append_val (self->pain.flares, range);
    }
  return TRUE;
}

/* The first day of the seven-day block holding @day, in blocks aligned
 * with the programme's weeks (also before the start). */
static guint32
block_start (guint32 start_day,
             guint32 day)
{
  gint64 offset = (gint64) day - start_day;
  gint64 block = offset >= 0 ? offset / 7 : -((-offset + 6) / 7);

  return (guint32) (start_day + block * 7);
}

static gboolean
load_runs (LoadwiseChartData        *self,
           LoadwiseDatabase         *database,
           const LoadwiseProgramme  *programme,
           GError                  **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) window = g_ptr_array_new ();
  guint32 start_day = g_date_get_julian (&programme->start);
  guint32 first = g_date_get_julian (&self->from);
  guint32 last = g_date_get_julian (&self->to);
  guint32 first_block = block_start (start_day, first);
  GDate window_from = self->from;
  guint oldest = 0;

  /* The guard looks 30 days back (Frandsen 2025). */
  g_date_subtract_days (&window_from, LOADWISE_GUARD_SPIKE_DAYS);
  runs = loadwise_database_list_runs (database, &window_from, &self->to, error);
  if (runs == NULL)
    return FALSE;

  for (guint32 block = first_block; block <= last; block += 7)
    {
      LoadwiseRunWeek week = { 0 };

      week.first_day = block;
      g_array_append_val (self->runs.weeks, week);
    }

  for (guint i = 0; i < runs->len; i++)
    {
      LoadwiseRun *run = g_ptr_array_index (runs, i);
      guint32 day = g_date_get_julian (&run->date);
      g_auto (LoadwiseRunGuard) guard = { 0 };
      LoadwiseRunWeek *week;
      guint n_pain;
      GArray *pain = self->pain.run;

      if (day < first)
        continue;

      /* Only the runs of the 30 days before this one, and itself: the
       * guard then costs the window, not the history. */
      while (g_date_get_julian (&((LoadwiseRun *) g_ptr_array_index (runs, oldest))->date)
             + LOADWISE_GUARD_SPIKE_DAYS < day)
        oldest++;
      g_ptr_array_set_size (window, 0);
      for (guint j = oldest; j <= i; j++)
        g_ptr_array_add (window, g_ptr_array_index (runs, j));
      loadwise_run_guard_check (run, window, &guard);

      week = &g_array_index (self->runs.weeks, LoadwiseRunWeek,
                             (block_start (start_day, day) - first_block) / 7);
      n_pain = week->pain_count;
      week->pain = (week->pain * n_pain + run->pain_during) / (n_pain + 1);
      week->pain_count = n_pain + 1;
      week->has_pain = TRUE;
      week->distance_km += run->distance_m / 1000.0;
      if (guard.spike)
        {
          LoadwiseDayValue spike = { day, run->distance_m / 1000.0 };

          week->n_spikes++;
          g_array_append_val (self->runs.spikes, spike);
        }

      /* The worst run of a day, like the worst exercise of a session. */
      if (pain->len > 0 && g_array_index (pain, LoadwiseDayValue, pain->len - 1).day == day)
        {
          LoadwiseDayValue *v = &g_array_index (pain, LoadwiseDayValue, pain->len - 1);

          v->value = MAX (v->value, run->pain_during);
        }
      else
        {
          LoadwiseDayValue v = { day, run->pain_during };

          g_array_append_val (pain, v);
        }
    }

  return TRUE;
}

/* The levels in force in each week: the latest plan row at or before it,
 * per family (as loadwise_database_get_levels() reads them). */
static void
levels_for_week (GPtrArray             *plans,
                 int                    week,
                 guint8                 out_levels[LOADWISE_N_FAMILIES],
                 LoadwiseChartDecision  out_decisions[LOADWISE_N_FAMILIES])
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      out_levels[f] = 1;
      out_decisions[f] = LOADWISE_CHART_DECISION_NONE;
    }
  for (guint i = 0; i < plans->len; i++)
    {
      const LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);

      /* Sorted by week: the last row at or before @week wins. */
      if (plan->week > week)
        break;
      out_levels[plan->family] = (guint8) plan->level;
      out_decisions[plan->family] = plan->week == week
                                    ? loadwise_chart_decision_from_string (plan->decision)
                                    : LOADWISE_CHART_DECISION_NONE;
    }
}

static gboolean
load_weeks (LoadwiseChartData        *self,
            LoadwiseDatabase         *database,
            const LoadwiseCatalogue  *catalogue,
            const LoadwiseProgramme  *programme,
            GError                  **error)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GArray) done_counts = NULL;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GHashTable) done_by_day = NULL;
  g_autoptr (GHashTable) status_by_day = NULL;
  int first_week, last_week;
  guint32 to_day = g_date_get_julian (&self->to);
  guint32 today_day, due_day;
  GDate today;

  /* The whole programme's range reaches its end (the axis shows how far
   * along it is), but only what is due by today counts: on day 1 the
   * weeks to come are not eight weeks of missed sets (issue 13). */
  loadwise_clock_get_today (loadwise_database_get_clock (database), &today);
  today_day = g_date_get_julian (&today);
  due_day = MIN (to_day, today_day);

  plans = loadwise_database_list_week_plans (database, error);
  if (plans == NULL)
    return FALSE;
  done_counts = loadwise_database_list_done_set_counts (database, &self->from, &self->to, error);
  if (done_counts == NULL)
    return FALSE;
  statuses = loadwise_database_list_session_statuses (database, &self->from, &self->to, error);
  if (statuses == NULL)
    return FALSE;

  done_by_day = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < done_counts->len; i++)
    {
      const LoadwiseDatedValue *v = &g_array_index (done_counts, LoadwiseDatedValue, i);

      g_hash_table_insert (done_by_day, GUINT_TO_POINTER (g_date_get_julian (&v->date)),
                           GUINT_TO_POINTER ((guint) v->value));
    }
  status_by_day = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      const LoadwiseSessionRecord *r = &g_array_index (statuses, LoadwiseSessionRecord, i);

      g_hash_table_insert (status_by_day, GUINT_TO_POINTER (g_date_get_julian (&r->date)),
                           GINT_TO_POINTER (r->status));
    }

  first_week = MAX (1, loadwise_programme_get_week (programme, &self->from));
  last_week = loadwise_programme_get_week (programme, &self->to);

  for (int week = first_week; week <= last_week; week++)
    {
      LoadwiseAdherenceWeek adherence = { 0 };
      LoadwiseLevelWeek level = { 0 };
      guint levels[LOADWISE_N_FAMILIES];
      GDate day;

      loadwise_programme_get_week_start (programme, week, &day);
      adherence.first_day = level.first_day = g_date_get_julian (&day);
      adherence.week = level.week = week;
      levels_for_week (plans, week, level.level, level.decision);
      if (adherence.first_day > due_day)
        {
          /* Not begun: its levels are the plan so far, with nothing due. */
          g_array_append_val (self->levels.weeks, level);
          continue;
        }
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        levels[f] = level.level[f];

      for (guint d = 0; d < 7; d++, g_date_add_days (&day, 1))
        {
          guint32 julian = g_date_get_julian (&day);
          gpointer status_p;
          gboolean has_row = g_hash_table_lookup_extended (status_by_day, GUINT_TO_POINTER (julian),
                                                           NULL, &status_p);
          LoadwiseSessionStatus status = has_row ? GPOINTER_TO_INT (status_p)
                                                 : LOADWISE_SESSION_STATUS_NONE;
          LoadwisePrescription prescription;

          if (julian < g_date_get_julian (&self->from) || julian > due_day)
            continue;
          /* A week in flare mode is not a miss (PROGRAMME.md, the weekly
           * decision): its days leave the figures, and the week is marked. */
          if (in_flare (self, julian))
            {
              adherence.flare = TRUE;
              continue;
            }
          adherence.done += GPOINTER_TO_UINT (g_hash_table_lookup (done_by_day,
                                                                   GUINT_TO_POINTER (julian)));
          if (!loadwise_programme_is_session_day (programme, &day))
            continue;
          /* A skipped session is not a miss (PROGRAMME.md, the weekly
           * decision); today's counts once something is logged. */
          if (status == LOADWISE_SESSION_STATUS_SKIPPED)
            {
              adherence.skipped++;
              continue;
            }
          if (julian == today_day && !has_row)
            continue;
          if (!loadwise_prescribe (catalogue, programme, levels, &day, &prescription))
            continue;
          for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
            adherence.prescribed += loadwise_prescribed_exercise_total_sets (&prescription.exercises[f]);
        }

      g_array_append_val (self->adherence.weeks, adherence);
      g_array_append_val (self->levels.weeks, level);
    }

  return TRUE;
}

LoadwiseChartData *
loadwise_chart_data_load (LoadwiseDatabase         *database,
                          const LoadwiseCatalogue  *catalogue,
                          const GDate              *from,
                          const GDate              *to,
                          GError                  **error)
{
  g_autoptr (LoadwiseChartData) self = NULL;
  LoadwiseProgramme programme;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (catalogue != NULL, NULL);

  if (!loadwise_database_get_programme (database, &programme, error))
    return NULL;

  self = loadwise_chart_data_new (from, to);
  if (!load_pain_and_sides (self, database, error)
      || !load_flares (self, database, error)
      || !load_runs (self, database, &programme, error)
      || !load_weeks (self, database, catalogue, &programme, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
loadwise_chart_data_draw (const LoadwiseChartData  *self,
                          LoadwiseChartKind         kind,
                          cairo_t                  *cr,
                          double                    width,
                          double                    height,
                          const LoadwiseChartStyle *style)
{
  g_return_if_fail (self != NULL);

  switch (kind)
    {
    case LOADWISE_CHART_PAIN:
      loadwise_chart_draw_pain (cr, width, height, &self->pain, style);
      break;
    case LOADWISE_CHART_ADHERENCE:
      loadwise_chart_draw_adherence (cr, width, height, &self->adherence, style);
      break;
    case LOADWISE_CHART_LEVELS:
      loadwise_chart_draw_levels (cr, width, height, &self->levels, style);
      break;
    case LOADWISE_CHART_RUNS:
      loadwise_chart_draw_runs (cr, width, height, &self->runs, style);
      break;
    case LOADWISE_CHART_SIDES:
      loadwise_chart_draw_sides (cr, width, height, &self->sides, style);
      break;
    default:
      g_return_if_reached ();
    }
}

char *
loadwise_chart_data_describe (const LoadwiseChartData *self,
                              LoadwiseChartKind        kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (kind)
    {
    case LOADWISE_CHART_PAIN:
      return loadwise_chart_describe_pain (&self->pain);
    case LOADWISE_CHART_ADHERENCE:
      return loadwise_chart_describe_adherence (&self->adherence);
    case LOADWISE_CHART_LEVELS:
      return loadwise_chart_describe_levels (&self->levels);
    case LOADWISE_CHART_RUNS:
      return loadwise_chart_describe_runs (&self->runs);
    case LOADWISE_CHART_SIDES:
      return loadwise_chart_describe_sides (&self->sides);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
loadwise_chart_data_value_at (const LoadwiseChartData  *self,
                              LoadwiseChartKind         kind,
                              double                    width,
                              double                    height,
                              const LoadwiseChartStyle *style,
                              double                    x)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (kind)
    {
    case LOADWISE_CHART_PAIN:
      return loadwise_chart_pain_value_at (&self->pain, width, height, style, x);
    case LOADWISE_CHART_ADHERENCE:
      return loadwise_chart_adherence_value_at (&self->adherence, width, height, style, x);
    case LOADWISE_CHART_LEVELS:
      return loadwise_chart_levels_value_at (&self->levels, width, height, style, x);
    case LOADWISE_CHART_RUNS:
      return loadwise_chart_runs_value_at (&self->runs, width, height, style, x);
    case LOADWISE_CHART_SIDES:
      return loadwise_chart_sides_value_at (&self->sides, width, height, style, x);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
               name, cairo_status_to_string (status));
  return FALSE;
}

gboolean
loadwise_chart_data_export (const LoadwiseChartData  *self,
                            LoadwiseChartKind         kind,
                            LoadwiseChartFormat       format,
                            const char               *path,
                            double                    width,
                            double                    height,
                            GError                  **error)
{
  LoadwiseChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), name);
      return FALSE;
    }

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  if (format == LOADWISE_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    /* Twice the pixels, so the image stays sharp in a document. */
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * 2, (int) height * 2);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return cairo_failed (status, path, error);
    }

  cr = cairo_create (surface);
  if (format == LOADWISE_CHART_FORMAT_PNG)
    cairo_scale (cr, 2, 2);
  loadwise_chart_data_draw (self, kind, cr, width, height, &style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == LOADWISE_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return cairo_failed (status, path, error);
  return TRUE;
}
