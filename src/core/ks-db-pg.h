/* ks-db-pg.h — for the core files that use PostgreSQL itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team workspace (ks-workspace-server.c) listens for other users'
 * changes on the connection behind its KsDb; nothing else needs libpq.
 */
#pragma once

#include <libpq-fe.h>

#include "ks-db.h"

G_BEGIN_DECLS

/* The libpq connection behind @db, or NULL when @db is not PostgreSQL's. */
PGconn *ks_db_pg_get_conn (KsDb *db);

/* After the server went away: connects again with the same settings, and
 * prepares the cached statements again as they are next used. A new
 * session: its SET, LISTEN and temporary tables are to be made again. */
gboolean ks_db_pg_reconnect     (KsDb *db);
gboolean ks_db_pg_is_connected  (KsDb *db);

G_END_DECLS
