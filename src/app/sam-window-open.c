/* sam-window-open.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow and the register it shows: the page that says why the
 * register could not be opened (never another register in its place),
 * the sample register opened on the user's word in a file of its own with
 * a banner, and a look every moment for what other programs wrote.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-window-private.h"

/* How often a shown register is asked whether another program wrote to
 * it: PRAGMA data_version costs microseconds. */
#define WATCH_INTERVAL_MS 1500

static char *
sample_register_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samverkan", "sample-register.sqlite", NULL);
}

/* The sample register in its own file beside the user's, made or refilled
 * from the built-in sample; never at the path of the user's register. */
static SamStore *
open_sample_register (GError **error)
{
  g_autofree char *path = sample_register_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SamStore) store = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return NULL;
    }
  store = sam_store_open (path, error);
  if (store == NULL)
    return NULL;
  if (sam_store_is_empty (store) && !sam_load_sample_register (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
open_sample_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = open_sample_register (&error);

  if (store == NULL)
    {
      _sam_window_toast (self, error->message);
      return;
    }
  /* not remembered as the last register: the next start tries the
   * user's own again */
  sam_window_set_store (self, store);
}

static void
opened_cb (SamOpenErrorPage *page, SamStore *store, SamWindow *self)
{
  sam_window_set_store (self, store);
}

/* Watching for other programs' writes */

static gboolean
watch_cb (gpointer data)
{
  SamWindow *self = data;

  if (self->store)
    sam_store_check_for_changes (self->store);
  return G_SOURCE_CONTINUE;
}

static void
map_cb (SamWindow *self)
{
  if (self->watch_id == 0)
    self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
}

void
_sam_window_stop_watching (SamWindow *self)
{
  g_clear_handle_id (&self->watch_id, g_source_remove);
}

/* Made the first time it is needed: a start that opens its register
 * builds none of it. */
static SamOpenErrorPage *
ensure_error_page (SamWindow *self)
{
  if (self->error_page == NULL)
    {
      self->error_page = sam_open_error_page_new ();
      gtk_widget_set_vexpand (GTK_WIDGET (self->error_page), TRUE);
      g_signal_connect_object (self->error_page, "opened", G_CALLBACK (opened_cb), self, 0);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->leaflet))),
                                  GTK_WIDGET (self->error_page), GTK_WIDGET (self->leaflet));
    }
  return self->error_page;
}

void
_sam_window_setup_open (SamWindow *self)
{
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (_sam_window_stop_watching), NULL);
}

void
_sam_window_class_add_open_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
}

static void
show_sample_banner (SamWindow *self, const char *text)
{
  if (text)
    gtk_label_set_text (self->sample_banner_label, text);
  gtk_revealer_set_reveal_child (self->sample_banner, text != NULL);
}

void
_sam_window_show_register (SamWindow *self, SamStore *store)
{
  g_autofree char *sample = sample_register_path ();

  if (self->error_page)
    {
      sam_open_error_page_stop_waiting (self->error_page);
      gtk_widget_set_visible (GTK_WIDGET (self->error_page), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), TRUE);
  _sam_window_purge_deleted (self, store);
  show_sample_banner (self, g_strcmp0 (sam_store_get_path (store), sample) == 0
                      ? _("This is the sample register, not yours: its numbers are examples and "
                          "must not be relied on.")
                      : NULL);
}

/* Public API */

void
sam_window_show_open_error (SamWindow    *self,
                            const char   *path,
                            const GError *error)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (path != NULL && error != NULL);

  /* the register shown before is put away, its rows too */
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_list_store_remove_all (self->model);
  _sam_window_show_actor (self, NULL);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_revealer_set_reveal_child (self->banner, FALSE);
  show_sample_banner (self, NULL);

  /* the page takes the focus before the list that had it is hidden, or
   * GTK would move it on from there, past the page's first button */
  gtk_widget_set_visible (GTK_WIDGET (ensure_error_page (self)), TRUE);
  sam_open_error_page_set_error (self->error_page, path, error);
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);
  _sam_window_update_actions (self);
}

SamOpenErrorPage *
sam_window_get_open_error_page (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);
  return self->error_page && gtk_widget_get_visible (GTK_WIDGET (self->error_page))
         ? self->error_page : NULL;
}

void
sam_window_show_sample_banner (SamWindow *self)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  show_sample_banner (self, _("Sample data, filled in at the first start: verify every number "
                              "before anyone relies on it, or open or import your own register."));
}

gboolean
sam_window_is_sample_banner_shown (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->sample_banner);
}
