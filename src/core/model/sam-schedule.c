/* sam-schedule.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-schedule"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-holidays.h"
#include "sam-schedule.h"

#define DAY_MINUTES (24 * 60)
#define PH_INDEX 7
#define N_DAY_KEYS 8
G_STATIC_ASSERT (SAM_SCHEDULE_HOLIDAYS == 1u << PH_INDEX);

typedef struct {
  guint16 start;   /* minutes after midnight, < 24:00 */
  guint16 end;     /* minutes after that midnight, up to 48:00 */
} Span;

struct _SamSchedule {
  gboolean always;
  gboolean ph_rule;           /* a rule names PH: holidays follow days[PH_INDEX] */
  GArray *days[N_DAY_KEYS];   /* Mo … Su, PH: arrays of Span, sorted */
  char *text;                 /* sam_schedule_to_string, once asked (atomic:
                               * a schedule read once may be shared) */
};

static const char * const day_names[N_DAY_KEYS] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH" };

G_DEFINE_QUARK (sam-schedule-error-quark, sam_schedule_error)

static void
schedule_clear (SamSchedule *self)
{
  for (guint i = 0; i < N_DAY_KEYS; i++)
    g_clear_pointer (&self->days[i], g_array_unref);
  g_clear_pointer (&self->text, g_free);
}

static SamSchedule *
schedule_alloc (void)
{
  SamSchedule *self = g_rc_box_new0 (SamSchedule);

  for (guint i = 0; i < N_DAY_KEYS; i++)
    self->days[i] = g_array_new (FALSE, FALSE, sizeof (Span));
  return self;
}

SamSchedule *
sam_schedule_ref (SamSchedule *self)
{
  return g_rc_box_acquire (self);
}

void
sam_schedule_unref (SamSchedule *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) schedule_clear);
}

G_DEFINE_BOXED_TYPE (SamSchedule, sam_schedule, sam_schedule_ref, sam_schedule_unref)

SamSchedule *
sam_schedule_new_always (void)
{
  SamSchedule *self = schedule_alloc ();

  self->always = TRUE;
  return self;
}

static int
day_index (const char *name, gsize len)
{
  for (int i = 0; i < N_DAY_KEYS; i++)
    if (len == 2 && strncmp (day_names[i], name, 2) == 0)
      return i;
  return -1;
}

/* "Mo-Fr,Su,PH" → mask of day keys */
static gboolean
parse_days (const char *text, guint *mask, GError **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  *mask = 0;
  for (guint i = 0; items[i]; i++)
    {
      char *item = g_strstrip (items[i]);
      const char *dash = strchr (item, '-');
      int from = day_index (item, dash ? (gsize) (dash - item) : strlen (item));
      int to = dash ? day_index (dash + 1, strlen (dash + 1)) : from;

      if (from < 0 || to < 0 || (dash && (from == PH_INDEX || to == PH_INDEX || to < from)))
        {
          g_set_error (error, SAM_SCHEDULE_ERROR, SAM_SCHEDULE_ERROR_INVALID,
                       _("“%s” is not a day or a range of days (Mo, Tu, We, Th, Fr, Sa, Su, PH)"),
                       item);
          return FALSE;
        }
      for (int d = from; d <= to; d++)
        *mask |= 1u << d;
    }
  return TRUE;
}

static gboolean
parse_clock (const char *text, guint max_hour, guint16 *out)
{
  guint h, m;
  char tail;

  if (strlen (text) != 5 || text[2] != ':' ||
      sscanf (text, "%2u:%2u%c", &h, &m, &tail) != 2 || m > 59 || h > max_hour ||
      (h == max_hour && m > 0))
    return FALSE;
  *out = h * 60 + m;
  return TRUE;
}

static gboolean
parse_span (const char *text, Span *span, GError **error)
{
  g_auto(GStrv) ends = g_strsplit (text, "-", -1);

  if (g_strv_length (ends) == 2 &&
      parse_clock (g_strstrip (ends[0]), 23, &span->start) &&
      parse_clock (g_strstrip (ends[1]), 48, &span->end) &&
      span->end != span->start)
    {
      if (span->end < span->start)
        span->end += DAY_MINUTES;
      if (span->end <= 2 * DAY_MINUTES)
        return TRUE;
    }
  g_set_error (error, SAM_SCHEDULE_ERROR, SAM_SCHEDULE_ERROR_INVALID,
               _("“%s” is not a time range such as 08:00-16:30"), text);
  return FALSE;
}

static int
span_compare (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->start != y->start ? x->start - y->start : x->end - y->end;
}

static gboolean
parse_rule (SamSchedule *self, const char *rule, GError **error)
{
  const char *space = strchr (rule, ' ');
  g_autofree char *days_text = NULL;
  g_auto(GStrv) spans = NULL;
  guint mask;

  if (space == NULL)
    {
      g_set_error (error, SAM_SCHEDULE_ERROR, SAM_SCHEDULE_ERROR_INVALID,
                   _("“%s” needs days and times, such as Mo-Fr 08:00-16:30"), rule);
      return FALSE;
    }
  days_text = g_strndup (rule, space - rule);
  if (!parse_days (days_text, &mask, error))
    return FALSE;
  if (mask & (1u << PH_INDEX))
    self->ph_rule = TRUE;
  /* "Sa,PH off": closed those days, whatever an earlier rule said */
  if (g_str_equal (g_strstrip ((char *) space + 1), "off"))
    {
      for (guint d = 0; d < N_DAY_KEYS; d++)
        if (mask & (1u << d))
          g_array_set_size (self->days[d], 0);
      return TRUE;
    }

  spans = g_strsplit (space + 1, ",", -1);
  for (guint i = 0; spans[i]; i++)
    {
      Span span;

      if (!parse_span (spans[i], &span, error))
        return FALSE;
      for (guint d = 0; d < N_DAY_KEYS; d++)
        if (mask & (1u << d))
          g_array_append_val (self->days[d], span);
    }
  return TRUE;
}

SamSchedule *
sam_schedule_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(SamSchedule) self = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) rules = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_set_error (error, SAM_SCHEDULE_ERROR, SAM_SCHEDULE_ERROR_INVALID,
                   _("Opening hours are empty: write them such as Mo-Fr 08:00-16:30, or 24/7."));
      return NULL;
    }
  if (g_str_equal (copy, "24/7"))
    return sam_schedule_new_always ();

  self = schedule_alloc ();
  rules = g_strsplit (copy, ";", -1);
  for (guint i = 0; rules[i]; i++)
    {
      char *rule = g_strstrip (rules[i]);

      if (*rule == '\0' && rules[i + 1] == NULL && i > 0)
        break;   /* a trailing ';' */
      if (!parse_rule (self, rule, &local_error))
        {
          g_set_error (error, SAM_SCHEDULE_ERROR, SAM_SCHEDULE_ERROR_INVALID,
                       _("Opening hours “%s”: %s"), copy, local_error->message);
          return NULL;
        }
    }
  for (guint d = 0; d < N_DAY_KEYS; d++)
    g_array_sort (self->days[d], span_compare);
  return g_steal_pointer (&self);
}

static void
append_clock (GString *out, guint minutes)
{
  g_string_append_printf (out, "%02u:%02u", minutes / 60, minutes % 60);
}

static void
append_spans (GString *out, GArray *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);
      guint end = s->end;

      if (i > 0)
        g_string_append_c (out, ',');
      append_clock (out, s->start);
      g_string_append_c (out, '-');
      /* Past midnight reads most naturally as the clock time it ends */
      if (end > DAY_MINUTES && end - DAY_MINUTES < s->start)
        end -= DAY_MINUTES;
      append_clock (out, end);
    }
}

static gboolean
spans_equal (GArray *a, GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (Span)) == 0;
}

/* "Mo-Fr,Su,PH" for the days in @mask; PH never joins a range. */
static void
append_days (GString *out, guint mask)
{
  gboolean first = TRUE;

  for (int d = 0; d < N_DAY_KEYS; d++)
    {
      int end = d;

      if (!(mask & (1u << d)))
        continue;
      while (d != PH_INDEX && end + 1 < PH_INDEX && (mask & (1u << (end + 1))))
        end++;
      if (!first)
        g_string_append_c (out, ',');
      g_string_append (out, day_names[d]);
      if (end > d)
        g_string_append_printf (out, "%s%s", end == d + 1 ? "," : "-", day_names[end]);
      first = FALSE;
      d = end;
    }
}

static char *
make_string (const SamSchedule *self)
{
  GString *out;
  guint done = 0;

  if (self->always)
    return g_strdup ("24/7");
  out = g_string_new (NULL);
  for (guint d = 0; d < N_DAY_KEYS; d++)
    {
      guint mask = 0;

      if ((done & (1u << d)) || self->days[d]->len == 0)
        continue;
      for (guint e = d; e < N_DAY_KEYS; e++)
        if (spans_equal (self->days[d], self->days[e]))
          mask |= 1u << e;
      done |= mask;
      if (out->len > 0)
        g_string_append (out, "; ");
      append_days (out, mask);
      g_string_append_c (out, ' ');
      append_spans (out, self->days[d]);
    }
  /* with no PH rule a holiday would be the weekday it falls on */
  if (self->ph_rule && self->days[PH_INDEX]->len == 0 && out->len > 0)
    g_string_append (out, "; PH off");
  if (out->len == 0)
    g_string_append (out, "Mo-Su off");
  return g_string_free (out, FALSE);
}

char *
sam_schedule_to_string (const SamSchedule *self)
{
  SamSchedule *shared = (SamSchedule *) self;
  const char *text;
  char *made;

  g_return_val_if_fail (self != NULL, NULL);

  /* A register writes the same few opening hours thousands of times, and
   * a file read for import shares each schedule among the routes that
   * have it: the text is made once. */
  if ((text = g_atomic_pointer_get (&shared->text)) != NULL)
    return g_strdup (text);
  made = make_string (self);
  if (!g_atomic_pointer_compare_and_exchange (&shared->text, NULL, made))
    return made;    /* another thread made it first */
  return g_strdup (made);
}

GArray *
sam_schedule_dup_spans (const SamSchedule *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SamScheduleSpan));
  guint done = 0;

  g_return_val_if_fail (self != NULL, out);

  for (guint d = 0; d < N_DAY_KEYS && !self->always; d++)
    {
      guint mask = 0;

      if ((done & (1u << d)) || self->days[d]->len == 0)
        continue;
      for (guint e = d; e < N_DAY_KEYS; e++)
        if (spans_equal (self->days[d], self->days[e]))
          mask |= 1u << e;
      done |= mask;
      for (guint i = 0; i < self->days[d]->len; i++)
        {
          const Span *s = &g_array_index (self->days[d], Span, i);
          SamScheduleSpan span = { mask, s->start, s->end };

          g_array_append_val (out, span);
        }
    }
  return out;
}

void
sam_schedule_close_on_holidays (SamSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!self->always)
    self->ph_rule = TRUE;
  g_clear_pointer (&self->text, g_free);
}

gboolean
sam_schedule_is_always (const SamSchedule *self)
{
  return self->always;
}

/* As OpenStreetMap means it: a holiday follows the PH rules when there are
 * any, and is the weekday it falls on when there are none. */
static guint
day_key (const SamSchedule *self, GDateTime *dt)
{
  if (self->ph_rule &&
      sam_is_holiday_or_eve (g_date_time_get_year (dt), g_date_time_get_month (dt),
                             g_date_time_get_day_of_month (dt)))
    return PH_INDEX;
  return g_date_time_get_day_of_week (dt) - 1;
}

/* Open at @minute of a day whose rules are @today, after a day whose rules
 * are @yesterday (their spans past midnight spill over). */
static gboolean
open_in (GArray *today, GArray *yesterday, guint minute)
{
  for (guint i = 0; i < today->len; i++)
    {
      const Span *s = &g_array_index (today, Span, i);
      if (s->start <= minute && minute < MIN ((guint) s->end, (guint) DAY_MINUTES))
        return TRUE;
    }
  for (guint i = 0; i < yesterday->len; i++)
    {
      const Span *s = &g_array_index (yesterday, Span, i);
      if (s->end > DAY_MINUTES && minute < (guint) (s->end - DAY_MINUTES))
        return TRUE;
    }
  return FALSE;
}

gboolean
sam_schedule_is_open_at (const SamSchedule *self,
                         GDateTime         *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) before = NULL;
  guint minute;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  if (self->always)
    return TRUE;
  /* the day before the year 1 does not exist (NULL), nor do the ends of
   * spans past 9999: dates that far out are refused where they come in */
  if (!sam_date_time_is_in_range (when))
    return FALSE;
  local = g_date_time_to_timezone (when, sam_time_zone ());
  before = g_date_time_add_days (local, -1);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  return open_in (self->days[day_key (self, local)], self->days[day_key (self, before)], minute);
}

/* Wall-clock @minutes after local midnight of the day @days after @local's
 * (built from the clock reading, so DST days come out right). */
static void
add_candidate (GPtrArray *candidates, GDateTime *local, int days, guint minutes)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (local, days + minutes / DAY_MINUTES);

  minutes %= DAY_MINUTES;
  g_ptr_array_add (candidates,
                   g_date_time_new (sam_time_zone (), g_date_time_get_year (day),
                                    g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                                    minutes / 60, minutes % 60, 0));
}

static int
compare_times (gconstpointer a, gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *) a, *(GDateTime * const *) b);
}

/* The next moment, within eight days, when the schedule opens or closes;
 * NULL for 24/7 or a schedule that does not change in that time. The state
 * can only change at a span's start or end or at midnight (holidays), so
 * those are the only moments looked at. */
GDateTime *
sam_schedule_next_change (const SamSchedule *self,
                          GDateTime         *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  gboolean open;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->always || !sam_date_time_is_in_range (when))
    return NULL;
  open = sam_schedule_is_open_at (self, when);
  local = g_date_time_to_timezone (when, sam_time_zone ());
  for (int d = -1; d <= 8; d++)
    {
      add_candidate (candidates, local, d, 0);
      for (guint k = 0; k < N_DAY_KEYS; k++)
        for (guint i = 0; i < self->days[k]->len; i++)
          {
            const Span *span = &g_array_index (self->days[k], Span, i);
            add_candidate (candidates, local, d, span->start);
            add_candidate (candidates, local, d, span->end);
          }
    }
  g_ptr_array_sort (candidates, compare_times);
  for (guint i = 0; i < candidates->len; i++)
    {
      GDateTime *t = g_ptr_array_index (candidates, i);

      if (g_date_time_compare (t, when) > 0 && sam_schedule_is_open_at (self, t) != open)
        return g_date_time_ref (t);
    }
  return NULL;
}

GTimeZone *
sam_time_zone (void)
{
  static gsize once;
  static GTimeZone *tz;

  if (g_once_init_enter (&once))
    {
      tz = g_time_zone_new_identifier ("Europe/Stockholm");
      /* Without tzdata (a bare container) local time could be anything:
       * Sweden's rule itself, CET with summer time from the last Sunday of
       * March to the last Sunday of October, as a POSIX TZ string. */
      if (tz == NULL)
        tz = g_time_zone_new_identifier ("CET-1CEST,M3.5.0,M10.5.0/3");
      g_assert (tz != NULL);
      g_once_init_leave (&once, 1);
    }
  return tz;
}

gboolean
sam_date_time_is_in_range (GDateTime *dt)
{
  int year;

  if (dt == NULL)
    return FALSE;
  year = g_date_time_get_year (dt);
  return year >= SAM_YEAR_MIN && year <= SAM_YEAR_MAX;
}

/* The time $SAMVERKAN_NOW gives, NULL when it is not set, or NULL with
 * @error set when it is not a time in range. */
static GDateTime *
now_from_environment (GError **error)
{
  const char *fixed = g_getenv ("SAMVERKAN_NOW");
  g_autoptr(GDateTime) dt = NULL;

  if (fixed == NULL || *fixed == '\0')
    return NULL;
  dt = g_date_time_new_from_iso8601 (fixed, sam_time_zone ());
  if (dt == NULL || !sam_date_time_is_in_range (dt))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("SAMVERKAN_NOW=%s is not an ISO 8601 time between the years %d and %d "
                     "(such as 2026-11-25T12:00:00+01:00)."), fixed, SAM_YEAR_MIN, SAM_YEAR_MAX);
      return NULL;
    }
  return g_date_time_to_timezone (dt, sam_time_zone ());
}

gboolean
sam_now_check_environment (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = now_from_environment (&local_error);

  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GDateTime *
sam_now_local (void)
{
  g_autoptr(GError) error = NULL;
  GDateTime *fixed = now_from_environment (&error);

  if (fixed != NULL)
    return fixed;
  if (error != NULL)
    g_warning ("%s Using the real clock.", error->message);
  return g_date_time_new_now (sam_time_zone ());
}

GDateTime *
sam_now_utc (void)
{
  g_autoptr(GDateTime) local = NULL;
  const char *fixed = g_getenv ("SAMVERKAN_NOW");

  if (fixed == NULL || *fixed == '\0')
    return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
  local = sam_now_local ();
  return g_date_time_to_utc (local);
}

/* Word by word: the canonical text is ASCII, with two-letter day tokens. */
char *
sam_schedule_format (SamSchedule            *self,
                     const SamScheduleWords *words)
{
  static const char tokens[8][3] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH" };
  g_autofree char *text = sam_schedule_to_string (self);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      const char *day = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (tokens) && g_ascii_isalpha (p[0]); i++)
        if (p[0] == tokens[i][0] && p[1] == tokens[i][1])
          day = words->days[i];
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
          g_autofree char *clock = g_strdup_printf ("%02d:%02d", h % 24 + (h == 24 ? 24 : 0), m);

          const char *slot = strstr (words->next_day, "%s");

          /* "Su 00:00-32:00" reads "Sun 00:00–08:00 next day"; the words
           * are the caller's, so "%s" is put in by hand, not by printf */
          if (h * 60 + m > 24 * 60 && slot)
            {
              g_string_append_len (out, words->next_day, slot - words->next_day);
              g_string_append (out, clock);
              g_string_append (out, slot + 2);
            }
          else
            g_string_append (out, clock);
          p += 4;
        }
      else if (g_str_has_prefix (p, "off") && words->off != NULL)
        {
          /* "PH off": "holidays closed", in the reader's words */
          g_string_append (out, words->off);
          p += 2;
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

/* Fixed words, not gettext: a sheet or an exported file is read in the
 * language chosen for it, not in the language of the program's window. */
static const struct {
  SamScheduleWords words;
  const char *always;
} fixed_words[SAM_N_LANGS] = {
  [SAM_LANG_SV] = {
    { .days = { "mån", "tis", "ons", "tors", "fre", "lör", "sön", "helgdagar" },
      .next_day = "%s nästa dag", .off = "stängt" },
    "dygnet runt",
  },
  [SAM_LANG_EN] = {
    { .days = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "public holidays" },
      .next_day = "%s next day", .off = "closed" },
    "around the clock",
  },
};

/* Opening hours in @lang for a printed sheet or an exported file:
 * "dygnet runt", "stängt" (Mo-Su off), or the rules in words. */
char *
sam_schedule_format_in (SamSchedule *self, SamLang lang)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (lang < SAM_N_LANGS, NULL);
  if (self == NULL)
    return NULL;
  if (sam_schedule_is_always (self))
    return g_strdup (fixed_words[lang].always);
  text = sam_schedule_to_string (self);
  if (g_str_equal (text, "Mo-Su off"))
    return g_strdup (fixed_words[lang].words.off);
  return sam_schedule_format (self, &fixed_words[lang].words);
}
