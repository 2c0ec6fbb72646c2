/* ks-json.h — the whole workspace as JSON (json-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export → import into an empty workspace → export gives the same bytes.
 */
#pragma once

#include "ks-workspace.h"

G_BEGIN_DECLS

char     *ks_json_export           (KsWorkspace  *workspace,
                                    GError      **error);   /* UTF-8, pretty-printed */
gboolean  ks_json_export_to_file   (KsWorkspace  *workspace,
                                    const char   *path,
                                    GError      **error);
/* Loads a workspace document in one transaction (one undo step). Refuses a
 * non-empty workspace unless replace is TRUE (then everything is replaced).
 * Errors name the file (origin, may be NULL), the line and column and why. */
gboolean  ks_json_import_data      (KsWorkspace  *workspace,
                                    const char   *data,
                                    gssize        length,
                                    const char   *origin,
                                    gboolean      replace,
                                    GError      **error);
gboolean  ks_json_import_file      (KsWorkspace  *workspace,
                                    const char   *path,
                                    gboolean      replace,
                                    GError      **error);

/* One account's handover document ("keystone-account"): the account with its
 * team, contacts, lines, snapshots and plan, its opportunities, and only the
 * people and products these refer to. */
char     *ks_json_export_account   (KsWorkspace  *workspace,
                                    gint64        account_id,
                                    GError      **error);

/* What importing an account document did. Names are the workspace's (a
 * person matched ignoring case keeps the workspace's spelling). */
typedef struct
{
  char      *account;               /* the account's name */
  gboolean   account_created;
  gboolean   account_updated;       /* an existing account whose fields changed */
  GPtrArray *people_created;        /* of char * */
  GPtrArray *people_matched;
  GPtrArray *products_created;
  GPtrArray *products_matched;
  GPtrArray *contacts_created;
  GPtrArray *contacts_updated;
  GPtrArray *team_added;
  GPtrArray *team_updated;
  GPtrArray *opportunities_created; /* refs */
  GPtrArray *opportunities_updated;
  guint      lines_added;
  guint      lines_updated;
  guint      lines_removed;         /* lines from the file's contacts the file no longer has */
  guint      snapshots_added;
  gboolean   plan_replaced;         /* the stored plan differed from the file's */
  guint      scores_updated;        /* key account review scores new or changed */
  GPtrArray *warnings;              /* what was dropped, and why */
} KsAccountImportReport;

KsAccountImportReport *ks_account_import_report_new     (void);
void                   ks_account_import_report_free    (KsAccountImportReport *report);
/* {"account", "created", "matched", "updated", "removed", "warnings"}, as
 * keystone-cli import account --json prints it. */
char                  *ks_account_import_report_to_json (const KsAccountImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KsAccountImportReport, ks_account_import_report_free)

/* Imports an account document in one transaction (one undo step, “Import
 * Account”): people and products matched by name (exact, then ignoring case)
 * or created; the account matched by name and updated (fields, contacts merged
 * by name, team merged, lines of the file's contacts, plan replaced) or
 * created; opportunities matched by id; the key account review's scores by
 * period (created when missing) and criterion name ignoring case (a criterion
 * the workspace lacks is dropped with a warning). report may be NULL. */
gboolean  ks_json_import_account_data (KsWorkspace           *workspace,
                                       const char            *data,
                                       gssize                 length,
                                       const char            *origin,
                                       KsAccountImportReport *report,
                                       GError               **error);
gboolean  ks_json_import_account_file (KsWorkspace           *workspace,
                                       const char            *path,
                                       KsAccountImportReport *report,
                                       GError               **error);

/* The demo workspace (a fictional company), loaded from the core's resources. */
gboolean  ks_json_load_demo        (KsWorkspace  *workspace,
                                    GError      **error);

G_END_DECLS
