/* ks-test-util.h — shared helpers for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its contents) at exit. */
char     *ks_test_tmpdir          (void);
/* ../shared/data/crm-sales-opportunities, or NULL when it is not beside the project. */
char     *ks_test_crm_dir         (void);
/* Full contents of a file (asserts it is readable). */
GBytes   *ks_test_read_bytes      (const char *path);
/* Writes text to dir/name and returns the path. */
char     *ks_test_write_file      (const char *dir,
                                   const char *name,
                                   const char *contents,
                                   gssize      length);
/* Path to a built program (keystone-cli), from KEYSTONE_BUILD_ROOT. */
char     *ks_test_build_path      (const char *relative);

/* What a keystone-cli run printed, and its exit status. */
typedef struct
{
  int    status;
  char  *out;
  char  *err;
} KsCliResult;

void      ks_cli_result_clear     (KsCliResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KsCliResult, ks_cli_result_clear)

/* Runs the built keystone-cli with --workspace @workspace and a
 * NULL-terminated argument list (asserts that it could be run). */
void      ks_test_run_cli         (KsCliResult *result,
                                   const char  *workspace,
                                   const char  *first,
                                   ...) G_GNUC_NULL_TERMINATED;
/* @text parsed as JSON; asserts it is an object (a new reference). */
JsonObject *ks_test_parse_object  (const char  *text);

/* Fixtures: each asserts that it worked. path ":memory:" is a workspace in
 * memory; undo turns the undo log on, as the app does. */
/* KEYSTONE_TEST_ENGINE=postgresql: ks_test_open_workspace() opens team
 * workspaces on the server of libpq's environment, a fresh schema per path. */
gboolean     ks_test_on_server      (void);
/* A URI for a new team workspace: a fresh schema on that server (its name
 * in *schema_out). Without a server the case is skipped and NULL comes
 * back; under CI that is an error. */
char        *ks_test_server_uri     (char          **schema_out);
/* Runs @sql on that server as the test's own (superuser) login; asserts. */
void         ks_test_server_exec    (const char     *sql);
KsWorkspace *ks_test_open_workspace (const char      *path,
                                     gboolean         undo);
gint64       ks_test_add_account    (KsWorkspace     *workspace,
                                     const char      *name);
gint64       ks_test_add_person     (KsWorkspace     *workspace,
                                     const char      *name,
                                     gint64           manager_id);   /* 0 = none */
gint64       ks_test_add_product    (KsWorkspace     *workspace,
                                     const char      *name);
gint64       ks_test_add_contact    (KsWorkspace     *workspace,
                                     gint64           account_id,
                                     const char      *name,
                                     KsNodeKind       kind,
                                     KsDecisionPower  power);
/* Puts opportunity @id into funnel stage @stage_id (0 = unmapped) with a
 * plain UPDATE (one undo step of its own), whatever its stage text maps to. */
void         ks_test_set_opportunity_stage (KsWorkspace *workspace,
                                            gint64       id,
                                            gint64       stage_id);
/* An opportunity @ref titled @title on @account_id, owned by @owner_id (0 =
 * none), in funnel stage @stage_id, worth @value (NaN = none). */
gint64       ks_test_add_opportunity  (KsWorkspace     *workspace,
                                       const char      *ref,
                                       const char      *title,
                                       gint64           account_id,
                                       gint64           owner_id,
                                       gint64           stage_id,
                                       double           value);

G_END_DECLS
