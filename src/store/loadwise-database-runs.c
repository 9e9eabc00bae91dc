/* loadwise-database-runs.c: runs, shoes, compression habits and flare-ups
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-database-runs.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-text.h"
#include "store/loadwise-sqlite-private.h"

static void
bind_optional_date (sqlite3_stmt *stmt,
                    int           index,
                    const GDate  *date)
{
  if (date != NULL)
    loadwise_sqlite_bind_date (stmt, index, date);
  else
    sqlite3_bind_null (stmt, index);
}

/* Recordings: the checks of started_at and track_sha256 */

gboolean
loadwise_store_check_started_at (const char  *field,
                                 gint64       started_at,
                                 GError     **error)
{
  return loadwise_check_range (field, started_at, 1, LOADWISE_STORE_STARTED_AT_MAX, error);
}

gboolean
loadwise_store_check_started_at_text (const char  *field,
                                      const char  *text,
                                      GError     **error)
{
  /* Digits where the digits go; the rest as written. */
  static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
  g_autoptr (GDateTime) parsed = NULL;
  g_autofree char *again = NULL;
  gboolean shaped = strlen (text) == strlen (shape);

  for (guint i = 0; shaped && shape[i] != '\0'; i++)
    shaped = shape[i] == 'd' ? g_ascii_isdigit (text[i]) : text[i] == shape[i];
  if (shaped)
    parsed = g_date_time_new_from_iso8601 (text, NULL);
  /* Written again, a time that does not exist (02-30, 24:00) differs. */
  if (parsed != NULL)
    again = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%SZ");
  if (g_strcmp0 (again, text) != 0)
    return loadwise_error_invalid (error, _("%s: “%s” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"),
                                   field, text);
  if (g_date_time_to_unix (parsed) < 1)
    return loadwise_error_invalid (error, _("%s: %s is before 1970-01-01T00:00:01Z"), field, text);
  return TRUE;
}

gboolean
loadwise_store_check_sha256 (const char  *field,
                             const char  *text,
                             GError     **error)
{
  gsize n = 0;

  for (; text[n] != '\0'; n++)
    if (!g_ascii_isdigit (text[n]) && !(text[n] >= 'a' && text[n] <= 'f'))
      break;
  if (n != 64 || text[n] != '\0')
    return loadwise_error_invalid (error, _("%s: not a SHA-256 (64 characters, each 0-9 or a-f)"), field);
  return TRUE;
}

/* Runs */

/* started_at is stored as UTC text and read back as seconds: the schema's
 * CHECK keeps the text to the one form these convert. */
#define SQL_STARTED_AT_TEXT(param) "strftime ('%Y-%m-%dT%H:%M:%SZ', " param ", 'unixepoch')"

#define RUN_COLUMNS \
  "id, date, distance_m, duration_s, climb_m, descent_m, speed, long_run, camber, surface," \
  " shoe_id, pain_during, pain_after, note, unixepoch (started_at), track_sha256"

static LoadwiseRun *
read_run (sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();

  run->id = sqlite3_column_int64 (stmt, 0);
  if (!loadwise_sqlite_column_date (stmt, 1, &run->date, error))
    return NULL;
  run->distance_m = (guint) sqlite3_column_int (stmt, 2);
  run->duration_s = (guint) sqlite3_column_int (stmt, 3);
  run->climb_m = (guint) sqlite3_column_int (stmt, 4);
  run->descent_m = (guint) sqlite3_column_int (stmt, 5);
  run->speed = sqlite3_column_int (stmt, 6) != 0;
  run->long_run = sqlite3_column_int (stmt, 7) != 0;
  /* The schema's CHECK constraints allow only known values. */
  if (!loadwise_camber_from_string ((const char *) sqlite3_column_text (stmt, 8), &run->camber) ||
      !loadwise_surface_from_string ((const char *) sqlite3_column_text (stmt, 9), &run->surface))
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("Run %lld has an unknown camber or surface"), (long long) run->id);
      return NULL;
    }
  run->shoe_id = sqlite3_column_int64 (stmt, 10);
  run->pain_during = (guint) sqlite3_column_int (stmt, 11);
  run->has_pain_after = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  run->pain_after = run->has_pain_after ? (guint) sqlite3_column_int (stmt, 12) : 0;
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    run->note = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  run->started_at = sqlite3_column_int64 (stmt, 14);
  if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    run->track_sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  return g_steal_pointer (&run);
}

/* Binds ?2 .. ?16 from @run (?1 is the id, for updates); ?15, the start,
 * as seconds for SQL_STARTED_AT_TEXT. A start of 0 and no SHA-256 are
 * NULL. @note: the run's note as loadwise_text_validate() gave it back. */
static void
bind_run (sqlite3_stmt      *stmt,
          const LoadwiseRun *run,
          const char        *note)
{
  loadwise_sqlite_bind_date (stmt, 2, &run->date);
  sqlite3_bind_int (stmt, 3, (int) run->distance_m);
  sqlite3_bind_int (stmt, 4, (int) run->duration_s);
  sqlite3_bind_int (stmt, 5, (int) run->climb_m);
  sqlite3_bind_int (stmt, 6, (int) run->descent_m);
  sqlite3_bind_int (stmt, 7, run->speed ? 1 : 0);
  sqlite3_bind_int (stmt, 8, run->long_run ? 1 : 0);
  sqlite3_bind_text (stmt, 9, loadwise_camber_to_string (run->camber), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, loadwise_surface_to_string (run->surface), -1, SQLITE_STATIC);
  if (run->shoe_id != 0)
    sqlite3_bind_int64 (stmt, 11, run->shoe_id);
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_int (stmt, 12, (int) run->pain_during);
  if (run->has_pain_after)
    sqlite3_bind_int (stmt, 13, (int) run->pain_after);
  else
    sqlite3_bind_null (stmt, 13);
  /* An empty note is no note. */
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 14, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 14);
  if (run->started_at != 0)
    sqlite3_bind_int64 (stmt, 15, run->started_at);
  else
    sqlite3_bind_null (stmt, 15);
  if (run->track_sha256 != NULL)
    sqlite3_bind_text (stmt, 16, run->track_sha256, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 16);
}

static gboolean
check_shoe_exists (LoadwiseDatabase  *self,
                   gint64             shoe_id,
                   GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (shoe_id == 0)
    return TRUE;
  stmt = loadwise_sqlite_query_row (self->db, &found, error, "SELECT 1 FROM shoe WHERE id = ?1",
                                    LOADWISE_SQL_INT64, shoe_id, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return loadwise_error_invalid (error, _("shoe: no stored pair has id %lld"), (long long) shoe_id);
  return TRUE;
}

/* Every check of a run that needs no database: its fields, and the note
 * as stored (trimmed, in NFC: loadwise-text.h) into @out_note. */
static gboolean
check_run (const LoadwiseRun  *run,
           char              **out_note,
           GError            **error)
{
  if (!loadwise_run_validate (run, error))
    return FALSE;
  if (run->started_at != 0 && !loadwise_store_check_started_at ("started_at", run->started_at, error))
    return FALSE;
  if (run->track_sha256 != NULL && !loadwise_store_check_sha256 ("track_sha256", run->track_sha256, error))
    return FALSE;
  return run->note == NULL
         || loadwise_text_validate (_("note"), run->note, -1, LOADWISE_TEXT_NOTE, out_note, error);
}

static sqlite3_stmt *
prepare_insert_run (LoadwiseDatabase  *self,
                    GError           **error)
{
  return loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO run (date, distance_m, duration_s, climb_m, descent_m,"
                                  " speed, long_run, camber, surface, shoe_id, pain_during, pain_after,"
                                  " note, started_at, track_sha256, updated_at)"
                                  " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                  SQL_STARTED_AT_TEXT ("?15") ", ?16, " LOADWISE_SQL_NOW ")",
                                  error);
}

/* Inside a write: stores @run, checked by check_run(), with @stmt from
 * prepare_insert_run(), and sets its id. */
static gboolean
insert_run_locked (LoadwiseDatabase  *self,
                   sqlite3_stmt      *stmt,
                   LoadwiseRun       *run,
                   const char        *note,
                   GError           **error)
{
  if (!check_shoe_exists (self, run->shoe_id, error))
    return FALSE;
  bind_run (stmt, run, note);
  if (!loadwise_sqlite_step_done (self->db, stmt, error))
    return FALSE;
  run->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
loadwise_database_add_run (LoadwiseDatabase  *self,
                           LoadwiseRun       *run,
                           GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *note = NULL;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  if (!check_run (run, &note, error))
    return FALSE;
  stmt = prepare_insert_run (self, error);
  if (stmt == NULL || !loadwise_sqlite_begin (self->db, error))
    return FALSE;
  ok = insert_run_locked (self, stmt, run, note, error);
  if (!loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, ok, error))
    {
      run->id = 0;
      return FALSE;
    }
  return TRUE;
}

static gboolean
not_found_run (gint64   id,
               GError **error)
{
  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
               _("There is no run with id %lld"), (long long) id);
  return FALSE;
}

gboolean
loadwise_database_update_run (LoadwiseDatabase   *self,
                              const LoadwiseRun  *run,
                              GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  if (!check_run (run, &note, error))
    return FALSE;

  /* The recording is kept unless @run brings another (the run dialog
   * neither shows nor edits it); run_profile is not touched. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  "UPDATE run SET date = ?2, distance_m = ?3, duration_s = ?4,"
                                  " climb_m = ?5, descent_m = ?6, speed = ?7, long_run = ?8,"
                                  " camber = ?9, surface = ?10, shoe_id = ?11, pain_during = ?12,"
                                  " pain_after = ?13, note = ?14,"
                                  " started_at = coalesce (" SQL_STARTED_AT_TEXT ("?15") ", started_at),"
                                  " track_sha256 = coalesce (?16, track_sha256),"
                                  " updated_at = " LOADWISE_SQL_NOW
                                  " WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->id);
  bind_run (stmt, run, note);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  if (!check_shoe_exists (self, run->shoe_id, error) ||
      !loadwise_sqlite_step_done (self->db, stmt, error))
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, FALSE, error);
  if (sqlite3_changes (self->db) == 0)
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS,
                                           not_found_run (run->id, error), error);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, TRUE, error);
}

gboolean
loadwise_database_delete_run (LoadwiseDatabase  *self,
                              gint64             id,
                              GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  /* Its profile goes with it: ON DELETE CASCADE, foreign_keys is on. */
  stmt = loadwise_sqlite_prepare (self->db, "DELETE FROM run WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  if (!loadwise_sqlite_step_done (self->db, stmt, error))
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, FALSE, error);
  if (sqlite3_changes (self->db) == 0)
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS,
                                           not_found_run (id, error), error);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, TRUE, error);
}

LoadwiseRun *
loadwise_database_get_run (LoadwiseDatabase  *self,
                           gint64             id,
                           GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT " RUN_COLUMNS " FROM run WHERE id = ?1",
                                    LOADWISE_SQL_INT64, id, LOADWISE_SQL_END);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      not_found_run (id, error);
      return NULL;
    }
  return read_run (stmt, error);
}

GPtrArray *
loadwise_database_list_runs (LoadwiseDatabase  *self,
                             const GDate       *from,
                             const GDate       *to,
                             GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT " RUN_COLUMNS " FROM run"
                                  " WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
                                  " ORDER BY date, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_optional_date (stmt, 1, from);
  bind_optional_date (stmt, 2, to);

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseRun *run = read_run (stmt, error);

      if (run == NULL)
        return NULL;
      g_ptr_array_add (runs, run);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&runs);
}

/* Runs from recorded tracks */

/* "1499.5": metres for a message, as a buffer of G_ASCII_DTOSTR_BUF_SIZE. */
static const char *
format_metres (char   *buffer,
               double  metres)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", metres);
}

/* @profile (may be NULL) as add_runs_with_profiles() takes it; the error
 * names the point, counted from 1. */
static gboolean
check_profile (const GArray  *profile,
               GError       **error)
{
  double previous = 0;

  if (profile == NULL)
    return TRUE;
  if (profile->len > LOADWISE_PROFILE_MAX_POINTS)
    return loadwise_error_invalid (error, _("profile: %u points, more than the %d a profile may have"),
                                   profile->len, LOADWISE_PROFILE_MAX_POINTS);
  for (guint i = 0; i < profile->len; i++)
    {
      const LoadwiseProfilePoint *point = &g_array_index (profile, LoadwiseProfilePoint, i);
      char shown[G_ASCII_DTOSTR_BUF_SIZE];
      char before[G_ASCII_DTOSTR_BUF_SIZE];

      if (!isfinite (point->distance_m))
        return loadwise_error_invalid (error, _("profile, point %u: the distance is not a number"), i + 1);
      if (!isfinite (point->elevation_m))
        return loadwise_error_invalid (error, _("profile, point %u: the elevation is not a number"), i + 1);
      if (point->distance_m < 0 || point->distance_m > LOADWISE_RUN_DISTANCE_MAX_M)
        return loadwise_error_invalid (error, _("profile, point %u: a distance of %s m is outside 0-%d m"),
                                       i + 1, format_metres (shown, point->distance_m),
                                       LOADWISE_RUN_DISTANCE_MAX_M);
      if (point->distance_m < previous)
        return loadwise_error_invalid (error, _("profile, point %u: a distance of %s m comes after %s m; "
                                                "the distances of a profile never go back"),
                                       i + 1, format_metres (shown, point->distance_m),
                                       format_metres (before, previous));
      if (point->elevation_m < LOADWISE_PROFILE_ELEVATION_MIN_M
          || point->elevation_m > LOADWISE_PROFILE_ELEVATION_MAX_M)
        return loadwise_error_invalid (error, _("profile, point %u: an elevation of %s m is outside %d to %d m"),
                                       i + 1, format_metres (shown, point->elevation_m),
                                       LOADWISE_PROFILE_ELEVATION_MIN_M, LOADWISE_PROFILE_ELEVATION_MAX_M);
      previous = point->distance_m;
    }
  return TRUE;
}

/* The profile of run @index in @profiles (NULL: none). */
static const GArray *
profile_at (GPtrArray *profiles,
            guint      index)
{
  return profiles != NULL ? g_ptr_array_index (profiles, index) : NULL;
}

/* The id of the stored run recorded in the file @sha256, 0 when none. */
static gboolean
find_by_sha256 (LoadwiseDatabase  *self,
                const char        *sha256,
                gint64            *out_id,
                GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  *out_id = 0;
  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT id FROM run WHERE track_sha256 = ?1 ORDER BY id LIMIT 1",
                                    LOADWISE_SQL_TEXT, sha256, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (found)
    *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The first run before @index in @runs from the same file, or -1. */
static int
find_earlier_file (GPtrArray *runs,
                   guint      index)
{
  const LoadwiseRun *run = g_ptr_array_index (runs, index);

  for (guint i = 0; i < index && run->track_sha256 != NULL; i++)
    if (g_strcmp0 (((const LoadwiseRun *) g_ptr_array_index (runs, i))->track_sha256,
                   run->track_sha256) == 0)
      return (int) i;
  return -1;
}

/* Every run and profile checked before anything is written; the notes as
 * they are stored into @notes. */
static gboolean
check_runs_with_profiles (GPtrArray  *runs,
                          GPtrArray  *profiles,
                          GPtrArray  *notes,
                          GError    **error)
{
  for (guint i = 0; i < runs->len; i++)
    {
      char *note = NULL;
      gboolean ok;
      int earlier;

      ok = check_run (g_ptr_array_index (runs, i), &note, error);
      /* Kept at once, so that it is freed whatever follows. */
      g_ptr_array_add (notes, note);
      if (!ok || !check_profile (profile_at (profiles, i), error))
        {
          g_prefix_error (error, _("run %u of %u: "), i + 1, runs->len);
          return FALSE;
        }
      earlier = find_earlier_file (runs, i);
      if (earlier >= 0)
        return loadwise_error_invalid (error, _("run %u of %u: track_sha256: the same file as run %d"),
                                       i + 1, runs->len, earlier + 1);
    }
  return TRUE;
}

static gboolean
insert_profile_locked (LoadwiseDatabase  *self,
                       sqlite3_stmt      *stmt,
                       gint64             run_id,
                       const GArray      *profile,
                       GError           **error)
{
  for (guint i = 0; profile != NULL && i < profile->len; i++)
    {
      const LoadwiseProfilePoint *point = &g_array_index (profile, LoadwiseProfilePoint, i);

      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_double (stmt, 3, point->distance_m);
      sqlite3_bind_double (stmt, 4, point->elevation_m);
      if (!loadwise_sqlite_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the write: run @index of @runs stored with its profile, unless
 * its file is stored already. */
static gboolean
insert_with_profile_locked (LoadwiseDatabase  *self,
                            sqlite3_stmt      *run_stmt,
                            sqlite3_stmt      *profile_stmt,
                            GPtrArray         *runs,
                            GPtrArray         *profiles,
                            GPtrArray         *notes,
                            guint              index,
                            GError           **error)
{
  LoadwiseRun *run = g_ptr_array_index (runs, index);
  gint64 stored = 0;

  if (run->track_sha256 != NULL && !find_by_sha256 (self, run->track_sha256, &stored, error))
    return FALSE;
  if (stored != 0)
    return loadwise_error_invalid (error, _("run %u of %u: track_sha256: this file is stored already, as run %lld"),
                                   index + 1, runs->len, (long long) stored);
  if (!insert_run_locked (self, run_stmt, run, g_ptr_array_index (notes, index), error))
    {
      if (error != NULL && *error != NULL && (*error)->domain == LOADWISE_ERROR)
        g_prefix_error (error, _("run %u of %u: "), index + 1, runs->len);
      return FALSE;
    }
  return insert_profile_locked (self, profile_stmt, run->id, profile_at (profiles, index), error);
}

gboolean
loadwise_database_add_runs_with_profiles (LoadwiseDatabase  *self,
                                          GPtrArray         *runs,
                                          GPtrArray         *profiles,
                                          GError           **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) run_stmt = NULL;
  g_autoptr (sqlite3_stmt) profile_stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (runs != NULL, FALSE);
  g_return_val_if_fail (profiles == NULL || profiles->len == runs->len, FALSE);

  if (!check_runs_with_profiles (runs, profiles, notes, error))
    return FALSE;
  if (runs->len == 0)
    return TRUE;

  run_stmt = prepare_insert_run (self, error);
  if (run_stmt == NULL)
    return FALSE;
  profile_stmt = loadwise_sqlite_prepare (self->db,
                                          "INSERT INTO run_profile (run_id, idx, distance_m, elevation_m)"
                                          " VALUES (?1, ?2, ?3, ?4)",
                                          error);
  if (profile_stmt == NULL || !loadwise_sqlite_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < runs->len && ok; i++)
    ok = insert_with_profile_locked (self, run_stmt, profile_stmt, runs, profiles, notes, i, error);
  if (!loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, ok, error))
    {
      /* Nothing was stored: no run keeps an id it does not have. */
      for (guint i = 0; i < runs->len; i++)
        ((LoadwiseRun *) g_ptr_array_index (runs, i))->id = 0;
      return FALSE;
    }
  return TRUE;
}

GArray *
loadwise_database_get_run_profile (LoadwiseDatabase  *self,
                                   gint64             run_id,
                                   GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT distance_m, elevation_m FROM run_profile WHERE run_id = ?1"
                                  " ORDER BY idx",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run_id);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseProfilePoint point = { sqlite3_column_double (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (profile, point);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&profile);
}

/* The id of the stored run that started at @started_at with a distance
 * within 1% of @distance_m, 0 when none. */
static gboolean
find_by_start (LoadwiseDatabase  *self,
               gint64             started_at,
               guint              distance_m,
               gint64            *out_id,
               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  *out_id = 0;
  /* No stored start is outside the range: nothing to look up. */
  if (started_at < 1 || started_at > LOADWISE_STORE_STARTED_AT_MAX)
    return TRUE;
  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT id FROM run WHERE started_at = " SQL_STARTED_AT_TEXT ("?1")
                                    " AND abs (distance_m - ?2) * 100 <= ?2 ORDER BY id LIMIT 1",
                                    LOADWISE_SQL_INT64, started_at,
                                    LOADWISE_SQL_INT64, (gint64) distance_m, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (found)
    *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
loadwise_database_find_recorded_run (LoadwiseDatabase  *self,
                                     const char        *sha256,
                                     gint64             started_at,
                                     guint              distance_m,
                                     gint64            *out_id,
                                     GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  *out_id = 0;
  if (sha256 != NULL)
    {
      /* Stored in lowercase. */
      g_autofree char *lower = g_ascii_strdown (sha256, -1);

      if (!find_by_sha256 (self, lower, out_id, error))
        return FALSE;
    }
  if (*out_id == 0 && started_at != 0)
    return find_by_start (self, started_at, distance_m, out_id, error);
  return TRUE;
}

/* Shoes */

void
loadwise_shoe_free (LoadwiseShoe *shoe)
{
  if (shoe == NULL)
    return;
  g_free (shoe->name);
  g_free (shoe);
}

gboolean
loadwise_database_find_shoe (LoadwiseDatabase  *self,
                             const char        *name,
                             gint64            *out_id,
                             GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *wanted = NULL;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  /* Looked up as names are stored (trimmed, NFC); a name no pair could
   * have is refused as such, not echoed back with its escape sequences. */
  if (!loadwise_text_validate ("shoe", name, -1, LOADWISE_TEXT_NAME, &wanted, error))
    return FALSE;
  /* A name stored before names were trimmed is still found as it was. */
  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT id FROM shoe WHERE name IN (?1, ?2) ORDER BY name = ?1 DESC LIMIT 1",
                                    LOADWISE_SQL_TEXT, wanted, LOADWISE_SQL_TEXT, name, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return loadwise_error_invalid (error, _("shoe: there is no pair called \"%s\" (add it with 'loadwise-cli shoes add')"),
                                   wanted);
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
loadwise_database_add_shoe (LoadwiseDatabase  *self,
                            const char        *name,
                            gint64            *out_id,
                            GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 existing;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  if (!loadwise_text_validate ("shoe", name, -1, LOADWISE_TEXT_NAME, &clean, error))
    return FALSE;
  name = clean;
  stmt = loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO shoe (name, retired, added_at) VALUES (?1, 0, " LOADWISE_SQL_NOW ")",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  if (loadwise_database_find_shoe (self, name, &existing, NULL))
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS,
                                           loadwise_error_invalid (error, _("shoe: a pair called \"%s\" is already listed"),
                                                                   name),
                                           error);
  if (!loadwise_sqlite_step_done (self->db, stmt, error))
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, FALSE, error);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, TRUE, error);
}

gboolean
loadwise_database_retire_shoe (LoadwiseDatabase  *self,
                               const char        *name,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  if (!loadwise_database_find_shoe (self, name, &id, error))
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, FALSE, error);
  stmt = loadwise_sqlite_prepare (self->db, "UPDATE shoe SET retired = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, id);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_RUNS,
                                         loadwise_sqlite_step_done (self->db, stmt, error), error);
}

GPtrArray *
loadwise_database_list_shoes (LoadwiseDatabase  *self,
                              GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_shoe_free);
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  /* Summed in SQL, with the run_by_shoe index: no run is loaded. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT s.id, s.name, s.retired,"
                                  " (SELECT COALESCE (SUM (distance_m), 0) FROM run WHERE shoe_id = s.id),"
                                  " (SELECT COUNT (*) FROM run WHERE shoe_id = s.id)"
                                  " FROM shoe s ORDER BY s.retired, s.name",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseShoe *shoe = g_new0 (LoadwiseShoe, 1);

      shoe->id = sqlite3_column_int64 (stmt, 0);
      shoe->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      shoe->retired = sqlite3_column_int (stmt, 2) != 0;
      shoe->distance_m = (guint64) sqlite3_column_int64 (stmt, 3);
      shoe->n_runs = (guint) sqlite3_column_int (stmt, 4);
      g_ptr_array_add (shoes, shoe);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&shoes);
}

/* Habits */

gboolean
loadwise_database_save_habits (LoadwiseDatabase      *self,
                               const LoadwiseHabits  *habits,
                               GError               **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (habits != NULL && g_date_valid (&habits->date), FALSE);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO checkin_habit (date, crossed_legs, slept_on_side, updated_at)"
                                  " VALUES (?1, ?2, ?3, " LOADWISE_SQL_NOW ")"
                                  " ON CONFLICT (date) DO UPDATE SET crossed_legs = excluded.crossed_legs,"
                                  "  slept_on_side = excluded.slept_on_side, updated_at = excluded.updated_at",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, &habits->date);
  sqlite3_bind_int (stmt, 2, habits->crossed_legs ? 1 : 0);
  sqlite3_bind_int (stmt, 3, habits->slept_on_side ? 1 : 0);
  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_CHECKINS,
                                         loadwise_sqlite_step_done (self->db, stmt, error), error);
}

static GArray *
query_habits (LoadwiseDatabase  *self,
              const GDate       *from,
              const GDate       *to,
              GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) list = g_array_new (FALSE, TRUE, sizeof (LoadwiseHabits));
  int rc;

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT date, crossed_legs, slept_on_side FROM checkin_habit"
                                  " WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
                                  " ORDER BY date",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_optional_date (stmt, 1, from);
  bind_optional_date (stmt, 2, to);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseHabits habits = { { 0 } };

      if (!loadwise_sqlite_column_date (stmt, 0, &habits.date, error))
        return NULL;
      habits.crossed_legs = sqlite3_column_int (stmt, 1) != 0;
      habits.slept_on_side = sqlite3_column_int (stmt, 2) != 0;
      g_array_append_val (list, habits);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
loadwise_database_get_habits (LoadwiseDatabase  *self,
                              const GDate       *date,
                              LoadwiseHabits    *out_habits,
                              gboolean          *out_found,
                              GError           **error)
{
  g_autoptr (GArray) list = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_habits != NULL && out_found != NULL, FALSE);

  list = query_habits (self, date, date, error);
  if (list == NULL)
    return FALSE;
  *out_found = list->len > 0;
  if (list->len > 0)
    *out_habits = g_array_index (list, LoadwiseHabits, 0);
  else
    *out_habits = (LoadwiseHabits) { *date, FALSE, FALSE };
  return TRUE;
}

GArray *
loadwise_database_list_habits (LoadwiseDatabase  *self,
                               const GDate       *from,
                               const GDate       *to,
                               GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  return query_habits (self, from, to, error);
}

GArray *
loadwise_database_list_session_days (LoadwiseDatabase  *self,
                                     GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) days = g_array_new (FALSE, TRUE, sizeof (GDate));
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  stmt = loadwise_sqlite_prepare (self->db, "SELECT date FROM session WHERE status = 'done' ORDER BY date",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      GDate date;

      if (!loadwise_sqlite_column_date (stmt, 0, &date, error))
        return NULL;
      g_array_append_val (days, date);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&days);
}

/* Flares */

void
loadwise_flare_period_clear (LoadwiseFlarePeriod *period)
{
  g_clear_pointer (&period->reason, g_free);
}

static gboolean
read_flare (sqlite3_stmt         *stmt,
            LoadwiseFlarePeriod  *out,
            GError              **error)
{
  memset (out, 0, sizeof *out);
  g_date_clear (&out->end, 1);
  out->id = sqlite3_column_int64 (stmt, 0);
  if (!loadwise_sqlite_column_date (stmt, 1, &out->start, error))
    return FALSE;
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL &&
      !loadwise_sqlite_column_date (stmt, 2, &out->end, error))
    return FALSE;
  out->suggested = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "suggestion") == 0;
  out->ended_by_rule = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "rule") == 0;
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    out->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  return TRUE;
}

#define FLARE_COLUMNS "id, start_date, end_date, started_by, ended_by, reason"

gboolean
loadwise_database_get_active_flare (LoadwiseDatabase     *self,
                                    LoadwiseFlarePeriod  *out_period,
                                    gboolean             *out_found,
                                    GError              **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_period != NULL && out_found != NULL, FALSE);

  stmt = loadwise_database_query_cached_row (self, &found, error,
                                             "SELECT " FLARE_COLUMNS " FROM flare_period WHERE end_date IS NULL",
                                             LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  *out_found = found;
  if (!found)
    {
      memset (out_period, 0, sizeof *out_period);
      g_date_clear (&out_period->start, 1);
      g_date_clear (&out_period->end, 1);
      return TRUE;
    }
  return read_flare (stmt, out_period, error);
}

static gboolean
start_flare_locked (LoadwiseDatabase  *self,
                    const GDate       *date,
                    gboolean           suggested,
                    const char        *reason,
                    GError           **error)
{
  g_auto (LoadwiseFlarePeriod) active = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (!loadwise_database_get_active_flare (self, &active, &found, error))
    return FALSE;
  if (found)
    {
      g_autofree char *since = loadwise_date_to_iso (&active.start);

      return loadwise_error_invalid (error, _("flare: one is already on since %s"), since);
    }
  stmt = loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO flare_period (start_date, started_by, reason)"
                                  " VALUES (?1, ?2, ?3)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, date);
  sqlite3_bind_text (stmt, 2, suggested ? "suggestion" : "runner", -1, SQLITE_STATIC);
  if (reason != NULL && *reason != '\0')
    sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

gboolean
loadwise_database_start_flare (LoadwiseDatabase  *self,
                               const GDate       *date,
                               gboolean           suggested,
                               const char        *reason,
                               GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    return loadwise_error_invalid (error, _("%s: is not valid UTF-8 text"), _("reason"));
  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_FLARES,
                                         start_flare_locked (self, date, suggested, reason, error), error);
}

static gboolean
end_flare_locked (LoadwiseDatabase  *self,
                  const GDate       *date,
                  gboolean           by_rule,
                  GError           **error)
{
  g_auto (LoadwiseFlarePeriod) active = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (!loadwise_database_get_active_flare (self, &active, &found, error))
    return FALSE;
  if (!found)
    return loadwise_error_invalid (error, _("flare: none is on"));
  if (g_date_compare (date, &active.start) < 0)
    {
      g_autofree char *since = loadwise_date_to_iso (&active.start);

      return loadwise_error_invalid (error, _("flare: it cannot end before it started on %s"), since);
    }
  stmt = loadwise_sqlite_prepare (self->db,
                                  "UPDATE flare_period SET end_date = ?1, ended_by = ?2 WHERE id = ?3",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, date);
  sqlite3_bind_text (stmt, 2, by_rule ? "rule" : "runner", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, active.id);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

gboolean
loadwise_database_end_flare (LoadwiseDatabase  *self,
                             const GDate       *date,
                             gboolean           by_rule,
                             GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_FLARES,
                                         end_flare_locked (self, date, by_rule, error), error);
}

GArray *
loadwise_database_list_flares (LoadwiseDatabase  *self,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) list = g_array_new (FALSE, TRUE, sizeof (LoadwiseFlarePeriod));
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  g_array_set_clear_func (list, (GDestroyNotify) loadwise_flare_period_clear);
  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT " FLARE_COLUMNS " FROM flare_period ORDER BY start_date, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseFlarePeriod period;

      if (!read_flare (stmt, &period, error))
        return NULL;
      g_array_append_val (list, period);
    }
  if (rc == -1)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
loadwise_database_answer_flare_suggestion (LoadwiseDatabase  *self,
                                           const GDate       *today,
                                           const GDate       *evidence,
                                           guint              trigger,
                                           const char        *reason,
                                           gboolean           accepted,
                                           GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (evidence != NULL && g_date_valid (evidence), FALSE);

  if (!loadwise_check_range ("trigger", trigger, 1, 7, error))
    return FALSE;
  if (reason != NULL && !g_utf8_validate (reason, -1, NULL))
    return loadwise_error_invalid (error, _("%s: is not valid UTF-8 text"), _("reason"));

  stmt = loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO flare_suggestion (decided_on, evidence, triggers, decision, decided_at)"
                                  " VALUES (?1, ?2, ?3, ?4, " LOADWISE_SQL_NOW ")"
                                  " ON CONFLICT (decided_on) DO UPDATE SET evidence = excluded.evidence,"
                                  "  triggers = excluded.triggers, decision = excluded.decision,"
                                  "  decided_at = excluded.decided_at",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, today);
  loadwise_sqlite_bind_date (stmt, 2, evidence);
  sqlite3_bind_int (stmt, 3, (int) trigger);
  sqlite3_bind_text (stmt, 4, accepted ? "accepted" : "declined", -1, SQLITE_STATIC);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  ok = loadwise_sqlite_step_done (self->db, stmt, error) &&
       (!accepted || start_flare_locked (self, today, TRUE, reason, error));
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_FLARES, ok, error);
}

/* Whether a suggestion with evidence on @evidence was answered, or a flare
 * ended, on or after that day: then it is not offered again. */
static gboolean
suggestion_settled (LoadwiseDatabase  *self,
                    const GDate       *evidence,
                    gboolean          *out_settled,
                    GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT EXISTS (SELECT 1 FROM flare_suggestion WHERE decided_on >= ?1)"
                                    " OR EXISTS (SELECT 1 FROM flare_period WHERE end_date >= ?1)",
                                    LOADWISE_SQL_DATE, evidence, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  *out_settled = found && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

const char *
loadwise_flare_state_to_string (LoadwiseFlareState state)
{
  switch (state)
    {
    case LOADWISE_FLARE_STATE_NONE:
      return "none";
    case LOADWISE_FLARE_STATE_SUGGESTED:
      return "suggested";
    case LOADWISE_FLARE_STATE_ACTIVE:
      return "active";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
loadwise_flare_status_clear (LoadwiseFlareStatus *status)
{
  g_clear_pointer (&status->reason, g_free);
  loadwise_flare_advice_clear (&status->advice);
}

void
loadwise_flare_cap_levels (guint levels[LOADWISE_N_FAMILIES])
{
  /* PROGRAMME.md, "Flare-ups": glute sessions drop to levels 0-1. */
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    levels[i] = MIN (levels[i], 1);
}

/* The detection window: today and the two days before (issue 11). */
#define FLARE_WINDOW_DAYS 3

/* Whether the latest flare was ended by the exit rule on @today or the day
 * before: the status says so once, as the suggestion would. */
static gboolean
latest_ended_by_rule (LoadwiseDatabase  *self,
                      const GDate       *today,
                      GDate             *out_ended,
                      gboolean          *out_just_ended,
                      GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GDate yesterday = *today;
  gboolean found;

  g_date_subtract_days (&yesterday, 1);
  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT end_date FROM flare_period WHERE ended_by = 'rule'"
                                    " AND end_date BETWEEN ?1 AND ?2"
                                    " ORDER BY end_date DESC LIMIT 1",
                                    LOADWISE_SQL_DATE, &yesterday, LOADWISE_SQL_DATE, today,
                                    LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (found)
    {
      if (!loadwise_sqlite_column_date (stmt, 0, out_ended, error))
        return FALSE;
      *out_just_ended = TRUE;
    }
  return TRUE;
}

static gboolean
flare_covers (LoadwiseDatabase  *self,
              const GDate       *date,
              gboolean          *out_covers,
              GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  gboolean found;

  stmt = loadwise_database_query_cached_row (self, &found, error,
                                             "SELECT EXISTS (SELECT 1 FROM flare_period WHERE start_date <= ?1"
                                             " AND (end_date IS NULL OR end_date > ?1))",
                                             LOADWISE_SQL_DATE, date, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  *out_covers = found && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

gboolean
loadwise_database_get_flare_status (LoadwiseDatabase     *self,
                                    const GDate          *today,
                                    LoadwiseFlareStatus  *out_status,
                                    GError              **error)
{
  g_auto (LoadwiseFlarePeriod) active = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GArray) checkins = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  LoadwiseProgramme programme;
  gboolean has_programme;
  gboolean has_baseline = FALSE;
  double baseline = 0;
  guint max_pain = LOADWISE_MAX_PAIN_DEFAULT;
  gboolean found;
  GDate from, runs_from;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out_status != NULL, FALSE);

  memset (out_status, 0, sizeof *out_status);
  g_date_clear (&out_status->since, 1);
  g_date_clear (&out_status->ended, 1);

  has_programme = loadwise_database_get_programme (self, &programme, &local_error);
  if (!has_programme && !g_error_matches (local_error, LOADWISE_DATABASE_ERROR,
                                          LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (has_programme)
    {
      max_pain = programme.max_pain;
      if (!loadwise_database_get_baseline (self, &programme, &baseline, &has_baseline, error))
        return FALSE;
    }

  /* The exit rule runs in the derivation, after every write and when the
   * day moves on; this only reads. */
  if (!loadwise_database_ensure_derived (self, error)
      || !loadwise_database_get_active_flare (self, &active, &found, error))
    return FALSE;
  if (!found && !latest_ended_by_rule (self, today, &out_status->ended, &out_status->just_ended,
                                       error))
    return FALSE;

  /* Enough history for every rule: the flare's whole span, and the week
   * before the detection window that "new night pain" looks back on. */
  from = *today;
  g_date_subtract_days (&from, LOADWISE_FLARE_NIGHT_NEW_DAYS + FLARE_WINDOW_DAYS);
  if (found && g_date_compare (&active.start, &from) < 0)
    from = active.start;
  checkins = loadwise_database_list_checkins (self, &from, today, error);
  if (checkins == NULL)
    return FALSE;

  /* Only the runs the rules read, not the whole history (issue 8: start-up
   * must not grow with it): today's and yesterday's for the detection, the
   * 4 weeks before an active flare for its advice. */
  runs_from = *today;
  g_date_subtract_days (&runs_from, FLARE_WINDOW_DAYS - 1);
  if (found)
    {
      GDate typical_from = active.start;

      g_date_subtract_days (&typical_from, LOADWISE_FLARE_TYPICAL_DAYS);
      if (g_date_compare (&typical_from, &runs_from) < 0)
        runs_from = typical_from;
    }
  runs = loadwise_database_list_runs (self, &runs_from, today, error);
  if (runs == NULL)
    return FALSE;

  if (found)
    {
      out_status->state = LOADWISE_FLARE_STATE_ACTIVE;
      out_status->since = active.start;
      out_status->reason = g_steal_pointer (&active.reason);
      loadwise_flare_advise (runs, &active.start, &out_status->advice);
      return TRUE;
    }

  /* The detection looks at a day and the one before: anchored at today and
   * at yesterday, it covers the last three days, so that a morning or a
   * run typed in late still brings the suggestion. */
  for (guint back = 0; back + 1 < FLARE_WINDOW_DAYS; back++)
    {
      g_auto (LoadwiseFlareDetection) detection = { 0 };
      gboolean settled = FALSE;
      GDate anchor = *today;

      g_date_subtract_days (&anchor, back);
      /* An unknown baseline cannot be risen above: only runs and nights count. */
      loadwise_flare_detect ((const LoadwiseCheckin *) (gpointer) checkins->data, checkins->len,
                             runs, has_baseline ? baseline : (double) LOADWISE_PAIN_MAX + 1,
                             max_pain, &anchor, &detection);
      if (detection.trigger == 0)
        continue;
      if (!suggestion_settled (self, &detection.evidence, &settled, error))
        return FALSE;
      if (settled)
        continue;
      out_status->state = LOADWISE_FLARE_STATE_SUGGESTED;
      out_status->since = detection.evidence;
      out_status->trigger = detection.trigger;
      out_status->reason = g_steal_pointer (&detection.reason);
      return TRUE;
    }
  return TRUE;
}

gboolean
loadwise_database_cap_levels_for_flare (LoadwiseDatabase  *self,
                                        const GDate       *date,
                                        guint              levels[LOADWISE_N_FAMILIES],
                                        gboolean          *out_capped,
                                        GError           **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (levels != NULL, FALSE);

  /* Any flare that covers @date, ended since or not: the day it ends is a
   * normal day, and one that starts after @date does not change it. */
  if (!loadwise_database_ensure_derived (self, error)
      || !flare_covers (self, date, &found, error))
    return FALSE;
  if (found)
    loadwise_flare_cap_levels (levels);
  if (out_capped != NULL)
    *out_capped = found;
  return TRUE;
}

/* Insights and the guard */

static void
free_int64 (gpointer data)
{
  g_free (data);
}

GPtrArray *
loadwise_database_compute_insights (LoadwiseDatabase  *self,
                                    GError           **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GArray) checkins = NULL;
  g_autoptr (GArray) habits = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (GHashTable) shoe_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, free_int64, NULL);
  LoadwiseInsightData data;

  GDate first;
  GDate last;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  /* The whole history: check-ins are only listed by range. */
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 1900);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  if ((runs = loadwise_database_list_runs (self, NULL, NULL, error)) == NULL ||
      (checkins = loadwise_database_list_checkins (self, &first, &last, error)) == NULL ||
      (habits = loadwise_database_list_habits (self, NULL, NULL, error)) == NULL ||
      (sessions = loadwise_database_list_session_days (self, error)) == NULL ||
      (shoes = loadwise_database_list_shoes (self, error)) == NULL)
    return NULL;

  for (guint i = 0; i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);

      g_hash_table_insert (shoe_names, g_memdup2 (&shoe->id, sizeof shoe->id), shoe->name);
    }

  data = (LoadwiseInsightData) {
    runs,
    (const LoadwiseCheckin *) (gpointer) checkins->data, checkins->len,
    (const LoadwiseHabits *) (gpointer) habits->data, habits->len,
    (const GDate *) (gpointer) sessions->data, sessions->len,
    shoe_names,
  };
  return loadwise_insights_compute (&data);
}

gboolean
loadwise_database_check_run_guard (LoadwiseDatabase   *self,
                                   const LoadwiseRun  *run,
                                   LoadwiseRunGuard   *out_guard,
                                   GError            **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  GDate from;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (run != NULL && g_date_valid (&run->date), FALSE);
  g_return_val_if_fail (out_guard != NULL, FALSE);

  /* Only the window the guard reads: 30 days back for the spike, 20 for
   * the weeks. */
  from = run->date;
  g_date_subtract_days (&from, LOADWISE_GUARD_SPIKE_DAYS);
  runs = loadwise_database_list_runs (self, &from, &run->date, error);
  if (runs == NULL)
    return FALSE;
  loadwise_run_guard_check (run, runs, out_guard);

  /* No run in the 30 days before: a return to running, if there was a
   * run before the break (issue 12). */
  if (out_guard->longest_m == 0)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      stmt = loadwise_sqlite_prepare (self->db, "SELECT max (date) FROM run WHERE date < ?1", error);
      if (stmt == NULL)
        return FALSE;
      loadwise_sqlite_bind_date (stmt, 1, &from);
      rc = loadwise_sqlite_step (self->db, stmt, error);
      if (rc == -1)
        return FALSE;
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          g_autoptr (GPtrArray) last_day = NULL;
          GDate last;

          if (!loadwise_sqlite_column_date (stmt, 0, &last, error))
            return FALSE;
          last_day = loadwise_database_list_runs (self, &last, &last, error);
          if (last_day == NULL)
            return FALSE;
          if (last_day->len > 0)
            loadwise_run_guard_check_return (run, g_ptr_array_index (last_day, last_day->len - 1),
                                             out_guard);
        }
    }

  /* A run on a day of a flare, against the flare's advice (issue 12). */
  {
    g_autoptr (GArray) flares = loadwise_database_list_flares (self, error);

    if (flares == NULL)
      return FALSE;
    for (guint i = 0; i < flares->len; i++)
      {
        const LoadwiseFlarePeriod *flare = &g_array_index (flares, LoadwiseFlarePeriod, i);

        if (g_date_compare (&flare->start, &run->date) <= 0 &&
            (!g_date_valid (&flare->end) || g_date_compare (&run->date, &flare->end) < 0))
          {
            g_auto (LoadwiseFlareAdvice) advice = { 0 };
            g_autoptr (GPtrArray) before = NULL;
            GDate typical_from = flare->start;

            g_date_subtract_days (&typical_from, LOADWISE_FLARE_TYPICAL_DAYS);
            before = loadwise_database_list_runs (self, &typical_from, &flare->start, error);
            if (before == NULL)
              return FALSE;
            loadwise_flare_advise (before, &flare->start, &advice);
            loadwise_run_guard_check_flare (run, &advice, out_guard);
            break;
          }
      }
  }
  return TRUE;
}
