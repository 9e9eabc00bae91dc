/* loadwise-database-charts.h: the aggregates that charts, exports and the
 * clinician report read
 *
 * Aggregation happens in SQL, over a date range, so that the cost follows
 * the range shown and not the length of the history.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* One value on one calendar day. */
typedef struct {
  GDate  date;
  double value;
} LoadwiseDatedValue;

/* The worst exercise pain of each session with from <= date <= to, by
 * date: the pain-monitoring model watches the highest rating (Silbernagel
 * 2007, PROGRAMME.md). */
GArray     *loadwise_database_list_session_pain   (LoadwiseDatabase  *self,
                                                   const GDate       *from,
                                                   const GDate       *to,
                                                   GError           **error);
/* The number of set logs marked done on each day with from <= date <= to. */
GArray     *loadwise_database_list_done_set_counts (LoadwiseDatabase *self,
                                                   const GDate       *from,
                                                   const GDate       *to,
                                                   GError           **error);
/* The session rows with from <= date <= to as LoadwiseSessionRecord (the
 * strings NULL: only dates and statuses), by date. */
GArray     *loadwise_database_list_session_statuses (LoadwiseDatabase *self,
                                                   const GDate       *from,
                                                   const GDate       *to,
                                                   GError           **error);
/* The first day with anything logged (a check-in or a session);
 * @out_found FALSE on an empty database. */
gboolean    loadwise_database_get_first_logged_date (LoadwiseDatabase *self,
                                                   GDate             *out_date,
                                                   gboolean          *out_found,
                                                   GError           **error);

/* Every table, for exports that carry all the data */

/* The names of the runner's tables, sorted. */
GStrv       loadwise_database_list_tables         (LoadwiseDatabase  *self,
                                                   GError           **error);

/* Called once per row; @values[i] is NULL for SQL NULL, numbers as text. */
typedef gboolean (*LoadwiseDatabaseRowFunc) (const char * const *columns,
                                             const char * const *values,
                                             guint               n_columns,
                                             gpointer            user_data,
                                             GError            **error);

/* Calls @func for every row of @table (one of list_tables()) in primary
 * key order, after calling it once with @values NULL so the caller learns
 * the columns even of an empty table. Stops at the first FALSE. */
gboolean    loadwise_database_foreach_row         (LoadwiseDatabase        *self,
                                                   const char              *table,
                                                   LoadwiseDatabaseRowFunc  func,
                                                   gpointer                 user_data,
                                                   GError                 **error);

G_END_DECLS
