/* sam-default-register.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* samverkan/register.sqlite in the user's data directory: the app fills it
 * from the sample only on the first start, when it does not exist yet. */
char     *sam_default_register_path  (void);

/* Opens @path, else $SAMVERKAN_REGISTER, else the user's own register;
 * the user's own register is created from the built-in sample register
 * the first time. */
SamStore *sam_default_register_open  (const char  *path,
                                      GError     **error);
/* Fills an empty store with the built-in sample register. */
gboolean  sam_load_sample_register   (SamStore    *store,
                                      GError     **error);

G_END_DECLS
