/* sam-cli.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the commands of samverkan-cli share: exit statuses for errors, their
 * options, opening the register, JSON output.
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sam-cli.h"
#include "sam-default-register.h"
#include "sam-errors.h"

int
sam_cli_exit_status (const GError *error)
{
  if (g_error_matches (error, SAM_ERROR, SAM_ERROR_BUSY))
    return EXIT_BUSY;
  if (g_error_matches (error, SAM_ERROR, SAM_ERROR_NO_SPACE) ||
      g_error_matches (error, SAM_ERROR, SAM_ERROR_IO) ||
      g_error_matches (error, SAM_ERROR, SAM_ERROR_DAMAGED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_IO))
    return EXIT_STORAGE;
  return EXIT_BAD_INPUT;
}

int
sam_cli_fail (const GError *error)
{
  g_printerr ("samverkan-cli: %s\n", error->message);
  return sam_cli_exit_status (error);
}

int
sam_cli_usage_error (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("samverkan-cli: %s\n\n%s", message, help);
  return EXIT_BAD_INPUT;
}

/* Parses the options of one command; FALSE means exit with *status. */
gboolean
parse_command_line_full (const char *name, const char *args, const char *summary,
                         const char *description, GOptionEntry *entries, int *argc,
                         char ***argv, int min_args, int max_args, int *status)
{
  g_autofree char *title = g_strdup_printf ("%s %s", name, args);
  g_autoptr(GOptionContext) context = g_option_context_new (title);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  if (description)
    g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sam_cli_usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      *status = sam_cli_usage_error (context, _("Wrong number of arguments."));
      return FALSE;
    }
  return TRUE;
}

gboolean
parse_command_line (const char *name, const char *args, const char *summary,
                    GOptionEntry *entries, int *argc, char ***argv, int min_args,
                    int max_args, int *status)
{
  return parse_command_line_full (name, args, summary, NULL, entries, argc, argv,
                                  min_args, max_args, status);
}

/* Opens the register to work on. A register named with --register or
 * $SAMVERKAN_REGISTER must exist and be a register, unless the command
 * fills it (import): a mistyped name is an error, not a new empty
 * register, and another program's file is left alone. Opening only reads,
 * unless the register needs this version's format: then it says so. */
SamStore *
open_register (const char *path, gboolean may_create, GError **error)
{
  const char *env = g_getenv ("SAMVERKAN_REGISTER");
  const char *named = path ? path : (env && *env ? env : NULL);
  SamStore *store;

  if (named == NULL)
    store = sam_default_register_open (NULL, error);
  else if (!may_create && !g_file_test (named, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no register at %s. Create one with “samverkan-cli init %s”."),
                   named, named);
      return NULL;
    }
  else
    store = sam_store_open_full (named, may_create ? SAM_STORE_OPEN_CREATE : SAM_STORE_OPEN_DEFAULT,
                                 error);
  if (store != NULL && sam_store_get_upgraded_from (store) > 0)
    g_printerr (_("samverkan-cli: The register %s was brought from format %d up to format %d "
                  "of this version; older versions of Samverkan can no longer open it.\n"),
                sam_store_get_path (store), sam_store_get_upgraded_from (store),
                sam_store_get_schema_version (store));
  return store;
}

void
remove_new_register (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (name) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", name, g_strerror (errno));
    }
}

void
sam_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}
