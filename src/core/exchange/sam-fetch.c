/* sam-fetch.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Following a published register: what was fetched (sam-fetch-http.c)
 * is verified (the key, the signatures, the sequence, the hash), kept as
 * the local copy beside the last good one and merged into the store.
 */
#define G_LOG_DOMAIN "sam-fetch"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sam-errors.h"
#include "sam-fetch.h"
#include "sam-fetch-private.h"
#include "sam-follow.h"
#include "sam-register-xml.h"
#include "sam-schedule.h"
#include "sam-task-private.h"
#include "sam-timestamp.h"

G_DEFINE_QUARK (sam-fetch-error-quark, sam_fetch_error)

void
sam_fetch_result_free (SamFetchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_clear_pointer (&result->state, sam_published_state_free);
  g_clear_pointer (&result->plan, sam_merge_plan_free);
  g_free (result);
}

void
sam_fetch_options_init (SamFetchOptions *options)
{
  *options = (SamFetchOptions) { 0, SAM_FETCH_DEFAULT_TIMEOUT, NULL };
}

gboolean
sam_fetch_is_url (const char *text)
{
  return text != NULL &&
         (g_ascii_strncasecmp (text, "https://", 8) == 0 ||
          g_ascii_strncasecmp (text, "http://", 7) == 0);
}

char *
sam_fetch_normalize_url (const char *url, GError **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GUri) folder = NULL;

  if (uri == NULL || !sam_fetch_is_url (url) || g_uri_get_host (uri) == NULL ||
      *g_uri_get_host (uri) == '\0' || g_uri_get_query (uri) || g_uri_get_userinfo (uri))
    {
      g_set_error (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_INVALID,
                   _("“%s” is not the address of a published register (https://host/folder/)."),
                   url);
      return NULL;
    }
  path = g_strdup (g_uri_get_path (uri));
  if (g_str_has_suffix (path, "/register.xml") || g_str_has_suffix (path, "/register.json"))
    *(strrchr (path, '/') + 1) = '\0';
  else if (!g_str_has_suffix (path, "/"))
    {
      char *with_slash = g_strconcat (path, "/", NULL);
      g_free (path);
      path = with_slash;
    }
  folder = g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                        g_uri_get_port (uri), path, NULL, NULL);
  return g_uri_to_string (folder);
}

/* trust */

static gboolean
refuse (GError **error, SamFetchError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, SamFetchError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SAM_FETCH_ERROR, code, message);
  return FALSE;
}

/* The key that may have signed @signature for @url; @is_new when it comes
 * from options->trust and is not yet kept. */
static SamMinisignKey *
choose_key (SamStore *store, const char *url, const SamPublishedState *state,
            const SamFetchOptions *options, const char *signature, gboolean *is_new,
            GError **error)
{
  g_autofree char *id = sam_minisign_signature_dup_key_id (signature, NULL);
  g_autoptr(SamTrustedKey) trusted = NULL;
  g_autoptr(GError) local_error = NULL;

  *is_new = FALSE;
  if (id == NULL)
    return (refuse (error, SAM_FETCH_ERROR_TAMPERED,
                    _("The signature of %sregister.json is not a minisign signature; the "
                      "publication was refused."), url), NULL);
  if (state != NULL && g_ascii_strcasecmp (id, state->key_id) != 0)
    return (refuse (error, SAM_FETCH_ERROR_WRONG_KEY,
                    _("The register at %s is now signed with the key %s, but it is followed "
                      "with the key %s; it was refused. If the publisher has really changed "
                      "keys, stop following it and follow it again with the new key."),
                    url, id, state->key_id), NULL);
  trusted = sam_store_keys_lookup (store, id, &local_error);
  if (local_error)
    return (g_propagate_error (error, g_steal_pointer (&local_error)), NULL);
  if (trusted != NULL)
    return sam_minisign_key_parse_public (trusted->public_key, error);
  if (options->trust != NULL)
    {
      g_autoptr(SamMinisignKey) offered = sam_minisign_key_parse_public (options->trust, error);
      g_autofree char *offered_id = offered ? sam_minisign_key_dup_id (offered) : NULL;

      if (offered == NULL)
        return NULL;
      if (g_str_equal (offered_id, id))
        return (*is_new = TRUE, g_steal_pointer (&offered));
      return (refuse (error, SAM_FETCH_ERROR_WRONG_KEY,
                      _("The register at %s is signed with the key %s, not with the key %s "
                        "given to trust; it was refused."), url, id, offered_id), NULL);
    }
  return (refuse (error, SAM_FETCH_ERROR_UNKNOWN_KEY,
                  _("The register at %s is signed with the key %s, which this register does "
                    "not trust."), url, id), NULL);
}

static gboolean
has_tag (const char *trusted_comment, const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (trusted_comment, "\t", -1);

  return g_strv_contains ((const char * const *) parts, tag);
}

static SamPublication *
verify_metadata (const char *url, const SamMinisignKey *key, const char *json,
                 const char *signature, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *comment = sam_minisign_verify (key, json, strlen (json), signature,
                                                  &local_error);
  g_autoptr(SamPublication) pub = NULL;
  g_autofree char *id = NULL;

  if (comment == NULL)
    return (refuse (error, SAM_FETCH_ERROR_TAMPERED,
                    _("%sregister.json does not match its signature; it was refused (%s)"),
                    url, local_error->message), NULL);
  if (!has_tag (comment, "file:register.json"))
    return (refuse (error, SAM_FETCH_ERROR_TAMPERED,
                    _("%sregister.json carries the signature of another file; it was "
                      "refused."), url), NULL);
  pub = sam_publication_parse (json, strlen (json), error);
  if (pub == NULL)
    return NULL;
  id = sam_minisign_key_dup_id (key);
  if (g_ascii_strcasecmp (pub->key_id, id) != 0)
    return (refuse (error, SAM_FETCH_ERROR_TAMPERED,
                    _("%sregister.json names the key %s but is signed with %s; it was "
                      "refused."), url, pub->key_id, id), NULL);
  return g_steal_pointer (&pub);
}

static gboolean
check_sequence (const char *url, const SamPublishedState *state, const SamPublication *pub,
                gboolean *unchanged, GError **error)
{
  *unchanged = FALSE;
  if (state == NULL || pub->sequence > state->sequence)
    return TRUE;
  if (pub->sequence == state->sequence && g_strcmp0 (pub->sha256, state->sha256) == 0)
    return (*unchanged = TRUE);
  if (pub->sequence == state->sequence)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, pub->sequence);
      return refuse (error, SAM_FETCH_ERROR_TAMPERED,
                     _("The register at %s says it is publication number %s, which was "
                       "already applied with other contents; it was refused."), url, number);
    }
  {
    g_autofree char *was = sam_timestamp_format (pub->published);
    g_autofree char *have = state->published ? sam_timestamp_format (state->published)
                                             : g_strdup ("?");
    return refuse (error, SAM_FETCH_ERROR_ROLLBACK,
                   _("The register at %s is older (published %s) than the copy already "
                     "applied (published %s); it was refused, and the newer copy stays."),
                   url, was, have);
  }
}

/* the last good copy */

static char *
copy_dir (SamStore *store, const char *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *root = g_strconcat (sam_store_get_path (store), ".published", NULL);

  hash[16] = '\0';
  return g_build_filename (root, hash, NULL);
}

static gboolean
ensure_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  {
    int saved = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 _("Cannot make the folder %s: %s"), dir, g_strerror (saved));
    return FALSE;
  }
}

static gboolean
rename_file (const char *from, const char *to, GError **error)
{
  if (g_rename (from, to) == 0)
    return TRUE;
  {
    int saved = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 _("Could not keep a copy of the published register: %s"), g_strerror (saved));
    return FALSE;
  }
}

typedef struct {
  char *dir;
  char *copy;       /* register.xml */
  char *incoming;   /* register.xml.part */
  char *previous;   /* register.xml.prev */
} CopyPaths;

static void
copy_paths_init (CopyPaths *paths, SamStore *store, const char *url)
{
  paths->dir = copy_dir (store, url);
  paths->copy = g_build_filename (paths->dir, "register.xml", NULL);
  paths->incoming = g_build_filename (paths->dir, "register.xml.part", NULL);
  paths->previous = g_build_filename (paths->dir, "register.xml.prev", NULL);
}

static void
copy_paths_clear (CopyPaths *paths)
{
  g_unlink (paths->incoming);
  g_free (paths->dir);
  g_free (paths->copy);
  g_free (paths->incoming);
  g_free (paths->previous);
}

/* Puts the new copy in place and applies it; on failure the previous copy
 * comes back and the register is as it was (an import is all or nothing). */
static SamMergePlan *
apply_copy (SamStore *store, const CopyPaths *paths, gboolean first, GCancellable *cancellable,
            GError **error)
{
  gboolean had_copy = g_file_test (paths->copy, G_FILE_TEST_EXISTS);
  SamMergePlan *plan = NULL;

  if (had_copy && !rename_file (paths->copy, paths->previous, error))
    return NULL;
  if (!rename_file (paths->incoming, paths->copy, error))
    goto restore;
  if (first && !sam_follow_add (store, paths->copy, error))
    goto restore;
  plan = sam_follow_sync (store, paths->copy, cancellable, error);
  if (plan != NULL)
    {
      g_unlink (paths->previous);
      return plan;
    }
  if (first)
    sam_follow_remove (store, paths->copy, NULL);

restore:
  if (had_copy)
    g_rename (paths->previous, paths->copy);
  else
    g_unlink (paths->copy);
  return NULL;
}

static gboolean
keep_metadata (const CopyPaths *paths, const char *json, const char *signature, GError **error)
{
  g_autofree char *json_path = g_build_filename (paths->dir, "register.json", NULL);
  g_autofree char *sig_path = g_build_filename (paths->dir, "register.json.minisig", NULL);
  GFileSetContentsFlags flags = G_FILE_SET_CONTENTS_CONSISTENT;

  return g_file_set_contents_full (json_path, json, -1, flags, 0600, error) &&
         g_file_set_contents_full (sig_path, signature, -1, flags, 0600, error);
}

/* the whole follow */

typedef struct {
  SamStore *store;
  const char *url;
  const SamFetchOptions *options;
  Fetcher fetcher;
  SamPublishedState *state;    /* as kept, or NULL on a first follow */
  SamFetchResult *result;
  Answer answer;
  char *json;
  char *json_sig;
} Follow;

static void
follow_clear (Follow *fw)
{
  _sam_fetcher_clear (&fw->fetcher);
  g_clear_pointer (&fw->state, sam_published_state_free);
  g_clear_pointer (&fw->result, sam_fetch_result_free);
  _sam_fetch_answer_clear (&fw->answer);
  g_free (fw->json);
  g_free (fw->json_sig);
}

static gboolean
is_stale (const SamPublishedState *state)
{
  g_autoptr(GDateTime) now = sam_now_local ();

  return state->valid_until != NULL && g_date_time_compare (now, state->valid_until) > 0;
}

/* Nothing new: remember what the server said, and when. */
static SamFetchResult *
finish_unchanged (Follow *fw, GError **error)
{
  SamPublishedState *state = fw->state;

  g_clear_pointer (&state->checked, g_date_time_unref);
  state->checked = sam_now_local ();
  if (fw->answer.status == SOUP_STATUS_OK)
    {
      g_free (state->etag);
      state->etag = g_strdup (fw->answer.etag);
      g_free (state->last_modified);
      state->last_modified = g_strdup (fw->answer.last_modified);
    }
  if (!sam_store_published_set (fw->store, state, error))
    return NULL;
  fw->result->status = SAM_FETCH_UNCHANGED;
  fw->result->stale = is_stale (state);
  fw->result->state = g_steal_pointer (&fw->state);
  return g_steal_pointer (&fw->result);
}

static SamPublishedState *
new_state (Follow *fw, const SamPublication *pub, const char *copy)
{
  SamPublishedState *state = g_new0 (SamPublishedState, 1);

  state->url = g_strdup (fw->url);
  state->key_id = g_strdup (pub->key_id);
  state->copy = g_strdup (copy);
  state->sequence = pub->sequence;
  state->sha256 = g_strdup (pub->sha256);
  state->publisher = g_strdup (pub->publisher);
  state->published = g_date_time_ref (pub->published);
  state->valid_until = g_date_time_ref (pub->valid_until);
  state->etag = g_strdup (fw->answer.etag);
  state->last_modified = g_strdup (fw->answer.last_modified);
  state->checked = sam_now_local ();
  return state;
}

static gboolean
check_register (Follow *fw, const SamMinisignKey *key, const SamPublication *pub,
                const CopyPaths *paths, GCancellable *cancellable, GError **error)
{
  guint8 digest[SAM_MINISIGN_HASH_LEN];
  g_autofree char *sha256 = NULL;
  g_autofree char *sig = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(GError) local_error = NULL;
  Answer answer = { 0 };

  if (!_sam_fetch_register_xml (&fw->fetcher, pub, paths->incoming, digest, &sha256,
                                cancellable, error))
    return FALSE;
  if (!g_str_equal (sha256, pub->sha256))
    return refuse (error, SAM_FETCH_ERROR_TAMPERED,
                   _("%sregister.xml is not the register its signed metadata describes (the "
                     "SHA-256 differs); it was refused."), fw->url);
  sig = _sam_fetch_small (&fw->fetcher, "register.xml.minisig", NULL, NULL, &answer, cancellable,
                          error);
  _sam_fetch_answer_clear (&answer);
  if (sig == NULL)
    return FALSE;
  comment = sam_minisign_verify_hash (key, digest, sig, &local_error);
  if (comment == NULL)
    return refuse (error, SAM_FETCH_ERROR_TAMPERED,
                   _("%sregister.xml does not match its signature; it was refused (%s)"),
                   fw->url, local_error->message);
  return TRUE;
}

/* Fetches register.json and its signature; FALSE with nothing set in
 * @error when the server says it has not changed. */
static gboolean
fetch_metadata (Follow *fw, gboolean *not_modified, GCancellable *cancellable, GError **error)
{
  gboolean have_copy = fw->state && g_file_test (fw->state->copy, G_FILE_TEST_EXISTS);
  Answer sig_answer = { 0 };

  *not_modified = FALSE;
  fw->json = _sam_fetch_small (&fw->fetcher, "register.json",
                               have_copy ? fw->state->etag : NULL,
                               have_copy ? fw->state->last_modified : NULL,
                               &fw->answer, cancellable, error);
  if (fw->json == NULL)
    {
      *not_modified = fw->answer.status == SOUP_STATUS_NOT_MODIFIED;
      return FALSE;
    }
  fw->json_sig = _sam_fetch_small (&fw->fetcher, "register.json.minisig", NULL, NULL,
                                   &sig_answer, cancellable, error);
  _sam_fetch_answer_clear (&sig_answer);
  return fw->json_sig != NULL;
}

static SamFetchResult *
follow_run (Follow *fw, GCancellable *cancellable, GError **error)
{
  g_autoptr(SamMinisignKey) key = NULL;
  g_autoptr(SamPublication) pub = NULL;
  CopyPaths paths = { 0 };
  gboolean not_modified, unchanged, key_is_new;
  guint64 max = fw->options->max_size ? fw->options->max_size : sam_register_xml_get_max_size ();
  SamMergePlan *plan;

  if (!fetch_metadata (fw, &not_modified, cancellable, error))
    return not_modified ? finish_unchanged (fw, error) : NULL;
  key = choose_key (fw->store, fw->url, fw->state, fw->options, fw->json_sig, &key_is_new, error);
  if (key == NULL || (pub = verify_metadata (fw->url, key, fw->json, fw->json_sig, error)) == NULL)
    return NULL;
  if (!check_sequence (fw->url, fw->state, pub, &unchanged, error))
    return NULL;
  if (unchanged && g_file_test (fw->state->copy, G_FILE_TEST_EXISTS))
    return finish_unchanged (fw, error);
  if (pub->size > max)
    return (_sam_fetch_too_large (&fw->fetcher, "register.xml", max, error), NULL);
  copy_paths_init (&paths, fw->store, fw->url);
  if (!ensure_dir (paths.dir, error) ||
      !check_register (fw, key, pub, &paths, cancellable, error))
    return (copy_paths_clear (&paths), NULL);
  if (key_is_new)
    {
      g_autofree char *id = sam_minisign_key_dup_id (key);
      g_autofree char *line = sam_minisign_key_dup_public (key);

      if (!sam_store_keys_add (fw->store, id, line, pub->publisher, error))
        return (copy_paths_clear (&paths), NULL);
    }
  plan = apply_copy (fw->store, &paths, fw->state == NULL, cancellable, error);
  if (plan == NULL)
    return (copy_paths_clear (&paths), NULL);
  fw->result->plan = plan;
  fw->result->state = new_state (fw, pub, paths.copy);
  fw->result->status = SAM_FETCH_UPDATED;
  fw->result->stale = is_stale (fw->result->state);
  if (!keep_metadata (&paths, fw->json, fw->json_sig, error) ||
      !sam_store_published_set (fw->store, fw->result->state, error))
    return (copy_paths_clear (&paths), NULL);
  copy_paths_clear (&paths);
  return g_steal_pointer (&fw->result);
}

SamFetchResult *
sam_fetch_follow (SamStore              *store,
                  const char            *url,
                  const SamFetchOptions *options,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autofree char *folder = sam_fetch_normalize_url (url, error);
  g_autoptr(GError) local_error = NULL;
  SamFetchOptions defaults;
  Follow fw = { 0 };
  SamFetchResult *result;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  if (folder == NULL)
    return NULL;
  if (options == NULL)
    {
      sam_fetch_options_init (&defaults);
      options = &defaults;
    }
  fw.store = store;
  fw.url = folder;
  fw.options = options;
  fw.state = sam_store_published_get (store, folder, &local_error);
  if (local_error)
    return (g_propagate_error (error, g_steal_pointer (&local_error)), NULL);
  if (!_sam_fetcher_init (&fw.fetcher, folder, options, error))
    return NULL;
  fw.result = g_new0 (SamFetchResult, 1);
  fw.result->url = g_strdup (folder);
  result = follow_run (&fw, cancellable, error);
  if (result != NULL)
    {
      result->requests = fw.fetcher.requests;
      result->bytes = fw.fetcher.bytes;
    }
  follow_clear (&fw);
  return result;
}

/* in a thread */

typedef struct {
  char *register_path;
  char *url;
  SamFetchOptions options;
  char *trust;
} FollowJob;

static void
follow_job_free (FollowJob *job)
{
  g_free (job->register_path);
  g_free (job->url);
  g_free (job->trust);
  g_free (job);
}

static gpointer
follow_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  FollowJob *job = data;
  g_autoptr(SamStore) store = sam_store_open (job->register_path, error);

  return store ? sam_fetch_follow (store, job->url, &job->options, cancellable, error) : NULL;
}

void
sam_fetch_follow_async (const char            *register_path,
                        const char            *url,
                        const SamFetchOptions *options,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  FollowJob *job = g_new0 (FollowJob, 1);
  g_autoptr(GTask) task = _sam_task_new (NULL, cancellable, callback, user_data,
                                         sam_fetch_follow_async, job,
                                         (GDestroyNotify) follow_job_free);

  job->register_path = g_strdup (register_path);
  job->url = g_strdup (url);
  if (options)
    job->options = *options;
  else
    sam_fetch_options_init (&job->options);
  job->options.trust = job->trust = g_strdup (job->options.trust);
  _sam_task_run (task, follow_work, (GDestroyNotify) sam_fetch_result_free);
}

SamFetchResult *
sam_fetch_follow_finish (GAsyncResult *result, GError **error)
{
  return _sam_task_propagate (NULL, result, sam_fetch_follow_async, error);
}

/* the offered key */

SamMinisignKey *
sam_fetch_offered_key (const char            *url,
                       const SamFetchOptions *options,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *folder = sam_fetch_normalize_url (url, error);
  SamFetchOptions defaults;
  Fetcher f = { 0 };
  Answer answer = { 0 };
  g_autofree char *text = NULL;

  if (folder == NULL)
    return NULL;
  if (options == NULL)
    {
      sam_fetch_options_init (&defaults);
      options = &defaults;
    }
  if (!_sam_fetcher_init (&f, folder, options, error))
    return NULL;
  text = _sam_fetch_small (&f, "register.pub", NULL, NULL, &answer, cancellable, error);
  _sam_fetch_answer_clear (&answer);
  _sam_fetcher_clear (&f);
  if (text == NULL)
    return NULL;
  return sam_minisign_key_parse_public (text, error);
}

static gpointer
offered_key_work (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  return sam_fetch_offered_key (data, NULL, cancellable, error);
}

void
sam_fetch_offered_key_async (const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = _sam_task_new (NULL, cancellable, callback, user_data,
                                         sam_fetch_offered_key_async, g_strdup (url), g_free);

  _sam_task_run (task, offered_key_work, (GDestroyNotify) sam_minisign_key_free);
}

SamMinisignKey *
sam_fetch_offered_key_finish (GAsyncResult *result, GError **error)
{
  return _sam_task_propagate (NULL, result, sam_fetch_offered_key_async, error);
}

/* the rest */

/* The last good copy and its metadata go with the follow. */
static void
remove_copy (const char *copy)
{
  g_autofree char *dir = g_path_get_dirname (copy);
  const char *names[] = { "register.xml", "register.json", "register.json.minisig" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

gboolean
sam_fetch_unfollow (SamStore *store, const char *url, GError **error)
{
  g_autofree char *folder = sam_fetch_normalize_url (url, error);
  g_autoptr(SamPublishedState) state = NULL;
  g_autoptr(GError) local_error = NULL;

  if (folder == NULL)
    return FALSE;
  state = sam_store_published_get (store, folder, &local_error);
  if (state == NULL)
    {
      if (local_error)
        return (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);
      return refuse (error, SAM_FETCH_ERROR_NOT_FOLLOWED,
                     _("This register does not follow %s."), folder);
    }
  if (!sam_follow_remove (store, state->copy, &local_error))
    g_debug ("%s was not in the follow list: %s", state->copy, local_error->message);
  if (!sam_store_published_delete (store, folder, error))
    return FALSE;
  remove_copy (state->copy);
  return TRUE;
}

GPtrArray *
sam_fetch_stale_messages (SamStore *store, GDateTime *now, GError **error)
{
  g_autoptr(GPtrArray) list = sam_store_published_list (store, error);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      SamPublishedState *state = g_ptr_array_index (list, i);
      g_autofree char *since = NULL;

      if (state->valid_until == NULL || g_date_time_compare (now, state->valid_until) <= 0)
        continue;
      if (state->published)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (state->published, sam_time_zone ());
          since = g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      else
        since = g_strdup ("?");
      g_ptr_array_add (messages,
                       g_strdup_printf (_("The register from %s has not been updated since %s."),
                                        state->publisher ? state->publisher : state->url, since));
    }
  return g_steal_pointer (&messages);
}
