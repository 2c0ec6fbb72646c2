/* ks-coverage.c — coverage checks of an account's power map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ks-coverage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ks-coverage.h"
#include "ks-workspace-private.h"

static void
finding_free (gpointer data)
{
  KsCoverageFinding *f = data;

  g_free (f->kind);
  g_free (f->contact);
  g_free (f->message);
  g_free (f);
}

G_GNUC_PRINTF (4, 5)
static void
add_finding (GPtrArray  *findings,
             const char *kind,
             const KsCoverageNode *node,
             const char *format,
             ...)
{
  KsCoverageFinding *f = g_new0 (KsCoverageFinding, 1);
  va_list args;

  f->kind = g_strdup (kind);
  f->contact_id = node ? node->id : 0;
  f->contact = g_strdup (node && node->name ? node->name : "");
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, f);
}

static gboolean
is_key_contact (const KsCoverageNode *n)
{
  return n->kind == KS_NODE_CONTACT && n->power == KS_POWER_HIGH;
}

static const char *
owner_text (const KsCoverageNode *n)
{
  return n->owner_name && *n->owner_name ? n->owner_name : _("one person");
}

/* The node a line end names, or NULL. */
static const KsCoverageNode *
find_node (const KsCoverageNode *nodes,
           guint                 n_nodes,
           GHashTable           *by_id,
           gint64                id)
{
  gpointer slot = g_hash_table_lookup (by_id, &id);

  return slot ? &nodes[GPOINTER_TO_UINT (slot) - 1] : NULL;
}

static void
check_single_threaded (GPtrArray            *findings,
                       const KsCoverageNode *nodes,
                       guint                 n_nodes)
{
  const KsCoverageNode *key_owner = NULL, *any_owner = NULL;
  guint n_key = 0, n_owned = 0;
  gboolean key_shared = FALSE, all_shared = FALSE;

  for (guint i = 0; i < n_nodes; i++)
    {
      const KsCoverageNode *n = &nodes[i];

      if (n->kind != KS_NODE_CONTACT || n->owner_id <= 0)
        continue;
      n_owned++;
      if (!any_owner)
        any_owner = n;
      else if (any_owner->owner_id != n->owner_id)
        all_shared = TRUE;
      if (n->power == KS_POWER_HIGH)
        {
          n_key++;
          if (!key_owner)
            key_owner = n;
          else if (key_owner->owner_id != n->owner_id)
            key_shared = TRUE;
        }
    }

  if (n_key >= 2 && !key_shared)
    add_finding (findings, "single-threaded", NULL,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s owns the relationship with %u high-power contact",
                              "%s owns every relationship with a high-power contact (%u); "
                              "a second person of ours should know them too",
                              n_key),
                 owner_text (key_owner), n_key);
  else if (n_owned >= 2 && !all_shared)
    add_finding (findings, "single-threaded", NULL,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s owns the relationship with %u contact on this account",
                              "%s owns all %u relationships on this account; "
                              "a second person of ours should know them too",
                              n_owned),
                 owner_text (any_owner), n_owned);
}

/**
 * ks_coverage_check:
 *
 * Returns: (transfer full): the findings, see ks-coverage.h
 */
KsCoverageReport *
ks_coverage_check (const KsCoverageNode *nodes,
                   guint                 n_nodes,
                   const KsCoverageLine *lines,
                   guint                 n_lines,
                   const char           *today,
                   guint                 max_days)
{
  g_autoptr(KsCoverageReport) report = g_new0 (KsCoverageReport, 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *f;
  GDate now;

  g_return_val_if_fail (n_nodes == 0 || nodes != NULL, NULL);
  g_return_val_if_fail (n_lines == 0 || lines != NULL, NULL);
  g_return_val_if_fail (ks_iso_date_parse (today, &now), NULL);

  if (max_days == 0)
    max_days = KS_COVERAGE_DEFAULT_MAX_DAYS;
  report->findings = f = g_ptr_array_new_with_free_func (finding_free);

  for (guint i = 0; i < n_nodes; i++)
    {
      if (!g_hash_table_contains (by_id, &nodes[i].id))
        g_hash_table_insert (by_id, (gpointer) &nodes[i].id, GUINT_TO_POINTER (i + 1));
      if (nodes[i].kind == KS_NODE_CONTACT)
        {
          report->contacts++;
          if (nodes[i].owner_id > 0)
            g_hash_table_add (owners, (gpointer) &nodes[i].owner_id);
        }
    }
  report->owners = g_hash_table_size (owners);

  /* An empty map is not a covered account. */
  if (report->contacts == 0)
    add_finding (f, "no-contact", NULL, "%s",
                 _("No contact is known; add the customer’s people to the power map"));

  for (guint i = 0; i < n_nodes; i++)
    {
      const KsCoverageNode *n = &nodes[i];

      if (!is_key_contact (n))
        continue;
      if (n->relationship == KS_RELATIONSHIP_POOR)
        add_finding (f, "poor-relationship", n,
                     _("%s has high decision power, but our relationship is poor"), n->name);
      else if (n->relationship == KS_RELATIONSHIP_UNKNOWN)
        add_finding (f, "poor-relationship", n,
                     _("%s has high decision power, but our relationship is unknown"), n->name);
    }

  for (guint i = 0; i < n_nodes; i++)
    if (is_key_contact (&nodes[i]) && nodes[i].owner_id <= 0)
      add_finding (f, "no-owner", &nodes[i],
                   _("%s has high decision power, but nobody of ours owns the relationship"),
                   nodes[i].name);

  check_single_threaded (f, nodes, n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    if (is_key_contact (&nodes[i]) && nodes[i].attitude == KS_ATTITUDE_OPPONENT)
      add_finding (f, "opponent", &nodes[i],
                   _("%s has high decision power and opposes us; plan how to win them over or "
                     "limit their influence"),
                   nodes[i].name);

  for (guint i = 0; i < n_nodes; i++)
    {
      const KsCoverageNode *n = &nodes[i];
      GDate last;
      gint days;

      if (n->kind != KS_NODE_CONTACT)
        continue;
      if (!n->last_contact || !ks_iso_date_parse (n->last_contact, &last))
        {
          add_finding (f, "stale-contact", n, _("%s has never been contacted"), n->name);
          continue;
        }
      days = g_date_days_between (&last, &now);
      if (days > (gint) max_days)
        add_finding (f, "stale-contact", n,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s was last contacted %d day ago (on %s)",
                                  "%s was last contacted %d days ago (on %s)",
                                  days),
                     n->name, days, n->last_contact);
    }

  for (guint i = 0; i < n_lines; i++)
    {
      const KsCoverageNode *a = find_node (nodes, n_nodes, by_id, lines[i].from_id);
      const KsCoverageNode *b = find_node (nodes, n_nodes, by_id, lines[i].to_id);
      const KsCoverageNode *competitor, *contact;
      char *pair;

      if (!a || !b)
        continue;
      if (a->kind == KS_NODE_COMPETITOR && is_key_contact (b))
        competitor = a, contact = b;
      else if (b->kind == KS_NODE_COMPETITOR && is_key_contact (a))
        competitor = b, contact = a;
      else
        continue;
      pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, competitor->id, contact->id);
      if (!g_hash_table_add (pairs, pair))
        continue;
      add_finding (f, "competitor-link", contact,
                   _("%s has high decision power and is linked to the competitor %s"),
                   contact->name, competitor->name);
    }

  return g_steal_pointer (&report);
}

void
ks_coverage_report_free (KsCoverageReport *report)
{
  if (!report)
    return;
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_free (report);
}

/* Strings of the loaded nodes live in a chunk freed with it. */
typedef struct
{
  GStringChunk *strings;
  GArray       *nodes;
  GArray       *lines;
} Loaded;

static void
loaded_clear (Loaded *l)
{
  g_clear_pointer (&l->strings, g_string_chunk_free);
  g_clear_pointer (&l->nodes, g_array_unref);
  g_clear_pointer (&l->lines, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

static guint
max_days_setting (KsWorkspace *workspace)
{
  g_autofree char *value = ks_workspace_get_setting (workspace, KS_COVERAGE_SETTING_MAX_DAYS);
  guint64 days = 0;

  if (value && g_ascii_string_to_unsigned (value, 10, 1, 36500, &days, NULL))
    return (guint) days;
  return KS_COVERAGE_DEFAULT_MAX_DAYS;
}

KsCoverageReport *
ks_coverage_check_account (KsWorkspace  *workspace,
                           gint64        account_id,
                           const char   *today,
                           GError      **error)
{
  g_auto(Loaded) l = { 0 };
  g_autofree char *now = NULL;
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (!today)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
      today = now = g_date_time_format (dt, "%Y-%m-%d");
    }
  if (!ks_iso_date_parse (today, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (use YYYY-MM-DD)"), today);
      return NULL;
    }

  l.strings = g_string_chunk_new (4096);
  l.nodes = g_array_new (FALSE, TRUE, sizeof (KsCoverageNode));
  l.lines = g_array_new (FALSE, TRUE, sizeof (KsCoverageLine));

  stmt = ks_workspace_prepare (workspace,
                               "SELECT c.id, c.name, c.kind, c.power, c.relationship, c.attitude,"
                               "       c.owner_id, o.name, c.last_contact"
                               "  FROM contacts c LEFT JOIN people o ON o.id = c.owner_id"
                               " WHERE c.account_id = ?1 ORDER BY c.name COLLATE NOCASE, c.name",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsCoverageNode n = { ks_stmt_column_int64 (stmt, 0) };

      n.name = g_string_chunk_insert (l.strings, ks_column_text (stmt, 1));
      if (!ks_node_kind_from_string (ks_column_text (stmt, 2), &n.kind))
        n.kind = KS_NODE_CONTACT;
      n.power = CLAMP (ks_stmt_column_int (stmt, 3), KS_POWER_UNKNOWN, KS_POWER_LOW);
      if (!ks_relationship_from_string (ks_column_text (stmt, 4), &n.relationship))
        n.relationship = KS_RELATIONSHIP_UNKNOWN;
      if (!ks_attitude_from_string (ks_column_text (stmt, 5), &n.attitude))
        n.attitude = KS_ATTITUDE_UNKNOWN;
      n.owner_id = ks_stmt_column_int64 (stmt, 6);
      if (!ks_stmt_column_is_null (stmt, 7))
        n.owner_name = g_string_chunk_insert (l.strings, ks_column_text (stmt, 7));
      if (!ks_stmt_column_is_null (stmt, 8))
        n.last_contact = g_string_chunk_insert (l.strings, ks_column_text (stmt, 8));
      g_array_append_val (l.nodes, n);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the power map"));
      return NULL;
    }

  stmt = ks_workspace_prepare (workspace,
                               "SELECT from_id, to_id, kind FROM contact_lines WHERE account_id = ?1 ORDER BY id",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsCoverageLine line = { ks_stmt_column_int64 (stmt, 0), ks_stmt_column_int64 (stmt, 1) };

      if (!ks_line_kind_from_string (ks_column_text (stmt, 2), &line.kind))
        line.kind = KS_LINE_INFLUENCE;
      g_array_append_val (l.lines, line);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the power map"));
      return NULL;
    }

  return ks_coverage_check ((const KsCoverageNode *) (gpointer) l.nodes->data, l.nodes->len,
                            (const KsCoverageLine *) (gpointer) l.lines->data, l.lines->len,
                            today, max_days_setting (workspace));
}
