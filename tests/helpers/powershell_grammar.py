"""PowerShell source checked with a real PowerShell grammar (tree-sitter-powershell from PyPI).

No PowerShell runs here; the grammar is the next best judge of whether a script the product
ships or sends would even parse on Windows. Shared by the tests of the Windows probe and the
SSH bootstrap (issue #24) and of the exported .ps1 scripts.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _parser() -> Any:
    import tree_sitter
    import tree_sitter_powershell

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))


def parse_errors(source: str) -> list[str]:
    """Every ERROR or MISSING node of `source`'s parse tree, as "line:column: what" (1-based); [] if it parses."""
    tree = _parser().parse(source.encode("utf-8"))
    lines = source.splitlines()
    found: list[str] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing or node.is_error:
            row, column = node.start_point
            text = lines[row].strip() if row < len(lines) else ""
            what = f"missing {node.type}" if node.is_missing else "syntax error"
            found.append(f"{row + 1}:{column + 1}: {what} in: {text[:120]}")
        if node.has_error:
            stack.extend(reversed(node.children))
    return sorted(found, key=lambda f: tuple(int(x) for x in f.split(":")[:2]))
