/* ks-plan-print.h — the printable mini account plan (PRODUCT.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One account's plan as paginated, print-exact pages drawn with cairo and
 * pango: the app's Export → PDF and Print (GtkPrintOperation hands its own
 * cairo context to ks_plan_print_draw_page()), and `keystone-cli render plan`.
 *
 * The document is built from plain data (KsPlanPrintData) and copied, so the
 * data may go away after ks_plan_print_new(). Text is measured once per page
 * size, with metrics that do not depend on the output device, so a page
 * breaks at the same line on screen, in a PDF and on paper. Long text wraps
 * and flows on to the next page; nothing is cut.
 */
#pragma once

#include <cairo.h>

#include "ks-plan.h"
#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* A4 in points. */
#define KS_PLAN_PRINT_A4_WIDTH  595.28
#define KS_PLAN_PRINT_A4_HEIGHT 841.89

/* ks_plan_print_export_page (): every page (PDF) or the first (PNG, SVG). */
#define KS_PLAN_PRINT_ALL_PAGES G_MAXUINT

typedef struct
{
  gint64           id;
  const char      *name;
  const char      *title;
  const char      *department;
  const char      *phone;
  const char      *email;
  const char      *channel;      /* preferred channel */
  const char      *time_zone;
  KsDecisionPower  power;
} KsPlanPrintContact;

/* An id and the name to print for it (people, products). */
typedef struct
{
  gint64      id;
  const char *name;
} KsPlanPrintName;

typedef struct
{
  const char               *account_name;
  const char               *owner_name;     /* NULL or "" = none */
  const char               *today;          /* YYYY-MM-DD: printed, and what "overdue" is measured by */
  gint64                    employees;      /* -1 = unknown */
  double                    revenue;        /* annual; NaN = unknown */
  const KsPlan             *plan;
  const KsPlanPrintContact *contacts;       /* the account's, for the table and contact references */
  guint                     n_contacts;
  const KsPlanPrintName    *people;         /* person references */
  guint                     n_people;
  const KsPlanPrintName    *products;       /* product references */
  guint                     n_products;
} KsPlanPrintData;

typedef struct _KsPlanPrint KsPlanPrint;

KsPlanPrint *ks_plan_print_new             (const KsPlanPrintData *data);
/* Fills the data from the workspace: the account, its plan, contacts, people
 * and products. @today is YYYY-MM-DD, NULL = the local date. */
KsPlanPrint *ks_plan_print_new_for_account (KsWorkspace           *workspace,
                                            gint64                 account_id,
                                            const char            *today,
                                            GError               **error);
void         ks_plan_print_free            (KsPlanPrint           *self);

/* Lays the document out on pages of this size (points) and returns the
 * number of pages (at least 1). Call again for another size. */
guint        ks_plan_print_paginate        (KsPlanPrint           *self,
                                            double                 page_width,
                                            double                 page_height);
guint        ks_plan_print_get_n_pages     (KsPlanPrint           *self);
/* Draws page @page (0-based) of the last pagination at the origin of @cr,
 * in points, background included. */
void         ks_plan_print_draw_page       (KsPlanPrint           *self,
                                            cairo_t               *cr,
                                            guint                  page);
/* Writes A4 pages to @path, format from its extension: PDF every page,
 * PNG and SVG the first. */
gboolean     ks_plan_print_export          (KsPlanPrint           *self,
                                            const char            *path,
                                            GError               **error);
/* As ks_plan_print_export(), @page (0-based) only, or KS_PLAN_PRINT_ALL_PAGES.
 * A page past the end is refused. */
gboolean     ks_plan_print_export_page     (KsPlanPrint           *self,
                                            const char            *path,
                                            guint                  page,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsPlanPrint, ks_plan_print_free)

G_END_DECLS
