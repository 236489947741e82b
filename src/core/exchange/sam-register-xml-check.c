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
#include "sam-store-sync.h"

void
_sam_xml_report_take (Report *r, int line, char *problem)
{
  /* the last word (line G_MAXINT) says that there were more */
  if (r->problems->len >= SAM_XML_MAX_PROBLEMS && line != G_MAXINT)
    {
      r->too_many = r->broken = TRUE;
      g_free (problem);
      return;
    }
  if (r->lines == NULL)
    r->lines = g_array_new (FALSE, TRUE, sizeof (int));
  /* problems the caller had before have no line here */
  g_array_set_size (r->lines, r->problems->len);
  g_array_append_val (r->lines, line);
  g_ptr_array_add (r->problems, problem);
}

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
    _sam_xml_report_take (r, line, g_strdup_printf (_("line %d: %s"), line, message));
  else
    _sam_xml_report_take (r, 0, g_steal_pointer (&message));
}

typedef struct {
  int line;
  guint index;
  char *problem;
} Entry;

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

void
_sam_xml_report_finish (Report *r, guint from)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  /* in the order of the file; what has no line (the file as a whole) first */
  if (r->lines != NULL)
    {
      g_array_set_size (r->lines, r->problems->len);
      for (guint i = from; i < r->problems->len; i++)
        {
          Entry e = { g_array_index (r->lines, int, i), i, g_ptr_array_index (r->problems, i) };
          g_array_append_val (entries, e);
        }
      g_array_sort (entries, compare_entries);
      for (guint i = 0; i < entries->len; i++)
        r->problems->pdata[from + i] = g_array_index (entries, Entry, i).problem;
    }
  g_clear_pointer (&r->lines, g_array_unref);
}

/* Where steps lead, which the schema cannot check across paths. A step
 * naming an actor nobody knows (neither the file, with its deleted records,
 * nor the register) is refused like a step leading nowhere
 * (_sam_xml_check_named_actors); one naming a deleted actor or a route that
 * is gone is not: the register keeps such paths (the import warns, and path
 * validation reports them). */
static void
check_step_references (SamEscalationPath *path, SamEscalationStep *step, GHashTable *paths,
                       Report *r)
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

      if (a->next && sam_escalation_path_find_step (path, a->next) == NULL)
        _sam_xml_report (r, line, _("step “%s”: an answer leads to “%s”, which is not a step of this path"),
                id, a->next);
      if (a->path && !g_hash_table_contains (paths, a->path))
        _sam_xml_report (r, line, _("step “%s”: an answer leads to the path “%s”, which is not in the file"),
                id, a->path);
    }
}

/* What the check keeps of each actor once the actor itself has gone on
 * (to the store, when importing). */
typedef struct {
  char *parent;
  int line;
} ActorEntry;

struct _SamXmlCheck {
  GHashTable *actors;   /* id → ActorEntry */
  GHashTable *routes;   /* ids */
};

static void
actor_entry_free (ActorEntry *entry)
{
  g_free (entry->parent);
  g_free (entry);
}

SamXmlCheck *
_sam_xml_check_new (void)
{
  SamXmlCheck *check = g_new0 (SamXmlCheck, 1);

  check->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) actor_entry_free);
  check->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return check;
}

void
_sam_xml_check_free (SamXmlCheck *check)
{
  g_hash_table_unref (check->actors);
  g_hash_table_unref (check->routes);
  g_free (check);
}

static int
line_of (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "line"));
}

/* Ids are unique across the file: actors and their routes as they come. */
void
_sam_xml_check_actor (SamXmlCheck *check, SamActor *actor, int line, Report *r)
{
  const char *id = sam_actor_get_id (actor);
  GPtrArray *list = sam_actor_get_routes (actor);

  if (id == NULL)
    return;
  if (g_hash_table_contains (check->actors, id))
    _sam_xml_report (r, line, _("the actor id “%s” is used twice"), id);
  else
    {
      ActorEntry *entry = g_new (ActorEntry, 1);

      entry->parent = g_strdup (sam_actor_get_parent_id (actor));
      entry->line = line;
      g_hash_table_insert (check->actors, g_strdup (id), entry);
    }
  for (guint k = 0; k < list->len; k++)
    {
      const char *route = sam_contact_route_get_id (g_ptr_array_index (list, k));

      if (route != NULL && !g_hash_table_add (check->routes, g_strdup (route)))
        _sam_xml_report (r, line_of (g_ptr_array_index (list, k)),
                         _("the contact route id “%s” is used twice"), route);
    }
}

static gint
compare_lines (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *actors = user_data;
  const ActorEntry *ea = g_hash_table_lookup (actors, *(const char * const *) a);
  const ActorEntry *eb = g_hash_table_lookup (actors, *(const char * const *) b);

  return (ea->line > eb->line) - (ea->line < eb->line);
}

/* Every parent is in the file, and no actor is inside itself through its
 * units. In file order, so the problems come in the order of their lines. */
static void
check_parents (SamXmlCheck *check, Report *r)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_hash_table_size (check->actors);

  g_hash_table_iter_init (&iter, check->actors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((ActorEntry *) value)->parent != NULL)
      g_ptr_array_add (order, key);
  g_ptr_array_sort_with_data (order, compare_lines, check->actors);
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      ActorEntry *entry = g_hash_table_lookup (check->actors, id);
      const char *parent = entry->parent;

      if (!g_hash_table_contains (check->actors, parent))
        {
          _sam_xml_report (r, entry->line, _("actor “%s” is part of “%s”, which is not in the file"),
                           id, parent);
          continue;
        }
      for (guint depth = 0; parent != NULL; depth++)
        {
          ActorEntry *up = g_hash_table_lookup (check->actors, parent);

          if (g_str_equal (parent, id) || depth > n)
            {
              _sam_xml_report (r, entry->line, _("actor “%s” is inside one of its own units"), id);
              break;
            }
          parent = up ? up->parent : NULL;
        }
    }
}

/* Paths and steps are unique; a record is either in the file or deleted, once. */
static void
check_ids (SamXmlCheck *check, SamRegisterData *data, GHashTable *paths, Report *r)
{
  g_autoptr(GHashTable) dead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < data->paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, p);
      const char *id = sam_escalation_path_get_id (path);

      if (g_hash_table_contains (paths, id))
        _sam_xml_report (r, line_of (path), _("the path id “%s” is used twice"), id);
      else
        g_hash_table_add (paths, (char *) id);
    }
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);
      gboolean is_path = g_str_equal (t->entity, "path");
      g_autofree char *key = g_strconcat (t->entity, ":", t->id, NULL);

      if (is_path && g_hash_table_contains (paths, t->id))
        _sam_xml_report (r, t->line, _("the path “%s” is both in the file and among its deleted records"), t->id);
      else if (!is_path && g_hash_table_contains (check->actors, t->id))
        _sam_xml_report (r, t->line, _("the actor “%s” is both in the file and among its deleted records"), t->id);
      else if (!g_hash_table_insert (dead, g_steal_pointer (&key), NULL))
        _sam_xml_report (r, t->line, _("the deleted record “%s” is listed twice"), t->id);
    }
  /* step ids are unique within their path (format 3); two paths may
   * both have a step "s1" */
  for (guint p = 0; p < data->paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, p);
      GPtrArray *list = sam_escalation_path_get_steps (path);
      g_autoptr(GHashTable) steps = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < list->len; k++)
        {
          const char *id = sam_escalation_step_get_id (g_ptr_array_index (list, k));

          if (g_hash_table_contains (steps, id))
            _sam_xml_report (r, line_of (g_ptr_array_index (list, k)),
                             _("the step id “%s” is used twice in the path “%s”"), id,
                             sam_escalation_path_get_id (path));
          else
            g_hash_table_add (steps, (char *) id);
        }
    }
}

/* An actor the file or the register knows of, deleted or not: a step naming
 * a deleted actor is a dangling reference (the import warns), one naming an
 * actor nobody knows is a mistake in the file. */
static gboolean
actor_known (const char *id, GHashTable *file_actors, const SamRegisterData *data, SamStore *store)
{
  if (g_hash_table_contains (file_actors, id))
    return TRUE;
  for (guint i = 0; i < data->tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (data->tombstones, i);

      if (g_str_equal (t->entity, "actor") && g_strcmp0 (t->id, id) == 0)
        return TRUE;
    }
  if (store != NULL)
    {
      g_autoptr(SamActor) actor = _sam_store_load_actor_full (store, id, TRUE, NULL);
      return actor != NULL;
    }
  return FALSE;
}

static void
check_step_actors (const SamRegisterData *data, SamEscalationStep *step, GHashTable *file_actors,
                   SamStore *store, Report *r)
{
  const char *id = sam_escalation_step_get_id (step);
  const char *actor = sam_escalation_step_get_actor_id (step);
  GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);
  int line = line_of (step);

  if (actor && !actor_known (actor, file_actors, data, store))
    _sam_xml_report (r, line, store ? _("step “%s” names the actor “%s”, which is neither in the "
                                        "file nor in the register")
                                    : _("step “%s” names the actor “%s”, which is not in the file"),
                     id, actor);
  for (guint i = 0; i < fallbacks->len; i++)
    {
      const char *other = ((SamStepFallback *) g_ptr_array_index (fallbacks, i))->actor_id;

      if (other && !actor_known (other, file_actors, data, store))
        _sam_xml_report (r, line, store ? _("step “%s”: a fallback names the actor “%s”, which is "
                                            "neither in the file nor in the register")
                                        : _("step “%s”: a fallback names the actor “%s”, which is "
                                            "not in the file"),
                         id, other);
    }
}

void
_sam_xml_check_named_actors (const SamRegisterData *data, GHashTable *file_actors, SamStore *store,
                             Report *r)
{
  g_autoptr(GHashTable) own = NULL;

  if (file_actors == NULL)
    {
      file_actors = own = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < data->actors->len; i++)
        if (sam_actor_get_id (g_ptr_array_index (data->actors, i)) != NULL)
          g_hash_table_add (own, (char *) sam_actor_get_id (g_ptr_array_index (data->actors, i)));
    }
  for (guint p = 0; p < data->paths->len; p++)
    {
      GPtrArray *steps = sam_escalation_path_get_steps (g_ptr_array_index (data->paths, p));

      for (guint s = 0; s < steps->len; s++)
        check_step_actors (data, g_ptr_array_index (steps, s), file_actors, store, r);
    }
}

gboolean
sam_register_data_check_actors (const SamRegisterData *data,
                                SamStore              *store,
                                const char            *filename,
                                GError               **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Report r = { .problems = problems };

  g_return_val_if_fail (data != NULL, FALSE);

  _sam_xml_check_named_actors (data, NULL, store, &r);
  if (problems->len == 0)
    return TRUE;
  _sam_xml_set_problems_error (error, filename, &r);
  return FALSE;
}

void
_sam_xml_check_finish (SamXmlCheck *check, SamRegisterData *data, Report *r)
{
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);

  check_parents (check, r);
  check_ids (check, data, paths, r);
  for (guint p = 0; p < data->paths->len; p++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, p);
      GPtrArray *steps = sam_escalation_path_get_steps (path);

      for (guint s = 0; s < steps->len; s++)
        check_step_references (path, g_ptr_array_index (steps, s), paths, r);
    }
  if (r->actors_in_file)
    _sam_xml_check_named_actors (data, check->actors, NULL, r);
}
