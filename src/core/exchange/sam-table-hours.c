/* sam-table-hours.c — opening hours written as people write them
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule is days, then times ("8–16.30", "8-12 och 13-16"), "stängt" or
 * "dygnet runt"; rules follow each other after ',', ';', '.' or "och".
 * The result goes through the register's own parser, so whatever comes
 * out is what the register can store.
 */

#define G_LOG_DOMAIN "sam-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sam-errors.h"
#include "sam-schedule.h"
#include "sam-table-hours.h"
#include "sam-text.h"

/* Days as bits: Mo = 1 … Su = 64, PH = 128. */
#define DAYS_WEEK 0x7f
#define DAY_PH 0x80

static const struct { const char *word; guint days; } day_words[] = {
  { "man", 1 }, { "mandag", 1 }, { "mandagar", 1 }, { "mon", 1 }, { "monday", 1 }, { "mo", 1 },
  { "tis", 2 }, { "tisdag", 2 }, { "tisdagar", 2 }, { "tue", 2 }, { "tues", 2 },
  { "tuesday", 2 }, { "tu", 2 },
  { "ons", 4 }, { "onsdag", 4 }, { "onsdagar", 4 }, { "wed", 4 }, { "wednesday", 4 }, { "we", 4 },
  { "tor", 8 }, { "tors", 8 }, { "torsdag", 8 }, { "torsdagar", 8 }, { "thu", 8 },
  { "thur", 8 }, { "thurs", 8 }, { "thursday", 8 }, { "th", 8 },
  { "fre", 16 }, { "fredag", 16 }, { "fredagar", 16 }, { "fri", 16 }, { "friday", 16 },
  { "fr", 16 },
  { "lor", 32 }, { "lordag", 32 }, { "lordagar", 32 }, { "sat", 32 }, { "saturday", 32 },
  { "sa", 32 },
  { "son", 64 }, { "sondag", 64 }, { "sondagar", 64 }, { "sun", 64 }, { "sunday", 64 },
  { "su", 64 },
  { "vardagar", 31 }, { "vardag", 31 }, { "weekdays", 31 }, { "helger", 96 }, { "helg", 96 },
  { "weekend", 96 }, { "weekends", 96 }, { "helgdagar", DAY_PH }, { "helgdag", DAY_PH },
  { "ph", DAY_PH }, { "holidays", DAY_PH }, { "alla", DAYS_WEEK }, { "varje", DAYS_WEEK },
  { "daily", DAYS_WEEK },
};

/* Words that say nothing here ("kl.", "dagar" after "alla", "öppet"). */
static const char * const filler_words[] = {
  "kl", "klockan", "dagar", "dag", "day", "days", "every", "oppet", "oppen", "open", "tid",
  "tider", "telefontid", "from", "fran", "mellan", "between", "till", "to", "rod", "roda",
  "public", NULL
};

static const char * const closed_words[] = { "stangt", "stangd", "closed", "off", NULL };

typedef struct {
  char **tokens;
  guint at;
  GString *out;
  guint days;        /* the days of the rule being read */
  gboolean times;    /* the rule has had a time or a word for all day */
} Reader;

static guint
day_bits (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_words); i++)
    if (g_str_equal (day_words[i].word, token))
      return day_words[i].days;
  return 0;
}

/* "8" → 8:00, "16.30" "16:30" "1630" → 16:30, in minutes; -1 if not a time. */
static int
parse_time (const char *token)
{
  char *end;
  guint64 hours = g_ascii_strtoull (token, &end, 10);
  guint64 minutes = 0;

  if (end == token)
    return -1;
  if ((*end == '.' || *end == ':') && g_ascii_isdigit (end[1]))
    minutes = g_ascii_strtoull (end + 1, &end, 10);
  else if (end - token == 4)
    {
      minutes = hours % 100;
      hours /= 100;
    }
  if (*end != '\0' || hours > 48 || minutes > 59)
    return -1;
  return (int) (hours * 60 + minutes);
}

/* Splits into words, numbers and the marks '-', ',', ';', '/'. */
static char **
tokenize (const char *text)
{
  g_autofree char *folded = sam_text_fold (text);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  const char *p = folded;

  while (*p)
    {
      const char *start = p;

      if (g_ascii_isalpha (*p))
        while (g_ascii_isalpha (*p))
          p++;
      else if (g_ascii_isdigit (*p))
        while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ':') && g_ascii_isdigit (p[1])))
          p++;
      else if (strchr ("-,;/", *p))
        p++;
      else
        {
          /* dashes of every width are ranges; a full stop ends a rule */
          gunichar c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
          if (c == 0x2013 || c == 0x2014 || c == 0x2212)
            g_ptr_array_add (tokens, g_strdup ("-"));
          else if (c == '.' && tokens->len > 0 &&
                   g_ascii_isdigit (*(const char *) g_ptr_array_index (tokens, tokens->len - 1)))
            g_ptr_array_add (tokens, g_strdup (";"));   /* "8–16. Lör 10–14" */
          continue;
        }
      g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

static const char *
peek (Reader *r, guint ahead)
{
  for (guint i = 0; i <= ahead; i++)
    if (r->tokens[r->at + i] == NULL)
      return NULL;
  return r->tokens[r->at + ahead];
}

static void
append_days (GString *out, guint days)
{
  static const char *names[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
  gboolean first = TRUE;

  for (guint d = 0; d < 7; d++)
    {
      guint end = d;

      if (!(days & (1u << d)))
        continue;
      while (end + 1 < 7 && (days & (1u << (end + 1))))
        end++;
      g_string_append_printf (out, "%s%s", first ? "" : ",", names[d]);
      if (end > d)
        g_string_append_printf (out, "%s%s", end > d + 1 ? "-" : ",", names[end]);
      first = FALSE;
      d = end;
    }
  if (days & DAY_PH)
    g_string_append_printf (out, "%sPH", first ? "" : ",");
}

static void
begin_rule_text (Reader *r)
{
  if (r->out->len > 0)
    g_string_append (r->out, "; ");
  append_days (r->out, r->days);
  g_string_append_c (r->out, ' ');
}

/* "mån-fre", "mån, ons och fre": the days of a rule. */
static gboolean
read_days (Reader *r)
{
  guint bits, last = 0;
  const char *token;

  r->days = 0;
  r->times = FALSE;
  while ((token = peek (r, 0)) && (bits = day_bits (token)))
    {
      r->at++;
      if (last && last < DAY_PH && bits < DAY_PH && r->at >= 2 &&
          g_str_equal (r->tokens[r->at - 2], "-"))
        {
          /* a range from the last day named to this one, over Sunday too */
          guint from = g_bit_nth_lsf (last, -1), to = g_bit_nth_lsf (bits, -1);
          for (guint d = from; d != to; d = (d + 1) % 7)
            r->days |= 1u << d;
        }
      r->days |= bits;
      last = bits;
      token = peek (r, 0);
      if (token && (g_str_equal (token, "-") || g_str_equal (token, ",") ||
                    g_str_equal (token, "/") || g_str_equal (token, "och") ||
                    g_str_equal (token, "and")) && peek (r, 1) && day_bits (peek (r, 1)))
        r->at++;
    }
  return r->days != 0;
}

/* "8-16.30": one span of the rule's days. */
static gboolean
read_span (Reader *r, GError **error)
{
  int from = parse_time (r->tokens[r->at]);
  int to;

  if (!peek (r, 1) || !peek (r, 2) || !(g_str_equal (peek (r, 1), "-") ||
                                        g_str_equal (peek (r, 1), "till") ||
                                        g_str_equal (peek (r, 1), "to")) ||
      (to = parse_time (peek (r, 2))) < 0 || from < 0 || from >= 24 * 60)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("“%s” is not a time span such as 8–16.30."), r->tokens[r->at]), FALSE);
  r->at += 3;
  if (r->times)
    g_string_append_c (r->out, ',');
  else
    begin_rule_text (r);
  g_string_append_printf (r->out, "%02d:%02d-%02d:%02d", from / 60, from % 60, to / 60, to % 60);
  r->times = TRUE;
  return TRUE;
}

static gboolean
is_word (const char *token, const char * const *words)
{
  return token && g_strv_contains (words, token);
}

/* What follows the days: spans, "stängt", "dygnet runt". */
static gboolean
read_times (Reader *r, GError **error)
{
  const char *token;

  while ((token = peek (r, 0)))
    {
      if (g_ascii_isdigit (*token))
        {
          if (!read_span (r, error))
            return FALSE;
        }
      else if (is_word (token, closed_words) && !r->times)
        {
          begin_rule_text (r);
          g_string_append (r->out, "off");
          r->times = TRUE;
          r->at++;
        }
      else if ((g_str_equal (token, "dygnet") || g_str_equal (token, "hela")) && !r->times)
        {
          begin_rule_text (r);
          g_string_append (r->out, "00:00-24:00");
          r->times = TRUE;
          r->at += peek (r, 1) ? 2 : 1;
        }
      else if (is_word (token, filler_words) || ((g_str_equal (token, ",") ||
                                                  g_str_equal (token, "och") ||
                                                  g_str_equal (token, "and")) &&
                                                 peek (r, 1) && g_ascii_isdigit (*peek (r, 1))))
        r->at++;
      else
        break;
    }
  if (!r->times)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                         _("the days have no times: write them such as “mån–fre 8–16.30”.")),
            FALSE);
  return TRUE;
}

static gboolean
read_rules (Reader *r, GError **error)
{
  const char *token;

  while ((token = peek (r, 0)))
    {
      if (g_str_equal (token, ",") || g_str_equal (token, ";") || g_str_equal (token, "och") ||
          g_str_equal (token, "and") || g_str_equal (token, "samt") ||
          is_word (token, filler_words))
        {
          r->at++;
          continue;
        }
      if (!read_days (r))
        {
          if (g_ascii_isdigit (*token))
            return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                                 _("the times “%s” say no days: write them such as "
                                   "“mån–fre 8–16.30”."), token), FALSE);
          return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                               _("“%s” is not a day or a time."), token), FALSE);
        }
      if (!read_times (r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_always (const char *folded)
{
  static const char * const always[] = {
    "dygnet runt", "dygnet runt alla dagar", "alltid", "alltid oppet", "24/7", "24 timmar",
    "24h", "24 h", "around the clock", "always", "always open", "open 24 hours", "24 hours",
    "dygnet runt, arets alla dagar", "dygnet runt arets alla dagar", NULL
  };

  return g_strv_contains (always, folded);
}

char *
sam_table_hours_parse (const char *text, GError **error)
{
  g_autoptr(SamSchedule) schedule = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GError) local = NULL;
  Reader r = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  /* the register's own syntax, as the export writes it */
  if ((schedule = sam_schedule_parse (text, NULL)) != NULL)
    return sam_schedule_to_string (schedule);
  folded = g_strstrip (sam_text_fold (text));
  if (is_always (folded))
    return g_strdup ("24/7");
  tokens = tokenize (text);
  r.tokens = tokens;
  r.out = out;
  if (!read_rules (&r, error))
    return NULL;
  if ((schedule = sam_schedule_parse (out->str, &local)) == NULL)
    return (g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID, "%s", local->message), NULL);
  return sam_schedule_to_string (schedule);
}
