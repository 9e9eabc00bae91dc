/* loadwise-import-watcher.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-import-watcher.h"

#include <glib/gi18n.h>

#include "tracks/loadwise-track-reader.h"
#include "ui/loadwise-import-task.h"

struct _LoadwiseImportWatcher
{
  GObject          parent_instance;

  LoadwiseContext *context;
  GSettings       *settings;
  guint            settle_ms;

  GFile           *folder;
  GFileMonitor    *monitor;
  GHashTable      *pending;     /* paths waiting to be read */
  guint            settle_id;
  GCancellable    *cancellable; /* of the folder watched now */
  gboolean         preparing;
  GHashTable      *announced;   /* SHA-256 (or path) of each file announced */
};

G_DEFINE_FINAL_TYPE (LoadwiseImportWatcher, loadwise_import_watcher, G_TYPE_OBJECT)

enum {
  SIGNAL_NEW_RUNS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GNotification *
loadwise_import_watcher_new_notification (const char *const *paths)
{
  guint n = paths != NULL ? g_strv_length ((char **) paths) : 0;
  /* Translators: a notification about track files in the import folder. */
  g_autofree char *title = g_strdup_printf (ngettext ("%u new run to review", "%u new runs to review", n), n);
  g_autoptr (GIcon) icon = g_themed_icon_new (APP_ID);
  GNotification *notification = g_notification_new (title);

  g_notification_set_body (notification, _("Add how your hip felt, then import them."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target_value (notification, "app.import-runs",
                                                      g_variant_new_strv (paths, -1));
  g_notification_add_button_with_target_value (notification, _("Review"), "app.import-runs",
                                               g_variant_new_strv (paths, -1));
  return notification;
}

GFile *
loadwise_import_watcher_get_folder (LoadwiseImportWatcher *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_WATCHER (self), NULL);

  return self->folder;
}

gboolean
loadwise_import_watcher_is_busy (LoadwiseImportWatcher *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_WATCHER (self), FALSE);

  return self->preparing || self->settle_id != 0 || g_hash_table_size (self->pending) > 0;
}

/* Reading what was gathered */

static void flush (LoadwiseImportWatcher *self);

typedef struct {
  LoadwiseImportWatcher *self;
  GCancellable          *cancellable;
} Reading;

static void
announce (LoadwiseImportWatcher *self,
          GPtrArray             *items)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      LoadwiseRunImportItem *item = g_ptr_array_index (items, i);
      const char *key;

      if (item->status != LOADWISE_RUN_IMPORT_NEW)
        continue;
      key = item->run != NULL && item->run->track_sha256 != NULL ? item->run->track_sha256 : item->path;
      if (g_hash_table_contains (self->announced, key))
        continue;
      g_hash_table_add (self->announced, g_strdup (key));
      g_ptr_array_add (paths, item->path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);
  g_signal_emit (self, signals[SIGNAL_NEW_RUNS], 0, (char **) paths->pdata);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reading *reading = user_data;
  LoadwiseImportWatcher *self = reading->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = loadwise_import_prepare_finish (result, &error);
  gboolean current = reading->cancellable == self->cancellable;

  g_object_unref (reading->cancellable);
  g_free (reading);
  /* Another folder meanwhile: what was read of the old one is dropped. */
  if (!current || g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self);
      return;
    }
  self->preparing = FALSE;
  if (items == NULL)
    g_message ("The import folder could not be read: %s", error->message);
  else
    announce (self, items);
  flush (self);
  g_object_unref (self);
}

static void
read_files (LoadwiseImportWatcher *self,
            GPtrArray             *files)
{
  g_autoptr (GDateTime) now = loadwise_clock_get_now (loadwise_context_get_clock (self->context));
  Reading *reading = g_new0 (Reading, 1);

  reading->self = g_object_ref (self);
  reading->cancellable = g_object_ref (self->cancellable);
  self->preparing = TRUE;
  loadwise_import_prepare_async (loadwise_database_get_path (loadwise_context_get_database (self->context)),
                                 (GFile *const *) files->pdata, files->len,
                                 g_date_time_get_timezone (now), self->cancellable, on_prepared, reading);
}

/* Reads the files gathered, unless a reading is under way: it comes back
 * here when done. */
static void
flush (LoadwiseImportWatcher *self)
{
  g_autoptr (GPtrArray) files = NULL;
  GHashTableIter iter;
  gpointer path;

  if (self->preparing || self->settle_id != 0 || g_hash_table_size (self->pending) == 0)
    return;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (files, g_file_new_for_path (path));
  g_hash_table_remove_all (self->pending);
  read_files (self, files);
}

static gboolean
on_settled (gpointer user_data)
{
  LoadwiseImportWatcher *self = LOADWISE_IMPORT_WATCHER (user_data);

  self->settle_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

/* Following the folder */

static void
gather (LoadwiseImportWatcher *self,
        GFile                 *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (name == NULL || path == NULL || !loadwise_track_is_track_name (name))
    return;
  g_hash_table_add (self->pending, g_steal_pointer (&path));
  /* Once the folder has been quiet for a moment. */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (self->settle_ms, on_settled, self);
}

static void
forget (LoadwiseImportWatcher *self,
        GFile                 *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    g_hash_table_remove (self->pending, path);
}

static void
on_monitor_changed (GFileMonitor          *monitor,
                    GFile                 *file,
                    GFile                 *other_file,
                    GFileMonitorEvent      event,
                    LoadwiseImportWatcher *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      gather (self, file);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      forget (self, file);
      gather (self, other_file);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      forget (self, file);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
stop_watching (LoadwiseImportWatcher *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->preparing = FALSE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_hash_table_remove_all (self->pending);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->folder);
}

static void
start_watching (LoadwiseImportWatcher *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "import-folder");
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;

  stop_watching (self);
  if (path[0] == '\0')
    return;

  self->folder = g_file_new_for_path (path);
  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* A folder that is gone (an unplugged drive, say) is not an error
       * of the app's: it is watched again when the key is set again. */
      g_message ("The import folder %s cannot be watched: %s", path, error->message);
      g_clear_object (&self->folder);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);

  /* What is there already: the folder itself, whose track files the
   * import reads (not its subfolders). */
  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (files, g_object_ref (self->folder));
  read_files (self, files);
}

static void
on_folder_changed (GSettings             *settings,
                   const char            *key,
                   LoadwiseImportWatcher *self)
{
  start_watching (self);
}

LoadwiseImportWatcher *
loadwise_import_watcher_new (LoadwiseContext *context,
                             GSettings       *settings,
                             guint            settle_ms)
{
  LoadwiseImportWatcher *self;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LOADWISE_TYPE_IMPORT_WATCHER, NULL);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (settings);
  self->settle_ms = settle_ms > 0 ? settle_ms : LOADWISE_IMPORT_WATCHER_SETTLE_MS;
  g_signal_connect (settings, "changed::import-folder", G_CALLBACK (on_folder_changed), self);
  start_watching (self);
  return self;
}

static void
loadwise_import_watcher_dispose (GObject *object)
{
  LoadwiseImportWatcher *self = LOADWISE_IMPORT_WATCHER (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  stop_watching (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_import_watcher_parent_class)->dispose (object);
}

static void
loadwise_import_watcher_finalize (GObject *object)
{
  LoadwiseImportWatcher *self = LOADWISE_IMPORT_WATCHER (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->announced);

  G_OBJECT_CLASS (loadwise_import_watcher_parent_class)->finalize (object);
}

static void
loadwise_import_watcher_class_init (LoadwiseImportWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loadwise_import_watcher_dispose;
  object_class->finalize = loadwise_import_watcher_finalize;

  /**
   * LoadwiseImportWatcher::new-runs:
   * @paths: (array zero-terminated=1): the files that hold new runs
   *
   * Files in the import folder that would be new runs, not announced before.
   */
  signals[SIGNAL_NEW_RUNS] = g_signal_new ("new-runs", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
loadwise_import_watcher_init (LoadwiseImportWatcher *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}
