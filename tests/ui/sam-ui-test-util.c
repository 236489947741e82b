/* sam-ui-test-util.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <adwaita.h>

#include "sam-test-util.h"
#include "sam-ui-test-util.h"

static GPtrArray *at_exit;

static void
remove_dirs (void)
{
  for (guint i = 0; i < at_exit->len; i++)
    sam_test_remove_dir (g_ptr_array_index (at_exit, i));
  g_clear_pointer (&at_exit, g_ptr_array_unref);
}

void
sam_ui_test_remove_at_exit (const char *dir)
{
  if (at_exit == NULL)
    {
      at_exit = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_dirs);
    }
  g_ptr_array_add (at_exit, g_strdup (dir));
}

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

void
sam_ui_test_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* a transition is over when it starts: what a test waits for is the
   * state, not the time an animation takes to reach it */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
_sam_ui_test_iterate (gint64 end, const char *what)
{
  if (g_get_monotonic_time () > end)
    g_error ("waited %d s for %s", SAM_UI_TEST_TIMEOUT, what);
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (500);
}

static void
after_paint_cb (GdkFrameClock *clock, guint *painted)
{
  (*painted)++;
}

void
sam_ui_test_wait_frames (GtkWidget *widget, guint n)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkFrameClock *clock;
  guint painted = 0;
  gulong id;

  sam_ui_test_wait_for (gtk_widget_get_mapped (root));
  clock = gtk_widget_get_frame_clock (root);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  for (guint i = 1; i <= n; i++)
    {
      gtk_widget_queue_draw (root);
      sam_ui_test_wait_for (painted >= i);
    }
  g_signal_handler_disconnect (clock, id);
}

void
sam_ui_test_wait_events_handled (void)
{
  /* a round trip: what the X server had for us before it is now ours */
  gdk_display_sync (gdk_display_get_default ());
  sam_ui_test_wait_for (!g_main_context_pending (NULL));
}

void
sam_ui_test_wait_for_width (GtkWidget *widget, int width)
{
  sam_ui_test_wait_for (gtk_widget_get_width (widget) > width);
  sam_ui_test_wait_frames (widget, 1);
}

void
sam_ui_test_wait_for_size (GtkWidget *widget, int width, int height)
{
  sam_ui_test_wait_for (gtk_widget_get_width (widget) == width &&
                        gtk_widget_get_height (widget) == height);
  sam_ui_test_wait_frames (widget, 1);
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
    {
      /* drawn all the same, to a folder that goes when the test ends */
      dir = g_dir_make_tmp ("samverkan-png-XXXXXX", NULL);
      sam_ui_test_remove_at_exit (dir);
    }
  path = g_build_filename (dir, file, NULL);
  sam_ui_test_wait_for_width (widget, 100);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);
  sam_ui_test_save_png (widget, path);
}

/* Keys the window has seen, not counting modifiers: press() waits until
 * each key it sent has arrived (and was handled, as events are handled in
 * the order they come). */
static guint keys_seen;
static int keys_down;

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer data)
{
  keys_down++;
  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R:
    case GDK_KEY_Meta_L: case GDK_KEY_Meta_R:
    case GDK_KEY_Super_L: case GDK_KEY_Super_R:
    case GDK_KEY_ISO_Level3_Shift:
      break;
    default:
      keys_seen++;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
key_released_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                 GdkModifierType state, gpointer data)
{
  keys_down--;
}

void
sam_ui_test_watch_keys (GtkWidget *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), NULL);
  gtk_widget_add_controller (window, keys);
}

void
sam_ui_test_focus_window (GtkWidget *window, const char *title)
{
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  const char *argv[] = { "xdotool", "search", "--sync", "--name", pattern,
                         "windowfocus", "--sync", NULL };
  g_autoptr(GError) error = NULL;

  sam_ui_test_wait_frames (window, 1);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sam_ui_test_wait_for (gtk_window_is_active (GTK_WINDOW (window)));
}

static void
typed_cb (GPid pid, int status, gpointer data)
{
  *(int *) data = status;
  g_spawn_close_pid (pid);
}

void
sam_ui_test_press (const char *keys)
{
  guint expected = keys_seen;
  g_auto(GStrv) argv = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  GPid pid;

  g_ptr_array_add (args, (char *) "xdotool");
  g_ptr_array_add (args, (char *) "key");
  g_ptr_array_add (args, (char *) "--delay");
  g_ptr_array_add (args, (char *) "60");
  for (guint i = 0; argv[i]; i++)
    {
      g_ptr_array_add (args, argv[i]);
      expected++;
    }
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) args->pdata, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, typed_cb, &status);
  sam_ui_test_wait_for (status != -1);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  sam_ui_test_wait_for (keys_seen >= expected && keys_down <= 0);
  /* and what they started (a page built after the key that asked for it) */
  sam_ui_test_wait_for (!g_main_context_pending (NULL));
}

void
sam_ui_test_window_open (SamUiTestWindow *w)
{
  w->dir = sam_test_make_dir ();
  w->store = sam_test_open_store (w->dir, "register.sqlite", TRUE);
  w->window = sam_window_new (NULL, w->store);
}

void
sam_ui_test_window_close (SamUiTestWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  g_assert_finalize_object (w->store);
  sam_test_remove_dir (w->dir);
  g_free (w->dir);
}
