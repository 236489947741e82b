/* sam-publish.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sam-publish"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sam-errors.h"
#include "sam-publish.h"
#include "sam-register-xml.h"
#include "sam-schedule.h"
#include "sam-task-private.h"
#include "sam-timestamp.h"

void
sam_publication_free (SamPublication *publication)
{
  if (publication == NULL)
    return;
  g_free (publication->register_id);
  g_free (publication->register_name);
  g_free (publication->sha256);
  g_free (publication->audience);
  g_clear_pointer (&publication->published, g_date_time_unref);
  g_clear_pointer (&publication->valid_until, g_date_time_unref);
  g_free (publication->publisher);
  g_free (publication->key_id);
  g_free (publication);
}

/* register.json */

static gboolean
bad_field (const char *field, GError **error)
{
  g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
               _("The publication's metadata (register.json) has no valid “%s”."), field);
  return FALSE;
}

static gboolean
get_int (JsonObject *object, const char *field, gint64 min, gint64 *out, GError **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < min)
    return bad_field (field, error);
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_string (JsonObject *object, const char *field, char **out, GError **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING || *json_node_get_string (node) == '\0')
    return bad_field (field, error);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_time (JsonObject *object, const char *field, GDateTime **out, GError **error)
{
  g_autofree char *text = NULL;

  if (!get_string (object, field, &text, error))
    return FALSE;
  *out = sam_timestamp_parse (text);
  return *out != NULL || bad_field (field, error);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
read_fields (JsonObject *o, SamPublication *p, GError **error)
{
  g_autofree char *format = NULL;
  gint64 size = 0;

  if (!get_string (o, "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, SAM_PUBLISH_FORMAT))
    return bad_field ("format", error);
  if (!get_int (o, "format_version", 1, &p->format_version, error))
    return FALSE;
  if (p->format_version > SAM_PUBLISH_FORMAT_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, p->format_version);
      g_set_error (error, SAM_ERROR, SAM_ERROR_NEWER_FORMAT,
                   _("The publication is of a newer format (%s) than this version of Samverkan "
                     "reads."), version);
      return FALSE;
    }
  if (!get_string (o, "register_id", &p->register_id, error) ||
      !get_int (o, "register_version", 0, &p->register_version, error) ||
      !get_int (o, "sequence", 1, &p->sequence, error) ||
      !get_string (o, "sha256", &p->sha256, error) ||
      !get_int (o, "size", 0, &size, error) ||
      !get_string (o, "audience", &p->audience, error) ||
      !get_time (o, "published", &p->published, error) ||
      !get_time (o, "valid_until", &p->valid_until, error) ||
      !get_string (o, "publisher", &p->publisher, error) ||
      !get_string (o, "key_id", &p->key_id, error))
    return FALSE;
  p->size = size;
  if (!is_sha256 (p->sha256))
    return bad_field ("sha256", error);
  if (!g_str_equal (p->audience, "public") && !g_str_equal (p->audience, "professional"))
    return bad_field ("audience", error);
  if (json_object_has_member (o, "register_name"))
    get_string (o, "register_name", &p->register_name, NULL);
  return TRUE;
}

SamPublication *
sam_publication_parse (const char *json, gsize length, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SamPublication) publication = g_new0 (SamPublication, 1);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length > SAM_PUBLISH_SMALL_FILE_MAX ||
      !json_parser_load_from_data (parser, json, length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("The publication's metadata (register.json) is not a JSON object."));
      return NULL;
    }
  if (!read_fields (json_node_get_object (root), publication, error))
    return NULL;
  return g_steal_pointer (&publication);
}

char *
sam_publication_to_json (const SamPublication *p)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *published = sam_timestamp_format (p->published);
  g_autofree char *valid_until = sam_timestamp_format (p->valid_until);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SAM_PUBLISH_FORMAT);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, p->format_version);
  json_builder_set_member_name (b, "register_id");
  json_builder_add_string_value (b, p->register_id);
  if (p->register_name)
    {
      json_builder_set_member_name (b, "register_name");
      json_builder_add_string_value (b, p->register_name);
    }
  json_builder_set_member_name (b, "register_version");
  json_builder_add_int_value (b, p->register_version);
  json_builder_set_member_name (b, "sequence");
  json_builder_add_int_value (b, p->sequence);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, p->sha256);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, (gint64) p->size);
  json_builder_set_member_name (b, "audience");
  json_builder_add_string_value (b, p->audience);
  json_builder_set_member_name (b, "published");
  json_builder_add_string_value (b, published);
  json_builder_set_member_name (b, "valid_until");
  json_builder_add_string_value (b, valid_until);
  json_builder_set_member_name (b, "publisher");
  json_builder_add_string_value (b, p->publisher);
  json_builder_set_member_name (b, "key_id");
  json_builder_add_string_value (b, p->key_id);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

gboolean
sam_publication_is_expired (const SamPublication *publication, GDateTime *now)
{
  return g_date_time_compare (now, publication->valid_until) > 0;
}

/* publishing */

void
sam_publish_options_init (SamPublishOptions *options)
{
  *options = (SamPublishOptions) { { 0 }, SAM_PUBLISH_DEFAULT_VALID_DAYS, NULL };
  /* professional, as every export by default */
  sam_export_filter_init (&options->filter);
}

static gboolean
check_options (const SamPublishOptions *options, SamStore *store, GError **error)
{
  if (options->filter.audience != SAM_VISIBILITY_PUBLIC &&
      options->filter.audience != SAM_VISIBILITY_PROFESSIONAL)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("A publication is for the public or for professionals: internal contact "
                     "routes are never published."));
      return FALSE;
    }
  if (options->valid_days < 1 || options->valid_days > 366)
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--valid-days: %d is not between 1 and 366."), options->valid_days);
      return FALSE;
    }
  return sam_export_filter_check (&options->filter, store, error);
}

/* The export, in memory: it is hashed and signed as one. */
static GBytes *
export_bytes (SamStore *store, const SamExportFilter *filter, GError **error)
{
  g_autoptr(SamRegisterData) data = sam_export_collect (store, filter, error);
  g_autoptr(GOutputStream) stream = NULL;

  if (data == NULL)
    return NULL;
  stream = g_memory_output_stream_new_resizable ();
  if (!sam_register_xml_write_data (data, stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Published files are for a web server to read: 0644, not the register's
 * 0600. Written beside the target, flushed and renamed (GLib's
 * g_file_set_contents_full). */
static gboolean
write_file (const char *dir, const char *name, const void *data, gsize length, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/* Larger than any sequence published into @dir before, and than now in
 * seconds, so that a publisher who starts a new folder still goes forward. */
static gint64
next_sequence (const char *dir, GDateTime *now)
{
  g_autofree char *path = g_build_filename (dir, "register.json", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 sequence = g_date_time_to_unix (now);

  if (g_file_get_contents (path, &text, &length, NULL))
    {
      g_autoptr(SamPublication) before = sam_publication_parse (text, length, NULL);

      if (before != NULL && before->sequence >= sequence)
        sequence = before->sequence + 1;
    }
  return sequence;
}

static void
fill_from_meta (SamPublication *p, const SamRegisterMeta *meta, const char *publisher)
{
  const char *name = sam_text_get_best (&meta->name, SAM_LANG_SV, NULL);

  p->register_id = g_strdup (meta->id);
  p->register_name = g_strdup (name);
  p->register_version = meta->version;
  p->publisher = g_strdup (publisher ? publisher
                           : meta->owner && *meta->owner ? meta->owner
                           : name ? name : _("Unnamed register"));
}

static SamPublication *
describe (SamStore *store, const SamPublishOptions *options, const SamMinisignKey *key,
          GBytes *xml, const char *dir, GError **error)
{
  SamRegisterMeta meta = { 0 };
  SamPublication *p;

  if (!sam_store_get_meta (store, &meta, error))
    return NULL;
  p = g_new0 (SamPublication, 1);
  fill_from_meta (p, &meta, options->publisher);
  sam_register_meta_clear (&meta);
  p->format_version = SAM_PUBLISH_FORMAT_VERSION;
  p->published = sam_now_local ();
  p->valid_until = g_date_time_add_days (p->published, options->valid_days);
  p->sequence = next_sequence (dir, p->published);
  p->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
  p->size = g_bytes_get_size (xml);
  p->audience = g_strdup (options->filter.audience == SAM_VISIBILITY_PUBLIC ? "public"
                                                                            : "professional");
  p->key_id = sam_minisign_key_dup_id (key);
  return p;
}

static gboolean
write_signed (const char *dir, const char *name, const SamMinisignKey *key, gint64 sequence,
              GDateTime *when, const void *data, gsize length, GError **error)
{
  g_autofree char *comment = g_strdup_printf ("timestamp:%" G_GINT64_FORMAT "\tfile:%s\t"
                                              "sequence:%" G_GINT64_FORMAT,
                                              g_date_time_to_unix (when), name, sequence);
  g_autofree char *sig = sam_minisign_sign (key, data, length, comment, error);
  g_autofree char *sig_name = g_strconcat (name, ".minisig", NULL);

  /* the signature first: a reader that sees the new file finds its signature */
  return sig != NULL &&
         write_file (dir, sig_name, sig, strlen (sig), error) &&
         write_file (dir, name, data, length, error);
}

SamPublication *
sam_publish (SamStore                *store,
             const SamPublishOptions *options,
             const SamMinisignKey    *key,
             const char              *dir,
             GError                 **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(SamPublication) publication = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pub = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store) && options && key && dir, NULL);
  if (!sam_minisign_key_has_secret (key))
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("Publishing needs the secret key; this is a public key."));
      return NULL;
    }
  if (!check_options (options, store, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot make the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  xml = export_bytes (store, &options->filter, error);
  if (xml == NULL)
    return NULL;
  publication = describe (store, options, key, xml, dir, error);
  if (publication == NULL)
    return NULL;
  json = sam_publication_to_json (publication);
  pub = sam_minisign_key_to_public_file (key);
  if (!write_file (dir, "register.pub", pub, strlen (pub), error) ||
      !write_signed (dir, "register.xml", key, publication->sequence, publication->published,
                     g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), error) ||
      !write_signed (dir, "register.json", key, publication->sequence, publication->published,
                     json, strlen (json), error))
    return NULL;
  return g_steal_pointer (&publication);
}

/* in a thread */

typedef struct {
  char *register_path;
  SamPublishOptions options;
  GStrv areas, kinds, paths;
  char *publisher;
  char *key_path;
  char *dir;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_free (job->register_path);
  g_strfreev (job->areas);
  g_strfreev (job->kinds);
  g_strfreev (job->paths);
  g_free (job->publisher);
  g_free (job->key_path);
  g_free (job->dir);
  g_free (job);
}

static gpointer
publish_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  PublishJob *job = data;
  g_autoptr(SamMinisignKey) key = sam_minisign_key_load_secret (job->key_path, error);
  g_autoptr(SamStore) store = key ? sam_store_open (job->register_path, error) : NULL;

  return store ? sam_publish (store, &job->options, key, job->dir, error) : NULL;
}

void
sam_publish_async (const char              *register_path,
                   const SamPublishOptions *options,
                   const char              *secret_key_path,
                   const char              *dir,
                   GCancellable            *cancellable,
                   GAsyncReadyCallback      callback,
                   gpointer                 user_data)
{
  PublishJob *job = g_new0 (PublishJob, 1);
  g_autoptr(GTask) task = _sam_task_new (NULL, cancellable, callback, user_data,
                                         sam_publish_async, job,
                                         (GDestroyNotify) publish_job_free);

  job->register_path = g_strdup (register_path);
  job->options = *options;
  job->options.filter.areas = job->areas = g_strdupv (options->filter.areas);
  job->options.filter.kinds = job->kinds = g_strdupv (options->filter.kinds);
  job->options.filter.paths = job->paths = g_strdupv (options->filter.paths);
  job->options.publisher = job->publisher = g_strdup (options->publisher);
  job->key_path = g_strdup (secret_key_path);
  job->dir = g_strdup (dir);
  _sam_task_run (task, publish_work, (GDestroyNotify) sam_publication_free);
}

SamPublication *
sam_publish_finish (GAsyncResult *result, GError **error)
{
  return _sam_task_propagate (NULL, result, sam_publish_async, error);
}
