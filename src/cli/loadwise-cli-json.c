/* loadwise-cli-json.c: the JSON that loadwise-cli prints
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "cli/loadwise-cli-json.h"
#include "core/loadwise-red-flags.h"
#include "core/loadwise-types.h"

char *
loadwise_cli_json_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  g_return_val_if_fail (root != NULL, NULL);

  /* Always pretty: scripts and people get the same bytes. */
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
loadwise_cli_json_print (JsonBuilder *builder)
{
  g_autofree char *text = loadwise_cli_json_to_string (builder);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
loadwise_cli_json_add_date (JsonBuilder *builder,
                            const char  *name,
                            const GDate *date)
{
  g_autofree char *iso = loadwise_date_to_iso (date);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, iso);
}

void
loadwise_cli_json_add_string (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
loadwise_cli_json_add_int (JsonBuilder *builder,
                           const char  *name,
                           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
loadwise_cli_json_add_boolean (JsonBuilder *builder,
                               const char  *name,
                               gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
loadwise_cli_json_add_null (JsonBuilder *builder,
                            const char  *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_null_value (builder);
}

void
loadwise_cli_json_add_red_flags (JsonBuilder *builder,
                                 guint        yes_mask)
{
  LoadwiseRedFlagUrgency urgency = loadwise_red_flags_get_mask_urgency (yes_mask);

  if (urgency == LOADWISE_RED_FLAG_URGENCY_NONE)
    {
      loadwise_cli_json_add_null (builder, "red_flag_advice");
      return;
    }

  json_builder_set_member_name (builder, "red_flag_advice");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "yes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    if ((yes_mask & loadwise_red_flag_nth (i)) != 0)
      json_builder_add_string_value (builder, loadwise_red_flag_to_string (loadwise_red_flag_nth (i)));
  json_builder_end_array (builder);
  loadwise_cli_json_add_string (builder, "urgency",
                                urgency == LOADWISE_RED_FLAG_URGENCY_TODAY ? "today" : "soon");
  loadwise_cli_json_add_string (builder, "advice", loadwise_red_flags_get_advice_for (yes_mask));
  json_builder_end_object (builder);
}
