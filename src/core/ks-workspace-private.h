/* ks-workspace-private.h — for core files only: the database behind the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-db.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and with bindings cleared. The SQL must be
 * a fixed string (never built from user text); the workspace owns the result. */
KsStmt       *ks_workspace_prepare     (KsWorkspace  *self,
                                        const char   *sql,
                                        GError      **error);
/* A second, read-only connection to the workspace, for a long query in
 * another thread (hand it over; the caller closes it with ks_db_close ()).
 * It sees what is committed: NULL for a workspace in memory, inside an open
 * transaction, or when the file cannot be opened. */
KsDb         *ks_workspace_open_reader (KsWorkspace  *self);
/* After a step: the id of the row the last INSERT added, how many rows the
 * last INSERT, UPDATE or DELETE changed, how many all statements changed
 * since the workspace was opened, and what kind of error the last failed
 * call met. */
gint64        ks_workspace_last_insert_id (KsWorkspace *self);
gint64        ks_workspace_changes        (KsWorkspace *self);
gint64        ks_workspace_total_changes  (KsWorkspace *self);
KsDbError     ks_workspace_last_error     (KsWorkspace *self);
const char   *ks_workspace_last_error_message (KsWorkspace *self);

/* Reads between these two see one snapshot of the workspace, inside a
 * write transaction or outside one; end_read() writes nothing. */
gboolean      ks_workspace_begin_read  (KsWorkspace  *self,
                                        GError      **error);
gboolean      ks_workspace_end_read    (KsWorkspace  *self,
                                        GError      **error);

/* A team workspace on a PostgreSQL server (ks-workspace-server.c), not a
 * file: for the few places where the engines must differ. */
gboolean      ks_workspace_on_server   (KsWorkspace  *self);

/* Appends one row to @line in COPY's text format; FALSE when there are no
 * more rows (and nothing was appended). */
typedef gboolean (*KsCopyRow) (gpointer  data,
                               GString  *line);
/* A bulk load on a server: COPY (@copy, fixed SQL "COPY t (…) FROM STDIN")
 * with the rows @next gives, inside the current transaction (an action's,
 * or a migration step's). */
gboolean      ks_workspace_copy_in     (KsWorkspace  *self,
                                        const char   *copy,
                                        KsCopyRow     next,
                                        gpointer      data,
                                        GError      **error);
/* @text in COPY's text format (NULL as \N), for a KsCopyRow. */
void          ks_copy_append_text      (GString      *line,
                                        const char   *text);

/* The tables that hold a workspace's rows (the search index is derived),
 * in the order they were created. */
const char * const *ks_workspace_tables (guint *n_tables);
/* The columns of @table in order, and a letter each in @kinds: 'i' integer,
 * 'r' real, 't' text, as the schema declares them. */
gboolean      ks_workspace_table_columns (KsWorkspace  *self,
                                          const char   *table,
                                          GPtrArray    *names,
                                          GString      *kinds,
                                          GError      **error);
/* Inside a transaction: foreign keys are checked at its commit, so rows may
 * come in any order. */
gboolean      ks_workspace_defer_foreign_keys (KsWorkspace  *self,
                                               GError      **error);
/* After rows came in with their own ids: new rows get ids past them
 * (PostgreSQL's identity sequences; SQLite does this by itself). */
gboolean      ks_workspace_ids_follow_rows (KsWorkspace  *self,
                                            GError      **error);

/* Row versions (schema step 10). A save made from a row read earlier names
 * the version it read; when the row has moved on since, the save changes
 * nothing and says so with their values. ks_conflict_note() adds one
 * “label: their value” to @theirs where it differs from @mine;
 * ks_workspace_set_conflict() sets KS_WORKSPACE_ERROR_CONFLICT for the
 * thing called @name. KS_CONFLICT_DIFFERENT as @mine notes the field
 * whatever @stored is (the caller compared ids itself). */
#define KS_CONFLICT_DIFFERENT "\x01"
void          ks_conflict_note         (GString      *theirs,
                                        const char   *label,
                                        const char   *stored,
                                        const char   *mine);
void          ks_workspace_set_conflict (GError     **error,
                                         const char  *name,
                                         GString     *theirs);

/* A user action that failed because other users' transactions stood in its
 * way (a deadlock or a serialization failure on a server, a busy file) is
 * tried again, whole, a few times after a short random wait:
 *
 *   guint attempt = 0;
 *   while (!(ok = action_once (…, error)) && ks_workspace_retry_busy (ws, &attempt, error))
 *     ;
 *
 * TRUE (and the error cleared) when it is worth another try; FALSE leaves
 * the error, saying how often it was tried. Not inside an outer action,
 * whose transaction the failure has already spoilt. */
gboolean      ks_workspace_retry_busy  (KsWorkspace  *self,
                                        guint        *attempt,
                                        GError      **error);
/* The same loop for the save of one object (ks_account_save () …):
 * @save_once is the whole action once. */
typedef gboolean (*KsSaveOnce) (gpointer      object,
                                KsWorkspace  *workspace,
                                GError      **error);
gboolean      ks_workspace_save_retrying (KsWorkspace  *self,
                                          KsSaveOnce    save_once,
                                          gpointer      object,
                                          GError      **error);

/* Runs fixed SQL with no parameters and no result rows. */
gboolean      ks_workspace_exec        (KsWorkspace  *self,
                                        const char   *sql,
                                        GError      **error);
/* Steps a statement that returns no rows (or whose rows are ignored). */
gboolean      ks_workspace_step_done   (KsWorkspace  *self,
                                        KsStmt *stmt,
                                        const char   *action,
                                        GError      **error);
/* Steps @stmt to its end inside a transaction begun with ks_workspace_begin()
 * and commits that transaction; on a failed step it rolls the transaction back
 * (a NULL @stmt, from a failed prepare, counts as a failed step). */
gboolean      ks_workspace_step_commit (KsWorkspace  *self,
                                        KsStmt *stmt,
                                        const char   *action,
                                        GError      **error);
/* The same for an INSERT: the new row's id, or 0. */
gint64        ks_workspace_insert_commit (KsWorkspace  *self,
                                          KsStmt *stmt,
                                          const char   *action,
                                          GError      **error);
/* One integer from fixed SQL taking ?1 = @a (and ?2 = @b where it has a second
 * parameter): the first column of the first row, 0 when there is no row,
 * -1 with error set when the query fails. */
gint64        ks_workspace_query_int   (KsWorkspace  *self,
                                        const char   *sql,
                                        gint64        a,
                                        gint64        b,
                                        const char   *action,
                                        GError      **error);
/* Sets error from the database's last error: "Could not ACTION: reason". */
void          ks_workspace_set_sql_error (KsWorkspace  *self,
                                          GError      **error,
                                          const char   *action);

/* Binding helpers: NULL/empty handling in one place. */
void          ks_bind_text             (KsStmt *stmt,
                                        int           idx,
                                        const char   *text);   /* NULL → '' */
void          ks_bind_text_or_null     (KsStmt *stmt,
                                        int           idx,
                                        const char   *text);   /* NULL or '' → NULL */
void          ks_bind_id               (KsStmt *stmt,
                                        int           idx,
                                        gint64        id);     /* 0 → NULL */
void          ks_bind_double_or_null   (KsStmt *stmt,
                                        int           idx,
                                        double        value);  /* NaN → NULL */
const char   *ks_column_text           (KsStmt *stmt,
                                        int           idx);    /* NULL → "" */
double        ks_column_double_or_nan  (KsStmt *stmt,
                                        int           idx);

/* Looks up the id of a row by exact name in one of the named tables
 * ("accounts", "people", "products"); 0 when absent. */
gint64        ks_workspace_id_for_name (KsWorkspace  *self,
                                        const char   *table,
                                        const char   *name,
                                        GError      **error);

/* Makes a domain object from the current row of a statement. */
typedef gpointer (*KsRowFunc) (KsStmt *stmt);

/* Steps a bound statement over candidate rows and collects, made by
 * from_row, those whose column name_column equals name ignoring case (by
 * g_utf8_casefold). With similar, also lists up to 8 other names that share
 * the first three letters, as “A”, “B”. The *_find() functions use it after
 * an exact match failed. */
gboolean      ks_workspace_match_name  (KsWorkspace  *self,
                                        KsStmt *stmt,
                                        int           name_column,
                                        const char   *name,
                                        KsRowFunc     from_row,
                                        GPtrArray    *found,
                                        GString      *similar,
                                        GError      **error);
/* Bulk loads: drops the secondary indexes the schema gave TABLE and returns
 * their CREATE statements (as stored in the schema) for
 * ks_workspace_restore_indexes() once the rows are in; building an index from
 * a finished table is several times cheaper than growing it row by row. On a
 * server the table's foreign keys go and come back the same way (added
 * back, each checks every row at once). Call both inside one transaction. */
GStrv         ks_workspace_drop_indexes    (KsWorkspace  *self,
                                            const char   *table,
                                            GError      **error);
gboolean      ks_workspace_restore_indexes (KsWorkspace  *self,
                                            GStrv         creates,
                                            GError      **error);

typedef const char *(*KsNameFunc) (gpointer object);

/* “A”, “B”, “C”: the names of objects, for messages. */
char         *ks_quote_names           (GPtrArray    *objects,
                                        KsNameFunc    get_name);

G_END_DECLS
