/* loadwise-report.c: the clinician report, with cairo's PDF surface and pango
 *
 * A simple flow layout: blocks go down the page and a block that does not
 * fit starts the next one. Every page carries the "does not diagnose" line
 * and its number in the footer.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report/loadwise-report.h"

#include <math.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "charts/loadwise-chart-data.h"
#include "core/loadwise-red-flags.h"
#include "core/loadwise-session.h"
#include "report/loadwise-export.h"
#include "store/loadwise-database-charts.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

/* A4 in points. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN      48.0
#define FOOTER      40.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
/* At most this far back, so the report stays at two pages. */
#define REPORT_MAX_DAYS 182

typedef struct {
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
  guint        page;
  LoadwiseChartStyle chart_style;
} Flow;

static void
set_font (Flow   *flow,
          double  size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (flow->layout, font);
  pango_font_description_free (font);
}

/* Lays @markup out at @x with @width; returns its height. */
static double
layout_markup (Flow       *flow,
               const char *markup,
               double      size,
               gboolean    bold,
               double      width)
{
  int h;

  set_font (flow, size, bold);
  pango_layout_set_width (flow->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (flow->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (flow->layout, markup, -1);
  pango_layout_get_size (flow->layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_at (Flow   *flow,
         double  x,
         double  y,
         double  gray)
{
  cairo_set_source_rgb (flow->cr, gray, gray, gray);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, flow->layout);
}

static void
draw_footer (Flow *flow)
{
  g_autofree char *markup = g_markup_escape_text (loadwise_disclaimer (), -1);
  g_autofree char *page = g_strdup_printf (_("Page %u"), flow->page);
  double y = PAGE_HEIGHT - MARGIN + 10;

  cairo_set_source_rgb (flow->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (flow->cr, 0.5);
  cairo_move_to (flow->cr, MARGIN, y - 6);
  cairo_line_to (flow->cr, PAGE_WIDTH - MARGIN, y - 6);
  cairo_stroke (flow->cr);

  layout_markup (flow, markup, 7.5, FALSE, CONTENT_WIDTH - 50);
  show_at (flow, MARGIN, y, 0.3);
  layout_markup (flow, page, 7.5, FALSE, 50);
  pango_layout_set_alignment (flow->layout, PANGO_ALIGN_RIGHT);
  show_at (flow, PAGE_WIDTH - MARGIN - 50, y, 0.3);
  pango_layout_set_alignment (flow->layout, PANGO_ALIGN_LEFT);
}

static void
new_page (Flow *flow)
{
  draw_footer (flow);
  cairo_show_page (flow->cr);
  flow->page++;
  flow->y = MARGIN;
}

/* Starts a new page unless @height still fits on this one. */
static void
need (Flow   *flow,
      double  height)
{
  if (flow->y + height > PAGE_HEIGHT - MARGIN - FOOTER)
    new_page (flow);
}

static void
paragraph (Flow       *flow,
           const char *markup,
           double      size,
           gboolean    bold,
           double      space_after)
{
  double h = layout_markup (flow, markup, size, bold, CONTENT_WIDTH);

  need (flow, h);
  layout_markup (flow, markup, size, bold, CONTENT_WIDTH);
  show_at (flow, MARGIN, flow->y, 0.1);
  flow->y += h + space_after;
}

/* A heading stays with at least @keep points of what follows. */
static void
heading (Flow       *flow,
         const char *text,
         double      keep)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  need (flow, 20 + keep);
  flow->y += 6;
  paragraph (flow, markup, 12, TRUE, 4);
}

static void
text_paragraph (Flow       *flow,
                const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  paragraph (flow, markup, 9.5, FALSE, 5);
}

/* Rows of label and value, the labels in a column of their own. */
static void
facts (Flow        *flow,
       const char **rows,
       guint        n_rows)
{
  const double label_width = 170;

  for (guint i = 0; i + 1 < n_rows * 2; i += 2)
    {
      g_autofree char *label = g_markup_escape_text (rows[i], -1);
      g_autofree char *value = g_markup_escape_text (rows[i + 1], -1);
      double h1 = layout_markup (flow, label, 9.5, TRUE, label_width - 8);
      double h2 = layout_markup (flow, value, 9.5, FALSE, CONTENT_WIDTH - label_width);
      double h = MAX (h1, h2);

      need (flow, h);
      layout_markup (flow, label, 9.5, TRUE, label_width - 8);
      show_at (flow, MARGIN, flow->y, 0.25);
      layout_markup (flow, value, 9.5, FALSE, CONTENT_WIDTH - label_width);
      show_at (flow, MARGIN + label_width, flow->y, 0.1);
      flow->y += h + 3;
    }
  flow->y += 3;
}

static void
chart (Flow                    *flow,
       const LoadwiseChartData *data,
       LoadwiseChartKind        kind,
       double                   height)
{
  g_autofree char *description = loadwise_chart_data_describe (data, kind);
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", description);
  double text_h = layout_markup (flow, markup, 9, FALSE, CONTENT_WIDTH);

  need (flow, height + text_h + 6);
  cairo_save (flow->cr);
  cairo_translate (flow->cr, MARGIN, flow->y);
  loadwise_chart_data_draw (data, kind, flow->cr, CONTENT_WIDTH, height, &flow->chart_style);
  cairo_restore (flow->cr);
  flow->y += height + 4;
  paragraph (flow, markup, 9, FALSE, 8);
}

static char *
format_date (const GDate *date)
{
  char buffer[128];

  /* Translators: a date in the report, strftime format: "Mon 2 Nov 2026" */
  if (g_date_strftime (buffer, sizeof buffer, _("%a %e %b %Y"), date) == 0)
    buffer[0] = '\0';
  return loadwise_chart_squeeze_spaces (buffer);
}

static char *
format_training_days (guint8 mask)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GDate day;

  /* 2024-01-01 was a Monday. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < 7; i++, g_date_add_days (&day, 1))
    {
      char name[32];

      if (!(mask & (1u << i)))
        continue;
      if (g_date_strftime (name, sizeof name, "%a", &day) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
mean_between (const GArray *values,
              guint32       first,
              guint32       last,
              guint        *out_n,
              double       *out_max)
{
  double sum = 0, max = 0;
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    {
      const LoadwiseDayValue *v = &g_array_index (values, LoadwiseDayValue, i);

      if (v->day < first || v->day > last)
        continue;
      sum += v->value;
      max = MAX (max, v->value);
      n++;
    }
  *out_n = n;
  if (out_max != NULL)
    *out_max = max;
  return n > 0 ? sum / n : 0;
}

static void
section_programme (Flow                    *flow,
                   const LoadwiseProgramme *programme,
                   const LoadwiseCatalogue *catalogue,
                   LoadwiseDatabase        *database,
                   const GDate             *today,
                   GError                 **error_unused)
{
  g_autofree char *start = format_date (&programme->start);
  g_autofree char *days = format_training_days (programme->training_days);
  g_autofree char *length = NULL;
  g_autofree char *limits = NULL;
  int week = loadwise_programme_get_week (programme, today);
  const char *rows[8];

  if (week < 1)
    length = g_strdup_printf (ngettext ("%u week, not started yet", "%u weeks, not started yet",
                                        programme->weeks), programme->weeks);
  else if ((guint) week <= programme->weeks)
    length = g_strdup_printf (ngettext ("%u week; now in week %d", "%u weeks; now in week %d",
                                        programme->weeks), programme->weeks, week);
  else
    length = g_strdup_printf (ngettext ("%u week, completed; now in maintenance (2 sessions a week)",
                                        "%u weeks, completed; now in maintenance (2 sessions a week)",
                                        programme->weeks), programme->weeks);
  limits = g_strdup_printf (_("Up to %u/10 during exercise is fine; over %u/10 means easing off "
                              "(pain-monitoring model)"), programme->safe_pain, programme->max_pain);

  rows[0] = _("Started");
  rows[1] = start;
  rows[2] = _("Length");
  rows[3] = length;
  rows[4] = _("Training days");
  rows[5] = days;
  rows[6] = _("Pain limits");
  rows[7] = limits;
  heading (flow, _("Programme"), 80);
  facts (flow, rows, 4);

  need (flow, 70);
  {
    const double col[] = { 0, 80, 130, 330 };
    const char *header[] = { _("Family"), _("Level"), _("Exercise"), _("Dosage") };
    LoadwisePrescription prescription;
    GDate day;

    for (guint c = 0; c < G_N_ELEMENTS (header); c++)
      {
        g_autofree char *markup = g_markup_escape_text (header[c], -1);

        layout_markup (flow, markup, 9, TRUE, 160);
        show_at (flow, MARGIN + col[c], flow->y, 0.25);
      }
    flow->y += 14;

    /* The dosage of the next session day, so the table reads as "now",
     * with the stored targets of its week. */
    loadwise_programme_next_session (programme, today, &day);
    if (!loadwise_database_prescribe (database, catalogue, programme, &day, &prescription, NULL))
      return;
    for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
      {
        const LoadwisePrescribedExercise *item = &prescription.exercises[f];
        g_autofree char *level = g_strdup_printf ("%u", item->level);
        g_autofree char *dosage = NULL;
        const char *cells[4];

        if (item->exercise == NULL)
          continue;
        if (item->target_hold_s > 0)
          dosage = g_strdup_printf (_("%u × %u s hold"), item->sets, item->target_hold_s);
        else
          dosage = g_strdup_printf (_("%u × %u"), item->sets, item->target_reps);
        if (item->n_sides > 1)
          {
            char *with_side = g_strdup_printf (_("%s per side"), dosage);

            g_free (dosage);
            dosage = with_side;
          }
        cells[0] = loadwise_family_get_label (f);
        cells[1] = level;
        cells[2] = item->exercise->name;
        cells[3] = dosage;
        for (guint c = 0; c < 4; c++)
          {
            g_autofree char *markup = g_markup_escape_text (cells[c], -1);
            double w = (c < 3 ? col[c + 1] : CONTENT_WIDTH) - col[c] - 6;

            layout_markup (flow, markup, 9.5, FALSE, w);
            show_at (flow, MARGIN + col[c], flow->y, 0.1);
          }
        flow->y += 14;
      }
    flow->y += 4;
  }
}

static void
section_pain (Flow                    *flow,
              const LoadwiseChartData *data,
              const GDate             *today)
{
  guint32 last = g_date_get_julian (today);
  guint n_recent, n_session;
  double recent = mean_between (data->pain.morning, last - 6, last, &n_recent, NULL);
  double worst_session = 0;
  g_autofree char *baseline = NULL;
  g_autofree char *recent_text = NULL;
  g_autofree char *change = NULL;
  g_autofree char *session = NULL;
  const char *rows[8];
  guint n_rows = 0;

  mean_between (data->pain.session, last - 27, last, &n_session, &worst_session);

  if (data->pain.has_baseline)
    baseline = g_strdup_printf (_("%.1f/10 (median of the 7 days before the start)"),
                                data->pain.baseline);
  else
    baseline = g_strdup (_("not known: no check-ins around the start"));
  if (n_recent > 0)
    recent_text = g_strdup_printf (ngettext ("%.1f/10 mean (%u check-in)",
                                             "%.1f/10 mean (%u check-ins)", n_recent),
                                   recent, n_recent);
  else
    recent_text = g_strdup (_("no check-ins"));
  if (n_recent > 0 && data->pain.has_baseline)
    {
      double delta = recent - data->pain.baseline;

      /* Farrar 2001: about 2 points is a change that matters. */
      change = g_strdup_printf (fabs (delta) >= LOADWISE_CHART_PAIN_BAND
                                ? _("%+.1f points (a clinically important change is about 2)")
                                : _("%+.1f points (less than the 2 that would be clinically important)"),
                                delta);
    }
  if (n_session > 0)
    session = g_strdup_printf (ngettext ("%.0f/10 at worst (%u session)",
                                         "%.0f/10 at worst (%u sessions)", n_session),
                               worst_session, n_session);
  else
    session = g_strdup (_("no sessions rated"));

  rows[n_rows++] = _("Baseline morning pain");
  rows[n_rows++] = baseline;
  rows[n_rows++] = _("Morning pain, last 7 days");
  rows[n_rows++] = recent_text;
  if (change != NULL)
    {
      rows[n_rows++] = _("Change from baseline");
      rows[n_rows++] = change;
    }
  rows[n_rows++] = _("Pain during exercise, last 4 weeks");
  rows[n_rows++] = session;

  heading (flow, _("Pain"), 240);
  facts (flow, rows, n_rows / 2);
  chart (flow, data, LOADWISE_CHART_PAIN, 150);
}

static void
section_adherence (Flow                    *flow,
                   const LoadwiseChartData *data,
                   LoadwiseDatabase        *database,
                   const LoadwiseProgramme *programme,
                   const GDate             *today)
{
  guint done = 0, prescribed = 0, skipped = 0, recent_done = 0, recent_prescribed = 0;
  guint32 last = g_date_get_julian (today);
  g_autofree char *overall = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *sessions = NULL;
  g_autoptr (GArray) statuses = NULL;
  guint n_done = 0;
  const char *rows[6];

  for (guint i = 0; i < data->adherence.weeks->len; i++)
    {
      const LoadwiseAdherenceWeek *w = &g_array_index (data->adherence.weeks, LoadwiseAdherenceWeek, i);

      done += w->done;
      prescribed += w->prescribed;
      skipped += w->skipped;
      if (w->first_day + 28 > last)
        {
          recent_done += w->done;
          recent_prescribed += w->prescribed;
        }
    }
  statuses = loadwise_database_list_session_statuses (database, &data->from, today, NULL);
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    n_done += g_array_index (statuses, LoadwiseSessionRecord, i).status == LOADWISE_SESSION_STATUS_DONE;

  if (prescribed > 0)
    overall = g_strdup_printf (_("%u%% (%u of %u sets)"),
                               (guint) MIN (100, lround (100.0 * done / prescribed)), done, prescribed);
  else
    overall = g_strdup (_("no sessions prescribed yet"));
  if (recent_prescribed > 0)
    recent = g_strdup_printf (_("%u%% (%u of %u sets)"),
                              (guint) MIN (100, lround (100.0 * recent_done / recent_prescribed)),
                              recent_done, recent_prescribed);
  else
    recent = g_strdup (_("no sessions prescribed"));
  sessions = g_strdup_printf (ngettext ("%u finished, %u skipped with a reason",
                                        "%u finished, %u skipped with a reason", n_done),
                              n_done, skipped);

  rows[0] = _("Sets done, whole period");
  rows[1] = overall;
  rows[2] = _("Sets done, last 4 weeks");
  rows[3] = recent;
  rows[4] = _("Sessions");
  rows[5] = sessions;
  heading (flow, _("Adherence"), 185);
  facts (flow, rows, 3);
  chart (flow, data, LOADWISE_CHART_ADHERENCE, 100);
}

static void
section_levels (Flow                    *flow,
                const LoadwiseChartData *data,
                LoadwiseDatabase        *database)
{
  g_autoptr (GPtrArray) plans = loadwise_database_list_week_plans (database, NULL);
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) reviews = NULL;

  heading (flow, _("Exercise levels and weekly decisions"), 150);
  chart (flow, data, LOADWISE_CHART_LEVELS, 110);

  /* The latest changes of level with the reason the app gave. */
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);
      LoadwiseChartDecision decision = loadwise_chart_decision_from_string (plan->decision);

      if (decision != LOADWISE_CHART_DECISION_PROGRESS && decision != LOADWISE_CHART_DECISION_REGRESS)
        continue;
      /* The stored reason names the family and the new level ("Bridge:
       * up to level 2 — every set done, ..."), and at level 4 says that
       * the reps climbed instead: print it as the app gave it. */
      g_ptr_array_add (changes,
                       /* Translators: "Week 3: REASON" */
                       g_strdup_printf (_("Week %d: %s"), plan->week,
                                        plan->reason != NULL ? plan->reason : ""));
    }
  for (guint i = changes->len > 5 ? changes->len - 5 : 0; i < changes->len; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("• %s", (char *) g_ptr_array_index (changes, i));

      paragraph (flow, markup, 9, FALSE, 2);
    }

  /* The weeks whose review advised seeing a clinician (PROGRAMME.md, the
   * weekly decision), the latest last. */
  reviews = loadwise_database_list_week_reviews (database, NULL);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const LoadwiseWeekReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *markup = NULL;

      if (!review->see_clinician)
        continue;
      markup = g_markup_printf_escaped (_("• <b>Week %d: the app advised seeing a clinician.</b> %s"),
                                        review->week,
                                        review->clinician_reason != NULL ? review->clinician_reason : "");
      paragraph (flow, markup, 9, FALSE, 2);
    }
  flow->y += 4;
}

/* PROGRAMME.md, "Patterns (insights)": each finding with its sample
 * sizes, as an association. */
static void
section_insights (Flow              *flow,
                  LoadwiseDatabase  *database)
{
  g_autoptr (GPtrArray) insights = loadwise_database_compute_insights (database, NULL);

  heading (flow, _("Patterns between load and pain"), 40);
  if (insights == NULL || insights->len == 0)
    {
      text_paragraph (flow, _("No pattern yet: a comparison needs at least 3 runs or days "
                              "on each side, and a difference of a point or more."));
      return;
    }
  text_paragraph (flow, _("Associations in the runner’s own records, not causes; the counts "
                          "say how many runs or days each comparison rests on."));
  for (guint i = 0; i < MIN (insights->len, 6u); i++)
    {
      const LoadwiseInsight *insight = g_ptr_array_index (insights, i);
      g_autofree char *markup = g_markup_printf_escaped ("• %s", insight->text);

      paragraph (flow, markup, 9, FALSE, 2);
    }
  flow->y += 4;
}

static void
section_red_flags (Flow              *flow,
                   LoadwiseDatabase  *database)
{
  GDate date;
  guint mask = 0;
  gboolean found = FALSE;

  heading (flow, _("Red-flag screening"), 60);
  if (!loadwise_database_get_red_flags (database, &date, &mask, &found, NULL) || !found)
    {
      text_paragraph (flow, _("The warning-sign questions have not been answered yet."));
      return;
    }
  {
    g_autofree char *when = format_date (&date);
    g_autofree char *intro = g_strdup_printf (mask == 0
                                              ? _("Last answered on %s: no to every question.")
                                              : _("Last answered on %s. Answered yes:"),
                                              when);

    text_paragraph (flow, intro);
  }
  if (mask == 0)
    {
      text_paragraph (flow, _("The questions ask about signs of a stress fracture of the hip, "
                              "infection, a fall or injury, unexplained weight loss or cancer, "
                              "and nerve symptoms in the leg."));
      return;
    }
  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag flag = loadwise_red_flag_nth (i);
      g_autofree char *markup = NULL;

      markup = g_markup_printf_escaped ("<b>%s</b>  %s", (mask & flag) ? _("Yes") : _("No"),
                                        loadwise_red_flag_get_question (flag));
      paragraph (flow, markup, 8.5, FALSE, 2);
    }
  if (mask != 0)
    text_paragraph (flow, loadwise_red_flags_get_advice_for (mask));
}

gboolean
loadwise_report_write_pdf_to_file (LoadwiseDatabase         *database,
                                   const LoadwiseCatalogue  *catalogue,
                                   const GDate              *today,
                                   LoadwiseAtomicFile       *file,
                                   GError                  **error)
{
  g_autoptr (LoadwiseChartData) data = NULL;
  g_autofree char *prepared = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *sides = NULL;
  LoadwiseProgramme programme;
  cairo_surface_t *surface;
  gboolean ok;
  Flow flow = { 0 };
  GDate from, earliest;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (catalogue != NULL && today != NULL && file != NULL, FALSE);

  if (!loadwise_database_get_programme (database, &programme, error))
    return FALSE;

  /* From the baseline week before the start, at most 26 weeks back. */
  from = programme.start;
  g_date_subtract_days (&from, LOADWISE_BASELINE_DAYS);
  earliest = *today;
  g_date_subtract_days (&earliest, REPORT_MAX_DAYS);
  if (g_date_compare (&from, &earliest) < 0)
    from = earliest;
  if (g_date_compare (&from, today) > 0)
    from = *today;
  data = loadwise_chart_data_load (database, catalogue, &from, today, error);
  if (data == NULL)
    return FALSE;

  /* Into @file, so a failed write (a full disk) is seen and nothing
   * partial is left: cairo writes most of a PDF when it is finished. */
  surface = cairo_pdf_surface_create_for_stream (loadwise_export_cairo_write, file,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Hip exercise programme: report for a clinician"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Loadwise " PACKAGE_VERSION);

  flow.cr = cairo_create (surface);
  flow.layout = pango_cairo_create_layout (flow.cr);
  /* Points are the PDF's units: lay text out at 72 dpi. */
  pango_cairo_context_set_resolution (pango_layout_get_context (flow.layout), 72);
  pango_layout_context_changed (flow.layout);
  flow.page = 1;
  flow.y = MARGIN;
  loadwise_chart_style_init (&flow.chart_style, LOADWISE_CHART_THEME_LIGHT);
  flow.chart_style.font_size = 5.6;
  flow.chart_style.line_width = 1.5;

  {
    g_autofree char *title = g_markup_printf_escaped ("%s", _("Hip exercise programme: report for a clinician"));

    paragraph (&flow, title, 17, TRUE, 4);
  }
  prepared = format_date (today);
  from_text = format_date (&from);
  to_text = format_date (today);
  intro = g_strdup_printf (_("Prepared with Loadwise on %s from the runner’s own entries: "
                             "morning check-ins, exercise sessions with the pain felt during them, "
                             "and runs. Pain is on a 0–10 scale (0 none, 10 worst imaginable). "
                             "Period shown: %s to %s."),
                           prepared, from_text, to_text);
  text_paragraph (&flow, intro);

  section_programme (&flow, &programme, catalogue, database, today, NULL);
  section_pain (&flow, data, today);
  section_adherence (&flow, data, database, &programme, today);
  section_levels (&flow, data, database);

  heading (&flow, _("Running"), 140);
  chart (&flow, data, LOADWISE_CHART_RUNS, 100);

  section_insights (&flow, database);

  heading (&flow, _("Left and right"), 20);
  sides = loadwise_chart_data_describe (data, LOADWISE_CHART_SIDES);
  text_paragraph (&flow, sides);

  section_red_flags (&flow, database);

  draw_footer (&flow);
  cairo_show_page (flow.cr);
  g_clear_object (&flow.layout);
  if (cairo_status (flow.cr) != CAIRO_STATUS_SUCCESS
      && loadwise_atomic_file_get_failure (file) == NULL)
    {
      g_autofree char *name = g_filename_display_name (loadwise_atomic_file_get_path (file));
      g_autoptr (GError) failure = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                _("Could not write “%s”: %s"), name,
                                                cairo_status_to_string (cairo_status (flow.cr)));

      loadwise_atomic_file_set_failed (file, failure);
    }
  cairo_destroy (flow.cr);
  ok = loadwise_export_finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
loadwise_report_write_pdf (LoadwiseDatabase         *database,
                           const LoadwiseCatalogue  *catalogue,
                           const GDate              *today,
                           const char               *path,
                           GError                  **error)
{
  g_autoptr (LoadwiseAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, error);
  return file != NULL
         && loadwise_report_write_pdf_to_file (database, catalogue, today, file, error)
         && loadwise_atomic_file_commit (file, error);
}
