/* test-disk-full-drill.c: a full disk loses nothing and leaves nothing
 *
 * Every command that writes a file is run with only N KiB of room, for
 * several N: each export format, `backup -o`, `import` into an empty data
 * folder, `import --replace`, `restore`, and the migration of an older
 * schema's database on opening. Each must either succeed with a whole
 * file, or exit 1 with the reason ("No space left on device", "File too
 * large", SQLite's "database or disk is full"), leave nothing partial
 * under the final name and no temporary file, and leave the live
 * database as it was (the same bytes after a checkpoint, or at least the
 * same rows and a clean `loadwise-cli check`).
 *
 * As root, where a private mount namespace may mount a tmpfs, the room is
 * real: a small tmpfs filled up to N KiB by a filler file, in a forked
 * child. Otherwise each command runs with RLIMIT_FSIZE at N KiB (SIGXFSZ
 * ignored), so every write past N KiB fails with EFBIG.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* unshare */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "store/loadwise-database-progression.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

#define NOW "2026-11-29T08:00:00"
#define TMPFS_SIZE "8m"
#define CHILD_NO_MOUNT 77

/* The room left, in KiB. Under RLIMIT_FSIZE the limit is on each file,
 * the database's -shm (32 KiB) among them: below that nothing opens. */
static const guint tmpfs_room_kib[] = { 16, 128, 512 };
static const guint rlimit_room_kib[] = { 48, 128, 512 };
#define N_ROOMS G_N_ELEMENTS (tmpfs_room_kib)

typedef enum {
  MODE_TMPFS,
  MODE_RLIMIT,
} Mode;

typedef struct {
  Mode      mode;
  char     *tmpdir;       /* the test's own folder, never filled */
  char     *root;         /* the small file system, or a plain folder */
  char     *data_dir;     /* ROOT/data: the live database */
  char     *fresh_dir;    /* ROOT/fresh: no database yet */
  char     *old_dir;      /* ROOT/old: a database of the previous schema */
  char     *out;          /* ROOT/out: where exports and backups go */
  char     *pristine;     /* TMPDIR/pristine: the live data folder as it began */
  char     *old_template; /* TMPDIR/old.db */
  char     *json;         /* TMPDIR/backup.json, for import */
  char     *backup;       /* TMPDIR/backup.db, for restore */
  guint     room_kib;     /* the room for the command being run */
  GString  *failures;
} Drill;

/* Running loadwise-cli */

static void
limit_child (gpointer user_data)
{
  Drill *drill = user_data;
  struct rlimit rl;

  if (drill->mode != MODE_RLIMIT)
    return;
  /* SIG_IGN survives exec: a write past the limit fails with EFBIG
   * instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &rl);
  rl.rlim_cur = (rlim_t) drill->room_kib * 1024;
  setrlimit (RLIMIT_FSIZE, &rl);
}

static int
run_cli (Drill               *drill,
         gboolean             limited,
         const char          *data_dir,
         const char * const  *args,
         char               **out_err)
{
  const char *cli = g_getenv ("LOADWISE_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  envp = g_environ_setenv (envp, "LOADWISE_DATA_DIR", data_dir, TRUE);
  envp = g_environ_setenv (envp, "LOADWISE_NOW", NOW, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (drill->tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               limited ? limit_child : NULL, drill, &out, &err, &wait_status,
                               &error));
  g_assert_no_error (error);
  if (out_err != NULL)
    *out_err = g_steal_pointer (&err);
  if (!WIFEXITED (wait_status))
    return 128 + (WIFSIGNALED (wait_status) ? WTERMSIG (wait_status) : 0);
  return WEXITSTATUS (wait_status);
}

static void
run_cli_ok (Drill              *drill,
            const char         *data_dir,
            const char * const *args)
{
  g_autofree char *err = NULL;
  int status = run_cli (drill, FALSE, data_dir, args, &err);

  if (status != 0)
    g_error ("%s %s: exit %d: %s", args[0], args[1] != NULL ? args[1] : "", status, err);
}

/* Files */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GBytes) bytes = loadwise_test_read_file (from);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents_full (to, g_bytes_get_data (bytes, NULL),
                                           (gssize) g_bytes_get_size (bytes),
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr (GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *a = g_build_filename (from, name, NULL);
      g_autofree char *b = g_build_filename (to, name, NULL);

      if (g_file_test (a, G_FILE_TEST_IS_DIR))
        copy_folder (a, b);
      else
        copy_file (a, b);
    }
}

static gboolean
is_sqlite_side_file (const char *name)
{
  return g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm")
         || g_str_has_suffix (name, "-journal");
}

/* Every name under @folder, hidden ones too (the SQLite side files and
 * the filler aside), sorted, one per line. */
static void
list_into (const char *folder,
           const char *prefix,
           GPtrArray  *names)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *relative = *prefix != '\0' ? g_build_filename (prefix, name, NULL)
                                                  : g_strdup (name);

      if (is_sqlite_side_file (name) || g_strcmp0 (relative, "filler") == 0)
        continue;
      g_ptr_array_add (names, g_strdup (relative));
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        list_into (path, relative, names);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_tree (const char *folder)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  list_into (folder, "", names);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
empty_folder (const char *folder)
{
  loadwise_test_rm_rf (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
}

/* Folds the -wal into the file, so its bytes say what it holds. */
static void
checkpoint (const char *path)
{
  sqlite3 *db = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* Every row of every table, in order: what "the same data" means. */
static char *
dump_rows (const char *path)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, c) != NULL
                                                 ? (const char *) sqlite3_column_text (rows, c)
                                                 : "NULL");
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  g_string_append_printf (dump, "user_version %" G_GINT64_FORMAT "\n",
                          store_test_query_int (db, "PRAGMA user_version"));
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* The room */

static guint64
free_bytes (const char *folder)
{
  struct statvfs st;

  g_assert_cmpint (statvfs (folder, &st), ==, 0);
  return (guint64) st.f_bavail * st.f_frsize;
}

/* Leaves drill->room_kib KiB free on the tmpfs. */
static void
fill (Drill *drill)
{
  g_autofree char *filler = g_build_filename (drill->root, "filler", NULL);
  guint64 room = (guint64) drill->room_kib * 1024;
  guint64 available = free_bytes (drill->root);
  int fd;

  if (drill->mode != MODE_TMPFS)
    return;
  g_assert_cmpuint (available, >, room);
  fd = open (filler, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (posix_fallocate (fd, 0, (off_t) (available - room)), ==, 0);
  close (fd);
  g_assert_cmpuint (free_bytes (drill->root), <=, room);
}

static void
unfill (Drill *drill)
{
  g_autofree char *filler = g_build_filename (drill->root, "filler", NULL);

  g_unlink (filler);
}

/* The cases */

typedef enum {
  KIND_FILE,     /* an export or a backup: OUTPUT is written, nothing else */
  KIND_FOLDER,   /* the CSV export */
  KIND_STORE,    /* changes the database in DIR */
} Kind;

typedef struct {
  const char *name;
  Kind        kind;
  const char *dir;     /* "data", "fresh" or "old" */
  const char *output;  /* under ROOT/out, for KIND_FILE and KIND_FOLDER */
  const char *args[10];
} Case;

/* @OUT@, @JSON@ and @BACKUP@ are replaced by the drill's paths. */
static const Case cases[] = {
  { "export pdf", KIND_FILE, "data", "report.pdf", { "export", "--format", "pdf", "--output", "@OUT@" } },
  { "export png", KIND_FILE, "data", "pain.png",
    { "export", "--format", "png", "--chart", "pain", "--output", "@OUT@" } },
  { "export svg", KIND_FILE, "data", "runs.svg",
    { "export", "--format", "svg", "--chart", "runs", "--output", "@OUT@" } },
  { "export csv", KIND_FOLDER, "data", "csv", { "export", "--format", "csv", "--output", "@OUT@" } },
  { "export ics", KIND_FILE, "data", "sessions.ics", { "export", "--format", "ics", "--output", "@OUT@" } },
  { "export json", KIND_FILE, "data", "backup.json", { "export", "--format", "json", "--output", "@OUT@" } },
  { "backup -o", KIND_FILE, "data", "copy.db", { "backup", "--output", "@OUT@" } },
  { "import", KIND_STORE, "fresh", NULL, { "import", "@JSON@" } },
  { "import --replace", KIND_STORE, "data", NULL, { "import", "--replace", "@JSON@" } },
  { "restore", KIND_STORE, "data", NULL, { "restore", "@BACKUP@" } },
  { "migration", KIND_STORE, "old", NULL, { "status" } },
};

static const char *
case_dir (Drill      *drill,
          const Case *c)
{
  if (g_strcmp0 (c->dir, "fresh") == 0)
    return drill->fresh_dir;
  if (g_strcmp0 (c->dir, "old") == 0)
    return drill->old_dir;
  return drill->data_dir;
}

static void
fail_case (Drill      *drill,
           const Case *c,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
fail_case (Drill      *drill,
           const Case *c,
           const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_string_append_printf (drill->failures, "%s with %u KiB of room (%s): %s\n", c->name,
                          drill->room_kib, drill->mode == MODE_TMPFS ? "tmpfs" : "RLIMIT_FSIZE",
                          text);
}

static gboolean
names_a_reason (const char *err)
{
  return strstr (err, g_strerror (ENOSPC)) != NULL || strstr (err, g_strerror (EFBIG)) != NULL
         || strstr (err, "database or disk is full") != NULL;
}

/* Puts every folder back as it began, with room. */
static void
reset (Drill *drill)
{
  g_autofree char *old_db = g_build_filename (drill->old_dir, "loadwise.db", NULL);

  unfill (drill);
  empty_folder (drill->out);
  empty_folder (drill->fresh_dir);
  empty_folder (drill->old_dir);
  copy_file (drill->old_template, old_db);
  loadwise_test_rm_rf (drill->data_dir);
  copy_folder (drill->pristine, drill->data_dir);
}

static gboolean
output_is_whole (Drill      *drill,
                 const Case *c,
                 const char *output)
{
  if (c->kind == KIND_FOLDER)
    {
      g_autofree char *session = g_build_filename (output, "session.csv", NULL);

      return g_file_test (session, G_FILE_TEST_IS_REGULAR);
    }
  if (g_str_has_suffix (output, ".pdf"))
    {
      const char *argv[] = { "pdfinfo", output, NULL };
      int status = -1;

      return g_spawn_sync (NULL, (char **) argv, NULL,
                           G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, NULL, NULL, &status, NULL)
             && g_spawn_check_wait_status (status, NULL);
    }
  if (g_str_has_suffix (output, ".json"))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      return json_parser_load_from_file (parser, output, NULL);
    }
  if (g_str_has_suffix (output, ".db"))
    return store_test_file_query_int (output, "SELECT count(*) FROM programme") == 1;
  {
    g_autoptr (GBytes) bytes = loadwise_test_read_file (output);

    return bytes != NULL && g_bytes_get_size (bytes) > 0;
  }
}

static gboolean
is_whole_database (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0
         && store_test_query_int (db, "SELECT count(*) FROM sqlite_schema") > 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* After a failure nothing may be gone, and what is new may only be an
 * empty folder or a whole backup copy in a backups folder (taken before
 * the step that failed): nothing partial, no temporary file. */
static void
check_leftovers (Drill      *drill,
                 const Case *c,
                 const char *names_before,
                 const char *names_after)
{
  g_auto (GStrv) before = g_strsplit (names_before, "\n", -1);
  g_auto (GStrv) after = g_strsplit (names_after, "\n", -1);

  for (guint i = 0; before[i] != NULL; i++)
    if (*before[i] != '\0' && !g_strv_contains ((const char * const *) after, before[i]))
      fail_case (drill, c, "%s is gone", before[i]);

  for (guint i = 0; after[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (*after[i] == '\0' || g_strv_contains ((const char * const *) before, after[i]))
        continue;
      path = g_build_filename (drill->root, after[i], NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
          const char *first = dir != NULL ? g_dir_read_name (dir) : NULL;

          /* Its files are judged on their own lines. */
          if (first == NULL)
            continue;
          if (g_str_has_suffix (after[i], "backups"))
            continue;
        }
      else if (g_str_has_suffix (after[i], ".db") && strstr (after[i], "backups" G_DIR_SEPARATOR_S) != NULL
               && is_whole_database (path))
        {
          g_test_message ("%s: a whole backup copy is left: %s", c->name, after[i]);
          continue;
        }
      fail_case (drill, c, "left behind: %s", after[i]);
    }
}

static void
run_case (Drill      *drill,
          const Case *c,
          gsize       needed)
{
  const char *dir = case_dir (drill, c);
  g_autofree char *db = g_build_filename (dir, "loadwise.db", NULL);
  g_autofree char *output = c->output != NULL ? g_build_filename (drill->out, c->output, NULL) : NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GBytes) bytes_before = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gboolean had_db;
  int status;

  reset (drill);
  for (guint i = 0; c->args[i] != NULL; i++)
    {
      const char *arg = c->args[i];

      g_ptr_array_add (args, g_strdup (g_strcmp0 (arg, "@OUT@") == 0 ? output
                                       : g_strcmp0 (arg, "@JSON@") == 0 ? drill->json
                                       : g_strcmp0 (arg, "@BACKUP@") == 0 ? drill->backup
                                       : arg));
    }
  g_ptr_array_add (args, NULL);

  had_db = g_file_test (db, G_FILE_TEST_EXISTS);
  if (had_db)
    {
      checkpoint (db);
      bytes_before = loadwise_test_read_file (db);
      rows_before = dump_rows (db);
    }
  names_before = list_tree (drill->root);

  fill (drill);
  status = run_cli (drill, TRUE, dir, (const char * const *) args->pdata, &err);
  unfill (drill);
  g_strchomp (err);
  g_test_message ("%s, %u KiB: exit %d%s%s", c->name, drill->room_kib, status,
                  *err != '\0' ? ": " : "", err);

  if (status == 0)
    {
      /* There was room after all: then it is whole. */
      if (needed > (gsize) drill->room_kib * 1024)
        fail_case (drill, c, "exit 0, but it needs %" G_GSIZE_FORMAT " bytes", needed);
      if (output != NULL && !output_is_whole (drill, c, output))
        fail_case (drill, c, "exit 0, but %s is not whole", output);
      if (c->kind == KIND_STORE)
        {
          const char *check[] = { "check", NULL };
          g_autofree char *check_err = NULL;

          if (run_cli (drill, FALSE, dir, check, &check_err) != 0)
            fail_case (drill, c, "exit 0, but check fails: %s", check_err);
        }
      return;
    }

  if (status != 1)
    fail_case (drill, c, "exit %d, not 1: %s", status, err);
  if (!names_a_reason (err))
    fail_case (drill, c, "the message gives no reason such as “%s”: %s", g_strerror (ENOSPC), err);

  /* Nothing partial, no temporary file: the same names as before. */
  names_after = list_tree (drill->root);
  check_leftovers (drill, c, names_before, names_after);

  /* The live database as it was. */
  if (had_db)
    {
      g_autoptr (GBytes) bytes_after = NULL;

      checkpoint (db);
      bytes_after = loadwise_test_read_file (db);
      if (bytes_after == NULL)
        fail_case (drill, c, "the database is gone");
      else if (!g_bytes_equal (bytes_before, bytes_after))
        {
          g_autofree char *rows_after = dump_rows (db);
          const char *check[] = { "check", NULL };
          g_autofree char *check_err = NULL;

          if (g_strcmp0 (rows_before, rows_after) != 0)
            fail_case (drill, c, "the database's rows changed");
          if (run_cli (drill, FALSE, dir, check, &check_err) != 0)
            fail_case (drill, c, "check fails: %s", check_err);
        }
    }
}

/* Set-up, with room: the live data, its backups, an older database. */
static void
prepare (Drill *drill)
{
  const char *demo[] = { "demo", NULL };
  g_autoptr (LoadwiseDatabase) old = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;

  drill->data_dir = g_build_filename (drill->root, "data", NULL);
  drill->fresh_dir = g_build_filename (drill->root, "fresh", NULL);
  drill->old_dir = g_build_filename (drill->root, "old", NULL);
  drill->out = g_build_filename (drill->root, "out", NULL);
  drill->pristine = g_build_filename (drill->tmpdir, "pristine", NULL);
  drill->old_template = g_build_filename (drill->tmpdir, "old.db", NULL);
  drill->json = g_build_filename (drill->tmpdir, "backup.json", NULL);
  drill->backup = g_build_filename (drill->tmpdir, "backup.db", NULL);

  g_assert_cmpint (g_mkdir_with_parents (drill->pristine, 0700), ==, 0);
  run_cli_ok (drill, drill->pristine, demo);
  {
    const char *json[] = { "export", "--format", "json", "--output", drill->json, NULL };
    const char *backup[] = { "backup", "--output", drill->backup, NULL };

    run_cli_ok (drill, drill->pristine, json);
    run_cli_ok (drill, drill->pristine, backup);
  }

  /* The previous schema, with a programme and sessions in it. */
  old = loadwise_database_open_at_version (drill->old_template, LOADWISE_DATABASE_SCHEMA_VERSION - 1,
                                           &error);
  g_assert_no_error (error);
  store_test_set_today (old, NULL);
  store_test_start_programme (old, &start);
  g_assert_true (loadwise_database_get_programme (old, &programme, &error));
  for (int d = 0; d <= 7; d += d == 4 ? 3 : 2)
    {
      LoadwisePrescription prescription;
      GDate date = start;

      g_date_add_days (&date, (guint) d);
      g_assert_true (loadwise_database_prescribe (old, catalogue, &programme, &date, &prescription,
                                                  &error));
      g_assert_true (loadwise_database_log_session (old, &prescription, 100, 1, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&old);
  checkpoint (drill->old_template);
}

/* What each case writes when there is room: a case that needs more than
 * the room must fail. */
static void
measure (Drill *drill,
         gsize  needed[G_N_ELEMENTS (cases)])
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];

      needed[i] = 0;
      if (c->output == NULL)
        {
          /* A whole database at least: the one imported or restored, or
           * the copy taken before a migration. */
          g_autoptr (GBytes) bytes = loadwise_test_read_file (g_strcmp0 (c->dir, "old") == 0
                                                              ? drill->old_template
                                                              : drill->backup);

          needed[i] = g_bytes_get_size (bytes);
          continue;
        }
      reset (drill);
      {
        g_autofree char *output = g_build_filename (drill->out, c->output, NULL);
        g_autoptr (GPtrArray) args = g_ptr_array_new ();
        g_autofree char *listing = NULL;

        for (guint a = 0; c->args[a] != NULL; a++)
          g_ptr_array_add (args, (gpointer) (g_strcmp0 (c->args[a], "@OUT@") == 0 ? output : c->args[a]));
        g_ptr_array_add (args, NULL);
        run_cli_ok (drill, drill->data_dir, (const char * const *) args->pdata);
        if (c->kind == KIND_FOLDER)
          {
            g_autoptr (GDir) dir = g_dir_open (output, 0, NULL);
            const char *name;

            while ((name = g_dir_read_name (dir)) != NULL)
              {
                g_autofree char *file = g_build_filename (output, name, NULL);
                g_autoptr (GBytes) bytes = loadwise_test_read_file (file);

                /* A file size limit holds each file, not the folder. */
                if (drill->mode == MODE_RLIMIT)
                  needed[i] = MAX (needed[i], g_bytes_get_size (bytes));
                else
                  needed[i] += g_bytes_get_size (bytes);
              }
          }
        else
          {
            g_autoptr (GBytes) bytes = loadwise_test_read_file (output);

            needed[i] = g_bytes_get_size (bytes);
          }
        g_test_message ("%s writes %" G_GSIZE_FORMAT " bytes", c->name, needed[i]);
      }
    }
}

/* Runs every case at every room; returns the failures (empty: none). */
static char *
run_drill (Drill *drill)
{
  gsize needed[G_N_ELEMENTS (cases)];

  drill->failures = g_string_new (NULL);
  prepare (drill);
  measure (drill, needed);
  for (guint r = 0; r < N_ROOMS; r++)
    {
      drill->room_kib = drill->mode == MODE_TMPFS ? tmpfs_room_kib[r] : rlimit_room_kib[r];
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        run_case (drill, &cases[i], needed[i]);
    }
  reset (drill);
  return g_string_free (g_steal_pointer (&drill->failures), FALSE);
}

static void
drill_clear (Drill *drill)
{
  g_free (drill->root);
  g_free (drill->data_dir);
  g_free (drill->fresh_dir);
  g_free (drill->old_dir);
  g_free (drill->out);
  g_free (drill->pristine);
  g_free (drill->old_template);
  g_free (drill->json);
  g_free (drill->backup);
}

/* The child of the tmpfs drill: its own mount namespace, so the tmpfs is
 * nobody else's and goes with it. */
static int
run_tmpfs_child (Drill *drill)
{
  g_autofree char *failures = NULL;

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_test_message ("unshare (CLONE_NEWNS): %s", g_strerror (errno));
      return CHILD_NO_MOUNT;
    }
  /* Mounts made here must not reach the parent's namespace. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0
      || mount ("loadwise-drill", drill->root, "tmpfs", MS_NOSUID | MS_NODEV,
                "size=" TMPFS_SIZE ",mode=0700") != 0)
    {
      g_test_message ("mount -t tmpfs: %s", g_strerror (errno));
      return CHILD_NO_MOUNT;
    }

  failures = run_drill (drill);
  umount2 (drill->root, MNT_DETACH);
  if (*failures != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (failures, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_test_message ("FAILED: %s", lines[i]);
      return 1;
    }
  return 0;
}

/* A real full disk: a small tmpfs in a private mount namespace, in a
 * forked child. Returns FALSE (with the reason in @out_why) when it
 * cannot be had; a failed case goes into @failures. */
static gboolean
run_tmpfs (GString  *failures,
           char    **out_why)
{
  Drill drill = { 0 };
  gboolean ran = TRUE;
  pid_t pid;
  int status = 0;

  if (geteuid () != 0)
    {
      *out_why = g_strdup ("not root, so no tmpfs can be mounted");
      return FALSE;
    }

  drill.tmpdir = loadwise_test_make_tmpdir ();
  drill.mode = MODE_TMPFS;
  drill.root = g_build_filename (drill.tmpdir, "small", NULL);
  g_assert_cmpint (g_mkdir (drill.root, 0700), ==, 0);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (run_tmpfs_child (&drill));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  if (!WIFEXITED (status))
    g_string_append_printf (failures, "the tmpfs drill's child died of signal %d\n", WTERMSIG (status));
  else if (WEXITSTATUS (status) == CHILD_NO_MOUNT)
    {
      *out_why = g_strdup ("the mount of a tmpfs in a private namespace was refused");
      ran = FALSE;
    }
  else if (WEXITSTATUS (status) != 0)
    g_string_append (failures, "the tmpfs drill failed (its cases are listed above)\n");

  g_rmdir (drill.root);
  loadwise_test_rm_rf (drill.tmpdir);
  g_free (drill.tmpdir);
  drill_clear (&drill);
  return ran;
}

/* Writes that fail on any file system: RLIMIT_FSIZE on each command. */
static gboolean
run_file_size_limit (GString  *failures,
                     char    **out_why)
{
  g_autofree char *found = NULL;
  Drill drill = { 0 };
  struct rlimit rl;

  if (getrlimit (RLIMIT_FSIZE, &rl) != 0 || rl.rlim_max < (rlim_t) rlimit_room_kib[0] * 1024)
    {
      *out_why = g_strdup ("RLIMIT_FSIZE cannot be lowered here");
      return FALSE;
    }

  drill.tmpdir = loadwise_test_make_tmpdir ();
  drill.mode = MODE_RLIMIT;
  drill.root = g_build_filename (drill.tmpdir, "root", NULL);
  g_assert_cmpint (g_mkdir (drill.root, 0700), ==, 0);
  found = run_drill (&drill);
  g_string_append (failures, found);
  loadwise_test_rm_rf (drill.tmpdir);
  g_free (drill.tmpdir);
  drill_clear (&drill);
  return TRUE;
}

/* Both ways when both work, so that every failure is listed at once. */
static void
test_disk_full (void)
{
  g_autoptr (GString) failures = g_string_new (NULL);
  g_autofree char *no_tmpfs = NULL;
  g_autofree char *no_rlimit = NULL;
  gboolean tmpfs = run_tmpfs (failures, &no_tmpfs);
  gboolean rlimit = run_file_size_limit (failures, &no_rlimit);

  if (!tmpfs)
    g_test_message ("no tmpfs drill: %s", no_tmpfs);
  if (!rlimit)
    g_test_message ("no RLIMIT_FSIZE drill: %s", no_rlimit);
  if (!tmpfs && !rlimit)
    {
      g_autofree char *why = g_strdup_printf ("no way to make writes fail here: %s; %s",
                                              no_tmpfs, no_rlimit);

      g_test_skip (why);
      return;
    }
  if (failures->len > 0)
    {
      g_auto (GStrv) lines = g_strsplit (failures->str, "\n", -1);

      /* One TAP comment a line: the reasons stay readable in the log. */
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_test_message ("FAILED: %s", lines[i]);
      g_test_fail_printf ("cases failed: they are listed above");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/integration/disk-full/drill", test_disk_full);

  return g_test_run ();
}
