/* ks-json-read.c — a workspace or handover document read and checked (json-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import parses with JsonParser and reads and checks the whole document into
 * plain structs (types, references, duplicates, cycles) before anything is
 * written. Each JSON object's position is remembered while parsing so that a
 * refusal names FILE:LINE:COLUMN of the object at fault. This file holds the
 * reader itself (the text's pre-checks, the parse, positions and messages,
 * the typed readers), the document's frame and its top-level lists but the
 * accounts (ks-json-read-accounts.c).
 */
#define G_LOG_DOMAIN "ks-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ks-json-private.h"

/* json-glib's parser recurses once per nesting level; the document needs five. */
#define MAX_DEPTH 64
#define MAX_BYTES ((gsize) 1 << 30)

typedef struct
{
  guint line;
  guint column;
} Position;

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

void
ks_json_import_clear (Import *im)
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
  g_clear_pointer (&im->stages, g_array_unref);
  g_clear_pointer (&im->stage_map, g_array_unref);
  g_clear_pointer (&im->eval_criteria, g_array_unref);
  g_clear_pointer (&im->history, g_array_unref);
  g_clear_pointer (&im->evaluations, g_array_unref);
  g_clear_pointer (&im->period_index, g_hash_table_unref);
  g_clear_pointer (&im->person_index, g_hash_table_unref);
  g_clear_pointer (&im->product_index, g_hash_table_unref);
  g_clear_pointer (&im->account_index, g_hash_table_unref);
  g_clear_pointer (&im->raci, g_ptr_array_unref);
  /* Last: the strings read point into its nodes. */
  g_clear_object (&im->parser);
}

void
ks_json_import_init (Import     *im,
                     const char *origin,
                     gboolean    account_mode)
{
  memset (im, 0, sizeof *im);
  im->origin = origin;
  im->account_mode = account_mode;
  im->parser = json_parser_new ();
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
  im->stages = g_array_new (FALSE, TRUE, sizeof (StageIn));
  im->stage_map = g_array_new (FALSE, TRUE, sizeof (StageMapIn));
  im->eval_criteria = g_array_new (FALSE, TRUE, sizeof (EvalCriterionIn));
  im->history = g_array_new (FALSE, TRUE, sizeof (HistoryIn));
  im->evaluations = g_array_new (FALSE, TRUE, sizeof (EvaluationIn));
  im->criterion_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->period_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->product_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->account_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->raci = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_raci_chart_free);
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
void
ks_json_fail (Import       *im,
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

gboolean
ks_json_holds_type (JsonNode *node,
                    GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Missing or null → "" (or NULL when nullable; "" is NULL there too). */
gboolean
ks_json_read_string (Import       *im,
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
  if (!ks_json_holds_type (node, G_TYPE_STRING))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    nullable ? _("“%s” must be a string or null") : _("“%s” must be a string"), member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  if (!*out || (nullable && !**out))
    *out = nullable ? NULL : "";
  return TRUE;
}

gboolean
ks_json_read_name (Import       *im,
                   JsonObject   *object,
                   const char   *member,
                   const char  **out,
                   SubjectKind   kind,
                   guint         index,
                   GError      **error)
{
  g_autofree char *trimmed = NULL;

  if (!ks_json_read_string (im, object, member, FALSE, out, kind, NULL, index, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (*out));
  if (!*trimmed)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, NULL, index,
                    _("“%s” must not be empty"), member);
      return FALSE;
    }
  return TRUE;
}

/* Missing or null → NaN. Integers are read as doubles too. Only an
 * opportunity's value may be negative (a credit note in a CRM export). */
gboolean
ks_json_read_number (Import      *im,
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
  if (ks_json_holds_type (node, G_TYPE_INT64) || ks_json_holds_type (node, G_TYPE_DOUBLE))
    *out = json_node_get_double (node);
  if (isnan (*out))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    _("“%s” must be a number or null"), member);
      return FALSE;
    }
  if (!isfinite (*out))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    _("“%s” is too large"), member);
      return FALSE;
    }
  if (*out < 0 && !negative_ok)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    _("“%s” must be zero or more"), member);
      return FALSE;
    }
  return TRUE;
}

/* Missing or null → -1; a whole double is taken as an integer. */
gboolean
ks_json_read_count (Import      *im,
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
  if (ks_json_holds_type (node, G_TYPE_INT64))
    *out = json_node_get_int (node);
  else if (ks_json_holds_type (node, G_TYPE_DOUBLE))
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
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    _("“%s” must be a whole number or null"), member);
      return FALSE;
    }
  if (*out < 0 || *out > max)
    {
      if (max == G_MAXINT64)
        ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                      _("“%s” must be a whole number, zero or more, or null"), member);
      else
        ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                      _("“%s” must be a whole number from 0 to %lld, or null"), member, (long long) max);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_json_is_iso_date (const char *date)
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
  if (!ks_json_read_string (im, object, member, TRUE, out, SUBJECT_OPPORTUNITY, name, index, error))
    return FALSE;
  if (*out && !ks_json_is_iso_date (*out))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_OPPORTUNITY, name, index,
                    _("“%s” is not a date: “%s” (use YYYY-MM-DD or null)"), member, *out);
      return FALSE;
    }
  return TRUE;
}

gboolean
ks_json_read_one_of (Import            *im,
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
  if (ks_json_holds_type (node, G_TYPE_STRING) && g_strv_contains (allowed, json_node_get_string (node)))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  {
    g_autofree char *list = g_strjoinv (", ", (char **) allowed);
    ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, SUBJECT_ACCOUNT, name, index,
                  _("“%s” must be one of %s"), member, list);
  }
  return FALSE;
}

/* Each item of an array member must be an object; a missing or null array is empty. */
gboolean
ks_json_get_array (Import      *im,
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
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
                    _("“%s” must be a list"), member);
      return FALSE;
    }
  *out = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*out); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (*out, i)))
      {
        ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, object, kind, name, index,
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
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("“settings” must be an object"));
      return FALSE;
    }
  settings = json_node_get_object (node);
  members = json_object_get_members (settings);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (settings, l->data);

      if (!ks_json_holds_type (value, G_TYPE_STRING))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, settings, SUBJECT_SETTINGS, NULL, 0,
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

  if (!ks_json_get_array (im, root, "people", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Person p = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, p.object, "name", &p.name, SUBJECT_PERSON, i, error))
        return FALSE;
      if (!ks_json_read_string (im, p.object, "title", FALSE, &p.title, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "phone", FALSE, &p.phone, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "email", FALSE, &p.email, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "team", FALSE, &p.team, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "region", FALSE, &p.region, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "area", FALSE, &p.area, SUBJECT_PERSON, p.name, i, error) ||
          !ks_json_read_string (im, p.object, "manager", TRUE, &p.manager, SUBJECT_PERSON, p.name, i, error))
        return FALSE;
      if (g_hash_table_contains (im->person_index, p.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_PERSON, p.name, i,
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

  if (!ks_json_get_array (im, root, "products", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Product p = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, p.object, "name", &p.name, SUBJECT_PRODUCT, i, error) ||
          !ks_json_read_string (im, p.object, "series", FALSE, &p.series, SUBJECT_PRODUCT, p.name, i, error) ||
          !ks_json_read_number (im, p.object, "price", FALSE, &p.price, SUBJECT_PRODUCT, p.name, i, error))
        return FALSE;
      if (g_hash_table_contains (im->product_index, p.name))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, p.object, SUBJECT_PRODUCT, p.name, i,
                        _("the name is used twice"));
          return FALSE;
        }
      g_hash_table_insert (im->product_index, (gpointer) p.name, GUINT_TO_POINTER (i + 1));
      g_array_append_val (im->products, p);
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

  if (!ks_json_get_array (im, root, "opportunities", &array, SUBJECT_NONE, NULL, 0, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      Opportunity o = { json_array_get_object_element (array, i) };

      if (!ks_json_read_name (im, o.object, "id", &o.ref, SUBJECT_OPPORTUNITY, i, error))
        return FALSE;
      if (!ks_json_read_string (im, o.object, "account", TRUE, &o.account, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !ks_json_read_string (im, o.object, "product", TRUE, &o.product, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !ks_json_read_string (im, o.object, "owner", TRUE, &o.owner, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !ks_json_read_string (im, o.object, "title", FALSE, &o.title, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !ks_json_read_string (im, o.object, "stage", FALSE, &o.stage, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !ks_json_read_number (im, o.object, "value", TRUE, &o.value, SUBJECT_OPPORTUNITY, o.ref, i, error) ||
          !read_date (im, o.object, "engage_date", &o.engage_date, o.ref, i, error) ||
          !read_date (im, o.object, "close_date", &o.close_date, o.ref, i, error) ||
          !read_date (im, o.object, "expected_close_date", &o.expected_close_date, o.ref, i, error) ||
          !ks_json_read_opportunity_funnel (im, &o, i, error))
        return FALSE;
      if (o.account && !g_hash_table_contains (im->account_index, o.account))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                        _("the account “%s” is not among the accounts"), o.account);
          return FALSE;
        }
      if (o.product && !g_hash_table_contains (im->product_index, o.product))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                        _("the product “%s” is not among the products"), o.product);
          return FALSE;
        }
      if (o.owner && !g_hash_table_contains (im->person_index, o.owner))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
                        _("the owner “%s” is not among the people"), o.owner);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) o.ref))
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, o.object, SUBJECT_OPPORTUNITY, o.ref, i,
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
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, p->object, SUBJECT_PERSON, p->name, i,
                        _("the manager “%s” is not among the people"), p->manager);
          return FALSE;
        }
      managers[i] = p->manager
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (im->person_index, p->manager)) - 1 : -1;
    }
  if ((loop = find_loop (managers, n_people)) >= 0)
    {
      Person *q = &g_array_index (im->people, Person, loop);
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, q->object, SUBJECT_PERSON, q->name, loop,
                    _("they are their own manager, directly or through others"));
      return FALSE;
    }

  for (guint i = 0; i < n_accounts; i++)
    {
      Account *a = &g_array_index (im->accounts, Account, i);
      if (a->parent && !g_hash_table_contains (im->account_index, a->parent) && !im->account_mode)
        {
          ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, a->object, SUBJECT_ACCOUNT, a->name, i,
                        _("the parent account “%s” is not among the accounts"), a->parent);
          return FALSE;
        }
      parents[i] = a->parent
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (im->account_index, a->parent)) - 1 : -1;
    }
  if ((loop = find_loop (parents, n_accounts)) >= 0)
    {
      Account *b = &g_array_index (im->accounts, Account, loop);
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, b->object, SUBJECT_ACCOUNT, b->name, loop,
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
      ks_json_fail (im, error, KS_IMPORT_ERROR_MALFORMED, NULL, SUBJECT_NONE, NULL, 0,
                    _("the document is empty"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, NULL, SUBJECT_NONE, NULL, 0,
                    _("this is not a Keystone workspace document (it is not a JSON object)"));
      return FALSE;
    }
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (!node || !ks_json_holds_type (node, G_TYPE_STRING))
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("this is not a Keystone workspace document (“format” is not “%s”)"),
                    im->account_mode ? ACCOUNT_FORMAT_TAG : FORMAT_TAG);
      return FALSE;
    }
  if (!im->account_mode && g_strcmp0 (json_node_get_string (node), ACCOUNT_FORMAT_TAG) == 0)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("this is one account’s document (“%s”), not a whole workspace; "
                      "import it with “keystone-cli import account FILE”"), ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (im->account_mode && g_strcmp0 (json_node_get_string (node), FORMAT_TAG) == 0)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("this is a whole workspace (“%s”), not one account’s document (“%s”); "
                      "import it with “keystone-cli import json FILE”"), FORMAT_TAG, ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (im->account_mode && g_strcmp0 (json_node_get_string (node), ACCOUNT_FORMAT_TAG) != 0)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("this is a “%s” document, not a Keystone account (“%s”)"),
                    json_node_get_string (node), ACCOUNT_FORMAT_TAG);
      return FALSE;
    }
  if (!im->account_mode && g_strcmp0 (json_node_get_string (node), FORMAT_TAG) != 0)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("this is a “%s” document, not a Keystone workspace (“%s”)"),
                    json_node_get_string (node), FORMAT_TAG);
      return FALSE;
    }
  node = json_object_get_member (root, "schema_version");
  if (!node || !ks_json_holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("“schema_version” must be a whole number from 1"));
      return FALSE;
    }
  version = json_node_get_int (node);
  if (version > ks_workspace_latest_schema_version ())
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("the document was written by a newer version of Keystone (schema %lld, this version reads up to %u); update Keystone to import it"),
                    (long long) version, ks_workspace_latest_schema_version ());
      return FALSE;
    }

  if (!im->account_mode &&
      (!read_settings (im, root, error) || !ks_json_read_scoring (im, root, error) ||
       !ks_json_read_funnel (im, root, error)))
    return FALSE;
  if (!read_people (im, root, error) ||
      !read_products (im, root, error) ||
      !ks_json_read_accounts (im, root, error))
    return FALSE;
  if (im->account_mode && im->accounts->len != 1)
    {
      ks_json_fail (im, error, KS_IMPORT_ERROR_VALUE, root, SUBJECT_NONE, NULL, 0,
                    _("“accounts” must hold exactly one account (it holds %u)"), im->accounts->len);
      return FALSE;
    }
  return read_opportunities (im, root, error) &&
         check_chains (im, error) &&
         (im->account_mode || ks_json_read_raci (im, root, error)) &&
         (im->account_mode || ks_json_read_meetings (im, root, error));
}

gboolean
ks_json_read (Import      *im,
              const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean loaded;

  /* A byte order mark is allowed and skipped. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!check_text (im, data, length, error))
    return FALSE;

  g_signal_connect (im->parser, "object-start", G_CALLBACK (on_object_start), im);
  g_signal_connect (im->parser, "object-end", G_CALLBACK (on_object_end), im);
  loaded = json_parser_load_from_data (im->parser, data, length, &local_error);
  g_signal_handlers_disconnect_by_data (im->parser, im);
  if (!loaded)
    {
      /* json-glib says "<data>:LINE:COLUMN: reason"; name the file instead. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      if (im->origin)
        g_set_error (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED, "%s:%s", im->origin, message);
      else
        g_set_error_literal (error, KS_IMPORT_ERROR, KS_IMPORT_ERROR_MALFORMED, message);
      return FALSE;
    }
  return read_document (im, json_parser_get_root (im->parser), error);
}
