/* loadwise-programme-page.c
 *
 * Everything shown comes from the stored week plans and reviews, so the
 * grid shows what was decided at the time, whatever the settings are now.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-programme-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-progression.h"
#include "core/loadwise-run.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-focus-keeper.h"
#include "ui/loadwise-week-card.h"

/* How many coming session days to list. */
#define N_COMING_SESSIONS 6

struct _LoadwiseProgrammePage
{
  GtkWidget          parent_instance;
  GtkWidget         *scroller;

  LoadwiseContext   *context;
  gboolean           dirty;  /* news came while hidden */
  GtkToggleButton   *day_buttons[7];

  GtkLabel          *summary_label;
  GtkWidget         *empty_label;
  GtkWidget         *clinician_box;
  GtkLabel          *clinician_label;
  GtkWidget         *weeks_box;
  GtkBox            *grid_box;
  GtkLabel          *legend_label;
  GtkWidget         *sessions_box;
  GtkListBox        *sessions_list;
  GtkWidget         *settings_box;
  GtkBox            *days_box;
  AdwActionRow      *pain_limits_row;
  GtkSpinButton     *weeks_spin;
  GtkLabel          *settings_status;
};

G_DEFINE_FINAL_TYPE (LoadwiseProgrammePage, loadwise_programme_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_programme_page_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_PROGRAMME_PAGE, "context", context, NULL);
}

static char *
format_date (const GDate *date)
{
  return loadwise_date_format_day (date);
}

static const char *
decision_css (LoadwiseDecision decision)
{
  switch (decision)
    {
    case LOADWISE_DECISION_PROGRESS:
      return "decision-progress";
    case LOADWISE_DECISION_HOLD:
      return "decision-hold";
    case LOADWISE_DECISION_REGRESS:
      return "decision-regress";
    case LOADWISE_DECISION_MAINTAIN:
      return "decision-maintain";
    case LOADWISE_DECISION_START:
    default:
      return "decision-start";
    }
}

/* One week and family: the level, and the decision as icon, colour,
 * tooltip and accessible description. @plan is NULL for a week not yet
 * decided, with @level carried over. */
#define REASON_KEY "loadwise-reason"

static GtkWidget *
make_cell (int                     week,
           LoadwiseFamily          family,
           const LoadwiseWeekPlan *plan,
           guint                   level,
           gboolean                current)
{
  /* A button: Tab reaches it, and activating it puts its reason in view
   * under the grid, not only in a tooltip (issue 13). */
  GtkWidget *cell = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;
  g_autofree char *name = g_strdup_printf ("cell-%d-%s", week, loadwise_family_to_string (family));
  /* Translators: a level in the grid of weeks, e.g. "Level 2". */
  g_autofree char *level_text = g_strdup_printf (_("Level %u"), level);
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (cell, name);
  gtk_widget_add_css_class (cell, "week-cell");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_set_halign (cell, GTK_ALIGN_FILL);
  gtk_button_set_child (GTK_BUTTON (cell), box);
  if (current)
    gtk_widget_add_css_class (cell, "current");

  if (plan != NULL)
    {
      LoadwiseDecision decision = LOADWISE_DECISION_HOLD;
      GtkWidget *icon;

      loadwise_decision_from_string (plan->decision, &decision);
      gtk_widget_add_css_class (cell, decision_css (decision));
      icon = gtk_image_new_from_icon_name (loadwise_decision_icon_name (decision));
      gtk_widget_add_css_class (icon, loadwise_decision_style_class (decision));
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_set_tooltip_text (cell, plan->reason);
      /* Translators: for screen readers, e.g. "Week 3, Bridge: level 2, Up a level". */
      accessible = g_strdup_printf (_("Week %d, %s: level %u, %s"), week,
                                    loadwise_family_get_label (family), level,
                                    loadwise_decision_get_label (decision));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plan->reason,
                                      -1);
      g_object_set_data_full (G_OBJECT (cell), REASON_KEY,
                              g_strdup_printf ("%s. %s", accessible, plan->reason), g_free);
    }
  else
    {
      g_autofree char *tooltip = g_strdup_printf (_("Decided when week %d ends"), week - 1);

      gtk_widget_add_css_class (cell, "upcoming");
      gtk_widget_set_tooltip_text (cell, tooltip);
      /* Translators: for screen readers, e.g. "Week 5, Bridge: level 2 for now". */
      accessible = g_strdup_printf (_("Week %d, %s: level %u for now"), week,
                                    loadwise_family_get_label (family), level);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                      -1);
      g_object_set_data_full (G_OBJECT (cell), REASON_KEY,
                              g_strdup_printf ("%s. %s", accessible, tooltip), g_free);
    }

  label = gtk_label_new (level_text);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (plan == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  return cell;
}

static void
on_cell_clicked (GtkButton             *cell,
                 LoadwiseProgrammePage *self)
{
  gtk_label_set_label (self->legend_label, g_object_get_data (G_OBJECT (cell), REASON_KEY));
  gtk_widget_remove_css_class (GTK_WIDGET (self->legend_label), "dim-label");
}

static void
build_grid (LoadwiseProgrammePage   *self,
            const LoadwiseProgramme *programme,
            GPtrArray               *plans,
            int                      current)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *child;
  const LoadwiseWeekPlan *latest[LOADWISE_N_FAMILIES] = { NULL };
  int last_week = MAX ((int) programme->weeks, current);
  LoadwiseFocusKeeper keeper;

  /* A cell with the keyboard focus goes back to the same week and family. */
  loadwise_focus_keeper_release (&keeper, GTK_WIDGET (self->grid_box));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid_box))) != NULL)
    gtk_box_remove (self->grid_box, child);

  gtk_widget_set_name (grid, "weeks-grid");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      GtkWidget *header = gtk_label_new (loadwise_family_get_label (f));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      /* A small natural width, so that the three columns share the room
       * equally whatever their names' lengths. */
      gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 4);
      gtk_widget_set_hexpand (header, TRUE);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), header, (int) f + 1, 0, 1, 1);
    }

  for (int week = 1; week <= last_week; week++)
    {
      g_autofree char *week_text = NULL;
      GtkWidget *week_label;

      /* Translators: a short week number for the grid's first column, e.g. "Wk 3". */
      week_text = g_strdup_printf (_("Wk %d"), week);
      week_label = gtk_label_new (week_text);
      /* A maintenance week says so in words under its number, not "M 9"
       * (issue 13). */
      if (week > (int) programme->weeks)
        {
          g_autofree char *markup = g_markup_printf_escaped ("%s\n<small>%s</small>", week_text,
                                                             C_("programme week", "maintenance"));

          gtk_label_set_markup (GTK_LABEL (week_label), markup);
        }
      gtk_label_set_xalign (GTK_LABEL (week_label), 0);
      gtk_widget_add_css_class (week_label, week == current ? "heading" : "dim-label");
      if (week > (int) programme->weeks)
        gtk_widget_set_tooltip_text (week_label, _("Maintenance: two sessions a week"));
      gtk_grid_attach (GTK_GRID (grid), week_label, 0, week, 1, 1);

      for (guint i = 0; i < plans->len; i++)
        {
          const LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);

          if (plan->week == week)
            latest[plan->family] = plan;
        }

      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          const LoadwiseWeekPlan *plan = latest[f];
          gboolean decided = plan != NULL && plan->week == week;

          GtkWidget *cell = make_cell (week, f, decided ? plan : NULL,
                                       plan != NULL ? plan->level : 0, week == current);

          g_signal_connect_object (cell, "clicked", G_CALLBACK (on_cell_clicked), self, 0);
          gtk_grid_attach (GTK_GRID (grid), cell, (int) f + 1, week, 1, 1);
        }
    }

  gtk_box_append (self->grid_box, grid);
  loadwise_focus_keeper_restore (&keeper, GTK_WIDGET (self->grid_box));
}

/* The single-leg level in force in @week: the newest plan row at or
 * before it (@plans are by week). */
static guint
single_leg_level (GPtrArray *plans,
                  int        week)
{
  guint level = 0;

  for (guint i = 0; i < plans->len; i++)
    {
      const LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);

      if (plan->family == LOADWISE_FAMILY_SINGLE_LEG && plan->week <= MAX (week, 1))
        level = plan->level;
    }
  return level;
}

/* The coming session days; a session with level 3-4 single-leg work the
 * day before a logged long run or speed session says where it moves and
 * why (PROGRAMME.md, "Schedule", design). */
static void
build_sessions (LoadwiseProgrammePage   *self,
                const LoadwiseProgramme *programme,
                GPtrArray               *plans,
                const GDate             *today)
{
  g_autoptr (GArray) planned = g_array_new (FALSE, FALSE, sizeof (LoadwisePlannedRun));
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  GDate day = *today;
  GDate horizon = *today;
  LoadwiseFocusKeeper keeper;

  /* A refresh from the context can come while a row has the focus: it
   * goes back to the row of the same day. */
  loadwise_focus_keeper_release (&keeper, GTK_WIDGET (self->sessions_list));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, child);

  /* Runs logged ahead, as far as the listed sessions can reach. */
  g_date_add_days (&horizon, 7 * N_COMING_SESSIONS);
  runs = loadwise_database_list_runs (loadwise_context_get_database (self->context), today,
                                      &horizon, &error);
  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (runs, i);
      LoadwisePlannedRun value = { run->date, run->long_run, run->speed };

      g_array_append_val (planned, value);
    }

  for (guint n = 0; n < N_COMING_SESSIONS; n++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *iso = NULL;
      g_autofree char *name = NULL;
      g_autofree char *moved = NULL;
      GDate session, placed;
      int week;

      loadwise_programme_next_session (programme, &day, &session);
      week = loadwise_programme_get_week (programme, &session);
      title = format_date (&session);
      if (g_date_compare (&session, today) == 0)
        /* Translators: e.g. "Week 3 · today". */
        subtitle = g_strdup_printf (_("Week %d · today"), week);
      else if (week > (int) programme->weeks)
        subtitle = g_strdup (_("Maintenance"));
      else
        subtitle = g_strdup_printf (_("Week %d"), week);
      if (loadwise_progression_place_session (programme, single_leg_level (plans, week), &session,
                                              today,
                                              (const LoadwisePlannedRun *) planned->data,
                                              planned->len, &placed, &moved))
        {
          char *both = g_strdup_printf ("%s · %s", subtitle, moved);

          g_free (subtitle);
          subtitle = both;
        }
      iso = loadwise_date_to_iso (&session);
      name = g_strdup_printf ("session-%s", iso);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->sessions_list, row);

      day = session;
      g_date_add_days (&day, 1);
    }
  loadwise_focus_keeper_restore (&keeper, GTK_WIDGET (self->sessions_list));
}

static void
show_settings (LoadwiseProgrammePage   *self,
               const LoadwiseProgramme *programme)
{
  g_autofree char *limits = NULL;

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i],
                                  (programme->training_days & LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i)) != 0);
  /* Set in Preferences, where they apply at once (issue 13). */
  /* Translators: "Safe pain" and "Maximum pain" as Preferences names them. */
  limits = g_strdup_printf (_("Safe pain %u, maximum pain %u"), programme->safe_pain, programme->max_pain);
  adw_action_row_set_subtitle (self->pain_limits_row, limits);
  gtk_spin_button_set_value (self->weeks_spin, programme->weeks);
}

static void
show_empty (LoadwiseProgrammePage *self,
            gboolean               empty)
{
  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (self->weeks_box, !empty);
  gtk_widget_set_visible (self->sessions_box, !empty);
  gtk_widget_set_visible (self->settings_box, !empty);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->settings_status)), !empty);
  if (empty)
    gtk_widget_set_visible (self->clinician_box, FALSE);
}

void
loadwise_programme_page_reload (LoadwiseProgrammePage *self)
{
  LoadwiseDatabase *database;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autofree char *days = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *where = NULL;
  const LoadwiseWeekReview *review = NULL;
  LoadwiseProgramme programme;
  GDate today;
  int week;

  g_return_if_fail (LOADWISE_IS_PROGRAMME_PAGE (self));

  self->dirty = FALSE;
  database = loadwise_context_get_database (self->context);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);

  if (!loadwise_database_get_programme (database, &programme, &error))
    {
      show_empty (self, TRUE);
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  show_empty (self, FALSE);

  if ((plans = loadwise_database_list_week_plans (database, &error)) == NULL
      || (reviews = loadwise_database_list_week_reviews (database, &error)) == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  week = loadwise_programme_get_week (&programme, &today);
  days = loadwise_weekdays_to_display (programme.training_days);
  if (week < 1)
    where = g_strdup (_("Not started yet"));
  else if (week > (int) programme.weeks)
    where = g_strdup (_("Maintenance"));
  else
    /* Translators: e.g. "Week 2 of 8". */
    where = g_strdup_printf (_("Week %d of %u"), week, programme.weeks);
  /* Translators: e.g. "Week 2 of 8 · Mon, Wed, Fri · safe pain 3, maximum pain 5". */
  summary = g_strdup_printf (_("%s · %s · safe pain %u, maximum pain %u"), where, days,
                             programme.safe_pain, programme.max_pain);
  gtk_label_set_label (self->summary_label, summary);

  build_grid (self, &programme, plans, week);
  build_sessions (self, &programme, plans, &today);

  for (guint i = 0; i < reviews->len; i++)
    {
      const LoadwiseWeekReview *candidate = g_ptr_array_index (reviews, i);

      if (candidate->week == week - 1)
        review = candidate;
    }
  gtk_widget_set_visible (self->clinician_box, review != NULL && review->see_clinician);
  if (review != NULL && review->see_clinician)
    gtk_label_set_label (self->clinician_label, review->clinician_reason);

  show_settings (self, &programme);
}

/* The settings shown, as kept until written; the pain limits are
 * Preferences' own. */
typedef struct {
  guint8 days;
  guint  weeks;
} SettingsWrite;

static gboolean
write_settings (LoadwiseDatabase  *database,
                gpointer           data,
                GError           **error)
{
  SettingsWrite *write = data;
  LoadwiseProgramme programme;

  if (!loadwise_database_get_programme (database, &programme, error))
    return FALSE;
  programme.training_days = write->days;
  programme.weeks = write->weeks;
  return loadwise_database_update_programme (database, &programme, error);
}

static void
on_settings_written (GtkWidget    *widget,
                     const GError *error,
                     gpointer      data)
{
  LoadwiseProgrammePage *self = widget != NULL ? LOADWISE_PROGRAMME_PAGE (widget) : NULL;

  if (self == NULL)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->settings_status), "error");
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->settings_status), "error");
      gtk_label_set_label (self->settings_status, error->message);
      return;
    }
  gtk_label_set_label (self->settings_status,
                       _("Saved. The new settings apply from this week; closed weeks keep their decisions."));
}

/* Stores the days and the length shown. The store keeps the decisions of the
 * weeks already trained on, under the settings they ran with; the page
 * shows the result from the context's "changed". */
static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (widget);
  SettingsWrite *write = g_new0 (SettingsWrite, 1);

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->day_buttons[i]))
      write->days |= LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY + i);
  write->weeks = (guint) gtk_spin_button_get_value_as_int (self->weeks_spin);
  loadwise_context_write (self->context, widget, write_settings, write, g_free, on_settings_written);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loadwise_programme_page_reload (LOADWISE_PROGRAMME_PAGE (widget));
}

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
loadwise_programme_page_map (GtkWidget *widget)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (widget);

  GTK_WIDGET_CLASS (loadwise_programme_page_parent_class)->map (widget);
  /* News that came while hidden. */
  if (self->dirty)
    loadwise_programme_page_reload (self);
}

static void
refresh (LoadwiseProgrammePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    loadwise_programme_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
on_context_changed (LoadwiseContext       *context,
                    guint                  what,
                    LoadwiseProgrammePage *self)
{
  refresh (self);
}

static void
on_context_day_changed (LoadwiseContext       *context,
                        LoadwiseProgrammePage *self)
{
  refresh (self);
}

static void
loadwise_programme_page_constructed (GObject *object)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (object);

  G_OBJECT_CLASS (loadwise_programme_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed), self, 0);
  g_signal_connect_object (self->context, "day-changed", G_CALLBACK (on_context_day_changed), self, 0);
  loadwise_programme_page_reload (self);
}

static void
loadwise_programme_page_dispose (GObject *object)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_PROGRAMME_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_programme_page_parent_class)->dispose (object);
}

static void
loadwise_programme_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (object);

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
loadwise_programme_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LoadwiseProgrammePage *self = LOADWISE_PROGRAMME_PAGE (object);

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
loadwise_programme_page_class_init (LoadwiseProgrammePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_programme_page_constructed;
  object_class->dispose = loadwise_programme_page_dispose;
  object_class->get_property = loadwise_programme_page_get_property;
  object_class->set_property = loadwise_programme_page_set_property;

  widget_class->map = loadwise_programme_page_map;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, clinician_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, clinician_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, weeks_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, grid_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, sessions_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, settings_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, days_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, pain_limits_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseProgrammePage, settings_status);

  gtk_widget_class_install_action (widget_class, "programme.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "programme.apply", NULL, apply_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The grid's symbols, each drawn as it is in the grid with its name
 * (issue 13: every one of them, none borrowed from media controls). */
static void
add_legend (LoadwiseProgrammePage *self)
{
  static const LoadwiseDecision decisions[] = {
    LOADWISE_DECISION_START, LOADWISE_DECISION_PROGRESS, LOADWISE_DECISION_HOLD,
    LOADWISE_DECISION_REGRESS, LOADWISE_DECISION_MAINTAIN,
  };
  GtkWidget *legend = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), G_N_ELEMENTS (decisions));
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (legend), 12);
  gtk_widget_set_name (legend, "legend");
  gtk_accessible_update_property (GTK_ACCESSIBLE (legend), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", loadwise_decision_icon_name (decisions[i]),
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);
      GtkWidget *label = gtk_label_new (loadwise_decision_get_label (decisions[i]));

      gtk_widget_add_css_class (icon, loadwise_decision_style_class (decisions[i]));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), icon);
      gtk_box_append (GTK_BOX (item), label);
      gtk_flow_box_append (GTK_FLOW_BOX (legend), item);
      /* Read, not a Tab stop. */
      gtk_widget_set_focusable (gtk_widget_get_parent (item), FALSE);
    }
  gtk_widget_insert_before (legend, gtk_widget_get_parent (GTK_WIDGET (self->legend_label)),
                            GTK_WIDGET (self->legend_label));
}

static void
loadwise_programme_page_init (LoadwiseProgrammePage *self)
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
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->days_box, button);
    }

  add_legend (self);
  gtk_label_set_label (self->legend_label, _("Choose a week to read why it is at that level."));
}
