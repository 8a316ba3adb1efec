"""Everything the command line writes: result lines, JSON, error/warning/note lines, and the streams
that make text from VMs, images and project files safe for a terminal.

- Control and bidirectional characters are written as visible escapes (`core.terminal.visible`); on
  stderr a SAS signature or a secret seen this run is masked (`core.logs.redact`).
- **Undecodable bytes** (a file name inside an image, or given on the command line, that is not UTF-8:
  Python holds each such byte 0xNN as the lone surrogate U+DCNN) are written as U+FFFD followed by the
  four characters `\\xNN` -- e.g. the name `caf` + byte 0xE9 prints as `caf�\\xe9`. The output is always
  valid UTF-8 (and `--json` valid JSON with no lone surrogate in it), U+FFFD says that something could
  not be decoded, as any UTF-8 decoder would, and `\\xNN` says which byte it was. Any other lone
  surrogate (from a `\\udXXX` escape in a project's JSON) is written as U+FFFD and `\\uXXXX`.
- Core messages are templates (`QT_TRANSLATE_NOOP`): the command line renders them in English with
  `english`, so a message has one wording in the GUI and here.

This module and the command modules never import Qt.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO


class CommandError(Exception):
    """What the command was given cannot be used (a variable not set, no credential): exit 2 with the reason."""


# -- undecodable bytes -----------------------------------------------------------------------------
def _replacement(char: str) -> str:
    code = ord(char)
    return f"\ufffd\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\ufffd\\u{code:04x}"


def safe_text(text: str) -> str:
    """`text` without lone surrogates (see the module's docstring for the scheme)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(_replacement(c) if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def json_safe(value: Any) -> Any:
    """`value` (JSON-shaped) with every string, keys included, passed through `safe_text`."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def print_json(value: Any, ensure_ascii: bool = False) -> None:
    """One JSON document on stdout: valid UTF-8 whatever the names in it."""
    print(json.dumps(json_safe(value), indent=2, ensure_ascii=ensure_ascii))


def install_streams() -> tuple[TextIO, TextIO]:
    """Wrap stdout and stderr for the command -- `core.terminal.visible` (and on stderr redaction) after
    `safe_text` -- and return the originals to put back."""
    from ..core.terminal import VisibleStream

    class CommandStream(VisibleStream):
        def write(self, text: str) -> int:
            super().write(safe_text(text))
            return len(text)

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CommandStream(out), CommandStream(err, redact=True)
    return out, err


# -- message lines ---------------------------------------------------------------------------------
def english(template: str, **args: Any) -> str:
    """A core message template (QT_TRANSLATE_NOOP) in English, filled in."""
    return template.format(**args) if args else template


def error(message: object) -> None:
    print(f"error: {message}", file=sys.stderr)


def warning(message: object) -> None:
    print(f"warning: {message}", file=sys.stderr)


def note(message: object) -> None:
    print(f"note: {message}", file=sys.stderr)


# -- results ---------------------------------------------------------------------------------------
def check_result_lines(results: Iterable[Any]) -> None:
    """A certification run's results, one line each (and the fix where a note would explain it)."""
    from ..core.verdicts import NEEDS_NOTE, PASSED

    for r in results:
        print(f"[{r.result:7}] {r.id}: {r.actual}" + (f"  (required: {r.required})" if r.result != PASSED else ""))
        if r.remediation and r.result in NEEDS_NOTE:
            print(f"          fix: {r.remediation}")


def finding_lines(findings: Iterable[Any], indent: str = "", fixes: bool = False) -> None:
    """A VHD's or a SAS's findings, one line each: severity, id, message (and the fix)."""
    for f in findings:
        print(f"{indent}[{f.severity.upper():7}] {f.id}: {f.message}")
        if fixes and f.fix:
            print(f"{indent}          fix: {f.fix}")


def blocking(results: Iterable[Any]) -> bool:
    """Any Failed or Error result: the command exits 1."""
    from ..core.verdicts import BLOCKING

    return any(r.result in BLOCKING for r in results)
