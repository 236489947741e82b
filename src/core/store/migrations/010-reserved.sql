-- 010: no change; the number belongs to a change made beside this one and
-- is replaced by it when both come together.
-- SPDX-License-Identifier: GPL-3.0-or-later

SELECT 1;
