/* loadwise-run-dialog.c: add or edit a run, each field checked as it is typed
 *
 * The fields use the core's parsers, so the dialog says exactly what the
 * CLI says about the same value, with the field's own name.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-run-dialog.h"

#include <glib/gi18n.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-text.h"
#include "core/loadwise-types.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-dialog.h"
#include "ui/loadwise-elevation-profile.h"
#include "ui/loadwise-run-rows.h"

struct _LoadwiseRunDialog
{
  AdwWindow         parent_instance;

  LoadwiseContext  *context;
  LoadwiseRun      *run;          /* the values shown; id 0 for a new run */
  GPtrArray        *shoes;        /* LoadwiseShoe*, as listed in the shoe row after "None" */

  AdwWindowTitle   *window_title;
  GtkBox           *form_box;
  GtkWidget        *load_group;
  GtkWidget        *profile;      /* the recorded run's elevation profile, or NULL */
  GtkWidget        *save_button;
  GtkWidget        *problems_bar;
  GtkLabel         *problems_label;

  GtkMenuButton    *date_button;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  GtkWidget        *date_icon;
  LoadwisePainScale *pain_during;
  LoadwisePainScale *pain_after;
  LoadwiseRunEntry  fields[LOADWISE_RUN_N_FIELDS];
  gboolean          touched[LOADWISE_RUN_N_FIELDS];
  AdwComboRow      *camber_row;
  AdwComboRow      *surface_row;
  AdwComboRow      *shoe_row;
  GtkSwitch        *speed_switch;
  GtkSwitch        *long_switch;
};

G_DEFINE_FINAL_TYPE (LoadwiseRunDialog, loadwise_run_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean validate  (LoadwiseRunDialog  *self,
                           LoadwiseRun       **out_run);
static void     show_date (LoadwiseRunDialog  *self);

/* A run imported from a recorded track (issue 14) shows its profile,
 * after the load it describes. */
static void
add_profile (LoadwiseRunDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) points = NULL;
  GtkWidget *group;

  if (self->run->id == 0)
    return;
  points = loadwise_database_get_run_profile (loadwise_context_get_database (self->context), self->run->id, &error);
  if (points == NULL || points->len < 2)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Elevation"));
  self->profile = loadwise_elevation_profile_new ();
  loadwise_elevation_profile_set_profile (LOADWISE_ELEVATION_PROFILE (self->profile), points);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->profile);
  gtk_box_insert_child_after (self->form_box, group, self->load_group);
}

GtkWidget *
loadwise_run_dialog_new (LoadwiseContext   *context,
                         const LoadwiseRun *run)
{
  LoadwiseRunDialog *self = g_object_new (LOADWISE_TYPE_RUN_DIALOG, LOADWISE_DIALOG_PROPERTIES,
                                          "context", context, NULL);
  g_autofree char *text = NULL;
  const char *title;

  if (run != NULL)
    {
      loadwise_run_free (self->run);
      self->run = loadwise_run_copy (run);
    }

  title = run != NULL ? _("Edit Run") : _("Log a Run");
  adw_window_title_set_title (self->window_title, title);
  /* The window's own title too: it is the dialog's accessible name, which a
   * screen reader announces (else it reads "LoadwiseRunDialog"). */
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* Fill the fields from the run; a new run starts with today and empties. */
  if (run != NULL)
    {
      /* To the metre (a recorded track's 8.405 km), so that saving an
       * edit of another field leaves the distance as it was. */
      text = loadwise_format_km_exact_local (run->distance_m);
      gtk_editable_set_text (self->fields[LOADWISE_RUN_FIELD_DISTANCE].editable, text);
      g_clear_pointer (&text, g_free);
      text = loadwise_format_duration (run->duration_s);
      gtk_editable_set_text (self->fields[LOADWISE_RUN_FIELD_DURATION].editable, text);
      g_clear_pointer (&text, g_free);
      text = g_strdup_printf ("%u", run->climb_m);
      gtk_editable_set_text (self->fields[LOADWISE_RUN_FIELD_CLIMB].editable, text);
      g_clear_pointer (&text, g_free);
      text = g_strdup_printf ("%u", run->descent_m);
      gtk_editable_set_text (self->fields[LOADWISE_RUN_FIELD_DESCENT].editable, text);
      g_clear_pointer (&text, g_free);
      loadwise_run_rows_show_pain (self->pain_during, self->pain_after, run);
      gtk_editable_set_text (self->fields[LOADWISE_RUN_FIELD_NOTE].editable, run->note != NULL ? run->note : "");
      gtk_switch_set_active (self->speed_switch, run->speed);
      gtk_switch_set_active (self->long_switch, run->long_run);
      loadwise_run_rows_show_choices (self->camber_row, self->surface_row, self->shoe_row,
                                      self->shoes, run);
      /* An existing run is shown with every problem at once. */
      for (guint i = 0; i < LOADWISE_RUN_N_FIELDS; i++)
        self->touched[i] = TRUE;
      add_profile (self);
    }
  show_date (self);
  validate (self, NULL);
  /* The date is usually today's: start typing the distance. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->fields[LOADWISE_RUN_FIELD_DISTANCE].editable));

  return GTK_WIDGET (self);
}

GtkEditable *
loadwise_run_dialog_get_field (LoadwiseRunDialog *self,
                               LoadwiseRunField   field)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  g_return_val_if_fail (field < LOADWISE_RUN_N_FIELDS, NULL);

  return self->fields[field].editable;
}

const char *
loadwise_run_dialog_get_error (LoadwiseRunDialog *self,
                               LoadwiseRunField   field)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  g_return_val_if_fail (field < LOADWISE_RUN_N_FIELDS, NULL);

  return loadwise_run_entry_get_error (&self->fields[field]);
}

GtkCalendar *
loadwise_run_dialog_get_calendar (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->calendar;
}

GtkMenuButton *
loadwise_run_dialog_get_date_button (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->date_button;
}

const char *
loadwise_run_dialog_get_date_error (LoadwiseRunDialog *self)
{
  const char *message;

  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);

  message = gtk_widget_get_tooltip_text (self->date_icon);
  return gtk_widget_get_visible (self->date_icon) && message != NULL ? message : "";
}

LoadwisePainScale *
loadwise_run_dialog_get_pain_scale (LoadwiseRunDialog *self,
                                    gboolean           after)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return after ? self->pain_after : self->pain_during;
}

const char *
loadwise_run_dialog_get_problems (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->problems_bar) ? gtk_label_get_label (self->problems_label) : "";
}

AdwComboRow *
loadwise_run_dialog_get_camber_row (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->camber_row;
}

AdwComboRow *
loadwise_run_dialog_get_surface_row (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->surface_row;
}

AdwComboRow *
loadwise_run_dialog_get_shoe_row (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->shoe_row;
}

GtkSwitch *
loadwise_run_dialog_get_speed_switch (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->speed_switch;
}

GtkWidget *
loadwise_run_dialog_get_profile (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->profile;
}

GtkSwitch *
loadwise_run_dialog_get_long_switch (LoadwiseRunDialog *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_DIALOG (self), NULL);
  return self->long_switch;
}

static const char *
field_text (LoadwiseRunDialog *self,
            LoadwiseRunField   field)
{
  return gtk_editable_get_text (self->fields[field].editable);
}

/* An optional whole number: empty is @empty_value. */
static gboolean
parse_optional_int (const char  *name,
                    const char  *text,
                    gint64       max,
                    gint64       empty_value,
                    gint64      *out_value,
                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      *out_value = empty_value;
      return TRUE;
    }
  return loadwise_parse_int (name, stripped, 0, max, out_value, error);
}

/* Parses one field into @run; FALSE with the message for that field. */
static gboolean
parse_field (LoadwiseRunDialog *self,
             LoadwiseRunField   field,
             LoadwiseRun       *run,
             GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (field_text (self, field)));
  gint64 value;

  switch (field)
    {
    case LOADWISE_RUN_FIELD_DISTANCE:
      return loadwise_parse_distance_km_local (_("Distance"), text, &run->distance_m, error);

    case LOADWISE_RUN_FIELD_DURATION:
      run->duration_s = 0;
      return *text == '\0' || loadwise_parse_duration (_("Time"), text, &run->duration_s, error);

    case LOADWISE_RUN_FIELD_CLIMB:
      if (!parse_optional_int (_("Climb"), text, LOADWISE_RUN_ELEVATION_MAX_M, 0, &value, error))
        return FALSE;
      run->climb_m = (guint) value;
      return TRUE;

    case LOADWISE_RUN_FIELD_DESCENT:
      if (!parse_optional_int (_("Descent"), text, LOADWISE_RUN_ELEVATION_MAX_M, 0, &value, error))
        return FALSE;
      run->descent_m = (guint) value;
      return TRUE;

    case LOADWISE_RUN_FIELD_NOTE:
      g_clear_pointer (&run->note, g_free);
      /* The store's own check, under the field's name: what it would refuse
       * is shown here first, and what it keeps (trimmed) is what is sent. */
      return loadwise_text_validate (_("Note"), field_text (self, field), -1, LOADWISE_TEXT_NOTE,
                                     &run->note, error);

    case LOADWISE_RUN_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The date picked, FALSE with its message when it is after today. */
static gboolean
check_date (LoadwiseRunDialog  *self,
            GError            **error)
{
  GDate today;

  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  return loadwise_check_not_future (_("Date"), &self->run->date, &today, LOADWISE_DATE_STYLE_LOCALE, error);
}

/* Reads every field into @out_run (may be NULL), marking each field's
 * problem once it has been touched, and saying at the dialog's foot what
 * is missing or wrong. Returns whether all are fine. */
static gboolean
validate (LoadwiseRunDialog  *self,
          LoadwiseRun       **out_run)
{
  g_autoptr (LoadwiseRun) run = loadwise_run_copy (self->run);
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GError) date_error = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < LOADWISE_RUN_N_FIELDS; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = g_strstrip (g_strdup (field_text (self, i)));
      gboolean field_ok;

      /* An empty distance is not a mistake yet, only not given. */
      if (i == LOADWISE_RUN_FIELD_DISTANCE && *text == '\0')
        {
          g_ptr_array_add (missing, (gpointer) _("distance"));
          loadwise_run_entry_show_error (&self->fields[i], NULL, FALSE);
          ok = FALSE;
          continue;
        }
      field_ok = parse_field (self, i, run, &error);
      ok = ok && field_ok;
      loadwise_run_entry_show_error (&self->fields[i], error, self->touched[i]);
      if (error != NULL && self->touched[i])
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", error->message);
    }

  if (!check_date (self, &date_error))
    {
      ok = FALSE;
      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", date_error->message);
    }
  gtk_widget_set_tooltip_text (self->date_icon, date_error != NULL ? date_error->message : NULL);
  gtk_widget_set_visible (self->date_icon, date_error != NULL);

  if (!loadwise_run_rows_read_pain (self->pain_during, self->pain_after, run))
    {
      g_ptr_array_add (missing, (gpointer) _("pain during the run"));
      ok = FALSE;
    }

  if (missing->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *line = NULL;

      g_ptr_array_add (missing, NULL);
      /* Translators: the separator between the things still needed, "distance, pain during the run". */
      list = g_strjoinv (_(", "), (char **) missing->pdata);
      /* Translators: at the foot of the run dialog while Save is off, e.g. "Still needed: distance, pain during the run". */
      line = g_strdup_printf (_("Still needed: %s"), list);
      g_string_prepend (problems, problems->len > 0 ? "\n" : "");
      g_string_prepend (problems, line);
    }

  run->speed = gtk_switch_get_active (self->speed_switch);
  run->long_run = gtk_switch_get_active (self->long_switch);
  loadwise_run_rows_read_choices (self->camber_row, self->surface_row, self->shoe_row, self->shoes, run);

  /* At the dialog's foot, outside the form: the rows never move. */
  gtk_label_set_label (self->problems_label, problems->str);
  gtk_widget_set_visible (self->problems_bar, problems->len > 0);
  gtk_widget_set_tooltip_text (self->save_button, problems->len > 0 ? problems->str : NULL);
  if (problems->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problems->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-dialog.save", ok);
  if (ok && out_run != NULL)
    *out_run = g_steal_pointer (&run);
  return ok;
}

/* The button shows the day picked, in the runner's words. */
static void
show_date (LoadwiseRunDialog *self)
{
  g_autofree char *text = loadwise_date_format (&self->run->date);
  g_autoptr (GDateTime) datetime = g_date_time_new_local (g_date_get_year (&self->run->date),
                                                          g_date_get_month (&self->run->date),
                                                          g_date_get_day (&self->run->date),
                                                          12, 0, 0);

  gtk_menu_button_set_label (self->date_button, text);
  gtk_calendar_select_day (self->calendar, datetime);
}

static void
on_calendar_day_selected (GtkCalendar       *calendar,
                          LoadwiseRunDialog *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (calendar);

  loadwise_date_from_datetime (date, &self->run->date);
  show_date (self);
  gtk_popover_popdown (self->calendar_popover);
  validate (self, NULL);
}

static void
on_pain_value_notify (LoadwisePainScale *scale,
                      GParamSpec        *pspec,
                      LoadwiseRunDialog *self)
{
  validate (self, NULL);
}

static void
on_field_changed (GtkEditable       *editable,
                  LoadwiseRunDialog *self)
{
  for (guint i = 0; i < LOADWISE_RUN_N_FIELDS; i++)
    if (self->fields[i].editable == editable)
      self->touched[i] = TRUE;
  validate (self, NULL);
}

static gboolean
write_run (LoadwiseDatabase  *database,
           gpointer           data,
           GError           **error)
{
  LoadwiseRun *run = data;

  return run->id != 0 ? loadwise_database_update_run (database, run, error)
                      : loadwise_database_add_run (database, run, error);
}

static void
on_run_written (GtkWidget    *widget,
                const GError *error,
                gpointer      data)
{
  LoadwiseRunDialog *self = widget != NULL ? LOADWISE_RUN_DIALOG (widget) : NULL;

  if (self == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "run-dialog.save", TRUE);
  if (error != NULL)
    {
      /* Not a field's problem (the file, say): shown at the foot, and
       * everything entered stays for another try. */
      gtk_label_set_label (self->problems_label, error->message);
      gtk_widget_set_visible (self->problems_bar, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, data);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (widget);
  g_autoptr (LoadwiseRun) run = NULL;

  for (guint i = 0; i < LOADWISE_RUN_N_FIELDS; i++)
    self->touched[i] = TRUE;
  if (!validate (self, &run))
    return;

  /* Open until the run is stored: behind another program's lock that
   * may take a moment, and the window stays responsive meanwhile. */
  gtk_widget_action_set_enabled (widget, "run-dialog.save", FALSE);
  loadwise_context_write (self->context, widget, write_run, g_steal_pointer (&run),
                          (GDestroyNotify) loadwise_run_free, on_run_written);
}

static AdwPreferencesGroup *
add_group (LoadwiseRunDialog *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->form_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* An entry row with its message row under it, checked as it is typed. */
static void
add_entry (LoadwiseRunDialog   *self,
           AdwPreferencesGroup *group,
           LoadwiseRunField     field,
           const char          *title,
           GtkInputPurpose      purpose)
{
  loadwise_run_rows_add_entry (group, title, purpose, &self->fields[field]);
  g_signal_connect_object (self->fields[field].editable, "changed", G_CALLBACK (on_field_changed), self, 0);
}

/* "Date", with the calendar popover set-up uses. */
static void
add_date_row (LoadwiseRunDialog   *self,
              AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_action_row_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected), self, 0);
  self->calendar_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->calendar_popover, GTK_WIDGET (self->calendar));

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, GTK_WIDGET (self->calendar_popover));
  gtk_menu_button_set_always_show_arrow (self->date_button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);

  self->date_icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "visible", FALSE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  gtk_widget_add_css_class (self->date_icon, "error");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->date_icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->date_button));
  adw_preferences_group_add (group, row);
}

static void
build_form (LoadwiseRunDialog *self)
{
  AdwPreferencesGroup *group;

  self->shoes = loadwise_run_rows_list_shoes (loadwise_context_get_database (self->context));

  group = add_group (self, _("The Run"));
  add_date_row (self, group);
  add_entry (self, group, LOADWISE_RUN_FIELD_DISTANCE, _("Distance (km)"), GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->fields[LOADWISE_RUN_FIELD_DISTANCE].editable),
                            loadwise_run_rows_new_required_mark ());
  add_entry (self, group, LOADWISE_RUN_FIELD_DURATION, _("Time (MM:SS or H:MM:SS, optional)"),
             GTK_INPUT_PURPOSE_FREE_FORM);

  group = add_group (self, _("Load"));
  self->load_group = GTK_WIDGET (group);
  add_entry (self, group, LOADWISE_RUN_FIELD_CLIMB, _("Climb (m)"), GTK_INPUT_PURPOSE_DIGITS);
  add_entry (self, group, LOADWISE_RUN_FIELD_DESCENT, _("Descent (m)"), GTK_INPUT_PURPOSE_DIGITS);
  self->speed_switch = loadwise_run_rows_add_speed (group);
  self->long_switch = loadwise_run_rows_add_switch (group, _("Long Run"),
                                                    _("Runs above 1.5 times your usual count as long anyway"));
  self->camber_row = loadwise_run_rows_add_camber (group);
  self->surface_row = loadwise_run_rows_add_surface (group);
  self->shoe_row = loadwise_run_rows_add_shoes (group, self->shoes);

  group = add_group (self, _("Hip Pain (0-10)"));
  loadwise_run_rows_add_pain (group, NULL, &self->pain_during, &self->pain_after);
  g_signal_connect_object (self->pain_during, "notify::value", G_CALLBACK (on_pain_value_notify), self, 0);
  g_signal_connect_object (self->pain_after, "notify::value", G_CALLBACK (on_pain_value_notify), self, 0);

  group = add_group (self, _("Note"));
  add_entry (self, group, LOADWISE_RUN_FIELD_NOTE, _("A few words (optional)"), GTK_INPUT_PURPOSE_FREE_FORM);
}

static void
loadwise_run_dialog_constructed (GObject *object)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (object);

  G_OBJECT_CLASS (loadwise_run_dialog_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &self->run->date);
  build_form (self);
  show_date (self);
  validate (self, NULL);
}

static void
loadwise_run_dialog_dispose (GObject *object)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_RUN_DIALOG);

  G_OBJECT_CLASS (loadwise_run_dialog_parent_class)->dispose (object);
}

static void
loadwise_run_dialog_finalize (GObject *object)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->run, loadwise_run_free);
  g_clear_pointer (&self->shoes, g_ptr_array_unref);

  G_OBJECT_CLASS (loadwise_run_dialog_parent_class)->finalize (object);
}

static void
loadwise_run_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (object);

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
loadwise_run_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoadwiseRunDialog *self = LOADWISE_RUN_DIALOG (object);

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
loadwise_run_dialog_class_init (LoadwiseRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_run_dialog_constructed;
  object_class->dispose = loadwise_run_dialog_dispose;
  object_class->finalize = loadwise_run_dialog_finalize;
  object_class->get_property = loadwise_run_dialog_get_property;
  object_class->set_property = loadwise_run_dialog_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The stored run (a LoadwiseRun*, valid during the emission). */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/loadwise-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunDialog, problems_bar);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunDialog, problems_label);

  gtk_widget_class_install_action (widget_class, "run-dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loadwise_run_dialog_init (LoadwiseRunDialog *self)
{
  self->run = loadwise_run_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
