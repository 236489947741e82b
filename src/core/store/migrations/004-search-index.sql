-- 004: the search index keeps columns, not positions, indexes prefixes up
-- to 12 letters, and carries the filters as tokens.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Search as you type asks for prefixes: a prefix longer than the longest
-- indexed one made FTS5 merge every matching term's whole list before the
-- first row (2–5 ms on 100,000 actors); an indexed one is read only as far
-- as the rows kept. No query asks for phrases, so positions were dead
-- weight. The facets column holds the filters (kind, areas, target groups,
-- languages) as tokens, so a filtered search is one index intersection
-- instead of a probe per candidate row. sam-store-actors.c (search_facets)
-- writes the same tokens; keep the two in step.

CREATE VIRTUAL TABLE actor_search USING fts5 (
  name, body, phones, facets,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8 10 12',
  detail = column
);

INSERT INTO actor_search (rowid, name, body, phones, facets)
SELECT f.rowid, f.name, f.body, f.phones,
       'k' || replace (a.kind, '-', '')
       || coalesce ((SELECT ' ' || group_concat ('a' || x.area_code || ' c' || substr (x.area_code, 1, 2), ' ')
                     FROM actor_area x WHERE x.actor_id = a.id), '')
       || coalesce ((SELECT ' ' || group_concat ('g' || replace (t.target_group, '-', ''), ' ')
                     FROM actor_target_group t WHERE t.actor_id = a.id), '')
       || coalesce ((SELECT ' ' || group_concat ('l' || l.language, ' ')
                     FROM actor_language l WHERE l.actor_id = a.id), '')
FROM actor_fts f JOIN actor a ON a.rowid = f.rowid;

INSERT INTO actor_search (actor_search) VALUES ('optimize');
DROP TABLE actor_fts;
