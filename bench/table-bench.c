/* table-bench.c — how long a spreadsheet import takes: the preview (read the
 * file, find the columns, make the actors, look for duplicates) and the
 * import (backup, one transaction).
 *
 *   build/bench/samverkan-table-bench 5000            a generated Excel CSV
 *   build/bench/samverkan-table-bench 5000 FILE.xlsx  that file instead
 *   build/bench/samverkan-table-bench 5000 --write OUT.csv   only writes the CSV
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "sam-table-import.h"

static const char * const towns[] = {
  "Malmö", "Lund", "Helsingborg", "Landskrona", "Ystad", "Kristianstad", "Trelleborg",
  "Göteborg", "Borås", "Trollhättan", "Skåne län", "Västra Götalands län",
};
static const char * const kinds[] = {
  "Socialtjänst", "Polis", "Hälso- och sjukvård", "Kvinnojour", "Ideell förening", "Stödlinje",
};
static const char * const hours[] = {
  "mån–fre 8–16.30", "Dygnet runt", "vardagar 8-12 och 13-16", "mån-tors 8-16, fre 8-15",
  "mån, ons 13-16; tors 9-12",
};

/* An Excel CSV in Windows-1252 with @rows rows of distinct actors. */
static char *
generate (const char *dir, guint rows, const char *out)
{
  g_autoptr(GString) csv = g_string_new ("Verksamhet;Typ;Kommun;Telefon;Jour;E-post;Webb;"
                                         "Adress;Öppettider;Målgrupp;Språk;Anteckning\r\n");
  g_autofree char *bytes = NULL;
  char *path = out ? g_strdup (out) : g_build_filename (dir, "contacts.csv", NULL);
  gsize length;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "Mottagning %u, %s;%s;%s;040-%02u %02u %02u;070-%03u %02u %02u;"
                            "mottagning%u@exempel.se;https://exempel.se/%u;\"Storgatan %u\n"
                            "211 %02u Malmö\";\"%s\";Vuxna, barn;svenska, engelska;Rad %u\r\n",
                            i, towns[i % G_N_ELEMENTS (towns)], kinds[i % G_N_ELEMENTS (kinds)],
                            towns[i % G_N_ELEMENTS (towns)], 10 + i / 10000, (i / 100) % 100,
                            i % 100, 100 + i / 10000, (i / 100) % 100, i % 100, i, i, i % 90 + 1,
                            i % 100, hours[i % G_N_ELEMENTS (hours)], i + 2);
  bytes = g_convert (csv->str, csv->len, "WINDOWS-1252", "UTF-8", NULL, &length, NULL);
  g_assert (bytes != NULL);
  g_assert (g_file_set_contents (path, bytes, length, NULL));
  return path;
}

/* CPU seconds of this process: on a machine shared with other builds the
 * wall clock says more about the others than about the import. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("samverkan-table-bench-XXXXXX", NULL);
  g_autofree char *register_path = g_build_filename (dir, "register.sqlite", NULL);
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  gboolean write_only = argc > 3 && g_str_equal (argv[2], "--write");
  g_autofree char *file = write_only ? generate (dir, rows, argv[3])
                          : argc > 2 ? g_strdup (argv[2]) : generate (dir, rows, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (register_path, &error);
  g_autoptr(SamTableImport) import = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint added = 0, merged = 0;
  double preview, apply, cpu_preview, cpu_apply, cpu;

  g_assert_no_error (error);
  if (write_only)
    return (g_print ("%s\n", file), 0);
  g_timer_start (timer);
  cpu = cpu_seconds ();
  import = sam_table_import_new (store, file, &error);
  preview = g_timer_elapsed (timer, NULL);
  cpu_preview = cpu_seconds () - cpu;
  g_assert_no_error (error);
  if (write_only)
    return (g_print ("%s\n", file), 0);
  g_timer_start (timer);
  cpu = cpu_seconds ();
  if (!sam_table_import_apply (import, &added, &merged, &error))
    g_error ("%s", error->message);
  apply = g_timer_elapsed (timer, NULL);
  cpu_apply = cpu_seconds () - cpu;
  g_print ("file=%s\nrows=%u\nproblems=%u\nadded=%u\n"
           "preview_s=%.3f\npreview_cpu_s=%.3f\nimport_s=%.3f\nimport_cpu_s=%.3f\n"
           "total_s=%.3f\n", file, sam_table_import_get_rows (import)->len,
           sam_table_import_get_problems (import)->len, added, preview, cpu_preview, apply,
           cpu_apply, preview + apply);
  for (guint i = 0; i < MIN (sam_table_import_get_problems (import)->len, 5); i++)
    {
      SamTableProblem *problem = g_ptr_array_index (sam_table_import_get_problems (import), i);
      g_print ("problem: row %u, %s: %s: %s\n", problem->row, problem->column, problem->value,
               problem->reason);
    }
  g_clear_object (&import);
  g_clear_object (&store);
  /* leave nothing behind but the file named */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    return system (command) == 0 ? 0 : 1;
  }
}
