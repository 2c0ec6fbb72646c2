/* ks-meeting-slides-private.h — what the deck (ks-meeting-deck.c) and the
 * slides' layout and drawing (ks-meeting-slides.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-chart.h"
#include "ks-coverage.h"
#include "ks-funnel-model.h"
#include "ks-meeting-slides.h"
#include "ks-portfolio-model.h"
#include "ks-powermap-model.h"
#include "ks-scoring.h"

G_BEGIN_DECLS

/* One line of the plan summary: what, and a muted detail under it. */
typedef struct
{
  char     *text;
  char     *detail;      /* "" = none */
  gboolean  alarm;       /* drawn in the palette’s negative colour (overdue) */
  char     *due;         /* YYYY-MM-DD or "": the order of the lists */
} KsSlideLine;

typedef struct
{
  char   *name;
  double  weight;
  double  score, prev;   /* NaN = not scored */
} KsSlideCriterion;

typedef struct
{
  char   *name;
  double  weighted;      /* NaN = not scored */
} KsSlidePeriod;

/* At most this many periods, the current one last, on a score card. */
#define KS_SLIDE_MAX_PERIODS 6

/* Everything the slides of one agenda account show, read once. */
typedef struct
{
  gint64            account_id;
  char             *name;
  /* score card */
  char             *period, *prev_period;   /* NULL = none */
  double            weighted, prev_weighted; /* NaN = not scored */
  KsScoreBand       band;
  GArray           *criteria;                /* KsSlideCriterion */
  GArray           *history;                 /* KsSlidePeriod, oldest first, the current one last */
  /* power map */
  KsMapModel        map;
  KsCoverageReport *coverage;
  /* plan summary */
  GPtrArray        *objectives;              /* KsSlideLine */
  GPtrArray        *overdue;
  GPtrArray        *next_steps;
  /* funnel */
  KsFunnelReport   *funnel;
} KsSlideAccount;

/* The pieces a slide is laid out into. */
typedef enum
{
  KS_ROLE_FOREGROUND,
  KS_ROLE_MUTED,
  KS_ROLE_ACCENT,
  KS_ROLE_POSITIVE,
  KS_ROLE_NEUTRAL,
  KS_ROLE_NEGATIVE,
  KS_ROLE_UNKNOWN,
  KS_ROLE_SURFACE,
  KS_ROLE_GRID,
  KS_ROLE_TRACK,       /* a bar's empty track: the background 15 % towards the foreground */
} KsSlideRole;

typedef enum
{
  KS_ITEM_TEXT,
  KS_ITEM_BOX,         /* a filled rounded rectangle */
  KS_ITEM_RULE,        /* a filled thin rectangle */
} KsSlideItemKind;

typedef struct
{
  KsSlideItemKind kind;
  KsSlideRole     role;
  KsChartRect     rect;   /* where it is drawn */
  KsChartRect     box;    /* the room the layout gave it */
  KsChartText     text;   /* KS_ITEM_TEXT */
} KsSlideItem;

/* One slide laid out at one size: measured text and fitted pictures, kept
 * so that drawing again only replays them. */
typedef struct
{
  double          width, height;
  KsPaletteStyle  style;
  KsPalette      *palette;      /* the caller's, with the slide's font size for the pictures */
  GArray         *items;        /* KsSlideItem, in drawing order */
  KsMatrixLayout *matrix;       /* the portfolio slide's */
  GArray         *highlight;    /* gint64: the agenda's accounts, drawn selected on the matrix */
  KsChartRect     matrix_rect;
  KsMapLayout    *map;          /* the power map slide's */
  KsChartRect     map_rect;
  KsMapView       map_view;
  KsFunnelLayout *funnel;       /* the funnel slide's */
  KsChartRect     funnel_rect;
} KsSlideLayout;

/* The deck's data a slide reads. */
typedef struct
{
  const KsMeeting   *meeting;
  GPtrArray         *decisions;      /* KsMeetingDecision */
  const KsPortfolio *portfolio;      /* NULL when there is no review period */
  const char        *today;
} KsSlideSource;

/* Lays out a slide of @kind (@account for the per-account kinds) for the
 * header "@title" and the corner "@position" ("3 / 12"). For
 * KS_SLIDE_DECISIONS, decisions from @first on (G_MAXUINT: as many of the
 * newest as fit); @n_placed receives how many were placed. */
KsSlideLayout *ks_slide_layout_new   (const KsSlideSource  *source,
                                      KsSlideKind           kind,
                                      const KsSlideAccount *account,
                                      const char           *title,
                                      const char           *position,
                                      guint                 first,
                                      guint                *n_placed,
                                      const KsPalette      *palette,
                                      double                width,
                                      double                height);
void           ks_slide_layout_free  (KsSlideLayout        *layout);
void           ks_slide_layout_draw  (const KsSlideLayout  *layout,
                                      cairo_t              *cr,
                                      const KsPalette      *palette);
guint          ks_slide_layout_count_overflow (const KsSlideLayout *layout);

G_END_DECLS
