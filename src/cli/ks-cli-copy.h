/* ks-cli-copy.h — keystone-cli copy: a workspace from a file to a server and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* copy SOURCE TARGET [--json] */
int ks_cli_copy (const Options *opts);
/* grant-roles [--json]: the team workspace's roles keystone_viewer and
 * keystone_editor */
int ks_cli_grant_roles (const Options *opts);

G_END_DECLS
