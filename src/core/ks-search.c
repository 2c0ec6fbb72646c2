/* ks-search.c — the search across the workspace (SQLite FTS5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ENGINE-SPECIFIC: the index is an FTS5 table kept by triggers (schema 9,
 * ks-search-schema.h); the query below uses FTS5's MATCH, rank and
 * highlight (). A PostgreSQL backend answers the same API from tsvector
 * columns (to_tsvector over unaccent ()), ts_rank and its own marks.
 *
 * The query text is never SQL: what a user typed becomes an FTS5 query of
 * quoted words (ks_search_build_query) bound as a parameter.
 */
#define G_LOG_DOMAIN "ks-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-plan.h"
#include "ks-search-private.h"
#include "ks-search-schema.h"
#include "ks-workspace-private.h"

/* Words taken from what was typed; more only narrow what is already few. */
#define MAX_WORDS 16
/* A snippet longer than this (bytes) is cut around its first match. */
#define SNIPPET_MAX 100
#define SNIPPET_BEFORE 30

#define MARK_OPEN '\002'
#define MARK_CLOSE '\003'
#define FIELD_SEP '\037'

/* The rank: bm25 with the title ten times the rest (the first column,
 * the account id, is not indexed). */
#define SQL_SEARCH \
  "SELECT rowid, account, highlight (search_index, 1, char (2), char (3))," \
  "       highlight (search_index, 2, char (2), char (3)), rank" \
  "  FROM search_index" \
  " WHERE search_index MATCH ?1 AND rank MATCH 'bm25 (0.0, 10.0, 1.0)'" \
  " ORDER BY rank LIMIT ?2"

/* Opportunities: bm25 counts, for each word, every opportunity that
 * matches it (570,000 for "g" at ×100: 70 ms), so the newest
 * OPPORTUNITY_CANDIDATES matches are read first in the index's own order,
 * which stops early. When that is all of them, they are read again with
 * bm25 (few matches: cheap); when there are more, the words are common and
 * say little, and the candidates are ranked by their marks (a word in the
 * title counts ten, in the rest one) below every ranked result. Typing more
 * narrows them. ?2 is not used: every candidate is read. */
#define OPPORTUNITY_CANDIDATES 500
#define SQL_SEARCH_OPPORTUNITIES(score) \
  "SELECT rowid, account, highlight (search_opportunities, 1, char (2), char (3))," \
  "       highlight (search_opportunities, 2, char (2), char (3)), " score \
  "  FROM search_opportunities" \
  " WHERE search_opportunities MATCH ?1 AND ?2 > 0" \
  " ORDER BY rowid DESC LIMIT ?3"

/* The body's fields per kind, in the order ks-search-schema.h joins them. */
static const char *const account_fields[] = { "sector", "country", "notes", NULL };
static const char *const contact_fields[] = { "title", "department", "email", "phone", "notes", NULL };
static const char *const person_fields[] = { "title", "team", "region", "area", "email", "phone", NULL };
static const char *const plan_fields[] = {
  "business", "offering", "markets", "locations", "capabilities", "positioning", "structure",
  "funding", "solvency", "production", "decision_process", "strengths", "strengths_help",
  "weaknesses", "weaknesses_help", "opportunities", "opportunities_help", "threats",
  "threats_help", "history", "problems", "successes", "future", "lessons", "communication",
  "culture", "may_say", "early_warnings", NULL
};
static const char *const objective_fields[] = { "measure", NULL };
static const char *const meeting_fields[] = { "ours", "theirs", "notes", "next_steps", NULL };
static const char *const project_fields[] = {
  "description", "milestones", "competitor1", "competitor2", "competitor3", NULL
};
static const char *const no_fields[] = { NULL };
static const char *const note_fields[] = { "text", NULL };
static const char *const opportunity_fields[] = { "ref", "product", "account", NULL };

typedef struct
{
  const char         *key;
  const char         *heading;   /* N_() */
  const char *const  *fields;
} KindInfo;

static const KindInfo kinds[KS_SEARCH_N_KINDS] = {
  [KS_SEARCH_ACCOUNT] = { "account", N_("Accounts"), account_fields },
  [KS_SEARCH_CONTACT] = { "contact", N_("Contacts"), contact_fields },
  [KS_SEARCH_PERSON] = { "person", N_("People"), person_fields },
  [KS_SEARCH_PLAN] = { "plan", N_("Account Plans"), plan_fields },
  [KS_SEARCH_OBJECTIVE] = { "objective", N_("Objectives"), objective_fields },
  [KS_SEARCH_MEETING] = { "meeting", N_("Meetings"), meeting_fields },
  [KS_SEARCH_PROJECT] = { "project", N_("Key Projects"), project_fields },
  [KS_SEARCH_ACTION] = { "action", N_("Actions"), no_fields },
  [KS_SEARCH_NOTE] = { "note", N_("Handover Notes"), note_fields },
  [KS_SEARCH_OPPORTUNITY] = { "opportunity", N_("Opportunities"), opportunity_fields },
};

/* A piece of highlighted text: plain, with its marks. */
typedef struct
{
  GString *text;
  GArray  *marks;
} Marked;

static gboolean
kind_valid (KsSearchKind kind)
{
  return kind >= KS_SEARCH_ACCOUNT && kind <= KS_SEARCH_OPPORTUNITY;
}

static void
marked_clear (Marked *m)
{
  if (m->text)
    g_string_free (m->text, TRUE);
  g_clear_pointer (&m->marks, g_array_unref);
}

static GArray *
marks_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (KsSearchMark));
}

/* Splits FTS5's highlighted text at FIELD_SEP into @out (Marked each),
 * the markers turned into marks. Newlines and tabs become spaces (one
 * byte each, so the marks stay right). */
static void
parse_marked (const char *s,
              GArray     *out)
{
  Marked cur = { g_string_new (NULL), marks_new () };
  gssize open = -1;

  for (const char *p = s ? s : ""; ; p++)
    {
      if (*p == FIELD_SEP || *p == '\0')
        {
          if (open >= 0)
            {
              KsSearchMark mark = { open, cur.text->len };
              g_array_append_val (cur.marks, mark);
              open = -1;
            }
          g_array_append_val (out, cur);
          if (*p == '\0')
            break;
          cur.text = g_string_new (NULL);
          cur.marks = marks_new ();
        }
      else if (*p == MARK_OPEN)
        open = cur.text->len;
      else if (*p == MARK_CLOSE)
        {
          if (open >= 0 && (gsize) open < cur.text->len)
            {
              KsSearchMark mark = { open, cur.text->len };
              g_array_append_val (cur.marks, mark);
            }
          open = -1;
        }
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (cur.text, ' ');
      else
        g_string_append_c (cur.text, *p);
    }
}

static GArray *
parse_fields (const char *s)
{
  GArray *fields = g_array_new (FALSE, TRUE, sizeof (Marked));

  g_array_set_clear_func (fields, (GDestroyNotify) marked_clear);
  parse_marked (s, fields);
  return fields;
}

/* Cuts @m to at most SNIPPET_MAX bytes around its first mark, at spaces,
 * with an ellipsis where it was cut; keeps the marks inside. */
static void
cut_snippet (const Marked *m,
             char        **text,
             GArray      **marks)
{
  const char *s = m->text->str;
  gsize len = m->text->len, start = 0, end = len, first = 0;
  GString *out;

  *marks = marks_new ();
  if (m->marks->len > 0)
    first = g_array_index (m->marks, KsSearchMark, 0).start;
  if (len > SNIPPET_MAX)
    {
      if (first > SNIPPET_BEFORE)
        {
          const char *space;

          start = first - SNIPPET_BEFORE;
          space = memchr (s + start, ' ', first - start);
          start = space ? (gsize) (space - s) + 1
                        : (gsize) (g_utf8_find_prev_char (s, s + start + 1) - s);
        }
      end = MIN (len, start + SNIPPET_MAX);
      if (end < len)
        {
          gsize e = end;

          while (e > first && s[e] != ' ')
            e--;
          if (e > first)
            end = e;
          else
            end = (gsize) (g_utf8_find_prev_char (s, s + end + 1) - s);
        }
    }
  /* Leading spaces go (the marks move with them). */
  while (start < end && s[start] == ' ')
    start++;

  out = g_string_new (NULL);
  if (start > 0)
    g_string_append (out, "…");
  for (guint i = 0; i < m->marks->len; i++)
    {
      KsSearchMark mark = g_array_index (m->marks, KsSearchMark, i);

      if (mark.end <= start || mark.start >= end)
        continue;
      mark.start = MAX (mark.start, start) - start + out->len;
      mark.end = MIN (mark.end, end) - start + out->len;
      g_array_append_val (*marks, mark);
    }
  g_string_append_len (out, s + start, end - start);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (end < len)
    g_string_append (out, "…");
  *text = g_string_free (out, FALSE);
}

/* The title FORMAT (one %s) around @m's text, its marks moved along. */
static void
set_title (KsSearchResult *r,
           const char     *format,
           const Marked   *m)
{
  const char *at = format ? strstr (format, "%s") : NULL;
  gsize shift = at ? (gsize) (at - format) : 0;

  g_free (r->title);
  if (format && at)
    {
      /* Not printf: a translated format is not a literal. */
      g_autoptr(GString) title = g_string_new_len (format, shift);

      g_string_append (title, m->text->str);
      g_string_append (title, at + 2);
      r->title = g_string_free (g_steal_pointer (&title), FALSE);
    }
  else if (format)
    r->title = g_strdup (format);
  else
    r->title = g_strdup (m->text->str);
  g_array_set_size (r->title_marks, 0);
  if (format && !at)
    return;
  for (guint i = 0; i < m->marks->len; i++)
    {
      KsSearchMark mark = g_array_index (m->marks, KsSearchMark, i);

      mark.start += shift;
      mark.end += shift;
      g_array_append_val (r->title_marks, mark);
    }
}

static const char *
plan_field_label (const char *key)
{
  int i = ks_plan_field_index (key);

  return i >= 0 ? _(ks_plan_fields (NULL)[i].label) : key;
}

/* Fills title, snippet and field of @r from the highlighted columns. */
static void
fill_texts (KsSearchResult *r,
            const char     *title_hl,
            const char     *body_hl)
{
  g_autoptr(GArray) title = parse_fields (title_hl);
  g_autoptr(GArray) body = parse_fields (body_hl);
  const Marked *t = &g_array_index (title, Marked, 0);
  const char *const *keys = kinds[r->kind].fields;
  int hit = -1, context = -1, skip = -1;

  switch (r->kind)
    {
    case KS_SEARCH_MEETING:
      /* Translators: a meeting in the search results; %s is its date */
      set_title (r, t->text->len ? _("Meeting on %s") : _("Meeting"), t);
      break;
    case KS_SEARCH_NOTE:
      /* Translators: a handover note in the search results; %s is its date */
      set_title (r, t->text->len ? _("Handover note of %s") : _("Handover note"), t);
      break;
    case KS_SEARCH_OPPORTUNITY:
      /* Opportunities from a CRM export have no title: their ref names them. */
      if (t->text->len == 0 && body->len > 0)
        {
          set_title (r, NULL, &g_array_index (body, Marked, 0));
          skip = 0;
        }
      else
        set_title (r, NULL, t);
      break;
    case KS_SEARCH_PLAN:
      /* Set below, from the field that matched. */
      break;
    case KS_SEARCH_ACCOUNT:
    case KS_SEARCH_CONTACT:
    case KS_SEARCH_PERSON:
    case KS_SEARCH_OBJECTIVE:
    case KS_SEARCH_PROJECT:
    case KS_SEARCH_ACTION:
    default:
      set_title (r, NULL, t);
      break;
    }

  for (guint i = 0; i < body->len && keys[i]; i++)
    {
      const Marked *f = &g_array_index (body, Marked, i);

      if ((int) i == skip)
        continue;
      if (hit < 0 && f->marks->len > 0)
        hit = i;
      if (context < 0 && f->text->len > 0)
        context = i;
    }

  if (hit >= 0)
    r->field = keys[hit];
  else
    hit = context;
  if (hit >= 0)
    {
      g_free (r->snippet);
      g_array_unref (r->snippet_marks);
      cut_snippet (&g_array_index (body, Marked, hit), &r->snippet, &r->snippet_marks);
    }
  if (r->kind == KS_SEARCH_PLAN)
    {
      g_free (r->title);
      r->title = g_strdup (hit >= 0 ? plan_field_label (keys[hit]) : _("Account plan"));
    }
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const KsSearchResult *x = *(KsSearchResult *const *) a;
  const KsSearchResult *y = *(KsSearchResult *const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* A score for a candidate not ranked by bm25: after every bm25 score
 * (those are negative), better the more marks its title (ten each) and
 * its snippet have. */
static void
score_by_marks (KsSearchResult *r)
{
  r->score = -1e-6 * (10.0 * r->title_marks->len + r->snippet_marks->len);
}

/* Steps a search statement (?1 the query, ?2 the limit) into @results. */
static gboolean
collect (KsWorkspace  *workspace,
         KsStmt *stmt,
         const char   *query,
         guint         limit,
         GPtrArray    *results,
         GError      **error)
{
  int rc;

  ks_stmt_bind_text (stmt, 1, query);
  ks_stmt_bind_int64 (stmt, 2, limit);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      gint64 rowid = ks_stmt_column_int64 (stmt, 0);
      KsSearchResult *r;

      if (!kind_valid (rowid % 16))
        continue;
      r = g_new0 (KsSearchResult, 1);
      r->kind = rowid % 16;
      r->id = rowid / 16;
      r->account_id = ks_stmt_column_int64 (stmt, 1);
      r->title = g_strdup ("");
      r->title_marks = marks_new ();
      r->snippet = g_strdup ("");
      r->snippet_marks = marks_new ();
      r->score = ks_stmt_column_double (stmt, 4);
      fill_texts (r, ks_stmt_column_text (stmt, 2),
                  ks_stmt_column_text (stmt, 3));
      g_ptr_array_add (results, r);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("search the workspace"));
      return FALSE;
    }
  return TRUE;
}

/* ---- public API ---------------------------------------------------------- */

void
ks_search_result_free (KsSearchResult *result)
{
  if (!result)
    return;
  g_free (result->account);
  g_free (result->title);
  g_free (result->snippet);
  g_clear_pointer (&result->title_marks, g_array_unref);
  g_clear_pointer (&result->snippet_marks, g_array_unref);
  g_free (result);
}

const char *
ks_search_kind_key (KsSearchKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);

  return kinds[kind].key;
}

const char *
ks_search_kind_heading (KsSearchKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);

  return _(kinds[kind].heading);
}

char *
ks_search_build_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  guint n = 0;
  const char *p = text;

  if (!text || !g_utf8_validate (text, -1, NULL))
    return NULL;
  while (*p && n < MAX_WORDS)
    {
      const char *start;
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (*p && (g_unichar_isalnum ((c = g_utf8_get_char (p))) || g_unichar_ismark (c)))
        p = g_utf8_next_char (p);
      /* A word holds letters, digits and marks only, so no quote to escape. */
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      g_string_append_len (query, start, p - start);
      g_string_append (query, "\"*");
      n++;
    }
  return n > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

GPtrArray *
ks_search_run (KsWorkspace  *workspace,
               const char   *text,
               guint         limit,
               GError      **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_search_result_free);
  g_autofree char *query = NULL;
  KsStmt *stmt;
  guint n_ranked;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  if (ks_workspace_on_server (workspace))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("A team workspace has no search index yet: search works in workspace files"));
      return NULL;
    }
  query = ks_search_build_query (text);
  if (!query || limit == 0)
    return g_steal_pointer (&results);
  /* What a bulk import left out goes into the index first (a read-only
   * workspace searches what is there: ks_search_count_pending ()). */
  if (!ks_workspace_is_read_only (workspace) && !ks_search_catch_up (workspace, error))
    return NULL;

  if (!(stmt = ks_workspace_prepare (workspace, SQL_SEARCH, error)) ||
      !collect (workspace, stmt, query, limit, results, error))
    return NULL;
  n_ranked = results->len;
  if (!(stmt = ks_workspace_prepare (workspace, SQL_SEARCH_OPPORTUNITIES ("0.0"), error)))
    return NULL;
  ks_stmt_bind_int (stmt, 3, OPPORTUNITY_CANDIDATES);
  if (!collect (workspace, stmt, query, limit, results, error))
    return NULL;
  if (results->len - n_ranked < OPPORTUNITY_CANDIDATES)
    {
      /* Every match is a candidate: rank them by bm25 after all. */
      g_ptr_array_set_size (results, n_ranked);
      if (!(stmt = ks_workspace_prepare (workspace,
                                         SQL_SEARCH_OPPORTUNITIES ("bm25 (search_opportunities, 0.0, 10.0, 1.0)"),
                                         error)))
        return NULL;
      ks_stmt_bind_int (stmt, 3, OPPORTUNITY_CANDIDATES);
      if (!collect (workspace, stmt, query, limit, results, error))
        return NULL;
    }
  else
    for (guint i = n_ranked; i < results->len; i++)
      score_by_marks (g_ptr_array_index (results, i));
  /* Both lists come best first; one order for both, by score. */
  g_ptr_array_sort (results, compare_results);
  if (results->len > limit)
    g_ptr_array_set_size (results, limit);

  /* The accounts' names, read now (not joined: the join would make SQLite
   * highlight every match before the LIMIT). */
  stmt = ks_workspace_prepare (workspace, "SELECT name FROM accounts WHERE id = ?1", error);
  if (!stmt)
    return NULL;
  for (guint i = 0; i < results->len; i++)
    {
      KsSearchResult *r = g_ptr_array_index (results, i);

      r->account = g_strdup ("");
      if (r->account_id == 0)
        continue;
      ks_stmt_bind_int64 (stmt, 1, r->account_id);
      if (ks_stmt_step (stmt) == KS_STEP_ROW)
        {
          g_free (r->account);
          r->account = g_strdup (ks_column_text (stmt, 0));
        }
      ks_stmt_reset (stmt);
    }
  return g_steal_pointer (&results);
}

/* What a bulk load of one table drops and does instead. Each row a
 * trigger indexes costs FTS5 a flush of its pending terms (SQLite opens a
 * statement savepoint per row, and FTS5 writes to disk at each one):
 * 30 µs an account against 3 µs in one INSERT … SELECT. */
typedef struct
{
  const char *max_id;        /* the largest id before the load */
  const char *triggers[3];   /* the insert triggers dropped, by name */
  const char *drop;
  const char *unindex;       /* rows above ?1 a trigger indexed meanwhile (an
                              * update of a new row), or NULL */
  const char *index;         /* the rows above ?1, or NULL: noted in
                              * search_pending for ks_search_catch_up () */
} BulkTable;

/* ENGINE-SPECIFIC: FTS5 rowids are id × 16 + kind (ks-search-schema.h). */
static const BulkTable bulk_tables[] = {
  [KS_SEARCH_BULK_ACCOUNTS] = {
    "SELECT coalesce (max (id), 0) FROM accounts",
    { "search_accounts_insert", "search_accounts_return", NULL },
    "DROP TRIGGER search_accounts_insert; DROP TRIGGER search_accounts_return",
    "DELETE FROM search_index WHERE rowid >= (?1 + 1) * 16 AND rowid % 16 = 1",
    KS_SEARCH_INSERT "SELECT " KS_SEARCH_ACCOUNT ("t") " FROM accounts t WHERE t.id > ?1",
  },
  [KS_SEARCH_BULK_PEOPLE] = {
    "SELECT coalesce (max (id), 0) FROM people",
    { "search_people_insert", NULL },
    "DROP TRIGGER search_people_insert",
    "DELETE FROM search_index WHERE rowid >= (?1 + 1) * 16 AND rowid % 16 = 3",
    KS_SEARCH_INSERT "SELECT " KS_SEARCH_PERSON ("t") " FROM people t WHERE t.id > ?1",
  },
  [KS_SEARCH_BULK_OPPORTUNITIES] = {
    "SELECT coalesce (max (id), 0) FROM opportunities",
    { "search_opportunities_insert", NULL },
    "DROP TRIGGER search_opportunities_insert",
    NULL,
    NULL,
  },
};

struct _KsSearchBulk
{
  const BulkTable *table;
  GPtrArray       *triggers;   /* their CREATE TRIGGERs, as stored in the schema */
  gint64           after;      /* the largest id before the load */
};

void
ks_search_bulk_free (KsSearchBulk *bulk)
{
  if (!bulk)
    return;
  g_ptr_array_unref (bulk->triggers);
  g_free (bulk);
}

KsSearchBulk *
ks_search_bulk_begin (KsWorkspace        *workspace,
                      KsSearchBulkTable   table,
                      GError            **error)
{
  g_autoptr(KsSearchBulk) bulk = g_new0 (KsSearchBulk, 1);
  KsStmt *stmt;

  g_return_val_if_fail (table < G_N_ELEMENTS (bulk_tables), NULL);

  bulk->triggers = g_ptr_array_new_with_free_func (g_free);
  /* A team workspace has no search index yet: nothing to hold back. */
  if (ks_workspace_on_server (workspace))
    return g_steal_pointer (&bulk);
  bulk->table = &bulk_tables[table];
  stmt = ks_workspace_prepare (workspace,
                               "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                               error);
  if (!stmt)
    return NULL;
  for (guint i = 0; bulk->table->triggers[i]; i++)
    {
      ks_stmt_bind_text_static (stmt, 1, bulk->table->triggers[i], -1);
      if (ks_stmt_step (stmt) == KS_STEP_ROW)
        g_ptr_array_add (bulk->triggers, g_strdup (ks_column_text (stmt, 0)));
      ks_stmt_reset (stmt);
    }
  if (bulk->triggers->len != g_strv_length ((char **) bulk->table->triggers))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_FAILED,
                   _("Could not index the new rows for search: the workspace's search index is incomplete"));
      return NULL;
    }
  bulk->after = ks_workspace_query_int (workspace, bulk->table->max_id, 0, 0, _("read the workspace"), error);
  if (bulk->after < 0 || !ks_workspace_exec (workspace, bulk->table->drop, error))
    return NULL;
  return g_steal_pointer (&bulk);
}

/* Adds lo..hi to search_pending, merged with the ranges it overlaps or
 * touches, so the ranges stay disjoint (an import after an undone one
 * gets the same ids again). */
static gboolean
add_pending (KsWorkspace  *workspace,
             gint64        lo,
             gint64        hi,
             GError      **error)
{
  KsStmt *stmt;
  gint64 new_lo = lo, new_hi = hi;

  stmt = ks_workspace_prepare (workspace,
                               "SELECT min (lo), max (hi) FROM search_pending"
                               " WHERE lo <= ?2 + 1 AND hi >= ?1 - 1",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, lo);
  ks_stmt_bind_int64 (stmt, 2, hi);
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    {
      ks_stmt_reset (stmt);
      ks_workspace_set_sql_error (workspace, error, _("read the opportunities waiting to be indexed"));
      return FALSE;
    }
  if (!ks_stmt_column_is_null (stmt, 0))
    {
      new_lo = MIN (lo, ks_stmt_column_int64 (stmt, 0));
      new_hi = MAX (hi, ks_stmt_column_int64 (stmt, 1));
    }
  ks_stmt_reset (stmt);

  stmt = ks_workspace_prepare (workspace,
                               "DELETE FROM search_pending WHERE lo <= ?2 + 1 AND hi >= ?1 - 1",
                               error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, lo);
  ks_stmt_bind_int64 (stmt, 2, hi);
  if (!ks_workspace_step_done (workspace, stmt, _("note the opportunities to index"), error))
    return FALSE;
  stmt = ks_workspace_prepare (workspace, "INSERT INTO search_pending (lo, hi) VALUES (?1, ?2)", error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, new_lo);
  ks_stmt_bind_int64 (stmt, 2, new_hi);
  return ks_workspace_step_done (workspace, stmt, _("note the opportunities to index"), error);
}

gboolean
ks_search_bulk_end (KsWorkspace   *workspace,
                    KsSearchBulk  *bulk,
                    GError       **error)
{
  g_autoptr(KsSearchBulk) owned = bulk;
  const BulkTable *t = bulk->table;
  gint64 last;

  if (!t)
    return TRUE;

  if (t->index)
    {
      KsStmt *stmt = ks_workspace_prepare (workspace, t->unindex, error);

      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, bulk->after);
      if (!ks_workspace_step_done (workspace, stmt, _("index the new rows"), error))
        return FALSE;
      if (!(stmt = ks_workspace_prepare (workspace, t->index, error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, bulk->after);
      if (!ks_workspace_step_done (workspace, stmt, _("index the new rows"), error))
        return FALSE;
    }
  else
    {
      last = ks_workspace_query_int (workspace, t->max_id, 0, 0, _("read the workspace"), error);
      if (last < 0)
        return FALSE;
      /* The new rows are after + 1 .. last (an INTEGER PRIMARY KEY counts
       * on from the largest id); they are indexed before the next search. */
      if (last > bulk->after && !add_pending (workspace, bulk->after + 1, last, error))
        return FALSE;
    }
  /* The triggers' text is read back from the schema, never made here. */
  for (guint i = 0; i < bulk->triggers->len; i++)
    if (!ks_workspace_exec (workspace, g_ptr_array_index (bulk->triggers, i), error))
      return FALSE;
  return TRUE;
}

static int
has_pending (KsWorkspace  *workspace,
             GError      **error)
{
  /* A team workspace has no search index yet: nothing waits for it. */
  if (ks_workspace_on_server (workspace))
    return 0;
  return (int) ks_workspace_query_int (workspace, "SELECT count (*) FROM (SELECT 1 FROM search_pending LIMIT 1) AS t",
                                       0, 0, _("read the opportunities waiting to be indexed"), error);
}

/* Indexes the pending opportunities, lowest ids first, up to @budget ids
 * of the ranges; *@more says whether some are left. The caller's
 * transaction. A row a trigger indexed since the import (an edit, a
 * rename, a redo) is taken out and indexed again with the rest, so no
 * rowid is there twice; a row deleted since is not there to index. */
static gboolean
catch_up_in_transaction (KsWorkspace  *workspace,
                         gint64        budget,
                         gboolean     *more,
                         GError      **error)
{
  int left;

  *more = FALSE;
  while (budget > 0)
    {
      KsStmt *stmt;
      gint64 lo, hi, end;
      int rc;

      stmt = ks_workspace_prepare (workspace, "SELECT lo, hi FROM search_pending ORDER BY lo LIMIT 1",
                                   error);
      if (!stmt)
        return FALSE;
      rc = ks_stmt_step (stmt);
      lo = ks_stmt_column_int64 (stmt, 0);
      hi = ks_stmt_column_int64 (stmt, 1);
      ks_stmt_reset (stmt);
      if (rc == KS_STEP_DONE)
        return TRUE;
      if (rc != KS_STEP_ROW)
        {
          ks_workspace_set_sql_error (workspace, error, _("read the opportunities waiting to be indexed"));
          return FALSE;
        }
      end = hi - lo < budget ? hi : lo + budget - 1;
      budget -= end - lo + 1;

      /* ENGINE-SPECIFIC: FTS5 rowids (id × 16 + kind, ks-search-schema.h). */
      stmt = ks_workspace_prepare (workspace,
                                   "DELETE FROM search_opportunities"
                                   " WHERE rowid BETWEEN ?1 * 16 + 10 AND ?2 * 16 + 10",
                                   error);
      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, lo);
      ks_stmt_bind_int64 (stmt, 2, end);
      if (!ks_workspace_step_done (workspace, stmt, _("index the new opportunities"), error))
        return FALSE;
      stmt = ks_workspace_prepare (workspace, KS_SEARCH_INSERT_OPPORTUNITIES_WHERE ("t.id BETWEEN ?1 AND ?2"),
                                   error);
      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, lo);
      ks_stmt_bind_int64 (stmt, 2, end);
      if (!ks_workspace_step_done (workspace, stmt, _("index the new opportunities"), error))
        return FALSE;

      stmt = ks_workspace_prepare (workspace,
                                   end == hi ? "DELETE FROM search_pending WHERE lo = ?1"
                                             : "UPDATE search_pending SET lo = ?2 + 1 WHERE lo = ?1",
                                   error);
      if (!stmt)
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, lo);
      ks_stmt_bind_int64 (stmt, 2, end);
      if (!ks_workspace_step_done (workspace, stmt, _("note the opportunities to index"), error))
        return FALSE;
    }
  left = has_pending (workspace, error);
  *more = left > 0;
  return left >= 0;
}

char *
ks_search_markup (const char   *text,
                  const GArray *marks)
{
  GString *out = g_string_new (NULL);
  gsize at = 0, len = text ? strlen (text) : 0;

  for (guint i = 0; marks && i < marks->len; i++)
    {
      const KsSearchMark *mark = &g_array_index (marks, KsSearchMark, i);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (mark->start < at || mark->end > len || mark->start >= mark->end)
        continue;
      before = g_markup_escape_text (text + at, mark->start - at);
      inside = g_markup_escape_text (text + mark->start, mark->end - mark->start);
      g_string_append_printf (out, "%s<b>%s</b>", before, inside);
      at = mark->end;
    }
  if (at < len)
    {
      g_autofree char *rest = g_markup_escape_text (text + at, len - at);
      g_string_append (out, rest);
    }
  return g_string_free (out, FALSE);
}

gboolean
ks_search_catch_up_some (KsWorkspace  *workspace,
                         guint         max_ids,
                         gboolean     *done,
                         GError      **error)
{
  gboolean more = FALSE;
  int pending;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (max_ids > 0, FALSE);

  if (done)
    *done = FALSE;
  if ((pending = has_pending (workspace, error)) < 0)
    return FALSE;
  if (pending > 0)
    {
      /* Derived tables only: no undo step, no changed:: signal. */
      if (!ks_workspace_begin (workspace, _("Index for search"), error))
        return FALSE;
      if (!catch_up_in_transaction (workspace, max_ids, &more, error))
        {
          ks_workspace_rollback (workspace);
          return FALSE;
        }
      if (!ks_workspace_commit (workspace, error))
        return FALSE;
    }
  if (done)
    *done = !more;
  return TRUE;
}

gboolean
ks_search_catch_up (KsWorkspace  *workspace,
                    GError      **error)
{
  gboolean more = FALSE;
  int pending;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);

  if ((pending = has_pending (workspace, error)) <= 0)
    return pending == 0;
  if (!ks_workspace_begin (workspace, _("Index for search"), error))
    return FALSE;
  if (!catch_up_in_transaction (workspace, G_MAXINT64, &more, error))
    {
      ks_workspace_rollback (workspace);
      return FALSE;
    }
  return ks_workspace_commit (workspace, error);
}

gint64
ks_search_count_pending (KsWorkspace  *workspace,
                         GError      **error)
{
  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), -1);

  /* The ranges are disjoint; the rows of a range a trigger indexed since
   * are the index's rows in it (ENGINE-SPECIFIC: FTS5 rowids). */
  return ks_workspace_query_int (workspace,
                                 "SELECT coalesce (sum ("
                                 "  (SELECT count (*) FROM opportunities t WHERE t.id BETWEEN r.lo AND r.hi)"
                                 "  - (SELECT count (*) FROM search_opportunities s"
                                 "      WHERE s.rowid BETWEEN r.lo * 16 + 10 AND r.hi * 16 + 10)), 0)"
                                 "  FROM search_pending r",
                                 0, 0, _("read the opportunities waiting to be indexed"), error);
}
