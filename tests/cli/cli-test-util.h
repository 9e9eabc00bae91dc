/* cli-test-util.h: running the built loadwise-cli from the CLI tests
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The "now" every CLI test runs at: Monday 2026-11-23, 08:00 local time. */
#define CLI_TEST_NOW "2026-11-23T08:00:00"

typedef struct {
  char *tmpdir;    /* removed in teardown */
  char *data_dir;  /* TMPDIR/data: LOADWISE_DATA_DIR */
  char *db_path;   /* DATA_DIR/loadwise.db */
} CliFixture;

void cli_fixture_setup    (CliFixture    *fixture,
                           gconstpointer  data);
void cli_fixture_teardown (CliFixture    *fixture,
                           gconstpointer  data);

typedef struct {
  int   status;  /* exit status */
  char *out;
  char *err;
} CliResult;

void cli_result_clear (CliResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* Runs $LOADWISE_CLI with the NULL-terminated arguments, with
 * LOADWISE_DATA_DIR at the fixture's folder and LOADWISE_NOW at @now
 * (CLI_TEST_NOW when NULL). */
void      cli_run      (CliFixture  *fixture,
                        const char  *now,
                        CliResult   *out_result,
                        ...) G_GNUC_NULL_TERMINATED;
void      cli_runv     (CliFixture  *fixture,
                        const char  *now,
                        const char * const *args,
                        CliResult   *out_result);

/* Runs it, asserts exit 0 and an empty stderr, and parses stdout as JSON. */
JsonNode *cli_run_json (CliFixture  *fixture,
                        const char  *now,
                        ...) G_GNUC_NULL_TERMINATED;

/* Runs it and asserts exit 0 and an empty stderr; returns stdout. */
char     *cli_run_ok   (CliFixture  *fixture,
                        const char  *now,
                        ...) G_GNUC_NULL_TERMINATED;

/* The data folder as it is on disk: the database's bytes, its -wal's (NULL
 * when there is none) and every name in the folder, sorted. What a refused
 * command must leave as it found. */
typedef struct {
  GBytes *db;
  GBytes *wal;
  char   *files;
} CliDiskState;

void      cli_disk_state_clear (CliDiskState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliDiskState, cli_disk_state_clear)
/* Reads the fixture's folder; asserts that the database exists. */
void      cli_disk_state_take  (CliFixture   *fixture,
                                CliDiskState *out_state);
void      cli_disk_state_assert_equal (const CliDiskState *state,
                                       const CliDiskState *expected);

/* `programme start` with the defaults on CLI_TEST_NOW. */
void      cli_start_default_programme (CliFixture *fixture);

/* Member access that fails the test when the member is missing. */
JsonObject  *cli_json_object      (JsonNode    *node);
JsonObject  *cli_json_get_object  (JsonObject  *object,
                                   const char  *member);
JsonArray   *cli_json_get_array   (JsonObject  *object,
                                   const char  *member);
const char  *cli_json_get_string  (JsonObject  *object,
                                   const char  *member);
gint64       cli_json_get_int     (JsonObject  *object,
                                   const char  *member);
gboolean     cli_json_get_boolean (JsonObject  *object,
                                   const char  *member);
gboolean     cli_json_is_null     (JsonObject  *object,
                                   const char  *member);
/* Asserts @object has exactly the members in the NULL-terminated list. */
void         cli_json_assert_members (JsonObject *object,
                                      ...) G_GNUC_NULL_TERMINATED;

/* The display columns of @text's first @bytes bytes (a wide character
 * takes two), to check that a table lines up. */
guint        cli_display_columns     (const char *text,
                                      gsize       bytes);

G_END_DECLS
