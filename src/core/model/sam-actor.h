/* sam-actor.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-contact-route.h"
#include "sam-enums.h"
#include "sam-schedule.h"
#include "sam-text.h"

G_BEGIN_DECLS

#define SAM_TYPE_ACTOR (sam_actor_get_type ())
#define SAM_ACTOR_MAX_REVIEW_DAYS 3650
#define SAM_ACTOR_MAX_SOURCE 1000
G_DECLARE_FINAL_TYPE (SamActor, sam_actor, SAM, ACTOR, GObject)

/* An organisation, or a unit inside one (it then has a parent). A detached
 * value: the store hands out copies, and saving one checks its revision. */
SamActor     *sam_actor_new                 (const char   *id);
SamActor     *sam_actor_copy                (SamActor     *self);

const char   *sam_actor_get_id              (SamActor     *self);
const char   *sam_actor_get_parent_id       (SamActor     *self);
void          sam_actor_set_parent_id       (SamActor     *self,
                                             const char   *parent_id);
SamActorKind  sam_actor_get_kind            (SamActor     *self);
void          sam_actor_set_kind            (SamActor     *self,
                                             SamActorKind  kind);
SamText      *sam_actor_get_name            (SamActor     *self);
SamText      *sam_actor_get_description     (SamActor     *self);
/* The name in the user interface's language, falling back to the other. */
const char   *sam_actor_get_display_name    (SamActor     *self);

/* Areas ("SE", county "24", municipality "2480"), target groups and free
 * tags: sorted, without duplicates. Spoken languages: in the order they were
 * added (the order the register keeps them in), without duplicates. */
GPtrArray    *sam_actor_get_areas           (SamActor     *self);
GPtrArray    *sam_actor_get_target_groups   (SamActor     *self);
GPtrArray    *sam_actor_get_languages       (SamActor     *self);
GPtrArray    *sam_actor_get_tags            (SamActor     *self);
void          sam_actor_add_area            (SamActor     *self,
                                             const char   *code);
void          sam_actor_add_target_group    (SamActor     *self,
                                             const char   *token);
void          sam_actor_add_language        (SamActor     *self,
                                             const char   *code);
void          sam_actor_add_tag             (SamActor     *self,
                                             const char   *tag);

void          sam_actor_clear_languages     (SamActor     *self);

/* Where the actor's information was read: a web page ("https://…") or the
 * name of a document, and the day it was read ("2026-11-02"). Both or
 * neither; sam_actor_validate() checks them. */
const char   *sam_actor_get_source          (SamActor     *self);
const char   *sam_actor_get_source_read     (SamActor     *self);
void          sam_actor_set_source          (SamActor     *self,
                                             const char   *source,
                                             const char   *read_on);
/* Checks a source as sam_actor_validate() does (NULL: not given); the
 * message starts with the field's name. */
gboolean      sam_actor_check_source        (const char   *source,
                                             const char   *read_on,
                                             GError      **error);
/* Whether the source is a web address (http:// or https://). */
gboolean      sam_actor_source_is_web       (SamActor     *self);

SamSchedule  *sam_actor_get_hours           (SamActor     *self);
void          sam_actor_set_hours           (SamActor     *self,
                                             SamSchedule  *hours);

/* Verification is a fact of its own: saving does not move it. */
GDateTime    *sam_actor_get_verified_at     (SamActor     *self);
const char   *sam_actor_get_verified_by     (SamActor     *self);
void          sam_actor_set_verified        (SamActor     *self,
                                             GDateTime    *at,
                                             const char   *by);
guint         sam_actor_get_review_days     (SamActor     *self);
void          sam_actor_set_review_days     (SamActor     *self,
                                             guint         days);
gboolean      sam_actor_is_overdue          (SamActor     *self,
                                             GDateTime    *now);

gint64        sam_actor_get_revision        (SamActor     *self);
void          sam_actor_set_revision        (SamActor     *self,
                                             gint64        revision);
GDateTime    *sam_actor_get_updated_at      (SamActor     *self);
const char   *sam_actor_get_updated_by      (SamActor     *self);
void          sam_actor_set_updated         (SamActor     *self,
                                             GDateTime    *at,
                                             const char   *by);

/* Routes in their order. */
GPtrArray    *sam_actor_get_routes          (SamActor     *self);
/* The number a result row shows: the first phone that is not internal (the
 * register holder works with the agencies, so a professional number counts
 * as well as a public one). The store's rows for a search pick the same
 * (sam-store-actors-read.c). */
SamContactRoute *sam_actor_get_first_callable_phone (SamActor *self);
void          sam_actor_add_route           (SamActor     *self,
                                             SamContactRoute *route);
SamContactRoute *sam_actor_find_route       (SamActor     *self,
                                             const char   *route_id);
gboolean      sam_actor_remove_route        (SamActor     *self,
                                             const char   *route_id);

/* Checks what a save needs: names in both languages, at least one area,
 * areas that exist. The message names the field. */
gboolean      sam_actor_validate            (SamActor     *self,
                                             GError      **error);

G_END_DECLS
