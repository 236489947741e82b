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
    .page = "Sida",
    .of = "av",
    .verified = "Verifierad",
    .printed = "Utskriven",
    .version = "version",
    .nothing = "Inga aktörer med kontaktvägar i den här versionen arbetar i området.",
    .always_open = "dygnet runt",
    .closed = "stängt",
    .next_day = "nästa dag",
    .days = { "mån", "tis", "ons", "tors", "fre", "lör", "sön", "helgdagar" },
    .months = { "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
                "nov.", "dec." },
    .actor_kinds = {
      "Socialtjänst", "Polis", "Hälso- och sjukvård", "Migrationsverket", "Åklagare",
      "Länsstyrelse", "Regionkoordinator", "Jour/skyddat boende", "Ideell organisation",
      "Stödlinje", "Larmnummer", "Övrigt",
    },
    .kind_headings = {
      "Socialtjänst", "Polis", "Hälso- och sjukvård", "Migrationsverket", "Åklagare",
      "Länsstyrelsen", "Regionkoordinatorer", "Jourer och skyddade boenden",
      "Ideella organisationer", "Stödlinjer", "Larmnummer", "Övriga",
    },
    /* non-breaking hyphens: "E-" at the end of a line reads badly */
    .route_kinds = {
      "Telefon", "Jourtelefon", "Sms", "E\u2011post", "Säker e\u2011post", "Webbplats", "Besöksadress",
      "Postadress",
    },
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
    .page = "Page",
    .of = "of",
    .verified = "Verified",
    .printed = "Printed",
    .version = "version",
    .nothing = "No actor with contact routes in this version serves the area.",
    .always_open = "around the clock",
    .closed = "closed",
    .next_day = "next day",
    .days = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "public holidays" },
    .months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec" },
    .actor_kinds = {
      "Social services", "Police", "Healthcare", "Migration Agency", "Prosecution",
      "County administrative board", "Regional coordinator", "Shelter", "Voluntary organisation",
      "Helpline", "Emergency", "Other",
    },
    .kind_headings = {
      "Social services", "Police", "Healthcare", "Migration Agency", "Prosecution",
      "County administrative boards", "Regional coordinators", "Shelters",
      "Voluntary organisations", "Helplines", "Emergency", "Other",
    },
    .route_kinds = {
      "Phone", "On\u2011call phone", "Text message", "E\u2011mail", "Secure e\u2011mail", "Website",
      "Visiting address", "Postal address",
    },
  },
};

const SamSheetWords *
_sam_sheet_words (SamLang lang)
{
  g_return_val_if_fail (lang < SAM_N_LANGS, &words[SAM_LANG_SV]);
  return &words[lang];
}

static const char *
day_word (const SamSheetWords *w, const char *token)
{
  static const char * const tokens[8] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH" };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (strncmp (tokens[i], token, 2) == 0)
      return w->days[i];
  return NULL;
}

/* The canonical text of a schedule ("Mo-Fr 08:00-16:30; Sa,Su 10:00-14:00;
 * Su,PH 00:00-32:00") word by word into the sheet's language. */
char *
_sam_sheet_format_hours (SamSchedule *hours, SamLang lang)
{
  const SamSheetWords *w = _sam_sheet_words (lang);
  g_autofree char *text = NULL;
  GString *out;

  if (hours == NULL)
    return NULL;
  if (sam_schedule_is_always (hours))
    return g_strdup (w->always_open);
  text = sam_schedule_to_string (hours);
  if (g_str_equal (text, "Mo-Su off"))
    return g_strdup (w->closed);
  out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      const char *day = g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) ? day_word (w, p) : NULL;

      if (day)
        {
          g_string_append (out, day);
          p++;
        }
      else if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == ':' &&
               g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[4]))
        {
          int h = (p[0] - '0') * 10 + (p[1] - '0');
          int m = (p[3] - '0') * 10 + (p[4] - '0');

          if (h * 60 + m > 24 * 60)
            {
              /* "00:00-32:00" reads "00:00–08:00 next day" */
              g_string_append_printf (out, "%02d:%02d %s", h - 24, m, w->next_day);
            }
          else
            g_string_append_printf (out, "%02d:%02d", h, m);
          p += 4;
        }
      else if (*p == '-')
        g_string_append (out, "–");
      else if (*p == ',' && p[1] != ' ')
        g_string_append (out, ", ");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
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
