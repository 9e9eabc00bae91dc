/* loadwise-today-page.c
 *
 * Everything shown comes from the database, read again after every
 * commit (this window's, the CLI's, the reminder service's) and when the
 * day changes: the context's "changed" and "day-changed". A refresh reads
 * the database once for the whole page; while hidden, the page only notes
 * that it is out of date and reads when shown again.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-today-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/loadwise-red-flags.h"
#include "core/loadwise-session.h"
#include "core/loadwise-text.h"
#include "ui/loadwise-checkin-card.h"
#include "ui/loadwise-exercise-card.h"
#include "ui/loadwise-flare-panel.h"
#include "ui/loadwise-focus-keeper.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-red-flag-questions.h"
#include "ui/loadwise-week-card.h"
#include "store/loadwise-database-progression.h"

struct _LoadwiseTodayPage
{
  GtkWidget          parent_instance;
  GtkWidget         *root;

  LoadwiseContext   *context;
  GtkWidget         *checkin_card;
  guint              below_fold_idle;
  GtkWidget         *flare_panel;
  gboolean           dirty;
  char              *shown_note;  /* the stored note last put in note_row */
  GDate              shown_date;  /* of the session shown */
  guint              red_flag_mask;
  const char        *state;
  LoadwisePrescription prescription;

  GtkLabel          *date_label;
  GtkLabel          *week_label;
  GtkWidget         *red_flag_box;
  GtkLabel          *advice_label;
  GtkBox            *checkin_box;
  GtkBox            *week_box;
  GtkWidget         *week_card;
  GtkWidget         *week_notes;
  GtkStack          *session_stack;
  GtkLabel          *status_label;
  GtkBox            *exercises_box;
  gboolean           session_done;   /* Finish saves the note without asking */
  AdwEntryRow       *note_row;
  GtkButton         *finish_button;
  GtkWidget         *skip_button;
  GtkLabel          *rest_label;
  GtkLabel          *before_label;
};

G_DEFINE_FINAL_TYPE (LoadwiseTodayPage, loadwise_today_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_today_page_new (LoadwiseContext *context)
{
  return g_object_new (LOADWISE_TYPE_TODAY_PAGE,
                       "context", context,
                       NULL);
}

const char *
loadwise_today_page_get_state (LoadwiseTodayPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_TODAY_PAGE (self), NULL);

  return self->state;
}

static void
toast (LoadwiseTodayPage *self,
       const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

/* "Wednesday 25 November" in the locale's words. */
static char *
format_date (const GDate *date)
{
  g_autoptr (GDateTime) datetime = g_date_time_new_local (g_date_get_year (date),
                                                          g_date_get_month (date),
                                                          g_date_get_day (date),
                                                          12, 0, 0);

  /* Translators: a date as strftime() writes it; keep the day name. */
  return g_date_time_format (datetime, _("%A %-d %B"));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Set logs done today out of those prescribed. */
static void
count_sets (LoadwiseTodayPage *self,
            const GDate       *today,
            guint             *out_done,
            guint             *out_total)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;

  *out_done = 0;
  *out_total = 0;
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    *out_total += loadwise_prescribed_exercise_total_sets (&self->prescription.exercises[family]);

  sets = loadwise_database_list_sets (loadwise_context_get_database (self->context), today, &error);
  for (guint i = 0; sets != NULL && i < sets->len; i++)
    if (((LoadwiseSetLog *) g_ptr_array_index (sets, i))->done)
      (*out_done)++;
}

/* @load_note: also show the stored note (not while the runner may be
 * typing one, as when a tick changes). */
static void
update_status (LoadwiseTodayPage *self,
               const GDate       *today,
               gboolean           load_note)
{
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  guint done;
  guint total;

  if (!loadwise_database_get_session (loadwise_context_get_database (self->context),
                                      today,
                                      &record,
                                      &error))
    {
      toast (self, error->message);
      return;
    }

  count_sets (self, today, &done, &total);
  switch (record.status)
    {
    case LOADWISE_SESSION_STATUS_IN_PROGRESS:
      /* Translators: e.g. "In progress: 3 of 18 sets done". */
      status = g_strdup_printf (ngettext ("In progress: %u of %u set done",
                                          "In progress: %u of %u sets done", total),
                                done, total);
      break;

    case LOADWISE_SESSION_STATUS_DONE:
      /* Translators: e.g. "Done: 18 of 18 sets. You can still ...". */
      status = g_strdup_printf (ngettext ("Done: %u of %u set. You can still change the ticks, pain and note.",
                                          "Done: %u of %u sets. You can still change the ticks, pain and note.",
                                          total),
                                done, total);
      break;

    case LOADWISE_SESSION_STATUS_SKIPPED:
      if (record.skip_reason != NULL && *record.skip_reason != '\0')
        /* Translators: %s is the reason the runner gave. */
        status = g_strdup_printf (_("Skipped: %s"), record.skip_reason);
      else
        status = g_strdup (_("Skipped"));
      break;

    case LOADWISE_SESSION_STATUS_NONE:
    default:
      status = g_strdup (_("Tick each set as you finish it."));
      break;
    }

  gtk_label_set_label (self->status_label, status);
  self->session_done = record.status == LOADWISE_SESSION_STATUS_DONE;
  gtk_button_set_label (self->finish_button,
                        record.status == LOADWISE_SESSION_STATUS_DONE ? _("_Save Note")
                                                                      : _("_Finish Session"));
  gtk_widget_set_visible (self->skip_button,
                          record.status != LOADWISE_SESSION_STATUS_DONE &&
                          record.status != LOADWISE_SESSION_STATUS_SKIPPED);
  /* Not over a note being typed: only when the entry still shows the
   * stored note it was given (or on a new day). */
  if (load_note
      || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                    self->shown_note != NULL ? self->shown_note : "") == 0)
    {
      g_free (self->shown_note);
      self->shown_note = g_strdup (record.note != NULL ? record.note : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->shown_note);
    }
}

static gboolean
same_prescription (const LoadwisePrescription *a,
                   const LoadwisePrescription *b)
{
  if (g_date_compare (&a->date, &b->date) != 0)
    return FALSE;
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    {
      const LoadwisePrescribedExercise *x = &a->exercises[family];
      const LoadwisePrescribedExercise *y = &b->exercises[family];

      if (x->exercise != y->exercise || x->level != y->level || x->sets != y->sets
          || x->n_sides != y->n_sides || x->target_reps != y->target_reps
          || x->target_hold_s != y->target_hold_s)
        return FALSE;
    }
  return TRUE;
}

static void
show_session (LoadwiseTodayPage          *self,
              const LoadwisePrescription *prescription)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GHashTable) pains = NULL;

  sets = loadwise_database_list_sets (loadwise_context_get_database (self->context),
                                      &prescription->date,
                                      &error);
  if (sets == NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  pains = loadwise_database_get_exercise_pains (loadwise_context_get_database (self->context),
                                                &prescription->date,
                                                &error);
  if (pains == NULL)
    toast (self, error->message);

  if (g_strcmp0 (self->state, "session") == 0 && same_prescription (&self->prescription, prescription))
    {
      /* The same exercises: the cards stay (with the keyboard focus), and
       * show what is stored now. */
      for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
           card != NULL;
           card = gtk_widget_get_next_sibling (card))
        loadwise_exercise_card_update (LOADWISE_EXERCISE_CARD (card), sets, pains);
    }
  else
    {
      self->prescription = *prescription;
      clear_box (self->exercises_box);
      for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
        gtk_box_append (self->exercises_box,
                        loadwise_exercise_card_new (self->context,
                                                    &prescription->date,
                                                    &prescription->exercises[family],
                                                    sets, pains));
    }

  update_status (self, &prescription->date,
                 !g_date_valid (&self->shown_date)
                 || g_date_compare (&self->shown_date, &prescription->date) != 0);
  self->shown_date = prescription->date;
  self->state = "session";
  gtk_stack_set_visible_child_name (self->session_stack, "session");
}

/* Start-up (issue 13): the week's levels and the check-in sit below the
 * fold, and shaping their text is most of what Today costs before its
 * first frame. They are built once that frame is painted, or at once when
 * something asks for them first. */
static void
reload_below_fold (LoadwiseTodayPage *self)
{
  if (self->checkin_card != NULL)
    loadwise_checkin_card_reload (LOADWISE_CHECKIN_CARD (self->checkin_card));
  if (self->week_card != NULL)
    loadwise_week_card_reload (LOADWISE_WEEK_CARD (self->week_card));
}

static void
ensure_below_fold (LoadwiseTodayPage *self)
{
  if (self->checkin_card != NULL)
    return;
  self->checkin_card = loadwise_checkin_card_new (self->context);
  gtk_box_append (self->checkin_box, self->checkin_card);
  self->week_card = loadwise_week_card_new (self->context, LOADWISE_WEEK_CARD_LEVELS);
  gtk_box_append (self->week_box, self->week_card);
  reload_below_fold (self);
}

static gboolean
build_below_fold (gpointer user_data)
{
  LoadwiseTodayPage *self = user_data;

  self->below_fold_idle = 0;
  ensure_below_fold (self);
  return G_SOURCE_REMOVE;
}

/* Not in the frame's own signal: the frame is out first, whatever else
 * waits on that signal. */
static void
on_first_frame (GdkFrameClock     *clock,
                LoadwiseTodayPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->checkin_card == NULL && self->below_fold_idle == 0)
    self->below_fold_idle = g_idle_add (build_below_fold, self);
}

static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);

  g_signal_handlers_disconnect_by_func (widget, on_map, user_data);
  if (self->checkin_card == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame), self, 0);
}

static void
reload_now (LoadwiseTodayPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *week_text = NULL;
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  GDate today;
  GDate flag_date;
  gboolean flags_found = FALSE;
  int week;

  self->dirty = FALSE;
  now = loadwise_clock_get_now (loadwise_context_get_clock (self->context));
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  /* Translators: today's date as strftime() writes it, e.g. "Wednesday 25 November". */
  date_text = g_date_time_format (now, _("%A %-d %B"));
  gtk_label_set_label (self->date_label, date_text);

  /* PROGRAMME.md, "Red flags": any yes stays visible until answered no. */
  self->red_flag_mask = 0;
  if (!loadwise_database_get_red_flags (loadwise_context_get_database (self->context),
                                        &flag_date,
                                        &self->red_flag_mask,
                                        &flags_found, &error))
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  if (!flags_found)
    self->red_flag_mask = 0;
  /* Worded for the most urgent yes that stands (issue 12). */
  if (self->red_flag_mask != 0)
    gtk_label_set_label (self->advice_label, loadwise_red_flags_get_advice_for (self->red_flag_mask));
  gtk_widget_set_visible (self->red_flag_box, self->red_flag_mask != 0);

  /* This week's decision, as the store derived it. */
  loadwise_week_card_reload (LOADWISE_WEEK_CARD (self->week_notes));
  reload_below_fold (self);
  loadwise_flare_panel_reload (LOADWISE_FLARE_PANEL (self->flare_panel));

  if (!loadwise_database_get_programme (loadwise_context_get_database (self->context),
                                        &programme,
                                        &error))
    {
      if (!g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        toast (self, error->message);
      gtk_label_set_label (self->week_label, "");
      self->state = "empty";
      gtk_stack_set_visible_child_name (self->session_stack, "empty");
      return;
    }

  week = loadwise_programme_get_week (&programme, &today);
  if (week <= 0)
    {
      g_autofree char *start = format_date (&programme.start);
      g_autofree char *before = NULL;

      /* Translators: %s is a date, e.g. "Monday 30 November". */
      before = g_strdup_printf (_("Your programme starts on %s."), start);
      gtk_label_set_label (self->before_label, before);
      gtk_label_set_label (self->week_label, _("Not started yet"));
      self->state = "before";
      gtk_stack_set_visible_child_name (self->session_stack, "before");
      return;
    }

  if (loadwise_programme_is_maintenance (&programme, &today))
    week_text = g_strdup (_("Maintenance"));
  else
    /* Translators: e.g. "Week 2 of 8". */
    week_text = g_strdup_printf (_("Week %d of %u"), week, programme.weeks);
  gtk_label_set_label (self->week_label, week_text);

  /* The levels and targets the weekly decisions stored. */
  if (!loadwise_database_prescribe (loadwise_context_get_database (self->context),
                                    loadwise_context_get_catalogue (self->context),
                                    &programme,
                                    &today,
                                    &prescription,
                                    &error))
    {
      if (error != NULL)
        toast (self, error->message);
      self->state = "empty";
      gtk_stack_set_visible_child_name (self->session_stack, "empty");
      return;
    }

  if (!prescription.is_session)
    {
      g_autofree char *next = format_date (&prescription.next_session);
      g_autofree char *text = NULL;

      /* Translators: %s is a date, e.g. "Friday 27 November". */
      text = g_strdup_printf (_("Next session: %s"), next);
      gtk_label_set_label (self->rest_label, text);
      self->state = "rest";
      gtk_stack_set_visible_child_name (self->session_stack, "rest");
      return;
    }

  show_session (self, &prescription);
}

void
loadwise_today_page_reload (LoadwiseTodayPage *self)
{
  LoadwiseFocusKeeper keeper;

  g_return_if_fail (LOADWISE_IS_TODAY_PAGE (self));

  /* A refresh can rebuild the control that has the keyboard focus (a
   * card of a new prescription, a row of the week's decisions, a flare
   * card's button). Not the note or the check-in, which are never
   * rebuilt (and would select their text). */
  if (!loadwise_focus_keeper_release (&keeper, GTK_WIDGET (self->exercises_box)) &&
      !loadwise_focus_keeper_release (&keeper, self->week_card) &&
      !loadwise_focus_keeper_release (&keeper, self->week_notes))
    loadwise_focus_keeper_release (&keeper, self->flare_panel);

  reload_now (self);

  loadwise_focus_keeper_restore (&keeper, GTK_WIDGET (self));
}

static void
current_date (LoadwiseTodayPage *self,
              GDate             *out_date)
{
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), out_date);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loadwise_today_page_reload (LOADWISE_TODAY_PAGE (widget));
}

static void
sets_changed_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  GDate today;

  current_date (self, &today);
  update_status (self, &today, FALSE);
}

/* A change of today's session or screening, as kept until written. */
typedef struct {
  GDate                 date;
  LoadwiseSessionStatus status;
  char                 *note;
  char                 *skip_reason;
  guint                 red_flags;
} TodayWrite;

static void
today_write_free (gpointer data)
{
  TodayWrite *write = data;

  g_free (write->note);
  g_free (write->skip_reason);
  g_free (write);
}

static gboolean
write_status (LoadwiseDatabase  *database,
              gpointer           data,
              GError           **error)
{
  TodayWrite *write = data;

  return loadwise_database_set_session_status (database, &write->date, write->status,
                                               write->note, write->skip_reason, error);
}

static void
on_status_written (GtkWidget    *widget,
                   const GError *error,
                   gpointer      data)
{
  TodayWrite *write = data;

  if (widget == NULL)
    return;
  if (error != NULL)
    toast (LOADWISE_TODAY_PAGE (widget), error->message);
  else if (write->status == LOADWISE_SESSION_STATUS_DONE)
    toast (LOADWISE_TODAY_PAGE (widget), _("Session saved"));
  else
    toast (LOADWISE_TODAY_PAGE (widget), _("Today is marked as skipped. It does not count as a miss."));
}

static void
finish_session (LoadwiseTodayPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autoptr (GError) error = NULL;
  g_autofree char *clean = NULL;
  TodayWrite *write;

  /* The store's own check, under the field's name, before anything is
   * written: the note stays in its field to be shortened or fixed. */
  if (!loadwise_text_validate (_("Note"), note, -1, LOADWISE_TEXT_NOTE, &clean, &error))
    {
      toast (self, error->message);
      return;
    }

  write = g_new0 (TodayWrite, 1);
  current_date (self, &write->date);
  write->status = LOADWISE_SESSION_STATUS_DONE;
  write->note = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
  /* The note saved is the one shown: a refresh may put it back. */
  if (write->note != NULL)
    {
      g_free (self->shown_note);
      self->shown_note = g_strdup (write->note);
    }
  loadwise_context_write (self->context, widget, write_status, write, today_write_free,
                          on_status_written);
}

static void
on_finish_dialog_response (AdwMessageDialog  *dialog,
                           const char        *response,
                           LoadwiseTodayPage *self)
{
  if (g_strcmp0 (response, "finish") == 0)
    finish_session (self);
}

/* What Finish would leave out: "2 exercises have no pain rating." and the
 * like, or NULL when every set is ticked and every pain rated. */
static char *
describe_gaps (LoadwiseTodayPage *self)
{
  guint unrated = 0, unticked = 0;
  GString *text;

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->exercises_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      gboolean all_ticked, rated;

      if (!LOADWISE_IS_EXERCISE_CARD (card))
        continue;
      loadwise_exercise_card_get_progress (LOADWISE_EXERCISE_CARD (card), &all_ticked, &rated);
      unticked += !all_ticked;
      unrated += !rated;
    }
  if (unrated == 0 && unticked == 0)
    return NULL;

  text = g_string_new (NULL);
  if (unrated > 0)
    g_string_append_printf (text, ngettext ("%u exercise has no pain rating.",
                                            "%u exercises have no pain rating.", unrated),
                            unrated);
  if (unticked > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u exercise has sets not ticked.",
                                              "%u exercises have sets not ticked.", unticked),
                              unticked);
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("The weekly decision reads only what is logged. You can still change it today."));
  return g_string_free (text, FALSE);
}

/* Finish Session asks once, in one dialog, when something is not ticked
 * or not rated (issue 13); Save Note on a finished day never asks. */
static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  g_autofree char *gaps = NULL;
  GtkWidget *dialog;

  if (self->session_done || (gaps = describe_gaps (self)) == NULL)
    {
      finish_session (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Finish the Session?"), gaps);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Back to the Session"),
                                    "finish", _("_Finish Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finish_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  TodayWrite *write;

  if (!loadwise_text_validate (_("Reason"), g_variant_get_string (parameter, NULL), -1,
                               LOADWISE_TEXT_SKIP_REASON, &reason, &error))
    {
      toast (self, error->message);
      return;
    }

  write = g_new0 (TodayWrite, 1);
  current_date (self, &write->date);
  write->status = LOADWISE_SESSION_STATUS_SKIPPED;
  write->skip_reason = *reason != '\0' ? g_steal_pointer (&reason) : NULL;
  loadwise_context_write (self->context, widget, write_status, write, today_write_free,
                          on_status_written);
}

static void
on_skip_dialog_response (AdwMessageDialog  *dialog,
                         const char        *response,
                         LoadwiseTodayPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "skip") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "today.skip", "s",
                                gtk_editable_get_text (entry));
}

static void
ask_skip_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Skip Today?"),
                                   _("A skipped day, for illness or travel say, is not counted as a miss. What got in the way?"));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for skipping"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip Today"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_skip_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
write_red_flags (LoadwiseDatabase  *database,
                 gpointer           data,
                 GError           **error)
{
  TodayWrite *write = data;

  return loadwise_database_save_red_flags (database, &write->date, write->red_flags, error);
}

static void
on_written (GtkWidget    *widget,
            const GError *error,
            gpointer      data)
{
  if (widget != NULL && error != NULL)
    toast (LOADWISE_TODAY_PAGE (widget), error->message);
}

static void
save_red_flags_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  TodayWrite *write = g_new0 (TodayWrite, 1);

  current_date (self, &write->date);
  write->red_flags = g_variant_get_uint32 (parameter);
  loadwise_context_write (self->context, widget, write_red_flags, write, today_write_free,
                          on_written);
}

static void
on_red_flags_dialog_response (AdwMessageDialog  *dialog,
                              const char        *response,
                              LoadwiseTodayPage *self)
{
  LoadwiseRedFlagQuestions *questions =
    LOADWISE_RED_FLAG_QUESTIONS (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "today.save-red-flags", "u",
                                loadwise_red_flag_questions_get_yes_mask (questions));
}

static void
answer_red_flags_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *questions = loadwise_red_flag_questions_new ();

  loadwise_red_flag_questions_set_yes_mask (LOADWISE_RED_FLAG_QUESTIONS (questions),
                                            self->red_flag_mask);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Safety Questions"),
                                   _("Answer each one for how things are now."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), questions);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Answers"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_red_flags_dialog_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loadwise_today_page_map (GtkWidget *widget)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (widget);

  /* Read before the children map, so the first frame is current. */
  if (self->dirty)
    loadwise_today_page_reload (self);

  GTK_WIDGET_CLASS (loadwise_today_page_parent_class)->map (widget);
}

/* One read per batch of news; none while hidden. */
static void
refresh (LoadwiseTodayPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    loadwise_today_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
on_context_changed (LoadwiseContext   *context,
                    guint              what,
                    LoadwiseTodayPage *self)
{
  refresh (self);
}

static void
on_context_day_changed (LoadwiseContext   *context,
                        LoadwiseTodayPage *self)
{
  refresh (self);
}

gboolean
loadwise_today_page_focus_checkin (LoadwiseTodayPage *self)
{
  g_return_val_if_fail (LOADWISE_IS_TODAY_PAGE (self), FALSE);

  ensure_below_fold (self);
  if (!gtk_widget_is_visible (self->checkin_card))
    return FALSE;
  loadwise_checkin_card_focus (LOADWISE_CHECKIN_CARD (self->checkin_card));
  return TRUE;
}

static void
loadwise_today_page_constructed (GObject *object)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (object);

  G_OBJECT_CLASS (loadwise_today_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  /* The week's levels and the check-in come after the first frame. */
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  /* Flare suggestion or mode, the return-to-run note and tips, above the
   * check-in (issue 4). */
  self->flare_panel = loadwise_flare_panel_new (self->context);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->checkin_box))),
                              self->flare_panel, self->red_flag_box);
  /* Then the clinician prompt and the weekly safety check: the day's
   * status, all of it above the session (issue 13). */
  self->week_notes = loadwise_week_card_new (self->context, LOADWISE_WEEK_CARD_NOTES);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->checkin_box))),
                              self->week_notes, self->flare_panel);

  gtk_label_set_label (self->advice_label, loadwise_red_flags_get_advice ());

  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed), self, 0);
  g_signal_connect_object (self->context, "day-changed", G_CALLBACK (on_context_day_changed), self, 0);
  loadwise_today_page_reload (self);
}

static void
loadwise_today_page_dispose (GObject *object)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (object);

  /* Disposed is not yet finalized: no more news for this page. */
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_handle_id (&self->below_fold_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_TODAY_PAGE);
  self->checkin_card = NULL;
  self->week_card = NULL;
  self->week_notes = NULL;
  self->flare_panel = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->shown_note, g_free);

  G_OBJECT_CLASS (loadwise_today_page_parent_class)->dispose (object);
}

static void
loadwise_today_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_today_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoadwiseTodayPage *self = LOADWISE_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_today_page_class_init (LoadwiseTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loadwise_today_page_constructed;
  object_class->dispose = loadwise_today_page_dispose;
  object_class->get_property = loadwise_today_page_get_property;
  object_class->set_property = loadwise_today_page_set_property;

  widget_class->map = loadwise_today_page_map;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, root);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, red_flag_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, checkin_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, week_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, session_stack);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, exercises_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, rest_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseTodayPage, before_label);

  gtk_widget_class_install_action (widget_class, "today.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "today.sets-changed", NULL, sets_changed_activated);
  gtk_widget_class_install_action (widget_class, "today.finish", NULL, finish_activated);
  gtk_widget_class_install_action (widget_class, "today.skip", "s", skip_activated);
  gtk_widget_class_install_action (widget_class, "today.ask-skip", NULL, ask_skip_activated);
  gtk_widget_class_install_action (widget_class, "today.answer-red-flags", NULL,
                                   answer_red_flags_activated);
  gtk_widget_class_install_action (widget_class, "today.save-red-flags", "u",
                                   save_red_flags_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_today_page_init (LoadwiseTodayPage *self)
{
  self->state = "empty";
  gtk_widget_init_template (GTK_WIDGET (self));
}
