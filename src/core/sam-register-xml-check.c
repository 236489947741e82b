/* sam-register-xml-check.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exchange-file reader's checks across the whole file, after the
 * schema: with hash tables, in a fraction of the time libxml2 takes for
 * the schema's identity constraints. Each problem names its line.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-register-xml-private.h"

void
_sam_xml_report (Report *r, int line, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    /* Translators: a problem in a file, "line 12: the name in English is missing" */
    g_ptr_array_add (r->problems, g_strdup_printf (_("line %d: %s"), line, message));
  else
    g_ptr_array_add (r->problems, g_steal_pointer (&message));
}

/* Where steps lead, which the schema cannot check across paths. A step
 * naming an actor or route that is gone is not refused: the register keeps
 * such paths on purpose, and path validation reports them. */
static void
check_step_references (SamRegisterData *data, SamEscalationPath *path,
                       SamEscalationStep *step, Report *r)
{
  int line = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (step), "line"));
  const char *id = sam_escalation_step_get_id (step);
  const char *next = sam_escalation_step_get_next (step);
  GPtrArray *answers = sam_escalation_step_get_answers (step);

  if (next && sam_escalation_path_find_step (path, next) == NULL)
    _sam_xml_report (r, line, _("step “%s” leads to “%s”, which is not a step of this path"), id, next);
  for (guint i = 0; i < answers->len; i++)
    {
      SamStepAnswer *a = g_ptr_array_index (answers, i);
      gboolean found = FALSE;

      if (a->next && sam_escalation_path_find_step (path, a->next) == NULL)
        _sam_xml_report (r, line, _("step “%s”: an answer leads to “%s”, which is not a step of this path"),
                id, a->next);
      for (guint p = 0; a->path && p < data->paths->len; p++)
        found |= g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (data->paths, p)), a->path);
      if (a->path && !found)
        _sam_xml_report (r, line, _("step “%s”: an answer leads to the path “%s”, which is not in the file"),
                id, a->path);
    }
}

/* An actor may not be inside itself through its units. */
static void
check_parent_cycles (SamRegisterData *data, GHashTable *actors, Report *r)
{
  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      const char *parent = sam_actor_get_parent_id (actor);

      for (guint depth = 0; parent != NULL; depth++)
        {
          SamActor *up = g_hash_table_lookup (actors, parent);

          if (g_str_equal (parent, sam_actor_get_id (actor)) || depth > data->actors->len)
            {
              _sam_xml_report (r, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (actor), "line")),
                      _("actor “%s” is inside one of its own units"), sam_actor_get_id (actor));
              break;
            }
          parent = up ? sam_actor_get_parent_id (up) : NULL;
        }
    }
}

static int
line_of (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "line"));
}

/* Ids are unique across the file: actors, routes, paths, steps. */
/* FALSE when @id is in @seen already. */
static gboolean
add_unique (GHashTable *seen, const char *id, gpointer value)
{
  if (g_hash_table_contains (seen, id))
    return FALSE;
  g_hash_table_insert (seen, (char *) id, value);
  return TRUE;
}

static void
check_ids (SamRegisterData *data, GHashTable *actors, Report *r)
{
  g_autoptr(GHashTable) routes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) steps = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      GPtrArray *list = sam_actor_get_routes (actor);

      if (!add_unique (actors, sam_actor_get_id (actor), actor))
        _sam_xml_report (r, line_of (actor), _("the actor id “%s” is used twice"), sam_actor_get_id (actor));
      for (guint k = 0; k < list->len; k++)
        if (!add_unique (routes, sam_contact_route_get_id (g_ptr_array_index (list, k)), actor))
          _sam_xml_report (r, line_of (g_ptr_array_index (list, k)), _("the contact route id “%s” is used twice"),
                  sam_contact_route_get_id (g_ptr_array_index (list, k)));
    }
  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      const char *parent = sam_actor_get_parent_id (actor);

      if (parent && !g_hash_table_contains (actors, parent))
        _sam_xml_report (r, line_of (actor), _("actor “%s” is part of “%s”, which is not in the file"),
                sam_actor_get_id (actor), parent);
    }
  for (guint p = 0; p < data->paths->len; p++)
    if (!add_unique (paths, sam_escalation_path_get_id (g_ptr_array_index (data->paths, p)), NULL))
      _sam_xml_report (r, line_of (g_ptr_array_index (data->paths, p)), _("the path id “%s” is used twice"),
              sam_escalation_path_get_id (g_ptr_array_index (data->paths, p)));
  /* a record is either in the file or deleted, once */
  {
    g_autoptr(GHashTable) dead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < data->tombstones->len; i++)
      {
        SamTombstone *t = g_ptr_array_index (data->tombstones, i);
        GHashTable *live = g_str_equal (t->entity, "path") ? paths : actors;
        g_autofree char *key = g_strconcat (t->entity, ":", t->id, NULL);

        if (g_hash_table_contains (live, t->id) && live == paths)
          _sam_xml_report (r, 0, _("the path “%s” is both in the file and among its deleted records"), t->id);
        else if (g_hash_table_contains (live, t->id))
          _sam_xml_report (r, 0, _("the actor “%s” is both in the file and among its deleted records"), t->id);
        else if (!g_hash_table_insert (dead, g_steal_pointer (&key), NULL))
          _sam_xml_report (r, 0, _("the deleted record “%s” is listed twice"), t->id);
      }
  }
  for (guint p = 0; p < data->paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, p);
      GPtrArray *list = sam_escalation_path_get_steps (path);

      for (guint k = 0; k < list->len; k++)
        if (!add_unique (steps, sam_escalation_step_get_id (g_ptr_array_index (list, k)), path))
          _sam_xml_report (r, line_of (g_ptr_array_index (list, k)), _("the step id “%s” is used twice"),
                  sam_escalation_step_get_id (g_ptr_array_index (list, k)));
    }
}

void
_sam_register_xml_check_references (SamRegisterData *data, Report *r)
{
  g_autoptr(GHashTable) actors = g_hash_table_new (g_str_hash, g_str_equal);

  check_ids (data, actors, r);
  for (guint p = 0; p < data->paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, p);
      GPtrArray *steps = sam_escalation_path_get_steps (path);

      for (guint s = 0; s < steps->len; s++)
        check_step_references (data, path, g_ptr_array_index (steps, s), r);
    }
  check_parent_cycles (data, actors, r);
}
