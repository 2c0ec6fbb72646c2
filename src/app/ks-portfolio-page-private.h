/* ks-portfolio-page-private.h — the portfolio page's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-portfolio-page.c (the page: loading, the four views, status,
 * export and print), ks-portfolio-sidebar.c (the filters and the accounts
 * that changed quadrant), ks-criteria-dialog.c (criteria and weights) and
 * ks-period-dialog.c (a new review period) only.
 */
#pragma once

#include "ks-portfolio-page.h"

G_BEGIN_DECLS

struct _KsPortfolioPage
{
  GtkWidget          parent_instance;

  KsWorkspace       *workspace;
  KsPortfolioPreset  preset;
  char              *x_axis;          /* custom axes, as ks_axis_parse() reads them */
  char              *y_axis;
  gint64             period_id;       /* 0 = the current one */
  gint64             compare_id;      /* 0 = the one before, -1 = none */
  gint64             owner_id;
  char              *segment;
  KsColourBy         colour_by;
  int                year;            /* -1 = all time */

  KsPortfolio       *portfolio;
  KsAbcReport       *abc;
  KsRanking         *ranking;
  GPtrArray         *periods;         /* KsPeriod, by name */
  GArray            *owner_ids;       /* gint64, position - 1 in the owner row */
  GArray            *years;           /* int, position - 1 in the revenue row (after all time) */
  gboolean           years_valid;     /* false after a change of the opportunities */
  GPtrArray         *criteria;        /* KsCriterion, for the axis rows */
  guint              reload_id;
  gboolean           dirty;
  gboolean           filling;         /* the sidebar's rows are being refilled */

  /* template */
  GtkWidget         *box;
  GtkWidget         *title_label;
  GtkWidget         *criteria_button;
  GtkWidget         *period_button;
  GtkWidget         *empty_stack;
  GtkWidget         *empty_page;
  GtkWidget         *stack;
  GtkWidget         *matrix_bin;
  GtkWidget         *abc_bin;
  GtkWidget         *abc_list;
  GtkWidget         *ranking_bin;
  GtkWidget         *scores_scroller;
  GtkWidget         *status_label;

  /* in code */
  GtkWidget         *matrix;
  GtkWidget         *abc_chart;
  GtkWidget         *ranking_chart;
  GtkWidget         *grid;
  GListStore        *abc_store;
  GtkWidget         *sidebar;
  GtkWidget         *period_row;
  GtkWidget         *compare_row;
  GtkWidget         *owner_row;
  GtkWidget         *segment_row;
  GtkWidget         *preset_row;
  GtkWidget         *x_row;
  GtkWidget         *y_row;
  GtkWidget         *colour_row;
  GtkWidget         *revenue_row;
  GtkWidget         *moved_group;
  GtkWidget         *moved_list;
};

/* ks-portfolio-page.c */
void _ks_portfolio_page_reload       (KsPortfolioPage *self);
/* On idle, or when the page is next mapped. */
void _ks_portfolio_page_queue_reload (KsPortfolioPage *self);

/* ks-portfolio-sidebar.c */
void _ks_portfolio_page_build_sidebar (KsPortfolioPage *self);
void _ks_portfolio_page_fill_sidebar  (KsPortfolioPage *self);
void _ks_portfolio_page_fill_moved    (KsPortfolioPage *self);

/* ks-criteria-dialog.c: portfolio.edit-criteria */
void _ks_portfolio_page_edit_criteria_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);

/* ks-period-dialog.c: portfolio.new-period */
void _ks_portfolio_page_new_period_action    (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);

G_END_DECLS
