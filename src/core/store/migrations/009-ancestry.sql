-- 009: each record's owner and the bounded history of its revisions, which
-- a merge reads to tell "descends from" from "diverged" (README-merge.md).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A record without a row here is owned by this register and has one
-- revision, its root, whose id is a hash of its content.
CREATE TABLE record_ancestry (
  entity  TEXT NOT NULL,     -- 'actor', 'path'
  id      TEXT NOT NULL,
  owner   TEXT,              -- the register id that owns it; NULL: this one
  history TEXT NOT NULL,     -- revision ids, newest first, the root last ('' unknown)
  fields  TEXT NOT NULL DEFAULT '',   -- 'key=rev …': where each field last changed
  PRIMARY KEY (entity, id)
) WITHOUT ROWID;

-- What a followed register published is owned by it.
INSERT OR IGNORE INTO record_ancestry (entity, id, owner, history)
  SELECT ss.entity, ss.id, f.source, ''
  FROM follow f JOIN sync_seen ss ON ss.source = f.source
  WHERE f.source IS NOT NULL;
