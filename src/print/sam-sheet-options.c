/* sam-sheet-options.c — what a sheet is asked for: its kind, language,
 * audience, paper, path or area, and their tokens on the command line.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sam-sheet.h"

void
sam_sheet_options_init (SamSheetOptions *options)
{
  *options = (SamSheetOptions) {
    .kind = SAM_SHEET_ESCALATION,
    .lang = SAM_LANG_SV,
    .audience = SAM_AUDIENCE_PUBLIC,
    .paper = SAM_PAPER_A4,
    .qr_codes = TRUE,
  };
}

void
sam_sheet_options_clear (SamSheetOptions *options)
{
  g_clear_pointer (&options->path_id, g_free);
  g_clear_pointer (&options->area_code, g_free);
}

void
sam_sheet_options_copy (SamSheetOptions       *dest,
                        const SamSheetOptions *src)
{
  *dest = *src;
  dest->path_id = g_strdup (src->path_id);
  dest->area_code = g_strdup (src->area_code);
}

static const char * const kind_tokens[SAM_N_SHEET_KINDS] = { "escalation", "directory", "card" };
static const char * const audience_tokens[SAM_N_AUDIENCES] = { "public", "professional" };
static const char * const paper_tokens[SAM_N_PAPERS] = { "a4", "letter" };

static gboolean
token_lookup (const char * const *tokens, guint n, const char *str, guint *out)
{
  for (guint i = 0; str && i < n; i++)
    if (g_ascii_strcasecmp (tokens[i], str) == 0)
      return (*out = i, TRUE);
  return FALSE;
}

const char *
sam_sheet_kind_to_string (SamSheetKind kind)
{
  g_return_val_if_fail (kind < SAM_N_SHEET_KINDS, NULL);
  return kind_tokens[kind];
}

gboolean
sam_sheet_kind_from_string (const char *str, SamSheetKind *out)
{
  guint i;

  return token_lookup (kind_tokens, SAM_N_SHEET_KINDS, str, &i) ? (*out = i, TRUE) : FALSE;
}

const char *
sam_audience_to_string (SamAudience audience)
{
  g_return_val_if_fail (audience < SAM_N_AUDIENCES, NULL);
  return audience_tokens[audience];
}

gboolean
sam_audience_from_string (const char *str, SamAudience *out)
{
  guint i;

  return token_lookup (audience_tokens, SAM_N_AUDIENCES, str, &i) ? (*out = i, TRUE) : FALSE;
}

const char *
sam_paper_to_string (SamPaper paper)
{
  g_return_val_if_fail (paper < SAM_N_PAPERS, NULL);
  return paper_tokens[paper];
}

gboolean
sam_paper_from_string (const char *str, SamPaper *out)
{
  guint i;

  return token_lookup (paper_tokens, SAM_N_PAPERS, str, &i) ? (*out = i, TRUE) : FALSE;
}

void
sam_paper_get_size (SamPaper paper, double *width, double *height)
{
  if (paper == SAM_PAPER_LETTER)
    *width = 612, *height = 792;                         /* 8.5 × 11 in */
  else
    *width = 210 / 25.4 * 72, *height = 297 / 25.4 * 72;   /* 210 × 297 mm */
}
