/* sam-cli-search.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli search [filters] QUERY…, show ID and synonyms: finding actors
 * and reading one.
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-cli.h"
#include "sam-cli-search.h"
#include "sam-errors.h"
#include "sam-query.h"
#include "sam-search-synonyms.h"

#define fail sam_cli_fail

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
      sam_cli_print_json (node);
      json_node_unref (node);
      return;
    }
  for (guint i = 0; i < actors->len; i++)
    print_actor_line (g_ptr_array_index (actors, i), lang);
}

/* search [filters] QUERY… */
int
sam_cli_search (const char *register_path, int argc, char **argv)
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
int
sam_cli_synonyms (const char *register_path, int argc, char **argv)
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
int
sam_cli_show (const char *register_path, int argc, char **argv)
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
      sam_cli_print_json (node);
      json_node_unref (node);
    }
  else
    {
      print_actor_details (actor);
      print_paths_using (store, actor);
    }
  return EXIT_OK;
}
