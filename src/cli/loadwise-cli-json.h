/* loadwise-cli-json.h: the JSON that loadwise-cli prints
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Prints the builder's root, pretty (two spaces) and with a final newline,
 * so output is the same on a terminal and in a pipe. */
void loadwise_cli_json_print            (JsonBuilder *builder);
/* Serialises the builder's root the same way, newly allocated. */
char *loadwise_cli_json_to_string       (JsonBuilder *builder);

/* "NAME": "YYYY-MM-DD" */
void loadwise_cli_json_add_date         (JsonBuilder *builder,
                                         const char  *name,
                                         const GDate *date);
/* "NAME": VALUE, or null when @value is NULL. */
void loadwise_cli_json_add_string       (JsonBuilder *builder,
                                         const char  *name,
                                         const char  *value);
void loadwise_cli_json_add_int          (JsonBuilder *builder,
                                         const char  *name,
                                         gint64       value);
void loadwise_cli_json_add_boolean      (JsonBuilder *builder,
                                         const char  *name,
                                         gboolean     value);
void loadwise_cli_json_add_null         (JsonBuilder *builder,
                                         const char  *name);

/* The "red_flag_advice" member of a command's --json: null when no yes stands
 * (@yes_mask 0), else an object with yes (the ids), urgency ("today" or
 * "soon") and advice (loadwise_red_flags_get_advice_for ()). */
void loadwise_cli_json_add_red_flags    (JsonBuilder *builder,
                                         guint        yes_mask);

G_END_DECLS
