/* sam-enums.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-enums"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-enums.h"

typedef struct {
  const char *token;
  const char *label;
  const char *icon;
} Entry;

static const Entry actor_kinds[SAM_N_ACTOR_KINDS] = {
  { "social-services",      N_("Social services"),             "system-users-symbolic" },
  { "police",               N_("Police"),                      "security-high-symbolic" },
  { "healthcare",           N_("Healthcare"),                  "emblem-favorite-symbolic" },
  { "migration-agency",     N_("Migration Agency"),            "mark-location-symbolic" },
  { "prosecution",          N_("Prosecution"),                 "accessories-dictionary-symbolic" },
  { "county-board",         N_("County administrative board"), "view-grid-symbolic" },
  { "regional-coordinator", N_("Regional coordinator"),        "emblem-shared-symbolic" },
  { "shelter",              N_("Shelter"),                     "user-home-symbolic" },
  { "ngo",                  N_("Voluntary organisation"),      "emblem-default-symbolic" },
  { "helpline",             N_("Helpline"),                    "call-start-symbolic" },
  { "emergency",            N_("Emergency"),                   "dialog-warning-symbolic" },
  { "national-authority",   N_("National authority"),          "emblem-documents-symbolic" },
  { "other",                N_("Other"),                       "x-office-address-book-symbolic" },
};

static const Entry route_kinds[SAM_N_ROUTE_KINDS] = {
  { "phone",            N_("Phone"),            "call-start-symbolic" },
  { "on-call-phone",    N_("On-call phone"),    "call-start-symbolic" },
  { "sms",              N_("Text message"),     "chat-message-new-symbolic" },
  { "email",            N_("E-mail"),           "mail-unread-symbolic" },
  { "secure-email",     N_("Secure e-mail"),    "channel-secure-symbolic" },
  { "web",              N_("Website"),          "web-browser-symbolic" },
  { "visiting-address", N_("Visiting address"), "mark-location-symbolic" },
  { "postal-address",   N_("Postal address"),   "mark-location-symbolic" },
};

static const Entry visibilities[SAM_N_VISIBILITIES] = {
  { "public",       N_("Public"),       NULL },
  { "professional", N_("Professional"), NULL },
  { "internal",     N_("Internal"),     NULL },
};

static const Entry step_kinds[SAM_N_STEP_KINDS] = {
  { "action",   N_("Action"),   NULL },
  { "question", N_("Question"), NULL },
  { "note",     N_("Note"),     NULL },
};

static const Entry urgencies[SAM_N_URGENCIES] = {
  { "",            N_("No urgency"), NULL },
  { "immediate",   N_("At once"),    NULL },
  { "same-day",    N_("Today"),      NULL },
  { "within-week", N_("This week"),  NULL },
};

static const Entry situations[SAM_N_SITUATIONS] = {
  { "trafficking-adult", N_("Suspected trafficking, adult"), NULL },
  { "trafficking-child", N_("Suspected trafficking, child"), NULL },
  { "buying-sex",        N_("A person who buys sex"),        NULL },
  { "selling-sex",       N_("A person who sells sex"),       NULL },
  { "other",             N_("Other situation"),              NULL },
};

static const char * const target_group_tokens[] = {
  "adults", "children", "young-people", "women", "men", "lgbtq", "professionals",
  "trafficking-victims", "people-selling-sex", "people-buying-sex", "relatives", NULL
};

static const char * const target_group_labels[] = {
  N_("Adults"), N_("Children"), N_("Young people"), N_("Women"), N_("Men"), N_("LGBTQ+"),
  N_("Professionals"), N_("Victims of trafficking"), N_("People who sell sex"),
  N_("People who buy sex"), N_("Relatives"), NULL
};

static gboolean
lookup_token (const Entry *entries, guint n, const char *str, guint *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].token, str) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_STRINGS(Type, prefix, table, N)                          \
  const char *prefix##_to_string (Type value)                                \
  {                                                                           \
    g_return_val_if_fail ((guint) value < N, NULL);                           \
    return table[value].token;                                                \
  }                                                                           \
  gboolean prefix##_from_string (const char *str, Type *out)                  \
  {                                                                           \
    guint i;                                                                  \
    if (!lookup_token (table, N, str, &i))                                    \
      return FALSE;                                                           \
    *out = (Type) i;                                                          \
    return TRUE;                                                              \
  }

DEFINE_ENUM_STRINGS (SamActorKind, sam_actor_kind, actor_kinds, SAM_N_ACTOR_KINDS)
DEFINE_ENUM_STRINGS (SamRouteKind, sam_route_kind, route_kinds, SAM_N_ROUTE_KINDS)
DEFINE_ENUM_STRINGS (SamVisibility, sam_visibility, visibilities, SAM_N_VISIBILITIES)
DEFINE_ENUM_STRINGS (SamStepKind, sam_step_kind, step_kinds, SAM_N_STEP_KINDS)
DEFINE_ENUM_STRINGS (SamUrgency, sam_urgency, urgencies, SAM_N_URGENCIES)
DEFINE_ENUM_STRINGS (SamSituation, sam_situation, situations, SAM_N_SITUATIONS)

const char *
sam_actor_kind_get_label (SamActorKind kind)
{
  g_return_val_if_fail (kind < SAM_N_ACTOR_KINDS, NULL);
  return _(actor_kinds[kind].label);
}

/* The kind in @lang with fixed words, for a sheet or a file read in the
 * language chosen for it rather than the window's (no gettext). */
const char *
sam_actor_kind_get_word (SamActorKind kind, SamLang lang)
{
  static const char *const words[SAM_N_LANGS][SAM_N_ACTOR_KINDS] = {
    [SAM_LANG_SV] = {
      "Socialtjänst", "Polis", "Hälso- och sjukvård", "Migrationsverket", "Åklagare",
      "Länsstyrelse", "Regionkoordinator", "Jour/skyddat boende", "Ideell organisation",
      "Stödlinje", "Larmnummer", "Nationell myndighet", "Övrigt",
    },
    [SAM_LANG_EN] = {
      "Social services", "Police", "Healthcare", "Migration Agency", "Prosecution",
      "County administrative board", "Regional coordinator", "Shelter",
      "Voluntary organisation", "Helpline", "Emergency", "National authority", "Other",
    },
  };

  g_return_val_if_fail (kind < SAM_N_ACTOR_KINDS && lang < SAM_N_LANGS, "");
  return words[lang][kind];
}

const char *
sam_actor_kind_get_icon_name (SamActorKind kind)
{
  g_return_val_if_fail (kind < SAM_N_ACTOR_KINDS, NULL);
  return actor_kinds[kind].icon;
}

const char *
sam_route_kind_get_label (SamRouteKind kind)
{
  g_return_val_if_fail (kind < SAM_N_ROUTE_KINDS, NULL);
  return _(route_kinds[kind].label);
}

const char *
sam_route_kind_get_icon_name (SamRouteKind kind)
{
  g_return_val_if_fail (kind < SAM_N_ROUTE_KINDS, NULL);
  return route_kinds[kind].icon;
}

gboolean
sam_route_kind_is_phone (SamRouteKind kind)
{
  return kind == SAM_ROUTE_KIND_PHONE || kind == SAM_ROUTE_KIND_ON_CALL_PHONE ||
         kind == SAM_ROUTE_KIND_SMS;
}

const char *
sam_visibility_get_label (SamVisibility visibility)
{
  g_return_val_if_fail (visibility < SAM_N_VISIBILITIES, NULL);
  return _(visibilities[visibility].label);
}

const char *
sam_urgency_get_label (SamUrgency urgency)
{
  g_return_val_if_fail (urgency < SAM_N_URGENCIES, NULL);
  return _(urgencies[urgency].label);
}

const char *
sam_step_kind_get_label (SamStepKind kind)
{
  g_return_val_if_fail (kind < SAM_N_STEP_KINDS, NULL);
  return _(step_kinds[kind].label);
}

const char *
sam_situation_get_label (SamSituation situation)
{
  g_return_val_if_fail (situation < SAM_N_SITUATIONS, NULL);
  return _(situations[situation].label);
}

const char * const *
sam_target_groups (void)
{
  return target_group_tokens;
}

gboolean
sam_target_group_is_valid (const char *token)
{
  return token != NULL && g_strv_contains (target_group_tokens, token);
}

const char *
sam_target_group_get_label (const char *token)
{
  for (guint i = 0; target_group_tokens[i]; i++)
    if (g_str_equal (target_group_tokens[i], token))
      return _(target_group_labels[i]);
  return token;
}

const char *
sam_lang_to_string (SamLang lang)
{
  return lang == SAM_LANG_EN ? "en" : "sv";
}

gboolean
sam_lang_from_string (const char *str, SamLang *out)
{
  if (g_strcmp0 (str, "sv") == 0)
    *out = SAM_LANG_SV;
  else if (g_strcmp0 (str, "en") == 0)
    *out = SAM_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

/* The register language that matches the user interface: Swedish when the
 * first of the user's languages is Swedish, English otherwise. */
SamLang
sam_lang_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return SAM_LANG_SV;
      if (g_str_has_prefix (names[i], "en"))
        return SAM_LANG_EN;
    }
  return SAM_LANG_EN;
}

static const struct { const char *code; const char *label; } language_names[] = {
    { "sv", N_("Swedish") }, { "en", N_("English") }, { "ar", N_("Arabic") },
    { "so", N_("Somali") }, { "ro", N_("Romanian") }, { "ru", N_("Russian") },
    { "ti", N_("Tigrinya") }, { "fa", N_("Persian") }, { "fi", N_("Finnish") },
    { "se", N_("Northern Sami") }, { "uk", N_("Ukrainian") }, { "es", N_("Spanish") },
    { "fr", N_("French") }, { "de", N_("German") }, { "pl", N_("Polish") },
    { "th", N_("Thai") }, { "bg", N_("Bulgarian") }, { "hu", N_("Hungarian") },
    { "ku", N_("Kurdish") }, { "prs", N_("Dari") }, { "sgn", N_("Sign language") },
};

const char *
sam_language_get_label (const char *iso_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_strcmp0 (language_names[i].code, iso_code) == 0)
      return _(language_names[i].label);
  return iso_code;
}

gboolean
sam_language_is_known (const char *iso_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_strcmp0 (language_names[i].code, iso_code) == 0)
      return TRUE;
  return FALSE;
}

gboolean
sam_language_code_is_valid (const char *code)
{
  gsize length = code ? strlen (code) : 0;

  if (length < 2 || length > 3)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (code[i]))
      return FALSE;
  return TRUE;
}
