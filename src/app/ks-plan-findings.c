/* ks-plan-findings.c — the completeness panel beside the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists what ks_plan_check() finds missing in the shown plan, ten rows at
 * first and a "Show More" row for the rest, or says the plan is complete.
 * Activating a finding emits "finding-activated"; the page opens and
 * focuses what fills it.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-findings.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-app-util.h"
#include "ks-contact.h"

/* Finding rows shown at first, and added by their "Show More" row: a plan
 * with hundreds of open actions lists them without building hundreds of rows. */
#define FINDINGS_PAGE 10
/* Row data "finding-index": the finding's index + 1; this for "Show More". */
#define SHOW_MORE_INDEX G_MAXUINT

struct _KsPlanFindings
{
  GtkWidget            parent_instance;

  KsPlanContext       *ctx;
  GPtrArray           *findings;   /* of KsPlanFinding, as shown */
  guint                limit;
  gboolean             pending;    /* rows to show after the first frame */
  GPtrArray           *dead_rows;  /* of GtkWidget: the previous account's */

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *placeholder;
};

G_DEFINE_FINAL_TYPE (KsPlanFindings, ks_plan_findings, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_findings (KsPlanFindings *self);

/* Helpers */

static const char *
section_title (KsPlanSection section)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);

  for (guint s = 0; s < n_sections; s++)
    if (sections[s].id == section)
      return _(sections[s].title);
  return "";
}

static gboolean
findings_equal (GPtrArray *a,
                GPtrArray *b)
{
  if (!a || !b || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      KsPlanFinding *x = g_ptr_array_index (a, i);
      KsPlanFinding *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->kind, y->kind) != 0 || g_strcmp0 (x->message, y->message) != 0 ||
          g_strcmp0 (x->field, y->field) != 0 || x->item_id != y->item_id ||
          x->list != y->list || x->section != y->section || x->overdue != y->overdue)
        return FALSE;
    }
  return TRUE;
}

/* A plain row (an icon, two labels, an arrow): a quarter of the widgets of
 * an AdwActionRow, which counts when a plan is opened. */
static GtkWidget *
finding_row_new (const KsPlanFinding *finding,
                 guint                index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (finding->overdue ? "dialog-error-symbolic"
                                                                   : "dialog-warning-symbolic");
  GtkWidget *title = gtk_label_new (finding->message);
  const char *section = section_title (finding->section);
  GtkWidget *subtitle = gtk_label_new (section);
  g_autofree char *label = NULL;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (icon, finding->overdue ? "error" : "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* wraps rather than asking for the whole message on one line */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Go to the field that fills this in"));
  if (finding->overdue)
    /* Translators: a finding's accessible label: the finding, then its section */
    label = g_strdup_printf (_("Overdue: %s. In %s"), finding->message, section);
  else
    /* Translators: a finding's accessible label: the finding, then its section */
    label = g_strdup_printf (_("Missing: %s. In %s"), finding->message, section);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Goes to the field that fills this in"),
                                  -1);
  g_object_set_data (G_OBJECT (row), "finding-index", GUINT_TO_POINTER (index + 1));
  return row;
}

/* Rows for the first `limit` findings, and "Show More" for the rest. */
static void
show_findings (KsPlanFindings *self)
{
  guint n = self->findings ? self->findings->len : 0;
  guint shown = MIN (n, self->limit);

  self->pending = FALSE;
  gtk_widget_set_visible (self->placeholder, TRUE);
  ks_list_box_remove_rows (self->list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->list, finding_row_new (g_ptr_array_index (self->findings, i), i));
  if (n > shown)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Show %u More of %u"), MIN (FINDINGS_PAGE, n - shown), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "plan-more-row");
      g_object_set_data (G_OBJECT (row), "finding-index", GUINT_TO_POINTER (SHOW_MORE_INDEX));
      gtk_list_box_append (self->list, row);
    }
}

/* What ks_plan_check_account() finds, from the plan and contacts the page
 * holds already: no second load of a plan with hundreds of items per edit. */
static GPtrArray *
check_plan (KsPlanFindings *self)
{
  g_autofree char *setting = ks_workspace_get_setting (self->ctx->workspace, KS_PLAN_CHECK_SETTING_STALE_DAYS);
  KsPlanCheckContext ctx = { 0 };
  guint n = self->ctx->contacts ? g_list_model_get_n_items (self->ctx->contacts) : 0;
  guint64 days = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KsContact) contact = g_list_model_get_item (self->ctx->contacts, i);

      if (ks_contact_get_kind (contact) != KS_NODE_CONTACT)
        continue;
      ctx.contacts++;
      ctx.decision_makers += ks_contact_get_power (contact) == KS_POWER_HIGH;
    }
  if (setting && g_ascii_string_to_unsigned (setting, 10, 1, 36500, &days, NULL))
    ctx.stale_days = (guint) days;
  ctx.today = self->ctx->today;
  return ks_plan_check (self->ctx->plan, &ctx);
}

/* Callbacks */

static void
activate_finding (KsPlanFindings *self,
                  guint           index)
{
  KsPlanFinding copy;
  g_autofree char *field = NULL;

  if (!self->findings || index >= self->findings->len)
    return;
  /* focus moving away may save a row, reload and renew the findings */
  copy = *(KsPlanFinding *) g_ptr_array_index (self->findings, index);
  field = g_strdup (copy.field);
  copy.field = field;
  copy.kind = copy.message = NULL;
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, &copy);
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  KsPlanFindings *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "finding-index"));
  GtkListBoxRow *next;

  if (index == 0)
    return;
  if (index != SHOW_MORE_INDEX)
    {
      activate_finding (self, index - 1);
      return;
    }
  index = gtk_list_box_row_get_index (row);
  self->limit += FINDINGS_PAGE;
  show_findings (self);
  /* the focus goes on to the first of the rows added */
  if ((next = gtk_list_box_get_row_at_index (self->list, index)))
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

/* GObject */

static void
ks_plan_findings_dispose (GObject *object)
{
  KsPlanFindings *self = KS_PLAN_FINDINGS (object);

  g_clear_pointer (&self->dead_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PLAN_FINDINGS);
  ks_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (ks_plan_findings_parent_class)->dispose (object);
}

static void
ks_plan_findings_class_init (KsPlanFindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_plan_findings_dispose;

  /* A finding was picked: @finding (a KsPlanFinding, valid during the
   * emission only; its kind and message NULL) */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-plan-findings.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPlanFindings, group);
  gtk_widget_class_bind_template_child (widget_class, KsPlanFindings, list);
  gtk_widget_class_bind_template_child (widget_class, KsPlanFindings, placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ks_plan_findings_init (KsPlanFindings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit = FINDINGS_PAGE;
  self->dead_rows = g_ptr_array_new_with_free_func (g_object_unref);
}

void
ks_plan_findings_set_context (KsPlanFindings *self,
                              KsPlanContext  *ctx)
{
  g_return_if_fail (KS_IS_PLAN_FINDINGS (self));

  self->ctx = ctx;
}

/* Checks the plan again; the rows stay when nothing changed (and keep the
 * focus). TRUE when the findings changed. */
gboolean
ks_plan_findings_refresh (KsPlanFindings *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint n, n_overdue = 0;

  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), FALSE);

  if (self->ctx->workspace && self->ctx->account_id > 0 && self->ctx->plan)
    fresh = check_plan (self);
  if (!fresh)
    fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) ks_plan_finding_free);
  if (findings_equal (self->findings, fresh))
    return FALSE;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&fresh);
  n = self->findings->len;
  if (self->ctx->defer)
    {
      /* the rows after the first frame; the previous account's go now,
       * freed later, and "complete" does not show in between */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)), *next; child; child = next)
        {
          next = gtk_widget_get_next_sibling (child);
          if (GTK_IS_LIST_BOX_ROW (child))
            {
              g_ptr_array_add (self->dead_rows, g_object_ref (child));
              gtk_list_box_remove (self->list, child);
            }
        }
      gtk_widget_set_visible (self->placeholder, n == 0);
      self->pending = TRUE;
    }
  else
    show_findings (self);
  for (guint i = 0; i < n; i++)
    n_overdue += ((KsPlanFinding *) g_ptr_array_index (self->findings, i))->overdue;

  if (n > 0)
    {
      g_autofree char *description = NULL;

      if (n_overdue > 0)
        description = g_strdup_printf (ngettext ("%u is overdue. Pick one to go to it.",
                                                 "%u are overdue. Pick one to go to it.", n_overdue),
                                       n_overdue);
      adw_preferences_group_set_description (self->group,
                                             description ? description : _("Pick one to go to it."));
    }
  else
    adw_preferences_group_set_description (self->group, NULL);
  return TRUE;
}

void
ks_plan_findings_restart (KsPlanFindings *self)
{
  g_return_if_fail (KS_IS_PLAN_FINDINGS (self));

  self->limit = FINDINGS_PAGE;
}

guint
ks_plan_findings_get_n (KsPlanFindings *self)
{
  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), 0);

  return self->findings ? self->findings->len : 0;
}

gboolean
ks_plan_findings_has_pending (KsPlanFindings *self)
{
  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), FALSE);

  return self->pending || self->dead_rows->len > 0;
}

gboolean
ks_plan_findings_build_step (KsPlanFindings *self)
{
  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), FALSE);

  if (!self->pending)
    return FALSE;
  show_findings (self);
  return TRUE;
}

gboolean
ks_plan_findings_free_step (KsPlanFindings *self)
{
  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), FALSE);

  if (self->dead_rows->len == 0)
    return FALSE;
  g_ptr_array_set_size (self->dead_rows, 0);
  return TRUE;
}

guint
ks_plan_findings_get_n_shown (KsPlanFindings *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), 0);

  /* the rows shown, not the array behind them */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "finding-index"));

      n += GTK_IS_LIST_BOX_ROW (child) && index != 0 && index != SHOW_MORE_INDEX;
    }
  return n;
}

const KsPlanFinding *
ks_plan_findings_get_finding (KsPlanFindings *self,
                              guint           index)
{
  g_return_val_if_fail (KS_IS_PLAN_FINDINGS (self), NULL);

  if (!self->findings || index >= self->findings->len)
    return NULL;
  return g_ptr_array_index (self->findings, index);
}

void
ks_plan_findings_activate_row (KsPlanFindings *self,
                               guint           index)
{
  GtkListBoxRow *row;

  g_return_if_fail (KS_IS_PLAN_FINDINGS (self));

  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row)
    g_signal_emit_by_name (self->list, "row-activated", row);
}
