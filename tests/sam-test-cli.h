/* sam-test-cli.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli as the tests run it: a folder of the test's own, an
 * environment that keeps every default in it, and what the last run
 * printed. A fixture holds a SamTestCli, set up with sam_test_cli_init()
 * and torn down with sam_test_cli_clear().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The clock of the runs: Wednesday 25 November 2026 at noon. */
#define SAM_TEST_CLI_NOW "2026-11-25T12:00:00+01:00"

typedef struct {
  char *dir;    /* a new temporary folder, removed by sam_test_cli_clear() */
  char **env;   /* this process's environment without $SAMVERKAN_REGISTER, with
                 * XDG_DATA_HOME=dir/xdg-data (the default register goes there),
                 * SAMVERKAN_NOW=SAM_TEST_CLI_NOW, LANGUAGE=en, LC_ALL=C.UTF-8 */
  char *out;    /* what the last run printed on standard output */
  char *err;    /* and on standard error */
} SamTestCli;

void  sam_test_cli_init   (SamTestCli *cli);
void  sam_test_cli_clear  (SamTestCli *cli);
/* Sets @name to @value in the environment of the runs that follow. */
void  sam_test_cli_setenv (SamTestCli *cli,
                           const char *name,
                           const char *value);
/* The path of @name in the test's folder. */
char *sam_test_cli_path   (SamTestCli *cli,
                           const char *name);
/* Runs samverkan-cli with @args (NULL-terminated) in cli->env; returns its
 * exit status and keeps what it printed in cli->out and cli->err. */
int   sam_test_cli_run_v  (SamTestCli         *cli,
                           const char * const *args);
#define sam_test_cli_run(cli, ...) \
  sam_test_cli_run_v ((cli), (const char * const []) { __VA_ARGS__, NULL })
/* Makes the register @name in the test's folder with `init` and fills it
 * with `import` of the sample; returns its path. */
char *sam_test_cli_new_sample (SamTestCli *cli,
                               const char *name);
/* data/sample-register.xml of the source tree. */
char *sam_test_sample_xml (void);

G_END_DECLS
