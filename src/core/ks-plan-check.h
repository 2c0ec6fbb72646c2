/* ks-plan-check.h — completeness checks of a mini account plan (PRODUCT.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks_plan_check() is a pure function of a plan and a few facts about the
 * account (today's date, its contacts from the power map). Findings come in
 * this order of kinds, then in the order of the list's items:
 *
 *   "no-profile"                the profile does not say what the customer does (business)
 *   "no-decision-maker"         no contact (kind contact) with high decision power is known
 *   "no-decision-process"       the decision-making process is empty
 *   "no-objective"              there is no objective
 *   "objective-no-date"         an objective without a due date (one per objective)
 *   "objective-no-measure"      an objective without a measure (one per objective)
 *   "no-products"               no product bought is listed
 *   "no-meeting-recently"       no meeting dated within the last stale_days days up to
 *                               today (future dates do not count), or no meeting at all
 *   "next-step-overdue"         a meeting whose next steps were due before today and
 *                               are not done (overdue)
 *   "swot-empty"                one per empty quadrant (strengths, weaknesses,
 *                               opportunities, threats), field = the quadrant's key
 *   "no-perception"             how they see us today, or where we want to be, is not set
 *                               (field = the first one missing)
 *   "target-not-above-current"  the target is not higher on the ladder than today
 *   "no-communication-style"    the communication style is empty
 *   "no-early-warnings"         who gets early warnings is empty
 *   "no-action"                 there is no action
 *   "action-no-owner"           an open action (status open, in progress or not set)
 *                               without an owner
 *   "action-no-date"            an open action without a due date
 *   "action-overdue"            an open action due before today (overdue)
 *   "handover-open"             one per handover checklist item not done, field = its key
 *
 * Actions that are done or dropped are not checked. Items are named in
 * messages by their first text field (objective, action), else by their
 * number in the list ("Objective 2"); a meeting by its date.
 */
#pragma once

#include "ks-plan.h"

G_BEGIN_DECLS

#define KS_PLAN_CHECK_DEFAULT_STALE_DAYS 90
/* Workspace setting holding stale_days for ks_plan_check_account(). */
#define KS_PLAN_CHECK_SETTING_STALE_DAYS "plan.stale_days"

typedef struct
{
  const char *today;            /* YYYY-MM-DD */
  guint       contacts;         /* the account's contacts of kind contact */
  guint       decision_makers;  /* of those, the ones with high decision power */
  guint       stale_days;       /* 0 = KS_PLAN_CHECK_DEFAULT_STALE_DAYS */
} KsPlanCheckContext;

typedef struct
{
  char          *kind;      /* one of the stable strings above */
  KsPlanSection  section;
  const char    *field;     /* a template key (of the plan or of the list's items), or NULL */
  KsPlanList     list;      /* KS_PLAN_NO_LIST when the finding is not about a list */
  gint64         item_id;   /* 0 = not about one item */
  gboolean       overdue;   /* a date has passed: show as an error */
  char          *message;   /* a sentence for people (translated) */
} KsPlanFinding;

void        ks_plan_finding_free   (KsPlanFinding            *finding);

/* A GPtrArray of KsPlanFinding (frees them). */
GPtrArray  *ks_plan_check          (const KsPlan             *plan,
                                    const KsPlanCheckContext *ctx);
/* Loads the account's plan and counts its contacts, then checks; today NULL =
 * the local date; stale_days from the workspace setting, else the default. */
GPtrArray  *ks_plan_check_account  (KsWorkspace              *workspace,
                                    gint64                    account_id,
                                    const char               *today,
                                    GError                  **error);

G_END_DECLS
