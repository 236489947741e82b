/* sam-merge-sim.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seeded simulation of registers sharing by merge and follow, with an
 * oracle that remembers every edit (tests/test-merge-sim.c, and a longer
 * run in bench/merge-sim-bench.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint operations;   /* random operations run */
  guint edits;        /* of them, writes the oracle remembers */
  guint merges;
  guint conflicts;    /* conflict records decided, proposals included */
  guint lost;         /* remembered writes not found at the end */
  gboolean converged; /* every register holds the same records */
} SamMergeSimResult;

/* Runs @n_operations random operations over @n_registers registers in
 * memory, then exchanges every pair until nothing changes. Problems are
 * appended to @problems (nullable). */
void sam_merge_sim_run (guint32            seed,
                        guint              n_registers,
                        guint              n_operations,
                        const char        *dir,
                        SamMergeSimResult *result,
                        GString           *problems);

G_END_DECLS
