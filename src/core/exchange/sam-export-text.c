/* sam-export-text.c — words, identifiers and addresses the export formats share.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <string.h>

#include "sam-export-private.h"

typedef struct {
  const char *hours_word;
  const char *route_kinds[SAM_N_ROUTE_KINDS];
} ExportWords;

/* A file is read by whoever it goes to, in the language it was asked for,
 * not in the language of the program that wrote it: fixed words, no gettext. */
static const ExportWords words[SAM_N_LANGS] = {
  [SAM_LANG_SV] = {
    .hours_word = "Öppettider",
    .route_kinds = {
      "Telefon", "Jourtelefon", "Sms", "E-post", "Säker e-post", "Webb", "Besöksadress",
      "Postadress",
    },
  },
  [SAM_LANG_EN] = {
    .hours_word = "Opening hours",
    .route_kinds = {
      "Phone", "On-call phone", "Text message", "E-mail", "Secure e-mail", "Website",
      "Visiting address", "Postal address",
    },
  },
};

const char *
_sam_export_route_kind_word (SamRouteKind kind, SamLang lang)
{
  g_return_val_if_fail (kind < SAM_N_ROUTE_KINDS && lang < SAM_N_LANGS, "");
  return words[lang].route_kinds[kind];
}

const char *
_sam_export_hours_word (SamLang lang)
{
  g_return_val_if_fail (lang < SAM_N_LANGS, "");
  return words[lang].hours_word;
}

/* RFC 4122 §4.3 with SHA-1 under a namespace of our own. */
char *
_sam_export_uuid (const char *what, const char *id)
{
  static const guint8 ns[16] = { 0x5a, 0x3e, 0x8c, 0x21, 0x4f, 0x7d, 0x4b, 0x90,
                                 0xa1, 0x6e, 0x2c, 0x93, 0xd0, 0x58, 0x17, 0xb4 };
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) what, strlen (what));
  g_checksum_update (sha1, (const guchar *) ":", 1);
  g_checksum_update (sha1, (const guchar *) id, strlen (id));
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

gboolean
_sam_export_split_address (const char *text, char **street, char **postcode, char **town)
{
  static gsize once;
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^\\s*(.+?),\\s*(?:SE-?\\s*)?(\\d{3})\\s?(\\d{2})\\s+(\\S.*?)\\s*$",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    return FALSE;
  first = g_match_info_fetch (match, 2);
  last = g_match_info_fetch (match, 3);
  *street = g_match_info_fetch (match, 1);
  *postcode = g_strdup_printf ("%s %s", first, last);
  *town = g_match_info_fetch (match, 4);
  return TRUE;
}

const char *
_sam_export_actor_name (SamActor *actor, SamLang lang)
{
  const char *name = sam_text_get_best (sam_actor_get_name (actor), lang, NULL);

  return name && *name ? name : sam_actor_get_id (actor);
}
