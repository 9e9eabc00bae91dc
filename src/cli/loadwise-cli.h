/* loadwise-cli.h: the command line tool, as a library the tests can link
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, as documented in `loadwise-cli --help`. */
typedef enum {
  LOADWISE_CLI_EXIT_OK      = 0, /* success */
  LOADWISE_CLI_EXIT_FAILURE = 1, /* runtime failure: damaged or newer database, I/O */
  LOADWISE_CLI_EXIT_USAGE   = 2, /* bad usage or bad input; nothing was changed */
} LoadwiseCliExit;

#define LOADWISE_CLI_ERROR (loadwise_cli_error_quark ())

typedef enum {
  LOADWISE_CLI_ERROR_USAGE,   /* exit 2 */
  LOADWISE_CLI_ERROR_FAILED,  /* exit 1 */
} LoadwiseCliError;

GQuark          loadwise_cli_error_quark     (void);

/* The exit status an error from any layer maps to. */
LoadwiseCliExit loadwise_cli_exit_for_error  (const GError *error);

/* Runs `loadwise-cli ARGV...` (argv[0] is the program name), printing to
 * stdout and stderr; returns the exit status. */
int             loadwise_cli_run             (int           argc,
                                              char        **argv);

G_END_DECLS
