"""Run every benchmark and print its figures: `python bench/run.py` (after scripts/test's set-up).

`python bench/run.py mutation [module ...] [--jobs N]` runs the mutation test of the core instead
(bench/mutation.py; about 25 minutes for all modules, so it is not part of the plain run).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

if __name__ == "__main__":
    chosen = sys.argv[1:]
    if chosen[:1] == ["mutation"]:
        import mutation

        sys.exit(mutation.main(chosen[1:]))
    for script in sorted(HERE.glob("bench_*.py")):
        if chosen and not any(name in script.stem for name in chosen):
            continue
        print(f"== {script.stem}", flush=True)
        runpy.run_path(str(script), run_name="__main__")
