/* ks-cli-meeting.c — keystone-cli's meeting mode: meeting create, list and
 * decide, report meeting, render meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same core (ks-meeting.h, ks-due-date.h) and slides
 * (ks-meeting-slides.h) as the app's presentation, so the minutes written
 * here are the slides shown there.
 */
#define G_LOG_DOMAIN "keystone-cli"

#include "config.h"

#include "ks-cli-meeting.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>

#include "ks-account.h"
#include "ks-due-date.h"
#include "ks-export.h"
#include "ks-meeting.h"
#include "ks-meeting-slides.h"
#include "ks-person.h"

typedef enum
{
  CMD_CREATE,
  CMD_LIST,
  CMD_DECIDE,
  CMD_REPORT,
  CMD_RENDER,
} Command;

static const char *const usages[] = {
  N_("usage: keystone-cli meeting create TITLE --date YYYY-MM-DD [--attendee NAME]... [--account NAME]... "
     "[--a-accounts-of NAME] [--json]"),
  N_("usage: keystone-cli meeting list [--json]"),
  N_("usage: keystone-cli meeting decide --meeting ID --account NAME [--owner NAME] [--due PHRASE] "
     "[--today YYYY-MM-DD] [--json] TEXT"),
  N_("usage: keystone-cli report meeting --meeting ID [--json]"),
  N_("usage: keystone-cli render meeting --meeting ID [--today YYYY-MM-DD] [--slide N [--width W] [--height H]] -o FILE"),
};

/* The first option given that @command does not take, or NULL. */
static const char *
foreign_option (const Options *opts,
                Command        command)
{
  struct { gboolean given; const char *name; guint allowed; } checks[] = {
    { opts->demo, "--demo", 0 },
    { opts->dry_run, "--dry-run", 0 },
    { opts->replace, "--replace", 0 },
    { opts->period != NULL, "--period", 0 },
    { opts->year != KS_CLI_NO_YEAR, "--year", 0 },
    { opts->compare != NULL, "--compare", 0 },
    { opts->preset != NULL, "--preset", 0 },
    { opts->x_axis != NULL, "--x", 0 },
    { opts->y_axis != NULL, "--y", 0 },
    { opts->colour_by != NULL, "--colour-by", 0 },
    { opts->segment != NULL, "--segment", 0 },
    { opts->top != 0, "--top", 0 },
    { opts->scope != NULL, "--scope", 0 },
    { opts->manager || opts->team || opts->region || opts->product, "--manager/--team/--region/--product", 0 },
    { opts->from || opts->to || opts->by, "--from/--to/--by", 0 },
    { opts->opportunity || opts->criterion || opts->score, "--opportunity/--criterion/--score", 0 },
    { opts->json, "--json", 1 << CMD_CREATE | 1 << CMD_LIST | 1 << CMD_DECIDE | 1 << CMD_REPORT },
    { opts->output != NULL, "-o", 1 << CMD_RENDER },
    { opts->width || opts->height, "--width/--height", 1 << CMD_RENDER },
    { opts->slide != 0, "--slide", 1 << CMD_RENDER },
    { opts->today != NULL, "--today", 1 << CMD_DECIDE | 1 << CMD_RENDER },
    { opts->accounts->len > 0, "--account", 1 << CMD_CREATE | 1 << CMD_DECIDE },
    { opts->owner != NULL, "--owner", 1 << CMD_DECIDE },
    { opts->due != NULL, "--due", 1 << CMD_DECIDE },
    { opts->meeting != NULL, "--meeting", 1 << CMD_DECIDE | 1 << CMD_REPORT | 1 << CMD_RENDER },
    { opts->date != NULL, "--date", 1 << CMD_CREATE },
    { opts->attendees != NULL, "--attendee", 1 << CMD_CREATE },
    { opts->a_accounts_of != NULL, "--a-accounts-of", 1 << CMD_CREATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].given && !(checks[i].allowed & (1u << command)))
      return checks[i].name;
  return NULL;
}

/* --meeting ID as a number; 0 (after a usage message) when it is none. */
static gint64
meeting_id (const Options *opts)
{
  char *end = NULL;
  gint64 id;

  if (!opts->meeting)
    return 0;
  id = g_ascii_strtoll (opts->meeting, &end, 10);
  if (end == opts->meeting || *end || id <= 0)
    return 0;
  return id;
}

static gint64
find_person (KsWorkspace  *ws,
             const char   *name,
             GError      **error)
{
  g_autoptr(KsPerson) person = ks_person_find (ws, name, error);

  return person ? ks_person_get_id (person) : 0;
}

static gint64
find_account (KsWorkspace  *ws,
              const char   *name,
              GError      **error)
{
  g_autoptr(KsAccount) account = ks_account_find (ws, name, error);

  return account ? ks_account_get_id (account) : 0;
}

static void
write_meeting (KsJsonWriter    *j,
               const KsMeeting *m)
{
  ks_json_writer_key (j, "id");
  ks_json_writer_int (j, m->id);
  ks_json_writer_key (j, "title");
  ks_json_writer_string (j, m->title);
  ks_json_writer_key (j, "date");
  ks_json_writer_string (j, m->date);
  ks_json_writer_key (j, "attendees");
  ks_json_writer_begin (j, '[');
  for (guint i = 0; i < m->attendees->len; i++)
    ks_json_writer_string (j, g_ptr_array_index (m->attendees, i));
  ks_json_writer_end (j, ']');
  ks_json_writer_key (j, "agenda");
  ks_json_writer_begin (j, '[');
  for (guint i = 0; i < m->accounts->len; i++)
    ks_json_writer_string (j, g_ptr_array_index (m->accounts, i));
  ks_json_writer_end (j, ']');
  ks_json_writer_key (j, "n_decisions");
  ks_json_writer_int (j, m->n_decisions);
}

static void
write_decision (KsJsonWriter            *j,
                const KsMeetingDecision *d)
{
  ks_json_writer_begin (j, '{');
  ks_json_writer_key (j, "account");
  ks_json_writer_string (j, d->account);
  ks_json_writer_key (j, "text");
  ks_json_writer_string (j, d->text);
  write_string_or_null (j, "owner", *d->owner ? d->owner : NULL);
  write_string_or_null (j, "due", *d->due ? d->due : NULL);
  ks_json_writer_key (j, "action_id");
  ks_json_writer_int (j, d->action_id);
  ks_json_writer_key (j, "status");
  ks_json_writer_string (j, d->status);
  ks_json_writer_end (j, '}');
}

/* ---- meeting create ---------------------------------------------------------------- */

static void
append_unique (GArray *ids,
               gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static int
create (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsMeeting) m = NULL;
  g_autoptr(KsMeeting) stored = NULL;
  gint64 id;

  if (g_strv_length (opts->args) != 3 || !opts->date)
    return usage_error ("%s", _(usages[CMD_CREATE]));
  if (!(ws = open_existing (opts, &error)))
    return refused (error);
  m = ks_meeting_new (opts->args[2], opts->date);
  for (guint i = 0; opts->attendees && opts->attendees[i]; i++)
    {
      gint64 person = find_person (ws, opts->attendees[i], &error);
      if (!person)
        return refused (error);
      append_unique (m->attendee_ids, person);
    }
  for (guint i = 0; i < opts->accounts->len; i++)
    {
      gint64 account = find_account (ws, g_ptr_array_index (opts->accounts, i), &error);
      if (!account)
        return refused (error);
      append_unique (m->account_ids, account);
    }
  if (opts->a_accounts_of)
    {
      KsAgendaFilter filter = { .a_class_only = TRUE };
      g_autoptr(GArray) picked = NULL;

      if (!(filter.owner_id = find_person (ws, opts->a_accounts_of, &error)) ||
          !(picked = ks_meeting_pick_accounts (ws, &filter, &error)))
        return refused (error);
      for (guint i = 0; i < picked->len; i++)
        append_unique (m->account_ids, g_array_index (picked, gint64, i));
    }
  if (!(id = ks_meeting_create (ws, m, &error)) ||
      !(stored = ks_meeting_load (ws, id, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      write_meeting (j, stored);
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Meeting %" PRId64 ": %s on %s, %u account on the agenda\n",
                            "Meeting %" PRId64 ": %s on %s, %u accounts on the agenda\n",
                            stored->accounts->len),
               stored->id, stored->title, stored->date, stored->accounts->len);
      for (guint i = 0; i < stored->accounts->len; i++)
        g_print ("  %u. %s\n", i + 1, (const char *) g_ptr_array_index (stored->accounts, i));
    }
  return EXIT_DONE;
}

/* ---- meeting list ------------------------------------------------------------------ */

static int
list (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  if (g_strv_length (opts->args) != 2)
    return usage_error ("%s", _(usages[CMD_LIST]));
  if (!(ws = open_existing (opts, &error)) || !(meetings = ks_meeting_list (ws, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "meetings");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < meetings->len; i++)
        {
          ks_json_writer_begin (j, '{');
          write_meeting (j, g_ptr_array_index (meetings, i));
          ks_json_writer_end (j, '}');
        }
      ks_json_writer_end (j, ']');
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      static const char *const headers[] = { N_("Id"), N_("Date"), N_("Title"), N_("Accounts"), N_("Decisions") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < meetings->len; i++)
        {
          const KsMeeting *m = g_ptr_array_index (meetings, i);
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
          row[1] = g_strdup (m->date);
          row[2] = g_strdup (m->title);
          row[3] = g_strdup_printf ("%u", m->accounts->len);
          row[4] = g_strdup_printf ("%u", m->n_decisions);
          g_ptr_array_add (rows, row);
        }
      print_table (headers, G_N_ELEMENTS (headers), rows);
    }
  return EXIT_DONE;
}

/* ---- meeting decide ------------------------------------------------------------------ */

static int
decide (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *due = NULL;
  gint64 meeting = meeting_id (opts), account, owner = 0, action;
  KsMeetingDecision *taken = NULL;

  if (g_strv_length (opts->args) != 3 || !opts->account || opts->accounts->len != 1)
    return usage_error ("%s", _(usages[CMD_DECIDE]));
  if (!meeting)
    return usage_error (_("--meeting takes a meeting’s id (a whole number, see “meeting list”), not “%s”"),
                        opts->meeting ? opts->meeting : "");
  /* The due phrase first: a refused phrase should not need a workspace. */
  if (opts->due && !(due = ks_due_date_parse_iso (opts->due, opts->today, &error)))
    return refused (error);
  if (!(ws = open_existing (opts, &error)) ||
      !(account = find_account (ws, opts->account, &error)) ||
      (opts->owner && !(owner = find_person (ws, opts->owner, &error))) ||
      !(action = ks_meeting_add_decision (ws, meeting, account, opts->args[2], owner, due, &error)) ||
      !(decisions = ks_meeting_decisions (ws, meeting, &error)))
    return refused (error);
  for (guint i = 0; i < decisions->len; i++)
    if (((KsMeetingDecision *) g_ptr_array_index (decisions, i))->action_id == action)
      taken = g_ptr_array_index (decisions, i);
  g_assert (taken != NULL);   /* written a moment ago */

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "meeting");
      ks_json_writer_int (j, meeting);
      ks_json_writer_key (j, "decision");
      write_decision (j, taken);
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    g_print (_("Decision recorded as action %" PRId64 " on the plan of %s (owner %s, due %s)\n"),
             taken->action_id, taken->account, *taken->owner ? taken->owner : _("nobody"),
             *taken->due ? taken->due : _("not set"));
  return EXIT_DONE;
}

/* ---- report meeting ------------------------------------------------------------------ */

static int
report (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsMeeting) m = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 id = meeting_id (opts);

  if (g_strv_length (opts->args) != 2)
    return usage_error ("%s", _(usages[CMD_REPORT]));
  if (!id)
    return usage_error (_("--meeting takes a meeting’s id (a whole number, see “meeting list”), not “%s”"),
                        opts->meeting ? opts->meeting : "");
  if (!(ws = open_existing (opts, &error)) ||
      !(m = ks_meeting_load (ws, id, &error)) ||
      !(decisions = ks_meeting_decisions (ws, id, &error)))
    return refused (error);

  if (opts->json)
    {
      g_autoptr(KsJsonWriter) j = ks_json_writer_new ();

      ks_json_writer_begin (j, '{');
      ks_json_writer_key (j, "meeting");
      ks_json_writer_begin (j, '{');
      write_meeting (j, m);
      ks_json_writer_end (j, '}');
      ks_json_writer_key (j, "decisions");
      ks_json_writer_begin (j, '[');
      for (guint i = 0; i < decisions->len; i++)
        write_decision (j, g_ptr_array_index (decisions, i));
      ks_json_writer_end (j, ']');
      ks_json_writer_end (j, '}');
      print_json_text (j);
    }
  else
    {
      static const char *const headers[] = { N_("Account"), N_("Decision"), N_("Owner"), N_("Due"), N_("Action") };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_print ("%s, %s\n", m->title, m->date);
      for (guint i = 0; i < decisions->len; i++)
        {
          const KsMeetingDecision *d = g_ptr_array_index (decisions, i);
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup (d->account);
          row[1] = g_strdup (d->text);
          row[2] = g_strdup (*d->owner ? d->owner : "—");
          row[3] = g_strdup (*d->due ? d->due : "—");
          row[4] = g_strdup_printf ("%" G_GINT64_FORMAT, d->action_id);
          g_ptr_array_add (rows, row);
        }
      if (decisions->len)
        print_table (headers, G_N_ELEMENTS (headers), rows);
      else
        g_print ("%s\n", _("No decisions taken yet."));
    }
  return EXIT_DONE;
}

/* ---- render meeting ------------------------------------------------------------------ */

static int
render (const Options *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = NULL;
  g_autoptr(KsMeetingDeck) deck = NULL;
  gint64 id = meeting_id (opts);
  GDate today;
  KsExportFormat format;

  if (g_strv_length (opts->args) != 2 || !opts->output)
    return usage_error ("%s", _(usages[CMD_RENDER]));
  if (!id)
    return usage_error (_("--meeting takes a meeting’s id (a whole number, see “meeting list”), not “%s”"),
                        opts->meeting ? opts->meeting : "");
  if ((opts->width || opts->height) && !opts->slide)
    return usage_error (_("--width and --height apply to one slide (--slide N); the minutes are 960 × 540 pt pages"));
  if (opts->width < 0 || opts->height < 0 || opts->slide < 0)
    return usage_error (_("--slide, --width and --height take positive numbers"));
  if (opts->today && !ks_due_date_from_iso (opts->today, &today))
    return usage_error (_("--today takes a date as YYYY-MM-DD, not “%s”"), opts->today);
  if (!ks_export_format_for_path (opts->output, &format, &error))
    return refused (error);
  if (!opts->slide && format != KS_EXPORT_PDF)
    return usage_error (_("the minutes are a PDF: name the file “….pdf”, or give --slide N for a picture"));
  if (!(ws = open_existing (opts, &error)) ||
      !(deck = ks_meeting_deck_load (ws, id, opts->today, &error)))
    return refused (error);

  if (opts->slide)
    {
      guint n = ks_meeting_deck_get_n_slides (deck);

      if ((guint) opts->slide > n)
        {
          g_set_error (&error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "The meeting has %u slide; there is no slide %d",
                                    "The meeting has %u slides; there is no slide %d", n),
                       n, opts->slide);
          return refused (error);
        }
      if (!ks_meeting_slide_export (deck, (guint) opts->slide - 1, opts->output, NULL,
                                    opts->width ? opts->width : KS_SLIDE_WIDTH,
                                    opts->height ? opts->height : KS_SLIDE_HEIGHT, &error))
        return refused (error);
    }
  else if (!ks_meeting_minutes_write (deck, opts->output, NULL, &error))
    return refused (error);
  return EXIT_DONE;
}

int
ks_cli_meeting (const Options *opts)
{
  const char *cmd = opts->args[0];
  const char *sub = opts->args[1];
  Command command;
  const char *foreign;

  if (g_str_equal (cmd, "report"))
    command = CMD_REPORT;
  else if (g_str_equal (cmd, "render"))
    command = CMD_RENDER;
  else if (g_strcmp0 (sub, "create") == 0)
    command = CMD_CREATE;
  else if (g_strcmp0 (sub, "list") == 0)
    command = CMD_LIST;
  else if (g_strcmp0 (sub, "decide") == 0)
    command = CMD_DECIDE;
  else
    return usage_error (_("meeting what? Use “meeting create TITLE --date YYYY-MM-DD”, “meeting list” "
                          "or “meeting decide --meeting ID --account NAME TEXT”"));

  if ((foreign = foreign_option (opts, command)))
    return usage_error (_("%s does not apply here; %s"), foreign, _(usages[command]));
  switch (command)
    {
    case CMD_CREATE:
      return create (opts);
    case CMD_LIST:
      return list (opts);
    case CMD_DECIDE:
      return decide (opts);
    case CMD_REPORT:
      return report (opts);
    case CMD_RENDER:
    default:
      return render (opts);
    }
}
