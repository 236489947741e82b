-- 002: the exact-name lookup indexes the folded names alone.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- With "deleted" first, the planner preferred any (deleted, …) index and
-- scanned every actor for "key_sv = ? OR key_en = ?"; on names alone it
-- answers the OR with two index searches.

DROP INDEX actor_key_sv;
DROP INDEX actor_key_en;
CREATE INDEX actor_key_sv ON actor (key_sv);
CREATE INDEX actor_key_en ON actor (key_en);
