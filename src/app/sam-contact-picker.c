/* sam-contact-picker.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-contact-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-contact-picker.h"

struct _SamContactPicker
{
  AdwBin parent_instance;

  GListModel *actors;           /* names only: see sam_store_list_actor_choices() */
  SamStore *store;               /* the chosen actor's routes, read when chosen */
  GtkDropDown *actor_dropdown;
  GtkDropDown *route_dropdown;
  GPtrArray *route_ids;        /* index in the route drop-down → id (0: none) */
  char *actor_id;
  char *route_id;
  gboolean syncing;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SamContactPicker, sam_contact_picker, ADW_TYPE_BIN)

static char *
actor_name (SamActor *actor)
{
  return g_strdup (actor ? sam_actor_get_display_name (actor) : "");
}

static guint
find_actor (SamContactPicker *self, const char *id)
{
  guint n = g_list_model_get_n_items (self->actors);

  for (guint i = 0; id && i < n; i++)
    {
      g_autoptr(SamActor) actor = g_list_model_get_item (self->actors, i);

      if (g_str_equal (sam_actor_get_id (actor), id))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static char *
describe_route (SamContactRoute *route)
{
  g_autofree char *value = sam_contact_route_dup_display_value (route);
  const char *label = sam_text_get_best (sam_contact_route_get_label (route), sam_lang_from_locale (), NULL);
  const char *kind = sam_route_kind_get_label (sam_contact_route_get_kind (route));

  /* Translators: a contact route to choose: "Phone, via växeln · 090-16 10 00 · Professional" */
  return label ? g_strdup_printf (_("%s, %s · %s · %s"), kind, label, value,
                                  sam_visibility_get_label (sam_contact_route_get_visibility (route)))
               : g_strdup_printf (_("%s · %s · %s"), kind, value,
                                  sam_visibility_get_label (sam_contact_route_get_visibility (route)));
}

/* Fills the routes of the chosen actor and selects @self->route_id. */
static void
fill_routes (SamContactPicker *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(SamActor) actor = self->actor_id ? sam_store_load_actor (self->store, self->actor_id, NULL)
                                             : NULL;
  GPtrArray *routes = actor ? sam_actor_get_routes (actor) : NULL;
  guint selected = self->route_id ? GTK_INVALID_LIST_POSITION : 0;

  g_ptr_array_set_size (self->route_ids, 0);
  gtk_string_list_append (list, _("No particular route"));
  g_ptr_array_add (self->route_ids, NULL);
  for (guint i = 0; routes && i < routes->len; i++)
    {
      SamContactRoute *route = g_ptr_array_index (routes, i);
      g_autofree char *text = describe_route (route);

      gtk_string_list_append (list, text);
      g_ptr_array_add (self->route_ids, g_strdup (sam_contact_route_get_id (route)));
      if (g_strcmp0 (self->route_id, sam_contact_route_get_id (route)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->route_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->route_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->route_dropdown), actor != NULL);
}

static void
actor_selected_cb (SamContactPicker *self)
{
  g_autoptr(SamActor) actor = NULL;

  if (self->syncing)
    return;
  actor = gtk_drop_down_get_selected_item (self->actor_dropdown)
    ? g_object_ref (gtk_drop_down_get_selected_item (self->actor_dropdown)) : NULL;
  if (actor == NULL || g_strcmp0 (sam_actor_get_id (actor), self->actor_id) == 0)
    return;
  g_free (self->actor_id);
  self->actor_id = g_strdup (sam_actor_get_id (actor));
  /* a route of the actor before makes no sense for this one */
  g_clear_pointer (&self->route_id, g_free);
  self->syncing = TRUE;
  fill_routes (self);
  self->syncing = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
route_selected_cb (SamContactPicker *self)
{
  guint i = gtk_drop_down_get_selected (self->route_dropdown);

  if (self->syncing || i >= self->route_ids->len)
    return;
  if (g_strcmp0 (self->route_id, g_ptr_array_index (self->route_ids, i)) == 0)
    return;
  g_free (self->route_id);
  self->route_id = g_strdup (g_ptr_array_index (self->route_ids, i));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The chosen item in the button ellipsizes; the list shows it whole. */
static void
setup_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* a few letters at least, and room for both halves on a phone */
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GObject *object = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (SAM_IS_ACTOR (object))
    text = actor_name (SAM_ACTOR (object));
  else
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

static void
sam_contact_picker_finalize (GObject *object)
{
  SamContactPicker *self = SAM_CONTACT_PICKER (object);

  g_clear_object (&self->actors);
  g_clear_object (&self->store);
  g_ptr_array_unref (self->route_ids);
  g_free (self->actor_id);
  g_free (self->route_id);
  G_OBJECT_CLASS (sam_contact_picker_parent_class)->finalize (object);
}

static void
sam_contact_picker_class_init (SamContactPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_contact_picker_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sam_contact_picker_init (SamContactPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkDropDown *dropdowns[2];

  /* halves of equal width line up the fallbacks under each other */
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  self->route_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkListItemFactory) factory = label_factory (TRUE);
      g_autoptr(GtkListItemFactory) list_factory = label_factory (FALSE);

      dropdowns[i] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      gtk_drop_down_set_factory (dropdowns[i], factory);
      gtk_drop_down_set_list_factory (dropdowns[i], list_factory);
      gtk_widget_set_hexpand (GTK_WIDGET (dropdowns[i]), TRUE);
      gtk_widget_set_valign (GTK_WIDGET (dropdowns[i]), GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (dropdowns[i]));
    }
  self->actor_dropdown = dropdowns[0];
  self->route_dropdown = dropdowns[1];
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actor"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->route_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contact route"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->actor_dropdown), _("Actor (type to search)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->route_dropdown), _("Contact route"));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
sam_contact_picker_new (GListModel *actors, SamStore *store)
{
  SamContactPicker *self = g_object_new (SAM_TYPE_CONTACT_PICKER, NULL);
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (actors), NULL);
  self->actors = g_object_ref (actors);
  self->store = g_object_ref (store);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (actor_name), NULL, NULL);
  self->syncing = TRUE;
  gtk_drop_down_set_expression (self->actor_dropdown, expression);
  gtk_drop_down_set_enable_search (self->actor_dropdown, TRUE);
  gtk_drop_down_set_model (self->actor_dropdown, actors);
  gtk_drop_down_set_selected (self->actor_dropdown, GTK_INVALID_LIST_POSITION);
  fill_routes (self);
  self->syncing = FALSE;
  g_signal_connect_swapped (self->actor_dropdown, "notify::selected", G_CALLBACK (actor_selected_cb), self);
  g_signal_connect_swapped (self->route_dropdown, "notify::selected", G_CALLBACK (route_selected_cb), self);
  return GTK_WIDGET (self);
}

void
sam_contact_picker_set (SamContactPicker *self, const char *actor_id, const char *route_id)
{
  g_return_if_fail (SAM_IS_CONTACT_PICKER (self));
  g_free (self->actor_id);
  g_free (self->route_id);
  self->actor_id = g_strdup (actor_id);
  self->route_id = g_strdup (route_id);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->actor_dropdown, find_actor (self, actor_id));
  fill_routes (self);
  self->syncing = FALSE;
}

const char *
sam_contact_picker_get_actor_id (SamContactPicker *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_PICKER (self), NULL);
  return self->actor_id;
}

const char *
sam_contact_picker_get_route_id (SamContactPicker *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_PICKER (self), NULL);
  return self->route_id;
}

GtkDropDown *
sam_contact_picker_get_actor_dropdown (SamContactPicker *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_PICKER (self), NULL);
  return self->actor_dropdown;
}

GtkDropDown *
sam_contact_picker_get_route_dropdown (SamContactPicker *self)
{
  g_return_val_if_fail (SAM_IS_CONTACT_PICKER (self), NULL);
  return self->route_dropdown;
}
