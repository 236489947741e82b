/* sam-cli.h — what the commands of samverkan-cli share (sam-cli.c), each
 * command living in a file of its own.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Exit statuses; README.md, the manual page and --help list them. */
enum {
  EXIT_OK = 0,
  EXIT_NOTHING = 1,     /* nothing found, or problems found */
  EXIT_BAD_INPUT = 2,   /* bad input or usage; not a register */
  EXIT_BUSY = 3,        /* another program is writing to the register: try again */
  EXIT_STORAGE = 4,     /* disk full, I/O error, or a damaged register: nothing was changed */
};

/* The exit status for @error: busy, storage, else bad input. */
int       sam_cli_exit_status (const GError *error);
/* Prints @error and returns its exit status. */
int       sam_cli_fail       (const GError  *error);
/* Prints @message and the help of @context; returns EXIT_BAD_INPUT. */
int       sam_cli_usage_error (GOptionContext *context,
                               const char     *message);

/* Parses the options of one command; FALSE means exit with *status. */
gboolean  parse_command_line (const char    *name,
                              const char    *args,
                              const char    *summary,
                              GOptionEntry  *entries,
                              int           *argc,
                              char        ***argv,
                              int            min_args,
                              int            max_args,
                              int           *status);
/* The same, with a @description (nullable) after the options. */
gboolean  parse_command_line_full (const char    *name,
                                   const char    *args,
                                   const char    *summary,
                                   const char    *description,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv,
                                   int            min_args,
                                   int            max_args,
                                   int           *status);
/* Opens the register to work on; one named with --register or
 * $SAMVERKAN_REGISTER must exist unless @may_create. */
SamStore *open_register      (const char    *path,
                              gboolean       may_create,
                              GError       **error);
/* Removes the register @path and SQLite's files beside it: one this run
 * created before it failed (init, import). */
void      remove_new_register (const char   *path);
/* Prints @node as indented JSON on standard output. */
void      sam_cli_print_json  (JsonNode     *node);

G_END_DECLS
