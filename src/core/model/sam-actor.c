/* sam-actor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-actor"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-actor.h"
#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-model-private.h"
#include "sam-schedule.h"

struct _SamActor
{
  GObject parent_instance;

  char *id;
  char *parent_id;
  SamActorKind kind;
  SamText name;
  SamText description;
  GPtrArray *areas;
  GPtrArray *target_groups;
  GPtrArray *languages;
  GPtrArray *tags;
  char *source;
  char *source_read;
  SamSchedule *hours;
  GDateTime *verified_at;
  char *verified_by;
  guint review_days;
  gint64 revision;
  GDateTime *updated_at;
  char *updated_by;
  GPtrArray *routes;
};

G_DEFINE_FINAL_TYPE (SamActor, sam_actor, G_TYPE_OBJECT)

static void
sam_actor_finalize (GObject *object)
{
  SamActor *self = SAM_ACTOR (object);

  g_free (self->id);
  g_free (self->parent_id);
  sam_text_clear (&self->name);
  sam_text_clear (&self->description);
  g_ptr_array_unref (self->areas);
  g_ptr_array_unref (self->target_groups);
  g_ptr_array_unref (self->languages);
  g_ptr_array_unref (self->tags);
  g_free (self->source);
  g_free (self->source_read);
  g_clear_pointer (&self->hours, sam_schedule_unref);
  g_clear_pointer (&self->verified_at, g_date_time_unref);
  g_free (self->verified_by);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self->updated_by);
  g_ptr_array_unref (self->routes);

  G_OBJECT_CLASS (sam_actor_parent_class)->finalize (object);
}

static void
sam_actor_class_init (SamActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_actor_finalize;
}

static void
sam_actor_init (SamActor *self)
{
  self->areas = g_ptr_array_new_with_free_func (g_free);
  self->target_groups = g_ptr_array_new_with_free_func (g_free);
  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->routes = g_ptr_array_new_with_free_func (g_object_unref);
  self->review_days = 365;
  self->revision = 0;
  self->kind = SAM_ACTOR_KIND_OTHER;
}

SamActor *
sam_actor_new (const char *id)
{
  SamActor *self = g_object_new (SAM_TYPE_ACTOR, NULL);

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  return self;
}

static void
copy_strings (GPtrArray *dest, GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dest, g_strdup (g_ptr_array_index (src, i)));
}

SamActor *
sam_actor_copy (SamActor *self)
{
  SamActor *copy;

  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);

  copy = sam_actor_new (self->id);
  copy->parent_id = g_strdup (self->parent_id);
  copy->kind = self->kind;
  sam_text_copy (&copy->name, &self->name);
  sam_text_copy (&copy->description, &self->description);
  copy_strings (copy->areas, self->areas);
  copy_strings (copy->target_groups, self->target_groups);
  copy_strings (copy->languages, self->languages);
  copy_strings (copy->tags, self->tags);
  sam_actor_set_source (copy, self->source, self->source_read);
  sam_actor_set_hours (copy, self->hours);
  sam_actor_set_verified (copy, self->verified_at, self->verified_by);
  copy->review_days = self->review_days;
  copy->revision = self->revision;
  sam_actor_set_updated (copy, self->updated_at, self->updated_by);
  for (guint i = 0; i < self->routes->len; i++)
    g_ptr_array_add (copy->routes, sam_contact_route_copy (g_ptr_array_index (self->routes, i)));
  return copy;
}

const char *
sam_actor_get_id (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->id;
}

const char *
sam_actor_get_parent_id (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->parent_id;
}

void
sam_actor_set_parent_id (SamActor *self, const char *parent_id)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  if (parent_id != NULL && *parent_id == '\0')
    parent_id = NULL;
  g_free (self->parent_id);
  self->parent_id = g_strdup (parent_id);
}

SamActorKind
sam_actor_get_kind (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), SAM_ACTOR_KIND_OTHER);
  return self->kind;
}

void
sam_actor_set_kind (SamActor *self, SamActorKind kind)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  g_return_if_fail (kind < SAM_N_ACTOR_KINDS);
  self->kind = kind;
}

SamText *
sam_actor_get_name (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return &self->name;
}

SamText *
sam_actor_get_description (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return &self->description;
}

const char *
sam_actor_get_display_name (SamActor *self)
{
  const char *name;

  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  name = sam_text_get_best (&self->name, sam_lang_from_locale (), NULL);
  return name ? name : self->id;
}

GPtrArray *
sam_actor_get_areas (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->areas;
}

GPtrArray *
sam_actor_get_target_groups (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->target_groups;
}

GPtrArray *
sam_actor_get_languages (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->languages;
}

GPtrArray *
sam_actor_get_tags (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->tags;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Keeps the set sorted so equal actors serialise equally. */
static void
add_sorted_unique (GPtrArray *set, const char *value)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (value != NULL);
  clean = g_strstrip (g_strdup (value));
  if (*clean == '\0')
    return;
  for (guint i = 0; i < set->len; i++)
    if (g_str_equal (g_ptr_array_index (set, i), clean))
      return;
  g_ptr_array_add (set, g_steal_pointer (&clean));
  g_ptr_array_sort (set, compare_strings);
}

/* Keeps the order things were added in, without duplicates. */
static void
add_unique (GPtrArray *list, const char *value)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (value != NULL);
  clean = g_strstrip (g_strdup (value));
  if (*clean == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), clean))
      return;
  g_ptr_array_add (list, g_steal_pointer (&clean));
}

void
sam_actor_add_area (SamActor *self, const char *code)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  add_sorted_unique (self->areas, code);
}

void
sam_actor_add_target_group (SamActor *self, const char *token)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  add_sorted_unique (self->target_groups, token);
}

void
sam_actor_add_language (SamActor *self, const char *code)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  add_unique (self->languages, code);
}

void
sam_actor_clear_languages (SamActor *self)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  g_ptr_array_set_size (self->languages, 0);
}

const char *
sam_actor_get_source (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->source;
}

const char *
sam_actor_get_source_read (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->source_read;
}

static char *
dup_clean (const char *value)
{
  char *clean = value ? g_strstrip (g_strdup (value)) : NULL;

  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

void
sam_actor_set_source (SamActor *self, const char *source, const char *read_on)
{
  char *clean_source = dup_clean (source);
  char *clean_read = dup_clean (read_on);

  g_return_if_fail (SAM_IS_ACTOR (self));
  g_free (self->source);
  g_free (self->source_read);
  self->source = clean_source;
  self->source_read = clean_read;
}

static gboolean
is_web (const char *source)
{
  return g_str_has_prefix (source, "https://") || g_str_has_prefix (source, "http://");
}

gboolean
sam_actor_source_is_web (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), FALSE);
  return self->source != NULL && is_web (self->source);
}

void
sam_actor_add_tag (SamActor *self, const char *tag)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  add_sorted_unique (self->tags, tag);
}

SamSchedule *
sam_actor_get_hours (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->hours;
}

void
sam_actor_set_hours (SamActor *self, SamSchedule *hours)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  if (hours)
    sam_schedule_ref (hours);
  g_clear_pointer (&self->hours, sam_schedule_unref);
  self->hours = hours;
}

GDateTime *
sam_actor_get_verified_at (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->verified_at;
}

const char *
sam_actor_get_verified_by (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->verified_by;
}

static void
replace_time (GDateTime **slot, GDateTime *value)
{
  if (value)
    g_date_time_ref (value);
  g_clear_pointer (slot, g_date_time_unref);
  *slot = value;
}

void
sam_actor_set_verified (SamActor *self, GDateTime *at, const char *by)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  replace_time (&self->verified_at, at);
  g_free (self->verified_by);
  self->verified_by = at ? g_strdup (by) : NULL;
}

guint
sam_actor_get_review_days (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), 0);
  return self->review_days;
}

void
sam_actor_set_review_days (SamActor *self, guint days)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  g_return_if_fail (days > 0);
  self->review_days = days;
}

gboolean
sam_actor_is_overdue (SamActor *self, GDateTime *now)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (SAM_IS_ACTOR (self), FALSE);
  if (self->verified_at == NULL)
    return TRUE;
  due = g_date_time_add_days (self->verified_at, self->review_days);
  return due != NULL && g_date_time_compare (due, now) < 0;
}

gint64
sam_actor_get_revision (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), 0);
  return self->revision;
}

void
sam_actor_set_revision (SamActor *self, gint64 revision)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  self->revision = revision;
}

GDateTime *
sam_actor_get_updated_at (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->updated_at;
}

const char *
sam_actor_get_updated_by (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->updated_by;
}

void
sam_actor_set_updated (SamActor *self, GDateTime *at, const char *by)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  replace_time (&self->updated_at, at);
  g_free (self->updated_by);
  self->updated_by = g_strdup (by);
}

GPtrArray *
sam_actor_get_routes (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  return self->routes;
}

SamContactRoute *
sam_actor_get_first_callable_phone (SamActor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);

  for (guint i = 0; i < self->routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (self->routes, i);

      if (sam_route_kind_is_phone (sam_contact_route_get_kind (route)) &&
          sam_contact_route_get_visibility (route) != SAM_VISIBILITY_INTERNAL)
        return route;
    }
  return NULL;
}

void
sam_actor_add_route (SamActor *self, SamContactRoute *route)
{
  g_return_if_fail (SAM_IS_ACTOR (self));
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (route));
  g_ptr_array_add (self->routes, g_object_ref (route));
}

SamContactRoute *
sam_actor_find_route (SamActor *self, const char *route_id)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), NULL);
  for (guint i = 0; i < self->routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (self->routes, i);
      if (g_strcmp0 (sam_contact_route_get_id (route), route_id) == 0)
        return route;
    }
  return NULL;
}

gboolean
sam_actor_remove_route (SamActor *self, const char *route_id)
{
  SamContactRoute *route = sam_actor_find_route (self, route_id);

  return route != NULL && g_ptr_array_remove (self->routes, route);
}

/* A day "2026-11-02" that exists, in the years a register holds. */
static gboolean
is_valid_day (const char *text)
{
  int y, m, d;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_ascii_isdigit (text[0]) ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]))
    return FALSE;
  return y >= SAM_YEAR_MIN && y <= SAM_YEAR_MAX && g_date_valid_dmy (d, m, y);
}

/* A web page with a host, or a document's name on one line. */
gboolean
sam_actor_check_source (const char *source, const char *read_on, GError **error)
{
  if (source == NULL && read_on == NULL)
    return TRUE;
  if (source == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: name the web page or document that was read on %s."),
                         read_on), FALSE);
  if (g_utf8_strlen (source, -1) > SAM_ACTOR_MAX_SOURCE)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: at most %d characters."), SAM_ACTOR_MAX_SOURCE), FALSE);
  for (const char *p = source; *p; p++)
    if ((guchar) *p < 0x20)
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("Source: a web address or a document name on one line.")), FALSE);
  if (strstr (source, "://") != NULL && !is_web (source))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: “%s” is not a web address starting with https:// or http://."),
                         source), FALSE);
  if (is_web (source) && (!g_uri_is_valid (source, G_URI_FLAGS_NONE, NULL) || strpbrk (source, " \t")))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: “%s” is not a valid web address."), source), FALSE);
  if (read_on == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: the date it was read is required.")), FALSE);
  if (!is_valid_day (read_on))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Source: the date read “%s” is not a date such as 2026-11-02."),
                         read_on), FALSE);
  return TRUE;
}

gboolean
_sam_actor_validate_fields (SamActor *self, GError **error)
{
  if (self->areas->len == 0)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Areas: choose at least one area the actor serves.")), FALSE);
  for (guint i = 0; i < self->areas->len; i++)
    if (sam_area_lookup (g_ptr_array_index (self->areas, i)) == NULL)
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("Areas: “%s” is not a Swedish municipality or county code."),
                           (const char *) g_ptr_array_index (self->areas, i)), FALSE);
  for (guint i = 0; i < self->target_groups->len; i++)
    if (!sam_target_group_is_valid (g_ptr_array_index (self->target_groups, i)))
      return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                           _("Target groups: “%s” is not a known target group."),
                           (const char *) g_ptr_array_index (self->target_groups, i)), FALSE);
  if (self->parent_id && g_str_equal (self->parent_id, self->id))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Part of: an actor cannot be a unit of itself.")), FALSE);
  if (self->review_days > SAM_ACTOR_MAX_REVIEW_DAYS)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Review interval: at most %u days."), SAM_ACTOR_MAX_REVIEW_DAYS), FALSE);
  /* a verification in 9999 would never fall due; one in the year 1 is a
   * slip of the keyboard */
  if (self->verified_at && !sam_date_time_is_in_range (self->verified_at))
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Verified: the year %d is not between %d and %d."),
                         g_date_time_get_year (self->verified_at), SAM_YEAR_MIN, SAM_YEAR_MAX),
            FALSE);
  return sam_actor_check_source (self->source, self->source_read, error);
}

gboolean
sam_actor_validate (SamActor *self, GError **error)
{
  g_return_val_if_fail (SAM_IS_ACTOR (self), FALSE);

  if (sam_text_get (&self->name, SAM_LANG_SV) == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Name (Swedish): a name is required.")), FALSE);
  if (sam_text_get (&self->name, SAM_LANG_EN) == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("Name (English): a name is required.")), FALSE);
  return _sam_actor_validate_fields (self, error);
}
