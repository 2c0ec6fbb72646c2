/* test-plan-print.c — render: the printable mini account plan (pages, text, margins)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler's pdftotext and pdfinfo, so what is
 * checked is what a reader of the file gets: every section, every word of
 * long and non-Latin text, the page count, and that no word lies outside the
 * page margins.
 */
#include <cairo.h>
#include <math.h>
#include <locale.h>
#include <string.h>

#include "ks-account.h"
#include "ks-contact.h"
#include "ks-export.h"
#include "ks-plan-print.h"
#include "ks-test-util.h"

/* The document's margin (ks-plan-print.c: half an inch). */
#define MARGIN 36.0

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

static gboolean
have_poppler (void)
{
  g_autofree char *p = g_find_program_in_path ("pdftotext");
  g_autofree char *q = g_find_program_in_path ("pdfinfo");
  if (!p || !q)
    g_test_skip ("pdftotext or pdfinfo is missing (poppler-utils)");
  return p && q;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  const char *line = strstr (out, "Pages:");
  g_autofree char *size = NULL;

  g_assert_nonnull (line);
  /* Every page is A4 portrait: 595.28 × 841.89 points. */
  g_assert_nonnull (strstr (out, "595.28 x 841.89 pts (A4)"));
  return (guint) g_ascii_strtoull (line + 6, NULL, 10);
}

/* The text of pages first..last (1-based; 0 = all), in reading order, or
 * line by line as laid out on the page (@layout). */
static char *
pdf_text_full (const char *path,
               guint       first,
               guint       last,
               gboolean    layout)
{
  g_autofree char *f = g_strdup_printf ("%u", first ? first : 1);
  g_autofree char *l = g_strdup_printf ("%u", last ? last : 100000);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, path, "-",
                         layout ? "-layout" : NULL, NULL };
  return run_tool (argv);
}

static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  return pdf_text_full (path, first, last, FALSE);
}

/* Words in order: each of @words is found in @text after the previous one. */
static void
assert_words_in_order (const char *text,
                       char      **words)
{
  const char *at = text;

  for (guint i = 0; words[i]; i++)
    {
      const char *hit;
      if (!*words[i])
        continue;
      hit = strstr (at, words[i]);
      if (!hit)
        g_error ("word %u “%s” is missing (or out of order) in the extracted text", i, words[i]);
      at = hit + strlen (words[i]);
    }
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
set_text (KsPlan     *plan,
          const char *key,
          const char *text)
{
  KsPlanValue *value = (KsPlanValue *) ks_plan_get (plan, key);
  g_assert_nonnull (value);
  g_free (value->text);
  value->text = g_strdup (text);
}

static void
set_number (KsPlan     *plan,
            const char *key,
            double      number)
{
  KsPlanValue *value = (KsPlanValue *) ks_plan_get (plan, key);
  g_assert_nonnull (value);
  value->number = number;
}

static KsPlanItem *
add_item (KsPlan     *plan,
          KsPlanList  list)
{
  KsPlanItem *item = ks_plan_item_new (list);
  g_ptr_array_add (plan->items[list], item);
  return item;
}

static void
item_set (KsPlanItem *item,
          KsPlanList  list,
          const char *key,
          const char *text)
{
  KsPlanValue *value = (KsPlanValue *) ks_plan_item_get (item, list, key);
  g_assert_nonnull (value);
  g_free (value->text);
  value->text = g_strdup (text);
}

static void
item_set_number (KsPlanItem *item,
                 KsPlanList  list,
                 const char *key,
                 double      number)
{
  KsPlanValue *value = (KsPlanValue *) ks_plan_item_get (item, list, key);
  g_assert_nonnull (value);
  value->number = number;
}

static void
item_set_id (KsPlanItem *item,
             KsPlanList  list,
             const char *key,
             gint64      id)
{
  KsPlanValue *value = (KsPlanValue *) ks_plan_item_get (item, list, key);
  g_assert_nonnull (value);
  value->id = id;
}

static const KsPlanPrintName people[] = {
  { 11, "Åsa Lindqvist" },
  { 12, "Jonas Berger" },
};
static const KsPlanPrintName products[] = {
  { 21, "Hydraulic pump HX-200" },
};
static const KsPlanPrintContact contacts[] = {
  { 31, "Dr. Helena Vogt", "Head of Purchasing", "Procurement", "+49 711 555 0101",
    "h.vogt@example.com", "Phone", "Europe/Berlin", KS_POWER_HIGH },
  { 32, "Marko Kinnunen", "Plant manager", "Operations", NULL, "marko.k@example.fi",
    "E-mail", "Europe/Helsinki", KS_POWER_MEDIUM },
};

static KsPlanPrintData
data_for (KsPlan *plan)
{
  KsPlanPrintData data = {
    .account_name = "Kessler Maschinenbau GmbH",
    .owner_name = "Åsa Lindqvist",
    .today = "2024-06-15",
    .employees = 1250,
    .revenue = 310000000,
    .plan = plan,
    .contacts = contacts,
    .n_contacts = G_N_ELEMENTS (contacts),
    .people = people,
    .n_people = G_N_ELEMENTS (people),
    .products = products,
    .n_products = G_N_ELEMENTS (products),
  };
  return data;
}

static char *
write_pdf (KsPlanPrint *print,
           const char  *name)
{
  g_autofree char *dir = ks_test_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ks_plan_print_export (print, path, &error));
  g_assert_no_error (error);
  return path;
}

static const char *const section_titles[] = {
  "Customer Profile", "Top 3 Objectives", "Contacts and Decisions", "Products Bought",
  "Meetings", "Key Projects", "SWOT", "Perception Ladder", "Knowledge Transfer",
  "Action Plan", "Handover",
};

static void
test_empty_plan (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlanPrintData data = data_for (plan);
  g_autoptr(KsPlanPrint) print = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (!have_poppler ())
    {
      ks_plan_free (plan);
      return;
    }
  data.n_contacts = 0;
  print = ks_plan_print_new (&data);
  ks_plan_free (plan);   /* the document keeps copies */
  n = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_assert_cmpuint (n, ==, 1);
  path = write_pdf (print, "empty.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  text = pdf_text (path, 0, 0);
  /* The template's section titles (G_N_ELEMENTS checked against the template). */
  g_assert_cmpuint (G_N_ELEMENTS (section_titles), ==, KS_PLAN_N_SECTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    g_assert_nonnull (strstr (text, section_titles[i]));
  g_assert_nonnull (strstr (text, "Kessler Maschinenbau GmbH"));
  g_assert_nonnull (strstr (text, "Åsa Lindqvist"));
  /* Key figures are grouped by three even where the locale does not group
   * (the tests run in C.UTF-8): 310000000 and 1250 with U+202F between,
   * which pdftotext gives back as plain spaces. */
  if (!*localeconv ()->thousands_sep)
    {
      g_assert_nonnull (strstr (text, "310 000 000"));
      g_assert_nonnull (strstr (text, "1 250"));
    }
  g_assert_nonnull (strstr (text, "2024-06-15"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  /* Key figures from the account, even in an empty plan. */
  g_assert_nonnull (strstr (text, "1,250") ? strstr (text, "1,250") : strstr (text, "1 250"));
  /* The ladder names all eight levels, lowest to highest. */
  {
    char *levels[] = { "Opportunistic", "One-time", "Qualified", "Repeated", "Preferred",
                       "Key", "Development", "Strategic", NULL };
    assert_words_in_order (strstr (text, "Perception Ladder"), levels);
  }
  /* Nothing is overdue in an empty plan. */
  g_assert_cmpuint (count (text, "Overdue"), ==, 0);
}

/* A plan as a user fills it in: every section has something. */
static KsPlan *
typical_plan (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlanItem *item;

  set_text (plan, "business", "Builds hydraulic presses for the automotive industry.");
  set_text (plan, "locations", "Stuttgart (HQ), Tampere, Puebla");
  set_number (plan, "sites", 3);
  set_text (plan, "solvency", "A+ (pays within 30 days)");
  set_text (plan, "decision_process", "Purchasing decides with the plant manager; board above 500k.");
  set_number (plan, "share_of_wallet", 35);
  set_text (plan, "strengths", "Strong engineering team");
  set_text (plan, "strengths_help", "Joint design reviews");
  set_text (plan, "weaknesses", "Slow approvals");
  set_text (plan, "threats", "Asian competitors");
  set_text (plan, "perception_current", "qualified");
  set_text (plan, "perception_target", "key");
  set_text (plan, "history", "First order in 2015 through a trade fair.");
  set_text (plan, "communication", "Prefers phone calls on Tuesday mornings.");
  ((KsPlanValue *) ks_plan_get (plan, "mentor"))->id = 11;
  ((KsPlanValue *) ks_plan_get (plan, "mentee"))->id = 12;
  set_number (plan, "trainings_done", 1);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *o = g_strdup_printf ("Objective number %u", i + 1);
      item = add_item (plan, KS_PLAN_OBJECTIVES);
      item_set (item, KS_PLAN_OBJECTIVES, "objective", o);
      item_set (item, KS_PLAN_OBJECTIVES, "due", "2024-12-31");
      item_set_id (item, KS_PLAN_OBJECTIVES, "owner", 11);
    }
  item = add_item (plan, KS_PLAN_PRODUCTS);
  item_set_id (item, KS_PLAN_PRODUCTS, "product", 21);
  item_set_number (item, KS_PLAN_PRODUCTS, "volume", 400);
  item_set (item, KS_PLAN_PRODUCTS, "price_notes", "Frame contract price until March");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *d = g_strdup_printf ("2024-0%u-10", 5 - i);
      item = add_item (plan, KS_PLAN_MEETINGS);
      item_set (item, KS_PLAN_MEETINGS, "date", d);
      item_set (item, KS_PLAN_MEETINGS, "ours", "Åsa");
      item_set (item, KS_PLAN_MEETINGS, "theirs", "Helena Vogt");
      item_set (item, KS_PLAN_MEETINGS, "notes", "Discussed the annual volume and the new press line.");
      item_set (item, KS_PLAN_MEETINGS, "next_steps", "Send offer");
      item_set (item, KS_PLAN_MEETINGS, "next_due", "2024-07-01");
    }
  item = add_item (plan, KS_PLAN_PROJECTS);
  item_set (item, KS_PLAN_PROJECTS, "name", "Press line 4");
  item_set_number (item, KS_PLAN_PROJECTS, "probability", 60);
  item_set (item, KS_PLAN_PROJECTS, "competitor1", "Bosch Rexroth");
  item_set_id (item, KS_PLAN_PROJECTS, "contact", 32);

  /* Overdue: open and due before today. Not overdue: done, or due later. */
  item = add_item (plan, KS_PLAN_ACTIONS);
  item_set (item, KS_PLAN_ACTIONS, "action", "Call about the delayed delivery");
  item_set (item, KS_PLAN_ACTIONS, "due", "2024-06-01");
  item_set (item, KS_PLAN_ACTIONS, "status", "open");
  item = add_item (plan, KS_PLAN_ACTIONS);
  item_set (item, KS_PLAN_ACTIONS, "action", "Send the price list");
  item_set (item, KS_PLAN_ACTIONS, "due", "2024-06-01");
  item_set (item, KS_PLAN_ACTIONS, "status", "done");
  item = add_item (plan, KS_PLAN_ACTIONS);
  item_set (item, KS_PLAN_ACTIONS, "action", "Plan the plant visit");
  item_set (item, KS_PLAN_ACTIONS, "due", "2024-06-15");
  item_set (item, KS_PLAN_ACTIONS, "status", "in-progress");

  item = add_item (plan, KS_PLAN_NOTES);
  item_set (item, KS_PLAN_NOTES, "date", "2024-06-02");
  item_set (item, KS_PLAN_NOTES, "author", "mentor");
  item_set (item, KS_PLAN_NOTES, "text", "Helena likes short e-mails.");
  return plan;
}

static void
test_typical_plan (void)
{
  KsPlan *plan = typical_plan ();
  KsPlanPrintData data = data_for (plan);
  g_autoptr(KsPlanPrint) print = ks_plan_print_new (&data);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n;

  ks_plan_free (plan);
  if (!have_poppler ())
    return;
  path = write_pdf (print, "typical.pdf");
  n = pdf_pages (path);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 2);
  /* As laid out: top to bottom, so sections do not interleave. */
  text = pdf_text_full (path, 0, 0, TRUE);

  /* Each text in its own section: between its title and the next one. */
  {
    const char *expected[KS_PLAN_N_SECTIONS][12] = {
      { "Stuttgart (HQ)", "A+ (pays within 30 days)", "Builds hydraulic presses", "1 250", "310 000 000" },
      { "1.", "Objective number 1", "2.", "Objective number 2", "3.", "Objective number 3", "2024-12-31" },
      { "Dr. Helena Vogt", "Head of Purchasing", "+49 711 555 0101", "Marko Kinnunen",
        "marko.k@example.fi", "Europe/Helsinki", "1 High", "Purchasing decides" },
      { "Hydraulic pump HX-200", "400", "Frame contract price", "35 %" },
      { "2024-05-10", "2024-02-10", "Helena Vogt", "Send offer", "2024-07-01" },
      { "Press line 4", "60 %", "Bosch Rexroth", "Customer:", "Kinnunen" },
      { "Strengths", "Strong engineering team", "Joint design reviews", "Weaknesses", "Slow approvals",
        "Opportunities", "Threats", "Asian competitors", "How can we help them avert it?" },
      { "Qualified supplier", "Key supplier", "Today", "Target" },
      { "First order in 2015", "Prefers phone calls" },
      { "Call about the delayed delivery", "Overdue", "Send the price list", "Plan the plant visit" },
      { "Åsa Lindqvist", "Jonas Berger", "Trainings done", "Helena likes short e-mails." },
    };
    g_autofree char *flat = g_strdup (text);
    const char *at[KS_PLAN_N_SECTIONS + 1];

    /* Page headers in between do not matter; find the titles in order. */
    at[0] = strstr (flat, section_titles[0]);
    g_assert_nonnull (at[0]);
    for (guint i = 1; i < KS_PLAN_N_SECTIONS; i++)
      {
        at[i] = strstr (at[i - 1] + 1, section_titles[i]);
        g_assert_nonnull (at[i]);
      }
    at[KS_PLAN_N_SECTIONS] = flat + strlen (flat);
    for (guint i = 0; i < KS_PLAN_N_SECTIONS; i++)
      {
        g_autofree char *part = g_strndup (at[i], at[i + 1] - at[i]);
        for (guint k = 0; k < G_N_ELEMENTS (expected[i]) && expected[i][k]; k++)
          if (!strstr (part, expected[i][k]))
            g_error ("“%s” is not in section “%s”", expected[i][k], section_titles[i]);
      }
  }
  /* Exactly one action is overdue; the meetings' next steps are due later. */
  g_assert_cmpuint (count (text, "Overdue"), ==, 1);
}

static void
test_many_meetings (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlan *small = ks_plan_new (1);
  KsPlanPrintData data = data_for (plan);
  KsPlanPrintData small_data = data_for (small);
  g_autoptr(KsPlanPrint) print = NULL;
  g_autoptr(KsPlanPrint) small_print = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n;

  for (guint i = 0; i < 200; i++)
    {
      KsPlanItem *item = add_item (plan, KS_PLAN_MEETINGS);
      char *note = g_strdup_printf ("meetingnote%03u", i);

      item_set (item, KS_PLAN_MEETINGS, "date", "2024-01-15");
      item_set (item, KS_PLAN_MEETINGS, "notes", note);
      item_set (item, KS_PLAN_MEETINGS, "next_steps", "Follow up");
      g_ptr_array_add (notes, note);
      if (i < 3)
        {
          item = add_item (small, KS_PLAN_MEETINGS);
          item_set (item, KS_PLAN_MEETINGS, "notes", note);
        }
    }
  g_ptr_array_add (notes, NULL);
  print = ks_plan_print_new (&data);
  small_data.n_contacts = 0;
  small_print = ks_plan_print_new (&small_data);
  ks_plan_free (plan);
  ks_plan_free (small);

  /* A few short meetings still fit on one page. */
  g_assert_cmpuint (ks_plan_print_paginate (small_print, KS_PLAN_PRINT_A4_WIDTH,
                                            KS_PLAN_PRINT_A4_HEIGHT), ==, 1);
  /* 200 rows of at least one 9 pt line (≥ 13 pt with padding) on ≤ 770 pt of
   * page: at least 200 × 13 / 770 > 3 pages; at most one row... no fewer than
   * 30 rows a page (two lines each, ≤ 26 pt): ≤ 200 / 25 + 2 pages. */
  n = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (n, <=, 10);

  if (!have_poppler ())
    return;
  path = write_pdf (print, "meetings.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, n);
  text = pdf_text (path, 0, 0);
  /* No row is lost or cut at a page break. */
  assert_words_in_order (text, (char **) notes->pdata);
  /* Every page has its header, and each page the table continues on repeats
   * the column titles. */
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *page = pdf_text (path, p, p);
      g_autofree char *label = g_strdup_printf ("Page %u of %u", p, n);
      g_assert_nonnull (strstr (page, label));
      g_assert_nonnull (strstr (page, "Kessler Maschinenbau GmbH"));
      if (p >= 2 && strstr (page, "meetingnote"))
        g_assert_nonnull (strstr (page, "Next steps"));
    }
}

static char *
long_paragraph (guint        n_words,
                GPtrArray   *words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      char *w = g_strdup_printf ("word%05u", i);
      g_string_append_printf (s, "%s%s", i ? " " : "", w);
      g_ptr_array_add (words, w);
    }
  g_ptr_array_add (words, NULL);
  return g_string_free (s, FALSE);
}

static void
test_long_and_international_text (void)
{
  KsPlan *plan = ks_plan_new (1);
  KsPlanPrintData data = data_for (plan);
  g_autoptr(KsPlanPrint) print = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *paragraph = long_paragraph (1000, words);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n;

  /* 1000 words of 9 characters and 999 spaces: 9,999 characters. */
  g_assert_cmpuint (strlen (paragraph), ==, 9999);
  set_text (plan, "history", paragraph);
  set_text (plan, "business", "Hyvää päivää! Jyväskylän tehdas valmistaa ääniä ja öljyä.");
  set_text (plan, "culture", "مرحبا بكم في الشركة");
  set_text (plan, "successes", "Record quarter 😀 again");
  print = ks_plan_print_new (&data);
  ks_plan_free (plan);

  /* 10,000 characters at 9 pt on ~390 pt lines: ~170 lines, more than one page. */
  n = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_assert_cmpuint (n, >=, 2);
  if (!have_poppler ())
    return;
  path = write_pdf (print, "long.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, n);
  text = pdf_text (path, 0, 0);
  assert_words_in_order (text, (char **) words->pdata);
  {
    char *finnish[] = { "Hyvää", "päivää!", "Jyväskylän", "tehdas", "valmistaa", "ääniä", "öljyä.", NULL };
    assert_words_in_order (text, finnish);
  }
  g_assert_nonnull (strstr (text, "😀"));
  g_assert_nonnull (strstr (text, "Record quarter"));
  /* Arabic comes out as its words (in whichever order the extractor reads
   * right-to-left lines). */
  g_assert_nonnull (strstr (text, "مرحبا"));
  g_assert_nonnull (strstr (text, "بكم"));
  g_assert_nonnull (strstr (text, "الشركة"));
}

/* Renders every page to pixels and checks the margin band is paper-white:
 * text that ran past the content area (instead of wrapping or flowing on to
 * the next page) would show there. */
static void
assert_margins_white (KsPlanPrint *print)
{
  guint n = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  int w = (int) ceil (KS_PLAN_PRINT_A4_WIDTH), h = (int) ceil (KS_PLAN_PRINT_A4_HEIGHT);
  int band = (int) MARGIN - 2;   /* glyph ink may reach a little past the logical box */

  for (guint p = 0; p < n; p++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (s);
      const guint8 *px;
      int stride;
      guint ink_inside = 0;

      cairo_set_source_rgb (cr, 1, 0, 1);  /* anything not painted stays magenta */
      cairo_paint (cr);
      ks_plan_print_draw_page (print, cr, p);
      cairo_destroy (cr);
      cairo_surface_flush (s);
      px = cairo_image_surface_get_data (s);
      stride = cairo_image_surface_get_stride (s);
      /* The last column and row are only partly on the page. */
      for (int y = 0; y < h - 1; y++)
        for (int x = 0; x < w - 1; x++)
          {
            guint32 v = *(const guint32 *) (px + y * stride + x * 4) & 0xffffff;
            gboolean in_band = x < band || x >= w - 1 - band || y < band || y >= h - 1 - band;
            if (in_band && v != 0xffffff)
              g_error ("page %u: pixel %d,%d in the margin is #%06x, not white", p + 1, x, y, v);
            if (!in_band && v != 0xffffff)
              ink_inside++;
          }
      /* And the page is not blank. */
      g_assert_cmpuint (ink_inside, >, 1000);
      cairo_surface_destroy (s);
    }
}

/* pdftotext -bbox: every word's box lies within the margins. */
static void
assert_words_inside (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  guint words = 0;

  for (const char *p = strstr (out, "<word "); p; p = strstr (p + 1, "<word "))
    {
      double x0 = g_ascii_strtod (strstr (p, "xMin=\"") + 6, NULL);
      double y0 = g_ascii_strtod (strstr (p, "yMin=\"") + 6, NULL);
      double x1 = g_ascii_strtod (strstr (p, "xMax=\"") + 6, NULL);
      double y1 = g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL);

      words++;
      g_assert_cmpfloat (x0, >=, MARGIN - 1);
      g_assert_cmpfloat (y0, >=, MARGIN - 2);
      g_assert_cmpfloat (x1, <=, KS_PLAN_PRINT_A4_WIDTH - MARGIN + 1);
      g_assert_cmpfloat (y1, <=, KS_PLAN_PRINT_A4_HEIGHT - MARGIN + 2);
    }
  g_assert_cmpuint (words, >, 1000);
}

static void
test_margins (void)
{
  KsPlan *plan = typical_plan ();
  KsPlanPrintData data = data_for (plan);
  g_autoptr(KsPlanPrint) print = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *paragraph = long_paragraph (1000, words);
  /* An unbroken run of 600 characters must wrap inside its column too. */
  g_autofree char *token = g_strnfill (600, 'x');
  g_autofree char *path = NULL;
  KsPlanItem *item;

  set_text (plan, "lessons", paragraph);
  set_text (plan, "threats_help", paragraph);
  item = add_item (plan, KS_PLAN_ACTIONS);
  item_set (item, KS_PLAN_ACTIONS, "action", token);
  item = add_item (plan, KS_PLAN_NOTES);
  /* A row taller than a page: split between lines. */
  item_set (item, KS_PLAN_NOTES, "text", paragraph);
  data.account_name = "Kessler Maschinenbau GmbH & Co. KG, Werk Süd, Abteilung für sehr lange "
                      "Namen von Konten, die nicht auf eine Zeile passen";
  print = ks_plan_print_new (&data);
  ks_plan_free (plan);

  assert_margins_white (print);
  if (!have_poppler ())
    return;
  path = write_pdf (print, "margins.pdf");
  assert_words_inside (path);
  {
    /* The paragraph appears three times, whole, in order. */
    g_autofree char *text = pdf_text (path, 0, 0);
    const char *second = strstr (text, "word00999");
    g_assert_nonnull (second);
    assert_words_in_order (text, (char **) words->pdata);
    assert_words_in_order (second, (char **) words->pdata);
    assert_words_in_order (strstr (second + 1, "word00999"), (char **) words->pdata);
    /* The long token: 600 x's over its wrapped lines (runs of x's appear
     * nowhere else in this plan). */
    {
      guint xs = 0, run = 0;
      for (const char *t = text; ; t++)
        {
          if (*t == 'x')
            run++;
          else
            {
              xs += run >= 3 ? run : 0;
              run = 0;
            }
          if (!*t)
            break;
        }
      g_assert_cmpuint (xs, ==, 600);
    }
  }
}

static void
test_png_page_and_refusals (void)
{
  KsPlan *plan = typical_plan ();
  KsPlanPrintData data = data_for (plan);
  g_autoptr(KsPlanPrint) print = ks_plan_print_new (&data);
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "plan.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "plan.txt", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;

  ks_plan_free (plan);
  g_assert_true (ks_plan_print_export_page (print, png, 0, &error));
  g_assert_no_error (error);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  /* A4 at two pixels a point. */
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, (int) ceil (KS_PLAN_PRINT_A4_WIDTH * 2));
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, (int) ceil (KS_PLAN_PRINT_A4_HEIGHT * 2));
  cairo_surface_destroy (s);

  g_assert_false (ks_plan_print_export_page (print, png, 99, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "page 100"));
  g_clear_error (&error);
  g_assert_false (ks_plan_print_export (print, bad, &error));
  g_assert_error (error, KS_EXPORT_ERROR, KS_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* From the workspace: a stored plan, the account's contacts and names, and
 * keystone-cli render plan, which prints the same document. */
static void
test_from_workspace (void)
{
  g_autofree char *dir = ks_test_tmpdir ();
  g_autofree char *ws_path = g_build_filename (dir, "plan.keystone", NULL);
  g_autofree char *pdf = g_build_filename (dir, "cli.pdf", NULL);
  g_autofree char *cli = ks_test_build_path ("src/cli/keystone-cli");
  g_autoptr(GError) error = NULL;
  g_autoptr(KsWorkspace) ws = ks_workspace_open (ws_path, KS_WORKSPACE_OPEN_NEW, &error);
  g_autoptr(KsAccount) account = ks_account_new ("Nordlicht Oy");
  g_autoptr(KsContact) contact = NULL;
  g_autoptr(KsPlanPrint) print = NULL;
  KsPlan *plan;
  KsPlanItem *item;
  guint pages;

  g_assert_no_error (error);
  ks_account_set_employees (account, 420);
  g_assert_true (ks_account_save (account, ws, &error));
  g_assert_no_error (error);
  contact = ks_contact_new (ks_account_get_id (account), "Liisa Mäkelä");
  ks_contact_set_title (contact, "Ostopäällikkö");
  ks_contact_set_power (contact, KS_POWER_HIGH);
  g_assert_true (ks_contact_save (contact, ws, &error));
  g_assert_no_error (error);

  plan = ks_plan_new (ks_account_get_id (account));
  set_text (plan, "business", "Valmistaa lämpöpumppuja");
  item = add_item (plan, KS_PLAN_PROJECTS);
  item_set (item, KS_PLAN_PROJECTS, "name", "Tehdas 2");
  item_set_id (item, KS_PLAN_PROJECTS, "contact", ks_contact_get_id (contact));
  item = add_item (plan, KS_PLAN_ACTIONS);
  item_set (item, KS_PLAN_ACTIONS, "action", "Soita Liisalle");
  item_set (item, KS_PLAN_ACTIONS, "due", "2024-03-01");
  item_set (item, KS_PLAN_ACTIONS, "status", "open");
  g_assert_true (ks_plan_save (ws, plan, &error));
  g_assert_no_error (error);
  ks_plan_free (plan);

  print = ks_plan_print_new_for_account (ws, ks_account_get_id (account), "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_nonnull (print);
  /* A small plan: one page, or two with the template's eleven headings. */
  pages = ks_plan_print_paginate (print, KS_PLAN_PRINT_A4_WIDTH, KS_PLAN_PRINT_A4_HEIGHT);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, 2);
  g_clear_object (&ws);

  if (!have_poppler ())
    return;
  {
    const char *argv[] = { cli, "-w", ws_path, "render", "plan", "--account", "nordlicht oy",
                           "--today", "2024-06-15", "-o", pdf, NULL };
    g_autofree char *out = run_tool (argv);
    g_autofree char *text = NULL;

    /* The CLI prints the same document. */
    g_assert_cmpuint (pdf_pages (pdf), ==, pages);
    text = pdf_text_full (pdf, 0, 0, TRUE);
    g_assert_nonnull (strstr (text, "Nordlicht Oy"));
    g_assert_nonnull (strstr (text, "Printed 2024-06-15"));
    g_assert_nonnull (strstr (text, "420"));
    g_assert_nonnull (strstr (text, "Liisa Mäkelä"));
    g_assert_nonnull (strstr (text, "Ostopäällikkö"));
    g_assert_nonnull (strstr (text, "1 High"));
    g_assert_nonnull (strstr (text, "Valmistaa lämpöpumppuja"));
    g_assert_nonnull (strstr (text, "Tehdas 2"));
    /* The project's contact reference prints as the contact's name. */
    g_assert_cmpuint (count (text, "Mäkelä"), ==, 2);
    g_assert_nonnull (strstr (text, "Soita Liisalle"));
    g_assert_cmpuint (count (text, "Overdue"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-print/empty", test_empty_plan);
  g_test_add_func ("/plan-print/typical", test_typical_plan);
  g_test_add_func ("/plan-print/many-meetings", test_many_meetings);
  g_test_add_func ("/plan-print/long-and-international", test_long_and_international_text);
  g_test_add_func ("/plan-print/margins", test_margins);
  g_test_add_func ("/plan-print/png-and-refusals", test_png_page_and_refusals);
  g_test_add_func ("/plan-print/from-workspace", test_from_workspace);
  return g_test_run ();
}
