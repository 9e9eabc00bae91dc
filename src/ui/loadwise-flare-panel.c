/* loadwise-flare-panel.c: Today's flare-up banner, flare mode advice,
 * the return-to-run note and short tips at the moments they matter
 *
 * PROGRAMME.md, "Flare-ups". The tips are in our own words; their sources
 * are named beside each.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-flare-panel.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/loadwise-database-runs.h"
#include "ui/loadwise-card.h"

struct _LoadwiseFlarePanel
{
  GtkWidget            parent_instance;

  LoadwiseContext     *context;
  LoadwiseFlareStatus  status;
  GtkBox              *box;
};

G_DEFINE_FINAL_TYPE (LoadwiseFlarePanel, loadwise_flare_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_flare_panel_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_FLARE_PANEL, "context", context, NULL);
}

const char *
loadwise_flare_panel_get_state (LoadwiseFlarePanel *self)
{
  g_return_val_if_fail (LOADWISE_IS_FLARE_PANEL (self), NULL);
  return loadwise_flare_state_to_string (self->status.state);
}

char *
loadwise_flare_panel_get_text (LoadwiseFlarePanel *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LOADWISE_IS_FLARE_PANEL (self), NULL);

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->box)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    g_string_append_printf (text, "%s\n%s\n", loadwise_card_get_title (LOADWISE_CARD (card)),
                            loadwise_card_get_body (LOADWISE_CARD (card)));
  return g_string_free (text, FALSE);
}

/* A card: a heading, its text, and buttons (label, action) pairs, NULL-ended. */
static GtkWidget *
add_card (LoadwiseFlarePanel *self,
          const char         *style,
          const char         *title,
          const char         *body,
          ...)
{
  GtkWidget *card = loadwise_card_new (title, body);
  const char *button_label;
  va_list args;

  gtk_widget_add_css_class (card, style);
  va_start (args, body);
  while ((button_label = va_arg (args, const char *)) != NULL)
    {
      const char *action = va_arg (args, const char *);
      GtkWidget *button = loadwise_card_add_button (LOADWISE_CARD (card), button_label, action);

      if (g_str_equal (action, "flare.accept"))
        gtk_widget_add_css_class (button, "suggested-action");
    }
  va_end (args);

  gtk_box_append (self->box, card);
  return card;
}

static void
show_error (LoadwiseFlarePanel *self,
            const GError       *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

/* Grimaldi 2015: which hip a cambered road loads. On a road that falls
 * away to one side, the leg on the higher side is in stance with the
 * pelvis dropping away from it: that hip sags into adduction and presses
 * on its tendons. */
static LoadwiseSide
camber_loaded_side (LoadwiseCamber camber)
{
  return camber == LOADWISE_CAMBER_LEFT ? LOADWISE_SIDE_RIGHT
         : camber == LOADWISE_CAMBER_RIGHT ? LOADWISE_SIDE_LEFT
         : LOADWISE_SIDE_NONE;
}

static void
add_run_cards (LoadwiseFlarePanel    *self,
               const GDate           *today,
               const LoadwiseCheckin *checkin)
{
  LoadwiseDatabase *database = loadwise_context_get_database (self->context);
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GError) error = NULL;
  GDate from = *today;

  g_date_subtract_days (&from, 1);
  runs = loadwise_database_list_runs (database, &from, today, &error);
  if (runs == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = runs->len; i > 0; i--)
    {
      LoadwiseRun *run = g_ptr_array_index (runs, i - 1);
      g_auto (LoadwiseRunGuard) guard = { 0 };

      /* The return-to-run guard for today's latest run (Frandsen 2025,
       * Nielsen 2014). */
      if (g_date_compare (&run->date, today) == 0 &&
          loadwise_database_check_run_guard (database, run, &guard, NULL) && guard.text != NULL)
        {
          add_card (self, "run-note", _("About Today’s Run"), guard.text, NULL);
          break;
        }
    }

  /* Camber matched to the painful side, for the latest run of the last
   * two days (Grimaldi 2015). */
  if (runs->len > 0 && checkin != NULL && checkin->morning_pain > 0)
    {
      LoadwiseRun *run = g_ptr_array_index (runs, runs->len - 1);
      LoadwiseSide loaded = camber_loaded_side (run->camber);

      if (loaded != LOADWISE_SIDE_NONE && (checkin->side == loaded || checkin->side == LOADWISE_SIDE_BOTH))
        add_card (self, "tip-card", _("Road Camber and Your Sore Side"),
                  loaded == LOADWISE_SIDE_RIGHT
                  ? _("Your last run was on a road that sloped down to the left. That keeps your right leg "
                      "on the higher side, where the right hip tends to sag inwards and press on its "
                      "tendons. Next time run the other way along it, keep to the flattest part, or choose "
                      "a level path.")
                  : _("Your last run was on a road that sloped down to the right. That keeps your left leg "
                      "on the higher side, where the left hip tends to sag inwards and press on its "
                      "tendons. Next time run the other way along it, keep to the flattest part, or choose "
                      "a level path."),
                  NULL);
    }
}

void
loadwise_flare_panel_reload (LoadwiseFlarePanel *self)
{
  LoadwiseDatabase *database;
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { 0 };
  gboolean checked_in = FALSE;
  GtkWidget *child;
  GDate today;

  g_return_if_fail (LOADWISE_IS_FLARE_PANEL (self));

  database = loadwise_context_get_database (self->context);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  loadwise_flare_status_clear (&self->status);
  memset (&self->status, 0, sizeof self->status);

  if (!loadwise_database_get_flare_status (database, &today, &self->status, &error))
    {
      show_error (self, error);
      g_clear_error (&error);
    }

  if (self->status.just_ended)
    add_card (self, "flare-card", _("Flare Mode Has Ended"),
              /* Frandsen 2025 and Nielsen 2014; the sources are in About and
               * the report, not in the runner's sentences (issue 13). */
              /* xgettext:no-c-format */
              _("Three mornings in a row were back near your usual pain. Build your runs up again "
                "gently: keep each run within 10% of your longest run of the past 30 days, and let "
                "your weekly distance grow by less than 30% over 2 weeks."),
              NULL);

  if (self->status.state == LOADWISE_FLARE_STATE_SUGGESTED)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nFlare mode keeps you running, but shorter, flatter "
                                                 "and easier, and takes the glute exercises back to the "
                                                 "gentlest levels for a while. Loadwise does not "
                                                 "diagnose: pain at night or at rest, a limp, or pain "
                                                 "that keeps rising needs a clinician."),
                                               self->status.reason != NULL ? self->status.reason : "");

      add_card (self, "flare-card", _("A Flare-Up May Be Starting"), body,
                _("_Not Now"), "flare.decline", _("_Start Flare Mode"), "flare.accept", NULL);
    }
  else if (self->status.state == LOADWISE_FLARE_STATE_ACTIVE)
    {
      g_autofree char *since = loadwise_date_format (&self->status.since);
      g_autofree char *body = NULL;

      /* PROGRAMME.md, "Flare-ups": levels 0-1, adherence frozen. */
      body = g_strdup_printf (_("Since %s.\n\n%s\n\nGlute sessions use levels 0 and 1, and missed sessions "
                                "do not count against you until it ends. It ends by itself after three "
                                "mornings back near your usual pain."),
                              since, self->status.advice.text);
      add_card (self, "flare-card", _("Flare Mode"), body, _("_End Flare Mode"), "flare.end", NULL);
    }

  if (!loadwise_database_get_checkin (database, &today, &checkin, &checked_in, &error))
    {
      show_error (self, error);
      g_clear_error (&error);
      checked_in = FALSE;
    }
  add_run_cards (self, &today, checked_in ? &checkin : NULL);

  /* Lateral hip pain logged this morning: what presses on those tendons
   * (Grimaldi 2015). */
  if (checked_in && checkin.morning_pain > 0)
    add_card (self, "tip-card", _("Easing Pressure on the Side of the Hip"),
              _("The tendons on the outside of the hip dislike being squeezed while stretched. Sitting "
                "with your legs crossed, standing with your weight slumped into one hip, lying on the sore "
                "side, and stretches that pull the leg across the body all do that. Sit with your knees a "
                "little apart, stand evenly on both feet, and try a pillow between your knees at night."),
              NULL);

  /* Hidden when empty, so that Today keeps no gap for it. */
  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_first_child (GTK_WIDGET (self->box)) != NULL);
}

/* An answer to the suggestion, or the end of flare mode, as kept until
 * written. Today (with this panel) reads again from "changed": it
 * prescribes levels 0-1 during a flare. */
typedef struct {
  GDate              today;
  gboolean           end;
  GDate              since;
  guint              trigger;
  char              *reason;
  gboolean           accepted;
} FlareWrite;

static void
flare_write_free (gpointer data)
{
  FlareWrite *write = data;

  g_free (write->reason);
  g_free (write);
}

static gboolean
write_flare (LoadwiseDatabase  *database,
             gpointer           data,
             GError           **error)
{
  FlareWrite *write = data;

  if (write->end)
    return loadwise_database_end_flare (database, &write->today, FALSE, error);
  return loadwise_database_answer_flare_suggestion (database, &write->today, &write->since,
                                                    write->trigger, write->reason,
                                                    write->accepted, error);
}

static void
on_flare_written (GtkWidget    *widget,
                  const GError *error,
                  gpointer      data)
{
  if (widget != NULL && error != NULL)
    show_error (LOADWISE_FLARE_PANEL (widget), error);
}

static void
write_change (LoadwiseFlarePanel *self,
              FlareWrite         *write)
{
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &write->today);
  loadwise_context_write (self->context, GTK_WIDGET (self), write_flare, write,
                          flare_write_free, on_flare_written);
}

static void
answer (LoadwiseFlarePanel *self,
        gboolean            accepted)
{
  FlareWrite *write;

  if (self->status.state != LOADWISE_FLARE_STATE_SUGGESTED)
    return;
  write = g_new0 (FlareWrite, 1);
  write->since = self->status.since;
  write->trigger = self->status.trigger;
  write->reason = g_strdup (self->status.reason);
  write->accepted = accepted;
  write_change (self, write);
}

static void
accept_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  answer (LOADWISE_FLARE_PANEL (widget), TRUE);
}

static void
decline_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  answer (LOADWISE_FLARE_PANEL (widget), FALSE);
}

static void
end_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FlareWrite *write = g_new0 (FlareWrite, 1);

  write->end = TRUE;
  write_change (LOADWISE_FLARE_PANEL (widget), write);
}

static void
loadwise_flare_panel_constructed (GObject *object)
{
  LoadwiseFlarePanel *self = LOADWISE_FLARE_PANEL (object);

  G_OBJECT_CLASS (loadwise_flare_panel_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  loadwise_flare_panel_reload (self);
}

static void
loadwise_flare_panel_dispose (GObject *object)
{
  LoadwiseFlarePanel *self = LOADWISE_FLARE_PANEL (object);

  g_clear_pointer ((GtkWidget **) &self->box, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_flare_panel_parent_class)->dispose (object);
}

static void
loadwise_flare_panel_finalize (GObject *object)
{
  LoadwiseFlarePanel *self = LOADWISE_FLARE_PANEL (object);

  loadwise_flare_status_clear (&self->status);

  G_OBJECT_CLASS (loadwise_flare_panel_parent_class)->finalize (object);
}

static void
loadwise_flare_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LoadwiseFlarePanel *self = LOADWISE_FLARE_PANEL (object);

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
loadwise_flare_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LoadwiseFlarePanel *self = LOADWISE_FLARE_PANEL (object);

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
loadwise_flare_panel_class_init (LoadwiseFlarePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_flare_panel_constructed;
  object_class->dispose = loadwise_flare_panel_dispose;
  object_class->finalize = loadwise_flare_panel_finalize;
  object_class->get_property = loadwise_flare_panel_get_property;
  object_class->set_property = loadwise_flare_panel_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "flare.accept", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "flare.decline", NULL, decline_activated);
  gtk_widget_class_install_action (widget_class, "flare.end", NULL, end_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_flare_panel_init (LoadwiseFlarePanel *self)
{
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
}
