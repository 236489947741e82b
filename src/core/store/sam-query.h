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
} SamQuery;

SamQuery  *sam_query_new     (const char *text);
void       sam_query_free    (SamQuery   *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamQuery, sam_query_free)

/* Actors matching @query, best first: an exact name, then a name match,
 * then a match anywhere else; alphabetical within each. The cost follows
 * the rows returned, not the rows that match. */
GPtrArray *sam_store_search  (SamStore        *store,
                              const SamQuery  *query,
                              GError         **error);

/* The FTS5 expression for @text, with every token quoted and prefix-matched;
 * NULL when @text holds no token. Exposed for tests and the benchmark. */
char      *sam_query_build_match (const char *text,
                                  gboolean    names_only);

G_END_DECLS
