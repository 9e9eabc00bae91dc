/* loadwise-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-context.h"

struct _LoadwiseContext
{
  GObject            parent_instance;

  LoadwiseDatabase  *database;
  LoadwiseCatalogue *catalogue;
  LoadwiseClock     *clock;
};

G_DEFINE_FINAL_TYPE (LoadwiseContext, loadwise_context, G_TYPE_OBJECT)

LoadwiseContext *
loadwise_context_new (LoadwiseDatabase  *database,
                      LoadwiseCatalogue *catalogue,
                      LoadwiseClock     *clock)
{
  LoadwiseContext *self;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (catalogue != NULL, NULL);
  g_return_val_if_fail (LOADWISE_IS_CLOCK (clock), NULL);

  self = g_object_new (LOADWISE_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->catalogue = loadwise_catalogue_ref (catalogue);
  self->clock = g_object_ref (clock);
  loadwise_database_set_clock (database, clock), loadwise_database_set_catalogue (database, catalogue);
  return self;
}

LoadwiseDatabase *
loadwise_context_get_database (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->database;
}

LoadwiseCatalogue *
loadwise_context_get_catalogue (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->catalogue;
}

LoadwiseClock *
loadwise_context_get_clock (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->clock;
}

GParamSpec *
loadwise_context_param_spec (void)
{
  return g_param_spec_object ("context", NULL, NULL,
                              LOADWISE_TYPE_CONTEXT,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
loadwise_context_dispose (GObject *object)
{
  LoadwiseContext *self = LOADWISE_CONTEXT (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->catalogue, loadwise_catalogue_unref);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (loadwise_context_parent_class)->dispose (object);
}

static void
loadwise_context_class_init (LoadwiseContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = loadwise_context_dispose;
}

static void
loadwise_context_init (LoadwiseContext *self)
{
}
