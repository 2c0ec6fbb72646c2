/* ks-powermap-view.h — the power map canvas of one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ks-contact.h"
#include "ks-palette.h"
#include "ks-powermap-layout.h"
#include "ks-workspace.h"

G_BEGIN_DECLS

#define KS_TYPE_POWERMAP_VIEW (ks_powermap_view_get_type ())
G_DECLARE_FINAL_TYPE (KsPowermapView, ks_powermap_view, KS, POWERMAP_VIEW, GtkWidget)

GtkWidget   *ks_powermap_view_new                (void);
void         ks_powermap_view_set_workspace      (KsPowermapView *self,
                                                  KsWorkspace    *workspace);
void         ks_powermap_view_set_account        (KsPowermapView *self,
                                                  gint64          account_id,
                                                  const char     *account_name);
gint64       ks_powermap_view_get_account_id     (KsPowermapView *self);

/* The model as the canvas shows it. */
guint        ks_powermap_view_get_n_nodes        (KsPowermapView *self);
guint        ks_powermap_view_get_n_lines        (KsPowermapView *self);
const KsMapNode *ks_powermap_view_get_nodes      (KsPowermapView *self,
                                                  guint          *n_nodes);
const KsMapLine *ks_powermap_view_get_lines      (KsPowermapView *self,
                                                  guint          *n_lines);
/* (transfer none) (nullable) */
KsContact   *ks_powermap_view_get_contact        (KsPowermapView *self,
                                                  gint64          id);
/* A new layout of the current model measured with @palette (exports, print). */
KsMapLayout *ks_powermap_view_build_layout       (KsPowermapView *self,
                                                  const KsPalette *palette);

/* Selection. "selection-changed" is emitted when it changes. */
void         ks_powermap_view_select_node        (KsPowermapView *self,
                                                  gint64          id,
                                                  gboolean        add);
void         ks_powermap_view_select_line        (KsPowermapView *self,
                                                  gint64          id);
void         ks_powermap_view_clear_selection    (KsPowermapView *self);
const gint64 *ks_powermap_view_get_selected_nodes (KsPowermapView *self,
                                                   guint          *n);
const gint64 *ks_powermap_view_get_selected_lines (KsPowermapView *self,
                                                   guint          *n);

/* Arrow keys: selects the connected card in direction (@dx, @dy) from the
 * selected one (the first card when none is); FALSE when there is none. */
gboolean     ks_powermap_view_move_selection     (KsPowermapView *self,
                                                  double          dx,
                                                  double          dy);

/* Snapshot compare marks (copied); NULL arrays clear them. */
void         ks_powermap_view_set_highlights     (KsPowermapView *self,
                                                  GArray         *changed,
                                                  GArray         *added);

/* Zoom and pan. */
void         ks_powermap_view_zoom_in            (KsPowermapView *self);
void         ks_powermap_view_zoom_out           (KsPowermapView *self);
void         ks_powermap_view_zoom_reset         (KsPowermapView *self);
void         ks_powermap_view_fit                (KsPowermapView *self);
double       ks_powermap_view_get_scale          (KsPowermapView *self);

/* Edits, each one undo step through core. */
/* Commits the positions of @ids (what drag-end does). */
gboolean     ks_powermap_view_commit_move        (KsPowermapView *self,
                                                  const gint64   *ids,
                                                  const double   *xs,
                                                  const double   *ys,
                                                  guint           n);
gboolean     ks_powermap_view_delete_selection   (KsPowermapView *self);
/* Adds a contact (with a reports-to line to @boss_id when it is not 0), or
 * a competitor / third party; selects it and returns its id (0 on error). */
gint64       ks_powermap_view_add_node           (KsPowermapView *self,
                                                  KsNodeKind      kind,
                                                  gint64          boss_id);
gint64       ks_powermap_view_add_line           (KsPowermapView *self,
                                                  gint64          from_id,
                                                  gint64          to_id,
                                                  KsLineKind      kind);
gboolean     ks_powermap_view_link_selected      (KsPowermapView *self);
/* Tidy layout keeping pinned nodes, one undo step. */
gboolean     ks_powermap_view_tidy               (KsPowermapView *self);

/* The palette the canvas draws with (from the widget's style). */
const KsPalette *ks_powermap_view_get_palette    (KsPowermapView *self);
/* Renders the canvas as shown into a PNG, for tests. */
gboolean     ks_powermap_view_save_png           (KsPowermapView *self,
                                                  const char     *path,
                                                  GError        **error);

/* Fills @palette's colours and font from @widget's style (light, dark, high
 * contrast). */
KsPalette   *ks_palette_new_for_widget           (GtkWidget      *widget);

G_END_DECLS
