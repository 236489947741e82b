/* sam-search-synonyms.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synonyms coordinators keep in the register (migration 007); the
 * search reads them at every query (sam-query.c), so a change applies at
 * once without writing the index again.
 */
#define G_LOG_DOMAIN "sam-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-search-synonyms.h"
#include "sam-search-text.h"
#include "sam-store-private.h"

void
sam_synonym_free (SamSynonym *synonym)
{
  g_free (synonym->term);
  g_free (synonym->expansion);
  g_free (synonym);
}

/* "Sex  Trafficking" → "sex trafficking"; NULL without a word. */
static char *
term_key (const char *term)
{
  g_autoptr(GPtrArray) words = sam_search_text_words (term);

  if (words->len == 0)
    return NULL;
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

GPtrArray *
sam_store_list_synonyms (SamStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) synonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_synonym_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  stmt = _sam_store_prepare (store,
      "SELECT term, expansion FROM search_synonym ORDER BY term, expansion", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamSynonym *synonym = g_new0 (SamSynonym, 1);

      synonym->term = _sam_column_dup (stmt, 0);
      synonym->expansion = _sam_column_dup (stmt, 1);
      g_ptr_array_add (synonyms, synonym);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (store, error), NULL);
  return g_steal_pointer (&synonyms);
}

static gboolean
write_synonym (SamStore *store, const char *sql, const char *term, const char *expansion,
               GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, term);
  _sam_bind_text (stmt, 2, expansion);
  return _sam_store_step_done (store, stmt, error);
}

gboolean
sam_store_add_synonym (SamStore    *store,
                       const char  *term,
                       const char  *expansion,
                       GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  key = term_key (term);
  stripped = g_strstrip (g_strdup (expansion ? expansion : ""));
  if (key == NULL || stripped[0] == '\0')
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("A synonym needs a word and what it stands for, such as “soc” and "
                     "“socialtjänst”."));
      return FALSE;
    }
  return _sam_store_begin (store, error) &&
         _sam_store_end (store, write_synonym (store,
             "INSERT OR IGNORE INTO search_synonym (term, expansion) VALUES (?, ?)",
             key, stripped, error), error);
}

gboolean
sam_store_remove_synonym (SamStore    *store,
                          const char  *term,
                          const char  *expansion,
                          GError     **error)
{
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  key = term_key (term);
  if (!_sam_store_begin (store, error))
    return FALSE;
  ok = write_synonym (store,
      "DELETE FROM search_synonym WHERE term = ?1 AND (?2 IS NULL OR expansion = ?2)",
      key ? key : "", expansion, error);
  if (ok && sqlite3_changes (_sam_store_get_db (store)) == 0)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                   _("There is no synonym “%s” in the register."), term);
      ok = FALSE;
    }
  return _sam_store_end (store, ok, error);
}
