/* bench-display.h — what the display benchmarks (under xvfb-run) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits until @widget is mapped and one frame is painted after now. */
void  bench_wait_for_paint (GtkWidget *widget);

G_END_DECLS
