/* sam-errors.h
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors of the register itself (validation, the store, the exchange
 * format); phone numbers and schedules have domains of their own. */
#define SAM_ERROR (sam_error_quark ())

typedef enum {
  SAM_ERROR_INVALID,        /* a value a person typed or a file gave is wrong */
  SAM_ERROR_NOT_FOUND,      /* no such actor, route or path */
  SAM_ERROR_STALE,          /* someone else changed the record since it was read */
  SAM_ERROR_READ_ONLY,      /* the register file cannot be written */
  SAM_ERROR_BUSY,           /* another program holds the register (SQLITE_BUSY, _LOCKED) */
  SAM_ERROR_DATABASE,       /* SQLite failed; the message says how */
  SAM_ERROR_NEWER_FORMAT,   /* made by a newer Samverkan */
  SAM_ERROR_NOT_EMPTY,      /* import into a register that already has data */
  SAM_ERROR_UNSAFE,         /* a file that tries to load entities or other files */
  SAM_ERROR_CONFLICT,       /* a merge has conflicts nobody decided */
  SAM_ERROR_FOLLOWED,       /* the record belongs to a register this one follows */
  SAM_ERROR_NO_SPACE,       /* the disk is full (SQLITE_FULL, ENOSPC) */
  SAM_ERROR_IO,             /* the disk failed to read or write (SQLITE_IOERR, EIO) */
  SAM_ERROR_DAMAGED,        /* the register fails its integrity check (SQLITE_CORRUPT) */
  SAM_ERROR_NOT_REGISTER,   /* the file is not a Samverkan register */
} SamError;

GQuark sam_error_quark (void);

G_END_DECLS
