/* loadwise-run-rows.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-run-rows.h"

#include <glib/gi18n.h>

#include "core/loadwise-types.h"
#include "store/loadwise-database-runs.h"

void
loadwise_run_rows_add_entry (AdwPreferencesGroup *group,
                             const char          *title,
                             GtkInputPurpose      purpose,
                             LoadwiseRunEntry    *out_entry)
{
  GtkWidget *row = adw_entry_row_new ();
  /* At the row's end, in the room the row has anyway: a problem shown
   * while typing never pushes the rows below it down (issue 13). */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "visible", FALSE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (out_entry != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  gtk_widget_add_css_class (icon, "error");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  adw_preferences_group_add (group, row);

  out_entry->editable = GTK_EDITABLE (row);
  out_entry->icon = icon;
}

void
loadwise_run_entry_show_error (LoadwiseRunEntry *entry,
                               const GError     *error,
                               gboolean          shown)
{
  gboolean visible = error != NULL && shown;

  g_return_if_fail (entry != NULL && entry->editable != NULL);

  gtk_widget_set_tooltip_text (entry->icon, visible ? error->message : NULL);
  gtk_widget_set_visible (entry->icon, visible);
  /* The message describes the field for screen readers. */
  if (visible)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry->editable), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->editable),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry->editable), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry->editable), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

const char *
loadwise_run_entry_get_error (LoadwiseRunEntry *entry)
{
  const char *message;

  g_return_val_if_fail (entry != NULL && entry->editable != NULL, NULL);

  message = gtk_widget_get_tooltip_text (entry->icon);
  return gtk_widget_get_visible (entry->icon) && message != NULL ? message : "";
}

GtkSwitch *
loadwise_run_rows_add_switch (AdwPreferencesGroup *group,
                              const char          *title,
                              const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

GtkSwitch *
loadwise_run_rows_add_speed (AdwPreferencesGroup *group)
{
  return loadwise_run_rows_add_switch (group, _("Speed Work"), _("Intervals, tempo or a race"));
}

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           GtkStringList       *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  g_object_unref (model);
  return ADW_COMBO_ROW (row);
}

AdwComboRow *
loadwise_run_rows_add_camber (AdwPreferencesGroup *group)
{
  GtkStringList *cambers = gtk_string_list_new (NULL);

  for (guint i = 0; i <= LOADWISE_CAMBER_RIGHT; i++)
    gtk_string_list_append (cambers, loadwise_camber_get_label (i));
  return add_combo (group, _("Road Camber"), cambers);
}

AdwComboRow *
loadwise_run_rows_add_surface (AdwPreferencesGroup *group)
{
  GtkStringList *surfaces = gtk_string_list_new (NULL);

  for (guint i = 0; i < LOADWISE_N_SURFACES; i++)
    gtk_string_list_append (surfaces, loadwise_surface_get_label (i));
  return add_combo (group, _("Surface"), surfaces);
}

AdwComboRow *
loadwise_run_rows_add_shoes (AdwPreferencesGroup *group,
                             GPtrArray           *shoes)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  AdwComboRow *row;

  gtk_string_list_append (names, C_("shoes", "None"));
  for (guint i = 0; i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);
      /* Translators: a shoe that is no longer worn, e.g. "Pegasus 39 (retired)". */
      g_autofree char *label = shoe->retired ? g_strdup_printf (_("%s (retired)"), shoe->name)
                                             : g_strdup (shoe->name);

      gtk_string_list_append (names, label);
    }
  row = add_combo (group, _("Shoes"), names);
  /* The pair chosen as the row's subtitle, which wraps: at the row's end
   * a long name was cut to "Pegasus 39 (re…" (issue 13). */
  adw_combo_row_set_use_subtitle (row, TRUE);
  return row;
}

GPtrArray *
loadwise_run_rows_list_shoes (LoadwiseDatabase *database)
{
  GPtrArray *shoes = loadwise_database_list_shoes (database, NULL);

  return shoes != NULL ? shoes : g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_shoe_free);
}

GtkWidget *
loadwise_run_rows_new_required_mark (void)
{
  GtkWidget *mark = gtk_label_new (_("Required"));

  gtk_widget_add_css_class (mark, "caption");
  gtk_widget_add_css_class (mark, "dim-label");
  return mark;
}

static void
on_clear_clicked (GtkButton         *button,
                  LoadwisePainScale *scale)
{
  loadwise_pain_scale_set_value (scale, LOADWISE_PAIN_NOT_RATED);
}

static void
on_scale_value_notify (LoadwisePainScale *scale,
                       GParamSpec        *pspec,
                       GtkWidget         *clear)
{
  gtk_widget_set_sensitive (clear, loadwise_pain_scale_is_rated (scale));
}

LoadwisePainScale *
loadwise_run_rows_add_pain_scale (AdwPreferencesGroup *group,
                                  const char          *title,
                                  gboolean             optional,
                                  const char          *accessible_name)
{
  /* Not an action row: eleven buttons need the row's width, and the row
   * itself does nothing when activated (as in the check-in). */
  GtkWidget *row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                                 "activatable", FALSE,
                                 "selectable", FALSE,
                                 "focusable", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", title,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "hexpand", TRUE,
                                   NULL);
  GtkWidget *scale = loadwise_pain_scale_new ();

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (header), label);
  if (optional)
    {
      /* Not rated is a rating of its own here: no pain after was noted. */
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear"));

      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (clear, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
      g_signal_connect_object (clear, "clicked", G_CALLBACK (on_clear_clicked), scale, 0);
      g_signal_connect_object (scale, "notify::value", G_CALLBACK (on_scale_value_notify), clear, 0);
      gtk_box_append (GTK_BOX (header), clear);
    }
  else
    {
      gtk_box_append (GTK_BOX (header), loadwise_run_rows_new_required_mark ());
    }
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  adw_preferences_group_add (group, row);
  return LOADWISE_PAIN_SCALE (scale);
}

void
loadwise_run_rows_add_pain (AdwPreferencesGroup  *group,
                            const char           *name_suffix,
                            LoadwisePainScale   **out_during,
                            LoadwisePainScale   **out_after)
{
  g_autofree char *during_name = NULL;
  g_autofree char *after_name = NULL;

  if (name_suffix != NULL)
    {
      /* Translators: a pain scale's name for screen readers, with the run's date. */
      during_name = g_strdup_printf (_("Pain during the run, %s"), name_suffix);
      /* Translators: a pain scale's name for screen readers, with the run's date. */
      after_name = g_strdup_printf (_("Pain after the run, %s"), name_suffix);
    }
  *out_during = loadwise_run_rows_add_pain_scale (group, _("During the run"), FALSE, during_name);
  *out_after = loadwise_run_rows_add_pain_scale (group, _("After the run (optional)"), TRUE, after_name);
}

gboolean
loadwise_run_rows_read_pain (LoadwisePainScale *during,
                             LoadwisePainScale *after,
                             LoadwiseRun       *run)
{
  run->has_pain_after = loadwise_pain_scale_is_rated (after);
  run->pain_after = run->has_pain_after ? (guint) loadwise_pain_scale_get_value (after) : 0;
  if (!loadwise_pain_scale_is_rated (during))
    return FALSE;
  run->pain_during = (guint) loadwise_pain_scale_get_value (during);
  return TRUE;
}

void
loadwise_run_rows_show_pain (LoadwisePainScale *during,
                             LoadwisePainScale *after,
                             const LoadwiseRun *run)
{
  loadwise_pain_scale_set_value (during, (int) MIN (run->pain_during, LOADWISE_PAIN_MAX));
  loadwise_pain_scale_set_value (after, run->has_pain_after ? (int) MIN (run->pain_after, LOADWISE_PAIN_MAX)
                                                            : LOADWISE_PAIN_NOT_RATED);
}

void
loadwise_run_rows_read_choices (AdwComboRow *camber_row,
                                AdwComboRow *surface_row,
                                AdwComboRow *shoe_row,
                                GPtrArray   *shoes,
                                LoadwiseRun *run)
{
  guint shoe = adw_combo_row_get_selected (shoe_row);

  run->camber = (LoadwiseCamber) MIN (adw_combo_row_get_selected (camber_row), LOADWISE_CAMBER_RIGHT);
  run->surface = (LoadwiseSurface) MIN (adw_combo_row_get_selected (surface_row), LOADWISE_N_SURFACES - 1);
  run->shoe_id = shoe >= 1 && shoe <= shoes->len
                 ? ((LoadwiseShoe *) g_ptr_array_index (shoes, shoe - 1))->id
                 : 0;
}

void
loadwise_run_rows_show_choices (AdwComboRow       *camber_row,
                                AdwComboRow       *surface_row,
                                AdwComboRow       *shoe_row,
                                GPtrArray         *shoes,
                                const LoadwiseRun *run)
{
  adw_combo_row_set_selected (camber_row, run->camber);
  adw_combo_row_set_selected (surface_row, run->surface);
  adw_combo_row_set_selected (shoe_row, 0);
  for (guint i = 0; i < shoes->len; i++)
    if (((LoadwiseShoe *) g_ptr_array_index (shoes, i))->id == run->shoe_id)
      adw_combo_row_set_selected (shoe_row, i + 1);
}
