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

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-cli.h"
#include "sam-cli-print.h"
#include "sam-cli-publish.h"
#include "sam-cli-table.h"
#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-path-check.h"
#include "sam-role-contact.h"
#include "sam-query.h"
#include "sam-search-synonyms.h"
#include "sam-register-xml.h"
#include "sam-cli-deleted.h"
#include "sam-cli-merge.h"
#include "sam-translation-check.h"

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (const char *register_path, int argc, char **argv);
} Command;

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

#define fail sam_cli_fail

static int
usage_error (GOptionContext *context, const char *message)
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
      *status = usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      *status = usage_error (context, _("Wrong number of arguments."));
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

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

static void
print_route (SamContactRoute *route, SamLang lang)
{
  g_autofree char *display = sam_contact_route_dup_display_value (route);
  const char *label = sam_text_get_best (sam_contact_route_get_label (route), lang, NULL);
  SamSchedule *hours = sam_contact_route_get_hours (route);
  g_autofree char *hours_text = hours ? sam_schedule_to_string (hours) : NULL;

  g_print ("    %-18s %-28s %s%s%s [%s]\n",
           sam_route_kind_get_label (sam_contact_route_get_kind (route)), display,
           label ? label : "", hours_text ? "  " : "", hours_text ? hours_text : "",
           sam_visibility_get_label (sam_contact_route_get_visibility (route)));
}

static void
print_actor_line (SamActor *actor, SamLang lang)
{
  g_autofree char *areas = sam_areas_join_names (sam_actor_get_areas (actor));
  GPtrArray *routes = sam_actor_get_routes (actor);

  g_print ("%s  (%s; %s)  %s\n", sam_text_get_best (sam_actor_get_name (actor), lang, NULL),
           sam_actor_kind_get_label (sam_actor_get_kind (actor)), areas, sam_actor_get_id (actor));
  for (guint i = 0; i < routes->len; i++)
    print_route (g_ptr_array_index (routes, i), lang);
}

/* init FILE */
static int
cmd_init (const char *register_path, int argc, char **argv)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line ("init", _("FILE"), _("Create an empty register in FILE."),
                           NULL, &argc, &argv, 1, 1, &status))
    return status;
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("samverkan-cli: %s already exists; nothing was changed.\n"), argv[1]);
      return EXIT_BAD_INPUT;
    }
  store = sam_store_open (argv[1], &error);
  if (store == NULL)
    {
      /* a register half made is no register */
      remove_new_register (argv[1]);
      return fail (error);
    }
  g_print (_("Created the empty register %s\n"), argv[1]);
  return EXIT_OK;
}

static gboolean
fill_query (SamQuery *query, const char *kind, GError **error)
{
  if (kind && !sam_actor_kind_from_string (kind, &query->kind))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--kind: “%s” is not a kind of actor (social-services, police, healthcare, "
                     "migration-agency, prosecution, county-board, regional-coordinator, shelter, "
                     "ngo, helpline, emergency, other)."), kind);
      return FALSE;
    }
  query->has_kind = kind != NULL;
  if (query->area && !sam_area_lookup (query->area))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--area: “%s” is not a municipality or county code (such as 2480 or 24) "
                     "nor SE."), query->area);
      return FALSE;
    }
  if (query->language && !sam_language_code_is_valid (query->language))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--language: “%s” is not a language code (ISO 639: two or three "
                     "lower-case letters, such as sv, ar or prs)."), query->language);
      return FALSE;
    }
  if (query->near && !sam_area_lookup (query->near))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--near: “%s” is not a municipality or county code (such as 2480 or 24) "
                     "nor SE."), query->near);
      return FALSE;
    }
  if (query->target_group && !sam_target_group_is_valid (query->target_group))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--target-group: “%s” is not a known target group."), query->target_group);
      return FALSE;
    }
  return TRUE;
}

static void
print_actors (GPtrArray *actors, gboolean json)
{
  SamLang lang = sam_lang_from_locale ();

  if (json)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < actors->len; i++)
        json_array_add_element (array, sam_actor_to_json (g_ptr_array_index (actors, i)));
      json_node_take_array (node, array);
      print_json (node);
      json_node_unref (node);
      return;
    }
  for (guint i = 0; i < actors->len; i++)
    print_actor_line (g_ptr_array_index (actors, i), lang);
}

/* search [filters] QUERY… */
static int
cmd_search (const char *register_path, int argc, char **argv)
{
  g_autofree char *kind = NULL;
  g_autoptr(SamQuery) query = sam_query_new (NULL);
  gboolean json = FALSE;
  int limit = 100;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only actors of this kind"), N_("KIND") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &query->area, N_("Only actors serving this area (a municipality also matches its county and the whole country)"), N_("CODE") },
    { "target-group", 0, 0, G_OPTION_ARG_STRING, &query->target_group, N_("Only actors for this target group"), N_("GROUP") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &query->language, N_("Only actors speaking this language (ISO 639-1 code)"), N_("LANG") },
    { "open-now", 0, 0, G_OPTION_ARG_NONE, &query->open_now, N_("Only actors open now (Europe/Stockholm)"), NULL },
    { "near", 0, 0, G_OPTION_ARG_STRING, &query->near, N_("Rank actors serving this area first, then its county, then the whole country (filters nothing)"), N_("CODE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many results (0: all; default 100)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line ("search", _("[QUERY…]"),
                           _("Find actors by name, description, route, area, tag or phone number."),
                           entries, &argc, &argv, 0, -1, &status))
    return status;
  if (limit < 0)
    return (g_printerr ("samverkan-cli: %s\n", _("--limit: give 0 or a positive number.")), EXIT_BAD_INPUT);
  query->limit = limit;
  query->text = g_strjoinv (" ", argv + 1);
  if (!fill_query (query, kind, &error))
    return fail (error);
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  actors = sam_store_search (store, query, &error);
  if (actors == NULL)
    return fail (error);
  /* a code no actor here speaks and Samverkan has no name for is a typing
   * error, not an empty answer */
  if (actors->len == 0 && query->language && !sam_language_is_known (query->language))
    {
      g_printerr (_("samverkan-cli: --language: “%s” is not a language Samverkan knows, and no "
                    "actor in the register speaks it.\n"), query->language);
      return EXIT_BAD_INPUT;
    }
  print_actors (actors, json);
  if (actors->len == 0 && !json)
    g_printerr (_("Nothing found. Try fewer words, or remove a filter.\n"));
  return actors->len ? EXIT_OK : EXIT_NOTHING;
}

static int
list_synonyms (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) synonyms = sam_store_list_synonyms (store, &error);

  if (synonyms == NULL)
    return fail (error);
  for (guint i = 0; i < synonyms->len; i++)
    {
      SamSynonym *synonym = g_ptr_array_index (synonyms, i);
      g_print ("%s\t%s\n", synonym->term, synonym->expansion);
    }
  return EXIT_OK;
}

/* synonyms list | add TERM EXPANSION | remove TERM [EXPANSION] */
static int
cmd_synonyms (const char *register_path, int argc, char **argv)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  int status;

  if (!parse_command_line ("synonyms", _("list|add TERM EXPANSION|remove TERM [EXPANSION]"),
                           _("Words a search also reads as others, kept in the register: "
                             "“add soc socialtjänst” makes “soc” find the social services."),
                           NULL, &argc, &argv, 1, 3, &status))
    return status;
  action = argv[1];
  if (!g_str_equal (action, "list") && !g_str_equal (action, "add") && !g_str_equal (action, "remove"))
    return (g_printerr (_("samverkan-cli: synonyms: give list, add or remove.\n")), EXIT_BAD_INPUT);
  if ((g_str_equal (action, "add") && argc != 4) || (g_str_equal (action, "remove") && argc < 3))
    return (g_printerr (_("samverkan-cli: synonyms: add needs a term and what it stands for; "
                          "remove needs a term.\n")), EXIT_BAD_INPUT);
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (g_str_equal (action, "list"))
    return list_synonyms (store);
  if (g_str_equal (action, "add") ? !sam_store_add_synonym (store, argv[2], argv[3], &error)
                                  : !sam_store_remove_synonym (store, argv[2], argc > 3 ? argv[3] : NULL, &error))
    return fail (error);
  return EXIT_OK;
}

static void
print_actor_details (SamActor *actor)
{
  SamLang lang = sam_lang_from_locale ();
  SamText *description = sam_actor_get_description (actor);
  SamSchedule *hours = sam_actor_get_hours (actor);
  g_autofree char *hours_text = hours ? sam_schedule_to_string (hours) : NULL;
  GDateTime *verified = sam_actor_get_verified_at (actor);
  g_autofree char *verified_text = verified ? g_date_time_format (verified, "%Y-%m-%d") : NULL;
  GPtrArray *languages = sam_actor_get_languages (actor);

  print_actor_line (actor, lang);
  if (sam_text_get_best (description, lang, NULL))
    g_print ("\n  %s\n", sam_text_get_best (description, lang, NULL));
  g_print ("\n  %s: %s\n", _("Hours"), hours_text ? hours_text : _("not given"));
  if (verified_text)
    /* Translators: "Verified: 2026-10-01 by Anna Berg" */
    g_print (_("  Verified: %s by %s\n"), verified_text, sam_actor_get_verified_by (actor));
  else
    g_print (_("  Verified: never\n"));
  if (languages->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < languages->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (languages, i));
      /* Translators: the languages an actor speaks, in its order: "Languages: sv, en, ar" */
      g_print (_("  Languages: %s\n"), list->str);
    }
  if (sam_actor_get_source (actor))
    /* Translators: where the actor's information was read, and when:
     * "Source: https://polisen.se/kontakt/, read 2026-10-05" */
    g_print (_("  Source: %s, read %s\n"), sam_actor_get_source (actor),
             sam_actor_get_source_read (actor) ? sam_actor_get_source_read (actor) : "?");
}

/* The paths that name @actor: deleting or changing it changes them. */
static void
print_paths_using (SamStore *store, SamActor *actor)
{
  g_autoptr(GPtrArray) paths = sam_store_list_paths_using (store, sam_actor_get_id (actor), NULL, NULL);
  SamLang lang = sam_lang_from_locale ();

  if (paths == NULL || paths->len == 0)
    return;
  g_print ("  %s\n", _("Used in paths:"));
  for (guint i = 0; i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);

      g_print ("    %s (%s)\n", sam_text_get_best (sam_escalation_path_get_title (path), lang, NULL),
               sam_escalation_path_get_id (path));
    }
}

/* show ID */
static int
cmd_show (const char *register_path, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line ("show", _("ID"), _("Show one actor with all its contact routes."),
                           entries, &argc, &argv, 1, 1, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  actor = sam_store_load_actor (store, argv[1], &error);
  if (actor == NULL && g_error_matches (error, SAM_ERROR, SAM_ERROR_NOT_FOUND))
    {
      g_printerr ("samverkan-cli: %s\n", error->message);
      return EXIT_NOTHING;
    }
  if (actor == NULL)
    return fail (error);
  if (json)
    {
      JsonNode *node = sam_actor_to_json (actor);
      print_json (node);
      json_node_unref (node);
    }
  else
    {
      print_actor_details (actor);
      print_paths_using (store, actor);
    }
  return EXIT_OK;
}

/* check */
static gboolean
check_translations (SamStore *store, GPtrArray *problems, GError **error)
{
  g_autoptr(GPtrArray) actors = sam_store_list_actors (store, error);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (actors == NULL || (paths = sam_store_list_paths (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      GPtrArray *routes = sam_actor_get_routes (actor);

      sam_translation_check_actor (actor, missing);
      for (guint j = 0; j < routes->len; j++)
        if (sam_contact_route_is_plain_http (g_ptr_array_index (routes, j)))
          g_ptr_array_add (problems, g_strdup_printf (
              _("Web address without encryption (http://): %s (%s): %s"),
              sam_actor_get_display_name (actor), sam_actor_get_id (actor),
              sam_contact_route_get_value (g_ptr_array_index (routes, j))));
    }
  for (guint i = 0; i < paths->len; i++)
    sam_translation_check_path (g_ptr_array_index (paths, i), missing);
  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (_("Missing translation: %s"),
                                                (char *) g_ptr_array_index (missing, i)));
  return TRUE;
}

static int
cmd_check (const char *register_path, int argc, char **argv)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line ("check", "",
                           _("Check the register: database integrity, format version, "
                             "actors overdue for verification, and texts missing in Swedish "
                             "or English."),
                           NULL, &argc, &argv, 0, 0, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  /* a damaged register cannot be read far enough for the other checks:
   * say so, with the copy to bring back */
  if (!sam_store_check_sound (store, &error))
    {
      g_print (_("Register: %s\n"), sam_store_get_path (store));
      return fail (error);
    }
  if (!sam_store_check_integrity (store, problems, &error))
    return fail (error);
  if (!sam_store_check_search_index (store, problems, &error))
    {
      /* the rest is still worth checking: say what was left out */
      g_printerr ("samverkan-cli: %s\n", error->message);
      g_clear_error (&error);
    }
  g_print (_("Register: %s\n"), sam_store_get_path (store));
  g_print (_("Format version: %d\n"), sam_store_get_schema_version (store));
  g_print (_("Actors: %u\n"), (guint) sam_store_count_actors (store));
  overdue = sam_store_list_overdue (store, now, &error);
  if (overdue == NULL)
    return fail (error);
  for (guint i = 0; i < overdue->len; i++)
    {
      SamActor *actor = g_ptr_array_index (overdue, i);
      GDateTime *at = sam_actor_get_verified_at (actor);
      g_autofree char *date = at ? g_date_time_format (at, "%Y-%m-%d") : NULL;

      g_ptr_array_add (problems, date
          ? g_strdup_printf (_("Overdue for verification: %s (%s), last verified %s"),
                             sam_actor_get_display_name (actor), sam_actor_get_id (actor), date)
          : g_strdup_printf (_("Overdue for verification: %s (%s), never verified"),
                             sam_actor_get_display_name (actor), sam_actor_get_id (actor)));
    }
  if (!check_translations (store, problems, &error))
    return fail (error);
  sam_cli_add_stale_problems (store, problems);   /* frozen publications */
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len == 0)
    g_print (_("No problems found.\n"));
  return problems->len ? EXIT_NOTHING : EXIT_OK;
}

/* path list | path show [--json] ID | path check */
static void
print_contact (SamStore *store, const char *what, const char *actor_id, const char *route_id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, actor_id, NULL);
  SamContactRoute *route = actor ? sam_actor_find_route (actor, route_id) : NULL;
  g_autofree char *value = route ? sam_contact_route_dup_display_value (route) : NULL;

  g_print ("      %s: %s%s%s\n", what, actor ? sam_actor_get_display_name (actor) : actor_id,
           value ? ", " : "", value ? value : "");
}

/* A role and whom it names in each municipality of the path's area. */
static void
print_role (SamStore *store, const SamStepRole *role, const char *area_code)
{
  g_autofree char *what = sam_step_role_describe (role);
  g_autoptr(GPtrArray) fills = sam_role_fill_municipalities (role, store, area_code,
                                                              SAM_VISIBILITY_PROFESSIONAL, NULL);

  g_autoptr(GString) nobody = g_string_new (NULL);

  g_print ("      %s: %s\n", _("Role"), what);
  for (guint i = 0; fills && i < fills->len; i++)
    {
      SamRoleFill *fill = g_ptr_array_index (fills, i);
      g_autofree char *value = fill->route ? sam_contact_route_dup_display_value (fill->route) : NULL;

      if (fill->actor == NULL)
        g_string_append_printf (nobody, "%s%s", nobody->len ? ", " : "", sam_area_get_name (fill->municipality));
      else
        g_print ("        %s: %s%s%s\n", sam_area_get_name (fill->municipality),
                 sam_actor_get_display_name (fill->actor), value ? ", " : "", value ? value : "");
    }
  if (nobody->len > 0)
    /* Translators: the municipalities where nobody fills a step's role, "Bjurholm, Dorotea: …" */
    g_print ("        %s: %s\n", nobody->str, _("nobody fills it; the contact below"));
}

static void
print_step (SamStore *store, SamEscalationStep *step, SamLang lang, const char *area_code)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);
  const char *text = sam_text_get_best (sam_escalation_step_get_text (step), lang, NULL);
  const char *legal = sam_text_get_best (sam_escalation_step_get_legal_ref (step), lang, NULL);
  const char *actor_id = sam_escalation_step_get_actor_id (step);
  SamUrgency urgency = sam_escalation_step_get_urgency (step);

  g_print ("  [%s] %s\n", sam_escalation_step_get_id (step), text ? text : "");
  if (urgency != SAM_URGENCY_NONE)
    g_print ("      %s: %s\n", _("Urgency"), sam_urgency_get_label (urgency));
  if (sam_escalation_step_get_role (step))
    print_role (store, sam_escalation_step_get_role (step), area_code);
  if (actor_id)
    print_contact (store, _("Contact"), actor_id, sam_escalation_step_get_route_id (step));
  for (guint i = 0; i < fallbacks->len; i++)
    {
      SamStepFallback *f = g_ptr_array_index (fallbacks, i);
      print_contact (store, _("When closed"), f->actor_id, f->route_id);
    }
  if (legal)
    g_print ("      %s: %s\n", _("Law"), legal);
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      const char *label = sam_text_get_best (&a->label, lang, NULL);

      g_print ("      %s → %s\n", label ? label : "?", a->next ? a->next : a->path);
    }
  if (sam_escalation_step_get_next (step))
    g_print ("      → %s\n", sam_escalation_step_get_next (step));
}

static int
path_list (SamStore *store, GPtrArray *paths)
{
  SamLang lang = sam_lang_from_locale ();

  for (guint i = 0; i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);
      guint n = sam_escalation_path_get_steps (path)->len;

      g_print ("%-20s %s ", sam_escalation_path_get_id (path),
               sam_text_get_best (sam_escalation_path_get_title (path), lang, NULL));
      g_print (g_dngettext (GETTEXT_PACKAGE, "(%u step)\n", "(%u steps)\n", n), n);
    }
  return paths->len ? EXIT_OK : EXIT_NOTHING;
}

static int
path_check (SamStore *store, GPtrArray *paths)
{
  guint total = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);
      g_autoptr(GPtrArray) problems = sam_path_check (path, paths, store);
      g_autoptr(GPtrArray) warnings = sam_path_check_roles (path, store, NULL);

      for (guint k = 0; k < problems->len; k++)
        g_print ("%s: %s\n", sam_escalation_path_get_id (path), (char *) g_ptr_array_index (problems, k));
      /* a warning is no problem: the step's own contact stands in */
      for (guint k = 0; warnings && k < warnings->len; k++)
        g_print ("%s: %s: %s\n", sam_escalation_path_get_id (path), _("warning"),
                 (char *) g_ptr_array_index (warnings, k));
      total += problems->len;
    }
  if (total == 0)
    g_print (_("No problems found.\n"));
  return total ? EXIT_NOTHING : EXIT_OK;
}

static int
cmd_path (const char *register_path, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (path show)"), NULL },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  SamEscalationPath *path = NULL;
  const char *what;
  int status;

  if (!parse_command_line ("path", _("list|show ID|check"),
                           _("List the escalation paths, show one with its steps, or check them all."),
                           entries, &argc, &argv, 1, 2, &status))
    return status;
  what = argv[1];
  if (!g_str_equal (what, "list") && !g_str_equal (what, "show") && !g_str_equal (what, "check"))
    return (g_printerr (_("samverkan-cli: “%s” is not list, show or check.\n"), what), EXIT_BAD_INPUT);
  if (g_str_equal (what, "show") != (argc == 3))
    return (g_printerr ("samverkan-cli: %s\n", _("Wrong number of arguments.")), EXIT_BAD_INPUT);
  store = open_register (register_path, FALSE, &error);
  if (store == NULL || (paths = sam_store_list_paths (store, &error)) == NULL)
    return fail (error);
  if (g_str_equal (what, "list"))
    return path_list (store, paths);
  if (g_str_equal (what, "check"))
    return path_check (store, paths);

  for (guint i = 0; i < paths->len; i++)
    if (g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (paths, i)), argv[2]))
      path = g_ptr_array_index (paths, i);
  if (path == NULL)
    {
      g_printerr (_("samverkan-cli: There is no escalation path with the id “%s” in the register.\n"), argv[2]);
      return EXIT_NOTHING;
    }
  if (json)
    {
      JsonNode *node = sam_path_to_json (path);
      print_json (node);
      json_node_unref (node);
      return EXIT_OK;
    }
  g_print ("%s\n", sam_text_get_best (sam_escalation_path_get_title (path), sam_lang_from_locale (), NULL));
  for (guint i = 0; i < sam_escalation_path_get_steps (path)->len; i++)
    print_step (store, g_ptr_array_index (sam_escalation_path_get_steps (path), i), sam_lang_from_locale (),
                sam_escalation_path_get_area (path));
  return EXIT_OK;
}

static const Command commands[] = {
  { "init",   N_("FILE"),     N_("Create an empty register"), cmd_init },
  { "import", N_("IN.xml"),   N_("Import an exchange file (--merge: into a register with data)"), sam_cli_import },
  { "import-table", N_("FILE"), N_("Import a spreadsheet of contacts (CSV, ODS, XLSX)"), sam_cli_import_table },
  { "export", N_("OUT"),      N_("Export the register, or a part of it: XML, vCard, CSV or HSDS"), sam_cli_export },
  { "search", N_("[QUERY…]"), N_("Find actors"), cmd_search },
  { "synonyms", N_("list|add|remove"), N_("Words a search reads as others"), cmd_synonyms },
  { "show",   N_("ID"),       N_("Show one actor"), cmd_show },
  { "check",  "",             N_("Check the register"), cmd_check },
  { "path",   N_("list|show ID|check"), N_("Escalation paths"), cmd_path },
  { "backups", "",            N_("List the copies made before imports"), sam_cli_backups },
  { "deleted", "",            N_("List deleted actors and paths that can be restored"), sam_cli_deleted },
  { "restore", N_("ID|N"),    N_("Bring back a deleted actor or path, or copy N of the register"), sam_cli_restore },
  { "purge",  N_("--older-than DAYS"), N_("Remove deleted records for good"), sam_cli_purge },
  { "follow", N_("[FILE|URL]"), N_("Follow a published register"), sam_cli_follow },
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
    return usage_error (context, error->message);
  if (version)
    {
      g_print ("samverkan-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2)
    return usage_error (context, _("Give a command."));
  if (register_path != NULL && *register_path == '\0')
    return usage_error (context, _("--register: give the name of a register file."));
  if (!check_environment (&error))
    return (g_printerr ("samverkan-cli: %s\n", error->message), EXIT_BAD_INPUT);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (register_path, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
    return usage_error (context, message);
  }
}
