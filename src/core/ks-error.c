/* ks-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ks-error.h"

G_DEFINE_QUARK (ks-workspace-error-quark, ks_workspace_error)
G_DEFINE_QUARK (ks-import-error-quark, ks_import_error)
