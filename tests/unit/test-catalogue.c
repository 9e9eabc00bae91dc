/* test-catalogue.c: the shipped exercise catalogue and the loader's checks
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-error.h"
#include "loadwise-test-util.h"

/* PROGRAMME.md, "Three families, five levels each", entry by entry. */
static const struct {
  LoadwiseFamily   family;
  guint            level;
  const char      *id;
  guint            sets, reps_min, reps_max, hold_min_s, hold_max_s;
  LoadwiseSideMode side_mode;
} programme_table[] = {
  { LOADWISE_FAMILY_BRIDGE, 0, "belt-isometric-abduction", 10, 1, 1, 5, 10, LOADWISE_SIDE_MODE_NONE },
  { LOADWISE_FAMILY_BRIDGE, 1, "double-leg-bridge", 2, 10, 10, 0, 0, LOADWISE_SIDE_MODE_NONE },
  { LOADWISE_FAMILY_BRIDGE, 2, "offset-bridge", 2, 8, 10, 0, 0, LOADWISE_SIDE_MODE_NONE },
  { LOADWISE_FAMILY_BRIDGE, 3, "single-leg-bridge", 3, 8, 12, 0, 0, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_BRIDGE, 4, "single-leg-hip-thrust", 3, 8, 12, 0, 0, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_SINGLE_LEG, 0, "wall-press-isometric-abduction", 5, 1, 1, 10, 15, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_SINGLE_LEG, 1, "sit-to-stand", 2, 10, 10, 0, 0, LOADWISE_SIDE_MODE_NONE },
  { LOADWISE_FAMILY_SINGLE_LEG, 2, "split-squat", 2, 8, 10, 0, 0, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_SINGLE_LEG, 3, "step-up", 3, 6, 10, 0, 0, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_SINGLE_LEG, 4, "single-leg-deadlift", 3, 8, 10, 0, 0, LOADWISE_SIDE_MODE_PER_SIDE },
  { LOADWISE_FAMILY_LATERAL, 0, "easy-side-steps", 1, 10, 10, 0, 0, LOADWISE_SIDE_MODE_PER_DIRECTION },
  { LOADWISE_FAMILY_LATERAL, 1, "side-steps", 2, 15, 15, 0, 0, LOADWISE_SIDE_MODE_PER_DIRECTION },
  { LOADWISE_FAMILY_LATERAL, 2, "band-knees-lateral-walk", 2, 10, 15, 0, 0, LOADWISE_SIDE_MODE_PER_DIRECTION },
  { LOADWISE_FAMILY_LATERAL, 3, "band-ankles-lateral-walk", 3, 10, 15, 0, 0, LOADWISE_SIDE_MODE_PER_DIRECTION },
  { LOADWISE_FAMILY_LATERAL, 4, "side-plank", 3, 1, 1, 20, 30, LOADWISE_SIDE_MODE_PER_SIDE },
};

/* @xml with the runs of white space between two tags taken out, as
 * xml-stripblanks leaves the resource: the cases below then edit one
 * document whether or not the build stripped it. */
static char *
without_blanks_between_elements (const char *xml,
                                 gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gsize j = i;

      if (xml[i] == '>')
        {
          g_string_append_c (out, '>');
          for (j = i + 1; j < len && g_ascii_isspace (xml[j]); j++)
            ;
          if (j < len && xml[j] == '<')
            {
              i = j - 1;
              continue;
            }
          j = i;
        }
      else
        g_string_append_c (out, xml[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
default_document (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/io/github/loadwise/Loadwise/exercises.xml",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return without_blanks_between_elements (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The default document with the one occurrence of @from replaced by @to. */
static char *
edited_document (const char *from,
                 const char *to)
{
  g_autofree char *doc = default_document ();
  const char *at = strstr (doc, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));

  return g_strdup_printf ("%.*s%s%s", (int) (at - doc), doc, to, at + strlen (from));
}

/* The default document without the exercise @id. */
static char *
document_without (const char *id)
{
  g_autofree char *doc = default_document ();
  g_autofree char *open = g_strdup_printf ("<exercise id=\"%s\"", id);
  const char *start = strstr (doc, open);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "</exercise>");
  g_assert_nonnull (end);
  end += strlen ("</exercise>");

  return g_strdup_printf ("%.*s%s", (int) (start - doc), doc, end);
}

static void
test_default_loads (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  g_assert_cmpuint (loadwise_catalogue_get_n_exercises (catalogue), ==, 15);
}

static void
test_levels_per_family (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      for (guint level = LOADWISE_LEVEL_MIN; level <= LOADWISE_LEVEL_MAX; level++)
        {
          const LoadwiseExercise *exercise =
            loadwise_catalogue_lookup (catalogue, (LoadwiseFamily) f, level);

          g_assert_nonnull (exercise);
          g_assert_cmpint (exercise->family, ==, f);
          g_assert_cmpuint (exercise->level, ==, level);
          /* get_nth runs by family, then level. */
          g_assert_true (loadwise_catalogue_get_nth (catalogue, f * LOADWISE_N_LEVELS + level) == exercise);
        }
    }
}

static void
test_dosages_match_programme (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (programme_table) == LOADWISE_N_FAMILIES * LOADWISE_N_LEVELS);

  for (guint i = 0; i < G_N_ELEMENTS (programme_table); i++)
    {
      const LoadwiseExercise *exercise =
        loadwise_catalogue_lookup (catalogue, programme_table[i].family, programme_table[i].level);
      gboolean hold = programme_table[i].hold_min_s > 0;

      g_test_message ("%s", programme_table[i].id);
      g_assert_cmpstr (exercise->id, ==, programme_table[i].id);
      g_assert_true (loadwise_catalogue_find (catalogue, programme_table[i].id) == exercise);
      g_assert_cmpuint (exercise->sets, ==, programme_table[i].sets);
      g_assert_cmpuint (exercise->reps_min, ==, programme_table[i].reps_min);
      g_assert_cmpuint (exercise->reps_max, ==, programme_table[i].reps_max);
      g_assert_cmpuint (exercise->hold_min_s, ==, programme_table[i].hold_min_s);
      g_assert_cmpuint (exercise->hold_max_s, ==, programme_table[i].hold_max_s);
      g_assert_cmpint (exercise->side_mode, ==, programme_table[i].side_mode);
      g_assert_cmpint (loadwise_exercise_is_hold (exercise), ==, hold);
      g_assert_cmpuint (loadwise_exercise_get_n_sides (exercise), ==,
                        programme_table[i].side_mode == LOADWISE_SIDE_MODE_PER_SIDE ? 2 : 1);
    }
}

static void
assert_plain_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
  g_assert_null (strchr (text, '\n'));
  g_assert_null (strchr (text, '<'));
}

static void
test_texts (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < loadwise_catalogue_get_n_exercises (catalogue); i++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_get_nth (catalogue, i);
      const char *texts[] = { exercise->name, exercise->summary, exercise->instructions, exercise->source };
      guint n_cues = exercise->cues != NULL ? g_strv_length (exercise->cues) : 0;
      guint n_sentences = 0;

      g_test_message ("%s", exercise->id);
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        assert_plain_text (texts[k]);

      g_assert_cmpuint (n_cues, >=, 2);
      g_assert_cmpuint (n_cues, <=, 3);
      for (guint k = 0; k < n_cues; k++)
        assert_plain_text (exercise->cues[k]);

      /* Instructions: 2-4 plain sentences. */
      for (const char *p = exercise->instructions; *p != '\0'; p++)
        if (*p == '.' && (p[1] == ' ' || p[1] == '\0'))
          n_sentences++;
      g_assert_cmpuint (n_sentences, >=, 2);
      g_assert_cmpuint (n_sentences, <=, 4);

      /* Names are how people tell exercises apart. */
      g_assert_true (g_hash_table_add (names, exercise->name));

      /* Grimaldi 2015: no ITB or across-body stretches anywhere. */
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          g_autofree char *lower = g_ascii_strdown (texts[k], -1);

          g_assert_null (strstr (lower, "itb"));
          g_assert_null (strstr (lower, "iliotibial"));
          g_assert_null (strstr (lower, "across"));
        }

      /* Every source names a published study and its year. */
      g_assert_true (g_regex_match_simple ("^[A-Z][a-z]+ et al\\. (19|20)[0-9]{2}, ", exercise->source, 0, 0));
    }
}

static void
test_find_unknown (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);

  g_assert_null (loadwise_catalogue_find (catalogue, "clamshell"));
  g_assert_null (loadwise_catalogue_find (catalogue, ""));
  g_assert_null (loadwise_catalogue_find (catalogue, NULL));
}

static void
test_refcount (void)
{
  LoadwiseCatalogue *catalogue = loadwise_catalogue_load_default (NULL);
  LoadwiseCatalogue *copy;

  g_assert_true (loadwise_catalogue_ref (catalogue) == catalogue);
  loadwise_catalogue_unref (catalogue);

  /* The boxed type copies by reference. */
  copy = g_boxed_copy (LOADWISE_TYPE_CATALOGUE, catalogue);
  g_assert_true (copy == catalogue);
  g_boxed_free (LOADWISE_TYPE_CATALOGUE, copy);

  g_assert_cmpuint (loadwise_catalogue_get_n_exercises (catalogue), ==, 15);
  loadwise_catalogue_unref (catalogue);
}

static void
test_minimal_document_lines (void)
{
  /* Without an id to name, the error names the line of the tag. */
  static const char doc[] =
    "<catalogue version=\"1\">\n"
    "  <exercise family=\"bridge\" level=\"0\" sets=\"1\" reps-min=\"1\"\n"
    "            reps-max=\"1\" hold-min=\"0\" hold-max=\"0\" sides=\"none\"><name>A</name>\n"
    "  </exercise>\n"
    "</catalogue>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_new_from_data (doc, -1, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE);
  g_assert_cmpstr (error->message, ==,
                   "Exercise catalogue, line 3: an exercise has no id");
}

static void
test_only_one_level (void)
{
  static const char doc[] =
    "<catalogue version=\"1\">\n"
    "  <exercise id=\"a\" family=\"bridge\" level=\"0\" sets=\"1\" reps-min=\"1\" reps-max=\"1\" hold-min=\"0\" hold-max=\"0\" sides=\"none\">\n"
    "    <name>A</name><summary>S</summary><instructions>I.</instructions><cue>C</cue><source>X</source>\n"
    "  </exercise>\n"
    "</catalogue>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_new_from_data (doc, -1, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE);
  g_assert_cmpstr (error->message, ==, "Exercise catalogue: family bridge has no exercise at level 1");
}

typedef struct {
  const char *from;     /* replaced in the default document ... */
  const char *to;       /* ... by this; or, when @from is NULL, the whole document */
  const char *message;  /* a g_pattern_match_simple() pattern */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* Unknown element or attribute. */
  { "<cue>Breathe steadily.</cue>", "<cue>Breathe steadily.</cue><video>x.webm</video>",
    "Exercise catalogue, exercise “side-plank”: unknown element <video>" },
  { "id=\"side-plank\"", "id=\"side-plank\" colour=\"red\"",
    "Exercise catalogue, exercise “side-plank”: unknown attribute “colour”" },
  { "<cue>Breathe steadily.</cue>", "<cue lang=\"en\">Breathe steadily.</cue>",
    "Exercise catalogue, exercise “side-plank”: unknown attribute “lang” on <cue>" },
  { "<name>Side plank</name>", "<name>Side <b>plank</b></name>",
    "Exercise catalogue, exercise “side-plank”: <b> inside <name> (text only, no markup)" },
  { "<catalogue version=\"1\">", "<catalogue version=\"1\"><notes/>",
    "Exercise catalogue, line *: unknown element <notes>" },
  { "<catalogue version=\"1\">", "<catalogue version=\"1\" lang=\"en\">",
    "Exercise catalogue, line *: unknown attribute “lang” on <catalogue>" },
  { "<catalogue version=\"1\">", "<catalogue version=\"1\">stray text",
    "Exercise catalogue, line *: unexpected text outside an element" },
  /* A tempo (issue 15): up-top-down seconds, and never on a hold. */
  { "id=\"side-plank\"", "id=\"side-plank\" tempo=\"2-1-2\"",
    "Exercise catalogue, exercise “side-plank”: a hold has its own timer, not a tempo" },
  { "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"1-0-1\"",
    "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"2-1\"",
    "Exercise catalogue, exercise “side-steps”: tempo=“2-1” is not up-top-down seconds such as 2-1-2 (each 0-10, a rep 1 second or more)" },
  { "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"1-0-1\"",
    "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"0-0-0\"",
    "Exercise catalogue, exercise “side-steps”: tempo=“0-0-0” is not up-top-down seconds such as 2-1-2 (each 0-10, a rep 1 second or more)" },
  { "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"1-0-1\"",
    "id=\"side-steps\" family=\"lateral\" level=\"1\" sets=\"2\" reps-min=\"15\" reps-max=\"15\" hold-min=\"0\" hold-max=\"0\" sides=\"per-direction\" tempo=\"2-11-2\"",
    "Exercise catalogue, exercise “side-steps”: tempo=“2-11-2” is not up-top-down seconds such as 2-1-2 (each 0-10, a rep 1 second or more)" },
  /* Version and root. */
  { "<catalogue version=\"1\">", "<catalogue version=\"2\">",
    "Exercise catalogue: version “2” is not supported (expected 1)" },
  { "<catalogue version=\"1\">", "<catalogue>",
    "Exercise catalogue: version “” is not supported (expected 1)" },
  { NULL, "<exercises version=\"1\"/>",
    "Exercise catalogue, line 1: expected <catalogue>, found <exercises>" },
  /* Malformed XML, reported by GMarkup with its position. */
  { NULL, "<catalogue version=\"1\">", "Exercise catalogue: *" },
  { NULL, "", "Exercise catalogue: *empty*" },
  { "</catalogue>", "</catalog>", "Exercise catalogue: *catalog*" },
  /* Missing fields. */
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\"",
    "Exercise catalogue, exercise “side-plank”: missing attribute “sets”" },
  { "id=\"side-plank\"", "id=\"\"", "Exercise catalogue, line *: an exercise has no id" },
  { "<name>Side plank</name>", "", "Exercise catalogue, exercise “side-plank”: missing <name>" },
  { "<summary>A side-lying hold on the elbow that works the outer hip hard; lift the top leg when able.</summary>", "",
    "Exercise catalogue, exercise “side-plank”: missing <summary>" },
  { "<source>Boren et al.", "<cite>Boren et al.",
    "Exercise catalogue, exercise “side-plank”: unknown element <cite>" },
  { /* the document has no blanks between elements (see default_document) */
    "<cue>Small steps; the feet never cross.</cue><cue>Stay upright without swaying side to side.</cue>", "",
    "Exercise catalogue, exercise “easy-side-steps”: missing <cue>" },
  { "<name>Side plank</name>", "<name>  </name>", "Exercise catalogue, exercise “side-plank”: <name> is empty" },
  { "<name>Side plank</name>", "<name>Side plank</name><name>Plank</name>",
    "Exercise catalogue, exercise “side-plank”: more than one <name>" },
  /* Bad numbers and ids. */
  { "hold-min=\"20\"", "hold-min=\"20s\"",
    "Exercise catalogue, exercise “side-plank”: hold-min=“20s” is not a whole number 0-999" },
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"-3\"",
    "Exercise catalogue, exercise “side-plank”: sets=“-3” is not a whole number 0-999" },
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"1e3\"",
    "Exercise catalogue, exercise “side-plank”: sets=“1e3” is not a whole number 0-999" },
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\" 3\"",
    "Exercise catalogue, exercise “side-plank”: sets=“ 3” is not a whole number 0-999" },
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"1000\"",
    "Exercise catalogue, exercise “side-plank”: sets=“1000” is not a whole number 0-999" },
  { "id=\"side-plank\"", "id=\"step-up\"", "Exercise catalogue, line *: the id “step-up” is used twice" },
  { "id=\"side-plank\" family=\"lateral\"", "id=\"side-plank\" family=\"core\"",
    "Exercise catalogue, exercise “side-plank”: unknown family “core” (use bridge, single-leg or lateral)" },
  { "hold-max=\"30\" sides=\"per-side\"", "hold-max=\"30\" sides=\"per-leg\"",
    "Exercise catalogue, exercise “side-plank”: unknown sides “per-leg” (use none, per-side or per-direction)" },
  /* Family levels. */
  { "id=\"side-plank\" family=\"lateral\" level=\"4\"", "id=\"side-plank\" family=\"lateral\" level=\"3\"",
    "Exercise catalogue: family lateral has two exercises at level 3 (“band-ankles-lateral-walk” and “side-plank”)" },
  { "id=\"side-plank\" family=\"lateral\" level=\"4\"", "id=\"side-plank\" family=\"lateral\" level=\"5\"",
    "Exercise catalogue, exercise “side-plank”: level 5 is outside 0-4" },
  { "id=\"side-plank\" family=\"lateral\"", "id=\"side-plank\" family=\"bridge\"",
    "Exercise catalogue: family bridge has two exercises at level 4 (“single-leg-hip-thrust” and “side-plank”)" },
  /* Dosages. */
  { "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"3\"", "id=\"side-plank\" family=\"lateral\" level=\"4\" sets=\"0\"",
    "Exercise catalogue, exercise “side-plank”: sets must be at least 1" },
  { "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"6\"",
    "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"11\"",
    "Exercise catalogue, exercise “step-up”: reps-min 11 is more than reps-max 10" },
  { "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"6\"",
    "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"0\"",
    "Exercise catalogue, exercise “step-up”: reps-min must be at least 1" },
  { "reps-max=\"1\" hold-min=\"20\"", "reps-max=\"2\" hold-min=\"20\"",
    "Exercise catalogue, exercise “side-plank”: a hold needs reps-min and reps-max of 1 and 1 ≤ hold-min ≤ hold-max (found reps 1-2, hold 20-30)" },
  { "hold-min=\"20\" hold-max=\"30\"", "hold-min=\"40\" hold-max=\"30\"",
    "Exercise catalogue, exercise “side-plank”: a hold needs reps-min and reps-max of 1 and 1 ≤ hold-min ≤ hold-max (found reps 1-1, hold 40-30)" },
  { "hold-min=\"20\" hold-max=\"30\"", "hold-min=\"0\" hold-max=\"30\"",
    "Exercise catalogue, exercise “side-plank”: a hold needs reps-min and reps-max of 1 and 1 ≤ hold-min ≤ hold-max (found reps 1-1, hold 0-30)" },
  { "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"6\" reps-max=\"10\" hold-min=\"0\" hold-max=\"0\"",
    "id=\"step-up\" family=\"single-leg\" level=\"3\" sets=\"3\" reps-min=\"6\" reps-max=\"10\" hold-min=\"0\" hold-max=\"5\"",
    "Exercise catalogue, exercise “step-up”: a hold needs reps-min and reps-max of 1 and 1 ≤ hold-min ≤ hold-max (found reps 6-10, hold 0-5)" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autofree char *doc = broken->from != NULL ? edited_document (broken->from, broken->to)
                                              : g_strdup (broken->to);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_new_from_data (doc, -1, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE);
  g_test_message ("message: %s", error->message);
  if (strchr (broken->message, '*') != NULL)
    g_assert_true (g_pattern_match_simple (broken->message, error->message));
  else
    g_assert_cmpstr (error->message, ==, broken->message);
}

static void
test_missing_level (void)
{
  g_autofree char *doc = document_without ("side-plank");
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_new_from_data (doc, -1, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_CATALOGUE);
  g_assert_cmpstr (error->message, ==, "Exercise catalogue: family lateral has no exercise at level 4");
}

/* Every exercise that is not a hold has a tempo; holds have none. */
static void
test_tempo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (&error);
  const LoadwiseExercise *bridge;

  g_assert_no_error (error);
  for (guint i = 0; i < loadwise_catalogue_get_n_exercises (catalogue); i++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_get_nth (catalogue, i);

      g_assert_cmpint (loadwise_exercise_has_tempo (exercise), !=, loadwise_exercise_is_hold (exercise));
    }
  bridge = loadwise_catalogue_find (catalogue, "single-leg-bridge");
  g_assert_cmpuint (bridge->tempo_s[0], ==, 2);
  g_assert_cmpuint (bridge->tempo_s[1], ==, 1);
  g_assert_cmpuint (bridge->tempo_s[2], ==, 2);
  g_assert_cmpuint (loadwise_catalogue_find (catalogue, "side-steps")->tempo_s[1], ==, 0);
}

static void
test_edited_document_still_loads (void)
{
  /* The editing helpers themselves: an edit that keeps the document valid
   * loads, so the broken cases fail for their own reason. */
  g_autofree char *doc = edited_document ("<name>Side plank</name>", "<name>\n  Side   plank\n</name>");
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_new_from_data (doc, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (loadwise_catalogue_find (catalogue, "side-plank")->name, ==, "Side plank");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/default-loads", test_default_loads);
  g_test_add_func ("/catalogue/levels-per-family", test_levels_per_family);
  g_test_add_func ("/catalogue/dosages-match-programme", test_dosages_match_programme);
  g_test_add_func ("/catalogue/texts", test_texts);
  g_test_add_func ("/catalogue/find-unknown", test_find_unknown);
  g_test_add_func ("/catalogue/refcount", test_refcount);
  g_test_add_func ("/catalogue/tempo", test_tempo);
  g_test_add_func ("/catalogue/minimal-document-lines", test_minimal_document_lines);
  g_test_add_func ("/catalogue/only-one-level", test_only_one_level);
  g_test_add_func ("/catalogue/missing-level", test_missing_level);
  g_test_add_func ("/catalogue/edited-document-still-loads", test_edited_document_still_loads);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalogue/broken/%02u", i);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
