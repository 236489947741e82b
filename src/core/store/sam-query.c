/* sam-query.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type, in Swedish and English. Each word of the query is
 * read as itself (a prefix), its Snowball stems, and, when the index holds
 * no word starting with it, its dictionary base forms, the words one edit
 * away and a split into two words of the index; it also matches the
 * compounds it ends (sam-search-vocab.c), the synonyms coordinators gave,
 * and the kinds and target groups it names (sam-search-text.c). Those
 * words and the FTS5 expression of each tier are built in
 * sam-query-match.c; this file runs the tiers and ranks what they find.
 *
 * A two-letter prefix matches tens of thousands of rows in a large
 * register and ranking every one is what makes plain bm25 slow, so the
 * search runs in tiers of relevance that each stop at the limit: an exact
 * name (an index lookup), the name's words as typed, their other forms in
 * the name, keywords and kinds, then every column; the user's area before
 * the rest inside each tier (facet tokens, so again an index
 * intersection). Rows come in rowid order from FTS5 and only the rows kept
 * are sorted. CROSS JOIN keeps the full-text match the outer loop: with a
 * plain JOIN the planner may walk every actor and probe the index for each.
 */
#define G_LOG_DOMAIN "sam-query"

#include "config.h"

#include <string.h>

#include "sam-areas.h"
#include "sam-phone.h"
#include "sam-query.h"
#include "sam-search-facets.h"
#include "sam-search-text.h"
#include "sam-store-private.h"

typedef enum {
  TIER_OPEN_NEAR,   /* no text: open now in the user's area */
  TIER_EXACT,
  TIER_SYNONYM,     /* what a coordinator said a word means */
  TIER_PHONE,       /* the text is a phone number */
  TIER_NAME,        /* the name's words as typed */
  TIER_NAME_FORMS,  /* stems, base forms, compounds, typos, synonyms in the name */
  TIER_KIND,        /* the kind or target group the words name */
  TIER_KEYWORDS,    /* keywords */
  TIER_OTHER,       /* anywhere */
  TIER_PARTIAL,     /* some of the words */
  TIER_BROWSE,      /* no text: by name, filters in SQL */
} Tier;

/* words in a query that is most likely a name */
#define LONG_QUERY 4

typedef struct {
  gint64 rowid;
  Tier tier;
  guint sub;        /* order inside TIER_PARTIAL */
  guint area_rank;  /* 0 the user's area … 3 elsewhere */
  char *key;
  SamActor *row;    /* rows_only: the row, read with the hit */
} Hit;

typedef struct {
  SamStore *store;
  const SamQuery *query;
  GDateTime *now;
  char *filters;          /* the query's filters as facets, or NULL */
  GPtrArray *passes;      /* area restrictions, "" for none */
  GHashTable *seen;
  GPtrArray *hits;
} Search;

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
  g_free (query->near);
  g_clear_pointer (&query->now, g_date_time_unref);
  g_free (query);
}

/* Collecting */

static void
hit_free (Hit *hit)
{
  g_free (hit->key);
  g_clear_object (&hit->row);
  g_free (hit);
}

static int
hit_compare (gconstpointer a, gconstpointer b)
{
  const Hit *x = *(const Hit * const *) a, *y = *(const Hit * const *) b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  if (x->sub != y->sub)
    return x->sub < y->sub ? -1 : 1;
  if (x->area_rank != y->area_rank)
    return x->area_rank < y->area_rank ? -1 : 1;
  /* a shorter name is more of it matched: "Polisen" before "Polisregion
   * Nord – utredare människohandel" */
  if (x->tier < TIER_BROWSE && x->tier != TIER_OPEN_NEAR && strlen (x->key) != strlen (y->key))
    return strlen (x->key) < strlen (y->key) ? -1 : 1;
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

/* What ranks a hit, then what its row shows (_SAM_ACTOR_ROW_COLUMNS) */
#define HIT_COLUMNS "a.rowid, a.sort_sv, a.hours, a.key_en, " _SAM_ACTOR_ROW_COLUMNS
#define ROW_FIRST 4

/* The filters are in the MATCH expression (sam-search-facets.c); the
 * unused filter parameters are left unbound. */
static const char full_text_sql[] =
  "SELECT " HIT_COLUMNS " FROM actor_search CROSS JOIN actor a"
  " ON a.rowid = actor_search.rowid WHERE actor_search MATCH ?1 AND a.deleted = 0"
  " AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL"
  " AND ?7 IS NULL AND ?8 IS NULL";

/* Phone numbers by a prefix of their digits (migration 012); the filters
 * and the area, when there are any, as a match of that actor's row. */
static const char phone_sql[] =
  "SELECT " HIT_COLUMNS " FROM search_phone p CROSS JOIN actor a"
  " ON a.rowid = p.actor WHERE p.digits >= ?1 AND p.digits < ?1 || ':' AND a.deleted = 0"
  " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM actor_search WHERE actor_search.rowid = a.rowid"
  "      AND actor_search MATCH ?2))";

/* +deleted: the planner must use the name indexes, not (deleted, …) */
static const char exact_sql[] =
  "SELECT " HIT_COLUMNS " FROM actor a WHERE +a.deleted = 0"
  " AND (a.key_sv = ?1 OR a.key_en = ?1)" FILTERS;

/* Without text: everything the filters let through, by name in the sort
 * language. INDEXED BY: with the filters' "? IS NULL OR …" bound at run
 * time, the planner would otherwise sort every actor before the first row
 * (180 ms on 100,000); walking the name index stops at the limit. */
static const char *const browse_sql[SAM_N_LANGS] = {
  [SAM_LANG_SV] = "SELECT " HIT_COLUMNS " FROM actor a INDEXED BY actor_sort_sv"
                  " WHERE a.deleted = 0 AND ?1 IS NULL" FILTERS " ORDER BY a.deleted, a.sort_sv",
  [SAM_LANG_EN] = "SELECT " HIT_COLUMNS " FROM actor a INDEXED BY actor_key_en"
                  " WHERE +a.deleted = 0 AND ?1 IS NULL" FILTERS " ORDER BY a.key_en",
};

static void
bind_filters (sqlite3_stmt *stmt, const SamQuery *query)
{
  const SamArea *area = sam_area_lookup (query->area);

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
is_open (SamStore *self, sqlite3_stmt *stmt, GDateTime *now)
{
  g_autoptr(SamSchedule) hours = _sam_store_parse_hours (self, (const char *) sqlite3_column_text (stmt, 2));

  return hours != NULL && sam_schedule_is_open_at (hours, now);
}

static gboolean
full (Search *search)
{
  return search->query->limit != 0 && search->hits->len >= search->query->limit;
}

typedef enum {
  BIND_FILTERS,   /* ?2 … ?8: the query's filters */
  BIND_MATCH,     /* the filters are in the match */
  BIND_PHONE,     /* ?2: the filters and the area as a match, or NULL */
} Bind;

/* Adds the rows of one statement until the limit. */
static gboolean
collect (Search *search, const char *sql, Bind bind, const char *arg, const char *arg2,
         Tier tier, guint sub, guint area_rank, gboolean need_open, GError **error)
{
  SamStore *self = search->store;
  const SamQuery *query = search->query;
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, arg);
  if (bind == BIND_FILTERS)
    bind_filters (stmt, query);
  else if (bind == BIND_PHONE)
    _sam_bind_text (stmt, 2, arg2);
  while (!full (search) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      Hit *hit;

      if (g_hash_table_contains (search->seen, &rowid) ||
          ((query->open_now || need_open) && !is_open (self, stmt, search->now)))
        continue;
      hit = g_new0 (Hit, 1);
      hit->rowid = rowid;
      hit->tier = tier;
      hit->sub = sub;
      hit->area_rank = area_rank;
      hit->key = _sam_column_dup (stmt, query->sort_lang == SAM_LANG_EN ? 3 : 1);
      if (query->rows_only)
        hit->row = _sam_store_actor_row_from_columns (self, stmt, ROW_FIRST);
      g_hash_table_add (search->seen, &hit->rowid);
      g_ptr_array_add (search->hits, hit);
    }
  if (full (search))
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);   /* an early stop must not keep the read transaction */
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

/* Runs @match (or, with @phone, looks the digits up) once for each area
 * pass: the user's area first. */
static gboolean
collect_passes (Search *search, const char *match, const char *phone, Tier tier, guint sub,
                gboolean need_open, GError **error)
{
  for (guint pass = 0; pass < search->passes->len && !full (search); pass++)
    {
      const char *area = g_ptr_array_index (search->passes, pass);
      GString *expr = g_string_new (NULL);
      gboolean ok;

      if (match != NULL)
        g_string_append_printf (expr, "(%s)", match);
      if (search->filters != NULL)
        g_string_append_printf (expr, "%s(%s)", expr->len ? " AND " : "", search->filters);
      if (area[0] != '\0')
        g_string_append_printf (expr, "%s%s", expr->len ? " AND " : "", area);
      if (phone != NULL)
        ok = collect (search, phone_sql, BIND_PHONE, phone, expr->len ? expr->str : NULL,
                      tier, sub, pass, need_open, error);
      else if (expr->len == 0)
        ok = TRUE;
      else
        ok = collect (search, full_text_sql, BIND_MATCH, expr->str, NULL, tier, sub, pass,
                      need_open, error);
      g_string_free (expr, TRUE);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The area passes for @near: the municipality, its county, the country,
 * then everywhere. */
static GPtrArray *
area_passes (const char *near)
{
  GPtrArray *passes = g_ptr_array_new_with_free_func (g_free);
  const SamArea *area = sam_area_lookup (near);

  if (area != NULL && area->kind != SAM_AREA_COUNTRY)
    {
      g_autofree char *county = g_ascii_strdown (area->code, 2);

      if (area->kind == SAM_AREA_MUNICIPALITY)
        g_ptr_array_add (passes, g_strdup_printf ("{facets} : \"a%s\"", area->code));
      g_ptr_array_add (passes, g_strdup_printf ("{facets} : (\"a%s\" OR \"c%s\")", county, county));
      g_ptr_array_add (passes, g_strdup ("{facets} : \"ase\""));
    }
  g_ptr_array_add (passes, g_strdup (""));
  return passes;
}

/* When all the words together find nothing: the actors that match all but
 * one of them, then all but two …, longer words first. */
static gboolean
collect_match (Search *search, const char *match, Tier tier, guint sub, gboolean need_open,
               GError **error)
{
  return collect_passes (search, match, NULL, tier, sub, need_open, error);
}

static gboolean
collect_partial (Search *search, GPtrArray *words, guint before, GError **error)
{
  guint n = MIN (words->len, 6);
  guint sub = 0;

  for (guint k = n - 1; k >= 1 && search->hits->len == before; k--)
    for (guint subset = 1; subset < (1u << n) && !full (search); subset++)
      {
        if ((guint) g_bit_storage (subset) > n || __builtin_popcount (subset) != (int) k)
          continue;
        for (SamQueryColumns c = SAM_QUERY_COLUMNS_NAME;
             c <= SAM_QUERY_COLUMNS_ALL && !full (search); c++)
          {
            g_autofree char *match = NULL;

            if (!_sam_query_tier_may_match (words, c, SAM_QUERY_FORMS_ALL, subset))
              continue;
            match = _sam_query_build_tier (words, c, SAM_QUERY_FORMS_ALL, subset);
            if (!collect_match (search, match, TIER_PARTIAL, sub++, FALSE, error))
              return FALSE;
          }
      }
  return TRUE;
}

static gint
word_longer_first (gconstpointer a, gconstpointer b)
{
  const SamQueryWord *x = *(const SamQueryWord * const *) a;
  const SamQueryWord *y = *(const SamQueryWord * const *) b;

  return (int) strlen (y->word) - (int) strlen (x->word);
}

static gboolean
collect_text (Search *search, const char *text, GError **error)
{
  g_autoptr(GPtrArray) words = _sam_query_analyse (search->store, text);
  g_autofree char *exact = NULL;
  g_autofree char *digits = sam_phone_query_digits (text);
  gboolean all_numbers = TRUE;
  gboolean synonyms = FALSE, kinds = FALSE;
  gboolean named;
  guint before;
  static const struct { Tier tier; SamQueryColumns columns; SamQueryForms forms; } tiers[] = {
    { TIER_SYNONYM, SAM_QUERY_COLUMNS_NAME, SAM_QUERY_FORMS_SYNONYMS },
    { TIER_NAME, SAM_QUERY_COLUMNS_NAME, SAM_QUERY_FORMS_LITERAL },
    { TIER_NAME_FORMS, SAM_QUERY_COLUMNS_NAME, SAM_QUERY_FORMS_ALL },
    { TIER_KIND, SAM_QUERY_COLUMNS_KEYWORDS, SAM_QUERY_FORMS_KIND },
    { TIER_KEYWORDS, SAM_QUERY_COLUMNS_KEYWORDS, SAM_QUERY_FORMS_ALL },
    { TIER_OTHER, SAM_QUERY_COLUMNS_ALL, SAM_QUERY_FORMS_ALL },
  };

  for (guint i = 0; i < words->len; i++)
    {
      SamQueryWord *word = g_ptr_array_index (words, i);

      all_numbers = all_numbers && _sam_query_is_number (word->word);
      synonyms = synonyms || word->synonyms != NULL;
      kinds = kinds || word->facets->len > 0;
    }
  exact = g_strstrip (sam_text_fold (text));
  if (!collect (search, exact_sql, BIND_FILTERS, exact, NULL, TIER_EXACT, 0, 0, FALSE, error))
    return FALSE;
  named = search->hits->len > 0;
  if (digits != NULL && all_numbers &&
      !collect_passes (search, NULL, digits, TIER_PHONE, 0, FALSE, error))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tiers) && !full (search); t++)
    {
      g_autofree char *match = NULL;

      /* four words or more that found something already: a name was
       * typed, and a match in keywords or descriptions of all of them is
       * weak and costly */
      if (words->len >= LONG_QUERY && search->hits->len > 0 && tiers[t].tier >= TIER_KEYWORDS)
        break;
      /* … and when it was a name exactly, the names with all its words
       * are enough: each tier of four words or more reads a millisecond
       * of lists at 100,000 actors */
      if (words->len >= LONG_QUERY && named && tiers[t].tier > TIER_NAME)
        break;
      if ((tiers[t].forms == SAM_QUERY_FORMS_SYNONYMS && !synonyms) ||
          (tiers[t].forms == SAM_QUERY_FORMS_KIND && !kinds) ||
          !_sam_query_tier_may_match (words, tiers[t].columns, tiers[t].forms, 0))
        continue;
      match = _sam_query_build_tier (words, tiers[t].columns, tiers[t].forms, 0);
      if (!collect_match (search, match, tiers[t].tier, 0, FALSE, error))
        return FALSE;
    }
  /* nothing: the best partial matches (not for a phone number's groups) */
  before = search->hits->len;
  if (before > 0 || words->len < 2 || all_numbers)
    return TRUE;
  g_ptr_array_sort (words, word_longer_first);
  return collect_partial (search, words, before, error);
}

static gboolean
collect_browse (Search *search, GError **error)
{
  const SamQuery *query = search->query;

  /* what is open now in the user's area first: at night, the on-call
   * services rather than a closed office. With no area chosen yet, the
   * national lines that are open. */
  static const char *const national[] = { "{facets} : \"ase\"", "" };
  const char *const *passes = query->near != NULL ? (const char *const *) search->passes->pdata : national;
  guint n_passes = query->near != NULL ? search->passes->len : G_N_ELEMENTS (national);

  if (n_passes > 1)
    {
      for (guint pass = 0; pass + 1 < n_passes && !full (search); pass++)
        {
          GString *expr = g_string_new (passes[pass]);
          gboolean ok;

          if (search->filters != NULL)
            g_string_append_printf (expr, " AND (%s)", search->filters);
          ok = collect (search, full_text_sql, BIND_MATCH, expr->str, NULL, TIER_OPEN_NEAR, 0, pass,
                        TRUE, error);
          g_string_free (expr, TRUE);
          if (!ok)
            return FALSE;
        }
    }
  return collect (search, browse_sql[query->sort_lang], BIND_FILTERS, NULL, NULL, TIER_BROWSE, 0, 0,
                  FALSE, error);
}

static GPtrArray *
find_hits (SamStore *self, const SamQuery *query, GDateTime *now, GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  /* keyed by the hits' own rowids: freed before them */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) passes = area_passes (query->near);
  g_autofree char *filters = sam_search_facets_match (query);
  g_autoptr(GPtrArray) tokens = sam_search_text_words (query->text);
  Search search = { self, query, now, filters, passes, seen, hits };
  gboolean ok;

  if (tokens->len == 0)
    ok = collect_browse (&search, error);
  else
    {
      /* the dictionary is needed at the first word with no match: load it
       * beside the typing, not at that word */
      sam_search_text_preload ();
      ok = collect_text (&search, query->text, error);
    }
  if (!ok)
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
  g_autofree gint64 *rowids = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = find_hits (store, query, now, error);
  if (hits == NULL)
    return NULL;
  if (query->rows_only)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_full (hits->len, g_object_unref);

      for (guint i = 0; i < hits->len; i++)
        g_ptr_array_add (rows, g_object_ref (((Hit *) g_ptr_array_index (hits, i))->row));
      if (!_sam_store_complete_actor_rows (store, rows, error))
        return NULL;
      return g_steal_pointer (&rows);
    }
  rowids = g_new (gint64, hits->len + 1);
  for (guint i = 0; i < hits->len; i++)
    rowids[i] = ((Hit *) g_ptr_array_index (hits, i))->rowid;
  return _sam_store_load_actors_by_rowids (store, rowids, hits->len, error);
}
