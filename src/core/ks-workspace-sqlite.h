/* ks-workspace-sqlite.h — for the core files that use SQLite itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Domain files use ks-workspace-private.h and ks-db.h only. The few files
 * that must reach SQLite (tests/check-sql.py lists them, with the reason)
 * include this header as well.
 */
#pragma once

#include <sqlite3.h>

#include "ks-workspace-private.h"

G_BEGIN_DECLS

sqlite3      *ks_workspace_get_db      (KsWorkspace  *self);
/* A second, read-only connection to the workspace's file, for a long query
 * in another thread (hand it over; the caller closes it with
 * sqlite3_close ()). It sees what is committed: NULL for a workspace in
 * memory, inside an open transaction, or when the file cannot be opened. */
sqlite3      *ks_workspace_open_reader (KsWorkspace  *self);
/* A KsDb over the connection @db, which stays open when the KsDb is closed
 * (the workspace's). */
KsDb         *ks_db_wrap_sqlite        (sqlite3      *db);
/* A KsStmt over @stmt, which it finalizes when freed (ks-db-sqlite.c);
 * the statement behind a KsStmt of SQLite's. */
KsStmt       *ks_stmt_new_sqlite       (sqlite3_stmt *stmt);
void          ks_stmt_free             (KsStmt       *stmt);
sqlite3_stmt *ks_stmt_get_sqlite       (KsStmt       *stmt);

G_END_DECLS
