/* loadwise-import-task.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-import-task.h"

typedef struct {
  char      *database_path;
  GPtrArray *files;  /* GFile* */
  GTimeZone *tz;
} PrepareData;

static void
prepare_data_free (gpointer user_data)
{
  PrepareData *data = user_data;

  g_free (data->database_path);
  g_ptr_array_unref (data->files);
  g_time_zone_unref (data->tz);
  g_free (data);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PrepareData *data = task_data;
  g_autoptr (LoadwiseDatabase) database = NULL;
  GError *error = NULL;
  GPtrArray *items;

  database = loadwise_database_open (data->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  items = loadwise_run_import_prepare (database, (GFile *const *) data->files->pdata, data->files->len,
                                       data->tz, cancellable, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

void
loadwise_import_prepare_async (const char          *database_path,
                               GFile *const        *files,
                               guint                n_files,
                               GTimeZone           *tz,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  PrepareData *data;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (tz != NULL);

  data = g_new0 (PrepareData, 1);
  data->database_path = g_strdup (database_path);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->tz = g_time_zone_ref (tz);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loadwise_import_prepare_async);
  g_task_set_task_data (task, data, prepare_data_free);
  g_task_run_in_thread (task, prepare_in_thread);
}

GPtrArray *
loadwise_import_prepare_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
