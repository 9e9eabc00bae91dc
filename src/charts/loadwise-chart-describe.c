/* loadwise-chart-describe.c: each chart's trend in words, and the exact
 * values under the pointer
 *
 * The sentences are what a screen reader says for a chart, and what the
 * report prints under it: the change from the first week to the last, in
 * whole numbers on the 0-10 scale.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart.h"

#include <math.h>

#include <glib/gi18n.h>

static gboolean
in_range (guint32 day,
          guint32 first,
          guint32 last)
{
  return day >= first && day <= last;
}

/* The mean of the values on the first (or last) 7 days that have any. */
static gboolean
edge_means (const GArray *values,
            guint32       first_day,
            guint32       last_day,
            double       *out_start,
            double       *out_end,
            guint32      *out_span_days)
{
  const LoadwiseDayValue *v = (const LoadwiseDayValue *) values->data;
  guint32 first_seen = 0, last_seen = 0;
  double start = 0, end = 0;
  guint n_start = 0, n_end = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < values->len; i++)
    if (in_range (v[i].day, first_day, last_day))
      {
        if (!any)
          first_seen = v[i].day;
        last_seen = v[i].day;
        any = TRUE;
      }
  if (!any)
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      if (!in_range (v[i].day, first_day, last_day))
        continue;
      if (v[i].day < first_seen + 7)
        {
          start += v[i].value;
          n_start++;
        }
      if (v[i].day + 7 > last_seen)
        {
          end += v[i].value;
          n_end++;
        }
    }
  *out_start = start / n_start;
  *out_end = end / n_end;
  *out_span_days = last_seen - first_seen;
  return TRUE;
}

static double
mean_in_range (const GArray *values,
               guint32       first_day,
               guint32       last_day,
               guint        *out_n)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const LoadwiseDayValue *v = &g_array_index (values, LoadwiseDayValue, i);

      if (in_range (v->day, first_day, last_day))
        {
          sum += v->value;
          n++;
        }
    }
  *out_n = n;
  return n > 0 ? sum / n : 0;
}

/* "over 6 weeks" or "over 10 days" */
static char *
format_span (guint32 days)
{
  if (days >= 14)
    {
      guint weeks = (days + 3) / 7;

      return g_strdup_printf (ngettext ("over %u week", "over %u weeks", weeks), weeks);
    }
  return g_strdup_printf (ngettext ("over %u day", "over %u days", days), days);
}

static char *
describe_trend (const char *what,
                double      start,
                double      end,
                guint32     span_days)
{
  g_autofree char *span = format_span (span_days);
  int from = (int) lround (start);
  int to = (int) lround (end);

  if (span_days == 0)
    /* Translators: "Morning pain was 3 on the one day logged." */
    return g_strdup_printf (_("%s was %d on the one day logged."), what, to);
  if (to < from)
    /* Translators: "Morning pain fell from 5 to 2 over 6 weeks." */
    return g_strdup_printf (_("%s fell from %d to %d %s."), what, from, to, span);
  if (to > from)
    return g_strdup_printf (_("%s rose from %d to %d %s."), what, from, to, span);
  return g_strdup_printf (_("%s stayed at about %d %s."), what, to, span);
}

char *
loadwise_chart_describe_pain (const LoadwisePainSeries *series)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double start, end, session;
  guint32 span;
  guint n_session, n_run;
  double run;

  g_return_val_if_fail (series != NULL, NULL);

  if (edge_means (series->morning, series->first_day, series->last_day, &start, &end, &span))
    {
      g_autofree char *trend = describe_trend (_("Morning pain"), start, end, span);

      g_string_append (text, trend);
    }
  else
    g_string_append (text, _("No morning pain logged in this period."));

  if (series->has_baseline)
    g_string_append_printf (text, _(" The baseline is %.1f."), series->baseline);

  session = mean_in_range (series->session, series->first_day, series->last_day, &n_session);
  if (n_session > 0)
    g_string_append_printf (text,
                            ngettext (" Pain during exercise averaged %.1f over %u session.",
                                      " Pain during exercise averaged %.1f over %u sessions.",
                                      n_session),
                            session, n_session);
  run = mean_in_range (series->run, series->first_day, series->last_day, &n_run);
  if (n_run > 0)
    g_string_append_printf (text,
                            ngettext (" Pain during runs averaged %.1f over %u run.",
                                      " Pain during runs averaged %.1f over %u runs.",
                                      n_run),
                            run, n_run);
  if (series->flares != NULL && series->flares->len > 0)
    g_string_append_printf (text,
                            ngettext (" %u flare is shaded.", " %u flares are shaded.",
                                      series->flares->len),
                            series->flares->len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_describe_adherence (const LoadwiseAdherenceSeries *series)
{
  guint done = 0, prescribed = 0, skipped = 0, n_weeks = 0;
  const LoadwiseAdherenceWeek *last = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (series != NULL, NULL);

  for (guint i = 0; i < series->weeks->len; i++)
    {
      const LoadwiseAdherenceWeek *w = &g_array_index (series->weeks, LoadwiseAdherenceWeek, i);

      if (w->first_day + 6 < series->first_day || w->first_day > series->last_day)
        continue;
      done += w->done;
      prescribed += w->prescribed;
      skipped += w->skipped;
      n_weeks++;
      if (w->prescribed > 0)
        last = w;
    }
  if (prescribed == 0)
    return g_strdup (_("No sessions were prescribed in this period."));

  g_string_append_printf (text,
                          ngettext ("%u%% of the prescribed sets were done over %u week (%u of %u).",
                                    "%u%% of the prescribed sets were done over %u weeks (%u of %u).",
                                    n_weeks),
                          (guint) MIN (100, lround (100.0 * done / prescribed)), n_weeks,
                          done, prescribed);
  if (last != NULL)
    g_string_append_printf (text, _(" The last week: %u%%."),
                            (guint) MIN (100, lround (100.0 * last->done / last->prescribed)));
  if (skipped > 0)
    g_string_append_printf (text,
                            ngettext (" %u session was skipped with a reason.",
                                      " %u sessions were skipped with a reason.", skipped),
                            skipped);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_describe_levels (const LoadwiseLevelSeries *series)
{
  const LoadwiseLevelWeek *last = NULL;
  guint ups = 0, downs = 0;
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (series != NULL, NULL);

  for (guint i = 0; i < series->weeks->len; i++)
    {
      const LoadwiseLevelWeek *w = &g_array_index (series->weeks, LoadwiseLevelWeek, i);

      if (w->first_day + 6 < series->first_day || w->first_day > series->last_day)
        continue;
      last = w;
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          ups += w->decision[f] == LOADWISE_CHART_DECISION_PROGRESS;
          downs += w->decision[f] == LOADWISE_CHART_DECISION_REGRESS;
        }
    }
  if (last == NULL)
    return g_strdup (_("No programme weeks in this period."));

  /* Translators: "Levels in week 6: Bridge 3, Single-leg 2, Lateral 2." */
  g_string_append_printf (text, _("Levels in week %d: %s %u, %s %u, %s %u."), last->week,
                          loadwise_family_get_label (LOADWISE_FAMILY_BRIDGE),
                          last->level[LOADWISE_FAMILY_BRIDGE],
                          loadwise_family_get_label (LOADWISE_FAMILY_SINGLE_LEG),
                          last->level[LOADWISE_FAMILY_SINGLE_LEG],
                          loadwise_family_get_label (LOADWISE_FAMILY_LATERAL),
                          last->level[LOADWISE_FAMILY_LATERAL]);
  g_string_append_c (text, ' ');
  if (ups == 0 && downs == 0)
    {
      g_string_append (text, _("No level changed in this period."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_string_append_printf (text, ngettext ("%u step up", "%u steps up", ups), ups);
  g_string_append (text, _(" and "));
  g_string_append_printf (text, ngettext ("%u step down in this period.",
                                          "%u steps down in this period.", downs), downs);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_describe_runs (const LoadwiseRunSeries *series)
{
  double total = 0, first_km = -1, last_km = 0;
  guint n_weeks = 0, spikes = 0;
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (series != NULL, NULL);

  for (guint i = 0; i < series->weeks->len; i++)
    {
      const LoadwiseRunWeek *w = &g_array_index (series->weeks, LoadwiseRunWeek, i);

      if (w->first_day + 6 < series->first_day || w->first_day > series->last_day)
        continue;
      total += w->distance_km;
      spikes += w->n_spikes;
      if (first_km < 0 && w->distance_km > 0)
        first_km = w->distance_km;
      if (first_km >= 0)
        n_weeks++;
      /* A week cut short by the range would look like a drop. */
      if (first_km >= 0 && w->first_day >= series->first_day && w->first_day + 6 <= series->last_day)
        last_km = w->distance_km;
    }
  if (total <= 0)
    return g_strdup (_("No runs logged in this period."));

  g_string_append_printf (text,
                          ngettext ("%.0f km run over %u week; weekly distance went from %.0f to %.0f km.",
                                    "%.0f km run over %u weeks; weekly distance went from %.0f to %.0f km.",
                                    n_weeks),
                          total, n_weeks, first_km, last_km);
  if (spikes > 0)
    g_string_append_printf (text,
                            ngettext (" %u run was over 10%% longer than the longest of the 30 days before.",
                                      " %u runs were over 10%% longer than the longest of the 30 days before.",
                                      spikes),
                            spikes);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_describe_sides (const LoadwiseSidesSeries *series)
{
  guint n_left, n_right;
  double left, right;

  g_return_val_if_fail (series != NULL, NULL);

  left = mean_in_range (series->left, series->first_day, series->last_day, &n_left);
  right = mean_in_range (series->right, series->first_day, series->last_day, &n_right);
  if (n_left == 0 && n_right == 0)
    return g_strdup (_("No morning check-ins in this period."));
  if (fabs (left - right) < 0.5)
    return g_strdup_printf (_("Morning pain was about even: left %.1f, right %.1f on average."),
                            left, right);
  return g_strdup_printf (left > right
                          ? _("Morning pain was mostly on the left: left %.1f, right %.1f on average.")
                          : _("Morning pain was mostly on the right: left %.1f, right %.1f on average."),
                          left, right);
}

/* Values under the pointer */

static void
day_span_at (double                    width,
             double                    height,
             const LoadwiseChartStyle *style,
             guint32                   first_day,
             guint32                   last_day,
             double                    x,
             guint32                  *out_first,
             guint32                  *out_last)
{
  LoadwiseChartRect plot;
  double n_days = (double) last_day - first_day + 1;
  double column_px;

  loadwise_chart_get_plot_area (width, height, style, &plot);
  /* One pixel column covers several days when the range is long. */
  column_px = MAX (1.0, plot.width / n_days);
  *out_first = loadwise_chart_x_to_day (&plot, first_day, last_day, x - column_px / 2 + 0.01);
  *out_last = loadwise_chart_x_to_day (&plot, first_day, last_day, x + column_px / 2 - 0.01);
  if (n_days > plot.width)
    {
      *out_first = loadwise_chart_x_to_day (&plot, first_day, last_day, floor (x));
      *out_last = loadwise_chart_x_to_day (&plot, first_day, last_day, floor (x) + 0.999);
    }
  if (*out_last < *out_first)
    *out_last = *out_first;
}

static gboolean
point_in_plot (double                    width,
               double                    height,
               const LoadwiseChartStyle *style,
               double                    x)
{
  LoadwiseChartRect plot;

  loadwise_chart_get_plot_area (width, height, style, &plot);
  return x >= plot.x && x < plot.x + plot.width;
}

static char *
format_day (guint32 day)
{
  GDate date;
  char buffer[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* Translators: a date in a chart's tooltip, strftime format */
  if (g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), &date) == 0)
    buffer[0] = '\0';
  return loadwise_chart_squeeze_spaces (buffer);
}

static char *
format_days (guint32 first,
             guint32 last)
{
  g_autofree char *a = format_day (first);
  g_autofree char *b = NULL;

  if (first == last)
    return g_steal_pointer (&a);
  b = format_day (last);
  /* Translators: a range of dates, "Mon 2 Nov 2026 – Sun 8 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
append_values (GString      *text,
               const char   *label,
               const GArray *values,
               guint32       first,
               guint32       last)
{
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
  guint n = 0;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const LoadwiseDayValue *v = &g_array_index (values, LoadwiseDayValue, i);

      if (!in_range (v->day, first, last))
        continue;
      min = MIN (min, v->value);
      max = MAX (max, v->value);
      n++;
    }
  if (n == 0)
    return;
  if (min == max)
    g_string_append_printf (text, "\n%s: %g", label, min);
  else
    g_string_append_printf (text, "\n%s: %g–%g", label, min, max);
}

/* The tooltip of a day-based chart starts with the days under @x: a new
 * string holding them, with the span in @out_first/@out_last; NULL when
 * @x is outside the plot. */
static GString *
day_text_at (double                    width,
             double                    height,
             const LoadwiseChartStyle *style,
             guint32                   first_day,
             guint32                   last_day,
             double                    x,
             guint32                  *out_first,
             guint32                  *out_last)
{
  g_autofree char *days = NULL;

  if (!point_in_plot (width, height, style, x))
    return NULL;
  day_span_at (width, height, style, first_day, last_day, x, out_first, out_last);
  days = format_days (*out_first, *out_last);
  return g_string_new (days);
}

char *
loadwise_chart_pain_value_at (const LoadwisePainSeries *series,
                              double                    width,
                              double                    height,
                              const LoadwiseChartStyle *style,
                              double                    x)
{
  guint32 first, last;
  g_autoptr (GString) text = NULL;
  gsize header;

  g_return_val_if_fail (series != NULL && style != NULL, NULL);

  text = day_text_at (width, height, style, series->first_day, series->last_day, x, &first, &last);
  if (text == NULL)
    return NULL;
  header = text->len;
  append_values (text, _("Morning pain"), series->morning, first, last);
  append_values (text, _("Session pain"), series->session, first, last);
  append_values (text, _("Run pain"), series->run, first, last);
  if (text->len == header)
    return NULL;
  for (guint i = 0; series->flares != NULL && i < series->flares->len; i++)
    {
      const LoadwiseDayRange *r = &g_array_index (series->flares, LoadwiseDayRange, i);

      if (r->first <= last && r->last >= first)
        {
          g_string_append_printf (text, "\n%s", _("Flare"));
          break;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_sides_value_at (const LoadwiseSidesSeries *series,
                               double                     width,
                               double                     height,
                               const LoadwiseChartStyle  *style,
                               double                     x)
{
  guint32 first, last;
  g_autoptr (GString) text = NULL;
  gsize header;

  g_return_val_if_fail (series != NULL && style != NULL, NULL);

  text = day_text_at (width, height, style, series->first_day, series->last_day, x, &first, &last);
  if (text == NULL)
    return NULL;
  header = text->len;
  append_values (text, _("Left hip"), series->left, first, last);
  append_values (text, _("Right hip"), series->right, first, last);
  if (text->len == header)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (LoadwiseAdherenceWeek, first_day) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (LoadwiseLevelWeek, first_day) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (LoadwiseRunWeek, first_day) == 0);

/* The index of the week whose seven days hold the day under @x. */
static int
week_at (const GArray             *weeks,
         gsize                     element_size,
         guint32                   first_day,
         guint32                   last_day,
         double                    width,
         double                    height,
         const LoadwiseChartStyle *style,
         double                    x)
{
  LoadwiseChartRect plot;
  guint32 day;

  if (!point_in_plot (width, height, style, x))
    return -1;
  loadwise_chart_get_plot_area (width, height, style, &plot);
  day = loadwise_chart_x_to_day (&plot, first_day, last_day, x);
  for (guint i = 0; i < weeks->len; i++)
    {
      /* Every week struct starts with its first day. */
      guint32 start = *(const guint32 *) (weeks->data + i * element_size);

      if (day >= start && day < start + 7)
        return (int) i;
    }
  return -1;
}

char *
loadwise_chart_adherence_value_at (const LoadwiseAdherenceSeries *series,
                                   double                         width,
                                   double                         height,
                                   const LoadwiseChartStyle      *style,
                                   double                         x)
{
  int i = week_at (series->weeks, sizeof (LoadwiseAdherenceWeek), series->first_day,
                   series->last_day, width, height, style, x);
  const LoadwiseAdherenceWeek *w;
  g_autoptr (GString) text = NULL;
  g_autofree char *day = NULL;

  if (i < 0)
    return NULL;
  w = &g_array_index (series->weeks, LoadwiseAdherenceWeek, i);
  day = format_day (w->first_day);
  text = g_string_new (NULL);
  /* Translators: "Week 3, from Mon 16 Nov 2026" */
  g_string_append_printf (text, _("Week %d, from %s"), w->week, day);
  if (w->prescribed > 0)
    g_string_append_printf (text, _("\n%u of %u sets done (%u%%)"), w->done, w->prescribed,
                            (guint) MIN (100, lround (100.0 * w->done / w->prescribed)));
  else
    g_string_append_printf (text, "\n%s", _("No sets prescribed"));
  if (w->skipped > 0)
    g_string_append_printf (text, ngettext ("\n%u session skipped", "\n%u sessions skipped",
                                            w->skipped), w->skipped);
  if (w->flare)
    g_string_append_printf (text, "\n%s", _("Flare"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
decision_label (LoadwiseChartDecision decision)
{
  switch (decision)
    {
    case LOADWISE_CHART_DECISION_PROGRESS:
      return _("up");
    case LOADWISE_CHART_DECISION_REGRESS:
      return _("down");
    case LOADWISE_CHART_DECISION_START:
      return _("start");
    case LOADWISE_CHART_DECISION_HOLD:
    case LOADWISE_CHART_DECISION_NONE:
    default:
      return NULL;
    }
}

char *
loadwise_chart_levels_value_at (const LoadwiseLevelSeries *series,
                                double                     width,
                                double                     height,
                                const LoadwiseChartStyle  *style,
                                double                     x)
{
  int i = week_at (series->weeks, sizeof (LoadwiseLevelWeek), series->first_day,
                   series->last_day, width, height, style, x);
  const LoadwiseLevelWeek *w;
  g_autoptr (GString) text = NULL;
  g_autofree char *day = NULL;

  if (i < 0)
    return NULL;
  w = &g_array_index (series->weeks, LoadwiseLevelWeek, i);
  day = format_day (w->first_day);
  text = g_string_new (NULL);
  g_string_append_printf (text, _("Week %d, from %s"), w->week, day);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const char *decision = decision_label (w->decision[f]);

      /* Translators: "Bridge: level 2" */
      g_string_append_printf (text, _("\n%s: level %u"), loadwise_family_get_label (f), w->level[f]);
      if (decision != NULL)
        g_string_append_printf (text, " (%s)", decision);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
loadwise_chart_runs_value_at (const LoadwiseRunSeries  *series,
                              double                    width,
                              double                    height,
                              const LoadwiseChartStyle *style,
                              double                    x)
{
  int i = week_at (series->weeks, sizeof (LoadwiseRunWeek), series->first_day,
                   series->last_day, width, height, style, x);
  const LoadwiseRunWeek *w;
  g_autoptr (GString) text = NULL;
  g_autofree char *day = NULL;

  if (i < 0)
    return NULL;
  w = &g_array_index (series->weeks, LoadwiseRunWeek, i);
  if (w->distance_km <= 0)
    return NULL;
  day = format_day (w->first_day);
  text = g_string_new (NULL);
  /* Translators: "Week from Mon 16 Nov 2026: 23.4 km" */
  g_string_append_printf (text, _("Week from %s: %.1f km"), day, w->distance_km);
  if (w->has_pain)
    g_string_append_printf (text, _("\nPain during runs: %.1f"), w->pain);
  if (w->n_spikes > 0)
    g_string_append_printf (text, ngettext ("\n%u run over the 10 %% guard",
                                            "\n%u runs over the 10 %% guard", w->n_spikes),
                            w->n_spikes);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
