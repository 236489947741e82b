/* sam-holidays.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Swedish public holidays as the Public Holidays Act (1989:253) lists them,
 * plus the eves that are de facto closed days for offices.
 */
#define G_LOG_DOMAIN "sam-holidays"

#include "config.h"

#include "sam-holidays.h"

/* Easter Sunday, Gregorian calendar (anonymous algorithm). */
static void
easter_sunday (int year, GDate *out)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  g_date_set_dmy (out, day, month, year);
}

/* Day-of-year offsets from Easter Sunday: Good Friday, Easter Eve, Easter
 * Sunday, Easter Monday, Ascension Day, Whitsunday. */
static const int easter_offsets[] = { -2, -1, 0, 1, 39, 49 };

static gboolean
is_easter_related (const GDate *date)
{
  GDate easter;

  g_date_clear (&easter, 1);
  easter_sunday (g_date_get_year (date), &easter);
  for (guint i = 0; i < G_N_ELEMENTS (easter_offsets); i++)
    if (g_date_days_between (&easter, date) == easter_offsets[i])
      return TRUE;
  return FALSE;
}

static gboolean
is_fixed_holiday (GDateMonth month, GDateDay day)
{
  static const guint8 fixed[][2] = {
    { 1, 1 }, { 1, 6 }, { 5, 1 }, { 6, 6 }, { 12, 24 }, { 12, 25 }, { 12, 26 }, { 12, 31 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (fixed[i][0] == month && fixed[i][1] == day)
      return TRUE;
  return FALSE;
}

gboolean
sam_is_holiday_or_eve (GDateYear year, GDateMonth month, GDateDay day)
{
  GDate date;
  GDateWeekday wd;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (is_fixed_holiday (month, day))
    return TRUE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  wd = g_date_get_weekday (&date);

  /* Midsummer Eve is the Friday between 19 and 25 June, Midsummer Day the
   * Saturday after it; All Saints' Day the Saturday between 31 Oct and 6 Nov. */
  if (month == G_DATE_JUNE && day >= 19 && day <= 25 && wd == G_DATE_FRIDAY)
    return TRUE;
  if (month == G_DATE_JUNE && day >= 20 && day <= 26 && wd == G_DATE_SATURDAY)
    return TRUE;
  if (wd == G_DATE_SATURDAY &&
      ((month == G_DATE_OCTOBER && day == 31) || (month == G_DATE_NOVEMBER && day <= 6)))
    return TRUE;

  return is_easter_related (&date);
}
