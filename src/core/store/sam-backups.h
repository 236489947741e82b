/* sam-backups.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety net: before every merge import (and every restore) the
 * register is copied with SQLite's online backup into a folder beside it,
 * REGISTER.backups/, and the last SAM_BACKUPS_KEEP copies are kept.
 */
#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_BACKUPS_KEEP 10

typedef struct {
  char *path;
  GDateTime *made;     /* UTC */
  char *reason;        /* "import", "restore", … as given */
  goffset size;
} SamBackup;

void        sam_backup_free          (SamBackup   *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamBackup, sam_backup_free)

/* The folder: "/x/register.sqlite" keeps its copies in "/x/register.sqlite.backups". */
char       *sam_backups_get_dir      (SamStore    *store);
/* Copies the register now; @reason is a word ([a-z-]) kept in the name.
 * Then removes the oldest copies beyond SAM_BACKUPS_KEEP. */
SamBackup  *sam_backups_create       (SamStore    *store,
                                      const char  *reason,
                                      GError     **error);
/* The copies, newest first (number 1 is the newest). */
/* A copy before a change that may still fail: sam_backups_end() keeps it
 * (and only then drops the oldest beyond SAM_BACKUPS_KEEP) when the change
 * was made, and removes it when nothing changed, so that failed attempts
 * never push out a copy from before a change that did happen.
 * sam_backups_create() is begin and end in one. */
SamBackup  *sam_backups_begin        (SamStore    *store,
                                      const char  *reason,
                                      GError     **error);
void        sam_backups_end          (SamStore    *store,
                                      SamBackup   *backup,
                                      gboolean     changed);
GPtrArray  *sam_backups_list         (SamStore    *store,
                                      GError     **error);
/* Brings @backup back into the register (through the open connection, so
 * other windows see it as a change), after copying the register as it is
 * now ("restore"). The copy made first is returned in @undo (nullable). */
gboolean    sam_backups_restore      (SamStore    *store,
                                      SamBackup   *backup,
                                      SamBackup  **undo,
                                      GError     **error);
/* "2026-11-25 12:00:03, before import, 1.2 MB" */
char       *sam_backup_describe      (SamBackup   *backup);

G_END_DECLS
