/* ks-json-import.c — a workspace document written into a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document, read and checked whole (ks-json-read.c), is written in one
 * transaction (one undo step): into an empty workspace, or replacing what a
 * workspace held. An account's handover document goes the same way to
 * ks-json-account.c, which merges it instead. Also the demo workspace.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-funnel-private.h"
#include "ks-json-private.h"

#define DEMO_RESOURCE RESOURCE_PREFIX "/demo/demo-workspace.json"

gint64
ks_json_person_id (Import     *im,
                   const char *name)
{
  guint slot = name ? GPOINTER_TO_UINT (g_hash_table_lookup (im->person_index, name)) : 0;
  return slot ? g_array_index (im->people, Person, slot - 1).id : 0;
}

gint64
ks_json_product_id (Import     *im,
                    const char *name)
{
  guint slot = name ? GPOINTER_TO_UINT (g_hash_table_lookup (im->product_index, name)) : 0;
  return slot ? g_array_index (im->products, Product, slot - 1).id : 0;
}

static gint64
account_id (Import     *im,
            const char *name)
{
  guint slot = name ? GPOINTER_TO_UINT (g_hash_table_lookup (im->account_index, name)) : 0;
  return slot ? g_array_index (im->accounts, Account, slot - 1).id : 0;
}

gboolean
ks_json_step (KsWorkspace   *ws,
              KsStmt  *stmt,
              GError       **error)
{
  return ks_workspace_step_done (ws, stmt, _("import the workspace"), error);
}

void
ks_json_bind_count (KsStmt *stmt,
                    int           idx,
                    gint64        value)
{
  if (value >= 0)
    ks_stmt_bind_int64 (stmt, idx, value);
  else
    ks_stmt_bind_null (stmt, idx);
}

/* Each loop prepares its statement once; ks_json_step () resets it after each
 * row and every row binds all parameters again. */
static gboolean
write_people (KsWorkspace  *ws,
              Import       *im,
              GError      **error)
{
  KsStmt *stmt;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO people (name, title, phone, email, team, region, area)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->people->len; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);

      ks_bind_text (stmt, 1, p->name);
      ks_bind_text (stmt, 2, p->title);
      ks_bind_text (stmt, 3, p->phone);
      ks_bind_text (stmt, 4, p->email);
      ks_bind_text (stmt, 5, p->team);
      ks_bind_text (stmt, 6, p->region);
      ks_bind_text (stmt, 7, p->area);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      p->id = ks_workspace_last_insert_id (ws);
    }
  if (!(stmt = ks_workspace_prepare (ws, "UPDATE people SET version = version + 1, manager_id = ?2"
                                        " WHERE id = ?1 AND manager_id IS DISTINCT FROM ?2", error)))
    return FALSE;
  for (guint i = 0; i < im->people->len; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);

      if (!p->manager)
        continue;
      ks_stmt_bind_int64 (stmt, 1, p->id);
      ks_bind_id (stmt, 2, ks_json_person_id (im, p->manager));
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_products (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO products (name, series, price)"
                                             " VALUES (?1, ?2, ?3)",
                                             error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i < im->products->len; i++)
    {
      Product *p = &g_array_index (im->products, Product, i);

      ks_bind_text (stmt, 1, p->name);
      ks_bind_text (stmt, 2, p->series);
      ks_bind_double_or_null (stmt, 3, p->price);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      p->id = ks_workspace_last_insert_id (ws);
    }
  return TRUE;
}

static gboolean
write_accounts (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  KsStmt *stmt;

  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO accounts (name, sector, country, time_zone,"
                                     "  year_established, revenue, employees, owner_id, segment,"
                                     "  lifecycle, notes)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->accounts->len; i++)
    {
      Account *a = &g_array_index (im->accounts, Account, i);

      ks_bind_text (stmt, 1, a->name);
      ks_bind_text (stmt, 2, a->sector);
      ks_bind_text (stmt, 3, a->country);
      ks_bind_text (stmt, 4, a->time_zone);
      ks_json_bind_count (stmt, 5, a->year);
      ks_bind_double_or_null (stmt, 6, a->revenue);
      ks_json_bind_count (stmt, 7, a->employees);
      ks_bind_id (stmt, 8, ks_json_person_id (im, a->owner));
      ks_bind_text (stmt, 9, a->segment);
      ks_bind_text (stmt, 10, a->lifecycle);
      ks_bind_text (stmt, 11, a->notes);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      a->id = ks_workspace_last_insert_id (ws);
    }
  if (!(stmt = ks_workspace_prepare (ws, "UPDATE accounts SET version = version + 1, parent_id = ?2"
                                        " WHERE id = ?1 AND parent_id IS DISTINCT FROM ?2", error)))
    return FALSE;
  for (guint i = 0; i < im->accounts->len; i++)
    {
      Account *a = &g_array_index (im->accounts, Account, i);

      if (!a->parent)
        continue;
      ks_stmt_bind_int64 (stmt, 1, a->id);
      ks_bind_id (stmt, 2, account_id (im, a->parent));
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO account_team (account_id, person_id, core, role)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->members->len; i++)
    {
      Member *m = &g_array_index (im->members, Member, i);

      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, m->account).id);
      ks_stmt_bind_int64 (stmt, 2, ks_json_person_id (im, m->person));
      ks_stmt_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO contacts (account_id, name, title, department, phone,"
                                     "  email, channel, time_zone, notes, kind, power, relationship,"
                                     "  attitude, level, roles, owner_id, last_contact, x, y, pinned)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                     "  ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->contacts->len; i++)
    {
      Contact *c = &g_array_index (im->contacts, Contact, i);

      ks_bind_text (stmt, 10, c->kind);
      ks_stmt_bind_int64 (stmt, 11, c->power);
      ks_bind_text (stmt, 12, c->relationship);
      ks_bind_text (stmt, 13, c->attitude);
      ks_bind_text (stmt, 14, c->level);
      ks_stmt_bind_int (stmt, 15, c->roles);
      ks_bind_id (stmt, 16, ks_json_person_id (im, c->owner));
      ks_bind_text_or_null (stmt, 17, c->last_contact);
      ks_bind_double_or_null (stmt, 18, c->x);
      ks_bind_double_or_null (stmt, 19, c->y);
      ks_stmt_bind_int (stmt, 20, c->pinned ? 1 : 0);

      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, c->account).id);
      ks_bind_text (stmt, 2, c->name);
      ks_bind_text (stmt, 3, c->title);
      ks_bind_text (stmt, 4, c->department);
      ks_bind_text (stmt, 5, c->phone);
      ks_bind_text (stmt, 6, c->email);
      ks_bind_text (stmt, 7, c->channel);
      ks_bind_text (stmt, 8, c->time_zone);
      ks_bind_text (stmt, 9, c->notes);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      c->id = ks_workspace_last_insert_id (ws);
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO contact_lines (account_id, from_id, to_id, kind, strength)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->lines->len; i++)
    {
      Line *l = &g_array_index (im->lines, Line, i);
      Contact *from = &g_array_index (im->contacts, Contact, l->from);

      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, from->account).id);
      ks_stmt_bind_int64 (stmt, 2, from->id);
      ks_stmt_bind_int64 (stmt, 3, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 4, l->kind);
      ks_json_bind_count (stmt, 5, l->strength);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO map_snapshots (account_id, taken, label, data)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->snapshots->len; i++)
    {
      Snapshot *snap = &g_array_index (im->snapshots, Snapshot, i);

      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, snap->account).id);
      ks_bind_text (stmt, 2, snap->taken);
      ks_bind_text (stmt, 3, snap->label);
      ks_bind_text (stmt, 4, snap->data);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The plans, once people, products, accounts and contacts have their ids. */
void
ks_json_resolve_plan_refs (Import *im)
{
  for (guint i = 0; i < im->plan_refs->len; i++)
    {
      PlanRef *ref = &g_array_index (im->plan_refs, PlanRef, i);

      switch (ref->kind)
        {
        case KS_PLAN_KIND_PERSON:
          ref->value->id = ks_json_person_id (im, ref->name);
          break;
        case KS_PLAN_KIND_PRODUCT:
          ref->value->id = ks_json_product_id (im, ref->name);
          break;
        case KS_PLAN_KIND_CONTACT:
          ref->value->id = g_array_index (im->contacts, Contact, ref->contact).id;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  for (guint i = 0; i < im->plans->len; i++)
    {
      PlanIn *in = g_ptr_array_index (im->plans, i);

      in->plan->account_id = g_array_index (im->accounts, Account, in->account).id;
    }
}

static gboolean
write_plans (KsWorkspace  *ws,
             Import       *im,
             GError      **error)
{
  ks_json_resolve_plan_refs (im);
  for (guint i = 0; i < im->plans->len; i++)
    {
      PlanIn *in = g_ptr_array_index (im->plans, i);

      if (!ks_plan_is_empty (in->plan) && !ks_plan_save (ws, in->plan, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_opportunities (KsWorkspace  *ws,
                     Import       *im,
                     GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO opportunities (ref, account_id, product_id,"
                                             "  owner_id, title, stage, value, engage_date, close_date,"
                                             "  expected_close_date, stage_date, momentum, last_activity)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                             error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i < im->opportunities->len; i++)
    {
      Opportunity *o = &g_array_index (im->opportunities, Opportunity, i);

      ks_bind_text (stmt, 1, o->ref);
      ks_bind_id (stmt, 2, account_id (im, o->account));
      ks_bind_id (stmt, 3, ks_json_product_id (im, o->product));
      ks_bind_id (stmt, 4, ks_json_person_id (im, o->owner));
      ks_bind_text (stmt, 5, o->title);
      ks_bind_text (stmt, 6, o->stage);
      ks_bind_double_or_null (stmt, 7, o->value);
      ks_bind_text_or_null (stmt, 8, o->engage_date);
      ks_bind_text_or_null (stmt, 9, o->close_date);
      ks_bind_text_or_null (stmt, 10, o->expected_close_date);
      ks_bind_text_or_null (stmt, 11, o->stage_date);
      ks_bind_text (stmt, 12, o->momentum);
      ks_bind_text_or_null (stmt, 13, o->last_activity);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      o->id = ks_workspace_last_insert_id (ws);
    }
  return TRUE;
}

static gboolean
write_settings (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, "INSERT INTO settings (key, value) VALUES (?1, ?2)", error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i + 1 < im->settings->len; i += 2)
    {
      ks_bind_text (stmt, 1, g_ptr_array_index (im->settings, i));
      ks_bind_text (stmt, 2, g_ptr_array_index (im->settings, i + 1));
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The document's criteria replace the workspace's (a new workspace has the
 * defaults); its periods and scores are all there is. */
static gboolean
write_scoring (KsWorkspace  *ws,
               Import       *im,
               GError      **error)
{
  KsStmt *stmt;

  if (im->has_criteria)
    {
      if (!ks_workspace_exec (ws, "DELETE FROM score_criteria", error) ||
          !(stmt = ks_workspace_prepare (ws, "INSERT INTO score_criteria (name, weight, position) VALUES (?1, ?2, ?3)",
                                         error)))
        return FALSE;
      for (guint i = 0; i < im->criteria->len; i++)
        {
          CriterionIn *c = &g_array_index (im->criteria, CriterionIn, i);

          ks_bind_text (stmt, 1, c->name);
          ks_stmt_bind_double (stmt, 2, c->weight);
          ks_stmt_bind_int64 (stmt, 3, i);
          if (!ks_json_step (ws, stmt, error))
            return FALSE;
          c->id = ks_workspace_last_insert_id (ws);
        }
    }
  if (!(stmt = ks_workspace_prepare (ws, "INSERT INTO review_periods (name) VALUES (?1)", error)))
    return FALSE;
  for (guint i = 0; i < im->periods->len; i++)
    {
      PeriodIn *p = &g_array_index (im->periods, PeriodIn, i);

      ks_bind_text (stmt, 1, p->name);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      p->id = ks_workspace_last_insert_id (ws);
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO account_scores (account_id, period_id, criterion_id, score, explanation)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error)))
    return FALSE;
  for (guint i = 0; i < im->scores->len; i++)
    {
      ScoreIn *sc = &g_array_index (im->scores, ScoreIn, i);
      g_autofree char *key = g_utf8_casefold (sc->criterion, -1);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (im->criterion_index, g_strstrip (key)));
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (im->period_index, sc->period));

      g_assert (c > 0 && p > 0);   /* checked while reading */
      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, sc->account).id);
      ks_stmt_bind_int64 (stmt, 2, g_array_index (im->periods, PeriodIn, p - 1).id);
      ks_stmt_bind_int64 (stmt, 3, g_array_index (im->criteria, CriterionIn, c - 1).id);
      ks_stmt_bind_double (stmt, 4, sc->score);
      ks_bind_text (stmt, 5, sc->explanation);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The document is the whole workspace, settings included: what was there
 * (nothing but settings, unless replace) goes first. */
static gboolean
write_document (KsWorkspace  *ws,
                Import       *im,
                gboolean      replace,
                GError      **error)
{
  if (!ks_workspace_is_empty (ws))
    {
      if (!replace)
        {
          g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_NOT_EMPTY,
                       _("The workspace “%s” is not empty; import with --replace to replace its contents"),
                       ks_workspace_get_path (ws));
          return FALSE;
        }
      if (!ks_workspace_exec (ws, "DELETE FROM raci_charts", error) ||
          !ks_workspace_exec (ws, "DELETE FROM account_scores", error) ||
          !ks_workspace_exec (ws, "DELETE FROM opportunities", error) ||
          !ks_workspace_exec (ws, "DELETE FROM map_snapshots", error) ||
          !ks_workspace_exec (ws, "DELETE FROM contact_lines", error) ||
          !ks_workspace_exec (ws, "DELETE FROM contacts", error) ||
          !ks_workspace_exec (ws, "DELETE FROM account_team", error) ||
          !ks_workspace_exec (ws, "DELETE FROM accounts", error) ||
          !ks_workspace_exec (ws, "DELETE FROM products", error) ||
          !ks_workspace_exec (ws, "DELETE FROM people", error))
        return FALSE;
    }
  return ks_workspace_exec (ws, "DELETE FROM settings", error) &&
         ks_workspace_exec (ws, "DELETE FROM review_periods", error) &&
         write_settings (ws, im, error) &&
         write_people (ws, im, error) &&
         write_products (ws, im, error) &&
         write_accounts (ws, im, error) &&
         write_plans (ws, im, error) &&
         ks_json_write_funnel (ws, im, error) &&
         write_opportunities (ws, im, error) &&
         ks_json_write_opportunities_funnel (ws, im, NULL, error) &&
         write_scoring (ws, im, error) &&
         ks_json_write_raci (ws, im, error) &&
         ks_json_write_meetings (ws, im, error);
}

/* Reads and checks the whole document, then writes it in one transaction
 * (one undo step, label): a whole workspace, or (report non-NULL) one
 * account's handover document merged into ws. */
static gboolean
import_data (KsWorkspace  *ws,
             const char   *data,
             gsize         length,
             const char   *origin,
             gboolean      replace,
             const char   *label,
             KsAccountImportReport *report,
             GError      **error)
{
  Import im;
  gboolean ok;

  ks_json_import_init (&im, origin, report != NULL);
  ok = ks_json_read (&im, data, length, error);
  if (ok)
    {
      if (!ks_workspace_begin (ws, label, error))
        ok = FALSE;
      else if (report ? !ks_json_merge_account (ws, &im, report, error)
                      : !write_document (ws, &im, replace, error))
        {
          ks_workspace_rollback (ws);
          ok = FALSE;
        }
      else
        ok = ks_workspace_commit (ws, error);
    }

  ks_json_import_clear (&im);
  return ok;
}

gboolean
ks_json_import_data (KsWorkspace  *workspace,
                     const char   *data,
                     gssize        length,
                     const char   *origin,
                     gboolean      replace,
                     GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (data);
  return import_data (workspace, data ? data : "", length, origin, replace,
                      _("Import workspace"), NULL, error);
}

gboolean
ks_json_import_file (KsWorkspace  *workspace,
                     const char   *path,
                     gboolean      replace,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return import_data (workspace, data, length, path, replace, _("Import workspace"), NULL, error);
}

gboolean
ks_json_import_account_data (KsWorkspace           *workspace,
                             const char            *data,
                             gssize                 length,
                             const char            *origin,
                             KsAccountImportReport *report,
                             GError               **error)
{
  g_autoptr(KsAccountImportReport) local_report = NULL;
  gboolean ok;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!report)
    report = local_report = ks_account_import_report_new ();
  ks_account_import_report_reset (report);
  if (length < 0)
    length = strlen (data);
  ok = import_data (workspace, data ? data : "", length, origin, FALSE,
                    _("Import Account"), report, error);
  if (!ok)
    ks_account_import_report_reset (report);
  return ok;
}

gboolean
ks_json_import_account_file (KsWorkspace           *workspace,
                             const char            *path,
                             KsAccountImportReport *report,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return ks_json_import_account_data (workspace, data, length, path, report, error);
}

gboolean
ks_json_load_demo (KsWorkspace  *workspace,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  /* Registered by the core's resources, which core_dep compiles into each
   * program (a static library alone would lose them at link time). */
  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (!bytes)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return import_data (workspace, data, length, "demo-workspace.json", FALSE,
                      _("Load demo workspace"), NULL, error);
}
