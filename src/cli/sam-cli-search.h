/* sam-cli-search.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli search, show and synonyms. Each returns the exit status.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* search [--kind K] [--area CODE] [--target-group G] [--language L] [--open-now]
 *        [--near CODE] [--limit N] [--json] [QUERY…] */
int sam_cli_search   (const char *register_path, int argc, char **argv);
/* show [--json] ID */
int sam_cli_show     (const char *register_path, int argc, char **argv);
/* synonyms list | add TERM EXPANSION | remove TERM [EXPANSION] */
int sam_cli_synonyms (const char *register_path, int argc, char **argv);

G_END_DECLS
