/* ks-workspace-server.h — for ks-workspace.c: the team workspace's own parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-db.h"
#include "ks-error.h"
#include "ks-workspace-private.h"

G_BEGIN_DECLS

/* "postgresql://…" or "postgres://…": a workspace on a server. */
gboolean  ks_workspace_server_is_uri          (const char  *path);
/* postgresql://USER@HOST:PORT/DB — the URI without its password or
 * options, for messages and titles. */
char     *ks_workspace_server_display_name    (const char  *uri);
/* The URI's database, host and user ("" where it names none). */
void      ks_workspace_server_parts           (const char  *uri,
                                               char       **database,
                                               char       **host,
                                               char       **user);
/* What the connection's schema holds: its name, the schema version (0 for
 * an empty schema), and whether this user may change it. Refuses a schema
 * with other tables. @name is for messages. */
gboolean  ks_workspace_server_inspect         (KsDb        *db,
                                               const char  *name,
                                               char       **schema,
                                               gint64      *version,
                                               gboolean    *writable,
                                               GError     **error);
/* Begins the transaction of one migration step, holding the server's
 * migration lock, and reads the version again. */
gboolean  ks_workspace_server_begin_migration (KsDb        *db,
                                               gint64      *version,
                                               GError     **error);
/* Inside it: the step, the change triggers of new tables, the version. */
gboolean  ks_workspace_server_migrate_step    (KsDb        *db,
                                               guint        version,
                                               GError     **error);
gboolean  ks_workspace_server_listen          (KsDb        *db,
                                               GError     **error);
/* The socket to watch for other users' changes; -1 without a connection. */
int       ks_workspace_server_socket          (KsDb        *db);
/* Adds the interned names of the tables committed transactions changed in
 * @schema to @touched; with @read, reads what the socket holds first.
 * FALSE when the connection is lost. */
gboolean  ks_workspace_server_take_changes    (KsDb        *db,
                                               const char  *schema,
                                               gboolean     read,
                                               GHashTable  *touched);
/* ks_workspace_drop_indexes() on a server: drops TABLE's indexes that back
 * no constraint and returns their CREATE statements. */
GStrv     ks_workspace_server_drop_indexes    (KsDb        *db,
                                               const char  *table,
                                               GError     **error);

/* COPY … FROM STDIN (@copy, fixed SQL) with the lines @next appends, in
 * COPY's text format, one or more per call; FALSE from it ends the data.
 * A failure leaves the rows out and the transaction to roll back. */
gboolean  ks_workspace_server_copy_in         (KsDb        *db,
                                               const char  *copy,
                                               KsCopyRow    next,
                                               gpointer     data,
                                               GError     **error);

/* Creates the roles keystone_viewer and keystone_editor when missing and
 * gives them the workspace's schema (reading; reading and writing). */
gboolean  ks_workspace_server_grant_roles     (KsDb        *db,
                                               GError     **error);

G_END_DECLS
