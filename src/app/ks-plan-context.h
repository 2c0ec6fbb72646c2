/* ks-plan-context.h — what the plan page's sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-contact.h"
#include "ks-field-rows.h"
#include "ks-plan.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

/* Item rows built at once per list (and contact rows) when an account is
 * opened; the rest of the first page of each list, the finding rows and the
 * freeing of the previous account's rows follow after the first frame (see
 * pending_* in ks-plan-page.c). */
#define KS_PLAN_FIRST_ROWS 3

/* The account the plan page shows. The page (ks-plan-page.c) owns it and
 * fills it; its sections (ks-plan-list-section.c, ks-plan-contacts-section.c,
 * ks-plan-findings.c) and every field editor (ks-plan-field-editor.c) keep a
 * pointer to it and read what they show from it. */
typedef struct
{
  GtkWidget   *page;          /* the KsPlanPage: error dialogs go there */
  KsWorkspace *workspace;
  gint64       account_id;
  KsPlan      *plan;          /* NULL while no account is shown */
  gboolean     updating;      /* rows are being set from what is stored */
  char        *today;         /* YYYY-MM-DD */
  char        *account_name;

  GListModel  *people;
  GListModel  *products;
  GListModel  *contacts;      /* the account's, of every kind */

  gboolean     defer;         /* the page is opening an account: work is left for after the first frame */
} KsPlanContext;

const char *ks_plan_nonnull                 (const char    *s);
char       *ks_plan_today_iso               (void);
GDateTime  *ks_plan_parse_iso_date          (const char    *iso);
/* "12 Nov 2024"; "12 Nov" when @short_form and it is this year. */
char       *ks_plan_format_date             (const char    *iso,
                                             gboolean       short_form);

/* The list a PERSON, CONTACT or PRODUCT field picks from, with how to read
 * an item's id and name. */
GListModel *ks_plan_context_reference_model (KsPlanContext  *ctx,
                                             KsPlanKind      kind,
                                             KsItemIdFunc   *get_id,
                                             KsItemNameFunc *get_name);
/* The name of item @id of that list; NULL when unset or not found. */
const char *ks_plan_context_reference_name  (KsPlanContext  *ctx,
                                             KsPlanKind      kind,
                                             gint64          id);
/* Contact @id of the account (a new reference), or NULL. */
KsContact  *ks_plan_context_find_contact    (KsPlanContext  *ctx,
                                             gint64          id);
void        ks_plan_context_show_error      (KsPlanContext  *ctx,
                                             const char     *heading,
                                             GError         *error);
/* A step of the pending work that frees the previous account's rows: frees
 * the last of @dead (removing it); FALSE when there is none left. */
gboolean    ks_plan_free_last               (GPtrArray      *dead);

G_END_DECLS
