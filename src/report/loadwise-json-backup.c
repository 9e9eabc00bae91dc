/* loadwise-json-backup.c: the dataset as JSON and back
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report/loadwise-json-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-file.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

/* The largest backup: what is read, and so what is written. A 10-year
 * history exports to about 6 MB, 20 years to 11 MB. 64 MB, as
 * g_format_size() shows it. */
#define MAX_BYTES 64000000

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
                             gboolean           replace,
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
  file = loadwise_atomic_file_new (path, replace ? LOADWISE_ATOMIC_FILE_REPLACE : LOADWISE_ATOMIC_FILE_NONE,
                                   &local_error);
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
  /* Never a backup that the import then refuses for its size: a long
   * history of recorded runs (about 41 kB each with a full profile) can
   * come to that, and a copy of the database holds any of it. */
  if (length > MAX_BYTES)
    {
      g_autofree char *shown = g_format_size (length);
      g_autofree char *max = g_format_size (MAX_BYTES);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("The backup would be %s, more than the %s a Loadwise backup may be; nothing was "
                     "written. A copy of the database keeps everything: loadwise-cli backup --output FILE"),
                   shown, max);
      return FALSE;
    }

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
is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A name from the file, fit to be shown in a message: as it is when it
 * is good text, escaped when it holds control characters or is not UTF-8. */
static char *
echo_name (const char *name)
{
  if (g_utf8_validate (name, -1, NULL))
    {
      const char *p;

      for (p = name; *p != '\0' && (guchar) *p >= 0x20 && *p != 0x7f; p++)
        ;
      if (*p == '\0')
        return g_strdup (name);
    }
  return g_strescape (name, NULL);
}

/* Before json-glib sees the text
 *
 * A byte scan that follows strings, escapes and the place in the document
 * ("runs[3].pain_during"), for what json-glib cannot be trusted with:
 *
 * - nesting: json-glib recurses once per level and overflows the stack
 *   somewhere near 75,000 of them. A backup nests 3 deep (the file, a
 *   table, a row); more than MAX_DEPTH is refused before parsing.
 * - \u0000: json-glib decodes it and the text ends there, silently.
 * - whole numbers beyond 64 bits: json-glib wraps them
 *   (-18446744073709551613 reads as 3). Their places and tokens are kept
 *   in @wide, for the reader to refuse with the column's range.
 *
 * Anything the scan does not understand is left to the parser to refuse. */

#define MAX_DEPTH 32

typedef struct {
  gboolean  is_array;
  gboolean  expect_key;  /* objects: the next string is a member name */
  guint     index;       /* arrays: the current element */
  char     *key;         /* objects: the current member, decoded */
} ScanFrame;

/* The member name between the quotes, as json-glib will decode it. */
static char *
decode_key (const char *start,
            gsize       length)
{
  g_autofree char *literal = NULL;
  g_autoptr (JsonNode) node = NULL;

  if (memchr (start, '\\', length) == NULL)
    return g_strndup (start, length);
  literal = g_strndup (start - 1, length + 2);
  node = json_from_string (literal, NULL);
  if (node != NULL && is_value_of (node, G_TYPE_STRING))
    return g_strdup (json_node_get_string (node));
  return g_strndup (start, length);
}

/* The place of the current value: the same text read_row() builds. */
static char *
scan_place (const ScanFrame *frames,
            guint            depth)
{
  GString *place = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].is_array)
        g_string_append_printf (place, "[%u]", frames[i].index);
      else
        {
          g_autofree char *key = echo_name (frames[i].key != NULL ? frames[i].key : "");

          g_string_append_printf (place, "%s%s", i > 0 ? "." : "", key);
        }
    }
  return g_string_free (place, FALSE);
}

static gboolean
scan_text (const char  *data,
           gsize        length,
           GHashTable  *wide,
           GError     **error)
{
  ScanFrame frames[MAX_DEPTH] = { { 0 } };
  guint depth = 0;
  gboolean ok = TRUE;
  gsize i = 0;

  while (i < length && ok)
    {
      char c = data[i];
      ScanFrame *top = depth > 0 ? &frames[depth - 1] : NULL;

      if (c == '{' || c == '[')
        {
          if (depth == MAX_DEPTH)
            {
              ok = loadwise_error_invalid (error, _("Not a Loadwise backup: it nests more than %d levels deep "
                                                    "(a backup nests 3)"),
                                           MAX_DEPTH);
              break;
            }
          frames[depth++] = (ScanFrame) { c == '[', c == '{', 0, NULL };
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (top != NULL)
            {
              g_clear_pointer (&top->key, g_free);
              depth--;
            }
          i++;
        }
      else if (c == ',')
        {
          if (top != NULL && top->is_array)
            top->index++;
          else if (top != NULL)
            top->expect_key = TRUE;
          i++;
        }
      else if (c == ':')
        {
          if (top != NULL && !top->is_array)
            top->expect_key = FALSE;
          i++;
        }
      else if (c == '"')
        {
          gsize start = ++i;
          gboolean nul = FALSE;
          gboolean is_key = top != NULL && !top->is_array && top->expect_key;

          while (i < length && data[i] != '"')
            {
              if (data[i] == '\\')
                {
                  nul |= i + 5 < length && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0;
                  i += 2;
                }
              else
                i++;
            }
          if (i >= length)
            break;  /* Unterminated: the parser says so. */

          if (is_key)
            {
              g_free (top->key);
              /* Shown as written when it holds the NUL it would lose. */
              top->key = nul ? g_strndup (data + start, i - start) : decode_key (data + start, i - start);
            }
          if (nul)
            {
              g_autofree char *place = scan_place (frames, depth);

              ok = is_key ? loadwise_error_invalid (error, _("%s: a member name may not hold a NUL character (\\u0000)"),
                                                    place)
                          : loadwise_error_invalid (error, _("%s: text may not hold a NUL character (\\u0000)"),
                                                    place);
            }
          i++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gboolean whole = TRUE;

          for (; i < length; i++)
            {
              if (data[i] == '.' || data[i] == 'e' || data[i] == 'E')
                whole = FALSE;
              else if (!(g_ascii_isdigit (data[i]) || data[i] == '-' || data[i] == '+'))
                break;
            }
          if (whole)
            {
              g_autofree char *token = g_strndup (data + start, i - start);

              errno = 0;
              g_ascii_strtoll (token, NULL, 10);
              if (errno == ERANGE)
                g_hash_table_insert (wide, scan_place (frames, depth), g_steal_pointer (&token));
            }
        }
      else
        i++;
    }

  for (guint f = 0; f < MAX_DEPTH; f++)
    g_free (frames[f].key);
  return ok;
}

/* A number of a column whose token did not fit 64 bits: refused with the
 * token as written and the column's range. */
static gboolean
refuse_wide (const char               *field,
             const LoadwiseColumnSpec *spec,
             const char               *token,
             GError                  **error)
{
  if (spec->kind == LOADWISE_COLUMN_KM)
    {
      g_autofree char *max = g_strdup_printf ("%.3f", spec->max / 1000.0);

      return loadwise_error_invalid (error, _("%s: %s is outside %s-%s"), field, token, "0.001", max);
    }
  return loadwise_error_invalid (error, _("%s: %s is outside %lld-%lld"), field, token,
                                 (long long) spec->min, (long long) spec->max);
}

static gboolean
read_value (const char                *field,
            const LoadwiseColumnSpec  *spec,
            JsonNode                  *node,
            GHashTable                *wide,
            LoadwiseDatasetValue      *out,
            GError                   **error)
{
  const char *token;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* Missing and null are the same; the dataset's check says whether
       * the column may be empty. */
      out->is_null = TRUE;
      return TRUE;
    }
  out->is_null = FALSE;

  /* What json-glib made of a number too wide for it is not the number. */
  token = g_hash_table_lookup (wide, field);
  if (token != NULL && is_value_of (node, G_TYPE_INT64)
      && (spec->kind == LOADWISE_COLUMN_INT || spec->kind == LOADWISE_COLUMN_REAL
          || spec->kind == LOADWISE_COLUMN_KM))
    return refuse_wide (field, spec, token, error);

  switch (spec->kind)
    {
    case LOADWISE_COLUMN_INT:
      if (is_value_of (node, G_TYPE_DOUBLE))
        {
          /* 3.0 is 3; 3.5 is not a whole number, and 1e300 is out of range
           * before it is converted. */
          double number = json_node_get_double (node);
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          if (!isfinite (number))
            return loadwise_error_invalid (error, _("%s: expected a whole number"), field);
          g_ascii_formatd (text, sizeof text, "%.15g", number);
          if (number != floor (number))
            return loadwise_error_invalid (error, _("%s: %s is not a whole number"), field, text);
          if (number < (double) spec->min || number >= (double) spec->max + 1.0)
            return loadwise_error_invalid (error, _("%s: %s is outside %lld-%lld"), field, text,
                                           (long long) spec->min, (long long) spec->max);
          out->i = (gint64) number;
          return TRUE;
        }
      if (!is_value_of (node, G_TYPE_INT64))
        return loadwise_error_invalid (error, _("%s: expected a whole number"), field);
      out->i = json_node_get_int (node);
      return TRUE;

    case LOADWISE_COLUMN_BOOL:
      if (!is_value_of (node, G_TYPE_BOOLEAN))
        return loadwise_error_invalid (error, _("%s: expected true or false"), field);
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
          return loadwise_error_invalid (error, _("%s: expected a number"), field);

        if (spec->kind == LOADWISE_COLUMN_REAL)
          out->d = number;
        else if (!isfinite (number) || fabs (number) > 1e9)
          return loadwise_error_invalid (error, _("%s: expected a number"), field);
        else
          out->i = llround (number * 1000.0);
        return TRUE;
      }

    case LOADWISE_COLUMN_WEEKDAYS:
      {
        guint8 mask = 0;

        if (!is_value_of (node, G_TYPE_STRING))
          return loadwise_error_invalid (error, _("%s: expected days such as “mon,wed,fri”"), field);
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
        return loadwise_error_invalid (error, _("%s: expected text"), field);
      /* A lone surrogate (\ud800) decodes to bytes that are not UTF-8. */
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return loadwise_error_invalid (error, _("%s: not valid UTF-8 text"), field);
      out->s = g_strdup (json_node_get_string (node));
      return TRUE;
    }
}

static gboolean
read_row (const LoadwiseTableSpec *spec,
          const char              *where,
          JsonNode                *node,
          GHashTable              *wide,
          LoadwiseDatasetValue    *values,
          GError                 **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return loadwise_error_invalid (error, _("%s: expected an object"), where);
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
        {
          g_autofree char *name = echo_name (l->data);

          return loadwise_error_invalid (error, _("%s.%s: not a field of %s"), where, name, spec->name);
        }
    }

  for (guint c = 0; c < spec->n_columns; c++)
    {
      g_autofree char *field = g_strdup_printf ("%s.%s", where, spec->columns[c].name);

      if (!read_value (field, &spec->columns[c],
                       json_object_get_member (object, spec->columns[c].name), wide, &values[c], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_table (LoadwiseDataset         *dataset,
            guint                    table,
            const LoadwiseTableSpec *spec,
            JsonNode                *node,
            GHashTable              *wide,
            GError                 **error)
{
  switch (spec->shape)
    {
    case LOADWISE_TABLE_OBJECT:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      return read_row (spec, spec->name, node, wide, loadwise_dataset_add_row (dataset, table), error);

    case LOADWISE_TABLE_MAP:
      {
        JsonObject *object;
        g_autoptr (GList) members = NULL;
        guint r = 0;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return loadwise_error_invalid (error, _("%s: expected an object"), spec->name);
        object = json_node_get_object (node);
        members = json_object_get_members (object);
        for (GList *l = members; l != NULL; l = l->next, r++)
          {
            JsonNode *value = json_object_get_member (object, l->data);
            LoadwiseDatasetValue *values;

            if (!g_utf8_validate (l->data, -1, NULL))
              return loadwise_error_invalid (error, _("%s: a setting’s name is not valid UTF-8 text"), spec->name);
            if (!is_value_of (value, G_TYPE_STRING))
              {
                g_autofree char *name = echo_name (l->data);

                return loadwise_error_invalid (error, _("%s.%s: expected text"), spec->name, name);
              }
            if (!g_utf8_validate (json_node_get_string (value), -1, NULL))
              {
                g_autofree char *name = echo_name (l->data);

                return loadwise_error_invalid (error, _("%s.%s: not valid UTF-8 text"), spec->name, name);
              }
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
          return loadwise_error_invalid (error, _("%s: expected an array"), spec->name);
        array = json_node_get_array (node);
        for (guint r = 0; r < json_array_get_length (array); r++)
          {
            g_autofree char *where = g_strdup_printf ("%s[%u]", spec->name, r);

            if (!read_row (spec, where, json_array_get_element (array, r), wide,
                           loadwise_dataset_add_row (dataset, table), error))
              return FALSE;
          }
        return TRUE;
      }
    }
}

static gboolean
check_header (JsonObject  *root,
              GHashTable  *wide,
              GError     **error)
{
  JsonNode *version = json_object_get_member (root, "format_version");
  JsonNode *exported = json_object_get_member (root, "exported_at");
  const char *token = g_hash_table_lookup (wide, "format_version");
  gint64 number;

  if (version == NULL)
    return loadwise_error_invalid (error, _("format_version: missing; this is not a Loadwise backup"));
  if (!is_value_of (version, G_TYPE_INT64))
    return loadwise_error_invalid (error, _("format_version: expected a whole number"));
  if (token != NULL && token[0] != '-')
    return loadwise_error_invalid (error, _("format_version %s is newer than this Loadwise reads (%d)"),
                                   token, LOADWISE_JSON_BACKUP_FORMAT_VERSION);
  if (token != NULL)
    return loadwise_error_invalid (error, _("format_version: %s is outside %d-%d"), token, 1,
                                   LOADWISE_JSON_BACKUP_FORMAT_VERSION);
  number = json_node_get_int (version);
  if (number > LOADWISE_JSON_BACKUP_FORMAT_VERSION)
    return loadwise_error_invalid (error, _("format_version %lld is newer than this Loadwise reads (%d)"),
                                   (long long) number, LOADWISE_JSON_BACKUP_FORMAT_VERSION);
  if (!loadwise_check_range ("format_version", number, 1, LOADWISE_JSON_BACKUP_FORMAT_VERSION, error))
    return FALSE;
  if (exported != NULL && !is_value_of (exported, G_TYPE_STRING))
    return loadwise_error_invalid (error, _("exported_at: expected text"));
  return TRUE;
}

static gboolean
too_large (guint64   size,
           GError  **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *max = g_format_size (MAX_BYTES);

  return loadwise_error_invalid (error, _("The file is %s; a Loadwise backup is at most %s"), shown, max);
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
  g_autoptr (GHashTable) wide = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const LoadwiseTableSpec *tables;
  JsonObject *root;
  JsonNode *root_node;
  guint n_tables;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (length > MAX_BYTES)
    {
      too_large ((guint64) length, error);
      return NULL;
    }
  {
    gssize first = 0;

    while (first < length && g_ascii_isspace (data[first]))
      first++;
    if (first == length)
      {
        loadwise_error_invalid (error, _("The file is empty; it is not a Loadwise backup"));
        return NULL;
      }
  }
  if (!scan_text (data, (gsize) length, wide, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib quotes the bytes it stopped at, which need not be UTF-8. */
      g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);

      loadwise_error_invalid (error, _("Not a JSON file (%s)"), message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      loadwise_error_invalid (error, _("Not a Loadwise backup: the file must hold one JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!check_header (root, wide, error))
    return NULL;

  tables = loadwise_dataset_get_tables (&n_tables);
  members = g_list_sort (json_object_get_members (root), (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strcmp0 (name, "format_version") != 0 && g_strcmp0 (name, "exported_at") != 0
          && g_strcmp0 (name, "app_version") != 0 && loadwise_dataset_find_table (name) < 0)
        {
          g_autofree char *shown = echo_name (name);

          loadwise_error_invalid (error, _("%s: not part of a version %d backup"), shown,
                                  LOADWISE_JSON_BACKUP_FORMAT_VERSION);
          return NULL;
        }
    }

  for (guint t = 0; t < n_tables; t++)
    {
      JsonNode *node = json_object_get_member (root, tables[t].name);

      /* A table that is missing is empty: a backup of someone who never
       * logged a run need not carry "runs": []. */
      if (node != NULL && !read_table (dataset, t, &tables[t], node, wide, error))
        return NULL;
    }

  /* A number too wide anywhere else (app_version, say) is no better. */
  if (g_hash_table_size (wide) > 0)
    {
      g_autoptr (GList) places = g_list_sort (g_hash_table_get_keys (wide), (GCompareFunc) g_strcmp0);

      loadwise_error_invalid (error, _("%s: %s is too large a number"), (const char *) places->data,
                              (const char *) g_hash_table_lookup (wide, places->data));
      return NULL;
    }

  if (!loadwise_dataset_validate (dataset, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

LoadwiseDataset *
loadwise_json_backup_read_file (const char  *path,
                                GError     **error)
{
  g_autoptr (GByteArray) contents = g_byte_array_new ();
  GStatBuf info;
  int fd, saved;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  /* Known before reading for a plain file; a pipe is cut off at the bound. */
  if (fstat (fd, &info) == 0 && S_ISREG (info.st_mode) && info.st_size > MAX_BYTES)
    {
      g_close (fd, NULL);
      too_large ((guint64) info.st_size, error);
      return NULL;
    }
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          g_close (fd, NULL);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (contents, chunk, (guint) n);
      if (contents->len > MAX_BYTES)
        {
          g_autofree char *max = g_format_size (MAX_BYTES);

          g_close (fd, NULL);
          loadwise_error_invalid (error, _("The file is larger than a Loadwise backup can be (at most %s)"), max);
          return NULL;
        }
    }
  g_close (fd, NULL);
  /* An empty array may have no data at all. */
  return loadwise_json_backup_to_dataset (contents->len > 0 ? (const char *) contents->data : "",
                                          (gssize) contents->len, error);
}

gboolean
loadwise_json_backup_import (LoadwiseDatabase  *database,
                             const char        *path,
                             gboolean           replace,
                             char             **out_backup_path,
                             GError           **error)
{
  g_autoptr (LoadwiseDataset) dataset = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dataset = loadwise_json_backup_read_file (path, error);
  if (dataset == NULL)
    return FALSE;
  return loadwise_database_write_dataset (database, dataset, replace, out_backup_path, error);
}

/* Preview */

static const char *const kind_tables[LOADWISE_JSON_BACKUP_N_KINDS] = {
  [LOADWISE_JSON_BACKUP_KIND_PROGRAMME] = "programme",
  [LOADWISE_JSON_BACKUP_KIND_SESSIONS] = "sessions",
  [LOADWISE_JSON_BACKUP_KIND_SETS] = "sets",
  [LOADWISE_JSON_BACKUP_KIND_PAIN_RATINGS] = "exercise_pain",
  [LOADWISE_JSON_BACKUP_KIND_CHECKINS] = "checkins",
  [LOADWISE_JSON_BACKUP_KIND_RUNS] = "runs",
  [LOADWISE_JSON_BACKUP_KIND_SHOES] = "shoes",
  [LOADWISE_JSON_BACKUP_KIND_FLARES] = "flares",
  [LOADWISE_JSON_BACKUP_KIND_SETTINGS] = "settings",
};

/* The days of the history a runner recognises. */
static const char *const dated_tables[] = { "sessions", "checkins", "runs" };

const char *
loadwise_json_backup_kind_get_table (LoadwiseJsonBackupKind kind)
{
  g_return_val_if_fail (kind < LOADWISE_JSON_BACKUP_N_KINDS, NULL);

  return kind_tables[kind];
}

void
loadwise_json_backup_preview_init (LoadwiseJsonBackupPreview *out_preview,
                                   const LoadwiseDataset     *incoming,
                                   const guint               *current_counts)
{
  const char *first = NULL;
  const char *last = NULL;
  guint n_tables;

  g_return_if_fail (out_preview != NULL && incoming != NULL && current_counts != NULL);

  memset (out_preview, 0, sizeof *out_preview);
  g_date_clear (&out_preview->first, 1);
  g_date_clear (&out_preview->last, 1);

  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    {
      int table = loadwise_dataset_find_table (kind_tables[k]);

      g_assert (table >= 0);
      out_preview->incoming[k] = loadwise_dataset_get_n_rows (incoming, (guint) table);
      out_preview->current[k] = current_counts[table];
    }
  loadwise_dataset_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    out_preview->replaces |= current_counts[t] > 0;

  /* Validated dates are YYYY-MM-DD: their order is the text's. */
  for (guint d = 0; d < G_N_ELEMENTS (dated_tables); d++)
    {
      int table = loadwise_dataset_find_table (dated_tables[d]);
      int column = loadwise_dataset_find_column ((guint) table, "date");

      g_assert (table >= 0 && column >= 0);
      for (guint r = 0; r < loadwise_dataset_get_n_rows (incoming, (guint) table); r++)
        {
          const LoadwiseDatasetValue *value = &loadwise_dataset_get_row (incoming, (guint) table, r)[column];

          if (value->is_null || value->s == NULL)
            continue;
          if (first == NULL || strcmp (value->s, first) < 0)
            first = value->s;
          if (last == NULL || strcmp (value->s, last) > 0)
            last = value->s;
        }
    }
  if (first != NULL
      && !(loadwise_parse_date ("date", first, &out_preview->first, NULL)
           && loadwise_parse_date ("date", last, &out_preview->last, NULL)))
    {
      g_date_clear (&out_preview->first, 1);
      g_date_clear (&out_preview->last, 1);
    }
}

gboolean
loadwise_json_backup_preview_file (LoadwiseDatabase          *database,
                                   const char                *path,
                                   LoadwiseDataset          **out_dataset,
                                   LoadwiseJsonBackupPreview *out_preview,
                                   GError                   **error)
{
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autofree guint *counts = NULL;
  guint n_tables;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL && out_dataset != NULL && out_preview != NULL, FALSE);

  dataset = loadwise_json_backup_read_file (path, error);
  if (dataset == NULL)
    return FALSE;
  loadwise_dataset_get_tables (&n_tables);
  counts = g_new0 (guint, n_tables);
  if (!loadwise_database_count_rows (database, counts, error))
    return FALSE;
  loadwise_json_backup_preview_init (out_preview, dataset, counts);
  *out_dataset = g_steal_pointer (&dataset);
  return TRUE;
}
