/* loadwise-runs-page.c: the run log, shoes and the patterns in them
 *
 * PROGRAMME.md, "Runs and their load factors" and "Patterns (insights)".
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-runs-page.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-text.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-card.h"
#include "ui/loadwise-import-dialog.h"
#include "ui/loadwise-run-dialog.h"
#include "ui/loadwise-run-item.h"
#include "ui/loadwise-run-list.h"
#include "ui/loadwise-runs-page-private.h"

struct _LoadwiseRunsPage
{
  GtkWidget            parent_instance;

  LoadwiseContext     *context;
  GListStore          *runs;
  LoadwiseRun         *deleted;       /* for undo */
  GtkWidget           *dialog;        /* weak */
  GtkWidget           *import_dialog; /* weak */
  GtkFileChooserNative *chooser;
  GtkDropTarget       *drop_target;
  GPtrArray           *shoe_rows;
  guint                n_patterns;
  gboolean             stale;         /* to be read again before it is used */

  AdwToastOverlay     *toast_overlay;
  GtkWidget           *drop_overlay;
  GtkWidget           *note_box;
  GtkLabel            *note_label;
  GtkStack            *page_stack;
  LoadwiseRunList     *run_list;
  GtkWidget           *empty_page;
  GtkBox              *patterns_box;
  AdwPreferencesGroup *shoes_group;
  AdwEntryRow         *shoe_entry;
};

G_DEFINE_FINAL_TYPE (LoadwiseRunsPage, loadwise_runs_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_runs_page_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_RUNS_PAGE, "context", context, NULL);
}

static void reload_now (LoadwiseRunsPage *self);

/* What is read from the page must be current even while it is hidden. */
static void
ensure_loaded (LoadwiseRunsPage *self)
{
  if (self->stale)
    reload_now (self);
}

GListModel *
loadwise_runs_page_get_runs (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (self->runs);
}

LoadwiseRunList *
loadwise_runs_page_get_run_list (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  ensure_loaded (self);
  return self->run_list;
}

gboolean
loadwise_runs_page_is_empty_shown (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), FALSE);
  ensure_loaded (self);
  return gtk_stack_get_visible_child (self->page_stack) == self->empty_page;
}

GtkWidget *
loadwise_runs_page_get_dialog (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  return self->dialog;
}

GtkWidget *
loadwise_runs_page_get_import_dialog (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  return self->import_dialog;
}

GtkDropTarget *
loadwise_runs_page_get_drop_target (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  return self->drop_target;
}

gboolean
loadwise_runs_page_is_drop_shown (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->drop_overlay);
}

const char *
loadwise_runs_page_get_note (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), NULL);
  return gtk_widget_get_visible (self->note_box) ? gtk_label_get_label (self->note_label) : "";
}

guint
loadwise_runs_page_get_n_patterns (LoadwiseRunsPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUNS_PAGE (self), 0);
  ensure_loaded (self);
  return self->n_patterns;
}

const void *
loadwise_runs_page_item_get_run (gpointer item)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_ITEM (item), NULL);
  return loadwise_run_item_get_run (LOADWISE_RUN_ITEM (item));
}

static void
toast (LoadwiseRunsPage *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *
shoe_name (GPtrArray *shoes,
           gint64     id)
{
  for (guint i = 0; shoes != NULL && i < shoes->len; i++)
    if (((LoadwiseShoe *) g_ptr_array_index (shoes, i))->id == id)
      return ((LoadwiseShoe *) g_ptr_array_index (shoes, i))->name;
  return NULL;
}

static char *
describe_factors (const LoadwiseRun *run,
                  GPtrArray         *history,
                  GPtrArray         *shoes)
{
  GString *text = g_string_new (loadwise_surface_get_label (run->surface));

  if (run->speed)
    g_string_append_printf (text, ", %s", _("speed"));
  if (loadwise_run_is_long (run, history))
    g_string_append_printf (text, ", %s", _("long"));
  if (run->camber == LOADWISE_CAMBER_LEFT)
    g_string_append_printf (text, ", %s", _("cambered road, left side lower"));
  else if (run->camber == LOADWISE_CAMBER_RIGHT)
    g_string_append_printf (text, ", %s", _("cambered road, right side lower"));
  if (shoe_name (shoes, run->shoe_id) != NULL)
    g_string_append_printf (text, ", %s", shoe_name (shoes, run->shoe_id));
  return g_string_free (text, FALSE);
}

/* A plain-words title for an insight's factor. */
static char *
factor_title (const LoadwiseInsight *insight)
{
  const char *factor = insight->factor;
  const char *lag = insight->lag == LOADWISE_INSIGHT_SAME_DAY ? _("after the run") : _("next morning");
  const char *name;
  LoadwiseSurface surface;

  if (g_str_has_prefix (factor, "shoe:"))
    /* Translators: e.g. "Shoes: Pegasus 40 · next morning" */
    return g_strdup_printf (_("Shoes: %s · %s"), factor + strlen ("shoe:"), lag);
  if (g_str_has_prefix (factor, "surface-") &&
      loadwise_surface_from_string (factor + strlen ("surface-"), &surface))
    return g_strdup_printf (_("Surface: %s · %s"), loadwise_surface_get_label (surface), lag);

  if (g_str_equal (factor, "climb"))
    name = _("Hilly runs");
  else if (g_str_equal (factor, "descent"))
    name = _("Downhill running");
  else if (g_str_equal (factor, "speed"))
    name = _("Speed work");
  else if (g_str_equal (factor, "long"))
    name = _("Long runs");
  else if (g_str_equal (factor, "camber"))
    name = _("Cambered roads");
  else if (g_str_equal (factor, "crossed-legs"))
    name = _("Sitting with legs crossed");
  else if (g_str_equal (factor, "slept-on-side"))
    name = _("Sleeping on the painful side");
  else if (g_str_equal (factor, "glute-session"))
    name = _("Glute sessions");
  else if (g_str_equal (factor, "descent-m"))
    name = _("Metres of descent");
  else if (g_str_equal (factor, "descent-per-km"))
    name = _("Descent per kilometre");
  else if (g_str_equal (factor, "distance"))
    name = _("Distance");
  else
    name = factor;
  /* Translators: a factor and when the pain was rated, e.g. "Speed work · after the run" */
  return g_strdup_printf (_("%s · %s"), name, lag);
}

static GtkWidget *
new_card (const char *title,
          const char *body,
          const char *style)
{
  GtkWidget *card = loadwise_card_new (title, body);

  gtk_widget_add_css_class (card, style);
  return card;
}

static void
reload_patterns (LoadwiseRunsPage *self)
{
  g_autoptr (GPtrArray) insights = NULL;
  g_autoptr (GError) error = NULL;
  gboolean downhill = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->patterns_box))) != NULL)
    gtk_box_remove (self->patterns_box, child);
  self->n_patterns = 0;

  insights = loadwise_database_compute_insights (loadwise_context_get_database (self->context), &error);
  if (insights == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < insights->len; i++)
    {
      LoadwiseInsight *insight = g_ptr_array_index (insights, i);
      g_autofree char *title = factor_title (insight);

      gtk_box_append (self->patterns_box, new_card (title, insight->text, "pattern-card"));
      self->n_patterns++;
      downhill = downhill || ((g_str_equal (insight->factor, "descent") ||
                               g_str_equal (insight->factor, "descent-m") ||
                               g_str_equal (insight->factor, "descent-per-km")) &&
                              (insight->difference > 0 || insight->rho > 0));
    }

  if (insights->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing to show yet. Keep logging runs with their hills, camber "
                                          "and shoes, and the morning check-in: patterns appear once a "
                                          "factor has 3 runs or days with it and 3 without."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->patterns_box, label);
    }

  /* Education at the moment it matters: downhills (Telhan 2010, Vernillo 2017). */
  if (downhill)
    gtk_box_append (self->patterns_box,
                    new_card (_("About Downhills"),
                              _("Running downhill makes the muscles around the hip brake every stride, "
                                "and each landing hits harder than on the flat. While the hip is sore, "
                                "choose flatter routes, walk the steep descents, or take them slower "
                                "with shorter steps."),
                              "tip-card"));
}

static void
on_retire_clicked (GtkButton        *button,
                   LoadwiseRunsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "shoe-name");

  gtk_widget_activate_action (GTK_WIDGET (self), "runs.retire-shoe", "s", name);
}

static void
reload_shoes (LoadwiseRunsPage *self,
              GPtrArray        *shoes)
{
  for (guint i = 0; i < self->shoe_rows->len; i++)
    adw_preferences_group_remove (self->shoes_group, g_ptr_array_index (self->shoe_rows, i));
  g_ptr_array_set_size (self->shoe_rows, 0);

  for (guint i = 0; i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *km = loadwise_format_shoe_km (shoe->distance_m);
      g_autofree char *subtitle = NULL;

      /* Translators: "412.5 km in 48 runs" */
      subtitle = g_strdup_printf (ngettext ("%s km in %u run", "%s km in %u runs", shoe->n_runs),
                                  km, shoe->n_runs);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shoe->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (shoe->retired)
        {
          GtkWidget *label = gtk_label_new (_("Retired"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      else
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retire"));
          g_autofree char *tooltip = g_strdup_printf (_("Retire %s"), shoe->name);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, tooltip);
          g_object_set_data_full (G_OBJECT (button), "shoe-name", g_strdup (shoe->name), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_retire_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->shoes_group, row);
      g_ptr_array_add (self->shoe_rows, row);
    }
}

static void
update_actions (LoadwiseRunsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "runs.undo-delete", self->deleted != NULL);
}

static void
reload_now (LoadwiseRunsPage *self)
{
  LoadwiseDatabase *database;
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  guint focused;

  self->stale = FALSE;
  database = loadwise_context_get_database (self->context);
  if ((runs = loadwise_database_list_runs (database, NULL, NULL, &error)) == NULL ||
      (shoes = loadwise_database_list_shoes (database, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* Newest first: what a runner looks for after a run. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = runs->len; i > 0; i--)
    {
      LoadwiseRun *run = g_ptr_array_index (runs, i - 1);
      g_autofree char *factors = describe_factors (run, runs, shoes);

      g_ptr_array_add (items, loadwise_run_item_new (run, factors));
    }
  /* The rows are made again: the focus stays where it was in the list,
   * on the next run once its own is deleted. */
  focused = loadwise_run_list_get_focus_position (self->run_list);
  g_list_store_splice (self->runs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->runs)),
                       items->pdata, items->len);
  /* No runs: the status page in place of the whole page. Inside the
   * scrolling page, libadwaita 1.2's status page (a scrolled window of its
   * own, measured for its natural width) cut its buttons off at 360 px. */
  gtk_stack_set_visible_child_name (self->page_stack, runs->len > 0 ? "list" : "empty");
  /* The last run deleted: on to the status page's Log a Run. */
  if (focused != GTK_INVALID_LIST_POSITION && runs->len == 0)
    gtk_widget_child_focus (self->empty_page, GTK_DIR_TAB_FORWARD);
  else if (focused != GTK_INVALID_LIST_POSITION)
    loadwise_run_list_focus_position (self->run_list, focused);

  reload_shoes (self, shoes);
  reload_patterns (self);
  update_actions (self);
}

/* Start-up must not grow with history (issue 8): the whole run list and
 * the insights are read when the page is shown (or asked for its
 * contents), not while it waits hidden behind Today. */
void
loadwise_runs_page_reload (LoadwiseRunsPage *self)
{
  g_return_if_fail (LOADWISE_IS_RUNS_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload_now (self);
}

static void
loadwise_runs_page_map (GtkWidget *widget)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);

  /* Filled before the parent maps the children, so the first frame of
   * the page shows its rows. */
  ensure_loaded (self);
  GTK_WIDGET_CLASS (loadwise_runs_page_parent_class)->map (widget);
}

static void
show_note (LoadwiseRunsPage *self,
           const char       *text)
{
  gtk_label_set_label (self->note_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->note_box, text != NULL);
}

static void
on_dialog_saved (LoadwiseRunDialog *dialog,
                 LoadwiseRun       *run,
                 LoadwiseRunsPage  *self)
{
  g_auto (LoadwiseRunGuard) guard = { 0 };
  g_autoptr (GError) error = NULL;

  loadwise_runs_page_reload (self);
  /* The return-to-run guard (Frandsen 2025, Nielsen 2014): a calm note. */
  if (!loadwise_database_check_run_guard (loadwise_context_get_database (self->context), run, &guard, &error))
    toast (self, error->message);
  show_note (self, guard.text);
  /* Today shows the flare suggestions this run may bring from "changed". */
  toast (self, _("Run saved"));
}

static void
open_dialog (LoadwiseRunsPage  *self,
             const LoadwiseRun *run)
{
  GtkWidget *dialog = loadwise_run_dialog_new (self->context, run);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Importing runs from recorded files (issue 14) */

static void
on_import_dialog_imported (LoadwiseImportDialog *dialog,
                           guint                 n_added,
                           LoadwiseRunsPage     *self)
{
  g_autofree char *text = NULL;

  /* The list follows from the context's "changed"; this says what happened. */
  text = g_strdup_printf (ngettext ("%u run imported", "%u runs imported", n_added), n_added);
  toast (self, text);
}

static void
open_import_dialog (LoadwiseRunsPage *self,
                    GFile *const     *files,
                    guint             n_files)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (n_files == 0)
    return;
  /* One preview at a time: a new one replaces one still open. */
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  dialog = loadwise_import_dialog_new (self->context, files, n_files);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_dialog_imported), self, 0);
  g_set_weak_pointer (&self->import_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         LoadwiseRunsPage *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr (GSList) files = list != NULL ? gdk_file_list_get_files (list) : NULL;
  g_autoptr (GPtrArray) array = g_ptr_array_new ();

  gtk_widget_set_visible (self->drop_overlay, FALSE);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0)
    return FALSE;
  open_import_dialog (self, (GFile *const *) array->pdata, array->len);
  return TRUE;
}

static GdkDragAction
on_drop_enter (GtkDropTarget    *target,
               double            x,
               double            y,
               LoadwiseRunsPage *self)
{
  gtk_widget_set_visible (self->drop_overlay, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget    *target,
               LoadwiseRunsPage *self)
{
  gtk_widget_set_visible (self->drop_overlay, FALSE);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     LoadwiseRunsPage *self)
{
  g_autoptr (GListModel) model = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  open_import_dialog (self, (GFile *const *) files->pdata, files->len);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) tracks = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Runs"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  /* What loadwise_track_is_track_name() picks up, in any case. */
  gtk_file_filter_set_name (tracks, _("Recorded runs (GPX, TCX, FIT)"));
  gtk_file_filter_add_suffix (tracks, "gpx");
  gtk_file_filter_add_suffix (tracks, "tcx");
  gtk_file_filter_add_suffix (tracks, "fit");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tracks);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_files_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  open_import_dialog (LOADWISE_RUNS_PAGE (widget), (GFile *const *) files->pdata, files->len);
}

/* The run of @parameter (its id) in the list, or NULL. */
static LoadwiseRunItem *
find_item (LoadwiseRunsPage *self,
           GVariant         *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);
  GListModel *runs = G_LIST_MODEL (self->runs);

  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr (LoadwiseRunItem) item = g_list_model_get_item (runs, i);

      /* The list keeps its own reference. */
      if (loadwise_run_item_get_run (item)->id == id)
        return item;
    }
  return NULL;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (LOADWISE_RUNS_PAGE (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);
  LoadwiseRunItem *item = find_item (self, parameter);

  if (item != NULL)
    open_dialog (self, loadwise_run_item_get_run (item));
}

/* A change of the run log or the shoes, as kept until written. */
typedef enum {
  RUNS_WRITE_DELETE,
  RUNS_WRITE_RESTORE,
  RUNS_WRITE_ADD_SHOE,
  RUNS_WRITE_RETIRE_SHOE,
} RunsWriteKind;

typedef struct {
  RunsWriteKind  kind;
  LoadwiseRun   *run;   /* deleted or restored */
  char          *name;  /* of the shoe */
} RunsWrite;

static void
runs_write_free (gpointer data)
{
  RunsWrite *write = data;

  g_clear_pointer (&write->run, loadwise_run_free);
  g_free (write->name);
  g_free (write);
}

static gboolean
write_runs (LoadwiseDatabase  *database,
            gpointer           data,
            GError           **error)
{
  RunsWrite *write = data;

  switch (write->kind)
    {
    case RUNS_WRITE_DELETE:
      return loadwise_database_delete_run (database, write->run->id, error);
    case RUNS_WRITE_RESTORE:
      /* Back as it was, under a new id (nothing refers to a run's id). */
      write->run->id = 0;
      return loadwise_database_add_run (database, write->run, error);
    case RUNS_WRITE_ADD_SHOE:
      return loadwise_database_add_shoe (database, write->name, NULL, error);
    case RUNS_WRITE_RETIRE_SHOE:
    default:
      return loadwise_database_retire_shoe (database, write->name, error);
    }
}

/* The list follows from the context's "changed"; this only says what
 * happened. */
static void
on_runs_written (GtkWidget    *widget,
                 const GError *error,
                 gpointer      data)
{
  LoadwiseRunsPage *self = widget != NULL ? LOADWISE_RUNS_PAGE (widget) : NULL;
  RunsWrite *write = data;
  g_autofree char *km = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo;

  if (self == NULL)
    return;
  if (error != NULL)
    {
      toast (self, error->message);
      return;
    }

  if (write->kind == RUNS_WRITE_ADD_SHOE)
    gtk_editable_set_text (GTK_EDITABLE (self->shoe_entry), "");
  if (write->kind != RUNS_WRITE_DELETE)
    return;

  g_clear_pointer (&self->deleted, loadwise_run_free);
  self->deleted = loadwise_run_copy (write->run);
  km = loadwise_format_km_local (self->deleted->distance_m);
  date = loadwise_date_format (&self->deleted->date);
  /* Translators: "Deleted the 8.4 km run of 20 November 2026" */
  title = g_strdup_printf (_("Deleted the %s km run of %s"), km, date);
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "runs.undo-delete");
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
  show_note (self, NULL);
}

static void
write_change (LoadwiseRunsPage *self,
              RunsWriteKind     kind,
              LoadwiseRun      *run,
              const char       *name)
{
  RunsWrite *write = g_new0 (RunsWrite, 1);

  write->kind = kind;
  write->run = run;
  write->name = g_strdup (name);
  loadwise_context_write (self->context, GTK_WIDGET (self), write_runs, write, runs_write_free,
                          on_runs_written);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);
  LoadwiseRunItem *item = find_item (self, parameter);

  if (item == NULL)
    return;
  write_change (self, RUNS_WRITE_DELETE,
                loadwise_run_copy (loadwise_run_item_get_run (item)), NULL);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);

  if (self->deleted == NULL)
    return;
  write_change (self, RUNS_WRITE_RESTORE, g_steal_pointer (&self->deleted), NULL);
}

static void
add_shoe_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  /* The store's own check, under the field's name, before anything is
   * written: spaces alone, an invisible character or a control one. */
  if (!loadwise_text_validate (_("Name"), g_variant_get_string (parameter, NULL), -1,
                               LOADWISE_TEXT_NAME, &name, &error))
    {
      toast (self, error->message);
      return;
    }
  write_change (self, RUNS_WRITE_ADD_SHOE, NULL, name);
}

static void
retire_shoe_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  write_change (LOADWISE_RUNS_PAGE (widget), RUNS_WRITE_RETIRE_SHOE, NULL,
                g_variant_get_string (parameter, NULL));
}

static void
dismiss_note_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_note (LOADWISE_RUNS_PAGE (widget), NULL);
}

static void
on_shoe_entry_apply (AdwEntryRow      *row,
                     LoadwiseRunsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "runs.add-shoe", "s",
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Any commit or a new day: read again now if shown, else when shown. */
static void
on_context_changed (LoadwiseContext  *context,
                    guint             what,
                    LoadwiseRunsPage *self)
{
  loadwise_runs_page_reload (self);
}

static void
on_context_day_changed (LoadwiseContext  *context,
                        LoadwiseRunsPage *self)
{
  loadwise_runs_page_reload (self);
}

static void
loadwise_runs_page_constructed (GObject *object)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (object);

  G_OBJECT_CLASS (loadwise_runs_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed), self, 0);
  g_signal_connect_object (self->context, "day-changed", G_CALLBACK (on_context_day_changed), self, 0);
  loadwise_runs_page_reload (self);
}

static void
loadwise_runs_page_dispose (GObject *object)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  g_clear_weak_pointer (&self->import_dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_RUNS_PAGE);
  g_clear_object (&self->runs);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_runs_page_parent_class)->dispose (object);
}

static void
loadwise_runs_page_finalize (GObject *object)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (object);

  g_clear_pointer (&self->deleted, loadwise_run_free);
  g_clear_pointer (&self->shoe_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loadwise_runs_page_parent_class)->finalize (object);
}

static void
loadwise_runs_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (object);

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
loadwise_runs_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LoadwiseRunsPage *self = LOADWISE_RUNS_PAGE (object);

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
loadwise_runs_page_class_init (LoadwiseRunsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_runs_page_constructed;
  object_class->dispose = loadwise_runs_page_dispose;
  object_class->finalize = loadwise_runs_page_finalize;
  object_class->get_property = loadwise_runs_page_get_property;
  object_class->set_property = loadwise_runs_page_set_property;
  widget_class->map = loadwise_runs_page_map;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/loadwise-runs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, note_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, run_list);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, patterns_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, shoes_group);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseRunsPage, shoe_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_shoe_entry_apply);

  gtk_widget_class_install_action (widget_class, "runs.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "runs.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "runs.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "runs.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "runs.add-shoe", "s", add_shoe_activated);
  gtk_widget_class_install_action (widget_class, "runs.retire-shoe", "s", retire_shoe_activated);
  gtk_widget_class_install_action (widget_class, "runs.dismiss-note", NULL, dismiss_note_activated);
  gtk_widget_class_install_action (widget_class, "runs.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "runs.import-files", "as", import_files_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "runs.import", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (LOADWISE_TYPE_RUN_LIST);
}

static void
loadwise_runs_page_init (LoadwiseRunsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shoe_rows = g_ptr_array_new ();
  self->runs = g_list_store_new (LOADWISE_TYPE_RUN_ITEM);
  loadwise_run_list_set_model (self->run_list, G_LIST_MODEL (self->runs));

  /* Track files dropped anywhere on the page open the import preview. */
  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (self->drop_target, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}
