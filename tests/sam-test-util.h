/* sam-test-util.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What many tests set up: a folder of their own with a register in it.
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* A new temporary folder; remove it with sam_test_remove_dir(). */
char     *sam_test_make_dir    (void);
/* Opens (creates) the register @name in @dir, with the built-in sample in
 * it when @sample. */
SamStore *sam_test_open_store  (const char *dir,
                                const char *name,
                                gboolean    sample);
/* Removes @dir and the files in it (a register and its -wal and -shm). */
void      sam_test_remove_dir  (const char *dir);

G_END_DECLS
