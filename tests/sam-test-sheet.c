/* sam-test-sheet.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include "sam-test-sheet.h"

gboolean
sam_test_have_poppler (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

gboolean
sam_test_need_poppler (const char *program)
{
  g_autofree char *message = NULL;

  if (sam_test_have_poppler (program))
    return TRUE;
  message = g_strdup_printf ("%s is not installed (poppler-utils)", program);
  g_test_skip (message);
  return FALSE;
}

char *
sam_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

char *
sam_test_pdf_text (const char *pdf, guint page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);

  if (page == 0)
    return sam_test_run_tool ((const char * const []) { "pdftotext", "-raw", "-enc", "UTF-8",
                                                        pdf, "-", NULL });
  return sam_test_run_tool ((const char * const []) { "pdftotext", "-raw", "-enc", "UTF-8",
                                                      "-f", n, "-l", n, pdf, "-", NULL });
}

SamSheet *
sam_test_make_sheet (SamStore *store, SamSheetKind kind, SamLang lang, SamAudience audience,
                     const char *path_id, const char *area)
{
  g_auto(SamSheetOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  SamSheet *sheet;

  sam_sheet_options_init (&options);
  options.kind = kind;
  options.lang = lang;
  options.audience = audience;
  options.path_id = g_strdup (path_id);
  options.area_code = g_strdup (area);
  sheet = sam_sheet_new (store, &options, &error);
  g_assert_no_error (error);
  return sheet;
}

void
sam_test_keep_pdf (const char *pdf)
{
  const char *keep = g_getenv ("SAMVERKAN_SHEET_PDF_DIR");
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *copy = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  if (keep == NULL)
    return;
  copy = g_build_filename (keep, base, NULL);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (copy, bytes, len, NULL));
}

char *
sam_test_write_sheet (SamSheet *sheet, const char *dir, const char *name)
{
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  sam_test_keep_pdf (pdf);
  return g_steal_pointer (&pdf);
}
