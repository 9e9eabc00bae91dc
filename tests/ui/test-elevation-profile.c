/* test-elevation-profile.c: the elevation profile widget (issue 14) under a
 * real display, rendered to pixels: the line where the profile says, the
 * steepest descent's band, nothing for an empty profile, the sentence for
 * screen readers, and the dark style
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <adwaita.h>

#include "ui-test-util.h"
#include "ui/loadwise-elevation-profile.h"

typedef struct {
  cairo_surface_t *surface;
  int              width;
  int              height;
} Pixels;

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->surface, cairo_surface_destroy);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pixels, pixels_clear)

/* What @widget draws, as GTK would show it, on a transparent image. */
static void
render (GtkWidget *widget,
        Pixels    *out)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  cairo_t *cr;

  out->width = gtk_widget_get_width (widget);
  out->height = gtk_widget_get_height (widget);
  g_assert_cmpint (out->width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, out->width, out->height);
  node = gtk_snapshot_free_to_node (snapshot);
  out->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, out->width, out->height);
  cr = cairo_create (out->surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (out->surface);
}

/* The pixel at (x, y), not premultiplied, each part 0-255. */
static void
pixel (Pixels *pixels,
       int     x,
       int     y,
       int    *r,
       int    *g,
       int    *b,
       int    *a)
{
  const guint8 *data = cairo_image_surface_get_data (pixels->surface);
  guint32 argb = *(const guint32 *) (data + y * cairo_image_surface_get_stride (pixels->surface) + x * 4);

  *a = argb >> 24;
  *r = *a > 0 ? (int) (((argb >> 16) & 0xff) * 255 / *a) : 0;
  *g = *a > 0 ? (int) (((argb >> 8) & 0xff) * 255 / *a) : 0;
  *b = *a > 0 ? (int) ((argb & 0xff) * 255 / *a) : 0;
}

/* Whether (x, y) is @color, drawn at least @min_alpha opaque. */
static gboolean
is_color (Pixels                   *pixels,
          int                       x,
          int                       y,
          const LoadwiseChartColor *color,
          int                       min_alpha,
          int                       max_alpha)
{
  int r, g, b, a;

  pixel (pixels, x, y, &r, &g, &b, &a);
  return a >= min_alpha && a <= max_alpha
         && abs (r - (int) lround (color->red * 255)) <= 12
         && abs (g - (int) lround (color->green * 255)) <= 12
         && abs (b - (int) lround (color->blue * 255)) <= 12;
}

static int
alpha_at (Pixels *pixels,
          int     x,
          int     y)
{
  int r, g, b, a;

  pixel (pixels, x, y, &r, &g, &b, &a);
  return a;
}

/* Flat at 100 m to 2 km, up gently to 160 m at 3 km, down steeply to
 * 100 m at 3.5 km, flat to 5 km; a point every 50 m. */
static double
elevation_at (double distance)
{
  if (distance <= 2000)
    return 100;
  if (distance <= 3000)
    return 100 + 60 * (distance - 2000) / 1000;
  if (distance <= 3500)
    return 160 - 60 * (distance - 3000) / 500;
  return 100;
}

static GArray *
make_profile (void)
{
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));

  for (guint i = 0; i <= 100; i++)
    {
      LoadwiseProfilePoint point = { i * 50.0, elevation_at (i * 50.0) };

      g_array_append_val (profile, point);
    }
  return profile;
}

typedef struct {
  GtkWidget                *window;
  LoadwiseElevationProfile *profile;
} Shown;

static Shown
show_profile (int width)
{
  Shown shown;
  g_autoptr (GArray) profile = make_profile ();

  shown.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (shown.window), width, 260);
  shown.profile = LOADWISE_ELEVATION_PROFILE (loadwise_elevation_profile_new ());
  loadwise_elevation_profile_set_profile (shown.profile, profile);
  gtk_window_set_child (GTK_WINDOW (shown.window), GTK_WIDGET (shown.profile));
  ui_test_show (shown.window);
  return shown;
}

/* The rows of column @x drawn in the line's colour, nearly opaque. */
static gboolean
line_rows (Pixels                   *pixels,
           int                       x,
           const LoadwiseChartColor *color,
           int                      *out_top,
           int                      *out_bottom)
{
  *out_top = -1;
  *out_bottom = -1;
  for (int y = 0; y < pixels->height; y++)
    if (is_color (pixels, x, y, color, 150, 255))
      {
        if (*out_top < 0)
          *out_top = y;
        *out_bottom = y;
      }
  return *out_top >= 0;
}

static void
assert_line_follows_profile (Shown *shown)
{
  g_auto (Pixels) pixels = { 0 };
  LoadwiseProfileLayout layout;
  LoadwiseChartStyle style;
  static const double distances[] = { 1000, 2500, 3000, 3250, 4500 };
  int tops[G_N_ELEMENTS (distances)];

  loadwise_elevation_profile_get_style (shown->profile, &style);
  render (GTK_WIDGET (shown->profile), &pixels);
  g_assert_true (loadwise_elevation_profile_get_layout (shown->profile, &layout));

  for (guint i = 0; i < G_N_ELEMENTS (distances); i++)
    {
      double x, y;
      int bottom;

      loadwise_chart_profile_to_xy (&layout, distances[i], elevation_at (distances[i]), &x, &y);
      g_assert_true (line_rows (&pixels, (int) floor (x), &style.elevation, &tops[i], &bottom));
      /* Where the profile says, give or take the line's width. */
      g_assert_cmpint (tops[i], <=, (int) ceil (y) + 1);
      g_assert_cmpint (bottom, >=, (int) floor (y) - 1);
      g_assert_cmpint (bottom - tops[i], <=, 6);
    }
  /* Higher elevation, higher on screen: the top at 3 km, the flats level. */
  g_assert_cmpint (tops[0], >, tops[1]);
  g_assert_cmpint (tops[1], >, tops[2]);
  g_assert_cmpint (tops[3], >, tops[2]);
  g_assert_cmpint (tops[4], >, tops[3]);
  g_assert_cmpint (abs (tops[0] - tops[4]), <=, 1);
}

static void
test_draws_profile (void)
{
  Shown shown = show_profile (360);
  const LoadwiseProfileDescent *descent = loadwise_elevation_profile_get_descent (shown.profile);
  g_auto (Pixels) pixels = { 0 };
  LoadwiseProfileLayout layout;
  LoadwiseChartStyle style;
  double x_in, x_before, x_after, y;
  int band_alpha, top;

  /* The steep stretch is the steepest descent. */
  g_assert_true (descent->found);
  g_assert_cmpfloat_with_epsilon (descent->start_m, 3000, 1);
  g_assert_cmpfloat_with_epsilon (descent->end_m, 3500, 1);
  g_assert_cmpfloat_with_epsilon (descent->drop_m, 60, 0.01);

  assert_line_follows_profile (&shown);

  /* The band over the descent, faint, the full height of the plot; none
   * before or after it at the same height. */
  loadwise_elevation_profile_get_style (shown.profile, &style);
  render (GTK_WIDGET (shown.profile), &pixels);
  g_assert_true (loadwise_elevation_profile_get_layout (shown.profile, &layout));
  loadwise_chart_profile_to_xy (&layout, 3250, 0, &x_in, &y);
  loadwise_chart_profile_to_xy (&layout, 1500, 0, &x_before, &y);
  loadwise_chart_profile_to_xy (&layout, 4200, 0, &x_after, &y);
  top = (int) ceil (layout.plot.y) + 4;
  band_alpha = (int) lround (style.descent.alpha * 255);
  g_assert_true (is_color (&pixels, (int) x_in, top, &style.descent, band_alpha - 6, band_alpha + 6));
  g_assert_cmpint (alpha_at (&pixels, (int) x_before, top), ==, 0);
  g_assert_cmpint (alpha_at (&pixels, (int) x_after, top), ==, 0);

  ui_test_destroy (shown.window);
}

static void
test_empty_draws_nothing (void)
{
  Shown shown = show_profile (360);
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  g_auto (Pixels) pixels = { 0 };
  LoadwiseProfileLayout layout;
  GtkWidget *caption = gtk_widget_get_last_child (GTK_WIDGET (shown.profile));
  double caption_x, caption_y;
  int plot_height;

  loadwise_elevation_profile_set_profile (shown.profile, empty);
  gtk_test_widget_wait_for_draw (shown.window);
  render (GTK_WIDGET (shown.profile), &pixels);
  g_assert_false (loadwise_elevation_profile_get_layout (shown.profile, &layout));
  g_assert_false (loadwise_elevation_profile_get_descent (shown.profile)->found);

  /* Above the caption, not one pixel. */
  g_assert_true (gtk_widget_translate_coordinates (caption, GTK_WIDGET (shown.profile), 0, 0,
                                                  &caption_x, &caption_y));
  plot_height = (int) caption_y;
  g_assert_cmpint (plot_height, >=, 140);
  for (int y = 0; y < plot_height; y++)
    for (int x = 0; x < pixels.width; x++)
      g_assert_cmpint (alpha_at (&pixels, x, y), ==, 0);
  g_assert_cmpstr (loadwise_elevation_profile_get_description (shown.profile), ==,
                   "No elevation was recorded on this run");

  ui_test_destroy (shown.window);
}

/* What the picture shows, in words: under it and for screen readers. */
static void
test_description (void)
{
  Shown shown = show_profile (360);
  const char *sentence = "Steepest descent: 60 m over 0.5 km, from km 3";
  GtkWidget *caption = gtk_widget_get_last_child (GTK_WIDGET (shown.profile));

  g_assert_cmpstr (loadwise_elevation_profile_get_description (shown.profile), ==, sentence);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (caption)), ==, sentence);
  g_assert_true (gtk_widget_get_mapped (caption));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (shown.profile), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (shown.profile), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Elevation profile");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (shown.profile), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       sentence);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (shown.profile)));

  ui_test_destroy (shown.window);
}

/* Dark: the dark style's colours, the line still where it belongs. */
static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Shown shown = show_profile (480);
  LoadwiseChartStyle light, dark;

  loadwise_elevation_profile_get_style (shown.profile, &light);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (shown.window);
  loadwise_elevation_profile_get_style (shown.profile, &dark);
  g_assert_cmpfloat (fabs (dark.elevation.blue - light.elevation.blue) + fabs (dark.elevation.red - light.elevation.red),
                     >, 0.1);
  assert_line_follows_profile (&shown);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  ui_test_destroy (shown.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/elevation-profile/skipped");
      return g_test_run ();
    }

  g_test_add_func ("/elevation-profile/draws-profile", test_draws_profile);
  g_test_add_func ("/elevation-profile/empty-draws-nothing", test_empty_draws_nothing);
  g_test_add_func ("/elevation-profile/description", test_description);
  g_test_add_func ("/elevation-profile/dark", test_dark);

  return g_test_run ();
}
