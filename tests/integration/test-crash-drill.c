/* test-crash-drill.c: writers killed at random moments lose no
 * acknowledged write
 *
 * The test re-runs itself as a writer (--writer DIR FIRST): it opens the
 * database as the app does and saves one check-in after another, each
 * with its own date, printing the check-in's number on stdout once the
 * store has returned (the COMMIT is done). The parent SIGKILLs it after a
 * random while, many times over, and then checks that every number it
 * read is in the file, in full, and that PRAGMA integrity_check is "ok".
 * The seed is printed; LOADWISE_DRILL_SEED repeats a run.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib-unix.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-backups.h"

#define N_ROUNDS      40
/* A round's writer lives 0-MAX_LIFE_MS after it has opened the file;
 * 40 rounds stay well under the suite's time budget. */
#define MAX_LIFE_MS   60
#define FIRST_DAY_JULIAN 730000   /* 1999-09-..: any fixed day will do */

static void
checkin_for (guint            n,
             LoadwiseCheckin *out)
{
  memset (out, 0, sizeof *out);
  g_date_set_julian (&out->date, FIRST_DAY_JULIAN + n);
  out->morning_pain = n % 11;
  out->side = out->morning_pain == 0 ? LOADWISE_SIDE_NONE : LOADWISE_SIDE_RIGHT;
  out->night_pain = n % 3 == 0;
}

/* The child: writes until killed. */
static int
run_writer (const char *dir,
            const char *first_text)
{
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  guint first = (guint) g_ascii_strtoull (first_text, NULL, 10);

  /* The parent reads each line as soon as it is written. */
  setvbuf (stdout, NULL, _IONBF, 0);

  db = loadwise_database_open (path, &error);
  if (db == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      return 1;
    }
  fputs ("open\n", stdout);

  for (guint n = first; ; n++)
    {
      LoadwiseCheckin checkin;

      checkin_for (n, &checkin);
      if (!loadwise_database_save_checkin (db, &checkin, &error))
        {
          fprintf (stderr, "writer: %s\n", error->message);
          return 1;
        }
      /* Acknowledged: the transaction has committed. */
      printf ("%u\n", n);
    }
}

/* The child of the safety-copy drill: takes one before-import copy after
 * another until killed, printing each copy's name once it is whole. */
static int
run_copier (const char *dir)
{
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  setvbuf (stdout, NULL, _IONBF, 0);
  db = loadwise_database_open (path, &error);
  if (db == NULL)
    {
      fprintf (stderr, "copier: %s\n", error->message);
      return 1;
    }
  fputs ("open\n", stdout);

  for (;;)
    {
      g_autofree char *copy = loadwise_backups_take_safety_copy (db, LOADWISE_SAFETY_COPY_IMPORT,
                                                                 &error);

      if (copy == NULL)
        {
          fprintf (stderr, "copier: %s\n", error->message);
          return 1;
        }
      printf ("%s\n", copy);
    }
}

/* Takes the complete lines out of @pending: acknowledged numbers go to
 * @acked; returns whether the writer's "open" line was among them. */
static gboolean
take_lines (GString    *pending,
            GHashTable *acked,
            guint      *out_max)
{
  gboolean opened = FALSE;
  char *line_end;

  while ((line_end = strchr (pending->str, '\n')) != NULL)
    {
      *line_end = '\0';
      if (g_ascii_isdigit (pending->str[0]))
        {
          guint value = (guint) g_ascii_strtoull (pending->str, NULL, 10);

          g_hash_table_add (acked, GUINT_TO_POINTER (value));
          *out_max = MAX (*out_max, value);
        }
      else if (g_str_equal (pending->str, "open"))
        {
          opened = TRUE;
        }
      g_string_erase (pending, 0, line_end - pending->str + 1);
    }
  return opened;
}

/* Reads @fd until the writer says it has opened the database (when
 * @until_open) or until end of file (the writer is dead by then). */
static void
read_acks (int         fd,
           gboolean    until_open,
           GString    *pending,
           GHashTable *acked,
           guint      *out_max)
{
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      g_string_append_len (pending, buffer, n);
      if (take_lines (pending, acked, out_max) && until_open)
        return;
    }
}

static void
test_crash_drill (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autoptr (GHashTable) acked = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GRand) rand = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) checkins = NULL;
  g_autofree char *report = NULL;
  const char *seed_text = g_getenv ("LOADWISE_DRILL_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : (guint32) g_test_rand_int ();
  guint next_first = 1;
  guint n_killed_writing = 0;
  GDate from, to;

  g_assert_nonnull (self_exe);
  g_test_message ("seed %u (set LOADWISE_DRILL_SEED=%u to repeat this run)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *first_text = g_strdup_printf ("%u", next_first);
      const char *argv[] = { self_exe, "--writer", dir, first_text, NULL };
      g_autoptr (GString) pending = g_string_new (NULL);
      guint max_acked = 0;
      guint before = g_hash_table_size (acked);
      int out_fd = -1;
      int wait_status = 0;
      GPid pid;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Every eighth round is killed while opening (or creating, or
       * migrating) the file; the others while writing, however long the
       * start takes (much longer under a sanitizer). */
      if (round % 8 != 0)
        read_acks (out_fd, TRUE, pending, acked, &max_acked);
      g_usleep ((gulong) g_rand_int_range (rand, 0, MAX_LIFE_MS * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      read_acks (out_fd, FALSE, pending, acked, &max_acked);
      g_close (out_fd, NULL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* Killed, not failed: a writer that stopped by itself hit an error. */
      g_assert_true (WIFSIGNALED (wait_status));
      g_assert_cmpint (WTERMSIG (wait_status), ==, SIGKILL);

      if (g_hash_table_size (acked) > before)
        n_killed_writing++;
      /* The next writer starts after anything this one may have written,
       * acknowledged or not. */
      next_first = MAX (next_first, max_acked + 1) + 1000;
    }

  g_test_message ("%u acknowledged writes; %u of %u writers were killed while writing",
                  g_hash_table_size (acked), n_killed_writing, N_ROUNDS);
  /* The drill only means something if writers died mid-stream. */
  g_assert_cmpuint (n_killed_writing, >=, N_ROUNDS / 2);

  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  /* Every acknowledged check-in is there, as written. */
  g_date_set_julian (&from, FIRST_DAY_JULIAN);
  g_date_set_julian (&to, FIRST_DAY_JULIAN + next_first + 1);
  checkins = loadwise_database_list_checkins (db, &from, &to, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GHashTable) stored = g_hash_table_new (g_direct_hash, g_direct_equal);
    GHashTableIter iter;
    gpointer key;

    for (guint i = 0; i < checkins->len; i++)
      {
        const LoadwiseCheckin *got = &g_array_index (checkins, LoadwiseCheckin, i);
        guint n = g_date_get_julian (&got->date) - FIRST_DAY_JULIAN;
        LoadwiseCheckin want;

        checkin_for (n, &want);
        g_assert_cmpuint (got->morning_pain, ==, want.morning_pain);
        g_assert_cmpint (got->side, ==, want.side);
        g_assert_cmpint (!!got->night_pain, ==, !!want.night_pain);
        g_hash_table_add (stored, GUINT_TO_POINTER (n));
      }

    g_hash_table_iter_init (&iter, acked);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (stored, key))
        g_error ("acknowledged check-in %u is missing (seed %u)", GPOINTER_TO_UINT (key), seed);
  }

  g_clear_object (&db);
  loadwise_test_rm_rf (dir);
}

#define N_COPY_ROUNDS 24
/* A copy of the drill's database, with its fsync, takes tens of
 * milliseconds here. */
#define MAX_COPY_LIFE_MS 150

/* Reads @fd until the copier has printed @n_lines lines. */
static void
read_lines (int      fd,
            guint    n_lines,
            GString *pending)
{
  char c;
  gssize n;

  while (n_lines > 0 && (n = read (fd, &c, 1)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      g_string_append_c (pending, c);
      if (c == '\n')
        n_lines--;
    }
}

/* Writers killed while they take a safety copy leave no file that looks
 * like a backup but is not: every name ending in .db is whole, and
 * `backups --json` lists only those. */
static void
test_crash_during_copy (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *backups = g_build_filename (fixture->data_dir, "backups", NULL);
  g_autoptr (GRand) rand = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *seed_text = g_getenv ("LOADWISE_DRILL_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : (guint32) g_test_rand_int ();
  guint n_whole = 0;
  guint n_partial = 0;
  const char *name;

  g_test_message ("seed %u (set LOADWISE_DRILL_SEED=%u to repeat this run)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  /* Some megabytes of check-ins, so that a copy takes a while. */
  {
    g_autoptr (LoadwiseDatabase) db = loadwise_database_open (fixture->db_path, &error);

    g_assert_no_error (error);
    g_clear_object (&db);
    store_test_file_exec (fixture->db_path,
                          "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 40000)"
                          " INSERT INTO checkin (date, morning_pain, side, night_pain, updated_at)"
                          " SELECT date ('1950-01-01', '+' || i || ' days'), i % 11,"
                          "  CASE WHEN i % 11 = 0 THEN 'none' ELSE 'left' END, 0,"
                          "  '2026-01-01T00:00:00Z' FROM n;");
  }

  for (guint round = 0; round < N_COPY_ROUNDS; round++)
    {
      const char *argv[] = { self_exe, "--copier", fixture->data_dir, NULL };
      g_autoptr (GString) pending = g_string_new (NULL);
      int out_fd = -1;
      int wait_status = 0;
      GPid pid;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* "open"; every fourth round, one whole copy too, before the wait. */
      read_lines (out_fd, round % 4 == 0 ? 2 : 1, pending);
      g_usleep ((gulong) g_rand_int_range (rand, 0, MAX_COPY_LIFE_MS * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      read_lines (out_fd, G_MAXUINT, pending);
      g_close (out_fd, NULL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (wait_status));
    }

  /* Every final name holds a whole copy; the ones cut short are hidden. */
  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);

      if (g_str_has_suffix (name, ".db"))
        {
          g_autoptr (GError) check_error = NULL;

          if (!loadwise_backups_check_file (path, &check_error))
            g_error ("%s looks like a backup but is not: %s (seed %u)", name,
                     check_error->message, seed);
          n_whole++;
        }
      else
        {
          /* A copy cut short, and the journal VACUUM INTO keeps beside it. */
          if (!(name[0] == '.' && (g_str_has_suffix (name, ".partial")
                                   || g_str_has_suffix (name, ".partial-journal"))))
            g_error ("unexpected file %s", name);
          n_partial++;
        }
    }
  g_test_message ("%u whole copies kept, %u cut short by a kill and hidden", n_whole, n_partial);
  g_assert_cmpuint (n_whole, >=, 1);
  g_assert_cmpuint (n_whole, <=, LOADWISE_BACKUPS_KEEP_SAFETY);

  /* Listed: exactly the whole ones. */
  listed = cli_run_json (fixture, NULL, "backups", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, n_whole);
  for (guint i = 0; i < n_whole; i++)
    {
      JsonObject *backup = json_array_get_object_element (json_node_get_array (listed), i);

      g_assert_true (loadwise_backups_check_file (cli_json_get_string (backup, "path"), NULL));
      g_assert_cmpstr (cli_json_get_string (backup, "kind"), ==, "safety");
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "--copier"))
    return run_copier (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/crash-drill", test_crash_drill);
  g_test_add ("/integration/crash-drill/safety-copy", CliFixture, NULL,
              cli_fixture_setup, test_crash_during_copy, cli_fixture_teardown);
  return g_test_run ();
}
