/* ks-cli-portfolio.h — keystone-cli's portfolio commands: import scores,
 * report scores, report abc (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* import scores FILE [--period P] [--json] */
int ks_cli_import_scores (const Options *opts);
/* report scores [--period P] [--json] */
int ks_cli_report_scores (const Options *opts);
/* report abc [--year Y] [--json] */
int ks_cli_report_abc    (const Options *opts);

/* The period named @name (NULL = the current one, 0 when there is none)
 * into @id; an unknown name is an error listing the periods. */
gboolean ks_cli_resolve_period (KsWorkspace  *ws,
                                const char   *name,
                                gint64       *id,
                                GError      **error);

G_END_DECLS
