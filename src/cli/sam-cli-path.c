/* sam-cli-path.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli path list | path show [--json] ID | path check: the
 * escalation paths, one with its steps and whom each names, their check.
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sam-actor-json.h"
#include "sam-areas.h"
#include "sam-cli.h"
#include "sam-cli-path.h"
#include "sam-path-check.h"
#include "sam-role-contact.h"

#define fail sam_cli_fail

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

int
sam_cli_path (const char *register_path, int argc, char **argv)
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
      sam_cli_print_json (node);
      json_node_unref (node);
      return EXIT_OK;
    }
  g_print ("%s\n", sam_text_get_best (sam_escalation_path_get_title (path), sam_lang_from_locale (), NULL));
  for (guint i = 0; i < sam_escalation_path_get_steps (path)->len; i++)
    print_step (store, g_ptr_array_index (sam_escalation_path_get_steps (path), i), sam_lang_from_locale (),
                sam_escalation_path_get_area (path));
  return EXIT_OK;
}
