/* sam-ancestry.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's bounded revision history, as CouchDB keeps one per document:
 * each revision id is a hash of its parent's id and the record's content,
 * so two registers that make the same change to the same version agree on
 * its id. Ids are fixed-length hex, separated by single spaces, so the
 * i-th id starts at i * (SAM_REV_LEN + 1).
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sam-ancestry.h"
#include "sam-digest.h"

#define STEP (SAM_REV_LEN + 1)

SamAncestry *
sam_ancestry_new (const char *owner, const char *history, const char *fields)
{
  SamAncestry *ancestry = g_new0 (SamAncestry, 1);

  ancestry->owner = owner && *owner ? g_strdup (owner) : NULL;
  ancestry->history = g_strdup (history ? history : "");
  ancestry->fields = g_strdup (fields ? fields : "");
  return ancestry;
}

SamAncestry *
sam_ancestry_copy (const SamAncestry *ancestry)
{
  return sam_ancestry_new (ancestry->owner, ancestry->history, ancestry->fields);
}

void
sam_ancestry_free (SamAncestry *ancestry)
{
  if (ancestry == NULL)
    return;
  g_free (ancestry->owner);
  g_free (ancestry->history);
  g_free (ancestry->fields);
  g_free (ancestry);
}

static guint
count (const char *history)
{
  gsize n = strlen (history);
  return n < SAM_REV_LEN ? 0 : (guint) ((n + 1) / STEP);
}

static const char *
nth (const char *history, guint i)
{
  return history + (gsize) i * STEP;
}

gboolean
sam_rev_same (const char *a, const char *b)
{
  return g_str_equal (a, b) && !g_str_equal (a, SAM_REV_UNKNOWN);
}

gboolean
sam_ancestry_has (const SamAncestry *ancestry, const char *rev)
{
  guint n = count (ancestry->history);

  if (rev == NULL || strlen (rev) != SAM_REV_LEN || g_str_equal (rev, SAM_REV_UNKNOWN))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (memcmp (nth (ancestry->history, i), rev, SAM_REV_LEN) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_rev (char out[SAM_REV_LEN + 1], const char *from)
{
  memcpy (out, from, SAM_REV_LEN);
  out[SAM_REV_LEN] = '\0';
}

void
sam_ancestry_get_head (const SamAncestry *ancestry, char out[SAM_REV_LEN + 1])
{
  if (count (ancestry->history) == 0)
    copy_rev (out, SAM_REV_UNKNOWN);
  else
    copy_rev (out, ancestry->history);
}

void
sam_ancestry_get_root (const SamAncestry *ancestry, char out[SAM_REV_LEN + 1])
{
  guint n = count (ancestry->history);

  copy_rev (out, n == 0 ? SAM_REV_UNKNOWN : nth (ancestry->history, n - 1));
}

/* The entry of @key in @fields ("key=rev key=rev"), or NULL. */
static const char *
find_field (const char *fields, const char *key)
{
  gsize len = strlen (key);

  for (const char *p = fields; p && *p; )
    {
      const char *end = strchr (p, ' ');

      if (strncmp (p, key, len) == 0 && p[len] == '=')
        return p + len + 1;
      p = end ? end + 1 : NULL;
    }
  return NULL;
}

static const char *
find_stale (const char *fields, const char *key)
{
  g_autofree char *stale = g_strconcat (SAM_ANCESTRY_STALE, key, NULL);
  return find_field (fields, stale);
}

gboolean
sam_ancestry_has_entry (const SamAncestry *ancestry, const char *key)
{
  return ancestry != NULL && find_field (ancestry->fields, key) != NULL;
}

gboolean
sam_ancestry_is_stale (const SamAncestry *ancestry, const char *key)
{
  return ancestry != NULL && find_stale (ancestry->fields, key) != NULL;
}

gboolean
sam_ancestry_has_stale (const SamAncestry *ancestry)
{
  return ancestry != NULL && strstr (ancestry->fields, SAM_ANCESTRY_STALE) != NULL;
}

GPtrArray *
sam_ancestry_stale_keys (const SamAncestry *ancestry)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  gsize n = strlen (SAM_ANCESTRY_STALE);

  for (const char *p = ancestry ? strstr (ancestry->fields, SAM_ANCESTRY_STALE) : NULL; p;
       p = strstr (p + n, SAM_ANCESTRY_STALE))
    {
      const char *eq = strchr (p, '=');

      /* at the start of an entry only */
      if (eq != NULL && (p == ancestry->fields || p[-1] == ' '))
        g_ptr_array_add (keys, g_strndup (p + n, eq - p - n));
    }
  return keys;
}

void
sam_ancestry_get_field (const SamAncestry *ancestry, const char *key, char out[SAM_REV_LEN + 1])
{
  const char *rev = find_stale (ancestry->fields, key);

  if (rev == NULL)
    rev = find_field (ancestry->fields, key);

  if (rev != NULL && strlen (rev) >= SAM_REV_LEN)
    copy_rev (out, rev);
  else
    sam_ancestry_get_root (ancestry, out);
}

static char *
short_hash (const char *a, const char *b)
{
  SamDigest sum;
  char *hex;

  sam_digest_init (&sum);
  sam_digest_add_field (&sum, a, '\x1f');
  sam_digest_add (&sum, b, strlen (b));
  hex = sam_digest_finish (&sum);
  hex[SAM_REV_LEN] = '\0';
  return hex;
}

char *
sam_ancestry_root_id (const char *content_hash)
{
  return short_hash ("root", *content_hash ? content_hash : "deleted");
}

char *
sam_ancestry_next_id (const char *parent, const char *content_hash)
{
  return short_hash (parent, *content_hash ? content_hash : "deleted");
}

/* Keeps the newest ids and the root. */
static char *
join_pruned (GPtrArray *ids)
{
  GString *out = g_string_new (NULL);
  guint n = ids->len;

  for (guint i = 0; i < n; i++)
    {
      if (n > SAM_ANCESTRY_LIMIT && i >= SAM_ANCESTRY_LIMIT - 1 && i != n - 1)
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append_len (out, g_ptr_array_index (ids, i), SAM_REV_LEN);
    }
  return g_string_free (out, FALSE);
}

static void
add_ids (GPtrArray *ids, GHashTable *seen, const char *history, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      char *id = g_strndup (nth (history, i), SAM_REV_LEN);

      if (g_hash_table_add (seen, id))
        g_ptr_array_add (ids, id);
    }
}

/* "rev,rev,…": ids of SAM_REV_LEN hex digits separated by commas. */
static gboolean
valid_lineage (const char *lineage)
{
  gsize n = strlen (lineage);

  if (n < SAM_REV_LEN || (n + 1) % STEP != 0)
    return FALSE;
  for (gsize i = SAM_REV_LEN; i < n; i += STEP)
    if (lineage[i] != ',')
      return FALSE;
  return TRUE;
}

/* key → lineage of @fields, in a table of its own. */
static GHashTable *
parse_fields (const char *fields)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) parts = g_strsplit (fields ? fields : "", " ", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *eq = strrchr (parts[i], '=');

      if (eq == NULL || !valid_lineage (eq + 1))
        continue;
      g_hash_table_insert (table, g_strndup (parts[i], eq - parts[i]), g_strdup (eq + 1));
    }
  return table;
}

/* Sets @key (plain, or stale/KEY) to @lineage in @table, dropping its
 * other form. */
static void
put_field (GHashTable *table, const char *key, const char *lineage)
{
  gsize n = strlen (SAM_ANCESTRY_STALE);

  if (g_str_has_prefix (key, SAM_ANCESTRY_STALE))
    g_hash_table_remove (table, key + n);
  else
    {
      g_autofree char *stale = g_strconcat (SAM_ANCESTRY_STALE, key, NULL);
      g_hash_table_remove (table, stale);
    }
  g_hash_table_insert (table, g_strdup (key), g_strdup (lineage));
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_ids (const void *a, const void *b)
{
  return memcmp (*(const char * const *) a, *(const char * const *) b, SAM_REV_LEN);
}

/* @lineage as this record carries it: a head pruned away from the history
 * becomes unknown (it matches nothing, sam_rev_same); the rest in a
 * canonical order (the history's, then older ids sorted, the root last),
 * so that two registers holding the same write the same; at most
 * SAM_LINEAGE_LIMIT ids, the oldest always among them. Handed-over
 * entries are one id. */
static char *
prune_lineage (const char *key, const char *lineage, const SamAncestry *ancestry)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GPtrArray) older = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  guint n = (guint) ((strlen (lineage) + 1) / STEP);
  guint nh = count (ancestry->history);
  char head[SAM_REV_LEN + 1], root[SAM_REV_LEN + 1];
  gboolean has_root = FALSE;

  copy_rev (head, lineage);
  sam_ancestry_get_root (ancestry, root);
  g_string_append (out, sam_ancestry_has (ancestry, head) ? head : SAM_REV_UNKNOWN);
  if (g_str_has_prefix (key, SAM_ANCESTRY_HANDED))
    return g_string_free (out, FALSE);
  for (guint h = 0; h + 1 < nh; h++)
    for (guint i = 1; i < n; i++)
      if (memcmp (nth (ancestry->history, h), lineage + (gsize) i * STEP, SAM_REV_LEN) == 0)
        {
          if (memcmp (nth (ancestry->history, h), head, SAM_REV_LEN) != 0)
            g_ptr_array_add (rest, (gpointer) nth (ancestry->history, h));
          break;
        }
  for (guint i = 1; i < n; i++)
    {
      const char *id = lineage + (gsize) i * STEP;
      char one[SAM_REV_LEN + 1];
      gboolean dup = memcmp (id, head, SAM_REV_LEN) == 0 || memcmp (id, SAM_REV_UNKNOWN, SAM_REV_LEN) == 0;

      copy_rev (one, id);
      if (g_str_equal (one, root))
        has_root = TRUE;
      else if (sam_ancestry_has (ancestry, one))
        continue;
      for (guint j = 0; j < older->len && !dup; j++)
        dup = memcmp (g_ptr_array_index (older, j), id, SAM_REV_LEN) == 0;
      if (!dup && !g_str_equal (one, root))
        g_ptr_array_add (older, (gpointer) id);
    }
  g_ptr_array_sort (older, compare_ids);
  g_ptr_array_extend (rest, older, NULL, NULL);
  if (has_root && !g_str_equal (head, root))
    g_ptr_array_add (rest, root);
  for (guint i = 0; i < rest->len; i++)
    {
      if (rest->len >= SAM_LINEAGE_LIMIT && i >= SAM_LINEAGE_LIMIT - 2 && i != rest->len - 1)
        continue;
      g_string_append_c (out, ',');
      g_string_append_len (out, g_ptr_array_index (rest, i), SAM_REV_LEN);
    }
  return g_string_free (out, FALSE);
}

/* "key=lineage …" sorted by key; fields at the root are left out. */
static char *
format_fields (GHashTable *table, const SamAncestry *ancestry)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (table, NULL);
  char root[SAM_REV_LEN + 1];
  GString *out = g_string_new (NULL);
  guint n = g_hash_table_size (table);

  sam_ancestry_get_root (ancestry, root);
  qsort (keys, n, sizeof (char *), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *lineage = prune_lineage (keys[i], g_hash_table_lookup (table, keys[i]),
                                                ancestry);

      /* a stale field says so even at the root */
      if (g_str_equal (lineage, root) && !g_str_has_prefix (keys[i], SAM_ANCESTRY_STALE) &&
          !g_str_has_prefix (keys[i], SAM_ANCESTRY_HANDED))
        continue;
      g_string_append_printf (out, "%s%s=%s", out->len ? " " : "", keys[i], lineage);
    }
  return g_string_free (out, FALSE);
}

/* The entry of @key, stale or plain (up to the next space), or NULL. */
static const char *
find_entry (const SamAncestry *ancestry, const char *key)
{
  const char *entry = find_stale (ancestry->fields, key);

  return entry ? entry : find_field (ancestry->fields, key);
}

/* Appends to @ids (of new strings) the lineage of @key in @ancestry:
 * its entry's ids, or the root for a field never changed since. */
static void
add_lineage (GPtrArray *ids, const SamAncestry *ancestry, const char *key)
{
  const char *entry = ancestry ? find_entry (ancestry, key) : NULL;
  char root[SAM_REV_LEN + 1];

  if (ancestry == NULL)
    return;
  if (entry == NULL)
    {
      sam_ancestry_get_root (ancestry, root);
      g_ptr_array_add (ids, g_strdup (root));
      return;
    }
  /* the entry ends at the next space (or the end) after its last id */
  for (const char *p = entry; strnlen (p, SAM_REV_LEN) == SAM_REV_LEN; p += STEP)
    {
      g_ptr_array_add (ids, g_strndup (p, SAM_REV_LEN));
      if (p[SAM_REV_LEN] != ',')
        break;
    }
}

gboolean
sam_ancestry_field_has (const SamAncestry *ancestry, const char *key, const char *rev)
{
  const char *entry, *last = NULL;
  char root[SAM_REV_LEN + 1];

  if (rev == NULL || strlen (rev) != SAM_REV_LEN || g_str_equal (rev, SAM_REV_UNKNOWN))
    return FALSE;
  sam_ancestry_get_root (ancestry, root);
  /* a field never changed since the root is the root's */
  if ((entry = find_entry (ancestry, key)) == NULL)
    return g_str_equal (rev, root);
  for (const char *p = entry; strnlen (p, SAM_REV_LEN) == SAM_REV_LEN; p += STEP)
    {
      if (memcmp (p, rev, SAM_REV_LEN) == 0)
        return TRUE;
      last = p;
      if (p[SAM_REV_LEN] != ',')
        break;
    }
  /* a lineage that no longer reaches the root (an entry written before
   * fields had lineages, or pruned by the history) says nothing of older
   * revisions: the record's history does */
  return last != NULL && memcmp (last, root, SAM_REV_LEN) != 0 && sam_ancestry_has (ancestry, rev);
}

gboolean
sam_ancestry_covers (const SamAncestry *ancestry, const SamAncestry *other)
{
  g_auto(GStrv) parts = NULL;

  /* most records: no field changed since the root */
  if (*other->fields == '\0')
    return TRUE;
  parts = g_strsplit (other->fields, " ", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *eq = strrchr (parts[i], '=');
      const char *key = parts[i];

      /* a field the other does not hold brings nothing: when its revision
       * is newer than the value here, this side says so already (stale) */
      if (eq == NULL || strlen (eq + 1) < SAM_REV_LEN || g_str_has_prefix (key, SAM_ANCESTRY_HANDED) ||
          g_str_has_prefix (key, SAM_ANCESTRY_STALE))
        continue;
      *eq = '\0';
      eq[1 + SAM_REV_LEN] = '\0';
      /* a revision pruned away on the other side is older than both */
      if (!g_str_equal (eq + 1, SAM_REV_UNKNOWN) && !sam_ancestry_field_has (ancestry, key, eq + 1))
        return FALSE;
    }
  return TRUE;
}

/* "@rev,lineage of @a,lineage of @b" for @key (prune_lineage puts it in
 * order and drops what repeats). */
static char *
joined_lineage (const char *key, const char *rev, const SamAncestry *a, const SamAncestry *b)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  g_string_append_len (out, rev, SAM_REV_LEN);
  add_lineage (ids, a, key);
  add_lineage (ids, b, key);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, ",%s", (const char *) g_ptr_array_index (ids, i));
  return g_string_free (out, FALSE);
}

SamAncestry *
sam_ancestry_advance (const SamAncestry *old, const char *rev, GHashTable *changed)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) fields = parse_fields (old ? old->fields : NULL);
  SamAncestry *result;
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_add (ids, g_strndup (rev, SAM_REV_LEN));
  g_hash_table_add (seen, g_ptr_array_index (ids, 0));
  if (old != NULL)
    add_ids (ids, seen, old->history, 0, count (old->history));
  result = sam_ancestry_new (old ? old->owner : NULL, NULL, NULL);
  g_free (result->history);
  result->history = join_pruned (ids);
  if (changed != NULL)
    {
      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          /* a value set here is held here, and descends from the one before */
          g_autofree char *lineage = joined_lineage (key, rev, old, NULL);
          put_field (fields, key, lineage);
        }
    }
  g_free (result->fields);
  result->fields = format_fields (fields, result);
  return result;
}

SamAncestry *
sam_ancestry_merge (const SamAncestry *mine, const SamAncestry *theirs, const char *rev,
                    GHashTable *field_revs)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) fields = parse_fields (mine->fields);
  guint nm = count (mine->history), nt = count (theirs->history);
  char mine_root[SAM_REV_LEN + 1], theirs_root[SAM_REV_LEN + 1];
  SamAncestry *result;
  GHashTableIter iter;
  gpointer key, value;

  sam_ancestry_get_root (mine, mine_root);
  sam_ancestry_get_root (theirs, theirs_root);
  g_ptr_array_add (ids, g_strndup (rev, SAM_REV_LEN));
  g_hash_table_add (seen, g_ptr_array_index (ids, 0));
  /* both lines, newest first, then theirs' root, then mine's */
  for (guint i = 0; i + 1 < MAX (nm, nt); i++)
    {
      if (i + 1 < nm)
        add_ids (ids, seen, mine->history, i, i + 1);
      if (i + 1 < nt)
        add_ids (ids, seen, theirs->history, i, i + 1);
    }
  if (nt > 0 && !g_str_equal (theirs_root, mine_root))
    add_ids (ids, seen, theirs->history, nt - 1, nt);
  if (nm > 0 && g_hash_table_contains (seen, mine_root))
    {
      /* the root goes last; @seen borrows its keys from @ids, so the key
       * goes before the string is freed */
      g_hash_table_remove (seen, mine_root);
      for (guint i = 0; i < ids->len; i++)
        if (g_str_equal (g_ptr_array_index (ids, i), mine_root))
          {
            g_ptr_array_remove_index (ids, i);
            break;
          }
    }
  if (nm > 0)
    add_ids (ids, seen, mine->history, nm - 1, nm);

  result = sam_ancestry_new (mine->owner, NULL, NULL);
  g_free (result->history);
  result->history = join_pruned (ids);
  if (field_revs != NULL)
    {
      g_hash_table_iter_init (&iter, field_revs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        put_field (fields, key, value);
    }
  g_free (result->fields);
  result->fields = format_fields (fields, result);
  return result;
}

void
sam_ancestry_note_field (GHashTable *entries, const char *key, const char *rev, gboolean stale,
                         const SamAncestry *a, const SamAncestry *b)
{
  g_hash_table_insert (entries, stale ? g_strconcat (SAM_ANCESTRY_STALE, key, NULL) : g_strdup (key),
                       joined_lineage (key, rev, a, b));
}

void
sam_ancestry_put_fields (SamAncestry *ancestry, GHashTable *entries)
{
  g_autoptr(GHashTable) fields = parse_fields (ancestry->fields);
  GHashTableIter iter;
  gpointer name, lineage;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &name, &lineage))
    put_field (fields, name, lineage);
  g_free (ancestry->fields);
  ancestry->fields = format_fields (fields, ancestry);
}

void
sam_ancestry_set_field_from (SamAncestry *ancestry, const char *key, const char *rev, gboolean stale,
                             const SamAncestry *a, const SamAncestry *b)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  sam_ancestry_note_field (entries, key, rev, stale, a, b);
  sam_ancestry_put_fields (ancestry, entries);
}

static GQuark
ancestry_quark (void)
{
  return g_quark_from_static_string ("sam-ancestry");
}

SamAncestry *
_sam_record_get_ancestry (gpointer record)
{
  return record ? g_object_get_qdata (G_OBJECT (record), ancestry_quark ()) : NULL;
}

void
_sam_record_set_ancestry (gpointer record, SamAncestry *ancestry)
{
  g_object_set_qdata_full (G_OBJECT (record), ancestry_quark (), ancestry,
                           (GDestroyNotify) sam_ancestry_free);
}
