/* ks-powermap-draw.h — paints a power map layout onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same function draws the canvas, the PNG, the SVG, the PDF and the
 * printed page. Z-order, bottom to top: background, lines (reports-to, dotted,
 * influence), cards in input order, the overlay (selection, hover, focus,
 * link preview, rubber band), the legend. ks_map_layout_hit_test() walks it
 * from the top.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ks-palette.h"
#include "ks-powermap-layout.h"

G_BEGIN_DECLS

typedef enum
{
  KS_MAP_LAYER_BACKGROUND = 1 << 0,
  KS_MAP_LAYER_LINES      = 1 << 1,
  KS_MAP_LAYER_CARDS      = 1 << 2,   /* with the snapshot-compare tags */
  KS_MAP_LAYER_OVERLAY    = 1 << 3,   /* selection, hover, focus, handles, link preview, rubber band */
  KS_MAP_LAYER_LEGEND     = 1 << 4,
  KS_MAP_LAYER_ALL        = 0x1f,
} KsMapLayers;

typedef struct
{
  KsMapView     view;
  KsMapLayers   layers;             /* 0 = all; the app may cache the static ones */

  const gint64 *selected_nodes;
  guint         n_selected_nodes;
  const gint64 *selected_lines;
  guint         n_selected_lines;
  gint64        hover_node;         /* 0 = none */
  gboolean      hover_handle;       /* the pointer is on hover_node's link handle */
  gint64        hover_line;
  gint64        focus_node;         /* keyboard focus */

  /* Snapshot compare: tags on the cards. Removed nodes are passed in the
   * layout like the others and drawn faded. */
  const gint64 *changed_nodes;
  guint         n_changed_nodes;
  const gint64 *added_nodes;
  guint         n_added_nodes;
  const gint64 *removed_nodes;
  guint         n_removed_nodes;

  /* Interaction feedback, view units. */
  gint64        link_from;          /* drawing a new line from this node; 0 = not */
  double        link_x, link_y;
  gboolean      show_rubber_band;
  KsMapRect     rubber_band;
} KsMapDrawState;

/* Draws @layout. @state NULL draws everything at scale 1 with the legend in
 * the bottom-left corner of the clip. */
void     ks_map_draw   (cairo_t              *cr,
                        const KsMapLayout    *layout,
                        const KsPalette      *palette,
                        const KsMapDrawState *state);

/* Writes the whole map with its legend to @path; the format comes from the
 * extension. With @width and @height the map is fitted to that page (pixels
 * for PNG, points for SVG and PDF). With both 0 the cards keep the size they
 * have at 100 % zoom: PNG and SVG get the map's natural size
 * (ks_map_layout_get_natural_size(); a PNG side stops at
 * KS_MAP_EXPORT_MAX_PX, the map scaled down to fit), and PDF gets the
 * smallest ISO A paper from A4 to A0, turned the way the map is, on which
 * the names print at KS_MAP_READABLE_PT or larger (A0 when none is that
 * large), the map at 100 % or scaled down to fit it. With one of the two 0,
 * the other follows the natural size's proportions. */
#define KS_MAP_EXPORT_MAX_PX  16000.0
#define KS_MAP_READABLE_PT        7.0
gboolean ks_map_export (const char           *path,
                        const KsMapLayout    *layout,
                        const KsPalette      *palette,
                        double                width,
                        double                height,
                        GError              **error);
/* ks_map_export() with @png_scale device pixels per unit in a PNG (2 for a
 * picture that stays sharp on slides and high-density screens). */
gboolean ks_map_export_scaled (const char        *path,
                               const KsMapLayout *layout,
                               const KsPalette   *palette,
                               double             width,
                               double             height,
                               double             png_scale,
                               GError           **error);

G_END_DECLS
