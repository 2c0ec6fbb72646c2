/* ks-raci-page-private.h — the RACI page's instance, for its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ks-raci-page.c (the page: choosing the chart, phases, tasks and
 * columns, templates, CSV, export and print) and ks-raci-page-panel.c (the
 * side panel: checks, load, legend and a role's holders) only.
 */
#pragma once

#include "ks-raci-page.h"

G_BEGIN_DECLS

struct _KsRaciPage
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;

  KsWorkspace     *workspace;
  gboolean         for_account;
  gint64           account_id;
  char            *account_name;
  GArray          *charts;        /* of ChartEntry (ks-raci-page.c), as in the dropdown */
  gint64           chart_id;      /* shown */
  guint            n_checks;
  gboolean         updating;

  GtkWidget       *stack;
  GtkWidget       *grid_stack;
  GtkWidget       *grid;
  GtkWidget       *chart_dropdown;
  GtkWidget       *template_button;
  GtkWidget       *empty_template_button;
  GtkWidget       *no_charts_page;
  GtkWidget       *column_button;
  GtkWidget       *column_popover;
  GtkWidget       *person_search;
  GtkWidget       *person_list;
  GtkWidget       *role_entry;
  GtkWidget       *role_button;
  GtkWidget       *holders_group;
  GtkWidget       *holders_list;
  GtkWidget       *holders_close;
  GtkWidget       *checks_group;
  GtkWidget       *checks_list;
  GtkWidget       *load_list;
  GtkWidget       *legend_list;
};

static inline KsRaciGrid *
grid (KsRaciPage *self)
{
  return KS_RACI_GRID (self->grid);
}

static inline const KsRaciChart *
shown_chart (KsRaciPage *self)
{
  return ks_raci_grid_get_chart (grid (self));
}

/* ks-raci-page-panel.c */
/* The checks, the load and the legend, for the grid's chart. */
void _ks_raci_page_update_side_panel   (KsRaciPage    *self);
void _ks_raci_page_update_legend       (KsRaciPage    *self);
void _ks_raci_page_hide_holders        (KsRaciPage    *self);
/* checks_list, load_list and holders_list "row-activated", holders_close
 * "clicked" (swapped) */
void _ks_raci_page_on_check_activated  (GtkListBox    *list,
                                        GtkListBoxRow *row,
                                        KsRaciPage    *self);
void _ks_raci_page_on_load_activated   (GtkListBox    *list,
                                        GtkListBoxRow *row,
                                        KsRaciPage    *self);
void _ks_raci_page_on_holder_activated (GtkListBox    *list,
                                        GtkListBoxRow *row,
                                        KsRaciPage    *self);
void _ks_raci_page_on_holders_close    (KsRaciPage    *self);

G_END_DECLS
