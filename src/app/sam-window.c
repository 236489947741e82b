/* sam-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow: its state, actions and properties. Its other parts share
 * sam-window-private.h: the results list, files, filters, walk, merge and
 * edit (sam-window-*.c).
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-page.h"
#include "sam-export-filter.h"
#include "sam-print-operation.h"
#include "sam-tab-stop.h"
#include "sam-window-private.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

void
_sam_window_toast (SamWindow *self, const char *text)
{
  /* a job may end after its window was closed (template children are gone) */
  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_busy_toast (SamWindow *self, const char *text)
{
  self->busy_toast = adw_toast_new (text);
  adw_toast_set_timeout (self->busy_toast, 0);
  adw_toast_set_priority (self->busy_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (self->busy_toast, _("_Cancel"));
  adw_toast_set_action_name (self->busy_toast, "win.cancel-operation");
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->busy_toast));
}

void
_sam_window_set_busy (SamWindow *self, const char *text, GCancellable *cancellable)
{
  gboolean was_busy = self->busy_toast != NULL;

  if (text == NULL)
    {
      if (self->busy_toast)
        adw_toast_dismiss (self->busy_toast);
      g_clear_object (&self->busy_toast);
      g_clear_object (&self->busy);
    }
  /* a job may end after its window was closed */
  else if (self->toast_overlay == NULL)
    return;
  else
    {
      g_set_object (&self->busy, cancellable);
      if (self->busy_toast == NULL)
        show_busy_toast (self, text);
      else
        adw_toast_set_title (self->busy_toast, text);
    }
  if (was_busy != (self->busy_toast != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Actions */

gboolean
_sam_window_can_edit (SamWindow *self)
{
  return self->store != NULL && !sam_store_is_read_only (self->store);
}

/* Without a register (it could not be opened) only opening one is left. */
static void
update_register_actions (SamWindow *self)
{
  static const char *needs_register[] = {
    "win.export", "win.save-copy", "win.print", "win.backups", "win.follow",
    "win.suspect-trafficking", "win.show-review", "win.focus-search", "win.filter-area",
    "win.copy-first-route",
  };

  for (guint i = 0; i < G_N_ELEMENTS (needs_register); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), needs_register[i], self->store != NULL);
}

void
_sam_window_update_actions (SamWindow *self)
{
  gboolean shown = _sam_window_shown_actor (self) != NULL && !sam_window_is_showing_walk (self);
  gboolean editable = _sam_window_can_edit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-actor", shown && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-actor", shown && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-verified", shown && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-unit", shown && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-actor", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-table", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-vcard", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-contacts", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-paths", editable);
  update_register_actions (self);
  gtk_widget_set_visible (self->edit_button, shown && editable);
  gtk_widget_set_visible (self->actor_menu_button, shown);
}

static void
update_read_only (SamWindow *self)
{
  gboolean read_only = self->store && sam_store_is_read_only (self->store);

  if (read_only)
    {
      g_autofree char *text = g_strdup_printf (_("This register is read-only: you may not change %s. "
                                                 "You can look up and print, but not edit."),
                                               sam_store_get_path (self->store));
      gtk_label_set_text (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner, read_only);
  _sam_window_update_actions (self);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

static void
focus_search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
filter_area_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_menu_button_popup (self->filter_button);
  _sam_window_list_all_areas (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_dropdown));
}

static void
clear_filters_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  gtk_check_button_set_active (self->open_now_check, FALSE);
}

static void
all_areas_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_drop_down_set_selected (SAM_WINDOW (widget)->area_dropdown, 0);
}

static void
set_review_mode (SamWindow *self, gboolean review)
{
  self->review_mode = review;
  adw_window_title_set_title (self->window_title, review ? _("Needs Review") : _("Samverkan"));
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !review);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !review);
  gtk_widget_set_visible (self->review_back_button, review);
  gtk_revealer_set_reveal_child (self->chips_revealer, !review && sam_window_has_filters (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  _sam_window_refresh (self);
  if (!review)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (sam_window_is_showing_walk (self))
    {
      /* back to the actor shown before, or to the list */
      _sam_window_show_actor (self, _sam_window_shown_actor (self));
      if (_sam_window_shown_actor (self) != NULL)
        return;
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (self->review_mode)
    set_review_mode (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  set_review_mode (SAM_WINDOW (widget), !SAM_WINDOW (widget)->review_mode);
}

static void
cancel_operation_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->busy)
    g_cancellable_cancel (self->busy);
}

static void
copy_first_route_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);
  SamActor *actor = _sam_window_shown_actor (self);
  GPtrArray *routes = actor ? sam_actor_get_routes (actor) : NULL;

  if (routes && routes->len > 0)
    sam_actor_page_copy_route (_sam_window_ensure_actor_page (self),
                               sam_contact_route_get_id (g_ptr_array_index (routes, 0)));
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWindow *self = SAM_WINDOW (widget);

  if (self->store)
    sam_print_run (GTK_WINDOW (self), self->store);
}

/* For the start-up benchmark (bench/startup.py): print when the first frame
 * is drawn, on the monotonic clock, and quit. */
static void
first_frame_cb (GdkFrameClock *clock, SamWindow *self)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (g_strcmp0 (g_getenv ("SAMVERKAN_BENCH_FIRST_FRAME"), "quit") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
realize_cb (SamWindow *self)
{
  if (g_getenv ("SAMVERKAN_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                      G_CALLBACK (first_frame_cb), self);
}

static gboolean
is_active_cb (SamWindow *self)
{
  /* another program may have written while we were away */
  if (self->store && gtk_window_is_active (GTK_WINDOW (self)))
    sam_store_check_for_changes (self->store);
  return FALSE;
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = SAM_WINDOW (object);

  if (self->busy)
    g_cancellable_cancel (self->busy);
  g_clear_object (&self->busy);
  g_clear_object (&self->busy_toast);
  _sam_window_stop_watching (self);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->delete_message, g_free);
  g_clear_pointer (&self->deleted_ids, g_ptr_array_unref);
  g_clear_handle_id (&self->rest_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
sam_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SamWindow *self = SAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, sam_window_is_busy (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, sam_window_is_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      sam_window_set_store (SAM_WINDOW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SamWindow, name)

static void
sam_window_class_init (SamWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_window_dispose;
  G_OBJECT_CLASS (klass)->get_property = sam_window_get_property;
  G_OBJECT_CLASS (klass)->set_property = sam_window_set_property;

  /* The register shown: another one after File → Open or New Register. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A long job (import, export, a copy, a merge) runs, with Cancel in a toast. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The register may not be changed here (a banner says so). */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  g_type_ensure (SAM_TYPE_TAB_STOP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samverkan/Samverkan/sam-window.ui");
  BIND (toast_overlay); BIND (banner); BIND (banner_label); BIND (leaflet); BIND (sidebar);
  BIND (content); BIND (window_title); BIND (content_title); BIND (search_entry);
  BIND (filter_button); BIND (chips_revealer); BIND (chips); BIND (list_stack); BIND (actor_list);
  BIND (empty_page); BIND (clear_filters_button); BIND (all_areas_button); BIND (content_stack);
  BIND (filter_popover); BIND (area_dropdown); BIND (kind_dropdown);
  BIND (group_dropdown); BIND (language_dropdown); BIND (open_now_check);
  BIND (edit_button); BIND (actor_menu_button); BIND (review_back_button); BIND (more_label);
  BIND (back_button); BIND (sample_banner); BIND (sample_banner_label);
  _sam_window_class_add_results_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.filter-area", NULL, filter_area_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.all-areas", NULL, all_areas_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_review_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-operation", NULL, cancel_operation_action);
  gtk_widget_class_install_action (widget_class, "win.copy-first-route", NULL, copy_first_route_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  _sam_window_class_add_file_actions (widget_class);
  _sam_window_class_add_walk_actions (widget_class);
  _sam_window_class_add_edit_actions (widget_class);
  _sam_window_class_add_open_actions (widget_class);
  _sam_window_class_add_publish_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.filter-area", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.show-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-first-route", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.suspect-trafficking", NULL);
}

static void
sam_window_init (SamWindow *self)
{
  static gsize display_setup;

  self->export_audience = SAM_EXPORT_DEFAULT_AUDIENCE;
  /* our icons (the filter funnel) and style, loaded here rather than by
   * GtkApplication so a window made without one (tests) looks the same */
  if (g_once_init_enter (&display_setup))
    {
      GdkDisplay *display = gdk_display_get_default ();
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                        "/io/github/samverkan/Samverkan/icons");
      gtk_css_provider_load_from_resource (css, "/io/github/samverkan/Samverkan/samverkan.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&display_setup, 1);
    }
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a development build stripes its header bar (libadwaita's .devel) */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  _sam_window_setup_filters (self);
  _sam_window_setup_list (self);
  _sam_window_setup_open (self);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (is_active_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (_sam_window_update_back_button), self);
  _sam_window_update_back_button (self);
}

SamWindow *
sam_window_new (GtkApplication *application, SamStore *store)
{
  SamWindow *self = g_object_new (SAM_TYPE_WINDOW, "application", application, NULL);

  if (store)
    sam_window_set_store (self, store);
  else
    _sam_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

SamStore *
sam_window_get_store (SamWindow *self)
{
  return self->store;
}

void
sam_window_set_store (SamWindow *self, SamStore *store)
{
  SamRegisterMeta meta = { 0 };

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (SAM_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  _sam_window_show_register (self, store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (_sam_window_store_changed), self);
  if (self->walk_page)
    sam_walk_page_set_store (self->walk_page, store);
  if (sam_store_get_meta (store, &meta, NULL))
    adw_window_title_set_subtitle (self->window_title,
                                   sam_text_get_best (&meta.name, sam_lang_from_locale (), NULL));
  sam_register_meta_clear (&meta);
  _sam_window_show_actor (self, NULL);
  update_read_only (self);
  _sam_window_schedule_refresh (self);
  _sam_window_follow_start (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  _sam_window_publish_start (self);
}

GtkEditable *
sam_window_get_search_entry (SamWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

guint
sam_window_get_n_results (SamWindow *self)
{
  _sam_window_flush_refresh (self);
  return self->results ? self->results->len : 0;
}

SamActor *
sam_window_get_result (SamWindow *self, guint index)
{
  _sam_window_flush_refresh (self);
  g_return_val_if_fail (self->results && index < self->results->len, NULL);
  return g_ptr_array_index (self->results, index);
}

SamActor *
sam_window_get_shown_actor (SamWindow *self)
{
  return _sam_window_shown_actor (self);
}

gboolean
sam_window_is_showing_review (SamWindow *self)
{
  return self->review_mode;
}

gboolean
sam_window_is_busy (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  return self->busy_toast != NULL;
}

gboolean
sam_window_is_read_only (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), FALSE);
  return self->read_only;
}

gboolean
sam_window_is_read_only_banner_shown (SamWindow *self)
{
  return gtk_revealer_get_reveal_child (self->banner);
}

const char *
sam_window_get_delete_message (SamWindow *self)
{
  return self->delete_message;
}
