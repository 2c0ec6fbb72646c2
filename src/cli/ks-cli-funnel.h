/* ks-cli-funnel.h — keystone-cli report funnel, report forecast, funnel map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"
#include "ks-funnel.h"

G_BEGIN_DECLS

/* The funnel filter from --owner, --manager, --team, --region, --account,
 * --product, --from, --to (the strings stay the options'). */
void ks_cli_funnel_filter       (const Options  *opts,
                                 KsFunnelFilter *filter);
/* EXIT_USAGE (said) when --from or --to is not a date. */
int  ks_cli_funnel_check_dates  (const Options  *opts);
int  ks_cli_report_funnel       (const Options  *opts);
int  ks_cli_report_forecast     (const Options  *opts);
int  ks_cli_funnel              (const Options  *opts);
int  ks_cli_render_funnel       (const Options  *opts);
int  ks_cli_render_forecast     (const Options  *opts);

G_END_DECLS
