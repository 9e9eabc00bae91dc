/* loadwise-application.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-application.h"

#include <glib/gi18n.h>

#include "core/loadwise-red-flags.h"
#include "store/loadwise-backups.h"
#include "store/loadwise-database.h"
#include "ui/loadwise-import-watcher.h"
#include "ui/loadwise-window.h"

struct _LoadwiseApplication
{
  AdwApplication     parent_instance;

  LoadwiseClock     *clock;
  GSettings         *settings;
  LoadwiseDatabase  *database;
  LoadwiseCatalogue *catalogue;
  LoadwiseImportWatcher *import_watcher;
  guint              n_import_notifications;
};

G_DEFINE_FINAL_TYPE (LoadwiseApplication, loadwise_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LoadwiseApplication *
loadwise_application_new (LoadwiseClock *clock)
{
  return g_object_new (LOADWISE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "clock", clock,
                       NULL);
}

LoadwiseClock *
loadwise_application_get_clock (LoadwiseApplication *self)
{
  g_return_val_if_fail (LOADWISE_IS_APPLICATION (self), NULL);

  return self->clock;
}

static void
update_color_scheme (LoadwiseApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_settings_changed (GSettings           *settings,
                     const char          *key,
                     LoadwiseApplication *self)
{
  update_color_scheme (self);
}

static void
on_fatal_dialog_response (AdwMessageDialog    *dialog,
                          const char          *response,
                          LoadwiseApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* Something keeps the app from starting: say what, offer only Quit, and
 * leave every file as it is. */
static void
show_fatal_error (LoadwiseApplication *self,
                  const char          *heading,
                  const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_fatal_dialog_response), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  LoadwiseApplication *app;
  LoadwiseWindow      *window;
  char                *backup_path;
} RecoverData;

static void
recover_data_free (gpointer  user_data,
                   GClosure *closure)
{
  RecoverData *data = user_data;

  g_object_unref (data->app);
  g_object_unref (data->window);
  g_free (data->backup_path);
  g_free (data);
}

static void
on_recover_dialog_response (AdwMessageDialog *dialog,
                            const char       *response,
                            RecoverData      *data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "restore") != 0 || data->backup_path == NULL)
    return;

  if (!loadwise_database_restore_from (data->app->database, data->backup_path, NULL, &error))
    {
      /* Translators: %s is the reason the backup could not be restored. */
      message = g_strdup_printf (_("The backup could not be restored: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (data->window), "win.toast", "s", message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (data->window), "win.reload", NULL);
  gtk_widget_activate_action (GTK_WIDGET (data->window), "win.toast", "s",
                              _("The backup was restored"));
}

/* The database was damaged and moved aside: tell the runner where it went
 * and offer the newest backup, if there is one (DESIGN.md, "Errors"). */
static void
show_recovered_dialog (LoadwiseApplication *self,
                       LoadwiseWindow      *window,
                       const char          *moved_to,
                       const char          *data_dir)
{
  g_autofree char *backup = loadwise_database_find_latest_backup (data_dir);
  GtkWidget *dialog;
  RecoverData *data;

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Your Data File Was Damaged"), NULL);
  if (backup != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: the first %s is a file path, the second the path of a backup file. */
                                    _("Loadwise could not read its data file, so it moved the damaged file to %s and started a new one. Nothing was deleted.\n\nA backup was found: %s. You can restore it, or start fresh."),
                                    moved_to, backup);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: %s is a file path. */
                                    _("Loadwise could not read its data file, so it moved the damaged file to %s and started a new one. Nothing was deleted. No backup was found."),
                                    moved_to);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "fresh", _("_Start Fresh"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
  if (backup != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }

  data = g_new0 (RecoverData, 1);
  data->app = g_object_ref (self);
  data->window = g_object_ref (window);
  data->backup_path = g_steal_pointer (&backup);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recover_dialog_response),
                         data, recover_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_data (LoadwiseApplication  *self,
           char                **out_moved_to,
           char                **out_data_dir)
{
  g_autofree char *data_dir = loadwise_database_get_default_dir ();
  g_autofree char *path = loadwise_database_build_path (data_dir);
  g_autoptr (GError) error = NULL;

  self->database = loadwise_database_open_or_recover (path, out_moved_to, &error);
  if (self->database == NULL)
    {
      if (g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION))
        show_fatal_error (self, _("Data From a Newer Version"), error->message);
      else
        show_fatal_error (self, _("Your Data Could Not Be Opened"), error->message);
      return FALSE;
    }

  self->catalogue = loadwise_catalogue_load_default (&error);
  if (self->catalogue == NULL)
    {
      show_fatal_error (self, _("The Exercise List Is Broken"), error->message);
      return FALSE;
    }

  *out_data_dir = g_steal_pointer (&data_dir);
  return TRUE;
}

/* The day's rolling backup (loadwise-backups.h), once the window is up. */
static gboolean
take_daily_backup_cb (gpointer user_data)
{
  LoadwiseApplication *self = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  GDate today;

  if (self->database == NULL)
    return G_SOURCE_REMOVE;

  loadwise_clock_get_today (self->clock, &today);
  if (!loadwise_backups_take_daily (self->database, &today, NULL, &error))
    {
      /* Translators: %s is the reason. */
      g_autofree char *message = g_strdup_printf (_("Today’s backup could not be made: %s"), error->message);

      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (LOADWISE_IS_WINDOW (window))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", message);
    }
  return G_SOURCE_REMOVE;
}

/* New files in the import folder (issue 14): a notification whose default
 * action opens their preview. Each batch has its own, so an earlier one
 * still opens its own files. */
static void
on_new_runs (LoadwiseImportWatcher *watcher,
             char                 **paths,
             LoadwiseApplication   *self)
{
  g_autoptr (GNotification) notification = loadwise_import_watcher_new_notification ((const char *const *) paths);
  g_autofree char *id = g_strdup_printf ("new-runs-%u", ++self->n_import_notifications);

  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
loadwise_application_activate (GApplication *application)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (application);
  g_autofree char *moved_to = NULL;
  g_autofree char *data_dir = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  LoadwiseWindow *main_window;
  g_autoptr (LoadwiseContext) context = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* A fatal dialog from an earlier activation is still up. */
  if (self->database == NULL && gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    return;

  if (self->database == NULL && !open_data (self, &moved_to, &data_dir))
    return;

  /* Other programs' commits (the CLI, the reminder service) and the day
   * changing reach the pages through the context. */
  loadwise_database_watch (self->database);
  loadwise_clock_watch (self->clock);
  context = loadwise_context_new (self->database, self->catalogue, self->clock);
  main_window = loadwise_window_new (GTK_APPLICATION (self), context);
  gtk_window_present (GTK_WINDOW (main_window));

  /* The import folder is listed once now, then followed while the app runs. */
  if (self->import_watcher == NULL)
    {
      self->import_watcher = loadwise_import_watcher_new (context, self->settings, 0);
      g_signal_connect_object (self->import_watcher, "new-runs", G_CALLBACK (on_new_runs), self, 0);
    }

  if (moved_to != NULL)
    show_recovered_dialog (self, main_window, moved_to, data_dir);
  else
    /* Not right after a recovery: a copy of the new, empty file would
     * become the newest backup, hiding the one to restore. */
    g_idle_add_full (G_PRIORITY_LOW, take_daily_backup_cb, g_object_ref (self), g_object_unref);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets the main window save its size. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (app));
}

static void
on_preferences_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (LOADWISE_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
}

/* A reminder's or a notification's action: the main window, shown first;
 * NULL when there is none to act on. */
static GtkWidget *
present_main_window (GtkApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  return LOADWISE_IS_WINDOW (window) ? GTK_WIDGET (window) : NULL;
}

static void
on_start_session_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWidget *window = present_main_window (GTK_APPLICATION (user_data));

  /* The reminder's Start comes here over D-Bus (tests/reminders/test-dunst.c reads this). */
  g_debug ("app.start-session: %s", window != NULL ? "opening today's session" : "no window to open it in");
  if (window != NULL)
    {
      gtk_widget_activate_action (window, "win.show-today", NULL);
      gtk_widget_activate_action (window, "win.start-session", NULL);
    }
}

/* From the check-in reminder: the check-in card is on Today. */
static void
on_checkin_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkWidget *window = present_main_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (window, "win.show-today", NULL);
}

/* From the import folder's notification: the preview of those files. */
static void
on_import_runs_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWidget *window = present_main_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action_variant (window, "win.import-runs", parameter);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Loadwise developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Loadwise"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Loadwise developers"),
                        "developers", developers,
                        /* "0.1.0-devel" in a development build. */
                        "version", PACKAGE_VERSION VERSION_SUFFIX,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", loadwise_disclaimer (),
                        "website", "https://github.com/loadwise/loadwise",
                        "issue-url", "https://github.com/loadwise/loadwise/issues",
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* The programme stands on these; PROGRAMME.md gives what each says. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Sources of the Programme"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The exercise ladders, the pain rules and the running advice follow these studies; Loadwise does not diagnose.\n\n"
                                        "LEAP: Mellor et al., BMJ 2018;361:k1662; protocol in BMC Musculoskelet Disord 2016;17:196\n"
                                        "Silbernagel et al., Am J Sports Med 2007;35:897 (the pain-monitoring model)\n"
                                        "Grimaldi et al., Sports Med 2015;45:1107\n"
                                        "Farrar et al., Pain 2001;94:149\n"
                                        "American College of Sports Medicine, Med Sci Sports Exerc 2009;41:687\n"
                                        "Frandsen et al., Br J Sports Med 2025\n"
                                        "Nielsen et al., J Orthop Sports Phys Ther 2014;44:739\n"
                                        "Telhan et al., J Athl Train 2010;45:16\n"
                                        "Vernillo et al., Sports Med 2017;47:615\n"
                                        "Robertson and Wood, Sports Med Int Open 2017;1:E58"));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated },
  { "preferences", on_preferences_activated },
  { "about", on_about_activated },
  { "start-session", on_start_session_activated },
  { "checkin", on_checkin_activated },
  { "import-runs", on_import_runs_activated, "as" },
};

static void
loadwise_application_startup (GApplication *application)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* GTK's own for its help overlay, which the window now builds itself. */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (loadwise_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_changed), self, 0);
  update_color_scheme (self);
}

static void
loadwise_application_constructed (GObject *object)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (object);

  G_OBJECT_CLASS (loadwise_application_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = loadwise_clock_new_system ();
}

static void
loadwise_application_finalize (GObject *object)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (object);

  g_clear_object (&self->import_watcher);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->catalogue, loadwise_catalogue_unref);

  G_OBJECT_CLASS (loadwise_application_parent_class)->finalize (object);
}

static void
loadwise_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_application_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LoadwiseApplication *self = LOADWISE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_application_class_init (LoadwiseApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = loadwise_application_constructed;
  object_class->finalize = loadwise_application_finalize;
  object_class->get_property = loadwise_application_get_property;
  object_class->set_property = loadwise_application_set_property;

  app_class->activate = loadwise_application_activate;
  app_class->startup = loadwise_application_startup;

  /* Where "now" comes from; the system clock unless a test hands one in. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LOADWISE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loadwise_application_init (LoadwiseApplication *self)
{
}
