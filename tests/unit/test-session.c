/* test-session.c: the prescription for a date and set log positions
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-session.h"
#include "loadwise-test-util.h"

typedef struct {
  LoadwiseCatalogue *catalogue;
  LoadwiseProgramme  programme;  /* 8 weeks from Monday 2026-03-02, mon,wed,fri */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);

  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  loadwise_programme_init (&fixture->programme, &start);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->catalogue, loadwise_catalogue_unref);
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = loadwise_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
prescribe (Fixture              *fixture,
           guint                 bridge,
           guint                 single_leg,
           guint                 lateral,
           int                   year,
           int                   month,
           int                   day,
           LoadwisePrescription *out)
{
  const guint levels[LOADWISE_N_FAMILIES] = { bridge, single_leg, lateral };
  GDate date = loadwise_test_date (year, month, day);

  g_assert_true (loadwise_prescribe (fixture->catalogue, &fixture->programme, levels, &date, out));
}

static void
assert_item (const LoadwisePrescribedExercise *item,
             const char                       *id,
             guint                             level,
             guint                             sets,
             guint                             n_sides,
             guint                             target_reps,
             guint                             target_hold_s,
             guint                             total_sets)
{
  g_assert_nonnull (item->exercise);
  g_assert_cmpstr (item->exercise->id, ==, id);
  g_assert_cmpuint (item->level, ==, level);
  g_assert_cmpuint (item->sets, ==, sets);
  g_assert_cmpuint (item->n_sides, ==, n_sides);
  g_assert_cmpuint (item->target_reps, ==, target_reps);
  g_assert_cmpuint (item->target_hold_s, ==, target_hold_s);
  g_assert_cmpuint (loadwise_prescribed_exercise_total_sets (item), ==, total_sets);
}

static void
test_session_day (Fixture       *fixture,
                  gconstpointer  data)
{
  LoadwisePrescription p;

  prescribe (fixture, 1, 1, 1, 2026, 3, 2, &p);
  assert_date (&p.date, "2026-03-02");
  g_assert_cmpint (p.week, ==, 1);
  g_assert_true (p.is_session);
  g_assert_false (p.maintenance);
  assert_date (&p.next_session, "2026-03-02");

  assert_item (&p.exercises[LOADWISE_FAMILY_BRIDGE], "double-leg-bridge", 1, 2, 1, 10, 0, 2);
  assert_item (&p.exercises[LOADWISE_FAMILY_SINGLE_LEG], "sit-to-stand", 1, 2, 1, 10, 0, 2);
  assert_item (&p.exercises[LOADWISE_FAMILY_LATERAL], "side-steps", 1, 2, 1, 15, 0, 2);
}

static void
test_levels_move_independently (Fixture       *fixture,
                                gconstpointer  data)
{
  LoadwisePrescription p;

  /* Per side: 3 sets x 2 sides; a range starts at its bottom. */
  prescribe (fixture, 3, 4, 4, 2026, 3, 4, &p);
  assert_item (&p.exercises[LOADWISE_FAMILY_BRIDGE], "single-leg-bridge", 3, 3, 2, 8, 0, 6);
  assert_item (&p.exercises[LOADWISE_FAMILY_SINGLE_LEG], "single-leg-deadlift", 4, 3, 2, 8, 0, 6);
  assert_item (&p.exercises[LOADWISE_FAMILY_LATERAL], "side-plank", 4, 3, 2, 1, 20, 6);

  /* Holds: the bottom of the hold range. Per direction: one log a set. */
  prescribe (fixture, 0, 0, 2, 2026, 3, 6, &p);
  assert_item (&p.exercises[LOADWISE_FAMILY_BRIDGE], "belt-isometric-abduction", 0, 10, 1, 1, 5, 10);
  assert_item (&p.exercises[LOADWISE_FAMILY_SINGLE_LEG], "wall-press-isometric-abduction", 0, 5, 2, 1, 10, 10);
  assert_item (&p.exercises[LOADWISE_FAMILY_LATERAL], "band-knees-lateral-walk", 2, 2, 1, 10, 0, 2);

  prescribe (fixture, 2, 3, 3, 2026, 3, 9, &p);
  assert_item (&p.exercises[LOADWISE_FAMILY_BRIDGE], "offset-bridge", 2, 2, 1, 8, 0, 2);
  assert_item (&p.exercises[LOADWISE_FAMILY_SINGLE_LEG], "step-up", 3, 3, 2, 6, 0, 6);
  assert_item (&p.exercises[LOADWISE_FAMILY_LATERAL], "band-ankles-lateral-walk", 3, 3, 1, 10, 0, 3);
}

static void
test_rest_day (Fixture       *fixture,
               gconstpointer  data)
{
  LoadwisePrescription p;

  memset (&p, 0xaa, sizeof p);
  prescribe (fixture, 1, 1, 1, 2026, 3, 3, &p);
  g_assert_false (p.is_session);
  g_assert_cmpint (p.week, ==, 1);
  assert_date (&p.next_session, "2026-03-04");
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_assert_null (p.exercises[f].exercise);
      g_assert_cmpuint (p.exercises[f].sets, ==, 0);
    }

  /* Saturday: the next session is in the next week. */
  prescribe (fixture, 1, 1, 1, 2026, 3, 7, &p);
  g_assert_false (p.is_session);
  assert_date (&p.next_session, "2026-03-09");
}

static void
test_maintenance (Fixture       *fixture,
                  gconstpointer  data)
{
  LoadwisePrescription p;

  /* Monday of week 9: a maintenance session at the reached levels. */
  prescribe (fixture, 4, 3, 2, 2026, 4, 27, &p);
  g_assert_cmpint (p.week, ==, 9);
  g_assert_true (p.maintenance);
  g_assert_true (p.is_session);
  assert_item (&p.exercises[LOADWISE_FAMILY_BRIDGE], "single-leg-hip-thrust", 4, 3, 2, 8, 0, 6);

  /* Wednesday is no longer a session day; Friday is. */
  prescribe (fixture, 4, 3, 2, 2026, 4, 29, &p);
  g_assert_true (p.maintenance);
  g_assert_false (p.is_session);
  assert_date (&p.next_session, "2026-05-01");

  /* The last Sunday of the programme is not maintenance yet. */
  prescribe (fixture, 4, 3, 2, 2026, 4, 26, &p);
  g_assert_cmpint (p.week, ==, 8);
  g_assert_false (p.maintenance);
  assert_date (&p.next_session, "2026-04-27");
}

static void
test_before_start (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  GDate date = loadwise_test_date (2026, 3, 1);
  LoadwisePrescription p, untouched;

  memset (&p, 0x5a, sizeof p);
  untouched = p;
  g_assert_false (loadwise_prescribe (fixture->catalogue, &fixture->programme, levels, &date, &p));
  g_assert_cmpmem (&p, sizeof p, &untouched, sizeof untouched);
}

typedef struct {
  guint        level;    /* in the family below */
  LoadwiseFamily family;
  LoadwiseSide side;
  guint        set_index;
  const char  *message;  /* NULL: a valid position */
} SetCase;

static void
test_check_set (Fixture       *fixture,
                gconstpointer  data)
{
  static const SetCase cases[] = {
    /* double-leg bridge: 2 sets, both legs together */
    { 1, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_NONE, 0, NULL },
    { 1, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_NONE, 1, NULL },
    { 1, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_NONE, 2, "set: 3 is outside 1-2" },
    { 1, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_LEFT, 0, "side: must be none for Bridge" },
    { 1, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_BOTH, 0, "side: must be none for Bridge" },
    /* single-leg bridge: 3 sets per side */
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_LEFT, 0, NULL },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_RIGHT, 0, NULL },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_RIGHT, 2, NULL },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_LEFT, 3, "set: 4 is outside 1-3" },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_LEFT, G_MAXUINT, "set: 4294967296 is outside 1-3" },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_NONE, 0, "side: must be left or right for Single-leg bridge" },
    { 3, LOADWISE_FAMILY_BRIDGE, LOADWISE_SIDE_BOTH, 0, "side: must be left or right for Single-leg bridge" },
    /* easy side-steps: 1 set, both directions in one log */
    { 0, LOADWISE_FAMILY_LATERAL, LOADWISE_SIDE_NONE, 0, NULL },
    { 0, LOADWISE_FAMILY_LATERAL, LOADWISE_SIDE_NONE, 1, "set: 2 is outside 1-1" },
    { 0, LOADWISE_FAMILY_LATERAL, LOADWISE_SIDE_RIGHT, 0, "side: must be none for Easy side-steps" },
    /* side plank: a hold per side */
    { 4, LOADWISE_FAMILY_LATERAL, LOADWISE_SIDE_LEFT, 2, NULL },
    { 4, LOADWISE_FAMILY_LATERAL, LOADWISE_SIDE_NONE, 2, "side: must be left or right for Side plank" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
      g_autoptr (GError) error = NULL;
      LoadwisePrescription p;
      gboolean ok;

      g_test_message ("case %u", i);
      levels[cases[i].family] = cases[i].level;
      prescribe (fixture, levels[0], levels[1], levels[2], 2026, 3, 2, &p);

      ok = loadwise_prescribed_exercise_check_set (&p.exercises[cases[i].family],
                                                   cases[i].side, cases[i].set_index, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_sets_for_percent (void)
{
  static const struct { guint total, percent, expected; } cases[] = {
    /* Whole sets covered, rounded down (issue 11). */
    { 3, 0, 0 },
    { 3, 33, 0 },    /* 0.99 */
    { 3, 34, 1 },    /* 1.02 */
    { 3, 67, 2 },    /* 2.01 */
    { 6, 50, 3 },
    { 6, 25, 1 },    /* 1.5 */
    { 6, 24, 1 },    /* 1.44 */
    { 2, 50, 1 },
    { 2, 75, 1 },    /* 1.5: not every set */
    { 1, 50, 0 },    /* half of a single set is none */
    { 1, 99, 0 },
    { 1, 100, 1 },
    { 10, 80, 8 },
    { 10, 100, 10 },
    { 5, 70, 3 },    /* 3.5 */
    { 4, 13, 0 },    /* 0.52 */
    { 4, 25, 1 },
    { 0, 100, 0 },
    { 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u%% of %u", cases[i].percent, cases[i].total);
      g_assert_cmpuint (loadwise_sets_for_percent (cases[i].total, cases[i].percent), ==, cases[i].expected);
    }
}

static void
test_status_strings (void)
{
  static const struct { LoadwiseSessionStatus status; const char *id; } cases[] = {
    { LOADWISE_SESSION_STATUS_NONE, "none" },
    { LOADWISE_SESSION_STATUS_IN_PROGRESS, "in-progress" },
    { LOADWISE_SESSION_STATUS_DONE, "done" },
    { LOADWISE_SESSION_STATUS_SKIPPED, "skipped" },
  };
  LoadwiseSessionStatus status = LOADWISE_SESSION_STATUS_DONE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseSessionStatus parsed = (LoadwiseSessionStatus) 99;

      g_assert_cmpstr (loadwise_session_status_to_string (cases[i].status), ==, cases[i].id);
      g_assert_true (loadwise_session_status_from_string (cases[i].id, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].status);
    }

  g_assert_false (loadwise_session_status_from_string ("Done", &status));
  g_assert_false (loadwise_session_status_from_string ("in_progress", &status));
  g_assert_false (loadwise_session_status_from_string ("", &status));
  g_assert_false (loadwise_session_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, LOADWISE_SESSION_STATUS_DONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session/session-day", test_session_day);
  ADD ("/session/levels-move-independently", test_levels_move_independently);
  ADD ("/session/rest-day", test_rest_day);
  ADD ("/session/maintenance", test_maintenance);
  ADD ("/session/before-start", test_before_start);
  ADD ("/session/check-set", test_check_set);
#undef ADD
  g_test_add_func ("/session/sets-for-percent", test_sets_for_percent);
  g_test_add_func ("/session/status-strings", test_status_strings);

  return g_test_run ();
}
