/* loadwise-exercise-card.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-exercise-card.h"

#include <glib/gi18n.h>

#include "ui/loadwise-illustration.h"
#include "ui/loadwise-pain-scale.h"

struct _LoadwiseExerciseCard
{
  GtkWidget                  parent_instance;
  GtkWidget                 *root;

  LoadwiseDatabase          *database;
  LoadwiseContext           *context;  /* writes go through it */
  guint                      n_writing; /* made, not yet written (a lock) */
  GDate                      date;
  LoadwisePrescribedExercise item;
  gboolean                   loading;

  GtkBox                    *illustration_box;
  GtkLabel                  *name_label;
  GtkLabel                  *dosage_label;
  GtkLabel                  *level_label;
  GtkLabel                  *summary_label;
  GtkLabel                  *instructions_label;
  GtkLabel                  *cues_label;
  GtkBox                    *sets_box;
  LoadwisePainScale         *pain_scale;
};

G_DEFINE_FINAL_TYPE (LoadwiseExerciseCard, loadwise_exercise_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SIDE_KEY "loadwise-side"
#define SET_KEY  "loadwise-set"

const char *
loadwise_exercise_card_get_exercise_id (LoadwiseExerciseCard *self)
{
  g_return_val_if_fail (LOADWISE_IS_EXERCISE_CARD (self), NULL);

  return self->item.exercise->id;
}

char *
loadwise_exercise_card_format_dosage (const LoadwisePrescribedExercise *item)
{
  LoadwiseSideMode mode = item->exercise->side_mode;

  if (item->target_hold_s > 0)
    {
      if (mode == LOADWISE_SIDE_MODE_PER_SIDE)
        /* Translators: sets × seconds of each hold, e.g. "5 × 10 s hold per side". */
        return g_strdup_printf (_("%u × %u s hold per side"), item->sets, item->target_hold_s);
      /* Translators: sets × seconds of each hold, e.g. "10 × 5 s hold". */
      return g_strdup_printf (_("%u × %u s hold"), item->sets, item->target_hold_s);
    }

  if (mode == LOADWISE_SIDE_MODE_PER_SIDE)
    /* Translators: sets × repetitions, e.g. "3 × 8 per side". */
    return g_strdup_printf (_("%u × %u per side"), item->sets, item->target_reps);
  if (mode == LOADWISE_SIDE_MODE_PER_DIRECTION)
    /* Translators: sets × steps, e.g. "2 × 15 per direction". */
    return g_strdup_printf (_("%u × %u per direction"), item->sets, item->target_reps);
  /* Translators: sets × repetitions, e.g. "2 × 10". */
  return g_strdup_printf (_("%u × %u"), item->sets, item->target_reps);
}

static gboolean
find_set (GPtrArray    *sets,
          const char   *exercise_id,
          LoadwiseSide  side,
          guint         set_index)
{
  if (sets == NULL)
    return FALSE;

  for (guint i = 0; i < sets->len; i++)
    {
      const LoadwiseSetLog *log = g_ptr_array_index (sets, i);

      if (g_strcmp0 (log->exercise_id, exercise_id) == 0 &&
          log->side == side && log->set_index == set_index)
        return log->done;
    }
  return FALSE;
}

/* A tick or a pain, as kept until written. */
typedef struct {
  GDate            date;
  LoadwiseSetLog   log;   /* exercise_id owned */
  guint            pain;
  GWeakRef         button;
} CardWrite;

static void
card_write_free (gpointer data)
{
  CardWrite *write = data;

  g_free (write->log.exercise_id);
  g_weak_ref_clear (&write->button);
  g_free (write);
}

static gboolean
write_set (LoadwiseDatabase  *database,
           gpointer           data,
           GError           **error)
{
  CardWrite *write = data;

  return loadwise_database_log_set (database, &write->date, &write->log, error);
}

static void
on_set_written (GtkWidget    *widget,
                const GError *error,
                gpointer      data)
{
  LoadwiseExerciseCard *self = widget != NULL ? LOADWISE_EXERCISE_CARD (widget) : NULL;
  CardWrite *write = data;
  g_autoptr (GtkToggleButton) button = g_weak_ref_get (&write->button);

  if (self == NULL)
    return;
  self->n_writing--;
  if (error == NULL)
    return;

  /* Show what is stored, not what was clicked. */
  if (button != NULL)
    {
      self->loading = TRUE;
      gtk_toggle_button_set_active (button, !write->log.done);
      self->loading = FALSE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

static void
on_tick_toggled (GtkToggleButton      *button,
                 LoadwiseExerciseCard *self)
{
  CardWrite *write;

  if (self->loading)
    return;

  write = g_new0 (CardWrite, 1);
  write->date = self->date;
  write->log.exercise_id = g_strdup (self->item.exercise->id);
  write->log.side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), SIDE_KEY));
  write->log.set_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), SET_KEY));
  write->log.done = gtk_toggle_button_get_active (button);
  write->log.reps = write->log.done ? self->item.target_reps : 0;
  write->log.hold_s = write->log.done ? self->item.target_hold_s : 0;
  g_weak_ref_init (&write->button, button);

  self->n_writing++;
  /* Today shows the new count from the database's "changed". */
  loadwise_context_write (self->context, GTK_WIDGET (self), write_set, write,
                          card_write_free, on_set_written);
}

static gboolean
write_pain (LoadwiseDatabase  *database,
            gpointer           data,
            GError           **error)
{
  CardWrite *write = data;

  return loadwise_database_set_exercise_pain (database, &write->date, write->log.exercise_id,
                                              write->pain, error);
}

static void
on_pain_written (GtkWidget    *widget,
                 const GError *error,
                 gpointer      data)
{
  if (widget == NULL)
    return;
  LOADWISE_EXERCISE_CARD (widget)->n_writing--;
  if (error != NULL)
    gtk_widget_activate_action (widget, "win.toast", "s", error->message);
}

/* The pain stored for the card's exercise in @pains (the store's pain + 1,
 * 0 for none), or "not rated". */
static void
show_pain (LoadwiseExerciseCard *self,
           GHashTable           *pains)
{
  int stored = pains != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (pains, self->item.exercise->id)) : 0;

  loadwise_pain_scale_set_value (self->pain_scale, stored > 0 ? stored - 1 : LOADWISE_PAIN_NOT_RATED);
}

/* Shows the ticks and pain stored in @sets and @pains (a refresh after
 * another program wrote), without writing them back. */
void
loadwise_exercise_card_update (LoadwiseExerciseCard *self,
                               GPtrArray            *sets,
                               GHashTable           *pains)
{

  g_return_if_fail (LOADWISE_IS_EXERCISE_CARD (self));

  /* What the runner did and is still being written stays as clicked. */
  if (self->n_writing > 0)
    return;

  self->loading = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sets_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *tick = gtk_widget_get_first_child (row);
         tick != NULL;
         tick = gtk_widget_get_next_sibling (tick))
      if (GTK_IS_TOGGLE_BUTTON (tick))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tick),
                                      find_set (sets, self->item.exercise->id,
                                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tick), SIDE_KEY)),
                                                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tick), SET_KEY))));
  show_pain (self, pains);
  self->loading = FALSE;
}

void
loadwise_exercise_card_get_progress (LoadwiseExerciseCard *self,
                                     gboolean             *out_all_ticked,
                                     gboolean             *out_rated)
{
  gboolean all_ticked = TRUE;

  g_return_if_fail (LOADWISE_IS_EXERCISE_CARD (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sets_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *tick = gtk_widget_get_first_child (row);
         tick != NULL;
         tick = gtk_widget_get_next_sibling (tick))
      if (GTK_IS_TOGGLE_BUTTON (tick) && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tick)))
        all_ticked = FALSE;
  *out_all_ticked = all_ticked;
  *out_rated = loadwise_pain_scale_is_rated (self->pain_scale);
}

static void
on_pain_scale_value_notify (LoadwisePainScale    *scale,
                            GParamSpec           *pspec,
                            LoadwiseExerciseCard *self)
{
  int value = loadwise_pain_scale_get_value (scale);
  CardWrite *write;

  /* "Not rated" (only ever set from the store): nothing to store. */
  if (self->loading || value == LOADWISE_PAIN_NOT_RATED)
    return;

  write = g_new0 (CardWrite, 1);
  write->date = self->date;
  write->log.exercise_id = g_strdup (self->item.exercise->id);
  write->pain = (guint) value;
  g_weak_ref_init (&write->button, NULL);
  self->n_writing++;
  loadwise_context_write (self->context, GTK_WIDGET (self), write_pain, write,
                          card_write_free, on_pain_written);
}

static void
add_set_row (LoadwiseExerciseCard *self,
             LoadwiseSide          side,
             GPtrArray            *sets)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  const char *row_title;

  if (side == LOADWISE_SIDE_LEFT)
    row_title = C_("body side", "Left");
  else if (side == LOADWISE_SIDE_RIGHT)
    row_title = C_("body side", "Right");
  else
    /* Translators: heads the row of tick buttons, one per set of an exercise. */
    row_title = C_("exercise", "Sets");

  label = gtk_label_new (row_title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_size_request (label, 56, -1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);

  for (guint i = 0; i < self->item.sets; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("set-%s-%u", loadwise_side_to_string (side), i);
      g_autofree char *accessible = NULL;
      GtkWidget *tick = gtk_toggle_button_new_with_label (number);

      if (side == LOADWISE_SIDE_NONE)
        /* Translators: the accessible name of a set's tick, e.g. "Set 1 of 3 done". */
        accessible = g_strdup_printf (_("Set %u of %u done"), i + 1, self->item.sets);
      else
        /* Translators: e.g. "Left, set 1 of 3 done". */
        accessible = g_strdup_printf (_("%s, set %u of %u done"), row_title, i + 1, self->item.sets);

      gtk_widget_set_name (tick, name);
      gtk_widget_add_css_class (tick, "circular");
      gtk_widget_add_css_class (tick, "set-tick");
      gtk_widget_set_valign (tick, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tick, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tick),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data (G_OBJECT (tick), SIDE_KEY, GINT_TO_POINTER (side));
      g_object_set_data (G_OBJECT (tick), SET_KEY, GUINT_TO_POINTER (i));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tick),
                                    find_set (sets, self->item.exercise->id, side, i));
      g_signal_connect_object (tick, "toggled", G_CALLBACK (on_tick_toggled), self, 0);
      gtk_box_append (GTK_BOX (row), tick);
    }

  gtk_box_append (self->sets_box, row);
}

static void
fill (LoadwiseExerciseCard *self,
      GPtrArray            *sets,
      GHashTable           *pains)
{
  const LoadwiseExercise *exercise = self->item.exercise;
  g_autofree char *dosage = loadwise_exercise_card_format_dosage (&self->item);
  g_autofree char *level = NULL;
  g_autoptr (GString) cues = g_string_new (NULL);

  gtk_widget_set_name (GTK_WIDGET (self), exercise->id);
  gtk_box_append (self->illustration_box, loadwise_illustration_new (exercise, 80));
  gtk_label_set_label (self->name_label, exercise->name);
  gtk_label_set_label (self->dosage_label, dosage);

  if (exercise->reps_max > exercise->reps_min)
    /* Translators: the exercise's level, then its repetition range, e.g. "Level 3 · 8–12 reps". */
    level = g_strdup_printf (_("Level %u · %u–%u reps"), self->item.level,
                             exercise->reps_min, exercise->reps_max);
  else
    /* Translators: an exercise's step on its ladder, 0 (easiest) to 4. */
    level = g_strdup_printf (_("Level %u"), self->item.level);
  gtk_label_set_label (self->level_label, level);
  gtk_label_set_label (self->summary_label, exercise->summary);
  gtk_label_set_label (self->instructions_label, exercise->instructions);

  for (guint i = 0; exercise->cues != NULL && exercise->cues[i] != NULL; i++)
    g_string_append_printf (cues, "%s• %s", i > 0 ? "\n" : "", exercise->cues[i]);
  gtk_label_set_label (self->cues_label, cues->str);
  gtk_widget_set_visible (GTK_WIDGET (self->cues_label), cues->len > 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, exercise->name,
                                  -1);

  self->loading = TRUE;
  if (self->item.n_sides == 2)
    {
      add_set_row (self, LOADWISE_SIDE_LEFT, sets);
      add_set_row (self, LOADWISE_SIDE_RIGHT, sets);
    }
  else
    add_set_row (self, LOADWISE_SIDE_NONE, sets);

  show_pain (self, pains);
  self->loading = FALSE;
}

GtkWidget *
loadwise_exercise_card_new (LoadwiseContext                  *context,
                            const GDate                      *date,
                            const LoadwisePrescribedExercise *item,
                            GPtrArray                        *sets,
                            GHashTable                       *pains)
{
  LoadwiseExerciseCard *self;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (date != NULL && item != NULL && item->exercise != NULL, NULL);

  self = g_object_new (LOADWISE_TYPE_EXERCISE_CARD,
                       "database", loadwise_context_get_database (context),
                       NULL);
  self->context = g_object_ref (context);
  self->date = *date;
  self->item = *item;
  fill (self, sets, pains);

  return GTK_WIDGET (self);
}

static void
loadwise_exercise_card_dispose (GObject *object)
{
  LoadwiseExerciseCard *self = LOADWISE_EXERCISE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_EXERCISE_CARD);
  g_clear_object (&self->database);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_exercise_card_parent_class)->dispose (object);
}

static void
loadwise_exercise_card_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LoadwiseExerciseCard *self = LOADWISE_EXERCISE_CARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_exercise_card_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LoadwiseExerciseCard *self = LOADWISE_EXERCISE_CARD (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_exercise_card_class_init (LoadwiseExerciseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_exercise_card_dispose;
  object_class->get_property = loadwise_exercise_card_get_property;
  object_class->set_property = loadwise_exercise_card_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LOADWISE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOADWISE_TYPE_PAIN_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-exercise-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, root);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, illustration_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, level_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, cues_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, sets_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseExerciseCard, pain_scale);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_scale_value_notify);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
loadwise_exercise_card_init (LoadwiseExerciseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
