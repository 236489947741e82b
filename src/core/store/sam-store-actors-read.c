/* sam-store-actors-read.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamStore: reading actors, their routes and their sets.
 */
#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-store-private.h"

#define ACTOR_COLUMNS \
  "rowid, id, parent_id, kind, name_sv, name_en, description_sv, description_en, hours, " \
  "verified_at, verified_by, review_days, revision, updated_at, updated_by, source, source_read"

/* Reading */

static GPtrArray *
read_set (SamStore *self, const char *sql, const char *id, GError **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, _sam_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  return g_steal_pointer (&values);
}

/* The children of many actors are read with one statement per table: the
 * ids go in as a JSON array (json_each), so a search of 50 results runs a
 * few statements, not 300. Written here rather than with JsonBuilder,
 * which cost a twentieth of a search: a string with '"', '\\' and control
 * characters escaped is all JSON asks. */
static char *
ids_as_json (GPtrArray *actors)
{
  GString *json = g_string_sized_new (16 * actors->len + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < actors->len; i++)
    {
      const char *id = sam_actor_get_id (g_ptr_array_index (actors, i));

      g_string_append (json, i ? ",\"" : "\"");
      for (const char *p = id; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (json, '\\');
          if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
read_sets (SamStore *self, GHashTable *by_id, const char *ids, GError **error)
{
  static const struct {
    const char *sql;
    void (*add) (SamActor *, const char *);
  } sets[] = {
    { "SELECT actor_id, area_code FROM actor_area WHERE actor_id IN (SELECT value FROM json_each (?1))",
      sam_actor_add_area },
    { "SELECT actor_id, target_group FROM actor_target_group WHERE actor_id IN (SELECT value FROM json_each (?1))",
      sam_actor_add_target_group },
    { "SELECT actor_id, language FROM actor_language WHERE actor_id IN (SELECT value FROM json_each (?1)) "
      "ORDER BY actor_id, position",
      sam_actor_add_language },
    { "SELECT actor_id, tag FROM actor_tag WHERE actor_id IN (SELECT value FROM json_each (?1))",
      sam_actor_add_tag },
  };
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self, sets[s].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      _sam_bind_text (stmt, 1, ids);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SamActor *actor = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
          if (actor)
            sets[s].add (actor, (const char *) sqlite3_column_text (stmt, 1));
        }
      if (rc != SQLITE_DONE)
        return (_sam_store_set_error (self, error), FALSE);
    }
  return TRUE;
}

static const char routes_sql[] =
  "SELECT actor_id, id, kind, value, label_sv, label_en, hours, visibility, abroad FROM contact_route "
  "WHERE actor_id IN (SELECT value FROM json_each (?1)) ORDER BY actor_id, position";

/* A result row shows one number: the first phone (sam_route_kind_is_phone)
 * that is not internal, as sam_actor_get_first_callable_phone picks it.
 * Walking an actor's routes in order and stopping there reads one or two
 * routes of the four or five an actor has. Not "kind IN (…)", for which
 * SQLite builds a table of the three values on every run. */
static const char row_phone_sql[] =
  "SELECT r.actor_id, r.id, r.kind, r.value, NULL, NULL, r.hours, r.visibility, r.abroad"
  " FROM json_each (?1) j CROSS JOIN contact_route r ON r.rowid ="
  " (SELECT x.rowid FROM contact_route x WHERE x.actor_id = j.value"
  "  AND (x.kind = 'phone' OR x.kind = 'on-call-phone' OR x.kind = 'sms')"
  "  AND x.visibility <> 'internal' ORDER BY x.position LIMIT 1)";

/* The actor a child row belongs to, by its id. */
typedef SamActor *(*FindActor) (gpointer data, const char *id);

static SamActor *
find_in_table (gpointer by_id, const char *id)
{
  return g_hash_table_lookup (by_id, id);
}

/* The rows of a statement that walks json_each come in the order of the
 * ids: each actor is looked for from the last one found on, without
 * hashing its id. */
typedef struct {
  GPtrArray *actors;
  guint at;
} InOrder;

static SamActor *
find_in_order (gpointer data, const char *id)
{
  InOrder *order = data;

  for (guint n = 0; n < order->actors->len; n++)
    {
      guint i = (order->at + n) % order->actors->len;
      SamActor *actor = g_ptr_array_index (order->actors, i);

      if (g_str_equal (sam_actor_get_id (actor), id))
        {
          order->at = i;
          return actor;
        }
    }
  return NULL;
}

/* Reads the routes @sql selects (the columns of routes_sql) into the
 * actors @find finds. */
static gboolean
read_routes (SamStore *self, FindActor find, gpointer data, const char *ids, const char *sql,
             GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamActor *actor = find (data, (const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(SamContactRoute) route = NULL;
      g_autoptr(SamSchedule) hours = NULL;
      SamRouteKind kind = SAM_ROUTE_KIND_PHONE;
      SamVisibility visibility = SAM_VISIBILITY_INTERNAL;
      SamText *label;

      if (actor == NULL)
        continue;
      route = sam_contact_route_new ((const char *) sqlite3_column_text (stmt, 1));
      hours = _sam_store_parse_hours (self, (const char *) sqlite3_column_text (stmt, 6));
      label = sam_contact_route_get_label (route);
      sam_route_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
      sam_visibility_from_string ((const char *) sqlite3_column_text (stmt, 7), &visibility);
      sam_contact_route_set_kind (route, kind);
      /* stored values were checked when written */
      _sam_contact_route_set_stored_value (route, (const char *) sqlite3_column_text (stmt, 3));
      sam_text_set (label, SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 4));
      sam_text_set (label, SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 5));
      sam_contact_route_set_hours (route, hours);
      sam_contact_route_set_visibility (route, visibility);
      sam_contact_route_set_abroad (route, sqlite3_column_int (stmt, 8));
      sam_actor_add_route (actor, route);
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  return TRUE;
}

/* Reads the areas, groups, languages, tags and routes of @actors. */
static gboolean
complete_actors (SamStore *self, GPtrArray *actors, GError **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ids = NULL;

  if (actors->len == 0)
    return TRUE;
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      g_hash_table_insert (by_id, (char *) sam_actor_get_id (actor), actor);
    }
  ids = ids_as_json (actors);
  return read_sets (self, by_id, ids, error) &&
         read_routes (self, find_in_table, by_id, ids, routes_sql, error);
}

/* The actor of a result row (SamQuery.rows_only) from the columns
 * _SAM_ACTOR_ROW_COLUMNS of @stmt, starting at @first: the search's own
 * statements read them beside the rank, so the row costs no second look
 * at the actor's table. */
SamActor *
_sam_store_actor_row_from_columns (SamStore *self, sqlite3_stmt *stmt, int first)
{
  SamActor *actor = sam_actor_new ((const char *) sqlite3_column_text (stmt, first));
  g_autoptr(SamSchedule) hours = _sam_store_parse_hours (self, (const char *) sqlite3_column_text (stmt, first + 4));
  SamActorKind kind = SAM_ACTOR_KIND_OTHER;

  sam_actor_kind_from_string ((const char *) sqlite3_column_text (stmt, first + 1), &kind);
  sam_actor_set_kind (actor, kind);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, first + 2));
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, first + 3));
  sam_actor_set_hours (actor, hours);
  sam_actor_set_revision (actor, sqlite3_column_int64 (stmt, first + 5));
  return actor;
}

/* The rest of what a result row shows: the areas and the number. */
gboolean
_sam_store_complete_actor_rows (SamStore *self, GPtrArray *actors, GError **error)
{
  InOrder order = { actors, 0 };
  g_autofree char *ids = NULL;
  static const char areas_sql[] =
    "SELECT x.actor_id, x.area_code FROM json_each (?1) j CROSS JOIN actor_area x"
    " ON x.actor_id = j.value";
  sqlite3_stmt *stmt;
  int rc;

  if (actors->len == 0)
    return TRUE;
  ids = ids_as_json (actors);
  if ((stmt = _sam_store_prepare (self, areas_sql, error)) == NULL)
    return FALSE;
  _sam_bind_text (stmt, 1, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamActor *actor = find_in_order (&order, (const char *) sqlite3_column_text (stmt, 0));
      if (actor)
        sam_actor_add_area (actor, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), FALSE);
  order.at = 0;
  return read_routes (self, find_in_order, &order, ids, row_phone_sql, error);
}

/* Builds an actor from a row selected with ACTOR_COLUMNS. */
static SamActor *
actor_from_row (SamStore *self, sqlite3_stmt *stmt)
{
  SamActor *actor = sam_actor_new ((const char *) sqlite3_column_text (stmt, 1));
  gint64 *rowid = g_new (gint64, 1);
  g_autoptr(GDateTime) verified = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 9));
  g_autoptr(GDateTime) updated = sam_timestamp_parse ((const char *) sqlite3_column_text (stmt, 13));
  g_autoptr(SamSchedule) hours = _sam_store_parse_hours (self, (const char *) sqlite3_column_text (stmt, 8));
  SamActorKind kind = SAM_ACTOR_KIND_OTHER;

  sam_actor_set_parent_id (actor, (const char *) sqlite3_column_text (stmt, 2));
  sam_actor_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &kind);
  sam_actor_set_kind (actor, kind);
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 4));
  sam_text_set (sam_actor_get_name (actor), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 5));
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_SV, (const char *) sqlite3_column_text (stmt, 6));
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_EN, (const char *) sqlite3_column_text (stmt, 7));
  sam_actor_set_hours (actor, hours);
  sam_actor_set_verified (actor, verified, (const char *) sqlite3_column_text (stmt, 10));
  sam_actor_set_review_days (actor, MAX (1, sqlite3_column_int (stmt, 11)));
  sam_actor_set_revision (actor, sqlite3_column_int64 (stmt, 12));
  sam_actor_set_updated (actor, updated, (const char *) sqlite3_column_text (stmt, 14));
  sam_actor_set_source (actor, (const char *) sqlite3_column_text (stmt, 15),
                        (const char *) sqlite3_column_text (stmt, 16));
  *rowid = sqlite3_column_int64 (stmt, 0);
  g_object_set_data_full (G_OBJECT (actor), "rowid", rowid, g_free);
  return actor;
}

/* Loads actors selected by @stmt (ACTOR_COLUMNS), children and all. */
static GPtrArray *
load_actors (SamStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actors, actor_from_row (self, stmt));
  if (rc != SQLITE_DONE)
    return (_sam_store_set_error (self, error), NULL);
  if (!complete_actors (self, actors, error))
    return NULL;
  return g_steal_pointer (&actors);
}

SamActor *
_sam_store_load_actor_full (SamStore *self, const char *id, gboolean include_deleted, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      include_deleted ? "SELECT " ACTOR_COLUMNS " FROM actor WHERE id = ?"
                      : "SELECT " ACTOR_COLUMNS " FROM actor WHERE id = ? AND deleted = 0",
      error);
  g_autoptr(GPtrArray) actors = NULL;

  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, id);
  actors = load_actors (self, stmt, error);
  if (actors == NULL)
    return NULL;
  if (actors->len == 0)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_NOT_FOUND,
                   _("There is no actor with the id “%s” in the register."), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (actors, 0));
}

SamActor *
sam_store_load_actor (SamStore    *self,
                      const char  *id,
                      GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return _sam_store_load_actor_full (self, id, FALSE, error);
}

GPtrArray *
_sam_store_load_actors_by_rowids (SamStore *self, const gint64 *rowids, guint n, GError **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GHashTable) by_rowid = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) loaded = NULL;
  GPtrArray *ordered;
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT " ACTOR_COLUMNS " FROM actor WHERE rowid IN (SELECT value FROM json_each (?1))",
      error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", rowids[i]);
  g_string_append_c (json, ']');
  _sam_bind_text (stmt, 1, json->str);
  loaded = load_actors (self, stmt, error);
  if (loaded == NULL)
    return NULL;
  for (guint i = 0; i < loaded->len; i++)
    g_hash_table_insert (by_rowid, g_object_get_data (g_ptr_array_index (loaded, i), "rowid"),
                         g_ptr_array_index (loaded, i));
  /* in the order asked for */
  ordered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SamActor *actor = g_hash_table_lookup (by_rowid, &rowids[i]);
      if (actor)
        g_ptr_array_add (ordered, g_object_ref (actor));
    }
  return ordered;
}

GPtrArray *
sam_store_list_actors (SamStore  *self,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  stmt = _sam_store_prepare (self,
      "SELECT " ACTOR_COLUMNS " FROM actor WHERE deleted = 0 ORDER BY sort_sv, id", error);
  return stmt ? load_actors (self, stmt, error) : NULL;
}

GPtrArray *
_sam_store_list_all_actors (SamStore *self, GError **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self,
      "SELECT " ACTOR_COLUMNS " FROM actor WHERE deleted = 0 ORDER BY id", error);
  return stmt ? load_actors (self, stmt, error) : NULL;
}

GPtrArray *
sam_store_list_actors_serving (SamStore     *self,
                               SamActorKind  kind,
                               const char   *tag,
                               const char   *area_code,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (area_code != NULL, NULL);
  /* the areas an actor serves, not its owner: a joint on-call service
   * hosted by one municipality answers for several */
  stmt = _sam_store_prepare (self,
      "SELECT " ACTOR_COLUMNS " FROM actor WHERE deleted = 0 AND kind = ?1 "
      "AND id IN (SELECT actor_id FROM actor_area WHERE area_code = ?2) "
      "AND (?3 IS NULL OR id IN (SELECT actor_id FROM actor_tag WHERE tag = ?3 COLLATE NOCASE)) "
      "ORDER BY sort_sv, id", error);
  if (stmt == NULL)
    return NULL;
  _sam_bind_text (stmt, 1, sam_actor_kind_to_string (kind));
  _sam_bind_text (stmt, 2, area_code);
  _sam_bind_text (stmt, 3, tag);
  return load_actors (self, stmt, error);
}

GPtrArray *
sam_store_list_unit_ids (SamStore   *self,
                         const char *id,
                         GError    **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  return read_set (self, "SELECT id FROM actor WHERE parent_id = ? AND deleted = 0 ORDER BY sort_sv",
                   id, error);
}

GPtrArray *
sam_store_list_overdue (SamStore   *self,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  /* never verified first, then oldest verification first */
  stmt = _sam_store_prepare (self,
      "SELECT " ACTOR_COLUMNS " FROM actor WHERE deleted = 0 "
      "ORDER BY verified_at IS NOT NULL, verified_at, sort_sv", error);
  if (stmt == NULL || (all = load_actors (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    if (sam_actor_is_overdue (g_ptr_array_index (all, i), now))
      g_ptr_array_add (overdue, g_object_ref (g_ptr_array_index (all, i)));
  return g_steal_pointer (&overdue);
}

