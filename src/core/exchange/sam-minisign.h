/* sam-minisign.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and signatures in the minisign format (Ed25519 through libsodium),
 * so that `minisign -V` checks what we sign and a key made by
 * `minisign -G -W` signs here. Signatures are the prehashed kind ("ED",
 * BLAKE2b-512 of the file, minisign's default since 0.8) with a trusted
 * comment covered by the global signature. Secret keys are read when they
 * carry no password (minisign -W, or our own keygen).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SAM_MINISIGN_ERROR (sam_minisign_error_quark ())

typedef enum {
  SAM_MINISIGN_ERROR_FORMAT,       /* not a key or signature file of this format */
  SAM_MINISIGN_ERROR_UNSUPPORTED,  /* another algorithm, or a password-protected key */
  SAM_MINISIGN_ERROR_WRONG_KEY,    /* signed by another key than the one given */
  SAM_MINISIGN_ERROR_BAD_SIGNATURE,/* the signature does not match the data */
} SamMinisignError;

GQuark sam_minisign_error_quark (void);

#define SAM_MINISIGN_KEY_ID_LEN 8
#define SAM_MINISIGN_HASH_LEN   64

typedef struct _SamMinisignKey SamMinisignKey;

/* A new key pair. */
SamMinisignKey *sam_minisign_key_generate        (void);
/* "untrusted comment: …\nRW…\n", or the base64 line alone. */
SamMinisignKey *sam_minisign_key_parse_public    (const char      *text,
                                                  GError         **error);
SamMinisignKey *sam_minisign_key_parse_secret    (const char      *text,
                                                  GError         **error);
SamMinisignKey *sam_minisign_key_load_public     (const char      *path,
                                                  GError         **error);
SamMinisignKey *sam_minisign_key_load_secret     (const char      *path,
                                                  GError         **error);
void            sam_minisign_key_free            (SamMinisignKey  *key);
gboolean        sam_minisign_key_has_secret      (const SamMinisignKey *key);
/* 16 upper-case hex digits, as minisign prints it ("1E7148C495D86CFB"). */
char           *sam_minisign_key_dup_id          (const SamMinisignKey *key);
/* The public key as one base64 line ("RWT…"), what `minisign -P` takes:
 * the whole identity of the key, to read out to a publisher. */
char           *sam_minisign_key_dup_public      (const SamMinisignKey *key);
/* The contents of KEY.pub and KEY (the secret one, without password). */
char           *sam_minisign_key_to_public_file  (const SamMinisignKey *key);
char           *sam_minisign_key_to_secret_file  (const SamMinisignKey *key);

/* BLAKE2b-512 of a stream of bytes, the prehash of an "ED" signature. */
typedef struct _SamMinisignHash SamMinisignHash;

SamMinisignHash *sam_minisign_hash_new           (void);
void             sam_minisign_hash_update        (SamMinisignHash *hash,
                                                  const void      *data,
                                                  gsize            length);
/* Writes the digest and frees @hash. */
void             sam_minisign_hash_finish        (SamMinisignHash *hash,
                                                  guint8           digest[SAM_MINISIGN_HASH_LEN]);
void             sam_minisign_hash_free          (SamMinisignHash *hash);

/* The text of a .minisig file for data whose prehash is @digest.
 * @trusted_comment is one line without newline. */
char           *sam_minisign_sign_hash           (const SamMinisignKey *key,
                                                  const guint8     digest[SAM_MINISIGN_HASH_LEN],
                                                  const char      *trusted_comment,
                                                  GError         **error);
char           *sam_minisign_sign                (const SamMinisignKey *key,
                                                  const void      *data,
                                                  gsize            length,
                                                  const char      *trusted_comment,
                                                  GError         **error);
/* The key id a .minisig file names (unverified: to look the key up). */
char           *sam_minisign_signature_dup_key_id (const char     *signature,
                                                   GError        **error);
/* Checks both the signature over @digest and the global signature over the
 * trusted comment; returns the trusted comment, or NULL with @error set. */
char           *sam_minisign_verify_hash         (const SamMinisignKey *key,
                                                  const guint8     digest[SAM_MINISIGN_HASH_LEN],
                                                  const char      *signature,
                                                  GError         **error);
char           *sam_minisign_verify              (const SamMinisignKey *key,
                                                  const void      *data,
                                                  gsize            length,
                                                  const char      *signature,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMinisignKey, sam_minisign_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMinisignHash, sam_minisign_hash_free)

G_END_DECLS
