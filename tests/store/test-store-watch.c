/* test-store-watch.c: "changed" after other connections' commits
 *
 * A second LoadwiseDatabase on the same file stands for another process
 * (the CLI, the reminder service): it is a connection of its own, and the
 * first one sees its commits only through the file and PRAGMA data_version.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store-test-util.h"

#include "loadwise-test-util.h"

/* Long enough for the file monitor and the watch's settling time many
 * times over: only a bound, never what a test waits for when it expects
 * something. */
#define WAIT_BOUND_MS 10000
/* How long a test waits to be sure that nothing comes. */
#define QUIET_MS 800

typedef struct {
  guint n_changed;
  guint n_external;
  guint last;
} Seen;

static void
on_changed (LoadwiseDatabase *db,
            guint             what,
            Seen             *seen)
{
  seen->n_changed++;
  seen->last = what;
  if (what & LOADWISE_DATABASE_CHANGE_EXTERNAL)
    seen->n_external++;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @seen has @n_external EXTERNAL, or
 * @bound_ms passed; returns whether it got there. */
static gboolean
wait_for_external (Seen  *seen,
                   guint  n_external,
                   guint  bound_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (bound_ms, on_timeout, &expired);

  while (seen->n_external < n_external && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return seen->n_external >= n_external;
}

static void
wait_quiet (void)
{
  gboolean expired = FALSE;

  g_timeout_add (QUIET_MS, on_timeout, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_external (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  Seen seen = { 0 };
  Seen other_seen = { 0 };

  loadwise_database_watch (fixture->db);
  /* Twice is once. */
  loadwise_database_watch (fixture->db);
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), &seen);

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  loadwise_database_watch (other);
  g_signal_connect (other, "changed", G_CALLBACK (on_changed), &other_seen);

  /* Its own commit: "changed" at once, and never EXTERNAL for it. */
  g_assert_true (loadwise_database_set_setting (fixture->db, "test.watch", "1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_changed, ==, 1);
  g_assert_cmpuint (seen.last & LOADWISE_DATABASE_CHANGE_EXTERNAL, ==, 0);
  /* ... while the other connection sees it as EXTERNAL. */
  g_assert_true (wait_for_external (&other_seen, 1, WAIT_BOUND_MS));
  g_assert_cmpuint (other_seen.last, ==, LOADWISE_DATABASE_CHANGE_EXTERNAL);
  wait_quiet ();
  g_assert_cmpuint (seen.n_external, ==, 0);
  g_assert_cmpuint (other_seen.n_external, ==, 1);

  /* The other connection's commit reaches the first, once per burst. */
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "2", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "3", &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_external (&seen, 1, WAIT_BOUND_MS));
  wait_quiet ();
  g_assert_cmpuint (seen.n_external, <=, 2);
  g_assert_cmpuint (other_seen.n_external, ==, 1);
  {
    g_autofree char *value = loadwise_database_get_setting (fixture->db, "test.watch", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "3");
  }

  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Nothing comes after unwatch, and a watched database finalizes with its
 * monitors and pending look. */
static void
test_unwatch (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  Seen seen = { 0 };

  loadwise_database_watch (fixture->db);
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), &seen);
  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);

  loadwise_database_unwatch (fixture->db);
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "1", &error));
  g_assert_no_error (error);
  wait_quiet ();
  g_assert_cmpuint (seen.n_external, ==, 0);

  /* Watching again starts from the current version. */
  loadwise_database_watch (fixture->db);
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "2", &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_external (&seen, 1, WAIT_BOUND_MS));

  /* A look pending when the database goes away is dropped with it. */
  loadwise_database_watch (other);
  g_assert_true (loadwise_database_set_setting (fixture->db, "test.watch", "3", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&other));
  wait_quiet ();
}

/* A write this process made on a connection of its own (a worker
 * thread's): noticed at once, watched or not, and told once. */
static void
test_notice (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  Seen seen = { 0 };

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), &seen);
  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Not watched. */
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "1", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_notice_changes (fixture->db));
  g_assert_cmpuint (seen.n_external, ==, 1);
  g_assert_false (loadwise_database_notice_changes (fixture->db));
  g_assert_cmpuint (seen.n_external, ==, 1);

  /* Watched: the watch finds nothing left to tell. */
  loadwise_database_watch (fixture->db);
  g_assert_true (loadwise_database_set_setting (other, "test.watch", "2", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_notice_changes (fixture->db));
  wait_quiet ();
  g_assert_cmpuint (seen.n_external, ==, 2);

  /* Its own commits are not news. */
  g_assert_true (loadwise_database_set_setting (fixture->db, "test.watch", "3", &error));
  g_assert_no_error (error);
  g_assert_false (loadwise_database_notice_changes (fixture->db));
  g_assert_cmpuint (seen.n_external, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&other));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/watch/external", StoreFixture, NULL,
              store_fixture_setup, test_external, store_fixture_teardown);
  g_test_add ("/store/watch/unwatch", StoreFixture, NULL,
              store_fixture_setup, test_unwatch, store_fixture_teardown);
  g_test_add ("/store/watch/notice", StoreFixture, NULL,
              store_fixture_setup, test_notice, store_fixture_teardown);

  return g_test_run ();
}
