/* loadwise-database-reminders.c: reminder settings and state
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-database-reminders.h"

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "store/loadwise-sqlite-private.h"

#define KEY_ENABLED  "reminders.enabled"
#define KEY_SESSION  "reminders.session-time"
#define KEY_CHECKIN  "reminders.checkin-time"
#define KEY_SNOOZE   "reminders.snooze-minutes"

static const char *const action_names[] = { "start", "open", "skip", "snooze" };

const char *
loadwise_reminder_action_to_string (LoadwiseReminderAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), NULL);

  return action_names[action];
}

static gboolean
fail_stored (const char  *key,
             const char  *value,
             GError     **error)
{
  g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
               _("The stored setting %s is not valid: “%s”"), key, value);
  return FALSE;
}

/* With @out_replaced, a stored value that does not parse keeps the
 * default and its key is added there, instead of failing. */
static gboolean
read_reminder_settings (LoadwiseDatabase          *self,
                        LoadwiseReminderSettings  *out_settings,
                        GPtrArray                 *out_replaced,
                        GError                   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  LoadwiseReminderSettings settings;
  LoadwiseReminderSettings defaults;
  int rc;

  loadwise_reminder_settings_init (&settings);
  loadwise_reminder_settings_init (&defaults);

  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT key, value FROM setting WHERE key LIKE 'reminders.%'",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      gboolean good = TRUE;
      gint64 number;

      if (g_str_equal (key, KEY_ENABLED))
        {
          good = g_str_equal (value, "true") || g_str_equal (value, "false");
          settings.enabled = good ? g_str_equal (value, "true") : defaults.enabled;
        }
      else if (g_str_equal (key, KEY_SESSION) || g_str_equal (key, KEY_CHECKIN))
        {
          guint *field = g_str_equal (key, KEY_SESSION) ? &settings.session_time_s
                                                        : &settings.checkin_time_s;

          good = loadwise_reminder_parse_time (key, value, field, NULL);
          if (!good)
            *field = g_str_equal (key, KEY_SESSION) ? defaults.session_time_s : defaults.checkin_time_s;
        }
      else if (g_str_equal (key, KEY_SNOOZE))
        {
          good = loadwise_parse_int (key, value, LOADWISE_REMINDER_SNOOZE_MIN,
                                     LOADWISE_REMINDER_SNOOZE_MAX, &number, NULL);
          settings.snooze_minutes = good ? (guint) number : defaults.snooze_minutes;
        }

      if (!good && out_replaced == NULL)
        return fail_stored (key, value, error);
      if (!good)
        g_ptr_array_add (out_replaced, g_strdup (key));
    }
  if (rc < 0)
    return FALSE;

  *out_settings = settings;
  return TRUE;
}

gboolean
loadwise_database_get_reminder_settings (LoadwiseDatabase          *self,
                                         LoadwiseReminderSettings  *out_settings,
                                         GError                   **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_settings != NULL, FALSE);

  return read_reminder_settings (self, out_settings, NULL, error);
}

gboolean
loadwise_database_get_reminder_settings_to_change (LoadwiseDatabase          *self,
                                                   LoadwiseReminderSettings  *out_settings,
                                                   GStrv                     *out_replaced,
                                                   GError                   **error)
{
  g_autoptr (GPtrArray) replaced = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_settings != NULL, FALSE);

  if (!read_reminder_settings (self, out_settings, replaced, error))
    return FALSE;
  if (out_replaced != NULL)
    {
      g_ptr_array_add (replaced, NULL);
      *out_replaced = (GStrv) g_ptr_array_free (g_steal_pointer (&replaced), FALSE);
    }
  return TRUE;
}

static gboolean
write_setting (LoadwiseDatabase  *self,
               sqlite3_stmt      *stmt,
               const char        *key,
               const char        *value,
               GError           **error)
{
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return loadwise_sqlite_step_done (self->db, stmt, error);
}

gboolean
loadwise_database_set_reminder_settings (LoadwiseDatabase                *self,
                                         const LoadwiseReminderSettings  *settings,
                                         GError                         **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *session = NULL;
  g_autofree char *checkin = NULL;
  g_autofree char *snooze = NULL;
  gboolean ok;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!loadwise_reminder_settings_validate (settings, error))
    return FALSE;

  stmt = loadwise_sqlite_prepare (self->db,
                                  "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;

  session = loadwise_reminder_format_time (settings->session_time_s);
  checkin = loadwise_reminder_format_time (settings->checkin_time_s);
  snooze = g_strdup_printf ("%u", settings->snooze_minutes);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  ok = write_setting (self, stmt, KEY_ENABLED, settings->enabled ? "true" : "false", error) &&
       write_setting (self, stmt, KEY_SESSION, session, error) &&
       write_setting (self, stmt, KEY_CHECKIN, checkin, error) &&
       write_setting (self, stmt, KEY_SNOOZE, snooze, error);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SETTINGS, ok, error);
}

static LoadwiseReminderFact *
fact_for (GArray               *facts,
          const GDate          *from,
          LoadwiseReminderKind  kind,
          const GDate          *date)
{
  int offset = g_date_days_between (from, date);

  if (offset < 0 || (guint) offset * LOADWISE_N_REMINDER_KINDS >= facts->len)
    return NULL;
  return &g_array_index (facts, LoadwiseReminderFact, offset * LOADWISE_N_REMINDER_KINDS + kind);
}

static gint64
parse_timestamp (const char *text)
{
  g_autoptr (GDateTime) when = NULL;

  if (text == NULL)
    return 0;
  when = g_date_time_new_from_iso8601 (text, NULL);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}

GArray *
loadwise_database_list_reminder_facts (LoadwiseDatabase  *self,
                                       const GDate       *from,
                                       const GDate       *to,
                                       GError           **error)
{
  g_autoptr (GArray) facts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int days;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  days = g_date_days_between (from, to) + 1;
  facts = g_array_sized_new (FALSE, TRUE, sizeof (LoadwiseReminderFact),
                             MAX (days, 0) * LOADWISE_N_REMINDER_KINDS);
  for (int i = 0; i < days; i++)
    for (guint kind = 0; kind < LOADWISE_N_REMINDER_KINDS; kind++)
      {
        LoadwiseReminderFact fact = { .kind = (LoadwiseReminderKind) kind, .date = *from };

        g_date_add_days (&fact.date, (guint) i);
        g_array_append_val (facts, fact);
      }
  if (days <= 0)
    return g_steal_pointer (&facts);

  /* One pass over the three tables, each indexed by its date. */
  stmt = loadwise_sqlite_prepare (self->db,
                                  "SELECT 'session', date, 1, NULL, NULL, NULL FROM session"
                                  "  WHERE date BETWEEN ?1 AND ?2 "
                                  "UNION ALL "
                                  "SELECT 'checkin', date, 1, NULL, NULL, NULL FROM checkin"
                                  "  WHERE date BETWEEN ?1 AND ?2 "
                                  "UNION ALL "
                                  "SELECT kind, date, 0, fired_at, snoozed_until, action FROM reminder"
                                  "  WHERE date BETWEEN ?1 AND ?2",
                                  error);
  if (stmt == NULL)
    return NULL;
  loadwise_sqlite_bind_date (stmt, 1, from);
  loadwise_sqlite_bind_date (stmt, 2, to);

  while ((rc = loadwise_sqlite_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      LoadwiseReminderKind kind;
      LoadwiseReminderFact *fact;
      const char *action;
      GDate date;

      if (!loadwise_reminder_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind) ||
          !loadwise_sqlite_column_date (stmt, 1, &date, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                         _("A stored reminder has an unknown kind"));
          return NULL;
        }
      fact = fact_for (facts, from, kind, &date);
      if (fact == NULL)
        continue;

      if (sqlite3_column_int (stmt, 2))
        {
          fact->logged = TRUE;
          continue;
        }
      fact->fired = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      fact->snoozed_until = parse_timestamp ((const char *) sqlite3_column_text (stmt, 4));
      action = (const char *) sqlite3_column_text (stmt, 5);
      fact->acted = action != NULL && !g_str_equal (action, "snooze");
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&facts);
}

static char *
format_timestamp (gint64 unix_time)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

/* One upsert of the (kind, date) row in its own transaction. */
static gboolean
upsert_reminder (LoadwiseDatabase      *self,
                 const char            *sql,
                 LoadwiseReminderKind   kind,
                 const GDate           *date,
                 const char            *text,
                 GError               **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (self->db, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, loadwise_reminder_kind_to_string (kind), -1, SQLITE_STATIC);
  loadwise_sqlite_bind_date (stmt, 2, date);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);

  if (!loadwise_sqlite_begin (self->db, error))
    return FALSE;
  ok = loadwise_sqlite_step_done (self->db, stmt, error);
  return loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_SETTINGS, ok, error);
}

gboolean
loadwise_database_mark_reminder_fired (LoadwiseDatabase      *self,
                                       LoadwiseReminderKind   kind,
                                       const GDate           *date,
                                       gint64                 at,
                                       GError               **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  stamp = format_timestamp (at);
  return upsert_reminder (self,
                          "INSERT INTO reminder (kind, date, fired_at, updated_at)"
                          " VALUES (?1, ?2, ?3, " LOADWISE_SQL_NOW ")"
                          " ON CONFLICT (kind, date) DO UPDATE SET"
                          "  fired_at = excluded.fired_at, snoozed_until = NULL,"
                          "  updated_at = excluded.updated_at",
                          kind, date, stamp, error);
}

gboolean
loadwise_database_snooze_reminder (LoadwiseDatabase      *self,
                                   LoadwiseReminderKind   kind,
                                   const GDate           *date,
                                   gint64                 until,
                                   GError               **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  stamp = format_timestamp (until);
  return upsert_reminder (self,
                          "INSERT INTO reminder (kind, date, snoozed_until, action, updated_at)"
                          " VALUES (?1, ?2, ?3, 'snooze', " LOADWISE_SQL_NOW ")"
                          " ON CONFLICT (kind, date) DO UPDATE SET"
                          "  snoozed_until = excluded.snoozed_until, action = 'snooze',"
                          "  updated_at = excluded.updated_at",
                          kind, date, stamp, error);
}

gboolean
loadwise_database_act_on_reminder (LoadwiseDatabase        *self,
                                   LoadwiseReminderKind     kind,
                                   const GDate             *date,
                                   LoadwiseReminderAction   action,
                                   GError                 **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (action != LOADWISE_REMINDER_ACTION_SNOOZE, FALSE);

  if (action == LOADWISE_REMINDER_ACTION_SKIP)
    {
      if (kind != LOADWISE_REMINDER_SESSION)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                       _("skip: only a session can be skipped"));
          return FALSE;
        }
      /* The session row says "skipped" for every view; the reminder row
       * says why nothing more fires. */
      if (!loadwise_database_set_session_status (self, date, LOADWISE_SESSION_STATUS_SKIPPED,
                                                 NULL, LOADWISE_REMINDER_SKIP_REASON, error))
        return FALSE;
    }

  return upsert_reminder (self,
                          "INSERT INTO reminder (kind, date, action, updated_at)"
                          " VALUES (?1, ?2, ?3, " LOADWISE_SQL_NOW ")"
                          " ON CONFLICT (kind, date) DO UPDATE SET"
                          "  action = excluded.action, snoozed_until = NULL,"
                          "  updated_at = excluded.updated_at",
                          kind, date, loadwise_reminder_action_to_string (action), error);
}
