/* loadwise-flare.c: flare-ups and the return-to-run guard
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-flare.h"
#include "core/loadwise-types.h"

void
loadwise_flare_detection_clear (LoadwiseFlareDetection *detection)
{
  g_clear_pointer (&detection->reason, g_free);
}

void
loadwise_flare_advice_clear (LoadwiseFlareAdvice *advice)
{
  g_clear_pointer (&advice->text, g_free);
}

void
loadwise_run_guard_clear (LoadwiseRunGuard *guard)
{
  g_clear_pointer (&guard->text, g_free);
}

/* The check-in of Julian day @julian, or NULL. */
static const LoadwiseCheckin *
find_checkin (const LoadwiseCheckin *checkins,
              gsize                  n_checkins,
              guint                  julian)
{
  for (gsize i = 0; i < n_checkins; i++)
    if (g_date_valid (&checkins[i].date) && g_date_get_julian (&checkins[i].date) == julian)
      return &checkins[i];
  return NULL;
}

static void
set_later (GDate *evidence,
           guint  julian)
{
  if (!g_date_valid (evidence) || g_date_get_julian (evidence) < julian)
    g_date_set_julian (evidence, julian);
}

void
loadwise_flare_detect (const LoadwiseCheckin  *checkins,
                       gsize                   n_checkins,
                       GPtrArray              *runs,
                       double                  baseline,
                       guint                   max_pain,
                       const GDate            *today,
                       LoadwiseFlareDetection *out)
{
  g_autoptr (GString) reason = g_string_new (NULL);
  guint today_j;
  guint morning_pain = 0;
  guint run_pain = 0;

  g_return_if_fail (checkins != NULL || n_checkins == 0);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  out->trigger = LOADWISE_FLARE_TRIGGER_NONE;
  g_date_clear (&out->evidence, 1);
  out->reason = NULL;
  today_j = g_date_get_julian (today);

  /* Pairs of consecutive mornings ending today or yesterday. */
  for (guint end = today_j; end + 1 >= today_j && end > 1; end--)
    {
      const LoadwiseCheckin *last = find_checkin (checkins, n_checkins, end);
      const LoadwiseCheckin *first = find_checkin (checkins, n_checkins, end - 1);

      if (last != NULL && first != NULL &&
          last->morning_pain >= baseline + LOADWISE_FLARE_MORNING_RISE &&
          first->morning_pain >= baseline + LOADWISE_FLARE_MORNING_RISE)
        {
          out->trigger |= LOADWISE_FLARE_TRIGGER_MORNING;
          set_later (&out->evidence, end);
          morning_pain = MAX (morning_pain, MIN (last->morning_pain, first->morning_pain));
        }
    }

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (runs, i);
      guint j = g_date_get_julian (&run->date);
      guint pain = loadwise_run_get_max_pain (run);

      if ((j == today_j || j + 1 == today_j) && pain > max_pain)
        {
          out->trigger |= LOADWISE_FLARE_TRIGGER_RUN_PAIN;
          set_later (&out->evidence, j);
          run_pain = MAX (run_pain, pain);
        }
    }

  for (guint day = today_j; day + 1 >= today_j && day > LOADWISE_FLARE_NIGHT_NEW_DAYS; day--)
    {
      const LoadwiseCheckin *checkin = find_checkin (checkins, n_checkins, day);
      gboolean earlier = FALSE;

      if (checkin == NULL || !checkin->night_pain)
        continue;
      for (guint back = 1; back <= LOADWISE_FLARE_NIGHT_NEW_DAYS; back++)
        {
          const LoadwiseCheckin *before = find_checkin (checkins, n_checkins, day - back);

          earlier = earlier || (before != NULL && before->night_pain);
        }
      if (!earlier)
        {
          out->trigger |= LOADWISE_FLARE_TRIGGER_NIGHT_PAIN;
          set_later (&out->evidence, day);
        }
    }

  if (out->trigger & LOADWISE_FLARE_TRIGGER_MORNING)
    g_string_append_printf (reason,
                            _("Morning pain was %u or more on two mornings in a row, at least 2 points above your usual %.1f."),
                            morning_pain, baseline);
  if (out->trigger & LOADWISE_FLARE_TRIGGER_RUN_PAIN)
    {
      if (reason->len > 0)
        g_string_append_c (reason, ' ');
      g_string_append_printf (reason, _("A run hurt %u out of 10, above your maximum of %u."),
                              run_pain, max_pain);
    }
  if (out->trigger & LOADWISE_FLARE_TRIGGER_NIGHT_PAIN)
    {
      if (reason->len > 0)
        g_string_append_c (reason, ' ');
      g_string_append (reason, _("The hip hurt in the night, which it had not in the week before."));
      /* PROGRAMME.md, "Red flags": pain at night is a sign of a femoral
       * neck stress fracture (Robertson & Wood 2017), so flare mode alone
       * is not the answer: point to a clinician as well. */
      g_string_append_c (reason, ' ');
      g_string_append (reason, loadwise_flare_get_night_pain_advice ());
    }
  if (out->trigger != LOADWISE_FLARE_TRIGGER_NONE)
    out->reason = g_string_free (g_steal_pointer (&reason), FALSE);
}

const char *
loadwise_flare_get_night_pain_advice (void)
{
  return _("New pain at night can be a sign of a stress fracture: please see a doctor or "
           "physiotherapist soon, and answer the red-flag questions again.");
}

gboolean
loadwise_flare_should_end (const LoadwiseCheckin *checkins,
                           gsize                  n_checkins,
                           double                 baseline,
                           const GDate           *since,
                           const GDate           *today,
                           GDate                 *out_end)
{
  guint since_j;
  guint today_j;
  guint run = 0;

  g_return_val_if_fail (checkins != NULL || n_checkins == 0, FALSE);
  g_return_val_if_fail (since != NULL && g_date_valid (since), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  since_j = g_date_get_julian (since);
  today_j = g_date_get_julian (today);

  /* The first run of 3 settled mornings after the start ends it. */
  for (guint day = since_j + 1; day <= today_j; day++)
    {
      const LoadwiseCheckin *checkin = find_checkin (checkins, n_checkins, day);

      if (checkin != NULL && checkin->morning_pain <= baseline + LOADWISE_FLARE_EXIT_RISE)
        run++;
      else
        run = 0;
      if (run == LOADWISE_FLARE_EXIT_DAYS)
        {
          if (out_end != NULL)
            g_date_set_julian (out_end, day);
          return TRUE;
        }
    }
  return FALSE;
}

/* The flare distance for a typical run of @typical_m: about 60% of it,
 * rounded to a figure a runner can plan with (the nearest 0.5 km, or 100 m
 * or 10 m for short runs), but never outside PROGRAMME.md's 50-70% of the
 * typical run: a half kilometre that would fall outside gives way to the
 * nearest one inside, or to a finer step when none is. */
static guint
flare_distance (guint typical_m)
{
  static const guint steps[] = { 500, 100, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint64 step = steps[i];
      /* The multiples of @step within [50%, 70%] of the typical run, exactly. */
      guint64 lo = ((guint64) typical_m * LOADWISE_FLARE_RUN_PERCENT_MIN + 100 * step - 1) / (100 * step);
      guint64 hi = ((guint64) typical_m * LOADWISE_FLARE_RUN_PERCENT_MAX) / (100 * step);
      guint64 target = ((guint64) typical_m * LOADWISE_FLARE_RUN_PERCENT + 50 * step) / (100 * step);

      lo = MAX (lo, 1);
      if (lo <= hi)
        return (guint) (CLAMP (target, lo, hi) * step);
    }
  /* Under 15 m: nothing sensible to round; 60% to the metre. */
  return MAX ((guint) ((guint64) typical_m * LOADWISE_FLARE_RUN_PERCENT / 100), 1);
}

void
loadwise_flare_advise (GPtrArray           *runs,
                       const GDate         *since,
                       LoadwiseFlareAdvice *out)
{
  g_autofree char *until_text = NULL;

  g_return_if_fail (runs != NULL);
  g_return_if_fail (since != NULL && g_date_valid (since));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->percent = LOADWISE_FLARE_RUN_PERCENT;
  out->easy_until = *since;
  g_date_add_days (&out->easy_until, LOADWISE_FLARE_EASY_DAYS);
  until_text = loadwise_date_format (&out->easy_until);

  out->typical_m = loadwise_runs_median_distance (runs, since, LOADWISE_FLARE_TYPICAL_DAYS);
  out->has_typical = out->typical_m > 0;
  if (out->has_typical)
    {
      g_autofree char *max_text = NULL;
      g_autofree char *typical_text = NULL;
      out->max_run_m = flare_distance (out->typical_m);
      /* The share the rounded figure really is, so the sentence never says
       * 60% of a distance it is 71% of (issue 12). */
      out->percent = (guint) (((guint64) out->max_run_m * 100 + out->typical_m / 2) / out->typical_m);
      max_text = loadwise_format_km_local (out->max_run_m);
      typical_text = loadwise_format_km_local (out->typical_m);
      /* Translators: "Keep runs to about 5 km, 60% of your usual 8.4 km; ..." */
      out->text = g_strdup_printf (_("Keep runs to about %s km, %u%% of your usual %s km; "
                                     "flat and easy, no long run, hills, downhills or speed work "
                                     "until %s, and avoid cambered roads."),
                                   max_text, out->percent, typical_text, until_text);
    }
  else
    {
      out->text = g_strdup_printf (_("Keep runs short, about %u%% of your usual run; flat and easy, "
                                     "no long run, hills, downhills or speed work until %s, "
                                     "and avoid cambered roads."),
                                   out->percent, until_text);
    }
}

static gboolean
is_same_run (const LoadwiseRun *a,
             const LoadwiseRun *b)
{
  return a == b || (a->id != 0 && a->id == b->id);
}

gboolean
loadwise_run_guard_check (const LoadwiseRun *run,
                          GPtrArray         *runs,
                          LoadwiseRunGuard  *out)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint day;

  g_return_val_if_fail (run != NULL && g_date_valid (&run->date), FALSE);
  g_return_val_if_fail (runs != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  day = g_date_get_julian (&run->date);
  out->week_m = run->distance_m;

  for (guint i = 0; i < runs->len; i++)
    {
      const LoadwiseRun *other = g_ptr_array_index (runs, i);
      guint j = g_date_get_julian (&other->date);

      if (is_same_run (other, run))
        continue;
      /* Frandsen 2025: the longest run of the 30 days before this one. */
      if (j < day && j + LOADWISE_GUARD_SPIKE_DAYS >= day)
        out->longest_m = MAX (out->longest_m, other->distance_m);
      /* Nielsen 2014: this week (the 7 days ending today) against the week
       * two weeks before it. */
      if (j <= day && j + 7 > day)
        out->week_m += other->distance_m;
      if (j + 14 <= day && j + 14 + 7 > day)
        out->earlier_week_m += other->distance_m;
    }

  if (out->longest_m > 0 && run->distance_m > out->longest_m)
    out->spike_percent = (guint) (((guint64) run->distance_m - out->longest_m) * 100 / out->longest_m);
  /* More than 10% longer, in exact metres: 11 km after 10 km is not a spike. */
  out->spike = out->longest_m > 0 &&
               (guint64) run->distance_m * 100 > (guint64) out->longest_m * (100 + LOADWISE_GUARD_SPIKE_PERCENT);

  if (out->earlier_week_m > 0 && out->week_m > out->earlier_week_m)
    out->growth_percent = (guint) (((guint64) out->week_m - out->earlier_week_m) * 100 / out->earlier_week_m);
  out->growth = out->earlier_week_m > 0 &&
                (guint64) out->week_m * 100 > (guint64) out->earlier_week_m * (100 + LOADWISE_GUARD_GROWTH_PERCENT);

  if (out->spike)
    {
      g_autofree char *run_km = loadwise_format_km_local (run->distance_m);
      g_autofree char *longest_km = loadwise_format_km_local (out->longest_m);

      /* Frandsen 2025: the sources are in About and the report, not in
       * the runner's sentences (issue 13). */
      g_string_append_printf (text,
                              _("This %s km run is %u%% longer than your longest run of the previous "
                                "30 days (%s km). In a study of 5,205 runners, single runs more than 10%% "
                                "longer than that went with more injuries."),
                              run_km, out->spike_percent, longest_km);
    }
  if (out->growth)
    {
      g_autofree char *week_km = loadwise_format_km_local (out->week_m);
      g_autofree char *earlier_km = loadwise_format_km_local (out->earlier_week_m);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Nielsen 2014. */
      g_string_append_printf (text,
                              _("Your last 7 days came to %s km, %u%% more than the 7 days two weeks "
                                "earlier (%s km). Weekly growth of more than 30%% over 2 weeks went with "
                                "hip and other distance-related injuries."),
                              week_km, out->growth_percent, earlier_km);
    }
  if (text->len > 0)
    {
      g_string_append (text, _(" Nothing is wrong now: consider keeping the next runs shorter."));
      out->text = g_string_free (g_steal_pointer (&text), FALSE);
    }
  return out->spike || out->growth;
}

static void
append_sentence (LoadwiseRunGuard *out,
                 const char       *sentence)
{
  char *joined = out->text != NULL ? g_strconcat (out->text, " ", sentence, NULL) : g_strdup (sentence);

  g_free (out->text);
  out->text = joined;
}

gboolean
loadwise_run_guard_check_return (const LoadwiseRun *run,
                                 const LoadwiseRun *previous,
                                 LoadwiseRunGuard  *out)
{
  g_autofree char *note = NULL;
  g_autofree char *first_km = NULL;
  g_autofree char *last_km = NULL;
  guint day, last_day, halves;

  g_return_val_if_fail (run != NULL && g_date_valid (&run->date), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  out->returning = FALSE;
  /* A runner's first logged run says nothing of a break. */
  if (previous == NULL || !g_date_valid (&previous->date) || out->longest_m > 0)
    return FALSE;
  day = g_date_get_julian (&run->date);
  last_day = g_date_get_julian (&previous->date);
  if (last_day + LOADWISE_GUARD_SPIKE_DAYS >= day)
    return FALSE;

  out->returning = TRUE;
  out->days_since_last = day - last_day;
  out->last_m = previous->distance_m;
  /* Half the last run, to the 0.5 km below it: conservative, and a
   * figure to plan with (the header says why). */
  halves = (guint) ((guint64) previous->distance_m * LOADWISE_GUARD_RETURN_PERCENT / 100 / 500);
  out->first_m = halves > 0 ? halves * 500
                            : MAX ((guint) ((guint64) previous->distance_m * LOADWISE_GUARD_RETURN_PERCENT / 100), 1);

  first_km = loadwise_format_km_local (out->first_m);
  last_km = loadwise_format_km_local (out->last_m);
  /* Frandsen 2025 (the 10%), as the spike above. */
  note = g_strdup_printf (ngettext ("This is your first run in %u day, so there is no recent run to "
                                    "compare it with: treat it as a return to running. Start at about "
                                    "%s km, half your last run before the break (%s km), and make each "
                                    "run after it at most 10%% longer than the longest of the previous "
                                    "30 days.",
                                    "This is your first run in %u days, so there is no recent run to "
                                    "compare it with: treat it as a return to running. Start at about "
                                    "%s km, half your last run before the break (%s km), and make each "
                                    "run after it at most 10%% longer than the longest of the previous "
                                    "30 days.",
                                    out->days_since_last),
                          out->days_since_last, first_km, last_km);
  append_sentence (out, note);
  return TRUE;
}

gboolean
loadwise_run_guard_check_flare (const LoadwiseRun         *run,
                                const LoadwiseFlareAdvice *advice,
                                LoadwiseRunGuard          *out)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *note = NULL;
  gboolean easy_weeks;
  guint flat_m;

  g_return_val_if_fail (run != NULL && g_date_valid (&run->date), FALSE);
  g_return_val_if_fail (advice != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  out->flare_breaches = 0;
  /* PROGRAMME.md, "Flare-ups": shorter runs (about 50-70% of the typical
   * one), flat routes and no cambered roads for the whole flare; no hills,
   * downhills, speed work or long runs for the first 1-2 weeks (the advice
   * takes 2: easy_until). */
  easy_weeks = !g_date_valid (&advice->easy_until) || g_date_compare (&run->date, &advice->easy_until) < 0;
  flat_m = MAX ((guint) ((guint64) run->distance_m * LOADWISE_FLARE_FLAT_M_PER_KM / 1000),
                LOADWISE_FLARE_FLAT_MIN_M);

  if (advice->has_typical && run->distance_m > advice->max_run_m)
    {
      g_autofree char *run_km = loadwise_format_km_local (run->distance_m);
      g_autofree char *max_km = loadwise_format_km_local (advice->max_run_m);

      out->flare_breaches |= LOADWISE_FLARE_BREACH_DISTANCE;
      /* Translators: one item of a list, "12 km, longer than the 5 km of the flare advice" */
      g_string_append_printf (list, _("%s km, longer than the %s km of the flare advice"), run_km, max_km);
    }
  if (easy_weeks && run->speed)
    {
      out->flare_breaches |= LOADWISE_FLARE_BREACH_SPEED;
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", _("speed work"));
    }
  if (easy_weeks && run->long_run)
    {
      out->flare_breaches |= LOADWISE_FLARE_BREACH_LONG;
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", _("a long run"));
    }
  if (run->climb_m > flat_m || run->descent_m > flat_m)
    {
      g_autofree char *item = NULL;

      out->flare_breaches |= LOADWISE_FLARE_BREACH_HILLS;
      /* Translators: one item of a list, "hills (120 m up, 400 m down) rather than a flat route" */
      item = g_strdup_printf (_("hills (%u m up, %u m down) rather than a flat route"),
                              run->climb_m, run->descent_m);
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", item);
    }
  if (run->camber != LOADWISE_CAMBER_NONE)
    {
      out->flare_breaches |= LOADWISE_FLARE_BREACH_CAMBER;
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", _("a cambered road"));
    }

  if (out->flare_breaches == 0)
    return FALSE;

  /* Translators: %s is the list of items above, separated by "; " */
  note = g_strdup_printf (_("During this flare, the run went against the flare advice: %s. "
                            "Keep the next runs shorter, flat and easy until the hip settles."),
                          list->str);
  append_sentence (out, note);
  return TRUE;
}
