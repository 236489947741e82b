/* sam-table-fields.c — what a spreadsheet's column holds
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By its heading first (Swedish or English, as people write them and as
 * the CSV export writes them), else by what its cells look like.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-phone.h"
#include "sam-table-fields.h"
#include "sam-table-hours.h"
#include "sam-table-words.h"
#include "sam-text.h"

static const struct {
  const char *token;
  const char *label;
  /* headings, folded, '|' between them; a leading '=' only matches the
   * whole heading, the others also a part of it ("Telefon dagtid") */
  const char *headings;
} fields[SAM_TABLE_N_FIELDS] = {
  [SAM_TABLE_FIELD_IGNORE] = { "ignore", N_("(not imported)"), "" },
  [SAM_TABLE_FIELD_ID] = { "id", N_("Id"), "=id|=uuid" },
  [SAM_TABLE_FIELD_NAME] = { "name", N_("Name"),
    "verksamhet|organisation|organization|name|namn|=aktor|=enhet|=mottagning|=myndighet|"
    "=kontakt|=instans|=foretag|=forening|=actor" },
  [SAM_TABLE_FIELD_NAME_EN] = { "name-en", N_("Name (English)"),
    "name english|namn engelska|engelskt namn|english name|name en|namn pa engelska" },
  [SAM_TABLE_FIELD_KIND] = { "kind", N_("Kind"),
    "typ|kind|=type|kategori|category|=slag|=sort|typ av verksamhet" },
  [SAM_TABLE_FIELD_AREA] = { "area", N_("Municipality or county"),
    "kommun|kommuner|municipality|municipalities|=omrade|=area|=areas|=lan|=county|=ort|"
    "=region|geografiskt omrade" },
  [SAM_TABLE_FIELD_PHONE] = { "phone", N_("Phone"),
    "telefon|=tel|=tfn|telefonnummer|phone|telephone|vaxel|=nummer|=tel nr|=telnr|=mobil" },
  [SAM_TABLE_FIELD_ON_CALL] = { "on-call", N_("On-call phone"),
    "jour|on call|jourtelefon|journummer|=socialjour|efter kontorstid|out of hours|"
    "jourtid|jourtider" },
  [SAM_TABLE_FIELD_SMS] = { "sms", N_("Text message"), "sms|text message" },
  [SAM_TABLE_FIELD_EMAIL] = { "email", N_("E-mail"),
    "e post|epost|mejl|=mail|e mail|email|e postadress|mejladress" },
  [SAM_TABLE_FIELD_WEB] = { "web", N_("Web"),
    "webb|web|hemsida|webbplats|=url|website|webbadress|=lank|=internet" },
  [SAM_TABLE_FIELD_ADDRESS] = { "address", N_("Visiting address"),
    "adress|address|besoksadress|visiting address|gatuadress" },
  [SAM_TABLE_FIELD_POSTAL_ADDRESS] = { "postal-address", N_("Postal address"),
    "postadress|postal address|post address|utdelningsadress" },
  [SAM_TABLE_FIELD_HOURS] = { "hours", N_("Opening hours"),
    "oppettider|hours|opening hours|telefontid|telefontider|=tider|=oppet|oppettid" },
  [SAM_TABLE_FIELD_TARGET_GROUP] = { "target-group", N_("Target group"),
    "malgrupp|malgrupper|target group|target groups|=for vem" },
  [SAM_TABLE_FIELD_LANGUAGES] = { "languages", N_("Languages"),
    "sprak|languages|language|=talar|spoken languages" },
  [SAM_TABLE_FIELD_NOTE] = { "note", N_("Note"),
    "anteckning|anteckningar|note|notes|kommentar|kommentarer|ovrigt|=beskrivning|"
    "=description|=info|=information|=om|=about" },
};

/* When a heading holds words of several fields, the first of these wins:
 * "Telefon jour" is the on-call phone, "Name (English)" not the name. */
static const SamTableField priority[] = {
  SAM_TABLE_FIELD_NAME_EN, SAM_TABLE_FIELD_ON_CALL, SAM_TABLE_FIELD_POSTAL_ADDRESS,
  SAM_TABLE_FIELD_EMAIL, SAM_TABLE_FIELD_SMS, SAM_TABLE_FIELD_WEB, SAM_TABLE_FIELD_HOURS,
  SAM_TABLE_FIELD_PHONE, SAM_TABLE_FIELD_ADDRESS, SAM_TABLE_FIELD_AREA,
  SAM_TABLE_FIELD_TARGET_GROUP, SAM_TABLE_FIELD_LANGUAGES, SAM_TABLE_FIELD_KIND,
  SAM_TABLE_FIELD_NOTE, SAM_TABLE_FIELD_NAME, SAM_TABLE_FIELD_ID,
};

const char *
sam_table_field_to_string (SamTableField field)
{
  g_return_val_if_fail (field < SAM_TABLE_N_FIELDS, NULL);
  return fields[field].token;
}

gboolean
sam_table_field_from_string (const char *token, SamTableField *field)
{
  for (guint i = 0; i < SAM_TABLE_N_FIELDS; i++)
    if (g_strcmp0 (fields[i].token, token) == 0)
      return (*field = i, TRUE);
  return FALSE;
}

const char *
sam_table_field_get_label (SamTableField field)
{
  g_return_val_if_fail (field < SAM_TABLE_N_FIELDS, NULL);
  return _(fields[field].label);
}

/* " telefon dagtid ": folded, punctuation as spaces, a space either side. */
static char *
normalize (const char *heading)
{
  g_autofree char *folded = sam_text_fold (heading);
  GString *out = g_string_new (" ");

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        g_string_append_c (out, *p);
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static gboolean
matches (SamTableField field, const char *heading, gboolean whole)
{
  g_auto(GStrv) words = g_strsplit (fields[field].headings, "|", -1);

  for (guint i = 0; words[i]; i++)
    {
      gboolean exact_only = words[i][0] == '=';
      g_autofree char *word = g_strdup_printf (" %s ", words[i] + (exact_only ? 1 : 0));

      if (whole ? g_str_equal (word, heading) : (!exact_only && strstr (heading, word)))
        return TRUE;
    }
  return FALSE;
}

SamTableField
sam_table_field_from_heading (const char *heading)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (heading != NULL, SAM_TABLE_FIELD_IGNORE);
  text = normalize (heading);
  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    if (matches (priority[i], text, TRUE))
      return priority[i];
  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    if (matches (priority[i], text, FALSE))
      return priority[i];
  return SAM_TABLE_FIELD_IGNORE;
}

static gboolean
is_phone_cell (const char *text)
{
  g_autoptr(GPtrArray) phones = _sam_table_split_phones (text);

  for (guint i = 0; i < phones->len; i++)
    {
      SamTablePhone *phone = g_ptr_array_index (phones, i);
      g_autofree char *number = sam_phone_normalize (phone->number, NULL, NULL);

      if (number == NULL)
        return FALSE;
    }
  return phones->len > 0;
}

static gboolean
is_hours_cell (const char *text)
{
  g_autofree char *hours = NULL;

  /* a bare number or code is no opening hours */
  if (!strpbrk (text, "-–:") && !g_ascii_isalpha (*text))
    return FALSE;
  hours = sam_table_hours_parse (text, NULL);
  return hours != NULL;
}

SamTableField
sam_table_field_from_values (GPtrArray *values)
{
  guint counts[SAM_TABLE_N_FIELDS] = { 0 };
  guint filled = 0;

  for (guint i = 0; i < values->len && filled < 50; i++)
    {
      const char *text = g_ptr_array_index (values, i);
      g_autofree char *uri = NULL;

      if (*text == '\0')
        continue;
      filled++;
      if (_sam_table_is_email (text))
        counts[SAM_TABLE_FIELD_EMAIL]++;
      else if (_sam_table_is_web (text, &uri))
        counts[SAM_TABLE_FIELD_WEB]++;
      else if (is_phone_cell (text))
        counts[SAM_TABLE_FIELD_PHONE]++;
      else if (is_hours_cell (text))
        counts[SAM_TABLE_FIELD_HOURS]++;
      else if (_sam_table_area_from_text (text))
        counts[SAM_TABLE_FIELD_AREA]++;
    }
  /* most of the filled cells, so one odd cell does not decide */
  for (guint f = 0; f < SAM_TABLE_N_FIELDS; f++)
    if (filled > 0 && counts[f] * 10 >= filled * 6)
      return f;
  return SAM_TABLE_FIELD_IGNORE;
}
