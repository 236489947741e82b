/* sam-window-results.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SamWindow's search: the results list, running the search as the user
 * types, and showing the actor a row or Enter picks.
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-page.h"
#include "sam-actor-row.h"
#include "sam-result-item.h"
#include "sam-window-private.h"

static void setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self);
static void bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self);
static void unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self);
static gboolean search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                                       GdkModifierType state, SamWindow *self);

void
_sam_window_setup_list (SamWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  self->model = g_list_store_new (SAM_TYPE_RESULT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_model (self->actor_list, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->actor_list, factory);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_object_unref (self->selection);
  g_object_unref (factory);
}


/* The list */

/* An empty result says what to try next, not just "nothing". */
static void
show_empty (SamWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *description = NULL;

  if (self->review_mode)
    {
      adw_status_page_set_title (self->empty_page, _("Everything Is Verified"));
      adw_status_page_set_description (self->empty_page, _("No actor is overdue for verification."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Actors Found"));
      description = sam_window_has_filters (self)
        ? g_strdup_printf (_("Nothing matches “%s” with the filters you chose. Clear the filters, "
                             "or search all areas."), text)
        : g_strdup_printf (_("Nothing matches “%s”. Try part of a name, a municipality, a keyword "
                             "such as “jour”, or a phone number."), text);
      adw_status_page_set_description (self->empty_page, description);
    }
  gtk_widget_set_visible (self->clear_filters_button, !self->review_mode && sam_window_has_filters (self));
  gtk_widget_set_visible (self->all_areas_button, !self->review_mode && _sam_window_get_selected_area (self) != NULL);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void select_row_of (SamWindow *self, SamActor *actor);

/* The actor page is made the first time an actor is shown: start-up draws
 * the list alone. */
SamActor *
_sam_window_shown_actor (SamWindow *self)
{
  return self->actor_page ? sam_actor_page_get_actor (self->actor_page) : NULL;
}

static void actor_activated_cb (SamWindow *self, const char *id);

SamActorPage *
_sam_window_ensure_actor_page (SamWindow *self)
{
  if (self->actor_page == NULL)
    {
      self->actor_page = sam_actor_page_new ();
      g_signal_connect_swapped (self->actor_page, "actor-activated", G_CALLBACK (actor_activated_cb), self);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->actor_page), "actor");
    }
  return self->actor_page;
}

/* Rows past the first screenful go in after the frame that shows it: the
 * list a person sees is drawn first, at start-up and on every keystroke. */
#define FIRST_ROWS 20

/* Adds places to the list for @results from the end of the list to @to. */
static void
append_places (SamWindow *self, GPtrArray *results, guint to)
{
  guint from = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = from; i < to; i++)
    g_ptr_array_add (items, sam_result_item_new (g_ptr_array_index (results, i)));
  if (items->len > 0)
    g_list_store_splice (self->model, from, 0, items->pdata, items->len);
}

/* Shows @actor at @position: the rows the list bound there are bound
 * again; no widget is made or dropped. */
static void
put_actor (SamWindow *self, guint position, SamActor *actor)
{
  g_autoptr(SamResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  GPtrArray *rows = sam_result_item_get_rows (item);

  sam_result_item_set_actor (item, actor);
  for (guint i = 0; i < rows->len; i++)
    sam_actor_row_bind (g_ptr_array_index (rows, i), actor, self->now, self->review_mode);
}

/* The list becomes as long as @results: places are dropped or added at
 * its end, the first @now_to added now and the rest after the frame. */
static void
resize_list (SamWindow *self, GPtrArray *results, guint now_to)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (old > results->len)
    g_list_store_splice (self->model, results->len, old - results->len, NULL, 0);
  append_places (self, results, MIN (results->len, MAX (old, now_to)));
}

static gboolean
add_rest_cb (gpointer data)
{
  SamWindow *self = data;

  self->rest_id = 0;
  if (self->results)
    append_places (self, self->results, self->results->len);
  select_row_of (self, _sam_window_shown_actor (self));
  return G_SOURCE_REMOVE;
}

static gboolean
same_row (SamActor *a, SamActor *b)
{
  return g_str_equal (sam_actor_get_id (a), sam_actor_get_id (b)) &&
         sam_actor_get_revision (a) == sam_actor_get_revision (b);
}

/* Puts @results in the places the list has, which keep their rows: only
 * the rows bound to them are bound again. @changed_only: the places whose
 * actor is the same version as before are left alone. */
static void
put_results (SamWindow *self, GPtrArray *results, gboolean changed_only)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < MIN (old, results->len); i++)
    if (!changed_only || !same_row (g_ptr_array_index (self->results, i), g_ptr_array_index (results, i)))
      put_actor (self, i, g_ptr_array_index (results, i));
}

static void
show_results (SamWindow *self, GPtrArray *results, gboolean keep_place)
{
  guint first = MIN (results->len, FIRST_ROWS);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean all_listed = self->results && self->rest_id == 0 && old == self->results->len;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = sam_now_local ();
  g_clear_handle_id (&self->rest_id, g_source_remove);
  if (keep_place && all_listed)
    {
      /* after another program wrote, only the rows that changed are
       * replaced: the list keeps its place and selection */
      put_results (self, results, TRUE);
      resize_list (self, results, results->len);
    }
  else
    {
      put_results (self, results, FALSE);
      resize_list (self, results, first);
      if (results->len > MAX (old, first))
        self->rest_id = g_idle_add_full (G_PRIORITY_LOW, add_rest_cb, self, NULL);
      /* a new search starts at its best result */
      if (!keep_place)
        {
          GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->actor_list));
          gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
        }
    }
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = results;
  select_row_of (self, _sam_window_shown_actor (self));
  gtk_widget_set_visible (self->more_label, !self->review_mode && results->len >= RESULT_LIMIT);
  if (results->len == 0)
    show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->list_stack, "results");
}

static void
run_search (SamWindow *self, gboolean keep_place)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL)
    return;
  _sam_window_update_chips (self);
  if (self->review_mode)
    {
      /* the whole review list: it is the coordinator's to-do list */
      g_autoptr(GDateTime) now = sam_now_local ();
      results = sam_store_list_overdue (self->store, now, &error);
    }
  else
    {
      g_autoptr(SamQuery) query = _sam_window_build_query (self);
      results = sam_store_search (self->store, query, &error);
    }
  if (results == NULL)
    {
      _sam_window_toast (self, error->message);
      return;
    }
  show_results (self, results, keep_place);
}

void
_sam_window_refresh (SamWindow *self)
{
  run_search (self, FALSE);
}

/* A new register is searched in an idle at high priority, which runs after
 * the window is mapped and before its first frame is drawn: the window
 * appears sooner and its first frame still holds the list. */
static gboolean
refresh_idle_cb (gpointer data)
{
  SamWindow *self = data;

  self->refresh_id = 0;
  _sam_window_refresh (self);
  return G_SOURCE_REMOVE;
}

void
_sam_window_schedule_refresh (SamWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

void
_sam_window_flush_refresh (SamWindow *self)
{
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      _sam_window_refresh (self);
    }
}

/* Showing an actor */

static void
select_row_of (SamWindow *self, SamActor *actor)
{
  guint position = GTK_INVALID_LIST_POSITION;

  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; actor && self->results && i < MIN (listed, self->results->len); i++)
    if (g_str_equal (sam_actor_get_id (g_ptr_array_index (self->results, i)), sam_actor_get_id (actor)))
      {
        position = i;
        break;
      }
  gtk_single_selection_set_selected (self->selection, position);
}

void
_sam_window_show_actor (SamWindow *self, SamActor *actor)
{
  if (actor || self->actor_page)
    sam_actor_page_set_actor (_sam_window_ensure_actor_page (self), self->store, actor);
  select_row_of (self, actor);
  adw_window_title_set_title (self->content_title, actor ? sam_actor_get_display_name (actor) : "");
  gtk_stack_set_visible_child_name (self->content_stack, actor ? "actor" : "none");
  if (actor)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _sam_window_update_actions (self);
  _sam_window_update_back_button (self);
}

void
sam_window_show_actor (SamWindow *self, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = id ? sam_store_load_actor (self->store, id, &error) : NULL;

  if (id && actor == NULL)
    _sam_window_toast (self, error->message);
  _sam_window_show_actor (self, actor);
}

/* Reloads the shown actor after a change; it may be gone. */
static void
reload_shown (SamWindow *self)
{
  SamActor *shown = _sam_window_shown_actor (self);
  g_autoptr(SamActor) fresh = NULL;

  if (shown == NULL)
    return;
  fresh = sam_store_load_actor (self->store, sam_actor_get_id (shown), NULL);
  if (fresh)
    {
      sam_actor_page_set_actor (self->actor_page, self->store, fresh);
      adw_window_title_set_title (self->content_title, sam_actor_get_display_name (fresh));
    }
  else
    _sam_window_show_actor (self, NULL);
}

void
_sam_window_store_changed (SamWindow *self)
{
  run_search (self, TRUE);
  if (sam_window_is_showing_walk (self))
    sam_walk_page_refresh (self->walk_page);
  else
    reload_shown (self);
}

static void
list_activate_cb (SamWindow *self, guint position)
{
  g_autoptr(SamResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* a result holds only what its row shows: the page loads the rest */
  if (item)
    sam_window_show_actor (self, sam_actor_get_id (sam_result_item_get_actor (item)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (sam_actor_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self)
{
  SamActorRow *row = SAM_ACTOR_ROW (gtk_list_item_get_child (item));
  SamResultItem *place = gtk_list_item_get_item (item);

  sam_result_item_add_row (place, row);
  sam_actor_row_bind (row, sam_result_item_get_actor (place), self->now, self->review_mode);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SamWindow *self)
{
  sam_result_item_remove_row (gtk_list_item_get_item (item),
                              SAM_ACTOR_ROW (gtk_list_item_get_child (item)));
}

static void
actor_activated_cb (SamWindow *self, const char *id)
{
  sam_window_show_actor (self, id);
}

static void
search_changed_cb (SamWindow *self)
{
  _sam_window_refresh (self);
}

/* Enter opens the first result, the keyboard on its first Copy or Call
 * button: one more Enter copies the number. Without a route the focus
 * stays in the search. */
static void
search_activate_cb (SamWindow *self)
{
  _sam_window_flush_refresh (self);
  if (self->results == NULL || self->results->len == 0)
    return;
  sam_window_show_actor (self, sam_actor_get_id (g_ptr_array_index (self->results, 0)));
  if (self->actor_page != NULL)
    sam_actor_page_focus_first_route (self->actor_page);
}

/* The row widget of the first result, once the list shows it. */
static GtkWidget *
first_row_widget (SamWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actor_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_focusable (child) && SAM_IS_ACTOR_ROW (gtk_widget_get_first_child (child)))
      return child;
  return NULL;
}

/* Down in the search goes to the first result. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, SamWindow *self)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->actor_list));
  GtkWidget *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  _sam_window_flush_refresh (self);
  if (self->results == NULL || self->results->len == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
  row = first_row_widget (self);
  return row != NULL && gtk_widget_grab_focus (row);
}

static void
search_stop_cb (SamWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filter_changed_cb (SamWindow *self)
{
  _sam_window_refresh (self);
}

void
_sam_window_class_add_results_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}
