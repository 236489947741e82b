/* sam-schedule.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sam-enums.h"

G_BEGIN_DECLS

#define SAM_TYPE_SCHEDULE (sam_schedule_get_type ())
#define SAM_SCHEDULE_ERROR (sam_schedule_error_quark ())

typedef enum {
  SAM_SCHEDULE_ERROR_INVALID,
} SamScheduleError;

/* Weekly opening hours, written in a subset of the OpenStreetMap
 * opening_hours syntax: "24/7", or rules such as
 * "Mo-Th 16:30-08:00; Fr 16:00-24:00; Sa 00:00-24:00; Su,PH 00:00-32:00".
 * An end before the start runs past midnight; rules for a day add up; PH
 * (public holidays and their eves) is closed unless a PH rule opens it. */
typedef struct _SamSchedule SamSchedule;

GType        sam_schedule_get_type      (void) G_GNUC_CONST;
GQuark       sam_schedule_error_quark   (void);

SamSchedule *sam_schedule_parse         (const char         *text,
                                         GError            **error);
SamSchedule *sam_schedule_new_always    (void);
SamSchedule *sam_schedule_ref           (SamSchedule        *self);
void         sam_schedule_unref         (SamSchedule        *self);
char        *sam_schedule_to_string     (const SamSchedule  *self);

/* The words a schedule is read out in: day names Mo … Su, then public
 * holidays; a printf format taking a clock time past midnight
 * ("%s next day"); and the word for "off" ("closed"). */
typedef struct {
  const char *days[8];
  const char *next_day;
  const char *off;
} SamScheduleWords;

/* The canonical text ("Mo-Fr 08:00-16:30; Su,PH 00:00-32:00") in @words:
 * "Mon–Fri 08:00–16:30; Sun, holidays 00:00–08:00 next day". */
char        *sam_schedule_format        (SamSchedule            *self,
                                         const SamScheduleWords *words);
char        *sam_schedule_format_in     (SamSchedule            *self,
                                         SamLang                 lang);
gboolean     sam_schedule_is_always     (const SamSchedule  *self);

/* One opening of a schedule as a weekly rule says it: the days it holds
 * on (bit 0 Monday … bit 6 Sunday, SAM_SCHEDULE_HOLIDAYS for public
 * holidays and their eves) and the minutes after midnight it opens and
 * closes (past 24:00 when it runs into the next day). */
#define SAM_SCHEDULE_HOLIDAYS (1u << 7)
typedef struct {
  guint   days;
  guint16 opens;
  guint16 closes;
} SamScheduleSpan;

/* The openings of @self, days with the same hours together, in the order
 * sam_schedule_to_string() writes them; empty for 24/7 (ask
 * sam_schedule_is_always()) and for a schedule that is never open.
 * Holidays closed by a rule ("PH off") have no span. */
GArray      *sam_schedule_dup_spans     (const SamSchedule  *self);
/* Reads a schedule written under format 1, where an actor was closed on
 * holidays unless a PH rule opened it: as if it had "PH off". */
void         sam_schedule_close_on_holidays (SamSchedule    *self);
gboolean     sam_schedule_is_open_at    (const SamSchedule  *self,
                                         GDateTime          *when);
GDateTime   *sam_schedule_next_change   (const SamSchedule  *self,
                                         GDateTime          *when);

/* Now in Europe/Stockholm, or the time in $SAMVERKAN_NOW (ISO 8601) so tests
 * and scripts can fix the clock. */
GDateTime   *sam_now_local              (void);
/* The same instant in UTC: without SAMVERKAN_NOW, no time zone is looked
 * up (for time stamps, written for every change an import logs). */
GDateTime   *sam_now_utc                (void);
/* FALSE with SAM_ERROR_INVALID when $SAMVERKAN_NOW is set but not an ISO
 * 8601 time from SAM_YEAR_MIN to SAM_YEAR_MAX (sam_now_local() would warn
 * and use the real clock). */
gboolean     sam_now_check_environment  (GError    **error);

/* Dates a register takes (verification, $SAMVERKAN_NOW): a year outside
 * these is a typing error, and far outside them date arithmetic fails. */
#define SAM_YEAR_MIN 1900
#define SAM_YEAR_MAX 2200
gboolean     sam_date_time_is_in_range  (GDateTime  *dt);
GTimeZone   *sam_time_zone              (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamSchedule, sam_schedule_unref)

G_END_DECLS
