/* sam-sheet-qr.c — QR codes beside phone and web routes, so a phone
 * pointed at the paper dials the number or opens the page. Optional: built
 * only with libqrencode, and a sheet is complete without them.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef HAVE_QRENCODE
#include <qrencode.h>
#endif

#include <string.h>

#include "sam-sheet-private.h"

/* Light modules around the code; scanners want some, the paper around the
 * box gives more. */
#define QUIET 2
#define QR_CAPTION_SIZE 5.5

gboolean
sam_sheet_has_qr_codes (void)
{
#ifdef HAVE_QRENCODE
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
_sam_sheet_add_qr (SheetLayout *sl,
                   const char  *text,
                   double       x,
                   double       y,
                   double       size)
{
#ifdef HAVE_QRENCODE
  SheetItem item = { SHEET_ITEM_QR, x, y, size, size, 0x000000 };
  QRcode *code;
  guint8 *modules;
  guint n;

  if (text == NULL)
    return FALSE;
  /* level L: printed paper is clean, and the smallest code has the
   * largest modules */
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
  if (code == NULL)
    return FALSE;
  n = code->width;
  modules = g_malloc (n * n);
  for (guint i = 0; i < n * n; i++)
    modules[i] = code->data[i] & 1;
  QRcode_free (code);
  item.modules = g_bytes_new_take (modules, n * n);
  item.n_modules = n;
  _sam_sheet_add_figure (sl, &item);
  return TRUE;
#else
  return FALSE;
#endif
}

static const char *
caption (SheetLayout *sl, SamContactRoute *route)
{
  return sam_contact_route_get_kind (route) == SAM_ROUTE_KIND_WEB ? sl->words->qr_web : sl->words->qr_call;
}

double
_sam_sheet_qr_height (SheetLayout *sl, double size)
{
  g_autoptr(PangoLayout) layout = _sam_sheet_text_new (sl, sl->words->qr_call, QR_CAPTION_SIZE,
                                                       SHEET_TEXT_CENTER, size);

  return size + _sam_sheet_text_height (layout);
}

double
_sam_sheet_add_route_qr (SheetLayout     *sl,
                         SamContactRoute *route,
                         double           x,
                         double           y,
                         double           size)
{
  g_autofree char *text = _sam_sheet_route_qr_text (route);

  if (text == NULL || !_sam_sheet_add_qr (sl, text, x, y, size))
    return 0;
  return size + _sam_sheet_put_text (sl, caption (sl, route), QR_CAPTION_SIZE, SHEET_TEXT_CENTER,
                                     x, y + size, size, SHEET_MUTED);
}

/* One path of rectangles filled at once (no seams between modules): each
 * run of dark modules in a row, stretched down over the rows below that
 * are dark there too. Fewer rectangles make a smaller, faster PDF: a
 * directory has thousands of codes. */
void
_sam_sheet_draw_qr (const SheetItem *item,
                    cairo_t         *cr)
{
  const guint8 *m = g_bytes_get_data (item->modules, NULL);
  guint n = item->n_modules;
  double unit = item->w / (n + 2 * QUIET);
  g_autofree guint8 *done = g_malloc0 (n * n);

  for (guint row = 0; row < n; row++)
    for (guint col = 0; col < n; col++)
      {
        guint end = col, rows = 1;
        gboolean dark = TRUE;

        if (!m[row * n + col] || done[row * n + col])
          continue;
        while (end + 1 < n && m[row * n + end + 1] && !done[row * n + end + 1])
          end++;
        while (row + rows < n && dark)
          {
            for (guint c = col; c <= end && dark; c++)
              dark = m[(row + rows) * n + c] && !done[(row + rows) * n + c];
            if (dark)
              rows++;
          }
        for (guint r = row; r < row + rows; r++)
          memset (done + r * n + col, 1, end - col + 1);
        cairo_rectangle (cr, item->x + (QUIET + col) * unit, item->y + (QUIET + row) * unit,
                         (end - col + 1) * unit, rows * unit);
        col = end;
      }
  cairo_fill (cr);
}
