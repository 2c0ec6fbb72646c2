/* ks-grid-scroll.h — what the drawn grids share as GtkScrollables: the
 * adjustments and scroll policies, the view they give, and their sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-grid-layout.h"

G_BEGIN_DECLS

/* Embedded in a GtkScrollable grid widget (the scores grid, the RACI grid). */
typedef struct
{
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
} KsGridScroll;

/* The GtkScrollable properties, in this order from the widget's first
 * (its PROP_HADJUSTMENT): pass prop_id minus that one. */
typedef enum
{
  KS_GRID_SCROLL_PROP_HADJUSTMENT,
  KS_GRID_SCROLL_PROP_VADJUSTMENT,
  KS_GRID_SCROLL_PROP_HSCROLL_POLICY,
  KS_GRID_SCROLL_PROP_VSCROLL_POLICY,
} KsGridScrollProp;

/* Overrides the four GtkScrollable properties from @first_prop_id on. */
void       ks_grid_scroll_override_properties (GObjectClass       *object_class,
                                               guint               first_prop_id);
void       ks_grid_scroll_get_property        (const KsGridScroll *scroll,
                                               KsGridScrollProp    prop,
                                               GValue             *value);
/* @on_value_changed is connected swapped to @widget on a new adjustment's
 * "value-changed". */
void       ks_grid_scroll_set_property        (KsGridScroll       *scroll,
                                               GtkWidget          *widget,
                                               KsGridScrollProp    prop,
                                               const GValue       *value,
                                               GParamSpec         *pspec,
                                               GCallback           on_value_changed);
/* Disconnects @widget from the adjustments and drops them (from dispose). */
void       ks_grid_scroll_clear               (KsGridScroll       *scroll,
                                               GtkWidget          *widget);

/* The widget's size and the adjustments' values. */
KsGridView ks_grid_scroll_get_view            (const KsGridScroll *scroll,
                                               GtkWidget          *widget);
/* Sets the adjustments for a view of @width × @height over content of
 * @content_width × @content_height in rows of @row_height (the values
 * clamped into range). */
void       ks_grid_scroll_configure           (KsGridScroll       *scroll,
                                               int                 width,
                                               int                 height,
                                               double              content_width,
                                               double              content_height,
                                               double              row_height);
/* Scrolls to @scroll_x, @scroll_y where they differ from @view's. */
void       ks_grid_scroll_to                  (KsGridScroll       *scroll,
                                               const KsGridView   *view,
                                               double              scroll_x,
                                               double              scroll_y);
/* Scrolls to the top left corner. */
void       ks_grid_scroll_home                (KsGridScroll       *scroll);

/* A grid's measure: at least its sticky column wide and its header and a row
 * high, naturally its content (never below the minimum). */
void       ks_grid_scroll_measure             (GtkOrientation      orientation,
                                               double              content_width,
                                               double              content_height,
                                               double              min_width,
                                               double              min_height,
                                               int                *minimum,
                                               int                *natural);

G_END_DECLS
