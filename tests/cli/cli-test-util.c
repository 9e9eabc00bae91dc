/* cli-test-util.c: running the built loadwise-cli from the CLI tests
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-test-util.h"

#include <sys/wait.h>

#include "loadwise-test-util.h"

void
cli_fixture_setup (CliFixture    *fixture,
                   gconstpointer  data)
{
  fixture->tmpdir = loadwise_test_make_tmpdir ();
  fixture->data_dir = g_build_filename (fixture->tmpdir, "data", NULL);
  fixture->db_path = g_build_filename (fixture->data_dir, "loadwise.db", NULL);
}

void
cli_fixture_teardown (CliFixture    *fixture,
                      gconstpointer  data)
{
  loadwise_test_rm_rf (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
cli_runv (CliFixture          *fixture,
          const char          *now,
          const char * const  *args,
          CliResult           *out_result)
{
  const char *cli = g_getenv ("LOADWISE_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_assert_nonnull (cli);

  envp = g_environ_setenv (envp, "LOADWISE_DATA_DIR", fixture->data_dir, TRUE);
  envp = g_environ_setenv (envp, "LOADWISE_NOW", now != NULL ? now : CLI_TEST_NOW, TRUE);

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  out_result->out = NULL;
  out_result->err = NULL;
  g_spawn_sync (fixture->tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &out_result->out, &out_result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  out_result->status = WEXITSTATUS (wait_status);
}

static void
cli_run_va (CliFixture  *fixture,
            const char  *now,
            CliResult   *out_result,
            va_list      va)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (va, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  cli_runv (fixture, now, (const char * const *) args->pdata, out_result);
}

void
cli_run (CliFixture *fixture,
         const char *now,
         CliResult  *out_result,
         ...)
{
  va_list va;

  va_start (va, out_result);
  cli_run_va (fixture, now, out_result, va);
  va_end (va);
}

char *
cli_run_ok (CliFixture *fixture,
            const char *now,
            ...)
{
  g_auto (CliResult) result = { 0 };
  va_list va;

  va_start (va, now);
  cli_run_va (fixture, now, &result, va);
  va_end (va);

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&result.out);
}

JsonNode *
cli_run_json (CliFixture *fixture,
              const char *now,
              ...)
{
  g_auto (CliResult) result = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  va_list va;

  va_start (va, now);
  cli_run_va (fixture, now, &result, va);
  va_end (va);

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

void
cli_start_default_programme (CliFixture *fixture)
{
  g_autofree char *out = cli_run_ok (fixture, NULL, "programme", "start", NULL);

  g_assert_cmpstr (out, ==,
                   "Programme started on 2026-11-23: 8 weeks on mon,wed,fri, pain thresholds "
                   "3 (safe) and 5 (maximum); every family starts at level 1.\n");
}

JsonObject *
cli_json_object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("JSON member \"%s\" is missing", member);
  return node;
}

JsonObject *
cli_json_get_object (JsonObject *object,
                     const char *member)
{
  return cli_json_object (get_member (object, member));
}

JsonArray *
cli_json_get_array (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

const char *
cli_json_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gint64
cli_json_get_int (JsonObject *object,
                  const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

gboolean
cli_json_get_boolean (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_member (object, member);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

gboolean
cli_json_is_null (JsonObject *object,
                  const char *member)
{
  return JSON_NODE_HOLDS_NULL (get_member (object, member));
}

void
cli_json_assert_members (JsonObject *object,
                         ...)
{
  g_autoptr (GList) members = json_object_get_members (object);
  guint n_expected = 0;
  const char *name;
  va_list va;

  va_start (va, object);
  while ((name = va_arg (va, const char *)) != NULL)
    {
      if (!json_object_has_member (object, name))
        g_error ("JSON member \"%s\" is missing", name);
      n_expected++;
    }
  va_end (va);

  g_assert_cmpuint (g_list_length (members), ==, n_expected);
}

void
cli_disk_state_clear (CliDiskState *state)
{
  g_clear_pointer (&state->db, g_bytes_unref);
  g_clear_pointer (&state->wal, g_bytes_unref);
  g_clear_pointer (&state->files, g_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir and its folders, sorted. */
static char *
list_files (const char *dir)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (names, list_files (path));
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

void
cli_disk_state_take (CliFixture   *fixture,
                     CliDiskState *out_state)
{
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

  out_state->db = loadwise_test_read_file (fixture->db_path);
  out_state->wal = loadwise_test_read_file (wal);
  out_state->files = list_files (fixture->data_dir);
  g_assert_nonnull (out_state->db);
}

void
cli_disk_state_assert_equal (const CliDiskState *state,
                             const CliDiskState *expected)
{
  g_assert_cmpstr (state->files, ==, expected->files);
  g_assert_true (g_bytes_equal (state->db, expected->db));
  g_assert_true ((state->wal == NULL && expected->wal == NULL) ||
                 (state->wal != NULL && expected->wal != NULL && g_bytes_equal (state->wal, expected->wal)));
}

guint
cli_display_columns (const char *text,
                     gsize       bytes)
{
  guint width = 0;

  for (const char *p = text; p < text + bytes; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}
