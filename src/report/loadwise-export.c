/* loadwise-export.c: CSV and iCalendar export
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report/loadwise-export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-svg.h>
#include <libical/ical.h>

#include "core/loadwise-error.h"
#include "core/loadwise-session.h"
#include "store/loadwise-database-charts.h"
#include "store/loadwise-database-progression.h"

char *
loadwise_csv_quote (const char *field)
{
  GString *quoted;
  gsize length;

  if (field == NULL)
    return g_strdup ("");

  length = strlen (field);
  if (strpbrk (field, ",\"\r\n") == NULL
      && (length == 0 || (field[0] != ' ' && field[length - 1] != ' ')))
    return g_strdup (field);

  quoted = g_string_sized_new (length + 2);
  g_string_append_c (quoted, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static void
append_row (GString            *text,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *quoted = loadwise_csv_quote (fields[i]);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, quoted);
    }
  g_string_append (text, "\r\n");
}

static gboolean
on_csv_row (const char * const  *columns,
            const char * const  *values,
            guint                n_columns,
            gpointer             user_data,
            GError             **error)
{
  append_row (user_data, values != NULL ? values : columns, n_columns);
  return TRUE;
}

gboolean
loadwise_export_csv (LoadwiseDatabase  *database,
                     const char        *folder,
                     GError           **error)
{
  g_autoptr (LoadwiseAtomicFile) out = NULL;
  g_auto (GStrv) tables = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  tables = loadwise_database_list_tables (database, error);
  if (tables == NULL)
    return FALSE;
  out = loadwise_atomic_file_new (folder, LOADWISE_ATOMIC_FILE_FOLDER, error);
  if (out == NULL)
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *basename = g_strconcat (tables[i], ".csv", NULL);
      g_autoptr (LoadwiseAtomicFile) file = NULL;

      if (!loadwise_database_foreach_row (database, tables[i], on_csv_row, text, error))
        return FALSE;
      file = loadwise_atomic_file_new_in_folder (out, basename, error);
      if (file == NULL
          || !loadwise_atomic_file_write (file, text->str, text->len, error)
          || !loadwise_atomic_file_commit (file, error))
        return FALSE;
    }
  return loadwise_atomic_file_commit (out, error);
}

char *
loadwise_export_session_uid (const GDate *date)
{
  g_autofree char *iso = loadwise_date_to_iso (date);

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  /* The released ID even in a development build: the UID names the
   * session, not the program, so a calendar that imported one build's
   * export recognises the same sessions in the other's. */
  return g_strdup_printf ("session-%s@%s", iso, BASE_APP_ID);
}

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

static char *
describe_prescription (const LoadwisePrescription *prescription)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwisePrescribedExercise *item = &prescription->exercises[f];

      if (item->exercise == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (item->target_hold_s > 0)
        /* Translators: "Bridge, level 2: Single-leg bridge, 3 sets of 10 s" */
        g_string_append_printf (text, _("%s, level %u: %s, %u sets of %u s hold"),
                                loadwise_family_get_label (f), item->level, item->exercise->name,
                                item->sets, item->target_hold_s);
      else
        g_string_append_printf (text, _("%s, level %u: %s, %u sets of %u"),
                                loadwise_family_get_label (f), item->level, item->exercise->name,
                                item->sets, item->target_reps);
      if (item->n_sides > 1)
        g_string_append_printf (text, " %s", _("per side"));
    }
  return g_string_free (text, FALSE);
}

/* @date as an iCalendar DATE, if libical can write it: its dates end with
 * 3000 (a later one comes out as DTSTART:00000000T000000). */
static gboolean
ical_date_checked (const LoadwiseProgramme  *programme,
                   const GDate              *date,
                   struct icaltimetype      *out,
                   GError                  **error)
{
  struct icaltimetype t = ical_date (date);
  g_autofree char *expected = g_strdup_printf (";VALUE=DATE:%04d%02d%02d", t.year, t.month, t.day);
  icalproperty *property = NULL;
  gboolean ok = FALSE;

  if (icaltime_is_valid_time (t))
    {
      property = icalproperty_new_dtstart (t);
      ok = strstr (icalproperty_as_ical_string (property), expected) != NULL;
      icalproperty_free (property);
    }
  if (!ok)
    {
      g_autofree char *start = loadwise_date_to_iso (&programme->start);
      g_autofree char *day = loadwise_date_to_iso (date);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("programme start: %s puts a session on %s, a date a calendar file cannot "
                     "hold (the years 1 to 3000); nothing was written"), start, day);
      return FALSE;
    }
  *out = t;
  return TRUE;
}

gboolean
loadwise_export_ics_to_file (LoadwiseDatabase         *database,
                             const LoadwiseCatalogue  *catalogue,
                             GDateTime                *now,
                             LoadwiseAtomicFile       *file,
                             GError                  **error)
{
  LoadwiseProgramme programme;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GHashTable) skipped = NULL;
  g_autoptr (GDateTime) now_utc = NULL;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  GDate today, day, programme_end, recent, last;
  char *text;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (catalogue != NULL && now != NULL && file != NULL, FALSE);

  if (!loadwise_database_get_programme (database, &programme, error))
    return FALSE;

  /* The programme's weeks, then maintenance up to 4 weeks ahead; of the
   * maintenance sessions already past, the last 4 weeks only: a start
   * long ago must not make a file (and a wait) of every week since. */
  loadwise_date_from_datetime (now, &today);
  loadwise_programme_get_end (&programme, &programme_end);
  last = today;
  g_date_add_days (&last, 28);
  if (g_date_compare (&last, &programme_end) < 0)
    last = programme_end;
  recent = today;
  g_date_subtract_days (&recent, MIN (28u, g_date_get_julian (&today) - 1));

  statuses = loadwise_database_list_session_statuses (database, &programme.start, &last, error);
  if (statuses == NULL)
    return FALSE;
  skipped = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      const LoadwiseSessionRecord *r = &g_array_index (statuses, LoadwiseSessionRecord, i);

      if (r->status == LOADWISE_SESSION_STATUS_SKIPPED)
        g_hash_table_add (skipped, GUINT_TO_POINTER (g_date_get_julian (&r->date)));
    }

  now_utc = g_date_time_to_utc (now);
  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now_utc), 0,
                                         icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Loadwise//Loadwise " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (day = programme.start; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      int week = loadwise_programme_get_week (&programme, &day);
      LoadwisePrescription prescription;
      struct icaltimetype start, end;
      icalcomponent *event;
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      GDate next;

      if (g_date_compare (&day, &programme_end) > 0 && g_date_compare (&day, &recent) < 0)
        {
          /* Straight to the recent maintenance weeks. */
          day = recent;
          week = loadwise_programme_get_week (&programme, &day);
        }
      if (!loadwise_programme_is_session_day (&programme, &day))
        continue;
      next = day;
      g_date_add_days (&next, 1);
      if (!ical_date_checked (&programme, &day, &start, error)
          || !ical_date_checked (&programme, &next, &end, error))
        {
          icalcomponent_free (calendar);
          return FALSE;
        }
      /* The plan in force in the week, with its targets (and the flare
       * cap); later weeks keep the levels now in force until a weekly
       * decision changes them. */
      if (!loadwise_database_prescribe (database, catalogue, &programme, &day, &prescription, error))
        {
          icalcomponent_free (calendar);
          return FALSE;
        }

      uid = loadwise_export_session_uid (&day);
      if (prescription.maintenance)
        summary = g_strdup (_("Hip exercises (maintenance)"));
      else
        /* Translators: a calendar event's title */
        summary = g_strdup_printf (_("Hip exercises, week %d of %u"), week, programme.weeks);
      description = describe_prescription (&prescription);

      event = icalcomponent_new_vevent ();
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
      icalcomponent_add_property (event, icalproperty_new_dtstart (start));
      icalcomponent_add_property (event, icalproperty_new_dtend (end));
      icalcomponent_add_property (event, icalproperty_new_summary (summary));
      icalcomponent_add_property (event, icalproperty_new_description (description));
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
      icalcomponent_add_property (event, icalproperty_new_status (
        g_hash_table_contains (skipped, GUINT_TO_POINTER (g_date_get_julian (&day)))
        ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
      icalcomponent_add_component (calendar, event);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  ok = loadwise_atomic_file_write (file, text, strlen (text), error);
  free (text);
  icalcomponent_free (calendar);
  return ok;
}

gboolean
loadwise_export_ics (LoadwiseDatabase         *database,
                     const LoadwiseCatalogue  *catalogue,
                     GDateTime                *now,
                     const char               *path,
                     GError                  **error)
{
  g_autoptr (LoadwiseAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, error);
  return file != NULL
         && loadwise_export_ics_to_file (database, catalogue, now, file, error)
         && loadwise_atomic_file_commit (file, error);
}

cairo_status_t
loadwise_export_cairo_write (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  return loadwise_atomic_file_write (closure, data, length, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
loadwise_export_finish_surface (cairo_surface_t     *surface,
                                LoadwiseAtomicFile  *file,
                                GError             **error)
{
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL && file != NULL, FALSE);

  /* The PDF and SVG surfaces write most of the file here. */
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);

  /* A failed write already stuck in @file with its reason ("No space
   * left on device"); anything else is cairo's own. */
  if (loadwise_atomic_file_get_failure (file) != NULL)
    {
      g_propagate_error (error, g_error_copy (loadwise_atomic_file_get_failure (file)));
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  {
    g_autofree char *name = g_filename_display_name (loadwise_atomic_file_get_path (file));
    g_autoptr (GError) failure = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                              _("Could not write “%s”: %s"), name,
                                              cairo_status_to_string (status));

    loadwise_atomic_file_set_failed (file, failure);
    g_propagate_error (error, g_steal_pointer (&failure));
  }
  return FALSE;
}

gboolean
loadwise_export_chart_to_file (const LoadwiseChartData  *data,
                               LoadwiseChartKind         kind,
                               LoadwiseChartFormat       format,
                               double                    width,
                               double                    height,
                               LoadwiseAtomicFile       *file,
                               GError                  **error)
{
  LoadwiseChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (data != NULL && file != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  if (format == LOADWISE_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (loadwise_export_cairo_write, file, width, height);
  else
    /* Twice the pixels, so the image stays sharp in a document. */
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * 2, (int) height * 2);

  cr = cairo_create (surface);
  if (format == LOADWISE_CHART_FORMAT_PNG)
    cairo_scale (cr, 2, 2);
  loadwise_chart_data_draw (data, kind, cr, width, height, &style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == LOADWISE_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, loadwise_export_cairo_write, file);
  /* A failed write has already stuck in @file with its own reason. */
  if (status != CAIRO_STATUS_SUCCESS && loadwise_atomic_file_get_failure (file) == NULL)
    {
      g_autofree char *name = g_filename_display_name (loadwise_atomic_file_get_path (file));
      g_autoptr (GError) failure = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                _("Could not write “%s”: %s"), name,
                                                cairo_status_to_string (status));

      loadwise_atomic_file_set_failed (file, failure);
    }
  ok = loadwise_export_finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
loadwise_export_chart (const LoadwiseChartData  *data,
                       LoadwiseChartKind         kind,
                       LoadwiseChartFormat       format,
                       double                    width,
                       double                    height,
                       const char               *path,
                       GError                  **error)
{
  g_autoptr (LoadwiseAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, error);
  return file != NULL
         && loadwise_export_chart_to_file (data, kind, format, width, height, file, error)
         && loadwise_atomic_file_commit (file, error);
}
