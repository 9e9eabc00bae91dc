/* test-chart-data.c: the series read from a seeded database, the trend in
 * words, the values under the pointer, and PNG/SVG export
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "charts/loadwise-chart-data.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

typedef ChartsFixture Fixture;

/* The programme's first day, a Monday. */
static GDate programme_start;

static void
seed (Fixture *fixture,
      guint    days)
{
  ChartsHistory history = { .start = programme_start, .days = days, .seed = 3,
                            .runs = TRUE, .flare = TRUE };

  charts_test_seed (fixture->db, fixture->catalogue, &history);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (LoadwiseChartData) chart = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  GDate from = programme_start, to = programme_start;
  double km = 0, chart_km = 0;
  guint n_flare_weeks = 0, n_spikes = 0;
  guint32 spike_day;

  seed (fixture, 56);
  g_date_subtract_days (&from, 7);
  g_date_add_days (&to, 55);

  chart = loadwise_chart_data_load (fixture->db, fixture->catalogue, &from, &to, &error);
  g_assert_no_error (error);

  /* A check-in every morning of the range, each also on the sides chart. */
  g_assert_cmpuint (chart->pain.morning->len, ==, 63);
  g_assert_cmpuint (chart->sides.left->len, ==, 63);
  g_assert_true (chart->pain.has_baseline);
  g_assert_cmpfloat (chart->pain.baseline, >=, 4);
  g_assert_cmpfloat (chart->pain.baseline, <=, 6);
  g_assert_cmpuint (chart->pain.session->len, >, 15);

  /* Eight programme weeks, each week's level as the seeded plan says. */
  g_assert_cmpuint (chart->adherence.weeks->len, ==, 8);
  g_assert_cmpuint (chart->levels.weeks->len, ==, 8);
  g_assert_cmpint (g_array_index (chart->levels.weeks, LoadwiseLevelWeek, 1).decision[0], ==,
                   LOADWISE_CHART_DECISION_HOLD);
  /* Week 2: 2/2 % 3 = 1, so the single-leg family stepped up. */
  g_assert_cmpint (g_array_index (chart->levels.weeks, LoadwiseLevelWeek, 1).decision[1], ==,
                   LOADWISE_CHART_DECISION_PROGRESS);
  g_assert_cmpuint (g_array_index (chart->levels.weeks, LoadwiseLevelWeek, 1).level[1], ==, 2);

  for (guint i = 0; i < chart->adherence.weeks->len; i++)
    {
      const LoadwiseAdherenceWeek *w = &g_array_index (chart->adherence.weeks, LoadwiseAdherenceWeek, i);

      n_flare_weeks += w->flare;
      if (!w->flare)
        {
          /* 80-100 % of each session's sets were logged done, in whole
           * sets rounded down (80 % of 2 sets is 1): at least half. */
          g_assert_cmpuint (w->prescribed, >, 0);
          g_assert_cmpuint (w->done * 100, >=, w->prescribed * 50);
          g_assert_cmpuint (w->done, <=, w->prescribed);
        }
    }
  /* The flare ran from day 20 to day 27: weeks 3 and 4. */
  g_assert_cmpuint (n_flare_weeks, ==, 2);
  g_assert_cmpuint (chart->pain.flares->len, ==, 1);
  g_assert_cmpuint (g_array_index (chart->pain.flares, LoadwiseDayRange, 0).first, ==,
                    g_date_get_julian (&programme_start) + 20);

  /* Weekly distance adds up to the runs stored. */
  runs = loadwise_database_list_runs (fixture->db, &from, &to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    km += ((LoadwiseRun *) g_ptr_array_index (runs, i))->distance_m / 1000.0;
  for (guint i = 0; i < chart->runs.weeks->len; i++)
    {
      chart_km += g_array_index (chart->runs.weeks, LoadwiseRunWeek, i).distance_km;
      n_spikes += g_array_index (chart->runs.weeks, LoadwiseRunWeek, i).n_spikes;
    }
  g_assert_cmpfloat_with_epsilon (chart_km, km, 1e-6);
  g_assert_cmpuint (chart->pain.run->len, ==, runs->len);

  /* The 16 km run of day 34 is more than 10 % over the longest before. */
  spike_day = g_date_get_julian (&programme_start) + 34;
  g_assert_cmpuint (n_spikes, >=, 1);
  g_assert_cmpuint (chart->runs.spikes->len, ==, n_spikes);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < chart->runs.spikes->len; i++)
      found |= g_array_index (chart->runs.spikes, LoadwiseDayValue, i).day == spike_day;
    g_assert_true (found);
  }
}

static void
test_ranges (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate today = programme_start, from, to;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  seed (fixture, 30);
  g_date_add_days (&today, 29);

  g_assert_true (loadwise_chart_range_resolve (LOADWISE_CHART_RANGE_4_WEEKS, fixture->db, &today,
                                               &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 27);
  g_assert_cmpint (g_date_compare (&to, &today), ==, 0);

  g_assert_true (loadwise_chart_range_resolve (LOADWISE_CHART_RANGE_PROGRAMME, fixture->db, &today,
                                               &from, &to, &error));
  g_assert_cmpint (g_date_compare (&from, &programme_start), ==, 0);
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 8 * 7 - 1);

  g_assert_true (loadwise_chart_range_resolve (LOADWISE_CHART_RANGE_6_MONTHS, fixture->db, &today,
                                               &from, &to, &error));
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 182);

  /* All: from the first check-in, in the baseline week before the start. */
  g_assert_true (loadwise_chart_range_resolve (LOADWISE_CHART_RANGE_ALL, fixture->db, &today,
                                               &from, &to, &error));
  a = loadwise_date_to_iso (&from);
  b = loadwise_date_to_iso (&to);
  g_assert_cmpstr (a, ==, "2026-09-28");
  g_assert_cmpstr (b, ==, "2026-11-03");
}

static void
test_no_programme (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = programme_start;
  LoadwiseChartData *chart = loadwise_chart_data_load (fixture->db, fixture->catalogue, &day, &day, &error);

  g_assert_null (chart);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
}

/* Issue 13: on day 1 Progress said "3% of the prescribed sets were done
 * over 8 weeks (5 of 144). The last week: 0%." The whole programme's
 * range reaches its end, but only what is due by today counts. */
static void
test_day_one (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 10, 5, 19, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  g_autoptr (LoadwiseChartData) chart = NULL;
  g_autofree char *adherence = NULL;
  g_autofree char *pain = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  GDate today = programme_start, from, to;
  guint done = 0, due = 0;

  loadwise_database_set_clock (fixture->db, clock);
  loadwise_programme_init (&programme, &programme_start);
  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_no_error (error);
  /* Day 1, a session day: the first exercise's sets ticked. */
  g_assert_true (loadwise_database_prescribe (fixture->db, fixture->catalogue, &programme, &today,
                                              &prescription, &error));
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    due += loadwise_prescribed_exercise_total_sets (&prescription.exercises[f]);
  for (guint set = 0; set < loadwise_prescribed_exercise_total_sets (&prescription.exercises[0]); set++, done++)
    {
      LoadwiseSetLog log = { (char *) prescription.exercises[0].exercise->id, LOADWISE_SIDE_NONE,
                             set, TRUE, prescription.exercises[0].target_reps, 0 };

      g_assert_true (loadwise_database_log_set (fixture->db, &today, &log, &error));
      g_assert_no_error (error);
    }

  g_assert_true (loadwise_chart_range_resolve (LOADWISE_CHART_RANGE_PROGRAMME, fixture->db, &today,
                                               &from, &to, &error));
  g_assert_cmpint (g_date_days_between (&today, &to), >, 50);
  chart = loadwise_chart_data_load (fixture->db, fixture->catalogue, &from, &to, &error);
  g_assert_no_error (error);

  /* One week has begun; its one session so far is what is due. */
  g_assert_cmpuint (chart->adherence.weeks->len, ==, 1);
  g_assert_cmpuint (g_array_index (chart->adherence.weeks, LoadwiseAdherenceWeek, 0).done, ==, done);
  g_assert_cmpuint (g_array_index (chart->adherence.weeks, LoadwiseAdherenceWeek, 0).prescribed, ==, due);
  adherence = loadwise_chart_describe_adherence (&chart->adherence);
  g_test_message ("%s", adherence);
  g_assert_nonnull (strstr (adherence, "over 1 week"));
  g_assert_null (strstr (adherence, "8 weeks"));
  /* No check-ins before the start: no baseline to speak of. */
  g_assert_false (chart->pain.has_baseline);
  pain = loadwise_chart_describe_pain (&chart->pain);
  g_assert_null (strstr (pain, "baseline"));

  loadwise_database_set_clock (fixture->db, NULL);
}

static void
add (GArray  *values,
     guint32  day,
     double   value)
{
  LoadwiseDayValue v = { day, value };

  g_array_append_val (values, v);
}

static void
test_describe (void)
{
  GDate d = loadwise_test_date (2026, 11, 2);
  guint32 first = g_date_get_julian (&d);
  g_autoptr (LoadwiseChartData) chart = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *steady = NULL;
  g_autofree char *adherence = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *sides = NULL;
  GDate to = d;

  g_date_add_days (&to, 41);
  chart = loadwise_chart_data_new (&d, &to);

  /* 5 for the first week, 2 for the last, six weeks apart. */
  for (guint i = 0; i < 7; i++)
    add (chart->pain.morning, first + i, 5);
  for (guint i = 35; i < 42; i++)
    add (chart->pain.morning, first + i, 2);
  pain = loadwise_chart_describe_pain (&chart->pain);
  g_assert_cmpstr (pain, ==, "Morning pain fell from 5 to 2 over 6 weeks.");

  chart->pain.has_baseline = TRUE;
  chart->pain.baseline = 5;
  add (chart->pain.session, first + 2, 3);
  add (chart->pain.session, first + 4, 4);
  g_clear_pointer (&pain, g_free);
  pain = loadwise_chart_describe_pain (&chart->pain);
  g_assert_cmpstr (pain, ==, "Morning pain fell from 5 to 2 over 6 weeks. The baseline is 5.0. "
                             "Pain during exercise averaged 3.5 over 2 sessions.");

  g_array_set_size (chart->pain.morning, 0);
  for (guint i = 0; i < 10; i++)
    add (chart->pain.morning, first + i, 3);
  steady = loadwise_chart_describe_pain (&chart->pain);
  g_assert_true (g_str_has_prefix (steady, "Morning pain stayed at about 3 over 9 days."));

  {
    LoadwiseAdherenceWeek weeks[] = { { first, 1, 27, 27, 0, FALSE }, { first + 7, 2, 18, 27, 1, FALSE } };

    g_array_append_vals (chart->adherence.weeks, weeks, 2);
  }
  adherence = loadwise_chart_describe_adherence (&chart->adherence);
  g_assert_cmpstr (adherence, ==, "83% of the prescribed sets were done over 2 weeks (45 of 54). "
                                  "The last week: 67%. 1 session was skipped with a reason.");

  {
    LoadwiseLevelWeek weeks[] = {
      { first, 1, { 1, 1, 1 }, { LOADWISE_CHART_DECISION_START } },
      { first + 7, 2, { 2, 1, 0 }, { LOADWISE_CHART_DECISION_PROGRESS, LOADWISE_CHART_DECISION_HOLD,
                                     LOADWISE_CHART_DECISION_REGRESS } },
    };

    g_array_append_vals (chart->levels.weeks, weeks, 2);
  }
  levels = loadwise_chart_describe_levels (&chart->levels);
  g_assert_cmpstr (levels, ==, "Levels in week 2: Bridge 2, Single-leg 1, Lateral 0. "
                               "1 step up and 1 step down in this period.");

  runs = loadwise_chart_describe_runs (&chart->runs);
  g_assert_cmpstr (runs, ==, "No runs logged in this period.");

  add (chart->sides.left, first, 4);
  add (chart->sides.right, first, 0);
  sides = loadwise_chart_describe_sides (&chart->sides);
  g_assert_cmpstr (sides, ==, "Morning pain was mostly on the left: left 4.0, right 0.0 on average.");
}

static void
test_value_at (void)
{
  GDate d = loadwise_test_date (2026, 11, 2);
  guint32 first = g_date_get_julian (&d);
  g_autoptr (LoadwiseChartData) chart = NULL;
  g_autofree char *text = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *week = NULL;
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  GDate to = d;

  g_date_add_days (&to, 13);
  chart = loadwise_chart_data_new (&d, &to);
  add (chart->pain.morning, first + 3, 4);
  add (chart->pain.session, first + 3, 2);
  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  loadwise_chart_get_plot_area (700, 300, &style, &plot);

  text = loadwise_chart_data_value_at (chart, LOADWISE_CHART_PAIN, 700, 300, &style,
                                       loadwise_chart_day_to_x (&plot, first, first + 13, first + 3));
  g_assert_cmpstr (text, ==, "Thu 5 Nov 2026\nMorning pain: 4\nSession pain: 2");
  nothing = loadwise_chart_data_value_at (chart, LOADWISE_CHART_PAIN, 700, 300, &style,
                                          loadwise_chart_day_to_x (&plot, first, first + 13, first + 5));
  g_assert_null (nothing);

  {
    LoadwiseAdherenceWeek weeks[] = { { first, 1, 20, 27, 1, FALSE }, { first + 7, 2, 27, 27, 0, TRUE } };

    g_array_append_vals (chart->adherence.weeks, weeks, 2);
  }
  week = loadwise_chart_data_value_at (chart, LOADWISE_CHART_ADHERENCE, 700, 300, &style,
                                       loadwise_chart_day_to_x (&plot, first, first + 13, first + 2));
  g_assert_cmpstr (week, ==, "Week 1, from Mon 2 Nov 2026\n20 of 27 sets done (74%)\n1 session skipped");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (LoadwiseChartData) chart = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = g_build_filename (fixture->tmpdir, "pain.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmpdir, "levels.svg", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GBytes) svg_bytes = NULL;
  cairo_surface_t *image;
  GDate to = programme_start;

  seed (fixture, 28);
  g_date_add_days (&to, 27);
  chart = loadwise_chart_data_load (fixture->db, fixture->catalogue, &programme_start, &to, &error);
  g_assert_no_error (error);

  g_assert_true (loadwise_chart_data_export (chart, LOADWISE_CHART_PAIN, LOADWISE_CHART_FORMAT_PNG,
                                             png, 500, 200, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);

  g_assert_true (loadwise_chart_data_export (chart, LOADWISE_CHART_LEVELS, LOADWISE_CHART_FORMAT_SVG,
                                             svg, 500, 200, &error));
  g_assert_no_error (error);
  svg_bytes = loadwise_test_read_file (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), (gssize) g_bytes_get_size (svg_bytes), "<svg"));

  /* An existing file is left alone. */
  before = loadwise_test_read_file (png);
  g_assert_false (loadwise_chart_data_export (chart, LOADWISE_CHART_SIDES, LOADWISE_CHART_FORMAT_PNG,
                                              png, 500, 200, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = loadwise_test_read_file (png);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_kind_names (void)
{
  LoadwiseChartKind kind;

  for (guint i = 0; i < LOADWISE_N_CHARTS; i++)
    {
      g_assert_true (loadwise_chart_kind_from_string (loadwise_chart_kind_to_string (i), &kind));
      g_assert_cmpuint (kind, ==, i);
      g_assert_nonnull (loadwise_chart_kind_get_title (i));
    }
  g_assert_false (loadwise_chart_kind_from_string ("weight", &kind));
  g_assert_false (loadwise_chart_kind_from_string (NULL, &kind));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  programme_start = loadwise_test_date (2026, 10, 5);

  g_test_add ("/charts/data/load", Fixture, NULL, charts_fixture_setup, test_load, charts_fixture_teardown);
  g_test_add ("/charts/data/ranges", Fixture, NULL, charts_fixture_setup, test_ranges, charts_fixture_teardown);
  g_test_add ("/charts/data/no-programme", Fixture, NULL, charts_fixture_setup, test_no_programme,
              charts_fixture_teardown);
  g_test_add ("/charts/data/export", Fixture, NULL, charts_fixture_setup, test_export, charts_fixture_teardown);
  g_test_add ("/charts/data/day-one", Fixture, NULL, charts_fixture_setup, test_day_one, charts_fixture_teardown);
  g_test_add_func ("/charts/data/describe", test_describe);
  g_test_add_func ("/charts/data/value-at", test_value_at);
  g_test_add_func ("/charts/data/kind-names", test_kind_names);

  return g_test_run ();
}
