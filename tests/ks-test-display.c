/* ks-test-display.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ks-test-display.h"
#include "ks-test-util.h"
#include "ks-json.h"

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

gboolean
ks_test_display_init_translated (int         *argc,
                                 char      ***argv,
                                 char       **tmpdir,
                                 const char  *language)
{
  const char *messages;

  /* before GTK sets the locale */
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  if (!ks_test_display_init (argc, argv, tmpdir))
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  messages = setlocale (LC_MESSAGES, NULL);
  if (g_strcmp0 (messages, "C") == 0 || g_strcmp0 (messages, "C.UTF-8") == 0)
    {
      g_print ("1..0 # SKIP the de_DE.UTF-8 locale is not installed (build-aux/deps.sh: keystone_ensure_locales)\n");
      return FALSE;
    }
  return TRUE;
}

void
ks_test_bind_catalogues (const char *dir)
{
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
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

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ks_test_wait_for_idle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, set_flag, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
ks_test_child_of_type (GtkWidget *widget,
                       GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  g_assert_not_reached ();
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        return c;   /* the widget keeps it */
    }
  g_assert_not_reached ();
}

void
ks_test_type_into (GtkWidget  *row,
                   const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_true (gtk_widget_grab_focus (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
ks_test_press_enter (GtkWidget *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
}

gboolean
ks_test_press_key (GtkWidget       *widget,
                   gboolean         editing,
                   guint            keyval,
                   GdkModifierType  state)
{
  gboolean handled = FALSE;
  gunichar ch;

  g_signal_emit_by_name (key_controller (widget), "key-pressed", keyval, 0, state, &handled);
  ch = gdk_keyval_to_unicode (keyval);
  if (!handled && editing && ch && !(state & GDK_CONTROL_MASK))
    {
      GtkEditable *editor = GTK_EDITABLE (ks_test_child_of_type (widget, GTK_TYPE_TEXT));
      char buf[8] = { 0 };
      int pos;

      g_unichar_to_utf8 (ch, buf);
      gtk_editable_delete_selection (editor);
      pos = gtk_editable_get_position (editor);
      gtk_editable_insert_text (editor, buf, -1, &pos);
      gtk_editable_set_position (editor, pos);
      handled = TRUE;
    }
  return handled;
}

KsWindow *
ks_test_demo_window (const char   *tmpdir,
                     KsWorkspace **workspace)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo.keystone", NULL);
  g_autoptr(GError) error = NULL;
  KsWindow *window;

  *workspace = ks_workspace_open (path, KS_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ks_json_load_demo (*workspace, &error);
  g_assert_no_error (error);

  window = ks_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ks_window_set_workspace (window, *workspace);
  gtk_window_present (GTK_WINDOW (window));
  ks_test_wait_for_paint (GTK_WIDGET (window));
  return window;
}
