/* sam-merge-sim-oracle.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge simulation's oracle. It remembers every write as the
 * operation number that made it; it decides conflicts as a coordinator
 * who knows which edit came last would (the later one); and at the end it
 * finds every remembered latest write in every register, or reports it
 * lost. (A deletion is a write to every field of its record; when a later
 * edit elsewhere overrules it, the record comes back as that register had
 * it.) The registers and their operations are in sam-merge-sim.c.
 */
#include <string.h>
#include <glib.h>

#include "sam-export-filter.h"
#include "sam-merge.h"
#include "sam-merge-private.h"
#include "sam-merge-sim-private.h"
#include "sam-store.h"

void
_sam_merge_sim_entry_free (SamMergeSimEntry *entry)
{
  g_free (entry->value);
  g_free (entry);
}

void
_sam_merge_sim_problem (SamMergeSim *sim, const char *format, ...)
{
  va_list args;

  if (sim->problems == NULL || sim->problems->len > 4000)
    return;
  va_start (args, format);
  g_string_append_vprintf (sim->problems, format, args);
  g_string_append_c (sim->problems, '\n');
  va_end (args);
}

SamMergeSimRec *
_sam_merge_sim_record (SamMergeSim *sim, const char *key)
{
  SamMergeSimRec *rec = g_hash_table_lookup (sim->records, key);

  if (rec == NULL)
    {
      rec = g_new0 (SamMergeSimRec, 1);
      g_hash_table_insert (sim->records, g_strdup (key), rec);
      g_ptr_array_add (sim->keys, g_strdup (key));
    }
  return rec;
}

void
_sam_merge_sim_remember (SamMergeSim *sim, const char *key, const char *field, const char *value)
{
  SamMergeSimEntry *entry = g_new0 (SamMergeSimEntry, 1);

  entry->op = sim->op;
  entry->value = g_strdup (value);
  g_hash_table_insert (sim->oracle, g_strconcat (key, "\x1f", field, NULL), entry);
  _sam_merge_sim_record (sim, key)->edit_op = sim->op;
  sim->result->edits++;
}

/* Whether the "gone" of a step's /next in @entry was written by the
 * step's deletion and a later edit elsewhere overruled that deletion:
 * the step then comes back as that register had it, link and all, as a
 * record does (_sam_merge_sim_count_lost ()). */
static gboolean
next_overruled (SamMergeSim *sim, const char *key, const char *field, SamMergeSimEntry *entry)
{
  g_autofree char *text_key = NULL;
  SamMergeSimEntry *text;

  if (entry->value != NULL || !g_str_has_suffix (field, "/next"))
    return FALSE;
  text_key = g_strdup_printf ("%s\x1f%.*s/text.en", key, (int) (strlen (field) - strlen ("/next")), field);
  text = g_hash_table_lookup (sim->oracle, text_key);
  return text != NULL && text->value != NULL && text->op > entry->op;
}

/* The side a coordinator who knows the last write takes. */
/* What the oracle does not follow (the order of steps, internal routes
 * known on one side only): a choice both sides of a pair make alike. */
static SamMergeSide
untracked_side (SamMergeField *field)
{
  if (field->mine == NULL || field->theirs == NULL)
    return field->mine ? SAM_MERGE_SIDE_MINE : SAM_MERGE_SIDE_THEIRS;
  return g_strcmp0 (field->mine, field->theirs) <= 0 ? SAM_MERGE_SIDE_MINE : SAM_MERGE_SIDE_THEIRS;
}

static SamMergeSide
oracle_side (SamMergeSim *sim, SamMergeItem *item, SamMergeField *field)
{
  g_autofree char *key = g_strconcat (sam_merge_item_get_entity (item), ":", sam_merge_item_get_id (item), NULL);
  g_autofree char *oracle_key = NULL;
  SamMergeSimEntry *entry;

  if (g_str_equal (field->key, "record"))
    {
      SamMergeSimRec *rec = g_hash_table_lookup (sim->records, key);
      gboolean deleted = rec && rec->deleted_op > rec->edit_op;
      gboolean mine_deleted = g_strcmp0 (field->mine, "Deleted") == 0;

      return deleted == mine_deleted ? SAM_MERGE_SIDE_MINE : SAM_MERGE_SIDE_THEIRS;
    }
  if (g_str_has_prefix (field->key, "step:") && strchr (field->key, '/') == NULL)
    oracle_key = g_strconcat (key, "\x1f", field->key, "/text.en", NULL);
  else
    oracle_key = g_strconcat (key, "\x1f", field->key, NULL);
  entry = g_hash_table_lookup (sim->oracle, oracle_key);
  if (entry == NULL || next_overruled (sim, key, field->key, entry))
    return untracked_side (field);
  if (entry->value == NULL)
    return field->mine == NULL ? SAM_MERGE_SIDE_MINE : SAM_MERGE_SIDE_THEIRS;
  if (field->mine && strstr (field->mine, entry->value))
    return SAM_MERGE_SIDE_MINE;
  if (field->theirs && strstr (field->theirs, entry->value))
    return SAM_MERGE_SIDE_THEIRS;
  return untracked_side (field);
}

void
_sam_merge_sim_decide (SamMergeSim *sim, SamMergePlan *plan)
{
  GPtrArray *conflicts = sam_merge_plan_get_conflicts (plan);

  for (guint i = 0; i < conflicts->len; i++)
    {
      SamMergeItem *item = g_ptr_array_index (conflicts, i);
      GPtrArray *fields = sam_merge_item_get_fields (item);

      for (guint k = 0; k < fields->len; k++)
        {
          SamMergeField *field = g_ptr_array_index (fields, k);
          field->choice = oracle_side (sim, item, field);
        }
    }
  sim->result->conflicts += conflicts->len;
}

/* The end */

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
_sam_merge_sim_fingerprint (SamMergeSim *sim, SamStore *store)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = sam_export_collect (store, NULL, &error);
  GString *out = g_string_new (NULL);

  if (data == NULL)
    return g_string_free (out, FALSE);
  for (guint i = 0; i < data->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (data->actors, i);
      g_autofree char *hash = sam_merge_hash_actor (actor, SAM_VISIBILITY_PROFESSIONAL);
      g_ptr_array_add (lines, g_strdup_printf ("actor %s %s", sam_actor_get_id (actor), hash));
    }
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      g_autofree char *hash = sam_merge_hash_path (path);
      g_ptr_array_add (lines, g_strdup_printf ("path %s %s", sam_escalation_path_get_id (path), hash));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static char *
value_in (SamStore *store, const char *key, const char *field, gboolean *live)
{
  const char *id = strchr (key, ':') + 1;

  if (g_str_has_prefix (key, "actor:"))
    {
      g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
      SamContactRoute *route;

      *live = actor != NULL;
      if (actor == NULL)
        return NULL;
      if (g_str_equal (field, "name.sv"))
        return g_strdup (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV));
      route = sam_actor_find_route (actor, field + strlen ("route:"));
      return route ? g_strdup (sam_contact_route_get_value (route)) : NULL;
    }
  else
    {
      g_autoptr(SamEscalationPath) path = sam_store_load_path (store, id, NULL);
      g_autofree char *step_id = NULL;
      SamEscalationStep *step;

      *live = path != NULL;
      if (path == NULL)
        return NULL;
      step_id = g_strndup (field + strlen ("step:"), strchr (field, '/') - field - strlen ("step:"));
      step = sam_escalation_path_find_step (path, step_id);
      if (step == NULL)
        return NULL;
      if (g_str_has_suffix (field, "/next"))
        return g_strdup (sam_escalation_step_get_next (step));
      return g_strdup (sam_text_get (sam_escalation_step_get_text (step), SAM_LANG_EN));
    }
}

void
_sam_merge_sim_count_lost (SamMergeSim *sim)
{
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, sim->oracle);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      g_auto(GStrv) parts = g_strsplit (k, "\x1f", 2);
      SamMergeSimEntry *entry = v;
      SamMergeSimRec *rec = g_hash_table_lookup (sim->records, parts[0]);
      gboolean deleted = rec->deleted_op > rec->edit_op;
      gboolean lost = FALSE;

      /* a deletion overruled by a later edit elsewhere brings the record
       * back as that register had it: what was written before the
       * deletion is no longer anyone's last word */
      if (!deleted && entry->op < rec->deleted_op)
        continue;
      if (next_overruled (sim, parts[0], parts[1], entry))
        continue;

      for (guint r = 0; r < sim->n && !lost; r++)
        {
          gboolean live = FALSE;
          g_autofree char *now = value_in (sim->regs[r].store, parts[0], parts[1], &live);

          if (deleted ? live : !live || g_strcmp0 (now, entry->value) != 0)
            {
              lost = TRUE;
              _sam_merge_sim_problem (sim, "lost: %s %s = %s (op %u%s), register %u has %s%s",
                                      parts[0], parts[1], entry->value ? entry->value : "(gone)",
                                      entry->op, deleted ? ", deleted" : "", r, now ? now : "(none)",
                                      live ? "" : " (record not there)");
            }
        }
      sim->result->lost += lost;
    }
}
