/* loadwise-cli-export.c: `loadwise-cli export`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "charts/loadwise-chart-data.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "report/loadwise-export.h"
#include "report/loadwise-json-backup.h"
#include "report/loadwise-report.h"
#include "store/loadwise-database-progression.h"

/* The size of an exported chart, in pixels at 1x (PNG doubles it). */
#define EXPORT_CHART_WIDTH  1000
#define EXPORT_CHART_HEIGHT 400

typedef enum {
  FORMAT_CSV,
  FORMAT_ICS,
  FORMAT_JSON,
  FORMAT_PDF,
  FORMAT_PNG,
  FORMAT_SVG,
} ExportFormat;

static const char *const format_names[] = { "csv", "ics", "json", "pdf", "png", "svg", NULL };
static const char *const range_names[] = { "4-weeks", "programme", "6-months", "all", NULL };

/* @names is NULL-terminated. */
static gboolean
lookup (const char         *option,
        const char         *text,
        const char * const *names,
        guint              *out_index,
        GError            **error)
{
  g_autofree char *allowed = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out_index = i;
        return TRUE;
      }

  allowed = g_strjoinv (", ", (char **) names);
  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
               _("%s: “%s” is not one of %s"), option, text, allowed);
  return FALSE;
}

static gboolean
is_empty_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

int
loadwise_cli_cmd_export (LoadwiseCli *cli,
                         int          argc,
                         char       **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *chart_text = NULL;
  g_autofree char *range_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("csv, ics, json, pdf, png or svg (required)"), N_("FORMAT") },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The file (a new folder for csv) to write; it must not exist yet (required)"), N_("PATH") },
    { "chart", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &chart_text,
      N_("For png and svg: pain, adherence, levels, runs or sides"), N_("NAME") },
    { "range", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &range_text,
      N_("For png and svg: 4-weeks, programme, 6-months or all (the default)"), N_("RANGE") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseChartKind chart = LOADWISE_CHART_PAIN;
  guint format = 0, range = LOADWISE_CHART_RANGE_ALL;
  GDate today;
  int status;

  if (!loadwise_cli_parse_command ("export", NULL,
                                   _("Export data, a chart, the calendar or the clinician report."),
                                   _("Formats:\n"
                                     "  csv  a new folder with one file per table (RFC 4180, header row)\n"
                                     "  ics  the scheduled sessions as iCalendar; importing it again\n"
                                     "       updates the events instead of adding copies\n"
                                     "  json a full backup, for 'loadwise-cli import'\n"
                                     "  pdf  the report for a physiotherapist or doctor (A4)\n"
                                     "  png, svg  one chart, named with --chart\n"
                                     "An existing file is never overwritten."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (format_text == NULL)
    return loadwise_cli_fail_usage (_("export: --format is required (csv, ics, json, pdf, png or svg)"));
  if (!lookup ("--format", format_text, format_names, &format, &error))
    return loadwise_cli_fail (error);
  if (output == NULL)
    return loadwise_cli_fail_usage (_("export: --output is required"));

  if (format == FORMAT_PNG || format == FORMAT_SVG)
    {
      if (chart_text == NULL)
        return loadwise_cli_fail_usage (_("export: --chart is required with --format %s "
                                          "(pain, adherence, levels, runs or sides)"),
                                        format_text);
      if (!loadwise_chart_kind_from_string (chart_text, &chart))
        return loadwise_cli_fail_usage (_("--chart: “%s” is not one of pain, adherence, levels, runs, sides"),
                                        chart_text);
      if (range_text != NULL
          && !lookup ("--range", range_text, range_names, &range, &error))
        return loadwise_cli_fail (error);
    }
  else if (chart_text != NULL || range_text != NULL)
    return loadwise_cli_fail_usage (_("export: --chart and --range go only with --format png or svg"));

  if (g_file_test (output, G_FILE_TEST_EXISTS)
      && !(format == FORMAT_CSV && g_file_test (output, G_FILE_TEST_IS_DIR) && is_empty_dir (output)))
    return loadwise_cli_fail_usage (_("--output: %s already exists; choose a new name"), output);

  if (!loadwise_cli_database_exists (cli))
    {
      LoadwiseProgramme unused;

      /* Nothing to export, and no reason to create an empty file. */
      loadwise_cli_get_programme (cli, NULL, &unused, &error);
      return loadwise_cli_fail (error);
    }
  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL)
    return loadwise_cli_fail (error);
  catalogue = loadwise_catalogue_load_default (&error);
  if (catalogue == NULL)
    return loadwise_cli_fail (error);

  now = loadwise_clock_get_now (cli->clock);
  loadwise_clock_get_today (cli->clock, &today);

  if (format != FORMAT_CSV && format != FORMAT_JSON)
    {
      LoadwiseProgramme programme;

      /* The store works the decisions out for the CLI's today itself. */
      if (!loadwise_cli_get_programme (cli, database, &programme, &error))
        return loadwise_cli_fail (error);
    }

  switch ((ExportFormat) format)
    {
    case FORMAT_CSV:
      if (!loadwise_export_csv (database, output, &error))
        return loadwise_cli_fail (error);
      break;
    case FORMAT_JSON:
      if (!loadwise_json_backup_export (database, output, now, FALSE, &error))
        return loadwise_cli_fail (error);
      break;
    case FORMAT_ICS:
      if (!loadwise_export_ics (database, catalogue, now, output, &error))
        return loadwise_cli_fail (error);
      break;
    case FORMAT_PDF:
      if (!loadwise_report_write_pdf (database, catalogue, &today, output, &error))
        return loadwise_cli_fail (error);
      break;
    case FORMAT_PNG:
    case FORMAT_SVG:
    default:
      {
        g_autoptr (LoadwiseChartData) data = NULL;
        GDate from, to;

        if (!loadwise_chart_range_resolve (range, database, &today, &from, &to, &error))
          return loadwise_cli_fail (error);
        data = loadwise_chart_data_load (database, catalogue, &from, &to, &error);
        if (data == NULL
            || !loadwise_export_chart (data, chart,
                                       format == FORMAT_PNG ? LOADWISE_CHART_FORMAT_PNG
                                                            : LOADWISE_CHART_FORMAT_SVG,
                                       EXPORT_CHART_WIDTH, EXPORT_CHART_HEIGHT, output, &error))
          return loadwise_cli_fail (error);
      }
      break;
    }

  g_print (_("Exported to %s\n"), output);
  return LOADWISE_CLI_EXIT_OK;
}
