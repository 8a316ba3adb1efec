"""GUI-thread CPU time per step switch, in-process: less load-dependent than the stall meter of
bench_responsiveness.py (on a busy machine a stall also counts the time other processes had the core).

The sample project, the real window (offscreen), one click on the step list per step, eight steps,
then round again ROUNDS times; each switch's CPU time of the GUI thread (time.thread_time), with the
events it posted processed. Prints, per step, the first visit and the slowest later visit, in ms.
`python bench/profile_switching.py` (PROFILE=1 adds cProfile's top functions of all switches).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("MPWIZARD_ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROUNDS = int(os.environ.get("ROUNDS", "4"))


def main() -> None:
    from PySide6.QtCore import QCoreApplication

    from wizard.app import WizardApplication

    QCoreApplication.setOrganizationName("mpwizard-bench")
    QCoreApplication.setApplicationName("mpwizard-bench")
    app = WizardApplication([sys.argv[0]])
    from wizard.core.projectio import load_project
    from wizard.core.resources import resource_path
    from wizard.core.steps import Step
    from wizard.document import ProjectDocument
    from wizard.mainwindow import MainWindow

    window = MainWindow(ProjectDocument(load_project(resource_path("examples/demo.mpwiz")).project))
    window.resize(1180, 780)
    window.show()

    def idle(seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.001)

    idle(1.5)  # as a person looks at the first page (idle-time work happens here)
    profile = cProfile.Profile() if os.environ.get("PROFILE") else None
    first: dict[str, float] = {}
    later: dict[str, list[float]] = {}
    for round_ in range(ROUNDS + 1):
        for step in Step:
            if profile:
                profile.enable()
            began = time.thread_time()
            window.steps.setCurrentRow(int(step))
            app.processEvents()  # the paint and what the switch posted
            took = (time.thread_time() - began) * 1000
            if profile:
                profile.disable()
            (first.__setitem__(step.name, took) if round_ == 0 else later.setdefault(step.name, []).append(took))
            idle(0.03)
    window.document.dirty = False
    window.close()
    print("GUI-thread CPU ms per switch, first visit:", {k: round(v, 1) for k, v in first.items()})
    print("  slowest later visit:", {k: round(max(v), 1) for k, v in later.items()})
    everything = [t for v in later.values() for t in v]
    print(f"  first visits: max {max(first.values()):.1f}, mean {statistics.mean(first.values()):.1f}; "
          f"later: max {max(everything):.1f}, median {statistics.median(everything):.1f}")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
