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

typedef struct {
  char                   *database_path;
  LoadwiseJsonImportPlan *plan;
  LoadwiseClock          *clock;
  LoadwiseCatalogue      *catalogue;  /* may be NULL */
} ImportData;

static void
import_data_free (gpointer user_data)
{
  ImportData *data = user_data;

  g_free (data->database_path);
  loadwise_json_import_plan_free (data->plan);
  g_clear_object (&data->clock);
  g_clear_pointer (&data->catalogue, loadwise_catalogue_unref);
  g_free (data);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr (LoadwiseDatabase) database = NULL;
  char *backup_path = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  database = loadwise_database_open (data->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  loadwise_database_set_clock (database, data->clock);
  if (data->catalogue != NULL)
    loadwise_database_set_catalogue (database, data->catalogue);
  if (!loadwise_database_write_dataset (database, data->plan->dataset, TRUE, &backup_path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backup_path != NULL ? backup_path : g_strdup (""), g_free);
}

void
loadwise_json_import_async (const char              *database_path,
                            LoadwiseJsonImportPlan  *plan,
                            LoadwiseClock           *clock,
                            LoadwiseCatalogue       *catalogue,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (database_path != NULL && plan != NULL && LOADWISE_IS_CLOCK (clock));

  data = g_new0 (ImportData, 1);
  data->database_path = g_strdup (database_path);
  data->plan = plan;
  data->clock = g_object_ref (clock);
  data->catalogue = catalogue != NULL ? loadwise_catalogue_ref (catalogue) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loadwise_json_import_async);
  /* A write that has begun finishes: its result is the one that counts. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, import_data_free);
  g_task_run_in_thread (task, import_in_thread);
}

gboolean
loadwise_json_import_finish (GAsyncResult  *result,
                             char         **out_backup_path,
                             GError       **error)
{
  g_autofree char *backup_path = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  backup_path = g_task_propagate_pointer (G_TASK (result), error);
  if (backup_path == NULL)
    return FALSE;
  if (out_backup_path != NULL)
    *out_backup_path = backup_path[0] != '\0' ? g_steal_pointer (&backup_path) : NULL;
  return TRUE;
}
