#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuilds the key account review of data/demo/demo-workspace.json.

Usage: build-aux/demo-scores.py KEYSTONE_CLI [SOURCE_ROOT]

Starts from the demo workspace as it is (keystone-cli init --demo), drops its
review periods and scores, makes 2026-Q3 the current period, and imports
data/demo/scores/PERIOD.csv (account, criterion, score, explanation; every
demo account on all six default criteria) with keystone-cli import scores.
The result is written through keystone-cli export json, so the file has
exactly the bytes an export gives and everything else stays as it was.
Rebuild afterwards (the demo is a compiled resource) and run the tests.

The scores are chosen for the portfolio review: in the profitability
(Yield strength) × potential (Reserve potential) matrix several accounts
change quadrant between 2026-Q2 and 2026-Q3, and the top 10 by weighted
score has ups, downs, new entries and drop-outs.
"""
import json
import os
import subprocess
import sys
import tempfile

PERIODS = ["2026-Q2", "2026-Q3"]
CURRENT = "2026-Q3"


def run(cli, *args):
    subprocess.run([cli, *args], check=True, stdout=subprocess.DEVNULL)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..")
    demo = os.path.join(root, "data", "demo", "demo-workspace.json")

    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "first.keystone")
        second = os.path.join(tmp, "second.keystone")
        stripped = os.path.join(tmp, "stripped.json")

        run(cli, "--workspace", first, "init", "--demo")
        doc = json.loads(subprocess.run([cli, "--workspace", first, "export", "json"], check=True,
                                        stdout=subprocess.PIPE).stdout)
        for account in doc["accounts"]:
            account.pop("scores", None)
        doc["review_periods"] = []
        doc.setdefault("settings", {})["scores.current_period"] = CURRENT
        with open(stripped, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)

        run(cli, "--workspace", second, "init")
        run(cli, "--workspace", second, "import", "json", stripped)
        for period in PERIODS:
            run(cli, "--workspace", second, "import", "scores",
                os.path.join(root, "data", "demo", "scores", period + ".csv"), "--period", period)
        run(cli, "--workspace", second, "export", "json", "-o", demo)
    print("wrote", demo)


if __name__ == "__main__":
    main()
