/* loadwise-schedule.h: when reminders are due, as a pure function of now
 *
 * DESIGN.md, "Reminders". The reminder service, `loadwise-cli reminders
 * next` and the tests all ask this one function; nothing here reads a
 * clock or a file. Times are Unix seconds; days and times of day are read
 * in the time zone of the "now" handed in.
 *
 * Daylight saving: a reminder time that does not exist on the day (02:30
 * when Berlin springs forward) fires as much later as the clocks jumped
 * (03:30), so it is neither lost nor early. A time that happens twice (02:30
 * when the clocks go back) fires at its first occurrence, and once: the
 * state kept for each (kind, day) says it has fired.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-programme.h"

G_BEGIN_DECLS

/* Check-ins sort first: on a day when both are due together, the morning
 * pain is what today's session advice is weighed on. */
typedef enum {
  LOADWISE_REMINDER_CHECKIN,
  LOADWISE_REMINDER_SESSION,
} LoadwiseReminderKind;

#define LOADWISE_N_REMINDER_KINDS 2

/* "checkin", "session" */
const char *loadwise_reminder_kind_to_string   (LoadwiseReminderKind  kind);
gboolean    loadwise_reminder_kind_from_string (const char           *text,
                                                LoadwiseReminderKind *out_kind);

#define LOADWISE_REMINDER_SNOOZE_MIN      1
#define LOADWISE_REMINDER_SNOOZE_MAX      240
#define LOADWISE_REMINDER_SNOOZE_DEFAULT  10
#define LOADWISE_REMINDER_SESSION_DEFAULT (18 * 3600)
#define LOADWISE_REMINDER_CHECKIN_DEFAULT (8 * 3600)
/* How far ahead the schedule looks: a week always holds a session day
 * (2-3 a week), and one more day covers the same weekday next week. */
#define LOADWISE_SCHEDULE_DAYS            8
/* A reminder found due this much after its time was missed (the service
 * was not running), rather than woken for on time. */
#define LOADWISE_SCHEDULE_CATCH_UP_GRACE_S 60
/* Check-ins start this many days before the programme: the baseline is the
 * median morning pain of the 7 days before the start (PROGRAMME.md). */
#define LOADWISE_SCHEDULE_CHECKIN_LEAD_DAYS LOADWISE_BASELINE_DAYS

typedef struct {
  gboolean enabled;
  guint    session_time_s;  /* seconds after local midnight, 0-86399 */
  guint    checkin_time_s;  /* seconds after local midnight, 0-86399 */
  guint    snooze_minutes;  /* LOADWISE_REMINDER_SNOOZE_MIN-MAX */
} LoadwiseReminderSettings;

void     loadwise_reminder_settings_init     (LoadwiseReminderSettings       *self);
/* Each field against its range ("snooze-minutes: 0 is outside 1-240"). */
gboolean loadwise_reminder_settings_validate (const LoadwiseReminderSettings *self,
                                              GError                        **error);

/* "HH:MM", or "HH:MM:SS" when the seconds are not 0. Newly allocated. */
char    *loadwise_reminder_format_time       (guint                           time_s);
/* "HH:MM" (00:00-23:59) or "HH:MM:SS" into seconds after midnight; the
 * error names @field. */
gboolean loadwise_reminder_parse_time        (const char                     *field,
                                              const char                     *text,
                                              guint                          *out_time_s,
                                              GError                        **error);

/* What is known about one reminder on one day. A day without a fact is a
 * day with nothing logged and nothing fired. */
typedef struct {
  LoadwiseReminderKind kind;
  GDate                date;
  gboolean             logged;         /* session done, started or skipped; check-in saved */
  gboolean             fired;          /* shown once already */
  gboolean             acted;          /* Start or Skip pressed: nothing more that day */
  gint64               snoozed_until;  /* Unix seconds, 0 when not snoozed */
} LoadwiseReminderFact;

typedef struct {
  LoadwiseReminderKind kind;
  GDate                date;      /* the day it is for */
  gint64               due;       /* Unix seconds */
  gboolean             catch_up;  /* missed: found over a minute after its time */
  gboolean             snoozed;
} LoadwiseDueReminder;

/* The Unix time of @time_s seconds after midnight on @date in @zone, with
 * the daylight-saving rules above. */
gint64   loadwise_schedule_due_time          (GTimeZone                      *zone,
                                              const GDate                    *date,
                                              guint                           time_s);

/* Every reminder still to fire from today (the date of @now in its zone)
 * to LOADWISE_SCHEDULE_DAYS - 1 days ahead, as LoadwiseDueReminder sorted
 * by due time then kind. Rules:
 * - nothing when @settings is off or there is no @programme (NULL);
 * - sessions on the programme's session days only (maintenance days after
 *   the last week), check-ins every day from 7 days before the start;
 * - nothing for what is logged or acted on, nor again once fired, unless
 *   snoozed: then at the end of the snooze;
 * - today's reminder whose time has passed without firing is due at @now
 *   (a catch-up when more than LOADWISE_SCHEDULE_CATCH_UP_GRACE_S late);
 *   earlier days are never caught up;
 * - on a session day whose session time comes before the check-in time,
 *   the check-in is due with the session, so it is answered first. */
GArray  *loadwise_schedule_compute           (const LoadwiseProgramme        *programme,
                                              const LoadwiseReminderSettings *settings,
                                              const LoadwiseReminderFact     *facts,
                                              gsize                           n_facts,
                                              GDateTime                      *now);

G_END_DECLS
