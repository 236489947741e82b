/* sam-actor-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamActorEditor: the window, its contact routes and saving. The fields are
 * read and checked in sam-actor-editor-form.c, the areas chosen in
 * sam-area-editor.c.
 */
#define G_LOG_DOMAIN "sam-actor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-editor-private.h"
#include "sam-areas.h"
#include "sam-errors.h"
#include "sam-format.h"
#include "sam-schedule.h"
#include "sam-stale-dialog.h"
#include "sam-translation-hint.h"
#include "sam-unsaved.h"

G_DEFINE_FINAL_TYPE (SamActorEditor, sam_actor_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  RELOAD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers: routes */

static void
route_remove_requested_cb (SamRouteEditorRow *row, SamActorEditor *self);
static void
route_move_requested_cb (SamRouteEditorRow *row, int delta, SamActorEditor *self);

static void
update_route_rows (SamActorEditor *self)
{
  guint n = self->route_rows->len;

  for (guint i = 0; i < n; i++)
    sam_route_editor_row_set_movable (g_ptr_array_index (self->route_rows, i), i > 0, i + 1 < n);
  gtk_widget_set_visible (GTK_WIDGET (self->routes_empty_label), n == 0);
}

static SamRouteEditorRow *
append_route (SamActorEditor *self, SamContactRoute *route)
{
  SamRouteEditorRow *row = sam_route_editor_row_new (route);

  g_signal_connect (row, "remove-requested", G_CALLBACK (route_remove_requested_cb), self);
  g_signal_connect (row, "move-requested", G_CALLBACK (route_move_requested_cb), self);
  g_ptr_array_add (self->route_rows, g_object_ref_sink (row));
  adw_preferences_group_add (self->routes_group, GTK_WIDGET (row));
  update_route_rows (self);
  return row;
}

static void
populate_routes (SamActorEditor *self)
{
  GPtrArray *routes = sam_actor_get_routes (self->actor);

  for (guint i = 0; i < routes->len; i++)
    append_route (self, g_ptr_array_index (routes, i));
  update_route_rows (self);
}

/* Removing a route a path names leaves that step without it: say which
 * paths, under the routes, before anything is saved. */
static void
warn_paths_using (SamActorEditor *self, SamRouteEditorRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *used = NULL;
  g_autofree char *text = NULL;

  if (self->is_new || self->actor == NULL)
    return;
  paths = sam_store_list_paths_using (self->store, sam_actor_get_id (self->actor),
                                      sam_route_editor_row_get_route_id (row), &error);
  if (paths == NULL)
    {
      adw_preferences_group_set_description (self->routes_group, error->message);
      return;
    }
  used = sam_format_used_by_paths (paths);
  if (used == NULL)
    return;
  /* Translators: the %s is "Used by 2 escalation paths: …" */
  text = g_strdup_printf (_("The route you removed is in use. %s. Saving leaves those steps "
                            "without it; close without saving to keep it."), used);
  adw_preferences_group_set_description (self->routes_group, text);
}

/* An actor that escalation paths name: a change to it, or to a route they
 * use, shows in those paths. Said under the routes when the editor opens. */
static void
note_paths_using (SamActorEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *used = NULL;
  g_autofree char *text = NULL;

  if (self->is_new)
    return;
  paths = sam_store_list_paths_using (self->store, sam_actor_get_id (self->actor), NULL, &error);
  if (paths == NULL)
    {
      adw_preferences_group_set_description (self->routes_group, error->message);
      return;
    }
  used = sam_format_used_by_paths (paths);
  if (used == NULL)
    return;
  /* Translators: the %s is "Used by 2 escalation paths: …" */
  text = g_strdup_printf (_("%s. What you change here shows in those paths; check them after "
                            "changing a number or removing a route."), used);
  adw_preferences_group_set_description (self->routes_group, text);
}

static void
route_remove_requested_cb (SamRouteEditorRow *row, SamActorEditor *self)
{
  guint index;

  if (!g_ptr_array_find (self->route_rows, row, &index))
    return;
  warn_paths_using (self, row);
  adw_preferences_group_remove (self->routes_group, GTK_WIDGET (row));
  g_ptr_array_remove_index (self->route_rows, index);
  update_route_rows (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Contact route removed")));
}

static void
route_move_requested_cb (SamRouteEditorRow *row, int delta, SamActorEditor *self)
{
  guint index;
  guint target;

  if (!g_ptr_array_find (self->route_rows, row, &index))
    return;
  target = index + delta;
  if (target >= self->route_rows->len)
    return;
  self->route_rows->pdata[index] = self->route_rows->pdata[target];
  self->route_rows->pdata[target] = row;
  /* the group appends: take the rows out and put them back in order */
  for (guint i = 0; i < self->route_rows->len; i++)
    adw_preferences_group_remove (self->routes_group, g_ptr_array_index (self->route_rows, i));
  for (guint i = 0; i < self->route_rows->len; i++)
    adw_preferences_group_add (self->routes_group, g_ptr_array_index (self->route_rows, i));
  update_route_rows (self);
}

/* Helpers: saving */

static void
show_toast (SamActorEditor *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
reload_requested (GtkWindow *window)
{
  SamActorEditor *self = (SamActorEditor *) window;

  g_signal_emit (self, signals[RELOAD_REQUESTED], 0, sam_actor_get_id (self->actor));
}

static void
show_stale_dialog (SamActorEditor *self, GError *error)
{
  sam_stale_dialog_show (GTK_WINDOW (self), error->message, reload_requested);
}

static gboolean
write_actor (SamActorEditor *self, SamActor *actor, GError **error)
{
  if (self->is_new)
    return sam_store_insert_actor (self->store, actor, error);
  return sam_store_update_actor (self->store, actor, error);
}

/* Callbacks */

static void
name_sv_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_NAME_SV;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
name_en_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_NAME_EN;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
languages_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_LANGUAGES;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
hours_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_HOURS;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

/* A source typed where none was is most often read today: the date
 * comes with it, ready to change. */
static void
source_changed_cb (SamActorEditor *self, GtkEditable *editable)
{
  const char *source = gtk_editable_get_text (GTK_EDITABLE (self->source_row));
  const char *read_on = gtk_editable_get_text (GTK_EDITABLE (self->source_read_row));

  if (editable == GTK_EDITABLE (self->source_row) && *source && !*read_on)
    {
      g_autoptr(GDateTime) now = sam_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->source_read_row), today);
    }
  self->touched |= FIELD_SOURCE;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
areas_changed_cb (SamActorEditor *self)
{
  self->touched |= FIELD_AREAS;
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
area_text_changed_cb (SamActorEditor *self)
{
  sam_area_editor_update_suggestions (self->area_editor);
  _sam_actor_editor_validate (self, FALSE, FALSE);
}

static void
area_entry_activated_cb (SamActorEditor *self)
{
  self->touched |= FIELD_AREAS;
  sam_area_editor_commit (self->area_editor);
  _sam_actor_editor_validate (self, TRUE, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_entry));
}

static void
add_route_clicked_cb (SamActorEditor *self)
{
  SamRouteEditorRow *row = append_route (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  sam_actor_editor_save (SAM_ACTOR_EDITOR (widget));
}

/* Overrides */

static void
sam_actor_editor_dispose (GObject *object)
{
  SamActorEditor *self = SAM_ACTOR_EDITOR (object);

  g_clear_pointer (&self->route_rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_checks, g_ptr_array_unref);
  g_clear_object (&self->area_editor);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  G_OBJECT_CLASS (sam_actor_editor_parent_class)->dispose (object);
}

static void
sam_actor_editor_class_init (SamActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_actor_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAM_TYPE_ACTOR);
  signals[RELOAD_REQUESTED] = g_signal_new ("reload-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samverkan/Samverkan/sam-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_sv_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_sv_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, name_en_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_sv_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_en_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_sv_view);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, description_en_view);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_box);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, area_entry);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, areas_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, target_groups_box);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, languages_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, review_spin);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, hours_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, source_read_row);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, source_error);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, routes_group);
  gtk_widget_class_bind_template_child (widget_class, SamActorEditor, routes_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, name_sv_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_en_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, languages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_route_clicked_cb);
}

static void
sam_actor_editor_init (SamActorEditor *self)
{
  self->route_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->target_checks = g_ptr_array_new ();

  g_type_ensure (SAM_TYPE_ROUTE_EDITOR_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_editor = sam_area_editor_new (self->areas_group, self->areas_box,
                                           GTK_WIDGET (self->areas_empty_label), self->area_entry);
  g_signal_connect_swapped (self->area_editor, "changed", G_CALLBACK (areas_changed_cb), self);
  sam_translation_hint_bind (self->description_sv_label, gtk_text_view_get_buffer (self->description_sv_view),
                             self->description_en_label, gtk_text_view_get_buffer (self->description_en_view));
  _sam_actor_editor_fill_kinds (self);
  _sam_actor_editor_fill_target_groups (self);
}

/* A new actor starts with the review interval of the preferences, and the
 * areas of its organisation or else the default area. */
static void
apply_new_defaults (SamActorEditor *self, const char *parent_id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *area = g_settings_get_string (settings, "default-area");
  g_autoptr(SamActor) parent = parent_id ? sam_store_load_actor (self->store, parent_id, NULL) : NULL;

  sam_actor_set_parent_id (self->actor, parent_id);
  sam_actor_set_review_days (self->actor, MAX (g_settings_get_uint (settings, "review-days"), 1));
  if (parent)
    for (guint i = 0; i < sam_actor_get_areas (parent)->len; i++)
      sam_actor_add_area (self->actor, g_ptr_array_index (sam_actor_get_areas (parent), i));
  else if (sam_area_lookup (area))
    sam_actor_add_area (self->actor, area);
}

/* Public API */

static const char *
choose_title (SamActor *actor, const char *parent_id)
{
  if (actor)
    return _("Edit Actor");
  return parent_id ? _("New Unit") : _("New Actor");
}

SamActorEditor *
sam_actor_editor_new (GtkWindow  *parent,
                      SamStore   *store,
                      SamActor   *actor,
                      const char *parent_id)
{
  SamActorEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (actor == NULL || SAM_IS_ACTOR (actor), NULL);

  /* a dialog to a screen reader, not the "filler" a plain window is */
  self = g_object_new (SAM_TYPE_ACTOR_EDITOR, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "title", choose_title (actor, parent_id), NULL);
  self->store = g_object_ref (store);
  self->is_new = actor == NULL;
  self->actor = actor ? sam_actor_copy (actor) : sam_actor_new (NULL);
  if (self->is_new)
    apply_new_defaults (self, parent_id);
  adw_window_title_set_title (self->window_title, choose_title (actor, parent_id));
  if (actor)
    adw_window_title_set_subtitle (self->window_title, sam_actor_get_display_name (actor));
  _sam_actor_editor_populate (self);
  populate_routes (self);
  note_paths_using (self);
  /* what the register held is not the user's typing */
  self->touched = 0;
  _sam_actor_editor_validate (self, FALSE, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_sv_row));
  sam_unsaved_guard (GTK_WINDOW (self));
  return self;
}

SamActor *
sam_actor_editor_get_actor (SamActorEditor *self)
{
  g_return_val_if_fail (SAM_IS_ACTOR_EDITOR (self), NULL);
  return self->actor;
}

gboolean
sam_actor_editor_save (SamActorEditor *self)
{
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SAM_IS_ACTOR_EDITOR (self), FALSE);

  sam_area_editor_commit (self->area_editor);
  self->show_all_errors = TRUE;
  if (!_sam_actor_editor_validate (self, TRUE, TRUE))
    return FALSE;
  actor = _sam_actor_editor_build_actor (self, &error);
  if (actor == NULL || !write_actor (self, actor, &error))
    {
      if (g_error_matches (error, SAM_ERROR, SAM_ERROR_STALE))
        show_stale_dialog (self, error);
      else
        show_toast (self, error->message);
      return FALSE;
    }
  g_object_ref (self);
  g_set_object (&self->actor, actor);
  self->is_new = FALSE;
  g_signal_emit (self, signals[SAVED], 0, actor);
  sam_unsaved_release (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
