/* sam-search-facets.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor.h"
#include "sam-query.h"

G_BEGIN_DECLS

/* The filters as search tokens, kept in the search index's facets column:
 * "k" kind, "a" area code and "c" its county (the first two characters),
 * "g" target group, "l" language; lower case, hyphens dropped. Migration
 * 004 writes the same in SQL. */
char *sam_search_facets_for_actor (SamActor       *actor);
/* The FTS5 expression restricting a search to @query's filters (AND-ed
 * column filters on facets), or NULL without filters. */
char *sam_search_facets_match     (const SamQuery *query);

G_END_DECLS
