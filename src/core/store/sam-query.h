/* sam-query.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* What someone looks for: free text (names, descriptions, route labels,
 * areas, tags, phone numbers in any formatting) and filters. */
typedef struct {
  char *text;
  gboolean has_kind;
  SamActorKind kind;
  char *area;           /* a municipality also matches its county and "SE" */
  char *target_group;
  char *language;
  gboolean open_now;
  GDateTime *now;       /* the clock for open_now; NULL for now */
  guint limit;          /* 0: no limit */
  SamLang sort_lang;    /* names sort in this language; the UI's by default */
  char *near;           /* the user's area: ranks first among equals, filters nothing */
  gboolean rows_only;   /* load only what a row of results shows (names, kind,
                         * hours, revision, areas, and the first phone route
                         * that is not internal; no verification, which only
                         * the review list shows, from whole actors) */
} SamQuery;

SamQuery  *sam_query_new     (const char *text);
void       sam_query_free    (SamQuery   *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamQuery, sam_query_free)

/* Actors matching @query, best first: an exact name, a word of the name
 * as typed, a form of it in a name (stem, base form, part of a compound,
 * one typo away, a synonym), a keyword or the name of the actor's kind or
 * target group, then anywhere else; when all the words together find
 * nothing, the actors that match most of them. Stop words are left out.
 * Among equals, the actors serving @near come first, then its county,
 * then the whole country, then alphabetical. Without text, what is open
 * now in @near comes first. The cost follows the rows returned, not the
 * rows that match. */
GPtrArray *sam_store_search  (SamStore        *store,
                              const SamQuery  *query,
                              GError         **error);

/* The FTS5 expression for @text as typed, every token quoted and
 * prefix-matched, without stems, compounds or typos (the raw statement
 * the benchmark compares with); NULL when @text holds no token. */
char      *sam_query_build_match (const char *text,
                                  gboolean    names_only);

G_END_DECLS
