/* test-text.c: the free-text validator, one table of texts and what
 * becomes of them
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "core/loadwise-text.h"
#include "loadwise-test-util.h"

typedef struct {
  LoadwiseTextKind kind;
  const char      *text;
  gssize           length;   /* -1: up to the NUL */
  const char      *stored;   /* what is kept, or NULL when refused */
  const char      *message;  /* the refusal, when refused */
} TextCase;

#define NOTE   LOADWISE_TEXT_NOTE
#define REASON LOADWISE_TEXT_SKIP_REASON
#define NAME   LOADWISE_TEXT_NAME

static const TextCase cases[] = {
  /* Accepted as they are: letters of any script, emoji, sequences of them. */
  { NAME, "Pegasus 40", -1, "Pegasus 40", NULL },
  { NAME, "Größe 44 – Übergröße", -1, "Größe 44 – Übergröße", NULL },
  { NOTE, "Hüfte links ein bisschen müde 😅", -1, "Hüfte links ein bisschen müde 😅", NULL },
  { NAME, "👟", -1, "👟", NULL },
  /* A family emoji: people joined by ZWJ, which is a format character. */
  { NAME, "👨\u200d👩\u200d👧", -1, "👨\u200d👩\u200d👧", NULL },
  { NAME, "日本の靴", -1, "日本の靴", NULL },
  { REASON, "ill", -1, "ill", NULL },
  /* Trimmed at either end, kept inside; NFC, so "ü" typed two ways is one name. */
  { NAME, "  Ghost 15\t ", -1, "Ghost 15", NULL },
  { NAME, "\u200bTrail\ufeff", -1, "Trail", NULL },
  { NAME, "Mu\u0308ller", -1, "Müller", NULL },
  { NOTE, "\n first line\n\tsecond line \n\n", -1, "first line\n\tsecond line", NULL },
  /* A note's Windows line ends become "\n". */
  { NOTE, "one\r\ntwo\rthree", -1, "one\ntwo\nthree", NULL },
  /* Optional texts may be empty, or trim to nothing: no note, no reason. */
  { NOTE, "", -1, "", NULL },
  { NOTE, "   \n ", -1, "", NULL },
  { REASON, "\u200b", -1, "", NULL },
  { REASON, NULL, -1, "", NULL },

  /* A name needs something to see. */
  { NAME, "", -1, NULL, "NAME: must not be empty" },
  { NAME, NULL, -1, NULL, "NAME: must not be empty" },
  { NAME, "   ", -1, NULL, "NAME: the text has no visible character (only spaces or invisible ones)" },
  { NAME, "\u200b", -1, NULL, "NAME: the text has no visible character (only spaces or invisible ones)" },
  { NAME, "\u200b\u200c\u200d", -1, NULL,
    "NAME: the text has no visible character (only spaces or invisible ones)" },
  { NAME, "\u3164", -1, NULL, "NAME: the text has no visible character (only spaces or invisible ones)" },
  { NAME, "\u2800\u00a0", -1, NULL, "NAME: the text has no visible character (only spaces or invisible ones)" },
  { NOTE, "\u0301\u0301", -1, NULL, "NAME: the text has no visible character (only spaces or invisible ones)" },
  /* Control characters: an escape sequence, a bell, DEL, a C1 control. */
  { NAME, "\033[31mred", -1, NULL, "NAME: U+001B is a control character; only one line of text is allowed" },
  { NOTE, "red\033[0m", -1, NULL,
    "NAME: U+001B is a control character; only text, line breaks and tabs are allowed" },
  { REASON, "a\ab", -1, NULL, "NAME: U+0007 is a control character; only one line of text is allowed" },
  { REASON, "a\177", -1, NULL, "NAME: U+007F is a control character; only one line of text is allowed" },
  { NOTE, "a\xc2\x85" "b", -1, NULL,
    "NAME: U+0085 is a control character; only text, line breaks and tabs are allowed" },
  /* Line breaks and tabs only in a note. */
  { REASON, "ill\nand tired", -1, NULL,
    "NAME: U+000A is a control character; only one line of text is allowed" },
  { NAME, "a\tb", -1, NULL, "NAME: U+0009 is a control character; only one line of text is allowed" },
  { NAME, "a\u2028b", -1, NULL, "NAME: U+2028 is a control character; only one line of text is allowed" },
  /* A NUL inside the text (from a file, with its length). */
  { NOTE, "ab\0cd", 5, NULL, "NAME: the text contains a NUL character" },
  /* Bytes that are not UTF-8: Latin-1, a cut sequence, an overlong one. */
  { NAME, "M\xfcller", -1, NULL, "NAME: the text is not valid UTF-8" },
  { NOTE, "caf\xc3", -1, NULL, "NAME: the text is not valid UTF-8" },
  { NOTE, "\xc0\xaf", -1, NULL, "NAME: the text is not valid UTF-8" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *stored = NULL;
      gboolean ok;

      g_test_message ("case %u", i);
      ok = loadwise_text_validate ("NAME", cases[i].text, cases[i].length, cases[i].kind, &stored, &error);
      if (cases[i].stored != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (stored, ==, cases[i].stored);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_null (stored);
        }
    }
}

/* Limits count characters, not bytes, and after trimming. */
static void
test_length (void)
{
  static const struct {
    LoadwiseTextKind kind;
    guint            max;
  } limits[] = {
    { NOTE, 1000 },
    { REASON, 200 },
    { NAME, 80 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr (GString) text = g_string_new ("  ");
      g_autoptr (GError) error = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpuint (loadwise_text_get_max_chars (limits[i].kind), ==, limits[i].max);

      /* "ü" and "👟" take 2 and 4 bytes: max characters is well over max bytes. */
      for (guint j = 0; j < limits[i].max; j++)
        g_string_append (text, j % 2 == 0 ? "ü" : "👟");
      g_string_append (text, "  ");
      g_assert_true (loadwise_text_validate ("--note", text->str, -1, limits[i].kind, &stored, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_utf8_strlen (stored, -1), ==, limits[i].max);

      g_string_insert (text, text->len - 2, "ü");
      g_assert_false (loadwise_text_validate ("--note", text->str, -1, limits[i].kind, NULL, &error));
      expected = g_strdup_printf ("--note: %u characters is more than the %u allowed",
                                  limits[i].max + 1, limits[i].max);
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* The finding: 131,000 characters, refused with their count. */
  {
    g_autofree char *huge = g_strnfill (131000, 'x');
    g_autoptr (GError) error = NULL;

    g_assert_false (loadwise_text_validate ("--note", huge, -1, NOTE, NULL, &error));
    g_assert_cmpstr (error->message, ==, "--note: 131000 characters is more than the 1000 allowed");
  }
}

static void
test_normalize (void)
{
  g_autofree char *name = loadwise_text_normalize ("  Mu\u0308ller\u200b ");
  g_autofree char *invalid = loadwise_text_normalize ("M\xfcller");

  g_assert_cmpstr (name, ==, "Müller");
  g_assert_null (invalid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/table", test_table);
  g_test_add_func ("/text/length", test_length);
  g_test_add_func ("/text/normalize", test_normalize);

  return g_test_run ();
}
