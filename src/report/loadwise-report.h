/* loadwise-report.h: the report a runner hands to a clinician
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-file.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* Writes the clinician report as an A4 PDF (one or two pages): the
 * programme and current levels, pain against the baseline, adherence,
 * levels and the weekly decisions, running load, left and right, the
 * red-flag screening and the "does not diagnose" line; each chart with
 * its trend in words. The period runs from the week before the start
 * (the baseline), or 26 weeks back at most, to @today. Refuses to
 * overwrite @path (G_IO_ERROR_EXISTS). Written whole or not at all, 0600
 * (see core/loadwise-file.h). */
gboolean loadwise_report_write_pdf (LoadwiseDatabase        *database,
                                    const LoadwiseCatalogue *catalogue,
                                    const GDate             *today,
                                    const char              *path,
                                    GError                 **error);
/* The same into @file, which the caller commits (or frees to abort). */
gboolean loadwise_report_write_pdf_to_file (LoadwiseDatabase        *database,
                                            const LoadwiseCatalogue *catalogue,
                                            const GDate             *today,
                                            LoadwiseAtomicFile      *file,
                                            GError                 **error);

G_END_DECLS
