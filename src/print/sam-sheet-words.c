/* sam-sheet-words.c — the fixed words of a printed sheet, in Swedish and
 * English, and opening hours and dates written in them.
 *
 * Why not gettext: a sheet's language is chosen for the sheet, not taken
 * from the user interface. A social worker whose desktop is in Swedish
 * prints an English sheet for a partner agency or a person who reads
 * English, and the other way round; gettext only knows the UI's language.
 * So every word a sheet prints comes from this table, keyed by SamLang,
 * and the register's own texts from sam_text_get_best() in the same
 * language. (Error messages of the print library are for the person at
 * the computer and do go through gettext.)
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sam-sheet-private.h"

static const SamSheetWords words[SAM_N_LANGS] = {
  [SAM_LANG_SV] = {
    .directory_title = "Kontaktlista",
    .card_title = "Viktiga nummer",
    .public_version = "Offentlig version",
    .professional_version = "För yrkesverksamma – lämna inte ut",
    .emergency_call = "Akut fara? Ring",
    .qr_call = "Ring",
    .qr_web = "Webb",
    .contacts = "Kontakter",
    .col_who = "Vem",
    .col_route = "Kontaktväg",
    .col_hours = "Tider",
    .no_route = "Ingen kontaktväg i den här versionen",
    .continued = "(forts.)",
    .more_number = "1 nummer till finns i registret",
    .more_numbers = "%u nummer till finns i registret",
    .page = "Sida",
    .of = "av",
    .verified = "Verifierad",
    .printed = "Utskriven",
    .version = "version",
    .nothing = "Inga aktörer med kontaktvägar i den här versionen arbetar i området.",
    .months = { "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
                "nov.", "dec." },
    .kind_headings = {
      "Socialtjänst", "Polis", "Hälso- och sjukvård", "Migrationsverket", "Åklagare",
      "Länsstyrelsen", "Regionkoordinatorer", "Jourer och skyddade boenden",
      "Ideella organisationer", "Stödlinjer", "Larmnummer", "Nationella myndigheter", "Övriga",
    },
    /* non-breaking hyphens: "E-" at the end of a line reads badly */
    .route_kinds = {
      "Telefon", "Jourtelefon", "Sms", "E\u2011post", "Säker e\u2011post", "Webbplats", "Besöksadress",
      "Postadress",
    },
    .role_scopes = { "i din kommun", "i ditt län", "nationellt" },
    .role_for = "för",
  },
  [SAM_LANG_EN] = {
    .directory_title = "Contact directory",
    .card_title = "Important numbers",
    .public_version = "Public version",
    .professional_version = "For professionals – do not hand out",
    .emergency_call = "Immediate danger? Call",
    .qr_call = "Call",
    .qr_web = "Web",
    .contacts = "Contacts",
    .col_who = "Who",
    .col_route = "How to reach",
    .col_hours = "Hours",
    .no_route = "No contact route in this version",
    .continued = "(continued)",
    .more_number = "1 more number in the register",
    .more_numbers = "%u more numbers in the register",
    .page = "Page",
    .of = "of",
    .verified = "Verified",
    .printed = "Printed",
    .version = "version",
    .nothing = "No actor with contact routes in this version serves the area.",
    .months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec" },
    .kind_headings = {
      "Social services", "Police", "Healthcare", "Migration Agency", "Prosecution",
      "County administrative boards", "Regional coordinators", "Shelters",
      "Voluntary organisations", "Helplines", "Emergency", "National authorities", "Other",
    },
    .route_kinds = {
      "Phone", "On\u2011call phone", "Text message", "E\u2011mail", "Secure e\u2011mail", "Website",
      "Visiting address", "Postal address",
    },
    .role_scopes = { "of your municipality", "of your county", "national" },
    .role_for = "for",
  },
};

const SamSheetWords *
_sam_sheet_words (SamLang lang)
{
  g_return_val_if_fail (lang < SAM_N_LANGS, &words[SAM_LANG_SV]);
  return &words[lang];
}

char *
_sam_sheet_role_text (const SamStepRole *role, SamLang lang)
{
  const SamSheetWords *w = _sam_sheet_words (lang);
  /* Swedish quotes are ”…” both sides */
  const char *open = lang == SAM_LANG_SV ? "”" : "“";

  if (role->tag != NULL)
    return g_strdup_printf ("%s %s%s” %s", sam_actor_kind_get_word (role->kind, lang), open, role->tag,
                            w->role_scopes[role->scope]);
  return g_strdup_printf ("%s %s", sam_actor_kind_get_word (role->kind, lang), w->role_scopes[role->scope]);
}

char *
_sam_sheet_format_date (GDateTime *dt, SamLang lang)
{
  const SamSheetWords *w = _sam_sheet_words (lang);
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, sam_time_zone ());
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (local),
                          w->months[g_date_time_get_month (local) - 1],
                          g_date_time_get_year (local));
}
