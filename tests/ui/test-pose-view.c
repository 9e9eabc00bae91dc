/* test-pose-view.c: the moving drawing of issue 15, drawn at its start and
 * end pose; animated, and with animations off
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-illustration.h"
#include "ui/loadwise-pose-view.h"

#define SIZE 128

typedef struct {
  guchar *pixels;
  gsize   stride;
} Picture;

/* @view drawn now (its own snapshot, not a frame's) on the CPU (the Cairo
 * renderer), in its window's style. */
static Picture
draw (GtkWidget *view)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  Picture picture;

  g_assert_cmpint (gtk_widget_get_width (view), ==, SIZE);
  g_assert_cmpint (gtk_widget_get_height (view), ==, SIZE);
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
  gsk_renderer_unrealize (renderer);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, SIZE);
  picture.stride = SIZE * 4;
  picture.pixels = g_malloc0 (picture.stride * SIZE);
  gdk_texture_download (texture, picture.pixels, picture.stride);
  return picture;
}

/* The alpha of the drawing at (@x, @y) of its 64 × 64 view box. */
static guint
alpha_at (const Picture *picture,
          double         x,
          double         y)
{
  gsize px = (gsize) (x * SIZE / 64);
  gsize py = (gsize) (y * SIZE / 64);

  return picture->pixels[py * picture->stride + px * 4 + 3];
}

static GtkWidget *
show_view (const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (&error);
  const LoadwiseExercise *exercise;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;

  g_assert_no_error (error);
  exercise = loadwise_catalogue_find (catalogue, id);
  g_assert_nonnull (exercise);
  view = loadwise_pose_view_new (exercise, SIZE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  ui_test_show (window);
  return view;
}

/* The bridge: at 0 the hips are down (the flat trunk at y 54.8 and the
 * thigh from the floor), at 1 they are up (the trunk from the shoulder
 * to the knee); the floor and the shin do not move. */
static void
test_poses (void)
{
  GtkWidget *view = show_view ("double-leg-bridge");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));
  Picture start;
  Picture end;
  Picture half;
  guint full;

  loadwise_pose_view_set_position (LOADWISE_POSE_VIEW (view), 0.0);
  start = draw (view);
  loadwise_pose_view_set_position (LOADWISE_POSE_VIEW (view), 1.0);
  g_assert_cmpfloat (loadwise_pose_view_get_position (LOADWISE_POSE_VIEW (view)), ==, 1.0);
  end = draw (view);
  loadwise_pose_view_set_position (LOADWISE_POSE_VIEW (view), 0.5);
  half = draw (view);

  /* Still: the floor, the shin, the head (the foreground colour may be
   * translucent: Adwaita's is 80 % black). */
  full = alpha_at (&start, 32, 60);
  g_assert_cmpuint (full, >, 150);
  g_assert_cmpuint (alpha_at (&start, 32, 60), ==, alpha_at (&end, 32, 60));
  g_assert_cmpuint (alpha_at (&start, 42.5, 47), ==, alpha_at (&end, 42.5, 47));
  g_assert_cmpuint (alpha_at (&start, 5.5, 51.6), ==, alpha_at (&end, 5.5, 51.6));
  g_assert_cmpuint (alpha_at (&half, 32, 60), ==, full);
  /* The trunk flat on the floor: there at 0, gone at 1, faint between. */
  g_assert_cmpuint (alpha_at (&start, 27, 54.8), ==, full);
  g_assert_cmpuint (alpha_at (&end, 27, 54.8), <, 20);
  g_assert_cmpuint (alpha_at (&half, 27, 54.8), >, full / 4);
  g_assert_cmpuint (alpha_at (&half, 27, 54.8), <, full * 3 / 4);
  /* The lifted trunk, halfway from shoulder to hip: the other way. */
  g_assert_cmpuint (alpha_at (&start, 21.5, 47.6), <, 20);
  g_assert_cmpuint (alpha_at (&end, 21.5, 47.6), >, 150);

  g_free (start.pixels);
  g_free (end.pixels);
  g_free (half.pixels);

  /* Its animation keeps nothing alive: gone with its window. */
  loadwise_pose_view_animate_to (LOADWISE_POSE_VIEW (view), 1.0, 10000);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (view);
}

/* Animations run to their target; one rep goes there and back. Only the
 * end is looked at, never the time it took. */
static gboolean
at_target (gpointer data)
{
  LoadwisePoseView *view = data;

  return loadwise_pose_view_get_position (view) == loadwise_pose_view_get_target (view);
}

static void
test_animate (void)
{
  GtkWidget *view = show_view ("belt-isometric-abduction");
  LoadwisePoseView *pose = LOADWISE_POSE_VIEW (view);
  g_autoptr (GtkWidget) window = g_object_ref (GTK_WIDGET (gtk_widget_get_root (view)));

  g_object_set (gtk_widget_get_settings (view), "gtk-enable-animations", TRUE, NULL);
  loadwise_pose_view_animate_to (pose, 1.0, 50);
  g_assert_cmpfloat (loadwise_pose_view_get_target (pose), ==, 1.0);
  g_assert_true (ui_test_wait_until (at_target, pose, 5000));
  g_assert_cmpfloat (loadwise_pose_view_get_position (pose), ==, 1.0);

  loadwise_pose_view_play_rep (pose, 50);
  g_assert_cmpfloat (loadwise_pose_view_get_target (pose), ==, 0.0);
  g_assert_true (ui_test_wait_until (at_target, pose, 5000));

  /* Paused, it stays where it is, and goes on when resumed. */
  loadwise_pose_view_animate_to (pose, 1.0, 200);
  loadwise_pose_view_pause (pose);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (loadwise_pose_view_get_position (pose), <, 1.0);
  loadwise_pose_view_resume (pose);
  g_assert_true (ui_test_wait_until (at_target, pose, 5000));

  /* Without animations it is at once where it goes. */
  g_object_set (gtk_widget_get_settings (view), "gtk-enable-animations", FALSE, NULL);
  loadwise_pose_view_animate_to (pose, 0.0, 10000);
  g_assert_cmpfloat (loadwise_pose_view_get_position (pose), ==, 0.0);
  g_object_set (gtk_widget_get_settings (view), "gtk-enable-animations", TRUE, NULL);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       loadwise_illustration_get_description ("belt-isometric-abduction"));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/pose-view/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/pose-view/poses", test_poses);
  g_test_add_func ("/ui/pose-view/animate", test_animate);

  return g_test_run ();
}
