/* loadwise-checkin-card.c
 *
 * The next-morning pain is the 24-hour response that the pain-monitoring
 * model weighs most (PROGRAMME.md, "Pain that the runner logs"; PMM).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-checkin-card.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/loadwise-database-runs.h"
#include "ui/loadwise-pain-scale.h"

struct _LoadwiseCheckinCard
{
  GtkWidget         parent_instance;
  GtkWidget        *root;

  LoadwiseContext  *context;
  gboolean          saved;
  gboolean          loading;
  /* Changed by the runner since shown or saved: a refresh keeps it. */
  gboolean          edited;
  GDate             shown_for;

  LoadwisePainScale *pain_scale;
  AdwActionRow     *side_row;
  GtkDropDown      *side_dropdown;
  GtkSwitch        *night_switch;
  GtkCheckButton   *crossed_check;
  GtkCheckButton   *slept_check;
  GtkWidget        *saved_box;
  GtkButton        *save_button;
};

G_DEFINE_FINAL_TYPE (LoadwiseCheckinCard, loadwise_checkin_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The drop-down lists Left, Right, Both in this order. */
static const LoadwiseSide dropdown_sides[] = {
  LOADWISE_SIDE_LEFT, LOADWISE_SIDE_RIGHT, LOADWISE_SIDE_BOTH,
};

GtkWidget *
loadwise_checkin_card_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_CHECKIN_CARD,
                       "context", context,
                       NULL);
}

gboolean
loadwise_checkin_card_get_saved (LoadwiseCheckinCard *self)
{
  g_return_val_if_fail (LOADWISE_IS_CHECKIN_CARD (self), FALSE);

  return self->saved;
}

static void
set_saved (LoadwiseCheckinCard *self,
           gboolean             saved)
{
  gtk_widget_set_visible (self->saved_box, saved);
  gtk_button_set_label (self->save_button, saved ? _("_Update") : _("_Save"));

  if (self->saved == saved)
    return;

  self->saved = saved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

static void
update_side_row (LoadwiseCheckinCard *self)
{
  /* A side only means something when there is pain. */
  gtk_widget_set_visible (GTK_WIDGET (self->side_row),
                          loadwise_pain_scale_get_value (self->pain_scale) > 0);
  /* Nothing to save until the morning is rated: "not rated" is not 0. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.save",
                                 loadwise_pain_scale_is_rated (self->pain_scale));
}

static void
show_error (LoadwiseCheckinCard *self,
            const GError        *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

/* Issue 4: the optional compression habits (Grimaldi 2015), kept in
 * their own table by the runs store. */
static void
reload_habits (LoadwiseCheckinCard *self,
               const GDate         *today)
{
  g_autoptr (GError) error = NULL;
  LoadwiseHabits habits;
  gboolean found = FALSE;

  if (!loadwise_database_get_habits (loadwise_context_get_database (self->context), today,
                                     &habits, &found, &error))
    show_error (self, error);
  self->loading = TRUE;
  gtk_check_button_set_active (self->crossed_check, found && habits.crossed_legs);
  gtk_check_button_set_active (self->slept_check, found && habits.slept_on_side);
  self->loading = FALSE;
}

static void
on_habit_check_active_notify (GtkCheckButton      *check,
                              GParamSpec          *pspec,
                              LoadwiseCheckinCard *self)
{
  if (!self->loading)
    {
      self->edited = TRUE;
      set_saved (self, FALSE);
    }
}

/* (design) How far back the side of the last painful morning counts as
 * the runner's usual side. */
#define LAST_SIDE_DAYS 90

/* The dropdown's item for the side of the latest painful morning before
 * @today, so that six mornings on the right do not start the seventh at
 * "Left"; the first item when there is none. */
static guint
last_side_index (LoadwiseCheckinCard *self,
                 const GDate         *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) checkins = NULL;
  GDate from = *today;
  GDate to = *today;

  g_date_subtract_days (&from, LAST_SIDE_DAYS);
  g_date_subtract_days (&to, 1);
  checkins = loadwise_database_list_checkins (loadwise_context_get_database (self->context),
                                              &from, &to, &error);
  if (checkins == NULL)
    {
      show_error (self, error);
      return 0;
    }
  for (guint i = checkins->len; i > 0; i--)
    {
      const LoadwiseCheckin *checkin = &g_array_index (checkins, LoadwiseCheckin, i - 1);

      for (guint d = 0; d < G_N_ELEMENTS (dropdown_sides); d++)
        if (checkin->side != LOADWISE_SIDE_NONE && dropdown_sides[d] == checkin->side)
          return d;
    }
  return 0;
}

void
loadwise_checkin_card_reload (LoadwiseCheckinCard *self)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { 0 };
  gboolean found = FALSE;
  GDate today;

  g_return_if_fail (LOADWISE_IS_CHECKIN_CARD (self));

  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  /* What the runner entered and not yet saved (or is still being saved)
   * stays, until the day changes. */
  if (self->edited && g_date_valid (&self->shown_for) && g_date_compare (&self->shown_for, &today) == 0)
    return;
  self->edited = FALSE;
  self->shown_for = today;
  if (!loadwise_database_get_checkin (loadwise_context_get_database (self->context),
                                      &today,
                                      &checkin,
                                      &found,
                                      &error))
    {
      show_error (self, error);
      found = FALSE;
    }

  self->loading = TRUE;
  if (found)
    {
      loadwise_pain_scale_set_value (self->pain_scale, (int) checkin.morning_pain);
      for (guint i = 0; i < G_N_ELEMENTS (dropdown_sides); i++)
        if (dropdown_sides[i] == checkin.side)
          gtk_drop_down_set_selected (self->side_dropdown, i);
      gtk_switch_set_active (self->night_switch, checkin.night_pain);
    }
  else
    {
      loadwise_pain_scale_set_value (self->pain_scale, LOADWISE_PAIN_NOT_RATED);
      gtk_drop_down_set_selected (self->side_dropdown, last_side_index (self, &today));
      gtk_switch_set_active (self->night_switch, FALSE);
    }
  self->loading = FALSE;

  reload_habits (self, &today);
  update_side_row (self);
  set_saved (self, found);
}

static void
on_value_changed (LoadwiseCheckinCard *self)
{
  update_side_row (self);
  if (!self->loading)
    {
      self->edited = TRUE;
      set_saved (self, FALSE);
    }
}

static void
on_pain_scale_value_notify (LoadwisePainScale   *scale,
                            GParamSpec          *pspec,
                            LoadwiseCheckinCard *self)
{
  on_value_changed (self);
}

static void
on_side_dropdown_selected_notify (GtkDropDown         *dropdown,
                                  GParamSpec          *pspec,
                                  LoadwiseCheckinCard *self)
{
  on_value_changed (self);
}

static void
on_night_switch_active_notify (GtkSwitch           *toggle,
                               GParamSpec          *pspec,
                               LoadwiseCheckinCard *self)
{
  on_value_changed (self);
}

typedef struct {
  LoadwiseCheckin checkin;
  LoadwiseHabits  habits;
} CheckinWrite;

/* Both in one write, so that a retry after a lock writes both (again). */
static gboolean
write_checkin (LoadwiseDatabase  *database,
               gpointer           data,
               GError           **error)
{
  CheckinWrite *write = data;

  return loadwise_database_save_checkin (database, &write->checkin, error)
         && loadwise_database_save_habits (database, &write->habits, error);
}

static void
on_checkin_written (GtkWidget    *widget,
                    const GError *error,
                    gpointer      data)
{
  LoadwiseCheckinCard *self = widget != NULL ? LOADWISE_CHECKIN_CARD (widget) : NULL;

  if (self == NULL)
    return;
  if (error != NULL)
    {
      /* Still shown, still not saved: the runner can try again. */
      show_error (self, error);
      return;
    }
  self->edited = FALSE;
  set_saved (self, TRUE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoadwiseCheckinCard *self = LOADWISE_CHECKIN_CARD (widget);
  CheckinWrite *write = g_new0 (CheckinWrite, 1);
  guint selected;

  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &write->checkin.date);
  /* The action is off while unrated (update_side_row ()). */
  g_return_if_fail (loadwise_pain_scale_is_rated (self->pain_scale));
  write->checkin.morning_pain = (guint) loadwise_pain_scale_get_value (self->pain_scale);
  selected = gtk_drop_down_get_selected (self->side_dropdown);
  if (write->checkin.morning_pain == 0 || selected >= G_N_ELEMENTS (dropdown_sides))
    write->checkin.side = LOADWISE_SIDE_NONE;
  else
    write->checkin.side = dropdown_sides[selected];
  write->checkin.night_pain = gtk_switch_get_active (self->night_switch);
  write->habits.date = write->checkin.date;
  write->habits.crossed_legs = gtk_check_button_get_active (self->crossed_check);
  write->habits.slept_on_side = gtk_check_button_get_active (self->slept_check);

  /* The flare card and the rest of Today follow from "changed". */
  loadwise_context_write (self->context, widget, write_checkin, write, g_free, on_checkin_written);
}

void
loadwise_checkin_card_focus (LoadwiseCheckinCard *self)
{
  g_return_if_fail (LOADWISE_IS_CHECKIN_CARD (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->pain_scale));
}

static void
loadwise_checkin_card_constructed (GObject *object)
{
  LoadwiseCheckinCard *self = LOADWISE_CHECKIN_CARD (object);

  G_OBJECT_CLASS (loadwise_checkin_card_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  loadwise_checkin_card_reload (self);
}

static void
loadwise_checkin_card_dispose (GObject *object)
{
  LoadwiseCheckinCard *self = LOADWISE_CHECKIN_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_CHECKIN_CARD);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_checkin_card_parent_class)->dispose (object);
}

static void
loadwise_checkin_card_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoadwiseCheckinCard *self = LOADWISE_CHECKIN_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, self->saved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_checkin_card_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LoadwiseCheckinCard *self = LOADWISE_CHECKIN_CARD (object);

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
loadwise_checkin_card_class_init (LoadwiseCheckinCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_checkin_card_constructed;
  object_class->dispose = loadwise_checkin_card_dispose;
  object_class->get_property = loadwise_checkin_card_get_property;
  object_class->set_property = loadwise_checkin_card_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOADWISE_TYPE_PAIN_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-checkin-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, root);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, side_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, night_switch);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, crossed_check);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, slept_check);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, saved_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCheckinCard, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_scale_value_notify);
  gtk_widget_class_bind_template_callback (widget_class, on_side_dropdown_selected_notify);
  gtk_widget_class_bind_template_callback (widget_class, on_night_switch_active_notify);
  gtk_widget_class_bind_template_callback (widget_class, on_habit_check_active_notify);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_checkin_card_init (LoadwiseCheckinCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
