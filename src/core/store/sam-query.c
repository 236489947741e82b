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
 * and the kinds and target groups it names (sam-search-text.c).
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
#include "sam-search-vocab.h"
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
} Hit;

/* One word of the query and what it may match. */
typedef struct {
  char *word;        /* folded; two words for a synonym of two */
  char *literal;     /* the word as typed, a prefix, or a synonym */
  char *synonyms;    /* the synonyms alone, or NULL */
  GPtrArray *forms;  /* FTS5 alternatives, the literal first */
  GPtrArray *compounds; /* the compounds it ends, for names and keywords only */
  GPtrArray *facets; /* kinds and target groups it names */
  guint literal_in;  /* SamSearchColumns the literal may match in */
  guint forms_in;    /* … and all its forms */
} Word;

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

/* One letter or digit, which the index has no prefix index for: itself
 * and the two-letter prefixes it begins, each read lazily ("s"* would
 * read and merge the lists of every word starting with s first). */
static gboolean
append_one_letter (GString *match, const char *word)
{
  static const char next[] = "abcdefghijklmnopqrstuvwxyz0123456789";

  if (word[0] == '\0' || word[1] != '\0' || !g_ascii_isalnum (word[0]))
    return FALSE;
  g_string_append_printf (match, "(\"%s\"", word);
  for (const char *c = next; *c; c++)
    g_string_append_printf (match, " OR \"%s%c\"*", word, *c);
  g_string_append_c (match, ')');
  return TRUE;
}

char *
sam_query_build_match (const char *text,
                       gboolean    names_only)
{
  g_autoptr(GPtrArray) tokens = NULL;
  GString *match;

  if (text == NULL)
    return NULL;
  tokens = sam_search_text_words (text);
  if (tokens->len == 0)
    return NULL;

  match = g_string_new (NULL);
  /* tokens hold only letters and digits, so quoting them is safe */
  g_string_append (match, names_only ? "{name} : (" : "{name kw body} : (");
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (i > 0)
        g_string_append (match, " AND ");
      if (!append_one_letter (match, token))
        g_string_append_printf (match, "\"%s\"*", token);
    }
  g_string_append_c (match, ')');
  return g_string_free (match, FALSE);
}

/* Words */

static void
word_free (Word *word)
{
  g_free (word->word);
  g_free (word->literal);
  g_free (word->synonyms);
  g_ptr_array_unref (word->forms);
  g_clear_pointer (&word->compounds, g_ptr_array_unref);
  g_ptr_array_unref (word->facets);
  g_free (word);
}

static void
add_form (Word *word, char *form)
{
  if (g_ptr_array_find_with_equal_func (word->forms, form, g_str_equal, NULL))
    g_free (form);
  else
    g_ptr_array_add (word->forms, form);
}

/* The words of the index starting with @prefix, for FTS5: "p"* reads and
 * merges the lists of all of them before the first row, as there is no
 * prefix index past three letters (migration 012); their OR is read only
 * as far as the search goes. */
static char *
prefix_form (SamStore *store, const char *prefix)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  GString *form = g_string_new (NULL);

  if (append_one_letter (form, prefix))
    return g_string_free (form, FALSE);
  g_string_free (form, TRUE);
  if (!_sam_search_vocab_starting (store, prefix, terms) || terms->len == 0)
    return g_strdup_printf ("\"%s\"*", prefix);
  if (terms->len == 1)
    return g_strdup_printf ("\"%s\"", (char *) g_ptr_array_index (terms, 0));
  form = g_string_new ("(");
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (form, "%s\"%s\"", i ? " OR " : "", (char *) g_ptr_array_index (terms, i));
  g_string_append_c (form, ')');
  return g_string_free (form, FALSE);
}

/* "a"* AND "b"* for the words of @text (stop words left out, unless all are). */
static char *
all_words_prefix (SamStore *store, const char *text)
{
  g_autoptr(GPtrArray) words = sam_search_text_words (text);
  GString *out = g_string_new (NULL);
  guint kept = 0;

  for (guint pass = 0; pass < 2 && kept == 0; pass++)
    for (guint i = 0; i < words->len; i++)
      {
        const char *w = g_ptr_array_index (words, i);

        g_autofree char *form = NULL;

        if (pass == 0 && sam_search_text_is_stop_word (w))
          continue;
        form = prefix_form (store, w);
        g_string_append_printf (out, "%s%s", kept++ ? " AND " : "", form);
      }
  if (kept == 0)
    return (g_string_free (out, TRUE), NULL);
  if (kept == 1)
    return g_string_free (out, FALSE);
  g_string_prepend_c (out, '(');
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* A synonym is what the word means in this register: it joins the literal,
 * so "soc" finds the social services before "Society". */
static void
add_synonyms (SamStore *store, Word *word, const char *term)
{
  g_autoptr(GPtrArray) expansions = g_ptr_array_new_with_free_func (g_free);
  GString *synonyms = g_string_new (NULL);

  _sam_search_synonyms_lookup (store, term, expansions);
  for (guint i = 0; i < expansions->len; i++)
    {
      char *form = all_words_prefix (store, g_ptr_array_index (expansions, i));
      if (form == NULL)
        continue;
      g_string_append_printf (synonyms, "%s%s", synonyms->len ? " OR " : "", form);
      add_form (word, form);
    }
  if (synonyms->len == 0)
    return (void) g_string_free (synonyms, TRUE);
  {
    char *literal = g_strdup_printf ("%s OR %s", word->literal, synonyms->str);
    g_free (word->literal);
    word->literal = literal;
    word->synonyms = g_string_free (synonyms, FALSE);
  }
}

static gboolean
is_number (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* For a word the index holds nothing starting with: its dictionary base
 * forms, the words one edit away, and two words it may be made of. */
static void
add_repairs (SamStore *store, Word *word, const char *typed)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bases = sam_search_text_base_forms (typed);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  guint useful = 0;

  /* the base forms the index holds */
  for (guint i = 0; i < bases->len; i++)
    if (_sam_search_vocab_has_prefix (store, g_ptr_array_index (bases, i)))
      {
        add_form (word, prefix_form (store, g_ptr_array_index (bases, i)));
        useful++;
      }
  _sam_search_vocab_near (store, word->word, found);
  for (guint i = 0; i < found->len; i++)
    add_form (word, prefix_form (store, g_ptr_array_index (found, i)));
  /* a split only when nothing nearer was found: "myndigheten" is not
   * "myndigh" + "eten" */
  if (useful == 0 && found->len == 0 &&
      _sam_search_vocab_split (store, word->word, &first, &second))
    {
      g_autoptr(GPtrArray) ends = g_ptr_array_new_with_free_func (g_free);
      GString *form = g_string_new (NULL);
      g_autofree char *head = prefix_form (store, first);
      g_autofree char *tail = prefix_form (store, second);

      g_string_printf (form, "(%s AND (%s", head, tail);
      _sam_search_vocab_compounds (store, second, ends);
      for (guint i = 0; i < ends->len; i++)
        g_string_append_printf (form, " OR \"%s\"", (char *) g_ptr_array_index (ends, i));
      g_string_append (form, "))");
      add_form (word, g_string_free (form, FALSE));
    }
}

static void
add_stems (SamStore *store, Word *word)
{
  for (guint english = 0; english < 2; english++)
    {
      char *stem = sam_search_text_stem (word->word, english);
      if (stem)
        add_form (word, prefix_form (store, stem));
      g_free (stem);
    }
}

static guint
stem_columns (SamStore *store, const char *word)
{
  guint columns = 0;

  for (guint english = 0; english < 2; english++)
    {
      g_autofree char *stem = sam_search_text_stem (word, english);
      if (stem)
        columns |= _sam_search_vocab_columns (store, stem, FALSE);
    }
  return columns;
}

static Word *
analyse_word (SamStore *store, const char *folded, const char *typed)
{
  Word *word = g_new0 (Word, 1);
  g_autoptr(GPtrArray) compounds = g_ptr_array_new_with_free_func (g_free);
  size_t len = strlen (folded);

  word->compounds = g_ptr_array_new_with_free_func (g_free);

  word->word = g_strdup (folded);
  word->literal = is_number (folded) && len > 1 ? g_strdup_printf ("\"%s\"*", folded)
                                                : prefix_form (store, folded);
  word->forms = g_ptr_array_new_with_free_func (g_free);
  word->facets = g_ptr_array_new_with_free_func (g_free);
  add_form (word, g_strdup (word->literal));
  word->literal_in = word->forms_in = SAM_SEARCH_IN_ANY;
  if (is_number (folded))
    return word;
  word->literal_in = _sam_search_vocab_columns (store, folded, FALSE);
  add_stems (store, word);
  word->forms_in = word->literal_in | stem_columns (store, folded);
  add_synonyms (store, word, folded);
  if (word->synonyms != NULL)
    word->literal_in = word->forms_in = SAM_SEARCH_IN_ANY;
  sam_search_text_label_facets (folded, word->facets);
  _sam_search_vocab_compounds (store, folded, compounds);
  for (guint i = 0; i < compounds->len; i++)
    {
      const char *compound = g_ptr_array_index (compounds, i);

      g_ptr_array_add (word->compounds, g_strdup_printf ("\"%s\"", compound));
      word->forms_in |= _sam_search_vocab_columns (store, compound, TRUE) & ~SAM_SEARCH_IN_BODY;
    }
  if (len >= 5 && !_sam_search_vocab_has_prefix (store, folded))
    {
      add_repairs (store, word, typed);
      word->forms_in = SAM_SEARCH_IN_ANY;
    }
  return word;
}

/* Two neighbouring words a synonym names together ("sex trafficking")
 * become one word that matches both or the synonym. */
static Word *
analyse_pair (SamStore *store, const char *a, const char *b)
{
  g_autofree char *term = g_strdup_printf ("%s %s", a, b);
  Word *word;

  {
    g_autoptr(GPtrArray) expansions = g_ptr_array_new_with_free_func (g_free);
    _sam_search_synonyms_lookup (store, term, expansions);
    if (expansions->len == 0)
      return NULL;
  }
  word = g_new0 (Word, 1);
  word->word = g_steal_pointer (&term);
  {
    g_autofree char *first = prefix_form (store, a);
    g_autofree char *second = prefix_form (store, b);
    word->literal = g_strdup_printf ("(%s AND %s)", first, second);
  }
  word->forms = g_ptr_array_new_with_free_func (g_free);
  word->compounds = g_ptr_array_new_with_free_func (g_free);
  word->facets = g_ptr_array_new_with_free_func (g_free);
  add_form (word, g_strdup (word->literal));
  add_synonyms (store, word, word->word);
  word->literal_in = word->forms_in = SAM_SEARCH_IN_ANY;
  return word;
}

/* A stop word, or one letter beside longer words: the "s" of "women's",
 * which as the prefixes of every word starting with s made an AND of six
 * words read the whole index (40 ms). */
static gboolean
is_noise (const char *word)
{
  return sam_search_text_is_stop_word (word) || g_utf8_strlen (word, -1) < 2;
}

/* The words of @text that carry meaning; all of them when none does. */
static GPtrArray *
analyse (SamStore *store, const char *text)
{
  g_autoptr(GPtrArray) folded = sam_search_text_words (text);
  g_autoptr(GPtrArray) typed = sam_search_text_words_as_typed (text);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  gboolean all_stop = TRUE;

  for (guint i = 0; i < folded->len; i++)
    all_stop = all_stop && is_noise (g_ptr_array_index (folded, i));
  for (guint i = 0; i < folded->len; i++)
    {
      const char *w = g_ptr_array_index (folded, i);
      Word *pair = NULL;

      if (!all_stop && is_noise (w))
        continue;
      if (i + 1 < folded->len)
        pair = analyse_pair (store, w, g_ptr_array_index (folded, i + 1));
      if (pair != NULL)
        {
          g_ptr_array_add (words, pair);
          i++;
          continue;
        }
      g_ptr_array_add (words, analyse_word (store, w, i < typed->len ? g_ptr_array_index (typed, i) : w));
    }
  return words;
}

/* Expressions */

typedef enum {
  COLUMNS_NAME,
  COLUMNS_KEYWORDS,
  COLUMNS_ALL,
} Columns;

static const char *const column_filters[] = {
  [COLUMNS_NAME] = "{name}",
  [COLUMNS_KEYWORDS] = "{name kw}",
  [COLUMNS_ALL] = "{name kw body}",
};

typedef enum {
  FORMS_ALL,
  FORMS_LITERAL,
  FORMS_SYNONYMS,   /* a word's synonyms, or the word as typed */
  FORMS_KIND,       /* a word's kinds and groups, or the word as typed */
} Forms;

static void
append_word (GString *match, const Word *word, Columns columns, Forms forms)
{
  if (forms == FORMS_KIND && word->facets->len > 0)
    columns = COLUMNS_NAME;   /* the facets alone, below */
  else
    g_string_append_printf (match, "%s : (", column_filters[columns]);
  if (forms == FORMS_KIND && word->facets->len > 0)
    {
      g_string_append (match, "{facets} : (");
      for (guint i = 0; i < word->facets->len; i++)
        g_string_append_printf (match, "%s\"%s\"", i ? " OR " : "", (char *) g_ptr_array_index (word->facets, i));
      g_string_append_c (match, ')');
      return;
    }
  if (forms == FORMS_SYNONYMS && word->synonyms != NULL)
    g_string_append (match, word->synonyms);
  else if (forms != FORMS_ALL)
    g_string_append (match, word->literal);
  else
    {
      for (guint i = 0; i < word->forms->len; i++)
        g_string_append_printf (match, "%s%s", i ? " OR " : "", (char *) g_ptr_array_index (word->forms, i));
      /* a compound's doclist is read whole: in descriptions it costs
       * more than it finds */
      for (guint i = 0; columns != COLUMNS_ALL && i < word->compounds->len; i++)
        g_string_append_printf (match, " OR %s", (char *) g_ptr_array_index (word->compounds, i));
    }
  g_string_append_c (match, ')');
  if (forms != FORMS_ALL || columns == COLUMNS_NAME || word->facets->len == 0)
    return;
  g_string_append (match, " OR {facets} : (");
  for (guint i = 0; i < word->facets->len; i++)
    g_string_append_printf (match, "%s\"%s\"", i ? " OR " : "", (char *) g_ptr_array_index (word->facets, i));
  g_string_append_c (match, ')');
}

static const guint column_bits[] = {
  [COLUMNS_NAME] = SAM_SEARCH_IN_NAME,
  [COLUMNS_KEYWORDS] = SAM_SEARCH_IN_NAME | SAM_SEARCH_IN_KEYWORDS,
  [COLUMNS_ALL] = SAM_SEARCH_IN_ANY,
};

/* FALSE when a word cannot match in @columns: the vocabulary says none of
 * its forms occurs there. The tier is then not run at all. */
static gboolean
word_may_match (const Word *word, Columns columns, Forms forms)
{
  guint wanted = column_bits[columns];

  if (word->facets->len > 0 && columns != COLUMNS_NAME && (forms == FORMS_ALL || forms == FORMS_KIND))
    return TRUE;
  if (forms == FORMS_SYNONYMS && word->synonyms != NULL)
    return TRUE;
  return ((forms == FORMS_ALL ? word->forms_in : word->literal_in) & wanted) != 0;
}

static gboolean
tier_may_match (GPtrArray *words, Columns columns, Forms forms, guint subset)
{
  for (guint i = 0; i < words->len; i++)
    if ((subset == 0 || (subset & (1u << i))) &&
        !word_may_match (g_ptr_array_index (words, i), columns, forms))
      return FALSE;
  return TRUE;
}

/* Every word of @words (those in @subset, a bit mask, when not 0). */
static char *
build_tier (GPtrArray *words, Columns columns, Forms forms, guint subset)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (subset != 0 && !(subset & (1u << i)))
        continue;
      if (match->len > 0)
        g_string_append (match, " AND ");
      g_string_append_c (match, '(');
      append_word (match, g_ptr_array_index (words, i), columns, forms);
      g_string_append_c (match, ')');
    }
  return g_string_free (match, FALSE);
}

/* Collecting */

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

/* The filters are in the MATCH expression (sam-search-facets.c); the
 * unused filter parameters are left unbound. */
static const char full_text_sql[] =
  "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor_search CROSS JOIN actor a"
  " ON a.rowid = actor_search.rowid WHERE actor_search MATCH ?1 AND a.deleted = 0"
  " AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL"
  " AND ?7 IS NULL AND ?8 IS NULL";

/* Phone numbers by a prefix of their digits (migration 012); the filters
 * and the area, when there are any, as a match of that actor's row. */
static const char phone_sql[] =
  "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM search_phone p CROSS JOIN actor a"
  " ON a.rowid = p.actor WHERE p.digits >= ?1 AND p.digits < ?1 || ':' AND a.deleted = 0"
  " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM actor_search WHERE actor_search.rowid = a.rowid"
  "      AND actor_search MATCH ?2))";

/* +deleted: the planner must use the name indexes, not (deleted, …) */
static const char exact_sql[] =
  "SELECT a.rowid, a.sort_sv, a.hours, a.key_en FROM actor a WHERE +a.deleted = 0"
  " AND (a.key_sv = ?1 OR a.key_en = ?1)" FILTERS;

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
      g_hash_table_add (search->seen, g_memdup2 (&rowid, sizeof rowid));
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
        for (Columns c = COLUMNS_NAME; c <= COLUMNS_ALL && !full (search); c++)
          {
            g_autofree char *match = NULL;

            if (!tier_may_match (words, c, FORMS_ALL, subset))
              continue;
            match = build_tier (words, c, FORMS_ALL, subset);
            if (!collect_match (search, match, TIER_PARTIAL, sub++, FALSE, error))
              return FALSE;
          }
      }
  return TRUE;
}

static gint
word_longer_first (gconstpointer a, gconstpointer b)
{
  const Word *x = *(const Word * const *) a, *y = *(const Word * const *) b;

  return (int) strlen (y->word) - (int) strlen (x->word);
}

static gboolean
collect_text (Search *search, const char *text, GError **error)
{
  g_autoptr(GPtrArray) words = analyse (search->store, text);
  g_autofree char *exact = NULL;
  g_autofree char *digits = sam_phone_query_digits (text);
  gboolean all_numbers = TRUE;
  gboolean synonyms = FALSE, kinds = FALSE;
  gboolean named;
  guint before;
  static const struct { Tier tier; Columns columns; Forms forms; } tiers[] = {
    { TIER_SYNONYM, COLUMNS_NAME, FORMS_SYNONYMS },
    { TIER_NAME, COLUMNS_NAME, FORMS_LITERAL },
    { TIER_NAME_FORMS, COLUMNS_NAME, FORMS_ALL },
    { TIER_KIND, COLUMNS_KEYWORDS, FORMS_KIND },
    { TIER_KEYWORDS, COLUMNS_KEYWORDS, FORMS_ALL },
    { TIER_OTHER, COLUMNS_ALL, FORMS_ALL },
  };

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      all_numbers = all_numbers && is_number (word->word);
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
      if ((tiers[t].forms == FORMS_SYNONYMS && !synonyms) || (tiers[t].forms == FORMS_KIND && !kinds) ||
          !tier_may_match (words, tiers[t].columns, tiers[t].forms, 0))
        continue;
      match = build_tier (words, tiers[t].columns, tiers[t].forms, 0);
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
   * services rather than a closed office */
  if (query->near != NULL && search->passes->len > 1)
    {
      for (guint pass = 0; pass + 1 < search->passes->len && !full (search); pass++)
        {
          GString *expr = g_string_new (g_ptr_array_index (search->passes, pass));
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
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
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
  rowids = g_new (gint64, hits->len + 1);
  for (guint i = 0; i < hits->len; i++)
    rowids[i] = ((Hit *) g_ptr_array_index (hits, i))->rowid;
  if (query->rows_only)
    return _sam_store_load_actor_rows_by_rowids (store, rowids, hits->len, error);
  return _sam_store_load_actors_by_rowids (store, rowids, hits->len, error);
}
