/* ks-cli-search.h — keystone-cli's search across the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* search QUERY... [--limit N] [--json]
 * Checks which options apply itself. */
int ks_cli_search (const Options *opts);

G_END_DECLS
