/* loadwise-card.c
 *
 * One card for the notes, patterns and charts that the flare panel, the
 * Runs page and the Progress page show, so that they share a look, a
 * padding and what a screen reader hears.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-card.h"

struct _LoadwiseCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkBox    *header_box;
  GtkLabel  *title_label;
  GtkLabel  *body_label;
  GtkBox    *content_box;
  GtkBox    *action_box;
};

static void loadwise_card_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoadwiseCard, loadwise_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, loadwise_card_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

GtkWidget *
loadwise_card_new (const char *title,
                   const char *body)
{
  return g_object_new (LOADWISE_TYPE_CARD, "title", title, "body", body, NULL);
}

const char *
loadwise_card_get_title (LoadwiseCard *self)
{
  g_return_val_if_fail (LOADWISE_IS_CARD (self), NULL);
  return gtk_label_get_label (self->title_label);
}

void
loadwise_card_set_title (LoadwiseCard *self,
                         const char   *title)
{
  g_return_if_fail (LOADWISE_IS_CARD (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;
  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
loadwise_card_get_body (LoadwiseCard *self)
{
  g_return_val_if_fail (LOADWISE_IS_CARD (self), NULL);
  return gtk_label_get_label (self->body_label);
}

void
loadwise_card_set_body (LoadwiseCard *self,
                        const char   *body)
{
  g_return_if_fail (LOADWISE_IS_CARD (self));

  if (body == NULL)
    body = "";
  if (g_str_equal (body, gtk_label_get_label (self->body_label)))
    return;
  gtk_label_set_label (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), *body != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

void
loadwise_card_add_header_suffix (LoadwiseCard *self,
                                 GtkWidget    *widget)
{
  g_return_if_fail (LOADWISE_IS_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_valign (widget, GTK_ALIGN_START);
  gtk_box_append (self->header_box, widget);
}

void
loadwise_card_append (LoadwiseCard *self,
                      GtkWidget    *widget)
{
  g_return_if_fail (LOADWISE_IS_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->content_box, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->content_box), TRUE);
}

static void
add_action_widget (LoadwiseCard *self,
                   GtkWidget    *widget)
{
  gtk_box_append (self->action_box, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->action_box), TRUE);
}

GtkWidget *
loadwise_card_add_button (LoadwiseCard *self,
                          const char   *label,
                          const char   *action_name)
{
  GtkWidget *button;

  g_return_val_if_fail (LOADWISE_IS_CARD (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  button = gtk_button_new_with_mnemonic (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  add_action_widget (self, button);
  return button;
}

static void
loadwise_card_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  LoadwiseCard *self = LOADWISE_CARD (buildable);

  /* The template's own box, while the template is being built. */
  if (self->box == NULL || !GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "header-suffix") == 0)
    loadwise_card_add_header_suffix (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "action") == 0)
    add_action_widget (self, GTK_WIDGET (child));
  else
    loadwise_card_append (self, GTK_WIDGET (child));
}

static void
loadwise_card_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = loadwise_card_add_child;
}

static void
loadwise_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOADWISE_TYPE_CARD);

  G_OBJECT_CLASS (loadwise_card_parent_class)->dispose (object);
}

static void
loadwise_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LoadwiseCard *self = LOADWISE_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, loadwise_card_get_title (self));
      break;

    case PROP_BODY:
      g_value_set_string (value, loadwise_card_get_body (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LoadwiseCard *self = LOADWISE_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      loadwise_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      loadwise_card_set_body (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_card_class_init (LoadwiseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loadwise_card_dispose;
  object_class->get_property = loadwise_card_get_property;
  object_class->set_property = loadwise_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/loadwise-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, header_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, body_label);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, content_box);
  gtk_widget_class_bind_template_child (widget_class, LoadwiseCard, action_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "loadwise-card");
}

static void
loadwise_card_init (LoadwiseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
