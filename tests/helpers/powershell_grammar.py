"""A real PowerShell grammar for the tests: tree-sitter with the tree-sitter-powershell grammar (both
from PyPI, in the `test` extra). `parse_errors(source)` lists where the grammar could not parse the
script; an empty list means it parsed."""

from __future__ import annotations

from functools import cache


@cache
def _parser():
    import tree_sitter_powershell
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_powershell.language()))


def parse_errors(source: str) -> list[str]:
    """Every ERROR or MISSING node of the parse, as 'line:column: text' (1-based lines and columns)."""
    tree = _parser().parse(source.encode("utf-8"))
    errors: list[str] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            line, column = node.start_point
            kind = "missing" if node.is_missing else "cannot parse"
            text = source.encode("utf-8")[node.start_byte:node.end_byte][:60].decode("utf-8", "replace")
            errors.append(f"{line + 1}:{column + 1}: {kind} {node.type if node.is_missing else ''}{text!r}")
        elif node.has_error:
            stack.extend(reversed(node.children))
    return errors
