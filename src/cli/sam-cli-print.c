/* sam-cli-print.c — samverkan-cli print: the contact sheets the app's
 * Print dialog makes, written to a PDF file without a display.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-cli.h"
#include "sam-cli-print.h"
#include "sam-errors.h"
#include "sam-sheet.h"

static int
bad_option (const char *message)
{
  g_printerr ("samverkan-cli: %s\n", message);
  return EXIT_BAD_INPUT;
}

int
sam_cli_print (const char *register_path, int argc, char **argv)
{
  g_autofree char *sheet_arg = NULL;
  g_autofree char *lang_arg = NULL;
  g_autofree char *audience_arg = NULL;
  g_autofree char *paper_arg = NULL;
  g_autofree char *output = NULL;
  g_auto(SamSheetOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_arg,
      N_("The kind of sheet: escalation (one path), directory (an area) or card (pocket cards)"),
      N_("KIND") },
    { "path", 0, 0, G_OPTION_ARG_STRING, &options.path_id,
      N_("The escalation path (escalation; a card may take one instead of an area)"), N_("ID") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &options.area_code,
      N_("The municipality or county code (directory and card)"), N_("CODE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_arg,
      N_("The sheet’s language: sv or en (default: the language you run in)"), N_("LANG") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience_arg,
      N_("Who the sheet is for: public (default; public routes only) or professional"),
      N_("AUDIENCE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_arg, N_("a4 (default) or letter"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("OUT.pdf") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_pages;
  int status;

  sam_sheet_options_init (&options);
  options.lang = sam_lang_from_locale ();
  if (!parse_command_line ("print", _("--sheet KIND -o OUT.pdf"),
                           _("Print a contact sheet to a PDF file: an escalation sheet for one path, "
                             "an area directory, or pocket cards. Routes for internal use are never "
                             "printed; professional routes only with --audience professional."),
                           entries, &argc, &argv, 0, 0, &status))
    return status;

  if (sheet_arg == NULL)
    return bad_option (_("Say which sheet to print with --sheet escalation, directory or card."));
  if (!sam_sheet_kind_from_string (sheet_arg, &options.kind))
    {
      message = g_strdup_printf (_("--sheet: “%s” is not escalation, directory or card."), sheet_arg);
      return bad_option (message);
    }
  if (lang_arg && !sam_lang_from_string (lang_arg, &options.lang))
    {
      message = g_strdup_printf (_("--lang: “%s” is not sv or en."), lang_arg);
      return bad_option (message);
    }
  if (audience_arg && !sam_audience_from_string (audience_arg, &options.audience))
    {
      message = g_strdup_printf (_("--audience: “%s” is not public or professional."), audience_arg);
      return bad_option (message);
    }
  if (paper_arg && !sam_paper_from_string (paper_arg, &options.paper))
    {
      message = g_strdup_printf (_("--paper: “%s” is not a4 or letter."), paper_arg);
      return bad_option (message);
    }
  if (options.kind == SAM_SHEET_ESCALATION && options.path_id == NULL)
    return bad_option (_("An escalation sheet needs --path ID (see “samverkan-cli path list”)."));
  if (options.kind == SAM_SHEET_DIRECTORY && options.area_code == NULL)
    return bad_option (_("An area directory needs --area CODE (such as 2480 or 24)."));
  if (options.kind == SAM_SHEET_CARD && options.area_code == NULL && options.path_id == NULL)
    return bad_option (_("Pocket cards need --area CODE or --path ID."));
  if (output == NULL)
    return bad_option (_("Say where to write the PDF with -o OUT.pdf."));

  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return sam_cli_fail (error);
  sheet = sam_sheet_new (store, &options, &error);
  if (sheet == NULL)
    {
      int failed = sam_cli_fail (error);
      return g_error_matches (error, SAM_ERROR, SAM_ERROR_NOT_FOUND) ? EXIT_NOTHING : failed;
    }
  if (!sam_sheet_write_pdf (sheet, output, &error))
    return sam_cli_fail (error);
  n_pages = sam_sheet_get_n_pages (sheet);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", n_pages),
           output, n_pages);
  return EXIT_OK;
}
