"""Text from outside (a VM's output, a project file) made harmless for a terminal.

An escape sequence in a check's evidence can retitle or clear the terminal, move the cursor and
print a fake "TestResult: Pass"; a carriage return can overwrite a line; bidirectional controls
can reorder what is shown. `visible` writes each such character as a visible escape (`\\x1b`,
`\\u202e`) and keeps newlines and tabs. JSON output needs nothing more: it escapes control
characters itself, and `\\uXXXX` is also how JSON spells the bidirectional controls.
"""

from __future__ import annotations

import io
import unicodedata
from typing import TextIO

_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character except newline and tab written as an escape."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if (c not in "\n\t" and (unicodedata.category(c) in ("Cc", "Zl", "Zp")
                                                       or ord(c) in _BIDI)) else c for c in text)


class VisibleStream(io.TextIOBase):
    """A text stream that passes everything through `visible` (the command line's stdout and stderr)."""

    def __init__(self, inner: TextIO):
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.inner.encoding
