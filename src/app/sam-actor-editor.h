/* sam-actor-editor.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACTOR_EDITOR (sam_actor_editor_get_type ())
G_DECLARE_FINAL_TYPE (SamActorEditor, sam_actor_editor, SAM, ACTOR_EDITOR, AdwWindow)

/* A modal window that edits a copy of @actor, or a new actor when @actor is
 * NULL (a unit of @parent_id when that is set), and saves it to @store.
 * Emits "saved" (SamActor with its new revision) before it closes, and
 * "reload-requested" (the actor's id) when someone else saved the actor in
 * between and the user chose to reload. */
SamActorEditor *sam_actor_editor_new       (GtkWindow      *parent,
                                            SamStore       *store,
                                            SamActor       *actor,
                                            const char     *parent_id);
/* The actor being edited: the copy as opened, or as saved last. */
SamActor       *sam_actor_editor_get_actor (SamActorEditor *self);
/* Does what the Save button does; returns whether the actor was saved. */
gboolean        sam_actor_editor_save      (SamActorEditor *self);

G_END_DECLS
