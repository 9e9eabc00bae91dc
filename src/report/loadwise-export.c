/* loadwise-export.c: CSV and iCalendar export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report/loadwise-export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

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

static gboolean
prepare_empty_folder (const char  *folder,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_name (folder);
  GDir *dir;
  gboolean empty;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), name, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_file_test (folder, G_FILE_TEST_IS_DIR) ? g_dir_open (folder, 0, NULL) : NULL;
  empty = dir != NULL && g_dir_read_name (dir) == NULL;
  g_clear_pointer (&dir, g_dir_close);
  if (!empty)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists and is not an empty folder; choose a new folder"),
                   name);
      return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_export_csv (LoadwiseDatabase  *database,
                     const char        *folder,
                     GError           **error)
{
  g_auto (GStrv) tables = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  tables = loadwise_database_list_tables (database, error);
  if (tables == NULL || !prepare_empty_folder (folder, error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *basename = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, basename, NULL);

      if (!loadwise_database_foreach_row (database, tables[i], on_csv_row, text, error)
          || !g_file_set_contents (path, text->str, (gssize) text->len, error))
        return FALSE;
    }
  return TRUE;
}

char *
loadwise_export_session_uid (const GDate *date)
{
  g_autofree char *iso = loadwise_date_to_iso (date);

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("session-%s@%s", iso, APP_ID);
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

static gboolean
write_new_file (const char  *path,
                const char  *contents,
                GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) stream = NULL;

  /* g_file_create fails with G_IO_ERROR_EXISTS instead of overwriting. */
  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    {
      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = g_filename_display_name (path);

          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” already exists; choose another name"), name);
        }
      return FALSE;
    }
  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, strlen (contents),
                                    NULL, NULL, error)
         && g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

gboolean
loadwise_export_ics (LoadwiseDatabase         *database,
                     const LoadwiseCatalogue  *catalogue,
                     GDateTime                *now,
                     const char               *path,
                     GError                  **error)
{
  LoadwiseProgramme programme;
  g_autoptr (GArray) statuses = NULL;
  g_autoptr (GHashTable) skipped = NULL;
  g_autoptr (GDateTime) now_utc = NULL;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  GDate today, day, end;
  char *text;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (catalogue != NULL && now != NULL && path != NULL, FALSE);

  if (!loadwise_database_get_programme (database, &programme, error))
    return FALSE;

  loadwise_date_from_datetime (now, &today);
  loadwise_programme_get_end (&programme, &end);
  day = today;
  g_date_add_days (&day, 28);
  if (g_date_compare (&day, &end) > 0)
    end = day;

  statuses = loadwise_database_list_session_statuses (database, &programme.start, &end, error);
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

  for (day = programme.start; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      int week = loadwise_programme_get_week (&programme, &day);
      LoadwisePrescription prescription;
      icalcomponent *event;
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      GDate next = day;

      if (!loadwise_programme_is_session_day (&programme, &day))
        continue;
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
      g_date_add_days (&next, 1);

      event = icalcomponent_new_vevent ();
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
      icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&day)));
      icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&next)));
      icalcomponent_add_property (event, icalproperty_new_summary (summary));
      icalcomponent_add_property (event, icalproperty_new_description (description));
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
      icalcomponent_add_property (event, icalproperty_new_status (
        g_hash_table_contains (skipped, GUINT_TO_POINTER (g_date_get_julian (&day)))
        ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
      icalcomponent_add_component (calendar, event);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  ok = write_new_file (path, text, error);
  free (text);
  icalcomponent_free (calendar);
  return ok;
}
