-- 008: signed publications followed over HTTP(S).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Publishers whose minisign keys this register trusts.
CREATE TABLE IF NOT EXISTS trusted_key (
  id         TEXT PRIMARY KEY,     -- the key id, 16 hex digits as minisign prints it
  public_key TEXT NOT NULL,        -- the base64 line of KEY.pub ("RW…")
  name       TEXT,                 -- who it belongs to, as the person who added it said
  added_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Each published register followed over HTTP(S): the key it was first
-- followed with, what the last good copy said about itself (to refuse an
-- older one), and what the server said (for conditional requests).
CREATE TABLE IF NOT EXISTS published_follow (
  url           TEXT PRIMARY KEY,  -- the folder, ending in "/"
  key_id        TEXT NOT NULL,
  copy          TEXT NOT NULL,     -- the last good register.xml on this machine
  sequence      INTEGER NOT NULL DEFAULT 0,
  sha256        TEXT,
  publisher     TEXT,
  published_at  TEXT,
  valid_until   TEXT,
  etag          TEXT,
  last_modified TEXT,
  checked_at    TEXT
) WITHOUT ROWID;
