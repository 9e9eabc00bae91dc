/* loadwise-database-watch.c: sharing the file: other connections' commits and locks
 *
 * Another process (the CLI, the reminder service) commits to the same
 * file: its pages are in the -wal (or, after a checkpoint, the database
 * file), so both are watched. A burst of file events becomes one look a
 * little later, and PRAGMA data_version tells another connection's commit
 * from this connection's own (which "changed" has announced already): it
 * moves only for the former. Nothing polls: no event, no wakeup.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-sqlite-private.h"

#include <glib/gi18n.h>

#include "store/loadwise-database-progression.h"

/* Long enough to take a burst of file events (a commit writes the -wal
 * several times) as one, short enough to feel at once. */
#define WATCH_SETTLE_MS 100
/* GFileMonitor reports a file that keeps changing at most this often. */
#define WATCH_RATE_LIMIT_MS 200

static gboolean
read_data_version (LoadwiseDatabase *self,
                   gint64           *out_version,
                   GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (self->db, "PRAGMA data_version", error);

  if (stmt == NULL || loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void schedule_look (LoadwiseDatabase *self);

/* Outside a transaction of this connection: whether another one committed
 * since the last look, and if so the news. */
static gboolean
look (LoadwiseDatabase *self)
{
  g_autoptr (GError) error = NULL;
  gint64 version = 0;

  if (!read_data_version (self, &version, &error))
    {
      g_debug ("Could not read the data version: %s", error->message);
      return FALSE;
    }
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;

  /* The other connection derived what it wrote; this only catches up
   * with a new day. Locked or not, the stored state is read. */
  if (!loadwise_database_refresh_derived (self, &error))
    g_debug ("Derived state not refreshed: %s", error->message);

  g_object_ref (self);
  loadwise_database_emit_changed (self, LOADWISE_DATABASE_CHANGE_EXTERNAL);
  g_object_unref (self);
  return TRUE;
}

static gboolean
on_settled (gpointer user_data)
{
  LoadwiseDatabase *self = LOADWISE_DATABASE (user_data);

  self->watch_source = 0;

  /* Inside one of this connection's transactions the version is its own:
   * look again once it has ended. */
  if (!sqlite3_get_autocommit (self->db))
    {
      schedule_look (self);
      return G_SOURCE_REMOVE;
    }
  look (self);
  return G_SOURCE_REMOVE;
}

gboolean
loadwise_database_notice_changes (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  if (!sqlite3_get_autocommit (self->db))
    {
      schedule_look (self);
      return FALSE;
    }
  return look (self);
}

static void
schedule_look (LoadwiseDatabase *self)
{
  if (self->watch_source == 0)
    self->watch_source = g_timeout_add (WATCH_SETTLE_MS, on_settled, self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 LoadwiseDatabase  *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  schedule_look (self);
}

void
loadwise_database_watch (LoadwiseDatabase *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wal_path = NULL;
  const char *paths[G_N_ELEMENTS (self->monitors)];

  g_return_if_fail (LOADWISE_IS_DATABASE (self));

  if (self->monitors[0] != NULL || self->monitors[1] != NULL)
    return;

  if (!read_data_version (self, &self->data_version, &error))
    {
      g_warning ("Not watching for other programs’ changes: %s", error->message);
      return;
    }

  wal_path = g_strconcat (self->path, "-wal", NULL);
  paths[0] = self->path;
  paths[1] = wal_path;
  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);

      /* A -wal that does not exist yet is watched as well: it appears
       * with the first write. */
      self->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (self->monitors[i] == NULL)
        {
          g_message ("Not watching %s for changes: %s", paths[i], error->message);
          g_clear_error (&error);
          continue;
        }
      g_file_monitor_set_rate_limit (self->monitors[i], WATCH_RATE_LIMIT_MS);
      g_signal_connect (self->monitors[i], "changed", G_CALLBACK (on_file_changed), self);
    }
}

void
loadwise_database_unwatch (LoadwiseDatabase *self)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    {
      if (self->monitors[i] == NULL)
        continue;
      g_signal_handlers_disconnect_by_data (self->monitors[i], self);
      g_file_monitor_cancel (self->monitors[i]);
      g_clear_object (&self->monitors[i]);
    }
  g_clear_handle_id (&self->watch_source, g_source_remove);
}

gboolean
loadwise_database_release_wal (LoadwiseDatabase  *self,
                               GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  /* TRUNCATE empties the -wal through this connection's descriptor and
   * resets the -shm's index, so that the next connection to the name
   * starts from the new main file alone. */
  stmt = loadwise_sqlite_prepare (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  if (stmt == NULL || loadwise_sqlite_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  /* The first column is 1 when another connection's reader kept it from
   * finishing. */
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_BUSY,
                   _("Another program is still reading the replaced database “%s”"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

void
loadwise_database_set_busy_timeout (LoadwiseDatabase *self,
                                    int               timeout_ms)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));
  g_return_if_fail (timeout_ms >= 0);

  sqlite3_busy_timeout (self->db, timeout_ms);
}
