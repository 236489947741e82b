/* merge-sim-bench.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge simulation of tests/test-merge-sim.c, longer and over more
 * seeds: registers in memory editing, exporting, merging and following at
 * random, then a full exchange round, checked against an oracle of every
 * edit. See bench/README.md.
 *
 *   samverkan-merge-sim-bench [OPERATIONS] [--registers N] [--seeds K] [--seed S]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-merge-sim.h"

int
main (int argc, char **argv)
{
  guint operations = 50000, registers = 6, seeds = 3;
  guint32 seed = 1;
  guint failed = 0;
  g_autofree char *dir = g_dir_make_tmp ("samverkan-sim-XXXXXX", NULL);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--registers") && i + 1 < argc)
        registers = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--seeds") && i + 1 < argc)
        seeds = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = (guint32) strtoul (argv[++i], NULL, 10);
      else
        operations = (guint) atoi (argv[i]);
    }
  g_setenv ("LANGUAGE", "en", TRUE);
  for (guint k = 0; k < seeds; k++)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      SamMergeSimResult result;
      gint64 start = g_get_monotonic_time ();

      sam_merge_sim_run (seed + k, registers, operations, dir, &result, problems);
      printf ("seed %u, %u registers: %u operations, %u edits lost, %u conflicts, converged: %s "
              "(%u merges, %.1f s)\n", seed + k, registers, result.operations, result.lost,
              result.conflicts, result.converged ? "yes" : "no", result.merges,
              (g_get_monotonic_time () - start) / 1e6);
      if (problems->len)
        fputs (problems->str, stdout);
      failed += result.lost > 0 || !result.converged;
    }
  g_remove (dir);
  return failed ? 1 : 0;
}
