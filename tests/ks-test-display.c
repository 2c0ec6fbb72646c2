/* ks-test-display.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "ks-test-display.h"
#include "ks-test-util.h"

gboolean
ks_test_display_init (int    *argc,
                      char ***argv,
                      char  **tmpdir)
{
  g_autofree char *data_home = NULL;
  const char *debug = g_getenv ("GDK_DEBUG");

  /* before GTK or GLib read it */
  *tmpdir = ks_test_tmpdir ();
  data_home = g_build_filename (*tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!debug || !strstr (debug, "gl-disable"))
    {
      g_autofree char *flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL)
                                               : g_strdup ("gl-disable");
      g_setenv ("GDK_DEBUG", flags, TRUE);
    }

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

void
ks_test_wait_for_paint (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}
