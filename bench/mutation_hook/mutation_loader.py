"""The import hook of bench/mutation.py: `MPW_MUTANT=path:index` makes that module import mutated.

Nothing is written anywhere: the mutated tree is compiled in memory under the real file name,
so tracebacks point at the real line.
"""

from __future__ import annotations

import ast
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _mutation_module():
    spec = importlib.util.spec_from_file_location("_mpw_mutation", ROOT / "bench" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["_mpw_mutation"] = module
    spec.loader.exec_module(module)
    return module


class _Loader(importlib.machinery.SourceFileLoader):
    def __init__(self, fullname: str, path: str, code):
        super().__init__(fullname, path)
        self._code = code

    def get_code(self, fullname):
        return self._code


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, fullname: str, path: Path, index: int):
        self.fullname, self.path, self.index = fullname, path, index

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.fullname:
            return None
        tree = _mutation_module().mutate(ast.parse(self.path.read_text(encoding="utf-8")), self.index)
        code = compile(tree, str(self.path), "exec")
        return importlib.util.spec_from_file_location(fullname, str(self.path),
                                                      loader=_Loader(fullname, str(self.path), code))


def install() -> None:
    spec = os.environ.get("MPW_MUTANT")
    if not spec:
        return
    rel, _, index = spec.rpartition(":")
    fullname = rel.removesuffix(".py").replace("/", ".")
    # No sys.dont_write_bytecode: the mutant never reaches a .pyc (get_code above), and pytest's cache of
    # rewritten test modules saves a second per test process.
    sys.meta_path.insert(0, _Finder(fullname, ROOT / rel, int(index)))
