/* test-ancestry.c
 *
 * A record's ancestry on its own: each field's lineage as local edits and
 * merges make it, "seen" asked of the field rather than of the record,
 * the bound on a lineage, and entries written before lineages existed.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "sam-ancestry.h"
#include "sam-digest.h"

/* A revision id made from a word, as a local edit makes one. */
static char *
rev_of (const char *parent, const char *what)
{
  return sam_ancestry_next_id (parent, what);
}

/* @old with @key changed in a revision made from @what. */
static SamAncestry *
edit (const SamAncestry *old, const char *key, const char *what, char **rev_out)
{
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  char head[SAM_REV_LEN + 1];
  g_autofree char *rev = NULL;
  SamAncestry *now;

  sam_ancestry_get_head (old, head);
  rev = rev_of (head, what);
  g_hash_table_add (changed, (gpointer) key);
  now = sam_ancestry_advance (old, rev, changed);
  if (rev_out != NULL)
    *rev_out = g_steal_pointer (&rev);
  return now;
}

static SamAncestry *
new_root (void)
{
  g_autofree char *root = sam_ancestry_root_id ("content");
  return sam_ancestry_new (NULL, root, NULL);
}

static void
test_edits_make_a_lineage (void)
{
  g_autoptr(SamAncestry) root = new_root ();
  g_autoptr(SamAncestry) one = NULL;
  g_autoptr(SamAncestry) two = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *expected = NULL;
  char root_id[SAM_REV_LEN + 1];

  sam_ancestry_get_root (root, root_id);
  one = edit (root, "name.sv", "a", &r1);
  two = edit (one, "name.sv", "b", &r2);
  expected = g_strdup_printf ("name.sv=%s,%s,%s", r2, r1, root_id);
  g_assert_cmpstr (two->fields, ==, expected);
  g_assert_true (sam_ancestry_field_has (two, "name.sv", r1));
  g_assert_true (sam_ancestry_field_has (two, "name.sv", root_id));
  /* a field never changed is at the root, and only the root */
  g_assert_true (sam_ancestry_field_has (two, "name.en", root_id));
  g_assert_false (sam_ancestry_field_has (two, "name.en", r1));
  g_assert_false (sam_ancestry_field_has (two, "name.sv", SAM_REV_UNKNOWN));
}

/* A revision in the record's history whose value of a field never came
 * here (a narrower file): the field has not seen it, and "mine covers
 * theirs" does not hold although the history has theirs' head. */
static void
test_history_is_not_the_field (void)
{
  g_autoptr(SamAncestry) root = new_root ();
  g_autoptr(SamAncestry) theirs = NULL;
  g_autoptr(SamAncestry) mine = NULL;
  g_autoptr(SamAncestry) merged = NULL;
  g_autofree char *tr = NULL;
  g_autofree char *mr = NULL;
  g_autofree char *merge = NULL;
  char th[SAM_REV_LEN + 1], mh[SAM_REV_LEN + 1];

  theirs = edit (root, "route:mobile", "theirs", &tr);
  mine = edit (root, "route:mobile", "mine", &mr);
  sam_ancestry_get_head (theirs, th);
  sam_ancestry_get_head (mine, mh);
  merge = rev_of (th, mh);
  merged = sam_ancestry_merge (mine, theirs, merge, NULL);
  /* mine's value kept, with mine's lineage alone */
  sam_ancestry_set_field_from (merged, "route:mobile", mr, FALSE, mine, NULL);

  g_assert_true (sam_ancestry_has (merged, tr));
  g_assert_false (sam_ancestry_field_has (merged, "route:mobile", tr));
  g_assert_true (sam_ancestry_field_has (merged, "route:mobile", mr));
  g_assert_false (sam_ancestry_covers (merged, theirs));
  g_assert_true (sam_ancestry_covers (merged, mine));
  /* the same value on both sides descends from both */
  sam_ancestry_set_field_from (merged, "route:mobile", mr, FALSE, mine, theirs);
  g_assert_true (sam_ancestry_field_has (merged, "route:mobile", tr));
  g_assert_true (sam_ancestry_covers (merged, theirs));
}

/* At most SAM_LINEAGE_LIMIT ids, the root among them, the same whichever
 * side's lineage comes first. */
static void
test_bound_and_order (void)
{
  g_autoptr(SamAncestry) a = new_root ();
  g_autoptr(SamAncestry) b = NULL;
  g_autoptr(SamAncestry) ab = NULL;
  g_autoptr(SamAncestry) ba = NULL;
  g_auto(GStrv) ids = NULL;
  char root_id[SAM_REV_LEN + 1];
  const char *entry;

  sam_ancestry_get_root (a, root_id);
  b = sam_ancestry_copy (a);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *what = g_strdup_printf ("a%u", i);
      SamAncestry *next = edit (a, "hours", what, NULL);

      sam_ancestry_free (a);
      a = next;
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *what = g_strdup_printf ("b%u", i);
      SamAncestry *next = edit (b, "hours", what, NULL);

      sam_ancestry_free (b);
      b = next;
    }
  entry = strchr (a->fields, '=') + 1;
  ids = g_strsplit (entry, ",", -1);
  g_assert_cmpuint (g_strv_length (ids), ==, SAM_LINEAGE_LIMIT);
  g_assert_cmpstr (ids[SAM_LINEAGE_LIMIT - 1], ==, root_id);

  ab = sam_ancestry_merge (a, b, "0123456789abcdef", NULL);
  ba = sam_ancestry_merge (a, b, "0123456789abcdef", NULL);
  sam_ancestry_set_field_from (ab, "hours", "0123456789abcdef", FALSE, a, b);
  sam_ancestry_set_field_from (ba, "hours", "0123456789abcdef", FALSE, b, a);
  g_assert_cmpstr (ab->fields, ==, ba->fields);
}

/* An entry of one id, as files before version 4 wrote them, says nothing
 * of older revisions: the record's history does. */
static void
test_entry_without_lineage (void)
{
  g_autoptr(SamAncestry) root = new_root ();
  g_autoptr(SamAncestry) one = NULL;
  g_autoptr(SamAncestry) two = NULL;
  g_autoptr(SamAncestry) old = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *fields = NULL;

  one = edit (root, "name.sv", "a", &r1);
  two = edit (one, "name.sv", "b", &r2);
  fields = g_strdup_printf ("name.sv=%s", r2);
  old = sam_ancestry_new (NULL, two->history, fields);
  g_assert_true (sam_ancestry_field_has (old, "name.sv", r1));
  g_assert_false (sam_ancestry_field_has (old, "name.sv", "fedcba9876543210"));
}

/* Revision ids and content hashes are compared across registers and
 * versions: the digest must be SHA-256 exactly as GLib writes it, on input
 * split at any point, and a root id what it always was. */
static void
test_digest_is_sha256 (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *root = NULL;

  for (guint length = 0; length < 300; length += 1 + length / 8)
    {
      g_autofree char *expected = NULL;
      g_autofree char *whole = NULL;
      g_autofree char *split = NULL;
      SamDigest digest;

      g_string_truncate (text, 0);
      for (guint i = 0; i < length; i++)
        g_string_append_c (text, "Umeå kvinnojour 090-\x1f"[(i * 7 + length) % 20]);
      expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
      sam_digest_init (&digest);
      sam_digest_add (&digest, text->str, text->len);
      whole = sam_digest_finish (&digest);
      g_assert_cmpstr (whole, ==, expected);
      sam_digest_init (&digest);
      sam_digest_add (&digest, text->str, text->len / 3);
      sam_digest_add (&digest, text->str + text->len / 3, text->len - text->len / 3);
      split = sam_digest_finish (&digest);
      g_assert_cmpstr (split, ==, expected);
    }
  /* "root" \x1f "deleted", as every register has computed it */
  root = sam_ancestry_root_id ("");
  g_assert_cmpstr (root, ==, "57e6d8c38f36b642");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ancestry/edits-make-a-lineage", test_edits_make_a_lineage);
  g_test_add_func ("/ancestry/history-is-not-the-field", test_history_is_not_the_field);
  g_test_add_func ("/ancestry/bound-and-order", test_bound_and_order);
  g_test_add_func ("/ancestry/entry-without-lineage", test_entry_without_lineage);
  g_test_add_func ("/ancestry/digest-is-sha256", test_digest_is_sha256);
  return g_test_run ();
}
