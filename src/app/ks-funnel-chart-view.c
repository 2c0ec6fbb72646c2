/* ks-funnel-chart-view.c — the Funnel view's canvas: the funnel (bands you
 * can hover, focus and click) or the forecast (periods you can hover)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is the render layer's (ks-funnel-chart.h, ks-forecast-chart.h);
 * this widget keeps a copy of the plain structs, lays them out at its size
 * (again when the size or the style changes) and turns the pointer and keys
 * into a hovered, focused and selected band. Arrow keys move the focus
 * between bands, Enter or Space activates the focused one.
 */
#define G_LOG_DOMAIN "ks-funnel-chart-view"

#include "config.h"

#include "ks-funnel-chart-view.h"

#include <adwaita.h>

#include "ks-powermap-view.h"

typedef enum
{
  MODE_NONE,
  MODE_FUNNEL,
  MODE_FORECAST,
} Mode;

struct _KsFunnelChartView
{
  GtkWidget         parent_instance;

  Mode              mode;
  KsFunnelSpec      funnel_spec;
  GArray           *bands;          /* KsFunnelBand, strings in @strings */
  KsForecastSpec    forecast_spec;
  GArray           *bars;           /* KsForecastBar */
  GPtrArray        *strings;        /* what the copies point at */
  KsFunnelLayout   *funnel;
  KsForecastChart  *forecast;
  KsPalette        *palette;
  int               width, height;
  int               hovered, selected, focus;
};

enum
{
  BAND_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KsFunnelChartView, ks_funnel_chart_view, GTK_TYPE_WIDGET)

/* Helpers */

static const char *
keep (KsFunnelChartView *self,
      const char        *text)
{
  char *copy;

  if (!text)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (self->strings, copy);
  return copy;
}

static void
clear_layout (KsFunnelChartView *self)
{
  g_clear_pointer (&self->funnel, ks_funnel_layout_free);
  g_clear_pointer (&self->forecast, ks_forecast_chart_free);
}

static void
ensure_layout (KsFunnelChartView *self,
               int                width,
               int                height)
{
  if (width != self->width || height != self->height)
    clear_layout (self);
  self->width = width;
  self->height = height;
  if (!self->palette)
    self->palette = ks_palette_new_for_widget (GTK_WIDGET (self));
  if (self->mode == MODE_FUNNEL && !self->funnel && width > 0 && height > 0)
    self->funnel = ks_funnel_layout_new (&self->funnel_spec, (KsFunnelBand *) self->bands->data,
                                         self->bands->len, self->palette, width, height,
                                         gtk_widget_get_pango_context (GTK_WIDGET (self)));
  else if (self->mode == MODE_FORECAST && !self->forecast && width > 0 && height > 0)
    self->forecast = ks_forecast_chart_new (&self->forecast_spec, (KsForecastBar *) self->bars->data,
                                            self->bars->len, self->palette, width, height,
                                            gtk_widget_get_pango_context (GTK_WIDGET (self)));
}

static guint
n_targets (KsFunnelChartView *self)
{
  return self->mode == MODE_FUNNEL ? self->bands->len : self->mode == MODE_FORECAST ? self->bars->len : 0;
}

static int
hit (KsFunnelChartView *self,
     double             x,
     double             y)
{
  ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  if (self->mode == MODE_FUNNEL && self->funnel)
    return ks_funnel_layout_hit_test (self->funnel, x, y).band;
  if (self->mode == MODE_FORECAST && self->forecast)
    return ks_forecast_chart_hit_test (self->forecast, x, y).period;
  return -1;
}

static void
activate (KsFunnelChartView *self,
          int                band)
{
  if (band < 0 || self->mode != MODE_FUNNEL)
    return;
  self->selected = self->focus = band;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[BAND_ACTIVATED], 0, band);
}

/* Callbacks */

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           KsFunnelChartView        *self)
{
  int band = hit (self, x, y);

  if (band == self->hovered)
    return;
  self->hovered = band;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), band >= 0 && self->mode == MODE_FUNNEL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion,
          KsFunnelChartView        *self)
{
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            KsFunnelChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  ks_funnel_chart_view_click (self, x, y);
}

static gboolean
on_key (GtkEventControllerKey *key,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        KsFunnelChartView     *self)
{
  guint n = n_targets (self);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      self->focus = self->focus < 0 ? 0 : MIN (self->focus + 1, (int) n - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      self->focus = self->focus <= 0 ? 0 : self->focus - 1;
      break;
    case GDK_KEY_Home:
      self->focus = 0;
      break;
    case GDK_KEY_End:
      self->focus = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate (self, self->focus);
      return TRUE;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_style_changed (KsFunnelChartView *self)
{
  g_clear_pointer (&self->palette, ks_palette_free);
  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Vfuncs */

static void
ks_funnel_chart_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  KsFunnelChartView *self = KS_FUNNEL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->mode == MODE_NONE || width <= 0 || height <= 0)
    return;
  ensure_layout (self, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->mode == MODE_FUNNEL && self->funnel)
    {
      KsFunnelDrawState state = {
        self->hovered, self->selected, gtk_widget_has_focus (widget) ? self->focus : -1,
      };
      ks_funnel_draw (cr, self->funnel, self->palette, &state);
    }
  else if (self->mode == MODE_FORECAST && self->forecast)
    {
      KsForecastDrawState state = { self->hovered, self->selected };
      ks_forecast_chart_draw (cr, self->forecast, self->palette, &state);
    }
  cairo_destroy (cr);
}

static void
ks_funnel_chart_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ensure_layout (KS_FUNNEL_CHART_VIEW (widget), width, height);
}

static void
ks_funnel_chart_view_dispose (GObject *object)
{
  KsFunnelChartView *self = KS_FUNNEL_CHART_VIEW (object);

  clear_layout (self);
  g_clear_pointer (&self->palette, ks_palette_free);
  G_OBJECT_CLASS (ks_funnel_chart_view_parent_class)->dispose (object);
}

static void
ks_funnel_chart_view_finalize (GObject *object)
{
  KsFunnelChartView *self = KS_FUNNEL_CHART_VIEW (object);

  g_array_unref (self->bands);
  g_array_unref (self->bars);
  g_ptr_array_unref (self->strings);
  G_OBJECT_CLASS (ks_funnel_chart_view_parent_class)->finalize (object);
}

static void
ks_funnel_chart_view_class_init (KsFunnelChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ks_funnel_chart_view_dispose;
  object_class->finalize = ks_funnel_chart_view_finalize;
  widget_class->snapshot = ks_funnel_chart_view_snapshot;
  widget_class->size_allocate = ks_funnel_chart_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  signals[BAND_ACTIVATED] = g_signal_new ("band-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
ks_funnel_chart_view_init (KsFunnelChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->bands = g_array_new (FALSE, TRUE, sizeof (KsFunnelBand));
  self->bars = g_array_new (FALSE, TRUE, sizeof (KsForecastBar));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->hovered = self->selected = self->focus = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 280);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ks_funnel_chart_view_new (void)
{
  return g_object_new (KS_TYPE_FUNNEL_CHART_VIEW, NULL);
}

/* Public API */

void
ks_funnel_chart_view_set_funnel (KsFunnelChartView  *self,
                                 const KsFunnelSpec *spec,
                                 const KsFunnelBand *bands,
                                 guint               n_bands)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (KS_IS_FUNNEL_CHART_VIEW (self));

  old = g_steal_pointer (&self->strings);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->mode = MODE_FUNNEL;
  self->funnel_spec = *spec;
  self->funnel_spec.title = keep (self, spec->title);
  self->funnel_spec.shape_title = keep (self, spec->shape_title);
  self->funnel_spec.shape_reason = keep (self, spec->shape_reason);
  self->funnel_spec.summary = keep (self, spec->summary);
  self->funnel_spec.currency = keep (self, spec->currency);
  self->funnel_spec.empty_title = keep (self, spec->empty_title);
  self->funnel_spec.empty_detail = keep (self, spec->empty_detail);
  g_array_set_size (self->bands, 0);
  g_array_append_vals (self->bands, bands, n_bands);
  for (guint i = 0; i < n_bands; i++)
    g_array_index (self->bands, KsFunnelBand, i).name = keep (self, bands[i].name);
  if (self->selected >= (int) n_bands)
    self->selected = -1;
  if (self->focus >= (int) n_bands)
    self->focus = -1;
  self->hovered = -1;
  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ks_funnel_chart_view_set_forecast (KsFunnelChartView    *self,
                                   const KsForecastSpec *spec,
                                   const KsForecastBar  *bars,
                                   guint                 n_bars)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (KS_IS_FUNNEL_CHART_VIEW (self));

  old = g_steal_pointer (&self->strings);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->mode = MODE_FORECAST;
  self->forecast_spec = *spec;
  self->forecast_spec.title = keep (self, spec->title);
  self->forecast_spec.currency = keep (self, spec->currency);
  self->forecast_spec.note = keep (self, spec->note);
  self->forecast_spec.empty_title = keep (self, spec->empty_title);
  self->forecast_spec.empty_detail = keep (self, spec->empty_detail);
  g_array_set_size (self->bars, 0);
  g_array_append_vals (self->bars, bars, n_bars);
  for (guint i = 0; i < n_bars; i++)
    g_array_index (self->bars, KsForecastBar, i).period = keep (self, bars[i].period);
  self->hovered = self->selected = self->focus = -1;
  clear_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ks_funnel_chart_view_get_hovered (KsFunnelChartView *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_CHART_VIEW (self), -1);
  return self->hovered;
}

int
ks_funnel_chart_view_get_selected (KsFunnelChartView *self)
{
  g_return_val_if_fail (KS_IS_FUNNEL_CHART_VIEW (self), -1);
  return self->selected;
}

void
ks_funnel_chart_view_set_selected (KsFunnelChartView *self,
                                   int                band)
{
  g_return_if_fail (KS_IS_FUNNEL_CHART_VIEW (self));

  self->selected = band;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ks_funnel_chart_view_click (KsFunnelChartView *self,
                            double             x,
                            double             y)
{
  int band;

  g_return_if_fail (KS_IS_FUNNEL_CHART_VIEW (self));

  band = hit (self, x, y);
  if (self->mode == MODE_FUNNEL)
    activate (self, band);
  else if (self->mode == MODE_FORECAST)
    {
      self->selected = band;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
ks_funnel_chart_view_draw_to (KsFunnelChartView *self,
                              cairo_t           *cr,
                              const KsPalette   *palette,
                              double             width,
                              double             height)
{
  g_return_if_fail (KS_IS_FUNNEL_CHART_VIEW (self));

  if (self->mode == MODE_FUNNEL)
    {
      g_autoptr(KsFunnelLayout) layout =
        ks_funnel_layout_new (&self->funnel_spec, (KsFunnelBand *) self->bands->data, self->bands->len,
                              palette, width, height, NULL);
      ks_funnel_draw (cr, layout, palette, NULL);
    }
  else if (self->mode == MODE_FORECAST)
    {
      g_autoptr(KsForecastChart) chart =
        ks_forecast_chart_new (&self->forecast_spec, (KsForecastBar *) self->bars->data, self->bars->len,
                               palette, width, height, NULL);
      ks_forecast_chart_draw (cr, chart, palette, NULL);
    }
}

gboolean
ks_funnel_chart_view_export (KsFunnelChartView  *self,
                             const char         *path,
                             GError            **error)
{
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);

  g_return_val_if_fail (KS_IS_FUNNEL_CHART_VIEW (self), FALSE);

  if (self->mode == MODE_FORECAST)
    return ks_forecast_chart_export (path, &self->forecast_spec, (KsForecastBar *) self->bars->data,
                                     self->bars->len, palette, 1600, 1000, error);
  return ks_funnel_chart_export (path, &self->funnel_spec, (KsFunnelBand *) self->bands->data,
                                 self->bands->len, palette, 1600, 1000, error);
}
