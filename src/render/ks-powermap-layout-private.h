/* ks-powermap-layout-private.h — what the power map's drawing reads from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the power map's render only: ks-powermap-layout.c (cards, lines, hit
 * testing, the view), ks-powermap-legend.c, ks-powermap-tidy.c and
 * ks-powermap-draw.c.
 */
#pragma once

#include <cairo.h>

#include "ks-chart.h"
#include "ks-powermap-layout.h"

G_BEGIN_DECLS

/* Card metrics, model units. */
#define KS_MAP_CARD_MIN_W     150.0
#define KS_MAP_CARD_MAX_W     236.0
#define KS_MAP_CARD_PAD        10.0
#define KS_MAP_CARD_RADIUS      8.0
#define KS_MAP_EXTERNAL_RADIUS 18.0
#define KS_MAP_CHAMFER         18.0
#define KS_MAP_BORDER_W         2.5
#define KS_MAP_BADGE_D         20.0
#define KS_MAP_MARK_W          14.0
#define KS_MAP_CHIP_H          16.0
#define KS_MAP_CHIP_GAP         4.0
#define KS_MAP_OWNER_D         22.0
#define KS_MAP_HANDLE_R         7.0

/* Legend metrics, view units. */
#define KS_MAP_LEGEND_PAD      14.0
#define KS_MAP_LEGEND_ROW_H    21.0
#define KS_MAP_LEGEND_HEAD_H   22.0
#define KS_MAP_LEGEND_SYMBOL_W 34.0
#define KS_MAP_LEGEND_COL_GAP  26.0
#define KS_MAP_LEGEND_SEC_GAP  12.0
#define KS_MAP_LEGEND_MARGIN   12.0
#define KS_MAP_LEGEND_SECTIONS  6
#define KS_MAP_LEGEND_MAX_ROWS  6

/* Tidy layout spacing that ks_map_layout_new also uses for the rows of cards
 * without a position, model units. */
#define TIDY_SIBLING_GAP  24.0
#define TIDY_LOOSE_GAP    76.0

/* A measured piece of text with its glyphs cached (ks-chart.h): drawing it
 * is one cairo_show_glyphs per run, without walking pango's layout. */
typedef KsChartText KsMapLabel;

typedef struct
{
  gint64          id;
  KsNodeKind      kind;
  KsDecisionPower power;
  KsRelationship  relationship;
  KsAttitude      attitude;
  guint           roles;
  KsMapRect       rect;           /* model units */
  KsMapLabel      name, title, initials;
  gboolean        has_title, has_owner, has_badge;
  double          text_x, text_w; /* name and title column, relative to the card */
  double          name_y, title_y, row_y, chips_x, chips_max;
  guint           owner_colour;   /* index into palette->series */
  guint          *edges;          /* lines that touch this card */
  guint           n_edges;
} KsMapCard;

typedef struct
{
  gint64            id;
  int               from, to;     /* card indices, -1 when missing */
  KsLineKind        kind;
  int               strength;
  KsMapLineGeometry geo;
  double            flat_x[18], flat_y[18];   /* 17 along a curve, plus the arrow tip */
  guint             n_flat;
  KsMapRect         bbox;         /* model units, includes the arrow head */
} KsMapEdge;

typedef enum
{
  KS_MAP_SYMBOL_RELATIONSHIP,
  KS_MAP_SYMBOL_POWER,
  KS_MAP_SYMBOL_ATTITUDE,
  KS_MAP_SYMBOL_LINE,
  KS_MAP_SYMBOL_ROLE,
  KS_MAP_SYMBOL_OWNER,
  KS_MAP_SYMBOL_COMPETITOR,
  KS_MAP_SYMBOL_THIRD_PARTY,
} KsMapSymbol;

typedef struct
{
  KsMapSymbol symbol;
  int         value;              /* the relationship, power, attitude, line kind or role bit */
  KsMapLabel  label;
} KsMapLegendRow;

typedef struct
{
  KsMapLabel     header;
  KsMapLegendRow rows[KS_MAP_LEGEND_MAX_ROWS];
  guint          n_rows;
  double         width, height;
} KsMapLegendSection;

typedef enum
{
  KS_MAP_TAG_CHANGED,
  KS_MAP_TAG_ADDED,
  KS_MAP_TAG_REMOVED,
  KS_MAP_N_TAGS,
} KsMapTag;

/* Rectangles, model units. */

static inline double
rect_right (const KsMapRect *r)
{
  return r->x + r->width;
}

static inline double
rect_bottom (const KsMapRect *r)
{
  return r->y + r->height;
}

static inline double
rect_cx (const KsMapRect *r)
{
  return r->x + r->width / 2;
}

static inline double
rect_cy (const KsMapRect *r)
{
  return r->y + r->height / 2;
}

static inline gboolean
rects_meet (const KsMapRect *a,
            const KsMapRect *b)
{
  return a->x < rect_right (b) && b->x < rect_right (a)
         && a->y < rect_bottom (b) && b->y < rect_bottom (a);
}

struct _KsMapLayout
{
  PangoContext      *context;
  double             font_px;     /* the base font's size in model units */
  KsMapCard         *cards;
  guint              n_cards;
  KsMapEdge         *edges;
  guint              n_edges;
  guint             *edge_order;  /* drawing order: reports-to, dotted, influence by strength */
  GHashTable        *card_index;  /* gint64 * → index + 1 */
  GHashTable        *edge_index;
  KsMapRect          bounds;
  KsMapLabel         digits[4];   /* "?", "1", "2", "3" */
  KsMapLabel         roles[6];    /* EB TB UB C FE BD */
  KsMapLabel         tags[KS_MAP_N_TAGS];
  KsMapLabel         legend_initials;
  KsMapLegendSection legend[KS_MAP_LEGEND_SECTIONS];
};

/* Measures @text with @font and caches its glyphs. */
void _ks_map_label_init     (KsMapLabel                 *label,
                             PangoContext               *context,
                             const PangoFontDescription *font,
                             const char                 *text);
/* Builds and measures the legend's sections (ks-powermap-legend.c). */
void _ks_map_legend_build   (KsMapLayout                *layout,
                             const PangoFontDescription *head_font,
                             const PangoFontDescription *font);
/* Places the legend's sections in @columns columns: their offsets inside the
 * legend box and the box's size. */
void _ks_map_legend_arrange (const KsMapLayout *layout,
                             guint              columns,
                             double            *width,
                             double            *height,
                             double            *section_x,
                             double            *section_y);
/* Draws a cached label with its top-left corner at (x, y) in the current source. */
void _ks_map_label_show     (cairo_t           *cr,
                             const KsMapLabel  *label,
                             double             x,
                             double             y);

G_END_DECLS
