/* sam-register-data.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-register-data"

#include "config.h"

#include "sam-register-data.h"

SamRegisterData *
sam_register_data_new (void)
{
  SamRegisterData *data = g_new0 (SamRegisterData, 1);

  data->actors = g_ptr_array_new_with_free_func (g_object_unref);
  data->paths = g_ptr_array_new_with_free_func (g_object_unref);
  data->tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_tombstone_free);
  data->audience = SAM_VISIBILITY_INTERNAL;
  return data;
}

void
sam_tombstone_free (SamTombstone *tombstone)
{
  g_free (tombstone->entity);
  g_free (tombstone->id);
  g_clear_pointer (&tombstone->deleted, g_date_time_unref);
  sam_ancestry_free (tombstone->ancestry);
  g_free (tombstone);
}

void
sam_register_data_free (SamRegisterData *data)
{
  sam_register_meta_clear (&data->meta);
  g_ptr_array_unref (data->actors);
  g_ptr_array_unref (data->paths);
  g_ptr_array_unref (data->tombstones);
  g_free (data->source);
  g_clear_pointer (&data->exported, g_date_time_unref);
  g_free (data);
}
