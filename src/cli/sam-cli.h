/* sam-cli.h — what samverkan-cli.c shares with the commands that live in
 * files of their own.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_NOTHING = 1,
  EXIT_BAD_INPUT = 2,
};

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

G_END_DECLS
