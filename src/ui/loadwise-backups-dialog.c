/* loadwise-backups-dialog.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-backups-dialog-private.h"

#include <glib/gi18n.h>

#include "store/loadwise-backups.h"

struct _LoadwiseBackupsDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *list_group;

  LoadwiseDatabase     *database;
  GPtrArray            *rows;          /* the rows in list_group */
  char                 *last_message;
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

  return g_object_new (LOADWISE_TYPE_BACKUPS_DIALOG, "database", database, NULL);
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

  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loadwise_backups_dialog_init (LoadwiseBackupsDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
