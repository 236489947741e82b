/* test-merge-ancestry.c
 *
 * Merging by record ancestry and owners: registers filled from the same
 * file without a source, round trips, an unchanged export back, a
 * stranger's file, hand-overs, followed paths, steps field by field,
 * files for a narrower audience, fields whose history was pruned away,
 * and three installations exchanging A -> B -> C -> A until equal.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <sqlite3.h>

#include "sam-ancestry.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-merge.h"
#include "sam-register-xml.h"
#include "sam-store.h"
#include "sam-test-merge.h"
#include "sam-test-util.h"

static void
test_public_subset_keeps_restricted_routes (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  SamExportFilter filter;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) before = NULL;
  g_autoptr(SamActor) after = NULL;
  guint restricted = 0;

  /* the actor with the most routes that are not public */
  {
    g_autoptr(GPtrArray) actors = sam_store_list_actors (b, NULL);
    for (guint i = 0; i < actors->len && before == NULL; i++)
      {
        GPtrArray *routes = sam_actor_get_routes (g_ptr_array_index (actors, i));
        for (guint k = 0; k < routes->len; k++)
          if (sam_contact_route_get_visibility (g_ptr_array_index (routes, k)) != SAM_VISIBILITY_PUBLIC)
            {
              before = g_object_ref (g_ptr_array_index (actors, i));
              break;
            }
      }
  }
  g_assert_nonnull (before);
  for (guint k = 0; k < sam_actor_get_routes (before)->len; k++)
    restricted += sam_contact_route_get_visibility (g_ptr_array_index (sam_actor_get_routes (before), k)) != SAM_VISIBILITY_PUBLIC;

  sam_test_rename_actor (f->a, sam_actor_get_id (before), SAM_LANG_EN, "Renamed in A");
  sam_export_filter_init (&filter);
  filter.audience = SAM_VISIBILITY_PUBLIC;
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, &filter));
  g_assert_cmpuint (sam_merge_plan_get_notes (plan)->len, ==, 1);
  /* B saw the full version from A before; the public one is a change by its look, and B's
   * professional and internal routes are kept whichever way it goes */
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
  after = sam_store_load_actor (b, sam_actor_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (after), SAM_LANG_EN), ==, "Renamed in A");
  g_assert_cmpuint (sam_actor_get_routes (after)->len, ==, sam_actor_get_routes (before)->len);
  g_assert_cmpuint (restricted, >, 0);
}

/* @from's professional file (the default audience) merged into @to,
 * where it updates one record. */
static void
merge_professional (SamStore *from, SamStore *to)
{
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SamExportFilter filter;

  sam_export_filter_init (&filter);
  plan = sam_test_plan_for (to, sam_test_exchange (from, &filter));
  sam_test_assert_counts (plan, 0, 1, 0, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
  g_assert_no_error (error);
}

/* The on-call mobile of Umeå's social services, an internal route, and
 * the English name change together in A. B gets the professional export
 * first (the name, not the route), then the internal one: the route comes
 * too. A professional file carries the route's revision, not its value,
 * so B's copy is not A's revision in full and waits for it. */
static void
test_internal_edit_after_professional_view (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (f->a, "umea-socialjour", &error);
  g_autoptr(SamActor) after = NULL;
  SamContactRoute *mobile;

  g_assert_no_error (error);
  mobile = sam_actor_find_route (actor, "umea-socialjour-mobile");
  g_assert_nonnull (mobile);
  g_assert_cmpint (sam_contact_route_get_visibility (mobile), ==, SAM_VISIBILITY_INTERNAL);
  g_assert_true (sam_contact_route_set_value (mobile, "070-123 45 67", NULL));
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, "Umeå social services out of hours");
  g_assert_true (sam_store_update_actor (f->a, actor, &error));
  g_assert_no_error (error);

  merge_professional (f->a, b);
  after = sam_store_load_actor (b, "umea-socialjour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (after), SAM_LANG_EN), ==,
                   "Umeå social services out of hours");
  g_assert_cmpstr (sam_contact_route_get_value (sam_actor_find_route (after, "umea-socialjour-mobile")),
                   !=, "+46701234567");
  g_clear_object (&after);

  /* the internal export: the route B lacked comes, from its owner */
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
    sam_test_assert_counts (plan, 0, 1, 0, 0);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  after = sam_store_load_actor (b, "umea-socialjour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_contact_route_get_value (sam_actor_find_route (after, "umea-socialjour-mobile")),
                   ==, "+46701234567");
  /* and once more changes nothing, either way */
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
}

/* A hands an actor to B; B's change reaches C through B alone and applies
 * by itself, as B now owns it. A register that merely claims an actor in
 * its file is still a stranger: its change waits for a person. */
static void
test_hand_over_travels (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamStore) c = sam_test_copy_of_a (f, "c.sqlite");
  g_autoptr(SamStore) s = sam_test_copy_of_a (f, "s.sqlite");
  g_autoptr(SamRegisterData) of_b = sam_test_exchange (b, NULL);
  g_autofree char *b_id = g_strdup (of_b->source);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_merge_hand_over (f->a, "actor", "bris", b_id, &error));
  g_assert_no_error (error);
  /* A no longer owns it: it cannot hand it on */
  g_assert_false (sam_merge_hand_over (f->a, "actor", "bris", "c0ffee", &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_clear_error (&error);

  sam_test_merge (f->a, b, SAM_MERGE_SIDE_NONE);
  sam_test_rename_actor (b, "bris", SAM_LANG_SV, "Bris – ändrad av B");
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (c, sam_test_exchange (b, NULL));

    sam_test_assert_counts (plan, 0, 1, 0, 0);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *name = sam_test_name_of (c, "bris", SAM_LANG_SV);
    g_assert_cmpstr (name, ==, "Bris – ändrad av B");
  }
  /* C knows B owns it now: A's own change to it is A's proposal */
  sam_test_rename_actor (f->a, "bris", SAM_LANG_EN, "Bris, renamed in A");
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (c, sam_test_exchange (f->a, NULL));

    sam_test_assert_counts (plan, 0, 0, 0, 1);
    g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  }

  /* S claims an actor A owns: the claim is no hand-over */
  sam_test_rename_actor (s, "emergency-112", SAM_LANG_SV, "112 enligt S");
  {
    g_autoptr(SamRegisterData) claim = sam_test_exchange (s, NULL);
    g_autoptr(SamMergePlan) plan = NULL;

    for (guint i = 0; i < claim->actors->len; i++)
      {
        SamActor *actor = g_ptr_array_index (claim->actors, i);
        SamAncestry *ancestry = _sam_record_get_ancestry (actor);

        if (g_str_equal (sam_actor_get_id (actor), "emergency-112"))
          {
            g_free (ancestry->owner);
            ancestry->owner = g_strdup (claim->source);
          }
      }
    plan = sam_test_plan_for (c, g_steal_pointer (&claim));
    sam_test_assert_counts (plan, 0, 0, 0, 1);
    g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  }
}

/* Three installations: A the sample, B and C copies. Each changes
 * something, A deletes an actor; the files go A → B → C → A and on until
 * every register holds the same records. */
static void
test_three_way_ring (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamStore) c = sam_test_open_new (f, "c.sqlite", "Cia C");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) doomed = NULL;
  g_autoptr(GPtrArray) actors = sam_store_list_actors (f->a, NULL);
  const char *x = sam_actor_get_id (g_ptr_array_index (actors, 3));
  const char *y = sam_actor_get_id (g_ptr_array_index (actors, 7));
  const char *z = sam_actor_get_id (g_ptr_array_index (actors, 11));

  sam_test_merge (b, c, SAM_MERGE_SIDE_NONE);
  sam_test_rename_actor (f->a, x, SAM_LANG_SV, "X ändrad av A");
  sam_test_rename_actor (b, y, SAM_LANG_SV, "Y ändrad av B");
  sam_test_rename_actor (c, z, SAM_LANG_EN, "Z changed by C");
  doomed = sam_store_load_actor (f->a, "nus-akutmottagning", NULL);
  g_assert_true (sam_store_delete_actor (f->a, "nus-akutmottagning", sam_actor_get_revision (doomed), &error));
  g_assert_no_error (error);

  /* A owns every record: its own changes reach B by themselves; what
   * reaches C through B and A from C is a proposal, which each accepts */
  sam_test_merge (f->a, b, SAM_MERGE_SIDE_NONE);
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (c, sam_test_exchange (b, NULL));
    /* x and the deletion relayed by B, y changed by B: three proposals */
    sam_test_assert_counts (plan, 0, 0, 0, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), i)));
  }
  sam_test_merge (b, c, SAM_MERGE_SIDE_THEIRS);
  sam_test_merge (c, f->a, SAM_MERGE_SIDE_THEIRS);
  sam_test_merge (f->a, b, SAM_MERGE_SIDE_NONE);
  sam_test_merge (b, c, SAM_MERGE_SIDE_THEIRS);
  {
    g_autofree char *ra = sam_test_records_of (f->a);
    g_autofree char *rb = sam_test_records_of (b);
    g_autofree char *rc = sam_test_records_of (c);
    g_autofree char *nx = sam_test_name_of (c, x, SAM_LANG_SV);
    g_autofree char *ny = sam_test_name_of (f->a, y, SAM_LANG_SV);
    g_autofree char *nz = sam_test_name_of (b, z, SAM_LANG_EN);

    g_assert_cmpstr (nx, ==, "X ändrad av A");
    g_assert_cmpstr (ny, ==, "Y ändrad av B");
    g_assert_cmpstr (nz, ==, "Z changed by C");
    g_assert_cmpstr (ra, ==, rb);
    g_assert_cmpstr (rb, ==, rc);
    g_assert_nonnull (strstr (ra, "<tombstone entity=\"actor\" id=\"nus-akutmottagning\""));
  }
  /* and one more round changes nothing anywhere */
  {
    SamStore *ring[] = { f->a, b, c, f->a };
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(SamMergePlan) plan = sam_test_plan_for (ring[i + 1], sam_test_exchange (ring[i], NULL));
        sam_test_assert_counts (plan, 0, 0, 0, 0);
      }
  }
}

static void
set_route_value (SamStore *store, const char *actor_id, const char *route_id, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, &error);

  g_assert_no_error (error);
  g_assert_true (sam_contact_route_set_value (sam_actor_find_route (actor, route_id), value, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static char *
route_value (SamStore *store, const char *actor_id, const char *route_id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, NULL);
  SamContactRoute *route = actor ? sam_actor_find_route (actor, route_id) : NULL;
  return route ? g_strdup (sam_contact_route_get_value (route)) : NULL;
}

static void
set_step_text (SamStore *store, const char *path_id, const char *step_id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamEscalationPath) path = sam_store_load_path (store, path_id, &error);

  g_assert_no_error (error);
  sam_text_set (sam_escalation_step_get_text (sam_escalation_path_find_step (path, step_id)),
                SAM_LANG_EN, text);
  g_assert_true (sam_store_update_path (store, path, &error));
  g_assert_no_error (error);
}

static char *
step_text (SamStore *store, const char *path_id, const char *step_id)
{
  g_autoptr(SamEscalationPath) path = sam_store_load_path (store, path_id, NULL);
  SamEscalationStep *step = path ? sam_escalation_path_find_step (path, step_id) : NULL;
  return step ? g_strdup (sam_text_get (sam_escalation_step_get_text (step), SAM_LANG_EN)) : NULL;
}

/* Two registers filled from the same file without a source, each changing
 * the same on-call number: a conflict, not "1 updated". */
static void
test_same_sourceless_file (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_open_store (f->dir, "b.sqlite", TRUE);
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *kept = NULL;
  SamMergeItem *item;

  set_route_value (f->a, "umea-socialjour", "umea-socialjour-phone", "090-111 11 11");
  set_route_value (b, "umea-socialjour", "umea-socialjour-phone", "090-222 22 22");
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpstr (sam_merge_item_get_id (item), ==, "umea-socialjour");
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "route:umea-socialjour-phone");
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_MINE);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  kept = route_value (f->a, "umea-socialjour", "umea-socialjour-phone");
  g_assert_cmpstr (kept, ==, "+46901111111");
}

/* A → B → A: A's own earlier edit coming back is no conflict, and taking
 * theirs does not undo A's latest change. */
static void
test_round_trip_keeps_latest (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *name = NULL;

  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen 1");
  sam_test_merge (f->a, b, SAM_MERGE_SIDE_NONE);
  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen 2");
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 0);
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  name = sam_test_name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen 2");

  /* B meanwhile changed another field: only that is asked about */
  sam_test_describe_actor (b, "polisen", SAM_LANG_EN, "Described by B");
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  }
  sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  g_free (name);
  name = sam_test_name_of (f->a, "polisen", SAM_LANG_SV);
  g_assert_cmpstr (name, ==, "Polisen 2");
}

/* An unchanged export merged back, even a public one: nothing happens. */
static void
test_unchanged_export_back (SamMergeFixture *f, gconstpointer data)
{
  SamExportFilter filter;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sam_export_filter_init (&filter);
  filter.audience = SAM_VISIBILITY_PUBLIC;
  sam_test_rename_actor (f->a, "polisen", SAM_LANG_SV, "Polisen ändrad");
  before = sam_test_records_of (f->a);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SamMergePlan) plan = sam_test_plan_for (f->a, sam_test_exchange (f->a, i == 0 ? &filter : NULL));
      sam_test_assert_counts (plan, 0, 0, 0, 0);
      g_assert_true (sam_merge_plan_is_noop (plan));
      g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
    }
  after = sam_test_records_of (f->a);
  g_assert_cmpstr (before, ==, after);
}

/* A file from @store as a register never seen before would write it:
 * @actor_id alone at revision 99 with another phone number, or (NULL)
 * tombstones for 112 and a path. */
static GFile *
stranger_file (SamMergeFixture *f, const char *name, gboolean change)
{
  g_autoptr(SamRegisterData) file = sam_test_exchange (f->a, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GFile *gfile = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) the112 = NULL;

  g_free (file->source);
  file->source = g_strdup ("stranger");
  for (guint i = 0; i < file->actors->len; i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (file->actors, i)), "emergency-112"))
      the112 = g_object_ref (g_ptr_array_index (file->actors, i));
  g_ptr_array_set_size (file->actors, 0);
  g_ptr_array_set_size (file->paths, 0);
  g_ptr_array_set_size (file->tombstones, 0);
  if (change)
    {
      _sam_record_set_ancestry (the112, NULL);
      sam_actor_set_revision (the112, 99);
      g_assert_true (sam_contact_route_set_value (sam_actor_find_route (the112, "emergency-112-phone"),
                                                  "11414", NULL));
      g_ptr_array_add (file->actors, g_object_ref (the112));
    }
  else
    for (guint i = 0; i < 2; i++)
      {
        SamTombstone *t = g_new0 (SamTombstone, 1);
        t->entity = g_strdup (i == 0 ? "actor" : "path");
        t->id = g_strdup (i == 0 ? "emergency-112" : "trafficking-adult");
        t->revision = 99;
        g_ptr_array_add (file->tombstones, t);
      }
  out = g_file_replace (gfile, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_true (sam_register_xml_write_data (file, G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return gfile;
}

/* A few lines from a register never seen before cannot delete or change
 * what this register owns, by import or by follow. */
static void
test_stranger_cannot_change (SamMergeFixture *f, gconstpointer data)
{
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GFile) gfile = stranger_file (f, k ? "change.xml" : "tombstones.xml", k);
      g_autofree char *path = g_file_get_path (gfile);
      g_autoptr(SamMergePlan) plan = NULL;
      g_autoptr(SamEscalationPath) still = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GError) error = NULL;

      plan = sam_merge_plan_new_for_file (f->a, gfile, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, k ? 1 : 2);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_UPDATED), ==, 0);
      g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_DELETED), ==, 0);
      g_assert_false (sam_merge_plan_apply (plan, FALSE, &error));
      g_assert_error (error, SAM_ERROR, SAM_ERROR_CONFLICT);
      g_clear_error (&error);

      /* follow applies nothing of it either */
      g_assert_true (sam_follow_add (f->a, path, &error));
      g_clear_pointer (&plan, sam_merge_plan_free);
      plan = sam_follow_sync (f->a, path, NULL, &error);
      g_assert_no_error (error);
      number = route_value (f->a, "emergency-112", "emergency-112-phone");
      g_assert_cmpstr (number, ==, "112");
      still = sam_store_load_path (f->a, "trafficking-adult", &error);
      g_assert_no_error (error);
    }
}

/* A followed register's paths are read-only here, like its actors, and
 * one deleted here anyway comes back with the next sync. */
static void
test_followed_paths_read_only (SamMergeFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "published.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SamStore) b = sam_test_open_new (f, "b.sqlite", "Bo B");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(SamEscalationPath) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "b.sqlite", NULL);
  sqlite3 *sql = NULL;

  g_assert_true (sam_export_to_file (f->a, NULL, file, NULL, &error));
  g_assert_true (sam_follow_add (b, path, &error));
  plan = sam_follow_sync (b, path, NULL, &error);
  g_assert_no_error (error);
  loaded = sam_store_load_path (b, "trafficking-adult", &error);
  g_assert_no_error (error);

  g_assert_false (sam_store_delete_path (b, "trafficking-adult", sam_escalation_path_get_revision (loaded), &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_clear_error (&error);
  sam_text_set (sam_escalation_path_get_title (loaded), SAM_LANG_EN, "Changed here");
  g_assert_false (sam_store_update_path (b, loaded, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  g_clear_error (&error);

  /* deleted behind the register's back (an older version did allow it) */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql, "UPDATE escalation_path SET deleted = 1 WHERE id = 'trafficking-adult'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sql);
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_follow_sync (b, path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = sam_store_load_path (b, "trafficking-adult", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

/* Two edits to different steps of a path by two registers: the owner's
 * comes in by itself, the other's stays; the same step changed on both
 * sides is a conflict of that step field alone. */
static void
test_path_steps_field_by_field (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(SamMergePlan) plan = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  SamMergeItem *item;

  set_step_text (f->a, "trafficking-adult", "trafficking-adult-s1", "Step one by A");
  set_step_text (b, "trafficking-adult", "trafficking-adult-s2", "Step two by B");
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 1, 0, 0);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  s1 = step_text (b, "trafficking-adult", "trafficking-adult-s1");
  s2 = step_text (b, "trafficking-adult", "trafficking-adult-s2");
  g_assert_cmpstr (s1, ==, "Step one by A");
  g_assert_cmpstr (s2, ==, "Step two by B");

  set_step_text (f->a, "trafficking-adult", "trafficking-adult-s2", "Step two by A");
  g_clear_pointer (&plan, sam_merge_plan_free);
  plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
  sam_test_assert_counts (plan, 0, 0, 0, 1);
  item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
  g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
  g_assert_cmpstr (((SamMergeField *) g_ptr_array_index (sam_merge_item_get_fields (item), 0))->key,
                   ==, "step:trafficking-adult-s2/text.en");
  g_assert_cmpuint (sam_merge_plan_prefer_field (plan, NULL, "step:trafficking-adult-s2", SAM_MERGE_SIDE_THEIRS), ==, 1);
  g_assert_true (sam_merge_plan_apply (plan, FALSE, NULL));
  g_free (s2);
  s2 = step_text (b, "trafficking-adult", "trafficking-adult-s2");
  g_assert_cmpstr (s2, ==, "Step two by A");
}

/* B takes a professional view of an actor, so the internal route A
 * changed is held there as "a revision I lack". B then edits the actor
 * more often than a history keeps, and the revision it lacks is pruned
 * away. A's internal file then differs from B on that route: a question,
 * as the merge cannot tell. B's coordinator keeps B's number. The same
 * file then asks nothing again, and at A the kept number is B's
 * proposal, beside B's description (it used to stay marked as lacking a
 * revision nobody could bring, and never reached A). */
static void
test_pruned_stale_field (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (f->a, "umea-socialjour", &error);
  g_autoptr(SamActor) after = NULL;
  g_autofree char *before = NULL;
  SamExportFilter filter;
  GPtrArray *conflicts;

  g_assert_no_error (error);
  before = g_strdup (sam_contact_route_get_value (sam_actor_find_route (actor, "umea-socialjour-mobile")));
  g_assert_true (sam_contact_route_set_value (sam_actor_find_route (actor, "umea-socialjour-mobile"),
                                              "070-123 45 67", NULL));
  g_assert_true (sam_store_update_actor (f->a, actor, &error));
  g_assert_no_error (error);
  sam_export_filter_init (&filter);
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, &filter));
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  /* more edits than a history keeps */
  for (guint i = 0; i < SAM_ANCESTRY_LIMIT + 2; i++)
    {
      g_autofree char *text = g_strdup_printf ("Socialjouren, version %u", i);
      sam_test_describe_actor (b, "umea-socialjour", SAM_LANG_SV, text);
    }

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));

      conflicts = sam_merge_plan_get_conflicts (plan);
      if (round == 1)
        {
          /* the same file again: nothing to ask */
          g_assert_true (sam_merge_plan_is_noop (plan));
          break;
        }
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpuint (sam_merge_plan_prefer_field (plan, "umea-socialjour", "route:umea-socialjour-mobile",
                                                     SAM_MERGE_SIDE_MINE), ==, 1);
      g_assert_cmpuint (sam_merge_plan_count_undecided (plan), ==, 0);
      g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
      g_assert_no_error (error);
    }
  after = sam_store_load_actor (b, "umea-socialjour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_contact_route_get_value (sam_actor_find_route (after, "umea-socialjour-mobile")),
                   ==, before);
  g_assert_cmpstr (sam_text_get (sam_actor_get_description (after), SAM_LANG_SV), ==,
                   "Socialjouren, version 21");

  /* at A, the owner, both are B's proposal */
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
    GPtrArray *fields;

    conflicts = sam_merge_plan_get_conflicts (plan);
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (conflicts, 0)));
    fields = sam_merge_item_get_fields (g_ptr_array_index (conflicts, 0));
    g_assert_cmpuint (fields->len, ==, 2);
  }
}

/* The same internal route changed in A and in B at once, and a
 * professional file between them: B keeps its own number, and when A's
 * internal file comes, B is asked. A's record history holds the revision
 * B never got the route's value of: the route's lineage does not. */
static void
test_internal_made_apart (SamMergeFixture *f, gconstpointer data)
{
  g_autoptr(SamStore) b = sam_test_copy_of_a (f, "b.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mobile = NULL;
  SamMergeItem *item;

  set_route_value (f->a, "umea-socialjour", "umea-socialjour-mobile", "070-111 11 11");
  sam_test_rename_actor (f->a, "umea-socialjour", SAM_LANG_EN, "Umeå social services out of hours");
  set_route_value (b, "umea-socialjour", "umea-socialjour-mobile", "070-222 22 22");

  merge_professional (f->a, b);
  name = sam_test_name_of (b, "umea-socialjour", SAM_LANG_EN);
  g_assert_cmpstr (name, ==, "Umeå social services out of hours");
  mobile = route_value (b, "umea-socialjour", "umea-socialjour-mobile");
  g_assert_cmpstr (mobile, ==, "+46702222222");

  /* A's internal file: A's number is not older than B's, it was made apart */
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
    SamMergeField *field;

    sam_test_assert_counts (plan, 0, 0, 0, 1);
    item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpstr (sam_merge_item_get_id (item), ==, "umea-socialjour");
    g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 1);
    field = g_ptr_array_index (sam_merge_item_get_fields (item), 0);
    g_assert_cmpstr (field->key, ==, "route:umea-socialjour-mobile");
    sam_merge_plan_prefer (plan, SAM_MERGE_SIDE_THEIRS);
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  g_free (mobile);
  mobile = route_value (b, "umea-socialjour", "umea-socialjour-mobile");
  g_assert_cmpstr (mobile, ==, "+46701111111");
  /* B's choice settles it: A takes B's history, and nothing is asked again */
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (f->a, sam_test_exchange (b, NULL));
    g_assert_true (sam_merge_plan_apply (plan, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SamMergePlan) plan = sam_test_plan_for (b, sam_test_exchange (f->a, NULL));
    g_assert_true (sam_merge_plan_is_noop (plan));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, SamMergeFixture, NULL, sam_test_fixture_set_up, fn, sam_test_fixture_tear_down)
  ADD ("/merge/ancestry/same-sourceless-file", test_same_sourceless_file);
  ADD ("/merge/ancestry/round-trip-keeps-latest", test_round_trip_keeps_latest);
  ADD ("/merge/ancestry/unchanged-export-back", test_unchanged_export_back);
  ADD ("/merge/owner/stranger-cannot-change", test_stranger_cannot_change);
  ADD ("/merge/owner/hand-over-travels", test_hand_over_travels);
  ADD ("/merge/follow/paths-read-only", test_followed_paths_read_only);
  ADD ("/merge/paths/steps-field-by-field", test_path_steps_field_by_field);
  ADD ("/merge/public-subset", test_public_subset_keeps_restricted_routes);
  ADD ("/merge/audience/internal-edit-after-professional-view", test_internal_edit_after_professional_view);
  ADD ("/merge/audience/internal-made-apart", test_internal_made_apart);
  ADD ("/merge/three-way-ring", test_three_way_ring);
  ADD ("/merge/ancestry/pruned-stale-field", test_pruned_stale_field);
#undef ADD
  return g_test_run ();
}
