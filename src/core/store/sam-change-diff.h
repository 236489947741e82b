/* sam-change-diff.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* What a change-log entry of an actor changed, as lines people read:
 * "Phone “Switchboard”: 090-16 10 00 → 090-16 10 01". Empty when nothing
 * but the revision moved. */
GPtrArray  *sam_change_describe   (const SamChange *change);
/* "Added", "Changed", "Deleted", "Restored", "Verified", "Imported". */
const char *sam_change_get_title  (const SamChange *change);

G_END_DECLS
