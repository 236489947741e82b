-- 007: search that speaks Swedish: keywords apart from descriptions, the
-- index's own vocabulary for compounds and typos, and synonyms.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The search index gets a column of its own for keywords (tags), so a
-- keyword ranks above a word in a description; its phones column also
-- holds each number without its area code. The rows are written again by
-- the store when it opens the register after this migration (the
-- 'search_rebuild' key in meta): area names and subscriber numbers come
-- from the C code (sam-store-actors.c, write_search_row).
--
-- search_vocab holds every word of four letters or more the index holds,
-- and in which columns, for typos (a range of words sharing the first
-- letters, compared within one edit) and so that a tier of the search that
-- cannot match is not run (a word found only in descriptions, ANDed with
-- a common one in names, made FTS5 read both lists whole for nothing); search_vocab_rev holds the same words and their Snowball
-- stems written backwards, so the words ending in what was typed are a
-- range too: "telefon" finds "stodtelefon", "myndighet" (stem "mynd")
-- finds "jamstalldhetsmyndigheten".

DROP TABLE actor_search;

CREATE VIRTUAL TABLE actor_search USING fts5 (
  name, kw, body, phones, facets,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8 10 12',
  detail = column
);

CREATE TABLE search_vocab (
  term TEXT PRIMARY KEY,
  cols INTEGER NOT NULL    -- where it occurs: 1 names, 2 keywords, 4 the rest
) WITHOUT ROWID;

CREATE TABLE search_vocab_rev (
  rev  TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (rev, term)
) WITHOUT ROWID;

-- Words a coordinator has said mean the same as others: a search for
-- "term" (folded: lower case, no diacritics, words separated by one space)
-- also looks for "expansion" as it was written.
CREATE TABLE search_synonym (
  term      TEXT NOT NULL,
  expansion TEXT NOT NULL,
  PRIMARY KEY (term, expansion)
) WITHOUT ROWID;

INSERT INTO search_synonym (term, expansion) VALUES
  ('soc', 'socialtjänst'),
  ('socialen', 'socialtjänst'),
  ('bup', 'barn- och ungdomspsykiatri'),
  ('vc', 'vårdcentral'),
  ('trafficking', 'människohandel'),
  ('human trafficking', 'människohandel'),
  ('sex trafficking', 'människohandel'),
  ('manniskohandel', 'trafficking'),
  ('prostitution', 'sex mot ersättning'),
  ('sexkop', 'people who buy sex'),
  ('tolk', 'interpreter'),
  ('interpreter', 'tolk'),
  ('lansstyrelsen', 'county administrative board'),
  ('hbtq', 'hbtqi'),
  ('anhoriga', 'närstående'),
  ('narstaende', 'anhörig');

INSERT OR REPLACE INTO meta (key, value) VALUES ('search_rebuild', '1');
