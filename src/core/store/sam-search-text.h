/* sam-search-text.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words as the search index sees them: runs of letters and digits, case
 * and diacritics folded ("Socialtjänstens" gives "socialtjanstens"). */
GPtrArray  *sam_search_text_words        (const char *text);
/* The same words in lower case with their diacritics, for the dictionary;
 * folding each gives sam_search_text_words. */
GPtrArray  *sam_search_text_words_as_typed (const char *text);

/* The Snowball stem of a folded word in Swedish and in English (NULL when
 * the stem is the word or shorter than three letters). Each thread has
 * stemmers of its own. */
char       *sam_search_text_stem         (const char *word,
                                          gboolean    english);

/* The base forms (folded) hunspell's Swedish dictionary gives for @word
 * (lower case, as typed), other than the word itself ("brottsoffret" gives "brottsoffer"); empty
 * when the dictionary is not installed. The dictionary is loaded on first
 * use (0.4 s); sam_search_text_preload starts that on a thread. */
GPtrArray  *sam_search_text_base_forms   (const char *word);
void        sam_search_text_preload      (void);

/* Words that carry no meaning in a search: "i", "för", "och", "the" … */
gboolean    sam_search_text_is_stop_word (const char *word);

/* TRUE when @a and @b differ by at most one letter inserted, deleted,
 * replaced or two neighbours swapped. */
gboolean    sam_search_text_within_one_edit (const char *a,
                                             const char *b);

/* The facet tokens (sam-search-facets.h) of the actor kinds and target
 * groups whose Swedish or English name has a word starting with @word
 * (three letters or more) or sharing its stem: "shelter", "skyddat",
 * "barn", "children" … Added to @facets without duplicates. */
void        sam_search_text_label_facets (const char *word,
                                          GPtrArray  *facets);

G_END_DECLS
