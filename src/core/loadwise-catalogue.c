/* loadwise-catalogue.c: the fifteen exercises of the programme's ladders
 *
 * data/exercises.xml is parsed with GMarkup (GLib only) and validated
 * strictly: a catalogue that loads is one the rest of the app can trust
 * (one exercise per family and level, sane dosages), so nothing else has
 * to check it again.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-error.h"

#define CATALOGUE_VERSION "1"
#define DEFAULT_RESOURCE  "/io/github/loadwise/Loadwise/exercises.xml"
/* No dosage in the programme comes near this; larger is a typo. */
#define NUMBER_MAX 999

struct _LoadwiseCatalogue
{
  GPtrArray              *exercises;  /* LoadwiseExercise*, by family then level */
  const LoadwiseExercise *by_level[LOADWISE_N_FAMILIES][LOADWISE_N_LEVELS];
};

G_DEFINE_BOXED_TYPE (LoadwiseCatalogue, loadwise_catalogue,
                     loadwise_catalogue_ref, loadwise_catalogue_unref)

static void
exercise_free (LoadwiseExercise *exercise)
{
  g_free (exercise->id);
  g_free (exercise->name);
  g_free (exercise->summary);
  g_free (exercise->instructions);
  g_strfreev (exercise->cues);
  g_free (exercise->source);
  g_free (exercise);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseExercise, exercise_free)

typedef enum {
  FIELD_NONE,
  FIELD_NAME,
  FIELD_SUMMARY,
  FIELD_INSTRUCTIONS,
  FIELD_CUE,
  FIELD_SOURCE,
} Field;

static const char * const field_names[] = {
  [FIELD_NONE] = NULL,
  [FIELD_NAME] = "name",
  [FIELD_SUMMARY] = "summary",
  [FIELD_INSTRUCTIONS] = "instructions",
  [FIELD_CUE] = "cue",
  [FIELD_SOURCE] = "source",
};

typedef struct {
  GPtrArray        *exercises;
  gboolean          seen_catalogue;
  LoadwiseExercise *current;   /* owned while inside <exercise> */
  GPtrArray        *cues;      /* char*, for the current exercise */
  Field             field;     /* the text element we are inside */
  GString          *text;
} ParseState;

static void
parse_state_clear (ParseState *state)
{
  g_clear_pointer (&state->exercises, g_ptr_array_unref);
  g_clear_pointer (&state->current, exercise_free);
  g_clear_pointer (&state->cues, g_ptr_array_unref);
  if (state->text != NULL)
    g_string_free (state->text, TRUE);
  state->text = NULL;
}

/* GMarkup's position when a callback runs: the line of the character
 * after the tag's ">", so a tag that ends a line reports the next one. */
static int
current_line (GMarkupParseContext *context)
{
  int line = 0;

  g_markup_parse_context_get_position (context, &line, NULL);
  return line;
}

/* Strict: 1-3 ASCII digits, nothing else. */
static gboolean
parse_number (const char *text,
              guint      *out_value)
{
  gsize length = strlen (text);

  if (length == 0 || length > 3)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  *out_value = (guint) atoi (text);
  return *out_value <= NUMBER_MAX;
}

/* Collapses runs of white space and trims, as xgettext's ITS extraction
 * does, so the text we look up is the msgid it extracted. */
static char *
normalize_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* "2-1-2": seconds up, at the top and down, each 0-10, at least 1 in all. */
static gboolean
parse_tempo (const char *text,
             guint       out_tempo[3])
{
  g_auto (GStrv) parts = g_strsplit (text, "-", -1);

  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 10, &value, NULL))
        return FALSE;
      out_tempo[i] = (guint) value;
    }
  return out_tempo[0] + out_tempo[1] + out_tempo[2] > 0;
}

static gboolean
start_exercise (GMarkupParseContext  *context,
                ParseState           *state,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char * const required[] = {
    "id", "family", "level", "sets", "reps-min", "reps-max",
    "hold-min", "hold-max", "sides",
  };
  const char *found[G_N_ELEMENTS (required)] = { NULL, };
  g_autoptr (LoadwiseExercise) exercise = g_new0 (LoadwiseExercise, 1);
  guint *numbers[] = {
    NULL, NULL, &exercise->level, &exercise->sets, &exercise->reps_min,
    &exercise->reps_max, &exercise->hold_min_s, &exercise->hold_max_s, NULL,
  };
  const char *id = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (numbers) == G_N_ELEMENTS (required));

  /* The id first, so the other messages can name the exercise. */
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "id") == 0)
      id = values[i];

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, line %d: an exercise has no id"),
                   current_line (context));
      return FALSE;
    }
  exercise->id = g_strdup (id);

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint k;

      /* The one optional attribute: "up-top-down" seconds of a rep. */
      if (strcmp (names[i], "tempo") == 0)
        {
          if (!parse_tempo (values[i], exercise->tempo_s))
            {
              g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                           _("Exercise catalogue, exercise “%s”: tempo=“%s” is not up-top-down seconds such as 2-1-2 (each 0-10, a rep 1 second or more)"),
                           id, values[i]);
              return FALSE;
            }
          continue;
        }
      for (k = 0; k < G_N_ELEMENTS (required); k++)
        if (strcmp (names[i], required[k]) == 0)
          break;

      if (k == G_N_ELEMENTS (required))
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, exercise “%s”: unknown attribute “%s”"),
                       id, names[i]);
          return FALSE;
        }
      /* GMarkup itself refuses a repeated attribute. */
      found[k] = values[i];
    }

  for (guint k = 1; k < G_N_ELEMENTS (required); k++)
    {
      if (found[k] == NULL)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, exercise “%s”: missing attribute “%s”"),
                       id, required[k]);
          return FALSE;
        }

      if (numbers[k] != NULL && !parse_number (found[k], numbers[k]))
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, exercise “%s”: %s=“%s” is not a whole number 0-%d"),
                       id, required[k], found[k], NUMBER_MAX);
          return FALSE;
        }
    }

  if (!loadwise_family_from_string (found[1], &exercise->family))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: unknown family “%s” (use bridge, single-leg or lateral)"),
                   id, found[1]);
      return FALSE;
    }

  if (!loadwise_side_mode_from_string (found[8], &exercise->side_mode))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: unknown sides “%s” (use none, per-side or per-direction)"),
                   id, found[8]);
      return FALSE;
    }

  state->current = g_steal_pointer (&exercise);
  state->cues = g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;

  if (!state->seen_catalogue)
    {
      const char *version = NULL;

      if (strcmp (element_name, "catalogue") != 0)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, line %d: expected <catalogue>, found <%s>"),
                       current_line (context), element_name);
          return;
        }

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "version") != 0)
            {
              g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                           _("Exercise catalogue, line %d: unknown attribute “%s” on <catalogue>"),
                           current_line (context), attribute_names[i]);
              return;
            }
          version = attribute_values[i];
        }

      if (g_strcmp0 (version, CATALOGUE_VERSION) != 0)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue: version “%s” is not supported (expected %s)"),
                       version != NULL ? version : "", CATALOGUE_VERSION);
          return;
        }

      state->seen_catalogue = TRUE;
      return;
    }

  if (state->current == NULL)
    {
      if (strcmp (element_name, "exercise") != 0)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, line %d: unknown element <%s>"),
                       current_line (context), element_name);
          return;
        }

      start_exercise (context, state, attribute_names, attribute_values, error);
      return;
    }

  if (state->field != FIELD_NONE)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: <%s> inside <%s> (text only, no markup)"),
                   state->current->id, element_name, field_names[state->field]);
      return;
    }

  for (guint f = FIELD_NAME; f < G_N_ELEMENTS (field_names); f++)
    {
      if (strcmp (element_name, field_names[f]) == 0)
        {
          if (attribute_names[0] != NULL)
            {
              g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                           _("Exercise catalogue, exercise “%s”: unknown attribute “%s” on <%s>"),
                           state->current->id, attribute_names[0], element_name);
              return;
            }

          state->field = (Field) f;
          g_string_truncate (state->text, 0);
          return;
        }
    }

  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
               _("Exercise catalogue, exercise “%s”: unknown element <%s>"),
               state->current->id, element_name);
}

/* Translated at load: the catalogue's texts are in the "loadwise" domain,
 * extracted from exercises.xml through po/its. */
static char *
translate (const char *text)
{
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
}

static gboolean
end_field (ParseState  *state,
           GError     **error)
{
  LoadwiseExercise *exercise = state->current;
  g_autofree char *text = normalize_space (state->text->str);
  char **slot = NULL;

  if (*text == '\0')
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: <%s> is empty"),
                   exercise->id, field_names[state->field]);
      return FALSE;
    }

  switch (state->field)
    {
    case FIELD_NAME:
      slot = &exercise->name;
      break;
    case FIELD_SUMMARY:
      slot = &exercise->summary;
      break;
    case FIELD_INSTRUCTIONS:
      slot = &exercise->instructions;
      break;
    case FIELD_SOURCE:
      slot = &exercise->source;
      break;
    case FIELD_CUE:
      g_ptr_array_add (state->cues, translate (text));
      return TRUE;
    case FIELD_NONE:
    default:
      g_assert_not_reached ();
    }

  if (*slot != NULL)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: more than one <%s>"),
                   exercise->id, field_names[state->field]);
      return FALSE;
    }

  /* Citations stay as written. */
  *slot = state->field == FIELD_SOURCE ? g_steal_pointer (&text) : translate (text);
  return TRUE;
}

/* The dosage rules every exercise must meet. */
static gboolean
check_exercise (const LoadwiseExercise  *exercise,
                GError                 **error)
{
  static const Field required[] = {
    FIELD_NAME, FIELD_SUMMARY, FIELD_INSTRUCTIONS, FIELD_SOURCE,
  };
  const char *values[] = {
    exercise->name, exercise->summary, exercise->instructions, exercise->source,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (values[i] == NULL)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, exercise “%s”: missing <%s>"),
                       exercise->id, field_names[required[i]]);
          return FALSE;
        }
    }

  if (exercise->cues == NULL || exercise->cues[0] == NULL)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: missing <%s>"),
                   exercise->id, "cue");
      return FALSE;
    }

  if (exercise->level > LOADWISE_LEVEL_MAX)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: level %u is outside %d-%d"),
                   exercise->id, exercise->level, LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX);
      return FALSE;
    }

  if (loadwise_exercise_is_hold (exercise) && loadwise_exercise_has_tempo (exercise))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: a hold has its own timer, not a tempo"),
                   exercise->id);
      return FALSE;
    }

  if (exercise->sets == 0)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: sets must be at least 1"),
                   exercise->id);
      return FALSE;
    }

  if (exercise->reps_min == 0)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: reps-min must be at least 1"),
                   exercise->id);
      return FALSE;
    }

  if (exercise->reps_min > exercise->reps_max)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: reps-min %u is more than reps-max %u"),
                   exercise->id, exercise->reps_min, exercise->reps_max);
      return FALSE;
    }

  /* A hold is one repetition held for a time range; anything else has no
   * hold time at all. */
  if ((exercise->hold_min_s != 0 || exercise->hold_max_s != 0)
      && (exercise->reps_min != 1 || exercise->reps_max != 1
          || exercise->hold_min_s == 0
          || exercise->hold_min_s > exercise->hold_max_s))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue, exercise “%s”: a hold needs reps-min and reps-max of 1 and 1 ≤ hold-min ≤ hold-max (found reps %u-%u, hold %u-%u)"),
                   exercise->id, exercise->reps_min, exercise->reps_max,
                   exercise->hold_min_s, exercise->hold_max_s);
      return FALSE;
    }

  return TRUE;
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  g_autoptr (LoadwiseExercise) exercise = NULL;

  if (state->field != FIELD_NONE)
    {
      if (end_field (state, error))
        state->field = FIELD_NONE;
      return;
    }

  if (state->current == NULL)
    return;  /* </catalogue> */

  exercise = g_steal_pointer (&state->current);
  g_ptr_array_add (state->cues, NULL);
  exercise->cues = (char **) g_ptr_array_free (g_steal_pointer (&state->cues), FALSE);

  if (!check_exercise (exercise, error))
    return;

  for (guint i = 0; i < state->exercises->len; i++)
    {
      const LoadwiseExercise *other = g_ptr_array_index (state->exercises, i);

      if (strcmp (other->id, exercise->id) == 0)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, line %d: the id “%s” is used twice"),
                       current_line (context), exercise->id);
          return;
        }
    }

  g_ptr_array_add (state->exercises, g_steal_pointer (&exercise));
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->field != FIELD_NONE)
    {
      g_string_append_len (state->text, text, (gssize) text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue, line %d: unexpected text outside an element"),
                       current_line (context));
          return;
        }
    }
}

static const GMarkupParser parser = {
  .start_element = on_start_element,
  .end_element = on_end_element,
  .text = on_text,
};

static int
compare_exercises (gconstpointer a,
                   gconstpointer b)
{
  const LoadwiseExercise *x = *(const LoadwiseExercise * const *) a;
  const LoadwiseExercise *y = *(const LoadwiseExercise * const *) b;

  if (x->family != y->family)
    return x->family < y->family ? -1 : 1;
  if (x->level != y->level)
    return x->level < y->level ? -1 : 1;
  return 0;
}

static void
catalogue_clear (gpointer data)
{
  LoadwiseCatalogue *self = data;

  g_clear_pointer (&self->exercises, g_ptr_array_unref);
}

LoadwiseCatalogue *
loadwise_catalogue_new_from_data (const char  *xml,
                                  gssize       length,
                                  GError     **error)
{
  ParseState state = { NULL, };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) local_error = NULL;
  LoadwiseCatalogue *self;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state.exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) exercise_free);
  state.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &state, NULL);

  if (!g_markup_parse_context_parse (context, xml, length, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == LOADWISE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else
        {
          /* GMarkup quotes the offending bytes, which need not be UTF-8
           * (found by tests/fuzz/fuzz-catalogue.c). */
          g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue: %s"), message);
        }
      parse_state_clear (&state);
      return NULL;
    }

  if (!state.seen_catalogue)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue: no <catalogue> element"));
      parse_state_clear (&state);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (LoadwiseCatalogue);
  self->exercises = g_steal_pointer (&state.exercises);
  parse_state_clear (&state);
  g_ptr_array_sort (self->exercises, compare_exercises);

  /* PROGRAMME.md: three families, five levels each: every (family,
   * level) exactly once. */
  for (guint i = 0; i < self->exercises->len; i++)
    {
      const LoadwiseExercise *exercise = g_ptr_array_index (self->exercises, i);
      const LoadwiseExercise **slot = &self->by_level[exercise->family][exercise->level];

      if (*slot != NULL)
        {
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                       _("Exercise catalogue: family %s has two exercises at level %u (“%s” and “%s”)"),
                       loadwise_family_to_string (exercise->family), exercise->level,
                       (*slot)->id, exercise->id);
          loadwise_catalogue_unref (self);
          return NULL;
        }
      *slot = exercise;
    }

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      for (guint level = 0; level < LOADWISE_N_LEVELS; level++)
        {
          if (self->by_level[f][level] == NULL)
            {
              g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                           _("Exercise catalogue: family %s has no exercise at level %u"),
                           loadwise_family_to_string ((LoadwiseFamily) f), level);
              loadwise_catalogue_unref (self);
              return NULL;
            }
        }
    }

  return self;
}

LoadwiseCatalogue *
loadwise_catalogue_load_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE,
                   _("Exercise catalogue: cannot read the built-in copy: %s"),
                   local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  return loadwise_catalogue_new_from_data (data, (gssize) size, error);
}

LoadwiseCatalogue *
loadwise_catalogue_ref (LoadwiseCatalogue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
loadwise_catalogue_unref (LoadwiseCatalogue *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, catalogue_clear);
}

guint
loadwise_catalogue_get_n_exercises (const LoadwiseCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->exercises->len;
}

const LoadwiseExercise *
loadwise_catalogue_get_nth (const LoadwiseCatalogue *self,
                            guint                    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->exercises->len, NULL);

  return g_ptr_array_index (self->exercises, index);
}

const LoadwiseExercise *
loadwise_catalogue_find (const LoadwiseCatalogue *self,
                         const char              *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->exercises->len; i++)
    {
      const LoadwiseExercise *exercise = g_ptr_array_index (self->exercises, i);

      if (strcmp (exercise->id, id) == 0)
        return exercise;
    }

  return NULL;
}

const LoadwiseExercise *
loadwise_catalogue_lookup (const LoadwiseCatalogue *self,
                           LoadwiseFamily           family,
                           guint                    level)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) family < LOADWISE_N_FAMILIES, NULL);
  g_return_val_if_fail (level <= LOADWISE_LEVEL_MAX, NULL);

  return self->by_level[family][level];
}

guint
loadwise_exercise_get_n_sides (const LoadwiseExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, 1);

  return exercise->side_mode == LOADWISE_SIDE_MODE_PER_SIDE ? 2 : 1;
}

gboolean
loadwise_exercise_is_hold (const LoadwiseExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, FALSE);

  return exercise->hold_min_s > 0;
}

gboolean
loadwise_exercise_has_tempo (const LoadwiseExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, FALSE);

  return exercise->tempo_s[0] + exercise->tempo_s[1] + exercise->tempo_s[2] > 0;
}
