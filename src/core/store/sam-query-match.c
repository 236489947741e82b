/* sam-query-match.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The FTS5 match expressions of a search: what each word of the query may
 * match (itself as a prefix, its stems, base forms, words one edit away,
 * compounds, synonyms, kinds and target groups) and the expression of one
 * tier of sam-query.c for those words.
 */
#define G_LOG_DOMAIN "sam-query"

#include "config.h"

#include <string.h>

#include "sam-query.h"
#include "sam-search-text.h"
#include "sam-search-vocab.h"
#include "sam-store-private.h"

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
word_free (SamQueryWord *word)
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
add_form (SamQueryWord *word, char *form)
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
add_synonyms (SamStore *store, SamQueryWord *word, const char *term)
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

gboolean
_sam_query_is_number (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* For a word the index holds nothing starting with: its dictionary base
 * forms, the words one edit away, and two words it may be made of. */
static void
add_repairs (SamStore *store, SamQueryWord *word, const char *typed)
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
add_stems (SamStore *store, SamQueryWord *word)
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

static SamQueryWord *
analyse_word (SamStore *store, const char *folded, const char *typed)
{
  SamQueryWord *word = g_new0 (SamQueryWord, 1);
  g_autoptr(GPtrArray) compounds = g_ptr_array_new_with_free_func (g_free);
  size_t len = strlen (folded);

  word->compounds = g_ptr_array_new_with_free_func (g_free);

  word->word = g_strdup (folded);
  word->literal = _sam_query_is_number (folded) && len > 1 ? g_strdup_printf ("\"%s\"*", folded)
                                                : prefix_form (store, folded);
  word->forms = g_ptr_array_new_with_free_func (g_free);
  word->facets = g_ptr_array_new_with_free_func (g_free);
  add_form (word, g_strdup (word->literal));
  word->literal_in = word->forms_in = SAM_SEARCH_IN_ANY;
  if (_sam_query_is_number (folded))
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
static SamQueryWord *
analyse_pair (SamStore *store, const char *a, const char *b)
{
  g_autofree char *term = g_strdup_printf ("%s %s", a, b);
  SamQueryWord *word;

  {
    g_autoptr(GPtrArray) expansions = g_ptr_array_new_with_free_func (g_free);
    _sam_search_synonyms_lookup (store, term, expansions);
    if (expansions->len == 0)
      return NULL;
  }
  word = g_new0 (SamQueryWord, 1);
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
GPtrArray *
_sam_query_analyse (SamStore *store, const char *text)
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
      SamQueryWord *pair = NULL;

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

static const char *const column_filters[] = {
  [SAM_QUERY_COLUMNS_NAME] = "{name}",
  [SAM_QUERY_COLUMNS_KEYWORDS] = "{name kw}",
  [SAM_QUERY_COLUMNS_ALL] = "{name kw body}",
};


static void
append_word (GString            *match,
             const SamQueryWord *word,
             SamQueryColumns     columns,
             SamQueryForms       forms)
{
  if (forms == SAM_QUERY_FORMS_KIND && word->facets->len > 0)
    columns = SAM_QUERY_COLUMNS_NAME;   /* the facets alone, below */
  else
    g_string_append_printf (match, "%s : (", column_filters[columns]);
  if (forms == SAM_QUERY_FORMS_KIND && word->facets->len > 0)
    {
      g_string_append (match, "{facets} : (");
      for (guint i = 0; i < word->facets->len; i++)
        g_string_append_printf (match, "%s\"%s\"", i ? " OR " : "", (char *) g_ptr_array_index (word->facets, i));
      g_string_append_c (match, ')');
      return;
    }
  if (forms == SAM_QUERY_FORMS_SYNONYMS && word->synonyms != NULL)
    g_string_append (match, word->synonyms);
  else if (forms != SAM_QUERY_FORMS_ALL)
    g_string_append (match, word->literal);
  else
    {
      for (guint i = 0; i < word->forms->len; i++)
        g_string_append_printf (match, "%s%s", i ? " OR " : "", (char *) g_ptr_array_index (word->forms, i));
      /* a compound's doclist is read whole: in descriptions it costs
       * more than it finds */
      for (guint i = 0; columns != SAM_QUERY_COLUMNS_ALL && i < word->compounds->len; i++)
        g_string_append_printf (match, " OR %s", (char *) g_ptr_array_index (word->compounds, i));
    }
  g_string_append_c (match, ')');
  if (forms != SAM_QUERY_FORMS_ALL || columns == SAM_QUERY_COLUMNS_NAME ||
      word->facets->len == 0)
    return;
  g_string_append (match, " OR {facets} : (");
  for (guint i = 0; i < word->facets->len; i++)
    g_string_append_printf (match, "%s\"%s\"", i ? " OR " : "", (char *) g_ptr_array_index (word->facets, i));
  g_string_append_c (match, ')');
}

static const guint column_bits[] = {
  [SAM_QUERY_COLUMNS_NAME] = SAM_SEARCH_IN_NAME,
  [SAM_QUERY_COLUMNS_KEYWORDS] = SAM_SEARCH_IN_NAME | SAM_SEARCH_IN_KEYWORDS,
  [SAM_QUERY_COLUMNS_ALL] = SAM_SEARCH_IN_ANY,
};

/* FALSE when a word cannot match in @columns: the vocabulary says none of
 * its forms occurs there. The tier is then not run at all. */
static gboolean
word_may_match (const SamQueryWord *word, SamQueryColumns columns, SamQueryForms forms)
{
  guint wanted = column_bits[columns];

  if (word->facets->len > 0 && columns != SAM_QUERY_COLUMNS_NAME &&
      (forms == SAM_QUERY_FORMS_ALL || forms == SAM_QUERY_FORMS_KIND))
    return TRUE;
  if (forms == SAM_QUERY_FORMS_SYNONYMS && word->synonyms != NULL)
    return TRUE;
  return ((forms == SAM_QUERY_FORMS_ALL ? word->forms_in : word->literal_in) & wanted) != 0;
}

gboolean
_sam_query_tier_may_match (GPtrArray       *words,
                           SamQueryColumns  columns,
                           SamQueryForms    forms,
                           guint            subset)
{
  for (guint i = 0; i < words->len; i++)
    if ((subset == 0 || (subset & (1u << i))) &&
        !word_may_match (g_ptr_array_index (words, i), columns, forms))
      return FALSE;
  return TRUE;
}

/* Every word of @words (those in @subset, a bit mask, when not 0). */
char *
_sam_query_build_tier (GPtrArray       *words,
                       SamQueryColumns  columns,
                       SamQueryForms    forms,
                       guint            subset)
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
