/* loadwise-json-backup-task.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-json-backup-task.h"

typedef struct {
  char      *database_path;
  char      *path;
  GDateTime *exported_at;  /* export only */
  gboolean   replace;
} TaskData;

static void
task_data_free (gpointer user_data)
{
  TaskData *data = user_data;

  g_free (data->database_path);
  g_free (data->path);
  g_clear_pointer (&data->exported_at, g_date_time_unref);
  g_free (data);
}

static TaskData *
task_data_new (const char *database_path,
               const char *path)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->database_path = g_strdup (database_path);
  data->path = g_strdup (path);
  return data;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr (LoadwiseDatabase) database = NULL;
  GError *error = NULL;

  database = loadwise_database_open (data->database_path, &error);
  if (database == NULL
      || !loadwise_json_backup_export (database, data->path, data->exported_at, data->replace, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
loadwise_json_export_async (const char          *database_path,
                            const char          *path,
                            GDateTime           *exported_at,
                            gboolean             replace,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (database_path != NULL && path != NULL && exported_at != NULL);

  data = task_data_new (database_path, path);
  data->exported_at = g_date_time_ref (exported_at);
  data->replace = replace;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loadwise_json_export_async);
  g_task_set_task_data (task, data, task_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
loadwise_json_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
loadwise_json_import_plan_free (LoadwiseJsonImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->dataset, loadwise_dataset_free);
  g_free (plan);
}

static void
preview_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseJsonImportPlan) plan = g_new0 (LoadwiseJsonImportPlan, 1);
  GError *error = NULL;

  database = loadwise_database_open (data->database_path, &error);
  if (database == NULL
      || !loadwise_json_backup_preview_file (database, data->path, &plan->dataset, &plan->preview, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&plan), (GDestroyNotify) loadwise_json_import_plan_free);
}

void
loadwise_json_preview_async (const char          *database_path,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (database_path != NULL && path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loadwise_json_preview_async);
  g_task_set_task_data (task, task_data_new (database_path, path), task_data_free);
  g_task_run_in_thread (task, preview_in_thread);
}

LoadwiseJsonImportPlan *
loadwise_json_preview_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
