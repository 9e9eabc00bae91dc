/* loadwise-data-folder.h: where the database lives, for all three programs
 *
 * The app, loadwise-cli and loadwise-reminders read the data folder here
 * and nowhere else: $LOADWISE_DATA_DIR when set and not empty; else the
 * folder remembered in $XDG_CONFIG_HOME/LOADWISE_DATA_FOLDER/data-folder.ini
 * ([Data] Folder=, an absolute path); else $XDG_DATA_HOME/LOADWISE_DATA_FOLDER
 * ("loadwise", or "loadwise-devel" in a development build). The key file
 * is what a service started by the session (systemd, autostart, the
 * portal) finds without the environment of whoever turned it on.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder to use, absolute. */
char     *loadwise_data_folder_get             (void);
/* The same without $LOADWISE_DATA_DIR: the remembered folder, else the default. */
char     *loadwise_data_folder_get_remembered  (void);
/* $XDG_CONFIG_HOME/LOADWISE_DATA_FOLDER/data-folder.ini */
char     *loadwise_data_folder_get_config_path (void);
/* Remembers @folder for every program that starts without
 * $LOADWISE_DATA_DIR; NULL, or the default folder, forgets it. */
gboolean  loadwise_data_folder_remember        (const char  *folder,
                                                GError     **error);

G_END_DECLS
