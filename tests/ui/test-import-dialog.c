/* test-import-dialog.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge import in the application: the preview's counts, the conflict
 * page settling fields one by one (the Import button waits for the last),
 * the import in a thread and the window seeing it; and the Backups window.
 * Draws each to PNG, in the language of $LANGUAGE (en or sv), into
 * $SAMVERKAN_SCREENSHOT_DIR when set (data/screenshots/), else a temporary
 * folder.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sam-backups.h"
#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-follow.h"
#include "sam-import-dialog.h"
#include "sam-merge.h"
#include "sam-test-util.h"
#include "sam-ui-test-util.h"
#include "sam-window-private.h"
#include "sam-window.h"

static void
edit (SamStore *store, const char *id, SamLang lang_, const char *name, const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, &error);

  g_assert_no_error (error);
  if (name)
    sam_text_set (sam_actor_get_name (actor), lang_, name);
  if (description)
    sam_text_set (sam_actor_get_description (actor), lang_, description);
  g_assert_true (sam_store_update_actor (store, actor, &error));
  g_assert_no_error (error);
}

static SamRegisterData *
exchange (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *xml = sam_export_to_data (store, NULL, &length, &error);
  SamRegisterData *data;

  g_assert_no_error (error);
  data = sam_register_xml_parse (xml, length, "a.xml", NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
applied_cb (SamImportDialog *dialog, const char *summary, char **out)
{
  *out = g_strdup (summary);
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) &&
      g_str_equal (gtk_button_get_label (GTK_BUTTON (widget)), label))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

static void
collect_checks (GtkWidget *widget, GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_checks (c, out);
}

static void
test_import_dialog (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) a = sam_test_open_store (dir, "a.sqlite", TRUE);
  g_autoptr(SamStore) b = sam_test_open_store (dir, "b.sqlite", FALSE);
  g_autoptr(SamStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SamImportDialog *dialog;
  SamWindow *window;
  SamMergePlan *plan;
  GtkWidget *import_button;

  sam_store_set_user (a, "Anna Berg");
  sam_store_set_user (b, "Bo Ek");
  {
    g_autoptr(SamMergePlan) first = sam_merge_plan_new (b, exchange (a), "a.xml", &error);
    g_assert_no_error (error);
    g_assert_true (sam_merge_plan_apply (first, FALSE, &error));
  }
  /* the sample's owner changed the police and the shelter's hours; B renamed the police too */
  edit (a, "polisen", SAM_LANG_SV, "Polisen – Region Nord", "Tar emot anmälningar dygnet runt på 114 14.");
  edit (a, "umea-socialjour", SAM_LANG_EN, "Umeå social services on-call (evenings and weekends)", NULL);
  edit (b, "polisen", SAM_LANG_SV, "Polisen i Västerbotten", "Anmälan och tips: 114 14, dygnet runt.");

  window = sam_window_new (NULL, b);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  sam_ui_test_wait_frames (GTK_WIDGET (window), 1);

  /* the plan on a connection of its own; the dialog's import applies it on
   * another, opened on the import's thread (sam_merge_plan_apply_async) */
  other = sam_store_open (sam_store_get_path (b), &error);
  g_assert_no_error (error);
  plan = sam_merge_plan_new (other, exchange (a), "a.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_UPDATED), ==, 1);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, 1);
  dialog = sam_import_dialog_new (GTK_WINDOW (window), plan);
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  sam_ui_test_shoot (GTK_WIDGET (dialog), "import-preview");

  sam_import_dialog_show_conflicts (dialog);
  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  import_button = find_button (GTK_WIDGET (dialog), _("_Import"));
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  {
    SamMergeItem *item = g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0);
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    g_assert_cmpuint (sam_merge_item_get_fields (item)->len, ==, 2);
    /* the owner's own change against B's: a conflict, not a proposal */
    g_assert_false (sam_merge_item_is_proposal (item));
    g_assert_null (find_named (GTK_WIDGET (dialog), "proposal-banner"));
    collect_checks (GTK_WIDGET (dialog), checks);
    /* mine and theirs for the name, then for the description */
    g_assert_cmpuint (checks->len, ==, 4);
    /* theirs for the name, as a person clicks it */
    gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
    g_assert_cmpuint (sam_merge_plan_count_undecided (plan), ==, 1);
    g_assert_false (gtk_widget_get_sensitive (import_button));
    sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
    sam_ui_test_shoot (GTK_WIDGET (dialog), "import-conflicts");
    /* mine for the description: now it can be imported */
    gtk_check_button_set_active (g_ptr_array_index (checks, 2), TRUE);
    g_assert_true (gtk_widget_get_sensitive (import_button));
  }
  g_assert_cmpuint (sam_merge_plan_count_undecided (plan), ==, 0);
  sam_import_dialog_apply (dialog);
  sam_ui_test_wait_for (summary != NULL);
  /* the dialog closes once the import is in */
  sam_ui_test_wait_for (dialog == NULL);
  {
    g_autoptr(SamActor) police = sam_store_load_actor (b, "polisen", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sam_text_get (sam_actor_get_name (police), SAM_LANG_SV), ==, "Polisen – Region Nord");
    g_assert_cmpstr (sam_text_get (sam_actor_get_description (police), SAM_LANG_SV), ==,
                     "Anmälan och tips: 114 14, dygnet runt.");
  }
  /* the window's store sees the import, which wrote on a connection of its own */
  g_assert_true (sam_store_check_for_changes (b));
  g_assert_false (sam_store_check_for_changes (b));
  sam_window_show_actor (window, "umea-socialjour");
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (sam_window_get_shown_actor (window)), SAM_LANG_EN), ==,
                   "Umeå social services on-call (evenings and weekends)");

  /* File → Backups: the copy made before the import */
  {
    GtkWindow *backups = _sam_window_show_backups (window);
    g_autoptr(GPtrArray) list = sam_backups_list (b, NULL);

    g_assert_nonnull (backups);
    g_assert_cmpuint (list->len, ==, 1);
    sam_ui_test_wait_frames (GTK_WIDGET (backups), 1);
    sam_ui_test_shoot (GTK_WIDGET (backups), "backups");
    gtk_window_destroy (backups);
  }
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  sam_ui_test_wait_for (window == NULL);
  g_clear_object (&a);
  g_clear_object (&other);
  g_clear_object (&b);
  sam_test_remove_dir (dir);
}

/* B renames the police, which A owns: in A's import of B's file that is a
 * proposal, marked apart from conflicts, saying whose the record is and
 * that nothing is applied unless taken. */
static void
test_import_dialog_proposal (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autoptr(SamStore) a = sam_test_open_store (dir, "a.sqlite", TRUE);
  g_autoptr(SamStore) b = sam_test_open_store (dir, "b.sqlite", FALSE);
  g_autoptr(GError) error = NULL;
  SamImportDialog *dialog;
  SamWindow *window;
  SamMergePlan *plan;
  GtkWidget *banner;
  GtkWidget *import_button;
  const char *text;

  {
    g_autoptr(SamMergePlan) first = sam_merge_plan_new (b, exchange (a), "a.xml", &error);
    g_assert_no_error (error);
    g_assert_true (sam_merge_plan_apply (first, FALSE, &error));
  }
  edit (b, "polisen", SAM_LANG_SV, "Polisen enligt B", NULL);

  window = sam_window_new (NULL, a);
  gtk_window_present (GTK_WINDOW (window));
  plan = sam_merge_plan_new (a, exchange (b), "b.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_merge_plan_count (plan, SAM_MERGE_CONFLICT), ==, 1);
  g_assert_true (sam_merge_item_is_proposal (g_ptr_array_index (sam_merge_plan_get_conflicts (plan), 0)));
  dialog = sam_import_dialog_new (GTK_WINDOW (window), plan);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  /* the preview lists it as a proposal, not a conflict */
  banner = find_named (GTK_WIDGET (dialog), "proposal-badge");
  g_assert_nonnull (banner);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (banner)), ==, C_("merge", "Proposal"));
  sam_ui_test_shoot (GTK_WIDGET (dialog), "import-proposal-preview");
  sam_import_dialog_show_conflicts (dialog);
  sam_ui_test_wait_frames (GTK_WIDGET (dialog), 1);

  banner = find_named (GTK_WIDGET (dialog), "proposal-banner");
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_has_css_class (banner, "proposal"));
  text = gtk_label_get_text (GTK_LABEL (banner));
  g_assert_nonnull (strstr (text, _("this register")));
  g_assert_nonnull (strstr (text, _("Take theirs")));
  /* nothing is taken until someone chooses */
  import_button = find_button (GTK_WIDGET (dialog), _("_Import"));
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_cmpuint (sam_merge_plan_count_undecided (plan), ==, 1);
  sam_ui_test_shoot (GTK_WIDGET (dialog), "import-proposal");

  gtk_window_destroy (GTK_WINDOW (dialog));
  sam_ui_test_wait_for (dialog == NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  sam_ui_test_wait_for (window == NULL);
  {
    g_autoptr(SamActor) police = sam_store_load_actor (a, "polisen", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sam_text_get (sam_actor_get_name (police), SAM_LANG_SV), !=, "Polisen enligt B");
  }
  g_clear_object (&a);
  g_clear_object (&b);
  sam_test_remove_dir (dir);
}

static char *
name_in (SamStore *store, const char *id)
{
  g_autoptr(SamActor) actor = sam_store_load_actor (store, id, NULL);
  return actor ? g_strdup (sam_text_get (sam_actor_get_name (actor), SAM_LANG_SV)) : NULL;
}

/* Waits up to @seconds for polisen's Swedish name in @store to be @name. */
static gboolean
wait_for_name (SamStore *store, const char *name, guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *now = NULL;

      g_main_context_iteration (NULL, FALSE);
      sam_store_check_for_changes (store);
      now = name_in (store, "polisen");
      if (g_strcmp0 (now, name) == 0)
        return TRUE;
      g_usleep (20000);
    }
  return FALSE;
}

/* A followed register is read when the window opens the register, and again
 * when the file changes; its records refuse edits here. */
static void
test_follow (void)
{
  g_autofree char *dir = sam_test_make_dir ();
  g_autofree char *published = g_build_filename (dir, "published.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (published);
  g_autoptr(SamStore) a = sam_test_open_store (dir, "a.sqlite", TRUE);
  g_autoptr(SamStore) b = sam_test_open_store (dir, "b.sqlite", FALSE);
  g_autoptr(GError) error = NULL;
  SamWindow *window;

  g_assert_true (sam_export_to_file (a, NULL, file, NULL, &error));
  g_assert_true (sam_follow_add (b, published, &error));
  g_assert_no_error (error);

  window = sam_window_new (NULL, b);
  gtk_window_present (GTK_WINDOW (window));
  /* at start */
  g_assert_true (wait_for_name (b, "Polisen", 20));

  /* the file changes: imported again */
  edit (a, "polisen", SAM_LANG_SV, "Polisen, ny version", NULL);
  g_assert_true (sam_export_to_file (a, NULL, file, NULL, &error));
  g_assert_true (wait_for_name (b, "Polisen, ny version", 20));

  /* and its records are not to be changed here */
  {
    g_autoptr(SamActor) police = sam_store_load_actor (b, "polisen", &error);
    sam_text_set (sam_actor_get_name (police), SAM_LANG_SV, "Lokal ändring");
    g_assert_false (sam_store_update_actor (b, police, &error));
    g_assert_error (error, SAM_ERROR, SAM_ERROR_FOLLOWED);
  }
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  sam_ui_test_wait_for (window == NULL);
  g_clear_object (&a);
  g_clear_object (&b);
  sam_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run under xvfb-run\n");
      return 0;
    }
  sam_ui_test_use_translations ();
  g_setenv ("SAMVERKAN_NOW", "2026-11-25T22:15:00+01:00", TRUE);
  sam_ui_test_init (&argc, &argv);
  g_test_add_func ("/import-dialog/preview-conflicts-apply", test_import_dialog);
  g_test_add_func ("/import-dialog/proposal", test_import_dialog_proposal);
  g_test_add_func ("/import-dialog/follow", test_follow);
  return g_test_run ();
}
