/* loadwise-progress-page.c: the charts, the patterns and the exports
 *
 * The page reads its series each time it is shown and whenever the range
 * changes; the charts draw from those series (src/charts) and never query
 * the database themselves.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-progress-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-red-flags.h"
#include "report/loadwise-export.h"
#include "report/loadwise-report.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-card.h"
#include "ui/loadwise-chart-view.h"
#include "ui/loadwise-chooser.h"

/* An exported chart's size, in pixels at 1x. */
#define EXPORT_WIDTH  1000
#define EXPORT_HEIGHT 400

static const char *const range_names[] = { "4-weeks", "programme", "6-months", "all" };

struct _LoadwiseProgressPage
{
  GtkWidget             parent_instance;
  GtkWidget            *root;

  LoadwiseContext      *context;
  gboolean              dirty;  /* news came while hidden (and before the first showing) */
  LoadwiseChartRange    range;
  gboolean              range_chosen;  /* by the runner, or the default picked */
  LoadwiseChartData    *data;
  GSimpleActionGroup   *actions;
  GtkWidget            *views[LOADWISE_N_CHARTS];
  LoadwiseCard         *cards[LOADWISE_N_CHARTS];
  GPtrArray            *insight_rows;
  GtkFileChooserNative *chooser;
  char                 *chooser_format;

  GtkWidget            *range_buttons[G_N_ELEMENTS (range_names)];
  GtkLabel             *range_label;
  GtkBox               *charts_box;
  GtkWidget            *empty_page;
  AdwPreferencesGroup  *insights_group;
  GtkLabel             *disclaimer_label;
};

G_DEFINE_FINAL_TYPE (LoadwiseProgressPage, loadwise_progress_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LoadwiseProgressPage *self,
       const char           *message)
{
  /* The window shows it; a page on its own (in tests) has no toasts. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
today (LoadwiseProgressPage *self,
       GDate                *out_today)
{
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), out_today);
}

static char *
format_range (const GDate *from,
              const GDate *to)
{
  char a[64], b[64];

  /* Translators: strftime formats of the range above the charts */
  if (g_date_strftime (a, sizeof a, _("%e %b %Y"), from) == 0
      || g_date_strftime (b, sizeof b, _("%e %b %Y"), to) == 0)
    return g_strdup ("");
  {
    g_autofree char *from_text = loadwise_chart_squeeze_spaces (a);
    g_autofree char *to_text = loadwise_chart_squeeze_spaces (b);

    /* Translators: "From 28 Sep 2026 to 26 Nov 2026" */
    return g_strdup_printf (_("From %s to %s"), from_text, to_text);
  }
}

static void
reload_insights (LoadwiseProgressPage *self)
{
  g_autoptr (GPtrArray) insights = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->insight_rows->len; i++)
    adw_preferences_group_remove (self->insights_group, g_ptr_array_index (self->insight_rows, i));
  g_ptr_array_set_size (self->insight_rows, 0);

  insights = loadwise_database_compute_insights (loadwise_context_get_database (self->context),
                                                 &error);
  if (insights == NULL)
    {
      g_warning ("Could not read the patterns: %s", error->message);
      return;
    }

  if (insights->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No pattern yet: each comparison needs at least 3 runs or "
                                       "days on each side, and a difference of a point or more."));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->insights_group, row);
      g_ptr_array_add (self->insight_rows, row);
      return;
    }

  for (guint i = 0; i < insights->len; i++)
    {
      const LoadwiseInsight *insight = g_ptr_array_index (insights, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), insight->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->insights_group, row);
      g_ptr_array_add (self->insight_rows, row);
    }
}

static void
set_range (LoadwiseProgressPage *self,
           LoadwiseChartRange    range)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "range");

  self->range = range;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (range_names[range]));
}

/* The programme's weeks while it runs; in maintenance, the last 6 months
 * (the programme's weeks may be long past). */
static void
choose_default_range (LoadwiseProgressPage *self,
                      LoadwiseDatabase     *database,
                      const GDate          *day)
{
  LoadwiseProgramme programme;

  if (!loadwise_database_get_programme (database, &programme, NULL))
    return;
  self->range_chosen = TRUE;
  set_range (self, loadwise_programme_is_maintenance (&programme, day)
                   ? LOADWISE_CHART_RANGE_6_MONTHS : LOADWISE_CHART_RANGE_PROGRAMME);
}

void
loadwise_progress_page_reload (LoadwiseProgressPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseChartData) data = NULL;
  g_autofree char *range_text = NULL;
  LoadwiseDatabase *database;
  GDate day, from, to;

  g_return_if_fail (LOADWISE_IS_PROGRESS_PAGE (self));

  self->dirty = FALSE;
  database = loadwise_context_get_database (self->context);
  today (self, &day);
  if (!self->range_chosen)
    choose_default_range (self, database, &day);
  if (!loadwise_chart_range_resolve (self->range, database, &day, &from, &to, &error)
      || (data = loadwise_chart_data_load (database, loadwise_context_get_catalogue (self->context),
                                           &from, &to, &error)) == NULL)
    {
      /* Without a programme the window shows the set-up instead. */
      if (!g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->data, loadwise_chart_data_unref);
  self->data = loadwise_chart_data_ref (data);
  for (guint i = 0; i < LOADWISE_N_CHARTS; i++)
    {
      loadwise_chart_view_set_data (LOADWISE_CHART_VIEW (self->views[i]), data);
      loadwise_card_set_body (self->cards[i],
                              loadwise_chart_view_get_description (LOADWISE_CHART_VIEW (self->views[i])));
    }
  range_text = format_range (&from, &to);
  gtk_label_set_label (self->range_label, range_text);
  /* Day 1: a word in place of empty axes, until something is logged. */
  gtk_widget_set_visible (self->empty_page, loadwise_chart_data_is_empty (data));
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), !loadwise_chart_data_is_empty (data));

  reload_insights (self);
}

LoadwiseChartRange
loadwise_progress_page_get_range (LoadwiseProgressPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_PROGRESS_PAGE (self), LOADWISE_CHART_RANGE_PROGRAMME);

  return self->range;
}

LoadwiseChartData *
loadwise_progress_page_get_data (LoadwiseProgressPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_PROGRESS_PAGE (self), NULL);

  return self->data;
}

static void
on_range_activate (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LoadwiseProgressPage *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (range_names); i++)
    if (g_strcmp0 (name, range_names[i]) == 0)
      {
        self->range_chosen = TRUE;
        set_range (self, (LoadwiseChartRange) i);
        loadwise_progress_page_reload (self);
        return;
      }
  g_warning ("Unknown chart range “%s”", name);
}

/* Exports */

static gboolean
parse_chart_format (const char          *format,
                    LoadwiseChartKind   *out_kind,
                    LoadwiseChartFormat *out_format)
{
  g_auto (GStrv) parts = g_strsplit (format, ":", 2);

  if (g_strv_length (parts) != 2 || !loadwise_chart_kind_from_string (parts[0], out_kind))
    return FALSE;
  if (g_strcmp0 (parts[1], "png") == 0)
    *out_format = LOADWISE_CHART_FORMAT_PNG;
  else if (g_strcmp0 (parts[1], "svg") == 0)
    *out_format = LOADWISE_CHART_FORMAT_SVG;
  else
    return FALSE;
  return TRUE;
}

gboolean
loadwise_progress_page_export_to (LoadwiseProgressPage  *self,
                                  const char            *format,
                                  const char            *path,
                                  GError               **error)
{
  LoadwiseDatabase *database;
  LoadwiseCatalogue *catalogue;
  g_autoptr (LoadwiseAtomicFile) file = NULL;
  LoadwiseChartKind kind;
  LoadwiseChartFormat chart_format;
  gboolean ok;
  GDate day;

  g_return_val_if_fail (LOADWISE_IS_PROGRESS_PAGE (self), FALSE);
  g_return_val_if_fail (format != NULL && path != NULL, FALSE);

  database = loadwise_context_get_database (self->context);
  catalogue = loadwise_context_get_catalogue (self->context);
  today (self, &day);

  /* A folder of CSV files: the export refuses a folder with files in it. */
  if (g_strcmp0 (format, "csv") == 0)
    return loadwise_export_csv (database, path, error);

  /* The file chooser already asked before replacing a file. The new one
   * is written beside it and moved over it only when whole, so a failure
   * leaves the old one. */
  file = loadwise_atomic_file_new (path, LOADWISE_ATOMIC_FILE_REPLACE, error);
  if (file == NULL)
    return FALSE;
  if (g_strcmp0 (format, "pdf") == 0)
    ok = loadwise_report_write_pdf_to_file (database, catalogue, &day, file, error);
  else if (g_strcmp0 (format, "ics") == 0)
    {
      g_autoptr (GDateTime) now = loadwise_clock_get_now (loadwise_context_get_clock (self->context));

      ok = loadwise_export_ics_to_file (database, catalogue, now, file, error);
    }
  else if (parse_chart_format (format, &kind, &chart_format) && self->data != NULL)
    ok = loadwise_export_chart_to_file (self->data, kind, chart_format, EXPORT_WIDTH, EXPORT_HEIGHT,
                                        file, error);
  else
    g_return_val_if_reached (FALSE);

  return ok && loadwise_atomic_file_commit (file, error);
}

static void
on_chooser_response (GtkNativeDialog      *dialog,
                     int                   response,
                     LoadwiseProgressPage *self)
{
  g_autoptr (GError) error = NULL;
  gboolean not_local;
  g_autofree char *path = loadwise_chooser_get_local_path (dialog, response, &not_local);
  g_autofree char *format = g_steal_pointer (&self->chooser_format);

  g_clear_object (&self->chooser);
  /* Before, a place without a local path was dropped without a word. */
  if (path == NULL)
    {
      if (not_local)
        toast (self, _("Charts and reports can only be saved to a local folder"));
      return;
    }

  if (loadwise_progress_page_export_to (self, format, path, &error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      toast (self, message);
    }
  else
    toast (self, error->message);
}

static void
ask_for_path (LoadwiseProgressPage *self,
              const char           *format,
              const char           *title,
              const char           *suggested_name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested_name);
  g_free (self->chooser_format);
  self->chooser_format = g_strdup (format);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_activate (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LoadwiseProgressPage *self = user_data;
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *iso = NULL;
  g_autofree char *name = NULL;
  GDate day;

  today (self, &day);
  iso = loadwise_date_to_iso (&day);
  if (g_strcmp0 (format, "pdf") == 0)
    {
      /* Translators: the suggested file name of the report; keep the %s (a date) */
      name = g_strdup_printf (_("loadwise-report-%s.pdf"), iso);
      ask_for_path (self, format, _("Save the Report for a Clinician"), name);
    }
  else if (g_strcmp0 (format, "ics") == 0)
    ask_for_path (self, format, _("Save the Sessions as a Calendar"), _("loadwise-sessions.ics"));
  else if (g_strcmp0 (format, "csv") == 0)
    {
      name = g_strdup_printf (_("loadwise-data-%s"), iso);
      ask_for_path (self, format, _("Save All Data in a New Folder"), name);
    }
  else
    g_warning ("Unknown export format “%s”", format);
}

static void
on_export_chart_activate (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  LoadwiseProgressPage *self = user_data;
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autofree char *iso = NULL;
  LoadwiseChartKind kind;
  LoadwiseChartFormat chart_format;
  GDate day;

  if (!parse_chart_format (format, &kind, &chart_format))
    {
      g_warning ("Unknown chart export “%s”", format);
      return;
    }
  today (self, &day);
  iso = loadwise_date_to_iso (&day);
  name = g_strdup_printf ("loadwise-%s-%s.%s", loadwise_chart_kind_to_string (kind), iso,
                          chart_format == LOADWISE_CHART_FORMAT_PNG ? "png" : "svg");
  ask_for_path (self, format, _("Save the Chart"), name);
}

/* One card per chart: title, save menu, the trend in words, the chart. */
static GtkWidget *
new_chart_card (LoadwiseProgressPage *self,
                LoadwiseChartKind     kind)
{
  const char *id = loadwise_chart_kind_to_string (kind);
  GtkWidget *card = loadwise_card_new (loadwise_chart_kind_get_title (kind), NULL);
  GtkWidget *save = gtk_menu_button_new ();
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autofree char *png = g_strdup_printf ("progress.export-chart::%s:png", id);
  g_autofree char *svg = g_strdup_printf ("progress.export-chart::%s:svg", id);
  g_autofree char *name = g_strdup_printf ("chart-%s", id);

  gtk_widget_set_name (card, name);

  g_menu_append (menu, _("Save as PNG Image…"), png);
  g_menu_append (menu, _("Save as SVG Drawing…"), svg);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (save), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (save), "document-save-symbolic");
  gtk_widget_set_tooltip_text (save, _("Save the Chart"));
  gtk_widget_add_css_class (save, "flat");
  loadwise_card_add_header_suffix (LOADWISE_CARD (card), save);

  self->cards[kind] = LOADWISE_CARD (card);
  self->views[kind] = loadwise_chart_view_new (kind);
  gtk_widget_set_hexpand (self->views[kind], TRUE);
  loadwise_card_append (LOADWISE_CARD (card), self->views[kind]);

  return card;
}

static void
on_map (GtkWidget            *widget,
        LoadwiseProgressPage *self)
{
  /* First shown, or news came while hidden. */
  if (self->dirty)
    loadwise_progress_page_reload (self);
}

static void
refresh (LoadwiseProgressPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    loadwise_progress_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
on_context_changed (LoadwiseContext      *context,
                    guint                 what,
                    LoadwiseProgressPage *self)
{
  refresh (self);
}

static void
on_context_day_changed (LoadwiseContext      *context,
                        LoadwiseProgressPage *self)
{
  refresh (self);
}

static void
loadwise_progress_page_constructed (GObject *object)
{
  LoadwiseProgressPage *self = LOADWISE_PROGRESS_PAGE (object);

  G_OBJECT_CLASS (loadwise_progress_page_parent_class)->constructed (object);

  /* The series are read when the page is first shown (on_map), so that
   * the window's start-up does not wait for them. */
  g_assert (self->context != NULL);
  self->dirty = TRUE;
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed), self, 0);
  g_signal_connect_object (self->context, "day-changed", G_CALLBACK (on_context_day_changed), self, 0);
}

static void
loadwise_progress_page_dispose (GObject *object)
{
  LoadwiseProgressPage *self = LOADWISE_PROGRESS_PAGE (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_PROGRESS_PAGE);
  g_clear_pointer (&self->insight_rows, g_ptr_array_unref);
  g_clear_pointer (&self->data, loadwise_chart_data_unref);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (loadwise_progress_page_parent_class)->dispose (object);
}

static void
loadwise_progress_page_finalize (GObject *object)
{
  LoadwiseProgressPage *self = LOADWISE_PROGRESS_PAGE (object);

  g_clear_object (&self->context);
  g_free (self->chooser_format);

  G_OBJECT_CLASS (loadwise_progress_page_parent_class)->finalize (object);
}

static void
loadwise_progress_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LoadwiseProgressPage *self = LOADWISE_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_progress_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LoadwiseProgressPage *self = LOADWISE_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_progress_page_class_init (LoadwiseProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_progress_page_constructed;
  object_class->dispose = loadwise_progress_page_dispose;
  object_class->finalize = loadwise_progress_page_finalize;
  object_class->get_property = loadwise_progress_page_get_property;
  object_class->set_property = loadwise_progress_page_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, root);
  gtk_widget_class_bind_template_child_full (widget_class, "range_4_weeks", FALSE,
                                             G_STRUCT_OFFSET (LoadwiseProgressPage, range_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "range_programme", FALSE,
                                             G_STRUCT_OFFSET (LoadwiseProgressPage, range_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "range_6_months", FALSE,
                                             G_STRUCT_OFFSET (LoadwiseProgressPage, range_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "range_all", FALSE,
                                             G_STRUCT_OFFSET (LoadwiseProgressPage, range_buttons[3]));
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, insights_group);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgressPage, disclaimer_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_progress_page_init (LoadwiseProgressPage *self)
{
  const GActionEntry entries[] = {
    { "range", on_range_activate, "s", "'programme'", NULL },
    { "export", on_export_activate, "s", NULL, NULL },
    { "export-chart", on_export_chart_activate, "s", NULL, NULL },
  };
  g_autoptr (GtkCssProvider) provider = NULL;

  g_type_ensure (LOADWISE_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->range = LOADWISE_CHART_RANGE_PROGRAMME;
  self->insight_rows = g_ptr_array_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "progress", G_ACTION_GROUP (self->actions));

  /* Adwaita's button padding would make the four ranges wider than a
   * 360 px window; a little less keeps them on one row. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, "button { padding-left: 6px; padding-right: 6px; }", -1);
  for (guint i = 0; i < G_N_ELEMENTS (self->range_buttons); i++)
    gtk_style_context_add_provider (gtk_widget_get_style_context (self->range_buttons[i]),
                                    GTK_STYLE_PROVIDER (provider),
                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint kind = 0; kind < LOADWISE_N_CHARTS; kind++)
    gtk_box_append (self->charts_box, new_chart_card (self, kind));
  gtk_label_set_label (self->disclaimer_label, loadwise_disclaimer ());

  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
loadwise_progress_page_new (LoadwiseContext *context)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), NULL);

  return g_object_new (LOADWISE_TYPE_PROGRESS_PAGE, "context", context, NULL);
}
