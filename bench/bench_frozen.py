"""The frozen (PyInstaller) build: bundle size, and start-to-first-page against the unfrozen app.

Builds with packaging/build-linux when build/dist/mpwizard is missing. Targets:
bundle ≤ 150 MB unpacked; frozen start ≤ 1.5× unfrozen (median of several runs, offscreen).
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time

from common import ROOT, child_env, python, report

APP = ROOT / "build" / "dist" / "mpwizard" / "mpwizard"


def first_page(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    if "first-page-shown" not in out.stdout:
        raise SystemExit(out.stderr[-2000:])
    return time.perf_counter() - start


def main(runs: int = 7) -> None:
    if not APP.exists():
        subprocess.run([str(ROOT / "packaging" / "build-linux")], check=True, env=child_env(PY=python()))
    size = sum(f.stat().st_size for f in APP.parent.rglob("*") if f.is_file() and not f.is_symlink())
    with tempfile.TemporaryDirectory() as home:
        env = child_env(HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, MPWIZARD_BENCH_EXIT_ON_SHOW="1")
        frozen, unfrozen = [], []
        for _ in range(runs):
            frozen.append(first_page([str(APP), "--demo"], env))
            unfrozen.append(first_page([python(), "-m", "wizard", "--demo"], env))
    f, u = statistics.median(frozen), statistics.median(unfrozen)
    report(f"frozen build (median of {runs})", bundle_mb=size / 1e6, bundle_target="<=150", frozen_start_s=f,
           unfrozen_start_s=u, ratio=f / u, ratio_target="<=1.5")


if __name__ == "__main__":
    main()
