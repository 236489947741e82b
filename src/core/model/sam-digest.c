/* sam-digest.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHA-256 by nettle: GLib's GChecksum computes it in plain C at about a
 * fifth of the speed, and an import hashes every actor it reads (5 % of
 * its instructions went to GChecksum).
 */
#include "config.h"

#include <string.h>

#include "sam-digest.h"

void
sam_digest_init (SamDigest *digest)
{
  sha256_init (digest);
}

void
sam_digest_add (SamDigest *digest, const void *data, gsize length)
{
  sha256_update (digest, length, data);
}

void
sam_digest_add_field (SamDigest *digest, const char *text, char separator)
{
  if (text != NULL)
    sha256_update (digest, strlen (text), (const guint8 *) text);
  sha256_update (digest, 1, (const guint8 *) &separator);
}

char *
sam_digest_finish (SamDigest *digest)
{
  static const char hex[] = "0123456789abcdef";
  guint8 raw[SHA256_DIGEST_SIZE];
  char *text = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (digest, sizeof raw, raw);
  for (guint i = 0; i < sizeof raw; i++)
    {
      text[2 * i] = hex[raw[i] >> 4];
      text[2 * i + 1] = hex[raw[i] & 0xf];
    }
  text[2 * SHA256_DIGEST_SIZE] = '\0';
  return text;
}
