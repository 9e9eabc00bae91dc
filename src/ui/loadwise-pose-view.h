/* loadwise-pose-view.h: an exercise's drawing that moves (issue 15)
 *
 * The drawing of loadwise-illustration.h, drawn with librsvg and
 * recoloured from the widget's style as GTK recolours a symbolic icon.
 * Its paths of class "pose-start" show where the moving part starts,
 * those of class "pose-end" where it ends, the others stand still; the
 * view's position goes from 0 (the start pose alone) to 1 (the end pose
 * alone), cross-fading the two. Animations are libadwaita's: they follow
 * gtk-enable-animations and jump to their end while the view is unmapped.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/loadwise-catalogue.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_POSE_VIEW (loadwise_pose_view_get_type ())

G_DECLARE_FINAL_TYPE (LoadwisePoseView, loadwise_pose_view, LOADWISE, POSE_VIEW, GtkWidget)

/* The drawing of @exercise, @pixel_size square, at position 0; named
 * "illustration", with the accessible role, label and description of
 * loadwise_illustration_new ()'s image. */
GtkWidget *loadwise_pose_view_new            (const LoadwiseExercise *exercise,
                                              int                     pixel_size);

double     loadwise_pose_view_get_position   (LoadwisePoseView       *self);
/* Stops any animation and shows @position (clamped to 0..1) at once. */
void       loadwise_pose_view_set_position   (LoadwisePoseView       *self,
                                              double                  position);
/* Where the view is going: the last animation's end, or the position set. */
double     loadwise_pose_view_get_target     (LoadwisePoseView       *self);
/* Moves from the current position to @target over @duration_ms, eased. */
void       loadwise_pose_view_animate_to     (LoadwisePoseView       *self,
                                              double                  target,
                                              guint                   duration_ms);
/* One rep: from 0 to the end pose and back, @duration_ms each way. */
void       loadwise_pose_view_play_rep       (LoadwisePoseView       *self,
                                              guint                   duration_ms);
/* Whether an animation is running (not paused, not done). */
gboolean   loadwise_pose_view_is_animating   (LoadwisePoseView       *self);
/* Whether the drawing has a start pose; the isometric holds have none. */
gboolean   loadwise_pose_view_has_start_pose (LoadwisePoseView       *self);
/* Pause and resume a running animation; nothing when none runs. */
void       loadwise_pose_view_pause          (LoadwisePoseView       *self);
void       loadwise_pose_view_resume         (LoadwisePoseView       *self);

G_END_DECLS
