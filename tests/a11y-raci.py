#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader hears on the RACI grid, through AT-SPI.

Starts the real app on a new demo workspace at Kessler Automotive Group's
RACI tab (the demo's "Quotation handling" chart, whose first task
"New-customer check" has an A for the key account manager role, which
Jonas Müller holds on Kessler's team: data/demo), finds the grid on the
accessibility bus and reads its name and description (moving the focus by
keys, and the name following it, is test-raci-grid's). Prints TAP. Needs
DISPLAY, a session bus (xvfb-run dbus-run-session) and /usr/bin/python3
with python3-pyatspi (Debian's; pyenv's python3 cannot import it).

    a11y-raci.py BUILD/src/app/keystone
"""
import os
import subprocess
import sys
import tempfile
import time


def skip(why):
    print(f"1..0 # SKIP {why}")
    sys.exit(0)


if len(sys.argv) != 2:
    sys.exit("usage: a11y-raci.py KEYSTONE")
if not os.environ.get("DISPLAY"):
    skip("no DISPLAY")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    skip("no session bus (run under dbus-run-session)")
try:
    import pyatspi
except ImportError as e:
    skip(f"pyatspi missing ({e}); use /usr/bin/python3 with python3-pyatspi")

results = []


def check(ok, name, diag=""):
    results.append(bool(ok))
    print(("ok" if ok else "not ok"), len(results), name, ("# " + diag) if diag and not ok else "")
    sys.stdout.flush()


def walk(acc, depth=0):
    yield acc
    if depth > 60:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def poll(fn, timeout=20.0, step=0.2):
    end = time.time() + timeout
    while True:
        value = fn()
        if value or time.time() > end:
            return value
        time.sleep(step)


FIRST = "New-customer check, Key account manager (Jonas Müller): Accountable"

print("1..3")
home = tempfile.mkdtemp(prefix="keystone-a11y-")
env = dict(os.environ)
env.pop("GTK_A11Y", None)        # the test environment turns accessibility off
env.pop("NO_AT_BRIDGE", None)
env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
           GSETTINGS_BACKEND="memory")
app_exe = sys.argv[1]
# Ask for the desktop first: that starts the registry, which an app that
# comes up before it never registers with.
pyatspi.Registry.getDesktop(0).clearCache()
time.sleep(0.5)
proc = subprocess.Popen([app_exe, "--page", "accounts", "--account", "Kessler Automotive Group", "--view", "raci"],
                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    def get_app():
        desktop = pyatspi.Registry.getDesktop(0)
        desktop.clearCache()
        for a in desktop:
            if a is not None and a.name in ("keystone", "Keystone"):
                return a
        return None

    app = poll(get_app, 60)
    if app is None:
        names = [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None]
        print("# applications on the bus:", names)
    check(app is not None, "the app is on the accessibility bus")
    if app is None:
        sys.exit(1)

    def grid():
        for a in walk(app):
            if a.getRoleName() == "table" and (a.description or "").startswith("RACI chart"):
                return a
        return None

    table = poll(grid)
    check(table is not None and table.description == "RACI chart Quotation handling — Kessler Automotive Group",
          "the grid is a table described by its chart", table.description if table else "no grid found")
    check(table is not None and poll(lambda: table.name == FIRST, 10),
          "the focused cell is read with its task, role, person and letter", table.name if table else "")

finally:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
sys.exit(0 if all(results) else 1)
