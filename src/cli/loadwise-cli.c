/* loadwise-cli.c: the loadwise-cli executable
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli/loadwise-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* In the C locale (a cron job, a bare container) GOption would read every
   * argument as ASCII and refuse "--reason Müde". The text loadwise-cli
   * takes and prints is UTF-8 there, as Python 3.7 does (PEP 538); a real
   * 8-bit locale such as de_DE.ISO-8859-1 is left to convert as it should. */
  if (strcmp (nl_langinfo (CODESET), "ANSI_X3.4-1968") == 0)
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return loadwise_cli_run (argc, argv);
}
