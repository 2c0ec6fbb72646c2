/* ks-opportunity-list-private.h — the instance of KsOpportunityList and
 * what its three files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ks-grid-editor.h"
#include "ks-grid-layout.h"
#include "ks-grid-scroll.h"
#include "ks-opportunity-list.h"

G_BEGIN_DECLS

#define KS_OPPORTUNITY_LIST_N_SCRATCH 4

struct _KsOpportunityList
{
  GtkWidget           parent_instance;

  KsWorkspace        *workspace;
  KsOpportunityModel *model;
  KsGridScroll        scroll;
  KsGridLayout       *layout;        /* NULL until measured; again after a resize or style change */
  int                 layout_width;  /* the width the columns were fitted to */
  KsPalette          *palette;

  GPtrArray          *stage_names;   /* char *, the funnel's stages in order */
  GArray             *stage_ids;     /* gint64, parallel to stage_names */
  char               *today;
  guint               fading_weeks;

  guint               focus_row;     /* a position in the model */
  guint               focus_column;  /* a KsOpportunityColumn */
  gint64              focus_id;      /* the opportunity there, kept through reloads */
  gboolean            editing;       /* the editor lies over the focused cell */
  gboolean            edit_typed;    /* the edit began with a typed character */
  gboolean            ending_edit;
  char               *error;         /* why the text in the editor was refused */
  GtkWidget          *editor;        /* GtkText over the edited cell */
  GtkWidget          *choices;       /* the stage or momentum to pick: a popover menu */
  GtkWidget          *menu;          /* the context menu */
  GSimpleActionGroup *actions;       /* "opportunities.stage", "opportunities.momentum" */

  guint               shown_first;   /* rows in the last frame drawn */
  guint               shown_n;
  guint               prepare_id;    /* the idle shaping the rows around them */
  guint               prepared_first; /* the shown_first those rows are around */
  guint               prepared;      /* how many of them are done */
  GString            *scratch[KS_OPPORTUNITY_LIST_N_SCRATCH];
  guint               scratch_next;
};

/* ks-opportunity-list.c */
KsGridView     _ks_opportunity_list_get_view        (KsOpportunityList *self);
void           _ks_opportunity_list_ensure_layout   (KsOpportunityList *self);
/* The opportunity at @row (a new reference), NULL past the end or when it
 * is gone. */
KsOpportunity *_ks_opportunity_list_get_item        (KsOpportunityList *self,
                                                     guint              row);
/* Focus on @row, @column (clamped), scrolled into view; edits are the
 * caller's (commit first). */
void           _ks_opportunity_list_move_focus_to   (KsOpportunityList *self,
                                                     guint              row,
                                                     guint              column);
void           _ks_opportunity_list_scroll_to_focus (KsOpportunityList *self);
void           _ks_opportunity_list_update_accessible (KsOpportunityList *self);
/* What a cell shows (formatted as drawn). */
char          *_ks_opportunity_list_format_cell     (KsOpportunityList *self,
                                                     KsOpportunity     *o,
                                                     guint              column);
KsMomentum     _ks_opportunity_list_momentum        (KsOpportunityList *self,
                                                     KsOpportunity     *o);

/* ks-opportunity-list-edit.c */
gboolean       _ks_opportunity_list_is_editable     (guint              column);
/* Enter, F2, a double click: the editor over a value or a close date, the
 * choices for a stage or a momentum; @initial replaces the text (typed). */
void           _ks_opportunity_list_begin_edit      (KsOpportunityList *self,
                                                     const char        *initial);
/* TRUE when stored (or unchanged) and the edit ended; FALSE when refused
 * (the text stays, with a message). */
gboolean       _ks_opportunity_list_commit_edit     (KsOpportunityList *self);
void           _ks_opportunity_list_cancel_edit     (KsOpportunityList *self);
/* Delete: clears the focused value or close date. */
void           _ks_opportunity_list_clear_focused   (KsOpportunityList *self);
void           _ks_opportunity_list_set_error       (KsOpportunityList *self,
                                                     const char        *message);
void           _ks_opportunity_list_init_edit       (KsOpportunityList *self);
void           _ks_opportunity_list_allocate_popovers (KsOpportunityList *self);

/* ks-opportunity-list-input.c */
void           _ks_opportunity_list_init_input      (KsOpportunityList *self);
void           _ks_opportunity_list_class_add_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
