/* sam-cli-deleted.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli deleted, restore and purge.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sam_cli_deleted  (const char *register_path, int argc, char **argv);
int sam_cli_restore  (const char *register_path, int argc, char **argv);
int sam_cli_purge    (const char *register_path, int argc, char **argv);

G_END_DECLS
