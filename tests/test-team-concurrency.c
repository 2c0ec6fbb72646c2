/* test-team-concurrency.c — fifty people saving into one team workspace at
 * once lose no update (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fifty clients, each a thread with a KsWorkspace (a connection) of its
 * own, as each person's app has, connect, and then all at once edit the
 * same few accounts, contacts and plan actions for a bounded time (and at
 * least a few edits each): read the row, change it, save it. Each
 * keeps its own log of what it saved (the row's version after its save, and
 * the value) and of what was refused. Afterwards, from those logs alone:
 *
 * - every save that succeeded is in the database: a row's version went up
 *   by exactly the number of saves logged for it, each logged version is a
 *   different one, and the row holds the value of the newest;
 * - no update was lost: two saves logging the same version would both have
 *   written over the same row as read, one blind to the other;
 * - every refusal reached its client as KS_WORKSPACE_ERROR_CONFLICT, and
 *   no refused value is in the database;
 * - `export json` of the result is well-formed and holds the final values.
 *
 * And a deadlock between two users is tried again, not reported.
 *
 * Needs a PostgreSQL server in libpq's environment (build-aux/test starts
 * one with pg_virtualenv); without one the case is skipped, except under CI.
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-db.h"
#include "ks-json.h"
#include "ks-plan.h"
#include "ks-test-util.h"

#define N_CLIENTS 50
#define N_ROWS 4             /* of each kind: few, so the clients collide */
#define RUN_SECONDS 3
#define MIN_EDITS 4          /* each, however slow the machine (ASan) */

typedef enum { KIND_ACCOUNT, KIND_CONTACT, KIND_ACTION, N_KINDS } Kind;

typedef struct
{
  Kind    kind;
  int     row;        /* 0 … N_ROWS - 1 */
  gint64  version;    /* the row's version after this save */
  char   *value;
} Saved;

typedef struct
{
  guint        number;
  const char  *uri;
  gint64       account_ids[N_ROWS];
  gint64       contact_ids[N_ROWS];
  gint64       action_ids[N_ROWS];
  gint64       plan_account;      /* the account the actions are in */
  gint        *ready;             /* clients connected, shared */
  gint        *started;           /* set once all are: the time runs from then */
  gint64      *deadline;          /* monotonic µs, shared; set with started */
  GArray      *saved;             /* of Saved, out */
  GPtrArray   *refused;           /* values refused, out */
  char        *failure;           /* an unexpected error, out */
} Client;

static void
saved_clear (gpointer data)
{
  g_free (((Saved *) data)->value);
}

/* The version of action @id as a fresh read of the plan has it. */
static gint64
action_version (KsWorkspace *ws,
                gint64       account_id,
                gint64       id,
                GError     **error)
{
  KsPlan *plan = ks_plan_load (ws, account_id, error);
  gint64 version = -1;

  if (!plan)
    return -1;
  for (guint i = 0; i < plan->items[KS_PLAN_ACTIONS]->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], i);
      if (item->id == id)
        version = item->version;
    }
  ks_plan_free (plan);
  return version;
}

/* One read-change-save; FALSE with @error for a refusal or a failure. */
static gboolean
edit_once (KsWorkspace *ws,
           Client      *c,
           Kind         kind,
           int          row,
           const char  *value,
           gint64      *version,
           GError     **error)
{
  switch (kind)
    {
    case KIND_ACCOUNT:
      {
        g_autoptr(KsAccount) account = ks_account_load (ws, c->account_ids[row], error);

        if (!account)
          return FALSE;
        ks_account_set_notes (account, value);
        if (!ks_account_save (account, ws, error))
          return FALSE;
        *version = ks_account_get_version (account);
        return TRUE;
      }
    case KIND_CONTACT:
      {
        g_autoptr(KsContact) contact = ks_contact_load (ws, c->contact_ids[row], error);

        if (!contact)
          return FALSE;
        ks_contact_set_notes (contact, value);
        if (!ks_contact_save (contact, ws, error))
          return FALSE;
        *version = ks_contact_get_version (contact);
        return TRUE;
      }
    case KIND_ACTION:
      {
        KsPlanValue v = { .text = (char *) value, .number = 0, .id = 0 };

        *version = action_version (ws, c->plan_account, c->action_ids[row], error);
        if (*version < 0)
          return FALSE;
        return ks_plan_set_item_field_at (ws, KS_PLAN_ACTIONS, c->action_ids[row], version,
                                          "action", &v, error);
      }
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
client_run (gpointer data)
{
  Client *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (c->uri, KS_WORKSPACE_OPEN_DEFAULT, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (c->number);

  g_atomic_int_inc (c->ready);
  if (!ws)
    {
      c->failure = g_strdup_printf ("client %u could not open: %s", c->number, error->message);
      return NULL;
    }
  ks_workspace_set_undo_enabled (ws, TRUE);   /* as each person's app has */
  /* All fifty at once: connecting takes a while under a sanitizer. */
  while (!g_atomic_int_get (c->started))
    g_usleep (1000);
  for (guint n = 0; n < MIN_EDITS || g_get_monotonic_time () < *c->deadline; n++)
    {
      Kind kind = g_rand_int_range (rand, 0, N_KINDS);
      int row = g_rand_int_range (rand, 0, N_ROWS);
      g_autofree char *value = g_strdup_printf ("client %u, edit %u", c->number, n);
      gint64 version = 0;

      if (edit_once (ws, c, kind, row, value, &version, &error))
        {
          Saved s = { kind, row, version, g_steal_pointer (&value) };
          g_array_append_val (c->saved, s);
        }
      else if (g_error_matches (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_CONFLICT) &&
               strstr (error->message, "Another user has changed"))
        {
          g_ptr_array_add (c->refused, g_steal_pointer (&value));
          g_clear_error (&error);
        }
      else
        {
          c->failure = g_strdup_printf ("client %u, edit %u: %s", c->number, n,
                                        error ? error->message : "failed with no error");
          return NULL;
        }
    }
  return NULL;
}

/* The stored value and version of one row. */
static char *
stored_row (KsWorkspace *ws,
            Client      *c,
            Kind         kind,
            int          row,
            gint64      *version)
{
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case KIND_ACCOUNT:
      {
        g_autoptr(KsAccount) a = ks_account_load (ws, c->account_ids[row], &error);
        g_assert_no_error (error);
        *version = ks_account_get_version (a);
        return g_strdup (ks_account_get_notes (a));
      }
    case KIND_CONTACT:
      {
        g_autoptr(KsContact) k = ks_contact_load (ws, c->contact_ids[row], &error);
        g_assert_no_error (error);
        *version = ks_contact_get_version (k);
        return g_strdup (ks_contact_get_notes (k));
      }
    case KIND_ACTION:
      {
        KsPlan *plan = ks_plan_load (ws, c->plan_account, &error);
        char *text = NULL;

        g_assert_no_error (error);
        for (guint i = 0; i < plan->items[KS_PLAN_ACTIONS]->len; i++)
          {
            const KsPlanItem *item = g_ptr_array_index (plan->items[KS_PLAN_ACTIONS], i);
            if (item->id == c->action_ids[row])
              {
                *version = item->version;
                text = g_strdup (ks_plan_item_get (item, KS_PLAN_ACTIONS, "action")->text);
              }
          }
        ks_plan_free (plan);
        g_assert_nonnull (text);
        return text;
      }
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_fifty_clients (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  Client proto = { 0 };
  Client clients[N_CLIENTS];
  GThread *threads[N_CLIENTS];
  gint64 first_version[N_KINDS][N_ROWS];
  guint total_saved = 0, total_refused = 0;
  gint ready = 0, started = 0;
  gint64 deadline = 0;

  if (!uri)
    return;
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  proto.uri = uri;
  proto.plan_account = ks_test_add_account (ws, "Shared Account 0");
  for (int r = 0; r < N_ROWS; r++)
    {
      g_autofree char *name = g_strdup_printf ("Shared Account %d", r + 1);
      g_autofree char *contact = g_strdup_printf ("Shared Contact %d", r);

      proto.account_ids[r] = ks_test_add_account (ws, name);
      proto.contact_ids[r] = ks_test_add_contact (ws, proto.plan_account, contact,
                                                  KS_NODE_CONTACT, KS_POWER_MEDIUM);
      proto.action_ids[r] = ks_plan_add_item (ws, proto.plan_account, KS_PLAN_ACTIONS, NULL, &error);
      g_assert_no_error (error);
    }
  for (int k = 0; k < N_KINDS; k++)
    for (int r = 0; r < N_ROWS; r++)
      g_free (stored_row (ws, &proto, k, r, &first_version[k][r]));

  proto.ready = &ready;
  proto.started = &started;
  proto.deadline = &deadline;
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = proto;
      clients[i].number = i + 1;
      clients[i].saved = g_array_new (FALSE, FALSE, sizeof (Saved));
      g_array_set_clear_func (clients[i].saved, saved_clear);
      clients[i].refused = g_ptr_array_new_with_free_func (g_free);
      threads[i] = g_thread_new ("client", client_run, &clients[i]);
    }
  while (g_atomic_int_get (&ready) < N_CLIENTS)
    g_usleep (1000);
  deadline = g_get_monotonic_time () + RUN_SECONDS * G_USEC_PER_SEC;
  g_atomic_int_set (&started, TRUE);
  for (guint i = 0; i < N_CLIENTS; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < N_CLIENTS; i++)
    if (clients[i].failure)
      g_error ("%s", clients[i].failure);

  /* Each row against the clients' logs. */
  for (int k = 0; k < N_KINDS; k++)
    for (int r = 0; r < N_ROWS; r++)
      {
        g_autoptr(GHashTable) versions = g_hash_table_new (g_int64_hash, g_int64_equal);
        const Saved *newest = NULL;
        guint n = 0;
        gint64 final_version;
        g_autofree char *final_value = stored_row (ws, &proto, k, r, &final_version);

        for (guint i = 0; i < N_CLIENTS; i++)
          for (guint j = 0; j < clients[i].saved->len; j++)
            {
              const Saved *s = &g_array_index (clients[i].saved, Saved, j);

              if (s->kind != (Kind) k || s->row != r)
                continue;
              /* two saves over one version: one was lost */
              g_assert_false (g_hash_table_contains (versions, &s->version));
              g_hash_table_add (versions, (gpointer) &s->version);
              g_assert_cmpint (s->version, >, first_version[k][r]);
              if (!newest || s->version > newest->version)
                newest = s;
              n++;
            }
        g_assert_cmpint (final_version - first_version[k][r], ==, n);
        if (newest)
          g_assert_cmpstr (final_value, ==, newest->value);
        else
          g_assert_cmpstr (final_value, ==, "");
        total_saved += n;
      }

  /* A refused value is nowhere. */
  for (int k = 0; k < N_KINDS; k++)
    for (int r = 0; r < N_ROWS; r++)
      {
        gint64 v;
        g_autofree char *stored = stored_row (ws, &proto, k, r, &v);

        for (guint i = 0; i < N_CLIENTS; i++)
          g_assert_false (g_ptr_array_find_with_equal_func (clients[i].refused, stored,
                                                            g_str_equal, NULL));
      }
  for (guint i = 0; i < N_CLIENTS; i++)
    total_refused += clients[i].refused->len;
  g_test_message ("%u clients, %d s: %u saves, %u refused as stale", N_CLIENTS, RUN_SECONDS,
                  total_saved, total_refused);
  /* Enough happened, and at once, for the checks to mean something. */
  g_assert_cmpuint (total_saved, >=, N_KINDS * N_ROWS);
  g_assert_cmpuint (total_refused, >, 0);

  json = ks_json_export (ws, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  for (int r = 0; r < N_ROWS; r++)
    {
      gint64 v;
      g_autofree char *notes = stored_row (ws, &proto, KIND_ACCOUNT, r, &v);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", notes);

      if (*notes)
        g_assert_nonnull (strstr (json, quoted));
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_array_unref (clients[i].saved);
      g_ptr_array_unref (clients[i].refused);
    }
}

typedef struct
{
  KsWorkspace *ws;
  gint64       ids[2];
  gboolean     ok;
  char        *failure;
} Mover;

static gpointer
mover_run (gpointer data)
{
  Mover *m = data;
  const double xs[2] = { 11, 12 }, ys[2] = { 21, 22 };
  g_autoptr(GError) error = NULL;

  m->ok = ks_contact_set_positions (m->ws, m->ids, xs, ys, 2, &error);
  if (!m->ok)
    m->failure = g_strdup (error->message);
  return NULL;
}

/* Tidying the map moves contact A, then B; another session holds B and
 * then wants A. The server breaks the deadlock by failing the one that
 * waited longest, the tidy layout: it is tried again and lands. */
static void
test_deadlock_retried (void)
{
  g_autofree char *uri = ks_test_server_uri (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsDb) other = NULL;
  g_autoptr(KsContact) a = NULL;
  g_autoptr(KsContact) b = NULL;
  g_autofree char *hold_b = NULL;
  g_autofree char *want_a = NULL;
  Mover m = { 0 };
  GThread *thread;
  gint64 account;
  gboolean other_ok;

  if (!uri)
    return;
  ws = ks_workspace_open (uri, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  account = ks_test_add_account (ws, "Deadlock Oy");
  m.ws = ws;
  m.ids[0] = ks_test_add_contact (ws, account, "A", KS_NODE_CONTACT, KS_POWER_HIGH);
  m.ids[1] = ks_test_add_contact (ws, account, "B", KS_NODE_CONTACT, KS_POWER_HIGH);

  other = ks_db_open_pg (uri, &error);
  g_assert_no_error (error);
  hold_b = g_strdup_printf ("BEGIN; UPDATE contacts SET version = version + 1, x = 500"
                            " WHERE id = %" G_GINT64_FORMAT, m.ids[1]);
  want_a = g_strdup_printf ("UPDATE contacts SET version = version + 1, x = 600"
                            " WHERE id = %" G_GINT64_FORMAT, m.ids[0]);
  g_assert_true (ks_db_exec (other, hold_b, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("mover", mover_run, &m);
  g_usleep (500 * 1000);   /* the mover has A and waits for B */
  /* Blocks until the server fails one of the two (deadlock_timeout, 1 s). */
  other_ok = ks_db_exec (other, want_a, &error);
  g_assert_no_error (error);
  g_assert_true (other_ok);   /* so the mover was the one failed */
  g_assert_true (ks_db_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  if (m.failure)
    g_error ("the tidy layout was not tried again: %s", m.failure);
  g_assert_true (m.ok);

  /* Its second try came after the other session's commit: its places stand. */
  a = ks_contact_load (ws, m.ids[0], &error);
  g_assert_no_error (error);
  b = ks_contact_load (ws, m.ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ks_contact_get_x (a), ==, 11);
  g_assert_cmpfloat (ks_contact_get_x (b), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/concurrency/fifty-clients", test_fifty_clients);
  g_test_add_func ("/team/concurrency/deadlock-retried", test_deadlock_retried);
  return g_test_run ();
}
