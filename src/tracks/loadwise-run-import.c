/* loadwise-run-import.c: runs from recorded files, previewed, then written
 *
 * Issue 14. Preparing reads and sums up each file and proposes a run;
 * nothing is written until loadwise_run_import_commit(), which hands every
 * new run and its profile to the store in one transaction.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "tracks/loadwise-run-import.h"

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"
#include "store/loadwise-database-runs.h"

const char *
loadwise_run_import_status_to_string (LoadwiseRunImportStatus status)
{
  switch (status)
    {
    case LOADWISE_RUN_IMPORT_NEW:
      return "new";
    case LOADWISE_RUN_IMPORT_ALREADY_THERE:
      return "already-there";
    case LOADWISE_RUN_IMPORT_SKIPPED:
      return "skipped";
    default:
      g_return_val_if_reached ("");
    }
}

void
loadwise_run_import_item_free (LoadwiseRunImportItem *item)
{
  if (item == NULL)
    return;

  g_free (item->path);
  g_free (item->name);
  g_free (item->reason);
  g_clear_pointer (&item->run, loadwise_run_free);
  g_clear_pointer (&item->profile, g_array_unref);
  g_free (item);
}

static LoadwiseRunImportItem *
item_new (GFile *file)
{
  LoadwiseRunImportItem *item = g_new0 (LoadwiseRunImportItem, 1);
  g_autofree char *basename = g_file_get_basename (file);

  item->path = g_file_get_path (file);
  if (item->path == NULL)
    item->path = g_file_get_uri (file);
  /* File names may be any bytes; the name is shown and must be UTF-8. */
  item->name = g_filename_display_name (basename != NULL ? basename : item->path);
  item->status = LOADWISE_RUN_IMPORT_SKIPPED;
  return item;
}

/* Every message of a skipped file begins with the file's name, as the
 * reader's do; the core's summary names no file. */
static void
item_skip (LoadwiseRunImportItem *item,
           const char            *message)
{
  g_autofree char *prefix = g_strconcat (item->name, ": ", NULL);

  item->status = LOADWISE_RUN_IMPORT_SKIPPED;
  g_free (item->reason);
  item->reason = g_str_has_prefix (message, prefix) ? g_strdup (message)
                                                    : g_strconcat (prefix, message, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The track files of @folder (not its subfolders), sorted by name. */
static gboolean
add_folder_files (GFile         *folder,
                  GPtrArray     *out_files,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  while (enumerator != NULL)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, &local_error) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY &&
          loadwise_track_is_track_name (g_file_info_get_name (info)))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  if (local_error != NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (folder);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("%s: the folder cannot be read: "), shown);
      return FALSE;
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (out_files, g_file_get_child (folder, g_ptr_array_index (names, i)));
  return TRUE;
}

/* @files with each folder replaced by its track files (GFile*, owned). */
static GPtrArray *
expand_files (GFile *const  *files,
              guint          n_files,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr (GPtrArray) expanded = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    {
      /* A path that cannot be queried is read as a file, so that the
       * reader's message says why it cannot be read. */
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (!add_folder_files (files[i], expanded, cancellable, error))
            return NULL;
        }
      else
        g_ptr_array_add (expanded, g_object_ref (files[i]));
    }
  return g_steal_pointer (&expanded);
}

/* The rule of loadwise_database_find_recorded_run(), for two files of one
 * call: the same file hash, or the same start and a distance within 1%. */
static gboolean
same_recording (const LoadwiseRunImportItem *earlier,
                const char                  *sha256,
                const LoadwiseTrackSummary  *summary)
{
  guint a = earlier->summary.distance_m;
  guint b = summary->distance_m;

  if (earlier->run != NULL && sha256 != NULL && g_strcmp0 (earlier->run->track_sha256, sha256) == 0)
    return TRUE;
  return earlier->summary.started_at == summary->started_at &&
         (a > b ? a - b : b - a) * 100.0 <= b;
}

/* The run a new recording becomes: what the track says, and the defaults
 * for what it cannot know (road, no camber, no shoe, no pain yet). */
static LoadwiseRun *
propose_run (const LoadwiseTrackSummary *summary,
             const char                 *sha256)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = summary->date;
  run->distance_m = summary->distance_m;
  run->duration_s = summary->moving_s;
  run->climb_m = summary->climb_m;
  run->descent_m = summary->descent_m;
  run->speed = summary->speed_work;
  run->long_run = FALSE;
  run->camber = LOADWISE_CAMBER_NONE;
  run->surface = LOADWISE_SURFACE_ROAD;
  run->shoe_id = 0;
  run->pain_during = 0;
  run->has_pain_after = FALSE;
  run->pain_after = 0;
  run->note = NULL;
  run->started_at = summary->started_at;
  run->track_sha256 = g_strdup (sha256);
  return run;
}

/* ALREADY_THERE when the store or an earlier item of @items holds the
 * same recording. FALSE only when the store cannot be read. */
static gboolean
check_already_there (LoadwiseDatabase            *db,
                     GPtrArray                   *items,
                     LoadwiseRunImportItem       *item,
                     const char                  *sha256,
                     GError                     **error)
{
  gint64 id = 0;

  if (!loadwise_database_find_recorded_run (db, sha256, item->summary.started_at, item->summary.distance_m,
                                            &id, error))
    return FALSE;
  if (id != 0)
    {
      g_autoptr (LoadwiseRun) stored = loadwise_database_get_run (db, id, error);
      g_autofree char *date = NULL;

      if (stored == NULL)
        return FALSE;
      date = loadwise_date_format (&stored->date);
      item->status = LOADWISE_RUN_IMPORT_ALREADY_THERE;
      item->existing_id = id;
      /* Translators: "already there: run of 20 November 2026", the run stored before */
      item->reason = g_strdup_printf (_("already there: run of %s"), date);
      return TRUE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *earlier = g_ptr_array_index (items, i);

      if (earlier->status == LOADWISE_RUN_IMPORT_NEW && same_recording (earlier, sha256, &item->summary))
        {
          item->status = LOADWISE_RUN_IMPORT_ALREADY_THERE;
          item->existing_id = 0;
          /* Translators: "already there: the same run as morning.fit", a file of this import */
          item->reason = g_strdup_printf (_("already there: the same run as %s"), earlier->name);
          return TRUE;
        }
    }
  return TRUE;
}

/* Reads @file into a new item of @items. FALSE only when the store cannot
 * be read or @cancellable was cancelled; a bad file is a SKIPPED item. */
static gboolean
prepare_file (LoadwiseDatabase  *db,
              GFile             *file,
              GTimeZone         *tz,
              const GDate       *today,
              GPtrArray         *items,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr (LoadwiseRunImportItem) item = item_new (file);
  g_autoptr (LoadwiseTrack) track = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (LoadwiseRun) run = NULL;

  track = loadwise_track_read_file (file, cancellable, &item->format, &sha256, &local_error);
  if (track == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (track == NULL ||
      !loadwise_track_summarize (track, tz, &item->summary, &local_error) ||
      !loadwise_check_not_future (item->name, &item->summary.date, today, LOADWISE_DATE_STYLE_ISO, &local_error))
    {
      item_skip (item, local_error->message);
      g_ptr_array_add (items, g_steal_pointer (&item));
      return TRUE;
    }

  /* The store checks every run again when writing; a run it would refuse
   * is shown as skipped now, with the reason, rather than failing then. */
  run = propose_run (&item->summary, sha256);
  if (!loadwise_run_validate (run, &local_error))
    {
      item_skip (item, local_error->message);
      g_ptr_array_add (items, g_steal_pointer (&item));
      return TRUE;
    }

  item->factors = loadwise_track_summary_get_factors (&item->summary);
  if (!check_already_there (db, items, item, sha256, error))
    return FALSE;
  if (item->status != LOADWISE_RUN_IMPORT_ALREADY_THERE)
    {
      item->status = LOADWISE_RUN_IMPORT_NEW;
      item->run = g_steal_pointer (&run);
      item->profile = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);
    }
  g_ptr_array_add (items, g_steal_pointer (&item));
  return TRUE;
}

/* By start time, skipped files last by name. GLib's sort is stable, so
 * two files of one run keep their order: the new one before the other. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LoadwiseRunImportItem *x = *(LoadwiseRunImportItem * const *) a;
  const LoadwiseRunImportItem *y = *(LoadwiseRunImportItem * const *) b;
  gboolean x_skipped = x->status == LOADWISE_RUN_IMPORT_SKIPPED;
  gboolean y_skipped = y->status == LOADWISE_RUN_IMPORT_SKIPPED;

  if (x_skipped != y_skipped)
    return x_skipped ? 1 : -1;
  if (x_skipped)
    return g_strcmp0 (x->name, y->name) != 0 ? g_strcmp0 (x->name, y->name) : g_strcmp0 (x->path, y->path);
  if (x->summary.started_at != y->summary.started_at)
    return x->summary.started_at < y->summary.started_at ? -1 : 1;
  return 0;
}

/* Adds LOADWISE_TRACK_FACTOR_LONG by loadwise_run_is_long() over the
 * stored runs and the new runs before it in @items (sorted by time).
 * Only the stored runs of the rule's window are read. */
static gboolean
add_long_factor (LoadwiseDatabase  *db,
                 GPtrArray         *items,
                 GError           **error)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status == LOADWISE_RUN_IMPORT_SKIPPED)
        continue;
      if (!g_date_valid (&from) || g_date_compare (&item->summary.date, &from) < 0)
        from = item->summary.date;
      if (!g_date_valid (&to) || g_date_compare (&item->summary.date, &to) > 0)
        to = item->summary.date;
    }
  if (!g_date_valid (&from))
    return TRUE;

  g_date_subtract_days (&from, LOADWISE_LONG_RUN_WINDOW_DAYS);
  stored = loadwise_database_list_runs (db, &from, &to, error);
  if (stored == NULL)
    return FALSE;

  history = g_ptr_array_new ();
  for (guint i = 0; i < stored->len; i++)
    g_ptr_array_add (history, g_ptr_array_index (stored, i));

  for (guint i = 0; i < items->len; i++)
    {
      LoadwiseRunImportItem *item = g_ptr_array_index (items, i);
      LoadwiseRun probe = { 0 };

      if (item->status == LOADWISE_RUN_IMPORT_SKIPPED)
        continue;
      probe.date = item->summary.date;
      probe.distance_m = item->summary.distance_m;
      if (loadwise_run_is_long (&probe, history))
        item->factors |= LOADWISE_TRACK_FACTOR_LONG;
      if (item->status == LOADWISE_RUN_IMPORT_NEW)
        g_ptr_array_add (history, item->run);
    }
  return TRUE;
}

GPtrArray *
loadwise_run_import_prepare (LoadwiseDatabase  *db,
                             GFile *const      *files,
                             guint              n_files,
                             GTimeZone         *tz,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr (GPtrArray) expanded = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local_now = NULL;
  GDate today;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A run dated after today is a watch with a wrong clock, refused as a
   * --date in the future is: today in the runner's zone, by the store's clock. */
  now = loadwise_clock_get_now (loadwise_database_get_clock (db));
  local_now = g_date_time_to_timezone (now, tz);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (local_now),
                  (GDateMonth) g_date_time_get_month (local_now), (GDateYear) g_date_time_get_year (local_now));

  expanded = expand_files (files, n_files, cancellable, error);
  if (expanded == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_import_item_free);
  for (guint i = 0; i < expanded->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !prepare_file (db, g_ptr_array_index (expanded, i), tz, &today, items, cancellable, error))
        return NULL;
    }

  g_ptr_array_sort (items, compare_items);
  if (!add_long_factor (db, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
loadwise_run_import_commit (LoadwiseDatabase  *db,
                            GPtrArray         *items,
                            guint             *out_added,
                            GError           **error)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new ();
  g_autoptr (GPtrArray) profiles = g_ptr_array_new ();

  g_return_val_if_fail (LOADWISE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_added != NULL)
    *out_added = 0;

  for (guint i = 0; i < items->len; i++)
    {
      LoadwiseRunImportItem *item = g_ptr_array_index (items, i);
      g_autoptr (GError) local_error = NULL;

      if (item->status != LOADWISE_RUN_IMPORT_NEW)
        continue;
      g_return_val_if_fail (item->run != NULL, FALSE);
      /* The runner's additions (pain, shoe, ...) are checked here, each
       * named with its file; one bad run writes none. */
      if (!loadwise_run_validate (item->run, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", item->name,
                       local_error->message);
          return FALSE;
        }
      g_ptr_array_add (runs, item->run);
      g_ptr_array_add (profiles, item->profile);
    }

  /* Nothing new: no transaction, and the file stays as it was. */
  if (runs->len == 0)
    return TRUE;
  if (!loadwise_database_add_runs_with_profiles (db, runs, profiles, error))
    {
      /* Nothing was written: no item keeps an id it does not have. */
      for (guint i = 0; i < runs->len; i++)
        ((LoadwiseRun *) g_ptr_array_index (runs, i))->id = 0;
      return FALSE;
    }

  if (out_added != NULL)
    *out_added = runs->len;
  return TRUE;
}
