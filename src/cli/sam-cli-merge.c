/* sam-cli-merge.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli export [--format xml|vcard|csv|hsds] [--area CODE] [--kind K]
 *                      [--audience public|professional|internal] [--path ID] [--lang sv|en] OUT
 * samverkan-cli import [--merge [--dry-run] [--prefer [ID@]FIELD=mine|theirs]… [--prefer mine|theirs]] IN.xml
 * samverkan-cli backups
 * samverkan-cli restore N (parsed in sam-cli-deleted.c)
 * samverkan-cli follow [--stop] [FILE]
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <string.h>

#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "sam-backups.h"
#include "sam-cli.h"
#include "sam-cli-merge.h"
#include "sam-cli-publish.h"
#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-export-format.h"
#include "sam-follow.h"
#include "sam-merge.h"
#include "sam-path-check.h"
#include "sam-register-xml.h"

#define fail sam_cli_fail

/* export */

static gboolean
parse_export_options (const char *format_arg, const char *lang_arg, const char *audience,
                      SamExportFormat *format, SamLang *lang, SamExportFilter *filter)
{
  if (format_arg != NULL && !sam_export_format_from_string (format_arg, format))
    {
      g_printerr (_("samverkan-cli: --format: “%s” is not xml, vcard, csv or hsds.\n"), format_arg);
      return FALSE;
    }
  if (lang_arg != NULL && !sam_lang_from_string (lang_arg, lang))
    {
      g_printerr (_("samverkan-cli: --lang: “%s” is not sv or en.\n"), lang_arg);
      return FALSE;
    }
  if (audience != NULL && !sam_audience_parse (audience, &filter->audience))
    {
      g_printerr (_("samverkan-cli: --audience: “%s” is not public, professional or internal.\n"),
                  audience);
      return FALSE;
    }
  return TRUE;
}

/* "-" is standard output */
static gboolean
export_to (SamStore *store, SamExportFilter *filter, SamExportFormat format, SamLang lang,
           const char *target, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (target, "-"))
    {
      file = g_file_new_for_commandline_arg (target);
      return sam_export_format_to_file (store, filter, format, lang, file, NULL, error);
    }
  out = g_unix_output_stream_new (1, FALSE);
  return sam_export_format_write (store, filter, format, lang, out, NULL, error) &&
         g_output_stream_close (out, NULL, error);
}

int
sam_cli_export (const char *register_path, int argc, char **argv)
{
  g_auto(GStrv) areas = NULL;
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *lang_arg = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_arg, N_("xml (the default): the register’s exchange format; vcard: one contact card per actor; csv: a spreadsheet, one row per actor; hsds: Open Referral HSDS 3.0 JSON"), N_("FORMAT") },
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas, N_("Only actors serving this area or a part of it (a county takes in its municipalities); may be repeated"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds, N_("Only actors of this kind; may be repeated"), N_("KIND") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience, N_("public: public contact routes only; professional (the default): no internal route; internal: every route, for the register holder's own use"), N_("AUDIENCE") },
    { "path", 0, 0, G_OPTION_ARG_STRING_ARRAY, &paths, N_("This escalation path, with the paths it leads to and the actors it names; may be repeated"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_arg, N_("The language of names, notes and opening hours in vcard, csv and hsds: sv or en (default: the language you run in)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamExportFilter filter;
  SamExportFormat format = SAM_EXPORT_FORMAT_XML;
  SamLang lang = sam_lang_from_locale ();
  int status;

  if (!parse_command_line_full ("export", _("OUT"), _("Export the register, or a part of it."),
              _("Without options the whole register as XML, for professionals: internal contact "
                "routes leave only with --audience internal, and only in XML. The XML file records "
                "this register as its source, its version and the time, and the records deleted "
                "here, so that “import --merge” elsewhere can tell what changed. vCard, CSV and "
                "HSDS carry the actors the options select, never an internal route. OUT “-” is "
                "standard output."),
              entries, &argc, &argv, 1, 1, &status))
    return status;
  sam_export_filter_init (&filter);
  filter.areas = areas;
  filter.kinds = kinds;
  filter.paths = paths;
  if (!parse_export_options (format_arg, lang_arg, audience, &format, &lang, &filter))
    return EXIT_BAD_INPUT;
  if (!sam_export_format_check_audience (format, filter.audience, &error))
    return fail (error);
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (!sam_export_filter_check (&filter, store, &error))
    return fail (error);
  if (!export_to (store, &filter, format, lang, argv[1], &error))
    return fail (error);
  return EXIT_OK;
}

/* import */

static void
print_plan (SamMergePlan *plan, gboolean details)
{
  const SamRegisterData *data = sam_merge_plan_get_data (plan);
  g_autofree char *counts = sam_merge_plan_describe (plan);
  g_autofree char *exported = data->exported ? g_date_time_format (data->exported, "%Y-%m-%d %H:%M") : NULL;
  GPtrArray *changes = sam_merge_plan_get_changes (plan);
  GPtrArray *notes = sam_merge_plan_get_notes (plan);

  g_print (_("From “%s” (source %s"), sam_merge_plan_get_source_name (plan), sam_merge_plan_get_source (plan));
  if (data->meta.version > 0)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, data->meta.version);
      g_print (_(", version %s"), version);
    }
  if (exported)
    g_print (_(", exported %s UTC"), exported);
  g_print (")\n  %s\n", counts);
  for (guint i = 0; i < notes->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (notes, i));
  for (guint i = 0; details && i < changes->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (changes, i);
      GPtrArray *fields = sam_merge_item_get_fields (item);

      g_print ("%-17s %s %s (%s)\n", sam_merge_item_is_proposal (item)
                                       /* Translators: a change from a register that does not own the record */
                                       ? _("Proposal") : sam_merge_action_get_label (sam_merge_item_get_action (item)),
               sam_merge_item_get_entity (item), sam_merge_item_get_id (item), sam_merge_item_get_name (item));
      for (guint k = 0; k < fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (fields, k);

          /* the key is what --prefer FIELD=… names */
          g_print ("    %s [%s]\n", field->label, field->key);
          /* Translators: the two sides of a conflict, aligned */
          g_print ("      %-7s %s\n", _("mine:"), field->mine ? field->mine : _("(none)"));
          g_print ("      %-7s %s\n", _("theirs:"), field->theirs ? field->theirs : _("(none)"));
        }
    }
}

static gboolean
parse_side (const char *text, SamMergeSide *side)
{
  if (g_str_equal (text, "mine"))
    *side = SAM_MERGE_SIDE_MINE;
  else if (g_str_equal (text, "theirs"))
    *side = SAM_MERGE_SIDE_THEIRS;
  else
    return FALSE;
  return TRUE;
}

/* Each --prefer [ID@]FIELD=SIDE; one that names no field in conflict is
 * refused, so a misspelt field does not pass unnoticed. */
static gboolean
prefer_fields (SamMergePlan *plan, GStrv prefer)
{
  for (guint i = 0; prefer && prefer[i]; i++)
    {
      const char *eq = strrchr (prefer[i], '=');
      const char *at = strchr (prefer[i], '@');
      g_autofree char *record = NULL;
      g_autofree char *key = NULL;
      SamMergeSide side = SAM_MERGE_SIDE_NONE;

      if (eq == NULL)
        continue;
      parse_side (eq + 1, &side);
      if (at != NULL && at < eq)
        record = g_strndup (prefer[i], at - prefer[i]);
      key = g_strndup (at && at < eq ? at + 1 : prefer[i], eq - (at && at < eq ? at + 1 : prefer[i]));
      if (sam_merge_plan_prefer_field (plan, record, key, side) == 0)
        {
          g_printerr (_("samverkan-cli: --prefer: no conflict has the field “%s”; nothing was "
                        "changed. The fields are listed in brackets.\n"), prefer[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The register file an import names, when it does not exist yet: a failed
 * import removes what it made, so it leaves no empty register behind. */
static char *
new_register_path (const char *register_path)
{
  const char *env = g_getenv ("SAMVERKAN_REGISTER");
  const char *named = register_path ? register_path : (env && *env ? env : NULL);

  if (named == NULL || g_file_test (named, G_FILE_TEST_EXISTS))
    return NULL;
  return g_strdup (named);
}

static int
forget_new_register (SamStore **store, const char *path, const GError *error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  int status = fail (error);

  g_clear_object (store);
  if (path == NULL)
    return status;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  return status;
}

/* A warning line for each step or fallback that names an actor or route the
 * register does not have after the import: the import stands, the path
 * needs mending (samverkan-cli path check). */
static void
warn_dangling (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = sam_path_check_dangling (store, &error);

  if (lines == NULL)
    {
      g_printerr (_("samverkan-cli: warning: the paths could not be checked: %s\n"), error->message);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    g_printerr (_("samverkan-cli: warning: %s\n"), (char *) g_ptr_array_index (lines, i));
}

static int
import_into_empty (const char *register_path, const char *in)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (in);
  g_autofree char *created = new_register_path (register_path);
  guint n;

  /* a file that cannot be read makes no register */
  if (!sam_register_xml_check_input (file, &error))
    return fail (error);
  store = open_register (register_path, TRUE, &error);
  /* a register half made (a full disk while its tables are made) goes too */
  if (store == NULL || !sam_register_xml_import (store, file, NULL, NULL, &error))
    return forget_new_register (&store, created, error);
  n = (guint) sam_store_count_actors (store);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u actor.\n", "Imported %u actors.\n", n), n);
  warn_dangling (store);
  return EXIT_OK;
}

int
sam_cli_import (const char *register_path, int argc, char **argv)
{
  gboolean merge = FALSE;
  gboolean dry_run = FALSE;
  g_auto(GStrv) prefer = NULL;
  GOptionEntry entries[] = {
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge, N_("Merge into a register that has data: match records by id, take what changed on one side only"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("With --merge: print what would happen and change nothing"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &prefer, N_("With --merge: settle every conflict by keeping mine or taking theirs, or one field (of one record) only; repeatable"), N_("[[ID@]FIELD=]mine|theirs") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *created = NULL;
  SamMergeSide side = SAM_MERGE_SIDE_NONE;
  guint conflicts;
  int status;

  if (!parse_command_line_full ("import", _("IN.xml"),
              _("Import an exchange file: into an empty register, all or nothing, or with "
                "--merge into one that has data."),
              _("With --merge, records are matched by id and compared by their history: a "
                "record changed on one side only takes that side, field by field; a field changed "
                "on both sides is a conflict, and so is any change from a register that does not "
                "own the record (a proposal). Conflicts leave the register untouched (exit status "
                "1, listed with each field's name in brackets) unless --prefer settles them: "
                "--prefer FIELD=theirs (or ID@FIELD=theirs for one record; step:ID for a whole "
                "step) decides one field, --prefer mine|theirs every field left. The register "
                "is copied first (see “samverkan-cli backups”)."),
              entries, &argc, &argv, 1, 1, &status))
    return status;
  for (guint i = 0; prefer && prefer[i]; i++)
    {
      const char *eq = strrchr (prefer[i], '=');
      SamMergeSide one;

      if (!parse_side (eq ? eq + 1 : prefer[i], &one) || (eq && eq == prefer[i]))
        {
          g_printerr (_("samverkan-cli: --prefer: “%s” is not mine, theirs or FIELD=mine|theirs.\n"),
                      prefer[i]);
          return EXIT_BAD_INPUT;
        }
      if (eq == NULL)
        side = one;
    }
  if (!merge && (dry_run || prefer))
    {
      g_printerr (_("samverkan-cli: --dry-run and --prefer go with --merge.\n"));
      return EXIT_BAD_INPUT;
    }
  if (!merge)
    return import_into_empty (register_path, argv[1]);

  /* a file that cannot be read makes no register */
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!sam_register_xml_check_input (file, &error))
    return fail (error);
  created = new_register_path (register_path);
  store = open_register (register_path, TRUE, &error);
  if (store == NULL)
    return forget_new_register (&store, created, error);
  /* refused before anything is read into a plan or copied */
  if (!sam_store_check_sound (store, &error))
    return fail (error);
  plan = sam_merge_plan_new_for_file (store, file, NULL, &error);
  if (plan == NULL)
    return forget_new_register (&store, created, error);
  conflicts = sam_merge_plan_count (plan, SAM_MERGE_CONFLICT);
  if (!prefer_fields (plan, prefer))
    return EXIT_BAD_INPUT;
  if (side != SAM_MERGE_SIDE_NONE)
    sam_merge_plan_prefer (plan, side);
  print_plan (plan, TRUE);
  if (dry_run)
    {
      g_print (_("Dry run: nothing was changed.\n"));
      return conflicts && side == SAM_MERGE_SIDE_NONE ? EXIT_NOTHING : EXIT_OK;
    }
  if (!sam_merge_plan_apply (plan, TRUE, &error))
    {
      if (g_error_matches (error, SAM_ERROR, SAM_ERROR_CONFLICT))
        {
          g_printerr ("samverkan-cli: %s\n", error->message);
          g_printerr (_("Run again with --prefer mine or --prefer theirs, --prefer FIELD=mine|theirs "
                        "for one field, or settle them in the application (File → Import).\n"));
          return EXIT_NOTHING;
        }
      return forget_new_register (&store, created, error);
    }
  if (sam_merge_plan_is_noop (plan))
    g_print (_("Nothing to import: the register already has all of it.\n"));
  else
    {
      g_autoptr(GPtrArray) copies = sam_backups_list (store, NULL);

      g_print (_("Imported.\n"));
      if (copies && copies->len > 0)
        g_print (_("The register as it was is kept as copy 1 (samverkan-cli backups).\n"));
      warn_dangling (store);
    }
  return EXIT_OK;
}

/* backups, restore */

int
sam_cli_backups (const char *register_path, int argc, char **argv)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line_full ("backups", "", _("List the copies of the register made before imports and restores."),
              _("Number 1 is the newest; “samverkan-cli restore N” brings one back."),
              NULL, &argc, &argv, 0, 0, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL || (list = sam_backups_list (store, &error)) == NULL)
    return fail (error);
  if (list->len == 0)
    {
      g_printerr (_("There are no copies of this register yet: one is made before every import.\n"));
      return EXIT_NOTHING;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SamBackup *backup = g_ptr_array_index (list, i);
      g_autofree char *text = sam_backup_describe (backup);

      g_print ("%-2u %s\n   %s\n", i + 1, text, backup->path);
    }
  return EXIT_OK;
}

int
sam_cli_restore_copy (const char *register_path, const char *number)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SamBackup) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 n = 0;

  store = open_register (register_path, FALSE, &error);
  if (store == NULL || (list = sam_backups_list (store, &error)) == NULL)
    return fail (error);
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &n, NULL) || n > list->len)
    {
      g_printerr (_("samverkan-cli: “%s” is not the number of a copy; there are %u (see "
                    "“samverkan-cli backups”).\n"), number, list->len);
      return EXIT_BAD_INPUT;
    }
  text = sam_backup_describe (g_ptr_array_index (list, n - 1));
  if (!sam_backups_restore (store, g_ptr_array_index (list, n - 1), &undo, &error))
    return fail (error);
  g_print (_("Brought back copy %u (%s).\n"), (guint) n, text);
  if (undo != NULL)
    g_print (_("The register as it was before the restore is now copy 1: %s\n"), undo->path);
  else
    g_print (_("The register was damaged; no copy was made of it before the restore.\n"));
  return EXIT_OK;
}

/* follow */

int
sam_cli_follow (const char *register_path, int argc, char **argv)
{
  gboolean stop = FALSE;
  GOptionEntry entries[] = {
    { "stop", 0, 0, G_OPTION_ARG_NONE, &stop, N_("Stop following FILE (its records stay, and can be edited again)"), NULL },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int status, result = EXIT_OK;

  if (sam_cli_args_name_url (argc, argv))   /* a signed publication over HTTP(S) */
    return sam_cli_follow_url (register_path, argc, argv);
  if (!parse_command_line_full ("follow", _("[FILE]"), _("Follow a published register, or bring the followed ones up to date."),
              _("FILE is an exchange file or a register file, such as one on a network share; it "
                "is only read. Its records are imported now and whenever it changes (the "
                "application watches it), and cannot be edited here. Without FILE, every "
                "followed register is read again."),
              entries, &argc, &argv, 0, 1, &status))
    return status;
  /* --stop is only known once the options are parsed */
  if (stop && argc != 2)
    {
      g_printerr ("samverkan-cli: %s\n", _("follow --stop: name the FILE to stop following."));
      return EXIT_BAD_INPUT;
    }
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (stop)
    return sam_follow_remove (store, argv[1], &error) ? EXIT_OK : fail (error);
  if (argc == 2)
    {
      g_autoptr(SamMergePlan) plan = sam_follow_plan (store, argv[1], NULL, &error);

      /* a file that does not read is not followed */
      if (plan == NULL || !sam_follow_add (store, argv[1], &error))
        return fail (error);
    }
  if (argc == 1)
    result = sam_cli_refresh_published (store);   /* those followed over HTTP(S) first */
  list = sam_follow_list (store, &error);
  if (list == NULL)
    return fail (error);
  if (list->len == 0)
    {
      g_printerr (_("This register follows no published register.\n"));
      return EXIT_NOTHING;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SamFollowed *followed = g_ptr_array_index (list, i);
      g_autoptr(SamMergePlan) plan = sam_follow_sync (store, followed->file, NULL, &error);

      if (plan == NULL)
        {
          g_printerr ("samverkan-cli: %s: %s\n", followed->file, error->message);
          g_clear_error (&error);
          result = EXIT_BAD_INPUT;
          continue;
        }
      g_print ("%s\n", followed->file);
      print_plan (plan, FALSE);
    }
  warn_dangling (store);
  return result;
}
