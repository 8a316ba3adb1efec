"""Time from process start to the first wizard page painted: `mpwizard --demo` vs a bare QWizard.

Both are started the same way (a fresh Python process, offscreen, bytecode cached as
after an install) and print a line when their first page receives its first paint
event; the clock stops when that line arrives. The ratio is what matters (target ≤ 1.5).

Where valgrind is installed it also counts the instructions each spends up to that paint (callgrind,
both ending the process at the paint): a figure that does not move with the machine's load, where
the wall ratio on a shared 2-core machine swings by ±0.2 from run to run.
"""

from __future__ import annotations

import statistics
import tempfile
import time

from common import ROOT, child_env, python, report

MINIMAL = r"""
import os, sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage, QLabel, QVBoxLayout
app = QApplication(sys.argv[:1])
w = QWizard(); p = QWizardPage(); p.setTitle("Page"); QVBoxLayout(p).addWidget(QLabel("hello"))
w.addPage(p)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first-page-shown {time.perf_counter() - t0:.4f}", flush=True); QTimer.singleShot(0, app.quit)
            if os.environ.get("MPWIZARD_BENCH_EXIT_AT_PAINT"):
                os._exit(0)
        return False
f = FirstPaint(); p.installEventFilter(f)
w.show()
app.exec()
"""


def wall_to_first_page(args: list[str], env: dict) -> float:
    """Seconds from spawning the process to its "first-page-shown" line (not to its exit)."""
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    for line in proc.stdout:
        if "first-page-shown" in line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"benchmark child failed: {proc.stderr.read()[-2000:]}")
    proc.communicate()
    return elapsed


def instructions_to_first_page(args: list[str], env: dict) -> int | None:
    """Instructions executed from exec to the first paint (valgrind's callgrind), or None without valgrind."""
    import re
    import shutil
    import subprocess

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    proc = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *args], capture_output=True,
                          text=True, env=env | {"MPWIZARD_BENCH_EXIT_AT_PAINT": "1"}, cwd=ROOT, timeout=600)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    return int(found.group(1)) if found else None


def main(runs: int = 15) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = child_env(HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, MPWIZARD_BENCH_EXIT_ON_SHOW="1")
        # As installed: bytecode is written once (pip and PyInstaller do the same), not compiled on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_args, bare_args = [python(), "-m", "wizard", "--demo"], [python(), "-c", MINIMAL]
        wall_to_first_page(app_args, env), wall_to_first_page(bare_args, env)  # warm-up: caches and .pyc files
        app, bare = [], []
        for _ in range(runs):  # interleaved so both see the same machine load
            app.append(wall_to_first_page(app_args, env))
            bare.append(wall_to_first_page(bare_args, env))
        app_ir, bare_ir = instructions_to_first_page(app_args, env), instructions_to_first_page(bare_args, env)
    a, b = statistics.median(app), statistics.median(bare)
    report(f"startup to first paint (median of {runs})", mpwizard_demo_s=a, minimal_qwizard_s=b, ratio=a / b,
           target="<=1.5")
    if app_ir and bare_ir:
        report("startup to first paint, instructions (callgrind)", mpwizard_demo_M=app_ir / 1e6,
               minimal_qwizard_M=bare_ir / 1e6, ratio=app_ir / bare_ir)


if __name__ == "__main__":
    main()
