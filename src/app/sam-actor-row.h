/* sam-actor-row.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sam-actor.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACTOR_ROW (sam_actor_row_get_type ())
G_DECLARE_FINAL_TYPE (SamActorRow, sam_actor_row, SAM, ACTOR_ROW, GtkWidget)

/* A row of the actor list view, made once and bound to one actor after
 * another as the list scrolls: name, kind and area, whether it is open at
 * @now, and the first number the user may call; in the review list (@review),
 * when it was last verified instead. */
SamActorRow *sam_actor_row_new        (void);
void         sam_actor_row_bind       (SamActorRow *self,
                                       SamActor    *actor,
                                       GDateTime   *now,
                                       gboolean     review);

G_END_DECLS
