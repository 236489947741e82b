/* print-bench.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-print-bench: how long printing takes, through the same
 * SamSheet API the app's Print dialog and `samverkan-cli print` use. Times
 * one escalation sheet of the sample register, and an area directory of at
 * least 100 pages from a generated register, each from the options to the
 * finished PDF file. See bench/README.md.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "sam-bench-gen.h"
#include "sam-default-register.h"
#include "sam-register-xml.h"
#include "sam-sheet.h"

/* about 110 pages for the busiest county (Västra Götaland) */
static int opt_actors = 6000;
static char *opt_area;
static char *opt_dir;
static char *opt_register;
static int opt_rounds = 5;
static gint64 opt_seed = 1;
static gboolean opt_no_qr;

static const GOptionEntry entries[] = {
  { "actors", 'n', 0, G_OPTION_ARG_INT, &opt_actors, "Actors in the generated register (default 6000)", "N" },
  { "area", 'a', 0, G_OPTION_ARG_STRING, &opt_area, "Area of the directory (default: the county with the most actors)", "CODE" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_dir, "Work directory (default: bench/out in the source tree)", "DIR" },
  { "register", 'r', 0, G_OPTION_ARG_FILENAME, &opt_register, "Use this register for the directory instead of generating one", "FILE" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "Timed rounds of each sheet (default 5; the median is reported)", "R" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the generated register (default 1)", "S" },
  { "no-qr", 0, 0, G_OPTION_ARG_NONE, &opt_no_qr, "Without QR codes", NULL },
  { NULL }
};

static G_GNUC_NORETURN void
die (const char *what, GError *error)
{
  g_printerr ("samverkan-print-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  double gather_ms;    /* sam_sheet_new: reading the store */
  double total_ms;     /* options to the closed PDF file */
  double cpu_ms;       /* user + system CPU time of the same: what a busy machine does not inflate */
  guint pages;
  gint64 bytes;
} Run;

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* One sheet from the options to the PDF file, timed. */
static Run
print_once (SamStore *store, const SamSheetOptions *options, const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamSheet) sheet = NULL;
  GStatBuf st;
  Run run = { 0 };
  gint64 t0, t1, t2;
  double c0 = cpu_ms ();

  t0 = g_get_monotonic_time ();
  sheet = sam_sheet_new (store, options, &error);
  if (sheet == NULL)
    die ("sam_sheet_new", error);
  t1 = g_get_monotonic_time ();
  if (!sam_sheet_write_pdf (sheet, pdf, &error))
    die ("sam_sheet_write_pdf", error);
  t2 = g_get_monotonic_time ();
  run.cpu_ms = cpu_ms () - c0;
  run.gather_ms = (t1 - t0) / 1e3;
  run.total_ms = (t2 - t0) / 1e3;
  run.pages = sam_sheet_get_n_pages (sheet);
  if (g_stat (pdf, &st) == 0)
    run.bytes = st.st_size;
  return run;
}

/* One untimed warm-up (fonts loaded, caches filled), then @rounds timed;
 * the run with the median total. */
static Run
print_rounds (SamStore *store, const SamSheetOptions *options, const char *pdf, const char *what)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  double median;

  print_once (store, options, pdf);
  for (int i = 0; i < MAX (opt_rounds, 1); i++)
    {
      Run run = print_once (store, options, pdf);

      g_array_append_val (runs, run);
      g_array_append_val (totals, run.total_ms);
      g_print ("  %s, round %d: %.1f ms, CPU %.1f ms (%u pages)\n", what, i + 1, run.total_ms, run.cpu_ms,
               run.pages);
    }
  g_array_sort (totals, compare_doubles);
  median = g_array_index (totals, double, totals->len / 2);
  for (guint i = 0; i < runs->len; i++)
    if (g_array_index (runs, Run, i).total_ms == median)
      return g_array_index (runs, Run, i);
  g_assert_not_reached ();
}

/* The county whose directory is longest: the most actors serve it. */
static char *
busiest_county (SamStore *store)
{
  g_autoptr(GPtrArray) actors = sam_store_list_actors (store, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *best = NULL;
  guint best_n = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; actors && i < actors->len; i++)
    {
      GPtrArray *areas = sam_actor_get_areas (g_ptr_array_index (actors, i));

      for (guint k = 0; k < areas->len; k++)
        {
          const char *code = g_ptr_array_index (areas, k);
          g_autofree char *county = g_strndup (code, 2);

          if (g_str_equal (code, "SE"))
            continue;
          g_hash_table_insert (counts, g_strdup (county),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, county)) + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_n || (GPOINTER_TO_UINT (value) == best_n && g_strcmp0 (key, best) < 0))
      best = key, best_n = GPOINTER_TO_UINT (value);
  return g_strdup (best ? best : "SE");
}

/* The generated register of @n actors, imported once and kept in @dir. */
static SamStore *
open_generated (const char *dir, int n)
{
  g_autofree char *name = g_strdup_printf ("print-register-%d-s%" G_GINT64_FORMAT ".sqlite", n, opt_seed);
  g_autofree char *xml_name = g_strdup_printf ("register-%d-s%" G_GINT64_FORMAT ".xml", n, opt_seed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *xml = g_build_filename (dir, xml_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  SamStore *store;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store = sam_store_open_read_only (path, &error);
      if (store == NULL)
        die (path, error);
      return store;
    }
  if (!g_file_test (xml, G_FILE_TEST_EXISTS))
    {
      g_print ("Generating %d actors into %s …\n", n, xml);
      if (!sam_bench_generate_file (xml, n, opt_seed, &error))
        die (xml, error);
    }
  g_print ("Importing %s into %s (not timed) …\n", xml, path);
  start = g_get_monotonic_time ();
  store = sam_store_open (path, &error);
  file = g_file_new_for_path (xml);
  if (store == NULL || !sam_register_xml_import (store, file, NULL, NULL, &error))
    die (path, error);
  g_print ("  imported in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return store;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time printing contact sheets");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) sample = NULL;
  g_autoptr(SamStore) big = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *escalation_pdf = NULL;
  g_autofree char *directory_pdf = NULL;
  g_autofree char *area = NULL;
  SamSheetOptions options;
  Run escalation, directory;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);

  dir = g_strdup (opt_dir ? opt_dir : BENCH_SOURCE_DIR "/out");
  if (g_mkdir_with_parents (dir, 0755) != 0)
    die (dir, NULL);
  escalation_pdf = g_build_filename (dir, "print-escalation.pdf", NULL);
  directory_pdf = g_build_filename (dir, "print-directory.pdf", NULL);

  /* 1. The escalation sheet of the sample's first path: one A4 page with the
   * flowchart, the contacts and QR codes. */
  sample_path = g_build_filename (dir, "print-sample.sqlite", NULL);
  g_remove (sample_path);
  sample = sam_store_open (sample_path, &error);
  if (sample == NULL || !sam_load_sample_register (sample, &error))
    die (sample_path, error);
  sam_sheet_options_init (&options);
  options.qr_codes = !opt_no_qr;
  options.kind = SAM_SHEET_ESCALATION;
  options.audience = SAM_AUDIENCE_PROFESSIONAL;
  options.path_id = g_strdup ("trafficking-adult");
  g_print ("Escalation sheet (sample register, %s):\n", options.path_id);
  escalation = print_rounds (sample, &options, escalation_pdf, "escalation");
  sam_sheet_options_clear (&options);

  /* 2. An area directory of at least 100 pages. */
  big = opt_register ? sam_store_open_read_only (opt_register, &error) : open_generated (dir, opt_actors);
  if (big == NULL)
    die (opt_register, error);
  area = opt_area ? g_strdup (opt_area) : busiest_county (big);
  sam_sheet_options_init (&options);
  options.qr_codes = !opt_no_qr;
  options.kind = SAM_SHEET_DIRECTORY;
  options.audience = SAM_AUDIENCE_PROFESSIONAL;
  options.area_code = g_strdup (area);
  g_print ("Area directory (%" G_GINT64_FORMAT " actors, area %s):\n", sam_store_count_actors (big), area);
  directory = print_rounds (big, &options, directory_pdf, "directory");
  sam_sheet_options_clear (&options);

  g_print ("\nMedians of %d rounds:\n", MAX (opt_rounds, 1));
  g_print ("%-38s %10s %10s %10s %6s %9s %9s\n", "", "wall", "CPU", "gather", "pages", "PDF", "target");
  g_print ("%-38s %7.1f ms %7.1f ms %7.1f ms %6u %6.0f kB %9s\n", "escalation sheet (trafficking-adult)",
           escalation.total_ms, escalation.cpu_ms, escalation.gather_ms, escalation.pages,
           escalation.bytes / 1024.0, escalation.total_ms < 100 ? "< 100 ms" : "MISSED");
  g_print ("%-38s %7.1f ms %7.1f ms %7.1f ms %6u %6.0f kB %9s\n", "area directory",
           directory.total_ms, directory.cpu_ms, directory.gather_ms, directory.pages, directory.bytes / 1024.0,
           directory.total_ms < 3000 ? "< 3 s" : "MISSED");
  if (directory.pages < 100)
    g_print ("(the directory has fewer than 100 pages: give more --actors or another --area)\n");
  g_print ("per directory page: %.1f ms\n", directory.total_ms / MAX (directory.pages, 1));
  g_remove (sample_path);
  return 0;
}
