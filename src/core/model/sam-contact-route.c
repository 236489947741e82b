/* sam-contact-route.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-contact-route"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-contact-route.h"
#include "sam-errors.h"
#include "sam-phone.h"
#include "sam-model-private.h"

struct _SamContactRoute
{
  GObject parent_instance;

  char *id;
  SamRouteKind kind;
  char *value;
  SamText label;
  SamVisibility visibility;
  SamSchedule *hours;
  gboolean abroad;
};

G_DEFINE_FINAL_TYPE (SamContactRoute, sam_contact_route, G_TYPE_OBJECT)

static void
sam_contact_route_finalize (GObject *object)
{
  SamContactRoute *self = SAM_CONTACT_ROUTE (object);

  g_free (self->id);
  g_free (self->value);
  sam_text_clear (&self->label);
  g_clear_pointer (&self->hours, sam_schedule_unref);

  G_OBJECT_CLASS (sam_contact_route_parent_class)->finalize (object);
}

static void
sam_contact_route_class_init (SamContactRouteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_contact_route_finalize;
}

static void
sam_contact_route_init (SamContactRoute *self)
{
  self->visibility = SAM_VISIBILITY_PROFESSIONAL;
}

SamContactRoute *
sam_contact_route_new (const char *id)
{
  SamContactRoute *self = g_object_new (SAM_TYPE_CONTACT_ROUTE, NULL);

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  return self;
}

SamContactRoute *
sam_contact_route_copy (SamContactRoute *self)
{
  SamContactRoute *copy = sam_contact_route_new (self->id);

  copy->kind = self->kind;
  copy->value = g_strdup (self->value);
  sam_text_copy (&copy->label, &self->label);
  copy->visibility = self->visibility;
  copy->hours = self->hours ? sam_schedule_ref (self->hours) : NULL;
  copy->abroad = self->abroad;
  return copy;
}

static gboolean
hours_equal (SamSchedule *a, SamSchedule *b)
{
  g_autofree char *sa = a ? sam_schedule_to_string (a) : NULL;
  g_autofree char *sb = b ? sam_schedule_to_string (b) : NULL;

  return g_strcmp0 (sa, sb) == 0;
}

gboolean
sam_contact_route_equal (SamContactRoute *a, SamContactRoute *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && a->kind == b->kind &&
         g_strcmp0 (a->value, b->value) == 0 && sam_text_equal (&a->label, &b->label) &&
         a->visibility == b->visibility && hours_equal (a->hours, b->hours) &&
         a->abroad == b->abroad;
}

const char *
sam_contact_route_get_id (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);
  return self->id;
}

SamRouteKind
sam_contact_route_get_kind (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), 0);
  return self->kind;
}

void
sam_contact_route_set_kind (SamContactRoute *self, SamRouteKind kind)
{
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (self));
  self->kind = kind;
}

const char *
sam_contact_route_get_value (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);
  return self->value;
}

/* "https://x" or "http://x", with something after the scheme and no space. */
static gboolean
web_address_is_valid (const char *value)
{
  const char *rest = g_str_has_prefix (value, "https://") ? value + 8
                   : g_str_has_prefix (value, "http://") ? value + 7 : NULL;

  return rest != NULL && *rest != '\0' && strpbrk (value, " \t\n") == NULL;
}

gboolean
sam_contact_route_is_plain_http (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), FALSE);

  return self->kind == SAM_ROUTE_KIND_WEB && g_str_has_prefix (self->value, "http://");
}

static gboolean
email_is_valid (const char *value)
{
  const char *at = strchr (value, '@');

  return at != NULL && at != value && strchr (at + 1, '.') != NULL &&
         strchr (at + 1, '@') == NULL && strpbrk (value, " \t<>,;\"") == NULL &&
         at[1] != '.' && value[strlen (value) - 1] != '.';
}

static char *
check_value (SamRouteKind kind, const char *value, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  const char *field = sam_route_kind_get_label (kind);

  if (*trimmed == '\0')
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, _("%s: a value is required."), field);
      return NULL;
    }
  if (sam_route_kind_is_phone (kind))
    return sam_phone_normalize (trimmed, field, error);
  if ((kind == SAM_ROUTE_KIND_EMAIL || kind == SAM_ROUTE_KIND_SECURE_EMAIL) &&
      !email_is_valid (trimmed))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("%s: “%s” is not an e-mail address such as name@example.se."),
                   field, trimmed);
      return NULL;
    }
  /* plain http is allowed, as the exchange format allows it, and warned
   * about (sam_contact_route_is_plain_http): many small NGOs still use it */
  if (kind == SAM_ROUTE_KIND_WEB && !web_address_is_valid (trimmed))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("%s: “%s” is not a web address starting with https:// or http://."),
                   field, trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

gboolean
sam_contact_route_set_value (SamContactRoute  *self,
                             const char       *value,
                             GError          **error)
{
  char *checked;

  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  checked = check_value (self->kind, value, error);
  if (checked == NULL)
    return FALSE;
  g_free (self->value);
  self->value = checked;
  return TRUE;
}

char *
sam_contact_route_dup_display_value (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);

  if (self->value == NULL)
    return g_strdup ("");
  if (sam_route_kind_is_phone (self->kind))
    return self->abroad ? sam_phone_format_international (self->value)
                        : sam_phone_format (self->value);
  return g_strdup (self->value);
}

gboolean
sam_contact_route_get_abroad (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), FALSE);
  return self->abroad;
}

void
sam_contact_route_set_abroad (SamContactRoute *self, gboolean abroad)
{
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (self));
  self->abroad = !!abroad;
}

char *
sam_contact_route_dup_uri (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);

  if (self->value == NULL)
    return NULL;
  switch (self->kind)
    {
    case SAM_ROUTE_KIND_PHONE:
    case SAM_ROUTE_KIND_ON_CALL_PHONE:
      return sam_phone_to_uri (self->value);
    case SAM_ROUTE_KIND_SMS:
      return g_strconcat ("sms:", self->value, NULL);
    case SAM_ROUTE_KIND_EMAIL:
    case SAM_ROUTE_KIND_SECURE_EMAIL:
      return g_strconcat ("mailto:", self->value, NULL);
    case SAM_ROUTE_KIND_WEB:
      return g_strdup (self->value);
    case SAM_ROUTE_KIND_VISITING_ADDRESS:
    case SAM_ROUTE_KIND_POSTAL_ADDRESS:
    case SAM_N_ROUTE_KINDS:
    default:
      return NULL;
    }
}

SamText *
sam_contact_route_get_label (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);
  return &self->label;
}

SamVisibility
sam_contact_route_get_visibility (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), SAM_VISIBILITY_INTERNAL);
  return self->visibility;
}

void
sam_contact_route_set_visibility (SamContactRoute *self, SamVisibility visibility)
{
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (self));
  g_return_if_fail (visibility < SAM_N_VISIBILITIES);
  self->visibility = visibility;
}

SamSchedule *
sam_contact_route_get_hours (SamContactRoute *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_ROUTE (self), NULL);
  return self->hours;
}

void
sam_contact_route_set_hours (SamContactRoute *self, SamSchedule *hours)
{
  g_return_if_fail (SAM_IS_CONTACT_ROUTE (self));

  if (hours)
    sam_schedule_ref (hours);
  g_clear_pointer (&self->hours, sam_schedule_unref);
  self->hours = hours;
}

void
_sam_contact_route_set_stored_value (SamContactRoute *self, const char *value)
{
  g_free (self->value);
  self->value = g_strdup (value);
}
