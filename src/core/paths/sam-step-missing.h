/* sam-step-missing.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action step whose own actor or contact route is no longer in the
 * register (deleted, or never imported): what to tell the person walking
 * the path, and 112 to offer beside the step's fallbacks.
 */
#pragma once

#include "sam-step-contact.h"

G_BEGIN_DECLS

/* A translated sentence saying that the contact @step names is missing
 * (naming a deleted actor as it was called), or NULL when it is there or
 * the step names none. FALSE only for a database error. */
gboolean        sam_step_describe_missing  (SamEscalationStep  *step,
                                            SamStore           *store,
                                            char              **description,
                                            GError            **error);
/* 112 as a contact: the register's emergency actor and its 112 route, or
 * one made up when the register has none. Always open. */
SamStepContact *sam_step_emergency_contact (SamStore           *store);

G_END_DECLS
