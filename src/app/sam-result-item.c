/* sam-result-item.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sam-result-item.h"

struct _SamResultItem
{
  GObject parent_instance;
  SamActor *actor;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (SamResultItem, sam_result_item, G_TYPE_OBJECT)

static void
sam_result_item_finalize (GObject *object)
{
  SamResultItem *self = SAM_RESULT_ITEM (object);

  g_clear_object (&self->actor);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (sam_result_item_parent_class)->finalize (object);
}

static void
sam_result_item_class_init (SamResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_result_item_finalize;
}

static void
sam_result_item_init (SamResultItem *self)
{
  self->rows = g_ptr_array_new ();
}

SamResultItem *
sam_result_item_new (SamActor *actor)
{
  SamResultItem *self = g_object_new (SAM_TYPE_RESULT_ITEM, NULL);

  sam_result_item_set_actor (self, actor);
  return self;
}

SamActor *
sam_result_item_get_actor (SamResultItem *self)
{
  g_return_val_if_fail (SAM_IS_RESULT_ITEM (self), NULL);
  return self->actor;
}

void
sam_result_item_set_actor (SamResultItem *self, SamActor *actor)
{
  g_return_if_fail (SAM_IS_RESULT_ITEM (self));
  g_set_object (&self->actor, actor);
}

GPtrArray *
sam_result_item_get_rows (SamResultItem *self)
{
  g_return_val_if_fail (SAM_IS_RESULT_ITEM (self), NULL);
  return self->rows;
}

void
sam_result_item_add_row (SamResultItem *self, SamActorRow *row)
{
  g_return_if_fail (SAM_IS_RESULT_ITEM (self));
  if (!g_ptr_array_find (self->rows, row, NULL))
    g_ptr_array_add (self->rows, row);
}

void
sam_result_item_remove_row (SamResultItem *self, SamActorRow *row)
{
  g_return_if_fail (SAM_IS_RESULT_ITEM (self));
  g_ptr_array_remove_fast (self->rows, row);
}
