/* sam-minisign.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts, as minisign writes them (all base64, original alphabet):
 *   public key   "Ed" key-id[8] public-key[32]
 *   secret key   "Ed" kdf[2] "B2" salt[32] opslimit[8] memlimit[8]
 *                key-id[8] secret-key[64] checksum[32]     (kdf "\0\0": no password)
 *   signature    "ED" key-id[8] Ed25519(BLAKE2b-512(file))[64]
 *   global       Ed25519(signature[64] || trusted comment)[64]
 * The cryptography is libsodium's.
 */
#define G_LOG_DOMAIN "sam-minisign"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "sam-minisign.h"

#define PUBLIC_LEN (2 + SAM_MINISIGN_KEY_ID_LEN + crypto_sign_PUBLICKEYBYTES)
#define SECRET_LEN (2 + 2 + 2 + 32 + 8 + 8 + SAM_MINISIGN_KEY_ID_LEN + crypto_sign_SECRETKEYBYTES + 32)
#define SIGNATURE_LEN (2 + SAM_MINISIGN_KEY_ID_LEN + crypto_sign_BYTES)
#define SECRET_ID_OFFSET (2 + 2 + 2 + 32 + 8 + 8)
#define MAX_LINE 8192

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "

struct _SamMinisignKey {
  guint8 id[SAM_MINISIGN_KEY_ID_LEN];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  gboolean has_secret;
};

struct _SamMinisignHash {
  crypto_generichash_state state;
};

G_DEFINE_QUARK (sam-minisign-error-quark, sam_minisign_error)

static void
ensure_sodium (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&once, 1);
    }
}

static SamMinisignKey *
key_new (void)
{
  ensure_sodium ();
  return g_new0 (SamMinisignKey, 1);
}

void
sam_minisign_key_free (SamMinisignKey *key)
{
  if (key == NULL)
    return;
  sodium_memzero (key, sizeof *key);
  g_free (key);
}

/* Decodes exactly @length bytes of strict base64; FALSE for anything else. */
static gboolean
decode_exact (const char *line, guint8 *out, gsize length)
{
  gsize got = 0;

  return sodium_base642bin (out, length, line, strlen (line), NULL, &got, NULL,
                            sodium_base64_VARIANT_ORIGINAL) == 0 && got == length;
}

static char *
encode (const guint8 *data, gsize length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *text = g_malloc (size);

  return sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_ORIGINAL);
}

/* The lines of a small text file, without "\r"; NULL when it is too long. */
static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || strlen (text) > 4 * MAX_LINE)
    return NULL;
  lines = g_strsplit (text, "\n", 8);
  for (guint i = 0; lines[i]; i++)
    g_strchomp (lines[i]);
  return g_steal_pointer (&lines);
}

/* The base64 line of a key file: the second line after a comment, or the
 * only one. */
static const char *
key_line (char **lines)
{
  if (lines == NULL || lines[0] == NULL)
    return NULL;
  if (g_str_has_prefix (lines[0], UNTRUSTED_PREFIX))
    return lines[1];
  return lines[0];
}

static gboolean
format_error (GError **error, const char *what)
{
  g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_FORMAT, "%s", what);
  return FALSE;
}

SamMinisignKey *
sam_minisign_key_parse_public (const char *text, GError **error)
{
  g_auto(GStrv) lines = split_lines (text);
  const char *line = key_line (lines);
  guint8 raw[PUBLIC_LEN];
  g_autoptr(SamMinisignKey) key = key_new ();

  if (line == NULL || !decode_exact (line, raw, sizeof raw))
    return (format_error (error, _("This is not a minisign public key.")), NULL);
  if (memcmp (raw, "Ed", 2) != 0)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_UNSUPPORTED,
                   _("This public key is not an Ed25519 minisign key."));
      return NULL;
    }
  memcpy (key->id, raw + 2, sizeof key->id);
  memcpy (key->public_key, raw + 2 + sizeof key->id, sizeof key->public_key);
  return g_steal_pointer (&key);
}

static void
secret_checksum (const guint8 *raw, guint8 out[32])
{
  crypto_generichash_state state;

  crypto_generichash_init (&state, NULL, 0, 32);
  crypto_generichash_update (&state, raw, 2);
  crypto_generichash_update (&state, raw + SECRET_ID_OFFSET,
                             SAM_MINISIGN_KEY_ID_LEN + crypto_sign_SECRETKEYBYTES);
  crypto_generichash_final (&state, out, 32);
}

/* The secret key holds its public half: it must be the one its seed gives. */
static gboolean
secret_is_whole (const guint8 secret[crypto_sign_SECRETKEYBYTES])
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sk[crypto_sign_SECRETKEYBYTES];
  gboolean whole;

  crypto_sign_seed_keypair (pk, sk, secret);
  whole = sodium_memcmp (sk, secret, sizeof sk) == 0;
  sodium_memzero (sk, sizeof sk);
  return whole;
}

static gboolean
check_secret_header (const guint8 *raw, GError **error)
{
  static const guint8 zeros[32] = { 0 };
  guint8 sum[32];
  const guint8 *stored = raw + SECRET_LEN - 32;

  if (memcmp (raw, "Ed", 2) != 0 || memcmp (raw + 4, "B2", 2) != 0)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_UNSUPPORTED,
                   _("This secret key is not an Ed25519 minisign key."));
      return FALSE;
    }
  if (memcmp (raw + 2, "\0\0", 2) != 0)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_UNSUPPORTED,
                   _("This secret key is protected by a password, which Samverkan cannot ask "
                     "for. Make a key without one with “minisign -G -W” or “samverkan-cli "
                     "keygen”, and keep the file itself safe."));
      return FALSE;
    }
  /* minisign -W leaves the checksum empty; ours carries one */
  secret_checksum (raw, sum);
  if (memcmp (stored, zeros, 32) != 0 && sodium_memcmp (stored, sum, 32) != 0)
    return format_error (error, _("This secret key is damaged (its checksum is wrong)."));
  return TRUE;
}

SamMinisignKey *
sam_minisign_key_parse_secret (const char *text, GError **error)
{
  g_auto(GStrv) lines = split_lines (text);
  const char *line = key_line (lines);
  g_autoptr(SamMinisignKey) key = key_new ();   /* initialises libsodium */
  guint8 *raw = sodium_malloc (SECRET_LEN);
  gboolean ok;

  ok = line != NULL && decode_exact (line, raw, SECRET_LEN);
  if (!ok)
    format_error (error, _("This is not a minisign secret key."));
  ok = ok && check_secret_header (raw, error);
  if (ok)
    {
      memcpy (key->id, raw + SECRET_ID_OFFSET, sizeof key->id);
      memcpy (key->secret_key, raw + SECRET_ID_OFFSET + sizeof key->id, sizeof key->secret_key);
      crypto_sign_ed25519_sk_to_pk (key->public_key, key->secret_key);
      key->has_secret = TRUE;
      if (!secret_is_whole (key->secret_key))
        ok = format_error (error, _("This secret key is damaged (its two halves do not match)."));
    }
  sodium_free (raw);
  return ok ? g_steal_pointer (&key) : NULL;
}

static char *
load_small_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  char *contents = NULL;

  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > 4 * MAX_LINE)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_FORMAT,
                   _("%s is too large to be a key file."), path);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, error))
    return NULL;
  return contents;
}

static SamMinisignKey *
prefix_error (SamMinisignKey *key, const char *path, GError **error)
{
  if (key == NULL && error && *error)
    g_prefix_error (error, "%s: ", path);
  return key;
}

SamMinisignKey *
sam_minisign_key_load_public (const char *path, GError **error)
{
  g_autofree char *text = load_small_file (path, error);

  if (text == NULL)
    return NULL;
  return prefix_error (sam_minisign_key_parse_public (text, error), path, error);
}

SamMinisignKey *
sam_minisign_key_load_secret (const char *path, GError **error)
{
  char *text = load_small_file (path, error);
  SamMinisignKey *key;

  if (text == NULL)
    return NULL;
  key = sam_minisign_key_parse_secret (text, error);
  sodium_memzero (text, strlen (text));
  g_free (text);
  return prefix_error (key, path, error);
}

SamMinisignKey *
sam_minisign_key_generate (void)
{
  SamMinisignKey *key = key_new ();

  crypto_sign_keypair (key->public_key, key->secret_key);
  randombytes_buf (key->id, sizeof key->id);
  key->has_secret = TRUE;
  return key;
}

gboolean
sam_minisign_key_has_secret (const SamMinisignKey *key)
{
  return key->has_secret;
}

char *
sam_minisign_key_dup_id (const SamMinisignKey *key)
{
  GString *id = g_string_new (NULL);

  /* minisign prints the id as a little-endian 64-bit number */
  for (int i = SAM_MINISIGN_KEY_ID_LEN - 1; i >= 0; i--)
    g_string_append_printf (id, "%02X", key->id[i]);
  return g_string_free (id, FALSE);
}

char *
sam_minisign_key_dup_public (const SamMinisignKey *key)
{
  guint8 raw[PUBLIC_LEN];

  memcpy (raw, "Ed", 2);
  memcpy (raw + 2, key->id, sizeof key->id);
  memcpy (raw + 2 + sizeof key->id, key->public_key, sizeof key->public_key);
  return encode (raw, sizeof raw);
}

char *
sam_minisign_key_to_public_file (const SamMinisignKey *key)
{
  g_autofree char *id = sam_minisign_key_dup_id (key);
  g_autofree char *line = sam_minisign_key_dup_public (key);

  return g_strdup_printf (UNTRUSTED_PREFIX "minisign public key %s\n%s\n", id, line);
}

char *
sam_minisign_key_to_secret_file (const SamMinisignKey *key)
{
  guint8 *raw = sodium_malloc (SECRET_LEN);
  char *line, *text;

  g_return_val_if_fail (key->has_secret, NULL);
  memset (raw, 0, SECRET_LEN);
  memcpy (raw, "Ed", 2);
  memcpy (raw + 4, "B2", 2);
  memcpy (raw + SECRET_ID_OFFSET, key->id, sizeof key->id);
  memcpy (raw + SECRET_ID_OFFSET + sizeof key->id, key->secret_key, sizeof key->secret_key);
  secret_checksum (raw, raw + SECRET_LEN - 32);
  line = encode (raw, SECRET_LEN);
  text = g_strdup_printf (UNTRUSTED_PREFIX "minisign secret key, not encrypted\n%s\n", line);
  sodium_memzero (line, strlen (line));
  g_free (line);
  sodium_free (raw);
  return text;
}

/* hashing */

SamMinisignHash *
sam_minisign_hash_new (void)
{
  SamMinisignHash *hash;

  ensure_sodium ();
  hash = g_new0 (SamMinisignHash, 1);
  crypto_generichash_init (&hash->state, NULL, 0, SAM_MINISIGN_HASH_LEN);
  return hash;
}

void
sam_minisign_hash_update (SamMinisignHash *hash, const void *data, gsize length)
{
  crypto_generichash_update (&hash->state, data, length);
}

void
sam_minisign_hash_finish (SamMinisignHash *hash, guint8 digest[SAM_MINISIGN_HASH_LEN])
{
  crypto_generichash_final (&hash->state, digest, SAM_MINISIGN_HASH_LEN);
  g_free (hash);
}

void
sam_minisign_hash_free (SamMinisignHash *hash)
{
  g_free (hash);
}

static void
hash_all (const void *data, gsize length, guint8 digest[SAM_MINISIGN_HASH_LEN])
{
  SamMinisignHash *hash = sam_minisign_hash_new ();

  sam_minisign_hash_update (hash, data, length);
  sam_minisign_hash_finish (hash, digest);
}

/* signing */

static gboolean
comment_is_one_line (const char *comment, GError **error)
{
  if (comment == NULL || strchr (comment, '\n') || strchr (comment, '\r') ||
      strlen (comment) >= MAX_LINE)
    return format_error (error, _("A trusted comment must be one line."));
  return TRUE;
}

char *
sam_minisign_sign_hash (const SamMinisignKey *key,
                        const guint8          digest[SAM_MINISIGN_HASH_LEN],
                        const char           *trusted_comment,
                        GError              **error)
{
  guint8 raw[SIGNATURE_LEN];
  g_autofree guint8 *global_msg = NULL;
  guint8 global[crypto_sign_BYTES];
  gsize comment_len;
  g_autofree char *line = NULL;
  g_autofree char *global_line = NULL;

  g_return_val_if_fail (key != NULL && key->has_secret, NULL);
  if (!comment_is_one_line (trusted_comment, error))
    return NULL;
  memcpy (raw, "ED", 2);
  memcpy (raw + 2, key->id, sizeof key->id);
  crypto_sign_detached (raw + 2 + sizeof key->id, NULL, digest, SAM_MINISIGN_HASH_LEN,
                        key->secret_key);
  comment_len = strlen (trusted_comment);
  global_msg = g_malloc (crypto_sign_BYTES + comment_len);
  memcpy (global_msg, raw + 2 + sizeof key->id, crypto_sign_BYTES);
  memcpy (global_msg + crypto_sign_BYTES, trusted_comment, comment_len);
  crypto_sign_detached (global, NULL, global_msg, crypto_sign_BYTES + comment_len,
                        key->secret_key);
  line = encode (raw, sizeof raw);
  global_line = encode (global, sizeof global);
  return g_strdup_printf (UNTRUSTED_PREFIX "signature from minisign secret key\n%s\n"
                          TRUSTED_PREFIX "%s\n%s\n", line, trusted_comment, global_line);
}

char *
sam_minisign_sign (const SamMinisignKey *key,
                   const void           *data,
                   gsize                 length,
                   const char           *trusted_comment,
                   GError              **error)
{
  guint8 digest[SAM_MINISIGN_HASH_LEN];

  hash_all (data, length, digest);
  return sam_minisign_sign_hash (key, digest, trusted_comment, error);
}

/* verifying */

typedef struct {
  guint8 raw[SIGNATURE_LEN];
  guint8 global[crypto_sign_BYTES];
  char *trusted_comment;
} Signature;

static gboolean
parse_signature (const char *text, Signature *sig, GError **error)
{
  g_auto(GStrv) lines = split_lines (text);

  if (lines == NULL || g_strv_length (lines) < 4 ||
      !g_str_has_prefix (lines[0], UNTRUSTED_PREFIX) ||
      !g_str_has_prefix (lines[2], TRUSTED_PREFIX) ||
      !decode_exact (lines[1], sig->raw, sizeof sig->raw) ||
      !decode_exact (lines[3], sig->global, sizeof sig->global))
    return format_error (error, _("This is not a minisign signature."));
  if (memcmp (sig->raw, "ED", 2) != 0)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_UNSUPPORTED,
                   _("This signature is not of the prehashed kind (“ED”) that minisign makes "
                     "by default."));
      return FALSE;
    }
  sig->trusted_comment = g_strdup (lines[2] + strlen (TRUSTED_PREFIX));
  return TRUE;
}

static char *
id_to_string (const guint8 id[SAM_MINISIGN_KEY_ID_LEN])
{
  SamMinisignKey key = { 0 };

  memcpy (key.id, id, sizeof key.id);
  return sam_minisign_key_dup_id (&key);
}

char *
sam_minisign_signature_dup_key_id (const char *signature, GError **error)
{
  Signature sig = { 0 };
  char *id;

  if (!parse_signature (signature, &sig, error))
    return NULL;
  id = id_to_string (sig.raw + 2);
  g_free (sig.trusted_comment);
  return id;
}

static gboolean
check_signature (const SamMinisignKey *key,
                 const guint8          digest[SAM_MINISIGN_HASH_LEN],
                 Signature            *sig,
                 GError              **error)
{
  const guint8 *ed = sig->raw + 2 + SAM_MINISIGN_KEY_ID_LEN;
  gsize comment_len = strlen (sig->trusted_comment);
  g_autofree guint8 *global_msg = g_malloc (crypto_sign_BYTES + comment_len);

  if (memcmp (sig->raw + 2, key->id, SAM_MINISIGN_KEY_ID_LEN) != 0)
    {
      g_autofree char *theirs = id_to_string (sig->raw + 2);
      g_autofree char *ours = sam_minisign_key_dup_id (key);

      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_WRONG_KEY,
                   _("The signature was made with the key %s, not with the key %s."),
                   theirs, ours);
      return FALSE;
    }
  memcpy (global_msg, ed, crypto_sign_BYTES);
  memcpy (global_msg + crypto_sign_BYTES, sig->trusted_comment, comment_len);
  if (crypto_sign_verify_detached (ed, digest, SAM_MINISIGN_HASH_LEN, key->public_key) != 0 ||
      crypto_sign_verify_detached (sig->global, global_msg, crypto_sign_BYTES + comment_len,
                                   key->public_key) != 0)
    {
      g_set_error (error, SAM_MINISIGN_ERROR, SAM_MINISIGN_ERROR_BAD_SIGNATURE,
                   _("The signature does not match: the file or its signature has been "
                     "changed since it was signed."));
      return FALSE;
    }
  return TRUE;
}

char *
sam_minisign_verify_hash (const SamMinisignKey *key,
                          const guint8          digest[SAM_MINISIGN_HASH_LEN],
                          const char           *signature,
                          GError              **error)
{
  Signature sig = { 0 };

  g_return_val_if_fail (key != NULL && signature != NULL, NULL);
  if (!parse_signature (signature, &sig, error))
    return NULL;
  if (!check_signature (key, digest, &sig, error))
    {
      g_free (sig.trusted_comment);
      return NULL;
    }
  return sig.trusted_comment;
}

char *
sam_minisign_verify (const SamMinisignKey *key,
                     const void           *data,
                     gsize                 length,
                     const char           *signature,
                     GError              **error)
{
  guint8 digest[SAM_MINISIGN_HASH_LEN];

  hash_all (data, length, digest);
  return sam_minisign_verify_hash (key, digest, signature, error);
}
