/* sam-sheet.c — printed contact sheets: gathering what a sheet shows,
 * pagination, drawing and PDF output.
 *
 * A sheet is made in three steps. sam_sheet_new() reads the store once and
 * keeps copies of the actors with only the routes the audience may see
 * (sam_sheet_route_allowed() is the one place that decides), so nothing
 * else can reach the layout. sam_sheet_paginate() lays the pages out for a
 * page size with a PangoContext (sam-sheet-escalation.c, -directory.c,
 * -card.c). sam_sheet_draw_page() draws a page on any cairo_t: a PDF file,
 * the print dialog's preview, a printer.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sam-areas.h"
#include "sam-role-contact.h"
#include "sam-atomic-file.h"
#include "sam-audience.h"
#include "sam-errors.h"
#include "sam-query.h"
#include "sam-sheet-private.h"

struct _SamSheet
{
  GObject parent_instance;

  SamSheetOptions options;
  SamRegisterMeta meta;
  GDateTime *printed;
  SamEscalationPath *path;     /* a copy naming only allowed routes */
  SamFlowchart *chart;
  GPtrArray *actors;           /* SamActor copies with only allowed routes */
  GPtrArray *emergency;
  GPtrArray *on_call;          /* the area's actors with an on-call line the audience may see */
  GHashTable *role_places;     /* actor id → "Skellefteå, Norsjö": where it fills a step's role */
  GHashTable *role_routes;     /* ids of the routes roles name */
  GHashTable *role_everywhere; /* ids of the steps whose role is filled in all the area */
  char *area_name;

  GPtrArray *pages;            /* SheetPage */
  cairo_rectangle_t area;
  GDateTime *verified_min, *verified_max;
  double chart_font_size;
};

G_DEFINE_FINAL_TYPE (SamSheet, sam_sheet, G_TYPE_OBJECT)

/* Every route a sheet shows has passed the register's one rule for what an
 * audience may see (sam_audience_may_see_route()); a sheet's audience is at
 * most professional, so no internal route is ever printed. */
gboolean
sam_sheet_route_allowed (SamContactRoute *route,
                         SamAudience      audience)
{
  SamVisibility as = audience == SAM_AUDIENCE_PROFESSIONAL ? SAM_VISIBILITY_PROFESSIONAL
                                                           : SAM_VISIBILITY_PUBLIC;

  return sam_audience_may_see_route (as, route);
}

/* The sheet */

static void
sam_sheet_finalize (GObject *object)
{
  SamSheet *self = SAM_SHEET (object);

  sam_sheet_options_clear (&self->options);
  sam_register_meta_clear (&self->meta);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_object (&self->path);
  g_clear_object (&self->chart);
  g_ptr_array_unref (self->actors);
  g_ptr_array_unref (self->emergency);
  g_ptr_array_unref (self->on_call);
  g_hash_table_unref (self->role_places);
  g_hash_table_unref (self->role_routes);
  g_hash_table_unref (self->role_everywhere);
  g_free (self->area_name);
  g_ptr_array_unref (self->pages);
  g_clear_pointer (&self->verified_min, g_date_time_unref);
  g_clear_pointer (&self->verified_max, g_date_time_unref);
  G_OBJECT_CLASS (sam_sheet_parent_class)->finalize (object);
}

static void
sam_sheet_class_init (SamSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_sheet_finalize;
}

static void
sam_sheet_init (SamSheet *self)
{
  self->actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->emergency = g_ptr_array_new_with_free_func (g_object_unref);
  self->on_call = g_ptr_array_new_with_free_func (g_object_unref);
  self->role_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->role_routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->role_everywhere = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_sheet_page_free);
}

/* Gathering */

/* A copy of @actor holding only the routes @audience may see. */
static SamActor *
strip_actor (SamActor *actor, SamAudience audience)
{
  SamActor *copy = sam_actor_copy (actor);
  GPtrArray *routes = sam_actor_get_routes (copy);

  for (guint i = routes->len; i-- > 0;)
    if (!sam_sheet_route_allowed (g_ptr_array_index (routes, i), audience))
      g_ptr_array_remove_index (routes, i);
  return copy;
}

/* A copy of @path whose steps name a route only when the audience may see
 * it (the actor stays: its name is no secret). */
static SamEscalationPath *
strip_path (SamEscalationPath *path, SamStore *store, SamAudience audience)
{
  SamEscalationPath *copy = sam_escalation_path_new (sam_escalation_path_get_id (path));
  GPtrArray *steps = sam_escalation_path_get_steps (path);

  sam_escalation_path_set_situation (copy, sam_escalation_path_get_situation (path));
  sam_escalation_path_set_area (copy, sam_escalation_path_get_area (path));
  sam_escalation_path_set_start (copy, sam_escalation_path_get_start (path));
  sam_text_copy (sam_escalation_path_get_title (copy), sam_escalation_path_get_title (path));
  sam_text_copy (sam_escalation_path_get_summary (copy), sam_escalation_path_get_summary (path));
  sam_escalation_path_set_revision (copy, sam_escalation_path_get_revision (path));
  sam_escalation_path_set_updated (copy, sam_escalation_path_get_updated_at (path),
                                   sam_escalation_path_get_updated_by (path));
  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(SamEscalationStep) step = sam_escalation_step_copy (g_ptr_array_index (steps, i));
      const char *actor_id = sam_escalation_step_get_actor_id (step);
      const char *route_id = sam_escalation_step_get_route_id (step);

      if (route_id != NULL)
        {
          g_autoptr(SamActor) actor = actor_id ? sam_store_load_actor (store, actor_id, NULL) : NULL;
          SamContactRoute *route = actor ? sam_actor_find_route (actor, route_id) : NULL;

          if (route == NULL || !sam_sheet_route_allowed (route, audience))
            {
              g_autofree char *keep = g_strdup (actor_id);
              sam_escalation_step_set_contact (step, keep, NULL);
            }
        }
      sam_escalation_path_add_step (copy, step);
    }
  return copy;
}

static GPtrArray *
search_area (SamStore *store, const char *area, SamLang lang, GError **error)
{
  g_autoptr(SamQuery) query = sam_query_new (NULL);

  query->area = g_strdup (area);
  query->limit = 0;
  query->sort_lang = lang;
  return sam_store_search (store, query, error);
}

static gboolean
has_on_call (SamActor *actor, SamAudience audience)
{
  GPtrArray *routes = sam_actor_get_routes (actor);

  for (guint i = 0; i < routes->len; i++)
    if (sam_contact_route_get_kind (g_ptr_array_index (routes, i)) == SAM_ROUTE_KIND_ON_CALL_PHONE &&
        sam_sheet_route_allowed (g_ptr_array_index (routes, i), audience))
      return TRUE;
  return FALSE;
}

static gboolean
contains_actor (GPtrArray *actors, const char *id)
{
  for (guint i = 0; i < actors->len; i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (actors, i)), id))
      return TRUE;
  return FALSE;
}

/* Notes that @fill's actor answers for its municipality in a role. */
static void
note_role_place (SamSheet *self, SamRoleFill *fill)
{
  const char *id = sam_actor_get_id (fill->actor);
  const char *name = fill->municipality->name[self->options.lang];
  const char *before = g_hash_table_lookup (self->role_places, id);
  g_auto(GStrv) known = before ? g_strsplit (before, ", ", -1) : NULL;

  /* two steps may name the same actor for the same place */
  if (known != NULL && g_strv_contains ((const char * const *) known, name))
    return;
  g_hash_table_insert (self->role_places, g_strdup (id),
                       before ? g_strconcat (before, ", ", name, NULL) : g_strdup (name));
  if (fill->route != NULL)
    g_hash_table_add (self->role_routes, g_strdup (sam_contact_route_get_id (fill->route)));
}

/* The actors filling @step's role in each municipality of @area; TRUE
 * when someone fills it in every one (the step's own actor of the role's
 * kind then stands in nowhere on this sheet). */
static gboolean
gather_role_actors (SamSheet *self, SamStore *store, SamEscalationStep *step, const char *area)
{
  const SamStepRole *role = sam_escalation_step_get_role (step);
  SamVisibility visibility = self->options.audience == SAM_AUDIENCE_PUBLIC ? SAM_VISIBILITY_PUBLIC
                                                                          : SAM_VISIBILITY_PROFESSIONAL;
  g_autoptr(GPtrArray) fills = NULL;
  gboolean everywhere = TRUE;

  if (role == NULL ||
      (fills = sam_role_fill_municipalities (role, store, area, visibility, NULL)) == NULL)
    return FALSE;
  for (guint i = 0; i < fills->len; i++)
    {
      SamRoleFill *fill = g_ptr_array_index (fills, i);

      everywhere = everywhere && fill->actor != NULL;
      if (fill->actor == NULL)
        continue;
      if (!contains_actor (self->actors, sam_actor_get_id (fill->actor)))
        g_ptr_array_add (self->actors, strip_actor (fill->actor, self->options.audience));
      note_role_place (self, fill);
    }
  return everywhere && fills->len > 0;
}

/* The actors the path's action steps name, in the order of the steps, and
 * whoever fills a step's role in each municipality of @area: a county's
 * sheet lists every municipality's number. */
static void
gather_path_actors (SamSheet *self, SamStore *store, const char *area)
{
  GPtrArray *steps = sam_escalation_path_get_steps (self->path);

  for (guint i = 0; i < steps->len; i++)
    {
      SamEscalationStep *step = g_ptr_array_index (steps, i);
      const char *id = sam_escalation_step_get_actor_id (step);
      const SamStepRole *role = sam_escalation_step_get_role (step);
      gboolean filled = gather_role_actors (self, store, step, area);
      g_autoptr(SamActor) actor = NULL;

      if (filled)
        g_hash_table_add (self->role_everywhere, g_strdup (sam_escalation_step_get_id (step)));
      if (id == NULL || contains_actor (self->actors, id))
        continue;
      /* an actor since deleted is left out (samverkan-cli path check names it) */
      actor = sam_store_load_actor (store, id, NULL);
      if (actor == NULL || (filled && sam_actor_get_kind (actor) == role->kind))
        continue;
      g_ptr_array_add (self->actors, strip_actor (actor, self->options.audience));
    }
}

static gboolean
gather (SamSheet *self, SamStore *store, GError **error)
{
  const SamSheetOptions *o = &self->options;
  g_autoptr(GPtrArray) area_actors = NULL;
  const char *area = o->area_code;
  const SamArea *found;

  if (o->path_id != NULL)
    {
      g_autoptr(SamEscalationPath) path = sam_store_load_path (store, o->path_id, error);

      if (path == NULL)
        return FALSE;
      self->path = strip_path (path, store, o->audience);
      if (area == NULL)
        area = sam_escalation_path_get_area (self->path);
      gather_path_actors (self, store, area);
    }
  if (area == NULL)
    area = "SE";
  found = sam_area_lookup (area);
  if (found == NULL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("“%s” is not a Swedish municipality or county code."), area);
      return FALSE;
    }
  self->area_name = g_strdup (found->name[o->lang]);
  area_actors = search_area (store, area, o->lang, error);
  if (area_actors == NULL)
    return FALSE;
  for (guint i = 0; i < area_actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (area_actors, i);

      if (sam_actor_get_kind (actor) == SAM_ACTOR_KIND_EMERGENCY)
        g_ptr_array_add (self->emergency, strip_actor (actor, o->audience));
      else if (has_on_call (actor, o->audience))
        g_ptr_array_add (self->on_call, strip_actor (actor, o->audience));
      /* a card for a path also takes the area's key numbers */
      if (o->kind == SAM_SHEET_DIRECTORY ||
          (o->kind == SAM_SHEET_CARD && !contains_actor (self->actors, sam_actor_get_id (actor))))
        g_ptr_array_add (self->actors, strip_actor (actor, o->audience));
    }
  return TRUE;
}

SamSheet *
sam_sheet_new (SamStore              *store,
               const SamSheetOptions *options,
               GError               **error)
{
  g_autoptr(SamSheet) self = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->kind < SAM_N_SHEET_KINDS, NULL);
  g_return_val_if_fail (options->lang < SAM_N_LANGS, NULL);
  g_return_val_if_fail (options->audience < SAM_N_AUDIENCES, NULL);

  if (options->kind == SAM_SHEET_ESCALATION && options->path_id == NULL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("An escalation sheet needs the escalation path to print."));
      return NULL;
    }
  if (options->kind == SAM_SHEET_DIRECTORY && options->area_code == NULL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("An area directory needs the area (a municipality or county code)."));
      return NULL;
    }
  if (options->kind == SAM_SHEET_CARD && options->area_code == NULL && options->path_id == NULL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("A pocket card needs an area or an escalation path."));
      return NULL;
    }

  self = g_object_new (SAM_TYPE_SHEET, NULL);
  sam_sheet_options_copy (&self->options, options);
  if (!sam_store_get_meta (store, &self->meta, error))
    return NULL;
  self->printed = sam_now_local ();
  if (!gather (self, store, error))
    return NULL;
  if (self->path != NULL && options->kind == SAM_SHEET_ESCALATION)
    self->chart = sam_flowchart_new (self->path, store, options->lang);
  return g_steal_pointer (&self);
}

SamEscalationPath *
_sam_sheet_get_path (SamSheet *self)
{
  return self->path;
}

SamFlowchart *
_sam_sheet_get_flowchart (SamSheet *self)
{
  return self->chart;
}

const char *
_sam_sheet_get_role_places (SamSheet *self, const char *actor_id)
{
  return g_hash_table_lookup (self->role_places, actor_id);
}

gboolean
_sam_sheet_role_filled_everywhere (SamSheet *self, const char *step_id)
{
  return g_hash_table_contains (self->role_everywhere, step_id);
}

gboolean
_sam_sheet_is_role_route (SamSheet *self, const char *route_id)
{
  return g_hash_table_contains (self->role_routes, route_id);
}

void
_sam_sheet_set_chart_font_size (SamSheet *self, double size)
{
  self->chart_font_size = size;
}

double
sam_sheet_get_chart_font_size (SamSheet *self)
{
  g_return_val_if_fail (SAM_IS_SHEET (self), 0);
  return self->chart_font_size;
}

GPtrArray *
_sam_sheet_get_actors (SamSheet *self)
{
  return self->actors;
}

GPtrArray *
_sam_sheet_get_emergency (SamSheet *self)
{
  return self->emergency;
}

GPtrArray *
_sam_sheet_get_on_call (SamSheet *self)
{
  return self->on_call;
}

GDateTime *
_sam_sheet_get_printed (SamSheet *self)
{
  return self->printed;
}

const char *
_sam_sheet_get_area_name (SamSheet *self)
{
  return self->area_name;
}

SamActor *
_sam_sheet_find_actor (SamSheet *self, const char *actor_id)
{
  for (guint i = 0; actor_id && i < self->actors->len; i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (self->actors, i)), actor_id))
      return g_ptr_array_index (self->actors, i);
  return NULL;
}

SamContactRoute *
_sam_sheet_find_route (SamSheet *self, const char *actor_id, const char *route_id)
{
  SamActor *actor = _sam_sheet_find_actor (self, actor_id);

  /* the copies hold only allowed routes */
  return actor && route_id ? sam_actor_find_route (actor, route_id) : NULL;
}

const char *
_sam_sheet_audience_label (SheetLayout *sl)
{
  return sl->audience == SAM_AUDIENCE_PROFESSIONAL ? sl->words->professional_version
                                                  : sl->words->public_version;
}

void
_sam_sheet_mark_shown (SheetLayout *sl, SamActor *actor)
{
  SamSheet *self = sl->sheet;
  GDateTime *at = sam_actor_get_verified_at (actor);

  if (at == NULL)
    return;
  if (self->verified_min == NULL || g_date_time_compare (at, self->verified_min) < 0)
    {
      g_clear_pointer (&self->verified_min, g_date_time_unref);
      self->verified_min = g_date_time_ref (at);
    }
  if (self->verified_max == NULL || g_date_time_compare (at, self->verified_max) > 0)
    {
      g_clear_pointer (&self->verified_max, g_date_time_unref);
      self->verified_max = g_date_time_ref (at);
    }
}

/* Footer: the register and its version on the left; the page number, the
 * verified dates of the actors shown and the print date on the right,
 * each one short line. */

#define FOOTER_SIZE 7
#define FOOTER_RIGHT 175
#define FOOTER_GAP 6

static char *
footer_left_text (SheetLayout *sl)
{
  SamSheet *self = sl->sheet;
  const char *name = sam_text_get_best (&self->meta.name, sl->lang, NULL);
  return g_strdup_printf ("%s, %s %" G_GINT64_FORMAT, name ? name : "Samverkan", sl->words->version,
                          self->meta.version);
}

static char *
footer_right_text (SheetLayout *sl, guint page, guint n_pages)
{
  SamSheet *self = sl->sheet;
  g_autofree char *page_text = g_strdup_printf ("%s %u %s %u", sl->words->page, page, sl->words->of, n_pages);
  g_autofree char *printed = _sam_sheet_format_date (self->printed, sl->lang);
  g_autofree char *verified = NULL;

  if (self->verified_min != NULL)
    {
      g_autofree char *min = _sam_sheet_format_date (self->verified_min, sl->lang);
      g_autofree char *max = _sam_sheet_format_date (self->verified_max, sl->lang);

      verified = g_str_equal (min, max) ? g_strdup_printf ("%s %s", sl->words->verified, min)
                                        : g_strdup_printf ("%s %s – %s", sl->words->verified, min, max);
    }
  return g_strdup_printf ("%s\n%s %s%s%s", page_text, sl->words->printed, printed,
                          verified ? "\n" : "", verified ? verified : "");
}

double
_sam_sheet_footer_height (SheetLayout *sl)
{
  g_autofree char *left = NULL;
  g_autoptr(PangoLayout) l = NULL;
  g_autoptr(PangoLayout) r = NULL;

  if (sl->sheet->options.kind == SAM_SHEET_CARD)
    return 0;   /* each card carries its own */
  left = footer_left_text (sl);
  l = _sam_sheet_text_new (sl, left, FOOTER_SIZE, 0, sl->area.width - FOOTER_RIGHT);
  r = _sam_sheet_text_new (sl, "1\n2\n3", FOOTER_SIZE, 0, FOOTER_RIGHT);
  return MAX (_sam_sheet_text_height (l), _sam_sheet_text_height (r)) + FOOTER_GAP;
}

void
_sam_sheet_add_footers (SheetLayout *sl)
{
  g_autofree char *left = footer_left_text (sl);
  double height = sl->footer_h >= 0 ? sl->footer_h : _sam_sheet_footer_height (sl);
  double top = sl->area.y + sl->area.height - height + FOOTER_GAP;

  if (height == 0)
    return;
  for (guint i = 0; i < sl->pages->len; i++)
    {
      g_autofree char *right = footer_right_text (sl, i + 1, sl->pages->len);

      sl->page = g_ptr_array_index (sl->pages, i);
      _sam_sheet_add_line (sl, sl->area.x, top - FOOTER_GAP / 2, sl->area.x + sl->area.width,
                           top - FOOTER_GAP / 2, SHEET_RULE, 0.5, FALSE);
      _sam_sheet_put_text (sl, left, FOOTER_SIZE, 0, sl->area.x, top,
                           sl->area.width - FOOTER_RIGHT, SHEET_MUTED);
      _sam_sheet_put_text (sl, right, FOOTER_SIZE, SHEET_TEXT_RIGHT,
                           sl->area.x + sl->area.width - FOOTER_RIGHT, top, FOOTER_RIGHT, SHEET_MUTED);
    }
}

/* Pagination and drawing */

/* The margins: 14 mm, inside what printers cannot reach (about 5 mm). A
 * card sheet sets its own. */
#define MARGIN (14 / 25.4 * 72)

guint
sam_sheet_paginate (SamSheet     *self,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  SheetLayout sl = {
    .sheet = self,
    .context = context,
    .words = _sam_sheet_words (self->options.lang),
    .lang = self->options.lang,
    .audience = self->options.audience,
    .qr_codes = self->options.qr_codes && sam_sheet_has_qr_codes (),
    .width = width,
    .height = height,
    .area = { MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN },
    .pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _sam_sheet_page_free),
    .footer_h = -1,
  };
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  cairo_font_options_t *font_options;

  g_return_val_if_fail (SAM_IS_SHEET (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  /* text measured the same for every surface it is drawn on: unhinted,
   * positions not rounded to a device's pixels */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);

  /* the language breaks lines by its rules; the base font is what the
   * flowchart starts from */
  pango_context_set_language (context, pango_language_from_string (sam_lang_to_string (self->options.lang)));
  pango_font_description_set_absolute_size (desc, 9 * PANGO_SCALE);
  pango_context_set_font_description (context, desc);
  pango_font_description_free (desc);

  g_clear_pointer (&self->verified_min, g_date_time_unref);
  g_clear_pointer (&self->verified_max, g_date_time_unref);
  self->chart_font_size = 0;
  switch (self->options.kind)
    {
    case SAM_SHEET_ESCALATION:
      _sam_sheet_layout_escalation (&sl);
      break;
    case SAM_SHEET_DIRECTORY:
      _sam_sheet_layout_directory (&sl);
      break;
    case SAM_SHEET_CARD:
    default:
      _sam_sheet_layout_card (&sl);
      break;
    }
  if (sl.pages->len == 0)
    _sam_sheet_layout_add_page (&sl);
  _sam_sheet_add_footers (&sl);

  g_ptr_array_unref (self->pages);
  self->pages = sl.pages;
  self->area = sl.area;
  return self->pages->len;
}

guint
sam_sheet_get_n_pages (SamSheet *self)
{
  g_return_val_if_fail (SAM_IS_SHEET (self), 0);
  return self->pages->len;
}

void
sam_sheet_draw_page (SamSheet *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (SAM_IS_SHEET (self));
  g_return_if_fail (page < self->pages->len);

  _sam_sheet_draw_items (g_ptr_array_index (self->pages, page), cr);
}

typedef struct {
  GOutputStream *stream;
  GError *error;   /* the first write that failed */
} PdfSink;

static cairo_status_t
write_to_stream (void *closure, const unsigned char *data, unsigned int length)
{
  PdfSink *sink = closure;

  if (sink->error == NULL &&
      g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

static char *
pdf_title (SamSheet *self)
{
  const SamSheetWords *w = _sam_sheet_words (self->options.lang);

  if (self->options.kind == SAM_SHEET_ESCALATION && self->path)
    return g_strdup (sam_text_get_best (sam_escalation_path_get_title (self->path), self->options.lang, NULL));
  return g_strdup_printf ("%s – %s", self->options.kind == SAM_SHEET_CARD ? w->card_title : w->directory_title,
                          self->area_name);
}

gboolean
sam_sheet_write_pdf (SamSheet    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(SamAtomicFile) out = NULL;
  PdfSink sink = { NULL, NULL };
  PangoContext *context;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (SAM_IS_SHEET (self), FALSE);

  /* written beside the file and renamed when complete: a full disk leaves
   * the old file */
  out = sam_atomic_file_new (path, error);
  if (out == NULL)
    return FALSE;
  sink.stream = sam_atomic_file_get_stream (out);
  sam_paper_get_size (self->options.paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  title = pdf_title (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samverkan " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  sam_sheet_paginate (self, context, width, height);
  for (guint i = 0; i < self->pages->len; i++)
    {
      sam_sheet_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error != NULL)
    {
      g_set_error (error, sink.error->domain, sink.error->code, _("Could not write %s: %s"),
                   path, sink.error->message);
      g_error_free (sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return sam_atomic_file_commit (out, NULL, error);
}

/* For tests */

void
sam_sheet_get_printable_area (SamSheet *self, cairo_rectangle_t *area)
{
  g_return_if_fail (SAM_IS_SHEET (self));
  *area = self->area;
}

guint
sam_sheet_get_n_text_boxes (SamSheet *self, guint page)
{
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((SheetPage *) g_ptr_array_index (self->pages, page))->boxes->len;
}

const SamSheetTextBox *
sam_sheet_get_text_box (SamSheet *self, guint page, guint i)
{
  SheetPage *p;

  g_return_val_if_fail (page < self->pages->len, NULL);
  p = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (i < p->boxes->len, NULL);
  return &g_array_index (p->boxes, SamSheetTextBox, i);
}

guint
sam_sheet_get_n_figures (SamSheet *self, guint page)
{
  g_return_val_if_fail (page < self->pages->len, 0);
  return ((SheetPage *) g_ptr_array_index (self->pages, page))->figures->len;
}

void
sam_sheet_get_figure (SamSheet *self, guint page, guint i, cairo_rectangle_t *rect)
{
  SheetPage *p;

  g_return_if_fail (page < self->pages->len);
  p = g_ptr_array_index (self->pages, page);
  g_return_if_fail (i < p->figures->len);
  *rect = g_array_index (p->figures, cairo_rectangle_t, i);
}
