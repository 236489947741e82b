/* sam-digest.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHA-256 for the merge's content hashes and revision ids, by nettle
 * (GnuTLS's library), which uses the processor's SHA instructions where
 * there are some. Inside src/core only.
 */
#pragma once

#include <glib.h>
#include <nettle/sha2.h>

G_BEGIN_DECLS

typedef struct sha256_ctx SamDigest;

void   sam_digest_init      (SamDigest  *digest);
void   sam_digest_add       (SamDigest  *digest,
                             const void *data,
                             gsize       length);
/* Adds @text without its nul, then the byte @separator. */
void   sam_digest_add_field (SamDigest  *digest,
                             const char *text,
                             char        separator);
/* The digest in 64 lowercase hex digits, as GChecksum writes it; @digest
 * is then ready for a new one. */
char  *sam_digest_finish    (SamDigest  *digest);

G_END_DECLS
