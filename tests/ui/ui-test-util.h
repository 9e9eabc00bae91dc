/* ui-test-util.h: shared set-up for the widget tests
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ui/loadwise-context.h"
#include "ui/loadwise-cues.h"

G_BEGIN_DECLS

typedef struct {
  char              *dir;
  char              *path;
  LoadwiseDatabase  *database;
  LoadwiseCatalogue *catalogue;
  LoadwiseClock     *clock;
  LoadwiseContext   *context;    /* the three above, as the widgets take them */
} UiFixture;

/* gtk_test_init () when there is a display and TRUE; without one only
 * g_test_init () and FALSE: then register ui_test_add_skip () alone. */
gboolean   ui_test_init             (int          *argc,
                                     char       ***argv);
/* A test that skips, saying there is no display. */
void       ui_test_add_skip         (const char   *path);

/* A temporary folder with an empty database, the default catalogue and a
 * clock fixed at Wednesday 2026-11-25 09:00 Europe/Berlin. */
void       ui_fixture_setup         (UiFixture     *fixture,
                                     gconstpointer  data);
/* Checks the database is finalized (no widget kept it) and removes the folder. */
void       ui_fixture_teardown      (UiFixture     *fixture,
                                     gconstpointer  data);
/* Sets the fixed clock to @year-@month-@day 09:00 in Europe/Berlin. */
void       ui_fixture_set_today     (UiFixture     *fixture,
                                     int            year,
                                     int            month,
                                     int            day);
/* Stores a programme starting on @year-@month-@day (Mon/Wed/Fri, 8
 * weeks, pain 3/5) with every family at @level. */
void       ui_fixture_add_programme (UiFixture     *fixture,
                                     int            year,
                                     int            month,
                                     int            day,
                                     guint          level);

/* The first widget below @root (itself included) named @name, or of @type. */
GtkWidget *ui_test_find_named       (GtkWidget     *root,
                                     const char    *name);
GtkWidget *ui_test_find_type        (GtkWidget     *root,
                                     GType          type);
/* Presents @window, waits until it has been drawn, then runs what that
 * first frame set off (Today builds its lower cards then). */
void       ui_test_show             (GtkWidget     *window);
/* Runs what is pending on the main loop: the context's news ("changed",
 * "day-changed") reaches the pages from an idle, just before the next frame. */
void       ui_test_flush            (void);
/* Iterates the main loop until @done (@data) answers TRUE, at most
 * @bound_ms (a bound only: tests never time with it); returns @done's answer. */
gboolean   ui_test_wait_until       (gboolean     (*done) (gpointer data),
                                     gpointer       data,
                                     guint          bound_ms);
/* A recorded run as a GPX 1.1 document (issue 14): from @start (UTC, ISO
 * 8601) due east at 3 m/s, a point every 5 s, over @length_m; flat at
 * 100 m, up 50 m from 20% to 40% of the way, down 70 m by 70%, flat after
 * (climb 50 m, descent 70 m). */
#define UI_TEST_GPX_CLIMB_M   50.0
#define UI_TEST_GPX_DESCENT_M 70.0
char      *ui_test_make_gpx         (const char   *start,
                                     double        length_m);
/* Writes it to DIR/NAME; returns the path. */
char      *ui_test_write_gpx        (const char   *dir,
                                     const char   *name,
                                     const char   *start,
                                     double        length_m);

/* How many times Tab stops inside @root, walking the Tab order of its
 * window from the start as the keyboard does (gtk_widget_child_focus). */
guint      ui_test_count_tab_stops  (GtkWidget     *root);

/* Destroys @window and asserts that it is finalized. */
/* The message dialog shown (the last one listed when there are several),
 * or NULL. */
AdwMessageDialog *ui_test_find_message_dialog (void);
/* Where @widget starts in @window, once @window is drawn. */
double     ui_test_top_of           (GtkWidget     *window,
                                     GtkWidget     *widget);
void       ui_test_destroy          (GtkWidget     *window);

/* The main window, shown, on @page ("runs", "progress"...) as a runner
 * sees it, with the page mapped; *@out_page is the page. */
GtkWidget *ui_test_show_window_on   (UiFixture     *fixture,
                                     const char    *page,
                                     GtkWidget    **out_page);

/* Cues for the guided session that only write down what they were asked
 * to play ("rep rep switch-sides ...") and to say ("Left side. Set 1 of
 * 3. 8 reps | 1 | 2 ..."). */
#define UI_TEST_TYPE_CUES (ui_test_cues_get_type ())
G_DECLARE_FINAL_TYPE (UiTestCues, ui_test_cues, UI_TEST, CUES, GObject)

struct _UiTestCues
{
  GObject  parent_instance;
  GString *played;
  GString *said;
};

/* What was played, or said, since the last look; newly allocated. */
char      *ui_test_cues_take_played (UiTestCues *cues);
char      *ui_test_cues_take_said   (UiTestCues *cues);

G_END_DECLS
