/* sam-cli-register.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli init FILE and check: making an empty register and checking
 * one as a whole.
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-cli.h"
#include "sam-cli-publish.h"
#include "sam-cli-register.h"
#include "sam-translation-check.h"

#define fail sam_cli_fail

/* init FILE */
int
sam_cli_init (const char *register_path, int argc, char **argv)
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

int
sam_cli_check (const char *register_path, int argc, char **argv)
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
