-- 003: an action step's fallbacks, tried in order when its route is closed
-- (social services → socialjour → police).
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE step_fallback (
  step_id   TEXT NOT NULL REFERENCES escalation_step (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  actor_id  TEXT NOT NULL,
  route_id  TEXT,
  PRIMARY KEY (step_id, position)
) WITHOUT ROWID;
