/* test-illustrations.c: every exercise of the catalogue has its drawing,
 * in the symbolic format GTK 4.8 can recolour, and a description
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-illustration.h"

typedef struct {
  gboolean  ok;
  guint     n_pose_end;
  GString  *problems;
} Check;

/* GTK before 4.20 recolours fills only (path, circle and rect, by class
 * success, warning or error): a stroke would keep its colour in the dark
 * style. So: filled shapes, no strokes, no other classes than those and
 * the poses of LoadwisePoseView (pose-start, pose-end), which GTK's
 * recolouring ignores. */
static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Check *check = user_data;

  if (g_str_equal (element_name, "svg"))
    return;
  if (!g_str_equal (element_name, "path") && !g_str_equal (element_name, "circle") &&
      !g_str_equal (element_name, "rect") && !g_str_equal (element_name, "g"))
    g_string_append_printf (check->problems, "element <%s>; ", element_name);

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_has_prefix (attribute_names[i], "stroke"))
        g_string_append_printf (check->problems, "attribute %s; ", attribute_names[i]);
      if (g_str_equal (attribute_names[i], "class"))
        {
          g_auto (GStrv) classes = g_strsplit (attribute_values[i], " ", -1);

          for (guint j = 0; classes[j] != NULL; j++)
            {
              const char *name = classes[j];

              if (g_str_equal (name, "success") || g_str_equal (name, "warning") ||
                  g_str_equal (name, "error"))
                check->ok = TRUE;
              else if (g_str_equal (name, "pose-end"))
                check->n_pose_end++;
              else if (!g_str_equal (name, "pose-start"))
                g_string_append_printf (check->problems, "class %s; ", name);
            }
        }
    }
}

static void
test_every_exercise (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (&error);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_no_error (error);
  g_assert_cmpuint (loadwise_catalogue_get_n_exercises (catalogue), ==, 15);

  for (guint i = 0; i < loadwise_catalogue_get_n_exercises (catalogue); i++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_get_nth (catalogue, i);
      g_autofree char *path = loadwise_illustration_get_resource (exercise->id);
      g_autofree char *icon_name = loadwise_illustration_get_icon_name (exercise->id);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr (GMarkupParseContext) context = NULL;
      g_autoptr (GString) problems = g_string_new (NULL);
      GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
      Check check = { FALSE, 0, problems };
      const char *description = loadwise_illustration_get_description (exercise->id);
      GtkWidget *image;

      g_test_message ("%s", exercise->id);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);

      context = g_markup_parse_context_new (&parser, 0, &check, NULL);
      g_assert_true (g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                                   (gssize) g_bytes_get_size (bytes), &error));
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (problems->str, ==, "");
      /* The moving part is highlighted. */
      g_assert_true (check.ok);
      /* ... and has an end pose for LoadwisePoseView to move to. */
      g_assert_cmpuint (check.n_pose_end, >, 0);

      g_assert_nonnull (description);
      g_assert_true (g_str_has_prefix (description, "Drawing: "));

      /* Found through the icon theme, as the widgets ask for it. */
      image = g_object_ref_sink (loadwise_illustration_new (exercise, 128));
      g_assert_true (gtk_icon_theme_has_icon (theme, icon_name));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, icon_name);
      g_assert_cmpint (gtk_image_get_pixel_size (GTK_IMAGE (image)), ==, 128);
      g_object_unref (image);
    }

  g_assert_null (loadwise_illustration_get_description ("no-such-exercise"));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/illustrations/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/illustrations/every-exercise", test_every_exercise);

  return g_test_run ();
}
