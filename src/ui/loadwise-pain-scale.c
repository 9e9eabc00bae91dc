/* loadwise-pain-scale.c
 *
 * Built in code, not from a template: it is eleven buttons that differ
 * only in their number. They behave as one radio group for the keyboard
 * and for assistive technologies: the group is a single Tab stop (only the
 * rated button, or 0 while unrated, takes focus), the arrow keys, Home,
 * End and the digits change the rating, and each button is a radio button
 * whose name says its number and, for 0, 5 and 10, what it means.
 *
 * Nothing here listens to scrolling, so a wheel turned over the scale
 * scrolls the page behind it, as it should (issue 13: a spin button
 * changed morning pain from 0 to 2 under a passing scroll).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-pain-scale.h"

#include <glib/gi18n.h>

#include "core/loadwise-types.h"

#define N_BUTTONS (LOADWISE_PAIN_MAX - LOADWISE_PAIN_MIN + 1)

struct _LoadwisePainScale
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *buttons[N_BUTTONS];
  int        value;
  gboolean   syncing;
};

G_DEFINE_FINAL_TYPE (LoadwisePainScale, loadwise_pain_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_pain_scale_new (void)
{
  return g_object_new (LOADWISE_TYPE_PAIN_SCALE, NULL);
}

/* The buttons follow the value: one pressed (or none), and the focus
 * stop on it. */
static void
sync_buttons (LoadwisePainScale *self)
{
  int stop = self->value >= 0 ? self->value : LOADWISE_PAIN_MIN;

  self->syncing = TRUE;
  for (int i = 0; i < N_BUTTONS; i++)
    {
      gboolean on = i == self->value;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), on);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->buttons[i]),
                                   GTK_ACCESSIBLE_STATE_CHECKED, on ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                    : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      gtk_widget_set_focusable (self->buttons[i], i == stop);
    }
  self->syncing = FALSE;
}

void
loadwise_pain_scale_set_value (LoadwisePainScale *self,
                               int                value)
{
  g_return_if_fail (LOADWISE_IS_PAIN_SCALE (self));
  g_return_if_fail (value == LOADWISE_PAIN_NOT_RATED ||
                    (value >= LOADWISE_PAIN_MIN && value <= LOADWISE_PAIN_MAX));

  if (self->value == value)
    return;
  self->value = value;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

int
loadwise_pain_scale_get_value (LoadwisePainScale *self)
{
  g_return_val_if_fail (LOADWISE_IS_PAIN_SCALE (self), LOADWISE_PAIN_NOT_RATED);

  return self->value;
}

gboolean
loadwise_pain_scale_is_rated (LoadwisePainScale *self)
{
  g_return_val_if_fail (LOADWISE_IS_PAIN_SCALE (self), FALSE);

  return self->value != LOADWISE_PAIN_NOT_RATED;
}

GtkWidget *
loadwise_pain_scale_get_button (LoadwisePainScale *self,
                                int                value)
{
  g_return_val_if_fail (LOADWISE_IS_PAIN_SCALE (self), NULL);
  g_return_val_if_fail (value >= LOADWISE_PAIN_MIN && value <= LOADWISE_PAIN_MAX, NULL);

  return self->buttons[value];
}

static void
on_button_toggled (GtkToggleButton   *button,
                   LoadwisePainScale *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "loadwise-pain"));

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (button))
    loadwise_pain_scale_set_value (self, value);
  else
    /* A second click on the rating keeps it: a radio button, not a
     * switch, so a double click never leaves it unrated. */
    sync_buttons (self);
}

/* Moves the rating to @value and the focus with it, when the focus is
 * in the scale (it is, for a key to arrive here). */
static void
move_to (LoadwisePainScale *self,
         int                value)
{
  value = CLAMP (value, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX);
  loadwise_pain_scale_set_value (self, value);
  gtk_widget_grab_focus (self->buttons[value]);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LoadwisePainScale     *self)
{
  int current = self->value;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_to (self, current < 0 ? LOADWISE_PAIN_MIN : current - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_to (self, current < 0 ? LOADWISE_PAIN_MIN : current + 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_to (self, LOADWISE_PAIN_MIN);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_to (self, LOADWISE_PAIN_MAX);
      return GDK_EVENT_STOP;
    default:
      break;
    }

  /* A digit rates at once: 0-9 (10 is End). */
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      move_to (self, (int) (keyval - GDK_KEY_0));
      return GDK_EVENT_STOP;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      move_to (self, (int) (keyval - GDK_KEY_KP_0));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* What a screen reader says for each button; the anchors also name what
 * the number means. */
static char *
button_name (int value)
{
  switch (value)
    {
    case 0:
      /* Translators: the 0 of the 0-10 pain scale, read by a screen reader. */
      return g_strdup (_("0, no pain"));
    case 5:
      /* Translators: the 5 of the 0-10 pain scale, read by a screen reader. */
      return g_strdup (_("5, moderate pain"));
    case 10:
      /* Translators: the 10 of the 0-10 pain scale, read by a screen reader. */
      return g_strdup (_("10, worst pain"));
    default:
      return g_strdup_printf ("%d", value);
    }
}

static GtkWidget *
anchor_label (const char *text,
              float       xalign)
{
  /* Presentation only: the buttons' names say the same. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", xalign,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
loadwise_pain_scale_init (LoadwisePainScale *self)
{
  GtkWidget *row;
  GtkWidget *anchors;
  GtkEventController *keys;

  self->value = LOADWISE_PAIN_NOT_RATED;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_add_css_class (row, "linked");
  gtk_box_append (GTK_BOX (self->box), row);
  for (int i = 0; i < N_BUTTONS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *name = button_name (i);
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "label", number,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);

      g_object_set_data (G_OBJECT (button), "loadwise-pain", GINT_TO_POINTER (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled), self);
      gtk_box_append (GTK_BOX (row), button);
      self->buttons[i] = button;
    }

  /* Under 0, 5 and 10: 5 is the middle of eleven equal buttons. */
  anchors = g_object_new (GTK_TYPE_CENTER_BOX,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                          NULL);
  /* Translators: under the 0 of the 0-10 pain scale. */
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (anchors), anchor_label (_("No pain"), 0.0));
  /* Translators: under the 5 of the 0-10 pain scale. */
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (anchors), anchor_label (_("Moderate"), 0.5));
  /* Translators: under the 10 of the 0-10 pain scale. */
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (anchors), anchor_label (_("Worst"), 1.0));
  gtk_box_append (GTK_BOX (self->box), anchors);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  sync_buttons (self);
}

/* The scale takes the focus on its one Tab stop: the rating, or 0. */
static gboolean
loadwise_pain_scale_grab_focus (GtkWidget *widget)
{
  LoadwisePainScale *self = LOADWISE_PAIN_SCALE (widget);

  return gtk_widget_grab_focus (self->buttons[self->value >= 0 ? self->value : LOADWISE_PAIN_MIN]);
}

static void
loadwise_pain_scale_dispose (GObject *object)
{
  LoadwisePainScale *self = LOADWISE_PAIN_SCALE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (loadwise_pain_scale_parent_class)->dispose (object);
}

static void
loadwise_pain_scale_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoadwisePainScale *self = LOADWISE_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_pain_scale_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoadwisePainScale *self = LOADWISE_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      loadwise_pain_scale_set_value (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_pain_scale_class_init (LoadwisePainScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  /* Its own look, wherever it is used (the app's style.css is only the
   * application's): once, when the first scale is made, on the display
   * GTK has opened by then. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/loadwise-pain-scale.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  object_class->dispose = loadwise_pain_scale_dispose;
  object_class->get_property = loadwise_pain_scale_get_property;
  object_class->set_property = loadwise_pain_scale_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      LOADWISE_PAIN_NOT_RATED, LOADWISE_PAIN_MAX, LOADWISE_PAIN_NOT_RATED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->grab_focus = loadwise_pain_scale_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  gtk_widget_class_set_css_name (widget_class, "painscale");
}
