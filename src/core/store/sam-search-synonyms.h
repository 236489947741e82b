/* sam-search-synonyms.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* A word (or words) a search also reads as others: "soc" as
 * "socialtjänst", "bup" as "barn- och ungdomspsykiatri". Kept in the
 * register, so every installation that uses it searches alike. */
typedef struct {
  char *term;        /* folded: lower case, no diacritics, one space between words */
  char *expansion;   /* as written */
} SamSynonym;

void       sam_synonym_free         (SamSynonym  *synonym);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamSynonym, sam_synonym_free)

/* The synonyms by term, then expansion. */
GPtrArray *sam_store_list_synonyms  (SamStore    *store,
                                     GError     **error);
/* Adds one; adding one that is there already does nothing. */
gboolean   sam_store_add_synonym    (SamStore    *store,
                                     const char  *term,
                                     const char  *expansion,
                                     GError     **error);
/* Removes the expansion of @term, or all of its expansions when
 * @expansion is NULL; an error when there was none. */
gboolean   sam_store_remove_synonym (SamStore    *store,
                                     const char  *term,
                                     const char  *expansion,
                                     GError     **error);

G_END_DECLS
