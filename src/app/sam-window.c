/* sam-window.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-actor-row.h"
#include "sam-query.h"
#include "sam-window.h"

#define RESULT_LIMIT 200

struct _SamWindow
{
  AdwApplicationWindow parent_instance;

  SamStore *store;
  GPtrArray *results;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkListBox *actor_list;
  GtkStack *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (SamWindow *self, GError *error)
{
  adw_status_page_set_title (self->empty_page, _("The Register Could Not Be Searched"));
  adw_status_page_set_description (self->empty_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
clear_list (SamWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actor_list))) != NULL)
    gtk_list_box_remove (self->actor_list, child);
}

static void
refresh (SamWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(SamQuery) query = sam_query_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = sam_now_local ();

  query->limit = RESULT_LIMIT;
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = sam_store_search (self->store, query, &error);
  clear_list (self);
  if (self->results == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->actor_list,
                         GTK_WIDGET (sam_actor_row_new (g_ptr_array_index (self->results, i), now)));
  gtk_stack_set_visible_child_name (self->stack, self->results->len ? "results" : "empty");
}

static void
search_changed_cb (SamWindow *self)
{
  refresh (self);
}

static void
update_subtitle (SamWindow *self)
{
  SamRegisterMeta meta = { 0 };

  if (sam_store_get_meta (self->store, &meta, NULL))
    adw_window_title_set_subtitle (self->window_title,
                                   sam_text_get_best (&meta.name, sam_lang_from_locale (), NULL));
  sam_register_meta_clear (&meta);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = SAM_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
sam_window_class_init (SamWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sam_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samverkan/Samverkan/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
sam_window_init (SamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SamWindow *
sam_window_new (SamApplication *application, SamStore *store)
{
  SamWindow *self = g_object_new (SAM_TYPE_WINDOW, "application", application, NULL);

  self->store = g_object_ref (store);
  update_subtitle (self);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

GtkEditable *
sam_window_get_search_entry (SamWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

guint
sam_window_get_n_results (SamWindow *self)
{
  return self->results ? self->results->len : 0;
}

SamActor *
sam_window_get_result (SamWindow *self, guint index)
{
  g_return_val_if_fail (self->results && index < self->results->len, NULL);
  return g_ptr_array_index (self->results, index);
}
