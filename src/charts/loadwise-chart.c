/* loadwise-chart.c: the chart drawing routines
 *
 * Every routine lays out the same way (loadwise_chart_get_plot_area): the
 * legend in a band at the top, the value axis on the left, dates below.
 * Data are clipped to the plot area and aggregated per pixel column, so
 * that the cost of a draw follows the width, not the history.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

/* Style */

static void
set_color (LoadwiseChartColor *color,
           guint32             rgb,
           double              alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

void
loadwise_chart_style_init (LoadwiseChartStyle *style,
                           LoadwiseChartTheme  theme)
{
  gboolean dark = theme == LOADWISE_CHART_THEME_DARK
                  || theme == LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK;
  gboolean contrast = theme == LOADWISE_CHART_THEME_HIGH_CONTRAST
                      || theme == LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK;

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->font_family = "Sans";
  style->font_size = 9.0;
  style->line_width = contrast ? 3.0 : 2.0;

  /* The GNOME palette (blue 3, orange 3, green 4, purple 3, red 3...), in
   * its lighter steps on the dark background. */
  if (!dark)
    {
      set_color (&style->background, 0xffffff, 1.0);
      set_color (&style->text, contrast ? 0x000000 : 0x3d3846, 1.0);
      set_color (&style->grid, contrast ? 0x9a9996 : 0xdeddda, 1.0);
      set_color (&style->axis, contrast ? 0x000000 : 0x77767b, 1.0);
      set_color (&style->morning, contrast ? 0x1a5fb4 : 0x3584e4, 1.0);
      set_color (&style->session, contrast ? 0xa51d2d : 0xe66100, 1.0);
      set_color (&style->run, contrast ? 0x613583 : 0x9141ac, 1.0);
      set_color (&style->distance, contrast ? 0x5e5c64 : 0x99c1f1, 1.0);
      set_color (&style->baseline, contrast ? 0x000000 : 0x5e5c64, 1.0);
      set_color (&style->band, 0x33d17a, contrast ? 0.35 : 0.18);
      set_color (&style->flare, 0xe01b24, contrast ? 0.25 : 0.12);
      set_color (&style->done, contrast ? 0x26a269 : 0x33d17a, 1.0);
      set_color (&style->skipped, contrast ? 0x000000 : 0x9a9996, 1.0);
      set_color (&style->target, contrast ? 0x000000 : 0x5e5c64, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_BRIDGE], contrast ? 0x1a5fb4 : 0x3584e4, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_SINGLE_LEG], contrast ? 0xa51d2d : 0xe66100, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_LATERAL], contrast ? 0x26a269 : 0x2ec27e, 1.0);
      set_color (&style->left, contrast ? 0x1a5fb4 : 0x3584e4, 1.0);
      set_color (&style->right, contrast ? 0xa51d2d : 0xe66100, 1.0);
      set_color (&style->spike, contrast ? 0xa51d2d : 0xe01b24, 1.0);
      set_color (&style->elevation, contrast ? 0x1a5fb4 : 0x1c71d8, 1.0);
      set_color (&style->descent, 0xe66100, contrast ? 0.35 : 0.2);
    }
  else
    {
      set_color (&style->background, contrast ? 0x000000 : 0x242424, 1.0);
      set_color (&style->text, contrast ? 0xffffff : 0xdeddda, 1.0);
      set_color (&style->grid, contrast ? 0x77767b : 0x3d3846, 1.0);
      set_color (&style->axis, contrast ? 0xffffff : 0x9a9996, 1.0);
      set_color (&style->morning, contrast ? 0x99c1f1 : 0x62a0ea, 1.0);
      set_color (&style->session, contrast ? 0xffbe6f : 0xffa348, 1.0);
      set_color (&style->run, contrast ? 0xdc8add : 0xc061cb, 1.0);
      set_color (&style->distance, contrast ? 0x9a9996 : 0x1c71d8, 1.0);
      set_color (&style->baseline, contrast ? 0xffffff : 0xc0bfbc, 1.0);
      set_color (&style->band, 0x57e389, contrast ? 0.35 : 0.18);
      set_color (&style->flare, 0xf66151, contrast ? 0.35 : 0.2);
      set_color (&style->done, contrast ? 0x8ff0a4 : 0x2ec27e, 1.0);
      set_color (&style->skipped, contrast ? 0xffffff : 0x9a9996, 1.0);
      set_color (&style->target, contrast ? 0xffffff : 0xc0bfbc, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_BRIDGE], contrast ? 0x99c1f1 : 0x62a0ea, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_SINGLE_LEG], contrast ? 0xffbe6f : 0xffa348, 1.0);
      set_color (&style->family[LOADWISE_FAMILY_LATERAL], contrast ? 0x8ff0a4 : 0x57e389, 1.0);
      set_color (&style->left, contrast ? 0x99c1f1 : 0x62a0ea, 1.0);
      set_color (&style->right, contrast ? 0xffbe6f : 0xffa348, 1.0);
      set_color (&style->spike, contrast ? 0xff7b63 : 0xf66151, 1.0);
      set_color (&style->elevation, contrast ? 0x99c1f1 : 0x62a0ea, 1.0);
      set_color (&style->descent, 0xffa348, contrast ? 0.4 : 0.24);
    }
}

char *
loadwise_chart_squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
      g_string_append_c (out, *p);
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Layout */

static double
font_px (const LoadwiseChartStyle *style)
{
  return style->font_size / 0.75;
}

void
loadwise_chart_get_plot_area (double                    width,
                              double                    height,
                              const LoadwiseChartStyle *style,
                              LoadwiseChartRect        *out_plot)
{
  double px = font_px (style);
  /* A narrow chart puts its legend on two rows. */
  double legend_rows = width < 560 ? 2.0 : 1.0;
  double left = ceil (px * 3.6);
  double right = ceil (px * 2.4);
  double top = ceil (px * 1.6 * legend_rows + px * 1.0);
  double bottom = ceil (px * 2.0);

  out_plot->x = left;
  out_plot->y = top;
  out_plot->width = MAX (1.0, width - left - right);
  out_plot->height = MAX (1.0, height - top - bottom);
}

double
loadwise_chart_value_to_y (const LoadwiseChartRect *plot,
                           double                   min,
                           double                   max,
                           double                   value)
{
  return plot->y + plot->height - (value - min) / (max - min) * plot->height;
}

double
loadwise_chart_day_to_x (const LoadwiseChartRect *plot,
                         guint32                  first_day,
                         guint32                  last_day,
                         guint32                  day)
{
  double n_days = (double) last_day - first_day + 1;

  return plot->x + ((double) day - first_day + 0.5) * plot->width / n_days;
}

/* The left edge of @day's slot. */
static double
day_left (const LoadwiseChartRect *plot,
          guint32                  first_day,
          guint32                  last_day,
          double                   day)
{
  double n_days = (double) last_day - first_day + 1;

  return plot->x + (day - first_day) * plot->width / n_days;
}

guint32
loadwise_chart_x_to_day (const LoadwiseChartRect *plot,
                         guint32                  first_day,
                         guint32                  last_day,
                         double                   x)
{
  double n_days = (double) last_day - first_day + 1;
  double offset = floor ((x - plot->x) / plot->width * n_days);

  offset = CLAMP (offset, 0, n_days - 1);
  return first_day + (guint32) offset;
}

static guint
n_columns_for (const LoadwiseChartRect *plot,
               guint32                  first_day,
               guint32                  last_day)
{
  guint n_days = last_day - first_day + 1;
  guint n_pixels = MAX (1u, (guint) floor (plot->width));

  return MIN (n_days, n_pixels);
}

/* Drawing helpers */

typedef struct {
  cairo_t                  *cr;
  const LoadwiseChartStyle *style;
  PangoLayout              *layout;
  LoadwiseChartRect         plot;
  double                    width;
  double                    height;
  double                    legend_x;
  double                    legend_y;
  guint32                   first_day;
  guint32                   last_day;
} Canvas;

static void
source (cairo_t                  *cr,
        const LoadwiseChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
canvas_begin (Canvas                   *canvas,
              cairo_t                  *cr,
              double                    width,
              double                    height,
              guint32                   first_day,
              guint32                   last_day,
              const LoadwiseChartStyle *style)
{
  PangoFontDescription *font;

  memset (canvas, 0, sizeof *canvas);
  canvas->cr = cr;
  canvas->style = style;
  canvas->width = width;
  canvas->height = height;
  canvas->first_day = first_day;
  canvas->last_day = MAX (first_day, last_day);
  loadwise_chart_get_plot_area (width, height, style, &canvas->plot);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      source (cr, &style->background);
      cairo_paint (cr);
    }

  canvas->layout = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, font_px (style) * PANGO_SCALE);
  pango_layout_set_font_description (canvas->layout, font);
  pango_font_description_free (font);

  canvas->legend_x = 0;
  canvas->legend_y = ceil (font_px (style) * 0.3);
}

static void
canvas_end (Canvas *canvas)
{
  g_clear_object (&canvas->layout);
  cairo_restore (canvas->cr);
}

/* Draws @text with its box aligned on (x, y) by @xalign/@yalign (0 left
 * or top, 1 right or bottom); returns the text's width. */
static double
canvas_text (Canvas                   *canvas,
             const char               *text,
             double                    x,
             double                    y,
             double                    xalign,
             double                    yalign,
             const LoadwiseChartColor *color)
{
  int w, h;

  pango_layout_set_text (canvas->layout, text, -1);
  pango_layout_get_pixel_size (canvas->layout, &w, &h);
  source (canvas->cr, color);
  cairo_move_to (canvas->cr, round (x - w * xalign), round (y - h * yalign));
  pango_cairo_show_layout (canvas->cr, canvas->layout);
  return w;
}

static double
text_width (Canvas     *canvas,
            const char *text)
{
  int w;

  pango_layout_set_text (canvas->layout, text, -1);
  pango_layout_get_pixel_size (canvas->layout, &w, NULL);
  return w;
}

/* The axis's unit at the top left; the legend follows it. */
static void
draw_unit (Canvas     *canvas,
           const char *unit)
{
  double px = font_px (canvas->style);
  double x = ceil (px * 0.3);
  double w = canvas_text (canvas, unit, x, canvas->legend_y + px * 0.65, 0, 0.5,
                          &canvas->style->text);

  canvas->legend_x = ceil (MAX (canvas->plot.x, x + w + px * 1.5));
}

typedef enum {
  MARK_LINE,
  MARK_DASH,
  MARK_DOT,
  MARK_SQUARE,
  MARK_DIAMOND,
  MARK_BOX,
  MARK_UP,
  MARK_DOWN,
} Mark;

/* Adds the mark's shape to the path, so that many marks fill at once. */
static void
add_mark (cairo_t *cr,
           Mark     mark,
           double   x,
           double   y,
           double   r)
{
  switch (mark)
    {
    case MARK_DOT:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case MARK_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARK_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case MARK_UP:
      cairo_move_to (cr, x, y - r * 1.4);
      cairo_line_to (cr, x + r * 1.3, y + r);
      cairo_line_to (cr, x - r * 1.3, y + r);
      cairo_close_path (cr);
      break;
    case MARK_DOWN:
      cairo_move_to (cr, x, y + r * 1.4);
      cairo_line_to (cr, x + r * 1.3, y - r);
      cairo_line_to (cr, x - r * 1.3, y - r);
      cairo_close_path (cr);
      break;
    case MARK_LINE:
    case MARK_DASH:
    case MARK_BOX:
    default:
      break;
    }
}

static void
draw_mark (cairo_t *cr,
           Mark     mark,
           double   x,
           double   y,
           double   r)
{
  add_mark (cr, mark, x, y, r);
  cairo_fill (cr);
}

/* One legend entry: a swatch and its label, left to right, wrapping to
 * the second row of a narrow chart. */
static void
legend_item (Canvas                   *canvas,
             Mark                      mark,
             const LoadwiseChartColor *color,
             const char               *label)
{
  cairo_t *cr = canvas->cr;
  double px = font_px (canvas->style);
  double swatch = px * 1.6;
  double needed = swatch + px * 0.4 + text_width (canvas, label) + px * 1.0;
  double cy;

  if (canvas->legend_x + needed > canvas->width && canvas->legend_x > 0)
    {
      canvas->legend_x = 0;
      canvas->legend_y += px * 1.6;
    }
  cy = canvas->legend_y + px * 0.65;

  cairo_save (cr);
  source (cr, color);
  switch (mark)
    {
    case MARK_LINE:
    case MARK_DASH:
      cairo_set_line_width (cr, canvas->style->line_width);
      if (mark == MARK_DASH)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, canvas->legend_x + 1, cy);
      cairo_line_to (cr, canvas->legend_x + swatch - 1, cy);
      cairo_stroke (cr);
      break;
    case MARK_BOX:
      cairo_rectangle (cr, canvas->legend_x + 2, cy - px * 0.45, swatch - 4, px * 0.9);
      cairo_fill (cr);
      break;
    case MARK_DOT:
    case MARK_SQUARE:
    case MARK_DIAMOND:
    case MARK_UP:
    case MARK_DOWN:
    default:
      draw_mark (cr, mark, canvas->legend_x + swatch / 2, cy, px * 0.3);
      break;
    }
  cairo_restore (cr);

  canvas_text (canvas, label, canvas->legend_x + swatch + px * 0.4, cy, 0, 0.5,
               &canvas->style->text);
  canvas->legend_x += needed;
}

static void draw_value_labels (Canvas *canvas, double min, double max, double first, double last,
                               double step, int decimals, gboolean right, gboolean grid);

static void
draw_value_axis (Canvas     *canvas,
                 double      min,
                 double      max,
                 double      step,
                 int         decimals,
                 gboolean    right,
                 gboolean    grid)
{
  draw_value_labels (canvas, min, max, min, max, step, decimals, right, grid);
}

/* A narrow chart's legend may need more rows than the plot area left for
 * it: then the plot starts lower. */
static void
legend_finish (Canvas *canvas)
{
  double px = font_px (canvas->style);
  double needed = ceil (canvas->legend_y - ceil (px * 0.3) + px * 1.6 + px * 1.0);
  double bottom = canvas->plot.y + canvas->plot.height;

  if (needed > canvas->plot.y)
    {
      canvas->plot.y = needed;
      canvas->plot.height = MAX (1.0, bottom - needed);
    }
}

/* Horizontal grid lines with their labels on the left (or right) edge,
 * from @first to @last on an axis that runs from @min to @max. */
static void
draw_value_labels (Canvas     *canvas,
                   double      min,
                   double      max,
                   double      first,
                   double      last,
                   double      step,
                   int         decimals,
                   gboolean    right,
                   gboolean    grid)
{
  cairo_t *cr = canvas->cr;
  const LoadwiseChartRect *plot = &canvas->plot;
  double px = font_px (canvas->style);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (double v = first; v <= last + step / 1000; v += step)
    {
      double y = round (loadwise_chart_value_to_y (plot, min, max, v)) + 0.5;
      char label[32];

      if (grid)
        {
          source (cr, &canvas->style->grid);
          cairo_move_to (cr, plot->x, y);
          cairo_line_to (cr, plot->x + plot->width, y);
          cairo_stroke (cr);
        }
      g_snprintf (label, sizeof label, "%.*f", decimals, v);
      if (right)
        canvas_text (canvas, label, plot->x + plot->width + px * 0.4, y, 0, 0.5,
                     &canvas->style->text);
      else
        canvas_text (canvas, label, plot->x - px * 0.4, y, 1, 0.5, &canvas->style->text);
    }
  cairo_restore (cr);
}

typedef enum {
  TICK_WEEK,
  TICK_MONTH,
  TICK_QUARTER,
  TICK_YEAR,
  TICK_TWO_YEARS,
  TICK_FIVE_YEARS,
} TickStep;

static gboolean
is_tick (const GDate *date,
         TickStep     step)
{
  switch (step)
    {
    case TICK_WEEK:
      return g_date_get_weekday (date) == G_DATE_MONDAY;
    case TICK_MONTH:
      return g_date_get_day (date) == 1;
    case TICK_QUARTER:
      return g_date_get_day (date) == 1 && (g_date_get_month (date) - 1) % 3 == 0;
    case TICK_YEAR:
      return g_date_get_day_of_year (date) == 1;
    case TICK_TWO_YEARS:
      return g_date_get_day_of_year (date) == 1 && g_date_get_year (date) % 2 == 0;
    case TICK_FIVE_YEARS:
    default:
      return g_date_get_day_of_year (date) == 1 && g_date_get_year (date) % 5 == 0;
    }
}

static void
format_tick (const GDate *date,
             TickStep     step,
             gboolean     first,
             char        *buffer,
             gsize        size)
{
  const char *format;

  switch (step)
    {
    case TICK_WEEK:
      /* Translators: a date on a chart's axis, strftime format: "23 Nov" */
      format = first ? _("%e %b %Y") : _("%e %b");
      break;
    case TICK_MONTH:
      format = (first || g_date_get_month (date) == G_DATE_JANUARY) ? _("%b %Y") : _("%b");
      break;
    case TICK_QUARTER:
      format = _("%b %Y");
      break;
    case TICK_YEAR:
    case TICK_TWO_YEARS:
    case TICK_FIVE_YEARS:
    default:
      format = "%Y";
      break;
    }
  if (g_date_strftime (buffer, size, format, date) == 0)
    buffer[0] = '\0';
  else
    {
      g_autofree char *squeezed = loadwise_chart_squeeze_spaces (buffer);

      g_strlcpy (buffer, squeezed, size);
    }
}

/* Date ticks along the bottom, as dense as the labels allow. */
static void
draw_date_axis (Canvas *canvas)
{
  cairo_t *cr = canvas->cr;
  const LoadwiseChartRect *plot = &canvas->plot;
  double px = font_px (canvas->style);
  guint n_days = canvas->last_day - canvas->first_day + 1;
  double day_px = plot->width / n_days;
  TickStep step;
  double last_right = -G_MAXDOUBLE;
  gboolean first = TRUE;
  GDate date;

  /* Each label needs about 5 characters of room. */
  if (day_px * 7 >= px * 5)
    step = TICK_WEEK;
  else if (day_px * 30 >= px * 3.5)
    step = TICK_MONTH;
  else if (day_px * 91 >= px * 5.5)
    step = TICK_QUARTER;
  else if (day_px * 365 >= px * 3)
    step = TICK_YEAR;
  else if (day_px * 730 >= px * 3)
    step = TICK_TWO_YEARS;
  else
    step = TICK_FIVE_YEARS;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  source (cr, &canvas->style->axis);
  cairo_move_to (cr, plot->x, round (plot->y + plot->height) + 0.5);
  cairo_line_to (cr, plot->x + plot->width, round (plot->y + plot->height) + 0.5);
  cairo_stroke (cr);

  g_date_clear (&date, 1);
  for (guint32 day = canvas->first_day; day <= canvas->last_day; day++)
    {
      char label[64];
      double x, w;

      g_date_set_julian (&date, day);
      if (!is_tick (&date, step))
        continue;
      x = round (day_left (plot, canvas->first_day, canvas->last_day, day)) + 0.5;
      source (cr, &canvas->style->axis);
      cairo_move_to (cr, x, plot->y + plot->height);
      cairo_line_to (cr, x, plot->y + plot->height + px * 0.35);
      cairo_stroke (cr);

      format_tick (&date, step, first, label, sizeof label);
      w = text_width (canvas, label);
      /* Skip a label that would overlap its neighbour or leave the chart. */
      if (x - w / 2 < last_right + px * 0.6 || x + w / 2 > canvas->width || x - w / 2 < 0)
        continue;
      canvas_text (canvas, label, x, plot->y + plot->height + px * 0.4, 0.5, 0,
                   &canvas->style->text);
      last_right = x + w / 2;
      first = FALSE;
    }
  cairo_restore (cr);
}

static void
clip_to_plot (Canvas *canvas)
{
  cairo_rectangle (canvas->cr, canvas->plot.x, canvas->plot.y,
                   canvas->plot.width, canvas->plot.height);
  cairo_clip (canvas->cr);
}

static void
draw_empty_message (Canvas     *canvas,
                    const char *message)
{
  canvas_text (canvas, message,
               canvas->plot.x + canvas->plot.width / 2,
               canvas->plot.y + canvas->plot.height / 2, 0.5, 0.5, &canvas->style->axis);
}

static gboolean
any_in_range (const GArray *values,
              guint32       first_day,
              guint32       last_day)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const LoadwiseDayValue *v = &g_array_index (values, LoadwiseDayValue, i);

      if (v->day >= first_day && v->day <= last_day)
        return TRUE;
    }
  return FALSE;
}

static void
shade_days (Canvas                   *canvas,
            guint32                   first,
            guint32                   last,
            const LoadwiseChartColor *color)
{
  double x0, x1;

  if (last < canvas->first_day || first > canvas->last_day)
    return;
  x0 = day_left (&canvas->plot, canvas->first_day, canvas->last_day,
                 MAX (first, canvas->first_day));
  x1 = day_left (&canvas->plot, canvas->first_day, canvas->last_day,
                 (double) MIN (last, canvas->last_day) + 1);
  source (canvas->cr, color);
  cairo_rectangle (canvas->cr, x0, canvas->plot.y, MAX (1.0, x1 - x0), canvas->plot.height);
  cairo_fill (canvas->cr);
}

/* The columns' means joined into a line; a gap of more than @max_gap_days
 * without values breaks it. */
static void
stroke_column_means (Canvas                   *canvas,
                     const LoadwiseColumnStat *columns,
                     guint                     n_columns,
                     double                    min,
                     double                    max,
                     double                    max_gap_days,
                     const LoadwiseChartColor *color,
                     double                    line_width)
{
  cairo_t *cr = canvas->cr;
  double days_per_column = (double) (canvas->last_day - canvas->first_day + 1) / n_columns;
  double column_px = canvas->plot.width / n_columns;
  int last = -1;

  cairo_save (cr);
  source (cr, color);
  cairo_set_line_width (cr, line_width);
  /* Bevel joins: round ones cost more than the rest of the chart. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint c = 0; c < n_columns; c++)
    {
      double x, y;

      if (columns[c].n == 0)
        continue;
      x = canvas->plot.x + (c + 0.5) * column_px;
      y = loadwise_chart_value_to_y (&canvas->plot, min, max, columns[c].mean);
      /* The empty columns in between say how long nothing was logged. */
      if (last < 0 || (c - last - 1) * days_per_column > max_gap_days)
        {
          /* A lone point still shows, as a dot. */
          if (last >= 0)
            cairo_stroke (cr);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y);
        }
      else
        cairo_line_to (cr, x, y);
      last = (int) c;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Pain over time */

static void
draw_pain_points (Canvas                   *canvas,
                  const GArray             *values,
                  Mark                      mark,
                  const LoadwiseChartColor *color,
                  gboolean                  worst)
{
  guint n_columns = n_columns_for (&canvas->plot, canvas->first_day, canvas->last_day);
  g_autofree LoadwiseColumnStat *columns = g_new (LoadwiseColumnStat, n_columns);
  double column_px = canvas->plot.width / n_columns;
  double r = MIN (font_px (canvas->style) * 0.28, MAX (1.5, column_px * 0.4));

  loadwise_chart_aggregate ((const LoadwiseDayValue *) values->data, values->len,
                            canvas->first_day, canvas->last_day, n_columns, columns);
  source (canvas->cr, color);
  for (guint c = 0; c < n_columns; c++)
    if (columns[c].n > 0)
      add_mark (canvas->cr, mark, canvas->plot.x + (c + 0.5) * column_px,
                loadwise_chart_value_to_y (&canvas->plot, 0, LOADWISE_PAIN_MAX,
                                           worst ? columns[c].max : columns[c].mean),
                r);
  cairo_fill (canvas->cr);
}

/* The daily values as their column's range (light) and dots when there is
 * room for them, then the 7-day mean as a line. */
static void
draw_daily_with_mean (Canvas                   *canvas,
                      const GArray             *values,
                      const LoadwiseChartColor *color)
{
  cairo_t *cr = canvas->cr;
  guint n_columns = n_columns_for (&canvas->plot, canvas->first_day, canvas->last_day);
  g_autofree LoadwiseColumnStat *columns = g_new (LoadwiseColumnStat, n_columns);
  g_autoptr (GArray) means = NULL;
  double column_px = canvas->plot.width / n_columns;
  LoadwiseChartColor light = *color;

  loadwise_chart_aggregate ((const LoadwiseDayValue *) values->data, values->len,
                            canvas->first_day, canvas->last_day, n_columns, columns);

  light.alpha *= 0.4;
  cairo_save (cr);
  source (cr, &light);
  if (column_px >= 5)
    {
      for (guint c = 0; c < n_columns; c++)
        if (columns[c].n > 0)
          add_mark (cr, MARK_DOT, canvas->plot.x + (c + 0.5) * column_px,
                    loadwise_chart_value_to_y (&canvas->plot, 0, LOADWISE_PAIN_MAX,
                                               columns[c].mean),
                    MIN (3.0, column_px * 0.35));
      cairo_fill (cr);
    }
  else
    {
      /* Filled rectangles on whole pixels: far cheaper than strokes. */
      for (guint c = 0; c < n_columns; c++)
        if (columns[c].n > 0)
          {
            double x = floor (canvas->plot.x + c * column_px);
            double y0 = round (loadwise_chart_value_to_y (&canvas->plot, 0, LOADWISE_PAIN_MAX,
                                                          columns[c].min)) + 1;
            double y1 = round (loadwise_chart_value_to_y (&canvas->plot, 0, LOADWISE_PAIN_MAX,
                                                          columns[c].max)) - 1;

            cairo_rectangle (cr, x, y1, MAX (1.0, round (column_px)), y0 - y1);
          }
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* The mean is smooth: a point every 4 pixels looks the same, and
   * stroking a long antialiased line is what costs most here. */
  means = loadwise_chart_rolling_mean ((const LoadwiseDayValue *) values->data, values->len, 7);
  n_columns = MIN (n_columns, MAX (1u, (guint) (canvas->plot.width / 4)));
  loadwise_chart_aggregate ((const LoadwiseDayValue *) means->data, means->len,
                            canvas->first_day, canvas->last_day, n_columns, columns);
  stroke_column_means (canvas, columns, n_columns, 0, LOADWISE_PAIN_MAX, 7, color,
                       canvas->style->line_width);
}

void
loadwise_chart_draw_pain (cairo_t                  *cr,
                          double                    width,
                          double                    height,
                          const LoadwisePainSeries *series,
                          const LoadwiseChartStyle *style)
{
  Canvas canvas;
  gboolean has_runs, has_flares, empty;

  g_return_if_fail (cr != NULL && series != NULL && style != NULL);

  canvas_begin (&canvas, cr, width, height, series->first_day, series->last_day, style);
  has_runs = any_in_range (series->run, canvas.first_day, canvas.last_day);
  has_flares = series->flares != NULL && series->flares->len > 0;
  empty = !any_in_range (series->morning, canvas.first_day, canvas.last_day)
          && !any_in_range (series->session, canvas.first_day, canvas.last_day)
          && !has_runs;

  /* Translators: the unit of a chart's vertical axis */
  draw_unit (&canvas, _("Pain 0–10"));
  legend_item (&canvas, MARK_LINE, &style->morning, _("Morning pain, 7-day mean"));
  legend_item (&canvas, MARK_SQUARE, &style->session, _("Session pain"));
  if (has_runs)
    legend_item (&canvas, MARK_DIAMOND, &style->run, _("Run pain"));
  if (series->has_baseline)
    legend_item (&canvas, MARK_BOX, &style->band, _("Baseline ± 2"));
  if (has_flares)
    legend_item (&canvas, MARK_BOX, &style->flare, _("Flare"));

  legend_finish (&canvas);
  draw_value_axis (&canvas, 0, LOADWISE_PAIN_MAX, 2, 0, FALSE, TRUE);
  draw_date_axis (&canvas);

  cairo_save (cr);
  clip_to_plot (&canvas);
  for (guint i = 0; has_flares && i < series->flares->len; i++)
    {
      const LoadwiseDayRange *range = &g_array_index (series->flares, LoadwiseDayRange, i);

      shade_days (&canvas, range->first, range->last, &style->flare);
    }
  if (series->has_baseline)
    {
      double top = MIN (LOADWISE_PAIN_MAX, series->baseline + LOADWISE_CHART_PAIN_BAND);
      double bottom = MAX (LOADWISE_PAIN_MIN, series->baseline - LOADWISE_CHART_PAIN_BAND);
      double y_top = loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_PAIN_MAX, top);
      double y_bottom = loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_PAIN_MAX, bottom);
      double y = loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_PAIN_MAX, series->baseline);

      source (cr, &style->band);
      cairo_rectangle (cr, canvas.plot.x, y_top, canvas.plot.width, y_bottom - y_top);
      cairo_fill (cr);
      source (cr, &style->baseline);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_move_to (cr, canvas.plot.x, y);
      cairo_line_to (cr, canvas.plot.x + canvas.plot.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (empty)
    draw_empty_message (&canvas, _("Nothing logged in this period"));
  else
    {
      draw_daily_with_mean (&canvas, series->morning, &style->morning);
      draw_pain_points (&canvas, series->session, MARK_SQUARE, &style->session, TRUE);
      if (has_runs)
        draw_pain_points (&canvas, series->run, MARK_DIAMOND, &style->run, TRUE);
    }
  cairo_restore (cr);

  canvas_end (&canvas);
}

/* Weekly bars */

/* Consecutive weeks are merged into one bar when a week would be narrower
 * than a few pixels: the per-column aggregation of weekly data. */
static guint
weeks_per_bar (const Canvas *canvas)
{
  double week_px = 7 * canvas->plot.width / (canvas->last_day - canvas->first_day + 1);

  return MAX (1u, (guint) ceil (4.0 / week_px));
}

static void
bar_extent (const Canvas *canvas,
            guint32       first,
            guint32       last_exclusive,
            double       *out_x,
            double       *out_w)
{
  double x0 = day_left (&canvas->plot, canvas->first_day, canvas->last_day, first);
  double x1 = day_left (&canvas->plot, canvas->first_day, canvas->last_day, last_exclusive);
  double gap = (x1 - x0) >= 6 ? MIN (4.0, (x1 - x0) * 0.2) : 0;

  *out_x = x0 + gap / 2;
  *out_w = MAX (1.0, x1 - x0 - gap);
}

void
loadwise_chart_draw_adherence (cairo_t                       *cr,
                               double                         width,
                               double                         height,
                               const LoadwiseAdherenceSeries *series,
                               const LoadwiseChartStyle      *style)
{
  Canvas canvas;
  const GArray *weeks;
  guint per_bar;
  gboolean any = FALSE, any_skipped = FALSE, any_flare = FALSE;
  double y80;

  g_return_if_fail (cr != NULL && series != NULL && style != NULL);

  canvas_begin (&canvas, cr, width, height, series->first_day, series->last_day, style);
  weeks = series->weeks;
  for (guint i = 0; i < weeks->len; i++)
    {
      const LoadwiseAdherenceWeek *w = &g_array_index (weeks, LoadwiseAdherenceWeek, i);

      if (w->first_day + 6 < canvas.first_day || w->first_day > canvas.last_day)
        continue;
      any |= w->prescribed > 0 || w->done > 0;
      any_skipped |= w->skipped > 0;
      any_flare |= w->flare;
    }

  draw_unit (&canvas, _("Sets done, %"));
  legend_item (&canvas, MARK_BOX, &style->done, _("Sets done of those prescribed"));
  /* PROGRAMME.md, the weekly decision: progress needs >= 80 % (design). */
  legend_item (&canvas, MARK_DASH, &style->target, _("80 %: enough to progress"));
  if (any_skipped)
    legend_item (&canvas, MARK_DOT, &style->skipped, _("Session skipped"));
  if (any_flare)
    legend_item (&canvas, MARK_BOX, &style->flare, _("Flare"));

  legend_finish (&canvas);
  draw_value_axis (&canvas, 0, LOADWISE_CHART_ADHERENCE_MAX, 25, 0, FALSE, TRUE);
  draw_date_axis (&canvas);

  cairo_save (cr);
  clip_to_plot (&canvas);
  per_bar = weeks_per_bar (&canvas);
  for (guint i = 0; i < weeks->len; i += per_bar)
    {
      guint done = 0, prescribed = 0, skipped = 0;
      gboolean flare = FALSE;
      guint32 first = g_array_index (weeks, LoadwiseAdherenceWeek, i).first_day;
      guint32 end = first + 7;
      double x, w;

      for (guint j = i; j < MIN (weeks->len, i + per_bar); j++)
        {
          const LoadwiseAdherenceWeek *week = &g_array_index (weeks, LoadwiseAdherenceWeek, j);

          done += week->done;
          prescribed += week->prescribed;
          skipped += week->skipped;
          flare |= week->flare;
          end = week->first_day + 7;
        }
      if (end <= canvas.first_day || first > canvas.last_day)
        continue;

      if (flare)
        shade_days (&canvas, first, end - 1, &style->flare);
      bar_extent (&canvas, first, end, &x, &w);
      if (prescribed > 0)
        {
          double share = MIN (1.0, (double) done / prescribed) * LOADWISE_CHART_ADHERENCE_MAX;
          double y = loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_CHART_ADHERENCE_MAX, share);

          source (cr, &style->done);
          cairo_rectangle (cr, x, y, w, canvas.plot.y + canvas.plot.height - y);
          cairo_fill (cr);
        }
      if (skipped > 0)
        {
          source (cr, &style->skipped);
          draw_mark (cr, MARK_DOT, x + w / 2, canvas.plot.y + font_px (style) * 0.5,
                     MIN (font_px (style) * 0.28, MAX (1.5, w * 0.4)));
        }
    }

  y80 = round (loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_CHART_ADHERENCE_MAX, 80)) + 0.5;
  source (cr, &style->target);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_move_to (cr, canvas.plot.x, y80);
  cairo_line_to (cr, canvas.plot.x + canvas.plot.width, y80);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (!any)
    draw_empty_message (&canvas, _("No sessions in this period"));
  cairo_restore (cr);

  canvas_end (&canvas);
}

/* Levels per family */

#define LEVEL_MIN (-0.5)
#define LEVEL_MAX 4.5

static double
family_offset (guint family)
{
  /* The three lines sit a little apart where they share a level. */
  return ((double) family - 1) * 0.09;
}

void
loadwise_chart_draw_levels (cairo_t                   *cr,
                            double                     width,
                            double                     height,
                            const LoadwiseLevelSeries *series,
                            const LoadwiseChartStyle  *style)
{
  Canvas canvas;
  const GArray *weeks;
  gboolean any = FALSE;
  double px;

  g_return_if_fail (cr != NULL && series != NULL && style != NULL);

  canvas_begin (&canvas, cr, width, height, series->first_day, series->last_day, style);
  px = font_px (style);
  weeks = series->weeks;
  for (guint i = 0; i < weeks->len; i++)
    {
      guint32 first = g_array_index (weeks, LoadwiseLevelWeek, i).first_day;

      any |= first + 6 >= canvas.first_day && first <= canvas.last_day;
    }

  draw_unit (&canvas, _("Level"));
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    legend_item (&canvas, MARK_LINE, &style->family[f], loadwise_family_get_label (f));
  legend_item (&canvas, MARK_UP, &style->text, _("Level up"));
  legend_item (&canvas, MARK_DOWN, &style->text, _("Level down"));

  /* The grid sits on the levels; the axis runs half a level past them. */
  legend_finish (&canvas);
  draw_value_labels (&canvas, LEVEL_MIN, LEVEL_MAX, 0, 4, 1, 0, FALSE, TRUE);
  draw_date_axis (&canvas);

  cairo_save (cr);
  clip_to_plot (&canvas);
  if (!any)
    draw_empty_message (&canvas, _("No programme weeks in this period"));

  for (guint f = 0; any && f < LOADWISE_N_FAMILIES; f++)
    {
      double last_y = 0;
      gboolean started = FALSE;

      cairo_save (cr);
      source (cr, &style->family[f]);
      cairo_set_line_width (cr, style->line_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < weeks->len; i++)
        {
          const LoadwiseLevelWeek *week = &g_array_index (weeks, LoadwiseLevelWeek, i);
          double x0 = day_left (&canvas.plot, canvas.first_day, canvas.last_day, week->first_day);
          double x1 = day_left (&canvas.plot, canvas.first_day, canvas.last_day,
                                (double) week->first_day + 7);
          double y = loadwise_chart_value_to_y (&canvas.plot, LEVEL_MIN, LEVEL_MAX,
                                                week->level[f] + family_offset (f));

          if (x1 < canvas.plot.x - 1 || x0 > canvas.plot.x + canvas.plot.width + 1)
            continue;
          if (!started)
            cairo_move_to (cr, x0, y);
          else if (y != last_y)
            cairo_line_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
          started = TRUE;
          last_y = y;
        }
      cairo_stroke (cr);

      for (guint i = 0; i < weeks->len; i++)
        {
          const LoadwiseLevelWeek *week = &g_array_index (weeks, LoadwiseLevelWeek, i);
          Mark mark;
          double x, y;

          if (week->decision[f] == LOADWISE_CHART_DECISION_PROGRESS)
            mark = MARK_UP;
          else if (week->decision[f] == LOADWISE_CHART_DECISION_REGRESS)
            mark = MARK_DOWN;
          else
            continue;
          if (week->first_day + 6 < canvas.first_day || week->first_day > canvas.last_day)
            continue;
          x = day_left (&canvas.plot, canvas.first_day, canvas.last_day, week->first_day);
          y = loadwise_chart_value_to_y (&canvas.plot, LEVEL_MIN, LEVEL_MAX,
                                         week->level[f] + family_offset (f));
          y += mark == MARK_UP ? -px * 0.7 : px * 0.7;
          draw_mark (cr, mark, x, y, px * 0.3);
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);

  canvas_end (&canvas);
}

/* Runs */

static double
nice_ceiling (double value)
{
  double magnitude, scaled;

  if (value <= 0)
    return 10;
  magnitude = pow (10, floor (log10 (value)));
  scaled = value / magnitude;
  if (scaled <= 1)
    return magnitude;
  if (scaled <= 2)
    return 2 * magnitude;
  if (scaled <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

void
loadwise_chart_draw_runs (cairo_t                 *cr,
                          double                   width,
                          double                   height,
                          const LoadwiseRunSeries *series,
                          const LoadwiseChartStyle *style)
{
  Canvas canvas;
  const GArray *weeks;
  guint per_bar;
  double max_km = 0, px;
  gboolean any = FALSE, any_pain = FALSE;
  guint n_bars;
  g_autofree LoadwiseColumnStat *pains = NULL;

  g_return_if_fail (cr != NULL && series != NULL && style != NULL);

  canvas_begin (&canvas, cr, width, height, series->first_day, series->last_day, style);
  px = font_px (style);
  weeks = series->weeks;
  per_bar = weeks_per_bar (&canvas);

  for (guint i = 0; i < weeks->len; i += per_bar)
    {
      double km = 0;
      guint n = 0;
      guint32 first = g_array_index (weeks, LoadwiseRunWeek, i).first_day;

      if (first + 7 * per_bar <= canvas.first_day || first > canvas.last_day)
        continue;
      for (guint j = i; j < MIN (weeks->len, i + per_bar); j++, n++)
        {
          const LoadwiseRunWeek *week = &g_array_index (weeks, LoadwiseRunWeek, j);

          km += week->distance_km;
          any_pain |= week->has_pain;
        }
      /* A merged bar shows the mean week, so the axis stays in km a week. */
      max_km = MAX (max_km, km / n);
      any |= km > 0;
    }
  max_km = nice_ceiling (max_km * 1.1);

  draw_unit (&canvas, _("km a week"));
  legend_item (&canvas, MARK_BOX, &style->distance, _("Weekly distance"));
  if (any_pain)
    legend_item (&canvas, MARK_LINE, &style->run, _("Pain during runs (0–10, right)"));
  if (series->spikes != NULL && series->spikes->len > 0)
    /* xgettext:no-c-format */
    legend_item (&canvas, MARK_DOWN, &style->spike, _("Run > 10 % longer than any in the 30 days before"));

  legend_finish (&canvas);
  draw_value_axis (&canvas, 0, max_km, max_km / 5, max_km >= 10 ? 0 : 1, FALSE, TRUE);
  if (any_pain)
    draw_value_axis (&canvas, 0, LOADWISE_PAIN_MAX, 2, 0, TRUE, FALSE);
  draw_date_axis (&canvas);

  cairo_save (cr);
  clip_to_plot (&canvas);
  if (!any)
    draw_empty_message (&canvas, _("No runs logged in this period"));

  n_bars = (weeks->len + per_bar - 1) / per_bar;
  pains = g_new0 (LoadwiseColumnStat, MAX (1u, n_bars));
  for (guint i = 0, b = 0; any && i < weeks->len; i += per_bar, b++)
    {
      double km = 0, pain = 0;
      guint n = 0, n_pain = 0;
      guint32 first = g_array_index (weeks, LoadwiseRunWeek, i).first_day;
      guint32 end = first + 7;
      double x, w, y;

      for (guint j = i; j < MIN (weeks->len, i + per_bar); j++, n++)
        {
          const LoadwiseRunWeek *week = &g_array_index (weeks, LoadwiseRunWeek, j);

          km += week->distance_km;
          if (week->has_pain)
            {
              pain += week->pain;
              n_pain++;
            }
          end = week->first_day + 7;
        }
      pains[b].n = n_pain;
      pains[b].mean = n_pain > 0 ? pain / n_pain : 0;
      if (end <= canvas.first_day || first > canvas.last_day)
        continue;
      bar_extent (&canvas, first, end, &x, &w);
      y = loadwise_chart_value_to_y (&canvas.plot, 0, max_km, km / n);
      source (cr, &style->distance);
      cairo_rectangle (cr, x, y, w, canvas.plot.y + canvas.plot.height - y);
      cairo_fill (cr);
    }

  if (any && any_pain)
    {
      gboolean started = FALSE;

      cairo_save (cr);
      source (cr, &style->run);
      cairo_set_line_width (cr, style->line_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0, b = 0; i < weeks->len; i += per_bar, b++)
        {
          guint32 first = g_array_index (weeks, LoadwiseRunWeek, i).first_day;
          guint32 last_first = g_array_index (weeks, LoadwiseRunWeek,
                                              MIN (weeks->len, i + per_bar) - 1).first_day;
          double x, y;

          if (pains[b].n == 0)
            {
              started = FALSE;
              continue;
            }
          x = (day_left (&canvas.plot, canvas.first_day, canvas.last_day, first)
               + day_left (&canvas.plot, canvas.first_day, canvas.last_day,
                           (double) last_first + 7)) / 2;
          y = loadwise_chart_value_to_y (&canvas.plot, 0, LOADWISE_PAIN_MAX, pains[b].mean);
          if (!started)
            {
              cairo_stroke (cr);
              cairo_move_to (cr, x, y);
            }
          cairo_line_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; any && series->spikes != NULL && i < series->spikes->len; i++)
    {
      const LoadwiseDayValue *spike = &g_array_index (series->spikes, LoadwiseDayValue, i);

      if (spike->day < canvas.first_day || spike->day > canvas.last_day)
        continue;
      source (cr, &style->spike);
      draw_mark (cr, MARK_DOWN,
                 loadwise_chart_day_to_x (&canvas.plot, canvas.first_day, canvas.last_day, spike->day),
                 canvas.plot.y + px * 0.5, px * 0.3);
    }
  cairo_restore (cr);

  canvas_end (&canvas);
}

/* Left versus right */

void
loadwise_chart_draw_sides (cairo_t                   *cr,
                           double                     width,
                           double                     height,
                           const LoadwiseSidesSeries *series,
                           const LoadwiseChartStyle  *style)
{
  Canvas canvas;
  gboolean empty;

  g_return_if_fail (cr != NULL && series != NULL && style != NULL);

  canvas_begin (&canvas, cr, width, height, series->first_day, series->last_day, style);
  empty = !any_in_range (series->left, canvas.first_day, canvas.last_day)
          && !any_in_range (series->right, canvas.first_day, canvas.last_day);

  draw_unit (&canvas, _("Pain 0–10"));
  legend_item (&canvas, MARK_LINE, &style->left, _("Left hip, 7-day mean"));
  legend_item (&canvas, MARK_LINE, &style->right, _("Right hip, 7-day mean"));

  legend_finish (&canvas);
  draw_value_axis (&canvas, 0, LOADWISE_PAIN_MAX, 2, 0, FALSE, TRUE);
  draw_date_axis (&canvas);

  cairo_save (cr);
  clip_to_plot (&canvas);
  if (empty)
    draw_empty_message (&canvas, _("No morning check-ins in this period"));
  else
    {
      draw_daily_with_mean (&canvas, series->left, &style->left);
      draw_daily_with_mean (&canvas, series->right, &style->right);
    }
  cairo_restore (cr);

  canvas_end (&canvas);
}
