/* sam-register-xml-import.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing an exchange file into an empty register. A reader thread
 * reads the file as a stream, parses, validates and checks it and hands
 * the actors over in batches; this thread writes them into the one transaction as they come.
 * The transaction commits only when the whole file has been read without
 * a problem, so the import stays all or nothing.
 */
#define G_LOG_DOMAIN "sam-register-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-errors.h"
#include "sam-merge.h"
#include "sam-merge-private.h"
#include "sam-register-xml.h"
#include "sam-register-xml-private.h"
#include "sam-store-sync.h"

/* Actors a batch, and batches read ahead of the writer at most: enough
 * to keep both threads busy, few enough that memory stays small. */
#define BATCH_SIZE 256
#define MAX_PENDING 16

typedef struct {
  GPtrArray *actors;   /* of SamActor */
  GPtrArray *hashes;   /* each actor's merge hash (sam_merge_hash_actor), NULL when
                        * the file gives its history */
} Batch;

typedef struct {
  GMutex lock;
  GCond cond;
  GQueue full;         /* of Batch, oldest first */
  GQueue spent;        /* of Batch, written: the reader frees them */
  gboolean done;       /* the reader has finished */
  gboolean stopped;    /* the writer wants no more */

  /* the reader's own */
  GInputStream *in;
  const char *filename;
  Report *report;
  SamRegisterData *data;
  Batch *filling;
  gboolean read_ok;
} Import;

static Batch *
batch_new (void)
{
  Batch *batch = g_new (Batch, 1);

  batch->actors = g_ptr_array_new_full (BATCH_SIZE, g_object_unref);
  batch->hashes = g_ptr_array_new_full (BATCH_SIZE, g_free);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->actors);
  g_ptr_array_unref (batch->hashes);
  g_free (batch);
}

static void
free_batches (GQueue *batches)
{
  Batch *batch;

  while ((batch = g_queue_pop_head (batches)) != NULL)
    batch_free (batch);
}

/* Reader: FALSE when the writer has stopped. The batches the writer is
 * done with are freed here, by the thread that made them: freed by the
 * writer, each of their thousands of blocks went back to the reader's
 * malloc arena under its lock, against the reader's own allocations. */
static gboolean
send_batch (Import *import)
{
  Batch *batch = g_steal_pointer (&import->filling);
  GQueue spent = G_QUEUE_INIT;
  gboolean stopped;

  g_mutex_lock (&import->lock);
  while (!import->stopped && import->full.length >= MAX_PENDING)
    g_cond_wait (&import->cond, &import->lock);
  stopped = import->stopped;
  if (!stopped)
    g_queue_push_tail (&import->full, batch);
  spent = import->spent;
  g_queue_init (&import->spent);
  g_cond_broadcast (&import->cond);
  g_mutex_unlock (&import->lock);
  free_batches (&spent);
  if (stopped)
    batch_free (batch);
  return !stopped;
}

/* Writer: hands a written batch back to be freed. */
static void
return_batch (Import *import, Batch *batch)
{
  g_mutex_lock (&import->lock);
  g_queue_push_tail (&import->spent, batch);
  g_mutex_unlock (&import->lock);
}

static gboolean
take_actor (SamActor *actor, int line, gpointer user_data)
{
  Import *import = user_data;

  if (import->filling == NULL)
    import->filling = batch_new ();
  /* hashed here, beside the writer: the root of an ancestry the file
   * does not give (a file from another register gives it) */
  g_ptr_array_add (import->filling->hashes,
                   _sam_merge_carries_history (_sam_record_get_ancestry (actor))
                   ? NULL : sam_merge_hash_actor (actor, SAM_VISIBILITY_INTERNAL));
  g_ptr_array_add (import->filling->actors, actor);
  return import->filling->actors->len < BATCH_SIZE || send_batch (import);
}

static gpointer
read_file (gpointer user_data)
{
  Import *import = user_data;

  import->read_ok = _sam_register_xml_read_stream (import->in, import->filename, import->report,
                                                   import->data, take_actor, import);
  if (import->read_ok && import->filling != NULL)
    import->read_ok = send_batch (import);
  g_clear_pointer (&import->filling, batch_free);
  g_mutex_lock (&import->lock);
  import->done = TRUE;
  g_cond_broadcast (&import->cond);
  g_mutex_unlock (&import->lock);
  return NULL;
}

/* Writer: the next batch, or NULL when the reader is done. */
static Batch *
next_batch (Import *import)
{
  Batch *batch;

  g_mutex_lock (&import->lock);
  while (import->full.length == 0 && !import->done)
    g_cond_wait (&import->cond, &import->lock);
  batch = g_queue_pop_head (&import->full);
  g_cond_broadcast (&import->cond);
  g_mutex_unlock (&import->lock);
  return batch;
}

static void
stop_reader (Import *import)
{
  g_mutex_lock (&import->lock);
  import->stopped = TRUE;
  g_cond_broadcast (&import->cond);
  g_mutex_unlock (&import->lock);
}

/* Each record's ancestry as the file gives it (its root, when it gives
 * none), and its owner: as the file says, else the file's source, else
 * this register. */
static gboolean
note_ancestry (SamStore *store, const SamRegisterData *data, const char *entity, gpointer record,
               const char *hash, GError **error)
{
  g_autoptr(SamAncestry) ancestry = _sam_merge_incoming_ancestry (_sam_record_get_ancestry (record),
                                                                  data->source, hash);
  const char *id = g_str_equal (entity, "path") ? sam_escalation_path_get_id (record)
                                                : sam_actor_get_id (record);

  return _sam_store_put_ancestry (store, entity, id, ancestry, error);
}

static gboolean
write_batch (SamStoreImport *writer, Import *import, Batch *batch, GError **error)
{
  SamStore *store = _sam_store_import_get_store (writer);

  for (guint i = 0; i < batch->actors->len; i++)
    {
      SamActor *actor = g_ptr_array_index (batch->actors, i);

      if (!_sam_store_import_actor (writer, actor, error) ||
          !note_ancestry (store, import->data, "actor", actor, g_ptr_array_index (batch->hashes, i),
                          error))
        return FALSE;
    }
  return TRUE;
}

static const char *
source_of (const SamRegisterData *data)
{
  return data->source ? data->source : data->meta.id ? data->meta.id : "unknown";
}

/* The paths, the file's source and the rest of what it said, then commit. */
static gboolean
finish (SamStoreImport *writer, SamRegisterData *data, const char *file_name, GError **error)
{
  SamStore *store = _sam_store_import_get_store (writer);
  const char *source = source_of (data);

  if (!_sam_store_put_source (store, data, source, file_name, error))
    goto fail;
  for (guint i = 0; i < data->paths->len; i++)
    {
      SamEscalationPath *path = g_ptr_array_index (data->paths, i);
      g_autofree char *hash = _sam_merge_carries_history (_sam_record_get_ancestry (path))
                              ? NULL : sam_merge_hash_path (path);

      if (!note_ancestry (store, data, "path", path, hash, error))
        goto fail;
    }
  return _sam_store_import_finish (writer, &data->meta, data->paths, error);

fail:
  _sam_store_import_abort (writer);
  return FALSE;
}

gboolean
sam_register_xml_import (SamStore      *store,
                         GFile         *file,
                         GPtrArray     *problems,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamRegisterData) data = sam_register_data_new ();
  g_autoptr(GError) write_error = NULL;
  /* into an empty register: a step's actor can only be in the file */
  Report report = { .problems = problems ? problems : own, .actors_in_file = TRUE };
  Import import = { 0, };
  SamStoreImport *writer;
  GThread *thread;
  Batch *batch;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);

  if ((in = sam_register_xml_open_file (file, cancellable, error)) == NULL ||
      (writer = _sam_store_import_begin (store, error)) == NULL)
    return FALSE;

  g_mutex_init (&import.lock);
  g_cond_init (&import.cond);
  import.in = in;
  import.filename = name;
  import.report = &report;
  import.data = data;
  /* the schema is parsed once, here, before a second thread needs it */
  _sam_register_xml_prepare ();
  thread = g_thread_new ("sam-import-reader", read_file, &import);
  while ((batch = next_batch (&import)) != NULL)
    {
      if (write_error == NULL &&
          !g_cancellable_set_error_if_cancelled (cancellable, &write_error))
        write_batch (writer, &import, batch, &write_error);
      if (write_error != NULL)
        stop_reader (&import);
      return_batch (&import, batch);
    }
  g_thread_join (thread);
  free_batches (&import.spent);
  g_mutex_clear (&import.lock);
  g_cond_clear (&import.cond);

  if (write_error == NULL && !import.read_ok)
    {
      _sam_xml_set_problems_error (error, name, &report);
      _sam_store_import_abort (writer);
      return FALSE;
    }
  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      _sam_store_import_abort (writer);
      return FALSE;
    }
  return finish (writer, data, name, error);
}
