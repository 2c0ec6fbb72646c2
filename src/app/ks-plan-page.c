/* ks-plan-page.c — an account's mini account plan, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is built by walking the plan's template (ks-plan-template.c): a
 * preferences group per section with a row per scalar field
 * (ks-plan-field-editor.c), a KsPlanListSection per list, a
 * KsPlanContactsSection for the account's contacts. Every edit is saved at
 * once through ks_plan_set_field() / ks_plan_set_item_field(), one undo step
 * each; "changed::TABLE" signals bring the rows back in step without
 * touching text the user is still typing. The page holds the shown account
 * (KsPlanContext, ks-plan-context.h) that the sections read, the work left
 * for after the first frame of a newly opened account, the scrolling to a
 * row, the actions and export and print.
 *
 * Beside the plan, a panel (ks-plan-findings.c) lists what
 * ks_plan_check_account() finds missing; activating a finding opens and
 * focuses the row that fills it. The plan is exported as PDF and printed
 * with ks-plan-print, the same pages either way.
 */
#define G_LOG_DOMAIN "ks-plan-page"

#include "config.h"

#include "ks-plan-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ks-account.h"
#include "ks-app-util.h"
#include "ks-contact.h"
#include "ks-person.h"
#include "ks-plan-check.h"
#include "ks-plan-contacts-section.h"
#include "ks-plan-context.h"
#include "ks-plan-field-editor.h"
#include "ks-plan-findings.h"
#include "ks-plan-list-section.h"
#include "ks-plan-print.h"
#include "ks-product.h"
#include "ks-window.h"

/* How long a jump to a row keeps it in view while rows open around it. */
#define SCROLL_SETTLE_US (400 * 1000)
/* How long one idle step of the work left after the first frame may take. */
#define PENDING_SLICE_US (8 * 1000)

struct _KsPlanPage
{
  GtkWidget          parent_instance;

  KsPlanContext      ctx;        /* the shown account, read by the sections */
  GPtrArray         *editors;    /* of KsPlanFieldEditor, one per ks_plan_fields () */
  KsPlanListSection *lists[KS_PLAN_N_LISTS];
  KsPlanContactsSection *contacts_section;

  /* Work left after the first frame of a newly opened account */
  gboolean           built;          /* the sections exist (until dispose) */
  guint              pending_tick;   /* waits for the next frame */
  guint              pending_source; /* then does the work, a slice at a time */
  GtkWidget         *scroll_target;   /* weak */
  GtkWidget         *scroll_anchor;   /* weak: shown from its top when the target fits */
  gint64             scroll_until;
  guint              scroll_tick;
  guint              scroll_placed;   /* ticks that found the target laid out */
  guint              scroll_frames;

  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkBox            *sections_box;
  GtkLabel          *title_label;
  GtkToggleButton   *findings_button;
  AdwButtonContent  *findings_content;
  KsPlanFindings    *findings;
};

G_DEFINE_FINAL_TYPE (KsPlanPage, ks_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (KsPlanPage *self, gboolean replace);
static void refresh_findings (KsPlanPage *self);
static void pending_finish (KsPlanPage *self);

/* Helpers */

/* The section of @list, the work left for later done first; NULL when
 * there is no such list. */
static KsPlanListSection *
list_section (KsPlanPage *self,
              KsPlanList  list)
{
  if (list < 0 || list >= KS_PLAN_N_LISTS)
    return NULL;
  pending_finish (self);
  return self->lists[list];
}

/* The contacts section, the work left for later done first. */
static KsPlanContactsSection *
contacts_section (KsPlanPage *self)
{
  pending_finish (self);
  return self->contacts_section;
}

/* Reference models */

static void
load_references (KsPlanPage *self,
                 gboolean    people,
                 gboolean    products,
                 gboolean    contacts)
{
  if (people)
    {
      g_clear_object (&self->ctx.people);
      if (self->ctx.workspace)
        self->ctx.people = ks_person_list (self->ctx.workspace, NULL);
    }
  if (products)
    {
      g_clear_object (&self->ctx.products);
      if (self->ctx.workspace)
        self->ctx.products = ks_product_list (self->ctx.workspace, NULL);
    }
  if (contacts)
    {
      g_clear_object (&self->ctx.contacts);
      if (self->ctx.workspace && self->ctx.account_id > 0)
        self->ctx.contacts = ks_contact_list_for_account (self->ctx.workspace, self->ctx.account_id, NULL);
      ks_plan_contacts_section_refresh (self->contacts_section);
    }
}

/* Work left after the first frame of a newly opened account: the rest of
 * the first page of each list and of the contacts, the finding rows,
 * freeing the previous account's rows. Whatever asks for a row or a
 * finding finishes it first. */

static gboolean
pending_any (KsPlanPage *self)
{
  if (ks_plan_findings_has_pending (self->findings) ||
      ks_plan_contacts_section_has_pending (self->contacts_section))
    return TRUE;
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    if (ks_plan_list_section_has_pending (self->lists[l]))
      return TRUE;
  return FALSE;
}

static void
pending_cancel (KsPlanPage *self)
{
  if (self->pending_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  g_clear_handle_id (&self->pending_source, g_source_remove);
}


/* One piece of the work; FALSE when none is left. */
static gboolean
pending_step (KsPlanPage *self)
{
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    if (ks_plan_list_section_build_step (self->lists[l]))
      return TRUE;
  if (ks_plan_contacts_section_build_step (self->contacts_section))
    return TRUE;
  if (ks_plan_findings_build_step (self->findings))
    return TRUE;
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    if (ks_plan_list_section_free_step (self->lists[l]))
      return TRUE;
  if (ks_plan_findings_free_step (self->findings))
    return TRUE;
  return ks_plan_contacts_section_free_step (self->contacts_section);
}

/* Does all of it now. */
static void
pending_finish (KsPlanPage *self)
{
  if (self->built && pending_any (self))
    {
      pending_cancel (self);
      while (pending_step (self))
        ;
    }
}

/* A slice of the work at a time; the frames go on in between (an idle
 * would wait while frames are drawn back to back on a busy machine). */
static gboolean
pending_slice_cb (gpointer data)
{
  KsPlanPage *self = data;
  gint64 end = g_get_monotonic_time () + PENDING_SLICE_US;

  while (g_get_monotonic_time () < end)
    if (!pending_step (self))
      {
        self->pending_source = 0;
        return G_SOURCE_REMOVE;
      }
  return G_SOURCE_CONTINUE;
}

/* Ticks in the update phase of the next frame: the work starts once that
 * frame is laid out and painted. */
static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);

  self->pending_tick = 0;
  if (!self->pending_source)
    self->pending_source = g_timeout_add (1, pending_slice_cb, self);
  return G_SOURCE_REMOVE;
}

/* Starts the work after the next frame, once the page is shown. */
static void
pending_schedule (KsPlanPage *self)
{
  pending_cancel (self);
  if (!pending_any (self))
    return;
  self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
}

/* Loading */

static void
reload (KsPlanPage *self,
        gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsAccount) account = NULL;
  gboolean was = self->ctx.updating;

  g_clear_pointer (&self->ctx.plan, ks_plan_free);
  if (self->ctx.workspace && self->ctx.account_id > 0 &&
      (account = ks_account_load (self->ctx.workspace, self->ctx.account_id, NULL)))
    self->ctx.plan = ks_plan_load (self->ctx.workspace, self->ctx.account_id, &error);
  if (error)
    g_warning ("%s", error->message);

  if (!self->ctx.plan)
    {
      g_clear_pointer (&self->ctx.account_name, g_free);
      refresh_findings (self);
      /* item rows point into the plan: drop them with it */
      for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
        ks_plan_list_section_clear (self->lists[l]);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  g_free (self->ctx.today);
  self->ctx.today = ks_plan_today_iso ();
  self->ctx.updating = TRUE;
  g_free (self->ctx.account_name);
  self->ctx.account_name = g_strdup (ks_account_get_name (account));
  gtk_label_set_text (self->title_label, self->ctx.account_name);
  for (guint i = 0; i < self->editors->len; i++)
    ks_plan_field_editor_show (g_ptr_array_index (self->editors, i), replace);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    ks_plan_list_section_sync (self->lists[l], replace);
  self->ctx.updating = was;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_box), !ks_workspace_is_read_only (self->ctx.workspace));
  gtk_stack_set_visible_child_name (self->stack, "plan");
  refresh_findings (self);
}

static void
refill_references (KsPlanPage *self,
                   KsPlanKind  kind)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      KsPlanFieldEditor *ed = g_ptr_array_index (self->editors, i);

      if (ed->field->kind == kind)
        ks_plan_field_editor_fill_references (ed);
    }
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    ks_plan_list_section_refill_references (self->lists[l], kind);
}

static void
on_workspace_changed (KsPlanPage  *self,
                      const char  *table,
                      KsWorkspace *workspace)
{
  if (self->ctx.account_id <= 0)
    return;
  if (g_str_equal (table, "account_plans") || g_str_has_prefix (table, "plan_") ||
      g_str_equal (table, "accounts"))
    reload (self, FALSE);
  else if (self->ctx.plan && g_str_equal (table, "people"))
    {
      load_references (self, TRUE, FALSE, FALSE);
      refill_references (self, KS_PLAN_KIND_PERSON);
      refresh_findings (self);
    }
  else if (self->ctx.plan && g_str_equal (table, "products"))
    {
      load_references (self, FALSE, TRUE, FALSE);
      refill_references (self, KS_PLAN_KIND_PRODUCT);
    }
  else if (self->ctx.plan && g_str_equal (table, "contacts"))
    {
      load_references (self, FALSE, FALSE, TRUE);
      refill_references (self, KS_PLAN_KIND_CONTACT);
      refresh_findings (self);
    }
}

/* Scrolls so that @anchor (an item, a section) shows from its top, or, when
 * @target would then be below the view, @target a little below the top.
 * FALSE when @target has no place yet (not laid out). */
static gboolean
scroll_to (KsPlanPage *self,
           GtkWidget  *anchor,
           GtkWidget  *target)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_point_t at, pt;
  double value;

  /* the viewport's coordinates move with the scrolling */
  if (!viewport || gtk_widget_get_height (target) <= 0 ||
      !gtk_widget_compute_point (target, viewport, &GRAPHENE_POINT_INIT (0, 0), &pt))
    return FALSE;
  value = gtk_adjustment_get_value (vadj) + pt.y - 96;
  if (anchor && anchor != target &&
      gtk_widget_compute_point (anchor, viewport, &GRAPHENE_POINT_INIT (0, 0), &at) &&
      at.y <= pt.y &&
      pt.y - at.y + 24 + gtk_widget_get_height (target) <= gtk_widget_get_height (viewport))
    value = gtk_adjustment_get_value (vadj) + at.y - 24;
  gtk_adjustment_set_value (vadj, MAX (0, value));
  return TRUE;
}

static void
set_scroll_target (KsPlanPage *self,
                   GtkWidget  *anchor,
                   GtkWidget  *target)
{
  if (self->scroll_target)
    g_object_remove_weak_pointer (G_OBJECT (self->scroll_target), (gpointer *) &self->scroll_target);
  if (self->scroll_anchor)
    g_object_remove_weak_pointer (G_OBJECT (self->scroll_anchor), (gpointer *) &self->scroll_anchor);
  self->scroll_target = target;
  self->scroll_anchor = anchor;
  if (target)
    g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->scroll_target);
  if (anchor)
    g_object_add_weak_pointer (G_OBJECT (anchor), (gpointer *) &self->scroll_anchor);
}

/* Rows just built or expanded get their place at the next layout, and an
 * expander opens with an animation: keep the target in view until then. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);

  if (self->scroll_target && scroll_to (self, self->scroll_anchor, self->scroll_target))
    self->scroll_placed++;
  self->scroll_frames++;
  /* a slow frame (a busy machine, a sanitizer) can outlast the time: keep
   * on until the target was placed twice, laid out in its final place */
  if (!self->scroll_target ||
      (gdk_frame_clock_get_frame_time (clock) > self->scroll_until &&
       (self->scroll_placed >= 2 || self->scroll_frames > 120)))
    {
      set_scroll_target (self, NULL, NULL);
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Scrolls to @target (with @anchor, when it fits: see scroll_to()) and
 * gives it the focus, showing where the focus went. */
static void
scroll_to_and_focus (KsPlanPage *self,
                     GtkWidget  *anchor,
                     GtkWidget  *target)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  scroll_to (self, anchor, target);
  gtk_widget_grab_focus (target);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  set_scroll_target (self, anchor, target);
  self->scroll_until = g_get_monotonic_time () + SCROLL_SETTLE_US;
  self->scroll_placed = self->scroll_frames = 0;
  if (!self->scroll_tick)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Findings */

/* The widget that fills what @finding misses: its row, opened; the list's
 * "Add" button; the power map button; else the section's first row. */
static GtkWidget *
finding_target (KsPlanPage          *self,
                const KsPlanFinding *finding,
                GtkWidget          **anchor)
{
  if (finding->list != KS_PLAN_NO_LIST && finding->item_id > 0)
    {
      const KsPlanListInfo *info = ks_plan_list_info (finding->list);
      KsPlanListSection *section = list_section (self, finding->list);
      int index = finding->field ? ks_plan_list_field_index (finding->list, finding->field) : 0;
      KsPlanFieldEditor *ed;

      if (index < 0 || (guint) index >= info->n_fields)
        index = 0;
      if (!section || !(ed = ks_plan_list_section_open_item (section, finding->item_id, index, anchor)))
        return NULL;
      return ks_plan_field_editor_focus_widget (ed);
    }
  if (finding->field && finding->list == KS_PLAN_NO_LIST)
    {
      int index = ks_plan_field_index (finding->field);

      if (index >= 0)
        return ks_plan_field_editor_focus_widget (g_ptr_array_index (self->editors, index));
    }
  if (finding->list >= 0 && finding->list < KS_PLAN_N_LISTS)
    return ks_plan_list_section_get_add_button (self->lists[finding->list]);
  if (finding->section == KS_PLAN_SECTION_CONTACTS)
    return ks_plan_contacts_section_get_map_button (self->contacts_section);
  {
    guint n_sections;
    const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);

    for (guint s = 0; s < n_sections; s++)
      if (sections[s].id == finding->section && sections[s].n_fields > 0)
        return ks_plan_field_editor_focus_widget (g_ptr_array_index (self->editors, sections[s].first_field));
  }
  return NULL;
}

static void
on_finding_activated (KsPlanFindings      *findings,
                      const KsPlanFinding *finding,
                      KsPlanPage          *self)
{
  GtkWidget *target;
  GtkWidget *anchor = NULL;

  if (!(target = finding_target (self, finding, &anchor)))
    return;
  /* a field: its section's title too, when it fits */
  if (!anchor)
    anchor = gtk_widget_get_ancestor (target, ADW_TYPE_PREFERENCES_GROUP);
  scroll_to_and_focus (self, anchor, target);
}

/* Checks the plan again; the header's button says how much is missing. */
static void
refresh_findings (KsPlanPage *self)
{
  g_autofree char *summary = NULL;
  guint n;

  if (!ks_plan_findings_refresh (self->findings))
    return;
  n = ks_plan_findings_get_n (self->findings);
  if (n > 0)
    {
      summary = g_strdup_printf (ngettext ("%u Thing Missing", "%u Things Missing", n), n);
      adw_button_content_set_icon_name (self->findings_content, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "warning");
    }
  else
    {
      summary = g_strdup (_("Plan Complete"));
      adw_button_content_set_icon_name (self->findings_content, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), "success");
    }
  adw_button_content_set_label (self->findings_content, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

/* Export and print */

static gboolean
export_file (GtkWidget   *page,
             const char  *path,
             GError     **error)
{
  return ks_plan_page_export (KS_PLAN_PAGE (page), path, error);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!self->ctx.plan)
    return;
  ks_plan_page_flush (self);
  /* Translators: the file name of an exported plan, e.g. "Kessler Automotive Group – Account Plan" */
  title = g_strdup_printf (_("%s – Account Plan"), ks_plan_nonnull (self->ctx.account_name));
  name = g_strconcat (title, ".pdf", NULL);
  ks_export_dialog_show (widget, _("Export Account Plan"), name, export_file,
                         /* Translators: %s is a folder */
                         _("Exported the plan to %s"), _("Could Not Export the Plan"));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KsPlanPrint       *print)
{
  guint n = ks_plan_print_paginate (print, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KsPlanPrint       *print)
{
  if (page_nr >= 0 && (guint) page_nr < ks_plan_print_get_n_pages (print))
    ks_plan_print_draw_page (print, gtk_print_context_get_cairo_context (context), page_nr);
}

gboolean
ks_plan_page_print (KsPlanPage  *self,
                    const char  *export_pdf,
                    GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job = NULL;
  KsPlanPrint *print;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->ctx.workspace || self->ctx.account_id <= 0 || !self->ctx.plan)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not print the plan: no account is shown"));
      return FALSE;
    }
  ks_plan_page_flush (self);
  print = ks_plan_print_new_for_account (self->ctx.workspace, self->ctx.account_id, self->ctx.today, error);
  if (!print)
    return FALSE;
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* Translators: a print job's name, e.g. "Account plan of Kessler Automotive Group" */
  job = g_strdup_printf (_("Account plan of %s"), ks_plan_nonnull (self->ctx.account_name));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_object_set_data_full (G_OBJECT (operation), "ks-plan-print", print, (GDestroyNotify) ks_plan_print_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), print);
  if (ks_print_operation_run (operation, GTK_WIDGET (self), job, export_pdf, error))
    return TRUE;
  if (export_pdf)
    g_prefix_error (error, _("Could not print the plan to %s: "), export_pdf);
  return FALSE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!KS_PLAN_PAGE (widget)->ctx.plan)
    return;
  if (!ks_plan_page_print (KS_PLAN_PAGE (widget), NULL, &error))
    ks_message_dialog_show (widget, _("Could Not Print the Plan"), error->message);
}

/* Actions */

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  KsPlanList list = g_variant_get_int32 (parameter);
  const KsPlanListInfo *info;
  KsPlanItem *item;
  g_autoptr(GError) error = NULL;
  KsPlanFieldEditor *first;
  GtkWidget *expander = NULL;
  gint64 id;

  if (!self->ctx.workspace || self->ctx.account_id <= 0 || list < 0 || list >= KS_PLAN_N_LISTS)
    return;
  info = ks_plan_list_info (list);
  item = ks_plan_item_new (list);
  /* dated lists start with today's date */
  if (info->sort_key)
    {
      int index = ks_plan_list_field_index (list, info->sort_key);

      g_free (item->values[index].text);
      item->values[index].text = ks_plan_today_iso ();
    }
  id = ks_plan_add_item (self->ctx.workspace, self->ctx.account_id, list, item->values, &error);
  ks_plan_item_free (item);
  if (id == 0)
    {
      ks_plan_context_show_error (&self->ctx, _("Could Not Add to the Plan"), error);
      return;
    }
  if (!ks_plan_list_section_has_item (list_section (self, list), id))
    reload (self, FALSE);
  first = ks_plan_list_section_open_item (list_section (self, list), id,
                                          info->sort_key && info->n_fields > 1 ? 1 : 0, &expander);
  if (first)
    scroll_to_and_focus (self, expander, ks_plan_field_editor_focus_widget (first));
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint32 list;
  gint64 id;

  g_variant_get (parameter, "(ix)", &list, &id);
  if (!self->ctx.workspace || list < 0 || list >= KS_PLAN_N_LISTS ||
      !ks_plan_list_section_has_item (list_section (self, list), id))
    return;
  ks_plan_page_flush (self);
  if (!ks_plan_delete_item (self->ctx.workspace, list, id, &error))
    {
      ks_plan_context_show_error (&self->ctx, _("Could Not Remove From the Plan"), error);
      return;
    }
  title = g_strdup_printf (_("%s removed"), _(ks_plan_list_info (list)->item_label));
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *expander = NULL;
  GtkWidget *row;

  if (!self->ctx.workspace || self->ctx.account_id <= 0)
    return;
  ks_plan_page_flush (self);
  name = ks_plan_contacts_section_new_contact_name (self->contacts_section);
  contact = ks_contact_new (self->ctx.account_id, name);
  if (!ks_contact_save (contact, self->ctx.workspace, &error))
    {
      ks_plan_context_show_error (&self->ctx, _("Could Not Add the Contact"), error);
      return;
    }
  pending_finish (self);
  if (!ks_plan_contacts_section_has_contact (contacts_section (self), ks_contact_get_id (contact)))
    load_references (self, FALSE, FALSE, TRUE);
  row = ks_plan_contacts_section_open_contact (contacts_section (self), ks_contact_get_id (contact),
                                               "name", &expander);
  if (row)
    scroll_to_and_focus (self, expander, row);
}

static void
remove_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!self->ctx.workspace || !ks_plan_contacts_section_has_contact (contacts_section (self), id) ||
      !(contact = ks_plan_context_find_contact (&self->ctx, id)))
    return;
  ks_plan_page_flush (self);
  if (!ks_contact_delete (self->ctx.workspace, id, &error))
    {
      ks_plan_context_show_error (&self->ctx, _("Could Not Remove the Contact"), error);
      return;
    }
  /* Translators: a toast after a contact is removed from the plan, with "Undo" */
  title = g_strdup_printf (_("%s removed"), ks_contact_get_name (contact));
  ks_widget_add_undo_toast (GTK_WIDGET (self), title);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KsPlanPage *self = KS_PLAN_PAGE (widget);
  KsPlanList list = g_variant_get_int32 (parameter);

  if (!self->ctx.plan || list < 0 || list >= KS_PLAN_N_LISTS)
    return;
  ks_plan_list_section_show_more (list_section (self, list));
}

static void
open_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (KS_IS_WINDOW (root))
    ks_window_set_account_view (KS_WINDOW (root), "map");
}

/* Building the page from the template */

static AdwPreferencesGroup *
append_group (KsPlanPage *self,
              GtkWidget  *group)
{
  gtk_box_append (self->sections_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwPreferencesGroup *
add_group (KsPlanPage *self,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return append_group (self, group);
}

static const char *
list_group_title (KsPlanList list)
{
  switch (list)
    {
    case KS_PLAN_PRODUCTS:
      return _("Products");
    case KS_PLAN_NOTES:
      return _("Handover Notes");
    case KS_PLAN_OBJECTIVES:
    case KS_PLAN_MEETINGS:
    case KS_PLAN_PROJECTS:
    case KS_PLAN_ACTIONS:
    case KS_PLAN_N_LISTS:
    case KS_PLAN_NO_LIST:
    default:
      return NULL;
    }
}

static void
build_page (KsPlanPage *self)
{
  guint n_sections;
  const KsPlanSectionInfo *sections = ks_plan_sections (&n_sections);
  guint n_fields;
  const KsPlanField *fields = ks_plan_fields (&n_fields);

  self->editors = g_ptr_array_new_with_free_func (ks_plan_field_editor_free);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (self->editors, ks_plan_field_editor_new (&self->ctx, &fields[i], i, NULL));

  for (guint s = 0; s < n_sections; s++)
    {
      const KsPlanSectionInfo *section = &sections[s];
      const char *title = _(section->title);
      const char *summary = _(section->summary);
      AdwPreferencesGroup *group;

      /* the section's group: the contacts, else the fields, else the list */
      if (section->id == KS_PLAN_SECTION_CONTACTS)
        {
          self->contacts_section = KS_PLAN_CONTACTS_SECTION (ks_plan_contacts_section_new (&self->ctx, title, summary));
          group = append_group (self, GTK_WIDGET (self->contacts_section));
        }
      else if (section->n_fields == 0 && section->list != KS_PLAN_NO_LIST)
        {
          self->lists[section->list] =
            KS_PLAN_LIST_SECTION (ks_plan_list_section_new (&self->ctx, section->list, title, summary));
          group = append_group (self, GTK_WIDGET (self->lists[section->list]));
        }
      else
        group = add_group (self, title, summary);
      gtk_widget_set_name (GTK_WIDGET (group), section->key);
      /* the contacts go there; the decision process in a group of its own */
      if (section->id == KS_PLAN_SECTION_CONTACTS && section->n_fields > 0)
        group = add_group (self, NULL, NULL);
      for (guint f = 0; f < section->n_fields; f++)
        adw_preferences_group_add (group, ((KsPlanFieldEditor *) g_ptr_array_index (self->editors, section->first_field + f))->row);
      /* a list after fields: in a group of its own */
      if (section->list != KS_PLAN_NO_LIST && section->n_fields > 0)
        {
          self->lists[section->list] =
            KS_PLAN_LIST_SECTION (ks_plan_list_section_new (&self->ctx, section->list,
                                                            list_group_title (section->list), NULL));
          append_group (self, GTK_WIDGET (self->lists[section->list]));
        }
    }
  self->built = TRUE;
}

/* GObject */

static void
ks_plan_page_dispose (GObject *object)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  if (self->ctx.workspace)
    g_signal_handlers_disconnect_by_data (self->ctx.workspace, self);
  if (self->scroll_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  set_scroll_target (self, NULL, NULL);
  pending_cancel (self);
  /* the sections go with the template */
  self->built = FALSE;
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KS_TYPE_PLAN_PAGE);
  g_clear_object (&self->ctx.workspace);
  g_clear_object (&self->ctx.people);
  g_clear_object (&self->ctx.products);
  g_clear_object (&self->ctx.contacts);
  g_clear_pointer (&self->ctx.plan, ks_plan_free);

  G_OBJECT_CLASS (ks_plan_page_parent_class)->dispose (object);
}

static void
ks_plan_page_finalize (GObject *object)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  g_free (self->ctx.today);
  g_free (self->ctx.account_name);
  G_OBJECT_CLASS (ks_plan_page_parent_class)->finalize (object);
}

static void
ks_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->ctx.account_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KsPlanPage *self = KS_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      ks_plan_page_set_account_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ks_plan_page_class_init (KsPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_plan_page_dispose;
  object_class->finalize = ks_plan_page_finalize;
  object_class->get_property = ks_plan_page_get_property;
  object_class->set_property = ks_plan_page_set_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KS_TYPE_PLAN_FINDINGS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ks-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_button);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings_content);
  gtk_widget_class_bind_template_child (widget_class, KsPlanPage, findings);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);

  gtk_widget_class_install_action (widget_class, "plan.add-item", "i", add_item_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-item", "(ix)", remove_item_action);
  gtk_widget_class_install_action (widget_class, "plan.open-map", NULL, open_map_action);
  gtk_widget_class_install_action (widget_class, "plan.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-contact", "x", remove_contact_action);
  gtk_widget_class_install_action (widget_class, "plan.show-more", "i", show_more_action);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planpage");
}

static void
ks_plan_page_init (KsPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a long summary of what the plan lacks shortens in its button */
  ks_widget_shrink_labels (GTK_WIDGET (self->findings_button));

  self->ctx.page = GTK_WIDGET (self);
  self->ctx.today = ks_plan_today_iso ();
  ks_plan_findings_set_context (self->findings, &self->ctx);
  build_page (self);
  refresh_findings (self);
}

GtkWidget *
ks_plan_page_new (void)
{
  return g_object_new (KS_TYPE_PLAN_PAGE, NULL);
}

void
ks_plan_page_set_workspace (KsPlanPage  *self,
                            KsWorkspace *workspace)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));
  g_return_if_fail (!workspace || KS_IS_WORKSPACE (workspace));

  if (self->ctx.workspace == workspace)
    return;
  ks_plan_page_flush (self);
  if (self->ctx.workspace)
    g_signal_handlers_disconnect_by_data (self->ctx.workspace, self);
  g_set_object (&self->ctx.workspace, workspace);
  if (workspace)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed),
                             self, G_CONNECT_SWAPPED);
  self->ctx.account_id = 0;
  load_references (self, TRUE, TRUE, TRUE);
  reload (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

gint64
ks_plan_page_get_account_id (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);
  return self->ctx.account_id;
}

void
ks_plan_page_set_account_id (KsPlanPage *self,
                             gint64      account_id)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  if (self->ctx.account_id == account_id)
    return;
  ks_plan_page_flush (self);
  pending_cancel (self);
  /* another account's items: start the lists afresh; the rows go at once,
   * they are freed after the next frame */
  g_clear_pointer (&self->ctx.plan, ks_plan_free);
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    ks_plan_list_section_restart (self->lists[l]);
  ks_plan_findings_restart (self->findings);
  self->ctx.account_id = account_id;
  ks_plan_contacts_section_restart (self->contacts_section);
  self->ctx.defer = TRUE;
  load_references (self, FALSE, FALSE, TRUE);
  reload (self, TRUE);
  self->ctx.defer = FALSE;
  pending_schedule (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

void
ks_plan_page_flush (KsPlanPage *self)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  if (!self->ctx.workspace || self->ctx.account_id <= 0 || !self->ctx.plan)
    return;
  for (guint i = 0; i < self->editors->len; i++)
    {
      KsPlanFieldEditor *ed = g_ptr_array_index (self->editors, i);

      if (ed->dirty)
        ks_plan_field_editor_save_text (ed);
    }
  for (guint l = 0; l < KS_PLAN_N_LISTS; l++)
    ks_plan_list_section_flush (self->lists[l]);
}

GtkWidget *
ks_plan_page_get_row (KsPlanPage *self,
                      KsPlanList  list,
                      gint64      item_id,
                      const char *key)
{
  KsPlanListSection *section;
  int index;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  if (list == KS_PLAN_NO_LIST)
    {
      index = ks_plan_field_index (key);
      return index >= 0 ? ((KsPlanFieldEditor *) g_ptr_array_index (self->editors, index))->row : NULL;
    }
  if (!(section = list_section (self, list)) || !ks_plan_list_section_has_item (section, item_id) ||
      (index = ks_plan_list_field_index (list, key)) < 0)
    return NULL;
  return ks_plan_list_section_open_item (section, item_id, index, NULL)->row;
}

guint
ks_plan_page_get_n_items (KsPlanPage *self,
                          KsPlanList  list)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);
  g_return_val_if_fail (list >= 0 && list < KS_PLAN_N_LISTS, 0);

  return ks_plan_list_section_get_n_items (list_section (self, list));
}

gboolean
ks_plan_page_item_is_built (KsPlanPage *self,
                            KsPlanList  list,
                            gint64      item_id)
{
  KsPlanListSection *section;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);

  section = list_section (self, list);
  return section && ks_plan_list_section_item_is_built (section, item_id);
}

guint
ks_plan_page_get_n_findings (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);

  pending_finish (self);
  return ks_plan_findings_get_n_shown (self->findings);
}

const KsPlanFinding *
ks_plan_page_get_finding (KsPlanPage *self,
                          guint       index)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  return ks_plan_findings_get_finding (self->findings, index);
}

const char *
ks_plan_page_get_findings_summary (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  return adw_button_content_get_label (self->findings_content);
}

void
ks_plan_page_activate_finding (KsPlanPage *self,
                               guint       index)
{
  g_return_if_fail (KS_IS_PLAN_PAGE (self));

  pending_finish (self);
  ks_plan_findings_activate_row (self->findings, index);
}

gboolean
ks_plan_page_export (KsPlanPage  *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(KsPlanPrint) print = NULL;

  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->ctx.workspace || self->ctx.account_id <= 0 || !self->ctx.plan)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not export the plan to %s: no account is shown"), path);
      return FALSE;
    }
  ks_plan_page_flush (self);
  print = ks_plan_print_new_for_account (self->ctx.workspace, self->ctx.account_id, self->ctx.today, error);
  return print && ks_plan_print_export (print, path, error);
}

guint
ks_plan_page_get_n_contacts (KsPlanPage *self)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), 0);

  return ks_plan_contacts_section_get_n_contacts (contacts_section (self));
}

GtkWidget *
ks_plan_page_get_contact_row (KsPlanPage *self,
                              gint64      contact_id,
                              const char *key)
{
  g_return_val_if_fail (KS_IS_PLAN_PAGE (self), NULL);

  return ks_plan_contacts_section_open_contact (contacts_section (self), contact_id, key, NULL);
}
