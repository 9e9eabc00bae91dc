/* main.c: the loadwise executable
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "ui/loadwise-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (LoadwiseApplication) app = NULL;
  const char *localedir = g_getenv ("LOADWISE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* LOADWISE_LOCALEDIR: an uninstalled build's catalogues (HACKING,
   * "Translations"); else the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = loadwise_application_new (NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
