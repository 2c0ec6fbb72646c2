/* test-meeting-slides.c — render: a meeting's deck (slide order, search,
 * nothing overflowing its box at projector and laptop sizes, the kept
 * layout replaying the same picture) and its minutes PDF, read back with
 * pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <locale.h>
#include <string.h>

#include "ks-json.h"
#include "ks-meeting-slides.h"
#include "ks-person.h"
#include "ks-test-util.h"

#define DEMO_RESOURCE "/io/github/keystone/Keystone/demo/demo-workspace.json"
#define TODAY "2026-12-07"
#define N_DECISIONS 25

typedef struct
{
  KsWorkspace *ws;
  gint64       meeting;
  gint64       accounts[3];
  char        *names[3];
  gint64       owner;
  char        *owner_name;
} Fixture;

/* The demo workspace, a meeting on its first three A accounts (by revenue)
 * with two attendees. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(KsMeeting) m = ks_meeting_new ("Q4 key account review", "2026-12-10");
  g_autoptr(GArray) picked = NULL;
  KsAgendaFilter filter = { .a_class_only = TRUE };

  g_assert_no_error (error);
  f->ws = ks_test_open_workspace (":memory:", FALSE);
  g_assert_true (ks_json_import_data (f->ws, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo),
                                      "demo", FALSE, &error));
  g_assert_no_error (error);
  picked = ks_meeting_pick_accounts (f->ws, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (picked->len, >=, 3);
  g_array_append_vals (m->account_ids, picked->data, 3);
  people = ks_person_list (f->ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KsPerson) p = g_list_model_get_item (people, i);
      gint64 id = ks_person_get_id (p);

      g_array_append_val (m->attendee_ids, id);
      if (i == 1)
        {
          f->owner = id;
          f->owner_name = g_strdup (ks_person_get_name (p));
        }
    }
  f->meeting = ks_meeting_create (f->ws, m, &error);
  g_assert_no_error (error);
  g_clear_pointer (&m, ks_meeting_free);
  m = ks_meeting_load (f->ws, f->meeting, &error);
  for (guint i = 0; i < 3; i++)
    {
      f->accounts[i] = g_array_index (m->account_ids, gint64, i);
      f->names[i] = g_strdup (g_ptr_array_index (m->accounts, i));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < 3; i++)
    g_free (f->names[i]);
  g_free (f->owner_name);
  g_clear_object (&f->ws);
}

/* Decision i on account i % 3, long enough to need both of its lines. */
static void
add_decisions (Fixture *f,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Decision %02u: agree the framework contract renewal with "
                                               "purchasing and legal before the budget round closes", i + 1);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (ks_meeting_add_decision (f->ws, f->meeting, f->accounts[i % 3], text,
                                                i % 2 ? f->owner : 0, "2027-01-15", &error), >, 0);
      g_assert_no_error (error);
    }
}

static KsMeetingDeck *
load_deck (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KsMeetingDeck *deck = ks_meeting_deck_load (f->ws, f->meeting, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deck);
  return deck;
}

/* ---- order and search ---------------------------------------------------------- */

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KsMeetingDeck) deck = load_deck (f);
  /* agenda, portfolio, 3 × (score card, power map, plan, funnel), decisions:
   * 1 + 1 + 12 + 1 = 15 */
  const KsSlideKind kinds[] = {
    KS_SLIDE_AGENDA, KS_SLIDE_PORTFOLIO,
    KS_SLIDE_SCORE_CARD, KS_SLIDE_POWER_MAP, KS_SLIDE_PLAN, KS_SLIDE_FUNNEL,
    KS_SLIDE_SCORE_CARD, KS_SLIDE_POWER_MAP, KS_SLIDE_PLAN, KS_SLIDE_FUNNEL,
    KS_SLIDE_SCORE_CARD, KS_SLIDE_POWER_MAP, KS_SLIDE_PLAN, KS_SLIDE_FUNNEL,
    KS_SLIDE_DECISIONS,
  };
  g_autofree char *needle = NULL;

  g_assert_cmpuint (ks_meeting_deck_get_n_slides (deck), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      int agenda = i >= 2 && i <= 13 ? (int) (i - 2) / 4 : -1;

      g_assert_cmpint (ks_meeting_deck_get_kind (deck, i), ==, kinds[i]);
      g_assert_cmpint (ks_meeting_deck_get_agenda_index (deck, i), ==, agenda);
      g_assert_cmpint (ks_meeting_deck_get_account_id (deck, i), ==, agenda >= 0 ? f->accounts[agenda] : 0);
      if (agenda >= 0)
        g_assert_true (g_str_has_prefix (ks_meeting_deck_get_title (deck, i), f->names[agenda]));
    }
  g_assert_cmpstr (ks_meeting_deck_get_title (deck, 0), ==, "Agenda");
  g_assert_cmpstr (ks_slide_kind_name (KS_SLIDE_SCORE_CARD), ==, "score-card");
  g_assert_cmpstr (ks_slide_kind_name (KS_SLIDE_FUNNEL), ==, "funnel");

  /* a number jumps: item 2 (0-based 1) starts at slide 2 + 4 = 6 */
  g_assert_cmpint (ks_meeting_deck_agenda_slide (deck, 0), ==, 2);
  g_assert_cmpint (ks_meeting_deck_agenda_slide (deck, 1), ==, 6);
  g_assert_cmpint (ks_meeting_deck_agenda_slide (deck, 2), ==, 10);
  g_assert_cmpint (ks_meeting_deck_agenda_slide (deck, 3), ==, -1);
  /* "/" finds by part of the name, ignoring case */
  needle = g_utf8_strup (f->names[2] + 1, 4);
  g_assert_cmpint (ks_meeting_deck_find (deck, needle, 0), ==, 10);
  g_assert_cmpint (ks_meeting_deck_find (deck, f->names[0], 1), ==, 2);   /* wraps around */
  g_assert_cmpint (ks_meeting_deck_find (deck, "   ", 0), ==, -1);
  g_assert_cmpint (ks_meeting_deck_find (deck, "no such account here", 0), ==, -1);
}

/* ---- fit ------------------------------------------------------------------------ */

static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(KsMeetingDeck) deck = NULL;
  const double sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };
  const KsPaletteStyle styles[] = { KS_PALETTE_LIGHT, KS_PALETTE_HIGH_CONTRAST };

  add_decisions (f, N_DECISIONS);
  deck = load_deck (f);
  for (guint p = 0; p < G_N_ELEMENTS (styles); p++)
    {
      g_autoptr(KsPalette) palette = ks_palette_new (styles[p]);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint i = 0; i < ks_meeting_deck_get_n_slides (deck); i++)
          {
            guint n = ks_meeting_deck_count_overflow (deck, i, palette, sizes[s][0], sizes[s][1]);
            if (n != 0)
              g_error ("slide %u (%s) at %.0f × %.0f: %u pieces outside their box", i + 1,
                       ks_meeting_deck_get_title (deck, i), sizes[s][0], sizes[s][1], n);
          }
    }
}

/* Drawing a slide again replays its kept layout: the same pixels. */
static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KsMeetingDeck) deck = load_deck (f);
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_DARK);

  for (guint i = 0; i < ks_meeting_deck_get_n_slides (deck); i += 3)
    {
      cairo_surface_t *one = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
      cairo_surface_t *two = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
      cairo_t *cr;
      gsize size;

      cr = cairo_create (one);
      ks_meeting_deck_draw (deck, i, cr, palette, 960, 540);
      cairo_destroy (cr);
      cr = cairo_create (two);
      ks_meeting_deck_draw (deck, i, cr, palette, 960, 540);
      cairo_destroy (cr);
      cairo_surface_flush (one);
      cairo_surface_flush (two);
      size = (gsize) cairo_image_surface_get_stride (one) * 540;
      g_assert_true (memcmp (cairo_image_surface_get_data (one), cairo_image_surface_get_data (two), size) == 0);
      /* and it is not blank: the background differs from the text somewhere */
      {
        const guint32 *px = (const guint32 *) cairo_image_surface_get_data (one);
        gboolean varied = FALSE;
        for (gsize k = 1; k < size / 4 && !varied; k++)
          varied = px[k] != px[0];
        g_assert_true (varied);
      }
      cairo_surface_destroy (one);
      cairo_surface_destroy (two);
    }
}

/* ---- minutes --------------------------------------------------------------------- */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

/* pdftotext joins what it reads into lines; compare with single spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
    else if (out->len && out->str[out->len - 1] != ' ')
      g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
test_minutes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KsMeetingDeck) deck = NULL;
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *find = g_find_program_in_path ("pdftotext");
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pages;

  if (!find)
    {
      g_test_skip ("pdftotext is missing (poppler-utils)");
      return;
    }
  deck = load_deck (f);
  /* decisions taken after the deck was loaded reach it through reload */
  add_decisions (f, N_DECISIONS);
  g_assert_true (ks_meeting_deck_reload (deck, f->ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ks_meeting_deck_get_decisions (deck)->len, ==, N_DECISIONS);
  g_assert_true (ks_meeting_minutes_write (deck, path, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    raw = run_tool (argv);
  }
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "Q4 key account review"));
  g_assert_nonnull (strstr (text, "December 2026"));         /* the long date on the agenda */
  g_assert_nonnull (strstr (text, f->owner_name));           /* an attendee, and an owner */
  g_assert_nonnull (strstr (text, "Agenda"));
  g_assert_nonnull (strstr (text, "Decisions"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *score_card = g_strdup_printf ("Score Card %s", f->names[i]);
      g_autofree char *plan = g_strdup_printf ("Plan Summary %s", f->names[i]);

      g_assert_nonnull (strstr (text, score_card));
      g_assert_nonnull (strstr (text, plan));
    }
  /* every decision, with its due date; more than one page of them */
  for (guint i = 0; i < N_DECISIONS; i++)
    {
      g_autofree char *start = g_strdup_printf ("Decision %02u:", i + 1);
      g_assert_nonnull (strstr (text, start));
    }
  g_assert_nonnull (strstr (text, "2027-01-15"));

  /* 14 slides before the decisions; 25 decision rows of at least two
   * 28 px lines and 24 px of padding (80 px each, 2,000 px) cannot fit on
   * one 1,080 px page: at least 16 pages of 960 × 540 pt. */
  {
    const char *argv[] = { "pdfinfo", path, NULL };
    info = run_tool (argv);
  }
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + 6, NULL, 10), >=, 16);
  g_assert_nonnull (strstr (info, "960 x 540 pts"));
}

/* A workspace with one bare account: no review period, no contacts, no
 * plan, no opportunities, no decisions. Every slide says what is missing
 * and still fits. */
static void
test_bare (void)
{
  g_autoptr(KsWorkspace) ws = ks_test_open_workspace (":memory:", FALSE);
  g_autoptr(KsMeeting) m = ks_meeting_new ("Bare review", "2027-02-01");
  g_autoptr(KsMeetingDeck) deck = NULL;
  g_autoptr(KsPalette) palette = ks_palette_new (KS_PALETTE_LIGHT);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bare.pdf", NULL);
  gint64 account = ks_test_add_account (ws, "Lonely Customer AS");
  gint64 id;

  g_array_append_val (m->account_ids, account);
  id = ks_meeting_create (ws, m, &error);
  g_assert_no_error (error);
  deck = ks_meeting_deck_load (ws, id, "2027-02-01", &error);
  g_assert_no_error (error);
  /* 1 + 1 + 1 × 4 + 1 */
  g_assert_cmpuint (ks_meeting_deck_get_n_slides (deck), ==, 7);
  g_assert_cmpuint (ks_meeting_deck_get_decisions (deck)->len, ==, 0);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpuint (ks_meeting_deck_count_overflow (deck, i, palette, 1920, 1080), ==, 0);
      g_assert_cmpuint (ks_meeting_deck_count_overflow (deck, i, palette, 1280, 720), ==, 0);
    }
  g_assert_true (ks_meeting_minutes_write (deck, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A meeting that does not exist is refused, not drawn. */
  g_assert_null (ks_meeting_deck_load (ws, id + 1, NULL, &error));
  g_assert_error (error, KS_WORKSPACE_ERROR, KS_WORKSPACE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting-slides/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("order", test_order);
  ADD ("fit", test_fit);
  ADD ("replay", test_replay);
  ADD ("minutes", test_minutes);
#undef ADD
  g_test_add_func ("/meeting-slides/bare", test_bare);

  return g_test_run ();
}
