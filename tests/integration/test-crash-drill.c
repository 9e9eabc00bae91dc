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

#include "loadwise-test-util.h"
#include "store-test-util.h"

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

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/crash-drill", test_crash_drill);
  return g_test_run ();
}
