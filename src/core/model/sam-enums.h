/* sam-enums.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The two languages every register text carries. */
typedef enum {
  SAM_LANG_SV,
  SAM_LANG_EN,
  SAM_N_LANGS
} SamLang;

typedef enum {
  SAM_ACTOR_KIND_SOCIAL_SERVICES,
  SAM_ACTOR_KIND_POLICE,
  SAM_ACTOR_KIND_HEALTHCARE,
  SAM_ACTOR_KIND_MIGRATION_AGENCY,
  SAM_ACTOR_KIND_PROSECUTION,
  SAM_ACTOR_KIND_COUNTY_BOARD,
  SAM_ACTOR_KIND_REGIONAL_COORDINATOR,
  SAM_ACTOR_KIND_SHELTER,
  SAM_ACTOR_KIND_NGO,
  SAM_ACTOR_KIND_HELPLINE,
  SAM_ACTOR_KIND_EMERGENCY,
  SAM_ACTOR_KIND_NATIONAL_AUTHORITY,
  SAM_ACTOR_KIND_OTHER,
  SAM_N_ACTOR_KINDS
} SamActorKind;

typedef enum {
  SAM_ROUTE_KIND_PHONE,
  SAM_ROUTE_KIND_ON_CALL_PHONE,
  SAM_ROUTE_KIND_SMS,
  SAM_ROUTE_KIND_EMAIL,
  SAM_ROUTE_KIND_SECURE_EMAIL,
  SAM_ROUTE_KIND_WEB,
  SAM_ROUTE_KIND_VISITING_ADDRESS,
  SAM_ROUTE_KIND_POSTAL_ADDRESS,
  SAM_N_ROUTE_KINDS
} SamRouteKind;

/* Ordered from most to least open: a sheet for an audience shows a route
 * when route visibility <= audience. */
typedef enum {
  SAM_VISIBILITY_PUBLIC,
  SAM_VISIBILITY_PROFESSIONAL,
  SAM_VISIBILITY_INTERNAL,
  SAM_N_VISIBILITIES
} SamVisibility;

typedef enum {
  SAM_STEP_KIND_ACTION,
  SAM_STEP_KIND_QUESTION,
  SAM_STEP_KIND_NOTE,
  SAM_N_STEP_KINDS
} SamStepKind;

typedef enum {
  SAM_URGENCY_NONE,
  SAM_URGENCY_IMMEDIATE,
  SAM_URGENCY_SAME_DAY,
  SAM_URGENCY_WITHIN_WEEK,
  SAM_N_URGENCIES
} SamUrgency;

typedef enum {
  SAM_SITUATION_TRAFFICKING_ADULT,
  SAM_SITUATION_TRAFFICKING_CHILD,
  SAM_SITUATION_BUYING_SEX,
  SAM_SITUATION_SELLING_SEX,
  SAM_SITUATION_OTHER,
  SAM_N_SITUATIONS
} SamSituation;

/* Each enum has a stable token used in the database, the XML and the CLI
 * ("social-services") and a translated label for people. */
const char   *sam_actor_kind_to_string     (SamActorKind kind);
gboolean      sam_actor_kind_from_string   (const char *str, SamActorKind *out);
const char   *sam_actor_kind_get_label     (SamActorKind kind);
const char   *sam_actor_kind_get_word      (SamActorKind kind,
                                           SamLang      lang);
const char   *sam_actor_kind_get_icon_name (SamActorKind kind);

const char   *sam_route_kind_to_string     (SamRouteKind kind);
gboolean      sam_route_kind_from_string   (const char *str, SamRouteKind *out);
const char   *sam_route_kind_get_label     (SamRouteKind kind);
const char   *sam_route_kind_get_icon_name (SamRouteKind kind);
gboolean      sam_route_kind_is_phone      (SamRouteKind kind);

const char   *sam_visibility_to_string     (SamVisibility visibility);
gboolean      sam_visibility_from_string   (const char *str, SamVisibility *out);
const char   *sam_visibility_get_label     (SamVisibility visibility);

const char   *sam_step_kind_to_string      (SamStepKind kind);
gboolean      sam_step_kind_from_string    (const char *str, SamStepKind *out);
const char   *sam_step_kind_get_label      (SamStepKind kind);

const char   *sam_urgency_to_string        (SamUrgency urgency);
gboolean      sam_urgency_from_string      (const char *str, SamUrgency *out);
const char   *sam_urgency_get_label        (SamUrgency urgency);

const char   *sam_situation_to_string      (SamSituation situation);
gboolean      sam_situation_from_string    (const char *str, SamSituation *out);
const char   *sam_situation_get_label      (SamSituation situation);

/* Target groups are a closed vocabulary of tokens ("children", "men", …). */
const char * const *sam_target_groups      (void);
gboolean      sam_target_group_is_valid    (const char *token);
const char   *sam_target_group_get_label   (const char *token);

const char   *sam_lang_to_string           (SamLang lang);
gboolean      sam_lang_from_string         (const char *str, SamLang *out);
SamLang       sam_lang_from_locale         (void);
const char   *sam_language_get_label       (const char *iso_code);
/* TRUE for a language Samverkan has a name for (sam_language_get_label). */
gboolean      sam_language_is_known        (const char *iso_code);
/* TRUE for two or three lower-case ASCII letters, the shape of ISO 639. */
gboolean      sam_language_code_is_valid   (const char *code);

G_END_DECLS
