/* ks-json-account.c — one account's handover document merged into a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People, products and the account are matched by name (exactly, else the one
 * equal ignoring case) or created; the account's contacts, team, lines,
 * snapshots, plan, opportunities and review scores are merged into what the
 * workspace holds, and KsAccountImportReport says what changed.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ks-json-private.h"
#include "ks-json-writer.h"
#include "ks-scoring.h"

/* The row of "SELECT id, name ..." (bound by the caller) that is name:
 * exactly, else the only one equal ignoring case. *id = 0 when none. */
static gboolean
match_row (KsWorkspace   *ws,
           KsStmt  *stmt,
           const char    *name,
           gint64        *id,
           char         **local,
           GError       **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64 folded_id = 0;
  g_autofree char *folded_name = NULL;
  guint n_folded = 0;
  int row;

  *id = 0;
  *local = NULL;
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      const char *candidate = ks_column_text (stmt, 1);
      g_autofree char *candidate_folded = NULL;

      if (g_str_equal (candidate, name))
        {
          *id = ks_stmt_column_int64 (stmt, 0);
          *local = g_strdup (candidate);
          ks_stmt_reset (stmt);
          return TRUE;
        }
      candidate_folded = g_utf8_casefold (candidate, -1);
      if (g_str_equal (candidate_folded, folded) && n_folded++ == 0)
        {
          folded_id = ks_stmt_column_int64 (stmt, 0);
          folded_name = g_strdup (candidate);
        }
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  if (n_folded == 1)
    {
      *id = folded_id;
      *local = g_steal_pointer (&folded_name);
    }
  return TRUE;
}

static gboolean
match_named (KsWorkspace   *ws,
             const char    *table,
             const char    *name,
             gint64        *id,
             char         **local,
             GError       **error)
{
  const char *sql = g_str_equal (table, "people") ? "SELECT id, name FROM people"
                  : g_str_equal (table, "products") ? "SELECT id, name FROM products"
                  : "SELECT id, name FROM accounts";
  KsStmt *stmt = ks_workspace_prepare (ws, sql, error);

  return stmt && match_row (ws, stmt, name, id, local, error);
}

static void
report_add (GPtrArray  *list,
            const char *name)
{
  g_ptr_array_add (list, g_strdup (name));
}

G_GNUC_PRINTF (2, 3)
static void
report_warn (KsAccountImportReport *report,
             const char            *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
merge_people (KsWorkspace            *ws,
              Import                 *im,
              KsAccountImportReport  *report,
              GError                **error)
{
  g_autofree gboolean *created = g_new0 (gboolean, im->people->len + 1);
  KsStmt *stmt;

  for (guint i = 0; i < im->people->len; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);
      g_autofree char *local = NULL;

      if (!match_named (ws, "people", p->name, &p->id, &local, error))
        return FALSE;
      if (p->id)
        {
          report_add (report->people_matched, local);
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO people (name, title, phone, email, team, region, area)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                         error)))
        return FALSE;
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
      created[i] = TRUE;
      report_add (report->people_created, p->name);
    }

  /* A created person's manager: in the document, else in the workspace. */
  for (guint i = 0; i < im->people->len; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);
      gint64 manager = 0;

      if (!created[i] || !p->manager)
        continue;
      manager = ks_json_person_id (im, p->manager);
      if (!manager)
        {
          g_autofree char *local = NULL;

          if (!match_named (ws, "people", p->manager, &manager, &local, error))
            return FALSE;
        }
      if (!manager)
        {
          report_warn (report, _("the manager “%s” of “%s” is not in this workspace; “%s” was added without a manager"),
                       p->manager, p->name, p->name);
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws, "UPDATE people SET version = version + 1, manager_id = ?2"
                                             " WHERE id = ?1 AND manager_id IS DISTINCT FROM ?2", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, p->id);
      ks_stmt_bind_int64 (stmt, 2, manager);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_products (KsWorkspace            *ws,
                Import                 *im,
                KsAccountImportReport  *report,
                GError                **error)
{
  KsStmt *stmt;

  for (guint i = 0; i < im->products->len; i++)
    {
      Product *p = &g_array_index (im->products, Product, i);
      g_autofree char *local = NULL;

      if (!match_named (ws, "products", p->name, &p->id, &local, error))
        return FALSE;
      if (p->id)
        {
          report_add (report->products_matched, local);
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO products (name, series, price) VALUES (?1, ?2, ?3)",
                                         error)))
        return FALSE;
      ks_bind_text (stmt, 1, p->name);
      ks_bind_text (stmt, 2, p->series);
      ks_bind_double_or_null (stmt, 3, p->price);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      p->id = ks_workspace_last_insert_id (ws);
      report_add (report->products_created, p->name);
    }
  return TRUE;
}

/* Would account_id under parent_id make a loop of parents? */
static gboolean
parent_loops (KsWorkspace  *ws,
              gint64        account_id,
              gint64        parent_id,
              gboolean     *loops,
              GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, "SELECT parent_id FROM accounts WHERE id = ?1", error);
  guint steps = 0;

  *loops = FALSE;
  if (!stmt)
    return FALSE;
  /* Stored chains have no loops, so the walk ends; the count is a guard. */
  for (gint64 id = parent_id; id && steps < 1000000; steps++)
    {
      int row;

      if (id == account_id)
        {
          *loops = TRUE;
          return TRUE;
        }
      ks_stmt_bind_int64 (stmt, 1, id);
      if ((row = ks_json_step_row (ws, stmt, error)) < 0)
        return FALSE;
      id = row > 0 ? ks_stmt_column_int64 (stmt, 0) : 0;
      ks_stmt_reset (stmt);
    }
  return TRUE;
}

static gboolean
merge_account (KsWorkspace            *ws,
               Import                 *im,
               KsAccountImportReport  *report,
               GError                **error)
{
  Account *a = &g_array_index (im->accounts, Account, 0);
  g_autofree char *local = NULL;
  gint64 parent = 0;
  KsStmt *stmt;

  if (!match_named (ws, "accounts", a->name, &a->id, &local, error))
    return FALSE;
  if (a->id)
    {
      /* The file's values win; the WHERE makes an unchanged row no change. */
      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE accounts SET version = version + 1, sector = ?2, country = ?3, time_zone = ?4,"
                                         "  year_established = ?5, revenue = ?6, employees = ?7, owner_id = ?8,"
                                         "  segment = ?9, lifecycle = ?10, notes = ?11"
                                         " WHERE id = ?1 AND (sector IS DISTINCT FROM ?2 OR country IS DISTINCT FROM ?3"
                                         "  OR time_zone IS DISTINCT FROM ?4 OR year_established IS DISTINCT FROM ?5"
                                         "  OR revenue IS DISTINCT FROM ?6 OR employees IS DISTINCT FROM ?7 OR owner_id IS DISTINCT FROM ?8"
                                         "  OR segment IS DISTINCT FROM ?9 OR lifecycle IS DISTINCT FROM ?10 OR notes IS DISTINCT FROM ?11)",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, a->id);
      report->account = g_steal_pointer (&local);
    }
  else
    {
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO accounts (sector, country, time_zone,"
                                         "  year_established, revenue, employees, owner_id, segment,"
                                         "  lifecycle, notes, name)"
                                         " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1)",
                                         error)))
        return FALSE;
      ks_bind_text (stmt, 1, a->name);
      report->account = g_strdup (a->name);
      report->account_created = TRUE;
    }
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
  if (report->account_created)
    a->id = ks_workspace_last_insert_id (ws);
  else if (ks_workspace_changes (ws) > 0)
    report->account_updated = TRUE;

  if (a->parent)
    {
      g_autofree char *parent_name = NULL;
      gboolean loops = FALSE;

      if (!match_named (ws, "accounts", a->parent, &parent, &parent_name, error))
        return FALSE;
      if (!parent)
        report_warn (report, _("the parent account “%s” is not in this workspace; “%s” was imported without it"),
                     a->parent, report->account);
      else if (!parent_loops (ws, a->id, parent, &loops, error))
        return FALSE;
      if (loops)
        {
          report_warn (report, _("“%s” is a subsidiary of “%s” here, so it cannot be its parent; the parent was left out"),
                       parent_name, report->account);
          parent = 0;
        }
      /* A parent that is not here leaves an existing account's parent as it is. */
      if (!parent && !report->account_created)
        return TRUE;
    }
  if (!(stmt = ks_workspace_prepare (ws,
                                     "UPDATE accounts SET version = version + 1, parent_id = ?2 WHERE id = ?1 AND parent_id IS DISTINCT FROM ?2",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, a->id);
  ks_bind_id (stmt, 2, parent);
  if (!ks_json_step (ws, stmt, error))
    return FALSE;
  if (!report->account_created && ks_workspace_changes (ws) > 0)
    report->account_updated = TRUE;
  return TRUE;
}

static gboolean
merge_team (KsWorkspace            *ws,
            Import                 *im,
            KsAccountImportReport  *report,
            GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;

  for (guint i = 0; i < im->members->len; i++)
    {
      Member *m = &g_array_index (im->members, Member, i);
      gint64 person = ks_json_person_id (im, m->person);
      KsStmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE account_team SET core = ?3, role = ?4"
                                         " WHERE account_id = ?1 AND person_id = ?2"
                                         "   AND (core IS DISTINCT FROM ?3 OR role IS DISTINCT FROM ?4)",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account);
      ks_stmt_bind_int64 (stmt, 2, person);
      ks_stmt_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        {
          report_add (report->team_updated, m->person);
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO account_team (account_id, person_id, core, role)"
                                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id, person_id) DO NOTHING",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account);
      ks_stmt_bind_int64 (stmt, 2, person);
      ks_stmt_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        report_add (report->team_added, m->person);
    }
  return TRUE;
}

static gboolean
merge_contacts (KsWorkspace            *ws,
                Import                 *im,
                KsAccountImportReport  *report,
                GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;

  for (guint i = 0; i < im->contacts->len; i++)
    {
      Contact *c = &g_array_index (im->contacts, Contact, i);
      g_autofree char *local = NULL;
      KsStmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws, "SELECT id, name FROM contacts WHERE account_id = ?1", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account);
      if (!match_row (ws, stmt, c->name, &c->id, &local, error))
        return FALSE;
      if (c->id)
        stmt = ks_workspace_prepare (ws,
                                     "UPDATE contacts SET version = version + 1, name = ?2, title = ?3, department = ?4, phone = ?5,"
                                     "  email = ?6, channel = ?7, time_zone = ?8, notes = ?9, kind = ?10,"
                                     "  power = ?11, relationship = ?12, attitude = ?13, level = ?14,"
                                     "  roles = ?15, owner_id = ?16, last_contact = ?17, x = ?18, y = ?19,"
                                     "  pinned = ?20"
                                     " WHERE id = ?1 AND (name IS DISTINCT FROM ?2 OR title IS DISTINCT FROM ?3"
                                     "  OR department IS DISTINCT FROM ?4 OR phone IS DISTINCT FROM ?5 OR email IS DISTINCT FROM ?6"
                                     "  OR channel IS DISTINCT FROM ?7 OR time_zone IS DISTINCT FROM ?8 OR notes IS DISTINCT FROM ?9"
                                     "  OR kind IS DISTINCT FROM ?10 OR power IS DISTINCT FROM ?11 OR relationship IS DISTINCT FROM ?12"
                                     "  OR attitude IS DISTINCT FROM ?13 OR level IS DISTINCT FROM ?14 OR roles IS DISTINCT FROM ?15"
                                     "  OR owner_id IS DISTINCT FROM ?16 OR last_contact IS DISTINCT FROM ?17 OR x IS DISTINCT FROM ?18"
                                     "  OR y IS DISTINCT FROM ?19 OR pinned IS DISTINCT FROM ?20)",
                                     error);
      else
        stmt = ks_workspace_prepare (ws,
                                     "INSERT INTO contacts (account_id, name, title, department, phone,"
                                     "  email, channel, time_zone, notes, kind, power, relationship,"
                                     "  attitude, level, roles, owner_id, last_contact, x, y, pinned)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                     "  ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                     error);
      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, c->id ? c->id : account);
      ks_bind_text (stmt, 2, c->name);
      ks_bind_text (stmt, 3, c->title);
      ks_bind_text (stmt, 4, c->department);
      ks_bind_text (stmt, 5, c->phone);
      ks_bind_text (stmt, 6, c->email);
      ks_bind_text (stmt, 7, c->channel);
      ks_bind_text (stmt, 8, c->time_zone);
      ks_bind_text (stmt, 9, c->notes);
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
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (!c->id)
        {
          c->id = ks_workspace_last_insert_id (ws);
          report_add (report->contacts_created, c->name);
        }
      else if (ks_workspace_changes (ws) > 0)
        report_add (report->contacts_updated, c->name);
    }
  return TRUE;
}

/* The lines from the file's contacts become the file's; lines from contacts
 * only the workspace has stay. Removals go first, so that a contact never
 * reports to two people on the way. */
static gboolean
merge_lines (KsWorkspace            *ws,
             Import                 *im,
             KsAccountImportReport  *report,
             GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  KsStmt *stmt;

  for (guint i = 0; i < im->lines->len; i++)
    {
      Line *l = &g_array_index (im->lines, Line, i);

      g_hash_table_add (wanted, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                                 g_array_index (im->contacts, Contact, l->from).id,
                                                 g_array_index (im->contacts, Contact, l->to).id, l->kind));
    }
  for (guint i = 0; i < im->contacts->len; i++)
    {
      int row;

      if (!(stmt = ks_workspace_prepare (ws, "SELECT id, to_id, kind FROM contact_lines WHERE from_id = ?1", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, i).id);
      while ((row = ks_json_step_row (ws, stmt, error)) > 0)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                                  g_array_index (im->contacts, Contact, i).id,
                                                  (gint64) ks_stmt_column_int64 (stmt, 1),
                                                  ks_column_text (stmt, 2));
          gint64 id = ks_stmt_column_int64 (stmt, 0);

          if (!g_hash_table_contains (wanted, key))
            g_array_append_val (doomed, id);
        }
      if (row < 0)
        return FALSE;
      ks_stmt_reset (stmt);
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      if (!(stmt = ks_workspace_prepare (ws, "DELETE FROM contact_lines WHERE id = ?1", error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, g_array_index (doomed, gint64, i));
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      report->lines_removed++;
    }

  for (guint i = 0; i < im->lines->len; i++)
    {
      Line *l = &g_array_index (im->lines, Line, i);

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE contact_lines SET strength = ?4"
                                         " WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3 AND strength IS DISTINCT FROM ?4",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, l->from).id);
      ks_stmt_bind_int64 (stmt, 2, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 3, l->kind);
      ks_json_bind_count (stmt, 4, l->strength);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        {
          report->lines_updated++;
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO contact_lines (account_id, from_id, to_id, kind, strength)"
                                         " VALUES (?5, ?1, ?2, ?3, ?4) ON CONFLICT (from_id, to_id, kind) DO NOTHING",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, l->from).id);
      ks_stmt_bind_int64 (stmt, 2, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 3, l->kind);
      ks_json_bind_count (stmt, 4, l->strength);
      ks_stmt_bind_int64 (stmt, 5, account);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        report->lines_added++;
    }

  /* A contact the file made a competitor or third party keeps influence lines only. */
  if (!(stmt = ks_workspace_prepare (ws,
                                     "DELETE FROM contact_lines WHERE account_id = ?1 AND kind != 'influence'"
                                     "  AND (from_id IN (SELECT id FROM contacts WHERE account_id = ?1 AND kind != 'contact')"
                                     "    OR to_id IN (SELECT id FROM contacts WHERE account_id = ?1 AND kind != 'contact'))",
                                     error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account);
  if (!ks_json_step (ws, stmt, error))
    return FALSE;
  if (ks_workspace_changes (ws) > 0)
    {
      report->lines_removed += ks_workspace_changes (ws);
      report_warn (report, _("%d reporting lines of “%s” were removed: they joined a competitor or third party"),
                   (int) ks_workspace_changes (ws), report->account);
    }
  return TRUE;
}

static gboolean
merge_snapshots (KsWorkspace            *ws,
                 Import                 *im,
                 KsAccountImportReport  *report,
                 GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;

  for (guint i = 0; i < im->snapshots->len; i++)
    {
      Snapshot *snap = &g_array_index (im->snapshots, Snapshot, i);
      KsStmt *stmt = ks_workspace_prepare (ws,
                                                 "INSERT INTO map_snapshots (account_id, taken, label, data)"
                                                 " SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM map_snapshots"
                                                 "   WHERE account_id = ?1 AND taken = ?2 AND label = ?3 AND data = ?4)",
                                                 error);

      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account);
      ks_bind_text (stmt, 2, snap->taken);
      ks_bind_text (stmt, 3, snap->label);
      ks_bind_text (stmt, 4, snap->data);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      report->snapshots_added += ks_workspace_changes (ws);
    }
  return TRUE;
}

static gboolean
plan_values_equal (const KsPlanField *fields,
                   guint              n_fields,
                   const KsPlanValue *a,
                   const KsPlanValue *b)
{
  for (guint i = 0; i < n_fields; i++)
    if (!ks_plan_value_equal (&fields[i], &a[i], &b[i]))
      return FALSE;
  return TRUE;
}

static gboolean
plans_equal (const KsPlan *a,
             const KsPlan *b)
{
  const KsPlanField *fields;
  guint n_fields;

  fields = ks_plan_fields (&n_fields);
  if (!plan_values_equal (fields, n_fields, a->values, b->values))
    return FALSE;
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);

      if (a->items[l]->len != b->items[l]->len)
        return FALSE;
      for (guint i = 0; i < a->items[l]->len; i++)
        if (!plan_values_equal (info->fields, info->n_fields,
                                ((KsPlanItem *) g_ptr_array_index (a->items[l], i))->values,
                                ((KsPlanItem *) g_ptr_array_index (b->items[l], i))->values))
          return FALSE;
    }
  return TRUE;
}

/* The plan becomes the file's (none in the file: an empty plan). */
static gboolean
merge_plan (KsWorkspace            *ws,
            Import                 *im,
            KsAccountImportReport  *report,
            GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;
  KsPlan *stored, *empty = NULL;
  const KsPlan *wanted;
  gboolean ok = TRUE;

  ks_json_resolve_plan_refs (im);
  if (im->plans->len > 0)
    wanted = ((PlanIn *) g_ptr_array_index (im->plans, 0))->plan;
  else
    wanted = empty = ks_plan_new (account);
  if (!(stored = ks_plan_load (ws, account, error)))
    {
      g_clear_pointer (&empty, ks_plan_free);
      return FALSE;
    }
  if (!plans_equal (stored, wanted))
    {
      ok = ks_plan_save (ws, wanted, error);
      report->plan_replaced = ok;
    }
  ks_plan_free (stored);
  g_clear_pointer (&empty, ks_plan_free);
  return ok;
}

static void
bind_opportunity (KsStmt *stmt,
                  Import       *im,
                  Opportunity  *o,
                  gint64        account)
{
  ks_bind_text (stmt, 1, o->ref);
  ks_bind_id (stmt, 2, o->account ? account : 0);
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
}

/* Opportunities matched by id: the file's values win. A changed stage text
 * leaves the stage to the stage map (ks_json_write_opportunities_funnel). */
static gboolean
merge_opportunities (KsWorkspace            *ws,
                     Import                 *im,
                     KsAccountImportReport  *report,
                     GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;

  for (guint i = 0; i < im->opportunities->len; i++)
    {
      Opportunity *o = &g_array_index (im->opportunities, Opportunity, i);
      KsStmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE opportunities SET version = version + 1, account_id = ?2, product_id = ?3,"
                                         "  owner_id = ?4, title = ?5, stage = ?6, value = ?7,"
                                         "  engage_date = ?8, close_date = ?9, expected_close_date = ?10,"
                                         "  stage_date = ?11, momentum = ?12, last_activity = ?13,"
                                         "  stage_id = CASE WHEN stage IS NOT DISTINCT FROM ?6 THEN stage_id END"
                                         " WHERE ref = ?1 AND (account_id IS DISTINCT FROM ?2 OR product_id IS DISTINCT FROM ?3"
                                         "  OR owner_id IS DISTINCT FROM ?4 OR title IS DISTINCT FROM ?5 OR stage IS DISTINCT FROM ?6"
                                         "  OR value IS DISTINCT FROM ?7 OR engage_date IS DISTINCT FROM ?8 OR close_date IS DISTINCT FROM ?9"
                                         "  OR expected_close_date IS DISTINCT FROM ?10 OR stage_date IS DISTINCT FROM ?11"
                                         "  OR momentum IS DISTINCT FROM ?12 OR last_activity IS DISTINCT FROM ?13)",
                                         error)))
        return FALSE;
      bind_opportunity (stmt, im, o, account);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      if (ks_workspace_changes (ws) > 0)
        report_add (report->opportunities_updated, o->ref);
      else
        {
          /* Unchanged when the id is there already. */
          if (!(stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO opportunities (ref, account_id, product_id,"
                                             "  owner_id, title, stage, value, engage_date, close_date,"
                                             "  expected_close_date, stage_date, momentum, last_activity)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                                             " ON CONFLICT (ref) DO NOTHING",
                                             error)))
            return FALSE;
          bind_opportunity (stmt, im, o, account);
          if (!ks_json_step (ws, stmt, error))
            return FALSE;
          if (ks_workspace_changes (ws) > 0)
            report_add (report->opportunities_created, o->ref);
        }
      if (!(stmt = ks_workspace_prepare (ws, "SELECT id FROM opportunities WHERE ref = ?1", error)))
        return FALSE;
      ks_bind_text (stmt, 1, o->ref);
      if (ks_stmt_step (stmt) == KS_STEP_ROW)
        o->id = ks_stmt_column_int64 (stmt, 0);
      ks_stmt_reset (stmt);
      if (o->id <= 0)
        {
          ks_workspace_set_sql_error (ws, error, _("import the account"));
          return FALSE;
        }
    }
  /* Their stage histories and evaluations; their stages through the map. */
  return ks_json_write_opportunities_funnel (ws, im, report, error);
}

/* The file's scores of the account: criteria matched by name ignoring case
 * (a criterion this workspace does not have is dropped, with a warning),
 * periods matched by name or created; a score in the file replaces the
 * stored one of its period and criterion. */
static gboolean
merge_scores (KsWorkspace            *ws,
              Import                 *im,
              KsAccountImportReport  *report,
              GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GHashTable) dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (im->scores->len == 0)
    return TRUE;
  if (!(criteria = ks_criteria_list (ws, error)))
    return FALSE;
  for (guint i = 0; i < im->scores->len; i++)
    {
      ScoreIn *sc = &g_array_index (im->scores, ScoreIn, i);
      KsCriterion *c = ks_criteria_find (criteria, sc->criterion);
      KsStmt *stmt;
      gint64 period;

      if (!c)
        {
          g_autofree char *key = g_utf8_casefold (sc->criterion, -1);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (dropped, key));

          if (n == 0)
            report_warn (report, _("the criterion “%s” is not in this workspace; its scores were dropped"),
                         sc->criterion);
          g_hash_table_insert (dropped, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
          continue;
        }
      if (!(period = ks_period_ensure (ws, sc->period, TRUE, error)))
        return FALSE;
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO account_scores (account_id, period_id, criterion_id, score, explanation)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5)"
                                         " ON CONFLICT (account_id, period_id, criterion_id) DO UPDATE"
                                         " SET score = excluded.score, explanation = excluded.explanation"
                                         " WHERE account_scores.score IS DISTINCT FROM excluded.score"
                                         "    OR account_scores.explanation IS DISTINCT FROM excluded.explanation",
                                         error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account);
      ks_stmt_bind_int64 (stmt, 2, period);
      ks_stmt_bind_int64 (stmt, 3, c->id);
      ks_stmt_bind_double (stmt, 4, sc->score);
      ks_bind_text (stmt, 5, sc->explanation);
      if (!ks_json_step (ws, stmt, error))
        return FALSE;
      report->scores_updated += ks_workspace_changes (ws);
    }
  return TRUE;
}

gboolean
ks_json_merge_account (KsWorkspace            *ws,
                       Import                 *im,
                       KsAccountImportReport  *report,
                       GError                **error)
{
  return merge_people (ws, im, report, error) &&
         merge_products (ws, im, report, error) &&
         merge_account (ws, im, report, error) &&
         merge_team (ws, im, report, error) &&
         merge_contacts (ws, im, report, error) &&
         merge_lines (ws, im, report, error) &&
         merge_snapshots (ws, im, report, error) &&
         merge_plan (ws, im, report, error) &&
         merge_opportunities (ws, im, report, error) &&
         merge_scores (ws, im, report, error);
}

KsAccountImportReport *
ks_account_import_report_new (void)
{
  KsAccountImportReport *report = g_new0 (KsAccountImportReport, 1);

  report->people_created = g_ptr_array_new_with_free_func (g_free);
  report->people_matched = g_ptr_array_new_with_free_func (g_free);
  report->products_created = g_ptr_array_new_with_free_func (g_free);
  report->products_matched = g_ptr_array_new_with_free_func (g_free);
  report->contacts_created = g_ptr_array_new_with_free_func (g_free);
  report->contacts_updated = g_ptr_array_new_with_free_func (g_free);
  report->team_added = g_ptr_array_new_with_free_func (g_free);
  report->team_updated = g_ptr_array_new_with_free_func (g_free);
  report->opportunities_created = g_ptr_array_new_with_free_func (g_free);
  report->opportunities_updated = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
ks_account_import_report_free (KsAccountImportReport *report)
{
  if (!report)
    return;
  g_free (report->account);
  g_ptr_array_unref (report->people_created);
  g_ptr_array_unref (report->people_matched);
  g_ptr_array_unref (report->products_created);
  g_ptr_array_unref (report->products_matched);
  g_ptr_array_unref (report->contacts_created);
  g_ptr_array_unref (report->contacts_updated);
  g_ptr_array_unref (report->team_added);
  g_ptr_array_unref (report->team_updated);
  g_ptr_array_unref (report->opportunities_created);
  g_ptr_array_unref (report->opportunities_updated);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

/* Empties report, for a second use or after a refused import. */
void
ks_account_import_report_reset (KsAccountImportReport *report)
{
  GPtrArray *lists[] = {
    report->people_created, report->people_matched, report->products_created,
    report->products_matched, report->contacts_created, report->contacts_updated,
    report->team_added, report->team_updated, report->opportunities_created,
    report->opportunities_updated, report->warnings,
  };

  g_clear_pointer (&report->account, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_ptr_array_set_size (lists[i], 0);
  report->account_created = report->account_updated = report->plan_replaced = FALSE;
  report->lines_added = report->lines_updated = report->lines_removed = report->snapshots_added = 0;
  report->scores_updated = 0;
}

/* Opens the member key's object or list. */
static void
open_member (KsJsonWriter *json,
             const char   *key,
             char          bracket)
{
  ks_json_writer_key (json, key);
  ks_json_writer_begin (json, bracket);
}

static void
write_names (KsJsonWriter *json,
             const char   *key,
             GPtrArray    *names)
{
  open_member (json, key, '[');
  for (guint i = 0; i < names->len; i++)
    ks_json_writer_string (json, g_ptr_array_index (names, i));
  ks_json_writer_end (json, ']');
}

static void
write_bool_member (KsJsonWriter *json,
                   const char   *key,
                   gboolean      value)
{
  ks_json_writer_key (json, key);
  ks_json_writer_bool (json, value);
}

static void
write_count_member (KsJsonWriter *json,
                    const char   *key,
                    guint         value)
{
  ks_json_writer_key (json, key);
  ks_json_writer_int (json, value);
}

char *
ks_account_import_report_to_json (const KsAccountImportReport *report)
{
  g_autoptr(KsJsonWriter) json = NULL;
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);

  json = ks_json_writer_new ();
  ks_json_writer_begin (json, '{');
  ks_json_writer_key (json, "account");
  ks_json_writer_string (json, report->account);
  open_member (json, "created", '{');
  write_bool_member (json, "account", report->account_created);
  write_names (json, "people", report->people_created);
  write_names (json, "products", report->products_created);
  write_names (json, "contacts", report->contacts_created);
  write_names (json, "team", report->team_added);
  write_names (json, "opportunities", report->opportunities_created);
  write_count_member (json, "lines", report->lines_added);
  write_count_member (json, "snapshots", report->snapshots_added);
  ks_json_writer_end (json, '}');
  open_member (json, "matched", '{');
  write_bool_member (json, "account", !report->account_created);
  write_names (json, "people", report->people_matched);
  write_names (json, "products", report->products_matched);
  ks_json_writer_end (json, '}');
  open_member (json, "updated", '{');
  write_bool_member (json, "account", report->account_updated);
  write_names (json, "contacts", report->contacts_updated);
  write_names (json, "team", report->team_updated);
  write_names (json, "opportunities", report->opportunities_updated);
  write_count_member (json, "lines", report->lines_updated);
  write_bool_member (json, "plan", report->plan_replaced);
  write_count_member (json, "scores", report->scores_updated);
  ks_json_writer_end (json, '}');
  open_member (json, "removed", '{');
  write_count_member (json, "lines", report->lines_removed);
  ks_json_writer_end (json, '}');
  write_names (json, "warnings", report->warnings);
  ks_json_writer_end (json, '}');

  /* The document with its final newline, as the exports end. */
  out = ks_json_writer_get_buffer (json);
  g_string_append_c (out, '\n');
  return g_strdup (out->str);
}
