/* sam-table-tasks.c — a spreadsheet import in a thread
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include "sam-table-import-private.h"
#include "sam-task-private.h"

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

static gpointer
new_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  /* the register only read, on a connection of this thread's own */
  g_autoptr(SamStore) store = sam_store_open_read_only (work->register_path, error);
  SamTableImport *import = store ? sam_table_import_new (store, work->path, error) : NULL;

  if (import != NULL)
    _sam_table_import_set_store (import, work->store);
  return import;
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
  work = g_new0 (Work, 1);
  work->register_path = g_strdup (sam_store_get_path (store));
  work->path = g_strdup (path);
  work->store = g_object_ref (store);
  task = _sam_task_new (store, cancellable, callback, user_data, sam_table_import_new_async,
                        work, (GDestroyNotify) work_free);
  _sam_task_run (task, new_work, g_object_unref);
}

SamTableImport *
sam_table_import_new_finish (SamStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _sam_task_propagate (store, result, sam_table_import_new_async, error);
}

/* Writing */

static gpointer
apply_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = sam_store_open_full (work->register_path, SAM_STORE_OPEN_DEFAULT,
                                                   error);

  return _sam_task_boolean (store != NULL &&
                            _sam_table_import_apply_to (source, store, &work->added,
                                                        &work->merged, error));
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
  work = g_new0 (Work, 1);
  work->register_path = g_strdup (sam_store_get_path (_sam_table_import_get_store (self)));
  task = _sam_task_new (self, cancellable, callback, user_data, sam_table_import_apply_async,
                        work, (GDestroyNotify) work_free);
  _sam_task_run (task, apply_work, NULL);
}

gboolean
sam_table_import_apply_finish (SamTableImport  *self,
                               GAsyncResult    *result,
                               guint           *added,
                               guint           *merged,
                               GError         **error)
{
  Work *work;

  if (!_sam_task_propagate_boolean (self, result, sam_table_import_apply_async, error))
    return FALSE;
  work = _sam_task_get_data (result);
  if (added)
    *added = work->added;
  if (merged)
    *merged = work->merged;
  return TRUE;
}
