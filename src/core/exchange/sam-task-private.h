/* sam-task-private.h — the long work of the exchange wing on a thread.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each _async call makes a task with _sam_task_new(), fills the data its
 * work needs, and hands a blocking function to _sam_task_run(); its
 * _finish call is _sam_task_propagate() or _sam_task_propagate_boolean().
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The work, on a thread of its own: its result, or NULL with @error set.
 * @source is the task's source object, @data what _sam_task_new() got. */
typedef gpointer (*SamTaskFunc) (gpointer       source,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* A task for @source (nullable) tagged @source_tag, holding @data until it
 * is freed; @data_free (nullable) frees it. */
GTask    *_sam_task_new    (gpointer             source,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data,
                            gpointer             source_tag,
                            gpointer             data,
                            GDestroyNotify       data_free);
/* The data given to _sam_task_new(), for the _finish call. */
gpointer  _sam_task_get_data (GAsyncResult      *result);
/* Runs @func on a thread; @result_free (nullable) frees a result nobody
 * took. */
void      _sam_task_run    (GTask               *task,
                            SamTaskFunc          func,
                            GDestroyNotify       result_free);
/* The result of @func (owned), or NULL with @error set; checks that
 * @result is a task of @source tagged @source_tag. */
gpointer  _sam_task_propagate (gpointer          source,
                               GAsyncResult     *result,
                               gpointer          source_tag,
                               GError          **error);
/* The same for work that only succeeds or fails (_sam_task_boolean()). */
gboolean  _sam_task_propagate_boolean (gpointer       source,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);

/* The result of work that only succeeds or fails: non-NULL when @ok. */
static inline gpointer
_sam_task_boolean (gboolean ok)
{
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

G_END_DECLS
