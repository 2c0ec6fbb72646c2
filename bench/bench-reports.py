#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `report scores`, `report abc`, `report funnel` and `report forecast`
as whole keystone-cli processes.

    bench/bench-reports.py --cli BUILD/src/cli/keystone-cli [--data bench/out]
                           [--scales 10,100] [--runs 5]

For each scale N (folders DATA/xN made by gen-data.py) a workspace
DATA/xN-reports.keystone is made once (reused): `import crm` of the copy,
then `import scores` of a generated CSV that gives every account a score on
every default criterion in two review periods (2026-Q2, 2026-Q3).

Then, alternating so both see the same machine load, best of --runs:

  Keystone  keystone-cli --workspace W report scores --json   (current period)
            keystone-cli --workspace W report abc --json
            keystone-cli --workspace W report funnel --json
            keystone-cli --workspace W report forecast --json
  baseline  the sqlite3 shell over the same file, printing the same rows
            as JSON: for scores the per-account weighted sum (a join of
            scores and criteria, grouped, ordered by name); for ABC the won
            value per account with its running share (a window function);
            for the funnel count and value per stage with open ones at list
            price (the plain GROUP BY over every opportunity that the
            funnel summary saves); for the forecast the same per month of
            the close date

Prints a Markdown table: figure, Keystone, baseline, ratio, target. Only the
Python standard library is used.
"""

import argparse
import csv
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

CRITERIA = ("Actual revenue", "Reserve potential", "Yield strength", "Customer growth",
            "Learning partnership", "Relationship quality")

BASELINE_SCORES = """
.mode json
SELECT a.name AS account, round (sum (c.weight * s.score) / 100.0, 1) AS score
FROM account_scores s
JOIN score_criteria c ON c.id = s.criterion_id
JOIN accounts a ON a.id = s.account_id
JOIN review_periods p ON p.id = s.period_id
WHERE p.name = '2026-Q3'
GROUP BY a.id
ORDER BY a.name;
"""

BASELINE_ABC = """
.mode json
WITH won AS (
  SELECT a.name AS account, coalesce (w.revenue, 0) AS revenue
  FROM accounts a LEFT JOIN (SELECT account_id, sum (value) AS revenue FROM opportunities
                             WHERE stage = 'Won' AND account_id IS NOT NULL AND value IS NOT NULL
                             GROUP BY account_id) w ON w.account_id = a.id)
SELECT account, revenue,
       100.0 * revenue / sum (revenue) OVER () AS share,
       100.0 * sum (revenue) OVER (ORDER BY revenue DESC, account
                                   ROWS UNBOUNDED PRECEDING) / sum (revenue) OVER () AS cumulative
FROM won ORDER BY revenue DESC, account;
"""

BASELINE_FUNNEL = """
.mode json
SELECT o.stage_id, count (*) AS n, sum (coalesce (o.value, p.price)) AS value
FROM opportunities o LEFT JOIN products p ON p.id = o.product_id
GROUP BY o.stage_id ORDER BY o.stage_id;
"""

BASELINE_FORECAST = """
.mode json
SELECT substr (coalesce (o.expected_close_date, o.close_date), 1, 7) AS month, count (*) AS n,
       sum (coalesce (o.value, p.price)) AS value
FROM opportunities o LEFT JOIN products p ON p.id = o.product_id
GROUP BY month ORDER BY month;
"""


def run(command, stdin=None):
    result = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    if result.returncode != 0:
        sys.exit("bench-reports.py: %s failed (%d): %s" % (command[0], result.returncode,
                                                           result.stderr.strip()[:400]))
    return result.stdout


def timed(command, stdin=None):
    start = time.perf_counter()
    run(command, stdin)
    return time.perf_counter() - start


def accounts_of(folder):
    with open(os.path.join(folder, "accounts.csv"), newline="", encoding="utf-8-sig") as f:
        return [row["account"] for row in csv.DictReader(f) if row["account"].strip()]


def make_workspace(cli, folder, path):
    if os.path.exists(path):
        return
    tmp = path + ".tmp"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(tmp + suffix):
            os.remove(tmp + suffix)
    run([cli, "--workspace", tmp, "import", "crm", folder])
    rng = random.Random(7)
    names = accounts_of(folder)
    with tempfile.TemporaryDirectory() as scratch:
        for period in ("2026-Q2", "2026-Q3"):
            scores = os.path.join(scratch, period + ".csv")
            with open(scores, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(("account", "criterion", "score"))
                for name in names:
                    for criterion in CRITERIA:
                        w.writerow((name, criterion, rng.randint(0, 100)))
            run([cli, "--workspace", tmp, "import", "scores", scores, "--period", period])
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", default="bench/out")
    parser.add_argument("--scales", default="10,100")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    print("Machine: %s, %d cores; best of %d runs, whole processes."
          % (platform.platform(), os.cpu_count() or 0, args.runs))
    print()
    print("| figure | Keystone | baseline (sqlite3 shell) | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for scale in [int(s) for s in args.scales.split(",")]:
        folder = os.path.join(args.data, "x%d" % scale)
        if not os.path.isdir(folder):
            sys.exit("bench-reports.py: %s is missing; run bench/gen-data.py %d" % (folder, scale))
        workspace = os.path.join(args.data, "x%d-reports.keystone" % scale)
        make_workspace(args.cli, folder, workspace)
        for report, baseline in (("scores", BASELINE_SCORES), ("abc", BASELINE_ABC),
                                 ("funnel", BASELINE_FUNNEL), ("forecast", BASELINE_FORECAST)):
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(timed([args.cli, "--workspace", workspace, "report", report, "--json"]))
                theirs.append(timed(["sqlite3", "-readonly", workspace], baseline))
            k, b = min(ours), min(theirs)
            target = "—" if report == "forecast" and scale > 10 else "≤ 100 ms"
            print("| report %s ×%d | %.0f ms | %.0f ms | %.2f× | %s |"
                  % (report, scale, k * 1000, b * 1000, k / b if b else 0, target))


if __name__ == "__main__":
    main()
