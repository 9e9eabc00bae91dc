/* test-chart-draw.c: the chart routines, drawn to image surfaces and read
 * back pixel by pixel
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "charts/loadwise-chart.h"

#include "loadwise-test-util.h"

#define W 600
#define H 300

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

static void
canvas_init (Canvas *canvas)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  canvas->cr = cairo_create (canvas->surface);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Canvas, canvas_clear)

static guint32
pixel (Canvas *canvas,
       int     x,
       int     y)
{
  const guint8 *data;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (canvas->surface) + x * 4)
         & 0xffffff;
}

/* Whether @rgb is (nearly) @color: antialiased edges are not. */
static gboolean
is_color (guint32                   rgb,
          const LoadwiseChartColor *color)
{
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  return abs (r - (int) lround (color->red * 255)) <= 8
         && abs (g - (int) lround (color->green * 255)) <= 8
         && abs (b - (int) lround (color->blue * 255)) <= 8;
}

static void
set (LoadwiseChartColor *color,
     double              r,
     double              g,
     double              b)
{
  color->red = r;
  color->green = g;
  color->blue = b;
  color->alpha = 1;
}

/* A style whose data colours appear nowhere else. */
static void
test_style (LoadwiseChartStyle *style)
{
  loadwise_chart_style_init (style, LOADWISE_CHART_THEME_LIGHT);
  set (&style->baseline, 1, 0, 1);
  set (&style->band, 0, 1, 0);
  set (&style->morning, 0, 0, 1);
  set (&style->done, 1, 0.5, 0);
  set (&style->distance, 0, 0.5, 0.5);
  set (&style->target, 0.5, 0, 0);
  set (&style->family[0], 1, 1, 0);
}

static void
add (GArray  *values,
     guint32  day,
     double   value)
{
  LoadwiseDayValue v = { day, value };

  g_array_append_val (values, v);
}

static guint32
julian (int y, int m, int d)
{
  GDate date = loadwise_test_date (y, m, d);

  return g_date_get_julian (&date);
}

static void
test_baseline_and_band (void)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwisePainSeries) series = { 0 };
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  double y_base, y_top, y_bottom;
  int x_mid, band_top = -1, band_bottom = -1;
  guint n_baseline = 0;

  canvas_init (&canvas);
  test_style (&style);
  loadwise_pain_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 27;
  series.has_baseline = TRUE;
  series.baseline = 4;
  add (series.morning, series.first_day + 3, 4);

  loadwise_chart_draw_pain (canvas.cr, W, H, &series, &style);
  loadwise_chart_get_plot_area (W, H, &style, &plot);
  y_base = loadwise_chart_value_to_y (&plot, 0, 10, 4);
  y_top = loadwise_chart_value_to_y (&plot, 0, 10, 6);
  y_bottom = loadwise_chart_value_to_y (&plot, 0, 10, 2);
  g_assert_cmpfloat_with_epsilon (y_base, plot.y + plot.height * 0.6, 1e-9);

  /* Every baseline pixel sits on the baseline's row. */
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      if (is_color (pixel (&canvas, x, y), &style.baseline))
        {
          g_assert_cmpfloat (fabs (y + 0.5 - y_base), <=, 1.5);
          n_baseline++;
        }
  /* A dashed line across most of the plot. */
  g_assert_cmpuint (n_baseline, >, plot.width / 3);

  /* The band reaches 2 points either side. */
  x_mid = (int) (plot.x + plot.width * 0.8);
  for (int y = 0; y < H; y++)
    if (is_color (pixel (&canvas, x_mid, y), &style.band))
      {
        if (band_top < 0)
          band_top = y;
        band_bottom = y;
      }
  g_assert_cmpint (band_top, >=, 0);
  g_assert_cmpfloat (fabs (band_top - y_top), <=, 1.0);
  g_assert_cmpfloat (fabs (band_bottom + 1 - y_bottom), <=, 1.0);
}

/* The top of the bar (or line) of @color at x, within the plot: the
 * legend above it has swatches of the same colour. */
static int
bar_top (Canvas                   *canvas,
         int                       x,
         const LoadwiseChartColor *color)
{
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  loadwise_chart_get_plot_area (W, H, &style, &plot);
  for (int y = (int) plot.y; y < H; y++)
    if (is_color (pixel (canvas, x, y), color))
      return y;
  return -1;
}

static void
test_adherence_bars_proportional (void)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwiseAdherenceSeries) series = { 0 };
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  const guint done[] = { 30, 15, 6, 0 };
  double bottom;

  canvas_init (&canvas);
  test_style (&style);
  loadwise_adherence_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 27;
  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    {
      LoadwiseAdherenceWeek week = { series.first_day + 7 * i, (int) i + 1, done[i], 30, 0, FALSE };

      g_array_append_val (series.weeks, week);
    }

  loadwise_chart_draw_adherence (canvas.cr, W, H, &series, &style);
  loadwise_chart_get_plot_area (W, H, &style, &plot);
  bottom = plot.y + plot.height;

  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    {
      int x = (int) loadwise_chart_day_to_x (&plot, series.first_day, series.last_day,
                                             series.first_day + 7 * i + 3);
      int top = bar_top (&canvas, x, &style.done);
      double expected = plot.height * done[i] / 30.0;

      if (done[i] == 0)
        g_assert_cmpint (top, ==, -1);
      else
        g_assert_cmpfloat (fabs ((bottom - top) - expected), <=, 1.5);
    }
}

static void
test_run_bars_proportional (void)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwiseRunSeries) series = { 0 };
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  const double km[] = { 10, 20, 5 };
  int heights[3];
  double bottom;

  canvas_init (&canvas);
  test_style (&style);
  loadwise_run_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 20;
  for (guint i = 0; i < G_N_ELEMENTS (km); i++)
    {
      LoadwiseRunWeek week = { series.first_day + 7 * i, km[i], 0, FALSE, 0, 0 };

      g_array_append_val (series.weeks, week);
    }
  loadwise_chart_draw_runs (canvas.cr, W, H, &series, &style);
  loadwise_chart_get_plot_area (W, H, &style, &plot);
  bottom = plot.y + plot.height;

  for (guint i = 0; i < G_N_ELEMENTS (km); i++)
    {
      int x = (int) loadwise_chart_day_to_x (&plot, series.first_day, series.last_day,
                                             series.first_day + 7 * i + 3);

      heights[i] = (int) lround (bottom - bar_top (&canvas, x, &style.distance));
    }
  /* 20 km on an axis rounded up to 50 km: 40 % of the height. */
  g_assert_cmpfloat (fabs (heights[1] - plot.height * 20 / 50.0), <=, 1.5);
  g_assert_cmpfloat (fabs (heights[0] * 2.0 - heights[1]), <=, 2.0);
  g_assert_cmpfloat (fabs (heights[2] * 4.0 - heights[1]), <=, 4.0);
}

static void
test_nothing_outside_plot (void)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwisePainSeries) series = { 0 };
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  guint inside = 0;

  canvas_init (&canvas);
  test_style (&style);
  loadwise_pain_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 13;
  /* Values before, on the edges of and after the range, at 0 and 10. */
  for (int d = -10; d < 24; d++)
    add (series.morning, series.first_day + d, (d % 2 == 0) ? 10 : 0);

  loadwise_chart_draw_pain (canvas.cr, W, H, &series, &style);
  loadwise_chart_get_plot_area (W, H, &style, &plot);

  /* Below the legend band: nothing of the data's colour beyond the plot. */
  for (int y = (int) plot.y; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        gboolean in_plot = x >= plot.x - 0.5 && x < plot.x + plot.width + 0.5
                           && y >= plot.y - 0.5 && y < plot.y + plot.height + 0.5;
        guint32 rgb = pixel (&canvas, x, y);
        /* Any shade of the pure blue of the data, blended or not. */
        gboolean bluish = (rgb & 0xff) > 0x40 && ((rgb >> 16) & 0xff) < 0x30
                          && ((rgb >> 8) & 0xff) < 0x30;

        if (in_plot)
          inside += bluish;
        else if (bluish)
          g_error ("data drawn outside the plot at %d,%d: %06x", x, y, rgb);
      }
  g_assert_cmpuint (inside, >, 100);
}

static void
check_background (LoadwiseChartTheme theme,
                  guint32            expected)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwiseSidesSeries) series = { 0 };
  LoadwiseChartStyle style;

  canvas_init (&canvas);
  loadwise_chart_style_init (&style, theme);
  loadwise_sides_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 6;

  loadwise_chart_draw_sides (canvas.cr, W, H, &series, &style);
  g_assert_cmphex (pixel (&canvas, 1, H - 2), ==, expected);
  g_assert_cmphex (pixel (&canvas, W - 2, H / 2), ==, expected);
}

static void
test_dark_style (void)
{
  LoadwiseChartStyle light, dark;

  check_background (LOADWISE_CHART_THEME_LIGHT, 0xffffff);
  check_background (LOADWISE_CHART_THEME_DARK, 0x242424);
  check_background (LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK, 0x000000);

  /* Text stays readable on each background. */
  loadwise_chart_style_init (&light, LOADWISE_CHART_THEME_LIGHT);
  loadwise_chart_style_init (&dark, LOADWISE_CHART_THEME_DARK);
  g_assert_cmpfloat (light.text.red, <, 0.5);
  g_assert_cmpfloat (dark.text.red, >, 0.5);
}

static void
test_level_steps (void)
{
  g_auto (Canvas) canvas = { 0 };
  g_auto (LoadwiseLevelSeries) series = { 0 };
  LoadwiseChartStyle style;
  LoadwiseChartRect plot;
  const guint8 levels[] = { 1, 1, 3 };

  canvas_init (&canvas);
  test_style (&style);
  loadwise_level_series_init (&series);
  series.first_day = julian (2026, 11, 2);
  series.last_day = series.first_day + 20;
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      LoadwiseLevelWeek week = { series.first_day + 7 * i, (int) i + 1, { levels[i], 0, 0 }, { 0 } };

      g_array_append_val (series.weeks, week);
    }
  loadwise_chart_draw_levels (canvas.cr, W, H, &series, &style);
  loadwise_chart_get_plot_area (W, H, &style, &plot);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      int x = (int) loadwise_chart_day_to_x (&plot, series.first_day, series.last_day,
                                             series.first_day + 7 * i + 3);
      /* The bridge line sits a little below its level (family offset). */
      double expected = loadwise_chart_value_to_y (&plot, -0.5, 4.5, levels[i] - 0.09);
      int top = bar_top (&canvas, x, &style.family[0]);

      g_assert_cmpint (top, >=, 0);
      g_assert_cmpfloat (fabs (top + 1 - expected), <=, 2.0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/draw/baseline-and-band", test_baseline_and_band);
  g_test_add_func ("/charts/draw/adherence-bars-proportional", test_adherence_bars_proportional);
  g_test_add_func ("/charts/draw/run-bars-proportional", test_run_bars_proportional);
  g_test_add_func ("/charts/draw/nothing-outside-plot", test_nothing_outside_plot);
  g_test_add_func ("/charts/draw/dark-style", test_dark_style);
  g_test_add_func ("/charts/draw/level-steps", test_level_steps);

  return g_test_run ();
}
