/* loadwise-file.c: an output file written whole or not at all
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* renameat2 */

#include "core/loadwise-file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _LoadwiseAtomicFile
{
  char                    *path;
  char                    *display_path; /* what messages name */
  char                    *temp_path;
  LoadwiseAtomicFileFlags  flags;
  int                      fd;
  GError                  *failure;   /* the first write error, sticky */
  gboolean                 temp_exists;
  gboolean                 committed;
};

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

static void
set_exists_error (GError                  **error,
                  const char               *path,
                  LoadwiseAtomicFileFlags   flags)
{
  g_autofree char *name = g_filename_display_name (path);

  if (flags & LOADWISE_ATOMIC_FILE_FOLDER)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already exists and is not an empty folder; choose a new folder"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already exists; choose another name"), name);
}

static gboolean
is_empty_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Whether the target may be written, as far as can be seen now; commit
 * checks again at the rename. */
static gboolean
check_target (const char               *path,
              const char               *display_path,
              LoadwiseAtomicFileFlags   flags,
              GError                  **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (flags & LOADWISE_ATOMIC_FILE_FOLDER)
    {
      if (S_ISDIR (st.st_mode) && is_empty_folder (path))
        return TRUE;
    }
  else if (flags & LOADWISE_ATOMIC_FILE_REPLACE)
    return TRUE;

  set_exists_error (error, display_path, flags);
  return FALSE;
}

static LoadwiseAtomicFile *
atomic_file_new (const char               *path,
                 const char               *display_path,
                 LoadwiseAtomicFileFlags   flags,
                 GError                  **error)
{
  g_autoptr (LoadwiseAtomicFile) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (!((flags & LOADWISE_ATOMIC_FILE_FOLDER) && (flags & LOADWISE_ATOMIC_FILE_REPLACE)),
                        NULL);

  if (!check_target (path, display_path, flags, error))
    return NULL;

  self = g_new0 (LoadwiseAtomicFile, 1);
  self->path = g_strdup (path);
  self->display_path = g_strdup (display_path);
  self->flags = flags;
  self->fd = -1;

  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  /* Hidden, beside the target: the rename stays on one file system. */
  template = g_strdup_printf (".%s.XXXXXX", basename);
  self->temp_path = g_build_filename (folder, template, NULL);

  if (flags & LOADWISE_ATOMIC_FILE_FOLDER)
    {
      /* A new folder may be asked for inside folders not there yet. */
      if (g_mkdir_with_parents (folder, 0700) != 0 || g_mkdtemp_full (self->temp_path, 0700) == NULL)
        {
          set_errno_error (error, errno, self->display_path);
          return NULL;
        }
    }
  else
    {
      /* O_EXCL, and 0600 whatever the umask. */
      self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
      if (self->fd < 0)
        {
          set_errno_error (error, errno, self->display_path);
          return NULL;
        }
    }
  self->temp_exists = TRUE;
  return g_steal_pointer (&self);
}

LoadwiseAtomicFile *
loadwise_atomic_file_new (const char               *path,
                          LoadwiseAtomicFileFlags   flags,
                          GError                  **error)
{
  return atomic_file_new (path, path, flags, error);
}

LoadwiseAtomicFile *
loadwise_atomic_file_new_in_folder (LoadwiseAtomicFile  *folder,
                                    const char          *name,
                                    GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_path = NULL;

  g_return_val_if_fail (folder != NULL && (folder->flags & LOADWISE_ATOMIC_FILE_FOLDER), NULL);
  g_return_val_if_fail (folder->temp_exists && name != NULL && strchr (name, G_DIR_SEPARATOR) == NULL,
                        NULL);

  path = g_build_filename (folder->temp_path, name, NULL);
  display_path = g_build_filename (folder->display_path, name, NULL);
  return atomic_file_new (path, display_path, LOADWISE_ATOMIC_FILE_NONE, error);
}

const char *
loadwise_atomic_file_get_path (LoadwiseAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

const char *
loadwise_atomic_file_get_temp_path (LoadwiseAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

const GError *
loadwise_atomic_file_get_failure (LoadwiseAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->failure;
}

void
loadwise_atomic_file_set_failed (LoadwiseAtomicFile *self,
                                 const GError       *error)
{
  g_return_if_fail (self != NULL && error != NULL);

  if (self->failure == NULL)
    self->failure = g_error_copy (error);
}

gboolean
loadwise_atomic_file_write (LoadwiseAtomicFile  *self,
                            const void          *data,
                            gsize                length,
                            GError             **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);
  g_return_val_if_fail (!(self->flags & LOADWISE_ATOMIC_FILE_FOLDER), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->failure != NULL || self->fd < 0)
    {
      if (self->failure == NULL)
        set_errno_error (&self->failure, EBADF, self->display_path);
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  while (length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* A write of 0 bytes to a regular file means no room. */
          set_errno_error (&self->failure, n < 0 ? errno : ENOSPC, self->display_path);
          g_propagate_error (error, g_error_copy (self->failure));
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
loadwise_file_sync_path (const char *path,
                         int        *out_errno)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int saved = 0;

  if (fd < 0)
    saved = errno;
  else if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    /* EINVAL: a file system that cannot sync a folder; nothing to wait for. */
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (out_errno != NULL)
    *out_errno = saved;
  return saved == 0;
}

static void
remove_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

/* Moves the finished file to the target, unless something is there now:
 * the check and the rename are one step. */
int
loadwise_file_rename_no_replace (const char *from,
                                 const char *to)
{
  GStatBuf st;

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;

  /* A file system without RENAME_NOREPLACE: link() refuses an existing
   * name just as atomically. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return 0;
    }
  if (errno == EEXIST || (errno != EPERM && errno != ENOTSUP && errno != ENOSYS))
    return errno;

  /* Neither (FAT, some network file systems): the best left is to look. */
  if (g_lstat (to, &st) == 0)
    return EEXIST;
  return rename (from, to) == 0 ? 0 : errno;
}

gboolean
loadwise_atomic_file_commit (LoadwiseAtomicFile  *self,
                             GError             **error)
{
  gboolean folder;
  g_autofree char *parent = NULL;
  int saved = 0;

  g_return_val_if_fail (self != NULL && !self->committed && self->temp_exists, FALSE);

  folder = (self->flags & LOADWISE_ATOMIC_FILE_FOLDER) != 0;
  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      loadwise_atomic_file_abort (self);
      return FALSE;
    }

  /* Everything on disk before the name points at it. */
  if (folder)
    loadwise_file_sync_path (self->temp_path, &saved);
  else
    {
      if (fsync (self->fd) != 0)
        saved = errno;
      if (close (self->fd) != 0 && saved == 0 && errno != EINTR)
        saved = errno;
      self->fd = -1;
    }
  if (saved != 0)
    {
      set_errno_error (error, saved, self->display_path);
      loadwise_atomic_file_abort (self);
      return FALSE;
    }

  if (folder)
    /* rename() puts a folder in place only over nothing or an empty
     * folder: the export's rule, checked in the same step. */
    saved = rename (self->temp_path, self->path) == 0 ? 0 : errno;
  else if (self->flags & LOADWISE_ATOMIC_FILE_REPLACE)
    saved = rename (self->temp_path, self->path) == 0 ? 0 : errno;
  else
    saved = loadwise_file_rename_no_replace (self->temp_path, self->path);
  if (saved != 0)
    {
      if (saved == EEXIST || saved == ENOTEMPTY || (folder && saved == ENOTDIR))
        set_exists_error (error, self->display_path, self->flags);
      else
        set_errno_error (error, saved, self->display_path);
      loadwise_atomic_file_abort (self);
      return FALSE;
    }
  self->temp_exists = FALSE;

  /* The rename itself is on disk only once the folder is. */
  parent = g_path_get_dirname (self->path);
  if (!loadwise_file_sync_path (parent, &saved))
    {
      set_errno_error (error, saved, self->display_path);
      if (folder)
        remove_folder (self->path);
      else
        g_unlink (self->path);
      return FALSE;
    }
  self->committed = TRUE;
  return TRUE;
}

void
loadwise_atomic_file_abort (LoadwiseAtomicFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (!self->temp_exists)
    return;
  if (self->flags & LOADWISE_ATOMIC_FILE_FOLDER)
    remove_folder (self->temp_path);
  else
    g_unlink (self->temp_path);
  self->temp_exists = FALSE;
}

void
loadwise_atomic_file_free (LoadwiseAtomicFile *self)
{
  if (self == NULL)
    return;
  if (!self->committed)
    loadwise_atomic_file_abort (self);
  g_clear_error (&self->failure);
  g_free (self->path);
  g_free (self->display_path);
  g_free (self->temp_path);
  g_free (self);
}
