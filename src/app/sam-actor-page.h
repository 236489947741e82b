/* sam-actor-page.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACTOR_PAGE (sam_actor_page_get_type ())
G_DECLARE_FINAL_TYPE (SamActorPage, sam_actor_page, SAM, ACTOR_PAGE, AdwBin)

/* Everything about one actor: its routes with copy and call, its units and
 * the organisation above it, hours, and when it was last verified. Emits
 * ::actor-activated (id) when the user follows a link to another actor. */
SamActorPage *sam_actor_page_new        (void);
void          sam_actor_page_set_actor  (SamActorPage *self,
                                         SamStore     *store,
                                         SamActor     *actor);
SamActor     *sam_actor_page_get_actor  (SamActorPage *self);
/* Gives the keyboard to the first contact route's first button (Copy,
 * then Call); FALSE when the actor has no route. */
gboolean      sam_actor_page_focus_first_route (SamActorPage *self);
/* Copies a route's value to the clipboard, as its copy button does. */
gboolean      sam_actor_page_copy_route (SamActorPage *self,
                                         const char   *route_id);

G_END_DECLS
