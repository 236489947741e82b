/* sam-merge-diff.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge item's fields as people decide them: what differs between mine
 * and theirs, field by field (sam-record-fields.c says what a field is).
 */
#define G_LOG_DOMAIN "sam-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-areas.h"
#include "sam-merge.h"
#include "sam-merge-private.h"

static char *
describe_record (SamMergeItem *item, GObject *record)
{
  if (record == NULL)
    return NULL;
  if (SAM_IS_ACTOR (record))
    {
      g_autofree char *areas = sam_areas_join_names (sam_actor_get_areas (SAM_ACTOR (record)));
      guint n = sam_actor_get_routes (SAM_ACTOR (record))->len;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s), %u contact route",
                                           "%s (%s), %u contact routes", n),
                              sam_actor_get_display_name (SAM_ACTOR (record)), areas, n);
    }
  return g_strdup (sam_text_get_best (sam_escalation_path_get_title (SAM_ESCALATION_PATH (record)),
                                      sam_lang_from_locale (), NULL));
}

static SamMergeField *
field_new (const char *key, const char *label, const char *mine, const char *theirs)
{
  SamMergeField *field = g_new0 (SamMergeField, 1);

  field->key = g_strdup (key);
  field->label = g_strdup (label);
  field->mine = g_strdup (mine);
  field->theirs = g_strdup (theirs);
  return field;
}

GPtrArray *
_sam_merge_item_diff (SamMergeItem *item, SamVisibility audience)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GHashTable) ta = NULL;
  g_autoptr(GHashTable) tb = NULL;

  if (item->mine == NULL || item->theirs == NULL)
    {
      g_autofree char *mine = item->mine ? describe_record (item, item->mine) : g_strdup (_("Deleted"));
      g_autofree char *theirs = item->theirs ? describe_record (item, item->theirs) : g_strdup (_("Deleted"));

      g_ptr_array_add (out, field_new ("record", _("The record"), mine, theirs));
      return out;
    }
  a = _sam_merge_record_fields (item->mine, audience);
  b = _sam_merge_record_fields (item->theirs, audience);
  ta = _sam_merge_field_table (a);
  tb = _sam_merge_field_table (b);
  /* theirs' order, then what only mine has */
  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *list = s == 0 ? b : a;

      for (guint i = 0; i < list->len; i++)
        {
          SamFieldValue *v = g_ptr_array_index (list, i);
          SamFieldValue *mine = g_hash_table_lookup (ta, v->key);
          SamFieldValue *theirs = g_hash_table_lookup (tb, v->key);

          if ((s == 1 && theirs != NULL) || !_sam_merge_values_differ (v->key, mine, theirs))
            continue;
          g_ptr_array_add (out, field_new (v->key, v->label, mine ? mine->display : NULL,
                                           theirs ? theirs->display : NULL));
        }
    }
  return out;
}

