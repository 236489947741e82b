/* sam-translation-check.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor.h"
#include "sam-escalation-path.h"

G_BEGIN_DECLS

/* Register texts given in one language but not the other: one translated
 * line per missing text, naming the record and the text ("Terrafem
 * (terrafem): the English description is missing"). Appended to @out. */
void sam_translation_check_actor (SamActor          *actor,
                                  GPtrArray         *out);
void sam_translation_check_path  (SamEscalationPath *path,
                                  GPtrArray         *out);

G_END_DECLS
