/* ks-cli-raci.h — keystone-cli's RACI commands: import raci, export raci,
 * raci check, raci list, raci template (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* import raci FILE [--scope NAME] [--json] */
int ks_cli_import_raci   (const Options *opts);
/* export raci --scope NAME [-o FILE] */
int ks_cli_export_raci   (const Options *opts);
/* render raci --scope NAME [--account NAME] [--width W] [--height H] -o FILE */
int ks_cli_render_raci   (const Options *opts);
/* raci check|list|template ... */
int ks_cli_raci          (const Options *opts);

G_END_DECLS
