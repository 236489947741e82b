/* sam-format.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-format"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-escalation-path.h"
#include "sam-format.h"

/* Month names come from our own catalog, not the C library's locale, so a
 * date reads the same as the rest of the window: "25 nov. 2026" in Swedish
 * even where no Swedish C locale is installed. */
static const char *
month_abbreviation (int month)
{
  static const char *months[] = {
    NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
    NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
    NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
    NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
    NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
    NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
  };
  return g_dpgettext2 (NULL, "abbreviated month", months[CLAMP (month, 1, 12) - 1]);
}

char *
sam_format_date (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, sam_time_zone ());
  /* Translators: a date: day, abbreviated month, year, as in "25 Nov 2026" */
  return g_strdup_printf (_("%1$d %2$s %3$d"), g_date_time_get_day_of_month (local),
                          month_abbreviation (g_date_time_get_month (local)),
                          g_date_time_get_year (local));
}

char *
sam_format_date_time (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, sam_time_zone ());
  date = sam_format_date (local);
  clock = g_date_time_format (local, "%H:%M");
  /* Translators: a date and a time, as in "25 Nov 2026, 14:03" */
  return g_strdup_printf (_("%1$s, %2$s"), date, clock);
}

/* Mo … Su, then public holidays */
static const char * const day_names[8] = {
  N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  /* Translators: opening hours on public holidays and their eves */
  N_("holidays"),
};

char *
sam_format_hours (SamSchedule *hours)
{
  SamScheduleWords words;

  if (hours == NULL)
    return NULL;
  if (sam_schedule_is_always (hours))
    return g_strdup (_("Always open"));
  for (guint i = 0; i < G_N_ELEMENTS (words.days); i++)
    words.days[i] = _(day_names[i]);
  /* Translators: a closing time on the day after, "08:00 next day" */
  words.next_day = _("%s next day");
  /* Translators: opening hours of a day that is closed, "holidays closed" */
  words.off = C_("hours", "closed");
  return sam_schedule_format (hours, &words);
}

char *
sam_format_open_state (SamSchedule *hours, GDateTime *now, gboolean *is_open)
{
  g_autoptr(GDateTime) change = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  gboolean open;

  if (hours == NULL)
    return NULL;
  open = sam_schedule_is_open_at (hours, now);
  if (is_open)
    *is_open = open;
  if (sam_schedule_is_always (hours))
    return g_strdup (_("Always open"));
  change = sam_schedule_next_change (hours, now);
  if (change == NULL)
    return g_strdup (open ? _("Open now") : _("Closed"));
  local = g_date_time_to_timezone (change, sam_time_zone ());
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now) &&
      g_date_time_get_year (local) == g_date_time_get_year (now))
    when = g_date_time_format (local, "%H:%M");
  else
    {
      g_autofree char *clock = g_date_time_format (local, "%H:%M");
      when = g_strdup_printf ("%s %s", _(day_names[g_date_time_get_day_of_week (local) - 1]), clock);
    }
  /* Translators: "Open now, closes 16:30" / "Closed, opens Thu 08:00" */
  return open ? g_strdup_printf (_("Open now, closes %s"), when)
              : g_strdup_printf (_("Closed, opens %s"), when);
}

char *
sam_format_used_by_paths (GPtrArray *paths)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  if (paths == NULL || paths->len == 0)
    return NULL;
  for (guint i = 0; i < paths->len; i++)
    {
      SamText *title = sam_escalation_path_get_title (g_ptr_array_index (paths, i));

      /* Translators: between the titles of escalation paths in a list */
      g_string_append_printf (titles, "%s%s", i ? _(", ") : "",
                              sam_text_get_best (title, sam_lang_from_locale (), NULL));
    }
  /* Translators: names the escalation paths that use an actor or a route */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used by %u escalation path: %s",
                                       "Used by %u escalation paths: %s", paths->len),
                          paths->len, titles->str);
}

char *
sam_format_register_text (const SamText *text)
{
  SamLang lang = sam_lang_from_locale ();
  gboolean other = FALSE;
  const char *value = sam_text_get_best (text, lang, &other);

  if (value == NULL)
    return NULL;
  if (!other)
    return g_strdup (value);
  return g_strdup_printf (lang == SAM_LANG_EN
                          /* Translators: a register text shown in the other language, marked */
                          ? _("%s (in Swedish)")
                          : _("%s (in English)"), value);
}
