/* sam-timestamp.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Timestamps are stored and exchanged as "2026-11-25T12:00:00Z". */
char        *sam_timestamp_format       (GDateTime     *dt);
GDateTime   *sam_timestamp_parse        (const char    *text);

G_END_DECLS
