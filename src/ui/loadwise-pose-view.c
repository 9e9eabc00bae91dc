/* loadwise-pose-view.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-pose-view.h"

#include <adwaita.h>
#include <librsvg/rsvg.h>

#include "ui/loadwise-illustration.h"

struct _LoadwisePoseView
{
  GtkWidget     parent_instance;

  RsvgHandle   *handle;
  int           pixel_size;
  double        position;
  double        target;
  AdwAnimation *animation;
  char         *stylesheet;   /* the one last given to @handle */
  gboolean      has_start_pose;
};

G_DEFINE_FINAL_TYPE (LoadwisePoseView, loadwise_pose_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_position (LoadwisePoseView *self,
               double            position)
{
  position = CLAMP (position, 0.0, 1.0);
  if (position == self->position)
    return;
  self->position = position;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
set_target (LoadwisePoseView *self,
            double            target)
{
  target = CLAMP (target, 0.0, 1.0);
  if (target == self->target)
    return;
  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

static void
on_animation_value (double   value,
                    gpointer user_data)
{
  show_position (LOADWISE_POSE_VIEW (user_data), value);
}

/* The drawing is drawn as GTK 4.8 draws a symbolic icon: every fill black,
 * class success red, warning green, error blue, then recoloured by a colour
 * matrix (GTK's gtkiconpaintable.c, init_color_matrix) from the style's
 * colours; so overlapping shapes never darken each other, and the whole
 * drawing takes the foreground's alpha. The stylesheet also fades the two
 * poses by the position: an author's stylesheet wins over the drawing's
 * fill and opacity attributes. */
static char *
make_stylesheet (LoadwisePoseView *self)
{
  char start[G_ASCII_DTOSTR_BUF_SIZE];
  char end[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not printf's %f: a German locale would write 0,5. */
  g_ascii_formatd (start, sizeof start, "%.3f", 1.0 - self->position);
  g_ascii_formatd (end, sizeof end, "%.3f", self->position);

  return g_strdup_printf ("rect, circle, path { fill: #000000 !important; }\n"
                          ".success { fill: #ff0000 !important; }\n"
                          ".warning { fill: #00ff00 !important; }\n"
                          ".error { fill: #0000ff !important; }\n"
                          ".pose-start { opacity: %s !important; }\n"
                          ".pose-end { opacity: %s !important; }\n",
                          start, end);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
init_color_matrix (LoadwisePoseView  *self,
                   graphene_matrix_t *matrix,
                   graphene_vec4_t   *offset)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg;
  GdkRGBA sc;
  GdkRGBA wc;
  GdkRGBA ec;

  gtk_style_context_get_color (context, &fg);
  /* Adwaita's light colours when a theme names none. */
  lookup_color (context, "success_color", "#26a269", &sc);
  lookup_color (context, "warning_color", "#9c6e03", &wc);
  lookup_color (context, "error_color", "#c01c28", &ec);
  graphene_matrix_init_from_float (matrix, (float[16]) {
    sc.red - fg.red, sc.green - fg.green, sc.blue - fg.blue, 0,
    wc.red - fg.red, wc.green - fg.green, wc.blue - fg.blue, 0,
    ec.red - fg.red, ec.green - fg.green, ec.blue - fg.blue, 0,
    0, 0, 0, fg.alpha
  });
  graphene_vec4_init (offset, fg.red, fg.green, fg.blue, 0);
}

static void
loadwise_pose_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int size = MIN (width, height);
  g_autofree char *stylesheet = NULL;
  g_autoptr (GError) error = NULL;
  graphene_matrix_t matrix;
  graphene_vec4_t offset;
  RsvgRectangle viewport;
  cairo_t *cr;

  if (self->handle == NULL || size <= 0)
    return;

  stylesheet = make_stylesheet (self);
  if (g_strcmp0 (stylesheet, self->stylesheet) != 0)
    {
      if (!rsvg_handle_set_stylesheet (self->handle, (const guint8 *) stylesheet, strlen (stylesheet), &error))
        {
          g_warning ("The drawing's colours: %s", error->message);
          return;
        }
      g_free (self->stylesheet);
      self->stylesheet = g_steal_pointer (&stylesheet);
    }

  viewport.x = (width - size) / 2.0;
  viewport.y = (height - size) / 2.0;
  viewport.width = size;
  viewport.height = size;
  init_color_matrix (self, &matrix, &offset);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!rsvg_handle_render_document (self->handle, cr, &viewport, &error))
    g_warning ("The drawing: %s", error->message);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);
}

static void
loadwise_pose_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (widget);

  *minimum = *natural = self->pixel_size;
}

static void
loadwise_pose_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (loadwise_pose_view_parent_class)->css_changed (widget, change);
  /* The colours may be others now (dark style, high contrast). */
  gtk_widget_queue_draw (widget);
}

static void
loadwise_pose_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_double (value, self->position);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_pose_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      loadwise_pose_view_set_position (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_pose_view_dispose (GObject *object)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (object);

  g_clear_object (&self->animation);
  G_OBJECT_CLASS (loadwise_pose_view_parent_class)->dispose (object);
}

static void
loadwise_pose_view_finalize (GObject *object)
{
  LoadwisePoseView *self = LOADWISE_POSE_VIEW (object);

  g_clear_object (&self->handle);
  g_free (self->stylesheet);
  G_OBJECT_CLASS (loadwise_pose_view_parent_class)->finalize (object);
}

static void
loadwise_pose_view_class_init (LoadwisePoseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = loadwise_pose_view_get_property;
  object_class->set_property = loadwise_pose_view_set_property;
  object_class->dispose = loadwise_pose_view_dispose;
  object_class->finalize = loadwise_pose_view_finalize;
  widget_class->snapshot = loadwise_pose_view_snapshot;
  widget_class->measure = loadwise_pose_view_measure;
  widget_class->css_changed = loadwise_pose_view_css_changed;

  /* 0 the start pose, 1 the end pose. */
  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "poseview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
loadwise_pose_view_init (LoadwisePoseView *self)
{
  AdwAnimationTarget *target = adw_callback_animation_target_new (on_animation_value, self, NULL);

  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, 600, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_IN_OUT_CUBIC);
}

GtkWidget *
loadwise_pose_view_new (const LoadwiseExercise *exercise,
                        int                     pixel_size)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  const char *description;
  LoadwisePoseView *self;

  g_return_val_if_fail (exercise != NULL, NULL);

  self = g_object_new (LOADWISE_TYPE_POSE_VIEW, NULL);
  self->pixel_size = pixel_size;
  path = loadwise_illustration_get_resource (exercise->id);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The class names are ours alone, so finding the word is enough. */
  if (bytes != NULL)
    self->has_start_pose = g_strstr_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                         "pose-start") != NULL;
  if (bytes != NULL)
    self->handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (self->handle == NULL)
    g_warning ("The drawing of %s: %s", exercise->id, error->message);

  description = loadwise_illustration_get_description (exercise->id);
  gtk_widget_set_name (GTK_WIDGET (self), "illustration");
  gtk_widget_add_css_class (GTK_WIDGET (self), "illustration");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, exercise->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  if (description != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);

  return GTK_WIDGET (self);
}

double
loadwise_pose_view_get_position (LoadwisePoseView *self)
{
  g_return_val_if_fail (LOADWISE_IS_POSE_VIEW (self), 0.0);

  return self->position;
}

double
loadwise_pose_view_get_target (LoadwisePoseView *self)
{
  g_return_val_if_fail (LOADWISE_IS_POSE_VIEW (self), 0.0);

  return self->target;
}

void
loadwise_pose_view_set_position (LoadwisePoseView *self,
                                 double            position)
{
  g_return_if_fail (LOADWISE_IS_POSE_VIEW (self));

  /* Resetting sets the animation's first value: the position comes after. */
  adw_animation_reset (self->animation);
  show_position (self, position);
  set_target (self, position);
}

static void
play (LoadwisePoseView *self,
      double            target,
      guint             duration_ms,
      gboolean          there_and_back)
{
  AdwTimedAnimation *animation = ADW_TIMED_ANIMATION (self->animation);
  double from = self->position;

  adw_animation_reset (self->animation);
  show_position (self, from);
  adw_timed_animation_set_value_from (animation, from);
  adw_timed_animation_set_value_to (animation, CLAMP (target, 0.0, 1.0));
  adw_timed_animation_set_duration (animation, duration_ms);
  adw_timed_animation_set_alternate (animation, there_and_back);
  adw_timed_animation_set_repeat_count (animation, there_and_back ? 2 : 1);
  set_target (self, there_and_back ? from : target);
  adw_animation_play (self->animation);
}

void
loadwise_pose_view_animate_to (LoadwisePoseView *self,
                               double            target,
                               guint             duration_ms)
{
  g_return_if_fail (LOADWISE_IS_POSE_VIEW (self));

  play (self, target, duration_ms, FALSE);
}

void
loadwise_pose_view_play_rep (LoadwisePoseView *self,
                             guint             duration_ms)
{
  g_return_if_fail (LOADWISE_IS_POSE_VIEW (self));

  loadwise_pose_view_set_position (self, 0.0);
  play (self, 1.0, duration_ms, TRUE);
}

gboolean
loadwise_pose_view_is_animating (LoadwisePoseView *self)
{
  g_return_val_if_fail (LOADWISE_IS_POSE_VIEW (self), FALSE);

  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

gboolean
loadwise_pose_view_has_start_pose (LoadwisePoseView *self)
{
  g_return_val_if_fail (LOADWISE_IS_POSE_VIEW (self), FALSE);

  return self->has_start_pose;
}

void
loadwise_pose_view_pause (LoadwisePoseView *self)
{
  g_return_if_fail (LOADWISE_IS_POSE_VIEW (self));

  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

void
loadwise_pose_view_resume (LoadwisePoseView *self)
{
  g_return_if_fail (LOADWISE_IS_POSE_VIEW (self));

  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PAUSED)
    adw_animation_resume (self->animation);
}
