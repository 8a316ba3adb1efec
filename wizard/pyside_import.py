"""Import PySide6 for the GUI without its per-module source scan.

Once loaded, PySide6 hooks `import`: for every module imported after it, it reads the module's
whole source (`inspect.getsource`) to learn whether the module mentions PySide6, which decides
whether that module's `from __feature__ import snake_case, true_property` switches apply. This app
uses no such switch, so every module can be taken as "uses PySide6, no feature selected" -- the
value a module that does import PySide6 gets anyway -- without reading it. That spares about sixty
source reads, ~3% of the start-up to the first paint (bench/bench_startup.py).

The helper replaced is PySide6's own (`shibokensupport.feature._mod_uses_pyside`); if a release
renames it, nothing breaks: the sources are read again, and tests/gui/test_pyside_import.py says so.
"""

from __future__ import annotations

import types


def _uses_pyside(module: types.ModuleType) -> bool:
    return True  # no module of this process selects a PySide feature: the default set (0) holds for all


def import_pyside() -> bool:
    """Import PySide6's core and spare the source scan; True when the scan was spared."""
    import PySide6.QtCore  # noqa: F401 - installs PySide's import hook (and shibokensupport)

    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
