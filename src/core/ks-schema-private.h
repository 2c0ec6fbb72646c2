/* ks-schema-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema version this program writes; a workspace with a higher
 * PRAGMA user_version is refused. */
guint       ks_schema_latest_version (void);
/* The SQL script that brings version - 1 to version. */
const char *ks_schema_migration      (guint version);
/* The same step in PostgreSQL's words (ks-schema-pg.c), for a team
 * workspace; NULL (with a critical) when a rule is missing. Free it. */
char       *ks_schema_pg_migration   (guint version);
/* Moves every identity sequence of the current schema past its column's
 * largest value (after rows came in with their ids). */
const char *ks_schema_pg_resync_identities (void);

G_END_DECLS
