/* ks-powermap-view.c — the power map canvas of one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Render lays the map out and draws it; this widget keeps the model (the
 * account's contacts and lines as KsMapNode/KsMapLine), caches the static
 * layers (background, lines, cards) as a GskRenderNode, draws the overlay
 * (hover, rubber band, link preview) and the legend on top every frame, and
 * keeps the selection, the zoom and the accessible description. Gestures and
 * keys are in ks-powermap-view-input.c; the edits they make through core, one
 * undo step each, in ks-powermap-view-edit.c. A drag moves cards in the
 * layout only; drag-end commits all of them in one call.
 */
#define G_LOG_DOMAIN "ks-powermap-view"

#include "config.h"

#include "ks-powermap-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ks-app-util.h"
#include "ks-powermap-draw.h"
#include "ks-powermap-view-private.h"

#define MIN_SCALE      0.1
#define MAX_SCALE      4.0
#define FIT_MARGIN     24.0
#define OVERLAY_RESERVE 156.0   /* the page's zoom buttons, bottom right */

enum
{
  SELECTION_CHANGED,
  ZOOM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsPowermapView, ks_powermap_view, GTK_TYPE_WIDGET)

/* Helpers */

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              KsColor    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  G_GNUC_END_IGNORE_DEPRECATIONS
  *out = (KsColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  return TRUE;
}

KsPalette *
ks_palette_new_for_widget (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  KsPaletteStyle style = KS_PALETTE_LIGHT;
  KsPalette *palette;
  g_autofree char *font = NULL;

  if (adw_style_manager_get_high_contrast (manager))
    style = KS_PALETTE_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    style = KS_PALETTE_DARK;
  palette = ks_palette_new (style);

  /* High contrast keeps render's own, stronger colours. */
  if (style != KS_PALETTE_HIGH_CONTRAST)
    {
      lookup_color (widget, "view_bg_color", &palette->background);
      if (!lookup_color (widget, "card_bg_color", &palette->surface) ||
          palette->surface.alpha < 1)
        palette->surface = style == KS_PALETTE_DARK
                             ? ks_color_mix (&palette->background, &(KsColor) { 1, 1, 1, 1 }, 0.08)
                             : ks_color_mix (&palette->background, &(KsColor) { 1, 1, 1, 1 }, 1.0);
      if (style == KS_PALETTE_LIGHT)
        {
          /* cards stand out on a slightly darker canvas */
          KsColor window_bg;

          if (lookup_color (widget, "window_bg_color", &window_bg))
            palette->background = window_bg;
        }
      lookup_color (widget, "view_fg_color", &palette->foreground);
      palette->foreground.alpha = 1;
      palette->muted = ks_color_mix (&palette->foreground, &palette->background, 0.4);
      palette->grid = ks_color_mix (&palette->foreground, &palette->background, 0.82);
      lookup_color (widget, "accent_color", &palette->accent);
      lookup_color (widget, "success_color", &palette->positive);
      lookup_color (widget, "warning_color", &palette->neutral);
      lookup_color (widget, "error_color", &palette->negative);
    }

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font, NULL);
  if (font)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font);
      const char *family = pango_font_description_get_family (desc);
      int size = pango_font_description_get_size (desc);

      if (family && size > 0)
        ks_palette_set_font (palette, family, (double) size / PANGO_SCALE);
      pango_font_description_free (desc);
    }
  return palette;
}

void
_ks_powermap_view_invalidate_static (KsPowermapView *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ks_powermap_view_invalidate_layout (KsPowermapView *self)
{
  g_clear_pointer (&self->layout, ks_map_layout_free);
  _ks_powermap_view_invalidate_static (self);
}

KsMapNode *
_ks_powermap_view_find_node (KsPowermapView *self,
                             gint64          id)
{
  for (guint i = 0; i < self->nodes->len; i++)
    if (g_array_index (self->nodes, KsMapNode, i).id == id)
      return &g_array_index (self->nodes, KsMapNode, i);
  return NULL;
}

static void
ensure_palette (KsPowermapView *self)
{
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
}

/* Whether the legend with @columns leaves the bottom-right corner free for
 * the zoom buttons the page lays over the canvas. */
static gboolean
legend_fits (KsPowermapView *self,
             guint           columns)
{
  double width, height;

  ks_map_layout_get_legend_size (self->layout, columns, &width, &height);
  return width + 2 * FIT_MARGIN + OVERLAY_RESERVE <= self->view.width;
}

void
_ks_powermap_view_ensure_layout (KsPowermapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  ensure_palette (self);
  if (!self->layout)
    self->layout = ks_map_layout_new ((KsMapNode *) self->nodes->data, self->nodes->len,
                                      (KsMapLine *) self->lines->data, self->lines->len,
                                      self->palette, NULL);
  self->view.width = width;
  self->view.height = height;
  if (width <= 0 || height <= 0)
    return;
  if (self->fitted)
    {
      /* render picks the legend's columns that leave the map largest; fewer
       * when the legend would reach the page's zoom buttons */
      self->view.legend_columns = 0;
      ks_map_view_fit (self->layout, width, height, FIT_MARGIN, 1.0, &self->view);
      if (!legend_fits (self, self->view.legend_columns))
        for (guint columns = 3; columns >= 1; columns--)
          if (legend_fits (self, columns) || columns == 1)
            {
              self->view.legend_columns = columns;
              ks_map_view_fit (self->layout, width, height, FIT_MARGIN, 1.0, &self->view);
              break;
            }
    }
  else if (!legend_fits (self, self->view.legend_columns))
    {
      guint columns = self->view.legend_columns ? self->view.legend_columns : 3;

      while (columns > 1 && !legend_fits (self, columns))
        columns--;
      self->view.legend_columns = columns;
    }
}

static void
fill_state (KsPowermapView *self,
            KsMapDrawState *state,
            KsMapLayers     layers)
{
  *state = (KsMapDrawState) { 0 };
  state->view = self->view;
  state->layers = layers;
  state->selected_nodes = (gint64 *) self->sel_nodes->data;
  state->n_selected_nodes = self->sel_nodes->len;
  state->selected_lines = (gint64 *) self->sel_lines->data;
  state->n_selected_lines = self->sel_lines->len;
  state->hover_node = self->hover_node;
  state->hover_handle = self->hover_handle;
  state->hover_line = self->hover_line;
  state->focus_node = gtk_widget_has_focus (GTK_WIDGET (self)) && self->sel_nodes->len > 0
                        ? g_array_index (self->sel_nodes, gint64, self->sel_nodes->len - 1) : 0;
  state->changed_nodes = (gint64 *) self->changed->data;
  state->n_changed_nodes = self->changed->len;
  state->added_nodes = (gint64 *) self->added->data;
  state->n_added_nodes = self->added->len;
  state->link_from = self->drag == DRAG_LINK ? self->link_from : 0;
  state->link_x = self->link_x;
  state->link_y = self->link_y;
  if (self->drag == DRAG_RUBBER && self->drag_moved)
    {
      state->show_rubber_band = TRUE;
      state->rubber_band = (KsMapRect) {
        MIN (self->drag_x, self->drag_x + self->drag_dx),
        MIN (self->drag_y, self->drag_y + self->drag_dy),
        fabs (self->drag_dx), fabs (self->drag_dy) };
    }
}

static void
update_accessible (KsPowermapView *self)
{
  g_autofree char *label = g_strdup_printf (_("Power map of %s"),
                                            self->account_name ? self->account_name : "");
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->sel_nodes->len > 0)
    {
      gint64 id = g_array_index (self->sel_nodes, gint64, self->sel_nodes->len - 1);
      KsContact *contact = ks_powermap_view_get_contact (self, id);

      if (contact)
        {
          const char *owner = ks_contact_get_owner_name (contact);
          g_autofree char *power = g_strdup_printf (_("power %s"),
                                                    ks_decision_power_label (ks_contact_get_power (contact)));
          g_autofree char *relationship = g_strdup_printf (_("relationship %s"),
                                                           ks_relationship_label (ks_contact_get_relationship (contact)));
          g_autofree char *owned = owner && *owner ? g_strdup_printf (_("owned by %s"), owner)
                                                   : g_strdup (_("no owner"));

          ks_string_append_part (description, ks_contact_get_name (contact));
          ks_string_append_part (description, ks_contact_get_title (contact));
          ks_string_append_part (description, power);
          ks_string_append_part (description, relationship);
          ks_string_append_part (description, owned);
        }
    }
  else
    g_string_append_printf (description,
                            ngettext ("%u contact", "%u contacts", self->nodes->len),
                            self->nodes->len);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

void
_ks_powermap_view_selection_changed (KsPowermapView *self)
{
  _ks_powermap_view_invalidate_static (self);
  update_accessible (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
reload (KsPowermapView *self)
{
  gboolean was_empty = self->nodes->len == 0;
  guint n_selected = self->sel_nodes->len + self->sel_lines->len;

  if (self->workspace && self->account_id > 0)
    ks_map_model_load (&self->model, self->workspace, self->account_id, NULL);
  else
    {
      g_array_set_size (self->nodes, 0);
      g_array_set_size (self->lines, 0);
      g_ptr_array_set_size (self->contacts, 0);
      g_ptr_array_set_size (self->strings, 0);
    }

  /* keep what is still there selected */
  for (guint i = self->sel_nodes->len; i > 0; i--)
    if (!_ks_powermap_view_find_node (self, g_array_index (self->sel_nodes, gint64, i - 1)))
      g_array_remove_index (self->sel_nodes, i - 1);
  for (guint i = self->sel_lines->len; i > 0; i--)
    {
      gint64 id = g_array_index (self->sel_lines, gint64, i - 1);
      gboolean found = FALSE;

      for (guint j = 0; j < self->lines->len && !found; j++)
        found = g_array_index (self->lines, KsMapLine, j).id == id;
      if (!found)
        g_array_remove_index (self->sel_lines, i - 1);
    }

  self->drag = DRAG_NONE;
  self->hover_node = self->hover_line = 0;
  if (was_empty)
    self->fitted = TRUE;
  _ks_powermap_view_invalidate_layout (self);
  update_accessible (self);
  /* the page re-reads the selected node's attributes */
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  (void) n_selected;
}

void
_ks_powermap_view_set_scale (KsPowermapView *self,
                             double          scale,
                             double          cx,
                             double          cy)
{
  double mx, my;

  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  ks_map_view_to_model (&self->view, cx, cy, &mx, &my);
  self->view.scale = scale;
  self->view.offset_x = cx - mx * scale;
  self->view.offset_y = cy - my * scale;
  self->fitted = FALSE;
  _ks_powermap_view_invalidate_static (self);
}

void
_ks_powermap_view_zoom_by (KsPowermapView *self,
                           double          factor,
                           double          cx,
                           double          cy)
{
  _ks_powermap_view_ensure_layout (self);
  _ks_powermap_view_set_scale (self, self->view.scale * factor, cx, cy);
}

gint64
_ks_powermap_view_primary_node (KsPowermapView *self)
{
  return self->sel_nodes->len > 0
           ? g_array_index (self->sel_nodes, gint64, self->sel_nodes->len - 1) : 0;
}

static void
scroll_to_node (KsPowermapView *self,
                gint64          id)
{
  int index;
  KsMapRect rect;
  double x1, y1, x2, y2, dx = 0, dy = 0;

  _ks_powermap_view_ensure_layout (self);
  index = ks_map_layout_find_node (self->layout, id);
  if (index < 0 || !ks_map_layout_get_node_rect (self->layout, index, &rect))
    return;
  ks_map_view_from_model (&self->view, rect.x, rect.y, &x1, &y1);
  ks_map_view_from_model (&self->view, rect.x + rect.width, rect.y + rect.height, &x2, &y2);
  if (x1 < FIT_MARGIN)
    dx = FIT_MARGIN - x1;
  else if (x2 > self->view.width - FIT_MARGIN)
    dx = self->view.width - FIT_MARGIN - x2;
  if (y1 < FIT_MARGIN)
    dy = FIT_MARGIN - y1;
  else if (y2 > self->view.height - FIT_MARGIN)
    dy = self->view.height - FIT_MARGIN - y2;
  if (dx != 0 || dy != 0)
    {
      self->view.offset_x += dx;
      self->view.offset_y += dy;
      self->fitted = FALSE;
      _ks_powermap_view_invalidate_static (self);
    }
}

/* Callbacks */

static void
on_contacts_changed (KsPowermapView *self)
{
  reload (self);
}

static void
on_style_changed (KsPowermapView *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  _ks_powermap_view_invalidate_layout (self);
}

static gboolean
emit_zoom_changed (gpointer data)
{
  KsPowermapView *self = data;

  self->zoom_idle = 0;
  self->reported_scale = self->view.scale;
  g_signal_emit (self, signals[ZOOM_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Vfuncs */

static void
ks_powermap_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KsPowermapView *self = KS_POWERMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  KsMapDrawState state;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  _ks_powermap_view_ensure_layout (self);

  if (!self->static_node ||
      gsk_cairo_node_get_surface (self->static_node) == NULL)
    {
      g_clear_pointer (&self->static_node, gsk_render_node_unref);
      self->static_node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (self->static_node);
      fill_state (self, &state, KS_MAP_LAYER_BACKGROUND | KS_MAP_LAYER_LINES | KS_MAP_LAYER_CARDS);
      ks_map_draw (cr, self->layout, self->palette, &state);
      cairo_destroy (cr);
    }
  else
    {
      graphene_rect_t node_bounds;

      gsk_render_node_get_bounds (self->static_node, &node_bounds);
      if (node_bounds.size.width != width || node_bounds.size.height != height)
        {
          g_clear_pointer (&self->static_node, gsk_render_node_unref);
          ks_powermap_view_snapshot (widget, snapshot);
          return;
        }
    }
  gtk_snapshot_append_node (snapshot, self->static_node);
  /* a fit changes the scale while drawing: tell the zoom label afterwards */
  if (self->view.scale != self->reported_scale && !self->zoom_idle)
    self->zoom_idle = g_idle_add (emit_zoom_changed, self);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  fill_state (self, &state, KS_MAP_LAYER_OVERLAY | KS_MAP_LAYER_LEGEND);
  ks_map_draw (cr, self->layout, self->palette, &state);
  cairo_destroy (cr);
}

static void
ks_powermap_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KsPowermapView *self = KS_POWERMAP_VIEW (widget);

  if (self->view.width != width || self->view.height != height)
    {
      if (!self->fitted && self->view.width > 0)
        {
          /* keep the centre where it was */
          self->view.offset_x += (width - self->view.width) / 2;
          self->view.offset_y += (height - self->view.height) / 2;
        }
      self->view.width = width;
      self->view.height = height;
      _ks_powermap_view_invalidate_static (self);
    }
  /* fit now, so the zoom label is right in this frame */
  _ks_powermap_view_ensure_layout (self);
  if (self->view.scale != self->reported_scale)
    {
      g_clear_handle_id (&self->zoom_idle, g_source_remove);
      emit_zoom_changed (self);
    }
}

static void
ks_powermap_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
ks_powermap_view_focus_changed (KsPowermapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ks_powermap_view_dispose (GObject *object)
{
  KsPowermapView *self = KS_POWERMAP_VIEW (object);

  ks_powermap_view_set_workspace (self, NULL);
  g_clear_handle_id (&self->zoom_idle, g_source_remove);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, ks_map_layout_free);
  G_OBJECT_CLASS (ks_powermap_view_parent_class)->dispose (object);
}

static void
ks_powermap_view_finalize (GObject *object)
{
  KsPowermapView *self = KS_POWERMAP_VIEW (object);

  g_free (self->account_name);
  ks_map_model_clear (&self->model);
  g_array_unref (self->sel_nodes);
  g_array_unref (self->sel_lines);
  g_array_unref (self->changed);
  g_array_unref (self->added);
  g_array_unref (self->drag_start);
  g_clear_pointer (&self->palette, ks_palette_free);
  G_OBJECT_CLASS (ks_powermap_view_parent_class)->finalize (object);
}

static void
ks_powermap_view_class_init (KsPowermapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_powermap_view_dispose;
  object_class->finalize = ks_powermap_view_finalize;
  widget_class->snapshot = ks_powermap_view_snapshot;
  widget_class->size_allocate = ks_powermap_view_size_allocate;
  widget_class->measure = ks_powermap_view_measure;

  /**
   * KsPowermapView::selection-changed:
   *
   * The selected nodes or lines changed, or the model was reloaded.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KsPowermapView::zoom-changed:
   *
   * The scale changed (zoom, pinch, fit).
   */
  signals[ZOOM_CHANGED] =
    g_signal_new ("zoom-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _ks_powermap_view_class_add_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "powermap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
ks_powermap_view_init (KsPowermapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  ks_map_model_init (&self->model);
  self->contacts = self->model.contacts;
  self->strings = self->model.strings;
  self->nodes = self->model.nodes;
  self->lines = self->model.lines;
  self->sel_nodes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sel_lines = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->drag_start = g_array_new (FALSE, FALSE, sizeof (double));
  self->view.scale = 1;
  self->fitted = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  _ks_powermap_view_add_controllers (self);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (ks_powermap_view_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (ks_powermap_view_focus_changed), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::accent-color",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

/* Public API */

GtkWidget *
ks_powermap_view_new (void)
{
  return g_object_new (KS_TYPE_POWERMAP_VIEW, NULL);
}

void
ks_powermap_view_set_workspace (KsPowermapView *self,
                                KsWorkspace    *workspace)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace)
    {
      g_signal_connect_swapped (workspace, "changed::contacts", G_CALLBACK (on_contacts_changed), self);
      g_signal_connect_swapped (workspace, "changed::contact_lines", G_CALLBACK (on_contacts_changed), self);
      g_signal_connect_swapped (workspace, "changed::people", G_CALLBACK (on_contacts_changed), self);
    }
  g_array_set_size (self->sel_nodes, 0);
  g_array_set_size (self->sel_lines, 0);
  g_array_set_size (self->nodes, 0);
  reload (self);
}

void
ks_powermap_view_set_account (KsPowermapView *self,
                              gint64          account_id,
                              const char     *account_name)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  g_free (self->account_name);
  self->account_name = g_strdup (account_name);
  if (self->account_id != account_id)
    {
      self->account_id = account_id;
      g_array_set_size (self->sel_nodes, 0);
      g_array_set_size (self->sel_lines, 0);
      g_array_set_size (self->changed, 0);
      g_array_set_size (self->added, 0);
      g_array_set_size (self->nodes, 0);   /* fit the new map */
      reload (self);
    }
  update_accessible (self);
}

gint64
ks_powermap_view_get_account_id (KsPowermapView *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), 0);
  return self->account_id;
}

guint
ks_powermap_view_get_n_nodes (KsPowermapView *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), 0);
  return self->nodes->len;
}

guint
ks_powermap_view_get_n_lines (KsPowermapView *self)
{
  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), 0);
  return self->lines->len;
}

const KsMapNode *
ks_powermap_view_get_nodes (KsPowermapView *self,
                            guint          *n_nodes)
{
  *n_nodes = self->nodes->len;
  return (const KsMapNode *) self->nodes->data;
}

const KsMapLine *
ks_powermap_view_get_lines (KsPowermapView *self,
                            guint          *n_lines)
{
  *n_lines = self->lines->len;
  return (const KsMapLine *) self->lines->data;
}

KsContact *
ks_powermap_view_get_contact (KsPowermapView *self,
                              gint64          id)
{
  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), NULL);

  for (guint i = 0; i < self->contacts->len; i++)
    if (ks_contact_get_id (g_ptr_array_index (self->contacts, i)) == id)
      return g_ptr_array_index (self->contacts, i);
  return NULL;
}

KsMapLayout *
ks_powermap_view_build_layout (KsPowermapView  *self,
                               const KsPalette *palette)
{
  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), NULL);

  return ks_map_layout_new ((KsMapNode *) self->nodes->data, self->nodes->len,
                            (KsMapLine *) self->lines->data, self->lines->len,
                            palette, NULL);
}

void
ks_powermap_view_select_node (KsPowermapView *self,
                              gint64          id,
                              gboolean        add)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  if (!add)
    {
      g_array_set_size (self->sel_nodes, 0);
      g_array_set_size (self->sel_lines, 0);
    }
  if (id > 0 && _ks_powermap_view_find_node (self, id) && !array_contains (self->sel_nodes, id))
    g_array_append_val (self->sel_nodes, id);
  if (id > 0 && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    scroll_to_node (self, id);
  _ks_powermap_view_selection_changed (self);
}

void
ks_powermap_view_select_line (KsPowermapView *self,
                              gint64          id)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  g_array_set_size (self->sel_nodes, 0);
  g_array_set_size (self->sel_lines, 0);
  if (id > 0)
    g_array_append_val (self->sel_lines, id);
  _ks_powermap_view_selection_changed (self);
}

void
ks_powermap_view_clear_selection (KsPowermapView *self)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  g_array_set_size (self->sel_nodes, 0);
  g_array_set_size (self->sel_lines, 0);
  _ks_powermap_view_selection_changed (self);
}

const gint64 *
ks_powermap_view_get_selected_nodes (KsPowermapView *self,
                                     guint          *n)
{
  *n = self->sel_nodes->len;
  return (const gint64 *) self->sel_nodes->data;
}

const gint64 *
ks_powermap_view_get_selected_lines (KsPowermapView *self,
                                     guint          *n)
{
  *n = self->sel_lines->len;
  return (const gint64 *) self->sel_lines->data;
}

void
ks_powermap_view_set_highlights (KsPowermapView *self,
                                 GArray         *changed,
                                 GArray         *added)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  g_array_set_size (self->changed, 0);
  g_array_set_size (self->added, 0);
  if (changed)
    g_array_append_vals (self->changed, changed->data, changed->len);
  if (added)
    g_array_append_vals (self->added, added->data, added->len);
  _ks_powermap_view_invalidate_static (self);
}

void
ks_powermap_view_zoom_in (KsPowermapView *self)
{
  _ks_powermap_view_zoom_by (self, ZOOM_STEP, self->view.width / 2, self->view.height / 2);
}

void
ks_powermap_view_zoom_out (KsPowermapView *self)
{
  _ks_powermap_view_zoom_by (self, 1 / ZOOM_STEP, self->view.width / 2, self->view.height / 2);
}

void
ks_powermap_view_zoom_reset (KsPowermapView *self)
{
  _ks_powermap_view_ensure_layout (self);
  _ks_powermap_view_set_scale (self, 1.0, self->view.width / 2, self->view.height / 2);
}

void
ks_powermap_view_fit (KsPowermapView *self)
{
  g_return_if_fail (KS_IS_POWERMAP_VIEW (self));

  self->fitted = TRUE;
  _ks_powermap_view_invalidate_static (self);
}

double
ks_powermap_view_get_scale (KsPowermapView *self)
{
  return self->view.scale;
}

gboolean
ks_powermap_view_move_selection (KsPowermapView *self,
                                 double          dx,
                                 double          dy)
{
  gint64 from, to;

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (self->nodes->len == 0)
    return FALSE;
  _ks_powermap_view_ensure_layout (self);
  from = _ks_powermap_view_primary_node (self);
  /* nothing selected: start at the first card */
  to = from ? ks_map_layout_neighbour (self->layout, from, dx, dy)
            : g_array_index (self->nodes, KsMapNode, 0).id;
  if (to == 0)
    return FALSE;
  ks_powermap_view_select_node (self, to, FALSE);
  return TRUE;
}

const KsPalette *
ks_powermap_view_get_palette (KsPowermapView *self)
{
  ensure_palette (self);
  return self->palette;
}

gboolean
ks_powermap_view_save_png (KsPowermapView *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (KS_IS_POWERMAP_VIEW (self), FALSE);

  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The map is not shown");
      return FALSE;
    }
  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (!node)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing drawn");
      return FALSE;
    }
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, error))
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}
