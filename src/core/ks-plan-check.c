/* ks-plan-check.c — what a mini account plan still lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kinds, their order and what they mean are listed in ks-plan-check.h.
 * Dates are compared as YYYY-MM-DD strings, which order like the days they
 * name; day counts go through GDate.
 */
#define G_LOG_DOMAIN "ks-plan-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ks-plan-check.h"
#include "ks-powermap-types.h"
#include "ks-workspace-private.h"

/* Long names are cut in messages. */
#define NAME_CHARS 60

void
ks_plan_finding_free (KsPlanFinding *finding)
{
  if (!finding)
    return;
  g_free (finding->kind);
  g_free (finding->message);
  g_free (finding);
}

G_GNUC_PRINTF (7, 8)
static void
add (GPtrArray     *findings,
     const char    *kind,
     KsPlanSection  section,
     const char    *field,
     KsPlanList     list,
     gint64         item_id,
     const char    *format,
     ...)
{
  KsPlanFinding *f = g_new0 (KsPlanFinding, 1);
  va_list args;

  f->kind = g_strdup (kind);
  f->section = section;
  f->field = field;
  f->list = list;
  f->item_id = item_id;
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, f);
}

static const char *
text_of (const KsPlan *plan,
         const char   *key)
{
  const char *text = ks_plan_get (plan, key)->text;
  return text ? text : "";
}

static const char *
item_text (const KsPlanItem *item,
           KsPlanList        list,
           const char       *key)
{
  const char *text = ks_plan_item_get (item, list, key)->text;
  return text ? text : "";
}

static gboolean
blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Objective “Grow share to 40 %”, or Objective 2 when it has no text. */
static char *
item_name (const KsPlanItem *item,
           KsPlanList        list,
           const char       *key,
           guint             index)
{
  const char *text = item_text (item, list, key);
  g_autofree char *line = NULL;

  if (blank (text))
    /* TRANSLATORS: an item without a name, e.g. “Objective 2” */
    return g_strdup_printf (_("%s %u"), _(ks_plan_list_info (list)->item_label), index + 1);
  line = g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t", ' '));
  if (g_utf8_strlen (line, -1) > NAME_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, NAME_CHARS - 1);
      /* TRANSLATORS: an item and its name, cut short, e.g. Objective “Grow share…” */
      return g_strdup_printf (_("%s “%s…”"), _(ks_plan_list_info (list)->item_label), cut);
    }
  /* TRANSLATORS: an item and its name, e.g. Objective “Grow share to 40 %” */
  return g_strdup_printf (_("%s “%s”"), _(ks_plan_list_info (list)->item_label), line);
}

static gboolean
is_open_action (const KsPlanItem *item)
{
  const char *status = item_text (item, KS_PLAN_ACTIONS, "status");

  return strcmp (status, "done") != 0 && strcmp (status, "dropped") != 0;
}

static void
check_objectives (const KsPlan *plan,
                  GPtrArray    *out)
{
  GPtrArray *items = plan->items[KS_PLAN_OBJECTIVES];

  if (items->len == 0)
    add (out, "no-objective", KS_PLAN_SECTION_OBJECTIVES, NULL, KS_PLAN_OBJECTIVES, 0,
         "%s", _("The plan has no objective yet"));
  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = item_name (item, KS_PLAN_OBJECTIVES, "objective", i);

      if (!*item_text (item, KS_PLAN_OBJECTIVES, "due"))
        add (out, "objective-no-date", KS_PLAN_SECTION_OBJECTIVES, "due", KS_PLAN_OBJECTIVES,
             item->id, _("%s has no due date"), name);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = item_name (item, KS_PLAN_OBJECTIVES, "objective", i);

      if (blank (item_text (item, KS_PLAN_OBJECTIVES, "measure")))
        add (out, "objective-no-measure", KS_PLAN_SECTION_OBJECTIVES, "measure", KS_PLAN_OBJECTIVES,
             item->id, _("%s has no measure: how will we know it is reached?"), name);
    }
}

static void
check_meetings (const KsPlan *plan,
                const char   *today,
                guint         stale_days,
                GPtrArray    *out)
{
  GPtrArray *items = plan->items[KS_PLAN_MEETINGS];
  const char *last = NULL;   /* the latest date up to today */
  GDate now, then;

  for (guint i = 0; i < items->len; i++)
    {
      const char *date = item_text (g_ptr_array_index (items, i), KS_PLAN_MEETINGS, "date");

      if (*date && strcmp (date, today) <= 0 && (!last || strcmp (date, last) > 0))
        last = date;
    }
  if (!last)
    add (out, "no-meeting-recently", KS_PLAN_SECTION_MEETINGS, NULL, KS_PLAN_MEETINGS, 0,
         "%s", _("No meeting with the customer is recorded"));
  else if (ks_iso_date_parse (last, &then) && ks_iso_date_parse (today, &now) &&
           g_date_days_between (&then, &now) > (gint) stale_days)
    add (out, "no-meeting-recently", KS_PLAN_SECTION_MEETINGS, NULL, KS_PLAN_MEETINGS, 0,
         g_dngettext (GETTEXT_PACKAGE,
                      "The last meeting was on %s, more than %u day ago",
                      "The last meeting was on %s, more than %u days ago",
                      stale_days),
         last, stale_days);

  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      const char *due = item_text (item, KS_PLAN_MEETINGS, "next_due");
      const char *date = item_text (item, KS_PLAN_MEETINGS, "date");
      KsPlanFinding *f;

      if (!*due || strcmp (due, today) >= 0 || ks_plan_item_get (item, KS_PLAN_MEETINGS, "next_done")->number == 1)
        continue;
      if (*date)
        add (out, "next-step-overdue", KS_PLAN_SECTION_MEETINGS, "next_due", KS_PLAN_MEETINGS, item->id,
             _("The next steps of the meeting on %s were due on %s and are not done"), date, due);
      else
        add (out, "next-step-overdue", KS_PLAN_SECTION_MEETINGS, "next_due", KS_PLAN_MEETINGS, item->id,
             _("The next steps of an undated meeting were due on %s and are not done"), due);
      f = g_ptr_array_index (out, out->len - 1);
      f->overdue = TRUE;
    }
}

static void
check_actions (const KsPlan *plan,
               const char   *today,
               GPtrArray    *out)
{
  GPtrArray *items = plan->items[KS_PLAN_ACTIONS];

  if (items->len == 0)
    add (out, "no-action", KS_PLAN_SECTION_ACTIONS, NULL, KS_PLAN_ACTIONS, 0,
         "%s", _("The action plan is empty: who does what by when?"));
  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = item_name (item, KS_PLAN_ACTIONS, "action", i);

      if (is_open_action (item) && ks_plan_item_get (item, KS_PLAN_ACTIONS, "owner")->id <= 0)
        add (out, "action-no-owner", KS_PLAN_SECTION_ACTIONS, "owner", KS_PLAN_ACTIONS, item->id,
             _("%s has no owner"), name);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = item_name (item, KS_PLAN_ACTIONS, "action", i);

      if (is_open_action (item) && !*item_text (item, KS_PLAN_ACTIONS, "due"))
        add (out, "action-no-date", KS_PLAN_SECTION_ACTIONS, "due", KS_PLAN_ACTIONS, item->id,
             _("%s has no due date"), name);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const KsPlanItem *item = g_ptr_array_index (items, i);
      const char *due = item_text (item, KS_PLAN_ACTIONS, "due");
      g_autofree char *name = NULL;
      KsPlanFinding *f;

      if (!is_open_action (item) || !*due || strcmp (due, today) >= 0)
        continue;
      name = item_name (item, KS_PLAN_ACTIONS, "action", i);
      add (out, "action-overdue", KS_PLAN_SECTION_ACTIONS, "due", KS_PLAN_ACTIONS, item->id,
           _("%s was due on %s"), name, due);
      f = g_ptr_array_index (out, out->len - 1);
      f->overdue = TRUE;
    }
}

GPtrArray *
ks_plan_check (const KsPlan             *plan,
               const KsPlanCheckContext *ctx)
{
  static const char *const quadrants[] = { "strengths", "weaknesses", "opportunities", "threats" };
  static const char *const handover[] = { "trainings_done", "joint_visit_done", "introduced", "plan_reviewed" };
  GPtrArray *out;
  guint stale_days;
  const char *current, *target;

  g_return_val_if_fail (plan != NULL && ctx != NULL, NULL);
  g_return_val_if_fail (ks_iso_date_parse (ctx->today, NULL), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_plan_finding_free);
  stale_days = ctx->stale_days ? ctx->stale_days : KS_PLAN_CHECK_DEFAULT_STALE_DAYS;

  if (blank (text_of (plan, "business")))
    add (out, "no-profile", KS_PLAN_SECTION_PROFILE, "business", KS_PLAN_NO_LIST, 0,
         "%s", _("The customer profile does not say what the customer does"));
  if (ctx->decision_makers == 0)
    add (out, "no-decision-maker", KS_PLAN_SECTION_CONTACTS, NULL, KS_PLAN_NO_LIST, 0, "%s",
         ctx->contacts == 0 ? _("No contact is known; add the customer’s people to the power map")
                            : _("No contact with high decision power is known"));
  if (blank (text_of (plan, "decision_process")))
    add (out, "no-decision-process", KS_PLAN_SECTION_CONTACTS, "decision_process", KS_PLAN_NO_LIST, 0,
         "%s", _("The decision-making process is not described"));

  check_objectives (plan, out);

  if (plan->items[KS_PLAN_PRODUCTS]->len == 0)
    add (out, "no-products", KS_PLAN_SECTION_PRODUCTS, NULL, KS_PLAN_PRODUCTS, 0,
         "%s", _("No product the customer buys is listed"));

  check_meetings (plan, ctx->today, stale_days, out);

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    if (blank (text_of (plan, quadrants[i])))
      {
        const KsPlanField *field = &ks_plan_fields (NULL)[ks_plan_field_index (quadrants[i])];
        add (out, "swot-empty", KS_PLAN_SECTION_SWOT, field->key, KS_PLAN_NO_LIST, 0,
             _("SWOT: “%s” is empty"), _(field->label));
      }

  current = text_of (plan, "perception_current");
  target = text_of (plan, "perception_target");
  if (!*current || !*target)
    add (out, "no-perception", KS_PLAN_SECTION_PERCEPTION,
         *current ? "perception_target" : "perception_current", KS_PLAN_NO_LIST, 0, "%s",
         *current ? _("The perception ladder has no target: where do we want to be?")
                  : _("The perception ladder does not say how the customer sees us today"));
  else if (ks_plan_perception_rank (target) <= ks_plan_perception_rank (current))
    add (out, "target-not-above-current", KS_PLAN_SECTION_PERCEPTION, "perception_target",
         KS_PLAN_NO_LIST, 0, "%s",
         _("The target on the perception ladder is not above where we are today"));

  if (blank (text_of (plan, "communication")))
    add (out, "no-communication-style", KS_PLAN_SECTION_KNOWLEDGE, "communication", KS_PLAN_NO_LIST, 0,
         "%s", _("The customer’s communication style is not described"));
  if (blank (text_of (plan, "early_warnings")))
    add (out, "no-early-warnings", KS_PLAN_SECTION_KNOWLEDGE, "early_warnings", KS_PLAN_NO_LIST, 0,
         "%s", _("Nobody is named to get early warnings"));

  check_actions (plan, ctx->today, out);

  for (guint i = 0; i < G_N_ELEMENTS (handover); i++)
    if (ks_plan_get (plan, handover[i])->number != 1)
      {
        const KsPlanField *field = &ks_plan_fields (NULL)[ks_plan_field_index (handover[i])];
        add (out, "handover-open", KS_PLAN_SECTION_HANDOVER, field->key, KS_PLAN_NO_LIST, 0,
             _("Handover: “%s” is not done yet"), _(field->label));
      }

  return out;
}

static guint
stale_days_setting (KsWorkspace *workspace)
{
  g_autofree char *value = ks_workspace_get_setting (workspace, KS_PLAN_CHECK_SETTING_STALE_DAYS);
  guint64 days = 0;

  if (value && g_ascii_string_to_unsigned (value, 10, 1, 36500, &days, NULL))
    return (guint) days;
  return KS_PLAN_CHECK_DEFAULT_STALE_DAYS;
}

GPtrArray *
ks_plan_check_account (KsWorkspace  *workspace,
                       gint64        account_id,
                       const char   *today,
                       GError      **error)
{
  g_autofree char *now = NULL;
  KsPlanCheckContext ctx = { 0 };
  KsPlan *plan;
  GPtrArray *findings;
  KsStmt *stmt;

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

  stmt = ks_workspace_prepare (workspace,
                               "SELECT count (*), coalesce (sum (CASE WHEN power = 1 THEN 1 ELSE 0 END), 0) FROM contacts "
                               "WHERE account_id = ?1 AND kind = 'contact'",
                               error);
  if (!stmt)
    return NULL;
  ks_stmt_bind_int64 (stmt, 1, account_id);
  if (ks_stmt_step (stmt) != KS_STEP_ROW)
    {
      ks_workspace_set_sql_error (workspace, error, _("count the account’s contacts"));
      ks_stmt_reset (stmt);
      return NULL;
    }
  ctx.contacts = (guint) ks_stmt_column_int64 (stmt, 0);
  ctx.decision_makers = (guint) ks_stmt_column_int64 (stmt, 1);
  ks_stmt_reset (stmt);

  if (!(plan = ks_plan_load (workspace, account_id, error)))
    return NULL;
  ctx.today = today;
  ctx.stale_days = stale_days_setting (workspace);
  findings = ks_plan_check (plan, &ctx);
  ks_plan_free (plan);
  return findings;
}
