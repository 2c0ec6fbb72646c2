/* ks-cli-evaluation.h — keystone-cli's opportunity evaluation matrix:
 * report evaluation, render evaluation, evaluation score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-cli-util.h"

G_BEGIN_DECLS

/* report evaluation [--owner NAME] [--account NAME] [--json]
 * render evaluation [--owner NAME] [--account NAME] [--width W] [--height H] -o FILE
 * evaluation score --opportunity REF --criterion NAME --score N [--json]
 * Checks which options apply itself. */
int ks_cli_evaluation (const Options *opts);

G_END_DECLS
