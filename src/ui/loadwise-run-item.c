/* loadwise-run-item.c: one row of the run log, the run and its factors
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-run-item.h"

struct _LoadwiseRunItem
{
  GObject      parent_instance;
  LoadwiseRun *run;
  char        *factors;
};

G_DEFINE_FINAL_TYPE (LoadwiseRunItem, loadwise_run_item, G_TYPE_OBJECT)

static void
loadwise_run_item_finalize (GObject *object)
{
  LoadwiseRunItem *self = LOADWISE_RUN_ITEM (object);

  g_clear_pointer (&self->run, loadwise_run_free);
  g_clear_pointer (&self->factors, g_free);
  G_OBJECT_CLASS (loadwise_run_item_parent_class)->finalize (object);
}

static void
loadwise_run_item_class_init (LoadwiseRunItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loadwise_run_item_finalize;
}

static void
loadwise_run_item_init (LoadwiseRunItem *self)
{
}

LoadwiseRunItem *
loadwise_run_item_new (const LoadwiseRun *run,
                       const char        *factors)
{
  LoadwiseRunItem *self;

  g_return_val_if_fail (run != NULL, NULL);

  self = g_object_new (LOADWISE_TYPE_RUN_ITEM, NULL);
  self->run = loadwise_run_copy (run);
  self->factors = g_strdup (factors);
  return self;
}

const LoadwiseRun *
loadwise_run_item_get_run (LoadwiseRunItem *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_ITEM (self), NULL);
  return self->run;
}

const char *
loadwise_run_item_get_factors (LoadwiseRunItem *self)
{
  g_return_val_if_fail (LOADWISE_IS_RUN_ITEM (self), NULL);
  return self->factors;
}
