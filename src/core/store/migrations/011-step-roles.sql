-- 011: an action step may name a role instead of one actor ("the on-call
-- social services of the user's municipality"), resolved when the path is
-- walked; its actor_id and route_id stay as the fallback. All NULL: no role.
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE escalation_step ADD COLUMN role_kind TEXT;     -- an actor kind token
ALTER TABLE escalation_step ADD COLUMN role_tag TEXT;      -- a keyword the actor carries, or NULL
ALTER TABLE escalation_step ADD COLUMN role_route TEXT;    -- a route kind token, or NULL: a phone
ALTER TABLE escalation_step ADD COLUMN role_scope TEXT;    -- 'municipality', 'county', 'country'
