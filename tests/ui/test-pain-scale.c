/* test-pain-scale.c: the one 0-10 pain control (issue 13)
 *
 * It starts unrated, a click rates and a second click keeps the rating,
 * the keyboard moves it as in a radio group from one Tab stop, a screen
 * reader hears each number and the anchors' meaning, and a real scroll
 * wheel turned over it (xdotool, under Xvfb) scrolls the page behind it
 * and changes nothing.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ui-test-util.h"
#include "ui/loadwise-pain-scale.h"

static guint notified;

static void
on_value_notify (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  notified++;
}

static guint
count_active (LoadwisePainScale *scale)
{
  guint n = 0;

  for (int i = 0; i <= 10; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (loadwise_pain_scale_get_button (scale, i))))
      n++;
  return n;
}

/* The buttons Tab can reach: one, the rated one (or 0 while unrated). */
static int
only_focus_stop (LoadwisePainScale *scale)
{
  int stop = -1;

  for (int i = 0; i <= 10; i++)
    if (gtk_widget_get_focusable (loadwise_pain_scale_get_button (scale, i)))
      {
        g_assert_cmpint (stop, ==, -1);
        stop = i;
      }
  return stop;
}

static gboolean
press_key (LoadwisePainScale *scale,
           guint              keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (scale));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static void
test_starts_unrated_and_rates (void)
{
  GtkWidget *window = gtk_window_new ();
  LoadwisePainScale *scale = LOADWISE_PAIN_SCALE (loadwise_pain_scale_new ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (scale));
  g_signal_connect (scale, "notify::value", G_CALLBACK (on_value_notify), NULL);
  notified = 0;
  ui_test_show (window);

  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, LOADWISE_PAIN_NOT_RATED);
  g_assert_false (loadwise_pain_scale_is_rated (scale));
  g_assert_cmpuint (count_active (scale), ==, 0);
  g_assert_cmpint (only_focus_stop (scale), ==, 0);
  /* Eleven buttons fit a 360 px window inside a card's margins. */
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (scale), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 300);
  }

  /* What a screen reader hears: a radio group of eleven, anchors named. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 3)),
                                   GTK_ACCESSIBLE_ROLE_RADIO);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "0, no pain");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 5)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "5, moderate pain");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 10)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "10, worst pain");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 7)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "7");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 0)),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* A click rates; the focus stop follows. */
  g_signal_emit_by_name (loadwise_pain_scale_get_button (scale, 3), "clicked");
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (count_active (scale), ==, 1);
  g_assert_cmpint (only_focus_stop (scale), ==, 3);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 3)),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);

  /* A second click on it keeps it: never unrated by a double click. */
  g_signal_emit_by_name (loadwise_pain_scale_get_button (scale, 3), "clicked");
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 3);
  g_assert_cmpuint (count_active (scale), ==, 1);

  /* Another click moves it, one button pressed at a time. */
  g_signal_emit_by_name (loadwise_pain_scale_get_button (scale, 8), "clicked");
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 8);
  g_assert_cmpuint (count_active (scale), ==, 1);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (loadwise_pain_scale_get_button (scale, 3)),
                                    GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* Cleared by the owner (a new day's check-in), not by the runner. */
  loadwise_pain_scale_set_value (scale, LOADWISE_PAIN_NOT_RATED);
  g_assert_cmpuint (count_active (scale), ==, 0);
  g_assert_cmpint (only_focus_stop (scale), ==, 0);

  ui_test_destroy (window);
}

static void
test_keyboard (void)
{
  GtkWidget *window = gtk_window_new ();
  LoadwisePainScale *scale = LOADWISE_PAIN_SCALE (loadwise_pain_scale_new ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (scale));
  ui_test_show (window);

  /* From unrated, an arrow starts at 0. */
  g_assert_true (press_key (scale, GDK_KEY_Right));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 0);
  g_assert_true (press_key (scale, GDK_KEY_Right));
  g_assert_true (press_key (scale, GDK_KEY_Up));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 2);
  g_assert_true (press_key (scale, GDK_KEY_Left));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 1);
  g_assert_cmpint (only_focus_stop (scale), ==, 1);
  /* The ends hold. */
  g_assert_true (press_key (scale, GDK_KEY_End));
  g_assert_true (press_key (scale, GDK_KEY_Right));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 10);
  g_assert_true (press_key (scale, GDK_KEY_Home));
  g_assert_true (press_key (scale, GDK_KEY_Down));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 0);
  /* A digit rates at once. */
  g_assert_true (press_key (scale, GDK_KEY_7));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 7);
  g_assert_true (press_key (scale, GDK_KEY_KP_4));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 4);
  /* Tab and letters are someone else's. */
  g_assert_false (press_key (scale, GDK_KEY_Tab));
  g_assert_false (press_key (scale, GDK_KEY_a));
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 4);

  ui_test_destroy (window);
}

#ifdef GDK_WINDOWING_X11
static gboolean
page_scrolled (gpointer data)
{
  return gtk_adjustment_get_value (GTK_ADJUSTMENT (data)) > 0;
}
#endif

/* The bug seen: a page scrolled over the check-in changed its pain. */
static void
test_scroll_changes_nothing (void)
{
#ifdef GDK_WINDOWING_X11
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tall = gtk_label_new ("below");
  LoadwisePainScale *scale = LOADWISE_PAIN_SCALE (loadwise_pain_scale_new ());
  GtkAdjustment *vadjustment;
  GdkSurface *surface;
  graphene_point_t centre;
  graphene_rect_t bounds;
  double dx = 0, dy = 0;
  g_autofree char *window_id = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display (Xvfb) for xdotool");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_widget_set_size_request (tall, -1, 3000);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (scale));
  gtk_box_append (GTK_BOX (box), tall);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  loadwise_pain_scale_set_value (scale, 0);
  ui_test_show (window);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  /* The middle of the 2 button, in the X window's coordinates. */
  g_assert_true (gtk_widget_compute_bounds (loadwise_pain_scale_get_button (scale, 2), window, &bounds));
  graphene_rect_get_center (&bounds, &centre);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  window_id = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  x = g_strdup_printf ("%d", (int) (centre.x + dx));
  y = g_strdup_printf ("%d", (int) (centre.y + dy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", window_id, x, y,
                           "click", "--repeat", "3", "5", NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, &error))
      g_error ("xdotool: %s", error->message);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* The wheel reached the page, which scrolled ... */
  g_assert_true (ui_test_wait_until (page_scrolled, vadjustment, 10000));
  /* ... and the rating is what it was. */
  g_assert_cmpint (loadwise_pain_scale_get_value (scale), ==, 0);
  g_assert_cmpuint (count_active (scale), ==, 1);

  ui_test_destroy (window);
#else
  g_test_skip ("built without GTK's X11 backend");
#endif
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/pain-scale/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/pain-scale/starts-unrated-and-rates", test_starts_unrated_and_rates);
  g_test_add_func ("/ui/pain-scale/keyboard", test_keyboard);
  g_test_add_func ("/ui/pain-scale/scroll-changes-nothing", test_scroll_changes_nothing);
  return g_test_run ();
}
