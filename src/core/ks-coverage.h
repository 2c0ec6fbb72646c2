/* ks-coverage.h — coverage checks of an account's power map (PRODUCT.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ks_coverage_check() is a pure function over plain structs: the nodes (in
 * the order findings should follow), the lines, today's date and the number
 * of days after which a contact counts as stale. Findings, in this order of
 * kinds, then in the order of the nodes (lines for competitor links):
 *
 *   "no-contact"         the map has no contact at all, so it covers nobody;
 *                        one finding per account, contact_id 0
 *   "poor-relationship"  a high-power contact whose relationship is poor or unknown
 *   "no-owner"           a high-power contact nobody on our side owns
 *   "single-threaded"    one of our people owns every owned key (high-power)
 *                        relationship (at least two), or every owned
 *                        relationship of the account (at least two); one
 *                        finding per account, contact_id 0
 *   "opponent"           a high-power contact who opposes us (no planned action
 *                        can be known yet, so every one is listed)
 *   "stale-contact"      a contact not contacted for more than max_days days, or never
 *   "competitor-link"    a competitor joined by any line, either way, to a
 *                        high-power contact; one finding per pair, on the contact
 *
 * Only nodes of kind "contact" are people we cover; competitors and third
 * parties are checked only as the other end of a competitor link.
 */
#pragma once

#include "ks-powermap-types.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_COVERAGE_DEFAULT_MAX_DAYS 90
/* Workspace setting holding max_days for ks_coverage_check_account(). */
#define KS_COVERAGE_SETTING_MAX_DAYS "powermap.stale_days"

typedef struct
{
  gint64           id;
  const char      *name;
  KsNodeKind       kind;
  KsDecisionPower  power;
  KsRelationship   relationship;
  KsAttitude       attitude;
  gint64           owner_id;       /* 0 = nobody */
  const char      *owner_name;     /* for messages; may be NULL */
  const char      *last_contact;   /* YYYY-MM-DD; NULL or "" = never */
} KsCoverageNode;

typedef struct
{
  gint64      from_id;
  gint64      to_id;
  KsLineKind  kind;
} KsCoverageLine;

typedef struct
{
  char   *kind;          /* one of the stable strings above */
  gint64  contact_id;    /* 0 for the account-wide finding */
  char   *contact;       /* the node's name; "" for the account-wide finding */
  char   *message;       /* a sentence for people (translated) */
} KsCoverageFinding;

typedef struct
{
  guint      contacts;   /* nodes of kind contact */
  guint      owners;     /* distinct people of ours owning them */
  GPtrArray *findings;   /* of KsCoverageFinding */
} KsCoverageReport;

/* today: YYYY-MM-DD. max_days 0 means KS_COVERAGE_DEFAULT_MAX_DAYS. */
KsCoverageReport *ks_coverage_check          (const KsCoverageNode *nodes,
                                              guint                 n_nodes,
                                              const KsCoverageLine *lines,
                                              guint                 n_lines,
                                              const char           *today,
                                              guint                 max_days);
/* Loads the account's map (nodes by name) and checks it; today NULL = the
 * local date; max_days from the workspace setting, else the default. */
KsCoverageReport *ks_coverage_check_account  (KsWorkspace          *workspace,
                                              gint64                account_id,
                                              const char           *today,
                                              GError              **error);
void              ks_coverage_report_free    (KsCoverageReport     *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsCoverageReport, ks_coverage_report_free)

G_END_DECLS
