/* loadwise-run-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-run-rows.h"

#include <glib/gi18n.h>

#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"
#include "store/loadwise-database-runs.h"

void
loadwise_run_rows_add_entry (AdwPreferencesGroup *group,
                             const char          *title,
                             GtkInputPurpose      purpose,
                             LoadwiseRunEntry    *out_entry)
{
  GtkWidget *row = adw_entry_row_new ();
  /* A preferences row, so that the group keeps it in the list, under its field. */
  GtkWidget *message_row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (out_entry != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  adw_preferences_group_add (group, row);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  /* Tab goes from field to field, not to the messages. */
  gtk_widget_set_focusable (message_row, FALSE);
  gtk_widget_set_visible (message_row, FALSE);
  /* The message describes the field for screen readers too. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  adw_preferences_group_add (group, message_row);

  out_entry->editable = GTK_EDITABLE (row);
  out_entry->message = GTK_LABEL (label);
  out_entry->message_row = message_row;
}

void
loadwise_run_entry_show_error (LoadwiseRunEntry *entry,
                               const GError     *error,
                               gboolean          shown)
{
  gboolean visible = error != NULL && shown;

  g_return_if_fail (entry != NULL && entry->editable != NULL);

  gtk_label_set_label (entry->message, error != NULL ? error->message : "");
  gtk_widget_set_visible (entry->message_row, visible);
  if (visible)
    gtk_widget_add_css_class (GTK_WIDGET (entry->editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry->editable), "error");
}

const char *
loadwise_run_entry_get_error (LoadwiseRunEntry *entry)
{
  g_return_val_if_fail (entry != NULL && entry->editable != NULL, NULL);

  return gtk_widget_get_visible (entry->message_row) ? gtk_label_get_label (entry->message) : "";
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

  gtk_string_list_append (names, C_("shoes", "None"));
  for (guint i = 0; i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);
      /* Translators: a shoe that is no longer worn, e.g. "Pegasus 39 (retired)". */
      g_autofree char *label = shoe->retired ? g_strdup_printf (_("%s (retired)"), shoe->name)
                                             : g_strdup (shoe->name);

      gtk_string_list_append (names, label);
    }
  return add_combo (group, _("Shoes"), names);
}

GPtrArray *
loadwise_run_rows_list_shoes (LoadwiseDatabase *database)
{
  GPtrArray *shoes = loadwise_database_list_shoes (database, NULL);

  return shoes != NULL ? shoes : g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_shoe_free);
}

void
loadwise_run_rows_add_pain (AdwPreferencesGroup *group,
                            LoadwiseRunEntry    *out_during,
                            LoadwiseRunEntry    *out_after)
{
  loadwise_run_rows_add_entry (group, _("During the run"), GTK_INPUT_PURPOSE_DIGITS, out_during);
  loadwise_run_rows_add_entry (group, _("After the run (optional)"), GTK_INPUT_PURPOSE_DIGITS, out_after);
}

gboolean
loadwise_run_rows_parse_pain_during (const char  *text,
                                     guint       *out_pain,
                                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 value;

  if (!loadwise_parse_int (_("Pain during"), stripped, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, &value, error))
    return FALSE;
  *out_pain = (guint) value;
  return TRUE;
}

gboolean
loadwise_run_rows_parse_pain_after (const char  *text,
                                    gboolean    *out_has_pain,
                                    guint       *out_pain,
                                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 value;

  if (*stripped == '\0')
    {
      *out_has_pain = FALSE;
      *out_pain = 0;
      return TRUE;
    }
  if (!loadwise_parse_int (_("Pain after"), stripped, 0, LOADWISE_PAIN_MAX, &value, error))
    return FALSE;
  *out_has_pain = TRUE;
  *out_pain = (guint) value;
  return TRUE;
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
