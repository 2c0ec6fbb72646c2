/* bench-startup-floor.c — the floor for "a window with a long list"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup-floor [N]   (started by bench-startup; needs a display)
 *
 * A minimal libadwaita program: an AdwApplicationWindow (1280×800) holding a
 * GtkListView of N (8,500) string rows in a scrolled window. At the first
 * painted frame it prints one line, "frame MONOTONIC_US hwm KB rss KB", and
 * quits. bench-startup compares Keystone's start-up with this one.
 */
#define G_LOG_DOMAIN "ks-bench-startup-floor"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static guint n_rows = 8500;

/* The kB value of @key ("VmHWM:") in /proc/self/status, or 0. */
static guint64
status_kb (const char *status,
           const char *key)
{
  const char *at = status ? strstr (status, key) : NULL;

  return at ? g_ascii_strtoull (at + strlen (key), NULL, 10) : 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *status = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  printf ("frame %" G_GINT64_FORMAT " hwm %" G_GUINT64_FORMAT " rss %" G_GUINT64_FORMAT "\n",
          now, status_kb (status, "VmHWM:"), status_kb (status, "VmRSS:"));
  fflush (stdout);
  gtk_window_destroy (window);
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
activate_cb (GApplication *app)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window, *scrolled, *list;

  for (guint i = 0; i < n_rows; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "Account %u", i + 1);
      gtk_string_list_append (strings, name);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))),
                            factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  if (argc > 1)
    n_rows = (guint) MAX (1, atoi (argv[1]));
  app = adw_application_new ("io.github.keystone.BenchStartupFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
