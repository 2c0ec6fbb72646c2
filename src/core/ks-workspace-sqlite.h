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
/* A KsDb over the connection @db, closed with it when @owned (else it stays
 * open: the workspace's). */
KsDb         *ks_db_wrap_sqlite        (sqlite3      *db,
                                        gboolean      owned);
/* A KsStmt over @stmt, which it finalizes when freed (ks-db-sqlite.c);
 * the statement behind a KsStmt of SQLite's. */
KsStmt       *ks_stmt_new_sqlite       (sqlite3_stmt *stmt);
void          ks_stmt_free             (KsStmt       *stmt);
sqlite3_stmt *ks_stmt_get_sqlite       (KsStmt       *stmt);

G_END_DECLS
