/* sam-merge-plan.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What callers ask a merge plan (sam-merge.h): its counts, changes,
 * conflicts and their fields, and the choices a person makes, whole
 * records or field by field. The plan itself is made in sam-merge.c.
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-merge.h"
#include "sam-merge-private.h"

const char *
_sam_merge_plan_get_register_path (SamMergePlan *plan)
{
  return plan->register_path;
}

SamStore *
_sam_merge_plan_swap_store (SamMergePlan *plan, SamStore *store)
{
  SamStore *had = plan->store;

  plan->store = store ? g_object_ref (store) : NULL;
  return had;
}

void
_sam_merge_plan_release_store (SamMergePlan *plan)
{
  g_clear_object (&plan->store);
}

/* Reading the plan */

const char *
sam_merge_plan_get_source (SamMergePlan *plan)
{
  return plan->source;
}

const char *
sam_merge_plan_get_source_name (SamMergePlan *plan)
{
  const char *name = sam_text_get_best (&plan->data->meta.name, sam_lang_from_locale (), NULL);
  return name ? name : plan->source;
}

const SamRegisterData *
sam_merge_plan_get_data (SamMergePlan *plan)
{
  return plan->data;
}

guint
sam_merge_plan_count (SamMergePlan *plan, SamMergeAction action)
{
  g_return_val_if_fail (action < SAM_MERGE_N_ACTIONS, 0);
  return plan->counts[action];
}

gboolean
sam_merge_plan_is_noop (SamMergePlan *plan)
{
  for (guint i = 0; i < plan->items->len; i++)
    if (((SamMergeItem *) g_ptr_array_index (plan->items, i))->dirty)
      return FALSE;
  return TRUE;
}

GPtrArray *
sam_merge_plan_get_changes (SamMergePlan *plan)
{
  return plan->changes;
}

GPtrArray *
sam_merge_plan_get_conflicts (SamMergePlan *plan)
{
  return plan->conflicts;
}

GPtrArray *
sam_merge_plan_get_notes (SamMergePlan *plan)
{
  return plan->notes;
}

char *
sam_merge_plan_describe (SamMergePlan *plan)
{
  const guint *n = plan->counts;
  /* each count with its own plural: "1 conflict", "1 ny" but "2 nya" */
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new",
                                                         n[SAM_MERGE_NEW]), n[SAM_MERGE_NEW]);
  g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                                           n[SAM_MERGE_UPDATED]), n[SAM_MERGE_UPDATED]);
  g_autofree char *unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                                             n[SAM_MERGE_UNCHANGED]), n[SAM_MERGE_UNCHANGED]);
  g_autofree char *deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted upstream",
                                                           "%u deleted upstream", n[SAM_MERGE_DELETED]),
                                              n[SAM_MERGE_DELETED]);
  g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                             n[SAM_MERGE_CONFLICT]), n[SAM_MERGE_CONFLICT]);

  /* Translators: the preview of an import, "3 new, 1 updated, 120 unchanged, 0 deleted upstream, 1 conflict" */
  return g_strdup_printf (_("%s, %s, %s, %s, %s"), added, updated, unchanged, deleted, conflicts);
}

void
sam_merge_plan_prefer (SamMergePlan *plan, SamMergeSide side)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (item->fields, k);
          if (field->choice == SAM_MERGE_SIDE_NONE)
            field->choice = side;
        }
    }
}

void
_sam_merge_plan_leave_conflicts (SamMergePlan *plan)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      item->dirty = FALSE;
      for (guint k = 0; k < item->fields->len; k++)
        ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice = SAM_MERGE_SIDE_MINE;
    }
}

guint
sam_merge_plan_count_undecided (SamMergePlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      for (guint k = 0; k < item->fields->len; k++)
        n += ((SamMergeField *) g_ptr_array_index (item->fields, k))->choice == SAM_MERGE_SIDE_NONE;
    }
  return n;
}

SamMergeAction
sam_merge_item_get_action (SamMergeItem *item)
{
  return item->action;
}

const char *
sam_merge_item_get_entity (SamMergeItem *item)
{
  return item->entity;
}

const char *
sam_merge_item_get_id (SamMergeItem *item)
{
  return item->id;
}

const char *
sam_merge_item_get_name (SamMergeItem *item)
{
  return _sam_merge_item_name (item);
}

GPtrArray *
sam_merge_item_get_fields (SamMergeItem *item)
{
  return item->fields;
}

gboolean
sam_merge_item_is_proposal (SamMergeItem *item)
{
  return item->proposal;
}

const char *
sam_merge_item_get_owner_name (SamMergeItem *item)
{
  return item->owner_name;
}

/* @key names the field, or a step or route with all its fields. */
static gboolean
key_matches (const char *field, const char *key)
{
  gsize n = strlen (key);
  return g_str_equal (field, key) || (strncmp (field, key, n) == 0 && field[n] == '/');
}

guint
sam_merge_plan_prefer_field (SamMergePlan *plan, const char *record, const char *key,
                             SamMergeSide side)
{
  guint n = 0;

  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (plan->conflicts, i);

      if (record != NULL && !g_str_equal (record, item->id))
        continue;
      for (guint k = 0; k < item->fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (item->fields, k);

          if (key_matches (field->key, key))
            {
              field->choice = side;
              n++;
            }
        }
    }
  return n;
}

gboolean
sam_merge_item_choose (SamMergeItem *item, const char *key, SamMergeSide side)
{
  for (guint k = 0; k < item->fields->len; k++)
    {
      SamMergeField *field = g_ptr_array_index (item->fields, k);

      if (g_str_equal (field->key, key))
        {
          field->choice = side;
          return TRUE;
        }
    }
  return FALSE;
}
