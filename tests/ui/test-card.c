/* test-card.c: the one card of the flare panel, the Runs page and the
 * Progress page (issue 16)
 *
 * Its text hides while empty, its buttons and content go where a .ui
 * file puts them, and a screen reader hears a group named by its heading.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"
#include "ui/loadwise-card.h"

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_text (void)
{
  GtkWidget *card = g_object_ref_sink (loadwise_card_new ("Flare Mode", NULL));
  GtkWidget *title = find_label (card, "Flare Mode");
  GtkWidget *body;

  g_assert_nonnull (title);
  g_assert_true (gtk_widget_has_css_class (card, "card"));
  g_assert_cmpstr (loadwise_card_get_title (LOADWISE_CARD (card)), ==, "Flare Mode");
  g_assert_cmpstr (loadwise_card_get_body (LOADWISE_CARD (card)), ==, "");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL);

  loadwise_card_set_body (LOADWISE_CARD (card), "Since 2 December.");
  body = find_label (card, "Since 2 December.");
  g_assert_nonnull (body);
  g_assert_true (gtk_widget_get_visible (body));
  g_assert_cmpstr (loadwise_card_get_body (LOADWISE_CARD (card)), ==, "Since 2 December.");
  loadwise_card_set_body (LOADWISE_CARD (card), "");
  g_assert_false (gtk_widget_get_visible (body));

  g_object_unref (card);
}

static const char card_ui[] =
  "<interface>"
  "  <object class='LoadwiseCard' id='card'>"
  "    <property name='title'>A Flare-Up May Be Starting</property>"
  "    <property name='body'>Three mornings above your usual pain.</property>"
  "    <child type='header-suffix'><object class='GtkButton' id='suffix'/></child>"
  "    <child><object class='GtkLabel' id='content'/></child>"
  "    <child type='action'><object class='GtkButton' id='accept'/></child>"
  "  </object>"
  "</interface>";

static gboolean
is_above (GtkWidget *card,
                      GtkWidget *above,
                      GtkWidget *below)
{
  graphene_point_t a, b;

  return gtk_widget_compute_point (above, card, &GRAPHENE_POINT_INIT (0, 0), &a) &&
         gtk_widget_compute_point (below, card, &GRAPHENE_POINT_INIT (0, 0), &b) && a.y < b.y;
}

static void
test_builder (void)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card, *suffix, *content, *accept, *title, *body, *button;

  g_type_ensure (LOADWISE_TYPE_CARD);
  builder = gtk_builder_new_from_string (card_ui, -1);
  card = GTK_WIDGET (gtk_builder_get_object (builder, "card"));
  suffix = GTK_WIDGET (gtk_builder_get_object (builder, "suffix"));
  content = GTK_WIDGET (gtk_builder_get_object (builder, "content"));
  accept = GTK_WIDGET (gtk_builder_get_object (builder, "accept"));
  button = loadwise_card_add_button (LOADWISE_CARD (card), "_Not Now", "flare.decline");
  title = find_label (card, "A Flare-Up May Be Starting");
  body = find_label (card, "Three mornings above your usual pain.");

  gtk_window_set_child (GTK_WINDOW (window), card);
  ui_test_show (window);

  /* Each child went into the card, and where its type says. */
  g_assert_true (gtk_widget_is_ancestor (suffix, card));
  g_assert_true (gtk_widget_is_ancestor (content, card));
  g_assert_true (gtk_widget_is_ancestor (accept, card));
  g_assert_true (gtk_widget_get_parent (suffix) == gtk_widget_get_parent (title));
  g_assert_true (gtk_widget_get_parent (button) == gtk_widget_get_parent (accept));
  g_assert_true (is_above (card, title, body));
  g_assert_true (is_above (card, body, content));
  g_assert_true (is_above (card, content, accept));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "flare.decline");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));

  ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/card/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/card/text", test_text);
  g_test_add_func ("/ui/card/builder", test_builder);
  return g_test_run ();
}
