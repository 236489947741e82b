/* sam-test-util.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What many tests set up: a folder of their own with a register in it,
 * and runs of samverkan-cli.
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
/* Removes @dir and everything in it (or the file @dir). */
void      sam_test_remove_dir  (const char *dir);
/* The sample register in a folder of its own, with its escalation paths
 * read: the fixture of the suites about paths. */
typedef struct {
  char *dir;
  SamStore *store;
  GPtrArray *paths;
} SamTestSample;

void      sam_test_sample_set_up    (SamTestSample *f,
                                     gconstpointer  data);
void      sam_test_sample_tear_down (SamTestSample *f,
                                     gconstpointer  data);
/* The sample's path @id; fails the test when there is none. */
SamEscalationPath *sam_test_sample_find_path (SamTestSample *f,
                                              const char    *id);

/* Runs samverkan-cli ($SAMVERKAN_CLI) with @args (NULL-terminated) in the
 * environment @env (NULL: this one); returns its exit status and what it
 * printed in @out and @err (nullable), and logs the call for the test log.
 * A test of the CLI holds a SamTestCli (sam-test-cli.h), which runs this. */
int       sam_test_run_cli     (char              **env,
                                char              **out,
                                char              **err,
                                const char * const *args);

G_END_DECLS
