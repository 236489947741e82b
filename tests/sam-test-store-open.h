/* sam-test-store-open.h
 *
 * What test-store-open.c and test-store-files.c share: a folder with the
 * sample register in it for samverkan-cli, the register's bytes compared,
 * SQLite used directly (as another program would), a write lock held by
 * another program, and an export changed by hand. The helpers keep the
 * short names the tests were written with.
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
} Fixture;

void     set_up               (Fixture       *f,
                               gconstpointer  data);
void     tear_down            (Fixture       *f,
                               gconstpointer  data);
/* The bytes of the file @path, which must be read. */
GBytes  *read_bytes           (const char *path);
/* @path holds @before, byte for byte. */
void     assert_same_bytes    (GBytes     *before,
                               const char *path);
/* Runs @sql on @db, which must succeed. */
void     exec_sql             (sqlite3    *db,
                               const char *sql);
/* @path opened by SQLite alone. */
sqlite3 *open_raw             (const char *path);
/* Another program writing: a transaction holding the write lock, with a
 * change the readers must not see. ROLLBACK and close it. */
sqlite3 *hold_write_lock      (const char *path);
/* An export of the fixture's register with the English name of the
 * police changed by hand; returns its path. */
char    *write_changed_export (Fixture *f);

G_END_DECLS
