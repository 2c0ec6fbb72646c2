/* ks-workspace-copy.h — a whole workspace into a new one, file or server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

/* Replaces everything @target holds (a new workspace: only its seeded
 * rows) with every row of @source, ids and all, in one transaction of
 * @target; both at this version's schema. @n_rows: how many rows came. */
gboolean ks_workspace_copy (KsWorkspace  *source,
                           KsWorkspace  *target,
                           gint64       *n_rows,
                           GError      **error);

G_END_DECLS
