/* ks-search-schema.h — the search index's schema step (SQLite FTS5 only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ENGINE-SPECIFIC: this is SQLite's full-text search (FTS5), its rowid and
 * char (). A PostgreSQL backend would keep a tsvector column (to_tsvector
 * over unaccent ()) per searchable table instead, with a GIN index; the
 * queries in ks-search.c are the other half and live behind the same API.
 *
 * One row per searchable thing, addressed by its rowid: the thing's own
 * id × 16 + its kind (KsSearchKind), so a trigger finds it without a scan.
 * Opportunities have an index of their own (search_opportunities), since
 * they are a hundred times as many: everything else stays small enough to
 * rank every match, and a bulk import fills theirs in one statement.
 * Theirs keeps no column sizes (a fifth of a bulk load): bm25 measures the
 * few rows it ranks from their text instead. `account` is the account the thing belongs to (NULL for
 * our people), `title` what names it, `body` its other texts joined by
 * U+001F in a fixed order that ks-search.c's field tables repeat (the
 * separator is never typed, and the tokenizer treats it as a space).
 * unicode61 with remove_diacritics 2 folds case and accents on both sides,
 * so "muller" finds "Müller".
 *
 * The index is derived: it is not in the workspace's user_tables (no undo
 * triggers of its own, no undo steps) and not in JSON exports. The triggers
 * below keep it in step with every write, so an undo or redo replayed on
 * the real tables re-indexes what it touches. Once shipped, this text is a
 * migration and never changes: a change is a new step.
 *
 * search_pending holds the ids of opportunities a bulk import left out of
 * search_opportunities (ranges lo..hi, disjoint and not adjacent), which
 * ks_search_catch_up () indexes before anything reads the index; plain
 * SQL, derived like the index (not in user_tables, not exported). It was
 * added to this step, not as a step of its own, before schema 9 shipped
 * (the step landed and changed in the same development session, no
 * release holds it without the table).
 */
#pragma once

#define KS_SEARCH_SEP " || char (31) || "

/* The values of one row of the index, from a row of its table named R. */
#define KS_SEARCH_ACCOUNT(r) \
  r ".id * 16 + 1, " r ".id, " r ".name, " \
  r ".sector" KS_SEARCH_SEP r ".country" KS_SEARCH_SEP r ".notes"
#define KS_SEARCH_CONTACT(r) \
  r ".id * 16 + 2, " r ".account_id, " r ".name, " \
  r ".title" KS_SEARCH_SEP r ".department" KS_SEARCH_SEP r ".email" KS_SEARCH_SEP \
  r ".phone" KS_SEARCH_SEP r ".notes"
#define KS_SEARCH_PERSON(r) \
  r ".id * 16 + 3, NULL, " r ".name, " \
  r ".title" KS_SEARCH_SEP r ".team" KS_SEARCH_SEP r ".region" KS_SEARCH_SEP \
  r ".area" KS_SEARCH_SEP r ".email" KS_SEARCH_SEP r ".phone"
#define KS_SEARCH_PLAN(r) \
  r ".account_id * 16 + 4, " r ".account_id, '', " \
  r ".business" KS_SEARCH_SEP r ".offering" KS_SEARCH_SEP r ".markets" KS_SEARCH_SEP \
  r ".locations" KS_SEARCH_SEP r ".capabilities" KS_SEARCH_SEP r ".positioning" KS_SEARCH_SEP \
  r ".structure" KS_SEARCH_SEP r ".funding" KS_SEARCH_SEP r ".solvency" KS_SEARCH_SEP \
  r ".production" KS_SEARCH_SEP r ".decision_process" KS_SEARCH_SEP \
  r ".strengths" KS_SEARCH_SEP r ".strengths_help" KS_SEARCH_SEP \
  r ".weaknesses" KS_SEARCH_SEP r ".weaknesses_help" KS_SEARCH_SEP \
  r ".opportunities" KS_SEARCH_SEP r ".opportunities_help" KS_SEARCH_SEP \
  r ".threats" KS_SEARCH_SEP r ".threats_help" KS_SEARCH_SEP \
  r ".history" KS_SEARCH_SEP r ".problems" KS_SEARCH_SEP r ".successes" KS_SEARCH_SEP \
  r ".future" KS_SEARCH_SEP r ".lessons" KS_SEARCH_SEP r ".communication" KS_SEARCH_SEP \
  r ".culture" KS_SEARCH_SEP r ".may_say" KS_SEARCH_SEP r ".early_warnings"
#define KS_SEARCH_OBJECTIVE(r) \
  r ".id * 16 + 5, " r ".account_id, " r ".objective, " r ".measure"
#define KS_SEARCH_MEETING(r) \
  r ".id * 16 + 6, " r ".account_id, coalesce (" r ".date, ''), " \
  r ".ours" KS_SEARCH_SEP r ".theirs" KS_SEARCH_SEP r ".notes" KS_SEARCH_SEP r ".next_steps"
#define KS_SEARCH_PROJECT(r) \
  r ".id * 16 + 7, " r ".account_id, " r ".name, " \
  r ".description" KS_SEARCH_SEP r ".milestones" KS_SEARCH_SEP r ".competitor1" KS_SEARCH_SEP \
  r ".competitor2" KS_SEARCH_SEP r ".competitor3"
#define KS_SEARCH_ACTION(r) \
  r ".id * 16 + 8, " r ".account_id, " r ".action, ''"
#define KS_SEARCH_NOTE(r) \
  r ".id * 16 + 9, " r ".account_id, coalesce (" r ".date, ''), " r ".text"
#define KS_SEARCH_OPPORTUNITY(r) \
  r ".id * 16 + 10, " r ".account_id, " r ".title, " \
  r ".ref" KS_SEARCH_SEP \
  "coalesce ((SELECT p.name FROM products p WHERE p.id = " r ".product_id), '')" KS_SEARCH_SEP \
  "coalesce ((SELECT a.name FROM accounts a WHERE a.id = " r ".account_id), '')"

/* Opportunities with an id above AFTER (a number literal or parameter),
 * joined rather than looked up per row (a third faster in bulk); WHERE_IDS
 * the condition on t.id. */
#define KS_SEARCH_INSERT_OPPORTUNITIES(after) \
  KS_SEARCH_INSERT_OPPORTUNITIES_WHERE ("t.id > " after)
#define KS_SEARCH_INSERT_OPPORTUNITIES_WHERE(where_ids) \
  "INSERT INTO search_opportunities (rowid, account, title, body)" \
  " SELECT t.id * 16 + 10, t.account_id, t.title," \
  "        t.ref" KS_SEARCH_SEP "coalesce (p.name, '')" KS_SEARCH_SEP "coalesce (a.name, '')" \
  "   FROM opportunities t" \
  "   LEFT JOIN products p ON p.id = t.product_id" \
  "   LEFT JOIN accounts a ON a.id = t.account_id" \
  "  WHERE " where_ids ";"

#define KS_SEARCH_INSERT "INSERT INTO search_index (rowid, account, title, body) "
#define KS_SEARCH_INSERT_OPPORTUNITY "INSERT INTO search_opportunities (rowid, account, title, body) "

/* Insert, update (only when an indexed column changed) and delete
 * triggers of TABLE into INDEX: COLS for UPDATE OF, CHANGED the WHEN of the
 * update, VALUES one of the macros above, KEY the rowid from old. */
#define KS_SEARCH_TRIGGERS_IN(index, table, cols, changed, values, key) \
  "CREATE TRIGGER search_" table "_insert AFTER INSERT ON " table " BEGIN " \
  "INSERT INTO " index " (rowid, account, title, body) VALUES (" values ("new") "); END;" \
  "CREATE TRIGGER search_" table "_update AFTER UPDATE OF " cols " ON " table \
  " WHEN " changed " BEGIN " \
  "DELETE FROM " index " WHERE rowid = " key "; " \
  "INSERT INTO " index " (rowid, account, title, body) VALUES (" values ("new") "); END;" \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN " \
  "DELETE FROM " index " WHERE rowid = " key "; END;"
#define KS_SEARCH_TRIGGERS(table, cols, changed, values, key) \
  KS_SEARCH_TRIGGERS_IN ("search_index", table, cols, changed, values, key)

#define KS_SEARCH_CHANGED2(a, b) \
  "old." a " IS NOT new." a " OR old." b " IS NOT new." b

/* The step itself: the table, the rows already there, the triggers. */
#define KS_SEARCH_SCHEMA_STEP \
  "CREATE VIRTUAL TABLE search_index USING fts5 (" \
  "  account UNINDEXED, title, body," \
  "  tokenize = 'unicode61 remove_diacritics 2');" \
  "CREATE VIRTUAL TABLE search_opportunities USING fts5 (" \
  "  account UNINDEXED, title, body," \
  "  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);" \
  "CREATE TABLE search_pending (" \
  "  lo INTEGER NOT NULL," \
  "  hi INTEGER NOT NULL," \
  "  CHECK (lo >= 1 AND lo <= hi)" \
  ");" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_ACCOUNT ("t") " FROM accounts t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_CONTACT ("t") " FROM contacts t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_PERSON ("t") " FROM people t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_PLAN ("t") " FROM account_plans t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_OBJECTIVE ("t") " FROM plan_objectives t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_MEETING ("t") " FROM plan_meetings t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_PROJECT ("t") " FROM plan_projects t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_ACTION ("t") " FROM plan_actions t;" \
  KS_SEARCH_INSERT "SELECT " KS_SEARCH_NOTE ("t") " FROM plan_notes t;" \
  KS_SEARCH_INSERT_OPPORTUNITIES ("0") \
  KS_SEARCH_TRIGGERS ("accounts", "name, sector, country, notes", \
                      KS_SEARCH_CHANGED2 ("name", "sector") " OR " \
                      KS_SEARCH_CHANGED2 ("country", "notes"), \
                      KS_SEARCH_ACCOUNT, "old.id * 16 + 1") \
  /* An opportunity's text holds its account's and product's names. */ \
  "CREATE TRIGGER search_accounts_rename AFTER UPDATE OF name ON accounts" \
  " WHEN old.name IS NOT new.name BEGIN " \
  "DELETE FROM search_opportunities WHERE rowid IN" \
  " (SELECT t.id * 16 + 10 FROM opportunities t WHERE t.account_id = new.id); " \
  KS_SEARCH_INSERT_OPPORTUNITY "SELECT " KS_SEARCH_OPPORTUNITY ("t") \
  " FROM opportunities t WHERE t.account_id = new.id; END;" \
  /* An account or product that comes back (undoing its deletion, after \
   * its opportunities got their references back) names them again. */ \
  "CREATE TRIGGER search_accounts_return AFTER INSERT ON accounts BEGIN " \
  "DELETE FROM search_opportunities WHERE rowid IN" \
  " (SELECT t.id * 16 + 10 FROM opportunities t WHERE t.account_id = new.id); " \
  KS_SEARCH_INSERT_OPPORTUNITY "SELECT " KS_SEARCH_OPPORTUNITY ("t") \
  " FROM opportunities t WHERE t.account_id = new.id; END;" \
  "CREATE TRIGGER search_products_return AFTER INSERT ON products BEGIN " \
  "DELETE FROM search_opportunities WHERE rowid IN" \
  " (SELECT t.id * 16 + 10 FROM opportunities t WHERE t.product_id = new.id); " \
  KS_SEARCH_INSERT_OPPORTUNITY "SELECT " KS_SEARCH_OPPORTUNITY ("t") \
  " FROM opportunities t WHERE t.product_id = new.id; END;" \
  "CREATE TRIGGER search_products_rename AFTER UPDATE OF name ON products" \
  " WHEN old.name IS NOT new.name BEGIN " \
  "DELETE FROM search_opportunities WHERE rowid IN" \
  " (SELECT t.id * 16 + 10 FROM opportunities t WHERE t.product_id = new.id); " \
  KS_SEARCH_INSERT_OPPORTUNITY "SELECT " KS_SEARCH_OPPORTUNITY ("t") \
  " FROM opportunities t WHERE t.product_id = new.id; END;" \
  KS_SEARCH_TRIGGERS ("contacts", "account_id, name, title, department, email, phone, notes", \
                      KS_SEARCH_CHANGED2 ("account_id", "name") " OR " \
                      KS_SEARCH_CHANGED2 ("title", "department") " OR " \
                      KS_SEARCH_CHANGED2 ("email", "phone") " OR old.notes IS NOT new.notes", \
                      KS_SEARCH_CONTACT, "old.id * 16 + 2") \
  KS_SEARCH_TRIGGERS ("people", "name, title, team, region, area, email, phone", \
                      KS_SEARCH_CHANGED2 ("name", "title") " OR " \
                      KS_SEARCH_CHANGED2 ("team", "region") " OR " \
                      KS_SEARCH_CHANGED2 ("area", "email") " OR old.phone IS NOT new.phone", \
                      KS_SEARCH_PERSON, "old.id * 16 + 3") \
  KS_SEARCH_TRIGGERS ("account_plans", \
                      "account_id, business, offering, markets, locations, capabilities," \
                      " positioning, structure, funding, solvency, production, decision_process," \
                      " strengths, strengths_help, weaknesses, weaknesses_help, opportunities," \
                      " opportunities_help, threats, threats_help, history, problems, successes," \
                      " future, lessons, communication, culture, may_say, early_warnings", \
                      "1", KS_SEARCH_PLAN, "old.account_id * 16 + 4") \
  KS_SEARCH_TRIGGERS ("plan_objectives", "account_id, objective, measure", "1", \
                      KS_SEARCH_OBJECTIVE, "old.id * 16 + 5") \
  KS_SEARCH_TRIGGERS ("plan_meetings", "account_id, date, ours, theirs, notes, next_steps", "1", \
                      KS_SEARCH_MEETING, "old.id * 16 + 6") \
  KS_SEARCH_TRIGGERS ("plan_projects", \
                      "account_id, name, description, milestones, competitor1, competitor2," \
                      " competitor3", "1", KS_SEARCH_PROJECT, "old.id * 16 + 7") \
  KS_SEARCH_TRIGGERS ("plan_actions", "account_id, action", "1", \
                      KS_SEARCH_ACTION, "old.id * 16 + 8") \
  KS_SEARCH_TRIGGERS ("plan_notes", "account_id, date, text", "1", \
                      KS_SEARCH_NOTE, "old.id * 16 + 9") \
  KS_SEARCH_TRIGGERS_IN ("search_opportunities", "opportunities", "account_id, product_id, ref, title", \
                      KS_SEARCH_CHANGED2 ("account_id", "product_id") " OR " \
                      KS_SEARCH_CHANGED2 ("ref", "title"), \
                      KS_SEARCH_OPPORTUNITY, "old.id * 16 + 10")
