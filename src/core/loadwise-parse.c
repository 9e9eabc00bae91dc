/* loadwise-parse.c: strict parsing and range checks for what people type
 *
 * Everything here refuses rather than guesses: a value with trailing junk,
 * a leading space, an exponent or a date that does not exist is an error
 * that names the field and the allowed range (DESIGN.md, "Errors and bad
 * input"). Outputs are written only on success.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

#define ALL_WEEKDAYS_TEXT "mon,tue,wed,thu,fri,sat,sun"

/* Years a GDate and the ISO form both handle without surprises. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999

#define SECONDS_PER_DAY (24 * 60 * 60)

/* What the person typed, safe to put in a message: valid UTF-8, not huge. */
static char *
echo_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);
      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

/* @mark is the decimal mark to show: "." for the CLI, the locale's for
 * the app. */
static char *
format_double (double      value,
               const char *mark)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return loadwise_number_with_mark (g_ascii_formatd (buffer, sizeof buffer, "%g", value), mark);
}

const char *
loadwise_decimal_mark (void)
{
  const char *mark = localeconv ()->decimal_point;

  /* A locale without one (none we know of) reads and writes a point. */
  return mark != NULL && *mark != '\0' ? mark : ".";
}

char *
loadwise_number_with_mark (const char *c_number,
                           const char *mark)
{
  const char *point;

  g_return_val_if_fail (c_number != NULL && mark != NULL, NULL);

  point = strchr (c_number, '.');
  if (point == NULL || g_str_equal (mark, "."))
    return g_strdup (c_number);
  return g_strdup_printf ("%.*s%s%s", (int) (point - c_number), c_number, mark, point + 1);
}

char *
loadwise_localize_number (const char *c_number)
{
  return loadwise_number_with_mark (c_number, loadwise_decimal_mark ());
}

static gboolean
is_digit_run (const char *start,
              const char *end)
{
  if (start == end)
    return FALSE;

  for (const char *p = start; p < end; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Value of exactly @n_digits ASCII digits at @p, or -1. */
static int
fixed_digits (const char *p,
              guint       n_digits)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }

  return value;
}

gboolean
loadwise_check_range (const char  *field,
                      gint64       value,
                      gint64       min,
                      gint64       max,
                      GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value < min || value > max)
    {
      g_autofree char *value_text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: "FIELD: VALUE is outside MIN-MAX", e.g.
       * "--morning-pain: 11 is outside 0-10". */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside %s-%s"),
                   field, value_text, min_text, max_text);
      return FALSE;
    }

  return TRUE;
}

gboolean
loadwise_parse_int (const char  *field,
                    const char  *text,
                    gint64       min,
                    gint64       max,
                    gint64      *out_value,
                    GError     **error)
{
  const char *digits;
  gint64 value;
  gboolean overflow;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: no value given (use a whole number %s-%s)"),
                   field, min_text, max_text);
      return FALSE;
    }

  /* Syntax first: an optional minus and digits, nothing else. A minus is
   * accepted by the syntax so that "-3" for a 0-10 field gets the clearer
   * "outside 0-10" message; the range check then refuses it. */
  digits = text[0] == '-' ? text + 1 : text;
  if (!is_digit_run (digits, digits + strlen (digits)))
    {
      g_autofree char *echo = echo_text (text);
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is not a whole number (use %s-%s)"),
                   field, echo, min_text, max_text);
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtoll (text, NULL, 10);
  /* A minus on a field that cannot be negative is refused here too,
   * so "-0" is not quietly read as 0. */
  overflow = errno == ERANGE || (text[0] == '-' && min >= 0);

  if (overflow || value < min || value > max)
    {
      g_autofree char *echo = echo_text (text);
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside %s-%s"),
                   field, echo, min_text, max_text);
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

static void
set_double_range_error (const char  *field,
                        const char  *text,
                        double       min,
                        gboolean     min_exclusive,
                        double       max,
                        const char  *mark,
                        GError     **error)
{
  g_autofree char *echo = echo_text (text);
  g_autofree char *min_text = format_double (min, mark);
  g_autofree char *max_text = format_double (max, mark);

  if (min_exclusive)
    /* Translators: "--distance-km: -3 is outside 0-400 (more than 0)" */
    g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                 _("%s: %s is outside %s-%s (more than %s)"),
                 field, echo, min_text, max_text, min_text);
  else
    g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                 _("%s: %s is outside %s-%s"),
                 field, echo, min_text, max_text);
}

/* The one parser behind both forms: @mark is the decimal mark the person
 * uses ("." in the CLI, the locale's in the app). A point is read in the
 * app too, where the locale's mark is another: a German runner who types
 * "8.4" means 8,4, and no run or pain figure has a thousands separator
 * that the point could be. */
static gboolean
parse_double (const char  *field,
              const char  *text,
              double       min,
              gboolean     min_exclusive,
              double       max,
              const char  *mark,
              double      *out_value,
              GError     **error)
{
  g_autofree char *c_text = NULL;
  const char *p;
  const char *dot;
  double value;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (isfinite (min) && isfinite (max) && min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_autofree char *min_text = format_double (min, mark);
      g_autofree char *max_text = format_double (max, mark);

      if (min_exclusive)
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("%s: no value given (use a number %s-%s, more than %s)"),
                     field, min_text, max_text, min_text);
      else
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("%s: no value given (use a number %s-%s)"),
                     field, min_text, max_text);
      return FALSE;
    }

  /* The locale's mark becomes a point, once; a second mark, or a point
   * beside it, is then not a number. */
  c_text = g_strdup (text);
  if (!g_str_equal (mark, "."))
    {
      char *found = strstr (c_text, mark);

      if (found != NULL && strchr (c_text, '.') == NULL)
        {
          g_autofree char *head = g_strndup (c_text, found - c_text);
          char *with_point = g_strconcat (head, ".", found + strlen (mark), NULL);

          g_free (c_text);
          c_text = with_point;
        }
    }

  /* -?DIGITS(.DIGITS)? and nothing else: no exponent, no "inf" or "nan",
   * no spaces, no grouping. */
  p = c_text[0] == '-' ? c_text + 1 : c_text;
  dot = strchr (p, '.');
  if (dot == NULL ? !is_digit_run (p, p + strlen (p))
                  : !is_digit_run (p, dot) || !is_digit_run (dot + 1, dot + 1 + strlen (dot + 1)))
    {
      g_autofree char *echo = echo_text (text);
      g_autofree char *min_text = format_double (min, mark);
      g_autofree char *max_text = format_double (max, mark);

      if (min_exclusive)
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("%s: %s is not a number (use %s-%s, more than %s)"),
                     field, echo, min_text, max_text, min_text);
      else
        g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                     _("%s: %s is not a number (use %s-%s)"),
                     field, echo, min_text, max_text);
      return FALSE;
    }

  value = g_ascii_strtod (c_text, NULL);
  if ((c_text[0] == '-' && min >= 0) || !isfinite (value) ||
      value < min || value > max || (min_exclusive && value <= min))
    {
      set_double_range_error (field, text, min, min_exclusive, max, mark, error);
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

gboolean
loadwise_parse_double (const char  *field,
                       const char  *text,
                       double       min,
                       gboolean     min_exclusive,
                       double       max,
                       double      *out_value,
                       GError     **error)
{
  return parse_double (field, text, min, min_exclusive, max, ".", out_value, error);
}

gboolean
loadwise_parse_double_local (const char  *field,
                             const char  *text,
                             double       min,
                             gboolean     min_exclusive,
                             double       max,
                             double      *out_value,
                             GError     **error)
{
  return parse_double (field, text, min, min_exclusive, max, loadwise_decimal_mark (),
                       out_value, error);
}

gboolean
loadwise_parse_date (const char  *field,
                     const char  *text,
                     GDate       *out_date,
                     GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: no date given (use YYYY-MM-DD)"), field);
      return FALSE;
    }

  year = strlen (text) == 10 ? fixed_digits (text, 4) : -1;
  month = year >= 0 && text[4] == '-' ? fixed_digits (text + 5, 2) : -1;
  day = month >= 0 && text[7] == '-' ? fixed_digits (text + 8, 2) : -1;

  if (day < 0
      || !(year >= 1 && year <= G_MAXUINT16)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_autofree char *echo = echo_text (text);

      /* Translators: "--date: 2026-02-30 is not a date (use YYYY-MM-DD)" */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is not a date (use YYYY-MM-DD)"), field, echo);
      return FALSE;
    }

  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: year %d is outside %d-%d"),
                   field, year, DATE_YEAR_MIN, DATE_YEAR_MAX);
      return FALSE;
    }

  if (out_date != NULL)
    {
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

gboolean
loadwise_check_not_future (const char        *field,
                           const GDate       *date,
                           const GDate       *today,
                           LoadwiseDateStyle  style,
                           GError           **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *today_text = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (g_date_compare (date, today) <= 0)
    return TRUE;

  date_text = style == LOADWISE_DATE_STYLE_LOCALE ? loadwise_date_format (date) : loadwise_date_to_iso (date);
  today_text = style == LOADWISE_DATE_STYLE_LOCALE ? loadwise_date_format (today) : loadwise_date_to_iso (today);
  /* Translators: "--date: 2027-01-01 is in the future (today is 2026-11-26)",
   * or in the app "Date: 4 December 2026 is in the future (today is 3 December 2026)" */
  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
               _("%s: %s is in the future (today is %s)"), field, date_text, today_text);
  return FALSE;
}

static void
set_weekday_count_error (const char  *field,
                         guint        min_days,
                         guint        max_days,
                         GError     **error)
{
  if (min_days == max_days)
    /* Translators: the last %s is "mon,tue,wed,thu,fri,sat,sun" */
    g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                 g_dngettext (GETTEXT_PACKAGE, "%s: choose %u day from %s",
                              "%s: choose %u days from %s", min_days),
                 field, min_days, ALL_WEEKDAYS_TEXT);
  else
    /* Translators: "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" */
    g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                 _("%s: choose %u to %u days from %s"),
                 field, min_days, max_days, ALL_WEEKDAYS_TEXT);
}

gboolean
loadwise_parse_weekdays (const char  *field,
                         const char  *text,
                         guint        min_days,
                         guint        max_days,
                         guint8      *out_mask,
                         GError     **error)
{
  g_auto (GStrv) names = NULL;
  guint8 mask = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (min_days <= max_days && max_days <= 7, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      set_weekday_count_error (field, min_days, max_days, error);
      return FALSE;
    }

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (names[i], -1);
      GDateWeekday weekday;
      guint8 bit;

      if (!loadwise_weekday_from_string (lower, &weekday))
        {
          g_autofree char *echo = echo_text (names[i][0] != '\0' ? names[i] : text);

          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                       _("%s: %s is not a day (use %s, separated by commas)"),
                       field, echo, ALL_WEEKDAYS_TEXT);
          return FALSE;
        }

      bit = LOADWISE_WEEKDAY_BIT (weekday);
      if (mask & bit)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                       _("%s: %s is listed more than once"),
                       field, loadwise_weekday_to_string (weekday));
          return FALSE;
        }
      mask |= bit;
    }

  if (loadwise_weekdays_count (mask) < min_days || loadwise_weekdays_count (mask) > max_days)
    {
      set_weekday_count_error (field, min_days, max_days, error);
      return FALSE;
    }

  if (out_mask != NULL)
    *out_mask = mask;
  return TRUE;
}

gboolean
loadwise_parse_duration (const char  *field,
                         const char  *text,
                         guint       *out_seconds,
                         GError     **error)
{
  g_auto (GStrv) parts = NULL;
  guint n_parts;
  gint64 total = -1;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: no duration given (use MM:SS or H:MM:SS)"), field);
      return FALSE;
    }

  parts = g_strsplit (text, ":", -1);
  n_parts = g_strv_length (parts);

  /* MM:SS takes any whole minutes ("95:00"); H:MM:SS wants two-digit
   * minutes and seconds below 60. Seconds are always two digits. */
  if (n_parts == 2
      && strlen (parts[0]) >= 1 && strlen (parts[0]) <= 4
      && is_digit_run (parts[0], parts[0] + strlen (parts[0]))
      && strlen (parts[1]) == 2 && fixed_digits (parts[1], 2) >= 0
      && fixed_digits (parts[1], 2) < 60)
    {
      total = (gint64) atoi (parts[0]) * 60 + fixed_digits (parts[1], 2);
    }
  else if (n_parts == 3
           && strlen (parts[0]) >= 1 && strlen (parts[0]) <= 2
           && is_digit_run (parts[0], parts[0] + strlen (parts[0]))
           && strlen (parts[1]) == 2 && fixed_digits (parts[1], 2) >= 0
           && fixed_digits (parts[1], 2) < 60
           && strlen (parts[2]) == 2 && fixed_digits (parts[2], 2) >= 0
           && fixed_digits (parts[2], 2) < 60)
    {
      total = (gint64) atoi (parts[0]) * 3600
              + fixed_digits (parts[1], 2) * 60
              + fixed_digits (parts[2], 2);
    }

  if (total < 0)
    {
      g_autofree char *echo = echo_text (text);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is not a duration (use MM:SS or H:MM:SS)"), field, echo);
      return FALSE;
    }

  if (total <= 0 || total > SECONDS_PER_DAY)
    {
      g_autofree char *echo = echo_text (text);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside 0:00:01-24:00:00"), field, echo);
      return FALSE;
    }

  if (out_seconds != NULL)
    *out_seconds = (guint) total;
  return TRUE;
}

gboolean
loadwise_parse_time_of_day (const char  *field,
                            const char  *text,
                            guint       *out_minutes,
                            GError     **error)
{
  int hours = -1, minutes = -1;
  gsize length;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: no time given (use HH:MM, 00:00-23:59)"), field);
      return FALSE;
    }

  /* "H:MM" or "HH:MM". */
  length = strlen (text);
  if (length == 5 && text[2] == ':')
    {
      hours = fixed_digits (text, 2);
      minutes = fixed_digits (text + 3, 2);
    }
  else if (length == 4 && text[1] == ':')
    {
      hours = fixed_digits (text, 1);
      minutes = fixed_digits (text + 2, 2);
    }

  if (hours < 0 || minutes < 0)
    {
      g_autofree char *echo = echo_text (text);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is not a time (use HH:MM, 00:00-23:59)"), field, echo);
      return FALSE;
    }

  if (hours > 23 || minutes > 59)
    {
      g_autofree char *echo = echo_text (text);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside 00:00-23:59"), field, echo);
      return FALSE;
    }

  if (out_minutes != NULL)
    *out_minutes = (guint) (hours * 60 + minutes);
  return TRUE;
}
