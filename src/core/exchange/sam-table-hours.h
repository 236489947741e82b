/* sam-table-hours.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opening hours as people write them in a spreadsheet, in Swedish or
 * English ("mån–fre 8–16.30, lör 10–14", "Dygnet runt", "vardagar 8-17,
 * helgdagar stängt", "Mon-Fri 9-15"), or already in the register's syntax
 * ("Mo-Fr 08:00-16:30"), as the register's canonical text; NULL with
 * SAM_ERROR_INVALID and a translated reason when it cannot be read. */
char *sam_table_hours_parse (const char  *text,
                             GError     **error);

G_END_DECLS
