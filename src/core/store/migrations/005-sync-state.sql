-- 005: sharing the register between agencies (three-way merge of imports,
-- following a published register).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- This installation's own id, written into every export as its source: the
-- register id in <meta> is copied by an import into an empty register, so
-- two installations may share it.
INSERT OR IGNORE INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(16))));

-- Which source (register id) a change came from, for merges.
ALTER TABLE change_log ADD COLUMN source TEXT;

-- Each register this one has imported from: what it last said about itself.
CREATE TABLE sync_source (
  id          TEXT PRIMARY KEY,
  name        TEXT,
  owner       TEXT,
  version     INTEGER,
  exported_at TEXT,      -- the export time the file gave
  imported_at TEXT NOT NULL,
  file        TEXT
) WITHOUT ROWID;

-- The base of the three-way merge: for each source (a register id, or '*'
-- for the last version exchanged with anyone, an export included) and
-- record, the content hash and revision last seen from it ('' for a
-- deletion), and the local record's hash and revision right after.
CREATE TABLE sync_seen (
  source         TEXT NOT NULL,
  entity         TEXT NOT NULL,     -- 'actor', 'path'
  id             TEXT NOT NULL,
  seen_hash      TEXT NOT NULL,
  seen_revision  INTEGER NOT NULL,
  local_hash     TEXT NOT NULL,
  local_revision INTEGER NOT NULL,
  PRIMARY KEY (source, entity, id)
) WITHOUT ROWID;

-- Published registers this one follows: their records are theirs alone.
CREATE TABLE follow (
  file     TEXT PRIMARY KEY,
  source   TEXT,                   -- its register id, once imported
  owner    TEXT,
  added_at TEXT NOT NULL
) WITHOUT ROWID;
