/* loadwise-file.h: an output file written whole or not at all
 *
 * Every export goes through one LoadwiseAtomicFile: the bytes go to a new
 * temporary file beside the target (created 0600 with O_EXCL, so health
 * data is the runner's alone whatever the umask); commit checks that
 * every write succeeded, fsyncs, renames into place and fsyncs the
 * folder; abort (or freeing an uncommitted file) unlinks the temporary
 * file. A full disk, a size limit or an I/O error therefore leaves
 * nothing under the final name and nothing beside it, and a retry to the
 * same name works.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOADWISE_ATOMIC_FILE_NONE    = 0,
  /* Replace an existing file at the target (the runner agreed to it, as
   * in a file chooser). Without it an existing target is refused
   * (G_IO_ERROR_EXISTS), and the refusal holds at the rename itself, so
   * a file that appears in the meantime is never overwritten. */
  LOADWISE_ATOMIC_FILE_REPLACE = 1 << 0,
  /* The target is a new folder: the files go into a temporary folder
   * (get_temp_path) that becomes the target at commit. The target must
   * not exist or be an empty folder, checked again at the rename. */
  LOADWISE_ATOMIC_FILE_FOLDER  = 1 << 1,
} LoadwiseAtomicFileFlags;

typedef struct _LoadwiseAtomicFile LoadwiseAtomicFile;

/* Opens the temporary file (or folder) beside @path. Fails with
 * G_IO_ERROR_EXISTS when @path exists and @flags don't allow it, or with
 * the reason the temporary file could not be made. */
LoadwiseAtomicFile *loadwise_atomic_file_new           (const char               *path,
                                                        LoadwiseAtomicFileFlags   flags,
                                                        GError                  **error);
/* A file named @name inside the temporary folder of @folder (made with
 * LOADWISE_ATOMIC_FILE_FOLDER), written whole in turn; its messages name
 * it where it will be once @folder is committed. */
LoadwiseAtomicFile *loadwise_atomic_file_new_in_folder (LoadwiseAtomicFile       *folder,
                                                        const char               *name,
                                                        GError                  **error);
/* The target. */
const char         *loadwise_atomic_file_get_path      (LoadwiseAtomicFile       *self);
/* The temporary file, or the temporary folder to write the files into. */
const char         *loadwise_atomic_file_get_temp_path (LoadwiseAtomicFile       *self);

/* Writes all of @data (not with FOLDER). On failure returns FALSE with
 * the reason ("No space left on device"); the failure also sticks, so
 * commit fails with it even when the caller (a cairo stream, say) could
 * not pass it on. */
gboolean            loadwise_atomic_file_write         (LoadwiseAtomicFile       *self,
                                                        const void               *data,
                                                        gsize                     length,
                                                        GError                  **error);
/* The failure that sticks, or NULL. */
const GError       *loadwise_atomic_file_get_failure   (LoadwiseAtomicFile       *self);
/* Records a failure found by the caller, so commit refuses: @error is
 * copied. */
void                loadwise_atomic_file_set_failed    (LoadwiseAtomicFile       *self,
                                                        const GError             *error);

/* Fails with the first write error, or fsyncs, renames into place and
 * fsyncs the folder. After a failure nothing is left: not the temporary
 * file, not a partial target. Call once. */
gboolean            loadwise_atomic_file_commit        (LoadwiseAtomicFile       *self,
                                                        GError                  **error);
/* Removes the temporary file or folder (with what was written in it). */
void                loadwise_atomic_file_abort         (LoadwiseAtomicFile       *self);
/* Aborts unless committed, then frees. */
void                loadwise_atomic_file_free          (LoadwiseAtomicFile       *self);

/* fsync of a file or a folder (a folder makes the names in it durable).
 * A file system that cannot sync a folder counts as done. On failure
 * returns FALSE and sets *@out_errno (may be NULL). */
gboolean            loadwise_file_sync_path            (const char               *path,
                                                        int                      *out_errno);
/* rename() that never replaces: 0, or the errno (EEXIST when @to exists),
 * atomically where the file system allows it. */
int                 loadwise_file_rename_no_replace    (const char               *from,
                                                        const char               *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseAtomicFile, loadwise_atomic_file_free)

G_END_DECLS
