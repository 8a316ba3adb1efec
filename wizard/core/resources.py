"""One place that finds bundled resources: frozen (PyInstaller), installed (a wheel, pipx), or
from the source tree.

Installed, `resources/` is the package data `wizard/resources` (pyproject.toml maps the folder
there) and sits next to this package's own files; in a source checkout or an editable install it is
the top-level `resources/` folder; frozen, PyInstaller's folder holds it. Every reader goes
through `resource_path`, so the three cases look the same to the rest of the code.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

# What the product ships (the wheel's package data and the PyInstaller spec both follow this).
SHIPPED = ("profiles", "examples", "icons", "probes", "questionnaire", "schemas", "i18n", "guidance", "vmsizes.json",
           "vmsize-retirements.json", "os-end-of-life.json")


@cache
def resources_dir() -> Path:
    """Return the folder that holds `profiles/`, `i18n/`, `examples/`, …"""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    # The wheel installs unpacked (pip, pipx), so the package data is a folder beside this file's
    # package -- found without importlib.resources, whose import (tempfile, zipfile readers) cost
    # a few milliseconds of every start-up.
    installed = Path(__file__).resolve().parents[1] / "resources"
    if (installed / "profiles").is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
