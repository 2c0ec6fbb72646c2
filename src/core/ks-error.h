/* ks-error.h — error domains of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KS_WORKSPACE_ERROR (ks_workspace_error_quark ())
#define KS_IMPORT_ERROR (ks_import_error_quark ())

typedef enum
{
  KS_WORKSPACE_ERROR_NOT_A_WORKSPACE,  /* not SQLite, truncated, corrupted */
  KS_WORKSPACE_ERROR_NEWER_SCHEMA,     /* made by a newer Keystone */
  KS_WORKSPACE_ERROR_READ_ONLY,        /* a write was attempted on a read-only workspace */
  KS_WORKSPACE_ERROR_BUSY,             /* locked by another process */
  KS_WORKSPACE_ERROR_EXISTS,           /* create refused: the file exists */
  KS_WORKSPACE_ERROR_NOT_FOUND,        /* open refused: no such file */
  KS_WORKSPACE_ERROR_INVALID,          /* a value was refused (empty name, out of range, duplicate) */
  KS_WORKSPACE_ERROR_FAILED,           /* any other SQLite or I/O failure */
  KS_WORKSPACE_ERROR_CONFLICT,         /* a team workspace: another user changed it since */
  KS_WORKSPACE_ERROR_PASSWORD,         /* a team workspace's server wants a password, or refused it */
  KS_WORKSPACE_ERROR_OFFLINE,          /* a team workspace's server cannot be reached (for now) */
} KsWorkspaceError;

typedef enum
{
  KS_IMPORT_ERROR_MALFORMED,    /* CSV/JSON syntax */
  KS_IMPORT_ERROR_ENCODING,     /* not UTF-8 */
  KS_IMPORT_ERROR_MISSING_COLUMN,
  KS_IMPORT_ERROR_VALUE,        /* a value that cannot be kept */
  KS_IMPORT_ERROR_NOT_EMPTY,    /* JSON import into a non-empty workspace without replace */
  KS_IMPORT_ERROR_IO,
} KsImportError;

GQuark ks_workspace_error_quark (void);
GQuark ks_import_error_quark (void);

G_END_DECLS
