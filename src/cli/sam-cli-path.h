/* sam-cli-path.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli path. Returns the exit status.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* path list | path show [--json] ID | path check */
int sam_cli_path (const char *register_path, int argc, char **argv);

G_END_DECLS
