/* loadwise-red-flag-questions.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-red-flag-questions.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-red-flags.h"

struct _LoadwiseRedFlagQuestions
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  GtkSwitch  *switches[LOADWISE_N_RED_FLAGS];
  guint       yes_mask;
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (LoadwiseRedFlagQuestions, loadwise_red_flag_questions, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YES_MASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_red_flag_questions_new (void)
{
  return g_object_new (LOADWISE_TYPE_RED_FLAG_QUESTIONS, NULL);
}

guint
loadwise_red_flag_questions_get_yes_mask (LoadwiseRedFlagQuestions *self)
{
  g_return_val_if_fail (LOADWISE_IS_RED_FLAG_QUESTIONS (self), 0);

  return self->yes_mask;
}

void
loadwise_red_flag_questions_set_yes_mask (LoadwiseRedFlagQuestions *self,
                                          guint                     yes_mask)
{
  g_return_if_fail (LOADWISE_IS_RED_FLAG_QUESTIONS (self));

  yes_mask &= LOADWISE_RED_FLAGS_ALL;
  if (self->yes_mask == yes_mask)
    return;

  /* The switches' own notifications are ignored meanwhile, so that the
   * property notifies once. */
  self->yes_mask = yes_mask;
  self->updating = TRUE;
  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    gtk_switch_set_active (self->switches[i], (yes_mask & loadwise_red_flag_nth (i)) != 0);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YES_MASK]);
}

static void
on_switch_active_notify (GtkSwitch                *toggle,
                         GParamSpec               *pspec,
                         LoadwiseRedFlagQuestions *self)
{
  guint mask = 0;

  if (self->updating)
    return;

  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    if (gtk_switch_get_active (self->switches[i]))
      mask |= loadwise_red_flag_nth (i);

  if (mask == self->yes_mask)
    return;

  self->yes_mask = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YES_MASK]);
}

static void
loadwise_red_flag_questions_dispose (GObject *object)
{
  LoadwiseRedFlagQuestions *self = LOADWISE_RED_FLAG_QUESTIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_RED_FLAG_QUESTIONS);

  G_OBJECT_CLASS (loadwise_red_flag_questions_parent_class)->dispose (object);
}

static void
loadwise_red_flag_questions_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  LoadwiseRedFlagQuestions *self = LOADWISE_RED_FLAG_QUESTIONS (object);


  switch (prop_id)
    {
    case PROP_YES_MASK:
      g_value_set_uint (value, self->yes_mask);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_red_flag_questions_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  LoadwiseRedFlagQuestions *self = LOADWISE_RED_FLAG_QUESTIONS (object);


  switch (prop_id)
    {
    case PROP_YES_MASK:
      loadwise_red_flag_questions_set_yes_mask (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_red_flag_questions_class_init (LoadwiseRedFlagQuestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_red_flag_questions_dispose;
  object_class->get_property = loadwise_red_flag_questions_get_property;
  object_class->set_property = loadwise_red_flag_questions_set_property;

  properties[PROP_YES_MASK] =
    g_param_spec_uint ("yes-mask", NULL, NULL,
                       0, LOADWISE_RED_FLAGS_ALL, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-red-flag-questions.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRedFlagQuestions, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_red_flag_questions_init (LoadwiseRedFlagQuestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The questions come from the core, so rows are built here. */
  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag flag = loadwise_red_flag_nth (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loadwise_red_flag_get_question (flag));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, loadwise_red_flag_to_string (flag));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      loadwise_red_flag_get_question (flag),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      /* One Tab stop per question, the switch, which a screen reader
       * hears with the question and its state; a click on the row still
       * flips it (issue 13: the row and then its switch were two). */
      gtk_widget_set_focusable (row, FALSE);
      g_signal_connect_object (toggle, "notify::active",
                               G_CALLBACK (on_switch_active_notify), self, 0);
      self->switches[i] = GTK_SWITCH (toggle);
      gtk_list_box_append (self->list, row);
    }
}
