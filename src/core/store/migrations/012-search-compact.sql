-- 012: a smaller search index that is faster to write.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The index keeps no copy of the text (content=''): the actor's own rows
-- hold it, and the store gives the old text back when a row is deleted
-- (sam-store-search-row.c). Its prefix indexes are for two and three
-- letters only: a longer prefix is turned into the words of search_vocab
-- it begins (sam-query.c), each read only as far as the search needs, which
-- was faster than the prefix indexes of up to 12 letters at a fifth of
-- their size; one letter is read as the two-letter prefixes it begins
-- (the index for one letter alone took 8 MB of 100,000 actors). Phone
-- numbers are not words: they move to a table of their own, where a
-- prefix of any length is one range of a B-tree. search_vocab now also
-- holds the words of two and three letters (where they occur: "www" and
-- "se" are in no name, so the name tiers are not run for them); the
-- rebuild lists every word of the new index. bench/README.md has the
-- measurements.

DROP TABLE actor_search;

CREATE VIRTUAL TABLE actor_search USING fts5 (
  name, kw, body, facets,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  detail = column,
  content = '',
  columnsize = 0
);

-- Every phone number of a live actor as national digits, and its
-- subscriber number alone ("090-16 10 00" is also "161000").
CREATE TABLE search_phone (
  digits TEXT NOT NULL,
  actor  INTEGER NOT NULL,   -- actor.rowid
  PRIMARY KEY (digits, actor)
) WITHOUT ROWID;

INSERT OR REPLACE INTO meta (key, value) VALUES ('search_rebuild', '1');
