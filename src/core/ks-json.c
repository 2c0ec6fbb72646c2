/* ks-json.c — the whole workspace as JSON (json-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes the document itself rather than through JsonGenerator: the
 * generator of json-glib 1.6 prints 49.9 as 49.899999999999999 and 1e20 as
 * "1e+20.0" (not JSON), and puts a space before each colon. Here numbers are
 * the shortest text that reads back as the same double, keys keep a fixed
 * order and arrays are sorted, so export → import → export gives the same bytes.
 *
 * Import parses with JsonParser, reads and checks the whole document into
 * plain structs (types, references, duplicates, cycles) and only then writes,
 * in one transaction. Each JSON object's position is remembered while parsing
 * so that a refusal names FILE:LINE:COLUMN of the object at fault.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ks-json.h"
#include "ks-json-writer.h"
#include "ks-map-snapshot.h"
#include "ks-plan.h"
#include "ks-powermap-types.h"
#include "ks-scoring.h"
#include "ks-workspace-private.h"

#define FORMAT_TAG "keystone-workspace"
#define ACCOUNT_FORMAT_TAG "keystone-account"
#define DEMO_RESOURCE RESOURCE_PREFIX "/demo/demo-workspace.json"
/* json-glib's parser recurses once per nesting level; the document needs five. */
#define MAX_DEPTH 64
#define MAX_BYTES ((gsize) 1 << 30)

/* Export ------------------------------------------------------------------ */

typedef struct
{
  KsJsonWriter *json;
  GString      *out;      /* json's buffer, for values written in place */
  /* One account's handover document: only this account, its opportunities
   * and the people and products they refer to (ids). 0/NULL = everything. */
  gint64        account;
  GHashTable   *people;
  GHashTable   *products;
} Writer;

static void
writer_init (Writer *w)
{
  *w = (Writer) { 0 };
  w->json = ks_json_writer_new ();
  w->out = ks_json_writer_get_buffer (w->json);
}

/* The document written, with its final newline; frees the writer. */
static char *
writer_finish (Writer *w)
{
  char *text;

  g_string_append_c (w->out, '\n');
  text = g_strdup (w->out->str);
  g_clear_pointer (&w->json, ks_json_writer_free);
  w->out = NULL;
  return text;
}

/* Starts a member (@key) of an object or an element (@key NULL) of an array. */
static void
writer_item (Writer     *w,
             const char *key)
{
  if (key)
    ks_json_writer_key (w->json, key);
  ks_json_writer_item (w->json);
}

static void
writer_open (Writer     *w,
             const char *key,
             char        bracket)
{
  if (key)
    ks_json_writer_key (w->json, key);
  ks_json_writer_begin (w->json, bracket);
}

static void
writer_close (Writer *w,
              char    bracket)
{
  ks_json_writer_end (w->json, bracket);
}

static void
write_text_member (Writer     *w,
                   const char *key,
                   const char *text)
{
  writer_item (w, key);
  ks_json_append_string (w->out, text);
}

/* A nullable column: SQL NULL and '' are both written as null. */
static void
write_ref_member (Writer       *w,
                  const char   *key,
                  sqlite3_stmt *stmt,
                  int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  writer_item (w, key);
  if (text && *text)
    ks_json_append_string (w->out, text);
  else
    g_string_append (w->out, "null");
}

static void
write_real_member (Writer       *w,
                   const char   *key,
                   sqlite3_stmt *stmt,
                   int           col)
{
  writer_item (w, key);
  ks_json_append_double (w->out, ks_column_double_or_nan (stmt, col));
}

static void
write_int_member (Writer       *w,
                  const char   *key,
                  sqlite3_stmt *stmt,
                  int           col)
{
  writer_item (w, key);
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    g_string_append (w->out, "null");
  else
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
}

/* Steps stmt: 1 for a row, 0 when done, -1 (error set, stmt reset) on failure. */
static int
step_row (KsWorkspace   *ws,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  ks_workspace_set_sql_error (ws, error, _("export the workspace"));
  sqlite3_reset (stmt);
  return -1;
}

static gboolean
export_settings (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, "SELECT key, value FROM settings ORDER BY key", error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "settings", '{');
  while ((row = step_row (ws, stmt, error)) > 0)
    write_text_member (w, ks_column_text (stmt, 0), ks_column_text (stmt, 1));
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, '}');
  return TRUE;
}

static gboolean
export_people (KsWorkspace  *ws,
               Writer       *w,
               GError      **error)
{
  static const char *const keys[] = { "name", "title", "phone", "email", "team", "region", "area" };
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT p.name, p.title, p.phone, p.email, p.team, p.region,"
                                             "       p.area, m.name, p.id"
                                             "  FROM people p LEFT JOIN people m ON m.id = p.manager_id"
                                             " ORDER BY p.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "people", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      if (w->people && !g_hash_table_contains (w->people, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 8))))
        continue;
      writer_open (w, NULL, '{');
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        write_text_member (w, keys[i], ks_column_text (stmt, i));
      write_ref_member (w, "manager", stmt, 7);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_products (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT name, series, price, id FROM products ORDER BY name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "products", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      if (w->products && !g_hash_table_contains (w->products, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 3))))
        continue;
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      write_text_member (w, "series", ks_column_text (stmt, 1));
      write_real_member (w, "price", stmt, 2);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_team (KsWorkspace  *ws,
                     Writer       *w,
                     gint64        account_id,
                     GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT p.name, t.core, t.role"
                                             "  FROM account_team t JOIN people p ON p.id = t.person_id"
                                             " WHERE t.account_id = ?1"
                                             " ORDER BY p.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  writer_open (w, "team", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "person", ks_column_text (stmt, 0));
      writer_item (w, "core");
      g_string_append (w->out, sqlite3_column_int (stmt, 1) ? "true" : "false");
      write_text_member (w, "role", ks_column_text (stmt, 2));
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_contacts (KsWorkspace  *ws,
                         Writer       *w,
                         gint64        account_id,
                         GError      **error)
{
  static const char *const keys[] = {
    "name", "title", "department", "phone", "email", "channel", "time_zone", "notes", "kind",
  };
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT c.name, c.title, c.department, c.phone, c.email,"
                                             "       c.channel, c.time_zone, c.notes, c.kind,"
                                             "       c.relationship, c.attitude, c.level, c.power,"
                                             "       c.roles, o.name, c.last_contact, c.x, c.y, c.pinned"
                                             "  FROM contacts c LEFT JOIN people o ON o.id = c.owner_id"
                                             " WHERE c.account_id = ?1 ORDER BY c.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  writer_open (w, "contacts", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      guint roles = sqlite3_column_int (stmt, 13);

      writer_open (w, NULL, '{');
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        write_text_member (w, keys[i], ks_column_text (stmt, i));
      /* 1 high ... 3 low; null when not known. */
      writer_item (w, "power");
      if (sqlite3_column_int (stmt, 12) > 0)
        g_string_append_printf (w->out, "%d", sqlite3_column_int (stmt, 12));
      else
        g_string_append (w->out, "null");
      write_text_member (w, "relationship", ks_column_text (stmt, 9));
      write_text_member (w, "attitude", ks_column_text (stmt, 10));
      write_text_member (w, "level", ks_column_text (stmt, 11));
      writer_open (w, "roles", '[');
      for (guint bit = 0; ks_buying_role_strings ()[bit]; bit++)
        if (roles & (1u << bit))
          {
            writer_item (w, NULL);
            ks_json_append_string (w->out, ks_buying_role_strings ()[bit]);
          }
      writer_close (w, ']');
      write_ref_member (w, "owner", stmt, 14);
      write_ref_member (w, "last_contact", stmt, 15);
      write_real_member (w, "x", stmt, 16);
      write_real_member (w, "y", stmt, 17);
      writer_item (w, "pinned");
      g_string_append (w->out, sqlite3_column_int (stmt, 18) ? "true" : "false");
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_lines (KsWorkspace  *ws,
                      Writer       *w,
                      gint64        account_id,
                      GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT f.name, t.name, l.kind, l.strength"
                                             "  FROM contact_lines l"
                                             "  JOIN contacts f ON f.id = l.from_id"
                                             "  JOIN contacts t ON t.id = l.to_id"
                                             " WHERE l.account_id = ?1"
                                             " ORDER BY f.name, t.name, l.kind",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  writer_open (w, "lines", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "from", ks_column_text (stmt, 0));
      write_text_member (w, "to", ks_column_text (stmt, 1));
      write_text_member (w, "kind", ks_column_text (stmt, 2));
      write_int_member (w, "strength", stmt, 3);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_snapshots (KsWorkspace  *ws,
                          Writer       *w,
                          gint64        account_id,
                          GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT taken, label, data FROM map_snapshots"
                                             " WHERE account_id = ?1 ORDER BY taken, id",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  writer_open (w, "snapshots", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      g_autoptr(GArray) nodes = ks_map_node_states_from_json (ks_column_text (stmt, 2), error);

      if (!nodes)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      writer_open (w, NULL, '{');
      write_text_member (w, "taken", ks_column_text (stmt, 0));
      write_text_member (w, "label", ks_column_text (stmt, 1));
      writer_open (w, "nodes", '[');
      for (guint i = 0; i < nodes->len; i++)
        {
          const KsMapNodeState *n = &g_array_index (nodes, KsMapNodeState, i);

          writer_open (w, NULL, '{');
          write_text_member (w, "name", n->name);
          write_text_member (w, "kind", ks_node_kind_to_string (n->kind));
          writer_item (w, "power");
          if (n->power > 0)
            g_string_append_printf (w->out, "%d", (int) n->power);
          else
            g_string_append (w->out, "null");
          write_text_member (w, "relationship", ks_relationship_to_string (n->relationship));
          write_text_member (w, "attitude", ks_attitude_to_string (n->attitude));
          writer_item (w, "owner");
          if (n->owner && *n->owner)
            ks_json_append_string (w->out, n->owner);
          else
            g_string_append (w->out, "null");
          writer_close (w, '}');
        }
      writer_close (w, ']');
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

/* The name a plan reference points to, NULL when it points nowhere. */
static gboolean
plan_reference_name (KsWorkspace  *ws,
                     KsPlanKind    kind,
                     gint64        id,
                     gint64        account_id,
                     char        **out,
                     GError      **error)
{
  const char *sql = kind == KS_PLAN_KIND_PERSON ? "SELECT name FROM people WHERE id = ?1"
                  : kind == KS_PLAN_KIND_PRODUCT ? "SELECT name FROM products WHERE id = ?1"
                  : "SELECT name FROM contacts WHERE id = ?1 AND account_id = ?2";
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, error);
  int row;

  *out = NULL;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (kind == KS_PLAN_KIND_CONTACT)
    sqlite3_bind_int64 (stmt, 2, account_id);
  if ((row = step_row (ws, stmt, error)) < 0)
    return FALSE;
  if (row > 0)
    *out = g_strdup (ks_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* The non-empty values of one plan object (the plan or a list item), in the
 * template's order; a BOOL is written only when true (false is the default). */
static gboolean
export_plan_values (KsWorkspace        *ws,
                    Writer             *w,
                    const KsPlanField  *fields,
                    guint               n_fields,
                    const KsPlanValue  *values,
                    gint64              account_id,
                    GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const KsPlanField *f = &fields[i];
      const KsPlanValue *v = &values[i];

      if (ks_plan_value_is_empty (f, v))
        continue;
      switch (f->kind)
        {
        case KS_PLAN_KIND_TEXT:
        case KS_PLAN_KIND_LONG_TEXT:
        case KS_PLAN_KIND_DATE:
        case KS_PLAN_KIND_CHOICE:
          write_text_member (w, f->key, v->text);
          break;
        case KS_PLAN_KIND_NUMBER:
        case KS_PLAN_KIND_PERCENT:
          writer_item (w, f->key);
          ks_json_append_double (w->out, v->number);
          break;
        case KS_PLAN_KIND_BOOL:
          if (v->number != 0)
            {
              writer_item (w, f->key);
              g_string_append (w->out, "true");
            }
          break;
        case KS_PLAN_KIND_PERSON:
        case KS_PLAN_KIND_CONTACT:
        case KS_PLAN_KIND_PRODUCT:
          {
            g_autofree char *name = NULL;

            if (!plan_reference_name (ws, f->kind, v->id, account_id, &name, error))
              return FALSE;
            if (name)
              write_text_member (w, f->key, name);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* "plan": the scalar fields, then each non-empty list; left out when empty. */
static gboolean
export_account_plan (KsWorkspace  *ws,
                     Writer       *w,
                     gint64        account_id,
                     GError      **error)
{
  KsPlan *plan = ks_plan_load (ws, account_id, error);
  const KsPlanField *fields;
  guint n_fields;
  gboolean ok = TRUE;

  if (!plan)
    return FALSE;
  if (ks_plan_is_empty (plan))
    {
      ks_plan_free (plan);
      return TRUE;
    }
  fields = ks_plan_fields (&n_fields);
  writer_open (w, "plan", '{');
  ok = export_plan_values (ws, w, fields, n_fields, plan->values, account_id, error);
  for (guint l = 0; ok && l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      GPtrArray *items = plan->items[l];

      if (!items || items->len == 0)
        continue;
      writer_open (w, info->key, '[');
      for (guint i = 0; ok && i < items->len; i++)
        {
          const KsPlanItem *item = g_ptr_array_index (items, i);

          writer_open (w, NULL, '{');
          ok = export_plan_values (ws, w, info->fields, info->n_fields, item->values, account_id, error);
          writer_close (w, '}');
        }
      writer_close (w, ']');
    }
  writer_close (w, '}');
  ks_plan_free (plan);
  return ok;
}

/* "scores": the key account review's scores of the account, by period
 * and criterion order, with names (not ids); left out when none. */
static gboolean
export_account_scores (KsWorkspace  *ws,
                       Writer       *w,
                       gint64        account_id,
                       GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT p.name, c.name, s.score, s.explanation"
                                             "  FROM account_scores s"
                                             "  JOIN review_periods p ON p.id = s.period_id"
                                             "  JOIN score_criteria c ON c.id = s.criterion_id"
                                             " WHERE s.account_id = ?1"
                                             " ORDER BY p.name, c.position, c.id",
                                             error);
  gboolean open = FALSE;
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      if (!open)
        writer_open (w, "scores", '[');
      open = TRUE;
      writer_open (w, NULL, '{');
      write_text_member (w, "period", ks_column_text (stmt, 0));
      write_text_member (w, "criterion", ks_column_text (stmt, 1));
      write_real_member (w, "score", stmt, 2);
      write_text_member (w, "explanation", ks_column_text (stmt, 3));
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  if (open)
    writer_close (w, ']');
  return TRUE;
}

/* "criteria" and "review_periods" of the key account review (whole workspace only). */
static gboolean
export_scoring (KsWorkspace  *ws,
                Writer       *w,
                GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT name, weight FROM score_criteria ORDER BY position, id",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "criteria", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      write_real_member (w, "weight", stmt, 1);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');

  if (!(stmt = ks_workspace_prepare (ws, "SELECT name FROM review_periods ORDER BY name, id", error)))
    return FALSE;
  writer_open (w, "review_periods", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_accounts (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT a.id, a.name, pa.name, a.sector, a.country, a.time_zone,"
                                             "       a.year_established, a.revenue, a.employees, o.name,"
                                             "       a.segment, a.lifecycle, a.notes"
                                             "  FROM accounts a"
                                             "  LEFT JOIN accounts pa ON pa.id = a.parent_id"
                                             "  LEFT JOIN people o ON o.id = a.owner_id"
                                             " ORDER BY a.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "accounts", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      if (w->account && sqlite3_column_int64 (stmt, 0) != w->account)
        continue;
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 1));
      write_ref_member (w, "parent", stmt, 2);
      write_text_member (w, "sector", ks_column_text (stmt, 3));
      write_text_member (w, "country", ks_column_text (stmt, 4));
      write_text_member (w, "time_zone", ks_column_text (stmt, 5));
      write_int_member (w, "year_established", stmt, 6);
      write_real_member (w, "revenue", stmt, 7);
      write_int_member (w, "employees", stmt, 8);
      write_ref_member (w, "owner", stmt, 9);
      write_text_member (w, "segment", ks_column_text (stmt, 10));
      write_text_member (w, "lifecycle", ks_column_text (stmt, 11));
      write_text_member (w, "notes", ks_column_text (stmt, 12));
      if (!export_account_team (ws, w, sqlite3_column_int64 (stmt, 0), error) ||
          !export_account_contacts (ws, w, sqlite3_column_int64 (stmt, 0), error) ||
          !export_account_lines (ws, w, sqlite3_column_int64 (stmt, 0), error) ||
          !export_account_snapshots (ws, w, sqlite3_column_int64 (stmt, 0), error) ||
          !export_account_plan (ws, w, sqlite3_column_int64 (stmt, 0), error) ||
          !export_account_scores (ws, w, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_opportunities (KsWorkspace  *ws,
                      Writer       *w,
                      GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT o.ref, a.name, pr.name, pe.name, o.title, o.stage,"
                                             "       o.value, o.engage_date, o.close_date,"
                                             "       o.expected_close_date, o.account_id"
                                             "  FROM opportunities o"
                                             "  LEFT JOIN accounts a ON a.id = o.account_id"
                                             "  LEFT JOIN products pr ON pr.id = o.product_id"
                                             "  LEFT JOIN people pe ON pe.id = o.owner_id"
                                             " ORDER BY o.ref",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "opportunities", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      if (w->account && sqlite3_column_int64 (stmt, 10) != w->account)
        continue;
      writer_open (w, NULL, '{');
      write_text_member (w, "id", ks_column_text (stmt, 0));
      write_ref_member (w, "account", stmt, 1);
      write_ref_member (w, "product", stmt, 2);
      write_ref_member (w, "owner", stmt, 3);
      write_text_member (w, "title", ks_column_text (stmt, 4));
      write_text_member (w, "stage", ks_column_text (stmt, 5));
      write_real_member (w, "value", stmt, 6);
      write_ref_member (w, "engage_date", stmt, 7);
      write_ref_member (w, "close_date", stmt, 8);
      write_ref_member (w, "expected_close_date", stmt, 9);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

/* Import: reading --------------------------------------------------------- */

typedef struct
{
  guint line;
  guint column;
} Position;

typedef struct
{
  JsonObject *object;
  const char *name, *title, *phone, *email, *team, *region, *area;
  const char *manager;        /* NULL when none */
  gint64      id;
} Person;

typedef struct
{
  JsonObject *object;
  const char *name, *series;
  double      price;
  gint64      id;
} Product;

typedef struct
{
  JsonObject *object;
  const char *name, *sector, *country, *time_zone, *segment, *lifecycle, *notes;
  const char *parent, *owner; /* NULL when none */
  gint64      year;           /* -1 when unknown */
  gint64      employees;      /* -1 when unknown */
  double      revenue;
  gint64      id;
} Account;

typedef struct
{
  guint       account;        /* index into accounts */
  const char *person, *role;
  gboolean    core;
} Member;

typedef struct
{
  guint       account;
  const char *name, *title, *department, *phone, *email, *channel, *time_zone, *notes;
  /* The power map: stored strings, checked. */
  const char *kind, *relationship, *attitude, *level;
  gint64      power;          /* 0 unknown, 1 high ... 3 low */
  guint       roles;          /* KsBuyingRoles */
  const char *owner;          /* NULL when none */
  const char *last_contact;   /* NULL when never */
  double      x, y;           /* NaN when not placed */
  gboolean    pinned;
  gint64      id;
} Contact;

typedef struct
{
  guint       from, to;       /* indices into contacts */
  const char *kind;
  gint64      strength;       /* -1 when none */
} Line;

typedef struct
{
  guint       account;
  const char *taken, *label;
  char       *data;           /* the nodes in their stored form */
} Snapshot;

typedef struct
{
  JsonObject *object;
  const char *ref, *title, *stage;
  const char *account, *product, *owner;                 /* NULL when none */
  const char *engage_date, *close_date, *expected_close_date;  /* NULL when unknown */
  double      value;
} Opportunity;

/* The key account review. */
typedef struct
{
  JsonObject *object;
  const char *name;
  double      weight;
  gint64      id;
} CriterionIn;

typedef struct
{
  JsonObject *object;
  const char *name;
  gint64      id;
} PeriodIn;

typedef struct
{
  JsonObject *object;
  guint       account;        /* index into accounts */
  const char *period, *criterion, *explanation;
  double      score;
} ScoreIn;

/* An account's plan as read, its references not yet ids. */
typedef struct
{
  guint       account;        /* index into accounts */
  KsPlan     *plan;
} PlanIn;

/* A reference in a plan: value->id is set once the rows are written. */
typedef struct
{
  guint        plan;          /* index into plans */
  KsPlanValue *value;
  KsPlanKind   kind;
  const char  *name;
  guint        contact;       /* CONTACT: index into contacts */
} PlanRef;

typedef enum
{
  SUBJECT_NONE,
  SUBJECT_SETTINGS,
  SUBJECT_PERSON,
  SUBJECT_PRODUCT,
  SUBJECT_ACCOUNT,
  SUBJECT_OPPORTUNITY,
} SubjectKind;

typedef struct
{
  const char *origin;
  gboolean    account_mode;   /* a "keystone-account" document */
  GArray     *positions;      /* Position, in order of the objects' starts */
  GArray     *open;           /* guint indices into positions of objects being parsed */
  GHashTable *objects;        /* JsonObject* → index + 1 into positions */

  GPtrArray  *settings;       /* key, value, key, value... */
  GArray     *people;
  GArray     *products;
  GArray     *accounts;
  GArray     *members;
  GArray     *contacts;
  GArray     *lines;
  GArray     *snapshots;
  GArray     *opportunities;
  GPtrArray  *plans;          /* PlanIn */
  GArray     *plan_refs;      /* PlanRef */
  gboolean    has_criteria;   /* the document holds "criteria" */
  GArray     *criteria;       /* CriterionIn */
  GArray     *periods;        /* PeriodIn */
  GArray     *scores;         /* ScoreIn */
  GHashTable *criterion_index;   /* casefolded name → index + 1 */
  GHashTable *period_index;      /* name → index + 1 */
  GHashTable *person_index;   /* name → index + 1 */
  GHashTable *product_index;
  GHashTable *account_index;
} Import;

static void
snapshot_clear (gpointer data)
{
  g_clear_pointer (&((Snapshot *) data)->data, g_free);
}

static void
plan_in_free (gpointer data)
{
  PlanIn *in = data;

  ks_plan_free (in->plan);
  g_free (in);
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->positions, g_array_unref);
  g_clear_pointer (&im->open, g_array_unref);
  g_clear_pointer (&im->objects, g_hash_table_unref);
  g_clear_pointer (&im->settings, g_ptr_array_unref);
  g_clear_pointer (&im->people, g_array_unref);
  g_clear_pointer (&im->products, g_array_unref);
  g_clear_pointer (&im->accounts, g_array_unref);
  g_clear_pointer (&im->members, g_array_unref);
  g_clear_pointer (&im->contacts, g_array_unref);
  g_clear_pointer (&im->lines, g_array_unref);
  g_clear_pointer (&im->snapshots, g_array_unref);
  g_clear_pointer (&im->opportunities, g_array_unref);
  g_clear_pointer (&im->plans, g_ptr_array_unref);
  g_clear_pointer (&im->plan_refs, g_array_unref);
  g_clear_pointer (&im->criteria, g_array_unref);
  g_clear_pointer (&im->periods, g_array_unref);
  g_clear_pointer (&im->scores, g_array_unref);
  g_clear_pointer (&im->criterion_index, g_hash_table_unref);
  g_clear_pointer (&im->period_index, g_hash_table_unref);
  g_clear_pointer (&im->person_index, g_hash_table_unref);
  g_clear_pointer (&im->product_index, g_hash_table_unref);
  g_clear_pointer (&im->account_index, g_hash_table_unref);
}

static void
import_init (Import     *im,
             const char *origin)
{
  memset (im, 0, sizeof *im);
  im->origin = origin;
  im->positions = g_array_new (FALSE, FALSE, sizeof (Position));
  im->open = g_array_new (FALSE, FALSE, sizeof (guint));
  im->objects = g_hash_table_new (NULL, NULL);
  im->settings = g_ptr_array_new ();
  im->people = g_array_new (FALSE, TRUE, sizeof (Person));
  im->products = g_array_new (FALSE, TRUE, sizeof (Product));
  im->accounts = g_array_new (FALSE, TRUE, sizeof (Account));
  im->members = g_array_new (FALSE, TRUE, sizeof (Member));
  im->contacts = g_array_new (FALSE, TRUE, sizeof (Contact));
  im->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  im->snapshots = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  g_array_set_clear_func (im->snapshots, snapshot_clear);
  im->opportunities = g_array_new (FALSE, TRUE, sizeof (Opportunity));
  im->plans = g_ptr_array_new_with_free_func (plan_in_free);
  im->plan_refs = g_array_new (FALSE, TRUE, sizeof (PlanRef));
  im->criteria = g_array_new (FALSE, TRUE, sizeof (CriterionIn));
  im->periods = g_array_new (FALSE, TRUE, sizeof (PeriodIn));
  im->scores = g_array_new (FALSE, TRUE, sizeof (ScoreIn));
  im->criterion_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->period_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->product_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->account_index = g_hash_table_new (g_str_hash, g_str_equal);
}

static char *
location (const char *origin,
          guint       line,
          guint       column)
{
  if (origin)
    return g_strdup_printf ("%s:%u:%u", origin, line, column);
  return g_strdup_printf ("%u:%u", line, column);
}

static char *
subject_text (SubjectKind  kind,
              const char  *name,
              guint        index)
{
  switch (kind)
    {
    case SUBJECT_SETTINGS:
      return g_strdup (_("settings"));
    case SUBJECT_PERSON:
      return name ? g_strdup_printf (_("person “%s”"), name) : g_strdup_printf (_("person #%u"), index + 1);
    case SUBJECT_PRODUCT:
      return name ? g_strdup_printf (_("product “%s”"), name) : g_strdup_printf (_("product #%u"), index + 1);
    case SUBJECT_ACCOUNT:
      return name ? g_strdup_printf (_("account “%s”"), name) : g_strdup_printf (_("account #%u"), index + 1);
    case SUBJECT_OPPORTUNITY:
      return name ? g_strdup_printf (_("opportunity “%s”"), name)
                  : g_strdup_printf (_("opportunity #%u"), index + 1);
    case SUBJECT_NONE:
    default:
      return NULL;
    }
}

/* Sets "ORIGIN:LINE:COLUMN: SUBJECT: reason" at the start of object. */
G_GNUC_PRINTF (8, 9)
static void
fail (Import       *im,
      GError      **error,
      gint          code,
      JsonObject   *object,
      SubjectKind   kind,
      const char   *name,
      guint         index,
      const char   *format,
      ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subject = subject_text (kind, name, index);
  Position pos = { 1, 1 };
  guint slot = object ? GPOINTER_TO_UINT (g_hash_table_lookup (im->objects, object)) : 0;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (slot > 0)
    pos = g_array_index (im->positions, Position, slot - 1);
  where = location (im->origin, pos.line, pos.column);
  if (subject)
    g_set_error (error, KS_IMPORT_ERROR, code, "%s: %s: %s", where, subject, reason);
  else
    g_set_error (error, KS_IMPORT_ERROR, code, "%s: %s", where, reason);
}

static void
on_object_start (JsonParser *parser,
                 Import     *im)
{
  Position pos = { json_parser_get_current_line (parser), json_parser_get_current_pos (parser) };
  guint index = im->positions->len;

  g_array_append_val (im->positions, pos);
  g_array_append_val (im->open, index);
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               Import     *im)
{
  guint index;

  if (im->open->len == 0)
    return;
  index = g_array_index (im->open, guint, im->open->len - 1);
  g_array_set_size (im->open, im->open->len - 1);
  g_hash_table_insert (im->objects, object, GUINT_TO_POINTER (index + 1));
}

/* The line and column (in characters, from 1) of byte offset in data. */
static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  const char *start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        start = data + i + 1;
      }
  *column = 1;
  for (const char *p = start; p < data + offset; p = g_utf8_next_char (p))
    (*column)++;
}

static int
hex4 (const char *data,
      gsize       length,
      gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* An escaped high surrogate (backslash u D800–DBFF) must be followed by an
 * escaped low one (DC00–DFFF). json-glib
 * 1.6 refuses a lone high surrogate too, but leaks its string buffer when it
 * does (found by fuzz-json-import), so it never sees one. at = the backslash. */
static gboolean
check_surrogate (Import      *im,
                 const char  *data,
                 gsize        length,
                 gsize        at,
                 GError     **error)
{
  int high = hex4 (data, length, at + 2);
  int low;
  guint line, column;
  g_autofree char *where = NULL;

  if (high < 0xD800 || high > 0xDBFF)
    return TRUE;
  if (at + 12 <= length && data[at + 6] == '\\' && data[at + 7] == 'u')
    {
      low = hex4 (data, length, at + 8);
      if (low >= 0xDC00 && low <= 0xDFFF)
        return TRUE;
    }
  position_of (data, at, &line, &column);
  where = location (im->origin, line, column);
  g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED,
               _("%s: \\u%.4s starts a surrogate pair but no \\uDC00–\\uDFFF escape follows it"),
               where, data + at + 2);
  return FALSE;
}

/* Checks what json-glib would not: UTF-8 throughout (no NUL bytes) and a
 * bounded nesting depth, since its parser recurses without a limit. */
static gboolean
check_text (Import      *im,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE, escaped = FALSE;
  guint depth = 0, line, column;
  g_autofree char *where = NULL;

  if (length > MAX_BYTES)
    {
      g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED,
                   _("%s: the file is too big (%lu MB; the limit is %lu MB)"),
                   im->origin ? im->origin : _("the data"),
                   (gulong) (length >> 20), (gulong) (MAX_BYTES >> 20));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      position_of (data, end - data, &line, &column);
      where = location (im->origin, line, column);
      g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_ENCODING,
                   *end ? _("%s: the text is not valid UTF-8") : _("%s: the text contains a zero byte"),
                   where);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            {
              escaped = FALSE;
              if (c == 'u' && !check_surrogate (im, data, length, i - 1, error))
                return FALSE;
            }
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              position_of (data, i, &line, &column);
              where = location (im->origin, line, column);
              g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED,
                           _("%s: the document is nested more than %d levels deep"), where, MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Missing or null → "" (or NULL when nullable; "" is NULL there too). */
static gboolean
read_string (Import       *im,
             JsonObject   *object,
             const char   *member,
             gboolean      nullable,
             const char  **out,
             SubjectKind   kind,
             const char   *name,
             guint         index,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!node || JSON_NODE_HOLDS_NULL (node))
    {
      *out = nullable ? NULL : "";
      return TRUE;
    }
  if (!holds_type (node, G_TYPE_STRING))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            nullable ? _("“%s” must be a string or null") : _("“%s” must be a string"), member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  if (!*out || (nullable && !**out))
    *out = nullable ? NULL : "";
  return TRUE;
}

static gboolean
read_name (Import       *im,
           JsonObject   *object,
           const char   *member,
           const char  **out,
           SubjectKind   kind,
           guint         index,
           GError      **error)
{
  g_autofree char *trimmed = NULL;

  if (!read_string (im, object, member, FALSE, out, kind, NULL, index, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (*out));
  if (!*trimmed)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, NULL, index,
            _("“%s” must not be empty"), member);
      return FALSE;
    }
  return TRUE;
}

/* Missing or null → NaN. Integers are read as doubles too. Only an
 * opportunity's value may be negative (a credit note in a CRM export). */
static gboolean
read_number (Import      *im,
             JsonObject  *object,
             const char  *member,
             gboolean     negative_ok,
             double      *out,
             SubjectKind  kind,
             const char  *name,
             guint        index,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NAN;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (holds_type (node, G_TYPE_INT64) || holds_type (node, G_TYPE_DOUBLE))
    *out = json_node_get_double (node);
  if (isnan (*out))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            _("“%s” must be a number or null"), member);
      return FALSE;
    }
  if (!isfinite (*out))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            _("“%s” is too large"), member);
      return FALSE;
    }
  if (*out < 0 && !negative_ok)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            _("“%s” must be zero or more"), member);
      return FALSE;
    }
  return TRUE;
}

/* Missing or null → -1; a whole double is taken as an integer. */
static gboolean
read_count (Import      *im,
            JsonObject  *object,
            const char  *member,
            gint64       max,
            gint64      *out,
            SubjectKind  kind,
            const char  *name,
            guint        index,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = -1;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (holds_type (node, G_TYPE_INT64))
    *out = json_node_get_int (node);
  else if (holds_type (node, G_TYPE_DOUBLE))
    {
      double d = json_node_get_double (node);
      /* 2^63 itself does not fit in a gint64. */
      if (d == floor (d) && d >= 0 && d <= (double) max && d < 9223372036854775808.0)
        *out = (gint64) d;
      else
        *out = G_MININT64;
    }
  else
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            _("“%s” must be a whole number or null"), member);
      return FALSE;
    }
  if (*out < 0 || *out > max)
    {
      if (max == G_MAXINT64)
        fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
              _("“%s” must be a whole number, zero or more, or null"), member);
      else
        fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
              _("“%s” must be a whole number from 0 to %lld, or null"), member, (long long) max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_iso_date (const char *date)
{
  guint year, month, day;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  year = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  day = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);
  return g_date_valid_dmy (day, month, year);
}

static gboolean
read_date (Import       *im,
           JsonObject   *object,
           const char   *member,
           const char  **out,
           const char   *name,
           guint         index,
           GError      **error)
{
  if (!read_string (im, object, member, TRUE, out, SUBJECT_OPPORTUNITY, name, index, error))
    return FALSE;
  if (*out && !is_iso_date (*out))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_OPPORTUNITY, name, index,
            _("“%s” is not a date: “%s” (use YYYY-MM-DD or null)"), member, *out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_one_of (Import            *im,
             JsonObject        *object,
             const char        *member,
             const char *const *allowed,
             const char        *fallback,
             const char       **out,
             const char        *name,
             guint              index,
             GError           **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!node || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  if (holds_type (node, G_TYPE_STRING) && g_strv_contains (allowed, json_node_get_string (node)))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  {
    g_autofree char *list = g_strjoinv (", ", (char **) allowed);
    fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, name, index,
          _("“%s” must be one of %s"), member, list);
  }
  return FALSE;
}

/* Each item of an array member must be an object; a missing or null array is empty. */
static gboolean
get_array (Import      *im,
           JsonObject  *object,
           const char  *member,
           JsonArray  **out,
           SubjectKind  kind,
           const char  *name,
           guint        index,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
            _("“%s” must be a list"), member);
      return FALSE;
    }
  *out = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*out); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (*out, i)))
      {
        fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
              _("item %u of “%s” must be an object"), i + 1, member);
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_settings (Import      *im,
               JsonObject  *root,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "settings");
  JsonObject *settings;
  g_autoptr(GList) members = NULL;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("“settings” must be an object"));
      return FALSE;
    }
  settings = json_node_get_object (node);
  members = json_object_get_members (settings);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (settings, l->data);

      if (!holds_type (value, G_TYPE_STRING))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, settings, SUBJECT_SETTINGS, NULL, 0,
                _("“%s” must be a string"), (const char *) l->data);
          return FALSE;
        }
      g_ptr_array_add (im->settings, l->data);
      g_ptr_array_add (im->settings, (gpointer) json_node_get_string (value));
    }
  return TRUE;
}

static gboolean
read_people (Import      *im,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *array;

  if (!get_array (im, root, "people", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Person p = { json_array_get_object_element (array, i) };

      if (!read_name (im, p.object, "name", &p.name, SUBJECT_PERSON, i, error))
        return FALSE;
      if (!read_string (im, p.object, "title", FALSE, &p.title, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "phone", FALSE, &p.phone, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "email", FALSE, &p.email, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "team", FALSE, &p.team, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "region", FALSE, &p.region, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "area", FALSE, &p.area, SUBJECT_PERSON, p.name, i, error) ||
          !read_string (im, p.object, "manager", TRUE, &p.manager, SUBJECT_PERSON, p.name, i, error))
        return FALSE;
      if (g_hash_table_contains (im->person_index, p.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_PERSON, p.name, i,
                _("the name is used twice"));
          return FALSE;
        }
      g_hash_table_insert (im->person_index, (gpointer) p.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->people, p);
    }
  return TRUE;
}

static gboolean
read_products (Import      *im,
               JsonObject  *root,
               GError     **error)
{
  JsonArray *array;

  if (!get_array (im, root, "products", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Product p = { json_array_get_object_element (array, i) };

      if (!read_name (im, p.object, "name", &p.name, SUBJECT_PRODUCT, i, error) ||
          !read_string (im, p.object, "series", FALSE, &p.series, SUBJECT_PRODUCT, p.name, i, error) ||
          !read_number (im, p.object, "price", FALSE, &p.price, SUBJECT_PRODUCT, p.name, i, error))
        return FALSE;
      if (g_hash_table_contains (im->product_index, p.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_PRODUCT, p.name, i,
                _("the name is used twice"));
          return FALSE;
        }
      g_hash_table_insert (im->product_index, (gpointer) p.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->products, p);
    }
  return TRUE;
}

/* A contact's power-map members; errors name the contact. */
G_GNUC_PRINTF (6, 7)
static void
contact_fail (Import      *im,
              GError     **error,
              JsonObject  *object,
              Account     *a,
              guint        index,
              const char  *format,
              ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index, "%s", reason);
}

static gboolean
read_contact_choice (Import             *im,
                     JsonObject         *object,
                     const char         *member,
                     const char * const *allowed,
                     const char        **out,
                     Contact            *c,
                     Account            *a,
                     guint               index,
                     GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *list = NULL;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    {
      *out = allowed[0];
      return TRUE;
    }
  if (holds_type (node, G_TYPE_STRING) && g_strv_contains (allowed, json_node_get_string (node)))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  list = g_strjoinv (", ", (char **) allowed);
  contact_fail (im, error, object, a, index, _("contact “%s”: “%s” must be one of %s"), c->name, member, list);
  return FALSE;
}

static gboolean
read_contact_map (Import      *im,
                  JsonObject  *object,
                  Contact     *c,
                  Account     *a,
                  guint        index,
                  GError     **error)
{
  JsonNode *node;

  if (!read_contact_choice (im, object, "kind", ks_node_kind_strings (), &c->kind, c, a, index, error) ||
      !read_contact_choice (im, object, "relationship", ks_relationship_strings (), &c->relationship,
                            c, a, index, error) ||
      !read_contact_choice (im, object, "attitude", ks_attitude_strings (), &c->attitude, c, a, index, error) ||
      !read_contact_choice (im, object, "level", ks_level_strings (), &c->level, c, a, index, error))
    return FALSE;

  node = json_object_get_member (object, "power");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0 || json_node_get_int (node) > 3)
        {
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “power” must be 1 (high), 2 (medium), 3 (low) or null"), c->name);
          return FALSE;
        }
      c->power = json_node_get_int (node);
    }

  node = json_object_get_member (object, "roles");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *roles = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; roles && i < json_array_get_length (roles); i++)
        {
          JsonNode *role = json_array_get_element (roles, i);
          KsBuyingRoles flag;

          if (!holds_type (role, G_TYPE_STRING) || !ks_buying_role_from_string (json_node_get_string (role), &flag))
            {
              roles = NULL;
              break;
            }
          c->roles |= flag;
        }
      if (!roles)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) ks_buying_role_strings ());
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “roles” must be a list of %s"), c->name, list);
          return FALSE;
        }
    }

  if (!read_string (im, object, "owner", TRUE, &c->owner, SUBJECT_ACCOUNT, a->name, index, error) ||
      !read_string (im, object, "last_contact", TRUE, &c->last_contact, SUBJECT_ACCOUNT, a->name, index, error) ||
      !read_number (im, object, "x", TRUE, &c->x, SUBJECT_ACCOUNT, a->name, index, error) ||
      !read_number (im, object, "y", TRUE, &c->y, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  if (c->owner && !g_hash_table_contains (im->person_index, c->owner))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: the owner “%s” is not among the people"), c->name, c->owner);
      return FALSE;
    }
  if (c->last_contact && !is_iso_date (c->last_contact))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: “last_contact” is not a date: “%s” (use YYYY-MM-DD or null)"),
                    c->name, c->last_contact);
      return FALSE;
    }
  if (isnan (c->x) != isnan (c->y))
    {
      contact_fail (im, error, object, a, index,
                    _("contact “%s”: “x” and “y” are both numbers or both null"), c->name);
      return FALSE;
    }

  node = json_object_get_member (object, "pinned");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!holds_type (node, G_TYPE_BOOLEAN))
        {
          contact_fail (im, error, object, a, index,
                        _("contact “%s”: “pinned” must be true or false"), c->name);
          return FALSE;
        }
      c->pinned = json_node_get_boolean (node);
    }
  return TRUE;
}

static gboolean
read_team (Import      *im,
           Account     *a,
           guint        index,
           GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!get_array (im, a->object, "team", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *core = json_object_get_member (object, "core");
      Member m = { index, NULL, NULL, TRUE };

      if (!read_string (im, object, "person", TRUE, &m.person, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "role", FALSE, &m.role, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!m.person)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("team member #%u names no “person”"), i + 1);
          return FALSE;
        }
      if (core && !JSON_NODE_HOLDS_NULL (core))
        {
          if (!holds_type (core, G_TYPE_BOOLEAN))
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                    _("“core” of team member “%s” must be true or false"), m.person);
              return FALSE;
            }
          m.core = json_node_get_boolean (core);
        }
      if (!g_hash_table_contains (im->person_index, m.person))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("the team member “%s” is not among the people"), m.person);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) m.person))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("“%s” is in the team twice"), m.person);
          return FALSE;
        }
      g_array_append_val (im->members, m);
    }
  return TRUE;
}

static gboolean
read_contacts (Import      *im,
               Account     *a,
               guint        index,
               GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!get_array (im, a->object, "contacts", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Contact c = { index };
      g_autofree char *trimmed = NULL;

      c.x = c.y = NAN;

      if (!read_string (im, object, "name", FALSE, &c.name, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "title", FALSE, &c.title, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "department", FALSE, &c.department, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "phone", FALSE, &c.phone, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "email", FALSE, &c.email, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "channel", FALSE, &c.channel, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "time_zone", FALSE, &c.time_zone, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "notes", FALSE, &c.notes, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      trimmed = g_strstrip (g_strdup (c.name));
      if (!*trimmed)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("contact #%u has no name"), i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) c.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("the contact “%s” is listed twice"), c.name);
          return FALSE;
        }
      if (!read_contact_map (im, object, &c, a, index, error))
        return FALSE;
      g_array_append_val (im->contacts, c);
    }
  return TRUE;
}

/* The lines of one account, whose contacts are contacts[first...]. */
static gboolean
read_lines (Import      *im,
            Account     *a,
            guint        index,
            guint        first,
            GError     **error)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = im->contacts->len - first;
  g_autofree guint *manager = g_new0 (guint, n + 1);   /* local index + 1 of whom each reports to */
  g_autofree guint8 *mark = g_new0 (guint8, n + 1);
  g_autofree JsonObject **reporting = g_new0 (JsonObject *, n + 1);
  JsonArray *array;

  for (guint i = first; i < im->contacts->len; i++)
    g_hash_table_insert (by_name, (gpointer) g_array_index (im->contacts, Contact, i).name,
                         GUINT_TO_POINTER (i + 1));

  if (!get_array (im, a->object, "lines", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *from, *to, *kind;
      guint from_slot, to_slot;
      gint64 strength = -1;
      JsonNode *node;
      Line line;
      const Contact *cf, *ct;

      if (!read_string (im, object, "from", FALSE, &from, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "to", FALSE, &to, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!read_one_of (im, object, "kind", ks_line_kind_strings (), NULL, &kind, a->name, index, error))
        return FALSE;
      if (!kind)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("line #%u has no “kind”"), i + 1);
          return FALSE;
        }
      from_slot = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, from));
      to_slot = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, to));
      if (!from_slot || !to_slot)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("line #%u: “%s” is not among the contacts of this account"), i + 1,
                from_slot ? to : from);
          return FALSE;
        }
      if (from_slot == to_slot)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("line #%u joins “%s” to itself"), i + 1, from);
          return FALSE;
        }
      node = json_object_get_member (object, "strength");
      if (node && !JSON_NODE_HOLDS_NULL (node))
        {
          if (!holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1 || json_node_get_int (node) > 3)
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                    _("line #%u: “strength” must be 1, 2, 3 or null"), i + 1);
              return FALSE;
            }
          strength = json_node_get_int (node);
        }
      cf = &g_array_index (im->contacts, Contact, from_slot - 1);
      ct = &g_array_index (im->contacts, Contact, to_slot - 1);
      if (!g_str_equal (kind, "influence") &&
          (!g_str_equal (cf->kind, "contact") || !g_str_equal (ct->kind, "contact")))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("line #%u: “%s” is a competitor or third party: it can only be linked by an influence line"),
                i + 1, g_str_equal (cf->kind, "contact") ? to : from);
          return FALSE;
        }
      if (!g_hash_table_add (seen, g_strdup_printf ("%u:%u:%s", from_slot, to_slot, kind)))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("the line from “%s” to “%s” (%s) is listed twice"), from, to, kind);
          return FALSE;
        }
      if (g_str_equal (kind, "reports-to"))
        {
          guint local = from_slot - 1 - first;

          if (manager[local])
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                    _("“%s” reports to two people; one of the lines must be dotted"), from);
              return FALSE;
            }
          manager[local] = to_slot - first;
          reporting[local] = object;
        }
      line = (Line) { from_slot - 1, to_slot - 1, kind, strength };
      g_array_append_val (im->lines, line);
    }

  /* Reporting lines must not loop: walk each chain once (1 on this walk, 2 checked). */
  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (mark[j] == 0)
        {
          mark[j] = 1;
          if (!manager[j])
            break;
          j = manager[j] - 1;
          if (mark[j] == 1)
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, reporting[j], SUBJECT_ACCOUNT, a->name, index,
                    _("“%s” reports to themselves, directly or through others"),
                    g_array_index (im->contacts, Contact, first + j).name);
              return FALSE;
            }
        }
      for (j = i; mark[j] == 1; )
        {
          mark[j] = 2;
          if (!manager[j])
            break;
          j = manager[j] - 1;
        }
    }
  return TRUE;
}

static gboolean
read_snapshots (Import      *im,
                Account     *a,
                guint        index,
                GError     **error)
{
  JsonArray *array;

  if (!get_array (im, a->object, "snapshots", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *nodes = json_object_get_member (object, "nodes");
      Snapshot snap = { index };
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GArray) states = NULL;
      g_autofree char *text = NULL;

      if (!read_string (im, object, "taken", FALSE, &snap.taken, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, object, "label", FALSE, &snap.label, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (!is_iso_date (snap.taken))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("snapshot #%u: “taken” is not a date: “%s” (use YYYY-MM-DD)"), i + 1, snap.taken);
          return FALSE;
        }
      if (nodes && !JSON_NODE_HOLDS_NULL (nodes) && !JSON_NODE_HOLDS_ARRAY (nodes))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("snapshot #%u: “nodes” must be a list"), i + 1);
          return FALSE;
        }
      /* The snapshot reader checks the nodes and gives their stored form. */
      text = nodes && !JSON_NODE_HOLDS_NULL (nodes) ? json_to_string (nodes, FALSE) : g_strdup ("[]");
      if (!(states = ks_map_node_states_from_json (text, &local_error)))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("snapshot #%u: %s"), i + 1, local_error->message);
          return FALSE;
        }
      snap.data = ks_map_node_states_to_json (states);
      g_array_append_val (im->snapshots, snap);
    }
  return TRUE;
}

/* Where plan values are read from, for messages: "plan" or "plan, objectives #2". */
static gboolean
read_plan_value (Import             *im,
                 JsonObject         *object,
                 const KsPlanField  *field,
                 KsPlanValue        *value,
                 const char         *where,
                 Account            *a,
                 guint               index,
                 guint               first_contact,
                 guint               plan_index,
                 GError            **error)
{
  JsonNode *node = json_object_get_member (object, field->key);
  g_autoptr(GError) local_error = NULL;
  PlanRef ref = { plan_index, value, field->kind, NULL, 0 };

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
      if (!holds_type (node, G_TYPE_STRING))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s” must be a string"), where, field->key);
          return FALSE;
        }
      g_free (value->text);
      value->text = g_strdup (json_node_get_string (node));
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      if (!holds_type (node, G_TYPE_INT64) && !holds_type (node, G_TYPE_DOUBLE))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s” must be a number"), where, field->key);
          return FALSE;
        }
      value->number = json_node_get_double (node);
      break;
    case KS_PLAN_KIND_BOOL:
      if (!holds_type (node, G_TYPE_BOOLEAN))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s” must be true or false"), where, field->key);
          return FALSE;
        }
      value->number = json_node_get_boolean (node) ? 1 : 0;
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (!holds_type (node, G_TYPE_STRING))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s” must be a name (a string)"), where, field->key);
          return FALSE;
        }
      ref.name = json_node_get_string (node);
      if (!*ref.name)
        return TRUE;
      if (field->kind == KS_PLAN_KIND_PERSON && !g_hash_table_contains (im->person_index, ref.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s”: the person “%s” is not among the people"), where, field->key, ref.name);
          return FALSE;
        }
      if (field->kind == KS_PLAN_KIND_PRODUCT && !g_hash_table_contains (im->product_index, ref.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("%s: “%s”: the product “%s” is not among the products"), where, field->key, ref.name);
          return FALSE;
        }
      if (field->kind == KS_PLAN_KIND_CONTACT)
        {
          guint i;

          for (i = first_contact; i < im->contacts->len; i++)
            if (g_str_equal (g_array_index (im->contacts, Contact, i).name, ref.name))
              break;
          if (i == im->contacts->len)
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                    _("%s: “%s”: “%s” is not among the contacts of this account"),
                    where, field->key, ref.name);
              return FALSE;
            }
          ref.contact = i;
        }
      /* Resolved to an id once the rows are written; validated as set. */
      value->id = 1;
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ks_plan_value_validate (field, value, &local_error))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
            _("%s: “%s”: %s"), where, field->key, local_error->message);
      return FALSE;
    }
  if (ref.name)
    g_array_append_val (im->plan_refs, ref);
  return TRUE;
}

/* "plan": unknown keys are skipped (a newer template), wrong values refused. */
static gboolean
read_plan (Import      *im,
           Account     *a,
           guint        index,
           guint        first_contact,
           GError     **error)
{
  JsonNode *node = json_object_get_member (a->object, "plan");
  JsonObject *object;
  const KsPlanField *fields;
  guint n_fields, plan_index = im->plans->len;
  PlanIn *in;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, a->object, SUBJECT_ACCOUNT, a->name, index,
            _("“plan” must be an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  in = g_new0 (PlanIn, 1);
  in->account = index;
  in->plan = ks_plan_new (0);
  g_ptr_array_add (im->plans, in);

  fields = ks_plan_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!read_plan_value (im, object, &fields[i], &in->plan->values[i], _("plan"),
                          a, index, first_contact, plan_index, error))
      return FALSE;

  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      JsonArray *array;

      if (!get_array (im, object, info->key, &array, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (array && info->max_items && json_array_get_length (array) > info->max_items)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, a->name, index,
                _("plan: “%s” holds %u items; at most %u are allowed"),
                info->key, json_array_get_length (array), info->max_items);
          return FALSE;
        }
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonObject *item_object = json_array_get_object_element (array, i);
          KsPlanItem *item = ks_plan_item_new (l);
          g_autofree char *where = g_strdup_printf (_("plan, %s #%u"), info->key, i + 1);

          g_ptr_array_add (in->plan->items[l], item);
          for (guint f = 0; f < info->n_fields; f++)
            if (!read_plan_value (im, item_object, &info->fields[f], &item->values[f], where,
                                  a, index, first_contact, plan_index, error))
              return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_period_name (Import      *im,
                   JsonObject  *object,
                   const char  *name,
                   SubjectKind  kind,
                   const char  *subject,
                   guint        index,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (!*trimmed || g_utf8_strlen (trimmed, -1) > 40 || !g_str_equal (trimmed, name))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, subject, index,
            _("the review period “%s” must be a name of 1 to 40 characters without surrounding space"),
            name);
      return FALSE;
    }
  return TRUE;
}

/* "criteria" (weights summing to 100, names unique ignoring case) and
 * "review_periods" of a whole workspace. */
static gboolean
read_scoring (Import      *im,
              JsonObject  *root,
              GError     **error)
{
  JsonArray *array;
  JsonNode *node = json_object_get_member (root, "criteria");

  im->has_criteria = node && !JSON_NODE_HOLDS_NULL (node);
  if (!get_array (im, root, "criteria", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      CriterionIn c = { json_array_get_object_element (array, i) };
      char *key;

      if (!read_name (im, c.object, "name", &c.name, SUBJECT_NONE, i, error) ||
          !read_number (im, c.object, "weight", FALSE, &c.weight, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (isnan (c.weight) || c.weight > 100)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, c.object, SUBJECT_NONE, NULL, i,
                _("the criterion “%s” needs a “weight” between 0 and 100"), c.name);
          return FALSE;
        }
      key = g_strstrip (g_utf8_casefold (c.name, -1));
      if (g_hash_table_contains (im->criterion_index, key))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, c.object, SUBJECT_NONE, NULL, i,
                _("the criterion “%s” is listed twice (names are compared ignoring case)"), c.name);
          g_free (key);
          return FALSE;
        }
      g_hash_table_insert (im->criterion_index, key, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->criteria, c);
    }
  if (im->has_criteria)
    {
      g_autofree const char **names = g_new0 (const char *, im->criteria->len + 1);
      g_autofree double *weights = g_new0 (double, im->criteria->len + 1);
      g_autoptr(GError) local = NULL;

      for (guint i = 0; i < im->criteria->len; i++)
        {
          names[i] = g_array_index (im->criteria, CriterionIn, i).name;
          weights[i] = g_array_index (im->criteria, CriterionIn, i).weight;
        }
      if (!ks_score_weights_check (names, weights, im->criteria->len, &local))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                _("“criteria”: %s"), local->message);
          return FALSE;
        }
    }

  if (!get_array (im, root, "review_periods", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      PeriodIn p = { json_array_get_object_element (array, i) };

      if (!read_name (im, p.object, "name", &p.name, SUBJECT_NONE, i, error) ||
          !check_period_name (im, p.object, p.name, SUBJECT_NONE, NULL, i, error))
        return FALSE;
      if (g_hash_table_contains (im->period_index, p.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_NONE, NULL, i,
                _("the review period “%s” is listed twice"), p.name);
          return FALSE;
        }
      g_hash_table_insert (im->period_index, (gpointer) p.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->periods, p);
    }
  return TRUE;
}

/* An account's "scores". In a whole workspace every period and criterion must
 * be the document's; a handover document's are matched when it is written. */
static gboolean
read_scores (Import      *im,
             Account     *a,
             guint        index,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (!get_array (im, a->object, "scores", &array, SUBJECT_ACCOUNT, a->name, index, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      ScoreIn sc = { json_array_get_object_element (array, i), index };
      g_autofree char *criterion_key = NULL;
      char *pair;

      if (!read_string (im, sc.object, "period", FALSE, &sc.period, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, sc.object, "criterion", FALSE, &sc.criterion, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_number (im, sc.object, "score", FALSE, &sc.score, SUBJECT_ACCOUNT, a->name, index, error) ||
          !read_string (im, sc.object, "explanation", FALSE, &sc.explanation, SUBJECT_ACCOUNT, a->name, index,
                        error) ||
          !check_period_name (im, sc.object, sc.period, SUBJECT_ACCOUNT, a->name, index, error))
        return FALSE;
      if (isnan (sc.score) || sc.score > 100)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                _("score #%u needs a “score” between 0 and 100"), i + 1);
          return FALSE;
        }
      criterion_key = g_utf8_casefold (sc.criterion, -1);
      if (!*g_strstrip (criterion_key))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                _("score #%u has no “criterion”"), i + 1);
          return FALSE;
        }
      if (!im->account_mode)
        {
          if (!im->has_criteria)
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                    _("the document has scores but no “criteria”"));
              return FALSE;
            }
          if (!g_hash_table_contains (im->criterion_index, criterion_key))
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                    _("the criterion “%s” is not among the “criteria”"), sc.criterion);
              return FALSE;
            }
          if (!g_hash_table_contains (im->period_index, sc.period))
            {
              fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                    _("the review period “%s” is not among the “review_periods”"), sc.period);
              return FALSE;
            }
        }
      pair = g_strconcat (sc.period, "\n", criterion_key, NULL);
      if (!g_hash_table_add (seen, pair))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, sc.object, SUBJECT_ACCOUNT, a->name, index,
                _("“%s” is scored twice in the period “%s”"), sc.criterion, sc.period);
          return FALSE;
        }
      g_array_append_val (im->scores, sc);
    }
  return TRUE;
}

static gboolean
read_accounts (Import      *im,
               JsonObject  *root,
               GError     **error)
{
  static const char *const segments[] = { "key", "important", "normal", NULL };
  static const char *const lifecycles[] = { "acquisition", "development", "retention", "win-back", NULL };
  JsonArray *array;

  if (!get_array (im, root, "accounts", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Account a = { json_array_get_object_element (array, i) };
      guint first_contact = im->contacts->len;

      if (!read_name (im, a.object, "name", &a.name, SUBJECT_ACCOUNT, i, error))
        return FALSE;
      if (!read_string (im, a.object, "parent", TRUE, &a.parent, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_string (im, a.object, "sector", FALSE, &a.sector, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_string (im, a.object, "country", FALSE, &a.country, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_string (im, a.object, "time_zone", FALSE, &a.time_zone, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_count (im, a.object, "year_established", 9999, &a.year, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_number (im, a.object, "revenue", FALSE, &a.revenue, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_count (im, a.object, "employees", G_MAXINT64, &a.employees, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_string (im, a.object, "owner", TRUE, &a.owner, SUBJECT_ACCOUNT, a.name, i, error) ||
          !read_one_of (im, a.object, "segment", segments, "normal", &a.segment, a.name, i, error) ||
          !read_one_of (im, a.object, "lifecycle", lifecycles, "development", &a.lifecycle, a.name, i, error) ||
          !read_string (im, a.object, "notes", FALSE, &a.notes, SUBJECT_ACCOUNT, a.name, i, error))
        return FALSE;
      if (a.owner && !g_hash_table_contains (im->person_index, a.owner))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, a.object, SUBJECT_ACCOUNT, a.name, i,
                _("the owner “%s” is not among the people"), a.owner);
          return FALSE;
        }
      if (g_hash_table_contains (im->account_index, a.name))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, a.object, SUBJECT_ACCOUNT, a.name, i,
                _("the name is used twice"));
          return FALSE;
        }
      g_hash_table_insert (im->account_index, (gpointer) a.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->accounts, a);
      if (!read_team (im, &a, i, error) ||
          !read_contacts (im, &a, i, error) ||
          !read_lines (im, &a, i, first_contact, error) ||
          !read_snapshots (im, &a, i, error) ||
          !read_plan (im, &a, i, first_contact, error) ||
          !read_scores (im, &a, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_opportunities (Import      *im,
                    JsonObject  *root,
                    GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!get_array (im, root, "opportunities", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Opportunity o = { json_array_get_object_element (array, i) };

      if (!read_name (im, o.object, "id", &o.ref, SUBJECT_OPPORTUNITY, i, error))
        return FALSE;
      if (!read_string (im, o.object, "account", TRUE, &o.account, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_string (im, o.object, "product", TRUE, &o.product, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_string (im, o.object, "owner", TRUE, &o.owner, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_string (im, o.object, "title", FALSE, &o.title, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_string (im, o.object, "stage", FALSE, &o.stage, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_number (im, o.object, "value", TRUE, &o.value, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_date (im, o.object, "engage_date", &o.engage_date, o.ref, i, error) ||
          !read_date (im, o.object, "close_date", &o.close_date, o.ref, i, error) ||
          !read_date (im, o.object, "expected_close_date", &o.expected_close_date, o.ref, i, error))
        return FALSE;
      if (o.account && !g_hash_table_contains (im->account_index, o.account))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                _("the account “%s” is not among the accounts"), o.account);
          return FALSE;
        }
      if (o.product && !g_hash_table_contains (im->product_index, o.product))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                _("the product “%s” is not among the products"), o.product);
          return FALSE;
        }
      if (o.owner && !g_hash_table_contains (im->person_index, o.owner))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                _("the owner “%s” is not among the people"), o.owner);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) o.ref))
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                _("the id is used twice"));
          return FALSE;
        }
      g_array_append_val (im->opportunities, o);
    }
  return TRUE;
}

/* The index of an element on a loop of next[] (-1 ends a chain), or -1 when
 * there is none. Walks each chain once, marking elements 1 (on the current
 * walk) and 2 (checked). */
static int
find_loop (const int *next,
           guint      n)
{
  g_autofree guint8 *mark = g_new0 (guint8, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (mark[j] == 0)
        {
          mark[j] = 1;
          if (next[j] < 0)
            break;
          j = next[j];
          if (mark[j] == 1)
            return j;
        }
      for (j = i; mark[j] == 1; )
        {
          mark[j] = 2;
          if (next[j] < 0)
            break;
          j = next[j];
        }
    }
  return -1;
}

/* Managers and parents must name someone listed and must not loop. */
static gboolean
check_chains (Import      *im,
              GError     **error)
{
  guint n_people = im->people->len, n_accounts = im->accounts->len;
  g_autofree int *managers = g_new (int, n_people + 1);
  g_autofree int *parents = g_new (int, n_accounts + 1);
  int loop;

  for (guint i = 0; i < n_people; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);
      /* An account document lists only some people: a manager outside it is
       * looked up in the workspace when written. */
      if (p->manager && !g_hash_table_contains (im->person_index, p->manager) && !im->account_mode)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, p->object, SUBJECT_PERSON, p->name, i,
                _("the manager “%s” is not among the people"), p->manager);
          return FALSE;
        }
      managers[i] = p->manager
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (im->person_index, p->manager)) - 1 : -1;
    }
  if ((loop = find_loop (managers, n_people)) >= 0)
    {
      Person *q = &g_array_index (im->people, Person, loop);
      fail (im, error, KS_IMPORT_ERROR_VALUE, q->object, SUBJECT_PERSON, q->name, loop,
            _("they are their own manager, directly or through others"));
      return FALSE;
    }

  for (guint i = 0; i < n_accounts; i++)
    {
      Account *a = &g_array_index (im->accounts, Account, i);
      if (a->parent && !g_hash_table_contains (im->account_index, a->parent) && !im->account_mode)
        {
          fail (im, error, KS_IMPORT_ERROR_VALUE, a->object, SUBJECT_ACCOUNT, a->name, i,
                _("the parent account “%s” is not among the accounts"), a->parent);
          return FALSE;
        }
      parents[i] = a->parent
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (im->account_index, a->parent)) - 1 : -1;
    }
  if ((loop = find_loop (parents, n_accounts)) >= 0)
    {
      Account *b = &g_array_index (im->accounts, Account, loop);
      fail (im, error, KS_IMPORT_ERROR_VALUE, b->object, SUBJECT_ACCOUNT, b->name, loop,
            _("it is its own parent, directly or through its subsidiaries"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_document (Import      *im,
               JsonNode    *root_node,
               GError     **error)
{
  JsonObject *root;
  JsonNode *node;
  gint64 version;

  if (!root_node)
    {
      fail (im, error, KS_IMPORT_ERROR_MALFORMED, NULL, SUBJECT_NONE, NULL, 0,
            _("the document is empty"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, NULL, SUBJECT_NONE, NULL, 0,
            _("this is not a Keystone workspace document (it is not a JSON object)"));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (!node || !holds_type (node, G_TYPE_STRING))
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("this is not a Keystone workspace document (“format” is not “%s”)"),
            im->account_mode ? ACCOUNT_FORMAT_TAG : FORMAT_TAG);
      return FALSE;
    }
  if (!im->account_mode && g_strcmp0 (json_node_get_string (node), ACCOUNT_FORMAT_TAG) == 0)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("this is one account’s document (“%s”), not a whole workspace; "
              "import it with “keystone-cli import account FILE”"), ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (im->account_mode && g_strcmp0 (json_node_get_string (node), FORMAT_TAG) == 0)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("this is a whole workspace (“%s”), not one account’s document (“%s”); "
              "import it with “keystone-cli import json FILE”"), FORMAT_TAG, ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (im->account_mode && g_strcmp0 (json_node_get_string (node), ACCOUNT_FORMAT_TAG) != 0)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("this is a “%s” document, not a Keystone account (“%s”)"),
            json_node_get_string (node), ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (!im->account_mode && g_strcmp0 (json_node_get_string (node), FORMAT_TAG) != 0)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("this is a “%s” document, not a Keystone workspace (“%s”)"),
            json_node_get_string (node), FORMAT_TAG);
      return FALSE;
    }
  node = json_object_get_member (root, "schema_version");
  if (!node || !holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("“schema_version” must be a whole number from 1"));
      return FALSE;
    }
  version = json_node_get_int (node);
  if (version > ks_workspace_latest_schema_version ())
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("the document was written by a newer version of Keystone (schema %lld, this version reads up to %u); update Keystone to import it"),
            (long long) version, ks_workspace_latest_schema_version ());
      return FALSE;
    }

  if (!im->account_mode && (!read_settings (im, root, error) || !read_scoring (im, root, error)))
    return FALSE;
  if (!read_people (im, root, error) ||
      !read_products (im, root, error) ||
      !read_accounts (im, root, error))
    return FALSE;
  if (im->account_mode && im->accounts->len != 1)
    {
      fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
            _("“accounts” must hold exactly one account (it holds %u)"), im->accounts->len);
      return FALSE;
    }
  return read_opportunities (im, root, error) &&
         check_chains (im, error);
}

/* Import: writing --------------------------------------------------------- */

static gint64
person_id (Import     *im,
           const char *name)
{
  guint slot = name ? GPOINTER_TO_UINT (g_hash_table_lookup (im->person_index, name)) : 0;
  return slot ? g_array_index (im->people, Person, slot - 1).id : 0;
}

static gint64
product_id (Import     *im,
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

static gboolean
step (KsWorkspace   *ws,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return ks_workspace_step_done (ws, stmt, _("import the workspace"), error);
}

static void
bind_count (sqlite3_stmt *stmt,
            int           idx,
            gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, idx, value);
  else
    sqlite3_bind_null (stmt, idx);
}

/* Each loop prepares its statement once; step () resets it after each row
 * and every row binds all parameters again. */
static gboolean
write_people (KsWorkspace  *ws,
              Import       *im,
              GError      **error)
{
  sqlite3 *db = ks_workspace_get_db (ws);
  sqlite3_stmt *stmt;

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
      if (!step (ws, stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);
    }
  if (!(stmt = ks_workspace_prepare (ws, "UPDATE people SET manager_id = ?2 WHERE id = ?1", error)))
    return FALSE;
  for (guint i = 0; i < im->people->len; i++)
    {
      Person *p = &g_array_index (im->people, Person, i);

      if (!p->manager)
        continue;
      sqlite3_bind_int64 (stmt, 1, p->id);
      ks_bind_id (stmt, 2, person_id (im, p->manager));
      if (!step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_products (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  sqlite3 *db = ks_workspace_get_db (ws);
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
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
      if (!step (ws, stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);
    }
  return TRUE;
}

static gboolean
write_accounts (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  sqlite3 *db = ks_workspace_get_db (ws);
  sqlite3_stmt *stmt;

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
      bind_count (stmt, 5, a->year);
      ks_bind_double_or_null (stmt, 6, a->revenue);
      bind_count (stmt, 7, a->employees);
      ks_bind_id (stmt, 8, person_id (im, a->owner));
      ks_bind_text (stmt, 9, a->segment);
      ks_bind_text (stmt, 10, a->lifecycle);
      ks_bind_text (stmt, 11, a->notes);
      if (!step (ws, stmt, error))
        return FALSE;
      a->id = sqlite3_last_insert_rowid (db);
    }
  if (!(stmt = ks_workspace_prepare (ws, "UPDATE accounts SET parent_id = ?2 WHERE id = ?1", error)))
    return FALSE;
  for (guint i = 0; i < im->accounts->len; i++)
    {
      Account *a = &g_array_index (im->accounts, Account, i);

      if (!a->parent)
        continue;
      sqlite3_bind_int64 (stmt, 1, a->id);
      ks_bind_id (stmt, 2, account_id (im, a->parent));
      if (!step (ws, stmt, error))
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

      sqlite3_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, m->account).id);
      sqlite3_bind_int64 (stmt, 2, person_id (im, m->person));
      sqlite3_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!step (ws, stmt, error))
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
      sqlite3_bind_int64 (stmt, 11, c->power);
      ks_bind_text (stmt, 12, c->relationship);
      ks_bind_text (stmt, 13, c->attitude);
      ks_bind_text (stmt, 14, c->level);
      sqlite3_bind_int (stmt, 15, c->roles);
      ks_bind_id (stmt, 16, person_id (im, c->owner));
      ks_bind_text_or_null (stmt, 17, c->last_contact);
      ks_bind_double_or_null (stmt, 18, c->x);
      ks_bind_double_or_null (stmt, 19, c->y);
      sqlite3_bind_int (stmt, 20, c->pinned ? 1 : 0);

      sqlite3_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, c->account).id);
      ks_bind_text (stmt, 2, c->name);
      ks_bind_text (stmt, 3, c->title);
      ks_bind_text (stmt, 4, c->department);
      ks_bind_text (stmt, 5, c->phone);
      ks_bind_text (stmt, 6, c->email);
      ks_bind_text (stmt, 7, c->channel);
      ks_bind_text (stmt, 8, c->time_zone);
      ks_bind_text (stmt, 9, c->notes);
      if (!step (ws, stmt, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (db);
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

      sqlite3_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, from->account).id);
      sqlite3_bind_int64 (stmt, 2, from->id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 4, l->kind);
      bind_count (stmt, 5, l->strength);
      if (!step (ws, stmt, error))
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

      sqlite3_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, snap->account).id);
      ks_bind_text (stmt, 2, snap->taken);
      ks_bind_text (stmt, 3, snap->label);
      ks_bind_text (stmt, 4, snap->data);
      if (!step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The plans, once people, products, accounts and contacts have their ids. */
static void
resolve_plan_refs (Import *im)
{
  for (guint i = 0; i < im->plan_refs->len; i++)
    {
      PlanRef *ref = &g_array_index (im->plan_refs, PlanRef, i);

      switch (ref->kind)
        {
        case KS_PLAN_KIND_PERSON:
          ref->value->id = person_id (im, ref->name);
          break;
        case KS_PLAN_KIND_PRODUCT:
          ref->value->id = product_id (im, ref->name);
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
  resolve_plan_refs (im);
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
  sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                             "INSERT INTO opportunities (ref, account_id, product_id,"
                                             "  owner_id, title, stage, value, engage_date, close_date,"
                                             "  expected_close_date)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                             error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i < im->opportunities->len; i++)
    {
      Opportunity *o = &g_array_index (im->opportunities, Opportunity, i);

      ks_bind_text (stmt, 1, o->ref);
      ks_bind_id (stmt, 2, account_id (im, o->account));
      ks_bind_id (stmt, 3, product_id (im, o->product));
      ks_bind_id (stmt, 4, person_id (im, o->owner));
      ks_bind_text (stmt, 5, o->title);
      ks_bind_text (stmt, 6, o->stage);
      ks_bind_double_or_null (stmt, 7, o->value);
      ks_bind_text_or_null (stmt, 8, o->engage_date);
      ks_bind_text_or_null (stmt, 9, o->close_date);
      ks_bind_text_or_null (stmt, 10, o->expected_close_date);
      if (!step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_settings (KsWorkspace  *ws,
                Import       *im,
                GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, "INSERT INTO settings (key, value) VALUES (?1, ?2)", error);

  if (!stmt)
    return FALSE;
  for (guint i = 0; i + 1 < im->settings->len; i += 2)
    {
      ks_bind_text (stmt, 1, g_ptr_array_index (im->settings, i));
      ks_bind_text (stmt, 2, g_ptr_array_index (im->settings, i + 1));
      if (!step (ws, stmt, error))
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
  sqlite3 *db = ks_workspace_get_db (ws);
  sqlite3_stmt *stmt;

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
          sqlite3_bind_double (stmt, 2, c->weight);
          sqlite3_bind_int64 (stmt, 3, i);
          if (!step (ws, stmt, error))
            return FALSE;
          c->id = sqlite3_last_insert_rowid (db);
        }
    }
  if (!(stmt = ks_workspace_prepare (ws, "INSERT INTO review_periods (name) VALUES (?1)", error)))
    return FALSE;
  for (guint i = 0; i < im->periods->len; i++)
    {
      PeriodIn *p = &g_array_index (im->periods, PeriodIn, i);

      ks_bind_text (stmt, 1, p->name);
      if (!step (ws, stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);
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
      sqlite3_bind_int64 (stmt, 1, g_array_index (im->accounts, Account, sc->account).id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (im->periods, PeriodIn, p - 1).id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (im->criteria, CriterionIn, c - 1).id);
      sqlite3_bind_double (stmt, 4, sc->score);
      ks_bind_text (stmt, 5, sc->explanation);
      if (!step (ws, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Import: one account into a workspace ------------------------------------ */

/* The row of "SELECT id, name ..." (bound by the caller) that is name:
 * exactly, else the only one equal ignoring case. *id = 0 when none. */
static gboolean
match_row (KsWorkspace   *ws,
           sqlite3_stmt  *stmt,
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
  while ((row = step_row (ws, stmt, error)) > 0)
    {
      const char *candidate = ks_column_text (stmt, 1);
      g_autofree char *candidate_folded = NULL;

      if (g_str_equal (candidate, name))
        {
          *id = sqlite3_column_int64 (stmt, 0);
          *local = g_strdup (candidate);
          sqlite3_reset (stmt);
          return TRUE;
        }
      candidate_folded = g_utf8_casefold (candidate, -1);
      if (g_str_equal (candidate_folded, folded) && n_folded++ == 0)
        {
          folded_id = sqlite3_column_int64 (stmt, 0);
          folded_name = g_strdup (candidate);
        }
    }
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, error);

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
  sqlite3 *db = ks_workspace_get_db (ws);
  g_autofree gboolean *created = g_new0 (gboolean, im->people->len + 1);
  sqlite3_stmt *stmt;

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
      if (!step (ws, stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (db);
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
      manager = person_id (im, p->manager);
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
      if (!(stmt = ks_workspace_prepare (ws, "UPDATE people SET manager_id = ?2 WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, manager);
      if (!step (ws, stmt, error))
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
  sqlite3_stmt *stmt;

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
      if (!step (ws, stmt, error))
        return FALSE;
      p->id = sqlite3_last_insert_rowid (ks_workspace_get_db (ws));
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
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, "SELECT parent_id FROM accounts WHERE id = ?1", error);
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
      sqlite3_bind_int64 (stmt, 1, id);
      if ((row = step_row (ws, stmt, error)) < 0)
        return FALSE;
      id = row > 0 ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt;

  if (!match_named (ws, "accounts", a->name, &a->id, &local, error))
    return FALSE;
  if (a->id)
    {
      /* The file's values win; the WHERE makes an unchanged row no change. */
      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE accounts SET sector = ?2, country = ?3, time_zone = ?4,"
                                         "  year_established = ?5, revenue = ?6, employees = ?7, owner_id = ?8,"
                                         "  segment = ?9, lifecycle = ?10, notes = ?11"
                                         " WHERE id = ?1 AND (sector IS NOT ?2 OR country IS NOT ?3"
                                         "  OR time_zone IS NOT ?4 OR year_established IS NOT ?5"
                                         "  OR revenue IS NOT ?6 OR employees IS NOT ?7 OR owner_id IS NOT ?8"
                                         "  OR segment IS NOT ?9 OR lifecycle IS NOT ?10 OR notes IS NOT ?11)",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
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
  bind_count (stmt, 5, a->year);
  ks_bind_double_or_null (stmt, 6, a->revenue);
  bind_count (stmt, 7, a->employees);
  ks_bind_id (stmt, 8, person_id (im, a->owner));
  ks_bind_text (stmt, 9, a->segment);
  ks_bind_text (stmt, 10, a->lifecycle);
  ks_bind_text (stmt, 11, a->notes);
  if (!step (ws, stmt, error))
    return FALSE;
  if (report->account_created)
    a->id = sqlite3_last_insert_rowid (ks_workspace_get_db (ws));
  else if (sqlite3_changes (ks_workspace_get_db (ws)) > 0)
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
                                     "UPDATE accounts SET parent_id = ?2 WHERE id = ?1 AND parent_id IS NOT ?2",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  ks_bind_id (stmt, 2, parent);
  if (!step (ws, stmt, error))
    return FALSE;
  if (!report->account_created && sqlite3_changes (ks_workspace_get_db (ws)) > 0)
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
  sqlite3 *db = ks_workspace_get_db (ws);

  for (guint i = 0; i < im->members->len; i++)
    {
      Member *m = &g_array_index (im->members, Member, i);
      gint64 person = person_id (im, m->person);
      sqlite3_stmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE account_team SET core = ?3, role = ?4"
                                         " WHERE account_id = ?1 AND person_id = ?2"
                                         "   AND (core IS NOT ?3 OR role IS NOT ?4)",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account);
      sqlite3_bind_int64 (stmt, 2, person);
      sqlite3_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        {
          report_add (report->team_updated, m->person);
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO account_team (account_id, person_id, core, role)"
                                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id, person_id) DO NOTHING",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account);
      sqlite3_bind_int64 (stmt, 2, person);
      sqlite3_bind_int (stmt, 3, m->core ? 1 : 0);
      ks_bind_text (stmt, 4, m->role);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
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
  sqlite3 *db = ks_workspace_get_db (ws);

  for (guint i = 0; i < im->contacts->len; i++)
    {
      Contact *c = &g_array_index (im->contacts, Contact, i);
      g_autofree char *local = NULL;
      sqlite3_stmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws, "SELECT id, name FROM contacts WHERE account_id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account);
      if (!match_row (ws, stmt, c->name, &c->id, &local, error))
        return FALSE;
      if (c->id)
        stmt = ks_workspace_prepare (ws,
                                     "UPDATE contacts SET name = ?2, title = ?3, department = ?4, phone = ?5,"
                                     "  email = ?6, channel = ?7, time_zone = ?8, notes = ?9, kind = ?10,"
                                     "  power = ?11, relationship = ?12, attitude = ?13, level = ?14,"
                                     "  roles = ?15, owner_id = ?16, last_contact = ?17, x = ?18, y = ?19,"
                                     "  pinned = ?20"
                                     " WHERE id = ?1 AND (name IS NOT ?2 OR title IS NOT ?3"
                                     "  OR department IS NOT ?4 OR phone IS NOT ?5 OR email IS NOT ?6"
                                     "  OR channel IS NOT ?7 OR time_zone IS NOT ?8 OR notes IS NOT ?9"
                                     "  OR kind IS NOT ?10 OR power IS NOT ?11 OR relationship IS NOT ?12"
                                     "  OR attitude IS NOT ?13 OR level IS NOT ?14 OR roles IS NOT ?15"
                                     "  OR owner_id IS NOT ?16 OR last_contact IS NOT ?17 OR x IS NOT ?18"
                                     "  OR y IS NOT ?19 OR pinned IS NOT ?20)",
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
      sqlite3_bind_int64 (stmt, 1, c->id ? c->id : account);
      ks_bind_text (stmt, 2, c->name);
      ks_bind_text (stmt, 3, c->title);
      ks_bind_text (stmt, 4, c->department);
      ks_bind_text (stmt, 5, c->phone);
      ks_bind_text (stmt, 6, c->email);
      ks_bind_text (stmt, 7, c->channel);
      ks_bind_text (stmt, 8, c->time_zone);
      ks_bind_text (stmt, 9, c->notes);
      ks_bind_text (stmt, 10, c->kind);
      sqlite3_bind_int64 (stmt, 11, c->power);
      ks_bind_text (stmt, 12, c->relationship);
      ks_bind_text (stmt, 13, c->attitude);
      ks_bind_text (stmt, 14, c->level);
      sqlite3_bind_int (stmt, 15, c->roles);
      ks_bind_id (stmt, 16, person_id (im, c->owner));
      ks_bind_text_or_null (stmt, 17, c->last_contact);
      ks_bind_double_or_null (stmt, 18, c->x);
      ks_bind_double_or_null (stmt, 19, c->y);
      sqlite3_bind_int (stmt, 20, c->pinned ? 1 : 0);
      if (!step (ws, stmt, error))
        return FALSE;
      if (!c->id)
        {
          c->id = sqlite3_last_insert_rowid (db);
          report_add (report->contacts_created, c->name);
        }
      else if (sqlite3_changes (db) > 0)
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
  sqlite3 *db = ks_workspace_get_db (ws);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

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
      sqlite3_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, i).id);
      while ((row = step_row (ws, stmt, error)) > 0)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                                  g_array_index (im->contacts, Contact, i).id,
                                                  (gint64) sqlite3_column_int64 (stmt, 1),
                                                  ks_column_text (stmt, 2));
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (!g_hash_table_contains (wanted, key))
            g_array_append_val (doomed, id);
        }
      if (row < 0)
        return FALSE;
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < doomed->len; i++)
    {
      if (!(stmt = ks_workspace_prepare (ws, "DELETE FROM contact_lines WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (doomed, gint64, i));
      if (!step (ws, stmt, error))
        return FALSE;
      report->lines_removed++;
    }

  for (guint i = 0; i < im->lines->len; i++)
    {
      Line *l = &g_array_index (im->lines, Line, i);

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE contact_lines SET strength = ?4"
                                         " WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3 AND strength IS NOT ?4",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, l->from).id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 3, l->kind);
      bind_count (stmt, 4, l->strength);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        {
          report->lines_updated++;
          continue;
        }
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO contact_lines (account_id, from_id, to_id, kind, strength)"
                                         " VALUES (?5, ?1, ?2, ?3, ?4) ON CONFLICT (from_id, to_id, kind) DO NOTHING",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (im->contacts, Contact, l->from).id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (im->contacts, Contact, l->to).id);
      ks_bind_text (stmt, 3, l->kind);
      bind_count (stmt, 4, l->strength);
      sqlite3_bind_int64 (stmt, 5, account);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        report->lines_added++;
    }

  /* A contact the file made a competitor or third party keeps influence lines only. */
  if (!(stmt = ks_workspace_prepare (ws,
                                     "DELETE FROM contact_lines WHERE account_id = ?1 AND kind != 'influence'"
                                     "  AND (from_id IN (SELECT id FROM contacts WHERE account_id = ?1 AND kind != 'contact')"
                                     "    OR to_id IN (SELECT id FROM contacts WHERE account_id = ?1 AND kind != 'contact'))",
                                     error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account);
  if (!step (ws, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) > 0)
    {
      report->lines_removed += sqlite3_changes (db);
      report_warn (report, _("%d reporting lines of “%s” were removed: they joined a competitor or third party"),
                   sqlite3_changes (db), report->account);
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
      sqlite3_stmt *stmt = ks_workspace_prepare (ws,
                                                 "INSERT INTO map_snapshots (account_id, taken, label, data)"
                                                 " SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM map_snapshots"
                                                 "   WHERE account_id = ?1 AND taken = ?2 AND label = ?3 AND data = ?4)",
                                                 error);

      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account);
      ks_bind_text (stmt, 2, snap->taken);
      ks_bind_text (stmt, 3, snap->label);
      ks_bind_text (stmt, 4, snap->data);
      if (!step (ws, stmt, error))
        return FALSE;
      report->snapshots_added += sqlite3_changes (ks_workspace_get_db (ws));
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

  resolve_plan_refs (im);
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
bind_opportunity (sqlite3_stmt *stmt,
                  Import       *im,
                  Opportunity  *o,
                  gint64        account)
{
  ks_bind_text (stmt, 1, o->ref);
  ks_bind_id (stmt, 2, o->account ? account : 0);
  ks_bind_id (stmt, 3, product_id (im, o->product));
  ks_bind_id (stmt, 4, person_id (im, o->owner));
  ks_bind_text (stmt, 5, o->title);
  ks_bind_text (stmt, 6, o->stage);
  ks_bind_double_or_null (stmt, 7, o->value);
  ks_bind_text_or_null (stmt, 8, o->engage_date);
  ks_bind_text_or_null (stmt, 9, o->close_date);
  ks_bind_text_or_null (stmt, 10, o->expected_close_date);
}

static gboolean
merge_opportunities (KsWorkspace            *ws,
                     Import                 *im,
                     KsAccountImportReport  *report,
                     GError                **error)
{
  gint64 account = g_array_index (im->accounts, Account, 0).id;
  sqlite3 *db = ks_workspace_get_db (ws);

  for (guint i = 0; i < im->opportunities->len; i++)
    {
      Opportunity *o = &g_array_index (im->opportunities, Opportunity, i);
      sqlite3_stmt *stmt;

      if (!(stmt = ks_workspace_prepare (ws,
                                         "UPDATE opportunities SET account_id = ?2, product_id = ?3,"
                                         "  owner_id = ?4, title = ?5, stage = ?6, value = ?7,"
                                         "  engage_date = ?8, close_date = ?9, expected_close_date = ?10"
                                         " WHERE ref = ?1 AND (account_id IS NOT ?2 OR product_id IS NOT ?3"
                                         "  OR owner_id IS NOT ?4 OR title IS NOT ?5 OR stage IS NOT ?6"
                                         "  OR value IS NOT ?7 OR engage_date IS NOT ?8 OR close_date IS NOT ?9"
                                         "  OR expected_close_date IS NOT ?10)",
                                         error)))
        return FALSE;
      bind_opportunity (stmt, im, o, account);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        {
          report_add (report->opportunities_updated, o->ref);
          continue;
        }
      /* Unchanged when the id is there already. */
      if (!(stmt = ks_workspace_prepare (ws,
                                         "INSERT INTO opportunities (ref, account_id, product_id,"
                                         "  owner_id, title, stage, value, engage_date, close_date,"
                                         "  expected_close_date)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                                         " ON CONFLICT (ref) DO NOTHING",
                                         error)))
        return FALSE;
      bind_opportunity (stmt, im, o, account);
      if (!step (ws, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) > 0)
        report_add (report->opportunities_created, o->ref);
    }
  return TRUE;
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
  sqlite3 *db = ks_workspace_get_db (ws);

  if (im->scores->len == 0)
    return TRUE;
  if (!(criteria = ks_criteria_list (ws, error)))
    return FALSE;
  for (guint i = 0; i < im->scores->len; i++)
    {
      ScoreIn *sc = &g_array_index (im->scores, ScoreIn, i);
      KsCriterion *c = ks_criteria_find (criteria, sc->criterion);
      sqlite3_stmt *stmt;
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
                                         " WHERE account_scores.score IS NOT excluded.score"
                                         "    OR account_scores.explanation IS NOT excluded.explanation",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account);
      sqlite3_bind_int64 (stmt, 2, period);
      sqlite3_bind_int64 (stmt, 3, c->id);
      sqlite3_bind_double (stmt, 4, sc->score);
      ks_bind_text (stmt, 5, sc->explanation);
      if (!step (ws, stmt, error))
        return FALSE;
      report->scores_updated += sqlite3_changes (db);
    }
  return TRUE;
}

static gboolean
write_account_document (KsWorkspace            *ws,
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
      if (!ks_workspace_exec (ws, "DELETE FROM account_scores", error) ||
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
         write_opportunities (ws, im, error) &&
         write_scoring (ws, im, error);
}

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
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  Import im;
  gboolean ok;

  import_init (&im, origin);
  im.account_mode = report != NULL;

  /* A byte order mark is allowed and skipped. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!check_text (&im, data, length, error))
    {
      import_clear (&im);
      return FALSE;
    }

  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &im);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &im);
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: reason"; name the file instead. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      if (origin)
        g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED, "%s:%s", origin, message);
      else
        g_set_error_literal (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED, message);
      import_clear (&im);
      return FALSE;
    }
  g_signal_handlers_disconnect_by_data (parser, &im);

  ok = read_document (&im, json_parser_get_root (parser), error);
  if (ok)
    {
      if (!ks_workspace_begin (ws, label, error))
        ok = FALSE;
      else if (report ? !write_account_document (ws, &im, report, error)
                      : !write_document (ws, &im, replace, error))
        {
          ks_workspace_rollback (ws);
          ok = FALSE;
        }
      else
        ok = ks_workspace_commit (ws, error);
    }

  import_clear (&im);
  return ok;
}

/* Public API -------------------------------------------------------------- */

/* The ids of the people and products one account's document refers to. */
static gboolean
collect_ids (KsWorkspace  *ws,
             const char   *sql,
             gint64        account_id,
             GHashTable   *ids,
             GError      **error)
{
  sqlite3_stmt *stmt = ks_workspace_prepare (ws, sql, error);
  int row;

  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((row = step_row (ws, stmt, error)) > 0)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_hash_table_add (ids, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  if (row < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
collect_plan_ids (const KsPlanField *fields,
                  guint              n_fields,
                  const KsPlanValue *values,
                  Writer            *w)
{
  for (guint i = 0; i < n_fields; i++)
    if (values[i].id > 0 && fields[i].kind == KS_PLAN_KIND_PERSON)
      g_hash_table_add (w->people, GINT_TO_POINTER (values[i].id));
    else if (values[i].id > 0 && fields[i].kind == KS_PLAN_KIND_PRODUCT)
      g_hash_table_add (w->products, GINT_TO_POINTER (values[i].id));
}

static gboolean
collect_scope (KsWorkspace  *ws,
               Writer       *w,
               GError      **error)
{
  const KsPlanField *fields;
  guint n_fields;
  KsPlan *plan;

  /* Our people: the account's owner and team, the contacts' and the
   * opportunities' owners, the plan's people; the products of the
   * opportunities and of the plan. */
  if (!collect_ids (ws, "SELECT owner_id FROM accounts WHERE id = ?1"
                        " UNION SELECT person_id FROM account_team WHERE account_id = ?1"
                        " UNION SELECT owner_id FROM contacts WHERE account_id = ?1"
                        " UNION SELECT owner_id FROM opportunities WHERE account_id = ?1",
                    w->account, w->people, error) ||
      !collect_ids (ws, "SELECT product_id FROM opportunities WHERE account_id = ?1",
                    w->account, w->products, error) ||
      !(plan = ks_plan_load (ws, w->account, error)))
    return FALSE;
  fields = ks_plan_fields (&n_fields);
  collect_plan_ids (fields, n_fields, plan->values, w);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    for (guint i = 0; plan->items[l] && i < plan->items[l]->len; i++)
      collect_plan_ids (ks_plan_list_info (l)->fields, ks_plan_list_info (l)->n_fields,
                        ((KsPlanItem *) g_ptr_array_index (plan->items[l], i))->values, w);
  ks_plan_free (plan);

  /* And their managers, up each chain, so that no manager is lost on the way. */
  for (gboolean grew = TRUE; grew; )
    {
      g_autoptr(GList) ids = g_hash_table_get_keys (w->people);
      guint before = g_hash_table_size (w->people);

      for (GList *l = ids; l; l = l->next)
        if (!collect_ids (ws, "SELECT manager_id FROM people WHERE id = ?1",
                          (gint64) (gintptr) l->data, w->people, error))
          return FALSE;
      grew = g_hash_table_size (w->people) > before;
    }
  return TRUE;
}

/* The whole workspace, or (account_id > 0) one account's document. */
static char *
export_document (KsWorkspace  *workspace,
                 gint64        account_id,
                 GError      **error)
{
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) products = NULL;
  g_autofree char *text = NULL;
  Writer w;
  gboolean ok;

  /* One read transaction, so the document is one consistent snapshot. */
  if (!ks_workspace_exec (workspace, "SAVEPOINT ks_json_export", error))
    return NULL;
  writer_init (&w);

  if (account_id > 0)
    {
      w.account = account_id;
      w.people = people = g_hash_table_new (NULL, NULL);
      w.products = products = g_hash_table_new (NULL, NULL);
      ok = collect_scope (workspace, &w, error);
    }
  else
    ok = TRUE;

  writer_open (&w, NULL, '{');
  write_text_member (&w, "format", account_id > 0 ? ACCOUNT_FORMAT_TAG : FORMAT_TAG);
  writer_item (&w, "schema_version");
  g_string_append_printf (w.out, "%u", ks_workspace_get_schema_version (workspace));
  ok = ok &&
       (account_id > 0 || export_settings (workspace, &w, error)) &&
       export_people (workspace, &w, error) &&
       export_products (workspace, &w, error) &&
       export_accounts (workspace, &w, error) &&
       export_opportunities (workspace, &w, error) &&
       (account_id > 0 || export_scoring (workspace, &w, error));
  writer_close (&w, '}');
  text = writer_finish (&w);

  if (!ok)
    {
      sqlite3_exec (ks_workspace_get_db (workspace), "ROLLBACK TO ks_json_export; RELEASE ks_json_export",
                    NULL, NULL, NULL);
      return NULL;
    }
  if (!ks_workspace_exec (workspace, "RELEASE ks_json_export", error))
    return NULL;
  return g_steal_pointer (&text);
}

char *
ks_json_export (KsWorkspace  *workspace,
                GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  return export_document (workspace, 0, error);
}

char *
ks_json_export_account (KsWorkspace  *workspace,
                        gint64        account_id,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int row;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (account_id > 0, NULL);

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT 1 FROM accounts WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if ((row = step_row (workspace, stmt, error)) < 0)
    return NULL;
  sqlite3_reset (stmt);
  if (row == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no account with id %" G_GINT64_FORMAT), account_id);
      return NULL;
    }
  return export_document (workspace, account_id, error);
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
static void
report_reset (KsAccountImportReport *report)
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

static void
write_names (Writer     *w,
             const char *key,
             GPtrArray  *names)
{
  writer_open (w, key, '[');
  for (guint i = 0; i < names->len; i++)
    {
      writer_item (w, NULL);
      ks_json_append_string (w->out, g_ptr_array_index (names, i));
    }
  writer_close (w, ']');
}

static void
write_bool_member (Writer     *w,
                   const char *key,
                   gboolean    value)
{
  writer_item (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_count_member (Writer     *w,
                    const char *key,
                    guint       value)
{
  writer_item (w, key);
  g_string_append_printf (w->out, "%u", value);
}

char *
ks_account_import_report_to_json (const KsAccountImportReport *report)
{
  Writer w;

  g_return_val_if_fail (report != NULL, NULL);

  writer_init (&w);
  writer_open (&w, NULL, '{');
  write_text_member (&w, "account", report->account);
  writer_open (&w, "created", '{');
  write_bool_member (&w, "account", report->account_created);
  write_names (&w, "people", report->people_created);
  write_names (&w, "products", report->products_created);
  write_names (&w, "contacts", report->contacts_created);
  write_names (&w, "team", report->team_added);
  write_names (&w, "opportunities", report->opportunities_created);
  write_count_member (&w, "lines", report->lines_added);
  write_count_member (&w, "snapshots", report->snapshots_added);
  writer_close (&w, '}');
  writer_open (&w, "matched", '{');
  write_bool_member (&w, "account", !report->account_created);
  write_names (&w, "people", report->people_matched);
  write_names (&w, "products", report->products_matched);
  writer_close (&w, '}');
  writer_open (&w, "updated", '{');
  write_bool_member (&w, "account", report->account_updated);
  write_names (&w, "contacts", report->contacts_updated);
  write_names (&w, "team", report->team_updated);
  write_names (&w, "opportunities", report->opportunities_updated);
  write_count_member (&w, "lines", report->lines_updated);
  write_bool_member (&w, "plan", report->plan_replaced);
  write_count_member (&w, "scores", report->scores_updated);
  writer_close (&w, '}');
  writer_open (&w, "removed", '{');
  write_count_member (&w, "lines", report->lines_removed);
  writer_close (&w, '}');
  write_names (&w, "warnings", report->warnings);
  writer_close (&w, '}');
  return writer_finish (&w);
}

gboolean
ks_json_export_to_file (KsWorkspace  *workspace,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = ks_json_export (workspace, error)))
    return FALSE;
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_IO,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
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
  report_reset (report);
  if (length < 0)
    length = strlen (data);
  ok = import_data (workspace, data ? data : "", length, origin, FALSE,
                    _("Import Account"), report, error);
  if (!ok)
    report_reset (report);
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
