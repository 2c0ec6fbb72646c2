/* ks-workspace.h — one Keystone workspace: a SQLite file or a team
 * workspace on a PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ks-error.h"

G_BEGIN_DECLS

#define KS_TYPE_WORKSPACE (ks_workspace_get_type ())
G_DECLARE_FINAL_TYPE (KsWorkspace, ks_workspace, KS, WORKSPACE, GObject)

typedef enum
{
  KS_WORKSPACE_OPEN_DEFAULT   = 0,       /* the file must exist */
  KS_WORKSPACE_OPEN_CREATE    = 1 << 0,  /* create it when missing */
  KS_WORKSPACE_OPEN_NEW       = 1 << 1,  /* create it; refuse when it exists */
  KS_WORKSPACE_OPEN_READ_ONLY = 1 << 2,  /* never write, even when the file is writable */
} KsWorkspaceOpenFlags;

typedef struct
{
  gint64 accounts;
  gint64 people;
  gint64 contacts;
  gint64 products;
  gint64 opportunities;
  gint64 team_members;
} KsWorkspaceCounts;

KsWorkspace *ks_workspace_open               (const char            *path,
                                              KsWorkspaceOpenFlags   flags,
                                              GError               **error);
/* A team workspace with its password kept apart from @uri (NULL: libpq's
 * own ways: PGPASSWORD, ~/.pgpass). */
KsWorkspace *ks_workspace_open_team          (const char            *uri,
                                              const char            *password,
                                              KsWorkspaceOpenFlags   flags,
                                              GError               **error);
const char  *ks_workspace_get_path           (KsWorkspace           *self);
/* The path, or a team workspace's URI without its password: for people. */
const char  *ks_workspace_get_name           (KsWorkspace           *self);
/* A team workspace on a PostgreSQL server, opened by its URI
 * (postgresql://HOST/DB), not a file. */
gboolean     ks_workspace_is_team            (KsWorkspace           *self);
gboolean     ks_workspace_path_is_team       (const char            *path);
/* A team workspace: creates the PostgreSQL roles keystone_viewer (reads)
 * and keystone_editor (reads and writes) when missing, and gives them this
 * workspace, its later tables too. Needs a user who may create roles. */
gboolean     ks_workspace_grant_team_roles   (KsWorkspace           *self,
                                              GError               **error);
/* A team workspace URI's database, server and user (each "" when the URI
 * leaves it to libpq's defaults), for titles and forms. */
void         ks_workspace_team_parts         (const char            *uri,
                                              char                 **database,
                                              char                 **host,
                                              char                 **user);
/* postgresql://USER@HOST/DATABASE from its parts (any may be empty). */
char        *ks_workspace_team_uri           (const char            *host,
                                              const char            *database,
                                              const char            *user);
gboolean     ks_workspace_is_read_only       (KsWorkspace           *self);
/* A team workspace whose server went away is offline: what would write is
 * refused with KS_WORKSPACE_ERROR_OFFLINE, and it connects again by itself
 * (every 2 s, in the main loop), then says "changed" for every table.
 * Undo starts afresh then. A file is always online. */
gboolean     ks_workspace_is_online          (KsWorkspace           *self);
/* Tries to connect again now; TRUE when online. */
gboolean     ks_workspace_reconnect          (KsWorkspace           *self);
guint        ks_workspace_get_schema_version (KsWorkspace           *self);
guint        ks_workspace_latest_schema_version (void);
char        *ks_workspace_default_path       (void);
/* Deletes the workspace file @path and SQLite's files beside it (-wal,
 * -shm, -journal): a new workspace that was refused. Nothing for a team
 * workspace's URI. */
void         ks_workspace_delete_files       (const char            *path);

gboolean     ks_workspace_get_counts         (KsWorkspace           *self,
                                              KsWorkspaceCounts     *counts,
                                              GError               **error);
gboolean     ks_workspace_is_empty           (KsWorkspace           *self);
gboolean     ks_workspace_check_integrity    (KsWorkspace           *self,
                                              GError               **error);
gboolean     ks_workspace_save_copy          (KsWorkspace           *self,
                                              const char            *dest_path,
                                              GError               **error);

/* Settings: small key/value pairs stored in the workspace. */
char        *ks_workspace_get_setting        (KsWorkspace           *self,
                                              const char            *key);
gboolean     ks_workspace_set_setting        (KsWorkspace           *self,
                                              const char            *key,
                                              const char            *value,
                                              GError               **error);

/* Writes. Every user action is one begin/commit pair: one transaction, one
 * undo step (labelled), one round of "changed" signals. Pairs nest; only the
 * outermost one touches the database. On error call ks_workspace_rollback(). */
gboolean     ks_workspace_begin              (KsWorkspace           *self,
                                              const char            *label,
                                              GError               **error);
gboolean     ks_workspace_commit             (KsWorkspace           *self,
                                              GError               **error);
void         ks_workspace_rollback           (KsWorkspace           *self);
gboolean     ks_workspace_in_transaction     (KsWorkspace           *self);

/* Undo/redo, off by default (keystone-cli needs none); the app turns it on. */
void         ks_workspace_set_undo_enabled   (KsWorkspace           *self,
                                              gboolean               enabled);
gboolean     ks_workspace_get_undo_enabled   (KsWorkspace           *self);
gboolean     ks_workspace_can_undo           (KsWorkspace           *self);
gboolean     ks_workspace_can_redo           (KsWorkspace           *self);
const char  *ks_workspace_get_undo_label     (KsWorkspace           *self);
const char  *ks_workspace_get_redo_label     (KsWorkspace           *self);
gboolean     ks_workspace_undo               (KsWorkspace           *self,
                                              GError               **error);
gboolean     ks_workspace_redo               (KsWorkspace           *self,
                                              GError               **error);
void         ks_workspace_clear_undo         (KsWorkspace           *self);

G_END_DECLS
