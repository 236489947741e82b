/* sam-sheet-private.h — what the sheet's parts share: the sheet's words,
 * the pages being laid out and what is on them, the data gathered.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sam-flowchart.h"
#include "sam-sheet.h"

G_BEGIN_DECLS

/* The fixed words of a sheet in its language (sam-sheet-words.c). */
typedef struct {
  const char *directory_title;      /* "Contact directory" */
  const char *card_title;           /* "Important numbers" */
  const char *public_version;       /* "Public version" */
  const char *professional_version; /* "For professionals – not for handing out" */
  const char *emergency_call;       /* "Immediate danger? Call" */
  const char *qr_call;              /* under a QR code that dials */
  const char *qr_web;               /* under a QR code that opens a page */
  const char *contacts;             /* "Contacts" */
  const char *col_who;              /* column headings of the contact table */
  const char *col_route;
  const char *col_hours;
  const char *no_route;             /* an actor with no route for this audience */
  const char *continued;            /* "(continued)" */
  const char *more_number;          /* a card without room for them all: "1 more number…" */
  const char *more_numbers;         /* "%u more numbers in the register" */
  const char *page;                 /* "Page" 2 "of" 5 */
  const char *of;
  const char *verified;             /* "Verified" */
  const char *printed;              /* "Printed" */
  const char *version;              /* "version" 4 */
  const char *nothing;              /* an area no actor serves */
  const char *months[12];           /* short month names */
  const char *kind_headings[SAM_N_ACTOR_KINDS]; /* plural, as a heading */
  const char *route_kinds[SAM_N_ROUTE_KINDS];
  const char *role_scopes[SAM_N_ROLE_SCOPES];   /* "of your municipality" */
  const char *role_for;             /* "for" the municipalities a role's actor answers for */
} SamSheetWords;

const SamSheetWords *_sam_sheet_words        (SamLang      lang);
/* A step's role in the sheet's language: "Social services “socialjour”
 * of your municipality". */
char                *_sam_sheet_role_text    (const SamStepRole *role,
                                              SamLang            lang);
/* Opening hours in the sheet's language: "Mon–Fri 08:00–16:30". */
/* "25 Nov 2026" / "25 nov. 2026", in Stockholm time. */
char                *_sam_sheet_format_date  (GDateTime   *dt,
                                              SamLang      lang);

/* What a page shows, kept to be drawn again on any cairo_t. */
typedef enum {
  SHEET_ITEM_TEXT,
  SHEET_ITEM_FILL,
  SHEET_ITEM_STROKE,
  SHEET_ITEM_LINE,
  SHEET_ITEM_QR,
  SHEET_ITEM_FLOWCHART,
} SheetItemKind;

typedef struct {
  SheetItemKind kind;
  double x, y, w, h;        /* a line runs from (x, y) to (x + w, y + h) */
  guint32 rgb;
  double line_width;
  gboolean dashed;
  PangoLayout *layout;      /* text, drawn with its top left at (x, y) */
  GBytes *modules;          /* QR: w × w modules as bytes, 1 for dark */
  guint n_modules;
  SamFlowchart *chart;      /* drawn at (x, y), scaled, from its own src_y down, */
  double scale;             /* clipped to w × h */
  double src_y;
} SheetItem;

typedef struct {
  GArray *items;            /* SheetItem */
  GArray *boxes;            /* SamSheetTextBox */
  GArray *figures;          /* cairo_rectangle_t */
} SheetPage;

/* Colours */
#define SHEET_INK        0x1a1a1a
#define SHEET_MUTED      0x555555
#define SHEET_RULE       0x9a9a9a
#define SHEET_EMERGENCY  0xa51d2d
#define SHEET_TINT       0xfbe9e9
#define SHEET_SHADE      0xf0f0f0

/* Text styles */
typedef enum {
  SHEET_TEXT_BOLD      = 1 << 0,
  SHEET_TEXT_VALUE     = 1 << 1,   /* a number or address: never hyphenated */
  SHEET_TEXT_CENTER    = 1 << 2,
  SHEET_TEXT_RIGHT     = 1 << 3,
  SHEET_TEXT_ITALIC    = 1 << 4,
  SHEET_TEXT_MARKUP    = 1 << 5,   /* the text is Pango markup */
} SheetTextFlags;

/* A number or address worth showing on its own: the band of emergency
 * numbers, the pocket card. */
typedef struct {
  SamActor *actor;
  SamContactRoute *route;
} SheetNumber;

/* The state of one pagination. */
typedef struct {
  SamSheet *sheet;
  PangoContext *context;
  const SamSheetWords *words;
  SamLang lang;
  SamAudience audience;
  gboolean qr_codes;
  double width, height;      /* the page */
  cairo_rectangle_t area;    /* inside the margins */
  GPtrArray *pages;          /* SheetPage */
  SheetPage *page;           /* the one being filled */
  double y;                  /* where the next thing goes on it */
  double bottom;             /* where the body of the page ends (above the footer) */
  double footer_h;           /* the footer's height, < 0 until measured */
} SheetLayout;

/* sam-sheet-text.c: text boxes, shapes and pages */
SheetPage   *_sam_sheet_page_new        (void);
void         _sam_sheet_page_free       (SheetPage    *page);
SheetPage   *_sam_sheet_layout_add_page (SheetLayout  *sl);
PangoLayout *_sam_sheet_text_new        (SheetLayout  *sl,
                                         const char   *text,
                                         double        size,
                                         SheetTextFlags flags,
                                         double        width);
double       _sam_sheet_text_height     (PangoLayout  *layout);
double       _sam_sheet_text_width      (PangoLayout  *layout);
/* Places @layout (taking it) in a box of its width at (x, y) on the
 * current page; returns its height. */
double       _sam_sheet_add_text        (SheetLayout  *sl,
                                         PangoLayout  *layout,
                                         double        x,
                                         double        y,
                                         guint32       rgb);
/* Makes and places a text in one go; returns its height. */
double       _sam_sheet_put_text        (SheetLayout  *sl,
                                         const char   *text,
                                         double        size,
                                         SheetTextFlags flags,
                                         double        x,
                                         double        y,
                                         double        width,
                                         guint32       rgb);
void         _sam_sheet_add_rect        (SheetLayout  *sl,
                                         SheetItemKind kind,
                                         double        x,
                                         double        y,
                                         double        w,
                                         double        h,
                                         guint32       rgb,
                                         double        line_width);
void         _sam_sheet_add_line        (SheetLayout  *sl,
                                         double        x1,
                                         double        y1,
                                         double        x2,
                                         double        y2,
                                         guint32       rgb,
                                         double        line_width,
                                         gboolean      dashed);
void         _sam_sheet_add_figure      (SheetLayout  *sl,
                                         SheetItem    *item);
void         _sam_sheet_draw_items      (SheetPage    *page,
                                         cairo_t      *cr);

/* sam-sheet-qr.c: a QR code for @text of @size points at (x, y); FALSE
 * (and nothing drawn) without libqrencode or when @text does not fit. */
gboolean     _sam_sheet_add_qr          (SheetLayout  *sl,
                                         const char   *text,
                                         double        x,
                                         double        y,
                                         double        size);
void         _sam_sheet_draw_qr         (const SheetItem *item,
                                         cairo_t      *cr);
/* A route's QR code with a word under it saying what it does ("Call",
 * "Web"); returns the height taken, 0 when there is none. */
double       _sam_sheet_add_route_qr    (SheetLayout  *sl,
                                         SamContactRoute *route,
                                         double        x,
                                         double        y,
                                         double        size);
/* The height of a QR code with its word. */
double       _sam_sheet_qr_height       (SheetLayout  *sl,
                                         double        size);

/* sam-sheet.c: what the parts of a sheet read */
SamEscalationPath *_sam_sheet_get_path      (SamSheet *self);
SamFlowchart      *_sam_sheet_get_flowchart (SamSheet *self);
/* The smallest text of the chart as printed, in points (for tests). */
void               _sam_sheet_set_chart_font_size (SamSheet *self,
                                                   double    size);
/* escalation: the actors the path names, in the order of the steps;
 * directory: the actors serving the area, by name; card: the candidates
 * for its numbers. Copies holding only the routes allowed. */
GPtrArray   *_sam_sheet_get_actors      (SamSheet *self);
/* Emergency-kind actors serving the sheet's area (allowed routes only). */
GPtrArray   *_sam_sheet_get_emergency   (SamSheet *self);
/* Other actors serving the area with an on-call line the audience may see. */
GPtrArray   *_sam_sheet_get_on_call     (SamSheet *self);
const char  *_sam_sheet_get_area_name   (SamSheet *self);
/* The municipalities of the sheet's area @actor_id answers for in a role
 * a step names ("Skellefteå, Norsjö"), or NULL. */
const char  *_sam_sheet_get_role_places (SamSheet   *self,
                                         const char *actor_id);
/* Whether the role step @step_id names is filled in every municipality of
 * the sheet's area (a small card then shows those, not the stand-in). */
gboolean     _sam_sheet_role_filled_everywhere (SamSheet   *self,
                                                const char *step_id);
/* Whether @route_id is the route a role names in some municipality. */
gboolean     _sam_sheet_is_role_route   (SamSheet   *self,
                                         const char *route_id);
GDateTime   *_sam_sheet_get_printed     (SamSheet *self);
/* The route a step names, if the audience may see it. */
SamContactRoute *_sam_sheet_find_route  (SamSheet   *self,
                                         const char *actor_id,
                                         const char *route_id);
SamActor    *_sam_sheet_find_actor      (SamSheet   *self,
                                         const char *actor_id);
/* Who the sheet is for, as the sheet says it: "Public version". */
const char  *_sam_sheet_audience_label  (SheetLayout *sl);
/* Draws the footer (register, verified dates, print date, page n of m) on
 * every page; called once all pages are known. */
void         _sam_sheet_add_footers     (SheetLayout *sl);
/* The height the footer takes at the bottom of the printable area. */
double       _sam_sheet_footer_height   (SheetLayout *sl);
/* Counts @actor's verification date into the footer's range. */
void         _sam_sheet_mark_shown      (SheetLayout *sl,
                                         SamActor    *actor);

/* sam-sheet-blocks.c: pieces the kinds share */

/* A number to call, text or dial: phone, on-call phone, SMS. */
gboolean     _sam_sheet_route_is_dialable (SamContactRoute *route);
/* The name of an actor in the sheet's language. */
const char  *_sam_sheet_actor_name       (SheetLayout     *sl,
                                          SamActor        *actor);
/* An e-mail address as markup that breaks only after "@" or ".", never
 * with a hyphen. */
char        *_sam_sheet_email_markup     (const char      *address);
/* One route as a line of markup: the value in bold, then what it is
 * ("Text message · Youth line") and its own hours. */
char        *_sam_sheet_route_markup     (SheetLayout     *sl,
                                          SamContactRoute *route);
/* The text a QR code for the route holds (tel: or https:), or NULL. */
char        *_sam_sheet_route_qr_text    (SamContactRoute *route);

/* The three kinds (sam-sheet-escalation.c, -directory.c, -card.c) */
void         _sam_sheet_layout_escalation (SheetLayout *sl);
void         _sam_sheet_layout_directory  (SheetLayout *sl);
void         _sam_sheet_layout_card       (SheetLayout *sl);

/* The numbers for the emergency band: the emergency actors' own besides
 * 112, then one on-call line an actor of @actors, then of the area's other
 * actors; at most @max. Of SheetNumber. */
GArray      *_sam_sheet_emergency_numbers  (SheetLayout *sl,
                                            GPtrArray   *actors,
                                            guint        max);
/* The band of emergency numbers (112 and @numbers, of SheetNumber) at @y,
 * full width; returns its height. */
double       _sam_sheet_add_emergency_band (SheetLayout *sl,
                                            double       y,
                                            GArray      *numbers);

G_END_DECLS
