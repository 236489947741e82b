/* sam-model-private.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the model lets the store and the exchange reader do that the rest
 * of the program may not: inside src/core only.
 */
#pragma once

#include "sam-actor.h"
#include "sam-contact-route.h"

G_BEGIN_DECLS

/* sam_actor_validate without the names, which an import reports apart. */
gboolean      _sam_actor_validate_fields     (SamActor *actor,
                                              GError  **error);
/* Sets a value read back from the store, which was checked when written. */
void          _sam_contact_route_set_stored_value (SamContactRoute *route,
                                                   const char      *value);
G_END_DECLS
