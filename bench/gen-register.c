/* gen-register.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-gen-register N OUT.xml [--seed S]: writes a synthetic register
 * of N actors in the exchange format. "-" writes to standard output.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "sam-bench-gen.h"

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 1;
  gint64 start;
  guint64 n;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (default 1)", "S" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("N OUT.xml");
  g_option_context_set_summary (context,
      "Writes a synthetic register of N actors in the Samverkan exchange format.\n"
      "The same seed gives the same file; actor i does not depend on N.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("samverkan-gen-register: %s\n", error->message);
      return 2;
    }
  if (argc != 3 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT32 / 2, &n, NULL))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  start = g_get_monotonic_time ();
  if (g_str_equal (argv[2], "-"))
    {
      if (!sam_bench_write_register (stdout, (guint) n, (guint64) seed) || fflush (stdout) != 0)
        {
          g_printerr ("samverkan-gen-register: writing failed\n");
          return 1;
        }
      return 0;
    }
  if (!sam_bench_generate_file (argv[2], (guint) n, (guint64) seed, &error))
    {
      g_printerr ("samverkan-gen-register: %s\n", error->message);
      return 1;
    }
  g_printerr ("samverkan-gen-register: %" G_GUINT64_FORMAT " actors written to %s in %.2f s\n",
              n, argv[2], (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
