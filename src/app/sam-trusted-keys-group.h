/* sam-trusted-keys-group.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* The Preferences page "Publications": the publishers' keys @store trusts,
 * each with its fingerprint, to add (a KEY.pub file) and remove, and how
 * often followed publications are checked. */
GtkWidget *sam_trusted_keys_page_new (SamStore *store);

G_END_DECLS
