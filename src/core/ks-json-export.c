/* ks-json-export.c — the whole workspace, or one account's handover document, as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes the document itself rather than through JsonGenerator: the
 * generator of json-glib 1.6 prints 49.9 as 49.899999999999999 and 1e20 as
 * "1e+20.0" (not JSON), and puts a space before each colon. Here numbers are
 * the shortest text that reads back as the same double, keys keep a fixed
 * order and arrays are sorted, so export → import → export gives the same bytes.
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ks-json-private.h"
#include "ks-json-writer.h"
#include "ks-map-snapshot.h"
#include "ks-powermap-types.h"
#include "ks-raci.h"

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
                  KsStmt *stmt,
                  int           col)
{
  const char *text = ks_stmt_column_text (stmt, col);

  writer_item (w, key);
  if (text && *text)
    ks_json_append_string (w->out, text);
  else
    g_string_append (w->out, "null");
}

static void
write_real_member (Writer       *w,
                   const char   *key,
                   KsStmt *stmt,
                   int           col)
{
  writer_item (w, key);
  ks_json_append_double (w->out, ks_column_double_or_nan (stmt, col));
}

static void
write_int_member (Writer       *w,
                  const char   *key,
                  KsStmt *stmt,
                  int           col)
{
  writer_item (w, key);
  if (ks_stmt_column_is_null (stmt, col))
    g_string_append (w->out, "null");
  else
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) ks_stmt_column_int64 (stmt, col));
}

/* Steps stmt: 1 for a row, 0 when done, -1 (error set, stmt reset) on failure. */
int
ks_json_step_row (KsWorkspace   *ws,
                  KsStmt  *stmt,
                  GError       **error)
{
  int rc = ks_stmt_step (stmt);

  if (rc == KS_STEP_ROW)
    return 1;
  if (rc == KS_STEP_DONE)
    return 0;
  ks_workspace_set_sql_error (ws, error, _("export the workspace"));
  ks_stmt_reset (stmt);
  return -1;
}

static gboolean
export_settings (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, "SELECT key, value FROM settings ORDER BY key", error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "settings", '{');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    write_text_member (w, ks_column_text (stmt, 0), ks_column_text (stmt, 1));
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, '}');
  return TRUE;
}

static gboolean
export_people (KsWorkspace  *ws,
               Writer       *w,
               GError      **error)
{
  static const char *const keys[] = { "name", "title", "phone", "email", "team", "region", "area" };
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT p.name, p.title, p.phone, p.email, p.team, p.region,"
                                             "       p.area, m.name, p.id"
                                             "  FROM people p LEFT JOIN people m ON m.id = p.manager_id"
                                             " ORDER BY p.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "people", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (w->people && !g_hash_table_contains (w->people, GINT_TO_POINTER (ks_stmt_column_int64 (stmt, 8))))
        continue;
      writer_open (w, NULL, '{');
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        write_text_member (w, keys[i], ks_column_text (stmt, i));
      write_ref_member (w, "manager", stmt, 7);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_products (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT name, series, price, id FROM products ORDER BY name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "products", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (w->products && !g_hash_table_contains (w->products, GINT_TO_POINTER (ks_stmt_column_int64 (stmt, 3))))
        continue;
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      write_text_member (w, "series", ks_column_text (stmt, 1));
      write_real_member (w, "price", stmt, 2);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_team (KsWorkspace  *ws,
                     Writer       *w,
                     gint64        account_id,
                     GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT p.name, t.core, t.role"
                                             "  FROM account_team t JOIN people p ON p.id = t.person_id"
                                             " WHERE t.account_id = ?1"
                                             " ORDER BY p.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  writer_open (w, "team", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "person", ks_column_text (stmt, 0));
      writer_item (w, "core");
      g_string_append (w->out, ks_stmt_column_int (stmt, 1) ? "true" : "false");
      write_text_member (w, "role", ks_column_text (stmt, 2));
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
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
  KsStmt *stmt = ks_workspace_prepare (ws,
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
  ks_stmt_bind_int64 (stmt, 1, account_id);
  writer_open (w, "contacts", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      guint roles = ks_stmt_column_int (stmt, 13);

      writer_open (w, NULL, '{');
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        write_text_member (w, keys[i], ks_column_text (stmt, i));
      /* 1 high ... 3 low; null when not known. */
      writer_item (w, "power");
      if (ks_stmt_column_int (stmt, 12) > 0)
        g_string_append_printf (w->out, "%d", ks_stmt_column_int (stmt, 12));
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
      g_string_append (w->out, ks_stmt_column_int (stmt, 18) ? "true" : "false");
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_lines (KsWorkspace  *ws,
                      Writer       *w,
                      gint64        account_id,
                      GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
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
  ks_stmt_bind_int64 (stmt, 1, account_id);
  writer_open (w, "lines", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
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
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_account_snapshots (KsWorkspace  *ws,
                          Writer       *w,
                          gint64        account_id,
                          GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT taken, label, data FROM map_snapshots"
                                             " WHERE account_id = ?1 ORDER BY taken, id",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  writer_open (w, "snapshots", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      g_autoptr(GArray) nodes = ks_map_node_states_from_json (ks_column_text (stmt, 2), error);

      if (!nodes)
        {
          ks_stmt_reset (stmt);
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
  ks_stmt_reset (stmt);
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
  KsStmt *stmt = ks_workspace_prepare (ws, sql, error);
  int row;

  *out = NULL;
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, id);
  if (kind == KS_PLAN_KIND_CONTACT)
    ks_stmt_bind_int64 (stmt, 2, account_id);
  if ((row = ks_json_step_row (ws, stmt, error)) < 0)
    return FALSE;
  if (row > 0)
    *out = g_strdup (ks_column_text (stmt, 0));
  ks_stmt_reset (stmt);
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
  KsStmt *stmt = ks_workspace_prepare (ws,
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
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
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
  ks_stmt_reset (stmt);
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
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT name, weight FROM score_criteria ORDER BY position, id",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "criteria", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      write_real_member (w, "weight", stmt, 1);
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');

  if (!(stmt = ks_workspace_prepare (ws, "SELECT name FROM review_periods ORDER BY name, id", error)))
    return FALSE;
  writer_open (w, "review_periods", '[');
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      writer_open (w, NULL, '{');
      write_text_member (w, "name", ks_column_text (stmt, 0));
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

/* "raci": every chart with its columns, phases, tasks and letters (whole
 * workspace only; the shape is ks-json-raci.c's). */
static gboolean
export_raci (KsWorkspace  *ws,
             Writer       *w,
             GError      **error)
{
  g_autoptr(GPtrArray) list = ks_raci_chart_list (ws, 0, error);

  if (!list)
    return FALSE;
  writer_open (w, "raci", '[');
  for (guint i = 0; i < list->len; i++)
    {
      KsRaciChartInfo *info = g_ptr_array_index (list, i);
      g_autoptr(KsRaciChart) chart = ks_raci_chart_load (ws, info->id, 0, error);
      guint nc, t = 0;

      if (!chart)
        return FALSE;
      nc = chart->columns->len;
      writer_open (w, NULL, '{');
      write_text_member (w, "name", chart->name);
      write_text_member (w, "scope", ks_raci_scope_name (chart->scope));
      writer_item (w, "account");
      if (chart->scope == KS_RACI_SCOPE_ACCOUNT && chart->account_name)
        ks_json_append_string (w->out, chart->account_name);
      else
        g_string_append (w->out, "null");
      writer_item (w, "arsci");
      g_string_append (w->out, chart->arsci ? "true" : "false");
      writer_open (w, "columns", '[');
      for (guint c = 0; c < nc; c++)
        {
          KsRaciColumn *column = g_ptr_array_index (chart->columns, c);
          writer_open (w, NULL, '{');
          if (column->person_id > 0)
            write_text_member (w, "person", column->label);
          else
            write_text_member (w, "role", column->role);
          writer_close (w, '}');
        }
      writer_close (w, ']');
      writer_open (w, "phases", '[');
      for (guint p = 0; p < chart->phases->len; p++)
        {
          writer_open (w, NULL, '{');
          write_text_member (w, "name", ((KsRaciPhase *) g_ptr_array_index (chart->phases, p))->name);
          writer_open (w, "tasks", '[');
          for (; t < chart->tasks->len && ((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->phase == p; t++)
            {
              g_autofree char *letters = g_new0 (char, nc + 1);
              int main = -1;

              for (guint c = 0; c < nc; c++)
                {
                  KsRaciLetter l = ks_raci_chart_get (chart, t, c);
                  letters[c] = l ? (char) l : '.';
                  if (l == KS_RACI_R && chart->main[t * nc + c])
                    main = c;
                }
              writer_open (w, NULL, '{');
              write_text_member (w, "name", ((KsRaciTask *) g_ptr_array_index (chart->tasks, t))->name);
              write_text_member (w, "letters", letters);
              writer_item (w, "main");
              if (main >= 0)
                g_string_append_printf (w->out, "%d", main);
              else
                g_string_append (w->out, "null");
              writer_close (w, '}');
            }
          writer_close (w, ']');
          writer_close (w, '}');
        }
      writer_close (w, ']');
      writer_close (w, '}');
    }
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_accounts (KsWorkspace  *ws,
                 Writer       *w,
                 GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
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
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (w->account && ks_stmt_column_int64 (stmt, 0) != w->account)
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
      if (!export_account_team (ws, w, ks_stmt_column_int64 (stmt, 0), error) ||
          !export_account_contacts (ws, w, ks_stmt_column_int64 (stmt, 0), error) ||
          !export_account_lines (ws, w, ks_stmt_column_int64 (stmt, 0), error) ||
          !export_account_snapshots (ws, w, ks_stmt_column_int64 (stmt, 0), error) ||
          !export_account_plan (ws, w, ks_stmt_column_int64 (stmt, 0), error) ||
          !export_account_scores (ws, w, ks_stmt_column_int64 (stmt, 0), error))
        {
          ks_stmt_reset (stmt);
          return FALSE;
        }
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

static gboolean
export_opportunities (KsWorkspace  *ws,
                      Writer       *w,
                      GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws,
                                             "SELECT o.ref, a.name, pr.name, pe.name, o.title, o.stage,"
                                             "       o.value, o.engage_date, o.close_date,"
                                             "       o.expected_close_date, o.account_id, o.id,"
                                             "       o.stage_date, o.momentum, o.last_activity"
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
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    {
      if (w->account && ks_stmt_column_int64 (stmt, 10) != w->account)
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
      write_ref_member (w, "stage_date", stmt, 12);
      write_text_member (w, "momentum", ks_column_text (stmt, 13));
      write_ref_member (w, "last_activity", stmt, 14);
      if (!ks_json_export_opportunity_funnel (ws, w->json, ks_stmt_column_int64 (stmt, 11), error))
        {
          ks_stmt_reset (stmt);
          return FALSE;
        }
      writer_close (w, '}');
    }
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
  writer_close (w, ']');
  return TRUE;
}

/* The ids of the people and products one account's document refers to. */
static gboolean
collect_ids (KsWorkspace  *ws,
             const char   *sql,
             gint64        account_id,
             GHashTable   *ids,
             GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (ws, sql, error);
  int row;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((row = ks_json_step_row (ws, stmt, error)) > 0)
    if (!ks_stmt_column_is_null (stmt, 0))
      g_hash_table_add (ids, GINT_TO_POINTER (ks_stmt_column_int64 (stmt, 0)));
  if (row < 0)
    return FALSE;
  ks_stmt_reset (stmt);
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
  if (!ks_workspace_begin_read (workspace, error))
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
       (account_id > 0 || ks_json_export_funnel (workspace, w.json, error)) &&
       (account_id > 0 || (export_scoring (workspace, &w, error) && export_raci (workspace, &w, error))) &&
       (account_id > 0 || ks_json_export_meetings (workspace, w.json, error));
  writer_close (&w, '}');
  text = writer_finish (&w);

  if (!ks_workspace_end_read (workspace, ok ? error : NULL) || !ok)
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
  KsStmt *stmt;
  int row;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (account_id > 0, NULL);

  if (!(stmt = ks_workspace_prepare (workspace, "SELECT 1 FROM accounts WHERE id = ?1", error)))
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if ((row = ks_json_step_row (workspace, stmt, error)) < 0)
    return NULL;
  ks_stmt_reset (stmt);
  if (row == 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no account with id %" PRId64), account_id);
      return NULL;
    }
  return export_document (workspace, account_id, error);
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
