/* loadwise-guided-session.c
 *
 * A modal window rather than a page of the main window: it has its own
 * keyboard (Space, Enter, P and Escape mean something else everywhere
 * else), it must not be left by a stray click on a view switcher, and
 * closing it is one clear moment to ask "leave?". Today stays underneath
 * and follows what is written here from the context's "changed".
 *
 * Timers keep a deadline on the ticker's clock; each tick compares it with
 * the ticker's time, so a late tick (a hidden window) never loses time.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-guided-session.h"

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "ui/loadwise-exercise-card.h"
#include "ui/loadwise-illustration.h"
#include "ui/loadwise-pain-scale.h"
#include "ui/loadwise-pose-view.h"

/* (design) ACSM 2009 advises 1-2 min of rest between sets of lighter
 * assistance exercises; ours are light, so the short end. */
#define REST_BETWEEN_SETS_S 60
/* (design) Between holds: as long as the hold itself, at least 10 s, as
 * LEAP's isometrics are short, repeated efforts (Mellor 2016, Table 3). */
#define REST_BETWEEN_HOLDS_MIN_S 10

typedef enum {
  PHASE_INTRO,
  PHASE_REPS,
  PHASE_HOLD,
  PHASE_REST,
  PHASE_PAIN,
  PHASE_SUMMARY,
} Phase;

static const char *phase_names[] = { "intro", "reps", "hold", "rest", "pain", "summary" };

typedef struct {
  LoadwiseSide side;
  guint        set_index;
} Step;

struct _LoadwiseGuidedSession
{
  AdwWindow             parent_instance;

  LoadwiseContext      *context;
  gboolean              write_failed; /* set by on_written */
  LoadwiseTicker       *ticker;
  LoadwiseCues         *cues;
  gboolean              switching_sides;  /* the next set is the other side of this one */
  GSettings            *settings;
  /* Issue 15: reps that count themselves, at the exercise's tempo times
   * @pace (remembered per exercise in "tempos"). */
  gboolean              tempo;
  double                pace;
  guint                 tempo_segment;    /* 0 up, 1 at the top, 2 down */
  LoadwisePrescription  prescription;
  GPtrArray            *logged;      /* LoadwiseSetLog rows already done on arrival */

  Phase                 phase;
  guint                 exercise;    /* family index */
  GArray               *steps;       /* Step: what is left of this exercise */
  guint                 step;
  guint                 reps;
  gboolean              holding;
  gint64                hold_started;
  gint64                deadline;
  gboolean              ticking;
  gboolean              paused;
  gint64                paused_at;
  gboolean              right_first;
  gboolean              may_close;
  guint                 sets_done;   /* logged in this window */
  int                   pains[LOADWISE_N_FAMILIES]; /* -1: not rated */

  AdwWindowTitle       *window_title;
  GtkBox               *illustration_box;
  LoadwisePoseView     *pose_view;        /* weak; NULL: the still drawing */
  gint64                pose_second;      /* of the hold, last pulsed */
  GtkRevealer          *paused_revealer;
  GtkWidget            *pause_button;
  GtkStack             *phase_stack;
  GtkWidget            *begin_button;
  GtkWidget            *tempo_check;
  GtkWidget            *uncount_button;
  GtkWidget            *tempo_box;
  GtkLabel             *tempo_segment_label;
  GtkLabel             *tempo_pace_label;
  GtkWidget            *finish_button;
  GtkLabel             *passed_label;
  GtkLabel             *name_label;
  GtkLabel             *dosage_label;
  GtkLabel             *summary_label;
  GtkLabel             *instructions_label;
  GtkLabel             *cues_label;
  GtkWidget            *side_box;
  GtkLabel             *reps_set_label;
  GtkLabel             *reps_count_label;
  GtkButton            *count_button;
  GtkLabel             *hold_set_label;
  GtkLabel             *hold_time_label;
  GtkButton            *hold_button;
  GtkProgressBar       *hold_progress;
  GtkLabel             *rest_time_label;
  GtkLabel             *rest_next_label;
  GtkLabel             *pain_title_label;
  LoadwisePainScale    *pain_scale;
  GtkButton            *save_pain_button;
  GtkLabel             *result_label;
  GtkListBox           *result_box;
};

G_DEFINE_FINAL_TYPE (LoadwiseGuidedSession, loadwise_guided_session, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TICKER,
  PROP_CUES,
  PROP_PAUSED,
  PROP_FIRST_SIDE,
  PROP_TEMPO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_phase (LoadwiseGuidedSession *self);

gboolean
loadwise_guided_session_prescribe_today (LoadwiseContext       *context,
                                         LoadwisePrescription  *out_prescription,
                                         GError               **error)
{
  LoadwiseDatabase *database = loadwise_context_get_database (context);
  g_autoptr (GError) local_error = NULL;
  LoadwiseProgramme programme;
  guint levels[LOADWISE_N_FAMILIES];
  GDate today;
  int week;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (out_prescription != NULL, FALSE);

  if (!loadwise_database_get_programme (database, &programme, &local_error))
    {
      if (g_error_matches (local_error, LOADWISE_DATABASE_ERROR,
                           LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        {
          g_set_error_literal (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
                               _("There is no programme yet: set one up first."));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  loadwise_clock_get_today (loadwise_context_get_clock (context), &today);
  week = loadwise_programme_get_week (&programme, &today);
  if (week <= 0)
    {
      g_set_error_literal (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
                           _("Your programme has not started yet."));
      return FALSE;
    }
  if (!loadwise_database_get_levels (database, week, levels, error))
    return FALSE;
  if (!loadwise_prescribe (loadwise_context_get_catalogue (context), &programme, levels,
                           &today, out_prescription) ||
      !out_prescription->is_session)
    {
      g_set_error_literal (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
                           _("Today is a rest day: there is no session to do."));
      return FALSE;
    }
  return TRUE;
}

guint
loadwise_guided_session_rest_seconds (const LoadwisePrescribedExercise *item)
{
  g_return_val_if_fail (item != NULL, 0);

  if (item->target_hold_s > 0)
    return MAX (item->target_hold_s, REST_BETWEEN_HOLDS_MIN_S);
  return REST_BETWEEN_SETS_S;
}

static const LoadwisePrescribedExercise *
current_item (LoadwiseGuidedSession *self)
{
  return &self->prescription.exercises[self->exercise];
}

static const Step *
current_step (LoadwiseGuidedSession *self)
{
  if (self->steps == NULL || self->step >= self->steps->len)
    return NULL;
  return &g_array_index (self->steps, Step, self->step);
}

static gint64
now (LoadwiseGuidedSession *self)
{
  /* While paused, time stands at the moment of the pause. */
  return self->paused ? self->paused_at : loadwise_ticker_get_time (self->ticker);
}

static void
toast (LoadwiseGuidedSession *self,
       const char            *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
  else
    g_message ("%s", message);
}

static void
set_ticking (LoadwiseGuidedSession *self,
             gboolean               ticking)
{
  if (self->ticking == ticking)
    return;
  self->ticking = ticking;
  if (ticking)
    loadwise_ticker_hold (self->ticker);
  else
    loadwise_ticker_release (self->ticker);
}

static gboolean
was_logged (LoadwiseGuidedSession *self,
            const char            *exercise_id,
            LoadwiseSide           side,
            guint                  set_index)
{
  for (guint i = 0; self->logged != NULL && i < self->logged->len; i++)
    {
      const LoadwiseSetLog *log = g_ptr_array_index (self->logged, i);

      if (log->done && log->side == side && log->set_index == set_index &&
          g_strcmp0 (log->exercise_id, exercise_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The sets of the current exercise still to do, sides in the chosen order. */
static void
build_steps (LoadwiseGuidedSession *self)
{
  const LoadwisePrescribedExercise *item = current_item (self);
  LoadwiseSide order[2];
  guint n_sides = item->n_sides == 2 ? 2 : 1;

  order[0] = n_sides == 1 ? LOADWISE_SIDE_NONE
                          : (self->right_first ? LOADWISE_SIDE_RIGHT : LOADWISE_SIDE_LEFT);
  order[1] = self->right_first ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_RIGHT;

  g_array_set_size (self->steps, 0);
  self->step = 0;
  for (guint set = 0; set < item->sets; set++)
    for (guint s = 0; s < n_sides; s++)
      {
        Step step = { order[s], set };

        if (!was_logged (self, item->exercise->id, step.side, step.set_index))
          g_array_append_val (self->steps, step);
      }
}

static char *
format_time (gint64 microseconds)
{
  /* Round up: a countdown shows 1 until it reaches 0. */
  gint64 seconds = (MAX (microseconds, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  /* Translators: a countdown, minutes:seconds, e.g. "1:05". */
  return g_strdup_printf (_("%u:%02u"), (guint) (seconds / 60), (guint) (seconds % 60));
}

/* "Set 2 of 3 · Left side" */
static char *
format_set (LoadwiseGuidedSession *self,
            const Step            *step)
{
  const LoadwisePrescribedExercise *item = current_item (self);

  if (step->side == LOADWISE_SIDE_LEFT)
    /* Translators: e.g. "Set 2 of 3 · Left side". */
    return g_strdup_printf (_("Set %u of %u · Left side"), step->set_index + 1, item->sets);
  if (step->side == LOADWISE_SIDE_RIGHT)
    /* Translators: e.g. "Set 2 of 3 · Right side". */
    return g_strdup_printf (_("Set %u of %u · Right side"), step->set_index + 1, item->sets);
  if (item->exercise->side_mode == LOADWISE_SIDE_MODE_PER_DIRECTION)
    /* Translators: e.g. "Set 1 of 2 · each way". */
    return g_strdup_printf (_("Set %u of %u · each way"), step->set_index + 1, item->sets);
  /* Translators: e.g. "Set 1 of 2". */
  return g_strdup_printf (_("Set %u of %u"), step->set_index + 1, item->sets);
}

/* What the spoken cues say as a set begins, for a runner on the floor:
 * "Left side. Set 2 of 3. 10 reps", "Switch to the right side. Set 2 of
 * 3. 10 reps" (@switching) or "Set 1 of 5. Hold, 10 seconds". */
static char *
format_spoken_set (LoadwiseGuidedSession *self,
                   const Step            *step,
                   gboolean               switching)
{
  const LoadwisePrescribedExercise *item = current_item (self);
  g_autofree char *set = NULL;
  g_autofree char *dose = NULL;
  const char *side = NULL;

  if (item->target_hold_s > 0)
    /* Translators: spoken as a set of holds begins. */
    dose = g_strdup_printf (ngettext ("Hold, %u second", "Hold, %u seconds", item->target_hold_s),
                            item->target_hold_s);
  else
    /* Translators: spoken as a set begins. */
    dose = g_strdup_printf (ngettext ("%u rep", "%u reps", item->target_reps), item->target_reps);
  /* Translators: spoken, e.g. "Set 2 of 3". */
  set = g_strdup_printf (_("Set %u of %u"), step->set_index + 1, item->sets);

  if (step->side == LOADWISE_SIDE_LEFT)
    /* Translators: spoken before a set. */
    side = switching ? _("Switch to the left side") : _("Left side");
  else if (step->side == LOADWISE_SIDE_RIGHT)
    /* Translators: spoken before a set. */
    side = switching ? _("Switch to the right side") : _("Right side");

  if (side != NULL)
    /* Translators: spoken phrases joined, e.g. "Left side. Set 2 of 3. 10 reps". */
    return g_strdup_printf (_("%s. %s. %s"), side, set, dose);
  /* Translators: spoken phrases joined, e.g. "Set 1 of 2. 15 reps". */
  return g_strdup_printf (_("%s. %s"), set, dose);
}

static void
update_subtitle (LoadwiseGuidedSession *self)
{
  g_autofree char *subtitle = NULL;

  if (self->phase == PHASE_SUMMARY)
    {
      adw_window_title_set_title (self->window_title, _("Guided Session"));
      adw_window_title_set_subtitle (self->window_title, _("Done"));
      return;
    }
  adw_window_title_set_title (self->window_title, current_item (self)->exercise->name);
  /* Translators: e.g. "Exercise 2 of 3". */
  subtitle = g_strdup_printf (_("Exercise %u of %u"), self->exercise + 1, LOADWISE_N_FAMILIES);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_timers (LoadwiseGuidedSession *self)
{
  const LoadwisePrescribedExercise *item = current_item (self);
  gint64 remaining = loadwise_guided_session_get_remaining (self);
  g_autofree char *text = NULL;

  if (self->phase == PHASE_HOLD)
    {
      gint64 total = (gint64) item->target_hold_s * G_USEC_PER_SEC;

      text = format_time (self->holding ? remaining : total);
      gtk_label_set_label (self->hold_time_label, text);
      gtk_progress_bar_set_fraction (self->hold_progress,
                                     self->holding && total > 0
                                       ? 1.0 - (double) remaining / (double) total : 0.0);
    }
  else if (self->phase == PHASE_REST)
    {
      text = format_time (remaining);
      gtk_label_set_label (self->rest_time_label, text);
    }
}

/* The count so far, and whether there is a rep to take back. */
static void
show_reps (LoadwiseGuidedSession *self)
{
  g_autofree char *count = NULL;

  /* Translators: reps counted of the target, e.g. "3 / 10". */
  count = g_strdup_printf (_("%u / %u"), self->reps, current_item (self)->target_reps);
  gtk_label_set_label (self->reps_count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.uncount", self->reps > 0 && !self->paused);
}

#define PACE_MIN  0.5
#define PACE_MAX  2.0
#define PACE_STEP 1.25

static gboolean
tempo_applies (LoadwiseGuidedSession *self)
{
  return self->tempo && loadwise_exercise_has_tempo (current_item (self)->exercise);
}

/* How long @segment of a rep lasts at the runner's pace. */
static gint64
segment_us (LoadwiseGuidedSession *self,
            guint                  segment)
{
  return (gint64) (current_item (self)->exercise->tempo_s[segment] * self->pace * G_USEC_PER_SEC);
}

static void
show_tempo (LoadwiseGuidedSession *self)
{
  const guint *tempo = current_item (self)->exercise->tempo_s;
  g_autofree char *pace = NULL;
  const char *segment;

  gtk_widget_set_visible (self->tempo_box, self->phase == PHASE_REPS && tempo_applies (self));
  gtk_widget_set_visible (GTK_WIDGET (self->count_button), !tempo_applies (self));
  gtk_widget_set_visible (self->uncount_button, !tempo_applies (self));
  if (!tempo_applies (self))
    return;
  segment = self->tempo_segment == 0 ? _("Up") : self->tempo_segment == 1 ? _("Hold") : _("Down");
  gtk_label_set_label (self->tempo_segment_label, segment);
  /* Translators: a rep's pace, seconds up, at the top and down, e.g. "2.5 s · 1.3 s · 2.5 s". */
  pace = g_strdup_printf (_("%.1f s · %.1f s · %.1f s"), tempo[0] * self->pace, tempo[1] * self->pace,
                          tempo[2] * self->pace);
  gtk_label_set_label (self->tempo_pace_label, pace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.slower", self->pace * PACE_STEP <= PACE_MAX + 1e-9);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.faster", self->pace / PACE_STEP >= PACE_MIN - 1e-9);
}

/* The first segment of a rep that takes any time, from @segment on;
 * 3 when none is left (the rep is done). */
static guint
next_segment (LoadwiseGuidedSession *self,
              guint                  segment)
{
  while (segment < 3 && segment_us (self, segment) == 0)
    segment++;
  return segment;
}

/* Issue 15: the drawing moves in step with the rep. With the tempo, up to
 * the end pose over the up segment, held at the top, back over the down
 * segment; each animation lasts what is left of its segment. */
static void
pose_follow_tempo (LoadwiseGuidedSession *self)
{
  guint left_ms;

  if (self->pose_view == NULL)
    return;
  left_ms = (guint) (MAX (self->deadline - now (self), 0) / 1000);
  switch (self->tempo_segment)
    {
    case 0:
      loadwise_pose_view_set_position (self->pose_view, 0.0);
      loadwise_pose_view_animate_to (self->pose_view, 1.0, left_ms);
      break;
    case 1:
      loadwise_pose_view_set_position (self->pose_view, 1.0);
      break;
    case 2:
      loadwise_pose_view_animate_to (self->pose_view, 0.0, left_ms);
      break;
    default:
      break;
    }
}

/* (design) A rep counted by the runner: a short there and back. */
#define POSE_REP_MS 600

static void
pose_play_rep (LoadwiseGuidedSession *self)
{
  if (self->pose_view != NULL)
    loadwise_pose_view_play_rep (self->pose_view, POSE_REP_MS);
}

/* (design) An isometric hold's arrows pulse in with each second of it. */
#define POSE_PULSE_MS 300

/* A hold: the end pose for its time (the side plank's hips up), but the
 * isometric holds, which have no start pose, pulse their effort arrows in
 * with each second. */
static void
pose_hold (LoadwiseGuidedSession *self,
           gboolean               holding)
{
  if (self->pose_view == NULL)
    return;
  self->pose_second = 0;
  if (holding && !loadwise_pose_view_has_start_pose (self->pose_view))
    loadwise_pose_view_play_rep (self->pose_view, POSE_PULSE_MS);
  else
    loadwise_pose_view_animate_to (self->pose_view, holding ? 1.0 : 0.0, POSE_REP_MS);
}

static void
pose_follow_hold (LoadwiseGuidedSession *self)
{
  gint64 second;

  if (self->pose_view == NULL || !self->holding || loadwise_pose_view_has_start_pose (self->pose_view))
    return;
  second = (now (self) - self->hold_started) / G_USEC_PER_SEC;
  if (second > self->pose_second)
    {
      self->pose_second = second;
      loadwise_pose_view_play_rep (self->pose_view, POSE_PULSE_MS);
    }
}

static void
pose_pause (LoadwiseGuidedSession *self,
            gboolean               paused)
{
  if (self->pose_view == NULL)
    return;
  if (paused)
    loadwise_pose_view_pause (self->pose_view);
  else
    loadwise_pose_view_resume (self->pose_view);
}

/* The exercise's drawing: moving, or still with animations off (reduced
 * motion). */
static void
show_drawing (LoadwiseGuidedSession  *self,
              const LoadwiseExercise *exercise)
{
  gboolean animations = TRUE;
  GtkWidget *drawing;
  GtkWidget *child;

  g_clear_weak_pointer (&self->pose_view);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->illustration_box))) != NULL)
    gtk_box_remove (self->illustration_box, child);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  if (animations)
    {
      drawing = loadwise_pose_view_new (exercise, 160);
      g_set_weak_pointer (&self->pose_view, LOADWISE_POSE_VIEW (drawing));
    }
  else
    drawing = loadwise_illustration_new (exercise, 160);
  gtk_box_append (self->illustration_box, drawing);
}

/* Animations turned on or off mid-session: the other drawing, in step. */
static void
on_enable_animations_notify (LoadwiseGuidedSession *self)
{
  gboolean animations = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  /* GtkSettings notifies on every set, changed or not. */
  if (!!animations == (self->pose_view != NULL) || self->phase == PHASE_SUMMARY ||
      gtk_widget_get_first_child (GTK_WIDGET (self->illustration_box)) == NULL)
    return;
  show_drawing (self, current_item (self)->exercise);
  if (self->phase == PHASE_REPS && tempo_applies (self))
    pose_follow_tempo (self);
  else if (self->phase == PHASE_HOLD && self->holding)
    pose_hold (self, TRUE);
}

static void
start_tempo (LoadwiseGuidedSession *self)
{
  self->tempo_segment = next_segment (self, 0);
  self->deadline = now (self) + segment_us (self, self->tempo_segment);
  set_ticking (self, TRUE);
  show_tempo (self);
  pose_follow_tempo (self);
}

/* The runner's tempo and pace for the current exercise, as remembered. */
static void
load_tempo (LoadwiseGuidedSession *self)
{
  g_autoptr (GVariant) tempos = g_settings_get_value (self->settings, "tempos");
  double pace = 1.0;

  self->tempo = g_variant_lookup (tempos, current_item (self)->exercise->id, "d", &pace);
  self->pace = CLAMP (pace, PACE_MIN, PACE_MAX);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPO]);
}

static void
save_tempo (LoadwiseGuidedSession *self)
{
  g_autoptr (GVariant) tempos = g_settings_get_value (self->settings, "tempos");
  const char *id = current_item (self)->exercise->id;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  double value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  g_variant_iter_init (&iter, tempos);
  while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
    if (!g_str_equal (key, id))
      g_variant_builder_add (&builder, "{sd}", key, value);
  if (self->tempo)
    g_variant_builder_add (&builder, "{sd}", id, self->pace);
  g_settings_set_value (self->settings, "tempos", g_variant_builder_end (&builder));
}

static void
begin_step (LoadwiseGuidedSession *self)
{
  const LoadwisePrescribedExercise *item = current_item (self);
  const Step *step = current_step (self);
  g_autofree char *set_text = format_set (self, step);
  /* One phrase, so that a second does not cut the first short. */
  g_autofree char *spoken = format_spoken_set (self, step, self->switching_sides);

  self->switching_sides = FALSE;
  self->reps = 0;
  self->holding = FALSE;
  set_ticking (self, FALSE);
  pose_hold (self, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->hold_time_label), "hold-end");

  if (item->target_hold_s > 0)
    {
      self->phase = PHASE_HOLD;
      gtk_label_set_label (self->hold_set_label, set_text);
      gtk_button_set_label (self->hold_button, _("_Start Hold"));
    }
  else
    {
      self->phase = PHASE_REPS;
      gtk_label_set_label (self->reps_set_label, set_text);
      show_reps (self);
      if (tempo_applies (self))
        start_tempo (self);
    }
  loadwise_cues_say (self->cues, spoken);
  show_phase (self);
  show_tempo (self);
}

/* Says which exercises the session passed over because they were
 * already done today, at the top of the next one; a screen reader reads
 * it first (it is the intro's first line). */
static void
set_passed_text (LoadwiseGuidedSession *self,
                 GPtrArray             *names)
{
  g_autofree char *text = NULL;

  if (names->len == 1)
    /* Translators: an exercise the guided session leaves out, e.g.
     * "Glute bridge is already done today." */
    text = g_strdup_printf (_("%s is already done today."), (const char *) g_ptr_array_index (names, 0));
  else if (names->len == 2)
    /* Translators: two exercises the guided session leaves out. */
    text = g_strdup_printf (_("%s and %s are already done today."), (const char *) g_ptr_array_index (names, 0),
                            (const char *) g_ptr_array_index (names, 1));
  gtk_label_set_label (self->passed_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->passed_label), text != NULL);
}

static void
start_exercise (LoadwiseGuidedSession *self,
                guint                  family)
{
  const LoadwisePrescribedExercise *item;
  const LoadwiseExercise *exercise;
  g_autofree char *dosage = NULL;
  g_autoptr (GString) cues = g_string_new (NULL);

  /* Exercises already done in full (ticked on Today) are passed over,
   * and the runner is told which. */
  g_autoptr (GPtrArray) passed = g_ptr_array_new ();

  for (; family < LOADWISE_N_FAMILIES; family++)
    {
      self->exercise = family;
      build_steps (self);
      if (self->steps->len > 0)
        break;
      g_ptr_array_add (passed, (gpointer) current_item (self)->exercise->name);
    }
  set_passed_text (self, passed);
  if (family >= LOADWISE_N_FAMILIES)
    {
      self->phase = PHASE_SUMMARY;
      show_phase (self);
      return;
    }

  item = current_item (self);
  exercise = item->exercise;
  dosage = loadwise_exercise_card_format_dosage (item);

  show_drawing (self, exercise);

  gtk_label_set_label (self->name_label, exercise->name);
  gtk_label_set_label (self->dosage_label, dosage);
  gtk_label_set_label (self->summary_label, exercise->summary);
  gtk_label_set_label (self->instructions_label, exercise->instructions);
  for (guint i = 0; exercise->cues != NULL && exercise->cues[i] != NULL; i++)
    g_string_append_printf (cues, "%s• %s", i > 0 ? "\n" : "", exercise->cues[i]);
  gtk_label_set_label (self->cues_label, cues->str);
  gtk_widget_set_visible (self->side_box, item->n_sides == 2);
  load_tempo (self);
  gtk_widget_set_visible (self->tempo_check, loadwise_exercise_has_tempo (exercise));
  {
    /* Translators: the intro's tempo choice, e.g. "Count the reps for me: 2 s up, 1 s hold, 2 s down". */
    g_autofree char *label = g_strdup_printf (_("_Count the reps for me: %u s up, %u s hold, %u s down"),
                                              exercise->tempo_s[0], exercise->tempo_s[1], exercise->tempo_s[2]);

    GtkWidget *text;

    gtk_check_button_set_label (GTK_CHECK_BUTTON (self->tempo_check), label);
    gtk_check_button_set_use_underline (GTK_CHECK_BUTTON (self->tempo_check), TRUE);
    /* The label wraps on a narrow window (GTK 4.8 has no check button child). */
    text = gtk_widget_get_last_child (self->tempo_check);
    if (GTK_IS_LABEL (text))
      {
        gtk_label_set_wrap (GTK_LABEL (text), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
      }
  }

  self->phase = PHASE_INTRO;
  {
    /* Translators: spoken as an exercise is introduced; %s is its name. */
    g_autofree char *spoken = g_strdup_printf (_("Next: %s. Press Enter to begin."), exercise->name);

    loadwise_cues_say (self->cues, spoken);
  }
  show_phase (self);
}

/* The button says what Enter will do: save the rating, or go on without
 * one (the summary then says "Pain not rated"). */
static void
on_pain_scale_value_notify (LoadwisePainScale     *scale,
                            GParamSpec            *pspec,
                            LoadwiseGuidedSession *self)
{
  gtk_button_set_label (self->save_pain_button,
                        loadwise_pain_scale_is_rated (scale) ? _("_Save and Go On")
                                                             : _("_Go On Without Rating"));
}

static void
finish_exercise (LoadwiseGuidedSession *self)
{
  g_autofree char *title = NULL;

  set_ticking (self, FALSE);
  self->holding = FALSE;
  self->phase = PHASE_PAIN;
  /* Translators: %s is an exercise's name. */
  title = g_strdup_printf (_("How much did your hip hurt during “%s”?"),
                           current_item (self)->exercise->name);
  gtk_label_set_label (self->pain_title_label, title);
  /* Unrated until the runner says: never a 0 nobody chose. */
  loadwise_pain_scale_set_value (self->pain_scale, self->pains[self->exercise]);
  on_pain_scale_value_notify (self->pain_scale, NULL, self);
  show_phase (self);
}

static void
start_rest (LoadwiseGuidedSession *self)
{
  const Step *next = current_step (self);
  g_autofree char *set_text = format_set (self, next);
  g_autofree char *next_text = NULL;

  self->phase = PHASE_REST;
  self->deadline = now (self) +
                   (gint64) loadwise_guided_session_rest_seconds (current_item (self)) * G_USEC_PER_SEC;
  /* Translators: %s says which set comes next, e.g. "Set 2 of 3 · Left side". */
  next_text = g_strdup_printf (_("Next: %s"), set_text);
  gtk_label_set_label (self->rest_next_label, next_text);
  {
    guint rest_s = loadwise_guided_session_rest_seconds (current_item (self));
    /* Translators: spoken as a rest begins. */
    g_autofree char *spoken = g_strdup_printf (ngettext ("Rest, %u second", "Rest, %u seconds", rest_s), rest_s);

    loadwise_cues_say (self->cues, spoken);
  }
  set_ticking (self, TRUE);
  show_phase (self);
}

/* A set, a pain or the finished session, as kept until written. */
typedef struct {
  GDate                 date;
  LoadwiseSetLog        log;  /* exercise_id owned */
  gboolean              is_pain;
  gboolean              is_finish;
  guint                 pain;
} SessionWrite;

static void
session_write_free (gpointer data)
{
  SessionWrite *write = data;

  g_free (write->log.exercise_id);
  g_free (write);
}

static gboolean
write_session (LoadwiseDatabase  *database,
               gpointer           data,
               GError           **error)
{
  SessionWrite *write = data;

  if (write->is_finish)
    return loadwise_database_set_session_status (database, &write->date, LOADWISE_SESSION_STATUS_DONE,
                                                 NULL, NULL, error);
  if (write->is_pain)
    return loadwise_database_set_exercise_pain (database, &write->date, write->log.exercise_id,
                                                write->pain, error);
  return loadwise_database_log_set (database, &write->date, &write->log, error);
}

static void
on_written (GtkWidget    *widget,
            const GError *error,
            gpointer      data)
{
  SessionWrite *write = data;

  if (error != NULL)
    {
      if (widget != NULL)
        {
          LOADWISE_GUIDED_SESSION (widget)->write_failed = TRUE;
          toast (LOADWISE_GUIDED_SESSION (widget), error->message);
        }
      else
        g_message ("%s", error->message);
    }
  else if (write->is_finish && widget != NULL)
    toast (LOADWISE_GUIDED_SESSION (widget), _("Session saved"));
}

/* Writes through the context. FALSE only when the write failed now; a
 * write kept behind another program's lock moves the session on (the
 * runner is told if it finally fails). */
static gboolean
write_now_or_later (LoadwiseGuidedSession *self,
                    SessionWrite          *write)
{
  self->write_failed = FALSE;
  write->date = self->prescription.date;
  loadwise_context_write (self->context, GTK_WIDGET (self), write_session, write,
                          session_write_free, on_written);
  return !self->write_failed;
}

/* Writes the current set, then moves on: the other side at once, a rest
 * before the next set, or the pain rating after the last. */
static void
complete_set (LoadwiseGuidedSession *self,
              guint                  reps,
              guint                  hold_s)
{
  const LoadwisePrescribedExercise *item = current_item (self);
  const Step *step = current_step (self);
  SessionWrite *write = g_new0 (SessionWrite, 1);
  guint set_index;

  write->log.exercise_id = g_strdup (item->exercise->id);
  write->log.side = step->side;
  write->log.set_index = step->set_index;
  write->log.done = TRUE;
  write->log.reps = reps;
  write->log.hold_s = hold_s;
  /* On a failure nothing moves on: the runner can try again. */
  if (!write_now_or_later (self, write))
    return;
  self->sets_done++;

  set_index = step->set_index;
  self->step++;
  /* One sound says what comes next, for a runner not looking. */
  if (self->step >= self->steps->len)
    {
      loadwise_cues_play (self->cues, LOADWISE_CUE_EXERCISE_DONE);
      /* Translators: spoken when an exercise's last set is done; %s is its name. */
      {
        g_autofree char *spoken = g_strdup_printf (_("%s done. How much did it hurt?"), item->exercise->name);

        loadwise_cues_say (self->cues, spoken);
      }
      finish_exercise (self);
    }
  else if (current_step (self)->set_index == set_index)
    {
      /* The other side of the same set: the first side rests meanwhile. */
      loadwise_cues_play (self->cues, LOADWISE_CUE_SWITCH_SIDES);
      self->switching_sides = TRUE;
      begin_step (self);
    }
  else
    {
      loadwise_cues_play (self->cues, LOADWISE_CUE_SET_DONE);
      start_rest (self);
    }
}

/* The hold's time is up: seen at once; heard through the set's end
 * (complete_set's cue). */
static void
pulse (LoadwiseGuidedSession *self)
{
  /* CSS animations follow gtk-enable-animations. */
  gtk_widget_add_css_class (GTK_WIDGET (self->hold_time_label), "hold-end");
}

static void count_rep (LoadwiseGuidedSession *self);

static void
on_ticker_tick (LoadwiseTicker        *ticker,
                LoadwiseGuidedSession *self)
{
  if (self->paused)
    return;

  pose_follow_hold (self);
  if (self->phase == PHASE_HOLD && self->holding &&
      now (self) >= self->deadline)
    {
      self->holding = FALSE;
      pulse (self);
      complete_set (self, current_item (self)->target_reps, current_item (self)->target_hold_s);
      return;
    }
  if (self->phase == PHASE_REST && now (self) >= self->deadline)
    {
      loadwise_cues_play (self->cues, LOADWISE_CUE_REST_END);
      begin_step (self);
      return;
    }
  /* A tick may be late (a hidden window): every segment that ended since
   * is taken in turn, on the deadlines, not on the tick's time. */
  while (self->phase == PHASE_REPS && tempo_applies (self) && now (self) >= self->deadline)
    {
      self->tempo_segment = next_segment (self, self->tempo_segment + 1);
      if (self->tempo_segment == 3)
        {
          gint64 rep_end = self->deadline;
          guint set_before = self->step;

          count_rep (self);
          if (self->phase != PHASE_REPS || self->step != set_before)
            return;
          self->tempo_segment = next_segment (self, 0);
          self->deadline = rep_end;
        }
      self->deadline += segment_us (self, self->tempo_segment);
      show_tempo (self);
      pose_follow_tempo (self);
    }
  update_timers (self);
}

static void
show_phase (LoadwiseGuidedSession *self)
{
  gtk_stack_set_visible_child_name (self->phase_stack, phase_names[self->phase]);
  gtk_widget_set_visible (GTK_WIDGET (self->illustration_box), self->phase != PHASE_SUMMARY);
  update_subtitle (self);
  update_timers (self);

  if (self->phase == PHASE_SUMMARY)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) sets = NULL;
      g_autofree char *result = NULL;
      GtkWidget *child;
      guint total = 0;
      guint done = 0;
      GDate date = self->prescription.date;

      set_ticking (self, FALSE);
      sets = loadwise_database_list_sets (loadwise_context_get_database (self->context),
                                          &date, &error);
      if (sets == NULL)
        toast (self, error->message);
      for (guint i = 0; sets != NULL && i < sets->len; i++)
        if (((LoadwiseSetLog *) g_ptr_array_index (sets, i))->done)
          done++;
      for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
        total += loadwise_prescribed_exercise_total_sets (&self->prescription.exercises[family]);

      /* Translators: e.g. "18 of 18 sets done today". */
      result = g_strdup_printf (ngettext ("%u of %u set done today", "%u of %u sets done today", total),
                                done, total);
      gtk_label_set_label (self->result_label, result);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_box))) != NULL)
        gtk_list_box_remove (self->result_box, child);
      for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
        {
          const LoadwiseExercise *exercise = self->prescription.exercises[family].exercise;
          g_autofree char *pain = NULL;
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), exercise->name);
          if (self->pains[family] >= 0)
            /* Translators: the pain rated for an exercise, e.g. "Pain 2 of 10". */
            pain = g_strdup_printf (_("Pain %d of 10"), self->pains[family]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       pain != NULL ? pain : _("Pain not rated"));
          gtk_list_box_append (self->result_box, row);
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.first-side", self->phase == PHASE_INTRO);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-rest", self->phase == PHASE_REST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.skip-rest", self->phase == PHASE_REST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.set-pain", self->phase == PHASE_PAIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.finish", self->phase == PHASE_SUMMARY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.pause",
                                 self->phase == PHASE_HOLD || self->phase == PHASE_REST ||
                                 self->phase == PHASE_REPS || self->paused);

  /* Keep the keyboard where the next thing to do is. */
  switch (self->phase)
    {
    case PHASE_REPS:
      /* With a tempo, Space on Pause pauses; else it counts. */
      gtk_widget_grab_focus (tempo_applies (self) ? GTK_WIDGET (self->pause_button)
                                                  : GTK_WIDGET (self->count_button));
      break;
    case PHASE_HOLD:
      gtk_widget_grab_focus (GTK_WIDGET (self->hold_button));
      break;
    case PHASE_PAIN:
      gtk_widget_grab_focus (GTK_WIDGET (self->pain_scale));
      break;
    case PHASE_INTRO:
      /* Not the side toggles, the window's first: Enter begins. */
      gtk_widget_grab_focus (self->begin_button);
      break;
    case PHASE_SUMMARY:
      gtk_widget_grab_focus (self->finish_button);
      break;
    case PHASE_REST:
    default:
      break;
    }
}

static void
set_paused (LoadwiseGuidedSession *self,
            gboolean               paused)
{
  paused = !!paused;
  if (self->paused == paused)
    return;

  if (paused)
    {
      self->paused_at = loadwise_ticker_get_time (self->ticker);
      self->paused = TRUE;
    }
  else
    {
      /* The time spent paused is added to whatever is being timed. */
      self->deadline += loadwise_ticker_get_time (self->ticker) - self->paused_at;
      self->hold_started += loadwise_ticker_get_time (self->ticker) - self->paused_at;
      self->paused = FALSE;
    }
  gtk_revealer_set_reveal_child (self->paused_revealer, self->paused);
  pose_pause (self, self->paused);
  /* The button says what it will do (issue 13: it kept "pause" while paused). */
  gtk_button_set_icon_name (GTK_BUTTON (self->pause_button),
                            self->paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->pause_button, self->paused ? _("Resume (P)") : _("Pause (P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->paused ? _("Resume") : _("Pause"), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.count", !self->paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.uncount", !self->paused && self->reps > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.confirm", !self->paused);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

static void
start_hold (LoadwiseGuidedSession *self)
{
  self->holding = TRUE;
  self->hold_started = now (self);
  self->deadline = self->hold_started +
                   (gint64) current_item (self)->target_hold_s * G_USEC_PER_SEC;
  gtk_widget_remove_css_class (GTK_WIDGET (self->hold_time_label), "hold-end");
  gtk_button_set_label (self->hold_button, _("_End Hold Early"));
  set_ticking (self, TRUE);
  pose_hold (self, TRUE);
  update_timers (self);
}

/* One rep more, counted by the runner or by the tempo. */
static void
count_rep (LoadwiseGuidedSession *self)
{
  self->reps++;
  show_reps (self);
  if (!tempo_applies (self))
    pose_play_rep (self);
  if (self->reps >= current_item (self)->target_reps)
    complete_set (self, self->reps, 0);
  else
    {
      /* The count aloud; the last rep is said by what comes next. */
      g_autofree char *number = g_strdup_printf ("%u", self->reps);

      loadwise_cues_play (self->cues, LOADWISE_CUE_REP);
      loadwise_cues_say (self->cues, number);
    }
}

static void
count_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  if (self->paused)
    return;

  /* With a tempo the reps count themselves. */
  if (self->phase == PHASE_REPS && !tempo_applies (self))
    count_rep (self);
  else if (self->phase == PHASE_HOLD && !self->holding)
    start_hold (self);
}

static void
change_pace (LoadwiseGuidedSession *self,
             double                 factor)
{
  double pace = CLAMP (self->pace * factor, PACE_MIN, PACE_MAX);
  gint64 left = self->deadline - now (self);

  /* The segment under way stretches or shrinks with the rest. */
  self->deadline = now (self) + (gint64) (left * pace / self->pace);
  self->pace = pace;
  save_tempo (self);
  show_tempo (self);
}

static void
slower_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_pace (LOADWISE_GUIDED_SESSION (widget), PACE_STEP);
}

static void
faster_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_pace (LOADWISE_GUIDED_SESSION (widget), 1 / PACE_STEP);
}

/* Backspace: a rep counted by mistake is taken back. */
static void
uncount_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  if (self->phase != PHASE_REPS || self->reps == 0)
    return;
  self->reps--;
  show_reps (self);
}

static void
save_pain (LoadwiseGuidedSession *self)
{
  SessionWrite *write;
  guint pain;

  if (!loadwise_pain_scale_is_rated (self->pain_scale))
    {
      start_exercise (self, self->exercise + 1);
      return;
    }
  pain = (guint) loadwise_pain_scale_get_value (self->pain_scale);
  write = g_new0 (SessionWrite, 1);

  write->is_pain = TRUE;
  write->pain = pain;
  write->log.exercise_id = g_strdup (current_item (self)->exercise->id);
  if (!write_now_or_later (self, write))
    return;
  self->pains[self->exercise] = (int) pain;
  start_exercise (self, self->exercise + 1);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);
  SessionWrite *write = g_new0 (SessionWrite, 1);

  write->is_finish = TRUE;
  if (!write_now_or_later (self, write))
    return;
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);
  const LoadwisePrescribedExercise *item = current_item (self);

  if (self->paused)
    return;

  switch (self->phase)
    {
    case PHASE_INTRO:
      begin_step (self);
      break;

    case PHASE_REPS:
      /* Done without counting each rep: the target was done. */
      complete_set (self, self->reps > 0 ? self->reps : item->target_reps, 0);
      break;

    case PHASE_HOLD:
      if (!self->holding)
        start_hold (self);
      else
        {
          /* Ended early: the seconds actually held. */
          guint held = (guint) ((now (self) - self->hold_started) / G_USEC_PER_SEC);

          self->holding = FALSE;
          complete_set (self, item->target_reps, MIN (held, item->target_hold_s));
        }
      break;

    case PHASE_REST:
      begin_step (self);
      break;

    case PHASE_PAIN:
      save_pain (self);
      break;

    case PHASE_SUMMARY:
      finish_activated (widget, "session.finish", NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
skip_rest_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  if (self->phase == PHASE_REST)
    begin_step (self);
}

static void
add_rest_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  if (self->phase != PHASE_REST)
    return;
  self->deadline += (gint64) LOADWISE_GUIDED_SESSION_ADD_REST_S * G_USEC_PER_SEC;
  update_timers (self);
}

static void
set_pain_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  loadwise_pain_scale_set_value (self->pain_scale,
                                 (int) MIN (g_variant_get_uint32 (parameter), LOADWISE_PAIN_MAX));
}

static void
leave_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_leave_dialog_response (AdwMessageDialog      *dialog,
                          const char            *response,
                          LoadwiseGuidedSession *self)
{
  if (g_strcmp0 (response, "leave") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "session.leave", NULL);
}

static void
ask_leave_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (widget);
  GtkWidget *dialog;

  if (self->phase == PHASE_SUMMARY)
    {
      leave_activated (widget, "session.leave", NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Leave the Session?"),
                                   _("The sets you have done are saved. The rest stay open on Today."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Going"),
                                    "leave", _("_Leave"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
loadwise_guided_session_close_request (GtkWindow *window)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (window);

  if (!self->may_close)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "session.ask-leave", NULL);
      return TRUE;
    }

  /* Today shows what was written here from the context's "changed". */
  set_ticking (self, FALSE);

  return GTK_WINDOW_CLASS (loadwise_guided_session_parent_class)->close_request (window);
}

GtkWidget *
loadwise_guided_session_new (LoadwiseContext            *context,
                             const LoadwisePrescription *prescription,
                             LoadwiseTicker             *ticker)
{
  g_autoptr (LoadwiseTicker) monotonic = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseGuidedSession *self;
  GDate date;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (prescription != NULL && prescription->is_session, NULL);
  g_return_val_if_fail (ticker == NULL || LOADWISE_IS_TICKER (ticker), NULL);

  if (ticker == NULL)
    ticker = monotonic = loadwise_ticker_new_monotonic ();

  self = g_object_new (LOADWISE_TYPE_GUIDED_SESSION,
                       "context", context,
                       "ticker", ticker,
                       NULL);
  self->prescription = *prescription;
  date = prescription->date;
  self->logged = loadwise_database_list_sets (loadwise_context_get_database (context), &date, &error);
  if (self->logged == NULL)
    g_warning ("Could not read today’s sets: %s", error->message);
  start_exercise (self, 0);

  return GTK_WIDGET (self);
}

const char *
loadwise_guided_session_get_phase (LoadwiseGuidedSession *self)
{
  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), NULL);

  return phase_names[self->phase];
}

const LoadwiseExercise *
loadwise_guided_session_get_exercise (LoadwiseGuidedSession *self)
{
  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), NULL);

  if (self->phase == PHASE_SUMMARY)
    return NULL;
  return current_item (self)->exercise;
}

LoadwiseSide
loadwise_guided_session_get_side (LoadwiseGuidedSession *self)
{
  const Step *step;

  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), LOADWISE_SIDE_NONE);

  step = current_step (self);
  return step != NULL ? step->side : LOADWISE_SIDE_NONE;
}

guint
loadwise_guided_session_get_set_index (LoadwiseGuidedSession *self)
{
  const Step *step;

  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), 0);

  step = current_step (self);
  return step != NULL ? step->set_index : 0;
}

guint
loadwise_guided_session_get_reps (LoadwiseGuidedSession *self)
{
  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), 0);

  return self->reps;
}

gboolean
loadwise_guided_session_is_holding (LoadwiseGuidedSession *self)
{
  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), FALSE);

  return self->holding;
}

gint64
loadwise_guided_session_get_remaining (LoadwiseGuidedSession *self)
{
  g_return_val_if_fail (LOADWISE_IS_GUIDED_SESSION (self), 0);

  if ((self->phase == PHASE_HOLD && self->holding) || self->phase == PHASE_REST)
    return MAX (self->deadline - now (self), 0);
  return 0;
}

static void
loadwise_guided_session_constructed (GObject *object)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (object);

  G_OBJECT_CLASS (loadwise_guided_session_parent_class)->constructed (object);

  g_assert (self->context != NULL && self->ticker != NULL);
  g_signal_connect_object (self->ticker, "tick", G_CALLBACK (on_ticker_tick), self, 0);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-enable-animations",
                           G_CALLBACK (on_enable_animations_notify), self, G_CONNECT_SWAPPED);
  self->settings = g_settings_new (APP_ID);
  if (self->cues == NULL)
    self->cues = loadwise_gsound_cues_new (self->settings);
}

static void
loadwise_guided_session_dispose (GObject *object)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (object);

  set_ticking (self, FALSE);
  g_clear_weak_pointer (&self->pose_view);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_GUIDED_SESSION);
  g_clear_object (&self->ticker);
  g_clear_object (&self->cues);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_pointer (&self->logged, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (loadwise_guided_session_parent_class)->dispose (object);
}

static void
loadwise_guided_session_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_TICKER:
      g_value_set_object (value, self->ticker);
      break;

    case PROP_CUES:
      g_value_set_object (value, self->cues);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;

    case PROP_FIRST_SIDE:
      g_value_set_string (value, self->right_first ? "right" : "left");
      break;

    case PROP_TEMPO:
      g_value_set_boolean (value, self->tempo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_first_side (LoadwiseGuidedSession *self,
                const char            *side)
{
  gboolean right_first = g_strcmp0 (side, "right") == 0;

  if (self->right_first == right_first)
    return;
  self->right_first = right_first;
  /* Only before an exercise begins: the order of its sets changes. */
  if (self->phase == PHASE_INTRO && self->steps != NULL)
    build_steps (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_SIDE]);
}

static void
loadwise_guided_session_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LoadwiseGuidedSession *self = LOADWISE_GUIDED_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_TICKER:
      self->ticker = g_value_dup_object (value);
      break;

    case PROP_CUES:
      if (g_value_get_object (value) != NULL)
        g_set_object (&self->cues, g_value_get_object (value));
      break;

    case PROP_PAUSED:
      set_paused (self, g_value_get_boolean (value));
      break;

    case PROP_FIRST_SIDE:
      set_first_side (self, g_value_get_string (value));
      break;

    case PROP_TEMPO:
      if (self->tempo != g_value_get_boolean (value))
        {
          self->tempo = g_value_get_boolean (value);
          save_tempo (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         const char      *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action_name, NULL);
}

static void
loadwise_guided_session_class_init (LoadwiseGuidedSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = loadwise_guided_session_constructed;
  object_class->dispose = loadwise_guided_session_dispose;
  object_class->get_property = loadwise_guided_session_get_property;
  object_class->set_property = loadwise_guided_session_set_property;
  window_class->close_request = loadwise_guided_session_close_request;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  properties[PROP_TICKER] =
    g_param_spec_object ("ticker", NULL, NULL,
                         LOADWISE_TYPE_TICKER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What plays the sounds; the desktop's sound theme by default (tests
   * give a recording one). */
  properties[PROP_CUES] =
    g_param_spec_object ("cues", NULL, NULL,
                         LOADWISE_TYPE_CUES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the current exercise's reps count themselves at its tempo. */
  properties[PROP_TEMPO] =
    g_param_spec_boolean ("tempo", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_SIDE] =
    g_param_spec_string ("first-side", NULL, NULL,
                         "left",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOADWISE_TYPE_PAIN_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-guided-session.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, illustration_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, paused_revealer);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, phase_stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, begin_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, tempo_check);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, uncount_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, tempo_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, tempo_segment_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, tempo_pace_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, finish_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, passed_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, cues_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, side_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, reps_set_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, reps_count_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, count_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, hold_set_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, hold_time_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, hold_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, hold_progress);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, rest_time_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, rest_next_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, pain_title_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, save_pain_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_scale_value_notify);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, result_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseGuidedSession, result_box);

  gtk_widget_class_install_action (widget_class, "session.count", NULL, count_activated);
  gtk_widget_class_install_action (widget_class, "session.uncount", NULL, uncount_activated);
  gtk_widget_class_install_action (widget_class, "session.slower", NULL, slower_activated);
  gtk_widget_class_install_action (widget_class, "session.faster", NULL, faster_activated);
  gtk_widget_class_install_property_action (widget_class, "session.tempo", "tempo");
  gtk_widget_class_install_action (widget_class, "session.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "session.skip-rest", NULL, skip_rest_activated);
  gtk_widget_class_install_action (widget_class, "session.add-rest", NULL, add_rest_activated);
  gtk_widget_class_install_action (widget_class, "session.set-pain", "u", set_pain_activated);
  gtk_widget_class_install_action (widget_class, "session.ask-leave", NULL, ask_leave_activated);
  gtk_widget_class_install_action (widget_class, "session.leave", NULL, leave_activated);
  gtk_widget_class_install_action (widget_class, "session.finish", NULL, finish_activated);
  gtk_widget_class_install_property_action (widget_class, "session.pause", "paused");
  gtk_widget_class_install_property_action (widget_class, "session.first-side", "first-side");

  add_key (widget_class, GDK_KEY_p, "session.pause");
  add_key (widget_class, GDK_KEY_P, "session.pause");
  add_key (widget_class, GDK_KEY_Escape, "session.ask-leave");
  add_key (widget_class, GDK_KEY_BackSpace, "session.uncount");
  /* A keyboard's or headset's Play/Pause key, where the desktop passes it on. */
  add_key (widget_class, GDK_KEY_AudioPlay, "session.pause");
  add_key (widget_class, GDK_KEY_AudioPause, "session.pause");
}

/* Space and Enter mean "count" and "go on" wherever the focus is, except
 * on a secondary button the runner moved to (+15 s, a side), which keeps
 * its own meaning; so these run in the capture phase. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LoadwiseGuidedSession *self)
{
  GtkWidget *focus;
  GtkWidget *button = NULL;
  const char *action;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_space)
    action = "session.count";
  else if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    action = "session.confirm";
  else
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL)
    button = GTK_IS_BUTTON (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON);
  if (button != NULL && !gtk_widget_has_css_class (button, "session-primary"))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return GDK_EVENT_STOP;
}

static void
loadwise_guided_session_init (LoadwiseGuidedSession *self)
{
  static gsize css_loaded = 0;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    self->pains[i] = -1;

  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/loadwise-guided-session.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }
}
