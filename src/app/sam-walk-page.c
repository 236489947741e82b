/* sam-walk-page.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-walk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-call.h"
#include "sam-drop-down.h"
#include "sam-area-choices.h"
#include "sam-areas.h"
#include "sam-flowchart-view.h"
#include "sam-format.h"
#include "sam-step-contact.h"
#include "sam-walk-page-private.h"

G_DEFINE_FINAL_TYPE (SamWalkPage, sam_walk_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_of (SamText *text)
{
  const char *value = sam_text_get_best (text, sam_lang_from_locale (), NULL);
  return value ? value : "";
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static SamEscalationPath *
find_path (SamWalkPage *self, const char *id)
{
  for (guint i = 0; self->paths && i < self->paths->len; i++)
    if (g_str_equal (sam_escalation_path_get_id (g_ptr_array_index (self->paths, i)), id))
      return g_ptr_array_index (self->paths, i);
  return NULL;
}

void
sam_walk_page_toast (SamWalkPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* One answer: a large button with its number, which is also its key. */
static GtkWidget *
make_answer_button (SamWalkPage *self, SamStepAnswer *answer, guint index)
{
  g_autofree char *label = g_strdup_printf ("%u. %s", index + 1, text_of (&answer->label));
  g_autofree char *handover = NULL;
  g_autofree char *name = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *button = gtk_button_new ();
  SamEscalationPath *other = answer->path ? find_path (self, answer->path) : NULL;

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  if (other != NULL)
    {
      /* Translators: under an answer that hands over to another path */
      handover = g_strdup_printf (_("Continues in: %s"), text_of (sam_escalation_path_get_title (other)));
      gtk_box_append (GTK_BOX (box), gtk_label_new (handover));
      gtk_label_set_xalign (GTK_LABEL (gtk_widget_get_last_child (box)), 0);
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "walk-answer");
  name = handover ? g_strdup_printf ("%s. %s", text_of (&answer->label), handover)
                  : g_strdup (text_of (&answer->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "walk.answer");
  return button;
}

static void
show_answers (SamWalkPage *self, SamEscalationStep *step)
{
  GPtrArray *answers = sam_escalation_step_get_answers (step);

  for (guint i = 0; i < answers->len; i++)
    gtk_box_append (self->answers_box, make_answer_button (self, g_ptr_array_index (answers, i), i));
}

static void
show_urgency (SamWalkPage *self, SamUrgency urgency)
{
  static const char *classes[] = { "", "immediate", "same-day", "within-week" };

  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->urgency_label), classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->urgency_label), urgency != SAM_URGENCY_NONE);
  if (urgency == SAM_URGENCY_NONE || urgency >= G_N_ELEMENTS (classes))
    return;
  gtk_label_set_text (self->urgency_label, sam_urgency_get_label (urgency));
  gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), classes[urgency]);
  {
    /* Translators: the accessible name of the urgency badge, "Urgency: Today" */
    g_autofree char *name = g_strdup_printf (_("Urgency: %s"), sam_urgency_get_label (urgency));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->urgency_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
show_end (SamWalkPage *self)
{
  GtkWidget *restart = gtk_button_new_with_mnemonic (_("_Restart"));

  gtk_label_set_text (self->kind_label, _("End of the path"));
  gtk_label_set_text (self->text_label, _("This is the end of the path. Restart it, or choose another path above."));
  gtk_widget_add_css_class (restart, "suggested-action");
  gtk_widget_add_css_class (restart, "pill");
  gtk_widget_set_halign (restart, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restart), "walk.restart");
  gtk_box_append (self->answers_box, restart);
}

static void
show_step_text (SamWalkPage *self, SamEscalationStep *step)
{
  const char *legal = text_of (sam_escalation_step_get_legal_ref (step));
  static const char *kinds[] = { N_("What to do"), N_("Question"), N_("Note") };
  SamStepKind kind = sam_escalation_step_get_kind (step);

  gtk_label_set_text (self->kind_label, kind < G_N_ELEMENTS (kinds) ? _(kinds[kind]) : "");
  {
    g_autofree char *text = sam_format_register_text (sam_escalation_step_get_text (step));
    gtk_label_set_text (self->text_label, text ? text : "");
  }
  if (*legal != '\0')
    {
      /* Translators: the law an action follows, "Legal reference: 14 kap. 1 § socialtjänstlagen" */
      g_autofree char *text = g_strdup_printf (_("Legal reference: %s"), legal);
      gtk_label_set_text (self->legal_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->legal_label), *legal != '\0');
}

static GtkWidget *
make_trail_row (SamWalkPage *self, guint i)
{
  SamEscalationStep *step = g_ptr_array_index (sam_walk_get_taken (self->walk), i);
  int answer = sam_walk_get_answer_taken (self->walk, i);
  GPtrArray *answers = sam_escalation_step_get_answers (step);
  g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, text_of (sam_escalation_step_get_text (step)));
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *row = adw_action_row_new ();
  const char *subtitle;

  g_autofree char *carried = NULL;

  if (answer >= 0 && (guint) answer < answers->len)
    subtitle = text_of (&((SamStepAnswer *) g_ptr_array_index (answers, answer))->label);
  else
    subtitle = _("Done");
  /* after a hand-over: the walk did not ask again */
  if (sam_walk_is_carried (self->walk, i))
    subtitle = carried = answer >= 0
      /* Translators: an answer in the way so far, given before a hand-over: "No (answered before)" */
      ? g_strdup_printf (_("%s (answered before)"), subtitle)
      : g_strdup (_("Done before"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  return row;
}

static void
show_trail (SamWalkPage *self)
{
  GPtrArray *taken = sam_walk_get_taken (self->walk);

  for (guint i = 0; i < taken->len; i++)
    gtk_list_box_append (self->trail_list, make_trail_row (self, i));
  gtk_widget_set_visible (self->trail_box, taken->len > 0);
}

static void
show_handover (SamWalkPage *self)
{
  SamEscalationPath *path = sam_walk_get_path (self->walk);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->handover_label), path != self->start);
  if (path == self->start)
    return;
  text = g_strdup_printf (_("Continues in: %s"), text_of (sam_escalation_path_get_title (path)));
  gtk_label_set_text (self->handover_label, text);
}

static void
clear_step (SamWalkPage *self)
{
  remove_children (GTK_WIDGET (self->answers_box));
  remove_children (GTK_WIDGET (self->contacts_list));
  remove_children (GTK_WIDGET (self->trail_list));
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_handle_id (&self->change_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->legal_label), FALSE);
  gtk_widget_set_visible (self->continue_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->handover_label), FALSE);
  gtk_widget_set_visible (self->trail_box, FALSE);
  show_urgency (self, SAM_URGENCY_NONE);
}

static void
notify_title (SamWalkPage *self)
{
  const char *title = sam_walk_page_get_title (self);

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* The flowchart of the path being walked, its current step marked; laid
 * out again only when the walk moves to another path. */
static void
show_chart (SamWalkPage *self, SamEscalationStep *step)
{
  SamEscalationPath *path = sam_walk_get_path (self->walk);

  if (path != self->charted)
    {
      sam_flowchart_view_set_path (self->chart, path, self->store, sam_lang_from_locale ());
      self->charted = path;
    }
  sam_flowchart_view_set_current (self->chart, step ? sam_escalation_step_get_id (step) : NULL);
}

void
sam_walk_page_show_step (SamWalkPage *self)
{
  SamEscalationStep *step = self->walk ? sam_walk_get_step (self->walk) : NULL;
  SamStepKind kind = step ? sam_escalation_step_get_kind (step) : SAM_STEP_KIND_NOTE;

  clear_step (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk.back", self->walk && sam_walk_can_go_back (self->walk));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk.restart", self->walk != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk.go-on", step && kind != SAM_STEP_KIND_QUESTION);
  if (self->walk == NULL)
    {
      gtk_label_set_text (self->kind_label, "");
      gtk_label_set_text (self->text_label, _("This register has no escalation paths."));
      return;
    }
  show_handover (self);
  show_trail (self);
  show_chart (self, step);
  if (step == NULL)
    show_end (self);
  else
    {
      show_step_text (self, step);
      if (kind == SAM_STEP_KIND_QUESTION)
        show_answers (self, step);
      else
        gtk_widget_set_visible (self->continue_button, TRUE);
      if (kind == SAM_STEP_KIND_ACTION)
        {
          show_urgency (self, sam_escalation_step_get_urgency (step));
          sam_walk_page_show_contacts (self, step);
        }
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  notify_title (self);
}

static void
walk_changed_cb (SamWalkPage *self)
{
  sam_walk_page_show_step (self);
  sam_walk_page_focus_step (self);
}

static void
begin (SamWalkPage *self, SamEscalationPath *path)
{
  if (self->walk)
    g_signal_handlers_disconnect_by_data (self->walk, self);
  g_clear_object (&self->walk);
  g_set_object (&self->start, path);
  if (path != NULL)
    {
      self->walk = sam_walk_new (path, self->paths);
      g_signal_connect_swapped (self->walk, "changed", G_CALLBACK (walk_changed_cb), self);
    }
  sam_walk_page_show_step (self);
}

static void
path_selected_cb (SamWalkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->path_dropdown);

  if (self->paths == NULL || selected >= self->paths->len)
    return;
  if (g_ptr_array_index (self->paths, selected) != self->start)
    begin (self, g_ptr_array_index (self->paths, selected));
}

static void
area_selected_cb (SamWalkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);

  if (self->area_codes == NULL || selected >= g_strv_length (self->area_codes))
    return;
  g_free (self->area);
  self->area = g_strdup (self->area_codes[selected]);
  sam_walk_page_show_step (self);
}

/* Actions */

static void
answer_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);

  if (self->walk)
    sam_walk_answer (self->walk, g_variant_get_uint32 (param));
}

static void
go_on_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);

  if (self->walk)
    sam_walk_go_on (self->walk);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);

  if (self->walk)
    sam_walk_go_back (self->walk);
}

static void
restart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);

  if (self->walk)
    sam_walk_restart (self->walk);
}

static SamContactRoute *
find_route (SamWalkPage *self, const char *route_id)
{
  for (guint i = 0; self->contacts && i < self->contacts->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (self->contacts, i);

      if (g_str_equal (sam_contact_route_get_id (c->route), route_id))
        return c->route;
    }
  return NULL;
}

/* The same actions as the actor page's, so its route rows work here too. */
static void
copy_route_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);
  SamContactRoute *route = find_route (self, g_variant_get_string (param, NULL));
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (route == NULL)
    return;
  display = sam_contact_route_dup_display_value (route);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), display);
  message = g_strdup_printf (_("Copied %s"), display);
  sam_walk_page_toast (self, message);
}

static void
open_route_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SamWalkPage *self = SAM_WALK_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);

  /* calls, or shows the number when nothing can call */
  for (guint i = 0; self->contacts && i < self->contacts->len; i++)
    {
      SamStepContact *c = g_ptr_array_index (self->contacts, i);

      if (g_str_equal (sam_contact_route_get_id (c->route), id))
        {
          sam_call_open_route (widget, c->route, sam_actor_get_display_name (c->actor));
          return;
        }
    }
}

/* Overrides */

static void
sam_walk_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, sam_walk_page_get_title (SAM_WALK_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_walk_page_dispose (GObject *object)
{
  SamWalkPage *self = SAM_WALK_PAGE (object);

  if (self->walk)
    g_signal_handlers_disconnect_by_data (self->walk, self);
  g_clear_object (&self->walk);
  g_clear_object (&self->start);
  g_clear_object (&self->store);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_handle_id (&self->change_id, g_source_remove);
  g_clear_pointer (&self->area_codes, g_strfreev);
  G_OBJECT_CLASS (sam_walk_page_parent_class)->dispose (object);
}

static void
sam_walk_page_finalize (GObject *object)
{
  g_free (SAM_WALK_PAGE (object)->title);
  g_free (SAM_WALK_PAGE (object)->area);
  G_OBJECT_CLASS (sam_walk_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SamWalkPage, name)

static void
sam_walk_page_class_init (SamWalkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint digits[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const guint keypad[] = { GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4, GDK_KEY_KP_5 };

  object_class->get_property = sam_walk_page_get_property;
  object_class->dispose = sam_walk_page_dispose;
  object_class->finalize = sam_walk_page_finalize;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_FLOWCHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samverkan/Samverkan/sam-walk-page.ui");
  BIND (scroller); BIND (path_dropdown); BIND (area_dropdown); BIND (role_label);
  BIND (handover_label); BIND (kind_label);
  BIND (urgency_label); BIND (text_label); BIND (legal_label); BIND (closed_label);
  BIND (contacts_list);
  BIND (missing_label);
  BIND (answers_box); BIND (continue_button); BIND (trail_box); BIND (trail_list);
  BIND (chart);
  gtk_widget_class_bind_template_callback (widget_class, path_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_selected_cb);

  gtk_widget_class_install_action (widget_class, "walk.answer", "u", answer_action);
  gtk_widget_class_install_action (widget_class, "walk.go-on", NULL, go_on_action);
  gtk_widget_class_install_action (widget_class, "walk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "walk.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "actor.copy-route", "s", copy_route_action);
  gtk_widget_class_install_action (widget_class, "actor.open-route", "s", open_route_action);

  /* the window's Back leaves the page: the leaflet around it would take
   * Alt+Left first and do nothing while it is unfolded */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  /* a question's answers by their number */
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, digits[i], 0, "walk.answer", "u", i);
      gtk_widget_class_add_binding_action (widget_class, keypad[i], 0, "walk.answer", "u", i);
    }
}

static void
sam_walk_page_init (SamWalkPage *self)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GListModel) areas = sam_area_choices_new (codes);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_codes = g_strv_builder_end (codes);
  g_signal_handlers_block_by_func (self->area_dropdown, area_selected_cb, self);
  gtk_drop_down_set_model (self->area_dropdown, areas);
  sam_area_choices_searchable (self->area_dropdown);
  sam_drop_down_ellipsize (self->area_dropdown);
  g_signal_handlers_unblock_by_func (self->area_dropdown, area_selected_cb, self);
  sam_drop_down_ellipsize (self->path_dropdown);
  sam_walk_page_show_step (self);
}

/* Public API */

SamWalkPage *
sam_walk_page_new (void)
{
  return g_object_new (SAM_TYPE_WALK_PAGE, NULL);
}

void
sam_walk_page_set_store (SamWalkPage *self, SamStore *store)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SAM_IS_WALK_PAGE (self));
  g_return_if_fail (SAM_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  self->charted = NULL;
  self->paths = sam_store_list_paths (store, &error);
  if (self->paths == NULL)
    {
      sam_walk_page_toast (self, error->message);
      self->paths = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->paths->len; i++)
    gtk_string_list_append (titles, text_of (sam_escalation_path_get_title (g_ptr_array_index (self->paths, i))));
  /* the walk begins when asked, not on the first path listed */
  g_clear_object (&self->start);
  g_signal_handlers_block_by_func (self->path_dropdown, path_selected_cb, self);
  gtk_drop_down_set_model (self->path_dropdown, G_LIST_MODEL (titles));
  g_signal_handlers_unblock_by_func (self->path_dropdown, path_selected_cb, self);
  begin (self, NULL);
}

gboolean
sam_walk_page_start (SamWalkPage *self, SamSituation situation, const char *area_code)
{
  SamEscalationPath *path;
  guint index = 0;

  g_return_val_if_fail (SAM_IS_WALK_PAGE (self), FALSE);

  path = self->paths ? sam_walk_pick_path (self->paths, situation, area_code) : NULL;
  if (path == NULL && self->paths && self->paths->len > 0)
    path = g_ptr_array_index (self->paths, 0);
  if (path == NULL)
    {
      begin (self, NULL);
      return FALSE;
    }
  sam_walk_page_set_area (self, area_code);
  g_ptr_array_find (self->paths, path, &index);
  g_signal_handlers_block_by_func (self->path_dropdown, path_selected_cb, self);
  gtk_drop_down_set_selected (self->path_dropdown, index);
  g_signal_handlers_unblock_by_func (self->path_dropdown, path_selected_cb, self);
  begin (self, path);
  return TRUE;
}

void
sam_walk_page_refresh (SamWalkPage *self)
{
  g_return_if_fail (SAM_IS_WALK_PAGE (self));
  sam_walk_page_show_step (self);
}

SamWalk *
sam_walk_page_get_walk (SamWalkPage *self)
{
  g_return_val_if_fail (SAM_IS_WALK_PAGE (self), NULL);
  return self->walk;
}

const char *
sam_walk_page_get_title (SamWalkPage *self)
{
  g_return_val_if_fail (SAM_IS_WALK_PAGE (self), NULL);
  if (self->walk == NULL)
    return _("Escalation Paths");
  return text_of (sam_escalation_path_get_title (sam_walk_get_path (self->walk)));
}

void
sam_walk_page_focus_step (SamWalkPage *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->answers_box));

  g_return_if_fail (SAM_IS_WALK_PAGE (self));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  else if (gtk_widget_get_visible (self->continue_button))
    gtk_widget_grab_focus (self->continue_button);
}

void
sam_walk_page_set_area (SamWalkPage *self, const char *area_code)
{
  guint position;

  g_return_if_fail (SAM_IS_WALK_PAGE (self));

  position = sam_area_choices_find ((const char * const *) self->area_codes, area_code);
  g_free (self->area);
  self->area = g_strdup (self->area_codes[position]);
  g_signal_handlers_block_by_func (self->area_dropdown, area_selected_cb, self);
  gtk_drop_down_set_selected (self->area_dropdown, position);
  g_signal_handlers_unblock_by_func (self->area_dropdown, area_selected_cb, self);
  sam_walk_page_show_step (self);
}

const char *
sam_walk_page_get_area (SamWalkPage *self)
{
  g_return_val_if_fail (SAM_IS_WALK_PAGE (self), NULL);
  return self->area;
}
