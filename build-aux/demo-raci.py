#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuilds the RACI charts of data/demo/demo-workspace.json.

Usage: build-aux/demo-raci.py KEYSTONE_CLI [SOURCE_ROOT]

Starts from the demo workspace as it is (keystone-cli init --demo), drops its
RACI charts, adds a production planner (Aino Heikkinen) who holds the role
"Planner" on the teams of Kessler Automotive Group and Ostara Logistik GmbH,
and declares the company chart "Key account management" (empty). Then,
through keystone-cli: imports data/demo/raci/key-account-management.csv into
that chart (with deliberate problems, so that raci check shows them: a task
without an A, one with two A, several R without a main one, a column with no
letter), and makes the three templates for demo accounts: quotation handling
for Kessler Automotive Group, order to delivery for Ostara Logistik GmbH,
account handover for Brandvik Pharma AB (every role of those templates is
held on that account, so they check without errors or warnings).
The result is written through keystone-cli export json, so the file has
exactly the bytes an export gives. Rebuild afterwards (the demo is a
compiled resource) and run the tests.
"""
import json
import os
import subprocess
import sys
import tempfile

COMPANY_CHART = "Key account management"
PLANNER = {
    "name": "Aino Heikkinen",
    "title": "Production Planner",
    "phone": "+358 9 5550 2310",
    "email": "aino.heikkinen@nordwerk.example",
    "team": "Production planning",
    "region": "Europe",
    "area": "Capacity, production follow-up and early warnings on delays",
    "manager": "Petra Nowak",
}
PLANNER_ON = ["Kessler Automotive Group", "Ostara Logistik GmbH"]
TEMPLATES = [
    ("quotation", "Kessler Automotive Group"),
    ("order-delivery", "Ostara Logistik GmbH"),
    ("handover", "Brandvik Pharma AB"),
]


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
        doc["people"] = [p for p in doc["people"] if p["name"] != PLANNER["name"]] + [PLANNER]
        for account in doc["accounts"]:
            team = [m for m in account.get("team", []) if m["person"] != PLANNER["name"]]
            if account["name"] in PLANNER_ON:
                team.append({"person": PLANNER["name"], "core": False, "role": "Planner"})
            account["team"] = team
        doc["raci"] = [{"name": COMPANY_CHART, "scope": "company", "account": None, "arsci": False,
                        "columns": [], "phases": []}]
        with open(stripped, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)

        run(cli, "--workspace", second, "init")
        run(cli, "--workspace", second, "import", "json", stripped)
        run(cli, "--workspace", second, "import", "raci",
            os.path.join(root, "data", "demo", "raci", "key-account-management.csv"), "--scope", COMPANY_CHART)
        for template, account in TEMPLATES:
            run(cli, "--workspace", second, "raci", "template", template, "--account", account)
        run(cli, "--workspace", second, "export", "json", "-o", demo)
    print("wrote", demo)


if __name__ == "__main__":
    main()
