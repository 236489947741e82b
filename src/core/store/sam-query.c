/* sam-query.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type. A two-letter prefix matches tens of thousands of rows
 * in a large register and ranking every one is what makes plain bm25 slow,
 * so the search runs in tiers that each stop at the limit: an exact name
 * (an index lookup), then names only, then every column. Rows come in
 * rowid order from FTS5 and only the rows kept are sorted. CROSS JOIN keeps
 * the full-text match the outer loop: with a plain JOIN the planner may
 * walk every actor and probe the index for each (a second for no match in
 * 100,000 actors).
 */
#define G_LOG_DOMAIN "sam-query"

#include "config.h"

#include <string.h>

#include "sam-areas.h"
#include "sam-phone.h"
#include "sam-query.h"
#include "sam-search-facets.h"
#include "sam-store-private.h"

typedef enum {
  TIER_EXACT,
  TIER_NAME,
  TIER_OTHER,
  TIER_BROWSE,   /* no text: by name, filters in SQL */
} Tier;

typedef struct {
  gint64 rowid;
  Tier tier;
  char *key;
} Hit;

SamQuery *
sam_query_new (const char *text)
{
  SamQuery *query = g_new0 (SamQuery, 1);

  query->text = g_strdup (text);
  query->limit = 50;
  query->sort_lang = sam_lang_from_locale ();
  return query;
}

void
sam_query_free (SamQuery *query)
{
  g_free (query->text);
  g_free (query->area);
  g_free (query->target_group);
  g_free (query->language);
  g_clear_pointer (&query->now, g_date_time_unref);
  g_free (query);
}

/* Tokens as FTS5's unicode61 tokenizer sees them: runs of letters and
 * digits, folded. */
static GPtrArray *
tokenize (const char *text)
{
  g_autofree char *folded = sam_text_fold (text);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *token = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (token, c);
          continue;
        }
      if (token->len > 0)
        g_ptr_array_add (tokens, g_strdup (token->str));
      g_string_truncate (token, 0);
      if (c == 0)
        break;
    }
  g_string_free (token, TRUE);
  return tokens;
}

char *
sam_query_build_match (const char *text,
                       gboolean    names_only)
{
  g_autoptr(GPtrArray) tokens = NULL;
  g_autofree char *digits = NULL;
  GString *match;

  if (text == NULL)
    return NULL;
  tokens = tokenize (text);
  if (tokens->len == 0)
    return NULL;

  match = g_string_new (NULL);
  /* tokens hold only letters and digits, so quoting them is safe */
  g_string_append (match, names_only ? "{name} : (" : "{name body} : (");
  for (guint i = 0; i < tokens->len; i++)
    g_string_append_printf (match, "%s\"%s\"*", i ? " AND " : "",
                            (const char *) g_ptr_array_index (tokens, i));
  g_string_append_c (match, ')');

  digits = names_only ? NULL : sam_phone_query_digits (text);
  if (digits != NULL)
    g_string_append_printf (match, " OR {phones} : \"%s\"*", digits);
  return g_string_free (match, FALSE);
}

static void
hit_free (Hit *hit)
{
  g_free (hit->key);
  g_free (hit);
}

static int
hit_compare (gconstpointer a, gconstpointer b)
{
  const Hit *x = *(const Hit * const *) a, *y = *(const Hit * const *) b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  return g_strcmp0 (x->key, y->key);
}

#define FILTERS \
  " AND (?2 IS NULL OR a.kind = ?2)" \
  " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM actor_area x WHERE x.actor_id = a.id" \
  "      AND (x.area_code IN (?3, ?4, ?5) OR (?6 IS NOT NULL AND substr (x.area_code, 1, 2) = ?6))))" \
  " AND (?7 IS NULL OR EXISTS (SELECT 1 FROM actor_target_group t WHERE t.actor_id = a.id" \
  "      AND t.target_group = ?7))" \
  " AND (?8 IS NULL OR EXISTS (SELECT 1 FROM actor_language l WHERE l.actor_id = a.id" \
  "      AND l.language = ?8))"

/* The filters are in the MATCH expression (sam-search-facets.c); the
 * unused filter parameters are left unbound. */
#define FULL_TEXT_SQL \
  "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor_search CROSS JOIN actor a" \
  " ON a.rowid = actor_search.rowid WHERE actor_search MATCH ?1 AND a.deleted = 0" \
  " AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL" \
  " AND ?7 IS NULL AND ?8 IS NULL"

static const char *const tier_sql[] = {
  /* +deleted: the planner must use the name indexes, not (deleted, …) */
  [TIER_EXACT] = "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor a WHERE +a.deleted = 0"
                 " AND (a.key_sv = ?1 OR a.key_en = ?1)" FILTERS,
  /* the two full-text tiers differ only in the MATCH expression bound */
  [TIER_NAME]  = FULL_TEXT_SQL,
  [TIER_OTHER] = FULL_TEXT_SQL,
};

/* Without text: everything the filters let through, by name in the sort
 * language. INDEXED BY: with the filters' "? IS NULL OR …" bound at run
 * time, the planner would otherwise sort every actor before the first row
 * (180 ms on 100,000); walking the name index stops at the limit. */
static const char *const browse_sql[SAM_N_LANGS] = {
  [SAM_LANG_SV] = "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor a INDEXED BY actor_sort_sv"
                  " WHERE a.deleted = 0 AND ?1 IS NULL" FILTERS " ORDER BY a.deleted, a.sort_sv",
  [SAM_LANG_EN] = "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor a INDEXED BY actor_key_en"
                  " WHERE +a.deleted = 0 AND ?1 IS NULL" FILTERS " ORDER BY a.key_en",
};

static void
bind_filters (sqlite3_stmt *stmt, const SamQuery *query, Tier tier)
{
  const SamArea *area = sam_area_lookup (query->area);

  if (tier == TIER_NAME || tier == TIER_OTHER)
    return;
  if (query->has_kind)
    _sam_bind_text (stmt, 2, sam_actor_kind_to_string (query->kind));
  if (area != NULL)
    {
      const char * const *covering = sam_area_get_covering (area);

      for (guint i = 0; i < 3 && covering[i]; i++)
        _sam_bind_text (stmt, 3 + i, covering[i]);
      if (area->kind == SAM_AREA_COUNTY)
        _sam_bind_text (stmt, 6, area->code);
    }
  else if (query->area != NULL)
    _sam_bind_text (stmt, 3, query->area);   /* unknown code: matches nothing */
  _sam_bind_text (stmt, 7, query->target_group);
  _sam_bind_text (stmt, 8, query->language);
}

static gboolean
passes_open_now (SamStore *self, sqlite3_stmt *stmt, GDateTime *now)
{
  g_autoptr(SamSchedule) hours = _sam_store_parse_hours (self, (const char *) sqlite3_column_text (stmt, 2));

  return hours != NULL && sam_schedule_is_open_at (hours, now);
}

/* Adds the rows of one tier until @hits holds @limit rows. */
static gboolean
collect (SamStore *self, const char *sql, const char *arg, Tier tier, const SamQuery *query,
         GDateTime *now, GHashTable *seen, GPtrArray *hits, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, arg);
  bind_filters (stmt, query, tier);
  while ((query->limit == 0 || hits->len < query->limit) &&
         (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      Hit *hit;

      if (g_hash_table_contains (seen, &rowid) ||
          (query->open_now && !passes_open_now (self, stmt, now)))
        continue;
      hit = g_new0 (Hit, 1);
      hit->rowid = rowid;
      hit->tier = tier;
      hit->key = _sam_column_dup (stmt, query->sort_lang == SAM_LANG_EN ? 3 : 1);
      g_hash_table_add (seen, g_memdup2 (&rowid, sizeof rowid));
      g_ptr_array_add (hits, hit);
    }
  if (query->limit != 0 && hits->len >= query->limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);   /* an early stop must not keep the read transaction */
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

/* "(text) AND facets"; takes @match */
static char *
with_facets (char *match, const char *facets)
{
  char *both;

  if (match == NULL || facets == NULL)
    return match;
  both = g_strdup_printf ("(%s) AND %s", match, facets);
  g_free (match);
  return both;
}

static GPtrArray *
find_hits (SamStore *self, const SamQuery *query, GDateTime *now, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  g_autofree char *facets = sam_search_facets_match (query);
  g_autofree char *names = with_facets (sam_query_build_match (query->text, TRUE), facets);
  g_autofree char *all = with_facets (sam_query_build_match (query->text, FALSE), facets);
  g_autofree char *trimmed = g_strstrip (g_strdup (query->text ? query->text : ""));
  g_autofree char *exact = NULL;

  if (all == NULL)
    {
      if (!collect (self, browse_sql[query->sort_lang], NULL, TIER_BROWSE, query, now, seen, hits, error))
        return NULL;
      return g_steal_pointer (&hits);
    }
  exact = sam_text_fold (trimmed);
  if (!collect (self, tier_sql[TIER_EXACT], exact, TIER_EXACT, query, now, seen, hits, error) ||
      !collect (self, tier_sql[TIER_NAME], names, TIER_NAME, query, now, seen, hits, error) ||
      !collect (self, tier_sql[TIER_OTHER], all, TIER_OTHER, query, now, seen, hits, error))
    return NULL;
  g_ptr_array_sort (hits, hit_compare);
  return g_steal_pointer (&hits);
}

GPtrArray *
sam_store_search (SamStore        *store,
                  const SamQuery  *query,
                  GError         **error)
{
  g_autoptr(GDateTime) now = query->now ? g_date_time_ref (query->now) : sam_now_local ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autofree gint64 *rowids = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = find_hits (store, query, now, error);
  if (hits == NULL)
    return NULL;
  rowids = g_new (gint64, hits->len + 1);
  for (guint i = 0; i < hits->len; i++)
    rowids[i] = ((Hit *) g_ptr_array_index (hits, i))->rowid;
  actors = _sam_store_load_actors_by_rowids (store, rowids, hits->len, error);
  if (actors == NULL)
    return NULL;
  return g_steal_pointer (&actors);
}
