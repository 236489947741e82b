/* sam-sandbox.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers and the Flatpak sandbox. A register is an SQLite file with its
 * -wal, -shm and .backups/ beside it; the document portal, through which
 * the file chooser hands a sandboxed app a file from outside, gives the
 * file alone, and SQLite fails there ("unable to open database file"). A
 * register picked that way is copied into the app's own folder and the
 * copy is opened (README.md, "Flatpak").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the app runs in a Flatpak sandbox: /.flatpak-info exists
 * ($SAMVERKAN_FLATPAK_INFO names another file, for tests). */
gboolean  sam_sandbox_is_flatpak           (void);

/* The folder the document portal serves files from:
 * $SAMVERKAN_DOCUMENT_PORTAL, else $XDG_RUNTIME_DIR/doc (the same path
 * inside the sandbox and outside it). */
char     *sam_sandbox_dup_portal_dir       (void);

/* Whether @path (absolute) lies inside @portal_dir. */
gboolean  sam_sandbox_path_is_portal_in    (const char *path,
                                            const char *portal_dir);
/* The same for the portal folder of this session. */
gboolean  sam_sandbox_path_is_portal       (const char *path);

/* The app's own folder for registers copied in:
 * $XDG_DATA_HOME/samverkan/registers (under Flatpak, inside ~/.var/app). */
char     *sam_sandbox_dup_registers_dir    (void);

/* Where a register picked at @portal_path is copied: its name in the
 * registers folder, "-2", "-3" … added when that name is taken. */
char     *sam_sandbox_dup_copy_path        (const char *portal_path);

G_END_DECLS
