/* test-cli-import.c: the JSON backup round trip, --replace, and a catalogue
 * of broken backups, each refused with its place named and nothing changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"

static char *
export_to (CliFixture *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

  g_free (cli_run_ok (fixture, NULL, "export", "--format", "json", "--output", path, NULL));
  return g_steal_pointer (&path);
}

static char *
read_without_stamp (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GString *kept = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static void
test_round_trip (CliFixture    *fixture,
                 gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "3", NULL));
  /* Settings travel too. */
  g_free (cli_run_ok (fixture, NULL, "reminders", "set", "--time", "18:30", "--off", NULL));
  first = export_to (fixture, "first.json");

  out = cli_run_ok (&other, NULL, "import", first, NULL);
  g_assert_true (g_str_has_prefix (out, "Imported "));
  second = export_to (&other, "second.json");

  {
    g_autofree char *a = read_without_stamp (first);
    g_autofree char *b = read_without_stamp (second);

    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "\"format_version\" : 1"));
    g_assert_nonnull (strstr (a, "\"distance_km\" : "));
    g_assert_nonnull (strstr (a, "\"pain_during\" : "));
    g_assert_nonnull (strstr (a, "\"reminders.session-time\" : \"18:30\""));
    g_assert_nonnull (strstr (a, "\"flares\" : [\n    {"));
  }
  cli_fixture_teardown (&other, NULL);
}

static void
test_replace (CliFixture    *fixture,
              gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *backups_dir = NULL;
  g_autofree char *out = NULL;
  g_auto (CliResult) refused = { 0 };
  g_autoptr (GDir) dir = NULL;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (&other, NULL, "demo", "--years", "1", "--seed", "9", NULL));
  backup = export_to (&other, "other.json");

  cli_start_default_programme (fixture);
  cli_run (fixture, NULL, &refused, "import", backup, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_true (g_str_has_prefix (refused.err, "loadwise-cli: import: the database already holds data; "
                                                "nothing was changed. Use 'import --replace "));

  out = cli_run_ok (fixture, NULL, "import", "--replace", backup, NULL);
  g_assert_nonnull (strstr (out, "the data it replaced is in "));
  backups_dir = g_build_filename (fixture->data_dir, "backups", NULL);
  dir = g_dir_open (backups_dir, 0, NULL);
  g_assert_nonnull (dir);
  {
    gboolean found = FALSE;
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      found |= g_str_has_prefix (name, "loadwise-before-import-");
    g_assert_true (found);
  }
  {
    g_autofree char *mine = export_to (fixture, "mine.json");
    g_autofree char *a = read_without_stamp (backup);
    g_autofree char *b = read_without_stamp (mine);

    g_assert_cmpstr (a, ==, b);
  }
  cli_fixture_teardown (&other, NULL);
}

/* One broken backup: how to break the good one, and the message. */
typedef struct {
  const char *name;
  const char *path;     /* a member path such as "runs/0/pain_during", or NULL */
  const char *json;     /* the new value as JSON, or the whole file when path is NULL */
  const char *message;  /* after "loadwise-cli: FILE: "; a prefix when it ends in '*' */
} BadImport;

static const BadImport bad_imports[] = {
  { "empty", NULL, "", "The file is empty; it is not a Loadwise backup" },
  { "blank", NULL, "  \n", "The file is empty; it is not a Loadwise backup" },
  { "not-json", NULL, "hello, physio", "Not a JSON file (*" },
  { "truncated", NULL, NULL, "Not a JSON file (*" },
  { "array", NULL, "[1, 2]", "Not a Loadwise backup: the file must hold one JSON object" },
  { "no-version", NULL, "{\"runs\": []}", "format_version: missing; this is not a Loadwise backup" },
  { "newer", "format_version", "2", "format_version 2 is newer than this Loadwise reads (1)" },
  { "version-text", "format_version", "\"1\"", "format_version: expected a whole number" },
  { "unknown-table", "meals", "[]", "meals: not part of a version 1 backup" },
  { "runs-not-array", "runs", "{}", "runs: expected an array" },
  { "pain-range", "runs/0/pain_during", "42", "runs[0].pain_during: 42 is outside 0-10" },
  { "pain-type", "runs/0/pain_during", "\"high\"", "runs[0].pain_during: expected a whole number" },
  { "distance-type", "runs/0/distance_km", "\"far\"", "runs[0].distance_km: expected a number" },
  { "distance-range", "runs/0/distance_km", "500", "runs[0].distance_km: 500.000 is outside 0.001-399.999" },
  { "camber", "runs/0/camber", "\"steep\"", "runs[0].camber: “steep” is not one of none, left, right" },
  { "bool-type", "checkins/2/night_pain", "1", "checkins[2].night_pain: expected true or false" },
  { "morning-range", "checkins/2/morning_pain", "11", "checkins[2].morning_pain: 11 is outside 0-10" },
  { "bad-date", "sessions/0/date", "\"2026-02-30\"", "sessions[0].date: *" },
  { "missing", "checkins/0/date", "null", "checkins[0].date: missing (it must have a value)" },
  { "dangling-shoe", "runs/0/shoe_id", "999", "runs[0].shoe_id: 999 refers to no entry in shoes" },
  { "dangling-set", "sets/0/date", "\"2001-01-01\"", "sets[0].date: 2001-01-01 refers to no entry in sessions" },
  { "duplicate-id", "runs/1/id", "1", "runs[1]: 1 appears twice" },
  { "duplicate-date", "checkins/1/date", NULL, "checkins[1]: * appears twice" },
  { "unknown-field", "runs/0/mood", "\"fine\"", "runs[0].mood: not a field of runs" },
  { "programme-days", "programme/training_days", "\"mon\"", "programme.training_days: *" },
  { "max-below-safe", "programme/max_pain", "1", "programme.max_pain: 1 is below safe_pain (3)" },
};

static JsonNode *
parse_value (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Sets the member at @path ("runs/0/pain_during") of @root to @value. */
static void
set_path (JsonNode   *root,
          const char *path,
          JsonNode   *value)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }
  json_object_set_member (json_node_get_object (node), parts[n - 1], value);
}

static char *
break_backup (const char     *good,
              const BadImport *bad)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  if (bad->path == NULL && bad->json != NULL)
    return g_strdup (bad->json);
  if (bad->path == NULL)
    return g_strndup (good, strlen (good) / 2);

  json_parser_load_from_data (parser, good, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  if (bad->json != NULL)
    set_path (root, bad->path, parse_value (bad->json));
  else
    {
      /* The second check-in on the first one's date. */
      JsonArray *checkins = json_object_get_array_member (json_node_get_object (root), "checkins");
      const char *date = json_object_get_string_member (json_array_get_object_element (checkins, 0), "date");

      json_object_set_string_member (json_array_get_object_element (checkins, 1), "date", date);
    }
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
test_bad_imports (CliFixture    *fixture,
                  gconstpointer  data)
{
  CliFixture source = { 0 };
  g_autofree char *good_path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  gsize before_len = 0;

  cli_fixture_setup (&source, NULL);
  g_free (cli_run_ok (&source, NULL, "demo", "--years", "1", "--seed", "11", NULL));
  good_path = export_to (&source, "good.json");
  g_file_get_contents (good_path, &good, NULL, NULL);

  /* The target holds data of its own, so --replace would change it. */
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "12", NULL));
  g_file_get_contents (fixture->db_path, &before, &before_len, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    {
      const BadImport *bad = &bad_imports[i];
      g_autofree char *name = g_strdup_printf ("%s.json", bad->name);
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
      g_autofree char *broken = break_backup (good, bad);
      g_autofree char *prefix = g_strdup_printf ("loadwise-cli: %s: ", path);
      g_autofree char *after = NULL;
      g_auto (CliResult) result = { 0 };
      gsize after_len = 0;

      g_test_message ("%s", bad->name);
      g_file_set_contents (path, broken, -1, NULL);
      cli_run (fixture, NULL, &result, "import", "--replace", path, NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, prefix));
      if (strchr (bad->message, '*') != NULL)
        {
          /* The part after '*' is left to the parser or the core. */
          const char *star = strchr (bad->message, '*');
          g_autofree char *head = g_strdup_printf ("%s%.*s", prefix, (int) (star - bad->message),
                                                   bad->message);
          g_autofree char *tail = g_strdup_printf ("%s\n", star + 1);

          g_assert_true (g_str_has_prefix (result.err, head));
          g_assert_true (g_str_has_suffix (result.err, tail));
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("%s%s\n", prefix, bad->message);

          g_assert_cmpstr (result.err, ==, expected);
        }

      /* Nothing changed, and no backup was needed. */
      g_file_get_contents (fixture->db_path, &after, &after_len, NULL);
      g_assert_cmpmem (before, before_len, after, after_len);
    }

  {
    g_autofree char *backups_dir = g_build_filename (fixture->data_dir, "backups", NULL);
    g_autoptr (GDir) dir = g_dir_open (backups_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "loadwise-before-import-"));
  }
  cli_fixture_teardown (&source, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import/round-trip", CliFixture, NULL,
              cli_fixture_setup, test_round_trip, cli_fixture_teardown);
  g_test_add ("/cli/import/replace", CliFixture, NULL,
              cli_fixture_setup, test_replace, cli_fixture_teardown);
  g_test_add ("/cli/import/bad-imports", CliFixture, NULL,
              cli_fixture_setup, test_bad_imports, cli_fixture_teardown);

  return g_test_run ();
}
