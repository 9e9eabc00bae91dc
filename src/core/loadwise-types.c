/* loadwise-types.c: small value types shared by every layer
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "core/loadwise-types.h"

/* Stable ids: written to files, the database and JSON; never translated. */
static const char * const family_ids[LOADWISE_N_FAMILIES] = {
  [LOADWISE_FAMILY_BRIDGE] = "bridge",
  [LOADWISE_FAMILY_SINGLE_LEG] = "single-leg",
  [LOADWISE_FAMILY_LATERAL] = "lateral",
};

static const char * const side_mode_ids[] = {
  [LOADWISE_SIDE_MODE_NONE] = "none",
  [LOADWISE_SIDE_MODE_PER_SIDE] = "per-side",
  [LOADWISE_SIDE_MODE_PER_DIRECTION] = "per-direction",
};

static const char * const side_ids[] = {
  [LOADWISE_SIDE_NONE] = "none",
  [LOADWISE_SIDE_LEFT] = "left",
  [LOADWISE_SIDE_RIGHT] = "right",
  [LOADWISE_SIDE_BOTH] = "both",
};

/* Monday first, as GDateWeekday counts (G_DATE_MONDAY == 1). */
static const char * const weekday_ids[7] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static gboolean
lookup_id (const char * const *ids,
           guint               n_ids,
           const char         *text,
           guint              *out_index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_strcmp0 (ids[i], text) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
loadwise_family_to_string (LoadwiseFamily family)
{
  g_return_val_if_fail ((guint) family < LOADWISE_N_FAMILIES, NULL);

  return family_ids[family];
}

gboolean
loadwise_family_from_string (const char     *text,
                             LoadwiseFamily *out_family)
{
  guint index;

  g_return_val_if_fail (out_family != NULL, FALSE);

  if (!lookup_id (family_ids, G_N_ELEMENTS (family_ids), text, &index))
    return FALSE;

  *out_family = (LoadwiseFamily) index;
  return TRUE;
}

const char *
loadwise_family_get_label (LoadwiseFamily family)
{
  switch (family)
    {
    case LOADWISE_FAMILY_BRIDGE:
      return _("Bridge");
    case LOADWISE_FAMILY_SINGLE_LEG:
      return _("Single-leg");
    case LOADWISE_FAMILY_LATERAL:
      return _("Lateral");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
loadwise_side_mode_to_string (LoadwiseSideMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (side_mode_ids), NULL);

  return side_mode_ids[mode];
}

gboolean
loadwise_side_mode_from_string (const char       *text,
                                LoadwiseSideMode *out_mode)
{
  guint index;

  g_return_val_if_fail (out_mode != NULL, FALSE);

  if (!lookup_id (side_mode_ids, G_N_ELEMENTS (side_mode_ids), text, &index))
    return FALSE;

  *out_mode = (LoadwiseSideMode) index;
  return TRUE;
}

const char *
loadwise_side_to_string (LoadwiseSide side)
{
  g_return_val_if_fail ((guint) side < G_N_ELEMENTS (side_ids), NULL);

  return side_ids[side];
}

gboolean
loadwise_side_from_string (const char   *text,
                           LoadwiseSide *out_side)
{
  guint index;

  g_return_val_if_fail (out_side != NULL, FALSE);

  if (!lookup_id (side_ids, G_N_ELEMENTS (side_ids), text, &index))
    return FALSE;

  *out_side = (LoadwiseSide) index;
  return TRUE;
}

const char *
loadwise_side_get_label (LoadwiseSide side)
{
  switch (side)
    {
    case LOADWISE_SIDE_NONE:
      return "";
    case LOADWISE_SIDE_LEFT:
      return _("Left");
    case LOADWISE_SIDE_RIGHT:
      return _("Right");
    case LOADWISE_SIDE_BOTH:
      return _("Both");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
loadwise_weekday_to_string (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);

  return weekday_ids[weekday - 1];
}

gboolean
loadwise_weekday_from_string (const char   *text,
                              GDateWeekday *out_weekday)
{
  guint index;

  g_return_val_if_fail (out_weekday != NULL, FALSE);

  if (!lookup_id (weekday_ids, G_N_ELEMENTS (weekday_ids), text, &index))
    return FALSE;

  *out_weekday = (GDateWeekday) (index + 1);
  return TRUE;
}

char *
loadwise_weekdays_to_string (guint8 mask)
{
  GString *text;

  g_return_val_if_fail ((mask & LOADWISE_WEEKDAYS_ALL) != 0, NULL);
  g_return_val_if_fail ((mask & ~LOADWISE_WEEKDAYS_ALL) == 0, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < 7; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append (text, weekday_ids[i]);
    }

  return g_string_free (text, FALSE);
}

guint
loadwise_weekdays_count (guint8 mask)
{
  guint count = 0;

  for (guint i = 0; i < 7; i++)
    if (mask & (1u << i))
      count++;

  return count;
}

char *
loadwise_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* g_date_strftime() with a translated @format; ISO if the result does not
 * fit, which no real format reaches. */
static char *
format_date_with (const GDate *date,
                  const char  *format)
{
  char buffer[256];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return loadwise_date_to_iso (date);
  return g_strdup (buffer);
}

char *
loadwise_date_format (const GDate *date)
{
  /* Translators: a date in a sentence, e.g. "2 December 2026"; see
   * strftime(3) ("%-d" is the day without a leading zero). */
  return format_date_with (date, C_("date", "%-d %B %Y"));
}

char *
loadwise_date_format_day (const GDate *date)
{
  /* Translators: a date as g_date_strftime() writes it, e.g. "Wednesday 25 November". */
  return format_date_with (date, _("%A %-d %B"));
}

char *
loadwise_weekdays_to_display (guint8 mask)
{
  GString *text = g_string_new (NULL);
  /* 1 January 2024 was a Monday: its week gives the seven names. */
  GDate day;

  g_return_val_if_fail (mask != 0, NULL);

  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < 7; i++, g_date_add_days (&day, 1))
    if (mask & (1u << i))
      {
        char name[64];

        if (g_date_strftime (name, sizeof name, "%a", &day) == 0)
          g_strlcpy (name, "?", sizeof name);
        if (text->len > 0)
          /* Translators: between the day names of "Mon, Wed, Fri". */
          g_string_append (text, _(", "));
        g_string_append (text, name);
      }
  return g_string_free (text, FALSE);
}

void
loadwise_date_from_datetime (GDateTime *datetime,
                             GDate     *out_date)
{
  int year, month, day;

  g_return_if_fail (datetime != NULL);
  g_return_if_fail (out_date != NULL);

  /* g_date_time_get_ymd () answers in the datetime's own zone, which is
   * what "today" means for the person holding that clock. */
  g_date_time_get_ymd (datetime, &year, &month, &day);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
