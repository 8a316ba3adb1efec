"""The layers of ARCHITECTURE.md hold, as an allow-list of modules per layer: the core imports nothing of Qt
or of the shell; the pages, the main window and the dialogs -- and the command line -- import from the core
only `operations` (the facade) and the type modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIZARD = ROOT / "wizard"

# The type modules: what the shell names, shows or catches, without any rule or service in it.
TYPES = {
    "wizard.core.model",  # the project and its parts
    "wizard.core.steps",  # steps.Step and the step list's states
    "wizard.core.verdicts",  # the five verdicts and how they look
    "wizard.core.profiles",  # the requirement profiles
    "wizard.core.progress",  # CancelToken, ProgressUpdate, Cancelled
    "wizard.core.i18n_marks",  # QT_TRANSLATE_NOOP and TranslatableError
    "wizard.core.codec",  # codec.Problem
    "wizard.core.image_names",  # wording: the image and security type names
    "wizard.core.disk_names",  # wording: the disk name templates
    "wizard.core.guidance",  # wording: the help texts of resources/guidance/
    "wizard.core.status",  # the one status evaluator: its items, marks and templates (what every screen shows)
}
FACADE = {"wizard.core.operations"}

# The first page shows before anything else: importing the facade (its storage and keyring modules) then
# measured tens of milliseconds of start-up. It reads its two light, Qt-free rule modules directly.
FIRST_PAGE_EXTRA = {"wizard.core.validation", "wizard.core.vmsizes"}
# The main window opens a project given at start-up before the first paint: it reads it (projectio) and
# its profile (validation, already loaded by the first page) directly, for the same reason (the facade's
# import cost ~12 ms there).
START_UP_OPEN = {"wizard.core.projectio", "wizard.core.validation"}

# The command line's own output helper (escape sequences out of what it prints).
CLI_EXTRA = {"wizard.core.terminal", "wizard.core.logs"}  # its output helper; its log file (the last wall)
# `preload_gui_core` imports the Qt-free modules the first page needs before PySide6 loads (start-up time):
# an import for the GUI's sake, not a use by a command; allowed in the package's __init__ alone.
GUI_PRELOAD = {"wizard.core.disk_names", "wizard.core.image_names", "wizard.core.projectio",
               "wizard.core.questionnaire", "wizard.core.validation", "wizard.core.vmsizes"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every wizard module `path` imports at run time (`from x import name` counts x, and x.name when
    that is a module); imports under `if TYPE_CHECKING:` are for annotations and do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for block in ast.walk(tree)
                   if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                   for stmt in block.body for node in ast.walk(stmt)}
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("wizard")}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else (node.module or "")
            if not base.startswith("wizard"):
                continue
            found.add(base)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() or \
                        (ROOT / Path(*candidate.split(".")) / "__init__.py").exists():
                    found.add(candidate)
    return found


def core_imports(path: Path) -> set[str]:
    return {m for m in imported_modules(path) if m.startswith("wizard.core.") or m == "wizard.core"} - {"wizard.core"}


def shell_files() -> list[Path]:
    """The pages, the main window and the dialogs (and the widgets they are made of)."""
    return [*sorted((WIZARD / "pages").rglob("*.py")), WIZARD / "mainwindow.py", *sorted(WIZARD.glob("*_dialog.py")),
            WIZARD / "guidance_panel.py", WIZARD / "secret_ui.py"]


def cli_files() -> list[Path]:
    """The command line: wizard/cli.py, or the package wizard/cli/ it becomes."""
    return [p for p in [WIZARD / "cli.py", *sorted((WIZARD / "cli").rglob("*.py"))] if p.exists()]


def cli_modules() -> list[str]:
    return [module_name(p) for p in cli_files()]


def test_the_pages_main_window_and_dialogs_use_only_the_facade_and_the_types():
    offenders = {}
    for path in shell_files():
        allowed = FACADE | TYPES | (FIRST_PAGE_EXTRA if path.name == "offer_page.py" else set()) \
            | (START_UP_OPEN if path.name == "mainwindow.py" else set())
        extra = core_imports(path) - allowed
        if extra:
            offenders[path.relative_to(ROOT).as_posix()] = sorted(extra)
    assert offenders == {}
    assert len(shell_files()) >= 15  # every page and dialog was looked at, not a handful


def test_the_command_line_uses_only_the_facade_and_the_types():
    files = cli_files()
    assert files, "no command line found"
    offenders = {}
    for path in files:
        allowed = FACADE | TYPES | CLI_EXTRA | (GUI_PRELOAD if path.name == "__init__.py" else set())
        extra = core_imports(path) - allowed
        if extra:
            offenders[path.relative_to(ROOT).as_posix()] = sorted(extra)
    assert offenders == {}
    used = set().union(*(core_imports(p) for p in files))
    assert "wizard.core.operations" in used


def test_the_core_imports_nothing_of_the_shell():
    offenders = {}
    for path in sorted((WIZARD / "core").rglob("*.py")):
        outside = {m for m in imported_modules(path) if not m.startswith("wizard.core")} - {"wizard"}
        if outside:
            offenders[path.relative_to(ROOT).as_posix()] = sorted(outside)
    assert offenders == {}


def test_the_allow_list_sees_what_it_is_shown():
    # The reader of imports itself: relative, nested, module-valued and typing-only imports.
    page = WIZARD / "pages" / "sas_page.py"
    seen = core_imports(page)
    assert "wizard.core.operations" in seen and "wizard.core.model" in seen
    assert "wizard.core.storage" not in seen  # imported there only for annotations
    assert "wizard.core.credentials" in imported_modules(WIZARD / "core" / "operations.py")
    assert "wizard.core.export.renderers" in imported_modules(WIZARD / "core" / "export" / "__init__.py")


def test_the_facade_names_what_it_lends_the_pages():
    # Every lazily lent name resolves to the core object of that name (a typo would surface only on a click).
    import importlib

    from wizard.core import operations

    for name, where in operations._FOR_THE_PAGES.items():
        module, _, original = where.partition(":")
        assert getattr(operations, name) is getattr(importlib.import_module(f"wizard.core.{module}"), original or name)


def test_the_core_and_the_command_line_never_import_qt():
    modules = sorted("wizard.core." + p.relative_to(ROOT / "wizard/core").with_suffix("").as_posix().replace("/", ".")
                     for p in (ROOT / "wizard/core").rglob("*.py") if p.name != "__init__.py")
    code = ("import importlib, sys\n"
            f"for m in {modules + cli_modules()!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert len(modules) > 30  # every module of the core was imported, not a handful
