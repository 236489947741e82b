/* sam-bench-gen.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synthetic register the benchmarks run on.
 */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writes a register of @n actors in the exchange format to @out, streamed.
 * Actor i (a000001 …) depends only on @seed and i, never on @n, so the
 * first thousand actors of a 100,000-actor file are the 1,000-actor file.
 * Returns FALSE when writing fails (errno is set). */
gboolean sam_bench_write_register (FILE    *out,
                                   guint    n,
                                   guint64  seed);

/* Same, to a file; the file is written next to @path and renamed. */
gboolean sam_bench_generate_file  (const char *path,
                                   guint       n,
                                   guint64     seed,
                                   GError    **error);

G_END_DECLS
