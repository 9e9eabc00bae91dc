/* loadwise-database-dataset.h: the whole of a runner's data at once
 *
 * Issue 6 (backup and import) and the demo data. A LoadwiseDataset holds
 * every row of every table that carries the runner's data, described by
 * one table of column specifications, so that the JSON backup, its
 * validation and the writer agree on names, types and ranges. Reading is
 * one read transaction; writing is ONE BEGIN IMMEDIATE transaction, into
 * an empty database or, with replace, after a backup copy in DIR/backups:
 * a failure changes nothing.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* What a column holds, and how the backup writes it. */
typedef enum {
  LOADWISE_COLUMN_INT,       /* an integer within min..max */
  LOADWISE_COLUMN_BOOL,      /* 0/1 in SQL, true/false in JSON */
  LOADWISE_COLUMN_REAL,      /* a number within min..max */
  LOADWISE_COLUMN_TEXT,      /* text of at most max characters (0: any), at least min */
  LOADWISE_COLUMN_DATE,      /* YYYY-MM-DD of a date that exists */
  LOADWISE_COLUMN_TIME,      /* a UTC ISO 8601 timestamp */
  LOADWISE_COLUMN_ENUM,      /* one of choices */
  LOADWISE_COLUMN_KM,        /* metres in SQL, kilometres in JSON, min..max metres */
  LOADWISE_COLUMN_WEEKDAYS,  /* a weekday mask in SQL, "mon,wed,fri" in JSON, min..max days */
  LOADWISE_COLUMN_REASON,    /* a decision's reason as codes (loadwise_reason_parse()) */
} LoadwiseColumnKind;

/* How a table appears in the backup. */
typedef enum {
  LOADWISE_TABLE_ARRAY,   /* an array of objects */
  LOADWISE_TABLE_OBJECT,  /* one object, or null (the programme) */
  LOADWISE_TABLE_MAP,     /* an object of key -> text (the settings) */
} LoadwiseTableShape;

typedef struct {
  const char         *column;      /* in SQL */
  const char         *name;        /* in the backup */
  LoadwiseColumnKind  kind;
  gboolean            nullable;
  gint64              min;
  gint64              max;
  const char * const *choices;     /* ENUM: NULL-terminated */
  int                 references;  /* index of the table whose key this is, or -1 */
  /* TEXT that people type: 1 + the LoadwiseTextKind that
   * loadwise_text_validate() checks it as, the same check as the store's
   * writes; 0 for text Loadwise writes itself. */
  int                 typed_text;
} LoadwiseColumnSpec;

typedef struct {
  const char               *table;   /* in SQL */
  const char               *name;    /* in the backup */
  LoadwiseTableShape        shape;
  const LoadwiseColumnSpec *columns;
  guint                     n_columns;
  guint                     n_key_columns;  /* the first ones: unique together */
} LoadwiseTableSpec;

/* Every table, parents before the tables that refer to them. */
const LoadwiseTableSpec *loadwise_dataset_get_tables (guint *out_n_tables);

/* One cell: @i for INT, BOOL, KM and WEEKDAYS, @d for REAL, @s otherwise. */
typedef struct {
  gboolean  is_null;
  gint64    i;
  double    d;
  char     *s;
} LoadwiseDatasetValue;

typedef struct _LoadwiseDataset LoadwiseDataset;

LoadwiseDataset      *loadwise_dataset_new         (void);
void                  loadwise_dataset_free        (LoadwiseDataset       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseDataset, loadwise_dataset_free)

/* Appends a row of @table with every value NULL; fill it in place. */
LoadwiseDatasetValue *loadwise_dataset_add_row     (LoadwiseDataset       *self,
                                                    guint                  table);
guint                 loadwise_dataset_get_n_rows  (const LoadwiseDataset *self,
                                                    guint                  table);
/* The row's values, one per column of the table's spec. */
LoadwiseDatasetValue *loadwise_dataset_get_row     (const LoadwiseDataset *self,
                                                    guint                  table,
                                                    guint                  row);
/* The index of the table named @name in the backup ("runs"), or -1. */
int                   loadwise_dataset_find_table  (const char            *name);
/* The index of @column (SQL name) in @table's spec, or -1. */
int                   loadwise_dataset_find_column (guint                  table,
                                                    const char            *column);

/* Checks every value against its column (ranges, dates that exist,
 * choices), keys for duplicates, references for rows that exist, and the
 * rules across columns; the error (LOADWISE_ERROR_INVALID_INPUT) names
 * the place: "runs[12].pain_during: 42 is outside 0-10". */
gboolean              loadwise_dataset_validate    (const LoadwiseDataset *self,
                                                    GError               **error);

/* Every row of every table, each table ordered by its key. Strict: a
 * missing table or column, or a value of the wrong SQL type (a text in an
 * integer column), is LOADWISE_ERROR_INVALID_INPUT naming the table and
 * column; nothing is converted. */
LoadwiseDataset      *loadwise_database_read_dataset  (LoadwiseDatabase  *self,
                                                       GError           **error);
/* The rows of each table in one read, in the order of
 * loadwise_dataset_get_tables() (@out_counts holds that many). */
gboolean              loadwise_database_count_rows    (LoadwiseDatabase  *self,
                                                       guint             *out_counts,
                                                       GError           **error);
/* Whether no table holds a row. */
gboolean              loadwise_database_is_empty      (LoadwiseDatabase  *self,
                                                       gboolean          *out_empty,
                                                       GError           **error);
/* Validates @dataset, then writes it in one transaction. Without @replace
 * a database that holds anything, checked inside that transaction, is
 * refused (LOADWISE_ERROR_INVALID_INPUT); with it, the current data is
 * first copied to DIR/backups/loadwise-before-import-*.db (@out_backup_path,
 * may be NULL; the 5 newest such copies are kept) and then replaced. A
 * write by another program between the copy and the transaction makes it
 * take the copy again, so that the copy holds all that is replaced. */
gboolean              loadwise_database_write_dataset (LoadwiseDatabase  *self,
                                                       LoadwiseDataset   *dataset,
                                                       gboolean           replace,
                                                       char             **out_backup_path,
                                                       GError           **error);
/* An import into a data folder that has no database yet: the database at
 * @path is created holding @dataset, whole or not at all. It is built
 * beside @path and takes the name only once every row is in and on disk,
 * so a full disk or a kill leaves no database behind. With a database at
 * @path already, returns TRUE with *@out_created FALSE and changes
 * nothing: import into it with loadwise_database_write_dataset().
 * @clock (may be NULL) is the one the derived state is worked out by. */
gboolean              loadwise_database_create_from_dataset (const char       *path,
                                                             LoadwiseDataset  *dataset,
                                                             LoadwiseClock    *clock,
                                                             gboolean         *out_created,
                                                             GError          **error);

G_END_DECLS
