/* samverkan-cli.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stable command-line interface that scripts and tests use.
 * Exit status: 0 success, 1 nothing found or problems found, 2 bad input,
 * 3 the register is busy, 4 disk full, I/O error or a damaged register.
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "sam-cli.h"
#include "sam-cli-deleted.h"
#include "sam-cli-merge.h"
#include "sam-cli-path.h"
#include "sam-cli-print.h"
#include "sam-cli-publish.h"
#include "sam-cli-register.h"
#include "sam-cli-search.h"
#include "sam-cli-table.h"
#include "sam-errors.h"

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (const char *register_path, int argc, char **argv);
} Command;

static const Command commands[] = {
  { "init",   N_("FILE"),     N_("Create an empty register"), sam_cli_init },
  { "import", N_("IN.xml"),   N_("Import an exchange file (--merge: into a register with data)"), sam_cli_import },
  { "import-table", N_("FILE"), N_("Import a spreadsheet of contacts (CSV, ODS, XLSX)"), sam_cli_import_table },
  { "export", N_("OUT"),      N_("Export the register, or a part of it: XML, vCard, CSV or HSDS"), sam_cli_export },
  { "search", N_("[QUERY…]"), N_("Find actors"), sam_cli_search },
  { "synonyms", N_("list|add|remove"), N_("Words a search reads as others"), sam_cli_synonyms },
  { "show",   N_("ID"),       N_("Show one actor"), sam_cli_show },
  { "check",  "",             N_("Check the register"), sam_cli_check },
  { "path",   N_("list|show ID|check"), N_("Escalation paths"), sam_cli_path },
  { "backups", "",            N_("List the copies made before imports"), sam_cli_backups },
  { "deleted", "",            N_("List deleted actors and paths that can be restored"), sam_cli_deleted },
  { "restore", N_("ID|N"),    N_("Bring back a deleted actor or path, or copy N of the register"), sam_cli_restore },
  { "purge",  N_("--older-than DAYS"), N_("Remove deleted records for good"), sam_cli_purge },
  { "follow", N_("[FILE|URL]"), N_("Follow a published register"), sam_cli_follow },
  { "hand-over", N_("ID --to REGISTER"), N_("Hand a record to another register"), sam_cli_hand_over },
  { "publish", N_("--sign KEY -o DIR"), N_("Publish the register as signed files"), sam_cli_publish },
  { "keygen", N_("-o KEY"),   N_("Make a key pair for signing publications"), sam_cli_keygen },
  { "keys",   N_("list|add KEY.pub|remove ID"), N_("Publishers' keys this register trusts"), sam_cli_keys },
  { "print",  N_("-o OUT.pdf"), N_("Print a contact sheet to PDF"), sam_cli_print },
};

static char *
describe_commands (void)
{
  GString *out = g_string_new (_("Commands:"));
  glong width = 0;

  /* pad by characters, not bytes: "[SÖKORD…]" */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, g_utf8_strlen (*commands[i].args ? _(commands[i].args) : "", -1));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args = *commands[i].args ? _(commands[i].args) : "";
      glong pad = width + 2 - g_utf8_strlen (args, -1);

      g_string_append_printf (out, "  %-8s %s%*s%s\n", commands[i].name, args, (int) pad, "",
                              _(commands[i].summary));
    }
  g_string_append (out, _("\nRun “samverkan-cli COMMAND --help” for the options of a command.\n"
                          "Exit status: 0 success, 1 nothing found or problems found, "
                          "2 bad input or usage, 3 the register is busy (another program is "
                          "writing to it; try again), 4 the disk is full, a file could not be "
                          "read or written, or the register is damaged (nothing was changed)."));
  return g_string_free (out, FALSE);
}

/* The variables tests and scripts set: a wrong value is an error, not a
 * warning followed by the real clock or the default limit. */
static gboolean
check_environment (GError **error)
{
  const char *max_size = g_getenv ("SAMVERKAN_MAX_IMPORT_SIZE");
  guint64 value;

  if (!sam_now_check_environment (error))
    return FALSE;
  if (max_size != NULL &&
      !g_ascii_string_to_unsigned (max_size, 10, 1, G_MAXSIZE, &value, NULL))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("SAMVERKAN_MAX_IMPORT_SIZE=%s is not a number of bytes (such as 1073741824)."),
                   max_size);
      return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *register_path = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "register", 'r', 0, G_OPTION_ARG_FILENAME, &register_path,
      N_("The register file (default: $SAMVERKAN_REGISTER, else your own register)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* SAMVERKAN_LOCALE_DIR: the catalogs of a build tree, for tests */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMVERKAN_LOCALE_DIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Samverkan — the register of cooperating actors "
                                           "against prostitution and human trafficking."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* options after the command belong to the command */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sam_cli_usage_error (context, error->message);
  if (version)
    {
      g_print ("samverkan-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2)
    return sam_cli_usage_error (context, _("Give a command."));
  if (register_path != NULL && *register_path == '\0')
    return sam_cli_usage_error (context, _("--register: give the name of a register file."));
  if (!check_environment (&error))
    return (g_printerr ("samverkan-cli: %s\n", error->message), EXIT_BAD_INPUT);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (register_path, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
    return sam_cli_usage_error (context, message);
  }
}
