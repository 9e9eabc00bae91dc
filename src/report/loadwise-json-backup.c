/* loadwise-json-backup.c: the dataset as JSON and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report/loadwise-json-backup.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-file.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

/* Writing */

static void
add_value (JsonBuilder                *builder,
           const LoadwiseColumnSpec   *spec,
           const LoadwiseDatasetValue *value)
{
  if (value->is_null)
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (spec->kind)
    {
    case LOADWISE_COLUMN_INT:
      json_builder_add_int_value (builder, value->i);
      break;
    case LOADWISE_COLUMN_BOOL:
      json_builder_add_boolean_value (builder, value->i != 0);
      break;
    case LOADWISE_COLUMN_REAL:
      json_builder_add_double_value (builder, value->d);
      break;
    case LOADWISE_COLUMN_KM:
      json_builder_add_double_value (builder, value->i / 1000.0);
      break;
    case LOADWISE_COLUMN_WEEKDAYS:
      {
        g_autofree char *days = loadwise_weekdays_to_string ((guint8) value->i);

        json_builder_add_string_value (builder, days);
        break;
      }
    case LOADWISE_COLUMN_TEXT:
    case LOADWISE_COLUMN_DATE:
    case LOADWISE_COLUMN_TIME:
    case LOADWISE_COLUMN_ENUM:
    default:
      json_builder_add_string_value (builder, value->s);
      break;
    }
}

static void
add_row_object (JsonBuilder                *builder,
                const LoadwiseTableSpec    *spec,
                const LoadwiseDatasetValue *values)
{
  json_builder_begin_object (builder);
  for (guint c = 0; c < spec->n_columns; c++)
    {
      json_builder_set_member_name (builder, spec->columns[c].name);
      add_value (builder, &spec->columns[c], &values[c]);
    }
  json_builder_end_object (builder);
}

char *
loadwise_json_backup_from_dataset (const LoadwiseDataset *dataset,
                                   GDateTime             *exported_at,
                                   gsize                 *out_length)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;
  const LoadwiseTableSpec *tables;
  guint n_tables;

  g_return_val_if_fail (dataset != NULL && exported_at != NULL, NULL);

  utc = g_date_time_to_utc (exported_at);
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  tables = loadwise_dataset_get_tables (&n_tables);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, LOADWISE_JSON_BACKUP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "app_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);

  for (guint t = 0; t < n_tables; t++)
    {
      const LoadwiseTableSpec *spec = &tables[t];
      guint n_rows = loadwise_dataset_get_n_rows (dataset, t);

      json_builder_set_member_name (builder, spec->name);
      switch (spec->shape)
        {
        case LOADWISE_TABLE_OBJECT:
          if (n_rows == 0)
            json_builder_add_null_value (builder);
          else
            add_row_object (builder, spec, loadwise_dataset_get_row (dataset, t, 0));
          break;

        case LOADWISE_TABLE_MAP:
          json_builder_begin_object (builder);
          for (guint r = 0; r < n_rows; r++)
            {
              const LoadwiseDatasetValue *values = loadwise_dataset_get_row (dataset, t, r);

              json_builder_set_member_name (builder, values[0].s);
              json_builder_add_string_value (builder, values[1].s);
            }
          json_builder_end_object (builder);
          break;

        case LOADWISE_TABLE_ARRAY:
        default:
          json_builder_begin_array (builder);
          for (guint r = 0; r < n_rows; r++)
            add_row_object (builder, spec, loadwise_dataset_get_row (dataset, t, r));
          json_builder_end_array (builder);
          break;
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, out_length);
}

gboolean
loadwise_json_backup_export (LoadwiseDatabase  *database,
                             const char        *path,
                             GDateTime         *exported_at,
                             GError           **error)
{
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (LoadwiseAtomicFile) file = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL && exported_at != NULL, FALSE);

  /* Health data: readable by the runner only, and whole or not at all. */
  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_NONE, &local_error);
  if (file == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("--output: %s already exists; choose a new name"), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dataset = loadwise_database_read_dataset (database, error);
  if (dataset == NULL)
    return FALSE;
  text = loadwise_json_backup_from_dataset (dataset, exported_at, &length);

  if (!loadwise_atomic_file_write (file, text, length, error)
      || !loadwise_atomic_file_commit (file, &local_error))
    {
      /* Someone else's file appeared under the name meanwhile: the
       * commit left it alone. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("--output: %s already exists; choose a new name"), path);
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Reading */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                                                format, args));
  va_end (args);
  return FALSE;
}

static gboolean
is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_value (const char                *field,
            const LoadwiseColumnSpec  *spec,
            JsonNode                  *node,
            LoadwiseDatasetValue      *out,
            GError                   **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Missing and null are the same; the dataset's check says whether
       * the column may be empty. */
      out->is_null = TRUE;
      return TRUE;
    }
  out->is_null = FALSE;

  switch (spec->kind)
    {
    case LOADWISE_COLUMN_INT:
      if (!is_value_of (node, G_TYPE_INT64))
        return invalid (error, _("%s: expected a whole number"), field);
      out->i = json_node_get_int (node);
      return TRUE;

    case LOADWISE_COLUMN_BOOL:
      if (!is_value_of (node, G_TYPE_BOOLEAN))
        return invalid (error, _("%s: expected true or false"), field);
      out->i = json_node_get_boolean (node);
      return TRUE;

    case LOADWISE_COLUMN_REAL:
    case LOADWISE_COLUMN_KM:
      {
        double number;

        if (is_value_of (node, G_TYPE_INT64))
          number = (double) json_node_get_int (node);
        else if (is_value_of (node, G_TYPE_DOUBLE))
          number = json_node_get_double (node);
        else
          return invalid (error, _("%s: expected a number"), field);

        if (spec->kind == LOADWISE_COLUMN_REAL)
          out->d = number;
        else if (!isfinite (number) || fabs (number) > 1e9)
          return invalid (error, _("%s: expected a number"), field);
        else
          out->i = llround (number * 1000.0);
        return TRUE;
      }

    case LOADWISE_COLUMN_WEEKDAYS:
      {
        guint8 mask = 0;

        if (!is_value_of (node, G_TYPE_STRING))
          return invalid (error, _("%s: expected days such as “mon,wed,fri”"), field);
        if (!loadwise_parse_weekdays (field, json_node_get_string (node), (guint) spec->min,
                                      (guint) spec->max, &mask, error))
          return FALSE;
        out->i = mask;
        return TRUE;
      }

    case LOADWISE_COLUMN_TEXT:
    case LOADWISE_COLUMN_DATE:
    case LOADWISE_COLUMN_TIME:
    case LOADWISE_COLUMN_ENUM:
    default:
      if (!is_value_of (node, G_TYPE_STRING))
        return invalid (error, _("%s: expected text"), field);
      out->s = g_strdup (json_node_get_string (node));
      return TRUE;
    }
}

static gboolean
read_row (const LoadwiseTableSpec *spec,
          const char              *where,
          JsonNode                *node,
          LoadwiseDatasetValue    *values,
          GError                 **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("%s: expected an object"), where);
  object = json_node_get_object (node);

  /* Unknown fields are a sign of a different format: say so rather than
   * dropping data silently. Sorted, so the first one named is stable. */
  members = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < spec->n_columns && !known; c++)
        known = g_strcmp0 (spec->columns[c].name, l->data) == 0;
      if (!known)
        return invalid (error, _("%s.%s: not a field of %s"), where, (const char *) l->data, spec->name);
    }

  for (guint c = 0; c < spec->n_columns; c++)
    {
      g_autofree char *field = g_strdup_printf ("%s.%s", where, spec->columns[c].name);

      if (!read_value (field, &spec->columns[c],
                       json_object_get_member (object, spec->columns[c].name), &values[c], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_table (LoadwiseDataset         *dataset,
            guint                    table,
            const LoadwiseTableSpec *spec,
            JsonNode                *node,
            GError                 **error)
{
  switch (spec->shape)
    {
    case LOADWISE_TABLE_OBJECT:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      return read_row (spec, spec->name, node, loadwise_dataset_add_row (dataset, table), error);

    case LOADWISE_TABLE_MAP:
      {
        JsonObject *object;
        g_autoptr (GList) members = NULL;
        guint r = 0;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return invalid (error, _("%s: expected an object"), spec->name);
        object = json_node_get_object (node);
        members = json_object_get_members (object);
        for (GList *l = members; l != NULL; l = l->next, r++)
          {
            JsonNode *value = json_object_get_member (object, l->data);
            LoadwiseDatasetValue *values;

            if (!is_value_of (value, G_TYPE_STRING))
              return invalid (error, _("%s.%s: expected text"), spec->name, (const char *) l->data);
            values = loadwise_dataset_add_row (dataset, table);
            values[0].is_null = values[1].is_null = FALSE;
            values[0].s = g_strdup (l->data);
            values[1].s = g_strdup (json_node_get_string (value));
          }
        return TRUE;
      }

    case LOADWISE_TABLE_ARRAY:
    default:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, _("%s: expected an array"), spec->name);
        array = json_node_get_array (node);
        for (guint r = 0; r < json_array_get_length (array); r++)
          {
            g_autofree char *where = g_strdup_printf ("%s[%u]", spec->name, r);

            if (!read_row (spec, where, json_array_get_element (array, r),
                           loadwise_dataset_add_row (dataset, table), error))
              return FALSE;
          }
        return TRUE;
      }
    }
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *version = json_object_get_member (root, "format_version");
  JsonNode *exported = json_object_get_member (root, "exported_at");
  gint64 number;

  if (version == NULL)
    return invalid (error, _("format_version: missing; this is not a Loadwise backup"));
  if (!is_value_of (version, G_TYPE_INT64))
    return invalid (error, _("format_version: expected a whole number"));
  number = json_node_get_int (version);
  if (number > LOADWISE_JSON_BACKUP_FORMAT_VERSION)
    return invalid (error, _("format_version %lld is newer than this Loadwise reads (%d)"),
                    (long long) number, LOADWISE_JSON_BACKUP_FORMAT_VERSION);
  if (!loadwise_check_range ("format_version", number, 1, LOADWISE_JSON_BACKUP_FORMAT_VERSION, error))
    return FALSE;
  if (exported != NULL && !is_value_of (exported, G_TYPE_STRING))
    return invalid (error, _("exported_at: expected text"));
  return TRUE;
}

LoadwiseDataset *
loadwise_json_backup_to_dataset (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (LoadwiseDataset) dataset = loadwise_dataset_new ();
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GList) members = NULL;
  const LoadwiseTableSpec *tables;
  JsonObject *root;
  JsonNode *root_node;
  guint n_tables;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  {
    gssize first = 0;

    while (first < length && g_ascii_isspace (data[first]))
      first++;
    if (first == length)
      {
        invalid (error, _("The file is empty; it is not a Loadwise backup"));
        return NULL;
      }
  }
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      invalid (error, _("Not a JSON file (%s)"), parse_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      invalid (error, _("Not a Loadwise backup: the file must hold one JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!check_header (root, error))
    return NULL;

  tables = loadwise_dataset_get_tables (&n_tables);
  members = g_list_sort (json_object_get_members (root), (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strcmp0 (name, "format_version") != 0 && g_strcmp0 (name, "exported_at") != 0
          && g_strcmp0 (name, "app_version") != 0 && loadwise_dataset_find_table (name) < 0)
        {
          invalid (error, _("%s: not part of a version %d backup"), name,
                   LOADWISE_JSON_BACKUP_FORMAT_VERSION);
          return NULL;
        }
    }

  for (guint t = 0; t < n_tables; t++)
    {
      JsonNode *node = json_object_get_member (root, tables[t].name);

      /* A table that is missing is empty: a backup of someone who never
       * logged a run need not carry "runs": []. */
      if (node != NULL && !read_table (dataset, t, &tables[t], node, error))
        return NULL;
    }

  if (!loadwise_dataset_validate (dataset, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

gboolean
loadwise_json_backup_import (LoadwiseDatabase  *database,
                             const char        *path,
                             gboolean           replace,
                             char             **out_backup_path,
                             GError           **error)
{
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  dataset = loadwise_json_backup_to_dataset (contents, (gssize) length, error);
  if (dataset == NULL)
    return FALSE;
  return loadwise_database_write_dataset (database, dataset, replace, out_backup_path, error);
}
