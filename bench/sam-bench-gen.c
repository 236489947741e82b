/* sam-bench-gen.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A synthetic register for the benchmarks: organisations named after the
 * real municipalities of data/areas.tsv, in the exchange format of
 * data/register.xsd. Written with stdio as it is generated, never held
 * in memory as a tree.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sam-areas.h"
#include "sam-bench-gen.h"

/* Randomness: splitmix64, one stream per actor. */

typedef struct {
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng *rng, guint n)
{
  return (guint) (rng_next (rng) % n);
}

/* TRUE with probability @percent / 100. */
static gboolean
rng_chance (Rng *rng, guint percent)
{
  return rng_below (rng, 100) < percent;
}

static void
rng_init (Rng *rng, guint64 seed, guint64 stream)
{
  rng->state = seed * G_GUINT64_CONSTANT (0xD1B54A32D192ED03) ^ (stream + 1);
  rng_next (rng);
  rng_next (rng);
}

/* Word lists */

typedef struct {
  const char *text[2];   /* sv, en */
} Pair;

#define P(sv, en) { { sv, en } }

/* Organisation patterns. %M municipality, %C county ("Västerbotten"),
 * %L county in Swedish ("Västerbottens län"), %F association word,
 * %T topic. */
typedef struct {
  const char *sv;
  const char *en;
  const char *kind;
  const char *slug;       /* for e-mail and web addresses */
  guint weight;
} Pattern;

static const Pattern patterns[] = {
  { "Socialtjänsten i %M", "Social services in %M", "social-services", "socialtjansten", 6 },
  { "%M kommun – socialjour", "%M Municipality – on-call social services", "social-services", "socialjour", 5 },
  { "Kvinnojouren i %M", "Women's shelter in %M", "shelter", "kvinnojouren", 5 },
  { "Tjejjouren %M", "Girls' shelter %M", "shelter", "tjejjouren", 2 },
  { "Polisen lokalpolisområde %M", "Police local police area %M", "police", "polisen", 4 },
  { "Ungdomsmottagningen %M", "Youth clinic %M", "healthcare", "ungdomsmottagningen", 4 },
  { "Region %C – akutmottagning %M", "Region %C – emergency department %M", "healthcare", "akutmottagning", 3 },
  { "Mottagning för %T i %M", "Clinic for %T in %M", "healthcare", "mottagning", 4 },
  { "Föreningen %F %M", "The %F association %M", "ngo", "foreningen", 4 },
  { "Migrationsverket %M", "Swedish Migration Agency %M", "migration-agency", "migrationsverket", 2 },
  { "Åklagarkammaren i %M", "Public Prosecution Office in %M", "prosecution", "aklagarkammaren", 2 },
  { "Länsstyrelsen i %L – %M", "County Administrative Board of %C – %M", "county-board", "lansstyrelsen", 2 },
  { "Regionkoordinator mot människohandel %C – %M", "Regional coordinator against human trafficking %C – %M",
    "regional-coordinator", "regionkoordinator", 2 },
  { "Stödtelefonen för våldsutsatta %M", "Support line for victims of violence %M", "helpline", "stodtelefonen", 3 },
  { "Räddningstjänsten %M", "Rescue services %M", "emergency", "raddningstjansten", 2 },
  { "Familjecentralen %M", "Family centre %M", "other", "familjecentralen", 2 },
  { "Barnahus %M", "Barnahus (children's advocacy centre) %M", "other", "barnahus", 2 },
};

static const Pair associations[] = {
  P ("Trygg Hamn", "Safe Harbour"), P ("Röda Tråden", "Red Thread"),
  P ("Stödnätet", "Support Network"), P ("Nattvandrarna", "Night Walkers"),
  P ("Fristad", "Sanctuary"), P ("Medmänniska", "Fellow Human"),
  P ("Väg Ut", "Way Out"), P ("Öppen Dörr", "Open Door"),
};

static const Pair topics[] = {
  P ("sexuell hälsa", "sexual health"), P ("våldsutsatta", "victims of violence"),
  P ("unga vuxna", "young adults"), P ("hedersrelaterat våld", "honour-related violence"),
  P ("människohandel", "human trafficking"), P ("asylsökande", "asylum seekers"),
};

/* Units that tell apart several actors of one pattern in one place. */
static const Pair units[] = {
  P ("barn och unga", "children and young people"), P ("vuxenenheten", "adult unit"),
  P ("enhet Nord", "north unit"), P ("enhet Syd", "south unit"),
  P ("enhet Öst", "east unit"), P ("enhet Väst", "west unit"),
  P ("centrum", "town centre"), P ("mottagningsenheten", "intake unit"),
  P ("utredningsenheten", "investigation unit"), P ("kvällsmottagningen", "evening clinic"),
  P ("familjeenheten", "family unit"), P ("stödenheten", "support unit"),
  P ("rådgivningen", "advice service"), P ("samordningen", "coordination"),
};

static const Pair sentences[] = {
  P ("Ger stöd och rådgivning till den som utsatts för våld i %M.",
     "Gives support and advice to people subjected to violence in %M."),
  P ("Läkare och kurator finns på plats vardagar.",
     "A doctor and a counsellor are on site on weekdays."),
  P ("Tar emot orosanmälningar om barn och unga.",
     "Receives reports of concern about children and young people."),
  P ("Skyddat boende och stöd vid hedersrelaterat våld och förtryck.",
     "Sheltered housing and support in cases of honour-related violence and oppression."),
  P ("Samråd vid misstänkt människohandel, koppleri och prostitution.",
     "Consultation on suspected human trafficking, procuring and prostitution."),
  P ("Jour dygnet runt för akuta ärenden; vid akut fara, ring 112.",
     "On call around the clock for urgent cases; in immediate danger, call 112."),
  P ("Tolk kan bokas på de flesta språk, även för telefonsamtal.",
     "An interpreter can be booked in most languages, also for phone calls."),
  P ("Stöd till personer som säljer eller köper sexuella tjänster.",
     "Support for people who sell or buy sexual services."),
  P ("Anonym rådgivning per telefon och chatt för unga i %C.",
     "Anonymous advice by phone and chat for young people in %C."),
  P ("Hjälper yrkesverksamma att bedöma skyddsbehov och nästa steg.",
     "Helps professionals assess the need for protection and the next step."),
};

static const char * const target_groups[] = {
  "adults", "children", "young-people", "women", "men", "lgbtq", "professionals",
  "trafficking-victims", "people-selling-sex", "people-buying-sex",
};

static const char * const languages[] = {
  "en", "ar", "fa", "so", "ti", "ru", "uk", "ro", "bg", "pl", "es", "fr", "th", "tr", "ku",
};

static const char * const tags[] = {
  "människohandel", "våld i nära relation", "hedersrelaterat våld", "prostitution",
  "sexuell hälsa", "skyddat boende", "barn", "akut", "rådgivning", "orosanmälan",
  "socialjour", "stöd", "tolk", "läkare", "samråd", "anonymt", "betänketid", "koppleri",
};

static const char * const hours[] = {
  "Mo-Fr 08:00-16:30",
  "24/7",
  "Mo-Th 16:30-08:00; Fr 16:00-24:00; Sa 00:00-24:00; Su,PH 00:00-32:00",
  "Mo-Fr 08:00-12:00,13:00-16:30; PH off",
  "Mo-Fr 09:00-15:00",
  "Mo-Th 08:00-17:00; Fr 08:00-15:00",
};

static const char * const streets[] = {
  "Storgatan", "Kungsgatan", "Drottninggatan", "Skolgatan", "Järnvägsgatan",
  "Västra Esplanaden", "Rådhustorget", "Köpmangatan", "Nygatan", "Ågatan", "Sjögatan",
  "Östra Kyrkogatan", "Fabriksgatan", "Hamngatan", "Prästgårdsgatan",
};

static const char * const verifiers[] = {
  "Registerförvaltare Norr", "Registerförvaltare Syd", "Samordnare människohandel",
  "Länssamordnare", "Benchmark",
};

typedef struct {
  const char *kind;
  Pair label[3];
  guint n_labels;
} RouteKind;

static const RouteKind route_kinds[] = {
  { "phone", { P ("Växel", "Switchboard"), P ("Direktnummer", "Direct line"),
               P ("Mottagningen", "Reception") }, 3 },
  { "on-call-phone", { P ("Jourtelefon", "On-call phone"), P ("Jourhavande, mobil", "Duty officer, mobile"),
                       P ("Bakjour för yrkesverksamma", "Back-up duty for professionals") }, 3 },
  { "sms", { P ("Sms – svar inom en timme", "Text message – answer within an hour") }, 1 },
  { "email", { P ("E-post", "E-mail"), P ("Funktionsbrevlåda", "Shared mailbox") }, 2 },
  { "secure-email", { P ("Säker e-post för myndigheter", "Secure e-mail for agencies") }, 1 },
  { "web", { P ("Webbplats", "Website"), P ("Stöd och rådgivning på webben", "Support and advice online") }, 2 },
  { "visiting-address", { P ("Besöksadress", "Visiting address") }, 1 },
  { "postal-address", { P ("Postadress", "Postal address") }, 1 },
};

/* The area code of a typical town of each county (after the trunk 0). */
static const struct { const char *county; const char *code; } county_phone[] = {
  { "01", "8" }, { "03", "18" }, { "04", "16" }, { "05", "13" }, { "06", "36" },
  { "07", "470" }, { "08", "480" }, { "09", "498" }, { "10", "455" }, { "12", "40" },
  { "13", "35" }, { "14", "31" }, { "17", "54" }, { "18", "19" }, { "19", "21" },
  { "20", "23" }, { "21", "26" }, { "22", "60" }, { "23", "63" }, { "24", "90" },
  { "25", "920" },
};

static const char * const mobile_prefixes[] = { "70", "72", "73", "76" };

/* Places */

typedef struct {
  const char *code;
  const char *name;
  const char *county_code;
  char *county_short;   /* "Västerbotten" */
  const char *county_sv; /* "Västerbottens län" */
  const char *phone_code;
  char *slug;           /* "umea" */
} Place;

typedef struct {
  Place *places;
  guint n_places;
  guint total_weight;
} World;

/* ASCII for domain names: "Upplands Väsby" → "upplandsvasby". */
static char *
slugify (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c < 128)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (out, (char) c);
          continue;
        }
      switch (c)
        {
        case 0xE5: case 0xE4: case 0xE0: case 0xE1: g_string_append_c (out, 'a'); break;
        case 0xF6: case 0xF8: g_string_append_c (out, 'o'); break;
        case 0xE9: case 0xE8: g_string_append_c (out, 'e'); break;
        case 0xFC: g_string_append_c (out, 'u'); break;
        default: break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
world_init (World *world)
{
  GPtrArray *all = sam_areas_get_all ();

  world->places = g_new0 (Place, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      const SamArea *area = g_ptr_array_index (all, i);
      const SamArea *county;
      Place *place;

      if (area->kind != SAM_AREA_MUNICIPALITY)
        continue;
      county = sam_area_lookup (area->county);
      place = &world->places[world->n_places++];
      place->code = area->code;
      place->name = area->name[SAM_LANG_SV];
      place->county_code = area->county;
      place->county_sv = county ? county->name[SAM_LANG_SV] : area->name[SAM_LANG_SV];
      place->county_short = g_strdup (county ? county->name[SAM_LANG_EN] : area->name[SAM_LANG_SV]);
      if (g_str_has_suffix (place->county_short, " County"))
        place->county_short[strlen (place->county_short) - strlen (" County")] = '\0';
      place->phone_code = "8";
      for (guint c = 0; c < G_N_ELEMENTS (county_phone); c++)
        if (g_strcmp0 (county_phone[c].county, area->county) == 0)
          place->phone_code = county_phone[c].code;
      place->slug = slugify (place->name);
    }
  g_assert (world->n_places > 0);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    world->total_weight += patterns[i].weight;
}

static void
world_clear (World *world)
{
  for (guint i = 0; i < world->n_places; i++)
    {
      g_free (world->places[i].county_short);
      g_free (world->places[i].slug);
    }
  g_free (world->places);
}

/* Writing */

typedef struct {
  const Place *place;
  const Pair *association;
  const Pair *topic;
  guint lang;
} Ctx;

static void
put_escaped (FILE *out, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': fputs ("&amp;", out); break;
        case '<': fputs ("&lt;", out); break;
        case '>': fputs ("&gt;", out); break;
        case '"': fputs ("&quot;", out); break;
        default: putc (*p, out); break;
        }
    }
}

/* Expands a template (see Pattern), escaped. */
static void
put_template (FILE *out, const char *tpl, const Ctx *ctx)
{
  for (const char *p = tpl; *p; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          putc (*p, out);
          continue;
        }
      switch (*++p)
        {
        case 'M': put_escaped (out, ctx->place->name); break;
        case 'C': put_escaped (out, ctx->place->county_short); break;
        case 'L': put_escaped (out, ctx->place->county_sv); break;
        case 'F': put_escaped (out, ctx->association->text[ctx->lang]); break;
        case 'T': put_escaped (out, ctx->topic->text[ctx->lang]); break;
        default: putc ('%', out); putc (*p, out); break;
        }
    }
}

static void
put_texts (FILE *out, const char *indent, const char *element, const char *sv, const char *en,
           const Ctx *base, const Pair *unit)
{
  const char *tpl[2] = { sv, en };

  for (guint lang = 0; lang < 2; lang++)
    {
      Ctx ctx = *base;

      ctx.lang = lang;
      fprintf (out, "%s<%s xml:lang=\"%s\">", indent, element, lang ? "en" : "sv");
      put_template (out, tpl[lang], &ctx);
      if (unit)
        {
          fputs (" – ", out);
          put_escaped (out, unit->text[lang]);
        }
      fprintf (out, "</%s>\n", element);
    }
}

/* A date between 2025-01-01 and 2026-10-31 as a timestamp. */
static void
put_verified_at (FILE *out, Rng *rng)
{
  static const guint8 month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint day = rng_below (rng, 365 + 304);
  guint year = 2025, month = 0;

  if (day >= 365)
    {
      day -= 365;
      year = 2026;
    }
  while (day >= month_days[month])
    day -= month_days[month++];
  fprintf (out, "%04u-%02u-%02uT%02u:%02u:00Z", year, month + 1, day + 1,
           7 + rng_below (rng, 10), rng_below (rng, 60));
}

static void
put_phone_value (FILE *out, Rng *rng, const Place *place, gboolean mobile)
{
  if (mobile)
    {
      /* +46 7X, then seven digits not starting with 0 */
      fprintf (out, "+46%s%u%06u", mobile_prefixes[rng_below (rng, G_N_ELEMENTS (mobile_prefixes))],
               1 + rng_below (rng, 9), rng_below (rng, 1000000));
      return;
    }
  /* area code and a subscriber number not starting with 0, 8 or 9
   * digits after +46 in all */
  {
    guint code_len = strlen (place->phone_code);
    guint sub_len = (code_len == 1 ? 7 : code_len == 2 ? 6 : 5) + rng_below (rng, 2);
    guint64 rest = rng_next (rng);

    fprintf (out, "+46%s%u", place->phone_code, 1 + (guint) (rest % 9));
    rest /= 9;
    for (guint i = 1; i < sub_len; i++, rest /= 10)
      putc ('0' + (int) (rest % 10), out);
  }
}

static void
put_postcode (FILE *out, Rng *rng)
{
  fprintf (out, "%03u %02u", 100 + rng_below (rng, 880), rng_below (rng, 100));
}

static void
put_route (FILE *out, Rng *rng, const char *actor_id, guint index, const RouteKind *kind,
           const Place *place, const Pattern *pattern, const char *route_hours)
{
  static const char * const visibility[] = { "public", "professional", "internal" };
  guint v = rng_below (rng, 100);
  const Pair *label = &kind->label[rng_below (rng, kind->n_labels)];

  /* the first route is the public way in */
  fprintf (out, "      <route id=\"%s-r%u\" kind=\"%s\" visibility=\"%s\">\n", actor_id, index,
           kind->kind, visibility[index == 1 ? 0 : v < 60 ? 0 : v < 85 ? 1 : 2]);
  if (index == 1 || rng_chance (rng, 80))
    {
      for (guint lang = 0; lang < 2; lang++)
        {
          fprintf (out, "        <label xml:lang=\"%s\">", lang ? "en" : "sv");
          put_escaped (out, label->text[lang]);
          fputs ("</label>\n", out);
        }
    }
  fputs ("        <value>", out);
  if (g_str_equal (kind->kind, "phone"))
    put_phone_value (out, rng, place, rng_chance (rng, 15));
  else if (g_str_equal (kind->kind, "on-call-phone") || g_str_equal (kind->kind, "sms"))
    put_phone_value (out, rng, place, TRUE);
  else if (g_str_equal (kind->kind, "email"))
    fprintf (out, "%s%s@%s.se", pattern->slug, rng_chance (rng, 50) ? "" : ".jour", place->slug);
  else if (g_str_equal (kind->kind, "secure-email"))
    fprintf (out, "%s@sakerpost.%s.se", pattern->slug, place->slug);
  else if (g_str_equal (kind->kind, "web"))
    fprintf (out, "https://www.%s.se/%s", place->slug, pattern->slug);
  else if (g_str_equal (kind->kind, "visiting-address"))
    {
      fprintf (out, "%s %u, ", streets[rng_below (rng, G_N_ELEMENTS (streets))], 1 + rng_below (rng, 60));
      put_postcode (out, rng);
      putc (' ', out);
      put_escaped (out, place->name);
    }
  else
    {
      fprintf (out, "Box %u, ", 1 + rng_below (rng, 9000));
      put_postcode (out, rng);
      putc (' ', out);
      put_escaped (out, place->name);
    }
  fputs ("</value>\n", out);
  if (route_hours)
    fprintf (out, "        <hours>%s</hours>\n", route_hours);
  fputs ("      </route>\n", out);
}

static void
put_actor (FILE *out, const World *world, guint64 seed, guint i)
{
  Rng rng;
  char id[32];
  const Pattern *pattern = NULL;
  const Place *place, *second = NULL;
  const Pair *unit = NULL;
  Ctx ctx = { 0 };
  guint pick, n_routes, first_sentence, second_sentence;
  gboolean picked[G_N_ELEMENTS (tags)] = { FALSE };
  gboolean lang_picked[G_N_ELEMENTS (languages)] = { FALSE };
  gboolean group_picked[G_N_ELEMENTS (target_groups)] = { FALSE };

  rng_init (&rng, seed, i);
  g_snprintf (id, sizeof id, "a%06u", i);

  pick = rng_below (&rng, world->total_weight);
  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      if (pick < patterns[p].weight)
        {
          pattern = &patterns[p];
          break;
        }
      pick -= patterns[p].weight;
    }
  place = &world->places[rng_below (&rng, world->n_places)];
  ctx.place = place;
  ctx.association = &associations[rng_below (&rng, G_N_ELEMENTS (associations))];
  ctx.topic = &topics[rng_below (&rng, G_N_ELEMENTS (topics))];
  if (rng_chance (&rng, 55))
    unit = &units[rng_below (&rng, G_N_ELEMENTS (units))];

  fprintf (out, "    <actor id=\"%s\" kind=\"%s\"", id, pattern->kind);
  if (i > 10 && rng_chance (&rng, 8))
    fprintf (out, " parent=\"a%06u\"", 1 + rng_below (&rng, i - 1));
  if (rng_chance (&rng, 10))
    fputs (" review-days=\"180\"", out);
  fputs (" revision=\"1\" updated=\"2026-11-01T00:00:00Z\" updated-by=\"Benchmark\">\n", out);

  put_texts (out, "      ", "name", pattern->sv, pattern->en, &ctx, unit);
  first_sentence = rng_below (&rng, G_N_ELEMENTS (sentences));
  second_sentence = (first_sentence + 1 + rng_below (&rng, G_N_ELEMENTS (sentences) - 1)) %
                    G_N_ELEMENTS (sentences);
  for (guint lang = 0; lang < 2; lang++)
    {
      Ctx c = ctx;

      c.lang = lang;
      fprintf (out, "      <description xml:lang=\"%s\">", lang ? "en" : "sv");
      put_template (out, sentences[first_sentence].text[lang], &c);
      putc (' ', out);
      put_template (out, sentences[second_sentence].text[lang], &c);
      fputs ("</description>\n", out);
    }

  /* 1–2 areas: the municipality, sometimes its county or a neighbour */
  fprintf (out, "      <areas>\n        <area code=\"%s\"/>\n", place->code);
  if (rng_chance (&rng, 30))
    {
      if (rng_chance (&rng, 50))
        fprintf (out, "        <area code=\"%s\"/>\n", place->county_code);
      else
        {
          second = &world->places[rng_below (&rng, world->n_places)];
          if (second != place)
            fprintf (out, "        <area code=\"%s\"/>\n", second->code);
        }
    }
  fputs ("      </areas>\n", out);

  for (guint n = 1 + rng_below (&rng, 3), k = 0; k < n; k++)
    {
      guint g = rng_below (&rng, G_N_ELEMENTS (target_groups));
      group_picked[g] = TRUE;
    }
  for (guint g = 0; g < G_N_ELEMENTS (target_groups); g++)
    if (group_picked[g])
      fprintf (out, "      <target-group>%s</target-group>\n", target_groups[g]);
  fputs ("      <language>sv</language>\n", out);
  for (guint n = rng_below (&rng, 4), k = 0; k < n; k++)
    lang_picked[rng_below (&rng, G_N_ELEMENTS (languages))] = TRUE;
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    if (lang_picked[l])
      fprintf (out, "      <language>%s</language>\n", languages[l]);
  for (guint n = 1 + rng_below (&rng, 3), k = 0; k < n; k++)
    picked[rng_below (&rng, G_N_ELEMENTS (tags))] = TRUE;
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    if (picked[t])
      fprintf (out, "      <tag>%s</tag>\n", tags[t]);

  fprintf (out, "      <hours>%s</hours>\n", hours[rng_below (&rng, G_N_ELEMENTS (hours))]);
  fputs ("      <verified at=\"", out);
  put_verified_at (out, &rng);
  fprintf (out, "\" by=\"%s\"/>\n", verifiers[rng_below (&rng, G_N_ELEMENTS (verifiers))]);

  /* 3–6 routes: a phone first, then a written way in, then a mix */
  n_routes = 3 + rng_below (&rng, 4);
  for (guint r = 1; r <= n_routes; r++)
    {
      const RouteKind *kind;
      const char *route_hours = NULL;

      if (r == 1)
        kind = &route_kinds[0];
      else if (r == 2)
        kind = &route_kinds[rng_chance (&rng, 60) ? 3 : 5];
      else
        kind = &route_kinds[rng_below (&rng, G_N_ELEMENTS (route_kinds))];
      if (g_str_equal (kind->kind, "on-call-phone") && rng_chance (&rng, 70))
        route_hours = hours[2];
      put_route (out, &rng, id, r, kind, place, pattern, route_hours);
    }
  fputs ("    </actor>\n", out);
}

gboolean
sam_bench_write_register (FILE *out, guint n, guint64 seed)
{
  World world = { 0 };

  world_init (&world);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- Synthetic register for the Samverkan benchmarks: invented organisations,\n"
         "     numbers and addresses. Not for real use. -->\n"
         "<register xmlns=\"https://samverkan.github.io/ns/register/1\" version=\"1\">\n", out);
  fprintf (out, "  <meta id=\"bench-%u-s%" G_GUINT64_FORMAT "\">\n"
           "    <name xml:lang=\"sv\">Testregister för prestandamätning (%u aktörer)</name>\n"
           "    <name xml:lang=\"en\">Benchmark register (%u actors)</name>\n"
           "    <owner>Samverkan benchmarks</owner>\n"
           "    <register-version>1</register-version>\n"
           "    <published>2026-11-01T00:00:00Z</published>\n"
           "  </meta>\n"
           "  <actors>\n", n, seed, n, n);
  for (guint i = 1; i <= n; i++)
    put_actor (out, &world, seed, i);
  fputs ("  </actors>\n</register>\n", out);
  world_clear (&world);
  return !ferror (out);
}

gboolean
sam_bench_generate_file (const char *path, guint n, guint64 seed, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  static char buffer[1 << 20];
  FILE *out = fopen (tmp, "w");
  int saved;

  if (out == NULL)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", tmp,
                   g_strerror (saved));
      return FALSE;
    }
  setvbuf (out, buffer, _IOFBF, sizeof buffer);
  if (!sam_bench_write_register (out, n, seed) | (fclose (out) != 0) ||
      g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
