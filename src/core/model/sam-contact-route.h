/* sam-contact-route.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-enums.h"
#include "sam-schedule.h"
#include "sam-text.h"

G_BEGIN_DECLS

#define SAM_TYPE_CONTACT_ROUTE (sam_contact_route_get_type ())
G_DECLARE_FINAL_TYPE (SamContactRoute, sam_contact_route, SAM, CONTACT_ROUTE, GObject)

SamContactRoute *sam_contact_route_new             (const char *id);
SamContactRoute *sam_contact_route_copy            (SamContactRoute *self);
gboolean         sam_contact_route_equal           (SamContactRoute *a,
                                                    SamContactRoute *b);

const char      *sam_contact_route_get_id          (SamContactRoute *self);
SamRouteKind     sam_contact_route_get_kind        (SamContactRoute *self);
void             sam_contact_route_set_kind        (SamContactRoute *self,
                                                    SamRouteKind     kind);
/* The stored value: E.164 or a short number for phones, else as written. */
const char      *sam_contact_route_get_value       (SamContactRoute *self);
/* A web address without encryption (http://): allowed, and worth a warning. */
gboolean         sam_contact_route_is_plain_http   (SamContactRoute *self);
/* Sets the value, normalising and checking phone numbers and e-mail
 * addresses; on error the route is unchanged. */
gboolean         sam_contact_route_set_value       (SamContactRoute *self,
                                                    const char      *value,
                                                    GError         **error);
/* Whether the route is meant to be dialled from abroad: its number is then
 * shown and printed in international form ("+46 771-14 14 00"). */
gboolean         sam_contact_route_get_abroad      (SamContactRoute *self);
void             sam_contact_route_set_abroad      (SamContactRoute *self,
                                                    gboolean         abroad);
/* The value as people read it ("090-16 10 00"; international form for a
 * route dialled from abroad). */
char            *sam_contact_route_dup_display_value (SamContactRoute *self);
/* tel:, mailto: or https: URI, or NULL for addresses. */
char            *sam_contact_route_dup_uri         (SamContactRoute *self);
SamText         *sam_contact_route_get_label       (SamContactRoute *self);
SamVisibility    sam_contact_route_get_visibility  (SamContactRoute *self);
void             sam_contact_route_set_visibility  (SamContactRoute *self,
                                                    SamVisibility    visibility);
/* Hours of its own, or NULL when the route keeps the actor's hours. */
SamSchedule     *sam_contact_route_get_hours       (SamContactRoute *self);
void             sam_contact_route_set_hours       (SamContactRoute *self,
                                                    SamSchedule     *hours);

G_END_DECLS
