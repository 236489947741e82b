/* sam-cli-table.c — samverkan-cli import-table
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-cli.h"
#include "sam-cli-table.h"
#include "sam-errors.h"
#include "sam-table-import.h"

static const char * const duplicate_words[] = { "merge", "skip", "add" };

static void
print_columns (SamTableImport *import)
{
  guint heading_row = sam_table_import_get_heading_row (import);

  if (heading_row > 0)
    g_print (_("Columns (headings on row %u):\n"), heading_row);
  else
    g_print (_("Columns (no heading row; read by their content):\n"));
  for (guint c = 0; c < sam_table_import_get_n_columns (import); c++)
    {
      g_autofree char *letter = sam_table_column_letter (c);
      SamTableField field = sam_table_import_get_field (import, c);

      g_print ("  %-3s %s → %s\n", letter, sam_table_import_get_heading (import, c),
               sam_table_field_to_string (field));
    }
}

static void
print_problems (SamTableImport *import)
{
  GPtrArray *problems = sam_table_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      SamTableProblem *p = g_ptr_array_index (problems, i);
      const char *outcome = p->skipped ? _("row left out") : _("imported without it, to review");

      if (p->column)
        /* Translators: row number, column heading, the cell's text, why, what was done */
        g_print (_("Row %u, %s: “%s”: %s (%s)\n"), p->row, p->column, p->value, p->reason,
                 outcome);
      else
        g_print (_("Row %u: %s (%s)\n"), p->row, p->reason, outcome);
    }
}

static void
print_duplicates (SamTableImport *import)
{
  GPtrArray *duplicates = sam_table_import_get_duplicates (import);

  for (guint i = 0; i < duplicates->len; i++)
    {
      SamTableDuplicate *d = g_ptr_array_index (duplicates, i);

      /* Translators: row, the row's name, the register's actor, why, merge|skip|add */
      g_print (_("Row %u: “%s” is already in the register as “%s” (%s, id %s): %s\n"), d->row,
               d->name, d->existing_name, d->reason, d->existing_id,
               duplicate_words[d->choice]);
    }
}

static gboolean
parse_choices (const char *on_error, const char *duplicates, SamTableOnError *error_choice,
               SamTableDuplicateChoice *duplicate_choice)
{
  if (on_error == NULL || g_str_equal (on_error, "skip"))
    *error_choice = SAM_TABLE_ON_ERROR_SKIP;
  else if (g_str_equal (on_error, "review"))
    *error_choice = SAM_TABLE_ON_ERROR_REVIEW;
  else
    return (g_printerr (_("samverkan-cli: --on-error: “%s” is not skip or review.\n"), on_error),
            FALSE);
  *duplicate_choice = SAM_TABLE_DUPLICATE_MERGE;
  for (guint i = 0; duplicates && i <= G_N_ELEMENTS (duplicate_words); i++)
    {
      if (i == G_N_ELEMENTS (duplicate_words))
        return (g_printerr (_("samverkan-cli: --duplicates: “%s” is not merge, skip or add.\n"),
                            duplicates), FALSE);
      if (g_str_equal (duplicates, duplicate_words[i]))
        {
          *duplicate_choice = i;
          break;
        }
    }
  return TRUE;
}

static gboolean
configure (SamTableImport *import, char **maps, const char *area, SamTableOnError on_error,
           SamTableDuplicateChoice choice, GError **error)
{
  GPtrArray *duplicates;

  for (guint i = 0; maps && maps[i]; i++)
    if (!sam_table_import_map (import, maps[i], error))
      return FALSE;
  sam_table_import_set_on_error (import, on_error);
  if (!sam_table_import_set_area (import, area, error) || !sam_table_import_prepare (import, error))
    return FALSE;
  duplicates = sam_table_import_get_duplicates (import);
  for (guint i = 0; i < duplicates->len; i++)
    ((SamTableDuplicate *) g_ptr_array_index (duplicates, i))->choice = choice;
  return TRUE;
}

int
sam_cli_import_table (const char *register_path, int argc, char **argv)
{
  g_auto(GStrv) maps = NULL;
  g_autofree char *area = NULL;
  g_autofree char *on_error = NULL;
  g_autofree char *duplicates = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Read the column with this heading (or letter) as FIELD; repeatable"), N_("COLUMN=FIELD") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area, N_("The area of rows that name no municipality or county"), N_("CODE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would be imported and change nothing"), NULL },
    { "on-error", 0, 0, G_OPTION_ARG_STRING, &on_error, N_("A row with a value that cannot be read: skip leaves it out (the default), review imports it without that value, marked needs-review"), N_("skip|review") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates, N_("A row whose actor is already in the register: merge its new routes into it (the default), skip it, or add it as another actor"), N_("merge|skip|add") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamTableImport) import = NULL;
  g_autoptr(GError) error = NULL;
  SamTableOnError error_choice;
  SamTableDuplicateChoice duplicate_choice;
  guint added = 0, merged = 0;
  int status;

  if (!parse_command_line_full ("import-table", _("FILE"),
              _("Import a spreadsheet of contacts (CSV, ODS or XLSX)."),
              _("Every row becomes an actor with its contact routes. Columns are recognised by "
                "their headings in Swedish or English (Verksamhet, Telefon, Jour, E-post, Webb, "
                "Adress, Öppettider, Kommun, Målgrupp, Språk, Anteckning, Typ; Name, Phone, On "
                "call, E-mail, Web, Address, Hours, Municipality, Target group, Languages, Note, "
                "Kind) or by what they hold. Fields for --map: id, name, name-en, kind, area, "
                "phone, on-call, sms, email, web, address, postal-address, hours, target-group, "
                "languages, note, ignore. New contact routes are for professionals. The import "
                "is one transaction after a copy of the register (see “samverkan-cli backups”)."),
              entries, &argc, &argv, 1, 1, &status))
    return status;
  if (!parse_choices (on_error, duplicates, &error_choice, &duplicate_choice))
    return EXIT_BAD_INPUT;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return sam_cli_fail (error);
  import = sam_table_import_new (store, argv[1], &error);
  if (import == NULL ||
      !configure (import, maps, area, error_choice, duplicate_choice, &error))
    {
      /* the columns as read help to write --map */
      if (import)
        print_columns (import);
      return sam_cli_fail (error);
    }
  print_columns (import);
  print_problems (import);
  print_duplicates (import);
  if (dry_run)
    {
      g_print (_("Rows: %u; actors to import: %u; rows left out: %u. Nothing was written "
                 "(--dry-run).\n"), sam_table_import_get_rows (import)->len,
               sam_table_import_get_actors (import)->len, sam_table_import_count_skipped (import));
      return EXIT_OK;
    }
  if (!sam_table_import_apply (import, &added, &merged, &error))
    return sam_cli_fail (error);
  g_print (_("Rows: %u; actors added: %u; merged into actors already there: %u; rows left "
             "out: %u.\n"),
           sam_table_import_get_rows (import)->len, added, merged,
           sam_table_import_count_skipped (import));
  return EXIT_OK;
}
