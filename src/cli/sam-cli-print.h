/* sam-cli-print.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* samverkan-cli print --sheet escalation|directory|card … -o OUT.pdf */
int sam_cli_print (const char *register_path,
                   int         argc,
                   char      **argv);

G_END_DECLS
