#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Puts the demo's mini account plans into data/demo/demo-workspace.json.

Usage: build-aux/demo-plans.py KEYSTONE_CLI [SOURCE_ROOT]

data/demo/plans.json maps account names to plan objects in the workspace
JSON format (the "plan" member of an account). This script sets each
account's plan from it (accounts not listed keep theirs), then writes the
result through keystone-cli import json / export json, so the file has
exactly the bytes an export gives. Rebuild afterwards (the demo is a
compiled resource) and run the tests.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    root = sys.argv[2] if len(sys.argv) == 3 else os.path.join(os.path.dirname(__file__), "..")
    demo_path = os.path.join(root, "data", "demo", "demo-workspace.json")
    with open(os.path.join(root, "data", "demo", "plans.json"), encoding="utf-8") as f:
        plans = json.load(f)
    with open(demo_path, encoding="utf-8") as f:
        demo = json.load(f)

    names = {a["name"] for a in demo["accounts"]}
    unknown = sorted(set(plans) - names)
    if unknown:
        sys.exit("plans.json names accounts the demo does not have: " + ", ".join(unknown))
    for account in demo["accounts"]:
        if account["name"] in plans:
            account["plan"] = plans[account["name"]]

    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "demo.json")
        workspace = os.path.join(tmp, "demo.keystone")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(demo, f, ensure_ascii=False, indent=2)
        subprocess.run([cli, "--workspace", workspace, "init"], check=True)
        subprocess.run([cli, "--workspace", workspace, "import", "json", source], check=True)
        subprocess.run([cli, "--workspace", workspace, "export", "json", "-o", demo_path], check=True)
    print(f"{len(plans)} plans written to {demo_path}")


if __name__ == "__main__":
    main()
