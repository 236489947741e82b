/* sam-actor-json.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-actor.h"
#include "sam-escalation-path.h"

G_BEGIN_DECLS

/* The JSON form of an actor, used by the change log and `samverkan-cli
 * --json`: id, name {sv, en}, kind, areas, routes [{id, kind, value,
 * display, label, visibility, hours}], and the rest of its fields. */
JsonNode *sam_actor_to_json       (SamActor          *actor);
char     *sam_actor_to_json_text  (SamActor          *actor);
JsonNode *sam_path_to_json        (SamEscalationPath *path);
char     *sam_path_to_json_text   (SamEscalationPath *path);

G_END_DECLS
