/* sam-merge-ancestry.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's ancestry in a merge: how a field this register does not
 * hold (stale, README-merge.md) is decided, and the history and field
 * revisions a merged record is written with.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <string.h>

#include "sam-merge.h"
#include "sam-merge-private.h"

/* A field whose value this register does not hold (sam-ancestry.h): @mr
 * is the revision it lacks. The file's value is that revision's, or one
 * made since by its owner; an older one is no help; else a person knows. */
SamMergeSide
_sam_merge_stale_side (SamMergeItem *item, const char *key, const char *mr, const char *tr,
                       gboolean owns)
{
  if (sam_rev_same (mr, tr) || sam_ancestry_field_has (item->theirs_anc, key, mr))
    return owns ? SAM_MERGE_SIDE_THEIRS : SAM_MERGE_SIDE_NONE;
  if (sam_ancestry_field_has (item->mine_anc, key, tr))
    return SAM_MERGE_SIDE_MINE;
  return SAM_MERGE_SIDE_NONE;
}

/* Whether @item's file holds a value this register lacks, at the very
 * revision it lacks (same heads, so nothing else to compare). */
gboolean
_sam_merge_fills_stale (SamMergeItem *item)
{
  g_autoptr(GPtrArray) keys = sam_ancestry_stale_keys (item->mine_anc);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      char mr[SAM_REV_LEN + 1], tr[SAM_REV_LEN + 1];

      sam_ancestry_get_field (item->mine_anc, key, mr);
      sam_ancestry_get_field (item->theirs_anc, key, tr);
      if (sam_rev_same (mr, tr) && !sam_ancestry_is_stale (item->theirs_anc, key))
        return TRUE;
    }
  return FALSE;
}

/* The id of a merge of two heads into content @content_hash (the full
 * record): the same on both sides when they merge the same versions into
 * the same record. */
static char *
merge_rev (SamMergeItem *item, const char *content_hash)
{
  char mh[SAM_REV_LEN + 1], th[SAM_REV_LEN + 1];
  g_autofree char *parents = NULL;

  sam_ancestry_get_head (item->mine_anc, mh);
  sam_ancestry_get_head (item->theirs_anc, th);
  parents = g_strdup_printf ("merge %s %s", strcmp (mh, th) < 0 ? mh : th, strcmp (mh, th) < 0 ? th : mh);
  return sam_ancestry_next_id (parents, content_hash);
}

/* The ancestry after the merge. When theirs descends from mine and no
 * field was decided for mine, and the result is theirs (in the file's
 * audience), theirs' history with mine's owner. Else a merge revision
 * over both. */
static gboolean
field_differs (const char *key, SamFieldValue *a, SamFieldValue *b)
{
  return _sam_merge_values_differ (key, a, b);
}

static gboolean
is_decided (SamMergeItem *item, const char *key)
{
  for (guint k = 0; k < item->fields->len; k++)
    if (g_str_equal (((SamMergeField *) g_ptr_array_index (item->fields, k))->key, key))
      return TRUE;
  return FALSE;
}

/* Every field either side or the result has, and every stale one. */
static GPtrArray *
all_keys (GHashTable **tables, guint n, SamMergeItem *item)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  const SamAncestry *sides[] = { item->mine_anc, item->theirs_anc };

  for (guint t = 0; t < n; t++)
    {
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (seen, g_strdup (key));
    }
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autoptr(GPtrArray) stale = sam_ancestry_stale_keys (sides[s]);

      for (guint i = 0; i < stale->len; i++)
        g_hash_table_add (seen, g_strdup (g_ptr_array_index (stale, i)));
    }
  /* the array owns copies; @seen frees its own */
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_set_free_func (keys, g_free);
  return keys;
}

/* Notes in @out the revision of @key after the merge, with its lineage:
 * the revision of the value it has, from the side whose value it is (and
 * that side's lineage only: a value made apart from the other side's
 * does not descend from it, whatever the record's history says); a field
 * whose value is older than a revision either side knows it has is
 * stale. */
static void
note_field (GHashTable *out, SamMergeItem *item, const char *key, SamFieldValue *r,
            SamFieldValue *m, SamFieldValue *t, const char *rev)
{
  const SamAncestry *ma = item->mine_anc, *ta = item->theirs_anc;
  char mr[SAM_REV_LEN + 1], tr[SAM_REV_LEN + 1];
  gboolean ms = sam_ancestry_is_stale (ma, key);
  gboolean ts = sam_ancestry_is_stale (ta, key);
  gboolean is_m = !field_differs (key, r, m) && !ms;
  gboolean is_t = !field_differs (key, r, t) && !ts && item->theirs != NULL;
  const char *newest = NULL;

  sam_ancestry_get_field (ma, key, mr);
  sam_ancestry_get_field (ta, key, tr);
  if (sam_rev_same (mr, tr) || sam_ancestry_field_has (ma, key, tr))
    newest = mr;
  else if (sam_ancestry_field_has (ta, key, mr))
    newest = tr;
  if (is_decided (item, key))
    {
      SamMergeSide choice = _sam_merge_item_choice (item, key);
      const char *lacked = newest ? newest : choice == SAM_MERGE_SIDE_MINE ? mr : tr;

      /* a choice between values neither side holds stays stale: the
       * newest is still elsewhere. Once the revision it lacks is pruned
       * away nobody's file can be known to hold it any more, so the
       * person's choice is the newest (a later file that differs is a
       * conflict again, never a silent win). */
      if (((choice == SAM_MERGE_SIDE_MINE && ms) || (choice == SAM_MERGE_SIDE_THEIRS && ts)) &&
          !g_str_equal (lacked, SAM_REV_UNKNOWN))
        sam_ancestry_note_field (out, key, lacked, TRUE, lacked == mr ? ma : ta, NULL);
      else if (rev != NULL)
        /* a person's choice is new, and comes after both values */
        sam_ancestry_note_field (out, key, rev, FALSE, ma, ta);
      else
        /* theirs' whole history taken: theirs', after mine's */
        sam_ancestry_note_field (out, key, tr, FALSE, ta, ma);
      return;
    }
  if (!ms && !ts)
    {
      /* both hold their values: the revision of the side whose value it
       * is (theirs first when theirs' history is taken), else new; the
       * same value on both sides descends from both */
      gboolean first_t = rev == NULL;
      gboolean eq_m = !field_differs (key, r, m), eq_t = !field_differs (key, r, t);

      if (first_t && eq_t)
        sam_ancestry_note_field (out, key, tr, FALSE, ta, eq_m ? ma : NULL);
      else if (eq_m)
        sam_ancestry_note_field (out, key, mr, FALSE, ma, eq_t ? ta : NULL);
      else if (eq_t)
        sam_ancestry_note_field (out, key, tr, FALSE, ta, NULL);
      else
        sam_ancestry_note_field (out, key, rev ? rev : tr, FALSE, ma, ta);
      return;
    }
  if (is_t && (newest == NULL || newest == tr || sam_rev_same (mr, tr)))
    sam_ancestry_note_field (out, key, tr, FALSE, ta, NULL);
  else if (is_m && (newest == NULL || newest == mr))
    sam_ancestry_note_field (out, key, mr, FALSE, ma, NULL);  /* made apart: mine's alone */
  else if (newest == NULL && !field_differs (key, r, m))
    sam_ancestry_note_field (out, key, mr, ms, ma, NULL);     /* both changed: mine's stays */
  else if (newest == NULL)
    sam_ancestry_note_field (out, key, tr, ts, ta, NULL);
  else
    /* not the newest value */
    sam_ancestry_note_field (out, key, newest, TRUE, newest == mr ? ma : ta, NULL);
}

SamAncestry *
_sam_merge_result_ancestry (SamMergeItem *item, gboolean is_theirs, const char *content_hash,
                 GObject *result, SamVisibility audience)
{
  char mh[SAM_REV_LEN + 1];
  g_autofree char *rev = NULL;
  g_autoptr(GPtrArray) fr = NULL;
  g_autoptr(GPtrArray) fm = NULL;
  g_autoptr(GPtrArray) ft = NULL;
  g_autoptr(GHashTable) tr_ = NULL;
  g_autoptr(GHashTable) tm = NULL;
  g_autoptr(GHashTable) tt = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GHashTable) entries = NULL;
  gboolean kept_mine = FALSE;
  gboolean copied = FALSE;
  SamAncestry *out;

  if (item->mine_anc == NULL)
    return sam_ancestry_copy (item->theirs_anc);     /* new here */
  for (guint k = 0; k < item->fields->len; k++)
    kept_mine |= ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice != SAM_MERGE_SIDE_THEIRS;
  sam_ancestry_get_head (item->mine_anc, mh);
  rev = merge_rev (item, content_hash);
  if (is_theirs && !kept_mine && sam_ancestry_has (item->theirs_anc, mh))
    {
      out = sam_ancestry_copy (item->theirs_anc);
      g_free (out->owner);
      out->owner = g_strdup (item->mine_anc->owner);
      copied = TRUE;
    }
  else
    out = sam_ancestry_merge (item->mine_anc, item->theirs_anc, rev, NULL);
  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* theirs' hand-overs travel on */
  {
    g_auto(GStrv) parts = g_strsplit (item->theirs_anc->fields, " ", -1);

    for (guint i = 0; parts[i]; i++)
      {
        char *eq = strchr (parts[i], '=');

        if (g_str_has_prefix (parts[i], SAM_ANCESTRY_HANDED) && eq != NULL)
          {
            *eq = '\0';
            sam_ancestry_note_field (entries, parts[i], eq + 1, FALSE, NULL, NULL);
          }
      }
  }
  if (result == NULL)
    {
      /* a deletion is a revision of the whole record */
      sam_ancestry_put_fields (out, entries);
      return out;
    }
  /* each field's revision as its value says, over every field either
   * side has: a route the file could not carry, a step's route it
   * reduced, are kept here and stay as old as they are */
  fr = _sam_merge_record_canon (result, SAM_VISIBILITY_INTERNAL);
  fm = _sam_merge_record_canon (item->mine, SAM_VISIBILITY_INTERNAL);
  ft = _sam_merge_record_canon (item->theirs, SAM_VISIBILITY_INTERNAL);
  tr_ = _sam_merge_field_table (fr);
  tm = _sam_merge_field_table (fm);
  tt = _sam_merge_field_table (ft);
  {
    GHashTable *tables[] = { tr_, tm, tt };
    keys = all_keys (tables, G_N_ELEMENTS (tables), item);
  }
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);

      note_field (entries, item, k, g_hash_table_lookup (tr_, k), g_hash_table_lookup (tm, k),
                  g_hash_table_lookup (tt, k), copied ? NULL : rev);
    }
  sam_ancestry_put_fields (out, entries);
  return out;
}

