/* ks-plan-field-editor.h — the row that edits one field of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ks-plan.h"
#include "ks-plan-context.h"

G_BEGIN_DECLS

/* An item of a list as the editors of its fields see it; the list section
 * renews @item (in the context's plan) on every reload. */
typedef struct
{
  KsPlanList  list;
  gint64      id;
  KsPlanItem *item;
} KsPlanItemRef;

/* One row that edits one value: a scalar field or a field of an item. */
typedef struct
{
  KsPlanContext     *ctx;
  const KsPlanField *field;
  guint              index;     /* in ks_plan_fields () or the list's fields */
  KsPlanItemRef     *ref;       /* NULL for a scalar field */
  GtkWidget         *row;       /* the AdwPreferencesRow */
  GtkWidget         *widget;    /* GtkTextView, GtkSwitch or NULL */
  GtkWidget         *calendar;  /* DATE */
  GtkWidget         *popover;   /* DATE */
  GtkEventController *focus;    /* "leave" saves */
  char              *loaded;    /* text shown last (entry rows, text views) */
  GArray            *ids;       /* references: gint64 per combo position */
  guint              save_id;   /* LONG_TEXT: pending save */
  gboolean           dirty;     /* LONG_TEXT: typed since the last save */
} KsPlanFieldEditor;

/* The row for @field (index @index), of item @ref or, when NULL, of the plan
 * itself; every edit is saved at once, one undo step. */
KsPlanFieldEditor *ks_plan_field_editor_new             (KsPlanContext      *ctx,
                                                         const KsPlanField  *field,
                                                         guint               index,
                                                         KsPlanItemRef      *ref);
void               ks_plan_field_editor_free            (gpointer            data);
/* Shows the stored value; text being typed stays unless @replace. */
void               ks_plan_field_editor_show            (KsPlanFieldEditor  *ed,
                                                         gboolean            replace);
/* Fills a PERSON, CONTACT or PRODUCT row's choices again. */
void               ks_plan_field_editor_fill_references (KsPlanFieldEditor  *ed);
/* Saves long text typed and not saved yet (ed->dirty). */
void               ks_plan_field_editor_save_text       (KsPlanFieldEditor  *ed);
/* The widget that takes the focus for @ed. */
GtkWidget         *ks_plan_field_editor_focus_widget    (KsPlanFieldEditor  *ed);

G_END_DECLS
