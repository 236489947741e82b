/* sam-task-private.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GTask on a thread for every _async call of the exchange wing: the
 * task data is wrapped with the function to run, so each call only says
 * what its work is.
 */
#define G_LOG_DOMAIN "sam-task"

#include "config.h"

#include "sam-task-private.h"

typedef struct {
  SamTaskFunc func;
  GDestroyNotify result_free;
  gpointer data;
  GDestroyNotify data_free;
} TaskData;

static void
task_data_free (TaskData *task_data)
{
  if (task_data->data_free)
    task_data->data_free (task_data->data);
  g_free (task_data);
}

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TaskData *task_data = data;
  GError *error = NULL;
  gpointer result = task_data->func (source, task_data->data, cancellable, &error);

  if (result == NULL)
    {
      g_assert (error != NULL);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, task_data->result_free);
}

GTask *
_sam_task_new (gpointer             source,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag,
               gpointer             data,
               GDestroyNotify       data_free)
{
  GTask *task = g_task_new (source, cancellable, callback, user_data);
  TaskData *task_data = g_new0 (TaskData, 1);

  task_data->data = data;
  task_data->data_free = data_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, task_data, (GDestroyNotify) task_data_free);
  return task;
}

gpointer
_sam_task_get_data (GAsyncResult *result)
{
  TaskData *task_data = g_task_get_task_data (G_TASK (result));

  return task_data->data;
}

void
_sam_task_run (GTask *task, SamTaskFunc func, GDestroyNotify result_free)
{
  TaskData *task_data = g_task_get_task_data (task);

  task_data->func = func;
  task_data->result_free = result_free;
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
_sam_task_propagate (gpointer source, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_sam_task_propagate_boolean (gpointer source, GAsyncResult *result, gpointer source_tag,
                             GError **error)
{
  return _sam_task_propagate (source, result, source_tag, error) != NULL;
}
