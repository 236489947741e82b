/* sam-test-durability.h
 *
 * What test-durability.c and test-durability-output.c share: the seed of
 * a scenario's delays, a program run to its end or killed after a delay,
 * and a big exchange file made from the sample register.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAM_TEST_BIG_REGISTER_COPIES 40  /* the sample's actors, copied this many times more */

/* The seed of @scenario's delays: $SAMVERKAN_DURABILITY_SEED (or a fixed
 * one) plus @scenario. */
guint32  sam_test_durability_seed      (guint32 scenario);
/* Runs @argv to its end and returns how long that took, in µs. */
gint64   sam_test_run_to_end           (const char * const *argv);
/* Starts @argv and sends it SIGKILL @delay µs later. TRUE when the signal
 * ended it; FALSE when it had already finished, successfully. */
gboolean sam_test_run_and_kill         (const char * const *argv,
                                        gint64              delay);
/* data/sample-register.xml, or NULL without $SAMVERKAN_SOURCE_DIR. */
char    *sam_test_read_sample_register (void);
/* The sample register with its actors copied @copies more times, written
 * to @dir; returns the file's path. */
char    *sam_test_write_big_register   (const char *dir,
                                        const char *sample,
                                        guint       copies,
                                        guint      *n_actors,
                                        guint      *n_paths);

G_END_DECLS
