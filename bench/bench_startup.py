"""Time from process start to the first wizard page on screen: `mpwizard --demo` vs a bare QWizard.

Both are started the same way (a fresh Python process, offscreen) and report when
their first page has been shown; the ratio is what matters (target ≤ 1.5).
"""

from __future__ import annotations

import statistics
import tempfile
import time

from common import child_env, python, report, run

MINIMAL = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage, QLabel, QVBoxLayout
app = QApplication(sys.argv[:1])
w = QWizard(); p = QWizardPage(); p.setTitle("Page"); QVBoxLayout(p).addWidget(QLabel("hello"))
w.addPage(p); w.show()
def done():
    print(f"first-page-shown {time.perf_counter() - t0:.4f}", flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def wall_to_first_page(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = run(args, env)
    elapsed = time.perf_counter() - start
    if "first-page-shown" not in result.stdout:
        raise SystemExit(f"benchmark child failed: {result.stderr[-2000:]}")
    return elapsed


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = child_env(HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, MPWIZARD_BENCH_EXIT_ON_SHOW="1")
        app, bare = [], []
        for _ in range(runs):  # interleaved so both see the same machine load
            app.append(wall_to_first_page([python(), "-m", "wizard", "--demo"], env))
            bare.append(wall_to_first_page([python(), "-c", MINIMAL], env))
    a, b = statistics.median(app), statistics.median(bare)
    report(f"startup (median of {runs})", mpwizard_demo_s=a, minimal_qwizard_s=b, ratio=a / b, target="<=1.5")


if __name__ == "__main__":
    main()
