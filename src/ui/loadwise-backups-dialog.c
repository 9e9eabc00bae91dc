/* loadwise-backups-dialog.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-backups-dialog-private.h"

#include <glib/gi18n.h>

#include "core/loadwise-types.h"
#include "store/loadwise-backups.h"
#include "ui/loadwise-chooser.h"
#include "ui/loadwise-dialog.h"
#include "ui/loadwise-json-backup-task.h"

struct _LoadwiseBackupsDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *list_group;
  GtkSpinner           *export_spinner;
  GtkSpinner           *import_spinner;

  LoadwiseDatabase     *database;
  GPtrArray            *rows;          /* the rows in list_group */
  char                 *last_message;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* the JSON task under way, cancelled on dispose */
  gboolean              busy;          /* a JSON export or preview is under way */
  char                 *json_path;     /* its file */
};

G_DEFINE_FINAL_TYPE (LoadwiseBackupsDialog, loadwise_backups_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
loadwise_backups_dialog_new (LoadwiseDatabase *database)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);

  return g_object_new (LOADWISE_TYPE_BACKUPS_DIALOG, LOADWISE_DIALOG_PROPERTIES, "database", database, NULL);
}

const char *
loadwise_backups_dialog_get_last_message (LoadwiseBackupsDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self), NULL);

  return self->last_message;
}

static void
toast (LoadwiseBackupsDialog *self,
       const char            *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *
kind_label (LoadwiseBackupKind kind)
{
  switch (kind)
    {
    case LOADWISE_BACKUP_KIND_DAILY:
      return _("Daily copy");
    case LOADWISE_BACKUP_KIND_SAFETY:
      return _("Copy made before an upgrade, an import or a restore");
    case LOADWISE_BACKUP_KIND_OTHER:
      return _("Other file");
    default:
      g_return_val_if_reached ("");
    }
}

static GtkWidget *
new_row (const LoadwiseBackup *backup)
{
  /* Translators: the date and time a backup was written; see g_date_time_format(). */
  g_autofree char *when = g_date_time_format (backup->modified, _("%-d %B %Y, %H:%M"));
  g_autofree char *size = g_format_size (backup->size);
  /* Translators: the first %s is a size such as "74 kB", the second a kind of backup. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), size, kind_label (backup->kind));
  g_autofree char *base = g_path_get_basename (backup->path);
  /* Translators: %s is a date and time. */
  g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, backup->name);
  gtk_widget_set_name (row, base);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", backup->path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (LoadwiseBackupsDialog *self)
{
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = g_path_get_dirname (loadwise_database_get_path (self->database));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  backups = loadwise_backups_list (data_dir, &error);
  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     backups == NULL ? _("The backups could not be listed")
                                                     : _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   backups == NULL ? error->message
                                                   : _("The first one is made the first time you record something on a day."));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, "no-backups");
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->list_group, row);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = new_row (g_ptr_array_index (backups, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->list_group, row);
    }
}

gboolean
loadwise_backups_dialog_restore (LoadwiseBackupsDialog  *self,
                                 const char             *path,
                                 GError                **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!loadwise_database_restore_from (self->database, path, NULL, &local_error))
    {
      /* Translators: %s is the reason the backup could not be restored. */
      message = g_strdup_printf (_("The backup could not be restored: %s"), local_error->message);
      toast (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The copy of the data just replaced is in the list now. */
  reload (self);
  toast (self, _("The backup was restored"));
  g_signal_emit (self, signals[SIGNAL_RESTORED], 0);
  return TRUE;
}

static void
on_confirm_response (AdwMessageDialog      *dialog,
                     const char            *response,
                     LoadwiseBackupsDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_strcmp0 (response, "restore") == 0)
    loadwise_backups_dialog_restore (self, path, NULL);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autofree char *when = NULL;
  GtkWidget *dialog;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    modified = g_file_info_get_modification_date_time (info);
  if (modified != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (modified);

      when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }
  else
    {
      when = g_path_get_basename (path);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the date and time of the backup. */
                                  _("Your data will be replaced by the backup of %s. Your current data is saved as a backup first, so this can be undone."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The JSON backup (issue 13) */

gboolean
loadwise_backups_dialog_is_busy (LoadwiseBackupsDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self), FALSE);

  return self->busy;
}

/* One JSON task at a time: its row spins, both buttons wait. */
static void
set_busy (LoadwiseBackupsDialog *self,
          GtkSpinner            *spinner,
          gboolean               busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.export-json", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.import-json", !busy);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (LoadwiseBackupsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  const char *path = self->json_path;

  if (!loadwise_json_export_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The export failed: %s"), error->message);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: %s is a file path. */
      message = g_strdup_printf (_("Exported to %s"), display);
    }
  set_busy (self, self->export_spinner, FALSE);
  toast (self, message);
}

void
loadwise_backups_dialog_export_json (LoadwiseBackupsDialog *self,
                                     const char            *path,
                                     gboolean               replace)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->busy);

  now = loadwise_clock_get_now (loadwise_database_get_clock (self->database));
  g_free (self->json_path);
  self->json_path = g_strdup (path);
  set_busy (self, self->export_spinner, TRUE);
  loadwise_json_export_async (loadwise_database_get_path (self->database), path, now, replace,
                              self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_export_chooser_response (GtkNativeDialog       *dialog,
                            int                    response,
                            LoadwiseBackupsDialog *self)
{
  gboolean not_local;
  g_autofree char *path = loadwise_chooser_get_local_path (dialog, response, &not_local);

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (path == NULL)
    {
      if (not_local)
        toast (self, _("Backups can only be saved to a local folder"));
      return;
    }
  /* The chooser asked before choosing an existing file. */
  loadwise_backups_dialog_export_json (self, path, TRUE);
}

static GtkFileFilter *
new_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Backups"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
export_json_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = new_json_filter ();
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->busy)
    return;

  now = loadwise_clock_get_now (loadwise_database_get_clock (self->database));
  date = g_date_time_format (now, "%Y-%m-%d");
  name = g_strdup_printf ("loadwise-%s.json", date);
  self->chooser = gtk_file_chooser_native_new (_("Export as JSON"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (LoadwiseBackupsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = loadwise_json_import_finish (result, NULL, &error);

  /* Written on a connection of its own: this one tells the pages. */
  if (ok)
    loadwise_database_notice_changes (self->database);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, self->import_spinner, FALSE);
  if (!ok)
    {
      /* Translators: %s is the reason the backup could not be imported. */
      message = g_strdup_printf (_("The backup could not be imported: %s"), error->message);
      toast (self, message);
      return;
    }

  /* The copy of the data just replaced is in the list now. */
  reload (self);
  toast (self, _("The JSON backup was imported"));
  g_signal_emit (self, signals[SIGNAL_RESTORED], 0);
}

void
loadwise_backups_dialog_import_plan (LoadwiseBackupsDialog  *self,
                                     LoadwiseJsonImportPlan *plan)
{
  g_return_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self));
  g_return_if_fail (plan != NULL && plan->dataset != NULL);
  g_return_if_fail (!self->busy);

  /* One transaction, after a safety copy of what it replaces, in a
   * worker: ten years of history take a moment to write. */
  set_busy (self, self->import_spinner, TRUE);
  loadwise_json_import_async (loadwise_database_get_path (self->database), plan,
                              loadwise_database_get_clock (self->database),
                              loadwise_database_get_catalogue (self->database),
                              self->cancellable, on_import_done, g_object_ref (self));
}

static void
on_import_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    LoadwiseBackupsDialog *self)
{
  LoadwiseJsonImportPlan *plan = g_object_steal_data (G_OBJECT (dialog), "import-plan");

  if (g_strcmp0 (response, "import") == 0 && !self->busy)
    loadwise_backups_dialog_import_plan (self, plan);
  else
    loadwise_json_import_plan_free (plan);
}

static const char *
kind_name (LoadwiseJsonBackupKind kind)
{
  switch (kind)
    {
    case LOADWISE_JSON_BACKUP_KIND_PROGRAMME:
      return _("Programme");
    case LOADWISE_JSON_BACKUP_KIND_SESSIONS:
      return _("Sessions");
    case LOADWISE_JSON_BACKUP_KIND_SETS:
      return _("Sets");
    case LOADWISE_JSON_BACKUP_KIND_PAIN_RATINGS:
      return _("Pain ratings");
    case LOADWISE_JSON_BACKUP_KIND_CHECKINS:
      return _("Check-ins");
    case LOADWISE_JSON_BACKUP_KIND_RUNS:
      return _("Runs");
    case LOADWISE_JSON_BACKUP_KIND_SHOES:
      return _("Shoes");
    case LOADWISE_JSON_BACKUP_KIND_FLARES:
      return _("Flare-ups");
    case LOADWISE_JSON_BACKUP_KIND_SETTINGS:
      return _("Settings");
    case LOADWISE_JSON_BACKUP_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static GtkWidget *
new_cell (const char *text,
          const char *name,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), name != NULL ? 1.0 : 0.0);
  if (name != NULL)
    {
      gtk_widget_set_name (label, name);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
count_text (LoadwiseJsonBackupKind kind,
            guint                  count)
{
  if (kind == LOADWISE_JSON_BACKUP_KIND_PROGRAMME)
    return g_strdup (count > 0 ? _("Yes") : _("None"));
  return g_strdup_printf ("%u", count);
}

/* A table of each kind: in the backup, and (when it replaces) now. */
static GtkWidget *
new_preview_grid (const LoadwiseJsonBackupPreview *preview)
{
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  gtk_widget_set_name (grid, "import-preview");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);

  gtk_grid_attach (GTK_GRID (grid), new_cell (_("In the backup"), "preview-backup-heading", TRUE), 1, row, 1, 1);
  if (preview->replaces)
    gtk_grid_attach (GTK_GRID (grid), new_cell (_("Now"), "preview-now-heading", TRUE), 2, row, 1, 1);
  row++;

  for (guint k = 0; k < LOADWISE_JSON_BACKUP_N_KINDS; k++)
    {
      const char *table = loadwise_json_backup_kind_get_table (k);
      g_autofree char *backup_name = g_strdup_printf ("preview-%s-backup", table);
      g_autofree char *now_name = g_strdup_printf ("preview-%s-now", table);
      g_autofree char *incoming = count_text (k, preview->incoming[k]);
      g_autofree char *current = count_text (k, preview->current[k]);

      gtk_grid_attach (GTK_GRID (grid), new_cell (kind_name (k), NULL, FALSE), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_cell (incoming, backup_name, FALSE), 1, row, 1, 1);
      if (preview->replaces)
        gtk_grid_attach (GTK_GRID (grid), new_cell (current, now_name, FALSE), 2, row, 1, 1);
      row++;
    }
  return grid;
}

static void
show_preview (LoadwiseBackupsDialog  *self,
              const char             *path,
              LoadwiseJsonImportPlan *plan)
{
  const LoadwiseJsonBackupPreview *preview = &plan->preview;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *file = g_filename_display_name (base);
  g_autofree char *range = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_date_valid (&preview->first))
    {
      g_autofree char *first = loadwise_date_format (&preview->first);
      g_autofree char *last = loadwise_date_format (&preview->last);

      /* Translators: the first %s is a file name, the others are dates. */
      range = g_strdup_printf (_("“%s” holds your history from %s to %s."), file, first, last);
    }
  else
    {
      /* Translators: %s is a file name. */
      range = g_strdup_printf (_("“%s” holds no sessions, check-ins or runs."), file);
    }

  if (preview->replaces)
    body = g_strdup_printf ("%s %s", range,
                            _("It replaces all the data Loadwise holds now. Your current data is saved as a backup first, so this can be undone."));
  else
    body = g_strdup_printf ("%s %s", range, _("Loadwise holds no data yet: nothing is replaced."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   preview->replaces ? _("Replace Your Data?") : _("Import This Backup?"),
                                   body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_preview_grid (preview));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", preview->replaces ? _("_Replace") : _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              preview->replaces ? ADW_RESPONSE_DESTRUCTIVE
                                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import-plan", plan,
                          (GDestroyNotify) loadwise_json_import_plan_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_refusal (LoadwiseBackupsDialog *self,
              const char            *path,
              const GError          *error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *file = g_filename_display_name (base);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the first %s is a file name, the second what is wrong with it. */
  body = g_strdup_printf (_("“%s” cannot be imported: %s\n\nNothing was changed."), file, error->message);
  g_free (self->last_message);
  self->last_message = g_strdup (body);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This File Cannot Be Imported"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (LoadwiseBackupsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  const char *path = self->json_path;
  LoadwiseJsonImportPlan *plan = loadwise_json_preview_finish (result, &error);

  if (plan == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, self->import_spinner, FALSE);
  if (plan == NULL)
    show_refusal (self, path, error);
  else
    show_preview (self, path, plan);
}

void
loadwise_backups_dialog_import_json (LoadwiseBackupsDialog *self,
                                     const char            *path)
{
  g_return_if_fail (LOADWISE_IS_BACKUPS_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->busy);

  g_free (self->json_path);
  self->json_path = g_strdup (path);
  set_busy (self, self->import_spinner, TRUE);
  loadwise_json_preview_async (loadwise_database_get_path (self->database), path, self->cancellable,
                               on_preview_done, g_object_ref (self));
}

static void
on_import_chooser_response (GtkNativeDialog       *dialog,
                            int                    response,
                            LoadwiseBackupsDialog *self)
{
  gboolean not_local;
  g_autofree char *path = loadwise_chooser_get_local_path (dialog, response, &not_local);

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (path == NULL)
    {
      if (not_local)
        toast (self, _("Backups can only be imported from a local folder"));
      return;
    }
  loadwise_backups_dialog_import_json (self, path);
}

static void
import_json_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = new_json_filter ();

  if (self->chooser != NULL || self->busy)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import JSON Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
loadwise_backups_dialog_constructed (GObject *object)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (object);

  G_OBJECT_CLASS (loadwise_backups_dialog_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  reload (self);
}

static void
loadwise_backups_dialog_dispose (GObject *object)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOADWISE_TYPE_BACKUPS_DIALOG);

  G_OBJECT_CLASS (loadwise_backups_dialog_parent_class)->dispose (object);
}

static void
loadwise_backups_dialog_finalize (GObject *object)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->json_path, g_free);

  G_OBJECT_CLASS (loadwise_backups_dialog_parent_class)->finalize (object);
}

static void
loadwise_backups_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_backups_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LoadwiseBackupsDialog *self = LOADWISE_BACKUPS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_backups_dialog_class_init (LoadwiseBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_backups_dialog_constructed;
  object_class->dispose = loadwise_backups_dialog_dispose;
  object_class->finalize = loadwise_backups_dialog_finalize;
  object_class->get_property = loadwise_backups_dialog_get_property;
  object_class->set_property = loadwise_backups_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LOADWISE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The data was replaced: whoever shows it reads it again. */
  signals[SIGNAL_RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-backups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseBackupsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseBackupsDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseBackupsDialog, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseBackupsDialog, import_spinner);

  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_activated);
  gtk_widget_class_install_action (widget_class, "backups.export-json", NULL, export_json_activated);
  gtk_widget_class_install_action (widget_class, "backups.import-json", NULL, import_json_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loadwise_backups_dialog_init (LoadwiseBackupsDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
