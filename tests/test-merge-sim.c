/* test-merge-sim.c
 *
 * Six registers and 10,000 random operations (edits, additions and
 * deletions of actors, routes and steps, whole and subset exports for an
 * audience, merges between random pairs, follows), seeded and
 * reproducible; then a full exchange round. Every remembered edit must be
 * in every register, and all registers the same. A longer run:
 * bench/merge-sim-bench.c.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "sam-merge-sim.h"
#include "sam-test-util.h"

static void
test_simulation (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *env = g_getenv ("SAMVERKAN_SIM_SEED");
  guint32 seed = env ? (guint32) g_ascii_strtoull (env, NULL, 10) : 20261206;
  SamMergeSimResult result;

  const char *ops = g_getenv ("SAMVERKAN_SIM_OPERATIONS");
  guint n = ops ? (guint) g_ascii_strtoull (ops, NULL, 10) : 10000;

  sam_merge_sim_run (seed, 6, n, dir, &result, problems);
  g_test_message ("seed %u", seed);
  g_print ("# %u operations, %u edits lost, %u conflicts, converged: %s\n", result.operations,
           result.lost, result.conflicts, result.converged ? "yes" : "no");
  if (problems->len)
    g_printerr ("%s", problems->str);
  sam_test_remove_dir (dir);
  g_assert_cmpuint (result.operations, ==, n);
  g_assert_cmpuint (result.edits, >, n / 3);
  g_assert_cmpuint (result.merges, >, n / 12);
  g_assert_cmpuint (result.lost, ==, 0);
  g_assert_true (result.converged);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-sim/six-registers", test_simulation);
  return g_test_run ();
}
