/* test-durability.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer process is killed at random moments, at least 50 times per
 * scenario; after each kill the register must pass PRAGMA integrity_check
 * and hold either the whole change or none of it.
 *
 *  import: `samverkan-cli --register R import BIG.xml`, BIG.xml being the
 *          sample register with its actors copied under new ids, into a
 *          new register each time. Afterwards the register holds no actor
 *          or all of them, and the same for the change log and the paths.
 *  update: this program re-executed as `test-durability --writer-update R`,
 *          which updates one actor in a loop: its Swedish description
 *          becomes "rev N" (N its new revision), and a route is added on
 *          even revisions and removed on odd ones. Afterwards the actor's
 *          row, routes, search row and change log agree on one revision.
 *
 * The delays are drawn from a GRand with a fixed seed (override with
 * SAMVERKAN_DURABILITY_SEED), uniformly in [0, 1.2 × T], T being the time
 * one run takes when nobody kills it, so kills land before, during and
 * after the write. A process kill leaves the operating system's page cache
 * intact, so this checks SQLite's atomic commit and WAL recovery and the
 * store's transactions, not synchronous=NORMAL against power loss.
 *
 * The files written beside a register (exports, sheets) are killed the
 * same way in test-durability-output.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-default-register.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-durability.h"
#include "sam-test-util.h"

#define MIN_KILLS 50          /* per scenario */
#define MAX_ATTEMPTS 150      /* some delays outlast the writer */
#define UPDATE_CALIBRATION_ITERATIONS 20
#define UPDATE_ACTOR "polisen"
#define EXTRA_ROUTE "polisen-durability-extra"
#define WRITER_USER "durability-writer"

static char *self_exe;

/* Helpers */

static void
remove_register_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      if (g_unlink (name) != 0 && errno != ENOENT)
        g_error ("Could not remove %s: %s", name, g_strerror (errno));
    }
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Frames at the end of @db_path's WAL that no commit frame closes: pages of
 * a transaction that was being written when the writer died. Read before
 * anything opens the register, which would recover and later reset the
 * WAL. Checksums are not verified; this only tells the report where kills
 * landed, the assertions do not depend on it. */
static guint
count_uncommitted_wal_frames (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  FILE *f = g_fopen (wal, "rb");
  guchar header[32], frame[24];
  guint32 page_size, salt1, salt2;
  guint pending = 0;

  if (f == NULL)
    return 0;
  if (fread (header, 1, sizeof header, f) != sizeof header)
    return (fclose (f), 0);
  page_size = read_be32 (header + 8);
  salt1 = read_be32 (header + 16);
  salt2 = read_be32 (header + 20);
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return (fclose (f), 0);
  for (;;)
    {
      size_t got = fread (frame, 1, sizeof frame, f);

      if (got == 0)
        break;
      /* a frame cut short by the kill */
      if (got < sizeof frame || fseek (f, page_size, SEEK_CUR) != 0)
        {
          pending++;
          break;
        }
      if (read_be32 (frame + 8) != salt1 || read_be32 (frame + 12) != salt2)
        break;   /* left over from before the WAL was last reset */
      if (read_be32 (frame + 4) != 0)
        pending = 0;   /* a commit frame */
      else
        pending++;
    }
  fclose (f);
  return pending;
}

/* Opens the register with SQLite alone, read-only, for what the store
 * does not count. */
static gint64
count_rows (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The full-text index against its table; FTS5 says nothing on success. */
static void
assert_search_index_ok (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "INSERT INTO actor_search (actor_search) VALUES ('integrity-check')",
                     NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: search index: %s", path, message ? message : sqlite3_errstr (rc));
  sqlite3_close (db);
}

/* Opens @path as the program does, which recovers the WAL, and asserts
 * that SQLite and the store find nothing wrong. */
static SamStore *
open_and_check (const char *path, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamStore) store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (sam_store_is_read_only (store));
  g_assert_true (sam_store_check_integrity (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", what, (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (sam_store_get_schema_version (store), ==, SAM_STORE_SCHEMA_VERSION);
  return g_steal_pointer (&store);
}

static void
print_delays (const char *scenario, GArray *delays, gint64 calibrated)
{
  g_autoptr(GString) hist = g_string_new (NULL);
  guint buckets[6] = { 0 };

  /* how the delays spread over [0, 1.2 T), in fifths of T */
  for (guint i = 0; i < delays->len; i++)
    {
      gint64 d = g_array_index (delays, gint64, i);
      buckets[MIN (5, (guint) (d * 5 / MAX (calibrated, 1)))]++;
    }
  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    g_string_append_printf (hist, " %s%u", b ? "/" : "", buckets[b]);
  g_test_message ("%s: delays per fifth of T (the last is past T):%s", scenario, hist->str);
}

/* Import scenario */


typedef struct {
  gint64 actors;
  gint64 units;       /* actor rows, deleted or not */
  gint64 routes;
  gint64 search_rows;
  gint64 changes;
  gint64 paths;
  gint64 steps;
  gint64 meta_names;
} ImportCounts;

static void
read_import_counts (SamStore *store, const char *path, ImportCounts *c)
{
  c->actors = sam_store_count_actors (store);
  c->units = count_rows (path, "SELECT count(*) FROM actor");
  c->routes = count_rows (path, "SELECT count(*) FROM contact_route");
  /* the index keeps no text to scan: its rows are those with a kind facet */
  c->search_rows = count_rows (path, "SELECT count(*) FROM actor_search "
                                     "WHERE actor_search MATCH '{facets} : \"k\"*'");
  c->changes = count_rows (path, "SELECT count(*) FROM change_log");
  c->paths = count_rows (path, "SELECT count(*) FROM escalation_path");
  c->steps = count_rows (path, "SELECT count(*) FROM escalation_step");
  c->meta_names = count_rows (path, "SELECT count(*) FROM meta WHERE key IN ('name_sv', 'name_en')");
}

static void
test_kill_import (void)
{
  const char *cli = g_getenv ("SAMVERKAN_CLI");
  g_autofree char *sample = sam_test_read_sample_register ();
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (sam_test_durability_seed (1));
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  ImportCounts full = { 0 };
  guint n_actors = 0, n_paths = 0;
  guint attempts = 0, killed = 0, exited = 0;
  guint none_clean = 0, none_mid_write = 0, whole_killed = 0;
  gint64 calibrated = 0;

  if (cli == NULL || sample == NULL)
    {
      g_test_skip ("SAMVERKAN_CLI and SAMVERKAN_SOURCE_DIR are needed");
      return;
    }
  dir = g_dir_make_tmp ("samverkan-durability-XXXXXX", &error);
  g_assert_no_error (error);
  big = sam_test_write_big_register (dir, sample, SAM_TEST_BIG_REGISTER_COPIES,
                                     &n_actors, &n_paths);

  /* Calibration: the second of two runs, with the binary and file cached */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *reg = g_strdup_printf ("%s/calibration-%u.sqlite", dir, i);
      const char *argv[] = { cli, "--register", reg, "import", big, NULL };
      g_autoptr(SamStore) store = NULL;

      calibrated = sam_test_run_to_end (argv);
      store = open_and_check (reg, "calibration");
      read_import_counts (store, reg, &full);
      g_clear_object (&store);
      remove_register_files (reg);
    }
  g_test_message ("import: %u actors and %u paths in %s; one run takes %.0f ms",
                  n_actors, n_paths, big, calibrated / 1000.0);
  g_assert_cmpint (full.actors, ==, n_actors);
  g_assert_cmpint (full.units, ==, n_actors);
  g_assert_cmpint (full.search_rows, ==, n_actors);
  g_assert_cmpint (full.paths, ==, n_paths);
  /* one change-log row per imported record */
  g_assert_cmpint (full.changes, ==, n_actors + n_paths);
  g_assert_cmpint (full.meta_names, ==, 2);

  while (killed < MIN_KILLS && attempts < MAX_ATTEMPTS)
    {
      g_autofree char *reg = g_strdup_printf ("%s/kill-%03u.sqlite", dir, attempts);
      g_autofree char *what = g_strdup_printf ("import kill %u", attempts);
      const char *argv[] = { cli, "--register", reg, "import", big, NULL };
      gint64 delay = (gint64) g_rand_double_range (rand, 0, 1.2 * calibrated);
      g_autoptr(SamStore) store = NULL;
      ImportCounts c = { 0 };
      gboolean was_killed;
      guint pending;

      attempts++;
      g_array_append_val (delays, delay);
      was_killed = sam_test_run_and_kill (argv, delay);
      pending = count_uncommitted_wal_frames (reg);
      store = open_and_check (reg, what);
      read_import_counts (store, reg, &c);
      g_clear_object (&store);
      assert_search_index_ok (reg);

      if (c.actors == 0)
        {
          /* none of it: no row of any kind the import writes */
          g_assert_true (was_killed);
          g_assert_cmpint (c.units, ==, 0);
          g_assert_cmpint (c.routes, ==, 0);
          g_assert_cmpint (c.search_rows, ==, 0);
          g_assert_cmpint (c.changes, ==, 0);
          g_assert_cmpint (c.paths, ==, 0);
          g_assert_cmpint (c.steps, ==, 0);
          g_assert_cmpint (c.meta_names, ==, 0);
          if (pending > 0)
            none_mid_write++;
          else
            none_clean++;
        }
      else
        {
          /* the whole of it */
          g_assert_cmpint (c.actors, ==, full.actors);
          g_assert_cmpint (c.units, ==, full.units);
          g_assert_cmpint (c.routes, ==, full.routes);
          g_assert_cmpint (c.search_rows, ==, full.search_rows);
          g_assert_cmpint (c.changes, ==, full.changes);
          g_assert_cmpint (c.paths, ==, full.paths);
          g_assert_cmpint (c.steps, ==, full.steps);
          g_assert_cmpint (c.meta_names, ==, full.meta_names);
          if (was_killed)
            whole_killed++;
        }
      if (was_killed)
        killed++;
      else
        {
          exited++;
          /* the run ended before its kill: runs are quicker than the
           * calibration said (a machine that was busy then is idle now),
           * so the delays shrink towards what a run takes */
          calibrated = calibrated * 9 / 10;
        }
      remove_register_files (reg);
    }

  g_test_message ("import: %u runs, %u killed: %u held none of the import (%u of them "
                  "killed while a transaction was being written: uncommitted pages in the WAL), "
                  "%u held all of it; "
                  "%u runs had ended before the kill (all of it)",
                  attempts, killed, none_clean + none_mid_write, none_mid_write,
                  whole_killed, exited);
  print_delays ("import", delays, calibrated);
  g_assert_cmpuint (killed, >=, MIN_KILLS);
  /* the delays reach both sides of the commit */
  g_assert_cmpuint (none_clean + none_mid_write, >, 0);
  g_assert_cmpuint (whole_killed + exited, >, 0);

  g_unlink (big);
  remove_dir (dir);
}

/* Update scenario */

/* One update as the writer makes it. */
static gboolean
writer_step (SamStore *store, GError **error)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, UPDATE_ACTOR, error);
  g_autofree char *description = NULL;
  gint64 next;

  if (actor == NULL)
    return FALSE;
  next = sam_actor_get_revision (actor) + 1;
  description = g_strdup_printf ("rev %" G_GINT64_FORMAT, next);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, description);
  if (next % 2 == 0)
    {
      g_autoptr(SamContactRoute) route = sam_contact_route_new (EXTRA_ROUTE);

      sam_contact_route_set_kind (route, SAM_ROUTE_KIND_WEB);
      sam_contact_route_set_visibility (route, SAM_VISIBILITY_INTERNAL);
      if (!sam_contact_route_set_value (route, "https://example.org/durability", error))
        return FALSE;
      sam_actor_add_route (actor, route);
    }
  else if (!sam_actor_remove_route (actor, EXTRA_ROUTE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "revision %" G_GINT64_FORMAT " has no route %s to remove", next - 1, EXTRA_ROUTE);
      return FALSE;
    }
  return sam_store_update_actor (store, actor, error);
}

/* `test-durability --writer-update R [N]`: N updates, or until killed. */
static int
run_writer (const char *path, gint64 iterations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 2;
    }
  sam_store_set_user (store, WRITER_USER);
  for (gint64 i = 0; iterations < 0 || i < iterations; i++)
    if (!writer_step (store, &error))
      {
        g_printerr ("writer: %s\n", error->message);
        return 3;
      }
  return 0;
}

/* `test-durability --writer-op R OP`: one store write of another kind, for
 * the fault-injection test (tests/faults): delete-actor, verify, path-update,
 * delete-path. */
static int
run_writer_op (const char *path, const char *op)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (path, &error);
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(SamEscalationPath) esc = NULL;
  gboolean ok = FALSE;

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 2;
    }
  sam_store_set_user (store, WRITER_USER);
  /* an actor without units may be deleted */
  if (g_str_equal (op, "delete-actor"))
    actor = sam_store_load_actor (store, "terrafem", &error);
  else if (g_str_equal (op, "verify"))
    actor = sam_store_load_actor (store, UPDATE_ACTOR, &error);
  else
    esc = sam_store_load_path (store, "trafficking-adult", &error);
  if (actor != NULL && g_str_equal (op, "delete-actor"))
    ok = sam_store_delete_actor (store, sam_actor_get_id (actor), sam_actor_get_revision (actor), &error);
  else if (actor != NULL)
    {
      g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);
      ok = sam_store_mark_verified (store, actor, at, &error);
    }
  else if (esc != NULL && g_str_equal (op, "path-update"))
    {
      sam_text_set (sam_escalation_path_get_title (esc), SAM_LANG_SV, "Misstänkt människohandel (ny)");
      ok = sam_store_update_path (store, esc, &error);
    }
  else if (esc != NULL)
    ok = sam_store_delete_path (store, "trafficking-adult", -1, &error);
  if (!ok)
    {
      g_printerr ("writer: %s\n", error ? error->message : op);
      return 3;
    }
  return 0;
}

/* Asserts that the actor, its routes and its change log agree; returns its
 * revision. */
static gint64
check_updated_actor (const char *path, const char *what, guint base_routes)
{
  g_autoptr(SamStore) store = open_and_check (path, what);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, UPDATE_ACTOR, &error);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *expected = NULL;
  gint64 revision;
  guint updates = 0;

  g_assert_no_error (error);
  revision = sam_actor_get_revision (actor);
  g_assert_cmpint (revision, >=, 2);
  expected = g_strdup_printf ("rev %" G_GINT64_FORMAT, revision);
  g_assert_cmpstr (sam_text_get (sam_actor_get_description (actor), SAM_LANG_SV), ==, expected);
  g_assert_cmpstr (sam_actor_get_updated_by (actor), ==, WRITER_USER);

  /* the route came and went with its revision */
  g_assert_cmpuint (sam_actor_get_routes (actor)->len, ==, base_routes + (revision % 2 == 0));
  g_assert_true ((sam_actor_find_route (actor, EXTRA_ROUTE) != NULL) == (revision % 2 == 0));

  /* one 'update' row per revision after the import's, the newest for this one */
  changes = sam_store_list_changes (store, "actor", UPDATE_ACTOR, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      SamChange *change = g_ptr_array_index (changes, i);
      if (g_str_equal (change->op, "update"))
        updates++;
    }
  g_assert_cmpint (updates, ==, revision - 1);
  g_assert_cmpstr (((SamChange *) g_ptr_array_index (changes, 0))->op, ==, "update");
  g_assert_cmpint (((SamChange *) g_ptr_array_index (changes, 0))->revision, ==, revision);
  g_assert_nonnull (strstr (((SamChange *) g_ptr_array_index (changes, 0))->after, expected));

  /* and the rows beside it */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM contact_route WHERE id = '" EXTRA_ROUTE "'"),
                   ==, revision % 2 == 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM change_log WHERE entity = 'actor' "
                                     "AND entity_id = '" UPDATE_ACTOR "' AND op = 'update'"),
                   ==, revision - 1);
  g_clear_object (&store);
  assert_search_index_ok (path);
  return revision;
}

static void
test_kill_update (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *iterations = g_strdup_printf ("%d", UPDATE_CALIBRATION_ITERATIONS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (sam_test_durability_seed (2));
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint base_routes;
  guint attempts = 0, killed = 0, exited = 0;
  guint no_progress = 0, mid_write = 0;
  gint64 calibrated, revision, first_revision;

  dir = g_dir_make_tmp ("samverkan-durability-XXXXXX", &error);
  g_assert_no_error (error);
  reg = g_build_filename (dir, "update.sqlite", NULL);

  /* The sample register, and the first update made here: revision 2 */
  {
    g_autoptr(SamStore) store = sam_store_open (reg, &error);
    g_autoptr(SamActor) actor = NULL;

    g_assert_no_error (error);
    g_assert_true (sam_load_sample_register (store, &error));
    g_assert_no_error (error);
    actor = sam_store_load_actor (store, UPDATE_ACTOR, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sam_actor_get_revision (actor), ==, 1);
    base_routes = sam_actor_get_routes (actor)->len;
    sam_store_set_user (store, WRITER_USER);
    g_assert_true (writer_step (store, &error));
    g_assert_no_error (error);
  }
  revision = check_updated_actor (reg, "update setup", base_routes);
  g_assert_cmpint (revision, ==, 2);

  /* Calibration: the second of two runs of a fixed number of updates */
  for (guint i = 0; i < 2; i++)
    {
      const char *argv[] = { self_exe, "--writer-update", reg, iterations, NULL };
      gint64 before = revision;

      calibrated = sam_test_run_to_end (argv);
      revision = check_updated_actor (reg, "update calibration", base_routes);
      g_assert_cmpint (revision, ==, before + UPDATE_CALIBRATION_ITERATIONS);
    }
  g_test_message ("update: %d updates of '%s' take %.1f ms",
                  UPDATE_CALIBRATION_ITERATIONS, UPDATE_ACTOR, calibrated / 1000.0);

  first_revision = revision;
  while (killed < MIN_KILLS && attempts < MAX_ATTEMPTS)
    {
      g_autofree char *what = g_strdup_printf ("update kill %u", attempts);
      const char *argv[] = { self_exe, "--writer-update", reg, NULL };
      gint64 delay = (gint64) g_rand_double_range (rand, 0, 1.2 * calibrated);
      gint64 before = revision;
      guint pending;

      attempts++;
      g_array_append_val (delays, delay);
      /* the writer never ends by itself */
      g_assert_true (sam_test_run_and_kill (argv, delay));
      killed++;
      pending = count_uncommitted_wal_frames (reg);
      revision = check_updated_actor (reg, what, base_routes);
      /* nothing committed is lost */
      g_assert_cmpint (revision, >=, before);
      if (revision == before)
        no_progress++;
      if (pending > 0)
        mid_write++;
    }

  g_test_message ("update: %u kills; the writer committed %" G_GINT64_FORMAT " updates "
                  "in all (revision %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT "); %u kills "
                  "landed before its first commit, %u mid-write (uncommitted pages in the WAL); "
                  "every time the actor held one whole revision",
                  killed, revision - first_revision, first_revision, revision,
                  no_progress, mid_write);
  print_delays ("update", delays, calibrated);
  g_assert_cmpuint (killed, >=, MIN_KILLS);
  g_assert_cmpuint (exited, ==, 0);
  g_assert_cmpint (revision, >, first_revision);

  remove_register_files (reg);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  /* the child side of the update scenario, before GTest sees the arguments */
  if (argc >= 3 && g_str_equal (argv[1], "--writer-update"))
    return run_writer (argv[2], argc >= 4 ? g_ascii_strtoll (argv[3], NULL, 10) : -1);
  if (argc >= 4 && g_str_equal (argv[1], "--writer-op"))
    return run_writer_op (argv[2], argv[3]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/durability/kill-import", test_kill_import);
  g_test_add_func ("/durability/kill-update", test_kill_update);
  return g_test_run ();
}
