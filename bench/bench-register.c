/* bench-register.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-bench N | --xml FILE: imports a register into a fresh file,
 * exports it again and runs the fixed queries of bench/queries.txt through
 * sam_store_search; prints the figures. See bench/README.md.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <glib/gstdio.h>
#include <libxml/xmlversion.h>
#include <sqlite3.h>

#include "sam-areas.h"
#include "sam-bench-gen.h"
#include "sam-query.h"
#include "sam-register-xml.h"

#define FIXED_NOW "2026-11-25T10:00:00+01:00"
#define RAW_SQL "SELECT rowid FROM actor_search WHERE actor_search MATCH ?1 LIMIT 50"

typedef struct {
  char *line;        /* as written in the file */
  guint line_no;
  SamQuery *query;
  char *match;       /* the all-column FTS5 expression, NULL without text */
  guint hits;
  double last_ms;
} BenchQuery;

static void
bench_query_free (BenchQuery *q)
{
  g_free (q->line);
  g_clear_pointer (&q->query, sam_query_free);
  g_free (q->match);
  g_free (q);
}

/* Options */

static char *opt_xml;
static char *opt_dir;
static char *opt_queries;
static gint64 opt_seed = 1;
static int opt_rounds = 1;
static gboolean opt_regenerate;
static gboolean opt_skip_import;
static gboolean opt_skip_export;
static gboolean opt_skip_search;
static gboolean opt_breakdown;
static gboolean opt_verbose;
static gboolean opt_cpu;
static int opt_timeout;

static const GOptionEntry entries[] = {
  { "xml", 'x', 0, G_OPTION_ARG_FILENAME, &opt_xml, "Import FILE instead of a generated register", "FILE" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_dir, "Work directory (default: bench/out in the source tree)", "DIR" },
  { "queries", 'q', 0, G_OPTION_ARG_FILENAME, &opt_queries, "Query list (default: bench/queries.txt)", "FILE" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the generated register (default 1)", "S" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &opt_rounds, "Timed rounds over the queries after the warm-up (default 1)", "R" },
  { "regenerate", 0, 0, G_OPTION_ARG_NONE, &opt_regenerate, "Write the XML again even if it exists", NULL },
  { "skip-import", 0, 0, G_OPTION_ARG_NONE, &opt_skip_import, "Search the register file of an earlier run", NULL },
  { "skip-export", 0, 0, G_OPTION_ARG_NONE, &opt_skip_export, "Do not export", NULL },
  { "skip-search", 0, 0, G_OPTION_ARG_NONE, &opt_skip_search, "Do not search (to profile the import)", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print the time of every query as it runs", NULL },
  { "cpu", 0, 0, G_OPTION_ARG_NONE, &opt_cpu, "Time searches by the CPU time of the thread, not the wall clock", NULL },
  { "timeout", 't', 0, G_OPTION_ARG_INT, &opt_timeout, "Stop when searching takes longer than S seconds in all (default: no limit)", "S" },
  { "breakdown", 0, 0, G_OPTION_ARG_NONE, &opt_breakdown, "Import a second time, timing reading and storing apart", NULL },
  { NULL }
};

/* Helpers */

static G_GNUC_NORETURN void
die (const char *what, GError *error)
{
  g_printerr ("samverkan-bench: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* KiB on Linux */
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

static void
remove_register (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  double mean, p50, p95, p99, max;
  guint n;
} Stats;

/* Nearest-rank percentiles. */
static double
percentile (const double *sorted, guint n, double p)
{
  guint rank = (guint) ceil (p / 100.0 * n);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static Stats
stats_of (GArray *samples)
{
  Stats s = { 0 };
  g_autofree double *sorted = g_memdup2 (samples->data, samples->len * sizeof (double));

  s.n = samples->len;
  if (s.n == 0)
    return s;
  qsort (sorted, s.n, sizeof (double), compare_double);
  for (guint i = 0; i < s.n; i++)
    s.mean += sorted[i];
  s.mean /= s.n;
  s.p50 = percentile (sorted, s.n, 50);
  s.p95 = percentile (sorted, s.n, 95);
  s.p99 = percentile (sorted, s.n, 99);
  s.max = sorted[s.n - 1];
  return s;
}

/* Queries: one a line; "#" starts a comment. Filters go before a "|":
 *   kind=police|polis
 *   area=2480,group=children,lang=ar,open=1|soc
 */
static gboolean
apply_filter (SamQuery *query, const char *key, const char *value, GError **error)
{
  if (g_str_equal (key, "kind"))
    {
      if (!sam_actor_kind_from_string (value, &query->kind))
        goto bad;
      query->has_kind = TRUE;
    }
  else if (g_str_equal (key, "area"))
    {
      if (sam_area_lookup (value) == NULL)
        goto bad;
      g_free (query->area);
      query->area = g_strdup (value);
    }
  else if (g_str_equal (key, "group"))
    {
      if (!sam_target_group_is_valid (value))
        goto bad;
      g_free (query->target_group);
      query->target_group = g_strdup (value);
    }
  else if (g_str_equal (key, "lang"))
    {
      g_free (query->language);
      query->language = g_strdup (value);
    }
  else if (g_str_equal (key, "open"))
    query->open_now = g_str_equal (value, "1") || g_str_equal (value, "yes");
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "unknown filter “%s” (kind, area, group, lang, open)", key);
      return FALSE;
    }
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "bad value “%s” for %s", value, key);
  return FALSE;
}

static GPtrArray *
load_queries (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_query_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Stockholm");

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *bar = strchr (line, '|');
      BenchQuery *q;

      if (*line == '\0' || *line == '#')
        continue;
      q = g_new0 (BenchQuery, 1);
      q->line = g_strdup (line);
      q->line_no = i + 1;
      q->query = sam_query_new (bar ? bar + 1 : line);
      q->query->limit = 50;
      q->query->rows_only = TRUE;   /* what the window asks for: a row of results */
      g_ptr_array_add (queries, q);
      if (bar)
        {
          g_autofree char *prefix = g_strndup (line, bar - line);
          g_auto(GStrv) filters = g_strsplit (prefix, ",", -1);

          for (guint f = 0; filters[f]; f++)
            {
              char *eq = strchr (filters[f], '=');

              if (eq == NULL)
                {
                  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               "%s:%u: a filter is written key=value", path, i + 1);
                  return NULL;
                }
              *eq = '\0';
              if (!apply_filter (q->query, g_strstrip (filters[f]), g_strstrip (eq + 1), error))
                {
                  g_prefix_error (error, "%s:%u: ", path, i + 1);
                  return NULL;
                }
            }
          if (q->query->open_now)
            q->query->now = g_date_time_new_from_iso8601 (FIXED_NOW, tz);
        }
      q->match = sam_query_build_match (q->query->text, FALSE);
    }
  return g_steal_pointer (&queries);
}

/* The statements bench-sqlite-shell.sh runs: the all-column tier's FTS5
 * expression, one statement a query; queries without text are left out. */
static void
write_shell_sql (const char *path, GPtrArray *queries)
{
  g_autoptr(GString) sql = g_string_new ("-- written by samverkan-bench; see bench/README.md\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < queries->len; i++)
    {
      BenchQuery *q = g_ptr_array_index (queries, i);
      g_autofree char *quoted = NULL;

      if (q->match == NULL)
        continue;
      quoted = sqlite3_mprintf ("%Q", q->match);
      g_string_append_printf (sql, "SELECT rowid FROM actor_search WHERE actor_search MATCH %s LIMIT 50;\n",
                              quoted);
      sqlite3_free (g_steal_pointer (&quoted));
    }
  if (!g_file_set_contents (path, sql->str, sql->len, &error))
    die ("writing the SQL for the shell", error);
}

/* Phases */

static double
run_import (const char *xml, const char *db_path, SamStore **store_out, guint *problems_out)
{
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  gint64 start;
  double seconds;

  remove_register (db_path);
  store = sam_store_open (db_path, &error);
  if (store == NULL)
    die ("opening the register", error);
  sam_store_set_user (store, "Benchmark");

  start = g_get_monotonic_time ();
  if (!sam_register_xml_import (store, file, problems, NULL, &error))
    {
      for (guint i = 0; i < MIN (problems->len, 20u); i++)
        g_printerr ("  %s\n", (const char *) g_ptr_array_index (problems, i));
      die ("import", error);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *problems_out = problems->len;
  *store_out = g_steal_pointer (&store);
  return seconds;
}

/* The import again into another fresh file, in its two halves: reading
 * and checking the file (sam_register_xml_parse), then sam_store_import. */
static void
run_breakdown (const char *xml, const char *dir)
{
  g_autofree char *db_path = g_build_filename (dir, "breakdown.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = NULL;
  g_autoptr(SamStore) store = NULL;
  gsize length;
  gint64 t0, t1, t2, t3;

  remove_register (db_path);
  store = sam_store_open (db_path, &error);
  if (store == NULL)
    die ("opening the register", error);
  sam_store_set_user (store, "Benchmark");
  t0 = g_get_monotonic_time ();
  if (!g_file_get_contents (xml, &contents, &length, &error))
    die ("reading the XML", error);
  t1 = g_get_monotonic_time ();
  data = sam_register_xml_parse (contents, length, xml, NULL, &error);
  if (data == NULL)
    die ("parsing", error);
  t2 = g_get_monotonic_time ();
  if (!sam_store_import (store, &data->meta, data->actors, data->paths, &error))
    die ("sam_store_import", error);
  t3 = g_get_monotonic_time ();
  g_print ("  %-34s %10.2f s\n", "  breakdown: read the file", (t1 - t0) / 1e6);
  g_print ("  %-34s %10.2f s\n", "    parse, validate, build (parse)", (t2 - t1) / 1e6);
  g_print ("  %-34s %10.2f s\n", "    sam_store_import", (t3 - t2) / 1e6);
  g_clear_object (&store);
  remove_register (db_path);
}

/* Checkpoints the WAL on a connection of its own and returns the bytes of
 * the file and its -wal. */
static gint64
measure_db (sqlite3 *db, const char *db_path, gint64 *wal_bytes)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

  if (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
    g_printerr ("samverkan-bench: checkpoint: %s\n", sqlite3_errmsg (db));
  *wal_bytes = file_size (wal);
  return file_size (db_path) + *wal_bytes;
}

static double
run_export (SamStore *store, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!sam_register_xml_export (store, file, NULL, &error))
    die ("export", error);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* --timeout: a search can take minutes when a plan goes wrong; then say
 * which query it was rather than hang. */
static const char *volatile running_query;
static gint64 search_deadline;

static gpointer
watchdog (gpointer data)
{
  for (;;)
    {
      g_usleep (G_USEC_PER_SEC / 4);
      if (search_deadline > 0 && g_get_monotonic_time () > search_deadline)
        {
          fflush (stdout);
          g_printerr ("samverkan-bench: searching took more than %d s in all; stopped in “%s”\n",
                      opt_timeout, running_query ? running_query : "?");
          _exit (3);
        }
    }
  return NULL;
}

/* Microseconds: the wall clock, or with --cpu the CPU time of this
 * thread, which other work on a shared machine does not stretch. */
static gint64
search_clock (void)
{
  struct timespec ts;

  if (!opt_cpu || clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return g_get_monotonic_time ();
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
search_pass (SamStore *store, GPtrArray *queries, GArray *samples)
{
  for (guint i = 0; i < queries->len; i++)
    {
      BenchQuery *q = g_ptr_array_index (queries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = NULL;
      gint64 start;
      double ms;

      running_query = q->line;
      start = search_clock ();
      results = sam_store_search (store, q->query, &error);
      ms = (search_clock () - start) / 1000.0;
      if (results == NULL)
        die (q->line, error);
      q->hits = results->len;
      if (opt_verbose)
        {
          g_print ("    %s %10.3f ms %4u  %s\n", samples ? "timed " : "warm-up", ms, q->hits, q->line);
          fflush (stdout);
        }
      q->last_ms = MAX (q->last_ms, ms);
      if (samples)
        g_array_append_val (samples, ms);
    }
}

/* The shell's statement, in this process: what FTS5 alone costs. */
static void
raw_pass (sqlite3 *db, GPtrArray *queries, GArray *samples)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, RAW_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("samverkan-bench: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  for (guint i = 0; i < queries->len; i++)
    {
      BenchQuery *q = g_ptr_array_index (queries, i);
      gint64 start;
      int rc;
      double ms;

      if (q->match == NULL)
        continue;
      start = search_clock ();
      sqlite3_bind_text (stmt, 1, q->match, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        (void) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      ms = (search_clock () - start) / 1000.0;
      if (rc != SQLITE_DONE)
        {
          g_printerr ("samverkan-bench: %s: %s\n", q->line, sqlite3_errmsg (db));
          exit (1);
        }
      if (samples)
        g_array_append_val (samples, ms);
    }
  sqlite3_finalize (stmt);
}

static int
compare_slowest (gconstpointer a, gconstpointer b)
{
  const BenchQuery *x = *(BenchQuery * const *) a, *y = *(BenchQuery * const *) b;

  return x->last_ms < y->last_ms ? 1 : x->last_ms > y->last_ms ? -1 : 0;
}

static const char *
target (gboolean met)
{
  return met ? "met" : "MISSED";
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) results = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *sql_path = NULL;
  g_autofree char *results_path = NULL;
  sqlite3 *db = NULL;
  guint64 n = 0;
  gint64 actors, db_bytes = 0, wal_bytes = 0;
  double gen_s = -1, import_s = -1, export_s = -1;
  guint problems = 0;
  Stats s, raw;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("N | --xml FILE");
  g_option_context_set_summary (context,
      "Imports a register of N generated actors (or FILE) into a fresh register file, exports it\n"
      "and times the queries of bench/queries.txt through sam_store_search.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if ((opt_xml == NULL && (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT32 / 2, &n, NULL))) ||
      (opt_xml != NULL && argc != 1) || opt_rounds < 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }
  if (opt_dir == NULL)
    opt_dir = g_build_filename (BENCH_SOURCE_DIR, "out", NULL);
  if (opt_queries == NULL)
    opt_queries = g_build_filename (BENCH_SOURCE_DIR, "queries.txt", NULL);
  if (g_mkdir_with_parents (opt_dir, 0755) != 0)
    {
      g_printerr ("samverkan-bench: cannot create %s\n", opt_dir);
      return 1;
    }

  if (opt_xml)
    {
      g_autofree char *base = g_path_get_basename (opt_xml);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      label = g_strdup (base);
      xml = g_strdup (opt_xml);
    }
  else
    {
      g_autofree char *name = g_strdup_printf ("register-%" G_GUINT64_FORMAT "-s%" G_GINT64_FORMAT ".xml",
                                               n, opt_seed);
      label = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
      xml = g_build_filename (opt_dir, name, NULL);
    }
  {
    g_autofree char *db_name = g_strdup_printf ("register-%s.sqlite", label);
    g_autofree char *export_name = g_strdup_printf ("export-%s.xml", label);
    g_autofree char *sql_name = g_strdup_printf ("queries-%s.sql", label);
    g_autofree char *results_name = g_strdup_printf ("results-%s.txt", label);

    db_path = g_build_filename (opt_dir, db_name, NULL);
    export_path = g_build_filename (opt_dir, export_name, NULL);
    sql_path = g_build_filename (opt_dir, sql_name, NULL);
    results_path = g_build_filename (opt_dir, results_name, NULL);
  }

  queries = load_queries (opt_queries, &error);
  if (queries == NULL)
    die ("queries", error);

  g_print ("Samverkan benchmark: %s\n", opt_xml ? opt_xml : label);
  g_print ("  SQLite %s, libxml2 %s, GLib %u.%u.%u, %u CPUs\n", sqlite3_libversion (),
           LIBXML_DOTTED_VERSION, glib_major_version, glib_minor_version, glib_micro_version,
           g_get_num_processors ());

  /* 1. the XML */
  if (!opt_xml && !opt_skip_import && (opt_regenerate || !g_file_test (xml, G_FILE_TEST_EXISTS)))
    {
      gint64 start = g_get_monotonic_time ();

      if (!sam_bench_generate_file (xml, (guint) n, (guint64) opt_seed, &error))
        die ("generating the register", error);
      gen_s = (g_get_monotonic_time () - start) / 1e6;
    }

  /* 2. import into a fresh register */
  if (opt_skip_import)
    {
      if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("samverkan-bench: --skip-import: %s does not exist\n", db_path);
          return 1;
        }
      store = sam_store_open (db_path, &error);
      if (store == NULL)
        die ("opening the register", error);
    }
  else
    import_s = run_import (xml, db_path, &store, &problems);
  double rss_import = peak_rss_mib ();
  actors = sam_store_count_actors (store);

  g_print ("\n  %-34s %12" G_GINT64_FORMAT "\n", "actors in the register", actors);
  if (gen_s >= 0)
    g_print ("  %-34s %10.2f s\n", "generate XML", gen_s);
  g_print ("  %-34s %10.1f MB\n", "XML file", file_size (xml) / 1e6);
  if (import_s >= 0)
    g_print ("  %-34s %10.2f s   (%.0f actors/s)\n", "import (sam_register_xml_import)",
             import_s, actors / import_s);
  fflush (stdout);
  if (opt_breakdown)
    run_breakdown (xml, opt_dir);

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_printerr ("samverkan-bench: %s: %s\n", db_path, sqlite3_errmsg (db));
      return 1;
    }
  db_bytes = measure_db (db, db_path, &wal_bytes);
  g_print ("  %-34s %10.1f MB  (-wal after checkpoint: %" G_GINT64_FORMAT " bytes)\n",
           "database file", db_bytes / 1e6, wal_bytes);

  /* 3. export */
  if (!opt_skip_export)
    {
      export_s = run_export (store, export_path);
      g_print ("  %-34s %10.2f s   (%.1f MB written)\n", "export (sam_register_xml_export)",
               export_s, file_size (export_path) / 1e6);
    }
  double rss_export = peak_rss_mib ();
  fflush (stdout);

  /* the statements for bench-sqlite-shell.sh, before a search that may be stopped */
  write_shell_sql (sql_path, queries);

  /* 4. search: one warm-up pass, then the timed rounds */
  if (!opt_skip_search)
    {
      if (opt_timeout > 0)
        {
          search_deadline = g_get_monotonic_time () + (gint64) opt_timeout * G_USEC_PER_SEC;
          g_thread_unref (g_thread_new ("watchdog", watchdog, NULL));
        }
      search_pass (store, queries, NULL);
      for (guint i = 0; i < queries->len; i++)
        ((BenchQuery *) g_ptr_array_index (queries, i))->last_ms = 0;
      for (int r = 0; r < opt_rounds; r++)
        search_pass (store, queries, samples);
      raw_pass (db, queries, NULL);
      for (int r = 0; r < opt_rounds; r++)
        raw_pass (db, queries, raw_samples);
      search_deadline = 0;
    }
  s = stats_of (samples);
  raw = stats_of (raw_samples);

  if (!opt_skip_search)
    {
      g_print ("\n  search, %u queries x %d round(s), limit 50, after one warm-up pass\n",
               queries->len, opt_rounds);
      g_print ("  %-34s %8s %8s %8s %8s %8s\n", "", "mean", "p50", "p95", "p99", "max");
      g_print ("  %-34s %8.3f %8.3f %8.3f %8.3f %8.3f  ms\n", "sam_store_search", s.mean, s.p50,
               s.p95, s.p99, s.max);
      g_print ("  %-34s %8.3f %8.3f %8.3f %8.3f %8.3f  ms  (%u statements)\n",
               "raw FTS5 statement, same process", raw.mean, raw.p50, raw.p95, raw.p99, raw.max, raw.n);
      g_print ("  %-34s %8.1fx\n", "store mean / raw mean", raw.mean > 0 ? s.mean / raw.mean : 0);

      g_ptr_array_sort (queries, compare_slowest);
      g_print ("\n  slowest queries (worst round, ms, results)\n");
      for (guint i = 0; i < MIN (queries->len, 8u); i++)
        {
          BenchQuery *q = g_ptr_array_index (queries, i);
          g_print ("    %8.3f %4u  %s\n", q->last_ms, q->hits, q->line);
        }
    }
  g_print ("\n  %-34s %10.1f MiB  (after import %.1f, after export %.1f)\n",
           "peak RSS (ru_maxrss)", peak_rss_mib (), rss_import, rss_export);
  if (import_s >= 0 && actors >= 100000)
    g_print ("  target: import of 100,000 actors under 5 s: %s\n", target (import_s < 5.0));
  if (actors >= 100000 && !opt_skip_search)
    g_print ("  target: search p95 under 2 ms: %s\n", target (s.p95 < 2.0));
  g_print ("\n  files: %s\n         %s\n         %s\n", db_path, sql_path, results_path);

  g_string_append_printf (results,
      "label=%s\nactors=%" G_GINT64_FORMAT "\nimport_s=%.3f\nexport_s=%.3f\ndb_bytes=%" G_GINT64_FORMAT "\n"
      "queries=%u\nrounds=%d\nsearch_mean_ms=%.4f\nsearch_p50_ms=%.4f\nsearch_p95_ms=%.4f\n"
      "search_p99_ms=%.4f\nsearch_max_ms=%.4f\nraw_statements=%u\nraw_inprocess_mean_ms=%.4f\n"
      "peak_rss_mib=%.1f\ndb=%s\nsql=%s\n",
      label, actors, import_s, export_s, db_bytes, queries->len, opt_rounds, s.mean, s.p50,
      s.p95, s.p99, s.max, raw.n, raw.mean, peak_rss_mib (), db_path, sql_path);
  if (!opt_skip_search &&
      !g_file_set_contents (results_path, results->str, results->len, &error))
    die ("writing the results", error);

  g_clear_object (&store);
  sqlite3_close (db);
  return 0;
}
