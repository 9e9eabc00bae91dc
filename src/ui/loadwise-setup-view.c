/* loadwise-setup-view.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-setup-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-programme.h"
#include "core/loadwise-red-flags.h"
#include "ui/loadwise-red-flag-questions.h"

struct _LoadwiseSetupView
{
  GtkWidget                 parent_instance;
  GtkWidget                *root;

  LoadwiseContext          *context;
  GDate                     start;

  AdwWindowTitle           *window_title;
  GtkWidget                *back_button;
  GtkStack                 *pages;
  GtkLabel                 *disclaimer_label;
  GtkLabel                 *advice_disclaimer_label;
  LoadwiseRedFlagQuestions *questions;
  GtkLabel                 *advice_label;
  AdwActionRow             *start_row;
  GtkMenuButton            *start_button;
  GtkPopover               *calendar_popover;
  GtkCalendar              *calendar;
  GtkSpinButton            *weeks_spin;
  GtkBox                   *days_box;
  GtkLabel                 *days_caption;
  GtkSpinButton            *safe_spin;
  GtkSpinButton            *max_spin;
  GtkLabel                 *pain_caption;
  GtkSpinButton            *morning_spin;
  AdwActionRow             *side_row;
  GtkDropDown              *side_dropdown;
  GtkToggleButton          *day_buttons[7];
};

G_DEFINE_FINAL_TYPE (LoadwiseSetupView, loadwise_setup_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LoadwiseSide dropdown_sides[] = {
  LOADWISE_SIDE_LEFT, LOADWISE_SIDE_RIGHT, LOADWISE_SIDE_BOTH,
};

GtkWidget *
loadwise_setup_view_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_SETUP_VIEW,
                       "context", context,
                       NULL);
}

const char *
loadwise_setup_view_get_page (LoadwiseSetupView *self)
{
  g_return_val_if_fail (LOADWISE_IS_SETUP_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

static void
toast (LoadwiseSetupView *self,
       const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
show_page (LoadwiseSetupView *self,
           const char        *name)
{
  const char *title;

  gtk_stack_set_visible_child_name (self->pages, name);
  gtk_widget_set_visible (self->back_button, g_strcmp0 (name, "welcome") != 0);

  if (g_strcmp0 (name, "red-flags") == 0)
    title = _("Safety Questions");
  else if (g_strcmp0 (name, "advice") == 0)
    title = _("Before You Go On");
  else if (g_strcmp0 (name, "programme") == 0)
    title = _("Your Programme");
  else
    title = _("Welcome");
  adw_window_title_set_title (self->window_title, title);
}

static guint8
get_days_mask (LoadwiseSetupView *self)
{
  guint8 mask = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      mask |= LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i);
  return mask;
}

/* The Start button stays insensitive until the choices are valid, and the
 * captions say why. */
static void
update_validity (LoadwiseSetupView *self)
{
  guint n_days = loadwise_weekdays_count (get_days_mask (self));
  gboolean days_ok = n_days >= LOADWISE_TRAINING_DAYS_MIN && n_days <= LOADWISE_TRAINING_DAYS_MAX;
  g_autoptr (GError) pain_error = NULL;
  g_autoptr (GError) start_error = NULL;
  gboolean pain_ok;
  gboolean start_ok;
  GDate today;

  /* The bounds of the pain-monitoring model and the start window, as the
   * CLI and the store apply them (loadwise-programme.h). */
  pain_ok = loadwise_programme_check_thresholds ((guint) gtk_spin_button_get_value_as_int (self->safe_spin),
                                                 (guint) gtk_spin_button_get_value_as_int (self->max_spin),
                                                 _("Safe pain"), _("Maximum pain"), &pain_error);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  start_ok = loadwise_programme_check_start (&self->start, &today, _("Start date"), &start_error);

  if (days_ok)
    {
      gtk_label_set_label (self->days_caption,
                           _("Two or three days a week, with a rest day between sessions where you can."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->days_caption), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->days_caption), "dim-label");
    }
  else
    {
      g_autofree char *text = NULL;

      /* ACSM 2009: 2-3 days a week. */
      text = g_strdup_printf (ngettext ("Pick two or three training days: %u day is chosen.",
                                        "Pick two or three training days: %u days are chosen.",
                                        n_days),
                              n_days);
      gtk_label_set_label (self->days_caption, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->days_caption), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->days_caption), "error");
    }

  if (!pain_ok)
    gtk_label_set_label (self->pain_caption, pain_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->pain_caption), !pain_ok);

  if (start_ok)
    {
      GDate first, last;
      g_autofree char *first_iso = NULL;
      g_autofree char *last_iso = NULL;
      g_autofree char *window = NULL;

      loadwise_programme_get_start_window (&today, &first, &last);
      first_iso = loadwise_date_format (&first);
      last_iso = loadwise_date_format (&last);
      /* Translators: the start dates allowed, "From 2025-12-02 to 2027-01-31" */
      window = g_strdup_printf (_("From %s to %s"), first_iso, last_iso);
      adw_action_row_set_subtitle (self->start_row, window);
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
    }
  else
    {
      adw_action_row_set_subtitle (self->start_row, start_error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->side_row),
                          gtk_spin_button_get_value_as_int (self->morning_spin) > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.start", days_ok && pain_ok && start_ok);
}

static void
update_start_label (LoadwiseSetupView *self)
{
  g_autoptr (GDateTime) datetime = g_date_time_new_local (g_date_get_year (&self->start),
                                                          g_date_get_month (&self->start),
                                                          g_date_get_day (&self->start),
                                                          12, 0, 0);
  /* Translators: the programme's start date as strftime() writes it. */
  g_autofree char *text = g_date_time_format (datetime, _("%a %-d %b %Y"));

  gtk_menu_button_set_label (self->start_button, text);
}

void
loadwise_setup_view_reset (LoadwiseSetupView *self)
{
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (LOADWISE_IS_SETUP_VIEW (self));

  now = loadwise_clock_get_now (loadwise_context_get_clock (self->context));
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &self->start);
  gtk_calendar_select_day (self->calendar, now);
  update_start_label (self);

  loadwise_red_flag_questions_set_yes_mask (self->questions, 0);
  gtk_spin_button_set_value (self->weeks_spin, LOADWISE_WEEKS_DEFAULT);
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i],
                                  (LOADWISE_TRAINING_DAYS_DEFAULT &
                                   LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i)) != 0);
  gtk_spin_button_set_value (self->safe_spin, LOADWISE_SAFE_PAIN_DEFAULT);
  gtk_spin_button_set_value (self->max_spin, LOADWISE_MAX_PAIN_DEFAULT);
  gtk_spin_button_set_value (self->morning_spin, 0);
  gtk_drop_down_set_selected (self->side_dropdown, 0);

  update_validity (self);
  show_page (self, "welcome");
}

static void
on_day_toggled (GtkToggleButton   *button,
                LoadwiseSetupView *self)
{
  update_validity (self);
}

static void
on_spin_value_changed (GtkSpinButton     *spin,
                       LoadwiseSetupView *self)
{
  update_validity (self);
}

static void
on_calendar_day_selected (GtkCalendar       *calendar,
                          LoadwiseSetupView *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (calendar);

  loadwise_date_from_datetime (date, &self->start);
  update_start_label (self);
  update_validity (self);
  gtk_popover_popdown (self->calendar_popover);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_page (LOADWISE_SETUP_VIEW (widget), "red-flags");
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (widget);
  const char *page = loadwise_setup_view_get_page (self);

  if (g_strcmp0 (page, "red-flags") == 0)
    show_page (self, "welcome");
  else
    show_page (self, "red-flags");
}

/* The set-up's writes, as kept until written. */
typedef struct {
  gboolean           start;
  GDate              today;
  guint              red_flags;
  LoadwiseProgramme  programme;
  LoadwiseCheckin    checkin;
} SetupWrite;

static gboolean
write_red_flags (LoadwiseDatabase  *database,
                 gpointer           data,
                 GError           **error)
{
  SetupWrite *write = data;

  return loadwise_database_save_red_flags (database, &write->today, write->red_flags, error);
}

static void
on_red_flags_written (GtkWidget    *widget,
                      const GError *error,
                      gpointer      data)
{
  SetupWrite *write = data;

  if (widget == NULL)
    return;
  if (error != NULL)
    {
      toast (LOADWISE_SETUP_VIEW (widget), error->message);
      return;
    }
  /* PROGRAMME.md, "Red flags": any yes, the advice comes before anything
   * else, worded for the most urgent yes (issue 12). */
  if (write->red_flags != 0)
    gtk_label_set_label (LOADWISE_SETUP_VIEW (widget)->advice_label,
                         loadwise_red_flags_get_advice_for (write->red_flags));
  show_page (LOADWISE_SETUP_VIEW (widget), write->red_flags != 0 ? "advice" : "programme");
}

static void
answer_red_flags_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (widget);
  SetupWrite *write = g_new0 (SetupWrite, 1);

  write->red_flags = loadwise_red_flag_questions_get_yes_mask (self->questions);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &write->today);
  loadwise_context_write (self->context, widget, write_red_flags, write, g_free, on_red_flags_written);
}

static void
change_answers_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  show_page (LOADWISE_SETUP_VIEW (widget), "red-flags");
}

static void
on_continue_dialog_response (AdwMessageDialog  *dialog,
                             const char        *response,
                             LoadwiseSetupView *self)
{
  if (g_strcmp0 (response, "continue") == 0)
    show_page (self, "programme");
}

/* After a red-flag yes, continuing is the runner's choice, but asked once
 * more (issue 12): the advice is to stop running and see a clinician. */
static void
continue_anyway_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Continue Without Seeing a Clinician?"),
                                   gtk_label_get_label (self->advice_label));
  gtk_widget_set_name (dialog, "continue-anyway-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Go Back"),
                                    "continue", _("_Continue Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_continue_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
write_start (LoadwiseDatabase  *database,
             gpointer           data,
             GError           **error)
{
  SetupWrite *write = data;
  guint levels[LOADWISE_N_FAMILIES];
  double baseline = 0;
  gboolean found = FALSE;
  guint level;

  if (!loadwise_database_save_checkin (database, &write->checkin, error)
      || !loadwise_database_get_baseline (database, &write->programme, &baseline, &found, error))
    return FALSE;

  level = loadwise_programme_start_level (found ? baseline : (double) write->checkin.morning_pain, FALSE);
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    levels[family] = level;
  return loadwise_database_start_programme (database, &write->programme, levels, error);
}

static void
on_start_written (GtkWidget    *widget,
                  const GError *error,
                  gpointer      data)
{
  if (widget != NULL && error != NULL)
    toast (LOADWISE_SETUP_VIEW (widget), error->message);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (widget);
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;
  LoadwiseCheckin checkin = { 0 };
  SetupWrite *write;
  guint selected;

  loadwise_programme_init (&programme, &self->start);
  programme.weeks = (guint) gtk_spin_button_get_value_as_int (self->weeks_spin);
  programme.training_days = get_days_mask (self);
  programme.safe_pain = (guint) gtk_spin_button_get_value_as_int (self->safe_spin);
  programme.max_pain = (guint) gtk_spin_button_get_value_as_int (self->max_spin);

  {
    GDate today;

    loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
    if (!loadwise_programme_check_thresholds (programme.safe_pain, programme.max_pain,
                                              _("Safe pain"), _("Maximum pain"), &error) ||
        !loadwise_programme_check_start (&programme.start, &today, _("Start date"), &error) ||
        !loadwise_programme_validate (&programme, &error))
      {
        toast (self, error->message);
        return;
      }
  }

  /* This morning's pain is today's check-in, and it sets where the ladders
   * start: level 0 when it is over 5 (PROGRAMME.md, "Schedule"). */
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &checkin.date);
  checkin.morning_pain = (guint) gtk_spin_button_get_value_as_int (self->morning_spin);
  selected = gtk_drop_down_get_selected (self->side_dropdown);
  checkin.side = (checkin.morning_pain == 0 || selected >= G_N_ELEMENTS (dropdown_sides))
                 ? LOADWISE_SIDE_NONE : dropdown_sides[selected];
  checkin.night_pain = FALSE;

  /* The window shows the pages once the programme's "changed" comes. */
  write = g_new0 (SetupWrite, 1);
  write->start = TRUE;
  write->programme = programme;
  write->checkin = checkin;
  loadwise_context_write (self->context, widget, write_start, write, g_free, on_start_written);
}

static void
loadwise_setup_view_constructed (GObject *object)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (object);

  G_OBJECT_CLASS (loadwise_setup_view_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  loadwise_setup_view_reset (self);
}

static void
loadwise_setup_view_dispose (GObject *object)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_SETUP_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_setup_view_parent_class)->dispose (object);
}

static void
loadwise_setup_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (object);

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
loadwise_setup_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoadwiseSetupView *self = LOADWISE_SETUP_VIEW (object);

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
loadwise_setup_view_class_init (LoadwiseSetupViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_setup_view_constructed;
  object_class->dispose = loadwise_setup_view_dispose;
  object_class->get_property = loadwise_setup_view_get_property;
  object_class->set_property = loadwise_setup_view_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOADWISE_TYPE_RED_FLAG_QUESTIONS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-setup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, root);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, pages);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, advice_disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, questions);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, advice_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, start_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, start_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, calendar);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, days_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, days_caption);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, safe_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, max_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, pain_caption);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, morning_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, side_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseSetupView, side_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);

  gtk_widget_class_install_action (widget_class, "setup.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "setup.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "setup.answer-red-flags", NULL,
                                   answer_red_flags_activated);
  gtk_widget_class_install_action (widget_class, "setup.change-answers", NULL,
                                   change_answers_activated);
  gtk_widget_class_install_action (widget_class, "setup.continue-anyway", NULL,
                                   continue_anyway_activated);
  gtk_widget_class_install_action (widget_class, "setup.start", NULL, start_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Short and full weekday names, Monday first. */
static const char *
weekday_short (guint index)
{
  const char *names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"),
    NC_("weekday", "Thu"), NC_("weekday", "Fri"), NC_("weekday", "Sat"),
    NC_("weekday", "Sun"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[index]);
}

static const char *
weekday_long (guint index)
{
  const char *names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };

  return _(names[index]);
}

static void
loadwise_setup_view_init (LoadwiseSetupView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (weekday_short (i));
      g_autofree char *name = g_strdup_printf ("day-%s",
                                               loadwise_weekday_to_string (G_DATE_MONDAY + i));

      gtk_widget_set_name (button, name);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, "day-toggle");
      gtk_widget_set_tooltip_text (button, weekday_long (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, weekday_long (i),
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled), self, 0);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->days_box, button);
    }

  gtk_label_set_label (self->disclaimer_label, loadwise_disclaimer ());
  gtk_label_set_label (self->advice_disclaimer_label, loadwise_disclaimer ());
  gtk_label_set_label (self->advice_label, loadwise_red_flags_get_advice ());
}
