/* ks-grid-scroll.c — what the drawn grids share as GtkScrollables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scores grid and the RACI grid draw only their view and scroll by the
 * adjustments a GtkScrolledWindow gives them; this holds those adjustments
 * and policies, answers the GtkScrollable properties, configures the
 * adjustments on allocation and scrolls a cell into view.
 */
#include "config.h"

#include <math.h>

#include "ks-grid-scroll.h"

void
ks_grid_scroll_override_properties (GObjectClass *object_class,
                                    guint         first_prop_id)
{
  g_object_class_override_property (object_class, first_prop_id + KS_GRID_SCROLL_PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, first_prop_id + KS_GRID_SCROLL_PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, first_prop_id + KS_GRID_SCROLL_PROP_HSCROLL_POLICY,
                                    "hscroll-policy");
  g_object_class_override_property (object_class, first_prop_id + KS_GRID_SCROLL_PROP_VSCROLL_POLICY,
                                    "vscroll-policy");
}

void
ks_grid_scroll_get_property (const KsGridScroll *scroll,
                             KsGridScrollProp    prop,
                             GValue             *value)
{
  switch (prop)
    {
    case KS_GRID_SCROLL_PROP_HADJUSTMENT:
      g_value_set_object (value, scroll->hadjustment);
      break;
    case KS_GRID_SCROLL_PROP_VADJUSTMENT:
      g_value_set_object (value, scroll->vadjustment);
      break;
    case KS_GRID_SCROLL_PROP_HSCROLL_POLICY:
      g_value_set_enum (value, scroll->hscroll_policy);
      break;
    case KS_GRID_SCROLL_PROP_VSCROLL_POLICY:
      g_value_set_enum (value, scroll->vscroll_policy);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_adjustment (GtkWidget      *widget,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       on_value_changed)
{
  if (adjustment && *slot == adjustment)
    return;
  if (*slot)
    {
      g_signal_handlers_disconnect_by_data (*slot, widget);
      g_object_unref (*slot);
    }
  if (!adjustment)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", on_value_changed, widget);
  gtk_widget_queue_resize (widget);
}

void
ks_grid_scroll_set_property (KsGridScroll     *scroll,
                             GtkWidget        *widget,
                             KsGridScrollProp  prop,
                             const GValue     *value,
                             GParamSpec       *pspec,
                             GCallback         on_value_changed)
{
  guint policy;

  switch (prop)
    {
    case KS_GRID_SCROLL_PROP_HADJUSTMENT:
      set_adjustment (widget, &scroll->hadjustment, g_value_get_object (value), on_value_changed);
      break;
    case KS_GRID_SCROLL_PROP_VADJUSTMENT:
      set_adjustment (widget, &scroll->vadjustment, g_value_get_object (value), on_value_changed);
      break;
    case KS_GRID_SCROLL_PROP_HSCROLL_POLICY:
    case KS_GRID_SCROLL_PROP_VSCROLL_POLICY:
      policy = prop == KS_GRID_SCROLL_PROP_HSCROLL_POLICY ? scroll->hscroll_policy : scroll->vscroll_policy;
      if (policy != (guint) g_value_get_enum (value))
        {
          if (prop == KS_GRID_SCROLL_PROP_HSCROLL_POLICY)
            scroll->hscroll_policy = g_value_get_enum (value);
          else
            scroll->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (widget);
          g_object_notify_by_pspec (G_OBJECT (widget), pspec);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
ks_grid_scroll_clear (KsGridScroll *scroll,
                      GtkWidget    *widget)
{
  if (scroll->hadjustment)
    g_signal_handlers_disconnect_by_data (scroll->hadjustment, widget);
  if (scroll->vadjustment)
    g_signal_handlers_disconnect_by_data (scroll->vadjustment, widget);
  g_clear_object (&scroll->hadjustment);
  g_clear_object (&scroll->vadjustment);
}

KsGridView
ks_grid_scroll_get_view (const KsGridScroll *scroll,
                         GtkWidget          *widget)
{
  KsGridView view;

  view.width = gtk_widget_get_width (widget);
  view.height = gtk_widget_get_height (widget);
  view.scroll_x = scroll->hadjustment ? gtk_adjustment_get_value (scroll->hadjustment) : 0;
  view.scroll_y = scroll->vadjustment ? gtk_adjustment_get_value (scroll->vadjustment) : 0;
  return view;
}

void
ks_grid_scroll_configure (KsGridScroll *scroll,
                          int           width,
                          int           height,
                          double        content_width,
                          double        content_height,
                          double        row_height)
{
  if (scroll->hadjustment)
    gtk_adjustment_configure (scroll->hadjustment,
                              CLAMP (gtk_adjustment_get_value (scroll->hadjustment), 0,
                                     MAX (0, content_width - width)),
                              0, MAX (content_width, width), width * 0.1, width * 0.9, width);
  if (scroll->vadjustment)
    gtk_adjustment_configure (scroll->vadjustment,
                              CLAMP (gtk_adjustment_get_value (scroll->vadjustment), 0,
                                     MAX (0, content_height - height)),
                              0, MAX (content_height, height), row_height,
                              MAX (row_height, height - 2 * row_height), height);
}

void
ks_grid_scroll_to (KsGridScroll     *scroll,
                   const KsGridView *view,
                   double            scroll_x,
                   double            scroll_y)
{
  if (scroll->hadjustment && scroll_x != view->scroll_x)
    gtk_adjustment_set_value (scroll->hadjustment, scroll_x);
  if (scroll->vadjustment && scroll_y != view->scroll_y)
    gtk_adjustment_set_value (scroll->vadjustment, scroll_y);
}

void
ks_grid_scroll_home (KsGridScroll *scroll)
{
  if (scroll->hadjustment)
    gtk_adjustment_set_value (scroll->hadjustment, 0);
  if (scroll->vadjustment)
    gtk_adjustment_set_value (scroll->vadjustment, 0);
}

void
ks_grid_scroll_measure (GtkOrientation  orientation,
                        double          content_width,
                        double          content_height,
                        double          min_width,
                        double          min_height,
                        int            *minimum,
                        int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (min_width);
      *natural = (int) ceil (content_width);
    }
  else
    {
      *minimum = (int) ceil (min_height);
      *natural = (int) ceil (content_height);
    }
  /* a grid without rows still keeps its header and a row */
  *natural = MAX (*natural, *minimum);
}
