/* loadwise-run.c: a run and its load factors
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-run.h"
#include "core/loadwise-text.h"
#include "core/loadwise-types.h"

/* Stable ids: the database, the CLI and JSON use them; never translated. */
static const char * const camber_ids[] = {
  [LOADWISE_CAMBER_NONE] = "none",
  [LOADWISE_CAMBER_LEFT] = "left",
  [LOADWISE_CAMBER_RIGHT] = "right",
};

static const char * const surface_ids[LOADWISE_N_SURFACES] = {
  [LOADWISE_SURFACE_ROAD] = "road",
  [LOADWISE_SURFACE_TRAIL] = "trail",
  [LOADWISE_SURFACE_TRACK] = "track",
  [LOADWISE_SURFACE_TREADMILL] = "treadmill",
};

static gboolean
lookup (const char * const *ids,
        guint               n_ids,
        const char         *text,
        guint              *out_index)
{
  for (guint i = 0; text != NULL && i < n_ids; i++)
    {
      if (strcmp (ids[i], text) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
loadwise_camber_to_string (LoadwiseCamber camber)
{
  g_return_val_if_fail ((guint) camber < G_N_ELEMENTS (camber_ids), NULL);
  return camber_ids[camber];
}

gboolean
loadwise_camber_from_string (const char     *text,
                             LoadwiseCamber *out_camber)
{
  guint index;

  if (!lookup (camber_ids, G_N_ELEMENTS (camber_ids), text, &index))
    return FALSE;
  *out_camber = (LoadwiseCamber) index;
  return TRUE;
}

const char *
loadwise_camber_get_label (LoadwiseCamber camber)
{
  switch (camber)
    {
    case LOADWISE_CAMBER_NONE:
      return _("None");
    case LOADWISE_CAMBER_LEFT:
      return _("Left side low");
    case LOADWISE_CAMBER_RIGHT:
      return _("Right side low");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
loadwise_surface_to_string (LoadwiseSurface surface)
{
  g_return_val_if_fail ((guint) surface < LOADWISE_N_SURFACES, NULL);
  return surface_ids[surface];
}

gboolean
loadwise_surface_from_string (const char      *text,
                              LoadwiseSurface *out_surface)
{
  guint index;

  if (!lookup (surface_ids, LOADWISE_N_SURFACES, text, &index))
    return FALSE;
  *out_surface = (LoadwiseSurface) index;
  return TRUE;
}

const char *
loadwise_surface_get_label (LoadwiseSurface surface)
{
  switch (surface)
    {
    case LOADWISE_SURFACE_ROAD:
      return _("Road");
    case LOADWISE_SURFACE_TRAIL:
      return _("Trail");
    case LOADWISE_SURFACE_TRACK:
      return _("Track");
    case LOADWISE_SURFACE_TREADMILL:
      return _("Treadmill");
    default:
      g_return_val_if_reached (NULL);
    }
}

LoadwiseRun *
loadwise_run_new (void)
{
  LoadwiseRun *run = g_new0 (LoadwiseRun, 1);

  g_date_clear (&run->date, 1);
  return run;
}

LoadwiseRun *
loadwise_run_copy (const LoadwiseRun *run)
{
  LoadwiseRun *copy;

  g_return_val_if_fail (run != NULL, NULL);

  copy = g_memdup2 (run, sizeof *run);
  copy->note = g_strdup (run->note);
  copy->track_sha256 = g_strdup (run->track_sha256);
  return copy;
}

void
loadwise_run_free (LoadwiseRun *run)
{
  if (run == NULL)
    return;
  g_free (run->note);
  g_free (run->track_sha256);
  g_free (run);
}

char *
loadwise_format_km (guint distance_m)
{
  /* Two decimals at most: 8.4, 10, 21.1, 0.25. */
  char *text = g_strdup_printf ("%u.%02u", distance_m / 1000, (distance_m % 1000 + 5) / 10);
  char *end;

  /* 999.999 km rounds up to the next whole km. */
  if ((distance_m % 1000 + 5) / 10 >= 100)
    {
      g_free (text);
      return g_strdup_printf ("%u", distance_m / 1000 + 1);
    }
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

char *
loadwise_format_km_exact (guint distance_m)
{
  if (distance_m % 10 == 0)
    return loadwise_format_km (distance_m);
  return g_strdup_printf ("%u.%03u", distance_m / 1000, distance_m % 1000);
}

char *
loadwise_format_km_local (guint distance_m)
{
  g_autofree char *text = loadwise_format_km (distance_m);

  return loadwise_localize_number (text);
}

char *
loadwise_format_km_exact_local (guint distance_m)
{
  g_autofree char *text = loadwise_format_km_exact (distance_m);

  return loadwise_localize_number (text);
}

char *
loadwise_format_shoe_km (guint64 distance_m)
{
  if (distance_m < 100000)
    return loadwise_format_km_local ((guint) distance_m);
  /* glibc's ' flag groups with LC_NUMERIC's separator. */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, (distance_m + 500) / 1000);
}

char *
loadwise_format_duration (guint seconds)
{
  if (seconds == 0)
    return g_strdup ("");
  if (seconds < 3600)
    return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
  return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

char *
loadwise_format_pace (guint s_per_km)
{
  if (s_per_km == 0)
    return g_strdup ("");
  return loadwise_format_duration (s_per_km);
}

static gboolean
distance_error (const char  *field,
                const char  *shown,
                const char  *mark,
                GError     **error)
{
  g_autofree char *c_min = loadwise_format_km (LOADWISE_RUN_DISTANCE_MIN_M);
  g_autofree char *min = loadwise_number_with_mark (c_min, mark);

  /* Translators: "distance: 450 km is outside 0.01-400 km (under 400)" */
  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
               _("%s: %s km is outside %s-%d km (under %d)"),
               field, shown, min, LOADWISE_RUN_DISTANCE_MAX_M / 1000, LOADWISE_RUN_DISTANCE_MAX_M / 1000);
  return FALSE;
}

/* @mark: the decimal mark the runner uses ("." in the CLI). */
static gboolean
parse_distance_km (const char  *field,
                   const char  *text,
                   const char  *mark,
                   guint       *out_m,
                   GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean parsed;
  double km;

  g_return_val_if_fail (field != NULL && out_m != NULL, FALSE);

  /* The shape first (a number at all), then our own range message in km. */
  if (g_str_equal (mark, "."))
    parsed = loadwise_parse_double (field, text, -G_MAXDOUBLE / 2, FALSE, G_MAXDOUBLE / 2,
                                    &km, &local_error);
  else
    parsed = loadwise_parse_double_local (field, text, -G_MAXDOUBLE / 2, FALSE, G_MAXDOUBLE / 2,
                                          &km, &local_error);
  if (!parsed)
    {
      g_autofree char *c_min = loadwise_format_km (LOADWISE_RUN_DISTANCE_MIN_M);
      g_autofree char *min = loadwise_number_with_mark (c_min, mark);
      g_autofree char *example = loadwise_number_with_mark ("8.4", mark);

      /* Translators: "Distance: 8k is not a distance in km (use a number
       * such as 8.4, from 0.01 to under 400)"; the numbers come written
       * with the runner's decimal mark. */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is not a distance in km (use a number such as %s, from %s to under %d)"),
                   field, text != NULL ? text : "", example, min, LOADWISE_RUN_DISTANCE_MAX_M / 1000);
      return FALSE;
    }
  /* Stored in whole metres: refused when what would be stored is less
   * than what the lists can show (0.0005 km would be 1 m, shown as 0). */
  if (!(km > 0) || km * 1000.0 >= LOADWISE_RUN_DISTANCE_MAX_M ||
      lround (km * 1000.0) < LOADWISE_RUN_DISTANCE_MIN_M)
    return distance_error (field, text, mark, error);

  *out_m = (guint) lround (km * 1000.0);
  return TRUE;
}

gboolean
loadwise_parse_distance_km (const char  *field,
                            const char  *text,
                            guint       *out_m,
                            GError     **error)
{
  return parse_distance_km (field, text, ".", out_m, error);
}

gboolean
loadwise_parse_distance_km_local (const char  *field,
                                  const char  *text,
                                  guint       *out_m,
                                  GError     **error)
{
  return parse_distance_km (field, text, loadwise_decimal_mark (), out_m, error);
}

gboolean
loadwise_run_validate (const LoadwiseRun  *run,
                       GError            **error)
{
  g_return_val_if_fail (run != NULL, FALSE);

  if (!g_date_valid (&run->date))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("date: no date given (use YYYY-MM-DD)"));
      return FALSE;
    }
  if (run->distance_m < LOADWISE_RUN_DISTANCE_MIN_M || run->distance_m >= LOADWISE_RUN_DISTANCE_MAX_M)
    {
      /* Below the minimum, to the metre: 5 m would round to 0.01 km. */
      g_autofree char *shown = run->distance_m < LOADWISE_RUN_DISTANCE_MIN_M
                               ? loadwise_format_km_exact (run->distance_m)
                               : loadwise_format_km (run->distance_m);

      return distance_error (_("distance"), shown, ".", error);
    }
  if (run->duration_s > LOADWISE_RUN_DURATION_MAX_S)
    {
      g_autofree char *shown = loadwise_format_duration (run->duration_s);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside 0:00:01-24:00:00"), _("duration"), shown);
      return FALSE;
    }
  if (!loadwise_check_range (_("climb (m)"), run->climb_m, 0, LOADWISE_RUN_ELEVATION_MAX_M, error) ||
      !loadwise_check_range (_("descent (m)"), run->descent_m, 0, LOADWISE_RUN_ELEVATION_MAX_M, error) ||
      !loadwise_check_range (_("pain during"), run->pain_during, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error) ||
      (run->has_pain_after &&
       !loadwise_check_range (_("pain after"), run->pain_after, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error)))
    return FALSE;
  if ((guint) run->camber > LOADWISE_CAMBER_RIGHT || (guint) run->surface >= LOADWISE_N_SURFACES)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("camber or surface: not one of the known values"));
      return FALSE;
    }
  if (run->shoe_id < 0)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("shoe: not a stored pair"));
      return FALSE;
    }
  /* The one check of free text (loadwise-text.h); the store keeps the
   * trimmed text it gives back. */
  return run->note == NULL
         || loadwise_text_validate (_("note"), run->note, -1, LOADWISE_TEXT_NOTE, NULL, error);
}

guint
loadwise_run_get_max_pain (const LoadwiseRun *run)
{
  g_return_val_if_fail (run != NULL, 0);

  if (run->has_pain_after && run->pain_after > run->pain_during)
    return run->pain_after;
  return run->pain_during;
}

guint
loadwise_run_get_pace_s_per_km (const LoadwiseRun *run)
{
  g_return_val_if_fail (run != NULL, 0);

  if (run->duration_s == 0 || run->distance_m == 0)
    return 0;
  return (guint) lround ((double) run->duration_s * 1000.0 / run->distance_m);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

guint
loadwise_runs_median_distance (GPtrArray   *runs,
                               const GDate *date,
                               guint        days)
{
  g_autoptr (GArray) distances = g_array_new (FALSE, FALSE, sizeof (guint));
  guint julian;
  guint n;

  g_return_val_if_fail (runs != NULL && date != NULL && g_date_valid (date), 0);

  julian = g_date_get_julian (date);
  for (guint i = 0; i < runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (runs, i);
      guint j = g_date_get_julian (&run->date);

      if (j < julian && j + days >= julian)
        g_array_append_val (distances, run->distance_m);
    }

  n = distances->len;
  if (n == 0)
    return 0;
  g_array_sort (distances, compare_uint);
  if (n % 2 == 1)
    return g_array_index (distances, guint, n / 2);
  return (g_array_index (distances, guint, n / 2 - 1) + g_array_index (distances, guint, n / 2)) / 2;
}

gboolean
loadwise_run_is_long (const LoadwiseRun *run,
                      GPtrArray         *runs)
{
  guint median;

  g_return_val_if_fail (run != NULL, FALSE);

  if (run->long_run)
    return TRUE;
  if (runs == NULL)
    return FALSE;
  /* (design) PROGRAMME.md: above 1.5 x the median run of the 4 weeks before. */
  median = loadwise_runs_median_distance (runs, &run->date, LOADWISE_LONG_RUN_WINDOW_DAYS);
  return median > 0 && run->distance_m > LOADWISE_LONG_RUN_FACTOR * median;
}
