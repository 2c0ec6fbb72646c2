/* ks-slide-canvas.c — one slide of a review meeting's deck, drawn at the
 * widget's size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is the render layer's (ks_meeting_deck_draw, which lays a
 * slide out once per size and replays it after). This widget adds a cache
 * of its own on top: each slide drawn at the current size and palette
 * into an opaque image once, and a render node that only paints that
 * image, so showing a slide again hands GSK the same node. Painting a
 * finished opaque picture is the cheapest frame GTK's cairo renderer and
 * the X server have; replaying the slide's texts and shapes onto the
 * window cost 23 ms a change at 1920 × 1080 (bench-meeting-window). A
 * change of size or style (light, dark, high contrast) drops them.
 */
#define G_LOG_DOMAIN "ks-meeting-window"

#include "config.h"

#include "ks-slide-canvas.h"

#include <adwaita.h>

#include "ks-powermap-view.h"

struct _KsSlideCanvas
{
  GtkWidget       parent_instance;

  KsMeetingDeck  *deck;      /* not ours */
  int             slide;     /* -1 = none */
  KsPalette      *palette;   /* NULL until drawn */
  int             width, height;
  GPtrArray      *nodes;     /* GskRenderNode or NULL, by slide, at width × height */
};

G_DEFINE_FINAL_TYPE (KsSlideCanvas, ks_slide_canvas, GTK_TYPE_WIDGET)

/* Helpers */

static void
node_unref (gpointer node)
{
  if (node)
    gsk_render_node_unref (node);
}

static void
drop_nodes (KsSlideCanvas *self)
{
  g_ptr_array_set_size (self->nodes, 0);
}

static int
valid_slide (KsSlideCanvas *self,
             int            slide)
{
  if (!self->deck || slide < 0 || (guint) slide >= ks_meeting_deck_get_n_slides (self->deck))
    return -1;
  return slide;
}

/* Callbacks */

static void
on_style_changed (KsSlideCanvas *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  drop_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Vfuncs */

static void
ks_slide_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KsSlideCanvas *self = KS_SLIDE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int slide = valid_slide (self, self->slide);
  GskRenderNode *node = NULL;

  if (width <= 0 || height <= 0)
    return;
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (widget);
  if (width != self->width || height != self->height)
    {
      drop_nodes (self);
      self->width = width;
      self->height = height;
    }
  if (slide < 0)
    {
      GdkRGBA bg = { self->palette->background.red, self->palette->background.green,
                     self->palette->background.blue, 1.0 };

      gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }
  if ((guint) slide < self->nodes->len)
    node = g_ptr_array_index (self->nodes, slide);
  if (!node)
    {
      int scale = gtk_widget_get_scale_factor (widget);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
      cairo_t *cr = cairo_create (image);

      /* the slide, drawn once, in device pixels */
      cairo_scale (cr, scale, scale);
      ks_meeting_deck_draw (self->deck, (guint) slide, cr, self->palette, width, height);
      cairo_destroy (cr);
      node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
      if ((guint) slide >= self->nodes->len)
        g_ptr_array_set_size (self->nodes, slide + 1);
      g_ptr_array_index (self->nodes, slide) = node;
    }
  gtk_snapshot_append_node (snapshot, node);
}

static void
ks_slide_canvas_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ks_slide_canvas_parent_class)->css_changed (widget, change);
  on_style_changed (KS_SLIDE_CANVAS (widget));
}

static void
ks_slide_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* 16:9, as the slides are designed; any larger size comes from
   * expanding or from a size request (the presenter's preview) */
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 90;
}

static void
ks_slide_canvas_finalize (GObject *object)
{
  KsSlideCanvas *self = KS_SLIDE_CANVAS (object);

  g_ptr_array_unref (self->nodes);
  g_clear_pointer (&self->palette, ks_palette_free);
  G_OBJECT_CLASS (ks_slide_canvas_parent_class)->finalize (object);
}

static void
ks_slide_canvas_class_init (KsSlideCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ks_slide_canvas_finalize;
  widget_class->snapshot = ks_slide_canvas_snapshot;
  widget_class->css_changed = ks_slide_canvas_css_changed;
  widget_class->measure = ks_slide_canvas_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ks_slide_canvas_init (KsSlideCanvas *self)
{
  self->slide = -1;
  self->nodes = g_ptr_array_new_with_free_func (node_unref);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
ks_slide_canvas_new (void)
{
  return g_object_new (KS_TYPE_SLIDE_CANVAS, NULL);
}

void
ks_slide_canvas_set_deck (KsSlideCanvas *self,
                          KsMeetingDeck *deck)
{
  g_return_if_fail (KS_IS_SLIDE_CANVAS (self));

  self->deck = deck;
  drop_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ks_slide_canvas_set_slide (KsSlideCanvas *self,
                           int            slide)
{
  g_return_if_fail (KS_IS_SLIDE_CANVAS (self));

  slide = valid_slide (self, slide);
  if (slide == self->slide)
    return;
  self->slide = slide;
  if (slide >= 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    ks_meeting_deck_get_title (self->deck, (guint) slide), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ks_slide_canvas_get_slide (KsSlideCanvas *self)
{
  g_return_val_if_fail (KS_IS_SLIDE_CANVAS (self), -1);
  return self->slide;
}

void
ks_slide_canvas_invalidate (KsSlideCanvas *self)
{
  g_return_if_fail (KS_IS_SLIDE_CANVAS (self));

  drop_nodes (self);
  if (valid_slide (self, self->slide) < 0)
    self->slide = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ks_slide_canvas_get_n_kept (KsSlideCanvas *self)
{
  guint n = 0;

  g_return_val_if_fail (KS_IS_SLIDE_CANVAS (self), 0);
  for (guint i = 0; i < self->nodes->len; i++)
    n += g_ptr_array_index (self->nodes, i) != NULL;
  return n;
}
