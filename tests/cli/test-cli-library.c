/* test-cli-library.c: the pieces of libloadwise-cli that need no process:
 * how errors map to exit statuses, help-text folding, JSON output
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"

static void
test_exit_for_error (void)
{
  static const struct {
    GQuark (*domain) (void);
    int     code;
    int     exit_status;
  } cases[] = {
    { loadwise_error_quark, LOADWISE_ERROR_INVALID_INPUT, LOADWISE_CLI_EXIT_USAGE },
    { loadwise_cli_error_quark, LOADWISE_CLI_ERROR_USAGE, LOADWISE_CLI_EXIT_USAGE },
    { g_option_error_quark, G_OPTION_ERROR_UNKNOWN_OPTION, LOADWISE_CLI_EXIT_USAGE },
    { g_option_error_quark, G_OPTION_ERROR_BAD_VALUE, LOADWISE_CLI_EXIT_USAGE },
    { loadwise_cli_error_quark, LOADWISE_CLI_ERROR_FAILED, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_database_error_quark, LOADWISE_DATABASE_ERROR_CORRUPT, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_database_error_quark, LOADWISE_DATABASE_ERROR_NEWER_VERSION, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_database_error_quark, LOADWISE_DATABASE_ERROR_NO_PROGRAMME, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_database_error_quark, LOADWISE_DATABASE_ERROR_IO, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_database_error_quark, LOADWISE_DATABASE_ERROR_BUSY, LOADWISE_CLI_EXIT_FAILURE },
    { loadwise_error_quark, LOADWISE_ERROR_CATALOGUE, LOADWISE_CLI_EXIT_FAILURE },
    { g_io_error_quark, G_IO_ERROR_PERMISSION_DENIED, LOADWISE_CLI_EXIT_FAILURE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (cases[i].domain (), cases[i].code, "x");

      g_assert_cmpint (loadwise_cli_exit_for_error (error), ==, cases[i].exit_status);
    }

  /* What the core's parsers return is bad input. */
  {
    g_autoptr (GError) error = NULL;
    gint64 value;

    g_assert_false (loadwise_parse_int ("--pain", "11", 0, 10, &value, &error));
    g_assert_cmpint (loadwise_cli_exit_for_error (error), ==, LOADWISE_CLI_EXIT_USAGE);
  }
}

static void
test_wrap_text (void)
{
  g_autofree char *short_line = loadwise_cli_wrap_text ("one two three", 20);
  g_autofree char *folded = loadwise_cli_wrap_text ("one two three four five six", 9);
  g_autofree char *long_word = loadwise_cli_wrap_text ("a extraordinarily b", 5);
  g_autofree char *kept = loadwise_cli_wrap_text ("para one two\n  kept as it is here\n\nlast", 8);

  g_assert_cmpstr (short_line, ==, "one two three");
  g_assert_cmpstr (folded, ==, "one two\nthree\nfour five\nsix");
  /* A word longer than the width stays whole on its own line. */
  g_assert_cmpstr (long_word, ==, "a\nextraordinarily\nb");
  g_assert_cmpstr (kept, ==, "para one\ntwo\n  kept as it is here\n\nlast");
}

static void
test_json (void)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_FEBRUARY, 2027);

  json_builder_begin_object (builder);
  loadwise_cli_json_add_date (builder, "date", &date);
  loadwise_cli_json_add_string (builder, "name", "Side plank");
  loadwise_cli_json_add_string (builder, "note", NULL);
  loadwise_cli_json_add_int (builder, "sets", 3);
  loadwise_cli_json_add_boolean (builder, "per_side", TRUE);
  loadwise_cli_json_add_null (builder, "pain");
  json_builder_end_object (builder);

  text = loadwise_cli_json_to_string (builder);
  /* Pretty with two spaces, members in the order added. */
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"date\" : \"2027-02-03\",\n"
                   "  \"name\" : \"Side plank\",\n"
                   "  \"note\" : null,\n"
                   "  \"sets\" : 3,\n"
                   "  \"per_side\" : true,\n"
                   "  \"pain\" : null\n"
                   "}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/library/exit-for-error", test_exit_for_error);
  g_test_add_func ("/cli/library/wrap-text", test_wrap_text);
  g_test_add_func ("/cli/library/json", test_json);

  return g_test_run ();
}
