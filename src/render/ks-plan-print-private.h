/* ks-plan-print-private.h — the printed plan's document, shared by its builder and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-plan-print-build.c (the plan → blocks) and ks-plan-print.c (blocks
 * → pages, drawing, files) only.
 */
#pragma once

#include <pango/pango.h>

#include "ks-palette.h"
#include "ks-plan-print.h"

G_BEGIN_DECLS

/* Font sizes, points. */
#define BODY_SIZE     9.0
#define SMALL_SIZE    8.0
#define HEADING_SIZE  12.0
#define TITLE_SIZE    14.0

typedef enum
{
  INK_FOREGROUND,
  INK_MUTED,
  INK_NEGATIVE,
} Ink;

typedef struct
{
  char        *markup;
  double       start;    /* share of the content width */
  double       share;
  double       size;     /* font size, points */
  Ink          ink;
  gboolean     centered;
  /* Set by paginate. */
  PangoLayout *layout;
  GArray      *lines;    /* LineInfo (ks-plan-print.c) */
  double       x;        /* from the content's left edge */
  double       width;
  double       inset;    /* left space inside the cell (check box) */
  int          check;    /* -1 none, 0 open box, 1 ticked box */
} Cell;

typedef enum
{
  BLOCK_HEADING,   /* section title and summary */
  BLOCK_TEXT,      /* splits between lines anywhere */
  BLOCK_ROW,       /* table row: whole unless taller than a page */
  BLOCK_LADDER,    /* the perception ladder: drawn, fixed height */
} BlockKind;

typedef struct _Block Block;
struct _Block
{
  BlockKind  kind;
  GPtrArray *cells;            /* Cell */
  double     space_before;     /* dropped at the top of a page */
  gboolean   keep_with_next;
  gboolean   header_row;       /* shaded: the column titles of a table */
  gboolean   rule_below;       /* a line under the row */
  gboolean   boxed;            /* each cell framed (SWOT) */
  gboolean   overdue;          /* a bar in the negative colour at the left */
  Block     *table_header;     /* repeated at the top of a page */
  int        ladder_current;   /* 1–8, 0 = not set */
  int        ladder_target;
  /* Set by paginate (ladder). */
  double     height;
  PangoLayout *marks[2];       /* "Today", "Target" */
};

struct _KsPlanPrint
{
  KsPalette    *palette;
  PangoContext *context;
  char         *account_name;
  char         *owner_name;
  char         *today;
  GPtrArray    *blocks;     /* Block */
  /* Set by paginate. */
  double        page_width;
  double        page_height;
  double        content_top;
  PangoLayout  *title;
  PangoLayout  *meta;
  GPtrArray    *pages;      /* GPtrArray of Piece */
};

/* Copies what the document keeps of @data (account, owner, today) and builds
 * its blocks: a heading per section, then its fields, tables and drawings. */
void _ks_plan_print_build (KsPlanPrint           *self,
                           const KsPlanPrintData *data);

G_END_DECLS
