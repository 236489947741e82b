/* sam-register-tasks.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The long work on a register as _async/_finish pairs, for the windows:
 * import, export, a copy, restoring a backup, a merge (plan, then apply)
 * and following a published register.
 *
 * Each runs in a thread on a connection of its own, opened and closed on
 * that thread: a SamStore is only ever used on the thread that opened it.
 * The @store passed in is the task's source object; only its path is read.
 * The caller's store sees what was written after
 * sam_store_check_for_changes().
 *
 * Cancelling @cancellable stops the work where it can be stopped with
 * nothing written; the call then fails with G_IO_ERROR_CANCELLED. Work that
 * has reached its commit completes, and the call says so.
 */
#pragma once

#include <gio/gio.h>

#include "sam-backups.h"
#include "sam-export-filter.h"
#include "sam-export-format.h"
#include "sam-merge.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* sam_register_xml_import() into the empty @store; @n_actors (nullable):
 * the register's actors afterwards. */
void          sam_store_import_file_async    (SamStore              *store,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_store_import_file_finish   (SamStore              *store,
                                              GAsyncResult          *result,
                                              guint                 *n_actors,
                                              GError               **error);

/* sam_export_to_file(); @filter (nullable: the default, for professionals) is copied. */
void          sam_store_export_file_async    (SamStore              *store,
                                              const SamExportFilter *filter,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_store_export_file_finish   (SamStore              *store,
                                              GAsyncResult          *result,
                                              GError               **error);
/* sam_export_format_to_file(): the same in @format, texts in @lang. */
void          sam_store_export_format_async  (SamStore              *store,
                                              const SamExportFilter *filter,
                                              SamExportFormat        format,
                                              SamLang                lang,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_store_export_format_finish (SamStore              *store,
                                              GAsyncResult          *result,
                                              GError               **error);
/* sam_export_actors_to_file() of copies of @actors (vCard, CSV, HSDS). */
void          sam_export_actors_to_file_async (GPtrArray            *actors,
                                               SamExportFormat       format,
                                               SamVisibility         audience,
                                               SamLang               lang,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      sam_export_actors_to_file_finish (GAsyncResult        *result,
                                                GError             **error);

/* sam_store_backup() to the local file @file: a copy of the register. */
void          sam_store_save_copy_async      (SamStore              *store,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_store_save_copy_finish     (SamStore              *store,
                                              GAsyncResult          *result,
                                              GError               **error);

/* sam_backups_restore(); @backup is copied. */
void          sam_backups_restore_async      (SamStore              *store,
                                              const SamBackup       *backup,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_backups_restore_finish     (SamStore              *store,
                                              GAsyncResult          *result,
                                              GError               **error);

/* sam_merge_plan_new_for_file(). The plan comes back without a store of
 * its own (its connection was closed on the thread that opened it): read
 * it, choose sides, and apply it with sam_merge_plan_apply_async(). */
void          sam_merge_plan_new_for_file_async  (SamStore           *store,
                                                  GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
SamMergePlan *sam_merge_plan_new_for_file_finish (SamStore           *store,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* sam_merge_plan_apply() on a connection of its own to the plan's register
 * (whether the plan has a store or not: that store is not used). The
 * caller keeps @plan, and neither reads nor changes it, until the callback
 * has run. */
void          sam_merge_plan_apply_async     (SamMergePlan          *plan,
                                              gboolean               backup,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      sam_merge_plan_apply_finish    (SamMergePlan          *plan,
                                              GAsyncResult          *result,
                                              GError               **error);

/* sam_follow_sync() of @file; with @add, the file must read before it is
 * followed (sam_follow_plan(), sam_follow_add()). The plan that was
 * applied comes back without a store, to describe what changed. */
void          sam_follow_sync_async          (SamStore              *store,
                                              const char            *file,
                                              gboolean               add,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
SamMergePlan *sam_follow_sync_finish         (SamStore              *store,
                                              GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS
