/* sam-table-tasks.c — a spreadsheet import in a thread
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include "sam-table-import-private.h"

typedef struct {
  char *register_path;
  guint added, merged;
  char *path;          /* the spreadsheet, for new_async */
  SamStore *store;     /* the caller's, for new_async */
} Work;

static void
work_free (Work *work)
{
  g_free (work->register_path);
  g_free (work->path);
  g_clear_object (&work->store);
  g_free (work);
}

/* Reading and preparing */

static void
new_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Work *work = data;
  GError *error = NULL;
  /* the register only read, on a connection of this thread's own */
  g_autoptr(SamStore) store = sam_store_open_read_only (work->register_path, &error);
  SamTableImport *import = store ? sam_table_import_new (store, work->path, &error) : NULL;

  if (import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _sam_table_import_set_store (import, work->store);
  g_task_return_pointer (task, import, g_object_unref);
}

void
sam_table_import_new_async (SamStore            *store,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (path != NULL);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_table_import_new_async);
  work = g_new0 (Work, 1);
  work->register_path = g_strdup (sam_store_get_path (store));
  work->path = g_strdup (path);
  work->store = g_object_ref (store);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, new_thread);
}

SamTableImport *
sam_table_import_new_finish (SamStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Writing */

static void
apply_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SamTableImport *self = source;
  Work *work = data;
  GError *error = NULL;
  g_autoptr(SamStore) store = sam_store_open_full (work->register_path, SAM_STORE_OPEN_DEFAULT,
                                                   &error);

  if (store == NULL ||
      !_sam_table_import_apply_to (self, store, &work->added, &work->merged, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sam_table_import_apply_async (SamTableImport      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_TABLE_IMPORT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_table_import_apply_async);
  work = g_new0 (Work, 1);
  work->register_path = g_strdup (sam_store_get_path (_sam_table_import_get_store (self)));
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, apply_thread);
}

gboolean
sam_table_import_apply_finish (SamTableImport  *self,
                               GAsyncResult    *result,
                               guint           *added,
                               guint           *merged,
                               GError         **error)
{
  Work *work;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  work = g_task_get_task_data (G_TASK (result));
  if (added)
    *added = work->added;
  if (merged)
    *merged = work->merged;
  return TRUE;
}
