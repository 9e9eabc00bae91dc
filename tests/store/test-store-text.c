/* test-store-text.c: every write of free text refuses bad text, whoever
 * calls it, and stores good text trimmed
 *
 * The app, the CLI, the reminder service and the import all write through
 * these functions, so a text refused here is refused for all of them.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-catalogue.h"
#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

typedef enum {
  WRITE_SESSION_NOTE,   /* loadwise_database_set_session_status (DONE, note) */
  WRITE_SKIP_REASON,    /* loadwise_database_set_session_status (SKIPPED, reason) */
  WRITE_LOGGED_NOTE,    /* loadwise_database_log_session (note) */
  WRITE_RUN_NOTE,       /* loadwise_database_add_run () */
  WRITE_EDITED_NOTE,    /* loadwise_database_update_run () */
  WRITE_SHOE_NAME,      /* loadwise_database_add_shoe () */
  N_WRITES
} Write;

static const char *const fields[N_WRITES] = {
  "note", "skip reason", "note", "note", "note", "shoe",
};

/* Refused by every write: the field's name starts each message. */
static const struct {
  const char *text;
  const char *message;  /* after "FIELD: " */
} bad_texts[] = {
  { "\033[2J\033[31mgone", "U+001B is a control character; only" },
  { "M\xfcller", "the text is not valid UTF-8" },
  { "\u3164", "the text has no visible character (only spaces or invisible ones)" },
  { "a\007b", "U+0007 is a control character; only" },
};

typedef struct {
  StoreFixture      store;
  LoadwiseCatalogue *catalogue;
  GDate              day;
  gint64             run_id;
} TextFixture;

static void
text_fixture_setup (TextFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  GDate start = loadwise_test_date (2026, 11, 23);

  store_fixture_setup (&fixture->store, data);
  store_test_start_programme (fixture->store.db, &start);
  fixture->day = loadwise_test_date (2026, 11, 25);
  store_test_set_today (fixture->store.db, &fixture->day);
  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);

  run->date = start;
  run->distance_m = 8400;
  run->note = g_strdup ("first");
  g_assert_true (loadwise_database_add_run (fixture->store.db, run, &error));
  g_assert_no_error (error);
  fixture->run_id = run->id;
  g_assert_true (loadwise_database_add_shoe (fixture->store.db, "Pegasus", NULL, &error));
  g_assert_no_error (error);
}

static void
text_fixture_teardown (TextFixture   *fixture,
                       gconstpointer  data)
{
  g_clear_pointer (&fixture->catalogue, loadwise_catalogue_unref);
  store_fixture_teardown (&fixture->store, data);
}

static gboolean
write_text (TextFixture  *fixture,
            Write         write,
            const char   *text,
            GError      **error)
{
  LoadwiseDatabase *db = fixture->store.db;

  switch (write)
    {
    case WRITE_SESSION_NOTE:
      return loadwise_database_set_session_status (db, &fixture->day, LOADWISE_SESSION_STATUS_DONE,
                                                   text, NULL, error);
    case WRITE_SKIP_REASON:
      return loadwise_database_set_session_status (db, &fixture->day, LOADWISE_SESSION_STATUS_SKIPPED,
                                                   NULL, text, error);
    case WRITE_LOGGED_NOTE:
      {
        LoadwiseProgramme programme;
        LoadwisePrescription prescription;

        g_assert_true (loadwise_database_get_programme (db, &programme, NULL));
        g_assert_true (loadwise_database_prescribe (db, fixture->catalogue, &programme, &fixture->day,
                                                    &prescription, NULL));
        return loadwise_database_log_session (db, &prescription, 100, 2, text, error);
      }
    case WRITE_RUN_NOTE:
      {
        g_autoptr (LoadwiseRun) run = loadwise_run_new ();

        run->date = fixture->day;
        run->distance_m = 5000;
        run->note = g_strdup (text);
        return loadwise_database_add_run (db, run, error);
      }
    case WRITE_EDITED_NOTE:
      {
        g_autoptr (LoadwiseRun) run = loadwise_database_get_run (db, fixture->run_id, NULL);

        g_free (run->note);
        run->note = g_strdup (text);
        return loadwise_database_update_run (db, run, error);
      }
    case WRITE_SHOE_NAME:
      return loadwise_database_add_shoe (db, text, NULL, error);
    case N_WRITES:
    default:
      g_assert_not_reached ();
    }
}

/* Every row that holds free text, in one string. */
static char *
dump_texts (LoadwiseDatabase *db)
{
  static const char *const queries[] = {
    "SELECT date, status, quote (note), quote (skip_reason) FROM session ORDER BY date",
    "SELECT id, distance_m, quote (note) FROM run ORDER BY id",
    "SELECT id, name FROM shoe ORDER BY id",
  };
  sqlite3 *handle = loadwise_database_get_handle (db);
  GString *dump = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
    }
  return g_string_free (dump, FALSE);
}

static void
test_bad_text_refused (TextFixture   *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = dump_texts (fixture->store.db);
  g_autofree char *too_long = g_strnfill (1001, 'x');
  g_autofree char *long_name = g_strnfill (81, 'x');
  g_autofree char *long_reason = g_strnfill (201, 'x');

  for (guint w = 0; w < N_WRITES; w++)
    {
      const char *longest = w == WRITE_SHOE_NAME ? long_name : w == WRITE_SKIP_REASON ? long_reason : too_long;
      guint max = w == WRITE_SHOE_NAME ? 80 : w == WRITE_SKIP_REASON ? 200 : 1000;

      for (guint i = 0; i <= G_N_ELEMENTS (bad_texts); i++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *expected = NULL;
          g_autofree char *after = NULL;
          const char *text = i < G_N_ELEMENTS (bad_texts) ? bad_texts[i].text : longest;

          if (i < G_N_ELEMENTS (bad_texts))
            expected = g_strdup_printf ("%s: %s", fields[w], bad_texts[i].message);
          else
            expected = g_strdup_printf ("%s: %u characters is more than the %u allowed", fields[w], max + 1,
                                        max);

          g_test_message ("write %u, text %u", w, i);
          g_assert_false (write_text (fixture, w, text, &error));
          g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
          g_assert_true (g_str_has_prefix (error->message, expected));

          after = dump_texts (fixture->store.db);
          g_assert_cmpstr (after, ==, before);
        }
    }

  /* A name needs something to see: spaces or a zero-width space alone
   * are not one. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *after = NULL;

    g_assert_false (write_text (fixture, WRITE_SHOE_NAME, "   ", &error));
    g_assert_cmpstr (error->message, ==,
                     "shoe: the text has no visible character (only spaces or invisible ones)");
    g_clear_error (&error);
    g_assert_false (write_text (fixture, WRITE_SHOE_NAME, "\u200b", &error));
    g_assert_cmpstr (error->message, ==,
                     "shoe: the text has no visible character (only spaces or invisible ones)");
    after = dump_texts (fixture->store.db);
    g_assert_cmpstr (after, ==, before);
  }
}

/* Good text is stored trimmed and in NFC, whichever write stores it. */
static void
test_good_text_trimmed (TextFixture   *fixture,
                        gconstpointer  data)
{
  LoadwiseDatabase *db = fixture->store.db;
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autoptr (LoadwiseRun) run = NULL;
  gint64 id = 0;

  g_assert_true (write_text (fixture, WRITE_SESSION_NOTE, "  Hüfte müde 😅\n\tzweite Zeile \n", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_session (db, &fixture->day, &record, &error));
  g_assert_cmpstr (record.note, ==, "Hüfte müde 😅\n\tzweite Zeile");
  loadwise_session_record_clear (&record);

  g_assert_true (write_text (fixture, WRITE_SKIP_REASON, "\u200b ill ", &error));
  g_assert_true (loadwise_database_get_session (db, &fixture->day, &record, &error));
  g_assert_cmpstr (record.skip_reason, ==, "ill");
  loadwise_session_record_clear (&record);

  g_assert_true (write_text (fixture, WRITE_EDITED_NOTE, " windy\r\nlegs heavy ", &error));
  g_assert_no_error (error);
  run = loadwise_database_get_run (db, fixture->run_id, &error);
  g_assert_cmpstr (run->note, ==, "windy\nlegs heavy");

  /* "ü" typed with a combining dieresis is the same pair, found either way. */
  g_assert_true (write_text (fixture, WRITE_SHOE_NAME, " Mu\u0308ller \u200b", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_find_shoe (db, "Müller", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (write_text (fixture, WRITE_SHOE_NAME, "Müller", &error));
  g_assert_cmpstr (error->message, ==, "shoe: a pair called \"Müller\" is already listed");
  g_clear_error (&error);

  /* A pair stored untrimmed, before this check, is still found by its name. */
  store_test_file_exec (fixture->store.path, "INSERT INTO shoe (name, retired, added_at)"
                                             " VALUES ('Clifton ', 0, '2026-01-01T00:00:00Z')");
  g_assert_true (loadwise_database_find_shoe (db, "Clifton ", &id, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_retire_shoe (db, "Clifton ", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/text/bad-refused", TextFixture, NULL,
              text_fixture_setup, test_bad_text_refused, text_fixture_teardown);
  g_test_add ("/store/text/good-trimmed", TextFixture, NULL,
              text_fixture_setup, test_good_text_trimmed, text_fixture_teardown);

  return g_test_run ();
}
