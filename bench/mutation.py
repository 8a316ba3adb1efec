"""Mutation testing of the core: `python bench/run.py mutation [module ...] [--jobs N]`.

One small change at a time in a core module — a flipped comparison, `and`/`or`, `+`/`-`,
`*`/`/`, an integer constant ±1, a dropped `not` or unary minus, `return X` → `return None` —
then the offline tests that belong to that module (`-m "not services"`, stopping at the first
failure). A mutant the tests notice is killed; one they do not notice survives and is listed
as file:line with the change. The score is killed / all mutants, per module.

Why a small AST mutator and not mutmut: mutmut rewrites the sources in place (or into a
`mutants/` copy) and drives pytest in its own process model, which fights this suite's conftest
(PySide6 finalisation, `os._exit` at unconfigure) and the CLI tests that start `python -m
wizard` in a subprocess. Here nothing is written to the worktree: a mutant lives only in the
memory of the test process, through an import hook that `sitecustomize` installs from the
environment (`MPW_MUTANT=path:index`), so the CLI subprocesses the tests start run the same
mutant. The test process is forked from a parent that has already imported pytest, PySide6 and
the Azure SDK (never `wizard`), which saves most of the start-up per mutant.

Equivalent mutants (survivors that cannot change behaviour) are explained in
bench/mutation-survivors.md; the score is printed both raw and without them.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK_DIR = Path(__file__).resolve().parent / "mutation_hook"
SURVIVORS_DOC = Path(__file__).resolve().parent / "mutation-survivors.md"
TIMEOUT = 60.0  # per mutant; a mutant that loops forever is killed (the tests did notice something)

# module → (source files, offline test files that judge it, fastest-killing first)
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "vhd": (["wizard/core/vhd.py"],
            [
             "tests/core/test_vhd.py",
             "tests/core/test_edges_profiles.py",
             "tests/core/test_vhd_inspect.py",
             "tests/core/test_partitions.py"]),
    "vhdcheck": (["wizard/core/vhdcheck.py"],
                 [
             "tests/core/test_vhd.py",
             "tests/core/test_vhdcheck.py",
             "tests/core/test_edges_profiles.py",
             "tests/core/test_vhd_inspect.py",
             "tests/core/test_partitions.py",
             "tests/core/test_fix_commands.py",
             "tests/gui/test_image_types.py"]),
    "sas": (["wizard/core/sas.py"],
            [
             "tests/core/test_sas_rules.py",
             "tests/core/test_edges_profiles.py",
             "tests/services/test_sas.py"]),
    "linux_checks": (["wizard/core/linux_checks.py"],
                     [
             "tests/core/test_linux_checks_rules.py",
             "tests/core/test_edges_profiles.py",
             "tests/services/test_linux_checks.py"]),
    "windows_checks": (["wizard/core/windows_checks.py"],
                       [
             "tests/core/test_windows_checks_rules.py",
             "tests/core/test_edges_profiles.py",
             "tests/core/test_windows_checks.py"]),
    "validation": (["wizard/core/validation.py"],
                   [
             "tests/core/test_validation.py",
             "tests/core/test_edges_profiles.py",
             "tests/services/test_partner_center.py",
             "tests/core/test_project_files.py",
             "tests/gui/test_image_types.py"]),
    "export": (["wizard/core/export/formats.py", "wizard/core/export/forms.py", "wizard/core/export/readiness.py",
                "wizard/core/export/renderers.py", "wizard/core/export/tokens.py"],
               [
             "tests/core/test_export_rules.py",
             "tests/services/test_export.py",
             "tests/services/test_partner_center.py",
             "tests/gui/test_test_vm_commands.py",
             "tests/gui/test_hostile_exports.py",
             "tests/gui/test_image_types.py"]),
}

_CMP_SWAP: dict[type, type] = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                               ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot,
                               ast.IsNot: ast.Is}
_BIN_SWAP: dict[type, type] = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
                               ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
           ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
           ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.And: "and", ast.Or: "or"}


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to ROOT
    index: int  # position in the module's mutation list
    line: int
    description: str
    end_line: int = 0
    at_import: bool = False  # module or class level (or a default value): runs when the module is imported
    column: int = 0

    @property
    def key(self) -> str:
        return f"{self.path}:{self.line}:{self.column} {self.description}"


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Nodes not worth mutating: docstrings, annotations, `if TYPE_CHECKING:` and `__all__`."""
    skip: set[int] = set()

    def drop(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            drop(node.returns)
            for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs, node.args.vararg,
                        node.args.kwarg]:
                if arg is not None:
                    drop(arg.annotation)
        elif isinstance(node, ast.AnnAssign):
            drop(node.annotation)
        elif isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            drop(node)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            drop(node)
    return skip


def _sites(tree: ast.AST) -> list[tuple[int, str, int, str]]:
    """(node position in ast.walk order, kind, line, description) for every mutation of the tree."""
    skip = _skipped_nodes(tree)
    out = []
    for pos, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                new = _CMP_SWAP[type(op)]
                nth = f" (comparison {k + 1})" if len(node.ops) > 1 else ""
                out.append((pos, f"cmp{k}", line, f"{_SYMBOL[type(op)]} → {_SYMBOL[new]}{nth}"))
        elif isinstance(node, ast.BoolOp):
            new_op = ast.Or if isinstance(node.op, ast.And) else ast.And
            out.append((pos, "bool", line, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[new_op]}"))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BIN_SWAP:
            operands = [node.left, node.right] if isinstance(node, ast.BinOp) else [node.target, node.value]
            if any(_is_text(o) for o in operands):
                continue  # string concatenation / %-formatting: a TypeError, not a rule
            new = _BIN_SWAP[type(node.op)]
            out.append((pos, "bin", line, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[new]}"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            out.append((pos, "unary", line, "drop `not`" if isinstance(node.op, ast.Not) else "drop unary -"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            out.append((pos, "plus", line, f"{node.value} → {node.value + 1}"))
            out.append((pos, "minus", line, f"{node.value} → {node.value - 1}"))
        elif isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            out.append((pos, "return", line, "return … → return None"))
    return out


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST):
        self.target, self.replacement = target, replacement

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return self.replacement
        return super().generic_visit(node)


def mutate(tree: ast.Module, index: int) -> ast.Module:
    """The tree with mutation number `index` applied (a fresh copy)."""
    tree = copy.deepcopy(tree)
    pos, kind, _line, _desc = _sites(tree)[index]
    node = list(ast.walk(tree))[pos]
    if kind.startswith("cmp"):
        k = int(kind[3:])
        assert isinstance(node, ast.Compare)
        node.ops[k] = _CMP_SWAP[type(node.ops[k])]()
    elif kind == "bool":
        assert isinstance(node, ast.BoolOp)
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "bin":
        assert isinstance(node, (ast.BinOp, ast.AugAssign))
        node.op = _BIN_SWAP[type(node.op)]()
    elif kind == "unary":
        assert isinstance(node, ast.UnaryOp)
        tree = _Replace(node, node.operand).visit(tree)
    elif kind in ("plus", "minus"):
        assert isinstance(node, ast.Constant)
        node.value = node.value + (1 if kind == "plus" else -1)
    elif kind == "return":
        assert isinstance(node, ast.Return)
        node.value = ast.Constant(None)
    return ast.fix_missing_locations(tree)


def _in_function_bodies(tree: ast.AST) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for stmt in (node.body if isinstance(node.body, list) else [node.body]):
                inside.update(id(n) for n in ast.walk(stmt))
    return inside


def mutants_of(path: str) -> list[Mutant]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree))
    runtime = _in_function_bodies(tree)
    out = []
    for i, (pos, _kind, line, desc) in enumerate(_sites(tree)):
        node = nodes[pos]
        out.append(Mutant(path, i, line, desc, getattr(node, "end_lineno", None) or line, id(node) not in runtime,
                          getattr(node, "col_offset", 0)))
    return out


def documented_equivalents() -> set[str]:
    """`path:line change` keys listed in bench/mutation-survivors.md (lines starting with "- `")."""
    if not SURVIVORS_DOC.exists():
        return set()
    keys = set()
    for line in SURVIVORS_DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"- `([^`]+)`", line)
        if m:
            keys.add(m.group(1))
    return keys


# -- which tests run which lines -------------------------------------------------------------------
class LineMap:
    """A pytest plugin for the unmutated run: which test executes which line of the mutated files.

    A mutant then runs only the tests that execute its lines (module-level mutants: all of them),
    in the order pytest ran them; a mutant on a line no test executes survives without a run.
    (A line reached only in a subprocess — the CLI tests — is not seen: such a mutant is judged by
    the in-process tests alone.)
    """

    def __init__(self, files: list[str], out: str):
        self.files = {str(ROOT / f): f for f in files}
        self.out = out
        self.hits: dict[str, list[str]] = {}
        self.order: list[str] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):  # noqa: ANN001 - pytest hook
        import threading

        hits: set[tuple[str, int]] = set()
        files = self.files

        def local(frame, event, arg):  # noqa: ANN001
            if event == "line":
                hits.add((frame.f_code.co_filename, frame.f_lineno))
            return local

        def enter(frame, event, arg):  # noqa: ANN001
            if frame.f_code.co_filename in files:
                hits.add((frame.f_code.co_filename, frame.f_lineno))
                return local
            return None

        sys.settrace(enter)
        threading.settrace(enter)
        try:
            yield
        finally:
            sys.settrace(None)
            threading.settrace(None)
        self.order.append(item.nodeid)
        for filename, line in hits:
            self.hits.setdefault(f"{files[filename]}:{line}", []).append(item.nodeid)

    def pytest_sessionfinish(self, session, exitstatus):  # noqa: ANN001
        import json

        Path(self.out).write_text(json.dumps({"order": self.order, "hits": self.hits}), encoding="utf-8")


class _Only:
    """Keeps only the chosen test ids, in the order given (no id found: pytest's "no tests ran", exit 5)."""

    def __init__(self, ids: list[str]):
        self.rank = {t: i for i, t in enumerate(ids)}

    def pytest_collection_modifyitems(self, session, config, items):  # noqa: ANN001 - pytest hook
        chosen = sorted((i for i in items if i.nodeid in self.rank), key=lambda i: self.rank[i.nodeid])
        config.hook.pytest_deselected(items=[i for i in items if i.nodeid not in self.rank])
        items[:] = chosen


def tests_for(mutant: Mutant, line_map: dict, files: list[str]) -> list[str]:
    """The test ids that execute the mutant's lines, in run order; every test file for import-time code."""
    if mutant.at_import:
        return files
    wanted: set[str] = set()
    for line in range(mutant.line, max(mutant.end_line, mutant.line) + 1):
        wanted.update(line_map["hits"].get(f"{mutant.path}:{line}", ()))
    return [t for t in line_map["order"] if t in wanted]


# -- running -------------------------------------------------------------------------------------
def _preimport() -> None:
    """What every test process imports anyway (never `wizard`: the mutant must be imported fresh)."""
    import pytest  # noqa: F401

    for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "pytestqt.plugin", "hypothesis",
                 "azure.storage.blob", "azure.core.exceptions", "paramiko", "jsonschema", "keyring"):
        try:
            __import__(name)
        except ImportError:
            pass


def _child(mutant: Mutant | None, tests: list[str], basetemp: str, trace: tuple[list[str], str] | None = None) -> None:
    """In the forked process: install the mutant, run pytest, exit with its status."""
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))  # this worktree's `wizard`, whatever the virtualenv points at
    # Byte code caches on, whatever the environment says: compiling the package and rewriting the test
    # modules again in every test process costs more than the tests (the mutant itself never gets a .pyc).
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if mutant is not None:
        os.environ["MPW_MUTANT"] = f"{mutant.path}:{mutant.index}"
        os.environ["PYTHONPATH"] = os.pathsep.join([str(HOOK_DIR), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        sys.path.insert(0, str(HOOK_DIR))
        import mutation_loader

        mutation_loader.install()
    if not os.environ.get("MPW_MUTATION_VERBOSE"):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
    import pytest

    plugins: list[object] = [LineMap(*trace)] if trace else []
    files = list(dict.fromkeys(t.split("::", 1)[0] for t in tests))
    if any("::" in t for t in tests):  # chosen tests: collected by file and picked by id (ids may hold any text)
        plugins.append(_Only(tests))
    code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-m", "not services", f"--basetemp={basetemp}",
                        "-o", "faulthandler_timeout=0", *files], plugins=plugins)
    os._exit(int(code))


@dataclass
class Outcome:
    mutant: Mutant | None
    status: str  # killed | survived | timeout | error
    seconds: float


def run_all(jobs: list[tuple[Mutant | None, list[str]]], parallel: int, timeout: float,
            report: callable = lambda o: None, trace: tuple[list[str], str] | None = None  # type: ignore[valid-type]
            ) -> list[Outcome]:
    workdir = Path(tempfile.mkdtemp(prefix="mpw-mutation-"))
    running: dict[int, tuple[Mutant | None, float, Path]] = {}
    outcomes: list[Outcome] = []
    queue = list(jobs)
    started = 0
    try:
        while queue or running:
            while queue and len(running) < parallel:
                mutant, tests = queue.pop(0)
                started += 1
                basetemp = workdir / str(started)  # one per test process: pytest empties its basetemp
                pid = os.fork()
                if pid == 0:
                    try:
                        _child(mutant, tests, str(basetemp), trace)
                    finally:
                        os._exit(99)
                running[pid] = (mutant, time.monotonic(), basetemp)
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                now = time.monotonic()
                for cpid, (_mutant, started, _bt) in list(running.items()):
                    if now - started > timeout:
                        os.kill(cpid, signal.SIGKILL)
                time.sleep(0.05)
                continue
            mutant, started, basetemp = running.pop(pid)
            seconds = time.monotonic() - started
            shutil.rmtree(basetemp, ignore_errors=True)
            code = os.waitstatus_to_exitcode(status)
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL and seconds > timeout:
                result = "timeout"
            elif code in (4, 5):  # pytest: a test id not found / nothing collected — the tests changed, not the code
                result = "error"
            else:
                result = "survived" if code == 0 else "killed"  # 1: a test failed; 2: collection broke (import)
            outcome = Outcome(mutant, result, seconds)
            outcomes.append(outcome)
            report(outcome)
    finally:
        for cpid in running:
            os.kill(cpid, signal.SIGKILL)
        shutil.rmtree(workdir, ignore_errors=True)
    return outcomes


class _Progress:
    """Prints each survivor as it is found, and a count every 50 mutants."""

    def __init__(self, total: int):
        self.total, self.done, self.started = total, 0, time.monotonic()

    def __call__(self, o: Outcome) -> None:
        self.done += 1
        if o.status == "survived" and o.mutant is not None:
            print(f"   survived  {o.mutant.key}", flush=True)
        if self.done % 50 == 0:
            print(f"   … {self.done}/{self.total} ({time.monotonic() - self.started:.0f} s)", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py mutation", description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help=f"modules to mutate (default: all of {', '.join(MODULES)})")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per mutant")
    parser.add_argument("--lines", help="only mutants on these lines, e.g. 120-180 (with one module)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    args = parser.parse_args(argv)
    chosen = args.modules or list(MODULES)
    unknown = [m for m in chosen if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; known: {', '.join(MODULES)}")
    equivalents = documented_equivalents()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still ends its test processes
    _preimport()
    started = time.monotonic()
    summary = []
    for module in chosen:
        files, tests = MODULES[module]
        tests = [t for t in tests if (ROOT / t).exists()]
        mutants = [m for f in files for m in mutants_of(f)]
        if args.lines:
            lo, _, hi = args.lines.partition("-")
            mutants = [m for m in mutants if int(lo) <= m.line <= int(hi or lo)]
        if args.list:
            for m in mutants:
                print(m.key)
            continue
        print(f"== {module}: {len(mutants)} mutants, tests {' '.join(Path(t).name for t in tests)}", flush=True)
        map_file = Path(tempfile.mkstemp(prefix="mpw-linemap-", suffix=".json")[1])
        (baseline,) = run_all([(None, tests)], 1, args.timeout * 10, trace=(files, str(map_file)))
        if baseline.status != "survived":
            print(f"   the unmutated tests fail ({baseline.status}): fix them first", flush=True)
            summary.append((module, len(mutants), None, None))
            continue
        import json

        line_map = json.loads(map_file.read_text(encoding="utf-8"))
        map_file.unlink()
        progress = _Progress(len(mutants))
        jobs, uncovered = [], []
        for m in mutants:
            selected = tests_for(m, line_map, tests)
            if selected:
                jobs.append((m, selected))
            else:
                uncovered.append(Outcome(m, "survived", 0.0))
                print(f"   survived  {m.key}  (no test runs this line)", flush=True)
        outcomes = run_all(jobs, args.jobs, args.timeout, progress) + uncovered
        t0 = progress.started
        errors = [o for o in outcomes if o.status == "error"]
        if errors:
            print(f"   {len(errors)} mutant(s) not judged: a selected test was not found (were the tests edited "
                  "during the run?)", flush=True)
        outcomes = [o for o in outcomes if o.status != "error"]
        killed = sum(o.status != "survived" for o in outcomes)
        survivors = [o.mutant for o in outcomes if o.status == "survived"]
        explained = [m for m in survivors if m is not None and m.key in equivalents]
        total = len(outcomes)
        raw = 100.0 * killed / total if total else 100.0
        effective = 100.0 * killed / (total - len(explained)) if total - len(explained) else 100.0
        print(f"   {module}: {killed}/{total} killed = {raw:.1f} % ({len(explained)} documented equivalent: "
              f"{effective:.1f} % of the rest), {time.monotonic() - t0:.0f} s, baseline {baseline.seconds:.1f} s",
              flush=True)
        summary.append((module, total, raw, effective))
    if not args.list:
        print(f"== mutation scores ({time.monotonic() - started:.0f} s in all)")
        for module, total, raw, effective in summary:
            if raw is None:
                print(f"   {module:15} {total:4} mutants  baseline failed")
            else:
                print(f"   {module:15} {total:4} mutants  {raw:5.1f} %  ({effective:5.1f} % without documented equivalents)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
