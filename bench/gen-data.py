#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scale the shared CRM export ×N for the benchmarks.

    bench/gen-data.py [--source DIR] [--out DIR] N [N ...]

writes OUT/xN/{accounts,sales_teams,products,sales_pipeline}.csv for each N
(OUT defaults to bench/out, which git ignores; never commit generated data).

Copy 1 keeps the original names; copy k (k >= 2) renames consistently:
account "Acme Corporation" → "Acme Corporation k" (also where it appears as
subsidiary_of and in the pipeline), agents and managers "Anna Snelling" →
"Anna Snelling k", opportunity ids "1C1I7A6R" → "1C1I7A6R-k". Products are
shared by all copies. The export's flaws stay as they are: the "GTXPro"
spelling, empty accounts, empty close dates and values, CRLF line endings.
"""

import argparse
import csv
import os
import sys

FILES = ("accounts.csv", "sales_teams.csv", "products.csv", "sales_pipeline.csv")

# Columns renamed per copy, by file: column → kind of name.
RENAMED = {
    "accounts.csv": {"account": "name", "subsidiary_of": "name"},
    "sales_teams.csv": {"sales_agent": "name", "manager": "name"},
    "products.csv": {},
    "sales_pipeline.csv": {"opportunity_id": "id", "sales_agent": "name", "account": "name"},
}


def default_source():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("KEYSTONE_SHARED_DATA",
                            os.path.join(here, "..", "..", "shared", "data"))
    return os.path.join(shared, "crm-sales-opportunities")


def line_terminator(path):
    with open(path, "rb") as f:
        first = f.readline()
    return "\r\n" if first.endswith(b"\r\n") else "\n"


def rename(value, kind, copy):
    if copy == 1 or value == "":
        return value
    if kind == "id":
        return "%s-%d" % (value, copy)
    return "%s %d" % (value, copy)


def scale_file(source, out, name, n):
    src = os.path.join(source, name)
    if not os.path.exists(src):
        return 0
    with open(src, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    renamed = [(i, RENAMED[name][col]) for i, col in enumerate(header) if col in RENAMED[name]]
    copies = 1 if name == "products.csv" else n
    written = 0
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator=line_terminator(src))
        writer.writerow(header)
        for copy in range(1, copies + 1):
            for row in body:
                row = list(row)
                for i, kind in renamed:
                    if i < len(row):
                        row[i] = rename(row[i], kind, copy)
                writer.writerow(row)
                written += 1
    return written


def generate(source, out_root, n):
    out = os.path.join(out_root, "x%d" % n)
    stamp = os.path.join(out, ".complete")
    if os.path.exists(stamp):
        return out
    os.makedirs(out, exist_ok=True)
    counts = {name: scale_file(source, out, name, n) for name in FILES}
    with open(stamp, "w") as f:
        f.write("".join("%s %d\n" % item for item in counts.items()))
    return out


def main():
    parser = argparse.ArgumentParser(description="Scale the CRM export ×N for the benchmarks.")
    parser.add_argument("--source", default=default_source(), help="the CRM export folder")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"),
                        help="where xN/ folders go (default: bench/out)")
    parser.add_argument("scales", nargs="+", type=int, metavar="N")
    args = parser.parse_args()

    if not os.path.isdir(args.source):
        sys.exit("gen-data.py: no CRM export in %s" % args.source)
    for n in args.scales:
        if n < 1:
            sys.exit("gen-data.py: N must be at least 1")
        print(generate(args.source, args.out, n))


if __name__ == "__main__":
    main()
