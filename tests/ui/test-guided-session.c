/* test-guided-session.c: the guided session driven by its actions, with a
 * manual ticker so every timer moves only when the test says
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-guided-session.h"
#include "ui/loadwise-illustration.h"
#include "ui/loadwise-pain-scale.h"
#include "ui/loadwise-pose-view.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-window.h"

#define SECONDS(s) ((gint64) (s) * G_USEC_PER_SEC)

typedef struct {
  UiFixture       ui;
  LoadwiseTicker *ticker;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  ui_fixture_setup (&fixture->ui, data);
  fixture->ticker = loadwise_ticker_new_manual ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->ticker);
  ui_fixture_teardown (&fixture->ui, data);
}

/* Wednesday 25 November 2026, a session day of a programme that started on
 * Monday 23 with every family at @level. */
static LoadwiseGuidedSession *
open_session (Fixture *fixture,
              guint    level)
{
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;
  GtkWidget *session;

  ui_fixture_add_programme (&fixture->ui, 2026, 11, 23, level);
  g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  g_assert_no_error (error);
  session = loadwise_guided_session_new (fixture->ui.context, &prescription, fixture->ticker);
  ui_test_show (session);
  return LOADWISE_GUIDED_SESSION (session);
}

static void
act (LoadwiseGuidedSession *session,
     const char            *action)
{
  gtk_widget_activate_action (GTK_WIDGET (session), action, NULL);
}

static GPtrArray *
list_sets (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  GPtrArray *sets = loadwise_database_list_sets (fixture->ui.database, &today, &error);

  g_assert_no_error (error);
  return sets;
}

static guint
count_done (GPtrArray *sets)
{
  guint done = 0;

  for (guint i = 0; i < sets->len; i++)
    if (((LoadwiseSetLog *) g_ptr_array_index (sets, i))->done)
      done++;
  return done;
}

static const LoadwiseSetLog *
find_set (GPtrArray    *sets,
          const char   *exercise_id,
          LoadwiseSide  side,
          guint         set_index)
{
  for (guint i = 0; i < sets->len; i++)
    {
      const LoadwiseSetLog *log = g_ptr_array_index (sets, i);

      if (g_strcmp0 (log->exercise_id, exercise_id) == 0 &&
          log->side == side && log->set_index == set_index)
        return log;
    }
  return NULL;
}

static GtkWidget *
child (LoadwiseGuidedSession *session,
       const char            *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (session),
                                                   LOADWISE_TYPE_GUIDED_SESSION, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
destroy_session (LoadwiseGuidedSession *session)
{
  g_object_ref (session);
  act (session, "session.leave");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (session);
}

/* Level 1: bridge 2 × 10, sit-to-stand 2 × 10, side-steps 2 × 15 each way,
 * done to the end: every set is written, each pain, and the session. */
static void
test_full (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GHashTable) pains = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseGuidedSession *session = open_session (fixture, 1);
  const char *ids[] = { "double-leg-bridge", "sit-to-stand", "side-steps" };
  const guint reps[] = { 10, 10, 15 };

  for (guint e = 0; e < G_N_ELEMENTS (ids); e++)
    {
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "intro");
      g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, ids[e]);
      g_assert_true (gtk_widget_get_visible (child (session, "illustration_box")));
      act (session, "session.confirm");

      /* First set: every rep counted; the last one ends the set. */
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
      g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 0);
      for (guint r = 0; r < reps[e] - 1; r++)
        act (session, "session.count");
      g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, reps[e] - 1);
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
      act (session, "session.count");

      /* A rest, skipped; the second set confirmed without counting. */
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
      act (session, "session.skip-rest");
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
      g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 1);
      act (session, "session.confirm");

      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
      /* Unrated, never a 0 nobody chose; the button says Enter goes on
       * without a rating until there is one. */
      g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (child (session, "pain_scale"))),
                       ==, LOADWISE_PAIN_NOT_RATED);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (session, "save_pain_button"))), ==,
                       "_Go On Without Rating");
      gtk_widget_activate_action (GTK_WIDGET (session), "session.set-pain", "u", e + 1);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (session, "save_pain_button"))), ==,
                       "_Save and Go On");
      act (session, "session.confirm");
    }

  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "summary");
  g_assert_null (loadwise_guided_session_get_exercise (session));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "result_label"))), ==,
                   "6 of 6 sets done today");

  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 6);
  for (guint e = 0; e < G_N_ELEMENTS (ids); e++)
    for (guint set = 0; set < 2; set++)
      {
        const LoadwiseSetLog *log = find_set (sets, ids[e], LOADWISE_SIDE_NONE, set);

        g_assert_nonnull (log);
        g_assert_true (log->done);
        g_assert_cmpuint (log->reps, ==, reps[e]);
        g_assert_cmpuint (log->hold_s, ==, 0);
      }

  pains = loadwise_database_get_exercise_pains (fixture->ui.database, &today, &error);
  g_assert_no_error (error);
  for (guint e = 0; e < G_N_ELEMENTS (ids); e++)
    g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, ids[e])), ==, (int) e + 1 + 1);

  /* Finish marks the day done and closes the window. */
  g_object_ref (session);
  act (session, "session.finish");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (session);
  g_assert_true (loadwise_database_get_session (fixture->ui.database, &today, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_DONE);
}

/* Leaving after one set keeps it; a new session starts at the next set. */
static void
test_leave_halfway (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseGuidedSession *session = open_session (fixture, 1);
  LoadwisePrescription prescription;
  GtkWidget *dialog = NULL;
  GList *toplevels;

  act (session, "session.confirm");
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");

  /* Escape asks first; keeping going keeps the window. */
  act (session, "session.ask-leave");
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (session))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Leave the Session?");
  g_object_ref (session);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "leave");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (session);

  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 1);
  g_assert_nonnull (find_set (sets, "double-leg-bridge", LOADWISE_SIDE_NONE, 0));
  g_assert_true (loadwise_database_get_session (fixture->ui.database, &today, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_IN_PROGRESS);

  /* Again: the bridge's first set is not asked for twice. */
  g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  session = LOADWISE_GUIDED_SESSION (loadwise_guided_session_new (fixture->ui.context,
                                                                  &prescription, fixture->ticker));
  ui_test_show (GTK_WIDGET (session));
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "double-leg-bridge");
  act (session, "session.confirm");
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 1);
  destroy_session (session);
}

/* Whether @widget's class binds @keyval (no modifier) to @action_name. */
static gboolean
has_key_binding (GtkWidget  *widget,
                 guint       keyval,
                 const char *action_name)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* A miscounted rep is taken back (Backspace), never below 0; and an
 * exercise done in full before the session is passed over with a word. */
static void
test_uncount_and_passed (Fixture       *fixture,
                         gconstpointer  data)
{
  LoadwiseGuidedSession *session = open_session (fixture, 1);
  LoadwisePrescription prescription;
  g_autoptr (GError) error = NULL;
  g_autofree char *bridge = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *passed;

  /* The first exercise: nothing passed over, nothing said; Enter begins
   * (the focus is on Begin, not on the first side toggle). */
  g_assert_false (gtk_widget_get_visible (child (session, "passed_label")));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (session)) == child (session, "begin_button"));
  /* Backspace takes a rep back; a Play/Pause key pauses and resumes. */
  g_assert_true (has_key_binding (GTK_WIDGET (session), GDK_KEY_BackSpace, "session.uncount"));
  g_assert_true (has_key_binding (GTK_WIDGET (session), GDK_KEY_AudioPlay, "session.pause"));
  g_assert_true (has_key_binding (GTK_WIDGET (session), GDK_KEY_AudioPause, "session.pause"));
  g_assert_false (has_key_binding (GTK_WIDGET (session), GDK_KEY_Delete, "session.uncount"));
  bridge = g_strdup (loadwise_guided_session_get_exercise (session)->name);
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_named (GTK_WIDGET (session), "uncount")));
  act (session, "session.count");
  act (session, "session.count");
  act (session, "session.count");
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_named (GTK_WIDGET (session), "uncount")));
  act (session, "session.uncount");
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "reps_count_label"))), ==, "2 / 10");
  act (session, "session.uncount");
  act (session, "session.uncount");
  act (session, "session.uncount");
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_named (GTK_WIDGET (session), "uncount")));
  /* Paused, the count is left alone. */
  act (session, "session.count");
  act (session, "session.pause");
  act (session, "session.uncount");
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 1);
  act (session, "session.pause");

  /* Both bridge sets done, then leave. */
  act (session, "session.confirm");
  act (session, "session.skip-rest");
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
  destroy_session (session);

  g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  g_assert_no_error (error);
  session = LOADWISE_GUIDED_SESSION (loadwise_guided_session_new (fixture->ui.context,
                                                                  &prescription, fixture->ticker));
  ui_test_show (GTK_WIDGET (session));
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "sit-to-stand");
  passed = child (session, "passed_label");
  expected = g_strdup_printf ("%s is already done today.", bridge);
  g_assert_true (gtk_widget_get_visible (passed));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (passed)), ==, expected);
  /* The next exercise says nothing of it again. */
  act (session, "session.confirm");
  act (session, "session.confirm");
  act (session, "session.skip-rest");
  act (session, "session.confirm");
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "side-steps");
  g_assert_false (gtk_widget_get_visible (passed));
  destroy_session (session);
}

/* Level 3: single-leg bridge 3 × 8 per side: left then right for each set,
 * the two sides without a rest between them; or right first. */
static void
test_per_side (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) sets = NULL;
  LoadwiseGuidedSession *session = open_session (fixture, 3);
  const LoadwiseSide right_first[] = {
    LOADWISE_SIDE_RIGHT, LOADWISE_SIDE_LEFT,
    LOADWISE_SIDE_RIGHT, LOADWISE_SIDE_LEFT,
    LOADWISE_SIDE_RIGHT, LOADWISE_SIDE_LEFT,
  };

  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "single-leg-bridge");
  g_assert_true (gtk_widget_get_visible (child (session, "side_box")));
  act (session, "session.confirm");
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_LEFT);
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 0);
  act (session, "session.confirm");
  /* The other side of the same set at once. */
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_RIGHT);
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 0);
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_LEFT);
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 1);
  destroy_session (session);

  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 2);
  g_assert_nonnull (find_set (sets, "single-leg-bridge", LOADWISE_SIDE_LEFT, 0));
  g_assert_nonnull (find_set (sets, "single-leg-bridge", LOADWISE_SIDE_RIGHT, 0));
  g_clear_pointer (&sets, g_ptr_array_unref);

  /* The next exercise of a fresh window, step-up, right side first. */
  {
    g_autoptr (GError) error = NULL;
    LoadwisePrescription prescription;
    GDate today = loadwise_test_date (2026, 11, 25);

    g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
    g_assert_true (loadwise_database_set_exercise_pain (fixture->ui.database, &today,
                                                        "single-leg-bridge", 1, &error));
    for (guint set = 0; set < 3; set++)
      for (LoadwiseSide side = LOADWISE_SIDE_LEFT; side <= LOADWISE_SIDE_RIGHT; side++)
        {
          LoadwiseSetLog log = { (char *) "single-leg-bridge", side, set, TRUE, 8, 0 };

          g_assert_true (loadwise_database_log_set (fixture->ui.database, &today, &log, &error));
        }
    session = LOADWISE_GUIDED_SESSION (loadwise_guided_session_new (fixture->ui.context,
                                                                    &prescription, fixture->ticker));
    ui_test_show (GTK_WIDGET (session));
  }
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "step-up");
  gtk_widget_activate_action (GTK_WIDGET (session), "session.first-side", "s", "right");
  act (session, "session.confirm");
  for (guint i = 0; i < G_N_ELEMENTS (right_first); i++)
    {
      if (g_str_equal (loadwise_guided_session_get_phase (session), "rest"))
        act (session, "session.skip-rest");
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
      g_assert_cmpint (loadwise_guided_session_get_side (session), ==, right_first[i]);
      g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, i / 2);
      act (session, "session.confirm");
    }
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
  /* Enter without a rating goes on and stores no pain (it was 0 before). */
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), !=, "pain");
  {
    g_autoptr (GError) error = NULL;
    GDate today = loadwise_test_date (2026, 11, 25);
    g_autoptr (GHashTable) pains = loadwise_database_get_exercise_pains (fixture->ui.database, &today, &error);

    g_assert_no_error (error);
    g_assert_false (g_hash_table_contains (pains, "step-up"));
    g_assert_true (g_hash_table_contains (pains, "single-leg-bridge"));
  }
  destroy_session (session);

  sets = list_sets (fixture);
  for (guint set = 0; set < 3; set++)
    {
      g_assert_nonnull (find_set (sets, "step-up", LOADWISE_SIDE_LEFT, set));
      g_assert_nonnull (find_set (sets, "step-up", LOADWISE_SIDE_RIGHT, set));
    }
}

/* Issue 15, sounded cues: a tick for each rep but the last; the set's end
 * says what comes next (the other side, a rest, the next exercise), and
 * the rest's end is heard too; a hold's end likewise. */
static void
test_cues (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (UiTestCues) cues = g_object_new (UI_TEST_TYPE_CUES, NULL);
  LoadwiseGuidedSession *session = open_session (fixture, 3);
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;
  const LoadwisePrescribedExercise *item = &prescription.exercises[0];
  g_autofree char *played = NULL;

  g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  g_object_set (session, "cues", cues, NULL);
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "single-leg-bridge");
  g_assert_cmpuint (item->target_reps, ==, 8);
  act (session, "session.confirm");
  for (guint r = 0; r < 8; r++)
    act (session, "session.count");
  played = ui_test_cues_take_played (cues);
  g_assert_cmpstr (played, ==, "rep rep rep rep rep rep rep switch-sides");
  g_clear_pointer (&played, g_free);
  for (guint r = 0; r < 8; r++)
    act (session, "session.count");
  played = ui_test_cues_take_played (cues);
  g_assert_cmpstr (played, ==, "rep rep rep rep rep rep rep set-done");
  g_clear_pointer (&played, g_free);

  /* The rest runs out by itself. */
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  loadwise_ticker_advance (fixture->ticker, SECONDS (loadwise_guided_session_rest_seconds (item)));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
  played = ui_test_cues_take_played (cues);
  g_assert_cmpstr (played, ==, "rest-end");
  g_clear_pointer (&played, g_free);

  /* And what the spoken cues said meanwhile (when the runner turns them on). */
  {
    g_autofree char *said = ui_test_cues_take_said (cues);
    g_autofree char *expected = g_strdup_printf ("Left side. Set 1 of 3. 8 reps | 1 | 2 | 3 | 4 | 5 | 6 | 7 | "
                                                 "Switch to the right side. Set 1 of 3. 8 reps | "
                                                 "1 | 2 | 3 | 4 | 5 | 6 | 7 | Rest, %u seconds | "
                                                 "Left side. Set 2 of 3. 8 reps",
                                                 loadwise_guided_session_rest_seconds (item));

    g_assert_cmpstr (said, ==, expected);
  }

  /* Sets done with Enter, a rest skipped: the same ends, no ticks. */
  act (session, "session.confirm");
  act (session, "session.confirm");
  act (session, "session.skip-rest");
  act (session, "session.confirm");
  act (session, "session.confirm");
  played = ui_test_cues_take_played (cues);
  g_assert_cmpstr (played, ==, "switch-sides set-done switch-sides exercise-done");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
  {
    g_autofree char *said = ui_test_cues_take_said (cues);

    g_assert_true (g_str_has_suffix (said, "Switch to the right side. Set 3 of 3. 8 reps | "
                                           "Single-leg bridge done. How much did it hurt?"));
  }

  destroy_session (session);
}

/* Each cue is a sound of its own in the freedesktop sound theme
 * (sound-theme-freedesktop, which build-aux/dev installs). */
static void
test_cue_sounds (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (LoadwiseCue cue = LOADWISE_CUE_REP; cue <= LOADWISE_CUE_EXERCISE_DONE; cue++)
    {
      const char *id = loadwise_gsound_cues_event_id (cue);
      g_autofree char *file = g_strdup_printf ("/usr/share/sounds/freedesktop/stereo/%s.oga", id);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
    }
}

/* A hold's time running out is the set's end. */
static void
test_hold_cue (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (UiTestCues) cues = g_object_new (UI_TEST_TYPE_CUES, NULL);
  LoadwiseGuidedSession *session = open_session (fixture, 0);
  g_autofree char *played = NULL;

  g_object_set (session, "cues", cues, NULL);
  act (session, "session.confirm");
  act (session, "session.count");
  loadwise_ticker_advance (fixture->ticker, SECONDS (4));
  g_assert_cmpstr (cues->played->str, ==, "");
  loadwise_ticker_advance (fixture->ticker, SECONDS (1));
  played = ui_test_cues_take_played (cues);
  g_assert_cmpstr (played, ==, "set-done");
  g_assert_true (g_str_has_prefix (cues->said->str, "Set 1 of 10. Hold, 5 seconds"));
  destroy_session (session);
}

/* Issue 15, the tempo: level 1's bridge, 2 s up, 1 s at the top, 2 s down:
 * a rep every 5 s on the manual ticker, counting itself; a late tick
 * loses nothing; pause keeps the segment; the pace is the runner's and
 * is remembered for the exercise. */
static void
test_tempo (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (UiTestCues) cues = g_object_new (UI_TEST_TYPE_CUES, NULL);
  LoadwiseGuidedSession *session;
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;
  GtkLabel *segment;
  double pace = 0;
  gboolean tempo;

  g_settings_reset (settings, "tempos");
  session = open_session (fixture, 1);
  g_object_set (session, "cues", cues, NULL);
  segment = GTK_LABEL (child (session, "tempo_segment_label"));
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "double-leg-bridge");
  g_assert_true (gtk_widget_get_visible (child (session, "tempo_check")));
  act (session, "session.tempo");
  g_object_get (session, "tempo", &tempo, NULL);
  g_assert_true (tempo);
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
  g_assert_true (gtk_widget_get_visible (child (session, "tempo_box")));
  g_assert_false (gtk_widget_get_visible (child (session, "count_button")));
  g_assert_false (gtk_widget_get_visible (child (session, "uncount_button")));
  /* Hands free: Space on Pause pauses. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (session)) == child (session, "pause_button"));
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Up");

  /* Space counts nothing now: the tempo does. */
  act (session, "session.count");
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 0);
  loadwise_ticker_advance (fixture->ticker, SECONDS (2));
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Hold");
  loadwise_ticker_advance (fixture->ticker, SECONDS (1));
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Down");
  loadwise_ticker_advance (fixture->ticker, SECONDS (2) - 1);
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 0);
  loadwise_ticker_advance (fixture->ticker, 1);
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Up");
  g_assert_cmpstr (cues->played->str, ==, "rep");

  /* A late tick: 20 s at once are 4 reps, not 1. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (20));
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 5);

  /* Paused 1.5 s into a rep's "Up": nothing moves; resumed, the rest of it. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (1) + G_USEC_PER_SEC / 2);
  act (session, "session.pause");
  loadwise_ticker_advance (fixture->ticker, SECONDS (60));
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 5);
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Up");
  act (session, "session.pause");
  loadwise_ticker_advance (fixture->ticker, G_USEC_PER_SEC / 2);
  g_assert_cmpstr (gtk_label_get_label (segment), ==, "Hold");

  /* Slower: the rest of the reps take 1.25 times as long. */
  act (session, "session.slower");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "tempo_pace_label"))), ==,
                   "2.5 s · 1.2 s · 2.5 s");
  g_assert_true (g_variant_lookup (g_settings_get_value (settings, "tempos"), "double-leg-bridge", "d", &pace));
  g_assert_cmpfloat_with_epsilon (pace, 1.25, 1e-9);

  /* The last reps end the set by themselves: a rest. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (60));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  destroy_session (session);

  /* Remembered: the next session of the day starts this exercise on it. */
  g_assert_true (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  session = LOADWISE_GUIDED_SESSION (loadwise_guided_session_new (fixture->ui.context, &prescription,
                                                                  fixture->ticker));
  ui_test_show (GTK_WIDGET (session));
  g_object_get (session, "tempo", &tempo, NULL);
  g_assert_true (tempo);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (session, "tempo_check"))));
  destroy_session (session);
  g_settings_reset (settings, "tempos");
}

/* Issue 15, the drawing moves with the tempo: to the end pose over "Up",
 * held there at the top, back to the start over "Down"; paused, it stays
 * where the tempo stays. */
static void
test_tempo_poses (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  LoadwiseGuidedSession *session;
  LoadwisePoseView *view;

  g_settings_reset (settings, "tempos");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  session = open_session (fixture, 1);
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "double-leg-bridge");
  view = LOADWISE_POSE_VIEW (ui_test_find_type (GTK_WIDGET (session), LOADWISE_TYPE_POSE_VIEW));
  g_assert_nonnull (view);
  /* The drawing the screen reader knows (test_accessible). */
  g_assert_true (GTK_WIDGET (view) == ui_test_find_named (GTK_WIDGET (session), "illustration"));
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 0.0);

  act (session, "session.tempo");
  act (session, "session.confirm");
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 1.0);
  loadwise_ticker_advance (fixture->ticker, SECONDS (2));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "tempo_segment_label"))), ==, "Hold");
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 1.0);
  g_assert_cmpfloat (loadwise_pose_view_get_position (view), ==, 1.0);
  loadwise_ticker_advance (fixture->ticker, SECONDS (1));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "tempo_segment_label"))), ==, "Down");
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 0.0);

  /* Paused in "Down": the animation stops, and goes on when resumed. */
  g_assert_true (loadwise_pose_view_is_animating (view));
  act (session, "session.pause");
  g_assert_false (loadwise_pose_view_is_animating (view));
  loadwise_ticker_advance (fixture->ticker, SECONDS (60));
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 0.0);
  act (session, "session.pause");
  g_assert_true (loadwise_pose_view_is_animating (view));

  /* The next rep starts at the start pose. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (2));
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 1);
  g_assert_cmpfloat (loadwise_pose_view_get_target (view), ==, 1.0);
  destroy_session (session);
  g_settings_reset (settings, "tempos");
}

static gboolean
pose_at_rest (gpointer data)
{
  return !loadwise_pose_view_is_animating (data);
}

/* An isometric hold has no start pose: its arrows pulse in with each
 * second of the hold, and not while paused. Only whether a pulse runs is
 * looked at, never how long it takes. */
static void
test_hold_pulses (Fixture       *fixture,
                  gconstpointer  data)
{
  LoadwiseGuidedSession *session;
  LoadwisePoseView *view;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  session = open_session (fixture, 0);
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "belt-isometric-abduction");
  view = LOADWISE_POSE_VIEW (ui_test_find_type (GTK_WIDGET (session), LOADWISE_TYPE_POSE_VIEW));
  g_assert_nonnull (view);
  g_assert_false (loadwise_pose_view_has_start_pose (view));
  act (session, "session.confirm");
  act (session, "session.count");
  g_assert_true (loadwise_guided_session_is_holding (session));
  g_assert_true (loadwise_pose_view_is_animating (view));
  g_assert_true (ui_test_wait_until (pose_at_rest, view, 5000));
  g_assert_cmpfloat (loadwise_pose_view_get_position (view), ==, 0.0);

  /* Within the same second, nothing; the next second, a pulse. */
  loadwise_ticker_advance (fixture->ticker, G_USEC_PER_SEC / 2);
  g_assert_false (loadwise_pose_view_is_animating (view));
  loadwise_ticker_advance (fixture->ticker, G_USEC_PER_SEC / 2);
  g_assert_true (loadwise_pose_view_is_animating (view));

  /* Paused, the pulse waits. */
  act (session, "session.pause");
  g_assert_false (loadwise_pose_view_is_animating (view));
  act (session, "session.pause");
  g_assert_true (loadwise_pose_view_is_animating (view));
  destroy_session (session);
}

/* Reduced motion: with animations off, the still drawing, as on Today. */
static void
test_reduced_motion (Fixture       *fixture,
                     gconstpointer  data)
{
  LoadwiseGuidedSession *session;
  GtkWidget *image;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  session = open_session (fixture, 1);
  image = ui_test_find_named (GTK_WIDGET (session), "illustration");
  g_assert_true (GTK_IS_IMAGE (image));
  g_assert_null (ui_test_find_type (GTK_WIDGET (session), LOADWISE_TYPE_POSE_VIEW));
  /* Counting works as before. */
  act (session, "session.confirm");
  act (session, "session.count");
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 1);

  /* Turned on mid-session: the drawing moves from then on. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_assert_nonnull (ui_test_find_type (GTK_WIDGET (session), LOADWISE_TYPE_POSE_VIEW));
  g_assert_false (GTK_IS_IMAGE (ui_test_find_named (GTK_WIDGET (session), "illustration")));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_null (ui_test_find_type (GTK_WIDGET (session), LOADWISE_TYPE_POSE_VIEW));
  destroy_session (session);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* How often @word stands in the space-separated @text. */
static guint
count_word (const char *text,
            const char *word)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], word))
      n++;
  return n;
}

/* Issue 15's "done when": a whole session with the screen out of sight.
 * The tempo is on for each exercise and the cues are on; the runner's
 * hands stay on the floor, and the only keys are Enter at each pain
 * question (going on unrated). Everything else is the clock: reps count
 * themselves, rests run out, sides switch. The sequence is in the log
 * (g_test_message) and its shape is checked. */
static void
test_hands_free (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (UiTestCues) cues = g_object_new (UI_TEST_TYPE_CUES, NULL);
  g_autoptr (GPtrArray) sets = NULL;
  g_autofree char *played = NULL;
  g_autofree char *said = NULL;
  LoadwiseGuidedSession *session;
  guint keys = 0;

  g_settings_reset (settings, "tempos");
  session = open_session (fixture, 1);
  g_object_set (session, "cues", cues, NULL);

  for (guint e = 0; e < 3; e++)
    {
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "intro");
      /* Turned on once (remembered after that), then Enter begins. */
      act (session, "session.tempo");
      act (session, "session.confirm");
      keys += 2;
      /* The clock alone, a second at a time, until the pain question. */
      for (guint s = 0; s < 600 && !g_str_equal (loadwise_guided_session_get_phase (session), "pain"); s++)
        loadwise_ticker_advance (fixture->ticker, SECONDS (1));
      g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
      act (session, "session.confirm");
      keys++;
    }
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "summary");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "result_label"))), ==,
                   "6 of 6 sets done today");
  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 6);

  played = ui_test_cues_take_played (cues);
  said = ui_test_cues_take_said (cues);
  g_test_message ("keys pressed: %u", keys);
  g_test_message ("sounds: %s", played);
  g_test_message ("said: %s", said);
  /* Bridge 2 × 10, sit-to-stand 2 × 10, side-steps 2 × 15 each way: a
   * tick for every rep but each set's last, a set's end, a rest's end,
   * the exercise's end. */
  g_assert_true (g_str_has_prefix (played, "rep rep rep rep rep rep rep rep rep set-done rest-end rep"));
  g_assert_cmpuint (count_word (played, "exercise-done"), ==, 3);
  g_assert_cmpuint (count_word (played, "rest-end"), ==, 3);
  g_assert_true (g_str_has_prefix (said, "Set 1 of 2. 10 reps | 1 | 2 | 3"));
  g_assert_nonnull (strstr (said, "Rest, "));
  g_assert_true (g_str_has_suffix (said, "done. How much did it hurt?"));
  /* Each exercise after the first is named before Enter begins it. */
  g_assert_nonnull (strstr (said, "Bridge done. How much did it hurt? | Next: Sit-to-stand. Press Enter to begin. | "
                                  "Set 1 of 2. 10 reps"));

  destroy_session (session);
  g_settings_reset (settings, "tempos");
}

/* With a tempo, one side's last rep switches to the other side, in the
 * same set; holds have no tempo to choose. */
static void
test_tempo_sides (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  LoadwiseGuidedSession *session;

  g_settings_reset (settings, "tempos");
  session = open_session (fixture, 3);
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "single-leg-bridge");
  act (session, "session.tempo");
  act (session, "session.confirm");
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_LEFT);
  loadwise_ticker_advance (fixture->ticker, SECONDS (8 * 5) - 1);
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 7);
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_LEFT);
  loadwise_ticker_advance (fixture->ticker, 1);
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "reps");
  g_assert_cmpint (loadwise_guided_session_get_side (session), ==, LOADWISE_SIDE_RIGHT);
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 0);
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 0);
  /* The right side counts from its own start. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (5));
  g_assert_cmpuint (loadwise_guided_session_get_reps (session), ==, 1);
  destroy_session (session);
  g_settings_reset (settings, "tempos");

  session = open_session (fixture, 0);
  g_assert_true (loadwise_exercise_is_hold (loadwise_guided_session_get_exercise (session)));
  g_assert_false (gtk_widget_get_visible (child (session, "tempo_check")));
  destroy_session (session);
}

/* Level 0: the belt press, 10 × 5 s holds: the hold counts down on the
 * ticker, ends by itself with a pulse, and the rest takes +15 s and Skip. */
static void
test_hold_and_rest (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) sets = NULL;
  LoadwiseGuidedSession *session = open_session (fixture, 0);
  GtkWidget *time_label = child (session, "hold_time_label");
  const LoadwiseSetLog *log;

  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "belt-isometric-abduction");
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "hold");
  g_assert_false (loadwise_guided_session_is_holding (session));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (time_label)), ==, "0:05");

  /* Nothing runs until the hold is started. */
  loadwise_ticker_advance (fixture->ticker, SECONDS (30));
  g_assert_false (loadwise_guided_session_is_holding (session));

  act (session, "session.count");
  g_assert_true (loadwise_guided_session_is_holding (session));
  g_assert_true (loadwise_ticker_is_running (fixture->ticker));
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (5));
  loadwise_ticker_advance (fixture->ticker, SECONDS (4) + G_USEC_PER_SEC / 2);
  g_assert_true (loadwise_guided_session_is_holding (session));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (time_label)), ==, "0:01");
  g_assert_false (gtk_widget_has_css_class (time_label, "hold-end"));
  loadwise_ticker_advance (fixture->ticker, G_USEC_PER_SEC / 2);

  /* The hold ended: a pulse, the set written with its seconds, a rest. */
  g_assert_true (gtk_widget_has_css_class (time_label, "hold-end"));
  sets = list_sets (fixture);
  log = find_set (sets, "belt-isometric-abduction", LOADWISE_SIDE_NONE, 0);
  g_assert_nonnull (log);
  g_assert_true (log->done);
  g_assert_cmpuint (log->hold_s, ==, 5);
  g_clear_pointer (&sets, g_ptr_array_unref);

  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (10));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "rest_time_label"))), ==, "0:10");
  act (session, "session.add-rest");
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (25));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (session, "rest_time_label"))), ==, "0:25");
  loadwise_ticker_advance (fixture->ticker, SECONDS (10));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (15));
  loadwise_ticker_advance (fixture->ticker, SECONDS (15));

  /* The rest ran out by itself: the next hold waits to be started. */
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "hold");
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 1);
  g_assert_false (gtk_widget_has_css_class (time_label, "hold-end"));
  g_assert_false (loadwise_ticker_is_running (fixture->ticker));

  /* Ended early with Enter: the seconds actually held. */
  act (session, "session.count");
  loadwise_ticker_advance (fixture->ticker, SECONDS (3));
  act (session, "session.confirm");
  sets = list_sets (fixture);
  g_assert_cmpuint (find_set (sets, "belt-isometric-abduction", LOADWISE_SIDE_NONE, 1)->hold_s, ==, 3);
  g_clear_pointer (&sets, g_ptr_array_unref);

  /* Skip goes straight to the next hold. */
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  act (session, "session.skip-rest");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "hold");
  g_assert_cmpuint (loadwise_guided_session_get_set_index (session), ==, 2);

  destroy_session (session);
}

/* Pausing stops the clock of a hold and of a rest; the buttons that count
 * are off until it resumes. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) sets = NULL;
  LoadwiseGuidedSession *session = open_session (fixture, 0);
  gboolean paused = FALSE;

  act (session, "session.confirm");
  act (session, "session.count");
  loadwise_ticker_advance (fixture->ticker, SECONDS (2));
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (3));

  act (session, "session.pause");
  g_object_get (session, "paused", &paused, NULL);
  g_assert_true (paused);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (session, "paused_revealer"))));
  /* The button offers to resume, and says so to a screen reader. */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (child (session, "pause_button"))), ==,
                   "media-playback-start-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (session, "pause_button")), ==, "Resume (P)");
  loadwise_ticker_advance (fixture->ticker, SECONDS (100));
  g_assert_true (loadwise_guided_session_is_holding (session));
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (3));
  /* Counting does nothing while paused. */
  act (session, "session.confirm");
  g_assert_true (loadwise_guided_session_is_holding (session));
  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 0);
  g_clear_pointer (&sets, g_ptr_array_unref);

  act (session, "session.pause");
  g_object_get (session, "paused", &paused, NULL);
  g_assert_false (paused);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (child (session, "pause_button"))), ==,
                   "media-playback-pause-symbolic");
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (3));
  loadwise_ticker_advance (fixture->ticker, SECONDS (3));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  sets = list_sets (fixture);
  g_assert_cmpuint (count_done (sets), ==, 1);

  /* The rest too. */
  act (session, "session.pause");
  loadwise_ticker_advance (fixture->ticker, SECONDS (60));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "rest");
  g_assert_cmpint (loadwise_guided_session_get_remaining (session), ==, SECONDS (10));
  act (session, "session.pause");
  loadwise_ticker_advance (fixture->ticker, SECONDS (10));
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "hold");

  destroy_session (session);
}

static void
assert_fits_narrow (LoadwiseGuidedSession *session)
{
  int minimum = 0;

  gtk_widget_measure (adw_window_get_content (ADW_WINDOW (session)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Every phase fits a 360 px window, with the longest names (level 4). */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  LoadwiseGuidedSession *session = open_session (fixture, 4);

  assert_fits_narrow (session);                       /* intro, per side */
  act (session, "session.confirm");
  assert_fits_narrow (session);                       /* reps */
  for (guint i = 0; i < 6; i++)
    {
      if (g_str_equal (loadwise_guided_session_get_phase (session), "rest"))
        {
          assert_fits_narrow (session);
          act (session, "session.skip-rest");
        }
      act (session, "session.confirm");
    }
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "pain");
  assert_fits_narrow (session);
  act (session, "session.confirm");
  /* Single-leg deadlift, then the side plank's hold. */
  act (session, "session.confirm");
  for (guint i = 0; i < 6; i++)
    {
      if (g_str_equal (loadwise_guided_session_get_phase (session), "rest"))
        act (session, "session.skip-rest");
      act (session, "session.confirm");
    }
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "side-plank");
  act (session, "session.confirm");
  g_assert_cmpstr (loadwise_guided_session_get_phase (session), ==, "hold");
  assert_fits_narrow (session);
  destroy_session (session);
}

/* Roles, names and descriptions a screen reader needs. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  LoadwiseGuidedSession *session = open_session (fixture, 3);
  const LoadwiseExercise *exercise = loadwise_guided_session_get_exercise (session);
  GtkWidget *image = ui_test_find_named (GTK_WIDGET (session), "illustration");

  g_assert_nonnull (image);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       exercise->name);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       loadwise_illustration_get_description (exercise->id));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ui_test_find_named (GTK_WIDGET (session), "pause")),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_named (GTK_WIDGET (session), "pause")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_named (GTK_WIDGET (session), "first-right")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Start with the right side");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_named (GTK_WIDGET (session), "add-rest")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Rest 15 seconds longer");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (session, "count_button")),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (session, "hold_time_label")),
                                   GTK_ACCESSIBLE_ROLE_TIMER);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (session, "rest_time_label")),
                                   GTK_ACCESSIBLE_ROLE_TIMER);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (session, "pain_scale")),
                                   GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (child (session, "pain_scale")),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       child (session, "pain_title_label"), NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (session, "hold_progress")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hold progress");

  destroy_session (session);
}

/* Today: a Start Session button that opens the window, and each card's
 * drawing described. */
static void
test_today (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *today;
  GtkWidget *start;
  GtkWidget *card;
  GtkWidget *image;
  LoadwiseGuidedSession *session = NULL;
  GList *toplevels;

  ui_fixture_add_programme (&fixture->ui, 2026, 11, 23, 2);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->ui.context));
  ui_test_show (window);
  today = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);

  start = ui_test_find_named (today, "start-session");
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_get_visible (start));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_widget_has_css_class (start, "suggested-action"));

  card = ui_test_find_named (today, "split-squat");
  g_assert_nonnull (card);
  image = ui_test_find_named (card, "illustration");
  g_assert_nonnull (image);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       loadwise_illustration_get_description ("split-squat"));

  gtk_widget_activate_action (window, "win.start-session", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LOADWISE_IS_GUIDED_SESSION (l->data))
      session = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (session);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (session)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (session)));
  g_assert_cmpstr (loadwise_guided_session_get_exercise (session)->id, ==, "offset-bridge");
  destroy_session (session);

  ui_test_destroy (window);
}

/* No session today: a message, not a window. */
static void
test_rest_day (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;

  g_assert_false (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no programme yet: set one up first.");
  g_clear_error (&error);

  /* Thursday 26 November is a rest day (Mon/Wed/Fri). */
  ui_fixture_add_programme (&fixture->ui, 2026, 11, 23, 1);
  ui_fixture_set_today (&fixture->ui, 2026, 11, 26);
  g_assert_false (loadwise_guided_session_prescribe_today (fixture->ui.context, &prescription, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Today is a rest day: there is no session to do.");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/guided-session/display");
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/ui/guided-session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("full", test_full);
  ADD ("leave-halfway", test_leave_halfway);
  ADD ("uncount-and-passed", test_uncount_and_passed);
  ADD ("per-side", test_per_side);
  ADD ("hold-and-rest", test_hold_and_rest);
  ADD ("cues", test_cues);
  ADD ("tempo", test_tempo);
  ADD ("tempo-sides", test_tempo_sides);
  ADD ("hands-free", test_hands_free);
  ADD ("tempo-poses", test_tempo_poses);
  ADD ("reduced-motion", test_reduced_motion);
  ADD ("hold-pulses", test_hold_pulses);
  ADD ("hold-cue", test_hold_cue);
  g_test_add_func ("/ui/guided-session/cue-sounds", test_cue_sounds);
  ADD ("pause", test_pause);
  ADD ("narrow", test_narrow);
  ADD ("accessible", test_accessible);
  ADD ("today", test_today);
  ADD ("rest-day", test_rest_day);
#undef ADD

  return g_test_run ();
}
