-- 001: the first register schema.
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE actor (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  parent_id    TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  kind         TEXT NOT NULL,
  name_sv      TEXT NOT NULL,
  name_en      TEXT NOT NULL,
  description_sv TEXT,
  description_en TEXT,
  hours        TEXT,
  verified_at  TEXT,
  verified_by  TEXT,
  review_days  INTEGER NOT NULL DEFAULT 365 CHECK (review_days > 0),
  revision     INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT,
  deleted      INTEGER NOT NULL DEFAULT 0,
  -- folded names ("umea kommun") for sorting and for ranking an exact name first
  key_sv       TEXT NOT NULL,
  key_en       TEXT NOT NULL,
  -- Swedish alphabetical order: å ä ö after z
  sort_sv      TEXT NOT NULL
);
CREATE INDEX actor_key_sv ON actor (deleted, key_sv);
CREATE INDEX actor_key_en ON actor (deleted, key_en);
CREATE INDEX actor_sort_sv ON actor (deleted, sort_sv);
CREATE INDEX actor_parent ON actor (parent_id);

CREATE TABLE actor_area (
  actor_id  TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  area_code TEXT NOT NULL,
  PRIMARY KEY (actor_id, area_code)
) WITHOUT ROWID;
CREATE INDEX actor_area_code ON actor_area (area_code);

CREATE TABLE actor_target_group (
  actor_id     TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  target_group TEXT NOT NULL,
  PRIMARY KEY (actor_id, target_group)
) WITHOUT ROWID;

CREATE TABLE actor_language (
  actor_id TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  PRIMARY KEY (actor_id, language)
) WITHOUT ROWID;

CREATE TABLE actor_tag (
  actor_id TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (actor_id, tag)
) WITHOUT ROWID;

CREATE TABLE contact_route (
  id         TEXT PRIMARY KEY,
  actor_id   TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  label_sv   TEXT,
  label_en   TEXT,
  hours      TEXT,
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'professional', 'internal'))
);
CREATE INDEX contact_route_actor ON contact_route (actor_id, position);

CREATE TABLE escalation_path (
  id          TEXT PRIMARY KEY,
  situation   TEXT NOT NULL,
  area_code   TEXT NOT NULL DEFAULT 'SE',
  start_step  TEXT NOT NULL,
  title_sv    TEXT,
  title_en    TEXT,
  summary_sv  TEXT,
  summary_en  TEXT,
  revision    INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT,
  deleted     INTEGER NOT NULL DEFAULT 0
);

-- Steps name actors and routes without a foreign key on purpose: a path that
-- names a deleted actor is reported by path validation, not refused here.
CREATE TABLE escalation_step (
  id          TEXT PRIMARY KEY,
  path_id     TEXT NOT NULL REFERENCES escalation_path (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text_sv     TEXT,
  text_en     TEXT,
  legal_ref_sv TEXT,
  legal_ref_en TEXT,
  actor_id    TEXT,
  route_id    TEXT,
  urgency     TEXT,
  next_step   TEXT
);
CREATE INDEX escalation_step_path ON escalation_step (path_id, position);

CREATE TABLE step_answer (
  step_id   TEXT NOT NULL REFERENCES escalation_step (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  label_sv  TEXT,
  label_en  TEXT,
  next_step TEXT,
  next_path TEXT,
  PRIMARY KEY (step_id, position)
) WITHOUT ROWID;

CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  who       TEXT NOT NULL,
  entity    TEXT NOT NULL,     -- 'actor', 'path', 'register'
  entity_id TEXT NOT NULL,
  op        TEXT NOT NULL,     -- 'insert', 'update', 'delete', 'import', 'verify'
  revision  INTEGER,
  before    TEXT,              -- JSON
  after     TEXT               -- JSON
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id, id);

-- Search: names apart from everything else so a name match can rank first;
-- unicode61 with remove_diacritics 2 folds "Umeå" to "umea" for matching.
CREATE VIRTUAL TABLE actor_fts USING fts5 (
  name, body, phones,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
