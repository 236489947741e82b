/* sam-search-vocab.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search index's own vocabulary, a splitter over it, and synonyms.
 * Every lookup here is one range of a B-tree: a word that finds nothing
 * costs a few of them, a word that finds something none (sam-query.c asks
 * only for words without a match).
 */
#define G_LOG_DOMAIN "sam-search"

#include "config.h"

#include <string.h>

#include "sam-search-text.h"
#include "sam-search-vocab.h"

#define MIN_WORD 4
/* shorter words are kept too, for where they occur: "www" and "se" are
 * never in a name */
#define MIN_STORED 2
#define MAX_CANDIDATES 12
/* the most words a prefix is turned into; more are read as a prefix */
#define MAX_STARTING 64
/* the last code point: "abc" <= w < "abc" LAST is every w starting "abc" */
#define LAST "\xf4\x8f\xbf\xbf"
/* the words a store has written, so a large import asks SQLite once a word */
#define SEEN_KEY "sam-search-vocab-seen"
#define SEEN_MAX 500000   /* word -> the columns written */

/* A rollback takes back what the cache says was written. */
static void
rolled_back_cb (void *data)
{
  g_hash_table_remove_all (data);
}

static GHashTable *
get_seen (SamStore *self)
{
  GHashTable *seen = g_object_get_data (G_OBJECT (self), SEEN_KEY);

  if (seen != NULL && g_hash_table_size (seen) > SEEN_MAX)
    g_hash_table_remove_all (seen);
  if (seen == NULL)
    {
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), SEEN_KEY, seen, (GDestroyNotify) g_hash_table_unref);
      sqlite3_rollback_hook (_sam_store_get_db (self), rolled_back_cb, seen);
    }
  return seen;
}

static gboolean
is_number (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
insert_rev (SamStore *self, const char *form, const char *term, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT OR IGNORE INTO search_vocab_rev (rev, term) VALUES (?, ?)", error);
  g_autofree char *rev = g_utf8_strreverse (form, -1);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_static (stmt, 1, rev);
  _sam_bind_static (stmt, 2, term);
  return _sam_store_step_done (self, stmt, error);
}

static gboolean
insert_word (SamStore *self, const char *word, SamSearchColumns column, gboolean known,
             GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT INTO search_vocab (term, cols) VALUES (?1, ?2)"
      " ON CONFLICT (term) DO UPDATE SET cols = cols | ?2 WHERE cols & ?2 = 0", error);
  g_autofree char *stem = NULL;
  g_autofree char *shorter = NULL;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_static (stmt, 1, word);
  sqlite3_bind_int (stmt, 2, column);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (known || strlen (word) < MIN_WORD)
    return TRUE;
  /* the word, without its last letter ("psykiatrin" ends in "psykiatri")
   * and its stem ("myndigheten" ends in "mynd") */
  stem = sam_search_text_stem (word, FALSE);
  shorter = g_strndup (word, g_utf8_prev_char (word + strlen (word)) - word);
  return insert_rev (self, word, word, error) &&
         (strlen (shorter) < MIN_WORD + 1 || insert_rev (self, shorter, word, error)) &&
         (stem == NULL || insert_rev (self, stem, word, error));
}

static gboolean
add_one (SamStore *self, GHashTable *seen, const char *word, SamSearchColumns column,
         GError **error)
{
  guint columns;
  gpointer value;
  gboolean known;

  if (strlen (word) < MIN_STORED || is_number (word))
    return TRUE;
  known = g_hash_table_lookup_extended (seen, word, NULL, &value);
  columns = GPOINTER_TO_UINT (value);
  if (known && (columns & column))
    return TRUE;
  if (!insert_word (self, word, column, known, error))
    return FALSE;
  g_hash_table_insert (seen, g_strdup (word), GUINT_TO_POINTER (columns | column));
  return TRUE;
}

gboolean
_sam_search_vocab_add (SamStore          *self,
                       const char        *text,
                       SamSearchColumns   column,
                       GError           **error)
{
  g_autoptr(GPtrArray) words = sam_search_text_words (text);
  GHashTable *seen = get_seen (self);

  for (guint i = 0; i < words->len; i++)
    if (!add_one (self, seen, g_ptr_array_index (words, i), column, error))
      return FALSE;
  return TRUE;
}

/* The words exactly as the index holds them, each once with the columns
 * it is in: one pass over the index after an import, cheaper than
 * splitting every text a second time as it is written. */
gboolean
_sam_search_vocab_fill (SamStore  *self,
                        GError   **error)
{
  static const struct { const char *name; SamSearchColumns column; } columns[] = {
    { "name", SAM_SEARCH_IN_NAME }, { "kw", SAM_SEARCH_IN_KEYWORDS }, { "body", SAM_SEARCH_IN_BODY },
  };
  GHashTable *seen = get_seen (self);
  sqlite3_stmt *stmt;
  int rc;

  if (!_sam_store_exec (self, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sam_search_terms "
                              "USING fts5vocab (main, actor_search, col)", error) ||
      (stmt = _sam_store_prepare (self, "SELECT term, col FROM temp.sam_search_terms", error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      const char *col = (const char *) sqlite3_column_text (stmt, 1);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (g_str_equal (col, columns[i].name) && !add_one (self, seen, term, columns[i].column, error))
          {
            sqlite3_reset (stmt);
            return FALSE;
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

SamSearchColumns
_sam_search_vocab_columns (SamStore   *self,
                           const char *prefix,
                           gboolean    exact)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, exact
      ? "SELECT cols FROM search_vocab WHERE term = ?1"
      : "SELECT cols FROM search_vocab WHERE term >= ?1 AND term < ?1 || '" LAST "'", NULL);
  guint columns = 0;

  if (stmt == NULL || g_utf8_strlen (prefix, -1) < MIN_STORED)
    return SAM_SEARCH_IN_ANY;
  _sam_bind_text (stmt, 1, prefix);
  while (columns != SAM_SEARCH_IN_ANY && sqlite3_step (stmt) == SQLITE_ROW)
    columns |= sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return columns;
}

gboolean
_sam_search_vocab_has_prefix (SamStore   *self,
                              const char *prefix)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT 1 FROM search_vocab WHERE term >= ?1 AND term < ?1 || '" LAST "' LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return TRUE;   /* no vocabulary: take the word as it is */
  _sam_bind_text (stmt, 1, prefix);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
_sam_search_vocab_starting (SamStore   *self,
                            const char *prefix,
                            GPtrArray  *out)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?1 || '" LAST "'"
      " LIMIT " G_STRINGIFY (MAX_STARTING) " + 1", NULL);
  guint before = out->len;

  if (stmt == NULL || g_utf8_strlen (prefix, -1) < MIN_WORD || is_number (prefix))
    return FALSE;
  _sam_bind_text (stmt, 1, prefix);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (out->len - before <= MAX_STARTING)
    return TRUE;
  g_ptr_array_remove_range (out, before, out->len - before);
  return FALSE;
}

static void
add_unique (GPtrArray *out, const char *word)
{
  if (!g_ptr_array_find_with_equal_func (out, word, g_str_equal, NULL))
    g_ptr_array_add (out, g_strdup (word));
}

/* @term, or its beginning as long as @word give or take a letter, when
 * within one edit of @word. */
static void
add_if_near (GPtrArray *out, const char *word, const char *term)
{
  size_t len = strlen (word), tlen = strlen (term);

  if (sam_search_text_within_one_edit (word, term))
    {
      add_unique (out, term);
      return;
    }
  for (size_t cut = len - 1; cut <= len + 1; cut++)
    {
      g_autofree char *head = NULL;

      if (cut >= tlen || (term[cut] & 0xc0) == 0x80)
        continue;
      head = g_strndup (term, cut);
      if (sam_search_text_within_one_edit (word, head))
        {
          add_unique (out, head);
          return;
        }
    }
}

/* A typo is seldom in the first two letters: the words that share them
 * are one range of the vocabulary. */
void
_sam_search_vocab_near (SamStore   *self,
                        const char *word,
                        GPtrArray  *out)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?1 || '" LAST "'"
      " AND length (term) >= ?2", NULL);
  const char *second = g_utf8_next_char (g_utf8_next_char (word));
  g_autofree char *start = g_strndup (word, second - word);
  guint before = out->len;

  if (stmt == NULL)
    return;
  _sam_bind_text (stmt, 1, start);
  sqlite3_bind_int (stmt, 2, (int) g_utf8_strlen (word, -1) - 1);
  while (sqlite3_step (stmt) == SQLITE_ROW && out->len - before < MAX_CANDIDATES)
    add_if_near (out, word, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
}

static void
add_ending_in (SamStore *self, const char *ending, GPtrArray *out)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT term FROM search_vocab_rev WHERE rev >= ?1 AND rev < ?1 || '" LAST "'"
      " AND length (rev) >= ?2 LIMIT " G_STRINGIFY (MAX_CANDIDATES), NULL);
  g_autofree char *rev = g_utf8_strreverse (ending, -1);

  if (stmt == NULL)
    return;
  _sam_bind_text (stmt, 1, rev);
  sqlite3_bind_int (stmt, 2, (int) g_utf8_strlen (ending, -1) + 3);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_unique (out, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
}

void
_sam_search_vocab_compounds (SamStore   *self,
                             const char *word,
                             GPtrArray  *out)
{
  g_autofree char *stem = sam_search_text_stem (word, FALSE);

  if (strlen (word) < MIN_WORD)
    return;
  add_ending_in (self, word, out);
  if (stem != NULL && strlen (stem) >= MIN_WORD)
    add_ending_in (self, stem, out);
}

static gboolean
ends_a_word (SamStore *self, const char *ending)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  add_ending_in (self, ending, found);
  return found->len > 0;
}

/* The longest first part wins: "brottsofferjouren" is "brottsoffer" +
 * "jouren" rather than "brotts" + "offerjouren". Each part begins a word
 * of the index, and the second may end one ("barnpsykiatri": "barn" and
 * "ungdomspsykiatrin"). */
gboolean
_sam_search_vocab_split (SamStore    *self,
                         const char  *word,
                         char       **first,
                         char       **second)
{
  size_t len = strlen (word);

  for (size_t cut = len - MIN_WORD; cut >= MIN_WORD; cut--)
    {
      g_autofree char *head = g_strndup (word, cut);
      const char *tail = word + cut;

      if ((word[cut] & 0xc0) == 0x80 || !_sam_search_vocab_has_prefix (self, head) ||
          !(_sam_search_vocab_has_prefix (self, tail) || ends_a_word (self, tail)))
        continue;
      *first = g_steal_pointer (&head);
      *second = g_strdup (tail);
      return TRUE;
    }
  return FALSE;
}

void
_sam_search_synonyms_lookup (SamStore   *self,
                             const char *term,
                             GPtrArray  *out)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT expansion FROM search_synonym WHERE term = ?", NULL);

  if (stmt == NULL)
    return;
  _sam_bind_text (stmt, 1, term);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_unique (out, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
}

/* Upgrade */

static GArray *
live_rowids (SamStore *self, GError **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT rowid FROM actor WHERE deleted = 0 ORDER BY rowid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&rowids);
}

static gboolean
write_search_rows (SamStore *self, GArray *rowids, GError **error)
{
  for (guint i = 0; i < rowids->len; i += 256)
    {
      guint n = MIN (256, rowids->len - i);
      g_autoptr(GPtrArray) actors = _sam_store_load_actors_by_rowids (self,
          &g_array_index (rowids, gint64, i), n, error);

      if (actors == NULL)
        return FALSE;
      for (guint k = 0; k < actors->len; k++)
        {
          SamActor *actor = g_ptr_array_index (actors, k);
          gint64 *rowid = g_object_get_data (G_OBJECT (actor), "rowid");

          if (!_sam_store_write_search_row (self, *rowid, actor, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
rebuild_search (SamStore *self, GError **error)
{
  g_autoptr(GArray) rowids = live_rowids (self, error);
  gboolean ok;

  if (rowids == NULL)
    return FALSE;
  _sam_store_defer_search_vocab (self, TRUE);
  ok = write_search_rows (self, rowids, error);
  _sam_store_defer_search_vocab (self, FALSE);
  return ok && _sam_search_vocab_fill (self, error) &&
         _sam_store_exec (self, "DELETE FROM meta WHERE key = 'search_rebuild';"
                          "INSERT INTO actor_search (actor_search) VALUES ('optimize')", error);
}

gboolean
_sam_store_upgrade_search (SamStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT 1 FROM meta WHERE key = 'search_rebuild'", error);
  gboolean needed;

  if (stmt == NULL)
    return FALSE;
  needed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!needed)
    return TRUE;
  return _sam_store_begin (self, error) &&
         _sam_store_end (self, rebuild_search (self, error), error);
}
