/* ks-cli-search.c — keystone-cli's search across the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same search (ks_search_run) as the app's search dialog: accounts,
 * contacts, people, plan texts and opportunities, best first. The table
 * shows the matches as typed; --json gives them as character ranges.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include "ks-cli-search.h"

#include <glib/gi18n-lib.h>

#include "ks-search.h"

/* What keystone-cli shows when --limit is not given. */
#define DEFAULT_LIMIT 20
#define MAX_LIMIT 1000

/* The first option given that search does not take, or NULL. */
static const char *
foreign_option (const Options *opts)
{
  if (opts->demo)
    return "--demo";
  if (opts->dry_run)
    return "--dry-run";
  if (opts->replace)
    return "--replace";
  if (opts->output)
    return "-o";
  if (opts->account)
    return "--account";
  if (opts->today)
    return "--today";
  if (opts->period)
    return "--period";
  if (opts->year != KS_CLI_NO_YEAR)
    return "--year";
  if (opts->compare)
    return "--compare";
  if (opts->preset || opts->x_axis || opts->y_axis || opts->colour_by)
    return "--preset, --x, --y, --colour-by";
  if (opts->owner)
    return "--owner";
  if (opts->segment)
    return "--segment";
  if (opts->top)
    return "--top";
  if (opts->scope)
    return "--scope";
  if (opts->manager || opts->team || opts->region || opts->product || opts->from || opts->to || opts->by)
    return "--manager, --team, --region, --product, --from, --to, --by";
  if (opts->opportunity || opts->criterion || opts->score)
    return "--opportunity, --criterion, --score";
  if (opts->width || opts->height)
    return opts->width ? "--width" : "--height";
  return NULL;
}

/* Byte ranges into @text as [start, end] in characters. */
static void
add_marks (JsonBuilder  *b,
           const char   *name,
           const char   *text,
           const GArray *marks)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < marks->len; i++)
    {
      const KsSearchMark *m = &g_array_index (marks, KsSearchMark, i);

      json_builder_begin_array (b);
      json_builder_add_int_value (b, g_utf8_pointer_to_offset (text, text + m->start));
      json_builder_add_int_value (b, g_utf8_pointer_to_offset (text, text + m->end));
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

/* Characters of a snippet shown before its first match in the table
 * (whose cells hold 48). */
#define TABLE_LEAD 12

/* @text with its matches in [brackets], for the table; a long text starts
 * a little before its first match. */
static char *
bracketed (const char   *text,
           const GArray *marks)
{
  GString *out = g_string_new (NULL);
  gsize at = 0;

  if (marks->len > 0 && g_utf8_strlen (text, -1) > 40)
    {
      const char *first = text + g_array_index (marks, KsSearchMark, 0).start;
      const char *from = first;

      for (int i = 0; i < TABLE_LEAD && from > text; i++)
        from = g_utf8_prev_char (from);
      /* From the start of a word. */
      while (from > text && from < first && from[-1] != ' ')
        from = g_utf8_next_char (from);
      if (from > text)
        {
          g_string_append (out, "…");
          at = from - text;
        }
    }

  for (guint i = 0; i < marks->len; i++)
    {
      const KsSearchMark *m = &g_array_index (marks, KsSearchMark, i);

      if (m->start < at)
        continue;
      g_string_append_len (out, text + at, m->start - at);
      g_string_append_c (out, '[');
      g_string_append_len (out, text + m->start, m->end - m->start);
      g_string_append_c (out, ']');
      at = m->end;
    }
  g_string_append (out, text + at);
  return g_string_free (out, FALSE);
}

static void
print_results (const char *query,
               GPtrArray  *results,
               gboolean    json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "query");
      json_builder_add_string_value (b, query);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; i < results->len; i++)
        {
          KsSearchResult *r = g_ptr_array_index (results, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, ks_search_kind_key (r->kind));
          json_builder_set_member_name (b, "account");
          if (r->account_id)
            json_builder_add_string_value (b, r->account);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, r->title);
          json_builder_set_member_name (b, "snippet");
          json_builder_add_string_value (b, r->snippet);
          json_builder_set_member_name (b, "field");
          if (r->field)
            json_builder_add_string_value (b, r->field);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, r->id);
          add_marks (b, "title_marks", r->title, r->title_marks);
          add_marks (b, "snippet_marks", r->snippet, r->snippet_marks);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else if (results->len == 0)
    g_print (_("Nothing matches “%s”.\n"), query);
  else
    {
      static const char *headers[] = { N_("Kind"), N_("Account"), N_("Title"), N_("Match") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < results->len; i++)
        {
          KsSearchResult *r = g_ptr_array_index (results, i);
          char **row = g_new0 (char *, 5);

          row[0] = g_strdup (ks_search_kind_key (r->kind));
          row[1] = g_strdup (r->account);
          row[2] = bracketed (r->title, r->title_marks);
          row[3] = bracketed (r->snippet, r->snippet_marks);
          g_ptr_array_add (rows, row);
        }
      print_table (headers, G_N_ELEMENTS (headers), rows);
    }
}

int
ks_cli_search (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *query = NULL;
  const char *foreign = foreign_option (opts);
  int limit = opts->limit != KS_CLI_NO_LIMIT ? opts->limit : DEFAULT_LIMIT;

  if (foreign)
    return usage_error (_("%s does not apply to “search”"), foreign);
  if (g_strv_length (opts->args) < 2)
    return usage_error (_("search what? Use “search QUERY”"));
  if (limit < 1 || limit > MAX_LIMIT)
    return usage_error (_("--limit must be between 1 and %d, not %d"), MAX_LIMIT, limit);
  /* The words after “search” are one query, as in a search box. */
  query = g_strjoinv (" ", opts->args + 1);
  if (!g_utf8_validate (query, -1, NULL))
    return usage_error (_("the query is not valid UTF-8"));
  if (!(ws = open_existing (opts, &error)) ||
      !(results = ks_search_run (ws, query, limit, &error)))
    return refused (error);
  print_results (query, results, opts->json);
  /* A writable workspace caught up above; a read-only one cannot index
   * what a large import left for later, and says so. */
  if (ks_workspace_is_read_only (ws))
    {
      gint64 waiting = ks_search_count_pending (ws, NULL);

      if (waiting > 0)
        {
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, waiting);

          /* Translators: %s is a number */
          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "keystone-cli: %s imported opportunity is not searchable "
                                   "until the workspace is opened for writing\n",
                                   "keystone-cli: %s imported opportunities are not searchable "
                                   "until the workspace is opened for writing\n",
                                   (gulong) waiting),
                      n);
        }
    }
  return EXIT_DONE;
}
