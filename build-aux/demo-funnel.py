#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuilds the sales pipeline of data/demo/demo-workspace.json.

Usage: build-aux/demo-funnel.py KEYSTONE_CLI [SOURCE_ROOT]

Starts from the demo workspace as it is (keystone-cli init --demo) and
rewrites its 120 opportunities, keeping each one's id, account, product,
owner, title and value, into a pipeline over the book's stages (the
workspace's default stages), as seen on the demo date 2026-12-01:

- won ones ("Order received") and lost ones ("Cancelled or lost") keep
  their values and their engage and close dates (2025–2026), so the won
  revenue per account, and with it the portfolio's ABC classes, stay as
  they were; their stage history walks from "Lead qualified" through the
  stages in order to the order, or to the loss from one of the five open
  stages in turn;
- open ones keep the stage they had (CRM names mapped onto the book's),
  get an engage date before and an expected close date within twelve
  months after the demo date (later stages engaged earlier and closing
  sooner), a history through the stages up to theirs, a momentum and a
  last activity; about one in six has had no activity for more than three
  weeks before the demo date and is fading;
- most open ones are scored on every evaluation criterion (1–5), spread
  over the four quadrants of the evaluation matrix (a weighted mean m is
  (m − 1) / 4 × 100 on an axis, high from 50), later stages more often
  with a high chance.

Everything is drawn from a fixed seed, so running it twice gives the same
file. The result is written through keystone-cli export json, so the file
has exactly the bytes an export gives. Rebuild afterwards (the demo is a
compiled resource) and run the tests.
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

DEMO_DATE = datetime.date(2026, 12, 1)
OPEN = ["Lead qualified", "Proposal without price", "Proposal with price",
        "Solution accepted by customer", "Purchasing decision made"]
WON, LOST = "Order received", "Cancelled or lost"
# CRM names in the demo → the book's stages.
RENAME = {"won": WON, "lost": LOST, "solution accepted": OPEN[3], "purchasing decision": OPEN[4]}
# Per open stage: days engaged before the demo date, days to the expected close.
ENGAGED = [(12, 80), (40, 140), (60, 190), (90, 250), (120, 300)]
CLOSING = [(150, 360), (110, 300), (60, 240), (25, 150), (5, 70)]
HIGH_CHANCE = [0.3, 0.4, 0.5, 0.7, 0.85]
FADING_SHARE = 1 / 6
SCORED_SHARE = 0.85


def day(d):
    return d.isoformat()


def parse(text):
    return datetime.date.fromisoformat(text)


def spread(rng, start, end, n):
    """n dates from start to end (both included when n ≥ 2), ascending."""
    span = max((end - start).days, 0)
    if n == 1:
        return [start]
    inner = sorted(rng.randint(1, max(span - 1, 1)) for _ in range(n - 2))
    return [start] + [start + datetime.timedelta(days=min(x, span)) for x in inner] + [end]


def walk(rng, stages, start, end):
    """A stage history entering each of stages in turn between start and end."""
    dates = spread(rng, start, end, len(stages))
    history, before = [], None
    for stage, when in zip(stages, dates):
        history.append({"from": before, "to": stage, "date": day(when)})
        before = stage
    return history


def axis_mean(scores, criteria):
    total = sum(c["weight"] for c in criteria)
    return sum(c["weight"] * scores[c["name"]] for c in criteria) / total


def evaluate(rng, criteria, high):
    """Scores 1–5 whose weighted mean is high (≥ 3, i.e. ≥ 50) or clearly low."""
    while True:
        centre = rng.uniform(3.3, 4.6) if high else rng.uniform(1.5, 2.7)
        scores = {c["name"]: min(5, max(1, round(rng.gauss(centre, 0.8)))) for c in criteria}
        m = axis_mean(scores, criteria)
        if (high and m >= 3.1) or (not high and m <= 2.8):
            return scores


def run(cli, *args):
    subprocess.run([cli, *args], check=True, stdout=subprocess.DEVNULL)


def rewrite(doc):
    rng = random.Random(20261201)
    axes = {"attractiveness": [], "chance": []}
    for c in doc["evaluation_criteria"]:
        axes[c["axis"]].append(c)
    quadrants = {}
    lost_from = 0
    for o in doc["opportunities"]:
        stage = RENAME.get(o["stage"].strip().lower(), o["stage"])
        o["stage"] = stage
        o.pop("evaluation", None)
        if stage in (WON, LOST):
            engage, close = parse(o["engage_date"]), parse(o["close_date"])
            if stage == WON:
                path = OPEN + [WON]
            else:
                path = OPEN[:lost_from % len(OPEN) + 1] + [LOST]
                lost_from += 1
            o["stage_history"] = walk(rng, path, engage, close)
            o["stage_date"] = day(close)
            o["last_activity"] = day(close)
            o["momentum"] = "stable"
            continue
        k = OPEN.index(stage)
        engage = DEMO_DATE - datetime.timedelta(days=rng.randint(*ENGAGED[k]))
        fading = rng.random() < FADING_SHARE
        # The newest of stage date and last activity: within three weeks of
        # the demo date, or (fading) more than three weeks before it.
        newest = DEMO_DATE - datetime.timedelta(days=rng.randint(22, 45) if fading else rng.randint(0, 20))
        engage = min(engage, newest - datetime.timedelta(days=3 * k))
        stage_date = newest - datetime.timedelta(days=rng.randint(0, 25)) if k > 0 else engage
        stage_date = min(max(stage_date, engage + datetime.timedelta(days=k)), newest)
        o["engage_date"] = day(engage)
        o["close_date"] = None
        o["expected_close_date"] = day(DEMO_DATE + datetime.timedelta(days=rng.randint(*CLOSING[k])))
        o["stage_history"] = walk(rng, OPEN[:k + 1], engage, stage_date)
        o["stage_date"] = day(stage_date)
        o["last_activity"] = day(newest)
        o["momentum"] = "fading" if fading else rng.choice(["developing", "stable", "stable"])
        if rng.random() < SCORED_SHARE:
            high_a = rng.random() < 0.5
            high_c = rng.random() < HIGH_CHANCE[k]
            scores = evaluate(rng, axes["attractiveness"], high_a)
            scores.update(evaluate(rng, axes["chance"], high_c))
            o["evaluation"] = scores
            quadrants[(high_a, high_c)] = quadrants.get((high_a, high_c), 0) + 1
    # The CRM names are gone; the import maps the texts again.
    doc["stage_map"] = [m for m in doc["stage_map"] if m["stage"] is not None]
    return quadrants


def check(doc, quadrants):
    counts = {}
    for o in doc["opportunities"]:
        counts[o["stage"]] = counts.get(o["stage"], 0) + 1
    for stage in OPEN:
        assert counts.get(stage, 0) >= 5, (stage, counts)
    assert len(quadrants) == 4 and min(quadrants.values()) >= 5, quadrants
    fading = [o for o in doc["opportunities"] if o["momentum"] == "fading"]
    limit = DEMO_DATE - datetime.timedelta(days=21)
    assert fading and all(parse(o["last_activity"]) < limit and parse(o["stage_date"]) < limit for o in fading)
    for o in doc["opportunities"]:
        dates = [h["date"] for h in o["stage_history"]]
        assert dates == sorted(dates) and dates[0] == o["engage_date"], o["id"]
        if o["stage"] not in (WON, LOST):
            assert day(DEMO_DATE) < o["expected_close_date"] <= "2027-12-01", o["id"]
            assert o["stage_history"][-1]["to"] == o["stage"] and dates[-1] == o["stage_date"], o["id"]
    print("stages:", {s: counts[s] for s in OPEN + [WON, LOST]})
    print("quadrants (attractive, chance):", dict(sorted(quadrants.items())), "fading:", len(fading))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..")
    demo = os.path.join(root, "data", "demo", "demo-workspace.json")

    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "first.keystone")
        second = os.path.join(tmp, "second.keystone")
        rewritten = os.path.join(tmp, "rewritten.json")

        run(cli, "--workspace", first, "init", "--demo")
        doc = json.loads(subprocess.run([cli, "--workspace", first, "export", "json"], check=True,
                                        stdout=subprocess.PIPE).stdout)
        quadrants = rewrite(doc)
        check(doc, quadrants)
        with open(rewritten, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)

        run(cli, "--workspace", second, "init")
        run(cli, "--workspace", second, "import", "json", rewritten)
        run(cli, "--workspace", second, "export", "json", "-o", demo)
    print("wrote", demo)


if __name__ == "__main__":
    main()
