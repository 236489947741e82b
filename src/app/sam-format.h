/* sam-format.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-actor.h"

G_BEGIN_DECLS

/* "25 Nov 2026", in the user's language. */
char *sam_format_date          (GDateTime   *dt);
char *sam_format_date_time     (GDateTime   *dt);
/* A register text in the window's language; where only the other language
 * has it, that one with a quiet mark: "Växel (in Swedish)". NULL when
 * neither has it. */
char *sam_format_register_text (const SamText *text);
/* Opening hours as people read them: "Mon–Fri 08:00–16:30". */
char *sam_format_hours         (SamSchedule *hours);
/* "Open now", "Closed, opens Thu 08:00", "Always open"; NULL without hours. */
char *sam_format_open_state    (SamSchedule *hours,
                                GDateTime   *now,
                                gboolean    *is_open);

/* "Used by 2 escalation paths: A, B"; NULL when @paths is empty. */
char *sam_format_used_by_paths (GPtrArray   *paths);

G_END_DECLS
