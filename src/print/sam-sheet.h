/* sam-sheet.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sam-store.h"

G_BEGIN_DECLS

typedef enum {
  SAM_SHEET_ESCALATION,   /* one path: title, flowchart, contacts; one page */
  SAM_SHEET_DIRECTORY,    /* every actor serving an area, by kind; many pages */
  SAM_SHEET_CARD,         /* the key numbers, credit-card size, several a page */
  SAM_N_SHEET_KINDS
} SamSheetKind;

/* Who a sheet is printed for. There is no internal audience: a route only
 * the register holder may see is never printed. */
typedef enum {
  SAM_AUDIENCE_PUBLIC,         /* public routes only: may be handed to anyone */
  SAM_AUDIENCE_PROFESSIONAL,   /* public and professional routes */
  SAM_N_AUDIENCES
} SamAudience;

typedef enum {
  SAM_PAPER_A4,
  SAM_PAPER_LETTER,
  SAM_N_PAPERS
} SamPaper;

typedef struct {
  SamSheetKind kind;
  SamLang lang;           /* the sheet's language, independent of the UI's */
  SamAudience audience;
  SamPaper paper;
  char *path_id;          /* escalation (required), card (optional) */
  char *area_code;        /* directory (required), card (this or path_id) */
  gboolean qr_codes;      /* QR codes beside phone and web routes, when built with libqrencode */
} SamSheetOptions;

/* Escalation sheet, Swedish, public, A4, QR codes on. */
void          sam_sheet_options_init      (SamSheetOptions       *options);
void          sam_sheet_options_clear     (SamSheetOptions       *options);
void          sam_sheet_options_copy      (SamSheetOptions       *dest,
                                           const SamSheetOptions *src);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SamSheetOptions, sam_sheet_options_clear)

/* Stable tokens, as the CLI takes them: "escalation", "public", "a4". */
const char   *sam_sheet_kind_to_string    (SamSheetKind  kind);
gboolean      sam_sheet_kind_from_string  (const char   *str,
                                           SamSheetKind *out);
const char   *sam_audience_to_string      (SamAudience   audience);
gboolean      sam_audience_from_string    (const char   *str,
                                           SamAudience  *out);
const char   *sam_paper_to_string         (SamPaper      paper);
gboolean      sam_paper_from_string       (const char   *str,
                                           SamPaper     *out);
/* In points (1/72 in), portrait. */
void          sam_paper_get_size          (SamPaper      paper,
                                           double       *width,
                                           double       *height);

/* THE rule for what may be printed: internal routes never, professional
 * routes only on a sheet for professionals. Every route that reaches a
 * sheet's layout has passed it. */
gboolean      sam_sheet_route_allowed     (SamContactRoute *route,
                                           SamAudience      audience);

/* Whether this build draws QR codes (libqrencode was found). */
gboolean      sam_sheet_has_qr_codes      (void);

#define SAM_TYPE_SHEET (sam_sheet_get_type ())
G_DECLARE_FINAL_TYPE (SamSheet, sam_sheet, SAM, SHEET, GObject)

/* Gathers what the sheet shows from @store: the path, the actors and only
 * the routes allowed for the audience. Fails (SAM_ERROR_NOT_FOUND,
 * SAM_ERROR_INVALID) for a missing path or area, or options that do not fit
 * the kind. Reads the store only here. */
SamSheet     *sam_sheet_new               (SamStore              *store,
                                           const SamSheetOptions *options,
                                           GError               **error);

/* Lays the sheet out on pages of @width × @height points, measuring text
 * with @context (pango_cairo_create_context() for a PDF,
 * gtk_print_context_create_pango_context() in a print dialog). Returns the
 * number of pages. May be called again for another page size. */
guint         sam_sheet_paginate          (SamSheet              *self,
                                           PangoContext          *context,
                                           double                 width,
                                           double                 height);
guint         sam_sheet_get_n_pages       (SamSheet              *self);
/* Draws page @page (from 0) with its top left corner at the origin of @cr,
 * in points. */
void          sam_sheet_draw_page         (SamSheet              *self,
                                           cairo_t               *cr,
                                           guint                  page);
/* Paginates for the options' paper and writes every page to a PDF file
 * (fonts embedded, text selectable). */
gboolean      sam_sheet_write_pdf         (SamSheet              *self,
                                           const char            *path,
                                           GError               **error);

/* For tests: every text box the layout drew, with where its text's ink and
 * logical extents ended up, in page coordinates. */
typedef struct {
  cairo_rectangle_t box;
  cairo_rectangle_t ink;
  cairo_rectangle_t logical;
  const char *text;
  guint n_lines;
} SamSheetTextBox;

/* The size of the flowchart's smallest text as the last pagination
 * printed it, in points; 0 without a chart. */
double        sam_sheet_get_chart_font_size (SamSheet            *self);

/* The part of the page the layout may draw on (inside the margins). */
void          sam_sheet_get_printable_area (SamSheet             *self,
                                            cairo_rectangle_t    *area);
guint         sam_sheet_get_n_text_boxes  (SamSheet              *self,
                                           guint                  page);
const SamSheetTextBox *sam_sheet_get_text_box (SamSheet          *self,
                                               guint              page,
                                               guint              i);
/* Boxes that hold no text run but must not be overlapped either: the
 * flowchart, QR codes. */
guint         sam_sheet_get_n_figures     (SamSheet              *self,
                                           guint                  page);
void          sam_sheet_get_figure        (SamSheet              *self,
                                           guint                  page,
                                           guint                  i,
                                           cairo_rectangle_t     *rect);

G_END_DECLS
