/* sam-faults.c — an LD_PRELOAD library that makes the N-th write fail.
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way SQLite tests itself (its test VFS fails the N-th I/O call), for
 * a whole program: write, pwrite, writev, fsync, fdatasync, ftruncate,
 * rename, renameat and linkat on files under $SAMVERKAN_FAULT_DIR are
 * counted, and call number $SAMVERKAN_FAULT_AT fails with
 * $SAMVERKAN_FAULT_ERRNO (EIO or ENOSPC; EIO when unset). With
 * $SAMVERKAN_FAULT_PERSIST=1 every later call fails too, as on a full
 * disk. Pipes, terminals and files elsewhere (fontconfig's cache, the
 * locale) are not counted. At exit, "CALLS INJECTED" is written to
 * $SAMVERKAN_FAULT_REPORT: how many calls were counted, how many failed.
 * Without $SAMVERKAN_FAULT_AT nothing fails and the calls are only counted.
 */
#define _GNU_SOURCE
/* both pwrite and pwrite64 are defined here, each under its own name */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static long fault_at = -1;
static int fault_errno = EIO;
static int persist;
static const char *fault_dir;
static size_t fault_dir_len;
static const char *report_path;
static long calls;
static long injected;

#define REAL(name) static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

__attribute__ ((constructor)) static void
faults_init (void)
{
  const char *at = getenv ("SAMVERKAN_FAULT_AT");
  const char *err = getenv ("SAMVERKAN_FAULT_ERRNO");
  const char *p = getenv ("SAMVERKAN_FAULT_PERSIST");

  fault_at = at && *at ? atol (at) : -1;
  fault_errno = err && strcmp (err, "ENOSPC") == 0 ? ENOSPC : EIO;
  persist = p && *p == '1';
  fault_dir = getenv ("SAMVERKAN_FAULT_DIR");
  fault_dir_len = fault_dir ? strlen (fault_dir) : 0;
  report_path = getenv ("SAMVERKAN_FAULT_REPORT");
}

__attribute__ ((destructor)) static void
faults_report (void)
{
  char line[64];
  int fd, n;

  if (report_path == NULL)
    return;
  fd = open (report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  n = snprintf (line, sizeof line, "%ld %ld\n", calls, injected);
  {
    REAL (write);
    if (real_write (fd, line, n) != n)
      n = -1;
  }
  close (fd);
}

static int
in_dir (const char *path)
{
  return fault_dir == NULL ||
         (strncmp (path, fault_dir, fault_dir_len) == 0 &&
          (path[fault_dir_len] == '/' || path[fault_dir_len] == '\0'));
}

static int
counted_path (int dirfd, const char *path)
{
  char full[PATH_MAX];

  if (path[0] == '/')
    return in_dir (path);
  if (dirfd == AT_FDCWD)
    {
      if (getcwd (full, sizeof full) == NULL)
        return 0;
    }
  else
    {
      char proc[64];
      ssize_t n;

      snprintf (proc, sizeof proc, "/proc/self/fd/%d", dirfd);
      n = readlink (proc, full, sizeof full - 1);
      if (n < 0)
        return 0;
      full[n] = '\0';
    }
  return in_dir (full);
}

static int
counted_fd (int fd)
{
  struct stat st;
  char proc[64], target[PATH_MAX];
  ssize_t n;

  if (fstat (fd, &st) != 0 || !(S_ISREG (st.st_mode) || S_ISDIR (st.st_mode)))
    return 0;
  if (fault_dir == NULL)
    return 1;
  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  n = readlink (proc, target, sizeof target - 1);
  if (n < 0)
    return 0;
  target[n] = '\0';
  /* an unnamed O_TMPFILE file reads as "/dir/#123 (deleted)" */
  return in_dir (target);
}

/* Whether this counted call fails. */
static int
tick (void)
{
  int saved = errno;

  calls++;
  errno = saved;
  if (fault_at > 0 && (calls == fault_at || (persist && calls > fault_at)))
    {
      injected++;
      errno = fault_errno;
      return 1;
    }
  return 0;
}

#define FD_CALL(fd) do { if (counted_fd (fd) && tick ()) return -1; } while (0)

ssize_t
write (int fd, const void *buf, size_t count)
{
  REAL (write);
  FD_CALL (fd);
  return real_write (fd, buf, count);
}

ssize_t
pwrite (int fd, const void *buf, size_t count, off_t offset)
{
  REAL (pwrite);
  FD_CALL (fd);
  return real_pwrite (fd, buf, count, offset);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t count, off64_t offset)
{
  REAL (pwrite64);
  FD_CALL (fd);
  return real_pwrite64 (fd, buf, count, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int n)
{
  REAL (writev);
  FD_CALL (fd);
  return real_writev (fd, iov, n);
}

int
fsync (int fd)
{
  REAL (fsync);
  FD_CALL (fd);
  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  REAL (fdatasync);
  FD_CALL (fd);
  return real_fdatasync (fd);
}

int
ftruncate (int fd, off_t length)
{
  REAL (ftruncate);
  FD_CALL (fd);
  return real_ftruncate (fd, length);
}

int
ftruncate64 (int fd, off64_t length)
{
  REAL (ftruncate64);
  FD_CALL (fd);
  return real_ftruncate64 (fd, length);
}

int
rename (const char *from, const char *to)
{
  REAL (rename);
  if (counted_path (AT_FDCWD, to) && tick ())
    return -1;
  return real_rename (from, to);
}

int
renameat (int fromfd, const char *from, int tofd, const char *to)
{
  REAL (renameat);
  if (counted_path (tofd, to) && tick ())
    return -1;
  return real_renameat (fromfd, from, tofd, to);
}

int
linkat (int fromfd, const char *from, int tofd, const char *to, int flags)
{
  REAL (linkat);
  if (counted_path (tofd, to) && tick ())
    return -1;
  return real_linkat (fromfd, from, tofd, to, flags);
}
