/* merge-bench.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging an N-actor file into an N-actor register with 1 % changes on
 * each side (and 0.1 % of actors changed on both: conflicts, settled with
 * --prefer theirs), as `samverkan-cli import --merge` does it: read, parse,
 * plan, the online backup, one transaction. See bench/README.md.
 *
 *   samverkan-merge-bench [N] [--dir DIR] [--seed S]
 *       prepares bench/out/merge-N.sqlite and merge-N-theirs.xml (once:
 *       the generated register imported; a copy of it changed there and
 *       exported, history and all; the register changed here),
 *       then runs the timed merge in a child process (the same program,
 *       --merge) so that its peak RSS is the merge's alone, and prints it.
 *   samverkan-merge-bench --merge REGISTER FILE
 *       the timed merge alone, on REGISTER (changed), for /usr/bin/time -v.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-bench-gen.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU seconds (user + system) so far: on a busy machine the wall clock
 * says more about the neighbours than about the merge */
static double
cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
peak_rss_mib (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
die (const char *what, GError *error)
{
  g_printerr ("merge-bench: %s: %s\n", what, error ? error->message : "?");
  exit (1);
}

/* The timed part: what `import --merge --prefer theirs` does. */
static int
run_merge (const char *register_path, const char *file_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autofree char *counts = NULL;
  double t0, t_open, t_plan, t_apply;

  g_autofree char *contents = NULL;
  SamRegisterData *data;
  gsize length;
  double t_read, t_parse, t_backup;
  double c0 = cpu_s (), c_read, c_parse, c_plan, c_backup, c_apply;

  /* what sam_merge_plan_new_for_file and sam_merge_plan_apply (plan, TRUE)
   * do, step by step */
  t0 = now_s ();
  store = sam_store_open (register_path, &error);
  if (store == NULL)
    die ("open", error);
  t_open = now_s ();
  if (!sam_register_xml_load_file (file, &contents, &length, NULL, &error))
    die ("read", error);
  t_read = now_s (), c_read = cpu_s ();
  data = sam_register_xml_parse (contents, length, file_path, NULL, &error);
  if (data == NULL)
    die ("parse", error);
  g_clear_pointer (&contents, g_free);
  t_parse = now_s (), c_parse = cpu_s ();
  plan = sam_merge_plan_new (store, data, file_path, &error);
  if (plan == NULL)
    die ("plan", error);
  t_plan = now_s (), c_plan = cpu_s ();
  counts = sam_merge_plan_describe (plan);
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  {
    g_autoptr(SamBackup) backup = sam_backups_create (store, "import", &error);
    if (backup == NULL)
      die ("backup", error);
  }
  t_backup = now_s (), c_backup = cpu_s ();
  if (!sam_merge_plan_apply (plan, FALSE, &error))
    die ("apply", error);
  t_apply = now_s (), c_apply = cpu_s ();
  printf ("preview: %s\n", counts);
  printf ("open=%.3f\nread=%.3f\nparse=%.3f\nplan=%.3f\nbackup=%.3f\napply=%.3f\ntotal=%.3f\n"
          "peak_rss_mib=%.0f\n",
          t_open - t0, t_read - t_open, t_parse - t_read, t_plan - t_parse, t_backup - t_plan,
          t_apply - t_backup, t_apply - t0, peak_rss_mib (RUSAGE_SELF));
  printf ("cpu: read=%.3f parse=%.3f plan=%.3f backup=%.3f apply=%.3f total=%.3f\n",
          c_read - c0, c_parse - c_read, c_plan - c_parse, c_backup - c_plan, c_apply - c_backup,
          c_apply - c0);
  return 0;
}

static void
rename_actor (SamActor *actor, const char *who)
{
  SamText *name = sam_actor_get_name (actor);
  g_autofree char *sv = g_strdup_printf ("%s (%s)", sam_text_get (name, SAM_LANG_SV), who);

  sam_text_set (name, SAM_LANG_SV, sv);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die ("copy", error);
}

/* Renames actors first, first + every, … of @store, each its own save. */
static void
rename_each (SamStore *store, guint n, guint first, guint every, const char *who)
{
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < n; i += every)
    {
      g_autofree char *id = g_strdup_printf ("a%06u", i + 1);
      g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

      if (actor == NULL)
        die ("load", error);
      rename_actor (actor, who);
      if (!sam_store_update_actor (store, actor, &error))
        die ("update", error);
    }
}

static void
prepare (guint n, guint64 seed, const char *dir, const char *pristine, const char *theirs)
{
  g_autofree char *xml = g_strdup_printf ("%s/register-%u-s%" G_GUINT64_FORMAT ".xml", dir, n, seed);
  g_autofree char *tmp = g_strconcat (pristine, ".tmp", NULL);
  g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
  g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autofree char *other = g_strconcat (pristine, ".theirs", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *other_shm = g_strconcat (other, "-shm", NULL);
  guint step = 100;          /* 1 % */
  double t;

  if (!g_file_test (xml, G_FILE_TEST_EXISTS))
    {
      t = now_s ();
      if (!sam_bench_generate_file (xml, n, seed, &error))
        die ("generate", error);
      printf ("generated %s in %.1f s\n", xml, now_s () - t);
    }
  g_unlink (tmp), g_unlink (wal), g_unlink (shm);
  store = sam_store_open (tmp, &error);
  if (store == NULL)
    die ("open", error);
  sam_store_set_user (store, "Mine");

  /* the register: the file imported, then merged once, so the file's
   * source has a history here (the base of the three-way merge) */
  t = now_s ();
  if (!sam_register_xml_import (store, file, NULL, NULL, &error))
    die ("import", error);
  printf ("setup: import into the empty register %.1f s\n", now_s () - t);
  t = now_s ();
  {
    g_autoptr(SamMergePlan) first = sam_merge_plan_new_for_file (store, file, NULL, &error);
    g_autofree char *counts = NULL;

    if (first == NULL)
      die ("first plan", error);
    counts = sam_merge_plan_describe (first);
    if (!sam_merge_plan_apply (first, FALSE, &error))
      die ("first merge", error);
    printf ("setup: first merge with the same file (%s) %.1f s\n", counts, now_s () - t);
  }

  /* theirs starts as a copy of this register: the same records with the
   * same history, as the owner's own register would be */
  g_clear_object (&store);
  copy_file (tmp, other);
  store = sam_store_open (tmp, &error);
  if (store == NULL)
    die ("reopen", error);

  /* 1 % changed here: actors 0, 100, 200 … */
  t = now_s ();
  rename_each (store, n, 0, step, "mine");
  printf ("setup: %u local changes %.1f s\n", n / step, now_s () - t);
  g_clear_object (&store);
  g_rename (tmp, pristine);
  g_unlink (wal), g_unlink (shm);

  /* 1 % changed there: actors 50, 150, 250 …, and every tenth of the
   * local ones too (0.1 %: conflicts); then its export, history and all */
  t = now_s ();
  store = sam_store_open (other, &error);
  if (store == NULL)
    die ("open theirs", error);
  sam_store_set_user (store, "Theirs");
  rename_each (store, n, step / 2, step, "theirs");
  rename_each (store, n, 0, step * 10, "theirs");
  {
    g_autoptr(GFile) out = g_file_new_for_path (theirs);

    if (!sam_export_to_file (store, NULL, out, NULL, &error))
      die ("write theirs", error);
  }
  g_clear_object (&store);
  g_unlink (other);
  g_unlink (other_wal), g_unlink (other_shm);
  printf ("setup: the changed file %.1f s\n", now_s () - t);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  gint64 seed = 1;
  gboolean merge_only = FALSE;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the files go (default bench/out)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated register", "S" },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge_only, "Only the timed merge: --merge REGISTER FILE", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[N]");
  g_autoptr(GError) error = NULL;
  g_autofree char *pristine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *work = NULL;
  g_autofree char *out = NULL;
  g_autofree char *backups = NULL;
  guint n = 100000;
  int status;

  g_setenv ("SAMVERKAN_NOW", "2026-11-25T12:00:00+01:00", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (merge_only)
    {
      if (argc != 3)
        die ("usage", NULL);
      return run_merge (argv[1], argv[2]);
    }
  if (argc > 1)
    n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (n < 1000)
    n = 1000;
  if (dir == NULL)
    dir = g_build_filename (BENCH_SOURCE_DIR, "out", NULL);
  g_mkdir_with_parents (dir, 0755);
  pristine = g_strdup_printf ("%s/merge-%u.sqlite", dir, n);
  theirs = g_strdup_printf ("%s/merge-%u-theirs.xml", dir, n);
  work = g_strdup_printf ("%s/merge-%u-work.sqlite", dir, n);
  backups = g_strconcat (work, ".backups", NULL);
  if (!g_file_test (pristine, G_FILE_TEST_EXISTS) || !g_file_test (theirs, G_FILE_TEST_EXISTS))
    prepare (n, (guint64) seed, dir, pristine, theirs);

  /* a fresh copy each run: the merge changes it */
  {
    g_autoptr(GFile) from = g_file_new_for_path (pristine);
    g_autoptr(GFile) to = g_file_new_for_path (work);
    g_autofree char *wal = g_strconcat (work, "-wal", NULL);
    g_autofree char *shm = g_strconcat (work, "-shm", NULL);
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", backups);

    g_unlink (wal), g_unlink (shm);
    if (system (rm) != 0)
      die ("rm", NULL);
    if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
      die ("copy", error);
  }
  {
    const char *child[] = { argv[0], "--merge", work, theirs, NULL };

    printf ("merge-bench: %u actors, 1 %% changed on each side, 0.1 %% on both\n", n);
    fflush (stdout);
    if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       &out, NULL, &status, &error))
      die ("spawn", error);
    printf ("%s", out);
    if (!g_spawn_check_wait_status (status, &error))
      die ("merge", error);
  }
  return 0;
}
