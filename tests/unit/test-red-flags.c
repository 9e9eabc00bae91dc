/* test-red-flags.c: the screening questions, ids, advice and disclaimer
 *
 * Copyright 2026 The Loadwise developers
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

static void
test_urgency (void)
{
  static const char * const today_words[] = { "today", "stop running", "urgent care or emergency", NULL };
  static const char * const soon_words[] = { "stop running", "soon", NULL };
  const char *today_advice;
  const char *soon_advice;

  /* A possible joint infection or fracture cannot wait (the table's comment). */
  g_assert_cmpint (loadwise_red_flag_get_urgency (LOADWISE_RED_FLAG_INFECTION), ==, LOADWISE_RED_FLAG_URGENCY_TODAY);
  g_assert_cmpint (loadwise_red_flag_get_urgency (LOADWISE_RED_FLAG_INJURY), ==, LOADWISE_RED_FLAG_URGENCY_TODAY);
  g_assert_cmpint (loadwise_red_flag_get_urgency (LOADWISE_RED_FLAG_STRESS_FRACTURE), ==, LOADWISE_RED_FLAG_URGENCY_SOON);
  g_assert_cmpint (loadwise_red_flag_get_urgency (LOADWISE_RED_FLAG_SYSTEMIC), ==, LOADWISE_RED_FLAG_URGENCY_SOON);
  g_assert_cmpint (loadwise_red_flag_get_urgency (LOADWISE_RED_FLAG_NERVE), ==, LOADWISE_RED_FLAG_URGENCY_SOON);

  /* The most urgent flag words the advice. */
  g_assert_cmpint (loadwise_red_flags_get_mask_urgency (0), ==, LOADWISE_RED_FLAG_URGENCY_NONE);
  g_assert_cmpint (loadwise_red_flags_get_mask_urgency (LOADWISE_RED_FLAG_NERVE | LOADWISE_RED_FLAG_INJURY),
                   ==, LOADWISE_RED_FLAG_URGENCY_TODAY);
  g_assert_null (loadwise_red_flags_get_advice_for (0));

  today_advice = loadwise_red_flags_get_advice_for (LOADWISE_RED_FLAG_INFECTION);
  soon_advice = loadwise_red_flags_get_advice_for (LOADWISE_RED_FLAG_STRESS_FRACTURE | LOADWISE_RED_FLAG_NERVE);
  assert_mentions (today_advice, today_words);
  assert_mentions (soon_advice, soon_words);
  g_assert_null (strstr (soon_advice, "today"));
  g_assert_cmpstr (loadwise_red_flags_get_advice_for (LOADWISE_RED_FLAG_SYSTEMIC | LOADWISE_RED_FLAG_INJURY),
                   ==, today_advice);
}

/* Answers given as (day of December 2026, yes mask), entered in this order. */
typedef struct { int day; guint yes; } Answer;

static guint
standing (const Answer *given,
          gsize         n,
          int           today_day)
{
  g_autofree LoadwiseRedFlagAnswer *answers = g_new0 (LoadwiseRedFlagAnswer, MAX (n, 1));
  GDate today = loadwise_test_date (2026, 12, today_day);
  LoadwiseRedFlagStatus status;

  for (gsize i = 0; i < n; i++)
    {
      answers[i].date = loadwise_test_date (2026, 12, given[i].day);
      answers[i].yes_mask = given[i].yes;
      answers[i].entered = (gint64) i;
    }
  loadwise_red_flags_compute_status (answers, n, &today, &status);
  g_assert_true (status.answered == (n > 0));
  return status.standing_mask;
}

static void
test_yes_stands (void)
{
  const guint sf = LOADWISE_RED_FLAG_STRESS_FRACTURE;
  const guint nerve = LOADWISE_RED_FLAG_NERVE;
  /* Today is the 20th. */
  const Answer yes_only[] = { { 10, sf } };
  const Answer no_later[] = { { 10, sf }, { 12, 0 } };            /* answered no since: cleared */
  const Answer no_same_day[] = { { 10, sf }, { 10, 0 } };         /* re-answered no that day: cleared */
  const Answer no_earlier_day[] = { { 10, sf }, { 8, 0 } };       /* a no about an earlier day: stands */
  const Answer no_entered_before[] = { { 12, 0 }, { 10, sf } };   /* a later-dated no typed in first: stands */
  const Answer future_no_first[] = { { 30, 0 }, { 20, sf } };     /* the issue: a future no, then a yes */
  const Answer future_no_after[] = { { 10, sf }, { 30, 0 } };     /* a no about a day to come: stands */
  const Answer yes_again[] = { { 10, sf }, { 12, 0 }, { 14, sf } };
  const Answer other_question[] = { { 10, sf }, { 12, nerve } };  /* a no to sf, a yes to nerve */
  const Answer future_yes[] = { { 30, sf } };                     /* a yes is never hidden, even misdated */
  const Answer both_then_one[] = { { 10, sf | nerve }, { 11, sf } };

  g_assert_cmphex (standing (NULL, 0, 20), ==, 0);
  g_assert_cmphex (standing (yes_only, G_N_ELEMENTS (yes_only), 20), ==, sf);
  g_assert_cmphex (standing (no_later, G_N_ELEMENTS (no_later), 20), ==, 0);
  g_assert_cmphex (standing (no_same_day, G_N_ELEMENTS (no_same_day), 20), ==, 0);
  g_assert_cmphex (standing (no_earlier_day, G_N_ELEMENTS (no_earlier_day), 20), ==, sf);
  g_assert_cmphex (standing (no_entered_before, G_N_ELEMENTS (no_entered_before), 20), ==, sf);
  g_assert_cmphex (standing (future_no_first, G_N_ELEMENTS (future_no_first), 20), ==, sf);
  g_assert_cmphex (standing (future_no_after, G_N_ELEMENTS (future_no_after), 20), ==, sf);
  /* ...until that day comes and the no, entered after the yes, speaks for it. */
  g_assert_cmphex (standing (future_no_after, G_N_ELEMENTS (future_no_after), 30), ==, 0);
  g_assert_cmphex (standing (yes_again, G_N_ELEMENTS (yes_again), 20), ==, sf);
  g_assert_cmphex (standing (other_question, G_N_ELEMENTS (other_question), 20), ==, nerve);
  g_assert_cmphex (standing (future_yes, G_N_ELEMENTS (future_yes), 20), ==, sf);
  g_assert_cmphex (standing (both_then_one, G_N_ELEMENTS (both_then_one), 20), ==, sf);
}

static void
test_yes_stands_any_order (void)
{
  /* One yes on the 10th and one no on each of the 5th, 10th and 15th,
   * entered in every order: the yes stands exactly when no no dated on or
   * after the 10th was entered after it. */
  const int no_days[] = { 5, 10, 15 };
  const guint sf = LOADWISE_RED_FLAG_STRESS_FRACTURE;

  for (guint yes_position = 0; yes_position <= G_N_ELEMENTS (no_days); yes_position++)
    for (guint rotation = 0; rotation < G_N_ELEMENTS (no_days); rotation++)
      for (guint reverse = 0; reverse < 2; reverse++)
        {
          Answer given[4];
          gboolean expect = TRUE;
          guint k = 0;

          for (guint i = 0; i < G_N_ELEMENTS (no_days); i++)
            {
              guint index = (rotation + (reverse ? G_N_ELEMENTS (no_days) - i : i)) % G_N_ELEMENTS (no_days);

              if (k == yes_position)
                given[k++] = (Answer) { 10, sf };
              given[k++] = (Answer) { no_days[index], 0 };
              if (no_days[index] >= 10 && k - 1 > yes_position)
                expect = FALSE;
            }
          if (k == yes_position)
            given[k++] = (Answer) { 10, sf };

          g_assert_cmphex (standing (given, k, 20), ==, expect ? sf : 0);
        }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/red-flags/ids", test_ids);
  g_test_add_func ("/red-flags/questions", test_questions);
  g_test_add_func ("/red-flags/advice-and-disclaimer", test_advice_and_disclaimer);
  g_test_add_func ("/red-flags/urgency", test_urgency);
  g_test_add_func ("/red-flags/yes-stands", test_yes_stands);
  g_test_add_func ("/red-flags/yes-stands-any-order", test_yes_stands_any_order);

  return g_test_run ();
}
