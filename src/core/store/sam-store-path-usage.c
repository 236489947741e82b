/* sam-store-path-usage.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: which escalation paths name an actor or a route, so deleting or
 * changing one can say what it breaks.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include "sam-store-private.h"

GPtrArray *
sam_store_list_paths_using (SamStore    *self,
                            const char  *actor_id,
                            const char  *route_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  /* a step's own contact or one of its fallbacks; any route when none is asked */
  stmt = _sam_store_prepare (self,
      "SELECT id FROM escalation_path WHERE deleted = 0 AND id IN ("
      "  SELECT path_id FROM escalation_step WHERE actor_id = ?1 AND (?2 IS NULL OR route_id = ?2)"
      "  UNION SELECT path_id FROM step_fallback WHERE actor_id = ?1 AND (?2 IS NULL OR route_id = ?2)"
      ") ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, actor_id);
  _sam_bind_text (stmt, 2, route_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, _sam_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      SamEscalationPath *path = sam_store_load_path (self, g_ptr_array_index (ids, i), error);

      if (path == NULL)
        return NULL;
      g_ptr_array_add (paths, path);
    }
  return g_steal_pointer (&paths);
}
