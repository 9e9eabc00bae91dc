/* store-test-util.h: fixtures and raw SQLite look-ups for the store tests
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "store/loadwise-sqlite-private.h"

G_BEGIN_DECLS

/* A temporary data folder with an open database at DIR/loadwise.db. */
typedef struct {
  char             *dir;
  char             *path;
  LoadwiseDatabase *db;
} StoreFixture;

void     store_fixture_setup          (StoreFixture  *fixture,
                                       gconstpointer  data);
/* The folder and path only; no database opened. */
void     store_fixture_setup_empty    (StoreFixture  *fixture,
                                       gconstpointer  data);
void     store_fixture_teardown       (StoreFixture  *fixture,
                                       gconstpointer  data);

/* The single integer that @sql returns on @db. */
gint64   store_test_query_int         (sqlite3       *db,
                                       const char    *sql);
/* The same through a separate read-only connection to @path. */
gint64   store_test_file_query_int    (const char    *path,
                                       const char    *sql);
/* Runs @sql through a separate read-write connection to @path (no WAL
 * switch, no pragmas): a foreign writer. */
void     store_test_file_exec         (const char    *path,
                                       const char    *sql);
/* @size bytes from a fixed seed, so runs repeat. */
void     store_test_write_random_file (const char    *path,
                                       gsize          size,
                                       guint32        seed);
/* Permission bits of @path. */
guint    store_test_file_mode         (const char    *path);

/* An 8-week programme from @start, Mon/Wed/Fri, thresholds 3 and 5, all
 * families at level 1. */
void     store_test_start_programme   (LoadwiseDatabase *db,
                                       const GDate      *start);
/* A fixed clock on @db at noon on @today (NULL: 2026-01-01, before the
 * tests' programmes start, so that nothing is derived until a test moves
 * the clock on). */
void     store_test_set_today         (LoadwiseDatabase *db,
                                       const GDate      *today);
/* Saves @date's morning check-in: @pain on the left side, no side at 0. */
void     store_test_checkin           (LoadwiseDatabase *db,
                                       const GDate      *date,
                                       guint             pain);
/* Logs @date's session as prescribed that day (it must be a session day)
 * with @percent of it done and @pain during, as `log-session` does. */
void     store_test_log_session       (LoadwiseDatabase        *db,
                                       const LoadwiseCatalogue *catalogue,
                                       const GDate             *date,
                                       guint                    percent,
                                       guint                    pain);

G_END_DECLS
