/* test-numbers-german.c: numbers and dates in the runner's language
 *
 * In German the app reads and writes "8,4", names days "Mo, Mi, Fr" and
 * dates "16. Dezember 2026"; the CLI keeps the point for scripts. The same
 * calls are made in C.UTF-8 and in a de_DE.UTF-8 locale that the test
 * makes with localedef (tests/common), with the catalogue built from
 * po/de.po: it fails, not skips, when that cannot be done.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-flare.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-run.h"
#include "core/loadwise-types.h"
#include "loadwise-test-util.h"

static char *locale_root;
static char *setup_failure;

static void
switch_to (const char *locale,
           const char *language)
{
  g_setenv ("LOCPATH", locale_root, TRUE);
  g_setenv ("LC_ALL", locale, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

static gboolean
have_german (void)
{
  if (setup_failure == NULL)
    return TRUE;
  g_test_fail_printf ("%s", setup_failure);
  return FALSE;
}

/* @error is passed as the address that the call filled in: an argument
 * read beside the call would be read before it. */
static void
assert_refused (gboolean    ok,
                GError    **error_location,
                const char *wanted)
{
  GError *error = *error_location;

  g_assert_false (ok);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, wanted));
}

static void
test_app_reads_decimal_comma (void)
{
  double value = -1;
  guint metres = 0;

  if (!have_german ())
    return;
  switch_to ("de_DE.UTF-8", "de");
  g_assert_cmpstr (loadwise_decimal_mark (), ==, ",");

  g_assert_true (loadwise_parse_double_local ("Gewicht", "8,4", 0, FALSE, 10, &value, NULL));
  g_assert_cmpfloat (value, ==, 8.4);
  /* The point a German keyboard's numpad can also give means the same. */
  value = -1;
  g_assert_true (loadwise_parse_double_local ("Gewicht", "8.4", 0, FALSE, 10, &value, NULL));
  g_assert_cmpfloat (value, ==, 8.4);
  g_assert_true (loadwise_parse_distance_km_local ("Strecke", "8,405", &metres, NULL));
  g_assert_cmpuint (metres, ==, 8405);

  /* Grouping, two marks, or both kinds: refused, and the value kept. */
  {
    const char *bad[] = { "1.000,5", "8,4,1", ",", "8,", "1 000" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (GError) error = NULL;

        value = -1;
        assert_refused (loadwise_parse_double_local ("Gewicht", bad[i], 0, FALSE, 10, &value, &error),
                        &error, "Gewicht: ");
        g_assert_cmpfloat (value, ==, -1);
      }
  }
  /* The message writes its range and its example as the runner would. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GError) range = NULL;

    metres = 0;
    assert_refused (loadwise_parse_distance_km_local ("Strecke", "acht", &metres, &error), &error,
                    "Strecke: acht ist keine Strecke in km (verwenden Sie eine Zahl wie 8,4, von 0,01 "
                    "bis unter 400)");
    g_assert_cmpuint (metres, ==, 0);
    assert_refused (loadwise_parse_double_local ("Gewicht", "12,5", 0.5, FALSE, 10, &value, &range),
                    &range, "0,5");
  }

  /* The CLI's form keeps the point alone, in German too. */
  {
    g_autoptr (GError) error = NULL;

    assert_refused (loadwise_parse_distance_km ("--distance-km", "8,4", &metres, &error), &error,
                    "8.4");
  }
  switch_to ("C.UTF-8", "en");
}

static void
test_app_writes_decimal_comma (void)
{
  g_autofree char *km = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *shoe = NULL;
  g_autofree char *small_shoe = NULL;

  if (!have_german ())
    return;
  switch_to ("de_DE.UTF-8", "de");
  km = loadwise_format_km_local (20580);
  exact = loadwise_format_km_exact_local (8405);
  plain = loadwise_format_km (20580);
  shoe = loadwise_format_shoe_km (1080220);
  small_shoe = loadwise_format_shoe_km (42195);
  g_assert_cmpstr (km, ==, "20,58");
  g_assert_cmpstr (exact, ==, "8,405");
  g_assert_cmpstr (plain, ==, "20.58");
  g_assert_cmpstr (shoe, ==, "1.080");
  g_assert_cmpstr (small_shoe, ==, "42,2");
  switch_to ("C.UTF-8", "en");

  {
    g_autofree char *c_km = loadwise_format_km_local (20580);
    g_autofree char *c_shoe = loadwise_format_shoe_km (1080220);

    g_assert_cmpstr (c_km, ==, "20.58");
    /* C.UTF-8 has no thousands separator. */
    g_assert_cmpstr (c_shoe, ==, "1080");
  }
}

static void
test_dates_and_days (void)
{
  GDate day = loadwise_test_date (2026, 12, 16);
  guint8 mon_wed_fri = (1u << 0) | (1u << 2) | (1u << 4);
  g_autofree char *en_date = NULL;
  g_autofree char *en_day = NULL;
  g_autofree char *en_days = NULL;
  g_autofree char *de_date = NULL;
  g_autofree char *de_day = NULL;
  g_autofree char *de_days = NULL;
  g_autofree char *iso = NULL;

  if (!have_german ())
    return;
  switch_to ("C.UTF-8", "en");
  en_date = loadwise_date_format (&day);
  en_day = loadwise_date_format_day (&day);
  en_days = loadwise_weekdays_to_display (mon_wed_fri);
  switch_to ("de_DE.UTF-8", "de");
  de_date = loadwise_date_format (&day);
  de_day = loadwise_date_format_day (&day);
  de_days = loadwise_weekdays_to_display (mon_wed_fri);
  iso = loadwise_date_to_iso (&day);
  switch_to ("C.UTF-8", "en");

  g_assert_cmpstr (en_date, ==, "16 December 2026");
  g_assert_cmpstr (en_day, ==, "Wednesday 16 December");
  g_assert_cmpstr (en_days, ==, "Mon, Wed, Fri");
  g_assert_cmpstr (de_date, ==, "16. Dezember 2026");
  g_assert_cmpstr (de_day, ==, "Mittwoch, 16. Dezember");
  g_assert_cmpstr (de_days, ==, "Mo, Mi, Fr");
  /* Files and the CLI's machine output stay ISO in every language. */
  g_assert_cmpstr (iso, ==, "2026-12-16");
}

/* A sentence the app and the CLI show alike, from the core: its figures
 * and its date in German. */
static void
test_flare_advice_in_german (void)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_auto (LoadwiseFlareAdvice) advice = { 0 };
  GDate since = loadwise_test_date (2026, 3, 20);
  const guint distances[] = { 6000, 8400, 8400, 10000 };
  const int days[] = { 1, 5, 10, 15 };

  if (!have_german ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      LoadwiseRun *run = loadwise_run_new ();

      run->date = loadwise_test_date (2026, 3, days[i]);
      run->distance_m = distances[i];
      g_ptr_array_add (runs, run);
    }
  switch_to ("de_DE.UTF-8", "de");
  loadwise_flare_advise (runs, &since, &advice);
  switch_to ("C.UTF-8", "en");
  g_test_message ("%s", advice.text);
  g_assert_nonnull (strstr (advice.text, "8,4 km"));
  g_assert_nonnull (strstr (advice.text, "3. April 2026"));
  g_assert_null (strstr (advice.text, "2026-04-03"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  locale_root = g_dir_make_tmp ("loadwise-numbers-german-XXXXXX", &error);
  g_assert_no_error (error);
  if (loadwise_test_make_german (locale_root, &setup_failure))
    {
      bindtextdomain (GETTEXT_PACKAGE, locale_root);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  g_test_add_func ("/numbers/german/app-reads-decimal-comma", test_app_reads_decimal_comma);
  g_test_add_func ("/numbers/german/app-writes-decimal-comma", test_app_writes_decimal_comma);
  g_test_add_func ("/numbers/german/dates-and-days", test_dates_and_days);
  g_test_add_func ("/numbers/german/flare-advice", test_flare_advice_in_german);
  result = g_test_run ();
  loadwise_test_rm_rf (locale_root);
  g_free (locale_root);
  g_free (setup_failure);
  return result;
}
