/* sam-store-search-row.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: an actor's row of the search index and its phone numbers.
 *
 * The index keeps no copy of the text (migration 012): to take a row out,
 * FTS5 is given the text it was written with, made again from the actor
 * as the store holds it, before it changes.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include "sam-areas.h"
#include "sam-phone.h"
#include "sam-search-facets.h"
#include "sam-search-vocab.h"
#include "sam-store-private.h"
#include "sam-store-sync.h"

/* set on the connection of an import: the vocabulary is read from the
 * index once at the end instead of row by row */
#define DEFER_VOCAB_KEY "sam-search-vocab-deferred"
/* set on the connection of an import: its phone rows, written in order
 * at the end (DeferredPhones) */
#define DEFER_PHONES_KEY "sam-search-phones-deferred"

typedef struct {
  GString *name;
  GString *kw;
  GString *body;
  GPtrArray *phones;   /* digits, each once */
  char *facets;
} SearchRow;

static void
search_row_clear (SearchRow *row)
{
  g_string_free (row->name, TRUE);
  g_string_free (row->kw, TRUE);
  g_string_free (row->body, TRUE);
  g_ptr_array_unref (row->phones);
  g_free (row->facets);
}

static void
append_text (GString *out, const char *text)
{
  if (text == NULL)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

static void
append_both (GString *out, const SamText *text)
{
  append_text (out, sam_text_get (text, SAM_LANG_SV));
  append_text (out, sam_text_get (text, SAM_LANG_EN));
}

static void
add_phone (GPtrArray *phones, const char *digits)
{
  if (digits[0] != '\0' && !g_ptr_array_find_with_equal_func (phones, digits, g_str_equal, NULL))
    g_ptr_array_add (phones, g_strdup (digits));
}

/* A phone number as national digits and, for a Swedish number, its
 * subscriber number alone: "090-16 10 00" is found by "16 10 00". The area
 * code is one digit after the trunk 0 for Stockholm (08), two for mobiles
 * (07x) and two or three elsewhere, so both of those are written: asking
 * libphonenumber where it ends cost 0.14 ms a number, 1.4 s of a 10,000
 * actor import. */
static void
append_phone (GPtrArray *phones, const char *value)
{
  g_autofree char *digits = sam_phone_search_digits (value);
  size_t len = strlen (digits);

  add_phone (phones, digits);
  if (digits[0] != '0' || !g_str_has_prefix (value, "+46"))
    return;
  if (digits[1] == '8' || digits[1] == '7')
    {
      if (len >= 2 + 5)
        add_phone (phones, digits + 2 + (digits[1] == '7'));
      return;
    }
  for (size_t code = 2; code <= 3; code++)
    if (len >= 1 + code + 5)
      add_phone (phones, digits + 1 + code);
}

static void
append_area_names (GString *body, GPtrArray *areas)
{
  for (guint i = 0; i < areas->len; i++)
    {
      const SamArea *area = sam_area_lookup (g_ptr_array_index (areas, i));
      if (area)
        {
          append_text (body, area->name[SAM_LANG_SV]);
          if (g_strcmp0 (area->name[SAM_LANG_SV], area->name[SAM_LANG_EN]) != 0)
            append_text (body, area->name[SAM_LANG_EN]);
        }
    }
}

/* The search row: names; keywords (tags); descriptions, route labels,
 * e-mail and web values and area names; phone numbers as digits; the
 * filters as facets (sam-search-facets.c). */
static void
search_row_init (SearchRow *row, SamActor *actor)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  row->name = g_string_new (NULL);
  row->kw = g_string_new (NULL);
  row->body = g_string_new (NULL);
  row->phones = g_ptr_array_new_with_free_func (g_free);
  append_both (row->name, sam_actor_get_name (actor));
  for (guint i = 0; i < sam_actor_get_tags (actor)->len; i++)
    append_text (row->kw, g_ptr_array_index (sam_actor_get_tags (actor), i));
  append_both (row->body, sam_actor_get_description (actor));
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);

      append_both (row->body, sam_contact_route_get_label (route));
      if (sam_route_kind_is_phone (sam_contact_route_get_kind (route)))
        append_phone (row->phones, sam_contact_route_get_value (route));
      else
        append_text (row->body, sam_contact_route_get_value (route));
    }
  append_area_names (row->body, sam_actor_get_areas (actor));
  row->facets = sam_search_facets_for_actor (actor);
}

/* An import's rows of search_phone, kept until its end and then written
 * sorted: 489,000 rows inserted in the order of their actors land all over
 * the table's B-tree (a random digits key each), which took about 3 s of a
 * 100,000-actor import; in key order each row goes at the end. */
typedef struct {
  GStringChunk *digits;
  GArray *rows;        /* of PhoneRow */
} DeferredPhones;

typedef struct {
  const char *digits;  /* in DeferredPhones.digits */
  gint64 actor;
} PhoneRow;

static void
deferred_phones_free (gpointer data)
{
  DeferredPhones *deferred = data;

  g_string_chunk_free (deferred->digits);
  g_array_unref (deferred->rows);
  g_free (deferred);
}

static int
compare_phone_rows (gconstpointer a, gconstpointer b)
{
  const PhoneRow *x = a;
  const PhoneRow *y = b;
  int c = strcmp (x->digits, y->digits);

  if (c != 0)
    return c;
  return x->actor < y->actor ? -1 : x->actor > y->actor;
}

static gboolean
insert_phone (SamStore *self, const char *digits, gint64 actor, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "INSERT OR IGNORE INTO search_phone (digits, actor) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  _sam_bind_static (stmt, 1, digits);
  sqlite3_bind_int64 (stmt, 2, actor);
  return _sam_store_step_done (self, stmt, error);
}

void
_sam_store_defer_search_phones (SamStore *self,
                                gboolean  defer)
{
  DeferredPhones *deferred = NULL;

  if (defer)
    {
      deferred = g_new (DeferredPhones, 1);
      deferred->digits = g_string_chunk_new (1024 * 1024);
      deferred->rows = g_array_new (FALSE, FALSE, sizeof (PhoneRow));
    }
  g_object_set_data_full (G_OBJECT (self), DEFER_PHONES_KEY, deferred,
                          deferred ? deferred_phones_free : NULL);
}

gboolean
_sam_store_write_deferred_phones (SamStore  *self,
                                  GError   **error)
{
  DeferredPhones *deferred = g_object_steal_data (G_OBJECT (self), DEFER_PHONES_KEY);
  gboolean ok = TRUE;

  if (deferred == NULL)
    return TRUE;
  g_array_sort (deferred->rows, compare_phone_rows);
  for (guint i = 0; ok && i < deferred->rows->len; i++)
    {
      PhoneRow *row = &g_array_index (deferred->rows, PhoneRow, i);
      ok = insert_phone (self, row->digits, row->actor, error);
    }
  deferred_phones_free (deferred);
  return ok;
}

/* Writes (or, with @delete, takes out) @row as the index's row @rowid. */
static gboolean
put_row (SamStore *self, gint64 rowid, SearchRow *row, gboolean delete, GError **error)
{
  DeferredPhones *deferred = g_object_get_data (G_OBJECT (self), DEFER_PHONES_KEY);

  sqlite3_stmt *stmt = _sam_store_prepare (self, delete
      ? "INSERT INTO actor_search (actor_search, rowid, name, kw, body, facets)"
        " VALUES ('delete', ?, ?, ?, ?, ?)"
      : "INSERT INTO actor_search (rowid, name, kw, body, facets) VALUES (?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  _sam_bind_static (stmt, 2, row->name->str);
  _sam_bind_static (stmt, 3, row->kw->str);
  _sam_bind_static (stmt, 4, row->body->str);
  _sam_bind_static (stmt, 5, row->facets);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (deferred != NULL && !delete)
    {
      for (guint i = 0; i < row->phones->len; i++)
        {
          PhoneRow phone = {
            g_string_chunk_insert (deferred->digits, g_ptr_array_index (row->phones, i)), rowid
          };
          g_array_append_val (deferred->rows, phone);
        }
      return TRUE;
    }
  /* a row to take out may still be waiting */
  if (deferred != NULL && !_sam_store_write_deferred_phones (self, error))
    return FALSE;
  if (!delete)
    {
      for (guint i = 0; i < row->phones->len; i++)
        if (!insert_phone (self, g_ptr_array_index (row->phones, i), rowid, error))
          return FALSE;
      return TRUE;
    }
  stmt = _sam_store_prepare (self, "DELETE FROM search_phone WHERE digits = ?1 AND actor = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < row->phones->len; i++)
    {
      sqlite3_reset (stmt);
      _sam_bind_static (stmt, 1, g_ptr_array_index (row->phones, i));
      sqlite3_bind_int64 (stmt, 2, rowid);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Its words go to the vocabulary (sam-search-vocab.c), but for an import,
 * which reads them from the index at the end. */
gboolean
_sam_store_write_search_row (SamStore *self, gint64 rowid, SamActor *actor, GError **error)
{
  SearchRow row;
  gboolean ok;

  search_row_init (&row, actor);
  ok = put_row (self, rowid, &row, FALSE, error) &&
       (g_object_get_data (G_OBJECT (self), DEFER_VOCAB_KEY) != NULL ||
        (_sam_search_vocab_add (self, row.name->str, SAM_SEARCH_IN_NAME, error) &&
         _sam_search_vocab_add (self, row.kw->str, SAM_SEARCH_IN_KEYWORDS, error) &&
         _sam_search_vocab_add (self, row.body->str, SAM_SEARCH_IN_BODY, error)));
  search_row_clear (&row);
  return ok;
}

/* Takes the search row of the live actor @id out of the index, with the
 * text it was written with: the actor as stored, so call this before
 * anything of the actor changes. Nothing to do for a deleted actor. */
gboolean
_sam_store_delete_search_row (SamStore *self, const char *id, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT rowid FROM actor WHERE id = ? AND deleted = 0", error);
  g_autoptr(SamActor) stored = NULL;
  SearchRow row;
  gint64 rowid;
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  rowid = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return (_sam_store_set_error (self, error), FALSE);
  if ((stored = _sam_store_load_actor_full (self, id, FALSE, error)) == NULL)
    return FALSE;
  search_row_init (&row, stored);
  ok = put_row (self, rowid, &row, TRUE, error);
  search_row_clear (&row);
  return ok;
}

void
_sam_store_defer_search_vocab (SamStore *self,
                               gboolean  defer)
{
  g_object_set_data (G_OBJECT (self), DEFER_VOCAB_KEY, defer ? GINT_TO_POINTER (1) : NULL);
}
