/* sam-test-store-open.h
 *
 * What test-store-open.c and test-store-files.c share: a folder with the
 * sample register in it for samverkan-cli, the register's bytes compared,
 * SQLite used directly (as another program would), a write lock held by
 * another program, and an export changed by hand.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sam-test-cli.h"

G_BEGIN_DECLS

typedef struct {
  SamTestCli cli;
  char *path;     /* register.sqlite in the folder, with the sample in it; $SAMVERKAN_REGISTER */
} SamTestRegisterFile;

void     sam_test_register_file_set_up    (SamTestRegisterFile *f,
                                           gconstpointer        data);
void     sam_test_register_file_tear_down (SamTestRegisterFile *f,
                                           gconstpointer        data);
/* The bytes of the file @path, which must be read. */
GBytes  *sam_test_read_bytes              (const char *path);
/* @path holds @before, byte for byte. */
void     sam_test_assert_same_bytes       (GBytes     *before,
                                           const char *path);
/* Runs @sql on @db, which must succeed. */
void     sam_test_exec_sql                (sqlite3    *db,
                                           const char *sql);
/* @path opened by SQLite alone. */
sqlite3 *sam_test_open_sqlite             (const char *path);
/* Another program writing: a transaction holding the write lock, with a
 * change the readers must not see. ROLLBACK and close it. */
sqlite3 *sam_test_hold_write_lock         (const char *path);
/* An export of the fixture's register with the English name of the
 * police changed by hand; returns its path. */
char    *sam_test_write_changed_export    (SamTestRegisterFile *f);

G_END_DECLS
