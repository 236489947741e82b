/* test-register-xml.c
 *
 * The XML exchange format: export → import → export gives the same bytes,
 * exports validate against data/register.xsd, and a file that is wrong or
 * hostile is refused with every problem and its line, leaving the register
 * as it was.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sam-default-register.h"
#include "sam-errors.h"
#include "sam-export-filter.h"
#include "sam-path-check.h"
#include "sam-register-xml.h"
#include "sam-test-util.h"

typedef struct {
  char *dir;
  SamStore *store;   /* an empty register */
} Fixture;



static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = sam_test_make_dir ();
  f->store = sam_test_open_store (f->dir, "register.sqlite", FALSE);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  sam_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("SAMVERKAN_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static char *
export (SamStore *store, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *xml = sam_register_xml_export_to_data (store, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  g_assert_cmpuint (*length, >, 0);
  return xml;
}

/* Writes @xml to a file in the fixture's folder and imports it. */
static gboolean
import_data (Fixture *f, SamStore *store, const char *xml, gsize length, GPtrArray *problems,
             GError **error)
{
  g_autofree char *path = g_build_filename (f->dir, "exchange.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, xml, length, NULL));
  return sam_register_xml_import (store, file, problems, NULL, error);
}

static void
load_sample (SamStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_load_sample_register (store, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  load_sample (f->store);
  first = export (f->store, &first_len);
  g_assert_true (g_str_has_prefix (first, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register"));
  g_assert_nonnull (strstr (first, "umea-socialjour"));

  g_assert_true (import_data (f, copy, first, first_len, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (sam_store_count_actors (copy), ==, 38);
  paths = sam_store_list_paths (copy, NULL);
  g_assert_cmpuint (paths->len, ==, 4);

  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

/* A step's role goes out as <role/> in format 3 and comes back the same:
 * its kind, tag, route kind and scope, or only what it has. */
static void
test_role_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(SamStepRole) national = sam_step_role_new (SAM_ACTOR_KIND_POLICE, NULL, SAM_ROLE_SCOPE_COUNTRY);
  g_autoptr(SamEscalationPath) child = NULL;
  g_autoptr(SamEscalationPath) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  load_sample (f->store);
  child = sam_store_load_path (f->store, "trafficking-child", &error);
  g_assert_no_error (error);
  sam_escalation_step_set_role (sam_escalation_path_find_step (child, "trafficking-child-s9"), national);
  g_assert_true (sam_store_update_path (f->store, child, &error));
  g_assert_no_error (error);

  first = export (f->store, &first_len);
  g_assert_nonnull (strstr (first, "version=\"4\""));
  g_assert_nonnull (strstr (first, "<role kind=\"social-services\" tag=\"socialjour\" "
                                   "route=\"on-call-phone\" scope=\"municipality\"/>"));
  g_assert_nonnull (strstr (first, "<role kind=\"police\" scope=\"country\"/>"));
  g_assert_true (import_data (f, copy, first, first_len, NULL, &error));
  g_assert_no_error (error);

  back = sam_store_load_path (copy, "trafficking-child", &error);
  g_assert_no_error (error);
  g_assert_true (sam_step_role_equal (sam_escalation_step_get_role (sam_escalation_path_find_step (back, "trafficking-child-s9")),
                                      national));
  {
    const SamStepRole *report = sam_escalation_step_get_role (sam_escalation_path_find_step (back, "trafficking-child-s5"));

    g_assert_nonnull (report);
    g_assert_cmpint (report->kind, ==, SAM_ACTOR_KIND_SOCIAL_SERVICES);
    g_assert_cmpstr (report->tag, ==, "orosanmälan");
    g_assert_false (report->has_route_kind);
    g_assert_cmpint (report->scope, ==, SAM_ROLE_SCOPE_MUNICIPALITY);
  }
  g_assert_null (sam_escalation_step_get_role (sam_escalation_path_find_step (back, "trafficking-child-s8")));
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

/* A format 2 file has no roles and reads as before; a role of an unknown
 * kind is refused with its line. */
static void
test_role_versions (void)
{
  static const char head[] =
      "<register xmlns=\"" SAM_REGISTER_XML_NS "\" version=\"%s\">"
      "<meta id=\"r\"><name xml:lang=\"sv\">R</name><name xml:lang=\"en\">R</name></meta>"
      "<actors><actor id=\"a\" kind=\"police\"><name xml:lang=\"sv\">A</name>"
      "<name xml:lang=\"en\">A</name><areas><area code=\"SE\"/></areas></actor></actors>"
      "<paths><path id=\"p\" situation=\"other\" start=\"s\"><title xml:lang=\"sv\">P</title>"
      "<title xml:lang=\"en\">P</title><step id=\"s\" kind=\"action\" actor=\"a\">"
      "<text xml:lang=\"sv\">T</text><text xml:lang=\"en\">T</text>%s</step></path></paths></register>";
  g_autofree char *old = g_strdup_printf (head, "2", "");
  g_autofree char *bad = g_strdup_printf (head, "3", "\n<role kind=\"wizard\"/>");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamRegisterData) data = NULL;
  g_autoptr(SamRegisterData) refused = NULL;
  g_autoptr(GError) error = NULL;
  SamEscalationPath *path;

  data = sam_register_xml_parse (old, strlen (old), "old.xml", NULL, &error);
  g_assert_no_error (error);
  path = g_ptr_array_index (data->paths, 0);
  g_assert_null (sam_escalation_step_get_role (sam_escalation_path_find_step (path, "s")));
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_escalation_path_find_step (path, "s")), ==, "a");

  refused = sam_register_xml_parse (bad, strlen (bad), "bad.xml", problems, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line 2"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "wizard"));
}

/* A register that has been edited, verified and has lost an actor still
 * goes through export → import → export unchanged. */
static void
test_round_trip_after_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(SamActor) actor = NULL;
  g_autoptr(GDateTime) checked = g_date_time_new_from_iso8601 ("2026-11-25T10:00:00Z", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  load_sample (f->store);
  sam_store_set_user (f->store, "Anna Berg");
  actor = sam_store_load_actor (f->store, "umea-kast", &error);
  g_assert_no_error (error);
  sam_text_set (sam_actor_get_description (actor), SAM_LANG_EN, "Counselling & advice <for> \"men\"");
  sam_actor_add_tag (actor, "köp av sex");
  g_assert_true (sam_store_update_actor (f->store, actor, &error));
  g_assert_true (sam_store_mark_verified (f->store, actor, checked, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_delete_actor (f->store, "skelleftea-kvinnojour", -1, &error));
  g_assert_no_error (error);

  first = export (f->store, &first_len);
  g_assert_null (strstr (first, "skelleftea-kvinnojour"));
  g_assert_nonnull (strstr (first, "revision=\"3\""));
  g_assert_true (import_data (f, copy, first, first_len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_store_count_actors (copy), ==, 37);
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

/* An escalation path may name an actor that has since been deleted (the
 * store allows it, and path check reports it). An export for another
 * register carries the deletion, so it imports, and the reference dangles
 * (the import warns); the register's own export reads back the same. A file
 * whose step names an actor nobody knows (not in the file, nor among its
 * deleted records) is refused with the step's line, like a step leading
 * nowhere. */
static void
test_round_trip_deleted_path_actor (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(SamStore) third = sam_test_open_store (f->dir, "third.sqlite", FALSE);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dangling = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize shared_len, first_len, second_len;
  SamExportFilter everything;
  gboolean ok;

  load_sample (f->store);
  g_assert_true (sam_store_delete_actor (f->store, "emergency-112", -1, &error));
  g_assert_no_error (error);
  sam_export_filter_init_everything (&everything);
  shared = sam_export_to_data (f->store, &everything, &shared_len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (shared, "<tombstone entity=\"actor\" id=\"emergency-112\""));
  ok = import_data (f, copy, shared, shared_len, problems, &error);
  if (error != NULL)
    g_test_message ("%s", error->message);   /* one problem a line */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ok);
  first = export (f->store, &first_len);
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
  dangling = sam_path_check_dangling (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dangling->len, >, 0);
  for (guint i = 0; i < dangling->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (dangling, i), "emergency-112"));

  /* without the deletion, the steps name an actor nobody knows */
  ok = import_data (f, third, first, first_len, problems, &error);
  g_assert_false (ok);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, dangling->len);
  for (guint i = 0; i < problems->len; i++)
    {
      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), "line "));
      g_assert_nonnull (strstr (g_ptr_array_index (problems, i), "names the actor “emergency-112”"));
    }
  g_assert_cmpint (sam_store_count_actors (third), ==, 0);
}

/* Deleting an organisation leaves its units pointing at it. Either the
 * store refuses the delete while units remain, or the export that follows
 * imports again: never a register whose own export cannot be read. */
static void
test_round_trip_deleted_parent (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;
  gboolean ok;

  load_sample (f->store);
  /* umea-kommun is the parent of umea-socialtjanst and umea-socialjour */
  if (!sam_store_delete_actor (f->store, "umea-kommun", -1, &error))
    {
      g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
      return;
    }
  first = export (f->store, &first_len);
  ok = import_data (f, copy, first, first_len, problems, &error);
  if (error != NULL)
    g_test_message ("%s", error->message);   /* one problem a line */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ok);
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

/* A new, empty register exports and imports too. */
static void
test_round_trip_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  first = export (f->store, &first_len);
  g_assert_true (import_data (f, copy, first, first_len, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_is_empty (copy));
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

static void
test_export_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *in_memory = NULL;
  g_autofree char *on_disk = NULL;
  gsize memory_len, disk_len;

  load_sample (f->store);
  /* an older file there is replaced */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (sam_register_xml_export (f->store, file, NULL, &error));
  g_assert_no_error (error);
  in_memory = export (f->store, &memory_len);
  g_assert_true (g_file_get_contents (path, &on_disk, &disk_len, NULL));
  g_assert_cmpmem (on_disk, disk_len, in_memory, memory_len);
}

static void
test_export_validates (Fixture *f, gconstpointer data)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = g_build_filename (g_getenv ("SAMVERKAN_SOURCE_DIR"), "data", "register.xsd", NULL);
  g_autofree char *path = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "--noout", "--nonet", "--schema", schema, path, NULL };
  int status = -1;
  gsize length;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  argv[0] = xmllint;
  load_sample (f->store);
  xml = export (f->store, &length);
  g_assert_true (g_file_set_contents (path, xml, length, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "validates"));
}

static void
test_import_not_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("valid-small.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) missing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  load_sample (f->store);
  before = export (f->store, &before_len);
  g_assert_false (sam_register_xml_import (f->store, file, NULL, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 38);
  missing = sam_store_load_actor (f->store, "a2", &error);
  g_assert_null (missing);
  after = export (f->store, &after_len);
  g_assert_cmpmem (after, after_len, before, before_len);
}

static void
test_import_small (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("valid-small.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamActor) jour = NULL;
  SamContactRoute *route;

  g_assert_true (sam_register_xml_import (f->store, file, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (sam_store_count_actors (f->store), ==, 2);
  jour = sam_store_load_actor (f->store, "a2", &error);
  g_assert_no_error (error);
  route = sam_actor_find_route (jour, "r2");
  g_assert_nonnull (route);
  /* values are normalised on the way in */
  g_assert_cmpstr (sam_contact_route_get_value (route), ==, "+4690163390");
  g_assert_cmpint (sam_contact_route_get_visibility (route), ==, SAM_VISIBILITY_PROFESSIONAL);
  g_assert_cmpstr (sam_text_get (sam_actor_get_name (jour), SAM_LANG_SV), ==, "Socialjouren Umeå");
}

static const char *
language_at (SamActor *actor, guint i)
{
  return g_ptr_array_index (sam_actor_get_languages (actor), i);
}

/* Format 3: an actor's source (a web page or a document, with the day it
 * was read), a route dialled from abroad shown in international form,
 * languages in the order entered, and two paths with the same step ids,
 * through import → export → import → export unchanged. */
static void
test_format3 (Fixture *f, gconstpointer data)
{
  g_autofree char *path = data_path ("valid-format3.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SamStore) copy = sam_test_open_store (f->dir, "copy.sqlite", FALSE);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamActor) police = NULL;
  g_autoptr(SamActor) jour = NULL;
  g_autoptr(SamEscalationPath) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *shown = NULL;
  gsize first_len, second_len;

  g_assert_true (sam_register_xml_import (f->store, file, problems, NULL, &error));
  g_assert_no_error (error);
  police = sam_store_load_actor (f->store, "a1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_source (police), ==, "https://polisen.se/kontakt");
  g_assert_cmpstr (sam_actor_get_source_read (police), ==, "2026-11-02");
  g_assert_cmpuint (sam_actor_get_languages (police)->len, ==, 3);
  g_assert_cmpstr (language_at (police, 0), ==, "sv");
  g_assert_cmpstr (language_at (police, 1), ==, "en");
  g_assert_cmpstr (language_at (police, 2), ==, "ar");
  g_assert_false (sam_contact_route_get_abroad (sam_actor_find_route (police, "r1")));
  g_assert_true (sam_contact_route_get_abroad (sam_actor_find_route (police, "r1-abroad")));
  shown = sam_contact_route_dup_display_value (sam_actor_find_route (police, "r1-abroad"));
  g_assert_cmpstr (shown, ==, "+46 771 14 14 00");
  jour = sam_store_load_actor (f->store, "a2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_actor_get_source (jour), ==, "Länsstyrelsens kontaktlista 2026 (PDF), sidan 4");
  g_assert_cmpstr (language_at (jour, 0), ==, "ti");
  child = sam_store_load_path (f->store, "p2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_escalation_step_get_actor_id (sam_escalation_path_find_step (child, "s2")), ==, "a2");

  first = export (f->store, &first_len);
  g_assert_nonnull (strstr (first, "version=\"4\""));
  g_assert_nonnull (strstr (first, "<source read=\"2026-11-02\">https://polisen.se/kontakt</source>"));
  g_assert_nonnull (strstr (first, "<route id=\"r1-abroad\" kind=\"phone\" visibility=\"public\" abroad=\"true\">"));
  g_assert_true (strstr (first, "<language>ti</language><language>fa</language>") ||
                 strstr (first, "<language>ti</language>\n      <language>fa</language>"));
  g_assert_true (import_data (f, copy, first, first_len, problems, &error));
  g_assert_no_error (error);
  second = export (copy, &second_len);
  g_assert_cmpmem (second, second_len, first, first_len);
}

/* Refused files */

typedef struct {
  const char *file;
  int code;              /* SamError */
  int line;              /* the line the problem is reported on; 0: any */
  const char *mentions;  /* text a problem on that line contains */
} Refused;

/* a1 is part of a2 and a2 part of a1: no organisation is at the top */
static const Refused parent_cycle = { "parent-cycle.xml", SAM_ERROR_INVALID, 0, "" };

static const Refused refused[] = {
  { "not-well-formed.xml", SAM_ERROR_INVALID, 16, "name" },
  { "wrong-root.xml", SAM_ERROR_INVALID, 2, "not a Samverkan register" },
  { "wrong-namespace.xml", SAM_ERROR_INVALID, 2, "not a Samverkan register" },
  { "missing-sv-name.xml", SAM_ERROR_INVALID, 17, "no name in Swedish" },
  { "unknown-kind.xml", SAM_ERROR_INVALID, 17, "wizard" },
  { "bad-phone.xml", SAM_ERROR_INVALID, 23, "a2-jour" },
  { "bad-hours.xml", SAM_ERROR_INVALID, 21, "08:00-16:60" },
  { "unknown-area.xml", SAM_ERROR_INVALID, 20, "9999" },
  { "duplicate-actor-id.xml", SAM_ERROR_INVALID, 17, "a1" },
  { "duplicate-route-id.xml", SAM_ERROR_INVALID, 22, "r1" },
  { "missing-step.xml", SAM_ERROR_INVALID, 31, "s9" },
  { "answer-both.xml", SAM_ERROR_INVALID, 34, "s1" },
  { "xinclude.xml", SAM_ERROR_INVALID, 4, "name" },
  { "xxe.xml", SAM_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "billion-laughs.xml", SAM_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "external-dtd.xml", SAM_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "newer-version.xml", SAM_ERROR_INVALID, 2, "newer" },
  { "empty.xml", SAM_ERROR_INVALID, 0, "" },
  { "declaration-only.xml", SAM_ERROR_INVALID, 0, "" },
};

/* Text of /etc/passwd that must never show in a message. */
static char *
passwd_first_line (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/etc/passwd", &contents, NULL, NULL) || *contents == '\0')
    return g_strdup ("root:x:0:0");
  return g_strndup (contents, strcspn (contents, "\n"));
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  const Refused *r = data;
  g_autofree char *path = data_path (r->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = passwd_first_line ();
  g_autofree char *prefix = g_strdup_printf ("line %d: ", r->line);
  gboolean on_line = FALSE;

  g_assert_false (sam_register_xml_import (f->store, file, problems, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, SAM_ERROR, r->code);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      /* the error carries every problem */
      g_assert_nonnull (strstr (error->message, problem));
      g_assert_null (strstr (problem, secret));
      if ((r->line == 0 || g_str_has_prefix (problem, prefix)) && strstr (problem, r->mentions))
        on_line = TRUE;
    }
  g_assert_true (on_line);
  g_assert_null (strstr (error->message, secret));
  /* nothing was imported */
  g_assert_true (sam_store_is_empty (f->store));
}

/* Every problem in a file is reported, each on its own line: here four
 * that only import's own checks see (a file the schema refuses is listed
 * by the schema's problems, and its records are not read further). */
static void
test_all_problems (Fixture *f, gconstpointer data)
{
  static const struct { int line; const char *mentions; } expected[] = {
    { 17, "unit of itself" },  /* a unit of itself */
    { 21, "08:00-08:00" },   /* hours that end when they start */
    { 23, "12345" },         /* a route's phone number */
    { 31, "s7" },            /* an answer leading nowhere */
  };
  g_autofree char *path = data_path ("three-problems.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_register_xml_import (f->store, file, problems, NULL, &error));
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, >=, G_N_ELEMENTS (expected));
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      g_autofree char *prefix = g_strdup_printf ("line %d: ", expected[e].line);
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len; i++)
        found |= g_str_has_prefix (g_ptr_array_index (problems, i), prefix) &&
                 strstr (g_ptr_array_index (problems, i), expected[e].mentions) != NULL;
      g_assert_true (found);
    }
  g_assert_true (sam_store_is_empty (f->store));
}

/* Parsing from memory: a problem list may be left out, and the data of a
 * good file comes back whole. */
static void
test_parse (void)
{
  g_autofree char *path = data_path ("valid-small.xml");
  g_autofree char *xml = NULL;
  g_autoptr(SamRegisterData) data = NULL;
  g_autoptr(SamRegisterData) bad = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
  data = sam_register_xml_parse (xml, length, "valid-small.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpstr (data->meta.id, ==, "test-register");
  g_assert_cmpuint (data->actors->len, ==, 2);
  g_assert_cmpuint (data->paths->len, ==, 1);

  bad = sam_register_xml_parse ("<register", 9, "cut.xml", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, SAM_ERROR, SAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cut.xml"));
}

/* Format 1 closed an actor on holidays unless a PH rule opened it; format 2
 * reads hours as OpenStreetMap does. The same hours in each. */
static char *
hours_after_parse (const char *version, const char *hours)
{
  g_autofree char *xml = g_strdup_printf (
      "<register xmlns=\"" SAM_REGISTER_XML_NS "\" version=\"%s\">"
      "<meta id=\"r\"><name xml:lang=\"sv\">R</name><name xml:lang=\"en\">R</name></meta>"
      "<actors><actor id=\"a\" kind=\"police\"><name xml:lang=\"sv\">A</name>"
      "<name xml:lang=\"en\">A</name><areas><area code=\"SE\"/></areas>"
      "<hours>%s</hours></actor></actors></register>", version, hours);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamRegisterData) data = sam_register_xml_parse (xml, strlen (xml), "h.xml", NULL, &error);

  g_assert_no_error (error);
  return sam_schedule_to_string (sam_actor_get_hours (g_ptr_array_index (data->actors, 0)));
}

static void
test_hours_format_versions (void)
{
  g_autofree char *v1 = hours_after_parse ("1", "Mo-Fr 08:00-16:30");
  g_autofree char *v2 = hours_after_parse ("2", "Mo-Fr 08:00-16:30");
  g_autofree char *v1_ph = hours_after_parse ("1", "Mo-Fr 08:00-16:30; PH 10:00-12:00");
  g_autofree char *v1_always = hours_after_parse ("1", "24/7");

  g_assert_cmpstr (v1, ==, "Mo-Fr 08:00-16:30; PH off");
  g_assert_cmpstr (v2, ==, "Mo-Fr 08:00-16:30");
  g_assert_cmpstr (v1_ph, ==, "Mo-Fr 08:00-16:30; PH 10:00-12:00");
  g_assert_cmpstr (v1_always, ==, "24/7");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/register-xml/round-trip", test_round_trip);
  ADD ("/register-xml/role-round-trip", test_role_round_trip);
  ADD ("/register-xml/round-trip-after-edits", test_round_trip_after_edits);
  ADD ("/register-xml/round-trip-empty", test_round_trip_empty);
  ADD ("/register-xml/export-file", test_export_file);
  ADD ("/register-xml/export-validates", test_export_validates);
  ADD ("/register-xml/import-not-empty", test_import_not_empty);
  ADD ("/register-xml/import-small", test_import_small);
  ADD ("/register-xml/format3", test_format3);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *name = g_strdup_printf ("/register-xml/refused-%.*s", (int) strlen (refused[i].file) - 4,
                                               refused[i].file);
      g_test_add (name, Fixture, &refused[i], set_up, test_refused, tear_down);
    }
  ADD ("/register-xml/all-problems", test_all_problems);
  g_test_add_func ("/register-xml/parse", test_parse);
  g_test_add_func ("/register-xml/role-versions", test_role_versions);
  g_test_add_func ("/register-xml/hours-format-versions", test_hours_format_versions);
  /* these show bugs in src/core; last, so that an abort hides nothing */
  ADD ("/register-xml/round-trip-deleted-path-actor", test_round_trip_deleted_path_actor);
  ADD ("/register-xml/round-trip-deleted-parent", test_round_trip_deleted_parent);
  g_test_add ("/register-xml/refused-parent-cycle", Fixture, &parent_cycle, set_up, test_refused, tear_down);
#undef ADD

  return g_test_run ();
}
