/* test-progress-page.c: the Progress page over a seeded database (needs a
 * display: xvfb-run; skips without one)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui/loadwise-chart-view.h"
#include "ui/loadwise-progress-page.h"
#include "ui/loadwise-window.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

typedef struct {
  char              *tmpdir;
  LoadwiseDatabase  *db;
  LoadwiseCatalogue *catalogue;
  LoadwiseClock     *clock;
  LoadwiseContext   *context;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 11, 29, 9, 0, 0);
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 56, .seed = 9,
                            .runs = TRUE, .flare = TRUE };

  fixture->tmpdir = loadwise_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "loadwise.db", NULL);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  fixture->clock = loadwise_clock_new_fixed (now);
  fixture->context = loadwise_context_new (fixture->db, fixture->catalogue, fixture->clock);
  /* "day-one": a programme that starts today, with nothing logged. */
  if (g_strcmp0 (data, "day-one") == 0)
    {
      LoadwiseProgramme programme;
      GDate start = loadwise_test_date (2026, 11, 29);
      guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };

      loadwise_programme_init (&programme, &start);
      g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
      g_assert_no_error (error);
    }
  else
    charts_test_seed (fixture->db, fixture->catalogue, &history);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->catalogue, loadwise_catalogue_unref);
  g_assert_finalize_object (fixture->db);
  loadwise_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static GtkWidget *
show_page (Fixture    *fixture,
           GtkWidget **out_page)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = loadwise_progress_page_new (fixture->context);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  *out_page = page;
  return window;
}

static void
collect_views (GtkWidget *widget,
               GPtrArray *views)
{
  if (LOADWISE_IS_CHART_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_views (child, views);
}

static void
destroy (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_charts_shown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  GtkWidget *page = NULL;
  GtkWidget *window = show_page (fixture, &page);
  LoadwiseChartData *chart_data = loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page));
  g_autofree char *from = NULL;

  /* Shown, the page read the programme's weeks. */
  g_assert_nonnull (chart_data);
  g_assert_cmpint (loadwise_progress_page_get_range (LOADWISE_PROGRESS_PAGE (page)), ==,
                   LOADWISE_CHART_RANGE_PROGRAMME);
  from = loadwise_date_to_iso (&chart_data->from);
  g_assert_cmpstr (from, ==, "2026-10-05");

  /* Narrow windows and phones: the page fits 360 px. */
  {
    int minimum = 0;

    gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  collect_views (page, views);
  g_assert_cmpuint (views->len, ==, LOADWISE_N_CHARTS);
  for (guint i = 0; i < views->len; i++)
    {
      LoadwiseChartView *view = g_ptr_array_index (views, i);
      const char *description = loadwise_chart_view_get_description (view);

      g_assert_true (loadwise_chart_view_get_data (view) == chart_data);
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 10);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 200);
    }
  g_assert_true (g_str_has_prefix (loadwise_chart_view_get_description (g_ptr_array_index (views, 0)),
                                   "Morning pain fell from 5 to 2"));

  /* The tooltip has the values of the day under the pointer. */
  {
    LoadwiseChartView *pain = g_ptr_array_index (views, LOADWISE_CHART_PAIN);
    int width = gtk_widget_get_width (GTK_WIDGET (pain));
    g_autofree char *text = loadwise_chart_view_get_text_at (pain, width * 0.5);

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Morning pain: "));
  }

  destroy (window);
}

/* Day 1: a status page says what will fill the page, in place of empty
 * axes and "0 %"; the first thing logged brings the charts. */
static void
test_day_one (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page = NULL;
  GtkWidget *window = show_page (fixture, &page);
  GtkWidget *empty = GTK_WIDGET (gtk_widget_get_template_child (page, LOADWISE_TYPE_PROGRESS_PAGE, "empty_page"));
  GtkWidget *charts = GTK_WIDGET (gtk_widget_get_template_child (page, LOADWISE_TYPE_PROGRESS_PAGE, "charts_box"));
  GDate today = loadwise_test_date (2026, 11, 29);
  LoadwiseCheckin checkin = { .date = today, .morning_pain = 3, .side = LOADWISE_SIDE_LEFT };

  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_false (gtk_widget_get_visible (charts));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "Nothing to Chart Yet");
  g_assert_true (loadwise_chart_data_is_empty (loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page))));

  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_no_error (error);
  loadwise_progress_page_reload (LOADWISE_PROGRESS_PAGE (page));
  g_assert_false (gtk_widget_get_visible (empty));
  g_assert_true (gtk_widget_get_visible (charts));

  destroy (window);
}

static void
test_range_buttons (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = NULL;
  GtkWidget *window = show_page (fixture, &page);
  LoadwiseChartData *chart_data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *all_from = NULL;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (page, "progress.range", "s", "4-weeks"));
  g_assert_cmpint (loadwise_progress_page_get_range (LOADWISE_PROGRESS_PAGE (page)), ==,
                   LOADWISE_CHART_RANGE_4_WEEKS);
  chart_data = loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page));
  from = loadwise_date_to_iso (&chart_data->from);
  to = loadwise_date_to_iso (&chart_data->to);
  g_assert_cmpstr (from, ==, "2026-11-02");
  g_assert_cmpstr (to, ==, "2026-11-29");
  /* The range in words above the charts. */
  button = GTK_WIDGET (gtk_widget_get_template_child (page, LOADWISE_TYPE_PROGRESS_PAGE, "range_label"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (button)), ==, "From 2 Nov 2026 to 29 Nov 2026");

  /* The buttons drive the same action, and show its state. */
  button = GTK_WIDGET (gtk_widget_get_template_child (page, LOADWISE_TYPE_PROGRESS_PAGE, "range_6_months"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (loadwise_progress_page_get_range (LOADWISE_PROGRESS_PAGE (page)), ==,
                   LOADWISE_CHART_RANGE_6_MONTHS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_cmpint (g_date_days_between (&loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page))->from,
                                        &loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page))->to),
                   ==, 182);

  g_assert_true (gtk_widget_activate_action (page, "progress.range", "s", "all"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  chart_data = loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page));
  all_from = loadwise_date_to_iso (&chart_data->from);
  g_assert_cmpstr (all_from, ==, "2026-09-28");
  gtk_test_widget_wait_for_draw (window);

  destroy (window);
}

static void
test_default_range_in_maintenance (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) later = g_date_time_new (zone, 2027, 3, 1, 9, 0, 0);
  GtkWidget *page = NULL;
  GtkWidget *window;
  g_autofree char *from = NULL;

  /* Months after the programme's end, its weeks are old news. */
  loadwise_clock_set_fixed (fixture->clock, later);
  window = show_page (fixture, &page);
  g_assert_cmpint (loadwise_progress_page_get_range (LOADWISE_PROGRESS_PAGE (page)), ==,
                   LOADWISE_CHART_RANGE_6_MONTHS);
  from = loadwise_date_to_iso (&loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page))->from);
  g_assert_cmpstr (from, ==, "2026-08-31");

  destroy (window);
}

static void
test_export_replaces (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->tmpdir, "pain.png", NULL);
  g_autofree char *partial = g_strconcat (pdf, ".partial", NULL);
  g_autoptr (GBytes) bytes = NULL;
  GtkWidget *page = NULL;
  GtkWidget *window = show_page (fixture, &page);

  /* The file chooser asked before replacing: the export replaces. */
  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  g_assert_true (loadwise_progress_page_export_to (LOADWISE_PROGRESS_PAGE (page), "pdf", pdf, &error));
  g_assert_no_error (error);
  bytes = loadwise_test_read_file (pdf);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  g_assert_true (loadwise_progress_page_export_to (LOADWISE_PROGRESS_PAGE (page), "pain:png", png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  destroy (window);
}

static void
test_window_has_page (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  AdwViewStack *stack;
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (window, LOADWISE_TYPE_WINDOW, "view_stack"));
  /* The tab is there from the start; the page is made when first shown
   * (issue 8: start-up builds only what the first frame shows). */
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "progress"));
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "progress"))));
  adw_view_stack_set_visible_child_name (stack, "progress");
  gtk_test_widget_wait_for_draw (window);
  page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "progress")));
  g_assert_true (LOADWISE_IS_PROGRESS_PAGE (page));
  g_assert_true (page == loadwise_window_get_page (LOADWISE_WINDOW (window), "progress"));
  g_assert_nonnull (loadwise_progress_page_get_data (LOADWISE_PROGRESS_PAGE (page)));

  destroy (window);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: set DISPLAY or WAYLAND_DISPLAY (xvfb-run)");
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/charts/progress-page/no-display", test_no_display);
      return g_test_run ();
    }
  /* As the ui suite does: no GL driver whose one-time allocations
   * LeakSanitizer would report, and the same pixels everywhere. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/charts/progress-page/charts-shown", Fixture, NULL, fixture_setup,
              test_charts_shown, fixture_teardown);
  g_test_add ("/charts/progress-page/day-one", Fixture, "day-one", fixture_setup, test_day_one,
              fixture_teardown);
  g_test_add ("/charts/progress-page/range-buttons", Fixture, NULL, fixture_setup,
              test_range_buttons, fixture_teardown);
  g_test_add ("/charts/progress-page/default-range-in-maintenance", Fixture, NULL, fixture_setup,
              test_default_range_in_maintenance, fixture_teardown);
  g_test_add ("/charts/progress-page/export-replaces", Fixture, NULL, fixture_setup,
              test_export_replaces, fixture_teardown);
  g_test_add ("/charts/progress-page/window-has-page", Fixture, NULL, fixture_setup,
              test_window_has_page, fixture_teardown);

  return g_test_run ();
}
