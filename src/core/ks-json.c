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
#include "ks-map-snapshot.h"
#include "ks-powermap-types.h"
#include "ks-workspace-private.h"

#define FORMAT_TAG "keystone-workspace"
#define DEMO_RESOURCE RESOURCE_PREFIX "/demo/demo-workspace.json"
/* json-glib's parser recurses once per nesting level; the document needs five. */
#define MAX_DEPTH 64
#define MAX_BYTES ((gsize) 1 << 30)

/* Export ------------------------------------------------------------------ */

typedef struct
{
  GString *out;
  guint    depth;
  gboolean empty;   /* the innermost open container has no item yet */
} Writer;

static void
write_string (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;

  if (!text)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same double;
 * DBL_DIG (15) digits always do when the value has that few. */
static void
write_double (GString *out,
              double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == 0)
    value = 0;  /* no "-0" */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
writer_item (Writer     *w,
             const char *key)
{
  if (w->depth > 0)
    {
      if (!w->empty)
        g_string_append_c (w->out, ',');
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  w->empty = FALSE;
  if (key)
    {
      write_string (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
writer_open (Writer     *w,
             const char *key,
             char        bracket)
{
  writer_item (w, key);
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->empty = TRUE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  w->depth--;
  if (!w->empty)
    {
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  g_string_append_c (w->out, bracket);
  w->empty = FALSE;
}

static void
write_text_member (Writer     *w,
                   const char *key,
                   const char *text)
{
  writer_item (w, key);
  write_string (w->out, text);
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
    write_string (w->out, text);
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
  write_double (w->out, ks_column_double_or_nan (stmt, col));
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
                                             "       p.area, m.name"
                                             "  FROM people p LEFT JOIN people m ON m.id = p.manager_id"
                                             " ORDER BY p.name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "people", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
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
                                             "SELECT name, series, price FROM products ORDER BY name",
                                             error);
  int row;

  if (!stmt)
    return FALSE;
  writer_open (w, "products", '[');
  while ((row = step_row (ws, stmt, error)) > 0)
    {
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
            write_string (w->out, ks_buying_role_strings ()[bit]);
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
            write_string (w->out, n->owner);
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
          !export_account_snapshots (ws, w, sqlite3_column_int64 (stmt, 0), error))
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
                                             "       o.expected_close_date"
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
          !read_snapshots (im, &a, i, error))
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
      if (p->manager && !g_hash_table_contains (im->person_index, p->manager))
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
      if (a->parent && !g_hash_table_contains (im->account_index, a->parent))
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
            _("this is not a Keystone workspace document (“format” is not “%s”)"), FORMAT_TAG);
      return FALSE;
    }
  if (g_strcmp0 (json_node_get_string (node), FORMAT_TAG) != 0)
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

  return read_settings (im, root, error) &&
         read_people (im, root, error) &&
         read_products (im, root, error) &&
         read_accounts (im, root, error) &&
         read_opportunities (im, root, error) &&
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
      if (!ks_workspace_exec (ws, "DELETE FROM opportunities", error) ||
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
         write_settings (ws, im, error) &&
         write_people (ws, im, error) &&
         write_products (ws, im, error) &&
         write_accounts (ws, im, error) &&
         write_opportunities (ws, im, error);
}

static gboolean
import_data (KsWorkspace  *ws,
             const char   *data,
             gsize         length,
             const char   *origin,
             gboolean      replace,
             const char   *label,
             GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  Import im;
  gboolean ok;

  import_init (&im, origin);

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
      else if (!write_document (ws, &im, replace, error))
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

char *
ks_json_export (KsWorkspace  *workspace,
                GError      **error)
{
  g_autoptr(GString) out = NULL;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (KS_IS_WORKSPACE (workspace), NULL);

  out = g_string_sized_new (64 * 1024);
  w.out = out;

  /* One read transaction, so the document is one consistent snapshot. */
  if (!ks_workspace_exec (workspace, "SAVEPOINT ks_json_export", error))
    return NULL;

  writer_open (&w, NULL, '{');
  write_text_member (&w, "format", FORMAT_TAG);
  writer_item (&w, "schema_version");
  g_string_append_printf (out, "%u", ks_workspace_get_schema_version (workspace));
  ok = export_settings (workspace, &w, error) &&
       export_people (workspace, &w, error) &&
       export_products (workspace, &w, error) &&
       export_accounts (workspace, &w, error) &&
       export_opportunities (workspace, &w, error);
  writer_close (&w, '}');
  g_string_append_c (out, '\n');

  if (!ok)
    {
      sqlite3_exec (ks_workspace_get_db (workspace), "ROLLBACK TO ks_json_export; RELEASE ks_json_export",
                    NULL, NULL, NULL);
      return NULL;
    }
  if (!ks_workspace_exec (workspace, "RELEASE ks_json_export", error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
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
                      _("Import workspace"), error);
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
  return import_data (workspace, data, length, path, replace, _("Import workspace"), error);
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
                      _("Load demo workspace"), error);
}
