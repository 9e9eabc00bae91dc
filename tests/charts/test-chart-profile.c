/* test-chart-profile.c: the elevation profile of a recorded run (issue 14),
 * drawn to image surfaces and read back pixel by pixel
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "charts/loadwise-chart-profile.h"

#include "loadwise-test-util.h"

#define W 600
#define H 240

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

static void
canvas_init (Canvas *canvas,
             int     width,
             int     height)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
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

static int red (guint32 rgb) { return (rgb >> 16) & 0xff; }
static int green (guint32 rgb) { return (rgb >> 8) & 0xff; }
static int blue (guint32 rgb) { return rgb & 0xff; }

/* The line's colour (pure red), give or take antialiasing. */
static gboolean
is_line (guint32 rgb)
{
  return red (rgb) > 200 && green (rgb) < 80 && blue (rgb) < 80;
}

/* Half-transparent blue over white, or under the faint red ground. */
static gboolean
is_band (guint32 rgb)
{
  return blue (rgb) > 180 && blue (rgb) > red (rgb) + 40 && blue (rgb) > green (rgb) + 40;
}

static void
set (LoadwiseChartColor *color,
     double              r,
     double              g,
     double              b,
     double              a)
{
  color->red = r;
  color->green = g;
  color->blue = b;
  color->alpha = a;
}

/* Colours that appear nowhere else: the line red, the band blue. */
static void
test_style (LoadwiseChartStyle *style)
{
  loadwise_chart_style_init (style, LOADWISE_CHART_THEME_LIGHT);
  set (&style->background, 1, 1, 1, 1);
  set (&style->elevation, 1, 0, 0, 1);
  set (&style->descent, 0, 0, 1, 0.5);
  set (&style->grid, 0, 0.8, 0, 1);
  set (&style->text, 0, 0, 0, 1);
  set (&style->axis, 0, 0, 0, 1);
}

/* Up from 100 m to 160 m at 2.5 km, down to 100 m at @length_m. */
static GArray *
hill_profile (double length_m,
              double low_m,
              double high_m)
{
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));

  for (guint i = 0; i <= 100; i++)
    {
      LoadwiseProfilePoint point;
      double t = i / 100.0;

      point.distance_m = t * length_m;
      point.elevation_m = low_m + (high_m - low_m) * (t <= 0.5 ? t * 2 : (1 - t) * 2);
      g_array_append_val (profile, point);
    }
  return profile;
}

/* The topmost row of column @x with the line's colour, or -1. */
static int
top_of_line (Canvas *canvas,
             int     x,
             int     height)
{
  for (int y = 0; y < height; y++)
    if (is_line (pixel (canvas, x, y)))
      return y;
  return -1;
}

static void
test_line_follows_elevation (void)
{
  g_auto (Canvas) canvas;
  g_autoptr (GArray) profile = hill_profile (5000, 100, 160);
  LoadwiseChartStyle style;
  LoadwiseProfileLayout layout;
  static const double distances[] = { 500, 1500, 2500, 3500, 4500 };
  int tops[G_N_ELEMENTS (distances)];

  test_style (&style);
  canvas_init (&canvas, W, H);
  loadwise_chart_draw_profile (canvas.cr, W, H, profile, NULL, &style, NULL);
  g_assert_true (loadwise_chart_profile_layout (canvas.cr, W, H, profile, &style, &layout));
  /* The axis holds the profile. */
  g_assert_cmpfloat (layout.min_elevation_m, <=, 100);
  g_assert_cmpfloat (layout.max_elevation_m, >=, 160);
  g_assert_cmpfloat (layout.first_m, ==, 0);
  g_assert_cmpfloat (layout.last_m, ==, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (distances); i++)
    {
      double elevation = 100 + 60 * (distances[i] <= 2500 ? distances[i] / 2500 : (5000 - distances[i]) / 2500);
      double x, y;

      loadwise_chart_profile_to_xy (&layout, distances[i], elevation, &x, &y);
      /* The line is drawn where the profile says ... */
      tops[i] = top_of_line (&canvas, (int) round (x), H);
      g_assert_cmpint (tops[i], >=, 0);
      g_assert_cmpint (abs (tops[i] - (int) round (y)), <=, 2);
      /* ... and nothing of it well above. */
      g_assert_false (is_line (pixel (&canvas, (int) round (x), (int) round (y) - 8)));
    }
  /* Higher is higher on screen: the summit at 2.5 km is the topmost. */
  g_assert_cmpint (tops[0], >, tops[1]);
  g_assert_cmpint (tops[1], >, tops[2]);
  g_assert_cmpint (tops[3], >, tops[2]);
  g_assert_cmpint (tops[4], >, tops[3]);
  g_assert_cmpint (abs (tops[0] - tops[4]), <=, 2);
}

static void
test_descent_band (void)
{
  g_auto (Canvas) canvas;
  g_autoptr (GArray) profile = hill_profile (5000, 100, 160);
  LoadwiseProfileDescent descent = { TRUE, 3000, 3400, 9.6 };
  LoadwiseChartStyle style;
  LoadwiseProfileLayout layout;
  double x_in, x_out, x_end, y;
  int y_top;

  test_style (&style);
  canvas_init (&canvas, W, H);
  loadwise_chart_draw_profile (canvas.cr, W, H, profile, &descent, &style, NULL);
  g_assert_true (loadwise_chart_profile_layout (canvas.cr, W, H, profile, &style, &layout));

  loadwise_chart_profile_to_xy (&layout, 3200, 0, &x_in, &y);
  loadwise_chart_profile_to_xy (&layout, 1000, 0, &x_out, &y);
  loadwise_chart_profile_to_xy (&layout, 3600, 0, &x_end, &y);
  /* Near the top of the plot, above the line, between grid lines. */
  y_top = (int) round (layout.plot.y + 4);
  g_assert_true (is_band (pixel (&canvas, (int) round (x_in), y_top)));
  g_assert_false (is_band (pixel (&canvas, (int) round (x_out), y_top)));
  g_assert_false (is_band (pixel (&canvas, (int) round (x_end), y_top)));
  /* The band spans the plot's height, under the ground too. */
  g_assert_true (is_band (pixel (&canvas, (int) round (x_in), (int) round (layout.plot.y + layout.plot.height - 4))));
  g_assert_false (is_band (pixel (&canvas, (int) round (x_out), (int) round (layout.plot.y + layout.plot.height - 4))));

  /* Without a descent found, no band. */
  descent.found = FALSE;
  cairo_set_source_rgb (canvas.cr, 1, 1, 1);
  cairo_paint (canvas.cr);
  loadwise_chart_draw_profile (canvas.cr, W, H, profile, &descent, &style, NULL);
  g_assert_false (is_band (pixel (&canvas, (int) round (x_in), y_top)));
}

/* Nothing at all is drawn, not even the background, for a profile
 * without two points over some distance. */
static void
test_empty_draws_nothing (void)
{
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  g_autoptr (GArray) no_distance = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  LoadwiseProfilePoint point = { 0, 120 };
  GArray *cases[] = { NULL, empty, one, no_distance };
  LoadwiseChartStyle style;

  g_array_append_val (one, point);
  g_array_append_val (no_distance, point);
  point.elevation_m = 130;
  g_array_append_val (no_distance, point);
  test_style (&style);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Canvas) canvas;
      LoadwiseProfileLayout layout;

      canvas_init (&canvas, W, H);
      cairo_set_source_rgb (canvas.cr, 1, 0, 1);
      cairo_paint (canvas.cr);
      loadwise_chart_draw_profile (canvas.cr, W, H, cases[i], NULL, &style, NULL);
      for (int y = 0; y < H; y += 3)
        for (int x = 0; x < W; x += 3)
          g_assert_cmphex (pixel (&canvas, x, y), ==, 0xff00ff);
      g_assert_false (loadwise_chart_profile_layout (canvas.cr, W, H, cases[i], &style, &layout));
    }
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* At the width the chart has in a 360 px window, and wider, no two labels
 * touch and each is inside the chart, whatever the run's length and hills. */
static void
test_labels_never_overlap (void)
{
  static const struct {
    double length_m, low_m, high_m;
  } runs[] = {
    { 5000, 100, 160 }, { 42195, 20, 1500 }, { 800, 300, 302 },
    { 160000, -20, 3800 }, { 12345, 1000, 1001 }, { 21097, 0, 95 },
  };
  static const int widths[] = { 300, 330, 480, 760 };
  LoadwiseChartStyle style;

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr (GArray) profile = hill_profile (runs[r].length_m, runs[r].low_m, runs[r].high_m);
        g_autoptr (GArray) labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
        g_auto (Canvas) canvas;
        guint n_distance = 0;
        int height = 150;

        canvas_init (&canvas, widths[w], height);
        loadwise_chart_draw_profile (canvas.cr, widths[w], height, profile, NULL, &style, labels);
        /* The units, at least two value labels and two distance labels. */
        g_assert_cmpuint (labels->len, >=, 6);
        for (guint i = 0; i < labels->len; i++)
          {
            const cairo_rectangle_t *a = &g_array_index (labels, cairo_rectangle_t, i);

            g_assert_cmpfloat (a->x, >=, 0);
            g_assert_cmpfloat (a->y, >=, 0);
            g_assert_cmpfloat (a->x + a->width, <=, widths[w]);
            g_assert_cmpfloat (a->y + a->height, <=, height);
            n_distance += a->y > height / 2.0 + 20;
            for (guint j = i + 1; j < labels->len; j++)
              if (overlap (a, &g_array_index (labels, cairo_rectangle_t, j)))
                g_error ("labels %u and %u overlap: %.0f km, %.0f-%.0f m at %d px", i, j,
                         runs[r].length_m / 1000, runs[r].low_m, runs[r].high_m, widths[w]);
          }
        g_assert_cmpuint (n_distance, >=, 3);
      }
}

/* A flat run stays flat: the axis spans at least 40 m (design). */
static void
test_flat_run_axis (void)
{
  g_auto (Canvas) canvas;
  g_autoptr (GArray) profile = hill_profile (8000, 200, 203);
  LoadwiseChartStyle style;
  LoadwiseProfileLayout layout;

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_DARK);
  canvas_init (&canvas, W, H);
  g_assert_true (loadwise_chart_profile_layout (canvas.cr, W, H, profile, &style, &layout));
  g_assert_cmpfloat (layout.max_elevation_m - layout.min_elevation_m, >=, LOADWISE_CHART_PROFILE_MIN_RANGE_M);
  g_assert_cmpfloat (layout.min_elevation_m, <=, 200);
  g_assert_cmpfloat (layout.max_elevation_m, >=, 203);
}

static void
test_describe (void)
{
  g_autoptr (GArray) profile = hill_profile (5000, 100, 160);
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  LoadwiseProfileDescent descent = { TRUE, 3210, 3610, 38.2 };
  LoadwiseProfileDescent none = { FALSE, 0, 0, 0 };
  LoadwiseProfileDescent short_one = { TRUE, 40, 80, 6 };
  g_autofree char *text = loadwise_chart_describe_profile (profile, &descent);
  g_autofree char *no_descent = loadwise_chart_describe_profile (profile, &none);
  g_autofree char *nothing = loadwise_chart_describe_profile (empty, &descent);
  g_autofree char *short_text = loadwise_chart_describe_profile (profile, &short_one);

  g_assert_cmpstr (text, ==, "Steepest descent: 38 m over 0.4 km, from km 3.2");
  g_assert_cmpstr (no_descent, ==, "No descent on this run");
  g_assert_cmpstr (nothing, ==, "No elevation was recorded on this run");
  /* Under 100 m, to ten metres rather than "0 km". */
  g_assert_cmpstr (short_text, ==, "Steepest descent: 6 m over 0.04 km, from km 0.04");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-profile/line-follows-elevation", test_line_follows_elevation);
  g_test_add_func ("/chart-profile/descent-band", test_descent_band);
  g_test_add_func ("/chart-profile/empty-draws-nothing", test_empty_draws_nothing);
  g_test_add_func ("/chart-profile/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart-profile/flat-run-axis", test_flat_run_axis);
  g_test_add_func ("/chart-profile/describe", test_describe);

  return g_test_run ();
}
