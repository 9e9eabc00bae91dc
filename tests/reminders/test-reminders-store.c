/* test-reminders-store.c: reminder settings and state in the database
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "reminders-test-util.h"
#include "store/loadwise-database-reminders.h"

static void
test_settings_defaults_and_round_trip (RemindersFixture *fixture,
                                       gconstpointer     data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  LoadwiseReminderSettings settings;
  LoadwiseReminderSettings again;

  g_assert_true (loadwise_database_get_reminder_settings (fixture->db, &settings, &error));
  g_assert_no_error (error);
  g_assert_false (settings.enabled);
  g_assert_cmpuint (settings.session_time_s, ==, 18 * 3600);
  g_assert_cmpuint (settings.checkin_time_s, ==, 8 * 3600);
  g_assert_cmpuint (settings.snooze_minutes, ==, 10);

  settings.enabled = TRUE;
  settings.session_time_s = 6 * 3600 + 45 * 60;
  settings.checkin_time_s = 7 * 3600 + 5;
  settings.snooze_minutes = 25;
  g_assert_true (loadwise_database_set_reminder_settings (fixture->db, &settings, &error));
  g_assert_no_error (error);

  /* Readable text in the setting table, so backups and the CLI agree. */
  stored = loadwise_database_get_setting (fixture->db, "reminders.session-time", &error);
  g_assert_cmpstr (stored, ==, "06:45");
  g_clear_pointer (&stored, g_free);
  stored = loadwise_database_get_setting (fixture->db, "reminders.checkin-time", &error);
  g_assert_cmpstr (stored, ==, "07:00:05");

  g_clear_object (&fixture->db);
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_reminder_settings (fixture->db, &again, &error));
  g_assert_true (again.enabled);
  g_assert_cmpuint (again.session_time_s, ==, settings.session_time_s);
  g_assert_cmpuint (again.checkin_time_s, ==, settings.checkin_time_s);
  g_assert_cmpuint (again.snooze_minutes, ==, 25);
}

static void
test_settings_bad (RemindersFixture *fixture,
                   gconstpointer     data)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;

  loadwise_reminder_settings_init (&settings);
  settings.snooze_minutes = 500;
  g_assert_false (loadwise_database_set_reminder_settings (fixture->db, &settings, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "snooze-minutes: 500 is outside 1-240");
  g_clear_error (&error);
  /* Nothing was written. */
  g_assert_null (loadwise_database_get_setting (fixture->db, "reminders.enabled", &error));
  g_assert_no_error (error);

  /* A value another writer left broken names its key. */
  g_assert_true (loadwise_database_set_setting (fixture->db, "reminders.session-time", "25:00", NULL));
  g_assert_false (loadwise_database_get_reminder_settings (fixture->db, &settings, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The stored setting reminders.session-time is not valid: “25:00”");
}

static void
test_facts (RemindersFixture *fixture,
            gconstpointer     data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) facts = NULL;
  GDate start = loadwise_test_date (2026, 6, 1);
  GDate monday = loadwise_test_date (2026, 6, 1);
  GDate tuesday = loadwise_test_date (2026, 6, 2);
  GDate wednesday = loadwise_test_date (2026, 6, 3);
  LoadwiseCheckin checkin = { .date = tuesday, .morning_pain = 2 };
  const LoadwiseReminderFact *fact;

  reminders_test_start_programme (fixture->db, &start, &monday);
  g_assert_true (loadwise_database_set_session_status (fixture->db, &monday,
                                                       LOADWISE_SESSION_STATUS_DONE, NULL, NULL,
                                                       &error));
  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_true (loadwise_database_mark_reminder_fired (fixture->db, LOADWISE_REMINDER_SESSION,
                                                        &wednesday, 1780000000, &error));
  g_assert_true (loadwise_database_snooze_reminder (fixture->db, LOADWISE_REMINDER_CHECKIN,
                                                    &wednesday, 1780000600, &error));
  g_assert_no_error (error);

  facts = loadwise_database_list_reminder_facts (fixture->db, &monday, &wednesday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, 6);

  /* By day, then kind (check-in first). */
  fact = &g_array_index (facts, LoadwiseReminderFact, 0);
  g_assert_cmpint (fact->kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_false (fact->logged);
  fact = &g_array_index (facts, LoadwiseReminderFact, 1);
  g_assert_cmpint (fact->kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_true (fact->logged);
  fact = &g_array_index (facts, LoadwiseReminderFact, 2);
  g_assert_cmpint (g_date_compare (&fact->date, &tuesday), ==, 0);
  g_assert_true (fact->logged);
  fact = &g_array_index (facts, LoadwiseReminderFact, 4);
  g_assert_cmpint (fact->kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpint (fact->snoozed_until, ==, 1780000600);
  g_assert_false (fact->fired);
  g_assert_false (fact->acted);
  fact = &g_array_index (facts, LoadwiseReminderFact, 5);
  g_assert_true (fact->fired);
  g_assert_cmpint (fact->snoozed_until, ==, 0);

  /* Firing again ends the snooze. */
  g_assert_true (loadwise_database_mark_reminder_fired (fixture->db, LOADWISE_REMINDER_CHECKIN,
                                                        &wednesday, 1780000600, &error));
  g_clear_pointer (&facts, g_array_unref);
  facts = loadwise_database_list_reminder_facts (fixture->db, &wednesday, &wednesday, &error);
  fact = &g_array_index (facts, LoadwiseReminderFact, 0);
  g_assert_true (fact->fired);
  g_assert_cmpint (fact->snoozed_until, ==, 0);
}

static void
test_act (RemindersFixture *fixture,
          gconstpointer     data)
{
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) facts = NULL;
  GDate monday = loadwise_test_date (2026, 6, 1);

  reminders_test_start_programme (fixture->db, &monday, &monday);

  g_assert_false (loadwise_database_act_on_reminder (fixture->db, LOADWISE_REMINDER_CHECKIN, &monday,
                                                     LOADWISE_REMINDER_ACTION_SKIP, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "skip: only a session can be skipped");
  g_clear_error (&error);

  g_assert_true (loadwise_database_act_on_reminder (fixture->db, LOADWISE_REMINDER_SESSION, &monday,
                                                    LOADWISE_REMINDER_ACTION_SKIP, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_session (fixture->db, &monday, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_SKIPPED);
  g_assert_cmpstr (record.skip_reason, ==, LOADWISE_REMINDER_SKIP_REASON);

  g_assert_true (loadwise_database_act_on_reminder (fixture->db, LOADWISE_REMINDER_CHECKIN, &monday,
                                                    LOADWISE_REMINDER_ACTION_OPEN, &error));
  facts = loadwise_database_list_reminder_facts (fixture->db, &monday, &monday, &error);
  g_assert_true (g_array_index (facts, LoadwiseReminderFact, 0).acted);
  g_assert_true (g_array_index (facts, LoadwiseReminderFact, 1).acted);
  g_assert_true (g_array_index (facts, LoadwiseReminderFact, 1).logged);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reminders-store/settings", RemindersFixture, NULL,
              reminders_fixture_setup, test_settings_defaults_and_round_trip,
              reminders_fixture_teardown);
  g_test_add ("/reminders-store/settings-bad", RemindersFixture, NULL,
              reminders_fixture_setup, test_settings_bad, reminders_fixture_teardown);
  g_test_add ("/reminders-store/facts", RemindersFixture, NULL,
              reminders_fixture_setup, test_facts, reminders_fixture_teardown);
  g_test_add ("/reminders-store/act", RemindersFixture, NULL,
              reminders_fixture_setup, test_act, reminders_fixture_teardown);

  return g_test_run ();
}
