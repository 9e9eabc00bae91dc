/* loadwise-chart-view.c: a chart drawn by src/charts through
 * gtk_snapshot_append_cairo
 *
 * Sysprof's line layer works the same way: the series live apart from the
 * widget, and snapshot() hands a cairo context to the drawing routine.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-chart-view.h"

#include <adwaita.h>

struct _LoadwiseChartView
{
  GtkWidget          parent_instance;

  LoadwiseChartKind  kind;
  LoadwiseChartData *data;
  char              *description;
  double             hover_x;     /* -1 when the pointer is elsewhere */
};

G_DEFINE_FINAL_TYPE (LoadwiseChartView, loadwise_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_style (LoadwiseChartView  *self,
           LoadwiseChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  LoadwiseChartTheme theme;

  if (contrast)
    theme = dark ? LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK : LOADWISE_CHART_THEME_HIGH_CONTRAST;
  else
    theme = dark ? LOADWISE_CHART_THEME_DARK : LOADWISE_CHART_THEME_LIGHT;
  loadwise_chart_style_init (style, theme);
  /* The card behind it shows through. */
  style->background.alpha = 0;
}

static void
loadwise_chart_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LoadwiseChartView *self = LOADWISE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LoadwiseChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  loadwise_chart_data_draw (self->data, self->kind, cr, width, height, &style);

  if (self->hover_x >= 0)
    {
      LoadwiseChartRect plot;

      loadwise_chart_get_plot_area (width, height, &style, &plot);
      if (self->hover_x >= plot.x && self->hover_x < plot.x + plot.width)
        {
          cairo_set_source_rgba (cr, style.text.red, style.text.green, style.text.blue, 0.5);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, floor (self->hover_x) + 0.5, plot.y);
          cairo_line_to (cr, floor (self->hover_x) + 0.5, plot.y + plot.height);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

static void
loadwise_chart_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Wide enough for a 360 px window; tall enough for the axis labels. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 640;
    }
  else
    {
      /* A narrow chart's legend takes more rows: give it more height. */
      *minimum = for_size > 0 && for_size < 480 ? 280 : 200;
      *natural = MAX (*minimum, 240);
    }
}

static GtkSizeRequestMode
loadwise_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
on_motion_motion (GtkEventControllerMotion *controller,
                  double                    x,
                  double                    y,
                  LoadwiseChartView        *self)
{
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_leave (GtkEventControllerMotion *controller,
                 LoadwiseChartView        *self)
{
  self->hover_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard_mode,
                  GtkTooltip        *tooltip,
                  LoadwiseChartView *self)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    {
      /* From the keyboard, the trend in words stands in for a value. */
      if (self->description == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->description);
      return TRUE;
    }
  text = loadwise_chart_view_get_text_at (self, x);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_style_changed (AdwStyleManager   *manager,
                  GParamSpec        *pspec,
                  LoadwiseChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
loadwise_chart_view_dispose (GObject *object)
{
  LoadwiseChartView *self = LOADWISE_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->data, loadwise_chart_data_unref);

  G_OBJECT_CLASS (loadwise_chart_view_parent_class)->dispose (object);
}

static void
loadwise_chart_view_finalize (GObject *object)
{
  LoadwiseChartView *self = LOADWISE_CHART_VIEW (object);

  g_free (self->description);

  G_OBJECT_CLASS (loadwise_chart_view_parent_class)->finalize (object);
}

static void
loadwise_chart_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoadwiseChartView *self = LOADWISE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_chart_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoadwiseChartView *self = LOADWISE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      loadwise_chart_kind_get_title (self->kind),
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_chart_view_class_init (LoadwiseChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_chart_view_dispose;
  object_class->finalize = loadwise_chart_view_finalize;
  object_class->get_property = loadwise_chart_view_get_property;
  object_class->set_property = loadwise_chart_view_set_property;

  widget_class->snapshot = loadwise_chart_view_snapshot;
  widget_class->measure = loadwise_chart_view_measure;
  widget_class->get_request_mode = loadwise_chart_view_get_request_mode;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, LOADWISE_N_CHARTS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
loadwise_chart_view_init (LoadwiseChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->hover_x = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  /* Focusable, so keyboard users reach the chart and hear its trend. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
}

GtkWidget *
loadwise_chart_view_new (LoadwiseChartKind kind)
{
  return g_object_new (LOADWISE_TYPE_CHART_VIEW, "kind", kind, NULL);
}

LoadwiseChartKind
loadwise_chart_view_get_kind (LoadwiseChartView *self)
{
  g_return_val_if_fail (LOADWISE_IS_CHART_VIEW (self), 0);

  return self->kind;
}

void
loadwise_chart_view_set_data (LoadwiseChartView *self,
                              LoadwiseChartData *data)
{
  g_return_if_fail (LOADWISE_IS_CHART_VIEW (self));

  if (data != NULL)
    loadwise_chart_data_ref (data);
  g_clear_pointer (&self->data, loadwise_chart_data_unref);
  self->data = data;

  g_clear_pointer (&self->description, g_free);
  if (data != NULL)
    self->description = loadwise_chart_data_describe (data, self->kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LoadwiseChartData *
loadwise_chart_view_get_data (LoadwiseChartView *self)
{
  g_return_val_if_fail (LOADWISE_IS_CHART_VIEW (self), NULL);

  return self->data;
}

const char *
loadwise_chart_view_get_description (LoadwiseChartView *self)
{
  g_return_val_if_fail (LOADWISE_IS_CHART_VIEW (self), NULL);

  return self->description;
}

char *
loadwise_chart_view_get_text_at (LoadwiseChartView *self,
                                 double             x)
{
  LoadwiseChartStyle style;

  g_return_val_if_fail (LOADWISE_IS_CHART_VIEW (self), NULL);

  if (self->data == NULL)
    return NULL;
  get_style (self, &style);
  return loadwise_chart_data_value_at (self->data, self->kind,
                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                       gtk_widget_get_height (GTK_WIDGET (self)),
                                       &style, x);
}
