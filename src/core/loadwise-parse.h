/* loadwise-parse.h: strict parsing and range checks for what people type
 *
 * Every function names the field in its error and says the allowed range,
 * and writes to its output only on success.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Error (LOADWISE_ERROR_INVALID_INPUT) "FIELD: VALUE is outside MIN-MAX"
 * when @value is outside [@min, @max]. */
gboolean loadwise_check_range    (const char  *field,
                                  gint64       value,
                                  gint64       min,
                                  gint64       max,
                                  GError     **error);

/* A whole decimal number, nothing else (no sign unless @min < 0, no spaces,
 * no trailing characters), within [@min, @max]. */
gboolean loadwise_parse_int      (const char  *field,
                                  const char  *text,
                                  gint64       min,
                                  gint64       max,
                                  gint64      *out_value,
                                  GError     **error);

/* A decimal number such as "8.4" within [@min, @max]; @min_exclusive makes
 * the lower bound exclusive (a distance must be more than 0). */
gboolean loadwise_parse_double   (const char  *field,
                                  const char  *text,
                                  double       min,
                                  gboolean     min_exclusive,
                                  double       max,
                                  double      *out_value,
                                  GError     **error);

/* As loadwise_parse_double(), as the app reads what a runner types: the
 * locale's decimal mark ("8,4" in German) or a point, and the range in the
 * error written with the locale's mark. The CLI keeps the point alone, for
 * scripts. */
gboolean loadwise_parse_double_local (const char  *field,
                                      const char  *text,
                                      double       min,
                                      gboolean     min_exclusive,
                                      double       max,
                                      double      *out_value,
                                      GError     **error);

/* LC_NUMERIC's decimal mark: "," in German, "." in English. */
const char *loadwise_decimal_mark     (void);
/* @c_number ("8.4", as the C locale writes it) with @mark in place of its
 * point, newly allocated; loadwise_localize_number() uses the locale's. */
char       *loadwise_number_with_mark (const char  *c_number,
                                       const char  *mark);
char       *loadwise_localize_number  (const char  *c_number);

/* YYYY-MM-DD of a date that exists (no 2026-02-30). */
gboolean loadwise_parse_date     (const char  *field,
                                  const char  *text,
                                  GDate       *out_date,
                                  GError     **error);

/* How a message writes a date: YYYY-MM-DD for scripts and the CLI, or the
 * locale's own way ("4 December 2026") for the app. */
typedef enum {
  LOADWISE_DATE_STYLE_ISO,
  LOADWISE_DATE_STYLE_LOCALE,
} LoadwiseDateStyle;

/* What has been done can only have been done by @today: a log dated after
 * it is a typo, and would count in baselines and weekly decisions before
 * its day ("--date: 2027-01-01 is in the future (today is 2026-11-26)"). */
gboolean loadwise_check_not_future (const char        *field,
                                    const GDate       *date,
                                    const GDate       *today,
                                    LoadwiseDateStyle  style,
                                    GError           **error);

/* "mon,wed,fri" (three-letter English names, any order, no repeats) into a
 * weekday mask; between @min_days and @max_days days. */
gboolean loadwise_parse_weekdays (const char  *field,
                                  const char  *text,
                                  guint        min_days,
                                  guint        max_days,
                                  guint8      *out_mask,
                                  GError     **error);

/* "MM:SS" or "H:MM:SS" into seconds, more than 0 and at most 24 hours. */
gboolean loadwise_parse_duration (const char  *field,
                                  const char  *text,
                                  guint       *out_seconds,
                                  GError     **error);

/* "HH:MM", 00:00-23:59, into minutes after midnight. */
gboolean loadwise_parse_time_of_day (const char  *field,
                                     const char  *text,
                                     guint       *out_minutes,
                                     GError     **error);

G_END_DECLS
