/* sam-export-filter.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-areas.h"
#include "sam-atomic-file.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

/* Route id → route (a reference) of every actor in @actors. */
static GHashTable *
route_table (GPtrArray *actors)
{
  GHashTable *routes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < actors->len; i++)
    {
      GPtrArray *list = sam_actor_get_routes (g_ptr_array_index (actors, i));

      for (guint k = 0; k < list->len; k++)
        {
          SamContactRoute *route = g_ptr_array_index (list, k);

          if (sam_contact_route_get_id (route) != NULL)
            g_hash_table_insert (routes, (char *) sam_contact_route_get_id (route), g_object_ref (route));
        }
    }
  return routes;
}

/* Replaces each element of @list (of GObjects, owned) by what @limit makes of it. */
static void
replace_each (GPtrArray *list, gpointer (*limit) (gpointer, SamVisibility, GHashTable *),
              SamVisibility audience, GHashTable *routes)
{
  for (guint i = 0; i < list->len; i++)
    {
      gpointer old = g_ptr_array_index (list, i);

      gpointer limited = limit (old, audience, routes);
      SamAncestry *ancestry = _sam_record_get_ancestry (old);

      /* a record read from a file keeps its history, and says what it
       * no longer holds */
      if (limited != old && ancestry != NULL)
        _sam_record_set_ancestry (limited, _sam_merge_view_ancestry (ancestry, old, limited));
      g_ptr_array_index (list, i) = limited;
      g_object_unref (old);
    }
}

static gpointer
limit_actor (gpointer actor, SamVisibility audience, GHashTable *routes)
{
  return sam_audience_actor (actor, audience);
}

static gpointer
limit_path (gpointer path, SamVisibility audience, GHashTable *routes)
{
  return sam_audience_path (path, audience, routes);
}

void
sam_audience_limit_data (SamRegisterData *data, SamVisibility audience)
{
  g_autoptr(GHashTable) routes = NULL;

  g_return_if_fail (data != NULL);

  /* the routes as the file has them: a path may name one the audience may not see */
  routes = route_table (data->actors);
  replace_each (data->actors, limit_actor, audience, routes);
  replace_each (data->paths, limit_path, audience, routes);
  if (data->audience > audience)
    data->audience = audience;
}

/* Filters */

void
sam_export_filter_init (SamExportFilter *filter)
{
  *filter = (SamExportFilter) { NULL, NULL, SAM_EXPORT_DEFAULT_AUDIENCE, NULL };
}

void
sam_export_filter_init_everything (SamExportFilter *filter)
{
  *filter = (SamExportFilter) { NULL, NULL, SAM_VISIBILITY_INTERNAL, NULL };
}

gboolean
sam_export_filter_check (const SamExportFilter *filter, SamStore *store, GError **error)
{
  for (guint i = 0; filter->areas && filter->areas[i]; i++)
    if (sam_area_lookup (filter->areas[i]) == NULL)
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("--area: “%s” is not a municipality or county code (such as 2480 "
                             "or 24) nor SE."), filter->areas[i]), FALSE);
  for (guint i = 0; filter->kinds && filter->kinds[i]; i++)
    {
      SamActorKind kind;
      if (!sam_actor_kind_from_string (filter->kinds[i], &kind))
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                             _("--kind: “%s” is not a kind of actor (social-services, police, "
                               "healthcare, migration-agency, prosecution, county-board, "
                               "regional-coordinator, shelter, ngo, helpline, emergency, other)."),
                             filter->kinds[i]), FALSE);
    }
  for (guint i = 0; filter->paths && filter->paths[i]; i++)
    {
      g_autoptr(SamEscalationPath) path = sam_store_load_path (store, filter->paths[i], NULL);
      if (path == NULL)
        return (g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                             _("--path: there is no escalation path with the id “%s” in the "
                               "register."), filter->paths[i]), FALSE);
    }
  return TRUE;
}

/* @area is within @code: the same, inside the county @code, or @code is SE. */
static gboolean
area_within (const char *area, const char *code)
{
  const SamArea *a;

  if (g_str_equal (code, "SE") || g_str_equal (area, code))
    return TRUE;
  a = sam_area_lookup (area);
  return a != NULL && a->county != NULL && g_str_equal (a->county, code);
}

static gboolean
areas_match (GPtrArray *areas, char **codes)
{
  if (codes == NULL)
    return TRUE;
  for (guint i = 0; i < areas->len; i++)
    for (guint k = 0; codes[k]; k++)
      if (area_within (g_ptr_array_index (areas, i), codes[k]))
        return TRUE;
  return FALSE;
}

static gboolean
kind_matches (const char *kind, char **kinds)
{
  return kinds == NULL || g_strv_contains ((const char * const *) kinds, kind);
}

static void
add_with_parents (GHashTable *chosen, GHashTable *by_id, const char *id)
{
  for (guint depth = 0; id != NULL && depth < 64; depth++)
    {
      SamActor *actor = g_hash_table_lookup (by_id, id);

      if (actor == NULL || !g_hash_table_add (chosen, (char *) sam_actor_get_id (actor)))
        return;
      id = sam_actor_get_parent_id (actor);
    }
}

/* A deleted actor's kind and areas, for the filter. */
static gboolean
tombstone_matches (SamStore *store, SamTombstone *t, const SamExportFilter *filter)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *kind = NULL;

  if (g_str_equal (t->entity, "path"))
    return filter->paths == NULL && filter->kinds == NULL;
  if (filter->paths != NULL && filter->areas == NULL && filter->kinds == NULL)
    return FALSE;
  if (!_sam_store_get_actor_facets (store, t->id, &kind, areas, NULL))
    return FALSE;
  return kind_matches (kind, filter->kinds) && areas_match (areas, filter->areas);
}

static gboolean
select_records (SamStore *store, const SamExportFilter *filter, SamRegisterData *data,
                GPtrArray *actors, GPtrArray *paths, GPtrArray *tombstones)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) paths_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) chosen_paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  gboolean by_actor = filter->areas != NULL || filter->kinds != NULL;

  for (guint i = 0; i < actors->len; i++)
    g_hash_table_insert (by_id, (char *) sam_actor_get_id (g_ptr_array_index (actors, i)),
                         g_ptr_array_index (actors, i));
  for (guint i = 0; i < paths->len; i++)
    g_hash_table_insert (paths_by_id, (char *) sam_escalation_path_get_id (g_ptr_array_index (paths, i)),
                         g_ptr_array_index (paths, i));

  /* actors by area and kind, or all of them when neither (and no path) is asked for */
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);

      if ((by_actor || filter->paths == NULL) &&
          kind_matches (sam_actor_kind_to_string (sam_actor_get_kind (actor)), filter->kinds) &&
          areas_match (sam_actor_get_areas (actor), filter->areas))
        add_with_parents (chosen, by_id, sam_actor_get_id (actor));
    }
  /* paths: those asked for, else those of the areas, else all (not by kind alone) */
  for (guint i = 0; i < paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (paths, i);
      const char *id = sam_escalation_path_get_id (path);
      gboolean take;

      if (filter->paths != NULL)
        take = g_strv_contains ((const char * const *) filter->paths, id);
      else if (filter->areas != NULL)
        take = g_strv_length (filter->areas) > 0 &&
               ({ gboolean in = FALSE;
                  for (guint k = 0; filter->areas[k]; k++)
                    in |= area_within (sam_escalation_path_get_area (path) ? sam_escalation_path_get_area (path) : "SE",
                                       filter->areas[k]);
                  in; });
      else
        take = filter->kinds == NULL;
      if (take && g_hash_table_add (chosen_paths, (char *) id))
        g_ptr_array_add (queue, path);
    }
  /* a file carries the paths its answers lead to, and the actors its steps name */
  for (guint q = 0; q < queue->len; q++)
    {
      GPtrArray *steps = sam_escalation_path_get_steps (g_ptr_array_index (queue, q));

      for (guint s = 0; s < steps->len; s++)
        {
          SamEscalationStep *step = g_ptr_array_index (steps, s);
          GPtrArray *answers = sam_escalation_step_get_answers (step);

          GPtrArray *fallbacks = sam_escalation_step_get_fallbacks (step);

          if (sam_escalation_step_get_actor_id (step))
            add_with_parents (chosen, by_id, sam_escalation_step_get_actor_id (step));
          for (guint f = 0; f < fallbacks->len; f++)
            add_with_parents (chosen, by_id,
                              ((SamStepFallback *) g_ptr_array_index (fallbacks, f))->actor_id);
          for (guint a = 0; a < answers->len; a++)
            {
              SamStepAnswer *answer = g_ptr_array_index (answers, a);
              SamEscalationPath *next = answer->path ? g_hash_table_lookup (paths_by_id, answer->path) : NULL;

              if (next && g_hash_table_add (chosen_paths, (char *) sam_escalation_path_get_id (next)))
                g_ptr_array_add (queue, next);
            }
        }
    }

  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      if (g_hash_table_contains (chosen, sam_actor_get_id (actor)))
        g_ptr_array_add (data->actors, g_object_ref (actor));
    }
  for (guint i = 0; i < paths->len; i++)
    if (g_hash_table_contains (chosen_paths, sam_escalation_path_get_id (g_ptr_array_index (paths, i))))
      g_ptr_array_add (data->paths, g_object_ref (g_ptr_array_index (paths, i)));
  /* the one rule for what the audience may see, for routes and for the steps naming them */
  {
    g_autoptr(GHashTable) routes = route_table (actors);

    replace_each (data->actors, limit_actor, filter->audience, routes);
    replace_each (data->paths, limit_path, filter->audience, routes);
  }
  for (guint i = 0; i < tombstones->len; i++)
    {
      SamTombstone *t = g_ptr_array_index (tombstones, i);

      if (tombstone_matches (store, t, filter))
        {
          SamTombstone *copy = g_new0 (SamTombstone, 1);

          copy->entity = g_strdup (t->entity);
          copy->id = g_strdup (t->id);
          copy->revision = t->revision;
          copy->deleted = t->deleted ? g_date_time_ref (t->deleted) : NULL;
          g_ptr_array_add (data->tombstones, copy);
        }
    }
  return TRUE;
}

SamRegisterData *
sam_export_collect (SamStore *store, const SamExportFilter *filter, GError **error)
{
  g_autoptr(SamRegisterData) data = sam_register_data_new ();
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_tombstone_free);
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  SamExportFilter by_default;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  if (filter == NULL)
    {
      sam_export_filter_init (&by_default);
      filter = &by_default;
    }
  /* one read transaction: one consistent snapshot */
  if (!_sam_store_begin_read (store, error))
    return NULL;
  ok = sam_store_get_meta (store, &data->meta, error) &&
       (actors = _sam_store_list_all_actors (store, error)) != NULL &&
       (paths = sam_store_list_paths (store, error)) != NULL &&
       _sam_store_list_tombstones (store, tombstones, error);
  if (ok)
    {
      data->source = _sam_store_dup_instance (store);
      data->exported = g_date_time_add_seconds (utc, -g_date_time_get_microsecond (utc) / 1e6);
      data->audience = filter->audience;
      ok = select_records (store, filter, data, actors, paths, tombstones) &&
           sam_merge_attach_ancestry (store, data, actors, paths, error);
    }
  _sam_store_end_read (store);
  if (!ok)
    return NULL;
  return g_steal_pointer (&data);
}

gboolean
sam_export_to_file (SamStore              *store,
                    const SamExportFilter *filter,
                    GFile                 *file,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(SamRegisterData) data = sam_export_collect (store, filter, error);
  g_autoptr(SamAtomicFile) out = NULL;

  if (data == NULL)
    return FALSE;
  /* beside the target and renamed: a failure leaves the old file */
  out = sam_atomic_file_new_for_file (file, error);
  return out != NULL &&
         sam_register_xml_write_data (data, sam_atomic_file_get_stream (out), cancellable, error) &&
         sam_atomic_file_commit (out, cancellable, error);
}

char *
sam_export_to_data (SamStore *store, const SamExportFilter *filter, gsize *length, GError **error)
{
  g_autoptr(SamRegisterData) data = sam_export_collect (store, filter, error);
  g_autoptr(GOutputStream) stream = NULL;

  if (data == NULL)
    return NULL;
  stream = g_memory_output_stream_new_resizable ();
  if (!sam_register_xml_write_data (data, stream, NULL, error))
    return NULL;
  if (length)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  if (!g_output_stream_write_all (stream, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}
