/* loadwise-window.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/loadwise-guided-session.h"
#include "ui/loadwise-preferences-window.h"
#include "ui/loadwise-programme-page.h"
#include "ui/loadwise-progress-page.h"
#include "ui/loadwise-setup-view.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-runs-page.h"

/* The pages of the view stack, in the switcher's order. */
enum {
  PAGE_TODAY,
  PAGE_PROGRAMME,
  PAGE_RUNS,
  PAGE_PROGRESS,
  N_PAGES
};

typedef GtkWidget *(*PageNewFunc) (LoadwiseContext *context);

static const struct {
  const char  *name;
  const char  *title;
  const char  *icon_name;
  PageNewFunc  page_new;
} page_info[N_PAGES] = {
  { "today", N_("Today"), "x-office-calendar-symbolic", loadwise_today_page_new },
  { "programme", N_("Programme"), "view-grid-symbolic", loadwise_programme_page_new },
  /* The run log, shoes and the patterns between load and pain. */
  { "runs", N_("Runs"), "emblem-documents-symbolic", loadwise_runs_page_new },
  /* Charts, the clinician report and exports. */
  { "progress", N_("Progress"), "loadwise-progress-symbolic", loadwise_progress_page_new },
};

struct _LoadwiseWindow
{
  AdwApplicationWindow  parent_instance;

  LoadwiseContext      *context;
  GSettings            *settings;

  /* Each built when first needed (issue 8: start-up builds only what
   * the first frame shows); NULL until then. */
  GtkWidget            *setup_view;
  GtkWidget            *pages[N_PAGES];

  AdwToastOverlay      *toast_overlay;
  GtkStack             *mode_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *log_run_button;
};

G_DEFINE_FINAL_TYPE (LoadwiseWindow, loadwise_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LoadwiseWindow *
loadwise_window_new (GtkApplication  *application,
                     LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LoadwiseDatabase *
loadwise_window_get_database (LoadwiseWindow *self)
{
  g_return_val_if_fail (LOADWISE_IS_WINDOW (self), NULL);

  return loadwise_context_get_database (self->context);
}

const char *
loadwise_window_get_mode (LoadwiseWindow *self)
{
  g_return_val_if_fail (LOADWISE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->mode_stack);
}

static int
page_index (const char *name)
{
  for (int i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (page_info[i].name, name) == 0)
      return i;
  return -1;
}

/* A page's widgets are made when it is first shown: until then its place
 * in the view stack holds an empty AdwBin, so the switcher still shows
 * every tab with its title and icon. */
static GtkWidget *
ensure_page (LoadwiseWindow *self,
             int             index)
{
  GtkWidget *holder;

  if (self->pages[index] != NULL)
    return self->pages[index];

  holder = adw_view_stack_get_child_by_name (self->view_stack, page_info[index].name);
  self->pages[index] = page_info[index].page_new (self->context);
  adw_bin_set_child (ADW_BIN (holder), self->pages[index]);
  return self->pages[index];
}

GtkWidget *
loadwise_window_get_page (LoadwiseWindow *self,
                          const char     *name)
{
  int index;

  g_return_val_if_fail (LOADWISE_IS_WINDOW (self), NULL);

  index = page_index (name);
  g_return_val_if_fail (index >= 0, NULL);

  return ensure_page (self, index);
}

static void
on_visible_child_changed (AdwViewStack   *view_stack,
                          GParamSpec     *pspec,
                          LoadwiseWindow *self)
{
  int index = page_index (adw_view_stack_get_visible_child_name (view_stack));

  /* The Runs page's "+" (issue 13). */
  gtk_widget_set_visible (self->log_run_button, index == PAGE_RUNS);
  if (index >= 0)
    ensure_page (self, index);
}

/* First run until a programme exists; the pages after that. Only the
 * mode: each page refreshes itself from the context's news. */
static void
reload (LoadwiseWindow *self)
{
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;

  if (loadwise_database_get_programme (loadwise_context_get_database (self->context),
                                       &programme,
                                       &error))
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "main");
      /* The visible page is made here, reading the database as it is
       * made; the others do so when they are first shown. Pages made
       * already follow the context's news themselves. */
      on_visible_child_changed (self->view_stack, NULL, self);
      return;
    }

  if (!g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));

  if (self->setup_view == NULL)
    {
      self->setup_view = loadwise_setup_view_new (self->context);
      gtk_stack_add_named (self->mode_stack, self->setup_view, "setup");
    }
  gtk_stack_set_visible_child_name (self->mode_stack, "setup");
}

/* A programme started (the set-up, or another program) or was replaced. */
static void
on_context_changed (LoadwiseContext *context,
                    guint            what,
                    LoadwiseWindow  *self)
{
  gboolean main_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") == 0;

  if (!main_shown || (what & (LOADWISE_DATABASE_CHANGE_PROGRAMME | LOADWISE_DATABASE_CHANGE_EXTERNAL)))
    reload (self);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  reload (LOADWISE_WINDOW (widget));
}

static void
show_today_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);

  reload (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "today");
  gtk_window_present (GTK_WINDOW (self));
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* @data: a GWeakRef to the page, which the wait must not keep alive. */
static gboolean
focus_page_later (gpointer data)
{
  g_autoptr (GtkWidget) page = g_weak_ref_get (data);
  GtkRoot *root = page != NULL ? gtk_widget_get_root (page) : NULL;

  /* Unless the runner went on meanwhile. */
  if (root != NULL && gtk_widget_get_mapped (page) && gtk_root_get_focus (root) == NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

/* Alt+1 .. Alt+4, as the view switcher's tabs: the pages from the keyboard. */
static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  int index = page_index (name);
  GtkWidget *page;

  if (index < 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* The focus goes with the page: left on the tab that was clicked
   * before, its ring stayed on "Today" (issue 13). A page that has
   * nothing to focus until it is laid out takes it once it is. */
  page = ensure_page (self, index);
  if (!gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      g_weak_ref_init (ref, page);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_page_later, ref, (GDestroyNotify) weak_ref_free);
    }
}

/* The preview of recorded runs (app.import-runs, from a notification),
 * over the Runs page, which writes them and says so. */
static void
import_runs_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  GtkWidget *runs = ensure_page (self, PAGE_RUNS);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, page_info[PAGE_RUNS].name);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_activate_action_variant (runs, "runs.import-files", parameter);
}

/* Ctrl+N: the run dialog, from any page. */
static void
log_run_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  GtkWidget *runs;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") != 0)
    return;
  runs = ensure_page (self, PAGE_RUNS);
  adw_view_stack_set_visible_child_name (self->view_stack, page_info[PAGE_RUNS].name);
  gtk_widget_activate_action (runs, "runs.add", NULL);
}

/* Ctrl+M: Today, with the focus on the morning pain. */
static void
check_in_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  GtkWidget *today;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") != 0)
    return;
  today = ensure_page (self, PAGE_TODAY);
  adw_view_stack_set_visible_child_name (self->view_stack, page_info[PAGE_TODAY].name);
  loadwise_today_page_focus_checkin (LOADWISE_TODAY_PAGE (today));
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  GtkWidget *preferences =
    loadwise_preferences_window_new_for_context (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preferences));
  /* The Programme page shows the pain limits and links to where they
   * are set. */
  if (g_strcmp0 (action_name, "win.pain-limits") == 0)
    loadwise_preferences_window_focus_pain_limits (LOADWISE_PREFERENCES_WINDOW (preferences));
}

/* Today's session in the guided window, over this one. */
static void
start_session_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;
  GtkWidget *session;

  if (!loadwise_guided_session_prescribe_today (self->context, &prescription, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  session = loadwise_guided_session_new (self->context, &prescription, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (session), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (session));
}

/* The shortcuts window, built on first use rather than with the window
 * (issue 8: GTK builds gtk/help-overlay.ui for each window at start-up). */
static void
on_show_help_overlay (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/loadwise-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
loadwise_window_close_request (GtkWindow *window)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (loadwise_window_parent_class)->close_request (window);
}

static void
loadwise_window_constructed (GObject *object)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (object);
  AdwViewStackPage *page;

  G_OBJECT_CLASS (loadwise_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* More pages join page_info[] as they are written. */
  for (int i = 0; i < N_PAGES; i++)
    {
      page = adw_view_stack_add_titled (self->view_stack, adw_bin_new (),
                                        page_info[i].name, _(page_info[i].title));
      adw_view_stack_page_set_icon_name (page, page_info[i].icon_name);
    }
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, 0);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed), self, 0);

  reload (self);
}

static void
loadwise_window_dispose (GObject *object)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_WINDOW);
  self->setup_view = NULL;
  memset (self->pages, 0, sizeof self->pages);

  G_OBJECT_CLASS (loadwise_window_parent_class)->dispose (object);
}

static void
loadwise_window_finalize (GObject *object)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (loadwise_window_parent_class)->finalize (object);
}

static void
loadwise_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (object);

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
loadwise_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LoadwiseWindow *self = LOADWISE_WINDOW (object);

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
loadwise_window_class_init (LoadwiseWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = loadwise_window_constructed;
  object_class->dispose = loadwise_window_dispose;
  object_class->finalize = loadwise_window_finalize;
  object_class->get_property = loadwise_window_get_property;
  object_class->set_property = loadwise_window_set_property;

  window_class->close_request = loadwise_window_close_request;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWindow, log_run_button);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.show-today", NULL, show_today_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  for (guint i = 0; i < N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_info[i].name);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.pain-limits", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.import-runs", "as", import_runs_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.start-session", NULL, start_session_activated);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_run_activated);
  gtk_widget_class_install_action (widget_class, "win.check-in", NULL, check_in_activated);
  /* Listed in the shortcuts window (gtk/help-overlay.ui). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.log-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.start-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.check-in", NULL);
}

/* LOADWISE_BENCH_FIRST_FRAME=1 (tests/bench, the start-up benchmark):
 * print the monotonic time of the first painted frame and quit. Unset, it
 * does nothing. */
static void
on_frame_clock_after_paint_bench (GdkFrameClock *clock,
                                  gpointer       user_data)
{
  GtkWidget *widget = user_data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));

  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint_bench, user_data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (app != NULL)
    g_application_quit (app);
}

static void
on_window_map_bench (GtkWidget *widget,
                     gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_frame_clock_after_paint_bench), widget);
}

static void
loadwise_window_init (LoadwiseWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", on_show_help_overlay },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build wears libadwaita's striped header bar, so that it
   * is never taken for the released app running beside it. */
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  if (g_getenv ("LOADWISE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_window_map_bench), NULL);

  self->settings = g_settings_new (APP_ID);
}
