/* test-types.c: stable ids, labels, weekday masks, dates
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "core/loadwise-types.h"
#include "loadwise-test-util.h"

static void
test_family (void)
{
  static const struct { LoadwiseFamily family; const char *id; const char *label; } cases[] = {
    { LOADWISE_FAMILY_BRIDGE, "bridge", "Bridge" },
    { LOADWISE_FAMILY_SINGLE_LEG, "single-leg", "Single-leg" },
    { LOADWISE_FAMILY_LATERAL, "lateral", "Lateral" },
  };
  LoadwiseFamily family = LOADWISE_FAMILY_LATERAL;

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == LOADWISE_N_FAMILIES);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseFamily parsed = (LoadwiseFamily) 99;

      g_assert_cmpstr (loadwise_family_to_string (cases[i].family), ==, cases[i].id);
      g_assert_cmpstr (loadwise_family_get_label (cases[i].family), ==, cases[i].label);
      g_assert_true (loadwise_family_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].family);
    }

  g_assert_false (loadwise_family_from_string ("Bridge", &family));
  g_assert_false (loadwise_family_from_string ("", &family));
  g_assert_false (loadwise_family_from_string ("bridge ", &family));
  g_assert_false (loadwise_family_from_string (NULL, &family));
  g_assert_cmpint (family, ==, LOADWISE_FAMILY_LATERAL);
}

static void
test_side_mode (void)
{
  static const struct { LoadwiseSideMode mode; const char *id; } cases[] = {
    { LOADWISE_SIDE_MODE_NONE, "none" },
    { LOADWISE_SIDE_MODE_PER_SIDE, "per-side" },
    { LOADWISE_SIDE_MODE_PER_DIRECTION, "per-direction" },
  };
  LoadwiseSideMode mode = LOADWISE_SIDE_MODE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseSideMode parsed = (LoadwiseSideMode) 99;

      g_assert_cmpstr (loadwise_side_mode_to_string (cases[i].mode), ==, cases[i].id);
      g_assert_true (loadwise_side_mode_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].mode);
    }

  g_assert_false (loadwise_side_mode_from_string ("per_side", &mode));
  g_assert_false (loadwise_side_mode_from_string ("both", &mode));
  g_assert_cmpint (mode, ==, LOADWISE_SIDE_MODE_NONE);
}

static void
test_side (void)
{
  static const struct { LoadwiseSide side; const char *id; const char *label; } cases[] = {
    { LOADWISE_SIDE_NONE, "none", "" },
    { LOADWISE_SIDE_LEFT, "left", "Left" },
    { LOADWISE_SIDE_RIGHT, "right", "Right" },
    { LOADWISE_SIDE_BOTH, "both", "Both" },
  };
  LoadwiseSide side = LOADWISE_SIDE_BOTH;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseSide parsed = (LoadwiseSide) 99;

      g_assert_cmpstr (loadwise_side_to_string (cases[i].side), ==, cases[i].id);
      g_assert_cmpstr (loadwise_side_get_label (cases[i].side), ==, cases[i].label);
      g_assert_true (loadwise_side_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].side);
    }

  g_assert_false (loadwise_side_from_string ("LEFT", &side));
  g_assert_false (loadwise_side_from_string ("l", &side));
  g_assert_cmpint (side, ==, LOADWISE_SIDE_BOTH);
}

static void
test_weekday_names (void)
{
  static const char * const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  GDateWeekday weekday = G_DATE_BAD_WEEKDAY;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GDateWeekday parsed = G_DATE_BAD_WEEKDAY;

      g_assert_cmpstr (loadwise_weekday_to_string ((GDateWeekday) (i + 1)), ==, names[i]);
      g_assert_true (loadwise_weekday_from_string (names[i], &parsed));
      g_assert_cmpint (parsed, ==, i + 1);
    }

  g_assert_false (loadwise_weekday_from_string ("monday", &weekday));
  g_assert_false (loadwise_weekday_from_string ("Mon", &weekday));
  g_assert_cmpint (weekday, ==, G_DATE_BAD_WEEKDAY);
}

static void
test_weekday_mask (void)
{
  static const struct { guint8 mask; const char *text; guint count; } cases[] = {
    { LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY), "mon", 1 },
    { LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY), "sun", 1 },
    { 0x15, "mon,wed,fri", 3 },
    { LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY), "tue,sun", 2 },
    { LOADWISE_WEEKDAYS_ALL, "mon,tue,wed,thu,fri,sat,sun", 7 },
  };

  g_assert_cmphex (LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY), ==, 0x01);
  g_assert_cmphex (LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY), ==, 0x40);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = loadwise_weekdays_to_string (cases[i].mask);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpuint (loadwise_weekdays_count (cases[i].mask), ==, cases[i].count);
    }

  g_assert_cmpuint (loadwise_weekdays_count (0), ==, 0);
}

static void
test_weekday_bit_of_date (void)
{
  /* 2026-03-02 is a Monday, 2026-03-08 a Sunday. */
  GDate monday = loadwise_test_date (2026, 3, 2);
  GDate sunday = loadwise_test_date (2026, 3, 8);

  g_assert_cmphex (LOADWISE_WEEKDAY_BIT (g_date_get_weekday (&monday)), ==, 0x01);
  g_assert_cmphex (LOADWISE_WEEKDAY_BIT (g_date_get_weekday (&sunday)), ==, 0x40);
}

static void
test_date_to_iso (void)
{
  static const struct { int y, m, d; const char *iso; } cases[] = {
    { 2026, 3, 2, "2026-03-02" },
    { 1900, 1, 1, "1900-01-01" },
    { 9999, 12, 31, "9999-12-31" },
    { 2024, 2, 29, "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = loadwise_test_date (cases[i].y, cases[i].m, cases[i].d);
      g_autofree char *iso = loadwise_date_to_iso (&date);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_date_from_datetime_utc (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) late = g_date_time_new (utc, 2026, 12, 31, 23, 59, 59.9);
  GDate date, expected = loadwise_test_date (2026, 12, 31);

  g_date_clear (&date, 1);
  loadwise_date_from_datetime (late, &date);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/family", test_family);
  g_test_add_func ("/types/side-mode", test_side_mode);
  g_test_add_func ("/types/side", test_side);
  g_test_add_func ("/types/weekday-names", test_weekday_names);
  g_test_add_func ("/types/weekday-mask", test_weekday_mask);
  g_test_add_func ("/types/weekday-bit-of-date", test_weekday_bit_of_date);
  g_test_add_func ("/types/date-to-iso", test_date_to_iso);
  g_test_add_func ("/types/date-from-datetime-utc", test_date_from_datetime_utc);

  return g_test_run ();
}
