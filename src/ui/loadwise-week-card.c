/* loadwise-week-card.c
 *
 * Today's view of the weekly decision: which levels this week holds and
 * why, a calm see-a-clinician prompt when the last closed week asked for
 * one (the programme carries on), and the red-flag questions once a week.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-week-card.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/loadwise-database-progression.h"

struct _LoadwiseWeekCard
{
  GtkWidget        parent_instance;
  GtkWidget       *box;

  LoadwiseContext *context;
  LoadwiseWeekCardPart part;

  GtkWidget       *clinician_box;
  GtkLabel        *clinician_label;
  GtkWidget       *recheck_box;
  GtkWidget       *decision_box;
  GtkLabel        *decision_title;
  GtkListBox      *decision_list;
};

G_DEFINE_FINAL_TYPE (LoadwiseWeekCard, loadwise_week_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
loadwise_week_card_new (LoadwiseContext      *context,
                        LoadwiseWeekCardPart  part)
{
  return g_object_new (LOADWISE_TYPE_WEEK_CARD,
                       "context", context,
                       "part", part,
                       "name", part == LOADWISE_WEEK_CARD_NOTES ? "week-notes" : "week-levels",
                       NULL);
}

const char *
loadwise_decision_icon_name (LoadwiseDecision decision)
{
  switch (decision)
    {
    case LOADWISE_DECISION_PROGRESS:
      return "go-up-symbolic";
    case LOADWISE_DECISION_REGRESS:
      return "go-down-symbolic";
    case LOADWISE_DECISION_HOLD:
      /* Not a media control (issue 13): level, on the way. */
      return "go-next-symbolic";
    case LOADWISE_DECISION_MAINTAIN:
      return "object-select-symbolic";
    case LOADWISE_DECISION_START:
    default:
      return "star-new-symbolic";
    }
}

const char *
loadwise_decision_style_class (LoadwiseDecision decision)
{
  switch (decision)
    {
    case LOADWISE_DECISION_PROGRESS:
      return "success";
    case LOADWISE_DECISION_REGRESS:
      return "warning";
    case LOADWISE_DECISION_HOLD:
      return "accent";
    case LOADWISE_DECISION_MAINTAIN:
    case LOADWISE_DECISION_START:
    default:
      return "dim-label";
    }
}

char *
loadwise_week_plan_dup_details (const LoadwiseWeekPlan *plan)
{
  LoadwiseReason why;
  const char *dash;

  g_return_val_if_fail (plan != NULL && plan->reason != NULL, NULL);

  if (plan->reason_code != NULL && loadwise_reason_parse (plan->reason_code, &why, NULL))
    return loadwise_reason_details_to_string (&why);
  /* A sentence stored before schema 6: "Family: stays at level 2 — why". */
  dash = strstr (plan->reason, " — ");
  return g_strdup (dash != NULL ? dash + strlen (" — ") : plan->reason);
}

gboolean
loadwise_red_flags_recheck_due (LoadwiseDatabase         *database,
                                const LoadwiseProgramme  *programme,
                                const GDate              *today,
                                gboolean                 *out_due,
                                GError                  **error)
{
  GDate week_start, answered;
  gboolean found = FALSE;
  guint mask = 0;
  int week;

  g_return_val_if_fail (out_due != NULL, FALSE);

  *out_due = FALSE;
  week = loadwise_programme_get_week (programme, today);
  if (week < 1)
    return TRUE;
  if (!loadwise_database_get_red_flags (database, &answered, &mask, &found, error))
    return FALSE;

  /* PROGRAMME.md, "Red flags": asked at set-up and in the weekly check-in. */
  loadwise_programme_get_week_start (programme, week, &week_start);
  *out_due = !found || g_date_compare (&answered, &week_start) < 0;
  return TRUE;
}

static GtkWidget *
make_decision_row (const LoadwiseWeekPlan *plan)
{
  LoadwiseDecision decision = LOADWISE_DECISION_HOLD;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *details = loadwise_week_plan_dup_details (plan);

  loadwise_decision_from_string (plan->decision, &decision);
  /* Translators: e.g. "Bridge · level 2 · Up a level". */
  title = g_strdup_printf (_("%s · level %u · %s"), loadwise_family_get_label (plan->family),
                           plan->level, loadwise_decision_get_label (decision));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_widget_set_tooltip_text (row, plan->reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plan->reason,
                                  -1);
  name = g_strdup_printf ("decision-%s", loadwise_family_to_string (plan->family));
  gtk_widget_set_name (row, name);
  /* Plain rows: they say, they do nothing, so Tab passes them by and no
   * hover hints at a click (issue 13). The reason is their description. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  icon = gtk_image_new_from_icon_name (loadwise_decision_icon_name (decision));
  gtk_widget_add_css_class (icon, loadwise_decision_style_class (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  loadwise_decision_get_label (decision),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* This week's levels and why. FALSE when they cannot be read. */
static gboolean
show_levels (LoadwiseWeekCard *self,
             LoadwiseDatabase *database,
             int               week)
{
  g_autoptr (GError) error = NULL;
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];

  /* The store has decided the weeks that ended (on reading, for a new
   * day): this only reads. */
  if (!loadwise_database_get_week_plan (database, week, plans, &error))
    {
      g_warning ("Could not read this week's plan: %s", error->message);
      return FALSE;
    }
  if (plans[0].week == week && week > 1)
    gtk_label_set_label (self->decision_title, _("This Week’s Levels and Why"));
  else
    gtk_label_set_label (self->decision_title, _("This Week’s Levels"));
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    gtk_list_box_append (self->decision_list, make_decision_row (&plans[f]));
  loadwise_database_week_plans_clear (plans);
  return TRUE;
}

/* The clinician prompt and the weekly safety check; FALSE when neither
 * has anything to say. */
static gboolean
show_notes (LoadwiseWeekCard        *self,
            LoadwiseDatabase        *database,
            const LoadwiseProgramme *programme,
            const GDate             *today,
            int                      week)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  const LoadwiseWeekReview *review = NULL;
  gboolean prompt;
  gboolean due = FALSE;

  /* The prompt comes with the decision that set this week's levels. */
  reviews = loadwise_database_list_week_reviews (database, &error);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const LoadwiseWeekReview *candidate = g_ptr_array_index (reviews, i);

      if (candidate->week == week - 1)
        review = candidate;
    }
  prompt = review != NULL && review->see_clinician;
  gtk_widget_set_visible (self->clinician_box, prompt);
  if (prompt)
    gtk_label_set_label (self->clinician_label, review->clinician_reason);

  g_clear_error (&error);
  if (!loadwise_red_flags_recheck_due (database, programme, today, &due, &error))
    g_warning ("Could not read the red-flag screening: %s", error->message);
  gtk_widget_set_visible (self->recheck_box, due);
  return prompt || due;
}

void
loadwise_week_card_reload (LoadwiseWeekCard *self)
{
  LoadwiseDatabase *database;
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;
  gboolean shown;
  GDate today;
  int week;

  g_return_if_fail (LOADWISE_IS_WEEK_CARD (self));

  database = loadwise_context_get_database (self->context);
  loadwise_clock_get_today (loadwise_context_get_clock (self->context), &today);
  clear_list (self->decision_list);
  gtk_widget_set_visible (self->decision_box, self->part == LOADWISE_WEEK_CARD_LEVELS);
  gtk_widget_set_visible (self->clinician_box, FALSE);
  gtk_widget_set_visible (self->recheck_box, FALSE);

  if (!loadwise_database_get_programme (database, &programme, &error)
      || (week = loadwise_programme_get_week (&programme, &today)) < 1)
    shown = FALSE;
  else if (self->part == LOADWISE_WEEK_CARD_LEVELS)
    shown = show_levels (self, database, week);
  else
    /* No gap in Today's column while there is nothing to say. */
    shown = show_notes (self, database, &programme, &today, week);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

static void
loadwise_week_card_dispose (GObject *object)
{
  LoadwiseWeekCard *self = LOADWISE_WEEK_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOADWISE_TYPE_WEEK_CARD);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (loadwise_week_card_parent_class)->dispose (object);
}

static void
loadwise_week_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LoadwiseWeekCard *self = LOADWISE_WEEK_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PART:
      g_value_set_int (value, self->part);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_week_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LoadwiseWeekCard *self = LOADWISE_WEEK_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PART:
      self->part = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_week_card_class_init (LoadwiseWeekCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_week_card_dispose;
  object_class->get_property = loadwise_week_card_get_property;
  object_class->set_property = loadwise_week_card_set_property;

  properties[PROP_CONTEXT] = loadwise_context_param_spec ();
  properties[PROP_PART] =
    g_param_spec_int ("part", NULL, NULL,
                      LOADWISE_WEEK_CARD_LEVELS, LOADWISE_WEEK_CARD_NOTES, LOADWISE_WEEK_CARD_LEVELS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/loadwise-week-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, clinician_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, clinician_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, recheck_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, decision_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, decision_title);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseWeekCard, decision_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loadwise_week_card_init (LoadwiseWeekCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
