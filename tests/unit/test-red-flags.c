/* test-red-flags.c: the screening questions, ids, advice and disclaimer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/loadwise-red-flags.h"
#include "loadwise-test-util.h"

static void
test_ids (void)
{
  static const struct { LoadwiseRedFlag flag; const char *id; } cases[] = {
    { LOADWISE_RED_FLAG_STRESS_FRACTURE, "stress-fracture" },
    { LOADWISE_RED_FLAG_INFECTION, "infection" },
    { LOADWISE_RED_FLAG_INJURY, "injury" },
    { LOADWISE_RED_FLAG_SYSTEMIC, "systemic" },
    { LOADWISE_RED_FLAG_NERVE, "nerve" },
  };
  guint all = 0;
  LoadwiseRedFlag flag = LOADWISE_RED_FLAG_NERVE;

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == LOADWISE_N_RED_FLAGS);

  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag parsed = 0;

      /* nth follows PROGRAMME.md's order. */
      g_assert_cmpint (loadwise_red_flag_nth (i), ==, cases[i].flag);
      g_assert_cmpstr (loadwise_red_flag_to_string (cases[i].flag), ==, cases[i].id);
      g_assert_true (loadwise_red_flag_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].flag);
      all |= cases[i].flag;
    }

  g_assert_cmphex (all, ==, LOADWISE_RED_FLAGS_ALL);

  g_assert_false (loadwise_red_flag_from_string ("fracture", &flag));
  g_assert_false (loadwise_red_flag_from_string ("Nerve", &flag));
  g_assert_false (loadwise_red_flag_from_string ("", &flag));
  g_assert_false (loadwise_red_flag_from_string (NULL, &flag));
  g_assert_cmpint (flag, ==, LOADWISE_RED_FLAG_NERVE);
}

static void
assert_mentions (const char         *text,
                 const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_test_message ("“%s” in “%s”", words[i], text);
      g_assert_nonnull (strstr (lower, words[i]));
    }
}

static void
test_questions (void)
{
  /* Each question asks about the signs PROGRAMME.md lists for it. */
  static const char * const stress_fracture[] = { "groin", "front of the hip", "limp", "hop", "night", "rest", "running more", NULL };
  static const char * const infection[] = { "fever", "hot", "red", "swollen", NULL };
  static const char * const injury[] = { "fall", "injury", "weight", NULL };
  static const char * const systemic[] = { "weight", "cancer", NULL };
  static const char * const nerve[] = { "numbness", "pins and needles", "weakness", NULL };
  const char * const *expected[] = { stress_fracture, infection, injury, systemic, nerve };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      const char *question = loadwise_red_flag_get_question (loadwise_red_flag_nth (i));

      g_assert_nonnull (question);
      g_assert_true (g_utf8_validate (question, -1, NULL));
      /* A yes/no question. */
      g_assert_true (g_str_has_suffix (question, "?"));
      g_assert_true (g_str_has_prefix (question, "Do ") || g_str_has_prefix (question, "Did ")
                     || g_str_has_prefix (question, "Have ") || g_str_has_prefix (question, "Is ")
                     || g_str_has_prefix (question, "Are "));
      assert_mentions (question, expected[i]);
      g_assert_true (g_hash_table_add (seen, (gpointer) question));
    }
}

static void
test_advice_and_disclaimer (void)
{
  static const char * const advice_words[] = { "stop running", "doctor or physiotherapist", "before", NULL };
  const char *advice = loadwise_red_flags_get_advice ();
  const char *disclaimer = loadwise_disclaimer ();

  assert_mentions (advice, advice_words);
  g_assert_true (g_str_has_prefix (disclaimer, "Loadwise does not diagnose."));
  g_assert_null (strchr (disclaimer, '\n'));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/red-flags/ids", test_ids);
  g_test_add_func ("/red-flags/questions", test_questions);
  g_test_add_func ("/red-flags/advice-and-disclaimer", test_advice_and_disclaimer);

  return g_test_run ();
}
