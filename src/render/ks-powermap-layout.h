/* ks-powermap-layout.h — the power map's geometry: cards, lines, legend,
 * hit testing and the tidy tree layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry, no GTK. The input is plain structs (not core's objects), so
 * the app, keystone-cli and the tests fill them from whatever they hold.
 *
 * Two coordinate spaces:
 *   model  the map's own units (1 unit = 1 px at 100 % zoom = 1 pt in PDF);
 *          cards, lines and the bounds live here;
 *   view   the widget or the page: view = model × scale + offset. The legend
 *          lives here (it stays in a corner of the view at every zoom), and
 *          hit testing takes view coordinates.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "ks-palette.h"
#include "ks-powermap-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          id;              /* > 0 */
  const char     *name;
  const char     *title;           /* NULL or "" = none */
  const char     *owner_initials;  /* our side's relationship owner; NULL or "" = none */
  KsNodeKind      kind;
  KsDecisionPower power;
  KsRelationship  relationship;
  KsAttitude      attitude;
  KsLevel         level;
  guint           roles;           /* KsBuyingRoles flags */
  gboolean        placed;          /* x and y hold a position */
  double          x, y;            /* centre of the card, model units */
  gboolean        pinned;          /* ks_map_layout_tidy() leaves it where it is */
} KsMapNode;

typedef struct
{
  gint64     id;                   /* > 0 */
  gint64     from_id, to_id;       /* reports-to, dotted: from reports to to;
                                      influence: from influences to */
  KsLineKind kind;
  int        strength;             /* influence 1–3 (0 is drawn as 1) */
} KsMapLine;

typedef struct
{
  double x, y, width, height;
} KsMapRect;

typedef enum
{
  KS_MAP_CORNER_BOTTOM_LEFT,
  KS_MAP_CORNER_BOTTOM_RIGHT,
  KS_MAP_CORNER_TOP_LEFT,
  KS_MAP_CORNER_TOP_RIGHT,
} KsMapCorner;

typedef struct
{
  double      scale;               /* view = model × scale + offset */
  double      offset_x, offset_y;
  double      width, height;       /* size of the view, for the legend's corner */
  KsMapCorner legend_corner;
  guint       legend_columns;      /* 1–6 columns of legend sections; 0 = 3 */
} KsMapView;

typedef enum
{
  KS_MAP_HIT_NONE,
  KS_MAP_HIT_NODE,
  KS_MAP_HIT_HANDLE,               /* the link handle on a card's right edge */
  KS_MAP_HIT_LINE,
  KS_MAP_HIT_LEGEND,
} KsMapHitKind;

typedef struct
{
  KsMapHitKind kind;
  gint64       id;                 /* node id (NODE, HANDLE) or line id (LINE); 0 otherwise */
  int          index;              /* index in the input array; -1 otherwise */
} KsMapHit;

typedef enum
{
  KS_MAP_LINE_SHAPE_POLYLINE,      /* 2–4 points */
  KS_MAP_LINE_SHAPE_CURVE,         /* cubic Bézier: start, two control points, end */
} KsMapLineShape;

typedef struct
{
  gboolean       visible;          /* FALSE when an end is missing or the cards overlap */
  KsMapLineShape shape;
  guint          n_points;
  double         x[4], y[4];
  gboolean       arrow;            /* an arrow head at the end (influence) */
  double         arrow_x[3], arrow_y[3];   /* tip, then the two base corners */
  double         width;            /* stroke width, model units */
} KsMapLineGeometry;

/* Tolerance of line hits, in view pixels. */
#define KS_MAP_LINE_TOLERANCE 5.0

typedef struct _KsMapLayout KsMapLayout;

/* Measures every card with pango and routes every line. @context may be NULL:
 * then the layout makes its own, without hinting, so the geometry is the same
 * at every zoom and on every surface (screen, PNG, SVG, PDF). Nodes that are
 * not placed go in a row below the placed ones. Lines whose ends are missing
 * are kept (so indices match the input) but not visible. */
KsMapLayout *ks_map_layout_new             (const KsMapNode   *nodes,
                                            guint              n_nodes,
                                            const KsMapLine   *lines,
                                            guint              n_lines,
                                            const KsPalette   *palette,
                                            PangoContext      *context);
void         ks_map_layout_free            (KsMapLayout       *layout);

guint        ks_map_layout_get_n_nodes     (const KsMapLayout *layout);
guint        ks_map_layout_get_n_lines     (const KsMapLayout *layout);
/* Index in the input array, or -1. */
int          ks_map_layout_find_node       (const KsMapLayout *layout,
                                            gint64             id);
int          ks_map_layout_find_line       (const KsMapLayout *layout,
                                            gint64             id);
/* A card's rectangle, model units. */
gboolean     ks_map_layout_get_node_rect   (const KsMapLayout *layout,
                                            guint              index,
                                            KsMapRect         *rect);
gboolean     ks_map_layout_get_line_geometry (const KsMapLayout *layout,
                                              guint              index,
                                              KsMapLineGeometry *geometry);
/* Every card and line, model units (all zero for an empty map). */
void         ks_map_layout_get_bounds      (const KsMapLayout *layout,
                                            KsMapRect         *bounds);
/* The legend's size for @columns (0 = 3). */
void         ks_map_layout_get_legend_size (const KsMapLayout *layout,
                                            guint              columns,
                                            double            *width,
                                            double            *height);
/* The legend's rectangle in @view, view units. */
void         ks_map_layout_get_legend_rect (const KsMapLayout *layout,
                                            const KsMapView   *view,
                                            KsMapRect         *rect);

/* What is under (@x, @y) in view units, walking the drawing's z-order from the
 * top: legend, then cards (later in the input = higher; a card's link handle
 * before the card), then lines (influence over dotted over reports-to, later
 * over earlier). @view NULL is scale 1 without a legend. */
KsMapHit     ks_map_layout_hit_test        (const KsMapLayout *layout,
                                            const KsMapView   *view,
                                            double             x,
                                            double             y);
/* Appends to @ids (a GArray of gint64) the nodes whose cards meet @rect
 * (view units, e.g. a rubber band); returns how many. */
guint        ks_map_layout_nodes_in_rect   (const KsMapLayout *layout,
                                            const KsMapView   *view,
                                            const KsMapRect   *rect,
                                            GArray            *ids);
/* The connected node that lies best in direction (@dx, @dy) from node @id
 * (arrow-key navigation); any node in that direction if none is connected;
 * 0 if there is none. */
gint64       ks_map_layout_neighbour       (const KsMapLayout *layout,
                                            gint64             id,
                                            double             dx,
                                            double             dy);

/* Moves a card's centre (during a drag) and reroutes the lines that depend on
 * it; cheap, no text is measured. */
gboolean     ks_map_layout_move_node       (KsMapLayout       *layout,
                                            gint64             id,
                                            double             x,
                                            double             y);

/* A view of @width × @height that shows the whole map, centred, beside the
 * legend in @view->legend_corner, at most at @max_scale. Keeps the legend
 * clear of the map by choosing the legend's columns (when @view->legend_columns
 * is 0) and reserving its strip. */
void         ks_map_view_fit               (const KsMapLayout *layout,
                                            double             width,
                                            double             height,
                                            double             margin,
                                            double             max_scale,
                                            KsMapView         *view);
/* The smallest page (model units at 100 %) that ks_map_view_fit() with
 * @margin fills at scale 1: the whole map with its legend in a strip
 * beside or below it, cards as large as on the canvas at 100 % zoom. */
void         ks_map_layout_get_natural_size (const KsMapLayout *layout,
                                             double             margin,
                                             double            *width,
                                             double            *height);
void         ks_map_view_to_model          (const KsMapView   *view,
                                            double             vx,
                                            double             vy,
                                            double            *mx,
                                            double            *my);
void         ks_map_view_from_model        (const KsMapView   *view,
                                            double             mx,
                                            double             my,
                                            double            *vx,
                                            double            *vy);

/* Tidy layered tree layout. Reports-to lines between contacts make the
 * hierarchy (dotted and influence lines are ignored, so are cycles: the first
 * line that would close one); several trees stand side by side; contacts with
 * neither boss nor subordinates stand in rows below; competitors and third
 * parties in a column at the right. A boss with four or more subordinates who
 * have none gets them stacked in one or two columns under a trunk; a tree
 * wider than a screen (and than a screen's shape) has its lower levels hung
 * from trunks, one level more at a time. Siblings keep their order on the
 * canvas (left to right, then top to bottom), so tidying twice moves nothing.
 * Pinned (and placed) nodes stay where they are; the rest are placed around
 * them without overlapping anything. Card sizes come from
 * @measured (a layout of the same nodes; NULL uses a typical card size).
 * Writes x, y and placed = TRUE into every node that is not pinned. */
void         ks_map_layout_tidy            (KsMapNode         *nodes,
                                            guint              n_nodes,
                                            const KsMapLine   *lines,
                                            guint              n_lines,
                                            const KsMapLayout *measured);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsMapLayout, ks_map_layout_free)

G_END_DECLS
