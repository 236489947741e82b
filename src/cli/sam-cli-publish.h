/* sam-cli-publish.h — publish, keygen, keys, and follow of a URL.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

int      sam_cli_publish           (const char *register_path, int argc, char **argv);
int      sam_cli_keygen            (const char *register_path, int argc, char **argv);
int      sam_cli_keys              (const char *register_path, int argc, char **argv);
/* follow [--stop] [--trust KEY.pub] [--timeout S] URL */
int      sam_cli_follow_url        (const char *register_path, int argc, char **argv);
/* One of the arguments is an http(s) URL: "follow" hands them all to
 * sam_cli_follow_url(). */
gboolean sam_cli_args_name_url     (int argc, char **argv);
/* Brings every register followed over HTTP(S) up to date, printing each. */
int      sam_cli_refresh_published (SamStore *store);
/* Adds a line for each followed publication past its valid-until. */
void     sam_cli_add_stale_problems (SamStore *store, GPtrArray *problems);

G_END_DECLS
