/* sam-register-tasks.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The long work on a register on a thread of its own (sam-register-tasks.h).
 * Every worker opens its own connection to the register's file and closes
 * it before it returns, so no SamStore crosses a thread; the merge plans
 * that come back carry no store (_sam_merge_plan_release_store).
 */
#define G_LOG_DOMAIN "sam-register-tasks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-follow.h"
#include "sam-merge-private.h"
#include "sam-register-tasks.h"
#include "sam-register-xml.h"
#include "sam-task-private.h"

typedef struct {
  char *register_path;
  GFile *file;
  char *name;              /* a followed file, as the register keeps it */
  SamExportFilter filter;
  gboolean has_filter;
  SamBackup *backup;
  SamMergePlan *plan;      /* borrowed: the caller keeps it */
  gboolean flag;           /* apply: make a backup first; follow: add */
  guint n_actors;
  SamExportFormat format;
  SamLang lang;
  GPtrArray *actors;       /* copies, for the thread alone */
} Work;

static void
work_free (Work *work)
{
  g_free (work->register_path);
  g_clear_object (&work->file);
  g_free (work->name);
  g_strfreev (work->filter.areas);
  g_strfreev (work->filter.kinds);
  g_strfreev (work->filter.paths);
  g_clear_pointer (&work->backup, sam_backup_free);
  g_clear_pointer (&work->actors, g_ptr_array_unref);
  g_free (work);
}

/* A task whose result is what happened: a cancel that came too late to
 * stop the work does not turn a commit into an error. */
static GTask *
task_new (gpointer source, const char *register_path, GCancellable *cancellable,
          GAsyncReadyCallback callback, gpointer user_data, gpointer tag, Work **work)
{
  GTask *task;

  *work = g_new0 (Work, 1);
  (*work)->register_path = g_strdup (register_path);
  task = _sam_task_new (source, cancellable, callback, user_data, tag, *work,
                        (GDestroyNotify) work_free);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/* The worker's own connection, or NULL with @error set. */
static SamStore *
open_own (Work *work, GCancellable *cancellable, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return sam_store_open (work->register_path, error);
}

/* @plan (nullable) for the caller: its connection closes on this thread,
 * which opened it. */
static gpointer
plan_without_store (SamMergePlan *plan)
{
  if (plan != NULL)
    _sam_merge_plan_release_store (plan);
  return plan;
}

/* Import */

static gpointer
import_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);

  if (store == NULL || !sam_register_xml_import (store, work->file, NULL, cancellable, error))
    return NULL;
  work->n_actors = (guint) sam_store_count_actors (store);
  return _sam_task_boolean (TRUE);
}

void
sam_store_import_file_async (SamStore            *store,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_store_import_file_async, &work);
  work->file = g_object_ref (file);
  _sam_task_run (task, import_work, NULL);
}

gboolean
sam_store_import_file_finish (SamStore      *store,
                              GAsyncResult  *result,
                              guint         *n_actors,
                              GError       **error)
{
  gboolean ok = _sam_task_propagate_boolean (store, result, sam_store_import_file_async, error);
  Work *work = _sam_task_get_data (result);

  if (n_actors)
    *n_actors = ok ? work->n_actors : 0;
  return ok;
}

/* Export */

static gpointer
export_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);

  return _sam_task_boolean (store != NULL &&
                            sam_export_format_to_file (store,
                                                       work->has_filter ? &work->filter : NULL,
                                                       work->format, work->lang, work->file,
                                                       cancellable, error));
}

void
sam_store_export_file_async (SamStore              *store,
                             const SamExportFilter *filter,
                             GFile                 *file,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  sam_store_export_format_async (store, filter, SAM_EXPORT_FORMAT_XML, SAM_LANG_SV, file,
                                 cancellable, callback, user_data);
}

void
sam_store_export_format_async (SamStore              *store,
                               const SamExportFilter *filter,
                               SamExportFormat        format,
                               SamLang                lang,
                               GFile                 *file,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format < SAM_N_EXPORT_FORMATS && lang < SAM_N_LANGS);

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_store_export_format_async, &work);
  work->file = g_object_ref (file);
  work->format = format;
  work->lang = lang;
  if (filter != NULL)
    {
      work->has_filter = TRUE;
      work->filter.areas = g_strdupv (filter->areas);
      work->filter.kinds = g_strdupv (filter->kinds);
      work->filter.paths = g_strdupv (filter->paths);
      work->filter.audience = filter->audience;
    }
  _sam_task_run (task, export_work, NULL);
}

gboolean
sam_store_export_file_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return sam_store_export_format_finish (store, result, error);
}

gboolean
sam_store_export_format_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return _sam_task_propagate_boolean (store, result, sam_store_export_format_async, error);
}

/* Chosen actors: an actor's card, a search result */

static gpointer
export_actors_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return _sam_task_boolean (sam_export_actors_to_file (work->actors, work->format,
                                                       work->filter.audience, work->lang,
                                                       work->file, cancellable, error));
}

void
sam_export_actors_to_file_async (GPtrArray          *actors,
                                 SamExportFormat     format,
                                 SamVisibility       audience,
                                 SamLang             lang,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (actors != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format != SAM_EXPORT_FORMAT_XML && format < SAM_N_EXPORT_FORMATS);

  task = task_new (NULL, NULL, cancellable, callback, user_data,
                   sam_export_actors_to_file_async, &work);
  work->file = g_object_ref (file);
  work->format = format;
  work->lang = lang;
  work->filter.audience = audience;
  /* the thread gets objects nobody else holds */
  work->actors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (work->actors, sam_actor_copy (g_ptr_array_index (actors, i)));
  _sam_task_run (task, export_actors_work, NULL);
}

gboolean
sam_export_actors_to_file_finish (GAsyncResult *result, GError **error)
{
  return _sam_task_propagate_boolean (NULL, result, sam_export_actors_to_file_async, error);
}

/* A copy */

static gpointer
copy_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autofree char *path = g_file_get_path (work->file);
  g_autoptr(SamStore) store = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a file on this computer."));
      return NULL;
    }
  store = open_own (work, cancellable, error);
  return _sam_task_boolean (store != NULL && sam_store_backup (store, path, error));
}

void
sam_store_save_copy_async (SamStore            *store,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_store_save_copy_async, &work);
  work->file = g_object_ref (file);
  _sam_task_run (task, copy_work, NULL);
}

gboolean
sam_store_save_copy_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return _sam_task_propagate_boolean (store, result, sam_store_save_copy_async, error);
}

/* Restoring a backup */

static gpointer
restore_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);

  return _sam_task_boolean (store != NULL &&
                            sam_backups_restore (store, work->backup, NULL, error));
}

void
sam_backups_restore_async (SamStore            *store,
                           const SamBackup     *backup,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (backup != NULL && backup->path != NULL);

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_backups_restore_async, &work);
  work->backup = g_new0 (SamBackup, 1);
  work->backup->path = g_strdup (backup->path);
  work->backup->made = backup->made ? g_date_time_ref (backup->made) : NULL;
  work->backup->reason = g_strdup (backup->reason);
  work->backup->size = backup->size;
  _sam_task_run (task, restore_work, NULL);
}

gboolean
sam_backups_restore_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return _sam_task_propagate_boolean (store, result, sam_backups_restore_async, error);
}

/* Merge: the plan, then applying it */

static gpointer
plan_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);

  if (store == NULL)
    return NULL;
  return plan_without_store (sam_merge_plan_new_for_file (store, work->file, cancellable, error));
}

void
sam_merge_plan_new_for_file_async (SamStore            *store,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_merge_plan_new_for_file_async, &work);
  work->file = g_object_ref (file);
  _sam_task_run (task, plan_work, (GDestroyNotify) sam_merge_plan_free);
}

SamMergePlan *
sam_merge_plan_new_for_file_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return _sam_task_propagate (store, result, sam_merge_plan_new_for_file_async, error);
}

static gpointer
apply_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);
  g_autoptr(SamStore) kept = NULL;
  gboolean ok;

  if (store == NULL)
    return NULL;
  /* the plan's own store, if it has one, is not used on this thread */
  kept = _sam_merge_plan_swap_store (work->plan, store);
  ok = sam_merge_plan_apply (work->plan, work->flag, error);
  g_object_unref (_sam_merge_plan_swap_store (work->plan, kept));
  return _sam_task_boolean (ok);
}

void
sam_merge_plan_apply_async (SamMergePlan        *plan,
                            gboolean             backup,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (plan != NULL);

  task = task_new (NULL, _sam_merge_plan_get_register_path (plan), cancellable, callback,
                   user_data, sam_merge_plan_apply_async, &work);
  work->plan = plan;
  work->flag = backup;
  _sam_task_run (task, apply_work, NULL);
}

gboolean
sam_merge_plan_apply_finish (SamMergePlan *plan, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (((Work *) _sam_task_get_data (result))->plan == plan, FALSE);
  return _sam_task_propagate_boolean (NULL, result, sam_merge_plan_apply_async, error);
}

/* Following */

static gpointer
follow_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  Work *work = data;
  g_autoptr(SamStore) store = open_own (work, cancellable, error);

  if (store == NULL)
    return NULL;
  if (work->flag)
    {
      /* a file that does not read is not followed */
      g_autoptr(SamMergePlan) check = sam_follow_plan (store, work->name, cancellable, error);

      if (check == NULL || !sam_follow_add (store, work->name, error))
        return NULL;
    }
  return plan_without_store (sam_follow_sync (store, work->name, cancellable, error));
}

void
sam_follow_sync_async (SamStore            *store,
                       const char          *file,
                       gboolean             add,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (file != NULL);

  task = task_new (store, sam_store_get_path (store), cancellable, callback, user_data,
                   sam_follow_sync_async, &work);
  work->name = g_strdup (file);
  work->flag = add;
  _sam_task_run (task, follow_work, (GDestroyNotify) sam_merge_plan_free);
}

SamMergePlan *
sam_follow_sync_finish (SamStore *store, GAsyncResult *result, GError **error)
{
  return _sam_task_propagate (store, result, sam_follow_sync_async, error);
}
