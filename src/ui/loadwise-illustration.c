/* loadwise-illustration.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-illustration.h"

#include <glib/gi18n.h>

typedef struct {
  const char *id;
  const char *description;
} Drawing;

/* What each drawing shows, for screen readers. The thigh never crosses the
 * body's midline in any of them (Grimaldi 2015). */
static const Drawing drawings[] = {
  { "belt-isometric-abduction",
    N_("Drawing: lying on the back seen from the feet, knees bent up with a belt around them; arrows show both knees pushing out against the belt without moving.") },
  { "double-leg-bridge",
    N_("Drawing: lying on the back with knees bent and feet flat; the hips lift until shoulders, hips and knees make a straight line.") },
  { "offset-bridge",
    N_("Drawing: a bridge with one foot further away than the other; the hips lift into a straight line.") },
  { "single-leg-bridge",
    N_("Drawing: a bridge on one foot, the other leg held straight in line with its thigh; the hips lift.") },
  { "single-leg-hip-thrust",
    N_("Drawing: shoulders resting on a bench, one foot on the floor and the other leg straight; the hips lift level with the shoulders.") },
  { "wall-press-isometric-abduction",
    N_("Drawing: standing side-on to a wall, seen from the front; the knee nearer the wall is lifted to hip height and pushes out into the wall, shown by an arrow.") },
  { "sit-to-stand",
    N_("Drawing: sitting on a chair, then standing up straight in front of it.") },
  { "split-squat",
    N_("Drawing: standing with one foot forward and one back on the toes, then lowering straight down by bending both knees.") },
  { "step-up",
    N_("Drawing: one foot on a step, then standing up on the step on that leg.") },
  { "single-leg-deadlift",
    N_("Drawing: standing on one leg, then hinging forward at the hip while the free leg reaches back in line with the body.") },
  { "easy-side-steps",
    N_("Drawing: standing upright seen from the front; one foot steps out sideways, away from the other, shown by an arrow.") },
  { "side-steps",
    N_("Drawing: a slight squat seen from the front; one foot steps out sideways, knees over the toes.") },
  { "band-knees-lateral-walk",
    N_("Drawing: a half-squat seen from the front with a band around the knees; one foot steps sideways against the band.") },
  { "band-ankles-lateral-walk",
    N_("Drawing: a half-squat seen from the front with a band around the ankles; one foot steps sideways against the band.") },
  { "side-plank",
    N_("Drawing: lying on one side propped on the forearm; the hips lift until the body is a straight line.") },
};

char *
loadwise_illustration_get_icon_name (const char *exercise_id)
{
  g_return_val_if_fail (exercise_id != NULL, NULL);

  return g_strdup_printf ("loadwise-%s-symbolic", exercise_id);
}

char *
loadwise_illustration_get_resource (const char *exercise_id)
{
  g_return_val_if_fail (exercise_id != NULL, NULL);

  return g_strdup_printf (RESOURCE_BASE "/icons/scalable/actions/loadwise-%s-symbolic.svg",
                          exercise_id);
}

const char *
loadwise_illustration_get_description (const char *exercise_id)
{
  g_return_val_if_fail (exercise_id != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (drawings); i++)
    if (g_strcmp0 (drawings[i].id, exercise_id) == 0)
      return _(drawings[i].description);
  return NULL;
}

/* AdwApplication adds RESOURCE_BASE/icons to the icon theme; a window made
 * without one (tests, previews) needs it added here. */
static void
ensure_icon_path (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconTheme *theme;
  g_auto (GStrv) paths = NULL;

  if (display == NULL)
    return;
  theme = gtk_icon_theme_get_for_display (display);
  paths = gtk_icon_theme_get_resource_path (theme);
  if (paths == NULL || !g_strv_contains ((const char * const *) paths, RESOURCE_BASE "/icons"))
    gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
}

GtkWidget *
loadwise_illustration_new (const LoadwiseExercise *exercise,
                           int                     pixel_size)
{
  g_autofree char *icon_name = NULL;
  const char *description;
  GtkWidget *image;

  g_return_val_if_fail (exercise != NULL, NULL);

  ensure_icon_path ();
  icon_name = loadwise_illustration_get_icon_name (exercise->id);
  description = loadwise_illustration_get_description (exercise->id);
  image = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_name (image, "illustration");
  gtk_image_set_pixel_size (GTK_IMAGE (image), pixel_size);
  gtk_widget_add_css_class (image, "illustration");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, exercise->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  if (description != NULL)
    gtk_widget_set_tooltip_text (image, description);

  return image;
}
