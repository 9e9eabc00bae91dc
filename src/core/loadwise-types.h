/* loadwise-types.h: small value types shared by every layer
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pain is always a whole number on the 0-10 numeric rating scale. */
#define LOADWISE_PAIN_MIN 0
#define LOADWISE_PAIN_MAX 10

typedef enum {
  LOADWISE_FAMILY_BRIDGE,
  LOADWISE_FAMILY_SINGLE_LEG,
  LOADWISE_FAMILY_LATERAL,
} LoadwiseFamily;

#define LOADWISE_N_FAMILIES 3

/* Stable identifiers used in files, the database and JSON: "bridge",
 * "single-leg", "lateral". */
const char *loadwise_family_to_string   (LoadwiseFamily  family);
gboolean    loadwise_family_from_string (const char     *text,
                                         LoadwiseFamily *out_family);
/* Translated, for people: "Bridge", "Single-leg", "Lateral". */
const char *loadwise_family_get_label   (LoadwiseFamily  family);

/* How an exercise's sets relate to the body's sides. */
typedef enum {
  LOADWISE_SIDE_MODE_NONE,          /* both legs at once: one log per set */
  LOADWISE_SIDE_MODE_PER_SIDE,      /* each side is its own set: left and right logged */
  LOADWISE_SIDE_MODE_PER_DIRECTION, /* one set covers both directions: one log per set */
} LoadwiseSideMode;

const char *loadwise_side_mode_to_string   (LoadwiseSideMode  mode);
gboolean    loadwise_side_mode_from_string (const char       *text,
                                            LoadwiseSideMode *out_mode);

typedef enum {
  LOADWISE_SIDE_NONE,
  LOADWISE_SIDE_LEFT,
  LOADWISE_SIDE_RIGHT,
  LOADWISE_SIDE_BOTH,
} LoadwiseSide;

/* "none", "left", "right", "both" */
const char *loadwise_side_to_string   (LoadwiseSide  side);
gboolean    loadwise_side_from_string (const char   *text,
                                       LoadwiseSide *out_side);
/* Translated: "Left", "Right", "Both"; "" for none. */
const char *loadwise_side_get_label   (LoadwiseSide  side);

/* Training days as a bit mask, bit 0 Monday ... bit 6 Sunday, so that
 * LOADWISE_WEEKDAY_BIT (g_date_get_weekday (d)) tests a date. */
#define LOADWISE_WEEKDAY_BIT(gdate_weekday) ((guint8) (1u << ((gdate_weekday) - 1)))
#define LOADWISE_WEEKDAYS_ALL ((guint8) 0x7f)

/* "mon" ... "sun" for G_DATE_MONDAY ... G_DATE_SUNDAY. */
const char *loadwise_weekday_to_string   (GDateWeekday  weekday);
gboolean    loadwise_weekday_from_string (const char   *text,
                                          GDateWeekday *out_weekday);

/* "mon,wed,fri" (always Monday first); the mask must be non-zero.
 * Returns a newly allocated string. */
char       *loadwise_weekdays_to_string (guint8 mask);
guint       loadwise_weekdays_count     (guint8 mask);
/* The same days as the runner reads them: "Mon, Wed, Fri" in English,
 * "Mo, Mi, Fr" in German (the locale's abbreviated names). */
char       *loadwise_weekdays_to_display (guint8 mask);

/* Calendar dates are GDate values (no time zone); these convert at the edges. */
/* YYYY-MM-DD, newly allocated. */
char       *loadwise_date_to_iso        (const GDate *date);
/* A date in a sentence or a toast, in the runner's language: "2 December
 * 2026", "2. Dezember 2026". ISO dates are for files and the CLI. */
char       *loadwise_date_format        (const GDate *date);
/* A day of the programme's calendar: "Wednesday 25 November". */
char       *loadwise_date_format_day    (const GDate *date);
/* The local calendar date of @datetime in its own time zone. */
void        loadwise_date_from_datetime (GDateTime   *datetime,
                                         GDate       *out_date);

G_END_DECLS
