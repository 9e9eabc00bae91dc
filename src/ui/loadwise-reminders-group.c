/* loadwise-reminders-group.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-reminders-group.h"

#include <glib/gi18n.h>

#include "core/loadwise-parse.h"
#include "core/loadwise-schedule.h"
#include "reminders/loadwise-reminder-service.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database-reminders.h"

struct _LoadwiseRemindersGroup
{
  AdwPreferencesGroup  parent_instance;

  LoadwiseDatabase    *database;  /* weak */
  GDBusConnection     *bus;
  char                *last_message;
  guint                name_watch;
  gboolean             running;
  gboolean             loading;
  gboolean             switching;

  AdwActionRow        *enabled_row;
  GtkSwitch           *enabled_switch;
  AdwEntryRow         *session_row;
  AdwEntryRow         *checkin_row;
  GtkSpinButton       *snooze_spin;
};

G_DEFINE_FINAL_TYPE (LoadwiseRemindersGroup, loadwise_reminders_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
loadwise_reminders_group_get_last_message (LoadwiseRemindersGroup *self)
{
  g_return_val_if_fail (LOADWISE_IS_REMINDERS_GROUP (self), NULL);

  return self->last_message;
}

static void
show_message (LoadwiseRemindersGroup *self,
              const char             *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
update_status (LoadwiseRemindersGroup *self)
{
  const char *status;

  if (self->switching)
    return;
  if (self->running)
    status = _("The reminder service is running.");
  else if (gtk_switch_get_active (self->enabled_switch))
    status = _("On, but the reminder service is not running: switch it off and on to start it.");
  else
    status = _("The reminder service is not running.");
  adw_action_row_set_subtitle (self->enabled_row, status);
}

/* Shows what is stored. */
static void
load (LoadwiseRemindersGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *session = NULL;
  g_autofree char *checkin = NULL;
  LoadwiseReminderSettings settings;

  if (!loadwise_database_get_reminder_settings (self->database, &settings, &error))
    {
      show_message (self, error->message);
      loadwise_reminder_settings_init (&settings);
    }

  session = loadwise_reminder_format_time (settings.session_time_s);
  checkin = loadwise_reminder_format_time (settings.checkin_time_s);
  self->loading = TRUE;
  gtk_switch_set_active (self->enabled_switch, settings.enabled);
  gtk_editable_set_text (GTK_EDITABLE (self->session_row), session);
  gtk_editable_set_text (GTK_EDITABLE (self->checkin_row), checkin);
  gtk_spin_button_set_value (self->snooze_spin, settings.snooze_minutes);
  self->loading = FALSE;
  update_status (self);
}

static gboolean
store (LoadwiseRemindersGroup   *self,
       LoadwiseReminderSettings *settings,
       GError                  **error)
{
  return loadwise_database_set_reminder_settings (self->database, settings, error);
}

static gboolean
read_stored (LoadwiseRemindersGroup   *self,
             LoadwiseReminderSettings *out_settings)
{
  g_autoptr (GError) error = NULL;

  if (loadwise_database_get_reminder_settings (self->database, out_settings, &error))
    return TRUE;
  show_message (self, error->message);
  return FALSE;
}

static void
on_enabled_set (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (LoadwiseRemindersGroup) self = user_data;
  g_autoptr (GError) error = NULL;

  loadwise_reminders_set_enabled_finish (LOADWISE_DATABASE (source_object), result, &error);
  self->switching = FALSE;
  /* Preferences closed while the session was asked. */
  if (self->database == NULL || self->enabled_row == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->enabled_row), TRUE);
  if (error != NULL)
    show_message (self, error->message);
  load (self);
}

static void
on_enabled_changed (GtkSwitch              *toggle,
                    GParamSpec             *pspec,
                    LoadwiseRemindersGroup *self)
{
  gboolean enabled = gtk_switch_get_active (toggle);

  if (self->loading || self->switching || self->database == NULL)
    return;

  /* The session may take a while (the Background portal can ask the
   * runner first): the row waits, the window does not. */
  self->switching = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->enabled_row), FALSE);
  adw_action_row_set_subtitle (self->enabled_row,
                               enabled ? _("Turning reminders on…") : _("Turning reminders off…"));
  loadwise_reminders_set_enabled_async (self->database, enabled, self->bus, on_enabled_set,
                                        g_object_ref (self));
}

static void
on_time_applied (AdwEntryRow            *row,
                 LoadwiseRemindersGroup *self)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;
  gboolean session = row == self->session_row;
  guint minutes;

  if (self->loading || self->database == NULL || !read_stored (self, &settings))
    return;

  if (!loadwise_parse_time_of_day (session ? _("Session time") : _("Check-in time"),
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &minutes, &error))
    {
      show_message (self, error->message);
      load (self);
      return;
    }
  if (session)
    settings.session_time_s = minutes * 60;
  else
    settings.checkin_time_s = minutes * 60;
  if (!store (self, &settings, &error))
    show_message (self, error->message);
  load (self);
}

static void
on_snooze_changed (GtkSpinButton          *spin,
                   LoadwiseRemindersGroup *self)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;

  if (self->loading || self->database == NULL || !read_stored (self, &settings))
    return;

  settings.snooze_minutes = (guint) gtk_spin_button_get_value_as_int (spin);
  if (!store (self, &settings, &error))
    {
      show_message (self, error->message);
      load (self);
    }
}

static void
on_service_appeared (GDBusConnection *connection,
                     const char      *name,
                     const char      *owner,
                     gpointer         user_data)
{
  LoadwiseRemindersGroup *self = user_data;

  self->running = TRUE;
  update_status (self);
}

static void
on_service_vanished (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  LoadwiseRemindersGroup *self = user_data;

  self->running = FALSE;
  update_status (self);
}

void
loadwise_reminders_group_set_database (LoadwiseRemindersGroup *self,
                                       LoadwiseDatabase       *database)
{
  g_return_if_fail (LOADWISE_IS_REMINDERS_GROUP (self));
  g_return_if_fail (database == NULL || LOADWISE_IS_DATABASE (database));

  /* Not a reference: the window that holds this group owns the database,
   * and the group must not keep it alive after the window is gone. */
  if (self->database == database)
    return;
  g_set_weak_pointer (&self->database, database);
  if (self->database != NULL)
    load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
loadwise_reminders_group_dispose (GObject *object)
{
  LoadwiseRemindersGroup *self = LOADWISE_REMINDERS_GROUP (object);

  g_clear_handle_id (&self->name_watch, g_bus_unwatch_name);
  g_clear_object (&self->bus);
  g_clear_weak_pointer (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_REMINDERS_GROUP);

  G_OBJECT_CLASS (loadwise_reminders_group_parent_class)->dispose (object);
}

static void
loadwise_reminders_group_finalize (GObject *object)
{
  LoadwiseRemindersGroup *self = LOADWISE_REMINDERS_GROUP (object);

  g_free (self->last_message);

  G_OBJECT_CLASS (loadwise_reminders_group_parent_class)->finalize (object);
}

static void
loadwise_reminders_group_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LoadwiseRemindersGroup *self = LOADWISE_REMINDERS_GROUP (object);

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
loadwise_reminders_group_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LoadwiseRemindersGroup *self = LOADWISE_REMINDERS_GROUP (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      loadwise_reminders_group_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_reminders_group_class_init (LoadwiseRemindersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_reminders_group_dispose;
  object_class->finalize = loadwise_reminders_group_finalize;
  object_class->get_property = loadwise_reminders_group_get_property;
  object_class->set_property = loadwise_reminders_group_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, LOADWISE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-reminders-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRemindersGroup, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRemindersGroup, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRemindersGroup, session_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRemindersGroup, checkin_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRemindersGroup, snooze_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_time_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_snooze_changed);
}

static void
loadwise_reminders_group_init (LoadwiseRemindersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Whether the service runs: its name on the session bus, watched, so
   * the row follows it starting and stopping. */
  self->bus = loadwise_reminders_get_session_bus ();
  if (self->bus != NULL)
    self->name_watch = g_bus_watch_name_on_connection (self->bus, LOADWISE_REMINDERS_BUS_NAME,
                                                       G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                       on_service_appeared, on_service_vanished,
                                                       self, NULL);
  update_status (self);
}
