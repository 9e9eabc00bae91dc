/* loadwise-database-charts.c: aggregates for charts, exports and the report
 *
 * Read-only queries: each runs as one statement (SQLite gives it a
 * consistent snapshot), so none needs a transaction of its own.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-database-charts.h"

#include <glib/gi18n.h>

#include "store/loadwise-sqlite-private.h"

static GArray *
list_dated_values (LoadwiseDatabase  *self,
                   const char        *sql,
                   const GDate       *from,
                   const GDate       *to,
                   GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) values = NULL;
  int rc;

  stmt = loadwise_sqlite_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  loadwise_sqlite_bind_date (stmt, 1, from);
  loadwise_sqlite_bind_date (stmt, 2, to);

  values = g_array_new (FALSE, TRUE, sizeof (LoadwiseDatedValue));
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseDatedValue value;

      if (!loadwise_sqlite_column_date (stmt, 0, &value.date, error))
        return NULL;
      value.value = sqlite3_column_double (stmt, 1);
      g_array_append_val (values, value);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&values);
}

GArray *
loadwise_database_list_session_pain (LoadwiseDatabase  *self,
                                     const GDate       *from,
                                     const GDate       *to,
                                     GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  return list_dated_values (self,
                            "SELECT date, max (pain) FROM exercise_pain"
                            " WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
                            from, to, error);
}

GArray *
loadwise_database_list_done_set_counts (LoadwiseDatabase  *self,
                                        const GDate       *from,
                                        const GDate       *to,
                                        GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  return list_dated_values (self,
                            "SELECT date, count (*) FROM set_log"
                            " WHERE done = 1 AND date BETWEEN ?1 AND ?2"
                            " GROUP BY date ORDER BY date",
                            from, to, error);
}

GArray *
loadwise_database_list_session_statuses (LoadwiseDatabase  *self,
                                         const GDate       *from,
                                         const GDate       *to,
                                         GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) records = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT date, status FROM session"
                                  " WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
                                  error);
  if (stmt == NULL)
    return NULL;
  loadwise_sqlite_bind_date (stmt, 1, from);
  loadwise_sqlite_bind_date (stmt, 2, to);

  records = g_array_new (FALSE, TRUE, sizeof (LoadwiseSessionRecord));
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseSessionRecord record = { 0 };
      const char *status = (const char *) sqlite3_column_text (stmt, 1);

      if (!loadwise_sqlite_column_date (stmt, 0, &record.date, error))
        return NULL;
      if (status == NULL || !loadwise_session_status_from_string (status, &record.status))
        {
          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                       _("Unknown session status “%s” in the database"), status);
          return NULL;
        }
      g_array_append_val (records, record);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&records);
}

gboolean
loadwise_database_get_first_logged_date (LoadwiseDatabase  *self,
                                         GDate             *out_date,
                                         gboolean          *out_found,
                                         GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_date != NULL && out_found != NULL, FALSE);

  /* min() over each primary key is an index lookup, not a scan. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT min (d) FROM ("
                                  " SELECT min (date) AS d FROM checkin"
                                  " UNION ALL SELECT min (date) FROM session)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  rc = loadwise_sqlite_step (self->db, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;

  *out_found = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (*out_found && !loadwise_sqlite_column_date (stmt, 0, out_date, error))
    return FALSE;
  return TRUE;
}

GStrv
loadwise_database_list_tables (LoadwiseDatabase  *self,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                  " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_strv_builder_end (names);
}

static gboolean
is_table (LoadwiseDatabase  *self,
          const char        *table,
          GError           **error)
{
  g_auto (GStrv) tables = loadwise_database_list_tables (self, error);

  if (tables == NULL)
    return FALSE;
  if (!g_strv_contains ((const char * const *) tables, table))
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("There is no table “%s” in the database"), table);
      return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_database_foreach_row (LoadwiseDatabase         *self,
                               const char               *table,
                               LoadwiseDatabaseRowFunc   func,
                               gpointer                  user_data,
                               GError                  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) key_stmt = NULL;
  g_autoptr (GString) sql = NULL;
  g_autofree char *quoted = NULL;
  g_autofree const char **columns = NULL;
  g_autofree const char **values = NULL;
  guint n_columns;
  guint n_keys = 0;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (table != NULL && func != NULL, FALSE);

  /* The name goes into SQL text, so it must be one of ours. */
  if (!is_table (self, table, error))
    return FALSE;
  quoted = g_strdup_printf ("\"%s\"", table);

  /* Primary key order keeps exports stable from one run to the next. */
  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT name FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk");
  key_stmt = loadwise_sqlite_prepare (self->db, sql->str, error);
  if (key_stmt == NULL)
    return FALSE;
  sqlite3_bind_text (key_stmt, 1, table, -1, SQLITE_TRANSIENT);
  g_string_printf (sql, "SELECT * FROM %s ORDER BY ", quoted);
  while ((rc = loadwise_sqlite_step (self->db, key_stmt, error)) == SQLITE_ROW)
    g_string_append_printf (sql, "%s\"%s\"", n_keys++ > 0 ? ", " : "",
                            (const char *) sqlite3_column_text (key_stmt, 0));
  if (rc != SQLITE_DONE)
    return FALSE;
  if (n_keys == 0)
    g_string_append (sql, "rowid");

  stmt = loadwise_sqlite_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  n_columns = (guint) sqlite3_column_count (stmt);
  columns = g_new0 (const char *, n_columns + 1);
  values = g_new0 (const char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    columns[i] = sqlite3_column_name (stmt, (int) i);
  if (!func (columns, NULL, n_columns, user_data, error))
    return FALSE;

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, (int) i);
      if (!func (columns, values, n_columns, user_data, error))
        return FALSE;
    }

  return rc == SQLITE_DONE;
}
