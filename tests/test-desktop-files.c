/* test-desktop-files.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop file, the AppStream metainfo and the settings schema as
 * built: they name the same application, icon and version, the Swedish
 * translations were merged in, and the schema has what the program reads.
 * (desktop-file-validate, appstreamcli and glib-compile-schemas check the
 * formats themselves; see tests/meson.build.)
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

static char *
build_data_path (const char *name)
{
  const char *dir = g_getenv ("SAMVERKAN_BUILD_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static GKeyFile *
load_desktop_file (void)
{
  g_autofree char *path = build_data_path (APPLICATION_ID ".desktop");
  GKeyFile *file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  return file;
}

static char *
get_entry (GKeyFile *file, const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (file, G_KEY_FILE_DESKTOP_GROUP, key, &error);

  g_assert_no_error (error);
  return value;
}

static char *
load_metainfo (void)
{
  g_autofree char *path = build_data_path (APPLICATION_ID ".metainfo.xml");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) file = load_desktop_file ();
  g_autofree char *icon = get_entry (file, "Icon");
  g_autofree char *exec = get_entry (file, "Exec");
  g_autofree char *name = get_entry (file, "Name");

  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  g_assert_cmpstr (exec, ==, "samverkan");
  g_assert_cmpstr (name, ==, "Samverkan");
}

static void
test_desktop_file_swedish (void)
{
  g_autoptr(GKeyFile) file = load_desktop_file ();
  g_autofree char *generic = g_key_file_get_locale_string (file, G_KEY_FILE_DESKTOP_GROUP,
                                                           "GenericName", "sv", NULL);
  g_autofree char *comment = g_key_file_get_locale_string (file, G_KEY_FILE_DESKTOP_GROUP,
                                                           "Comment", "sv", NULL);
  g_auto(GStrv) keywords = g_key_file_get_locale_string_list (file, G_KEY_FILE_DESKTOP_GROUP,
                                                              "Keywords", "sv", NULL, NULL);

  g_assert_cmpstr (generic, !=, "Cooperation Register");
  g_assert_cmpstr (comment, !=, "Find whom to contact when trafficking is suspected");
  g_assert_nonnull (keywords);
  g_assert_true (g_strv_contains ((const char * const *) keywords, "människohandel"));
  g_assert_true (g_strv_contains ((const char * const *) keywords, "socialtjänst"));
  g_assert_true (g_strv_contains ((const char * const *) keywords, "jour"));
}

static void
test_icons (void)
{
  const char *source = g_getenv ("SAMVERKAN_SOURCE_DIR");
  g_autofree char *app = g_build_filename (source, "data", "icons", "hicolor", "scalable",
                                           "apps", APPLICATION_ID ".svg", NULL);
  g_autofree char *symbolic = g_build_filename (source, "data", "icons", "hicolor", "symbolic",
                                                "apps", APP_ID "-symbolic.svg", NULL);

  g_assert_true (g_file_test (app, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_REGULAR));
}

static void
test_metainfo (void)
{
  g_autofree char *text = load_metainfo ();

  g_assert_nonnull (strstr (text, "<id>" APPLICATION_ID "</id>"));
  g_assert_nonnull (strstr (text, "<launchable type=\"desktop-id\">" APPLICATION_ID ".desktop</launchable>"));
  /* the newest release is this version: bump both together */
  g_assert_nonnull (strstr (text, "<release version=\"" PACKAGE_VERSION "\""));
  g_assert_nonnull (strstr (text, "<summary xml:lang=\"sv\">"));
  g_assert_nonnull (strstr (text, "<caption xml:lang=\"sv\">"));
  g_assert_nonnull (strstr (text, "<binary>samverkan-cli</binary>"));
}

static void
check_key (GSettingsSchema *schema, const char *name, const char *type, const char *value)
{
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) default_value = NULL;
  g_autofree char *printed = NULL;

  g_test_message ("key %s", name);
  g_assert_true (g_settings_schema_has_key (schema, name));
  key = g_settings_schema_get_key (schema, name);
  g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)), ==,
                   type);
  default_value = g_settings_schema_key_get_default_value (key);
  printed = g_variant_print (default_value, FALSE);
  g_assert_cmpstr (printed, ==, value);
}

static void
test_schema (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) review = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  g_autofree char *dir = build_data_path ("");
  g_autoptr(GError) error = NULL;
  const char *kind;
  guint32 min, max;

  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/samverkan/Samverkan/");
  check_key (schema, "default-area", "s", "''");
  check_key (schema, "sheet-language", "s", "'sv'");
  check_key (schema, "review-days", "u", "365");
  check_key (schema, "last-register", "s", "''");
  check_key (schema, "window-width", "i", "980");
  check_key (schema, "window-height", "i", "720");
  check_key (schema, "window-maximized", "b", "false");

  review = g_settings_schema_get_key (schema, "review-days");
  range = g_settings_schema_key_get_range (review);
  g_variant_get (range, "(&sv)", &kind, &limits);
  g_variant_get (limits, "(uu)", &min, &max);
  g_assert_cmpstr (kind, ==, "range");
  g_assert_cmpuint (min, ==, 30);
  g_assert_cmpuint (max, ==, 1095);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop-files/desktop-file", test_desktop_file);
  g_test_add_func ("/desktop-files/desktop-file-swedish", test_desktop_file_swedish);
  g_test_add_func ("/desktop-files/icons", test_icons);
  g_test_add_func ("/desktop-files/metainfo", test_metainfo);
  g_test_add_func ("/desktop-files/schema", test_schema);
  return g_test_run ();
}
