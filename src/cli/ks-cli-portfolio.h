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

G_END_DECLS
