/* loadwise-database-derive.c: the programme's derived state, in one place
 *
 * The week decisions (week_plan, week_review) and the flare periods' ends
 * by the exit rule follow from the recorded data, never from when it was
 * typed in (DESIGN.md, "State flow"). Every write of the store ends with
 * loadwise_database_finish_write(): inside the write's own BEGIN IMMEDIATE
 * transaction, right before its COMMIT, loadwise_database_derive_locked()
 * works the derived state out again; then "changed" is emitted. Reads of
 * derived state first make sure it was worked out for the clock's today
 * (loadwise_database_ensure_derived()), for the days that pass without a
 * write.
 *
 * To keep a write cheap, TEMP triggers on this connection note the earliest
 * date its writes touched (the loadwise_touch() SQL function): weeks
 * wholly before it, whose data and plan did not change, are not taken
 * again.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-sqlite-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/loadwise-flare.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-reason.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

/* Dirty dates */

static void
touch (LoadwiseDatabase *self,
       const char       *iso)
{
  /* ISO dates sort as text; anything else (NULL: the programme) means
   * everything. */
  if (iso == NULL || strlen (iso) != 10)
    iso = LOADWISE_DERIVE_ALL;
  if (self->dirty_from[0] == '\0' || strcmp (iso, self->dirty_from) < 0)
    memcpy (self->dirty_from, iso, sizeof self->dirty_from);
}

static void
touch_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  LoadwiseDatabase *self = sqlite3_user_data (context);

  for (int i = 0; i < argc; i++)
    touch (self, (const char *) sqlite3_value_text (argv[i]));
  sqlite3_result_null (context);
}

void
loadwise_database_mark_all_dirty (LoadwiseDatabase *self)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));

  touch (self, NULL);
}

/* The tables the decisions and flares read, with the date column each row
 * belongs to (NULL: every week). Runs only feed the flare suggestion,
 * which is worked out when read. */
static const struct {
  const char *table;
  const char *column;
} watched[] = {
  { "checkin", "date" },
  { "session", "date" },
  { "set_log", "date" },
  { "exercise_pain", "date" },
  { "flare_period", "start_date" },
  { "programme", NULL },
};

gboolean
loadwise_database_install_derive_hooks (LoadwiseDatabase  *self,
                                        GError           **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  gboolean ok;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  rc = sqlite3_create_function (self->db, "loadwise_touch", -1,
                                SQLITE_UTF8 | SQLITE_DIRECTONLY, self, touch_function, NULL, NULL);
  if (rc != SQLITE_OK)
    return loadwise_sqlite_error (self->db, rc, error);

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      const char *table = watched[i].table;
      const char *column = watched[i].column;
      g_autofree char *old_value = column != NULL ? g_strdup_printf ("OLD.%s", column)
                                                  : g_strdup ("NULL");
      g_autofree char *new_value = column != NULL ? g_strdup_printf ("NEW.%s", column)
                                                  : g_strdup ("NULL");

      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER IF NOT EXISTS loadwise_touch_%s_insert"
                              " AFTER INSERT ON main.%s BEGIN SELECT loadwise_touch (%s); END;"
                              "CREATE TEMP TRIGGER IF NOT EXISTS loadwise_touch_%s_update"
                              " AFTER UPDATE ON main.%s BEGIN SELECT loadwise_touch (%s, %s); END;"
                              "CREATE TEMP TRIGGER IF NOT EXISTS loadwise_touch_%s_delete"
                              " AFTER DELETE ON main.%s BEGIN SELECT loadwise_touch (%s); END;",
                              table, table, new_value, table, table, old_value, new_value,
                              table, table, old_value);
    }

  /* The TEMP schema's commit is not a write of the runner's data: it must
   * not count for the daily backup (loadwise_backups_on_commit()). */
  sqlite3_commit_hook (self->db, NULL, NULL);
  ok = loadwise_sqlite_exec (self->db, sql->str, error);
  sqlite3_commit_hook (self->db, loadwise_backups_on_commit, NULL);
  return ok;
}

/* Flares */

/* The exit rule (PROGRAMME.md, "Flare-ups"): the active flare ends on the
 * third settled morning after its start, whenever those mornings were
 * typed in. */
static gboolean
end_flare_by_rule (LoadwiseDatabase        *self,
                   const LoadwiseProgramme *programme,
                   const GDate             *today,
                   gboolean                *out_changed,
                   GError                 **error)
{
  g_auto (LoadwiseFlarePeriod) active = { 0 };
  g_autoptr (GArray) checkins = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE, has_baseline = FALSE;
  double baseline = 0;
  GDate end;

  if (!loadwise_database_get_active_flare (self, &active, &found, error))
    return FALSE;
  if (!found || g_date_compare (&active.start, today) >= 0)
    return TRUE;
  if (!loadwise_database_get_baseline (self, programme, &baseline, &has_baseline, error))
    return FALSE;
  if (!has_baseline)
    return TRUE;

  checkins = loadwise_database_list_checkins (self, &active.start, today, error);
  if (checkins == NULL)
    return FALSE;
  if (!loadwise_flare_should_end ((const LoadwiseCheckin *) (gpointer) checkins->data,
                                  checkins->len, baseline, &active.start, today, &end))
    return TRUE;

  stmt = loadwise_sqlite_prepare (self->db,
                                  "UPDATE flare_period SET end_date = ?1, ended_by = 'rule'"
                                  " WHERE id = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, &end);
  sqlite3_bind_int64 (stmt, 2, active.id);
  if (!loadwise_sqlite_step_done (self->db, stmt, error))
    return FALSE;
  *out_changed = TRUE;
  return TRUE;
}

/* The start rule's statement binds one reason per family in this order. */
G_STATIC_ASSERT (LOADWISE_FAMILY_BRIDGE == 0 && LOADWISE_FAMILY_SINGLE_LEG == 1
                 && LOADWISE_FAMILY_LATERAL == 2);

/* PROGRAMME.md, "Schedule": level 0 in every family when a flare is on at
 * the programme's start. The starting plan follows it until the runner has
 * trained in week 1 (then it is final, as every decision they trained on),
 * whether the flare was recorded before the start or back-dated to it. */
static gboolean
apply_start_rule (LoadwiseDatabase        *self,
                  const LoadwiseProgramme *programme,
                  const GDate             *today,
                  gboolean                *out_changed,
                  GError                 **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  stmt = loadwise_database_prepare_cached (self,
                                  "UPDATE week_plan SET level = 0, target_reps = 0,"
                                  " target_hold_s = 0,"
                                  " reason_code = CASE family WHEN 'bridge' THEN ?3"
                                  "  WHEN 'single-leg' THEN ?4 ELSE ?5 END,"
                                  " reason = CASE family WHEN 'bridge' THEN ?6"
                                  "  WHEN 'single-leg' THEN ?7 ELSE ?8 END"
                                  " WHERE week = 1 AND decision = 'start' AND level <> 0"
                                  " AND EXISTS (SELECT 1 FROM flare_period WHERE start_date <= ?1"
                                  "  AND (end_date IS NULL OR end_date > ?1))"
                                  " AND NOT EXISTS (SELECT 1 FROM session WHERE date >= ?1"
                                  "  AND date <= ?2 AND status <> 'skipped')"
                                  " AND NOT EXISTS (SELECT 1 FROM set_log WHERE date >= ?1"
                                  "  AND date <= ?2 AND done)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, &programme->start);
  loadwise_sqlite_bind_date (stmt, 2, today);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseReason why;

      loadwise_reason_init_start (&why, f, 0, TRUE);
      sqlite3_bind_text (stmt, 3 + (int) f, loadwise_reason_serialize (&why), -1, g_free);
      sqlite3_bind_text (stmt, 6 + (int) f, loadwise_reason_to_string (&why), -1, g_free);
    }
  if (!loadwise_sqlite_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    {
      *out_changed = TRUE;
      /* Every week reads the starting levels. */
      touch (self, NULL);
    }
  return TRUE;
}

/* Deriving */

gboolean
loadwise_database_derive_locked (LoadwiseDatabase  *self,
                                 const GDate       *today,
                                 gboolean          *out_changed,
                                 GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  LoadwiseCatalogue *catalogue;
  LoadwiseProgramme programme;
  gboolean weeks_changed = FALSE;
  gboolean day_changed;
  g_autofree char *week1_end = NULL;
  GDate end;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out_changed != NULL, FALSE);

  *out_changed = FALSE;

  /* An older schema (a test building one) has nothing to derive into. */
  if (self->schema_version != LOADWISE_DATABASE_SCHEMA_VERSION)
    return TRUE;
  /* Nothing the derived state reads changed, and the day is the same. */
  day_changed = !g_date_valid (&self->derived_for)
                || g_date_compare (&self->derived_for, today) != 0;
  if (!day_changed && self->dirty_from[0] == '\0')
    return TRUE;

  if (!loadwise_database_get_programme (self, &programme, &local_error))
    {
      if (g_error_matches (local_error, LOADWISE_DATABASE_ERROR,
                           LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Flares first: the weeks read the days they excuse. The start rule
   * reads only week 1 and the flares that cover the start. */
  end = programme.start;
  g_date_add_days (&end, 6);
  week1_end = loadwise_date_to_iso (&end);
  if (!end_flare_by_rule (self, &programme, today, out_changed, error)
      || ((day_changed || strcmp (self->dirty_from, week1_end) <= 0)
          && !apply_start_rule (self, &programme, today, out_changed, error)))
    return FALSE;

  catalogue = loadwise_database_get_catalogue (self);
  if (catalogue == NULL)
    return TRUE;
  if (!loadwise_database_derive_weeks_locked (self, catalogue, &programme, today,
                                              self->dirty_from,
                                              day_changed
                                              || strcmp (self->dirty_from, LOADWISE_DERIVE_ALL) == 0,
                                              &weeks_changed, error))
    return FALSE;
  *out_changed |= weeks_changed;
  return TRUE;
}

/* Ends the transaction: COMMIT when it wrote (@what) or derived
 * something, else ROLLBACK, so that a read stays a read (no commit, no
 * daily backup). The one COMMIT of the store's writes. */
static gboolean
end_transaction (LoadwiseDatabase        *self,
                 const GDate             *today,
                 LoadwiseDatabaseChange   what,
                 gboolean                 derived,
                 GError                 **error)
{
  if (what == 0 && !derived)
    loadwise_sqlite_rollback (self->db);
  else if (!loadwise_sqlite_exec (self->db, "COMMIT", error))
    {
      /* A failed COMMIT may leave the transaction open. */
      loadwise_sqlite_rollback (self->db);
      return FALSE;
    }

  self->dirty_from[0] = '\0';
  self->derived_for = *today;
  what |= derived ? LOADWISE_DATABASE_CHANGE_DERIVED : 0;
  if (what != 0)
    loadwise_database_emit_changed (self, what);
  return TRUE;
}

gboolean
loadwise_database_finish_write (LoadwiseDatabase        *self,
                                LoadwiseDatabaseChange   what,
                                gboolean                 ok,
                                GError                 **error)
{
  gboolean derived = FALSE;
  GDate today;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  loadwise_clock_get_today (loadwise_database_get_clock (self), &today);
  if (!ok || !loadwise_database_derive_locked (self, &today, &derived, error))
    {
      loadwise_sqlite_rollback (self->db);
      return FALSE;
    }
  return end_transaction (self, &today, what, derived, error);
}

gboolean
loadwise_database_ensure_derived (LoadwiseDatabase  *self,
                                  GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  GDate today;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  /* Inside a transaction (deriving itself, or a write's checks) the state
   * is the one being worked on. */
  if (!sqlite3_get_autocommit (self->db)
      || self->schema_version != LOADWISE_DATABASE_SCHEMA_VERSION)
    return TRUE;

  loadwise_clock_get_today (loadwise_database_get_clock (self), &today);
  if (self->dirty_from[0] == '\0' && g_date_valid (&self->derived_for)
      && g_date_compare (&self->derived_for, &today) == 0)
    return TRUE;

  /* Worked out first; committed (and "changed" emitted) only when
   * something differs, so that a read stays a read: no commit, no daily
   * backup. */
  if (!loadwise_sqlite_begin (self->db, &local_error)
      || !loadwise_database_finish_write (self, 0, TRUE, &local_error))
    {
      /* Another program holds the lock: it derives what it writes, and
       * what is stored is read meanwhile. A read-only folder: what is
       * stored is all there is. */
      if (g_error_matches (local_error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_BUSY)
          || g_error_matches (local_error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_READ_ONLY))
        {
          g_debug ("Derived state not refreshed: %s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_database_refresh_derived (LoadwiseDatabase  *self,
                                   GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  return loadwise_database_ensure_derived (self, error);
}
