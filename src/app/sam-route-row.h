/* sam-route-row.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-actor.h"

G_BEGIN_DECLS

#define SAM_TYPE_ROUTE_ROW (sam_route_row_get_type ())
G_DECLARE_FINAL_TYPE (SamRouteRow, sam_route_row, SAM, ROUTE_ROW, AdwActionRow)

/* One contact route on the actor page: the value people read, what it is
 * for, its hours and who may see it, with copy and call/write/open buttons
 * bound to the actions "actor.copy-route" and "actor.open-route". */
SamRouteRow     *sam_route_row_new        (SamContactRoute *route,
                                           SamSchedule     *actor_hours,
                                           GDateTime       *now);
/* The same, naming the actor first: for routes shown away from their actor. */
SamRouteRow     *sam_route_row_new_for_actor (SamContactRoute *route,
                                           SamActor        *actor,
                                           GDateTime       *now);

G_END_DECLS
