/* loadwise-database-records.c: the runner's records, in and out
 *
 * Each public write validates its input with the core first, then runs as
 * one BEGIN IMMEDIATE transaction that is rolled back on any failure, so a
 * failed call changes nothing.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-sqlite-private.h"

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-reason.h"
#include "core/loadwise-text.h"

/* Helpers */

static gboolean
no_programme_error (GError **error)
{
  g_set_error_literal (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME,
                       _("No programme has been set up yet"));
  return FALSE;
}

static gboolean
check_text (const char  *field,
            const char  *text,
            gboolean     required,
            GError     **error)
{
  /* Optional text may be empty: "" clears a note, NULL keeps it. */
  if (!required && text == NULL)
    return TRUE;
  if (required && (text == NULL || *text == '\0'))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: must not be empty"), field);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: is not valid UTF-8 text"), field);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_set_log (const LoadwiseSetLog  *log,
               GError               **error)
{
  return check_text ("exercise", log->exercise_id, TRUE, error)
         && loadwise_check_range ("set", (gint64) log->set_index + 1, 1,
                                  LOADWISE_STORE_SETS_MAX, error)
         && loadwise_check_range ("reps", log->reps, 0, LOADWISE_STORE_REPS_MAX, error)
         && loadwise_check_range ("hold seconds", log->hold_s, 0, LOADWISE_STORE_HOLD_MAX_S,
                                  error);
}

static sqlite3_stmt *
prepare_with_date (LoadwiseDatabase  *self,
                   const char        *sql,
                   const GDate       *date,
                   GError           **error)
{
  sqlite3_stmt *stmt = loadwise_sqlite_prepare (self->db, sql, error);

  if (stmt != NULL)
    loadwise_sqlite_bind_date (stmt, 1, date);
  return stmt;
}

static LoadwiseCachedStmt *
prepare_cached_with_date (LoadwiseDatabase  *self,
                          const char        *sql,
                          const GDate       *date,
                          GError           **error)
{
  LoadwiseCachedStmt *stmt = loadwise_database_prepare_cached (self, sql, error);

  if (stmt != NULL)
    loadwise_sqlite_bind_date (stmt, 1, date);
  return stmt;
}

/* Programme */

gboolean
loadwise_database_get_programme (LoadwiseDatabase   *self,
                                 LoadwiseProgramme  *out_programme,
                                 GError            **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  LoadwiseProgramme programme = { 0 };
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_programme != NULL, FALSE);

  stmt = loadwise_database_query_cached_row (self, &found, error,
                                             "SELECT start, weeks, training_days, safe_pain, max_pain"
                                             " FROM programme WHERE id = 1",
                                             LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return no_programme_error (error);

  if (!loadwise_sqlite_column_date (stmt, 0, &programme.start, error))
    return FALSE;
  programme.weeks = (guint) sqlite3_column_int (stmt, 1);
  programme.training_days = (guint8) sqlite3_column_int (stmt, 2);
  programme.safe_pain = (guint) sqlite3_column_int (stmt, 3);
  programme.max_pain = (guint) sqlite3_column_int (stmt, 4);

  *out_programme = programme;
  return TRUE;
}

static void
bind_programme (sqlite3_stmt            *stmt,
                const LoadwiseProgramme *programme)
{
  loadwise_sqlite_bind_date (stmt, 1, &programme->start);
  sqlite3_bind_int (stmt, 2, (int) programme->weeks);
  sqlite3_bind_int (stmt, 3, programme->training_days);
  sqlite3_bind_int (stmt, 4, (int) programme->safe_pain);
  sqlite3_bind_int (stmt, 5, (int) programme->max_pain);
}

static gboolean
check_levels (const guint  levels[LOADWISE_N_FAMILIES],
              GError     **error)
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_autofree char *field = g_strdup_printf (_("%s level"), loadwise_family_get_label (f));

      if (!loadwise_check_range (field, levels[f], LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_start (LoadwiseDatabase        *self,
             const LoadwiseProgramme *programme,
             const guint              levels[LOADWISE_N_FAMILIES],
             GError                 **error)
{
  g_autoptr (sqlite3_stmt) replace = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;

  replace = loadwise_sqlite_prepare (self->db,
                                     "INSERT OR REPLACE INTO programme"
                                     " (id, start, weeks, training_days, safe_pain, max_pain,"
                                     "  created_at)"
                                     " VALUES (1, ?1, ?2, ?3, ?4, ?5, " LOADWISE_SQL_NOW ")",
                                     error);
  if (replace == NULL)
    return FALSE;
  bind_programme (replace, programme);
  if (!loadwise_sqlite_step_done (self->db, replace, error))
    return FALSE;

  /* A new programme starts a new plan and new reviews; the logs stay.
   * The starting levels follow the start rule (a flare on at the start
   * means level 0: loadwise-database-derive.c). */
  if (!loadwise_sqlite_exec (self->db, "DELETE FROM week_plan", error)
      || (self->schema_version >= 5
          && !loadwise_sqlite_exec (self->db, "DELETE FROM week_review", error)))
    return FALSE;

  /* Tests build databases of older schemas through this too; before 6
   * there is no code column. */
  insert = loadwise_sqlite_prepare (self->db,
                                    self->schema_version >= 6
                                    ? "INSERT INTO week_plan"
                                      " (week, family, level, target_reps, target_hold_s,"
                                      "  decision, reason, reason_code, decided_at)"
                                      " VALUES (1, ?1, ?2, 0, 0, 'start', ?3, ?4, " LOADWISE_SQL_NOW ")"
                                    : "INSERT INTO week_plan"
                                      " (week, family, level, target_reps, target_hold_s,"
                                      "  decision, reason, decided_at)"
                                      " VALUES (1, ?1, ?2, 0, 0, 'start', ?3, " LOADWISE_SQL_NOW ")",
                                    error);
  if (insert == NULL)
    return FALSE;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseReason why;
      g_autofree char *code = NULL;
      g_autofree char *reason = NULL;

      loadwise_reason_init_start (&why, f, levels[f], FALSE);
      code = loadwise_reason_serialize (&why);
      reason = loadwise_reason_to_string (&why);
      sqlite3_bind_text (insert, 1, loadwise_family_to_string (f), -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, (int) levels[f]);
      sqlite3_bind_text (insert, 3, reason, -1, SQLITE_TRANSIENT);
      if (self->schema_version >= 6)
        sqlite3_bind_text (insert, 4, code, -1, SQLITE_TRANSIENT);
      if (!loadwise_sqlite_step_done (self->db, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_database_start_programme (LoadwiseDatabase        *self,
                                   const LoadwiseProgramme *programme,
                                   const guint              levels[LOADWISE_N_FAMILIES],
                                   GError                 **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (programme != NULL && levels != NULL, FALSE);

  if (!loadwise_programme_validate (programme, error) || !check_levels (levels, error))
    return FALSE;

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_PROGRAMME,
                                         write_start (self, programme, levels, error), error);
}

gboolean
loadwise_database_update_programme (LoadwiseDatabase        *self,
                                    const LoadwiseProgramme *programme,
                                    GError                 **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (programme != NULL, FALSE);

  if (!loadwise_programme_validate (programme, error))
    return FALSE;

  stmt = loadwise_sqlite_prepare (self->db,
                                  "UPDATE programme SET start = ?1, weeks = ?2,"
                                  " training_days = ?3, safe_pain = ?4, max_pain = ?5"
                                  " WHERE id = 1",
                                  error);
  if (stmt == NULL || !loadwise_sqlite_begin (self->db, error))
    return FALSE;

  bind_programme (stmt, programme);
  ok = loadwise_sqlite_step_done (self->db, stmt, error);
  if (ok && sqlite3_changes (self->db) == 0)
    ok = no_programme_error (error);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_PROGRAMME, ok, error);
}

gboolean
loadwise_database_get_levels (LoadwiseDatabase  *self,
                              int                week,
                              guint              out_levels[LOADWISE_N_FAMILIES],
                              GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  guint levels[LOADWISE_N_FAMILIES] = { 0 };
  gboolean seen[LOADWISE_N_FAMILIES] = { FALSE };
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_levels != NULL, FALSE);

  if (!loadwise_database_ensure_derived (self, error))
    return FALSE;

  /* A dozen weeks of three rows: reading them all is simpler than a
   * correlated query. Before week 1, the starting levels apply. */
  stmt = loadwise_database_prepare_cached (self,
                                  "SELECT week, family, level FROM week_plan ORDER BY week",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      const char *family_text = (const char *) sqlite3_column_text (stmt, 1);
      LoadwiseFamily family;

      if (!loadwise_family_from_string (family_text, &family))
        continue;
      if (!seen[family] || sqlite3_column_int (stmt, 0) <= week)
        {
          levels[family] = (guint) sqlite3_column_int (stmt, 2);
          seen[family] = TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    if (!seen[f])
      return no_programme_error (error);

  memcpy (out_levels, levels, sizeof levels);
  return TRUE;
}

/* The weekly plan */

void
loadwise_week_plan_free (LoadwiseWeekPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->decision);
  g_free (plan->reason);
  g_free (plan->reason_code);
  g_free (plan);
}

static gboolean
check_week_plan (const LoadwiseWeekPlan  *plan,
                 GError                 **error)
{
  return loadwise_check_range ("week", plan->week, 1, LOADWISE_STORE_WEEK_MAX, error)
         && loadwise_check_range ("level", plan->level, LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX,
                                  error)
         && loadwise_check_range ("reps", plan->target_reps, 0, LOADWISE_STORE_REPS_MAX, error)
         && loadwise_check_range ("hold seconds", plan->target_hold_s, 0,
                                  LOADWISE_STORE_HOLD_MAX_S, error)
         && check_text ("decision", plan->decision, TRUE, error)
         && check_text ("reason", plan->reason, TRUE, error)
         && (plan->reason_code == NULL
             || loadwise_reason_parse (plan->reason_code, &(LoadwiseReason) { 0 }, error));
}

static gboolean
write_week_plans (LoadwiseDatabase        *self,
                  const LoadwiseWeekPlan  *plans,
                  guint                    n_plans,
                  GError                 **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = loadwise_sqlite_prepare (self->db,
                                  self->schema_version >= 6
                                  ? "INSERT INTO week_plan"
                                    " (week, family, level, target_reps, target_hold_s,"
                                    "  decision, reason, reason_code, decided_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " LOADWISE_SQL_NOW ")"
                                    " ON CONFLICT (week, family) DO UPDATE SET"
                                    "  level = excluded.level, target_reps = excluded.target_reps,"
                                    "  target_hold_s = excluded.target_hold_s,"
                                    "  decision = excluded.decision, reason = excluded.reason,"
                                    "  reason_code = excluded.reason_code,"
                                    "  decided_at = excluded.decided_at"
                                  /* Tests build older schemas through this too. */
                                  : "INSERT INTO week_plan"
                                    " (week, family, level, target_reps, target_hold_s,"
                                    "  decision, reason, decided_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " LOADWISE_SQL_NOW ")"
                                    " ON CONFLICT (week, family) DO UPDATE SET"
                                    "  level = excluded.level, target_reps = excluded.target_reps,"
                                    "  target_hold_s = excluded.target_hold_s,"
                                    "  decision = excluded.decision, reason = excluded.reason,"
                                    "  decided_at = excluded.decided_at",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_plans; i++)
    {
      const LoadwiseWeekPlan *plan = &plans[i];

      sqlite3_bind_int (stmt, 1, plan->week);
      sqlite3_bind_text (stmt, 2, loadwise_family_to_string (plan->family), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) plan->level);
      sqlite3_bind_int (stmt, 4, (int) plan->target_reps);
      sqlite3_bind_int (stmt, 5, (int) plan->target_hold_s);
      sqlite3_bind_text (stmt, 6, plan->decision, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, plan->reason, -1, SQLITE_TRANSIENT);
      if (self->schema_version >= 6)
        sqlite3_bind_text (stmt, 8, plan->reason_code, -1, SQLITE_TRANSIENT);
      if (!loadwise_sqlite_step_done (self->db, stmt, error))
        return FALSE;
    }

  /* A plan saved as given replaces the decision that led to it: without
   * its review, the derivation leaves it standing. */
  if (self->schema_version >= 5)
    {
      g_autoptr (sqlite3_stmt) review = NULL;

      review = loadwise_sqlite_prepare (self->db, "DELETE FROM week_review WHERE week = ?1 - 1",
                                        error);
      if (review == NULL)
        return FALSE;
      for (guint i = 0; i < n_plans; i++)
        {
          sqlite3_bind_int (review, 1, plans[i].week);
          if (!loadwise_sqlite_step_done (self->db, review, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
loadwise_database_save_week_plans (LoadwiseDatabase        *self,
                                   const LoadwiseWeekPlan  *plans,
                                   guint                    n_plans,
                                   GError                 **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (plans != NULL || n_plans == 0, FALSE);

  for (guint i = 0; i < n_plans; i++)
    {
      g_return_val_if_fail (plans[i].family < LOADWISE_N_FAMILIES, FALSE);
      if (!check_week_plan (&plans[i], error))
        return FALSE;
    }

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_PROGRAMME,
                                         write_week_plans (self, plans, n_plans, error), error);
}

GPtrArray *
loadwise_database_list_week_plans (LoadwiseDatabase  *self,
                                   GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  if (!loadwise_database_ensure_derived (self, error))
    return NULL;

  /* Tests read databases of older schemas too: before 6, no codes. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  self->schema_version >= 6
                                  ? "SELECT week, family, level, target_reps, target_hold_s,"
                                    " decision, reason, reason_code FROM week_plan"
                                    " ORDER BY week, CASE family WHEN 'bridge' THEN 0"
                                    " WHEN 'single-leg' THEN 1 ELSE 2 END"
                                  : "SELECT week, family, level, target_reps, target_hold_s,"
                                    " decision, reason, NULL FROM week_plan"
                                    " ORDER BY week, CASE family WHEN 'bridge' THEN 0"
                                    " WHEN 'single-leg' THEN 1 ELSE 2 END",
                                  error);
  if (stmt == NULL)
    return NULL;

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_week_plan_free);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr (LoadwiseWeekPlan) plan = g_new0 (LoadwiseWeekPlan, 1);

      if (!loadwise_family_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                        &plan->family))
        continue;
      plan->week = sqlite3_column_int (stmt, 0);
      plan->level = (guint) sqlite3_column_int (stmt, 2);
      plan->target_reps = (guint) sqlite3_column_int (stmt, 3);
      plan->target_hold_s = (guint) sqlite3_column_int (stmt, 4);
      plan->decision = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      plan->reason_code = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      plan->reason = loadwise_store_render_reason (plan->reason_code,
                                                   (const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (plans, g_steal_pointer (&plan));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&plans);
}

/* Settings */

static gboolean
check_setting_key (const char  *key,
                   GError     **error)
{
  if (*key == '\0' || strspn (key, "abcdefghijklmnopqrstuvwxyz0123456789-.") != strlen (key))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("setting: “%s” is not a setting name (use a-z, 0-9, “-” and “.”)"),
                   g_utf8_validate (key, -1, NULL) ? key : "?");
      return FALSE;
    }
  return TRUE;
}

char *
loadwise_database_get_setting (LoadwiseDatabase  *self,
                               const char        *key,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!check_setting_key (key, error))
    return NULL;

  stmt = loadwise_sqlite_prepare (self->db, "SELECT value FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
loadwise_database_set_setting (LoadwiseDatabase  *self,
                               const char        *key,
                               const char        *value,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!check_setting_key (key, error) || !check_text (key, value, FALSE, error))
    return FALSE;

  stmt = loadwise_sqlite_prepare (self->db,
                                  value != NULL
                                    ? "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                                    : "DELETE FROM setting WHERE key = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SETTINGS,
                                         loadwise_sqlite_step_done (self->db, stmt, error), error);
}

/* Sessions and the set log */

void
loadwise_session_record_clear (LoadwiseSessionRecord *record)
{
  g_clear_pointer (&record->note, g_free);
  g_clear_pointer (&record->skip_reason, g_free);
}

void
loadwise_set_log_free (LoadwiseSetLog *log)
{
  if (log == NULL)
    return;
  g_free (log->exercise_id);
  g_free (log);
}

gboolean
loadwise_database_get_session (LoadwiseDatabase       *self,
                               const GDate            *date,
                               LoadwiseSessionRecord  *out_record,
                               GError                **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  LoadwiseSessionStatus status = LOADWISE_SESSION_STATUS_NONE;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_record != NULL, FALSE);

  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT status, note, skip_reason FROM session WHERE date = ?1",
                                    LOADWISE_SQL_DATE, date, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;

  out_record->date = *date;
  out_record->status = LOADWISE_SESSION_STATUS_NONE;
  out_record->note = NULL;
  out_record->skip_reason = NULL;
  if (found)
    {
      if (loadwise_session_status_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                               &status))
        out_record->status = status;
      out_record->note = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out_record->skip_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  return TRUE;
}

/* The session row exists: in progress, unless already finished. */
static gboolean
ensure_session (LoadwiseDatabase  *self,
                const GDate       *date,
                GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = loadwise_database_get_stmt (self, LOADWISE_STORE_STMT_ENSURE_SESSION,
                                     "INSERT INTO session (date, status, updated_at)"
                                     " VALUES (?1, 'in-progress', " LOADWISE_SQL_NOW ")"
                                     " ON CONFLICT (date) DO UPDATE SET"
                                     "  status = CASE status WHEN 'done' THEN 'done'"
                                     "           ELSE 'in-progress' END,"
                                     "  updated_at = excluded.updated_at",
                                     error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, date);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

static gboolean
upsert_set (LoadwiseDatabase      *self,
            const GDate           *date,
            const LoadwiseSetLog  *log,
            GError               **error)
{
  sqlite3_stmt *stmt;

  stmt = loadwise_database_get_stmt (self, LOADWISE_STORE_STMT_UPSERT_SET,
                                     "INSERT INTO set_log"
                                     " (date, exercise_id, side, set_index, done, reps, hold_s,"
                                     "  logged_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " LOADWISE_SQL_NOW ")"
                                     " ON CONFLICT (date, exercise_id, side, set_index)"
                                     " DO UPDATE SET done = excluded.done, reps = excluded.reps,"
                                     "  hold_s = excluded.hold_s, logged_at = excluded.logged_at",
                                     error);
  if (stmt == NULL)
    return FALSE;
  loadwise_sqlite_bind_date (stmt, 1, date);
  sqlite3_bind_text (stmt, 2, log->exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, loadwise_side_to_string (log->side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) log->set_index);
  sqlite3_bind_int (stmt, 5, log->done ? 1 : 0);
  sqlite3_bind_int (stmt, 6, (int) log->reps);
  sqlite3_bind_int (stmt, 7, (int) log->hold_s);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

static gboolean
upsert_pain (LoadwiseDatabase  *self,
             const GDate       *date,
             const char        *exercise_id,
             guint              pain,
             GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  stmt = prepare_cached_with_date (self,
                            "INSERT INTO exercise_pain (date, exercise_id, pain, updated_at)"
                            " VALUES (?1, ?2, ?3, " LOADWISE_SQL_NOW ")"
                            " ON CONFLICT (date, exercise_id) DO UPDATE SET"
                            "  pain = excluded.pain, updated_at = excluded.updated_at",
                            date, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) pain);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

/* A new note replaces the old one; no note keeps it. A skip reason belongs
 * to a skipped session only. */
static gboolean
upsert_status (LoadwiseDatabase       *self,
               const GDate            *date,
               LoadwiseSessionStatus   status,
               const char             *note,
               const char             *skip_reason,
               GError                **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  stmt = prepare_cached_with_date (self,
                            "INSERT INTO session (date, status, note, skip_reason, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, " LOADWISE_SQL_NOW ")"
                            " ON CONFLICT (date) DO UPDATE SET status = excluded.status,"
                            "  note = coalesce (excluded.note, note),"
                            "  skip_reason = excluded.skip_reason,"
                            "  updated_at = excluded.updated_at",
                            date, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, loadwise_session_status_to_string (status), -1, SQLITE_STATIC);
  if (note != NULL)
    sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  if (status == LOADWISE_SESSION_STATUS_SKIPPED && skip_reason != NULL)
    sqlite3_bind_text (stmt, 4, skip_reason, -1, SQLITE_TRANSIENT);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

gboolean
loadwise_database_set_session_status (LoadwiseDatabase       *self,
                                      const GDate            *date,
                                      LoadwiseSessionStatus   status,
                                      const char             *note,
                                      const char             *skip_reason,
                                      GError                **error)
{
  g_autofree char *clean_note = NULL;
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (status <= LOADWISE_SESSION_STATUS_SKIPPED, FALSE);

  /* "Nothing logged" is what no row means; it is not a state to store. */
  if (status == LOADWISE_SESSION_STATUS_NONE)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("status: must be in progress, done or skipped"));
      return FALSE;
    }
  /* What is stored is the checked text, trimmed; NULL still keeps the note. */
  if ((note != NULL
       && !loadwise_text_validate ("note", note, -1, LOADWISE_TEXT_NOTE, &clean_note, error))
      || (skip_reason != NULL
          && !loadwise_text_validate ("skip reason", skip_reason, -1, LOADWISE_TEXT_SKIP_REASON,
                                      &clean_reason, error)))
    return FALSE;
  /* A reason that trims to nothing is no reason. */
  if (clean_reason != NULL && *clean_reason == '\0')
    g_clear_pointer (&clean_reason, g_free);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SESSIONS,
                                 upsert_status (self, date, status, clean_note, clean_reason, error),
                                 error);
}

gboolean
loadwise_database_log_set (LoadwiseDatabase      *self,
                           const GDate           *date,
                           const LoadwiseSetLog  *log,
                           GError               **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (log != NULL, FALSE);
  g_return_val_if_fail (log->side <= LOADWISE_SIDE_BOTH, FALSE);

  if (!check_set_log (log, error))
    return FALSE;

  /* Two cached statements in one short transaction: this runs on every tick. */
  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SESSIONS,
                                 ensure_session (self, date, error)
                                 && upsert_set (self, date, log, error),
                                 error);
}

GPtrArray *
loadwise_database_list_sets (LoadwiseDatabase  *self,
                             const GDate       *date,
                             GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) logs = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  stmt = prepare_with_date (self,
                            "SELECT exercise_id, side, set_index, done, reps, hold_s"
                            " FROM set_log WHERE date = ?1"
                            " ORDER BY exercise_id, set_index,"
                            "  CASE side WHEN 'none' THEN 0 WHEN 'left' THEN 1"
                            "  WHEN 'right' THEN 2 ELSE 3 END",
                            date, error);
  if (stmt == NULL)
    return NULL;

  logs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_set_log_free);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseSetLog *log = g_new0 (LoadwiseSetLog, 1);

      log->exercise_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (!loadwise_side_from_string ((const char *) sqlite3_column_text (stmt, 1), &log->side))
        log->side = LOADWISE_SIDE_NONE;
      log->set_index = (guint) sqlite3_column_int (stmt, 2);
      log->done = sqlite3_column_int (stmt, 3) != 0;
      log->reps = (guint) sqlite3_column_int (stmt, 4);
      log->hold_s = (guint) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (logs, log);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&logs);
}

gboolean
loadwise_database_set_exercise_pain (LoadwiseDatabase  *self,
                                     const GDate       *date,
                                     const char        *exercise_id,
                                     guint              pain,
                                     GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!check_text ("exercise", exercise_id, TRUE, error)
      || !loadwise_check_range ("pain", pain, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error))
    return FALSE;

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SESSIONS,
                                 ensure_session (self, date, error)
                                 && upsert_pain (self, date, exercise_id, pain, error),
                                 error);
}

GHashTable *
loadwise_database_get_exercise_pains (LoadwiseDatabase  *self,
                                      const GDate       *date,
                                      GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) pains = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  stmt = prepare_with_date (self, "SELECT exercise_id, pain FROM exercise_pain WHERE date = ?1",
                            date, error);
  if (stmt == NULL)
    return NULL;

  pains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (pains, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&pains);
}

static gboolean
write_session (LoadwiseDatabase           *self,
               const LoadwisePrescription *prescription,
               guint                       percent,
               guint                       pain,
               const char                 *note,
               GError                    **error)
{
  const GDate *date = &prescription->date;

  if (!ensure_session (self, date, error))
    return FALSE;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwisePrescribedExercise *item = &prescription->exercises[f];
      guint n_done = loadwise_sets_for_percent (loadwise_prescribed_exercise_total_sets (item),
                                                percent);
      guint position = 0;

      /* In the order they are done: set 1 left, set 1 right, set 2 left ... */
      for (guint set = 0; set < item->sets; set++)
        for (guint s = 0; s < item->n_sides; s++)
          {
            gboolean done = position++ < n_done;
            LoadwiseSetLog log = {
              .exercise_id = item->exercise->id,
              .side = item->n_sides == 2 ? (s == 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_RIGHT)
                                         : LOADWISE_SIDE_NONE,
              .set_index = set,
              .done = done,
              .reps = done ? item->target_reps : 0,
              .hold_s = done ? item->target_hold_s : 0,
            };

            if (!check_set_log (&log, error) || !upsert_set (self, date, &log, error))
              return FALSE;
          }

      if (!upsert_pain (self, date, item->exercise->id, pain, error))
        return FALSE;
    }

  return upsert_status (self, date, LOADWISE_SESSION_STATUS_DONE, note, NULL, error);
}

gboolean
loadwise_database_log_session (LoadwiseDatabase           *self,
                               const LoadwisePrescription *prescription,
                               guint                       percent,
                               guint                       pain,
                               const char                 *note,
                               GError                    **error)
{
  g_autofree char *clean_note = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (prescription != NULL && g_date_valid (&prescription->date), FALSE);

  if (!loadwise_check_range ("percent", percent, 0, 100, error)
      || !loadwise_check_range ("pain", pain, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error)
      || (note != NULL
          && !loadwise_text_validate ("note", note, -1, LOADWISE_TEXT_NOTE, &clean_note, error)))
    return FALSE;

  if (!prescription->is_session)
    {
      g_autofree char *iso = loadwise_date_to_iso (&prescription->date);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("date: %s is a rest day, not a session day"), iso);
      return FALSE;
    }
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    g_return_val_if_fail (prescription->exercises[f].exercise != NULL, FALSE);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SESSIONS,
                                 write_session (self, prescription, percent, pain, clean_note, error),
                                 error);
}

/* Morning check-ins */

static gboolean
read_checkin (sqlite3_stmt     *stmt,
              LoadwiseCheckin  *out_checkin,
              GError          **error)
{
  LoadwiseCheckin checkin = { 0 };

  if (!loadwise_sqlite_column_date (stmt, 0, &checkin.date, error))
    return FALSE;
  checkin.morning_pain = (guint) sqlite3_column_int (stmt, 1);
  if (!loadwise_side_from_string ((const char *) sqlite3_column_text (stmt, 2), &checkin.side))
    checkin.side = LOADWISE_SIDE_NONE;
  checkin.night_pain = sqlite3_column_int (stmt, 3) != 0;

  *out_checkin = checkin;
  return TRUE;
}

gboolean
loadwise_database_save_checkin (LoadwiseDatabase       *self,
                                const LoadwiseCheckin  *checkin,
                                GError                **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (checkin != NULL && g_date_valid (&checkin->date), FALSE);
  g_return_val_if_fail (checkin->side <= LOADWISE_SIDE_BOTH, FALSE);

  if (!loadwise_check_range (_("morning pain"), checkin->morning_pain, LOADWISE_PAIN_MIN,
                             LOADWISE_PAIN_MAX, error))
    return FALSE;

  stmt = prepare_cached_with_date (self,
                            "INSERT INTO checkin (date, morning_pain, side, night_pain, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, " LOADWISE_SQL_NOW ")"
                            " ON CONFLICT (date) DO UPDATE SET"
                            "  morning_pain = excluded.morning_pain, side = excluded.side,"
                            "  night_pain = excluded.night_pain, updated_at = excluded.updated_at",
                            &checkin->date, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, (int) checkin->morning_pain);
  sqlite3_bind_text (stmt, 3, loadwise_side_to_string (checkin->side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, checkin->night_pain ? 1 : 0);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_CHECKINS,
                                         loadwise_sqlite_step_done (self->db, stmt, error), error);
}

gboolean
loadwise_database_get_checkin (LoadwiseDatabase  *self,
                               const GDate       *date,
                               LoadwiseCheckin   *out_checkin,
                               gboolean          *out_found,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_checkin != NULL && out_found != NULL, FALSE);

  stmt = loadwise_sqlite_query_row (self->db, &found, error,
                                    "SELECT date, morning_pain, side, night_pain FROM checkin"
                                    " WHERE date = ?1",
                                    LOADWISE_SQL_DATE, date, LOADWISE_SQL_END);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    {
      *out_found = FALSE;
      return TRUE;
    }
  if (!read_checkin (stmt, out_checkin, error))
    return FALSE;
  *out_found = TRUE;
  return TRUE;
}

GArray *
loadwise_database_list_checkins (LoadwiseDatabase  *self,
                                 const GDate       *from,
                                 const GDate       *to,
                                 GError           **error)
{
  g_autoptr (LoadwiseCachedStmt) stmt = NULL;
  g_autoptr (GArray) checkins = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  stmt = prepare_cached_with_date (self,
                            "SELECT date, morning_pain, side, night_pain FROM checkin"
                            " WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
                            from, error);
  if (stmt == NULL)
    return NULL;
  loadwise_sqlite_bind_date (stmt, 2, to);

  checkins = g_array_new (FALSE, TRUE, sizeof (LoadwiseCheckin));
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseCheckin checkin;

      if (!read_checkin (stmt, &checkin, error))
        return NULL;
      g_array_append_val (checkins, checkin);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&checkins);
}

/* Red-flag screening */

gboolean
loadwise_database_save_red_flags (LoadwiseDatabase  *self,
                                  const GDate       *date,
                                  guint              yes_mask,
                                  GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!loadwise_check_range (_("red flags"), yes_mask, 0, LOADWISE_RED_FLAGS_ALL, error))
    return FALSE;

  /* A fresh row rather than an update in place: the rowid then follows the
   * order of entry, which breaks ties between answers typed in within the
   * same second (loadwise_red_flags_compute_status () weighs that order). */
  stmt = prepare_with_date (self,
                            "INSERT OR REPLACE INTO red_flag_screening (date, yes_mask, answered_at)"
                            " VALUES (?1, ?2, " LOADWISE_SQL_NOW ")",
                            date, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, (int) yes_mask);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_CHECKINS,
                                         loadwise_sqlite_step_done (self->db, stmt, error), error);
}

gboolean
loadwise_database_get_red_flag_status (LoadwiseDatabase       *self,
                                       LoadwiseRedFlagStatus  *out_status,
                                       GError                **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) answers = NULL;
  GDate today;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_status != NULL, FALSE);

  /* Screenings are weekly at most: reading them all is cheap, and the rule
   * needs every answer, in the order they were entered. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT date, yes_mask FROM red_flag_screening"
                                  " ORDER BY answered_at, rowid",
                                  error);
  if (stmt == NULL)
    return FALSE;

  answers = g_array_new (FALSE, TRUE, sizeof (LoadwiseRedFlagAnswer));
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseRedFlagAnswer answer;

      if (!loadwise_sqlite_column_date (stmt, 0, &answer.date, error))
        return FALSE;
      answer.yes_mask = (guint) sqlite3_column_int (stmt, 1) & LOADWISE_RED_FLAGS_ALL;
      answer.entered = answers->len;
      g_array_append_val (answers, answer);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  loadwise_clock_get_today (loadwise_database_get_clock (self), &today);
  loadwise_red_flags_compute_status ((const LoadwiseRedFlagAnswer *) answers->data, answers->len,
                                     &today, out_status);
  return TRUE;
}

gboolean
loadwise_database_get_red_flags (LoadwiseDatabase  *self,
                                 GDate             *out_date,
                                 guint             *out_yes_mask,
                                 gboolean          *out_found,
                                 GError           **error)
{
  LoadwiseRedFlagStatus status;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_found != NULL, FALSE);

  if (!loadwise_database_get_red_flag_status (self, &status, error))
    return FALSE;

  *out_found = status.answered;
  if (status.answered && out_date != NULL)
    *out_date = status.last_answered;
  if (status.answered && out_yes_mask != NULL)
    *out_yes_mask = status.standing_mask;
  return TRUE;
}

/* Baseline */

gboolean
loadwise_database_get_baseline (LoadwiseDatabase         *self,
                                const LoadwiseProgramme  *programme,
                                double                   *out_baseline,
                                gboolean                 *out_found,
                                GError                  **error)
{
  g_autoptr (GArray) checkins = NULL;
  LoadwiseProgramme stored;
  GDate from, to;
  double baseline = 0;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_baseline != NULL && out_found != NULL, FALSE);

  if (programme == NULL)
    {
      if (!loadwise_database_get_programme (self, &stored, error))
        return FALSE;
      programme = &stored;
    }

  /* The 7 days before the start, and week 1 for when those are missing
   * (PROGRAMME.md, "Pain that the runner logs"). */
  from = programme->start;
  g_date_subtract_days (&from, LOADWISE_BASELINE_DAYS);
  to = programme->start;
  g_date_add_days (&to, 6);

  checkins = loadwise_database_list_checkins (self, &from, &to, error);
  if (checkins == NULL)
    return FALSE;

  *out_found = loadwise_programme_compute_baseline (programme,
                                                    (const LoadwiseCheckin *) checkins->data,
                                                    checkins->len, &baseline);
  if (*out_found)
    *out_baseline = baseline;
  return TRUE;
}
