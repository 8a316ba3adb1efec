"""The layers of ARCHITECTURE.md hold: the core and the command line never import Qt, and no page or
CLI function reaches past the operations layer into the core's orchestration."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What only wizard/core/operations.py may call: each is a step of an operation a publisher does.
ORCHESTRATION = {
    "upload_vhd", "check_target", "run_linux_suite", "run_on_target", "run_connection_test",
    "run_windows_connection_test", "open_session", "run_command", "create_sas", "verify_sas",
    "make_project_bundle", "store_bundle", "load_sas_uris", "prepare", "render", "judge", "to_record",
}


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and "core" in node.module:
            names |= {alias.name for alias in node.names}
    return names


def test_no_page_or_cli_function_orchestrates_the_core():
    callers = [*sorted((ROOT / "wizard/pages").glob("*.py")), *sorted((ROOT / "wizard/cli").glob("*.py")),
               ROOT / "wizard/smoke.py"]
    offenders = {p.relative_to(ROOT).as_posix(): sorted(imported_names(p) & ORCHESTRATION) for p in callers}
    assert {k: v for k, v in offenders.items() if v} == {}


CLI_MODULES = sorted("wizard.cli" + ("" if p.stem == "__init__" else "." + p.stem) for p in (ROOT / "wizard/cli").glob("*.py"))


def test_the_core_and_the_command_line_never_import_qt():
    modules = sorted("wizard.core." + p.relative_to(ROOT / "wizard/core").with_suffix("").as_posix().replace("/", ".")
                     for p in (ROOT / "wizard/core").rglob("*.py") if p.name != "__init__.py")
    code = ("import importlib, sys\n"
            f"for m in {modules + CLI_MODULES!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert len(modules) > 30  # every module of the core was imported, not a handful
