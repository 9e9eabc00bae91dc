/* loadwise-test-util.h: helpers shared by the test programs
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder under the test's temporary directory. */
char    *loadwise_test_make_tmpdir (void);
/* Removes @path and everything below it (for the folders made above). */
void     loadwise_test_rm_rf       (const char *path);
/* A GDate for y-m-d, by value. */
GDate    loadwise_test_date        (int year, int month, int day);
/* The bytes of @path, or NULL when it does not exist. */
GBytes  *loadwise_test_read_file   (const char *path);
/* Whether the two files hold the same bytes (both missing counts as same). */
gboolean loadwise_test_files_equal (const char *a, const char *b);
/* Makes the de_DE.UTF-8 locale under @root with localedef and puts the
 * German catalogue that meson built for the test ($LOADWISE_TEST_MO)
 * where gettext finds it under @root (then LOCPATH=@root and
 * bindtextdomain (GETTEXT_PACKAGE, @root) choose both). FALSE with
 * @out_failure set to why, for the test to fail with: never a skip. */
gboolean loadwise_test_make_german (const char *root, char **out_failure);

G_END_DECLS
