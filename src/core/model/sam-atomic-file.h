/* sam-atomic-file.h — every output file is written beside its target and renamed.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sam_atomic_file_new() creates a temporary file, mode 0600 whatever the
 * umask, in the target's folder: one without a name (O_TMPFILE) where the
 * file system has them, else one named SAM_ATOMIC_FILE_PREFIX + the
 * target's name + six random characters. The caller writes it through
 * the stream, then sam_atomic_file_commit() flushes it to disk, gives it
 * a temporary name if it had none, renames it over the target and flushes
 * the folder. Freeing one that was not committed removes the temporary
 * file and leaves the target as it was.
 *
 * A process killed while writing an unnamed file leaves nothing; one
 * killed while writing a named file (sam_atomic_file_new_named(), for
 * SQLite, which opens it by path) leaves a file starting with
 * SAM_ATOMIC_FILE_PREFIX, a name no other program makes; the store
 * removes such leftovers in the register's .backups folder when it opens.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SAM_ATOMIC_FILE_PREFIX ".samverkan-tmp-"

typedef struct _SamAtomicFile SamAtomicFile;

SamAtomicFile *sam_atomic_file_new            (const char     *path,
                                               GError        **error);
/* Always a named temporary file, for a writer that opens it by path after
 * sam_atomic_file_release_fd(). */
SamAtomicFile *sam_atomic_file_new_named      (const char     *path,
                                               GError        **error);
/* The same for @file, which must be on this computer (have a path). */
SamAtomicFile *sam_atomic_file_new_for_file   (GFile          *file,
                                               GError        **error);
const char    *sam_atomic_file_get_path       (SamAtomicFile  *self);
/* NULL for an unnamed file before sam_atomic_file_commit() */
const char    *sam_atomic_file_get_temp_path  (SamAtomicFile  *self);
/* Writes to the temporary file; owned by @self. */
GOutputStream *sam_atomic_file_get_stream     (SamAtomicFile  *self);
/* Closes this file's own descriptor, for a writer that opens the
 * temporary file by its path (SQLite: a second descriptor closed in the
 * same process would drop its locks). */
void           sam_atomic_file_release_fd     (SamAtomicFile  *self);
gboolean       sam_atomic_file_commit         (SamAtomicFile  *self,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* Removes the temporary file unless committed, and frees @self. */
void           sam_atomic_file_free           (SamAtomicFile  *self);

/* @contents to @path the same way. */
gboolean       sam_atomic_file_set_contents   (const char     *path,
                                               const char     *contents,
                                               gsize           length,
                                               GError        **error);
/* TRUE for a name sam_atomic_file_new() gives its temporary files. */
gboolean       sam_atomic_file_is_temp_name   (const char     *basename);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamAtomicFile, sam_atomic_file_free)

G_END_DECLS
