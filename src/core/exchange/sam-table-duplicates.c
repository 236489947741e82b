/* sam-table-duplicates.c — rows whose actor the register already has
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same id, the same name in the same area, or the same phone number:
 * such a row is offered for merging rather than added twice.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-phone.h"
#include "sam-table-import-private.h"
#include "sam-text.h"

void
_sam_table_duplicate_free (SamTableDuplicate *duplicate)
{
  g_free (duplicate->name);
  g_free (duplicate->existing_id);
  g_free (duplicate->existing_name);
  g_free (duplicate->reason);
  g_free (duplicate);
}

typedef struct {
  GHashTable *by_id;      /* id → SamActor */
  GHashTable *by_name;    /* folded name → GPtrArray of SamActor */
  GHashTable *by_phone;   /* stored number → SamActor */
} Index;

/* @phones: by its numbers too. Within one sheet two actors may well share
 * a switchboard, so there only the id, or the name and area, say "the same". */
static void
index_actor (Index *index, SamActor *actor, gboolean phones)
{
  g_autofree char *name = sam_text_fold (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
  GPtrArray *same = g_hash_table_lookup (index->by_name, name);
  GPtrArray *routes = sam_actor_get_routes (actor);

  g_hash_table_insert (index->by_id, (gpointer) sam_actor_get_id (actor), actor);
  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (index->by_name, g_steal_pointer (&name), same);
    }
  g_ptr_array_add (same, actor);
  for (guint i = 0; phones && i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      SamPhoneKind kind;

      if (!sam_route_kind_is_phone (sam_contact_route_get_kind (route)))
        continue;
      /* 112 and 114 14 are everyone's: they say nothing of who this is */
      kind = sam_phone_get_kind (sam_contact_route_get_value (route));
      if (kind != SAM_PHONE_KIND_SHORT)
        g_hash_table_insert (index->by_phone, (gpointer) sam_contact_route_get_value (route), actor);
    }
}

static gboolean
share_area (SamActor *a, SamActor *b)
{
  GPtrArray *areas = sam_actor_get_areas (a);

  for (guint i = 0; i < areas->len; i++)
    if (g_ptr_array_find_with_equal_func (sam_actor_get_areas (b), g_ptr_array_index (areas, i),
                                          g_str_equal, NULL))
      return TRUE;
  return FALSE;
}

/* The actor in the register @actor is, and why; NULL if none. */
static SamActor *
find (Index *index, SamActor *actor, char **reason)
{
  g_autofree char *name = sam_text_fold (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
  GPtrArray *same = g_hash_table_lookup (index->by_name, name);
  GPtrArray *routes = sam_actor_get_routes (actor);
  SamActor *found;

  if ((found = g_hash_table_lookup (index->by_id, sam_actor_get_id (actor))))
    return (*reason = g_strdup (_("the same id")), found);
  for (guint i = 0; same && i < same->len; i++)
    if (share_area (actor, g_ptr_array_index (same, i)))
      return (*reason = g_strdup (_("the same name and area")), g_ptr_array_index (same, i));
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      if (sam_route_kind_is_phone (sam_contact_route_get_kind (route)) &&
          (found = g_hash_table_lookup (index->by_phone, sam_contact_route_get_value (route))))
        {
          g_autofree char *number = sam_contact_route_dup_display_value (route);
          *reason = g_strdup_printf (_("the same number, %s"), number);
          return found;
        }
    }
  return NULL;
}

GPtrArray *
_sam_table_find_duplicates (SamStore *store, GPtrArray *actors, GArray *rows, GError **error)
{
  g_autoptr(GPtrArray) existing = sam_store_list_actors (store, error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_phone = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) file_rows = g_hash_table_new (NULL, NULL);
  Index index = { by_id, by_name, by_phone };
  GPtrArray *duplicates;

  if (existing == NULL)
    return NULL;
  duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_table_duplicate_free);
  for (guint i = 0; i < existing->len; i++)
    index_actor (&index, g_ptr_array_index (existing, i), TRUE);
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      g_autofree char *reason = NULL;
      SamActor *found = find (&index, actor, &reason);
      SamTableDuplicate *duplicate;

      if (found == NULL)
        {
          /* a later row of the sheet may be the same actor again */
          index_actor (&index, actor, FALSE);
          g_hash_table_insert (file_rows, actor, GUINT_TO_POINTER (g_array_index (rows, guint, i)));
          continue;
        }
      if (g_hash_table_contains (file_rows, found))
        {
          char *in_sheet = g_strdup_printf (_("%s, in row %u of this sheet"), reason,
                                            GPOINTER_TO_UINT (g_hash_table_lookup (file_rows,
                                                                                   found)));
          g_free (reason);
          reason = in_sheet;
        }
      duplicate = g_new0 (SamTableDuplicate, 1);
      duplicate->row = g_array_index (rows, guint, i);
      duplicate->name = g_strdup (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
      duplicate->existing_id = g_strdup (sam_actor_get_id (found));
      duplicate->existing_name = g_strdup (sam_actor_get_display_name (found));
      duplicate->reason = g_steal_pointer (&reason);
      duplicate->choice = SAM_TABLE_DUPLICATE_MERGE;
      g_ptr_array_add (duplicates, duplicate);
    }
  return duplicates;
}

static gboolean
has_route (SamActor *actor, SamContactRoute *route)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *other = g_ptr_array_index (routes, i);

      /* the value alone: a sheet's "E-mail" may be the register's secure
       * e-mail, its "Address" the postal address, its "Phone" the SMS line */
      if (g_ascii_strcasecmp (sam_contact_route_get_value (other),
                              sam_contact_route_get_value (route)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds each of @from missing in @to; TRUE when one was. */
static gboolean
merge_set (GPtrArray *to_set, GPtrArray *from, SamActor *to, void (*add) (SamActor *, const char *))
{
  gboolean changed = FALSE;

  for (guint i = 0; i < from->len; i++)
    if (!g_ptr_array_find_with_equal_func (to_set, g_ptr_array_index (from, i), g_str_equal, NULL))
      {
        add (to, g_ptr_array_index (from, i));
        changed = TRUE;
      }
  return changed;
}

gboolean
_sam_table_merge_into (SamActor *existing, SamActor *incoming)
{
  GPtrArray *routes = sam_actor_get_routes (incoming);
  SamText *description = sam_actor_get_description (existing);
  gboolean changed = FALSE;

  for (guint i = 0; i < routes->len; i++)
    if (!has_route (existing, g_ptr_array_index (routes, i)))
      {
        g_autoptr(SamContactRoute) copy = sam_contact_route_copy (g_ptr_array_index (routes, i));
        sam_actor_add_route (existing, copy);
        changed = TRUE;
      }
  changed |= merge_set (sam_actor_get_areas (existing), sam_actor_get_areas (incoming), existing,
                        sam_actor_add_area);
  changed |= merge_set (sam_actor_get_target_groups (existing),
                        sam_actor_get_target_groups (incoming), existing,
                        sam_actor_add_target_group);
  changed |= merge_set (sam_actor_get_languages (existing), sam_actor_get_languages (incoming),
                        existing, sam_actor_add_language);
  changed |= merge_set (sam_actor_get_tags (existing), sam_actor_get_tags (incoming), existing,
                        sam_actor_add_tag);
  if (sam_actor_get_hours (existing) == NULL && sam_actor_get_hours (incoming))
    {
      sam_actor_set_hours (existing, sam_actor_get_hours (incoming));
      changed = TRUE;
    }
  if (sam_text_get (description, SAM_LANG_SV) == NULL &&
      sam_text_get (sam_actor_get_description (incoming), SAM_LANG_SV))
    {
      sam_text_copy (description, sam_actor_get_description (incoming));
      changed = TRUE;
    }
  return changed;
}
