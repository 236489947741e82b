/* sam-test-cli.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sam-test-cli.h"
#include "sam-test-util.h"

void
sam_test_cli_init (SamTestCli *cli)
{
  g_autofree char *xdg = NULL;

  g_assert_nonnull (g_getenv ("SAMVERKAN_CLI"));
  cli->dir = sam_test_make_dir ();
  cli->out = NULL;
  cli->err = NULL;
  xdg = sam_test_cli_path (cli, "xdg-data");
  cli->env = g_get_environ ();
  cli->env = g_environ_unsetenv (cli->env, "SAMVERKAN_REGISTER");
  cli->env = g_environ_setenv (cli->env, "XDG_DATA_HOME", xdg, TRUE);
  cli->env = g_environ_setenv (cli->env, "SAMVERKAN_NOW", SAM_TEST_CLI_NOW, TRUE);
  cli->env = g_environ_setenv (cli->env, "LANGUAGE", "en", TRUE);
  cli->env = g_environ_setenv (cli->env, "LC_ALL", "C.UTF-8", TRUE);
}

void
sam_test_cli_clear (SamTestCli *cli)
{
  sam_test_remove_dir (cli->dir);
  g_clear_pointer (&cli->dir, g_free);
  g_clear_pointer (&cli->env, g_strfreev);
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
}

void
sam_test_cli_setenv (SamTestCli *cli, const char *name, const char *value)
{
  cli->env = g_environ_setenv (cli->env, name, value, TRUE);
}

char *
sam_test_cli_path (SamTestCli *cli, const char *name)
{
  return g_build_filename (cli->dir, name, NULL);
}

int
sam_test_cli_run_v (SamTestCli *cli, const char * const *args)
{
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
  return sam_test_run_cli (cli->env, &cli->out, &cli->err, args);
}

char *
sam_test_cli_new_sample (SamTestCli *cli, const char *name)
{
  g_autofree char *sample = sam_test_sample_xml ();
  char *path = sam_test_cli_path (cli, name);

  g_assert_cmpint (sam_test_cli_run (cli, "init", path), ==, 0);
  g_assert_cmpint (sam_test_cli_run (cli, "--register", path, "import", sample), ==, 0);
  return path;
}

char *
sam_test_sample_xml (void)
{
  g_assert_nonnull (g_getenv ("SAMVERKAN_SOURCE_DIR"));
  return g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "data", "sample-register.xml", NULL);
}
