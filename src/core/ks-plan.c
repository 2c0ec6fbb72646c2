/* ks-plan.c — the mini account plan: values, and its storage (schema 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement is made once per process from the template's keys (fixed
 * strings of ks-plan-template.c, never user text) and kept in static storage;
 * the workspace caches the prepared statements by that text.
 *
 * Decisions:
 * - TEXT is one line: ks_plan_value_validate() refuses line breaks, while
 *   ks_plan_value_parse() (what a user typed or pasted) turns them, and tabs,
 *   into spaces and trims the ends. LONG_TEXT keeps everything.
 * - Numbers are parsed in the C format ("1200.5", "1,200.5", "1 200.5": a comma
 *   is a group separator when three digits follow it) and, failing that, in the
 *   locale's format (its decimal point and group separator, e.g. "1 200,5" in
 *   fi_FI). No signs, exponents, "inf" or "nan". A percent may end in "%".
 * - Dates are typed as YYYY-MM-DD of a real day; nothing else is guessed.
 * - Lists with a sort key (meetings newest first, notes oldest first) keep
 *   undated items at the end where new items go: first when newest first,
 *   last otherwise; ties in date keep their position.
 * - A BOOL's number is 0 or 1; NaN (the empty value) reads as 0.
 */
#define G_LOG_DOMAIN "ks-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ks-plan.h"
#include "ks-powermap-types.h"
#include "ks-workspace-private.h"

/* An item remembers its list, so it can be freed and checked. */
typedef struct
{
  KsPlanItem item;
  KsPlanList list;
} PlanItem;

typedef struct
{
  char  *select;        /* id, fields... of one account, in the list's order */
  char  *insert;        /* ?1 account, ?2 position, ?3... fields */
  char  *delete_all;    /* ?1 account */
  char  *delete_one;    /* ?1 id */
  char  *owner;         /* account_id of item ?1 */
  char  *extent;        /* count and max position of account ?1 */
  char **update;        /* per field: ?1 id, ?2 value, ?3 version read (0: any) */
  char  *select_one;    /* id, fields..., version of item ?1 */
} ListSql;

typedef struct
{
  char    *select;      /* every field of account ?1 */
  char    *insert;      /* ?1 account, ?2... fields */
  char   **upsert;      /* per field: ?1 account, ?2 value */
  ListSql  lists[KS_PLAN_N_LISTS];
} PlanSql;

static char *
column_list (const KsPlanField *fields,
             guint              n_fields)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (s, ", \"%s\"", fields[i].key);
  return g_string_free (s, FALSE);
}

static char *
placeholders (guint first,
              guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, ", ?%u", first + i);
  return g_string_free (s, FALSE);
}

static gpointer
build_sql (gpointer data)
{
  PlanSql *sql = g_new0 (PlanSql, 1);
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);
  g_autofree char *columns = column_list (fields, n_fields);
  g_autofree char *values = placeholders (2, n_fields);

  /* columns starts with ", ": the account_id comes first. */
  sql->select = g_strdup_printf ("SELECT account_id%s FROM account_plans WHERE account_id = ?1", columns);
  sql->insert = g_strdup_printf ("INSERT INTO account_plans (account_id%s) VALUES (?1%s)", columns, values);
  sql->upsert = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    sql->upsert[i] = g_strdup_printf ("INSERT INTO account_plans (account_id, \"%s\") VALUES (?1, ?2) "
                                      "ON CONFLICT (account_id) DO UPDATE SET \"%s\" = excluded.\"%s\","
                                      " version = account_plans.version + 1",
                                      fields[i].key, fields[i].key, fields[i].key);

  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      ListSql *ls = &sql->lists[l];
      g_autofree char *cols = column_list (info->fields, info->n_fields);
      g_autofree char *vals = placeholders (3, info->n_fields);
      g_autofree char *order = NULL;

      if (info->sort_key && info->newest_first)
        order = g_strdup_printf ("\"%s\" IS NOT NULL, \"%s\" DESC, position, id",
                                 info->sort_key, info->sort_key);
      else if (info->sort_key)
        order = g_strdup_printf ("\"%s\" IS NULL, \"%s\", position, id", info->sort_key, info->sort_key);
      else
        order = g_strdup ("position, id");

      ls->select = g_strdup_printf ("SELECT id%s, version FROM \"%s\" WHERE account_id = ?1 ORDER BY %s",
                                    cols, info->table, order);
      ls->select_one = g_strdup_printf ("SELECT id%s, version FROM \"%s\" WHERE id = ?1", cols, info->table);
      ls->insert = g_strdup_printf ("INSERT INTO \"%s\" (account_id, position%s) VALUES (?1, ?2%s)",
                                    info->table, cols, vals);
      ls->delete_all = g_strdup_printf ("DELETE FROM \"%s\" WHERE account_id = ?1", info->table);
      ls->delete_one = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", info->table);
      ls->owner = g_strdup_printf ("SELECT account_id FROM \"%s\" WHERE id = ?1", info->table);
      ls->extent = g_strdup_printf ("SELECT count (*), coalesce (max (position), 0) FROM \"%s\" "
                                    "WHERE account_id = ?1", info->table);
      ls->update = g_new0 (char *, info->n_fields + 1);
      for (guint i = 0; i < info->n_fields; i++)
        ls->update[i] = g_strdup_printf ("UPDATE \"%s\" SET version = version + 1, \"%s\" = ?2"
                                         " WHERE id = ?1 AND (?3 = 0 OR version = ?3)",
                                         info->table, info->fields[i].key);
    }
  return sql;
}

/* Made once, kept for the life of the process. */
static const PlanSql *
plan_sql (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_sql, NULL);
  return once.retval;
}

/* ---- values ---- */

static gboolean
value_bool (const KsPlanValue *value)
{
  return !isnan (value->number) && value->number != 0;
}

static const char *
value_text (const KsPlanValue *value)
{
  return value->text ? value->text : "";
}

void
ks_plan_value_init (KsPlanValue *value)
{
  g_return_if_fail (value != NULL);

  value->text = g_strdup ("");
  value->number = NAN;
  value->id = 0;
}

/* Frees the text; the value must be initialised again before use. */
void
ks_plan_value_clear (KsPlanValue *value)
{
  g_return_if_fail (value != NULL);

  g_clear_pointer (&value->text, g_free);
  value->number = NAN;
  value->id = 0;
}

void
ks_plan_value_copy (const KsPlanValue *src,
                    KsPlanValue       *dest)
{
  g_return_if_fail (src != NULL && dest != NULL);

  dest->text = g_strdup (value_text (src));
  dest->number = src->number;
  dest->id = src->id;
}

gboolean
ks_plan_value_is_empty (const KsPlanField *field,
                        const KsPlanValue *value)
{
  g_return_val_if_fail (field != NULL && value != NULL, TRUE);

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
      return *value_text (value) == '\0';
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      return isnan (value->number);
    case KS_PLAN_KIND_BOOL:
      return FALSE;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      return value->id <= 0;
    default:
      g_return_val_if_reached (TRUE);
    }
}

gboolean
ks_plan_value_equal (const KsPlanField *field,
                     const KsPlanValue *a,
                     const KsPlanValue *b)
{
  g_return_val_if_fail (field != NULL && a != NULL && b != NULL, FALSE);

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
    case KS_PLAN_KIND_CHOICE:
      return strcmp (value_text (a), value_text (b)) == 0;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      return (isnan (a->number) && isnan (b->number)) || a->number == b->number;
    case KS_PLAN_KIND_BOOL:
      return value_bool (a) == value_bool (b);
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      return MAX (a->id, 0) == MAX (b->id, 0);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
choice_list (const KsPlanField *field)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; field->choices[i]; i++)
    g_string_append_printf (s, "%s“%s”", i ? ", " : "", field->choices[i]);
  return g_string_free (s, FALSE);
}

static gboolean
is_choice (const KsPlanField *field,
           const char        *text)
{
  for (guint i = 0; field->choices[i]; i++)
    if (strcmp (field->choices[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* At most 40 characters of what was given, valid UTF-8, for messages. */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  return g_utf8_substring (valid, 0, 40);
}

gboolean
ks_plan_value_validate (const KsPlanField *field,
                        const KsPlanValue *value,
                        GError           **error)
{
  const char *text;
  const char *label;

  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  text = value_text (value);
  label = _(field->label);
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” is not valid UTF-8 text"), label);
          return FALSE;
        }
      if (field->kind == KS_PLAN_KIND_TEXT && strpbrk (text, "\r\n"))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be one line of text, without line breaks"), label);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_DATE:
      if (*text && !ks_iso_date_parse (text, NULL))
        {
          g_autofree char *shown = shown_text (text);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be a real date written as YYYY-MM-DD, not “%s”"), label, shown);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_CHOICE:
      if (*text && !is_choice (field, text))
        {
          g_autofree char *shown = shown_text (text);
          g_autofree char *known = choice_list (field);
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be one of %s, not “%s”"), label, known, shown);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_NUMBER:
      if (!isnan (value->number) && (!isfinite (value->number) || value->number < 0))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be a number of 0 or more, not %g"), label, value->number);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_PERCENT:
      if (!isnan (value->number) && !(value->number >= 0 && value->number <= 100))
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be a percentage from 0 to 100, not %g"), label, value->number);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_BOOL:
      if (!isnan (value->number) && value->number != 0 && value->number != 1)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” must be yes or no"), label);
          return FALSE;
        }
      return TRUE;

    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (value->id < 0)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” refers to an impossible id %lld"), label, (long long) value->id);
          return FALSE;
        }
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Group separators a user may type: spaces, no-break spaces, thin spaces. */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\t';
}

/* Digits with at most one '.', after dropping group separators; a comma group
 * separator must be followed by exactly three digits. */
static gboolean
parse_plain_number (const char *text,
                    const char *decimal,
                    const char *group,
                    double     *out)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean seen_point = FALSE;
  const char *p = text;
  char *end = NULL;
  double v;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      gsize dlen = strlen (decimal);
      gsize glen = group ? strlen (group) : 0;

      if (is_group_space (c))
        p = g_utf8_next_char (p);
      else if (dlen && strncmp (p, decimal, dlen) == 0)
        {
          if (seen_point)
            return FALSE;
          seen_point = TRUE;
          g_string_append_c (clean, '.');
          p += dlen;
        }
      else if (glen && strncmp (p, group, glen) == 0)
        {
          const char *q = p + glen;
          if (seen_point || clean->len == 0 ||
              !(g_ascii_isdigit (q[0]) && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2])) ||
              g_ascii_isdigit (q[3]))
            return FALSE;
          p = q;
        }
      else if (g_ascii_isdigit (*p))
        g_string_append_c (clean, *p++);
      else
        return FALSE;
    }
  if (clean->len == 0 || strcmp (clean->str, ".") == 0)
    return FALSE;
  v = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  const struct lconv *lc = localeconv ();
  const char *decimal = lc && lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *group = lc && lc->thousands_sep && *lc->thousands_sep ? lc->thousands_sep : NULL;

  if (parse_plain_number (text, ".", ",", out))
    return TRUE;
  if (strcmp (decimal, ".") == 0 && group == NULL)
    return FALSE;
  return parse_plain_number (text, decimal, group, out);
}

static char *
one_line (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (copy);
}

gboolean
ks_plan_value_parse (const KsPlanField *field,
                     const char        *text,
                     KsPlanValue       *value,
                     GError           **error)
{
  g_autofree char *trimmed = NULL;
  KsPlanValue v;
  const char *label;

  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  if (text == NULL)
    text = "";
  label = _(field->label);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not valid UTF-8 text"), label);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  ks_plan_value_init (&v);

  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
      g_free (v.text);
      v.text = one_line (text);
      break;
    case KS_PLAN_KIND_LONG_TEXT:
      g_free (v.text);
      v.text = g_strdup (text);
      break;
    case KS_PLAN_KIND_DATE:
      g_free (v.text);
      v.text = g_strdup (trimmed);
      break;
    case KS_PLAN_KIND_CHOICE:
      g_free (v.text);
      v.text = g_strdup (trimmed);
      if (*trimmed && !is_choice (field, trimmed))
        {
          /* The label as shown, in any case. */
          g_autofree char *key = g_utf8_casefold (trimmed, -1);
          for (guint i = 0; field->choices[i]; i++)
            {
              g_autofree char *shown = g_utf8_casefold (_(field->choice_labels[i]), -1);
              if (strcmp (shown, key) == 0)
                {
                  g_free (v.text);
                  v.text = g_strdup (field->choices[i]);
                  break;
                }
            }
        }
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      {
        gsize len = strlen (trimmed);

        if (field->kind == KS_PLAN_KIND_PERCENT && len > 0 && trimmed[len - 1] == '%')
          {
            trimmed[len - 1] = '\0';
            g_strchomp (trimmed);
          }
        if (*trimmed && !parse_number (trimmed, &v.number))
          {
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                         _("“%s” must be a number of 0 or more, such as 1200.5, not “%s”"),
                         label, trimmed);
            ks_plan_value_clear (&v);
            return FALSE;
          }
      }
      break;
    case KS_PLAN_KIND_BOOL:
      {
        g_autofree char *key = g_utf8_casefold (trimmed, -1);

        if (!*key || strcmp (key, "0") == 0 || strcmp (key, "no") == 0 ||
            strcmp (key, "false") == 0)
          v.number = 0;
        else if (strcmp (key, "1") == 0 || strcmp (key, "yes") == 0 || strcmp (key, "true") == 0)
          v.number = 1;
        else
          {
            g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                         _("“%s” must be yes or no, not “%s”"), label, trimmed);
            ks_plan_value_clear (&v);
            return FALSE;
          }
      }
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      if (*trimmed)
        {
          g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       _("“%s” is picked from a list, not typed"), label);
          ks_plan_value_clear (&v);
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ks_plan_value_validate (field, &v, error))
    {
      ks_plan_value_clear (&v);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* ---- plans and items ---- */

static KsPlanValue *
values_new (guint n)
{
  KsPlanValue *values = g_new (KsPlanValue, n);

  for (guint i = 0; i < n; i++)
    ks_plan_value_init (&values[i]);
  return values;
}

static void
values_free (KsPlanValue *values,
             guint        n)
{
  if (!values)
    return;
  for (guint i = 0; i < n; i++)
    ks_plan_value_clear (&values[i]);
  g_free (values);
}

/* Items must come from ks_plan_item_new(), which remembers the list. */
KsPlanItem *
ks_plan_item_new (KsPlanList list)
{
  PlanItem *item;

  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, NULL);

  item = g_new0 (PlanItem, 1);
  item->list = list;
  item->item.values = values_new (ks_plan_list_info (list)->n_fields);
  return &item->item;
}

void
ks_plan_item_free (KsPlanItem *item)
{
  PlanItem *self = (PlanItem *) item;

  if (!item)
    return;
  values_free (item->values, ks_plan_list_info (self->list)->n_fields);
  g_free (self);
}

KsPlan *
ks_plan_new (gint64 account_id)
{
  KsPlan *plan = g_new0 (KsPlan, 1);
  guint n_fields;

  ks_plan_fields (&n_fields);
  plan->account_id = account_id;
  plan->values = values_new (n_fields);
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    plan->items[l] = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_plan_item_free);
  return plan;
}

void
ks_plan_free (KsPlan *plan)
{
  guint n_fields;

  if (!plan)
    return;
  ks_plan_fields (&n_fields);
  values_free (plan->values, n_fields);
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    g_clear_pointer (&plan->items[l], g_ptr_array_unref);
  g_free (plan);
}

/* Empty: no scalar value set (a BOOL counts when it is yes) and no items. */
gboolean
ks_plan_is_empty (const KsPlan *plan)
{
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);

  g_return_val_if_fail (plan != NULL, TRUE);

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].kind == KS_PLAN_KIND_BOOL ? value_bool (&plan->values[i])
                                              : !ks_plan_value_is_empty (&fields[i], &plan->values[i]))
        return FALSE;
    }
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    if (plan->items[l] && plan->items[l]->len > 0)
      return FALSE;
  return TRUE;
}

const KsPlanValue *
ks_plan_get (const KsPlan *plan,
             const char   *key)
{
  int i;

  g_return_val_if_fail (plan != NULL, NULL);
  i = ks_plan_field_index (key);
  g_return_val_if_fail (i >= 0, NULL);
  return &plan->values[i];
}

const KsPlanValue *
ks_plan_item_get (const KsPlanItem *item,
                  KsPlanList        list,
                  const char       *key)
{
  int i;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (((const PlanItem *) item)->list == list, NULL);
  i = ks_plan_list_field_index (list, key);
  g_return_val_if_fail (i >= 0, NULL);
  return &item->values[i];
}

/* ---- storage ---- */

static void
bind_value (KsStmt      *stmt,
            int                idx,
            const KsPlanField *field,
            const KsPlanValue *value)
{
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_CHOICE:
      ks_bind_text (stmt, idx, value_text (value));
      break;
    case KS_PLAN_KIND_DATE:
      ks_bind_text_or_null (stmt, idx, value_text (value));
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      ks_bind_double_or_null (stmt, idx, value->number);
      break;
    case KS_PLAN_KIND_BOOL:
      ks_stmt_bind_int (stmt, idx, value_bool (value) ? 1 : 0);
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      ks_bind_id (stmt, idx, value->id);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_value (KsStmt      *stmt,
            int                idx,
            const KsPlanField *field,
            KsPlanValue       *value)
{
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_CHOICE:
    case KS_PLAN_KIND_DATE:
      g_free (value->text);
      value->text = g_strdup (ks_column_text (stmt, idx));
      break;
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      value->number = ks_column_double_or_nan (stmt, idx);
      break;
    case KS_PLAN_KIND_BOOL:
      value->number = ks_stmt_column_int (stmt, idx) ? 1 : 0;
      break;
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
      value->id = ks_stmt_column_int64 (stmt, idx);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
load_list (KsWorkspace  *workspace,
           KsPlan       *plan,
           KsPlanList    list,
           GError      **error)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  KsStmt *stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].select, error);
  int rc;

  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, plan->account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    {
      KsPlanItem *item = ks_plan_item_new (list);

      item->id = ks_stmt_column_int64 (stmt, 0);
      for (guint i = 0; i < info->n_fields; i++)
        read_value (stmt, (int) i + 1, &info->fields[i], &item->values[i]);
      item->version = ks_stmt_column_int64 (stmt, (int) info->n_fields + 1);
      g_ptr_array_add (plan->items[list], item);
    }
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("read the plan’s list “%s”"), info->key);
      ks_workspace_set_sql_error (workspace, error, what);
      return FALSE;
    }
  return TRUE;
}

KsPlan *
ks_plan_load (KsWorkspace  *workspace,
              gint64        account_id,
              GError      **error)
{
  KsPlan *plan;
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);
  KsStmt *stmt;
  int rc;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  plan = ks_plan_new (account_id);
  if (!(stmt = ks_workspace_prepare (workspace, plan_sql ()->select, error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    for (guint i = 0; i < n_fields; i++)
      read_value (stmt, (int) i + 1, &fields[i], &plan->values[i]);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the account plan"));
      goto fail;
    }
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    if (!load_list (workspace, plan, l, error))
      goto fail;
  return plan;

fail:
  ks_plan_free (plan);
  return NULL;
}

static gboolean
row_exists (KsWorkspace  *workspace,
            const char   *sql,
            gint64        id,
            gint64        other,
            gboolean     *exists,
            GError      **error)
{
  gint64 found = ks_workspace_query_int (workspace, sql, id, other, _("look up a reference"), error);

  if (found < 0)
    return FALSE;
  *exists = found != 0;
  return TRUE;
}

static gboolean
check_account (KsWorkspace  *workspace,
               gint64        account_id,
               GError      **error)
{
  gboolean exists = FALSE;

  if (!row_exists (workspace, "SELECT 1 FROM accounts WHERE id = ?1", account_id, 0, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no account with id %lld; it may have been deleted"),
                   (long long) account_id);
      return FALSE;
    }
  return TRUE;
}

/* Validates a value and checks that what it refers to exists (a contact: of
 * the plan's account). */
static gboolean
check_value (KsWorkspace       *workspace,
             gint64             account_id,
             const KsPlanField *field,
             const KsPlanValue *value,
             GError           **error)
{
  gboolean exists = TRUE;

  if (!ks_plan_value_validate (field, value, error))
    return FALSE;
  if (value->id <= 0)
    return TRUE;

  switch (field->kind)
    {
    case KS_PLAN_KIND_PERSON:
      if (!row_exists (workspace, "SELECT 1 FROM people WHERE id = ?1", value->id, 0, &exists, error))
        return FALSE;
      if (!exists)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("“%s” names a person who is not in the workspace (id %lld)"),
                     _(field->label), (long long) value->id);
      break;
    case KS_PLAN_KIND_PRODUCT:
      if (!row_exists (workspace, "SELECT 1 FROM products WHERE id = ?1", value->id, 0, &exists, error))
        return FALSE;
      if (!exists)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("“%s” names a product that is not in the workspace (id %lld)"),
                     _(field->label), (long long) value->id);
      break;
    case KS_PLAN_KIND_CONTACT:
      if (!row_exists (workspace, "SELECT 1 FROM contacts WHERE id = ?1 AND account_id = ?2",
                       value->id, account_id, &exists, error))
        return FALSE;
      if (!exists)
        g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                     _("“%s” must be a contact of this account; contact %lld is not"),
                     _(field->label), (long long) value->id);
      break;
    default:
      break;
    }
  return exists;
}

static gboolean
check_item_values (KsWorkspace       *workspace,
                   gint64             account_id,
                   KsPlanList         list,
                   const KsPlanValue *values,
                   GError           **error)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);

  for (guint i = 0; values && i < info->n_fields; i++)
    if (!check_value (workspace, account_id, &info->fields[i], &values[i], error))
      {
        g_prefix_error (error, _("%s: "), _(info->item_label));
        return FALSE;
      }
  return TRUE;
}

static const char *
section_title (KsPlanList list)
{
  guint n;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n);

  for (guint i = 0; i < n; i++)
    if (sections[i].list == list)
      return _(sections[i].title);
  return _(ks_plan_list_info (list)->item_label);
}

static void
set_full_error (const KsPlanListInfo *info,
                GError              **error)
{
  g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s” holds at most %u item; remove one before adding another",
                            "“%s” holds at most %u items; remove one before adding another",
                            info->max_items),
               section_title (info->id), info->max_items);
}

static gboolean
check_full (KsWorkspace  *workspace,
            gint64        account_id,
            KsPlanList    list,
            GError      **error)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  KsStmt *stmt;
  gint64 count;

  if (info->max_items == 0)
    return TRUE;
  if (!(stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].extent, error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("count the plan’s items"));
      ks_stmt_reset (stmt);
      return FALSE;
    }
  count = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  if (count >= info->max_items)
    {
      set_full_error (info, error);
      return FALSE;
    }
  return TRUE;
}

/* The meetings the account's stored actions came from (schema 8), by
 * action id, so a plan saved as a whole keeps its decisions' source: an
 * item keeps the id it was loaded with until it is written again. */
static GHashTable *
load_action_sources (KsWorkspace  *workspace,
                     gint64        account_id,
                     GError      **error)
{
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  KsStmt *stmt;
  int rc;

  stmt = ks_workspace_prepare (workspace,
                               "SELECT id, meeting_id FROM plan_actions"
                               " WHERE account_id = ?1 AND meeting_id IS NOT NULL", error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  while ((rc = ks_stmt_step (stmt)) == KS_STEP_ROW)
    g_hash_table_insert (sources, g_memdup2 (&(gint64) { ks_stmt_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(gint64) { ks_stmt_column_int64 (stmt, 1) }, sizeof (gint64)));
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_DONE)
    {
      ks_workspace_set_sql_error (workspace, error, _("read the actions’ meetings"));
      return NULL;
    }
  return g_steal_pointer (&sources);
}

static gboolean
restore_action_source (KsWorkspace  *workspace,
                       GHashTable   *sources,
                       gint64        old_id,
                       GError      **error)
{
  gint64 *meeting = old_id ? g_hash_table_lookup (sources, &old_id) : NULL;
  KsStmt *stmt;

  if (!meeting)
    return TRUE;
  stmt = ks_workspace_prepare (workspace, "UPDATE plan_actions SET version = version + 1, meeting_id = ?2 WHERE id = ?1", error);
  if (!stmt)
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, ks_workspace_last_insert_id (workspace));
  ks_stmt_bind_int64 (stmt, 2, *meeting);
  return ks_workspace_step_done (workspace, stmt, _("save the account plan"), error);
}

/* Writes every list item and scalar value of plan (validated already);
 * actions whose old id is in @sources get their meeting back. */
static gboolean
insert_plan (KsWorkspace  *workspace,
             const KsPlan *plan,
             GHashTable   *sources,
             GError      **error)
{
  const PlanSql *sql = plan_sql ();
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);
  KsStmt *stmt;
  gboolean any_value = FALSE;

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == KS_PLAN_KIND_BOOL ? value_bool (&plan->values[i])
                                            : !ks_plan_value_is_empty (&fields[i], &plan->values[i]))
      any_value = TRUE;
  if (any_value)
    {
      if (!(stmt = ks_workspace_prepare (workspace, sql->insert, error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, plan->account_id);
      for (guint i = 0; i < n_fields; i++)
        bind_value (stmt, (int) i + 2, &fields[i], &plan->values[i]);
      if (!ks_workspace_step_done (workspace, stmt, _("save the account plan"), error))
        return FALSE;
    }

  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      GPtrArray *items = plan->items[l];

      for (guint k = 0; items && k < items->len; k++)
        {
          const KsPlanItem *item = g_ptr_array_index (items, k);

          if (!(stmt = ks_workspace_prepare (workspace, sql->lists[l].insert, error)))
            return FALSE;
          ks_stmt_bind_int64 (stmt, 1, plan->account_id);
          ks_stmt_bind_int64 (stmt, 2, (gint64) k + 1);
          for (guint i = 0; i < info->n_fields; i++)
            bind_value (stmt, (int) i + 3, &info->fields[i], &item->values[i]);
          if (!ks_workspace_step_done (workspace, stmt, _("save the account plan"), error))
            return FALSE;
          if (l == KS_PLAN_ACTIONS && !restore_action_source (workspace, sources, item->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
delete_plan (KsWorkspace  *workspace,
             gint64        account_id,
             GError      **error)
{
  const PlanSql *sql = plan_sql ();
  KsStmt *stmt;

  if (!(stmt = ks_workspace_prepare (workspace, "DELETE FROM account_plans WHERE account_id = ?1", error)))
    return FALSE;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if (!ks_workspace_step_done (workspace, stmt, _("remove the old account plan"), error))
    return FALSE;
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      if (!(stmt = ks_workspace_prepare (workspace, sql->lists[l].delete_all, error)))
        return FALSE;
      ks_stmt_bind_int64 (stmt, 1, account_id);
      if (!ks_workspace_step_done (workspace, stmt, _("remove the old account plan"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_save_once (KsWorkspace  *workspace,
                const KsPlan *plan,
                GError      **error)
{
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);
  g_autoptr(GHashTable) sources = NULL;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!ks_workspace_begin (workspace, _("Replace Plan"), error))
    return FALSE;
  if (!check_account (workspace, plan->account_id, error))
    goto fail;
  for (guint i = 0; i < n_fields; i++)
    if (!check_value (workspace, plan->account_id, &fields[i], &plan->values[i], error))
      goto fail;
  for (int l = 0; l < KS_PLAN_N_LISTS; l++)
    {
      const KsPlanListInfo *info = ks_plan_list_info (l);
      GPtrArray *items = plan->items[l];

      if (items && info->max_items && items->len > info->max_items)
        {
          set_full_error (info, error);
          goto fail;
        }
      for (guint k = 0; items && k < items->len; k++)
        {
          const KsPlanItem *item = g_ptr_array_index (items, k);
          if (!check_item_values (workspace, plan->account_id, l, item->values, error))
            goto fail;
        }
    }
  if (!(sources = load_action_sources (workspace, plan->account_id, error)) ||
      !delete_plan (workspace, plan->account_id, error) ||
      !insert_plan (workspace, plan, sources, error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* One user action, tried again when other users' transactions stood in its way. */
gboolean
ks_plan_save (KsWorkspace  *workspace,
              const KsPlan *plan,
              GError      **error)
{
  guint attempt = 0;
  gboolean ok;

  while (!(ok = plan_save_once (workspace, plan, error)) && ks_workspace_retry_busy (workspace, &attempt, error))
    ;
  return ok;
}

gboolean
ks_plan_set_field (KsWorkspace       *workspace,
                   gint64             account_id,
                   const char        *key,
                   const KsPlanValue *value,
                   GError           **error)
{
  const KsPlanField *fields = ks_plan_fields (NULL);
  int index;
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  index = ks_plan_field_index (key);
  if (index < 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("The account plan has no field “%s”"), key ? key : "");
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, _("Edit Plan"), error))
    return FALSE;
  if (!check_account (workspace, account_id, error) ||
      !check_value (workspace, account_id, &fields[index], value, error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace, plan_sql ()->upsert[index], error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  bind_value (stmt, 2, &fields[index], value);
  if (!ks_workspace_step_done (workspace, stmt, _("save the account plan"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

static const char *
add_label (KsPlanList list)
{
  return _(ks_plan_list_info (list)->add_label);
}

static const char *
edit_label (KsPlanList list)
{
  switch (list)
    {
    case KS_PLAN_OBJECTIVES: return _("Edit Objective");
    case KS_PLAN_PRODUCTS: return _("Edit Product Bought");
    case KS_PLAN_MEETINGS: return _("Edit Meeting");
    case KS_PLAN_PROJECTS: return _("Edit Project");
    case KS_PLAN_ACTIONS: return _("Edit Action");
    case KS_PLAN_NOTES: return _("Edit Note");
    default: g_return_val_if_reached (_("Edit Plan"));
    }
}

static const char *
remove_label (KsPlanList list)
{
  switch (list)
    {
    case KS_PLAN_OBJECTIVES: return _("Remove Objective");
    case KS_PLAN_PRODUCTS: return _("Remove Product Bought");
    case KS_PLAN_MEETINGS: return _("Remove Meeting");
    case KS_PLAN_PROJECTS: return _("Remove Project");
    case KS_PLAN_ACTIONS: return _("Remove Action");
    case KS_PLAN_NOTES: return _("Remove Note");
    default: g_return_val_if_reached (_("Edit Plan"));
    }
}

gint64
ks_plan_add_item (KsWorkspace       *workspace,
                  gint64             account_id,
                  KsPlanList         list,
                  const KsPlanValue *values,
                  GError           **error)
{
  const KsPlanListInfo *info;
  const ListSql *ls;
  KsStmt *stmt;
  gint64 position, id;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, 0);

  info = ks_plan_list_info (list);
  ls = &plan_sql ()->lists[list];
  if (!ks_workspace_begin (workspace, add_label (list), error))
    return 0;
  if (!check_account (workspace, account_id, error) ||
      !check_full (workspace, account_id, list, error) ||
      !check_item_values (workspace, account_id, list, values, error))
    goto fail;

  if (!(stmt = ks_workspace_prepare (workspace, ls->extent, error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("count the plan’s items"));
      ks_stmt_reset (stmt);
      goto fail;
    }
  position = ks_stmt_column_int64 (stmt, 1) + 1;
  ks_stmt_reset (stmt);

  if (!(stmt = ks_workspace_prepare (workspace, ls->insert, error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  ks_stmt_bind_int64 (stmt, 2, position);
  for (guint i = 0; i < info->n_fields; i++)
    {
      KsPlanValue empty;

      if (values)
        bind_value (stmt, (int) i + 3, &info->fields[i], &values[i]);
      else
        {
          ks_plan_value_init (&empty);
          bind_value (stmt, (int) i + 3, &info->fields[i], &empty);
          ks_plan_value_clear (&empty);
        }
    }
  if (!ks_workspace_step_done (workspace, stmt, _("add to the account plan"), error))
    goto fail;
  id = ks_workspace_last_insert_id (workspace);
  if (!ks_workspace_commit (workspace, error))
    return 0;
  return id;

fail:
  ks_workspace_rollback (workspace);
  return 0;
}

/* The account of an item; 0 with error set when there is none. */
static gint64
item_account (KsWorkspace  *workspace,
              KsPlanList    list,
              gint64        item_id,
              GError      **error)
{
  KsStmt *stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].owner, error);
  gint64 account_id = 0;
  int rc;

  if (!stmt)
    return 0;
  ks_stmt_bind_int64 (stmt, 1, item_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    account_id = ks_stmt_column_int64 (stmt, 0);
  ks_stmt_reset (stmt);
  if (rc != KS_STEP_ROW && rc != KS_STEP_DONE)
    ks_workspace_set_sql_error (workspace, error, _("read the account plan"));
  else if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no %s with id %lld in the plan; it may have been removed"),
                 _(ks_plan_list_info (list)->item_label), (long long) item_id);
  return account_id;
}

/* A value as a person reads it in the conflict message; NULL for a
 * reference (a person, contact or product), which is named by the caller. */
static char *
value_for_message (const KsPlanField *field,
                   const KsPlanValue *value)
{
  switch (field->kind)
    {
    case KS_PLAN_KIND_TEXT:
    case KS_PLAN_KIND_LONG_TEXT:
    case KS_PLAN_KIND_DATE:
      return g_strdup (value_text (value));
    case KS_PLAN_KIND_CHOICE:
      for (guint i = 0; field->choices && field->choices[i]; i++)
        if (g_str_equal (field->choices[i], value_text (value)))
          return g_strdup (_(field->choice_labels[i]));
      return g_strdup (value_text (value));
    case KS_PLAN_KIND_NUMBER:
    case KS_PLAN_KIND_PERCENT:
      return isnan (value->number) ? g_strdup ("") : g_strdup_printf ("%.15g", value->number);
    case KS_PLAN_KIND_BOOL:
      return g_strdup (value_bool (value) ? _("yes") : _("no"));
    case KS_PLAN_KIND_PERSON:
    case KS_PLAN_KIND_CONTACT:
    case KS_PLAN_KIND_PRODUCT:
    default:
      return NULL;
    }
}

/* After an update that changed no row: the item is gone (NOT_FOUND), or
 * another user saved it since @version (CONFLICT, with their value of the
 * field; *version becomes the row's). */
static void
set_item_refusal (KsWorkspace       *workspace,
                  KsPlanList         list,
                  gint64             item_id,
                  int                index,
                  const KsPlanValue *mine,
                  gint64            *version,
                  GError           **error)
{
  const KsPlanListInfo *info = ks_plan_list_info (list);
  const KsPlanField *field = &info->fields[index];
  KsStmt *stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].select_one, error);
  KsPlanValue stored;
  int rc;

  if (!stmt)
    return;
  ks_plan_value_init (&stored);
  ks_stmt_bind_int64 (stmt, 1, item_id);
  rc = ks_stmt_step (stmt);
  if (rc == KS_STEP_ROW)
    {
      g_autoptr(GString) theirs = g_string_new (NULL);
      g_autofree char *their_text = NULL;
      g_autofree char *my_text = NULL;
      g_autofree char *name = NULL;

      read_value (stmt, index + 1, field, &stored);
      *version = ks_stmt_column_int64 (stmt, (int) info->n_fields + 1);
      their_text = value_for_message (field, &stored);
      my_text = value_for_message (field, mine);
      if (!ks_plan_value_equal (field, &stored, mine))
        ks_conflict_note (theirs, _(field->label), their_text,
                          their_text ? my_text : KS_CONFLICT_DIFFERENT);
      /* TRANSLATORS: what was changed: a plan's item, as "Action 12" */
      name = g_strdup_printf (_("%s %lld"), _(info->item_label), (long long) item_id);
      ks_workspace_set_conflict (error, name, theirs);
    }
  else if (rc == KS_STEP_DONE)
    g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no %s with id %lld in the plan; it may have been removed"),
                 _(info->item_label), (long long) item_id);
  else
    ks_workspace_set_sql_error (workspace, error, _("read the account plan"));
  ks_stmt_reset (stmt);
  ks_plan_value_clear (&stored);
}

gboolean
ks_plan_set_item_field (KsWorkspace       *workspace,
                        KsPlanList         list,
                        gint64             item_id,
                        const char        *key,
                        const KsPlanValue *value,
                        GError           **error)
{
  gint64 any = 0;

  return ks_plan_set_item_field_at (workspace, list, item_id, &any, key, value, error);
}

static gboolean
set_item_field_once (KsWorkspace       *workspace,
                     KsPlanList         list,
                     gint64             item_id,
                     gint64            *version,
                     const char        *key,
                     const KsPlanValue *value,
                     GError           **error)
{
  const KsPlanListInfo *info;
  KsStmt *stmt;
  gint64 account_id;
  int index;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, FALSE);
  g_return_val_if_fail (version != NULL && *version >= 0, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  info = ks_plan_list_info (list);
  index = ks_plan_list_field_index (list, key);
  if (index < 0)
    {
      g_set_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                   _("A plan’s %s has no field “%s”"), _(info->item_label), key ? key : "");
      return FALSE;
    }

  if (!ks_workspace_begin (workspace, edit_label (list), error))
    return FALSE;
  if (!(account_id = item_account (workspace, list, item_id, error)))
    goto fail;
  if (!check_value (workspace, account_id, &info->fields[index], value, error))
    {
      g_prefix_error (error, _("%s: "), _(info->item_label));
      goto fail;
    }
  if (!(stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].update[index], error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, item_id);
  bind_value (stmt, 2, &info->fields[index], value);
  ks_stmt_bind_int64 (stmt, 3, *version);
  if (!ks_workspace_step_done (workspace, stmt, _("save the account plan"), error))
    goto fail;
  if (ks_workspace_changes (workspace) == 0)
    {
      set_item_refusal (workspace, list, item_id, index, value, version, error);
      goto fail;
    }
  if (*version > 0)
    *version += 1;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}

/* One user action, tried again when other users' transactions stood in its way. */
gboolean
ks_plan_set_item_field_at (KsWorkspace       *workspace,
                           KsPlanList         list,
                           gint64             item_id,
                           gint64            *version,
                           const char        *key,
                           const KsPlanValue *value,
                           GError           **error)
{
  guint attempt = 0;
  gboolean ok;

  while (!(ok = set_item_field_once (workspace, list, item_id, version, key, value, error)) && ks_workspace_retry_busy (workspace, &attempt, error))
    ;
  return ok;
}

gboolean
ks_plan_delete_item (KsWorkspace  *workspace,
                     KsPlanList    list,
                     gint64        item_id,
                     GError      **error)
{
  KsStmt *stmt;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, FALSE);

  if (!ks_workspace_begin (workspace, remove_label (list), error))
    return FALSE;
  if (!item_account (workspace, list, item_id, error))
    goto fail;
  if (!(stmt = ks_workspace_prepare (workspace, plan_sql ()->lists[list].delete_one, error)))
    goto fail;
  ks_stmt_bind_int64 (stmt, 1, item_id);
  if (!ks_workspace_step_done (workspace, stmt, _("remove from the account plan"), error))
    goto fail;
  return ks_workspace_commit (workspace, error);

fail:
  ks_workspace_rollback (workspace);
  return FALSE;
}
