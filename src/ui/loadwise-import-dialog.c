/* loadwise-import-dialog.c: the preview of runs from recorded files
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-import-dialog.h"

#include <glib/gi18n.h>

#include "store/loadwise-database-runs.h"
#include "ui/loadwise-dialog.h"
#include "ui/loadwise-elevation-profile.h"
#include "ui/loadwise-import-task.h"
#include "ui/loadwise-run-rows.h"

/* What the dialog shows of one item, and the controls of a new run. */
typedef struct {
  LoadwiseImportDialog  *self;
  LoadwiseRunImportItem *item;          /* owned by self->items */
  char                  *date;
  GtkWidget             *summary_row;   /* NEW and ALREADY_THERE */
  GtkWidget             *factors_row;   /* NEW */
  GtkWidget             *status_row;    /* ALREADY_THERE and SKIPPED */
  GtkWidget             *profile;       /* NEW with a profile */
  GtkSwitch             *speed_switch;
  LoadwisePainScale     *pain_during;
  LoadwisePainScale     *pain_after;
  AdwComboRow           *camber_row;
  AdwComboRow           *surface_row;
  AdwComboRow           *shoe_row;
} ItemView;

struct _LoadwiseImportDialog
{
  AdwWindow        parent_instance;

  LoadwiseContext *context;
  GPtrArray       *files;       /* GFile* */
  GCancellable    *cancellable;
  gboolean         disposed;
  GPtrArray       *items;       /* LoadwiseRunImportItem*, NULL while loading */
  GPtrArray       *views;       /* ItemView*, one per item */
  GPtrArray       *shoes;       /* LoadwiseShoe*, as the shoe rows list them */
  guint            n_new;
  gboolean         writing;
  char            *import_label;

  AdwWindowTitle  *window_title;
  GtkWidget       *import_button;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkLabel        *loading_label;
  AdwStatusPage   *failed_page;
  GtkBox          *list_box;
  GtkWidget       *message_box;
  GtkImage        *message_icon;
  GtkLabel        *message_label;
};

G_DEFINE_FINAL_TYPE (LoadwiseImportDialog, loadwise_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_view_free (gpointer data)
{
  ItemView *view = data;

  g_free (view->date);
  g_free (view);
}

static ItemView *
get_view (LoadwiseImportDialog *self,
          guint                 index)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (self->views != NULL && index < self->views->len, NULL);

  return g_ptr_array_index (self->views, index);
}

/* Messages */

/* Above the files: a problem (error) or news while waiting (info). */
static void
show_message (LoadwiseImportDialog *self,
              const char           *text,
              gboolean              error)
{
  gtk_label_set_label (self->message_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->message_icon, error ? "dialog-warning-symbolic"
                                                          : "dialog-information-symbolic");
  if (error)
    gtk_widget_add_css_class (self->message_box, "error");
  else
    gtk_widget_remove_css_class (self->message_box, "error");
  gtk_widget_set_visible (self->message_box, text != NULL);
}

/* Checking what was typed */

/* Reads @view's controls into its run; FALSE while pain during is not
 * rated. */
static gboolean
check_view (ItemView *view)
{
  LoadwiseRun *run = view->item->run;
  gboolean ok = loadwise_run_rows_read_pain (view->pain_during, view->pain_after, run);

  run->speed = gtk_switch_get_active (view->speed_switch);
  loadwise_run_rows_read_choices (view->camber_row, view->surface_row, view->shoe_row,
                                  view->self->shoes, run);
  return ok;
}

static void
set_import_label (LoadwiseImportDialog *self,
                  char                 *label)
{
  g_free (self->import_label);
  self->import_label = label;
  gtk_button_set_label (GTK_BUTTON (self->import_button), label);
}

/* The button says what it will do, or what is missing first; the first
 * run with a problem is returned (or NULL). */
static ItemView *
update_import_button (LoadwiseImportDialog *self)
{
  ItemView *first_bad = NULL;
  guint n_missing = 0;

  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      ItemView *view = g_ptr_array_index (self->views, i);

      if (view->item->status != LOADWISE_RUN_IMPORT_NEW)
        continue;
      if (check_view (view))
        continue;
      if (first_bad == NULL)
        first_bad = view;
      n_missing++;
    }

  if (self->items == NULL)
    set_import_label (self, g_strdup (_("_Import")));
  else if (self->n_new == 0)
    set_import_label (self, g_strdup (_("Nothing to Import")));
  else if (n_missing > 0)
    /* Translators: the import button, while pain during the run is not given yet. */
    set_import_label (self, g_strdup_printf (ngettext ("Add Pain for %u Run", "Add Pain for %u Runs", n_missing),
                                             n_missing));
  else
    set_import_label (self, g_strdup_printf (ngettext ("_Import %u Run", "_Import %u Runs", self->n_new),
                                             self->n_new));
  gtk_button_set_use_underline (GTK_BUTTON (self->import_button), TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import",
                                 self->items != NULL && self->n_new > 0 && !self->writing);
  return first_bad;
}

static void
on_pain_value_notify (LoadwisePainScale *scale,
                      GParamSpec        *pspec,
                      ItemView          *view)
{
  update_import_button (view->self);
}

/* Writing */

typedef struct {
  GPtrArray *items;
  guint      added;
} ImportWrite;

static void
import_write_free (gpointer data)
{
  ImportWrite *write = data;

  g_ptr_array_unref (write->items);
  g_free (write);
}

static gboolean
write_import (LoadwiseDatabase  *database,
              gpointer           data,
              GError           **error)
{
  ImportWrite *write = data;

  write->added = 0;
  return loadwise_run_import_commit (database, write->items, &write->added, error);
}

static void
on_import_written (GtkWidget    *widget,
                   const GError *error,
                   gpointer      data)
{
  LoadwiseImportDialog *self = widget != NULL ? LOADWISE_IMPORT_DIALOG (widget) : NULL;
  ImportWrite *write = data;

  if (self == NULL)
    return;
  self->writing = FALSE;
  if (error != NULL)
    {
      /* Everything typed stays, for another try. */
      show_message (self, error->message, TRUE);
      update_import_button (self);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, write->added);
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwiseImportDialog *self = LOADWISE_IMPORT_DIALOG (widget);
  ItemView *bad;
  ImportWrite *write;

  if (self->items == NULL || self->n_new == 0 || self->writing)
    return;

  /* Nothing is written while a new run lacks its pain: the first one
   * missing is shown, with every problem under its field. */
  bad = update_import_button (self);
  if (bad != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (bad->pain_during));
      return;
    }

  show_message (self, NULL, FALSE);
  self->writing = TRUE;
  update_import_button (self);
  write = g_new0 (ImportWrite, 1);
  write->items = g_ptr_array_ref (self->items);
  /* Behind another program's lock the write waits; the window stays
   * responsive and says so. */
  if (!loadwise_context_write (self->context, widget, write_import, write, import_write_free, on_import_written)
      && self->writing)
    show_message (self, _("Another program is using your data: importing as soon as it is done…"), FALSE);
}

/* Building the rows */

static GDateTime *
start_time (const LoadwiseRunImportItem *item,
            GTimeZone                   *tz)
{
  g_autoptr (GDateTime) utc = NULL;

  if (item->summary.started_at == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (item->summary.started_at);
  return utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
}

/* The runner's own way of writing a date. */
static char *
format_date (const LoadwiseRunImportItem *item,
             GTimeZone                   *tz)
{
  g_autoptr (GDateTime) local = start_time (item, tz);
  char text[64];

  if (local != NULL)
    return g_date_time_format (local, "%x");
  if (g_date_valid (&item->summary.date) && g_date_strftime (text, sizeof text, "%x", &item->summary.date) > 0)
    return g_strdup (text);
  return g_strdup ("");
}

static char *
format_time (const LoadwiseRunImportItem *item,
             GTimeZone                   *tz)
{
  g_autoptr (GDateTime) local = start_time (item, tz);

  return local != NULL ? g_date_time_format (local, "%X") : g_strdup ("");
}

static char *
describe_summary (guint distance_m,
                  guint duration_s)
{
  g_autofree char *km = loadwise_format_km_local (distance_m);
  g_autofree char *time = loadwise_format_duration (duration_s);
  g_autofree char *pace = NULL;
  GString *text = g_string_new (NULL);

  /* Translators: a distance, e.g. "8.4 km". */
  g_string_printf (text, _("%s km"), km);
  if (*time != '\0')
    g_string_append_printf (text, " · %s", time);
  if (duration_s > 0 && distance_m > 0)
    {
      pace = loadwise_format_pace ((guint) (duration_s * 1000.0 / distance_m + 0.5));
      /* Translators: a pace, e.g. "5:21 /km". */
      g_string_append (text, " · ");
      g_string_append_printf (text, _("%s /km"), pace);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_elevation (const LoadwiseRunImportItem *item)
{
  if (!item->summary.has_elevation)
    return g_strdup (_("No elevation in the file"));
  /* Translators: metres up and down a run, e.g. "Climb 120 m, descent 310 m". */
  return g_strdup_printf (_("Climb %u m, descent %u m"), item->run->climb_m, item->run->descent_m);
}

static char *
describe_factors (guint factors)
{
  GPtrArray *names = g_ptr_array_new ();
  char *text;

  if (factors & LOADWISE_TRACK_FACTOR_LONG)
    g_ptr_array_add (names, _("Long run"));
  if (factors & LOADWISE_TRACK_FACTOR_HILLY)
    g_ptr_array_add (names, _("Hilly"));
  if (factors & LOADWISE_TRACK_FACTOR_DOWNHILL)
    g_ptr_array_add (names, _("Downhill"));
  if (factors & LOADWISE_TRACK_FACTOR_SPEED)
    g_ptr_array_add (names, _("Speed work"));
  if (names->len == 0)
    g_ptr_array_add (names, _("None found"));
  g_ptr_array_add (names, NULL);
  text = g_strjoinv (" · ", (char **) names->pdata);
  g_ptr_array_unref (names);
  return text;
}

static GtkWidget *
add_info_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_profile_row (ItemView            *view,
                 AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *profile = loadwise_elevation_profile_new ();

  loadwise_elevation_profile_set_profile (LOADWISE_ELEVATION_PROFILE (profile), view->item->profile);
  gtk_widget_set_margin_top (profile, 12);
  gtk_widget_set_margin_bottom (profile, 12);
  gtk_widget_set_margin_start (profile, 12);
  gtk_widget_set_margin_end (profile, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), profile);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (group, row);
  view->profile = profile;
}

static void
build_new_item (ItemView            *view,
                AdwPreferencesGroup *group)
{
  LoadwiseRunImportItem *item = view->item;
  g_autofree char *summary = describe_summary (item->run->distance_m, item->run->duration_s);
  g_autofree char *elevation = describe_elevation (item);
  g_autofree char *factors = describe_factors (item->factors);

  view->summary_row = add_info_row (group, summary, elevation);
  view->factors_row = add_info_row (group, _("Load factors found"), factors);
  if (item->profile != NULL && item->profile->len >= 2)
    add_profile_row (view, group);
  view->speed_switch = loadwise_run_rows_add_speed (group);
  gtk_switch_set_active (view->speed_switch, item->run->speed);

  /* The run dialog's rows, in its order. */
  /* Named for screen readers with the run's date, as every run asks the same. */
  loadwise_run_rows_add_pain (group, view->date, &view->pain_during, &view->pain_after);
  g_signal_connect (view->pain_during, "notify::value", G_CALLBACK (on_pain_value_notify), view);
  g_signal_connect (view->pain_after, "notify::value", G_CALLBACK (on_pain_value_notify), view);
  view->camber_row = loadwise_run_rows_add_camber (group);
  view->surface_row = loadwise_run_rows_add_surface (group);
  view->shoe_row = loadwise_run_rows_add_shoes (group, view->self->shoes);
  loadwise_run_rows_show_choices (view->camber_row, view->surface_row, view->shoe_row,
                                  view->self->shoes, item->run);
}

static void
add_item (LoadwiseImportDialog  *self,
          LoadwiseRunImportItem *item,
          GTimeZone             *tz)
{
  ItemView *view = g_new0 (ItemView, 1);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *time = NULL;
  g_autofree char *description = NULL;

  view->self = self;
  view->item = item;
  g_ptr_array_add (self->views, view);
  gtk_box_append (self->list_box, group);

  if (item->status == LOADWISE_RUN_IMPORT_SKIPPED)
    {
      view->date = g_strdup ("");
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), item->name);
      view->status_row = add_info_row (ADW_PREFERENCES_GROUP (group), _("Not imported"), item->reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (view->status_row),
                                 g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      return;
    }

  view->date = format_date (item, tz);
  time = format_time (item, tz);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), view->date);
  /* Translators: a file and the time its run began, e.g. "morning.gpx, started at 07:30:12". */
  description = g_strdup_printf (_("%s, started at %s"), item->name, time);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  if (item->status == LOADWISE_RUN_IMPORT_ALREADY_THERE)
    {
      g_autofree char *summary = describe_summary (item->summary.distance_m, item->summary.moving_s);

      view->status_row = add_info_row (ADW_PREFERENCES_GROUP (group), _("Already there"),
                                       item->reason != NULL ? item->reason : "");
      gtk_widget_add_css_class (view->status_row, "dim-label");
      view->summary_row = add_info_row (ADW_PREFERENCES_GROUP (group), summary, NULL);
      gtk_widget_add_css_class (view->summary_row, "dim-label");
      return;
    }

  self->n_new++;
  build_new_item (view, ADW_PREFERENCES_GROUP (group));
}

static void
show_items (LoadwiseImportDialog *self)
{
  g_autoptr (GDateTime) now = loadwise_clock_get_now (loadwise_context_get_clock (self->context));
  GTimeZone *tz = g_date_time_get_timezone (now);
  g_autofree char *subtitle = NULL;

  self->shoes = loadwise_run_rows_list_shoes (loadwise_context_get_database (self->context));
  for (guint i = 0; i < self->items->len; i++)
    add_item (self, g_ptr_array_index (self->items, i), tz);

  /* Translators: how many files the preview shows. */
  subtitle = g_strdup_printf (ngettext ("%u file", "%u files", self->items->len), self->items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_import_button (self);

  /* Straight to the first thing to type. */
  for (guint i = 0; i < self->views->len; i++)
    {
      ItemView *view = g_ptr_array_index (self->views, i);

      if (view->item->status == LOADWISE_RUN_IMPORT_NEW)
        {
          gtk_widget_grab_focus (GTK_WIDGET (view->pain_during));
          break;
        }
    }
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (LoadwiseImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = loadwise_import_prepare_finish (result, &error);

  if (self->disposed)
    return;
  if (items == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      update_import_button (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", FALSE);
      return;
    }
  self->items = g_steal_pointer (&items);
  show_items (self);
}

static char *
describe_loading (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    if (g_file_query_file_type (g_ptr_array_index (files, i), G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      return g_strdup (_("Reading the track files…"));
  /* Translators: while the files dropped are being read. */
  return g_strdup_printf (ngettext ("Reading %u file…", "Reading %u files…", files->len), files->len);
}

GtkWidget *
loadwise_import_dialog_new (LoadwiseContext *context,
                            GFile *const    *files,
                            guint            n_files)
{
  LoadwiseImportDialog *self;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *loading = NULL;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (LOADWISE_TYPE_IMPORT_DIALOG, LOADWISE_DIALOG_PROPERTIES, "context", context, NULL);
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));

  loading = describe_loading (self->files);
  gtk_label_set_label (self->loading_label, loading);
  gtk_spinner_start (self->spinner);
  update_import_button (self);

  now = loadwise_clock_get_now (loadwise_context_get_clock (context));
  loadwise_import_prepare_async (loadwise_database_get_path (loadwise_context_get_database (context)),
                                 (GFile *const *) self->files->pdata, self->files->len,
                                 g_date_time_get_timezone (now), self->cancellable,
                                 on_prepared, g_object_ref (self));
  return GTK_WIDGET (self);
}

/* For tests */

gboolean
loadwise_import_dialog_is_loading (LoadwiseImportDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_DIALOG (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}

GPtrArray *
loadwise_import_dialog_get_items (LoadwiseImportDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_DIALOG (self), NULL);

  return self->items;
}

const char *
loadwise_import_dialog_get_import_label (LoadwiseImportDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_DIALOG (self), NULL);

  return self->import_label;
}

const char *
loadwise_import_dialog_get_message (LoadwiseImportDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_IMPORT_DIALOG (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "failed") == 0)
    return adw_status_page_get_description (self->failed_page);
  return gtk_widget_get_visible (self->message_box) ? gtk_label_get_label (self->message_label) : "";
}

static const char *
row_title (GtkWidget *row)
{
  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static const char *
row_subtitle (GtkWidget *row)
{
  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

const char *
loadwise_import_dialog_get_summary (LoadwiseImportDialog *self,
                                    guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? row_title (view->summary_row) : NULL;
}

const char *
loadwise_import_dialog_get_elevation (LoadwiseImportDialog *self,
                                      guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? row_subtitle (view->summary_row) : NULL;
}

const char *
loadwise_import_dialog_get_factors (LoadwiseImportDialog *self,
                                    guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? row_subtitle (view->factors_row) : NULL;
}

const char *
loadwise_import_dialog_get_status (LoadwiseImportDialog *self,
                                   guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? row_title (view->status_row) : NULL;
}

const char *
loadwise_import_dialog_get_reason (LoadwiseImportDialog *self,
                                   guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? row_subtitle (view->status_row) : NULL;
}

const char *
loadwise_import_dialog_get_date (LoadwiseImportDialog *self,
                                 guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->date : NULL;
}

LoadwisePainScale *
loadwise_import_dialog_get_pain_scale (LoadwiseImportDialog *self,
                                       guint                 index,
                                       gboolean              after)
{
  ItemView *view = get_view (self, index);

  if (view == NULL)
    return NULL;
  return after ? view->pain_after : view->pain_during;
}

GtkSwitch *
loadwise_import_dialog_get_speed_switch (LoadwiseImportDialog *self,
                                         guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->speed_switch : NULL;
}

AdwComboRow *
loadwise_import_dialog_get_camber_row (LoadwiseImportDialog *self,
                                       guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->camber_row : NULL;
}

AdwComboRow *
loadwise_import_dialog_get_surface_row (LoadwiseImportDialog *self,
                                        guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->surface_row : NULL;
}

AdwComboRow *
loadwise_import_dialog_get_shoe_row (LoadwiseImportDialog *self,
                                     guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->shoe_row : NULL;
}

GtkWidget *
loadwise_import_dialog_get_profile (LoadwiseImportDialog *self,
                                    guint                 index)
{
  ItemView *view = get_view (self, index);

  return view != NULL ? view->profile : NULL;
}

/* The object */

static void
loadwise_import_dialog_dispose (GObject *object)
{
  LoadwiseImportDialog *self = LOADWISE_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (loadwise_import_dialog_parent_class)->dispose (object);
}

static void
loadwise_import_dialog_finalize (GObject *object)
{
  LoadwiseImportDialog *self = LOADWISE_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->shoes, g_ptr_array_unref);
  g_free (self->import_label);

  G_OBJECT_CLASS (loadwise_import_dialog_parent_class)->finalize (object);
}

static void
loadwise_import_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LoadwiseImportDialog *self = LOADWISE_IMPORT_DIALOG (object);

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
loadwise_import_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LoadwiseImportDialog *self = LOADWISE_IMPORT_DIALOG (object);

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
loadwise_import_dialog_class_init (LoadwiseImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_import_dialog_dispose;
  object_class->finalize = loadwise_import_dialog_finalize;
  object_class->get_property = loadwise_import_dialog_get_property;
  object_class->set_property = loadwise_import_dialog_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* How many runs were written (guint). */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/loadwise-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, message_icon);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseImportDialog, message_label);

  gtk_widget_class_install_action (widget_class, "import-dialog.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loadwise_import_dialog_init (LoadwiseImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->views = g_ptr_array_new_with_free_func (item_view_free);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}
