/* sam-search-vocab.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search index's own vocabulary (migration 007), private to the store.
 */
#pragma once

#include "sam-store-private.h"

G_BEGIN_DECLS

/* Where a word occurs (search_vocab.cols) */
typedef enum {
  SAM_SEARCH_IN_NAME = 1 << 0,
  SAM_SEARCH_IN_KEYWORDS = 1 << 1,
  SAM_SEARCH_IN_BODY = 1 << 2,
  SAM_SEARCH_IN_ANY = 7,
} SamSearchColumns;

/* Records the words of @text (two letters or more, not numbers), found
 * in @column; those of four letters or more also for compounds. */
gboolean  _sam_search_vocab_add         (SamStore    *self,
                                         const char  *text,
                                         SamSearchColumns column,
                                         GError     **error);
/* Records every word of the index (after an import). */
gboolean  _sam_search_vocab_fill        (SamStore    *self,
                                         GError     **error);
/* Adds to @out the words of the index starting with @prefix and returns
 * TRUE, or FALSE when there are too many to list or @prefix is too short
 * or a number (then @out is left as it was). */
gboolean  _sam_search_vocab_starting    (SamStore    *self,
                                         const char  *prefix,
                                         GPtrArray   *out);
/* The columns the words starting with @prefix occur in, 0 when none;
 * SAM_SEARCH_IN_ANY for a prefix too short to tell (one letter). */
SamSearchColumns _sam_search_vocab_columns (SamStore   *self,
                                            const char *prefix,
                                            gboolean    exact);
/* TRUE when a word of the index starts with @prefix (five letters or more). */
gboolean  _sam_search_vocab_has_prefix  (SamStore    *self,
                                         const char  *prefix);
/* Words (or, for a word being typed, beginnings of words) within one edit
 * of @word, added to @out. */
void      _sam_search_vocab_near        (SamStore    *self,
                                         const char  *word,
                                         GPtrArray   *out);
/* Words that end in @word or in its Swedish stem, with at least three
 * letters before it: the compounds it is the last part of. */
void      _sam_search_vocab_compounds   (SamStore    *self,
                                         const char  *word,
                                         GPtrArray   *out);
/* Splits @word into two words of the index ("brottsofferjouren" into
 * "brottsoffer" and "jouren"); FALSE when it cannot. */
gboolean  _sam_search_vocab_split       (SamStore    *self,
                                         const char  *word,
                                         char       **first,
                                         char       **second);
/* The expansions coordinators gave for @term (folded words, one space
 * between), added to @out. */
void      _sam_search_synonyms_lookup   (SamStore    *self,
                                         const char  *term,
                                         GPtrArray   *out);
/* Writes the search row of @actor and records its words
 * (sam-store-search-row.c). */
gboolean  _sam_store_write_search_row   (SamStore    *self,
                                         gint64       rowid,
                                         SamActor    *actor,
                                         GError     **error);
/* Takes the search row of the live actor @id out, from the actor as
 * stored: before it changes. */
gboolean  _sam_store_delete_search_row  (SamStore    *self,
                                         const char  *id,
                                         GError     **error);
/* While TRUE, written rows leave their words for _sam_search_vocab_fill. */
void      _sam_store_defer_search_vocab (SamStore    *self,
                                         gboolean     defer);
/* While TRUE (an import), the rows of search_phone wait for
 * _sam_store_write_deferred_phones, which writes them in key order. */
void      _sam_store_defer_search_phones   (SamStore    *self,
                                            gboolean     defer);
gboolean  _sam_store_write_deferred_phones (SamStore    *self,
                                            GError     **error);
/* Writes the search rows again when migration 007 asked for it. */
gboolean  _sam_store_upgrade_search     (SamStore    *self,
                                         GError     **error);

G_END_DECLS
