/* sam-cli-deleted.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli deleted [--json]
 * samverkan-cli restore ID|N
 * samverkan-cli purge --older-than DAYS
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sam-cli.h"
#include "sam-cli-deleted.h"
#include "sam-cli-merge.h"
#include "sam-schedule.h"
#include "sam-store-deleted.h"
#include "sam-timestamp.h"

#define fail sam_cli_fail

static JsonNode *
record_to_json (SamDeletedRecord *record)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *at = record->deleted_at ? sam_timestamp_format (record->deleted_at) : NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entity");
  json_builder_add_string_value (b, record->entity);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, record->id);
  json_builder_set_member_name (b, "name_sv");
  json_builder_add_string_value (b, sam_text_get (&record->name, SAM_LANG_SV));
  json_builder_set_member_name (b, "name_en");
  json_builder_add_string_value (b, sam_text_get (&record->name, SAM_LANG_EN));
  json_builder_set_member_name (b, "deleted_at");
  json_builder_add_string_value (b, at);
  json_builder_set_member_name (b, "deleted_by");
  json_builder_add_string_value (b, record->deleted_by);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, record->source);
  json_builder_set_member_name (b, "followed");
  json_builder_add_boolean_value (b, record->followed);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_json_list (GPtrArray *records)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (array, record_to_json (g_ptr_array_index (records, i)));
  json_node_take_array (root, array);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

static void
print_record (SamDeletedRecord *record)
{
  /* Stockholm time, as the application shows it */
  g_autoptr(GDateTime) local = record->deleted_at ? g_date_time_to_timezone (record->deleted_at,
                                                                             sam_time_zone ()) : NULL;
  g_autofree char *at = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
  const char *name = sam_text_get_best (&record->name, sam_lang_from_locale (), NULL);
  const char *what = g_str_equal (record->entity, "path") ? _("path") : _("actor");

  g_print ("%s  %-5s  %s  %s\n", at, what, record->id, name ? name : "");
  if (record->source != NULL)
    g_print ("      %s\n", record->source);
  else if (record->deleted_by != NULL)
    g_print ("      %s\n", record->deleted_by);
  if (record->followed)
    g_print ("      %s\n", _("owned by a followed register: it cannot be restored here"));
}

int
sam_cli_deleted (const char *register_path, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line_full ("deleted", "", _("List the deleted actors and escalation paths that can still be restored."),
                                _("Newest first, with when and by whom each was deleted. Bring one "
                                  "back with “samverkan-cli restore ID”."),
                                entries, &argc, &argv, 0, 0, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL || (records = sam_store_list_deleted (store, &error)) == NULL)
    return fail (error);
  if (json)
    print_json_list (records);
  else if (records->len == 0)
    g_print ("%s\n", _("Nothing has been deleted."));
  for (guint i = 0; !json && i < records->len; i++)
    print_record (g_ptr_array_index (records, i));
  return EXIT_OK;
}

/* A deleted record by that id, else a copy's number. */
static gboolean
names_copy (SamStore *store, const char *arg)
{
  g_autoptr(GPtrArray) records = sam_store_list_deleted (store, NULL);
  guint64 n;

  for (guint i = 0; records != NULL && i < records->len; i++)
    if (g_str_equal (((SamDeletedRecord *) g_ptr_array_index (records, i))->id, arg))
      return FALSE;
  return g_ascii_string_to_unsigned (arg, 10, 1, G_MAXUINT, &n, NULL);
}

int
sam_cli_restore (const char *register_path, int argc, char **argv)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line_full ("restore", _("ID|N"),
                                _("Bring back a deleted actor or escalation path, or copy N of the register."),
                                _("ID is a deleted actor or path (see “samverkan-cli deleted”): it "
                                  "comes back as a new revision, which later merges take over the "
                                  "deletion. A number N brings back copy N of the whole register (see "
                                  "“samverkan-cli backups”); the register as it is is copied first, so "
                                  "that restore can itself be undone."),
                                NULL, &argc, &argv, 1, 1, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (names_copy (store, argv[1]))
    {
      g_clear_object (&store);
      return sam_cli_restore_copy (register_path, argv[1]);
    }
  if (!sam_store_restore_record (store, argv[1], &error))
    return fail (error);
  g_print (_("Restored “%s”.\n"), argv[1]);
  return EXIT_OK;
}

int
sam_cli_purge (const char *register_path, int argc, char **argv)
{
  int days = -1;
  GOptionEntry entries[] = {
    { "older-than", 0, 0, G_OPTION_ARG_INT, &days, N_("Purge what was deleted more than DAYS days ago (0: everything deleted)"), N_("DAYS") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) before = NULL;
  guint purged = 0, kept = 0;
  int status;

  if (!parse_command_line_full ("purge", _("--older-than DAYS"),
                                _("Remove the details of deleted actors and escalation paths for good."),
                                _("A purged record can no longer be restored. What other registers "
                                  "need to learn of the deletion (its id and revision) is kept. The "
                                  "application purges by itself after the number of days set in its "
                                  "preferences."),
                                entries, &argc, &argv, 0, 0, &status))
    return status;
  if (days < 0)
    return (g_printerr ("samverkan-cli: %s\n", _("--older-than: give a number of days, 0 or more.")),
            EXIT_BAD_INPUT);
  now = sam_now_local ();
  before = g_date_time_add_days (now, -days);
  store = open_register (register_path, FALSE, &error);
  if (store == NULL || !sam_store_purge_deleted (store, before, &purged, &kept, &error))
    return fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Purged %u deleted record.\n", "Purged %u deleted records.\n",
                        purged), purged);
  if (kept > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Kept %u that a followed register owns.\n",
                          "Kept %u that a followed register owns.\n", kept), kept);
  return EXIT_OK;
}
