/* loadwise-run-list.c: the run log as a list of rows, one Tab stop
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-run-list.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-run.h"
#include "core/loadwise-types.h"
#include "ui/loadwise-run-item.h"

struct _LoadwiseRunList
{
  GtkWidget            parent_instance;

  GListModel          *runs;
  GtkSliceListModel   *shown;     /* the newest of runs, as rows */
  GtkWidget           *last_row;  /* weak: where Tab comes back in */

  GtkListBox          *list_box;
  GtkWidget           *more_button;
};

G_DEFINE_FINAL_TYPE (LoadwiseRunList, loadwise_run_list, GTK_TYPE_WIDGET)

GtkWidget *
loadwise_run_list_new (void)
{
  return g_object_new (LOADWISE_TYPE_RUN_LIST, NULL);
}

/* Adds @part to @line, after a separator if it is not the first. */
static void
append_part (GString    *line,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (line->len > 0)
    /* Translators: between the parts of a run's line in the list:
     * "Pain 2 · Road, long". */
    g_string_append (line, _(" · "));
  g_string_append (line, part);
}

static char *
describe_title (const LoadwiseRun *run)
{
  g_autofree char *km = loadwise_format_km_local (run->distance_m);
  char date[128];

  /* Translators: a run's date in the list, as strftime(3) writes it:
   * the abbreviated weekday and a short date in your language's order,
   * e.g. "Fri 20 Nov 2026" ("%a %d.%m.%Y" gives "Fr 20.11.2026"). Not "%x":
   * in the C locale that is the American "11/20/26". */
  if (g_date_strftime (date, sizeof date, C_("run list", "%a %-d %b %Y"), &run->date) == 0)
    g_strlcpy (date, "?", sizeof date);
  /* Translators: a run in the list, its date and distance:
   * "Fri 20 Nov 2026 · 8.4 km". */
  return g_strdup_printf (_("%s · %s km"), date, km);
}

static char *
describe_subtitle (LoadwiseRunItem *item)
{
  const LoadwiseRun *run = loadwise_run_item_get_run (item);
  g_autoptr (GString) load = g_string_new (NULL);
  g_autoptr (GString) effort = g_string_new (NULL);
  g_autofree char *pain = NULL;
  g_autofree char *duration = loadwise_format_duration (run->duration_s);
  g_autofree char *pace_value = loadwise_format_pace (loadwise_run_get_pace_s_per_km (run));
  g_autofree char *pace = NULL;
  g_autofree char *elevation = NULL;

  if (run->has_pain_after)
    /* Translators: pain during and after a run, e.g. "Pain 2 → 4". */
    pain = g_strdup_printf (_("Pain %u → %u"), run->pain_during, run->pain_after);
  else
    /* Translators: pain during a run, e.g. "Pain 2". */
    pain = g_strdup_printf (_("Pain %u"), run->pain_during);
  append_part (load, pain);
  append_part (load, loadwise_run_item_get_factors (item));

  if (*pace_value != '\0')
    /* Translators: a pace, e.g. "5:21 /km". */
    pace = g_strdup_printf (_("%s /km"), pace_value);
  /* "+0 / -0 m" read like a sign error. */
  if (run->climb_m == 0 && run->descent_m == 0)
    elevation = g_strdup (C_("elevation", "Flat"));
  else
    /* Translators: metres up and down, e.g. "+120 / -310 m". */
    elevation = g_strdup_printf (_("+%u / -%u m"), run->climb_m, run->descent_m);
  append_part (effort, duration);
  append_part (effort, pace);
  append_part (effort, elevation);

  return g_strdup_printf ("%s\n%s", load->str, effort->str);
}

static void
on_row_focus_enter (GtkEventControllerFocus *controller,
                    LoadwiseRunList         *self)
{
  g_set_weak_pointer (&self->last_row, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LoadwiseRunList *self = user_data;
  const LoadwiseRun *run = loadwise_run_item_get_run (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *title = describe_title (run);
  g_autofree char *subtitle = describe_subtitle (item);
  g_autofree char *km = loadwise_format_km_local (run->distance_m);
  g_autofree char *date = loadwise_date_format (&run->date);
  g_autofree char *label = NULL;

  /* Shoe names are the runner's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Run"));
  /* Translators: what a row's delete button is read as:
   * "Delete the 8.4 km run of 20 November 2026". */
  label = g_strdup_printf (_("Delete the %s km run of %s"), km, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "runs.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", run->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "delete-button", button);

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus_enter), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

static gint64
run_id_at (LoadwiseRunList *self,
           int              position)
{
  g_autoptr (LoadwiseRunItem) item = NULL;

  if (self->shown == NULL || position < 0)
    return 0;
  item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  return item != NULL ? loadwise_run_item_get_run (item)->id : 0;
}

static void
on_list_box_row_activated (GtkListBox      *list_box,
                           GtkListBoxRow   *row,
                           LoadwiseRunList *self)
{
  gint64 id = run_id_at (self, gtk_list_box_row_get_index (row));

  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "runs.edit", "x", id);
}

static GtkListBoxRow *
focused_row (LoadwiseRunList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return NULL;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? GTK_LIST_BOX_ROW (row) : NULL;
}

/* Delete on a row deletes that row's run, as its button does. */
static gboolean
on_delete_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  LoadwiseRunList *self = LOADWISE_RUN_LIST (widget);
  GtkListBoxRow *row = focused_row (self);
  gint64 id = row != NULL ? run_id_at (self, gtk_list_box_row_get_index (row)) : 0;

  if (id == 0)
    return FALSE;
  gtk_widget_activate_action (widget, "runs.delete", "x", id);
  return TRUE;
}

static void
update_more_button (LoadwiseRunList *self)
{
  guint n_runs = self->runs != NULL ? g_list_model_get_n_items (self->runs) : 0;
  guint n_shown = self->shown != NULL ? gtk_slice_list_model_get_size (self->shown) : 0;

  gtk_widget_set_visible (self->more_button, n_runs > n_shown);
}

static void
on_runs_items_changed (GListModel      *runs,
                       guint            position,
                       guint            removed,
                       guint            added,
                       LoadwiseRunList *self)
{
  update_more_button (self);
}

static void
on_more_button_clicked (GtkButton       *button,
                        LoadwiseRunList *self)
{
  guint before = gtk_slice_list_model_get_size (self->shown);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));

  gtk_slice_list_model_set_size (self->shown, before + LOADWISE_RUN_LIST_MORE_ROWS);
  update_more_button (self);
  /* The keyboard goes on with the first of the older runs. */
  if (had_focus)
    loadwise_run_list_focus_position (self, before);
}

void
loadwise_run_list_set_model (LoadwiseRunList *self,
                             GListModel      *runs)
{
  g_return_if_fail (LOADWISE_IS_RUN_LIST (self));
  g_return_if_fail (runs == NULL || G_IS_LIST_MODEL (runs));

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_func (self->runs, on_runs_items_changed, self);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  g_set_object (&self->runs, runs);
  if (runs != NULL)
    {
      self->shown = gtk_slice_list_model_new (g_object_ref (runs), 0, LOADWISE_RUN_LIST_FIRST_ROWS);
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);
      g_signal_connect_object (runs, "items-changed", G_CALLBACK (on_runs_items_changed), self, 0);
    }
  update_more_button (self);
}

guint
loadwise_run_list_get_focus_position (LoadwiseRunList *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LOADWISE_IS_RUN_LIST (self), GTK_INVALID_LIST_POSITION);

  row = focused_row (self);
  return row != NULL ? (guint) gtk_list_box_row_get_index (row) : GTK_INVALID_LIST_POSITION;
}

void
loadwise_run_list_focus_position (LoadwiseRunList *self,
                                  guint            position)
{
  guint n_shown;
  GtkListBoxRow *row;

  g_return_if_fail (LOADWISE_IS_RUN_LIST (self));

  n_shown = loadwise_run_list_get_n_shown (self);
  if (n_shown == 0)
    return;
  row = gtk_list_box_get_row_at_index (self->list_box, MIN (position, n_shown - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

GtkListBox *
loadwise_run_list_get_list_box (LoadwiseRunList *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_LIST (self), NULL);
  return self->list_box;
}

GtkWidget *
loadwise_run_list_get_row (LoadwiseRunList *self,
                           guint            position)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_LIST (self), NULL);
  return (GtkWidget *) gtk_list_box_get_row_at_index (self->list_box, (int) position);
}

guint
loadwise_run_list_get_n_shown (LoadwiseRunList *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_LIST (self), 0);
  return self->shown != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0;
}

GtkWidget *
loadwise_run_list_get_more_button (LoadwiseRunList *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_LIST (self), NULL);
  return self->more_button;
}

GtkWidget *
loadwise_run_list_row_get_delete_button (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "delete-button");
}

/* Tab into the list lands on one row (the one last focused, else the
 * newest); Tab again leaves it. Arrow keys move between the rows and
 * into a row's button, as GtkListBox does. */
static gboolean
enter_list (LoadwiseRunList *self)
{
  GtkWidget *row = self->last_row;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box) ||
      !gtk_widget_get_child_visible (row))
    row = (GtkWidget *) gtk_list_box_get_row_at_index (self->list_box, 0);
  return row != NULL && gtk_widget_grab_focus (row);
}

static gboolean
loadwise_run_list_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  LoadwiseRunList *self = LOADWISE_RUN_LIST (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean in_list = focus_child == GTK_WIDGET (self->list_box);
  gboolean on_button = focus_child != NULL && focus_child == self->more_button;

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (on_button)
        return FALSE;
      if (!in_list && enter_list (self))
        return TRUE;
      return gtk_widget_child_focus (self->more_button, direction);
    case GTK_DIR_TAB_BACKWARD:
      if (in_list)
        return FALSE;
      if (!on_button && gtk_widget_child_focus (self->more_button, direction))
        return TRUE;
      return enter_list (self);
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      return GTK_WIDGET_CLASS (loadwise_run_list_parent_class)->focus (widget, direction);
    }
}

static void
loadwise_run_list_dispose (GObject *object)
{
  LoadwiseRunList *self = LOADWISE_RUN_LIST (object);

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_func (self->runs, on_runs_items_changed, self);
  g_clear_weak_pointer (&self->last_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_RUN_LIST);
  g_clear_object (&self->shown);
  g_clear_object (&self->runs);

  G_OBJECT_CLASS (loadwise_run_list_parent_class)->dispose (object);
}

static void
loadwise_run_list_class_init (LoadwiseRunListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_run_list_dispose;
  widget_class->focus = loadwise_run_list_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/loadwise-run-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunList, list_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunList, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_more_button_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, on_delete_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, on_delete_key, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
loadwise_run_list_init (LoadwiseRunList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_init_template (GTK_WIDGET (self));
}
