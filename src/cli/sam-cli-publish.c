/* sam-cli-publish.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * samverkan-cli publish --sign KEY [--audience A] [--area CODE…] [--kind K…] [--valid-days N] -o DIR
 * samverkan-cli keygen -o KEY
 * samverkan-cli keys add KEY.pub [--name NAME] | keys list | keys remove ID
 * samverkan-cli follow [--stop] [--trust KEY.pub] [--timeout S] URL
 */
#define G_LOG_DOMAIN "samverkan-cli"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sam-cli.h"
#include "sam-cli-publish.h"
#include "sam-errors.h"
#include "sam-fetch.h"
#include "sam-minisign.h"
#include "sam-publish.h"
#include "sam-schedule.h"
#include "sam-store-keys.h"

static int
fail (GError *error)
{
  return sam_cli_fail (error);   /* 3 busy, 4 disk full or damaged, else 2 */
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("?");
  local = g_date_time_to_timezone (time, sam_time_zone ());
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* publish */

static gboolean
parse_audience (const char *text, SamVisibility *audience, GError **error)
{
  if (text == NULL || g_str_equal (text, "professional"))
    *audience = SAM_VISIBILITY_PROFESSIONAL;
  else if (g_str_equal (text, "public"))
    *audience = SAM_VISIBILITY_PUBLIC;
  else
    {
      g_set_error (error, SAM_ERROR, SAM_ERROR_INVALID,
                   _("--audience: “%s” is not public or professional (internal contact routes "
                     "are never published)."), text);
      return FALSE;
    }
  return TRUE;
}

int
sam_cli_publish (const char *register_path, int argc, char **argv)
{
  g_auto(GStrv) areas = NULL;
  g_auto(GStrv) kinds = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *dir = NULL;
  int valid_days = SAM_PUBLISH_DEFAULT_VALID_DAYS;
  GOptionEntry entries[] = {
    { "sign", 0, 0, G_OPTION_ARG_FILENAME, &key_path, N_("The secret key to sign with (minisign format, without password)"), N_("SECRET_KEY") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience, N_("public: no professional or internal contact route; professional (the default): no internal one"), N_("AUDIENCE") },
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas, N_("Only actors serving this area or a part of it; may be repeated"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds, N_("Only actors of this kind; may be repeated"), N_("KIND") },
    { "valid-days", 0, 0, G_OPTION_ARG_INT, &valid_days, N_("Followers warn when no newer publication came within this many days (default 7)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &dir, N_("The folder to write into"), N_("DIR") },
    { NULL }
  };
  g_autoptr(SamMinisignKey) key = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  g_autofree char *size = NULL;
  g_autofree char *number = NULL;
  SamPublishOptions options;
  int status;

  if (!parse_command_line_full ("publish", "--sign SECRET_KEY -o DIR",
              _("Publish the register as signed files for a web server."),
              _("Writes DIR/register.xml (an export for professionals unless --audience public; "
                "never with internal contact routes), DIR/register.json (its number, SHA-256, "
                "size, times and publisher), a minisign signature of each (.minisig) and "
                "DIR/register.pub. Copy DIR as it is to any web server; others follow it with "
                "“samverkan-cli follow https://…/DIR/”."),
              entries, &argc, &argv, 0, 0, &status))
    return status;
  if (key_path == NULL || dir == NULL)
    {
      g_printerr (_("samverkan-cli: publish needs --sign SECRET_KEY and -o DIR.\n"));
      return EXIT_BAD_INPUT;
    }
  sam_publish_options_init (&options);
  options.filter.areas = areas;
  options.filter.kinds = kinds;
  options.valid_days = valid_days;
  if (!parse_audience (audience, &options.filter.audience, &error) ||
      (key = sam_minisign_key_load_secret (key_path, &error)) == NULL ||
      (store = open_register (register_path, FALSE, &error)) == NULL ||
      (publication = sam_publish (store, &options, key, dir, &error)) == NULL)
    return fail (error);
  until = format_time (publication->valid_until);
  size = g_format_size (publication->size);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, publication->sequence);
  g_print (_("Published %s (number %s, %s) to %s, signed with the key %s; valid until %s.\n"),
           publication->publisher, number, size, dir, publication->key_id, until);
  return EXIT_OK;
}

/* keygen */

static gboolean
write_private (const char *path, const char *text, int mode, GError **error)
{
  /* g_file_set_contents_full writes beside the target and renames: the
   * mode holds whatever the umask */
  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}

int
sam_cli_keygen (const char *register_path, int argc, char **argv)
{
  g_autofree char *path = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &path, N_("The secret key file; the public key goes to KEY.pub"), N_("KEY") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing key"), NULL },
    { NULL }
  };
  g_autoptr(SamMinisignKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pub_path = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  int status;

  if (!parse_command_line_full ("keygen", "-o KEY", _("Make a key pair to sign publications."),
              _("KEY is the secret key (readable only by you, without password: keep the file "
                "safe), KEY.pub the public key to give to those who follow you. Both are in "
                "minisign's format."),
              entries, &argc, &argv, 0, 0, &status))
    return status;
  if (path == NULL)
    {
      g_printerr (_("samverkan-cli: keygen needs -o KEY.\n"));
      return EXIT_BAD_INPUT;
    }
  pub_path = g_strconcat (path, ".pub", NULL);
  if (!force && (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (pub_path, G_FILE_TEST_EXISTS)))
    {
      g_printerr (_("samverkan-cli: %s or %s already exists; nothing was changed (--force "
                    "replaces them).\n"), path, pub_path);
      return EXIT_BAD_INPUT;
    }
  key = sam_minisign_key_generate ();
  secret = sam_minisign_key_to_secret_file (key);
  pub = sam_minisign_key_to_public_file (key);
  if (!write_private (path, secret, 0600, &error) || !write_private (pub_path, pub, 0644, &error))
    return fail (error);
  id = sam_minisign_key_dup_id (key);
  line = sam_minisign_key_dup_public (key);
  g_print (_("Made the key %s: the secret key is %s, the public key %s\n"
             "Fingerprint: %s\n"), id, path, pub_path, line);
  return EXIT_OK;
}

/* keys */

static int
keys_list (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = sam_store_keys_list (store, &error);

  if (keys == NULL)
    return fail (error);
  if (keys->len == 0)
    {
      g_printerr (_("This register trusts no publisher's key.\n"));
      return EXIT_NOTHING;
    }
  for (guint i = 0; i < keys->len; i++)
    {
      SamTrustedKey *key = g_ptr_array_index (keys, i);
      g_print ("%s  %s  %s\n", key->id, key->public_key, key->name ? key->name : "");
    }
  return EXIT_OK;
}

static int
keys_add (SamStore *store, const char *path, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMinisignKey) key = sam_minisign_key_load_public (path, &error);
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;

  if (key == NULL)
    return fail (error);
  id = sam_minisign_key_dup_id (key);
  line = sam_minisign_key_dup_public (key);
  if (!sam_store_keys_add (store, id, line, name, &error))
    return fail (error);
  g_print (_("Trusted the key %s (fingerprint %s)\n"), id, line);
  return EXIT_OK;
}

int
sam_cli_keys (const char *register_path, int argc, char **argv)
{
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Whose key it is (keys add)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line_full ("keys", "list | add KEY.pub | remove ID",
              _("The publishers' keys this register trusts."),
              _("Following a published register needs a signature by one of these keys. Compare "
                "a key's fingerprint (the “RW…” line) with the publisher before adding it."),
              entries, &argc, &argv, 1, 2, &status))
    return status;
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (g_str_equal (argv[1], "list") && argc == 2)
    return keys_list (store);
  if (g_str_equal (argv[1], "add") && argc == 3)
    return keys_add (store, argv[2], name);
  if (g_str_equal (argv[1], "remove") && argc == 3)
    {
      if (!sam_store_keys_remove (store, argv[2], &error))
        return fail (error);
      g_print (_("The key %s is no longer trusted.\n"), argv[2]);
      return EXIT_OK;
    }
  g_printerr (_("samverkan-cli: keys list | keys add KEY.pub [--name NAME] | keys remove ID\n"));
  return EXIT_BAD_INPUT;
}

/* follow URL */

static void
print_result (const SamFetchResult *result)
{
  g_autofree char *published = format_time (result->state->published);

  if (result->status == SAM_FETCH_UNCHANGED)
    g_print (_("%s: unchanged (%s, published %s)\n"), result->url, result->state->publisher,
             published);
  else
    {
      g_autofree char *counts = sam_merge_plan_describe (result->plan);
      g_print (_("%s: applied %s, published %s\n  %s\n"), result->url,
               result->state->publisher, published, counts);
    }
  if (result->stale)
    g_print (_("  The register from %s has not been updated since %s.\n"),
             result->state->publisher, published);
}

/* The key was not trusted: show what the publication offers, to compare. */
static void
explain_unknown_key (const char *url, const SamFetchOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamMinisignKey) offered = sam_fetch_offered_key (url, options, NULL, &error);

  if (offered != NULL)
    {
      g_autofree char *id = sam_minisign_key_dup_id (offered);
      g_autofree char *line = sam_minisign_key_dup_public (offered);
      g_printerr (_("The publication offers the key %s with the fingerprint\n  %s\n"), id, line);
    }
  g_printerr (_("Compare the fingerprint with the publisher (by telephone, or on their own "
                "web site), then follow with --trust KEY.pub or add the key with "
                "“samverkan-cli keys add KEY.pub”.\n"));
}

static int
follow_one (SamStore *store, const char *url, const SamFetchOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamFetchResult) result = sam_fetch_follow (store, url, options, NULL, &error);

  if (result != NULL)
    {
      print_result (result);
      return EXIT_OK;
    }
  g_printerr ("samverkan-cli: %s\n", error->message);
  if (g_error_matches (error, SAM_FETCH_ERROR, SAM_FETCH_ERROR_UNKNOWN_KEY))
    explain_unknown_key (url, options);
  else
    g_printerr (_("Nothing was changed; the last good copy stays.\n"));
  return sam_cli_exit_status (error);
}

int
sam_cli_follow_url (const char *register_path, int argc, char **argv)
{
  gboolean stop = FALSE;
  g_autofree char *trust_path = NULL;
  int timeout = SAM_FETCH_DEFAULT_TIMEOUT;
  GOptionEntry entries[] = {
    { "stop", 0, 0, G_OPTION_ARG_NONE, &stop, N_("Stop following (its records stay, and can be edited again)"), NULL },
    { "trust", 0, 0, G_OPTION_ARG_FILENAME, &trust_path, N_("Trust this public key, if it is the one that signed"), N_("KEY.pub") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up on a file after this many seconds (default 120)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trust = NULL;
  SamFetchOptions options;
  int status;

  if (!parse_command_line_full ("follow", "[--trust KEY.pub] URL",
              _("Follow a register published with “samverkan-cli publish”."),
              _("URL is the folder the publisher copied to a web server (https://, or http:// for "
                "a test server). It is applied only when signed by a trusted key, not older than "
                "the copy already applied, and whole; otherwise nothing changes."),
              entries, &argc, &argv, 1, 1, &status))
    return status;
  if (timeout < 1)
    {
      g_printerr (_("samverkan-cli: --timeout must be at least 1 second.\n"));
      return EXIT_BAD_INPUT;
    }
  store = open_register (register_path, FALSE, &error);
  if (store == NULL)
    return fail (error);
  if (stop)
    return sam_fetch_unfollow (store, argv[1], &error) ? EXIT_OK : fail (error);
  sam_fetch_options_init (&options);
  options.timeout = timeout;
  if (trust_path != NULL)
    {
      g_autoptr(SamMinisignKey) key = sam_minisign_key_load_public (trust_path, &error);

      if (key == NULL)
        return fail (error);
      options.trust = trust = sam_minisign_key_to_public_file (key);
    }
  return follow_one (store, argv[1], &options);
}

gboolean
sam_cli_args_name_url (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    if (sam_fetch_is_url (argv[i]))
      return TRUE;
  return FALSE;
}

int
sam_cli_refresh_published (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sam_store_published_list (store, &error);
  int result = EXIT_OK;

  if (list == NULL)
    return fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      SamPublishedState *state = g_ptr_array_index (list, i);

      int status = follow_one (store, state->url, NULL);

      if (status != EXIT_OK)
        result = status;
    }
  return result;
}

void
sam_cli_add_stale_problems (SamStore *store, GPtrArray *problems)
{
  g_autoptr(GDateTime) now = sam_now_local ();
  g_autoptr(GPtrArray) messages = sam_fetch_stale_messages (store, now, NULL);

  for (guint i = 0; messages && i < messages->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (messages, i)));
}
