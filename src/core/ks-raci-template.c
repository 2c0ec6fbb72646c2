/* ks-raci-template.c — the three RACI templates of PRODUCT.md §5: quotation
 * handling, order to delivery and account handover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each template is described once: its role columns, and per task a row of
 * letters, one per column ('.' empty, 'r' the main R). The columns are roles
 * that resolve through the account's team, so the chart names the people
 * of that account. Every task has one R (or one main R) and exactly one A,
 * and nobody is both, so a fresh chart passes the checks.
 */
#define G_LOG_DOMAIN "ks-raci"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-raci-private.h"
#include "ks-workspace-private.h"

typedef struct
{
  const char *phase;    /* NULL: the same phase as the row before */
  const char *task;
  const char *letters;
} Row;

typedef struct
{
  const char        *title;
  const char *const *roles;
  const Row         *rows;
  guint              n_rows;
} Template;

/* Roles as the demo's account teams name them (account_team.role). */
#define KAM N_("Key account manager")
#define SC  N_("Sales coordinator")
#define CS  N_("Customer support")
#define AE  N_("Application engineer")
#define PL  N_("Planner")
#define ES  N_("Executive sponsor")

/*                                  KAM SC  CS  AE  PL */
static const char *const quotation_roles[] = { KAM, SC, CS, AE, PL, NULL };
static const Row quotation_rows[] = {
  { N_("Inquiry"), N_("New-customer check"),                 "ACR.." },
  { NULL,          N_("Volume and business case"),           "AR.C." },
  { N_("Evaluation"), N_("Portfolio fit"),                   "AI.R." },
  { NULL,          N_("Technical review"),                   "A.CR." },
  { NULL,          N_("Capacity check"),                     "IA..R" },
  { N_("Offer"),   N_("Quotation"),                          "Ar.RI" },
  { NULL,          N_("Quotation follow-up"),                "AR.I." },
  { N_("Closing"), N_("Won/lost entry with reason"),         "ARI.." },
};

/*                                      KAM SC  CS  PL */
static const char *const order_roles[] = { KAM, SC, CS, PL, NULL };
static const Row order_rows[] = {
  { N_("Order"),   N_("Order against quotation check"),      "ARC." },
  { NULL,          N_("Capacity check"),                     "IA.R" },
  { NULL,          N_("Specification"),                      ".ARC" },
  { NULL,          N_("Order entry and confirmation"),       "ARII" },
  { N_("Updates"), N_("Forecast update"),                    "AR.." },
  { NULL,          N_("CRM update after the order"),         "ARI." },
  { N_("Production"), N_("Production follow-up"),            "IA.R" },
  { NULL,          N_("Early warnings to the customer"),     "IACR" },
  { N_("After delivery"), N_("Receivables reminders"),       "AR.." },
  { NULL,          N_("Follow-up after delivery"),           "ARC." },
};

/*                                         KAM SC  CS  AE  ES */
static const char *const handover_roles[] = { KAM, SC, CS, AE, ES, NULL };
static const Row handover_rows[] = {
  { N_("Prepare"), N_("Bring the account plan up to date"),  "RC.IA" },
  { NULL,          N_("Brief the successor on contacts and the power map"), "RIC.A" },
  { NULL,          N_("List open quotations, orders and projects"), "ARI.." },
  { N_("Introduce"), N_("Joint visit with the customer"),    "RI..A" },
  { NULL,          N_("Introduce the successor to key contacts"), "RI.CA" },
  { NULL,          N_("Hand over technical questions"),      "AICR." },
  { N_("Follow up"), N_("Inform internal teams of the change"), "AR.I." },
  { NULL,          N_("Review the handover after three months"), "RCI.A" },
};

static const Template templates[KS_RACI_N_TEMPLATES] = {
  [KS_RACI_TEMPLATE_QUOTATION] = { N_("Quotation handling"), quotation_roles, quotation_rows, G_N_ELEMENTS (quotation_rows) },
  [KS_RACI_TEMPLATE_ORDER_DELIVERY] = { N_("Order to delivery"), order_roles, order_rows, G_N_ELEMENTS (order_rows) },
  [KS_RACI_TEMPLATE_HANDOVER] = { N_("Account handover"), handover_roles, handover_rows, G_N_ELEMENTS (handover_rows) },
};

const char *
ks_raci_template_name (KsRaciTemplate template_)
{
  g_return_val_if_fail ((guint) template_ < KS_RACI_N_TEMPLATES, "");

  return _(templates[template_].title);
}

gint64
ks_raci_template_instantiate (KsWorkspace    *workspace,
                              KsRaciTemplate  template_,
                              gint64          account_id,
                              GError        **error)
{
  g_autoptr(KsRaciChart) chart = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *account = NULL;
  const Template *t;
  KsStmt *stmt;
  guint n_columns = 0;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail ((guint) template_ < KS_RACI_N_TEMPLATES, 0);

  t = &templates[template_];
  if (!(stmt = ks_workspace_prepare (workspace, "SELECT name FROM accounts WHERE id = ?1", error)))
    return 0;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    account = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
  if (!account)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no account with id %" PRId64), account_id);
      return 0;
    }

  if (!(charts = ks_raci_chart_list (workspace, 0, error)))
    return 0;
  for (guint i = 0; i < charts->len; i++)
    g_hash_table_add (taken, g_utf8_casefold (((KsRaciChartInfo *) g_ptr_array_index (charts, i))->name, -1));

  chart = ks_raci_chart_new ();
  chart->scope = KS_RACI_SCOPE_ACCOUNT;
  chart->account_id = account_id;
  /* Translators: a RACI chart made from a template for an account:
   * “Quotation handling — Kessler Automotive Group” */
  chart->name = g_strdup_printf (_("%s — %s"), _(t->title), account);
  for (guint n = 2; ; n++)
    {
      g_autofree char *key = g_utf8_casefold (chart->name, -1);
      if (!g_hash_table_contains (taken, key))
        break;
      g_free (chart->name);
      /* Translators: the same, made unique with a number: “Quotation handling — Kessler (2)” */
      chart->name = g_strdup_printf (_("%s — %s (%u)"), _(t->title), account, n);
    }

  for (guint i = 0; t->roles[i]; i++, n_columns++)
    ks_raci_chart_add_column (chart, 0, _(t->roles[i]), NULL);
  for (guint i = 0; i < t->n_rows; i++)
    {
      const Row *row = &t->rows[i];
      guint phase, task;

      if (row->phase)
        ks_raci_chart_add_phase (chart, _(row->phase));
      phase = chart->phases->len - 1;
      task = ks_raci_chart_add_task (chart, phase, _(row->task));
      g_assert (strlen (row->letters) == n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          char l = row->letters[c];
          if (l == '.')
            continue;
          ks_raci_chart_set (chart, task, c, l == 'r' ? KS_RACI_R : (KsRaciLetter) l, l == 'r');
        }
    }
  ks_raci_chart_grow (chart);
  return ks_raci_chart_write (workspace, chart, 0, _("Add RACI Chart from Template"), error);
}
