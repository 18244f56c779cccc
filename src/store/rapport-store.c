/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rapport-contact-private.h"
#include "rapport-record-private.h"
#include "rapport-store.h"
#include "rapport-text.h"

#define DEFAULT_SAVE_DELAY_MS 400

struct _RapportStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;

  /* SQL text (static strings) → prepared statement, kept for the connection's life */
  GHashTable *statements;

  /* GType → (id → the one live object for that row, held weakly); a row
   * is never represented by two objects, so every view sees every edit.
   * The three below point into it. */
  GHashTable *caches;
  GHashTable *contacts;
  GHashTable *clippings;

  /* Records edited since the last write, held strongly until written. */
  GHashTable *dirty;
  guint       save_source;
  guint       save_delay_ms;

  /* Rows deleted in this session whose deletion can still be undone. */
  GHashTable *deleted_contacts;
  GHashTable *deleted_clippings;

  GHashTable *appointments;
  GHashTable *deleted_appointments;

  /* Merges whose Undo is still offered (MergeRecord), oldest first. */
  GPtrArray  *merges;
};

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

typedef struct _MergeRecord MergeRecord;
static void merge_record_free (MergeRecord *record);

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark quark_contacts;
static GQuark quark_clippings;
static GQuark quark_appointments;
static GQuark quark_questions;
static GQuark quark_interviews;
static GQuark quark_action_items;

G_DEFINE_QUARK (rapport-store-error-quark, rapport_store_error)

/* Migrations: index i brings the schema from version i to i + 1. Never edit
 * one that has shipped; add a new one. */
static const char *migrations[] = {
  /* 0 → 1: contacts and clippings */
  "CREATE TABLE contacts ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  organization  TEXT NOT NULL DEFAULT '',"
  "  job_title     TEXT NOT NULL DEFAULT '',"
  "  field         TEXT NOT NULL DEFAULT '',"
  "  email         TEXT NOT NULL DEFAULT '',"
  "  phone         TEXT NOT NULL DEFAULT '',"
  "  profile_url   TEXT NOT NULL DEFAULT '',"
  "  source        TEXT NOT NULL DEFAULT 'other',"
  "  source_detail TEXT NOT NULL DEFAULT '',"
  "  referred_by   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  stage         TEXT NOT NULL DEFAULT 'to-contact',"
  "  notes         TEXT NOT NULL DEFAULT '',"
  "  created       INTEGER NOT NULL,"
  "  updated       INTEGER NOT NULL,"
  "  deleted       INTEGER"
  ");"
  "CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE);"
  "CREATE INDEX contacts_organization ON contacts (organization COLLATE NOCASE);"
  "CREATE INDEX contacts_stage ON contacts (stage);"
  "CREATE INDEX contacts_source ON contacts (source);"
  "CREATE INDEX contacts_updated ON contacts (updated);"
  "CREATE INDEX contacts_referred_by ON contacts (referred_by);"
  "CREATE TABLE clippings ("
  "  id        INTEGER PRIMARY KEY,"
  "  title     TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind      TEXT NOT NULL DEFAULT 'web',"
  "  url       TEXT NOT NULL DEFAULT '',"
  "  date      TEXT NOT NULL DEFAULT '',"
  "  notes     TEXT NOT NULL DEFAULT '',"
  "  created   INTEGER NOT NULL,"
  "  updated   INTEGER NOT NULL,"
  "  deleted   INTEGER"
  ");"
  "CREATE INDEX clippings_date ON clippings (date);"
  "CREATE TABLE clipping_contacts ("
  "  clipping_id INTEGER NOT NULL REFERENCES clippings (id) ON DELETE CASCADE,"
  "  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (clipping_id, contact_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX clipping_contacts_contact ON clipping_contacts (contact_id);",

  /* 1 → 2: appointments and what happened to them */
  "CREATE TABLE appointments ("
  "  id          INTEGER PRIMARY KEY,"
  "  uid         TEXT NOT NULL UNIQUE,"
  "  kind        TEXT NOT NULL DEFAULT 'interview',"
  "  contact_id  INTEGER REFERENCES contacts (id) ON DELETE CASCADE,"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  start       INTEGER,"
  "  duration    INTEGER NOT NULL DEFAULT 30 CHECK (duration > 0),"
  "  place       TEXT NOT NULL DEFAULT '',"
  "  mode        TEXT NOT NULL DEFAULT 'in-person',"
  "  status      TEXT NOT NULL DEFAULT 'requested',"
  "  their_tz    TEXT NOT NULL DEFAULT '',"
  "  notes       TEXT NOT NULL DEFAULT '',"
  "  created     INTEGER NOT NULL,"
  "  updated     INTEGER NOT NULL,"
  "  deleted     INTEGER,"
  "  CHECK (kind != 'interview' OR contact_id IS NOT NULL)"
  ");"
  "CREATE INDEX appointments_start ON appointments (start);"
  "CREATE INDEX appointments_contact ON appointments (contact_id);"
  "CREATE TABLE appointment_changes ("
  "  id             INTEGER PRIMARY KEY,"
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,"
  "  changed        INTEGER NOT NULL,"
  "  old_start      INTEGER,"
  "  new_start      INTEGER,"
  "  old_status     TEXT,"
  "  new_status     TEXT"
  ");"
  "CREATE INDEX appointment_changes_appointment ON appointment_changes (appointment_id);",

  /* 2 → 3: the question bank, interview notes and action items. Built-in
   * questions are rows with a stable key; their text comes from the
   * translation unless the student wrote their own. */
  "CREATE TABLE questions ("
  "  id        INTEGER PRIMARY KEY,"
  "  key       TEXT UNIQUE,"
  "  category  TEXT NOT NULL,"
  "  text      TEXT NOT NULL DEFAULT '',"
  "  position  INTEGER NOT NULL DEFAULT 0,"
  "  hidden    INTEGER NOT NULL DEFAULT 0,"
  "  created   INTEGER NOT NULL,"
  "  updated   INTEGER NOT NULL,"
  "  CHECK (key IS NOT NULL OR length(trim(text)) > 0)"
  ");"
  "CREATE TABLE interviews ("
  "  id             INTEGER PRIMARY KEY,"
  "  appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,"
  "  goals          TEXT NOT NULL DEFAULT '',"
  "  notebook       TEXT NOT NULL DEFAULT '',"
  "  checklist      INTEGER NOT NULL DEFAULT 0,"
  "  got_card       INTEGER NOT NULL DEFAULT 0,"
  "  elapsed        INTEGER NOT NULL DEFAULT 0,"
  "  created        INTEGER NOT NULL,"
  "  updated        INTEGER NOT NULL"
  ");"
  "CREATE TABLE prompts ("
  "  id           INTEGER PRIMARY KEY,"
  "  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,"
  "  question_id  INTEGER NOT NULL REFERENCES questions (id),"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  notes        TEXT NOT NULL DEFAULT '',"
  "  created      INTEGER NOT NULL,"
  "  updated      INTEGER NOT NULL,"
  "  UNIQUE (interview_id, question_id)"
  ");"
  "CREATE INDEX prompts_interview ON prompts (interview_id, position);"
  "CREATE TABLE action_items ("
  "  id           INTEGER PRIMARY KEY,"
  "  interview_id INTEGER REFERENCES interviews (id) ON DELETE CASCADE,"
  "  contact_id   INTEGER REFERENCES contacts (id) ON DELETE CASCADE,"
  "  kind         TEXT NOT NULL DEFAULT 'other',"
  "  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  due          INTEGER,"
  "  done         INTEGER NOT NULL DEFAULT 0,"
  "  created      INTEGER NOT NULL,"
  "  updated      INTEGER NOT NULL"
  ");"
  "CREATE INDEX action_items_interview ON action_items (interview_id);"
  "CREATE INDEX action_items_contact ON action_items (contact_id);",

  /* 3 → 4: thank-you notes sent, and reminders already announced (so none
   * is announced twice, also across restarts). */
  "ALTER TABLE interviews ADD COLUMN thanked INTEGER;"
  "CREATE TABLE reminders ("
  "  key           TEXT PRIMARY KEY,"
  "  delivered     INTEGER NOT NULL,"
  "  snoozed_until INTEGER,"
  "  redelivered   INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;",

  /* 4 → 5: evaluations, one answer per evaluation topic */
  "ALTER TABLE interviews ADD COLUMN evaluated INTEGER;"
  "CREATE TABLE evaluation_answers ("
  "  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,"
  "  topic        TEXT NOT NULL,"
  "  answer       TEXT NOT NULL DEFAULT 'not-yet',"
  "  text         TEXT NOT NULL DEFAULT '',"
  "  rating       INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  updated      INTEGER NOT NULL,"
  "  PRIMARY KEY (interview_id, topic)"
  ") WITHOUT ROWID;",

  /* 5 → 6: finding the people an import already has, quickly */
  "CREATE INDEX contacts_email ON contacts (lower(email)) WHERE email != '';"
  "CREATE INDEX contacts_profile_url ON contacts (profile_url) WHERE profile_url != '';"
  "CREATE INDEX contacts_name_org ON contacts (lower(name), lower(organization));",

  /* 6 → 7: startup with a large database. The contact list's default
   * order (contact_order_by(), by name) read every row of the table to
   * skip deleted ones; an index in exactly that order holding only the rows
   * it shows answers it alone. Deleted rows are few: small partial indexes
   * let the purge at startup find them without scanning the tables. */
  "DROP INDEX IF EXISTS contacts_name;"
  "CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE, id) WHERE deleted IS NULL;"
  "CREATE INDEX IF NOT EXISTS contacts_deleted ON contacts (deleted) WHERE deleted IS NOT NULL;"
  "CREATE INDEX IF NOT EXISTS appointments_deleted ON appointments (deleted) WHERE deleted IS NOT NULL;"
  "CREATE INDEX IF NOT EXISTS clippings_deleted ON clippings (deleted) WHERE deleted IS NOT NULL;",

  /* 7 → 8: evaluation topics the student chose to take to the next
   * interview before one was planned; they become its first questions. */
  "CREATE TABLE carried_topics ("
  "  topic   TEXT PRIMARY KEY,"
  "  created INTEGER NOT NULL"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAPPORT_STORE_SCHEMA_VERSION);

#define CONTACT_COLUMNS \
  "id, name, organization, job_title, field, email, phone, profile_url, source, " \
  "source_detail, referred_by, stage, notes, created, updated"

#define CLIPPING_COLUMNS "id, title, kind, url, date, notes, created, updated"

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
set_sqlite_error (RapportStore  *self,
                  int            rc,
                  GError       **error)
{
  int primary = rc & 0xff;
  RapportStoreError code;

  switch (primary)
    {
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      code = RAPPORT_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = RAPPORT_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = RAPPORT_STORE_ERROR_INVALID;
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so the change was not saved. Free some space and try again."));
      return FALSE;
    case SQLITE_IOERR:
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_DISK_FULL,
                   /* Translators: %s is SQLite's own description of the problem */
                   _("The change could not be written to the disk (%s), so it was not saved. "
                     "Check that the disk has free space and try again."),
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_BUSY,
                           _("Another program is using Rapport's data, perhaps a second copy of Rapport, "
                             "so the change was not saved. Close it and try again."));
      return FALSE;
    default:
      code = RAPPORT_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, RAPPORT_STORE_ERROR, code,
               /* Translators: %s is SQLite's own description of the problem */
               _("The database could not be changed: %s"),
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

static sqlite3_stmt *
prepare (RapportStore  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (RapportStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
exec (RapportStore  *self,
      const char    *sql,
      GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
begin (RapportStore  *self,
       GError       **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (RapportStore  *self,
        GError       **error)
{
  if (exec (self, "COMMIT", error))
    return TRUE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
rollback (RapportStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text ? text : "", -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static void
emit_changed (RapportStore *self,
              GQuark        detail)
{
  g_signal_emit (self, signals[CHANGED], detail);
}

/* SQL function rapport_contains(haystack, folded_needle) for search as you type. */
static void
sql_contains (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  const char *haystack = (const char *)sqlite3_value_text (argv[0]);
  const char *needle = (const char *)sqlite3_value_text (argv[1]);

  sqlite3_result_int (ctx, rapport_text_contains (haystack, needle));
}

/* Record cache and autosave */

static void on_record_notify (RapportRecord *record,
                              GParamSpec    *pspec,
                              RapportStore  *self);

/* Each kind of record has its own id → object cache. */
static GHashTable *
cache_for_type (RapportStore *self,
                GType         type)
{
  GHashTable *cache = g_hash_table_lookup (self->caches, GSIZE_TO_POINTER (type));

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->caches, GSIZE_TO_POINTER (type), cache);
    }

  return cache;
}

static GHashTable *
cache_for (RapportStore  *self,
           RapportRecord *record)
{
  return cache_for_type (self, G_OBJECT_TYPE (record));
}

/* A cache entry's key, which the record's weak reference also points at,
 * so a finalized record is found by its id, not by a walk of the cache. */
typedef struct
{
  gint64      id;      /* first: the hash table hashes &id */
  GHashTable *cache;
} TrackedKey;

static void
on_record_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  TrackedKey *key = data;

  g_hash_table_remove (key->cache, &key->id);
}

static void
track_record (RapportStore  *self,
              RapportRecord *record)
{
  GHashTable *cache = cache_for (self, record);
  TrackedKey *key = g_new (TrackedKey, 1);
  gpointer old_key, old_record;

  key->id = rapport_record_get_id (record);
  key->cache = cache;
  if (g_hash_table_lookup_extended (cache, &key->id, &old_key, &old_record))
    {
      g_object_weak_unref (old_record, on_record_finalized, old_key);
      g_signal_handlers_disconnect_by_func (old_record, on_record_notify, self);
      g_hash_table_remove (cache, &key->id);
    }
  g_hash_table_insert (cache, &key->id, record);
  g_object_weak_ref (G_OBJECT (record), on_record_finalized, key);
  g_signal_connect (record, "notify", G_CALLBACK (on_record_notify), self);
}

/* The id and times of a record just read: its "updated" column follows
 * its "created" one in every SELECT here. */
static void
set_read (RapportRecord *record,
          gint64         id,
          sqlite3_stmt  *stmt,
          int            created_column)
{
  rapport_record_set_id (record, id);
  rapport_record_set_created (record, sqlite3_column_int64 (stmt, created_column));
  rapport_record_set_updated (record, sqlite3_column_int64 (stmt, created_column + 1));
}

/* The id and times of a record just inserted, as the last row written. */
static void
set_inserted (RapportStore  *self,
              RapportRecord *record,
              gint64         now)
{
  rapport_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  rapport_record_set_created (record, now);
  rapport_record_set_updated (record, now);
}

/* A record whose row was just written: nothing of it waits for an autosave. */
static void
set_saved (RapportStore  *self,
           RapportRecord *record,
           gint64         now)
{
  g_hash_table_remove (self->dirty, record);
  rapport_record_set_updated (record, now);
}

/* The cached object for a row, if one is alive. */
static gpointer
lookup_record (RapportStore *self,
               GType         type,
               gint64        id)
{
  return g_hash_table_lookup (cache_for_type (self, type), &id);
}

static void
untrack_all (RapportStore *self,
             GHashTable   *cache)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_signal_handlers_disconnect_by_func (value, on_record_notify, self);
      g_object_weak_unref (value, on_record_finalized, key);
    }
  g_hash_table_remove_all (cache);
}

static gboolean
save_record (RapportStore   *self,
             RapportRecord  *record,
             GError        **error)
{
  if (RAPPORT_IS_CONTACT (record))
    return rapport_store_save_contact (self, RAPPORT_CONTACT (record), error);
  if (RAPPORT_IS_APPOINTMENT (record))
    return rapport_store_save_appointment (self, RAPPORT_APPOINTMENT (record), error);
  if (RAPPORT_IS_PROMPT (record))
    return rapport_store_save_prompt (self, RAPPORT_PROMPT (record), error);
  if (RAPPORT_IS_INTERVIEW (record))
    return rapport_store_save_interview (self, RAPPORT_INTERVIEW (record), error);
  if (RAPPORT_IS_QUESTION (record))
    return rapport_store_save_question (self, RAPPORT_QUESTION (record), error);
  if (RAPPORT_IS_ACTION_ITEM (record))
    return rapport_store_save_action_item (self, RAPPORT_ACTION_ITEM (record), error);
  return rapport_store_save_clipping (self, RAPPORT_CLIPPING (record), error);
}

/**
 * rapport_store_flush:
 *
 * Writes every edit that is still waiting for its autosave. Call it before
 * quitting. Each record is written in its own transaction, so one record that
 * cannot be saved does not hold back the others.
 *
 * Returns: %FALSE if any record could not be written
 */
gboolean
rapport_store_flush (RapportStore  *self,
                     GError       **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) first_error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (g_hash_table_size (self->dirty) == 0)
    return TRUE;

  pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (pending, key);
      g_hash_table_iter_steal (&iter);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      RapportRecord *record = g_ptr_array_index (pending, i);
      g_autoptr(GError) local_error = NULL;

      if (!save_record (self, record, &local_error))
        {
          g_debug ("Could not save record %" G_GINT64_FORMAT ": %s",
                     rapport_record_get_id (record), local_error->message);
          /* Retry a write that failed for a passing reason at the next
           * edit; a record that is invalid stays as it is in memory. */
          if (!g_error_matches (local_error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID))
            g_hash_table_add (self->dirty, g_object_ref (record));
          g_signal_emit (self, signals[SAVE_FAILED], 0, local_error);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_save_timeout (gpointer data)
{
  RapportStore *self = data;

  self->save_source = 0;
  rapport_store_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_record_notify (RapportRecord *record,
                  GParamSpec    *pspec,
                  RapportStore  *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (!(pspec->flags & G_PARAM_WRITABLE))
    return;
  if (g_str_equal (name, "id") || g_str_equal (name, "created") || g_str_equal (name, "updated"))
    return;

  if (!g_hash_table_contains (self->dirty, record))
    g_hash_table_add (self->dirty, g_object_ref (record));

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay_ms, on_save_timeout, self);
}

/**
 * rapport_store_has_pending:
 *
 * Returns: whether edits are waiting to be written
 */
gboolean
rapport_store_has_pending (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return g_hash_table_size (self->dirty) > 0;
}

/**
 * rapport_store_set_save_delay:
 *
 * Sets how long an edit waits before it is written, so that typing a word
 * is one write and not one per key.
 */
void
rapport_store_set_save_delay (RapportStore *self,
                              guint         msec)
{
  g_return_if_fail (RAPPORT_IS_STORE (self));

  self->save_delay_ms = msec;
}

/* GObject */

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = (RapportStore *)object;

  if (self->db != NULL)
    rapport_store_flush (self, NULL);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  if (self->caches != NULL)
    {
      GHashTableIter iter;
      gpointer cache;

      g_hash_table_iter_init (&iter, self->caches);
      while (g_hash_table_iter_next (&iter, NULL, &cache))
        untrack_all (self, cache);
    }
  g_clear_pointer (&self->caches, g_hash_table_unref);
  g_clear_pointer (&self->deleted_appointments, g_hash_table_unref);
  g_clear_pointer (&self->merges, g_ptr_array_unref);

  g_clear_pointer (&self->deleted_contacts, g_hash_table_unref);
  g_clear_pointer (&self->deleted_clippings, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_store_finalize;

  quark_contacts = g_quark_from_static_string ("contacts");
  quark_clippings = g_quark_from_static_string ("clippings");
  quark_appointments = g_quark_from_static_string ("appointments");
  quark_questions = g_quark_from_static_string ("questions");
  quark_interviews = g_quark_from_static_string ("interviews");
  quark_action_items = g_quark_from_static_string ("action-items");

  /**
   * RapportStore::changed:
   *
   * Emitted after a write has been committed. The detail says which kind of
   * row changed: "contacts", "clippings" (both for a link between them) or
   * "appointments".
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RapportStore::save-failed:
   * @error: what went wrong
   *
   * Emitted when an autosave could not be written, so the window can say so.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rapport_store_init (RapportStore *self)
{
  self->save_delay_ms = DEFAULT_SAVE_DELAY_MS;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)sqlite3_finalize);
  self->caches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);
  self->contacts = cache_for_type (self, RAPPORT_TYPE_CONTACT);
  self->clippings = cache_for_type (self, RAPPORT_TYPE_CLIPPING);
  self->appointments = cache_for_type (self, RAPPORT_TYPE_APPOINTMENT);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->deleted_contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->deleted_clippings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->deleted_appointments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->merges = g_ptr_array_new_with_free_func ((GDestroyNotify)merge_record_free);
}

/* Opening */

/**
 * rapport_store_dup_default_path:
 *
 * Returns: (transfer full): where the student's database lives
 */
char *
rapport_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

static int
query_int (RapportStore  *self,
           const char    *sql,
           int           *value,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    set_sqlite_error (self, rc, error);

  return rc;
}

static gboolean
migrate (RapportStore  *self,
         int            from,
         GError       **error)
{
  for (int version = from; version < RAPPORT_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;

      if (!begin (self, error))
        return FALSE;

      /* user_version cannot take a bound value; it is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec (self, migrations[version], error) ||
          !exec (self, set_version, error) ||
          !commit (self, error))
        {
          rollback (self);
          g_prefix_error (error, _("Could not update the database to version %d: "), version + 1);
          return FALSE;
        }

      g_debug ("Migrated database to version %d", version + 1);
    }

  return TRUE;
}

static gboolean seed_questions (RapportStore  *self,
                                GError       **error);

static gboolean
check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* SQLite would fall back to read-only silently; WAL also needs to create
   * files beside the database, so the folder must be writable too. */
  if ((exists && access (path, W_OK) != 0) || access (dir, W_OK) != 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                   _("Rapport can’t write to its database “%s”. Check that the file "
                     "and its folder are yours and not read-only, then open Rapport again."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Opens the student's database and brings its schema up to date. A file that
 * is read-only, is not a database, is damaged, or was written by a newer
 * version of Rapport gives an error and is left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RapportStore *
rapport_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(RapportStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  int flags = SQLITE_OPEN_READWRITE;
  int version = 0;
  int tables = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_READ_ONLY,
                   _("Rapport can’t create the folder “%s” for its database: %s"),
                   dir, g_strerror (errsv));
      return NULL;
    }

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_RAPPORT,
                   _("“%s” is not a file, so Rapport can’t use it as its database."), path);
      return NULL;
    }

  if (!check_writable (path, exists, error))
    return NULL;

  if (!exists)
    flags |= SQLITE_OPEN_CREATE;

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Reading the schema is the first thing that touches the file's
   * contents: a file that is not a database fails here, untouched. */
  if (query_int (self, "SELECT count(*) FROM sqlite_schema", &tables, NULL) != SQLITE_OK ||
      query_int (self, "PRAGMA user_version", &version, NULL) != SQLITE_OK)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a Rapport database, so Rapport left it "
                     "as it is. Restore it from a backup, or move it aside to start afresh."),
                   path);
      return NULL;
    }

  if (version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Rapport. Update Rapport to "
                     "open it; it has been left as it is."),
                   path);
      return NULL;
    }

  if (version == 0 && tables > 0)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_RAPPORT,
                   _("“%s” is a database of another program, so Rapport left it as it is."),
                   path);
      return NULL;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  sqlite3_create_function (self->db, "rapport_contains", 2,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_contains, NULL, NULL);

  if (!migrate (self, version, error) || !seed_questions (self, error))
    return NULL;

  /* Deletions that were never undone before the app last stopped are final. */
  if (!exec (self,
             "DELETE FROM appointments WHERE deleted IS NOT NULL;"
             "DELETE FROM contacts WHERE deleted IS NOT NULL;"
             "DELETE FROM clippings WHERE deleted IS NOT NULL;",
             error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
rapport_store_get_path (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return self->path;
}

/* Contacts */

static gboolean
validate_contact (RapportContact  *contact,
                  GError         **error)
{
  g_autofree char *name = g_strstrip (g_strdup (rapport_contact_get_name (contact)));

  if (*name == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A contact needs a name."));
      return FALSE;
    }

  if (rapport_contact_get_referred_by (contact) != 0 &&
      rapport_contact_get_referred_by (contact) == rapport_record_get_id (RAPPORT_RECORD (contact)))
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A contact can’t be their own referrer."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_contact (sqlite3_stmt   *stmt,
              RapportContact *contact)
{
  g_autofree char *name = g_strstrip (g_strdup (rapport_contact_get_name (contact)));
  gint64 referred_by = rapport_contact_get_referred_by (contact);

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, rapport_contact_get_organization (contact));
  bind_text (stmt, 3, rapport_contact_get_job_title (contact));
  bind_text (stmt, 4, rapport_contact_get_field (contact));
  bind_text (stmt, 5, rapport_contact_get_email (contact));
  bind_text (stmt, 6, rapport_contact_get_phone (contact));
  bind_text (stmt, 7, rapport_contact_get_profile_url (contact));
  bind_text (stmt, 8, rapport_enum_to_key (RAPPORT_TYPE_SOURCE, rapport_contact_get_source (contact)));
  bind_text (stmt, 9, rapport_contact_get_source_detail (contact));
  if (referred_by > 0)
    sqlite3_bind_int64 (stmt, 10, referred_by);
  else
    sqlite3_bind_null (stmt, 10);
  bind_text (stmt, 11, rapport_enum_to_key (RAPPORT_TYPE_STAGE, rapport_contact_get_stage (contact)));
  bind_text (stmt, 12, rapport_contact_get_notes (contact));
}

static gboolean
insert_contact (RapportStore    *self,
                RapportContact  *contact,
                GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  if (!validate_contact (contact, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO contacts (name, organization, job_title, field, email, phone,"
                  " profile_url, source, source_detail, referred_by, stage, notes, created, updated)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, contact);
  sqlite3_bind_int64 (stmt, 13, now);
  if (!step_done (self, stmt, error))
    return FALSE;

  set_inserted (self, RAPPORT_RECORD (contact), now);
  return TRUE;
}

/**
 * rapport_store_add_contact:
 * @contact: a contact that is not yet in a store
 *
 * Saves a new contact. From then on @contact is the store's object for that
 * row, and edits to it are saved by themselves.
 */
gboolean
rapport_store_add_contact (RapportStore    *self,
                           RapportContact  *contact,
                           GError         **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (contact)) == 0, FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!insert_contact (self, contact, error) || !commit (self, error))
    {
      rollback (self);
      rapport_record_set_id (RAPPORT_RECORD (contact), 0);
      return FALSE;
    }

  track_record (self, RAPPORT_RECORD (contact));
  emit_changed (self, quark_contacts);
  return TRUE;
}

static RapportContact *
contact_from_row (sqlite3_stmt *stmt)
{
  RapportContact *contact;
  int source = RAPPORT_SOURCE_OTHER;
  int stage = RAPPORT_STAGE_TO_CONTACT;

  /* An unknown key (from a newer version) shows as the default rather than failing. */
  rapport_enum_from_key (RAPPORT_TYPE_SOURCE, column_text (stmt, 8), &source);
  rapport_enum_from_key (RAPPORT_TYPE_STAGE, column_text (stmt, 11), &stage);

  contact = g_object_new (RAPPORT_TYPE_CONTACT,
                          "name", column_text (stmt, 1),
                          "organization", column_text (stmt, 2),
                          "job-title", column_text (stmt, 3),
                          "field", column_text (stmt, 4),
                          "email", column_text (stmt, 5),
                          "phone", column_text (stmt, 6),
                          "profile-url", column_text (stmt, 7),
                          "source", source,
                          "source-detail", column_text (stmt, 9),
                          "referred-by", sqlite3_column_int64 (stmt, 10),
                          "stage", stage,
                          "notes", column_text (stmt, 12),
                          NULL);
  set_read (RAPPORT_RECORD (contact), sqlite3_column_int64 (stmt, 0), stmt, 13);

  return contact;
}

/**
 * rapport_store_get_contact:
 *
 * Returns: (transfer full) (nullable): the contact, or %NULL if there is
 *   none with @id or it was deleted
 */
RapportContact *
rapport_store_get_contact (RapportStore *self,
                           gint64        id)
{
  RapportContact *contact;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (id <= 0 || g_hash_table_contains (self->deleted_contacts, &id))
    return NULL;

  if ((contact = g_hash_table_lookup (self->contacts, &id)))
    return g_object_ref (contact);

  if (!(stmt = prepare (self, "SELECT " CONTACT_COLUMNS " FROM contacts"
                              " WHERE id = ? AND deleted IS NULL", NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  contact = contact_from_row (stmt);
  sqlite3_reset (stmt);
  rapport_contact_set_last_contacted (contact, rapport_store_get_last_contacted (self, id));
  track_record (self, RAPPORT_RECORD (contact));

  return contact;
}

/**
 * rapport_store_save_contact:
 *
 * Writes @contact now. Edits are saved by themselves after a short delay;
 * this is for when they must be on disk at once.
 */
gboolean
rapport_store_save_contact (RapportStore    *self,
                            RapportContact  *contact,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (contact)) > 0, FALSE);

  if (!validate_contact (contact, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE contacts SET name = ?1, organization = ?2, job_title = ?3, field = ?4,"
                  " email = ?5, phone = ?6, profile_url = ?7, source = ?8, source_detail = ?9,"
                  " referred_by = ?10, stage = ?11, notes = ?12, updated = ?13 WHERE id = ?14",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }

  bind_contact (stmt, contact);
  sqlite3_bind_int64 (stmt, 13, now);
  sqlite3_bind_int64 (stmt, 14, rapport_record_get_id (RAPPORT_RECORD (contact)));

  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      if (error && *error && (*error)->code == RAPPORT_STORE_ERROR_INVALID)
        {
          g_clear_error (error);
          g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                               _("The person who referred this contact no longer exists."));
        }
      return FALSE;
    }

  set_saved (self, RAPPORT_RECORD (contact), now);
  emit_changed (self, quark_contacts);
  return TRUE;
}

static gboolean
mark_deleted (RapportStore  *self,
              const char    *sql,
              gint64         id,
              gint64         when,
              GError       **error)
{
  sqlite3_stmt *stmt;

  if (!begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, sql, error)))
    {
      rollback (self);
      return FALSE;
    }

  if (when > 0)
    sqlite3_bind_int64 (stmt, 1, when);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!step_done (self, stmt, error))
    {
      rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That item no longer exists."));
      return FALSE;
    }

  return commit (self, error);
}

static void
set_add_id (GHashTable *set,
            gint64      id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_add (set, key);
}

/**
 * rapport_store_delete_contact:
 *
 * Deletes @contact so that rapport_store_undelete_contact() can still bring
 * it back with every link intact; rapport_store_purge_contact() makes it
 * final (as does the next start). People this contact referred are kept.
 */
gboolean
rapport_store_delete_contact (RapportStore    *self,
                              RapportContact  *contact,
                              GError         **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (contact));
  g_return_val_if_fail (id > 0, FALSE);

  /* Keep any pending edit, so that Undo brings back the latest version. */
  if (g_hash_table_contains (self->dirty, contact))
    rapport_store_save_contact (self, contact, NULL);

  if (!mark_deleted (self, "UPDATE contacts SET deleted = ?1 WHERE id = ?2 AND deleted IS NULL",
                     id, now_utc (), error))
    return FALSE;

  set_add_id (self->deleted_contacts, id);
  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  emit_changed (self, quark_appointments);
  return TRUE;
}

gboolean
rapport_store_undelete_contact (RapportStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!mark_deleted (self, "UPDATE contacts SET deleted = ?1 WHERE id = ?2 AND deleted IS NOT NULL",
                     id, 0, error))
    return FALSE;

  g_hash_table_remove (self->deleted_contacts, &id);
  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  emit_changed (self, quark_appointments);
  return TRUE;
}

static void forget_merges_with   (RapportStore *self,
                                  gint64        id);
static void update_last_contacted (RapportStore *self,
                                   gint64        contact_id);

static gboolean
purge (RapportStore  *self,
       const char    *sql,
       GHashTable    *deleted,
       gint64         id,
       GError       **error)
{
  sqlite3_stmt *stmt;

  if (!begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, sql, error)))
    {
      rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  g_hash_table_remove (deleted, &id);
  return TRUE;
}

/**
 * rapport_store_purge_contact:
 *
 * Makes the deletion of contact @id final, once its Undo is no longer offered.
 */
gboolean
rapport_store_purge_contact (RapportStore  *self,
                             gint64         id,
                             GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!purge (self, "DELETE FROM contacts WHERE id = ? AND deleted IS NOT NULL",
              self->deleted_contacts, id, error))
    return FALSE;

  /* Referred contacts lost their referrer (ON DELETE SET NULL): keep the
   * objects in memory in step with the rows. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->contacts);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (rapport_contact_get_referred_by (value) == id)
        {
          g_signal_handlers_block_by_func (value, on_record_notify, self);
          rapport_contact_set_referred_by (value, 0);
          g_signal_handlers_unblock_by_func (value, on_record_notify, self);
        }
  }

  forget_merges_with (self, id);
  emit_changed (self, quark_contacts);
  return TRUE;
}

/* Merging contacts */

/* The columns of a contact's row that a merge may change, in the order the
 * snapshots in a MergeRecord hold them. */
#define MERGE_COLUMNS \
  "name, organization, job_title, field, email, phone, profile_url, source, " \
  "source_detail, referred_by, stage, notes, created, updated"
#define N_MERGE_COLUMNS 14

/* What one merge changed, so that Undo can put it back. Held in memory only:
 * a merge that is not undone before the app stops is final, like a deletion
 * (the merged-away contact is purged at the next start). */
struct _MergeRecord
{
  gint64         keep_id;
  gint64         other_id;
  GArray        *appointments;   /* ids of rows whose contact_id moved */
  GArray        *action_items;
  GArray        *referrals;      /* contacts whose referred_by moved */
  GArray        *clippings;      /* clipping ids whose link moved */
  sqlite3_value *before[N_MERGE_COLUMNS];   /* the kept contact's row */
  sqlite3_value *after[N_MERGE_COLUMNS];
};

static void
merge_record_free (MergeRecord *record)
{
  g_clear_pointer (&record->appointments, g_array_unref);
  g_clear_pointer (&record->action_items, g_array_unref);
  g_clear_pointer (&record->referrals, g_array_unref);
  g_clear_pointer (&record->clippings, g_array_unref);
  for (guint i = 0; i < N_MERGE_COLUMNS; i++)
    {
      g_clear_pointer (&record->before[i], sqlite3_value_free);
      g_clear_pointer (&record->after[i], sqlite3_value_free);
    }
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeRecord, merge_record_free)

/* Copies contact @id's row, column by column, exactly as SQLite holds it. */
static gboolean
snapshot_contact (RapportStore   *self,
                  gint64          id,
                  sqlite3_value **values,
                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, "SELECT " MERGE_COLUMNS " FROM contacts WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, rc, error);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That contact no longer exists."));
      return FALSE;
    }

  for (guint i = 0; i < N_MERGE_COLUMNS; i++)
    {
      g_clear_pointer (&values[i], sqlite3_value_free);
      values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Ids that @sql (with ?1 and ?2 bound to @a and @b) returns. */
static GArray *
select_ids (RapportStore  *self,
            const char    *sql,
            gint64         a,
            gint64         b,
            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Runs @sql once per id, with ?1 = @to, ?2 = the id, ?3 = @from. */
static gboolean
move_rows (RapportStore  *self,
           const char    *sql,
           GArray        *ids,
           gint64         to,
           gint64         from,
           GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, sql, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, to);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, from);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Every link from one contact to another, moved together: the same
 * statements bring them back on Undo with @to and @from swapped. A row
 * changed since (its link no longer on @from) is left as it is. */
static gboolean
move_links (RapportStore  *self,
            MergeRecord   *record,
            gint64         to,
            gint64         from,
            GError       **error)
{
  return move_rows (self, "UPDATE appointments SET contact_id = ?1 WHERE id = ?2 AND contact_id = ?3",
                    record->appointments, to, from, error) &&
         move_rows (self, "UPDATE action_items SET contact_id = ?1 WHERE id = ?2 AND contact_id = ?3",
                    record->action_items, to, from, error) &&
         move_rows (self, "UPDATE contacts SET referred_by = ?1 WHERE id = ?2 AND referred_by = ?3",
                    record->referrals, to, from, error) &&
         move_rows (self, "UPDATE OR IGNORE clipping_contacts SET contact_id = ?1"
                          " WHERE clipping_id = ?2 AND contact_id = ?3",
                    record->clippings, to, from, error);
}

/* A contact as its row holds it now, not the live object. */
static RapportContact *
read_contact_row (RapportStore  *self,
                  gint64         id,
                  GError       **error)
{
  RapportContact *contact;
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That contact no longer exists."));
      return NULL;
    }

  contact = contact_from_row (stmt);
  sqlite3_reset (stmt);
  return contact;
}

/* Brings the live object for contact @id, if any, in step with its row. */
static void
follow_contact_row (RapportStore *self,
                    gint64        id)
{
  RapportContact *live = g_hash_table_lookup (self->contacts, &id);
  g_autoptr(RapportContact) fresh = NULL;

  if (live == NULL || !(fresh = read_contact_row (self, id, NULL)))
    return;

  g_signal_handlers_block_by_func (live, on_record_notify, self);
  g_object_set (live,
                "name", rapport_contact_get_name (fresh),
                "organization", rapport_contact_get_organization (fresh),
                "job-title", rapport_contact_get_job_title (fresh),
                "field", rapport_contact_get_field (fresh),
                "email", rapport_contact_get_email (fresh),
                "phone", rapport_contact_get_phone (fresh),
                "profile-url", rapport_contact_get_profile_url (fresh),
                "source", rapport_contact_get_source (fresh),
                "source-detail", rapport_contact_get_source_detail (fresh),
                "referred-by", rapport_contact_get_referred_by (fresh),
                "stage", rapport_contact_get_stage (fresh),
                "notes", rapport_contact_get_notes (fresh),
                NULL);
  rapport_record_set_created (RAPPORT_RECORD (live), rapport_record_get_created (RAPPORT_RECORD (fresh)));
  rapport_record_set_updated (RAPPORT_RECORD (live), rapport_record_get_updated (RAPPORT_RECORD (fresh)));
  g_signal_handlers_unblock_by_func (live, on_record_notify, self);
  update_last_contacted (self, id);
}

/* Points the live objects of the rows a merge moved at @to. */
static void
follow_links (RapportStore *self,
              MergeRecord  *record,
              gint64        to)
{
  for (guint i = 0; i < record->appointments->len; i++)
    {
      RapportAppointment *appointment =
        lookup_record (self, RAPPORT_TYPE_APPOINTMENT, g_array_index (record->appointments, gint64, i));

      if (appointment == NULL)
        continue;
      g_signal_handlers_block_by_func (appointment, on_record_notify, self);
      rapport_appointment_set_contact_id (appointment, to);
      g_signal_handlers_unblock_by_func (appointment, on_record_notify, self);
    }

  for (guint i = 0; i < record->action_items->len; i++)
    {
      RapportActionItem *item =
        lookup_record (self, RAPPORT_TYPE_ACTION_ITEM, g_array_index (record->action_items, gint64, i));

      if (item == NULL)
        continue;
      g_signal_handlers_block_by_func (item, on_record_notify, self);
      rapport_action_item_set_contact_id (item, to);
      g_signal_handlers_unblock_by_func (item, on_record_notify, self);
    }

  for (guint i = 0; i < record->referrals->len; i++)
    {
      gint64 id = g_array_index (record->referrals, gint64, i);
      RapportContact *referral = g_hash_table_lookup (self->contacts, &id);

      if (referral == NULL)
        continue;
      g_signal_handlers_block_by_func (referral, on_record_notify, self);
      rapport_contact_set_referred_by (referral, to);
      g_signal_handlers_unblock_by_func (referral, on_record_notify, self);
    }
}

static gboolean
wants (const char * const *take,
       const char         *property)
{
  return take != NULL && g_strv_contains (take, property);
}

/* The kept contact's fields after the merge: what it lacks comes from
 * @other, and what both have stays unless the student picked the other's
 * (@take, property names). Notes are joined, so nothing written is lost. */
static void
merge_fields (RapportContact     *merged,
              RapportContact     *other,
              gint64              keep_id,
              gint64              other_id,
              const char * const *take)
{
  static const char *text_fields[] = {
    "name", "organization", "job-title", "field", "email", "phone", "profile-url", "source-detail",
  };
  const char *mine_notes = rapport_contact_get_notes (merged);
  const char *their_notes = rapport_contact_get_notes (other);
  gint64 referrer = rapport_contact_get_referred_by (merged);
  gint64 their_referrer = rapport_contact_get_referred_by (other);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;

      g_object_get (merged, text_fields[i], &mine, NULL);
      g_object_get (other, text_fields[i], &theirs, NULL);
      if (theirs != NULL && *theirs != '\0' &&
          (mine == NULL || *mine == '\0' || wants (take, text_fields[i])))
        g_object_set (merged, text_fields[i], theirs, NULL);
    }

  if (rapport_contact_get_source (other) != RAPPORT_SOURCE_OTHER &&
      (rapport_contact_get_source (merged) == RAPPORT_SOURCE_OTHER || wants (take, "source")))
    rapport_contact_set_source (merged, rapport_contact_get_source (other));

  if (rapport_contact_get_stage (other) != RAPPORT_STAGE_TO_CONTACT &&
      (rapport_contact_get_stage (merged) == RAPPORT_STAGE_TO_CONTACT || wants (take, "stage")))
    rapport_contact_set_stage (merged, rapport_contact_get_stage (other));

  /* Neither may end up referred by the contact that goes away, nor by itself. */
  if (referrer == other_id)
    referrer = 0;
  if (their_referrer == keep_id)
    their_referrer = 0;
  if (their_referrer != 0 && (referrer == 0 || wants (take, "referred-by")))
    referrer = their_referrer;
  rapport_contact_set_referred_by (merged, referrer);

  if (*their_notes != '\0' && strstr (mine_notes, their_notes) == NULL)
    {
      g_autofree char *joined = *mine_notes == '\0'
        ? g_strdup (their_notes)
        : g_strconcat (mine_notes, "\n\n", their_notes, NULL);

      rapport_contact_set_notes (merged, joined);
    }

  rapport_record_set_created (RAPPORT_RECORD (merged),
                              MIN (rapport_record_get_created (RAPPORT_RECORD (merged)),
                                   rapport_record_get_created (RAPPORT_RECORD (other))));
}

static gboolean
merge_in_transaction (RapportStore       *self,
                      MergeRecord        *record,
                      const char * const *take,
                      GError            **error)
{
  g_autoptr(RapportContact) merged = NULL;
  g_autoptr(RapportContact) other = NULL;
  sqlite3_stmt *stmt;

  if (!snapshot_contact (self, record->keep_id, record->before, error) ||
      !(merged = read_contact_row (self, record->keep_id, error)) ||
      !(other = read_contact_row (self, record->other_id, error)))
    return FALSE;

  if (!(record->appointments = select_ids (self, "SELECT id FROM appointments WHERE contact_id = ?1",
                                           record->other_id, 0, error)) ||
      !(record->action_items = select_ids (self, "SELECT id FROM action_items WHERE contact_id = ?1",
                                           record->other_id, 0, error)) ||
      !(record->referrals = select_ids (self, "SELECT id FROM contacts WHERE referred_by = ?1 AND id != ?2",
                                        record->other_id, record->keep_id, error)) ||
      /* A clipping that names both already names the kept contact. */
      !(record->clippings = select_ids (self, "SELECT clipping_id FROM clipping_contacts WHERE contact_id = ?1"
                                              " AND clipping_id NOT IN (SELECT clipping_id FROM clipping_contacts"
                                              "                         WHERE contact_id = ?2)",
                                        record->other_id, record->keep_id, error)))
    return FALSE;

  if (!move_links (self, record, record->keep_id, record->other_id, error))
    return FALSE;

  merge_fields (merged, other, record->keep_id, record->other_id, take);
  stmt = prepare (self,
                  "UPDATE contacts SET name = ?1, organization = ?2, job_title = ?3, field = ?4,"
                  " email = ?5, phone = ?6, profile_url = ?7, source = ?8, source_detail = ?9,"
                  " referred_by = ?10, stage = ?11, notes = ?12, created = ?13, updated = ?14"
                  " WHERE id = ?15",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_contact (stmt, merged);
  sqlite3_bind_int64 (stmt, 13, rapport_record_get_created (RAPPORT_RECORD (merged)));
  sqlite3_bind_int64 (stmt, 14, now_utc ());
  sqlite3_bind_int64 (stmt, 15, record->keep_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  /* The contact merged away is deleted the way rapport_store_delete_contact()
   * does it, so the next start makes it final. */
  if (!(stmt = prepare (self, "UPDATE contacts SET deleted = ?1 WHERE id = ?2 AND deleted IS NULL", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now_utc ());
  sqlite3_bind_int64 (stmt, 2, record->other_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  return snapshot_contact (self, record->keep_id, record->after, error);
}

static gboolean
is_deleted (RapportStore *self,
            gint64        id)
{
  sqlite3_stmt *stmt;
  gboolean deleted = TRUE;

  if (g_hash_table_contains (self->deleted_contacts, &id))
    return TRUE;
  if (!(stmt = prepare (self, "SELECT deleted IS NOT NULL FROM contacts WHERE id = ?", NULL)))
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    deleted = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return deleted;
}

/**
 * rapport_store_merge_contacts:
 * @keep: the contact that stays
 * @other: the contact merged into @keep, then deleted
 * @take: (nullable) (array zero-terminated=1): properties of @other
 *   ("organization", "email", "stage", "referred-by" …) whose value replaces
 *   the one @keep has; other fields of @keep are only filled where empty
 *
 * Merges two records of the same person in one transaction: @other's
 * appointments (with their interviews), action items, clippings and the
 * people it referred move to @keep, fields @keep lacks are filled from
 * @other, notes are joined and @keep takes the earlier creation time. @other
 * is then deleted as by rapport_store_delete_contact(), so
 * rapport_store_undo_merge() can put everything back and
 * rapport_store_purge_contact() makes the merge final.
 */
gboolean
rapport_store_merge_contacts (RapportStore        *self,
                              RapportContact      *keep,
                              RapportContact      *other,
                              const char * const  *take,
                              GError             **error)
{
  g_autoptr(MergeRecord) record = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (keep), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (other), FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (keep)) > 0, FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (other)) > 0, FALSE);

  record = g_new0 (MergeRecord, 1);
  record->keep_id = rapport_record_get_id (RAPPORT_RECORD (keep));
  record->other_id = rapport_record_get_id (RAPPORT_RECORD (other));

  if (record->keep_id == record->other_id)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A contact can’t be merged with itself. Choose another contact."));
      return FALSE;
    }

  if (is_deleted (self, record->keep_id) || is_deleted (self, record->other_id))
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("One of the contacts was deleted, so they can’t be merged."));
      return FALSE;
    }

  /* Merge the latest versions: write edits still waiting for their autosave. */
  if (g_hash_table_contains (self->dirty, keep) &&
      !rapport_store_save_contact (self, keep, error))
    return FALSE;
  if (g_hash_table_contains (self->dirty, other) &&
      !rapport_store_save_contact (self, other, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;
  if (!merge_in_transaction (self, record, take, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  set_add_id (self->deleted_contacts, record->other_id);
  follow_links (self, record, record->keep_id);
  follow_contact_row (self, record->keep_id);
  g_ptr_array_add (self->merges, g_steal_pointer (&record));

  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  emit_changed (self, quark_appointments);
  emit_changed (self, quark_action_items);
  return TRUE;
}

/* Each column of the kept contact goes back to what it was before the
 * merge, unless it was edited since: an edit made after the merge stays. */
#define RESTORE_COLUMN(column, before, after) \
  column " = CASE WHEN " column " IS ?" after " THEN ?" before " ELSE " column " END"

static gboolean
undo_merge_in_transaction (RapportStore  *self,
                           MergeRecord   *record,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, "UPDATE contacts SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->other_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That merge can no longer be undone."));
      return FALSE;
    }

  if (!move_links (self, record, record->other_id, record->keep_id, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE contacts SET "
                  RESTORE_COLUMN ("name", "1", "2") ", "
                  RESTORE_COLUMN ("organization", "3", "4") ", "
                  RESTORE_COLUMN ("job_title", "5", "6") ", "
                  RESTORE_COLUMN ("field", "7", "8") ", "
                  RESTORE_COLUMN ("email", "9", "10") ", "
                  RESTORE_COLUMN ("phone", "11", "12") ", "
                  RESTORE_COLUMN ("profile_url", "13", "14") ", "
                  RESTORE_COLUMN ("source", "15", "16") ", "
                  RESTORE_COLUMN ("source_detail", "17", "18") ", "
                  RESTORE_COLUMN ("referred_by", "19", "20") ", "
                  RESTORE_COLUMN ("stage", "21", "22") ", "
                  RESTORE_COLUMN ("notes", "23", "24") ", "
                  RESTORE_COLUMN ("created", "25", "26") ", "
                  RESTORE_COLUMN ("updated", "27", "28")
                  " WHERE id = ?29",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < N_MERGE_COLUMNS; i++)
    {
      sqlite3_bind_value (stmt, 2 * i + 1, record->before[i]);
      sqlite3_bind_value (stmt, 2 * i + 2, record->after[i]);
    }
  sqlite3_bind_int64 (stmt, 29, record->keep_id);
  return step_done (self, stmt, error);
}

/**
 * rapport_store_undo_merge:
 * @other_id: the contact that rapport_store_merge_contacts() merged away
 *
 * Brings back the state before the merge: @other_id with every link it had,
 * and the kept contact's fields as they were (except those edited since).
 * Merges are undone newest first where they share a contact.
 */
gboolean
rapport_store_undo_merge (RapportStore  *self,
                          gint64         other_id,
                          GError       **error)
{
  MergeRecord *record = NULL;
  guint index;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  for (index = 0; index < self->merges->len; index++)
    {
      record = g_ptr_array_index (self->merges, index);
      if (record->other_id == other_id)
        break;
    }
  if (index == self->merges->len)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That merge can no longer be undone."));
      return FALSE;
    }

  for (guint i = index + 1; i < self->merges->len; i++)
    {
      MergeRecord *later = g_ptr_array_index (self->merges, i);

      if (later->keep_id == record->keep_id || later->keep_id == record->other_id ||
          later->other_id == record->keep_id)
        {
          g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                               _("These contacts were merged again since. Undo the later merge first."));
          return FALSE;
        }
    }

  /* Edits waiting for their autosave are written first, so the restore
   * below sees them and keeps them. */
  rapport_store_flush (self, NULL);

  if (!begin (self, error))
    return FALSE;
  if (!undo_merge_in_transaction (self, record, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  g_hash_table_remove (self->deleted_contacts, &other_id);
  follow_links (self, record, record->other_id);
  follow_contact_row (self, record->keep_id);
  update_last_contacted (self, other_id);
  g_ptr_array_remove_index (self->merges, index);

  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  emit_changed (self, quark_appointments);
  emit_changed (self, quark_action_items);
  return TRUE;
}

/* Once a contact is gone for good, no merge it took part in can be undone. */
static void
forget_merges_with (RapportStore *self,
                    gint64        id)
{
  for (guint i = self->merges->len; i > 0; i--)
    {
      MergeRecord *record = g_ptr_array_index (self->merges, i - 1);

      if (record->keep_id == id || record->other_id == id)
        g_ptr_array_remove_index (self->merges, i - 1);
    }
}

static const char *
contact_order_by (RapportContactSort sort)
{
  switch (sort)
    {
    case RAPPORT_CONTACT_SORT_ORGANIZATION:
      return " ORDER BY organization = '', organization COLLATE NOCASE, name COLLATE NOCASE, id";
    case RAPPORT_CONTACT_SORT_STAGE:
      return " ORDER BY CASE stage"
             " WHEN 'to-contact' THEN 0 WHEN 'requested' THEN 1 WHEN 'scheduled' THEN 2"
             " WHEN 'met' THEN 3 WHEN 'thanked' THEN 4 WHEN 'following-up' THEN 5"
             " WHEN 'declined' THEN 6 ELSE 7 END, name COLLATE NOCASE, id";
    case RAPPORT_CONTACT_SORT_UPDATED:
      return " ORDER BY updated DESC, id DESC";
    case RAPPORT_CONTACT_SORT_LAST_CONTACTED:
      return " ORDER BY (SELECT max(max(a.created, CASE WHEN a.status = 'held' THEN ifnull(a.start, 0) ELSE 0 END))"
             " FROM appointments a WHERE a.contact_id = contacts.id AND a.deleted IS NULL) DESC NULLS LAST,"
             " name COLLATE NOCASE, id";
    case RAPPORT_CONTACT_SORT_NAME:
    default:
      /* The contacts_name index has exactly this order, so the list that
       * opens at startup is read from it: change both together. */
      return " ORDER BY name COLLATE NOCASE, id";
    }
}

static GArray *
collect_ids (RapportStore  *self,
             const char    *sql,
             GPtrArray     *texts,
             GArray        *ints,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Parameters are named ?1… for texts and ?101… for integers. */
  for (guint i = 0; i < texts->len; i++)
    bind_text (stmt, i + 1, g_ptr_array_index (texts, i));
  for (guint i = 0; i < ints->len; i++)
    sqlite3_bind_int64 (stmt, 101 + i, g_array_index (ints, gint64, i));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Appends "<before>?N<after>" and binds @value to ?N. */
static void
add_int_param (GString    *sql,
               GArray     *ints,
               const char *before,
               const char *after,
               gint64      value)
{
  g_string_append (sql, before);
  g_string_append_printf (sql, "?%u", 101 + ints->len);
  g_string_append (sql, after);
  g_array_append_val (ints, value);
}

/**
 * rapport_store_query_contacts:
 *
 * Returns: (transfer full): the ids of the contacts that match @query, in
 *   its order
 */
GArray *
rapport_store_query_contacts (RapportStore               *self,
                              const RapportContactQuery  *query,
                              GError                    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM contacts WHERE deleted IS NULL");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* Only fixed fragments go into the SQL text; every value is bound. */
  if (query->search != NULL && *query->search != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (query->search));

      if (*stripped)
        {
          g_ptr_array_add (texts, rapport_text_fold (stripped));
          /* Also what was written in their interviews and the clippings
           * that name them. */
          g_string_append (sql, " AND (rapport_contains (name, ?1) OR rapport_contains (organization, ?1)"
                                " OR rapport_contains (field, ?1) OR rapport_contains (job_title, ?1)"
                                " OR rapport_contains (notes, ?1)"
                                " OR id IN (SELECT a.contact_id FROM appointments a"
                                "   JOIN interviews i ON i.appointment_id = a.id"
                                "   WHERE a.deleted IS NULL AND (rapport_contains (i.notebook, ?1)"
                                "   OR rapport_contains (i.goals, ?1)"
                                "   OR EXISTS (SELECT 1 FROM prompts p WHERE p.interview_id = i.id"
                                "              AND rapport_contains (p.notes, ?1))))"
                                " OR id IN (SELECT cc.contact_id FROM clipping_contacts cc"
                                "   JOIN clippings c ON c.id = cc.clipping_id"
                                "   WHERE c.deleted IS NULL AND (rapport_contains (c.title, ?1)"
                                "   OR rapport_contains (c.notes, ?1))))");
        }
    }
  if (query->stage >= 0)
    {
      g_string_append_printf (sql, " AND stage = ?%u", texts->len + 1);
      g_ptr_array_add (texts, g_strdup (rapport_enum_to_key (RAPPORT_TYPE_STAGE, query->stage)));
    }
  if (query->source >= 0)
    {
      g_string_append_printf (sql, " AND source = ?%u", texts->len + 1);
      g_ptr_array_add (texts, g_strdup (rapport_enum_to_key (RAPPORT_TYPE_SOURCE, query->source)));
    }
  if (query->referred_by > 0)
    add_int_param (sql, ints, " AND referred_by = ", "", query->referred_by);
  if (query->clipping_id > 0)
    add_int_param (sql, ints, " AND id IN (SELECT contact_id FROM clipping_contacts WHERE clipping_id = ",
                   ")", query->clipping_id);
  if (query->exclude_id > 0)
    add_int_param (sql, ints, " AND id != ", "", query->exclude_id);

  g_string_append (sql, contact_order_by (query->sort));

  return collect_ids (self, sql->str, texts, ints, error);
}

/**
 * rapport_store_count_contacts:
 *
 * Returns: how many contacts there are, deleted ones not counted
 */
guint
rapport_store_count_contacts (RapportStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(stmt = prepare (self, "SELECT count(*) FROM contacts WHERE deleted IS NULL", NULL)))
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Rows of one source of search text, in contact order, read alongside the
 * contacts themselves. */
typedef struct
{
  sqlite3_stmt *stmt;
  int           rc;
} TextCursor;

static void
append_folded (GString    *text,
               const char *field)
{
  if (field == NULL || *field == '\0')
    return;
  rapport_text_fold_append (text, field);
  g_string_append_c (text, RAPPORT_SEARCH_FIELD_END);
}

/* Appends the texts of @cursor's rows for @contact_id (column 0), skipping
 * rows of contacts that are gone. */
static void
append_cursor_texts (TextCursor *cursor,
                     gint64      contact_id,
                     GString    *text)
{
  int n_columns = sqlite3_column_count (cursor->stmt);

  while (cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) < contact_id)
    cursor->rc = sqlite3_step (cursor->stmt);

  while (cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) == contact_id)
    {
      for (int i = 1; i < n_columns; i++)
        append_folded (text, (const char *)sqlite3_column_text (cursor->stmt, i));
      cursor->rc = sqlite3_step (cursor->stmt);
    }
}

/**
 * rapport_store_collect_search_texts:
 * @ids: an empty #GArray of #gint64
 * @starts: an empty #GArray of #gsize
 * @text: an empty #GString
 *
 * Gathers, in one pass, everything a contact search looks through — the
 * same texts as the search of rapport_store_query_contacts(): name,
 * organization, field, job title and notes, the goals, notebook and prompt
 * notes of its interviews, and the title and notes of the clippings that
 * name it. Each text is folded with rapport_text_fold() and followed by
 * %RAPPORT_SEARCH_FIELD_END, so a folded needle found in it never spans
 * two texts.
 *
 * For each contact that is not deleted, in ascending id order, @ids gets
 * its id and @starts the offset of its texts in @text; they end with a
 * nul byte. @starts gets one more offset, the length of @text, after the
 * last contact.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
/* The reading itself, on @db (the store's connection, or a worker's own):
 * SQLITE_OK, or SQLite's code for what failed. */
static int
collect_search_texts (sqlite3 *db,
                      GArray  *ids,
                      GArray  *starts,
                      GString *text)
{
  /* Like the search query: interviews of appointments that are not
   * deleted, clippings that are not deleted. */
  static const char *sources[] = {
    "SELECT a.contact_id, i.goals, i.notebook FROM appointments a"
    " JOIN interviews i ON i.appointment_id = a.id"
    " WHERE a.deleted IS NULL ORDER BY a.contact_id",
    "SELECT a.contact_id, p.notes FROM appointments a"
    " JOIN interviews i ON i.appointment_id = a.id"
    " JOIN prompts p ON p.interview_id = i.id"
    " WHERE a.deleted IS NULL AND p.notes != '' ORDER BY a.contact_id",
    "SELECT cc.contact_id, c.title, c.notes FROM clipping_contacts cc"
    " JOIN clippings c ON c.id = cc.clipping_id"
    " WHERE c.deleted IS NULL ORDER BY cc.contact_id",
  };
  TextCursor cursors[G_N_ELEMENTS (sources)] = { { NULL, SQLITE_DONE } };
  sqlite3_stmt *contacts = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id, name, organization, field, job_title, notes"
                               " FROM contacts WHERE deleted IS NULL ORDER BY id", -1, &contacts, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sources) && rc == SQLITE_OK; i++)
    if ((rc = sqlite3_prepare_v2 (db, sources[i], -1, &cursors[i].stmt, NULL)) == SQLITE_OK)
      cursors[i].rc = sqlite3_step (cursors[i].stmt);
  if (rc != SQLITE_OK)
    goto out;

  while ((rc = sqlite3_step (contacts)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (contacts, 0);
      gsize start = text->len;

      g_array_append_val (ids, id);
      g_array_append_val (starts, start);
      for (int i = 1; i <= 5; i++)
        append_folded (text, (const char *)sqlite3_column_text (contacts, i));
      for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
        append_cursor_texts (&cursors[i], id, text);
      g_string_append_c (text, '\0');
    }

  if (rc != SQLITE_DONE)
    goto out;
  rc = SQLITE_OK;
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    if (cursors[i].rc != SQLITE_DONE && cursors[i].rc != SQLITE_ROW)
      {
        rc = cursors[i].rc;
        goto out;
      }

  g_array_append_val (starts, text->len);

out:
  sqlite3_finalize (contacts);
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    sqlite3_finalize (cursors[i].stmt);

  return rc;
}

gboolean
rapport_store_collect_search_texts (RapportStore  *self,
                                    GArray        *ids,
                                    GArray        *starts,
                                    GString       *text,
                                    GError       **error)
{
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL && starts != NULL && text != NULL, FALSE);

  if ((rc = collect_search_texts (self->db, ids, starts, text)) != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

typedef struct
{
  char    *path;
  GArray  *ids;
  GArray  *starts;
  GString *text;
} CollectJob;

static void
collect_job_free (CollectJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->starts, g_array_unref);
  if (job->text != NULL)
    g_string_free (job->text, TRUE);
  g_free (job);
}

/* In a worker thread, on a read-only connection of its own: the main
 * thread's connection and its statements are never touched. In WAL mode
 * it reads the last commit while the app goes on writing. */
static void
collect_search_texts_thread (GTask        *task,
                             gpointer      source,
                             gpointer      data,
                             GCancellable *cancellable)
{
  CollectJob *job = data;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = collect_search_texts (db, job->ids, job->starts, job->text);
    }
  sqlite3_close (db);

  if (rc != SQLITE_OK)
    g_task_return_new_error (task, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                             "%s", sqlite3_errstr (rc));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rapport_store_collect_search_texts_async:
 *
 * rapport_store_collect_search_texts() in a worker thread, so that a search
 * can be made ready before its first key. Reads what was committed when the
 * thread starts reading: compare with later "changed" signals.
 */
void
rapport_store_collect_search_texts_async (RapportStore        *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             data)
{
  g_autoptr(GTask) task = NULL;
  CollectJob *job;

  g_return_if_fail (RAPPORT_IS_STORE (self));

  /* No source object: the task's last reference may be dropped in the
   * worker thread, and the store is the main thread's. */
  task = g_task_new (NULL, cancellable, callback, data);
  g_task_set_source_tag (task, rapport_store_collect_search_texts_async);
  job = g_new0 (CollectJob, 1);
  job->path = g_strdup (self->path);
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  job->text = g_string_new (NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)collect_job_free);
  g_task_run_in_thread (task, collect_search_texts_thread);
}

/**
 * rapport_store_collect_search_texts_finish:
 * @ids: (out) (transfer full): as in rapport_store_collect_search_texts()
 * @starts: (out) (transfer full): likewise
 * @text: (out) (transfer full): likewise
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
rapport_store_collect_search_texts_finish (RapportStore  *self,
                                           GAsyncResult  *result,
                                           GArray       **ids,
                                           GArray       **starts,
                                           GString      **text,
                                           GError       **error)
{
  CollectJob *job;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_store_collect_search_texts_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  *ids = g_steal_pointer (&job->ids);
  *starts = g_steal_pointer (&job->starts);
  *text = g_steal_pointer (&job->text);
  return TRUE;
}

/* How many characters of the text around a match a snippet shows */
#define SNIPPET_CHARS 60

void
rapport_search_match_free (RapportSearchMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->label);
  g_free (match->snippet);
  g_free (match);
}

/* A match of @folded_needle in @text, or NULL; @label is taken. */
static RapportSearchMatch *
search_match_new (RapportSearchPlace  place,
                  char               *label,
                  const char         *text,
                  const char         *folded_needle)
{
  g_autofree char *owned_label = label;
  g_autofree char *valid = NULL;
  RapportSearchMatch *match;
  gsize start, end;

  if (text == NULL || *text == '\0')
    return NULL;
  /* the search makes broken text valid too (rapport_text_fold) */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (!rapport_text_find (text, folded_needle, &start, &end))
    return NULL;

  match = g_new0 (RapportSearchMatch, 1);
  match->place = place;
  match->label = g_steal_pointer (&owned_label);
  /* a name is shown whole already */
  if (place != RAPPORT_SEARCH_PLACE_NAME)
    match->snippet = rapport_text_snippet (text, start, end, SNIPPET_CHARS,
                                           &match->match_start, &match->match_end);
  return match;
}

/**
 * rapport_store_find_search_match:
 * @contact_id: a contact the search found
 * @folded_needle: what was searched, passed through rapport_text_fold()
 *
 * Tells where a contact search for @folded_needle found contact
 * @contact_id, looking through the same texts as
 * rapport_store_collect_search_texts() in the same order, and shows the
 * words around the first match as written, so that a person sees why
 * the contact is in the list.
 *
 * Returns: (transfer full) (nullable): the first match, or %NULL when
 *   the contact's texts do not contain @folded_needle
 */
RapportSearchMatch *
rapport_store_find_search_match (RapportStore *self,
                                 gint64        contact_id,
                                 const char   *folded_needle)
{
  static const RapportSearchPlace contact_places[] = {
    RAPPORT_SEARCH_PLACE_NAME,
    RAPPORT_SEARCH_PLACE_ORGANIZATION,
    RAPPORT_SEARCH_PLACE_FIELD,
    RAPPORT_SEARCH_PLACE_JOB_TITLE,
    RAPPORT_SEARCH_PLACE_NOTES,
  };
  RapportSearchMatch *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (folded_needle == NULL || *folded_needle == '\0')
    return NULL;

  /* The contact's own texts, as its search text has them */
  if (!(stmt = prepare (self, "SELECT name, organization, field, job_title, notes"
                              " FROM contacts WHERE id = ?1 AND deleted IS NULL", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; match == NULL && i < G_N_ELEMENTS (contact_places); i++)
      {
        const char *label;

        switch (contact_places[i])
          {
          case RAPPORT_SEARCH_PLACE_NAME: label = _("Name"); break;
          case RAPPORT_SEARCH_PLACE_ORGANIZATION: label = _("Organization"); break;
          case RAPPORT_SEARCH_PLACE_FIELD: label = _("Field of interest"); break;
          case RAPPORT_SEARCH_PLACE_JOB_TITLE: label = _("Job title"); break;
          case RAPPORT_SEARCH_PLACE_NOTES: label = _("Notes"); break;
          case RAPPORT_SEARCH_PLACE_INTERVIEW_GOALS:
          case RAPPORT_SEARCH_PLACE_INTERVIEW_NOTES:
          case RAPPORT_SEARCH_PLACE_PROMPT_NOTES:
          case RAPPORT_SEARCH_PLACE_CLIPPING_TITLE:
          case RAPPORT_SEARCH_PLACE_CLIPPING_NOTES:
          default:
            g_assert_not_reached ();
          }
        match = search_match_new (contact_places[i], g_strdup (label),
                                  (const char *)sqlite3_column_text (stmt, i), folded_needle);
      }
  else
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Its interviews, of appointments that are not deleted */
  if (match == NULL &&
      (stmt = prepare (self, "SELECT i.goals, i.notebook FROM appointments a"
                             " JOIN interviews i ON i.appointment_id = a.id"
                             " WHERE a.contact_id = ?1 AND a.deleted IS NULL ORDER BY a.id", NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      while (match == NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          match = search_match_new (RAPPORT_SEARCH_PLACE_INTERVIEW_GOALS, g_strdup (_("Interview goals")),
                                    (const char *)sqlite3_column_text (stmt, 0), folded_needle);
          if (match == NULL)
            match = search_match_new (RAPPORT_SEARCH_PLACE_INTERVIEW_NOTES, g_strdup (_("Interview notes")),
                                      (const char *)sqlite3_column_text (stmt, 1), folded_needle);
        }
      sqlite3_reset (stmt);
    }

  if (match == NULL &&
      (stmt = prepare (self, "SELECT p.notes FROM appointments a"
                             " JOIN interviews i ON i.appointment_id = a.id"
                             " JOIN prompts p ON p.interview_id = i.id"
                             " WHERE a.contact_id = ?1 AND a.deleted IS NULL AND p.notes != ''"
                             " ORDER BY a.id, p.position", NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      while (match == NULL && sqlite3_step (stmt) == SQLITE_ROW)
        match = search_match_new (RAPPORT_SEARCH_PLACE_PROMPT_NOTES, g_strdup (_("Notes on a question")),
                                  (const char *)sqlite3_column_text (stmt, 0), folded_needle);
      sqlite3_reset (stmt);
    }

  /* The clippings that name it and are not deleted */
  if (match == NULL &&
      (stmt = prepare (self, "SELECT c.title, c.notes FROM clipping_contacts cc"
                             " JOIN clippings c ON c.id = cc.clipping_id"
                             " WHERE cc.contact_id = ?1 AND c.deleted IS NULL ORDER BY c.id", NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      while (match == NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *title = (const char *)sqlite3_column_text (stmt, 0);

          match = search_match_new (RAPPORT_SEARCH_PLACE_CLIPPING_TITLE, g_strdup (_("Clipping")),
                                    title, folded_needle);
          if (match == NULL)
            match = search_match_new (RAPPORT_SEARCH_PLACE_CLIPPING_NOTES,
                                      /* Translators: where a search found a word:
                                       * in the notes of the clipping titled %s */
                                      g_strdup_printf (_("Clipping “%s”"), title ? title : ""),
                                      (const char *)sqlite3_column_text (stmt, 1), folded_needle);
        }
      sqlite3_reset (stmt);
    }

  return match;
}

/* Clippings */

static gboolean
validate_clipping (RapportClipping  *clipping,
                   GError          **error)
{
  g_autofree char *title = g_strstrip (g_strdup (rapport_clipping_get_title (clipping)));

  if (*title == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A clipping needs a title."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_clipping (sqlite3_stmt    *stmt,
               RapportClipping *clipping)
{
  g_autofree char *title = g_strstrip (g_strdup (rapport_clipping_get_title (clipping)));

  bind_text (stmt, 1, title);
  bind_text (stmt, 2, rapport_enum_to_key (RAPPORT_TYPE_CLIPPING_KIND, rapport_clipping_get_kind (clipping)));
  bind_text (stmt, 3, rapport_clipping_get_url (clipping));
  bind_text (stmt, 4, rapport_clipping_get_date (clipping));
  bind_text (stmt, 5, rapport_clipping_get_notes (clipping));
}

gboolean
rapport_store_add_clipping (RapportStore     *self,
                            RapportClipping  *clipping,
                            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (clipping)) == 0, FALSE);

  if (!validate_clipping (clipping, error) || !begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO clippings (title, kind, url, date, notes, created, updated)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }

  bind_clipping (stmt, clipping);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  set_inserted (self, RAPPORT_RECORD (clipping), now);
  track_record (self, RAPPORT_RECORD (clipping));
  emit_changed (self, quark_clippings);
  return TRUE;
}

/**
 * rapport_store_get_clipping:
 *
 * Returns: (transfer full) (nullable): the clipping, or %NULL
 */
RapportClipping *
rapport_store_get_clipping (RapportStore *self,
                            gint64        id)
{
  RapportClipping *clipping;
  sqlite3_stmt *stmt;
  int kind = RAPPORT_CLIPPING_OTHER;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (id <= 0 || g_hash_table_contains (self->deleted_clippings, &id))
    return NULL;

  if ((clipping = g_hash_table_lookup (self->clippings, &id)))
    return g_object_ref (clipping);

  if (!(stmt = prepare (self, "SELECT " CLIPPING_COLUMNS " FROM clippings"
                              " WHERE id = ? AND deleted IS NULL", NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  rapport_enum_from_key (RAPPORT_TYPE_CLIPPING_KIND, column_text (stmt, 2), &kind);
  clipping = g_object_new (RAPPORT_TYPE_CLIPPING,
                           "title", column_text (stmt, 1),
                           "kind", kind,
                           "url", column_text (stmt, 3),
                           "notes", column_text (stmt, 5),
                           NULL);
  if (rapport_iso_date_is_valid (column_text (stmt, 4)))
    rapport_clipping_set_date (clipping, column_text (stmt, 4));
  set_read (RAPPORT_RECORD (clipping), id, stmt, 6);
  sqlite3_reset (stmt);

  track_record (self, RAPPORT_RECORD (clipping));
  return clipping;
}

gboolean
rapport_store_save_clipping (RapportStore     *self,
                             RapportClipping  *clipping,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), FALSE);
  g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (clipping)) > 0, FALSE);

  if (!validate_clipping (clipping, error) || !begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE clippings SET title = ?1, kind = ?2, url = ?3, date = ?4, notes = ?5,"
                  " updated = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }

  bind_clipping (stmt, clipping);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, rapport_record_get_id (RAPPORT_RECORD (clipping)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  set_saved (self, RAPPORT_RECORD (clipping), now);
  emit_changed (self, quark_clippings);
  return TRUE;
}

gboolean
rapport_store_delete_clipping (RapportStore     *self,
                               RapportClipping  *clipping,
                               GError          **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (clipping));
  g_return_val_if_fail (id > 0, FALSE);

  if (g_hash_table_contains (self->dirty, clipping))
    rapport_store_save_clipping (self, clipping, NULL);

  if (!mark_deleted (self, "UPDATE clippings SET deleted = ?1 WHERE id = ?2 AND deleted IS NULL",
                     id, now_utc (), error))
    return FALSE;

  set_add_id (self->deleted_clippings, id);
  emit_changed (self, quark_clippings);
  return TRUE;
}

gboolean
rapport_store_undelete_clipping (RapportStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!mark_deleted (self, "UPDATE clippings SET deleted = ?1 WHERE id = ?2 AND deleted IS NOT NULL",
                     id, 0, error))
    return FALSE;

  g_hash_table_remove (self->deleted_clippings, &id);
  emit_changed (self, quark_clippings);
  return TRUE;
}

gboolean
rapport_store_purge_clipping (RapportStore  *self,
                              gint64         id,
                              GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return purge (self, "DELETE FROM clippings WHERE id = ? AND deleted IS NOT NULL",
                self->deleted_clippings, id, error);
}

/**
 * rapport_store_query_clippings:
 *
 * Returns: (transfer full): ids of matching clippings, newest first
 */
GArray *
rapport_store_query_clippings (RapportStore                *self,
                               const RapportClippingQuery  *query,
                               GError                     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM clippings WHERE deleted IS NULL");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->search != NULL && *query->search != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (query->search));

      if (*stripped)
        {
          g_ptr_array_add (texts, rapport_text_fold (stripped));
          g_string_append (sql, " AND (rapport_contains (title, ?1) OR rapport_contains (notes, ?1)"
                                " OR id IN (SELECT cc.clipping_id FROM clipping_contacts cc"
                                " JOIN contacts c ON c.id = cc.contact_id"
                                " WHERE c.deleted IS NULL AND rapport_contains (c.name, ?1)))");
        }
    }
  if (query->contact_id > 0)
    add_int_param (sql, ints, " AND id IN (SELECT clipping_id FROM clipping_contacts WHERE contact_id = ",
                   ")", query->contact_id);

  g_string_append (sql, " ORDER BY date = '', date DESC, created DESC, id DESC");

  return collect_ids (self, sql->str, texts, ints, error);
}

static gboolean
link_clipping (RapportStore  *self,
               gint64         clipping_id,
               gint64         contact_id,
               GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "INSERT OR IGNORE INTO clipping_contacts (clipping_id, contact_id)"
                        " VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, clipping_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  return step_done (self, stmt, error);
}

/**
 * rapport_store_link_clipping:
 *
 * Records that @clipping names @contact.
 */
gboolean
rapport_store_link_clipping (RapportStore     *self,
                             RapportClipping  *clipping,
                             RapportContact   *contact,
                             GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!link_clipping (self, rapport_record_get_id (RAPPORT_RECORD (clipping)),
                      rapport_record_get_id (RAPPORT_RECORD (contact)), error) ||
      !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  return TRUE;
}

gboolean
rapport_store_unlink_clipping (RapportStore     *self,
                               RapportClipping  *clipping,
                               RapportContact   *contact,
                               GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), FALSE);
  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), FALSE);

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM clipping_contacts WHERE clipping_id = ? AND contact_id = ?", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (clipping)));
  sqlite3_bind_int64 (stmt, 2, rapport_record_get_id (RAPPORT_RECORD (contact)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  return TRUE;
}

/**
 * rapport_store_add_contact_from_clipping:
 * @name: the person's name as the clipping gives it
 *
 * Turns a person named in a clipping into a contact in one step: the
 * contact's source is the article or broadcast, and the two are linked.
 *
 * Returns: (transfer full) (nullable): the new contact
 */
RapportContact *
rapport_store_add_contact_from_clipping (RapportStore     *self,
                                         RapportClipping  *clipping,
                                         const char       *name,
                                         GError          **error)
{
  g_autoptr(RapportContact) contact = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_CLIPPING (clipping), NULL);

  contact = rapport_contact_new (name);
  rapport_contact_set_source (contact, RAPPORT_SOURCE_ARTICLE);
  rapport_contact_set_source_detail (contact, rapport_clipping_get_title (clipping));

  if (!begin (self, error))
    return NULL;

  if (!insert_contact (self, contact, error) ||
      !link_clipping (self, rapport_record_get_id (RAPPORT_RECORD (clipping)),
                      rapport_record_get_id (RAPPORT_RECORD (contact)), error) ||
      !commit (self, error))
    {
      rollback (self);
      return NULL;
    }

  track_record (self, RAPPORT_RECORD (contact));
  emit_changed (self, quark_contacts);
  emit_changed (self, quark_clippings);
  return g_steal_pointer (&contact);
}

/* Appointments */

#define APPOINTMENT_COLUMNS \
  "id, uid, kind, contact_id, title, start, duration, place, mode, status, their_tz, notes, created, updated"

/* The moment of the last contact with a person: a request or scheduling
 * (when the appointment was made) or a meeting that was held. */
#define LAST_CONTACTED_SQL \
  "SELECT max(max(a.created, CASE WHEN a.status = 'held' THEN ifnull(a.start, 0) ELSE 0 END))" \
  " FROM appointments a WHERE a.contact_id = ? AND a.deleted IS NULL"

/* Appointments of a contact whose deletion can still be undone are hidden with it. */
/* A correlated lookup by primary key: "NOT IN (SELECT … WHERE deleted …)"
 * read the whole contacts table for every appointment (23 ms each at
 * 100 000 contacts, see tests/bench). */
#define APPOINTMENT_VISIBLE \
  "deleted IS NULL AND NOT EXISTS (SELECT 1 FROM contacts hidden " \
  "WHERE hidden.id = appointments.contact_id AND hidden.deleted IS NOT NULL)"

/**
 * rapport_stage_after_status:
 *
 * The pipeline follows the appointments: asking moves a contact to
 * "requested", a confirmed time to "scheduled", a held meeting to "met".
 * A contact never moves backwards, so a student's own stage change stays.
 *
 * Returns: the stage a contact at @stage moves to when an interview with
 *   them gets @status
 */
RapportStage
rapport_stage_after_status (RapportStage  stage,
                            RapportStatus status)
{
  RapportStage target;

  switch (status)
    {
    case RAPPORT_STATUS_REQUESTED: target = RAPPORT_STAGE_REQUESTED; break;
    case RAPPORT_STATUS_CONFIRMED: target = RAPPORT_STAGE_SCHEDULED; break;
    case RAPPORT_STATUS_HELD:      target = RAPPORT_STAGE_MET; break;
    case RAPPORT_STATUS_CANCELLED:
    case RAPPORT_STATUS_RESCHEDULED:
    case RAPPORT_STATUS_NO_SHOW:
    default:
      return stage;
    }

  /* A declined contact who then agrees to meet is back in the pipeline. */
  if (stage == RAPPORT_STAGE_DECLINED)
    return status == RAPPORT_STATUS_REQUESTED ? stage : target;

  return target > stage ? target : stage;
}

static gboolean
validate_appointment (RapportStore        *self,
                      RapportAppointment  *appointment,
                      GError             **error)
{
  gint64 contact_id = rapport_appointment_get_contact_id (appointment);

  if (rapport_appointment_get_kind (appointment) == RAPPORT_APPOINTMENT_INTERVIEW && contact_id == 0)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("An informational interview needs the person you are meeting."));
      return FALSE;
    }

  if (contact_id != 0)
    {
      g_autoptr(RapportContact) contact = rapport_store_get_contact (self, contact_id);

      if (contact == NULL)
        {
          g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                               _("The person for this appointment is no longer in your contacts."));
          return FALSE;
        }
    }

  if (rapport_appointment_get_status (appointment) != RAPPORT_STATUS_REQUESTED &&
      rapport_appointment_get_start (appointment) == 0)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Only a request can be without a date and time."));
      return FALSE;
    }

  if (*rapport_appointment_get_their_timezone (appointment))
    {
      GTimeZone *tz = g_time_zone_new_identifier (rapport_appointment_get_their_timezone (appointment));

      if (tz == NULL)
        {
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("“%s” is not a time zone this computer knows."),
                       rapport_appointment_get_their_timezone (appointment));
          return FALSE;
        }
      g_time_zone_unref (tz);
    }

  return TRUE;
}

static void
bind_appointment (sqlite3_stmt       *stmt,
                  RapportAppointment *appointment)
{
  gint64 contact_id = rapport_appointment_get_contact_id (appointment);
  gint64 start = rapport_appointment_get_start (appointment);

  bind_text (stmt, 1, rapport_appointment_get_uid (appointment));
  bind_text (stmt, 2, rapport_enum_to_key (RAPPORT_TYPE_APPOINTMENT_KIND, rapport_appointment_get_kind (appointment)));
  if (contact_id > 0)
    sqlite3_bind_int64 (stmt, 3, contact_id);
  else
    sqlite3_bind_null (stmt, 3);
  bind_text (stmt, 4, rapport_appointment_get_title (appointment));
  if (start > 0)
    sqlite3_bind_int64 (stmt, 5, start);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, rapport_appointment_get_duration (appointment));
  bind_text (stmt, 7, rapport_appointment_get_place (appointment));
  bind_text (stmt, 8, rapport_enum_to_key (RAPPORT_TYPE_MODE, rapport_appointment_get_mode (appointment)));
  bind_text (stmt, 9, rapport_enum_to_key (RAPPORT_TYPE_STATUS, rapport_appointment_get_status (appointment)));
  bind_text (stmt, 10, rapport_appointment_get_their_timezone (appointment));
  bind_text (stmt, 11, rapport_appointment_get_notes (appointment));
}

static gboolean
record_change (RapportStore  *self,
               gint64         appointment_id,
               gint64         when,
               gint64         old_start,
               gint64         new_start,
               const char    *old_status,
               const char    *new_status,
               GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO appointment_changes (appointment_id, changed, old_start, new_start,"
                  " old_status, new_status) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, when);
  if (old_start > 0) sqlite3_bind_int64 (stmt, 3, old_start); else sqlite3_bind_null (stmt, 3);
  if (new_start > 0) sqlite3_bind_int64 (stmt, 4, new_start); else sqlite3_bind_null (stmt, 4);
  if (old_status) bind_text (stmt, 5, old_status); else sqlite3_bind_null (stmt, 5);
  if (new_status) bind_text (stmt, 6, new_status); else sqlite3_bind_null (stmt, 6);

  return step_done (self, stmt, error);
}

/* Moves the contact along the pipeline in the same transaction as the
 * appointment change that caused it. */
static gboolean
follow_stage (RapportStore        *self,
              RapportAppointment  *appointment,
              gboolean            *contact_changed,
              GError             **error)
{
  g_autoptr(RapportContact) contact = NULL;
  RapportStage stage, next;
  sqlite3_stmt *stmt;

  if (rapport_appointment_get_kind (appointment) != RAPPORT_APPOINTMENT_INTERVIEW)
    return TRUE;

  contact = rapport_store_get_contact (self, rapport_appointment_get_contact_id (appointment));
  if (contact == NULL)
    return TRUE;

  stage = rapport_contact_get_stage (contact);
  next = rapport_stage_after_status (stage, rapport_appointment_get_status (appointment));
  if (next == stage)
    return TRUE;

  stmt = prepare (self, "UPDATE contacts SET stage = ?, updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_STAGE, next));
  sqlite3_bind_int64 (stmt, 2, now_utc ());
  sqlite3_bind_int64 (stmt, 3, rapport_record_get_id (RAPPORT_RECORD (contact)));
  if (!step_done (self, stmt, error))
    return FALSE;

  /* The object follows the row; this is not an edit to save again. */
  g_signal_handlers_block_by_func (contact, on_record_notify, self);
  rapport_contact_set_stage (contact, next);
  g_signal_handlers_unblock_by_func (contact, on_record_notify, self);
  *contact_changed = TRUE;
  return TRUE;
}

static gboolean
insert_appointment (RapportStore        *self,
                    RapportAppointment  *appointment,
                    gint64               now,
                    gboolean            *contact_changed,
                    GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate_appointment (self, appointment, error))
    return FALSE;

  if (*rapport_appointment_get_uid (appointment) == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *uid = g_strconcat (uuid, "@rapport", NULL);

      rapport_appointment_set_uid (appointment, uid);
    }

  stmt = prepare (self,
                  "INSERT INTO appointments (uid, kind, contact_id, title, start, duration, place, mode,"
                  " status, their_tz, notes, created, updated)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)", error);
  if (stmt == NULL)
    return FALSE;

  bind_appointment (stmt, appointment);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!step_done (self, stmt, error))
    {
      if (error && *error && (*error)->code == RAPPORT_STORE_ERROR_INVALID)
        {
          g_clear_error (error);
          g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                       _("An appointment with the same identifier (%s) is already in your calendar."),
                       rapport_appointment_get_uid (appointment));
        }
      return FALSE;
    }

  id = sqlite3_last_insert_rowid (self->db);
  if (!record_change (self, id, now, 0, rapport_appointment_get_start (appointment), NULL,
                      rapport_enum_to_key (RAPPORT_TYPE_STATUS, rapport_appointment_get_status (appointment)),
                      error))
    return FALSE;

  if (!follow_stage (self, appointment, contact_changed, error))
    return FALSE;

  rapport_record_set_id (RAPPORT_RECORD (appointment), id);
  return TRUE;
}


/**
 * rapport_store_add_appointment:
 *
 * Saves a new appointment (an interview needs its contact) and moves the
 * contact along the pipeline: a request makes them "requested", a
 * confirmed time "scheduled".
 */
gboolean
rapport_store_add_appointment (RapportStore        *self,
                               RapportAppointment  *appointment,
                               GError             **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), FALSE);

  g_ptr_array_add (one, appointment);
  return rapport_store_add_appointments (self, one, error);
}

/**
 * rapport_store_add_appointments:
 * @appointments: (element-type RapportAppointment): new appointments
 *
 * Adds all of @appointments in one transaction, as an import does: if one
 * cannot be added, none is.
 */
gboolean
rapport_store_add_appointments (RapportStore  *self,
                                GPtrArray     *appointments,
                                GError       **error)
{
  gboolean contact_changed = FALSE;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (appointments != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < appointments->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i);

      g_return_val_if_fail (rapport_record_get_id (RAPPORT_RECORD (appointment)) == 0, FALSE);

      if (!insert_appointment (self, appointment, now, &contact_changed, error))
        {
          rollback (self);
          for (guint j = 0; j <= i; j++)
            rapport_record_set_id (g_ptr_array_index (appointments, j), 0);
          return FALSE;
        }
    }

  if (!commit (self, error))
    {
      for (guint j = 0; j < appointments->len; j++)
        rapport_record_set_id (g_ptr_array_index (appointments, j), 0);
      return FALSE;
    }

  for (guint i = 0; i < appointments->len; i++)
    {
      RapportAppointment *appointment = g_ptr_array_index (appointments, i);

      rapport_record_set_created (RAPPORT_RECORD (appointment), now);
      rapport_record_set_updated (RAPPORT_RECORD (appointment), now);
      track_record (self, RAPPORT_RECORD (appointment));
      update_last_contacted (self, rapport_appointment_get_contact_id (appointment));
    }

  emit_changed (self, quark_appointments);
  if (contact_changed)
    emit_changed (self, quark_contacts);
  return TRUE;
}

static RapportAppointment *
appointment_from_row (sqlite3_stmt *stmt)
{
  RapportAppointment *appointment;
  int kind = RAPPORT_APPOINTMENT_OTHER;
  int mode = RAPPORT_MODE_IN_PERSON;
  int status = RAPPORT_STATUS_REQUESTED;
  int duration = sqlite3_column_int (stmt, 6);

  rapport_enum_from_key (RAPPORT_TYPE_APPOINTMENT_KIND, column_text (stmt, 2), &kind);
  rapport_enum_from_key (RAPPORT_TYPE_MODE, column_text (stmt, 8), &mode);
  rapport_enum_from_key (RAPPORT_TYPE_STATUS, column_text (stmt, 9), &status);

  appointment = g_object_new (RAPPORT_TYPE_APPOINTMENT,
                              "uid", column_text (stmt, 1),
                              "kind", kind,
                              "contact-id", sqlite3_column_int64 (stmt, 3),
                              "title", column_text (stmt, 4),
                              "start", sqlite3_column_int64 (stmt, 5),
                              "duration", CLAMP (duration, 1, 24 * 60),
                              "place", column_text (stmt, 7),
                              "mode", mode,
                              "status", status,
                              "their-timezone", column_text (stmt, 10),
                              "notes", column_text (stmt, 11),
                              NULL);
  set_read (RAPPORT_RECORD (appointment), sqlite3_column_int64 (stmt, 0), stmt, 12);
  return appointment;
}

/**
 * rapport_store_get_appointment:
 *
 * Returns: (transfer full) (nullable): the appointment, or %NULL if it (or
 *   its contact) was deleted
 */
RapportAppointment *
rapport_store_get_appointment (RapportStore *self,
                               gint64        id)
{
  RapportAppointment *appointment;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (id <= 0 || g_hash_table_contains (self->deleted_appointments, &id))
    return NULL;

  if ((appointment = g_hash_table_lookup (self->appointments, &id)))
    {
      gint64 contact_id = rapport_appointment_get_contact_id (appointment);

      if (contact_id > 0 && g_hash_table_contains (self->deleted_contacts, &contact_id))
        return NULL;
      return g_object_ref (appointment);
    }

  if (!(stmt = prepare (self, "SELECT " APPOINTMENT_COLUMNS " FROM appointments"
                              " WHERE id = ? AND " APPOINTMENT_VISIBLE, NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  appointment = appointment_from_row (stmt);
  sqlite3_reset (stmt);
  track_record (self, RAPPORT_RECORD (appointment));
  return appointment;
}

/**
 * rapport_store_find_appointment_by_uid:
 *
 * Returns: (transfer full) (nullable): the appointment with iCalendar UID @uid
 */
RapportAppointment *
rapport_store_find_appointment_by_uid (RapportStore *self,
                                       const char   *uid)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (uid == NULL || !(stmt = prepare (self, "SELECT id FROM appointments WHERE uid = ? AND " APPOINTMENT_VISIBLE, NULL)))
    return NULL;

  bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id > 0 ? rapport_store_get_appointment (self, id) : NULL;
}

/**
 * rapport_store_save_appointment:
 *
 * Writes @appointment now. A new time or status is kept in its history
 * ("rescheduled from …") and moves the contact along the pipeline.
 */
gboolean
rapport_store_save_appointment (RapportStore        *self,
                                RapportAppointment  *appointment,
                                GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();
  gint64 id, old_start = 0;
  g_autofree char *old_status = NULL;
  const char *new_status;
  gboolean contact_changed = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (appointment));
  g_return_val_if_fail (id > 0, FALSE);

  if (!validate_appointment (self, appointment, error) || !begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, "SELECT start, status FROM appointments WHERE id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      old_start = sqlite3_column_int64 (stmt, 0);
      old_status = g_strdup (column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "UPDATE appointments SET uid = ?1, kind = ?2, contact_id = ?3, title = ?4, start = ?5,"
                  " duration = ?6, place = ?7, mode = ?8, status = ?9, their_tz = ?10, notes = ?11,"
                  " updated = ?12 WHERE id = ?13", error);
  if (stmt == NULL)
    goto failed;

  bind_appointment (stmt, appointment);
  sqlite3_bind_int64 (stmt, 12, now);
  sqlite3_bind_int64 (stmt, 13, id);
  if (!step_done (self, stmt, error))
    goto failed;

  new_status = rapport_enum_to_key (RAPPORT_TYPE_STATUS, rapport_appointment_get_status (appointment));
  if (old_start != rapport_appointment_get_start (appointment) || g_strcmp0 (old_status, new_status) != 0)
    {
      if (!record_change (self, id, now, old_start, rapport_appointment_get_start (appointment),
                          old_status, new_status, error))
        goto failed;
    }

  if (!follow_stage (self, appointment, &contact_changed, error) || !commit (self, error))
    goto failed;

  set_saved (self, RAPPORT_RECORD (appointment), now);
  update_last_contacted (self, rapport_appointment_get_contact_id (appointment));
  emit_changed (self, quark_appointments);
  if (contact_changed)
    emit_changed (self, quark_contacts);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

gboolean
rapport_store_delete_appointment (RapportStore        *self,
                                  RapportAppointment  *appointment,
                                  GError             **error)
{
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (appointment));
  g_return_val_if_fail (id > 0, FALSE);

  if (g_hash_table_contains (self->dirty, appointment))
    rapport_store_save_appointment (self, appointment, NULL);

  if (!mark_deleted (self, "UPDATE appointments SET deleted = ?1 WHERE id = ?2 AND deleted IS NULL",
                     id, now_utc (), error))
    return FALSE;

  set_add_id (self->deleted_appointments, id);
  update_last_contacted (self, rapport_appointment_get_contact_id (appointment));
  emit_changed (self, quark_appointments);
  return TRUE;
}

gboolean
rapport_store_undelete_appointment (RapportStore  *self,
                                    gint64         id,
                                    GError       **error)
{
  g_autoptr(RapportAppointment) appointment = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!mark_deleted (self, "UPDATE appointments SET deleted = ?1 WHERE id = ?2 AND deleted IS NOT NULL",
                     id, 0, error))
    return FALSE;

  g_hash_table_remove (self->deleted_appointments, &id);
  if ((appointment = rapport_store_get_appointment (self, id)))
    update_last_contacted (self, rapport_appointment_get_contact_id (appointment));
  emit_changed (self, quark_appointments);
  return TRUE;
}

gboolean
rapport_store_purge_appointment (RapportStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  return purge (self, "DELETE FROM appointments WHERE id = ? AND deleted IS NOT NULL",
                self->deleted_appointments, id, error);
}

/**
 * rapport_store_query_appointments:
 *
 * Returns: (transfer full): ids of matching appointments in time order;
 *   requests without a time come first
 */
GArray *
rapport_store_query_appointments (RapportStore                   *self,
                                  const RapportAppointmentQuery  *query,
                                  GError                        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM appointments WHERE " APPOINTMENT_VISIBLE);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->unscheduled)
    g_string_append (sql, " AND start IS NULL");
  /* An appointment is in [from, to) if any part of it is. */
  if (query->from > 0)
    add_int_param (sql, ints, " AND start + duration * 60 > ", "", query->from);
  if (query->to > 0)
    add_int_param (sql, ints, " AND start < ", "", query->to);
  if (query->contact_id > 0)
    add_int_param (sql, ints, " AND contact_id = ", "", query->contact_id);
  if (query->status >= 0)
    {
      g_string_append_printf (sql, " AND status = ?%u", texts->len + 1);
      g_ptr_array_add (texts, g_strdup (rapport_enum_to_key (RAPPORT_TYPE_STATUS, query->status)));
    }
  if (query->active_only)
    g_string_append (sql, " AND status IN ('requested', 'confirmed', 'held')");
  if (query->kind >= 0)
    {
      g_string_append_printf (sql, " AND kind = ?%u", texts->len + 1);
      g_ptr_array_add (texts, g_strdup (rapport_enum_to_key (RAPPORT_TYPE_APPOINTMENT_KIND, query->kind)));
    }

  g_string_append (sql, " ORDER BY start IS NOT NULL, start, created, id");

  return collect_ids (self, sql->str, texts, ints, error);
}

/**
 * rapport_store_find_overlaps:
 *
 * Returns: (transfer full): ids of other active appointments whose time
 *   overlaps @appointment's, to point out before saving
 */
GArray *
rapport_store_find_overlaps (RapportStore       *self,
                             RapportAppointment *appointment)
{
  g_autoptr(GArray) ids = NULL;
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  gint64 self_id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

  if (rapport_appointment_get_start (appointment) == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  query.from = rapport_appointment_get_start (appointment);
  query.to = rapport_appointment_get_end (appointment);
  query.active_only = TRUE;
  ids = rapport_store_query_appointments (self, &query, NULL);
  if (ids == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  self_id = rapport_record_get_id (RAPPORT_RECORD (appointment));
  for (guint i = ids->len; i > 0; i--)
    if (g_array_index (ids, gint64, i - 1) == self_id)
      g_array_remove_index (ids, i - 1);

  return g_steal_pointer (&ids);
}

/**
 * rapport_store_get_last_contacted:
 *
 * Returns: when the student last asked, scheduled or met @contact_id (UTC
 *   seconds), or 0 if never
 */
gint64
rapport_store_get_last_contacted (RapportStore *self,
                                  gint64        contact_id)
{
  sqlite3_stmt *stmt;
  gint64 when = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(stmt = prepare (self, LAST_CONTACTED_SQL, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    when = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return when;
}

/**
 * rapport_store_list_last_contacted:
 *
 * rapport_store_get_last_contacted() for everyone at once, in one query.
 *
 * Returns: (transfer full) (element-type RapportLastContact): by contact
 *   id, ascending; people never contacted are left out
 */
GArray *
rapport_store_list_last_contacted (RapportStore  *self,
                                   GError       **error)
{
  GArray *list;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT a.contact_id,"
                              " max(max(a.created, CASE WHEN a.status = 'held' THEN ifnull(a.start, 0) ELSE 0 END))"
                              " FROM appointments a WHERE a.contact_id IS NOT NULL AND a.deleted IS NULL"
                              " GROUP BY a.contact_id ORDER BY a.contact_id", error)))
    return NULL;

  list = g_array_new (FALSE, FALSE, sizeof (RapportLastContact));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportLastContact last = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (list, last);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      g_array_unref (list);
      return NULL;
    }
  return list;
}

static void
update_last_contacted (RapportStore *self,
                       gint64        contact_id)
{
  RapportContact *contact;

  if (contact_id <= 0 || !(contact = g_hash_table_lookup (self->contacts, &contact_id)))
    return;

  rapport_contact_set_last_contacted (contact, rapport_store_get_last_contacted (self, contact_id));
}

/**
 * rapport_store_list_events:
 *
 * Returns: (transfer full) (element-type RapportEvent): what happened with
 *   @contact_id, newest first: added, requested, scheduled, rescheduled,
 *   and status changes of their appointments
 */
GArray *
rapport_store_list_events (RapportStore  *self,
                           gint64         contact_id,
                           GError       **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (RapportEvent));
  g_autoptr(RapportContact) contact = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  contact = rapport_store_get_contact (self, contact_id);
  if (contact == NULL)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That contact no longer exists."));
      return NULL;
    }

  {
    RapportEvent added = { RAPPORT_EVENT_ADDED, rapport_record_get_created (RAPPORT_RECORD (contact)), 0, 0, 0, -1 };
    g_array_append_val (events, added);
  }

  stmt = prepare (self,
                  "SELECT c.appointment_id, c.changed, ifnull(c.old_start, 0), ifnull(c.new_start, 0),"
                  " ifnull(c.old_status, ''), ifnull(c.new_status, '')"
                  " FROM appointment_changes c JOIN appointments a ON a.id = c.appointment_id"
                  " WHERE a.contact_id = ? AND a.deleted IS NULL ORDER BY c.changed, c.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportEvent event = { 0 };
      int status = -1;
      const char *old_status = column_text (stmt, 4);
      const char *new_status = column_text (stmt, 5);

      event.appointment_id = sqlite3_column_int64 (stmt, 0);
      event.when = sqlite3_column_int64 (stmt, 1);
      event.old_start = sqlite3_column_int64 (stmt, 2);
      event.new_start = sqlite3_column_int64 (stmt, 3);
      rapport_enum_from_key (RAPPORT_TYPE_STATUS, new_status, &status);
      event.status = status;

      if (*old_status == '\0')
        event.kind = status == RAPPORT_STATUS_REQUESTED ? RAPPORT_EVENT_REQUESTED : RAPPORT_EVENT_SCHEDULED;
      else if (event.old_start != event.new_start && event.old_start > 0 && event.new_start > 0)
        event.kind = RAPPORT_EVENT_RESCHEDULED;
      else if (event.old_start == 0 && event.new_start > 0 && g_str_equal (old_status, "requested"))
        event.kind = RAPPORT_EVENT_SCHEDULED;
      else if (!g_str_equal (old_status, new_status))
        event.kind = RAPPORT_EVENT_STATUS;
      else
        continue;

      g_array_append_val (events, event);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Collected oldest first (the contact was added before anything else
   * happened); shown newest first. */
  for (guint i = 0, j = events->len - 1; i < j; i++, j--)
    {
      RapportEvent tmp = g_array_index (events, RapportEvent, i);
      g_array_index (events, RapportEvent, i) = g_array_index (events, RapportEvent, j);
      g_array_index (events, RapportEvent, j) = tmp;
    }

  return g_steal_pointer (&events);
}

/**
 * rapport_store_dup_appointment_title:
 *
 * Returns: (transfer full): what to call @appointment in a list or a
 *   calendar: its own title, or "Informational interview with …", or its kind
 */
char *
rapport_store_dup_appointment_title (RapportStore       *self,
                                     RapportAppointment *appointment)
{
  g_autoptr(RapportContact) contact = NULL;
  RapportAppointmentKind kind;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), NULL);

  if (*rapport_appointment_get_title (appointment))
    return g_strdup (rapport_appointment_get_title (appointment));

  kind = rapport_appointment_get_kind (appointment);
  contact = rapport_store_get_contact (self, rapport_appointment_get_contact_id (appointment));
  if (contact != NULL && kind == RAPPORT_APPOINTMENT_INTERVIEW)
    /* Translators: %s is the name of the person met */
    return g_strdup_printf (_("Informational interview with %s"), rapport_contact_get_name (contact));
  if (contact != NULL)
    /* Translators: an appointment's kind and the person met, e.g. "Other: Ada Lovelace" */
    return g_strdup_printf (_("%s: %s"), rapport_appointment_kind_get_label (kind), rapport_contact_get_name (contact));

  return g_strdup (rapport_appointment_kind_get_label (kind));
}

/* Question bank */

static gboolean
seed_questions (RapportStore  *self,
                GError       **error)
{
  const RapportBuiltinQuestion *builtins;
  sqlite3_stmt *stmt;
  guint n_builtins;
  int present = 0;
  gint64 now = now_utc ();

  builtins = rapport_builtin_questions (&n_builtins);
  if (query_int (self, "SELECT count(*) FROM questions WHERE key IS NOT NULL", &present, error) != SQLITE_OK)
    return FALSE;
  if ((guint)present >= n_builtins)
    return TRUE;

  /* New built-ins (first start, or a newer version) join the bank; hidden
   * or edited ones stay as the student left them. */
  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_builtins; i++)
    {
      if (!(stmt = prepare (self, "INSERT OR IGNORE INTO questions (key, category, position, created, updated)"
                                  " VALUES (?, ?, ?, ?, ?)", error)))
        goto failed;
      bind_text (stmt, 1, builtins[i].key);
      bind_text (stmt, 2, rapport_enum_to_key (RAPPORT_TYPE_CATEGORY, builtins[i].category));
      sqlite3_bind_int (stmt, 3, i * 10);
      sqlite3_bind_int64 (stmt, 4, now);
      sqlite3_bind_int64 (stmt, 5, now);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_list_questions:
 *
 * Returns: (transfer full): the bank's question ids by category, then in
 *   the student's order
 */
GArray *
rapport_store_list_questions (RapportStore  *self,
                              gboolean       include_hidden,
                              GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  return collect_ids (self,
                      include_hidden
                      ? "SELECT id FROM questions ORDER BY CASE category"
                        " WHEN 'career-path' THEN 0 WHEN 'typical-day' THEN 1 WHEN 'skills' THEN 2"
                        " WHEN 'environment' THEN 3 WHEN 'reading' THEN 4 WHEN 'job-search' THEN 5"
                        " WHEN 'salary' THEN 6 WHEN 'field-goals' THEN 7 WHEN 'referrals' THEN 8 ELSE 9 END,"
                        " position, id"
                      : "SELECT id FROM questions WHERE hidden = 0 ORDER BY CASE category"
                        " WHEN 'career-path' THEN 0 WHEN 'typical-day' THEN 1 WHEN 'skills' THEN 2"
                        " WHEN 'environment' THEN 3 WHEN 'reading' THEN 4 WHEN 'job-search' THEN 5"
                        " WHEN 'salary' THEN 6 WHEN 'field-goals' THEN 7 WHEN 'referrals' THEN 8 ELSE 9 END,"
                        " position, id",
                      texts, ints, error);
}

RapportQuestion *
rapport_store_get_question (RapportStore *self,
                            gint64        id)
{
  RapportQuestion *question;
  sqlite3_stmt *stmt;
  int category = RAPPORT_CATEGORY_CAREER_PATH;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if ((question = lookup_record (self, RAPPORT_TYPE_QUESTION, id)))
    return g_object_ref (question);

  if (!(stmt = prepare (self, "SELECT id, ifnull(key, ''), category, text, position, hidden, created, updated"
                              " FROM questions WHERE id = ?", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  rapport_enum_from_key (RAPPORT_TYPE_CATEGORY, column_text (stmt, 2), &category);
  question = g_object_new (RAPPORT_TYPE_QUESTION,
                           "key", column_text (stmt, 1),
                           "category", category,
                           "text", column_text (stmt, 3),
                           "position", sqlite3_column_int (stmt, 4),
                           "hidden", sqlite3_column_int (stmt, 5) != 0,
                           NULL);
  set_read (RAPPORT_RECORD (question), id, stmt, 6);
  sqlite3_reset (stmt);

  track_record (self, RAPPORT_RECORD (question));
  return question;
}

static gboolean
validate_question (RapportQuestion  *question,
                   GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rapport_question_get_text (question)));

  if (!rapport_question_is_builtin (question) && *text == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A question needs some words."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_store_add_question:
 *
 * Adds the student's own question at the end of its category.
 */
gboolean
rapport_store_add_question (RapportStore     *self,
                            RapportQuestion  *question,
                            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();
  int last = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), FALSE);
  g_return_val_if_fail (!rapport_question_is_builtin (question), FALSE);

  if (!validate_question (question, error) || !begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, "SELECT ifnull(max(position), 0) FROM questions WHERE category = ?", error)))
    goto failed;
  bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_CATEGORY, rapport_question_get_category (question)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (!(stmt = prepare (self, "INSERT INTO questions (category, text, position, hidden, created, updated)"
                              " VALUES (?, ?, ?, ?, ?, ?)", error)))
    goto failed;
  bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_CATEGORY, rapport_question_get_category (question)));
  bind_text (stmt, 2, rapport_question_get_text (question));
  sqlite3_bind_int (stmt, 3, last + 10);
  sqlite3_bind_int (stmt, 4, rapport_question_get_hidden (question));
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_inserted (self, RAPPORT_RECORD (question), now);
  g_signal_handlers_block_by_func (question, on_record_notify, self);
  rapport_question_set_position (question, last + 10);
  g_signal_handlers_unblock_by_func (question, on_record_notify, self);
  track_record (self, RAPPORT_RECORD (question));
  emit_changed (self, quark_questions);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_save_question:
 *
 * Writes the question's wording, place and hidden state. A built-in with
 * its own wording keeps its key, so clearing the wording restores the
 * original in the current language.
 */
gboolean
rapport_store_save_question (RapportStore     *self,
                             RapportQuestion  *question,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), FALSE);

  if (!validate_question (question, error) || !begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, "UPDATE questions SET category = ?, text = ?, position = ?, hidden = ?,"
                              " updated = ? WHERE id = ?", error)))
    goto failed;
  bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_CATEGORY, rapport_question_get_category (question)));
  bind_text (stmt, 2, rapport_question_get_text (question));
  sqlite3_bind_int (stmt, 3, rapport_question_get_position (question));
  sqlite3_bind_int (stmt, 4, rapport_question_get_hidden (question));
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, rapport_record_get_id (RAPPORT_RECORD (question)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_saved (self, RAPPORT_RECORD (question), now);
  emit_changed (self, quark_questions);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* Swaps the position of @a and @b (two rows of @table) in one transaction. */
static gboolean
swap_positions (RapportStore  *self,
                const char    *sql,
                gint64         a,
                int            a_position,
                gint64         b,
                int            b_position,
                GError       **error)
{
  sqlite3_stmt *stmt;

  if (!begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, sql, error)))
    goto failed;
  sqlite3_bind_int (stmt, 1, b_position);
  sqlite3_bind_int64 (stmt, 2, a);
  if (!step_done (self, stmt, error))
    goto failed;

  if (!(stmt = prepare (self, sql, error)))
    goto failed;
  sqlite3_bind_int (stmt, 1, a_position);
  sqlite3_bind_int64 (stmt, 2, b);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* Sets a cached record's position to match its row, without an autosave. */
static void
follow_position (RapportStore *self,
                 GObject      *record,
                 int           position)
{
  if (record == NULL)
    return;

  g_signal_handlers_block_by_func (record, on_record_notify, self);
  g_object_set (record, "position", position, NULL);
  g_signal_handlers_unblock_by_func (record, on_record_notify, self);
}

/**
 * rapport_store_move_question:
 * @delta: -1 to move it up within its category, 1 to move it down
 *
 * Returns: %FALSE if it is already first or last, or on error
 */
gboolean
rapport_store_move_question (RapportStore     *self,
                             RapportQuestion  *question,
                             int               delta,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 other_id = 0;
  int other_position = 0;
  int position;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  id = rapport_record_get_id (RAPPORT_RECORD (question));
  position = rapport_question_get_position (question);

  stmt = prepare (self,
                  delta < 0
                  ? "SELECT id, position FROM questions WHERE category = ?1 AND (position < ?2 OR (position = ?2 AND id < ?3))"
                    " ORDER BY position DESC, id DESC LIMIT 1"
                  : "SELECT id, position FROM questions WHERE category = ?1 AND (position > ?2 OR (position = ?2 AND id > ?3))"
                    " ORDER BY position, id LIMIT 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_CATEGORY, rapport_question_get_category (question)));
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      other_id = sqlite3_column_int64 (stmt, 0);
      other_position = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (other_id == 0)
    return FALSE;
  /* Equal positions can't be swapped apart: spread them first. */
  if (other_position == position)
    other_position += delta;

  if (!swap_positions (self, "UPDATE questions SET position = ? WHERE id = ?",
                       id, position, other_id, other_position, error))
    return FALSE;

  follow_position (self, G_OBJECT (question), other_position);
  follow_position (self, lookup_record (self, RAPPORT_TYPE_QUESTION, other_id), position);
  emit_changed (self, quark_questions);
  return TRUE;
}

/* Interviews */

static RapportInterview *
load_interview (RapportStore *self,
                gint64        appointment_id)
{
  RapportInterview *interview;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = prepare (self, "SELECT id, goals, notebook, checklist, got_card, elapsed, created, updated"
                              " FROM interviews WHERE appointment_id = ?", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  id = sqlite3_column_int64 (stmt, 0);
  if ((interview = lookup_record (self, RAPPORT_TYPE_INTERVIEW, id)))
    {
      sqlite3_reset (stmt);
      return g_object_ref (interview);
    }

  interview = g_object_new (RAPPORT_TYPE_INTERVIEW,
                            "appointment-id", appointment_id,
                            "goals", column_text (stmt, 1),
                            "notebook", column_text (stmt, 2),
                            "checklist", (guint)sqlite3_column_int (stmt, 3),
                            "got-card", sqlite3_column_int (stmt, 4) != 0,
                            "elapsed", sqlite3_column_int (stmt, 5),
                            NULL);
  set_read (RAPPORT_RECORD (interview), id, stmt, 6);
  sqlite3_reset (stmt);

  track_record (self, RAPPORT_RECORD (interview));
  return interview;
}

static void take_carried_topics (RapportStore     *self,
                                 RapportInterview *interview);

/**
 * rapport_store_get_interview:
 * @appointment_id: an appointment (usually of kind interview)
 *
 * Returns: (transfer full) (nullable): the preparation and notes of the
 *   interview, made empty on first use, or %NULL with @error set
 */
RapportInterview *
rapport_store_get_interview (RapportStore  *self,
                             gint64         appointment_id,
                             GError       **error)
{
  g_autoptr(RapportAppointment) appointment = NULL;
  RapportInterview *interview;
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if ((interview = load_interview (self, appointment_id)))
    return interview;

  appointment = rapport_store_get_appointment (self, appointment_id);
  if (appointment == NULL)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_NOT_FOUND,
                           _("That appointment no longer exists."));
      return NULL;
    }

  if (!begin (self, error))
    return NULL;
  if (!(stmt = prepare (self, "INSERT INTO interviews (appointment_id, created, updated) VALUES (?, ?, ?)", error)))
    {
      rollback (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!step_done (self, stmt, error) || !commit (self, error))
    {
      rollback (self);
      return NULL;
    }

  emit_changed (self, quark_interviews);
  interview = load_interview (self, appointment_id);

  /* A new interview's preparation starts with what the last evaluation
   * left open, if the student chose to carry it here. */
  if (interview != NULL && rapport_appointment_get_kind (appointment) == RAPPORT_APPOINTMENT_INTERVIEW &&
      (rapport_appointment_get_start (appointment) == 0 || rapport_appointment_get_start (appointment) > now) &&
      rapport_appointment_get_status (appointment) <= RAPPORT_STATUS_CONFIRMED)
    take_carried_topics (self, interview);

  return interview;
}

/* The first question of the bank (in its order) that helps answer each of
 * @topics, picked for @interview unless it is there already. */
static void
pick_for_topics (RapportStore     *self,
                 RapportInterview *interview,
                 guint             topics)
{
  g_autoptr(GArray) bank = rapport_store_list_questions (self, FALSE, NULL);

  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      if (!(topics & (1u << t)))
        continue;

      for (guint i = 0; bank && i < bank->len; i++)
        {
          g_autoptr(RapportQuestion) q = rapport_store_get_question (self, g_array_index (bank, gint64, i));

          if (q != NULL && (rapport_category_get_topics (rapport_question_get_category (q)) & (1u << t)))
            {
              g_autoptr(RapportPrompt) p = rapport_store_add_prompt (self, interview, q, NULL);
              break;
            }
        }
    }
}

static void
take_carried_topics (RapportStore     *self,
                     RapportInterview *interview)
{
  sqlite3_stmt *stmt;
  guint topics = 0;

  if (!(stmt = prepare (self, "SELECT topic FROM carried_topics", NULL)))
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int topic;

      if (rapport_enum_from_key (RAPPORT_TYPE_TOPIC, (const char *)sqlite3_column_text (stmt, 0), &topic))
        topics |= 1u << topic;
    }
  sqlite3_reset (stmt);

  if (topics == 0 || !exec (self, "DELETE FROM carried_topics", NULL))
    return;
  pick_for_topics (self, interview, topics);
}

/**
 * rapport_store_carry_topics:
 * @topics: evaluation topics, one bit a #RapportTopic
 * @after_appointment_id: the interview just evaluated
 * @to_appointment_id: (out) (optional): the interview that got them, or 0
 *   when none is planned yet
 *
 * Takes open evaluation topics to the next interview: a question for each
 * is picked for the next planned interview after @after_appointment_id, or,
 * with none planned, for the next interview made.
 */
gboolean
rapport_store_carry_topics (RapportStore  *self,
                            guint          topics,
                            gint64         after_appointment_id,
                            gint64        *to_appointment_id,
                            GError       **error)
{
  RapportAppointmentQuery query = RAPPORT_APPOINTMENT_QUERY_INIT;
  g_autoptr(GArray) upcoming = NULL;
  gint64 next = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (to_appointment_id != NULL)
    *to_appointment_id = 0;
  if (topics == 0)
    return TRUE;

  query.kind = RAPPORT_APPOINTMENT_INTERVIEW;
  query.from = now_utc ();
  query.active_only = TRUE;
  upcoming = rapport_store_query_appointments (self, &query, error);
  if (upcoming == NULL)
    return FALSE;
  for (guint i = 0; i < upcoming->len && next == 0; i++)
    if (g_array_index (upcoming, gint64, i) != after_appointment_id)
      next = g_array_index (upcoming, gint64, i);

  if (next > 0)
    {
      g_autoptr(RapportInterview) interview = rapport_store_get_interview (self, next, error);

      if (interview == NULL)
        return FALSE;
      pick_for_topics (self, interview, topics);
      if (to_appointment_id != NULL)
        *to_appointment_id = next;
      return TRUE;
    }

  if (!begin (self, error))
    return FALSE;
  for (guint t = 0; t < RAPPORT_N_TOPICS; t++)
    {
      if (!(topics & (1u << t)))
        continue;
      if (!(stmt = prepare (self, "INSERT OR REPLACE INTO carried_topics (topic, created) VALUES (?, ?)", error)))
        goto failed;
      bind_text (stmt, 1, rapport_enum_to_key (RAPPORT_TYPE_TOPIC, t));
      sqlite3_bind_int64 (stmt, 2, now_utc ());
      if (!step_done (self, stmt, error))
        goto failed;
    }
  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

gboolean
rapport_store_save_interview (RapportStore      *self,
                              RapportInterview  *interview,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (interview), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "UPDATE interviews SET goals = ?, notebook = ?, checklist = ?, got_card = ?,"
                              " elapsed = ?, updated = ? WHERE id = ?", error)))
    goto failed;
  bind_text (stmt, 1, rapport_interview_get_goals (interview));
  bind_text (stmt, 2, rapport_interview_get_notebook (interview));
  sqlite3_bind_int (stmt, 3, rapport_interview_get_checklist (interview));
  sqlite3_bind_int (stmt, 4, rapport_interview_get_got_card (interview));
  sqlite3_bind_int (stmt, 5, rapport_interview_get_elapsed (interview));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, rapport_record_get_id (RAPPORT_RECORD (interview)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_saved (self, RAPPORT_RECORD (interview), now);
  emit_changed (self, quark_interviews);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_list_prompts:
 *
 * Returns: (transfer full): the interview's picked questions, in order
 */
GArray *
rapport_store_list_prompts (RapportStore  *self,
                            gint64         interview_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  g_array_append_val (ints, interview_id);
  return collect_ids (self, "SELECT id FROM prompts WHERE interview_id = ?101 ORDER BY position, id",
                      texts, ints, error);
}

RapportPrompt *
rapport_store_get_prompt (RapportStore *self,
                          gint64        id)
{
  RapportPrompt *prompt;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if ((prompt = lookup_record (self, RAPPORT_TYPE_PROMPT, id)))
    return g_object_ref (prompt);

  if (!(stmt = prepare (self, "SELECT interview_id, question_id, position, notes, created, updated"
                              " FROM prompts WHERE id = ?", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  prompt = g_object_new (RAPPORT_TYPE_PROMPT,
                         "interview-id", sqlite3_column_int64 (stmt, 0),
                         "question-id", sqlite3_column_int64 (stmt, 1),
                         "position", sqlite3_column_int (stmt, 2),
                         "notes", column_text (stmt, 3),
                         NULL);
  set_read (RAPPORT_RECORD (prompt), id, stmt, 4);
  sqlite3_reset (stmt);

  track_record (self, RAPPORT_RECORD (prompt));
  return prompt;
}

/**
 * rapport_store_add_prompt:
 *
 * Picks @question for @interview, at the end of its list. Picking it twice
 * gives the prompt it already has.
 *
 * Returns: (transfer full) (nullable): the prompt
 */
RapportPrompt *
rapport_store_add_prompt (RapportStore      *self,
                          RapportInterview  *interview,
                          RapportQuestion   *question,
                          GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 interview_id, question_id, prompt_id = 0;
  gint64 now = now_utc ();
  int last = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (interview), NULL);
  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), NULL);

  interview_id = rapport_record_get_id (RAPPORT_RECORD (interview));
  question_id = rapport_record_get_id (RAPPORT_RECORD (question));

  if (!begin (self, error))
    return NULL;

  if (!(stmt = prepare (self, "SELECT id FROM prompts WHERE interview_id = ? AND question_id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  sqlite3_bind_int64 (stmt, 2, question_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prompt_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (prompt_id == 0)
    {
      if (!(stmt = prepare (self, "SELECT ifnull(max(position), 0) FROM prompts WHERE interview_id = ?", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, interview_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        last = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);

      if (!(stmt = prepare (self, "INSERT INTO prompts (interview_id, question_id, position, created, updated)"
                                  " VALUES (?, ?, ?, ?, ?)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, interview_id);
      sqlite3_bind_int64 (stmt, 2, question_id);
      sqlite3_bind_int (stmt, 3, last + 10);
      sqlite3_bind_int64 (stmt, 4, now);
      sqlite3_bind_int64 (stmt, 5, now);
      if (!step_done (self, stmt, error))
        goto failed;
      prompt_id = sqlite3_last_insert_rowid (self->db);
    }

  if (!commit (self, error))
    goto failed;

  emit_changed (self, quark_interviews);
  return rapport_store_get_prompt (self, prompt_id);

failed:
  rollback (self);
  return NULL;
}

/**
 * rapport_store_remove_prompt:
 *
 * Takes the question off the interview's list, with any notes under it.
 */
gboolean
rapport_store_remove_prompt (RapportStore   *self,
                             RapportPrompt  *prompt,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PROMPT (prompt), FALSE);

  g_hash_table_remove (self->dirty, prompt);

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "DELETE FROM prompts WHERE id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (prompt)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_changed (self, quark_interviews);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_move_prompt:
 * @delta: -1 for up, 1 for down
 *
 * Returns: %FALSE if it is already first or last, or on error
 */
gboolean
rapport_store_move_prompt (RapportStore   *self,
                           RapportPrompt  *prompt,
                           int             delta,
                           GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RapportPrompt) other = NULL;
  gint64 id;
  int a, b;
  guint i;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PROMPT (prompt), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  ids = rapport_store_list_prompts (self, rapport_prompt_get_interview_id (prompt), error);
  if (ids == NULL)
    return FALSE;

  id = rapport_record_get_id (RAPPORT_RECORD (prompt));
  for (i = 0; i < ids->len && g_array_index (ids, gint64, i) != id; i++)
    ;
  if (i == ids->len || (delta < 0 && i == 0) || (delta > 0 && i + 1 == ids->len))
    return FALSE;

  other = rapport_store_get_prompt (self, g_array_index (ids, gint64, i + delta));
  a = rapport_prompt_get_position (prompt);
  b = rapport_prompt_get_position (other);
  if (a == b)
    b += delta;

  if (!swap_positions (self, "UPDATE prompts SET position = ? WHERE id = ?",
                       id, a, rapport_record_get_id (RAPPORT_RECORD (other)), b, error))
    return FALSE;

  follow_position (self, G_OBJECT (prompt), b);
  follow_position (self, G_OBJECT (other), a);
  emit_changed (self, quark_interviews);
  return TRUE;
}

gboolean
rapport_store_save_prompt (RapportStore   *self,
                           RapportPrompt  *prompt,
                           GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_PROMPT (prompt), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "UPDATE prompts SET notes = ?, position = ?, updated = ? WHERE id = ?", error)))
    goto failed;
  bind_text (stmt, 1, rapport_prompt_get_notes (prompt));
  sqlite3_bind_int (stmt, 2, rapport_prompt_get_position (prompt));
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, rapport_record_get_id (RAPPORT_RECORD (prompt)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_saved (self, RAPPORT_RECORD (prompt), now);
  emit_changed (self, quark_interviews);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_get_coverage:
 *
 * Which evaluation topics the interview's notes already touch: a topic is
 * covered when a prompt of a category linked to it has notes. Unsaved
 * notes count too, so the view is right while the student types.
 *
 * Returns: bits of 1 << #RapportTopic
 */
guint
rapport_store_get_coverage (RapportStore *self,
                            gint64        interview_id)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (RapportCategory));
  g_autoptr(GArray) has_notes = g_array_new (FALSE, FALSE, sizeof (gboolean));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  ids = rapport_store_list_prompts (self, interview_id, NULL);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(RapportPrompt) prompt = rapport_store_get_prompt (self, g_array_index (ids, gint64, i));
      g_autoptr(RapportQuestion) question = NULL;
      g_autofree char *notes = NULL;
      RapportCategory category;
      gboolean has;

      if (prompt == NULL)
        continue;
      question = rapport_store_get_question (self, rapport_prompt_get_question_id (prompt));
      if (question == NULL)
        continue;

      notes = g_strstrip (g_strdup (rapport_prompt_get_notes (prompt)));
      category = rapport_question_get_category (question);
      has = *notes != '\0';
      g_array_append_val (categories, category);
      g_array_append_val (has_notes, has);
    }

  return rapport_coverage_of ((RapportCategory *)(gpointer)categories->data,
                              (gboolean *)(gpointer)has_notes->data, categories->len);
}

/* Action items */

static gboolean
validate_action_item (RapportActionItem  *item,
                      GError            **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rapport_action_item_get_text (item)));

  if (*text == '\0')
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Say what the action item is."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_action_item (sqlite3_stmt      *stmt,
                  RapportActionItem *item)
{
  gint64 interview_id = rapport_action_item_get_interview_id (item);
  gint64 contact_id = rapport_action_item_get_contact_id (item);
  gint64 due = rapport_action_item_get_due (item);

  if (interview_id > 0) sqlite3_bind_int64 (stmt, 1, interview_id); else sqlite3_bind_null (stmt, 1);
  if (contact_id > 0) sqlite3_bind_int64 (stmt, 2, contact_id); else sqlite3_bind_null (stmt, 2);
  bind_text (stmt, 3, rapport_enum_to_key (RAPPORT_TYPE_ACTION_KIND, rapport_action_item_get_kind (item)));
  bind_text (stmt, 4, rapport_action_item_get_text (item));
  if (due > 0) sqlite3_bind_int64 (stmt, 5, due); else sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, rapport_action_item_get_done (item));
}

gboolean
rapport_store_add_action_item (RapportStore       *self,
                               RapportActionItem  *item,
                               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (item), FALSE);

  if (!validate_action_item (item, error) || !begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "INSERT INTO action_items (interview_id, contact_id, kind, text, due, done,"
                              " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error)))
    goto failed;
  bind_action_item (stmt, item);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_inserted (self, RAPPORT_RECORD (item), now);
  track_record (self, RAPPORT_RECORD (item));
  emit_changed (self, quark_action_items);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

RapportActionItem *
rapport_store_get_action_item (RapportStore *self,
                               gint64        id)
{
  RapportActionItem *item;
  sqlite3_stmt *stmt;
  int kind = RAPPORT_ACTION_OTHER;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if ((item = lookup_record (self, RAPPORT_TYPE_ACTION_ITEM, id)))
    return g_object_ref (item);

  if (!(stmt = prepare (self, "SELECT ifnull(interview_id, 0), ifnull(contact_id, 0), kind, text, ifnull(due, 0),"
                              " done, created, updated FROM action_items WHERE id = ?", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  rapport_enum_from_key (RAPPORT_TYPE_ACTION_KIND, column_text (stmt, 2), &kind);
  item = g_object_new (RAPPORT_TYPE_ACTION_ITEM,
                       "interview-id", sqlite3_column_int64 (stmt, 0),
                       "contact-id", sqlite3_column_int64 (stmt, 1),
                       "kind", kind,
                       "text", column_text (stmt, 3),
                       "due", sqlite3_column_int64 (stmt, 4),
                       "done", sqlite3_column_int (stmt, 5) != 0,
                       NULL);
  set_read (RAPPORT_RECORD (item), id, stmt, 6);
  sqlite3_reset (stmt);

  track_record (self, RAPPORT_RECORD (item));
  return item;
}

gboolean
rapport_store_save_action_item (RapportStore       *self,
                                RapportActionItem  *item,
                                GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_utc ();

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_ACTION_ITEM (item), FALSE);

  if (!validate_action_item (item, error) || !begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "UPDATE action_items SET interview_id = ?1, contact_id = ?2, kind = ?3, text = ?4,"
                              " due = ?5, done = ?6, updated = ?7 WHERE id = ?8", error)))
    goto failed;
  bind_action_item (stmt, item);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, rapport_record_get_id (RAPPORT_RECORD (item)));
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  set_saved (self, RAPPORT_RECORD (item), now);
  emit_changed (self, quark_action_items);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_list_action_items:
 *
 * Returns: (transfer full): the interview's action items, open ones first
 */
GArray *
rapport_store_list_action_items (RapportStore  *self,
                                 gint64         interview_id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  g_array_append_val (ints, interview_id);
  return collect_ids (self, "SELECT id FROM action_items WHERE interview_id = ?101"
                            " ORDER BY done, due IS NULL, due, id",
                      texts, ints, error);
}

/**
 * rapport_store_add_referral:
 * @reach: how to reach them: an e-mail address, a phone number or a note
 *
 * Captures a name given during the interview: a new contact referred by
 * the person interviewed, with source "referral", in one step.
 *
 * Returns: (transfer full) (nullable): the new contact
 */
RapportContact *
rapport_store_add_referral (RapportStore      *self,
                            RapportInterview  *interview,
                            const char        *name,
                            const char        *organization,
                            const char        *reach,
                            GError           **error)
{
  g_autoptr(RapportAppointment) appointment = NULL;
  g_autoptr(RapportContact) contact = NULL;
  g_autofree char *how = g_strstrip (g_strdup (reach ? reach : ""));

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);
  g_return_val_if_fail (RAPPORT_IS_INTERVIEW (interview), NULL);

  appointment = rapport_store_get_appointment (self, rapport_interview_get_appointment_id (interview));

  contact = rapport_contact_new (name);
  rapport_contact_set_organization (contact, organization);
  rapport_contact_set_source (contact, RAPPORT_SOURCE_REFERRAL);
  if (appointment != NULL)
    rapport_contact_set_referred_by (contact, rapport_appointment_get_contact_id (appointment));

  if (strchr (how, '@') && !strchr (how, ' '))
    rapport_contact_set_email (contact, how);
  else if (*how && strspn (how, "+0123456789 ()-./") == strlen (how))
    rapport_contact_set_phone (contact, how);
  else
    rapport_contact_set_notes (contact, how);

  if (!rapport_store_add_contact (self, contact, error))
    return NULL;

  return g_steal_pointer (&contact);
}

/**
 * rapport_store_list_referrals:
 *
 * Who led to whom, as saved: one #RapportReferral per contact whose
 * referrer is a contact too, neither of them deleted, oldest first. One
 * query, so that a map of the chains reads no contact it does not show.
 *
 * Returns: (transfer full) (element-type RapportReferral) (nullable):
 */
GArray *
rapport_store_list_referrals (RapportStore  *self,
                              GError       **error)
{
  g_autoptr(GArray) referrals = g_array_new (FALSE, FALSE, sizeof (RapportReferral));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT c.id, c.referred_by FROM contacts c"
                              " JOIN contacts r ON r.id = c.referred_by"
                              " WHERE c.deleted IS NULL AND r.deleted IS NULL AND c.id != r.id"
                              " ORDER BY c.id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportReferral r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (referrals, r);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&referrals);
}

/**
 * rapport_store_mark_held:
 *
 * The interview took place: the appointment is "held" and the contact
 * "met"; the thank-you note is due 24 hours after it ended.
 */
gboolean
rapport_store_mark_held (RapportStore        *self,
                         RapportAppointment  *appointment,
                         GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), FALSE);

  if (rapport_appointment_get_start (appointment) == 0)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("Give the interview its date and time first."));
      return FALSE;
    }

  rapport_appointment_set_status (appointment, RAPPORT_STATUS_HELD);
  return rapport_store_save_appointment (self, appointment, error);
}

/* Thank-you notes and reminders */

/**
 * rapport_store_get_thanked:
 *
 * Returns: when the thank-you note for @appointment_id was sent (UTC
 *   seconds), or 0 if it was not
 */
gint64
rapport_store_get_thanked (RapportStore *self,
                           gint64        appointment_id)
{
  sqlite3_stmt *stmt;
  gint64 when = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(stmt = prepare (self, "SELECT ifnull(thanked, 0) FROM interviews WHERE appointment_id = ?", NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    when = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return when;
}

/**
 * rapport_store_mark_thanked:
 * @follow_up_text: (nullable): the follow-up to schedule, or %NULL for none
 * @follow_up_due: when the follow-up is due (UTC seconds)
 *
 * Records that the thank-you note was sent at @when: the contact moves to
 * "thanked", the deadline's reminders stop, and the promise to keep the
 * person posted becomes an action item — all in one transaction.
 */
gboolean
rapport_store_mark_thanked (RapportStore        *self,
                            RapportAppointment  *appointment,
                            gint64               when,
                            const char          *follow_up_text,
                            gint64               follow_up_due,
                            GError             **error)
{
  g_autoptr(RapportInterview) interview = NULL;
  g_autoptr(RapportContact) contact = NULL;
  sqlite3_stmt *stmt;
  gint64 appointment_id, contact_id;
  gboolean stage_changed = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RAPPORT_IS_APPOINTMENT (appointment), FALSE);

  appointment_id = rapport_record_get_id (RAPPORT_RECORD (appointment));
  contact_id = rapport_appointment_get_contact_id (appointment);
  interview = rapport_store_get_interview (self, appointment_id, error);
  if (interview == NULL)
    return FALSE;
  contact = rapport_store_get_contact (self, contact_id);

  if (!begin (self, error))
    return FALSE;

  if (!(stmt = prepare (self, "UPDATE interviews SET thanked = ? WHERE appointment_id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, when);
  sqlite3_bind_int64 (stmt, 2, appointment_id);
  if (!step_done (self, stmt, error))
    goto failed;

  if (contact != NULL && rapport_contact_get_stage (contact) < RAPPORT_STAGE_THANKED)
    {
      if (!(stmt = prepare (self, "UPDATE contacts SET stage = 'thanked', updated = ? WHERE id = ?", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, now_utc ());
      sqlite3_bind_int64 (stmt, 2, contact_id);
      if (!step_done (self, stmt, error))
        goto failed;
      stage_changed = TRUE;
    }

  if (follow_up_text != NULL && *follow_up_text)
    {
      if (!(stmt = prepare (self, "INSERT INTO action_items (interview_id, contact_id, kind, text, due, done,"
                                  " created, updated) VALUES (?, ?, 'follow-up', ?, ?, 0, ?, ?)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (interview)));
      if (contact_id > 0) sqlite3_bind_int64 (stmt, 2, contact_id); else sqlite3_bind_null (stmt, 2);
      bind_text (stmt, 3, follow_up_text);
      sqlite3_bind_int64 (stmt, 4, follow_up_due);
      sqlite3_bind_int64 (stmt, 5, now_utc ());
      sqlite3_bind_int64 (stmt, 6, now_utc ());
      if (!step_done (self, stmt, error))
        goto failed;
    }

  if (!commit (self, error))
    goto failed;

  if (stage_changed)
    {
      g_signal_handlers_block_by_func (contact, on_record_notify, self);
      rapport_contact_set_stage (contact, RAPPORT_STAGE_THANKED);
      g_signal_handlers_unblock_by_func (contact, on_record_notify, self);
      emit_changed (self, quark_contacts);
    }
  emit_changed (self, quark_interviews);
  emit_changed (self, quark_action_items);
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_get_reminder:
 * @delivered: (out) (optional): when it was announced, 0 if never
 * @snoozed_until: (out) (optional): when a snooze ends, 0 if not snoozed
 * @redelivered: (out) (optional): whether it came back after its snooze
 *
 * Returns: whether the reminder @key was ever announced
 */
gboolean
rapport_store_get_reminder (RapportStore *self,
                            const char   *key,
                            gint64       *delivered,
                            gint64       *snoozed_until,
                            gboolean     *redelivered)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (delivered) *delivered = 0;
  if (snoozed_until) *snoozed_until = 0;
  if (redelivered) *redelivered = FALSE;

  if (!(stmt = prepare (self, "SELECT delivered, ifnull(snoozed_until, 0), redelivered FROM reminders WHERE key = ?", NULL)))
    return FALSE;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (delivered) *delivered = sqlite3_column_int64 (stmt, 0);
      if (snoozed_until) *snoozed_until = sqlite3_column_int64 (stmt, 1);
      if (redelivered) *redelivered = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * rapport_store_record_reminders:
 * @keys: (element-type utf8): reminders just announced
 *
 * Records the announcements in one transaction, before they are shown, so a
 * crash cannot announce them twice. A reminder coming back after its snooze
 * is recorded as such.
 */
gboolean
rapport_store_record_reminders (RapportStore  *self,
                                GPtrArray     *keys,
                                gint64         when,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (keys->len == 0)
    return TRUE;
  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      if (!(stmt = prepare (self, "INSERT INTO reminders (key, delivered) VALUES (?1, ?2)"
                                  " ON CONFLICT (key) DO UPDATE SET redelivered = 1, snoozed_until = NULL", error)))
        goto failed;
      bind_text (stmt, 1, g_ptr_array_index (keys, i));
      sqlite3_bind_int64 (stmt, 2, when);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  return commit (self, error);

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_snooze_reminder:
 *
 * "Remind Me Later": @key comes back once at @until.
 */
gboolean
rapport_store_snooze_reminder (RapportStore  *self,
                               const char    *key,
                               gint64         until,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "INSERT INTO reminders (key, delivered, snoozed_until) VALUES (?1, ?2, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET snoozed_until = ?2, redelivered = 0", error)))
    goto failed;
  bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, until);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_changed (self, g_quark_from_static_string ("reminders"));
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* What an object in memory says about its contact, which may hold an edit
 * that is still waiting for its autosave. */
static void
interview_state_set_contact (RapportInterviewState *state,
                             RapportContact        *contact)
{
  state->referred_by = contact ? rapport_contact_get_referred_by (contact) : 0;
  state->contact_stage = contact ? (int)rapport_contact_get_stage (contact) : -1;
}

/**
 * rapport_store_list_interview_states:
 *
 * Every interview that is not deleted, with what the reminder rules need to
 * know of it, its contact and its thank-you note, in one query: asking for
 * each interview's objects one by one took most of startup with a large
 * database. Records that are alive in memory win over their rows, exactly as
 * rapport_store_get_appointment() and rapport_store_get_contact() would
 * answer, so an edit waiting for its autosave counts already.
 *
 * Returns: (transfer full) (element-type RapportInterviewState): the
 *   interviews in the order of rapport_store_query_appointments()
 */
GArray *
rapport_store_list_interview_states (RapportStore  *self,
                                     GError       **error)
{
  g_autoptr(GArray) states = g_array_new (FALSE, TRUE, sizeof (RapportInterviewState));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  /* An appointment whose contact is deleted (its Undo still offered) is
   * hidden with it; the LEFT JOIN keeps one whose contact row is missing. */
  if (!(stmt = prepare (self, "SELECT a.id, ifnull(a.contact_id, 0), a.kind, a.status, ifnull(a.start, 0),"
                              " a.duration, a.created, ifnull(i.thanked, 0),"
                              " c.id IS NOT NULL, ifnull(c.referred_by, 0), c.stage"
                              " FROM appointments a"
                              " LEFT JOIN contacts c ON c.id = a.contact_id"
                              " LEFT JOIN interviews i ON i.appointment_id = a.id"
                              " WHERE a.deleted IS NULL AND c.deleted IS NULL AND a.kind = 'interview'"
                              " ORDER BY a.start IS NOT NULL, a.start, a.created, a.id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportInterviewState state = { 0 };
      RapportAppointment *appointment;
      RapportContact *contact;
      gint64 row_contact_id = sqlite3_column_int64 (stmt, 1);

      state.appointment_id = sqlite3_column_int64 (stmt, 0);
      state.thanked = sqlite3_column_int64 (stmt, 7);

      if ((appointment = g_hash_table_lookup (self->appointments, &state.appointment_id)))
        {
          state.contact_id = rapport_appointment_get_contact_id (appointment);
          state.kind = rapport_appointment_get_kind (appointment);
          state.status = rapport_appointment_get_status (appointment);
          state.start = rapport_appointment_get_start (appointment);
          state.end = rapport_appointment_get_end (appointment);
          state.created = rapport_record_get_created (RAPPORT_RECORD (appointment));
        }
      else
        {
          /* As appointment_from_row() reads them. */
          int kind = RAPPORT_APPOINTMENT_OTHER;
          int status = RAPPORT_STATUS_REQUESTED;
          int duration = sqlite3_column_int (stmt, 5);

          rapport_enum_from_key (RAPPORT_TYPE_APPOINTMENT_KIND, column_text (stmt, 2), &kind);
          rapport_enum_from_key (RAPPORT_TYPE_STATUS, column_text (stmt, 3), &status);
          state.contact_id = row_contact_id;
          state.kind = kind;
          state.status = status;
          state.start = sqlite3_column_int64 (stmt, 4);
          state.end = state.start > 0 ? state.start + (gint64)CLAMP (duration, 1, 24 * 60) * 60 : 0;
          state.created = sqlite3_column_int64 (stmt, 6);
        }

      if (state.contact_id != row_contact_id)
        {
          /* Moved to another person in memory: rare, so ask as before. */
          g_autoptr(RapportContact) owner = rapport_store_get_contact (self, state.contact_id);

          interview_state_set_contact (&state, owner);
        }
      else if ((contact = g_hash_table_lookup (self->contacts, &state.contact_id)))
        interview_state_set_contact (&state, contact);
      else if (sqlite3_column_int (stmt, 8) && state.contact_id > 0)
        {
          /* As contact_from_row() reads them. */
          int stage = RAPPORT_STAGE_TO_CONTACT;

          rapport_enum_from_key (RAPPORT_TYPE_STAGE, column_text (stmt, 10), &stage);
          state.referred_by = sqlite3_column_int64 (stmt, 9);
          state.contact_stage = stage;
        }
      else
        interview_state_set_contact (&state, NULL);

      g_array_append_val (states, state);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&states);
}

/**
 * rapport_store_list_open_actions:
 *
 * Action items not yet done that have a due date (their contact not
 * deleted), with their contact, due date and state, in one query; an item
 * alive in memory wins over its row as with rapport_store_get_action_item().
 *
 * Returns: (transfer full) (element-type RapportOpenAction): the items, by
 *   due date
 */
GArray *
rapport_store_list_open_actions (RapportStore  *self,
                                 GError       **error)
{
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (RapportOpenAction));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT id, ifnull(contact_id, 0), ifnull(due, 0), done FROM action_items"
                              " WHERE done = 0 AND due IS NOT NULL"
                              " AND NOT EXISTS (SELECT 1 FROM contacts hidden"
                              "      WHERE hidden.id = action_items.contact_id AND hidden.deleted IS NOT NULL)"
                              " ORDER BY due, id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportOpenAction action = { 0 };
      RapportActionItem *item;

      action.id = sqlite3_column_int64 (stmt, 0);
      if ((item = lookup_record (self, RAPPORT_TYPE_ACTION_ITEM, action.id)))
        {
          action.contact_id = rapport_action_item_get_contact_id (item);
          action.due = rapport_action_item_get_due (item);
          action.done = rapport_action_item_get_done (item);
        }
      else
        {
          action.contact_id = sqlite3_column_int64 (stmt, 1);
          action.due = sqlite3_column_int64 (stmt, 2);
          action.done = sqlite3_column_int (stmt, 3) != 0;
        }
      g_array_append_val (actions, action);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&actions);
}

/* Evaluations */

static const char *answer_keys[] = { "yes", "partly", "no", "not-yet" };

/**
 * rapport_store_get_answer:
 * @answer: (out): the answer, %RAPPORT_ANSWER_NOT_YET when there is none
 * @text: (out) (transfer full) (optional): the student's own words
 * @rating: (out) (optional): 1 to 5, or 0 when not rated
 *
 * Returns: whether an answer (even a draft) was stored
 */
gboolean
rapport_store_get_answer (RapportStore   *self,
                          gint64          interview_id,
                          RapportTopic    topic,
                          RapportAnswer  *answer,
                          char          **text,
                          int            *rating)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  *answer = RAPPORT_ANSWER_NOT_YET;
  if (text) *text = g_strdup ("");
  if (rating) *rating = 0;

  if (!(stmt = prepare (self, "SELECT answer, text, ifnull(rating, 0) FROM evaluation_answers"
                              " WHERE interview_id = ? AND topic = ?", NULL)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  bind_text (stmt, 2, rapport_enum_to_key (RAPPORT_TYPE_TOPIC, topic));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = column_text (stmt, 0);

      found = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (answer_keys); i++)
        if (g_str_equal (key, answer_keys[i]))
          *answer = i;
      if (text)
        {
          g_free (*text);
          *text = g_strdup (column_text (stmt, 1));
        }
      if (rating)
        *rating = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * rapport_store_set_answer:
 * @rating: 1 to 5 for the two "would I enjoy" questions, 0 for none
 *
 * Stores one answer of the evaluation; drafts are kept as they are typed.
 */
gboolean
rapport_store_set_answer (RapportStore   *self,
                          gint64          interview_id,
                          RapportTopic    topic,
                          RapportAnswer   answer,
                          const char     *text,
                          int             rating,
                          GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer < G_N_ELEMENTS (answer_keys), FALSE);

  if (rating < 0 || rating > 5)
    {
      g_set_error_literal (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_INVALID,
                           _("A rating goes from 1 to 5."));
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "INSERT INTO evaluation_answers (interview_id, topic, answer, text, rating, updated)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (interview_id, topic) DO UPDATE"
                              " SET answer = ?3, text = ?4, rating = ?5, updated = ?6", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  bind_text (stmt, 2, rapport_enum_to_key (RAPPORT_TYPE_TOPIC, topic));
  bind_text (stmt, 3, answer_keys[answer]);
  bind_text (stmt, 4, text);
  if (rating > 0) sqlite3_bind_int (stmt, 5, rating); else sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, now_utc ());
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_changed (self, g_quark_from_static_string ("evaluations"));
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * rapport_store_count_answered:
 *
 * Returns: how many of the eleven questions the student can answer: yes,
 *   partly and no count, "not yet" does not
 */
guint
rapport_store_count_answered (RapportStore *self,
                              gint64        interview_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(stmt = prepare (self, "SELECT count(*) FROM evaluation_answers WHERE interview_id = ?"
                              " AND answer IN ('yes', 'partly', 'no')", NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * rapport_evaluation_is_valuable:
 *
 * Returns: whether an interview whose evaluation can answer @answered of
 *   the eleven questions did its job: a majority, six or more
 */
gboolean
rapport_evaluation_is_valuable (guint answered)
{
  return answered * 2 > RAPPORT_N_TOPICS;
}

/**
 * rapport_store_set_evaluated:
 * @when: when the student finished the evaluation, or 0 to reopen it
 */
gboolean
rapport_store_set_evaluated (RapportStore  *self,
                             gint64         interview_id,
                             gint64         when,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "UPDATE interviews SET evaluated = ? WHERE id = ?", error)))
    goto failed;
  if (when > 0) sqlite3_bind_int64 (stmt, 1, when); else sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, interview_id);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  emit_changed (self, g_quark_from_static_string ("evaluations"));
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

gint64
rapport_store_get_evaluated (RapportStore *self,
                             gint64        interview_id)
{
  sqlite3_stmt *stmt;
  gint64 when = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);

  if (!(stmt = prepare (self, "SELECT ifnull(evaluated, 0) FROM interviews WHERE id = ?", NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    when = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return when;
}

static void
comparison_free (RapportComparison *c)
{
  g_free (c->name);
  g_free (c);
}

/**
 * rapport_store_compare:
 * @by: what to group held interviews by
 *
 * Side by side, per career field or organization, or per source of names.
 *
 * Returns: (transfer full) (element-type RapportComparison): one entry per
 *   group, named, with its counts and averages
 */
GPtrArray *
rapport_store_compare (RapportStore       *self,
                       RapportCompareBy    by,
                       GError            **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)comparison_free);
  g_autofree char *grouped = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), rows);

  if (by == RAPPORT_COMPARE_SOURCE)
    sql = "SELECT c.source, count(DISTINCT c.id),"
          " count(DISTINCT a.contact_id),"
          " count(DISTINCT CASE WHEN a.status = 'held' THEN a.contact_id END),"
          " 0, 0, 0, 0, 0, 0, 0, 0"
          " FROM contacts c LEFT JOIN appointments a ON a.contact_id = c.id AND a.deleted IS NULL"
          " AND a.kind = 'interview'"
          " WHERE c.deleted IS NULL GROUP BY c.source ORDER BY count(DISTINCT c.id) DESC";
  else
    {
      /* Only the grouping column differs: a fixed fragment, never a value. */
      grouped = g_strconcat (
          "WITH held AS (SELECT i.id AS iid, trim(c.",
          by == RAPPORT_COMPARE_FIELD ? "field" : "organization",
          ") AS grp FROM interviews i"
          "   JOIN appointments a ON a.id = i.appointment_id AND a.deleted IS NULL AND a.status = 'held'"
          "   JOIN contacts c ON c.id = a.contact_id AND c.deleted IS NULL),"
          " answers AS (SELECT h.grp, e.* FROM evaluation_answers e JOIN held h ON h.iid = e.interview_id)"
          " SELECT grp, count(*), 0, 0,"
          " (SELECT avg(rating) FROM answers x WHERE x.grp = held.grp AND topic = 'enjoy-role' AND rating IS NOT NULL),"
          " (SELECT avg(rating) FROM answers x WHERE x.grp = held.grp AND topic = 'enjoy-organization' AND rating IS NOT NULL),"
          " (SELECT count(*) FROM answers x WHERE x.grp = held.grp AND answer IN ('yes', 'partly', 'no')),"
          " (SELECT count(*) FROM answers x WHERE x.grp = held.grp AND topic = 'qualified' AND answer = 'yes'),"
          " (SELECT count(*) FROM answers x WHERE x.grp = held.grp AND topic = 'qualified' AND answer = 'partly'),"
          " (SELECT count(*) FROM answers x WHERE x.grp = held.grp AND topic = 'qualified' AND answer = 'no'),"
          " (SELECT count(*) FROM answers x WHERE x.grp = held.grp AND topic = 'salary-range' AND answer IN ('yes', 'partly')),"
          " (SELECT count(*) FROM held h2 JOIN interviews i2 ON i2.id = h2.iid"
          "   WHERE h2.grp = held.grp AND i2.evaluated IS NOT NULL)"
          " FROM held GROUP BY grp ORDER BY count(*) DESC, grp",
          NULL);
      sql = grouped;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return rows;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportComparison *c = g_new0 (RapportComparison, 1);
      const char *name = column_text (stmt, 0);

      if (by == RAPPORT_COMPARE_SOURCE)
        {
          int source = RAPPORT_SOURCE_OTHER;
          rapport_enum_from_key (RAPPORT_TYPE_SOURCE, name, &source);
          c->name = g_strdup (rapport_source_get_label (source));
          c->contacts = sqlite3_column_int (stmt, 1);
          c->requested = sqlite3_column_int (stmt, 2);
          c->met = sqlite3_column_int (stmt, 3);
        }
      else
        {
          c->name = g_strdup (*name ? name : (by == RAPPORT_COMPARE_FIELD ? _("No field given") : _("No organization given")));
          c->held = sqlite3_column_int (stmt, 1);
          c->enjoy_role = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 4);
          c->enjoy_organization = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 5);
          c->answered = sqlite3_column_int (stmt, 6);
          c->qualified_yes = sqlite3_column_int (stmt, 7);
          c->qualified_partly = sqlite3_column_int (stmt, 8);
          c->qualified_no = sqlite3_column_int (stmt, 9);
          c->salary_known = sqlite3_column_int (stmt, 10);
          c->evaluated = sqlite3_column_int (stmt, 11);
        }
      g_ptr_array_add (rows, c);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);

  return rows;
}

/* Backups */

/**
 * rapport_store_backup:
 * @path: where to write the copy; an existing file there is replaced
 *
 * Writes a consistent copy of the whole database while the app runs (with
 * VACUUM INTO), first to a temporary file beside @path, so a failure
 * never leaves a half-written backup in its place.
 */
gboolean
rapport_store_backup (RapportStore  *self,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *tmp = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rapport_store_flush (self, NULL);

  tmp = g_strconcat (path, ".partial", NULL);
  g_unlink (tmp);

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_text (stmt, 1, tmp);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_unlink (tmp);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int errsv = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not write the backup “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_store_dup_backup_dir:
 *
 * Returns: (transfer full): the folder of the automatic backups, beside
 *   the database
 */
char *
rapport_store_dup_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static int
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -g_strcmp0 (*(const char **)a, *(const char **)b);
}

/**
 * rapport_store_list_backups:
 *
 * Returns: (transfer full): the automatic backups of @db_path, newest first
 */
GPtrArray *
rapport_store_list_backups (const char *db_path)
{
  g_autofree char *dir = rapport_store_dup_backup_dir (db_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "rapport-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));

  g_ptr_array_sort (paths, compare_names_desc);
  return paths;
}

/**
 * rapport_store_rolling_backup:
 * @today: the local day, "YYYY-MM-DD"
 * @keep: how many daily backups to keep
 *
 * Keeps one backup a day in the backup folder, the last @keep days.
 */
gboolean
rapport_store_rolling_backup (RapportStore  *self,
                              const char    *today,
                              guint          keep,
                              GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);

  dir = rapport_store_dup_backup_dir (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the backup folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  name = g_strdup_printf ("rapport-%s.db", today);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !rapport_store_backup (self, path, error))
    return FALSE;

  existing = rapport_store_list_backups (self->path);
  for (guint i = keep; i < existing->len; i++)
    g_unlink (g_ptr_array_index (existing, i));

  return TRUE;
}

/**
 * rapport_store_restore_backup:
 * @db_path: the database to replace; it must not be open
 * @backup: a backup to put in its place
 *
 * Puts @backup in place of the database, after checking that it opens as
 * a Rapport database. The file it replaces is kept beside it as
 * "rapport.db.before-restore-…", so nothing is lost.
 */
gboolean
rapport_store_restore_backup (const char  *db_path,
                              const char  *backup,
                              GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (backup);
  g_autoptr(GFile) to = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *staged = g_strconcat (db_path, ".restoring", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  sqlite3 *db = NULL;
  int version = -1;

  /* Check it is a Rapport database this version can open. */
  if (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;
      if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        version = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  if (version < 1 || version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                   _("“%s” is not a backup Rapport can open."), backup);
      return FALSE;
    }

  to = g_file_new_for_path (staged);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      kept = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
      if (g_rename (db_path, kept) != 0)
        {
          int errsv = errno;
          g_unlink (staged);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not keep the current database aside: %s"), g_strerror (errsv));
          return FALSE;
        }
      /* Its journal belongs to it, not to the backup. */
      {
        const char *suffixes[] = { "-wal", "-shm" };
        for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
          {
            g_autofree char *a = g_strconcat (db_path, suffixes[i], NULL);
            g_autofree char *b = g_strconcat (kept, suffixes[i], NULL);
            if (g_file_test (a, G_FILE_TEST_EXISTS))
              g_rename (a, b);
          }
      }
    }

  if (g_rename (staged, db_path) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not put the backup in place: %s"), g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_store_describe_backup:
 * @contacts: (out): how many contacts the backup holds
 * @appointments: (out): how many appointments
 *
 * Reads a backup without changing it, for a preview before restoring.
 */
gboolean
rapport_store_describe_backup (const char  *path,
                               guint       *contacts,
                               guint       *appointments,
                               GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);

  *contacts = *appointments = 0;
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM contacts WHERE deleted IS NULL),"
                              " (SELECT count(*) FROM appointments WHERE deleted IS NULL)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *contacts = sqlite3_column_int (stmt, 0);
      *appointments = sqlite3_column_int (stmt, 1);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (!ok)
    g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_CORRUPT,
                 _("“%s” is not a backup Rapport can open."), path);
  return ok;
}

/**
 * rapport_store_reload_contacts:
 *
 * Another connection (an import) changed contacts: bring the live objects
 * back in step with their rows and tell the lists.
 */
void
rapport_store_reload_contacts (RapportStore *self)
{
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  g_return_if_fail (RAPPORT_IS_STORE (self));

  g_hash_table_iter_init (&iter, self->contacts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RapportContact *live = value;
      g_autoptr(RapportContact) fresh = NULL;

      if (!(stmt = prepare (self, "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?", NULL)))
        return;
      sqlite3_bind_int64 (stmt, 1, rapport_record_get_id (RAPPORT_RECORD (live)));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        fresh = contact_from_row (stmt);
      sqlite3_reset (stmt);
      if (fresh == NULL || g_hash_table_contains (self->dirty, live))
        continue;

      g_signal_handlers_block_by_func (live, on_record_notify, self);
      g_object_set (live,
                    "organization", rapport_contact_get_organization (fresh),
                    "job-title", rapport_contact_get_job_title (fresh),
                    "field", rapport_contact_get_field (fresh),
                    "email", rapport_contact_get_email (fresh),
                    "phone", rapport_contact_get_phone (fresh),
                    "profile-url", rapport_contact_get_profile_url (fresh),
                    "notes", rapport_contact_get_notes (fresh),
                    NULL);
      g_signal_handlers_unblock_by_func (live, on_record_notify, self);
    }

  emit_changed (self, quark_contacts);
}
