/* sam-actor-row.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-actor.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACTOR_ROW (sam_actor_row_get_type ())
G_DECLARE_FINAL_TYPE (SamActorRow, sam_actor_row, SAM, ACTOR_ROW, AdwActionRow)

/* A row of the actor list: name, kind and area, whether it is open at
 * @now, and its first public phone number; in the review list (@review),
 * name, kind and when it was last verified. */
SamActorRow *sam_actor_row_new        (SamActor  *actor,
                                       GDateTime *now,
                                       gboolean   review);
SamActor    *sam_actor_row_get_actor  (SamActorRow *self);

G_END_DECLS
