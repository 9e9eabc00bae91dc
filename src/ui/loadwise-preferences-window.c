/* loadwise-preferences-window.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-preferences-window-private.h"

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-programme.h"
#include "ui/loadwise-backups-dialog.h"
#include "ui/loadwise-chooser.h"
#include "ui/loadwise-cues.h"
#include "ui/loadwise-reminders-group.h"

struct _LoadwisePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LoadwiseDatabase     *database;
  LoadwiseContext      *context;  /* may be NULL: then writes are made directly */
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *folder_chooser;
  char                 *last_message;
  gboolean              loading;
  gboolean              has_programme;
  LoadwiseProgramme     programme;

  AdwPreferencesGroup  *programme_group;
  GtkSpinButton        *weeks_spin;
  GtkBox               *days_box;
  GtkSpinButton        *safe_spin;
  GtkSpinButton        *max_spin;
  AdwComboRow          *style_row;
  AdwActionRow         *spoken_cues_row;
  GtkSwitch            *spoken_cues_switch;
  AdwActionRow         *folder_row;
  AdwActionRow         *import_folder_row;
  LoadwiseRemindersGroup *reminders_group;
  GtkToggleButton      *day_buttons[7];
};

G_DEFINE_FINAL_TYPE (LoadwisePreferencesWindow, loadwise_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style combo lists the schema's nicks in this order. */
static const char *color_schemes[] = { "default", "light", "dark" };

GtkWidget *
loadwise_preferences_window_new (LoadwiseDatabase *database)
{
  return g_object_new (LOADWISE_TYPE_PREFERENCES_WINDOW,
                       "database", database,
                       NULL);
}

GtkWidget *
loadwise_preferences_window_new_for_context (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_PREFERENCES_WINDOW,
                       "database", loadwise_context_get_database (context),
                       "context", context,
                       NULL);
}

void
loadwise_preferences_window_focus_pain_limits (LoadwisePreferencesWindow *self)
{
  g_return_if_fail (LOADWISE_IS_PREFERENCES_WINDOW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->safe_spin));
}

const char *
loadwise_preferences_window_get_last_message (LoadwisePreferencesWindow *self)
{
  g_return_val_if_fail (LOADWISE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->last_message;
}

static void
toast (LoadwisePreferencesWindow *self,
       const char                *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Shows what is stored. */
static void
load_programme (LoadwisePreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->has_programme = loadwise_database_get_programme (self->database, &self->programme, &error);
  if (!self->has_programme)
    {
      if (!g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        toast (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->programme_group), FALSE);
      adw_preferences_group_set_description (self->programme_group,
                                             _("Set up a programme first."));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->programme_group), TRUE);
  self->loading = TRUE;
  gtk_spin_button_set_value (self->weeks_spin, self->programme.weeks);
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i],
                                  (self->programme.training_days &
                                   LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i)) != 0);
  gtk_spin_button_set_value (self->safe_spin, self->programme.safe_pain);
  gtk_spin_button_set_value (self->max_spin, self->programme.max_pain);
  self->loading = FALSE;
}

static gboolean
write_programme (LoadwiseDatabase  *database,
                 gpointer           data,
                 GError           **error)
{
  return loadwise_database_update_programme (database, data, error);
}

static void
on_programme_written (GtkWidget    *widget,
                      const GError *error,
                      gpointer      data)
{
  LoadwisePreferencesWindow *self = widget != NULL ? LOADWISE_PREFERENCES_WINDOW (widget) : NULL;

  if (self == NULL)
    return;
  if (error == NULL)
    {
      /* The main window follows from the database's "changed". */
      self->programme = *(const LoadwiseProgramme *) data;
      return;
    }
  toast (self, error->message);
  /* A refused value is put back; after a lock, what was entered stays
   * for another try. */
  if (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT))
    load_programme (self);
}

static void
apply_programme (LoadwisePreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme changed = self->programme;

  if (self->loading || !self->has_programme)
    return;

  changed.weeks = (guint) gtk_spin_button_get_value_as_int (self->weeks_spin);
  changed.training_days = 0;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      changed.training_days |= LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i);
  changed.safe_pain = (guint) gtk_spin_button_get_value_as_int (self->safe_spin);
  changed.max_pain = (guint) gtk_spin_button_get_value_as_int (self->max_spin);

  if (changed.weeks == self->programme.weeks &&
      changed.training_days == self->programme.training_days &&
      changed.safe_pain == self->programme.safe_pain &&
      changed.max_pain == self->programme.max_pain)
    return;

  /* The bounds of the pain-monitoring model (loadwise-programme.h), named
   * as the form names them; the store applies the same ones. */
  if (!loadwise_programme_check_thresholds (changed.safe_pain, changed.max_pain,
                                            _("Safe pain"), _("Maximum pain"), &error))
    {
      toast (self, error->message);
      load_programme (self);
      return;
    }

  if (self->context != NULL)
    {
      /* Through the context, so that another program's lock never
       * freezes the window. */
      loadwise_context_write (self->context, GTK_WIDGET (self), write_programme,
                              g_memdup2 (&changed, sizeof changed), g_free, on_programme_written);
      return;
    }

  /* The store validates; a refused change leaves the stored settings and
   * puts the controls back. */
  if (!loadwise_database_update_programme (self->database, &changed, &error))
    {
      toast (self, error->message);
      load_programme (self);
      return;
    }

  /* The main window follows from the database's "changed". */
  self->programme = changed;
}

static void
on_spin_value_changed (GtkSpinButton             *spin,
                       LoadwisePreferencesWindow *self)
{
  apply_programme (self);
}

static void
on_day_toggled (GtkToggleButton           *button,
                LoadwisePreferencesWindow *self)
{
  apply_programme (self);
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (nick, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[selected]);
}

static char *
get_data_dir (LoadwisePreferencesWindow *self)
{
  return g_path_get_dirname (loadwise_database_get_path (self->database));
}

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (widget);
  g_autofree char *dir = get_data_dir (self);
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_chooser_response (GtkNativeDialog           *dialog,
                     int                        response,
                     LoadwisePreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  gboolean not_local;
  g_autofree char *path = loadwise_chooser_get_local_path (dialog, response, &not_local);
  g_autofree char *message = NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    {
      if (not_local)
        toast (self, _("Backups can only be saved to a local folder"));
      return;
    }

  if (!loadwise_database_backup_to (self->database, path, &error))
    {
      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("Backup failed: %s"), error->message);
      toast (self, message);
      return;
    }

  /* Translators: %s is a file path. */
  message = g_strdup_printf (_("Backup saved to %s"), path);
  toast (self, message);
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("loadwise-backup-%s.db", date);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Back Up Loadwise Data"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The import folder (issue 14): a GSettings key, as it belongs to this
 * computer rather than to the runner's data. */
static void
show_import_folder (LoadwisePreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "import-folder");
  gboolean set = folder[0] != '\0';

  adw_action_row_set_subtitle (self->import_folder_row,
                               set ? folder : _("None: import files from the Runs page"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-import-folder", set);
}

static void
on_import_folder_changed (GSettings                 *settings,
                          const char                *key,
                          LoadwisePreferencesWindow *self)
{
  show_import_folder (self);
}

static void
on_folder_chooser_response (GtkNativeDialog           *dialog,
                            int                        response,
                            LoadwisePreferencesWindow *self)
{
  gboolean not_local;
  g_autofree char *path = loadwise_chooser_get_local_path (dialog, response, &not_local);

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->folder_chooser);
  if (path == NULL)
    {
      if (not_local)
        toast (self, _("The import folder must be a folder on this computer"));
      return;
    }
  g_settings_set_string (self->settings, "import-folder", path);
}

static void
choose_import_folder_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (widget);
  g_autofree char *current = g_settings_get_string (self->settings, "import-folder");

  if (self->folder_chooser != NULL)
    return;
  self->folder_chooser = gtk_file_chooser_native_new (_("Choose the Import Folder"),
                                                      GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  if (current[0] != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->folder_chooser), file, NULL);
    }
  g_signal_connect_object (self->folder_chooser, "response", G_CALLBACK (on_folder_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
clear_import_folder_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (widget);

  g_settings_set_string (self->settings, "import-folder", "");
  toast (self, _("The import folder is no longer watched"));
}

static void
on_backups_restored (LoadwiseBackupsDialog     *dialog,
                     LoadwisePreferencesWindow *self)
{
  /* The programme may be another one now: show it here; the main window
   * follows from the database's "changed". */
  load_programme (self);
}

static void
backups_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (widget);
  GtkWidget *dialog = loadwise_backups_dialog_new (self->database);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_backups_restored), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loadwise_preferences_window_constructed (GObject *object)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (object);
  g_autofree char *dir = NULL;

  G_OBJECT_CLASS (loadwise_preferences_window_parent_class)->constructed (object);

  g_assert (self->database != NULL);

  dir = get_data_dir (self);
  adw_action_row_set_subtitle (self->folder_row, dir);
  loadwise_reminders_group_set_database (self->reminders_group, self->database);
  load_programme (self);
}

static void
loadwise_preferences_window_dispose (GObject *object)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (loadwise_preferences_window_parent_class)->dispose (object);
}

static void
loadwise_preferences_window_finalize (GObject *object)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (loadwise_preferences_window_parent_class)->finalize (object);
}

static void
loadwise_preferences_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  LoadwisePreferencesWindow *self = LOADWISE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_preferences_window_class_init (LoadwisePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_preferences_window_constructed;
  object_class->dispose = loadwise_preferences_window_dispose;
  object_class->finalize = loadwise_preferences_window_finalize;
  object_class->get_property = loadwise_preferences_window_get_property;
  object_class->set_property = loadwise_preferences_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LOADWISE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The app's: its writes go through loadwise_context_write(). NULL (the
   * tests of this window alone): written directly to "database". */
  properties[PROP_CONTEXT] = loadwise_context_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-preferences-window.ui");
  g_type_ensure (LOADWISE_TYPE_REMINDERS_GROUP);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, programme_group);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, safe_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, max_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, spoken_cues_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, spoken_cues_switch);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, import_folder_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwisePreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed);

  gtk_widget_class_install_action (widget_class, "prefs.open-folder", NULL, open_folder_activated);
  gtk_widget_class_install_action (widget_class, "prefs.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "prefs.backups", NULL, backups_activated);
  gtk_widget_class_install_action (widget_class, "prefs.choose-import-folder", NULL,
                                   choose_import_folder_activated);
  gtk_widget_class_install_action (widget_class, "prefs.clear-import-folder", NULL,
                                   clear_import_folder_activated);
}

static void
loadwise_preferences_window_init (LoadwisePreferencesWindow *self)
{
  static const char *short_names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"),
    NC_("weekday", "Thu"), NC_("weekday", "Fri"), NC_("weekday", "Sat"),
    NC_("weekday", "Sun"),
  };
  static const char *long_names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                                                          short_names[i]));
      g_autofree char *name = g_strdup_printf ("day-%s",
                                               loadwise_weekday_to_string (G_DATE_MONDAY + i));

      gtk_widget_set_name (button, name);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, "day-toggle");
      gtk_widget_set_tooltip_text (button, _(long_names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(long_names[i]),
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled), self, 0);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->days_box, button);
    }

  self->settings = g_settings_new (APP_ID);
  /* Greyed, with the reason, where there is no speech service to say them. */
  {
    const char *reason = NULL;

    g_settings_bind (self->settings, "spoken-cues", self->spoken_cues_switch, "active", G_SETTINGS_BIND_DEFAULT);
    if (!loadwise_speech_is_available (&reason))
      {
        gtk_widget_set_sensitive (GTK_WIDGET (self->spoken_cues_row), FALSE);
        adw_action_row_set_subtitle (self->spoken_cues_row, reason);
      }
  }
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_signal_connect (self->settings, "changed::import-folder", G_CALLBACK (on_import_folder_changed), self);
  show_import_folder (self);
  self->loading = FALSE;
}
