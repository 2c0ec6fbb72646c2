/* ks-db-private.h — for the files that put a database engine behind ks-db.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each engine (ks-db-sqlite.c, ks-db-pg.c) fills in these tables; ks-db.c
 * calls through them. Domain files never see them.
 */
#pragma once

#include "ks-db.h"

G_BEGIN_DECLS

typedef struct
{
  KsStep       (*step)                 (KsStmt *stmt);
  void         (*reset)                (KsStmt *stmt);
  void         (*clear_bindings)       (KsStmt *stmt);
  int          (*bind_parameter_count) (KsStmt *stmt);
  int          (*column_count)         (KsStmt *stmt);
  void         (*bind_int64)           (KsStmt *stmt, int idx, gint64 value);
  void         (*bind_double)          (KsStmt *stmt, int idx, double value);
  void         (*bind_null)            (KsStmt *stmt, int idx);
  /* @copy FALSE: @text stays as it is until the statement is reset */
  void         (*bind_text)            (KsStmt *stmt, int idx, const char *text, gssize length, gboolean copy);
  gint64       (*column_int64)         (KsStmt *stmt, int idx);
  double       (*column_double)        (KsStmt *stmt, int idx);
  const char  *(*column_text)          (KsStmt *stmt, int idx);
  gboolean     (*column_is_null)       (KsStmt *stmt, int idx);
  void         (*free)                 (KsStmt *stmt);
} KsStmtClass;

struct _KsStmt
{
  const KsStmtClass *klass;
};

typedef struct
{
  KsStmt      *(*prepare)        (KsDb *db, const char *sql, GError **error);
  gboolean     (*exec)           (KsDb *db, const char *sql, GError **error);
  gint64       (*last_insert_id) (KsDb *db);
  gint64       (*changes)        (KsDb *db);
  gint64       (*total_changes)  (KsDb *db);
  KsDbError    (*last_error)     (KsDb *db);
  const char  *(*error_message)  (KsDb *db);
  void         (*close)          (KsDb *db);
} KsDbClass;

struct _KsDb
{
  const KsDbClass *klass;
  GHashTable      *statements;   /* SQL text → KsStmt *, owned */
};

/* For engines: set up and tear down the common part. */
void ks_db_init_common  (KsDb             *db,
                         const KsDbClass  *klass);
void ks_db_clear_common (KsDb             *db);

G_END_DECLS
