/* sam-table-words.c — cells' words as the register's values
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words are compared folded (lower case, no diacritics, punctuation as
 * spaces): "Skåne län", "skane lan" and "SKÅNE-LÄN" are the same.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <string.h>

#include "sam-areas.h"
#include "sam-table-words.h"
#include "sam-text.h"

typedef struct {
  const char *token;
  const char *words;   /* '|' between words */
} Vocabulary;

static const Vocabulary kinds[] = {
  { "social-services", "socialtjanst|socialtjansten|social services|socialjour|socialjouren|"
                       "socialkontor|individ och familjeomsorg|ifo|familjefrid|socialforvaltning" },
  { "police", "polis|polisen|police" },
  { "healthcare", "halso och sjukvard|sjukvard|healthcare|halsovard|vard|vardcentral|sjukhus|"
                  "mottagning|ungdomsmottagning|bup|psykiatri|health care" },
  { "migration-agency", "migrationsverket|migration agency|migration" },
  { "prosecution", "aklagare|aklagarmyndigheten|prosecution|prosecutor" },
  { "county-board", "lansstyrelse|lansstyrelsen|county board|county administrative board" },
  { "regional-coordinator", "regionkoordinator|regionkoordinatorer|regional coordinator" },
  { "shelter", "kvinnojour|kvinnojouren|skyddat boende|shelter|tjejjour|kvinnohus" },
  { "ngo", "ideell|ideell forening|forening|ngo|frivilligorganisation|voluntary organisation|"
           "civilsamhalle|brottsofferjour" },
  { "helpline", "stodlinje|stodtelefon|hjalplinje|helpline|telefonlinje|hotline" },
  { "emergency", "larm|emergency|sos alarm|larmnummer" },
  { "national-authority", "myndighet|national authority|nationell myndighet" },
  { "other", "ovrigt|annat|other|ovrig" },
};

/* Parts of names that say the kind: "Polisen region Syd". */
static const Vocabulary name_kinds[] = {
  { "police", "polis" },
  { "social-services", "socialjour|socialtjanst|socialkontor|familjefrid|socialforvaltning" },
  { "shelter", "kvinnojour|tjejjour|skyddat boende|kvinnohus|ungdomsjour" },
  { "migration-agency", "migrationsverket" },
  { "prosecution", "aklagar" },
  { "county-board", "lansstyrelse" },
  { "regional-coordinator", "regionkoordinator" },
  { "helpline", "stodlinje|stodtelefon|hjalplinje|linjen" },
  { "ngo", "brottsofferjour|stadsmission|raddningsmission|roda korset|forening" },
  { "healthcare", "vardcentral|sjukhus|mottagning|bup|psykiatri|halsa|1177|klinik" },
  { "emergency", "sos alarm" },
};

static const Vocabulary groups[] = {
  { "adults", "vuxna|vuxen|adults|adult" },
  { "children", "barn|children|child" },
  { "young-people", "unga|ungdomar|ungdom|young people|youth|young" },
  { "women", "kvinnor|kvinna|women|woman|tjejer|flickor" },
  { "men", "man|men|killar|pojkar" },
  { "lgbtq", "hbtq|hbtqi|hbtqia|lgbtq|lgbt|lgbtqi" },
  { "professionals", "yrkesverksamma|professionella|professionals|personal" },
  { "trafficking-victims", "offer for manniskohandel|utsatta for manniskohandel|manniskohandel|"
                           "victims of trafficking|trafficking victims|trafficking" },
  { "people-selling-sex", "personer som saljer sex|personer i prostitution|prostitution|"
                          "people who sell sex|sex mot ersattning" },
  { "people-buying-sex", "personer som koper sex|sexkopare|people who buy sex" },
  { "relatives", "anhoriga|narstaende|relatives" },
};

static const Vocabulary languages[] = {
  { "sv", "svenska|swedish" }, { "en", "engelska|english" }, { "ar", "arabiska|arabic" },
  { "so", "somaliska|somali" }, { "ro", "rumanska|romanian" }, { "ru", "ryska|russian" },
  { "ti", "tigrinja|tigrinska|tigrinya" }, { "fa", "persiska|farsi|persian" },
  { "fi", "finska|finnish" }, { "se", "nordsamiska|samiska|northern sami|sami" },
  { "uk", "ukrainska|ukrainian" }, { "es", "spanska|spanish" }, { "fr", "franska|french" },
  { "de", "tyska|german" }, { "pl", "polska|polish" }, { "th", "thailandska|thai" },
  { "bg", "bulgariska|bulgarian" }, { "hu", "ungerska|hungarian" },
  { "ku", "kurdiska|kurdish" }, { "prs", "dari" }, { "sgn", "teckensprak|sign language" },
};

static const char national_words[] =
  "se|sverige|hela landet|hela sverige|nationell|nationellt|riket|sweden|national|"
  "whole country|nationwide|riksomfattande";

/* Folded, punctuation as single spaces, trimmed. */
static char *
normalize (const char *text)
{
  g_autofree char *folded = sam_text_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      gboolean word = g_ascii_isalnum (*p) || (guchar) *p >= 0x80;

      if (word)
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
in_words (const char *words, const char *word)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  return g_strv_contains ((const char * const *) list, word);
}

static const char *
lookup (const Vocabulary *vocabulary, guint n, const char *text)
{
  g_autofree char *word = normalize (text);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (vocabulary[i].token, text) || in_words (vocabulary[i].words, word))
      return vocabulary[i].token;
  return NULL;
}

void
_sam_table_phone_free (SamTablePhone *phone)
{
  g_free (phone->label);
  g_free (phone->number);
  g_free (phone);
}

char **
_sam_table_split_list (const char *text, gboolean slash)
{
  static GRegex *regexes[2];
  g_auto(GStrv) parts = NULL;

  /* compiled once: a 5,000-row sheet splits some 25,000 cells */
  if (g_once_init_enter (&regexes[slash]))
    g_once_init_leave (&regexes[slash],
                       g_regex_new (slash ? "\\s*(?:[,;/\\n]|\\s(?:och|and|samt|eller|or)\\s)\\s*"
                                          : "\\s*(?:[,;\\n]|\\s)\\s*",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  parts = g_regex_split (regexes[slash], text, 0);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      char *part = g_strstrip (g_strdup (parts[i]));
      /* "a@b.se / c@d.se", as the CSV export joins values: the slash alone */
      if (*part && !g_str_equal (part, "/"))
        g_ptr_array_add (out, part);
      else
        g_free (part);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* "Växel: 090-16 10 00 (dagtid)" → label "Växel", "dagtid"; the number is
 * all from its first digit on, so "0411-abc" stays whole (and is refused). */
static SamTablePhone *
split_label (const char *part)
{
  SamTablePhone *phone = g_new0 (SamTablePhone, 1);
  const char *start = part, *end, *bracket;
  g_autoptr(GString) label = g_string_new (NULL);

  while (*start && !g_ascii_isdigit (*start) && *start != '+' && *start != '(')
    start++;
  g_string_append_len (label, part, start - part);
  end = start + strlen (start);
  bracket = strrchr (start, '(');
  if (bracket && bracket > start && strpbrk (bracket, "0123456789") == NULL)
    {
      g_string_append_printf (label, " %s", bracket);
      end = bracket;
    }
  g_strdelimit (label->str, "():", ' ');
  g_strstrip (label->str);
  phone->label = *label->str ? g_strdup (label->str) : NULL;
  phone->number = g_strstrip (g_strndup (start, end - start));
  return phone;
}

GPtrArray *
_sam_table_split_phones (const char *text)
{
  g_auto(GStrv) parts = _sam_table_split_list (text, TRUE);
  GPtrArray *phones = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_table_phone_free);

  for (guint i = 0; parts[i]; i++)
    g_ptr_array_add (phones, split_label (parts[i]));
  return phones;
}

gboolean
_sam_table_is_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (g_str_has_prefix (text, "mailto:"))
    text += 7;
  return at && at > text && strchr (at + 1, '@') == NULL && strchr (at, '.') &&
         at[strlen (at) - 1] != '.' && strpbrk (text, " \t\n,;<>") == NULL;
}

gboolean
_sam_table_is_web (const char *text, char **uri)
{
  const char *host = text;
  const char *dot, *end;

  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"))
    {
      *uri = g_strdup (text);
      return strpbrk (text, " \t\n") == NULL && strchr (text + 8, '.');
    }
  if (strpbrk (text, " \t\n@,;") != NULL)
    return FALSE;
  end = strchr (host, '/') ? strchr (host, '/') : host + strlen (host);
  dot = g_strrstr_len (host, end - host, ".");
  if (dot == NULL || dot == host || end - dot - 1 < 2 || end - dot - 1 > 24)
    return FALSE;
  for (const char *p = dot + 1; p < end; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  *uri = g_strconcat ("https://", text, NULL);
  return TRUE;
}

gboolean
_sam_table_kind_from_text (const char *text, SamActorKind *kind)
{
  const char *token = lookup (kinds, G_N_ELEMENTS (kinds), text);

  if (sam_actor_kind_from_string (text, kind))
    return TRUE;
  for (guint i = 0; i < SAM_N_ACTOR_KINDS && token == NULL; i++)
    if (g_utf8_collate (text, sam_actor_kind_get_label (i)) == 0)
      return (*kind = i, TRUE);
  return token && sam_actor_kind_from_string (token, kind);
}

SamActorKind
_sam_table_kind_from_name (const char *name)
{
  g_autofree char *folded = normalize (name);
  SamActorKind kind = SAM_ACTOR_KIND_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (name_kinds); i++)
    {
      g_auto(GStrv) words = g_strsplit (name_kinds[i].words, "|", -1);

      for (guint w = 0; words[w]; w++)
        if (strstr (folded, words[w]))
          return (sam_actor_kind_from_string (name_kinds[i].token, &kind), kind);
    }
  return kind;
}

/* Folded names of areas, with and without "kommun", "län", "county". */
static GHashTable *
area_index (void)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *areas = sam_areas_get_all ();   /* the table's own */

      for (guint i = 0; i < areas->len; i++)
        {
          const SamArea *area = g_ptr_array_index (areas, i);

          for (guint l = 0; l < SAM_N_LANGS; l++)
            {
              g_autofree char *name = normalize (area->name[l]);

              if (!g_hash_table_contains (table, name))
                g_hash_table_insert (table, g_strdup (name), (gpointer) area->code);
              if (area->kind == SAM_AREA_COUNTY)
                {
                  /* "skane lan" → "skane", "vasterbottens lan" → "vasterbotten" too */
                  g_autofree char *bare = g_strdup (name);
                  char *cut = strstr (bare, " lan") ? strstr (bare, " lan") : strstr (bare, " county");
                  if (cut)
                    *cut = '\0';
                  if (!g_hash_table_contains (table, bare))
                    g_hash_table_insert (table, g_strdup (bare), (gpointer) area->code);
                  if (g_str_has_suffix (bare, "s"))
                    bare[strlen (bare) - 1] = '\0';
                  if (!g_hash_table_contains (table, bare))
                    g_hash_table_insert (table, g_strdup (bare), (gpointer) area->code);
                }
            }
        }
      g_once_init_leave (&index, table);
    }
  return index;
}

const char *
_sam_table_area_from_text (const char *text)
{
  g_autofree char *word = normalize (text);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *bare = NULL;
  const SamArea *area = sam_area_lookup (trimmed);
  const char *code;
  char *cut;

  if (area)
    return area->code;
  if (in_words (national_words, word))
    return "SE";
  if ((code = g_hash_table_lookup (area_index (), word)))
    return code;
  bare = g_strdup (g_str_has_prefix (word, "region ") ? word + 7 : word);
  if ((cut = strstr (bare, " kommun")) || (cut = strstr (bare, " stad")) ||
      (cut = strstr (bare, " municipality")))
    *cut = '\0';
  return g_hash_table_lookup (area_index (), bare);
}

const char *
_sam_table_group_from_text (const char *text)
{
  return lookup (groups, G_N_ELEMENTS (groups), text);
}

const char *
_sam_table_language_from_text (const char *text)
{
  g_autofree char *code = g_strstrip (g_ascii_strdown (text, -1));

  return lookup (languages, G_N_ELEMENTS (languages), code);
}
