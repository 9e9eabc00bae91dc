/* ui-test-util.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui-test-util.h"

#include <math.h>

#include "loadwise-test-util.h"
#include "ui/loadwise-window.h"

/* LeakSanitizer asks the program for this at start-up: fontconfig keeps
 * its caches for the life of the process, which is not ours to free. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (argc, argv, NULL);
      return FALSE;
    }

  /* Tests check widgets, not pixels: without GL the cairo renderer starts
   * faster, and no GL driver is loaded whose allocations LeakSanitizer
   * would report. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

static void
skip_test (void)
{
  g_test_skip ("no display: set DISPLAY or WAYLAND_DISPLAY (xvfb-run)");
}

void
ui_test_add_skip (const char *path)
{
  g_test_add_func (path, skip_test);
}

void
ui_fixture_set_today (UiFixture *fixture,
                      int        year,
                      int        month,
                      int        day)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, year, month, day, 9, 0, 0);

  g_assert_nonnull (zone);
  if (fixture->clock == NULL)
    fixture->clock = loadwise_clock_new_fixed (now);
  else
    loadwise_clock_set_fixed (fixture->clock, now);
}

void
ui_fixture_setup (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = loadwise_test_make_tmpdir ();
  fixture->path = loadwise_database_build_path (fixture->dir);
  fixture->database = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  ui_fixture_set_today (fixture, 2026, 11, 25);
  fixture->context = loadwise_context_new (fixture->database, fixture->catalogue, fixture->clock);
}

void
ui_fixture_teardown (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->database);
  g_assert_finalize_object (fixture->clock);
  loadwise_catalogue_unref (fixture->catalogue);
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

void
ui_fixture_add_programme (UiFixture *fixture,
                          int        year,
                          int        month,
                          int        day,
                          guint      level)
{
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;
  GDate start = loadwise_test_date (year, month, day);
  guint levels[LOADWISE_N_FAMILIES] = { level, level, level };

  loadwise_programme_init (&programme, &start);
  loadwise_database_start_programme (fixture->database, &programme, levels, &error);
  g_assert_no_error (error);
}

GtkWidget *
ui_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ui_test_show (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  /* And what a page builds once its first frame is out. */
  ui_test_flush ();
}

void
ui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_wait_bound (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_until (gboolean (*done) (gpointer data),
                    gpointer   data,
                    guint      bound_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (bound_ms, on_wait_bound, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return done (data);
}

static double
gpx_elevation (double fraction)
{
  if (fraction <= 0.2)
    return 100;
  if (fraction <= 0.4)
    return 100 + UI_TEST_GPX_CLIMB_M * (fraction - 0.2) / 0.2;
  if (fraction <= 0.7)
    return 100 + UI_TEST_GPX_CLIMB_M - UI_TEST_GPX_DESCENT_M * (fraction - 0.4) / 0.3;
  return 100 + UI_TEST_GPX_CLIMB_M - UI_TEST_GPX_DESCENT_M;
}

char *
ui_test_make_gpx (const char *start,
                  double      length_m)
{
  g_autoptr (GDateTime) begin = g_date_time_new_from_iso8601 (start, NULL);
  GString *gpx = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<gpx version=\"1.1\" creator=\"Loadwise tests\" "
                               "xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                               "<trk><name>Test run</name><trkseg>\n");
  /* 3 m/s, every 5 s: 15 m east along 52.5 degrees north. */
  double step_m = 15.0;
  double degrees_per_m = 1.0 / (111194.9266 * cos (52.5 * G_PI / 180));
  guint n = (guint) ceil (length_m / step_m);

  g_assert_nonnull (begin);
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr (GDateTime) when = g_date_time_add_seconds (begin, 5.0 * i);
      g_autofree char *time = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE], ele[G_ASCII_DTOSTR_BUF_SIZE];
      double along = MIN (i * step_m, length_m);

      g_ascii_formatd (lat, sizeof lat, "%.7f", 52.5);
      g_ascii_formatd (lon, sizeof lon, "%.7f", 13.4 + along * degrees_per_m);
      g_ascii_formatd (ele, sizeof ele, "%.1f", gpx_elevation (along / length_m));
      g_string_append_printf (gpx, "<trkpt lat=\"%s\" lon=\"%s\"><ele>%s</ele><time>%s</time></trkpt>\n",
                              lat, lon, ele, time);
    }
  g_string_append (gpx, "</trkseg></trk>\n</gpx>\n");
  return g_string_free (gpx, FALSE);
}

char *
ui_test_write_gpx (const char *dir,
                   const char *name,
                   const char *start,
                   double      length_m)
{
  g_autofree char *gpx = ui_test_make_gpx (start, length_m);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, gpx, -1, &error);
  g_assert_no_error (error);
  return path;
}

void
ui_test_destroy (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let pending idles (frame clock, toasts) drop their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

guint
ui_test_count_tab_stops (GtkWidget *root)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (root));
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  guint n = 0;

  g_assert_true (GTK_IS_WINDOW (window));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  /* Once round the window: the walk ends where it began, or leaves it. */
  while (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

      if (focus == NULL || g_ptr_array_find (seen, focus, NULL))
        break;
      g_ptr_array_add (seen, focus);
      if (focus == root || gtk_widget_is_ancestor (focus, root))
        n++;
    }
  return n;
}

double
ui_test_top_of (GtkWidget *window,
                GtkWidget *widget)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t out;

  gtk_test_widget_wait_for_draw (window);
  g_assert_true (gtk_widget_compute_point (widget, window, &point, &out));
  return out.y;
}

AdwMessageDialog *
ui_test_find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void ui_test_cues_iface_init (LoadwiseCuesInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UiTestCues, ui_test_cues, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOADWISE_TYPE_CUES, ui_test_cues_iface_init))

static void
ui_test_cues_play (LoadwiseCues *cues,
                   LoadwiseCue   cue)
{
  UiTestCues *self = UI_TEST_CUES (cues);

  g_string_append_printf (self->played, "%s%s", self->played->len > 0 ? " " : "", loadwise_cue_to_string (cue));
}

static void
ui_test_cues_say (LoadwiseCues *cues,
                  const char   *phrase)
{
  UiTestCues *self = UI_TEST_CUES (cues);

  g_string_append_printf (self->said, "%s%s", self->said->len > 0 ? " | " : "", phrase);
}

static void
ui_test_cues_iface_init (LoadwiseCuesInterface *iface)
{
  iface->play = ui_test_cues_play;
  iface->say = ui_test_cues_say;
}

static void
ui_test_cues_finalize (GObject *object)
{
  g_string_free (UI_TEST_CUES (object)->played, TRUE);
  g_string_free (UI_TEST_CUES (object)->said, TRUE);
  G_OBJECT_CLASS (ui_test_cues_parent_class)->finalize (object);
}

static void
ui_test_cues_class_init (UiTestCuesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ui_test_cues_finalize;
}

static void
ui_test_cues_init (UiTestCues *self)
{
  self->played = g_string_new (NULL);
  self->said = g_string_new (NULL);
}

static char *
take (GString *text)
{
  char *taken = g_strdup (text->str);

  g_string_truncate (text, 0);
  return taken;
}

char *
ui_test_cues_take_played (UiTestCues *cues)
{
  return take (cues->played);
}

char *
ui_test_cues_take_said (UiTestCues *cues)
{
  return take (cues->said);
}

GtkWidget *
ui_test_show_window_on (UiFixture   *fixture,
                        const char  *page,
                        GtkWidget  **out_page)
{
  GtkWidget *window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));

  ui_test_show (window);
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", page));
  *out_page = loadwise_window_get_page (LOADWISE_WINDOW (window), page);
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (gtk_widget_get_mapped (*out_page));
  return window;
}
