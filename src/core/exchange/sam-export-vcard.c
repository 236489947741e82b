/* sam-export-vcard.c — one vCard 4.0 (RFC 6350) per actor.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards an address book takes in: KIND:org, FN and ORG, each dialable
 * number as a tel: URI, e-mail, web, addresses, the opening hours in a
 * note, the languages spoken, a UID that stays the same from one export
 * to the next (so a second import updates, not duplicates) and REV.
 * Labels ride on Apple's X-ABLabel in a property group, which iOS, macOS
 * and several Android importers show and the rest ignore.
 */
#define G_LOG_DOMAIN "sam-export"

#include "config.h"

#include <string.h>

#include "sam-export-private.h"
#include "sam-phone.h"

#define FOLD_OCTETS 75

typedef struct {
  GString *out;
  SamLang lang;
  guint group;     /* the last "itemN." used in this card */
} Card;

/* RFC 6350 §3.2: lines longer than 75 octets are folded, never inside a
 * UTF-8 sequence; a continuation line starts with one space. */
static void
append_folded (GString *out, const char *line)
{
  gsize len = strlen (line);
  gsize width = FOLD_OCTETS;

  while (len > width)
    {
      gsize cut = width;

      while (cut > 0 && (line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line, cut);
      g_string_append (out, "\r\n ");
      line += cut;
      len -= cut;
      width = FOLD_OCTETS - 1;
    }
  g_string_append (out, line);
  g_string_append (out, "\r\n");
}

/* RFC 6350 §3.4: backslash, comma, semicolon and line breaks in a text value. */
static void
append_escaped (GString *line, const char *text)
{
  for (const char *p = text; p && *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case ',': g_string_append (line, "\\,"); break;
      case ';': g_string_append (line, "\\;"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (line, *p);
      }
}

/* A parameter value in double quotes: RFC 6868 writes ^', ^n and ^^ for
 * what a quoted value cannot hold. */
static void
append_param_value (GString *line, const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (line, "^'"); break;
      case '^': g_string_append (line, "^^"); break;
      case '\n': g_string_append (line, "^n"); break;
      case '\r': break;
      default: g_string_append_c (line, *p);
      }
  g_string_append_c (line, '"');
}

static void
add_text (Card *card, const char *name, const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_folded (card->out, line->str);
}

static void
add_raw (Card *card, const char *name_and_params, const char *value)
{
  g_autofree char *line = g_strconcat (name_and_params, ":", value, NULL);

  append_folded (card->out, line);
}

/* "Jour" for a route labelled so, else the kind when it says more than
 * the property does (on-call phone, secure e-mail, postal address). */
static const char *
route_label (SamContactRoute *route, SamLang lang)
{
  const char *label = sam_text_get_best (sam_contact_route_get_label (route), lang, NULL);
  SamRouteKind kind = sam_contact_route_get_kind (route);

  if (label && *label)
    return label;
  if (kind == SAM_ROUTE_KIND_ON_CALL_PHONE || kind == SAM_ROUTE_KIND_SECURE_EMAIL ||
      kind == SAM_ROUTE_KIND_POSTAL_ADDRESS || kind == SAM_ROUTE_KIND_SMS)
    return _sam_export_route_kind_word (kind, lang);
  return NULL;
}

/* "item3.TEL" with "item3.X-ABLabel:Jour" after it, or "TEL" with no label. */
static char *
begin_property (Card *card, const char *name, const char *label)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (label == NULL)
    return g_strdup (name);
  card->group++;
  g_string_printf (head, "item%u.X-ABLabel:", card->group);
  append_escaped (head, label);
  append_folded (card->out, head->str);
  return g_strdup_printf ("item%u.%s", card->group, name);
}

static void
add_phone (Card *card, SamContactRoute *route)
{
  const char *value = sam_contact_route_get_value (route);
  SamRouteKind kind = sam_contact_route_get_kind (route);
  g_autofree char *uri = sam_phone_to_uri (value);
  g_autofree char *name = begin_property (card, "TEL", route_label (route, card->lang));
  gboolean mobile = sam_phone_get_kind (value) == SAM_PHONE_KIND_MOBILE;
  const char *type;
  g_autofree char *head = NULL;

  if (kind == SAM_ROUTE_KIND_SMS)
    type = "text,cell";
  else
    type = mobile ? "cell,voice" : "voice";
  head = g_strdup_printf ("%s;TYPE=work,%s;VALUE=uri", name, type);
  add_raw (card, head, uri);
}

static void
add_email (Card *card, SamContactRoute *route)
{
  g_autofree char *name = begin_property (card, "EMAIL", route_label (route, card->lang));
  g_autofree char *head = g_strconcat (name, ";TYPE=work", NULL);

  add_text (card, head, sam_contact_route_get_value (route));
}

static void
add_url (Card *card, SamContactRoute *route)
{
  g_autofree char *name = begin_property (card, "URL", route_label (route, card->lang));

  add_raw (card, name, sam_contact_route_get_value (route));
}

/* ADR is pobox;ext;street;locality;region;code;country. An address that
 * does not read as "street, 901 84 Town" stays whole in the street. */
static void
add_address (Card *card, SamContactRoute *route)
{
  const char *value = sam_contact_route_get_value (route);
  g_autofree char *name = begin_property (card, "ADR", route_label (route, card->lang));
  g_autofree char *street = NULL, *code = NULL, *town = NULL;
  g_autoptr(GString) line = g_string_new (name);
  gboolean split = _sam_export_split_address (value, &street, &code, &town);

  g_string_append (line, ";TYPE=work;LABEL=");
  append_param_value (line, value);
  g_string_append (line, ":;;");
  append_escaped (line, split ? street : value);
  g_string_append_c (line, ';');
  append_escaped (line, split ? town : "");
  g_string_append (line, ";;");
  append_escaped (line, split ? code : "");
  g_string_append_c (line, ';');
  append_escaped (line, split ? (card->lang == SAM_LANG_SV ? "Sverige" : "Sweden") : "");
  append_folded (card->out, line->str);
}

static void
add_route (Card *card, SamContactRoute *route)
{
  switch (sam_contact_route_get_kind (route))
    {
    case SAM_ROUTE_KIND_PHONE:
    case SAM_ROUTE_KIND_ON_CALL_PHONE:
    case SAM_ROUTE_KIND_SMS:
      add_phone (card, route);
      break;
    case SAM_ROUTE_KIND_EMAIL:
    case SAM_ROUTE_KIND_SECURE_EMAIL:
      add_email (card, route);
      break;
    case SAM_ROUTE_KIND_WEB:
      add_url (card, route);
      break;
    case SAM_ROUTE_KIND_VISITING_ADDRESS:
    case SAM_ROUTE_KIND_POSTAL_ADDRESS:
      add_address (card, route);
      break;
    case SAM_N_ROUTE_KINDS:
    default:
      break;
    }
}

/* The actor's hours, then each route with hours of its own, then what it is. */
static char *
note_text (SamActor *actor, SamLang lang)
{
  GString *note = g_string_new (NULL);
  g_autofree char *hours = sam_schedule_format_in (sam_actor_get_hours (actor), lang);
  GPtrArray *routes = sam_actor_get_routes (actor);
  const char *description = sam_text_get_best (sam_actor_get_description (actor), lang, NULL);

  if (hours)
    g_string_append_printf (note, "%s: %s", _sam_export_hours_word (lang), hours);
  for (guint i = 0; i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *own = sam_schedule_format_in (sam_contact_route_get_hours (route), lang);
      g_autofree char *shown = sam_contact_route_dup_display_value (route);
      const char *label = route_label (route, lang);

      if (own == NULL)
        continue;
      if (note->len)
        g_string_append_c (note, '\n');
      g_string_append_printf (note, "%s %s: %s",
                              label ? label : _sam_export_route_kind_word (sam_contact_route_get_kind (route), lang),
                              shown, own);
    }
  if (description && *description)
    g_string_append_printf (note, "%s%s", note->len ? "\n\n" : "", description);
  return g_string_free (note, note->len == 0);
}

static void
add_languages (Card *card, SamActor *actor)
{
  GPtrArray *languages = sam_actor_get_languages (actor);

  for (guint i = 0; i < languages->len; i++)
    {
      g_autofree char *head = g_strdup_printf ("LANG;PREF=%u", MIN (i + 1, 100));

      add_raw (card, head, g_ptr_array_index (languages, i));
    }
}

static void
add_rev (Card *card, SamActor *actor)
{
  GDateTime *updated = sam_actor_get_updated_at (actor);
  g_autoptr(GDateTime) utc = updated ? g_date_time_to_utc (updated) : NULL;
  g_autofree char *stamp = utc ? g_date_time_format (utc, "%Y%m%dT%H%M%SZ") : NULL;

  if (stamp)
    add_raw (card, "REV", stamp);
}

static void
write_card (GString *out, SamActor *actor, SamActor *parent, SamLang lang)
{
  Card card = { out, lang, 0 };
  g_autofree char *uuid = _sam_export_uuid ("actor", sam_actor_get_id (actor));
  g_autofree char *uid = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *note = note_text (actor, lang);
  g_autoptr(GString) org = g_string_new ("ORG:");
  GPtrArray *routes = sam_actor_get_routes (actor);

  append_folded (out, "BEGIN:VCARD");
  append_folded (out, "VERSION:4.0");
  add_raw (&card, "PRODID", "-//Samverkan//Samverkan " PACKAGE_VERSION "//EN");
  add_raw (&card, "KIND", "org");
  add_raw (&card, "UID", uid);
  add_text (&card, "FN", _sam_export_actor_name (actor, lang));
  /* a unit: the organisation it belongs to, then the unit */
  if (parent)
    {
      append_escaped (org, _sam_export_actor_name (parent, lang));
      g_string_append_c (org, ';');
    }
  append_escaped (org, _sam_export_actor_name (actor, lang));
  append_folded (out, org->str);
  add_text (&card, "CATEGORIES", sam_actor_kind_get_word (sam_actor_get_kind (actor), lang));
  for (guint i = 0; i < routes->len; i++)
    add_route (&card, g_ptr_array_index (routes, i));
  if (note)
    add_text (&card, "NOTE", note);
  add_languages (&card, actor);
  add_rev (&card, actor);
  append_folded (out, "END:VCARD");
}

void
_sam_export_vcard_write (GPtrArray *actors, SamLang lang, GString *out)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < actors->len; i++)
    g_hash_table_insert (by_id, (char *) sam_actor_get_id (g_ptr_array_index (actors, i)),
                         g_ptr_array_index (actors, i));
  for (guint i = 0; i < actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (actors, i);
      const char *parent_id = sam_actor_get_parent_id (actor);

      write_card (out, actor, parent_id ? g_hash_table_lookup (by_id, parent_id) : NULL, lang);
    }
}
