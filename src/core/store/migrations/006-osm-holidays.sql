-- 006: opening hours as OpenStreetMap means them. Until now an actor or a
-- route was closed on public holidays and their eves unless a PH rule opened
-- it; in OpenStreetMap's opening_hours a holiday without a PH rule is the
-- ordinary weekday it falls on. Hours written under the old meaning keep it
-- by saying so: "PH off" is added where no rule names PH.
-- SPDX-License-Identifier: GPL-3.0-or-later

UPDATE actor SET hours = hours || '; PH off'
  WHERE hours IS NOT NULL AND hours <> '' AND hours <> '24/7' AND instr (hours, 'PH') = 0;
UPDATE contact_route SET hours = hours || '; PH off'
  WHERE hours IS NOT NULL AND hours <> '' AND hours <> '24/7' AND instr (hours, 'PH') = 0;
