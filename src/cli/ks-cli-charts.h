/* ks-cli-charts.h — keystone-cli's portfolio pictures: render portfolio,
 * render abc, render ranking (shared/docs/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* render portfolio [--period P] [--compare P|none] [--preset NAME] [--x AXIS --y AXIS]
 *                  [--colour-by abc|segment|owner] [--owner NAME] [--segment S] [--year Y]
 *                  [--width W] [--height H] -o FILE */
int ks_cli_render_portfolio (const Options *opts);
/* render abc [--year Y] [--width W] [--height H] -o FILE */
int ks_cli_render_abc       (const Options *opts);
/* render ranking [--period P] [--compare P] [--top N] [--owner NAME] [--segment S] -o FILE */
int ks_cli_render_ranking   (const Options *opts);

G_END_DECLS
