/* test-actor-editor.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actor editor against a register filled with the sample: fields typed
 * the way a person types them, saves (and what a new actor gets by
 * default), refused saves, a stale save, changes left unsaved. Adding,
 * moving and removing routes is test-actor-editor-routes.c's.
 *
 * With SAM_SCREENSHOT_DIR set, /actor-editor/screenshot writes PNGs of the
 * editor showing errors there; with SAM_LOCALEDIR too, in $LANGUAGE.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-actor-editor.h"
#include "sam-unsaved.h"
#include "sam-route-editor-row.h"
#include "sam-test-actor-editor.h"
#include "sam-ui-test-util.h"

/* What a click on a response button does. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  sam_test_actor_editor_iterate ();
}

static AdwMessageDialog *
find_dialog_for (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
reload_cb (SamActorEditor *editor, const char *id, char **out)
{
  g_assert_null (*out);
  *out = g_strdup (id);
}

static const char *
route_value (SamActor *actor, const char *route_id)
{
  SamContactRoute *route = sam_actor_find_route (actor, route_id);

  g_assert_nonnull (route);
  return sam_contact_route_get_value (route);
}

/* The switchboard's route row, found by the number it shows. */
static gpointer
switchboard_row (SamActorEditor *editor)
{
  return sam_test_actor_editor_find_row (editor, SAM_TYPE_ROUTE_EDITOR_ROW, "090-16 10 00");
}

static void
test_save_phone (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) stored = NULL;
  g_autoptr(SamActor) before = sam_test_actor_editor_load (f, "umea-kommun");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (sam_test_actor_editor_saved_cb), &saved);
  g_assert_cmpint (sam_actor_get_revision (sam_actor_editor_get_actor (editor)), ==, 1);

  sam_test_actor_editor_type_into (switchboard_row (editor), "Phone", "090-16 10 01");
  g_assert_true (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();

  g_assert_null (editor);   /* closed */
  g_assert_nonnull (saved);
  g_assert_cmpint (sam_actor_get_revision (saved), ==, 2);
  stored = sam_test_actor_editor_load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 2);
  /* the rest is as it was */
  g_assert_cmpstr (route_value (stored, "umea-kommun-email"), ==, "umea.kommun@umea.se");
  g_assert_cmpuint (sam_actor_get_routes (stored)->len, ==, sam_actor_get_routes (before)->len);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_SV), ==, "Umeå kommun");
  g_assert_cmpstr (sam_text_get (sam_actor_get_description (stored), SAM_LANG_EN), ==,
                   sam_text_get (sam_actor_get_description (before), SAM_LANG_EN));
  g_assert_cmpuint (sam_actor_get_tags (stored)->len, ==, 3);
  g_assert_cmpuint (sam_actor_get_target_groups (stored)->len, ==, 2);
  g_assert_cmpuint (sam_actor_get_languages (stored)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (stored), 0), ==, "2480");
  g_assert_true (g_date_time_equal (sam_actor_get_verified_at (stored), sam_actor_get_verified_at (before)));
  {
    g_autofree char *hours = sam_schedule_to_string (sam_actor_get_hours (stored));
    g_assert_cmpstr (hours, ==, "Mo-Fr 08:00-17:00; PH off");
  }
}

static void
assert_unchanged (SamTestActorEditor *f)
{
  g_autoptr(SamActor) stored = sam_test_actor_editor_load (f, "umea-kommun");

  g_assert_cmpint (sam_actor_get_revision (stored), ==, 1);
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161000");
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (stored), SAM_LANG_EN), ==, "Umeå Municipality");
}

/* The source of the details (checked as typed, the date read filled in
 * with today), languages in the order typed, and a route marked to be
 * dialled from abroad, whose number then shows in international form. */
static void
test_source_and_abroad (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  gpointer route_row = switchboard_row (editor);
  GtkEditable *read_on = sam_test_actor_editor_find_row (editor, ADW_TYPE_ENTRY_ROW, "Read on");
  GtkWidget *abroad_row;
  g_autoptr(SamActor) stored = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *shown = NULL;
  GPtrArray *languages;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (read_on), ==, "");
  sam_test_actor_editor_type_into (editor, "Web page or document", "ftp://www.umea.se/lista");
  g_assert_cmpuint (strlen (gtk_editable_get_text (read_on)), ==, 10);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Source: “ftp://www.umea.se/lista”"));
  g_assert_false (sam_actor_editor_save (editor));
  assert_unchanged (f);

  sam_test_actor_editor_type_into (editor, "Web page or document", "https://www.umea.se/kontakt");
  sam_test_actor_editor_type_into (editor, "Read on", "2026-02-30");
  g_clear_pointer (&errors, g_free);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_nonnull (strstr (errors, "2026-02-30"));
  sam_test_actor_editor_type_into (editor, "Read on", "2026-11-02");
  sam_test_actor_editor_type_into (editor, "Languages", "ar, sv, en");
  g_clear_pointer (&errors, g_free);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_cmpstr (errors, ==, "");
  /* a number is dialled from abroad; an address is not */
  abroad_row = sam_test_actor_editor_find_row (route_row, ADW_TYPE_ACTION_ROW, "Dialled from abroad");
  g_assert_true (gtk_widget_get_visible (abroad_row));
  gtk_switch_set_active (sam_test_actor_editor_find_row (abroad_row, GTK_TYPE_SWITCH, NULL), TRUE);
  g_assert_cmpstr (adw_preferences_row_get_title (route_row), ==, "+46 90 16 10 00");

  g_assert_true (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);
  stored = sam_test_actor_editor_load (f, "umea-kommun");
  g_assert_cmpstr (sam_actor_get_source (stored), ==, "https://www.umea.se/kontakt");
  g_assert_cmpstr (sam_actor_get_source_read (stored), ==, "2026-11-02");
  languages = sam_actor_get_languages (stored);
  g_assert_cmpuint (languages->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (languages, 0), ==, "ar");
  g_assert_cmpstr (g_ptr_array_index (languages, 1), ==, "sv");
  g_assert_cmpstr (g_ptr_array_index (languages, 2), ==, "en");
  g_assert_true (sam_contact_route_get_abroad (sam_actor_find_route (stored, "umea-kommun-phone")));
  shown = sam_contact_route_dup_display_value (sam_actor_find_route (stored, "umea-kommun-phone"));
  g_assert_cmpstr (shown, ==, "+46 90 16 10 00");
}

static void
test_refused (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  gpointer route_row = switchboard_row (editor);
  g_autofree char *errors = NULL;
  g_autofree char *errors_after = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_cmpstr (errors, ==, "");

  /* a phone number too short */
  sam_test_actor_editor_type_into (route_row, "Phone", "12");
  g_assert_false (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  assert_unchanged (f);
  g_clear_pointer (&errors, g_free);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Phone: “12”"));
  g_assert_true (gtk_widget_has_css_class (sam_test_actor_editor_find_row (route_row, ADW_TYPE_ENTRY_ROW,
                                                                          "Phone"),
                                           "error"));
  g_assert_true (adw_expander_row_get_expanded (route_row));
  g_assert_true (sam_test_actor_editor_has_focus_in (editor,
                                                     sam_test_actor_editor_find_row (route_row, ADW_TYPE_ENTRY_ROW,
                                                                                     "Phone")));

  /* fixed as the user types */
  sam_test_actor_editor_type_into (route_row, "Phone", "090-16 10 00");
  errors_after = sam_test_actor_editor_dup_errors (editor);
  g_assert_cmpstr (errors_after, ==, "");

  /* no English name */
  sam_test_actor_editor_type_into (editor, "Name (English)", "");
  g_assert_false (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  assert_unchanged (f);
  g_clear_pointer (&errors, g_free);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Name (English)"));
  g_assert_null (strstr (errors, "Phone"));
  g_assert_true (sam_test_actor_editor_has_focus_in (editor,
                                                     sam_test_actor_editor_find_row (editor, ADW_TYPE_ENTRY_ROW,
                                                                                     "Name (English)")));

  /* hours the parser refuses */
  sam_test_actor_editor_type_into (editor, "Name (English)", "Umeå Municipality");
  sam_test_actor_editor_type_into (editor, "Opening hours", "Mo-Fr 8-16");
  g_clear_pointer (&errors, g_free);
  errors = sam_test_actor_editor_dup_errors (editor);
  g_assert_nonnull (strstr (errors, "Opening hours"));
  g_assert_false (sam_actor_editor_save (editor));
  assert_unchanged (f);

  g_assert_nonnull (editor);   /* still open */
  /* what Cancel and Escape do: with changes, they ask first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  sam_test_actor_editor_iterate ();
  g_assert_nonnull (editor);
  g_assert_nonnull (sam_unsaved_get_dialog (GTK_WINDOW (editor)));
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "discard");
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);
  assert_unchanged (f);
}

static void
test_stale (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *first = sam_test_actor_editor_open (f, "umea-kommun");
  SamActorEditor *second = sam_test_actor_editor_open (f, "umea-kommun");
  g_autoptr(SamActor) stored = NULL;
  g_autofree char *reload_id = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_signal_connect (second, "reload-requested", G_CALLBACK (reload_cb), &reload_id);

  sam_test_actor_editor_type_into (switchboard_row (first), "Phone", "090-16 10 01");
  sam_test_actor_editor_type_into (switchboard_row (second), "Phone", "090-16 10 02");
  g_assert_true (sam_actor_editor_save (first));
  g_assert_false (sam_actor_editor_save (second));
  sam_test_actor_editor_iterate ();

  stored = sam_test_actor_editor_load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
  g_assert_cmpint (sam_actor_get_revision (stored), ==, 2);

  /* the dialog says so; Cancel keeps the editor open */
  dialog = find_dialog_for (second);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by Someone Else");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was saved"));
  respond (dialog, "cancel");
  g_assert_null (find_dialog_for (second));
  g_assert_nonnull (second);
  g_assert_null (reload_id);

  /* Reload asks for a fresh copy and closes */
  g_assert_false (sam_actor_editor_save (second));
  sam_test_actor_editor_iterate ();
  dialog = find_dialog_for (second);
  g_assert_nonnull (dialog);
  respond (dialog, "reload");
  g_assert_cmpstr (reload_id, ==, "umea-kommun");
  g_assert_null (second);
  g_assert_null (first);

  g_clear_object (&stored);
  stored = sam_test_actor_editor_load (f, "umea-kommun");
  g_assert_cmpstr (route_value (stored, "umea-kommun-phone"), ==, "+4690161001");
}

static void
test_new_defaults (SamTestActorEditor *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SamActorEditor *editor;
  g_autoptr(SamActor) saved = NULL;
  g_autoptr(SamActor) unit = NULL;

  g_settings_set_string (settings, "default-area", "2480");
  g_settings_set_uint (settings, "review-days", 90);
  editor = sam_test_actor_editor_open (f, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (sam_test_actor_editor_saved_cb), &saved);
  sam_test_actor_editor_type_into (editor, "Name (Swedish)", "Ny aktör");
  sam_test_actor_editor_type_into (editor, "Name (English)", "New actor");
  g_assert_true (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  g_assert_cmpuint (sam_actor_get_areas (saved)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (saved), 0), ==, "2480");
  g_assert_cmpuint (sam_actor_get_review_days (saved), ==, 90);
  g_assert_null (sam_actor_get_parent_id (saved));
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "ny-aktor");

  /* a unit: inside its organisation, serving its areas */
  editor = sam_actor_editor_new (f->parent, f->store, NULL, "polisen");
  g_assert_cmpstr (adw_action_row_get_subtitle (sam_test_actor_editor_find_row (editor, ADW_TYPE_ACTION_ROW,
                                                                                "Part of")),
                   ==, "Swedish Police Authority");
  g_clear_object (&saved);
  g_signal_connect (editor, "saved", G_CALLBACK (sam_test_actor_editor_saved_cb), &saved);
  sam_test_actor_editor_type_into (editor, "Name (Swedish)", "Ny aktör");
  sam_test_actor_editor_type_into (editor, "Name (English)", "New unit");
  g_assert_true (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  /* "ny-aktor" is taken */
  g_assert_cmpstr (sam_actor_get_id (saved), ==, "ny-aktor-2");
  unit = sam_test_actor_editor_load (f, "ny-aktor-2");
  g_assert_cmpstr (sam_actor_get_parent_id (unit), ==, "polisen");
  g_assert_cmpstr (g_ptr_array_index (sam_actor_get_areas (unit), 0), ==, "SE");

  g_settings_reset (settings, "default-area");
  g_settings_reset (settings, "review-days");
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* What the store refuses shows in a toast, and the editor stays open. */
static void
test_store_error (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_actor_editor_new (f->parent, f->store, NULL, "no-such-actor");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  sam_test_actor_editor_type_into (editor, "Name (Swedish)", "Enhet");
  sam_test_actor_editor_type_into (editor, "Name (English)", "Unit");
  sam_test_actor_editor_type_into (editor, "Add municipality or county", "SE");
  g_assert_false (sam_actor_editor_save (editor));
  sam_test_actor_editor_iterate ();
  g_assert_nonnull (editor);
  g_assert_true (shows_text (GTK_WIDGET (editor), "there is no actor with the id “no-such-actor”"));
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 38);
  gtk_window_destroy (GTK_WINDOW (editor));
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);
}

/* Renders @window as it looks now into @dir/@name. */
static void
save_png (gpointer window, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  sam_ui_test_save_png (GTK_WIDGET (window), path);
}

static void
test_screenshot (SamTestActorEditor *f, gconstpointer data)
{
  const char *dir = g_getenv ("SAM_SCREENSHOT_DIR");
  SamActorEditor *editor;
  GtkWidget *route_row;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;

  if (dir == NULL)
    {
      g_test_skip ("set SAM_SCREENSHOT_DIR to write screenshots");
      return;
    }
  editor = sam_test_actor_editor_open (f, "umea-kommun");
  route_row = switchboard_row (editor);
  sam_test_actor_editor_type_into (route_row, _("Phone"), "12");
  sam_test_actor_editor_type_into (editor, _("Opening hours"), "Mo-Fr 8-17");
  sam_test_actor_editor_type_into (editor, _("Add municipality or county"), "väster");
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "editor-top.png");

  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (route_row, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (guint i = 1; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("editor-%u.png", i);

      gtk_adjustment_set_value (adjustment, i * (gtk_adjustment_get_page_size (adjustment) - 80));
      sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
      save_png (editor, dir, name);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  sam_test_actor_editor_iterate ();

  editor = sam_test_actor_editor_open (f, NULL);
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "new-actor.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  sam_test_actor_editor_iterate ();

  editor = sam_actor_editor_new (f->parent, f->store, NULL, "no-such-actor");
  gtk_window_present (GTK_WINDOW (editor));
  sam_test_actor_editor_type_into (editor, _("Name (Swedish)"), "Enhet");
  sam_test_actor_editor_type_into (editor, _("Name (English)"), "Unit");
  sam_test_actor_editor_type_into (editor, _("Add municipality or county"), "SE");
  sam_actor_editor_save (editor);
  sam_ui_test_wait_frames (GTK_WIDGET (editor), 2);
  save_png (editor, dir, "store-error.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  sam_test_actor_editor_iterate ();
}

static void
collect_type (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

/* The label whose text starts with @prefix */
static GtkLabel *
find_label (gpointer root, const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (GTK_WIDGET (root), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);
  g_assert_not_reached ();
}

/* An empty English description beside a Swedish one is marked missing in
 * its heading, and the mark goes once it is written. */
static void
test_translation_missing (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkLabel *en_heading = find_label (editor, "In English");
  GtkTextBuffer *en;

  collect_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  en = gtk_text_view_get_buffer (g_ptr_array_index (views, 1));
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English");

  gtk_text_buffer_set_text (en, "  ", -1);
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English · translation missing");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (en_heading), "warning"));
  g_assert_cmpstr (gtk_label_get_text (find_label (editor, "In Swedish")), ==, "In Swedish");

  gtk_text_buffer_set_text (en, "The municipality.", -1);
  g_assert_cmpstr (gtk_label_get_text (en_heading), ==, "In English");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (en_heading), "warning"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Escape without changes closes at once; with a change it asks, Keep
 * Editing keeps what was typed, Discard closes and saves nothing. */
static void
test_unsaved_changes (SamTestActorEditor *f, gconstpointer data)
{
  SamActorEditor *editor = sam_test_actor_editor_open (f, "umea-kommun");
  g_autoptr(GPtrArray) routes = NULL;
  GtkWidget *phone;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (sam_unsaved_changed (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);

  editor = sam_test_actor_editor_open (f, "umea-kommun");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  routes = sam_test_actor_editor_find_route_rows (editor);
  phone = sam_test_actor_editor_find_row (g_ptr_array_index (routes, 0), ADW_TYPE_ENTRY_ROW, "Phone");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "090-16 10 00");
  sam_test_actor_editor_type_into (g_ptr_array_index (routes, 0), "Phone", "090-16 10 01");
  g_assert_true (sam_unsaved_changed (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  sam_test_actor_editor_iterate ();
  g_assert_nonnull (editor);
  g_assert_nonnull (sam_unsaved_get_dialog (GTK_WINDOW (editor)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (sam_unsaved_get_dialog (GTK_WINDOW (editor))),
                   ==, "keep");
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "keep");
  sam_test_actor_editor_iterate ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "090-16 10 01");

  /* typed back as it was: nothing to lose */
  sam_test_actor_editor_type_into (g_ptr_array_index (routes, 0), "Phone", "090-16 10 00");
  g_assert_false (sam_unsaved_changed (GTK_WINDOW (editor)));
  sam_test_actor_editor_type_into (editor, "Name (English)", "Changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  sam_test_actor_editor_iterate ();
  adw_message_dialog_response (sam_unsaved_get_dialog (GTK_WINDOW (editor)), "discard");
  sam_test_actor_editor_iterate ();
  g_assert_null (editor);
  assert_unchanged (f);
}

int
main (int argc, char **argv)
{
  if (!sam_test_actor_editor_init (&argc, &argv))
    return 0;
  /* screenshots in another language: SAM_LOCALEDIR holds the compiled
   * catalogue (gtk_test_init () keeps the C locale otherwise) */
  if (g_getenv ("SAM_LOCALEDIR"))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_add ("/actor-editor/save-phone", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_save_phone, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/refused", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_refused, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/source-and-abroad", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_source_and_abroad, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/stale", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_stale, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/new-defaults", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_new_defaults, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/store-error", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_store_error, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/translation-missing", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_translation_missing, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/unsaved-changes", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_unsaved_changes, sam_test_actor_editor_tear_down);
  g_test_add ("/actor-editor/screenshot", SamTestActorEditor, NULL, sam_test_actor_editor_set_up,
              test_screenshot, sam_test_actor_editor_tear_down);
  return g_test_run ();
}
