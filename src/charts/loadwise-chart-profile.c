/* loadwise-chart-profile.c: a recorded run's elevation profile
 *
 * The value axis (m) on the left with its grid, the distance axis (km)
 * below; "m" above the value labels, "km" left of the distance labels.
 * Tick steps are 1, 2 or 5 times a power of ten, the smallest whose
 * labels keep a gap between them at the chart's size.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart-profile.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "core/loadwise-run.h"

static double
font_px (const LoadwiseChartStyle *style)
{
  return style->font_size / 0.75;
}

static void
source (cairo_t                  *cr,
        const LoadwiseChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The smallest of 1, 2, 5 x 10^k that is at least @value. */
static double
nice_step (double value)
{
  double magnitude;

  if (!(value > 0))
    return 1;
  magnitude = pow (10, floor (log10 (value)));
  for (guint i = 0; i < 4; i++)
    {
      static const double factors[] = { 1, 2, 5, 10 };
      double step = factors[i] * magnitude;

      if (step >= value * (1 - 1e-9))
        return step;
    }
  return 10 * magnitude;
}

/* The next larger nice step after @step. */
static double
next_step (double step)
{
  return nice_step (step * 1.5);
}

static PangoLayout *
new_layout (cairo_t                  *cr,
            const LoadwiseChartStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, font_px (style) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           double      *out_width,
           double      *out_height)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}

static int
km_decimals (double step_m)
{
  if (step_m >= 1000 - 1e-6)
    return 0;
  return step_m >= 100 - 1e-6 ? 1 : 2;
}

static void
format_km (char   *buffer,
           gsize   size,
           double  distance_m,
           int     decimals)
{
  g_snprintf (buffer, size, "%.*f", decimals, distance_m / 1000);
}

static double
widest_elevation_label (PangoLayout *layout,
                        double       min,
                        double       max,
                        double       step)
{
  double widest = 0;

  for (double v = min; v <= max + step / 1000; v += step)
    {
      char label[32];
      double w;

      g_snprintf (label, sizeof label, "%.0f", v);
      text_size (layout, label, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static gboolean
profile_extent (const GArray *profile,
                double       *out_first,
                double       *out_last,
                double       *out_min,
                double       *out_max)
{
  guint n = 0;

  *out_min = INFINITY;
  *out_max = -INFINITY;
  *out_first = INFINITY;
  *out_last = -INFINITY;
  for (guint i = 0; profile != NULL && i < profile->len; i++)
    {
      const LoadwiseProfilePoint *point = &g_array_index (profile, LoadwiseProfilePoint, i);

      if (!isfinite (point->distance_m) || !isfinite (point->elevation_m))
        continue;
      *out_first = MIN (*out_first, point->distance_m);
      *out_last = MAX (*out_last, point->distance_m);
      *out_min = MIN (*out_min, point->elevation_m);
      *out_max = MAX (*out_max, point->elevation_m);
      n++;
    }
  return n >= 2 && *out_last > *out_first;
}

/* The elevation axis: at least the minimum range around the profile, a
 * grid line at least two lines of text apart. */
static void
layout_elevation (LoadwiseProfileLayout *layout,
                  double                 min,
                  double                 max,
                  double                 plot_height,
                  double                 px)
{
  double range = MAX (max - min, LOADWISE_CHART_PROFILE_MIN_RANGE_M);
  double low = (min + max) / 2 - range / 2;
  double high = low + range;
  double intervals = MAX (1.0, floor (plot_height / (px * 2.0)));
  double step = nice_step (range / intervals);

  while ((ceil (high / step) - floor (low / step)) > intervals)
    step = next_step (step);
  layout->elevation_step_m = step;
  layout->min_elevation_m = floor (low / step) * step;
  layout->max_elevation_m = MAX (ceil (high / step) * step, layout->min_elevation_m + step);
}

/* The distance axis: the smallest step whose widest label, and a gap of
 * about two characters, fits between two ticks. */
static double
layout_distance_step (PangoLayout *pango,
                      double       first,
                      double       last,
                      double       plot_width,
                      double       px)
{
  double step = nice_step ((last - first) / MAX (1.0, plot_width / px));

  for (guint guard = 0; guard < 64; guard++, step = next_step (step))
    {
      char label[32];
      double widest;

      format_km (label, sizeof label, floor (last / step) * step, km_decimals (step));
      text_size (pango, label, &widest, NULL);
      if (plot_width * step / (last - first) >= widest + px * 2)
        return step;
    }
  return last - first;
}

gboolean
loadwise_chart_profile_layout (cairo_t                  *cr,
                               double                    width,
                               double                    height,
                               const GArray             *profile,
                               const LoadwiseChartStyle *style,
                               LoadwiseProfileLayout    *out_layout)
{
  g_autoptr (PangoLayout) pango = NULL;
  double first, last, min, max, px, line_h, top, bottom, left, right;
  double unit_w, first_w, last_w;
  char label[32];

  g_return_val_if_fail (cr != NULL && style != NULL && out_layout != NULL, FALSE);

  memset (out_layout, 0, sizeof *out_layout);
  if (!profile_extent (profile, &first, &last, &min, &max) || width < 1 || height < 1)
    return FALSE;

  pango = new_layout (cr, style);
  px = font_px (style);
  text_size (pango, "0", NULL, &line_h);
  /* The unit above the top label, which sits half a line above the plot. */
  top = ceil (line_h * 1.6);
  /* The distance labels below the bottom value label. */
  bottom = ceil (line_h * 1.9);
  out_layout->first_m = first;
  out_layout->last_m = last;
  layout_elevation (out_layout, min, max, MAX (1.0, height - top - bottom), px);

  /* Left: the widest value label, and room for "km" before the first
   * distance label, which is centred on the plot's left edge; that label
   * depends on the step, which depends on the width left: settle both. */
  text_size (pango, _("km"), &unit_w, NULL);
  left = ceil (widest_elevation_label (pango, out_layout->min_elevation_m, out_layout->max_elevation_m,
                                       out_layout->elevation_step_m) + px * 0.6);
  right = ceil (px * 1.5);
  for (guint round_ = 0; round_ < 4; round_++)
    {
      double before = left + right;
      double step = layout_distance_step (pango, first, last, MAX (1.0, width - left - right), px);
      int decimals = km_decimals (step);

      out_layout->distance_step_m = step;
      format_km (label, sizeof label, ceil (first / step) * step, decimals);
      text_size (pango, label, &first_w, NULL);
      left = ceil (MAX (left, px * 0.3 + unit_w + px * 0.6 + first_w / 2));
      /* Right: half of the last label, centred on its tick. */
      format_km (label, sizeof label, floor (last / step) * step, decimals);
      text_size (pango, label, &last_w, NULL);
      right = ceil (MAX (right, last_w / 2 + 2));
      if (left + right == before)
        break;
    }

  out_layout->plot.x = left;
  out_layout->plot.y = top;
  out_layout->plot.width = MAX (1.0, width - left - right);
  out_layout->plot.height = MAX (1.0, height - top - bottom);
  return TRUE;
}

void
loadwise_chart_profile_to_xy (const LoadwiseProfileLayout *layout,
                              double                       distance_m,
                              double                       elevation_m,
                              double                      *out_x,
                              double                      *out_y)
{
  const LoadwiseChartRect *plot = &layout->plot;

  *out_x = plot->x + (distance_m - layout->first_m) / (layout->last_m - layout->first_m) * plot->width;
  *out_y = loadwise_chart_value_to_y (plot, layout->min_elevation_m, layout->max_elevation_m, elevation_m);
}

typedef struct {
  cairo_t                  *cr;
  PangoLayout              *pango;
  const LoadwiseChartStyle *style;
  GArray                   *labels;
} Painter;

/* Draws @text with its box aligned on (x, y) by @xalign/@yalign. */
static void
paint_text (Painter    *painter,
            const char *text,
            double      x,
            double      y,
            double      xalign,
            double      yalign)
{
  double w, h;
  cairo_rectangle_t box;

  text_size (painter->pango, text, &w, &h);
  box.x = round (x - w * xalign);
  box.y = round (y - h * yalign);
  box.width = w;
  box.height = h;
  source (painter->cr, &painter->style->text);
  cairo_move_to (painter->cr, box.x, box.y);
  pango_cairo_show_layout (painter->cr, painter->pango);
  if (painter->labels != NULL)
    g_array_append_val (painter->labels, box);
}

static void
paint_elevation_axis (Painter                     *painter,
                      const LoadwiseProfileLayout *layout)
{
  const LoadwiseChartRect *plot = &layout->plot;
  double px = font_px (painter->style);
  double step = layout->elevation_step_m;

  cairo_set_line_width (painter->cr, 1.0);
  for (double v = layout->min_elevation_m; v <= layout->max_elevation_m + step / 1000; v += step)
    {
      double y = round (loadwise_chart_value_to_y (plot, layout->min_elevation_m,
                                                   layout->max_elevation_m, v)) + 0.5;
      char label[32];

      source (painter->cr, &painter->style->grid);
      cairo_move_to (painter->cr, plot->x, y);
      cairo_line_to (painter->cr, plot->x + plot->width, y);
      cairo_stroke (painter->cr);
      g_snprintf (label, sizeof label, "%.0f", v);
      paint_text (painter, label, plot->x - px * 0.4, y, 1, 0.5);
    }
  /* Translators: the unit of the elevation axis, metres. */
  paint_text (painter, _("m"), px * 0.3, 0, 0, 0);
}

static void
paint_distance_axis (Painter                     *painter,
                     const LoadwiseProfileLayout *layout)
{
  const LoadwiseChartRect *plot = &layout->plot;
  double px = font_px (painter->style);
  double step = layout->distance_step_m;
  double bottom = plot->y + plot->height;
  double label_y = bottom + px * 0.9;
  int decimals = km_decimals (step);

  source (painter->cr, &painter->style->axis);
  cairo_set_line_width (painter->cr, 1.0);
  cairo_move_to (painter->cr, plot->x, round (bottom) + 0.5);
  cairo_line_to (painter->cr, plot->x + plot->width, round (bottom) + 0.5);
  cairo_stroke (painter->cr);

  for (double d = ceil (layout->first_m / step) * step; d <= layout->last_m + step / 1000; d += step)
    {
      double x, y;
      char label[32];

      loadwise_chart_profile_to_xy (layout, d, layout->min_elevation_m, &x, &y);
      source (painter->cr, &painter->style->axis);
      cairo_move_to (painter->cr, round (x) + 0.5, round (bottom));
      cairo_line_to (painter->cr, round (x) + 0.5, round (bottom) + px * 0.4);
      cairo_stroke (painter->cr);
      format_km (label, sizeof label, d, decimals);
      paint_text (painter, label, x, label_y, 0.5, 0);
    }
  /* Translators: the unit of the distance axis, kilometres. */
  paint_text (painter, _("km"), px * 0.3, label_y, 0, 0);
}

static void
paint_descent (Painter                      *painter,
               const LoadwiseProfileLayout  *layout,
               const LoadwiseProfileDescent *descent)
{
  const LoadwiseChartRect *plot = &layout->plot;
  LoadwiseChartColor edge = painter->style->descent;
  double x0, x1, y;

  if (descent == NULL || !descent->found || !(descent->end_m > descent->start_m))
    return;
  loadwise_chart_profile_to_xy (layout, descent->start_m, 0, &x0, &y);
  loadwise_chart_profile_to_xy (layout, descent->end_m, 0, &x1, &y);
  source (painter->cr, &painter->style->descent);
  cairo_rectangle (painter->cr, x0, plot->y, MAX (1.0, x1 - x0), plot->height);
  cairo_fill (painter->cr);

  /* Its edges stronger, so a narrow band still shows. */
  edge.alpha = MIN (1.0, edge.alpha * 3);
  source (painter->cr, &edge);
  cairo_set_line_width (painter->cr, 1.0);
  cairo_move_to (painter->cr, round (x0) + 0.5, plot->y);
  cairo_line_to (painter->cr, round (x0) + 0.5, plot->y + plot->height);
  cairo_move_to (painter->cr, round (x1) - 0.5, plot->y);
  cairo_line_to (painter->cr, round (x1) - 0.5, plot->y + plot->height);
  cairo_stroke (painter->cr);
}

static void
add_profile_path (cairo_t                     *cr,
                  const LoadwiseProfileLayout *layout,
                  const GArray                *profile)
{
  gboolean started = FALSE;

  for (guint i = 0; i < profile->len; i++)
    {
      const LoadwiseProfilePoint *point = &g_array_index (profile, LoadwiseProfilePoint, i);
      double x, y;

      if (!isfinite (point->distance_m) || !isfinite (point->elevation_m))
        continue;
      loadwise_chart_profile_to_xy (layout, point->distance_m, point->elevation_m, &x, &y);
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
}

static void
paint_profile (Painter                     *painter,
               const LoadwiseProfileLayout *layout,
               const GArray                *profile)
{
  cairo_t *cr = painter->cr;
  const LoadwiseChartRect *plot = &layout->plot;
  LoadwiseChartColor fill = painter->style->elevation;
  double x_end, y;

  /* The ground under the line, faint; then the line. */
  add_profile_path (cr, layout, profile);
  loadwise_chart_profile_to_xy (layout, layout->last_m, 0, &x_end, &y);
  cairo_line_to (cr, x_end, plot->y + plot->height);
  cairo_line_to (cr, plot->x, plot->y + plot->height);
  cairo_close_path (cr);
  fill.alpha *= 0.18;
  source (cr, &fill);
  cairo_fill (cr);

  add_profile_path (cr, layout, profile);
  source (cr, &painter->style->elevation);
  cairo_set_line_width (cr, painter->style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

void
loadwise_chart_draw_profile (cairo_t                      *cr,
                             double                        width,
                             double                        height,
                             const GArray                 *profile,
                             const LoadwiseProfileDescent *descent,
                             const LoadwiseChartStyle     *style,
                             GArray                       *out_labels)
{
  g_autoptr (PangoLayout) pango = NULL;
  LoadwiseProfileLayout layout;
  Painter painter;

  g_return_if_fail (cr != NULL && style != NULL);

  if (!loadwise_chart_profile_layout (cr, width, height, profile, style, &layout))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      source (cr, &style->background);
      cairo_paint (cr);
    }

  pango = new_layout (cr, style);
  painter.cr = cr;
  painter.pango = pango;
  painter.style = style;
  painter.labels = out_labels;

  paint_elevation_axis (&painter, &layout);
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.plot.y, layout.plot.width, layout.plot.height);
  cairo_clip (cr);
  paint_descent (&painter, &layout, descent);
  paint_profile (&painter, &layout, profile);
  cairo_restore (cr);
  paint_distance_axis (&painter, &layout);

  cairo_restore (cr);
}

/* Kilometres to the hundred metres, as people say them ("0.4", "3.2");
 * to ten metres when that would say 0. */
static char *
km_text (double metres)
{
  double rounded = round (metres / 100) * 100;

  if (rounded <= 0)
    rounded = round (metres / 10) * 10;
  return loadwise_format_km ((guint) MAX (0.0, rounded));
}

char *
loadwise_chart_describe_profile (const GArray                 *profile,
                                 const LoadwiseProfileDescent *descent)
{
  g_autofree char *length = NULL;
  g_autofree char *start = NULL;
  double first, last, min, max;

  if (!profile_extent (profile, &first, &last, &min, &max))
    return g_strdup (_("No elevation was recorded on this run"));
  if (descent == NULL || !descent->found || !(descent->drop_m > 0))
    return g_strdup (_("No descent on this run"));

  length = km_text (descent->end_m - descent->start_m);
  start = km_text (descent->start_m);
  /* Translators: the steepest stretch downhill of a run, e.g. "Steepest
   * descent: 38 m over 0.4 km, from km 3.2". */
  return g_strdup_printf (_("Steepest descent: %.0f m over %s km, from km %s"),
                          round (descent->drop_m), length, start);
}
