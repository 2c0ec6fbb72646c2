#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuilds the power maps of data/demo/demo-workspace.json.

Usage: build-aux/demo-powermap.py KEYSTONE_CLI [SOURCE_ROOT]

Starts from the demo workspace as it is (keystone-cli init --demo), drops every
account's lines and snapshots, imports data/demo/powermap/ACCOUNT-contacts.csv
and ACCOUNT-influences.csv with keystone-cli, lays each of those maps out top
down (reporting lines as a tree, competitors on the right, third parties on
the left), adds the snapshots below, and writes the result through
keystone-cli import json / export json, so the file has exactly the bytes an
export gives. Run it, rebuild (the demo is a compiled resource), run the tests.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

ACCOUNTS = {
    # file stem → account name
    "kessler-automotive-group": "Kessler Automotive Group",
    "hallberg-group": "Hallberg Group",
    "fjordmat-holding-asa": "Fjordmat Holding ASA",
    "brandvik-pharma-ab": "Brandvik Pharma AB",
    "ostara-logistik-gmbh": "Ostara Logistik GmbH",
    "kessler-antriebstechnik-gmbh": "Kessler Antriebstechnik GmbH",
}

# The map of Kessler Automotive Group at two earlier reviews: who was there,
# with which power, relationship, attitude and owner. Since January Julia
# Franke, Sandra Keller and the second competitor joined, Bernd Scholz left,
# the VP Purchasing turned into a supporter and the VP Production into an
# opponent.
def node(name, kind="contact", power=None, relationship="unknown", attitude="unknown", owner=None):
    return {"name": name, "kind": kind, "power": power, "relationship": relationship,
            "attitude": attitude, "owner": owner}

KESSLER_SNAPSHOTS = [
    {"taken": "2026-01-20", "label": "Annual account planning", "nodes": [
        node("Dr. Henrik Vollmer", power=1, relationship="unknown", attitude="unknown", owner="Katharina Vogt"),
        node("Dr. Claudia Hartmann", power=1, relationship="neutral", attitude="neutral", owner="Jonas Müller"),
        node("Stefan Albrecht", power=1),
        node("Monika Brenner", power=1, relationship="positive", attitude="supporter", owner="Jonas Müller"),
        node("Bernd Scholz", power=2, relationship="positive", attitude="supporter", owner="Lena Schröder"),
        node("Markus Weber", power=3, relationship="neutral", attitude="neutral", owner="Lena Schröder"),
        node("Tobias Krüger", power=2, relationship="neutral", attitude="neutral", owner="Felix Brandt"),
        node("Agnieszka Zielińska", power=3, relationship="neutral", attitude="neutral", owner="Emre Yılmaz"),
        node("Jan Novák", power=3, relationship="positive", attitude="supporter", owner="Emre Yılmaz"),
        node("Sensovia GmbH", kind="competitor"),
    ]},
    {"taken": "2026-06-30", "label": "Mid-year review", "nodes": [
        node("Dr. Henrik Vollmer", power=1, relationship="neutral", attitude="neutral", owner="Katharina Vogt"),
        node("Dr. Claudia Hartmann", power=1, relationship="neutral", attitude="neutral", owner="Jonas Müller"),
        node("Stefan Albrecht", power=1, attitude="neutral"),
        node("Monika Brenner", power=1, relationship="neutral", attitude="neutral", owner="Jonas Müller"),
        node("Bernd Scholz", power=2, relationship="positive", attitude="supporter", owner="Lena Schröder"),
        node("Markus Weber", power=3, relationship="positive", attitude="supporter", owner="Lena Schröder"),
        node("Tobias Krüger", power=2, relationship="positive", attitude="neutral", owner="Felix Brandt"),
        node("Ömer Aydın", power=2),
        node("Agnieszka Zielińska", power=3, relationship="neutral", attitude="neutral", owner="Emre Yılmaz"),
        node("Jan Novák", power=3, relationship="positive", attitude="supporter", owner="Emre Yılmaz"),
        node("Sensovia GmbH", kind="competitor"),
        node("Automotive Suppliers' Association South", kind="third-party"),
    ]},
]

COLUMN = 240.0        # one card and its gap
ROW = 160.0           # one level of the hierarchy
STACK_ROW = 110.0     # one card of a stacked column of subordinates
EXTERNAL_ROW = 130.0  # competitors and third parties, one under the other
STACK_FROM = 30       # maps with more contacts stack a boss's leaf subordinates


def cli(tool, workspace, *args, stdout=None):
    subprocess.run([tool, "--workspace", workspace, *args], check=True, stdout=stdout)


def layout(account, order):
    """Sets x and y of the account's contacts named in order (CSV order)."""
    contacts = {c["name"]: c for c in account["contacts"]}
    boss = {l["from"]: l["to"] for l in account["lines"] if l["kind"] == "reports-to"}
    people = [n for n in order if contacts[n]["kind"] == "contact"]
    children = {n: [m for m in people if boss.get(m) == n] for n in people}
    stack = len(people) > STACK_FROM
    pos = {}

    def width(n):
        kids = children[n]
        if not kids:
            return 1
        if stack and all(not children[k] for k in kids):
            return 1
        return sum(width(k) for k in kids)

    def place(n, left, depth):
        kids = children[n]
        w = width(n)
        x = (left + w / 2.0) * COLUMN
        y = depth * ROW
        pos[n] = (x, y)
        if kids and stack and all(not children[k] for k in kids):
            for i, k in enumerate(kids):
                pos[k] = (x + 20.0, y + ROW + i * STACK_ROW)
            return
        for k in kids:
            place(k, left, depth + 1)
            left += width(k)

    left = 0
    for root in [n for n in people if n not in boss]:
        place(root, left, 0)
        left += width(root)

    right_x = left * COLUMN + COLUMN * 0.75
    left_x = -COLUMN * 0.75
    competitors = [n for n in order if contacts[n]["kind"] == "competitor"]
    others = [n for n in order if contacts[n]["kind"] == "third-party"]
    for i, n in enumerate(competitors):
        pos[n] = (right_x, i * EXTERNAL_ROW)
    for i, n in enumerate(others):
        pos[n] = (left_x, i * EXTERNAL_ROW)

    for n, (x, y) in pos.items():
        contacts[n]["x"] = round(x, 1)
        contacts[n]["y"] = round(y, 1)
        contacts[n]["pinned"] = False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tool = os.path.abspath(sys.argv[1])
    root = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), ".."))
    maps = os.path.join(root, "data", "demo", "powermap")
    demo = os.path.join(root, "data", "demo", "demo-workspace.json")

    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "base.keystone")
        work = os.path.join(tmp, "work.keystone")
        final = os.path.join(tmp, "final.keystone")
        cli(tool, base, "init", "--demo", stdout=subprocess.DEVNULL)
        cli(tool, base, "export", "json", "-o", os.path.join(tmp, "base.json"))
        with open(os.path.join(tmp, "base.json"), encoding="utf-8") as f:
            doc = json.load(f)
        for account in doc["accounts"]:
            account["lines"] = []
            account["snapshots"] = []
        with open(os.path.join(tmp, "bare.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        cli(tool, work, "import", "json", os.path.join(tmp, "bare.json"))

        for stem, name in ACCOUNTS.items():
            cli(tool, work, "import", "contacts", os.path.join(maps, stem + "-contacts.csv"), "--account", name)
            cli(tool, work, "import", "influences", os.path.join(maps, stem + "-influences.csv"), "--account", name)

        cli(tool, work, "export", "json", "-o", os.path.join(tmp, "maps.json"))
        with open(os.path.join(tmp, "maps.json"), encoding="utf-8") as f:
            doc = json.load(f)
        by_name = {a["name"]: a for a in doc["accounts"]}
        for stem, name in ACCOUNTS.items():
            with open(os.path.join(maps, stem + "-contacts.csv"), encoding="utf-8") as f:
                order = [row["name"] for row in csv.DictReader(f)]
            layout(by_name[name], order)
        by_name["Kessler Automotive Group"]["snapshots"] = KESSLER_SNAPSHOTS

        with open(os.path.join(tmp, "final.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        cli(tool, final, "import", "json", os.path.join(tmp, "final.json"))
        cli(tool, final, "export", "json", "-o", demo)
    print("wrote", demo)


if __name__ == "__main__":
    main()
