/* sam-cli-merge.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli commands for sharing the register: export (whole or a
 * subset), import (into an empty register, or --merge), backups, restore,
 * follow. Each returns the exit status: 0 success, 1 nothing found or
 * problems found (conflicts), 2 bad input.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sam_cli_export   (const char *register_path, int argc, char **argv);
int sam_cli_import   (const char *register_path, int argc, char **argv);
int sam_cli_backups  (const char *register_path, int argc, char **argv);
/* restore N: brings back copy @number of the register (sam-cli-deleted.c parses) */
int sam_cli_restore_copy (const char *register_path, const char *number);
int sam_cli_follow   (const char *register_path, int argc, char **argv);

G_END_DECLS
