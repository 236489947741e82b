/* sam-cli-table.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* samverkan-cli import-table FILE [--map COLUMN=FIELD…] [--area CODE] [--dry-run]
 *                            [--on-error skip|review] [--duplicates merge|skip|add] */
int sam_cli_import_table (const char *register_path,
                          int         argc,
                          char      **argv);
