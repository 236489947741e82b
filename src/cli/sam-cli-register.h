/* sam-cli-register.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli init and check. Each returns the exit status.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* init FILE */
int sam_cli_init  (const char *register_path, int argc, char **argv);
/* check */
int sam_cli_check (const char *register_path, int argc, char **argv);

G_END_DECLS
