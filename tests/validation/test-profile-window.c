/* test-profile-window.c: what the runner sees of the build profile
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A development build's main window wears libadwaita's striped header bar
 * (the "devel" style class) and its About says the version with "-devel";
 * a default build shows neither. Both are stated in literals per profile.
 */
#include <string.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-application.h"
#include "ui/loadwise-window.h"

typedef struct {
  char                *dir;
  LoadwiseApplication *app;
} ProfileFixture;

static gboolean
is_development (void)
{
  return strcmp (PROFILE, "development") == 0;
}

static void
profile_fixture_setup (ProfileFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  g_autoptr (GError) error = NULL;
  g_autofree char *test_app_id = NULL;
  static guint n_apps;

  fixture->dir = loadwise_test_make_tmpdir ();
  g_setenv ("LOADWISE_DATA_DIR", fixture->dir, TRUE);
  fixture->app = loadwise_application_new (clock);
  /* The real ID would meet a running Loadwise on the bus, and a
   * registered application outlives its test: one ID each. */
  test_app_id = g_strdup_printf ("%s.TestProfile%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (fixture->app), test_app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
}

static void
profile_fixture_teardown (ProfileFixture *fixture,
                          gconstpointer   data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->app);
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("LOADWISE_DATA_DIR");
}

static void
test_window_style (ProfileFixture *fixture,
                   gconstpointer   data)
{
  GtkWidget *window = NULL;

  g_application_activate (G_APPLICATION (fixture->app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    if (LOADWISE_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_has_css_class (window, "devel") == is_development ());
}

static void
test_about_version (ProfileFixture *fixture,
                    gconstpointer   data)
{
  GList *toplevels;
  AdwAboutWindow *about = NULL;

  g_application_activate (G_APPLICATION (fixture->app));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==,
                   is_development () ? PACKAGE_VERSION "-devel" : PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==,
                   is_development () ? "io.github.loadwise.Loadwise.Devel" : "io.github.loadwise.Loadwise");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/profile/window/display");
      return g_test_run ();
    }

  g_test_add ("/profile/window/style", ProfileFixture, NULL,
              profile_fixture_setup, test_window_style, profile_fixture_teardown);
  g_test_add ("/profile/window/about", ProfileFixture, NULL,
              profile_fixture_setup, test_about_version, profile_fixture_teardown);

  return g_test_run ();
}
