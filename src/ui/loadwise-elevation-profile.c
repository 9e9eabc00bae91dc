/* loadwise-elevation-profile.c
 *
 * A box of two: the chart, drawn by src/charts into a GtkDrawingArea, and
 * the sentence under it. The widget itself is the image for assistive
 * technologies (its name and description); its two parts are presentation.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-elevation-profile.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* (design) Tall enough for four grid lines and the distance labels. */
#define PLOT_HEIGHT 150

struct _LoadwiseElevationProfile
{
  GtkWidget               parent_instance;

  GArray                 *profile;
  LoadwiseProfileDescent  descent;
  char                   *description;

  /* The layout of the last draw, in the plot's coordinates. */
  gboolean                has_layout;
  LoadwiseProfileLayout   layout;

  GtkWidget              *plot;
  GtkWidget              *caption;
};

G_DEFINE_FINAL_TYPE (LoadwiseElevationProfile, loadwise_elevation_profile, GTK_TYPE_WIDGET)

GtkWidget *
loadwise_elevation_profile_new (void)
{
  return g_object_new (LOADWISE_TYPE_ELEVATION_PROFILE, NULL);
}

void
loadwise_elevation_profile_get_style (LoadwiseElevationProfile *self,
                                      LoadwiseChartStyle       *out_style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);

  g_return_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self));

  if (contrast)
    loadwise_chart_style_init (out_style, dark ? LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK
                                               : LOADWISE_CHART_THEME_HIGH_CONTRAST);
  else
    loadwise_chart_style_init (out_style, dark ? LOADWISE_CHART_THEME_DARK : LOADWISE_CHART_THEME_LIGHT);
  /* The row or card behind it shows through. */
  out_style->background.alpha = 0;
}

static void
draw_plot (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LoadwiseElevationProfile *self = LOADWISE_ELEVATION_PROFILE (user_data);
  LoadwiseChartStyle style;

  loadwise_elevation_profile_get_style (self, &style);
  self->has_layout = loadwise_chart_profile_layout (cr, width, height, self->profile, &style, &self->layout);
  loadwise_chart_draw_profile (cr, width, height, self->profile, &self->descent, &style, NULL);
}

void
loadwise_elevation_profile_set_profile (LoadwiseElevationProfile *self,
                                        const GArray             *profile)
{
  g_return_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self));

  g_array_set_size (self->profile, 0);
  if (profile != NULL && profile->len > 0)
    g_array_append_vals (self->profile, profile->data, profile->len);
  loadwise_profile_steepest_descent (self->profile, &self->descent);

  g_free (self->description);
  self->description = loadwise_chart_describe_profile (self->profile, &self->descent);
  gtk_label_set_label (GTK_LABEL (self->caption), self->description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  self->has_layout = FALSE;
  gtk_widget_queue_draw (self->plot);
}

const GArray *
loadwise_elevation_profile_get_profile (LoadwiseElevationProfile *self)
{
  g_return_val_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self), NULL);

  return self->profile;
}

const LoadwiseProfileDescent *
loadwise_elevation_profile_get_descent (LoadwiseElevationProfile *self)
{
  g_return_val_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self), NULL);

  return &self->descent;
}

const char *
loadwise_elevation_profile_get_description (LoadwiseElevationProfile *self)
{
  g_return_val_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self), NULL);

  return self->description;
}

gboolean
loadwise_elevation_profile_get_layout (LoadwiseElevationProfile *self,
                                       LoadwiseProfileLayout    *out_layout)
{
  double x = 0, y = 0;

  g_return_val_if_fail (LOADWISE_IS_ELEVATION_PROFILE (self), FALSE);

  if (!self->has_layout ||
      !gtk_widget_translate_coordinates (self->plot, GTK_WIDGET (self), 0, 0, &x, &y))
    return FALSE;
  *out_layout = self->layout;
  out_layout->plot.x += x;
  out_layout->plot.y += y;
  return TRUE;
}

static void
on_style_changed (AdwStyleManager          *manager,
                  GParamSpec               *pspec,
                  LoadwiseElevationProfile *self)
{
  gtk_widget_queue_draw (self->plot);
}

static void
loadwise_elevation_profile_dispose (GObject *object)
{
  LoadwiseElevationProfile *self = LOADWISE_ELEVATION_PROFILE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->plot, gtk_widget_unparent);
  g_clear_pointer (&self->caption, gtk_widget_unparent);

  G_OBJECT_CLASS (loadwise_elevation_profile_parent_class)->dispose (object);
}

static void
loadwise_elevation_profile_finalize (GObject *object)
{
  LoadwiseElevationProfile *self = LOADWISE_ELEVATION_PROFILE (object);

  g_clear_pointer (&self->profile, g_array_unref);
  g_free (self->description);

  G_OBJECT_CLASS (loadwise_elevation_profile_parent_class)->finalize (object);
}

static void
loadwise_elevation_profile_class_init (LoadwiseElevationProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_elevation_profile_dispose;
  object_class->finalize = loadwise_elevation_profile_finalize;

  gtk_widget_class_set_css_name (widget_class, "elevation-profile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
loadwise_elevation_profile_init (LoadwiseElevationProfile *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  self->profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->plot = g_object_new (GTK_TYPE_DRAWING_AREA,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             "content-height", PLOT_HEIGHT,
                             "hexpand", TRUE,
                             NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->plot), draw_plot, self, NULL);
  gtk_widget_set_parent (self->plot, GTK_WIDGET (self));

  self->caption = g_object_new (GTK_TYPE_LABEL,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                "wrap", TRUE,
                                "xalign", 0.0f,
                                NULL);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Elevation profile"), -1);
  /* Keyboard users reach it, and hear what it shows. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);

  loadwise_elevation_profile_set_profile (self, NULL);
}
