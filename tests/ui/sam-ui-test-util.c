/* sam-ui-test-util.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sam-ui-test-util.h"

GdkTexture *
sam_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  return texture;
}

void
sam_ui_test_save_png (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkTexture) texture = sam_ui_test_render (widget);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sam_ui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
sam_ui_test_wait_for_width (GtkWidget *widget, int width)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) <= width && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  sam_ui_test_wait (150);
}

void
sam_ui_test_use_translations (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAMVERKAN_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
sam_ui_test_shoot (GtkWidget *widget, const char *name)
{
  static char *dir;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name,
                                           language && g_str_has_prefix (language, "sv") ? "sv" : "en");
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = g_strdup (g_getenv ("SAMVERKAN_SCREENSHOT_DIR"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("samverkan-png-XXXXXX", NULL);
  path = g_build_filename (dir, file, NULL);
  sam_ui_test_wait_for_width (widget, 100);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);
  sam_ui_test_save_png (widget, path);
}
