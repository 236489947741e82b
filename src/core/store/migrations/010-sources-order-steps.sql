-- 010: what the counties keep that the format could not hold.
--  * where an actor's information was read (a web page or a document) and when;
--  * the order of an actor's languages as they were entered;
--  * routes meant to be dialled from abroad (shown in international form);
--  * step ids unique within their path, not across all paths: a step is
--    (path_id, id), and its answers and fallbacks follow it.
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE actor ADD COLUMN source TEXT;
ALTER TABLE actor ADD COLUMN source_read TEXT;      -- '2026-11-02'

-- Languages had no order of their own: keep the sorted order they were read in.
ALTER TABLE actor_language ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE actor_language SET position =
  (SELECT count(*) FROM actor_language o
   WHERE o.actor_id = actor_language.actor_id AND o.language < actor_language.language);

ALTER TABLE contact_route ADD COLUMN abroad INTEGER NOT NULL DEFAULT 0 CHECK (abroad IN (0, 1));

-- The step tables again, keyed by path. The old rows wait in temporary
-- tables while the children go first, so dropping a parent cascades nowhere.
CREATE TEMP TABLE old_step AS SELECT * FROM escalation_step;
CREATE TEMP TABLE old_answer AS
  SELECT a.*, s.path_id FROM step_answer a JOIN escalation_step s ON s.id = a.step_id;
CREATE TEMP TABLE old_fallback AS
  SELECT f.*, s.path_id FROM step_fallback f JOIN escalation_step s ON s.id = f.step_id;
DROP TABLE step_answer;
DROP TABLE step_fallback;
DROP TABLE escalation_step;

CREATE TABLE escalation_step (
  path_id     TEXT NOT NULL REFERENCES escalation_path (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text_sv     TEXT,
  text_en     TEXT,
  legal_ref_sv TEXT,
  legal_ref_en TEXT,
  actor_id    TEXT,
  route_id    TEXT,
  urgency     TEXT,
  next_step   TEXT,
  PRIMARY KEY (path_id, id)
) WITHOUT ROWID;
CREATE INDEX escalation_step_path ON escalation_step (path_id, position);
CREATE INDEX escalation_step_actor ON escalation_step (actor_id);

CREATE TABLE step_answer (
  path_id   TEXT NOT NULL,
  step_id   TEXT NOT NULL,
  position  INTEGER NOT NULL,
  label_sv  TEXT,
  label_en  TEXT,
  next_step TEXT,
  next_path TEXT,
  PRIMARY KEY (path_id, step_id, position),
  FOREIGN KEY (path_id, step_id) REFERENCES escalation_step (path_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE step_fallback (
  path_id   TEXT NOT NULL,
  step_id   TEXT NOT NULL,
  position  INTEGER NOT NULL,
  actor_id  TEXT NOT NULL,
  route_id  TEXT,
  PRIMARY KEY (path_id, step_id, position),
  FOREIGN KEY (path_id, step_id) REFERENCES escalation_step (path_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX step_fallback_actor ON step_fallback (actor_id);

INSERT INTO escalation_step (path_id, id, position, kind, text_sv, text_en, legal_ref_sv,
                             legal_ref_en, actor_id, route_id, urgency, next_step)
  SELECT path_id, id, position, kind, text_sv, text_en, legal_ref_sv, legal_ref_en, actor_id,
         route_id, urgency, next_step FROM old_step;
INSERT INTO step_answer (path_id, step_id, position, label_sv, label_en, next_step, next_path)
  SELECT path_id, step_id, position, label_sv, label_en, next_step, next_path FROM old_answer;
INSERT INTO step_fallback (path_id, step_id, position, actor_id, route_id)
  SELECT path_id, step_id, position, actor_id, route_id FROM old_fallback;
DROP TABLE old_step;
DROP TABLE old_answer;
DROP TABLE old_fallback;
